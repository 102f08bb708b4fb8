//! Ready-made set-ups: the simulation the app uses for an argument graph, and the generated
//! random graphs that the tests and the benchmark share.

use super::force::{CenterForce, CollideForce, ConstantOrPerItem, Force, LinkForce, ManyBodyForce, PositionForce};
use super::random::LinearCongruentialGenerator;
use super::simulation::{Simulation, SimulationParams};

/// The radius assumed for a node missing from the `radii` given to
/// [`default_graph_simulation`].
pub const DEFAULT_NODE_RADIUS: f64 = 8.0;
/// The free space wanted between the rims of two linked circles.
pub const DEFAULT_LINK_GAP: f64 = 40.0;
/// The repulsion of each node in the app's simulation.
pub const DEFAULT_REPULSION: f64 = -120.0;
/// Beyond this distance nodes no longer repel each other in the app's simulation.
pub const DEFAULT_REPULSION_RANGE: f64 = 600.0;
/// The pull of every node towards the origin in the app's simulation.
pub const DEFAULT_GRAVITY: f64 = 0.04;
/// Extra space kept around each circle by the collision force in the app's simulation.
pub const DEFAULT_COLLISION_PADDING: f64 = 6.0;
/// Above this many nodes the collision force runs one iteration a tick instead of two (the
/// app's large-graph threshold, where it switches to the canvas).
pub const LARGE_GRAPH_COLLIDE_NODES: usize = 600;

/// The simulation the app uses for an argument graph of about 100 nodes, centred on the origin.
///
/// `links` are `(source, target)` node indices; `radii` are the drawn circle radii (missing
/// entries use [`DEFAULT_NODE_RADIUS`]); `seed` seeds the tie-breaking random generator.
/// Nodes start at d3's phyllotaxis positions and the schedule is d3's (300 ticks to settle).
///
/// The forces, in the order they apply, and why:
/// - links with rest length `radius(source) + radius(target) + 40` ([`DEFAULT_LINK_GAP`]):
///   d3's fixed 30 would make large circles overlap their neighbours, and 40 px leaves room for
///   a label; d3's default strength, so hubs are not yanked around;
/// - many-body repulsion -120 ([`DEFAULT_REPULSION`], four times d3's default, which packs
///   labelled nodes too tightly), limited to 600 ([`DEFAULT_REPULSION_RANGE`]) so distant
///   clusters stop pushing each other (and the walk prunes more);
/// - weak x and y pulls (0.04, [`DEFAULT_GRAVITY`]) towards the origin: without them,
///   disconnected parts of the graph drift apart until they are out of reach of each other;
/// - centering at the origin, strength 1, so the view's centre is stable;
/// - collision with radius `radius + 6` ([`DEFAULT_COLLISION_PADDING`]), two iterations, so
///   circles and their rims never overlap even around hubs; last, so it corrects the others.
///   Graphs of more than [`LARGE_GRAPH_COLLIDE_NODES`] nodes get d3's single iteration: there
///   the second cost a third of every tick (3.7 against 2.6 ms natively at 2,000 nodes),
///   paid on every frame of a drag, for overlaps too small to see at the zoom that fits them.
pub fn default_graph_simulation(node_count: usize, links: &[(usize, usize)], radii: &[f64], seed: u32) -> Simulation {
    let radius_of = |i: usize| {
        let radius = radii.get(i).copied().unwrap_or(DEFAULT_NODE_RADIUS);
        if radius.is_finite() && radius >= 0.0 {
            radius.min(CollideForce::MAX_RADIUS)
        } else {
            DEFAULT_NODE_RADIUS
        }
    };
    let link_distances: Vec<f64> =
        links.iter().map(|&(source, target)| radius_of(source) + radius_of(target) + DEFAULT_LINK_GAP).collect();
    let collision_radii: Vec<f64> = (0..node_count).map(|i| radius_of(i) + DEFAULT_COLLISION_PADDING).collect();

    let collide_iterations = if node_count > LARGE_GRAPH_COLLIDE_NODES { 1 } else { 2 };
    let params = SimulationParams { seed, ..SimulationParams::default() };
    let mut simulation = Simulation::new(node_count, params);
    simulation
        .add_force(Force::Link(LinkForce::new(links).with_distance(link_distances)))
        .add_force(Force::ManyBody(
            ManyBodyForce::new().with_strength(DEFAULT_REPULSION).with_distance_max(DEFAULT_REPULSION_RANGE),
        ))
        .add_force(Force::X(PositionForce::new(0.0).with_strength(DEFAULT_GRAVITY)))
        .add_force(Force::Y(PositionForce::new(0.0).with_strength(DEFAULT_GRAVITY)))
        .add_force(Force::Center(CenterForce::new(0.0, 0.0)))
        .add_force(Force::Collide(CollideForce::new(collision_radii).with_iterations(collide_iterations)));
    simulation
}

/// Width to height of the ring the argument graph's groups gather on: views are wider than tall.
pub const ARGUMENT_LAYOUT_ASPECT: f64 = 2.4;
/// The pull of a grouped node towards its group's place on the ring.
pub const GROUP_PULL: f64 = 0.12;
/// The pull of a node without a group towards the centre (its links place it).
pub const FREE_PULL: f64 = 0.02;
/// How much harder nodes are pulled vertically than horizontally.
pub const VERTICAL_PULL_FACTOR: f64 = 3.0;
/// Extra space kept around each shape in the argument graph, for labels between nodes.
pub const ARGUMENT_COLLISION_PADDING: f64 = 16.0;
/// The ring's half-height per square root of the node count.
const RING_PER_SQRT_NODE: f64 = 20.0;

