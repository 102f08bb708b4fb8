//! The loader: the only place that knows JSON. It reads a data set's text, checks every
//! invariant of [`Model`] and returns either the model or every problem it found, each with the
//! path to the bad value (`links[12].target: no node "ai-risk"`).
//!
//! It never panics, whatever the bytes (property-tested in `tests/load_props.rs`). A reading that
//! carries its source text (`source_text`) has every quote checked against it here
//! ([`crate::quote`]); the built-in reading does not carry the article, and the project's CI
//! checks its quotes with `shared/tools/check_quotes.py`.

use crate::model::*;
use crate::problem::{Problem, ProblemKind};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// The limits a data set must keep, so that no input can exhaust the page.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub max_bytes: usize,
    pub max_nodes: usize,
    pub max_links: usize,
    pub max_events: usize,
    pub max_tour_steps: usize,
    pub max_sources: usize,
    /// Labels, titles, ids.
    pub max_short_chars: usize,
    /// Summaries, notes, quotes, tour texts.
    pub max_long_chars: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 4 * 1024 * 1024,
            max_nodes: 5_000,
            max_links: 20_000,
            max_events: 2_000,
            max_tour_steps: 200,
            max_sources: 50,
            max_short_chars: 200,
            max_long_chars: 4_000,
        }
    }
}

/// Reads and validates a data set with the default [`Limits`].
pub fn load_data_set(text: &str) -> Result<Model, Vec<Problem>> {
    load_data_set_with(text, &Limits::default())
}

/// Reads and validates a data set. On failure, every problem found is returned, in file order
/// where possible.
pub fn load_data_set_with(text: &str, limits: &Limits) -> Result<Model, Vec<Problem>> {
    if text.len() > limits.max_bytes {
        return Err(vec![Problem::new("", ProblemKind::FileTooLarge { bytes: text.len(), limit: limits.max_bytes })]);
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(err) => {
            let detail = err.to_string();
            // serde_json appends " at line L column C"; keep only the reason.
            let detail = detail.split(" at line ").next().unwrap_or("").to_string();
            return Err(vec![Problem::new(
                "",
                ProblemKind::NotJson { line: err.line(), column: err.column(), detail },
            )]);
        }
    };
    let mut reader = Reader {
        problems: Vec::new(),
        limits: *limits,
        nodes_unreadable: false,
        languages: Languages::default(),
        source_text: None,
    };
    let model = reader.data_set(&value);
    match model {
        Some(model) if reader.problems.is_empty() => Ok(model),
        _ => Err(reader.problems),
    }
}

struct Reader {
    problems: Vec<Problem>,
    limits: Limits,
    /// The node list itself could not be read: references to nodes are then not checked, so
    /// one problem is not followed by a problem for every reference.
    nodes_unreadable: bool,
    /// The reading's languages, read first: every text is checked against them.
    languages: Languages,
    /// The source text, read before anything that quotes it; `None` when the reading does not
    /// carry it (or it could not be read: its problems are reported, quotes then go unchecked).
    source_text: Option<SourceText>,
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// `true` for ids like `ai-risk`, `us-ncs-2023`: lower-case ASCII letters and digits in
/// hyphen-separated runs.
pub fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting months and days that do not exist.
pub fn parse_date(text: &str) -> Option<EventDate> {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize| -> Option<u32> {
        if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    let year = number(parts.first()?, 4)? as i32;
    let month = match parts.get(1) {
        Some(m) => Some(number(m, 2).filter(|m| (1..=12).contains(m))?),
        None => None,
    };
    let day = match parts.get(2) {
        Some(d) => {
            let d = number(d, 2)?;
            let last = days_in_month(year, month?);
            Some(Some(d).filter(|d| (1..=last).contains(d))?)
        }
        None => None,
    };
    if parts.len() > 3 {
        return None;
    }
    Some(EventDate { year, month, day })
}

/// The number of days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// The longest locator: a paragraph id, a page, a section number, a short heading.
const MAX_LOCATOR_CHARS: usize = 40;

/// The most passages a carried source text may have.
const MAX_SOURCE_PARAGRAPHS: usize = 5_000;

impl Reader {
    fn problem(&mut self, path: &str, kind: ProblemKind) {
        self.problems.push(Problem::new(path, kind));
    }

    fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(map) => Some(map),
            other => {
                self.problem(path, ProblemKind::WrongType { expected: "an object", found: type_name(other) });
                None
            }
        }
    }

