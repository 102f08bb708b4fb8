//! A reading made in a spreadsheet: CSV files (`reading.csv`, `nodes.csv`, `links.csv`,
//! `events.csv`, `tour.csv`, `groups.csv`) and, optionally, the source's text (`source.txt` or
//! `source.md`), turned into the data set the loader reads (`docs/csv-template/`).
//!
//! The files become a data set's JSON, then the loader checks it as it checks any file; every
//! problem is then reported where the teacher can fix it: the file, the spreadsheet row (the
//! header is row 1) and the column, rather than a JSON path the teacher never wrote.
//!
//! Text columns are named by field and language: `label_en`, `label_zh`; in a one-language
//! reading the field's name alone (`label`) also holds its text. One source per row (`para`,
//! `quote`, and in a two-language reading `translation`).

use crate::load::load_data_set;
use crate::model::{Lang, Languages};
use crate::problem::{CsvPlace, Problem, ProblemKind};
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// One file a teacher chose: its name and its text.
pub struct CsvFile<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// Whether a set of chosen files is a spreadsheet reading (any `.csv` among them).
pub fn is_csv_set(names: &[&str]) -> bool {
    names.iter().any(|n| n.to_ascii_lowercase().ends_with(".csv"))
}

/// The tables a reading may have: the file name, whether it is required, and its columns (text
/// columns by field name; each may appear per language).
struct Table {
    file: &'static str,
    required: bool,
    /// Columns that are not texts.
    plain: &'static [&'static str],
    /// Text fields (`label` → `label`, `label_en`, `label_zh`).
    texts: &'static [&'static str],
}

const SOURCE_COLUMNS: [&str; 5] = ["para", "quote", "translation", "translation_basis", "translation_note"];

const TABLES: [Table; 6] = [
    Table { file: "reading.csv", required: true, plain: &["field", "value"], texts: &["value"] },
    Table { file: "groups.csv", required: false, plain: &["id"], texts: &["label"] },
    Table {
        file: "nodes.csv",
        required: true,
        plain: &["id", "kind", "group", "aliases"],
        texts: &["label", "summary"],
    },
    Table { file: "links.csv", required: false, plain: &["source", "relation", "target", "basis"], texts: &["note"] },
    Table {
        file: "events.csv",
        required: false,
        plain: &["id", "date", "actor", "nodes"],
        texts: &["title", "summary"],
    },
    Table {
        file: "tour.csv",
        required: false,
        plain: &["id", "nodes", "events", "reveal"],
        texts: &["title", "text", "notes"],
    },
];

/// The fields of `reading.csv`, each a row named in its `field` column.
pub const READING_FIELDS: [&str; 12] = [
    "languages",
    "title",
    "author",
    "year",
    "citation",
    "thesis",
    "thesis_nodes",
    "thesis_para",
    "thesis_quote",
    "thesis_translation",
    "principles",
    "models",
];

/// One parsed table: its header and rows, each cell with its spreadsheet place.
struct Sheet {
    file: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Sheet {
    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }
    fn header_place(&self, column: usize) -> CsvPlace {
        CsvPlace { row: 1, ..self.place(0, Some(column)) }
    }
    /// The place of a cell of data row `row` (0 is the row under the header: spreadsheet row 2).
    fn place(&self, row: usize, column: Option<usize>) -> CsvPlace {
        CsvPlace {
            file: self.file.clone(),
            row: row + 2,
            column: column.map(|c| (c, self.header.get(c).cloned().unwrap_or_default())),
        }
    }
}

