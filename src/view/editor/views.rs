//! The editor and the reader's views beside it: each draft shown in the graph, the timeline
//! and the details; what is chosen there opens its form.

use super::{item_list, EditorState, Shown};
use crate::state::AppState;
use atlas_core::draft::ListKind;
use leptos::prelude::*;

/// While the editor is open, each draft is shown in the graph, the timeline and the details:
/// one without problems as it is (and kept as the page's reading); one with problems as its
/// preview (placeholders for what is not written yet, never kept). A draft that cannot be
/// previewed leaves the views as they are.
pub(super) fn show_in_views(state: AppState, editor: EditorState) {
    let graph = use_context::<crate::view::menu::CurrentGraph>();
    Effect::new(move |_| {
        if !editor.open.get() {
            return;
        }
        let text = editor.text.get();
        // Shown already, as the draft (a page that starts shows the draft it kept as a data set
        // known by its text: shown again as the draft, its pins come back).
        let draft_key = crate::view::data_loader::draft_source_key();
        if state.source.with_untracked(|s| *s.text() == *text && s.key() == draft_key) {
            let has_problems = editor.checked.with_untracked(Result::is_err);
            editor.shown.set(if has_problems { Shown::Preview } else { Shown::Draft });
            return;
        }
        let model = editor.checked.with(|checked| checked.as_ref().ok().map(|m| (**m).clone()));
        let (model, kept) = match model {
            Some(model) => (model, true),
            None => match editor.history.with_untracked(|h| h.now().preview()) {
                Some(model) => (model, false),
                None => {
                    editor.shown.set(Shown::Earlier);
                    return;
                }
            },
        };
        // What is selected follows its item when the edit renamed it (a link's relation
        // changed in its form): its form stays open and its line stays chosen. Followed before
        // the draft is shown, which lets go of a selection it does not have (and of Back).
        let selected = state.selection.get_untracked();
        let followed = selected.followed(&state.scene.get_untracked().model, &model);
        if followed != selected {
            state.selection.set(followed);
        }
        // The map as drawn now: a drag moved the dragged node's neighbours, and this edit keeps
        // them there.
        let on_screen = graph.and_then(|g| g.taken_for_edit(&state.scene.get_untracked()));
        crate::view::data_loader::show_draft(&state, &text, model, kept, on_screen);
        editor.shown.set(if kept { Shown::Draft } else { Shown::Preview });
    });
}

/// A node, an event or a link chosen in the graph or the timeline while the editor is open opens
/// its form (in the editor's page the forms stand where the details would).
pub(super) fn open_the_chosen(state: AppState, editor: EditorState) {
    use atlas_core::view_state::Selected;
    Effect::new(move |_| {
        let selected = state.selection.get();
        let kind = match &selected {
            Selected::Node(_) => ListKind::Nodes,
            Selected::Event(_) => ListKind::Events,
            Selected::Link(_) => ListKind::Links,
            _ => return,
        };
        if !editor.open.get_untracked() {
            return;
        }
        let index = editor.history.with_untracked(|h| {
            let draft = h.now();
            match &selected {
                // A link is named by its ends and relation, and a repeat by its number
                // (`Model::link_key`), as the graph names it.
                Selected::Link(key) => {
                    let bases: Vec<String> = (0..draft.len(kind.key()))
                        .map(|i| {
                            let field = |name: &str| draft.field(&format!("links[{i}].{name}"));
                            atlas_core::link_key_of(&field("source"), &field("relation"), &field("target"))
                        })
                        .collect();
                    (0..bases.len()).position(|i| {
                        let before = bases[..i].iter().filter(|b| **b == bases[i]).count();
                        atlas_core::numbered_link_key(bases[i].clone(), before) == *key
                    })
                }
                Selected::Node(id) | Selected::Event(id) => draft.ids(kind).iter().position(|i| i == id),
                _ => None,
            }
        });
        if let Some(i) = index {
            let at = format!("{}[{i}]", kind.key());
            // The form the keyboard is in stays as it is: the selection followed its own item
            // through an edit made there (a link's relation).
            if keyboard_in(&item_list::item_element_id(&at)) {
                return;
            }
            // It opens alone, as an added item's form does (trial 13 had eight links' forms
            // open at once, opened one by one from their lines).
            item_list::close_open_items(editor);
            item_list::open_item(editor, &at);
            // The whole form from its top: a node's starts with "Draw a link from this node".
            item_list::show_field(item_list::item_element_id(&at), false);
        }
    });
}

/// Whether the keyboard is in the element with the id `id`.
fn keyboard_in(id: &str) -> bool {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    element.is_some_and(|element| crate::browser::dom::keyboard_in(&element))
}
