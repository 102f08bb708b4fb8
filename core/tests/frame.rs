//! The screen frame: which labels show where. A crowded row of nodes, so some labels have no
//! room and the rules about who gets one are visible.

mod common;

use atlas_core::drawing::Emphasis;
use atlas_core::frame::{frame, Frame, FrameInput, MIN_LABEL_PX, VIEW_MARGIN_PX};
use atlas_core::placement::NODE_ANCHORS;
use atlas_core::scene::Scene;
use atlas_core::transform::ViewTransform;
use atlas_core::Lang;
use common::Fixture;

/// Eight threats 30 px apart on one row; with long labels they cannot all have one.
fn row(long_labels: bool) -> (Scene, Vec<f64>, Vec<f64>) {
    let mut fixture = Fixture::new();
    for k in 0..8 {
        let id = format!("threat-{k}");
        let label = if long_labels { format!("A rather long threat label number {k}") } else { format!("T{k}") };
        fixture = fixture.node_labelled(&id, "threat", &id, &label);
    }
    let xs = (0..8).map(|k| 40.0 + 30.0 * f64::from(k)).collect();
    let ys = vec![100.0; 8];
    (fixture.scene(), xs, ys)
}

fn frame_of(scene: &Scene, xs: &[f64], ys: &[f64], emphasis: &[Emphasis], hovered: Option<usize>) -> Frame {
    frame_named(scene, xs, ys, emphasis, hovered, false)
}

/// The frame with dimmed nodes named too (the editor's graph).
fn frame_for_author(scene: &Scene, xs: &[f64], ys: &[f64], emphasis: &[Emphasis]) -> Frame {
    let visible = vec![true; xs.len()];
    frame(&FrameInput { dimmed_named: true, ..input(scene, xs, ys, &visible, emphasis, None, false) })
}

fn frame_named(
    scene: &Scene,
    xs: &[f64],
    ys: &[f64],
    emphasis: &[Emphasis],
    hovered: Option<usize>,
    group_names: bool,
) -> Frame {
    let visible = vec![true; xs.len()];
    frame(&input(scene, xs, ys, &visible, emphasis, hovered, group_names))
}

fn input<'a>(
    scene: &'a Scene,
    xs: &'a [f64],
    ys: &'a [f64],
    visible: &'a [bool],
    emphasis: &'a [Emphasis],
    hovered: Option<usize>,
    group_names: bool,
) -> FrameInput<'a> {
    FrameInput {
        scene,
        xs,
        ys,
        camera: ViewTransform::default(),
        width: 320.0,
        height: 200.0,
        visible,
        emphasis,
        hovered,
        matches: &[],
        boosts: &[],
        lang: Lang::En,
        label_px: 13.0,
        shape_scale: 1.0,
        anchors: NODE_ANCHORS,
        group_names,
        blocked: &[],
        names_last_before: None,
        dimmed_named: false,
    }
}

#[test]
fn hovering_a_node_shows_its_label_without_moving_any_other() {
    let (scene, xs, ys) = row(true);
    let plain = vec![Emphasis::Plain; xs.len()];
    let before = frame_of(&scene, &xs, &ys, &plain, None);
    let unlabelled: Vec<usize> = (0..xs.len()).filter(|&i| before.labels[i].is_none()).collect();
    assert!(!unlabelled.is_empty(), "the fixture must crowd some labels out");
    for hovered in [unlabelled[0], 0] {
        let after = frame_of(&scene, &xs, &ys, &plain, Some(hovered));
        assert!(after.labels[hovered].is_some(), "hovered node {hovered} has no label");
        for i in (0..xs.len()).filter(|&i| i != hovered) {
            assert_eq!(after.labels[i], before.labels[i], "hovering {hovered} moved the label of {i}");
        }
    }
}

