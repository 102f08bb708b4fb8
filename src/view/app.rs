//! The top-level component: loads the built-in data set, provides the app state, and lays out
//! the page's landmarks (header, timeline, graph, details).

use crate::browser::dom;
use crate::i18n;
use crate::state::AppState;
use crate::view::{detail_panel::DetailPanel, graph_view::GraphView, header::Header, problems::DataProblems, timeline_view::TimelineView};
use atlas_core::scene::Scene;
use atlas_core::{load_data_set, Lang};
use leptos::prelude::*;

/// The built-in data set, compiled into the app so the first view needs no request.
const BUILT_IN_DATA: &str = include_str!("../../www/data/lang-ping-2023.json");

/// The language to start in: `lang=` in the URL, else the browser's language, else Chinese
/// (the article's own).
fn initial_lang() -> Lang {
    let from_url = dom::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("lang"))
        .and_then(|l| Lang::parse(&l));
    from_url
        .or_else(|| dom::browser_language().and_then(|l| Lang::parse(&l)))
        .unwrap_or(Lang::Zh)
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let lang = initial_lang();
    match load_data_set(BUILT_IN_DATA) {
        Ok(model) => {
            let state = AppState::new(Scene::new(model), lang);
            provide_context(state);
            view! { <Shell/> }.into_any()
        }
        Err(problems) => view! { <DataProblems problems=problems lang=lang/> }.into_any(),
    }
}

/// The page layout once a data set is loaded.
#[component]
fn Shell() -> impl IntoView {
    let state = crate::state::use_app();
    // Keep the document's language and title in step with the chosen language, so screen
    // readers switch voice and the tab says what it shows.
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(doc) = dom::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                dom::set_attr(&root, "lang", lang.tag());
            }
            let scene = state.scene.get();
            doc.set_title(&format!("{} · {}", scene.model.meta.title.get(lang), i18n::APP_NAME.get(lang)));
        }
    });
    let t = move |ui: i18n::Ui| move || ui.get(state.lang.get());
    view! {
        <a class="skip-link" href="#graph-region">{t(i18n::SKIP_TO_GRAPH)}</a>
        <Header/>
        <main class="layout">
            <section class="pane timeline-pane" aria-labelledby="timeline-heading">
                <h2 id="timeline-heading" class="pane-title">{t(i18n::TIMELINE)}</h2>
                <TimelineView/>
            </section>
            <section id="graph-region" class="pane graph-pane" aria-labelledby="graph-heading" tabindex="-1">
                <h2 id="graph-heading" class="pane-title">{t(i18n::GRAPH)}</h2>
                <GraphView/>
            </section>
            <aside class="pane detail-pane" aria-labelledby="detail-heading">
                <h2 id="detail-heading" class="pane-title">{t(i18n::DETAILS)}</h2>
                <DetailPanel/>
            </aside>
        </main>
    }
}
