//! The scene: filters, search and the analysis the UI shows, on small fixtures that state the
//! graph each test is about; and the settled layouts of the built-in reading, which the first
//! paint shows.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atlas_core::scene::{Scene, ACTOR_REACH_HOPS};
use atlas_core::{load_data_set, NodeKind};
use common::Fixture;
use std::collections::BTreeSet;

fn scene() -> Scene {
    Scene::new(load_data_set(&common::built_in_text()).unwrap())
}

/// The ids of the nodes the filter `hidden` leaves shown.
fn shown_ids(s: &Scene, hidden: &BTreeSet<String>) -> Vec<String> {
    (0..s.model.nodes.len()).filter(|&i| !s.is_hidden(i, hidden)).map(|i| s.model.nodes[i].id.clone()).collect()
}

fn hidden(keys: &[&str]) -> BTreeSet<String> {
    keys.iter().map(|k| k.to_string()).collect()
}

#[test]
fn kind_and_group_filters_hide_exactly_their_nodes() {
    let s = scene();
    let h = hidden(&["kind:threat"]);
    for (i, n) in s.model.nodes.iter().enumerate() {
        assert_eq!(s.is_hidden(i, &h), n.kind == NodeKind::Threat, "{}", n.id);
    }
    let group = s.model.groups[0].id.clone();
    let h = hidden(&[&format!("group:{group}")]);
    for (i, n) in s.model.nodes.iter().enumerate() {
        assert_eq!(s.is_hidden(i, &h), n.group.as_deref() == Some(group.as_str()), "{}", n.id);
    }
    assert!((0..s.model.nodes.len()).all(|i| !s.is_hidden(i, &BTreeSet::new())));
}

#[test]
fn actor_filter_reaches_exactly_two_links_either_way() {
    assert_eq!(ACTOR_REACH_HOPS, 2);
    // us → one ← two → three, and a second actor with its own neighbour.
    let s = Fixture::new()
        .node("us", "actor")
        .node("one", "threat")
        .node("two", "concept")
        .node("three", "response")
        .node("eu", "actor")
        .node("far", "threat")
        .link("us", "one", "names")
        .link("two", "one", "drives")
        .link("two", "three", "part_of")
        .link("eu", "far", "names")
        .scene();
    let check = |keys: &[&str], expect: &[&str]| assert_eq!(shown_ids(&s, &hidden(keys)), expect, "{keys:?}");
    check(&["actor:us"], &["us", "one", "two"]);
    check(&["actor:eu"], &["eu", "far"]);
    // Two actors: what is near either of them.
    check(&["actor:us", "actor:eu"], &["us", "one", "two", "eu", "far"]);
    // With kinds hidden as well, the kind filter wins.
    check(&["actor:us", "kind:threat"], &["us", "two"]);
    // An unknown actor shows nothing.
    check(&["actor:no-such-actor"], &[]);
}

#[test]
fn search_ranks_label_prefix_then_label_substring_then_summary() {
    let s = Fixture::new()
        .node_labelled("summary-only", "concept", "其他", "Other")
        .with("summary", serde_json::json!({"zh": "安全", "en": "about security"}))
        .node_labelled("substring", "concept", "网络安全", "Cyber security")
        .node_labelled("prefix", "concept", "安全困境", "Security dilemma")
        .node_labelled("unrelated", "concept", "合作", "Cooperation")
        .node_labelled("prefix-too", "concept", "安全化", "Securitisation")
        .scene();
    let ids =
        |query: &str| -> Vec<String> { s.search(query).into_iter().map(|i| s.model.nodes[i].id.clone()).collect() };
    // Best first; equal ranks keep the data set's order.
    assert_eq!(ids("secur"), ["prefix", "prefix-too", "substring", "summary-only"]);
    assert_eq!(ids("安全"), ["prefix", "prefix-too", "substring", "summary-only"]);
    assert_eq!(ids("  SECURITY "), ["prefix", "substring", "summary-only"]);
    assert_eq!(ids("dilemma"), ["prefix"]);
    assert!(ids("   ").is_empty());
    assert!(ids("zzzz-no-such-thing").is_empty());
}

#[test]
fn search_finds_built_in_nodes_by_english_and_chinese_words() {
    let s = scene();
    let by_en = s.search("cyber");
    assert!(!by_en.is_empty());
    assert!(by_en.iter().all(|&i| {
        let n = &s.model.nodes[i];
        [&n.label.en, &n.label.zh, &n.id, &n.summary.en, &n.summary.zh]
            .iter()
            .any(|f| f.to_lowercase().contains("cyber"))
    }));
    assert!(!s.search("人工智能").is_empty());
}

#[test]
fn the_settled_layout_has_no_overlapping_nodes_and_no_nan() {
    let s = scene();
    let n = s.model.nodes.len();
    assert!(s.force_xs.iter().chain(&s.force_ys).chain(&s.column_xs).chain(&s.column_ys).all(|v| v.is_finite()));
    for i in 0..n {
        for j in i + 1..n {
            let d = ((s.force_xs[i] - s.force_xs[j]).powi(2) + (s.force_ys[i] - s.force_ys[j]).powi(2)).sqrt();
            assert!(d >= s.radii[i] + s.radii[j], "{} and {} overlap", s.model.nodes[i].id, s.model.nodes[j].id);
        }
    }
}

