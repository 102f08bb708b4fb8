//! Loader and validation: one small valid data set, and one broken variant per kind of problem,
//! each checked for the exact path and message the page will show.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atlas_core::{load_data_set, load_data_set_with, Lang, Limits};
use serde_json::{json, Value};

/// A minimal valid data set: two nodes, one link, one event, one tour step.
fn base() -> Value {
    let src = json!([{"para": "P09", "quote": "国家网络安全战略", "translation": {"lang": "en", "text": "National Cybersecurity Strategy", "basis": "official", "note": "the strategy's own title"}}]);
    let text = |s: &str| json!({"zh": s, "en": s});
    json!({
        "format": "argument-atlas/1",
        "meta": {"title": text("t"), "author": text("a"), "year": 2023, "citation": text("c")},
        "groups": [{"id": "technical", "label": text("technical")}],
        "nodes": [
            {"id": "us", "kind": "actor", "label": text("US"), "summary": text("s"), "sources": src},
            {"id": "cyber-attack", "kind": "threat", "group": "technical", "label": text("attack"), "summary": text("s"), "sources": src}
        ],
        "links": [
            {"source": "us", "target": "cyber-attack", "relation": "names", "note": text("n"), "sources": src}
        ],
        "events": [
            {"id": "us-ncs", "date": "2023-03", "actor": "us", "title": text("NCS"), "summary": text("s"), "sources": src, "nodes": ["cyber-attack"],
             "outside_date": {"date": "2023-03-02", "note": text("published")},
             "official_title": {"lang": "en", "text": "National Cybersecurity Strategy"}}
        ],
        "argument": {"thesis": {"text": text("t"), "sources": src, "nodes": ["us"]}, "principles": [], "models": []},
        "tour": [{"id": "start", "title": text("t"), "text": text("x"), "nodes": ["us"], "events": ["us-ncs"]}]
    })
}

/// Applies `edit` to the base data set and checks the English problem descriptions
/// (`path: message`) are exactly `expect`.
fn check(edit: impl FnOnce(&mut Value), expect: &[&str]) {
    let mut value = base();
    edit(&mut value);
    let result = load_data_set(&value.to_string());
    let got: Vec<String> = match result {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(|p| p.to_string()).collect(),
    };
    assert_eq!(got, expect);
}

#[test]
fn base_is_valid_and_round_trips() {
    let model = load_data_set(&base().to_string()).unwrap();
    assert_eq!(model.nodes.len(), 2);
    assert_eq!(model.event("us-ncs").unwrap().date.iso(), "2023-03");
    let again = load_data_set(&model.to_json()).unwrap();
    assert_eq!(again, model);
}

#[test]
fn not_json() {
    let problems = load_data_set("{\"format\": ").unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].to_string().starts_with("not valid JSON at line 1, column 11"), "{}", problems[0]);
}

#[test]
fn too_large() {
    let limits = Limits { max_bytes: 100, ..Limits::default() };
    let problems = load_data_set_with(&base().to_string(), &limits).unwrap_err();
    assert!(problems[0].to_string().contains("at most 100 are accepted"));
}

#[test]
fn unknown_format() {
    check(|v| v["format"] = json!("other/2"), &["format: format is \"other/2\"; this app reads \"argument-atlas/1\""]);
}

#[test]
fn wrong_type() {
    check(|v| v["nodes"][0]["label"]["en"] = json!(42), &["nodes[0].label.en: expected a string, found a number"]);
    // An unreadable node list is one problem, not one more for every reference to a node.
    check(|v| v["nodes"] = json!({}), &["nodes: expected a list, found an object"]);
    check(|v| v["meta"]["year"] = json!("2023"), &["meta.year: expected a whole number, found a string"]);
    check(|v| v["tour"][0]["reveal"] = json!("yes"), &["tour[0].reveal: expected true or false, found a string"]);
}

