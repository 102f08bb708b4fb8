//! The graph view: the force or argument layout of the reading, drawn as SVG (or, for large
//! data sets, on a canvas), with its toolbar and its legend-and-filter panel.
//!
//! The parts: [`runtime`] (the controller: simulation, positions, camera, redraw), [`svg`] and
//! [`canvas`] (two painters of one frame, `atlas_core::frame`), [`input`] (pointer, wheel and
//! keys), [`toolbar`], [`pins`]. This file wires them to the app state: each effect below feeds
//! the controller one kind of change.

pub mod canvas;
pub mod input;
pub mod pins;
pub mod runtime;
pub mod svg;
pub mod toolbar;

use crate::browser::dom;
use crate::i18n;
use crate::state::{use_app, AppState};
use crate::view::legend::Legend;
use atlas_core::drawing::{highlight, Focus};
use atlas_core::scene::{Scene, LARGE_GRAPH_NODES};
use atlas_core::tour::{label_boosts, shown_nodes, step_nodes};
use atlas_core::view_state::{GraphLayout, Selected};
use leptos::prelude::*;
use runtime::{Graph, GraphRuntime, Painter};
use std::sync::Arc;
use toolbar::GraphToolbar;

/// The labels' font size: larger in the projector theme, larger still on the presenting stage
/// (a little less for a step of many nodes, so more of them get their names); on a phone-sized
/// window only a little larger, so the step's names still fit.
pub fn label_px(state: &AppState) -> f64 {
    let narrow = crate::browser::dom::window_width().is_some_and(|w| w < 700.0);
    let step_size = state.tour.get().map(|at| state.scene.with(|s| step_nodes(&s.tour, at.step).len()));
    match (step_size, state.projector.get(), narrow) {
        (Some(_), _, true) => 15.0,
        (Some(n), _, false) if n > STAGE_CROWDED_STEP => 17.0,
        (Some(_), _, false) => 20.0,
        (None, true, _) => 16.0,
        (None, false, _) => 13.0,
    }
}

/// A step with more nodes than this is drawn with smaller labels on the stage.
const STAGE_CROWDED_STEP: usize = 14;

/// What the current selection, hover and tour focus, by node index.
fn focus_of(state: &AppState, scene: &Scene) -> (Focus, Option<usize>) {
    let selection = state.drawn_selection();
    let node = match &selection {
        Selected::Node(id) => scene.model.node_idx(id),
        _ => None,
    };
    let set = match &selection {
        Selected::Event(id) => scene.model.event_idx(id).map(|e| scene.event_nodes[e].clone()),
        Selected::Group(id) => scene.model.groups.iter().position(|g| &g.id == id).map(|g| scene.group_nodes(g)),
        Selected::Link(key) => scene.model.link_idx(key).and_then(|k| scene.link_ends.get(k)).map(|&(s, t)| vec![s, t]),
        _ => None,
    };
    let tour = state.tour.get().map(|at| shown_nodes(&scene.tour, at));
    (Focus { hovered: state.hovered.get(), tour, node, set }, node)
}

