//! The link force: a spring along each link, pulling or pushing its ends towards a distance.
//!
//! d3's model: for each link, the vector between the ends' *next* positions (position plus
//! velocity) is scaled by `(length - distance) / length * alpha * strength`; the target end moves
//! back by `bias` of it and the source end forward by `1 - bias`, where
//! `bias = count(source) / (count(source) + count(target))` so the better-connected end moves
//! less. The default strength `1 / min(count(source), count(target))` keeps hubs from being
//! yanked by their many links.

use super::{finite_or, ConstantOrPerItem};
use crate::layout::random::LinearCongruentialGenerator;
use crate::layout::simulation::NodeArrays;

/// Springs along links (d3 `forceLink`), with nodes identified by index.
///
/// Differences from d3, all for inputs where d3 misbehaves:
/// - a self-link (`(i, i)`) is dropped: it would pull a node towards itself (d3 spends two random
///   numbers on it every tick for a zero net push, and counts it twice towards the node's degree,
///   weakening the node's real links);
/// - a link naming a node that does not exist is dropped (d3 throws);
/// - a non-finite or negative distance becomes the default 30, a non-finite strength becomes 0;
/// - if both jiggles of a zero-length link come out exactly zero the link is skipped for that
///   tick (d3 would divide by zero).
///
/// Dropped links keep their index for per-link settings: `distance` and `strength` lists are
/// indexed by the position of the link in the list given to [`LinkForce::new`].
#[derive(Clone, Debug)]
pub struct LinkForce {
    links: Vec<(usize, usize)>,
    distance: ConstantOrPerItem,
    strength: Option<ConstantOrPerItem>,
    iterations: usize,
    // Derived by `initialize`, one entry per kept link.
    link_sources: Vec<u32>,
    link_targets: Vec<u32>,
    link_distances: Vec<f64>,
    link_strengths: Vec<f64>,
    link_biases: Vec<f64>,
}

impl LinkForce {
    /// d3's default link distance.
    pub const DEFAULT_DISTANCE: f64 = 30.0;

    /// A link force over `links` given as `(source, target)` node indices, with d3's defaults:
    /// distance 30, strength `1 / min(count(source), count(target))`, one iteration.
    pub fn new(links: &[(usize, usize)]) -> Self {
        LinkForce {
            links: links.to_vec(),
            distance: ConstantOrPerItem::Constant(Self::DEFAULT_DISTANCE),
            strength: None,
            iterations: 1,
            link_sources: Vec::new(),
            link_targets: Vec::new(),
            link_distances: Vec::new(),
            link_strengths: Vec::new(),
            link_biases: Vec::new(),
        }
    }

    /// Sets the rest length of every link, or of each link by its index in the link list.
    pub fn with_distance(mut self, distance: impl Into<ConstantOrPerItem>) -> Self {
        self.distance = distance.into();
        self
    }

    /// Sets the spring strength of every link, or of each link by index, replacing d3's default
    /// `1 / min(count(source), count(target))`. Links missing from a per-link list keep the
    /// default.
    pub fn with_strength(mut self, strength: impl Into<ConstantOrPerItem>) -> Self {
        self.strength = Some(strength.into());
        self
    }

    /// Sets how many times per tick the links are relaxed (d3 default 1). More iterations make
    /// the links stiffer at a proportional cost.
    pub fn with_iterations(mut self, iterations: usize) -> Self {
        self.iterations = iterations;
        self
    }

    /// The links as given (including any that `initialize` drops).
    pub fn links(&self) -> &[(usize, usize)] {
        &self.links
    }

    pub(crate) fn initialize(&mut self, node_count: usize) {
        self.link_sources.clear();
        self.link_targets.clear();
        self.link_distances.clear();
        self.link_strengths.clear();
        self.link_biases.clear();

        let is_kept =
            |&(source, target): &(usize, usize)| source != target && source < node_count && target < node_count;

        let mut link_count_per_node = vec![0u32; node_count];
        for &(source, target) in self.links.iter().filter(|link| is_kept(link)) {
            link_count_per_node[source] += 1;
            link_count_per_node[target] += 1;
        }

        for (index, &(source, target)) in self.links.iter().enumerate() {
            if !is_kept(&(source, target)) {
                continue;
            }
            let source_count = f64::from(link_count_per_node[source]);
            let target_count = f64::from(link_count_per_node[target]);
            let default_strength = 1.0 / source_count.min(target_count);
            let strength = match &self.strength {
                None => default_strength,
                Some(strength) => finite_or(strength.value_for(index, default_strength), 0.0),
            };
            let distance = self.distance.value_for(index, Self::DEFAULT_DISTANCE);
            let distance = if distance.is_finite() && distance >= 0.0 { distance } else { Self::DEFAULT_DISTANCE };
            self.link_sources.push(source as u32);
            self.link_targets.push(target as u32);
            self.link_distances.push(distance);
            self.link_strengths.push(strength);
            self.link_biases.push(source_count / (source_count + target_count));
        }
    }

    pub(crate) fn apply(&mut self, alpha: f64, nodes: &mut NodeArrays, random: &mut LinearCongruentialGenerator) {
        let NodeArrays { xs, ys, vxs, vys } = nodes;
        for _ in 0..self.iterations {
            for link in 0..self.link_sources.len() {
                let source = self.link_sources[link] as usize;
                let target = self.link_targets[link] as usize;
                // The same evaluation order as d3, so the rounding is the same.
                let mut dx = xs[target] + vxs[target] - xs[source] - vxs[source];
                // d3 writes `dx || jiggle()`: zero and NaN both jiggle, in x then y.
                if dx == 0.0 || dx.is_nan() {
                    dx = random.jiggle();
                }
                let mut dy = ys[target] + vys[target] - ys[source] - vys[source];
                if dy == 0.0 || dy.is_nan() {
                    dy = random.jiggle();
                }
                let length = (dx * dx + dy * dy).sqrt();
                if length == 0.0 {
                    continue;
                }
                let scale = (length - self.link_distances[link]) / length * alpha * self.link_strengths[link];
                dx *= scale;
                dy *= scale;
                let bias = self.link_biases[link];
                vxs[target] -= dx * bias;
                vys[target] -= dy * bias;
                let other_bias = 1.0 - bias;
                vxs[source] += dx * other_bias;
                vys[source] += dy * other_bias;
            }
        }
    }
}
