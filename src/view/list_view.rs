//! The graph as lists, for screen readers and anyone who prefers text: every threat with the
//! responses that address it (and the way they connect), every response with the threats it
//! addresses, each with its quotes. It shares the selection with the graph and the timeline.

use crate::i18n;
use crate::state::{use_app, Selection};
use atlas_core::scene::Scene;
use atlas_core::{Lang, NodeKind};
use leptos::prelude::*;
use std::sync::Arc;

fn entry(scene: &Arc<Scene>, node: usize, lang: Lang, counterpart: NodeKind) -> impl IntoView {
    let state = use_app();
    let n = &scene.model.nodes[node];
    let id = n.id.clone();
    let id_sel = id.clone();
    let selected = Memo::new(move |_| state.selection.get() == Selection::Node(id_sel.clone()));
    let paths: Vec<(usize, Vec<usize>)> = match counterpart {
        NodeKind::Response => scene.responses_to(node).into_iter().map(|p| (p.response, p.path.clone())).collect(),
        _ => scene.threats_of(node).into_iter().map(|p| (p.threat, p.path.clone())).collect(),
    };
    let quote = n.sources.first().map(|s| (s.quote.clone(), s.para.clone()));
    let none = match (counterpart, lang) {
        (NodeKind::Response, Lang::En) => "No response in the article addresses it.",
        (NodeKind::Response, Lang::Zh) => "原文未给出应对措施。",
        (_, Lang::En) => "It addresses no threat directly or through the article's links.",
        (_, Lang::Zh) => "原文未将其与具体威胁相连。",
    };
    view! {
        <li class:selected=move || selected.get()>
            <button type="button" class="list-node" aria-pressed=move || selected.get().to_string()
                on:click=move |_| state.selection.set(Selection::Node(id.clone()))>{n.label.get(lang).to_string()}</button>
            {quote.map(|(q, p)| view! { <q lang="zh-Hans">{q}</q><span class="para-id">{format!("[{p}]")}</span> })}
            {if paths.is_empty() {
                view! { <p class="list-none">{none}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {paths.into_iter().map(|(other, path)| {
                            let via: Vec<String> = path[1..path.len() - 1].iter().map(|v| scene.model.nodes[*v].label.get(lang).to_string()).collect();
                            let via = (!via.is_empty()).then(|| format!(" ({} {})", i18n::VIA.get(lang), via.join(" → ")));
                            view! { <li>{scene.model.nodes[other].label.get(lang).to_string()}{via}</li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </li>
    }
}

/// Threats with their responses, and responses with their threats, as nested lists.
#[component]
pub fn ListView() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    // The lists are built only while they are open: closed, they would be more than a third of
    // the page's elements, built before the first paint for nobody (the cost: find-in-page
    // does not see inside them while closed). Whether they are open outlives a change of
    // language; a new data set starts with them closed.
    let open = RwSignal::new(false);
    move || {
        let scene = state.scene.get();
        let lang = lang.get();
        let (summary, threats_title, responses_title) = match lang {
            Lang::Zh => ("以列表查看：威胁与应对", "威胁及应对它的措施", "应对措施及其针对的威胁"),
            Lang::En => (
                "Read as lists: threats and responses",
                "Threats and the responses that address them",
                "Responses and the threats they address",
            ),
        };
        let lists = move || {
            open.get().then(|| {
                let of_kind = |kind: NodeKind| -> Vec<usize> {
                    (0..scene.model.nodes.len()).filter(|&i| scene.model.nodes[i].kind == kind).collect()
                };
                let threats = of_kind(NodeKind::Threat);
                let responses = of_kind(NodeKind::Response);
                view! {
                    <h3 id="threat-list-heading">{threats_title}</h3>
                    <ul class="node-list" aria-labelledby="threat-list-heading">
                        {threats.into_iter().map(|i| entry(&scene, i, lang, NodeKind::Response)).collect_view()}
                    </ul>
                    <h3 id="response-list-heading">{responses_title}</h3>
                    <ul class="node-list" aria-labelledby="response-list-heading">
                        {responses.into_iter().map(|i| entry(&scene, i, lang, NodeKind::Threat)).collect_view()}
                    </ul>
                }
            })
        };
        view! {
            <details class="list-view" prop:open=open.get_untracked()
                on:toggle=move |ev| {
                    let now_open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                    if open.get_untracked() != now_open {
                        open.set(now_open);
                    }
                }>
                <summary>{summary}</summary>
                {lists}
            </details>
        }
    }
}
