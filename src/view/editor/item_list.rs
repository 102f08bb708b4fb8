//! One list of the reading (nodes, links, events, tour steps, groups) as forms: each item a
//! disclosure with its fields and, for what cites the source, its quotes; adding an item opens
//! it and puts the keyboard in its first field.

use super::cites::Cites;
use super::draw_link::DrawLinkButton;
use super::field::{field_id, AddFrom, Field, FieldKind, ItemChoices, ItemForm};
use super::{use_editor, EditorState};
use crate::i18n;
use crate::state::use_app;
use atlas_core::draft::{first_item_with_problem, items_after_removal, problems_at, Edit, ListKind};
use atlas_core::{Lang, Languages, NodeKind, Relation};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn kinds(lang: Lang) -> Vec<(&'static str, &'static str)> {
    NodeKind::ALL.into_iter().map(|k| (k.code(), k.label(lang))).collect()
}

fn relations(lang: Lang) -> Vec<(&'static str, &'static str)> {
    Relation::ALL.into_iter().map(|r| (r.code(), r.label(lang))).collect()
}

fn bases(lang: Lang) -> Vec<(&'static str, &'static str)> {
    match lang {
        Lang::En => vec![("", "stated in the text"), ("reading", "the reading's inference")],
        Lang::Zh => vec![("", "原文明言"), ("reading", "解读者的推断")],
    }
}

fn reveals(lang: Lang) -> Vec<(&'static str, &'static str)> {
    match lang {
        Lang::En => vec![("", "all at once"), ("yes", "press by press")],
        Lang::Zh => vec![("", "一次显示"), ("yes", "逐次显示")],
    }
}

/// Folds every item form of the editor that is open.
pub fn close_open_items(editor: EditorState) {
    editor.open_items.update(|open| open.clear());
}

/// Folds the form of the item at `at` (`nodes[3]`); its fields go with it.
fn close_item(editor: EditorState, at: &str) {
    if editor.open_items.with_untracked(|open| open.contains(at)) {
        editor.open_items.update(|open| {
            open.remove(at);
        });
    }
}

/// Opens the form of the item at `at` (`nodes[3]`); its fields are drawn with it.
pub fn open_item(editor: EditorState, at: &str) {
    if editor.open_items.with_untracked(|open| !open.contains(at)) {
        editor.open_items.update(|open| {
            open.insert(at.to_string());
        });
    }
}

/// After the next frame (the new item drawn), opens the disclosure round the control `id` a
/// new form starts at (an Add button's, words picked made into an item, a link drawn), puts
/// the keyboard in it, and brings as much of the form as fits into sight
/// ([`show_in_forms`]): a new node's Kind and a new link's "Reads:" sentence sat at the
/// window's foot (trial 26). The passages' dock keeps its height as the words picked go, so the
/// forms do not move after.
pub fn focus_new_form(id: String) {
    reveal(id, true, true);
}

/// After the next frame, opens the disclosures round the control `id` and scrolls it into view;
/// with `focus`, puts the keyboard in it (its text selected).
pub fn show_field(id: String, focus: bool) {
    reveal(id, focus, false);
}

/// [`show_field`]; with `whole_form`, as much of the control's form as fits is brought into
/// sight too.
fn reveal(id: String, focus: bool, whole_form: bool) {
    after_drawing(move || {
        let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&id)) else {
            return;
        };
        open_around(&el);
        if !focus {
            el.scroll_into_view_with_bool(true);
            return;
        }
        if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = html.focus();
        }
        // The id it was given is a suggestion: typing replaces it.
        if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            input.select();
        }
        // WebKit's focus leaves a field at the forms' foot partly out of sight.
        show_in_forms(&el, whole_form);
    });
}

