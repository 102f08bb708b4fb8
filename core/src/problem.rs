//! What can be wrong with a data set, said in both languages, with the path to the bad value
//! and a hint on how to fix it.
//!
//! Problems are values, never panics: the loader collects every one it finds and returns them
//! all. This module only describes problems; finding them is `load`'s job.

use crate::model::Lang;
use std::fmt;

/// One thing wrong with a data set, at `path` (for example `links[12].target`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// A JSON path from the top of the file: `nodes[3].label.en`. Empty for the whole file.
    pub path: String,
    pub kind: ProblemKind,
    /// Where in a spreadsheet reading the bad value was written, when it came from one.
    pub at: Option<CsvPlace>,
    /// What of the item at `at` is wrong, when the place is a whole row (`label.zh`).
    pub detail: Option<String>,
}

/// A place in a spreadsheet reading: a file, a row as the spreadsheet numbers it (the header is
/// row 1; 0 is the whole file) and a column (its position from 0, and its header).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvPlace {
    pub file: String,
    pub row: usize,
    pub column: Option<(usize, String)>,
}

impl CsvPlace {
    /// The whole file.
    pub fn file(name: &str) -> CsvPlace {
        CsvPlace { file: name.to_string(), row: 0, column: None }
    }

    /// `nodes.csv, row 4, column C (kind)` in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let column = self.column.as_ref().map(|(c, name)| (column_letters(*c), name));
        match (lang, self.row, column) {
            (Lang::En, 0, _) => self.file.clone(),
            (Lang::En, row, None) => format!("{}, row {row}", self.file),
            (Lang::En, row, Some((letters, name))) => format!("{}, row {row}, column {letters} ({name})", self.file),
            (Lang::Zh, 0, _) => self.file.clone(),
            (Lang::Zh, row, None) => format!("{} 第 {row} 行", self.file),
            (Lang::Zh, row, Some((letters, name))) => format!("{} 第 {row} 行 {letters} 列（{name}）", self.file),
        }
    }
}

/// A spreadsheet's column letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The text is not JSON at all.
    NotJson { line: usize, column: usize, detail: String },
    /// The file is bigger than the loader accepts.
    FileTooLarge { bytes: usize, limit: usize },
    /// The `format` tag is missing or names another format.
    UnknownFormat { found: String },
    /// A value has the wrong JSON type.
    WrongType { expected: &'static str, found: &'static str },
    /// A required field is absent.
    Missing,
    /// A text that must say something is empty.
    EmptyText,
    /// A string is longer than the limit.
    TooLong { chars: usize, limit: usize },
    /// A list has more items than the limit.
    TooMany { count: usize, limit: usize },
    /// An id is not kebab-case (`ai-risk`).
    BadId { id: String },
    /// The same id is used twice.
    DuplicateId { id: String, first: String },
    /// A reference to a node that does not exist.
    NoSuchNode { id: String },
    /// A reference to a timeline event that does not exist.
    NoSuchEvent { id: String },
    /// A node's group is not declared in `groups`.
    NoSuchGroup { id: String },
    /// A node kind outside the closed set.
    UnknownKind { found: String },
    /// A relation outside the closed set.
    UnknownRelation { found: String },
    /// A date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or names a day that does not exist.
    BadDate { found: String },
    /// `meta.languages` is not one or two distinct language codes the app knows.
    BadLanguages,
    /// A text, alias list or translation in a language the reading does not declare.
    UndeclaredLang { lang: String },
    /// A quote cites a locator the reading's source text does not have.
    NoSuchLocator { locator: String },
    /// A quote is not verbatim text of the passage it cites (white space aside).
    NotVerbatim { locator: String },
    /// An item that must be traced to the article has no sources.
    NoSources,
    /// A closed-set code (a translation's or a link's `basis`) outside its set.
    UnknownBasis { found: String, allowed: &'static str },
    /// A quote of a bilingual reading has no rendering in the other language.
    NoTranslation { lang: Lang },
    /// A translation in a language the reading does not need (the quote's own, or unknown).
    BadTranslationLang { found: String, expected: Lang },
    /// A translation of the speaker's own words or an official title says not where it is from.
    NoTranslationNote,
    /// A link marked as the reading's inference says not why (its note is what tells a student
    /// that the text does not state it, and from what the reading draws it).
    NoReadingNote,
    /// A group is placed in two stages of the argument layout.
    GroupInTwoStages { id: String, first: String },
    /// A chosen file is not one of a spreadsheet reading's files.
    UnknownCsvFile,
    /// A spreadsheet reading lacks a file it needs.
    MissingCsvFile,
    /// A file is not readable as CSV.
    NotCsv { detail: String },
    /// A header names a column the file does not have.
    UnknownCsvColumn,
    /// A header names a column twice.
    CsvColumnTwice,
    /// A text column without its language (`label`) in a two-language reading.
    CsvColumnNeedsLang,
    /// A row of `reading.csv` names a field it does not have.
    UnknownCsvField { found: String },
    /// The page carries no built-in data set: its `<script type="application/json"
    /// id="atlas-data">` block is missing (a page not made by `tools/build.sh`).
    NoBuiltInData,
}

