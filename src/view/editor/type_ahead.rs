//! The editor's lists chosen by typing ([`atlas_core::type_ahead`]): letters typed in a row on a
//! list go to the first choice that starts with them, not to the next one after the choice shown,
//! as the browser's own search does (trial 13 typed "ad" on "aggravates" and got "adopts").

use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// A pause longer than this (ms) starts the letters afresh, as the browsers' own search does.
const PAUSE_MS: f64 = 1000.0;

/// The letters typed in a row on one list, when the last came (the event's time stamp), and the
/// value the list had before the first (a value, not a place: the first letters may redraw the
/// list's choices).
struct Typed {
    on: Option<web_sys::HtmlSelectElement>,
    letters: String,
    at: f64,
    before: String,
}

thread_local! {
    static TYPED: RefCell<Typed> =
        const { RefCell::new(Typed { on: None, letters: String::new(), at: 0.0, before: String::new() }) };
}

/// What a key pressed on a list did.
pub enum Key {
    /// Not a letter for the list: the browser does what it does.
    Ignored,
    /// Taken: the choice the letters typed so far go to is chosen (the browser's own search is
    /// to be prevented).
    Taken,
    /// Words meant for another field ([`atlas_core::type_ahead::is_astray`]): the list is back
    /// at the choice it had before them, and the author is to be told.
    Astray(TypedAstray),
}

/// Words typed into a list (whose field has the id `field`), which it did not keep.
#[derive(Clone, Debug, PartialEq)]
pub struct TypedAstray {
    pub field: String,
}

/// Sets `select` to the choice at `index` as a choice made by hand is.
fn choose(select: &web_sys::HtmlSelectElement, index: i32) {
    if select.selected_index() != index {
        select.set_selected_index(index);
        changed(select);
    }
}

/// Sets `select` back to `value`, as a choice made by hand is.
fn choose_value(select: &web_sys::HtmlSelectElement, value: &str) {
    if select.value() != value {
        select.set_value(value);
        changed(select);
    }
}

/// Commits what `select` shows: its change event, which bubbles, as the browser's own.
fn changed(select: &web_sys::HtmlSelectElement) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(change) = web_sys::Event::new_with_event_init_dict("change", &init) {
        let _ = select.dispatch_event(&change);
    }
}

/// Takes a key pressed on a list (a select) in the editor: chooses the choice the letters typed
/// so far go to, or, when they are words meant for another field, goes back to the choice before
/// them.
pub fn take_key(ev: &web_sys::KeyboardEvent) -> Key {
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.is_composing() {
        return Key::Ignored;
    }
    let key = ev.key();
    if key.chars().count() != 1 {
        return Key::Ignored;
    }
    let Some(select) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) else {
        return Key::Ignored;
    };
    let now = ev.time_stamp();
    let typed = TYPED.with(|typed| {
        let mut typed = typed.borrow_mut();
        // Each list has its own letters: those typed on the list before (then Tab) do not
        // carry over.
        if now - typed.at > PAUSE_MS || typed.on.as_ref() != Some(&select) {
            typed.letters.clear();
            typed.on = Some(select.clone());
            typed.before = select.value();
        }
        typed.at = now;
        // A space first is the key that opens the list, not a letter.
        if !(typed.letters.is_empty() && key == " ") {
            typed.letters.push_str(&key);
        }
        (typed.letters.clone(), typed.before.clone())
    });
    let (typed, before) = typed;
    if typed.is_empty() {
        return Key::Ignored;
    }
    let Ok(options) = select.query_selector_all("option") else { return Key::Ignored };
    let texts: Vec<String> =
        (0..options.length()).map(|i| options.item(i).and_then(|o| o.text_content()).unwrap_or_default()).collect();
    // Said at its field: a list with no id (a list's "add" choice) is only set back.
    if atlas_core::type_ahead::is_astray(&texts, &typed) {
        choose_value(&select, &before);
        let field = select.id();
        return if field.is_empty() { Key::Taken } else { Key::Astray(TypedAstray { field }) };
    }
    let current = usize::try_from(select.selected_index()).ok();
    if let Some(i) = atlas_core::type_ahead::choice_for(&texts, &typed, current) {
        choose(&select, i32::try_from(i).unwrap_or(-1));
    }
    Key::Taken
}
