//! The Leptos view layer: one component per file, reading the core through [`crate::state`].

pub mod app;
pub mod data_loader;
pub mod detail_panel;
pub mod graph_canvas;
pub mod graph_view;
pub mod header;
pub mod keyboard_help;
pub mod legend;
pub mod list_view;
pub mod problems;
pub mod share_dialog;
pub mod timeline_view;
pub mod tour;
