//! Choosing in the graph for the editor: while the author draws a link or fills a list of node
//! ids (a tour step's nodes, an event's, the thesis's), the next node chosen in the graph (a
//! click, Enter on it) or with Search goes to the editor instead of being selected (the views'
//! `state.select` hands it over: `AppState::picking`); a tour step's events are chosen so in
//! the timeline. Trial 6 spent 45 % of its interactions
//! on links, each end chosen from a list of 20 names, and three presses on each node added to
//! a tour step. Esc, "Stop choosing" or the button again ends it; so does any change of the
//! draft's shape (Undo, Redo, a removal, another reading), which could leave it pointing at an
//! item that is gone or has moved.

use super::field::{field_id, ItemChoices};
use super::{draw_link, item_list, use_editor, EditorState};
use crate::i18n;
use crate::state::{use_app, AppState};
use atlas_core::draft::{id_list_with, ids_in_text, Edit};
use atlas_core::view_state::Selected;
use atlas_core::Lang;
use leptos::prelude::*;

/// What the next node chosen in the graph is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choosing {
    /// The other end of a link drawn from the node whose form is at `at` (`nodes[3]`; its id is
    /// read when the link is made, so a label written meanwhile, which renames it, is followed).
    LinkEnd { at: String },
    /// Nodes added, one after another, to the list of ids at `list` (`tour[1].nodes`).
    ListItems { list: String },
    /// Events added, one after another, to the list of event ids at `list` (`tour[1].events`),
    /// chosen in the timeline (trial 11 added a step's events through the list and Add).
    ListEvents { list: String },
}

impl Choosing {
    /// The id of the button that started it, where the keyboard goes when it stops.
    fn button_id(&self) -> String {
        match self {
            Choosing::LinkEnd { at } => format!("{}-draw-link", field_id(at)),
            Choosing::ListItems { list } | Choosing::ListEvents { list } => format!("{}-choose", field_id(list)),
        }
    }
}

/// Starts choosing for `what`. Nothing stays selected in the graph: a selected node dims the
/// others and leaves out their labels (trial 8 could not see the names of the nodes to choose).
fn start(state: AppState, editor: EditorState, what: Choosing) {
    state.selection.set(Selected::Nothing);
    editor.choosing.set(Some(what));
}

/// Stops choosing, the keyboard back on the button that started it.
fn stop_to_its_button(editor: EditorState) {
    if let Some(what) = editor.choosing.get_untracked() {
        editor.choosing.set(None);
        item_list::show_field(what.button_id(), true);
        next_in_sight(&what);
    }
}

/// Once the author ends choosing a tour step's nodes, its events are next: the names read back
/// under the nodes' field pushed "Choose in the timeline" below the forms' foot (trial 15
/// scrolled for it). Not when choosing ends by itself (Undo, a removal): the step may be gone.
fn next_in_sight(ended: &Choosing) {
    if let Choosing::ListItems { list } = ended {
        if let Some(step) = list.strip_suffix(".nodes").filter(|at| at.starts_with("tour[")) {
            item_list::bring_into_sight(Choosing::ListEvents { list: format!("{step}.events") }.button_id());
        }
    }
}

/// While choosing: the views hand their choices over (`picking`), the graph's nodes take a
/// crosshair (`body.choosing`), Esc stops it (unless something else took that Esc: the search's
/// results, a list), and so does closing the editor.
pub(super) fn watch(state: AppState, editor: EditorState) {
    Effect::new(move |_| {
        if !editor.open.get() && editor.choosing.with_untracked(Option::is_some) {
            editor.choosing.set(None);
        }
    });
    Effect::new(move |_| {
        let choosing = editor.choosing.with(Option::is_some);
        state.picking.set(choosing);
        if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
            let _ = body.class_list().toggle_with_force("choosing", choosing);
        }
    });
    Effect::new(move |_| {
        let Some(picked) = state.picked.get() else { return };
        untrack(|| take(editor, &picked));
    });
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && !ev.default_prevented() {
            if let Some(what) = editor.choosing.get_untracked() {
                editor.choosing.set(None);
                next_in_sight(&what);
            }
        }
    });
    on_cleanup(move || handle.remove());
}

