//! Storage as an optional cache. This module owns every access to `localStorage`: even reading
//! the property can throw (a frame sandboxed without `allow-same-origin`, storage disabled), so
//! every call is guarded and falls back to memory. Keys carry the `argument-atlas:` prefix and
//! the app never reads, clears or touches keys that are not its own.
//!
//! Nothing the user made depends on storage alone: the URL and JSON export carry it too, and
//! the page says when it cannot save.

use std::cell::RefCell;
use std::collections::HashMap;

/// The prefix of every key the app writes.
pub const PREFIX: &str = "argument-atlas:";

/// Why a value could not be stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No persistent storage here (sandboxed frame, disabled): the value is kept in memory only.
    Unavailable,
    /// The browser refused the write (usually the quota).
    Refused(String),
}

thread_local! {
    static MEMORY: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

fn local_storage() -> Option<web_sys::Storage> {
    // `window.localStorage` itself throws a SecurityError in an opaque-origin frame; web-sys
    // turns that into an `Err`, which is treated like having no storage.
    web_sys::window()?.local_storage().ok().flatten()
}

fn full_key(key: &str) -> String {
    format!("{PREFIX}{key}")
}

/// `key` scoped to this page: its path, with a trailing `index.html` dropped (so `/course/` and
/// `/course/index.html` are one page). For what belongs to a page rather than to an origin:
/// every `file://` page shares one storage in Firefox and WebKit, and a course site may serve
/// several readings from one origin.
pub fn page_scoped(key: &str) -> String {
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    let path = path.strip_suffix("index.html").unwrap_or(&path);
    format!("{key}:{path}")
}

/// Reads a value (from memory when there is no storage).
pub fn get(key: &str) -> Option<String> {
    let key = full_key(key);
    match local_storage() {
        Some(storage) => storage.get_item(&key).ok().flatten(),
        None => MEMORY.with(|m| m.borrow().get(&key).cloned()),
    }
}

/// Writes a value; on failure it is still kept in memory for this visit.
pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
    let key = full_key(key);
    MEMORY.with(|m| m.borrow_mut().insert(key.clone(), value.to_string()));
    match local_storage() {
        Some(storage) => storage.set_item(&key, value).map_err(|e| {
            StorageError::Refused(
                e.as_string()
                    .or_else(|| js_sys::JSON::stringify(&e).ok().and_then(|s| s.as_string()))
                    .unwrap_or_else(|| "refused".into()),
            )
        }),
        None => Err(StorageError::Unavailable),
    }
}

/// Removes a value.
pub fn remove(key: &str) {
    let key = full_key(key);
    MEMORY.with(|m| m.borrow_mut().remove(&key));
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&key);
    }
}