/// Scrolls the forms so that `field`, its label and all (with `whole_form`, as much of its form
/// as fits) is in sight, below the docked passages: a new tour step's form opened with "Choose
/// in the timeline" just under the window's foot (trial 22).
fn show_in_forms(field: &web_sys::Element, whole_form: bool) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let form = if whole_form { field.closest("ol.items > li").ok().flatten() } else { None };
    let (Some(form), Some(body)) = (
        form.or_else(|| field.closest(".field").ok().flatten()),
        document.query_selector(".editor-pane .editor-body").ok().flatten(),
    ) else {
        return;
    };
    let dock_bottom = dock_bottom(&document, &body);
    // The field with its label (trials 21 and 22 saw a new step's "Title" cut by the dock).
    let field = field.closest(".field").ok().flatten().unwrap_or_else(|| field.clone());
    let (form_box, field_box, sight) =
        (form.get_bounding_client_rect(), field.get_bounding_client_rect(), body.get_bounding_client_rect());
    // Past the form's foot would be room wasted; past the field's top would hide it. A field
    // (or its label) under the passages comes down from them.
    let below_dock = field_box.top() - dock_bottom - 8.0;
    let by = if below_dock < 0.0 { below_dock } else { (form_box.bottom() - sight.bottom()).min(below_dock) };
    if by.abs() > 1.0 {
        body.set_scroll_top(body.scroll_top() + by.round() as i32);
    }
}

/// Opens the disclosures round the first problem the forms show (the reading's own fields
/// first, then the first item with a problem, its form opened and drawn), puts the keyboard on
/// what mends it (its field; for a missing quote, the item's "Cite the selection", or when no
/// words are picked, its "Or type a quote") and brings the problem into view. Whether the forms
/// show one (some problems have no field: a stage's groups, a passage's locator).
pub fn show_first_problem(editor: EditorState) -> bool {
    if show_problem_in(".editor-pane .reading-section") {
        return true;
    }
    let Some((kind, index)) = editor.problems.with_untracked(|all| first_item_with_problem(all)) else {
        return false;
    };
    let at = format!("{}[{index}]", kind.key());
    // Its form alone open, as a new item's is.
    close_open_items(editor);
    open_item(editor, &at);
    // Once its fields are drawn. A problem no field of the form shows (an event's date outside
    // the text) is said in the bar, and the keyboard goes to the item's name.
    after_drawing(move || {
        let item = item_element_id(&at);
        if show_problem_in(&format!("#{item}")) {
            return;
        }
        if let Some(problem) = editor.problems.with_untracked(|all| problems_at(all, &at).first().cloned().cloned()) {
            editor.say_problem(&problem);
        }
        let Some(summary) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&format!("#{item} > summary")).ok().flatten())
        else {
            return;
        };
        open_around(&summary);
        if let Some(summary) = summary.dyn_ref::<web_sys::HtmlElement>() {
            let _ = summary.focus();
            summary.scroll_into_view_with_bool(false);
        }
    });
    true
}

/// Opens every disclosure round `el` (its item's form, its list's section).
fn open_around(el: &web_sys::Element) {
    let mut at = el.parent_element();
    while let Some(parent) = at {
        if let Some(details) = parent.dyn_ref::<web_sys::HtmlDetailsElement>() {
            details.set_open(true);
        }
        at = parent.parent_element();
    }
}

/// Runs `then` once what was just changed is drawn (after the current task).
pub(super) fn after_drawing(then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let then = Closure::once_into_js(then);
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(then.unchecked_ref(), 0);
}

/// Where the forms' sight begins: under the docked passages, or at the top of the forms (`body`).
fn dock_bottom(document: &web_sys::Document, body: &web_sys::Element) -> f64 {
    document
        .query_selector(".editor-pane .passages-dock")
        .ok()
        .flatten()
        .map_or(body.get_bounding_client_rect().top(), |dock| dock.get_bounding_client_rect().bottom())
}

/// Brings the element `id` into the forms' sight, once drawn, if it lies below their foot or
/// under the docked passages; one in sight stays where it is.
pub fn bring_into_sight(id: String) {
    after_drawing(move || {
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&id)) {
            bring_element_into_sight(&el);
        }
    });
}

/// Brings `el` into the forms' sight now if it lies below their foot or under the docked
/// passages (as far as the forms' scroll margins say); one in sight stays where it is.
pub(super) fn bring_element_into_sight(el: &web_sys::Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.query_selector(".editor-pane .editor-body").ok().flatten() else { return };
    let dock_bottom = dock_bottom(&document, &body);
    let (rect, sight) = (el.get_bounding_client_rect(), body.get_bounding_client_rect());
    if rect.height() <= 0.0 {
        return;
    }
    if rect.bottom() > sight.bottom() {
        el.scroll_into_view_with_bool(false);
    } else if rect.top() < dock_bottom {
        el.scroll_into_view_with_bool(true);
    }
}

