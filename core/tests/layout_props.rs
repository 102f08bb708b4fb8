//! Property tests: on arbitrary graphs (self-links, duplicates, links to missing nodes,
//! coincident starts, absurd radii) the simulation never produces NaN or infinity, is
//! deterministic and keeps pinned nodes put; the column layout never makes crossings worse.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atlas_core::layout::{
    bipartite_column_orders, bipartite_layout, count_link_crossings, BipartiteOptions, CenterForce, CollideForce,
    Force, LinkForce, ManyBodyForce, PositionForce, Simulation, SimulationParams,
};
use proptest::prelude::*;

/// A graph for the simulation: node count, links (endpoints may be missing nodes, equal, or
/// repeated), start positions drawn from a few values so that coincident and aligned points are
/// common, radii including zero, negative, huge and NaN, and a seed.
#[derive(Clone, Debug)]
struct ArbitraryGraph {
    node_count: usize,
    links: Vec<(usize, usize)>,
    xs: Vec<f64>,
    ys: Vec<f64>,
    radii: Vec<f64>,
    theta: f64,
    seed: u32,
}

fn coordinate() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => prop_oneof![Just(0.0), Just(1.0), Just(-1.0), Just(10.0)],
        3 => -500.0..500.0f64,
        1 => prop_oneof![Just(f64::NAN), Just(1e12), Just(-1e300), Just(1e-300)],
    ]
}

fn radius() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => 0.0..30.0f64,
        1 => prop_oneof![Just(0.0), Just(-5.0), Just(1e300), Just(f64::NAN), Just(f64::INFINITY)],
    ]
}

fn arbitrary_graph() -> impl Strategy<Value = ArbitraryGraph> {
    (0usize..=200).prop_flat_map(|node_count| {
        let endpoint = 0..node_count + 2;
        (
            prop::collection::vec((endpoint.clone(), endpoint), 0..=2 * node_count + 2),
            prop::collection::vec(coordinate(), node_count),
            prop::collection::vec(coordinate(), node_count),
            prop::collection::vec(radius(), node_count),
            prop_oneof![Just(0.0), Just(0.5), Just(0.9), Just(2.0)],
            any::<u32>(),
        )
            .prop_map(move |(links, xs, ys, radii, theta, seed)| ArbitraryGraph {
                node_count,
                links,
                xs,
                ys,
                radii,
                theta,
                seed,
            })
    })
}

fn build(graph: &ArbitraryGraph) -> Simulation {
    let params = SimulationParams { seed: graph.seed, ..SimulationParams::default() };
    let mut simulation = Simulation::with_positions(&graph.xs, &graph.ys, params);
    simulation
        .add_force(Force::Link(LinkForce::new(&graph.links)))
        .add_force(Force::ManyBody(ManyBodyForce::new().with_theta(graph.theta)))
        .add_force(Force::X(PositionForce::new(0.0).with_strength(0.05)))
        .add_force(Force::Y(PositionForce::new(0.0).with_strength(0.05)))
        .add_force(Force::Center(CenterForce::new(0.0, 0.0)))
        .add_force(Force::Collide(CollideForce::new(graph.radii.clone())));
    simulation
}

fn bits(simulation: &Simulation) -> Vec<u64> {
    simulation.xs().iter().chain(simulation.ys()).map(|value| value.to_bits()).collect()
}

/// The number of crossing pairs by brute force, for checking [`count_link_crossings`].
fn crossings_by_brute_force(
    columns: &[usize],
    column_count: usize,
    orders: &[Vec<usize>],
    links: &[(usize, usize)],
) -> usize {
    let column_of = |node: usize| columns[node].min(column_count.max(1) - 1);
    let mut rank = vec![0; columns.len()];
    for order in orders {
        for (position, &node) in order.iter().enumerate() {
            rank[node] = position;
        }
    }
    let spans: Vec<(usize, usize, usize, usize)> = links
        .iter()
        .filter(|&&(a, b)| a < columns.len() && b < columns.len() && column_of(a) != column_of(b))
        .map(|&(a, b)| if column_of(a) < column_of(b) { (a, b) } else { (b, a) })
        .map(|(left, right)| (column_of(left), column_of(right), rank[left], rank[right]))
        .collect();
    let mut crossings = 0;
    for i in 0..spans.len() {
        for j in i + 1..spans.len() {
            let (a, b) = (spans[i], spans[j]);
            if (a.0, a.1) == (b.0, b.1) && ((a.2 < b.2 && a.3 > b.3) || (a.2 > b.2 && a.3 < b.3)) {
                crossings += 1;
            }
        }
    }
    crossings
}

