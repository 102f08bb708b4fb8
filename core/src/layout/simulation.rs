//! The simulation: a few numbers (alpha and its schedule), the node arrays, the forces, and the
//! step that applies the forces and integrates.

use super::force::Force;
use super::random::LinearCongruentialGenerator;

/// The radius scale of d3's phyllotaxis start: node `i` starts at distance `10 * sqrt(0.5 + i)`.
pub const PHYLLOTAXIS_INITIAL_RADIUS: f64 = 10.0;

/// Positions are kept within `±POSITION_LIMIT`. d3 has no limit; we need one so that a runaway
/// force (say a strength of 1e300) cannot push a coordinate to infinity, where the quadtree's
/// covering square could not be computed. No sensible layout comes anywhere near it.
pub const POSITION_LIMIT: f64 = 1e10;

/// The angle step of d3's phyllotaxis start, `π (3 - √5)` (the golden angle).
pub fn phyllotaxis_initial_angle() -> f64 {
    std::f64::consts::PI * (3.0 - 5f64.sqrt())
}

/// d3's start position for node `i` when none is given: a sunflower spiral, which spreads nodes
/// evenly without randomness. Computed with `libm` so native code and WebAssembly start from
/// the same bits (see core/Cargo.toml).
pub fn phyllotaxis_position(index: usize) -> (f64, f64) {
    let radius = PHYLLOTAXIS_INITIAL_RADIUS * (0.5 + index as f64).sqrt();
    let angle = index as f64 * phyllotaxis_initial_angle();
    (radius * libm::cos(angle), radius * libm::sin(angle))
}

/// The cooling schedule and seed of a simulation. [`Default`] gives d3's defaults.
///
/// Each tick `alpha += (alpha_target - alpha) * alpha_decay`; forces scale with alpha, so the
/// layout moves a lot at first and settles as alpha falls below `alpha_min`. With the defaults,
/// that takes 300 ticks.
#[derive(Clone, Debug, PartialEq)]
pub struct SimulationParams {
    /// The alpha the simulation starts at (d3: 1).
    pub initial_alpha: f64,
    /// The simulation counts as settled once alpha is below this (d3: 0.001).
    pub alpha_min: f64,
    /// How fast alpha approaches `alpha_target` per tick (d3: `1 - 0.001^(1/300)` ≈ 0.0228).
    pub alpha_decay: f64,
    /// The alpha the simulation cools towards (d3: 0). Set it above `alpha_min` to keep the
    /// layout live, for example while a node is dragged.
    pub alpha_target: f64,
    /// The fraction of velocity lost per tick, like friction (d3's `velocityDecay`: 0.4, which
    /// d3 stores internally as the factor 0.6).
    pub velocity_decay: f64,
    /// The start state of the random generator used to separate coincident points (d3: 1).
    pub seed: u32,
}

impl SimulationParams {
    /// d3's default alpha decay, `1 - alpha_min^(1/300)` for `alpha_min = 0.001`.
    pub fn default_alpha_decay() -> f64 {
        1.0 - libm::pow(0.001, 1.0 / 300.0)
    }

    /// Replaces every non-finite setting by d3's default, so a bad setting cannot make the
    /// simulation produce NaN.
    fn sanitized(self) -> Self {
        let defaults = SimulationParams::default();
        let finite_or_default = |value: f64, default: f64| if value.is_finite() { value } else { default };
        SimulationParams {
            initial_alpha: finite_or_default(self.initial_alpha, defaults.initial_alpha),
            alpha_min: finite_or_default(self.alpha_min, defaults.alpha_min),
            alpha_decay: finite_or_default(self.alpha_decay, defaults.alpha_decay),
            alpha_target: finite_or_default(self.alpha_target, defaults.alpha_target),
            velocity_decay: finite_or_default(self.velocity_decay, defaults.velocity_decay),
            seed: self.seed,
        }
    }
}

impl Default for SimulationParams {
    fn default() -> Self {
        SimulationParams {
            initial_alpha: 1.0,
            alpha_min: 0.001,
            alpha_decay: Self::default_alpha_decay(),
            alpha_target: 0.0,
            velocity_decay: 0.4,
            seed: 1,
        }
    }
}

/// Positions and velocities, one array per coordinate (struct of arrays): the forces' loops
/// then read contiguous memory.
#[derive(Clone, Debug, Default)]
pub(crate) struct NodeArrays {
    pub(crate) xs: Vec<f64>,
    pub(crate) ys: Vec<f64>,
    pub(crate) vxs: Vec<f64>,
    pub(crate) vys: Vec<f64>,
}

