//! What the pointer, the wheel and the keyboard do to the graph: click selects, drag moves and
//! pins a node (force layout) or pans, two fingers pinch-zoom, the wheel zooms (force layout) or
//! scrolls (argument layout), arrow keys move between neighbours. One set of handlers on the
//! drawing surface serves every node (events bubble up from the node under the pointer).

use super::pins;
use super::runtime::{clamp_argument_pan, Gesture, Graph, Pinch};
use crate::browser::dom;
use crate::state::AppState;
use atlas_core::drawing::{link_at, node_at, node_in_direction};
use atlas_core::view_state::{GraphLayout, Selected};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Pointer movement (CSS px) below which a press counts as a click, not a drag.
const CLICK_SLOP_PX: f64 = 4.0;

/// How near a link's line (CSS px) a click or the mouse counts as on it: a line is drawn
/// 1.3 px wide, too thin to hit.
const LINK_SLOP_PX: f64 = 5.0;
/// The same for a tap of a finger or a pen, which lands less precisely.
const LINK_SLOP_TOUCH_PX: f64 = 11.0;

/// The link whose line passes within `slop` of the surface point `at`.
fn link_under(graph: &Graph, at: (f64, f64), slop: f64) -> Option<usize> {
    graph.with(|rt| {
        let last = &rt.last;
        link_at(&rt.scene.link_ends, (&last.xs, &last.ys, &last.radii), &rt.visible, at, slop)
    })
}

/// The surface-relative point of a pointer event.
fn point(surface: &web_sys::Element, ev: &web_sys::MouseEvent) -> (f64, f64) {
    dom::local_point(surface, ev.client_x() as f64, ev.client_y() as f64)
}

/// The node an event happened on: the SVG element's `data-index`, or the canvas hit test.
pub fn node_of_event(graph: &Graph, ev: &web_sys::Event, at: (f64, f64)) -> Option<usize> {
    let from_svg = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("g.node").ok().flatten())
        .and_then(|g| g.get_attribute("data-index"))
        .and_then(|s| s.parse::<usize>().ok());
    from_svg.or_else(|| {
        graph.with(|rt| {
            if !matches!(rt.painter, super::runtime::Painter::Canvas(_)) {
                return None;
            }
            // A shape, else a label drawn on the canvas.
            node_at(&rt.last.xs, &rt.last.ys, &rt.last.radii, &rt.visible, at.0, at.1, 4.0).or_else(|| {
                rt.last.labels.iter().position(|label| {
                    label.is_some_and(|l| {
                        at.0 >= l.rect.x
                            && at.0 <= l.rect.right()
                            && at.1 >= l.rect.y
                            && at.1 <= l.rect.y + l.rect.height
                    })
                })
            })
        })
    })
}

/// The node a press or the mouse is on, but for a node's name (off its shape) over the line of
/// a link that does not touch it: the line takes it. A student's click on a link's line where
/// a name crossed it opened that node instead (trial 17). Not while the editor waits for a
/// node (a link's other end): a link is not what it takes, and the name is the node's.
fn node_pressed(graph: &Graph, state: &AppState, ev: &web_sys::Event, at: (f64, f64)) -> Option<usize> {
    let node = node_of_event(graph, ev, at)?;
    if state.picking.get_untracked() {
        return Some(node);
    }
    let off_shape = graph.with(|rt| {
        let last = &rt.last;
        match (last.xs.get(node), last.ys.get(node), last.radii.get(node)) {
            (Some(&x), Some(&y), Some(&r)) => (at.0 - x).hypot(at.1 - y) > r + 4.0,
            _ => false,
        }
    });
    let crossing = off_shape
        && link_under(graph, at, LINK_SLOP_PX)
            .is_some_and(|k| graph.with(|rt| rt.scene.link_ends.get(k).is_some_and(|&(s, t)| s != node && t != node)));
    (!crossing).then_some(node)
}

pub fn pointer_down(graph: &Graph, state: &AppState, surface: &web_sys::Element, ev: &web_sys::PointerEvent) {
    if ev.button() != 0 {
        return;
    }
    let p = point(surface, ev);
    let node = node_pressed(graph, state, ev, p);
    let mut rt = graph.borrow_mut();
    rt.pointers.insert(ev.pointer_id(), p);
    if rt.pointers.len() == 2 {
        // Two fingers: pinch zoom replaces whatever the first finger was doing.
        let pts: Vec<(f64, f64)> = rt.pointers.values().copied().collect();
        let distance = ((pts[0].0 - pts[1].0).powi(2) + (pts[0].1 - pts[1].1).powi(2)).sqrt().max(1.0);
        let mid = ((pts[0].0 + pts[1].0) / 2.0, (pts[0].1 + pts[1].1) / 2.0);
        rt.gestures.clear();
        rt.pinch = Some(Pinch { distance, from: rt.camera, mid });
        return;
    }
    let gesture = match node {
        Some(node) => {
            // Keep the point where the node was grabbed under the pointer.
            let (wx, wy) = rt.camera.world_from_screen(p.0, p.1);
            let (xs, ys) = rt.positions();
            Gesture::Node { node, start: p, dragging: false, grab: (xs[node] - wx, ys[node] - wy) }
        }
        None => Gesture::Pan { start: p, from: rt.camera, moved: false },
    };
    rt.gestures.insert(ev.pointer_id(), gesture);
    drop(rt);
    if let Some(target) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
        let _ = target.set_pointer_capture(ev.pointer_id());
    }
}

