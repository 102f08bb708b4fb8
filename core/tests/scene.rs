//! The scene derived from the built-in data set: filters, search, analysis shown in the UI,
//! and the settled layouts the first paint shows.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atlas_core::scene::Scene;
use atlas_core::{load_data_set, NodeKind};
use std::collections::BTreeSet;

fn scene() -> Scene {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../www/data/lang-ping-2023.json")).unwrap();
    Scene::new(load_data_set(&text).unwrap())
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
fn actor_filter_shows_only_what_is_near_the_actor() {
    let s = scene();
    let (actor, reach) = &s.actor_reach[0];
    let id = &s.model.nodes[*actor].id;
    let h = hidden(&[&format!("actor:{id}")]);
    let shown: Vec<usize> = (0..s.model.nodes.len()).filter(|&i| !s.is_hidden(i, &h)).collect();
    assert!(shown.contains(actor));
    assert!(shown.len() < s.model.nodes.len(), "the filter hides something");
    for &i in &shown {
        assert!(reach[i]);
    }
    // Every direct neighbour of the actor is shown.
    for &nb in &s.neighbours[*actor] {
        assert!(shown.contains(&nb));
    }
    // An unknown actor in the filter shows nothing.
    let h = hidden(&["actor:no-such-actor"]);
    assert!((0..s.model.nodes.len()).all(|i| s.is_hidden(i, &h)));
}

#[test]
fn search_finds_nodes_by_english_and_chinese_words() {
    let s = scene();
    let by_en = s.search("cyber");
    assert!(!by_en.is_empty());
    assert!(by_en.iter().all(|&i| {
        let n = &s.model.nodes[i];
        [&n.label.en, &n.label.zh, &n.id, &n.summary.en, &n.summary.zh]
            .iter()
            .any(|f| f.to_lowercase().contains("cyber"))
    }));
    let by_zh = s.search("人工智能");
    assert!(!by_zh.is_empty());
    assert!(s.search("   ").is_empty());
    assert!(s.search("zzzz-no-such-thing").is_empty());
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
fn every_threat_is_either_countered_or_listed_as_uncountered() {
    let s = scene();
    for (i, n) in s.model.nodes.iter().enumerate().filter(|(_, n)| n.kind == NodeKind::Threat) {
        let countered = !s.responses_to(i).is_empty();
        assert_eq!(countered, !s.uncountered.contains(&i), "{}", n.id);
    }
    assert!(!s.counter_paths.is_empty());
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
