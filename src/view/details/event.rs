//! A timeline event's details: title (and official title), date at its precision (an exact day
//! from outside the article is marked so), actor, summary, quotes, and the nodes it concerns.

use super::{node_button, Quotes};
use crate::i18n;
use atlas_core::scene::Scene;
use atlas_core::{Lang, NodeKind};
use leptos::prelude::*;
use std::sync::Arc;

/// An event's details.
pub fn details(scene: Arc<Scene>, event: usize, lang: Lang) -> impl IntoView {
    let e = scene.model.events[event].clone();
    let actor = scene.model.node_idx(&e.actor);
    let related = &scene.event_nodes[event];
    let by_kind = |kinds: &[NodeKind]| -> Vec<usize> {
        related.iter().copied().filter(|&i| kinds.contains(&scene.model.nodes[i].kind) && Some(i) != actor).collect()
    };
    // Headings say how the nodes relate to the event no more than the reading does: an event's
    // nodes are the ones it concerns (a strategy names a threat; a fee change causes one).
    let sections = [
        (
            match lang {
                Lang::Zh => "相关威胁",
                Lang::En => "Threats it concerns",
            },
            by_kind(&[NodeKind::Threat]),
        ),
        (
            match lang {
                Lang::Zh => "相关应对",
                Lang::En => "Responses it concerns",
            },
            by_kind(&[NodeKind::Response]),
        ),
        (
            match lang {
                Lang::Zh => "其他相关",
                Lang::En => "Also related",
            },
            by_kind(&[
                NodeKind::Actor,
                NodeKind::Document,
                NodeKind::Event,
                NodeKind::Concept,
                NodeKind::Claim,
                NodeKind::Person,
            ]),
        ),
    ];
    let sections = sections
        .into_iter()
        .filter(|(_, nodes)| !nodes.is_empty())
        .map(|(title, nodes)| {
            view! {
                <h5>{title}</h5>
                <ul class="chips">{nodes.into_iter().map(|n| view! { <li>{node_button(&scene, n, lang)}</li> }).collect_view()}</ul>
            }
        })
        .collect_view();
    view! {
        <article class="details" aria-labelledby="detail-title">
            <p class="kind-badge kind-event">{i18n::TIMELINE.get(lang)}</p>
            <h3 id="detail-title" lang=e.title.shown_lang(lang).tag()>{e.title.get(lang).to_string()}</h3>
            {e.official_title.clone().map(|t| view! {
                <p class="official-title"><span class="label">{i18n::OFFICIAL_TITLE.get(lang)}": "</span>
                    <cite lang=t.lang.clone()>{t.text.clone()}</cite></p>
            })}
            {super::other_lang(&e.title, lang)}
            <dl class="facts">
                <dt>{i18n::DATE.get(lang)}</dt>
                <dd>{e.date.display(lang)}</dd>
                {e.outside_date.clone().map(|o| view! {
                    <dt>{i18n::EXACT_DATE_FROM.get(lang)}</dt>
                    <dd class="outside-fact"><span class="outside-badge">{i18n::OUTSIDE_FACT.get(lang)}</span>" "
                        {o.date.display(lang)}" — "{o.note.get(lang).to_string()}</dd>
                })}
                <dt>{i18n::ACTOR.get(lang)}</dt>
                <dd>{actor.map(|a| node_button(&scene, a, lang))}</dd>
            </dl>
            {(!e.summary.is_empty()).then(|| view! {
                <p class="summary" lang=e.summary.shown_lang(lang).tag()>{e.summary.get(lang).to_string()}</p>
            })}
            <Quotes sources=e.sources.clone() lang=lang/>
            <section class="relations">{sections}</section>
        </article>
    }
}
