//! The details panel: what the selected node, event, group or link is, what the article says about
//! it (its quotes, with paragraph ids and, in English, their marked translations), and what it
//! connects to, each a button that selects it. What the article states and what this app infers
//! through intermediate nodes are shown apart and named differently.
//!
//! A Back control returns to the previous selection (the browser's history holds each one), and
//! a new selection brings its title into view.

mod event;
mod group;
mod link;
mod node;
mod quotes;

use crate::i18n;
use crate::state::use_app;
use atlas_core::scene::Scene;
use atlas_core::view_state::Selected;
use atlas_core::{Lang, Text};
use leptos::prelude::*;
pub use node::link_sentence;
pub use quotes::{basis_tag, Quotes};

/// A title's other language under it, when the reading is written in both.
pub fn other_lang(text: &Text, lang: Lang) -> Option<impl IntoView> {
    text.other(lang).map(|other| view! { <p class="other-lang" lang=lang.other().tag()>{other.to_string()}</p> })
}

/// A button that selects a node, labelled with its name and kind.
pub fn node_button(scene: &Scene, node: usize, lang: Lang) -> impl IntoView {
    let state = use_app();
    let n = &scene.model.nodes[node];
    let id = n.id.clone();
    let kind = n.kind;
    view! {
        <button type="button" class=format!("chip kind-{}", kind.code())
            on:click=move |_| state.select(Selected::Node(id.clone()))>
            <span class="chip-kind">{kind.label(lang)}</span>" "{n.label.get(lang).to_string()}
        </button>
    }
}

/// The thesis, when nothing is selected, and the source it is read from (trial 13's student
/// found the citation nowhere in the published map).
fn nothing_selected(scene: &Scene, lang: Lang) -> impl IntoView {
    let thesis = &scene.model.argument.thesis;
    let citation = &scene.model.meta.citation;
    view! {
        <div class="details details-empty">
            <p class="hint">{i18n::NOTHING_SELECTED.get(lang)}</p>
            <h3 id="detail-title">{match lang { Lang::Zh => "核心论点", Lang::En => "The thesis" }}</h3>
            <p lang=thesis.text.shown_lang(lang).tag()>{thesis.text.get(lang).to_string()}</p>
            <Quotes sources=thesis.sources.clone() lang=lang/>
            {(!citation.is_empty()).then(|| view! {
                <h4>{match lang { Lang::Zh => "文献信息", Lang::En => "The source" }}</h4>
                <p class="citation" lang=citation.shown_lang(lang).tag()>{citation.get(lang).to_string()}</p>
            })}
        </div>
    }
}

/// Shows the current selection, or the article's thesis when nothing is selected.
#[component]
pub fn DetailPanel() -> impl IntoView {
    let state = use_app();
    let panel = NodeRef::<leptos::html::Div>::new();
    let t = move |ui: i18n::Ui| move || ui.get(state.lang.get());
    // A new selection starts at its title.
    Effect::new(move |_| {
        state.selection.track();
        if let Some(el) = panel.get_untracked() {
            el.set_scroll_top(0);
        }
    });
    let body = move || {
        let scene = state.scene.get();
        let lang = state.lang.get();
        match state.selection.get() {
            Selected::Node(id) => match scene.model.node_idx(&id) {
                Some(i) => node::details(scene.clone(), i, lang).into_any(),
                None => nothing_selected(&scene, lang).into_any(),
            },
            Selected::Event(id) => match scene.model.event_idx(&id) {
                Some(i) => event::details(scene.clone(), i, lang).into_any(),
                None => nothing_selected(&scene, lang).into_any(),
            },
            Selected::Group(id) => match scene.model.groups.iter().position(|g| g.id == id) {
                Some(g) => group::details(scene.clone(), g, lang).into_any(),
                None => nothing_selected(&scene, lang).into_any(),
            },
            Selected::Link(key) => match scene.model.link_idx(&key) {
                Some(k) => link::details(scene.clone(), k, lang).into_any(),
                None => nothing_selected(&scene, lang).into_any(),
            },
            Selected::Nothing => nothing_selected(&scene, lang).into_any(),
        }
    };
    let back = move |_| {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.back();
        }
    };
    view! {
        <div class="detail-controls">
            <Show when=move || { state.back_depth.get() > 0 }>
                <button type="button" class="back-button" on:click=back>{t(i18n::BACK)}</button>
            </Show>
            <Show when=move || state.selection.get() != Selected::Nothing>
                <button type="button" class="clear-selection" on:click=move |_| state.selection.set(Selected::Nothing)>
                    {t(i18n::CLEAR_SELECTION)}
                </button>
            </Show>
        </div>
        // Focusable, so a keyboard can scroll a long entry even when it holds no link.
        <div class="detail-body" node_ref=panel tabindex="0">{body}</div>
    }
}
