//! The detail panel: what the selected node or event is, what the article says about it (the
//! quotes with their paragraph ids), and what it connects to, each a button that selects it.

use crate::i18n;
use crate::state::{use_app, Selection};
use atlas_core::scene::Scene;
use atlas_core::{Lang, NodeKind, Relation, Source};
use leptos::prelude::*;
use std::sync::Arc;

/// Shows the current selection, or the article's thesis when nothing is selected.
#[component]
pub fn DetailPanel() -> impl IntoView {
    let state = use_app();
    let clear =
        move || {
            (state.selection.get() != Selection::Nothing).then(|| view! {
            <button type="button" class="clear-selection" on:click=move |_| state.selection.set(Selection::Nothing)>
                {move || i18n::CLEAR_SELECTION.get(state.lang.get())}
            </button>
        })
        };
    let body = move || {
        let scene = state.scene.get();
        let lang = state.lang.get();
        match state.selection.get() {
            Selection::Nothing => nothing_selected(&scene, lang).into_any(),
            Selection::Node(id) => match scene.model.node_idx(&id) {
                Some(i) => node_details(scene.clone(), i, lang).into_any(),
                None => nothing_selected(&scene, lang).into_any(),
            },
            Selection::Event(id) => match scene.model.event_idx(&id) {
                Some(i) => event_details(scene.clone(), i, lang).into_any(),
                None => nothing_selected(&scene, lang).into_any(),
            },
        }
    };
    view! { {clear} {body} }
}

fn nothing_selected(scene: &Scene, lang: Lang) -> impl IntoView {
    let thesis = &scene.model.argument.thesis;
    view! {
        <div class="details details-empty">
            <p class="hint">{i18n::NOTHING_SELECTED.get(lang)}</p>
            <h3>{match lang { Lang::Zh => "核心论点", Lang::En => "The thesis" }}</h3>
            <p>{thesis.text.get(lang).to_string()}</p>
            <Quotes sources=thesis.sources.clone() lang=lang/>
        </div>
    }
}

