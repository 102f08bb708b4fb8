//! Seminar mode: the guided tour through the argument, driven by the data set's tour steps
//! (planned in `atlas_core::tour`). Each step's nodes are revealed in at most four presses, by
//! group, and the views focus them; the step's caption says what was just revealed.
//!
//! Presentation keys (what clickers send): next = PageDown, →, ↓, Space, N; previous = PageUp,
//! ←, ↑, P; Home/End; B or `.` blanks the screen; F toggles fullscreen; F5 starts or leaves
//! presenting without reloading; Escape leaves. `?` opens the keyboard help at any time.

use crate::browser::fullscreen;
use crate::i18n;
use crate::state::{use_app, AppState, Notice};
use crate::view::details::Quotes;
use crate::view::menu::Dialogs;
use atlas_core::tour::{next, previous, whole};
use atlas_core::Lang;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Moves the tour one press forward (`delta` 1) or back (`delta` -1).
pub fn step_tour(state: &AppState, delta: i64) {
    let scene = state.scene.get_untracked();
    let at = state.tour.get_untracked();
    let to = if delta > 0 { next(&scene.tour, at) } else { at.map(|at| previous(&scene.tour, at)) };
    if to.is_some() && to != at {
        state.tour.set(to);
    }
}

/// Starts presenting (from the first step) or leaves.
pub fn toggle_presenting(state: &AppState) {
    if state.tour.get_untracked().is_some() {
        state.tour.set(None);
        state.blank.set(false);
    } else {
        let scene = state.scene.get_untracked();
        state.tour.set(next(&scene.tour, None));
    }
}

/// Puts the keyboard on the stage's caption (when it is drawn).
pub fn focus_caption() {
    if let Some(panel) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".tour-panel").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = panel.focus();
    }
}

/// What starting and ending the tour does beyond the stage's own view: focus goes to the
/// caption (the bar that held "Present the tour" is gone), and ending leaves fullscreen, which
/// was for the audience. What is selected as the tour starts is not drawn while presenting
/// ([`AppState::drawn_selection`]); it stays selected, so the link and Back are as they were.
pub fn stage_effects(state: AppState) {
    use atlas_core::view_state::Selected;
    // Another selection made while presenting is drawn (and the one set aside is forgotten).
    Effect::new(move |_| {
        let selection = state.selection.get();
        if state.selected_before_tour.with_untracked(|before| before.as_ref().is_some_and(|b| *b != selection)) {
            state.selected_before_tour.set(None);
        }
    });
    // What a click chose on the stage (its quote under the caption, stage_quote) lasts for its
    // step: the next step's caption does not carry the last one's quote. What was set aside as
    // the tour began stays selected.
    Effect::new(move |was: Option<Option<usize>>| {
        let step = state.tour.with(|at| at.map(|at| at.step));
        if matches!((was, step), (Some(Some(a)), Some(b)) if a != b) {
            let selection = state.selection.get_untracked();
            let set_aside = state.selected_before_tour.with_untracked(|before| before.as_ref() == Some(&selection));
            if selection != Selected::Nothing && !set_aside {
                state.selection.set(Selected::Nothing);
            }
        }
        step
    });
    Effect::new(move |was: Option<bool>| {
        let presenting = state.tour.with(Option::is_some);
        // A page that opens presenting (a link with `tour=`, a reload mid-tour) sets aside the
        // selection its link carries too: the link keeps `node=` while presenting.
        if presenting && was != Some(true) {
            let selection = state.selection.get_untracked();
            if selection != Selected::Nothing {
                state.selected_before_tour.set(Some(selection));
            }
        }
        match (was, presenting) {
            (Some(false), true) => {
                // Once the caption is drawn (a task later).
                let focus = Closure::once_into_js(focus_caption);
                if let Some(window) = web_sys::window() {
                    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(focus.unchecked_ref(), 0);
                }
            }
            (Some(true), false) => {
                fullscreen::exit();
                state.selected_before_tour.set(None);
            }
            _ => {}
        }
        presenting
    });
}

fn no_fullscreen_notice() -> Notice {
    Notice::text(
        "此处不允许全屏（框架未授权）。请在新标签页中打开后演示。",
        "This page may not go fullscreen here (the frame does not allow it). Open it in a new tab to present.",
    )
}

