//! The force graph, drawn as SVG: nodes (a shape per kind, a wrapped label), links (a line style
//! per relation), pan and zoom, drag to move and pin, keyboard navigation between neighbours.
//!
//! Positions never go through reactive signals: the elements are created once per scene, and
//! the frame loop writes their `transform` and line ends directly while the layout moves.
//! Reactive bindings only carry what changes rarely: selection, highlight, filter, language.

use crate::browser::dom::{self, FrameLoop};
use crate::browser::{download, storage};
use crate::i18n;
use crate::state::{use_app, LayoutMode, Selection};
use crate::view::graph_canvas::{node_at, CanvasPainter, PaintState, CANVAS_NODE_THRESHOLD};
use crate::view::legend::Legend;
use atlas_core::layout::{default_graph_simulation, Simulation};
use atlas_core::number::Fixed;
use atlas_core::saved::{pins_envelope, read_pins_envelope, Pin};
use atlas_core::scene::{shape_path, Scene, LABEL_LINE_PX, LAYOUT_SEED};
use atlas_core::transform::{Bounds, ViewTransform};
use atlas_core::Relation;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Pointer movement (CSS px) below which a press counts as a click, not a drag.
const CLICK_SLOP_PX: f64 = 4.0;
/// Padding around the graph when fitting it to the view.
const FIT_PADDING_PX: f64 = 24.0;

/// What a pointer is doing.
#[derive(Clone, Copy, Debug)]
enum Gesture {
    /// Pressed on a node; becomes a drag once it moves past the slop.
    Node { node: usize, start: (f64, f64), dragging: bool, grab: (f64, f64) },
    /// Panning the background.
    Pan { start: (f64, f64), from: ViewTransform },
}

/// The non-reactive part of the graph: the simulation, current positions and the elements
/// they are written to.
struct GraphRuntime {
    scene: Arc<Scene>,
    simulation: Simulation,
    xs: Vec<f64>,
    ys: Vec<f64>,
    node_elements: Vec<web_sys::Element>,
    link_elements: Vec<web_sys::Element>,
    mode: LayoutMode,
    gestures: HashMap<i32, Gesture>,
    pointers: HashMap<i32, (f64, f64)>,
    pinch: Option<(f64, ViewTransform, (f64, f64))>,
    frames: FrameLoop,
    /// Large data sets are painted on a canvas instead of moving SVG elements.
    painter: Option<CanvasPainter>,
    paint_state: PaintState,
}

impl GraphRuntime {
    fn new(scene: Arc<Scene>) -> GraphRuntime {
        let n = scene.model.nodes.len();
        let mut simulation = default_graph_simulation(n, &scene.link_ends, &scene.collide, LAYOUT_SEED);
        for i in 0..n {
            simulation.set_position(i, scene.force_xs[i], scene.force_ys[i]);
        }
        // Carry on from where the scene's layout stopped (a large graph is still moving).
        simulation.set_alpha(scene.force_alpha);
        GraphRuntime {
            xs: scene.force_xs.clone(),
            ys: scene.force_ys.clone(),
            scene,
            simulation,
            node_elements: Vec::new(),
            link_elements: Vec::new(),
            mode: LayoutMode::Force,
            gestures: HashMap::new(),
            pointers: HashMap::new(),
            pinch: None,
            frames: FrameLoop::default(),
            painter: None,
            paint_state: PaintState::default(),
        }
    }

    /// Finds the drawn elements (in index order) after they are mounted.
    fn attach(&mut self, svg: &web_sys::Element) {
        let collect = |selector: &str| -> Vec<web_sys::Element> {
            let Ok(list) = svg.query_selector_all(selector) else { return Vec::new() };
            (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()).collect()
        };
        self.node_elements = collect("g.node");
        self.link_elements = collect("line.link");
    }

    /// Copies the simulation's positions (force mode) and writes every position to the DOM.
    fn sync_and_draw(&mut self) {
        if self.mode == LayoutMode::Force {
            let GraphRuntime { xs, ys, simulation, .. } = self;
            xs.copy_from_slice(simulation.xs());
            ys.copy_from_slice(simulation.ys());
        }
        if let Some(painter) = &self.painter {
            painter.paint(&self.scene, &self.xs, &self.ys, &self.paint_state);
            return;
        }
        for (i, el) in self.node_elements.iter().enumerate() {
            dom::set_attr(el, "transform", &format!("translate({:.1},{:.1})", Fixed(self.xs[i]), Fixed(self.ys[i])));
        }
        for (k, el) in self.link_elements.iter().enumerate() {
            let (s, t) = self.scene.link_ends[k];
            let (x1, y1, x2, y2) = link_line(
                self.xs[s],
                self.ys[s],
                self.xs[t],
                self.ys[t],
                self.scene.radii[s],
                self.scene.radii[t] + 3.0,
            );
            dom::set_attr(el, "x1", &format!("{x1:.1}", x1 = Fixed(x1)));
            dom::set_attr(el, "y1", &format!("{y1:.1}", y1 = Fixed(y1)));
            dom::set_attr(el, "x2", &format!("{x2:.1}", x2 = Fixed(x2)));
            dom::set_attr(el, "y2", &format!("{y2:.1}", y2 = Fixed(y2)));
        }
    }