/// A force-directed layout following d3-force's model: see the [module docs](super) for what is
/// kept from d3 and what deliberately differs.
///
/// ```
/// use atlas_core::layout::{Simulation, SimulationParams, Force, LinkForce, ManyBodyForce, CenterForce};
/// let mut simulation = Simulation::new(3, SimulationParams::default());
/// simulation
///     .add_force(Force::Link(LinkForce::new(&[(0, 1), (1, 2)])))
///     .add_force(Force::ManyBody(ManyBodyForce::new()))
///     .add_force(Force::Center(CenterForce::new(0.0, 0.0)));
/// let ticks = simulation.run_until_settled(1000);
/// assert!(simulation.is_settled() && ticks <= 301);
/// assert!(simulation.xs().iter().chain(simulation.ys()).all(|v| v.is_finite()));
/// ```
#[derive(Clone, Debug)]
pub struct Simulation {
    params: SimulationParams,
    alpha: f64,
    nodes: NodeArrays,
    /// The pinned coordinate of each node, if any (d3's `fx` / `fy`).
    fixed_xs: Vec<Option<f64>>,
    fixed_ys: Vec<Option<f64>>,
    forces: Vec<Force>,
    random: LinearCongruentialGenerator,
}

impl Simulation {
    /// A simulation of `node_count` nodes at d3's phyllotaxis start positions, at rest, with no
    /// forces yet.
    pub fn new(node_count: usize, params: SimulationParams) -> Self {
        let (xs, ys) = (0..node_count).map(phyllotaxis_position).unzip();
        Self::from_arrays(xs, ys, params)
    }

    /// A simulation starting at the given positions. The node count is the longer of the two
    /// slices; a node whose x or y is missing or not finite starts at its phyllotaxis position
    /// instead, as d3 does for NaN (and, unlike d3, also for infinities). Positions beyond
    /// [`POSITION_LIMIT`] are clamped.
    pub fn with_positions(xs: &[f64], ys: &[f64], params: SimulationParams) -> Self {
        let node_count = xs.len().max(ys.len());
        let mut start_xs = Vec::with_capacity(node_count);
        let mut start_ys = Vec::with_capacity(node_count);
        for i in 0..node_count {
            match (xs.get(i), ys.get(i)) {
                (Some(&x), Some(&y)) if x.is_finite() && y.is_finite() => {
                    start_xs.push(x.clamp(-POSITION_LIMIT, POSITION_LIMIT));
                    start_ys.push(y.clamp(-POSITION_LIMIT, POSITION_LIMIT));
                }
                _ => {
                    let (x, y) = phyllotaxis_position(i);
                    start_xs.push(x);
                    start_ys.push(y);
                }
            }
        }
        Self::from_arrays(start_xs, start_ys, params)
    }

    fn from_arrays(xs: Vec<f64>, ys: Vec<f64>, params: SimulationParams) -> Self {
        let node_count = xs.len();
        let params = params.sanitized();
        Simulation {
            alpha: params.initial_alpha,
            random: LinearCongruentialGenerator::new(params.seed),
            params,
            nodes: NodeArrays { xs, ys, vxs: vec![0.0; node_count], vys: vec![0.0; node_count] },
            fixed_xs: vec![None; node_count],
            fixed_ys: vec![None; node_count],
            forces: Vec::new(),
        }
    }

    /// Adds a force after the existing ones (forces apply in the order they were added) and
    /// prepares its arrays for this simulation's nodes.
    pub fn add_force(&mut self, force: impl Into<Force>) -> &mut Self {
        let mut force = force.into();
        force.initialize(self.len());
        self.forces.push(force);
        self
    }

    /// Like [`Simulation::add_force`], for building a simulation in one expression.
    pub fn with_force(mut self, force: impl Into<Force>) -> Self {
        self.add_force(force);
        self
    }

    /// The forces, in the order they apply.
    pub fn forces(&self) -> &[Force] {
        &self.forces
    }

    /// Removes every force (positions, velocities, alpha and pins are kept).
    pub fn clear_forces(&mut self) {
        self.forces.clear();
    }

    /// Advances the simulation one step, as d3's `simulation.tick()`:
    /// 1. `alpha += (alpha_target - alpha) * alpha_decay`;
    /// 2. each force, in order, adjusts velocities (the centering force adjusts positions);
    /// 3. each free coordinate: `velocity *= 1 - velocity_decay; position += velocity`; each
    ///    pinned coordinate is set to its pin, with zero velocity.
    ///
    /// Allocates nothing once every force has run once. Never produces a non-finite position:
    /// a velocity that some force made non-finite is reset to 0, and positions are clamped to
    /// [`POSITION_LIMIT`].
    pub fn tick(&mut self) {
        self.alpha += (self.params.alpha_target - self.alpha) * self.params.alpha_decay;
        for force in &mut self.forces {
            force.apply(self.alpha, &mut self.nodes, &mut self.random);
        }
        let velocity_factor = 1.0 - self.params.velocity_decay;
        integrate(&mut self.nodes.xs, &mut self.nodes.vxs, &self.fixed_xs, velocity_factor);
        integrate(&mut self.nodes.ys, &mut self.nodes.vys, &self.fixed_ys, velocity_factor);
    }

    /// Runs `tick_count` ticks, whatever alpha does.
    pub fn tick_n(&mut self, tick_count: usize) {
        for _ in 0..tick_count {
            self.tick();
        }
    }

