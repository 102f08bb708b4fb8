//! A reading being made in the app's editor: the data set's JSON as its author edits it, in any
//! state (an id not yet typed, a link to a node not yet made), the edits as pure operations on
//! it, and the history that undoes and redoes them.
//!
//! A draft is the data set itself, not a second format: the loader checks it as it checks any
//! file, and its problems' paths (`nodes[2].label.en`) are the paths of the form fields that
//! edit them, so each problem is shown at its field. A draft saved as a file is a data set file
//! (valid or not), and any data set file opens as a draft.

use crate::load::{is_kebab_id, load_data_set};
use crate::model::{Lang, Languages, Model, FORMAT};
use crate::problem::Problem;
use crate::quote::{blocks, is_verbatim, Passage};
use serde_json::{json, Map, Value};

/// The lists of a reading that hold items, in the order the editor shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    Nodes,
    Links,
    Events,
    Tour,
    Groups,
}

impl ListKind {
    pub const ALL: [ListKind; 5] =
        [ListKind::Nodes, ListKind::Links, ListKind::Events, ListKind::Tour, ListKind::Groups];

    /// The list's key in the data set (and the start of its items' paths).
    pub fn key(self) -> &'static str {
        match self {
            ListKind::Nodes => "nodes",
            ListKind::Links => "links",
            ListKind::Events => "events",
            ListKind::Tour => "tour",
            ListKind::Groups => "groups",
        }
    }

    /// Whether the list's items cite the source (a tour step and a group do not).
    pub fn cites(self) -> bool {
        matches!(self, ListKind::Nodes | ListKind::Links | ListKind::Events)
    }
}

/// One edit a form, a button or a selection makes.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Sets the field at `path` from the text a form holds. How the text becomes a value follows
    /// the field (see [`value_of_field`]); an empty text removes an optional part.
    Set { path: String, text: String },
    /// Appends a new, empty item to a list; its id is the first free `<kind>-<n>`.
    Add(ListKind),
    /// Removes the item at `index` of the list at `list` (`nodes`, `nodes[0].sources`).
    Remove { list: String, index: usize },
    /// Cites a passage on the item at `item` (`nodes[0]`, `argument.thesis`): appends a source.
    Cite { item: String, para: String, quote: String },
    /// Appends a new item of a list whose items cite (nodes, links, events) with the passage
    /// already cited: a node made from words selected in the text, as one step to undo. Refused
    /// as [`Edit::Cite`] refuses, and then nothing is added.
    AddCiting { kind: ListKind, para: String, quote: String },
    /// Appends a link from the node `source` to the node `target` (ids), of the relation of the
    /// list's last link, citing `citing` (a locator and its words) when given: a link drawn in
    /// the graph, from one node to the next, as one step to undo. Refused as [`Edit::Cite`]
    /// refuses, when it would link a node to itself or either end is no node of the draft, and
    /// then nothing is added.
    AddLink { source: String, target: String, citing: Option<(String, String)> },
    /// Replaces the source text with the passages of a pasted text (empty: no source text).
    SourceText(String),
}

/// Why an edit was not made; the draft is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The path names no field the draft can hold (`nodes[9]` of a list of three).
    NoSuchPlace(String),
    /// A cited quote is not in the passage its locator names.
    NotInPassage { para: String },
    /// A link drawn to or from a node the draft does not have (it was removed or renamed while
    /// the link was being drawn).
    NoSuchNode(String),
    /// A link drawn from a node to itself: choosing the node it starts from again is a slip, not
    /// a relation the author means.
    LinkToItself(String),
    /// A source text whose passages have their own locators (not the editor's `P1`, `P2`, …)
    /// has a passage without one after them: it would be left out. Its first words.
    PassageWithoutLocator { starts: String },
}

/// A text's Markdown heading, when its first line is one (`# Why farms stop`): its words,
/// without a closing run of `#` (`## Title ##`), which Markdown does not show either.
fn heading(text: &str) -> Option<String> {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let words = first.strip_prefix('#')?.trim_start_matches('#').trim();
    let open = words.trim_end_matches('#');
    let words = if open.len() < words.len() && (open.is_empty() || open.ends_with(char::is_whitespace)) {
        open.trim_end()
    } else {
        words
    };
    (!words.is_empty()).then(|| words.to_string())
}

/// The passages of a source text as the editor keeps them. A text without locators is numbered
/// `P1`, `P2`, …; a text with its own keeps them, and what stands above its first one (a title,
/// a byline) is not a passage. A passage without a locator after one that has one (a paragraph
/// added to the box, half a passage after a blank line typed into it) is never dropped: it
/// takes the next number when the locators are the editor's own `P` numbers, and is refused,
/// with its first words, when they are the author's (`p. 12`), which the editor cannot extend.
fn editor_passages(text: &str) -> Result<Vec<Passage>, EditError> {
    let blocks = blocks(text);
    let Some(first) = blocks.iter().position(|b| b.locator.is_some()) else {
        return Ok(blocks
            .into_iter()
            .enumerate()
            .map(|(i, b)| Passage { locator: format!("P{}", i + 1), text: b.text })
            .collect());
    };
    let p_number = |locator: &str| locator.strip_prefix('P').and_then(|n| n.parse::<u32>().ok());
    let numbered = blocks.iter().filter_map(|b| b.locator.as_deref()).all(|l| p_number(l).is_some());
    let mut next = blocks.iter().filter_map(|b| b.locator.as_deref().and_then(p_number)).max().unwrap_or(0);
    let mut passages = Vec::new();
    for block in blocks.into_iter().skip(first) {
        let locator = match block.locator {
            Some(locator) => locator,
            None if numbered => {
                next += 1;
                format!("P{next}")
            }
            None => {
                let starts: String = block.text.chars().take(40).collect();
                return Err(EditError::PassageWithoutLocator { starts });
            }
        };
        passages.push(Passage { locator, text: block.text });
    }
    Ok(passages)
}

/// A reading being made: the data set's JSON, whatever its state.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    value: Value,
}

/// One item of a draft (`nodes[2]`) as it was when read: an item's form reads its fields from
/// it, so an edit elsewhere in the draft leaves the form alone when the item is unchanged.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftItem {
    value: Option<Value>,
}

