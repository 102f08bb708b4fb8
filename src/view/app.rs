//! The top-level component: loads the built-in data set, provides the app state, keeps the
//! shareable part of it in the URL, and lays out the page's landmarks (header, timeline, graph,
//! details, and the tour panel while presenting).

use crate::browser::{dom, embed, url};
use crate::i18n;
use crate::state::{AppState, Selection};
use crate::view::data_loader::{self, LoadProblems};
use crate::view::tour::{install_presenter_keys, TourPanel};
use crate::view::{
    detail_panel::DetailPanel, graph_view::GraphView, header::Header, problems::DataProblems,
    timeline_view::TimelineView,
};
use atlas_core::view_state::Panes;
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
                Some(relative) => data_loader::load_from_url(state, relative),
                None => data_loader::restore_saved(&state),
            }
            state.apply_view_state(&url_state);
            if url_state.lang.is_none() {
                state.lang.set(lang);
            }
            state.notices.update(|n| n.extend(url_notices.iter().map(|u| u.describe(lang))));
            provide_context(state);
            view! { <Shell/> }.into_any()
        }
        Err(problems) => view! { <DataProblems problems=problems lang=lang/> }.into_any(),
    }
}

/// Keeps the URL in step with the state, and the state with back/forward navigation: a new
/// selection or tour step adds a history entry, anything else replaces the current one.
fn sync_url(state: AppState) {
    let writer = url::UrlWriter::default();
    writer.note_current(&state.view_state());
    {
        let writer = send_wrapper::SendWrapper::new(writer.clone());
        Effect::new(move |previous: Option<(Selection, Option<usize>)>| {
            let view = state.view_state();
            let key = (state.selection.get(), state.tour_step.get());
            let push = previous.as_ref().is_some_and(|p| *p != key);
            if previous.is_some() {
                writer.write(&view, push);
            }
            key
        });
    }
    // Framed: tell the parent page the state (it may keep its own deep link) and our height.
    if embed::is_framed() {
        Effect::new(move |_| {
            let view = state.view_state();
            embed::post_state(&atlas_core::view_state::to_query(&view), &url::address_for(&view));
        });
        if state.auto_resize.get_untracked() {
            embed::report_height_changes();
        }
    }
    url::on_history_navigation(move |view| {
        writer.note_current(&view);
        state.apply_view_state(&view);
    });
}

