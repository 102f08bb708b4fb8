//! A link drawn in the graph: "Draw a link from this node" in a node's form, then the node it
//! leads to chosen in the graph (a click, or Enter on it) or with Search makes the link (citing
//! the words picked in the source pane, if any) and opens its form at its relation.

use super::choosing::{self, Choosing};
use super::field::field_id;
use super::{item_list, selection, use_editor, EditorState};
use crate::i18n;
use crate::state::use_app;
use atlas_core::draft::{Edit, ListKind};
use leptos::prelude::*;

/// The other end chosen: makes the link from the node whose form is at `at` to the node `to`.
/// The node it starts from, chosen again, leaves it waiting.
pub(super) fn finish(editor: EditorState, at: &str, to: &str) {
    let from = editor.field(&format!("{at}.id"));
    if from == to {
        return;
    }
    let index = editor.with_draft(|d| d.len(ListKind::Links.key()));
    let citing = editor.picked.get_untracked().map(|p| (p.para, p.quote));
    let cited = citing.is_some();
    editor.choosing.set(None);
    editor.edit(Edit::AddLink { source: from, target: to.to_string(), citing });
    if editor.with_draft(|d| d.len(ListKind::Links.key())) == index {
        return; // refused: the bar says why
    }
    if cited {
        selection::clear_selection(editor);
    }
    // Only the new link's form open, the keyboard at its relation: its ends are given.
    let link = format!("links[{index}]");
    item_list::close_open_items(editor);
    item_list::open_item(editor, &link);
    item_list::focus_new_form(field_id(&format!("{link}.relation")));
}

/// The button in the form of the node at `at` (`nodes[3]`, called `name`) that starts a link
/// from it, pressed while one is being drawn from it.
#[component]
pub fn DrawLinkButton(at: String, name: Signal<String>) -> impl IntoView {
    let state = use_app();
    let editor = use_editor();
    let lang = state.lang;
    let (button_id, from_here, on_pointerdown, on_click) =
        choosing::toggle_button(state, editor, Choosing::LinkEnd { at: at.clone() });
    let has_id = Memo::new(move |_| !editor.field(&format!("{at}.id")).is_empty());
    view! {
        // Every node's form has one: the name says which node (the visible words begin it).
        <button type="button" id=button_id class="draw-link" aria-pressed=move || from_here().to_string()
            aria-label=move || format!("{} ({})", i18n::editor::DRAW_LINK.get(lang.get()), name.get())
            disabled=move || !has_id.get() on:pointerdown=on_pointerdown on:click=on_click>
            {move || i18n::editor::DRAW_LINK.get(lang.get())}
        </button>
    }
}
