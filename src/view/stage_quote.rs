//! On the stage, what a click chose (a node, a link, an event) with its first quote and locator:
//! the details pane is not on the stage, and a class asks what the text says there (trial 13's
//! student clicked a node during the tour and saw nothing but its highlight).

use crate::i18n;
use crate::state::use_app;
use crate::view::details::link_sentence;
use atlas_core::scene::Scene;
use atlas_core::view_state::Selected;
use atlas_core::{Lang, Source};
use leptos::prelude::*;

/// The name of what is selected and its first quote; `None` for nothing, a group, or an item
/// with no quote.
fn named_quote(scene: &Scene, selected: &Selected, lang: Lang) -> Option<(String, Source)> {
    let model = &scene.model;
    match selected {
        Selected::Node(id) => {
            let node = &model.nodes[model.node_idx(id)?];
            Some((node.label.get(lang).to_string(), node.sources.first()?.clone()))
        }
        Selected::Event(id) => {
            let event = &model.events[model.event_idx(id)?];
            Some((event.title.get(lang).to_string(), event.sources.first()?.clone()))
        }
        Selected::Link(key) => {
            let k = model.link_idx(key)?;
            let link = &model.links[k];
            Some((link_sentence(scene, link, *scene.link_ends.get(k)?, lang), link.sources.first()?.clone()))
        }
        Selected::Group(_) | Selected::Nothing => None,
    }
}

/// Under the step's text while presenting: the chosen item's name, its quote in the source's
/// words, the locator, and in the reading's second language its marked translation. Closed by
/// its button, by another step, or by choosing something else.
#[component]
pub fn StageQuote() -> impl IntoView {
    let state = use_app();
    move || {
        let lang = state.lang.get();
        let scene = state.scene.get();
        let (name, source) = named_quote(&scene, &state.drawn_selection(), lang)?;
        let source_lang = scene.model.source_lang();
        let translation = source.rendering(lang, source_lang).map(|t| (t.lang.tag(), t.text.clone()));
        let name_lang = scene.model.content_lang(lang).tag();
        Some(view! {
            <div class="stage-quote">
                <p>
                    <strong lang=name_lang>{name}</strong>": "
                    <q lang=source_lang.tag()>{source.quote.clone()}</q>" "
                    <span class="para-id">{format!("[{}]", source.para)}</span>
                    {translation.map(|(tag, text)| view! {
                        " "<span class="translation">{i18n::TRANSLATION.get(lang)}": "<span lang=tag>{text}</span></span>
                    })}
                </p>
                <button type="button" aria-label=i18n::CLOSE_QUOTE.get(lang) on:click=move |_| state.select(Selected::Nothing)>"×"</button>
            </div>
        })
    }
}
