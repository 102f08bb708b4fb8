//! Finding words in the source text: typed words are looked up in the passages (the core's
//! `quote::find`, case and white space aside), and the passage's own words found are picked for
//! citing, as if selected. It saves scrolling a long text for a quote one remembers (trial 9
//! scrolled the passages 89 times), and it is the keyboard's way to cite: passages are text,
//! which a keyboard cannot select.

use super::{use_editor, EditorState, Picked};
use crate::i18n;
use crate::state::use_app;
use atlas_core::quote::{find, Found, Passage};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The name of the CSS highlight that marks the words found (`::highlight(found-words)`).
const HIGHLIGHT: &str = "found-words";

/// The passages' text elements, in order (one per passage).
fn passage_element(index: usize) -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let all = document.query_selector_all(".passages-dock .passage-text").ok()?;
    all.item(index as u32)?.dyn_into::<web_sys::Element>().ok()
}

/// A DOM range over the found words (`found` counts bytes of the passage's `text`).
fn range_of(found: Found, text: &str) -> Option<web_sys::Range> {
    let element = passage_element(found.passage)?;
    let point = |bytes: usize| super::selection::dom_point(&element, text.get(..bytes)?.chars().count());
    let ((start_node, start), (end_node, end)) = (point(found.start)?, point(found.end)?);
    let range = web_sys::window()?.document()?.create_range().ok()?;
    range.set_start(&start_node, start).ok()?;
    range.set_end(&end_node, end).ok()?;
    Some(range)
}

/// Calls `CSS.highlights.<method>(name, …args)` where the browser has the CSS Custom Highlight
/// API; where it has not, the words are still scrolled to and picked, only not marked.
fn highlights_call(method: &str, args: &[JsValue]) -> Option<()> {
    let global = js_sys::global();
    let css = js_sys::Reflect::get(&global, &"CSS".into()).ok()?;
    let highlights = js_sys::Reflect::get(&css, &"highlights".into()).ok()?;
    let function = js_sys::Reflect::get(&highlights, &method.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let args: js_sys::Array = std::iter::once(JsValue::from_str(HIGHLIGHT)).chain(args.iter().cloned()).collect();
    function.apply(&highlights, &args).ok()?;
    Some(())
}

/// Marks `range` as the words found.
fn mark(range: &web_sys::Range) -> Option<()> {
    let constructor =
        js_sys::Reflect::get(&js_sys::global(), &"Highlight".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let highlight = js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(range)).ok()?;
    highlights_call("set", &[highlight])
}

/// Takes the mark off the words found (also when words are selected in the passages: the mark
/// is for words found, not for a selection that happens to be the same words elsewhere).
pub(super) fn unmark() {
    let _ = highlights_call("delete", &[]);
}

/// Scrolls the passages' list (not the page) so the found words stand a third of the way down.
fn scroll_to(range: &web_sys::Range) {
    let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".passages-dock .passages").ok().flatten())
    else {
        return;
    };
    let words = range.get_bounding_client_rect();
    let box_ = list.get_bounding_client_rect();
    let by = words.top() - box_.top() - box_.height() / 3.0;
    list.set_scroll_top(list.scroll_top() + by.round() as i32);
}

/// Picks, scrolls to and marks the words found in `passages`.
/// The words found, as a pick: the passage's locator and its own words.
fn picked_of(passages: &[Passage], found: Found) -> Option<Picked> {
    let passage = passages.get(found.passage)?;
    Some(Picked { para: passage.locator.clone(), quote: passage.text.get(found.start..found.end)?.to_string() })
}

fn show(editor: EditorState, passages: &[Passage], found: Found) {
    let (Some(picked), Some(passage)) = (picked_of(passages, found), passages.get(found.passage)) else { return };
    editor.picked.set(Some(picked));
    match range_of(found, &passage.text) {
        Some(range) => {
            scroll_to(&range);
            if mark(&range).is_none() {
                unmark();
            }
        }
        // The passages not drawn as the draft says (yet): no mark rather than a stale one.
        None => unmark(),
    }
}

/// Whether an input method is composing what is typed (pinyin not yet turned into 汉字): the
/// letters typed so far are not the words looked for, and the Enter that confirms a candidate
/// is not "find the next" (Safari gives it key code 229).
fn composing(ev: &web_sys::Event) -> bool {
    let flag = js_sys::Reflect::get(ev, &"isComposing".into()).ok().and_then(|v| v.as_bool()).unwrap_or(false);
    let ime_key = ev.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(|k| k.key_code() == 229);
    flag || ime_key
}

#[component]
pub fn FindWords() -> impl IntoView {
    let lang = use_app().lang;
    let editor = use_editor();
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let words = RwSignal::new(String::new());
    // Where the words were last found: Enter looks from there on.
    let at = RwSignal::new(None::<Found>);
    let missing = RwSignal::new(false);
    let look = move |after: Option<Found>| {
        let passages = editor.with_draft(atlas_core::draft::Draft::passages);
        let found = find(&passages, &words.get_untracked(), after);
        at.set(found);
        missing.set(found.is_none() && !words.get_untracked().trim().is_empty());
        match found {
            Some(found) => show(editor, &passages, found),
            // The words picked as the first letters were typed are not the words asked for:
            // "New node from the selection" must not take them.
            None => editor.picked.set(None),
        }
    };
    // The mark lasts while the words found are the words picked: a selection made with the
    // mouse, a cite or a new item made from them takes it off, and empties the box for the next
    // words (trial 15 selected the last words to type over them, seven times). Looked at when
    // the pick changes only, not on every edit of the draft.
    Effect::new(move |_| {
        let picked = editor.picked.get();
        let found = untrack(|| {
            at.get().and_then(|found| picked_of(&editor.with_draft(atlas_core::draft::Draft::passages), found))
        });
        if picked.is_none() || picked != found {
            unmark();
            if untrack(|| at.get().is_some()) {
                at.set(None);
                words.set(String::new());
            }
        }
    });
    on_cleanup(unmark);
    let on_input = move |ev: web_sys::Event| {
        words.set(event_target_value(&ev));
        if !composing(&ev) {
            look(None);
        }
    };
    // The words an input method composed, once they are written.
    let on_composed = move |ev: web_sys::CompositionEvent| {
        words.set(event_target_value(&ev));
        look(None);
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" && !composing(&ev) {
            ev.prevent_default();
            look(at.get_untracked());
        }
    };
    view! {
        <div class="find-words">
            <label for="find-in-source">{t(i18n::editor::FIND_IN_TEXT)}</label>
            // The hint, short, is the placeholder for the eye (the dock has no line to spare at
            // 1366×768), and whole the description for a screen reader.
            <input type="search" id="find-in-source" aria-describedby="find-in-source-hint"
                placeholder=t(i18n::editor::FIND_NEXT_SHORT)
                prop:value=move || words.get() on:input=on_input on:compositionend=on_composed on:keydown=on_key/>
            <span class="sr-only" id="find-in-source-hint">{t(i18n::editor::FIND_NEXT_HINT)}</span>
        </div>
        // There before anything is missing: a live region inserted with its words is often not read.
        <p class="field-problems find-missing" role="status">
            {move || missing.get().then(|| i18n::editor::NOT_IN_TEXT.get(lang.get()))}
        </p>
    }
}
