//! The legend, which doubles as the filter: node kinds (with their shapes), groups (a threat's
//! layer, a response's level) and relation line styles; plus the node search.

use crate::i18n;
use crate::state::{use_app, Selection};
use atlas_core::order::sort_indices_by;
use atlas_core::scene::shape_path;
use atlas_core::{Lang, NodeKind, Relation};
use leptos::prelude::*;

/// The most actors offered in the actor filter.
const MAX_ACTOR_FILTERS: usize = 24;

/// Legend, filter and search for the graph.
#[component]
pub fn Legend() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let toggle = move |key: String| {
        state.hidden.update(|set| {
            if !set.remove(&key) {
                set.insert(key);
            }
        })
    };
    let kinds = move || {
        let scene = state.scene.get();
        NodeKind::ALL
            .into_iter()
            .filter_map(|kind| {
                let count = scene.model.nodes.iter().filter(|n| n.kind == kind).count();
                (count > 0).then_some((kind, count))
            })
            .map(|(kind, count)| {
                let key = format!("kind:{}", kind.code());
                let key2 = key.clone();
                view! {
                    <li>
                        <label class="filter">
                            <input type="checkbox" prop:checked=move || !state.hidden.get().contains(&key)
                                on:change=move |_| toggle(key2.clone())/>
                            <svg class=format!("swatch kind-{}", kind.code()) viewBox="-10 -10 20 20" aria-hidden="true">
                                <path class="shape" d=shape_path(kind, 6.0)/>
                            </svg>
                            <span>{move || kind.label(lang.get())}</span>
                            <span class="count">{count}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    let groups = move || {
        let scene = state.scene.get();
        scene
            .model
            .groups
            .iter()
            .filter(|g| scene.model.nodes.iter().any(|n| n.group.as_deref() == Some(&g.id)))
            .map(|g| {
                let key = format!("group:{}", g.id);
                let key2 = key.clone();
                let label = g.label.clone();
                view! {
                    <li>
                        <label class="filter">
                            <input type="checkbox" prop:checked=move || !state.hidden.get().contains(&key)
                                on:change=move |_| toggle(key2.clone())/>
                            <span>{move || label.get(lang.get()).to_string()}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    let actors = move || {
        let scene = state.scene.get();
        // The actors with the most links first; a data set with many actors lists the first
        // few dozen (the search box finds any node).
        let degrees = scene.graph.degrees();
        let mut actors: Vec<usize> = scene.actor_reach.iter().map(|(a, _)| *a).collect();
        sort_indices_by(&mut actors, &mut |a, b| degrees[b].cmp(&degrees[a]).then(a.cmp(&b)));
        actors.truncate(MAX_ACTOR_FILTERS);
        actors
            .iter()
            .map(|actor| {
                let node = scene.model.nodes[*actor].clone();
                let key = format!("actor:{}", node.id);
                let key2 = key.clone();
                view! {
                    <li>
                        <label class="filter">
                            <input type="checkbox" prop:checked=move || state.hidden.get().contains(&key)
                                on:change=move |_| toggle(key2.clone())/>
                            <span>{move || node.label.get(lang.get()).to_string()}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    let relations = move || {
        let scene = state.scene.get();
        Relation::ALL
            .into_iter()
            .filter(|r| scene.model.links.iter().any(|l| l.relation == *r))
            .map(|r| {
                let code = r.code().replace('_', "-");
                view! {
                    <li>
                        <svg class="line-sample" viewBox="0 0 40 10" aria-hidden="true">
                            <line class=format!("link rel-{code}") x1="2" y1="5" x2="30" y2="5" marker-end=format!("url(#arrow-{code})")/>
                        </svg>
                        <span>{move || r.label(lang.get())}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let actors_title = move || match lang.get() {
        Lang::Zh => "只显示与所选行为体相关的节点",
        Lang::En => "Show only what is near these actors",
    };
    let (legend_title, kinds_title, groups_title, relations_title) = (
        move || i18n::LEGEND.get(lang.get()),
        move || match lang.get() {
            Lang::Zh => "类型",
            Lang::En => "Kinds",
        },
        move || match lang.get() {
            Lang::Zh => "分组",
            Lang::En => "Groups",
        },
        move || match lang.get() {
            Lang::Zh => "关系",
            Lang::En => "Relations",
        },
    );
    view! {
        <div class="legend-and-search">
            <NodeSearch/>
            <details class="legend" open>
                <summary>{legend_title}</summary>
                <fieldset><legend>{kinds_title}</legend><ul class="filters">{kinds}</ul></fieldset>
                <fieldset><legend>{groups_title}</legend><ul class="filters">{groups}</ul></fieldset>
                <fieldset><legend>{actors_title}</legend><ul class="filters">{actors}</ul></fieldset>
                <div class="relations-legend"><p class="legend-heading">{relations_title}</p><ul>{relations}</ul></div>
            </details>
        </div>
    }
}

/// A search box that finds nodes by a word in either language and selects the chosen one.
#[component]
fn NodeSearch() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let query = RwSignal::new(String::new());
    let hits =
        Memo::new(move |_| state.scene.with(|s| s.search(&query.get())).into_iter().take(8).collect::<Vec<usize>>());
    let choose = move |node: usize| {
        let id = state.scene.with_untracked(|s| s.model.nodes[node].id.clone());
        state.hidden.update(|set| {
            // A found node must be visible: show its kind and group again.
            let scene = state.scene.get_untracked();
            let n = &scene.model.nodes[node];
            set.remove(&format!("kind:{}", n.kind.code()));
            if let Some(g) = &n.group {
                set.remove(&format!("group:{g}"));
            }
        });
        state.selection.set(Selection::Node(id));
        query.set(String::new());
        // Move keyboard focus to the node in the graph.
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Ok(Some(el)) = doc.query_selector(&format!("g.node[data-index=\"{node}\"]")) {
                use wasm_bindgen::JsCast;
                if let Some(svg_el) = el.dyn_ref::<web_sys::SvgElement>() {
                    let _ = svg_el.focus();
                }
            }
        }
    };
    view! {
        <div class="search" role="search">
            <label for="node-search">{move || i18n::SEARCH.get(lang.get())}</label>
            <input id="node-search" type="search" autocomplete="off"
                placeholder=move || i18n::SEARCH_PLACEHOLDER.get(lang.get())
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        if let Some(&first) = hits.get_untracked().first() {
                            ev.prevent_default();
                            choose(first);
                        }
                    } else if ev.key() == "Escape" {
                        query.set(String::new());
                    }
                }/>
            <Show when=move || !query.get().trim().is_empty()>
                <ul class="search-results" aria-live="polite">
                    {move || {
                        let list = hits.get();
                        if list.is_empty() {
                            return view! { <li class="no-match">{i18n::NO_MATCH.get(lang.get())}</li> }.into_any();
                        }
                        list.into_iter().map(|i| {
                            let scene = state.scene.get();
                            let n = &scene.model.nodes[i];
                            let text = format!("{} · {}", n.label.get(lang.get()), n.label.get(lang.get().other()));
                            view! { <li><button type="button" on:click=move |_| choose(i)>{text}</button></li> }
                        }).collect_view().into_any()
                    }}
                </ul>
            </Show>
        </div>
    }
}
