//! Graph layouts: the force simulation (d3-force's model, Barnes–Hut) and the column layout.
//!
//! # What this module owns
//!
//! - [`Simulation`]: a force-directed layout that reproduces d3-force (v3) numerically: same
//!   cooling schedule, same phyllotaxis start, same seeded random generator for tie-breaking,
//!   same forces ([`LinkForce`], [`ManyBodyForce`], [`CenterForce`], [`CollideForce`],
//!   [`PositionForce`] as x or y) applied in the order they were added, then the same
//!   integration (`v *= 1 - velocity_decay; x += v`, pinned coordinates reset). The golden tests
//!   (`core/tests/layout_d3_golden.rs`) compare against fixtures written by d3-force itself
//!   (`tools/d3-golden.mjs`).
//! - [`default_graph_simulation`]: the set-up the app uses for an argument graph.
//! - [`bipartite_layout`]: nodes in columns, ordered to reduce link crossings.
//!
//! # What it does not own
//!
//! Which node goes in which column, node radii, the mapping from node ids to indices, timers
//! and animation frames, drawing, and pan/zoom: the caller passes plain indices and numbers and
//! reads plain coordinates back (`xs()`, `ys()`, in world units, y pointing down as on screen,
//! though nothing here depends on the direction).
//!
//! # Performance
//!
//! Positions and velocities are stored as one `Vec<f64>` per coordinate. The many-body and
//! collision forces rebuild a quadtree every tick (nodes move), as d3 does, but the tree lives
//! in flat vectors that keep their capacity. Each force then copies the cells, in d3's visiting
//! order (pre-order), into one packed array with its aggregates (total charge and centroid, or
//! largest radius) computed bottom-up in a single reverse pass; each cell also records where its
//! subtree ends. A walk is then a forward scan of that array: an opened cell continues with the
//! next entry (its first child), any other jumps past its subtree. No stack, no recursion, and
//! exactly d3's visiting order, so sums are added and random numbers drawn in d3's order. After
//! the first ticks a tick allocates nothing.
//!
//! `cargo run --release -p atlas-core --example layout_bench` prints milliseconds per tick;
//! `node tools/d3-golden.mjs --bench` times d3-force on the same graphs.

//! # Deliberate differences from d3-force
//!
//! Each exists to keep NaN and infinity out for inputs where d3 produces them (or throws);
//! none changes the result for ordinary input, which the golden tests check.
//!
//! - **Self-links are dropped** by [`LinkForce`]. In d3 a link `(i, i)` draws two random
//!   numbers per tick, pushes its node by a net zero, and counts twice towards the node's degree
//!   (weakening its other links by d3's default strength); if both draws are exactly 0.5 it
//!   divides zero by zero. Here it does not exist, so the random sequence and the degrees differ
//!   from d3's only for graphs with self-links.
//! - **Links naming a node that does not exist are dropped** (d3 throws "node not found").
//! - **A zero distance after jiggling skips the pair** (link, many-body, collide). d3 divides by
//!   zero when both jiggles are exactly zero, a 1 in 2^64 event.
//! - **Settings are sanitized when a force is built or initialized**: non-finite strengths become
//!   0 (collide: 1), non-finite or negative distances and radii take the default or 0, radii are
//!   capped at [`CollideForce::MAX_RADIUS`] (d3 computes `∞/∞` for an enormous radius), and a
//!   [`PositionForce`] node with a non-finite target gets strength 0 *and* target 0 (d3 computes
//!   `(NaN - x) · 0`). Non-finite [`SimulationParams`] take d3's defaults.
//! - **Integration guards**: a velocity that is not finite after the forces is reset to 0, and
//!   positions are clamped to ±[`POSITION_LIMIT`] (1e10), so no output is ever NaN or infinite
//!   and the quadtree's covering square always exists. d3 has neither guard.
//! - **Start positions**: like d3, a node without a (finite) start position starts on the
//!   phyllotaxis spiral; unlike d3, infinities count as missing, not only NaN.
//! - **Pinning moves the node at once**: [`Simulation::pin`] sets the position and zeroes the
//!   velocity immediately, where d3 applies `fx`/`fy` at the end of the next tick (d3 also moves
//!   the node immediately when `fx` is set *before* the simulation starts, which is the case the
//!   golden tests cover). Pins are on both coordinates at once.
//! - **Nodes are identified by index**, not by an id accessor; forces take plain index pairs.
//!
//! Numerically, the only remaining sources of difference from d3 are `cos`, `sin` (phyllotaxis)
//! and `pow` (the default alpha decay), which JavaScript engines and Rust's libm may round
//! differently in the last bit; every other operation is IEEE-754 arithmetic done in d3's order.

mod argument;
mod bipartite;
mod force;
mod presets;
mod quadtree;
mod random;
mod simulation;

pub use argument::{
    argument_columns, place_argument, ArgumentColumns, ArgumentPlacement, CELL_WIDTH_PX, GROUP_HEADER_PX,
    STAGE_HEADER_PX, STAGE_NAME_PX,
};
pub use bipartite::{bipartite_column_orders, bipartite_layout, count_link_crossings, BipartiteOptions};
pub use force::{CenterForce, CollideForce, ConstantOrPerItem, Force, LinkForce, ManyBodyForce, PositionForce};
pub use presets::{
    argument_graph_simulation, default_graph_simulation, group_anchors, random_graph_links, ARGUMENT_LAYOUT_ASPECT,
    DEFAULT_COLLISION_PADDING, DEFAULT_GRAVITY, DEFAULT_LINK_GAP, DEFAULT_NODE_RADIUS, DEFAULT_REPULSION,
    DEFAULT_REPULSION_RANGE, LARGE_GRAPH_COLLIDE_NODES,
};
pub use random::LinearCongruentialGenerator;
pub use simulation::{
    phyllotaxis_initial_angle, phyllotaxis_position, Simulation, SimulationParams, PHYLLOTAXIS_INITIAL_RADIUS,
    POSITION_LIMIT,
};
