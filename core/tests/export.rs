//! The SVG export: well-formed XML that contains every visible node and no hidden one, with
//! data-set text escaped.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use atlas_core::export::graph_svg;
use atlas_core::scene::Scene;
use atlas_core::{load_data_set, Lang};
use common::Fixture;

fn built_in_scene() -> Scene {
    Scene::new(load_data_set(&common::built_in_text()).unwrap())
}

/// The `(x1, y1, x2, y2)` of every link line outside the legend.
fn link_lines(svg: &str) -> Vec<(f64, f64, f64, f64)> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let links = doc.descendants().find(|n| n.attribute("class") == Some("links")).unwrap();
    let num = |n: roxmltree::Node, a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
    links
        .descendants()
        .filter(|n| n.has_tag_name("line"))
        .map(|n| (num(n, "x1"), num(n, "y1"), num(n, "x2"), num(n, "y2")))
        .collect()
}

/// Each exported node's centre and radius (both fixtures' nodes are circles, whose path starts
/// at `M-r,0`), by id.
fn circles(svg: &str) -> Vec<(String, f64, f64, f64)> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("node"))
        .map(|g| {
            let path = g.children().find(|c| c.has_tag_name("path")).unwrap();
            let t = path.attribute("transform").unwrap().trim_start_matches("translate(").trim_end_matches(')');
            let (x, y) = t.split_once(',').unwrap();
            let d = path.attribute("d").unwrap();
            let r: f64 = d[2..d.find(',').unwrap()].parse().unwrap();
            (g.attribute("data-id").unwrap().to_string(), x.parse().unwrap(), y.parse().unwrap(), r)
        })
        .collect()
}

#[test]
fn links_run_from_rim_to_rim_so_the_arrowhead_shows() {
    let scene = Fixture::new().node("a", "response").node("b", "response").link("a", "b", "addresses").scene();
    // Along x, along y, and diagonally: the line starts on a's rim and ends 3 px outside b's.
    for (bx, by) in [(200.0, 0.0), (0.0, -150.0), (90.0, 120.0)] {
        let svg = graph_svg(&scene, &[0.0, bx], &[0.0, by], &[true, true], Lang::En).text;
        let lines = link_lines(&svg);
        assert_eq!(lines.len(), 1, "{svg}");
        let nodes = circles(&svg);
        let (_, ax, ay, ra) = nodes[0].clone();
        let (_, bx, by, rb) = nodes[1].clone();
        let (x1, y1, x2, y2) = lines[0];
        let from_a = ((x1 - ax).powi(2) + (y1 - ay).powi(2)).sqrt();
        let from_b = ((x2 - bx).powi(2) + (y2 - by).powi(2)).sqrt();
        assert!((from_a - ra).abs() < 0.2, "starts {from_a} from a's centre, a's radius is {ra}");
        assert!((from_b - (rb + 3.0)).abs() < 0.2, "ends {from_b} from b's centre, b's radius is {rb}");
    }
}

#[test]
fn the_export_says_its_size_and_marks_readings_fainter_with_a_legend_entry() {
    let scene = Fixture::new()
        .node("a", "response")
        .node("b", "threat")
        .node("c", "concept")
        .link("a", "b", "addresses")
        .link("c", "b", "drives")
        .link_with("basis", serde_json::json!("reading"))
        .scene();
    let svg = graph_svg(&scene, &[0.0, 300.0, 600.0], &[0.0, 100.0, 0.0], &[true; 3], Lang::En);
    let doc = roxmltree::Document::parse(&svg.text).unwrap();
    let root = doc.root_element();
    assert_eq!(root.attribute("width").unwrap().parse::<f64>().unwrap(), svg.width.round());
    assert_eq!(root.attribute("height").unwrap().parse::<f64>().unwrap(), svg.height.round());
    let links = doc.descendants().find(|n| n.attribute("class") == Some("links")).unwrap();
    let opacities: Vec<&str> = links.children().filter_map(|l| l.attribute("stroke-opacity")).collect();
    assert_eq!(opacities, ["1", "0.45"]);
    assert!(svg.text.contains("the map-maker&apos;s reading, not stated in the text"));
    // Every node names itself (a tooltip), even where its label has no room.
    let titles = doc.descendants().filter(|n| n.has_tag_name("title")).count();
    assert_eq!(titles, 1 + 3);
}

fn node_ids(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed: {e}"));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("node"))
        .filter_map(|n| n.attribute("data-id").map(str::to_string))
        .collect()
}

