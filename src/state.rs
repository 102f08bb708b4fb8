//! The app's shared state: signals provided once as context in one named struct.
//!
//! Components read what they need with [`use_app`]. The data set itself is not reactive per
//! node (it changes only when a whole new data set is loaded), so it lives in one signal of an
//! `Arc`'d [`Scene`]. The shareable part of this state round-trips through the URL
//! (`atlas_core::view_state`), see `view::app`; the rest is the moment's (what is hovered,
//! what the search box holds, which pane a phone shows).

use atlas_core::scene::Scene;
use atlas_core::tour::TourPosition;
use atlas_core::view_state::{GraphLayout, Panes, Selected, TimeSpan, ViewState};
use atlas_core::Lang;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Whether `selected` names something that exists in `scene` (a link may name an id the shown
/// data set does not have).
pub fn exists_in(selected: &Selected, scene: &Scene) -> bool {
    match selected {
        Selected::Nothing => true,
        Selected::Node(id) => scene.model.node_idx(id).is_some(),
        Selected::Event(id) => scene.model.event_idx(id).is_some(),
        Selected::Group(id) => scene.model.group(id).is_some(),
        Selected::Link(key) => scene.model.link_idx(key).is_some(),
    }
}

/// On a narrow screen (a phone, a small frame) one pane at a time is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum NarrowPane {
    #[default]
    Graph,
    Timeline,
}

/// Something the page says once (an ignored link value, a storage that refused a save), kept
/// as a value and said in the language of the moment.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A URL value that was not understood.
    Url(atlas_core::view_state::UrlNotice),
    /// A link named an item this data set does not have.
    NoSuchItem(String),
    /// Every quote of the data set just opened was found in the source text it carries. It
    /// speaks of that data set only: showing another (a draft edited since) takes it away.
    QuotesChecked { quotes: usize, passages: usize },
    /// Any other message, already in both languages.
    Text { zh: String, en: String },
}

impl Notice {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Notice::Url(notice) => notice.describe(lang),
            Notice::NoSuchItem(id) => match lang {
                Lang::En => format!("The link names {id:?}, which this data set does not have; nothing is selected."),
                Lang::Zh => format!("链接中的 {id:?} 不在本数据集中，未选中任何项。"),
            },
            Notice::QuotesChecked { quotes, passages } => match lang {
                Lang::En => {
                    format!("All {quotes} quotes were found word for word in the source text ({passages} passages).")
                }
                Lang::Zh => format!("全部 {quotes} 条引文均已在原文（{passages} 段）中逐字找到。"),
            },
            Notice::Text { zh, en } => match lang {
                Lang::En => en.clone(),
                Lang::Zh => zh.clone(),
            },
        }
    }

    /// A notice in both languages.
    pub fn text(zh: impl Into<String>, en: impl Into<String>) -> Notice {
        Notice::Text { zh: zh.into(), en: en.into() }
    }
}

