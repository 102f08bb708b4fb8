//! The validated data model of an argument: nodes, links, timeline events, the argument's
//! structure and a guided tour.
//!
//! A [`Model`] can only be built by [`crate::load::load_data_set`], which checks every invariant
//! listed on the types below; downstream code takes `&Model` and never sees raw JSON. The serde
//! `Serialize` impls write the same file format the loader reads (`Model::to_json`; the tests
//! round-trip every model through it). The app's "Download JSON" saves the text as loaded.
//! This module does not parse anything and knows nothing of the browser.

use serde::Serialize;
use std::collections::HashMap;

/// The two languages of the app. Chinese is the source language of the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// The BCP 47 tag for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-Hans",
            Lang::En => "en",
        }
    }
    /// The short code used in URLs and data files.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
    /// Reads `zh`/`en` (and browser tags such as `zh-CN`, `en-GB`); anything else is `None`.
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.trim().to_ascii_lowercase();
        if lower == "zh" || lower.starts_with("zh-") {
            Some(Lang::Zh)
        } else if lower == "en" || lower.starts_with("en-") {
            Some(Lang::En)
        } else {
            None
        }
    }
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// A text in the reading's languages. Validation guarantees every language the reading
/// declares is non-empty and every other is empty (`""`, not written back to a file), except
/// for an optional text left out, which is empty in every language (the default).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Text {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub zh: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub en: String,
}

impl Text {
    /// The text in `lang`, or, when the reading is not written in `lang`, in its other language:
    /// a reading in one language shows that language whatever the interface's.
    pub fn get(&self, lang: Lang) -> &str {
        self.exact(self.shown_lang(lang))
    }
    /// The language [`Text::get`] answers in for `lang`, for the `lang` attribute of what shows it.
    pub fn shown_lang(&self, lang: Lang) -> Lang {
        if self.exact(lang).is_empty() {
            lang.other()
        } else {
            lang
        }
    }
    /// The text in `lang`'s other language, when the reading is written in both (a title's
    /// second line in Details, a search result's other name).
    pub fn other(&self, lang: Lang) -> Option<&str> {
        let other = self.exact(lang.other());
        (self.shown_lang(lang) == lang && !other.is_empty()).then_some(other)
    }
    /// The text in exactly `lang`: empty when the reading is not written in it.
    pub fn exact(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
    /// Whether the text is written in no language: an optional text left out (a node's
    /// summary, a link's note).
    pub fn is_empty(&self) -> bool {
        self.zh.is_empty() && self.en.is_empty()
    }
}

/// The languages a reading is written in: the source's (the language of its quotes) and,
/// optionally, a second one into which every text is also written and every quote rendered.
/// Written `"languages": ["zh", "en"]` in `meta`, the source's first; absent means that.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Languages {
    pub source: Lang,
    pub second: Option<Lang>,
}

impl Default for Languages {
    /// Format 1 before languages were declared: a Chinese source read in both languages.
    fn default() -> Languages {
        Languages { source: Lang::Zh, second: Some(Lang::En) }
    }
}

impl Languages {
    pub fn has(self, lang: Lang) -> bool {
        self.source == lang || self.second == Some(lang)
    }
    /// The language content shows in for an interface in `ui`: `ui` when the reading has it.
    pub fn shown(self, ui: Lang) -> Lang {
        if self.has(ui) {
            ui
        } else {
            self.source
        }
    }
    pub fn is_bilingual(self) -> bool {
        self.second.is_some()
    }
    pub fn codes(self) -> Vec<&'static str> {
        std::iter::once(self.source).chain(self.second).map(Lang::code).collect()
    }
}

impl Serialize for Languages {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.codes().serialize(serializer)
    }
}

/// Where a claim comes from: a locator in the source (free text: a paragraph id such as `P05`,
/// a page, a section) and a verbatim quote of that passage, in the source's language, with its
/// rendering in the reading's second language if it has one. The quote is the authority; the
/// translation is shown beside it, always marked as a translation. When the reading carries its
/// source text, the loader checks every quote against it ([`crate::quote`]); the built-in
/// reading's quotes are checked by `shared/tools/check_quotes.py`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    pub para: String,
    pub quote: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation: Option<Translation>,
}