/// The page layout once a data set is loaded.
#[component]
fn Shell() -> impl IntoView {
    let state = crate::state::use_app();
    // Keep the document's language and title in step with the chosen language, so screen
    // readers switch voice and the tab says what it shows.
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(doc) = dom::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                dom::set_attr(&root, "lang", lang.tag());
            }
            let scene = state.scene.get();
            doc.set_title(&format!("{} · {}", scene.model.meta.title.get(lang), i18n::APP_NAME.get(lang)));
        }
    });
    sync_url(state);
    install_presenter_keys(state);
    let t = move |ui: i18n::Ui| move || ui.get(state.lang.get());
    let show_timeline = move || state.panes.get() != Panes::Graph;
    let show_graph = move || state.panes.get() != Panes::Timeline;
    let notices =
        move || {
            let list = state.notices.get();
            (!list.is_empty()).then(|| view! {
            <div class="notices" role="status" aria-label=t(i18n::NOTICES)>
                <ul>{list.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                <button type="button" on:click=move |_| state.notices.set(Vec::new())>{t(i18n::DISMISS)}</button>
            </div>
        })
        };
    // A framed app without keyboard focus says so, instead of silently ignoring keys.
    let framed = embed::is_framed();
    let has_focus = state.has_focus;
    if framed {
        embed::watch_focus(move |focused| has_focus.set(focused));
    }
    // Announced to screen readers whenever the selection or the tour step changes.
    let announcement = move || {
        let scene = state.scene.get();
        let lang = state.lang.get();
        if let Some(step) = state.tour_step.get() {
            if let Some(s) = scene.model.tour.get(step) {
                return match lang {
                    Lang::En => format!("Step {} of {}: {}", step + 1, scene.model.tour.len(), s.title.en),
                    Lang::Zh => format!("第 {} 步，共 {} 步：{}", step + 1, scene.model.tour.len(), s.title.zh),
                };
            }
        }
        match state.selection.get() {
            Selection::Node(id) => scene.model.node(&id).map(|n| match lang {
                Lang::En => format!("Selected {}, {}", n.label.en, n.kind.label(lang)),
                Lang::Zh => format!("已选择{}（{}）", n.label.zh, n.kind.label(lang)),
            }),
            Selection::Event(id) => scene.model.event(&id).map(|e| match lang {
                Lang::En => format!("Selected {}, {}", e.title.en, e.date.display(lang)),
                Lang::Zh => format!("已选择{}（{}）", e.title.zh, e.date.display(lang)),
            }),
            Selection::Nothing => None,
        }
        .unwrap_or_default()
    };
    let handout = move || {
        let scene = state.scene.get();
        let lang = state.lang.get();
        view! {
            <section class="print-only handout-steps" aria-hidden="true">
                <h2>{match lang { Lang::Zh => "导览步骤", Lang::En => "The tour" }}</h2>
                <ol>{scene.model.tour.iter().map(|s| view! { <li><h3>{s.title.get(lang).to_string()}</h3><p>{s.text.get(lang).to_string()}</p></li> }).collect_view()}</ol>
            </section>
        }
    };
    let on_drag_over = move |ev: web_sys::DragEvent| ev.prevent_default();
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            data_loader::load_file(state, file);
        }
    };
    view! {
        <div class="app" on:dragover=on_drag_over on:drop=on_drop
            on:pointerdown=move |_| if framed && !has_focus.get_untracked() { has_focus.set(true) } class:embed=move || state.embed.get() class:presenting=move || state.tour_step.get().is_some()
            class:projector=move || state.projector.get()>
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
            <Show when=move || !state.embed.get()><Header/></Show>
            <Show when=move || state.embed.get()>
                // Embedded: no page chrome, but presenting (and a top-level tab) stay one click away.
                <div class="embed-bar">
                    <span class="embed-title">{move || state.scene.get().model.meta.title.get(state.lang.get()).to_string()}</span>
                    <button type="button" on:click=move |_| crate::view::tour::toggle_presenting(&state)
                        aria-pressed=move || state.tour_step.get().is_some().to_string()>{t(i18n::PRESENT)}</button>
                    <a class="button-link" target="_blank" rel="noopener" href=move || {
                        let mut view = state.view_state();
                        view.embed = false;
                        url::address_for(&view)
                    }>{t(i18n::OPEN_NEW_TAB)}</a>
                    <button type="button" lang="zh-Hans" aria-pressed=move || (state.lang.get() == Lang::Zh).to_string() on:click=move |_| state.lang.set(Lang::Zh)>"中文"</button>
                    <button type="button" lang="en" aria-pressed=move || (state.lang.get() == Lang::En).to_string() on:click=move |_| state.lang.set(Lang::En)>"English"</button>
                </div>
            </Show>
            {notices}
            <LoadProblems/>
            <main class="layout">
                <TourPanel/>
                <section class="pane timeline-pane" class:is-hidden=move || !show_timeline() aria-labelledby="timeline-heading">
                    <h2 id="timeline-heading" class="pane-title">{t(i18n::TIMELINE)}</h2>
                    {move || { state.scene.track(); view! { <TimelineView/> } }}
                </section>
                <section id="graph-region" class="pane graph-pane" class:is-hidden=move || !show_graph() aria-labelledby="graph-heading" tabindex="-1">
                    <h2 id="graph-heading" class="pane-title">{t(i18n::GRAPH)}</h2>
                    {move || { state.scene.track(); view! { <GraphView/> } }}
                </section>
                <aside class="pane detail-pane" aria-labelledby="detail-heading">
                    <h2 id="detail-heading" class="pane-title">{t(i18n::DETAILS)}</h2>
                    <DetailPanel/>
                </aside>
            </main>
            {handout}
            <div class="sr-only" aria-live="polite" aria-atomic="true">{announcement}</div>
            <Show when=move || state.blank.get()>
                <div class="blank-screen" role="status" on:click=move |_| state.blank.set(false)>
                    <span class="sr-only">{t(i18n::BLANKED)}</span>
                </div>
            </Show>
        </div>
    }
}
