//! The timeline strip's parts: the axis (ticks at the top, a marked break where empty years are
//! compressed, each event's date marked), the list of event cards, and the strip's pointer,
//! wheel and key handlers.

use super::cards::{caption, CardLayout};
use crate::browser::dom;
use crate::state::AppState;
use atlas_core::number::Fixed;
use atlas_core::scene::Scene;
use atlas_core::timeline::{TimeAxis, TimeScale};
use atlas_core::view_state::Selected;
use atlas_core::Lang;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The axis's height above the cards.
pub const AXIS_PX: f64 = 26.0;

fn px(v: f64) -> String {
    format!("{:.1}", Fixed(v))
}

/// The tick labels' font size (`.tick text` in style.css).
const TICK_LABEL_PX: f64 = 11.0;
/// The room between a tick and its label.
const TICK_LABEL_GAP: f64 = 3.0;

/// The axis: year (or month) ticks with their labels, the breaks, and a mark at each event's
/// date (a bar as long as the date's precision), joined to its card when the card sits apart.
pub fn axis_view(
    axis: Arc<TimeAxis>,
    scale: RwSignal<TimeScale>,
    layout: Memo<CardLayout>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let ticks = {
        let axis = axis.clone();
        move || {
            let s = scale.get();
            let lang = lang.get();
            // Where the label drawn last ends: a label never runs into it.
            let mut last_end = f64::NEG_INFINITY;
            axis.ticks(&s, 72.0)
                .into_iter()
                .map(|tick| {
                    let x = s.screen_from_time(tick.day);
                    let label = tick.label(lang);
                    let width = atlas_core::label::text_width(&label, TICK_LABEL_PX) * 1.1;
                    // A label that would run past the scale's end (a little in from the strip's)
                    // ends at its tick instead (trial 15 read "Jan 20…" at the right edge);
                    // where that would run into the label before it, or past the strip's
                    // start, the tick goes without one.
                    let clear_of_last = |left: f64| left >= last_end + 2.0 * TICK_LABEL_GAP;
                    let place = if x + TICK_LABEL_GAP + width <= s.range_end && clear_of_last(x + TICK_LABEL_GAP) {
                        last_end = x + TICK_LABEL_GAP + width;
                        Some(("3", "start"))
                    } else if x - TICK_LABEL_GAP - width >= 0.0 && clear_of_last(x - TICK_LABEL_GAP - width) {
                        last_end = x;
                        Some(("-3", "end"))
                    } else {
                        None
                    };
                    view! {
                        <g class="tick" transform=format!("translate({},0)", px(x))>
                            <line y1="16" y2="100%"/>
                            {place.map(|(label_x, anchor)| view! { <text y="12" x=label_x text-anchor=anchor>{label}</text> })}
                        </g>
                    }
                })
                .collect_view()
        }
    };
    let breaks = move || {
        let s = scale.get();
        axis.breaks
            .iter()
            .map(|b| {
                let (x0, x1) = (s.screen_from_time(axis.warp(b.start)), s.screen_from_time(axis.warp(b.end)));
                let mid = (x0 + x1) / 2.0;
                view! {
                    <g class="axis-break" transform=format!("translate({},0)", px(mid))>
                        <rect x=px((x0 - x1) / 2.0) y="0" width=px((x1 - x0).max(2.0)) height="100%"/>
                        <path d="M-4,12 L2,16 L-2,20 L4,24 M2,12 L8,16 L4,20 L10,24"/>
                    </g>
                }
            })
            .collect_view()
    };
    let marks = move || {
        let l = layout.get();
        l.marks
            .iter()
            .zip(&l.cards)
            .filter_map(|(&mark, card)| card.map(|c| (mark, c)))
            .map(|((x0, x1), (cx, cy, _, _))| {
                let joined = (cx - x0).abs() > 2.0;
                view! {
                    <rect class="date-mark" x=px(x0) y="17" width=px((x1 - x0).max(3.0)) height="5"/>
                    <path class="card-leader" class:joined=joined
                        d=format!("M{},{} V{} H{}", px(x0 + 1.0), px(22.0), px(AXIS_PX + cy + 8.0), px(cx))/>
                }
            })
            .collect_view()
    };
    view! {
        <svg class="axis" aria-hidden="true">
            <line class="axis-line" x1="0" x2="100%" y1="19.5" y2="19.5"/>
            {breaks}{ticks}{marks}
        </svg>
    }
}

