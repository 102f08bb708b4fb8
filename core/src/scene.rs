//! A [`Scene`] is everything the views draw, derived once from a validated [`Model`]: node
//! radii by degree, wrapped labels, neighbour lists, the countering analysis, the groups' places,
//! how important each label is, the tour's plan, the settled force layout and the argument
//! layout's columns.
//!
//! Computing the settled force layout up front means the first paint already shows the final
//! picture (no animation, which also honours `prefers-reduced-motion`); the view runs the
//! simulation again only while the user drags a node. The settled layout depends on the data set
//! alone (never on fonts or the browser), so a build can compute it ahead
//! ([`crate::precomputed`]). Labels are placed on screen, at a readable size, by
//! [`crate::placement`]; nothing here knows about the DOM.

use crate::analysis::{within_hops, ArgumentGraph, CounterPath};
use crate::label::{
    wrap_label_measured, EstimatedMeasure, TextMeasure, WrappedLabel, LABEL_FONT_PX, LABEL_MAX_WIDTH_PX,
};
use crate::layout::{self, argument_columns, ArgumentColumns, Simulation};
use crate::model::{Lang, Model, NodeKind};
use crate::order::sort_indices_by;
use crate::tour::{self, StepPlan};
use std::collections::BTreeSet;

/// Above this many nodes a graph is large: its layout settles on screen rather than before the
/// first paint, the view paints it on a canvas, and its collision force runs one iteration.
pub const LARGE_GRAPH_NODES: usize = crate::layout::LARGE_GRAPH_COLLIDE_NODES;
/// Ticks run before the first paint of a large graph.
pub const PRESETTLE_TICKS_LARGE: usize = 30;

/// How far the actor filter reaches from an actor.
pub const ACTOR_REACH_HOPS: usize = 2;

/// The seed of the force layout: the same data set always gets the same picture.
pub const LAYOUT_SEED: u32 = 1;

/// Node radii: `NODE_RADIUS_MIN + NODE_RADIUS_PER_LINK * sqrt(degree)` ([`ArgumentGraph::radii`]).
const NODE_RADIUS_MIN: f64 = 7.0;
const NODE_RADIUS_PER_LINK: f64 = 2.2;

/// The force layout as the simulation leaves it: what [`Scene`] settles, and what a build can
/// compute ahead and ship beside the data set ([`crate::precomputed`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ForceLayout {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    /// The simulation's alpha at these positions (below `alpha_min` when settled).
    pub alpha: f64,
}

impl ForceLayout {
    /// Whether this could be the layout of a graph of `nodes` nodes as the simulation leaves it:
    /// one finite position per node within the simulation's range, and an alpha it can have.
    /// A layout from outside (a page's layout block, the map an editor shows) is used only then.
    pub fn fits(&self, nodes: usize) -> bool {
        self.xs.len() == nodes
            && self.ys.len() == nodes
            && self.xs.iter().chain(&self.ys).all(|v| v.is_finite() && v.abs() <= layout::POSITION_LIMIT)
            && (0.0..=1.0).contains(&self.alpha)
    }
}

/// `(source, target)` node indices of each link whose ends exist, in `model.links` order.
fn link_ends_of(model: &Model) -> Vec<(usize, usize)> {
    model.links.iter().filter_map(|l| Some((model.node_idx(&l.source)?, model.node_idx(&l.target)?))).collect()
}

/// Each node's group, as an index into `model.groups`.
fn group_index(model: &Model) -> Vec<Option<usize>> {
    model.nodes.iter().map(|n| n.group.as_deref().and_then(|g| model.groups.iter().position(|x| x.id == g))).collect()
}

/// Each node's place on the ring of groups ([`layout::group_anchors`]), `None` without a group.
fn anchors_of(model: &Model, group_of: &[Option<usize>]) -> Vec<Option<(f64, f64)>> {
    let places = layout::group_anchors(model.groups.len(), model.nodes.len());
    group_of.iter().map(|g| g.and_then(|g| places.get(g).copied())).collect()
}