/// A node (or, for a list of events, an event) chosen in the views while the editor waits for
/// one, taken for what it waits for. Anything else (a group, an event for nodes) leaves it
/// waiting.
fn take(editor: EditorState, picked: &Selected) {
    let add_to = |list: String, id: &str| {
        let held = editor.field(&list);
        if !ids_in_text(&held).contains(&id) {
            editor.edit(Edit::Set { text: id_list_with(&held, id), path: list });
        }
    };
    match (editor.choosing.get_untracked(), picked) {
        (Some(Choosing::LinkEnd { at }), Selected::Node(id)) => draw_link::finish(editor, &at, id),
        (Some(Choosing::ListItems { list }), Selected::Node(id))
        | (Some(Choosing::ListEvents { list }), Selected::Event(id)) => add_to(list, id),
        _ => {}
    }
}

/// The button beside a list of node ids (`list`, its field named `label`) that chooses its
/// nodes in the graph, one after another, or, for a list of `events`, its events in the
/// timeline; pressed while it does.
#[component]
pub fn ChooseInViewsButton(list: String, label: Signal<String>, events: bool) -> impl IntoView {
    let state = use_app();
    let editor = use_editor();
    let lang = state.lang;
    let what =
        if events { Choosing::ListEvents { list: list.clone() } } else { Choosing::ListItems { list: list.clone() } };
    let (id, pressed, on_pointerdown, on_click) = toggle_button(state, editor, what);
    let name = if events { i18n::editor::CHOOSE_IN_TIMELINE } else { i18n::editor::CHOOSE_IN_GRAPH };
    let text = move || name.get(lang.get());
    view! {
        <button type="button" id=id class="choose-in-views" aria-pressed=move || pressed().to_string()
            aria-label=move || format!("{} ({})", text(), titled(editor, lang.get(), &list, &label.get()))
            on:pointerdown=on_pointerdown on:click=on_click>{text}</button>
    }
}

/// What a button that starts choosing for `mine`, and stops it when pressed again, needs: its id
/// (where "Stop choosing" puts the keyboard back), whether it is pressed (reactive), and its
/// press and click handlers (see [`on_press`]).
pub(super) fn toggle_button(
    state: AppState,
    editor: EditorState,
    mine: Choosing,
) -> (
    String,
    impl Fn() -> bool + Clone + Send + Sync + 'static,
    impl Fn(web_sys::PointerEvent) + 'static,
    impl Fn(web_sys::MouseEvent) + 'static,
) {
    let id = mine.button_id();
    let pressed = {
        let mine = mine.clone();
        move || editor.choosing.with(|now| now.as_ref() == Some(&mine))
    };
    let toggle = {
        let pressed = pressed.clone();
        move || {
            if pressed() {
                editor.choosing.set(None);
            } else {
                start(state, editor, mine.clone());
            }
        }
    };
    let (on_pointerdown, on_click) = on_press(toggle);
    (id, pressed, on_pointerdown, on_click)
}

