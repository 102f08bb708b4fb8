//! The timeline strip: the data set's events on a time axis whose long empty stretches are
//! compressed behind a marked break, each event a card with its date, actor and full title, in
//! as few rows as fit. Span buttons come from the data (the whole span, the busiest years);
//! drag and wheel pan and zoom; ←/→ step through events in date order.
//!
//! The events are an ordered list of buttons in date order, so screen readers and the Tab key
//! meet them in time order; their positions are set through CSSOM (`style:` bindings), which a
//! strict `style-src` allows. On narrow screens the same list is shown vertically.

mod axis;
mod cards;

use crate::browser::dom::{self, FrameLoop};
use crate::i18n;
use crate::state::{use_app, AppState};
use atlas_core::number::Fixed;
use atlas_core::scene::Scene;
use atlas_core::timeline::{date_span, days_from_civil, span_choices, SpanChoice, TimeAxis, TimeScale};
use atlas_core::view_state::{Selected, TimeSpan};
use atlas_core::Lang;
use cards::{layout_cards, CardLayout, CARD_MAX_WIDTH_PX, STAGE_TEXT_SCALE};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// The strip's keys, with Escape clearing the selection as it does in the graph (focus stays on
/// the event).
fn escape_clears(state: AppState, keys: impl Fn(web_sys::KeyboardEvent)) -> impl Fn(web_sys::KeyboardEvent) {
    move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && state.selection.get_untracked() != Selected::Nothing {
            state.selection.set(Selected::Nothing);
        } else {
            keys(ev);
        }
    }
}

/// Keeps the selected event in view; while presenting, shows the step's events, and the span
/// from before the tour once it ends.
fn follow_focus(
    state: AppState,
    scene: Arc<Scene>,
    axis: Arc<TimeAxis>,
    width: RwSignal<f64>,
    scale: RwSignal<TimeScale>,
    animate_to: impl Fn(TimeScale) + 'static,
) {
    // The span before the tour, shown again when it ends.
    let before_tour = StoredValue::new_local(None::<TimeScale>);
    // Whether it presented, and what was selected, at the last run.
    Effect::new(move |was: Option<(bool, Selected)>| {
        let w = width.get();
        let presenting = state.tour.with(Option::is_some);
        // Not followed while presenting: a click on the stage selects (for its quote), and the
        // strip the presenter moved stays where it is.
        let selection = if presenting { state.selection.get_untracked() } else { state.selection.get() };
        let (was_presenting, was_selected) = was.unzip();
        if w <= 0.0 {
            // Not drawn yet: an event selected now is still to be brought into view.
            return (presenting, was_selected.unwrap_or(Selected::Nothing));
        }
        let now = (presenting, selection.clone());
        let step_events: Option<Vec<usize>> =
            state.tour.get().and_then(|at| scene.tour.get(at.step)).map(|plan| plan.events.clone());
        let s = scale.get_untracked();
        if presenting && was_presenting != Some(true) {
            before_tour.set_value(Some(s));
        }
        match step_events {
            Some(events) if !events.is_empty() => {
                let spans: Vec<(f64, f64)> = events.iter().map(|&e| date_span(&scene.model.events[e].date)).collect();
                let lo = spans.iter().map(|s| s.0).fold(f64::INFINITY, f64::min);
                let hi = spans.iter().map(|s| s.1).fold(f64::NEG_INFINITY, f64::max);
                let month = 31.0;
                animate_to(scale_for(&axis, lo - month, hi + month, w));
            }
            Some(_) => animate_to(scale_of_choice(&scene, &axis, SpanChoice::All, w)),
            None if was_presenting == Some(true) => {
                if let Some(before) = before_tour.get_value() {
                    before_tour.set_value(None);
                    animate_to(before.with_range(EDGE_PX, w - EDGE_PX));
                }
            }
            // An event newly selected is brought into the span. Only then: the strip resized as
            // the tour ended found the event kept selected outside the last step's span it was
            // still leaving, and zoomed to one month round it (trial 20).
            None if was_selected.as_ref() == Some(&selection) => {}
            None => {
                let Selected::Event(id) = &selection else { return now };
                let Some(date) = scene.model.event(id).map(|e| e.date) else { return now };
                let (start, end) = date_span(&date);
                let (a, b) = (axis.warp(start), axis.warp(end));
                if a < s.domain_start || b > s.domain_end {
                    let half = s.span_days() / 2.0;
                    let mid = (a + b) / 2.0;
                    animate_to(TimeScale::new(mid - half, mid + half, s.range_start, s.range_end));
                }
            }
        }
        now
    });
}