/// Reads the chosen files into a data set's JSON text, or every problem with its place.
pub fn import_csv(files: &[CsvFile]) -> Result<String, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut sheets: HashMap<&'static str, Sheet> = HashMap::new();
    let mut source_text: Option<&str> = None;
    for file in files {
        let lower = file.name.to_ascii_lowercase();
        let base = lower.rsplit(['/', '\\']).next().unwrap_or(&lower).to_string();
        if base == "source.txt" || base == "source.md" {
            source_text = Some(file.text);
            continue;
        }
        let Some(table) = TABLES.iter().find(|t| t.file == base) else {
            problems.push(Problem::at(CsvPlace::file(file.name), ProblemKind::UnknownCsvFile));
            continue;
        };
        match parse(file.name, file.text) {
            Ok(sheet) => {
                sheets.insert(table.file, sheet);
            }
            Err((row, detail)) => {
                let place = CsvPlace { file: file.name.to_string(), row, column: None };
                problems.push(Problem::at(place, ProblemKind::NotCsv { detail }));
            }
        }
    }
    for table in TABLES.iter().filter(|t| t.required && !sheets.contains_key(t.file)) {
        problems.push(Problem::at(CsvPlace::file(table.file), ProblemKind::MissingCsvFile));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut builder = Builder { places: Vec::new(), problems: Vec::new(), languages: Languages::default() };
    let value = builder.data_set(&sheets, source_text);
    if !builder.problems.is_empty() {
        return Err(builder.problems);
    }
    let text = serde_json::to_string_pretty(&value).unwrap_or_default();
    match load_data_set(&text) {
        Ok(_) => Ok(text),
        Err(found) => Err(found.into_iter().map(|p| builder.locate(p)).collect()),
    }
}

/// Parses one CSV file (a UTF-8 byte-order mark allowed; rows may be shorter than the header),
/// or says at which row and why it cannot.
fn parse(name: &str, text: &str) -> Result<Sheet, (usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut records = Vec::new();
    for (i, record) in reader.records().enumerate() {
        match record {
            Ok(record) => records.push(record.iter().map(|c| c.trim().to_string()).collect::<Vec<String>>()),
            Err(err) => return Err((i + 1, err.to_string())),
        }
    }
    let mut records = records.into_iter();
    let header: Vec<String> = records.next().unwrap_or_default().into_iter().map(|h| h.to_ascii_lowercase()).collect();
    // Rows a spreadsheet leaves empty at the end (or between items) are not items.
    let rows = records.filter(|r| r.iter().any(|c| !c.is_empty())).collect();
    Ok(Sheet { file: name.to_string(), header, rows })
}

/// Splits a list cell: ids separated by spaces, commas or semicolons.
fn list(cell: &str) -> Vec<Value> {
    cell.split([' ', ',', ';', '\n']).filter(|s| !s.is_empty()).map(|s| Value::String(s.to_string())).collect()
}

/// The JSON being built, with where each part came from.
struct Builder {
    /// JSON paths and the place each was read from; longest match wins.
    places: Vec<(String, CsvPlace)>,
    problems: Vec<Problem>,
    languages: Languages,
}

impl Builder {
    fn record(&mut self, path: String, place: CsvPlace) {
        self.places.push((path, place));
    }

    /// A loader problem at a JSON path, placed at the file, row and column it came from.
    fn locate(&self, problem: Problem) -> Problem {
        let within = |prefix: &str| {
            problem.path == prefix
                || (problem.path.starts_with(prefix)
                    && matches!(problem.path.as_bytes().get(prefix.len()), Some(b'.' | b'[')))
        };
        let best = self.places.iter().filter(|(path, _)| within(path)).max_by_key(|(path, _)| path.len());
        match best {
            Some((path, place)) => {
                // Within a cell (an id of a list) the cell says enough; within a row, say what.
                let rest = problem.path[path.len()..].trim_start_matches('.').to_string();
                let detail = (!rest.is_empty() && place.column.is_none()).then_some(rest);
                Problem { at: Some(place.clone()), detail, ..problem }
            }
            None => problem,
        }
    }

    /// Checks a sheet's header against its table: every column known, no column twice.
    fn check_header(&mut self, sheet: &Sheet, table: &Table) -> bool {
        let mut ok = true;
        for (c, name) in sheet.header.iter().enumerate() {
            let known = table.plain.contains(&name.as_str())
                || SOURCE_COLUMNS.contains(&name.as_str())
                || table.texts.iter().any(|t| text_column_lang(name, t).is_some());
            let twice = sheet.header[..c].contains(name);
            if !known || twice {
                let kind = if twice { ProblemKind::CsvColumnTwice } else { ProblemKind::UnknownCsvColumn };
                self.problems.push(Problem::at(sheet.header_place(c), kind));
                ok = false;
            }
        }
        ok
    }

