//! Where the reader meets the editor. Readers do not pay for the editor: the reader's build has
//! none, and its menu links to the editor's page beside it (`editor.html`, the same app built
//! with the `editor` feature), handing over the reading shown through storage. The editor's
//! build opens the editor in place.

use crate::state::AppState;
use leptos::prelude::*;

/// The editor's page, beside the reader's in the served build.
#[cfg(not(feature = "editor"))]
pub const EDITOR_PAGE: &str = "editor.html";

/// Where the reader leaves the reading to edit for the editor's page (one per origin: the two
/// pages have different paths).
pub const HANDOFF_KEY: &str = "v1:edit-handoff";

/// What the link to the editor asks for, in its fragment (the query is the view's, and says
/// what it does not know). Editing a reading is `#edit-reading=<token>` (`core::handoff`).
pub const NEW_READING_FRAGMENT: &str = "#new-reading";

/// Sets up the editor of this build and returns whether it is open (never, in the reader).
pub fn install(state: AppState) -> Signal<bool> {
    #[cfg(feature = "editor")]
    {
        crate::view::editor::provide_editor(state).open.into()
    }
    #[cfg(not(feature = "editor"))]
    {
        let _ = state;
        Signal::stored(false)
    }
}

/// What opens files chosen or dropped on the page: the reader shows a data set; the editor's
/// page opens them as its draft. Call while a component is made (it reads the context).
pub fn file_opener(state: AppState) -> impl Fn(Vec<web_sys::File>) + Copy + 'static {
    #[cfg(feature = "editor")]
    {
        let editor = crate::view::editor::use_editor();
        move |files| crate::view::editor::open_files(state, editor, files)
    }
    #[cfg(not(feature = "editor"))]
    {
        move |files| crate::view::data_loader::open_in_reader(state, files)
    }
}

/// The editor's pane in the shell (nothing in the reader).
#[component]
pub fn EditorSlot() -> impl IntoView {
    #[cfg(feature = "editor")]
    {
        view! { <crate::view::editor::EditorPane/> }.into_any()
    }
    #[cfg(not(feature = "editor"))]
    {
        ().into_any()
    }
}

/// The menu's ways into the editor.
#[component]
pub fn EditorMenuItems(close: Callback<()>) -> impl IntoView {
    #[cfg(feature = "editor")]
    {
        view! { <crate::view::editor::EditorMenuButtons close=close/> }.into_any()
    }
    #[cfg(not(feature = "editor"))]
    {
        view! { <EditorLinks close=close/> }.into_any()
    }
}

/// In the reader: links to the editor's page, which a served build has beside it (a one-file
/// page has nothing beside it, so it offers none). "Edit this reading" hands the reading over.
#[cfg(not(feature = "editor"))]
#[component]
fn EditorLinks(close: Callback<()>) -> impl IntoView {
    use crate::i18n;
    let state = crate::state::use_app();
    use atlas_core::handoff;
    let lang = state.lang;
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let beside = !crate::browser::one_file::is_one_file();
    // This page's hand-over token: the editor opened by this link takes only the reading this
    // page left, never one another page (another tab of the same site) left after it.
    let token = handoff::token_from(js_sys::Math::random(), js_sys::Math::random());
    let edit_fragment = format!("{}{token}", handoff::LINK_PREFIX);
    let hand_over = move |_| {
        let text = state.source.with_untracked(|s| s.text().to_string());
        // An older hand-over (this page's, after a return through the history) never stands in
        // for this one; when storage refuses, the editor's page says the reading did not arrive.
        crate::browser::storage::remove(HANDOFF_KEY);
        let _ = crate::browser::storage::set(HANDOFF_KEY, &handoff::seal(&token, &text));
        close.run(());
    };
    // The editor opens in the interface's language.
    let href = move |fragment: &str| format!("{EDITOR_PAGE}?lang={}{fragment}", lang.get().code());
    beside.then(|| {
        view! {
            <a class="button-link" href=move || href(NEW_READING_FRAGMENT) on:click=move |_| close.run(())>{t(i18n::NEW_READING)}</a>
            <a class="button-link" href=move || href(&edit_fragment) on:click=hand_over>{t(i18n::EDIT_READING)}</a>
        }
    })
}
