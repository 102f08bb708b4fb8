//! Seminar mode: the guided tour through the argument, driven by the data set's tour steps.
//! Each step shows its text in large type and focuses its nodes and events (the views dim the
//! rest); steps may reveal their nodes one at a time and carry speaker notes.
//!
//! Presentation keys (what clickers send): next = PageDown, →, ↓, Space, N; previous = PageUp,
//! ←, ↑, P; Home/End; B or `.` blanks the screen; F toggles fullscreen; F5 starts or leaves
//! presenting without reloading; Escape leaves.

use crate::browser::fullscreen;
use crate::i18n;
use crate::state::{use_app, AppState};
use atlas_core::Lang;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The nodes the current tour step focuses, revealed so far (all of them unless the step
/// reveals one at a time). `None` when not presenting.
pub fn focused_nodes(state: &AppState) -> Option<Vec<usize>> {
    let step = state.tour_step.get()?;
    let scene = state.scene.get();
    let s = scene.model.tour.get(step)?;
    let count = if s.reveal { state.revealed.get().min(s.nodes.len()) } else { s.nodes.len() };
    Some(s.nodes.iter().take(count).filter_map(|id| scene.model.node_idx(id)).collect())
}

/// The events the current tour step focuses. `None` when not presenting.
pub fn focused_events(state: &AppState) -> Option<Vec<usize>> {
    let step = state.tour_step.get()?;
    let scene = state.scene.get();
    let s = scene.model.tour.get(step)?;
    Some(s.events.iter().filter_map(|id| scene.model.event_idx(id)).collect())
}

/// Moves the tour forward (`delta` 1) or back (`delta` -1), revealing a step's nodes one at a
/// time first when the step asks for it.
pub fn step_tour(state: &AppState, delta: i64) {
    let scene = state.scene.get_untracked();
    let steps = scene.model.tour.len();
    if steps == 0 {
        return;
    }
    let Some(current) = state.tour_step.get_untracked() else {
        state.tour_step.set(Some(0));
        state.revealed.set(1);
        return;
    };
    let step = &scene.model.tour[current.min(steps - 1)];
    if delta > 0 && step.reveal && state.revealed.get_untracked() < step.nodes.len() {
        state.revealed.update(|r| *r += 1);
        return;
    }
    let next = (current as i64 + delta).clamp(0, steps as i64 - 1) as usize;
    if next != current {
        state.tour_step.set(Some(next));
        // Going back shows the previous step whole; going forward starts its reveal.
        state.revealed.set(if delta < 0 { usize::MAX } else { 1 });
    }
}

/// Jumps to the first or last step.
fn go_to(state: &AppState, step: usize) {
    state.tour_step.set(Some(step));
    state.revealed.set(usize::MAX);
}

/// Starts presenting (from the first step) or leaves.
pub fn toggle_presenting(state: &AppState) {
    if state.tour_step.get_untracked().is_some() {
        state.tour_step.set(None);
        state.blank.set(false);
    } else if !state.scene.get_untracked().model.tour.is_empty() {
        state.tour_step.set(Some(0));
        state.revealed.set(1);
    }
}

/// Installs the window-level key handler for presenting. Keys are handled only while
/// presenting (except F5, which starts it), and never while typing in a text field.
pub fn install_presenter_keys(state: AppState) {
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
        if key == "F5" {
            ev.prevent_default();
            toggle_presenting(&state);
            return;
        }
        if state.tour_step.get_untracked().is_none() {
            return;
        }
        let handled = match key.as_str() {
            "PageDown" | "ArrowRight" | "ArrowDown" | " " | "n" | "N" => {
                state.blank.set(false);
                step_tour(&state, 1);
                true
            }
            "PageUp" | "ArrowLeft" | "ArrowUp" | "p" | "P" => {
                state.blank.set(false);
                step_tour(&state, -1);
                true
            }
            "Home" => {
                go_to(&state, 0);
                true
            }
            "End" => {
                let last = state.scene.get_untracked().model.tour.len().saturating_sub(1);
                go_to(&state, last);
                true
            }
            "b" | "B" | "." => {
                state.blank.update(|b| *b = !*b);
                true
            }
            "f" | "F" => {
                if !fullscreen::toggle() {
                    state.notices.update(|n| n.push(no_fullscreen_notice(state.lang.get_untracked())));
                }
                true
            }
            "Escape" => {
                if state.blank.get_untracked() {
                    state.blank.set(false);
                } else {
                    state.tour_step.set(None);
                }
                true
            }
            _ => false,
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

fn no_fullscreen_notice(lang: Lang) -> String {
    match lang {
        Lang::En => {
            "This page may not go fullscreen here (the frame does not allow it). Open it in a new tab to present."
                .into()
        }
        Lang::Zh => "此处不允许全屏（框架未授权）。请在新标签页中打开后演示。".into(),
    }
}

/// The tour panel: step title and text in large type, progress, speaker notes, controls.
#[component]
pub fn TourPanel() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let step = move || {
        let i = state.tour_step.get()?;
        let scene = state.scene.get();
        scene.model.tour.get(i).cloned().map(|s| (i, scene.model.tour.len(), s))
    };
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    move || {
        step().map(|(i, total, s)| {
            let lang_now = lang.get();
            let progress = format!("{} / {}", i + 1, total);
            let reveal_note = (s.reveal && state.revealed.get() < s.nodes.len()).then(|| match lang_now {
                Lang::En => format!("{} of {} shown: next reveals more", state.revealed.get().min(s.nodes.len()), s.nodes.len()),
                Lang::Zh => format!("已显示 {} / {}：下一步继续展开", state.revealed.get().min(s.nodes.len()), s.nodes.len()),
            });
            view! {
                <section class="tour-panel" aria-labelledby="tour-title" aria-live="polite">
                    <div class="tour-progress">
                        <span class="tour-count">{t(i18n::TOUR_STEP)}" "{progress.clone()}</span>
                        <progress max=total.to_string() value=(i + 1).to_string() aria-label=t(i18n::TOUR_PROGRESS)>{progress}</progress>
                    </div>
                    <h2 id="tour-title" class="tour-title">{s.title.get(lang_now).to_string()}</h2>
                    <p class="tour-text">{s.text.get(lang_now).to_string()}</p>
                    {reveal_note.map(|n| view! { <p class="tour-reveal">{n}</p> })}
                    {s.notes.clone().map(|notes| view! {
                        <details class="speaker-notes"><summary>{t(i18n::SPEAKER_NOTES)}</summary><p>{notes.get(lang_now).to_string()}</p></details>
                    })}
                    <div class="tour-controls">
                        <button type="button" on:click=move |_| step_tour(&state, -1) disabled=i == 0>{t(i18n::PREVIOUS_STEP)}</button>
                        <button type="button" on:click=move |_| step_tour(&state, 1)>{t(i18n::NEXT_STEP)}</button>
                        {if fullscreen::available() {
                            view! { <button type="button" on:click=move |_| {
                                if !fullscreen::toggle() {
                                    state.notices.update(|n| n.push(no_fullscreen_notice(state.lang.get_untracked())));
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
                        <button type="button" on:click=move |_| state.tour_step.set(None)>{t(i18n::END_TOUR)}</button>
                    </div>
                    <p class="tour-keys">{t(i18n::TOUR_KEYS)}</p>
                </section>
            }
        })
    }
}
