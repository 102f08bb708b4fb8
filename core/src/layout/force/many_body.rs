//! The many-body force: every node pushes (negative strength) or pulls (positive) every other
//! node, with magnitude `strength * alpha / distance`, approximated with Barnes–Hut.
//!
//! d3's model, kept exactly: each tick a quadtree of the current positions is built; each cell
//! gets the summed strength of its points and their centroid weighted by `|strength|`. For each
//! node the tree is walked from the root; a cell of width `w` at squared distance `l` is treated
//! as one body when `w² / θ² < l`, otherwise its children (or, for a leaf, its points) are
//! visited. Distances below `distance_min` are softened to `sqrt(distance_min² · l)` and cells
//! beyond `distance_max` are ignored. θ = 0 gives the exact O(n²) sum.
//!
//! Unlike d3, the tree is a [`FlatQuadtree`] reused across ticks; its cells are copied, in
//! d3's visiting order (pre-order, quadrants 0 to 3), into one packed array holding what the
//! walk needs (centroid, strength, `width² / θ²`, where the subtree ends), aggregated bottom-up
//! in one reverse pass. The walk then needs no stack: an opened cell continues with the next
//! array entry (its first child), any other cell jumps past its subtree. It visits cells in
//! exactly d3's order, so contributions are summed, and random numbers drawn, in d3's order.

use super::{finite_or, ConstantOrPerItem};
use crate::layout::quadtree::{FlatQuadtree, VisitingOrder, NONE};
use crate::layout::random::LinearCongruentialGenerator;
use crate::layout::simulation::NodeArrays;

/// One cell as the many-body walk needs it, packed so a visit reads one cache line. Stored in
/// d3's visiting order (pre-order), so that a cell's first child, if opened, is the next cell,
/// and `next_after_subtree` is where the walk continues when the cell is not opened: the walk
/// needs no stack and reads memory forwards only.
#[derive(Clone, Copy, Debug, Default)]
struct ChargeCell {
    /// The `|strength|`-weighted centroid (a leaf: its points' position).
    centroid_x: f64,
    centroid_y: f64,
    /// The summed strength of the points inside.
    strength: f64,
    /// `width² / θ²`: the cell counts as one body when the squared distance exceeds this.
    /// Computed as d3 computes it, so the comparison is the same.
    opening_distance_squared: f64,
    /// The position, in visiting order, of the first cell after this cell's subtree.
    next_after_subtree: u32,
    /// For a leaf: its first point; `NONE` for internal cells.
    first_point: u32,
}

/// Charge between all pairs of nodes (d3 `forceManyBody`).
///
/// Differences from d3: a non-finite strength becomes 0; a non-finite or negative `theta` or
/// `distance_min` becomes the default; a NaN or non-positive `distance_max` means no maximum;
/// and if both jiggles of a coincident pair come out exactly zero the pair is skipped for that
/// tick (d3 would divide by zero when `distance_min` is 0).
#[derive(Clone, Debug)]
pub struct ManyBodyForce {
    strength: ConstantOrPerItem,
    theta: f64,
    distance_min: f64,
    distance_max: f64,
    // Derived by `initialize`.
    node_strengths: Vec<f64>,
    // Scratch reused across ticks: the tree, its visiting order, and its cells in that order
    // with their charges.
    tree: FlatQuadtree,
    charge_cells: Vec<ChargeCell>,
    visiting_order: VisitingOrder,
}

impl Default for ManyBodyForce {
    fn default() -> Self {
        Self::new()
    }
}

impl ManyBodyForce {
    /// d3's default strength: every node repels with strength 30.
    pub const DEFAULT_STRENGTH: f64 = -30.0;
    /// d3's default Barnes–Hut accuracy parameter.
    pub const DEFAULT_THETA: f64 = 0.9;
    /// d3's default minimum distance.
    pub const DEFAULT_DISTANCE_MIN: f64 = 1.0;

