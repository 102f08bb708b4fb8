//! A node's details: kind and group, name in both languages, summary and quotes; the links the
//! article states (or the data set reads, marked), grouped by relation; the responses or threats
//! this app infers through intermediate nodes, apart; the node's events; each link's note.

use super::{node_button, Quotes};
use crate::i18n;
use crate::state::use_app;
use atlas_core::analysis::CounterPath;
use atlas_core::scene::Scene;
use atlas_core::view_state::Selected;
use atlas_core::{Lang, Link, LinkBasis, NodeKind, Relation, Source};
use leptos::prelude::*;
use std::sync::Arc;

/// A related node and whether the link is the data set's reading.
type Related = (usize, LinkBasis);

/// The heading of a relation seen from `node`: `→ addresses`, `← addressed by`.
fn relation_heading(relation: Relation, outgoing: bool, lang: Lang) -> String {
    if outgoing {
        format!("→ {}", relation.label(lang))
    } else {
        format!("← {}", relation.passive_label(lang))
    }
}

/// The node's links grouped by relation and direction, in the closed order of relations.
fn stated_links(scene: &Scene, node: usize, lang: Lang) -> Vec<(String, Vec<Related>)> {
    let mut groups = Vec::new();
    for relation in Relation::ALL {
        for outgoing in [true, false] {
            let others: Vec<Related> = scene
                .model
                .links
                .iter()
                .zip(&scene.link_ends)
                .filter(|(l, (s, t))| l.relation == relation && if outgoing { *s == node } else { *t == node })
                .map(|(l, (s, t))| (if outgoing { *t } else { *s }, l.basis))
                .collect();
            if !others.is_empty() {
                groups.push((relation_heading(relation, outgoing, lang), others));
            }
        }
    }
    groups
}

/// A related node's chip, marked when the link is the data set's reading.
fn related_chip(scene: &Scene, (other, basis): Related, lang: Lang) -> impl IntoView {
    let reading = basis == LinkBasis::Reading;
    view! {
        <li class:reading=reading>
            {node_button(scene, other, lang)}
            {reading.then(|| view! {
                <span class="reading-badge" title=i18n::OUR_READING_NOTE.get(lang)>
                    {i18n::OUR_READING.get(lang)}<span class="sr-only">{format!(": {}", i18n::OUR_READING_NOTE.get(lang))}</span>
                </span>
            })}
        </li>
    }
}

