//! The SVG painter: the graph's elements, made once per data set, and the writes that move and
//! restyle them. Every node is a focusable button with its name; what changes with the
//! highlight, the filter, the language and the camera is written straight to attributes here,
//! never through per-node signals.

use super::runtime::{GraphRuntime, TOOLBAR_ROOM_PX};
use crate::browser::dom::set_attr;
use atlas_core::drawing::{link_segment, shape_path, Emphasis};
use atlas_core::frame::{GROUP_NAME_PX, LINE_HEIGHT_EM};
use atlas_core::label::{wrap_label, WrappedLabel};
use atlas_core::layout::{GROUP_HEADER_PX, STAGE_HEADER_PX, STAGE_NAME_PX};
use atlas_core::number::Fixed;
use atlas_core::placement::{Align, PlacedLabel};
use atlas_core::scene::Scene;
use atlas_core::view_state::GraphLayout;
use atlas_core::{Lang, LinkBasis, Relation};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The CSS code of a relation (`part_of` → `part-of`), for its line style.
pub fn relation_code(relation: Relation) -> String {
    relation.code().replace('_', "-")
}

/// The graph's SVG content: markers, group names, links, nodes with their labels, and the
/// argument layout's headings. Positions and styles are written by [`SvgPainter`].
pub fn drawing(scene: Arc<Scene>, lang: Signal<Lang>) -> impl IntoView {
    let markers = Relation::ALL
        .iter()
        .map(|r| {
            let code = relation_code(*r);
            view! {
                <marker id=format!("arrow-{code}") class=format!("marker rel-{code}") viewBox="0 0 10 10" refX="9" refY="5"
                    markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0,1L10,5L0,9z"/>
                </marker>
            }
        })
        .collect_view();
    let groups = scene
        .model
        .groups
        .iter()
        .map(|g| {
            let label = g.label.clone();
            view! { <text class="group-name" text-anchor="middle" display="none">{move || label.get(lang.get()).to_string()}</text> }
        })
        .collect_view();
    let links = scene
        .model
        .links
        .iter()
        .map(|link| {
            let code = relation_code(link.relation);
            view! { <line class="link" marker-end=format!("url(#arrow-{code})")/> }
        })
        .collect_view();
    let nodes = (0..scene.model.nodes.len()).map(|i| node(scene.clone(), i, lang)).collect_view();
    let stages = scene
        .model
        .stages
        .iter()
        .map(|_| {
            // Its lines are written by the painter: where a name breaks depends on the stage's
            // width on screen.
            view! { <text class="stage-name" display="none"></text> }
        })
        .collect_view();
    view! {
        <defs>{markers}</defs>
        <g class="group-names" aria-hidden="true">{groups}</g>
        <g class="links" aria-hidden="true">{links}</g>
        <g class="nodes">{nodes}</g>
        <g class="stage-names" aria-hidden="true">{stages}</g>
    }
}

/// One node: its shape and its label, lines split where the core broke them.
fn node(scene: Arc<Scene>, i: usize, lang: Signal<Lang>) -> impl IntoView {
    let n = &scene.model.nodes[i];
    let (kind, r) = (n.kind, scene.radii[i]);
    let languages = scene.model.meta.languages;
    let lines = move || {
        let label = scene.label(i, lang.get());
        label
            .lines
            .iter()
            .enumerate()
            .map(|(k, line)| {
                // Keep the space where the label broke, so the visible text reads as the
                // accessible name does.
                let text =
                    if label.space_after.get(k).copied().unwrap_or(false) { format!("{line} ") } else { line.clone() };
                let dy = if k == 0 { "0.95em".to_string() } else { format!("{:.2}em", Fixed(LINE_HEIGHT_EM)) };
                view! { <tspan x="0" dy=dy>{text}</tspan> }
            })
            .collect_view()
    };
    view! {
        <g class=format!("node kind-{}", kind.code()) data-index=i.to_string() role="button" tabindex="-1" aria-pressed="false">
            <path class="shape" d=shape_path(kind, r)/>
            <text class="label" display="none" lang=move || languages.shown(lang.get()).tag()>{lines}</text>
        </g>
    }
}