#[test]
fn every_visible_node_is_exported() {
    let scene = built_in_scene();
    let visible = vec![true; scene.model.nodes.len()];
    for lang in [Lang::Zh, Lang::En] {
        let svg = graph_svg(&scene, &scene.force_xs, &scene.force_ys, &visible, lang).text;
        let ids = node_ids(&svg);
        let want: Vec<String> = scene.model.nodes.iter().map(|n| n.id.clone()).collect();
        assert_eq!(ids, want);
        assert!(svg
            .contains(&format!("<title>{}</title>", atlas_core::export::escape_xml(scene.model.meta.title.get(lang)))));
    }
}

#[test]
fn hidden_nodes_and_their_links_are_left_out() {
    let scene = built_in_scene();
    let visible: Vec<bool> = scene.model.nodes.iter().map(|n| n.kind != atlas_core::NodeKind::Threat).collect();
    let svg = graph_svg(&scene, &scene.force_xs, &scene.force_ys, &visible, Lang::En).text;
    let ids = node_ids(&svg);
    assert_eq!(ids.len(), visible.iter().filter(|v| **v).count());
    let threat = scene.model.nodes.iter().find(|n| n.kind == atlas_core::NodeKind::Threat).unwrap();
    assert!(!ids.contains(&threat.id));
    let shown_links = scene.link_ends.iter().filter(|(s, t)| visible[*s] && visible[*t] && s != t).count();
    assert_eq!(svg.matches("<line x1=").count(), shown_links + legend_lines(&svg));
}

fn legend_lines(svg: &str) -> usize {
    svg.split("class=\"legend\"").nth(1).map(|legend| legend.matches("<line").count()).unwrap_or(0)
}

#[test]
fn hostile_labels_stay_text() {
    let text = common::built_in_text();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["nodes"][0]["label"]["en"] = serde_json::json!("<script>alert(1)</script> & \"x\"");
    let scene = Scene::new(load_data_set(&value.to_string()).unwrap());
    let visible = vec![true; scene.model.nodes.len()];
    let svg = graph_svg(&scene, &scene.force_xs, &scene.force_ys, &visible, Lang::En).text;
    assert!(!svg.contains("<script>"));
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let all_text: String = doc.descendants().filter(|n| n.is_text()).map(|n| n.text().unwrap_or("")).collect();
    assert!(all_text.contains("<script>alert(1)</script>"), "the label survives as text");
}

#[test]
fn the_printed_timeline_holds_every_event_inside_its_width() {
    use atlas_core::export::timeline::timeline_svg;
    let scene = built_in_scene();
    for (lang, width) in [(Lang::En, 680.0), (Lang::Zh, 680.0), (Lang::En, 500.0)] {
        let svg = timeline_svg(&scene, lang, width);
        let doc = roxmltree::Document::parse(&svg.text).unwrap();
        let events: Vec<roxmltree::Node> =
            doc.descendants().filter(|n| n.attribute("class") == Some("event")).collect();
        assert_eq!(events.len(), scene.model.events.len());
        for event in events {
            // The card (the second rect) lies within the width.
            let card = event.children().filter(|c| c.has_tag_name("rect")).nth(1).unwrap();
            let x: f64 = card.attribute("x").unwrap().parse().unwrap();
            let w: f64 = card.attribute("width").unwrap().parse().unwrap();
            assert!(x >= 0.0 && x + w <= width + 0.1, "{lang:?} {width}: card at {x}, {w} wide");
            // Every word of the title is there (no title cut short).
            let id = event.attribute("data-id").unwrap();
            let title = scene.model.event(id).unwrap().title.get(lang);
            let title_text = event.descendants().find(|n| n.attribute("class") == Some("title")).unwrap();
            let shown: String =
                title_text.descendants().filter(|n| n.has_tag_name("tspan")).map(|t| t.text().unwrap_or("")).collect();
            assert_eq!(shown.replace(' ', ""), title.replace(' ', ""), "{id}");
        }
    }
}

#[test]
fn a_print_export_fits_its_box_and_turns_when_that_draws_it_larger() {
    use atlas_core::export::{graph_svg_with, GraphExport};
    let scene = built_in_scene();
    let visible = vec![true; scene.model.nodes.len()];
    let options = GraphExport { width: 680.0, max_height: 960.0, label_px: 10.0, title: false, legend: false };
    let svg = graph_svg_with(&scene, &scene.force_xs, &scene.force_ys, &visible, Lang::En, &options);
    assert_eq!(svg.width, 680.0);
    assert!(svg.height <= 960.0 + 1e-6, "{}", svg.height);
    // The wide layout is turned: the drawing is taller than wide.
    assert!(svg.height > svg.width, "{} × {}", svg.width, svg.height);
    let doc = roxmltree::Document::parse(&svg.text).unwrap();
    let sizes: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("label"))
        .filter_map(|n| n.attribute("font-size"))
        .collect();
    assert!(sizes.len() > 20, "{} labels", sizes.len());
    assert!(sizes.iter().all(|s| *s == "10"));
}