/// The element id of the disclosure of the item at `at` (`nodes[3]`).
pub(super) fn item_element_id(at: &str) -> String {
    format!("{}-item", field_id(at))
}

/// Shows the first problem drawn inside the element `within` selects (see [`show_first_problem`]).
fn show_problem_in(within: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let Ok(Some(problem)) = document.query_selector(&format!("{within} .field-problems li")) else {
        return false;
    };
    open_around(&problem);
    let inside = |container: &str, control: &str| {
        problem.closest(container).ok().flatten().and_then(|c| c.query_selector(control).ok().flatten())
    };
    let control = inside(".field", "input, textarea, select")
        .or_else(|| inside(".cites", "button.cite:not([disabled])"))
        .or_else(|| inside(".cites", ".typed-quote summary"));
    let control = control.as_ref().and_then(|c| c.dyn_ref::<web_sys::HtmlElement>());
    if let Some(control) = control {
        let _ = control.focus();
    }
    // Both in view: the lower of the two brought to the window's foot. A field's problem is
    // said under it; a quote's, above "Cite the selection" (trial 24 found the button under
    // the foot, the problem above it in sight).
    let lower = match control {
        Some(control) if control.get_bounding_client_rect().bottom() > problem.get_bounding_client_rect().bottom() => {
            control.unchecked_ref::<web_sys::Element>()
        }
        _ => &problem,
    };
    lower.scroll_into_view_with_bool(false);
    true
}

/// Whether a field may be left empty: its label then says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    Required,
    Optional,
}

/// The label of a field that may be left empty: "Year (optional)", "年份（可选）".
fn optional_text(label: i18n::Ui, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} (optional)", label.get(lang)),
        Lang::Zh => format!("{}（可选）", label.get(lang)),
    }
}

/// [`optional_text`] in the interface's language.
pub fn optional(label: i18n::Ui) -> Signal<String> {
    let state = use_app();
    Signal::derive(move || optional_text(label, state.lang.get()))
}

/// A text field in each of the reading's languages (`label.en`, `label.zh`), each marked with
/// its language; in a two-language reading the label says which ("Summary (en, optional)"),
/// and an optional field's label says it may be left empty.
pub fn text_fields(
    at: &str,
    field: &str,
    label: i18n::Ui,
    need: Need,
    kind: FieldKind,
    languages: Languages,
) -> impl IntoView {
    let state = use_app();
    let bilingual = languages.is_bilingual();
    let langs: Vec<Lang> = std::iter::once(languages.source).chain(languages.second).collect();
    langs
        .into_iter()
        .map(|l| {
            let name = Signal::derive(move || {
                let lang = state.lang.get();
                let base = label.get(lang);
                match (bilingual, need == Need::Optional, lang) {
                    (false, false, _) => base.to_string(),
                    (false, true, _) => optional_text(label, lang),
                    (true, false, _) => format!("{base} ({})", l.code()),
                    (true, true, Lang::En) => format!("{base} ({}, optional)", l.code()),
                    (true, true, Lang::Zh) => format!("{base}（{}，可选）", l.code()),
                }
            });
            view! { <Field path=format!("{at}.{field}.{}", l.code()) label=name kind=kind text_lang=l/> }
        })
        .collect_view()
}

fn ui(text: i18n::Ui) -> Signal<String> {
    let state = use_app();
    Signal::derive(move || text.get(state.lang.get()).to_string())
}

/// Under a link's relation: the link read as its sentence, with what the relation means
/// ("Reads: Hoarding drives Unenforced rules — causes it or leads to it."), so the direction and
/// the verb are checked as they are chosen. Read from the link's form (its item's context).
fn link_sentence_hint() -> Signal<String> {
    let state = use_app();
    let form = use_context::<ItemForm>();
    let choices = use_context::<ItemChoices>();
    Signal::derive(move || {
        let lang = state.lang.get();
        let Some(form) = &form else { return String::new() };
        let name = |id: String| {
            choices.and_then(|c| c.node_name(&id)).unwrap_or(if id.is_empty() { "…".to_string() } else { id })
        };
        let Some(relation) = Relation::parse(&form.field("relation")) else { return String::new() };
        let (source, target) = (name(form.field("source")), name(form.field("target")));
        match lang {
            Lang::En => format!("Reads: {source} {} {target} — {}.", relation.verb(lang), relation.meaning(lang)),
            Lang::Zh => format!("读作：{source}{}{target}——{}。", relation.verb(lang), relation.meaning(lang)),
        }
    })
}

