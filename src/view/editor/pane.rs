//! The editor's panel (its bar, the source text, the forms), its buttons in the menu, and
//! files opened as the draft.

use super::bar::EditorBar;
use super::field::ItemChoices;
use super::item_list::ItemList;
use super::reading_form::ReadingForm;
use super::source_pane::SourcePane;
use super::{use_editor, EditorState};
use crate::state::{use_app, AppState};
use atlas_core::draft::ListKind;
use leptos::prelude::*;

/// The menu's editor buttons in the editor's page: a new reading, the reading shown, and back
/// to the draft when the editor is closed.
#[component]
pub fn EditorMenuButtons(close: Callback<()>) -> impl IntoView {
    let state = use_app();
    let editor = use_editor();
    let lang = state.lang;
    let t = move |ui: crate::i18n::Ui| move || ui.get(lang.get());
    view! {
        <button type="button" on:click=move |_| { editor.start_new(lang.get_untracked()); close.run(()); }>{t(crate::i18n::NEW_READING)}</button>
        <button type="button" on:click=move |_| {
            let text = state.source.with_untracked(|s| s.text().to_string());
            editor.start_from_text(&text);
            close.run(());
        }>{t(crate::i18n::EDIT_READING)}</button>
        <Show when=move || editor.started.get() && !editor.open.get()>
            <button type="button" on:click=move |_| { editor.open.set(true); close.run(()); }>{t(crate::i18n::editor::RETURN_TO_DRAFT)}</button>
        </Show>
    }
}

/// Opens chosen or dropped files as the draft (one step to undo): a spreadsheet reading (its
/// CSV files and the source's text, through the CSV import, whose problems are listed by file,
/// row and column), or one data set file in any state.
pub fn open_files(state: AppState, editor: EditorState, files: Vec<web_sys::File>) {
    use crate::view::data_loader::{is_spreadsheet, read_all};
    use atlas_core::csv_import::{import_csv, CsvFile};
    let spreadsheet = is_spreadsheet(&files);
    read_all(state, files, move |name, read| {
        if spreadsheet {
            let files: Vec<CsvFile> = read.iter().map(|(name, text)| CsvFile { name, text }).collect();
            match import_csv(&files) {
                Ok(json) => {
                    state.load_problems.set(None);
                    editor.start_from_text(&json);
                }
                Err(problems) => state.load_problems.set(Some((name, problems))),
            }
        } else if let Some((_, text)) = read.into_iter().next() {
            state.load_problems.set(None);
            editor.start_from_text(&text);
        }
    });
}

/// Whether a key event comes from a control that has its own undo (a text field).
fn in_text_field(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().to_ascii_lowercase().as_str(), "input" | "textarea"))
}

/// The draft's items of `kind`, each id with its `name` field (`label`, `title`) in the
/// interface's language when the reading has it written (else its first), in the order of the forms
/// (items with no id yet left out).
fn named_items(kind: ListKind, name: &'static str) -> Memo<Vec<(String, String)>> {
    let editor = use_editor();
    let lang = use_app().lang;
    Memo::new(move |_| {
        let lang = lang.get();
        editor.with_draft(|d| {
            let languages = d.languages();
            let (shown, source) = (languages.shown(lang).code(), languages.source.code());
            let named = |i: usize, code: &str| d.field(&format!("{}[{i}].{name}.{code}", kind.key()));
            d.ids(kind)
                .into_iter()
                .enumerate()
                .filter(|(_, id)| !id.is_empty())
                // A name not written yet in the shown language: the source's, written first.
                .map(|(i, id)| {
                    (id, Some(named(i, shown)).filter(|n| !n.is_empty()).unwrap_or_else(|| named(i, source)))
                })
                .collect::<Vec<_>>()
        })
    })
}

/// The groups' ids, offered with their labels where a node names its group (a `datalist`: a
/// group is optional, and may be written before it exists).
#[component]
fn GroupSuggestions() -> impl IntoView {
    let groups = named_items(ListKind::Groups, "label");
    view! {
        <datalist id="edit-group-ids">
            {move || groups.get().into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
        </datalist>
    }
}

/// The editor panel: its bar, the source text, the reading's fields and its lists. Control+Z
/// and Control+Y (or Control+Shift+Z) undo and redo outside text fields, which keep their own;
/// letters typed on a list choose in it ([`super::type_ahead`]).
#[component]
pub fn EditorPane() -> impl IntoView {
    let editor = use_editor();
    // The nodes and events every field that names them offers by name, read from the draft once.
    provide_context(ItemChoices {
        nodes: named_items(ListKind::Nodes, "label"),
        events: named_items(ListKind::Events, "title"),
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        match super::type_ahead::take_key(&ev) {
            super::type_ahead::Key::Ignored => {}
            super::type_ahead::Key::Taken => {
                ev.prevent_default();
                return;
            }
            super::type_ahead::Key::Astray(astray) => {
                ev.prevent_default();
                // Said once for the words typed, not again with every key of them.
                if editor.typed_astray.with_untracked(|said| said.as_ref() != Some(&astray)) {
                    editor.typed_astray.set(Some(astray));
                }
                return;
            }
        }
        if !(ev.ctrl_key() || ev.meta_key()) || in_text_field(&ev) {
            return;
        }
        match (ev.key().to_ascii_lowercase().as_str(), ev.shift_key()) {
            ("z", false) => editor.undo(),
            ("z", true) | ("y", _) => editor.redo(),
            _ => return,
        }
        ev.prevent_default();
    };
    // Whether the keyboard's next stop is Tab's: a field it reaches under the docked passages is
    // brought out. A field pressed with the pointer is not moved (the press would end
    // elsewhere), nor one the app focuses (it places its forms itself).
    let tabbing = StoredValue::new(false);
    let note_tab = move |ev: web_sys::KeyboardEvent| tabbing.set_value(ev.key() == "Tab");
    let reveal_tabbed_to = move |ev: web_sys::FocusEvent| {
        if tabbing.get_value() {
            tabbing.set_value(false);
            super::source_pane::reveal_tabbed_to(ev);
        }
    };
    view! {
        <aside class="pane editor-pane" aria-labelledby="editor-heading" on:keydown=on_key>
            <EditorBar/>
            <div class="editor-body" on:keydown=note_tab on:focusin=reveal_tabbed_to
                on:pointerdown=move |_| tabbing.set_value(false)>
                <SourcePane/>
                <ReadingForm/>
                {ListKind::ALL.into_iter().map(|kind| view! { <ItemList kind=kind/> }).collect_view()}
            </div>
            <GroupSuggestions/>
        </aside>
    }
}
