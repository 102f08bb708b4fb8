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
fn search_ranks_exact_name_then_prefix_then_substring_then_summary() {
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
    // A name that is the query (quotation marks aside) comes before names that start with it.
    assert_eq!(ids("securitisation"), ["prefix-too"]);
    assert_eq!(ids("安全化"), ["prefix-too"]);
    assert!(ids("   ").is_empty());
    assert!(ids("zzzz-no-such-thing").is_empty());
}

#[test]
fn search_finds_aliases_as_well_as_labels_and_groups_by_name() {
    let s = Fixture::new()
        .group("state-behaviour")
        .node_labelled("de-risking", "response", "去风险", "De-risking")
        .node_labelled("pan-sec", "threat", "泛安全化", "Pan-securitisation")
        .with("aliases", serde_json::json!({"zh": ["安全泛化"], "en": ["overstretched security"]}))
        .with("group", serde_json::json!("state-behaviour"))
        .scene();
    let ids =
        |query: &str| -> Vec<String> { s.search(query).into_iter().map(|i| s.model.nodes[i].id.clone()).collect() };
    assert_eq!(ids("overstretched"), ["pan-sec"]);
    assert_eq!(ids("安全泛化"), ["pan-sec"]);
    assert_eq!(ids("SECURITY"), ["pan-sec"]);
    assert_eq!(s.search_groups("behav"), vec![0]);
    assert_eq!(s.search_groups("state-behaviour"), vec![0]);
    assert!(s.search_groups("nothing").is_empty());
    assert_eq!(s.group_nodes(0), vec![1]);
}

#[test]
fn the_highlight_keeps_stated_neighbours_apart_from_inferred_chains() {
    use atlas_core::drawing::{highlight, Emphasis, Focus};
    // r addresses d, which drives t: r counters t only by inference, through d.
    let s = Fixture::new()
        .node("r", "response")
        .node("d", "concept")
        .node("t", "threat")
        .node("other", "actor")
        .node("far", "concept")
        .link("r", "d", "addresses")
        .link("d", "t", "drives")
        .link("other", "t", "names")
        .link("far", "other", "cites")
        .scene();
    let idx = |id: &str| s.model.node_idx(id).unwrap();
    use Emphasis::*;
    let check = |focus: Focus, nodes: &[Emphasis], links: &[Emphasis]| {
        let h = highlight(&s, &focus);
        assert_eq!((h.nodes.as_slice(), h.links.as_slice()), (nodes, links), "{focus:?}");
    };
    // Nothing in focus.
    check(Focus::default(), &[Plain; 5], &[Plain; 4]);
    // The threat: its stated neighbours lit; the response reached only through d inferred.
    check(
        Focus { node: Some(idx("t")), ..Focus::default() },
        &[Inferred, Lit, Chosen, Lit, Dim],
        &[Inferred, Lit, Lit, Dim],
    );
    // The response: d lit (stated), t inferred.
    check(
        Focus { node: Some(idx("r")), ..Focus::default() },
        &[Chosen, Lit, Inferred, Dim, Dim],
        &[Lit, Inferred, Dim, Dim],
    );
    // Hovering shows the hovered node's neighbourhood only, whatever is selected.
    check(
        Focus { node: Some(idx("r")), hovered: Some(idx("far")), ..Focus::default() },
        &[Dim, Dim, Dim, Lit, Chosen],
        &[Dim, Dim, Dim, Lit],
    );
    // A selected event or group lights its nodes.
    check(
        Focus { set: Some(vec![idx("d"), idx("t")]), ..Focus::default() },
        &[Dim, Lit, Lit, Dim, Dim],
        &[Dim, Lit, Dim, Dim],
    );
    // Presenting: the step's nodes, whatever is hovered.
    check(
        Focus { tour: Some(vec![idx("other")]), hovered: Some(idx("r")), ..Focus::default() },
        &[Chosen, Dim, Dim, Lit, Dim],
        &[Dim; 4],
    );
}

