//! The editor: a reading made or changed in the app, in forms beside the live graph and
//! timeline. The draft and its history are `atlas_core::draft`; this module holds them in one
//! context ([`EditorState`]), keeps the draft in storage so a reload finds it, and shows each
//! draft without problems in the views.
//!
//! Writers go through [`EditorState::edit`], `undo`, `redo` and `start`; components read the
//! draft through [`EditorState::field`] and the loader's problems through `problems`.

mod bar;
mod cites;
pub mod field;
mod item_list;
mod reading_form;
mod source_pane;

use crate::browser::storage;
use crate::state::{use_app, AppState, Notice};
use atlas_core::draft::{Draft, Edit, EditError, History, ListKind};
use atlas_core::saved::{data_set_envelope, read_data_set_envelope, salvage_text, SavedDataSet};
use atlas_core::{Lang, Languages, Model, Problem};
use leptos::prelude::*;
use std::sync::Arc;

pub use bar::EditorBar;
use item_list::ItemList;
use reading_form::ReadingForm;
use source_pane::SourcePane;

/// A passage's words the author selected, to cite on an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picked {
    pub para: String,
    pub quote: String,
}

/// The editor's state, provided once by [`provide_editor`].
#[derive(Clone, Copy)]
pub struct EditorState {
    /// Whether the editor is shown.
    pub open: RwSignal<bool>,
    history: RwSignal<History>,
    /// The loader's verdict on the draft: its reading, or every problem with its field's path.
    pub checked: Memo<Result<Arc<Model>, Vec<Problem>>>,
    /// The problems alone (none when the draft is a reading).
    pub problems: Memo<Vec<Problem>>,
    /// The words selected in the source pane, waiting to be cited.
    pub picked: RwSignal<Option<Picked>>,
    /// The last selection ran across passages (a quote comes from one).
    pub pick_across: RwSignal<bool>,
    /// Why the last edit was not made, in both languages (cleared by the next edit).
    pub refused: RwSignal<Option<Notice>>,
    /// Whether a draft was ever started here (the menu offers to return to it).
    pub started: RwSignal<bool>,
    /// A draft waiting to replace one the author has worked on, until they say so.
    pub pending: RwSignal<Option<Draft>>,
    /// What the views show of the draft.
    pub shown: RwSignal<Shown>,
}

/// What the graph, the timeline and the details show of the draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// The draft itself (it has no problems).
    Draft,
    /// Its preview: placeholders for what is not written yet.
    Preview,
    /// An earlier version: this one cannot be drawn (its languages or format are not understood).
    Earlier,
}

/// The editor of the page.
pub fn use_editor() -> EditorState {
    expect_context::<EditorState>()
}

/// The storage keys of this page's draft and of whether the editor was open.
fn draft_key() -> String {
    storage::page_scoped("v1:draft")
}
fn open_key() -> String {
    storage::page_scoped("v1:editor-open")
}

impl EditorState {
    /// The form's text for the field at `path` (reactive).
    pub fn field(&self, path: &str) -> String {
        self.history.with(|h| h.now().field(path))
    }

    /// Reads the draft (reactive).
    pub fn with_draft<R>(&self, f: impl FnOnce(&Draft) -> R) -> R {
        self.history.with(|h| f(h.now()))
    }

    /// The reading's languages as the draft declares them (reactive).
    pub fn languages(&self) -> Languages {
        self.with_draft(Draft::languages)
    }

    /// Makes one edit; a refused one is said in the editor's status.
    pub fn edit(&self, edit: Edit) {
        let mut refused = None;
        self.history.update(|h| {
            if let Err(err) = h.apply(&edit) {
                refused = Some(refusal(&err));
            }
        });
        self.refused.set(refused);
    }

    pub fn undo(&self) {
        self.history.update(|h| {
            h.undo();
        });
        self.refused.set(None);
    }

    pub fn redo(&self) {
        self.history.update(|h| {
            h.redo();
        });
        self.refused.set(None);
    }

    pub fn can_undo(&self) -> bool {
        self.history.with(History::can_undo)
    }

    pub fn can_redo(&self) -> bool {
        self.history.with(History::can_redo)
    }

    /// Puts `draft` in place (one step to undo) and opens the editor.
    /// Asks first when the draft in place has work in it (it is kept in this browser only until
    /// it is replaced): the bar asks to save it, replace it or keep it.
    pub fn start(&self, draft: Draft) {
        let worked_on = self.history.with_untracked(|h| {
            let now = h.now();
            self.started.get_untracked() && *now != Draft::new(now.languages()) && *now != draft
        });
        self.open.set(true);
        if worked_on {
            self.pending.set(Some(draft));
            crate::view::editor::item_list::show_field("edit-keep-draft".into(), true);
        } else {
            self.replace(draft);
        }
    }

    /// Puts `draft` in place of the one there (one step to undo).
    pub fn replace(&self, draft: Draft) {
        self.pending.set(None);
        self.history.update(|h| h.start(draft));
        self.refused.set(None);
        self.picked.set(None);
        self.started.set(true);
        self.open.set(true);
    }

