//! The Share dialog: a link that reopens the current view, and a copy-paste iframe snippet for
//! course sites (with `title`, a fixed height, `allowfullscreen` and `allow="fullscreen"`),
//! plus the data set as JSON.

use crate::browser::{download, url};
use crate::i18n;
use crate::state::use_app;
use atlas_core::view_state::ViewState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The iframe snippet for embedding `state`'s view.
pub fn embed_snippet(address: &str, title: &str) -> String {
    let escape = |s: &str| s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;");
    format!(
        r#"<iframe src="{}" title="{}" width="100%" height="640" loading="lazy" allowfullscreen allow="fullscreen"></iframe>"#,
        escape(address),
        escape(title)
    )
}

/// Copies the text of the field with `id` (selecting it, so a refused clipboard still leaves it
/// ready for Ctrl+C).
fn copy_field(id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(el) = document.get_element_by_id(id) else { return };
    let text = if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.select();
        input.value()
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.select();
        area.value()
    } else {
        return;
    };
    if let Some(window) = web_sys::window() {
        // The clipboard may be refused (an insecure or sandboxed context); the text stays selected.
        let _ = window.navigator().clipboard().write_text(&text);
    }
}

/// The Share button and its dialog.
#[component]
pub fn ShareDialog() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let open = RwSignal::new(false);
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let link = move || {
        open.track();
        url::address_for(&state.view_state())
    };
    let snippet = move || {
        let mut view: ViewState = state.view_state();
        view.embed = true;
        let title =
            format!("{} · {}", i18n::APP_NAME.get(lang.get()), state.scene.get().model.meta.title.get(lang.get()));
        embed_snippet(&url::address_for(&view), &title)
    };
    let show = move |_| {
        open.set(true);
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        open.set(false);
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let download_json = move |_| {
        let json = state.source.with_untracked(|source| source.text().to_string());
        download::text_file("argument-atlas-data.json", "application/json", &json);
    };
    view! {
        <button type="button" class="share-button" on:click=show>{t(i18n::SHARE)}</button>
        <dialog node_ref=dialog class="share-dialog" aria-labelledby="share-title" on:close=move |_| open.set(false)>
            <h2 id="share-title">{t(i18n::SHARE_TITLE)}</h2>
            <label for="share-link">{t(i18n::SHARE_LINK)}</label>
            <div class="copy-row">
                <input id="share-link" type="text" readonly prop:value=link/>
                <button type="button" on:click=move |_| copy_field("share-link")>{t(i18n::COPY)}</button>
            </div>
            <label for="share-embed">{t(i18n::SHARE_EMBED)}</label>
            <div class="copy-row">
                <textarea id="share-embed" readonly rows="4" prop:value=snippet></textarea>
                <button type="button" on:click=move |_| copy_field("share-embed")>{t(i18n::COPY)}</button>
            </div>
            <p><button type="button" on:click=download_json>{t(i18n::EXPORT_JSON)}</button></p>
            <p><button type="button" on:click=close>{t(i18n::CLOSE)}</button></p>
        </dialog>
    }
}
