//! The app's shared state: a few signals provided once as context in one named struct.
//!
//! Components read what they need with [`use_app`]. The data set itself is not reactive per
//! node (it changes only when a whole new data set is loaded), so it lives in one signal of an
//! `Arc`'d [`Scene`]. The shareable part of this state round-trips through the URL
//! (`atlas_core::view_state`), see `view::app`.

use atlas_core::scene::Scene;
use atlas_core::transform::ViewTransform;
use atlas_core::view_state::{GraphLayout, Panes, Selected, TimeSpan, ViewState};
use atlas_core::Lang;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// What is selected: nothing, a graph node, or a timeline event, by id (so that a selection
/// survives re-layout and is what the URL carries).
pub type Selection = Selected;

/// Whether `selected` names something that exists in `scene` (a link may name an id the shown
/// data set does not have).
pub fn exists_in(selected: &Selected, scene: &Scene) -> bool {
    match selected {
        Selected::Nothing => true,
        Selected::Node(id) => scene.model.node_idx(id).is_some(),
        Selected::Event(id) => scene.model.event_idx(id).is_some(),
    }
}

/// Which graph layout is shown.
pub type LayoutMode = GraphLayout;

/// The state every component may read. All fields are `Copy` signals.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub selection: RwSignal<Selection>,
    /// The node under the pointer or with keyboard focus: its neighbourhood is highlighted.
    pub hovered: RwSignal<Option<usize>>,
    pub scene: RwSignal<Arc<Scene>>,
    /// Node kinds (`kind:threat`) and groups (`group:social`) hidden by the legend filter.
    pub hidden: RwSignal<BTreeSet<String>>,
    pub layout: RwSignal<LayoutMode>,
    pub panes: RwSignal<Panes>,
    /// The graph's pan and zoom; `None` until the graph has been fitted or a link set it.
    pub graph_zoom: RwSignal<Option<ViewTransform>>,
    /// The timeline's span; `None` until the timeline knows its width or a link set it.
    pub time_span: RwSignal<Option<TimeSpan>>,
    /// The guided tour's current step (0-based), when presenting.
    pub tour_step: RwSignal<Option<usize>>,
    /// How many of the current step's nodes are revealed (for steps that reveal one at a time).
    pub revealed: RwSignal<usize>,
    /// The screen is blanked (a presenter's B or `.` key).
    pub blank: RwSignal<bool>,
    /// The high-contrast, large-type theme for projectors.
    pub projector: RwSignal<bool>,
    /// Whether the page has keyboard focus (always true when not framed). A framed app that
    /// lacks focus ignores presentation keys and says how to give it focus.
    pub has_focus: RwSignal<bool>,
    /// Embed mode: no page chrome.
    pub embed: RwSignal<bool>,
    pub auto_resize: RwSignal<bool>,
    /// Quiet notices (things in the URL that were ignored), shown once.
    pub notices: RwSignal<Vec<String>>,
    /// Where the shown data set came from.
    pub source: RwSignal<DataSource>,
    /// The problems of a data set the user tried to load (the view stays as it was).
    pub load_problems: RwSignal<Option<(String, Vec<atlas_core::Problem>)>>,
    /// Text the user may download because it could not be used (a damaged saved copy).
    pub salvage: RwSignal<Option<String>>,
}

/// Where the shown data set came from; `key` tells saved pins of different data sets apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataSource {
    BuiltIn { key: String, text: Arc<str> },
    User { name: String, key: String, text: Arc<str> },
}

impl DataSource {
    pub fn key(&self) -> &str {
        match self {
            DataSource::BuiltIn { key, .. } | DataSource::User { key, .. } => key,
        }
    }
    /// The data set's text as it was loaded: what "Download JSON" saves, so the file is the
    /// one the user gave (or the page carries), field for field.
    pub fn text(&self) -> &str {
        match self {
            DataSource::BuiltIn { text, .. } | DataSource::User { text, .. } => text,
        }
    }
}

impl AppState {
    pub fn new(scene: Scene, lang: Lang, source: DataSource) -> AppState {
        AppState {
            lang: RwSignal::new(lang),
            selection: RwSignal::new(Selection::Nothing),
            hovered: RwSignal::new(None),
            scene: RwSignal::new(Arc::new(scene)),
            hidden: RwSignal::new(BTreeSet::new()),
            layout: RwSignal::new(LayoutMode::Force),
            panes: RwSignal::new(Panes::Both),
            graph_zoom: RwSignal::new(None),
            time_span: RwSignal::new(None),
            tour_step: RwSignal::new(None),
            revealed: RwSignal::new(0),
            blank: RwSignal::new(false),
            projector: RwSignal::new(false),
            has_focus: RwSignal::new(true),
            embed: RwSignal::new(false),
            auto_resize: RwSignal::new(true),
            notices: RwSignal::new(Vec::new()),
            source: RwSignal::new(source),
            load_problems: RwSignal::new(None),
            salvage: RwSignal::new(None),
        }
    }

    /// The shareable part of the state, as the URL carries it.
    pub fn view_state(&self) -> ViewState {
        ViewState {
            lang: Some(self.lang.get()),
            selected: self.selection.get(),
            layout: self.layout.get(),
            hidden: self.hidden.get(),
            panes: self.panes.get(),
            zoom: self.graph_zoom.get(),
            span: self.time_span.get(),
            tour_step: self.tour_step.get(),
            embed: self.embed.get(),
            auto_resize: self.auto_resize.get(),
            data_url: None,
        }
    }

    /// Applies a state read from the URL; ids not in the scene are reported as notices.
    pub fn apply_view_state(&self, state: &ViewState) {
        let scene = self.scene.get_untracked();
        if let Some(lang) = state.lang {
            self.lang.set(lang);
        }
        if exists_in(&state.selected, &scene) {
            self.selection.set(state.selected.clone());
        } else {
            let id = match &state.selected {
                Selected::Node(id) | Selected::Event(id) => id.clone(),
                Selected::Nothing => String::new(),
            };
            let lang = self.lang.get_untracked();
            self.notices.update(|n| {
                n.push(match lang {
                    Lang::En => {
                        format!("The link names {id:?}, which this data set does not have; nothing is selected.")
                    }
                    Lang::Zh => format!("链接中的 {id:?} 不在本数据集中，未选中任何项。"),
                })
            });
            self.selection.set(Selection::Nothing);
        }
        self.layout.set(state.layout);
        self.hidden.set(state.hidden.clone());
        self.panes.set(state.panes);
        if state.zoom.is_some() {
            self.graph_zoom.set(state.zoom);
        }
        if state.span.is_some() {
            self.time_span.set(state.span);
        }
        let steps = scene.model.tour.len();
        self.tour_step.set(state.tour_step.filter(|s| *s < steps));
        self.revealed.set(0);
        self.embed.set(state.embed);
        self.auto_resize.set(state.auto_resize);
    }
}

/// The app state provided by `App`.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