/// Under an event's actor: a node that is not an actor or a person said to be one (trial 13 chose
/// a response as an event's actor, which the app took without a word). Empty otherwise.
fn actor_kind_hint() -> Signal<String> {
    let state = use_app();
    let editor = use_editor();
    let form = use_context::<ItemForm>();
    let choices = use_context::<ItemChoices>();
    Signal::derive(move || {
        let lang = state.lang.get();
        let Some(form) = &form else { return String::new() };
        let actor = form.field("actor");
        let kind = editor.with_draft(|d| {
            (0..d.len("nodes"))
                .find(|i| d.field(&format!("nodes[{i}].id")) == actor)
                .and_then(|i| NodeKind::parse(&d.field(&format!("nodes[{i}].kind"))))
        });
        let Some(kind) = kind.filter(|k| !k.acts()) else {
            return String::new();
        };
        let name = choices.and_then(|c| c.node_name(&actor)).unwrap_or(actor);
        match lang {
            Lang::En => format!(
                "{name} is a node of the kind “{}”: an event's actor, who acted, is normally an Actor or a Person.",
                kind.label(lang)
            ),
            Lang::Zh => {
                format!("“{name}”是“{}”类节点：事件的行为者（采取行动者）通常是行为体或人物。", kind.label(lang))
            }
        }
    })
}

/// The fields of one item of `kind` at `at` (`nodes[2]`).
fn item_fields(kind: ListKind, at: &str, languages: Languages) -> AnyView {
    let f = |name: &str| format!("{at}.{name}");
    let ids_hint = ui(i18n::editor::IDS_HINT);
    match kind {
        // The label first, then its kind: Tab goes from the one to the other (trial 8 went
        // back with Shift+Tab to change a kind above the label). The id, made from the label,
        // after them.
        ListKind::Nodes => view! {
            {text_fields(at, "label", i18n::editor::LABEL, Need::Required, FieldKind::Line, languages)}
            <Field path=f("kind") label=ui(i18n::editor::KIND) kind=FieldKind::Choice(kinds)/>
            {text_fields(at, "summary", i18n::editor::SUMMARY, Need::Optional, FieldKind::Long, languages)}
            <Field path=f("id") label=ui(i18n::editor::ID) hint=ui(i18n::editor::ID_HINT)/>
            <Field path=f("group") label=optional(i18n::editor::GROUP_ID) suggest="edit-group-ids"/>
            {text_fields(at, "aliases", i18n::editor::ALIASES, Need::Optional, FieldKind::Line, languages)}
        }
        .into_any(),
        // The ends, then the relation, read back as the link's sentence under it, then the note:
        // a link drawn in the graph opens at its relation, and Tab goes on to the note (trial
        // 25 typed its note into "To (node)", which stood between them).
        ListKind::Links => view! {
            <Field path=f("source") label=ui(i18n::editor::LINK_FROM) kind=FieldKind::Node/>
            <Field path=f("target") label=ui(i18n::editor::LINK_TO) kind=FieldKind::Node/>
            <Field path=f("relation") label=ui(i18n::editor::RELATION) kind=FieldKind::Choice(relations)
                hint=link_sentence_hint()/>
            // The note before the basis, which few links change.
            {text_fields(at, "note", i18n::editor::NOTE, Need::Optional, FieldKind::Long, languages)}
            <Field path=f("basis") label=ui(i18n::editor::BASIS) kind=FieldKind::Choice(bases)/>
        }
        .into_any(),
        ListKind::Events => view! {
            <Field path=f("id") label=ui(i18n::editor::ID) hint=ui(i18n::editor::ID_HINT)/>
            <Field path=f("date") label=ui(i18n::DATE) hint=ui(i18n::editor::DATE_HINT)/>
            <Field path=f("actor") label=ui(i18n::editor::ACTOR) kind=FieldKind::Actor hint=actor_kind_hint()/>
            {text_fields(at, "title", i18n::editor::TITLE, Need::Required, FieldKind::Line, languages)}
            {text_fields(at, "summary", i18n::editor::SUMMARY, Need::Optional, FieldKind::Long, languages)}
            <Field path=f("nodes") label=ui(i18n::editor::ITEM_NODES) hint=ids_hint add_from=AddFrom::Nodes/>
        }
        .into_any(),
        ListKind::Tour => view! {
            <Field path=f("id") label=ui(i18n::editor::ID) hint=ui(i18n::editor::ID_HINT)/>
            {text_fields(at, "title", i18n::editor::TITLE, Need::Required, FieldKind::Line, languages)}
            {text_fields(at, "text", i18n::editor::STEP_TEXT, Need::Required, FieldKind::Long, languages)}
            <Field path=f("nodes") label=ui(i18n::editor::ITEM_NODES) hint=ids_hint add_from=AddFrom::Nodes/>
            <Field path=f("events") label=ui(i18n::editor::STEP_EVENTS) hint=ids_hint add_from=AddFrom::Events/>
            <Field path=f("reveal") label=ui(i18n::editor::REVEAL) kind=FieldKind::Choice(reveals)/>
            {text_fields(at, "notes", i18n::editor::SPEAKER_NOTES, Need::Optional, FieldKind::Long, languages)}
        }
        .into_any(),
        ListKind::Groups => view! {
            <Field path=f("id") label=ui(i18n::editor::ID) hint=ui(i18n::editor::ID_HINT)/>
            {text_fields(at, "label", i18n::editor::LABEL, Need::Required, FieldKind::Line, languages)}
        }
        .into_any(),
    }
}

