//! What the link that opened the editor's page asks for: a new reading, or the reading the
//! reader handed over.

use super::EditorState;
use crate::browser::storage;
use crate::state::{AppState, Notice};
use atlas_core::draft::Draft;
use atlas_core::handoff;
use atlas_core::Languages;
use leptos::prelude::*;

/// What the link that opened the page asks for (`#new-reading`, `#edit-reading=<token>` with the
/// reading handed over in storage under that token); a page opened with no draft starts a new
/// reading. The fragment is then dropped, so a reload keeps the draft instead of starting again.
pub(super) fn follow_the_link(state: AppState, editor: EditorState) {
    use crate::view::editor_entry::{HANDOFF_KEY, NEW_READING_FRAGMENT};
    let Some(window) = web_sys::window() else { return };
    let hash = window.location().hash().unwrap_or_default();
    let lang = state.lang.get_untracked();
    let edit_token = handoff::token_in(&hash);
    if let Some(token) = edit_token {
        let entry = storage::get(HANDOFF_KEY);
        match entry.as_deref().and_then(|entry| handoff::open(entry, token)) {
            Some(text) => {
                match Draft::from_text(text) {
                    Ok(draft) if !editor.started.get_untracked() => editor.begin(draft),
                    _ => {
                        editor.start_from_text(text);
                    }
                }
                storage::remove(HANDOFF_KEY);
            }
            // Nothing arrived, or what is there was left by another page (its link has another
            // token): that entry stays for its own editor.
            None => {
                state.notify(Notice::text(
                    "要编辑的解读未能传到编辑器（此处没有存储空间，或另一个页面的解读已取代它）：请在解读页面用“更多 → 下载 JSON”保存它，再在此处用“打开草稿文件…”打开。",
                    "The reading to edit did not reach the editor (no storage here, or another page's reading took its place): download it as JSON from the reading's More menu, then open it here with \"Open a draft file…\".",
                ));
                editor.open.set(true);
            }
        }
    } else if !editor.started.get_untracked() {
        editor.begin(Draft::new(Languages { source: lang, second: None }));
    } else if hash == NEW_READING_FRAGMENT {
        editor.start_new(lang);
    }
    if edit_token.is_some() || hash == NEW_READING_FRAGMENT {
        let address = format!(
            "{}{}",
            window.location().pathname().unwrap_or_default(),
            window.location().search().unwrap_or_default()
        );
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
        }
    }
}