    /// Ticks until the simulation is settled (alpha below `alpha_min`) or `max_ticks` ticks have
    /// run, and returns how many ticks ran (0 if already settled). With d3's default schedule
    /// from alpha 1 that is 300 ticks; with `alpha_target >= alpha_min` it never settles.
    pub fn run_until_settled(&mut self, max_ticks: usize) -> usize {
        let mut ticks = 0;
        while ticks < max_ticks && !self.is_settled() {
            self.tick();
            ticks += 1;
        }
        ticks
    }

    /// The current alpha.
    pub fn alpha(&self) -> f64 {
        self.alpha
    }

    /// Sets alpha, for example back to 1 to reheat the layout after the graph changed.
    /// A non-finite value is ignored.
    pub fn set_alpha(&mut self, alpha: f64) {
        if alpha.is_finite() {
            self.alpha = alpha;
        }
    }

    /// Sets the alpha the simulation cools towards (see [`SimulationParams::alpha_target`]).
    /// A non-finite value is ignored.
    pub fn set_alpha_target(&mut self, alpha_target: f64) {
        if alpha_target.is_finite() {
            self.params.alpha_target = alpha_target;
        }
    }

    /// The simulation's settings (after non-finite values were replaced by defaults).
    pub fn params(&self) -> &SimulationParams {
        &self.params
    }

    /// Whether alpha is below `alpha_min`: the layout has stopped moving noticeably.
    pub fn is_settled(&self) -> bool {
        self.alpha < self.params.alpha_min
    }

    /// The x coordinate of every node, by index.
    pub fn xs(&self) -> &[f64] {
        &self.nodes.xs
    }

    /// The y coordinate of every node, by index.
    pub fn ys(&self) -> &[f64] {
        &self.nodes.ys
    }

    /// The x velocity of every node, by index.
    pub fn vxs(&self) -> &[f64] {
        &self.nodes.vxs
    }

    /// The y velocity of every node, by index.
    pub fn vys(&self) -> &[f64] {
        &self.nodes.vys
    }

    /// Moves node `i` to `(x, y)` and stops it (zero velocity). A pinned node stays pinned at
    /// its pin. Ignored if `i` is out of range or a coordinate is not finite.
    pub fn set_position(&mut self, i: usize, x: f64, y: f64) {
        if i >= self.len() || !x.is_finite() || !y.is_finite() {
            return;
        }
        self.nodes.xs[i] = self.fixed_xs[i].unwrap_or(x.clamp(-POSITION_LIMIT, POSITION_LIMIT));
        self.nodes.ys[i] = self.fixed_ys[i].unwrap_or(y.clamp(-POSITION_LIMIT, POSITION_LIMIT));
        self.nodes.vxs[i] = 0.0;
        self.nodes.vys[i] = 0.0;
    }

    /// Pins node `i` at `(x, y)` (d3's `fx`, `fy`): forces still see it, but it stays there.
    /// Unlike d3, which moves a pinned node only at the end of the next tick, the node moves to
    /// its pin immediately, so a dragged node follows the pointer even between ticks. Ignored if
    /// `i` is out of range or a coordinate is not finite.
    pub fn pin(&mut self, i: usize, x: f64, y: f64) {
        if i >= self.len() || !x.is_finite() || !y.is_finite() {
            return;
        }
        let x = x.clamp(-POSITION_LIMIT, POSITION_LIMIT);
        let y = y.clamp(-POSITION_LIMIT, POSITION_LIMIT);
        self.fixed_xs[i] = Some(x);
        self.fixed_ys[i] = Some(y);
        self.nodes.xs[i] = x;
        self.nodes.ys[i] = y;
        self.nodes.vxs[i] = 0.0;
        self.nodes.vys[i] = 0.0;
    }

    /// Releases node `i`'s pin; it then moves with the forces from where it is, at rest.
    /// Ignored if `i` is out of range.
    pub fn unpin(&mut self, i: usize) {
        if i < self.len() {
            self.fixed_xs[i] = None;
            self.fixed_ys[i] = None;
        }
    }

    /// Whether node `i` is pinned (false when out of range).
    pub fn is_pinned(&self, i: usize) -> bool {
        i < self.len() && (self.fixed_xs[i].is_some() || self.fixed_ys[i].is_some())
    }

    /// The number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.xs.len()
    }

    /// Whether the simulation has no nodes.
    pub fn is_empty(&self) -> bool {
        self.nodes.xs.is_empty()
    }
}

/// The velocity-Verlet-like step of one coordinate, with the NaN and range guards.
fn integrate(positions: &mut [f64], velocities: &mut [f64], fixed: &[Option<f64>], velocity_factor: f64) {
    for i in 0..positions.len() {
        match fixed[i] {
            Some(pinned) => {
                positions[i] = pinned;
                velocities[i] = 0.0;
            }
            None => {
                let mut velocity = velocities[i] * velocity_factor;
                if !velocity.is_finite() {
                    velocity = 0.0;
                }
                velocities[i] = velocity;
                let position = positions[i] + velocity;
                positions[i] = if position.abs() <= POSITION_LIMIT {
                    position
                } else if position.is_nan() {
                    positions[i]
                } else {
                    position.clamp(-POSITION_LIMIT, POSITION_LIMIT)
                };
            }
        }
    }
}
