//! "Go to": a short menu in the editor's bar that opens a section of the forms and puts the
//! keyboard where work goes on there: a list's Add button (its last items just above it), the
//! reading's heading. A 20-node reading is a long column under the docked passages; trial 10
//! scrolled the forms 14 times in its events and tour alone, and 2,851 px back up to the thesis.

use super::item_list::list_names;
use super::use_editor;
use crate::i18n;
use crate::state::use_app;
use atlas_core::draft::ListKind;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where a section's work goes on: the element to bring into view and focus.
fn place_of(target: Option<ListKind>) -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    let selector = match target {
        Some(kind) => format!("#edit-add-{}", kind.key()),
        None => ".editor-pane .reading-section > summary".to_string(),
    };
    document.query_selector(&selector).ok()??.dyn_into::<web_sys::HtmlElement>().ok()
}

/// Opens the section `target` (a list, or the reading's own fields when `None`) and brings its
/// place into view with the keyboard on it: a list's Add button at the foot of the view, the
/// reading's heading at its top (below the docked passages: the forms' scroll margin).
fn go_to(target: Option<ListKind>) -> bool {
    let Some(place) = place_of(target) else { return false };
    if let Some(section) = place.closest("details.editor-section").ok().flatten() {
        if let Some(section) = section.dyn_ref::<web_sys::HtmlDetailsElement>() {
            section.set_open(true);
        }
    }
    // Aligned to the top for the reading's heading, to the foot for an Add button; once in
    // view, focusing it scrolls no further.
    place.scroll_into_view_with_bool(target.is_none());
    place.focus().is_ok()
}

#[component]
pub fn JumpMenu() -> impl IntoView {
    let state = use_app();
    let editor = use_editor();
    let lang = state.lang;
    let menu = NodeRef::<leptos::html::Details>::new();
    // Gone there, the list closes; a section not found leaves the keyboard on "Go to…"
    // rather than on a button the closing list takes away.
    let go = move |target: Option<ListKind>| {
        if go_to(target) {
            super::bar_menu::close(menu);
        } else {
            super::bar_menu::close_to_summary(menu);
        }
    };
    let lists = ListKind::ALL
        .into_iter()
        .map(|kind| {
            let (heading, _) = list_names(kind);
            let count = move || editor.with_draft(|d| d.len(kind.key()));
            view! {
                <li><button type="button" on:click=move |_| go(Some(kind))>
                    {move || format!("{} ({})", heading.get(lang.get()), count())}
                </button></li>
            }
        })
        .collect_view();
    view! {
        <super::bar_menu::BarMenu menu class="jump-menu" label=move || i18n::editor::GO_TO.get(lang.get())
            list_name=move || i18n::editor::SECTIONS.get(lang.get())>
            <li><button type="button" on:click=move |_| go(None)>{move || i18n::editor::READING.get(lang.get())}</button></li>
            {lists}
        </super::bar_menu::BarMenu>
    }
}