/// Everything the simulation of `model`'s graph is made of.
struct SimulationInputs {
    link_ends: Vec<(usize, usize)>,
    radii: Vec<f64>,
    anchors: Vec<Option<(f64, f64)>>,
}

impl SimulationInputs {
    fn of(model: &Model, graph: &ArgumentGraph) -> SimulationInputs {
        SimulationInputs {
            link_ends: link_ends_of(model),
            radii: graph.radii(NODE_RADIUS_MIN, NODE_RADIUS_PER_LINK),
            anchors: anchors_of(model, &group_index(model)),
        }
    }

    fn simulation(&self) -> Simulation {
        layout::argument_graph_simulation(self.radii.len(), &self.link_ends, &self.radii, &self.anchors, LAYOUT_SEED)
    }

    /// Runs the simulation from its seeded start: to rest for a graph of up to
    /// [`LARGE_GRAPH_NODES`] nodes, [`PRESETTLE_TICKS_LARGE`] ticks for a larger one (which
    /// settles on screen, so that loading it never blocks the page for seconds).
    fn settle(&self) -> ForceLayout {
        self.rest(self.simulation())
    }

    /// Runs `simulation` (made from these inputs, wherever it starts) as [`Self::settle`] does.
    fn rest(&self, mut simulation: Simulation) -> ForceLayout {
        simulation.run_until_settled(if self.radii.len() > LARGE_GRAPH_NODES { PRESETTLE_TICKS_LARGE } else { 600 });
        ForceLayout { xs: simulation.xs().to_vec(), ys: simulation.ys().to_vec(), alpha: simulation.alpha() }
    }
}

/// The force layout [`Scene`] settles for `model`, computed on its own (by a build, ahead).
pub fn settled_force_layout(model: &Model) -> ForceLayout {
    SimulationInputs::of(model, &ArgumentGraph::new(model)).settle()
}

/// How warm a layout settled near an earlier one starts: enough for a new node, or one linked for
/// the first time, to find its place among the others (held where they were), too little to lay
/// the map out anew.
pub const NEAR_ALPHA: f64 = 0.1;

/// The force layout of `model` settled near `before` (an earlier map of a reading much like
/// it). A node that was there starts where it was; a new one, or one that had no link before
/// and has one now, starts beside the nodes it links to (one that was there and links to none
/// placed stays where it was); a new node that links to none of them starts in a free spot of
/// the map or just by it ([`free_spot`]), where it is seen and in nobody's way. The simulation
/// then settles from there, warmed to [`NEAR_ALPHA`] (or kept at the earlier map's heat, if
/// hotter).
///
/// A node that holds its place ([`holds_place`]: there before, in the same group, linked before)
/// is pinned where it was while the others settle: an edit moves only what it placed (trial 11:
/// "the graph re-lays itself out after every edit", every node then searched for again by eye;
/// trial 15 still looked for both ends of every link anew, the whole map having shifted). A
/// map of more than [`LARGE_GRAPH_NODES`] nodes is handed on still moving and settles on
/// screen, unpinned: there an edit moves all of it a little.
pub fn settled_near(model: &Model, before: &Scene) -> ForceLayout {
    settled_near_drawn(model, before, &before.force_layout())
}

