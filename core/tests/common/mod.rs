//! Small data sets for the core's tests, built in code: a few named nodes and links, so a test
//! states exactly the graph it is about (the built-in reading is 6,000 lines and changes).
//!
//! `Fixture::new().node("us", "actor").node("attack", "threat").link("us", "attack", "names")`
//! then `.model()` or `.scene()`.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use atlas_core::scene::Scene;
use atlas_core::{load_data_set, Model};
use serde_json::{json, Value};

/// A data set under construction.
#[derive(Clone, Default)]
pub struct Fixture {
    groups: Vec<Value>,
    nodes: Vec<Value>,
    links: Vec<Value>,
    events: Vec<Value>,
    tour: Vec<Value>,
    extra: Vec<(String, Value)>,
}

/// The same text in both languages.
pub fn text(s: &str) -> Value {
    json!({"zh": s, "en": s})
}

/// One source quote (the loader does not check quotes against the article).
pub fn sources() -> Value {
    json!([{"para": "P01", "quote": "数字时代", "translation": {"lang": "en", "text": "the digital age", "basis": "ours"}}])
}

impl Fixture {
    pub fn new() -> Fixture {
        Fixture::default()
    }

    pub fn group(mut self, id: &str) -> Fixture {
        self.groups.push(json!({"id": id, "label": text(id)}));
        self
    }

    /// A node whose labels in both languages are its id.
    pub fn node(self, id: &str, kind: &str) -> Fixture {
        self.node_labelled(id, kind, id, id)
    }

    pub fn node_labelled(mut self, id: &str, kind: &str, zh: &str, en: &str) -> Fixture {
        self.nodes.push(json!({
            "id": id, "kind": kind, "label": {"zh": zh, "en": en},
            "summary": text("summary"), "sources": sources()
        }));
        self
    }

    /// Sets a field of the last node added (`group`, `summary`, `aliases`, …).
    pub fn with(mut self, key: &str, value: Value) -> Fixture {
        if let Some(Value::Object(node)) = self.nodes.last_mut() {
            node.insert(key.to_string(), value);
        }
        self
    }

    pub fn link(mut self, source: &str, target: &str, relation: &str) -> Fixture {
        self.links.push(json!({
            "source": source, "target": target, "relation": relation,
            "note": text("note"), "sources": sources()
        }));
        self
    }

    /// Sets a field of the last link added (`basis`, …).
    pub fn link_with(mut self, key: &str, value: Value) -> Fixture {
        if let Some(Value::Object(link)) = self.links.last_mut() {
            link.insert(key.to_string(), value);
        }
        self
    }

    pub fn event(mut self, id: &str, date: &str, actor: &str, nodes: &[&str]) -> Fixture {
        self.events.push(json!({
            "id": id, "date": date, "actor": actor, "title": text(id),
            "summary": text("summary"), "sources": sources(), "nodes": nodes
        }));
        self
    }

    pub fn tour_step(mut self, id: &str, nodes: &[&str], events: &[&str], reveal: bool) -> Fixture {
        self.tour.push(json!({
            "id": id, "title": text(id), "text": text("text"), "nodes": nodes, "events": events, "reveal": reveal
        }));
        self
    }

    /// Sets a top-level field (`stages`, …).
    pub fn top(mut self, key: &str, value: Value) -> Fixture {
        self.extra.push((key.to_string(), value));
        self
    }

    pub fn json(&self) -> Value {
        let first = self.nodes.first().and_then(|n| n["id"].as_str()).unwrap_or("none").to_string();
        let mut value = json!({
            "format": "argument-atlas/1",
            "meta": {"title": text("t"), "author": text("a"), "year": 2023, "citation": text("c")},
            "groups": self.groups,
            "nodes": self.nodes,
            "links": self.links,
            "events": self.events,
            "argument": {"thesis": {"text": text("thesis"), "sources": sources(), "nodes": [first]}, "principles": [], "models": []},
            "tour": self.tour,
        });
        for (key, extra) in &self.extra {
            value[key] = extra.clone();
        }
        value
    }

    pub fn model(&self) -> Model {
        load_data_set(&self.json().to_string()).unwrap_or_else(|problems| {
            panic!("fixture does not load: {:?}", problems.iter().map(|p| p.to_string()).collect::<Vec<_>>())
        })
    }

    pub fn scene(&self) -> Scene {
        Scene::new(self.model())
    }
}

/// The built-in reading, for the tests that are about it.
pub fn built_in_text() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../www/data/lang-ping-2023.json")).unwrap()
}