impl Source {
    /// The quote's rendering shown in an interface in `ui`: its translation into `ui`, when
    /// that is not the language of the source (`source_lang`) the quote is already in.
    pub fn rendering(&self, ui: Lang, source_lang: Lang) -> Option<&Translation> {
        self.translation.as_ref().filter(|t| t.lang == ui && ui != source_lang)
    }
}

/// A quote rendered in another language, and on what authority.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Translation {
    pub lang: Lang,
    pub text: String,
    pub basis: TranslationBasis,
    /// Where the words come from (required for [`TranslationBasis::Speaker`] and
    /// [`TranslationBasis::Official`]), in the translation's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a translation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TranslationBasis {
    /// The data set's own translation of the quote.
    Ours,
    /// The speaker's own words in that language, from outside the article (which renders them).
    Speaker,
    /// An official title or name in that language, from outside the article.
    Official,
}

impl TranslationBasis {
    pub const ALL: [TranslationBasis; 3] =
        [TranslationBasis::Ours, TranslationBasis::Speaker, TranslationBasis::Official];
    pub fn code(self) -> &'static str {
        match self {
            TranslationBasis::Ours => "ours",
            TranslationBasis::Speaker => "speaker",
            TranslationBasis::Official => "official",
        }
    }
    pub fn parse(code: &str) -> Option<TranslationBasis> {
        TranslationBasis::ALL.into_iter().find(|b| b.code() == code)
    }
}

/// Whether the article states a link, or the link is the data set's reading of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkBasis {
    /// The article states the relation.
    #[default]
    Stated,
    /// The data set's own reading: an inference or pairing the article does not state.
    Reading,
}

impl LinkBasis {
    pub fn code(self) -> &'static str {
        match self {
            LinkBasis::Stated => "stated",
            LinkBasis::Reading => "reading",
        }
    }
    pub fn parse(code: &str) -> Option<LinkBasis> {
        [LinkBasis::Stated, LinkBasis::Reading].into_iter().find(|b| b.code() == code)
    }
    fn is_stated(&self) -> bool {
        *self == LinkBasis::Stated
    }
}

/// Other names a node is found by (search), per language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Aliases {
    pub zh: Vec<String>,
    pub en: Vec<String>,
}

impl Aliases {
    pub fn is_empty(&self) -> bool {
        self.zh.is_empty() && self.en.is_empty()
    }
    pub fn get(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// What a node stands for. A closed set: the legend, the bipartite layout and the filters rely on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    Threat,
    Response,
    Actor,
    Document,
    Event,
    Concept,
    Claim,
    Person,
}

impl NodeKind {
    pub const ALL: [NodeKind; 8] = [
        NodeKind::Threat,
        NodeKind::Response,
        NodeKind::Actor,
        NodeKind::Document,
        NodeKind::Event,
        NodeKind::Concept,
        NodeKind::Claim,
        NodeKind::Person,
    ];
    pub fn code(self) -> &'static str {
        match self {
            NodeKind::Threat => "threat",
            NodeKind::Response => "response",
            NodeKind::Actor => "actor",
            NodeKind::Document => "document",
            NodeKind::Event => "event",
            NodeKind::Concept => "concept",
            NodeKind::Claim => "claim",
            NodeKind::Person => "person",
        }
    }
    pub fn parse(code: &str) -> Option<NodeKind> {
        NodeKind::ALL.into_iter().find(|k| k.code() == code)
    }
    /// Whether a node of the kind acts, as an event's actor normally does (an actor, a person).
    pub fn acts(self) -> bool {
        matches!(self, NodeKind::Actor | NodeKind::Person)
    }
    /// The legend's name for the kind.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (NodeKind::Threat, Lang::Zh) => "威胁",
            (NodeKind::Threat, Lang::En) => "Threat",
            (NodeKind::Response, Lang::Zh) => "应对",
            (NodeKind::Response, Lang::En) => "Response",
            (NodeKind::Actor, Lang::Zh) => "行为体",
            (NodeKind::Actor, Lang::En) => "Actor",
            (NodeKind::Document, Lang::Zh) => "文件",
            (NodeKind::Document, Lang::En) => "Document",
            (NodeKind::Event, Lang::Zh) => "事件",
            (NodeKind::Event, Lang::En) => "Event",
            (NodeKind::Concept, Lang::Zh) => "概念",
            (NodeKind::Concept, Lang::En) => "Concept",
            (NodeKind::Claim, Lang::Zh) => "论断",
            (NodeKind::Claim, Lang::En) => "Claim",
            (NodeKind::Person, Lang::Zh) => "人物",
            (NodeKind::Person, Lang::En) => "Person",
        }
    }
}