/// [`settled_near`], from where a view draws `before`'s nodes (`drawn`, in its node order): a
/// drag moves the dragged node's neighbours too, and the next edit must not put them back
/// where the layout had them before the drag (trial 21). A `drawn` that is not a map of
/// `before`'s nodes (another length, a position not finite) is not used.
pub fn settled_near_drawn(model: &Model, before: &Scene, drawn: &ForceLayout) -> ForceLayout {
    let drawn = if drawn.fits(before.model.nodes.len()) { drawn } else { &before.force_layout() };
    let was_at = |j: usize| Some((*drawn.xs.get(j)?, *drawn.ys.get(j)?));
    let graph = ArgumentGraph::new(model);
    let inputs = SimulationInputs::of(model, &graph);
    let mut simulation = inputs.simulation();
    let mut linked_before = vec![false; before.model.nodes.len()];
    for &(s, t) in &before.link_ends {
        linked_before[s] = true;
        linked_before[t] = true;
    }
    let neighbours: Vec<Vec<usize>> = (0..model.nodes.len()).map(|i| graph.neighbours(i)).collect();
    let mut at: Vec<Option<(f64, f64)>> = model
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let j = before.model.node_idx(&n.id).filter(|&j| linked_before[j] || neighbours[i].is_empty())?;
            was_at(j)
        })
        .collect();
    // Beside the nodes already placed, a few rounds so that new nodes linked to new nodes
    // follow the ones placed before them.
    for _ in 0..3 {
        for i in 0..at.len() {
            if at[i].is_some() {
                continue;
            }
            let near: Vec<(f64, f64)> = neighbours[i].iter().filter_map(|&j| at[j]).collect();
            if near.is_empty() {
                continue;
            }
            let n = near.len() as f64;
            let (x, y) = near.iter().fold((0.0, 0.0), |(sx, sy), (x, y)| (sx + x, sy + y));
            // Beside them, not on top of any: a step out along the node's own angle.
            let angle = i as f64 * 2.399_963;
            at[i] = Some((x / n + 30.0 * libm::cos(angle), y / n + 30.0 * libm::sin(angle)));
        }
    }
    // Linked now to none of those, a node that was there stays where it was: the first link
    // between two nodes of a block made before any link leaves both in the block (trial 13
    // saw them both thrown to the map's edge), and the simulation draws them together.
    for (i, n) in model.nodes.iter().enumerate() {
        if at[i].is_none() {
            at[i] = before.model.node_idx(&n.id).and_then(was_at);
        }
    }
    let mut placed: Vec<(f64, f64)> = at.iter().flatten().copied().collect();
    if !placed.is_empty() {
        for spot in at.iter_mut().filter(|s| s.is_none()) {
            let free = free_spot(&placed);
            placed.push(free);
            *spot = Some(free);
        }
    }
    let keeps_place = holds_place(model, before);
    for (i, spot) in at.iter().enumerate() {
        if let Some((x, y)) = spot {
            if keeps_place[i] {
                simulation.pin(i, *x, *y);
            } else {
                simulation.set_position(i, *x, *y);
            }
        }
    }
    let alpha = before.force_alpha;
    simulation.set_alpha(if alpha.is_finite() { alpha.clamp(NEAR_ALPHA, 1.0) } else { NEAR_ALPHA });
    inputs.rest(simulation)
}

/// Whether `after` is mostly the map `before` was (at least half the nodes of each are in the
/// other, by id): an edit of a reading, not another reading. Its layout then settles near the
/// earlier one ([`settled_near`]).
pub fn same_map(before: &Model, after: &Model) -> bool {
    let known = after.nodes.iter().filter(|n| before.node_idx(&n.id).is_some()).count();
    known > 0 && known * 2 >= after.nodes.len() && known * 2 >= before.nodes.len()
}

/// Whether `after` is an edit of the map `before` drawn at `drawn` (where a view draws its
/// nodes, in its node order) that kept its places: of the nodes in both (by id), at least half,
/// and at least one, lie exactly where they were drawn. A reading laid out anew (another file
/// opened, the built-in one back) does not, however many ids it shares, so the view that showed
/// `before` is no guide to it.
pub fn keeps_places(before: &Scene, drawn: &ForceLayout, after: &Scene) -> bool {
    let (mut shared, mut kept) = (0usize, 0usize);
    for (i, node) in after.model.nodes.iter().enumerate() {
        let Some(j) = before.model.node_idx(&node.id) else { continue };
        shared += 1;
        let now = (after.force_xs.get(i).copied(), after.force_ys.get(i).copied());
        if now == (drawn.xs.get(j).copied(), drawn.ys.get(j).copied()) {
            kept += 1;
        }
    }
    kept > 0 && kept * 2 >= shared
}