    /// The first draft of a page that had none: nothing to undo back to.
    fn begin(&self, draft: Draft) {
        self.history.set(History::new(draft));
        self.started.set(true);
        self.open.set(true);
    }

    /// A new, empty reading in the interface's language.
    pub fn start_new(&self, lang: Lang) {
        self.start(Draft::new(Languages { source: lang, second: None }));
    }

    /// The reading shown, as a draft to change.
    pub fn start_from_text(&self, text: &str) -> bool {
        match Draft::from_text(text) {
            Ok(draft) => {
                self.start(draft);
                true
            }
            Err(why) => {
                self.refused.set(Some(Notice::text(
                    format!("无法作为草稿打开：{}", why.0),
                    format!("This cannot be opened as a draft: {}", why.0),
                )));
                self.open.set(true);
                false
            }
        }
    }

    /// The draft as a data set file.
    pub fn draft_text(&self) -> String {
        self.history.with_untracked(|h| h.now().text())
    }
}

/// Why an edit was refused, in both languages.
fn refusal(err: &EditError) -> Notice {
    match err {
        EditError::NoSuchPlace(path) => {
            Notice::text(format!("草稿中没有 {path}。"), format!("The draft has no {path}."))
        }
        EditError::PassageWithoutLocator { starts } => Notice::text(
            format!("原文未更改：以“{starts}”开头的段落没有定位符，而其他段落用的是你自己的定位符。请在它前面加上定位符，如 [p. 13]。"),
            format!("The source text was not changed: the passage starting \"{starts}\" has no locator, while the others have your own. Start it with one, such as [p. 13]."),
        ),
        EditError::NotInPassage { para } => Notice::text(
            format!("所选文字不在段落 {para} 中，未引用。请在一个段落内选择。"),
            format!("The selection is not words of passage {para}; nothing was cited. Select within one passage."),
        ),
    }
}

