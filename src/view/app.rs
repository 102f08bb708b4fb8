//! The top-level component: loads the built-in data set, provides the app state, keeps the
//! shareable part of it in the URL, and lays out the screen: the top bar, the graph as the
//! largest region, the timeline as a strip under it, and the details as a side panel (on a
//! narrow screen: one pane at a time, the details as a sheet over it). Nothing scrolls but the
//! panels' own content.

use crate::browser::{dom, embed, presenter, url};
use crate::i18n;
use crate::state::{AppState, NarrowPane, Notice};
use crate::view::data_loader::{self, LoadProblems};
use crate::view::details::DetailPanel;
use crate::view::editor_entry::{self, EditorSlot};
use crate::view::graph::GraphView;
use crate::view::keyboard_help::KeyboardHelp;
use crate::view::list_view::ListDialog;
use crate::view::menu::{CurrentGraph, Dialogs};
use crate::view::presenter::PresenterView;
use crate::view::problems::DataProblems;
use crate::view::timeline::TimelineView;
use crate::view::top_bar::TopBar;
use crate::view::tour::{install_presenter_keys, Handout, TourPanel};
use atlas_core::tour::TourPosition;
use atlas_core::view_state::{Panes, Selected};
use atlas_core::Lang;
use leptos::prelude::*;

/// The language when the URL names none: the browser's, else Chinese (the article's own).
fn default_lang() -> Lang {
    dom::browser_language().and_then(|l| Lang::parse(&l)).unwrap_or(Lang::Zh)
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let (url_state, url_notices) = url::read();
    let lang = url_state.lang.unwrap_or_else(default_lang);
    match data_loader::load_built_in() {
        Ok((scene, source)) => {
            let state = AppState::new(scene, lang, source);
            // A data set named in the link, else one the user saved earlier, replaces the
            // built-in one; the link's selection then applies to it.
            match url_state.data_url.clone() {
                // The link's view (selection, layout, …) applies once its data set is shown.
                Some(relative) => {
                    state.data_url.set(Some(relative.clone()));
                    data_loader::load_from_url(state, relative, url_state.clone());
                }
                None => data_loader::restore_saved(&state),
            }
            // A selection or tour step in a link that names a data set is that data set's: it
            // waits for it (applied to the built-in reading it would only say "no such node").
            let mut now = url_state.clone();
            if url_state.data_url.is_some() {
                now.selected = atlas_core::view_state::Selected::Nothing;
                now.tour_step = None;
            }
            state.apply_view_state(&now);
            if url_state.lang.is_none() {
                state.lang.set(lang);
            }
            for notice in url_notices {
                state.notify(Notice::Url(notice));
            }
            provide_context(state);
            if url_state.presenter {
                if state.tour.get_untracked().is_none() {
                    state.tour.set(atlas_core::tour::next(&state.scene.get_untracked().tour, None));
                }
                return view! { <Presenter/> }.into_any();
            }
            view! { <Shell/> }.into_any()
        }
        Err(problems) => view! { <DataProblems problems=problems lang=lang/> }.into_any(),
    }
}

/// Keeps the URL in step with the state, and the state with back/forward navigation: a new
/// selection adds a history entry, anything else replaces the current one.
fn sync_url(state: AppState) {
    let writer = url::UrlWriter::default();
    writer.settle_address(&state.view_state());
    {
        let writer = send_wrapper::SendWrapper::new(writer.clone());
        Effect::new(move |previous: Option<(Selected, Option<usize>)>| {
            let view = state.view_state();
            // Only a new selection adds an entry (Back in the details returns from it); the
            // tour's steps replace it, so going back never lands inside a finished tour.
            let key = (state.selection.get(), state.tour.get().map(|t| t.step));
            let push = previous.as_ref().is_some_and(|p| p.0 != key.0);
            if previous.is_some() {
                writer.write(&view, push);
                state.back_depth.set(url::history_depth());
            }
            key
        });
    }
    // Framed: tell the parent page the state (it may keep its own deep link) and the height the
    // content wants (never the frame's own height, so a page that resizes the frame settles).
    if embed::is_framed() {
        Effect::new(move |_| {
            let view = state.view_state();
            embed::post_state(&atlas_core::view_state::to_query(&view), &url::address_for(&view));
        });
        if state.auto_resize.get_untracked() {
            let panes = state.panes;
            embed::report_content_height(move |width| embed::natural_height(width, panes.get_untracked()));
        }
    }
    url::on_history_navigation(move |view| {
        writer.note_current(&view);
        state.back_depth.set(url::history_depth());
        state.apply_view_state(&view);
    });
}