/// Which nodes of `model` keep their places from `before`: each that was there, in the same
/// group (its anchor pulls), and either linked as before (to the same nodes, by id, as many
/// times: the degree sets the radius) or linked already, so that it has its place among its
/// neighbours. An edit moves only the nodes it placed: a new node, a node linked for the first
/// time, one moved to another group. A link drawn to a hub brings the new neighbour over; the
/// hub stays (trial 16 found the hub, linked nine times, somewhere else after every link).
fn holds_place(model: &Model, before: &Scene) -> Vec<bool> {
    fn linked_ids<'a>(model: &'a Model, ends: &[(usize, usize)]) -> Vec<Vec<&'a str>> {
        let mut lists: Vec<Vec<&str>> = vec![Vec::new(); model.nodes.len()];
        for &(s, t) in ends {
            let id = |k: usize| model.nodes.get(k).map_or("", |n| n.id.as_str());
            if let Some(list) = lists.get_mut(s) {
                list.push(id(t));
            }
            if let Some(list) = lists.get_mut(t) {
                list.push(id(s));
            }
        }
        for list in &mut lists {
            list.sort_unstable();
        }
        lists
    }
    let now = linked_ids(model, &link_ends_of(model));
    let then = linked_ids(&before.model, &before.link_ends);
    model
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let Some(j) = before.model.node_idx(&n.id) else { return false };
            before.model.nodes[j].group == n.group && (now[i] == then[j] || !then[j].is_empty())
        })
        .collect()
}

/// The lattice [`free_spot`] looks over, in layout units across and down: about a label's width
/// and two lines apart.
const SPOT_STEP: (f64, f64) = (90.0, 60.0);
/// How near a free spot may be to a node already placed.
const SPOT_CLEARANCE: f64 = 60.0;
/// Room enough round a spot for the new node's label: of the spots that grow the map alike, the
/// roomiest up to this wins, so a node added to a large map starts in a clearing of it, not
/// in its busiest middle, where its label would find no room.
const SPOT_ROOMY: f64 = 150.0;
/// The width to height a graph pane has, or near it (1.4 in the editor at 1366×768, 2.2 in
/// the reader): a map of that shape is drawn largest when fitted to it.
const PANE_ASPECT: f64 = 1.5;

/// Where a node that links to none placed yet starts: the free spot of a lattice over the map
/// and round it that grows the map least, its width weighed against its height as a landscape
/// pane does; of those the roomiest ([`SPOT_ROOMY`]), then the one nearest the map's middle. A
/// hole inside the map costs nothing; outside it, the map grows on its shorter side. Nodes
/// added one by one before their links then fill a block the pane shows large, not a row that
/// fitting shrinks until their labels find no room (trial 12: twenty nodes in a row, seven
/// without a label).
fn free_spot(placed: &[(f64, f64)]) -> (f64, f64) {
    let (mut left, mut right, mut top, mut bottom) =
        (f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::NEG_INFINITY);
    for &(x, y) in placed {
        (left, right, top, bottom) = (left.min(x), right.max(x), top.min(y), bottom.max(y));
    }
    let (cx, cy) = ((left + right) / 2.0, (top + bottom) / 2.0);
    let nearest = |x: f64, y: f64| placed.iter().map(|&(px, py)| (px - x).hypot(py - y)).fold(f64::INFINITY, f64::min);
    // The map's size with the spot in it, its height counted as a landscape pane sees it.
    let grown = |x: f64, y: f64| (right.max(x) - left.min(x)).max(PANE_ASPECT * (bottom.max(y) - top.min(y)));
    let (columns, rows) =
        (((right - left) / SPOT_STEP.0).ceil() as i64 + 1, ((bottom - top) / SPOT_STEP.1).ceil() as i64 + 1);
    // The lattice's outer ring lies a whole step clear of every node, so a spot is always found.
    let (mut best, mut spot) = (None, (right + SPOT_STEP.0, top));
    for column in -1..=columns {
        for row in -1..=rows {
            let (x, y) = (left + column as f64 * SPOT_STEP.0, top + row as f64 * SPOT_STEP.1);
            let room = nearest(x, y);
            if room < SPOT_CLEARANCE {
                continue;
            }
            // Smaller is better: the map's growth, then the room round the spot (up to a
            // point), then the distance to the middle.
            let key = (grown(x, y), -room.min(SPOT_ROOMY), (x - cx).hypot(y - cy));
            if best.is_none_or(|best| key < best) {
                (best, spot) = (Some(key), (x, y));
            }
        }
    }
    spot
}

