//! The draft kept in this page's storage: restored when the page opens, written after each
//! change (with whether the editor was open), so a reload finds the draft where it was.

use super::EditorState;
use crate::browser::storage;
use crate::state::{AppState, Notice};
use atlas_core::draft::{Draft, Edit};
use atlas_core::saved::{data_set_envelope, read_data_set_envelope, salvage_text, SavedDataSet};
use leptos::prelude::*;

/// The storage keys of this page's draft and of whether the editor was open.
fn draft_key() -> String {
    storage::page_scoped("v1:draft")
}

fn open_key() -> String {
    storage::page_scoped("v1:editor-open")
}

/// Whether the editor was open when this page was last left (open unless its author closed it).
pub(super) fn was_open() -> bool {
    storage::get(&open_key()).as_deref() != Some("0")
}

/// The draft kept in this page's storage, if any; a damaged copy is offered for download.
pub(super) fn restore_draft(state: AppState) -> Option<Draft> {
    let text = storage::get(&draft_key())?;
    let saved = read_data_set_envelope(&text).ok().and_then(|saved| Draft::from_text(&saved.text).ok());
    if saved.is_none() {
        state.salvage.set(Some(salvage_text(&text)));
        state.notify(Notice::text(
            "无法读取已保存的草稿，可下载其内容。",
            "Your saved draft could not be read; you can download what it held.",
        ));
    }
    saved
}

/// Every change of the draft, and whether the editor is open, is written to storage; a storage
/// that refuses is said once (the draft can still be saved as a file).
pub(super) fn keep_in_storage(state: AppState, editor: EditorState) {
    let warned = StoredValue::new(false);
    Effect::new(move |_| {
        let text = editor.text.get();
        let open = editor.open.get();
        // Nothing to keep until a draft is started (a page's first draft, a reading handed over,
        // is kept at once).
        if !editor.started.get_untracked() {
            return;
        }
        if write(text.to_string(), open).is_err() && !warned.get_value() {
            warned.set_value(true);
            state.notify(Notice::text(
                "此浏览器无法保存草稿（此处没有存储空间或空间已满）：离开前请用编辑器的“草稿文件”菜单将其保存为文件。",
                "This browser cannot keep the draft (no storage here, or it is full): save it as a file (the editor's \"Draft file\" menu) before you leave.",
            ));
        }
    });
}

/// Words typed into a field that is still focused when the page goes away (a reload, a closed
/// tab) are committed then (fields commit when they are left), and the draft is written at once:
/// the effect above would run after the handler, which a page going away may not wait for.
pub(super) fn keep_on_leaving(editor: EditorState) {
    crate::browser::dom::on_page_hide(move || {
        crate::browser::dom::commit_focused_text(".editor-pane");
        if editor.started.get_untracked() {
            let _ = write(editor.history.with_untracked(|h| h.now().text()), editor.open.get_untracked());
        }
    });
}

/// Words typed into a field are kept a moment after the typing pauses, with the draft as if
/// the field were committed (the draft's history is not touched: fields commit when they are
/// left): a page that crashes, or a reload whose new page reads storage before the write made
/// as the old one went away has reached it, still finds them.
pub(super) fn keep_while_typing(editor: EditorState) {
    crate::browser::dom::on_typing_paused(".editor-pane", 250, move |path, text| {
        if !editor.started.get_untracked() {
            return;
        }
        let typed = editor.history.with_untracked(|h| h.now().apply(&Edit::Set { path, text }));
        if let Ok(draft) = typed {
            let _ = write(draft.text(), editor.open.get_untracked());
        }
    });
}

/// Writes the draft's text, and whether the editor is open, to this page's storage.
fn write(text: String, open: bool) -> Result<(), storage::StorageError> {
    let envelope = data_set_envelope(&SavedDataSet { name: "draft".into(), text });
    storage::set(&draft_key(), &envelope).and(storage::set(&open_key(), if open { "1" } else { "0" }))
}
