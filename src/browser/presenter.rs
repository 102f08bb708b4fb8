//! The presenter's window adapter: opening the presenter view beside the stage, and the
//! messages that keep both on the same tour position, whichever one gets the clicker's keys.
//!
//! The two windows talk by `postMessage` only (the stage holds the window it opened, the
//! presenter its `opener`): no server and no storage, so it works from `file://`, from the
//! one-file build and across origins. Messages: `{ source: "argument-atlas", type: "tour",
//! step, revealed }`, with `step` -1 when the tour has ended. Every failure is swallowed: a
//! window that is gone simply stops hearing.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The presenter window this stage opened, if any.
    static PRESENTER: RefCell<Option<web_sys::Window>> = const { RefCell::new(None) };
}

/// Opens the presenter view at `address` (the app with `presenter=1`) in its own window.
/// Returns whether a window opened (a sandboxed frame or a popup blocker may refuse).
pub fn open(address: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    match window.open_with_url_and_target_and_features(address, "atlas-presenter", "popup,width=960,height=720") {
        Ok(Some(opened)) => {
            PRESENTER.with(|p| *p.borrow_mut() = Some(opened));
            true
        }
        _ => false,
    }
}

/// The other window: the presenter this stage opened, or the stage that opened this presenter.
fn peers() -> Vec<web_sys::Window> {
    let mut found: Vec<web_sys::Window> =
        PRESENTER.with(|p| p.borrow().clone()).into_iter().filter(|w| !w.closed().unwrap_or(true)).collect();
    if let Some(opener) = web_sys::window().and_then(|w| w.opener().ok()).filter(|o| !o.is_null() && !o.is_undefined())
    {
        // Another window's proxy is no instance of this window's `Window` (`instanceof` fails
        // across windows), so it is taken as one unchecked; posting to it cannot fail worse
        // than posting to a closed window does.
        found.push(opener.unchecked_into::<web_sys::Window>());
    }
    found
}

fn post(kind: &str, step: f64, revealed: f64) {
    let message = js_sys::Object::new();
    for (key, value) in [
        ("source", JsValue::from_str("argument-atlas")),
        ("type", JsValue::from_str(kind)),
        ("step", JsValue::from_f64(step)),
        ("revealed", JsValue::from_f64(revealed)),
    ] {
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), &value);
    }
    for peer in peers() {
        // "*": a file:// page has an opaque origin; the message carries only the position.
        let _ = peer.post_message(&message, "*");
    }
}

/// Tells the other window the tour's position (`None`: the tour ended).
pub fn post_position(position: Option<(usize, usize)>) {
    let (step, revealed) = position.map_or((-1.0, 0.0), |(s, r)| (s as f64, r as f64));
    post("tour", step, revealed);
}

/// The presenter, once running, asks the stage where the tour is.
pub fn post_hello() {
    post("tour-hello", 0.0, 0.0);
}

/// Calls `on_hello` whenever a presenter view that has just started asks for the position.
pub fn on_hello(on_hello: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let callback = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let data = ev.data();
        let field = |key: &str| js_sys::Reflect::get(&data, &JsValue::from_str(key)).ok().and_then(|v| v.as_string());
        if field("source").as_deref() == Some("argument-atlas") && field("type").as_deref() == Some("tour-hello") {
            on_hello();
        }
    });
    let _ = window.add_event_listener_with_callback("message", callback.as_ref().unchecked_ref());
    callback.forget();
}

/// Calls `on_position` with every position the other window sends.
pub fn on_position(on_position: impl Fn(Option<(usize, usize)>) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let callback = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let data = ev.data();
        let field = |key: &str| js_sys::Reflect::get(&data, &JsValue::from_str(key)).ok();
        let from_us = field("source").and_then(|v| v.as_string()).is_some_and(|s| s == "argument-atlas");
        let is_tour = field("type").and_then(|v| v.as_string()).is_some_and(|s| s == "tour");
        if !from_us || !is_tour {
            return;
        }
        let number = |key: &str| field(key).and_then(|v| v.as_f64()).filter(|v| v.is_finite());
        match (number("step"), number("revealed")) {
            (Some(step), Some(revealed)) if step >= 0.0 && revealed >= 1.0 && step < 10_000.0 && revealed < 100.0 => {
                on_position(Some((step as usize, revealed as usize)))
            }
            (Some(step), _) if step < 0.0 => on_position(None),
            _ => {}
        }
    });
    let _ = window.add_event_listener_with_callback("message", callback.as_ref().unchecked_ref());
    callback.forget();
}