/// What a presentation key does; `false` when the key is not one.
fn presentation_key(state: &AppState, key: &str) -> bool {
    let scene = state.scene.get_untracked();
    match key {
        "PageDown" | "ArrowRight" | "ArrowDown" | " " | "n" | "N" => {
            state.blank.set(false);
            step_tour(state, 1);
        }
        "PageUp" | "ArrowLeft" | "ArrowUp" | "p" | "P" => {
            state.blank.set(false);
            step_tour(state, -1);
        }
        "Home" => state.tour.set(whole(&scene.tour, 0)),
        "End" => state.tour.set(whole(&scene.tour, scene.tour.len().saturating_sub(1))),
        "b" | "B" | "." => state.blank.update(|b| *b = !*b),
        "f" | "F" => {
            if !fullscreen::toggle() {
                state.notify(no_fullscreen_notice());
            }
        }
        "Escape" => {
            if state.blank.get_untracked() {
                state.blank.set(false);
            } else {
                state.tour.set(None);
            }
        }
        _ => return false,
    }
    true
}

/// Installs the window-level key handler: `?` opens the keyboard help; presentation keys act
/// only while presenting (except F5, which starts it), and never while typing in a text field.
pub fn install_presenter_keys(state: AppState, dialogs: Dialogs, presenter_window: bool) {
    let Some(window) = web_sys::window() else { return };
    let handler = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |ev: web_sys::KeyboardEvent| {
        if ev.default_prevented() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().to_ascii_lowercase().as_str(), "input" | "textarea" | "select"));
        // A framed app without focus must not react to keys meant for the course page (some
        // engines still deliver them); the focus hint tells the user to click first.
        if typing || !state.has_focus.get_untracked() {
            return;
        }
        // An open dialog (the keyboard help, Share) takes its own keys: Escape closes it and
        // leaves the tour running.
        let dialog_open = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("dialog[open]").ok().flatten())
            .is_some();
        if dialog_open {
            return;
        }
        let key = ev.key();
        // The presenter's window only steps: blanking, fullscreen and leaving belong to the
        // projected window, where the audience sees what they do.
        if presenter_window
            && !matches!(
                key.as_str(),
                "PageDown"
                    | "ArrowRight"
                    | "ArrowDown"
                    | " "
                    | "n"
                    | "N"
                    | "PageUp"
                    | "ArrowLeft"
                    | "ArrowUp"
                    | "p"
                    | "P"
                    | "Home"
                    | "End"
            )
        {
            return;
        }
        let handled = if key == "?" {
            dialogs.help.update(|n| *n += 1);
            true
        } else if key == "F5" {
            toggle_presenting(&state);
            true
        } else {
            state.tour.get_untracked().is_some() && presentation_key(&state, &key)
        };
        if handled {
            ev.prevent_default();
            ev.stop_propagation();
        }
    });
    // Capture phase: while presenting, clicker keys drive the tour even when focus is on a
    // graph node or timeline event whose own arrow keys would otherwise take them.
    let _ = window.add_event_listener_with_callback_and_bool("keydown", handler.as_ref().unchecked_ref(), true);
    handler.forget();
}

/// What the step's reveals so far show, and whether a press reveals more.
pub fn reveal_status(plan: &atlas_core::tour::StepPlan, revealed: usize, lang: Lang) -> Option<String> {
    let total = plan.reveals.len();
    (total > 1).then(|| {
        let names: Vec<String> = plan.reveals.iter().take(revealed).map(|r| r.name.get(lang).to_string()).collect();
        let more = revealed < total;
        match lang {
            Lang::En => format!(
                "Shown {revealed} of {total}: {}{}",
                names.join("; "),
                if more { " — next reveals more" } else { "" }
            ),
            Lang::Zh => {
                format!("已显示 {revealed}/{total}：{}{}", names.join("；"), if more { "——下一步继续展开" } else { "" })
            }
        }
    })
}

/// The address of the presenter view for the current tour position.
fn presenter_address(state: &AppState) -> String {
    let mut view = state.view_state();
    view.embed = false;
    view.presenter = true;
    view.selected = atlas_core::view_state::Selected::Nothing;
    crate::browser::url::address_for(&view)
}

