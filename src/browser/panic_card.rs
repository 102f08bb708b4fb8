//! Shows a panic as a readable error card in both languages, never as a blank page.
//!
//! The card is built with plain DOM calls (the reactive system may be in any state after a
//! panic) and uses `textContent`, so the panic message is shown as text, never as markup.

use crate::i18n;
use atlas_core::Lang;
use wasm_bindgen::JsCast;

/// Installs a panic hook that logs to the console and renders the error card.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Replaces the page's content with the error card.
pub fn show(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let make = |tag: &str, text: &str, lang: Option<Lang>| -> Option<web_sys::Element> {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        if let Some(lang) = lang {
            el.set_attribute("lang", lang.tag()).ok()?;
        }
        Some(el)
    };
    let Ok(card) = document.create_element("section") else { return };
    let _ = card.set_attribute("class", "error-card");
    let _ = card.set_attribute("role", "alert");
    for lang in [Lang::Zh, Lang::En] {
        if let Some(h) = make("h1", i18n::ERROR_TITLE.get(lang), Some(lang)) {
            let _ = card.append_child(&h);
        }
        if let Some(p) = make("p", i18n::ERROR_WHAT_NEXT.get(lang), Some(lang)) {
            let _ = card.append_child(&p);
        }
    }
    if let Some(pre) = make("pre", detail, None) {
        let _ = card.append_child(&pre);
    }
    if let Ok(button) = document.create_element("button") {
        button.set_text_content(Some(&format!("{} / {}", i18n::RELOAD.zh, i18n::RELOAD.en)));
        let _ = button.set_attribute("type", "button");
        let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
        reload.forget();
        let _ = card.append_child(&button);
    }
    body.set_text_content(None);
    let _ = body.append_child(&card);
}
