//! The collision force: nodes are circles, and overlapping circles are pushed apart.
//!
//! d3's model, kept exactly: each iteration builds a quadtree of the nodes' *next* positions
//! (position plus velocity); each cell records the largest radius inside it. For each node `i`
//! the tree is walked, skipping cells that cannot hold a circle overlapping `i`'s; for each
//! leaf whose first point `j` has a larger index than `i` (so each pair is handled once), if the
//! circles overlap, both velocities change to remove `strength` of the overlap, split so that
//! the smaller circle moves more (`rj² / (ri² + rj²)` for `i`).
//!
//! Like d3, only the first point of a chain of exactly coincident points takes part from the
//! leaf side, and the leaf's radius is that point's radius. That is d3's behaviour, kept for
//! fidelity: coincident points are rare and separate after one tick of jiggle anyway.

use super::{finite_or, ConstantOrPerItem};
use crate::layout::quadtree::{FlatQuadtree, VisitingOrder, NONE};
use crate::layout::random::LinearCongruentialGenerator;
use crate::layout::simulation::NodeArrays;

/// One cell as the collision walk needs it, packed. Stored in d3's visiting order (pre-order),
/// so an opened cell's first child is the next cell and `next_after_subtree` is where the walk
/// continues otherwise: no stack, memory read forwards only.
#[derive(Clone, Copy, Debug, Default)]
struct RadiusCell {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    /// The largest radius inside (a leaf: its first point's radius, as in d3).
    max_radius: f64,
    /// The position, in visiting order, of the first cell after this cell's subtree.
    next_after_subtree: u32,
    /// For a leaf: its first point; `NONE` for internal cells.
    first_point: u32,
}

/// Pushes apart overlapping circles (d3 `forceCollide`).
///
/// Differences from d3: a radius that is negative or not finite becomes 0 and radii are capped
/// at [`CollideForce::MAX_RADIUS`] (d3 would compute `∞ / ∞` for a huge radius); a non-finite
/// strength becomes 1; and if both jiggles of a coincident pair come out exactly zero the pair is
/// skipped for that iteration (d3 would divide by zero).
#[derive(Clone, Debug)]
pub struct CollideForce {
    radius: ConstantOrPerItem,
    strength: f64,
    iterations: usize,
    // Derived by `initialize`.
    node_radii: Vec<f64>,
    // Scratch reused across ticks: the tree, its visiting order, and its cells in that order
    // with their largest radius.
    tree: FlatQuadtree,
    radius_cells: Vec<RadiusCell>,
    visiting_order: VisitingOrder,
}

impl CollideForce {
    /// d3's default radius.
    pub const DEFAULT_RADIUS: f64 = 1.0;
    /// The largest radius used; larger radii are capped so squares of sums stay finite.
    pub const MAX_RADIUS: f64 = 1e9;

    /// A collision force with the given radius (one value or one per node), strength 1, one
    /// iteration, as in d3.
    pub fn new(radius: impl Into<ConstantOrPerItem>) -> Self {
        CollideForce {
            radius: radius.into(),
            strength: 1.0,
            iterations: 1,
            node_radii: Vec::new(),
            tree: FlatQuadtree::default(),
            radius_cells: Vec::new(),
            visiting_order: VisitingOrder::default(),
        }
    }

    /// Sets the fraction of each overlap removed per iteration (d3 default 1).
    pub fn with_strength(mut self, strength: f64) -> Self {
        self.strength = finite_or(strength, 1.0);
        self
    }

    /// Sets how many times per tick overlaps are resolved (d3 default 1).
    pub fn with_iterations(mut self, iterations: usize) -> Self {
        self.iterations = iterations;
        self
    }

    pub(crate) fn initialize(&mut self, node_count: usize) {
        self.node_radii.clear();
        self.node_radii.extend((0..node_count).map(|i| {
            let radius = self.radius.value_for(i, Self::DEFAULT_RADIUS);
            if radius.is_nan() || radius <= 0.0 {
                0.0
            } else {
                radius.min(Self::MAX_RADIUS)
            }
        }));
    }

    pub(crate) fn apply(&mut self, nodes: &mut NodeArrays, random: &mut LinearCongruentialGenerator) {
        let node_count = nodes.xs.len().min(self.node_radii.len());
        for _ in 0..self.iterations {
            {
                let NodeArrays { xs, ys, vxs, vys } = &*nodes;
                self.tree.rebuild_with(node_count, |i| (xs[i] + vxs[i], ys[i] + vys[i]));
            }
            if self.tree.is_empty() {
                return;
            }
            self.accumulate_radius_cells();
            self.resolve_overlaps(node_count, nodes, random);
        }
    }

