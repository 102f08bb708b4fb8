//! The editor's draft: a reading made edit by edit is the reading the CSV template makes; each
//! edit's rule (fields, lists, citations, the source text); undo and redo; problems at fields.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atlas_core::csv_import::{import_csv, CsvFile};
use atlas_core::draft::{
    first_item_with_problem, id_given_by, is_choice_path, items_after_removal, problems_at, problems_of_field,
    value_of_field, Draft, Edit, EditError, History, ListKind, Step, UNDO_DEPTH,
};
use atlas_core::{load_data_set, Lang, Languages};
use serde_json::json;

const SOURCE: &str = include_str!("../../docs/csv-template/source.txt");
const ENGLISH: Languages = Languages { source: Lang::En, second: None };

fn set(path: &str, text: &str) -> Edit {
    Edit::Set { path: path.into(), text: text.into() }
}

fn cite(item: &str, para: &str, quote: &str) -> Edit {
    Edit::Cite { item: item.into(), para: para.into(), quote: quote.into() }
}

/// The template's reading (`docs/csv-template`), made as a teacher makes it in the editor.
fn template_edits() -> Vec<Edit> {
    let mut edits = vec![
        Edit::SourceText(SOURCE.into()),
        set("meta.title.en", "Trust in shared infrastructure"),
        set("meta.author.en", "A. Teacher"),
        set("meta.year", "2024"),
        set("meta.citation.en", "A. Teacher, \"Trust in shared infrastructure\", course notes, 2024."),
        set("argument.thesis.text.en", "Only visible reciprocity restores the trust shared infrastructure needs."),
        set("argument.thesis.nodes", "visible-reciprocity"),
        cite("argument.thesis", "P4", "make cooperation the habit"),
        set("argument.principles", "visible-reciprocity"),
    ];
    let nodes = [
        (
            "weaponisation",
            "threat",
            "Weaponised commons",
            "A member treats the shared resource as a weapon.",
            "P2",
            "treat the common resource as a weapon",
        ),
        (
            "hoarding",
            "threat",
            "Hoarding",
            "Each member hoards; prudent alone, ruinous together.",
            "P2",
            "Hoarding looks prudent to each of them",
        ),
        (
            "unenforced-rules",
            "threat",
            "Unenforced rules",
            "Rules nobody enforces make defection cheap.",
            "P3",
            "Rules that nobody enforces teach members that defection is cheap",
        ),
        (
            "visible-reciprocity",
            "response",
            "Visible reciprocity",
            "Repeated small exchanges each side can check.",
            "P4",
            "repeated, visible reciprocity",
        ),
        (
            "water-board",
            "actor",
            "Regional water board",
            // No summary (optional): the form's field left empty writes none.
            "",
            "P5",
            "the regional water board tried open ledgers",
        ),
    ];
    for (i, (id, kind, label, summary, para, quote)) in nodes.into_iter().enumerate() {
        let at = format!("nodes[{i}]");
        edits.push(Edit::Add(ListKind::Nodes));
        edits.push(set(&format!("{at}.id"), id));
        edits.push(set(&format!("{at}.kind"), kind));
        edits.push(set(&format!("{at}.label.en"), label));
        edits.push(set(&format!("{at}.summary.en"), summary));
        edits.push(cite(&at, para, quote));
    }
    let links = [
        (
            "weaponisation",
            "drives",
            "hoarding",
            "Weaponising the commons makes the others hoard.",
            "P2",
            "the others hoard",
        ),
        (
            "unenforced-rules",
            "aggravates",
            "hoarding",
            "Cheap defection brings the next crisis sooner.",
            "P3",
            "the next crisis arrives sooner",
        ),
        (
            "visible-reciprocity",
            "addresses",
            "hoarding",
            "Reciprocity restores the trust hoarding lost.",
            "P4",
            "What restores trust is repeated, visible reciprocity",
        ),
        (
            "water-board",
            "exemplifies",
            "visible-reciprocity",
            // No note (optional).
            "",
            "P5",
            "tried open ledgers for a season",
        ),
    ];
    for (i, (source, relation, target, note, para, quote)) in links.into_iter().enumerate() {
        let at = format!("links[{i}]");
        edits.push(Edit::Add(ListKind::Links));
        edits.push(set(&format!("{at}.source"), source));
        edits.push(set(&format!("{at}.relation"), relation));
        edits.push(set(&format!("{at}.target"), target));
        edits.push(set(&format!("{at}.note.en"), note));
        edits.push(cite(&at, para, quote));
    }
    edits.extend([
        Edit::Add(ListKind::Events),
        set("events[0].id", "open-ledgers"),
        set("events[0].date", "2019"),
        set("events[0].actor", "water-board"),
        set("events[0].title.en", "Open-ledger season"),
        set("events[0].summary.en", "The water board keeps open ledgers; hoarding stops by spring."),
        set("events[0].nodes", "hoarding visible-reciprocity"),
        cite("events[0]", "P5", "by the following spring the hoarding had stopped"),
        Edit::Add(ListKind::Tour),
        set("tour[0].id", "the-spiral"),
        set("tour[0].title.en", "How trust breaks"),
        set("tour[0].text.en", "Weaponising the commons drives hoarding."),
        set("tour[0].nodes", "weaponisation hoarding"),
        Edit::Add(ListKind::Tour),
        set("tour[1].id", "the-way-out"),
        set("tour[1].title.en", "How it returns"),
        set("tour[1].text.en", "Visible reciprocity, as the water board showed."),
        set("tour[1].nodes", "visible-reciprocity, water-board"),
        set("tour[1].events", "open-ledgers"),
    ]);
    edits
}

fn template_from_csv() -> atlas_core::Model {
    let files = [
        ("reading.csv", include_str!("../../docs/csv-template/reading.csv")),
        ("nodes.csv", include_str!("../../docs/csv-template/nodes.csv")),
        ("links.csv", include_str!("../../docs/csv-template/links.csv")),
        ("events.csv", include_str!("../../docs/csv-template/events.csv")),
        ("tour.csv", include_str!("../../docs/csv-template/tour.csv")),
        ("source.txt", SOURCE),
    ];
    let files: Vec<CsvFile> = files.iter().map(|(name, text)| CsvFile { name, text }).collect();
    load_data_set(&import_csv(&files).expect("the template imports")).expect("and loads")
}

#[test]
fn a_reading_made_edit_by_edit_is_the_reading_the_template_makes() {
    let mut history = History::new(Draft::new(ENGLISH));
    for edit in template_edits() {
        history.apply(&edit).unwrap_or_else(|e| panic!("{edit:?}: {e:?}"));
    }
    let made =
        history.now().check().unwrap_or_else(|p| panic!("{:?}", p.iter().map(|p| p.to_string()).collect::<Vec<_>>()));
    assert_eq!(made, template_from_csv());
    // The draft as a file opens as the same draft, and as the same reading.
    let reopened = Draft::from_text(&history.now().text()).unwrap();
    assert_eq!(&reopened, history.now());
    assert_eq!(load_data_set(&reopened.text()).unwrap(), made);
}