/// How much a node's label matters when not every label fits: the thesis's nodes and the
/// principles first, then the models, then by degree, threats and responses a little ahead.
fn label_priorities(model: &Model, degrees: &[usize]) -> Vec<f64> {
    let thesis: Vec<&str> = model.argument.thesis.nodes.iter().map(String::as_str).collect();
    let holds = |list: &[String], id: &str| list.iter().any(|x| x == id);
    model
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let role = if thesis.contains(&n.id.as_str()) || holds(&model.argument.principles, &n.id) {
                100.0
            } else if holds(&model.argument.models, &n.id) {
                60.0
            } else {
                0.0
            };
            let kind = match n.kind {
                NodeKind::Threat | NodeKind::Response => 3.0,
                NodeKind::Concept | NodeKind::Actor => 2.0,
                _ => 0.0,
            };
            role + kind + 2.0 * degrees.get(i).copied().unwrap_or(0) as f64
        })
        .collect()
}

/// How search lower-cases text, when the host has its own: the app hands in the browser's
/// `toLowerCase` ([`set_lowercase`]), so the WebAssembly carries no second copy of Unicode's
/// case tables (about 8 KB compressed).
static LOWERCASE: std::sync::OnceLock<fn(&str) -> String> = std::sync::OnceLock::new();

/// Sets how search lower-cases text (once; later calls are ignored).
pub fn set_lowercase(lowercase: fn(&str) -> String) {
    let _ = LOWERCASE.set(lowercase);
}

/// Lower-cased `text`: the host's function, else Rust's own (natively), else ASCII only.
fn lowercase(text: &str) -> String {
    if let Some(f) = LOWERCASE.get() {
        return f(text);
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.to_lowercase()
    }
    #[cfg(target_arch = "wasm32")]
    {
        text.to_ascii_lowercase()
    }
}

/// Everything the views draw, derived once from a model.
pub struct Scene {
    pub model: Model,
    pub graph: ArgumentGraph,
    /// `(source, target)` node indices of each link, in `model.links` order.
    pub link_ends: Vec<(usize, usize)>,
    /// Node radii at zoom 1.
    pub radii: Vec<f64>,
    /// Each node's place on the ring of groups, `None` without a group (the live simulation
    /// pulls towards it too, so a drag keeps the picture's shape).
    pub anchors: Vec<Option<(f64, f64)>>,
    /// Labels wrapped at [`LABEL_FONT_PX`] and [`LABEL_MAX_WIDTH_PX`].
    pub labels_zh: Vec<WrappedLabel>,
    pub labels_en: Vec<WrappedLabel>,
    /// The importance of each node's label when not all fit (higher first).
    pub label_priority: Vec<f64>,
    /// Each node's group, as an index into `model.groups`.
    pub group_of: Vec<Option<usize>>,
    pub neighbours: Vec<Vec<usize>>,
    pub counter_paths: Vec<CounterPath>,
    pub uncountered: Vec<usize>,
    /// Event indices in date order.
    pub events_by_date: Vec<usize>,
    /// Node indices related to each event (its actor first).
    pub event_nodes: Vec<Vec<usize>>,
    /// For each actor node, which nodes lie within [`ACTOR_REACH_HOPS`] links of it (either
    /// direction): what the legend's actor filter shows.
    pub actor_reach: Vec<(usize, Vec<bool>)>,
    /// The force layout: settled, except for graphs over [`LARGE_GRAPH_NODES`] nodes, which
    /// start at `force_alpha` and settle on screen.
    pub force_xs: Vec<f64>,
    pub force_ys: Vec<f64>,
    /// The simulation's alpha at `force_xs`/`force_ys` (below `alpha_min` when settled).
    pub force_alpha: f64,
    /// The argument layout's stages and the order of their nodes; placed for a view's size by
    /// [`layout::place_argument`].
    pub argument: ArgumentColumns,
    /// The tour, planned: each step's reveals and events.
    pub tour: Vec<StepPlan>,
}

