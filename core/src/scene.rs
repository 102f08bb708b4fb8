//! A [`Scene`] is everything the views draw, derived once from a validated [`Model`]: node
//! radii by degree, wrapped labels and their measured boxes, neighbour lists, the countering
//! analysis, timeline lanes, and the two layouts (force and columns), already settled.
//!
//! Computing the settled force layout up front means the first paint already shows the final
//! picture (no animation, which also honours `prefers-reduced-motion`); the view only runs the
//! simulation again while the user drags a node. Nothing here knows about the DOM: text is
//! measured with a per-character width model (CJK one em, Latin about half) that the view may
//! replace with rendered measurements for the drawn labels; the settled force layout always
//! uses the model, so it depends on the data set alone and a build can compute it ahead.

use crate::analysis::{ArgumentGraph, CounterPath};
use crate::layout;
use crate::model::{Lang, Model, NodeKind};
use crate::number::Fixed;
use crate::order::sort_indices_by;

/// Font size of graph labels in world units (CSS pixels at zoom 1).
pub const LABEL_FONT_PX: f64 = 12.0;
/// Line height of graph labels.
pub const LABEL_LINE_PX: f64 = 15.0;
/// Widest label line, in world units.
pub const LABEL_MAX_WIDTH_PX: f64 = 118.0;
/// Above this many nodes a graph is large: its layout settles on screen rather than before the
/// first paint, the view paints it on a canvas, and its collision force runs one iteration.
pub const LARGE_GRAPH_NODES: usize = crate::layout::LARGE_GRAPH_COLLIDE_NODES;
/// Ticks run before the first paint of a large graph.
pub const PRESETTLE_TICKS_LARGE: usize = 30;

/// How far the actor filter reaches from an actor.
pub const ACTOR_REACH_HOPS: usize = 2;

/// The seed of the force layout: the same data set always gets the same picture.
pub const LAYOUT_SEED: u32 = 1;

/// A label broken into lines, with its measured size.
#[derive(Clone, Debug, PartialEq)]
pub struct WrappedLabel {
    pub lines: Vec<String>,
    /// Whether the text had a space where each line ends (so the lines, joined with a space
    /// where this says so, read as the label: what a screen reader compares the name with).
    pub space_after: Vec<bool>,
    pub width: f64,
    pub height: f64,
}

/// The estimated advance of one character at `font_px`: full-width for CJK and other wide
/// scripts, narrower for Latin letters, digits and punctuation.
pub fn char_width(c: char, font_px: f64) -> f64 {
    let cp = c as u32;
    let wide = matches!(cp,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF |
        0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 |
        0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide {
        font_px
    } else if c == ' ' {
        0.28 * font_px
    } else if c.is_ascii_uppercase() || c == 'm' || c == 'w' {
        0.68 * font_px
    } else if matches!(c, 'i' | 'l' | 'j' | '.' | ',' | '\'' | '|' | ':' | ';' | '!') {
        0.3 * font_px
    } else {
        0.56 * font_px
    }
}

/// The estimated width of `text` at `font_px`.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(|c| char_width(c, font_px)).sum()
}

/// Measures the advance width of a text at the label font size. The browser measures text as
/// rendered (canvas `measureText`); [`EstimatedMeasure`] is the fallback and the native tests'.
pub trait TextMeasure {
    fn width(&self, text: &str) -> f64;
}

/// A per-character estimate (see [`char_width`]).
pub struct EstimatedMeasure {
    pub font_px: f64,
}

impl TextMeasure for EstimatedMeasure {
    fn width(&self, text: &str) -> f64 {
        text_width(text, self.font_px)
    }
}

/// Breaks `text` into lines of at most `max_width`: Latin text at spaces (a single word
/// longer than a line is split), CJK text between any two characters except before closing
/// punctuation (line-breaking rules keep `，。）」` off the start of a line, so such a mark may
/// hang past the line), and never with one wide character alone on the last line (it hangs on
/// the line before). A line may so pass `max_width` by up to two characters; the measured width
/// includes them.
pub fn wrap_label(text: &str, font_px: f64, max_width: f64) -> WrappedLabel {
    wrap_label_measured(text, &EstimatedMeasure { font_px }, max_width)
}