#[test]
fn a_step_reveals_by_group_in_at_most_four_presses() {
    use atlas_core::tour::{label_boosts, next, previous, shown_nodes, step_nodes, whole, TourPosition, MAX_REVEALS};
    let mut f = Fixture::new().group("a").group("b").group("c").group("d").group("e");
    let mut ids = Vec::new();
    for (k, g) in ["a", "a", "b", "c", "c", "c", "d", "e", "", ""].iter().enumerate() {
        let id = format!("n{k}");
        f = f.node(&id, if g.is_empty() { "actor" } else { "threat" });
        if !g.is_empty() {
            f = f.with("group", serde_json::json!(g));
        }
        ids.push(id);
    }
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let s = f.tour_step("all-at-once", &refs[..3], &[], false).tour_step("by-group", &refs, &[], true).scene();
    assert_eq!(s.tour[0].reveals.len(), 1);
    let reveals = &s.tour[1].reveals;
    assert!(reveals.len() <= MAX_REVEALS, "{} reveals", reveals.len());
    // Every node is revealed once, in the step's order, groups kept whole.
    let flat: Vec<usize> = reveals.iter().flat_map(|r| r.nodes.clone()).collect();
    assert_eq!(flat, (0..10).collect::<Vec<_>>());
    let names: Vec<&str> = reveals.iter().map(|r| r.name.en.as_str()).collect();
    assert_eq!(names, ["a; b", "c", "d; e", "n8, n9"]);
    // Stepping: reveals, then the next step; back shows the previous step whole.
    let at = |step, revealed| TourPosition { step, revealed };
    let plan = &s.tour;
    assert_eq!(next(plan, None), Some(at(0, 1)));
    assert_eq!(next(plan, Some(at(0, 1))), Some(at(1, 1)));
    assert_eq!(next(plan, Some(at(1, 1))), Some(at(1, 2)));
    assert_eq!(next(plan, Some(at(1, 4))), Some(at(1, 4)));
    assert_eq!(previous(plan, at(1, 2)), at(0, 1));
    assert_eq!(previous(plan, at(0, 1)), at(0, 1));
    assert_eq!(whole(plan, 1), Some(at(1, 4)));
    assert_eq!(whole(plan, 9), None);
    assert_eq!(shown_nodes(plan, at(1, 2)), vec![0, 1, 2, 3, 4, 5]);
    // The stage frames the whole step from the first press.
    assert_eq!(step_nodes(plan, 1), (0..10).collect::<Vec<_>>());
    // Labels: the last press's nodes first, then the step's order; unshown nodes none.
    let boosts = label_boosts(plan, at(1, 2), 10);
    let fresh: Vec<usize> = (3..6).collect();
    for &i in &fresh {
        assert!((0..3).all(|j| boosts[i] > boosts[j]), "the fresh node {i} does not outrank the earlier ones");
    }
    assert!(boosts[0] > boosts[1] && boosts[1] > boosts[2], "earlier nodes not in the step's order: {boosts:?}");
    assert!(boosts[6..].iter().all(|&b| b == 0.0), "unshown nodes are boosted: {boosts:?}");
}

/// A revealing step whose nodes share one group, or have none, reveals them one at a time
/// (joined to at most four presses), each press named by its nodes.
#[test]
fn a_step_without_groups_to_split_reveals_node_by_node() {
    use atlas_core::tour::MAX_REVEALS;
    let mut f = Fixture::new().group("a");
    for k in 0..6 {
        f = f.node(&format!("n{k}"), "threat");
        if k >= 3 {
            f = f.with("group", serde_json::json!("a"));
        }
    }
    let s = f
        .tour_step("three-loose", &["n0", "n1", "n2"], &[], true)
        .tour_step("one-group", &["n3", "n4", "n5"], &[], true)
        .tour_step("six", &["n0", "n1", "n2", "n3", "n4", "n5"], &[], true)
        .scene();
    let presses = |step: usize| -> Vec<Vec<usize>> { s.tour[step].reveals.iter().map(|r| r.nodes.clone()).collect() };
    assert_eq!(presses(0), [vec![0], vec![1], vec![2]]);
    assert_eq!(presses(1), [vec![3], vec![4], vec![5]]);
    let names: Vec<&str> = s.tour[0].reveals.iter().map(|r| r.name.en.as_str()).collect();
    assert_eq!(names, ["n0", "n1", "n2"]);
    // Two groups (none, and "a") still reveal group by group.
    assert_eq!(presses(2), [vec![0, 1, 2], vec![3, 4, 5]]);
    assert!(s.tour.iter().all(|p| p.reveals.len() <= MAX_REVEALS));
}