    /// The text of field `name` in a row: `{lang: cell}` for each language column present, the
    /// bare column (`label`) counting as the source's language in a one-language reading.
    fn text(&mut self, sheet: &Sheet, row: usize, name: &str, path: &str) -> Option<Value> {
        let mut text = Map::new();
        for (c, column) in sheet.header.iter().enumerate() {
            let Some(lang) = text_column_lang(column, name) else { continue };
            let lang = match lang {
                Some(lang) => lang,
                None if !self.languages.is_bilingual() => self.languages.source,
                // The bare column of a two-language reading holds what is not text (reading.csv's
                // `value`); a text in it says nothing of its language.
                None if sheet.rows[row].get(c).is_none_or(String::is_empty) => continue,
                None => {
                    self.problems.push(Problem::at(sheet.place(row, Some(c)), ProblemKind::CsvColumnNeedsLang));
                    continue;
                }
            };
            let cell = sheet.rows[row].get(c).cloned().unwrap_or_default();
            if cell.is_empty() && !self.languages.has(lang) {
                continue;
            }
            // A problem with the whole text (a link the text does not state without its note) is
            // placed at its first column.
            if text.is_empty() {
                self.record(path.to_string(), sheet.place(row, Some(c)));
            }
            self.record(format!("{path}.{}", lang.code()), sheet.place(row, Some(c)));
            text.insert(lang.code().to_string(), Value::String(cell));
        }
        // An optional text left empty in every language is absent.
        let blank = text.values().all(|v| v.as_str().is_some_and(str::is_empty));
        let absent = text.is_empty() || (blank && crate::draft::is_optional_text_field(path));
        (!absent).then_some(Value::Object(text))
    }

    fn cell(&mut self, sheet: &Sheet, row: usize, column: &str, path: &str) -> Option<String> {
        let c = sheet.column(column)?;
        let cell = sheet.rows[row].get(c).cloned().unwrap_or_default();
        self.record(path.to_string(), sheet.place(row, Some(c)));
        (!cell.is_empty()).then_some(cell)
    }

    /// The row's one source: `para`, `quote` and the optional translation columns.
    fn sources(&mut self, sheet: &Sheet, row: usize, path: &str, prefix: &str) -> Value {
        let col = |name: &str| format!("{prefix}{name}");
        let list_path = format!("{path}.sources");
        let item = format!("{list_path}[0]");
        let para = self.cell(sheet, row, &col("para"), &format!("{item}.para"));
        let quote = self.cell(sheet, row, &col("quote"), &format!("{item}.quote"));
        if let Some(c) = sheet.column(&col("quote")).or(sheet.column(&col("para"))) {
            self.record(list_path, sheet.place(row, Some(c)));
        }
        if para.is_none() && quote.is_none() {
            return json!([]);
        }
        let mut source = Map::new();
        source.insert("para".into(), para.map_or(Value::Null, Value::String));
        source.insert("quote".into(), quote.map_or(Value::Null, Value::String));
        let translation = self.cell(sheet, row, &col("translation"), &format!("{item}.translation.text"));
        if let Some(text) = translation {
            let basis = self.cell(sheet, row, &col("translation_basis"), &format!("{item}.translation.basis"));
            let note = self.cell(sheet, row, &col("translation_note"), &format!("{item}.translation.note"));
            if let Some(c) = sheet.column(&col("translation")) {
                self.record(format!("{item}.translation"), sheet.place(row, Some(c)));
            }
            let lang = self.languages.second.unwrap_or(self.languages.source.other());
            let mut t = json!({"lang": lang.code(), "text": text, "basis": basis.unwrap_or_else(|| "ours".into())});
            if let Some(note) = note {
                t["note"] = Value::String(note);
            }
            source.insert("translation".into(), t);
        }
        Value::Array(vec![Value::Object(source)])
    }

