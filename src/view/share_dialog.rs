//! The Share dialog, an embed generator for course sites: a link that reopens the current view
//! (what it shows, never the sharer's pixels), and an iframe snippet whose options a course page
//! needs: language, which view (graph, timeline, both), starting at a tour step, frame height.
//! The link and the snippet follow the options; Copy says it copied.

use crate::browser::url;
use crate::i18n;
use crate::state::use_app;
use atlas_core::view_state::{Panes, ViewState};
use atlas_core::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The iframe snippet for `address`, titled `title`, `height` CSS pixels tall.
pub fn embed_snippet(address: &str, title: &str, height: u32) -> String {
    let escape = |s: &str| atlas_core::export::escape_xml(s);
    format!(
        r#"<iframe src="{}" title="{}" width="100%" height="{height}" loading="lazy" allowfullscreen allow="fullscreen"></iframe>"#,
        escape(address),
        escape(title)
    )
}

/// Copies the text of the field with `id` (selecting it, so a refused clipboard still leaves it
/// ready for Ctrl+C). Returns whether the text was handed to the clipboard.
fn copy_field(id: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let Some(el) = document.get_element_by_id(id) else { return false };
    let text = if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.select();
        input.value()
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.select();
        area.value()
    } else {
        return false;
    };
    // The clipboard may be refused (an insecure or sandboxed context); the text stays selected,
    // and the old way still copies where the new one is missing.
    let Some(window) = web_sys::window() else { return false };
    let _ = window.navigator().clipboard().write_text(&text);
    document.dyn_ref::<web_sys::HtmlDocument>().and_then(|d| d.exec_command("copy").ok()).unwrap_or(true)
}

/// The embed's options.
#[derive(Clone, Copy, PartialEq)]
struct EmbedOptions {
    lang: Lang,
    panes: Panes,
    tour_step: Option<usize>,
    height: u32,
}

/// The Share button and its dialog.
/// Whether a link can carry the reading shown: the built-in one, or one the link names
/// (`data=`); not one opened from a file on this computer.
fn link_carries_reading(state: &crate::state::AppState) -> bool {
    state.data_url.with(Option::is_some) || !matches!(state.source.get(), crate::state::DataSource::User { .. })
}

/// Whether this page was opened from a file (`file://`): a course site cannot frame it by link.
fn on_file_page() -> bool {
    web_sys::window().and_then(|w| w.location().protocol().ok()).is_some_and(|p| p == "file:")
}

/// What a link cannot do here, said before the link is offered: carry a reading opened from a
/// file (save it as one HTML file instead), or put a page opened from a file into a course site.
#[component]
fn ShareLimits() -> impl IntoView {
    let state = use_app();
    let current_graph = use_context::<crate::view::menu::CurrentGraph>();
    let lang = state.lang;
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    view! {
        <Show when=move || !link_carries_reading(&state)>
            <p class="share-limit">{t(i18n::SHARE_NEEDS_FILE)}</p>
            <p><button type="button" on:click=move |_| crate::view::publish::save_as_one_file(state, false, current_graph)>{t(i18n::SAVE_ONE_FILE)}</button></p>
        </Show>
        <Show when=move || link_carries_reading(&state) && on_file_page()>
            <p class="share-limit">{t(i18n::SHARE_FROM_FILE)}</p>
        </Show>
    }
}