#[test]
fn missing() {
    check(
        |v| {
            v["nodes"][1].as_object_mut().unwrap().remove("label");
        },
        &["nodes[1].label: required but missing"],
    );
    check(
        |v| {
            v.as_object_mut().unwrap().remove("meta");
        },
        &["meta: required but missing"],
    );
}

#[test]
fn summaries_and_link_notes_may_be_left_out_but_not_half_written() {
    let mut value = base();
    for (list, field) in [("nodes", "summary"), ("links", "note"), ("events", "summary")] {
        value[list][0].as_object_mut().unwrap().remove(field);
    }
    let model = load_data_set(&value.to_string()).unwrap();
    assert!(model.nodes[0].summary.is_empty() && model.links[0].note.is_empty() && model.events[0].summary.is_empty());
    assert_eq!(model.nodes[1].summary.get(Lang::En), "s", "a summary written is kept");
    // Left out, they stay out of the file written back, and it reads the same.
    let written: Value = serde_json::from_str(&model.to_json()).unwrap();
    assert!(written["nodes"][0].get("summary").is_none() && written["links"][0].get("note").is_none());
    assert!(written["events"][0].get("summary").is_none());
    assert_eq!(load_data_set(&model.to_json()).unwrap(), model);
    // A text written in some language is a text: written in each of the reading's languages.
    // Written in none (null, `{}`, an editor's empty fields) it is left out.
    let cases: [(&str, Value, &[&str]); 5] = [
        ("nodes", json!({"zh": "s"}), &["nodes[0].summary.en: required but missing"]),
        ("links", json!({"zh": "n", "en": " "}), &["links[0].note.en: must not be empty"]),
        ("events", json!({}), &[]),
        ("events", json!({"zh": "", "en": " "}), &[]),
        ("nodes", json!(null), &[]),
    ];
    for (list, text, want) in cases {
        let field = if list == "links" { "note" } else { "summary" };
        check(|v| v[list][0][field] = text.clone(), want);
    }
    // A link the text does not state says why in its note: there the note is not optional.
    for note in [None, Some(json!({"zh": "", "en": ""}))] {
        check(
            |v| {
                v["links"][0]["basis"] = json!("reading");
                match &note {
                    Some(note) => v["links"][0]["note"] = note.clone(),
                    None => drop(v["links"][0].as_object_mut().unwrap().remove("note")),
                }
            },
            &["links[0].note: is marked as the reading's inference but has no note saying why"],
        );
    }
    check(|v| v["links"][0]["basis"] = json!("reading"), &[]);
    // An outside date's note says where the date comes from: it is not optional.
    check(
        |v| {
            v["events"][0]["outside_date"].as_object_mut().unwrap().remove("note");
        },
        &["events[0].outside_date.note: required but missing"],
    );
}

#[test]
fn empty_text() {
    check(|v| v["links"][0]["note"]["zh"] = json!("  "), &["links[0].note.zh: must not be empty"]);
}

#[test]
fn too_long() {
    check(
        |v| v["nodes"][0]["label"]["en"] = json!("x".repeat(201)),
        &["nodes[0].label.en: 201 characters; at most 200 are accepted"],
    );
}

#[test]
fn too_many() {
    let limits = Limits { max_nodes: 1, ..Limits::default() };
    let problems = load_data_set_with(&base().to_string(), &limits).unwrap_err();
    let got: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(got, vec!["nodes: 2 items; at most 1 are accepted"]);
}

#[test]
fn bad_id() {
    check(
        |v| v["nodes"][1]["id"] = json!("Cyber_Attack"),
        &[
            "nodes[1].id: \"Cyber_Attack\" is not a kebab-case id",
            "links[0].target: no node \"cyber-attack\"",
            "events[0].nodes[0]: no node \"cyber-attack\"",
        ],
    );
}