/// The elements the painter writes to, in index order.
pub struct SvgPainter {
    written: Written,
    root: Option<web_sys::SvgElement>,
    nodes: Vec<web_sys::Element>,
    shapes: Vec<web_sys::Element>,
    labels: Vec<web_sys::Element>,
    links: Vec<web_sys::Element>,
    groups: Vec<web_sys::Element>,
    stages: Vec<web_sys::Element>,
}

fn collect(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()).collect()
}

fn px(value: f64) -> String {
    format!("{:.1}", Fixed(value))
}

impl SvgPainter {
    /// Finds the drawn elements after they are mounted.
    pub fn attach(svg: &web_sys::Element) -> SvgPainter {
        SvgPainter {
            written: Written::default(),
            root: svg.clone().dyn_into::<web_sys::SvgElement>().ok(),
            nodes: collect(svg, "g.node"),
            shapes: collect(svg, "g.node > path.shape"),
            labels: collect(svg, "g.node > text.label"),
            links: collect(svg, "line.link"),
            groups: collect(svg, "text.group-name"),
            stages: collect(svg, "text.stage-name"),
        }
    }

    /// Writes the frame: node and shape positions, link ends, labels and names where placed.
    pub fn paint(&self, rt: &GraphRuntime) {
        let f = &rt.last;
        let w = &self.written;
        if let Some(root) = &self.root {
            let label_px = format!("{}px", px(f.label_px));
            if w.changed((Part::Root, 0, "--label-px"), &label_px) {
                // Through the CSSOM, which a strict style-src allows.
                let _ = root.style().set_property("--label-px", &label_px);
            }
            let layout = if rt.mode == GraphLayout::Argument { "argument" } else { "force" };
            w.set(root, (Part::Root, 0, "data-layout"), layout);
        }
        let scale = rt.scene.radii.iter().zip(&f.radii).map(|(r, s)| s / r.max(1e-9)).next().unwrap_or(1.0);
        for (i, el) in self.nodes.iter().enumerate().take(f.xs.len()) {
            w.set(el, (Part::Node, i, "transform"), &format!("translate({},{})", px(f.xs[i]), px(f.ys[i])));
            if let Some(shape) = self.shapes.get(i) {
                w.set(shape, (Part::Shape, i, "transform"), &format!("scale({:.3})", Fixed(scale)));
            }
            if let Some(label) = self.labels.get(i) {
                write_label(w, label, i, f.labels[i].as_ref(), f.xs[i], f.ys[i]);
            }
        }
        for (k, el) in self.links.iter().enumerate() {
            let Some(&(s, t)) = rt.scene.link_ends.get(k) else { continue };
            let (x1, y1, x2, y2) = link_segment(f.xs[s], f.ys[s], f.xs[t], f.ys[t], f.radii[s], f.radii[t]);
            w.set(el, (Part::Link, k, "x1"), &px(x1));
            w.set(el, (Part::Link, k, "y1"), &px(y1));
            w.set(el, (Part::Link, k, "x2"), &px(x2));
            w.set(el, (Part::Link, k, "y2"), &px(y2));
        }
        for (g, el) in self.groups.iter().enumerate() {
            match f.group_names.get(g).copied().flatten() {
                Some(place) => {
                    w.set(el, (Part::Group, g, "x"), &px(place.rect.x + place.rect.width / 2.0));
                    w.set(el, (Part::Group, g, "y"), &px(place.rect.y + GROUP_NAME_PX));
                    w.set(el, (Part::Group, g, "display"), "inline");
                }
                None => w.set(el, (Part::Group, g, "display"), "none"),
            }
        }
        self.paint_stages(rt);
    }