#[test]
fn a_new_draft_reports_what_is_missing_at_its_fields() {
    let draft = Draft::new(ENGLISH);
    let problems = draft.check().unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"meta.title.en"), "{paths:?}");
    assert!(!paths.iter().any(|p| p.ends_with(".zh")), "an English reading asks for no Chinese: {paths:?}");
    // A node just added: its label is wanted at its own field.
    let draft = draft.apply(&Edit::Add(ListKind::Nodes)).unwrap();
    let problems = draft.check().unwrap_err();
    assert!(!problems_at(&problems, "nodes[0].label.en").is_empty());
    assert!(!problems_at(&problems, "nodes[0]").is_empty(), "the item holds its fields' problems");
    assert!(problems_at(&problems, "nodes[0].id").is_empty(), "the id it was given is a good one");
    assert!(problems_at(&problems, "nodes[1]").is_empty(), "nodes[1] is not nodes[0]");
    let at = |path: &str| atlas_core::Problem::new(path, atlas_core::ProblemKind::Missing);
    let some = [at("nodes[10].label.en"), at("nodes[1]"), at("nodes[1].sources[0].quote"), at("nodes[12]")];
    let found: Vec<&str> = problems_at(&some, "nodes[1]").iter().map(|p| p.path.as_str()).collect();
    assert_eq!(found, ["nodes[1]", "nodes[1].sources[0].quote"], "nodes[1] is not nodes[10] nor nodes[12]");
}

#[test]
fn a_field_shows_its_problems_and_its_whole_text_missing() {
    let at = |path: &str| atlas_core::Problem::new(path, atlas_core::ProblemKind::Missing);
    let some = [
        at("nodes[1].label"),
        at("nodes[1].label.en"),
        at("nodes[1].summary"),
        at("nodes[10].label"),
        at("meta.title.zh"),
    ];
    let cases: [(&str, &[&str]); 5] = [
        ("nodes[1].label.en", &["nodes[1].label", "nodes[1].label.en"]),
        ("nodes[1].label.zh", &["nodes[1].label"]),
        ("nodes[1].summary", &["nodes[1].summary"]),
        ("nodes[1].id", &[]),
        ("meta.title.en", &[]),
    ];
    for (field, want) in cases {
        let found: Vec<&str> = problems_of_field(&some, field).iter().map(|p| p.path.as_str()).collect();
        assert_eq!(found, want, "the field {field}");
    }
}

#[test]
fn fields_become_values_by_their_kind() {
    let check = |path: &str, text: &str, want: Option<serde_json::Value>| {
        assert_eq!(value_of_field(path, text), want, "{path} = {text:?}");
    };
    check("nodes[0].label.en", "  Hoarding ", Some(json!("Hoarding")));
    check("nodes[0].label.en", "  ", Some(json!("")));
    check("tour[0].notes.en", " ", None);
    // A summary or a link's note left empty is left out; an outside date's note is not optional.
    check("nodes[3].summary.en", "", None);
    check("events[0].summary.zh", " ", None);
    check("links[12].note.en", "", None);
    check("events[0].outside_date.note.en", "", Some(json!("")));
    check("meta.summary.en", "", Some(json!("")));
    check("meta.author.en", "", None);
    check("meta.year", " ", None);
    check("nodes[0].group", "", None);
    check("tour[0].nodes", "a, b;c  d", Some(json!(["a", "b", "c", "d"])));
    check("tour[0].nodes", "", Some(json!([])));
    check("events[0].nodes", "x", Some(json!(["x"])));
    check("argument.principles", "p q", Some(json!(["p", "q"])));
    check("meta.languages", "en zh", Some(json!(["en", "zh"])));
    check("nodes[0].aliases.en", "water board; the board", Some(json!(["water board", "the board"])));
    check("nodes[0].aliases.en", "", None);
    check("meta.year", "2024", Some(json!(2024)));
    check("meta.year", "c. 2024", Some(json!("c. 2024")));
    check("tour[0].reveal", "yes", Some(json!(true)));
    check("tour[0].reveal", "No", Some(json!(false)));
    check("tour[0].reveal", "maybe", Some(json!("maybe")));
    check("events[0].date", "2019-05", Some(json!("2019-05")));
}

#[test]
fn a_field_reads_back_as_the_form_shows_it() {
    let draft = Draft::from_text(
        r#"{"meta": {"year": 2024}, "nodes": [{"id": "a", "aliases": {"en": ["x y", "z"]}}],
            "tour": [{"nodes": ["a", "b"], "reveal": true}, {"reveal": false}]}"#,
    )
    .unwrap();
    let check = |path: &str, want: &str| assert_eq!(draft.field(path), want, "{path}");
    check("meta.year", "2024");
    check("nodes[0].id", "a");
    check("nodes[0].aliases.en", "x y; z");
    check("tour[0].nodes", "a b");
    check("tour[0].reveal", "yes");
    check("tour[1].reveal", "no");
    check("tour[5].reveal", "");
    check("meta", "");
    // A reading that does not say its languages (the built-in one) is in Chinese with English.
    check("meta.languages", "zh en");
    let english = Draft::from_text(r#"{"meta": {"languages": ["en"]}}"#).unwrap();
    assert_eq!(english.field("meta.languages"), "en");
    assert_eq!(draft.ids(ListKind::Nodes), ["a"]);
    assert_eq!(draft.len("tour"), 2);
    assert_eq!(draft.len("links"), 0);
    // An item's form reads the same texts from the item alone.
    for (at, path) in [
        ("nodes[0]", "aliases.en"),
        ("nodes[0]", "id"),
        ("tour[0]", "nodes"),
        ("tour[0]", "reveal"),
        ("tour[1]", "reveal"),
        ("tour[5]", "reveal"),
    ] {
        assert_eq!(draft.item(at).field(path), draft.field(&format!("{at}.{path}")), "{at}.{path}");
    }
    assert_eq!(draft.item("nodes[0]").len("aliases.en"), 2);
    assert_eq!(draft.item("tour[1]").len("nodes"), 0);
    assert_eq!(draft.item("tour[0]"), draft.item("tour[0]"), "an unchanged item reads as unchanged");
    assert_ne!(draft.item("tour[0]"), draft.item("tour[1]"));
}