fn columns_and_links() -> impl Strategy<Value = (usize, Vec<usize>, Vec<(usize, usize)>)> {
    (1usize..=4, 0usize..=60).prop_flat_map(|(column_count, node_count)| {
        (
            Just(column_count),
            prop::collection::vec(0..column_count + 1, node_count),
            prop::collection::vec((0..node_count + 1, 0..node_count + 1), 0..=2 * node_count),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn never_nan_or_infinite(graph in arbitrary_graph()) {
        let mut simulation = build(&graph);
        prop_assert_eq!(simulation.len(), graph.node_count);
        for _ in 0..15 {
            simulation.tick();
            for (&x, &y) in simulation.xs().iter().zip(simulation.ys()) {
                prop_assert!(x.is_finite() && y.is_finite(), "({}, {})", x, y);
            }
            for (&vx, &vy) in simulation.vxs().iter().zip(simulation.vys()) {
                prop_assert!(vx.is_finite() && vy.is_finite(), "velocity ({}, {})", vx, vy);
            }
        }
    }

    #[test]
    fn deterministic(graph in arbitrary_graph()) {
        let mut first = build(&graph);
        let mut second = build(&graph);
        first.tick_n(8);
        second.tick_n(8);
        prop_assert_eq!(bits(&first), bits(&second));
    }

    #[test]
    fn pinned_nodes_stay_put(graph in arbitrary_graph(), pins in prop::collection::vec((0usize..200, -100.0..100.0f64, -100.0..100.0f64), 1..5)) {
        let mut simulation = build(&graph);
        let pins: Vec<_> = pins.into_iter().filter(|pin| pin.0 < graph.node_count).collect();
        for &(index, x, y) in &pins {
            simulation.pin(index, x, y);
        }
        for _ in 0..10 {
            simulation.tick();
            for &(index, _, _) in &pins {
                // The last pin of a node wins.
                let &(_, x, y) = pins.iter().rev().find(|pin| pin.0 == index).unwrap();
                prop_assert_eq!((simulation.xs()[index], simulation.ys()[index]), (x, y));
            }
        }
    }

    #[test]
    fn column_layout_respects_columns_and_never_adds_crossings((column_count, columns, links) in columns_and_links()) {
        let options = BipartiteOptions::default();
        let (xs, ys) = bipartite_layout(&columns, column_count, &links, &options);
        prop_assert_eq!(xs.len(), columns.len());
        for i in 0..columns.len() {
            prop_assert!(xs[i].is_finite() && ys[i].is_finite());
            let column = columns[i].min(column_count - 1);
            prop_assert_eq!(xs[i], options.width * (column as f64 + 0.5) / column_count as f64);
            for j in i + 1..columns.len() {
                if columns[j].min(column_count - 1) == column {
                    prop_assert!((ys[i] - ys[j]).abs() >= options.min_node_spacing - 1e-9);
                }
            }
        }

        let orders = bipartite_column_orders(&columns, column_count, &links, options.barycentre_sweeps);
        let mut index_order: Vec<Vec<usize>> = vec![Vec::new(); column_count];
        for (node, &column) in columns.iter().enumerate() {
            index_order[column.min(column_count - 1)].push(node);
        }
        let after = count_link_crossings(&columns, column_count, &orders, &links);
        let before = count_link_crossings(&columns, column_count, &index_order, &links);
        prop_assert!(after <= before, "{} crossings after ordering, {} before", after, before);
        prop_assert_eq!(after, crossings_by_brute_force(&columns, column_count, &orders, &links));
        prop_assert_eq!(before, crossings_by_brute_force(&columns, column_count, &index_order, &links));
    }
}
