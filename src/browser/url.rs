//! The URL adapter: reads the shareable view state from the address bar and writes it back,
//! and reports back/forward navigation. Nothing else touches `location` or `history`.
//!
//! Writing is throttled: browsers limit `history.replaceState` calls (Safari throws after about
//! a hundred in thirty seconds), so continuous changes (pan, zoom) are written once they pause.
//! Every failure (a sandboxed frame, a `file://` page that refuses history) is swallowed: the
//! URL is a convenience, never a requirement.

use atlas_core::view_state::{parse_query, to_query, UrlNotice, ViewState};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Milliseconds a change must rest before a replace is written.
const REPLACE_DELAY_MS: i32 = 400;

/// The view state in the current URL, and what in it was ignored.
pub fn read() -> (ViewState, Vec<UrlNotice>) {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    parse_query(&search)
}

/// The page's address without its query and hash, for building share links.
pub fn base_address() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return String::new() };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    if origin == "null" || origin.is_empty() {
        // file:// and opaque origins: the href without query and hash.
        let href = location.href().unwrap_or_default();
        return href.split(['?', '#']).next().unwrap_or("").to_string();
    }
    format!("{origin}{path}")
}

/// The full address for a state.
pub fn address_for(state: &ViewState) -> String {
    let query = to_query(state);
    if query.is_empty() {
        base_address()
    } else {
        format!("{}?{}", base_address(), query)
    }
}

/// Writes view states to the URL: `push` adds a history entry (a new selection), otherwise
/// the current entry is replaced after the change rests.
#[derive(Clone, Default)]
pub struct UrlWriter {
    /// Set by back/forward until the state it restored has been written: that write replaces
    /// (a push would cut off the forward history).
    after_navigation: Rc<Cell<bool>>,
    pending: Rc<RefCell<Option<String>>>,
    timer: Rc<Cell<Option<i32>>>,
    last_written: Rc<RefCell<String>>,
}

impl UrlWriter {
    pub fn write(&self, state: &ViewState, push: bool) {
        let query = to_query(state);
        // The address already shows this state (after back/forward, the state was just read
        // from it): writing would add an entry and cut off the forward history.
        let current = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
        if current.trim_start_matches('?') == query {
            self.cancel_pending();
            *self.last_written.borrow_mut() = query;
            return;
        }
        if *self.last_written.borrow() == query && self.pending.borrow().is_none() {
            return;
        }
        let push = push && !self.after_navigation.replace(false);
        if push {
            self.cancel_pending();
            self.apply(&query, true);
            return;
        }
        *self.pending.borrow_mut() = Some(query);
        if self.timer.get().is_some() {
            return;
        }
        let Some(window) = web_sys::window() else { return };
        let this = self.clone();
        let callback = Closure::once_into_js(move || {
            this.timer.set(None);
            if let Some(query) = this.pending.borrow_mut().take() {
                this.apply(&query, false);
            }
        });
        if let Ok(id) =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), REPLACE_DELAY_MS)
        {
            self.timer.set(Some(id));
        }
    }

    fn cancel_pending(&self) {
        if let (Some(id), Some(window)) = (self.timer.take(), web_sys::window()) {
            window.clear_timeout_with_handle(id);
        }
        self.pending.borrow_mut().take();
    }

    fn apply(&self, query: &str, push: bool) {
        let Some(window) = web_sys::window() else { return };
        let Ok(history) = window.history() else { return };
        let path = window.location().pathname().unwrap_or_default();
        let target = if query.is_empty() { path } else { format!("{path}?{query}") };
        // Each entry carries its depth (entries pushed since the first), so Back in the details
        // panel knows whether there is a selection to go back to, after back and forward too.
        let depth = history_depth();
        let result = if push {
            history.push_state_with_url(&JsValue::from_f64((depth + 1) as f64), "", Some(&target))
        } else {
            history.replace_state_with_url(&JsValue::from_f64(depth as f64), "", Some(&target))
        };
        if result.is_ok() {
            *self.last_written.borrow_mut() = query.to_string();
        }
    }

    /// At the start: puts the canonical form of `state` in the address in place of what the link
    /// said (an old link's zoom, a value that was ignored with a notice), so the address bar,
    /// Share and a reload agree. Replaces the entry; never adds one.
    pub fn settle_address(&self, state: &ViewState) {
        let query = to_query(state);
        let current = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
        if current.trim_start_matches('?') != query {
            self.apply(&query, false);
        }
        *self.last_written.borrow_mut() = query;
    }

    /// Records that the URL already shows `state` (after back/forward), so it is not rewritten.
    pub fn note_current(&self, state: &ViewState) {
        self.cancel_pending();
        *self.last_written.borrow_mut() = to_query(state);
        self.after_navigation.set(true);
        // The effects that write the restored state run before any timer; after them, new
        // selections push again.
        let flag = self.after_navigation.clone();
        let clear = Closure::once_into_js(move || flag.set(false));
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(clear.unchecked_ref(), 0);
        }
    }
}

/// How many selections the current history entry lies past the app's first entry.
pub fn history_depth() -> usize {
    let state = web_sys::window().and_then(|w| w.history().ok()).and_then(|h| h.state().ok());
    state.and_then(|s| s.as_f64()).filter(|d| d.is_finite() && *d >= 0.0).map_or(0, |d| d as usize)
}

/// Calls `on_navigate` with the URL's state after each back/forward navigation.
pub fn on_history_navigation(on_navigate: impl Fn(ViewState) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let callback = Closure::<dyn Fn()>::new(move || on_navigate(read().0));
    let _ = window.add_event_listener_with_callback("popstate", callback.as_ref().unchecked_ref());
    callback.forget();
}