/// Feeds the controller what changes: language and type size, filter, highlight, search,
/// layout, and the tour's camera.
fn sync_state(state: AppState, graph: &Graph, scene: &Arc<Scene>) {
    {
        let graph = graph.clone();
        Effect::new(move |_| {
            let lang = state.lang.get();
            let px = label_px(&state);
            let presenting = state.tour.get().is_some();
            let mut rt = graph.borrow_mut();
            rt.lang = lang;
            rt.label_px = px;
            rt.group_names = !presenting;
            // Out of focus, a node keeps its name where the others leave room: a student who
            // selects a node or a link still reads what the faded shapes are (trials 15 and 16
            // saw 12 of 22 names go with a node selected, 20 of 22 with a link). The stage
            // names only what its step shows, from the editor too: "Present this step" is there
            // to show a step as students will see it (trial 23's showed its faded nodes named).
            rt.dimmed_named = !presenting;
            // A new view of the map decides the group names' order afresh (Frame::names_last).
            rt.last.names_last = None;
            // The projector theme changes the colours the canvas reads from CSS.
            if let Painter::Canvas(canvas) = &mut rt.painter {
                canvas.refresh_palette();
            }
            if rt.mode == GraphLayout::Argument {
                rt.place_argument();
            }
            rt.restyle();
        });
    }
    {
        let (graph, scene) = (graph.clone(), scene.clone());
        Effect::new(move |previous: Option<()>| {
            let visible = state.hidden.with(|hidden| scene.visible(hidden));
            {
                let mut rt = graph.borrow_mut();
                rt.visible = visible;
                rt.last.names_last = None;
            }
            graph.borrow_mut().restyle();
            if previous.is_some() {
                graph.fit(None, true);
            }
        });
    }
    {
        let (graph, scene) = (graph.clone(), scene.clone());
        Effect::new(move |_| {
            let (focus, selected) = focus_of(&state, &scene);
            let steady = highlight(&scene, &Focus { hovered: None, ..focus.clone() }).nodes;
            let boosts =
                state.tour.get().map(|at| label_boosts(&scene.tour, at, scene.model.nodes.len())).unwrap_or_default();
            graph.borrow_mut().boosts = boosts;
            graph.set_highlight(highlight(&scene, &focus), steady, focus.hovered, selected);
            if let Some(i) = selected {
                graph.borrow_mut().focus_node = i;
                graph.reveal(&[i]);
            } else if let Selected::Link(key) = state.drawn_selection() {
                // A link chosen in Details or by an address: both its ends in view.
                if let Some(&(s, t)) = scene.model.link_idx(&key).and_then(|k| scene.link_ends.get(k)) {
                    graph.reveal(&[s, t]);
                }
            }
        });
    }
    {
        let (graph, scene) = (graph.clone(), scene.clone());
        Effect::new(move |_| {
            let hits = state.search.with(|q| scene.search(q));
            let mut matches = vec![false; scene.model.nodes.len()];
            for i in hits {
                matches[i] = true;
            }
            let mut rt = graph.borrow_mut();
            rt.matches = matches;
            rt.restyle();
        });
    }
    {
        let graph = graph.clone();
        Effect::new(move |previous: Option<GraphLayout>| {
            let mode = state.layout.get();
            if previous.is_some_and(|p| p != mode) || (previous.is_none() && mode != GraphLayout::Force) {
                {
                    let mut rt = graph.borrow_mut();
                    rt.mode = mode;
                    rt.place_argument();
                }
                graph.fit(None, previous.is_some());
            }
            mode
        });
    }
    // Presenting: the camera frames the step's revealed nodes, and the tour ended goes back to
    // the view it began from.
    {
        let (graph, scene) = (graph.clone(), scene.clone());
        Effect::new(move |previous: Option<bool>| {
            let at = state.tour.get();
            let known = graph.with(|rt| rt.viewport.0 > 0.0);
            if at.is_some() && previous != Some(true) {
                graph.borrow_mut().note_view_before_tour();
            }
            match at {
                // The whole step from its first press: reveals add nodes, nothing moves.
                Some(at) if known => graph.fit(Some(&step_nodes(&scene.tour, at.step)), true),
                None if previous == Some(true) => {
                    if graph.borrow_mut().back_to_view_before_tour() {
                        graph.run();
                    } else if graph.with(GraphRuntime::has_view_before_tour) {
                        // Back at the next size report; if none brings the surface to the
                        // size it had (a window resized meanwhile), fitted whole, unless
                        // presenting again by then (that tour ends back at the same view).
                        let graph = graph.clone();
                        set_timeout(
                            move || {
                                if state.tour.with_untracked(Option::is_none)
                                    && graph.borrow_mut().forget_view_before_tour()
                                {
                                    graph.fit(None, true);
                                }
                            },
                            std::time::Duration::from_millis(400),
                        );
                    } else {
                        // No view noted (the page opened presenting): the whole graph.
                        graph.fit(None, true);
                    }
                }
                _ => {}
            }
            at.is_some()
        });
    }
}

/// The graph's toolbar (which floats over the surface's top left), in surface pixels.
fn toolbar_rect(surface: &web_sys::Element) -> Option<atlas_core::placement::Rect> {
    let toolbar = surface.parent_element()?.query_selector(".graph-toolbar").ok()??;
    let (t, s) = (toolbar.get_bounding_client_rect(), surface.get_bounding_client_rect());
    (t.width() > 0.0)
        .then(|| atlas_core::placement::Rect::new(t.left() - s.left(), t.top() - s.top(), t.width(), t.height()))
}

