//! A link's details, for a click on its line in the graph or its sentence in a node's details:
//! the sentence it makes and what its relation means, whether the text states it or the map
//! reads it, its note, its quotes, and its two nodes, each a button that selects it.

use super::{link_sentence, node_button, Quotes};
use crate::i18n;
use atlas_core::scene::Scene;
use atlas_core::{Lang, LinkBasis};
use leptos::prelude::*;
use std::sync::Arc;

/// A link's details.
pub fn details(scene: Arc<Scene>, link: usize, lang: Lang) -> impl IntoView {
    let l = scene.model.links[link].clone();
    let (source, target) = scene.link_ends[link];
    let sentence = link_sentence(&scene, &l, (source, target), lang);
    let content_lang = scene.model.content_lang(lang).tag();
    let (badge, ends) = match lang {
        Lang::Zh => ("关系", "两端"),
        Lang::En => ("Link", "Its two nodes"),
    };
    let (relation, what) = (l.relation.label(lang), l.relation.meaning(lang));
    let meaning = match lang {
        Lang::Zh => format!("{relation}：{what}"),
        Lang::En => format!("{relation}: {what}"),
    };
    let reading = l.basis == LinkBasis::Reading;
    let note = (!l.note.is_empty()).then(|| (l.note.get(lang).to_string(), l.note.shown_lang(lang).tag()));
    view! {
        <article class="details" aria-labelledby="detail-title">
            <p class="kind-badge kind-link">{badge}" · "{relation}</p>
            <h3 id="detail-title" lang=content_lang>{sentence}</h3>
            <p class="relation-meaning">{meaning}</p>
            {reading.then(|| view! {
                <p><span class="reading-badge">{i18n::OUR_READING.get(lang)}</span>{format!(" {}", i18n::OUR_READING_NOTE.get(lang))}</p>
            })}
            {note.map(|(note, note_lang)| view! { <p class="summary" lang=note_lang>{note}</p> })}
            <Quotes sources=l.sources.clone() lang=lang/>
            <section class="relations">
                <h4>{ends}</h4>
                <ul class="chips">
                    <li>{node_button(&scene, source, lang)}</li>
                    <li>{node_button(&scene, target, lang)}</li>
                </ul>
            </section>
        </article>
    }
}
