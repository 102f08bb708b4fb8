//! The pure core of Argument Atlas: everything that can be decided without a browser.
//!
//! - [`model`]: the validated data model (nodes, links, timeline events, argument, tour).
//! - [`csv_import`]: a reading made in a spreadsheet (CSV files), placed problems and all.
//! - [`draft`]: a reading being made in the editor, its edits and their undo history.
//! - [`load`]: the only code that reads JSON; it validates and reports every [`problem`].
//! - [`analysis`]: graph questions answered with petgraph (degree, what addresses what).
//! - [`layout`]: the force simulation (d3-force's model, Barnes–Hut) and the bipartite layout.
//! - [`timeline`]: the time scale of the timeline (dates of each precision, ticks, zoom).
//! - [`transform`]: pan/zoom as a plain value with an inverse.
//! - [`view_state`]: the shareable view state and its URL form.
//! - [`export`]: a standalone SVG of the visible graph with title and legend.
//! - [`saved`]: versioned envelopes for what the app keeps in browser storage.
//! - [`number`]: fixed-decimal number formatting without the float formatting machinery.
//! - [`scene`]: what the views draw, derived once from a model (radii, labels, layouts, plans).
//! - [`label`]: text widths and line breaking (UAX #14).
//! - [`placement`]: which labels show, and where, on screen.
//! - [`drawing`]: node shapes, link segments, hit tests, keyboard moves, the highlight.
//! - [`frame`]: one frame of the graph on screen: positions, sizes, which labels show where.
//! - [`tour`]: the guided tour's reveals and steps.
//! - [`order`]: the one shared sort.
//! - [`quote`]: the quote rule (verbatim, white space aside), checked against a carried source.
//! - [`precomputed`]: the force layout computed at build time, shipped beside the data set.
//! - [`type_ahead`]: choosing in a list by typing a choice's first letters.
//!
//! Architecture invariant: nothing here imports leptos, web-sys or wasm-bindgen, so all of it is
//! tested natively with `cargo test`.

pub mod analysis;
pub mod csv_import;
pub mod draft;
pub mod drawing;
pub mod export;
pub mod frame;
pub mod handoff;
pub mod label;
pub mod layout;
pub mod load;
pub mod model;
pub mod number;
pub mod order;
pub mod placement;
pub mod precomputed;
pub mod problem;
pub mod publish;
pub mod quote;
pub mod saved;
pub mod scene;
pub mod timeline;
pub mod tour;
pub mod transform;
pub mod type_ahead;
pub mod view_state;

pub use load::{load_data_set, load_data_set_with, Limits};
pub use model::*;
pub use problem::{Problem, ProblemKind};