#[test]
fn responses_to_and_uncountered_name_the_expected_threats() {
    // direct: r1 addresses t1; inferred: r2 addresses d, which t2 drives; t3 has no response;
    // t4 drives a response, which does not make the response counter it.
    let s = Fixture::new()
        .node("r1", "response")
        .node("t1", "threat")
        .node("r2", "response")
        .node("d", "concept")
        .node("t2", "threat")
        .node("t3", "threat")
        .node("r3", "response")
        .node("t4", "threat")
        .link("r1", "t1", "addresses")
        .link("r2", "d", "addresses")
        .link("t2", "d", "drives")
        .link("t4", "r3", "drives")
        .scene();
    let idx = |id: &str| s.model.node_idx(id).unwrap();
    let paths =
        |threat: &str| -> Vec<Vec<usize>> { s.responses_to(idx(threat)).iter().map(|p| p.path.clone()).collect() };
    assert_eq!(paths("t1"), vec![vec![idx("r1"), idx("t1")]]);
    assert_eq!(paths("t2"), vec![vec![idx("r2"), idx("d"), idx("t2")]]);
    assert!(paths("t3").is_empty());
    assert!(paths("t4").is_empty());
    assert_eq!(s.uncountered, vec![idx("t3"), idx("t4")]);
    let threats_of = |response: &str| -> Vec<usize> { s.threats_of(idx(response)).iter().map(|p| p.threat).collect() };
    assert_eq!(threats_of("r2"), vec![idx("t2")]);
    assert!(threats_of("r3").is_empty());
}

#[test]
fn timeline_lanes_cover_every_event_actor() {
    let s = scene();
    for e in &s.model.events {
        let actor = s.model.node_idx(&e.actor).unwrap();
        assert!(s.lanes.contains(&actor), "{}", e.id);
    }
    let dates: Vec<_> = s.events_by_date.iter().map(|&e| s.model.events[e].date.sort_key()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
}

/// The box a node and its label below it take: (left, top, right, bottom).
fn label_box(s: &Scene, i: usize, xs: &[f64], ys: &[f64], lang: atlas_core::Lang) -> (f64, f64, f64, f64) {
    let label = s.label(i, lang);
    let r = s.radii[i];
    let half = (label.width / 2.0).max(r);
    (xs[i] - half, ys[i] - r, xs[i] + half, ys[i] + r + 4.0 + label.height)
}

#[test]
fn labels_do_not_overlap_in_either_layout_or_language() {
    let s = scene();
    let n = s.model.nodes.len();
    for lang in [atlas_core::Lang::Zh, atlas_core::Lang::En] {
        for (name, xs, ys) in [("force", &s.force_xs, &s.force_ys), ("columns", &s.column_xs, &s.column_ys)] {
            let boxes: Vec<_> = (0..n).map(|i| label_box(&s, i, xs, ys, lang)).collect();
            let mut overlaps = Vec::new();
            for i in 0..n {
                for j in i + 1..n {
                    let (a, b) = (boxes[i], boxes[j]);
                    if a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3 {
                        overlaps.push(format!("{} / {}", s.model.nodes[i].id, s.model.nodes[j].id));
                    }
                }
            }
            assert!(
                overlaps.is_empty(),
                "{name} {lang:?}: {} overlapping labels: {:?}",
                overlaps.len(),
                &overlaps[..overlaps.len().min(10)]
            );
        }
    }
}

#[test]
fn a_layout_computed_ahead_gives_the_scene_it_would_settle_and_a_bad_one_is_ignored() {
    use atlas_core::scene::{settled_force_layout, ForceLayout, TextMeasure};
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../www/data/lang-ping-2023.json")).unwrap();
    let model = load_data_set(&text).unwrap();
    // A measure unlike the estimate: the settled layout must not depend on it.
    struct Wide;
    impl TextMeasure for Wide {
        fn width(&self, text: &str) -> f64 {
            text.chars().count() as f64 * 9.0
        }
    }
    let settled = Scene::new_measured(model.clone(), &Wide);
    let ahead = settled_force_layout(&model);
    let with_ahead = Scene::new_measured_with(model.clone(), &Wide, Some(ahead.clone()));
    assert_eq!((&with_ahead.force_xs, &with_ahead.force_ys), (&settled.force_xs, &settled.force_ys));
    assert_eq!(with_ahead.force_alpha, settled.force_alpha);
    // Wrong length, a position that is not a number or out of the simulation's range, an alpha
    // out of 0..=1: settled in place instead.
    let mut short = ahead.clone();
    short.xs.pop();
    let mut nan = ahead.clone();
    nan.ys[3] = f64::NAN;
    let mut huge = ahead.clone();
    huge.xs[0] = 1e300;
    let hot = ForceLayout { alpha: 5.0, ..ahead.clone() };
    let moved = ForceLayout { xs: ahead.xs.iter().map(|x| x + 1000.0).collect(), ..ahead.clone() };
    for bad in [short, nan, huge, hot] {
        let s = Scene::new_measured_with(model.clone(), &Wide, Some(bad));
        assert_eq!((&s.force_xs, &s.force_ys), (&settled.force_xs, &settled.force_ys));
    }
    // A usable one is used as given (then only label boxes are nudged apart).
    let s = Scene::new_measured_with(model, &Wide, Some(moved));
    assert!(s.force_xs.iter().zip(&settled.force_xs).all(|(a, b)| (a - b - 1000.0).abs() < 200.0));
}
