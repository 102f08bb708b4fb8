//! The source text: pasted or opened from a file, shown as numbered passages. Words selected
//! in one passage are picked for citing (an item's "Cite the selection" takes them), so a quote
//! is the source's own words by construction.

use super::field::field_id;
use super::item_list::{close_open_items, first_field, focus_new_form, open_item};
use super::{use_editor, EditorState, Picked};
use crate::i18n;
use crate::state::use_app;
use atlas_core::draft::{Edit, ListKind};
use atlas_core::quote::Passage;
use atlas_core::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How long a pick stays the same before a screen reader is told of it.
const SPEAK_AFTER_MS: u64 = 500;

/// The passages as the text area shows them: each with its locator in brackets, so the numbers
/// the app gave stay the same when the text is edited and committed again.
fn as_text(passages: &[Passage]) -> String {
    let blocks: Vec<String> = passages.iter().map(|p| format!("[{}] {}", p.locator, p.text)).collect();
    blocks.join("\n\n")
}

/// Makes a new item of `kind` citing the picked words (one step to undo), opens its form alone
/// and puts the keyboard where its writing starts: a node's label, an event's date, a link's
/// first end. The suggested id stays; it can be changed in the form.
fn make_from_pick(editor: EditorState, kind: ListKind) {
    let Some(picked) = editor.picked.get_untracked() else { return };
    let key = kind.key();
    let index = editor.with_draft(|d| d.len(key));
    editor.edit(Edit::AddCiting { kind, para: picked.para, quote: picked.quote });
    if editor.with_draft(|d| d.len(key)) == index {
        return; // refused: the status says why, and the forms stay as they were
    }
    // Only the new item open.
    close_open_items(editor);
    open_item(editor, &format!("{key}[{index}]"));
    super::selection::clear_selection(editor);
    let first = first_field(kind, editor.languages());
    focus_new_form(field_id(&format!("{key}[{index}].{first}")));
}

/// Gives the forms under the docked passages its height (`--dock-height` on the scrolling
/// body), so a field scrolled into view (by the keyboard, First problem, a new item) stops below
/// the dock instead of under it, whatever the dock holds: picked words, the taller pane.
///
/// And what lay just below the docked passages stays just below them when they grow or shrink.
/// A browser keeps the forms where they were on the screen (scroll anchoring), so the words
/// picked, shown in the dock, covered the "Cite the selection" they were picked for (trial 12).
fn keep_fields_below(dock: NodeRef<leptos::html::Div>) {
    Effect::new(move |_| {
        let Some(dock) = dock.get() else { return };
        let dock: web_sys::Element = dock.into();
        let Some(body) = dock.parent_element().and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) else {
            return;
        };
        let height_before = std::cell::Cell::new(None::<f64>);
        let observed = dock.clone();
        crate::browser::dom::disconnect_on_cleanup(crate::browser::dom::observe_size(&observed, move |_, height| {
            // Hidden (the editor aside while a step is presented): no height to keep. Shown
            // again, the dock had not grown: counted from 0, its whole height scrolled the forms
            // back by as much, and "Present this step" came back under the window's foot.
            if height == 0.0 {
                height_before.set(None);
                return;
            }
            let _ = body.style().set_property("--dock-height", &format!("{height:.0}px"));
            let Some(before) = height_before.replace(Some(height)) else { return };
            // Only while docked at the top (lower down, the forms move with the dock anyway), and
            // where the engine anchors scrolling (Safari's does not: its forms move already).
            let docked = dock.get_bounding_client_rect().top() <= body.get_bounding_client_rect().top() + 1.0;
            let grown = (height - before).round() as i32;
            if docked && grown != 0 && body.scroll_top() > 0 && anchors_scrolling() {
                body.set_scroll_top(body.scroll_top() - grown);
            }
        }));
    });
}

/// A field Tab moves to under the docked passages, or past the forms' foot, is brought into
/// sight. A browser scrolls a focused field into view only when it lies outside the scrolling
/// box, and the dock lies inside it; and what a commit redraws above the field (the field left,
/// its problem gone) can move it under the dock after the browser scrolled. Trial 27, with the
/// taller pane, tabbed from an event's Title into its Summary, hidden under the dock.
pub(super) fn reveal_tabbed_to(ev: web_sys::FocusEvent) {
    let Some(field) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    // The passages, their dock and what lies above them are not under the dock.
    if field.closest(".source-pane, .passages-dock").ok().flatten().is_some() {
        return;
    }
    // With its label.
    let shown = field.closest(".field").ok().flatten().unwrap_or_else(|| field.clone());
    super::item_list::bring_element_into_sight(&shown);
    // Once what the field left has been redrawn.
    super::item_list::after_drawing(move || {
        if field.owner_document().and_then(|d| d.active_element()).as_ref() == Some(&field) {
            super::item_list::bring_element_into_sight(&shown);
        }
    });
}