    fn resolve_overlaps(
        &mut self,
        node_count: usize,
        nodes: &mut NodeArrays,
        random: &mut LinearCongruentialGenerator,
    ) {
        let cells = &self.radius_cells[..];
        let cell_count = cells.len();
        let strength = self.strength;
        let NodeArrays { xs, ys, vxs, vys } = nodes;
        for node in 0..node_count {
            let node_radius = self.node_radii[node];
            let node_radius_squared = node_radius * node_radius;
            let next_x = xs[node] + vxs[node];
            let next_y = ys[node] + vys[node];
            // Only other nodes' velocities are read below, so the node's own can live in
            // locals; the additions happen in d3's order either way.
            let mut vx = vxs[node];
            let mut vy = vys[node];
            // Walk in visiting order from the root (position 0): an opened cell continues with
            // its first child (the next position), any other with `next_after_subtree`.
            let mut position = 0;
            while position < cell_count {
                let current = position;
                let cell = &cells[current];
                position = cell.next_after_subtree as usize;
                let cell_radius = cell.max_radius;
                let reach = node_radius + cell_radius;
                if cell.first_point != NONE {
                    let other = cell.first_point as usize;
                    if other <= node {
                        continue;
                    }
                    let mut dx = next_x - xs[other] - vxs[other];
                    let mut dy = next_y - ys[other] - vys[other];
                    let mut distance_squared = dx * dx + dy * dy;
                    if distance_squared < reach * reach {
                        random.jiggle_zero_components(&mut dx, &mut dy, &mut distance_squared);
                        if distance_squared == 0.0 {
                            continue;
                        }
                        let distance = distance_squared.sqrt();
                        let scale = (reach - distance) / distance * strength;
                        dx *= scale;
                        dy *= scale;
                        let other_radius_squared = cell_radius * cell_radius;
                        let node_share = other_radius_squared / (node_radius_squared + other_radius_squared);
                        vx += dx * node_share;
                        vy += dy * node_share;
                        let other_share = 1.0 - node_share;
                        vxs[other] -= dx * other_share;
                        vys[other] -= dy * other_share;
                    }
                    continue;
                }
                // Open the cell unless it cannot contain a circle reaching this one.
                let out_of_reach = cell.x0 > next_x + reach
                    || cell.x1 < next_x - reach
                    || cell.y0 > next_y + reach
                    || cell.y1 < next_y - reach;
                if !out_of_reach {
                    position = current + 1;
                }
            }
            vxs[node] = vx;
            vys[node] = vy;
        }
    }

    /// Copies the tree's cells into `radius_cells` in visiting order, with each cell's largest
    /// radius, computed children before parents.
    fn accumulate_radius_cells(&mut self) {
        let tree = &self.tree;
        let cell_count = tree.cell_count();
        self.visiting_order.compute(tree);
        self.radius_cells.clear();
        // The tree's capacity, so this stops growing when the tree does.
        self.radius_cells.reserve(tree.cells.capacity());
        self.radius_cells.resize(cell_count, RadiusCell::default());

        for position in (0..cell_count).rev() {
            let tree_cell = &tree.cells[self.visiting_order.cells[position] as usize];
            let mut cell = RadiusCell {
                x0: tree_cell.x0,
                y0: tree_cell.y0,
                x1: tree_cell.x1,
                y1: tree_cell.y1,
                max_radius: 0.0,
                next_after_subtree: position as u32 + 1,
                first_point: tree_cell.first_point,
            };
            if tree_cell.is_leaf() {
                cell.max_radius = self.node_radii[tree_cell.first_point as usize];
            } else {
                for &child in &tree_cell.children {
                    if child == NONE {
                        continue;
                    }
                    let child = &self.radius_cells[self.visiting_order.position_of_cell[child as usize] as usize];
                    // In pre-order the subtree ends where its last child's subtree ends.
                    cell.next_after_subtree = child.next_after_subtree;
                    if child.max_radius > cell.max_radius {
                        cell.max_radius = child.max_radius;
                    }
                }
            }
            self.radius_cells[position] = cell;
        }
    }
}