/// How two nodes relate. A closed set, documented in `docs/data-format.md` with the direction
/// each one reads in (`source relation target`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// A response addresses a threat (or the dilemma).
    Addresses,
    /// A response reduces a threat without removing it.
    Mitigates,
    /// Something makes a threat or the dilemma worse.
    Aggravates,
    /// A cause drives an effect (risks drive the dilemma, insecurity drives behaviour).
    Drives,
    /// A document, actor or person names a threat or risk.
    Names,
    /// An actor, person or document proposes a response.
    Proposes,
    /// An actor adopts a document or a policy.
    Adopts,
    /// An actor or person criticises something.
    Criticises,
    /// An event or case is an example of a concept or threat.
    Exemplifies,
    /// A part belongs to a whole.
    PartOf,
    /// A person or institution makes a claim.
    Claims,
    /// A text cites or refers to another.
    Cites,
    /// A reason, a fact or a speaker backs a claim or a response (an argument's support, where
    /// a reading needs it beside the threat and response relations).
    Supports,
}

impl Relation {
    pub const ALL: [Relation; 13] = [
        Relation::Addresses,
        Relation::Mitigates,
        Relation::Aggravates,
        Relation::Drives,
        Relation::Names,
        Relation::Proposes,
        Relation::Adopts,
        Relation::Criticises,
        Relation::Exemplifies,
        Relation::PartOf,
        Relation::Claims,
        Relation::Cites,
        Relation::Supports,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Relation::Addresses => "addresses",
            Relation::Mitigates => "mitigates",
            Relation::Aggravates => "aggravates",
            Relation::Drives => "drives",
            Relation::Names => "names",
            Relation::Proposes => "proposes",
            Relation::Adopts => "adopts",
            Relation::Criticises => "criticises",
            Relation::Exemplifies => "exemplifies",
            Relation::PartOf => "part_of",
            Relation::Claims => "claims",
            Relation::Cites => "cites",
            Relation::Supports => "supports",
        }
    }
    pub fn parse(code: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.code() == code)
    }
    /// The dash pattern that tells this relation's lines apart without colour (empty: solid).
    /// The stylesheet's `.rel-*` rules, the SVG export and the canvas renderer all draw these.
    pub fn dash_pattern(self) -> &'static [f64] {
        match self {
            Relation::Addresses | Relation::PartOf => &[],
            Relation::Mitigates => &[7.0, 3.0],
            Relation::Aggravates => &[10.0, 2.0, 2.0, 2.0],
            Relation::Drives => &[4.0, 3.0],
            Relation::Names => &[1.5, 3.0],
            Relation::Proposes => &[8.0, 3.0, 2.0, 3.0],
            Relation::Adopts => &[12.0, 4.0],
            Relation::Criticises => &[5.0, 2.0, 1.0, 2.0, 1.0, 2.0],
            Relation::Exemplifies => &[1.0, 2.0],
            Relation::Claims => &[3.0, 3.0],
            Relation::Cites => &[1.0, 5.0],
            Relation::Supports => &[6.0, 2.0, 1.0, 2.0],
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Relation::Addresses, Lang::Zh) => "应对",
            (Relation::Addresses, Lang::En) => "addresses",
            (Relation::Mitigates, Lang::Zh) => "缓解",
            (Relation::Mitigates, Lang::En) => "mitigates",
            (Relation::Aggravates, Lang::Zh) => "加剧",
            (Relation::Aggravates, Lang::En) => "aggravates",
            (Relation::Drives, Lang::Zh) => "导致",
            (Relation::Drives, Lang::En) => "drives",
            (Relation::Names, Lang::Zh) => "指出",
            (Relation::Names, Lang::En) => "names",
            (Relation::Proposes, Lang::Zh) => "提出",
            (Relation::Proposes, Lang::En) => "proposes",
            (Relation::Adopts, Lang::Zh) => "采取",
            (Relation::Adopts, Lang::En) => "adopts",
            (Relation::Criticises, Lang::Zh) => "批评",
            (Relation::Criticises, Lang::En) => "criticises",
            (Relation::Exemplifies, Lang::Zh) => "例证",
            (Relation::Exemplifies, Lang::En) => "exemplifies",
            (Relation::PartOf, Lang::Zh) => "属于",
            (Relation::PartOf, Lang::En) => "part of",
            (Relation::Claims, Lang::Zh) => "认为",
            (Relation::Claims, Lang::En) => "claims",
            (Relation::Cites, Lang::Zh) => "引用",
            (Relation::Cites, Lang::En) => "cites",
            (Relation::Supports, Lang::Zh) => "支持",
            (Relation::Supports, Lang::En) => "supports",
        }
    }
}

