//! On the stage, what a click chose (a node, a link, an event) with its first quote and locator:
//! the details pane is not on the stage, and a class asks what the text says there (trial 13's
//! student clicked a node during the tour and saw nothing but its highlight).

use crate::i18n;
use crate::state::use_app;
use crate::view::details::{basis_tag, link_sentence};
use atlas_core::scene::Scene;
use atlas_core::view_state::Selected;
use atlas_core::{Lang, LinkBasis, Source};
use leptos::prelude::*;

/// What the stage says of a chosen item: its name, its first quote, and whether it is the
/// map-maker's reading (a link the text does not state), which is said as the details say it.
struct Chosen {
    name: String,
    source: Source,
    ours: bool,
}

/// What is selected, as the stage says it; `None` for nothing, a group, or an item with no
/// quote (the loader requires one, so only a draft's preview has none).
fn chosen(scene: &Scene, selected: &Selected, lang: Lang) -> Option<Chosen> {
    let model = &scene.model;
    let (name, sources, ours) = match selected {
        Selected::Node(id) => {
            let node = &model.nodes[model.node_idx(id)?];
            (node.label.get(lang).to_string(), &node.sources, false)
        }
        Selected::Event(id) => {
            let event = &model.events[model.event_idx(id)?];
            (event.title.get(lang).to_string(), &event.sources, false)
        }
        Selected::Link(key) => {
            let k = model.link_idx(key)?;
            let link = &model.links[k];
            (
                link_sentence(scene, link, *scene.link_ends.get(k)?, lang),
                &link.sources,
                link.basis == LinkBasis::Reading,
            )
        }
        Selected::Group(_) | Selected::Nothing => return None,
    };
    Some(Chosen { name, source: sources.first()?.clone(), ours })
}

/// Closes the quote with the keyboard back on the caption (the button goes with the quote).
fn close(state: crate::state::AppState) {
    state.select(Selected::Nothing);
    crate::view::tour::focus_caption();
}

/// Under the step's text while presenting: the chosen item's name, its quote in the source's
/// words, the locator, the map-maker's reading marked as the details mark it, and in the
/// reading's second language the translation with what it is. Closed by its button, by another
/// step, or by choosing something else.
#[component]
pub fn StageQuote() -> impl IntoView {
    let state = use_app();
    move || {
        let lang = state.lang.get();
        let scene = state.scene.get();
        let Chosen { name, source, ours } = chosen(&scene, &state.drawn_selection(), lang)?;
        let source_lang = scene.model.source_lang();
        let translation = source.rendering(lang, source_lang).map(|t| (t.lang.tag(), t.basis, t.text.clone()));
        let name_lang = scene.model.content_lang(lang).tag();
        Some(view! {
            <div class="stage-quote">
                <p>
                    <strong lang=name_lang>{name}</strong>": "
                    {ours.then(|| view! { <span class="reading-badge">{i18n::OUR_READING.get(lang)}</span>" " })}
                    <q lang=source_lang.tag()>{source.quote.clone()}</q>" "
                    <span class="para-id">{format!("[{}]", source.para)}</span>
                    {translation.map(|(tag, basis, text)| view! {
                        " "<span class="translation">
                            {format!("{} ({}): ", i18n::TRANSLATION.get(lang), basis_tag(basis).get(lang))}
                            <span lang=tag>{text}</span>
                        </span>
                    })}
                </p>
                <button type="button" aria-label=i18n::CLOSE_QUOTE.get(lang) on:click=move |_| close(state)>"×"</button>
            </div>
        })
    }
}