/// The chains this app infers through intermediate nodes, apart from the article's own links.
fn inferred_chains(scene: &Arc<Scene>, node: usize, lang: Lang) -> Option<impl IntoView> {
    let kind = scene.model.nodes[node].kind;
    let paths: Vec<&CounterPath> = match kind {
        NodeKind::Threat => scene.responses_to(node),
        NodeKind::Response => scene.threats_of(node),
        _ => return None,
    };
    let inferred: Vec<(usize, Vec<usize>)> = paths
        .into_iter()
        .filter(|p| p.path.len() > 2)
        .map(|p| (if kind == NodeKind::Threat { p.response } else { p.threat }, p.path[1..p.path.len() - 1].to_vec()))
        .collect();
    let direct = match kind {
        NodeKind::Threat => !scene.responses_to(node).iter().any(|p| p.path.len() == 2),
        _ => false,
    };
    let uncountered = kind == NodeKind::Threat && scene.uncountered.contains(&node);
    if inferred.is_empty() && !uncountered {
        return None;
    }
    let heading = match kind {
        NodeKind::Threat => i18n::COUNTERED_BY.get(lang),
        _ => i18n::COUNTERS.get(lang),
    };
    let scene = scene.clone();
    Some(view! {
        <section class="inferred">
            <h4>{heading}</h4>
            {(uncountered || (direct && inferred.is_empty())).then(|| view! { <p class="warning">{i18n::UNCOUNTERED.get(lang)}</p> })}
            {(!inferred.is_empty()).then(|| view! {
                <p class="inferred-note"><span class="inferred-badge">{i18n::INFERRED.get(lang)}</span></p>
                <ul>
                    {inferred.into_iter().map(|(other, via)| view! {
                        <li class="inferred-chain">
                            {node_button(&scene, other, lang)}
                            <span class="via">{format!(" {} ", i18n::VIA.get(lang))}
                                {via.iter().map(|v| scene.model.nodes[*v].label.get(lang).to_string()).collect::<Vec<_>>().join(" → ")}
                            </span>
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    })
}

/// The node's events, each a button that selects it.
fn node_events(scene: &Scene, id: &str, lang: Lang) -> Option<impl IntoView> {
    let state = use_app();
    let events = scene.model.events_of_node(id);
    (!events.is_empty()).then(|| {
        let chips = events
            .into_iter()
            .map(|e| {
                let ev = &scene.model.events[e];
                let id = ev.id.clone();
                let text = format!("{} · {}", ev.date.display(lang), ev.title.get(lang));
                view! { <li><button type="button" class="chip" on:click=move |_| state.select(Selected::Event(id.clone()))>{text}</button></li> }
            })
            .collect_view();
        view! { <section class="node-events"><h4>{i18n::EVENTS_OF_NODE.get(lang)}</h4><ul class="chips">{chips}</ul></section> }
    })
}

/// The sentence a link makes ("Common security addresses the security dilemma"), which says
/// which link a note and quotes belong to.
pub fn link_sentence(scene: &Scene, link: &Link, (source, target): (usize, usize), lang: Lang) -> String {
    // One language for the whole sentence: the reading's, when it is not written in the
    // interface's.
    let lang = scene.model.content_lang(lang);
    let label = |i: usize| scene.model.nodes[i].label.get(lang).to_string();
    let gap = if lang == Lang::Zh { "" } else { " " };
    format!("{}{gap}{}{gap}{}", label(source), link.relation.verb(lang), label(target))
}

/// A link as a node's "Its links and their sources" lists it: its key, its sentence, its note with the note's
/// language, whether it is the reading's own, and its quotes.
type LinkNote = (String, String, Option<(String, &'static str)>, LinkBasis, Vec<Source>);

/// A node's details.
pub fn details(scene: Arc<Scene>, node: usize, lang: Lang) -> impl IntoView {
    let state = use_app();
    let n = scene.model.nodes[node].clone();
    let group =
        n.group.as_ref().and_then(|g| scene.model.group(g)).map(|g| (g.id.clone(), g.label.get(lang).to_string()));
    let link_sources: Vec<LinkNote> = scene
        .model
        .links
        .iter()
        .zip(&scene.link_ends)
        .enumerate()
        .filter(|(_, (_, (s, t)))| *s == node || *t == node)
        .map(|(k, (l, &ends))| {
            let note = (!l.note.is_empty()).then(|| (l.note.get(lang).to_string(), l.note.shown_lang(lang).tag()));
            let key = scene.model.link_key(k).unwrap_or_default();
            (key, link_sentence(&scene, l, ends, lang), note, l.basis, l.sources.clone())
        })
        .collect();
    let relations = stated_links(&scene, node, lang);
    let content_lang = scene.model.content_lang(lang).tag();
    // One name whether or not a link has a note (a reading may leave every note out; trial 8
    // was puzzled by two names for the one list).
    let link_notes_heading = match lang {
        Lang::Zh => "相关关系及出处",
        Lang::En => "Its links and their sources",
    };
    view! {
        <article class="details" aria-labelledby="detail-title">
            <p class=format!("kind-badge kind-{}", n.kind.code())>
                {n.kind.label(lang)}
                {group.map(|(id, label)| view! {
                    " · "<button type="button" class="link-button" on:click=move |_| state.select(Selected::Group(id.clone()))>{label}</button>
                })}
            </p>
            <h3 id="detail-title" lang=n.label.shown_lang(lang).tag()>{n.label.get(lang).to_string()}</h3>
            {super::other_lang(&n.label, lang)}
            {(!n.summary.is_empty()).then(|| view! {
                <p class="summary" lang=n.summary.shown_lang(lang).tag()>{n.summary.get(lang).to_string()}</p>
            })}
            <Quotes sources=n.sources.clone() lang=lang/>
            <section class="relations">
                <h4>{i18n::RELATED.get(lang)}<span class="stated-badge">{format!(" · {}", i18n::STATED.get(lang))}</span></h4>
                {relations.into_iter().map(|(heading, others)| view! {
                    <h5>{heading}</h5>
                    <ul class="chips">{others.into_iter().map(|o| related_chip(&scene, o, lang)).collect_view()}</ul>
                }).collect_view()}
            </section>
            {inferred_chains(&scene, node, lang)}
            {node_events(&scene, &n.id, lang)}
            <details class="link-notes">
                <summary>{link_notes_heading}</summary>
                <ul>
                    {link_sources.into_iter().map(|(key, sentence, note, basis, sources)| view! {
                        <li>
                            {(basis == LinkBasis::Reading).then(|| view! { <span class="reading-badge">{i18n::OUR_READING.get(lang)}</span>" " })}
                            // The link's own details, as a click on its line in the graph opens.
                            <p class="link-sentence"><button type="button" class="link-button" lang=content_lang
                                on:click=move |_| state.select(Selected::Link(key.clone()))>{sentence}</button></p>
                            {note.map(|(note, note_lang)| view! { <p lang=note_lang>{note}</p> })}
                            <Quotes sources=sources lang=lang/>
                        </li>
                    }).collect_view()}
                </ul>
            </details>
        </article>
    }
}
