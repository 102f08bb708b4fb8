//! A node's label shown in the graph as it is typed, before its field commits it (a field
//! commits when it is left): the graph named a new node by its suggested id, "node-1", until
//! then, and every trial asked what that node was (trials 17 to 19). Only the views' copy of
//! the reading changes; the draft, its history and the node's id wait for the commit.

use super::EditorState;
use crate::state::AppState;
use crate::view::menu::CurrentGraph;
use atlas_core::scene::Scene;
use atlas_core::Lang;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// How long typing pauses before the graph shows the label: a scene is made anew for it, and a
/// pause between words is the moment to look.
const SHOW_AFTER: Duration = Duration::from_millis(250);

/// The views' reading before a typed label was first shown, and the one showing it now.
struct Swapped {
    committed: Arc<Scene>,
    shown: Arc<Scene>,
}

/// The label waiting to be shown, for one field, and the views' reading it stands in for.
#[derive(Clone, Copy)]
pub struct TypedLabel {
    pending: StoredValue<Option<TimeoutHandle>>,
    /// Put back when the words are taken away again, or left uncommitted.
    swapped: StoredValue<Option<Swapped>>,
    /// The graph: the reading is shown again where it draws the map (a drag moved nodes).
    graph: Option<CurrentGraph>,
}

impl TypedLabel {
    pub fn new() -> Self {
        Self { pending: StoredValue::new(None), swapped: StoredValue::new(None), graph: use_context::<CurrentGraph>() }
    }

    /// The map of the reading shown, as the graph draws it, for a reading shown in its place.
    fn on_screen(self, state: AppState) -> Option<atlas_core::precomputed::ShownLayout> {
        self.graph.and_then(|g| g.taken_for_edit(&state.scene.get_untracked()))
    }

    /// `text` was typed into the label of the draft's node `node` in `lang`: the graph shows it
    /// once typing pauses. Typed away to nothing, the label the draft holds comes back.
    pub fn typed(self, state: AppState, editor: EditorState, node: usize, lang: Lang, text: String) {
        self.cancel();
        if text.trim().is_empty() {
            self.put_back(state);
            return;
        }
        let id = editor.history.with_untracked(|h| h.now().field(&format!("nodes[{node}].id")));
        let shown = set_timeout_with_handle(
            move || {
                self.pending.set_value(None);
                let before = state.scene.get_untracked();
                crate::view::data_loader::show_typed_label(&state, &id, lang, &text, self.on_screen(state));
                let now = state.scene.get_untracked();
                if !Arc::ptr_eq(&before, &now) {
                    self.swapped.update_value(|swapped| match swapped {
                        Some(swapped) => swapped.shown = now,
                        None => *swapped = Some(Swapped { committed: before, shown: now }),
                    });
                }
            },
            SHOW_AFTER,
        );
        self.pending.set_value(shown.ok());
    }

    /// The field committed its text: nothing waits, and the views show the draft anew.
    pub fn committed(self) {
        self.cancel();
        self.swapped.set_value(None);
    }

    /// The field was left without a commit (typed, then typed back): the views show the
    /// reading as the draft holds it again, unless something else has been shown since.
    pub fn put_back(self, state: AppState) {
        self.cancel();
        if let Some(Swapped { committed, shown }) = self.swapped.try_update_value(Option::take).flatten() {
            if state.scene.with_untracked(|now| Arc::ptr_eq(now, &shown)) {
                let on_screen = self.on_screen(state);
                crate::view::data_loader::show_as_drawn(&state, committed.model.clone(), &shown, on_screen);
            }
        }
    }

    /// Nothing waits to be shown any more.
    fn cancel(self) {
        if let Some(handle) = self.pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }
}