impl Relation {
    /// The relation as the verb of a sentence from its source to its target ("is part of",
    /// where the label alone, "part of", names it in a list).
    pub fn verb(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Relation::PartOf, Lang::En) => "is part of",
            _ => self.label(lang),
        }
    }

    /// What the relation says of its two ends, for an author choosing it ("causes or leads to
    /// it": the meanings `docs/data-format.md` gives).
    pub fn meaning(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Relation::Addresses, Lang::En) => "a response meant to deal with it",
            (Relation::Mitigates, Lang::En) => "reduces it without removing it",
            (Relation::Aggravates, Lang::En) => "makes it worse",
            (Relation::Drives, Lang::En) => "causes it or leads to it",
            (Relation::Names, Lang::En) => "a text or speaker identifies it",
            (Relation::Proposes, Lang::En) => "puts it forward",
            (Relation::Adopts, Lang::En) => "publishes, enacts or follows it",
            (Relation::Criticises, Lang::En) => "rejects or disparages it",
            (Relation::Exemplifies, Lang::En) => "is a case or instance of it",
            (Relation::PartOf, Lang::En) => "is a component, member or sub-item of it",
            (Relation::Claims, Lang::En) => "holds it (a claim)",
            (Relation::Cites, Lang::En) => "refers to it or relies on it",
            (Relation::Supports, Lang::En) => "gives a reason for it or backs it",
            (Relation::Addresses, Lang::Zh) => "为处理它而采取的对策",
            (Relation::Mitigates, Lang::Zh) => "减轻它而不消除它",
            (Relation::Aggravates, Lang::Zh) => "使它加重",
            (Relation::Drives, Lang::Zh) => "引起或导致它",
            (Relation::Names, Lang::Zh) => "文本或说话人指出它",
            (Relation::Proposes, Lang::Zh) => "提出它",
            (Relation::Adopts, Lang::Zh) => "发布、实施或遵循它",
            (Relation::Criticises, Lang::Zh) => "反对或贬斥它",
            (Relation::Exemplifies, Lang::Zh) => "是它的一个实例",
            (Relation::PartOf, Lang::Zh) => "是它的组成部分、成员或子项",
            (Relation::Claims, Lang::Zh) => "持有它（一个论断）",
            (Relation::Cites, Lang::Zh) => "引用或依据它",
            (Relation::Supports, Lang::Zh) => "为它提供理由或支持它",
        }
    }

    /// The relation read from its target: "addressed by", "被应对" ("has part" for part of).
    pub fn passive_label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Relation::Addresses, Lang::En) => "addressed by",
            (Relation::Mitigates, Lang::En) => "mitigated by",
            (Relation::Aggravates, Lang::En) => "aggravated by",
            (Relation::Drives, Lang::En) => "driven by",
            (Relation::Names, Lang::En) => "named by",
            (Relation::Proposes, Lang::En) => "proposed by",
            (Relation::Adopts, Lang::En) => "adopted by",
            (Relation::Criticises, Lang::En) => "criticised by",
            (Relation::Exemplifies, Lang::En) => "exemplified by",
            (Relation::PartOf, Lang::En) => "has part",
            (Relation::Claims, Lang::En) => "claimed by",
            (Relation::Cites, Lang::En) => "cited by",
            (Relation::Supports, Lang::En) => "supported by",
            (Relation::Addresses, Lang::Zh) => "被应对",
            (Relation::Mitigates, Lang::Zh) => "被缓解",
            (Relation::Aggravates, Lang::Zh) => "被加剧",
            (Relation::Drives, Lang::Zh) => "由此导致",
            (Relation::Names, Lang::Zh) => "被指出",
            (Relation::Proposes, Lang::Zh) => "被提出",
            (Relation::Adopts, Lang::Zh) => "被采取",
            (Relation::Criticises, Lang::Zh) => "被批评",
            (Relation::Exemplifies, Lang::Zh) => "被例证",
            (Relation::PartOf, Lang::Zh) => "包含",
            (Relation::Claims, Lang::Zh) => "被认为",
            (Relation::Cites, Lang::Zh) => "被引用",
            (Relation::Supports, Lang::Zh) => "被支持",
        }
    }
}

