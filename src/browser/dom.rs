//! Small DOM helpers used by the drawing code: measuring elements, writing attributes outside
//! the reactive system, animation frames and media queries. No failure escapes: a missing
//! window or element makes these do nothing.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The point's position relative to the element's top-left corner.
pub fn local_point(el: &web_sys::Element, client_x: f64, client_y: f64) -> (f64, f64) {
    let rect = el.get_bounding_client_rect();
    (client_x - rect.left(), client_y - rect.top())
}

/// Whether the user asked for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    window().and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten()).is_some_and(|m| m.matches())
}

/// The id of the page's start-up message (`www/index.html`), shown until the app is drawn.
pub const START_UP_MESSAGE_ID: &str = "boot";

/// Hides the start-up message, now that the app is drawn (hidden rather than removed: a page
/// saved from this one keeps it for its own start).
pub fn hide_start_up_message() {
    if let Some(el) = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(START_UP_MESSAGE_ID)) {
        let _ = el.set_attribute("hidden", "");
    }
}

/// The browser's preferred language tag, if any.
pub fn browser_language() -> Option<String> {
    window().and_then(|w| w.navigator().language())
}

/// The frame callback, shared with itself so that it can ask for the next frame.
type SharedFrameCallback = Rc<RefCell<Option<Closure<dyn FnMut(f64)>>>>;

/// A frame loop: calls `frame` on every animation frame while it returns `true`.
/// [`FrameLoop::start`] while a loop runs does nothing; [`FrameLoop::restart`] replaces the
/// running loop. A loop ends by itself when `frame` returns `false`.
#[derive(Clone, Default)]
pub struct FrameLoop {
    /// Bumped by every start; a loop whose generation is no longer current stops.
    generation: Rc<Cell<u64>>,
    running: Rc<Cell<bool>>,
    /// The id of the region the loop moves: `aria-busy` while it runs (assistive technology,
    /// and the tests, wait for the picture to settle).
    busy_region: Option<&'static str>,
}

/// Marks the element `id` busy or not.
fn mark_busy(id: Option<&str>, busy: bool) {
    let Some(el) = id.and_then(|id| window()?.document()?.get_element_by_id(id)) else { return };
    if busy {
        set_attr(&el, "aria-busy", "true");
    } else {
        let _ = el.remove_attribute("aria-busy");
    }
}

impl FrameLoop {
    /// A loop that marks the region `id` busy while it runs.
    pub fn marking(id: &'static str) -> FrameLoop {
        FrameLoop { busy_region: Some(id), ..FrameLoop::default() }
    }

    pub fn is_running(&self) -> bool {
        self.running.get()
    }

    /// Stops the running loop (its next frame does nothing): the view is gone.
    pub fn stop(&self) {
        self.generation.set(self.generation.get() + 1);
        self.running.set(false);
        mark_busy(self.busy_region, false);
    }

    pub fn start(&self, frame: impl FnMut(f64) -> bool + 'static) {
        if !self.is_running() {
            self.restart(frame);
        }
    }

    pub fn restart(&self, frame: impl FnMut(f64) -> bool + 'static) {
        let Some(win) = window() else { return };
        let my_generation = self.generation.get() + 1;
        self.generation.set(my_generation);
        self.running.set(true);
        mark_busy(self.busy_region, true);
        let busy_region = self.busy_region;
        let generation = self.generation.clone();
        let running = self.running.clone();
        let frame = Rc::new(RefCell::new(frame));
        let callback: SharedFrameCallback = Rc::new(RefCell::new(None));
        let callback_inner = callback.clone();
        let win_inner = win.clone();
        *callback.borrow_mut() = Some(Closure::new(move |time: f64| {
            let current = generation.get() == my_generation;
            let keep_going = current && (frame.borrow_mut())(time);
            if keep_going {
                if let Some(cb) = callback_inner.borrow().as_ref() {
                    let _ = win_inner.request_animation_frame(cb.as_ref().unchecked_ref());
                }
            } else {
                if current {
                    running.set(false);
                    mark_busy(busy_region, false);
                }
                // Drop the closure (and what it captured) once the loop ends.
                let _ = callback_inner.borrow_mut().take();
            }
        }));
        let first = callback.borrow();
        if let Some(cb) = first.as_ref() {
            let _ = win.request_animation_frame(cb.as_ref().unchecked_ref());
        }
    }
}

/// The text of the element with this id, if the page has one.
pub fn text_of_element(id: &str) -> Option<String> {
    window()?.document()?.get_element_by_id(id)?.text_content()
}

/// The window's inner width in CSS px.
pub fn window_width() -> Option<f64> {
    window()?.inner_width().ok()?.as_f64()
}

