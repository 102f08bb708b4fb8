//! The editor: a reading made or changed in the app, in forms beside the live graph and
//! timeline. The draft and its history are `atlas_core::draft`; this module holds them in one
//! context ([`EditorState`]); `keep` keeps the draft in storage so a reload finds it, `link`
//! follows the link that opened the page, `views` shows each draft in the reader's views, `pane`
//! is the panel.
//!
//! Writers go through [`EditorState::edit`], `undo`, `redo` and `start`; components read the
//! draft through [`EditorState::field`] (an item's form through `field::ItemForm`) and the
//! loader's problems through `problems`.

mod bar;
mod bar_menu;
mod choosing;
mod cites;
mod draw_link;
pub mod field;
mod find_words;
mod item_list;
mod jump;
mod keep;
mod link;
mod pane;
mod present_step;
mod reading_form;
mod selection;
mod source_pane;
mod type_ahead;
mod typed_label;
mod views;

use crate::state::{AppState, Notice};
use atlas_core::draft::{Draft, Edit, EditError, History, Step};
use atlas_core::{Lang, Languages, Model, Problem};
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

pub use pane::{open_files, EditorMenuButtons, EditorPane};

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
    /// The draft's text, as a data set file: written once per change, then read by the check,
    /// the views and the storage (each wrote the whole reading again before).
    text: Memo<Arc<str>>,
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
    /// The problem the last edit left at the field it was made in, said first in the status.
    pub field_problem: RwSignal<Option<FieldProblem>>,
    /// The id the last edit gave an item from its name (the author did not type it).
    pub id_given: RwSignal<Option<String>>,
    /// The file just saved, said in the status until the next edit: a browser may save it
    /// without a word (trial 16), and a notice over the page moved the bar's buttons under the
    /// next click (trial 17, after the draft; trial 18, after the one HTML file).
    pub saved_as: RwSignal<Option<Saved>>,
    /// The items whose forms are open (`nodes[3]`): only theirs have their fields drawn.
    pub open_items: RwSignal<BTreeSet<String>>,
    /// What the next node or event chosen in the views is for (a link's other end, a list's
    /// next id), instead of opening its form.
    pub choosing: RwSignal<Option<choosing::Choosing>>,
    /// Words typed into a list, meant for another field: said at the list until it is changed.
    pub typed_astray: RwSignal<Option<type_ahead::TypedAstray>>,
}

/// A file the editor just saved, by its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saved {
    /// The draft, to open again in the editor.
    Draft(String),
    /// The one HTML file with the reading: the published map.
    Page(String),
}

