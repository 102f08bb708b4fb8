//! The centering force: translates every node by the same amount so that the mean position is
//! the given centre. It changes positions directly, not velocities, and ignores alpha, so it
//! never distorts the layout's shape (d3 `forceCenter`).

use super::finite_or;
use crate::layout::simulation::NodeArrays;

/// Keeps the mean position of the nodes at a point (d3 `forceCenter`).
///
/// Differences from d3: non-finite settings are replaced by the defaults (centre 0, strength 1),
/// and with no nodes nothing happens (d3 divides by zero but then has nothing to move).
#[derive(Clone, Debug, PartialEq)]
pub struct CenterForce {
    center_x: f64,
    center_y: f64,
    strength: f64,
}

impl Default for CenterForce {
    fn default() -> Self {
        Self::new(0.0, 0.0)
    }
}

impl CenterForce {
    /// A centering force towards `(center_x, center_y)` with d3's default strength 1 (the mean
    /// lands exactly on the centre each tick).
    pub fn new(center_x: f64, center_y: f64) -> Self {
        CenterForce { center_x: finite_or(center_x, 0.0), center_y: finite_or(center_y, 0.0), strength: 1.0 }
    }

    /// Sets the fraction of the offset removed each tick; below 1 the centring is gradual,
    /// which looks smoother while nodes are being dragged.
    pub fn with_strength(mut self, strength: f64) -> Self {
        self.strength = finite_or(strength, 1.0);
        self
    }

    pub(crate) fn initialize(&mut self, _node_count: usize) {}

    pub(crate) fn apply(&mut self, nodes: &mut NodeArrays) {
        let node_count = nodes.xs.len();
        if node_count == 0 {
            return;
        }
        let mut sum_x = 0.0;
        let mut sum_y = 0.0;
        for i in 0..node_count {
            sum_x += nodes.xs[i];
            sum_y += nodes.ys[i];
        }
        let count = node_count as f64;
        let shift_x = (sum_x / count - self.center_x) * self.strength;
        let shift_y = (sum_y / count - self.center_y) * self.strength;
        for x in nodes.xs.iter_mut() {
            *x -= shift_x;
        }
        for y in nodes.ys.iter_mut() {
            *y -= shift_y;
        }
    }
}