/// Sets an attribute, ignoring failure (the element may have been removed).
pub fn set_attr(el: &web_sys::Element, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

/// Watches an element's size; calls `on_resize(width, height)` with its content size now (when it
/// has one, so a view can lay itself out in the same task it is mounted in) and whenever the size
/// changes, including when a hidden element (a closed tab, a collapsed section) is shown. A
/// change is delivered in a task of its own (not an animation frame, which a browser may hold
/// back for a page it does not paint), with the latest size: a change that moves other watched
/// elements (the timeline's rows resize the graph) then starts a new round instead of looping
/// inside this one, which browsers report as an error. Watching stops when the
/// returned observer is disconnected (views do so when they are removed).
pub fn observe_size(el: &web_sys::Element, on_resize: impl Fn(f64, f64) + 'static) -> Option<web_sys::ResizeObserver> {
    let waiting: Rc<Cell<Option<(f64, f64)>>> = Rc::new(Cell::new(None));
    let delivered: Rc<Cell<(f64, f64)>> = Rc::new(Cell::new((-1.0, -1.0)));
    let deliver_now: Rc<dyn Fn(f64, f64)> = {
        let delivered = delivered.clone();
        Rc::new(move |w: f64, h: f64| {
            if delivered.get() != (w, h) {
                delivered.set((w, h));
                on_resize(w, h);
            }
        })
    };
    let callback = {
        let deliver_now = deliver_now.clone();
        Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Some(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>().ok() else { return };
            let rect = entry.content_rect();
            // A delivery is already on its way when a size is waiting: only the size changes.
            if waiting.replace(Some((rect.width(), rect.height()))).is_some() {
                return;
            }
            let (waiting, deliver_now) = (waiting.clone(), deliver_now.clone());
            let deliver = Closure::once_into_js(move || {
                if let Some((w, h)) = waiting.take() {
                    deliver_now(w, h);
                }
            });
            if let Some(window) = window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(deliver.unchecked_ref(), 0);
            }
        })
    };
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    callback.forget();
    if let Some((w, h)) = content_size(el) {
        deliver_now(w, h);
    }
    Some(observer)
}

/// An element's content box (inside its padding), when it is laid out with some width.
fn content_size(el: &web_sys::Element) -> Option<(f64, f64)> {
    let style = window()?.get_computed_style(el).ok()??;
    let px = |name: &str| {
        // The core's number parser: std's float parser would bring its 10 KB table along.
        style
            .get_property_value(name)
            .ok()
            .and_then(|v| atlas_core::number::parse_number(v.trim_end_matches("px")))
            .unwrap_or(0.0)
    };
    let w = f64::from(el.client_width()) - px("padding-left") - px("padding-right");
    let h = f64::from(el.client_height()) - px("padding-top") - px("padding-bottom");
    (w > 0.0).then_some((w, h.max(0.0)))
}

/// Disconnects `observer` when the current reactive owner (the view) is cleaned up.
pub fn disconnect_on_cleanup(observer: Option<web_sys::ResizeObserver>) {
    if let Some(observer) = observer {
        let observer = send_wrapper::SendWrapper::new(observer);
        leptos::prelude::on_cleanup(move || observer.disconnect());
    }
}

/// Calls `on_hide` whenever the page goes away (`pagehide`: a reload, a closed tab, a link
/// followed, the page put in the back-forward cache).
#[cfg(feature = "editor")]
pub fn on_page_hide(on_hide: impl Fn() + 'static) {
    let Some(window) = window() else { return };
    let callback = Closure::<dyn Fn()>::new(on_hide);
    let _ = window.add_event_listener_with_callback("pagehide", callback.as_ref().unchecked_ref());
    callback.forget();
}

/// Calls `on_typed(path, text)` a moment after typing into a text field inside an element
/// matching `within` that carries its draft path (`data-path`) pauses: the last text of each
/// pause, not every key.
#[cfg(feature = "editor")]
pub fn on_typing_paused(within: &'static str, pause_ms: i32, on_typed: impl Fn(String, String) + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    let Some(window) = window() else { return };
    let typed: Rc<RefCell<Option<(String, String)>>> = Rc::default();
    let timer: Rc<RefCell<Option<i32>>> = Rc::default();
    let (typed_out, timer_out) = (typed.clone(), timer.clone());
    let flush = Closure::<dyn Fn()>::new(move || {
        timer_out.borrow_mut().take();
        if let Some((path, text)) = typed_out.borrow_mut().take() {
            on_typed(path, text);
        }
    });
    let window_in = window.clone();
    let on_input = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        if !matches!(el.closest(within), Ok(Some(_))) {
            return;
        }
        let Some(path) = el.get_attribute("data-path") else { return };
        let text = if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            input.value()
        } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.value()
        } else {
            return;
        };
        *typed.borrow_mut() = Some((path, text));
        if let Some(old) = timer.borrow_mut().take() {
            window_in.clear_timeout_with_handle(old);
        }
        let handle =
            window_in.set_timeout_with_callback_and_timeout_and_arguments_0(flush.as_ref().unchecked_ref(), pause_ms);
        *timer.borrow_mut() = handle.ok();
    });
    let _ = window.add_event_listener_with_callback_and_bool("input", on_input.as_ref().unchecked_ref(), true);
    // For the page's life, as the editor's state.
    on_input.forget();
}