#[component]
pub fn ShareDialog() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let open = RwSignal::new(false);
    let copied = RwSignal::new(None::<&'static str>);
    let options = RwSignal::new(EmbedOptions { lang: Lang::Zh, panes: Panes::Both, tour_step: None, height: 640 });
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let link = move || {
        open.track();
        url::address_for(&state.view_state())
    };
    let snippet = move || {
        let o = options.get();
        let mut view: ViewState = state.view_state();
        view.embed = true;
        view.lang = Some(o.lang);
        view.panes = o.panes;
        view.tour_step = o.tour_step;
        let title =
            state.scene.with(|s| format!("{} · {}", i18n::APP_NAME.get(o.lang), s.model.meta.title.get(o.lang)));
        embed_snippet(&url::address_for(&view), &title, o.height)
    };
    let show = move |_| {
        options.update(|o| {
            o.lang = lang.get_untracked();
            o.panes = state.panes.get_untracked();
            o.tour_step = state.tour.get_untracked().map(|t| t.step);
        });
        copied.set(None);
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
    let copy = move |id: &'static str| {
        if copy_field(id) {
            copied.set(Some(id));
        }
    };
    let steps = move || state.scene.with(|s| s.model.tour.iter().map(|step| step.title.clone()).collect::<Vec<_>>());
    let copy_label = move |id: &'static str| {
        move || if copied.get() == Some(id) { i18n::COPIED.get(lang.get()) } else { i18n::COPY.get(lang.get()) }
    };
    view! {
        <button type="button" class="share-button" on:click=show>{t(i18n::SHARE)}</button>
        <dialog node_ref=dialog class="share-dialog" aria-labelledby="share-title" on:close=move |_| open.set(false)>
            <h2 id="share-title">{t(i18n::SHARE_TITLE)}</h2>
            <ShareLimits/>
            <div class="share-link-part" hidden=move || !link_carries_reading(&state)>
            <label for="share-link">{t(i18n::SHARE_LINK)}</label>
            <div class="copy-row">
                <input id="share-link" type="text" readonly prop:value=link/>
                <button type="button" on:click=move |_| copy("share-link")>{copy_label("share-link")}</button>
            </div>
            </div>
            <div class="share-embed-part" hidden=move || !link_carries_reading(&state) || on_file_page()>
            <fieldset class="embed-options">
                <legend>{t(i18n::SHARE_EMBED)}</legend>
                <label>{t(i18n::SHARE_LANGUAGE)}
                    <select on:change=move |ev| { let v = event_target_value(&ev); options.update(|o| o.lang = Lang::parse(&v).unwrap_or(o.lang)); }>
                        <option value="zh" selected=move || options.get().lang == Lang::Zh>"中文"</option>
                        <option value="en" selected=move || options.get().lang == Lang::En>"English"</option>
                    </select>
                </label>
                <label>{t(i18n::SHARE_VIEW)}
                    <select on:change=move |ev| {
                        let v = event_target_value(&ev);
                        options.update(|o| o.panes = match v.as_str() { "graph" => Panes::Graph, "timeline" => Panes::Timeline, _ => Panes::Both });
                    }>
                        <option value="both" selected=move || options.get().panes == Panes::Both>{t(i18n::SHARE_BOTH)}</option>
                        <option value="graph" selected=move || options.get().panes == Panes::Graph>{t(i18n::SHOW_GRAPH)}</option>
                        <option value="timeline" selected=move || options.get().panes == Panes::Timeline>{t(i18n::SHOW_TIMELINE)}</option>
                    </select>
                </label>
                <label>{t(i18n::SHARE_TOUR)}
                    <select on:change=move |ev| { let v = event_target_value(&ev); options.update(|o| o.tour_step = v.parse::<usize>().ok()); }>
                        <option value="" selected=move || options.get().tour_step.is_none()>{t(i18n::SHARE_NO_TOUR)}</option>
                        {move || steps().into_iter().enumerate().map(|(k, title)| view! {
                            <option value=k.to_string() selected=move || options.get().tour_step == Some(k)>
                                {format!("{}. {}", k + 1, title.get(lang.get()))}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>{t(i18n::SHARE_HEIGHT)}
                    <input type="number" min="320" max="2000" step="20" prop:value=move || options.get().height.to_string()
                        // While typing, only a height in range counts (clamping "7" to 320 would
                        // rewrite the field under the typist); leaving the field clamps.
                        on:input=move |ev| {
                            if let Ok(h) = event_target_value(&ev).parse::<u32>() {
                                if (320..=2000).contains(&h) {
                                    options.update(|o| o.height = h);
                                }
                            }
                        }
                        on:change=move |ev| {
                            let h = event_target_value(&ev).parse::<u32>().unwrap_or(options.get_untracked().height);
                            options.update(|o| o.height = h.clamp(320, 2000));
                        }/>
                </label>
            </fieldset>
            <label for="share-embed">{t(i18n::SHARE_EMBED)}</label>
            <div class="copy-row">
                <textarea id="share-embed" readonly rows="4" prop:value=snippet></textarea>
                <button type="button" on:click=move |_| copy("share-embed")>{copy_label("share-embed")}</button>
            </div>
            </div>
            <p role="status" class="copy-status">{move || copied.get().map(|_| i18n::COPIED.get(lang.get()))}</p>
            <p><button type="button" on:click=close>{t(i18n::CLOSE)}</button></p>
        </dialog>
    }
}