/// A problem at the field just edited, with the field's label: the status is a live region, so a
/// screen reader hears which field the edit broke, not only how many problems there are (the
/// field's own problem is read to it when the field has the keyboard again). The label is its
/// text when the edit was made: the field may be gone when the status is next shown (the editor
/// closed and opened again).
#[derive(Clone, Debug)]
pub struct FieldProblem {
    pub label: String,
    pub problem: Problem,
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

/// Lets go of the nodes pinned in the draft's views: another reading takes the draft's place, and
/// its nodes of the same ids are not where the author put the old ones.
fn forget_draft_pins() {
    crate::view::graph::pins::forget(&crate::view::data_loader::draft_source_key());
}

/// The editor of the page.
pub fn use_editor() -> EditorState {
    expect_context::<EditorState>()
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

    /// Makes one edit; a refused one is said in the editor's status, and so is an id the edit
    /// gave an item from its name.
    pub fn edit(&self, edit: Edit) {
        // A removal moves the items after it: what is being chosen for may be gone or moved.
        if matches!(edit, Edit::Remove { .. }) {
            self.choosing.set(None);
        }
        let (mut refused, mut id_given) = (None, None);
        self.history.update(|h| match h.apply_telling_id(&edit) {
            Ok(given) => id_given = given,
            Err(err) => refused = Some(refusal(&err)),
        });
        self.refused.set(refused);
        self.id_given.set(id_given);
        self.saved_as.set(None);
        self.field_problem.set(None);
    }

    /// Says a problem in the bar with its place in the data set: one no field shows.
    pub fn say_problem(&self, problem: &Problem) {
        let said = |lang: Lang| format!("{}: {} — {}", problem.path, problem.message(lang), problem.hint(lang));
        self.refused.set(Some(Notice::text(said(Lang::Zh), said(Lang::En))));
    }

    pub fn undo(&self) {
        let mut step = None;
        self.history.update(|h| step = h.undo());
        self.after_moving(step);
    }

    pub fn redo(&self) {
        let mut step = None;
        self.history.update(|h| step = h.redo());
        self.after_moving(step);
    }

    /// After Undo or Redo: a step across another reading lets go of the pins, which belong to
    /// the reading left (its nodes of the same ids are not where the author put them).
    fn after_moving(&self, step: Option<Step>) {
        // The item being chosen for may be gone, or another one, after a step back or forth.
        self.choosing.set(None);
        if step == Some(Step::Reading) {
            forget_draft_pins();
            // The other reading's items are not the ones that were open.
            self.open_items.update(BTreeSet::clear);
        }
        self.refused.set(None);
        self.id_given.set(None);
        self.saved_as.set(None);
        self.field_problem.set(None);
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
        if self.history.with_untracked(|h| *h.now() != draft) {
            forget_draft_pins();
        }
        self.pending.set(None);
        self.choosing.set(None);
        self.history.update(|h| h.start(draft));
        self.refused.set(None);
        self.id_given.set(None);
        self.saved_as.set(None);
        self.field_problem.set(None);
        self.picked.set(None);
        // Another reading's items are not the ones that were open.
        self.open_items.update(BTreeSet::clear);
        self.started.set(true);
        self.open.set(true);
    }

    /// The first draft of a page that had none: nothing to undo back to.
    fn begin(&self, draft: Draft) {
        forget_draft_pins();
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
        self.text.with_untracked(|text| text.to_string())
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
        EditError::NoSuchNode(id) => Notice::text(
            format!("关系未添加：草稿中已没有节点 {id}（画关系期间它被删除或改名了）。"),
            format!("No link was added: the draft has no node {id} any more (it was removed or renamed while the link was drawn)."),
        ),
        EditError::LinkToItself(id) => Notice::text(
            format!("关系未添加：它的两端都是 {id}。请选择另一个节点。"),
            format!("No link was added: both its ends were {id}. Choose another node."),
        ),
        EditError::NotInPassage { para } => Notice::text(
            format!("所选文字不在段落 {para} 中，未引用。请在一个段落内选择。"),
            format!("The selection is not words of passage {para}; nothing was cited. Select within one passage."),
        ),
    }
}

/// Provides the editor: restores the page's draft (and reopens the editor if it was open),
/// keeps each change in storage, and shows each draft without problems in the views.
pub fn provide_editor(state: AppState) -> EditorState {
    let restored = keep::restore_draft(state);
    let started = restored.is_some();
    // The editor's page opens on the editor, unless its author closed it there.
    let was_open = keep::was_open();
    let history = RwSignal::new(History::new(restored.unwrap_or_else(|| Draft::new(Languages::default()))));
    let text = Memo::new(move |_| history.with(|h| Arc::<str>::from(h.now().text())));
    let checked = Memo::new(move |_| text.with(|text| atlas_core::load::load_data_set(text).map(Arc::new)));
    let problems = Memo::new(move |_| checked.with(|c| c.as_ref().err().cloned().unwrap_or_default()));
    let editor = EditorState {
        open: RwSignal::new(was_open),
        history,
        text,
        checked,
        problems,
        picked: RwSignal::new(None),
        pick_across: RwSignal::new(false),
        refused: RwSignal::new(None),
        started: RwSignal::new(started),
        pending: RwSignal::new(None),
        shown: RwSignal::new(Shown::Draft),
        field_problem: RwSignal::new(None),
        id_given: RwSignal::new(None),
        saved_as: RwSignal::new(None),
        open_items: RwSignal::new(BTreeSet::new()),
        choosing: RwSignal::new(None),
        typed_astray: RwSignal::new(None),
    };
    provide_context(editor);
    selection::watch_selection(editor);
    link::follow_the_link(state, editor);
    keep::keep_in_storage(state, editor);
    views::show_in_views(state, editor);
    views::open_the_chosen(state, editor);
    choosing::watch(state, editor);
    keep::keep_on_leaving(editor);
    keep::keep_while_typing(editor);
    crate::browser::dom::click_buttons_that_moved(".editor-pane");
    editor
}
