//! The SVG export: well-formed XML that contains every visible node and no hidden one, with
//! data-set text escaped.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atlas_core::export::graph_svg;
use atlas_core::scene::Scene;
use atlas_core::{load_data_set, Lang};

fn built_in_scene() -> Scene {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../www/data/lang-ping-2023.json")).unwrap();
    Scene::new(load_data_set(&text).unwrap())
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
        let svg = graph_svg(&scene, &scene.force_xs, &scene.force_ys, &visible, lang);
        let ids = node_ids(&svg);
        let want: Vec<String> = scene.model.nodes.iter().map(|n| n.id.clone()).collect();
        assert_eq!(ids, want);
        assert!(svg.contains(&format!("<title>{}</title>", scene.model.meta.title.get(lang))));
    }
}

#[test]
fn hidden_nodes_and_their_links_are_left_out() {
    let scene = built_in_scene();
    let visible: Vec<bool> = scene.model.nodes.iter().map(|n| n.kind != atlas_core::NodeKind::Threat).collect();
    let svg = graph_svg(&scene, &scene.column_xs, &scene.column_ys, &visible, Lang::En);
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
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../www/data/lang-ping-2023.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["nodes"][0]["label"]["en"] = serde_json::json!("<script>alert(1)</script> & \"x\"");
    let scene = Scene::new(load_data_set(&value.to_string()).unwrap());
    let visible = vec![true; scene.model.nodes.len()];
    let svg = graph_svg(&scene, &scene.force_xs, &scene.force_ys, &visible, Lang::En);
    assert!(!svg.contains("<script>"));
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let all_text: String = doc.descendants().filter(|n| n.is_text()).map(|n| n.text().unwrap_or("")).collect();
    assert!(all_text.contains("<script>alert(1)</script>"), "the label survives as text");
}
