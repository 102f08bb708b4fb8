//! Choosing in the views for the editor: while the author draws a link or fills a list of ids
//! (a tour step's nodes, an event's), the next node or event chosen in the graph, the timeline
//! or Search goes to the editor instead of opening its form. Trial 6 spent 45 % of its
//! interactions on links, each end chosen from a list of 20 names, and three presses on each
//! node added to a tour step. Esc, "Stop choosing" or the button again ends it.

use super::field::{AddFrom, ItemChoices};
use super::{draw_link, use_editor, EditorState};
use crate::i18n;
use crate::state::{use_app, AppState};
use atlas_core::draft::{id_list_with, ids_in_text, Edit};
use atlas_core::view_state::Selected;
use atlas_core::Lang;
use leptos::prelude::*;

/// What the next item chosen in the views is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choosing {
    /// The other end of a link drawn from the node `from` (its id).
    LinkEnd { from: String },
    /// Items added, one after another, to the list of ids at `list` (`tour[1].nodes`), the
    /// field named `label` ("Nodes (ids)").
    ListItems { list: String, of: AddFrom, label: String },
}

/// While something is chosen in the views, the page says so to the pointer (`body.choosing`:
/// the graph's nodes take a crosshair), and Esc anywhere in the page stops it.
pub(super) fn watch(editor: EditorState) {
    Effect::new(move |_| {
        let choosing = editor.choosing.with(Option::is_some);
        if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
            let _ = body.class_list().toggle_with_force("choosing", choosing);
        }
    });
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && editor.choosing.with_untracked(Option::is_some) {
            editor.choosing.set(None);
        }
    });
    on_cleanup(move || handle.remove());
}

/// A node or an event chosen in the views while the editor waits for one: taken for what it
/// waits for. Whether it was taken (then its form is not opened).
pub(super) fn take(state: AppState, editor: EditorState, selected: &Selected) -> bool {
    let Some(choosing) = editor.choosing.get_untracked() else { return false };
    if *selected == Selected::Nothing {
        return true;
    }
    // Nothing stays chosen in the views: a chosen node dims the others and leaves out their
    // labels (trial 8 could not see the names of the nodes to choose next).
    state.selection.set(Selected::Nothing);
    match (choosing, selected) {
        (Choosing::LinkEnd { from }, Selected::Node(to)) => draw_link::finish(editor, from, to),
        (Choosing::ListItems { list, of: AddFrom::Nodes, .. }, Selected::Node(id))
        | (Choosing::ListItems { list, of: AddFrom::Events, .. }, Selected::Event(id)) => {
            let held = editor.field(&list);
            if !ids_in_text(&held).contains(&id.as_str()) {
                editor.edit(Edit::Set { text: id_list_with(&held, id), path: list });
            }
        }
        // Not what it waits for (an event while nodes are chosen): it keeps waiting.
        _ => {}
    }
    true
}

/// The button beside a list of ids (`list`, named `label`) that chooses its nodes in the graph,
/// or its events in the timeline, one after another; pressed while it does.
#[component]
pub fn ChooseInViewsButton(list: String, of: AddFrom, label: Signal<String>) -> impl IntoView {
    let state = use_app();
    let editor = use_editor();
    let lang = state.lang;
    let pressed = {
        let list = list.clone();
        move || editor.choosing.with(|now| matches!(now, Some(Choosing::ListItems { list: l, .. }) if *l == list))
    };
    let toggle = {
        let pressed = pressed.clone();
        move |_| {
            let mine = Choosing::ListItems { list: list.clone(), of, label: label.get_untracked() };
            editor.choosing.set((!pressed()).then_some(mine));
            // Every node as it rests, with its label (see `take`).
            state.selection.set(Selected::Nothing);
        }
    };
    let text = move || match of {
        AddFrom::Nodes => i18n::editor::CHOOSE_IN_GRAPH.get(lang.get()),
        AddFrom::Events => i18n::editor::CHOOSE_IN_TIMELINE.get(lang.get()),
    };
    view! {
        <button type="button" class="choose-in-views" aria-pressed=move || pressed().to_string()
            aria-label=move || format!("{} ({})", text(), label.get()) on:click=toggle>{text}</button>
    }
}

/// What the editor waits for, in the words of the bar's status (reactive; none when it waits
/// for nothing). The status says it in place of the draft's problems, in the same lines, so
/// nothing below the bar moves while the author points at the graph.
pub(super) fn said(editor: EditorState, lang: Lang) -> Option<String> {
    let choosing = editor.choosing.get()?;
    let choices = use_context::<ItemChoices>();
    let node_name = move |id: String| {
        choices
            .and_then(|c| c.nodes.with(|nodes| nodes.iter().find(|(i, _)| *i == id).map(|(_, n)| n.clone())))
            .filter(|n| !n.is_empty())
            .unwrap_or(id)
    };
    // "Nodes (ids) of “Why trust fails”": the field and its item's title, when it has one.
    let list_name = move |list: &str, label: String| {
        let item = list.rsplit_once('.').map_or(list, |(item, _)| item);
        let title = editor.with_draft(|d| d.field(&format!("{item}.title.{}", d.languages().shown(lang).code())));
        match (title.is_empty(), lang) {
            (true, _) => label,
            (false, Lang::En) => format!("{label} of “{title}”"),
            (false, Lang::Zh) => format!("“{title}”的{label}"),
        }
    };
    let citing = editor.picked.with(Option::is_some);
    Some(match (choosing, lang) {
        (Choosing::LinkEnd { from }, Lang::En) => format!(
            "Drawing a link from {}{}: choose the node it leads to, in the graph or with Search. Esc stops.",
            node_name(from),
            if citing { ", citing the selected words" } else { "" }
        ),
        (Choosing::LinkEnd { from }, Lang::Zh) => format!(
            "正在从“{}”画一条关系{}：请在关系图中或用搜索选择它指向的节点。按 Esc 停止。",
            node_name(from),
            if citing { "，并引用所选文字" } else { "" }
        ),
        (Choosing::ListItems { list, of: AddFrom::Nodes, label }, Lang::En) => format!(
            "Adding to {}: choose nodes in the graph or with Search, one after another. Esc stops.",
            list_name(&list, label)
        ),
        (Choosing::ListItems { list, of: AddFrom::Nodes, label }, Lang::Zh) => {
            format!("正在添加到{}：请在关系图中或用搜索逐个选择节点。按 Esc 停止。", list_name(&list, label))
        }
        (Choosing::ListItems { list, of: AddFrom::Events, label }, Lang::En) => format!(
            "Adding to {}: choose events in the timeline, one after another. Esc stops.",
            list_name(&list, label)
        ),
        (Choosing::ListItems { list, of: AddFrom::Events, label }, Lang::Zh) => {
            format!("正在添加到{}：请在时间线中逐个选择事件。按 Esc 停止。", list_name(&list, label))
        }
    })
}

/// Stops choosing in the views, beside the status that says what is chosen.
#[component]
pub fn StopChoosingButton() -> impl IntoView {
    let state = use_app();
    let editor = use_editor();
    view! {
        <Show when=move || editor.choosing.with(Option::is_some)>
            <button type="button" class="stop-choosing" on:click=move |_| editor.choosing.set(None)>
                {move || i18n::editor::STOP_CHOOSING.get(state.lang.get())}
            </button>
        </Show>
    }
}