#[test]
fn emptying_a_field_removes_it_and_the_empty_object_it_leaves() {
    let draft =
        Draft::from_text(r#"{"tour": [{"notes": {"en": "n"}, "reveal": true}], "links": [{"note": {"en": "n"}}], "nodes": [{"label": {"en": "l"}}]}"#)
            .unwrap();
    let after = draft.apply(&set("tour[0].notes.en", "")).unwrap();
    assert_eq!(after.value()["tour"][0], json!({"reveal": true}));
    let after = after.apply(&set("tour[0].reveal", " ")).unwrap();
    assert_eq!(after.value()["tour"][0], json!({}), "the item itself stays: it is in a list");
    // A link's note is optional: emptied, it goes.
    let after = draft.apply(&set("links[0].note.en", "")).unwrap();
    assert_eq!(after.value()["links"][0].get("note"), None);
    // A text that must be written stays, empty: the loader then names the field itself.
    let emptied = draft.apply(&set("nodes[0].label.en", "")).unwrap();
    assert_eq!(emptied.value()["nodes"][0]["label"], json!({"en": ""}));
    let problems = emptied.check().unwrap_err();
    assert!(
        problems.iter().any(|p| p.path == "nodes[0].label.en"),
        "{:?}",
        problems.iter().map(|p| &p.path).collect::<Vec<_>>()
    );
    // What is there but of another kind (a damaged file) is not replaced by an edit.
    let damaged =
        Draft::from_text(r#"{"meta": "oops", "nodes": {"a": 1}, "links": [{"sources": "see p. 3"}]}"#).unwrap();
    assert_eq!(damaged.apply(&set("meta.title.en", "T")), Err(EditError::NoSuchPlace("meta.title.en".into())));
    assert_eq!(damaged.apply(&Edit::Add(ListKind::Nodes)), Err(EditError::NoSuchPlace("nodes".into())));
    assert_eq!(damaged.apply(&cite("links[0]", "p. 3", "x")), Err(EditError::NoSuchPlace("links[0].sources".into())));
    // Setting makes the objects on the way.
    let after = after.apply(&set("links[0].sources[0].para", "P1"));
    assert_eq!(after, Err(EditError::NoSuchPlace("links[0].sources[0].para".into())), "no list item to set");
    let made = draft.apply(&set("meta.title.en", "T")).unwrap();
    assert_eq!(made.value()["meta"], json!({"title": {"en": "T"}}));
}

#[test]
fn new_items_take_the_first_free_id_and_the_reading_s_languages() {
    let draft = Draft::new(Languages::default());
    let draft = draft.apply(&Edit::Add(ListKind::Nodes)).unwrap();
    let draft = draft.apply(&Edit::Add(ListKind::Nodes)).unwrap();
    assert_eq!(draft.ids(ListKind::Nodes), ["node-1", "node-2"]);
    assert_eq!(draft.value()["nodes"][0]["label"], json!({"zh": "", "en": ""}));
    let draft = draft.apply(&Edit::Remove { list: "nodes".into(), index: 0 }).unwrap();
    let draft = draft.apply(&Edit::Add(ListKind::Nodes)).unwrap();
    assert_eq!(draft.ids(ListKind::Nodes), ["node-2", "node-1"]);
    for kind in ListKind::ALL {
        let made = Draft::new(ENGLISH).apply(&Edit::Add(kind)).unwrap();
        assert_eq!(made.len(kind.key()), 1, "{kind:?}");
        assert_eq!(made.value()[kind.key()][0].get("sources").is_some(), kind.cites(), "{kind:?}");
    }
    let removed = draft.apply(&Edit::Remove { list: "nodes".into(), index: 2 });
    assert_eq!(removed, Err(EditError::NoSuchPlace("nodes[2]".into())));
}

#[test]
fn a_new_node_takes_the_last_node_s_kind_and_a_new_link_the_last_link_s_relation() {
    // (what the list ends with, the field set on its last item or None, what a new item gets)
    let cases: [(ListKind, &str, Option<&str>, &str); 8] = [
        (ListKind::Nodes, "kind", None, "concept"),
        (ListKind::Nodes, "kind", Some("threat"), "threat"),
        (ListKind::Nodes, "kind", Some("response"), "response"),
        (ListKind::Nodes, "kind", Some("not-a-kind"), "concept"),
        (ListKind::Links, "relation", None, "addresses"),
        (ListKind::Links, "relation", Some("drives"), "drives"),
        (ListKind::Links, "relation", Some("mitigates"), "mitigates"),
        (ListKind::Links, "relation", Some("not-a-relation"), "addresses"),
    ];
    for (kind, field, last, want) in cases {
        let list = kind.key();
        let empty = Draft::new(ENGLISH);
        let first = empty.apply(&Edit::Add(kind)).unwrap();
        let before = match last {
            Some(value) => first.apply(&set(&format!("{list}[0].{field}"), value)).unwrap(),
            None => empty.clone(),
        };
        let made = before.apply(&Edit::Add(kind)).unwrap();
        let index = made.len(list) - 1;
        assert_eq!(made.field(&format!("{list}[{index}].{field}")), want, "{list} after {last:?}");
        // The item made from a selection starts the same way.
        let cited = before.apply(&Edit::SourceText(SOURCE.into())).unwrap();
        let cited =
            cited.apply(&Edit::AddCiting { kind, para: "P2".into(), quote: "the others hoard".into() }).unwrap();
        assert_eq!(cited.field(&format!("{list}[{index}].{field}")), want, "{list} from a selection after {last:?}");
    }
    // Only the last item counts: a list ending in a claim makes a claim.
    let draft = [set("nodes[0].kind", "threat"), Edit::Add(ListKind::Nodes), set("nodes[1].kind", "claim")]
        .iter()
        .fold(Draft::new(ENGLISH).apply(&Edit::Add(ListKind::Nodes)).unwrap(), |d, e| d.apply(e).unwrap());
    assert_eq!(draft.apply(&Edit::Add(ListKind::Nodes)).unwrap().field("nodes[2].kind"), "claim");
}

#[test]
fn a_citation_is_verbatim_text_of_the_passage_it_names() {
    let draft = Draft::new(ENGLISH).apply(&Edit::SourceText(SOURCE.into())).unwrap();
    assert_eq!(draft.passages().len(), 5, "the heading is not a passage");
    assert_eq!(draft.passages()[1].locator, "P2");
    let draft = draft.apply(&Edit::Add(ListKind::Nodes)).unwrap();
    // A selection across a line break, with the white space a browser gives it.
    let cited = draft.apply(&cite("nodes[0]", "P2", "  the others\n hoard ")).unwrap();
    assert_eq!(cited.value()["nodes"][0]["sources"], json!([{"para": "P2", "quote": "the others\n hoard"}]));
    let check = |para: &str, quote: &str| {
        assert_eq!(draft.apply(&cite("nodes[0]", para, quote)), Err(EditError::NotInPassage { para: para.into() }));
    };
    check("P3", "the others hoard");
    check("P9", "the others hoard");
    check("P2", "the others hoard everything");
    check("P2", " ");
    // Without a source text, any quote with a locator is taken (the loader checks nothing more).
    let bare = Draft::new(ENGLISH).apply(&Edit::Add(ListKind::Nodes)).unwrap();
    assert!(bare.apply(&cite("nodes[0]", " p. 12 ", "anything")).is_ok());
    assert_eq!(bare.apply(&cite("nodes[0]", "p. 12", " ")), Err(EditError::NotInPassage { para: "p. 12".into() }));
    assert!(bare.apply(&cite("nodes[0]", "", "anything")).is_err());
    let cited = bare.apply(&cite("nodes[0]", " p. 12 ", "anything")).unwrap();
    assert_eq!(cited.value()["nodes"][0]["sources"][0]["para"], json!("p. 12"));
    // In a two-language reading, a citation comes with its translation to write.
    let two = Draft::new(Languages { source: Lang::En, second: Some(Lang::Zh) });
    let two = two.apply(&Edit::SourceText(SOURCE.into())).unwrap().apply(&Edit::Add(ListKind::Nodes)).unwrap();
    let two = two.apply(&cite("nodes[0]", "P2", "the others hoard")).unwrap();
    assert_eq!(
        two.value()["nodes"][0]["sources"][0]["translation"],
        json!({"lang": "zh", "text": "", "basis": "ours"})
    );
    // Setting a translation's text on a source that has none gives it its language and basis.
    let bare = two.apply(&Edit::Remove { list: "nodes[0].sources".into(), index: 0 }).unwrap();
    let bare =
        bare.apply(&Edit::Cite { item: "nodes[0]".into(), para: "P1".into(), quote: "Shared infrastructure".into() });
    let mut bare = bare.unwrap();
    bare = bare.apply(&set("nodes[0].sources[0].translation", "")).unwrap();
    let bare = bare.apply(&set("nodes[0].sources[0].translation.text", "共享基础设施")).unwrap();
    assert_eq!(
        bare.value()["nodes"][0]["sources"][0]["translation"],
        json!({"text": "共享基础设施", "lang": "zh", "basis": "ours"})
    );
}

#[test]
fn an_item_made_from_a_selection_is_added_with_its_quote_in_one_step_or_not_at_all() {
    let draft = Draft::new(ENGLISH).apply(&Edit::SourceText(SOURCE.into())).unwrap();
    let draft = draft.apply(&Edit::Add(ListKind::Nodes)).unwrap();
    let add = |kind: ListKind, para: &str, quote: &str| {
        draft.apply(&Edit::AddCiting { kind, para: para.into(), quote: quote.into() })
    };
    // (kind, locator, words, the new item's path, its id) for each that is made.
    let made = [
        (ListKind::Nodes, "P2", " the others\n hoard ", "nodes[1]", json!("node-2")),
        (ListKind::Events, "P2", "the others", "events[0]", json!("event-1")),
        (ListKind::Links, "P1", "Shared infrastructure", "links[0]", serde_json::Value::Null),
    ];
    for (kind, para, quote, at, id) in made {
        let after = add(kind, para, quote).unwrap();
        let index: usize = at[at.find('[').unwrap() + 1..at.len() - 1].parse().unwrap();
        let item = &after.value()[kind.key()][index];
        assert_eq!(after.len(kind.key()), draft.len(kind.key()) + 1, "{kind:?}");
        assert_eq!(item["sources"], json!([{"para": para, "quote": quote.trim()}]), "{kind:?}");
        assert_eq!(item.get("id").cloned().unwrap_or_default(), id, "{kind:?}");
        // One step: undone at once.
        let mut history = History::new(draft.clone());
        history.apply(&Edit::AddCiting { kind, para: para.into(), quote: quote.into() }).unwrap();
        assert!(history.undo() == Some(Step::Edit) && !history.can_undo() && history.now() == &draft, "{kind:?}");
    }
    // Refused as a citation is, or for a list whose items do not cite: nothing is added.
    let refused = [
        (ListKind::Nodes, "P3", "the others hoard", EditError::NotInPassage { para: "P3".into() }),
        (ListKind::Nodes, "P2", " ", EditError::NotInPassage { para: "P2".into() }),
        (ListKind::Tour, "P2", "the others", EditError::NoSuchPlace("tour[0].sources".into())),
        (ListKind::Groups, "P2", "the others", EditError::NoSuchPlace("groups[0].sources".into())),
    ];
    for (kind, para, quote, why) in refused {
        assert_eq!(add(kind, para, quote), Err(why), "{kind:?} {para} {quote:?}");
    }
}

/// A draft whose every kind of reference names node `a`, event `e` and group `g`.
fn referring_draft() -> Draft {
    let text = json!({
        "format": 2,
        "meta": {"languages": ["en"]},
        "groups": [{"id": "g", "label": {"en": "G"}}],
        "stages": [{"id": "s", "label": {"en": "S"}, "groups": ["g"]}],
        "nodes": [{"id": "a", "group": "g"}, {"id": "b"}, {"id": "node-3"}],
        "links": [{"source": "a", "target": "b"}, {"source": "b", "target": "a"}],
        "events": [{"id": "e", "actor": "a", "nodes": ["b", "a"]}],
        "tour": [{"id": "t", "nodes": ["a"], "events": ["e"]}],
        "argument": {"thesis": {"nodes": ["a", "b"]}, "principles": ["a"], "models": ["b", "a"]}
    });
    Draft::from_text(&text.to_string()).unwrap()
}

/// The built-in reading: every kind of reference the loader checks, all naming something.
fn complete_referring_draft() -> Draft {
    Draft::from_text(include_str!("../../www/data/lang-ping-2023.json")).unwrap()
}

#[test]
fn a_changed_id_is_followed_by_every_reference_to_it_unless_another_item_has_it() {
    let draft = referring_draft();
    let renamed = draft.apply(&set("nodes[0].id", "actor-a")).unwrap();
    let v = renamed.value();
    let node_refs = [
        &v["links"][0]["source"],
        &v["links"][1]["target"],
        &v["events"][0]["actor"],
        &v["events"][0]["nodes"][1],
        &v["tour"][0]["nodes"][0],
        &v["argument"]["thesis"]["nodes"][0],
        &v["argument"]["principles"][0],
        &v["argument"]["models"][1],
    ];
    for (i, r) in node_refs.into_iter().enumerate() {
        assert_eq!(r, &json!("actor-a"), "reference {i}");
    }
    // The other node's references stay its own.
    assert_eq!((&v["links"][0]["target"], &v["events"][0]["nodes"][0]), (&json!("b"), &json!("b")));
    // An event's and a group's ids, likewise.
    let v = draft.apply(&set("events[0].id", "launch")).unwrap().value().clone();
    assert_eq!(v["tour"][0]["events"], json!(["launch"]));
    let v = draft.apply(&set("groups[0].id", "actors")).unwrap().value().clone();
    assert_eq!((&v["nodes"][0]["group"], &v["stages"][0]["groups"]), (&json!("actors"), &json!(["actors"])));
    // An id another node has, or one that is not an id, leaves the references where they were.
    for id in ["b", "Not An Id", ""] {
        let v = draft.apply(&set("nodes[0].id", id)).unwrap().value().clone();
        assert_eq!(v["links"][0]["source"], json!("a"), "{id:?}");
    }
    // A duplicate mended: the references stay with the node that had the id first.
    let duplicate = draft.apply(&set("nodes[2].id", "a")).unwrap();
    let mended = duplicate.apply(&set("nodes[2].id", "c")).unwrap();
    assert_eq!(
        (&mended.value()["links"][0]["source"], &mended.value()["tour"][0]["nodes"]),
        (&json!("a"), &json!(["a"]))
    );
    // After any rename the loader finds no reference naming nothing: every place it checks
    // is followed.
    let complete = complete_referring_draft();
    assert!(complete.check().is_ok(), "{:?}", complete.check().err());
    for (path, id) in
        [("nodes[0].id", "renamed-node"), ("events[0].id", "renamed-event"), ("groups[0].id", "renamed-group")]
    {
        let renamed = complete.apply(&set(path, id)).unwrap();
        assert!(renamed.check().is_ok(), "{path}: {:?}", renamed.check().err());
    }
}

#[test]
fn a_suggested_id_is_made_from_the_name_written_in_the_source_language() {
    let draft = referring_draft();
    // (the field set, its text, the id the item has after it)
    let cases = [
        ("nodes[2].label.en", "Shared infrastructure", "shared-infrastructure"),
        ("nodes[2].label.en", "  Trust, not \"rules\"!  ", "trust-not-rules"),
        ("nodes[2].label.en", "The board publishes a drought plan", "board-publishes-drought"),
        ("nodes[2].label.en", "Algae in a low, warm Tessel", "algae-low-warm-tessel"),
        ("nodes[2].label.en", "To be or not to be", "be-not-be"),
        ("nodes[2].label.en", "Of the", "of-the"),
        ("nodes[2].label.en", "It's the water", "water"),
        ("nodes[2].label.en", "Marrowford’s IT outage", "marrowfords-it-outage"),
        ("nodes[2].label.en", "B", "b-2"),
        ("nodes[2].label.en", "数据安全", "node-3"),
        ("nodes[2].label.en", "2008年危机", "node-3"),
        ("nodes[2].label.en", "One two three four five six seven eight nine ten eleven", "one-two-three-four-five"),
        ("nodes[2].summary.en", "Shared infrastructure", "node-3"),
        ("nodes[0].label.en", "Shared infrastructure", "a"),
    ];
    for (path, text, id) in cases {
        let after = draft.apply(&set(path, text)).unwrap();
        let at = &path[..path.find('.').unwrap()];
        assert_eq!(after.field(&format!("{at}.id")), id, "{path} = {text:?}");
    }
    // Its references follow: a link made to the suggested id names the new one.
    let linked = draft.apply(&set("links[0].target", "node-3")).unwrap();
    let named = linked.apply(&set("nodes[2].label.en", "Hoarding")).unwrap();
    assert_eq!(named.value()["links"][0]["target"], json!("hoarding"));
    // Once named, the id stays when the label changes again.
    let renamed = named.apply(&set("nodes[2].label.en", "Hoarding water")).unwrap();
    assert_eq!(renamed.field("nodes[2].id"), "hoarding");
    // A new event takes its title's id; in a two-language reading only the source's name counts.
    let event = Draft::new(ENGLISH).apply(&Edit::Add(ListKind::Events)).unwrap();
    assert_eq!(event.apply(&set("events[0].title.en", "Open ledgers")).unwrap().field("events[0].id"), "open-ledgers");
    // And a tour step its title's.
    let step = Draft::new(ENGLISH).apply(&Edit::Add(ListKind::Tour)).unwrap();
    assert_eq!(step.apply(&set("tour[0].title.en", "Why markets end")).unwrap().field("tour[0].id"), "why-markets-end");
    let two =
        Draft::new(Languages { source: Lang::Zh, second: Some(Lang::En) }).apply(&Edit::Add(ListKind::Nodes)).unwrap();
    assert_eq!(two.apply(&set("nodes[0].label.en", "Hoarding")).unwrap().field("nodes[0].id"), "node-1");
}

#[test]
fn the_source_text_is_numbered_unless_it_has_its_own_locators_and_empty_removes_it() {
    let draft = Draft::new(ENGLISH).apply(&Edit::SourceText("[p. 3] One.\n\n[p. 4] Two.".into())).unwrap();
    let locators: Vec<String> = draft.passages().into_iter().map(|p| p.locator).collect();
    assert_eq!(locators, ["p. 3", "p. 4"]);
    let draft = draft.apply(&Edit::SourceText("  \n".into())).unwrap();
    assert!(draft.value().get("source_text").is_none());
    assert!(draft.passages().is_empty());
}

#[test]
fn a_text_with_a_heading_titles_a_reading_that_has_no_title_yet() {
    let text = |t: &str| Edit::SourceText(t.into());
    let title = |d: &Draft| d.field("meta.title.en");
    // (text given, title before, title after)
    let cases = [
        ("# Why farms stop\n\nOne.", "", "Why farms stop"),
        ("\n  ## Why farms stop ##\n\nOne.", "", "Why farms stop"),
        ("# Learning C#\n\nOne.", "", "Learning C#"),
        ("# ##\n\nOne.", "", ""),
        ("# Why farms stop\n\nOne.", "Mine", "Mine"),
        ("One.\n\n# Later heading", "", ""),
        ("#\n\nOne.", "", ""),
    ];
    for (given, before, after) in cases {
        let draft = Draft::new(ENGLISH).apply(&set("meta.title.en", before)).unwrap();
        assert_eq!(title(&draft.apply(&text(given)).unwrap()), after, "{given:?} over {before:?}");
    }
    // The heading titles a Chinese reading in its own language.
    let zh = Draft::new(Languages { source: Lang::Zh, second: Some(Lang::En) }).apply(&text("# 标题\n\n一。")).unwrap();
    assert_eq!((zh.field("meta.title.zh"), zh.field("meta.title.en")), ("标题".to_string(), String::new()));
    // Given and taken back in one step.
    let mut history = History::new(Draft::new(ENGLISH));
    history.apply(&text("# Why farms stop\n\nOne.")).unwrap();
    history.undo();
    assert_eq!(title(history.now()), "");
}

#[test]
fn undo_and_redo_walk_the_edits() {
    let mut history = History::new(Draft::new(ENGLISH));
    assert!(!history.can_undo() && !history.can_redo() && history.undo().is_none() && history.redo().is_none());
    let start = history.now().clone();
    history.apply(&set("meta.title.en", "One")).unwrap();
    assert!(history.can_undo() && !history.can_redo());
    history.apply(&set("meta.title.en", "Two")).unwrap();
    // An edit that changes nothing is not a step.
    history.apply(&set("meta.title.en", "Two")).unwrap();
    assert!(history.undo().is_some());
    assert_eq!(history.now().field("meta.title.en"), "One");
    assert!(history.can_redo());
    assert!(history.redo().is_some());
    assert_eq!(history.now().field("meta.title.en"), "Two");
    assert!(history.undo().is_some() && history.undo().is_some());
    assert_eq!(history.now(), &start);
    assert!(history.undo().is_none());
    // A new edit after undoing forgets what could be redone.
    history.apply(&set("meta.author.en", "A")).unwrap();
    assert!(!history.can_redo() && history.redo().is_none());
    // A refused edit changes nothing and is no step.
    let before = history.clone();
    assert!(history.apply(&Edit::Remove { list: "nodes".into(), index: 0 }).is_err());
    assert_eq!(history, before);
    // Another draft put in place is one step back, and the same draft is none.
    let other = Draft::new(Languages::default());
    history.start(other.clone());
    assert_eq!(history.now(), &other);
    history.start(other.clone());
    // Each step says what it was: a reading put in place, undone or redone, is not an edit.
    assert_eq!(history.undo(), Some(Step::Reading));
    assert_eq!(history.now(), before.now());
    assert_eq!(history.redo(), Some(Step::Reading));
    assert_eq!(history.undo(), Some(Step::Reading));
    assert_eq!(history.undo(), Some(Step::Edit));
    assert_eq!(history.redo(), Some(Step::Edit));
}

#[test]
fn a_list_chosen_again_and_again_in_a_row_is_one_step() {
    // A keyboard going through a closed list commits each option it passes.
    let two_nodes = [Edit::Add(ListKind::Nodes), Edit::Add(ListKind::Nodes), Edit::Add(ListKind::Links)];
    let start = |history: &mut History| two_nodes.iter().for_each(|e| history.apply(e).unwrap());
    let kind = |k: &str| set("nodes[0].kind", k);
    let cases: [(&str, Vec<Edit>, usize, &str); 6] = [
        ("one list, three options", vec![kind("threat"), kind("response"), kind("actor")], 1, "concept"),
        ("back where it started", vec![kind("threat"), kind("concept")], 0, "concept"),
        ("another field between", vec![kind("threat"), set("nodes[0].label.en", "A"), kind("actor")], 3, "threat"),
        ("another list between", vec![kind("threat"), set("nodes[1].kind", "actor"), kind("actor")], 3, "threat"),
        (
            "a text field is not a list",
            vec![set("nodes[0].label.en", "A"), set("nodes[0].label.en", "B")],
            2,
            "concept",
        ),
        ("a link's end", vec![set("links[0].source", "node-1"), set("links[0].source", "node-2")], 1, "concept"),
    ];
    for (why, edits, steps, kind_after_one_undo) in cases {
        let mut history = History::new(Draft::new(ENGLISH));
        start(&mut history);
        let before = history.now().clone();
        edits.iter().for_each(|e| history.apply(e).unwrap());
        let after = history.now().clone();
        let mut undone = 0;
        while history.now() != &before {
            history.undo().unwrap();
            undone += 1;
            if undone == 1 {
                assert_eq!(history.now().field("nodes[0].kind"), kind_after_one_undo, "{why}: one Undo");
            }
        }
        assert_eq!(undone, steps, "{why}: steps to undo");
        (0..steps).for_each(|_| assert!(history.redo().is_some()));
        assert_eq!(history.now(), &after, "{why}: Redo makes them again");
    }
    // An edit refused between two choices of a list keeps them two steps.
    let mut history = History::new(Draft::new(ENGLISH));
    start(&mut history);
    history.apply(&kind("threat")).unwrap();
    assert!(history.apply(&Edit::Remove { list: "nodes".into(), index: 9 }).is_err());
    history.apply(&kind("actor")).unwrap();
    history.undo().unwrap();
    assert_eq!(history.now().field("nodes[0].kind"), "threat");
    // After an Undo, the same list chosen again is a new step.
    let mut history = History::new(Draft::new(ENGLISH));
    start(&mut history);
    history.apply(&kind("threat")).unwrap();
    history.undo().unwrap();
    history.apply(&kind("actor")).unwrap();
    history.apply(&kind("response")).unwrap();
    history.undo().unwrap();
    assert_eq!(history.now().field("nodes[0].kind"), "concept");
    assert!(
        is_choice_path("links[2].target") && !is_choice_path("meta.languages") && !is_choice_path("links[2].note.en")
    );
}

#[test]
fn optional_texts_left_empty_are_no_problem_and_half_written_ones_are() {
    // A new reading's author field, never filled in, asks for nothing.
    let problems = Draft::new(ENGLISH).check().unwrap_err();
    assert!(!problems.iter().any(|p| p.path.starts_with("meta.author")), "{problems:?}");
    // In two languages, a summary emptied in one while the other has words stays, empty: the
    // problem is "must not be empty" at that field. Emptied in both, it goes.
    let two = Languages { source: Lang::En, second: Some(Lang::Zh) };
    let draft = [Edit::Add(ListKind::Nodes), set("nodes[0].summary.en", "S"), set("nodes[0].summary.zh", "摘")]
        .iter()
        .fold(Draft::new(two), |d, e| d.apply(e).unwrap());
    let half = draft.apply(&set("nodes[0].summary.zh", "")).unwrap();
    assert_eq!(half.value()["nodes"][0]["summary"], json!({"en": "S", "zh": ""}));
    let problems = half.check().unwrap_err();
    assert!(problems.iter().any(|p| p.path == "nodes[0].summary.zh" && p.kind == atlas_core::ProblemKind::EmptyText));
    let none = half.apply(&set("nodes[0].summary.en", " ")).unwrap();
    assert_eq!(none.value()["nodes"][0].get("summary"), None);
}

#[test]
fn undo_reaches_back_a_bounded_number_of_edits() {
    let mut history = History::new(Draft::new(ENGLISH));
    for i in 0..UNDO_DEPTH + 5 {
        history.apply(&set("meta.title.en", &i.to_string())).unwrap();
    }
    let mut steps = 0;
    while history.undo().is_some() {
        steps += 1;
    }
    assert_eq!(steps, UNDO_DEPTH);
    assert_eq!(history.now().field("meta.title.en"), "4", "the oldest edits are forgotten");
}

#[test]
fn any_data_set_opens_as_a_draft_and_anything_else_is_refused_with_why() {
    let built_in = include_str!("../../www/data/lang-ping-2023.json");
    let draft = Draft::from_text(built_in).unwrap();
    assert_eq!(draft.languages(), Languages::default());
    assert_eq!(draft.check().unwrap(), load_data_set(built_in).unwrap());
    assert!(Draft::from_text("[1, 2]").unwrap_err().0.contains("not a reading"));
    assert!(!Draft::from_text("{").unwrap_err().0.is_empty());
    let one = Draft::from_text(r#"{"meta": {"languages": ["en"]}}"#).unwrap();
    assert_eq!(one.languages(), ENGLISH);
    let same_twice = Draft::from_text(r#"{"meta": {"languages": ["en", "en"]}}"#).unwrap();
    assert_eq!(same_twice.languages(), Languages::default());
}

#[test]
fn a_preview_shows_what_a_draft_with_problems_can_already_show() {
    let draft = Draft::new(ENGLISH).apply(&Edit::SourceText(SOURCE.into())).unwrap();
    let edits = [
        // The title the text's heading gave, taken away again.
        set("meta.title.en", ""),
        Edit::Add(ListKind::Nodes),
        set("nodes[0].id", "hoarding"),
        set("nodes[0].kind", "threat"),
        Edit::Add(ListKind::Nodes),
        set("nodes[1].id", "trust"),
        set("nodes[1].label.en", "Trust"),
        cite("nodes[1]", "P1", "trust one another"),
        Edit::Add(ListKind::Nodes),
        set("nodes[2].id", "Bad Id"),
        Edit::Add(ListKind::Links),
        set("links[0].source", "hoarding"),
        set("links[0].target", "trust"),
        Edit::Add(ListKind::Links),
        set("links[1].source", "hoarding"),
        set("links[1].target", "nobody"),
        Edit::Add(ListKind::Tour),
        set("tour[0].nodes", "hoarding nobody trust"),
    ];
    let draft = edits.iter().fold(draft, |d, e| d.apply(e).unwrap_or_else(|err| panic!("{e:?}: {err:?}")));
    assert!(draft.check().is_err());
    let model = draft.preview().expect("a preview");
    let labels: Vec<&str> = model.nodes.iter().map(|n| n.label.en.as_str()).collect();
    assert_eq!(labels, ["hoarding", "Trust"], "a label not written shows the id; a bad id's node is left out");
    assert_eq!(model.nodes[0].sources[0].quote, atlas_core::draft::PLACEHOLDER);
    assert_eq!(model.nodes[1].sources[0].quote, "trust one another", "what is written is kept");
    assert_eq!(model.links.len(), 1, "the link to a node that does not exist is left out");
    assert_eq!(model.tour[0].nodes.len(), 2, "an id that names nothing leaves the step's list");
    assert_eq!(model.meta.title.en, atlas_core::draft::PLACEHOLDER);
    assert!(model.source_text.is_none(), "placeholders are not quotes to check");
    // A draft without problems previews as itself; one whose languages cannot be read, not at all.
    let mut history = History::new(Draft::new(ENGLISH));
    for edit in template_edits() {
        history.apply(&edit).unwrap();
    }
    let whole = history.now().check().unwrap();
    let previewed = history.now().preview().unwrap();
    assert_eq!((previewed.nodes, previewed.links, previewed.tour), (whole.nodes, whole.links, whole.tour));
    let unreadable = Draft::new(ENGLISH).apply(&set("meta.languages", "fr")).unwrap();
    assert_eq!(unreadable.preview(), None);
    assert_eq!(Draft::from_text("{}").unwrap().preview(), None, "not a data set");
}

#[test]
fn a_new_draft_previews_as_an_empty_reading() {
    let model = Draft::new(ENGLISH).preview().expect("a preview");
    assert!(model.nodes.is_empty() && model.links.is_empty() && model.events.is_empty());
}

#[test]
fn a_source_text_edited_in_its_box_keeps_every_passage() {
    let draft = Draft::new(ENGLISH).apply(&Edit::SourceText("One.\n\nTwo.".into())).unwrap();
    let locators =
        |d: &Draft| d.passages().into_iter().map(|p| format!("{} {}", p.locator, p.text)).collect::<Vec<_>>();
    assert_eq!(locators(&draft), ["P1 One.", "P2 Two."]);
    // The box shows them with their locators; a paragraph added, and a blank line typed into a
    // passage, take the next numbers instead of being dropped.
    let edited = draft.apply(&Edit::SourceText("[P1] One.\n\n[P2] Two,\n\nhalved.\n\nThree, added.".into())).unwrap();
    assert_eq!(locators(&edited), ["P1 One.", "P2 Two,", "P3 halved.", "P4 Three, added."]);
    // A title above the first locator is not a passage.
    let titled = draft.apply(&Edit::SourceText("Trust, a title\n\n[P1] One.\n\n[P2] Two.".into())).unwrap();
    assert_eq!(locators(&titled), ["P1 One.", "P2 Two."]);
    // The author's own locators cannot be extended: a passage without one is refused, by its words.
    let own =
        draft.apply(&Edit::SourceText("[p. 3] One.\n\n[p. 4] Two.\n\nAn added paragraph that has no locator".into()));
    assert_eq!(own, Err(EditError::PassageWithoutLocator { starts: "An added paragraph that has no locator".into() }));
}

#[test]
fn changing_the_languages_moves_every_text_and_translation_to_them_in_one_step() {
    let mut history = History::new(Draft::new(ENGLISH));
    for edit in template_edits() {
        history.apply(&edit).unwrap();
    }
    let english = history.now().clone();
    // English with Chinese: every text asks for its Chinese, every quote for its translation,
    // each at a field the form has.
    history.apply(&set("meta.languages", "en zh")).unwrap();
    let two = history.now().clone();
    assert_eq!(two.value()["nodes"][0]["label"], json!({"en": "Weaponised commons", "zh": ""}));
    assert_eq!(
        two.value()["nodes"][0]["sources"][0]["translation"],
        json!({"lang": "zh", "text": "", "basis": "ours"})
    );
    assert_eq!(
        two.value()["source_text"],
        english.value()["source_text"],
        "the source text is not a text to translate"
    );
    let problems = two.check().unwrap_err();
    let unplaced: Vec<&str> = problems
        .iter()
        .map(|p| p.path.as_str())
        .filter(|p| !(p.ends_with(".zh") || p.ends_with(".translation.text")))
        .collect();
    assert!(unplaced.is_empty(), "problems with no field: {unplaced:?}");
    assert!(two.preview().is_some(), "the preview still draws it");
    // Back to English alone: the Chinese and the translations go, and the reading is whole again.
    history.apply(&set("meta.languages", "en")).unwrap();
    assert_eq!(history.now().check().unwrap(), english.check().unwrap());
    // One step each.
    assert!(history.undo().is_some());
    assert_eq!(history.now(), &two);
}

#[test]
fn a_preview_mends_a_cleared_translation_and_drops_texts_of_another_language() {
    let two = Languages { source: Lang::En, second: Some(Lang::Zh) };
    let draft = Draft::new(two).apply(&Edit::SourceText(SOURCE.into())).unwrap();
    let draft =
        [Edit::Add(ListKind::Nodes), set("nodes[0].label.en", "Hoarding"), cite("nodes[0]", "P2", "the others hoard")]
            .iter()
            .fold(draft, |d, e| d.apply(e).unwrap());
    let cleared = draft.apply(&set("nodes[0].sources[0].translation.text", "")).unwrap();
    let model = cleared.preview().expect("a preview with the translation cleared");
    assert_eq!(model.nodes[0].sources[0].quote, "the others hoard");
    let removed = draft.apply(&Edit::Remove { list: "nodes[0].sources[0]".into(), index: 0 });
    assert!(removed.is_err(), "a source is not a list");
    let stray = Draft::from_text(
        &draft.text().replace("\"languages\": [\n      \"en\",\n      \"zh\"\n    ]", "\"languages\": [\"en\"]"),
    )
    .unwrap();
    assert_eq!(stray.languages(), ENGLISH);
    assert!(stray.preview().is_some(), "texts in a language the reading no longer has are left out of the preview");
}

#[test]
fn a_preview_writes_placeholders_for_each_kind_of_gap() {
    let mut history = History::new(Draft::new(ENGLISH));
    for edit in template_edits() {
        history.apply(&edit).unwrap();
    }
    let whole: serde_json::Value = serde_json::from_str(&history.now().text()).unwrap();
    let preview_of = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut value = whole.clone();
        edit(&mut value);
        let draft = Draft::from_text(&value.to_string()).unwrap();
        assert!(draft.check().is_err(), "the edit makes a problem");
        draft.preview().expect("a preview")
    };
    // A text left empty, and one missing altogether.
    let m = preview_of(&|v| v["nodes"][1]["label"]["en"] = json!(""));
    assert_eq!(m.nodes[1].label.en, "hoarding", "a label not written shows the id");
    let m = preview_of(&|v| {
        v["events"][0].as_object_mut().unwrap().remove("title");
    });
    assert_eq!(m.events[0].title.en, atlas_core::draft::PLACEHOLDER);
    assert_eq!(m.nodes.len(), 5, "no node is dropped for a missing text");
    // A link marked as the reading's inference, its note not written yet, stays drawn.
    let m = preview_of(&|v| {
        v["links"][0]["basis"] = json!("reading");
        v["links"][0].as_object_mut().unwrap().remove("note");
    });
    assert_eq!(m.links.len(), whole["links"].as_array().unwrap().len(), "a reading link without its note is dropped");
    assert_eq!(m.links[0].note.en, atlas_core::draft::PLACEHOLDER);
    // A translation missing in a two-language reading.
    let m = preview_of(&|v| {
        v["meta"]["languages"] = json!(["en", "zh"]);
        for node in v["nodes"].as_array_mut().unwrap() {
            node["label"]["zh"] = json!("标签");
        }
    });
    assert_eq!(m.nodes[0].label.zh, "标签");
    assert_eq!(
        m.nodes[0].sources[0].translation.as_ref().map(|t| t.text.as_str()),
        Some(atlas_core::draft::PLACEHOLDER)
    );
}

#[test]
fn swapping_the_source_and_second_language_keeps_the_translations_written() {
    let two = Languages { source: Lang::En, second: Some(Lang::Zh) };
    let draft = Draft::new(two).apply(&Edit::SourceText(SOURCE.into())).unwrap();
    let draft = [
        Edit::Add(ListKind::Nodes),
        cite("nodes[0]", "P2", "the others hoard"),
        set("nodes[0].sources[0].translation.text", "其他人囤积"),
    ]
    .iter()
    .fold(draft, |d, e| d.apply(e).unwrap());
    let swapped = draft.apply(&set("meta.languages", "zh en")).unwrap();
    assert_eq!(
        swapped.value()["nodes"][0]["sources"][0]["translation"],
        json!({"lang": "en", "text": "其他人囤积", "basis": "ours"})
    );
    assert_eq!(swapped.value()["nodes"][0]["label"], json!({"en": "", "zh": ""}), "a text keeps both languages");
    assert_eq!(swapped.value()["meta"]["languages"], json!(["zh", "en"]));
}

#[test]
fn the_id_a_name_gave_its_item_is_told_and_no_other() {
    let draft = Draft::new(ENGLISH).apply(&Edit::Add(ListKind::Nodes)).unwrap();
    let draft = draft.apply(&Edit::Add(ListKind::Events)).unwrap();
    let named = set("nodes[0].label.en", "Regional water board");
    // (the draft before, the edit, what is told)
    let after_naming = draft.apply(&named).unwrap();
    let cases: Vec<(&str, &Draft, Edit, Option<&str>)> = vec![
        ("a node's first name", &draft, named.clone(), Some("regional-water-board")),
        ("an event's first title", &draft, set("events[0].title.en", "Fees rise"), Some("fees-rise")),
        ("the id typed", &draft, set("nodes[0].id", "board"), None),
        ("a name again, the id no longer suggested", &after_naming, set("nodes[0].label.en", "Water board"), None),
        ("a summary", &draft, set("nodes[0].summary.en", "Tried open ledgers."), None),
        ("a Chinese-only name", &draft, set("nodes[0].label.en", "水务局"), None),
        ("the reading's title", &draft, set("meta.title.en", "Trust"), None),
        ("a new node", &draft, Edit::Add(ListKind::Nodes), None),
    ];
    for (case, before, edit, want) in cases {
        let after = before.apply(&edit).unwrap();
        assert_eq!(id_given_by(&edit, before, &after).as_deref(), want, "{case}");
        // The history tells the same as it makes the edit.
        let mut history = History::new(before.clone());
        assert_eq!(history.apply_telling_id(&edit).unwrap().as_deref(), want, "{case}, in the history");
        assert_eq!(history.now(), &after, "{case}");
    }
}

#[test]
fn the_first_item_with_a_problem_is_first_in_the_forms_order() {
    use atlas_core::problem::{Problem, ProblemKind};
    let at = |paths: &[&str]| {
        let problems: Vec<Problem> = paths.iter().map(|p| Problem::new(*p, ProblemKind::Missing)).collect();
        first_item_with_problem(&problems)
    };
    // (the problems' paths, in the loader's order; the item the forms show first)
    type Case<'a> = (&'a [&'a str], Option<(ListKind, usize)>);
    let cases: [Case; 8] = [
        (&[], None),
        (&["meta.title.en", "argument.thesis.sources"], None),
        (&["stages[0].groups"], None),
        (&["links[4].note.en"], Some((ListKind::Links, 4))),
        (&["links[0].target", "nodes[7].label.en"], Some((ListKind::Nodes, 7))),
        (&["nodes[12]", "nodes[3].sources", "nodes[10].id"], Some((ListKind::Nodes, 3))),
        (&["groups[0].label.en", "tour[1].nodes", "events[2].date"], Some((ListKind::Events, 2))),
        (&["meta.year", "tour[0].title.en"], Some((ListKind::Tour, 0))),
    ];
    for (paths, want) in cases {
        assert_eq!(at(paths), want, "{paths:?}");
    }
}

#[test]
fn places_after_a_removal_move_up_with_their_items() {
    // (the places, the list and index removed, the places after)
    type Case<'a> = (&'a [&'a str], (&'a str, usize), &'a [&'a str]);
    let cases: [Case; 6] = [
        (&[], ("nodes", 0), &[]),
        (&["nodes[2]"], ("nodes", 2), &[]),
        (&["nodes[1]", "nodes[2]", "nodes[10]"], ("nodes", 2), &["nodes[1]", "nodes[9]"]),
        (&["nodes[3]", "links[3]"], ("nodes", 0), &["links[3]", "nodes[2]"]),
        (&["links[0]", "nodes[5]"], ("links", 0), &["nodes[5]"]),
        (&["tour[1]", "tour[0]"], ("tour", 5), &["tour[0]", "tour[1]"]),
    ];
    for (before, (list, index), after) in cases {
        let mut items: std::collections::BTreeSet<String> = before.iter().map(|s| s.to_string()).collect();
        items_after_removal(&mut items, list, index);
        let want: std::collections::BTreeSet<String> = after.iter().map(|s| s.to_string()).collect();
        assert_eq!(items, want, "{before:?} less {list}[{index}]");
    }
}

#[test]
fn an_id_chosen_beside_a_list_is_added_at_its_end_once() {
    let cases = [
        ("", "a", "a"),
        ("a", "b", "a b"),
        ("a, b;c", "d", "a b c d"),
        ("  a   b ", "c", "a b c"),
        ("a b", "a", "a b"),
        ("a b", "b", "a b"),
    ];
    for (text, id, expect) in cases {
        assert_eq!(atlas_core::draft::id_list_with(text, id), expect, "{text:?} + {id:?}");
    }
    assert_eq!(atlas_core::draft::ids_in_text(" a,b ;c\td "), vec!["a", "b", "c", "d"]);
    // What the form writes is what the draft reads: the list's value holds the same ids.
    let text = atlas_core::draft::id_list_with("a,b", "c");
    assert_eq!(atlas_core::draft::value_of_field("tour[0].nodes", &text), Some(json!(["a", "b", "c"])));
}

#[test]
fn a_link_drawn_from_node_to_node_is_added_with_its_ends_and_quote_in_one_step_or_not_at_all() {
    let draft = [Edit::SourceText(SOURCE.into()), Edit::Add(ListKind::Nodes), Edit::Add(ListKind::Nodes)]
        .iter()
        .fold(Draft::new(ENGLISH), |d, e| d.apply(e).unwrap());
    // An earlier link of another relation: the drawn one starts like it, as an added one does.
    let with_one =
        draft.apply(&Edit::Add(ListKind::Links)).and_then(|d| d.apply(&set("links[0].relation", "drives"))).unwrap();
    let draw = |from: &Draft, source: &str, target: &str, citing: Option<(&str, &str)>| {
        from.apply(&Edit::AddLink {
            source: source.into(),
            target: target.into(),
            citing: citing.map(|(p, q)| (p.into(), q.into())),
        })
    };
    // (draft, ends, citing, the new link as the draft holds it)
    let made = [
        (
            &draft,
            ("node-1", "node-2"),
            None,
            json!({"source": "node-1", "relation": "addresses", "target": "node-2", "sources": []}),
        ),
        (
            &with_one,
            ("node-2", "node-1"),
            None,
            json!({"source": "node-2", "relation": "drives", "target": "node-1", "sources": []}),
        ),
        (
            &draft,
            ("node-2", "node-1"),
            Some(("P2", " the others\n hoard ")),
            json!({"source": "node-2", "relation": "addresses", "target": "node-1",
                   "sources": [{"para": "P2", "quote": "the others\n hoard"}]}),
        ),
    ];
    for (from, (source, target), citing, want) in made {
        let after = draw(from, source, target, citing).unwrap();
        let index = from.len("links");
        assert_eq!(after.len("links"), index + 1, "{source} → {target}");
        assert_eq!(after.value()["links"][index], want, "{source} → {target} {citing:?}");
        // One step: undone at once.
        let mut history = History::new(from.clone());
        history
            .apply(&Edit::AddLink {
                source: source.into(),
                target: target.into(),
                citing: citing.map(|(p, q)| (p.into(), q.into())),
            })
            .unwrap();
        assert!(history.undo() == Some(Step::Edit) && !history.can_undo() && history.now() == from, "{source}");
    }
    // Refused, and nothing added: the same node twice, or words not of the passage named.
    let refused = [
        (("node-1", "node-1"), None, EditError::LinkToItself("node-1".into())),
        (("node-1", "node-2"), Some(("P3", "the others hoard")), EditError::NotInPassage { para: "P3".into() }),
        // An end removed or renamed while the link was being drawn.
        (("node-1", "node-9"), None, EditError::NoSuchNode("node-9".into())),
        (("gone", "node-2"), None, EditError::NoSuchNode("gone".into())),
        (("", "node-2"), None, EditError::NoSuchNode(String::new())),
    ];
    for ((source, target), citing, why) in refused {
        assert_eq!(draw(&draft, source, target, citing), Err(why), "{source} → {target} {citing:?}");
        // Refused through the history: no step taken.
        let mut history = History::new(draft.clone());
        let edit = Edit::AddLink {
            source: source.into(),
            target: target.into(),
            citing: citing.map(|(p, q)| (p.into(), q.into())),
        };
        assert!(history.apply(&edit).is_err() && !history.can_undo(), "{source} → {target}: a step was taken");
    }
    // In a two-language reading the quote comes with its translation to write.
    let two = [Edit::SourceText(SOURCE.into()), Edit::Add(ListKind::Nodes), Edit::Add(ListKind::Nodes)]
        .iter()
        .fold(Draft::new(Languages { source: Lang::En, second: Some(Lang::Zh) }), |d, e| d.apply(e).unwrap());
    let two = draw(&two, "node-1", "node-2", Some(("P2", "the others hoard"))).unwrap();
    assert_eq!(
        two.value()["links"][0]["sources"][0]["translation"],
        json!({"lang": "zh", "text": "", "basis": "ours"})
    );
}