#[test]
fn duplicate_id() {
    check(
        |v| v["nodes"][1]["id"] = json!("us"),
        &[
            "nodes[1].id: id \"us\" is already used at nodes[0]",
            "links[0].target: no node \"cyber-attack\"",
            "events[0].nodes[0]: no node \"cyber-attack\"",
        ],
    );
    check(
        |v| {
            let e = v["events"][0].clone();
            v["events"].as_array_mut().unwrap().push(e);
        },
        &["events[1].id: id \"us-ncs\" is already used at events[0]"],
    );
}

#[test]
fn no_such_node_reports_every_dangling_reference() {
    check(
        |v| {
            v["links"][0]["target"] = json!("ai-risk");
            v["events"][0]["nodes"] = json!(["nowhere", "us"]);
        },
        &["links[0].target: no node \"ai-risk\"", "events[0].nodes[0]: no node \"nowhere\""],
    );
}

#[test]
fn no_such_event_and_group() {
    check(|v| v["tour"][0]["events"] = json!(["later"]), &["tour[0].events[0]: no event \"later\""]);
    check(|v| v["nodes"][1]["group"] = json!("social"), &["nodes[1].group: no group \"social\""]);
}

#[test]
fn unknown_kind_and_relation() {
    check(|v| v["nodes"][0]["kind"] = json!("villain"), &["nodes[0].kind: \"villain\" is not a node kind"]);
    check(|v| v["links"][0]["relation"] = json!("hates"), &["links[0].relation: \"hates\" is not a relation"]);
}

#[test]
fn bad_dates() {
    for bad in ["2023-13-45", "2023-02-29", "23-06", "2023-6", "2023-06-14T00:00", "June 2023", "2023-00"] {
        check(|v| v["events"][0]["date"] = json!(bad), &[&format!("events[0].date: {bad:?} is not a date")]);
    }
    check(
        |v| v["events"][0]["outside_date"]["date"] = json!("2023-02-30"),
        &["events[0].outside_date.date: \"2023-02-30\" is not a date"],
    );
    // Leap days exist in leap years.
    check(|v| v["events"][0]["date"] = json!("2024-02-29"), &[]);
}