/// The event cards: an ordered list of buttons in date order.
pub fn event_list(state: AppState, scene: Arc<Scene>, layout: Memo<CardLayout>) -> impl IntoView {
    let lang = state.lang;
    // The events the current selection concerns (a selected node's events), and, while
    // presenting, those of the step.
    let marked = {
        let scene = scene.clone();
        Memo::new(move |_| match state.drawn_selection() {
            Selected::Node(id) => scene.model.node_idx(&id).map(|i| {
                (0..scene.model.events.len()).filter(|&e| scene.event_nodes[e].contains(&i)).collect::<Vec<usize>>()
            }),
            _ => None,
        })
    };
    let focused = {
        let scene = scene.clone();
        Memo::new(move |_| state.tour.get().and_then(|at| scene.tour.get(at.step)).map(|plan| plan.events.clone()))
    };
    let order = scene.events_by_date.clone();
    order
        .into_iter()
        .map(|e| {
            let ev = scene.model.events[e].clone();
            let id = ev.id.clone();
            let id_click = id.clone();
            let id_selected = id.clone();
            let selected = Memo::new(move |_| state.drawn_selection() == Selected::Event(id_selected.clone()));
            let is_marked = move || marked.get().is_some_and(|list| list.contains(&e));
            let dimmed = move || focused.get().is_some_and(|list| !list.contains(&e));
            let placed = move || layout.get().cards.get(e).copied().flatten();
            let pos = move || placed().unwrap_or_default();
            let scene_caption = scene.clone();
            let title = ev.title.clone();
            let title_lang = ev.title.clone();
            let precision = ev.date.precision();
            view! {
                <li class=format!("event precision-{}", match precision {
                        atlas_core::Precision::Year => "year",
                        atlas_core::Precision::Month => "month",
                        atlas_core::Precision::Day => "day",
                    })
                    class:selected=move || selected.get() class:marked=is_marked class:dim=dimmed
                    class:is-hidden=move || placed().is_none()
                    style:left=move || format!("{}px", px(pos().0))
                    style:top=move || format!("{}px", px(pos().1 + AXIS_PX))
                    style:width=move || format!("{}px", px(pos().2))>
                    <button type="button" id=format!("event-{id}") class="event-button"
                        aria-pressed=move || selected.get().to_string()
                        on:click=move |_| state.select(Selected::Event(id_click.clone()))>
                        <span class="event-caption">{move || caption(&scene_caption, e, lang.get())}</span>
                        <span class="event-title" lang=move || title_lang.shown_lang(lang.get()).tag()>{move || title.get(lang.get()).to_string()}</span>
                        <Show when=is_marked>
                            <span class="sr-only">{move || match lang.get() { Lang::Zh => "（与所选节点相关）", Lang::En => " (related to the selected node)" }}</span>
                        </Show>
                    </button>
                </li>
            }
        })
        .collect_view()
}

/// The strip's handlers: drag pans, the wheel zooms (horizontally, it pans), keys step through
/// events (Shift with ←/→ pans, +/− zoom).
pub struct Handlers {
    pub container: NodeRef<leptos::html::Div>,
    pub scale: RwSignal<TimeScale>,
    pub drag: Rc<RefCell<Option<(f64, TimeScale)>>>,
    pub narrow: Signal<bool>,
    pub remember: Rc<dyn Fn()>,
    pub step: Rc<dyn Fn(Option<String>, i64)>,
}