    /// Repaints the canvas (after a resize or a change of what is highlighted); the SVG view
    /// needs nothing, its elements restyle themselves.
    fn sync_and_draw_if_canvas(&self) {
        if let Some(painter) = &self.painter {
            painter.paint(&self.scene, &self.xs, &self.ys, &self.paint_state);
        }
    }

    fn bounds(&self, hidden: &BTreeSet<String>) -> Option<Bounds> {
        let visible: Vec<usize> = (0..self.xs.len()).filter(|&i| !self.scene.is_hidden(i, hidden)).collect();
        let pick = |v: &[f64]| visible.iter().map(|&i| v[i]).collect::<Vec<f64>>();
        let extent: Vec<f64> = visible
            .iter()
            .map(|&i| {
                let label = &self.scene.labels_zh[i];
                let label_en = &self.scene.labels_en[i];
                (label.width.max(label_en.width) / 2.0).max(self.scene.radii[i] + 2.0 * LABEL_LINE_PX)
            })
            .collect();
        Bounds::around(&pick(&self.xs), &pick(&self.ys), &extent)
    }
}

/// The storage key of the pins of the shown data set.
fn pins_key(state: &crate::state::AppState) -> String {
    format!("v1:pins:{}", state.source.get_untracked().key())
}

/// Keeps the pinned positions (by node id) in storage, so they survive a reload; says so once
/// when this browser cannot keep them.
fn save_pins(state: &crate::state::AppState, rt: &GraphRuntime, pinned: &BTreeSet<usize>) {
    let pins: Vec<Pin> =
        pinned.iter().map(|&i| Pin { id: rt.scene.model.nodes[i].id.clone(), x: rt.xs[i], y: rt.ys[i] }).collect();
    let result = if pins.is_empty() {
        storage::remove(&pins_key(state));
        Ok(())
    } else {
        storage::set(&pins_key(state), &pins_envelope(&pins))
    };
    if result.is_err() {
        let lang = state.lang.get_untracked();
        let notice = match lang {
            atlas_core::Lang::En => {
                "Pinned positions cannot be kept in this browser here; they last for this visit.".to_string()
            }
            atlas_core::Lang::Zh => "此处的浏览器无法保存固定的位置，仅在本次访问中有效。".to_string(),
        };
        state.notices.update(|n| {
            if !n.contains(&notice) {
                n.push(notice);
            }
        });
    }
}

/// Applies pins saved for this data set; a damaged saved copy is reported and left alone.
fn restore_pins(state: &crate::state::AppState, rt: &mut GraphRuntime, pinned: RwSignal<BTreeSet<usize>>) {
    let Some(text) = storage::get(&pins_key(state)) else { return };
    match read_pins_envelope(&text) {
        Ok(pins) => {
            let mut set = BTreeSet::new();
            for pin in pins {
                if let Some(i) = rt.scene.model.node_idx(&pin.id) {
                    rt.simulation.pin(i, pin.x, pin.y);
                    rt.xs[i] = pin.x;
                    rt.ys[i] = pin.y;
                    set.insert(i);
                }
            }
            pinned.set(set);
        }
        Err(problem) => {
            let lang = state.lang.get_untracked();
            state.notices.update(|n| {
                n.push(match lang {
                    atlas_core::Lang::En => format!("Saved pinned positions were ignored: {}.", problem.describe(lang)),
                    atlas_core::Lang::Zh => format!("已忽略保存的固定位置：{}。", problem.describe(lang)),
                })
            });
        }
    }
}

/// The visible segment of a link: from the edge of the source's shape to the edge of the
/// target's (so the arrowhead shows), or the centre line when the nodes overlap.
fn link_line(x1: f64, y1: f64, x2: f64, y2: f64, r1: f64, r2: f64) -> (f64, f64, f64, f64) {
    let (dx, dy) = (x2 - x1, y2 - y1);
    let len = (dx * dx + dy * dy).sqrt();
    if !len.is_finite() || len <= r1 + r2 {
        return (x1, y1, x2, y2);
    }
    let (ux, uy) = (dx / len, dy / len);
    (x1 + ux * r1, y1 + uy * r1, x2 - ux * r2, y2 - uy * r2)
}

/// The line style class of a relation; the stylesheet gives each a distinct dash pattern.
fn relation_class(relation: Relation) -> String {
    format!("link rel-{}", relation.code().replace('_', "-"))
}

