//! A reading made in a spreadsheet: the template in `docs/csv-template` imports as a reading,
//! and every problem is placed at the file, row and column the teacher wrote.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atlas_core::csv_import::{import_csv, is_csv_set, CsvFile};
use atlas_core::{load_data_set, Lang};

const TEMPLATE: [(&str, &str); 6] = [
    ("reading.csv", include_str!("../../docs/csv-template/reading.csv")),
    ("nodes.csv", include_str!("../../docs/csv-template/nodes.csv")),
    ("links.csv", include_str!("../../docs/csv-template/links.csv")),
    ("events.csv", include_str!("../../docs/csv-template/events.csv")),
    ("tour.csv", include_str!("../../docs/csv-template/tour.csv")),
    ("source.txt", include_str!("../../docs/csv-template/source.txt")),
];

/// The template with `edit` applied to the named file's text.
fn import_edited(file: &str, edit: impl Fn(&str) -> String) -> Result<String, Vec<String>> {
    let texts: Vec<(String, String)> = TEMPLATE
        .iter()
        .map(|(name, text)| (name.to_string(), if *name == file { edit(text) } else { text.to_string() }))
        .collect();
    let files: Vec<CsvFile> = texts.iter().map(|(name, text)| CsvFile { name, text }).collect();
    import_csv(&files).map_err(|problems| problems.iter().map(|p| p.to_string()).collect())
}

fn check(file: &str, edit: impl Fn(&str) -> String, want: &[&str]) {
    let got = import_edited(file, edit).err().unwrap_or_default();
    assert_eq!(got, want, "after editing {file}");
}

#[test]
fn the_template_imports_as_a_reading_with_its_source_text() {
    assert!(is_csv_set(&["Nodes.CSV", "source.txt"]) && !is_csv_set(&["reading.json"]));
    let text = import_edited("", str::to_string).expect("the template imports");
    let model = load_data_set(&text).unwrap();
    assert_eq!((model.nodes.len(), model.links.len(), model.events.len(), model.tour.len()), (5, 4, 1, 2));
    assert_eq!(model.quote_count(), 11, "5 nodes, 4 links, 1 event and the thesis");
    assert_eq!((model.source_lang(), model.meta.languages.second), (Lang::En, None));
    assert_eq!(model.meta.title.get(Lang::Zh), "Trust in shared infrastructure");
    assert_eq!(model.meta.year, Some(2024));
    assert_eq!(model.meta.citation.en, "A. Teacher, \"Trust in shared infrastructure\", course notes, 2024.");
    let hoarding = model.node("hoarding").unwrap();
    assert_eq!(hoarding.summary.en, "Each member hoards; prudent alone, ruinous together.");
    assert_eq!(
        (hoarding.sources[0].para.as_str(), hoarding.sources[0].quote.as_str()),
        ("P2", "Hoarding looks prudent to each of them")
    );
    assert_eq!(model.links[2].sources[0].quote, "What restores trust is repeated, visible reciprocity");
    assert_eq!(model.events[0].nodes, ["hoarding", "visible-reciprocity"]);
    assert_eq!(model.tour[1].events, ["open-ledgers"]);
    assert_eq!(model.argument.principles, ["visible-reciprocity"]);
    let source = model.source_text.as_ref().unwrap();
    let locators: Vec<&str> = source.paragraphs.iter().map(|p| p.locator.as_str()).collect();
    assert_eq!(locators, ["P1", "P2", "P3", "P4", "P5"], "the heading is not a passage");
}

#[test]
fn a_summary_or_a_note_left_blank_is_left_out() {
    let blank_cell = |text: &str, at: &str| text.replacen(at, "", 1);
    let nodes = |t: &str| blank_cell(t, "A member treats the shared resource as a weapon.");
    let links = |t: &str| blank_cell(t, "Weaponising the commons makes the others hoard.");
    let events = |t: &str| blank_cell(t, "The water board keeps open ledgers; hoarding stops by spring.");
    for (file, edit) in
        [("nodes.csv", &nodes as &dyn Fn(&str) -> String), ("links.csv", &links), ("events.csv", &events)]
    {
        let text = import_edited(file, edit).unwrap_or_else(|problems| panic!("{file}: {problems:?}"));
        let model = load_data_set(&text).unwrap();
        let left_out = match file {
            "nodes.csv" => model.node("weaponisation").unwrap().summary.is_empty(),
            "links.csv" => model.links[0].note.is_empty(),
            _ => model.events[0].summary.is_empty(),
        };
        assert!(left_out, "{file}: the blank cell is no text");
    }
}

