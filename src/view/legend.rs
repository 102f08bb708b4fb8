//! The legend, which doubles as the filter: node kinds (with their shapes), groups (a threat's
//! layer, a response's level), the actors to stay near, and relation line styles (the data
//! set's readings drawn fainter).

use crate::i18n;
use crate::state::use_app;
use atlas_core::drawing::shape_path;
use atlas_core::order::sort_indices_by;
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
                let code = crate::view::graph::svg::relation_code(r);
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
        <div class="legend" role="group" aria-labelledby="legend-title">
            <h3 id="legend-title" class="legend-title">{legend_title}</h3>
            <fieldset><legend>{kinds_title}</legend><ul class="filters">{kinds}</ul></fieldset>
            <fieldset><legend>{groups_title}</legend><ul class="filters">{groups}</ul></fieldset>
            <fieldset><legend>{actors_title}</legend><ul class="filters">{actors}</ul></fieldset>
            <div class="relations-legend"><p class="legend-heading">{relations_title}</p><ul>{relations}
                <li><svg class="line-sample" viewBox="0 0 40 10" aria-hidden="true"><line class="link reading" x1="2" y1="5" x2="30" y2="5"/></svg>
                    <span>{move || i18n::OUR_READING.get(lang.get())}</span></li>
            </ul></div>
        </div>
    }
}