/// Whether the engine keeps content in place on the screen when what lies above it changes size
/// (scroll anchoring: Chromium and Firefox do, Safari does not).
fn anchors_scrolling() -> bool {
    web_sys::css::supports_with_value("overflow-anchor", "auto").unwrap_or(false)
}

/// Takes `text` as the source text. The first text given folds its box away: the passages
/// docked under it are what the author works from next, and at 1366×768 the open box took
/// a third of the room they have (trial 6 scrolled them 67 times for 47 quotes). The keyboard,
/// if it was in the folded box, goes to its heading.
fn take_source_text(editor: EditorState, section: NodeRef<leptos::html::Details>, text: String) {
    let had_passages = editor.with_draft(|d| !d.passages().is_empty());
    editor.edit(Edit::SourceText(text));
    if had_passages || editor.with_draft(|d| d.passages().is_empty()) {
        return;
    }
    let Some(section) = section.get_untracked() else { return };
    let section: web_sys::HtmlDetailsElement = section;
    let focus_inside = crate::browser::dom::keyboard_in(&section);
    section.set_open(false);
    if focus_inside {
        if let Some(summary) = section.query_selector("summary").ok().flatten() {
            if let Some(summary) = summary.dyn_ref::<web_sys::HtmlElement>() {
                let _ = summary.focus();
            }
        }
    }
}

/// The buttons that make an item from the picked words.
fn make_buttons(editor: EditorState, lang: Signal<Lang>) -> impl IntoView {
    let kinds = [
        (ListKind::Nodes, i18n::editor::NEW_NODE),
        (ListKind::Links, i18n::editor::NEW_LINK),
        (ListKind::Events, i18n::editor::NEW_EVENT),
    ];
    let buttons = kinds
        .into_iter()
        .map(|(kind, text)| {
            // The name says what it is made from; the visible words begin it (label in name).
            let name = move || match lang.get() {
                Lang::En => format!("{} from the selection", text.get(Lang::En)),
                Lang::Zh => format!("{}（用所选文字）", text.get(Lang::Zh)),
            };
            view! {
                <button type="button" aria-label=name on:click=move |_| make_from_pick(editor, kind)>
                    {move || text.get(lang.get())}
                </button>
            }
        })
        .collect_view();
    view! {
        <span class="make-from-pick sr-only">{move || i18n::editor::MAKE_FROM_PICK.get(lang.get())}</span>
        {buttons}
    }
}