    /// The argument layout's stage names (kept at the top while scrolling) and group names.
    fn paint_stages(&self, rt: &GraphRuntime) {
        let w = &self.written;
        let argument = rt.mode == GraphLayout::Argument;
        let placement = rt.argument.as_ref().filter(|_| argument);
        for (s, el) in self.stages.iter().enumerate() {
            match placement.and_then(|a| a.stages.get(s)) {
                Some(&(left, width)) => {
                    let (x, _) = rt.camera.screen_from_world(left + 8.0, 0.0);
                    // Kept at the top while the layout scrolls under it.
                    let top = rt.camera.translate_y.max(TOOLBAR_ROOM_PX);
                    w.set(el, (Part::Stage, s, "y"), &px(top + STAGE_NAME_PX * 1.1));
                    let name = rt.scene.model.stages.get(s).map(|st| st.label.get(rt.lang)).unwrap_or_default();
                    let room = ((width - 14.0) * rt.camera.scale).max(60.0);
                    // Bold runs about a seventh wider than the estimate's regular weight.
                    write_stage_name(el, &wrap_label(name, STAGE_NAME_PX * 1.15, room), &px(x));
                    w.set(el, (Part::Stage, s, "display"), "inline");
                }
                None => w.set(el, (Part::Stage, s, "display"), "none"),
            }
        }
        if let Some(a) = placement {
            for &(g, x, y) in &a.groups {
                let Some(el) = self.groups.get(g) else { continue };
                let (sx, sy) = rt.camera.screen_from_world(x + 4.0, y + GROUP_HEADER_PX * 0.7);
                w.set(el, (Part::Group, g, "x"), &px(sx));
                w.set(el, (Part::Group, g, "y"), &px(sy));
                w.set(el, (Part::Group, g, "text-anchor"), "start");
                let below_header = sy > TOOLBAR_ROOM_PX.max(rt.camera.translate_y) + STAGE_HEADER_PX;
                w.set(el, (Part::Group, g, "display"), if below_header { "inline" } else { "none" });
            }
        } else {
            for (g, el) in self.groups.iter().enumerate() {
                w.set(el, (Part::Group, g, "text-anchor"), "middle");
            }
        }
    }

    /// Writes what the highlight, filter, pins, search and language decide: classes, which node
    /// is the keyboard's stop, what each button is called and whether it is pressed.
    pub fn restyle(&self, rt: &GraphRuntime) {
        let scene = &rt.scene;
        let lang = rt.lang;
        for (i, el) in self.nodes.iter().enumerate() {
            let node = &scene.model.nodes[i];
            let emphasis = rt.highlight.nodes.get(i).copied().unwrap_or(Emphasis::Plain);
            let mut class = format!("node kind-{}", node.kind.code());
            for (on, name) in [
                (!rt.visible.get(i).copied().unwrap_or(true), "is-hidden"),
                (rt.pinned.contains(&i), "pinned"),
                (rt.matches.get(i).copied().unwrap_or(false), "match"),
            ] {
                if on {
                    class.push(' ');
                    class.push_str(name);
                }
            }
            if let Some(e) = emphasis.class() {
                class.push(' ');
                class.push_str(e);
            }
            set_attr(el, "class", &class);
            set_attr(el, "tabindex", if rt.focus_node == i { "0" } else { "-1" });
            set_attr(el, "aria-pressed", if rt.selected == Some(i) { "true" } else { "false" });
            let mut name = format!("{}, {}", node.label.get(lang), node.kind.label(lang));
            if rt.pinned.contains(&i) {
                name.push_str(", ");
                name.push_str(crate::i18n::PINNED.get(lang));
            }
            if emphasis == Emphasis::Inferred {
                name.push_str(", ");
                name.push_str(crate::i18n::INFERRED_LINK.get(lang));
            }
            set_attr(el, "aria-label", &name);
        }
        for (k, el) in self.links.iter().enumerate() {
            let (Some(link), Some(&(s, t))) = (scene.model.links.get(k), scene.link_ends.get(k)) else { continue };
            let hidden = !rt.visible.get(s).copied().unwrap_or(true) || !rt.visible.get(t).copied().unwrap_or(true);
            let mut class = format!("link rel-{}", relation_code(link.relation));
            if link.basis == LinkBasis::Reading {
                class.push_str(" reading");
            }
            if hidden {
                class.push_str(" is-hidden");
            }
            if let Some(e) = rt.highlight.links.get(k).and_then(|e| e.class()) {
                class.push(' ');
                class.push_str(e);
            }
            set_attr(el, "class", &class);
        }
    }
}