/// [`wrap_label`] with a given text measure.
///
/// A line's width is the sum of its tokens' widths (a word, a space, one wide character), each
/// measured once: with the browser's measure, measuring every candidate line instead cost
/// thousands of canvas calls at start-up. Sums match whole-string widths up to kerning between
/// tokens, which is nil across a space and between CJK characters.
pub fn wrap_label_measured(text: &str, measure: &dyn TextMeasure, max_width: f64) -> WrappedLabel {
    let mut lines: Vec<String> = Vec::new();
    let mut space_after: Vec<bool> = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    let mut widths: Vec<f64> = Vec::new();
    // Tokens: a run of non-space Latin characters is one token; each wide character is one.
    let mut tokens: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.split_whitespace().collect::<Vec<_>>().join(" ").chars() {
        if c == ' ' {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            tokens.push(" ".into());
        } else if char_width(c, 1.0) >= 1.0 {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            tokens.push(c.to_string());
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    let no_line_start = |t: &str| t.chars().next().is_some_and(|c| "，。、；：！？）」』】》,.;:!?)".contains(c));
    let space_width = measure.width(" ");
    let mut buffer = [0u8; 4];
    for token in tokens {
        if token == " " {
            if !line.is_empty() {
                line.push(' ');
                line_width += space_width;
            }
            continue;
        }
        let token_width = measure.width(&token);
        if line_width + token_width > max_width && !line.trim().is_empty() && !no_line_start(&token) {
            space_after.push(line.ends_with(' '));
            widths.push(line_width - if line.ends_with(' ') { space_width } else { 0.0 });
            lines.push(line.trim_end().to_string());
            line = String::new();
            line_width = 0.0;
        }
        if token_width > max_width && line.is_empty() {
            // A single word wider than a line: split it by characters.
            for c in token.chars() {
                let char_width = measure.width(c.encode_utf8(&mut buffer));
                if line_width + char_width > max_width && !line.is_empty() {
                    space_after.push(false);
                    widths.push(line_width);
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += char_width;
            }
        } else {
            line.push_str(&token);
            line_width += token_width;
        }
    }
    if !line.trim().is_empty() {
        widths.push(line_width - if line.ends_with(' ') { space_width } else { 0.0 });
        lines.push(line.trim_end().to_string());
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    space_after.resize(lines.len(), false);
    // No orphan: a last line of one wide character joins the line before it, which then hangs
    // an em further past the width (after any closing punctuation hanging there). A lone character reads badly and
    // usually breaks a word (风|险); a partly clipped label then showed a fragment of its name.
    let n = lines.len();
    if n >= 2
        && !space_after[n - 2]
        && lines[n - 1].chars().count() == 1
        && lines[n - 1].chars().all(|c| char_width(c, 1.0) >= 1.0)
    {
        let last = lines.pop().unwrap_or_default();
        let last_width = widths.pop().unwrap_or(0.0);
        space_after.pop();
        lines[n - 2].push_str(&last);
        widths[n - 2] += last_width;
    }
    if let Some(last) = space_after.last_mut() {
        *last = false;
    }
    let width = widths.into_iter().fold(0.0, f64::max);
    let height = lines.len() as f64 * LABEL_LINE_PX;
    WrappedLabel { lines, space_after, width, height }
}

/// An SVG path for a node's shape, centred on the origin, with `r` the radius of the circle of
/// the same visual weight. Each kind has its own shape so that colour is never the only channel.
pub fn shape_path(kind: NodeKind, r: f64) -> String {
    match shape_polygon(kind) {
        None => format!(
            "M{:.2},0A{r:.2},{r:.2} 0 1,0 {:.2},0A{r:.2},{r:.2} 0 1,0 {:.2},0Z",
            Fixed(-r),
            Fixed(r),
            Fixed(-r),
            r = Fixed(r)
        ),
        Some(points) => {
            let mut d = String::new();
            for (i, (x, y)) in points.iter().enumerate() {
                d.push_str(&format!("{}{:.2},{:.2}", if i == 0 { 'M' } else { 'L' }, Fixed(x * r), Fixed(y * r)));
            }
            d.push('Z');
            d
        }
    }
}

/// The corners of a node's shape for a unit radius, or `None` for the circle (responses).
/// [`shape_path`] draws the same shapes as SVG paths; the canvas renderer draws these.
pub fn shape_polygon(kind: NodeKind) -> Option<Vec<(f64, f64)>> {
    let regular = |n: usize, start: f64, scale: f64| -> Vec<(f64, f64)> {
        (0..n)
            .map(|k| {
                let a = start + k as f64 * std::f64::consts::TAU / n as f64;
                (scale * a.cos(), scale * a.sin())
            })
            .collect()
    };
    use std::f64::consts::FRAC_PI_2;
    match kind {
        NodeKind::Threat => Some(regular(3, -FRAC_PI_2, 1.35)),
        NodeKind::Response => None,
        NodeKind::Actor => Some(vec![(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)]),
        NodeKind::Document => Some(vec![(-0.75, -1.0), (0.45, -1.0), (0.75, -0.7), (0.75, 1.0), (-0.75, 1.0)]),
        NodeKind::Event => Some(regular(4, -FRAC_PI_2, 1.2)),
        NodeKind::Concept => Some(regular(6, 0.0, 1.05)),
        NodeKind::Claim => Some(regular(3, FRAC_PI_2, 1.35)),
        NodeKind::Person => Some(regular(5, -FRAC_PI_2, 1.1)),
    }
}

/// The box a node and its label take around the node's position: `half_width` either side,
/// `above` it and `below` it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NodeBox {
    pub half_width: f64,
    pub above: f64,
    pub below: f64,
}

/// Moves positions apart until no two boxes overlap (or `max_rounds` passes are done): each
/// overlapping pair is pushed apart, half each, along the axis where they overlap least. A
/// sweep over boxes sorted by their left edge finds the pairs, so a pass costs about
/// O(n log n + overlaps). Deterministic; ties are broken by index.
pub fn separate_boxes(xs: &mut [f64], ys: &mut [f64], boxes: &[NodeBox], max_rounds: usize) -> usize {
    let n = xs.len().min(ys.len()).min(boxes.len());
    let mut order: Vec<usize> = (0..n).collect();
    for round in 0..max_rounds {
        sort_indices_by(&mut order, &mut |a, b| {
            (xs[a] - boxes[a].half_width).total_cmp(&(xs[b] - boxes[b].half_width)).then(a.cmp(&b))
        });
        let mut moved = false;
        for oi in 0..n {
            let i = order[oi];
            for &j in &order[oi + 1..] {
                if xs[j] - boxes[j].half_width >= xs[i] + boxes[i].half_width {
                    break;
                }
                let overlap_x = (xs[i] + boxes[i].half_width).min(xs[j] + boxes[j].half_width)
                    - (xs[i] - boxes[i].half_width).max(xs[j] - boxes[j].half_width);
                let overlap_y = (ys[i] + boxes[i].below).min(ys[j] + boxes[j].below)
                    - (ys[i] - boxes[i].above).max(ys[j] - boxes[j].above);
                if overlap_x <= 0.0 || overlap_y <= 0.0 {
                    continue;
                }
                moved = true;
                // Push along the axis of least overlap, a little past touching.
                if overlap_x < overlap_y {
                    let push = overlap_x / 2.0 + 0.5;
                    let sign = if xs[i] < xs[j] || (xs[i] == xs[j] && i < j) { -1.0 } else { 1.0 };
                    xs[i] += sign * push;
                    xs[j] -= sign * push;
                } else {
                    let push = overlap_y / 2.0 + 0.5;
                    let sign = if ys[i] < ys[j] || (ys[i] == ys[j] && i < j) { -1.0 } else { 1.0 };
                    ys[i] += sign * push;
                    ys[j] -= sign * push;
                }
            }
        }
        if !moved {
            return round;
        }
    }
    max_rounds
}

/// The column of a node in the columns layout: threats left, responses right, the rest between.
pub fn column_of(kind: NodeKind) -> usize {
    match kind {
        NodeKind::Threat => 0,
        NodeKind::Response => 2,
        _ => 1,
    }
}

/// The force layout as the simulation leaves it, before label boxes are nudged apart: what
/// [`Scene`] settles, and what a build can compute ahead and ship beside the data set
/// ([`crate::precomputed`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ForceLayout {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    /// The simulation's alpha at these positions (below `alpha_min` when settled).
    pub alpha: f64,
}

/// Collision radii of the force layout: the circle around a node and its label below it, in
/// whichever language is wider, so that switching language never makes labels overlap.
///
/// Label sizes here are always the per-character estimate ([`wrap_label`]), never the browser's
/// measure: the settled layout is then a function of the data set alone, the same in every
/// browser and in native code, which is what lets a build compute it ahead. Measured boxes
/// still separate the drawn labels afterwards ([`separate_boxes`]).
fn collision_radii(model: &Model, radii: &[f64]) -> Vec<f64> {
    model
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let zh = wrap_label(&node.label.zh, LABEL_FONT_PX, LABEL_MAX_WIDTH_PX);
            let en = wrap_label(&node.label.en, LABEL_FONT_PX, LABEL_MAX_WIDTH_PX);
            collision_radius(radii[i], &zh, &en)
        })
        .collect()
}