/// The stage's controls: steps, the presenter view, fullscreen (or a new tab where the frame
/// forbids it), the projector theme, and leaving.
fn stage_controls(state: AppState, (first, last): (bool, bool)) -> impl IntoView {
    let lang = state.lang;
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let fullscreen_or_tab = if fullscreen::available() {
        view! { <button type="button" on:click=move |_| {
            if !fullscreen::toggle() {
                state.notify(no_fullscreen_notice());
            }
        }>{t(i18n::FULLSCREEN)}</button> }
        .into_any()
    } else {
        // The frame forbids fullscreen: present from a top-level tab instead, carrying the
        // current view.
        let href = move || {
            let mut view = state.view_state();
            view.embed = false;
            crate::browser::url::address_for(&view)
        };
        view! { <a class="button-link" href=href target="_blank" rel="noopener">{t(i18n::OPEN_NEW_TAB)}</a> }.into_any()
    };
    view! {
        <div class="tour-controls">
            <button type="button" on:click=move |_| step_tour(&state, -1) disabled=first>{t(i18n::PREVIOUS_STEP)}</button>
            // At the tour's end it leads nowhere (trial 14 pressed it there): "End the tour" does.
            <button type="button" on:click=move |_| step_tour(&state, 1) disabled=last>{t(i18n::NEXT_STEP)}</button>
            <button type="button" class="wide-only" on:click=move |_| {
                if !crate::browser::presenter::open(&presenter_address(&state)) {
                    state.notify(Notice::text(
                        "此处无法打开演讲者视图（弹出窗口被阻止或框架不允许）。请在新标签页中打开后演示。",
                        "The presenter view cannot open here (a pop-up blocker or the frame refuses it). Open the app in a new tab to present.",
                    ));
                }
            }>{t(i18n::PRESENTER_VIEW)}</button>
            {fullscreen_or_tab}
            <button type="button" class="wide-only" aria-pressed=move || state.projector.get().to_string()
                on:click=move |_| state.projector.update(|p| *p = !*p)>{t(i18n::PROJECTOR_THEME)}</button>
            <button type="button" on:click=move |_| state.tour.set(None)>{t(i18n::END_TOUR)}</button>
        </div>
    }
}

/// The stage's caption card: progress, the step title in large type, its short text, what was
/// just revealed, and the controls. (Speaker notes are in the presenter view, never on the
/// projected screen.)
#[component]
pub fn TourPanel() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    move || {
        let at = state.tour.get()?;
        let scene = state.scene.get();
        let step = scene.model.tour.get(at.step)?.clone();
        let plan = scene.tour.get(at.step)?;
        let lang_now = lang.get();
        let total = scene.model.tour.len();
        let progress = format!("{} / {}", at.step + 1, total);
        let revealed = reveal_status(plan, at.revealed, lang_now);
        Some(view! {
            <section class="tour-panel" aria-labelledby="tour-title" aria-live="polite" tabindex="-1">
                <div class="tour-head">
                    <span class="tour-count">{t(i18n::TOUR_STEP)}" "{progress.clone()}</span>
                    <progress max=total.to_string() value=(at.step + 1).to_string() aria-label=t(i18n::TOUR_PROGRESS)>{progress}</progress>
                    {stage_controls(state, (at.step == 0, next(&scene.tour, Some(at)) == Some(at)))}
                </div>
                <h2 id="tour-title" class="tour-title" lang=step.title.shown_lang(lang_now).tag()>{step.title.get(lang_now).to_string()}</h2>
                <p class="tour-text" lang=step.text.shown_lang(lang_now).tag()>{step.text.get(lang_now).to_string()}</p>
                {revealed.map(|r| view! { <p class="tour-reveal">{r}</p> })}
                <crate::view::stage_quote::StageQuote/>
            </section>
        })
    }
}