/// Once mounted: find the painter's elements, and follow the surface's size (fitting the view
/// the first time, and after a resize while it shows the whole graph).
fn attach(
    state: AppState,
    graph: &Graph,
    surface: NodeRef<leptos::html::Div>,
    svg: NodeRef<leptos::svg::Svg>,
    canvas: NodeRef<leptos::html::Canvas>,
) {
    let graph = graph.clone();
    Effect::new(move |_| {
        let Some(surface) = surface.get() else { return };
        {
            let mut rt = graph.borrow_mut();
            if let Some(svg) = svg.get() {
                rt.painter = Painter::Svg(svg::SvgPainter::attach(&svg.into()));
            }
            if let Some(canvas) = canvas.get() {
                if let Some(painter) = canvas::CanvasPainter::new(canvas) {
                    rt.painter = Painter::Canvas(painter);
                }
            }
            rt.restyle();
        }
        let graph = graph.clone();
        let surface_el: web_sys::Element = surface.into();
        let toolbar_of = surface_el.clone();
        let observer = dom::observe_size(&surface_el, move |w, h| {
            if w <= 0.0 || h <= 0.0 {
                return;
            }
            let (first, refit) = {
                let mut rt = graph.borrow_mut();
                let first = rt.viewport.0 <= 0.0;
                // A report of the size it had, give or take a pixel, is no resize: a rebuilt
                // graph's first report can be in whole pixels and the next in fractions of
                // one, and that second report refitted a fitted view after every edit, which
                // zoomed the whole map as a link drew a far node in (trial 23 found its nodes
                // moved after links it did not draw to them).
                let resized = first || !runtime::same_size((w, h), rt.viewport);
                rt.viewport = (w, h);
                rt.blocked = toolbar_rect(&toolbar_of).into_iter().collect();
                if rt.mode == GraphLayout::Argument {
                    rt.place_argument();
                }
                let touring = state.tour.with_untracked(Option::is_some);
                // An edit of the map keeps the view that showed it, while it shows every node;
                // the tour ended goes back to the view it began from.
                let kept = !touring && (rt.back_to_view_before_tour() || rt.keep_view(first));
                // The stage keeps its step framed whatever the caption and the strip take.
                (first, !kept && resized && (first || rt.auto_fit || touring))
            };
            if refit {
                let scene = graph.with(|rt| rt.scene.clone());
                let shown: Vec<usize> =
                    state.show.get_untracked().iter().filter_map(|id| scene.model.node_idx(id)).collect();
                let tour = state.tour.get_untracked().map(|at| step_nodes(&scene.tour, at.step));
                let frame_on = tour.or((first && !shown.is_empty()).then_some(shown));
                graph.fit(frame_on.as_deref(), false);
            } else {
                graph.run();
            }
        });
        dom::disconnect_on_cleanup(observer);
    });
}

