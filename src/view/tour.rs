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
pub fn install_presenter_keys(state: AppState, dialogs: Dialogs) {
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
        let key = ev.key();
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

/// The tour panel: step title and text in large type, progress, what was just revealed, speaker
/// notes, controls.
#[component]
pub fn TourPanel() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    move || {
        let at = state.tour.get()?;
        let scene = state.scene.get();
        let step = scene.model.tour.get(at.step)?.clone();
        let plan = scene.tour.get(at.step)?.clone();
        let lang_now = lang.get();
        let total = scene.model.tour.len();
        let progress = format!("{} / {}", at.step + 1, total);
        let revealed = (plan.reveals.len() > 1).then(|| {
            let names: Vec<String> =
                plan.reveals.iter().take(at.revealed).map(|r| r.name.get(lang_now).to_string()).collect();
            let more = at.revealed < plan.reveals.len();
            match lang_now {
                Lang::En => format!("Shown: {}{}", names.join("; "), if more { " — next reveals more" } else { "" }),
                Lang::Zh => format!("已显示：{}{}", names.join("；"), if more { "——下一步继续展开" } else { "" }),
            }
        });
        Some(view! {
            <section class="tour-panel" aria-labelledby="tour-title" aria-live="polite">
                <div class="tour-progress">
                    <span class="tour-count">{t(i18n::TOUR_STEP)}" "{progress.clone()}</span>
                    <progress max=total.to_string() value=(at.step + 1).to_string() aria-label=t(i18n::TOUR_PROGRESS)>{progress}</progress>
                </div>
                <h2 id="tour-title" class="tour-title">{step.title.get(lang_now).to_string()}</h2>
                <p class="tour-text">{step.text.get(lang_now).to_string()}</p>
                {revealed.map(|r| view! { <p class="tour-reveal">{r}</p> })}
                {step.notes.clone().map(|notes| view! {
                    <details class="speaker-notes"><summary>{t(i18n::SPEAKER_NOTES)}</summary><p>{notes.get(lang_now).to_string()}</p></details>
                })}
                <div class="tour-controls">
                    <button type="button" on:click=move |_| step_tour(&state, -1) disabled=at.step == 0>{t(i18n::PREVIOUS_STEP)}</button>
                    <button type="button" on:click=move |_| step_tour(&state, 1)>{t(i18n::NEXT_STEP)}</button>
                    {if fullscreen::available() {
                        view! { <button type="button" on:click=move |_| {
                            if !fullscreen::toggle() {
                                state.notify(no_fullscreen_notice());
                            }
                        }>{t(i18n::FULLSCREEN)}</button> }.into_any()
                    } else {
                        // The frame forbids fullscreen: present from a top-level tab instead,
                        // carrying the current view.
                        let href = move || {
                            let mut view = state.view_state();
                            view.embed = false;
                            crate::browser::url::address_for(&view)
                        };
                        view! { <a class="button-link" href=href target="_blank" rel="noopener">{t(i18n::OPEN_NEW_TAB)}</a> }.into_any()
                    }}
                    <button type="button" aria-pressed=move || state.projector.get().to_string()
                        on:click=move |_| state.projector.update(|p| *p = !*p)>{t(i18n::PROJECTOR_THEME)}</button>
                    <button type="button" on:click=move |_| state.tour.set(None)>{t(i18n::END_TOUR)}</button>
                </div>
                <p class="tour-keys">{t(i18n::TOUR_KEYS)}</p>
            </section>
        })
    }
}

/// The printed handout's tour: each step's title, text and quotes with paragraph ids.
#[component]
pub fn Handout() -> impl IntoView {
    let state = use_app();
    move || {
        let scene = state.scene.get();
        let lang = state.lang.get();
        let steps = scene
            .model
            .tour
            .iter()
            .map(|s| {
                let sources: Vec<atlas_core::Source> = s
                    .nodes
                    .iter()
                    .filter_map(|id| scene.model.node(id))
                    .flat_map(|n| n.sources.first().cloned())
                    .take(6)
                    .collect();
                view! {
                    <li>
                        <h3>{s.title.get(lang).to_string()}</h3>
                        <p>{s.text.get(lang).to_string()}</p>
                        <Quotes sources=sources lang=lang/>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="print-only handout-steps" aria-hidden="true">
                <h2>{match lang { Lang::Zh => "导览步骤", Lang::En => "The tour" }}</h2>
                <ol>{steps}</ol>
            </section>
        }
    }
}