#[test]
fn who_gets_a_label_follows_the_emphasis() {
    // Short labels: every node has room, so only the emphasis decides.
    let (scene, xs, ys) = row(false);
    let n = xs.len();
    let check = |what: &str, emphasis: Vec<Emphasis>, must: &[usize], never: &[usize]| {
        let f = frame_of(&scene, &xs, &ys, &emphasis, None);
        for &i in must {
            assert!(f.labels[i].is_some(), "{what}: node {i} has no label");
        }
        for &i in never {
            assert!(f.labels[i].is_none(), "{what}: node {i} has a label");
        }
    };
    check("nothing in focus", vec![Emphasis::Plain; n], &[0, 1, 2, 3, 4, 5, 6, 7], &[]);
    let mut chosen_last = vec![Emphasis::Dim; n];
    chosen_last[n - 1] = Emphasis::Chosen;
    check("the chosen node among dimmed ones", chosen_last, &[n - 1], &[0, 1, 2, 3, 4, 5, 6]);
    let mut lit = vec![Emphasis::Dim; n];
    lit[3] = Emphasis::Chosen;
    lit[0] = Emphasis::Lit;
    lit[6] = Emphasis::Inferred;
    check("a lit neighbour and an inferred one", lit.clone(), &[3, 0, 6], &[1, 2, 4, 5, 7]);
    // For an author, the dimmed nodes are named too where there is room; with short labels,
    // everywhere, and the lit ones keep the spots they had.
    let named = frame_for_author(&scene, &xs, &ys, &lit);
    assert!(named.labels.iter().all(Option::is_some), "a dimmed node has no label for the author: {:?}", named.labels);
    let reader = frame_of(&scene, &xs, &ys, &lit, None);
    for i in [3, 0, 6] {
        assert_eq!(named.labels[i], reader.labels[i], "naming the dimmed nodes moved the label of {i}");
    }
}

#[test]
fn dimmed_nodes_named_for_an_author_take_only_the_room_left() {
    // Long labels: not all find room; every lit one that has room for the reader keeps it.
    let (scene, xs, ys) = row(true);
    let n = xs.len();
    let mut lit = vec![Emphasis::Dim; n];
    lit[4] = Emphasis::Chosen;
    lit[2] = Emphasis::Lit;
    let reader = frame_of(&scene, &xs, &ys, &lit, None);
    let named = frame_for_author(&scene, &xs, &ys, &lit);
    for i in [4, 2] {
        assert_eq!(named.labels[i].is_some(), reader.labels[i].is_some(), "node {i}");
    }
    let dimmed_named = (0..n).filter(|&i| lit[i] == Emphasis::Dim && named.labels[i].is_some()).count();
    assert!(dimmed_named > 0, "no dimmed node named where room was left");
    assert!(named.labels.iter().any(Option::is_none), "the fixture must crowd some labels out");
}

#[test]
fn labels_keep_inside_the_view_and_off_each_other() {
    let (scene, xs, ys) = row(true);
    let f = frame_of(&scene, &xs, &ys, &vec![Emphasis::Plain; xs.len()], None);
    let placed: Vec<_> = f.labels.iter().flatten().collect();
    assert!(placed.len() >= 2, "too few labels to check: {}", placed.len());
    assert!(f.label_px >= MIN_LABEL_PX);
    for (k, a) in placed.iter().enumerate() {
        let r = a.rect;
        assert!(
            r.x >= VIEW_MARGIN_PX - 1e-9
                && r.y >= VIEW_MARGIN_PX - 1e-9
                && r.right() <= 320.0 - VIEW_MARGIN_PX + 1e-9
                && r.y + r.height <= 200.0 - VIEW_MARGIN_PX + 1e-9,
            "label {k} at {r:?} reaches into the view's margin"
        );
        for b in &placed[k + 1..] {
            let s = b.rect;
            let overlap = r.x < s.right() && s.x < r.right() && r.y < s.y + s.height && s.y < r.y + r.height;
            assert!(!overlap, "labels overlap: {r:?} and {s:?}");
        }
    }
}

/// Nodes in two named groups (and two in none), at positions a seeded generator scatters over
/// the 320×200 view: some layouts leave every label room, some do not.
fn grouped_scatter(seed: u64) -> (Scene, Vec<f64>, Vec<f64>) {
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
    let mut next = move |span: f64| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64 * span
    };
    let mut fixture = Fixture::new().group("water-and-land").group("people-in-town");
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    for k in 0..6 {
        let id = format!("n{k}");
        fixture = fixture.node_labelled(&id, "threat", &id, &format!("Node {k}"));
        if k < 4 {
            fixture = fixture.with("group", serde_json::json!(if k < 2 { "water-and-land" } else { "people-in-town" }));
        }
        xs.push(30.0 + next(260.0));
        ys.push(30.0 + next(140.0));
    }
    (fixture.scene(), xs, ys)
}