/// Keeps this window and the other (stage and presenter view) on the same tour position: each
/// tells the other every change, and takes what the other tells it.
fn sync_tour_windows(state: AppState) {
    Effect::new(move |previous: Option<Option<TourPosition>>| {
        let at = state.tour.get();
        if previous.is_some_and(|p| p != at) {
            presenter::post_position(at.map(|a| (a.step, a.revealed)));
        }
        at
    });
    presenter::on_position(move |position| {
        let at = position.map(|(step, revealed)| TourPosition { step, revealed });
        let plan = state.scene.get_untracked();
        let valid = at.is_none_or(|a| plan.tour.get(a.step).is_some_and(|s| a.revealed <= s.reveals.len()));
        if valid && state.tour.get_untracked() != at {
            state.tour.set(at);
        }
    });
    presenter::on_hello(move || {
        presenter::post_position(state.tour.get_untracked().map(|a| (a.step, a.revealed)));
    });
}

/// The presenter's own window (`presenter=1`): the presenter view, kept on the stage's step.
#[component]
fn Presenter() -> impl IntoView {
    let state = crate::state::use_app();
    sync_document(state);
    sync_tour_windows(state);
    let dialogs = Dialogs { help: RwSignal::new(0), lists: RwSignal::new(0) };
    install_presenter_keys(state, dialogs, true);
    presenter::post_hello();
    view! { <PresenterView/> }
}

/// Keeps the document's language and title in step with the chosen language, so screen
/// readers switch voice and the tab says what it shows.
fn sync_document(state: AppState) {
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(doc) = dom::window().and_then(|w| w.document()) {
            // Set only when it changes: the title follows every edit of a draft, and writing the
            // root's `lang`, even unchanged, restyles the whole page (70 ms in the editor's page
            // with the built-in reading, each edit).
            if let Some(root) =
                doc.document_element().filter(|root| root.get_attribute("lang").as_deref() != Some(lang.tag()))
            {
                dom::set_attr(&root, "lang", lang.tag());
            }
            let scene = state.scene.get();
            doc.set_title(&format!("{} · {}", scene.model.meta.title.get(lang), i18n::APP_NAME.get(lang)));
        }
    });
}

/// What is announced to screen readers when the selection or the tour step changes.
fn announcement(state: AppState) -> impl Fn() -> String + Send + Sync + Copy + 'static {
    move || {
        let scene = state.scene.get();
        let lang = state.lang.get();
        if let Some(at) = state.tour.get() {
            if let Some(s) = scene.model.tour.get(at.step) {
                let step = format!("{} {} / {}", i18n::TOUR_STEP.get(lang), at.step + 1, scene.model.tour.len());
                return format!("{step}: {}", s.title.get(lang));
            }
        }
        let what = match state.selection.get() {
            Selected::Node(id) => {
                scene.model.node(&id).map(|n| format!("{}, {}", n.label.get(lang), n.kind.label(lang)))
            }
            Selected::Event(id) => {
                scene.model.event(&id).map(|e| format!("{}, {}", e.title.get(lang), e.date.display(lang)))
            }
            Selected::Group(id) => {
                scene.model.group(&id).map(|g| format!("{}: {}", i18n::GROUP.get(lang), g.label.get(lang)))
            }
            Selected::Link(key) => scene
                .model
                .link_idx(&key)
                .map(|k| crate::view::details::link_sentence(&scene, &scene.model.links[k], scene.link_ends[k], lang)),
            Selected::Nothing => None,
        };
        what.map(|w| match lang {
            Lang::En => format!("Selected {w}"),
            Lang::Zh => format!("已选择{w}"),
        })
        .unwrap_or_default()
    }
}

/// Quiet notices: what a link asked for that could not be done, each once.
#[component]
fn Notices() -> impl IntoView {
    let state = crate::state::use_app();
    let t = move |ui: i18n::Ui| move || ui.get(state.lang.get());
    move || {
        let list = state.notices.get();
        let lang = state.lang.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="notices" role="status" aria-label=t(i18n::NOTICES)>
                    <ul>{list.into_iter().map(|n| view! { <li>{n.describe(lang)}</li> }).collect_view()}</ul>
                    <button type="button" on:click=move |_| state.notices.set(Vec::new())>{t(i18n::DISMISS)}</button>
                </div>
            }
        })
    }
}

