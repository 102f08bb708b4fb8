//! The force simulation's guarantees beyond matching d3: never NaN or infinite whatever the
//! graph, deterministic, pins hold, it settles on schedule, and a tick allocates nothing once
//! running. Each edge case is one row for [`check_finite`].

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atlas_core::layout::{
    default_graph_simulation, random_graph_links, CenterForce, CollideForce, Force, LinkForce, ManyBodyForce,
    PositionForce, Simulation, SimulationParams, POSITION_LIMIT,
};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Counts allocations made by the current thread, so a test can show a tick allocates nothing
/// (tests run on parallel threads; each only sees its own count).
struct CountingAllocator;

thread_local! {
    static ALLOCATIONS_ON_THIS_THREAD: Cell<u64> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS_ON_THIS_THREAD.try_with(|count| count.set(count.get() + 1));
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        System.dealloc(pointer, layout)
    }
    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS_ON_THIS_THREAD.try_with(|count| count.set(count.get() + 1));
        System.realloc(pointer, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn allocations_on_this_thread() -> u64 {
    ALLOCATIONS_ON_THIS_THREAD.with(Cell::get)
}

/// Every force, with d3's defaults plus the given collision radii.
fn all_forces(simulation: &mut Simulation, links: &[(usize, usize)], radii: Vec<f64>) {
    simulation
        .add_force(Force::Link(LinkForce::new(links)))
        .add_force(Force::ManyBody(ManyBodyForce::new()))
        .add_force(Force::X(PositionForce::new(0.0)))
        .add_force(Force::Y(PositionForce::new(0.0)))
        .add_force(Force::Center(CenterForce::new(0.0, 0.0)))
        .add_force(Force::Collide(CollideForce::new(radii)));
}

fn assert_all_finite(simulation: &Simulation, case: &str) {
    for (i, (&x, &y)) in simulation.xs().iter().zip(simulation.ys()).enumerate() {
        assert!(x.is_finite() && y.is_finite(), "{case}: node {i} at ({x}, {y})");
        assert!(x.abs() <= POSITION_LIMIT && y.abs() <= POSITION_LIMIT, "{case}: node {i} at ({x}, {y})");
    }
    for (&vx, &vy) in simulation.vxs().iter().zip(simulation.vys()) {
        assert!(vx.is_finite() && vy.is_finite(), "{case}: velocity ({vx}, {vy})");
    }
}

/// Builds a simulation from start positions (`None`: phyllotaxis), links and radii with every
/// force, runs `ticks` ticks and checks that every position and velocity stays finite.
fn check_finite(
    case: &str,
    start: Option<(Vec<f64>, Vec<f64>)>,
    links: &[(usize, usize)],
    radii: Vec<f64>,
    node_count: usize,
    ticks: usize,
) -> Simulation {
    let params = SimulationParams::default();
    let mut simulation = match start {
        Some((xs, ys)) => Simulation::with_positions(&xs, &ys, params),
        None => Simulation::new(node_count, params),
    };
    assert_eq!(simulation.len(), node_count, "{case}");
    all_forces(&mut simulation, links, radii);
    for _ in 0..ticks {
        simulation.tick();
        assert_all_finite(&simulation, case);
    }
    simulation
}

#[test]
fn degenerate_graphs_stay_finite() {
    check_finite("empty", None, &[], vec![], 0, 5);
    check_finite("one node", None, &[], vec![5.0], 1, 20);
    check_finite("one node with a self-link", None, &[(0, 0)], vec![5.0], 1, 20);
    check_finite("two nodes, one point", Some((vec![3.0; 2], vec![3.0; 2])), &[(0, 1)], vec![5.0; 2], 2, 50);
    check_finite(
        "fifty nodes, one point",
        Some((vec![0.0; 50], vec![0.0; 50])),
        &[(0, 1), (1, 2), (2, 0)],
        vec![4.0; 50],
        50,
        50,
    );
    check_finite("disconnected parts", None, &[(0, 1), (2, 3), (4, 5), (6, 7), (7, 8)], vec![5.0; 12], 12, 300);
    check_finite(
        "self-links and duplicates",
        None,
        &[(0, 0), (0, 1), (0, 1), (1, 0), (2, 2), (2, 3), (3, 3)],
        vec![5.0; 4],
        4,
        300,
    );
    check_finite("links to missing nodes", None, &[(0, 9), (9, 0), (1, 2)], vec![5.0; 3], 3, 50);
    check_finite("zero radii", None, &[(0, 1)], vec![0.0; 10], 10, 50);
    check_finite("huge radii", None, &[(0, 1)], vec![1e300; 10], 10, 50);
    check_finite(
        "non-finite and negative radii",
        None,
        &[(0, 1)],
        vec![f64::NAN, f64::INFINITY, -3.0, f64::NEG_INFINITY, 2.0],
        5,
        50,
    );
    check_finite("radii missing for some nodes", None, &[(0, 1)], vec![1.0], 8, 50);
    check_finite(
        "non-finite start positions",
        Some((vec![f64::NAN, 1.0, f64::INFINITY], vec![0.0, f64::NAN, 2.0])),
        &[(0, 2)],
        vec![3.0; 3],
        3,
        50,
    );
    check_finite(
        "far-apart start positions",
        Some((vec![-1e200, 1e200, 0.0], vec![1e200, 0.0, -1e200])),
        &[(0, 1), (1, 2)],
        vec![3.0; 3],
        3,
        50,
    );
    check_finite(
        "nearly coincident",
        Some((vec![0.0, 1e-300, 5e-324], vec![0.0, 0.0, 1e-300])),
        &[(0, 1)],
        vec![3.0; 3],
        3,
        50,
    );
}

#[test]
fn extreme_force_settings_stay_finite() {
    let cases: Vec<(&str, Vec<Force>)> = vec![
        ("huge repulsion", vec![Force::ManyBody(ManyBodyForce::new().with_strength(-1e300))]),
        ("huge attraction", vec![Force::ManyBody(ManyBodyForce::new().with_strength(1e300).with_distance_min(0.0))]),
        (
            "non-finite strengths",
            vec![Force::ManyBody(ManyBodyForce::new().with_strength(vec![f64::NAN, f64::INFINITY, -30.0]))],
        ),
        (
            "non-finite theta and distances",
            vec![Force::ManyBody(
                ManyBodyForce::new().with_theta(f64::NAN).with_distance_min(f64::NAN).with_distance_max(f64::NAN),
            )],
        ),
        (
            "huge link strength",
            vec![Force::Link(LinkForce::new(&[(0, 1), (1, 2)]).with_strength(1e300).with_distance(1e300))],
        ),
        (
            "non-finite link settings",
            vec![Force::Link(
                LinkForce::new(&[(0, 1), (1, 2)]).with_strength(f64::NAN).with_distance(vec![f64::INFINITY, -5.0]),
            )],
        ),
        (
            "non-finite position targets",
            vec![
                Force::X(PositionForce::new(vec![f64::NAN, 1.0]).with_strength(f64::INFINITY)),
                Force::Y(PositionForce::new(f64::NAN)),
            ],
        ),
        ("non-finite centre", vec![Force::Center(CenterForce::new(f64::NAN, f64::INFINITY).with_strength(f64::NAN))]),
        (
            "collide with huge strength",
            vec![Force::Collide(CollideForce::new(10.0).with_strength(1e300).with_iterations(3))],
        ),
    ];
    for (case, forces) in cases {
        let mut simulation =
            Simulation::with_positions(&[0.0, 0.0, 1.0, 5.0], &[0.0, 0.0, 1.0, -2.0], SimulationParams::default());
        for force in forces {
            simulation.add_force(force);
        }
        for _ in 0..100 {
            simulation.tick();
            assert_all_finite(&simulation, case);
        }
    }
}

#[test]
fn non_finite_params_take_d3_defaults() {
    let params = SimulationParams {
        initial_alpha: f64::NAN,
        alpha_min: f64::INFINITY,
        alpha_decay: f64::NAN,
        alpha_target: f64::NEG_INFINITY,
        velocity_decay: f64::NAN,
        seed: 3,
    };
    let simulation = Simulation::new(3, params);
    assert_eq!(simulation.params(), &SimulationParams { seed: 3, ..SimulationParams::default() });
    assert_eq!(simulation.alpha(), 1.0);
}

#[test]
fn ten_thousand_nodes_stay_finite_and_spread_out() {
    let links = random_graph_links(10_000, 2, 7);
    let radii = vec![5.0; 10_000];
    let mut simulation = default_graph_simulation(10_000, &links, &radii, 1);
    // Few ticks: this runs in debug builds too.
    simulation.tick_n(3);
    assert_all_finite(&simulation, "10,000 nodes");
    let spread = simulation.xs().iter().fold(0.0f64, |largest, x| largest.max(x.abs()));
    assert!(spread > 100.0 && spread < 1e5, "spread {spread}");
}

/// The bits of every coordinate, to compare runs exactly.
fn position_bits(simulation: &Simulation) -> Vec<u64> {
    simulation.xs().iter().chain(simulation.ys()).map(|value| value.to_bits()).collect()
}

#[test]
fn same_inputs_give_bit_identical_runs() {
    let links = random_graph_links(300, 2, 11);
    let radii: Vec<f64> = (0..300).map(|i| 3.0 + (i % 7) as f64).collect();
    let run = || {
        let mut simulation = default_graph_simulation(300, &links, &radii, 5);
        simulation.tick_n(60);
        position_bits(&simulation)
    };
    assert_eq!(run(), run());

    // `tick_n` is the same as ticking one at a time, and a clone continues identically.
    let mut one_by_one = default_graph_simulation(300, &links, &radii, 5);
    for _ in 0..30 {
        one_by_one.tick();
    }
    let mut clone = one_by_one.clone();
    one_by_one.tick_n(30);
    clone.tick_n(30);
    assert_eq!(position_bits(&one_by_one), run());
    assert_eq!(position_bits(&clone), run());
}

/// d3 jiggles whenever a coordinate difference is exactly zero, so the seed matters for
/// coincident points (and aligned ones) and nowhere else.
#[test]
fn the_seed_only_matters_where_points_coincide() {
    let run = |seed: u32, start: f64| {
        let params = SimulationParams { seed, ..SimulationParams::default() };
        let mut simulation =
            Simulation::with_positions(&[0.0, start, 2.0 * start], &[0.0, 0.5 * start, 3.0 * start], params);
        simulation.add_force(Force::ManyBody(ManyBodyForce::new()));
        simulation.tick_n(10);
        position_bits(&simulation)
    };
    assert_ne!(run(1, 0.0), run(2, 0.0), "coincident start: the jiggle depends on the seed");
    assert_eq!(run(1, 5.0), run(2, 5.0), "distinct start, no shared coordinate: no jiggle, no dependence on the seed");
}

#[test]
fn self_links_and_missing_nodes_are_dropped() {
    let run = |links: &[(usize, usize)]| {
        let mut simulation = Simulation::new(5, SimulationParams::default());
        simulation.add_force(Force::Link(LinkForce::new(links))).add_force(Force::ManyBody(ManyBodyForce::new()));
        simulation.tick_n(50);
        position_bits(&simulation)
    };
    let clean = run(&[(0, 1), (1, 2), (3, 4)]);
    assert_eq!(run(&[(0, 1), (2, 2), (1, 2), (0, 0), (3, 4), (4, 4)]), clean);
    assert_eq!(run(&[(0, 1), (1, 2), (7, 1), (3, 4), (0, 99)]), clean);
}

#[test]
fn pinned_nodes_stay_put_and_unpinned_nodes_move_again() {
    let links = random_graph_links(40, 2, 3);
    let mut simulation = default_graph_simulation(40, &links, &[8.0; 40], 1);
    simulation.pin(0, 100.0, -50.0);
    simulation.pin(7, 0.0, 0.0);
    assert!(
        simulation.is_pinned(0) && simulation.is_pinned(7) && !simulation.is_pinned(1) && !simulation.is_pinned(99)
    );
    for _ in 0..100 {
        simulation.tick();
        assert_eq!((simulation.xs()[0], simulation.ys()[0]), (100.0, -50.0));
        assert_eq!((simulation.xs()[7], simulation.ys()[7]), (0.0, 0.0));
    }
    // `set_position` cannot move a pinned node.
    simulation.set_position(0, 3.0, 3.0);
    assert_eq!((simulation.xs()[0], simulation.ys()[0]), (100.0, -50.0));

    simulation.unpin(0);
    assert!(!simulation.is_pinned(0));
    simulation.set_alpha(1.0);
    simulation.tick_n(10);
    assert_ne!((simulation.xs()[0], simulation.ys()[0]), (100.0, -50.0));
}

#[test]
fn out_of_range_and_non_finite_edits_are_ignored() {
    let mut simulation = Simulation::new(3, SimulationParams::default());
    let before = position_bits(&simulation);
    simulation.set_position(3, 1.0, 1.0);
    simulation.set_position(0, f64::NAN, 1.0);
    simulation.pin(5, 1.0, 1.0);
    simulation.pin(1, 1.0, f64::INFINITY);
    simulation.unpin(9);
    simulation.set_alpha(f64::NAN);
    assert_eq!(position_bits(&simulation), before);
    assert!(!simulation.is_pinned(1));
    assert_eq!(simulation.alpha(), 1.0);

    simulation.set_position(2, 7.0, 8.0);
    assert_eq!((simulation.xs()[2], simulation.ys()[2]), (7.0, 8.0));
}

#[test]
fn missing_start_positions_fall_back_to_phyllotaxis() {
    let phyllotaxis = Simulation::new(4, SimulationParams::default());
    let given = Simulation::with_positions(&[10.0, f64::NAN, 30.0], &[1.0, 2.0], SimulationParams::default());
    assert_eq!(given.len(), 3);
    assert_eq!((given.xs()[0], given.ys()[0]), (10.0, 1.0));
    assert_eq!((given.xs()[1], given.ys()[1]), (phyllotaxis.xs()[1], phyllotaxis.ys()[1]));
    assert_eq!((given.xs()[2], given.ys()[2]), (phyllotaxis.xs()[2], phyllotaxis.ys()[2]));
}

#[test]
fn the_app_simulation_settles_in_300_ticks_into_a_readable_layout() {
    let node_count = 100;
    let links = random_graph_links(node_count, 2, 1);
    let radii: Vec<f64> = (0..node_count).map(|i| 6.0 + (i % 4) as f64 * 3.0).collect();
    let mut simulation = default_graph_simulation(node_count, &links, &radii, 1);
    let ticks = simulation.run_until_settled(1000);
    assert!((299..=301).contains(&ticks), "settled after {ticks} ticks");
    assert!(simulation.is_settled());
    assert_all_finite(&simulation, "app simulation");

    // Bounded: a 100-node graph fits in a few thousand units around the origin.
    let extent = simulation.xs().iter().chain(simulation.ys()).fold(0.0f64, |largest, v| largest.max(v.abs()));
    assert!(extent < 2000.0, "extent {extent}");
    // At rest: the mean speed is a tiny fraction of a unit per tick.
    let mean_speed =
        simulation.vxs().iter().zip(simulation.vys()).map(|(vx, vy)| vx.hypot(*vy)).sum::<f64>() / node_count as f64;
    assert!(mean_speed < 0.05, "mean speed {mean_speed}");
    // Readable: no two circles overlap.
    for i in 0..node_count {
        for j in i + 1..node_count {
            let distance = (simulation.xs()[i] - simulation.xs()[j]).hypot(simulation.ys()[i] - simulation.ys()[j]);
            assert!(distance >= radii[i] + radii[j], "nodes {i} and {j} overlap: {distance}");
        }
    }
    // Centred.
    let mean_x = simulation.xs().iter().sum::<f64>() / node_count as f64;
    assert!(mean_x.abs() < 1.0, "mean x {mean_x}");
    // Settled means settled: a further call runs no tick.
    assert_eq!(simulation.run_until_settled(1000), 0);
}

#[test]
fn alpha_schedule_follows_d3() {
    let mut simulation = Simulation::new(0, SimulationParams::default());
    assert_eq!(simulation.run_until_settled(10_000), 300);
    assert!(simulation.alpha() < 0.001);

    // A positive alpha target keeps the simulation live: it never settles.
    let mut live = Simulation::new(2, SimulationParams { alpha_target: 0.3, ..SimulationParams::default() });
    assert_eq!(live.run_until_settled(500), 500);
    assert!((live.alpha() - 0.3).abs() < 1e-3);
    live.set_alpha_target(0.0);
    assert!(live.run_until_settled(1000) < 400);
}

#[test]
fn a_running_simulation_allocates_nothing_per_tick() {
    let links = random_graph_links(2000, 2, 9);
    let mut simulation = default_graph_simulation(2000, &links, &[5.0; 2000], 1);
    // The first ticks size the quadtrees and stacks; the tree can still grow a little while
    // the layout unfolds, so warm up for a while.
    simulation.tick_n(20);
    let before = allocations_on_this_thread();
    simulation.tick_n(10);
    assert_eq!(allocations_on_this_thread() - before, 0);
}