    /// A many-body force with d3's defaults: strength -30, θ 0.9, distance from 1 to infinity.
    pub fn new() -> Self {
        ManyBodyForce {
            strength: ConstantOrPerItem::Constant(Self::DEFAULT_STRENGTH),
            theta: Self::DEFAULT_THETA,
            distance_min: Self::DEFAULT_DISTANCE_MIN,
            distance_max: f64::INFINITY,
            node_strengths: Vec::new(),
            tree: FlatQuadtree::default(),
            charge_cells: Vec::new(),
            visiting_order: VisitingOrder::default(),
        }
    }

    /// Sets every node's strength, or each node's by index (negative repels, positive attracts).
    pub fn with_strength(mut self, strength: impl Into<ConstantOrPerItem>) -> Self {
        self.strength = strength.into();
        self
    }

    /// Sets the Barnes–Hut parameter θ: larger is faster and coarser; 0 is exact.
    pub fn with_theta(mut self, theta: f64) -> Self {
        self.theta = if theta.is_finite() && theta >= 0.0 { theta } else { Self::DEFAULT_THETA };
        self
    }

    /// Sets the distance below which the force stops growing (avoids huge pushes between
    /// nearly coincident nodes).
    pub fn with_distance_min(mut self, distance_min: f64) -> Self {
        self.distance_min =
            if distance_min.is_finite() && distance_min >= 0.0 { distance_min } else { Self::DEFAULT_DISTANCE_MIN };
        self
    }

    /// Sets the distance beyond which nodes no longer affect each other (infinite by default).
    pub fn with_distance_max(mut self, distance_max: f64) -> Self {
        self.distance_max = if distance_max > 0.0 { distance_max } else { f64::INFINITY };
        self
    }

    pub(crate) fn initialize(&mut self, node_count: usize) {
        self.node_strengths.clear();
        self.node_strengths
            .extend((0..node_count).map(|i| finite_or(self.strength.value_for(i, Self::DEFAULT_STRENGTH), 0.0)));
    }

    pub(crate) fn apply(&mut self, alpha: f64, nodes: &mut NodeArrays, random: &mut LinearCongruentialGenerator) {
        let node_count = nodes.xs.len().min(self.node_strengths.len());
        {
            let (xs, ys) = (&nodes.xs, &nodes.ys);
            self.tree.rebuild_with(node_count, |i| (xs[i], ys[i]));
        }
        if self.tree.is_empty() {
            return;
        }
        // d3 stores the squares; so do we, computed the same way.
        let theta_squared = self.theta * self.theta;
        let distance_min_squared = self.distance_min * self.distance_min;
        let distance_max_squared = self.distance_max * self.distance_max;
        self.accumulate_charge_cells(theta_squared);

        let cells = &self.charge_cells[..];
        let cell_count = cells.len();
        let next_point_in_leaf = &self.tree.next_point_in_leaf;
        let node_strengths = &self.node_strengths;
        let NodeArrays { xs, ys, vxs, vys } = nodes;
        for node in 0..node_count {
            let node_x = xs[node];
            let node_y = ys[node];
            // Accumulating in locals adds in the same order as d3's `node.vx +=`.
            let mut vx = vxs[node];
            let mut vy = vys[node];
            // Walk in visiting order from the root (position 0): an opened cell continues with
            // its first child (the next position), any other with `next_after_subtree`.
            let mut position = 0;
            while position < cell_count {
                let current = position;
                let cell = &cells[current];
                position = cell.next_after_subtree as usize;
                let strength = cell.strength;
                // d3: `if (!quad.value) return true;`: zero (or NaN) total strength, skip.
                if strength == 0.0 || strength.is_nan() {
                    continue;
                }
                let mut dx = cell.centroid_x - node_x;
                let mut dy = cell.centroid_y - node_y;
                let mut distance_squared = dx * dx + dy * dy;

                // Far enough: treat the whole cell as one body at its centroid.
                if cell.opening_distance_squared < distance_squared {
                    if distance_squared < distance_max_squared {
                        random.jiggle_zero_components(&mut dx, &mut dy, &mut distance_squared);
                        distance_squared = soften(distance_squared, distance_min_squared);
                        if distance_squared != 0.0 {
                            vx += dx * strength * alpha / distance_squared;
                            vy += dy * strength * alpha / distance_squared;
                        }
                    }
                    continue;
                }

                // Too close to approximate: open an internal cell (its children follow it).
                let first_point = cell.first_point;
                if first_point == NONE {
                    position = current + 1;
                    continue;
                }
                if distance_squared >= distance_max_squared {
                    continue;
                }

                // A leaf: sum its coincident points directly, skipping the node itself.
                if first_point as usize != node || next_point_in_leaf[first_point as usize] != NONE {
                    random.jiggle_zero_components(&mut dx, &mut dy, &mut distance_squared);
                    distance_squared = soften(distance_squared, distance_min_squared);
                }
                let mut point = first_point;
                while point != NONE {
                    if point as usize != node && distance_squared != 0.0 {
                        let weight = node_strengths[point as usize] * alpha / distance_squared;
                        vx += dx * weight;
                        vy += dy * weight;
                    }
                    point = next_point_in_leaf[point as usize];
                }
            }
            vxs[node] = vx;
            vys[node] = vy;
        }
    }

