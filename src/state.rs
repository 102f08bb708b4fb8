//! The app's shared state: a few signals provided once as context in one named struct.
//!
//! Components read what they need with [`use_app`]; the data set itself is not reactive per
//! node (it changes only when a whole new data set is loaded), so it lives in one signal of an
//! `Arc`'d [`Scene`].

use atlas_core::scene::Scene;
use atlas_core::Lang;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// What is selected: nothing, a graph node, or a timeline event (by id, so that a selection
/// survives re-layout and can be written to the URL).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum Selection {
    #[default]
    None,
    Node(String),
    Event(String),
}

/// Which graph layout is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LayoutMode {
    #[default]
    Force,
    Columns,
}

/// The state every component may read. All fields are `Copy` signals.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub selection: RwSignal<Selection>,
    /// The node under the pointer or with keyboard focus: its neighbourhood is highlighted.
    pub hovered: RwSignal<Option<usize>>,
    pub scene: RwSignal<Arc<Scene>>,
    /// Node kinds (by code) and groups (by id) hidden by the legend filter.
    pub hidden: RwSignal<BTreeSet<String>>,
    pub layout: RwSignal<LayoutMode>,
}

impl AppState {
    pub fn new(scene: Scene, lang: Lang) -> AppState {
        AppState {
            lang: RwSignal::new(lang),
            selection: RwSignal::new(Selection::None),
            hovered: RwSignal::new(None),
            scene: RwSignal::new(Arc::new(scene)),
            hidden: RwSignal::new(BTreeSet::new()),
            layout: RwSignal::new(LayoutMode::Force),
        }
    }
}

/// The app state provided by `App`.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