/// The state every component may read. All fields are `Copy` signals.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub selection: RwSignal<Selected>,
    /// While the editor waits for a node to be chosen (a link's other end, a list's next id),
    /// what the views would select goes to `picked` instead: nothing is selected, so no URL
    /// step, no "selected" said, no other node dimmed. Set by the editor only.
    pub picking: RwSignal<bool>,
    /// What was chosen while picking: each choice, the same one again too.
    pub picked: RwSignal<Option<Selected>>,
    /// How many selections the reader can go back through (the history entry's depth).
    pub back_depth: RwSignal<usize>,
    /// The node under the pointer or with keyboard focus: its neighbourhood is highlighted.
    pub hovered: RwSignal<Option<usize>>,
    pub scene: RwSignal<Arc<Scene>>,
    /// Node kinds (`kind:threat`) and groups (`group:social`) hidden by the legend filter.
    pub hidden: RwSignal<BTreeSet<String>>,
    pub layout: RwSignal<GraphLayout>,
    pub panes: RwSignal<Panes>,
    /// On a narrow screen, the pane shown.
    pub narrow_pane: RwSignal<NarrowPane>,
    /// Node ids a link asked to frame on opening.
    pub show: RwSignal<Vec<String>>,
    /// The search box's text: its matches are marked in the graph until it is cleared.
    pub search: RwSignal<String>,
    /// The timeline's span; `None` until the timeline knows its width or a link set it.
    pub time_span: RwSignal<Option<TimeSpan>>,
    /// The guided tour's position, when presenting.
    pub tour: RwSignal<Option<TourPosition>>,
    /// What was selected when the tour started, while it is still selected: the views do not
    /// draw it (see [`AppState::drawn_selection`]). Only the tour's stage effects write it.
    pub selected_before_tour: RwSignal<Option<Selected>>,
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
    pub notices: RwSignal<Vec<Notice>>,
    /// Where the shown data set came from.
    pub source: RwSignal<DataSource>,
    /// The same-origin address of the data set a link named (`data=`), kept in every link the
    /// app writes while that reading is shown, so links and a reload keep it.
    pub data_url: RwSignal<Option<String>>,
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
            selection: RwSignal::new(Selected::Nothing),
            picking: RwSignal::new(false),
            picked: RwSignal::new(None),
            back_depth: RwSignal::new(0),
            hovered: RwSignal::new(None),
            scene: RwSignal::new(Arc::new(scene)),
            hidden: RwSignal::new(BTreeSet::new()),
            layout: RwSignal::new(GraphLayout::Force),
            panes: RwSignal::new(Panes::Both),
            narrow_pane: RwSignal::new(NarrowPane::Graph),
            show: RwSignal::new(Vec::new()),
            search: RwSignal::new(String::new()),
            time_span: RwSignal::new(None),
            tour: RwSignal::new(None),
            selected_before_tour: RwSignal::new(None),
            blank: RwSignal::new(false),
            projector: RwSignal::new(false),
            has_focus: RwSignal::new(true),
            embed: RwSignal::new(false),
            auto_resize: RwSignal::new(true),
            notices: RwSignal::new(Vec::new()),
            source: RwSignal::new(source),
            data_url: RwSignal::new(None),
            load_problems: RwSignal::new(None),
            salvage: RwSignal::new(None),
        }
    }

    /// The selection the views draw. While presenting, not the one made before the tour began:
    /// drawn chosen beside a step's nodes, it read as part of the step (trial 11, a student in
    /// the published file). It stays selected (the link, the details and Back keep it), and is
    /// drawn again when the tour ends or once another is chosen.
    pub fn drawn_selection(&self) -> Selected {
        let selection = self.selection.get();
        let set_aside = self.tour.with(Option::is_some)
            && self.selected_before_tour.with(|before| before.as_ref() == Some(&selection));
        if set_aside {
            Selected::Nothing
        } else {
            selection
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
            show: self.show.get(),
            span: self.time_span.get(),
            tour_step: self.tour.get().map(|t| t.step),
            embed: self.embed.get(),
            auto_resize: self.auto_resize.get(),
            presenter: false,
            data_url: self.data_url.get(),
        }
    }

    /// Selects `selected` as a reader's step (the URL gets a history entry for it, which the
    /// details panel's Back returns from).
    pub fn select(&self, selected: Selected) {
        if self.picking.get_untracked() {
            self.picked.set(Some(selected));
            return;
        }
        // Chosen again while presenting, what was set aside as the tour began is drawn again.
        if self.selected_before_tour.with_untracked(|before| before.as_ref() == Some(&selected)) {
            self.selected_before_tour.set(None);
        }
        if self.selection.get_untracked() != selected {
            // What is chosen now is what is in focus: a node hovered (or reached by arrow keys)
            // before no longer speaks for the graph until the pointer or the keys move again.
            self.hovered.set(None);
            self.selection.set(selected);
        }
    }

    /// Says `notice` once (a notice already showing is not repeated).
    pub fn notify(&self, notice: Notice) {
        self.notices.update(|list| {
            if !list.contains(&notice) {
                list.push(notice);
            }
        });
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
                Selected::Node(id) | Selected::Event(id) | Selected::Group(id) | Selected::Link(id) => id.clone(),
                Selected::Nothing => String::new(),
            };
            self.notify(Notice::NoSuchItem(id));
            self.selection.set(Selected::Nothing);
        }
        self.layout.set(state.layout);
        self.hidden.set(state.hidden.clone());
        self.panes.set(state.panes);
        self.show.set(state.show.clone());
        if state.span.is_some() {
            self.time_span.set(state.span);
        }
        self.tour.set(state.tour_step.and_then(|s| atlas_core::tour::whole(&scene.tour, s)));
        self.embed.set(state.embed);
        self.auto_resize.set(state.auto_resize);
    }
}

/// The app state provided by `App`.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