/// What an item is called in its disclosure and its buttons: its label or title in the shown
/// language, else its id; a link by its ends' names (trial 9: link forms titled by long ids),
/// which only a link's name reads (and wakes when one changes).
fn item_name(
    kind: ListKind,
    item: &ItemForm,
    languages: Languages,
    lang: Lang,
    choices: Option<ItemChoices>,
) -> String {
    let shown = languages.shown(lang).code();
    let text = |field: &str| Some(item.field(&format!("{field}.{shown}"))).filter(|s| !s.is_empty());
    let name = match kind {
        ListKind::Nodes | ListKind::Groups => text("label"),
        ListKind::Events | ListKind::Tour => text("title"),
        ListKind::Links => {
            let relation = item.field("relation");
            let relation = Relation::parse(&relation).map_or(relation, |r| r.label(lang).to_string());
            let end = |field: &str| {
                let id = item.field(field);
                choices.and_then(|c| c.node_name(&id)).unwrap_or(id)
            };
            Some(format!("{} {relation} {}", end("source"), end("target")))
        }
    };
    name.or(Some(item.field("id")).filter(|s| !s.is_empty())).unwrap_or_else(|| "—".into())
}

/// The field a new item's form puts the keyboard in: what is written first. Not the id, which
/// is made from the name (a link has none: its first end).
pub fn first_field(kind: ListKind, languages: Languages) -> String {
    let source = languages.source.code();
    match kind {
        ListKind::Nodes | ListKind::Groups => format!("label.{source}"),
        ListKind::Tour => format!("title.{source}"),
        ListKind::Events => "date".to_string(),
        ListKind::Links => "source".to_string(),
    }
}

/// The list's heading and its add button's name.
pub(super) fn list_names(kind: ListKind) -> (i18n::Ui, i18n::Ui) {
    match kind {
        ListKind::Nodes => (i18n::editor::NODES_SECTION, i18n::editor::ADD_NODE),
        ListKind::Links => (i18n::editor::LINKS_SECTION, i18n::editor::ADD_LINK),
        ListKind::Events => (i18n::editor::EVENTS_SECTION, i18n::editor::ADD_EVENT),
        ListKind::Tour => (i18n::editor::TOUR_SECTION, i18n::editor::ADD_STEP),
        ListKind::Groups => (i18n::editor::GROUPS_SECTION, i18n::editor::ADD_GROUP),
    }
}