#[test]
fn the_legend_alone_lists_every_kind_and_relation_the_data_set_has() {
    let scene = common::Fixture::new()
        .node("t", "threat")
        .node("r", "response")
        .link("r", "t", "addresses")
        .link_with("basis", serde_json::json!("reading"))
        .scene();
    let svg = atlas_core::export::legend_svg(&scene, atlas_core::Lang::En, 600.0);
    for word in ["Threat", "Response", "addresses", "not stated in the text"] {
        assert!(svg.text.contains(word), "the legend lacks {word:?}: {}", svg.text);
    }
    for absent in ["Actor", "criticises"] {
        assert!(!svg.text.contains(absent), "the legend lists {absent:?}, which the data set lacks");
    }
    assert!(svg.text.starts_with("<svg") && svg.text.ends_with("</svg>"));
    assert!(svg.height > 0.0 && svg.width == 600.0);
}

/// The exported drawing is the layout scaled as a whole (a quarter turn allowed when a page is
/// taller than the layout is wide and the turn draws it clearly larger), as large as its box
/// allows up to 3×, centred across the width, with six label heights of margin for the labels.
#[test]
fn the_drawing_is_the_layout_scaled_whole_centred_and_turned_only_when_that_pays() {
    use atlas_core::export::{graph_svg_with, GraphExport};
    let inf = f64::INFINITY;
    // (what, layout width, layout height, file width, max height, label px, turned)
    let cases = [
        ("a wide layout in a screen file", 400.0, 100.0, 1600.0, inf, 14.0, false),
        ("a tall layout in a screen file is never turned", 100.0, 400.0, 1600.0, inf, 14.0, false),
        ("a wide layout on a page is turned", 400.0, 100.0, 680.0, 960.0, 10.0, true),
        ("a tall layout on a page", 100.0, 400.0, 680.0, 960.0, 10.0, false),
        ("turned would be 3% larger: not worth it", 412.0, 400.0, 680.0, 960.0, 10.0, false),
        ("a small layout stops at 3×", 40.0, 30.0, 1600.0, inf, 14.0, false),
        ("a small layout on a page", 30.0, 40.0, 680.0, 960.0, 10.0, false),
    ];
    // Responses, whose circles say their radius.
    let scene = Fixture::new().node("a", "response").node("b", "response").node("c", "response").scene();
    let visible = [true; 3];
    for (what, lw, lh, width, max_height, label_px, turned) in cases {
        // A triangle whose bounds are exactly lw × lh.
        let (xs, ys) = ([10.0, 10.0 + lw, 10.0 + 0.3 * lw], [-5.0, -5.0 + 0.2 * lh, -5.0 + lh]);
        let options = GraphExport { width, max_height, label_px, title: false, legend: false };
        let svg = graph_svg_with(&scene, &xs, &ys, &visible, Lang::En, &options);
        let doc = roxmltree::Document::parse(&svg.text).unwrap();
        let view: Vec<f64> =
            doc.root_element().attribute("viewBox").unwrap().split(' ').map(|v| v.parse().unwrap()).collect();
        let (ox, oy, vw, vh) = (view[0], view[1], view[2], view[3]);
        let nodes = circles(&svg.text);
        let at = |id: &str| nodes.iter().find(|n| n.0 == id).map(|n| (n.1, n.2, n.3)).unwrap();
        let p: Vec<(f64, f64, f64)> = ["a", "b", "c"].map(at).to_vec();
        let dist = |(x1, y1): (f64, f64), (x2, y2): (f64, f64)| ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt();

        // Scaled as a whole: every distance by one factor.
        let s = dist((p[0].0, p[0].1), (p[1].0, p[1].1)) / dist((xs[0], ys[0]), (xs[1], ys[1]));
        for (i, j) in [(0, 2), (1, 2)] {
            let sj = dist((p[i].0, p[i].1), (p[j].0, p[j].1)) / dist((xs[i], ys[i]), (xs[j], ys[j]));
            assert!((sj - s).abs() < 0.01, "{what}: distances scaled by {s} and by {sj}");
        }
        // A turn, not a mirror: the triangle keeps its orientation.
        let cross = |a: (f64, f64), b: (f64, f64), c: (f64, f64)| (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0);
        let before = cross((xs[0], ys[0]), (xs[1], ys[1]), (xs[2], ys[2]));
        let after = cross((p[0].0, p[0].1), (p[1].0, p[1].1), (p[2].0, p[2].1));
        assert!(before.signum() == after.signum(), "{what}: the drawing is mirrored");
        // Turned or not.
        let (min_x, max_x) = (p.iter().map(|q| q.0).fold(inf, f64::min), p.iter().map(|q| q.0).fold(-inf, f64::max));
        let (min_y, max_y) = (p.iter().map(|q| q.1).fold(inf, f64::min), p.iter().map(|q| q.1).fold(-inf, f64::max));
        let (dw, dh) = (max_x - min_x, max_y - min_y);
        let was_turned = (dw - lh * s).abs() < 0.2 && (dh - lw * s).abs() < 0.2;
        let upright = (dw - lw * s).abs() < 0.2 && (dh - lh * s).abs() < 0.2;
        assert!(if turned { was_turned } else { upright }, "{what}: drawn {dw} × {dh} at {s}× from {lw} × {lh}");

        // As large as the box allows, up to 3×.
        let margin = 6.0 * label_px;
        let (inner_w, inner_h) = (width - 2.0 * margin, max_height - 2.0 * margin);
        assert!(s <= 3.0 + 1e-6, "{what}: drawn at {s}×");
        assert!(dw <= inner_w + 0.2 && dh <= inner_h + 0.2, "{what}: {dw} × {dh} overflows {inner_w} × {inner_h}");
        let fills = (dw - inner_w).abs() < 0.2 || (dh - inner_h).abs() < 0.2 || (s - 3.0).abs() < 1e-3;
        assert!(fills, "{what}: {dw} × {dh} at {s}× fills neither side of {inner_w} × {inner_h}");

        // The file is the width asked for; the drawing sits centred across it with the margin
        // above and below.
        assert_eq!((svg.width, vw), (width, width), "{what}");
        let (left, right) = (min_x - ox, ox + vw - max_x);
        assert!((left - right).abs() < 0.2 && left >= margin - 0.2, "{what}: {left} px left, {right} px right");
        assert!(
            (min_y - oy - margin).abs() < 0.2 && (oy + vh - max_y - margin).abs() < 0.2,
            "{what}: {min_y} … {max_y} in {oy} + {vh}"
        );
        assert!(svg.height <= max_height + 1e-6, "{what}: {} px tall", svg.height);

        // Nodes grow and shrink with the drawing, within bounds.
        for (i, q) in p.iter().enumerate() {
            let want = scene.radii[i] * s.clamp(0.6, 1.4);
            assert!((q.2 - want).abs() < 0.1, "{what}: node {i} has radius {}, expected {want}", q.2);
        }
    }
}

