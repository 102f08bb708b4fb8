//! The force simulation of `atlas-core`, exposed to JavaScript for the benchmark page
//! (`bench/page/`), set up exactly like the d3-force simulation it is compared with:
//! `forceLink(links)` (d3's default distance 30 and strength `1 / min(degree)`),
//! `forceManyBody()` (strength -30, theta 0.9) and `forceCenter(0, 0)`, in that order, with
//! d3's default cooling schedule and seed. Also, to explain the app's figures: the app's own
//! simulation set-up, and the core's share of the app's start (loading a data set, building its
//! scene). Benchmark only: never shipped.

use atlas_core::layout::{
    default_graph_simulation, CenterForce, Force, LinkForce, ManyBodyForce, Simulation, SimulationParams,
};
use atlas_core::scene::Scene;
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
        let links: Vec<(usize, usize)> = sources.iter().zip(targets).map(|(&s, &t)| (s as usize, t as usize)).collect();
        let mut simulation = Simulation::with_positions(xs, ys, SimulationParams::default());
        simulation
            .add_force(Force::Link(LinkForce::new(&links)))
            .add_force(Force::ManyBody(ManyBodyForce::new().with_theta(0.9)))
            .add_force(Force::Center(CenterForce::new(0.0, 0.0)));
        BenchLayout { simulation }
    }

    /// The app's simulation ([`default_graph_simulation`]: link, many-body, x, y, centre and
    /// collision, two passes up to 600 nodes and one above) over `node_count` nodes of radius 8, from d3's phyllotaxis start.
    pub fn app(sources: &[u32], targets: &[u32], node_count: usize) -> BenchLayout {
        let links: Vec<(usize, usize)> = sources.iter().zip(targets).map(|(&s, &t)| (s as usize, t as usize)).collect();
        let radii = vec![8.0; node_count];
        BenchLayout { simulation: default_graph_simulation(node_count, &links, &radii, 1) }
    }

    /// Runs `count` ticks.
    pub fn tick(&mut self, count: u32) {
        self.simulation.tick_n(count as usize);
    }

    /// The current alpha (d3's `simulation.alpha()`).
    pub fn alpha(&self) -> f64 {
        self.simulation.alpha()
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

/// Loads (parses and validates) a data set as the app does; returns its node count, or -1 if it
/// has problems.
#[wasm_bindgen]
pub fn load_data_set(text: &str) -> i32 {
    atlas_core::load_data_set(text).map_or(-1, |model| model.nodes.len() as i32)
}

/// Loads a data set and builds its scene (labels wrapped with the estimated text measure, the
/// settled force layout, the columns layout): the core's share of the app's start. Returns the
/// node count, or -1 if the data set has problems.
#[wasm_bindgen]
pub fn load_and_build_scene(text: &str) -> i32 {
    match atlas_core::load_data_set(text) {
        Ok(model) => Scene::new(model).force_xs.len() as i32,
        Err(_) => -1,
    }
}