/// Below this width the timeline is shown as a vertical list.
const NARROW_PX: f64 = 420.0;
/// Duration of the smooth zoom between spans.
const ZOOM_ANIMATION_MS: f64 = 350.0;
/// Space at the strip's edges.
const EDGE_PX: f64 = 10.0;

/// The scale that shows real days `[start, end)` with room on the right for the last card.
fn scale_for(axis: &TimeAxis, start: f64, end: f64, width: f64) -> TimeScale {
    let (a, b) = (axis.warp(start), axis.warp(end));
    let span = (b - a).max(14.0);
    let usable = (width - 2.0 * EDGE_PX).max(1.0);
    // The last card starts at its date: keep its width free after it, when there is room.
    let room =
        if usable > 3.0 * CARD_MAX_WIDTH_PX { span * CARD_MAX_WIDTH_PX / (usable - CARD_MAX_WIDTH_PX) } else { 0.0 };
    let pad = span * 0.02;
    TimeScale::new(a - pad, b + pad + room, EDGE_PX, width - EDGE_PX)
}

/// The real-day span of every event.
fn all_events(scene: &Scene) -> (f64, f64) {
    scene
        .model
        .events
        .iter()
        .map(|e| date_span(&e.date))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (s, e)| (lo.min(s), hi.max(e)))
}

/// The scale of a span choice.
fn scale_of_choice(scene: &Scene, axis: &TimeAxis, choice: SpanChoice, width: f64) -> TimeScale {
    match choice {
        SpanChoice::All => {
            let (lo, hi) = all_events(scene);
            if lo.is_finite() {
                scale_for(axis, lo, hi, width)
            } else {
                // Not drawn (a reading without events shows no timeline): any year will do.
                let year = scene.model.meta.year.unwrap_or(2000);
                scale_for(axis, days_from_civil(year, 1, 1) as f64, days_from_civil(year + 1, 1, 1) as f64, width)
            }
        }
        SpanChoice::Year(y) => {
            scale_for(axis, days_from_civil(y, 1, 1) as f64, days_from_civil(y + 1, 1, 1) as f64, width)
        }
    }
}

/// Whether `scale` shows (about) what `target` shows.
fn shows(scale: &TimeScale, target: &TimeScale) -> bool {
    let tolerance = target.span_days() * 0.03;
    (scale.domain_start - target.domain_start).abs() < tolerance
        && (scale.domain_end - target.domain_end).abs() < tolerance
}