impl DraftItem {
    fn get(&self, path: &str) -> Option<&Value> {
        self.value.as_ref().and_then(|v| value_at(v, path))
    }

    /// The text a form shows for the field at `path` inside the item (`label.en`), as
    /// [`Draft::field`] shows it.
    pub fn field(&self, path: &str) -> String {
        field_text(path, self.get(path))
    }

    /// How many items the list at `path` inside the item has (`sources`).
    pub fn len(&self, path: &str) -> usize {
        list_len(self.get(path))
    }
}

/// Why a text cannot be opened as a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotADraft(pub String);

impl Draft {
    /// An empty reading in `languages`: the parts every reading has, with nothing in them yet.
    pub fn new(languages: Languages) -> Draft {
        let codes = languages.codes();
        let empty = blank_text(languages);
        Draft {
            value: json!({
                "format": FORMAT,
                "meta": {
                    "languages": codes,
                    "title": empty,
                    "author": empty,
                    "citation": empty,
                    "year": Value::Null,
                },
                "argument": { "thesis": { "text": empty, "nodes": [], "sources": [] }, "principles": [], "models": [] },
                "nodes": [],
                "links": [],
                "events": [],
                "tour": [],
            }),
        }
    }

    /// A draft from a file's text: a saved draft or any data set (valid or not), as long as it is
    /// a JSON object.
    pub fn from_text(text: &str) -> Result<Draft, NotADraft> {
        match serde_json::from_str::<Value>(text) {
            Ok(value @ Value::Object(_)) => Ok(Draft { value }),
            Ok(_) => Err(NotADraft("the file holds JSON, but not a reading (an object)".into())),
            Err(err) => Err(NotADraft(err.to_string())),
        }
    }

    /// The draft as a data set file.
    pub fn text(&self) -> String {
        serde_json::to_string_pretty(&self.value).unwrap_or_default()
    }

    pub fn value(&self) -> &Value {
        &self.value
    }

    /// The reading's languages, as far as the draft declares them (the default otherwise).
    pub fn languages(&self) -> Languages {
        let codes: Vec<Lang> = match self.value.pointer("/meta/languages") {
            Some(Value::Array(list)) => list.iter().filter_map(|v| v.as_str().and_then(Lang::parse)).collect(),
            _ => Vec::new(),
        };
        match codes.as_slice() {
            [source] => Languages { source: *source, second: None },
            [source, second] if source != second => Languages { source: *source, second: Some(*second) },
            _ => Languages::default(),
        }
    }

    /// The loader's verdict: the reading, or every problem with the path of its field.
    pub fn check(&self) -> Result<Model, Vec<Problem>> {
        load_data_set(&self.text())
    }

    /// The value at `path` (`nodes[0].label.en`), if the draft has one.
    pub fn get(&self, path: &str) -> Option<&Value> {
        value_at(&self.value, path)
    }

    /// The text a form shows for the field at `path`: a string as it is, a list of ids joined by
    /// spaces (aliases by semicolons), a number in digits, `yes`/`no` for a switch.
    pub fn field(&self, path: &str) -> String {
        match self.get(path) {
            // A reading that does not say its languages is in the default ones: its form says
            // which (a list showing nothing read as no language at all).
            None if path == "meta.languages" => self.languages().codes().join(" "),
            value => field_text(path, value),
        }
    }

    /// The item at `at` (`nodes[2]`) as it is now, for the form that shows it.
    pub fn item(&self, at: &str) -> DraftItem {
        DraftItem { value: self.get(at).cloned() }
    }

    /// How many items the list at `list` has.
    pub fn len(&self, list: &str) -> usize {
        list_len(self.get(list))
    }

    /// The source text's passages, as the draft carries them.
    pub fn passages(&self) -> Vec<Passage> {
        let Some(Value::Array(list)) = self.value.pointer("/source_text/paragraphs") else { return Vec::new() };
        list.iter()
            .filter_map(|p| {
                let locator = p.get("locator")?.as_str()?.to_string();
                let text = p.get("text")?.as_str()?.to_string();
                Some(Passage { locator, text })
            })
            .collect()
    }

    /// The ids of a list's items, in order (an item with no id yet gives "").
    pub fn ids(&self, kind: ListKind) -> Vec<String> {
        let n = self.len(kind.key());
        (0..n).map(|i| self.field(&format!("{}[{i}].id", kind.key()))).collect()
    }

