//! The presenter view: a second window, opened from the stage, for the presenter's eyes only:
//! the current step (with what its reveals have shown), what comes next, the speaker notes and
//! the time since the tour began. Its keys move the stage and the stage's keys move it
//! (`browser::presenter`): both always show the same step.

use crate::i18n;
use crate::state::use_app;
use crate::view::tour::{reveal_status, step_tour};
use atlas_core::tour::next;
use atlas_core::Lang;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Minutes and seconds since `start_ms`.
fn elapsed(start_ms: f64, now_ms: f64) -> String {
    let seconds = ((now_ms - start_ms) / 1000.0).max(0.0) as u64;
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// The time of day, hours and minutes.
fn time_of_day() -> String {
    let now = js_sys::Date::new_0();
    format!("{}:{:02}", now.get_hours(), now.get_minutes())
}

/// A clock ticking once a second while `running`: the time since the tour began and the time of
/// day. It stops when the tour ends (and the view is gone).
fn clock(running: impl Fn() -> bool + 'static) -> RwSignal<(String, String)> {
    let shown = RwSignal::new(("0:00".to_string(), time_of_day()));
    let start = js_sys::Date::now();
    let stopped = Rc::new(Cell::new(false));
    let tick = {
        let stopped = stopped.clone();
        Closure::<dyn Fn()>::new(move || {
            if stopped.get() || !running() {
                return;
            }
            if shown.try_set((elapsed(start, js_sys::Date::now()), time_of_day())).is_some() {
                stopped.set(true);
            }
        })
    };
    if let Some(window) = web_sys::window() {
        let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), 1000);
    }
    tick.forget();
    shown
}

/// What the next press brings: the step's next reveal, or the next step.
fn next_up(state: &crate::state::AppState, lang: Lang) -> String {
    let scene = state.scene.get();
    let Some(at) = state.tour.get() else { return String::new() };
    let Some(to) = next(&scene.tour, Some(at)) else { return String::new() };
    if to == at {
        return i18n::LAST_STEP.get(lang).to_string();
    }
    if to.step == at.step {
        let name =
            scene.tour.get(at.step).and_then(|p| p.reveals.get(to.revealed - 1)).map(|r| r.name.get(lang).to_string());
        return format!("{}: {}", i18n::NEXT_REVEALS.get(lang), name.unwrap_or_default());
    }
    scene
        .model
        .tour
        .get(to.step)
        .map(|s| format!("{} {}: {}", i18n::TOUR_STEP.get(lang), to.step + 1, s.title.get(lang)))
        .unwrap_or_default()
}

/// The presenter's window.
#[component]
pub fn PresenterView() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let time = clock(move || state.tour.try_get_untracked().flatten().is_some());
    let current = move || {
        let lang = lang.get();
        let scene = state.scene.get();
        let Some(at) = state.tour.get() else {
            return view! { <p class="presenter-ended">{i18n::TOUR_ENDED.get(lang)}</p> }.into_any();
        };
        let Some(step) = scene.model.tour.get(at.step) else { return ().into_any() };
        let status = scene.tour.get(at.step).and_then(|plan| reveal_status(plan, at.revealed, lang));
        view! {
            <section class="presenter-current" aria-labelledby="presenter-step">
                <p class="tour-count">{format!("{} {} / {}", i18n::TOUR_STEP.get(lang), at.step + 1, scene.model.tour.len())}</p>
                <h2 id="presenter-step" lang=step.title.shown_lang(lang).tag()>{step.title.get(lang).to_string()}</h2>
                <p class="tour-text" lang=step.text.shown_lang(lang).tag()>{step.text.get(lang).to_string()}</p>
                {status.map(|s| view! { <p class="tour-reveal">{s}</p> })}
            </section>
            <section class="presenter-notes" aria-labelledby="presenter-notes-title">
                <h3 id="presenter-notes-title">{i18n::SPEAKER_NOTES.get(lang)}</h3>
                <p>{step.notes.as_ref().map(|n| n.get(lang).to_string()).unwrap_or_default()}</p>
            </section>
        }
        .into_any()
    };
    view! {
        <div class="presenter" class:projector=move || state.projector.get()>
            <header class="presenter-bar">
                <h1>{t(i18n::PRESENTER_TITLE)}</h1>
                <p class="presenter-clock">{t(i18n::ELAPSED)}" "{move || time.get().0}
                    <span class="presenter-now">" · "{t(i18n::CLOCK_NOW)}" "{move || time.get().1}</span></p>
                <div class="tour-controls">
                    <button type="button" on:click=move |_| step_tour(&state, -1)>{t(i18n::PREVIOUS_STEP)}</button>
                    <button type="button" on:click=move |_| step_tour(&state, 1)>{t(i18n::NEXT_STEP)}</button>
                </div>
            </header>
            <main class="presenter-main">
                {current}
                <section class="presenter-next" aria-labelledby="presenter-next-title">
                    <h3 id="presenter-next-title">{t(i18n::NEXT_UP)}</h3>
                    <p>{move || next_up(&state, lang.get())}</p>
                </section>
                <p class="tour-keys">{t(i18n::PRESENTER_KEYS)}</p>
            </main>
        </div>
    }
}