/// The neighbour of `from` that lies closest to the direction (`dx`, `dy`), or, when no
/// neighbour lies that way, the nearest visible node that way.
fn node_in_direction(rt: &GraphRuntime, from: usize, dx: f64, dy: f64, hidden: &BTreeSet<String>) -> Option<usize> {
    let score = |j: usize| -> Option<f64> {
        let (vx, vy) = (rt.xs[j] - rt.xs[from], rt.ys[j] - rt.ys[from]);
        let dist = (vx * vx + vy * vy).sqrt();
        if j == from || dist < 1e-9 || rt.scene.is_hidden(j, hidden) {
            return None;
        }
        let cos = (vx * dx + vy * dy) / dist;
        (cos > 0.3).then_some(dist * (2.0 - cos))
    };
    let best = |candidates: &mut dyn Iterator<Item = usize>| -> Option<usize> {
        candidates.filter_map(|j| score(j).map(|s| (s, j))).min_by(|a, b| a.0.total_cmp(&b.0)).map(|(_, j)| j)
    };
    best(&mut rt.scene.neighbours[from].iter().copied()).or_else(|| best(&mut (0..rt.xs.len())))
}

/// The graph's pan and zoom, kept in the app state (so a link can carry it); identity until set.
#[derive(Clone, Copy)]
struct ZoomSignal(RwSignal<Option<ViewTransform>>);

impl ZoomSignal {
    fn get(&self) -> ViewTransform {
        self.0.get().unwrap_or_default()
    }
    fn get_untracked(&self) -> ViewTransform {
        self.0.get_untracked().unwrap_or_default()
    }
    fn set(&self, t: ViewTransform) {
        self.0.set(Some(t));
    }
    fn update(&self, f: impl FnOnce(&mut ViewTransform)) {
        let mut t = self.get_untracked();
        f(&mut t);
        self.set(t);
    }
}