impl Problem {
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem { path: path.into(), kind, at: None, detail: None }
    }

    /// A problem of a spreadsheet reading, at a place in its files.
    pub fn at(place: CsvPlace, kind: ProblemKind) -> Problem {
        Problem { path: String::new(), kind, at: Some(place), detail: None }
    }

    /// Where the problem is, in `lang`: the spreadsheet place (with what of it is wrong) when it
    /// came from one, else the JSON path (empty for the whole file).
    pub fn place(&self, lang: Lang) -> String {
        match (&self.at, &self.detail) {
            (Some(at), Some(detail)) => format!("{} ({detail})", at.describe(lang)),
            (Some(at), None) => at.describe(lang),
            (None, _) => self.path.clone(),
        }
    }

    /// What is wrong, in `lang`, without the path.
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        match (&self.kind, lang) {
            (NotJson { line, column, detail }, Lang::En) => {
                format!("not valid JSON at line {line}, column {column}: {detail}")
            }
            (NotJson { line, column, detail }, Lang::Zh) => {
                format!("不是有效的 JSON（第 {line} 行第 {column} 列）：{detail}")
            }
            (FileTooLarge { bytes, limit }, Lang::En) => {
                format!("the file has {bytes} bytes; at most {limit} are accepted")
            }
            (FileTooLarge { bytes, limit }, Lang::Zh) => {
                format!("文件有 {bytes} 字节，上限为 {limit} 字节")
            }
            (UnknownFormat { found }, Lang::En) => {
                format!("format is {found:?}; this app reads \"{}\"", crate::model::FORMAT)
            }
            (UnknownFormat { found }, Lang::Zh) => {
                format!("格式为 {found:?}；本应用读取 \"{}\"", crate::model::FORMAT)
            }
            (WrongType { expected, found }, Lang::En) => format!("expected {expected}, found {found}"),
            (WrongType { expected, found }, Lang::Zh) => {
                format!("应为{}，实为{}", type_zh(expected), type_zh(found))
            }
            (Missing, Lang::En) => "required but missing".to_string(),
            (Missing, Lang::Zh) => "缺少必填项".to_string(),
            (EmptyText, Lang::En) => "must not be empty".to_string(),
            (EmptyText, Lang::Zh) => "不能为空".to_string(),
            (TooLong { chars, limit }, Lang::En) => {
                format!("{chars} characters; at most {limit} are accepted")
            }
            (TooLong { chars, limit }, Lang::Zh) => format!("共 {chars} 个字符，上限为 {limit}"),
            (TooMany { count, limit }, Lang::En) => format!("{count} items; at most {limit} are accepted"),
            (TooMany { count, limit }, Lang::Zh) => format!("共 {count} 项，上限为 {limit}"),
            (BadId { id }, Lang::En) => format!("{id:?} is not a kebab-case id"),
            (BadId { id }, Lang::Zh) => format!("{id:?} 不是短横线小写格式的 id"),
            (DuplicateId { id, first }, Lang::En) => format!("id {id:?} is already used at {first}"),
            (DuplicateId { id, first }, Lang::Zh) => format!("id {id:?} 已在 {first} 使用"),
            (NoSuchNode { id }, Lang::En) => format!("no node {id:?}"),
            (NoSuchNode { id }, Lang::Zh) => format!("没有节点 {id:?}"),
            (NoSuchEvent { id }, Lang::En) => format!("no event {id:?}"),
            (NoSuchEvent { id }, Lang::Zh) => format!("没有事件 {id:?}"),
            (NoSuchGroup { id }, Lang::En) => format!("no group {id:?}"),
            (NoSuchGroup { id }, Lang::Zh) => format!("没有分组 {id:?}"),
            (UnknownKind { found }, Lang::En) => format!("{found:?} is not a node kind"),
            (UnknownKind { found }, Lang::Zh) => format!("{found:?} 不是节点类型"),
            (UnknownRelation { found }, Lang::En) => format!("{found:?} is not a relation"),
            (UnknownRelation { found }, Lang::Zh) => format!("{found:?} 不是关系类型"),
            (BadDate { found }, Lang::En) => format!("{found:?} is not a date"),
            (BadDate { found }, Lang::Zh) => format!("{found:?} 不是有效日期"),
            (BadLanguages, Lang::En) => "must list one or two of \"zh\" and \"en\", the source's first".to_string(),
            (BadLanguages, Lang::Zh) => "须列出 \"zh\"、\"en\" 中的一种或两种，原文语言在前".to_string(),
            (UndeclaredLang { lang }, Lang::En) => format!("{lang:?} is not one of the reading's languages"),
            (UndeclaredLang { lang }, Lang::Zh) => format!("{lang:?} 不是本解读声明的语言"),
            (NoSuchLocator { locator }, Lang::En) => format!("the source text has no passage {locator:?}"),
            (NoSuchLocator { locator }, Lang::Zh) => format!("原文中没有位置为 {locator:?} 的段落"),
            (NotVerbatim { locator }, Lang::En) => format!("the quote is not found word for word in {locator}"),
            (NotVerbatim { locator }, Lang::Zh) => format!("引文与 {locator} 的原文不一致"),
            (NoSources, Lang::En) => "has no sources".to_string(),
            (NoSources, Lang::Zh) => "没有出处".to_string(),
            (UnknownBasis { found, .. }, Lang::En) => format!("{found:?} is not a basis"),
            (UnknownBasis { found, .. }, Lang::Zh) => format!("{found:?} 不是有效的依据类型"),
            (NoTranslation { lang }, Lang::En) => format!("the quote has no {} rendering", lang_name(*lang, Lang::En)),
            (NoTranslation { lang }, Lang::Zh) => format!("该引文缺少{}译文", lang_name(*lang, Lang::Zh)),
            (BadTranslationLang { found, .. }, Lang::En) => format!("a translation into {found:?} is not needed here"),
            (BadTranslationLang { found, .. }, Lang::Zh) => format!("此处不需要 {found:?} 译文"),
            (NoTranslationNote, Lang::En) => "says the words are from outside the article but not where".to_string(),
            (NoTranslationNote, Lang::Zh) => "注明了文外原话或正式名称，却未说明出处".to_string(),
            (NoReadingNote, Lang::En) => "is marked as the reading's inference but has no note saying why".to_string(),
            (NoReadingNote, Lang::Zh) => "标为解读者的推断，却没有说明理由".to_string(),
            (GroupInTwoStages { id, first }, Lang::En) => format!("group {id:?} is already in {first}"),
            (GroupInTwoStages { id, first }, Lang::Zh) => format!("分组 {id:?} 已在 {first} 中"),
            (UnknownCsvFile, Lang::En) => "is not one of a spreadsheet reading's files".to_string(),
            (UnknownCsvFile, Lang::Zh) => "不是表格解读的文件".to_string(),
            (MissingCsvFile, Lang::En) => "is needed but was not chosen".to_string(),
            (MissingCsvFile, Lang::Zh) => "必需，但未选择该文件".to_string(),
            (NotCsv { detail }, Lang::En) => format!("is not readable as CSV: {detail}"),
            (NotCsv { detail }, Lang::Zh) => format!("无法按 CSV 读取：{detail}"),
            (UnknownCsvColumn, Lang::En) => "is not a column of this file".to_string(),
            (UnknownCsvColumn, Lang::Zh) => "不是该文件的列".to_string(),
            (CsvColumnTwice, Lang::En) => "is a column already named in the header".to_string(),
            (CsvColumnTwice, Lang::Zh) => "与表头中已有的列重名".to_string(),
            (CsvColumnNeedsLang, Lang::En) => "a two-language reading's text column must say its language".to_string(),
            (CsvColumnNeedsLang, Lang::Zh) => "双语解读的文本列须注明语言".to_string(),
            (UnknownCsvField { found }, Lang::En) => format!("{found:?} is not a field of reading.csv"),
            (UnknownCsvField { found }, Lang::Zh) => format!("{found:?} 不是 reading.csv 的字段"),
            (NoBuiltInData, Lang::En) => "this page carries no built-in data set".to_string(),
            (NoBuiltInData, Lang::Zh) => "此页面未包含内置数据集".to_string(),
        }
    }

    /// How to fix it, in `lang`.
    pub fn hint(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let (en, zh): (String, String) = match &self.kind {
            NotJson { .. } => (
                "check for a missing comma, quote or bracket near that place".into(),
                "请检查该处附近是否缺少逗号、引号或括号".into(),
            ),
            FileTooLarge { .. } => (
                "split the reading into smaller data sets".into(),
                "请把数据集拆分得小一些".into(),
            ),
            UnknownFormat { .. } => (
                format!("start the file with \"format\": \"{}\"", crate::model::FORMAT),
                format!("请在文件开头写 \"format\": \"{}\"", crate::model::FORMAT),
            ),
            WrongType { expected, .. } => (
                format!("write {expected} here"),
                format!("此处应写{}", type_zh(expected)),
            ),
            // A link's end or an event's actor is a node, empty or left out: the editor offers
            // the nodes by name.
            EmptyText | Missing if names_a_node(&self.path) => (
                "choose one of the nodes (in a file: write a node's id)".into(),
                "请选择一个节点（在文件中：填写节点的 id）".into(),
            ),
            Missing => ("add this field".into(), "请补上这一项".into()),
            EmptyText => ("write the text".into(), "请填写文本".into()),
            TooLong { .. } => ("shorten the text".into(), "请缩短文本".into()),
            TooMany { .. } => ("split the data set".into(), "请拆分数据集".into()),
            BadId { .. } => (
                "use lower-case letters, digits and single hyphens, such as \"ai-risk\"".into(),
                "请只用小写字母、数字和单个短横线，例如 \"ai-risk\"".into(),
            ),
            DuplicateId { .. } => ("give each item its own id".into(), "每一项须有唯一的 id".into()),
            // A link's end or an event's actor is a list of the nodes in the editor.
            NoSuchNode { .. } if names_a_node(&self.path) => (
                "choose one of the nodes (in a file: use the id of a node listed in \"nodes\")".into(),
                "请选择一个节点（在文件中：使用 \"nodes\" 中已有节点的 id）".into(),
            ),
            NoSuchNode { .. } => (
                "use the id of a node listed in \"nodes\"".into(),
                "请使用 \"nodes\" 中已有节点的 id".into(),
            ),
            NoSuchEvent { .. } => (
                "use the id of an event listed in \"events\"".into(),
                "请使用 \"events\" 中已有事件的 id".into(),
            ),
            NoSuchGroup { .. } => (
                "declare the group in \"groups\" or remove it".into(),
                "请在 \"groups\" 中声明该分组或删除它".into(),
            ),
            UnknownKind { .. } => (
                format!("use one of: {}", crate::model::NodeKind::ALL.map(|k| k.code()).join(", ")),
                format!("可选：{}", crate::model::NodeKind::ALL.map(|k| k.code()).join("、")),
            ),
            UnknownRelation { .. } => (
                format!("use one of: {}", crate::model::Relation::ALL.map(|r| r.code()).join(", ")),
                format!("可选：{}", crate::model::Relation::ALL.map(|r| r.code()).join("、")),
            ),
            BadDate { .. } => (
                "write YYYY, YYYY-MM or YYYY-MM-DD with a real month and day".into(),
                "请写成 YYYY、YYYY-MM 或 YYYY-MM-DD，且月、日真实存在".into(),
            ),
            BadLanguages => (
                "write \"languages\": [\"zh\", \"en\"], [\"en\", \"zh\"], [\"en\"] or [\"zh\"]".into(),
                "请写 \"languages\": [\"zh\", \"en\"]、[\"en\", \"zh\"]、[\"en\"] 或 [\"zh\"]".into(),
            ),
            UndeclaredLang { .. } => (
                "add the language to meta.languages, or remove this".into(),
                "请把该语言加入 meta.languages，或删除此项".into(),
            ),
            NoSuchLocator { .. } => (
                "cite a locator of source_text.paragraphs, or add that passage".into(),
                "请引用 source_text.paragraphs 中已有的位置，或补上该段原文".into(),
            ),
            NotVerbatim { .. } => (
                "copy the words exactly from that passage (only white space may differ)".into(),
                "请从该段原文中逐字复制（只有空白可以不同）".into(),
            ),
            NoSources => (
                "add at least one {\"para\", \"quote\"} from the source".into(),
                "请至少添加一条出自原文的 {\"para\", \"quote\"}".into(),
            ),
            UnknownBasis { allowed, .. } => (format!("use one of: {allowed}"), format!("可选：{allowed}")),
            NoTranslation { lang } => (
                format!(
                    "add \"translation\": {{\"lang\": \"{}\", \"text\": \"…\", \"basis\": \"ours\"}} to the quote",
                    lang.code()
                ),
                format!(
                    "请为该引文加上 \"translation\": {{\"lang\": \"{}\", \"text\": \"…\", \"basis\": \"ours\"}}",
                    lang.code()
                ),
            ),
            BadTranslationLang { expected, .. } => (
                format!("translate the quote into \"{}\"", expected.code()),
                format!("请把引文译为 \"{}\"", expected.code()),
            ),
            NoTranslationNote => (
                "add a \"note\" naming the speaker, occasion and date, or the document".into(),
                "请添加 \"note\"，写明说话人、场合和日期，或文件名称".into(),
            ),
            NoReadingNote => (
                "write a note saying what in the text leads to this link, or mark it as stated in the text".into(),
                "请写一条说明，指出原文中何处引出此关系；或将其标为原文明言".into(),
            ),
            GroupInTwoStages { .. } => (
                "put each group in one stage only".into(),
                "每个分组只能属于一个阶段".into(),
            ),
            UnknownCsvFile => (
                "name the files reading.csv, nodes.csv, links.csv, events.csv, tour.csv, groups.csv and source.txt (or source.md)".into(),
                "文件名须为 reading.csv、nodes.csv、links.csv、events.csv、tour.csv、groups.csv 以及 source.txt（或 source.md）".into(),
            ),
            MissingCsvFile => (
                "choose it together with the other files (see docs/csv-template)".into(),
                "请与其他文件一起选择它（见 docs/csv-template）".into(),
            ),
            NotCsv { .. } => (
                "save the sheet as CSV (UTF-8) from the spreadsheet".into(),
                "请在电子表格中另存为 CSV（UTF-8）".into(),
            ),
            UnknownCsvColumn | CsvColumnTwice => (
                "use the header of the template in docs/csv-template".into(),
                "请使用 docs/csv-template 模板中的表头".into(),
            ),
            CsvColumnNeedsLang => (
                "name it with its language, such as label_zh and label_en".into(),
                "请在列名后注明语言，例如 label_zh 和 label_en".into(),
            ),
            UnknownCsvField { .. } => (
                format!("use one of: {}", crate::csv_import::READING_FIELDS.join(", ")),
                format!("可选：{}", crate::csv_import::READING_FIELDS.join("、")),
            ),
            NoBuiltInData => (
                "build the page with tools/build.sh, which puts the data set into it as <script type=\"application/json\" id=\"atlas-data\">".into(),
                "请用 tools/build.sh 构建页面，它会把数据集写入 <script type=\"application/json\" id=\"atlas-data\">".into(),
            ),
        };
        match lang {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }

    /// `path: message (hint)` in `lang`, the form shown in the page.
    pub fn describe(&self, lang: Lang) -> String {
        let place = if self.at.is_some() {
            self.place(lang)
        } else if self.path.is_empty() {
            match lang {
                Lang::En => "file".to_string(),
                Lang::Zh => "文件".to_string(),
            }
        } else {
            self.path.clone()
        };
        match lang {
            Lang::En => format!("{place}: {} ({})", self.message(lang), self.hint(lang)),
            Lang::Zh => format!("{place}：{}（{}）", self.message(lang), self.hint(lang)),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.at.is_some() {
            write!(f, "{}: {}", self.place(Lang::En), self.message(Lang::En))
        } else if self.path.is_empty() {
            write!(f, "{}", self.message(Lang::En))
        } else {
            write!(f, "{}: {}", self.path, self.message(Lang::En))
        }
    }
}

fn lang_name(lang: Lang, in_lang: Lang) -> &'static str {
    match (lang, in_lang) {
        (Lang::Zh, Lang::En) => "Chinese",
        (Lang::En, Lang::En) => "English",
        (Lang::Zh, Lang::Zh) => "中文",
        (Lang::En, Lang::Zh) => "英文",
    }
}

fn type_zh(name: &str) -> &'static str {
    match name {
        "a string" => "字符串",
        "a number" => "数字",
        "a whole number" => "整数",
        "an object" => "对象",
        "a list" => "列表",
        "true or false" => "布尔值",
        "null" => "null",
        _ => "其他类型",
    }
}

/// Whether the value at `path` names one node: a link's end (`links[3].target`) or an event's
/// actor (`events[0].actor`).
fn names_a_node(path: &str) -> bool {
    let Some((list, field)) = path.split_once("].") else { return false };
    matches!((list.split('[').next(), field), (Some("links"), "source" | "target") | (Some("events"), "actor"))
}