    /// The draft with `edit` made, or why it cannot be.
    pub fn apply(&self, edit: &Edit) -> Result<Draft, EditError> {
        let mut value = self.value.clone();
        match edit {
            Edit::Set { path, text } if path == "meta.languages" => {
                let new = value_of_field(path, text);
                set(&mut value, path, new)?;
                let languages = Draft { value: value.clone() }.languages();
                retarget_languages(&mut value, languages);
            }
            Edit::Set { path, text } => {
                let mut new = value_of_field(path, text);
                // An optional text emptied in one language while another still has words is
                // half written: kept, empty, so the loader says "must not be empty" at this
                // field, not "add this field" under a field that says it is optional.
                let emptied_optional = new.is_none() && is_optional_text(path);
                let others_written = emptied_optional && other_languages_written(&value, path);
                if others_written {
                    new = Some(json!(""));
                }
                set(&mut value, path, new)?;
                // Emptied in its last language, the whole text goes.
                if let Some((text, _)) = path.rsplit_once('.').filter(|_| emptied_optional && !others_written) {
                    if value_at(&value, text).is_some() {
                        set(&mut value, text, None)?;
                    }
                }
                if path.ends_with(".translation.text") {
                    self.complete_translation(&mut value, path)?;
                }
                if let Some((kind, index, field)) = item_field(path) {
                    self.keep_ids_named(&mut value, kind, index, field, text)?;
                }
            }
            Edit::Add(kind) => {
                let item = self.new_item(*kind);
                list_at(&mut value, kind.key(), true)?.push(item);
            }
            Edit::Remove { list, index } => {
                let items = list_at(&mut value, list, false)?;
                if *index >= items.len() {
                    return Err(EditError::NoSuchPlace(format!("{list}[{index}]")));
                }
                items.remove(*index);
            }
            Edit::Cite { item, para, quote } => {
                // With a source text, a quote is verbatim text of its passage by construction;
                // without one (the teacher keeps the text out), any quote with a locator is taken,
                // as the loader takes it.
                let passages = self.passages();
                let verbatim = match passages.iter().find(|p| &p.locator == para) {
                    Some(passage) => is_verbatim(quote, &passage.text),
                    None => passages.is_empty() && !quote.trim().is_empty() && !para.trim().is_empty(),
                };
                if !verbatim {
                    return Err(EditError::NotInPassage { para: para.clone() });
                }
                let mut source = json!({ "para": para.trim(), "quote": quote.trim() });
                if let Some(second) = self.languages().second {
                    source["translation"] = json!({ "lang": second.code(), "text": "", "basis": "ours" });
                }
                list_at(&mut value, &format!("{item}.sources"), true)?.push(source);
            }
            Edit::AddCiting { kind, para, quote } => {
                let item = format!("{}[{}]", kind.key(), self.len(kind.key()));
                if !kind.cites() {
                    return Err(EditError::NoSuchPlace(format!("{item}.sources")));
                }
                let added = self.apply(&Edit::Add(*kind))?;
                return added.apply(&Edit::Cite { item, para: para.clone(), quote: quote.clone() });
            }
            Edit::AddLink { source, target, citing } => {
                let index = self.len(ListKind::Links.key());
                if source == target {
                    return Err(EditError::LinkToItself(source.clone()));
                }
                let nodes = self.ids(ListKind::Nodes);
                if let Some(unknown) = [source, target].into_iter().find(|id| !nodes.contains(id)) {
                    return Err(EditError::NoSuchNode(unknown.clone()));
                }
                let mut added = self.apply(&Edit::Add(ListKind::Links))?;
                for (end, id) in [("source", source), ("target", target)] {
                    added = added.apply(&Edit::Set { path: format!("links[{index}].{end}"), text: id.clone() })?;
                }
                return match citing {
                    Some((para, quote)) => added.apply(&Edit::Cite {
                        item: format!("links[{index}]"),
                        para: para.clone(),
                        quote: quote.clone(),
                    }),
                    None => Ok(added),
                };
            }
            Edit::SourceText(text) => {
                // A reading with no title yet takes the text's own heading (`# Title`, its first
                // line): one thing less to type, in the same step.
                let title = format!("meta.title.{}", self.languages().source.code());
                let untitled = value_at(&value, &title).and_then(Value::as_str).is_none_or(|t| t.trim().is_empty());
                if let Some(heading) = heading(text).filter(|_| untitled) {
                    set(&mut value, &title, Some(Value::String(heading)))?;
                }
                let Value::Object(top) = &mut value else { return Err(EditError::NoSuchPlace(String::new())) };
                let found = editor_passages(text)?;
                if found.is_empty() {
                    top.remove("source_text");
                } else {
                    let paragraphs: Vec<Value> =
                        found.into_iter().map(|p| json!({ "locator": p.locator, "text": p.text })).collect();
                    top.insert("source_text".into(), json!({ "paragraphs": paragraphs }));
                }
            }
        }
        Ok(Draft { value })
    }

    /// A translation's text was set: its language and basis are the reading's second language
    /// and "ours" unless the draft already says otherwise.
    fn complete_translation(&self, value: &mut Value, text_path: &str) -> Result<(), EditError> {
        let Some(second) = self.languages().second else { return Ok(()) };
        let base = text_path.trim_end_matches(".text");
        for (key, default) in [("lang", second.code()), ("basis", "ours")] {
            let path = format!("{base}.{key}");
            if value_at(value, &path).is_none() {
                set(value, &path, Some(Value::String(default.into())))?;
            }
        }
        Ok(())
    }

    /// After the field `field` of the item `index` of `kind` was set to `text`: a changed id
    /// is followed by every reference to it (a link's ends, an event's actor, a tour step's
    /// nodes, …), unless another item already has it (the loader then says so at the field);
    /// a node's label, an event's title or a group's label, written in the source language while
    /// its id is still the one the editor suggested (`node-3`), gives the item an id made from
    /// it (`shared-infrastructure`), so ids read as what they name where links are made.
    fn keep_ids_named(
        &self,
        value: &mut Value,
        kind: ListKind,
        index: usize,
        field: &str,
        text: &str,
    ) -> Result<(), EditError> {
        let id_path = format!("{}[{index}].id", kind.key());
        let old = self.field(&id_path);
        let ids = self.ids(kind);
        let held_by_another = |id: &str| ids.iter().enumerate().any(|(i, other)| i != index && other == id);
        let new = if field == "id" {
            value_at(value, &id_path).and_then(Value::as_str).unwrap_or_default().to_string()
        } else {
            let named = matches!(kind, ListKind::Nodes | ListKind::Events | ListKind::Tour | ListKind::Groups)
                && field == format!("{}.{}", name_field(kind), self.languages().source.code());
            if !named || !is_suggested_id(kind, &old) {
                return Ok(());
            }
            let Some(new) = id_from_name(text, held_by_another) else { return Ok(()) };
            set(value, &id_path, Some(Value::String(new.clone())))?;
            new
        };
        // References follow an id only from an item that was the one to have it, to an id no
        // other item has: mending a duplicate must not take the other item's references along.
        if !old.is_empty() && old != new && is_kebab_id(&new) && !held_by_another(&new) && !held_by_another(&old) {
            rename_references(value, kind, &old, &new);
        }
        Ok(())
    }