impl Handlers {
    pub fn down(&self) -> impl Fn(web_sys::PointerEvent) + Clone + 'static {
        let (drag, scale, narrow) = (self.drag.clone(), self.scale, self.narrow);
        move |ev: web_sys::PointerEvent| {
            // Presses on an event's button select it; only the background pans.
            let on_button = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("button").ok().flatten())
                .is_some();
            if on_button || ev.button() != 0 || narrow.get_untracked() {
                return;
            }
            *drag.borrow_mut() = Some((ev.client_x() as f64, scale.get_untracked()));
            if let Some(target) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                let _ = target.set_pointer_capture(ev.pointer_id());
            }
        }
    }

    pub fn moved(&self) -> impl Fn(web_sys::PointerEvent) + Clone + 'static {
        let (drag, scale, remember) = (self.drag.clone(), self.scale, self.remember.clone());
        move |ev: web_sys::PointerEvent| {
            let from = *drag.borrow();
            if let Some((x0, from)) = from {
                scale.set(from.panned(ev.client_x() as f64 - x0));
                remember();
            }
        }
    }

    pub fn up(&self) -> impl Fn(web_sys::PointerEvent) + Clone + 'static {
        let drag = self.drag.clone();
        move |_| *drag.borrow_mut() = None
    }

    pub fn wheel(&self) -> impl Fn(web_sys::WheelEvent) + Clone + 'static {
        let (container, scale, narrow, remember) = (self.container, self.scale, self.narrow, self.remember.clone());
        move |ev: web_sys::WheelEvent| {
            if narrow.get_untracked() {
                return;
            }
            let Some(el) = container.get_untracked() else { return };
            let (x, _) = dom::local_point(&el.into(), ev.client_x() as f64, ev.client_y() as f64);
            ev.prevent_default();
            let delta = |d: f64| match ev.delta_mode() {
                1 => d * 16.0,
                2 => d * 400.0,
                _ => d,
            };
            if ev.delta_x().abs() > ev.delta_y().abs() || ev.shift_key() {
                let d = if ev.delta_x().abs() > ev.delta_y().abs() { delta(ev.delta_x()) } else { delta(ev.delta_y()) };
                scale.update(|s| *s = s.panned(-d));
            } else {
                scale.update(|s| *s = s.zoomed_about(x, (-delta(ev.delta_y()) * 0.002).exp()));
            }
            remember();
        }
    }

    pub fn key(&self) -> impl Fn(web_sys::KeyboardEvent) + Clone + 'static {
        let (scale, remember, step) = (self.scale, self.remember.clone(), self.step.clone());
        move |ev: web_sys::KeyboardEvent| {
            // The event whose button has focus is where arrow keys start from.
            let focused = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("button.event-button").ok().flatten())
                .map(|b| b.id())
                .and_then(|id| id.strip_prefix("event-").map(str::to_string));
            let key = ev.key();
            if ev.shift_key() && matches!(key.as_str(), "ArrowLeft" | "ArrowRight") {
                ev.prevent_default();
                let s = scale.get_untracked();
                let quarter = (s.range_end - s.range_start) / 4.0;
                scale.set(s.panned(if key == "ArrowLeft" { quarter } else { -quarter }));
                remember();
                return;
            }
            let delta = match key.as_str() {
                "ArrowRight" | "ArrowDown" => 1,
                "ArrowLeft" | "ArrowUp" => -1,
                "Home" => -10_000,
                "End" => 10_000,
                "+" | "=" => {
                    scale.update(|s| *s = s.zoomed_about((s.range_start + s.range_end) / 2.0, 1.5));
                    return;
                }
                "-" | "_" => {
                    scale.update(|s| *s = s.zoomed_about((s.range_start + s.range_end) / 2.0, 1.0 / 1.5));
                    return;
                }
                _ => return,
            };
            ev.prevent_default();
            step(focused, delta);
        }
    }
}
