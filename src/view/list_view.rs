//! The graph as lists, for screen readers and anyone who prefers text: every threat with the
//! responses that address it, every response with the threats it addresses, each with its
//! quote. What the article states comes first; what this app infers through intermediate nodes
//! is listed apart, named as inferred, never as the author's claim. It shares the selection with
//! the graph and the timeline.

use crate::i18n;
use crate::state::use_app;
use atlas_core::analysis::CounterPath;
use atlas_core::scene::Scene;
use atlas_core::view_state::Selected;
use atlas_core::{Lang, LinkBasis, NodeKind};
use leptos::prelude::*;
use std::sync::Arc;

/// Counterparts reached directly, with the link's basis.
type Direct = Vec<(usize, LinkBasis)>;
/// Counterparts reached through intermediate nodes, with the path's middle.
type Inferred = Vec<(usize, Vec<usize>)>;

/// The counterparts of `node` reached directly and through intermediate nodes.
fn counterparts(scene: &Scene, node: usize, kind: NodeKind) -> (Direct, Inferred) {
    let paths: Vec<&CounterPath> =
        if kind == NodeKind::Threat { scene.responses_to(node) } else { scene.threats_of(node) };
    let other = |p: &CounterPath| if kind == NodeKind::Threat { p.response } else { p.threat };
    let basis = |p: &CounterPath| {
        let (a, b) = (p.path[0], p.path[1]);
        scene
            .model
            .links
            .iter()
            .zip(&scene.link_ends)
            .find(|(_, &(s, t))| (s, t) == (a, b) || (s, t) == (b, a))
            .map_or(LinkBasis::Stated, |(l, _)| l.basis)
    };
    let direct = paths.iter().filter(|p| p.path.len() == 2).map(|p| (other(p), basis(p))).collect();
    let inferred =
        paths.iter().filter(|p| p.path.len() > 2).map(|p| (other(p), p.path[1..p.path.len() - 1].to_vec())).collect();
    (direct, inferred)
}

fn entry(scene: &Arc<Scene>, node: usize, lang: Lang, kind: NodeKind) -> impl IntoView {
    let state = use_app();
    let n = &scene.model.nodes[node];
    let id = n.id.clone();
    let id_sel = id.clone();
    let selected = Memo::new(move |_| state.selection.get() == Selected::Node(id_sel.clone()));
    let (direct, inferred) = counterparts(scene, node, kind);
    let source = n.sources.first().cloned();
    let none = match (kind, lang) {
        (NodeKind::Threat, Lang::En) => "No response in the text addresses it.",
        (NodeKind::Threat, Lang::Zh) => "原文未给出应对措施。",
        (_, Lang::En) => "It addresses no threat directly or through the text's links.",
        (_, Lang::Zh) => "原文未将其与具体威胁相连。",
    };
    let label = |i: usize| scene.model.nodes[i].label.get(lang).to_string();
    let empty = direct.is_empty() && inferred.is_empty();
    let inferred_count = inferred.len();
    view! {
        <li class:selected=move || selected.get()>
            <button type="button" class="list-node" aria-pressed=move || selected.get().to_string()
                on:click=move |_| state.select(Selected::Node(id.clone()))>{n.label.get(lang).to_string()}</button>
            {source.map(|s| {
                // The source's words stay in its language, with the rendering marked.
                let source_lang = scene.model.source_lang();
                let rendering = s.rendering(lang, source_lang).map(|t| t.text.clone());
                view! {
                    <q lang=source_lang.tag()>{s.quote}</q><span class="para-id">{format!("[{}]", s.para)}</span>
                    {rendering.map(|text| view! { <span class="list-translation">" — "{text}" ("{i18n::TRANSLATION.get(lang)}")"</span> })}
                }
            })}
            {empty.then(|| view! { <p class="list-none">{none}</p> })}
            {(!direct.is_empty()).then(|| view! {
                <p class="stated-badge">{i18n::STATED.get(lang)}</p>
                <ul class="stated-list" aria-label=i18n::STATED.get(lang)>
                    {direct.into_iter().map(|(other, basis)| view! {
                        <li>{label(other)}{(basis == LinkBasis::Reading).then(|| format!(" ({})", i18n::OUR_READING.get(lang)))}</li>
                    }).collect_view()}
                </ul>
            })}
            // Chains the app infers are many and alike: folded, counted, opened on demand.
            {(!inferred.is_empty()).then(|| view! {
                <details class="inferred-fold">
                    <summary class="inferred-badge">{format!("{} ({inferred_count})", i18n::INFERRED.get(lang))}</summary>
                    <ul class="inferred-list" aria-label=i18n::INFERRED.get(lang)>
                        {inferred.into_iter().map(|(other, via)| view! {
                            <li>{label(other)}{format!(" ({} {})", i18n::VIA.get(lang), via.iter().map(|&v| label(v)).collect::<Vec<_>>().join(" → "))}</li>
                        }).collect_view()}
                    </ul>
                </details>
            })}
        </li>
    }
}

/// The lists, in a dialog the menu opens (built only while open: closed, they would be more
/// than a third of the page's elements, built for nobody).
#[component]
pub fn ListDialog(
    /// Bumped to open the dialog.
    open: RwSignal<u32>,
) -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let shown = RwSignal::new(false);
    Effect::new(move |previous: Option<u32>| {
        let count = open.get();
        if previous.is_some_and(|p| p != count) {
            shown.set(true);
            if let Some(d) = dialog.get_untracked() {
                if !d.open() {
                    let _ = d.show_modal();
                }
            }
        }
        count
    });
    let lists = move || {
        shown.get().then(|| {
            let scene = state.scene.get();
            let lang = lang.get();
            let of_kind = |kind: NodeKind| -> Vec<usize> { (0..scene.model.nodes.len()).filter(|&i| scene.model.nodes[i].kind == kind).collect() };
            let (threats_title, responses_title) = match lang {
                Lang::Zh => ("威胁及应对它的措施", "应对措施及其针对的威胁"),
                Lang::En => ("Threats and the responses that address them", "Responses and the threats they address"),
            };
            view! {
                <h3 id="threat-list-heading">{threats_title}</h3>
                <ul class="node-list" aria-labelledby="threat-list-heading">
                    {of_kind(NodeKind::Threat).into_iter().map(|i| entry(&scene, i, lang, NodeKind::Threat)).collect_view()}
                </ul>
                <h3 id="response-list-heading">{responses_title}</h3>
                <ul class="node-list" aria-labelledby="response-list-heading">
                    {of_kind(NodeKind::Response).into_iter().map(|i| entry(&scene, i, lang, NodeKind::Response)).collect_view()}
                </ul>
            }
        })
    };
    view! {
        <dialog node_ref=dialog class="list-dialog" aria-labelledby="list-title" on:close=move |_| shown.set(false)>
            <h2 id="list-title">{move || i18n::READ_AS_LISTS.get(lang.get())}</h2>
            <button type="button" class="dialog-close" on:click=move |_| { if let Some(d) = dialog.get_untracked() { d.close(); } }>
                {move || i18n::CLOSE.get(lang.get())}</button>
            {lists}
        </dialog>
    }
}