impl Scene {
    /// A scene with estimated text widths (native code and tests).
    pub fn new(model: Model) -> Scene {
        Scene::new_measured(model, &EstimatedMeasure { font_px: LABEL_FONT_PX })
    }

    /// A scene whose labels are wrapped and measured with `measure` (the browser passes a
    /// measure of the text as rendered, at [`LABEL_FONT_PX`]).
    pub fn new_measured(model: Model, measure: &dyn TextMeasure) -> Scene {
        Scene::with_layout_ahead(model, measure, None)
    }

    /// [`Scene::new_measured`] with the force layout computed ahead, when there is one: it is
    /// used if it has a position the simulation could produce for every node (else the layout is
    /// settled here), and must be [`settled_force_layout`] of the same model for the picture to be
    /// the one this would settle.
    pub fn with_layout_ahead(model: Model, measure: &dyn TextMeasure, ahead: Option<ForceLayout>) -> Scene {
        let graph = ArgumentGraph::new(&model);
        let inputs = SimulationInputs::of(&model, &graph);
        let n = model.nodes.len();
        let wrap = |lang: Lang| -> Vec<WrappedLabel> {
            model
                .nodes
                .iter()
                .map(|node| wrap_label_measured(node.label.get(lang), measure, LABEL_MAX_WIDTH_PX))
                .collect()
        };
        let (labels_zh, labels_en) = (wrap(Lang::Zh), wrap(Lang::En));
        let neighbours: Vec<Vec<usize>> = (0..n).map(|i| graph.neighbours(i)).collect();
        let event_nodes: Vec<Vec<usize>> = model
            .events
            .iter()
            .map(|e| {
                let mut nodes: Vec<usize> =
                    std::iter::once(&e.actor).chain(e.nodes.iter()).filter_map(|id| model.node_idx(id)).collect();
                let mut seen = BTreeSet::new();
                nodes.retain(|n| seen.insert(*n));
                nodes
            })
            .collect();
        let actor_reach: Vec<(usize, Vec<bool>)> = (0..n)
            .filter(|&i| model.nodes[i].kind == NodeKind::Actor)
            .map(|actor| (actor, within_hops(&neighbours, actor, ACTOR_REACH_HOPS)))
            .collect();
        let ForceLayout { xs: force_xs, ys: force_ys, alpha: force_alpha } = match ahead {
            Some(layout) if layout.fits(n) => layout,
            _ => inputs.settle(),
        };
        let group_of = group_index(&model);
        let stage_groups: Vec<Vec<usize>> = if model.stages.is_empty() {
            (0..model.groups.len()).map(|g| vec![g]).collect()
        } else {
            model
                .stages
                .iter()
                .map(|s| s.groups.iter().filter_map(|g| model.groups.iter().position(|x| &x.id == g)).collect())
                .collect()
        };
        let argument = argument_columns(&group_of, &stage_groups, &inputs.link_ends);
        Scene {
            label_priority: label_priorities(&model, &graph.degrees()),
            counter_paths: graph.counter_paths(),
            uncountered: graph.uncountered_threats(),
            events_by_date: model.events_by_date(),
            tour: tour::plan(&model),
            link_ends: inputs.link_ends,
            radii: inputs.radii,
            anchors: inputs.anchors,
            model,
            graph,
            labels_zh,
            labels_en,
            group_of,
            neighbours,
            event_nodes,
            actor_reach,
            force_xs,
            force_ys,
            force_alpha,
            argument,
        }
    }

    /// The simulation that moves this scene's force layout (while a node is dragged), at rest
    /// at nothing in particular: the caller sets positions and alpha.
    /// The scene's force layout as a value (for a layout block, or a scene of the same map).
    pub fn force_layout(&self) -> ForceLayout {
        ForceLayout { xs: self.force_xs.clone(), ys: self.force_ys.clone(), alpha: self.force_alpha }
    }

    pub fn simulation(&self) -> Simulation {
        layout::argument_graph_simulation(self.radii.len(), &self.link_ends, &self.radii, &self.anchors, LAYOUT_SEED)
    }