pub fn pointer_move(graph: &Graph, state: &AppState, surface: &web_sys::Element, ev: &web_sys::PointerEvent) {
    let p = point(surface, ev);
    let mut dragged = None;
    {
        let mut rt = graph.borrow_mut();
        if rt.pointers.contains_key(&ev.pointer_id()) {
            rt.pointers.insert(ev.pointer_id(), p);
        }
        if let Some(pinch) = rt.pinch {
            let pts: Vec<(f64, f64)> = rt.pointers.values().copied().collect();
            if pts.len() == 2 {
                let distance = ((pts[0].0 - pts[1].0).powi(2) + (pts[0].1 - pts[1].1).powi(2)).sqrt();
                rt.auto_fit = false;
                rt.camera = pinch.from.zoomed_about(pinch.mid.0, pinch.mid.1, distance / pinch.distance);
                rt.redraw();
            }
            return;
        }
        let Some(gesture) = rt.gestures.get(&ev.pointer_id()).copied() else {
            drop(rt);
            // A pointer over a link's line shows that a click there opens it; a node's name the
            // line crosses is then not the node hovered.
            let over = ev.pointer_type() == "mouse"
                && node_pressed(graph, state, ev, p).is_none()
                && link_under(graph, p, LINK_SLOP_PX).is_some();
            let _ = surface.class_list().toggle_with_force("over-link", over);
            if over && state.hovered.get_untracked().is_some() {
                state.hovered.set(None);
            }
            return;
        };
        match gesture {
            Gesture::Pan { start, from, moved } => {
                if !moved && ((p.0 - start.0).powi(2) + (p.1 - start.1).powi(2)).sqrt() >= CLICK_SLOP_PX {
                    rt.gestures.insert(ev.pointer_id(), Gesture::Pan { start, from, moved: true });
                }
                rt.auto_fit = false;
                let mut t = from.panned(p.0 - start.0, p.1 - start.1);
                if let (GraphLayout::Argument, Some(a)) = (rt.mode, &rt.argument) {
                    t = clamp_argument_pan(t, a, rt.viewport.0, rt.viewport.1);
                }
                rt.camera = t;
                rt.redraw();
            }
            Gesture::Node { node, start, dragging, grab } => {
                let moved = ((p.0 - start.0).powi(2) + (p.1 - start.1).powi(2)).sqrt();
                if (!dragging && moved < CLICK_SLOP_PX) || rt.mode != GraphLayout::Force {
                    return;
                }
                if !dragging {
                    rt.hold_others(node);
                }
                rt.gestures.insert(ev.pointer_id(), Gesture::Node { node, start, dragging: true, grab });
                let (px, py) = rt.camera.world_from_screen(p.0, p.1);
                let (wx, wy) = (px + grab.0, py + grab.1);
                rt.simulation.pin(node, wx, wy);
                rt.world_xs[node] = wx;
                rt.world_ys[node] = wy;
                if rt.simulation.alpha() < 0.3 {
                    rt.simulation.set_alpha(0.3);
                }
                if rt.pinned.insert(node) {
                    rt.restyle();
                }
                dragged = Some(node);
            }
        }
    }
    if dragged.is_some() {
        graph.run();
        let _ = state;
    }
}

pub fn pointer_up(graph: &Graph, state: &AppState, surface: &web_sys::Element, ev: &web_sys::PointerEvent) {
    let gesture = {
        let mut rt = graph.borrow_mut();
        rt.pointers.remove(&ev.pointer_id());
        if rt.pointers.len() < 2 {
            rt.pinch = None;
        }
        rt.gestures.remove(&ev.pointer_id())
    };
    match gesture {
        Some(Gesture::Node { node, dragging: false, .. }) => {
            let id = graph.with(|rt| rt.scene.model.nodes.get(node).map(|n| n.id.clone()));
            if let Some(id) = id {
                state.select(Selected::Node(id));
            }
        }
        Some(Gesture::Node { dragging: true, .. }) => pins::save(state, graph),
        // A click (not a pan, not a cancelled touch) on a link's line selects the link: its
        // details hold its sentence and quotes; elsewhere on the background, nothing.
        Some(Gesture::Pan { start, moved: false, .. }) if ev.type_() == "pointerup" => {
            let p = point(surface, ev);
            if ((p.0 - start.0).powi(2) + (p.1 - start.1).powi(2)).sqrt() >= CLICK_SLOP_PX {
                return;
            }
            let slop = if ev.pointer_type() == "mouse" { LINK_SLOP_PX } else { LINK_SLOP_TOUCH_PX };
            // Off every line, a click on the background lets go of the selection, as Esc does
            // (trial 13 clicked there to get back the other nodes' names); not while presenting
            // (what was chosen before the tour comes back after it), nor for a finger's tap,
            // which may just miss a node.
            let key = link_under(graph, p, slop).and_then(|k| graph.with(|rt| rt.scene.model.link_key(k)));
            match key {
                Some(key) => state.select(Selected::Link(key)),
                None if state.tour.get_untracked().is_none() && ev.pointer_type() != "touch" => {
                    state.select(Selected::Nothing)
                }
                None => {}
            }
        }
        _ => {}
    }
}