/// Relations are told apart by their dashes, not only by colour, in the file as on screen.
#[test]
fn each_relation_keeps_its_dashes_in_the_file() {
    let scene = Fixture::new()
        .node("t", "threat")
        .node("r", "response")
        .node("s", "response")
        .link("r", "t", "addresses")
        .link("s", "t", "mitigates")
        .scene();
    let svg = graph_svg(&scene, &[0.0, 200.0, 0.0], &[0.0, 0.0, 200.0], &[true; 3], Lang::En).text;
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let links = doc.descendants().find(|n| n.attribute("class") == Some("links")).unwrap();
    let dashes: Vec<&str> = links
        .descendants()
        .filter(|n| n.has_tag_name("line"))
        .filter_map(|n| n.attribute("stroke-dasharray"))
        .collect();
    // (addresses: a solid line; mitigates: 7 on, 3 off)
    assert_eq!(dashes, ["none", "7.0 3.0"], "{svg}");
}

/// A file with a height bound keeps to it with its title and legend, not only its drawing.
#[test]
fn a_bounded_file_keeps_its_height_with_title_and_legend() {
    use atlas_core::export::{graph_svg_with, GraphExport};
    let scene = built_in_scene();
    let visible = vec![true; scene.model.nodes.len()];
    for max_height in [500.0, 700.0, 960.0] {
        let options = GraphExport { width: 680.0, max_height, label_px: 10.0, title: true, legend: true };
        let svg = graph_svg_with(&scene, &scene.force_xs, &scene.force_ys, &visible, Lang::En, &options);
        assert!(svg.height <= max_height + 1e-6, "{} px tall, bounded to {max_height}", svg.height);
        assert!(svg.height > max_height * 0.9, "{} px tall: the drawing does not fill {max_height}", svg.height);
    }
}

