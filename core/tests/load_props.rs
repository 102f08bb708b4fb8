//! Property tests: the loader never panics, every rejection is explained, every valid data set
//! survives a round trip through `Model::to_json`, and a valid data set with one value broken
//! is either still valid (and round-trips) or rejected with reasons.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atlas_core::load_data_set;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Value};

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        prop_oneof![
            ".*",
            Just("argument-atlas/1".to_string()),
            Just("P09".to_string()),
            Just("2023-13-45".to_string()),
            Just("us".to_string())
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        let keys = prop_oneof![
            Just("format".to_string()),
            Just("meta".to_string()),
            Just("nodes".to_string()),
            Just("links".to_string()),
            Just("events".to_string()),
            Just("id".to_string()),
            Just("kind".to_string()),
            Just("label".to_string()),
            Just("zh".to_string()),
            Just("en".to_string()),
            Just("sources".to_string()),
            Just("para".to_string()),
            Just("quote".to_string()),
            Just("date".to_string()),
            Just("argument".to_string()),
            Just("tour".to_string()),
            "[a-z]{1,6}"
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..8).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        match load_data_set(&text) {
            Ok(_) => {}
            Err(problems) => prop_assert!(!problems.is_empty()),
        }
    }

    #[test]
    fn arbitrary_json_is_rejected_with_reasons(value in arbitrary_json()) {
        // Random JSON is practically never a data set: what matters is that it is refused with
        // reasons (the round trip of accepted data sets is the properties below).
        check_outcome(&value)?;
    }

    #[test]
    fn valid_data_sets_load_and_round_trip(value in valid_data_set()) {
        let model = load_data_set(&value.to_string());
        prop_assert!(model.is_ok(), "{:?}", model.err().map(|p| p.iter().map(|p| p.to_string()).collect::<Vec<_>>()));
        let model = model.unwrap();
        prop_assert_eq!(load_data_set(&model.to_json()).unwrap(), model);
    }
}

/// A loaded data set round-trips unchanged; a refused one comes with described problems.
/// Returns whether the data set was accepted.
fn check_outcome(value: &Value) -> Result<bool, TestCaseError> {
    match load_data_set(&value.to_string()) {
        Ok(model) => {
            prop_assert_eq!(load_data_set(&model.to_json()).unwrap(), model);
            Ok(true)
        }
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            for p in &problems {
                prop_assert!(!p.describe(atlas_core::Lang::En).is_empty());
                prop_assert!(!p.describe(atlas_core::Lang::Zh).is_empty());
            }
            Ok(false)
        }
    }
}

const KINDS: [&str; 8] = ["threat", "response", "actor", "document", "event", "concept", "claim", "person"];
const RELATIONS: [&str; 12] = [
    "addresses",
    "mitigates",
    "aggravates",
    "drives",
    "names",
    "proposes",
    "adopts",
    "criticises",
    "exemplifies",
    "part_of",
    "claims",
    "cites",
];

fn text_value() -> impl Strategy<Value = Value> {
    ("[a-zA-Z<>&\"' ]{0,8}[a-z]", "[网络安全合作<>]{1,6}").prop_map(|(en, zh)| json!({"zh": zh, "en": en}))
}

fn sources_value() -> impl Strategy<Value = Value> {
    prop::collection::vec(
        (prop_oneof![Just("P01"), Just("P19"), Just("C3")], "[数字时代国家安全]{4,10}")
            .prop_map(|(para, quote)| json!({"para": para, "quote": quote, "translation": {"lang": "en", "text": "q", "basis": "ours"}})),
        1..3,
    )
    .prop_map(Value::Array)
}

fn date_value() -> impl Strategy<Value = String> {
    (1990i32..2030, 0u32..13, 0u32..29).prop_map(|(y, m, d)| match (m, d) {
        (0, _) => format!("{y}"),
        (m, 0) => format!("{y}-{m:02}"),
        (m, d) => format!("{y}-{m:02}-{d:02}"),
    })
}

