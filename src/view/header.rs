//! The page header: the article's title and author, and the language switch.

use crate::i18n;
use crate::state::use_app;
use atlas_core::Lang;
use leptos::prelude::*;

/// Title, author and the 中文 / English switch.
#[component]
pub fn Header() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let title = move || state.scene.get().model.meta.title.get(lang.get()).to_string();
    let byline = move || {
        let scene = state.scene.get();
        format!("{} · {}", scene.model.meta.author.get(lang.get()), scene.model.meta.year)
    };
    let lang_button = move |target: Lang, text: &'static str| {
        view! {
            <button type="button" class="lang-button" lang=target.tag()
                aria-pressed=move || (lang.get() == target).to_string()
                on:click=move |_| lang.set(target)>{text}</button>
        }
    };
    view! {
        <header class="app-header">
            <div class="titles">
                <p class="app-name">{move || i18n::APP_NAME.get(lang.get())}</p>
                <h1 class="article-title">{title}</h1>
                <p class="byline">{byline}</p>
            </div>
            <div class="header-actions">
            <crate::view::data_loader::DataControls/>
            <crate::view::share_dialog::ShareDialog/>
            <crate::view::keyboard_help::KeyboardHelp/>
            <button type="button" class="present-button"
                aria-pressed=move || state.tour_step.get().is_some().to_string()
                on:click=move |_| crate::view::tour::toggle_presenting(&state)>
                {move || i18n::PRESENT.get(lang.get())}
            </button>
            <div class="lang-switch" role="group" aria-label=move || i18n::LANGUAGE.get(lang.get())>
                {lang_button(Lang::Zh, "中文")}
                {lang_button(Lang::En, "English")}
            </div>
            </div>
        </header>
    }
}