/// The printed handout: the reading's title and thesis, the whole timeline at the page's width,
/// the whole graph at the page's width (labels at 10 px, 7.5 pt), then each tour step with a
/// small graph of its nodes and their quotes with paragraph ids. Hidden on screen; made a moment
/// after the start (off the first paint's path) and again when the language changes. The
/// drawings are SVG the core writes with every text escaped.
#[component]
pub fn Handout() -> impl IntoView {
    use atlas_core::export::timeline::timeline_svg;
    use atlas_core::export::{graph_svg_with, legend_svg, GraphExport};
    let state = use_app();
    let ready = RwSignal::new(false);
    if let Some(window) = web_sys::window() {
        let later = Closure::once_into_js(move || {
            let _ = ready.try_set(true);
        });
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 600);
    }
    move || {
        if !ready.get() {
            return None;
        }
        let scene = state.scene.get();
        let lang = state.lang.get();
        let width = 680.0;
        let all = vec![true; scene.model.nodes.len()];
        // Short enough to share a Letter page with its heading (the page holds about 965 px; the
        // figure is drawn at the page's width, about 725 px); its legend follows, apart.
        let whole = GraphExport { width, max_height: 860.0, label_px: 10.0, title: false, legend: false };
        let legend = legend_svg(&scene, lang, width).text;
        let graph = graph_svg_with(&scene, &scene.force_xs, &scene.force_ys, &all, lang, &whole).text;
        let timeline = timeline_svg(&scene, lang, width).text;
        let small = GraphExport { width: 300.0, max_height: 210.0, label_px: 9.5, title: false, legend: false };
        let steps = scene
            .model
            .tour
            .iter()
            .enumerate()
            .map(|(k, s)| {
                let nodes: Vec<usize> = s.nodes.iter().filter_map(|id| scene.model.node_idx(id)).collect();
                let visible: Vec<bool> = (0..scene.model.nodes.len()).map(|i| nodes.contains(&i)).collect();
                let figure = (!nodes.is_empty())
                    .then(|| graph_svg_with(&scene, &scene.force_xs, &scene.force_ys, &visible, lang, &small).text);
                // One quote per node, each quote once (two nodes may cite the same words).
                let mut sources: Vec<atlas_core::Source> = Vec::new();
                for source in nodes.iter().filter_map(|&i| scene.model.nodes[i].sources.first()) {
                    if sources.len() < 4 && !sources.iter().any(|s| s.para == source.para && s.quote == source.quote) {
                        sources.push(source.clone());
                    }
                }
                view! {
                    <li class="handout-step">
                        <div class="handout-step-text">
                            <h3>{format!("{}. {}", k + 1, s.title.get(lang))}</h3>
                            <p>{s.text.get(lang).to_string()}</p>
                            <Quotes sources=sources lang=lang without_passages=true/>
                        </div>
                        {figure.map(|svg| view! { <div class="handout-figure small" inner_html=svg></div> })}
                    </li>
                }
            })
            .collect_view();
        let meta = &scene.model.meta;
        let thesis = &scene.model.argument.thesis;
        let (timeline_title, graph_title, tour_title, thesis_title) = match lang {
            Lang::Zh => ("时间线", "关系图", "导览步骤", "核心论点"),
            Lang::En => ("Timeline", "Graph", "The tour", "The thesis"),
        };
        // Says what the quotes are for this reading: a line of translation under each only when
        // the source is in the other language and the reading carries translations.
        let source = scene.model.source_lang();
        let translated = source != lang && scene.model.meta.languages.has(lang);
        let quotes_key = match (lang, translated) {
            (Lang::En, true) => "Quotes in Chinese are the source's own words, with their locators in brackets; the italic line under each is our English translation, not the source's words.",
            (Lang::En, false) => "Quotes are the source's own words, with their locators in brackets.",
            (Lang::Zh, true) => "英文引文均为原文原话，方括号内为出处位置；其下斜体一行是我们的中文译文，并非原文。",
            (Lang::Zh, false) => "引文均为原文原话，方括号内为出处位置。",
        };
        Some(view! {
            <section class="handout print-only" aria-hidden="true">
                <h1>{meta.title.get(lang).to_string()}</h1>
                {meta.byline(lang).map(|b| view! { <p class="handout-byline">{b}</p> })}
                <h2>{thesis_title}</h2>
                <p>{thesis.text.get(lang).to_string()}</p>
                <h2>{timeline_title}</h2>
                <div class="handout-figure timeline-figure" inner_html=timeline></div>
                <h2 class="new-page">{graph_title}</h2>
                <div class="handout-figure graph-figure" inner_html=graph></div>
                <div class="handout-figure legend-figure" inner_html=legend></div>
                <h2>{tour_title}</h2>
                <p class="handout-key">{quotes_key}</p>
                <ol class="handout-steps">{steps}</ol>
            </section>
        })
    }
}