/// A grouping of nodes shown in the legend: a threat's layer, a response's level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    pub id: String,
    pub label: Text,
}

/// One column of the argument layout: a step of the article's flow, holding some groups.
/// Invariants: every group id names a declared group, and no group is in two stages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stage {
    pub id: String,
    pub label: Text,
    pub groups: Vec<String>,
}

/// A thing the article talks about. Invariants: `id` is kebab-case and unique; `group`, when
/// present, names a declared group; `sources` is not empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Node {
    pub id: String,
    pub kind: NodeKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    pub label: Text,
    /// What the reading says of it in its own words; empty when left out (its quotes speak).
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub summary: Text,
    pub sources: Vec<Source>,
    #[serde(skip_serializing_if = "Aliases::is_empty")]
    pub aliases: Aliases,
}

/// A directed relation between two existing nodes, with its sources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Link {
    pub source: String,
    pub target: String,
    pub relation: Relation,
    #[serde(skip_serializing_if = "LinkBasis::is_stated")]
    pub basis: LinkBasis,
    /// Why the reading links the two; empty when left out (the link's sentence and quotes speak).
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub note: Text,
    pub sources: Vec<Source>,
}

/// A link's [`Link::key`] with its number after it when `before` earlier links have the same
/// key (`~2` for the second): what [`Model::link_key`] names it by.
pub fn numbered_link_key(key: String, before: usize) -> String {
    if before == 0 {
        key
    } else {
        format!("{key}~{}", before + 1)
    }
}

/// The name in a page address (`?link=`) of a link from `source` to `target` by the relation
/// whose code is `relation`: `source~relation~target`. Ids are kebab-case and relation codes
/// letters and `_`, so `~` cannot occur in either.
pub fn link_key_of(source: &str, relation: &str, target: &str) -> String {
    format!("{source}~{relation}~{target}")
}