#[component]
pub fn ItemList(kind: ListKind) -> impl IntoView {
    let state = use_app();
    let editor = use_editor();
    let lang = state.lang;
    let key = kind.key();
    let count = Memo::new(move |_| editor.with_draft(|d| d.len(key)));
    let languages = Memo::new(move |_| editor.languages());
    let (heading, add_name) = list_names(kind);
    let choices = use_context::<ItemChoices>();
    let add_id = format!("edit-add-{key}");
    let add = move |_| {
        let index = count.get_untracked();
        // Only the new item open: the forms already made fold away, so the passages to cite
        // from stay near.
        close_open_items(editor);
        editor.edit(Edit::Add(kind));
        open_item(editor, &format!("{key}[{index}]"));
        focus_new_form(field_id(&format!("{key}[{index}].{}", first_field(kind, languages.get_untracked()))));
    };
    let item = move |i: usize| {
        let at = format!("{key}[{i}]");
        let form = ItemForm::provide(&at);
        let name = {
            let form = form.clone();
            Signal::derive(move || item_name(kind, &form, languages.get(), lang.get(), choices))
        };
        let problems = {
            let form = form.clone();
            move || form.problem_count()
        };
        let badge = move || match (problems(), lang.get()) {
            (0, _) => None,
            (n, Lang::En) => Some(format!("{n} to fix")),
            (n, Lang::Zh) => Some(format!("{n} 处待改")),
        };
        let remove_name = move || format!("{} {}", i18n::editor::REMOVE.get(lang.get()), name.get());
        let id = {
            let form = form.clone();
            move || {
                let id = form.field("id");
                let name = name.get();
                (!id.is_empty() && id != name).then(|| format!(" · {id}"))
            }
        };
        let add_after = format!("edit-add-{key}");
        let is_open = {
            let at = at.clone();
            Memo::new(move |_| editor.open_items.with(|open| open.contains(&at)))
        };
        // An item gone from the list (removed, undone) is forgotten as open: one that comes
        // back in its place (Redo) comes back folded, as a new form does.
        {
            let at = at.clone();
            on_cleanup(move || {
                if editor.open_items.try_with_untracked(|open| open.contains(&at)) == Some(true) {
                    editor.open_items.try_update(|open| open.remove(&at));
                }
            });
        }
        // A form's fields are drawn only while it is open: a reading of 130 nodes and their
        // links has some 350 forms, and drawing them all (over 20,000 elements) made every edit
        // restyle and lay out the whole page.
        let on_toggle = {
            let at = at.clone();
            move |ev: web_sys::Event| {
                let Some(details) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) else {
                    return;
                };
                if details.open() {
                    open_item(editor, &at);
                } else {
                    close_item(editor, &at);
                }
            }
        };
        // A click on the name (or Enter or Space on it) opens or folds the form through the
        // set, which draws its fields in the same task: the browser's own toggle would show
        // the form empty for a frame, until its toggle event arrived.
        let on_summary = {
            let at = at.clone();
            move |ev: web_sys::MouseEvent| {
                ev.prevent_default();
                if is_open.get_untracked() {
                    close_item(editor, &at);
                } else {
                    open_item(editor, &at);
                }
            }
        };
        let body = move || {
            is_open.get().then(|| {
                let add_after = add_after.clone();
                view! {
                    // First in a node's form: a node chosen in the graph opens its form here.
                    {(kind == ListKind::Nodes).then(|| view! { <DrawLinkButton at=at.clone() name=name/> })}
                    {item_fields(kind, &at, languages.get())}
                    {(kind == ListKind::Tour).then(|| view! { <super::present_step::PresentStep index=i name=name/> })}
                    {kind.cites().then(|| view! { <Cites item=at.clone() name=name/> })}
                    <button type="button" class="remove" aria-label=remove_name
                        on:click=move |_| {
                            editor.edit(Edit::Remove { list: key.to_string(), index: i });
                            // The items after it move up, each form open or folded as it
                            // was; the keyboard goes to the list's Add button, not to the
                            // next item's Remove.
                            editor.open_items.update(|open| items_after_removal(open, key, i));
                            show_field(add_after.clone(), true);
                        }>{move || i18n::editor::REMOVE.get(lang.get())}</button>
                }
            })
        };
        view! {
            <li>
                <details class="item" id=item_element_id(&format!("{key}[{i}]")) prop:open=is_open on:toggle=on_toggle>
                    <summary on:click=on_summary><span>{move || name.get()}</span><span class="item-id">{id}</span>" "<span class="badge">{badge}</span></summary>
                    {body}
                </details>
            </li>
        }
    };
    view! {
        <details class="editor-section" open=kind != ListKind::Groups>
            <summary><h3>{move || heading.get(lang.get())}</h3>{move || format!(" ({})", count.get())}</summary>
            <ol class="items">
                <For each=move || 0..count.get() key=|i| *i children=item/>
            </ol>
            <button type="button" class="add" id=add_id on:click=add>{move || add_name.get(lang.get())}</button>
        </details>
    }
}