    pub fn label(&self, node: usize, lang: Lang) -> &WrappedLabel {
        match lang {
            Lang::Zh => &self.labels_zh[node],
            Lang::En => &self.labels_en[node],
        }
    }

    /// The nodes whose label, alias (in either language) or id contains `query`
    /// (case-insensitive), then those whose summary does: best first (a name that is the query,
    /// quotation marks aside; then one that starts with it; then one that contains it; then the
    /// summary), ties in data set order.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let q = lowercase(query.trim());
        if q.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(u8, usize)> = Vec::new();
        for (i, n) in self.model.nodes.iter().enumerate() {
            let names = [n.label.zh.as_str(), n.label.en.as_str(), n.id.as_str()]
                .into_iter()
                .chain(n.aliases.zh.iter().chain(&n.aliases.en).map(String::as_str))
                .map(lowercase);
            let mut rank: Option<u8> = None;
            for name in names {
                let bare = name.trim_matches(|c: char| "“”\"'‘’《》「」".contains(c));
                let this = if bare == q {
                    0
                } else if bare.starts_with(&q) {
                    1
                } else if name.contains(&q) {
                    2
                } else {
                    continue;
                };
                rank = Some(rank.map_or(this, |r| r.min(this)));
            }
            let rank = rank.or_else(|| {
                (lowercase(&n.summary.zh).contains(&q) || lowercase(&n.summary.en).contains(&q)).then_some(3)
            });
            if let Some(rank) = rank {
                hits.push((rank, i));
            }
        }
        let mut order: Vec<usize> = (0..hits.len()).collect();
        sort_indices_by(&mut order, &mut |a, b| hits[a].cmp(&hits[b]));
        order.into_iter().map(|k| hits[k].1).collect()
    }

    /// The groups whose name (in either language) or id contains `query`, in data set order.
    pub fn search_groups(&self, query: &str) -> Vec<usize> {
        let q = lowercase(query.trim());
        if q.is_empty() {
            return Vec::new();
        }
        (0..self.model.groups.len())
            .filter(|&g| {
                let group = &self.model.groups[g];
                [&group.label.zh, &group.label.en, &group.id].iter().any(|f| lowercase(f).contains(&q))
            })
            .collect()
    }

    /// The nodes of group `group` (an index into `model.groups`).
    pub fn group_nodes(&self, group: usize) -> Vec<usize> {
        (0..self.group_of.len()).filter(|&i| self.group_of[i] == Some(group)).collect()
    }

    /// Whether the legend filter hides `node`: `hidden` holds `kind:<kind>` and `group:<id>`
    /// keys (hide those), and `actor:<id>` keys (show only what lies near those actors).
    pub fn is_hidden(&self, node: usize, hidden: &BTreeSet<String>) -> bool {
        self.visible(hidden).get(node).is_some_and(|v| !v)
    }

    /// Which nodes the legend filter `hidden` leaves shown (see [`Scene::is_hidden`]), computed
    /// once for all nodes: the painters read this, never the keys.
    pub fn visible(&self, hidden: &BTreeSet<String>) -> Vec<bool> {
        let mut kinds = Vec::new();
        let mut groups = Vec::new();
        let mut near: Option<Vec<bool>> = None;
        for key in hidden {
            if let Some(kind) = key.strip_prefix("kind:").and_then(NodeKind::parse) {
                kinds.push(kind);
            } else if let Some(group) = key.strip_prefix("group:") {
                groups.push(group);
            } else if let Some(actor) = key.strip_prefix("actor:") {
                let shown = near.get_or_insert_with(|| vec![false; self.model.nodes.len()]);
                let reach = self.model.node_idx(actor).and_then(|a| self.actor_reach.iter().find(|(i, _)| *i == a));
                if let Some((_, reach)) = reach {
                    shown.iter_mut().zip(reach).for_each(|(s, r)| *s |= *r);
                }
            }
        }
        self.model
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                !kinds.contains(&n.kind)
                    && !n.group.as_deref().is_some_and(|g| groups.contains(&g))
                    && near.as_ref().is_none_or(|near| near[i])
            })
            .collect()
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
