//! The positioning forces: pull each node's x (or y) towards a target with a per-node strength,
//! `velocity += (target - position) * strength * alpha` (d3 `forceX`, `forceY`).

use super::ConstantOrPerItem;

/// Pulls one coordinate of each node towards a target (d3 `forceX` / `forceY`); used as
/// [`Force::X`](super::Force::X) or [`Force::Y`](super::Force::Y).
///
/// A node missing from a per-node target list, or whose target or strength is not finite, is
/// not pulled at all (strength 0, target 0). d3 likewise sets the strength to 0 for a NaN
/// target, but keeps the NaN target and then computes `(NaN - x) * 0`, which is NaN.
#[derive(Clone, Debug)]
pub struct PositionForce {
    target: ConstantOrPerItem,
    strength: ConstantOrPerItem,
    // Derived by `initialize`.
    node_targets: Vec<f64>,
    node_strengths: Vec<f64>,
}

impl PositionForce {
    /// d3's default strength.
    pub const DEFAULT_STRENGTH: f64 = 0.1;

    /// A positioning force towards `target` (one value or one per node), strength 0.1.
    pub fn new(target: impl Into<ConstantOrPerItem>) -> Self {
        PositionForce {
            target: target.into(),
            strength: ConstantOrPerItem::Constant(Self::DEFAULT_STRENGTH),
            node_targets: Vec::new(),
            node_strengths: Vec::new(),
        }
    }

    /// Sets the strength, one value or one per node: the fraction of the remaining distance
    /// added to the velocity per tick at alpha 1.
    pub fn with_strength(mut self, strength: impl Into<ConstantOrPerItem>) -> Self {
        self.strength = strength.into();
        self
    }

    pub(crate) fn initialize(&mut self, node_count: usize) {
        self.node_targets.clear();
        self.node_strengths.clear();
        for i in 0..node_count {
            let target = self.target.value_for(i, f64::NAN);
            let strength = self.strength.value_for(i, Self::DEFAULT_STRENGTH);
            if target.is_finite() && strength.is_finite() {
                self.node_targets.push(target);
                self.node_strengths.push(strength);
            } else {
                self.node_targets.push(0.0);
                self.node_strengths.push(0.0);
            }
        }
    }

    pub(crate) fn apply(&mut self, alpha: f64, positions: &[f64], velocities: &mut [f64]) {
        let node_count = positions.len().min(self.node_targets.len());
        for i in 0..node_count {
            velocities[i] += (self.node_targets[i] - positions[i]) * self.node_strengths[i] * alpha;
        }
    }
}