/// The quotes of an item, each with its paragraph id. Quotes stay in Chinese (the source).
#[component]
fn Quotes(
    /// The sources to show.
    sources: Vec<Source>,
    /// The interface language (the quotes themselves are always Chinese).
    lang: Lang,
) -> impl IntoView {
    view! {
        <section class="quotes" aria-label=i18n::SOURCES.get(lang)>
            <h4>{i18n::SOURCES.get(lang)}</h4>
            <ul>
                {sources.into_iter().map(|s| view! {
                    <li>
                        <blockquote lang="zh-Hans">{s.quote}</blockquote>
                        <span class="para-id">{format!("[{}]", s.para)}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// A button that selects a node, labelled with its name and kind.
fn node_button(scene: &Scene, node: usize, lang: Lang) -> impl IntoView {
    let state = use_app();
    let n = &scene.model.nodes[node];
    let id = n.id.clone();
    let label = n.label.get(lang).to_string();
    let kind = n.kind;
    view! {
        <button type="button" class=format!("chip kind-{}", kind.code())
            on:click=move |_| state.selection.set(Selection::Node(id.clone()))>
            <span class="chip-kind">{kind.label(lang)}</span>" "{label}
        </button>
    }
}

fn node_details(scene: Arc<Scene>, node: usize, lang: Lang) -> impl IntoView {
    let n = scene.model.nodes[node].clone();
    let group = n.group.as_ref().and_then(|g| scene.model.group(g)).map(|g| g.label.get(lang).to_string());
    // Links grouped by relation and direction, in the closed order of relations.
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for relation in Relation::ALL {
        for outgoing in [true, false] {
            let others: Vec<usize> = scene
                .model
                .links
                .iter()
                .zip(&scene.link_ends)
                .filter(|(l, (s, t))| l.relation == relation && if outgoing { *s == node } else { *t == node })
                .map(|(_, (s, t))| if outgoing { *t } else { *s })
                .collect();
            if others.is_empty() {
                continue;
            }
            let heading = if outgoing {
                format!("→ {}", relation.label(lang))
            } else if relation == Relation::PartOf {
                match lang {
                    Lang::Zh => "← 包含".to_string(),
                    Lang::En => "← has part".to_string(),
                }
            } else {
                match lang {
                    Lang::Zh => format!("← 被{}", relation.label(lang)),
                    Lang::En => format!("← {} by", relation.label(lang)),
                }
            };
            groups.push((heading, others));
        }
    }
    let link_sources: Vec<(String, Vec<Source>)> = scene
        .model
        .links
        .iter()
        .zip(&scene.link_ends)
        .filter(|(_, (s, t))| *s == node || *t == node)
        .map(|(l, _)| (l.note.get(lang).to_string(), l.sources.clone()))
        .collect();
    let counters: Vec<(usize, Vec<usize>)> = match n.kind {
        NodeKind::Threat => {
            scene.responses_to(node).into_iter().map(|p| (p.response, p.path[1..p.path.len() - 1].to_vec())).collect()
        }
        NodeKind::Response => {
            scene.threats_of(node).into_iter().map(|p| (p.threat, p.path[1..p.path.len() - 1].to_vec())).collect()
        }
        _ => Vec::new(),
    };
    let counter_heading = match n.kind {
        NodeKind::Threat => Some(i18n::COUNTERED_BY.get(lang)),
        NodeKind::Response => Some(i18n::COUNTERS.get(lang)),
        _ => None,
    };
    let uncountered = n.kind == NodeKind::Threat && scene.uncountered.contains(&node);
    let events = scene.model.events_of_node(&n.id);
    let state = use_app();
    let s2 = scene.clone();
    let s3 = scene.clone();
    let s4 = scene.clone();
    view! {
        <article class="details" aria-labelledby="detail-title">
            <p class=format!("kind-badge kind-{}", n.kind.code())>
                {n.kind.label(lang)}{group.map(|g| format!(" · {g}"))}
            </p>
            <h3 id="detail-title">{n.label.get(lang).to_string()}</h3>
            <p class="other-lang" lang=lang.other().tag()>{n.label.get(lang.other()).to_string()}</p>
            <p class="summary">{n.summary.get(lang).to_string()}</p>
            <Quotes sources=n.sources.clone() lang=lang/>
            {counter_heading.map(|h| view! {
                <section class="counters">
                    <h4>{h}</h4>
                    {uncountered.then(|| view! { <p class="warning">{i18n::UNCOUNTERED.get(lang)}</p> })}
                    <ul>
                        {counters.iter().map(|(other, via)| view! {
                            <li>
                                {node_button(&s2, *other, lang)}
                                {(!via.is_empty()).then(|| view! {
                                    <span class="via">{format!(" {} ", i18n::VIA.get(lang))}
                                        {via.iter().map(|v| s2.model.nodes[*v].label.get(lang).to_string()).collect::<Vec<_>>().join(" → ")}
                                    </span>
                                })}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <section class="relations">
                <h4>{i18n::RELATED.get(lang)}</h4>
                {groups.into_iter().map(|(heading, others)| view! {
                    <h5>{heading}</h5>
                    <ul class="chips">{others.into_iter().map(|o| view! { <li>{node_button(&s3, o, lang)}</li> }).collect_view()}</ul>
                }).collect_view()}
            </section>
            {(!events.is_empty()).then(|| view! {
                <section class="node-events">
                    <h4>{i18n::EVENTS_OF_NODE.get(lang)}</h4>
                    <ul class="chips">
                        {events.into_iter().map(|e| {
                            let ev = s4.model.events[e].clone();
                            let id = ev.id.clone();
                            view! { <li><button type="button" class="chip"
                                on:click=move |_| state.selection.set(Selection::Event(id.clone()))>
                                {format!("{} · {}", ev.date.display(lang), ev.title.get(lang))}</button></li> }
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <details class="link-notes">
                <summary>{match lang { Lang::Zh => "关系说明与出处", Lang::En => "Link notes and sources" }}</summary>
                <ul>
                    {link_sources.into_iter().map(|(note, sources)| view! {
                        <li><p>{note}</p><Quotes sources=sources lang=lang/></li>
                    }).collect_view()}
                </ul>
            </details>
        </article>
    }
}

fn event_details(scene: Arc<Scene>, event: usize, lang: Lang) -> impl IntoView {
    let e = scene.model.events[event].clone();
    let actor = scene.model.node_idx(&e.actor);
    let related = scene.event_nodes[event].clone();
    let by_kind = |kinds: &[NodeKind]| -> Vec<usize> {
        related.iter().copied().filter(|&i| kinds.contains(&scene.model.nodes[i].kind) && Some(i) != actor).collect()
    };
    let threats = by_kind(&[NodeKind::Threat]);
    let responses = by_kind(&[NodeKind::Response]);
    let others = by_kind(&[
        NodeKind::Actor,
        NodeKind::Document,
        NodeKind::Event,
        NodeKind::Concept,
        NodeKind::Claim,
        NodeKind::Person,
    ]);
    let section = {
        let scene = scene.clone();
        move |title: &'static str, nodes: Vec<usize>| {
            (!nodes.is_empty()).then(|| view! {
                <h5>{title}</h5>
                <ul class="chips">{nodes.into_iter().map(|n| view! { <li>{node_button(&scene, n, lang)}</li> }).collect_view()}</ul>
            })
        }
    };
    let (threats_title, responses_title, others_title) = match lang {
        Lang::Zh => ("指出的威胁", "提出的应对", "其他相关"),
        Lang::En => ("Threats it names", "Responses it proposes", "Also related"),
    };
    view! {
        <article class="details" aria-labelledby="detail-title">
            <p class="kind-badge kind-event">{i18n::TIMELINE.get(lang)}</p>
            <h3 id="detail-title">{e.title.get(lang).to_string()}</h3>
            {e.official_title.clone().map(|t| view! {
                <p class="official-title"><span class="label">{i18n::OFFICIAL_TITLE.get(lang)}": "</span>
                    <cite lang=t.lang.clone()>{t.text.clone()}</cite></p>
            })}
            <p class="other-lang" lang=lang.other().tag()>{e.title.get(lang.other()).to_string()}</p>
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
            <p class="summary">{e.summary.get(lang).to_string()}</p>
            <Quotes sources=e.sources.clone() lang=lang/>
            <section class="relations">
                {section(threats_title, threats)}
                {section(responses_title, responses)}
                {section(others_title, others)}
            </section>
        </article>
    }
}