    /// Copies the tree's cells into `charge_cells` in visiting order, with each cell's total
    /// strength and `|strength|`-weighted centroid, computed children before parents.
    fn accumulate_charge_cells(&mut self, theta_squared: f64) {
        let tree = &self.tree;
        let cell_count = tree.cell_count();
        self.visiting_order.compute(tree);
        self.charge_cells.clear();
        // The tree's capacity, so this stops growing when the tree does.
        self.charge_cells.reserve(tree.cells.capacity());
        self.charge_cells.resize(cell_count, ChargeCell::default());

        for position in (0..cell_count).rev() {
            let tree_cell = &tree.cells[self.visiting_order.cells[position] as usize];
            let width = tree_cell.x1 - tree_cell.x0;
            let mut cell = ChargeCell {
                opening_distance_squared: width * width / theta_squared,
                first_point: tree_cell.first_point,
                next_after_subtree: position as u32 + 1,
                ..ChargeCell::default()
            };
            let mut strength = 0.0;
            if tree_cell.is_leaf() {
                // A leaf sits at its points' common position; its strength is their sum.
                let first_point = tree_cell.first_point as usize;
                cell.centroid_x = tree.point_x[first_point];
                cell.centroid_y = tree.point_y[first_point];
                let mut point = tree_cell.first_point;
                while point != NONE {
                    strength += self.node_strengths[point as usize];
                    point = tree.next_point_in_leaf[point as usize];
                }
            } else {
                let mut weight = 0.0;
                let mut weighted_x = 0.0;
                let mut weighted_y = 0.0;
                for &child in &tree_cell.children {
                    if child == NONE {
                        continue;
                    }
                    let child = &self.charge_cells[self.visiting_order.position_of_cell[child as usize] as usize];
                    // In pre-order the subtree ends where its last child's subtree ends.
                    cell.next_after_subtree = child.next_after_subtree;
                    let child_weight = child.strength.abs();
                    // d3 skips children whose |strength| is zero (or NaN).
                    if child_weight != 0.0 && !child_weight.is_nan() {
                        strength += child.strength;
                        weight += child_weight;
                        weighted_x += child_weight * child.centroid_x;
                        weighted_y += child_weight * child.centroid_y;
                    }
                }
                // d3 leaves 0/0 = NaN here when every child is weightless; such a cell has zero
                // strength and is never used, but we store 0 to keep NaN out of memory.
                if weight != 0.0 {
                    cell.centroid_x = weighted_x / weight;
                    cell.centroid_y = weighted_y / weight;
                }
            }
            cell.strength = strength;
            self.charge_cells[position] = cell;
        }
    }
}

/// d3's softening of very close interactions: below `distance_min`, the squared distance `l`
/// becomes `sqrt(distance_min² · l)`, so the force grows like `1 / distance_min` instead of
/// without bound.
#[inline]
fn soften(distance_squared: f64, distance_min_squared: f64) -> f64 {
    if distance_squared < distance_min_squared {
        (distance_min_squared * distance_squared).sqrt()
    } else {
        distance_squared
    }
}