    fn field<'v>(&mut self, map: &'v Map<String, Value>, path: &str, key: &str) -> Option<&'v Value> {
        match map.get(key) {
            Some(value) => Some(value),
            None => {
                self.problem(&join(path, key), ProblemKind::Missing);
                None
            }
        }
    }

    fn string(&mut self, value: &Value, path: &str, limit: usize) -> Option<String> {
        match value {
            Value::String(text) => {
                let chars = text.chars().count();
                if text.trim().is_empty() {
                    self.problem(path, ProblemKind::EmptyText);
                    None
                } else if chars > limit {
                    self.problem(path, ProblemKind::TooLong { chars, limit });
                    None
                } else {
                    Some(text.clone())
                }
            }
            other => {
                self.problem(path, ProblemKind::WrongType { expected: "a string", found: type_name(other) });
                None
            }
        }
    }

    fn string_field(&mut self, map: &Map<String, Value>, path: &str, key: &str, limit: usize) -> Option<String> {
        let value = self.field(map, path, key)?;
        self.string(value, &join(path, key), limit)
    }

    fn list<'v>(&mut self, value: &'v Value, path: &str, limit: usize) -> Option<&'v Vec<Value>> {
        match value {
            Value::Array(items) if items.len() > limit => {
                self.problem(path, ProblemKind::TooMany { count: items.len(), limit });
                None
            }
            Value::Array(items) => Some(items),
            other => {
                self.problem(path, ProblemKind::WrongType { expected: "a list", found: type_name(other) });
                None
            }
        }
    }

    /// An optional list field: absent means empty.
    fn optional_list<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        path: &str,
        key: &str,
        limit: usize,
    ) -> Option<&'v Vec<Value>> {
        static EMPTY: Vec<Value> = Vec::new();
        match map.get(key) {
            None => Some(&EMPTY),
            Some(value) => self.list(value, &join(path, key), limit),
        }
    }

    fn text(&mut self, map: &Map<String, Value>, path: &str, key: &str, limit: usize) -> Option<Text> {
        let value = self.field(map, path, key)?;
        let path = join(path, key);
        let object = self.object(value, &path)?;
        let zh = self.text_in(object, &path, Lang::Zh, limit);
        let en = self.text_in(object, &path, Lang::En, limit);
        Some(Text { zh: zh?, en: en? })
    }

    /// One language of a text: required when the reading is written in it, else absent (empty).
    fn text_in(&mut self, object: &Map<String, Value>, path: &str, lang: Lang, limit: usize) -> Option<String> {
        if self.languages.has(lang) {
            self.string_field(object, path, lang.code(), limit)
        } else if object.get(lang.code()).is_some_and(|v| !v.is_null()) {
            self.problem(&join(path, lang.code()), ProblemKind::UndeclaredLang { lang: lang.code().to_string() });
            None
        } else {
            Some(String::new())
        }
    }

    /// A text a reading may leave out: absent, null, or written in no language (`{"en": ""}`, what
    /// an editor's empty field leaves) is none; written in some language, it is checked as a text.
    fn optional_text(&mut self, map: &Map<String, Value>, path: &str, key: &str, limit: usize) -> Option<Option<Text>> {
        let blank = |v: &Value| v.as_str().is_some_and(|s| s.trim().is_empty());
        match map.get(key) {
            None | Some(Value::Null) => return Some(None),
            Some(Value::Object(text)) if text.values().all(blank) => return Some(None),
            _ => {}
        }
        self.text(map, path, key, limit).map(Some)
    }

    /// Records `id` as first used at `path`; a second use is a problem naming the first.
    /// Returns whether the id was new.
    fn claim_id(&mut self, id: &str, path: &str, first_path: &mut HashMap<String, String>) -> bool {
        self.claim(id, path, "id", first_path)
    }

    /// Records the value of `key` (an id, a locator) of the item at `path` as first used there;
    /// a second use is a problem at `path.key` naming the first. Returns whether it was new.
    fn claim(&mut self, value: &str, path: &str, key: &str, first_path: &mut HashMap<String, String>) -> bool {
        if let Some(first) = first_path.get(value) {
            let first = first.clone();
            self.problem(&join(path, key), ProblemKind::DuplicateId { id: value.to_string(), first });
            false
        } else {
            first_path.insert(value.to_string(), path.to_string());
            true
        }
    }

    fn id(&mut self, map: &Map<String, Value>, path: &str) -> Option<String> {
        let id = self.string_field(map, path, "id", 64)?;
        if is_kebab_id(&id) {
            Some(id)
        } else {
            self.problem(&join(path, "id"), ProblemKind::BadId { id });
            None
        }
    }

    fn sources(&mut self, map: &Map<String, Value>, path: &str) -> Option<Vec<Source>> {
        let list_path = join(path, "sources");
        let items = match map.get("sources") {
            None => {
                self.problem(&list_path, ProblemKind::NoSources);
                return None;
            }
            Some(value) => self.list(value, &list_path, self.limits.max_sources)?,
        };
        if items.is_empty() {
            self.problem(&list_path, ProblemKind::NoSources);
            return None;
        }
        let mut sources = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let item_path = format!("{list_path}[{i}]");
            let Some(object) = self.object(item, &item_path) else {
                ok = false;
                continue;
            };
            let para = self.string_field(object, &item_path, "para", MAX_LOCATOR_CHARS);
            let quote = self.string_field(object, &item_path, "quote", self.limits.max_long_chars);
            let quote = match (&para, quote) {
                (Some(locator), Some(quote)) => self.checked_quote(locator, quote, &item_path),
                (_, quote) => quote,
            };
            let translation = self.translation(object, &item_path);
            match (para, quote, translation) {
                (Some(para), Some(quote), Some(translation)) => sources.push(Source { para, quote, translation }),
                _ => ok = false,
            }
        }
        ok.then_some(sources)
    }

    /// A quote checked against the passage it cites, when the reading carries its source text.
    fn checked_quote(&mut self, locator: &str, quote: String, path: &str) -> Option<String> {
        let Some(source_text) = &self.source_text else { return Some(quote) };
        let kind = match source_text.paragraph(locator) {
            None => ProblemKind::NoSuchLocator { locator: locator.to_string() },
            Some(passage) if !crate::quote::is_verbatim(&quote, &passage.text) => {
                ProblemKind::NotVerbatim { locator: locator.to_string() }
            }
            Some(_) => return Some(quote),
        };
        let at = if matches!(kind, ProblemKind::NoSuchLocator { .. }) { "para" } else { "quote" };
        self.problem(&join(path, at), kind);
        None
    }

    /// A quote's rendering in the reading's second language: required when the reading has one,
    /// so a reader of that language can check a paraphrase against the source; absent otherwise.
    fn translation(&mut self, source: &Map<String, Value>, path: &str) -> Option<Option<Translation>> {
        let present = source.get("translation").filter(|v| !v.is_null());
        let Some(expected) = self.languages.second else {
            if present.is_some() {
                let lang = self.languages.source.other().code().to_string();
                self.problem(&join(path, "translation"), ProblemKind::UndeclaredLang { lang });
                return None;
            }
            return Some(None);
        };
        let Some(value) = present else {
            self.problem(&join(path, "translation"), ProblemKind::NoTranslation { lang: expected });
            return None;
        };
        let path = join(path, "translation");
        let map = self.object(value, &path)?;
        let lang = match self.string_field(map, &path, "lang", 16) {
            Some(code) if Lang::parse(&code) == Some(expected) && code.len() == 2 => Some(expected),
            Some(code) => {
                self.problem(&join(&path, "lang"), ProblemKind::BadTranslationLang { found: code, expected });
                None
            }
            None => None,
        };
        let text = self.string_field(map, &path, "text", self.limits.max_long_chars);
        let basis = match self.string_field(map, &path, "basis", 16) {
            Some(code) => match TranslationBasis::parse(&code) {
                Some(basis) => Some(basis),
                None => {
                    self.problem(
                        &join(&path, "basis"),
                        ProblemKind::UnknownBasis { found: code, allowed: "ours, speaker, official" },
                    );
                    None
                }
            },
            None => None,
        };
        let note = match map.get("note") {
            None | Some(Value::Null) => Some(None),
            Some(value) => self.string(value, &join(&path, "note"), self.limits.max_long_chars).map(Some),
        };
        if let (Some(basis), Some(None)) = (basis, &note) {
            if basis != TranslationBasis::Ours {
                self.problem(&join(&path, "note"), ProblemKind::NoTranslationNote);
                return None;
            }
        }
        Some(Some(Translation { lang: lang?, text: text?, basis: basis?, note: note? }))
    }

    fn date(&mut self, value: &Value, path: &str) -> Option<EventDate> {
        let text = self.string(value, path, 32)?;
        match parse_date(&text) {
            Some(date) => Some(date),
            None => {
                self.problem(path, ProblemKind::BadDate { found: text });
                None
            }
        }
    }

    /// A list of ids, each checked against `known`.
    fn refs(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        known: &HashMap<String, usize>,
        event_refs: bool,
    ) -> Option<Vec<String>> {
        let items = self.optional_list(map, path, key, self.limits.max_nodes)?;
        let list_path = join(path, key);
        let mut ids = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let item_path = format!("{list_path}[{i}]");
            match self.string(item, &item_path, 64) {
                Some(id) if known.contains_key(&id) => ids.push(id),
                Some(id) => {
                    if event_refs || !self.nodes_unreadable {
                        let kind =
                            if event_refs { ProblemKind::NoSuchEvent { id } } else { ProblemKind::NoSuchNode { id } };
                        self.problem(&item_path, kind);
                    }
                    ok = false;
                }
                None => ok = false,
            }
        }
        ok.then_some(ids)
    }

    fn node_ref(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
        nodes: &HashMap<String, usize>,
    ) -> Option<String> {
        let id = self.string_field(map, path, key, 64)?;
        if nodes.contains_key(&id) {
            Some(id)
        } else {
            if !self.nodes_unreadable {
                self.problem(&join(path, key), ProblemKind::NoSuchNode { id });
            }
            None
        }
    }

    fn data_set(&mut self, value: &Value) -> Option<Model> {
        let top = self.object(value, "")?;
        match top.get("format") {
            Some(Value::String(f)) if f == FORMAT => {}
            Some(Value::String(f)) => self.problem("format", ProblemKind::UnknownFormat { found: f.clone() }),
            Some(other) => {
                self.problem("format", ProblemKind::WrongType { expected: "a string", found: type_name(other) })
            }
            None => self.problem("format", ProblemKind::UnknownFormat { found: String::new() }),
        }
        let languages = self.languages(top);
        if let Some(languages) = languages {
            self.languages = languages;
        }
        let source_text = self.source_text(top);
        self.source_text = source_text.clone().flatten();
        let meta = self.meta(top).map(|meta| Meta { languages: self.languages, ..meta });
        let groups = self.groups(top);
        let group_ids: Vec<String> = groups.iter().flatten().map(|g| g.id.clone()).collect();
        let stages = self.stages(top, &group_ids);
        let (nodes, node_index) = self.nodes(top, &group_ids);
        let links = self.links(top, &node_index);
        let (events, event_index) = self.events(top, &node_index);
        let argument = self.argument(top, &node_index);
        let tour = self.tour(top, &node_index, &event_index);
        Some(Model {
            format: FORMAT,
            meta: meta?,
            groups: groups?,
            stages: stages?,
            nodes: nodes?,
            links: links?,
            events: events?,
            argument: argument?,
            tour: tour?,
            source_text: source_text?,
            node_index,
            event_index,
        })
    }

    fn meta(&mut self, top: &Map<String, Value>) -> Option<Meta> {
        let value = self.field(top, "", "meta")?;
        let map = self.object(value, "meta")?;
        let short = self.limits.max_short_chars;
        let title = self.text(map, "meta", "title", short);
        let author = self.optional_text(map, "meta", "author", short).map(Option::unwrap_or_default);
        let citation = self.text(map, "meta", "citation", self.limits.max_long_chars);
        let year = match map.get("year") {
            None | Some(Value::Null) => Some(None),
            Some(Value::Number(n)) if n.as_i64().is_some_and(|y| (0..=9999).contains(&y)) => {
                n.as_i64().map(|y| Some(y as i32))
            }
            Some(other) => {
                self.problem(
                    "meta.year",
                    ProblemKind::WrongType { expected: "a whole number", found: type_name(other) },
                );
                None
            }
        };
        Some(Meta { title: title?, author: author?, year: year?, citation: citation?, languages: self.languages })
    }

    /// `meta.languages`: one or two distinct known codes, the source's first. `None` (after a
    /// problem) when unreadable; the texts are then checked as format 1 (Chinese and English).
    fn languages(&mut self, top: &Map<String, Value>) -> Option<Languages> {
        let Some(Value::Object(meta)) = top.get("meta") else { return Some(Languages::default()) };
        let value = match meta.get("languages") {
            None | Some(Value::Null) => return Some(Languages::default()),
            Some(value) => value,
        };
        let codes = self.list(value, "meta.languages", 2)?;
        let langs: Vec<Option<Lang>> = codes
            .iter()
            .map(|code| match code {
                Value::String(code) if code == "zh" || code == "en" => Lang::parse(code),
                _ => None,
            })
            .collect();
        match langs.as_slice() {
            [Some(source)] => Some(Languages { source: *source, second: None }),
            [Some(source), Some(second)] if source != second => {
                Some(Languages { source: *source, second: Some(*second) })
            }
            _ => {
                self.problem("meta.languages", ProblemKind::BadLanguages);
                None
            }
        }
    }

    /// The source text a reading may carry: `{"paragraphs": [{"locator", "text"}, …]}`, each
    /// locator once. `Some(None)` when absent.
    fn source_text(&mut self, top: &Map<String, Value>) -> Option<Option<SourceText>> {
        let value = match top.get("source_text") {
            None | Some(Value::Null) => return Some(None),
            Some(value) => value,
        };
        let map = self.object(value, "source_text")?;
        let items = self.field(map, "source_text", "paragraphs")?;
        let items = self.list(items, "source_text.paragraphs", MAX_SOURCE_PARAGRAPHS)?;
        let mut paragraphs = Vec::with_capacity(items.len());
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let path = format!("source_text.paragraphs[{i}]");
            let Some(object) = self.object(item, &path) else {
                ok = false;
                continue;
            };
            let locator = self.string_field(object, &path, "locator", MAX_LOCATOR_CHARS);
            let text = self.string_field(object, &path, "text", self.limits.max_bytes);
            match (locator, text) {
                (Some(locator), Some(text)) => {
                    if self.claim(&locator, &path, "locator", &mut seen) {
                        paragraphs.push(SourceParagraph { locator, text });
                    } else {
                        ok = false;
                    }
                }
                _ => ok = false,
            }
        }
        ok.then_some(Some(SourceText { paragraphs }))
    }

    fn groups(&mut self, top: &Map<String, Value>) -> Option<Vec<Group>> {
        let items = self.optional_list(top, "", "groups", 200)?;
        let mut groups = Vec::new();
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let path = format!("groups[{i}]");
            let Some(map) = self.object(item, &path) else {
                ok = false;
                continue;
            };
            let id = self.id(map, &path);
            let label = self.text(map, &path, "label", self.limits.max_short_chars);
            match (id, label) {
                (Some(id), Some(label)) => {
                    if self.claim_id(&id, &path, &mut seen) {
                        groups.push(Group { id, label });
                    } else {
                        ok = false;
                    }
                }
                _ => ok = false,
            }
        }
        ok.then_some(groups)
    }

    /// Reads the nodes. The id index is built even when some nodes are bad, so that references
    /// elsewhere are checked against every id that was readable.
    fn nodes(&mut self, top: &Map<String, Value>, group_ids: &[String]) -> (Option<Vec<Node>>, HashMap<String, usize>) {
        let mut index = HashMap::new();
        let Some(value) = self.field(top, "", "nodes") else {
            self.nodes_unreadable = true;
            return (None, index);
        };
        let Some(items) = self.list(value, "nodes", self.limits.max_nodes) else {
            self.nodes_unreadable = true;
            return (None, index);
        };
        let mut nodes = Vec::with_capacity(items.len());
        let mut first_path: HashMap<String, String> = HashMap::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let path = format!("nodes[{i}]");
            let Some(map) = self.object(item, &path) else {
                ok = false;
                continue;
            };
            let id = self.id(map, &path);
            if let Some(id) = &id {
                if self.claim_id(id, &path, &mut first_path) {
                    index.insert(id.clone(), usize::MAX);
                } else {
                    ok = false;
                }
            }
            let kind = match self.string_field(map, &path, "kind", 32) {
                Some(code) => match NodeKind::parse(&code) {
                    Some(kind) => Some(kind),
                    None => {
                        self.problem(&join(&path, "kind"), ProblemKind::UnknownKind { found: code });
                        None
                    }
                },
                None => None,
            };
            let group = match map.get("group") {
                None | Some(Value::Null) => Some(None),
                Some(value) => match self.string(value, &join(&path, "group"), 64) {
                    Some(g) if group_ids.contains(&g) => Some(Some(g)),
                    Some(g) => {
                        self.problem(&join(&path, "group"), ProblemKind::NoSuchGroup { id: g });
                        None
                    }
                    None => None,
                },
            };
            let label = self.text(map, &path, "label", self.limits.max_short_chars);
            let summary =
                self.optional_text(map, &path, "summary", self.limits.max_long_chars).map(Option::unwrap_or_default);
            let sources = self.sources(map, &path);
            let aliases = self.aliases(map, &path);
            match (id, kind, group, label, summary, sources, aliases) {
                (Some(id), Some(kind), Some(group), Some(label), Some(summary), Some(sources), Some(aliases)) if ok => {
                    index.insert(id.clone(), nodes.len());
                    nodes.push(Node { id, kind, group, label, summary, sources, aliases });
                }
                _ => ok = false,
            }
        }
        (ok.then_some(nodes), index)
    }

    /// A node's other names: `{"zh": [...], "en": [...]}`, either list optional.
    fn aliases(&mut self, map: &Map<String, Value>, path: &str) -> Option<Aliases> {
        let value = match map.get("aliases") {
            None | Some(Value::Null) => return Some(Aliases::default()),
            Some(value) => value,
        };
        let path = join(path, "aliases");
        let object = self.object(value, &path)?;
        let read = |reader: &mut Reader, key: &str| -> Option<Vec<String>> {
            let items = reader.optional_list(object, &path, key, 20)?;
            let list_path = join(&path, key);
            let names: Vec<Option<String>> = items
                .iter()
                .enumerate()
                .map(|(i, item)| reader.string(item, &format!("{list_path}[{i}]"), reader.limits.max_short_chars))
                .collect();
            names.into_iter().collect()
        };
        let read_in = |reader: &mut Reader, lang: Lang| -> Option<Vec<String>> {
            let undeclared = !reader.languages.has(lang) && object.get(lang.code()).is_some_and(|v| !v.is_null());
            if undeclared {
                let lang = lang.code().to_string();
                reader.problem(&join(&path, lang.as_str()), ProblemKind::UndeclaredLang { lang });
                return None;
            }
            read(reader, lang.code())
        };
        let zh = read_in(self, Lang::Zh);
        let en = read_in(self, Lang::En);
        Some(Aliases { zh: zh?, en: en? })
    }

    /// The argument layout's stages: each names declared groups, none twice.
    fn stages(&mut self, top: &Map<String, Value>, group_ids: &[String]) -> Option<Vec<Stage>> {
        let items = self.optional_list(top, "", "stages", 50)?;
        let mut stages = Vec::with_capacity(items.len());
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut placed: HashMap<String, String> = HashMap::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let path = format!("stages[{i}]");
            let Some(map) = self.object(item, &path) else {
                ok = false;
                continue;
            };
            let id = self.id(map, &path);
            if let Some(id) = &id {
                ok &= self.claim_id(id, &path, &mut seen);
            }
            let label = self.text(map, &path, "label", self.limits.max_short_chars);
            let list = self.optional_list(map, &path, "groups", 200);
            let mut groups = Vec::new();
            for (k, value) in list.into_iter().flatten().enumerate() {
                let group_path = format!("{path}.groups[{k}]");
                match self.string(value, &group_path, 64) {
                    Some(g) if !group_ids.contains(&g) => {
                        self.problem(&group_path, ProblemKind::NoSuchGroup { id: g });
                        ok = false;
                    }
                    Some(g) => match placed.get(&g) {
                        Some(first) => {
                            let first = first.clone();
                            self.problem(&group_path, ProblemKind::GroupInTwoStages { id: g, first });
                            ok = false;
                        }
                        None => {
                            placed.insert(g.clone(), path.clone());
                            groups.push(g);
                        }
                    },
                    None => ok = false,
                }
            }
            match (id, label) {
                (Some(id), Some(label)) => stages.push(Stage { id, label, groups }),
                _ => ok = false,
            }
        }
        ok.then_some(stages)
    }

    fn links(&mut self, top: &Map<String, Value>, nodes: &HashMap<String, usize>) -> Option<Vec<Link>> {
        let items = self.optional_list(top, "", "links", self.limits.max_links)?;
        let mut links = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let path = format!("links[{i}]");
            let Some(map) = self.object(item, &path) else {
                ok = false;
                continue;
            };
            let source = self.node_ref(map, &path, "source", nodes);
            let target = self.node_ref(map, &path, "target", nodes);
            let relation = match self.string_field(map, &path, "relation", 32) {
                Some(code) => match Relation::parse(&code) {
                    Some(r) => Some(r),
                    None => {
                        self.problem(&join(&path, "relation"), ProblemKind::UnknownRelation { found: code });
                        None
                    }
                },
                None => None,
            };
            let basis = match map.get("basis") {
                None | Some(Value::Null) => Some(LinkBasis::Stated),
                Some(value) => match self.string(value, &join(&path, "basis"), 16) {
                    Some(code) => match LinkBasis::parse(&code) {
                        Some(basis) => Some(basis),
                        None => {
                            self.problem(
                                &join(&path, "basis"),
                                ProblemKind::UnknownBasis { found: code, allowed: "stated, reading" },
                            );
                            None
                        }
                    },
                    None => None,
                },
            };
            let note =
                self.optional_text(map, &path, "note", self.limits.max_long_chars).map(Option::unwrap_or_default);
            // A note may be left out, but not from a link the text does not state: it is what
            // says so, and why.
            if let (Some(LinkBasis::Reading), Some(note)) = (basis, &note) {
                if note.is_empty() {
                    self.problem(&join(&path, "note"), ProblemKind::NoReadingNote);
                }
            }
            let sources = self.sources(map, &path);
            match (source, target, relation, basis, note, sources) {
                (Some(source), Some(target), Some(relation), Some(basis), Some(note), Some(sources)) => {
                    links.push(Link { source, target, relation, basis, note, sources })
                }
                _ => ok = false,
            }
        }
        ok.then_some(links)
    }

    fn events(
        &mut self,
        top: &Map<String, Value>,
        nodes: &HashMap<String, usize>,
    ) -> (Option<Vec<TimelineEvent>>, HashMap<String, usize>) {
        let mut index = HashMap::new();
        let Some(items) = self.optional_list(top, "", "events", self.limits.max_events) else { return (None, index) };
        let mut events = Vec::with_capacity(items.len());
        let mut first_path: HashMap<String, String> = HashMap::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let path = format!("events[{i}]");
            let Some(map) = self.object(item, &path) else {
                ok = false;
                continue;
            };
            let id = self.id(map, &path);
            if let Some(id) = &id {
                ok &= self.claim_id(id, &path, &mut first_path);
            }
            let date = self.field(map, &path, "date").and_then(|v| self.date(v, &join(&path, "date")));
            let outside_date = match map.get("outside_date") {
                None | Some(Value::Null) => Some(None),
                Some(value) => {
                    let outside_path = join(&path, "outside_date");
                    self.object(value, &outside_path).and_then(|m| {
                        let d = self
                            .field(m, &outside_path, "date")
                            .and_then(|v| self.date(v, &join(&outside_path, "date")));
                        let note = self.text(m, &outside_path, "note", self.limits.max_long_chars);
                        Some(Some(OutsideDate { date: d?, note: note? }))
                    })
                }
            };
            let actor = self.node_ref(map, &path, "actor", nodes);
            let title = self.text(map, &path, "title", self.limits.max_short_chars);
            let official_title = match map.get("official_title") {
                None | Some(Value::Null) => Some(None),
                Some(value) => {
                    let title_path = join(&path, "official_title");
                    self.object(value, &title_path).and_then(|m| {
                        let lang = self.string_field(m, &title_path, "lang", 16);
                        let text = self.string_field(m, &title_path, "text", self.limits.max_short_chars);
                        Some(Some(OfficialTitle { lang: lang?, text: text? }))
                    })
                }
            };
            let summary =
                self.optional_text(map, &path, "summary", self.limits.max_long_chars).map(Option::unwrap_or_default);
            let sources = self.sources(map, &path);
            let related = self.refs(map, &path, "nodes", nodes, false);
            match (id, date, outside_date, actor, title, official_title, summary, sources, related) {
                (
                    Some(id),
                    Some(date),
                    Some(outside_date),
                    Some(actor),
                    Some(title),
                    Some(official_title),
                    Some(summary),
                    Some(sources),
                    Some(related),
                ) if ok => {
                    index.insert(id.clone(), events.len());
                    events.push(TimelineEvent {
                        id,
                        date,
                        outside_date,
                        actor,
                        title,
                        official_title,
                        summary,
                        sources,
                        nodes: related,
                    });
                }
                _ => ok = false,
            }
        }
        if !ok {
            // Keep the ids so tour steps are still checked against every readable event.
            for id in first_path.into_keys() {
                index.entry(id).or_insert(usize::MAX);
            }
        }
        (ok.then_some(events), index)
    }

    fn argument(&mut self, top: &Map<String, Value>, nodes: &HashMap<String, usize>) -> Option<Argument> {
        let value = self.field(top, "", "argument")?;
        let map = self.object(value, "argument")?;
        let thesis = self.field(map, "argument", "thesis").and_then(|v| {
            let t = self.object(v, "argument.thesis")?;
            let text = self.text(t, "argument.thesis", "text", self.limits.max_long_chars);
            let sources = self.sources(t, "argument.thesis");
            let related = self.refs(t, "argument.thesis", "nodes", nodes, false);
            Some(Thesis { text: text?, sources: sources?, nodes: related? })
        });
        let principles = self.refs(map, "argument", "principles", nodes, false);
        let models = self.refs(map, "argument", "models", nodes, false);
        Some(Argument { thesis: thesis?, principles: principles?, models: models? })
    }

    fn tour(
        &mut self,
        top: &Map<String, Value>,
        nodes: &HashMap<String, usize>,
        events: &HashMap<String, usize>,
    ) -> Option<Vec<TourStep>> {
        let items = self.optional_list(top, "", "tour", self.limits.max_tour_steps)?;
        let mut steps = Vec::with_capacity(items.len());
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let path = format!("tour[{i}]");
            let Some(map) = self.object(item, &path) else {
                ok = false;
                continue;
            };
            let id = self.id(map, &path);
            if let Some(id) = &id {
                ok &= self.claim_id(id, &path, &mut seen);
            }
            let title = self.text(map, &path, "title", self.limits.max_short_chars);
            let text = self.text(map, &path, "text", self.limits.max_long_chars);
            let step_nodes = self.refs(map, &path, "nodes", nodes, false);
            let step_events = self.refs(map, &path, "events", events, true);
            let reveal = match map.get("reveal") {
                None | Some(Value::Null) => Some(false),
                Some(Value::Bool(b)) => Some(*b),
                Some(other) => {
                    self.problem(
                        &join(&path, "reveal"),
                        ProblemKind::WrongType { expected: "true or false", found: type_name(other) },
                    );
                    None
                }
            };
            let notes = self.optional_text(map, &path, "notes", self.limits.max_long_chars);
            match (id, title, text, step_nodes, step_events, reveal, notes) {
                (Some(id), Some(title), Some(text), Some(nodes), Some(events), Some(reveal), Some(notes)) => {
                    steps.push(TourStep { id, title, text, nodes, events, reveal, notes })
                }
                _ => ok = false,
            }
        }
        ok.then_some(steps)
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}