/// The collision radius of a node of radius `r` with these labels: the circle around the node
/// and its label below it, in whichever language is wider.
fn collision_radius(r: f64, zh: &WrappedLabel, en: &WrappedLabel) -> f64 {
    let half_w = zh.width.max(en.width) / 2.0 + 3.0;
    let half_h = (2.0 * r + 4.0 + zh.height.max(en.height)) / 2.0;
    (half_w * half_w + half_h * half_h).sqrt().max(r + 2.0) * 0.82
}

/// `(source, target)` node indices of each link whose ends exist, in `model.links` order.
fn link_ends_of(model: &Model) -> Vec<(usize, usize)> {
    model.links.iter().filter_map(|l| Some((model.node_idx(&l.source)?, model.node_idx(&l.target)?))).collect()
}

/// Runs the force simulation from its seeded start: to rest for a graph of up to
/// [`LARGE_GRAPH_NODES`] nodes, [`PRESETTLE_TICKS_LARGE`] ticks for a larger one (which settles
/// on screen, so that loading it never blocks the page for seconds).
fn settle(node_count: usize, link_ends: &[(usize, usize)], collide: &[f64]) -> ForceLayout {
    let mut simulation = layout::default_graph_simulation(node_count, link_ends, collide, LAYOUT_SEED);
    simulation.run_until_settled(if node_count > LARGE_GRAPH_NODES { PRESETTLE_TICKS_LARGE } else { 600 });
    ForceLayout { xs: simulation.xs().to_vec(), ys: simulation.ys().to_vec(), alpha: simulation.alpha() }
}

