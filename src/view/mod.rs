//! The Leptos view layer: one component per file, reading the core through [`crate::state`].

pub mod app;
pub mod data_loader;
pub mod details;
#[cfg(feature = "editor")]
pub mod editor;
pub mod editor_entry;
pub mod graph;
pub mod keyboard_help;
pub mod legend;
pub mod list_view;
pub mod menu;
pub mod presenter;
pub mod problems;
pub mod publish;
pub mod search;
pub mod share_dialog;
pub mod stage_quote;
pub mod timeline;
pub mod top_bar;
pub mod tour;

use wasm_bindgen::JsCast;

/// Moves keyboard focus to graph node `index` (its button; the canvas, for a large graph).
pub fn focus_graph_node(index: usize) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let target = document
        .query_selector(&format!("#graph-region g.node[data-index=\"{index}\"]"))
        .ok()
        .flatten()
        .or_else(|| document.query_selector("#graph-region canvas").ok().flatten());
    if let Some(el) = target {
        if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
            let _ = svg.focus();
        } else if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = html.focus();
        }
    }
}
