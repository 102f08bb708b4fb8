//! The force simulation of `atlas-core`, exposed to JavaScript for the benchmark page
//! (`bench/page/`), set up exactly like the d3-force simulation it is compared with:
//! `forceLink(links)` (d3's default distance 30 and strength `1 / min(degree)`),
//! `forceManyBody()` (strength -30, theta 0.9) and `forceCenter(0, 0)`, in that order, with
//! d3's default cooling schedule and seed. Benchmark only: never shipped.

use atlas_core::layout::{CenterForce, Force, LinkForce, ManyBodyForce, Simulation, SimulationParams};
use wasm_bindgen::prelude::*;

/// A simulation over `xs.len()` nodes starting at the given positions.
#[wasm_bindgen]
pub struct BenchLayout {
    simulation: Simulation,
}

#[wasm_bindgen]
impl BenchLayout {
    /// `sources[k]`, `targets[k]`: the node indices of link `k`; `xs`, `ys`: start positions.
    #[wasm_bindgen(constructor)]
    pub fn new(sources: &[u32], targets: &[u32], xs: &[f64], ys: &[f64]) -> BenchLayout {
        let links: Vec<(usize, usize)> =
            sources.iter().zip(targets).map(|(&s, &t)| (s as usize, t as usize)).collect();
        let mut simulation = Simulation::with_positions(xs, ys, SimulationParams::default());
        simulation
            .add_force(Force::Link(LinkForce::new(&links)))
            .add_force(Force::ManyBody(ManyBodyForce::new().with_theta(0.9)))
            .add_force(Force::Center(CenterForce::new(0.0, 0.0)));
        BenchLayout { simulation }
    }

    /// Runs `count` ticks.
    pub fn tick(&mut self, count: u32) {
        self.simulation.tick_n(count as usize);
    }

    /// The current alpha (d3's `simulation.alpha()`).
    pub fn alpha(&self) -> f64 {
        self.simulation.alpha()
    }

    /// The node count.
    pub fn len(&self) -> usize {
        self.simulation.len()
    }

    /// A copy of the x coordinates.
    pub fn xs(&self) -> Vec<f64> {
        self.simulation.xs().to_vec()
    }

    /// A copy of the y coordinates.
    pub fn ys(&self) -> Vec<f64> {
        self.simulation.ys().to_vec()
    }
}