/// A press on a button inside an element matching `within` that the button moved away from
/// before the release is a click on it. Pressing a button leaves the field being typed in,
/// which commits it; what the commit changes above the button (a problem said or gone, the
/// names of a list read back) moves it, the release lands beside it, and the browser sends no
/// click (trial 10: "Add a tour step" pressed straight after typing a step's nodes; the next
/// words typed went to the focused button, whose Space then added the step, so the new step's
/// title lost its first word). Only a release where the button was pressed counts: a pointer
/// dragged off, from a button that moved or not, is a press taken back (a "Remove" let go of
/// elsewhere removes nothing). A disabled button, a cancelled pointer and another pointer's
/// release give no click. The click given is a mouse's (`detail` 1), as the lost one was.
#[cfg(feature = "editor")]
pub fn click_buttons_that_moved(within: &'static str) {
    use std::cell::RefCell;
    use std::rc::Rc;
    let Some(window) = window() else { return };
    // The button pressed, where it was then, and the pointer that pressed it.
    let pressed: Rc<RefCell<Option<(web_sys::HtmlElement, web_sys::DomRect, i32)>>> = Rc::default();
    let (pressed_down, pressed_cancel) = (pressed.clone(), pressed.clone());
    let on_down = Closure::<dyn Fn(web_sys::PointerEvent)>::new(move |ev: web_sys::PointerEvent| {
        let mouse_like = ev.button() == 0 && ev.is_primary() && ev.pointer_type() != "touch";
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button").ok().flatten())
            .filter(|b| mouse_like && matches!(b.closest(within), Ok(Some(_))))
            .filter(|b| !b.matches(":disabled").unwrap_or(true))
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
        *pressed_down.borrow_mut() = button.map(|b| {
            let rect = b.get_bounding_client_rect();
            (b, rect, ev.pointer_id())
        });
    });
    let on_cancel = Closure::<dyn Fn()>::new(move || {
        pressed_cancel.borrow_mut().take();
    });
    let on_up = Closure::<dyn Fn(web_sys::PointerEvent)>::new(move |ev: web_sys::PointerEvent| {
        let Some((button, was, pointer)) = pressed.borrow_mut().take() else { return };
        let released_on_it = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|target| button.contains(Some(&target)));
        let rect = button.get_bounding_client_rect();
        let moved = (rect.left() - was.left()).abs() > 1.0 || (rect.top() - was.top()).abs() > 1.0;
        // Where the button was when pressed (the pointer did not leave it; the button did).
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let where_pressed = x >= was.left() && x <= was.right() && y >= was.top() && y <= was.bottom();
        let still_enabled = !button.matches(":disabled").unwrap_or(true);
        if released_on_it
            || !moved
            || !where_pressed
            || !still_enabled
            || ev.pointer_id() != pointer
            || !button.is_connected()
        {
            return;
        }
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_detail(1);
        init.set_client_x(ev.client_x());
        init.set_client_y(ev.client_y());
        if let Ok(click) = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init) {
            let _ = button.dispatch_event(&click);
        }
    });
    let _ = window.add_event_listener_with_callback_and_bool("pointerdown", on_down.as_ref().unchecked_ref(), true);
    let _ = window.add_event_listener_with_callback_and_bool("pointerup", on_up.as_ref().unchecked_ref(), true);
    let _ = window.add_event_listener_with_callback_and_bool("pointercancel", on_cancel.as_ref().unchecked_ref(), true);
    // For the page's life, as the editor's state.
    on_down.forget();
    on_up.forget();
    on_cancel.forget();
}

/// Whether the keyboard is in `element` (it, or something inside it, has the focus).
#[cfg(feature = "editor")]
pub fn keyboard_in(element: &web_sys::Element) -> bool {
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|active| element.contains(Some(&active)))
}

/// Fires `change` at the focused text field when it is inside an element matching `within`:
/// a field that commits on `change` (when it is left) commits what was typed into it now, and
/// the keyboard stays where it is.
#[cfg(feature = "editor")]
pub fn commit_focused_text(within: &str) {
    let Some(focused) = window().and_then(|w| w.document()).and_then(|d| d.active_element()) else { return };
    let is_text = focused.is_instance_of::<web_sys::HtmlInputElement>()
        || focused.is_instance_of::<web_sys::HtmlTextAreaElement>();
    if !is_text || !matches!(focused.closest(within), Ok(Some(_))) {
        return;
    }
    if let Ok(change) = web_sys::Event::new("change") {
        let _ = focused.dispatch_event(&change);
    }
}