    /// A new item of `kind`: every field it needs, empty, and the first free id. A new node
    /// is of the kind of the list's last node, a new link of the relation of its last link
    /// (`concept` and `addresses` in an empty list): a text is mapped in runs (its threats, then
    /// the responses to them), and a teacher in a trial changed the fixed defaults for 18 of 20
    /// nodes and 20 of 21 links.
    fn new_item(&self, kind: ListKind) -> Value {
        let empty = blank_text(self.languages());
        let prefix = id_prefix(kind);
        let taken = self.ids(kind);
        let id = (1..).map(|n| format!("{prefix}-{n}")).find(|id| !taken.contains(id)).unwrap_or_default();
        // Only a value the loader knows is copied: a damaged one stays with its own item.
        let like_the_last = |field: &str, known: fn(&str) -> bool, default: &str| {
            let last = self.len(kind.key()).checked_sub(1);
            let value = last.map(|i| self.field(&format!("{}[{i}].{field}", kind.key()))).unwrap_or_default();
            if known(&value) {
                value
            } else {
                default.to_string()
            }
        };
        let node_kind = |code: &str| crate::model::NodeKind::parse(code).is_some();
        let relation = |code: &str| crate::model::Relation::parse(code).is_some();
        match kind {
            ListKind::Nodes => json!({
                "id": id, "kind": like_the_last("kind", node_kind, "concept"), "label": empty, "sources": []
            }),
            ListKind::Links => json!({
                "source": "", "relation": like_the_last("relation", relation, "addresses"), "target": "",
                "sources": []
            }),
            ListKind::Events => json!({
                "id": id, "date": "", "actor": "", "title": empty, "nodes": [], "sources": []
            }),
            ListKind::Tour => json!({ "id": id, "title": empty, "text": empty, "nodes": [], "events": [] }),
            ListKind::Groups => json!({ "id": id, "label": empty }),
        }
    }
}

/// An id made from an item's name: its ASCII words but English function words ("the", "of",
/// "a"), lower-case, joined by hyphens, at most about 24 characters (a list field of ids shows
/// two or three whole: trial 21's event ids of 33 and 38 characters from long titles were cut
/// off in a tour step's field; cut at 24 with its small words, trial 22's read as phrases cut
/// off, `board-publishes-a`); made unique with `-2`, `-3`, … against the ids `taken` says other items
/// have. `None` when the name has no such word (a Chinese label keeps the suggested id).
const ID_FROM_NAME_LENGTH: usize = 24;

/// English words an id made from a name leaves out.
const FUNCTION_WORDS: [&str; 22] = [
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "as", "is", "are", "its",
    "it", "into", "that", "this",
];

fn id_from_name(name: &str, taken: impl Fn(&str) -> bool) -> Option<String> {
    // An apostrophe is inside a word ("It's" is one word, "its"), not between two.
    let name: String = name.chars().filter(|c| !matches!(c, '\'' | '\u{2019}')).collect();
    let words: Vec<&str> = name.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    // A word in capitals ("IT", "US") is a name, not a function word.
    let function_word = |w: &str| {
        FUNCTION_WORDS.contains(&w.to_ascii_lowercase().as_str())
            && !(w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase()))
    };
    let content: Vec<&str> = words.iter().copied().filter(|w| !function_word(w)).collect();
    // A name of small words alone ("To be or not to be") keeps them.
    let words = if content.is_empty() { words } else { content };
    let mut base = String::new();
    for word in words {
        if !base.is_empty() && base.len() + 1 + word.len() > ID_FROM_NAME_LENGTH {
            break;
        }
        if !base.is_empty() {
            base.push('-');
        }
        base.push_str(&word.to_ascii_lowercase());
    }
    base.truncate(48);
    let base = base.trim_end_matches('-').to_string();
    // A name whose only ASCII is a number (`2008年危机`) says too little for an id.
    if !is_kebab_id(&base) || !base.bytes().any(|b| b.is_ascii_lowercase()) {
        return None;
    }
    std::iter::once(base.clone()).chain((2..).map(|n| format!("{base}-{n}"))).find(|id| !taken(id))
}

/// The start of the ids the editor suggests for a new item (`node-1`).
fn id_prefix(kind: ListKind) -> &'static str {
    match kind {
        ListKind::Nodes => "node",
        ListKind::Links => "link",
        ListKind::Events => "event",
        ListKind::Tour => "step",
        ListKind::Groups => "group",
    }
}

/// Whether `id` is one the editor suggested for an item of `kind` (`node-3`), or none yet.
fn is_suggested_id(kind: ListKind, id: &str) -> bool {
    id.is_empty()
        || id
            .strip_prefix(id_prefix(kind))
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The text an item of `kind` is called by: a node's and a group's label, an event's and a tour
/// step's title.
fn name_field(kind: ListKind) -> &'static str {
    match kind {
        ListKind::Events | ListKind::Tour => "title",
        _ => "label",
    }
}

/// `nodes[3].label.en` → the nodes, 3, `label.en`: an item's field, when the path names one.
fn item_field(path: &str) -> Option<(ListKind, usize, &str)> {
    let (list, rest) = path.split_once('[')?;
    let (index, field) = rest.split_once("].")?;
    let kind = ListKind::ALL.into_iter().find(|k| k.key() == list)?;
    Some((kind, index.parse().ok()?, field))
}

/// Where a data set names the items of a list by id: the object (a JSON pointer), whether it is
/// a list whose every item names them, and the field that does.
fn reference_places(kind: ListKind) -> &'static [(&'static str, bool, &'static str)] {
    match kind {
        ListKind::Nodes => &[
            ("/links", true, "source"),
            ("/links", true, "target"),
            ("/events", true, "actor"),
            ("/events", true, "nodes"),
            ("/tour", true, "nodes"),
            ("/argument/thesis", false, "nodes"),
            ("/argument", false, "principles"),
            ("/argument", false, "models"),
        ],
        ListKind::Events => &[("/tour", true, "events")],
        ListKind::Groups => &[("/nodes", true, "group"), ("/stages", true, "groups")],
        ListKind::Links | ListKind::Tour => &[],
    }
}

/// Every reference to the item `old` of `kind` names `new` instead.
fn rename_references(value: &mut Value, kind: ListKind, old: &str, new: &str) {
    fn rename(at: Option<&mut Value>, old: &str, new: &str) {
        match at {
            Some(Value::String(id)) if id == old => *id = new.to_string(),
            Some(Value::Array(ids)) => ids.iter_mut().for_each(|id| rename(Some(id), old, new)),
            _ => {}
        }
    }
    for (pointer, each, field) in reference_places(kind) {
        match value.pointer_mut(pointer) {
            Some(Value::Array(items)) if *each => {
                items.iter_mut().for_each(|item| rename(item.get_mut(*field), old, new));
            }
            Some(object) if !*each => rename(object.get_mut(*field), old, new),
            _ => {}
        }
    }
}

/// What a preview writes where the draft has nothing yet.
pub const PLACEHOLDER: &str = "…";