/// The force graph with its toolbar and legend.
// Too long: being split into a graph/ module of small parts (issue 22).
#[allow(clippy::too_many_lines)]
#[component]
pub fn GraphView() -> impl IntoView {
    let state = use_app();
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    // The element that holds the drawing (SVG or canvas): sizes and pointer positions.
    let surface_ref = NodeRef::<leptos::html::Div>::new();
    let use_canvas = state.scene.get_untracked().model.nodes.len() > CANVAS_NODE_THRESHOLD;
    // The scene this view was built for. A new data set rebuilds the whole view (see `app`),
    // so nothing here re-reads `state.scene`: a closure of the old view must never meet the
    // new scene's indices.
    let built_scene = state.scene.get_untracked();
    let transform = ZoomSignal(state.graph_zoom);
    // Whether the view still shows the whole graph as fitted (then a resize refits it); any
    // pan or zoom by the user, or a zoom from a shared link, turns this off.
    let auto_fit = RwSignal::new(state.graph_zoom.get_untracked().is_none());
    // Whether the drawing area's size has been reported (see the mount effect below).
    let viewport_known = RwSignal::new(false);
    let focus_node = RwSignal::new(0usize);
    let pinned = RwSignal::new(BTreeSet::<usize>::new());
    let runtime = SendWrapper::new(Rc::new(RefCell::new(GraphRuntime::new(state.scene.get_untracked()))));
    let viewport = SendWrapper::new(Rc::new(RefCell::new((0.0f64, 0.0f64))));
    restore_pins(&state, &mut runtime.borrow_mut(), pinned);

    let fit = {
        let runtime = runtime.clone();
        let viewport = viewport.clone();
        move || {
            let (w, h) = *viewport.borrow();
            if w <= 0.0 || h <= 0.0 {
                return;
            }
            // Release the runtime before writing signals: their effects may read it.
            let bounds = runtime.borrow().bounds(&state.hidden.get_untracked());
            if let Some(b) = bounds {
                transform.set(ViewTransform::fit(b, w, h, FIT_PADDING_PX, 1.6));
                auto_fit.try_set(true);
            }
        }
    };

    // Once mounted: find the elements, draw, fit, and refit whenever the view changes size
    // (including a view that starts hidden and is shown later).
    {
        let runtime = runtime.clone();
        let viewport = viewport.clone();
        let fit = fit.clone();
        Effect::new(move |_| {
            let Some(surface) = surface_ref.get() else { return };
            let surface: web_sys::Element = surface.into();
            {
                let mut rt = runtime.borrow_mut();
                if let Some(svg) = svg_ref.get() {
                    rt.attach(&svg.into());
                }
                if let Some(canvas) = canvas_ref.get() {
                    rt.painter = CanvasPainter::new(canvas);
                }
                rt.sync_and_draw();
            }
            // The observer's first report comes after the page's first layout and before its
            // first paint (reading the size here would force an extra layout of the whole page).
            // A view visible from the start keeps a zoom the link gave; one shown later is fitted.
            // (A hidden view's first report is 0×0 in the three engines we test, so a non-zero
            // first report means visible at start.) Effects that need the size, like framing a
            // tour step, wait for `viewport_known`.
            let viewport = viewport.clone();
            let fit = fit.clone();
            let runtime_resize = runtime.clone();
            let first_report = std::cell::Cell::new(true);
            let observer = dom::observe_size(&surface, move |w, h| {
                let visible_at_start = first_report.replace(false) && w > 0.0 && h > 0.0;
                if w <= 0.0 || h <= 0.0 {
                    return;
                }
                // A canvas must be repainted at its new size.
                runtime_resize.borrow().sync_and_draw_if_canvas();
                let was_hidden = !visible_at_start && viewport.borrow().0 <= 0.0;
                *viewport.borrow_mut() = (w, h);
                // A view that starts hidden (a closed tab, a collapsed section) is fitted when
                // shown; a fitted view stays fitted when the frame is resized.
                if was_hidden || auto_fit.try_get_untracked().unwrap_or(false) {
                    fit();
                }
                if visible_at_start || was_hidden {
                    let _ = viewport_known.try_set(true);
                }
            });
            dom::disconnect_on_cleanup(observer);
        });
    }

    // Switching layout moves every node to the other layout's positions.
    {
        let runtime = runtime.clone();
        let fit = fit.clone();
        Effect::new(move |prev: Option<LayoutMode>| {
            let mode = state.layout.get();
            if prev.is_some() && prev != Some(mode) {
                {
                    let mut rt = runtime.borrow_mut();
                    rt.mode = mode;
                    let scene = rt.scene.clone();
                    match mode {
                        LayoutMode::Force => {
                            let GraphRuntime { xs, ys, simulation, .. } = &mut *rt;
                            xs.copy_from_slice(simulation.xs());
                            ys.copy_from_slice(simulation.ys());
                        }
                        LayoutMode::Columns => {
                            rt.xs.copy_from_slice(&scene.column_xs);
                            rt.ys.copy_from_slice(&scene.column_ys);
                        }
                    }
                    rt.sync_and_draw();
                }
                fit();
            }
            mode
        });
    }

    // Presenting: frame the step's nodes so the audience sees them large.
    {
        let runtime = runtime.clone();
        let viewport = viewport.clone();
        Effect::new(move |_| {
            // Runs again once the view's size is known (a link that opens on a tour step).
            if !viewport_known.get() {
                return;
            }
            let Some(focused) = crate::view::tour::focused_nodes(&state) else { return };
            if focused.is_empty() {
                return;
            }
            let (w, h) = *viewport.borrow();
            if w <= 0.0 || h <= 0.0 {
                return;
            }
            let rt = runtime.borrow();
            let pick = |v: &[f64]| focused.iter().map(|&i| v[i]).collect::<Vec<f64>>();
            let extent: Vec<f64> = focused
                .iter()
                .map(|&i| rt.scene.labels_en[i].width.max(rt.scene.labels_zh[i].width) / 2.0 + 20.0)
                .collect();
            if let Some(b) = Bounds::around(&pick(&rt.xs), &pick(&rt.ys), &extent) {
                transform.set(ViewTransform::fit(b, w, h, FIT_PADDING_PX, 2.5));
                auto_fit.set(false);
            }
        });
    }

    // Refit when the filter changes, so the visible nodes fill the view.
    {
        let fit = fit.clone();
        Effect::new(move |prev: Option<()>| {
            state.hidden.track();
            if prev.is_some() {
                fit();
            }
        });
    }

    // Keep keyboard focus on the selected node, so selecting elsewhere (the timeline, the
    // detail panel, search) lets arrow keys continue from there.
    Effect::new(move |_| {
        if let Selection::Node(id) = state.selection.get() {
            if let Some(i) = state.scene.get_untracked().model.node_idx(&id) {
                focus_node.set(i);
            }
        }
    });

    let start_simulation = {
        let runtime = runtime.clone();
        let fit = fit.clone();
        move |alpha: f64| {
            let frames = runtime.borrow().frames.clone();
            {
                let mut rt = runtime.borrow_mut();
                if rt.mode != LayoutMode::Force {
                    rt.sync_and_draw();
                    return;
                }
                if rt.simulation.alpha() < alpha {
                    rt.simulation.set_alpha(alpha);
                }
            }
            if dom::prefers_reduced_motion() {
                // No animation: jump to the settled layout.
                let mut rt = runtime.borrow_mut();
                rt.simulation.run_until_settled(600);
                rt.sync_and_draw();
                return;
            }
            let runtime = runtime.clone();
            let fit = fit.clone();
            let mut frame = 0usize;
            frames.start(move |_| {
                let (keep_going, refit) = {
                    let mut rt = runtime.borrow_mut();
                    rt.simulation.tick();
                    rt.sync_and_draw();
                    frame += 1;
                    let keep_going = !rt.simulation.is_settled() || !rt.gestures.is_empty();
                    // A layout still unfolding on screen (a large graph) stays fitted.
                    (
                        keep_going,
                        rt.gestures.is_empty()
                            && auto_fit.try_get_untracked().unwrap_or(false)
                            && (frame.is_multiple_of(20) || !keep_going),
                    )
                };
                if refit {
                    fit();
                }
                keep_going
            });
        }
    };

    // A large graph arrives still moving: let it settle on screen.
    {
        let runtime = runtime.clone();
        let start_simulation = start_simulation.clone();
        Effect::new(move |_| {
            if surface_ref.get().is_none() {
                return;
            }
            let moving = !runtime.borrow().simulation.is_settled();
            if moving {
                start_simulation(0.0);
            }
        });
    }

    let svg_point = move |ev: &web_sys::PointerEvent| -> (f64, f64) {
        match surface_ref.get_untracked() {
            Some(surface) => dom::local_point(&surface.into(), ev.client_x() as f64, ev.client_y() as f64),
            None => (ev.client_x() as f64, ev.client_y() as f64),
        }
    };

    let on_pointer_down = {
        let runtime = runtime.clone();
        move |ev: web_sys::PointerEvent| {
            if ev.button() != 0 {
                return;
            }
            let p = svg_point(&ev);
            let mut rt = runtime.borrow_mut();
            let node = if rt.painter.is_some() {
                let t = transform.get_untracked();
                let (wx, wy) = t.world_from_screen(p.0, p.1);
                node_at(&rt.scene, &rt.xs, &rt.ys, &state.hidden.get_untracked(), wx, wy, 4.0 / t.scale)
            } else {
                ev.target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|el| el.closest("g.node").ok().flatten())
                    .and_then(|g| g.get_attribute("data-index"))
                    .and_then(|s| s.parse::<usize>().ok())
            };
            rt.pointers.insert(ev.pointer_id(), p);
            if rt.pointers.len() == 2 {
                // Two fingers: pinch zoom replaces whatever the first finger was doing.
                let pts: Vec<(f64, f64)> = rt.pointers.values().copied().collect();
                let dist = ((pts[0].0 - pts[1].0).powi(2) + (pts[0].1 - pts[1].1).powi(2)).sqrt();
                let mid = ((pts[0].0 + pts[1].0) / 2.0, (pts[0].1 + pts[1].1) / 2.0);
                rt.gestures.clear();
                rt.pinch = Some((dist.max(1.0), transform.get_untracked(), mid));
                return;
            }
            let gesture = match node {
                Some(node) => {
                    // Keep the point where the node was grabbed under the pointer.
                    let (wx, wy) = transform.get_untracked().world_from_screen(p.0, p.1);
                    Gesture::Node { node, start: p, dragging: false, grab: (rt.xs[node] - wx, rt.ys[node] - wy) }
                }
                None => Gesture::Pan { start: p, from: transform.get_untracked() },
            };
            rt.gestures.insert(ev.pointer_id(), gesture);
            if let Some(target) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                let _ = target.set_pointer_capture(ev.pointer_id());
            }
        }
    };

    let on_pointer_move = {
        let runtime = runtime.clone();
        let start_simulation = start_simulation.clone();
        move |ev: web_sys::PointerEvent| {
            let p = svg_point(&ev);
            let mut start_sim = false;
            {
                let mut rt = runtime.borrow_mut();
                if rt.pointers.contains_key(&ev.pointer_id()) {
                    rt.pointers.insert(ev.pointer_id(), p);
                }
                if let Some((dist0, from, mid)) = rt.pinch {
                    let pts: Vec<(f64, f64)> = rt.pointers.values().copied().collect();
                    if pts.len() == 2 {
                        let dist = ((pts[0].0 - pts[1].0).powi(2) + (pts[0].1 - pts[1].1).powi(2)).sqrt();
                        auto_fit.set(false);
                        transform.set(from.zoomed_about(mid.0, mid.1, dist / dist0));
                    }
                    return;
                }
                let Some(gesture) = rt.gestures.get(&ev.pointer_id()).copied() else { return };
                match gesture {
                    Gesture::Pan { start, from } => {
                        auto_fit.set(false);
                        transform.set(from.panned(p.0 - start.0, p.1 - start.1));
                    }
                    Gesture::Node { node, start, dragging, grab } => {
                        let moved = ((p.0 - start.0).powi(2) + (p.1 - start.1).powi(2)).sqrt();
                        if !dragging && moved < CLICK_SLOP_PX {
                            return;
                        }
                        rt.gestures.insert(ev.pointer_id(), Gesture::Node { node, start, dragging: true, grab });
                        let (px, py) = transform.get_untracked().world_from_screen(p.0, p.1);
                        let (wx, wy) = (px + grab.0, py + grab.1);
                        rt.simulation.pin(node, wx, wy);
                        rt.xs[node] = wx;
                        rt.ys[node] = wy;
                        if !dragging {
                            pinned.update(|set| {
                                set.insert(node);
                            });
                        }
                        start_sim = true;
                    }
                }
            }
            if start_sim {
                start_simulation(0.3);
                if runtime.borrow().mode == LayoutMode::Columns {
                    runtime.borrow_mut().sync_and_draw();
                }
            }
        }
    };

    let on_pointer_up = {
        let runtime = runtime.clone();
        move |ev: web_sys::PointerEvent| {
            let gesture = {
                let mut rt = runtime.borrow_mut();
                rt.pointers.remove(&ev.pointer_id());
                if rt.pointers.len() < 2 {
                    rt.pinch = None;
                }
                rt.gestures.remove(&ev.pointer_id())
            };
            match gesture {
                Some(Gesture::Node { node, dragging: false, .. }) => {
                    let id = state.scene.get_untracked().model.nodes[node].id.clone();
                    state.selection.set(Selection::Node(id));
                }
                Some(Gesture::Node { dragging: true, .. }) => {
                    save_pins(&state, &runtime.borrow(), &pinned.get_untracked())
                }
                _ => {}
            }
        }
    };

    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let Some(svg) = surface_ref.get_untracked() else { return };
        let (x, y) = dom::local_point(&svg.into(), ev.client_x() as f64, ev.client_y() as f64);
        // Pixel deltas from a trackpad are small and frequent; line deltas from a wheel are big.
        let delta = match ev.delta_mode() {
            1 => ev.delta_y() * 16.0,
            2 => ev.delta_y() * 400.0,
            _ => ev.delta_y(),
        };
        auto_fit.set(false);
        transform.update(|t| *t = t.zoomed_about(x, y, (-delta * 0.002).exp()));
    };

    let unpin = {
        let runtime = runtime.clone();
        let start_simulation = start_simulation.clone();
        move |node: usize| {
            runtime.borrow_mut().simulation.unpin(node);
            pinned.update(|set| {
                set.remove(&node);
            });
            save_pins(&state, &runtime.borrow(), &pinned.get_untracked());
            start_simulation(0.2);
        }
    };

    let focus_element = {
        let runtime = runtime.clone();
        move |node: usize| {
            focus_node.set(node);
            if let Some(el) = runtime.borrow().node_elements.get(node) {
                if let Some(svg_el) = el.dyn_ref::<web_sys::SvgElement>() {
                    let _ = svg_el.focus();
                }
            }
        }
    };

    let on_node_key = {
        let runtime = runtime.clone();
        let unpin = unpin.clone();
        let focus_element = focus_element.clone();
        move |ev: web_sys::KeyboardEvent, node: usize| {
            let direction = match ev.key().as_str() {
                "ArrowRight" => Some((1.0, 0.0)),
                "ArrowLeft" => Some((-1.0, 0.0)),
                "ArrowUp" => Some((0.0, -1.0)),
                "ArrowDown" => Some((0.0, 1.0)),
                _ => None,
            };
            if let Some((dx, dy)) = direction {
                ev.prevent_default();
                let next = node_in_direction(&runtime.borrow(), node, dx, dy, &state.hidden.get_untracked());
                if let Some(next) = next {
                    focus_element(next);
                }
                return;
            }
            match ev.key().as_str() {
                "Enter" | " " => {
                    ev.prevent_default();
                    let id = state.scene.get_untracked().model.nodes[node].id.clone();
                    state.selection.set(Selection::Node(id));
                }
                "Escape" => state.selection.set(Selection::Nothing),
                "u" | "U" => unpin(node),
                _ => {}
            }
        }
    };

    let zoom_by = move |factor: f64| {
        let vp = surface_ref.get_untracked().and_then(|surface| dom::size_of(&surface.into())).unwrap_or((0.0, 0.0));
        auto_fit.set(false);
        transform.update(|t| *t = t.zoomed_about(vp.0 / 2.0, vp.1 / 2.0, factor));
    };

    let on_svg_key = {
        let fit = fit.clone();
        move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
            "+" | "=" => zoom_by(1.25),
            "-" | "_" => zoom_by(0.8),
            "0" => fit(),
            "Escape" => state.selection.set(Selection::Nothing),
            _ => {}
        }
    };

    // Exports of the graph as shown: visible nodes at their current positions, in the
    // current language, with title and legend.
    let current_svg = {
        let runtime = runtime.clone();
        move || {
            let rt = runtime.borrow();
            let hidden = state.hidden.get_untracked();
            let visible: Vec<bool> = (0..rt.xs.len()).map(|i| !rt.scene.is_hidden(i, &hidden)).collect();
            atlas_core::export::graph_svg(&rt.scene, &rt.xs, &rt.ys, &visible, state.lang.get_untracked())
        }
    };
    let export_svg = {
        let current_svg = current_svg.clone();
        move |_| {
            download::text_file("argument-atlas-graph.svg", "image/svg+xml", &current_svg());
        }
    };
    let export_png = {
        let current_svg = current_svg.clone();
        move |_| {
            let svg = current_svg();
            let size = |name: &str| -> f64 {
                svg.split(&format!(" {name}=\""))
                    .nth(1)
                    .and_then(|r| r.split('"').next())
                    .and_then(atlas_core::number::parse_number)
                    .unwrap_or(800.0)
            };
            download::png_from_svg("argument-atlas-graph.png", &svg, size("width"), size("height"), 2.0);
        }
    };

    let lang = state.lang;
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let fit_click = fit.clone();

    // The drawn graph; rebuilt only when a whole new data set is loaded.
    let selected_scene = built_scene.clone();
    let selected_idx = Memo::new(move |_| match state.selection.get() {
        Selection::Node(id) => selected_scene.model.node_idx(&id),
        _ => None,
    });
    // Nodes lit by the selection: the selected node and its neighbours, or the nodes of a
    // selected event; hover/focus highlights a neighbourhood the same way.
    let lit_scene = built_scene.clone();
    let lit = Memo::new(move |_| -> Option<BTreeSet<usize>> {
        let scene = lit_scene.clone();
        if let Some(h) = state.hovered.get() {
            let mut set: BTreeSet<usize> = scene.neighbours.get(h).cloned().unwrap_or_default().into_iter().collect();
            set.insert(h);
            return Some(set);
        }
        if let Some(mut focused) = crate::view::tour::focused_nodes(&state) {
            // Presenting: the step's (revealed) nodes stand out, plus a node picked by hand.
            if let Selection::Node(id) = state.selection.get() {
                focused.extend(scene.model.node_idx(&id));
            }
            return Some(focused.into_iter().collect());
        }
        match state.selection.get() {
            Selection::Node(id) => scene.model.node_idx(&id).map(|i| {
                let mut set: BTreeSet<usize> = scene.neighbours[i].iter().copied().collect();
                set.insert(i);
                set
            }),
            Selection::Event(id) => scene.model.event_idx(&id).map(|e| scene.event_nodes[e].iter().copied().collect()),
            Selection::Nothing => None,
        }
    });

    // Canvas mode: repaint whenever what the picture depends on changes.
    if use_canvas {
        let runtime = runtime.clone();
        Effect::new(move |_| {
            let snapshot = PaintState {
                transform: transform.get(),
                lit: lit.get(),
                selected: selected_idx.get(),
                focused: Some(focus_node.get()),
                pinned: pinned.get(),
                hidden: state.hidden.get(),
                lang: Some(state.lang.get()),
            };
            // The projector theme changes the colours the canvas reads from CSS.
            state.projector.track();
            let mut rt = runtime.borrow_mut();
            rt.paint_state = snapshot;
            if let Some(painter) = rt.painter.as_mut() {
                painter.refresh_palette();
            }
            rt.sync_and_draw_if_canvas();
        });
    }

    let on_node_key_canvas = on_node_key.clone();
    let drawing_scene = built_scene.clone();
    let drawing = move || {
        let scene = drawing_scene.clone();
        let n = scene.model.nodes.len();
        let links = scene
            .model
            .links
            .iter()
            .enumerate()
            .map(|(k, link)| {
                let (s, t) = scene.link_ends[k];
                let scene2 = scene.clone();
                let hidden = move || {
                    let hidden = state.hidden.get();
                    scene2.is_hidden(s, &hidden) || scene2.is_hidden(t, &hidden)
                };
                let dim = move || lit.get().is_some_and(|set| !(set.contains(&s) && set.contains(&t)));
                view! {
                    <line class=relation_class(link.relation) class:is-hidden=hidden class:dim=dim
                        marker-end=format!("url(#arrow-{})", link.relation.code().replace('_', "-"))/>
                }
            })
            .collect_view();
        let on_node_key = on_node_key.clone();
        let unpin = unpin.clone();
        let nodes = (0..n)
            .map(|i| {
                let node = &scene.model.nodes[i];
                let kind = node.kind;
                let r = scene.radii[i];
                let scene2 = scene.clone();
                let scene3 = scene.clone();
                let scene4 = scene.clone();
                let hidden = move || scene2.is_hidden(i, &state.hidden.get());
                let dim = move || lit.get().is_some_and(|set| !set.contains(&i));
                let selected = move || selected_idx.get() == Some(i);
                let label_lines = move || {
                    let lang = lang.get();
                    let label = scene3.label(i, lang);
                    let top = r + 4.0 + LABEL_LINE_PX * 0.8;
                    label
                        .lines
                        .iter()
                        .enumerate()
                        .map(|(k, line)| {
                            // Keep the space where the label broke, so the visible text reads as
                            // the accessible name does.
                            let text = if label.space_after.get(k).copied().unwrap_or(false) { format!("{line} ") } else { line.clone() };
                            view! { <tspan x="0" y=format!("{:.1}", Fixed(top + k as f64 * LABEL_LINE_PX))>{text}</tspan> }
                        })
                        .collect_view()
                };
                let aria_label = move || {
                    let lang = lang.get();
                    let n = &scene4.model.nodes[i];
                    let pin = if pinned.get().contains(&i) { format!(", {}", i18n::PINNED.get(lang)) } else { String::new() };
                    format!("{}, {}{}", n.label.get(lang), n.kind.label(lang), pin)
                };
                let on_node_key = on_node_key.clone();
                let unpin = unpin.clone();
                view! {
                    <g class=format!("node kind-{}", kind.code()) data-index=i.to_string()
                        role="button"
                        tabindex=move || if focus_node.get() == i { "0" } else { "-1" }
                        aria-label=aria_label
                        aria-pressed=move || selected().to_string()
                        class:selected=selected class:dim=dim class:is-hidden=hidden
                        class:pinned=move || pinned.get().contains(&i)
                        on:keydown=move |ev| on_node_key(ev, i)
                        on:focus=move |_| { focus_node.set(i); state.hovered.set(Some(i)); }
                        on:blur=move |_| state.hovered.set(None)
                        on:pointerenter=move |_| state.hovered.set(Some(i))
                        on:pointerleave=move |_| state.hovered.set(None)
                        on:dblclick=move |_| unpin(i)>
                        <path class="shape" d=shape_path(kind, r)/>
                        <text class="label" lang=move || lang.get().tag()>{label_lines}</text>
                    </g>
                }
            })
            .collect_view();
        view! {
            <g class="links">{links}</g>
            <g class="nodes">{nodes}</g>
        }
    };

    let markers = Relation::ALL
        .iter()
        .map(|r| {
            let id = format!("arrow-{}", r.code().replace('_', "-"));
            view! {
                <marker id=id class=format!("marker rel-{}", r.code().replace('_', "-")) viewBox="0 0 10 10" refX="9" refY="5"
                    markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0,1L10,5L0,9z"/>
                </marker>
            }
        })
        .collect_view();

    view! {
        <div class="graph-view">
            <div class="toolbar" role="toolbar" aria-label=t(i18n::GRAPH)>
                <button type="button" on:click=move |_| zoom_by(1.25) aria-label=t(i18n::ZOOM_IN) title=t(i18n::ZOOM_IN)>"+"</button>
                <button type="button" on:click=move |_| zoom_by(0.8) aria-label=t(i18n::ZOOM_OUT) title=t(i18n::ZOOM_OUT)>"−"</button>
                <button type="button" on:click=move |_| fit_click()>{t(i18n::FIT)}</button>
                <span class="toolbar-sep"></span>
                <button type="button" on:click=export_svg.clone()>{t(i18n::EXPORT_SVG)}</button>
                <button type="button" on:click=export_png.clone()>{t(i18n::EXPORT_PNG)}</button>
                <div class="layout-switch" role="group" aria-label=t(i18n::LAYOUT)>
                    <button type="button" aria-pressed=move || (state.layout.get() == LayoutMode::Force).to_string()
                        on:click=move |_| state.layout.set(LayoutMode::Force)>{t(i18n::LAYOUT_FORCE)}</button>
                    <button type="button" aria-pressed=move || (state.layout.get() == LayoutMode::Columns).to_string()
                        on:click=move |_| state.layout.set(LayoutMode::Columns)>{t(i18n::LAYOUT_COLUMNS)}</button>
                </div>
            </div>
            <p class="sr-only" id="graph-help">{t(i18n::GRAPH_HELP)}</p>
            <div class="graph-surface" node_ref=surface_ref
                on:pointerdown=on_pointer_down on:pointermove=on_pointer_move
                on:pointerup=on_pointer_up.clone() on:pointercancel=on_pointer_up on:wheel=on_wheel>
                {if use_canvas {
                    let on_node_key = on_node_key_canvas.clone();
                    let on_svg_key = on_svg_key.clone();
                    let announce_scene = built_scene.clone();
                    let announce = move || {
                        let lang = state.lang.get();
                        announce_scene.model.nodes.get(focus_node.get()).map(|n| format!("{}, {}", n.label.get(lang), n.kind.label(lang))).unwrap_or_default()
                    };
                    view! {
                        <canvas node_ref=canvas_ref class="graph-canvas" tabindex="0" role="application"
                            aria-roledescription=move || match state.lang.get() { atlas_core::Lang::Zh => "关系图画布", atlas_core::Lang::En => "graph canvas" }
                            aria-labelledby="graph-heading" aria-describedby="graph-help canvas-focus"
                            on:keydown=move |ev: web_sys::KeyboardEvent| {
                                match ev.key().as_str() {
                                    "+" | "=" | "-" | "_" | "0" => on_svg_key(ev),
                                    _ => on_node_key(ev, focus_node.get_untracked()),
                                }
                            }></canvas>
                        <p id="canvas-focus" class="sr-only" aria-live="polite">{announce}</p>
                    }.into_any()
                } else {
                    view! {
                        <svg node_ref=svg_ref class="graph-svg" role="group" aria-labelledby="graph-heading" aria-describedby="graph-help"
                            on:keydown=on_svg_key>
                            <defs>{markers}</defs>
                            <g class="viewport" transform=move || {
                                let t = transform.get();
                                format!("translate({:.2},{:.2}) scale({:.4})", Fixed(t.translate_x), Fixed(t.translate_y), Fixed(t.scale))
                            }>
                                {drawing}
                            </g>
                        </svg>
                    }.into_any()
                }}
            </div>
            <Legend/>
            <crate::view::list_view::ListView/>
        </div>
    }
}
