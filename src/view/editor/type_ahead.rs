//! The editor's lists chosen by typing ([`atlas_core::type_ahead`]): letters typed in a row on a
//! list go to the first choice that starts with them, not to the next one after the choice shown,
//! as the browser's own search does (trial 13 typed "ad" on "aggravates" and got "adopts").

use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// A pause longer than this (ms) starts the letters afresh, as the browsers' own search does.
const PAUSE_MS: f64 = 1000.0;

/// The letters typed in a row on one list, and when the last came (the event's time stamp).
struct Typed {
    on: Option<web_sys::HtmlSelectElement>,
    letters: String,
    at: f64,
}

thread_local! {
    static TYPED: RefCell<Typed> = const { RefCell::new(Typed { on: None, letters: String::new(), at: 0.0 }) };
}

/// Takes a key pressed on a list (a select) in the editor: chooses the choice the letters typed
/// so far go to, and says whether it took the key (the browser's own search is then to be
/// prevented). A choice made so is committed as a choice made by hand is (its change event).
pub fn take_key(ev: &web_sys::KeyboardEvent) -> bool {
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return false;
    }
    let key = ev.key();
    if key.chars().count() != 1 {
        return false;
    }
    let Some(select) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) else {
        return false;
    };
    let now = ev.time_stamp();
    let typed = TYPED.with(|typed| {
        let mut typed = typed.borrow_mut();
        // Each list has its own letters: those typed on the list before (then Tab) do not
        // carry over.
        if now - typed.at > PAUSE_MS || typed.on.as_ref() != Some(&select) {
            typed.letters.clear();
            typed.on = Some(select.clone());
        }
        typed.at = now;
        // A space first is the key that opens the list, not a letter.
        if !(typed.letters.is_empty() && key == " ") {
            typed.letters.push_str(&key);
        }
        typed.letters.clone()
    });
    if typed.is_empty() {
        return false;
    }
    let Ok(options) = select.query_selector_all("option") else { return false };
    let texts: Vec<String> =
        (0..options.length()).map(|i| options.item(i).and_then(|o| o.text_content()).unwrap_or_default()).collect();
    let current = usize::try_from(select.selected_index()).ok();
    if let Some(i) = atlas_core::type_ahead::choice_for(&texts, &typed, current) {
        if Some(i) != current {
            select.set_selected_index(i32::try_from(i).unwrap_or(-1));
            // As the browser's own change event: it bubbles.
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(change) = web_sys::Event::new_with_event_init_dict("change", &init) {
                let _ = select.dispatch_event(&change);
            }
        }
    }
    true
}
