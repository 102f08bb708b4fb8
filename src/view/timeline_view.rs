//! The timeline: one lane per actor, events placed by date at their own precision (a month is
//! drawn as the whole month), zoom between the whole span and 2023 alone, pan by drag, wheel
//! and keys, and ←/→ to step through events in date order.
//!
//! The events are an ordered list of buttons in date order, so screen readers and the Tab key
//! meet them in time order; their positions are set through CSSOM (`style:` bindings), which a
//! strict `style-src` allows. On narrow screens the same list is shown vertically.

use crate::browser::dom::{self, FrameLoop};
use crate::i18n;
use crate::state::{use_app, Selection};
use atlas_core::number::Fixed;
use atlas_core::scene::text_width;
use atlas_core::timeline::{date_span, place_events, EventToPlace, TimeScale};
use atlas_core::view_state::TimeSpan;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// Height of one row of events within a lane, in CSS px.
const ROW_HEIGHT_PX: f64 = 40.0;
/// Space above a lane's first row.
const LANE_HEADER_PX: f64 = 3.0;
/// Width of the column of lane names on the left; the time axis starts after it.
const LANE_LABEL_PX: f64 = 112.0;
/// Height of the tick axis at the bottom.
const AXIS_PX: f64 = 26.0;
/// Below this width the timeline is shown as a vertical list.
const NARROW_PX: f64 = 560.0;
/// Duration of the smooth zoom between levels.
const ZOOM_ANIMATION_MS: f64 = 350.0;
/// Room kept right of the last event for its label, in CSS px.
const LABEL_ROOM_PX: f64 = 175.0;
/// The year the five 2023 documents and events fall in.
const FOCUS_YEAR: i32 = 2023;

