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
    assert!(svg.text.contains("this data set&apos;s reading, not stated by the article"));
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
