//! The top bar: the reading's title, search, the language switch, Share, Present and the
//! "More" menu. One compact row, in the page and in a frame alike; on a narrow screen it also
//! switches between the graph and the timeline.

use crate::i18n;
use crate::state::{use_app, NarrowPane};
use crate::view::data_loader::OwnDataNote;
use crate::view::menu::Menu;
use crate::view::search::Search;
use crate::view::share_dialog::ShareDialog;
use atlas_core::Lang;
use leptos::prelude::*;

/// The bar across the top of the app.
#[component]
pub fn TopBar() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let title = move || state.scene.with(|s| s.model.meta.title.get(lang.get()).to_string());
    let content_lang = move || state.scene.with(|s| s.model.content_lang(lang.get()).tag());
    // " · author · year", or nothing after the app's name for a source that gives neither.
    let byline = move || state.scene.with(|s| s.model.meta.byline(lang.get()).map(|b| format!(" · {b}")));
    let lang_button = move |target: Lang, text: &'static str| {
        view! {
            <button type="button" class="lang-button" lang=target.tag()
                aria-pressed=move || (lang.get() == target).to_string()
                on:click=move |_| lang.set(target)>{text}</button>
        }
    };
    let pane_button = move |pane: NarrowPane, name: i18n::Ui| {
        view! {
            <button type="button" aria-pressed=move || (state.narrow_pane.get() == pane).to_string()
                on:click=move |_| state.narrow_pane.set(pane)>{t(name)}</button>
        }
    };
    // The same view, out of the frame.
    let new_tab = move || {
        let mut view = state.view_state();
        view.embed = false;
        crate::browser::url::address_for(&view)
    };
    view! {
        <header class="top-bar">
            <div class="titles">
                <h1 class="article-title" title=title lang=content_lang>{title}</h1>
                <p class="byline"><span class="app-name">{t(i18n::APP_NAME)}</span>{byline}</p>
                <OwnDataNote/>
            </div>
            <Search/>
            <div class="bar-actions">
                <div class="lang-switch" role="group" aria-label=t(i18n::LANGUAGE)>
                    {lang_button(Lang::Zh, "中文")}
                    {lang_button(Lang::En, "English")}
                </div>
                <ShareDialog/>
                <button type="button" class="present-button"
                    aria-pressed=move || state.tour.get().is_some().to_string()
                    on:click=move |_| crate::view::tour::toggle_presenting(&state)>{t(i18n::PRESENT)}</button>
                <Show when=move || state.embed.get()>
                    // In a frame the way out is always in sight; on a narrow frame only its arrow.
                    <a class="button-link new-tab" target="_blank" rel="noopener" href=new_tab
                        aria-label=t(i18n::OPEN_NEW_TAB) title=t(i18n::OPEN_NEW_TAB)>
                        <span aria-hidden="true">"↗"</span>
                        <span class="new-tab-text" aria-hidden="true">{t(i18n::OPEN_NEW_TAB)}</span>
                    </a>
                </Show>
                <Menu/>
            </div>
            <div class="pane-switch" role="group" aria-label=t(i18n::SHARE_VIEW)>
                {pane_button(NarrowPane::Graph, i18n::SHOW_GRAPH)}
                {pane_button(NarrowPane::Timeline, i18n::SHOW_TIMELINE)}
            </div>
        </header>
    }
}