#[test]
fn the_built_in_tour_needs_at_most_four_presses_a_step() {
    let s = scene();
    for (plan, step) in s.tour.iter().zip(&s.model.tour) {
        assert!(plan.reveals.len() <= 4, "{}: {} presses", step.id, plan.reveals.len());
    }
}

#[test]
fn the_argument_layout_follows_the_declared_stages() {
    let s = scene();
    assert_eq!(s.argument.sections.len(), s.model.stages.len());
    // Every node sits in exactly one stage, and a grouped node in its group's stage.
    for (i, n) in s.model.nodes.iter().enumerate() {
        let stage = s.argument.stage_of[i];
        let holds = |sec: &Vec<(Option<usize>, Vec<usize>)>| sec.iter().any(|(_, nodes)| nodes.contains(&i));
        assert!(holds(&s.argument.sections[stage]), "{}", n.id);
        if let Some(g) = &n.group {
            assert!(s.model.stages[stage].groups.contains(g), "{} in stage {}", n.id, s.model.stages[stage].id);
        }
    }
}

#[test]
fn search_finds_built_in_nodes_by_english_and_chinese_words() {
    let s = scene();
    let by_en = s.search("cyber");
    assert!(!by_en.is_empty());
    assert!(by_en.iter().all(|&i| {
        let n = &s.model.nodes[i];
        [&n.label.en, &n.label.zh, &n.id, &n.summary.en, &n.summary.zh]
            .into_iter()
            .chain(n.aliases.zh.iter().chain(&n.aliases.en))
            .any(|f| f.to_lowercase().contains("cyber"))
    }));
    // Concepts the article names under other words are found by them, in both languages.
    for (query, id) in [("de-risking", "de-risking"), ("去风险", "de-risking"), ("small yard", "small-yard-high-fence")]
    {
        let first = s.search(query).first().map(|&i| s.model.nodes[i].id.clone());
        assert_eq!(first.as_deref(), Some(id), "{query}");
    }
    assert!(!s.search("人工智能").is_empty());
}

#[test]
fn the_settled_layout_has_no_overlapping_nodes_and_no_nan() {
    let s = scene();
    let n = s.model.nodes.len();
    assert!(s.force_xs.iter().chain(&s.force_ys).all(|v| v.is_finite()));
    for i in 0..n {
        for j in i + 1..n {
            let d = ((s.force_xs[i] - s.force_xs[j]).powi(2) + (s.force_ys[i] - s.force_ys[j]).powi(2)).sqrt();
            assert!(d >= s.radii[i] + s.radii[j], "{} and {} overlap", s.model.nodes[i].id, s.model.nodes[j].id);
        }
    }
}