/// Wires a button that starts or stops choosing to act on the press, not on the click: leaving
/// a field (which the press does) commits it, and a problem under it that goes or comes moves
/// the form, so the release lands beside the button and no click comes (trial 9: six times out
/// of six, after typing a step's text). A mouse's or a pen's press acts, and the click after it
/// is ignored; a touch (which may be the start of a scroll) and the keyboard (Enter, Space:
/// `detail` 0) act on the click.
fn on_press(
    toggle: impl Fn() + Clone + 'static,
) -> (impl Fn(web_sys::PointerEvent) + 'static, impl Fn(web_sys::MouseEvent) + 'static) {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let done_on_press = Arc::new(AtomicBool::new(false));
    let (pressed, done) = (toggle.clone(), done_on_press.clone());
    let on_pointerdown = move |ev: web_sys::PointerEvent| {
        let by_press = ev.button() == 0 && ev.is_primary() && ev.pointer_type() != "touch";
        done.store(by_press, Ordering::Relaxed);
        if by_press {
            pressed();
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let after_press = done_on_press.swap(false, Ordering::Relaxed);
        if ev.detail() == 0 || !after_press {
            toggle();
        }
    };
    (on_pointerdown, on_click)
}

/// A list of node ids, named by its field's `label` and its item's title when it has one:
/// "Nodes (ids) of “Why trust fails”" (reactive: the title is read from the draft). Its "Choose
/// in the graph" button is named so, that the buttons of several open forms are told apart.
fn titled(editor: EditorState, lang: Lang, list: &str, label: &str) -> String {
    let (item, _) = list.rsplit_once('.').unwrap_or((list, list));
    let title = editor.with_draft(|d| d.field(&format!("{item}.title.{}", d.languages().shown(lang).code())));
    match (title.is_empty(), lang) {
        (true, _) => label.to_string(),
        (false, Lang::En) => format!("{label} of “{title}”"),
        (false, Lang::Zh) => format!("“{title}”的{label}"),
    }
}

/// A list of node ids as the status names it while it is filled (see [`titled`]); the label
/// is its field's, found from the path, as the status has no field at hand.
fn list_name(editor: EditorState, lang: Lang, list: &str) -> String {
    let (item, field) = list.rsplit_once('.').unwrap_or((list, list));
    let label = match field {
        "principles" => i18n::editor::PRINCIPLES,
        "models" => i18n::editor::MODELS,
        "events" => i18n::editor::STEP_EVENTS,
        _ if item == "argument.thesis" => i18n::editor::THESIS_NODES,
        _ => i18n::editor::ITEM_NODES,
    }
    .get(lang);
    titled(editor, lang, list, label)
}

/// What the editor waits for, in the words of the bar's status (reactive; none when it waits
/// for nothing). The status says it in place of the draft's problems, in the same lines, so
/// nothing below the bar moves while the author points at the graph.
pub(super) fn said(editor: EditorState, lang: Lang) -> Option<String> {
    let choosing = editor.choosing.get()?;
    let choices = use_context::<ItemChoices>();
    let node_name = move |id: String| choices.and_then(|c| c.node_name(&id)).unwrap_or(id);
    let list_name = |list: &str| list_name(editor, lang, list);
    let citing = editor.picked.with(Option::is_some);
    // What to do first: the status shows two lines (beside "Stop choosing" at 1366×768, that
    // is these with a short name), and the style sheet cuts a third rather than let the forms
    // under the bar jump; the whole is the status's title, and a screen reader hears it all.
    Some(match (choosing, lang) {
        (Choosing::LinkEnd { at }, Lang::En) => format!(
            "Click where the link from {} leads (or Search){}. Esc stops.",
            node_name(editor.field(&format!("{at}.id"))),
            if citing { ", citing the selection" } else { "" }
        ),
        (Choosing::LinkEnd { at }, Lang::Zh) => format!(
            "请点击从“{}”画出的关系所指向的节点（或用搜索）{}。按 Esc 停止。",
            node_name(editor.field(&format!("{at}.id"))),
            if citing { "，并引用所选文字" } else { "" }
        ),
        (Choosing::ListItems { list }, Lang::En) => {
            format!("Click nodes in the graph (or Search) to add them to {}. Esc stops.", list_name(&list))
        }
        (Choosing::ListItems { list }, Lang::Zh) => {
            format!("请在关系图中逐个点击节点（或用搜索），添加到{}。按 Esc 停止。", list_name(&list))
        }
        (Choosing::ListEvents { list }, Lang::En) => {
            format!("Click events in the timeline to add them to {}. Esc stops.", list_name(&list))
        }
        (Choosing::ListEvents { list }, Lang::Zh) => {
            format!("请在时间线中逐个点击事件，添加到{}。按 Esc 停止。", list_name(&list))
        }
    })
}

/// Stops choosing in the graph, beside the status that says what is chosen; the keyboard goes
/// back to the button that started it.
#[component]
pub fn StopChoosingButton() -> impl IntoView {
    let state = use_app();
    let editor = use_editor();
    view! {
        <Show when=move || editor.choosing.with(Option::is_some)>
            <button type="button" class="stop-choosing" on:click=move |_| stop_to_its_button(editor)>
                {move || i18n::editor::STOP_CHOOSING.get(state.lang.get())}
            </button>
        </Show>
    }
}
