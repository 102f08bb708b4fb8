//! Prints the force simulation's milliseconds per tick on generated random graphs.
//!
//! `cargo run --release -p atlas-core --example layout_bench`
//!
//! The graphs are `random_graph_links(n, 2, 42)` (a random tree plus random pairs, 2 links per
//! node) from d3's phyllotaxis start. Two set-ups are timed:
//! - "d3 defaults": link, many-body, centering and collision (radius 5) with d3's default
//!   settings; `node tools/d3-golden.mjs --bench` times d3-force on exactly the same graphs and
//!   forces, for comparison;
//! - "app": [`default_graph_simulation`], the set-up the app uses.
//!
//! Figures, not assertions: the numbers depend on the machine and on what else is running.

// A command-line tool: its output is what it is for.
#![allow(clippy::print_stdout)]

use atlas_core::layout::{
    default_graph_simulation, random_graph_links, CenterForce, CollideForce, Force, LinkForce, ManyBodyForce,
    Simulation, SimulationParams,
};
use std::time::Instant;

/// Runs a few untimed ticks (the first ones size the quadtrees), then returns the mean
/// milliseconds per tick over `ticks` ticks.
fn milliseconds_per_tick(simulation: &mut Simulation, ticks: usize) -> f64 {
    simulation.tick_n(3);
    let start = Instant::now();
    simulation.tick_n(ticks);
    start.elapsed().as_secs_f64() * 1000.0 / ticks as f64
}

fn main() {
    println!("force simulation, ms/tick (native, {} build)", if cfg!(debug_assertions) { "debug" } else { "release" });
    for (node_count, ticks) in [(1_000, 100), (5_000, 40), (20_000, 15)] {
        let links = random_graph_links(node_count, 2, 42);

        let mut d3_defaults = Simulation::new(node_count, SimulationParams::default());
        d3_defaults
            .add_force(Force::Link(LinkForce::new(&links)))
            .add_force(Force::ManyBody(ManyBodyForce::new()))
            .add_force(Force::Center(CenterForce::new(0.0, 0.0)))
            .add_force(Force::Collide(CollideForce::new(5.0)));
        let d3_defaults_ms = milliseconds_per_tick(&mut d3_defaults, ticks);

        let radii = vec![8.0; node_count];
        let mut app = default_graph_simulation(node_count, &links, &radii, 1);
        let app_ms = milliseconds_per_tick(&mut app, ticks);

        println!(
            "{node_count:>6} nodes, {:>6} links: d3 defaults {d3_defaults_ms:>8.3} ms/tick   app {app_ms:>8.3} ms/tick   ({ticks} ticks)",
            links.len()
        );
    }
}
