//! A group's details: its name in both languages, the argument stage it belongs to, and its
//! nodes, each a button that selects it.

use super::node_button;
use crate::i18n;
use atlas_core::scene::Scene;
use atlas_core::Lang;
use leptos::prelude::*;
use std::sync::Arc;

/// A group's details.
pub fn details(scene: Arc<Scene>, group: usize, lang: Lang) -> impl IntoView {
    let g = &scene.model.groups[group];
    let stage = scene.model.stages.iter().find(|s| s.groups.contains(&g.id)).map(|s| s.label.get(lang).to_string());
    let nodes = scene.group_nodes(group);
    view! {
        <article class="details" aria-labelledby="detail-title">
            <p class="kind-badge">{i18n::GROUP.get(lang)}{stage.map(|s| format!(" · {} {s}", i18n::STAGE.get(lang)))}</p>
            <h3 id="detail-title" lang=g.label.shown_lang(lang).tag()>{g.label.get(lang).to_string()}</h3>
            {super::other_lang(&g.label, lang)}
            <section class="relations">
                <h4>{format!("{} ({})", i18n::NODES_IN_GROUP.get(lang), nodes.len())}</h4>
                <ul class="chips">{nodes.into_iter().map(|n| view! { <li>{node_button(&scene, n, lang)}</li> }).collect_view()}</ul>
            </section>
        </article>
    }
}