pub fn wheel(graph: &Graph, surface: &web_sys::Element, ev: &web_sys::WheelEvent) {
    ev.prevent_default();
    let (x, y) = point(surface, ev);
    // Pixel deltas from a trackpad are small and frequent; line deltas from a wheel are big.
    let scale_delta = |d: f64| match ev.delta_mode() {
        1 => d * 16.0,
        2 => d * 400.0,
        _ => d,
    };
    let (dx, dy) = (scale_delta(ev.delta_x()), scale_delta(ev.delta_y()));
    let mut rt = graph.borrow_mut();
    rt.auto_fit = false;
    let scrolls = rt.mode == GraphLayout::Argument && !ev.ctrl_key();
    let t = if scrolls {
        let (dx, dy) = if ev.shift_key() { (dy, 0.0) } else { (dx, dy) };
        rt.camera.panned(-dx, -dy)
    } else {
        rt.camera.zoomed_about(x, y, (-dy * 0.002).exp())
    };
    rt.camera = match (rt.mode, &rt.argument) {
        (GraphLayout::Argument, Some(a)) => clamp_argument_pan(t, a, rt.viewport.0, rt.viewport.1),
        _ => t,
    };
    rt.redraw();
}

/// Zooms about the view's centre (the toolbar's buttons, the `+`/`−` keys).
pub fn zoom_by(graph: &Graph, factor: f64) {
    let mut rt = graph.borrow_mut();
    let (w, h) = rt.viewport;
    rt.auto_fit = false;
    rt.camera = rt.camera.zoomed_about(w / 2.0, h / 2.0, factor);
    rt.redraw();
}

/// Moves keyboard focus to node `i` (its SVG button, or the canvas's announced node).
pub fn focus_node(graph: &Graph, state: &AppState, i: usize) {
    {
        let mut rt = graph.borrow_mut();
        rt.focus_node = i;
        rt.restyle();
    }
    state.hovered.set(Some(i));
    let svg_node = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!("#graph-region g.node[data-index=\"{i}\"]")).ok().flatten());
    if let Some(el) = svg_node.and_then(|el| el.dyn_into::<web_sys::SvgElement>().ok()) {
        let _ = el.focus();
    }
    graph.reveal(&[i]);
}

/// Keys on a node (or on the canvas, for its focused node): arrows move to the neighbour that
/// way, Enter or Space selects, Escape clears, U releases a pin; `+`, `−` and `0` zoom and fit.
pub fn node_key(graph: &Graph, state: &AppState, ev: &web_sys::KeyboardEvent, node: usize) {
    let direction = match ev.key().as_str() {
        "ArrowRight" => Some((1.0, 0.0)),
        "ArrowLeft" => Some((-1.0, 0.0)),
        "ArrowUp" => Some((0.0, -1.0)),
        "ArrowDown" => Some((0.0, 1.0)),
        _ => None,
    };
    if let Some((dx, dy)) = direction {
        ev.prevent_default();
        let next = graph.with(|rt| {
            let neighbours = rt.scene.neighbours.get(node).map(Vec::as_slice).unwrap_or(&[]);
            node_in_direction(&rt.last.xs, &rt.last.ys, neighbours, &rt.visible, node, dx, dy)
        });
        if let Some(next) = next {
            focus_node(graph, state, next);
        }
        return;
    }
    match ev.key().as_str() {
        "Enter" | " " => {
            ev.prevent_default();
            if let Some(id) = graph.with(|rt| rt.scene.model.nodes.get(node).map(|n| n.id.clone())) {
                state.select(Selected::Node(id));
            }
        }
        "Escape" => state.selection.set(Selected::Nothing),
        "u" | "U" => pins::release(state, graph, node),
        "+" | "=" => zoom_by(graph, 1.25),
        "-" | "_" => zoom_by(graph, 0.8),
        "0" => graph.fit(None, true),
        _ => {}
    }
}