/// The force layout [`Scene`] settles for `model`, computed on its own (by a build, ahead).
pub fn settled_force_layout(model: &Model) -> ForceLayout {
    let radii = ArgumentGraph::new(model).radii(NODE_RADIUS_MIN, NODE_RADIUS_PER_LINK);
    settle(model.nodes.len(), &link_ends_of(model), &collision_radii(model, &radii))
}

/// Node radii: `NODE_RADIUS_MIN + NODE_RADIUS_PER_LINK * sqrt(degree)` ([`ArgumentGraph::radii`]).
const NODE_RADIUS_MIN: f64 = 7.0;
const NODE_RADIUS_PER_LINK: f64 = 2.2;

/// Everything the views draw, derived once from a model.
pub struct Scene {
    pub model: Model,
    pub graph: ArgumentGraph,
    /// `(source, target)` node indices of each link, in `model.links` order.
    pub link_ends: Vec<(usize, usize)>,
    pub radii: Vec<f64>,
    /// Collision radii for the live simulation (while a node is dragged): node and label
    /// together, the larger of the estimated and the measured label sizes. The settled layout
    /// uses the estimate alone (see [`settled_force_layout`]); a drag need not be reproducible,
    /// and must not let labels wider than their estimate overlap.
    pub collide: Vec<f64>,
    pub labels_zh: Vec<WrappedLabel>,
    pub labels_en: Vec<WrappedLabel>,
    pub neighbours: Vec<Vec<usize>>,
    pub counter_paths: Vec<CounterPath>,
    pub uncountered: Vec<usize>,
    /// Event indices in date order.
    pub events_by_date: Vec<usize>,
    /// Node indices related to each event (its actor first).
    pub event_nodes: Vec<Vec<usize>>,
    /// Actor node indices, one timeline lane each, in order of first appearance by date.
    pub lanes: Vec<usize>,
    /// For each actor node, which nodes lie within [`ACTOR_REACH_HOPS`] links of it (either
    /// direction): what the legend's actor filter shows.
    pub actor_reach: Vec<(usize, Vec<bool>)>,
    /// The force layout: settled, except for graphs over [`LARGE_GRAPH_NODES`] nodes, which
    /// start at `force_alpha` and settle on screen.
    pub force_xs: Vec<f64>,
    pub force_ys: Vec<f64>,
    /// The simulation's alpha at `force_xs`/`force_ys` (below `alpha_min` when settled).
    pub force_alpha: f64,
    /// The columns layout.
    pub column_xs: Vec<f64>,
    pub column_ys: Vec<f64>,
}