/// Where each group gathers in the argument graph: `group_count` places spaced evenly on an
/// ellipse [`ARGUMENT_LAYOUT_ASPECT`] times wider than tall, in group order clockwise from the
/// left, so the data set's order of groups (the article's flow) reads round the picture.
pub fn group_anchors(group_count: usize, node_count: usize) -> Vec<(f64, f64)> {
    let ry = RING_PER_SQRT_NODE * (node_count.max(1) as f64).sqrt();
    let rx = ry * ARGUMENT_LAYOUT_ASPECT;
    (0..group_count)
        .map(|g| {
            let angle = std::f64::consts::PI + std::f64::consts::TAU * g as f64 / group_count.max(1) as f64;
            (rx * libm::cos(angle), ry * libm::sin(angle))
        })
        .collect()
}

/// The simulation of the app's argument graph: [`default_graph_simulation`]'s link, many-body
/// and collision forces (more padding, room for labels), but instead of one weak pull to the
/// centre, each grouped node is pulled towards its group's place on a wide ring
/// ([`group_anchors`]) and ungrouped nodes only weakly towards the centre. Groups then form
/// clusters round the ring in the article's order, with the actors and people that link them
/// in between, and the picture fills a landscape view instead of a circle.
///
/// `anchors[i]` is node `i`'s group place, `None` for a node without a group.
pub fn argument_graph_simulation(
    node_count: usize,
    links: &[(usize, usize)],
    radii: &[f64],
    anchors: &[Option<(f64, f64)>],
    seed: u32,
) -> Simulation {
    let radius_of = |i: usize| {
        let radius = radii.get(i).copied().unwrap_or(DEFAULT_NODE_RADIUS);
        if radius.is_finite() && radius >= 0.0 {
            radius.min(CollideForce::MAX_RADIUS)
        } else {
            DEFAULT_NODE_RADIUS
        }
    };
    let link_distances: Vec<f64> =
        links.iter().map(|&(source, target)| radius_of(source) + radius_of(target) + DEFAULT_LINK_GAP).collect();
    let collision_radii: Vec<f64> = (0..node_count).map(|i| radius_of(i) + ARGUMENT_COLLISION_PADDING).collect();
    let anchor = |i: usize| anchors.get(i).copied().flatten().filter(|(x, y)| x.is_finite() && y.is_finite());
    let target_x: Vec<f64> = (0..node_count).map(|i| anchor(i).map_or(0.0, |a| a.0)).collect();
    let target_y: Vec<f64> = (0..node_count).map(|i| anchor(i).map_or(0.0, |a| a.1)).collect();
    let pull: Vec<f64> = (0..node_count).map(|i| if anchor(i).is_some() { GROUP_PULL } else { FREE_PULL }).collect();
    // Pulled harder up and down than sideways, so the picture spreads to a landscape shape.
    let pull_y: Vec<f64> = pull.iter().map(|p| p * VERTICAL_PULL_FACTOR).collect();
    let collide_iterations = if node_count > LARGE_GRAPH_COLLIDE_NODES { 1 } else { 2 };
    let params = SimulationParams { seed, ..SimulationParams::default() };
    let mut simulation = Simulation::new(node_count, params);
    simulation
        .add_force(Force::Link(LinkForce::new(links).with_distance(link_distances)))
        .add_force(Force::ManyBody(
            ManyBodyForce::new().with_strength(DEFAULT_REPULSION).with_distance_max(DEFAULT_REPULSION_RANGE),
        ))
        .add_force(Force::X(PositionForce::new(ConstantOrPerItem::PerItem(target_x)).with_strength(pull.clone())))
        .add_force(Force::Y(PositionForce::new(ConstantOrPerItem::PerItem(target_y)).with_strength(pull_y)))
        .add_force(Force::Collide(CollideForce::new(collision_radii).with_iterations(collide_iterations)));
    simulation
}

/// A connected random graph for tests and benchmarks: `node_count - 1` links form a random tree
/// (node `i` links to a random earlier node), and random pairs are added until there are
/// `links_per_node * node_count` links (pairs of a node with itself are redrawn). Deterministic
/// for a given seed; drawn with d3's generator, so `tools/d3-golden.mjs --bench` can build the
/// same graphs for d3.
pub fn random_graph_links(node_count: usize, links_per_node: usize, seed: u32) -> Vec<(usize, usize)> {
    let mut random = LinearCongruentialGenerator::new(seed);
    let mut draw_below =
        |bound: usize| ((random.next_unit_interval() * bound as f64) as usize).min(bound.saturating_sub(1));
    let wanted = links_per_node.saturating_mul(node_count);
    let mut links = Vec::with_capacity(wanted);
    for node in 1..node_count {
        links.push((node, draw_below(node)));
    }
    if node_count >= 2 {
        while links.len() < wanted {
            let source = draw_below(node_count);
            let target = draw_below(node_count);
            if source != target {
                links.push((source, target));
            }
        }
    }
    links
}