/// The draft kept in this page's storage, if any; a damaged copy is offered for download.
fn restore_draft(state: AppState) -> Option<Draft> {
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

/// Provides the editor: restores the page's draft (and reopens the editor if it was open),
/// keeps each change in storage, and shows each draft without problems in the views.
pub fn provide_editor(state: AppState) -> EditorState {
    let restored = restore_draft(state);
    let started = restored.is_some();
    // The editor's page opens on the editor, unless its author closed it there.
    let was_open = storage::get(&open_key()).as_deref() != Some("0");
    let history = RwSignal::new(History::new(restored.unwrap_or_else(|| Draft::new(Languages::default()))));
    let checked = Memo::new(move |_| history.with(|h| h.now().check().map(Arc::new)));
    let problems = Memo::new(move |_| checked.with(|c| c.as_ref().err().cloned().unwrap_or_default()));
    let editor = EditorState {
        open: RwSignal::new(was_open),
        history,
        checked,
        problems,
        picked: RwSignal::new(None),
        pick_across: RwSignal::new(false),
        refused: RwSignal::new(None),
        started: RwSignal::new(started),
        pending: RwSignal::new(None),
        shown: RwSignal::new(Shown::Draft),
    };
    provide_context(editor);
    source_pane::watch_selection(editor);
    follow_the_link(state, editor);
    keep_in_storage(state, editor);
    show_in_views(state, editor);
    open_the_chosen(state, editor);
    // Fields commit when they are left; words typed into one that is still focused when the page
    // goes away (a reload, a closed tab) are committed then, and so kept with the draft.
    crate::browser::dom::on_page_hide(|| crate::browser::dom::commit_focused_text(".editor-pane"));
    editor
}

/// What the link that opened the page asks for (`#new-reading`, `#edit-reading` with the reading
/// handed over in storage); a page opened with no draft starts a new reading. The fragment is
/// then dropped, so a reload keeps the draft instead of starting again.
fn follow_the_link(state: AppState, editor: EditorState) {
    use crate::view::editor_entry::{EDIT_READING_FRAGMENT, HANDOFF_KEY, NEW_READING_FRAGMENT};
    let Some(window) = web_sys::window() else { return };
    let hash = window.location().hash().unwrap_or_default();
    let lang = state.lang.get_untracked();
    if hash == EDIT_READING_FRAGMENT {
        match storage::get(HANDOFF_KEY) {
            Some(text) => {
                storage::remove(HANDOFF_KEY);
                match Draft::from_text(&text) {
                    Ok(draft) if !editor.started.get_untracked() => editor.begin(draft),
                    _ => {
                        editor.start_from_text(&text);
                    }
                }
            }
            None => {
                state.notify(Notice::text(
                    "要编辑的解读未能传到编辑器（此处没有存储空间）：请在解读页面用“更多 → 下载 JSON”保存它，再在此处用“打开草稿文件…”打开。",
                    "The reading to edit did not reach the editor (no storage here): download it as JSON from the reading's More menu, then open it here with \"Open a draft file…\".",
                ));
                editor.open.set(true);
            }
        }
    } else if !editor.started.get_untracked() {
        editor.begin(Draft::new(Languages { source: lang, second: None }));
    } else if hash == NEW_READING_FRAGMENT {
        editor.start_new(lang);
    }
    if hash == EDIT_READING_FRAGMENT || hash == NEW_READING_FRAGMENT {
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

/// Every change of the draft, and whether the editor is open, is written to storage; a storage
/// that refuses is said once (the draft can still be saved as a file).
fn keep_in_storage(state: AppState, editor: EditorState) {
    let warned = StoredValue::new(false);
    Effect::new(move |_| {
        let text = editor.history.with(|h| h.now().text());
        let open = editor.open.get();
        // Nothing to keep until a draft is started (a page's first draft, a reading handed over,
        // is kept at once).
        if !editor.started.get_untracked() {
            return;
        }
        let envelope = data_set_envelope(&SavedDataSet { name: "draft".into(), text });
        let kept = storage::set(&draft_key(), &envelope).and(storage::set(&open_key(), if open { "1" } else { "0" }));
        if kept.is_err() && !warned.get_value() {
            warned.set_value(true);
            state.notify(Notice::text(
                "此浏览器无法保存草稿（此处没有存储空间或空间已满）：离开前请用“将草稿保存为文件”保存。",
                "This browser cannot keep the draft (no storage here, or it is full): save it with \"Save the draft as a file\" before you leave.",
            ));
        }
    });
}

/// While the editor is open, each draft is shown in the graph, the timeline and the details:
/// one without problems as it is (and kept as the page's reading); one with problems as its
/// preview (placeholders for what is not written yet, never kept). A draft that cannot be
/// previewed leaves the views as they are.
fn show_in_views(state: AppState, editor: EditorState) {
    Effect::new(move |_| {
        if !editor.open.get() {
            return;
        }
        let text = editor.history.with(|h| h.now().text());
        if state.source.with_untracked(|s| s.text() == text) {
            let has_problems = editor.checked.with_untracked(Result::is_err);
            editor.shown.set(if has_problems { Shown::Preview } else { Shown::Draft });
            return;
        }
        let model = editor.checked.with(|checked| checked.as_ref().ok().map(|m| (**m).clone()));
        match model {
            Some(model) => {
                crate::view::data_loader::show_draft(&state, &text, model, true);
                editor.shown.set(Shown::Draft);
            }
            None => match editor.history.with_untracked(|h| h.now().preview()) {
                Some(model) => {
                    crate::view::data_loader::show_draft(&state, &text, model, false);
                    editor.shown.set(Shown::Preview);
                }
                None => editor.shown.set(Shown::Earlier),
            },
        }
    });
}

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

/// The ids the draft's items have, offered where a field takes one (`datalist`s).
#[component]
fn IdSuggestions() -> impl IntoView {
    let editor = use_editor();
    // Each id with its label, so a field that takes an id offers the names the author knows.
    let named = move |kind: ListKind| {
        Memo::new(move |_| {
            editor.with_draft(|d| {
                let shown = d.languages().source.code();
                d.ids(kind)
                    .into_iter()
                    .enumerate()
                    .filter(|(_, id)| !id.is_empty())
                    .map(|(i, id)| (id, d.field(&format!("{}[{i}].label.{shown}", kind.key()))))
                    .collect::<Vec<_>>()
            })
        })
    };
    let (nodes, groups) = (named(ListKind::Nodes), named(ListKind::Groups));
    let options = |list: Vec<(String, String)>| {
        list.into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()
    };
    view! {
        <datalist id="edit-node-ids">{move || options(nodes.get())}</datalist>
        <datalist id="edit-group-ids">{move || options(groups.get())}</datalist>
    }
}

/// A node or an event chosen in the graph or the timeline while the editor is open opens its
/// form (in the editor's page the forms stand where the details would).
fn open_the_chosen(state: AppState, editor: EditorState) {
    Effect::new(move |_| {
        let (kind, id) = match state.selection.get() {
            atlas_core::view_state::Selected::Node(id) => (ListKind::Nodes, id),
            atlas_core::view_state::Selected::Event(id) => (ListKind::Events, id),
            _ => return,
        };
        if !editor.open.get_untracked() {
            return;
        }
        let index = editor.history.with_untracked(|h| h.now().ids(kind).iter().position(|i| *i == id));
        if let Some(i) = index {
            item_list::show_field(field::field_id(&format!("{}[{i}].id", kind.key())), false);
        }
    });
}

/// The editor panel: its bar, the source text, the reading's fields and its lists. Control+Z
/// and Control+Y (or Control+Shift+Z) undo and redo outside text fields, which keep their own.
#[component]
pub fn EditorPane() -> impl IntoView {
    let editor = use_editor();
    let on_key = move |ev: web_sys::KeyboardEvent| {
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
    view! {
        <aside class="pane editor-pane" aria-labelledby="editor-heading" on:keydown=on_key>
            <EditorBar/>
            <div class="editor-body">
                <SourcePane/>
                <ReadingForm/>
                {ListKind::ALL.into_iter().map(|kind| view! { <ItemList kind=kind/> }).collect_view()}
            </div>
            <IdSuggestions/>
        </aside>
    }
}
