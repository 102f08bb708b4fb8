//! The frame adapter: whether the app runs inside a frame, messages to the parent page, and
//! whether the frame has keyboard focus. The app never reads `window.top` or the parent's
//! document: it only posts messages, which works across origins and in sandboxed frames.
//!
//! Messages posted to the parent (documented in the README):
//! - `{ source: "argument-atlas", type: "state", query, href }` whenever the shareable view
//!   state changes, so a course page can keep its own deep link;
//! - `{ subject: "lti.frameResize", height }` (Canvas and other LMSs resize the frame): the
//!   height the content wants for the frame's width ([`natural_height`]), debounced, carrying no
//!   data, unless the URL says `resize=0`.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Debounce for size reports, in ms.
const RESIZE_DELAY_MS: i32 = 150;

fn parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// Whether the app is shown inside a frame.
pub fn is_framed() -> bool {
    parent().is_some()
}

fn post(message: &js_sys::Object) {
    if let Some(parent) = parent() {
        // "*": the app does not know (and must not need to know) the course site's origin; the
        // messages carry only what the URL already shows.
        let _ = parent.post_message(message, "*");
    }
}

fn object(pairs: &[(&str, JsValue)]) -> js_sys::Object {
    let obj = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(key), value);
    }
    obj
}

/// Tells the parent page the current view state.
pub fn post_state(query: &str, href: &str) {
    post(&object(&[
        ("source", "argument-atlas".into()),
        ("type", "state".into()),
        ("query", query.into()),
        ("href", href.into()),
    ]));
}

/// The height the app wants in a frame `width` CSS px wide: a graph that can be read and the
/// timeline strip under it (or one of them). It depends on the width only, never on the frame's
/// height: a course page that resizes its frame to what is posted then settles at once, where
/// posting the document's height (which follows the frame's) ran away.
pub fn natural_height(width: f64, panes: atlas_core::view_state::Panes) -> i32 {
    use atlas_core::view_state::Panes;
    let h = match panes {
        Panes::Both => (width * 0.62).clamp(520.0, 820.0),
        Panes::Graph => (width * 0.55).clamp(420.0, 720.0),
        Panes::Timeline => 380.0,
    };
    h.round() as i32
}

/// Posts `lti.frameResize` with `height_for(width)` now and whenever the frame's width changes
/// (debounced), each distinct height once.
pub fn report_content_height(height_for: impl Fn(f64) -> i32 + 'static) {
    let Some(window) = web_sys::window() else { return };
    let Some(root) = window.document().and_then(|d| d.document_element()) else { return };
    let timer: Rc<Cell<Option<i32>>> = Rc::new(Cell::new(None));
    let last: Rc<Cell<i32>> = Rc::new(Cell::new(-1));
    let send = {
        let root = root.clone();
        move || {
            let height = height_for(root.client_width() as f64);
            if height != last.get() {
                last.set(height);
                post(&object(&[("subject", "lti.frameResize".into()), ("height", height.into())]));
            }
        }
    };
    let send = Rc::new(send);
    let schedule = {
        let timer = timer.clone();
        move || {
            let Some(window) = web_sys::window() else { return };
            if let Some(id) = timer.take() {
                window.clear_timeout_with_handle(id);
            }
            let send = send.clone();
            let timer_inner = timer.clone();
            let callback = Closure::once_into_js(move || {
                timer_inner.set(None);
                send();
            });
            if let Ok(id) =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), RESIZE_DELAY_MS)
            {
                timer.set(Some(id));
            }
        }
    };
    schedule();
    let observer_callback = Closure::<dyn Fn()>::new(schedule);
    if let Ok(observer) = web_sys::ResizeObserver::new(observer_callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    observer_callback.forget();
}

/// Calls `on_change(has_focus)` now and whenever the page gains or loses keyboard focus.
pub fn watch_focus(on_change: impl Fn(bool) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let has = window.document().and_then(|d| d.has_focus().ok()).unwrap_or(false);
    on_change(has);
    let on_change = Rc::new(on_change);
    for (event, value) in [("focus", true), ("blur", false)] {
        let on_change = on_change.clone();
        let callback = Closure::<dyn Fn()>::new(move || on_change(value));
        let _ = window.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
        callback.forget();
    }
}
