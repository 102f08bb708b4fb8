//! "Present this step" in a tour step's form: the step on the stage as students will see it
//! (its nodes named, the rest faded), from the editor. Trials 21 and 22 each wrote a step whose
//! text spoke of nodes it did not show, and saw it only as students, after publishing.

use super::use_editor;
use crate::i18n;
use crate::state::use_app;
use leptos::prelude::*;

/// The button in the form of tour step `index` (called `name`). Presenting hides the editor;
/// ending the tour (Esc) brings it back with the keyboard on this button.
#[component]
pub fn PresentStep(index: usize, name: Signal<String>) -> impl IntoView {
    let state = use_app();
    let editor = use_editor();
    let lang = state.lang;
    let button = NodeRef::<leptos::html::Button>::new();
    // The shown reading has this step: the draft, or its preview, is drawn.
    let shown = Memo::new(move |_| state.scene.with(|scene| index < scene.tour.len()));
    let started_here = StoredValue::new(false);
    let present = move |_| {
        let at = state.scene.with_untracked(|scene| atlas_core::tour::whole(&scene.tour, index));
        if at.is_some() {
            started_here.set_value(true);
            state.tour.set(at);
        }
    };
    Effect::new(move |_| {
        let presenting = state.tour.with(Option::is_some);
        if !presenting && started_here.get_value() && editor.open.get_untracked() {
            started_here.set_value(false);
            // Once the editor is drawn again (a task later).
            set_timeout(
                move || {
                    if let Some(button) = button.get_untracked() {
                        let _ = button.focus();
                    }
                },
                std::time::Duration::ZERO,
            );
        }
    });
    view! {
        <button type="button" class="present-step" node_ref=button disabled=move || !shown.get()
            aria-label=move || format!("{} ({})", i18n::editor::PRESENT_STEP.get(lang.get()), name.get())
            on:click=present>
            {move || i18n::editor::PRESENT_STEP.get(lang.get())}
        </button>
    }
}