    fn data_set(&mut self, sheets: &HashMap<&'static str, Sheet>, source_text: Option<&str>) -> Value {
        let mut top = Map::new();
        top.insert("format".into(), Value::String(crate::model::FORMAT.into()));
        if let Some(reading) = sheets.get("reading.csv") {
            if self.check_header(reading, &TABLES[0]) {
                self.reading(reading, &mut top);
            }
        }
        let tables = [
            ("groups.csv", "groups"),
            ("nodes.csv", "nodes"),
            ("links.csv", "links"),
            ("events.csv", "events"),
            ("tour.csv", "tour"),
        ];
        for (file, key) in tables {
            let Some(sheet) = sheets.get(file) else { continue };
            let Some(table) = TABLES.iter().find(|t| t.file == file) else { continue };
            if !self.check_header(sheet, table) {
                continue;
            }
            let items: Vec<Value> = (0..sheet.rows.len()).map(|row| self.item(sheet, key, row)).collect();
            top.insert(key.into(), Value::Array(items));
        }
        if let Some(text) = source_text {
            let paragraphs: Vec<Value> = crate::quote::passages(text)
                .into_iter()
                .map(|p| json!({"locator": p.locator, "text": p.text}))
                .collect();
            top.insert("source_text".into(), json!({ "paragraphs": paragraphs }));
        }
        Value::Object(top)
    }

    /// `reading.csv`: one row per field (`field`, then `value` or `value_<lang>`).
    fn reading(&mut self, sheet: &Sheet, top: &mut Map<String, Value>) {
        let field_col = sheet.column("field");
        let row_of = |name: &str| {
            field_col
                .and_then(|c| sheet.rows.iter().position(|r| r.get(c).is_some_and(|f| f.eq_ignore_ascii_case(name))))
        };
        for (row, cells) in sheet.rows.iter().enumerate() {
            let field = field_col.and_then(|c| cells.get(c)).map(|f| f.to_ascii_lowercase()).unwrap_or_default();
            if !READING_FIELDS.contains(&field.as_str()) {
                self.problems
                    .push(Problem::at(sheet.place(row, field_col), ProblemKind::UnknownCsvField { found: field }));
            }
        }
        // The languages first: they say which text columns a reading has.
        let mut meta = Map::new();
        if let Some(row) = row_of("languages") {
            let codes = list(&self.cell(sheet, row, "value", "meta.languages").unwrap_or_default());
            match codes.iter().map(|c| c.as_str().and_then(Lang::parse)).collect::<Option<Vec<Lang>>>().as_deref() {
                Some([source]) => self.languages = Languages { source: *source, second: None },
                Some([source, second]) if source != second => {
                    self.languages = Languages { source: *source, second: Some(*second) }
                }
                // The loader says what is wrong with them, at this cell.
                _ => {}
            }
            meta.insert("languages".into(), Value::Array(codes));
        }
        for name in ["title", "author", "citation"] {
            let path = format!("meta.{name}");
            if let Some(row) = row_of(name) {
                self.record(path.clone(), sheet.place(row, field_col));
                if let Some(text) = self.text(sheet, row, "value", &path) {
                    meta.insert(name.into(), text);
                }
            }
        }
        // A year left blank is none (a source that gives none).
        if let Some(year) = row_of("year").and_then(|row| self.cell(sheet, row, "value", "meta.year")) {
            meta.insert("year".into(), year.parse::<i64>().map_or(Value::String(year), |y| json!(y)));
        }
        self.record("meta".into(), CsvPlace::file("reading.csv"));
        top.insert("meta".into(), Value::Object(meta));
        let mut thesis = Map::new();
        self.record("argument".into(), CsvPlace::file("reading.csv"));
        if let Some(row) = row_of("thesis") {
            self.record("argument.thesis".into(), sheet.place(row, field_col));
            if let Some(text) = self.text(sheet, row, "value", "argument.thesis.text") {
                thesis.insert("text".into(), text);
            }
        }
        let value_of =
            |name: &str| row_of(name).and_then(|r| sheet.column("value").and_then(|c| sheet.rows[r].get(c).cloned()));
        if let Some(row) = row_of("thesis_nodes") {
            self.record("argument.thesis.nodes".into(), sheet.place(row, sheet.column("value")));
        }
        thesis.insert("nodes".into(), Value::Array(list(&value_of("thesis_nodes").unwrap_or_default())));
        let para = value_of("thesis_para").filter(|s| !s.is_empty());
        let quote = value_of("thesis_quote").filter(|s| !s.is_empty());
        for (name, key) in [("thesis_para", "para"), ("thesis_quote", "quote"), ("thesis_translation", "translation")] {
            if let Some(row) = row_of(name) {
                let path = format!("argument.thesis.sources[0].{key}");
                self.record(path, sheet.place(row, sheet.column("value")));
            }
        }
        let mut source = json!({"para": para, "quote": quote});
        if let Some(text) = value_of("thesis_translation").filter(|s| !s.is_empty()) {
            let lang = self.languages.second.unwrap_or(self.languages.source.other());
            source["translation"] = json!({"lang": lang.code(), "text": text, "basis": "ours"});
        }
        thesis.insert("sources".into(), json!([source]));
        let mut argument = json!({ "thesis": thesis });
        for name in ["principles", "models"] {
            if let Some(row) = row_of(name) {
                self.record(format!("argument.{name}"), sheet.place(row, sheet.column("value")));
            }
            argument[name] = Value::Array(list(&value_of(name).unwrap_or_default()));
        }
        top.insert("argument".into(), argument);
    }

