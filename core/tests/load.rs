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
            v["nodes"][1].as_object_mut().unwrap().remove("summary");
        },
        &["nodes[1].summary: required but missing"],
    );
    check(
        |v| {
            v.as_object_mut().unwrap().remove("meta");
        },
        &["meta: required but missing"],
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
    check(
        |v| v["nodes"][0]["sources"][0]["para"] = json!("P1"),
        &["nodes[0].sources[0].para: \"P1\" is not a paragraph id"],
    );
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
        "links[0].target: no node \"ai-risk\" (use the id of a node listed in \"nodes\")"
    );
    assert_eq!(
        problems[0].describe(Lang::Zh),
        "links[0].target：没有节点 \"ai-risk\"（请使用 \"nodes\" 中已有节点的 id）"
    );
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
#[test]
fn paragraph_ids_are_exact() {
    for (para, valid) in [
        ("P01", true),
        ("P21", true),
        ("C1", true),
        ("C9", true),
        ("P00", false),
        ("P1", false),
        ("P001", false),
        ("PA1", false),
        ("P1A", false),
        ("C0", false),
        ("C12", false),
        ("Cx", false),
        ("X01", false),
    ] {
        let want =
            if valid { Vec::new() } else { vec![format!("nodes[0].sources[0].para: {para:?} is not a paragraph id")] };
        let want: Vec<&str> = want.iter().map(String::as_str).collect();
        check(|v| v["nodes"][0]["sources"][0]["para"] = json!(para), &want);
    }
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