impl Scene {
    /// A scene with estimated text widths (native code and tests).
    pub fn new(model: Model) -> Scene {
        Scene::new_measured(model, &EstimatedMeasure { font_px: LABEL_FONT_PX })
    }

    /// A scene whose labels are wrapped and measured with `measure` (the browser passes a
    /// measure of the text as rendered, at [`LABEL_FONT_PX`]).
    pub fn new_measured(model: Model, measure: &dyn TextMeasure) -> Scene {
        Scene::new_measured_with(model, measure, None)
    }

    /// [`Scene::new_measured`] with the force layout computed ahead, when there is one: it is
    /// used if it has a finite position for every node (else the layout is settled here), and
    /// must be [`settled_force_layout`] of the same model for the picture to be the one this
    /// would settle.
    pub fn new_measured_with(model: Model, measure: &dyn TextMeasure, ahead: Option<ForceLayout>) -> Scene {
        let graph = ArgumentGraph::new(&model);
        let link_ends = link_ends_of(&model);
        let radii = graph.radii(NODE_RADIUS_MIN, NODE_RADIUS_PER_LINK);
        let labels_zh: Vec<WrappedLabel> =
            model.nodes.iter().map(|n| wrap_label_measured(&n.label.zh, measure, LABEL_MAX_WIDTH_PX)).collect();
        let labels_en: Vec<WrappedLabel> =
            model.nodes.iter().map(|n| wrap_label_measured(&n.label.en, measure, LABEL_MAX_WIDTH_PX)).collect();
        let neighbours: Vec<Vec<usize>> = (0..model.nodes.len()).map(|i| graph.neighbours(i)).collect();
        let counter_paths = graph.counter_paths();
        let uncountered = graph.uncountered_threats();
        let events_by_date = model.events_by_date();
        let event_nodes: Vec<Vec<usize>> = model
            .events
            .iter()
            .map(|e| {
                let mut nodes: Vec<usize> =
                    std::iter::once(&e.actor).chain(e.nodes.iter()).filter_map(|id| model.node_idx(id)).collect();
                let mut seen = std::collections::HashSet::new();
                nodes.retain(|n| seen.insert(*n));
                nodes
            })
            .collect();
        let mut lanes: Vec<usize> = Vec::new();
        for &e in &events_by_date {
            if let Some(actor) = model.node_idx(&model.events[e].actor) {
                if !lanes.contains(&actor) {
                    lanes.push(actor);
                }
            }
        }
        let actor_reach: Vec<(usize, Vec<bool>)> = (0..model.nodes.len())
            .filter(|&i| model.nodes[i].kind == NodeKind::Actor)
            .map(|actor| {
                let mut reached = vec![false; model.nodes.len()];
                reached[actor] = true;
                let mut frontier = vec![actor];
                for _ in 0..ACTOR_REACH_HOPS {
                    let mut next = Vec::new();
                    for &at in &frontier {
                        for &nb in &neighbours[at] {
                            if !reached[nb] {
                                reached[nb] = true;
                                next.push(nb);
                            }
                        }
                    }
                    frontier = next;
                }
                (actor, reached)
            })
            .collect();
        let n = model.nodes.len();
        // A layout from outside (the page's layout block) is used only if every position is one
        // the simulation itself could produce.
        let usable = |l: &ForceLayout| {
            l.xs.len() == n
                && l.ys.len() == n
                && l.xs.iter().chain(&l.ys).all(|v| v.is_finite() && v.abs() <= layout::POSITION_LIMIT)
                && (0.0..=1.0).contains(&l.alpha)
        };
        let large = n > LARGE_GRAPH_NODES;
        let estimated_collide = collision_radii(&model, &radii);
        let ForceLayout { xs: mut force_xs, ys: mut force_ys, alpha: force_alpha } = match ahead {
            Some(layout) if usable(&layout) => layout,
            _ => settle(n, &link_ends, &estimated_collide),
        };
        let collide: Vec<f64> = estimated_collide
            .into_iter()
            .enumerate()
            .map(|(i, estimated)| estimated.max(collision_radius(radii[i], &labels_zh[i], &labels_en[i])))
            .collect();
        // The simulation separates circles; labels are boxes. Nudge apart any boxes that still
        // overlap, in whichever language is wider, so no label overlaps at the default zoom.
        let boxes: Vec<NodeBox> = (0..model.nodes.len())
            .map(|i| {
                let w = labels_zh[i].width.max(labels_en[i].width);
                let h = labels_zh[i].height.max(labels_en[i].height);
                NodeBox {
                    half_width: (w / 2.0).max(radii[i]) + 2.0,
                    above: radii[i] + 2.0,
                    below: radii[i] + 4.0 + h + 2.0,
                }
            })
            .collect();
        if !large {
            separate_boxes(&mut force_xs, &mut force_ys, &boxes, 400);
        }
        let columns: Vec<usize> = model.nodes.iter().map(|n| column_of(n.kind)).collect();
        // Every row is as tall as the tallest node with its label, so no two labels overlap.
        let row_height = (0..model.nodes.len())
            .map(|i| 2.0 * radii[i] + 10.0 + labels_zh[i].height.max(labels_en[i].height))
            .fold(0.0, f64::max);
        let options = layout::BipartiteOptions {
            width: 3.0 * 240.0,
            height: 0.0,
            min_node_spacing: row_height,
            barycentre_sweeps: 12,
        };
        let (column_xs, column_ys) = layout::bipartite_layout(&columns, 3, &link_ends, &options);
        Scene {
            model,
            graph,
            link_ends,
            radii,
            collide,
            labels_zh,
            labels_en,
            neighbours,
            counter_paths,
            uncountered,
            events_by_date,
            event_nodes,
            lanes,
            actor_reach,
            force_xs,
            force_ys,
            force_alpha,
            column_xs,
            column_ys,
        }
    }

