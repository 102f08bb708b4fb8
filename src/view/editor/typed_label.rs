//! A node's label shown in the graph as it is typed, before its field commits it (a field
//! commits when it is left): the graph named a new node by its suggested id, "node-1", until
//! then, and every trial asked what that node was (trials 17 to 19). Only the graph's copy of
//! the reading changes; the draft, its history and the node's id wait for the commit.

use super::EditorState;
use crate::state::AppState;
use atlas_core::Lang;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing pauses before the graph shows the label: a scene is made anew for it, and a
/// pause between words is the moment to look.
const SHOW_AFTER: Duration = Duration::from_millis(250);

/// The label waiting to be shown, for one field.
#[derive(Clone, Copy)]
pub struct TypedLabel {
    pending: StoredValue<Option<TimeoutHandle>>,
}

impl TypedLabel {
    pub fn new() -> Self {
        Self { pending: StoredValue::new(None) }
    }

    /// `text` was typed into the label of the draft's node `node` in `lang`: the graph shows it
    /// once typing pauses. An empty label is not shown (the graph keeps what it had).
    pub fn typed(self, state: AppState, editor: EditorState, node: usize, lang: Lang, text: String) {
        self.cancel();
        if text.trim().is_empty() {
            return;
        }
        let id = editor.history.with_untracked(|h| h.now().field(&format!("nodes[{node}].id")));
        let shown = set_timeout_with_handle(
            move || {
                self.pending.set_value(None);
                crate::view::data_loader::show_typed_label(&state, &id, lang, &text);
            },
            SHOW_AFTER,
        );
        self.pending.set_value(shown.ok());
    }

    /// Nothing waits to be shown any more (the field committed its text, or was left).
    pub fn cancel(self) {
        if let Some(handle) = self.pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }
}