#[component]
pub fn SourcePane() -> impl IntoView {
    let state = use_app();
    let editor = use_editor();
    let lang = state.lang;
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let across = editor.pick_across;
    let passages = Memo::new(move |_| editor.with_draft(atlas_core::draft::Draft::passages));
    // Words picked from passages that changed (the text edited, a draft undone or replaced)
    // may no longer be where their locator says: they are let go.
    Effect::new(move |before: Option<()>| {
        passages.track();
        if before.is_some() {
            super::selection::clear_selection(editor);
        }
    });
    let passages = move || passages.get();
    let text = move || as_text(&passages());
    let source_lang = move || editor.languages().source.tag();
    let section = NodeRef::<leptos::html::Details>::new();
    let on_paste_commit = move |ev: web_sys::Event| {
        let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else { return };
        take_source_text(editor, section, area.value());
    };
    // One file, read as the data set's files are (within the same size limit).
    let open_text = move |ev: web_sys::Event| {
        let files = crate::view::data_loader::chosen_files(&ev);
        crate::view::data_loader::read_all(state, files, move |_, read| {
            if let Some((_, text)) = read.into_iter().next() {
                take_source_text(editor, section, text);
            }
        });
    };
    // "Selected in P3:" is said whole; on screen the locator and the colon show, the words
    // round them (the room beside the buttons is short) are for a screen reader.
    let picked_words = move || match lang.get() {
        Lang::En => ("Selected in ", "", ":"),
        Lang::Zh => ("已在 ", " 中选择", "："),
    };
    let said_picked = move |p: &Picked| {
        let (before, after, colon) = picked_words();
        format!("{before}{}{after}{colon}", p.para)
    };
    let shown_picked = move |p: &Picked| {
        let (before, after, colon) = picked_words();
        view! { <span class="sr-only">{before}</span>{p.para.clone()}<span class="sr-only">{after}</span>{colon} }
    };
    let picked = move || {
        editor.picked.get().map(|p| {
            view! {
                <div class="picked">
                    <p title=p.quote.clone()>{shown_picked(&p)}" "<q lang=source_lang>{p.quote.clone()}</q></p>
                    // What can be made of the words first: Tab from "Find words in the text" goes
                    // straight to "New node" (trial 10 pressed Enter on Clear, one Tab short).
                    <div class="pick-actions" role="group" aria-label=t(i18n::editor::PICKED_WORDS)>
                        {make_buttons(editor, lang.into())}
                        <button type="button" aria-label=t(i18n::editor::CLEAR_PICK) on:click=move |_| editor.picked.set(None)>
                            {t(i18n::editor::CLEAR_PICK_SHORT)}
                        </button>
                    </div>
                </div>
            }
            .into_any()
        })
    };
    // What a screen reader hears of a pick: a live region there before anything is picked (one
    // inserted with its words already in it is often not read), without the buttons. It is
    // written once the pick has stayed the same a moment: words found as they are typed into
    // "Find words in the text" change the pick with every key, and each would be read out.
    let spoken = RwSignal::new(String::new());
    let waiting = StoredValue::new(None::<leptos::prelude::TimeoutHandle>);
    Effect::new(move |_| {
        let now =
            editor.picked.with(|p| p.as_ref().map(|p| format!("{} {}", said_picked(p), p.quote)).unwrap_or_default());
        if let Some(handle) = waiting.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || spoken.set(now), std::time::Duration::from_millis(SPEAK_AFTER_MS));
        waiting.set_value(handle.ok());
    });
    // The pane gone (the editor closed), a pick waiting to be said is not.
    on_cleanup(move || {
        if let Some(handle) = waiting.try_get_value().flatten() {
            handle.clear();
        }
    });
    // The passages (a memo: an edit elsewhere does not draw them again) dock at the top of the
    // forms while they scroll, so every quote is cited without scrolling back to the text.
    let has_passages = Memo::new(move |_| !passages().is_empty());
    // Two heights for the docked passages: short leaves the forms room, tall shows a run of the
    // text while its words are cited one after another (a trial's teacher scrolled the short
    // dock before nearly every selection).
    let tall = RwSignal::new(false);
    let dock_class = move || if tall.get() { "passages-dock tall" } else { "passages-dock" };
    let dock = NodeRef::<leptos::html::Div>::new();
    keep_fields_below(dock);
    view! {
        <details class="editor-section source-pane" node_ref=section open=!has_passages.get_untracked()>
            <summary><h3>{t(i18n::editor::SOURCE_TEXT)}</h3>{move || format!(" ({})", passages().len())}</summary>
            <label for="edit-source-text">{t(i18n::editor::PASTE_SOURCE)}</label>
            <textarea id="edit-source-text" rows="5" lang=source_lang prop:value=text on:change=on_paste_commit></textarea>
            <label class="file-button">
                <span>{t(i18n::editor::OPEN_SOURCE_FILE)}</span>
                <input type="file" accept=".txt,.md,text/plain,text/markdown" class="file-input" on:change=open_text/>
            </label>
        </details>
        <Show when=move || has_passages.get()>
            <div class=dock_class node_ref=dock>
                // Said with the passages, before them (the hint on screen is under them).
                <ol class="passages" aria-label=t(i18n::editor::PASSAGES) aria-describedby="passages-hint" lang=source_lang>
                    {move || passages().into_iter().map(|p| view! {
                        <li>
                            <span class="locator">{p.locator.clone()}</span>" "
                            <span class="passage-text" data-locator=p.locator.clone()>{p.text.clone()}</span>
                        </li>
                    }).collect_view()}
                </ol>
                // One row under the text, so the forms keep the height of another (trial 13 had
                // about 190 px of 768 for them).
                // The button first: Tab from the words to find goes on to what is made of them.
                <div class="dock-foot">
                    <button type="button" class="taller" aria-pressed=move || tall.get().to_string() on:click=move |_| tall.update(|t| *t = !*t)>
                        {t(i18n::editor::TALLER_PASSAGES)}
                    </button>
                    <super::find_words::FindWords/>
                </div>
                // Under the passages: what a selection says must not move the text being selected.
                <p class="sr-only" role="status">{move || spoken.get()}</p>
                // The hint, or the words picked, in a row of one height: nothing under it moves.
                <p id="passages-hint" class="sr-only">{t(i18n::editor::SELECT_TO_CITE)}</p>
                <div class="pick-slot">
                    {move || picked().unwrap_or_else(|| view! {
                        <p class="field-hint" aria-hidden="true">{t(i18n::editor::SELECT_TO_CITE)}</p>
                    }.into_any())}
                </div>
                <Show when=move || across.get()>
                    <p class="field-problems" role="alert">{t(i18n::editor::SELECT_IN_ONE)}</p>
                </Show>
            </div>
        </Show>
    }
}