/// Whether the text the language `path` names (`nodes[0].summary.zh`) belongs to has words in
/// another language.
fn other_languages_written(value: &Value, path: &str) -> bool {
    let Some((text, lang)) = path.rsplit_once('.') else { return false };
    value_at(value, text)
        .and_then(Value::as_object)
        .is_some_and(|t| t.iter().any(|(l, v)| l != lang && v.as_str().is_some_and(|s| !s.trim().is_empty())))
}

/// Whether the text field a path inside (`nodes[0].summary.en`) may be left out in every
/// language (see [`is_optional_text_field`]).
fn is_optional_text(path: &str) -> bool {
    path.rsplit_once('.').is_some_and(|(text, _)| is_optional_text_field(text))
}

/// Whether the text at `path` (`nodes[0].summary`) may be left out in every language: a tour
/// step's speaker notes, a node's or an event's summary, a link's note, the reading's author
/// (not an outside date's note, which says where the date comes from). The editor and the CSV
/// import leave such a text out when it is emptied.
pub fn is_optional_text_field(path: &str) -> bool {
    let mut parts = path.rsplit('.');
    let (field, item) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let in_item = |list: &str| item.strip_prefix(list).is_some_and(|rest| rest.starts_with('['));
    match field {
        "notes" => true,
        "author" => item == "meta",
        "summary" => in_item("nodes") || in_item("events"),
        "note" => in_item("links"),
        _ => false,
    }
}

/// The lists of items at the top of a data set.
const ITEM_LISTS: [&str; 6] = ["nodes", "links", "events", "tour", "groups", "stages"];

/// Text fields of items and of the reading (objects with one string per language).
const TEXT_FIELDS: [&str; 8] = ["title", "author", "citation", "label", "summary", "text", "note", "notes"];

impl Draft {
    /// What the draft can already show while it has problems: a copy that loads, with
    /// [`PLACEHOLDER`] for texts, quotes and translations not written yet (a label not written
    /// shows its item's id), without the items whose problems a placeholder cannot mend (a bad
    /// id, a link to a node that does not exist) or the ids in lists that name nothing. Never
    /// published or saved: the views show it, the editor lists the problems. The source text
    /// is left out, so the placeholders are not checked as quotes. `None` when the reading
    /// itself cannot be read (not a data set, languages not understood).
    pub fn preview(&self) -> Option<Model> {
        let mut value = self.value.clone();
        if let Value::Object(top) = &mut value {
            top.remove("source_text");
        }
        let languages = self.languages();
        // Each round mends what the loader reported; what it then reports is new (a removed
        // node's links), so a few rounds settle.
        for _ in 0..8 {
            let problems = match load_data_set(&serde_json::to_string(&value).unwrap_or_default()) {
                Ok(model) => return Some(model),
                Err(problems) => problems,
            };
            let before = value.clone();
            let mut removals: Vec<(String, usize)> = Vec::new();
            for problem in &problems {
                if !mend(&mut value, problem, languages, &mut removals) {
                    return None;
                }
            }
            removals.sort();
            removals.dedup();
            for (list, index) in removals.into_iter().rev() {
                if let Ok(items) = list_at(&mut value, &list, false) {
                    if index < items.len() {
                        items.remove(index);
                    }
                }
            }
            if value == before {
                return None;
            }
        }
        None
    }
}

/// Mends `problem` in a preview's `value` with a placeholder, or marks what to remove; false
/// when it cannot be mended.
fn mend(value: &mut Value, problem: &Problem, languages: Languages, removals: &mut Vec<(String, usize)>) -> bool {
    use crate::problem::ProblemKind::*;
    let path = problem.path.as_str();
    let Some(steps) = parse_path(path) else { return false };
    let last_key = match steps.last() {
        Some(PathPart::Key(key)) => Some(*key),
        _ => None,
    };
    let placeholder_text = || {
        let map: Map<String, Value> =
            languages.codes().into_iter().map(|code| (code.to_string(), json!(PLACEHOLDER))).collect();
        Value::Object(map)
    };
    // A string inside a translation or an official title (its `text`, `note`) is one string,
    // not a text per language.
    let plain_string = path.contains(".translation.") || path.contains(".official_title.");
    let mended = match (&problem.kind, last_key) {
        // A text in a language the reading no longer has is dropped from the preview.
        (UndeclaredLang { .. }, _) => set(value, path, None).is_ok(),
        (EmptyText | Missing | WrongType { .. }, Some(_)) if plain_string => {
            set(value, path, Some(json!(PLACEHOLDER))).is_ok()
        }
        (EmptyText | Missing, Some("zh" | "en")) => {
            // A label not written yet shows its item's id.
            let item = path.rsplitn(3, '.').nth(2).unwrap_or("");
            let id = value_at(value, &format!("{item}.id")).and_then(Value::as_str).map(str::to_string);
            let label = path.rsplit('.').nth(1) == Some("label");
            let text = id.filter(|id| label && !id.is_empty()).unwrap_or_else(|| PLACEHOLDER.to_string());
            set(value, path, Some(json!(text))).is_ok()
        }
        (EmptyText, _) => set(value, path, Some(json!(PLACEHOLDER))).is_ok(),
        (Missing | WrongType { .. }, Some(key)) if TEXT_FIELDS.contains(&key) => {
            set(value, path, Some(placeholder_text())).is_ok()
        }
        (Missing | WrongType { .. }, Some("year")) => set(value, path, Some(json!(0))).is_ok(),
        (NoSources, _) => set(value, path, Some(json!([{ "para": PLACEHOLDER, "quote": PLACEHOLDER }]))).is_ok(),
        // A link the text does not state, its note not written yet.
        (NoReadingNote, _) => set(value, path, Some(placeholder_text())).is_ok(),
        (NoTranslation { lang }, _) => {
            set(value, path, Some(json!({ "lang": lang.code(), "text": PLACEHOLDER, "basis": "ours" }))).is_ok()
        }
        _ => false,
    };
    if mended {
        return true;
    }
    // An id in a list of ids that names nothing (a tour step's nodes) goes from the list.
    if let (Some(PathPart::Index(i)), Some(list)) = (steps.last(), path.rfind('[').map(|at| &path[..at])) {
        if !ITEM_LISTS.contains(&list) {
            removals.push((list.to_string(), *i));
            return true;
        }
    }
    // Anything else inside an item removes the item.
    match steps.as_slice() {
        [PathPart::Key(list), PathPart::Index(i), ..] if ITEM_LISTS.contains(list) => {
            removals.push((list.to_string(), *i));
            true
        }
        _ => false,
    }
}