#[test]
fn responses_to_and_uncountered_name_the_expected_threats() {
    // direct: r1 addresses t1; inferred: r2 addresses d, which drives t2; t3 has no response;
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
        .link("d", "t2", "drives")
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
fn events_are_in_date_order_with_their_actor_first() {
    let s = scene();
    for (e, event) in s.model.events.iter().enumerate() {
        assert_eq!(s.event_nodes[e].first(), s.model.node_idx(&event.actor).as_ref(), "{}", event.id);
    }
    let dates: Vec<_> = s.events_by_date.iter().map(|&e| s.model.events[e].date.sort_key()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn the_settled_layout_is_wider_than_tall_with_groups_gathered() {
    let s = scene();
    let width = s.force_xs.iter().cloned().fold(f64::NEG_INFINITY, f64::max)
        - s.force_xs.iter().cloned().fold(f64::INFINITY, f64::min);
    let height = s.force_ys.iter().cloned().fold(f64::NEG_INFINITY, f64::max)
        - s.force_ys.iter().cloned().fold(f64::INFINITY, f64::min);
    assert!(width > 1.4 * height, "{width} × {height}: the picture should fill a landscape view");
    // A group's nodes lie nearer their own group's centre than the graph's half-height, on
    // average: the clusters the group names are drawn over exist.
    for g in 0..s.model.groups.len() {
        let nodes = s.group_nodes(g);
        if nodes.len() < 3 {
            continue;
        }
        let cx = nodes.iter().map(|&i| s.force_xs[i]).sum::<f64>() / nodes.len() as f64;
        let cy = nodes.iter().map(|&i| s.force_ys[i]).sum::<f64>() / nodes.len() as f64;
        let spread =
            nodes.iter().map(|&i| ((s.force_xs[i] - cx).powi(2) + (s.force_ys[i] - cy).powi(2)).sqrt()).sum::<f64>()
                / nodes.len() as f64;
        assert!(spread < height / 2.0, "group {} spreads {spread} in a graph {height} tall", s.model.groups[g].id);
    }
}

#[test]
fn a_layout_computed_ahead_gives_the_scene_it_would_settle_and_a_bad_one_is_ignored() {
    use atlas_core::label::TextMeasure;
    use atlas_core::scene::{settled_force_layout, ForceLayout};
    let model = load_data_set(&common::built_in_text()).unwrap();
    // A measure unlike the estimate: the settled layout must not depend on it.
    struct Wide;
    impl TextMeasure for Wide {
        fn width(&self, text: &str) -> f64 {
            text.chars().count() as f64 * 9.0
        }
    }
    let settled = Scene::new_measured(model.clone(), &Wide);
    let ahead = settled_force_layout(&model);
    let with_ahead = Scene::with_layout_ahead(model.clone(), &Wide, Some(ahead.clone()));
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
        let s = Scene::with_layout_ahead(model.clone(), &Wide, Some(bad));
        assert_eq!((&s.force_xs, &s.force_ys), (&settled.force_xs, &settled.force_ys));
    }
    // A usable one is used as given.
    let s = Scene::with_layout_ahead(model, &Wide, Some(moved.clone()));
    assert_eq!(s.force_xs, moved.xs);
}

#[test]
fn label_priority_puts_the_argument_first_then_kinds_and_degree() {
    let s = Fixture::new()
        .node("thesis-node", "concept")
        .node("principle", "response")
        .node("model", "concept")
        .node("threat-a", "threat")
        .node("threat-b", "threat")
        .node("resp", "response")
        .node("actor", "actor")
        .node("doc", "document")
        .link("resp", "threat-a", "addresses")
        .link("actor", "resp", "proposes")
        .link("doc", "threat-a", "names")
        .top(
            "argument",
            serde_json::json!({
                "thesis": {"text": common::text("thesis"), "sources": common::sources(), "nodes": ["thesis-node"]},
                "principles": ["principle"], "models": ["model"]
            }),
        )
        .scene();
    // role (thesis or principle 100, model 60) + kind (threat/response 3, concept/actor 2) + 2 × degree
    let expect = [
        ("thesis-node", 102.0),
        ("principle", 103.0),
        ("model", 62.0),
        ("threat-a", 7.0),
        ("threat-b", 3.0),
        ("resp", 7.0),
        ("actor", 4.0),
        ("doc", 2.0),
    ];
    for (id, priority) in expect {
        let i = s.model.node_idx(id).unwrap();
        assert_eq!(s.label_priority[i], priority, "{id}");
    }
}

#[test]
fn group_nodes_are_the_nodes_of_that_group_in_data_set_order() {
    let s = Fixture::new()
        .group("g1")
        .group("g2")
        .node("n1", "threat")
        .with("group", serde_json::json!("g1"))
        .node("n2", "threat")
        .with("group", serde_json::json!("g2"))
        .node("n3", "response")
        .with("group", serde_json::json!("g1"))
        .node("n4", "concept")
        .scene();
    assert_eq!(s.group_nodes(0), vec![0, 2]);
    assert_eq!(s.group_nodes(1), vec![1]);
}

#[test]
fn a_layout_settled_near_an_earlier_one_keeps_the_map_and_places_a_new_node_by_its_neighbour() {
    use atlas_core::scene::{settled_force_layout, settled_near};
    // An earlier map of twelve nodes in a chain, then the same map with one node and one link
    // more: the earlier nodes barely move, the new one lies near the node it links to.
    let ids: Vec<String> = (0..12).map(|i| format!("n{i}")).collect();
    let chain = |fixture: Fixture| {
        let mut f = ids.iter().fold(fixture, |f, id| f.node(id, "concept"));
        for pair in ids.windows(2) {
            f = f.link(&pair[0], &pair[1], "drives");
        }
        f
    };
    let before = chain(Fixture::new()).scene();
    // How far the earlier nodes moved on average, the whole map's shift taken out (the view
    // fits the map to the screen, so a shift of all of it is not seen).
    let moved = |xs: &[f64], ys: &[f64]| -> f64 {
        let n = ids.len() as f64;
        let dx = (0..ids.len()).map(|i| xs[i] - before.force_xs[i]).sum::<f64>() / n;
        let dy = (0..ids.len()).map(|i| ys[i] - before.force_ys[i]).sum::<f64>() / n;
        (0..ids.len()).map(|i| (xs[i] - before.force_xs[i] - dx).hypot(ys[i] - before.force_ys[i] - dy)).sum::<f64>()
            / n
    };
    let gap = |m: &atlas_core::Model, l: &atlas_core::scene::ForceLayout, a: &str, b: &str| {
        let (a, b) = (m.node_idx(a).unwrap(), m.node_idx(b).unwrap());
        (l.xs[a] - l.xs[b]).hypot(l.ys[a] - l.ys[b])
    };
    let linked = chain(Fixture::new()).node("new", "threat").link("n5", "new", "drives").model();
    let near = settled_near(&linked, &before);
    let anew = settled_force_layout(&linked);
    let kept = moved(&near.xs, &near.ys);
    let fresh = moved(&anew.xs, &anew.ys);
    assert!(kept < 25.0 && kept < fresh / 2.0, "earlier nodes moved {kept:.1} on average (laid out anew: {fresh:.1})");
    assert!(
        gap(&linked, &near, "new", "n5") < 120.0,
        "the new node settled {:.0} from the node it links to",
        gap(&linked, &near, "new", "n5")
    );
    assert!(near.alpha < 0.01, "the layout is not settled (alpha {})", near.alpha);
    // A node added on its own starts in nobody's way; linked afterwards, it moves beside its
    // neighbour (it had no link, so it is placed again).
    let alone_fixture = chain(Fixture::new()).node("alone", "threat");
    let alone = settled_near(&alone_fixture.model(), &before);
    let i = alone_fixture.model().node_idx("alone").unwrap();
    let nearest = (0..ids.len())
        .map(|j| (alone.xs[i] - alone.xs[j]).hypot(alone.ys[i] - alone.ys[j]))
        .fold(f64::INFINITY, f64::min);
    assert!(nearest > 40.0, "a node added alone settled {nearest:.0} from another");
    let with_alone = Scene::with_layout_ahead(
        alone_fixture.model(),
        &atlas_core::label::EstimatedMeasure { font_px: 12.0 },
        Some(alone),
    );
    let then = settled_near(&linked_alone(&chain), &with_alone);
    let m = linked_alone(&chain);
    assert!(
        gap(&m, &then, "alone", "n0") < 120.0,
        "the node linked after it was added alone settled {:.0} from its neighbour",
        gap(&m, &then, "alone", "n0")
    );
    // Nothing earlier known: the seeded start, settled from warm.
    let cold = settled_near(&linked, &Fixture::new().node("elsewhere", "concept").scene());
    assert!(cold.xs.iter().chain(&cold.ys).all(|v| v.is_finite()));
}

/// `n` concept nodes, `n0` to `n{n-1}`, each linked to the next: their ids and the fixture.
fn chain_of(n: usize) -> (Vec<String>, Fixture) {
    let ids: Vec<String> = (0..n).map(|i| format!("n{i}")).collect();
    let mut fixture = ids.iter().fold(Fixture::new(), |f, id| f.node(id, "concept"));
    for pair in ids.windows(2) {
        fixture = fixture.link(&pair[0], &pair[1], "drives");
    }
    (ids, fixture)
}

#[test]
fn a_link_moves_only_a_node_linked_for_the_first_time() {
    use atlas_core::scene::settled_near;
    // Trial 15 looked for both ends of each of its 21 links anew, every link moving the whole
    // map a little; trial 16 found its hub elsewhere after each link to it. A node linked
    // already holds its place; one linked for the first time comes to its neighbour.
    let (ids, fixture) = chain_of(12);
    let before = fixture.clone().node("leaf", "threat").scene();
    let moved = |after: &atlas_core::scene::ForceLayout, i: usize| {
        (after.xs[i] - before.force_xs[i]).hypot(after.ys[i] - before.force_ys[i])
    };
    // Between two linked nodes: nothing moves.
    let across = fixture.clone().node("leaf", "threat").link("n2", "n9", "drives").model();
    let after = settled_near(&across, &before);
    for (i, id) in ids.iter().enumerate() {
        assert!(moved(&after, i) == 0.0, "{id} moved {:.2} for a link between two linked nodes", moved(&after, i));
    }
    // From the hub to a node not linked before: the hub stays, the other comes over.
    let to_leaf = fixture.node("leaf", "threat").link("n5", "leaf", "drives").model();
    let after = settled_near(&to_leaf, &before);
    let (hub, leaf) = (to_leaf.node_idx("n5").unwrap(), to_leaf.node_idx("leaf").unwrap());
    for (i, id) in ids.iter().enumerate() {
        assert!(
            moved(&after, i) == 0.0,
            "{id} moved {:.2} for a link to a node linked for the first time",
            moved(&after, i)
        );
    }
    let gap = (after.xs[leaf] - after.xs[hub]).hypot(after.ys[leaf] - after.ys[hub]);
    assert!(
        moved(&after, leaf) > 1.0 && gap < 120.0,
        "the node linked for the first time settled {gap:.0} from its neighbour"
    );
    assert!(after.alpha < 0.01, "the layout is not settled (alpha {})", after.alpha);
}

#[test]
fn an_edit_settles_near_the_map_as_drawn_after_a_drag() {
    use atlas_core::scene::{keeps_places, settled_near, settled_near_drawn, ForceLayout};
    let (_, fixture) = chain_of(8);
    let before = fixture.scene();
    // As a drag of n3 leaves the map: n3 and its neighbours drawn 40 px right of their places.
    let mut drawn = before.force_layout();
    for id in ["n2", "n3", "n4"] {
        drawn.xs[before.model.node_idx(id).unwrap()] += 40.0;
    }
    let model = fixture.clone().link("n1", "n6", "drives").model();
    let near = settled_near_drawn(&model, &before, &drawn);
    // The nodes that hold their place hold it where they were drawn, not where they were laid out.
    for id in ["n2", "n3", "n4", "n0", "n7"] {
        let (i, j) = (model.node_idx(id).unwrap(), before.model.node_idx(id).unwrap());
        assert_eq!((near.xs[i], near.ys[i]), (drawn.xs[j], drawn.ys[j]), "{id}");
    }
    // And the view that drew them is kept for the edit.
    let measure = atlas_core::label::EstimatedMeasure { font_px: 12.0 };
    let scene = Scene::with_layout_ahead(model.clone(), &measure, Some(near));
    assert!(keeps_places(&before, &drawn, &scene));
    // A drawn map that is not one of `before`'s nodes is not used.
    for wrong in [
        ForceLayout { xs: vec![0.0], ys: vec![0.0], alpha: 0.0 },
        ForceLayout { xs: vec![f64::NAN; 8], ys: vec![0.0; 8], alpha: 0.0 },
    ] {
        assert_eq!(settled_near_drawn(&model, &before, &wrong), settled_near(&model, &before));
    }
}

#[test]
fn an_edit_keeps_places_and_a_reading_laid_out_anew_does_not() {
    use atlas_core::scene::{keeps_places, settled_near};
    let (_, fixture) = chain_of(8);
    let before = fixture.scene();
    let model = fixture.clone().link("n1", "n6", "drives").model();
    let measure = atlas_core::label::EstimatedMeasure { font_px: 12.0 };
    // A link drawn: settled near the map, its other nodes held where they were.
    let near = Scene::with_layout_ahead(model.clone(), &measure, Some(settled_near(&model, &before)));
    assert!(keeps_places(&before, &before.force_layout(), &near));
    // The same reading laid out from scratch (opened again from a file): every node elsewhere.
    let anew = Scene::with_layout_ahead(model, &measure, None);
    assert!(!keeps_places(&before, &before.force_layout(), &anew));
    // Another reading altogether shares no node.
    assert!(!keeps_places(&before, &before.force_layout(), &Fixture::new().node("other", "concept").scene()));
}

#[test]
fn a_node_moved_to_another_group_joins_it_while_the_rest_stay() {
    use atlas_core::scene::settled_near;
    // Its links are the same, but its group's anchor pulls it elsewhere: it must not be held in
    // its old cluster (the review found it pinned there, the group's name drawn between two).
    let make = |group_of_n2: &str| {
        let mut f = Fixture::new().group("west").group("east");
        for k in 0..6 {
            let group = if k == 2 {
                group_of_n2
            } else if k < 3 {
                "west"
            } else {
                "east"
            };
            f = f.node(&format!("n{k}"), "concept").with("group", serde_json::json!(group));
        }
        f.link("n0", "n1", "drives").link("n1", "n2", "drives").link("n3", "n4", "drives").link("n4", "n5", "drives")
    };
    let before = make("west").scene();
    let after_model = make("east").model();
    let after = settled_near(&after_model, &before);
    let moved = |i: usize| (after.xs[i] - before.force_xs[i]).hypot(after.ys[i] - before.force_ys[i]);
    assert!(moved(2) > 1.0, "the node moved to another group stayed where it was");
    for i in [0, 3, 4, 5] {
        assert!(moved(i) == 0.0, "n{i} moved {:.2} though nothing of it changed", moved(i));
    }
}

/// The chain with the node "alone" linked to its first node.
fn linked_alone(chain: &dyn Fn(Fixture) -> Fixture) -> atlas_core::Model {
    chain(Fixture::new()).node("alone", "threat").link("n0", "alone", "drives").model()
}

/// Twenty unlinked nodes made one by one, as an author makes them before any link (trials 12
/// and 13): each edit settles near the map before it. The fixture and the map made.
fn twenty_nodes_made_one_by_one() -> (Fixture, Scene) {
    use atlas_core::scene::settled_near;
    let mut fixture = Fixture::new().node("n0", "threat");
    let mut scene = fixture.scene();
    for k in 1..20 {
        fixture = fixture.node(&format!("n{k}"), if k % 2 == 0 { "threat" } else { "response" });
        let model = fixture.model();
        let layout = settled_near(&model, &scene);
        scene = Scene::with_layout_ahead(model, &atlas_core::label::EstimatedMeasure { font_px: 12.0 }, Some(layout));
    }
    (fixture, scene)
}

#[test]
fn nodes_added_one_by_one_before_their_links_fill_a_block_a_pane_shows_large() {
    // The map stays about as wide as a landscape pane, not a row fitting shrinks.
    let (_, scene) = twenty_nodes_made_one_by_one();
    let span = |v: &[f64]| {
        v.iter().copied().fold(f64::NEG_INFINITY, f64::max) - v.iter().copied().fold(f64::INFINITY, f64::min)
    };
    let (width, height) = (span(&scene.force_xs), span(&scene.force_ys));
    assert!((0.7..=2.5).contains(&(width / height)), "twenty unlinked nodes span {width:.0} by {height:.0}");
    let n = scene.force_xs.len();
    for a in 0..n {
        for b in a + 1..n {
            let gap = (scene.force_xs[a] - scene.force_xs[b]).hypot(scene.force_ys[a] - scene.force_ys[b]);
            assert!(gap > 30.0, "nodes {a} and {b} settled {gap:.0} apart");
        }
    }
}

#[test]
fn a_node_added_alone_to_a_large_map_starts_in_a_clearing() {
    use atlas_core::scene::settled_near;
    // The built-in reading and one node more, linked to none: it starts where its label has
    // room, not in the map's busy middle (the review found it 94 units from a node there, and
    // without a label).
    let before = scene();
    let mut value: serde_json::Value = serde_json::from_str(&common::built_in_text()).unwrap();
    let node = serde_json::json!({
        "id": "added-alone", "kind": "concept", "label": {"zh": "新节点", "en": "A node added alone"},
        "summary": {"zh": "摘要", "en": "summary"}, "sources": common::sources()
    });
    value["nodes"].as_array_mut().unwrap().push(node);
    let model = load_data_set(&value.to_string()).unwrap();
    let i = model.node_idx("added-alone").unwrap();
    let layout = settled_near(&model, &before);
    let nearest = (0..layout.xs.len())
        .filter(|&j| j != i)
        .map(|j| (layout.xs[i] - layout.xs[j]).hypot(layout.ys[i] - layout.ys[j]))
        .fold(f64::INFINITY, f64::min);
    assert!(nearest > 110.0, "the node added alone settled {nearest:.0} from another");
}

#[test]
fn the_first_link_in_a_block_of_unlinked_nodes_leaves_its_ends_in_the_block() {
    use atlas_core::scene::settled_near;
    // Twenty nodes made before any link (trial 13), then the first link, between two of them:
    // both were thrown to the map's edge, and the author clicked where they had been.
    let (fixture, scene) = twenty_nodes_made_one_by_one();
    let linked = fixture.link("n3", "n12", "drives").model();
    let after = settled_near(&linked, &scene);
    let (a, b) = (linked.node_idx("n3").unwrap(), linked.node_idx("n12").unwrap());
    let mid = |xs: &[f64], ys: &[f64]| ((xs[a] + xs[b]) / 2.0, (ys[a] + ys[b]) / 2.0);
    let (before_mid, after_mid) = (mid(&scene.force_xs, &scene.force_ys), mid(&after.xs, &after.ys));
    let shift = (after_mid.0 - before_mid.0).hypot(after_mid.1 - before_mid.1);
    // 361 when they were thrown out; 65 now that the block holds still and the two alone move
    // to meet (they were 25 on average with the block giving way).
    assert!(shift < 80.0, "the linked pair's middle moved {shift:.0} (from {before_mid:?} to {after_mid:?})");
    let others: Vec<usize> = (0..20).filter(|&i| i != a && i != b).collect();
    let moved = others
        .iter()
        .map(|&i| (after.xs[i] - scene.force_xs[i]).hypot(after.ys[i] - scene.force_ys[i]))
        .fold(0.0, f64::max);
    assert!(moved == 0.0, "another node moved {moved:.1}");
}

#[test]
fn a_label_as_typed_changes_that_label_alone() {
    let model = scene().model;
    let id = model.nodes[3].id.clone();
    let typed = model.with_label(&id, atlas_core::Lang::En, "Typed so far").expect("the node is there");
    assert_eq!(typed.nodes[3].label.en, "Typed so far");
    assert_eq!(typed.nodes[3].label.zh, model.nodes[3].label.zh, "the other language is left as it is");
    let others = |m: &atlas_core::Model| {
        m.nodes.iter().enumerate().filter(|(i, _)| *i != 3).map(|(_, n)| n.label.clone()).collect::<Vec<_>>()
    };
    assert_eq!(others(&typed), others(&model));
    assert_eq!(typed.nodes[3].id, id, "the id stays: the map and what is selected keep it");
    assert!(model.with_label("no-such-node", atlas_core::Lang::En, "x").is_none());
}