#[test]
fn an_author_or_a_year_left_blank_is_none() {
    let text = import_edited("reading.csv", |t| {
        t.lines()
            .map(|l| {
                if l.starts_with("author,") || l.starts_with("year,") {
                    l.split(',').next().unwrap().to_string() + ","
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
    .unwrap_or_else(|problems| panic!("{problems:?}"));
    let model = load_data_set(&text).unwrap();
    assert!(model.meta.author.is_empty() && model.meta.year.is_none(), "{:?}", model.meta);
}

#[test]
fn a_bad_cell_is_reported_by_file_row_and_column() {
    // Row 3 of nodes.csv is the second node (the header is row 1); kind is column B.
    check(
        "nodes.csv",
        |t| t.replacen("hoarding,threat,", "hoarding,villain,", 1),
        &["nodes.csv, row 3, column B (kind): \"villain\" is not a node kind"],
    );
    check(
        "links.csv",
        |t| t.replacen("water-board,exemplifies,visible-reciprocity", "water-board,exemplifies,nobody", 1),
        &["links.csv, row 5, column C (target): no node \"nobody\""],
    );
    // A misquote is placed at its quote cell, a missing passage at its locator.
    check(
        "nodes.csv",
        |t| t.replacen("Hoarding looks prudent", "Hoarding looks wise", 1),
        &["nodes.csv, row 3, column G (quote): the quote is not found word for word in P2"],
    );
    check(
        "events.csv",
        |t| t.replacen(",P5,", ",P9,", 1),
        &["events.csv, row 2, column G (para): the source text has no passage \"P9\""],
    );
    check(
        "tour.csv",
        |t| t.replacen("open-ledgers", "no-such-event", 1),
        &["tour.csv, row 3, column E (events): no event \"no-such-event\""],
    );
    check(
        "reading.csv",
        |t| t.replacen("year,2024", "year,next year", 1),
        &["reading.csv, row 5, column B (value): expected a whole number, found a string"],
    );
    // A link marked as the reading's inference without its note: placed at the note's column.
    check(
        "links.csv",
        |t| {
            t.replacen(
                "weaponisation,drives,hoarding,,Weaponising the commons makes the others hoard.,",
                "weaponisation,drives,hoarding,reading,,",
                1,
            )
        },
        &["links.csv, row 2, column E (note): is marked as the reading's inference but has no note saying why"],
    );
    check(
        "nodes.csv",
        |t| t.replacen(",Hoarding,", ",,", 1),
        &["nodes.csv, row 3, column D (label): must not be empty"],
    );
    check(
        "nodes.csv",
        |t| t.replacen(",P2,Hoarding looks prudent to each of them,", ",,,", 1),
        &["nodes.csv, row 3, column G (quote): has no sources"],
    );
}

#[test]
fn files_columns_and_fields_the_reading_does_not_have_are_named() {
    check(
        "nodes.csv",
        |t| t.replacen("summary,para", "sumary,para", 1),
        &["nodes.csv, row 1, column E (sumary): is not a column of this file"],
    );
    check(
        "nodes.csv",
        |t| t.replacen("summary,para", "label,para", 1),
        &["nodes.csv, row 1, column E (label): is a column already named in the header"],
    );
    check(
        "reading.csv",
        |t| t.replacen("title,Trust in shared infrastructure\n", "", 1),
        &["reading.csv (title): required but missing"],
    );
    check(
        "reading.csv",
        |t| t.replacen("thesis_para", "thesis_page", 1),
        &["reading.csv, row 9, column A (field): \"thesis_page\" is not a field of reading.csv"],
    );
    // An English reading given a Chinese label: the cell says so.
    check(
        "nodes.csv",
        |t| {
            t.replacen("aliases\n", "aliases,label_zh\n", 1).replacen(
                "Hoarding looks prudent to each of them,\n",
                "Hoarding looks prudent to each of them,,囤积\n",
                1,
            )
        },
        &["nodes.csv, row 3, column I (label_zh): \"zh\" is not one of the reading's languages"],
    );
    let files = [CsvFile { name: "nodes.csv", text: "id\n" }, CsvFile { name: "notes.csv", text: "a\n" }];
    let problems: Vec<String> = import_csv(&files).unwrap_err().iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        ["notes.csv: is not one of a spreadsheet reading's files", "reading.csv: is needed but was not chosen",]
    );
}

#[test]
fn a_two_language_reading_names_each_text_column_with_its_language() {
    let reading = "field,value,value_zh,value_en\nlanguages,zh en\ntitle,,标题,Title\nauthor,,作者,Author\nyear,2023\ncitation,,引用,Citation\nthesis,,论点,Thesis\nthesis_nodes,a\nthesis_para,P01\nthesis_quote,共同安全\nthesis_translation,common security\n";
    let nodes = "id,kind,label_zh,label_en,summary_zh,summary_en,para,quote,translation\na,concept,共同安全,Common security,摘要,Summary,P01,共同安全,common security\n";
    let files = [CsvFile { name: "reading.csv", text: reading }, CsvFile { name: "nodes.csv", text: nodes }];
    let model = load_data_set(&import_csv(&files).unwrap()).unwrap();
    assert_eq!(model.nodes[0].label.exact(Lang::Zh), "共同安全");
    assert_eq!(model.nodes[0].label.exact(Lang::En), "Common security");
    let translation = model.nodes[0].sources[0].translation.as_ref().unwrap();
    assert_eq!((translation.lang, translation.text.as_str()), (Lang::En, "common security"));
    // A bare text column says nothing of its language in a two-language reading.
    let bare = nodes.replacen("label_zh,label_en", "label,label_en", 1);
    let files = [CsvFile { name: "reading.csv", text: reading }, CsvFile { name: "nodes.csv", text: &bare }];
    let problems: Vec<String> = import_csv(&files).unwrap_err().iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        ["nodes.csv, row 2, column C (label): a two-language reading's text column must say its language"]
    );
    // A byte-order mark (as spreadsheets write it) and Windows line ends are read as text.
    let bom = format!("\u{feff}{}", nodes.replace('\n', "\r\n"));
    let files = [CsvFile { name: "reading.csv", text: reading }, CsvFile { name: "nodes.csv", text: &bom }];
    assert!(import_csv(&files).is_ok());
}