/// After the reading's languages changed: every text keeps the languages the reading has (a
/// dropped language's strings go, a new one's are added empty, to be written at their fields),
/// and every quote's translation is into the new second language, or goes with it. One edit,
/// undone as one.
fn retarget_languages(value: &mut Value, languages: Languages) {
    let codes = languages.codes();
    match value {
        Value::Object(map) => {
            let is_text = !map.is_empty()
                && map.iter().all(|(k, v)| matches!(k.as_str(), "zh" | "en") && (v.is_string() || v.is_array()));
            if is_text {
                let strings = map.values().all(Value::is_string);
                map.retain(|k, _| codes.contains(&k.as_str()));
                if strings {
                    for code in &codes {
                        map.entry(code.to_string()).or_insert_with(|| json!(""));
                    }
                }
                return;
            }
            if map.contains_key("quote") && map.contains_key("para") {
                match languages.second {
                    None => {
                        map.remove("translation");
                    }
                    Some(second) => match map.get_mut("translation") {
                        Some(Value::Object(t)) => {
                            t.insert("lang".into(), json!(second.code()));
                        }
                        _ => {
                            map.insert(
                                "translation".into(),
                                json!({ "lang": second.code(), "text": "", "basis": "ours" }),
                            );
                        }
                    },
                }
            }
            for (key, child) in map.iter_mut() {
                // The reading's own declaration and the carried source text are not texts.
                if key != "source_text" && key != "languages" {
                    retarget_languages(child, languages);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| retarget_languages(item, languages)),
        _ => {}
    }
}

/// A text with an empty string in each of the reading's languages.
fn blank_text(languages: Languages) -> Value {
    let map: Map<String, Value> =
        languages.codes().into_iter().map(|code| (code.to_string(), Value::String(String::new()))).collect();
    Value::Object(map)
}

/// One step of a path: a key of an object or an index of a list.
#[derive(Debug, PartialEq)]
enum PathPart<'a> {
    Key(&'a str),
    Index(usize),
}

/// `nodes[2].label.en` as steps; `None` for a path that is not one.
fn parse_path(path: &str) -> Option<Vec<PathPart<'_>>> {
    let mut steps = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            steps.push(PathPart::Key(key));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let end = inner.find(']')?;
            steps.push(PathPart::Index(inner[..end].parse().ok()?));
            rest = &inner[end + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(steps)
}

/// The text a form shows for the field at `path` whose value is `value` (see [`Draft::field`]).
fn field_text(path: &str, value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => if *b { "yes" } else { "no" }.to_string(),
        Some(Value::Array(list)) => {
            let items: Vec<&str> = list.iter().filter_map(Value::as_str).collect();
            items.join(if is_alias_path(path) { "; " } else { " " })
        }
        _ => String::new(),
    }
}

/// How many items a list has (none when `value` is not a list).
fn list_len(value: Option<&Value>) -> usize {
    value.and_then(Value::as_array).map_or(0, Vec::len)
}

/// The value at `path` in `value`.
fn value_at<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    let mut at = value;
    for step in parse_path(path)? {
        at = match step {
            PathPart::Key(key) => at.get(key)?,
            PathPart::Index(i) => at.get(i)?,
        };
    }
    Some(at)
}

/// Whether `path` is a node's aliases in one language (`nodes[0].aliases.en`), a list kept with
/// semicolons because a name may have spaces.
fn is_alias_path(path: &str) -> bool {
    path.rsplit('.').nth(1) == Some("aliases")
}

/// The ids a form's text of an id list holds (split at spaces, commas or semicolons, as
/// [`value_of_field`] reads it).
pub fn ids_in_text(text: &str) -> Vec<&str> {
    text.split([' ', ',', ';', '\t', '\n']).map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// The text of an id list with `id` added at its end, written as the form writes lists (ids
/// apart by one space); the same text when the list has `id` already.
pub fn id_list_with(text: &str, id: &str) -> String {
    let mut ids = ids_in_text(text);
    if !ids.contains(&id) {
        ids.push(id);
    }
    ids.join(" ")
}

/// The value the form's `text` makes for the field at `path`: id lists (`nodes`, `events`,
/// `principles`, `models`, `languages`) split at spaces, commas or semicolons; aliases at
/// semicolons; `year` a whole number when it is one; `reveal` a switch; anything else the
/// text. An empty text removes the field (`None`), except a list, which becomes empty.
pub fn value_of_field(path: &str, text: &str) -> Option<Value> {
    let text = text.trim();
    let last = path.rsplit('.').next().unwrap_or(path);
    let ids = |sep: &[char]| -> Value {
        Value::Array(text.split(sep).map(str::trim).filter(|s| !s.is_empty()).map(|s| json!(s)).collect())
    };
    if is_alias_path(path) {
        return (!text.is_empty()).then(|| ids(&[';']));
    }
    // A text that must be written stays, empty, so the loader says so at its own field; an
    // optional one (a summary, a link's note, speaker notes) goes.
    if matches!(last, "zh" | "en") && text.is_empty() {
        return (!is_optional_text(path)).then(|| json!(""));
    }
    match last {
        "nodes" | "events" | "principles" | "models" | "languages" => Some(ids(&[' ', ',', ';', '\n'])),
        _ if text.is_empty() => None,
        "year" => Some(text.parse::<i64>().map_or_else(|_| json!(text), |y| json!(y))),
        "reveal" => Some(match text.to_ascii_lowercase().as_str() {
            "yes" | "true" | "1" | "是" => json!(true),
            "no" | "false" | "0" | "否" => json!(false),
            _ => json!(text),
        }),
        _ => Some(json!(text)),
    }
}

/// Sets (or with `None` removes) the value at `path`, making the objects on the way; a removal
/// that leaves an object empty removes it too (an empty `note` is no note).
fn set(value: &mut Value, path: &str, new: Option<Value>) -> Result<(), EditError> {
    let steps = parse_path(path).ok_or_else(|| EditError::NoSuchPlace(path.to_string()))?;
    let Some((last, parents)) = steps.split_last() else { return Err(EditError::NoSuchPlace(path.to_string())) };
    let mut at = &mut *value;
    for step in parents {
        at = step_into(at, step, true).ok_or_else(|| EditError::NoSuchPlace(path.to_string()))?;
    }
    match (last, new) {
        (PathPart::Key(key), Some(new)) => {
            at.as_object_mut().ok_or_else(|| EditError::NoSuchPlace(path.to_string()))?.insert(key.to_string(), new);
        }
        (PathPart::Key(key), None) => {
            if let Some(map) = at.as_object_mut() {
                map.remove(*key);
            }
            prune(value, &steps[..steps.len() - 1]);
        }
        (PathPart::Index(i), new) => {
            let slot = at.get_mut(*i).ok_or_else(|| EditError::NoSuchPlace(path.to_string()))?;
            *slot = new.unwrap_or(Value::Null);
        }
    }
    Ok(())
}

/// Removes the object at `steps` (and its parents in turn) when a removal left it empty; lists
/// and the top are kept.
fn prune(value: &mut Value, steps: &[PathPart]) {
    let Some((PathPart::Key(key), parents)) = steps.split_last() else { return };
    let mut at = &mut *value;
    for step in parents {
        match step_into(at, step, false) {
            Some(next) => at = next,
            None => return,
        }
    }
    let empty = at.get(*key).and_then(Value::as_object).is_some_and(Map::is_empty);
    if empty {
        if let Some(map) = at.as_object_mut() {
            map.remove(*key);
        }
        prune(value, parents);
    }
}

/// The value one step down; with `make`, a missing key becomes an empty object.
fn step_into<'v>(at: &'v mut Value, step: &PathPart, make: bool) -> Option<&'v mut Value> {
    match step {
        PathPart::Key(key) => {
            let map = at.as_object_mut()?;
            // Only what is not there is made: a value of another kind (a damaged file) is not
            // thrown away by an edit.
            if make && map.get(*key).is_none_or(Value::is_null) {
                map.insert(key.to_string(), Value::Object(Map::new()));
            }
            map.get_mut(*key)
        }
        PathPart::Index(i) => at.get_mut(*i),
    }
}