/// The page layout once a data set is loaded.
#[component]
fn Shell() -> impl IntoView {
    let state = crate::state::use_app();
    // The graph shown now, for exports and publishing; the editor keeps its map as drawn too.
    provide_context(CurrentGraph(StoredValue::new_local(None)));
    // First: the editor reads what the link that opened its page asks for, before the address
    // is settled to the view's.
    let editing = editor_entry::install(state);
    sync_document(state);
    sync_url(state);
    sync_tour_windows(state);
    let dialogs = Dialogs { help: RwSignal::new(0), lists: RwSignal::new(0) };
    provide_context(dialogs);
    install_presenter_keys(state, dialogs, false);
    crate::view::tour::stage_effects(state);
    let t = move |ui: i18n::Ui| move || ui.get(state.lang.get());
    let framed = embed::is_framed();
    let has_focus = state.has_focus;
    if framed {
        embed::watch_focus(move |focused| has_focus.set(focused));
    }
    let on_drag_over = move |ev: web_sys::DragEvent| ev.prevent_default();
    let open_files = editor_entry::file_opener(state);
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        let Some(list) = ev.data_transfer().and_then(|d| d.files()) else { return };
        open_files((0..list.length()).filter_map(|i| list.get(i)).collect());
    };
    let panes = move || match state.panes.get() {
        Panes::Both => "both",
        Panes::Graph => "graph",
        Panes::Timeline => "timeline",
    };
    let narrow_pane = move || match state.narrow_pane.get() {
        NarrowPane::Graph => "graph",
        NarrowPane::Timeline => "timeline",
    };
    let announce = announcement(state);
    // While presenting, how many events the step has (a step without any hides the strip).
    let step_events = move || {
        state.tour.get().and_then(|at| state.scene.with(|s| s.tour.get(at.step).map(|p| p.events.len().to_string())))
    };
    view! {
        <div class="app" on:dragover=on_drag_over on:drop=on_drop
            on:pointerdown=move |_| if framed && !has_focus.get_untracked() { has_focus.set(true) }
            class:embed=move || state.embed.get() class:presenting=move || state.tour.get().is_some()
            class:projector=move || state.projector.get() class:editing=move || editing.get()
            class:has-selection=move || state.selection.get() != Selected::Nothing
            data-panes=panes data-narrow-pane=narrow_pane data-step-events=step_events>
            <a class="skip-link" href="#graph-region">{t(i18n::SKIP_TO_GRAPH)}</a>
            {framed.then(|| view! {
                // Always laid out when framed, only hidden once focused: showing or hiding it
                // never moves what the user is about to click.
                <button type="button" class="focus-hint" class:is-focused=move || has_focus.get()
                    on:click=move |_| {
                        if let Some(w) = web_sys::window() { let _ = w.focus(); }
                        has_focus.set(true);
                    }>{t(i18n::FOCUS_HINT)}</button>
            })}
            <TopBar/>
            <Notices/>
            <LoadProblems/>
            <main class="layout">
                <section id="graph-region" class="pane graph-pane" aria-labelledby="graph-heading" tabindex="-1">
                    <h2 id="graph-heading" class="pane-title sr-only">{t(i18n::GRAPH)}</h2>
                    {move || { state.scene.track(); view! { <GraphView/> } }}
                </section>
                <section id="timeline-region" class="pane timeline-pane" aria-labelledby="timeline-heading">
                    <h2 id="timeline-heading" class="pane-title sr-only">{t(i18n::TIMELINE)}</h2>
                    {move || if state.scene.with(|s| s.model.events.is_empty()) {
                        view! { <p class="timeline-empty">{t(no_events(editing.get()))}</p> }.into_any()
                    } else {
                        view! { <TimelineView/> }.into_any()
                    }}
                </section>
                <aside class="pane detail-pane" aria-labelledby="detail-heading">
                    <h2 id="detail-heading" class="pane-title">{t(i18n::DETAILS)}</h2>
                    <DetailPanel/>
                </aside>
                <Show when=move || editing.get()>
                    <EditorSlot/>
                </Show>
                <TourPanel/>
            </main>
            <Handout/>
            <KeyboardHelp open=dialogs.help/>
            <ListDialog open=dialogs.lists/>
            <div class="sr-only" aria-live="polite" aria-atomic="true">{announce}</div>
            <Show when=move || state.blank.get()>
                <div class="blank-screen" role="status" on:click=move |_| state.blank.set(false)>
                    <span class="sr-only">{t(i18n::BLANKED)}</span>
                </div>
            </Show>
        </div>
    }
}

/// What the timeline says while the reading has no event: in the editor, where one added shows
/// (the strip keeps its room there, so the first event does not shrink the graph).
fn no_events(editing: bool) -> i18n::Ui {
    #[cfg(feature = "editor")]
    if editing {
        return i18n::editor::NO_EVENTS_YET;
    }
    let _ = editing;
    i18n::NO_EVENTS
}