impl Link {
    /// The link's name in a page address ([`link_key_of`]).
    pub fn key(&self) -> String {
        link_key_of(&self.source, self.relation.code(), &self.target)
    }
}

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar date known to year, month or day precision. Written `2023`, `2023-06` or
/// `2023-06-14` in the file; validation guarantees the month and day exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EventDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl EventDate {
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }
    /// Orders dates by their start; a coarser date sorts before a finer one that starts with it.
    pub fn sort_key(&self) -> (i32, u32, u32, Precision) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1), self.precision())
    }
    /// The file form: `2023`, `2023-06` or `2023-06-14`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }
    /// A human form at the date's own precision: `2023年6月`, `June 2023`.
    pub fn display(&self, lang: Lang) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match (lang, self.month, self.day) {
            (Lang::Zh, Some(m), Some(d)) => format!("{}年{}月{}日", self.year, m, d),
            (Lang::Zh, Some(m), None) => format!("{}年{}月", self.year, m),
            (Lang::Zh, _, _) => format!("{}年", self.year),
            (Lang::En, Some(m), Some(d)) => format!("{} {} {}", d, MONTHS[(m - 1) as usize], self.year),
            (Lang::En, Some(m), None) => format!("{} {}", MONTHS[(m - 1) as usize], self.year),
            (Lang::En, _, _) => format!("{}", self.year),
        }
    }
}

impl Serialize for EventDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

/// A fact from outside the article that makes a date exact, kept apart from what the article
/// says and always shown labelled as an outside fact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OutsideDate {
    pub date: EventDate,
    /// Where the exact date comes from (for example the publisher of the document).
    pub note: Text,
}

/// A document's title in its own language (`lang` is a BCP 47 tag such as `en` or `de`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OfficialTitle {
    pub lang: String,
    pub text: String,
}

/// A dated event on the timeline. Invariants: `actor` and every id in `nodes` name existing
/// nodes; `sources` is not empty; `date` is what the article says, `outside_date` is not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimelineEvent {
    pub id: String,
    pub date: EventDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outside_date: Option<OutsideDate>,
    pub actor: String,
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub official_title: Option<OfficialTitle>,
    /// What happened in the reading's words; empty when left out (its quotes speak).
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub summary: Text,
    pub sources: Vec<Source>,
    pub nodes: Vec<String>,
}

/// The article's thesis with its sources and the nodes that carry it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Thesis {
    pub text: Text,
    pub sources: Vec<Source>,
    pub nodes: Vec<String>,
}

/// The structure of the argument: the thesis and the node ids of its principles and of the
/// models of cooperation it compares.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Argument {
    pub thesis: Thesis,
    pub principles: Vec<String>,
    pub models: Vec<String>,
}

/// One step of the guided tour: the nodes and events it focuses, shown in that order when
/// the step reveals them one at a time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TourStep {
    pub id: String,
    pub title: Text,
    pub text: Text,
    pub nodes: Vec<String>,
    pub events: Vec<String>,
    /// Reveal the step's nodes one at a time rather than all at once.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub reveal: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
}

/// What the data set is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Meta {
    pub title: Text,
    /// Empty when the source names none (an unsigned essay).
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub author: Text,
    /// `None` when the source gives none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    pub citation: Text,
    pub languages: Languages,
}

impl Meta {
    /// "Author · year", or the one the reading has; `None` when it has neither.
    pub fn byline(&self, lang: Lang) -> Option<String> {
        let year = self.year.map(|y| y.to_string());
        let parts: Vec<String> =
            [Some(self.author.get(lang).to_string()).filter(|a| !a.is_empty()), year].into_iter().flatten().collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

/// One passage of the source text a reading may carry, with its locator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceParagraph {
    pub locator: String,
    pub text: String,
}

/// The source's text, passage by passage, in the source's language: carried by a reading whose
/// author chose to include it, so every quote is checked against it where the reading opens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceText {
    pub paragraphs: Vec<SourceParagraph>,
}

impl SourceText {
    pub fn paragraph(&self, locator: &str) -> Option<&SourceParagraph> {
        self.paragraphs.iter().find(|p| p.locator == locator)
    }
}

/// The file format tag written by [`Model`]'s serializer and required by the loader.
pub const FORMAT: &str = "argument-atlas/1";