/// The list at `path`; with `make`, a missing (or non-list) value becomes an empty list.
fn list_at<'v>(value: &'v mut Value, path: &str, make: bool) -> Result<&'v mut Vec<Value>, EditError> {
    let no_place = || EditError::NoSuchPlace(path.to_string());
    let steps = parse_path(path).ok_or_else(no_place)?;
    let Some((last, parents)) = steps.split_last() else { return Err(no_place()) };
    let mut at = value;
    for step in parents {
        at = step_into(at, step, make).ok_or_else(no_place)?;
    }
    let PathPart::Key(key) = last else { return Err(no_place()) };
    let map = at.as_object_mut().ok_or_else(no_place)?;
    if make && map.get(*key).is_none_or(Value::is_null) {
        map.insert(key.to_string(), Value::Array(Vec::new()));
    }
    map.get_mut(*key).and_then(Value::as_array_mut).ok_or_else(no_place)
}

/// A draft with its past and future: every edit made can be undone, every undo redone until
/// the next edit.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    now: Draft,
    /// Each draft before, with what took it to the next one.
    past: Vec<(Draft, Step)>,
    /// Each draft undone, with what took the one before it there.
    future: Vec<(Draft, Step)>,
    /// The choice field (`links[0].target`) the last step set, while no other step came after:
    /// a list chosen again and again in a row is one step (see [`is_choice_path`]).
    last_choice: Option<String>,
}

/// What one step of the history was: an edit of the draft, or another reading put in its place.
/// Undoing or redoing a reading's step changes what the views show as a whole (their pins, for
/// one, belong to the reading left).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Edit,
    Reading,
}

/// How many edits can be undone; older ones are forgotten.
pub const UNDO_DEPTH: usize = 200;

impl History {
    pub fn new(draft: Draft) -> History {
        History { now: draft, past: Vec::new(), future: Vec::new(), last_choice: None }
    }

    pub fn now(&self) -> &Draft {
        &self.now
    }

    /// Makes `edit`. An edit that changes nothing (a field committed unchanged) is not a step to
    /// undo.
    pub fn apply(&mut self, edit: &Edit) -> Result<(), EditError> {
        self.apply_telling_id(edit).map(|_| ())
    }

    /// Makes `edit`, as [`History::apply`], and tells the id it gave an item from its name
    /// ([`id_given_by`]), read before the draft it started from is put away.
    pub fn apply_telling_id(&mut self, edit: &Edit) -> Result<Option<String>, EditError> {
        let choice = match edit {
            Edit::Set { path, .. } if is_choice_path(path) => Some(path.clone()),
            _ => None,
        };
        let next = match self.now.apply(edit) {
            Ok(next) => next,
            Err(err) => {
                // Something else was tried between two choices of a list: they are two steps.
                self.last_choice = None;
                return Err(err);
            }
        };
        let given = id_given_by(edit, &self.now, &next);
        if next == self.now {
            if choice != self.last_choice {
                self.last_choice = None;
            }
            return Ok(given);
        }
        if choice.is_some() && choice == self.last_choice {
            // The same list again (a keyboard going through it commits each option passed):
            // the step it made now ends here, or is gone if it is back where it started.
            if self.past.last().is_some_and(|(before, _)| *before == next) {
                self.past.pop();
                self.last_choice = None;
            }
            self.now = next;
        } else {
            self.push(next, Step::Edit);
            self.last_choice = choice;
        }
        Ok(given)
    }

    /// Puts another draft in place (a new reading, a reading to edit, a draft file opened): one
    /// step, undone like an edit.
    pub fn start(&mut self, draft: Draft) {
        self.push(draft, Step::Reading);
    }

    fn push(&mut self, next: Draft, step: Step) {
        self.last_choice = None;
        if next != self.now {
            self.past.push((std::mem::replace(&mut self.now, next), step));
            if self.past.len() > UNDO_DEPTH {
                self.past.remove(0);
            }
            self.future.clear();
        }
    }