    /// One row of a list table, as the loader's item.
    fn item(&mut self, sheet: &Sheet, key: &str, row: usize) -> Value {
        let path = format!("{key}[{}]", row);
        self.record(path.clone(), sheet.place(row, None));
        let mut item = Map::new();
        let plain: &[&str] = match key {
            "groups" => &["id"],
            "nodes" => &["id", "kind", "group"],
            "links" => &["source", "relation", "target", "basis"],
            "events" => &["id", "date", "actor"],
            _ => &["id"],
        };
        for name in plain {
            if let Some(cell) = self.cell(sheet, row, name, &format!("{path}.{name}")) {
                item.insert((*name).into(), Value::String(cell));
            }
        }
        let texts: &[&str] = match key {
            "groups" => &["label"],
            "nodes" => &["label", "summary"],
            "links" => &["note"],
            "events" => &["title", "summary"],
            _ => &["title", "text", "notes"],
        };
        for name in texts {
            if let Some(text) = self.text(sheet, row, name, &format!("{path}.{name}")) {
                item.insert((*name).into(), text);
            }
        }
        let lists: &[&str] = match key {
            "events" => &["nodes"],
            "tour" => &["nodes", "events"],
            _ => &[],
        };
        for name in lists {
            let cell = self.cell(sheet, row, name, &format!("{path}.{name}")).unwrap_or_default();
            item.insert((*name).into(), Value::Array(list(&cell)));
        }
        if key == "nodes" {
            if let Some(cell) = self.cell(sheet, row, "aliases", &format!("{path}.aliases")) {
                let names: Vec<Value> =
                    cell.split(';').map(str::trim).filter(|s| !s.is_empty()).map(|s| json!(s)).collect();
                item.insert("aliases".into(), json!({ self.languages.source.code(): names }));
            }
        }
        if key == "tour" {
            if let Some(cell) = self.cell(sheet, row, "reveal", &format!("{path}.reveal")) {
                let reveal = match cell.to_ascii_lowercase().as_str() {
                    "yes" | "true" | "1" | "是" => json!(true),
                    "no" | "false" | "0" | "否" => json!(false),
                    _ => Value::String(cell),
                };
                item.insert("reveal".into(), reveal);
            }
        }
        if matches!(key, "nodes" | "links" | "events") {
            item.insert("sources".into(), self.sources(sheet, row, &path, ""));
        }
        Value::Object(item)
    }
}

/// The language a column holds for text field `field`: `Some(Some(lang))` for `field_<lang>`,
/// `Some(None)` for the bare `field`, `None` for another column.
fn text_column_lang(column: &str, field: &str) -> Option<Option<Lang>> {
    if column == field {
        return Some(None);
    }
    let lang = column.strip_prefix(field)?.strip_prefix('_')?;
    match lang {
        "zh" => Some(Some(Lang::Zh)),
        "en" => Some(Some(Lang::En)),
        _ => None,
    }
}