/// The interactive timeline of the data set's events.
// Too long: being split into small parts (issue 22).
#[allow(clippy::too_many_lines)]
#[component]
pub fn TimelineView() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let container = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(0.0f64);
    let scale = RwSignal::new(TimeScale::year(FOCUS_YEAR, 0.0, 1.0));
    let frames = FrameLoop::default();
    // The scene this view was built for. A new data set rebuilds the whole view (see `app`),
    // so nothing here re-reads `state.scene`: a closure of the old view must never meet the
    // new scene's indices.
    let built_scene = state.scene.get_untracked();
    let drag: Rc<RefCell<Option<(f64, TimeScale)>>> = Rc::new(RefCell::new(None));

    // The whole span, with room on the right for the last event's label.
    let whole_span = move |w: f64| -> TimeScale {
        let fitted = state
            .scene
            .with_untracked(|s| TimeScale::fit(s.model.events.iter().map(|e| &e.date), 0.03, LANE_LABEL_PX, w));
        match fitted {
            Some(s) if w - LANE_LABEL_PX > 2.0 * LABEL_ROOM_PX => {
                let avail = w - LANE_LABEL_PX;
                let span = s.span_days() * avail / (avail - LABEL_ROOM_PX);
                TimeScale::new(s.domain_start, s.domain_start + span, LANE_LABEL_PX, w)
            }
            Some(s) => s,
            None => TimeScale::year(FOCUS_YEAR, LANE_LABEL_PX, w),
        }
    };
    let year_span = move |w: f64| -> TimeScale {
        let y = TimeScale::year(FOCUS_YEAR, LANE_LABEL_PX, w);
        let avail = w - LANE_LABEL_PX;
        let room =
            if avail > 2.0 * LABEL_ROOM_PX { y.span_days() * LABEL_ROOM_PX / (avail - LABEL_ROOM_PX) } else { 0.0 };
        TimeScale::new(y.domain_start - 8.0, y.domain_end + room, LANE_LABEL_PX, w)
    };

    // Smoothly moves the scale to `target` (or at once when reduced motion is asked for).
    let animate_to = {
        let frames = frames.clone();
        move |target: TimeScale| {
            if dom::prefers_reduced_motion() {
                scale.set(target);
                return;
            }
            let from = scale.get_untracked();
            let started: Rc<RefCell<Option<f64>>> = Rc::new(RefCell::new(None));
            frames.restart(move |now| {
                let t0 = *started.borrow_mut().get_or_insert(now);
                let t = ((now - t0) / ZOOM_ANIMATION_MS).min(1.0);
                let eased = 1.0 - (1.0 - t).powi(3);
                // Stop if the view was removed mid-animation.
                scale.try_set(from.lerp(&target, eased)).is_none() && t < 1.0
            });
        }
    };

    // Size: start on the whole span once the width is known, and keep the domain on resize.
    Effect::new(move |_| {
        let Some(el) = container.get() else { return };
        let el: web_sys::Element = el.into();
        let apply = move |w: f64| {
            if w <= 0.0 {
                return;
            }
            // The view may have been removed (a new data set): then there is nothing to do.
            let Some(previous) = width.try_get_untracked() else { return };
            let first = previous <= 0.0;
            width.set(w);
            if first {
                // A shared link may name the span; otherwise start on the whole span.
                let start = match state.time_span.get_untracked() {
                    Some(TimeSpan::Year(y)) if y == FOCUS_YEAR => year_span(w),
                    Some(TimeSpan::Year(y)) => TimeScale::year(y, LANE_LABEL_PX, w),
                    Some(TimeSpan::Days(a, b)) => TimeScale::new(a, b, LANE_LABEL_PX, w),
                    Some(TimeSpan::All) | None => whole_span(w),
                };
                scale.set(start);
            } else {
                scale.update(|s| *s = s.with_range(LANE_LABEL_PX, w));
            }
        };
        // The observer reports the first size after the page's first layout and before its first
        // paint: reading it here instead would force an extra layout of the whole page.
        dom::disconnect_on_cleanup(dom::observe_size(&el, move |w, _| apply(w)));
    });

    let narrow = move || width.get() > 0.0 && width.get() < NARROW_PX;

    // Events placed in lanes, recomputed when the scale, width or language changes.
    let placement = Memo::new({
        let built_scene = built_scene.clone();
        move |_| {
            let scene = built_scene.clone();
            let s = scale.get();
            let lang = lang.get();
            let to_place: Vec<EventToPlace> = scene
                .model
                .events
                .iter()
                .map(|e| {
                    let (start, end) = date_span(&e.date);
                    let lane = scene
                        .model
                        .node_idx(&e.actor)
                        .and_then(|a| scene.lanes.iter().position(|&l| l == a))
                        .unwrap_or(0);
                    let label_width = (text_width(e.title.get(lang), 12.0) + 16.0).clamp(60.0, 170.0);
                    EventToPlace { start, end, lane, label_width }
                })
                .collect();
            place_events(&to_place, &s, 6.0, scene.lanes.len())
        }
    });

    let lane_tops = Memo::new(move |_| {
        let (_, rows) = placement.get();
        let mut tops = Vec::with_capacity(rows.len() + 1);
        let mut y = 0.0;
        for r in rows {
            tops.push(y);
            y += LANE_HEADER_PX + r as f64 * ROW_HEIGHT_PX + 3.0;
        }
        tops.push(y);
        tops
    });
    let total_height = move || lane_tops.get().last().copied().unwrap_or(0.0) + AXIS_PX;

    // Steps from `from` (the event whose button has focus), else from the selected event.
    let select_step_from = move |from: Option<String>, delta: i64| {
        let scene = state.scene.get_untracked();
        let order = &scene.events_by_date;
        if order.is_empty() {
            return;
        }
        let from = from.or_else(|| match state.selection.get_untracked() {
            Selection::Event(id) => Some(id),
            _ => None,
        });
        let current = from.and_then(|id| scene.model.event_idx(&id)).and_then(|e| order.iter().position(|&o| o == e));
        let next = match (current, delta) {
            (None, d) if d >= 0 => 0,
            (None, _) => order.len() - 1,
            (Some(c), d) => (c as i64 + d).clamp(0, order.len() as i64 - 1) as usize,
        };
        let id = scene.model.events[order[next]].id.clone();
        state.selection.set(Selection::Event(id.clone()));
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(el) = doc.get_element_by_id(&format!("event-{id}")) {
                use wasm_bindgen::JsCast;
                if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = html.focus();
                }
            }
        }
    };

    let select_step = move |delta: i64| select_step_from(None, delta);

    // Keep the selected event in view: pan to it when it lies outside the visible span.
    {
        let animate_to = animate_to.clone();
        Effect::new(move |_| {
            // Not before the first width: the scale is a placeholder until then, and a pan
            // started from it would keep animating towards a zero-width range.
            if width.get() <= 0.0 {
                return;
            }
            let Selection::Event(id) = state.selection.get() else { return };
            let Some(date) = state.scene.with_untracked(|s| s.model.event(&id).map(|e| e.date)) else { return };
            let s = scale.get_untracked();
            let (start, end) = date_span(&date);
            if start < s.domain_start || end > s.domain_end {
                let half = s.span_days() / 2.0;
                let mid = (start + end) / 2.0;
                animate_to(TimeScale::new(mid - half, mid + half, s.range_start, s.range_end));
            }
        });
    }

    // The span the user panned or zoomed to, for the URL.
    let remember_span = move || {
        let s = scale.get_untracked();
        state.time_span.set(Some(TimeSpan::Days(s.domain_start.round(), s.domain_end.round())));
    };

    let on_pointer_down = {
        let drag = drag.clone();
        move |ev: web_sys::PointerEvent| {
            // Presses on an event's button select it; only the background pans.
            let on_button = ev
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .and_then(|el| el.closest("button").ok().flatten())
                .is_some();
            if on_button || ev.button() != 0 || narrow() {
                return;
            }
            *drag.borrow_mut() = Some((ev.client_x() as f64, scale.get_untracked()));
            if let Some(target) =
                ev.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            {
                let _ = target.set_pointer_capture(ev.pointer_id());
            }
        }
    };
    let on_pointer_move = {
        let drag = drag.clone();
        move |ev: web_sys::PointerEvent| {
            if let Some((x0, from)) = *drag.borrow() {
                scale.set(from.panned(ev.client_x() as f64 - x0));
                remember_span();
            }
        }
    };
    let on_pointer_up = {
        let drag = drag.clone();
        move |_: web_sys::PointerEvent| {
            *drag.borrow_mut() = None;
        }
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        if narrow() {
            return;
        }
        let Some(el) = container.get_untracked() else { return };
        let (x, _) = dom::local_point(&el.into(), ev.client_x() as f64, ev.client_y() as f64);
        // Horizontal wheel or shift+wheel pans; vertical wheel zooms.
        if ev.delta_x().abs() > ev.delta_y().abs() || ev.shift_key() {
            ev.prevent_default();
            let d = if ev.delta_x().abs() > ev.delta_y().abs() { ev.delta_x() } else { ev.delta_y() };
            scale.update(|s| *s = s.panned(-d));
        } else {
            ev.prevent_default();
            let delta = match ev.delta_mode() {
                1 => ev.delta_y() * 16.0,
                2 => ev.delta_y() * 400.0,
                _ => ev.delta_y(),
            };
            scale.update(|s| *s = s.zoomed_about(x, (-delta * 0.002).exp()));
        }
        remember_span();
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        // The event whose button has focus is where arrow keys start from.
        let focused = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|el| el.closest("button.event-button").ok().flatten())
            .map(|b| b.id())
            .and_then(|id| id.strip_prefix("event-").map(str::to_string));
        let step = move |delta: i64| select_step_from(focused.clone(), delta);
        // Shift with ←/→ pans by a quarter of the visible span instead of stepping.
        if ev.shift_key() && matches!(ev.key().as_str(), "ArrowLeft" | "ArrowRight") {
            ev.prevent_default();
            let s = scale.get_untracked();
            let quarter = (s.range_end - s.range_start) / 4.0;
            scale.set(s.panned(if ev.key() == "ArrowLeft" { quarter } else { -quarter }));
            remember_span();
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => {
                ev.prevent_default();
                step(1);
            }
            "ArrowLeft" | "ArrowUp" => {
                ev.prevent_default();
                step(-1);
            }
            "Home" => {
                ev.prevent_default();
                step(-10_000);
            }
            "End" => {
                ev.prevent_default();
                step(10_000);
            }
            "+" | "=" => scale.update(|s| *s = s.zoomed_about((s.range_start + s.range_end) / 2.0, 1.5)),
            "-" | "_" => scale.update(|s| *s = s.zoomed_about((s.range_start + s.range_end) / 2.0, 1.0 / 1.5)),
            "Escape" => state.selection.set(Selection::Nothing),
            _ => {}
        }
    };

    let ticks = move || {
        let s = scale.get();
        let lang = lang.get();
        let h = total_height();
        s.ticks(84.0)
            .into_iter()
            .map(|tick| {
                let x = s.screen_from_time(tick.day);
                view! {
                    <g class="tick" transform=format!("translate({x:.1},0)", x = Fixed(x))>
                        <line y1="0" y2=format!("{:.1}", Fixed(h - AXIS_PX))/>
                        <text y=format!("{:.1}", Fixed(h - 8.0)) x="3">{tick.label(lang)}</text>
                    </g>
                }
            })
            .collect_view()
    };
    let lanes_scene = built_scene.clone();
    let lanes = move || {
        let scene = lanes_scene.clone();
        let lang = lang.get();
        let tops = lane_tops.get();
        scene
            .lanes
            .iter()
            .enumerate()
            .map(|(k, &actor)| {
                let name = scene.model.nodes[actor].label.get(lang).to_string();
                let top = tops[k];
                let height = tops[k + 1] - top;
                view! {
                    <div class="lane" class:odd=k % 2 == 1 style:top=format!("{top:.0}px", top = Fixed(top)) style:height=format!("{height:.0}px", height = Fixed(height))>
                        <span class="lane-name">{name}</span>
                    </div>
                }
            })
            .collect_view()
    };

    let events_scene = built_scene.clone();
    let events = move || {
        let scene = events_scene.clone();
        let order = scene.events_by_date.clone();
        order
            .into_iter()
            .map(|e| {
                let ev = scene.model.events[e].clone();
                let id = ev.id.clone();
                let id_click = id.clone();
                let id_sel = id.clone();
                let scene2 = scene.clone();
                let selected = Memo::new(move |_| state.selection.get() == Selection::Event(id_sel.clone()));
                // Events related to the selected node are marked (a node selection in the graph
                // shows where it appears in time).
                let marked = Memo::new(move |_| match state.selection.get() {
                    Selection::Node(node) => scene2.model.events[e].actor == node || scene2.model.events[e].nodes.contains(&node),
                    _ => false,
                });
                // Presenting: events outside the current step are dimmed.
                let dimmed = Memo::new(move |_| crate::view::tour::focused_events(&state).is_some_and(|list| !list.contains(&e)));
                let pos = move || {
                    let (placed, _) = placement.get();
                    let p = placed[e];
                    let top = lane_tops.get()[p.lane] + LANE_HEADER_PX + p.row as f64 * ROW_HEIGHT_PX;
                    (p.x0, p.x1, top)
                };
                let precision = ev.date.precision();
                let date = ev.date;
                let title = ev.title.clone();
                view! {
                    <li class=format!("event precision-{:?}", precision).to_lowercase()
                        class:selected=move || selected.get() class:marked=move || marked.get() class:dim=move || dimmed.get()
                        style:left=move || format!("{:.1}px", Fixed(pos().0))
                        style:top=move || format!("{:.1}px", Fixed(pos().2))>
                        <span class="span-bar" aria-hidden="true" style:width=move || format!("{:.1}px", Fixed((pos().1 - pos().0).max(2.0)))></span>
                        <button type="button" id=format!("event-{id}") class="event-button"
                            aria-pressed=move || selected.get().to_string()
                            on:click=move |_| state.selection.set(Selection::Event(id_click.clone()))>
                            <span class="event-date">{move || date.display(lang.get())}</span>
                            <span class="event-title">{move || title.get(lang.get()).to_string()}</span>
                            <Show when=move || marked.get()>
                                <span class="marked-note">{move || match lang.get() { atlas_core::Lang::Zh => "（与所选节点相关）", atlas_core::Lang::En => " (related to the selected node)" }}</span>
                            </Show>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };

    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let go_whole = {
        let animate_to = animate_to.clone();
        move |_| {
            state.time_span.set(Some(TimeSpan::All));
            animate_to(whole_span(width.get_untracked().max(1.0)))
        }
    };
    let go_year = {
        let animate_to = animate_to.clone();
        move |_| {
            state.time_span.set(Some(TimeSpan::Year(FOCUS_YEAR)));
            animate_to(year_span(width.get_untracked().max(1.0)))
        }
    };
    let is_whole = move || {
        let s = scale.get();
        s.span_days() > 400.0
    };

    view! {
        <div class="timeline-view" class:vertical=narrow>
            <div class="toolbar" role="toolbar" aria-label=t(i18n::TIMELINE)>
                <button type="button" aria-pressed=move || is_whole().to_string() on:click=go_whole>{t(i18n::WHOLE_SPAN)}</button>
                <button type="button" aria-pressed=move || (!is_whole()).to_string() on:click=go_year>{t(i18n::YEAR_2023)}</button>
                <button type="button" aria-label=t(i18n::ZOOM_IN) title=t(i18n::ZOOM_IN)
                    on:click=move |_| scale.update(|s| *s = s.zoomed_about((s.range_start + s.range_end) / 2.0, 1.5))>"+"</button>
                <button type="button" aria-label=t(i18n::ZOOM_OUT) title=t(i18n::ZOOM_OUT)
                    on:click=move |_| scale.update(|s| *s = s.zoomed_about((s.range_start + s.range_end) / 2.0, 1.0 / 1.5))>"−"</button>
                <span class="toolbar-sep"></span>
                <button type="button" on:click=move |_| select_step(-1)>{t(i18n::PREVIOUS_EVENT)}</button>
                <button type="button" on:click=move |_| select_step(1)>{t(i18n::NEXT_EVENT)}</button>
            </div>
            <p class="sr-only" id="timeline-help">{t(i18n::TIMELINE_HELP)}</p>
            // tabindex -1: Firefox would otherwise make this scroll box a Tab stop of its own; the
            // event buttons inside are the stops, and focusing one scrolls it into view.
            <div class="timeline-scroll" tabindex="-1">
            <div class="timeline-canvas" node_ref=container
                style:height=move || if narrow() { "auto".to_string() } else { format!("{:.0}px", Fixed(total_height())) }
                on:pointerdown=on_pointer_down on:pointermove=on_pointer_move
                on:pointerup=on_pointer_up.clone() on:pointercancel=on_pointer_up on:wheel=on_wheel>
                <div class="lanes" aria-hidden="true">{lanes}</div>
                <svg class="axis" aria-hidden="true" style:height=move || format!("{:.0}px", Fixed(total_height()))>{ticks}</svg>
                <ol class="events" aria-labelledby="timeline-heading" aria-describedby="timeline-help" on:keydown=on_key>
                    {events}
                </ol>
            </div>
            </div>
        </div>
    }
}