/// Writes a stage's name into its two lines (a third and later line join the second), making
/// the two `<tspan>`s the first time.
fn write_stage_name(el: &web_sys::Element, wrapped: &WrappedLabel, x: &str) {
    const SVG_NS: &str = "http://www.w3.org/2000/svg";
    if el.children().length() < 2 {
        let Some(document) = el.owner_document() else { return };
        el.set_text_content(None);
        for dy in ["0", "1.15em"] {
            if let Ok(tspan) = document.create_element_ns(Some(SVG_NS), "tspan") {
                set_attr(&tspan, "dy", dy);
                let _ = el.append_child(&tspan);
            }
        }
    }
    let children = el.children();
    let first = wrapped.lines.first().cloned().unwrap_or_default();
    let rest = wrapped.lines.iter().skip(1).cloned().collect::<Vec<_>>().join(" ");
    for (k, text) in [first, rest].into_iter().enumerate() {
        if let Some(tspan) = children.item(k as u32) {
            set_attr(&tspan, "x", x);
            if tspan.text_content().as_deref() != Some(text.as_str()) {
                tspan.set_text_content(Some(&text));
            }
        }
    }
}

/// Places a label at its spot, or hides it.
fn write_label(w: &Written, el: &web_sys::Element, i: usize, place: Option<&PlacedLabel>, x: f64, y: f64) {
    let Some(place) = place else {
        w.set(el, (Part::Label, i, "display"), "none");
        return;
    };
    let (anchor, dx) = match place.anchor.align() {
        Align::Start => ("start", place.rect.x - x),
        Align::End => ("end", place.rect.right() - x),
        Align::Middle => ("middle", place.rect.x + place.rect.width / 2.0 - x),
    };
    w.set(el, (Part::Label, i, "transform"), &format!("translate({},{})", px(dx), px(place.rect.y - y)));
    w.set(el, (Part::Label, i, "text-anchor"), anchor);
    w.set(el, (Part::Label, i, "display"), "inline");
}

/// The drawing's parts whose attributes a frame writes.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Part {
    Root,
    Node,
    Shape,
    Label,
    Link,
    Group,
    Stage,
}

/// What the painter last wrote into each attribute a frame writes, so that a frame writes only
/// what changed: during a drag most labels, shapes and names stay as they were, and every write
/// costs a string handed to the browser and a style invalidation (a third of a drag frame's
/// time went to writes of unchanged values).
#[derive(Default)]
struct Written(RefCell<HashMap<(Part, usize, &'static str), String>>);

impl Written {
    /// Whether `value` differs from what was last written at `key`; remembers it.
    fn changed(&self, key: (Part, usize, &'static str), value: &str) -> bool {
        let mut map = self.0.borrow_mut();
        match map.get_mut(&key) {
            Some(old) if old == value => false,
            Some(old) => {
                old.clear();
                old.push_str(value);
                true
            }
            None => {
                map.insert(key, value.to_string());
                true
            }
        }
    }

    /// Writes the attribute `key.2` of `el` when its value changed.
    fn set(&self, el: &web_sys::Element, key: (Part, usize, &'static str), value: &str) {
        if self.changed(key, value) {
            set_attr(el, key.2, value);
        }
    }
}