/// The graph with its toolbar and filter panel.
#[component]
pub fn GraphView() -> impl IntoView {
    let state = use_app();
    let scene = state.scene.get_untracked();
    let use_canvas = scene.model.nodes.len() > LARGE_GRAPH_NODES;
    let graph = Graph::new(scene.clone(), state.lang.get_untracked());
    pins::restore(&state, &graph);
    let current = use_context::<crate::view::menu::CurrentGraph>();
    // An edit of the map keeps the view, and the nodes it moved glide there from where they were.
    let (kept, was_at) = current
        .and_then(|c| c.0.get_value())
        .and_then(|before| before.with(|rt| Some((rt.view_for(&scene)?, rt.places_by_id()))))
        .unzip();
    if let Some(current) = current {
        current.0.set_value(Some(graph.clone()));
    }
    let surface = NodeRef::<leptos::html::Div>::new();
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let filter_open = RwSignal::new(false);
    graph.borrow_mut().kept_view = kept;
    if let Some(was_at) = was_at {
        graph.borrow_mut().glide_from(&was_at);
    }
    attach(state, &graph, surface, svg, canvas);
    sync_state(state, &graph, &scene);
    // A large graph arrives still moving: it settles on screen.
    if !graph.with(|rt| rt.simulation.is_settled()) {
        graph.run();
    }
    on_cleanup({
        let graph = graph.clone();
        move || graph.with(|rt| rt.frames.stop())
    });

    let t = move |ui: i18n::Ui| move || ui.get(state.lang.get());
    let surface_el = move || surface.get_untracked().map(|s| -> web_sys::Element { s.into() });
    let (g_down, g_move, g_up, g_wheel, g_key, g_focus, g_over, g_dbl) = (
        graph.clone(),
        graph.clone(),
        graph.clone(),
        graph.clone(),
        graph.clone(),
        graph.clone(),
        graph.clone(),
        graph.clone(),
    );
    let on_up = move |ev: web_sys::PointerEvent| {
        if let Some(s) = surface_el() {
            input::pointer_up(&g_up, &state, &s, &ev);
        }
    };
    let lang = Signal::derive(move || state.lang.get());
    let announce_scene = scene.clone();
    let g_announce = graph.clone();
    let drawing = if use_canvas {
        // Named again when the keyboard moves (hover) or a selection moves the focus.
        let announce = move || {
            let selected = match state.drawn_selection() {
                Selected::Node(id) => announce_scene.model.node_idx(&id),
                _ => None,
            };
            let i = state.hovered.get().or(selected).unwrap_or_else(|| g_announce.with(|rt| rt.focus_node));
            announce_scene
                .model
                .nodes
                .get(i)
                .map(|n| format!("{}, {}", n.label.get(lang.get()), n.kind.label(lang.get())))
        };
        view! {
            <canvas node_ref=canvas class="graph-canvas" tabindex="0" role="application"
                aria-roledescription=t(i18n::GRAPH_CANVAS) aria-labelledby="graph-heading"
                aria-describedby="graph-help canvas-focus"></canvas>
            <p id="canvas-focus" class="sr-only" aria-live="polite">{announce}</p>
        }
        .into_any()
    } else {
        view! {
            <svg node_ref=svg class="graph-svg" role="group" aria-labelledby="graph-heading" aria-describedby="graph-help">
                {svg::drawing(scene.clone(), lang)}
            </svg>
        }
        .into_any()
    };
    view! {
        <div class="graph-view">
            <GraphToolbar graph=graph.clone() filter_open=filter_open/>
            <p class="sr-only" id="graph-help">{t(i18n::GRAPH_HELP)}</p>
            <div class="graph-surface" node_ref=surface
                on:pointerdown=move |ev| if let Some(s) = surface_el() { input::pointer_down(&g_down, &state, &s, &ev) }
                on:pointermove=move |ev| if let Some(s) = surface_el() { input::pointer_move(&g_move, &state, &s, &ev) }
                on:pointerup=on_up.clone() on:pointercancel=on_up
                on:wheel=move |ev| if let Some(s) = surface_el() { input::wheel(&g_wheel, &s, &ev) }
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    let node = input::node_of_event(&g_key, &ev, (f64::NAN, f64::NAN)).or_else(|| use_canvas.then(|| g_key.with(|rt| rt.focus_node)));
                    match node {
                        Some(node) => input::node_key(&g_key, &state, &ev, node),
                        None => match ev.key().as_str() {
                            "+" | "=" => input::zoom_by(&g_key, 1.25),
                            "-" | "_" => input::zoom_by(&g_key, 0.8),
                            "0" => g_key.fit(None, true),
                            "Escape" => state.selection.set(Selected::Nothing),
                            _ => {}
                        },
                    }
                }
                on:focusin=move |ev: web_sys::FocusEvent| {
                    if let Some(i) = input::node_of_event(&g_focus, &ev, (f64::NAN, f64::NAN)) {
                        g_focus.borrow_mut().focus_node = i;
                        state.hovered.set(Some(i));
                    }
                }
                on:focusout=move |_| state.hovered.set(None)
                on:pointerover=move |ev: web_sys::PointerEvent| {
                    if ev.pointer_type() == "mouse" {
                        state.hovered.set(input::node_of_event(&g_over, &ev, (f64::NAN, f64::NAN)));
                    }
                }
                on:pointerleave=move |_| state.hovered.set(None)
                on:dblclick=move |ev: web_sys::MouseEvent| {
                    if let Some(i) = input::node_of_event(&g_dbl, &ev, (f64::NAN, f64::NAN)) {
                        pins::release(&state, &g_dbl, i);
                    }
                }>
                {drawing}
            </div>
            <Show when=move || filter_open.get()>
                <div id="graph-filter" class="graph-filter" on:keydown=move |ev: web_sys::KeyboardEvent| {
                    // Escape closes the panel as it closes a dialog, without clearing the selection.
                    if ev.key() == "Escape" {
                        ev.stop_propagation();
                        filter_open.set(false);
                    }
                }>
                    <button type="button" class="close-filter" on:click=move |_| filter_open.set(false)
                        aria-label=t(i18n::CLOSE)>"×"</button>
                    <Legend/>
                </div>
            </Show>
        </div>
    }
}