/// A validated data set. Only [`crate::load::load_data_set`] builds one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Model {
    pub format: &'static str,
    pub meta: Meta,
    pub groups: Vec<Group>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<Stage>,
    pub nodes: Vec<Node>,
    pub links: Vec<Link>,
    pub events: Vec<TimelineEvent>,
    pub argument: Argument,
    pub tour: Vec<TourStep>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_text: Option<SourceText>,
    #[serde(skip)]
    pub(crate) node_index: HashMap<String, usize>,
    #[serde(skip)]
    pub(crate) event_index: HashMap<String, usize>,
}

impl Model {
    /// The language content shows in for an interface in `ui` (its `lang` attribute).
    pub fn content_lang(&self, ui: Lang) -> Lang {
        self.meta.languages.shown(ui)
    }
    /// The language of the source and its quotes.
    pub fn source_lang(&self) -> Lang {
        self.meta.languages.source
    }
    /// The position of a node in `nodes`, by id.
    pub fn node_idx(&self, id: &str) -> Option<usize> {
        self.node_index.get(id).copied()
    }
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.node_idx(id).map(|i| &self.nodes[i])
    }
    /// This model with the label of node `id` in `lang` written `text` (the editor shows a label
    /// as it is typed); `None` when there is no such node.
    pub fn with_label(&self, id: &str, lang: Lang, text: &str) -> Option<Model> {
        let i = self.node_idx(id)?;
        let mut model = self.clone();
        let label = &mut model.nodes[i].label;
        *match lang {
            Lang::Zh => &mut label.zh,
            Lang::En => &mut label.en,
        } = text.to_string();
        Some(model)
    }
    /// The name of link `k` in a page address: its [`Link::key`], with `~2`, `~3`… after it for
    /// the second and later links of the same ends and relation (a reading may state one twice).
    pub fn link_key(&self, k: usize) -> Option<String> {
        let key = self.links.get(k)?.key();
        let before = self.links[..k].iter().filter(|l| l.key() == key).count();
        Some(numbered_link_key(key, before))
    }
    /// The position of a link in `links`, by its [`Model::link_key`].
    pub fn link_idx(&self, key: &str) -> Option<usize> {
        let parts: Vec<&str> = key.split('~').collect();
        let (base, nth) = match parts.as_slice() {
            [_, _, _] => (key.to_string(), 0),
            [s, r, t, n] => (link_key_of(s, r, t), n.parse::<usize>().ok().filter(|&n| n >= 2)? - 1),
            _ => return None,
        };
        self.links.iter().enumerate().filter(|(_, l)| l.key() == base).nth(nth).map(|(k, _)| k)
    }
    pub fn event_idx(&self, id: &str) -> Option<usize> {
        self.event_index.get(id).copied()
    }
    pub fn event(&self, id: &str) -> Option<&TimelineEvent> {
        self.event_idx(id).map(|i| &self.events[i])
    }
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }
    /// Events in date order (ties keep file order).
    pub fn events_by_date(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.events.len()).collect();
        crate::order::sort_indices_by(&mut order, &mut |a, b| {
            self.events[a].date.sort_key().cmp(&self.events[b].date.sort_key()).then(a.cmp(&b))
        });
        order
    }
    /// The events that mention a node, either as actor or among their related nodes.
    pub fn events_of_node(&self, node_id: &str) -> Vec<usize> {
        (0..self.events.len())
            .filter(|&i| {
                let e = &self.events[i];
                e.actor == node_id || e.nodes.iter().any(|n| n == node_id)
            })
            .collect()
    }
    /// How many quotes the reading holds (every source of every node, link, event and the thesis).
    pub fn quote_count(&self) -> usize {
        self.nodes.iter().map(|n| n.sources.len()).sum::<usize>()
            + self.links.iter().map(|l| l.sources.len()).sum::<usize>()
            + self.events.iter().map(|e| e.sources.len()).sum::<usize>()
            + self.argument.thesis.sources.len()
    }
    /// Serializes the data set in the file format the loader reads.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