/// A valid data set of 1–12 nodes with random kinds, groups, links, events and tour steps.
fn valid_data_set() -> impl Strategy<Value = Value> {
    (1usize..12, 0usize..4).prop_flat_map(|(n, groups)| {
        let nodes = prop::collection::vec(
            (0..KINDS.len(), prop::option::of(0..groups.max(1)), text_value(), text_value(), sources_value()),
            n,
        );
        let links =
            prop::collection::vec((0..n, 0..n, 0..RELATIONS.len(), text_value(), sources_value()), 0..n * 2);
        let events = prop::collection::vec((date_value(), 0..n, prop::collection::vec(0..n, 0..3), text_value()), 0..4);
        let tour = prop::collection::vec((prop::collection::vec(0..n, 0..4), any::<bool>(), text_value()), 0..3);
        (Just(groups), nodes, links, events, tour, text_value()).prop_map(
            |(groups, nodes, links, events, tour, text)| {
                let id = |i: usize| format!("n{i}");
                let groups_json: Vec<Value> = (0..groups).map(|g| json!({"id": format!("g{g}"), "label": text})).collect();
                let nodes_json: Vec<Value> = nodes
                    .iter()
                    .enumerate()
                    .map(|(i, (kind, group, label, summary, sources))| {
                        let mut node = json!({"id": id(i), "kind": KINDS[*kind], "label": label, "summary": summary, "sources": sources});
                        if let (Some(g), true) = (group, groups > 0) {
                            node["group"] = json!(format!("g{g}"));
                        }
                        node
                    })
                    .collect();
                let links_json: Vec<Value> = links
                    .iter()
                    .map(|(s, t, r, note, sources)| json!({"source": id(*s), "target": id(*t), "relation": RELATIONS[*r], "note": note, "sources": sources}))
                    .collect();
                let events_json: Vec<Value> = events
                    .iter()
                    .enumerate()
                    .map(|(e, (date, actor, related, title))| {
                        let related: Vec<String> = related.iter().map(|&i| id(i)).collect();
                        json!({"id": format!("e{e}"), "date": date, "actor": id(*actor), "title": title, "summary": title,
                               "sources": [{"para": "P09", "quote": "国家网络安全战略", "translation": {"lang": "en", "text": "q", "basis": "ours"}}], "nodes": related})
                    })
                    .collect();
                let event_count = events_json.len();
                let tour_json: Vec<Value> = tour
                    .iter()
                    .enumerate()
                    .map(|(k, (step_nodes, reveal, title))| {
                        let step_nodes: Vec<String> = step_nodes.iter().map(|&i| id(i)).collect();
                        let step_events: Vec<String> = (0..event_count.min(k)).map(|e| format!("e{e}")).collect();
                        json!({"id": format!("s{k}"), "title": title, "text": title, "nodes": step_nodes, "events": step_events, "reveal": reveal})
                    })
                    .collect();
                json!({
                    "format": "argument-atlas/1",
                    "meta": {"title": text, "author": text, "year": 2023, "citation": text},
                    "groups": groups_json,
                    "nodes": nodes_json,
                    "links": links_json,
                    "events": events_json,
                    "argument": {"thesis": {"text": text, "sources": [{"para": "P01", "quote": "数字时代", "translation": {"lang": "en", "text": "q", "basis": "ours"}}], "nodes": [id(0)]},
                                 "principles": [id(0)], "models": []},
                    "tour": tour_json,
                })
            },
        )
    })
}

/// Every path to a value inside `value` (object keys and list positions).
fn paths(value: &Value, prefix: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    out.push(prefix.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                prefix.push(PathStep::Key(key.clone()));
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                prefix.push(PathStep::Index(i));
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn value_at<'v>(value: &'v mut Value, path: &[PathStep]) -> Option<&'v mut Value> {
    path.iter().try_fold(value, |at, step| match step {
        PathStep::Key(k) => at.get_mut(k.as_str()),
        PathStep::Index(i) => at.get_mut(*i),
    })
}

/// A valid data set with one value (chosen anywhere in it) replaced by a random leaf: some stay
/// valid (a text replaced by another text), most do not (a number where a text belongs, an id
/// that names nothing, a bad date). Both outcomes must happen, or this property tests one side only.
#[test]
fn one_broken_value_is_either_still_valid_or_rejected_with_reasons() {
    let mut runner = TestRunner::new(Config { cases: 400, ..Config::default() });
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-5i64..5).prop_map(Value::from),
        prop_oneof![Just("n0"), Just("n9"), Just("2023-02-30"), Just(""), Just("P99"), Just("addresses"), Just("x y")]
            .prop_map(|s| Value::String(s.to_string())),
        text_value(),
    ];
    let (accepted, refused) = (std::cell::Cell::new(0), std::cell::Cell::new(0));
    let strategy = (valid_data_set(), any::<prop::sample::Index>(), leaf);
    runner
        .run(&strategy, |(mut value, at, leaf)| {
            let mut all = Vec::new();
            paths(&value, &mut Vec::new(), &mut all);
            let path = all[at.index(all.len())].clone();
            if let Some(slot) = value_at(&mut value, &path) {
                *slot = leaf;
            }
            if check_outcome(&value)? {
                accepted.set(accepted.get() + 1);
            } else {
                refused.set(refused.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    let (accepted, refused) = (accepted.get(), refused.get());
    assert!(accepted >= 10 && refused >= 10, "both outcomes must be exercised: {accepted} accepted, {refused} refused");
}