/// The interactive timeline of the data set's events.
#[component]
pub fn TimelineView() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let scene: Arc<Scene> = state.scene.get_untracked();
    let axis =
        Arc::new(TimeAxis::for_spans(&scene.model.events.iter().map(|e| date_span(&e.date)).collect::<Vec<_>>()));
    let container = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(0.0f64);
    let scale = RwSignal::new(TimeScale::new(0.0, 365.0, 0.0, 1.0));
    let frames = FrameLoop::marking("timeline-region");
    let drag: Rc<RefCell<Option<(f64, TimeScale)>>> = Rc::new(RefCell::new(None));

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
                let mut next = from.lerp(&target, eased);
                // Drawn across the strip's width now: the strip resized on the way (the tour
                // ended) kept the width it set off with, its end drawn past the strip's edge.
                let w = width.try_get_untracked().unwrap_or(0.0);
                if w > 2.0 * EDGE_PX {
                    next = next.with_range(EDGE_PX, w - EDGE_PX);
                }
                // Stop if the view was removed mid-animation.
                scale.try_set(next).is_none() && t < 1.0
            });
        }
    };
    on_cleanup({
        let frames = send_wrapper::SendWrapper::new(frames.clone());
        move || frames.stop()
    });

    // Size: start on the link's span or the whole span once the width is known; keep the
    // domain on resize.
    {
        let (scene, axis) = (scene.clone(), axis.clone());
        Effect::new(move |_| {
            let Some(el) = container.get() else { return };
            let (scene, axis) = (scene.clone(), axis.clone());
            let apply = move |w: f64| {
                if w <= 0.0 {
                    return;
                }
                let Some(previous) = width.try_get_untracked() else { return };
                width.set(w);
                if previous <= 0.0 {
                    let start = match state.time_span.get_untracked() {
                        Some(TimeSpan::Year(y)) => scale_of_choice(&scene, &axis, SpanChoice::Year(y), w),
                        Some(TimeSpan::Days(a, b)) => TimeScale::new(a, b, EDGE_PX, w - EDGE_PX),
                        Some(TimeSpan::All) | None => scale_of_choice(&scene, &axis, SpanChoice::All, w),
                    };
                    scale.set(start);
                } else {
                    scale.update(|s| *s = s.with_range(EDGE_PX, w - EDGE_PX));
                }
            };
            dom::disconnect_on_cleanup(dom::observe_size(&el.into(), move |w, _| apply(w)));
        });
    }

    let narrow = move || width.get() > 0.0 && width.get() < NARROW_PX;
    let layout = {
        let (scene, axis) = (scene.clone(), axis.clone());
        let measure = send_wrapper::SendWrapper::new(crate::browser::text_measure::CanvasMeasure::new());
        Memo::new(move |_| {
            let w = width.get();
            if w <= 0.0 {
                return CardLayout::default();
            }
            // While presenting, the strip shows the step's events only.
            let only = state.tour.get().and_then(|at| scene.tour.get(at.step)).map(|plan| plan.events.clone());
            layout_cards(&scene, &axis, &scale.get(), lang.get(), (EDGE_PX, w - EDGE_PX), &*measure, only.as_deref())
        })
    };

    follow_focus(state, scene.clone(), axis.clone(), width, scale, animate_to.clone());

    // The span the user panned or zoomed to, for the URL.
    let remember_span = move || {
        let s = scale.get_untracked();
        state.time_span.set(Some(TimeSpan::Days(s.domain_start.round(), s.domain_end.round())));
    };
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let span_buttons = span_buttons(state, scene.clone(), axis.clone(), scale, width, animate_to.clone());
    let step = {
        let scene = scene.clone();
        move |from: Option<String>, delta: i64| select_step(&state, &scene, from, delta)
    };
    let step_prev = step.clone();
    let step_next = step.clone();
    let handlers = axis::Handlers {
        container,
        scale,
        drag,
        narrow: Signal::derive(narrow),
        remember: Rc::new(remember_span),
        step: Rc::new(step),
    };
    let (on_down, on_move, on_up, on_wheel, on_strip_key) =
        (handlers.down(), handlers.moved(), handlers.up(), handlers.wheel(), handlers.key());
    let on_key = escape_clears(state, on_strip_key);
    let on_up_cancel = on_up.clone();
    let axis_view = axis::axis_view(axis.clone(), scale, layout, lang);
    let events = axis::event_list(state, scene.clone(), layout);
    view! {
        <div class="timeline-view" class:vertical=narrow>
            <div class="timeline-toolbar" role="toolbar" aria-label=t(i18n::TIMELINE)>
                {span_buttons}
                <button type="button" class="icon" aria-label=t(i18n::ZOOM_OUT) title=t(i18n::ZOOM_OUT)
                    on:click=move |_| scale.update(|s| *s = s.zoomed_about((s.range_start + s.range_end) / 2.0, 1.0 / 1.5))>"−"</button>
                <button type="button" class="icon" aria-label=t(i18n::ZOOM_IN) title=t(i18n::ZOOM_IN)
                    on:click=move |_| scale.update(|s| *s = s.zoomed_about((s.range_start + s.range_end) / 2.0, 1.5))>"+"</button>
                <button type="button" on:click=move |_| step_prev(None, -1)>{t(i18n::PREVIOUS_EVENT)}</button>
                <button type="button" on:click=move |_| step_next(None, 1)>{t(i18n::NEXT_EVENT)}</button>
            </div>
            <p class="sr-only" id="timeline-help">{t(i18n::TIMELINE_HELP)}</p>
            <div class="timeline-strip" node_ref=container
                style:height=move || if narrow() { "auto".to_string() } else { format!("{:.0}px", Fixed(layout.get().height + axis::AXIS_PX)) }
                on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up_cancel on:wheel=on_wheel>
                {axis_view}
                <ol class="events" aria-labelledby="timeline-heading" aria-describedby="timeline-help" on:keydown=on_key
                    style:--card-scale=move || if state.tour.with(Option::is_some) { STAGE_TEXT_SCALE.to_string() } else { "1".to_string() }>{events}</ol>
            </div>
        </div>
    }
}

