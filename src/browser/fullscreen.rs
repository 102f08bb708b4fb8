//! Fullscreen, feature-detected. A frame without `allowfullscreen` (Moodle's embed, some LMS
//! editors) refuses it: [`available`] says so up front, so the app can offer another way.

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Whether the page may enter fullscreen here.
pub fn available() -> bool {
    document().is_some_and(|d| d.fullscreen_enabled())
}

/// Enters or leaves fullscreen; returns `false` when the page may not enter it.
pub fn toggle() -> bool {
    let Some(doc) = document() else { return false };
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
        return true;
    }
    if !doc.fullscreen_enabled() {
        return false;
    }
    match doc.document_element().and_then(|e| e.dyn_into::<web_sys::Element>().ok()) {
        Some(root) => root.request_fullscreen().is_ok(),
        None => false,
    }
}

/// Leaves fullscreen, when the page is in it.
pub fn exit() {
    if let Some(doc) = document() {
        if doc.fullscreen_element().is_some() {
            doc.exit_fullscreen();
        }
    }
}
