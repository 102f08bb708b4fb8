//! The search box: finds nodes by a word in either language (labels, the article's other names
//! for them, summaries) and groups by name. Its matches stay marked in the graph until the box
//! is cleared; choosing a result selects it and moves keyboard focus to it in the graph.

use crate::i18n;
use crate::state::use_app;
use atlas_core::view_state::Selected;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The result buttons shown now.
fn result_buttons() -> Vec<web_sys::HtmlElement> {
    let Some(list) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("search-results"))
    else {
        return Vec::new();
    };
    let Ok(found) = list.query_selector_all("button.result") else { return Vec::new() };
    (0..found.length()).filter_map(|i| found.item(i)?.dyn_into::<web_sys::HtmlElement>().ok()).collect()
}

/// Focuses result `index` (the last when there are fewer).
fn focus_result(index: usize) {
    let buttons = result_buttons();
    if let Some(b) = buttons.get(index.min(buttons.len().saturating_sub(1))) {
        let _ = b.focus();
    }
}

/// Focuses the result `delta` away from `current`; above the first, the box.
fn focus_result_after(current: Option<&web_sys::Element>, delta: i32) {
    let buttons = result_buttons();
    let at = current.and_then(|c| buttons.iter().position(|b| b.is_same_node(Some(c.as_ref()))));
    match at.map(|k| k as i32 + delta) {
        Some(k) if k < 0 => focus_box(),
        Some(k) => focus_result(k as usize),
        None => focus_result(0),
    }
}

/// Focuses the search box.
fn focus_box() {
    if let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("node-search"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = input.focus();
    }
}

/// The most results listed (the graph marks every match).
const MAX_RESULTS: usize = 10;

/// The search box and its results.
#[component]
pub fn Search() -> impl IntoView {
    let state = use_app();
    let lang = state.lang;
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let open = RwSignal::new(false);
    let hits = Memo::new(move |_| {
        state.scene.with(|s| {
            let q = state.search.get();
            let groups: Vec<usize> = s.search_groups(&q);
            let nodes: Vec<usize> = s.search(&q);
            (groups, nodes)
        })
    });
    let choose = move |selected: Selected| {
        open.set(false);
        if let Selected::Node(id) = &selected {
            // A found node must be visible: show its kind and group again.
            let scene = state.scene.get_untracked();
            if let Some(n) = scene.model.node(id) {
                state.hidden.update(|set| {
                    set.remove(&format!("kind:{}", n.kind.code()));
                    if let Some(g) = &n.group {
                        set.remove(&format!("group:{g}"));
                    }
                    set.retain(|k| !k.starts_with("actor:"));
                });
            }
        }
        let index = match &selected {
            Selected::Node(id) => state.scene.with_untracked(|s| s.model.node_idx(id)),
            _ => None,
        };
        state.select(selected);
        if let Some(i) = index {
            crate::view::focus_graph_node(i);
        }
    };
    let results = move || {
        let (groups, nodes) = hits.get();
        let scene = state.scene.get();
        let lang = lang.get();
        if groups.is_empty() && nodes.is_empty() {
            return view! { <li class="no-match">{i18n::NO_MATCH.get(lang)}</li> }.into_any();
        }
        let count = format!("{} {}", nodes.len(), i18n::SEARCH_MATCHES.get(lang));
        let group_items = groups
            .into_iter()
            .take(3)
            .map(|g| {
                let group = &scene.model.groups[g];
                let id = group.id.clone();
                let text = format!("{}: {}", i18n::GROUP.get(lang), group.label.get(lang));
                view! { <li><button type="button" class="result group-result" on:click=move |_| choose(Selected::Group(id.clone()))>{text}</button></li> }
            })
            .collect_view();
        let node_items = nodes
            .into_iter()
            .take(MAX_RESULTS)
            .map(|i| {
                let n = &scene.model.nodes[i];
                let id = n.id.clone();
                // The other language's name, when the reading is written in both.
                let other = n.label.other(lang).map(str::to_string);
                view! {
                    <li><button type="button" class="result" on:click=move |_| choose(Selected::Node(id.clone()))>
                        <span class="result-label" lang=n.label.shown_lang(lang).tag()>{n.label.get(lang).to_string()}</span>
                        {other.map(|other| view! { <span class="result-other" lang=lang.other().tag()>{other}</span> })}
                    </button></li>
                }
            })
            .collect_view();
        view! { {group_items}{node_items}<li class="result-count" aria-hidden="true">{count}</li> }.into_any()
    };
    // Arrow keys walk the results; Escape goes back to the box.
    let on_results_key = move |ev: web_sys::KeyboardEvent| {
        let delta = match ev.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            "Escape" => {
                ev.prevent_default();
                open.set(false);
                focus_box();
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        let current = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        focus_result_after(current.as_ref(), delta);
    };
    view! {
        <div class="search" role="search">
            <label for="node-search" class="sr-only">{t(i18n::SEARCH)}</label>
            <input id="node-search" type="search" autocomplete="off" aria-controls="search-results"
                placeholder=move || i18n::SEARCH.get(lang.get())
                title=move || format!("{} · {}", i18n::SEARCH.get(lang.get()), i18n::SEARCH_PLACEHOLDER.get(lang.get()))
                prop:value=move || state.search.get()
                on:input=move |ev| { state.search.set(event_target_value(&ev)); open.set(true); }
                on:focus=move |_| open.set(true)
                on:keydown=move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                    "Enter" => {
                        let (groups, nodes) = hits.get_untracked();
                        let scene = state.scene.get_untracked();
                        let first = nodes.first().map(|&i| Selected::Node(scene.model.nodes[i].id.clone()))
                            .or_else(|| groups.first().map(|&g| Selected::Group(scene.model.groups[g].id.clone())));
                        if let Some(first) = first {
                            ev.prevent_default();
                            choose(first);
                        }
                    }
                    "Escape" => {
                        if open.get_untracked() { open.set(false) } else { state.search.set(String::new()) }
                    }
                    "ArrowDown" => {
                        ev.prevent_default();
                        open.set(true);
                        focus_result(0);
                    }
                    _ => {}
                }/>
            <Show when=move || !state.search.get().is_empty()>
                <button type="button" class="icon clear-search" aria-label=t(i18n::CLEAR_SEARCH) title=t(i18n::CLEAR_SEARCH)
                    on:click=move |_| { state.search.set(String::new()); open.set(false); }>"×"</button>
            </Show>
            // Always in the page (the box's aria-controls names it), hidden while there is nothing to show.
            <ul id="search-results" class="search-results" aria-live="polite" on:keydown=on_results_key
                hidden=move || !open.get() || state.search.get().trim().is_empty()>{results}</ul>
        </div>
    }
}