/// The span buttons, computed from the data (the whole span, the busiest years); each shows
/// whether the timeline shows its span now.
fn span_buttons(
    state: crate::state::AppState,
    scene: Arc<Scene>,
    axis: Arc<TimeAxis>,
    scale: RwSignal<TimeScale>,
    width: RwSignal<f64>,
    animate_to: impl Fn(TimeScale) + Clone + 'static,
) -> impl IntoView {
    let lang = state.lang;
    span_choices(scene.model.events.iter().map(|e| &e.date))
        .into_iter()
        .map(|choice| {
            let (scene_a, axis_a, scene_b, axis_b) = (scene.clone(), axis.clone(), scene.clone(), axis.clone());
            let animate_to = animate_to.clone();
            let name = move || match (choice, lang.get()) {
                (SpanChoice::All, l) => i18n::WHOLE_SPAN.get(l).to_string(),
                (SpanChoice::Year(y), Lang::Zh) => format!("{y}{}", i18n::ONLY_YEAR.get(Lang::Zh)),
                (SpanChoice::Year(y), Lang::En) => format!("{y} {}", i18n::ONLY_YEAR.get(Lang::En)),
            };
            let pressed = move || {
                let w = width.get();
                w > 0.0 && shows(&scale.get(), &scale_of_choice(&scene_a, &axis_a, choice, w))
            };
            let pick = move |_| {
                state.time_span.set(Some(match choice {
                    SpanChoice::All => TimeSpan::All,
                    SpanChoice::Year(y) => TimeSpan::Year(y),
                }));
                animate_to(scale_of_choice(&scene_b, &axis_b, choice, width.get_untracked().max(1.0)));
            };
            view! { <button type="button" aria-pressed=move || pressed().to_string() on:click=pick>{name}</button> }
        })
        .collect_view()
}

/// Selects the event `delta` places from `from` (the event whose button has focus) or from the
/// selected one, in date order, and moves keyboard focus to it.
fn select_step(state: &crate::state::AppState, scene: &Scene, from: Option<String>, delta: i64) {
    let order = &scene.events_by_date;
    if order.is_empty() {
        return;
    }
    let from = from.or_else(|| match state.selection.get_untracked() {
        Selected::Event(id) => Some(id),
        _ => None,
    });
    let current = from.and_then(|id| scene.model.event_idx(&id)).and_then(|e| order.iter().position(|&o| o == e));
    let next = match (current, delta) {
        (None, d) if d >= 0 => 0,
        (None, _) => order.len() - 1,
        (Some(c), d) => (c as i64 + d).clamp(0, order.len() as i64 - 1) as usize,
    };
    let id = scene.model.events[order[next]].id.clone();
    state.select(Selected::Event(id.clone()));
    if let Some(el) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&format!("event-{id}")))
    {
        use wasm_bindgen::JsCast;
        if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = html.focus();
        }
    }
}
