//! The forces, one file each, behind one closed enum.
//!
//! Each force is a builder (settings as given by the caller) plus the flat arrays its
//! `initialize` derives from those settings for a given node count: per-node strengths, per-link
//! biases, and so on. The hot loop (`apply`) reads only those arrays and the node arrays; it
//! never allocates after the first tick and never calls back into user code.

mod center;
mod collide;
mod link;
mod many_body;
mod position;

pub use center::CenterForce;
pub use collide::CollideForce;
pub use link::LinkForce;
pub use many_body::ManyBodyForce;
pub use position::PositionForce;

use super::random::LinearCongruentialGenerator;
use super::simulation::NodeArrays;

/// A setting that is either the same for every node (or link) or given one per node (or link).
///
/// When a per-item list is shorter than the number of items, the remaining items get the force's
/// default for that setting; extra entries are ignored. Non-finite entries are replaced as each
/// force documents.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstantOrPerItem {
    /// One value for every item.
    Constant(f64),
    /// One value per item, by index.
    PerItem(Vec<f64>),
}

impl ConstantOrPerItem {
    /// The value for item `index`, or `default` when a per-item list has no entry for it.
    pub fn value_for(&self, index: usize, default: f64) -> f64 {
        match self {
            ConstantOrPerItem::Constant(value) => *value,
            ConstantOrPerItem::PerItem(values) => values.get(index).copied().unwrap_or(default),
        }
    }
}

impl From<f64> for ConstantOrPerItem {
    fn from(value: f64) -> Self {
        ConstantOrPerItem::Constant(value)
    }
}

impl From<Vec<f64>> for ConstantOrPerItem {
    fn from(values: Vec<f64>) -> Self {
        ConstantOrPerItem::PerItem(values)
    }
}

impl From<&[f64]> for ConstantOrPerItem {
    fn from(values: &[f64]) -> Self {
        ConstantOrPerItem::PerItem(values.to_vec())
    }
}

/// One force of the simulation. Forces are applied in the order they were added, as d3 applies
/// them in the order they were registered.
#[derive(Clone, Debug)]
pub enum Force {
    /// Springs along links (d3 `forceLink`).
    Link(LinkForce),
    /// Charge between all pairs of nodes, Barnes–Hut approximated (d3 `forceManyBody`).
    ManyBody(ManyBodyForce),
    /// Translates all nodes so their mean is a given point (d3 `forceCenter`).
    Center(CenterForce),
    /// Pushes apart nodes whose circles overlap (d3 `forceCollide`).
    Collide(CollideForce),
    /// Pulls each node's x towards a target (d3 `forceX`).
    X(PositionForce),
    /// Pulls each node's y towards a target (d3 `forceY`).
    Y(PositionForce),
}

impl Force {
    /// Derives the force's flat arrays for `node_count` nodes. Called by the simulation when the
    /// force is added; cheap enough to call again if the settings change.
    pub(crate) fn initialize(&mut self, node_count: usize) {
        match self {
            Force::Link(force) => force.initialize(node_count),
            Force::ManyBody(force) => force.initialize(node_count),
            Force::Center(force) => force.initialize(node_count),
            Force::Collide(force) => force.initialize(node_count),
            Force::X(force) | Force::Y(force) => force.initialize(node_count),
        }
    }

    /// Applies the force once at the given `alpha`, changing velocities (or, for the centering
    /// force, positions) in `nodes`.
    pub(crate) fn apply(&mut self, alpha: f64, nodes: &mut NodeArrays, random: &mut LinearCongruentialGenerator) {
        match self {
            Force::Link(force) => force.apply(alpha, nodes, random),
            Force::ManyBody(force) => force.apply(alpha, nodes, random),
            Force::Center(force) => force.apply(nodes),
            Force::Collide(force) => force.apply(nodes, random),
            Force::X(force) => force.apply(alpha, &nodes.xs, &mut nodes.vxs),
            Force::Y(force) => force.apply(alpha, &nodes.ys, &mut nodes.vys),
        }
    }
}

impl From<LinkForce> for Force {
    fn from(force: LinkForce) -> Self {
        Force::Link(force)
    }
}

impl From<ManyBodyForce> for Force {
    fn from(force: ManyBodyForce) -> Self {
        Force::ManyBody(force)
    }
}

impl From<CenterForce> for Force {
    fn from(force: CenterForce) -> Self {
        Force::Center(force)
    }
}

impl From<CollideForce> for Force {
    fn from(force: CollideForce) -> Self {
        Force::Collide(force)
    }
}

/// Replaces a non-finite value by `fallback`.
pub(crate) fn finite_or(value: f64, fallback: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        fallback
    }
}