    /// Steps back one step: which kind it was, or `None` when there is none.
    pub fn undo(&mut self) -> Option<Step> {
        self.last_choice = None;
        let (before, step) = self.past.pop()?;
        self.future.push((std::mem::replace(&mut self.now, before), step));
        Some(step)
    }

    /// Makes the last undone step again: which kind it was, or `None` when there is none.
    pub fn redo(&mut self) -> Option<Step> {
        self.last_choice = None;
        let (after, step) = self.future.pop()?;
        self.past.push((std::mem::replace(&mut self.now, after), step));
        Some(step)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

/// Whether the field at `path` is chosen from a list in an item's form (a node's kind, a link's
/// relation, basis and ends, an event's actor, a step's reveal): a list set again and again in
/// a row is one step to undo, since a keyboard going through a closed list commits each option
/// it passes. Not the reading's languages: each change of them reshapes every text, a step of
/// its own.
pub fn is_choice_path(path: &str) -> bool {
    let Some((item, field)) = path.split_once("].") else { return false };
    matches!(
        (item.split('[').next().unwrap_or(""), field),
        ("nodes", "kind")
            | ("links", "relation" | "basis" | "source" | "target")
            | ("events", "actor")
            | ("tour", "reveal")
    )
}

/// The node and language of a node's label field (`nodes[2].label.en`), or `None` for any
/// other path: the one field the graph shows as it is typed.
pub fn node_label_at(path: &str) -> Option<(usize, Lang)> {
    match parse_path(path)?.as_slice() {
        [PathPart::Key("nodes"), PathPart::Index(i), PathPart::Key("label"), PathPart::Key(lang)] => {
            Some((*i, Lang::parse(lang)?))
        }
        _ => None,
    }
}

/// The id an edit of one of an item's other fields gave it: writing a node's label while its
/// id is still the suggested `node-3` makes `regional-water-board`. The editor says it, since
/// the author did not type it and links will name it. `None` for any other edit.
pub fn id_given_by(edit: &Edit, before: &Draft, after: &Draft) -> Option<String> {
    let Edit::Set { path, .. } = edit else { return None };
    let item = &path[..path.find(']')? + 1];
    if &path[item.len()..] == ".id" {
        return None;
    }
    let id_path = format!("{item}.id");
    let (old, new) = (before.field(&id_path), after.field(&id_path));
    (old != new && !new.is_empty()).then_some(new)
}

/// Items named by their place (`nodes[3]`, the editor's open forms) after the item `index` of
/// the list `list` was removed: it is gone, and the items after it move up one place.
pub fn items_after_removal(items: &mut std::collections::BTreeSet<String>, list: &str, index: usize) {
    let place = |at: &str| at.strip_prefix(list)?.strip_prefix('[')?.strip_suffix(']')?.parse::<usize>().ok();
    let moved: Vec<usize> = items.iter().filter_map(|at| place(at)).filter(|&i| i >= index).collect();
    for &i in &moved {
        items.remove(&format!("{list}[{i}]"));
    }
    for i in moved.into_iter().filter(|&i| i > index) {
        items.insert(format!("{list}[{}]", i - 1));
    }
}

/// The item of a list the first problem of an item belongs to, in the order the editor's forms
/// show them (nodes, links, events, tour steps, groups; each list in its order): the item to
/// open when the author asks for the first problem and the reading's own fields have none.
pub fn first_item_with_problem(problems: &[Problem]) -> Option<(ListKind, usize)> {
    problems
        .iter()
        .filter_map(|p| {
            let (list, rest) = p.path.split_once('[')?;
            let index = rest.split_once(']')?.0.parse().ok()?;
            let kind = ListKind::ALL.into_iter().position(|k| k.key() == list)?;
            Some((kind, index))
        })
        .min()
        .map(|(kind, index)| (ListKind::ALL[kind], index))
}

/// The problems that belong to the field at `path`: those at it or inside it (a problem at
/// `nodes[0].label.en` belongs to the field `nodes[0].label.en` and to the item `nodes[0]`).
pub fn problems_at<'p>(problems: &'p [Problem], path: &str) -> Vec<&'p Problem> {
    problems
        .iter()
        .filter(|p| {
            p.path == path
                || (p.path.starts_with(path) && matches!(p.path.as_bytes().get(path.len()), Some(b'.' | b'[')))
        })
        .collect()
}

/// The problems a form shows under the field at `path`: those at it or inside it, and for a
/// text in one language (`label.en`) also its whole text missing (`label`), which no field of
/// its own shows.
pub fn problems_of_field<'p>(problems: &'p [Problem], path: &str) -> Vec<&'p Problem> {
    let whole_text = path.rsplit_once('.').filter(|(_, last)| matches!(*last, "zh" | "en")).map(|(p, _)| p);
    problems
        .iter()
        .filter(|p| whole_text.is_some_and(|whole| p.path == whole))
        .chain(problems_at(problems, path))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_label_at_names_only_a_node_label_field() {
        let cases: [(&str, Option<(usize, Lang)>); 7] = [
            ("nodes[2].label.en", Some((2, Lang::En))),
            ("nodes[0].label.zh", Some((0, Lang::Zh))),
            ("nodes[2].label.fr", None),
            ("nodes[2].summary.en", None),
            ("events[1].label.en", None),
            ("nodes[x].label.en", None),
            ("nodes[2].label", None),
        ];
        for (path, want) in cases {
            assert_eq!(node_label_at(path), want, "{path}");
        }
    }

    #[test]
    fn paths_parse_to_steps() {
        let check = |path: &str, want: Option<Vec<PathPart>>| assert_eq!(parse_path(path), want, "{path}");
        check(
            "nodes[2].label.en",
            Some(vec![PathPart::Key("nodes"), PathPart::Index(2), PathPart::Key("label"), PathPart::Key("en")]),
        );
        check("meta.title", Some(vec![PathPart::Key("meta"), PathPart::Key("title")]));
        check(
            "source_text.paragraphs[0]",
            Some(vec![PathPart::Key("source_text"), PathPart::Key("paragraphs"), PathPart::Index(0)]),
        );
        check("nodes[x]", None);
        check("nodes[1", None);
        check("nodes[1]x", None);
    }
}