/// The printed timeline's geometry: marks in date order inside the page, cards below the axis
/// that never overlap and hold their text, each card joined to its mark by its leader line, the
/// drawing tall enough for every card, a break drawn between the 2001 event and the 2021 ones,
/// and every tick label on the page.
#[test]
fn the_printed_timeline_draws_marks_cards_and_leaders_where_they_belong() {
    use atlas_core::export::timeline::timeline_svg;
    let scene = built_in_scene();
    let num = |n: roxmltree::Node, a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
    for (lang, width) in [(Lang::En, 680.0), (Lang::Zh, 680.0), (Lang::En, 500.0)] {
        let svg = timeline_svg(&scene, lang, width);
        let doc = roxmltree::Document::parse(&svg.text).unwrap();
        let root = doc.root_element();
        assert_eq!((num(root, "width"), num(root, "height")), (width, svg.height));
        let mut marks: Vec<(String, f64)> = Vec::new();
        let mut cards: Vec<(f64, f64, f64, f64)> = Vec::new();
        for event in doc.descendants().filter(|n| n.attribute("class") == Some("event")) {
            let id = event.attribute("data-id").unwrap().to_string();
            let rects: Vec<roxmltree::Node> = event.children().filter(|c| c.has_tag_name("rect")).collect();
            let (mark, card) = (rects[0], rects[1]);
            let mark_x = num(mark, "x");
            assert!((4.0..=width - 4.0).contains(&mark_x), "{id}: mark at {mark_x}");
            let (x, y, w, h) = (num(card, "x"), num(card, "y"), num(card, "width"), num(card, "height"));
            assert!(y >= 26.0 && y + h <= svg.height + 0.1, "{id}: card from {y} to {}", y + h);
            // The leader: from just right of the mark, down to the card's top, across to its edge.
            let d = event.children().find(|c| c.has_tag_name("path")).unwrap().attribute("d").unwrap();
            let want = format!("M{:.1},23 V{:.1} H{:.1}", mark_x + 1.0, y + 8.0, x);
            assert_eq!(d, want, "{id}: leader");
            for t in event.descendants().filter(|n| n.has_tag_name("tspan")) {
                let (tx, ty) = (num(t, "x"), num(t, "y"));
                assert!(tx > x && tx < x + w && ty > y && ty < y + h, "{id}: text at ({tx}, {ty}) outside its card");
            }
            marks.push((id, mark_x));
            cards.push((x, y, w, h));
        }
        // Marks follow the dates.
        for pair in scene.events_by_date.windows(2) {
            let (a, b) = (&scene.model.events[pair[0]], &scene.model.events[pair[1]]);
            let at = |id: &str| marks.iter().find(|(m, _)| m == id).unwrap().1;
            assert!(at(&a.id) <= at(&b.id), "{lang:?} {width}: {} drawn after {}", a.id, b.id);
        }
        for (i, a) in cards.iter().enumerate() {
            for b in &cards[i + 1..] {
                let apart = a.0 + a.2 <= b.0 + 0.1
                    || b.0 + b.2 <= a.0 + 0.1
                    || a.1 + a.3 <= b.1 + 0.1
                    || b.1 + b.3 <= a.1 + 0.1;
                assert!(apart, "{lang:?} {width}: cards {a:?} and {b:?} overlap");
            }
        }
        // The empty years between 2001 and 2021 are one marked break, between those events.
        let breaks: Vec<f64> = doc
            .descendants()
            .filter_map(|n| n.attribute("transform"))
            .filter_map(|t| t.strip_prefix("translate(")?.strip_suffix(",0)")?.parse().ok())
            .collect();
        let first = marks.iter().map(|m| m.1).fold(f64::INFINITY, f64::min);
        let second = marks.iter().map(|m| m.1).filter(|&x| x > first + 1.0).fold(f64::INFINITY, f64::min);
        assert_eq!(breaks.len(), 1, "{lang:?} {width}: breaks at {breaks:?}");
        assert!(
            breaks[0] > first && breaks[0] < second,
            "{lang:?} {width}: break at {} not between {first} and {second}",
            breaks[0]
        );
        // Tick labels stay on the page: near the right edge they end at their tick.
        let ticks: Vec<roxmltree::Node> =
            doc.descendants().filter(|n| n.has_tag_name("text") && n.attribute("y") == Some("11")).collect();
        assert!(ticks.len() >= 3, "{} ticks", ticks.len());
        for t in ticks {
            let x = num(t, "x");
            assert!((0.0..=width).contains(&x), "tick label at {x}");
        }
    }
}