#[test]
fn a_group_name_never_takes_the_room_of_a_node_label_where_the_map_reads_by_labels() {
    // Where at least four in five node labels find room, the names come after them: every label
    // stays where it would be with no names drawn at all.
    let (mut all_fit, mut most_fit) = (0, 0);
    for seed in 0..700 {
        let (scene, xs, ys) = grouped_scatter(seed);
        let plain = vec![Emphasis::Plain; xs.len()];
        let unnamed = frame_named(&scene, &xs, &ys, &plain, None, false);
        let labelled = unnamed.labels.iter().filter(|l| l.is_some()).count();
        if labelled * 5 < xs.len() * 4 {
            continue;
        }
        if labelled == xs.len() {
            all_fit += 1;
        } else {
            most_fit += 1;
        }
        let named = frame_named(&scene, &xs, &ys, &plain, None, true);
        assert_eq!(named.labels, unnamed.labels, "seed {seed}: a group's name moved or took a node's label");
    }
    assert!(all_fit > 100 && most_fit > 5, "too few layouts of each kind: {all_fit} and {most_fit}");
}

#[test]
fn where_labels_crowd_a_group_name_still_gives_the_structure() {
    // The crowded row, all in one group: not every node can have its label, so the group's
    // name goes before the ordinary labels.
    let mut fixture = Fixture::new().group("crowd");
    for k in 0..8 {
        let id = format!("threat-{k}");
        fixture = fixture.node_labelled(&id, "threat", &id, &format!("A rather long threat label number {k}"));
        fixture = fixture.with("group", serde_json::json!("crowd"));
    }
    let scene = fixture.scene();
    let xs: Vec<f64> = (0..8).map(|k| 40.0 + 30.0 * f64::from(k)).collect();
    let ys = vec![100.0; 8];
    let plain = vec![Emphasis::Plain; 8];
    let named = frame_named(&scene, &xs, &ys, &plain, None, true);
    assert!(named.labels.iter().any(Option::is_none), "the row must crowd some labels out");
    assert!(named.group_names[0].is_some(), "the crowded group has no name");
}

#[test]
fn nodes_outside_a_zoomed_in_view_do_not_put_the_group_names_first() {
    // The scattered groups, and twenty more nodes far right of the view (zoomed in, they are
    // off screen): where the six in the view find room, the names still come after them.
    let mut compared = 0;
    for seed in 0..100 {
        let (scene, mut xs, mut ys) = grouped_scatter(seed);
        let plain = vec![Emphasis::Plain; xs.len()];
        let unnamed = frame_named(&scene, &xs, &ys, &plain, None, false);
        if unnamed.labels.iter().any(Option::is_none) {
            continue;
        }
        let mut fixture = Fixture::new().group("water-and-land").group("people-in-town");
        for k in 0..6 {
            let id = format!("n{k}");
            fixture = fixture.node_labelled(&id, "threat", &id, &format!("Node {k}"));
            if k < 4 {
                fixture =
                    fixture.with("group", serde_json::json!(if k < 2 { "water-and-land" } else { "people-in-town" }));
            }
        }
        for k in 0..20 {
            let id = format!("far{k}");
            fixture = fixture.node_labelled(&id, "threat", &id, &format!("Far node {k}"));
            xs.push(2000.0 + 40.0 * f64::from(k));
            ys.push(100.0);
        }
        let wider = fixture.scene();
        let plain = vec![Emphasis::Plain; xs.len()];
        let named = frame_named(&wider, &xs, &ys, &plain, None, true);
        assert_eq!(&named.labels[..6], &unnamed.labels[..], "seed {seed}: a group's name took a label in the view");
        compared += 1;
    }
    assert!(compared > 30, "too few layouts compared: {compared}");
}