#[test]
fn bad_para_and_no_sources() {
    check(|v| v["nodes"][0]["sources"] = json!([]), &["nodes[0].sources: has no sources"]);
    check(
        |v| {
            v["links"][0].as_object_mut().unwrap().remove("sources");
        },
        &["links[0].sources: has no sources"],
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    check(
        |v| {
            v["nodes"][0]["kind"] = json!("villain");
            v["nodes"][1]["label"] = json!(null);
            v["links"][0]["relation"] = json!(7);
            v["events"][0]["date"] = json!("soon");
        },
        &[
            "nodes[0].kind: \"villain\" is not a node kind",
            "nodes[1].label: expected an object, found null",
            "links[0].relation: expected a string, found a number",
            "events[0].date: \"soon\" is not a date",
        ],
    );
}

#[test]
fn every_quote_carries_a_marked_english_rendering() {
    let model = load_data_set(&base().to_string()).unwrap();
    let translation = model.nodes[0].sources[0].translation.as_ref().unwrap();
    assert_eq!((translation.lang, translation.text.as_str()), (Lang::En, "National Cybersecurity Strategy"));
    assert_eq!(translation.basis, atlas_core::TranslationBasis::Official);
    let path = "nodes[0].sources[0].translation";
    // A bilingual reading's quote without its rendering is reported, with the fix.
    check(
        |v| {
            v["nodes"][0]["sources"][0].as_object_mut().unwrap().remove("translation");
        },
        &[&format!("{path}: the quote has no English rendering")],
    );
    check(
        |v| v["nodes"][0]["sources"][0]["translation"] = json!("text"),
        &[&format!("{path}: expected an object, found a string")],
    );
    check(
        |v| v["nodes"][0]["sources"][0]["translation"]["text"] = json!(" "),
        &[&format!("{path}.text: must not be empty")],
    );
    check(
        |v| v["nodes"][0]["sources"][0]["translation"]["lang"] = json!("zh"),
        &[&format!("{path}.lang: a translation into \"zh\" is not needed here")],
    );
    check(
        |v| v["nodes"][0]["sources"][0]["translation"]["basis"] = json!("guess"),
        &[&format!("{path}.basis: \"guess\" is not a basis")],
    );
    // The speaker's own words and official titles say where they are from; our own need not.
    check(
        |v| {
            v["nodes"][0]["sources"][0]["translation"].as_object_mut().unwrap().remove("note");
        },
        &[&format!("{path}.note: says the words are from outside the article but not where")],
    );
    check(
        |v| {
            let t = &mut v["nodes"][0]["sources"][0]["translation"];
            t["basis"] = json!("ours");
            t.as_object_mut().unwrap().remove("note");
        },
        &[],
    );
    let problem = load_data_set(
        &{
            let mut v = base();
            v["links"][0]["sources"][0].as_object_mut().unwrap().remove("translation");
            v
        }
        .to_string(),
    )
    .unwrap_err();
    assert!(problem[0].describe(Lang::Zh).contains("缺少英文译文"), "{}", problem[0].describe(Lang::Zh));
    assert!(problem[0].describe(Lang::En).contains("add \"translation\""), "{}", problem[0].describe(Lang::En));
}

#[test]
fn link_basis_aliases_and_stages() {
    let mut v = base();
    v["links"][0]["basis"] = json!("reading");
    v["nodes"][1]["aliases"] = json!({"zh": ["网络袭击"], "en": ["cyberattack", "hack"]});
    v["stages"] = json!([{"id": "threats", "label": {"zh": "威胁", "en": "Threats"}, "groups": ["technical"]}]);
    let model = load_data_set(&v.to_string()).unwrap();
    assert_eq!(model.links[0].basis, atlas_core::LinkBasis::Reading);
    assert_eq!(model.nodes[1].aliases.en, ["cyberattack", "hack"]);
    assert_eq!(model.stages[0].groups, ["technical"]);
    assert_eq!(load_data_set(&model.to_json()).unwrap(), model, "round trip");
    // Absent means stated, no aliases, no stages.
    let plain = load_data_set(&base().to_string()).unwrap();
    assert_eq!(plain.links[0].basis, atlas_core::LinkBasis::Stated);
    assert!(plain.nodes[1].aliases.is_empty() && plain.stages.is_empty());
    check(|v| v["links"][0]["basis"] = json!("hunch"), &["links[0].basis: \"hunch\" is not a basis"]);
    check(
        |v| v["nodes"][1]["aliases"] = json!({"en": [3]}),
        &["nodes[1].aliases.en[0]: expected a string, found a number"],
    );
    check(
        |v| v["stages"] = json!([{"id": "a", "label": {"zh": "a", "en": "a"}, "groups": ["technical", "social"]}]),
        &["stages[0].groups[1]: no group \"social\""],
    );
    check(
        |v| {
            v["stages"] = json!([
                {"id": "a", "label": {"zh": "a", "en": "a"}, "groups": ["technical"]},
                {"id": "b", "label": {"zh": "b", "en": "b"}, "groups": ["technical"]}
            ])
        },
        &["stages[1].groups[0]: group \"technical\" is already in stages[0]"],
    );
}

#[test]
fn problems_are_described_in_both_languages_with_hints() {
    let mut v = base();
    v["links"][0]["target"] = json!("ai-risk");
    let problems = load_data_set(&v.to_string()).unwrap_err();
    assert_eq!(
        problems[0].describe(Lang::En),
        "links[0].target: no node \"ai-risk\" (choose one of the nodes (in a file: use the id of a node listed in \"nodes\"))"
    );
    assert_eq!(
        problems[0].describe(Lang::Zh),
        "links[0].target：没有节点 \"ai-risk\"（请选择一个节点（在文件中：使用 \"nodes\" 中已有节点的 id））"
    );
    // In a list of ids (an event's nodes) the id is written, not chosen.
    let mut v = base();
    v["events"][0]["nodes"] = json!(["ai-risk"]);
    let problems = load_data_set(&v.to_string()).unwrap_err();
    assert_eq!(
        problems[0].describe(Lang::En),
        "events[0].nodes[0]: no node \"ai-risk\" (use the id of a node listed in \"nodes\")"
    );
}

#[test]
fn an_empty_or_missing_node_reference_asks_for_a_node_other_fields_for_text() {
    let cases: [(&str, &str, &str); 5] = [
        (
            "links",
            "source",
            "links[0].source: must not be empty (choose one of the nodes (in a file: write a node's id))",
        ),
        (
            "links",
            "target",
            "links[0].target: must not be empty (choose one of the nodes (in a file: write a node's id))",
        ),
        (
            "events",
            "actor",
            "events[0].actor: must not be empty (choose one of the nodes (in a file: write a node's id))",
        ),
        ("events", "id", "events[0].id: must not be empty (write the text)"),
        ("tour", "id", "tour[0].id: must not be empty (write the text)"),
    ];
    for (list, field, expect) in cases {
        let mut v = base();
        v[list][0][field] = json!("");
        let problems = load_data_set(&v.to_string()).unwrap_err();
        let found =
            problems.iter().map(|p| p.describe(Lang::En)).find(|d| d.starts_with(&format!("{list}[0].{field}:")));
        assert_eq!(found.as_deref(), Some(expect), "{list}[0].{field} (all: {problems:?})");
    }
    let mut v = base();
    v["links"][0]["target"] = json!("");
    let problems = load_data_set(&v.to_string()).unwrap_err();
    assert_eq!(problems[0].hint(Lang::Zh), "请选择一个节点（在文件中：填写节点的 id）");
    // Left out (the editor's "no node chosen" removes the value), it asks for a node too; other
    // fields left out are to be added.
    for (list, field, hint) in [
        ("links", "target", "choose one of the nodes (in a file: write a node's id)"),
        ("events", "actor", "choose one of the nodes (in a file: write a node's id)"),
        ("events", "title", "add this field"),
    ] {
        let mut v = base();
        v[list][0].as_object_mut().unwrap().remove(field);
        let problems = load_data_set(&v.to_string()).unwrap_err();
        let found = problems.iter().find(|p| p.path == format!("{list}[0].{field}")).map(|p| p.hint(Lang::En));
        assert_eq!(found.as_deref(), Some(hint), "{list}[0].{field} left out (all: {problems:?})");
    }
}

#[test]
fn hostile_strings_are_kept_as_text() {
    let mut v = base();
    v["nodes"][0]["label"]["en"] = json!("<img src=x onerror=alert(1)>");
    let model = load_data_set(&v.to_string()).unwrap();
    assert_eq!(model.nodes[0].label.en, "<img src=x onerror=alert(1)>");
}

#[test]
fn cycles_and_self_links_are_allowed() {
    let mut v = base();
    let link = |s: &str, t: &str| json!({"source": s, "target": t, "relation": "part_of", "note": {"zh": "n", "en": "n"}, "sources": [{"para": "P01", "quote": "数字时代", "translation": {"lang": "en", "text": "the digital age", "basis": "ours"}}]});
    v["links"].as_array_mut().unwrap().extend([
        link("us", "cyber-attack"),
        link("cyber-attack", "us"),
        link("us", "us"),
    ]);
    assert!(load_data_set(&v.to_string()).is_ok());
}

/// The calendar's leap years: every fourth, but not centuries, but every fourth century.
#[test]
fn leap_days_follow_the_gregorian_calendar() {
    for (date, valid) in [
        ("2023-02-29", false),
        ("2024-02-29", true),
        ("1900-02-29", false),
        ("2000-02-29", true),
        ("2100-02-29", false),
        ("2023-02-28", true),
        ("2023-04-31", false),
        ("2023-04-30", true),
        ("2023-12-31", true),
    ] {
        assert_eq!(atlas_core::load::parse_date(date).is_some(), valid, "{date}");
    }
    for (year, month, days) in
        [(2023, 2, 28), (2024, 2, 29), (1900, 2, 28), (2000, 2, 29), (2023, 7, 31), (2023, 13, 0)]
    {
        assert_eq!(atlas_core::load::days_in_month(year, month), days, "{year}-{month}");
    }
}

/// Paragraph ids are P01..P99 and captions C1..C9, nothing looser.
/// A locator is free text: a paragraph id, a page, a section; never empty, at most 40 characters.
#[test]
fn locators_are_free_text() {
    let long = "x".repeat(41);
    for (para, want) in [
        ("P01", None),
        ("C1", None),
        ("p. 12", None),
        ("§ 3.2", None),
        ("第三节", None),
        ("Chapter 4, para. 17", None),
        (&"x".repeat(40), None),
        (long.as_str(), Some("nodes[0].sources[0].para: 41 characters; at most 40 are accepted")),
        ("  ", Some("nodes[0].sources[0].para: must not be empty")),
    ] {
        check(|v| v["nodes"][0]["sources"][0]["para"] = json!(para), &want.into_iter().collect::<Vec<_>>());
    }
}

/// A reading in one language: its texts in that language only, its quotes untranslated, and
/// every text shown in it whatever the interface's language.
fn english_only() -> Value {
    let mut v = base();
    v["meta"]["languages"] = json!(["en"]);
    strip(&mut v, "zh");
    v
}

/// Removes every `lang` key of the bilingual texts and every translation, as a one-language
/// reading is written.
fn strip(value: &mut Value, lang: &str) {
    match value {
        Value::Object(map) => {
            let is_text = map.len() == 2 && map.contains_key("zh") && map.contains_key("en");
            if is_text {
                map.remove(lang);
            }
            map.remove("translation");
            map.values_mut().for_each(|v| strip(v, lang));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| strip(v, lang)),
        _ => {}
    }
}

#[test]
fn a_reading_in_one_language_shows_it_in_either_interface() {
    let model = load_data_set(&english_only().to_string()).unwrap();
    assert_eq!(model.source_lang(), Lang::En);
    assert_eq!(model.content_lang(Lang::Zh), Lang::En);
    assert_eq!(model.content_lang(Lang::En), Lang::En);
    let label = &model.nodes[0].label;
    assert_eq!((label.get(Lang::Zh), label.get(Lang::En), label.exact(Lang::Zh)), ("US", "US", ""));
    assert_eq!(label.shown_lang(Lang::Zh), Lang::En);
    assert_eq!(model.nodes[0].sources[0].translation, None);
    let again = load_data_set(&model.to_json()).unwrap();
    assert_eq!(again, model, "a one-language reading round-trips");
    assert!(!model.to_json().contains("\"zh\""), "nothing written in the undeclared language");
}

#[test]
fn the_languages_a_reading_declares_are_the_ones_it_has() {
    let text = |s: &str| json!({"zh": s, "en": s});
    // A Chinese reading of an English source, and the other way round.
    let mut en_source = base();
    en_source["meta"]["languages"] = json!(["en", "zh"]);
    let en_quote =
        json!([{"para": "p. 3", "quote": "Trust", "translation": {"lang": "zh", "text": "信任", "basis": "ours"}}]);
    for path in ["/nodes/0", "/nodes/1", "/links/0", "/events/0", "/argument/thesis"] {
        en_source.pointer_mut(path).unwrap()["sources"] = en_quote.clone();
    }
    let model = load_data_set(&en_source.to_string()).unwrap();
    assert_eq!((model.source_lang(), model.meta.languages.second), (Lang::En, Some(Lang::Zh)));
    check(|v| *v = en_source.clone(), &[]);

    check(|v| v["meta"]["languages"] = json!(["zh", "en"]), &[]);
    // The base reading declared Chinese only: every English text and translation is refused.
    let problems = undeclared_en_problems();
    assert!(
        problems.contains(&"meta.title.en: \"en\" is not one of the reading's languages".to_string()),
        "{problems:?}"
    );
    assert!(
        // (and the node in the group that could not be read names it, as for any bad group)
        problems.iter().all(|p| p.ends_with(": \"en\" is not one of the reading's languages")
            || p == "nodes[1].group: no group \"technical\""),
        "{problems:?}"
    );
    assert!(problems
        .iter()
        .any(|p| p.ends_with("sources[0].translation: \"en\" is not one of the reading's languages")));
    for bad in
        [json!([]), json!(["en", "en"]), json!(["de"]), json!(["zh", "en", "zh"]), json!(["zh-Hans"]), json!([1])]
    {
        let mut v = english_only();
        v["meta"]["languages"] = bad.clone();
        let problems = load_data_set(&v.to_string()).unwrap_err();
        assert_eq!(problems[0].path, "meta.languages", "{bad}");
    }
    check(|v| v["meta"]["languages"] = json!("en"), &["meta.languages: expected a list, found a string"]);
    // One language: a text in the other, an alias list in it, a translation are all refused.
    let mut v = english_only();
    v["nodes"][0]["label"] = text("US");
    v["nodes"][1]["aliases"] = json!({"zh": ["攻击"], "en": ["attack"]});
    v["nodes"][1]["sources"][0]["translation"] = json!({"lang": "zh", "text": "攻击", "basis": "ours"});
    let got: Vec<String> = load_data_set(&v.to_string()).unwrap_err().iter().map(|p| p.to_string()).collect();
    assert_eq!(
        got,
        [
            "nodes[0].label.zh: \"zh\" is not one of the reading's languages",
            "nodes[1].sources[0].translation: \"zh\" is not one of the reading's languages",
            "nodes[1].aliases.zh: \"zh\" is not one of the reading's languages",
        ]
    );
    // Two languages: the second is required in every text and every quote's translation.
    let mut v = english_only();
    v["meta"]["languages"] = json!(["en", "zh"]);
    let problems = load_data_set(&v.to_string()).unwrap_err();
    assert!(problems.iter().any(|p| p.to_string() == "meta.title.zh: required but missing"), "{problems:?}");
    assert!(
        problems.iter().any(|p| p.to_string() == "nodes[0].sources[0].translation: the quote has no Chinese rendering"),
        "{problems:?}"
    );
}

/// What the base reading says when it declares Chinese only: every English text is refused.
fn undeclared_en_problems() -> Vec<String> {
    let mut v = base();
    v["meta"]["languages"] = json!(["zh"]);
    load_data_set(&v.to_string()).unwrap_err().iter().map(|p| p.to_string()).collect()
}

/// A reading that carries its source text has every quote checked against it where it opens.
#[test]
fn quotes_are_checked_against_a_carried_source_text() {
    let with_source = |v: &mut Value| {
        v["source_text"] = json!({"paragraphs": [
            {"locator": "P09", "text": "美国发布《国家网络安全战略》，\n强调……"},
            {"locator": "p. 2", "text": "另一段"}
        ]});
    };
    check(with_source, &[]);
    let model = {
        let mut v = base();
        with_source(&mut v);
        load_data_set(&v.to_string()).unwrap()
    };
    assert_eq!(model.source_text.as_ref().unwrap().paragraph("p. 2").unwrap().text, "另一段");
    assert_eq!(load_data_set(&model.to_json()).unwrap(), model, "the source text round-trips");
    check(
        |v| {
            with_source(v);
            v["nodes"][1]["sources"][0]["quote"] = json!("国家 网络\n安全战略");
        },
        &[],
    );
    check(
        |v| {
            with_source(v);
            v["nodes"][0]["sources"][0]["quote"] = json!("国家网络安全法");
            v["links"][0]["sources"][0]["para"] = json!("P10");
        },
        &[
            "nodes[0].sources[0].quote: the quote is not found word for word in P09",
            "links[0].sources[0].para: the source text has no passage \"P10\"",
        ],
    );
    check(
        |v| {
            with_source(v);
            v["source_text"]["paragraphs"][1]["locator"] = json!("P09");
        },
        &["source_text.paragraphs[1].locator: id \"P09\" is already used at source_text.paragraphs[0]"],
    );
    check(
        |v| v["source_text"] = json!({"paragraphs": "P09"}),
        &["source_text.paragraphs: expected a list, found a string"],
    );
    check(|v| v["source_text"] = json!({}), &["source_text.paragraphs: required but missing"]);
}

/// A source may give no author or no year (an unsigned essay): the reading leaves them out, and
/// its byline says what it has.
#[test]
fn author_and_year_may_be_left_out() {
    let cases: [(&[&str], &str); 4] =
        [(&[], "a · 2023"), (&["year"], "a"), (&["author"], "2023"), (&["author", "year"], "")];
    for (left_out, byline) in cases {
        let mut value = base();
        value["meta"]["year"] = json!(2023);
        for field in left_out {
            value["meta"].as_object_mut().unwrap().remove(*field);
        }
        let model = load_data_set(&value.to_string()).unwrap_or_else(|p| panic!("{left_out:?} left out: {p:?}"));
        assert_eq!(model.meta.byline(Lang::En).unwrap_or_default(), byline, "{left_out:?} left out");
        let written: Value = serde_json::from_str(&model.to_json()).unwrap();
        assert!(left_out.iter().all(|f| written["meta"].get(*f).is_none()), "{left_out:?} stay out of the file");
    }
    check(|v| v["meta"]["author"] = json!({"zh": "a"}), &["meta.author.en: required but missing"]);
}

/// The reading's year is a whole number from 0 to 9999.
#[test]
fn the_year_is_in_range() {
    for (year, valid) in
        [(json!(0), true), (json!(9999), true), (json!(2023), true), (json!(-1), false), (json!(10000), false)]
    {
        let mut value = base();
        value["meta"]["year"] = year.clone();
        let result = load_data_set(&value.to_string());
        match result {
            Ok(_) => assert!(valid, "year {year} was accepted"),
            Err(problems) => {
                assert!(!valid, "year {year} was refused: {problems:?}");
                assert!(problems.iter().all(|p| p.to_string().starts_with("meta.year: ")), "{problems:?}");
            }
        }
    }
}

#[test]
fn a_link_is_named_in_an_address_by_its_ends_and_relation_and_a_repeat_by_its_number() {
    let mut value = base();
    let link = value["links"][0].clone();
    let mut other = link.clone();
    other["relation"] = json!("drives");
    value["links"] = json!([link.clone(), other, link]);
    let model = load_data_set(&value.to_string()).unwrap();
    let keys: Vec<Option<String>> = (0..4).map(|k| model.link_key(k)).collect();
    assert_eq!(
        keys,
        [
            Some("us~names~cyber-attack".into()),
            Some("us~drives~cyber-attack".into()),
            Some("us~names~cyber-attack~2".into()),
            None
        ]
    );
    for (key, expect) in [
        ("us~names~cyber-attack", Some(0)),
        ("us~drives~cyber-attack", Some(1)),
        ("us~names~cyber-attack~2", Some(2)),
        ("us~names~cyber-attack~3", None),
        ("us~names~cyber-attack~1", None),
        ("us~names~cyber-attack~0", None),
        ("us~cites~cyber-attack", None),
        ("us~names", None),
    ] {
        assert_eq!(model.link_idx(key), expect, "{key}");
    }
}
