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
    // Where the reading shown has this step, by its id: a preview leaves out a step it cannot
    // draw, and an earlier reading may be shown while the draft cannot be drawn at all.
    let step_id = Memo::new(move |_| editor.field(&format!("tour[{index}].id")));
    let place = move || {
        let id = step_id.get();
        state.scene.with(|scene| scene.model.tour.iter().position(|step| step.id == id))
    };
    let shown = Memo::new(move |_| place().is_some());
    let started_here = StoredValue::new(false);
    let present = move |_| {
        let at =
            untrack(place).and_then(|at| state.scene.with_untracked(|scene| atlas_core::tour::whole(&scene.tour, at)));
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
