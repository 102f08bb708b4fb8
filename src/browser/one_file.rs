//! The one-file app's page, as the starting point of a published reading
//! ([`atlas_core::publish`]). Opened from the one-file build, the page is that file itself: its
//! head (the app, inlined) as it arrived, its body reduced to what the file holds (the start-up
//! message, the notice for browsers without scripts and the data blocks). Served, the one-file
//! build lies beside the page (`argument-atlas.html` in the same folder) and is fetched from the
//! same origin.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The one-file build's name beside a served page.
const ONE_FILE_NAME: &str = "argument-atlas.html";

/// An inlined app script is far larger than any loader: it carries the WebAssembly.
#[cfg(not(feature = "editor"))]
const INLINED_APP_MIN_CHARS: u32 = 100_000;

/// Calls `done` with the one-file page's text, or a reason it could not be had.
#[cfg(not(feature = "editor"))]
pub fn page(done: impl FnOnce(Result<String, String>) + 'static) {
    match this_page_if_one_file() {
        Some(text) => done(Ok(text)),
        None => fetch_beside(done),
    }
}

/// The editor's build publishes the reader's page, never its own: the one it carries (its
/// one-file form), else the one beside it (served).
#[cfg(feature = "editor")]
pub fn reader_page(done: impl FnOnce(Result<String, String>) + 'static) {
    match carried_reader_page() {
        Some(text) => done(Ok(text)),
        None => fetch_beside(done),
    }
}

/// The reader's one-file page an editor's one-file page carries (base64, in an inert block).
#[cfg(feature = "editor")]
fn carried_reader_page() -> Option<String> {
    let window = web_sys::window()?;
    let block = window.document()?.get_element_by_id("atlas-reader-page")?.text_content()?;
    let binary = window.atob(block.trim()).ok()?;
    let bytes: Vec<u8> = binary.chars().map(|c| c as u32 as u8).collect();
    String::from_utf8(bytes).ok()
}

/// Whether this page is the one-file build (the app inlined in it): a file with nothing beside
/// it, as far as the app knows.
#[cfg(not(feature = "editor"))]
pub fn is_one_file() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let Ok(scripts) = document.query_selector_all("head script:not([src])") else { return false };
    (0..scripts.length())
        .filter_map(|i| scripts.item(i))
        .any(|s| s.text_content().is_some_and(|t| t.len() as u32 > INLINED_APP_MIN_CHARS))
}

/// This page's own file, when it is the one-file build.
#[cfg(not(feature = "editor"))]
fn this_page_if_one_file() -> Option<String> {
    let document = web_sys::window()?.document()?;
    if !is_one_file() {
        return None;
    }
    let root = document.document_element()?.clone_node_with_deep(true).ok()?.dyn_into::<web_sys::Element>().ok()?;
    // The body as the file holds it: what the app drew at run time goes.
    let body = root.query_selector("body").ok()??;
    let children = body.children();
    let drawn: Vec<web_sys::Element> = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|el| {
            let kept = el.tag_name().eq_ignore_ascii_case("noscript")
                || matches!(el.id().as_str(), super::dom::START_UP_MESSAGE_ID | "atlas-data" | "atlas-layout");
            !kept
        })
        .collect();
    for el in drawn {
        el.remove();
    }
    // The start-up message, hidden in this page now that it is drawn, shows in the file's start.
    if let Ok(Some(message)) = body.query_selector(&format!("#{}", super::dom::START_UP_MESSAGE_ID)) {
        let _ = message.remove_attribute("hidden");
    }
    Some(format!("<!DOCTYPE html>\n{}\n", root.outer_html()))
}

/// Fetches the one-file build that lies beside a served page.
fn fetch_beside(done: impl FnOnce(Result<String, String>) + 'static) {
    let Some(window) = web_sys::window() else {
        done(Err("no window".into()));
        return;
    };
    let done =
        std::rc::Rc::new(std::cell::RefCell::new(Some(Box::new(done) as Box<dyn FnOnce(Result<String, String>)>)));
    let finish = move |result: Result<String, String>| {
        if let Some(done) = done.borrow_mut().take() {
            done(result);
        }
    };
    let finish_err = finish.clone();
    let on_response = Closure::once(move |response: JsValue| {
        let Ok(response) = response.dyn_into::<web_sys::Response>() else {
            finish(Err("no response".into()));
            return;
        };
        if !response.ok() {
            finish(Err(format!("{ONE_FILE_NAME}: HTTP {}", response.status())));
            return;
        }
        let Ok(text) = response.text() else {
            finish(Err("unreadable response".into()));
            return;
        };
        let finish_text = finish.clone();
        let on_text =
            Closure::once(move |text: JsValue| finish_text(text.as_string().ok_or_else(|| "not text".to_string())));
        let _ = text.then(&on_text);
        on_text.forget();
    });
    let on_error = Closure::once(move |_: JsValue| finish_err(Err(format!("{ONE_FILE_NAME}: network error"))));
    let _ = window.fetch_with_str(ONE_FILE_NAME).then2(&on_response, &on_error);
    on_response.forget();
    on_error.forget();
}