    pub fn label(&self, node: usize, lang: Lang) -> &WrappedLabel {
        match lang {
            Lang::Zh => &self.labels_zh[node],
            Lang::En => &self.labels_en[node],
        }
    }

    /// The nodes whose label, in either language, or id contains `query` (case-insensitive),
    /// best first: label starts with the query, then contains it.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(u8, usize)> = Vec::new();
        for (i, n) in self.model.nodes.iter().enumerate() {
            let fields = [n.label.zh.to_lowercase(), n.label.en.to_lowercase(), n.id.clone()];
            let rank = if fields.iter().any(|f| f.starts_with(&q)) {
                0
            } else if fields.iter().any(|f| f.contains(&q)) {
                1
            } else if n.summary.zh.to_lowercase().contains(&q) || n.summary.en.to_lowercase().contains(&q) {
                2
            } else {
                continue;
            };
            hits.push((rank, i));
        }
        let mut order: Vec<usize> = (0..hits.len()).collect();
        sort_indices_by(&mut order, &mut |a, b| hits[a].cmp(&hits[b]));
        order.into_iter().map(|k| hits[k].1).collect()
    }

    /// Whether the legend filter hides `node`: `hidden` holds `kind:<kind>` and `group:<id>`
    /// keys (hide those), and `actor:<id>` keys (show only what lies near those actors).
    pub fn is_hidden(&self, node: usize, hidden: &std::collections::BTreeSet<String>) -> bool {
        let n = &self.model.nodes[node];
        if hidden.contains(&format!("kind:{}", n.kind.code()))
            || n.group.as_ref().is_some_and(|g| hidden.contains(&format!("group:{g}")))
        {
            return true;
        }
        let mut restricted = false;
        for key in hidden.iter().filter_map(|k| k.strip_prefix("actor:")) {
            restricted = true;
            if let Some((_, reach)) =
                self.model.node_idx(key).and_then(|a| self.actor_reach.iter().find(|(i, _)| *i == a))
            {
                if reach[node] {
                    return false;
                }
            }
        }
        restricted
    }

    /// Counter paths that end at `threat`.
    pub fn responses_to(&self, threat: usize) -> Vec<&CounterPath> {
        self.counter_paths.iter().filter(|p| p.threat == threat).collect()
    }

    /// Counter paths that start at `response`.
    pub fn threats_of(&self, response: usize) -> Vec<&CounterPath> {
        self.counter_paths.iter().filter(|p| p.response == response).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_wrap(text: &str, max_width: f64, expect: &[&str]) {
        let got = wrap_label(text, 12.0, max_width);
        assert_eq!(got.lines, expect, "{text}");
        // Closing punctuation, or a last character that would stand alone, may hang past the
        // line; the measured width covers it.
        assert!(got.width <= max_width + 24.0 || expect.len() == 1, "{text}: {} > {max_width}", got.width);
        assert_eq!(got.width, got.lines.iter().map(|l| text_width(l, 12.0)).fold(0.0, f64::max));
    }

    fn overlapping_pairs(xs: &[f64], ys: &[f64], boxes: &[NodeBox]) -> usize {
        let mut count = 0;
        for i in 0..xs.len() {
            for j in i + 1..xs.len() {
                let ox = (xs[i] + boxes[i].half_width).min(xs[j] + boxes[j].half_width)
                    - (xs[i] - boxes[i].half_width).max(xs[j] - boxes[j].half_width);
                let oy = (ys[i] + boxes[i].below).min(ys[j] + boxes[j].below)
                    - (ys[i] - boxes[i].above).max(ys[j] - boxes[j].above);
                if ox > 0.0 && oy > 0.0 {
                    count += 1;
                }
            }
        }
        count
    }

    #[test]
    fn separate_boxes_clears_every_overlap_even_from_one_point() {
        let boxes: Vec<NodeBox> =
            (0..40).map(|i| NodeBox { half_width: 20.0 + (i % 7) as f64 * 5.0, above: 8.0, below: 30.0 }).collect();
        let (mut xs, mut ys) = (vec![0.0; 40], vec![0.0; 40]);
        let rounds = separate_boxes(&mut xs, &mut ys, &boxes, 2000);
        assert!(rounds < 2000);
        assert_eq!(overlapping_pairs(&xs, &ys, &boxes), 0);
        assert!(xs.iter().chain(&ys).all(|v| v.is_finite()));
        // Deterministic.
        let (mut xs2, mut ys2) = (vec![0.0; 40], vec![0.0; 40]);
        separate_boxes(&mut xs2, &mut ys2, &boxes, 2000);
        assert_eq!((xs, ys), (xs2, ys2));
    }

    #[test]
    fn separate_boxes_leaves_separate_boxes_alone() {
        let boxes = vec![NodeBox { half_width: 5.0, above: 5.0, below: 5.0 }; 3];
        let (mut xs, mut ys) = (vec![0.0, 20.0, 40.0], vec![0.0, 0.0, 0.0]);
        assert_eq!(separate_boxes(&mut xs, &mut ys, &boxes, 10), 0);
        assert_eq!(xs, vec![0.0, 20.0, 40.0]);
    }

    #[test]
    fn latin_breaks_at_spaces() {
        check_wrap("Critical infrastructure failure", 118.0, &["Critical", "infrastructure", "failure"]);
        check_wrap("Data leakage", 118.0, &["Data leakage"]);
    }

    #[test]
    fn cjk_breaks_between_characters_but_not_before_closing_punctuation() {
        check_wrap("关键基础设施无法有效运转", 60.0, &["关键基础设", "施无法有效", "运转"]);
        check_wrap("网络犯罪，网络恐怖", 48.0, &["网络犯罪，", "网络恐怖"]);
    }

    #[test]
    fn lines_rejoin_into_the_label() {
        for text in [
            "Critical infrastructure failure",
            "关键基础设施无法有效运转",
            "AI + nuclear, bio, neuro, robotics",
            "Supercalifragilisticexpialidocious word",
        ] {
            let got = wrap_label(text, 12.0, 60.0);
            let mut joined = String::new();
            for (line, space) in got.lines.iter().zip(&got.space_after) {
                joined.push_str(line);
                if *space {
                    joined.push(' ');
                }
            }
            assert_eq!(joined, text);
        }
    }

    #[test]
    fn a_lone_wide_character_never_makes_the_last_line() {
        // Ten characters at 12 px do not fit 118 px: the tenth hangs rather than stand alone.
        let got = wrap_label("关键基础设施安全风险", 12.0, 118.0);
        assert_eq!(got.lines, vec!["关键基础设施安全风险"]);
        assert_eq!(got.width, 120.0);
        check_wrap("关键基础设施无法有效运转", 60.0, &["关键基础设", "施无法有效", "运转"]);
        // Latin words and a space before the last character are left as they are.
        check_wrap("Critical infrastructure 险", 100.0, &["Critical", "infrastructure", "险"]);
    }

    #[test]
    fn a_word_wider_than_a_line_is_split() {
        let got = wrap_label("Supercalifragilisticexpialidocious", 12.0, 60.0);
        assert!(got.lines.len() > 1);
        assert!(got.lines.iter().all(|l| text_width(l, 12.0) <= 60.0 + 1e-9));
    }

    #[test]
    fn wrapping_measures_each_token_once_and_sums_the_widths() {
        struct Counting(std::cell::RefCell<Vec<String>>);
        impl TextMeasure for Counting {
            fn width(&self, text: &str) -> f64 {
                self.0.borrow_mut().push(text.to_string());
                text_width(text, LABEL_FONT_PX)
            }
        }
        let measure = Counting(Default::default());
        let text = "数字时代国家安全困境与网络空间命运共同体构建 and the digital security dilemma";
        let wrapped = wrap_label_measured(text, &measure, 90.0);
        let calls = measure.0.borrow();
        // One call per token and one for the space width: never one per candidate line.
        let tokens = text.chars().filter(|c| char_width(*c, 1.0) >= 1.0).count() + text.split(' ').count() - 1;
        assert!(calls.len() <= tokens + 1, "{} calls for {} tokens", calls.len(), tokens);
        let widest = wrapped.lines.iter().map(|l| text_width(l, LABEL_FONT_PX)).fold(0.0, f64::max);
        assert!((wrapped.width - widest).abs() < 1e-9, "{} vs {}", wrapped.width, widest);
        assert!(wrapped.lines.iter().all(|l| text_width(l, LABEL_FONT_PX) <= 90.0 + 1e-9));
    }

    #[test]
    fn hostile_and_empty_labels_wrap_without_panic() {
        assert_eq!(wrap_label("", 12.0, 100.0).lines, vec![String::new()]);
        assert_eq!(wrap_label("   ", 12.0, 100.0).lines, vec![String::new()]);
        let hostile = "<img src=x onerror=alert(1)>";
        let got = wrap_label(hostile, 12.0, 100.0);
        // Every character survives, in order; only spaces at line breaks are dropped.
        assert_eq!(got.lines.concat().replace(' ', ""), hostile.replace(' ', ""));
    }
}
