//! The page's selection in the source pane: words selected in one passage are picked for
//! citing, taken as whole words ([`atlas_core::quote::whole_words`]); a selection across passages
//! is said to be one the app cannot cite.

use super::{EditorState, Picked};
use atlas_core::quote::whole_words;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What a selection holds of the passages: words of one passage, words of several with none
/// where it began, only spaces and punctuation, or none.
enum InPassages {
    One(Taken),
    Across,
    NoWords,
    None,
}

/// The whole words a selection takes of one passage: what is picked, and where it lies in the
/// passage's text (char offsets), to show the selection as what is picked.
struct Taken {
    picked: Picked,
    passage: web_sys::Element,
    start: usize,
    end: usize,
}

/// The words a selection takes of the passages. A selection over one passage's words takes
/// them. A mouse `drag` that runs on into other passages takes the words of the passage where
/// it began: one held at the pane's edge scrolls on into the next passage (trial 12 had such
/// drags refused as "across passages"), and a quote is never longer than its passage; the
/// highlight is set to what it took when it ends. Any other selection over several passages'
/// words (Shift and the arrow keys, which are not trimmed) is refused. A drag that overshoots
/// the end of a passage into the margin takes the words of that passage only.
fn in_passages(document: &web_sys::Document, selection: &web_sys::Selection, drag: bool) -> InPassages {
    // A selection with neither end in a passage (Control+A, a drag over the forms) is not an
    // attempt to cite.
    if !in_a_passage(selection.anchor_node()) && !in_a_passage(selection.focus_node()) {
        return InPassages::None;
    }
    let Ok(range) = selection.get_range_at(0) else { return InPassages::None };
    let Ok(passages) = document.query_selector_all(".passages-dock .passage-text[data-locator]") else {
        return InPassages::None;
    };
    // Each passage's part of the range, where that part is more than white space, with the
    // whole words it takes (none for punctuation alone).
    let mut parts: Vec<(web_sys::Element, Option<Taken>)> = Vec::new();
    for i in 0..passages.length() {
        let Some(el) = passages.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        // Passages are in the page's order: none after the range's end can be in it (this runs
        // on every move of a drag, over texts of hundreds of passages).
        if range.compare_point(&el, 0).unwrap_or(0) > 0 {
            break;
        }
        if !range.intersects_node(&el).unwrap_or(false) {
            continue;
        }
        let Some(part) = part_in(document, &range, &el) else { continue };
        let words = String::from(part.to_string());
        if !words.trim().is_empty() {
            let taken = whole_words_of(document, &el, &part, &words);
            parts.push((el, taken));
        }
    }
    let worded = parts.iter().filter(|(_, taken)| taken.is_some()).count();
    if worded == 0 {
        return if parts.is_empty() { InPassages::None } else { InPassages::NoWords };
    }
    if worded > 1 && !drag {
        return InPassages::Across;
    }
    // One passage's words, or a drag over several: the words of the passage where it began,
    // if it has words of its own; else it cannot be cited.
    let anchor = selection.anchor_node();
    let began_here = |el: &web_sys::Element| worded == 1 || anchor.as_ref().is_some_and(|a| el.contains(Some(a)));
    match parts.into_iter().find_map(|(el, taken)| taken.filter(|_| began_here(&el))) {
        Some(taken) => InPassages::One(taken),
        None => InPassages::Across,
    }
}

/// The whole words of passage `el` that its selected `part` (its text `words`) touches; none
/// when the part is punctuation and spaces alone.
fn whole_words_of(
    document: &web_sys::Document,
    el: &web_sys::Element,
    part: &web_sys::Range,
    words: &str,
) -> Option<Taken> {
    let from = chars_before(document, el, &part.start_container().ok()?, part.start_offset().ok()?)?;
    let text = el.text_content().unwrap_or_default();
    let (start, end) = whole_words(&text, from, from + words.chars().count());
    let quote: String = text.chars().skip(start).take(end - start).collect();
    if quote.is_empty() {
        return None;
    }
    let para = el.get_attribute("data-locator").unwrap_or_default();
    Some(Taken { picked: Picked { para, quote }, passage: el.clone(), start, end })
}

/// Where the DOM point (`node`, `offset`) lies in passage `el`'s text, in chars: the text
/// before it, counted.
fn chars_before(
    document: &web_sys::Document,
    el: &web_sys::Element,
    node: &web_sys::Node,
    offset: u32,
) -> Option<usize> {
    let before = document.create_range().ok()?;
    before.select_node_contents(el).ok()?;
    before.set_end(node, offset).ok()?;
    Some(String::from(before.to_string()).chars().count())
}

/// The part of `range` inside the passage `el`.
fn part_in(document: &web_sys::Document, range: &web_sys::Range, el: &web_sys::Element) -> Option<web_sys::Range> {
    let part = document.create_range().ok()?;
    part.select_node_contents(el).ok()?;
    if range.compare_boundary_points(web_sys::Range::START_TO_START, &part).unwrap_or(0) > 0 {
        part.set_start(&range.start_container().ok()?, range.start_offset().ok()?).ok()?;
    }
    if range.compare_boundary_points(web_sys::Range::END_TO_END, &part).unwrap_or(0) < 0 {
        part.set_end(&range.end_container().ok()?, range.end_offset().ok()?).ok()?;
    }
    Some(part)
}

/// Whether a DOM node is inside a passage's text in the source pane.
fn in_a_passage(node: Option<web_sys::Node>) -> bool {
    node.as_ref()
        .and_then(element_of)
        .is_some_and(|el| matches!(el.closest(".passages-dock .passage-text"), Ok(Some(_))))
}

/// The element a DOM node is, or lies in (a text node's parent).
fn element_of(node: &web_sys::Node) -> Option<web_sys::Element> {
    match node.dyn_ref::<web_sys::Element>() {
        Some(el) => Some(el.clone()),
        None => node.parent_element(),
    }
}

/// The text node and offset (UTF-16, as the DOM counts) at char `at` of `el`'s text.
pub(super) fn dom_point(el: &web_sys::Element, at: usize) -> Option<(web_sys::Node, u32)> {
    let document = el.owner_document()?;
    // Text nodes only (NodeFilter.SHOW_TEXT).
    let walker = document.create_tree_walker_with_what_to_show(el, 0x4).ok()?;
    let mut left = at;
    let mut last = None;
    while let Ok(Some(node)) = walker.next_node() {
        let text = node.text_content().unwrap_or_default();
        let count = text.chars().count();
        if left <= count {
            let units: usize = text.chars().take(left).map(char::len_utf16).sum();
            return Some((node, u32::try_from(units).ok()?));
        }
        left -= count;
        last = Some(node);
    }
    let node = last?;
    let units = node.text_content().unwrap_or_default().encode_utf16().count();
    Some((node, u32::try_from(units).ok()?))
}

/// Shows the selection as the whole words picked, once the drag that made it ends: what is
/// highlighted is what is cited.
fn select_taken(selection: &web_sys::Selection, taken: &Taken) {
    let (Some((start_node, start)), Some((end_node, end))) =
        (dom_point(&taken.passage, taken.start), dom_point(&taken.passage, taken.end))
    else {
        return;
    };
    let Ok(range) = selection.get_range_at(0) else { return };
    let same = range.start_container().ok().as_ref() == Some(&start_node)
        && range.start_offset().ok() == Some(start)
        && range.end_container().ok().as_ref() == Some(&end_node)
        && range.end_offset().ok() == Some(end);
    if same {
        return;
    }
    // The way it was dragged is kept: Shift and an arrow then move the end the pointer let go.
    let forwards = selection.anchor_node() == range.start_container().ok()
        && Some(selection.anchor_offset()) == range.start_offset().ok();
    let _ = if forwards {
        selection.set_base_and_extent(&start_node, start, &end_node, end)
    } else {
        selection.set_base_and_extent(&end_node, end, &start_node, start)
    };
}

/// Watches the page's selection: words selected inside one passage are picked (whole words,
/// and the highlight set to them when a drag there ends, clipped to the passage where it
/// began); a selection begun outside the passages and across several is said to be one the
/// app cannot cite, and one of punctuation alone picks nothing. Other selections
/// leave the pick. A press of the mouse in a passage lets go of the selection first, so a
/// press on words already selected starts a new selection rather than dragging them away
/// (trial 12 pressed on its highlight to mend a quote, and the old one stayed).
pub fn watch_selection(editor: EditorState) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    // Whether the mouse was pressed in a passage: a drag there is under way, which its release
    // ends.
    let pressed_in_passage = std::rc::Rc::new(std::cell::Cell::new(false));
    // Whether the last press was a finger's or a pen's: a tap leaves no caret to find the
    // sentence by, so the tap's point finds it.
    let touched = std::rc::Rc::new(std::cell::Cell::new(false));
    // Where the last press was: a click released elsewhere ended a drag.
    let pressed_at = std::rc::Rc::new(std::cell::Cell::new((0.0, 0.0)));
    let on_change = {
        let (document, pressed) = (document.clone(), pressed_in_passage.clone());
        Closure::<dyn Fn()>::new(move || {
            let Some(selection) = document.get_selection().ok().flatten() else { return };
            if !selection.is_collapsed() {
                take(editor, &in_passages(&document, &selection, pressed.get()));
            }
        })
    };
    let on_press = {
        let (document, pressed, touched, pressed_at) =
            (document.clone(), pressed_in_passage.clone(), touched.clone(), pressed_at.clone());
        Closure::<dyn Fn(web_sys::PointerEvent)>::new(move |ev: web_sys::PointerEvent| {
            let on_passage = in_a_passage(ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()));
            // A finger or a pen scrolls, or holds to select: the words highlighted stay.
            let mouse = ev.pointer_type() == "mouse" && ev.button() == 0;
            touched.set(ev.pointer_type() != "mouse");
            pressed_at.set((f64::from(ev.client_x()), f64::from(ev.client_y())));
            pressed.set(mouse && on_passage);
            if !mouse || ev.shift_key() || !on_passage {
                return;
            }
            if let Some(selection) = document.get_selection().ok().flatten() {
                if !selection.is_collapsed() {
                    let _ = selection.remove_all_ranges();
                }
            }
        })
    };
    let on_release = {
        let (document, pressed) = (document.clone(), pressed_in_passage);
        Closure::<dyn Fn()>::new(move || {
            if !pressed.replace(false) {
                return;
            }
            let Some(selection) = document.get_selection().ok().flatten() else { return };
            if selection.is_collapsed() {
                return;
            }
            if let InPassages::One(taken) = in_passages(&document, &selection, true) {
                select_taken(&selection, &taken);
            }
        })
    };
    // A click (no drag) in a passage quotes its sentence: one click where typing its words cost
    // a link about fifteen seconds (trials 22 and 23). A double click still takes a word, a
    // drag or Shift and a click the words chosen.
    let on_click = {
        let document = document.clone();
        Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
            let plain = ev.button() == 0
                && ev.detail() == 1
                && !(ev.shift_key() || ev.ctrl_key() || ev.meta_key() || ev.alt_key());
            if !plain {
                return;
            }
            let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
            // Released away from its press, a click ended a drag (a mouse's, a pen's): its
            // words stay.
            let (from_x, from_y) = pressed_at.get();
            if (x - from_x).hypot(y - from_y) > 4.0 {
                return;
            }
            let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            let caret = if in_a_passage(target.clone()) {
                if touched.get() {
                    caret_at_point(&document, x, y)
                } else {
                    caret_of_selection(&document)
                }
            } else if let Some(list) = passages_list_of(target) {
                // Beside the words: between two lines (the words' boxes leave a gap), between
                // two passages, by a locator. Trial 27 clicked there twice; nothing was picked,
                // and the label typed next went to the form before.
                let Some(near) = nearest_words(&list, x, y) else { return };
                // Before a passage's first letter WebKit gives the space before the passage.
                caret_at_point(&document, near.x, near.y)
                    .filter(|(node, _)| near.passage.contains(Some(node)))
                    .or_else(|| near.first_line.then(|| dom_point(&near.passage, 0)).flatten())
            } else {
                return;
            };
            if let Some((node, offset)) = caret {
                select_sentence_at(&document, &node, offset);
            }
        })
    };
    let _ = document.add_event_listener_with_callback("selectionchange", on_change.as_ref().unchecked_ref());
    let _ = document.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    let _ = document.add_event_listener_with_callback("pointerdown", on_press.as_ref().unchecked_ref());
    let _ = document.add_event_listener_with_callback("pointerup", on_release.as_ref().unchecked_ref());
    // One set of listeners for the page's life: the editor's state outlives its panel.
    on_change.forget();
    on_click.forget();
    on_press.forget();
    on_release.forget();
}

/// Where the page's caret is, when a click left it collapsed in a passage (a drag's release
/// leaves the words dragged over, which stay).
fn caret_of_selection(document: &web_sys::Document) -> Option<(web_sys::Node, u32)> {
    let selection = document.get_selection().ok().flatten()?;
    if !selection.is_collapsed() || !in_a_passage(selection.anchor_node()) {
        return None;
    }
    Some((selection.anchor_node()?, selection.anchor_offset()))
}

/// The text position under a point of the window (a tap's): `caretPositionFromPoint` where
/// the browser has it, else WebKit's `caretRangeFromPoint`.
fn caret_at_point(document: &web_sys::Document, x: f64, y: f64) -> Option<(web_sys::Node, u32)> {
    let call = |name: &str| {
        let function = js_sys::Reflect::get(document, &name.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
        function.call2(document, &x.into(), &y.into()).ok().filter(|found| !found.is_null() && !found.is_undefined())
    };
    if let Some(position) = call("caretPositionFromPoint") {
        let node = js_sys::Reflect::get(&position, &"offsetNode".into()).ok()?.dyn_into::<web_sys::Node>().ok()?;
        let offset = js_sys::Reflect::get(&position, &"offset".into()).ok()?.as_f64()?;
        return Some((node, offset as u32));
    }
    let range = call("caretRangeFromPoint")?.dyn_into::<web_sys::Range>().ok()?;
    Some((range.start_container().ok()?, range.start_offset().ok()?))
}

/// The passages' list holding `node`, if any.
fn passages_list_of(node: Option<web_sys::Node>) -> Option<web_sys::Element> {
    element_of(&node?)?.closest(".passages-dock .passages").ok()?
}

/// The line of a passage's words nearest a point in the passages' list.
struct NearestWords {
    /// The passage's text element.
    passage: web_sys::Element,
    /// Whether the line is the passage's first.
    first_line: bool,
    /// The point on the line: across, within it; down, its middle, within the list's box.
    x: f64,
    y: f64,
}

/// The line of words nearest to (`x`, `y`) in the passages' `list`, vertically. None on the
/// list's scroll bar. Passages lie in order down the list: those wholly further away than the
/// nearest line so far are passed over, and the search ends below the point.
fn nearest_words(list: &web_sys::Element, x: f64, y: f64) -> Option<NearestWords> {
    let list_box = list.get_bounding_client_rect();
    if x >= list_box.left() + f64::from(list.client_left() + list.client_width()) {
        return None;
    }
    let off = |rect: &web_sys::DomRect| (rect.top() - y).max(y - rect.bottom()).max(0.0);
    let texts = list.query_selector_all(".passage-text[data-locator]").ok()?;
    let mut nearest: Option<(f64, NearestWords, web_sys::DomRect)> = None;
    for i in 0..texts.length() {
        let Some(text) = texts.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        let whole = text.get_bounding_client_rect();
        let best = nearest.as_ref().map_or(f64::INFINITY, |(best, _, _)| *best);
        if whole.top() > y + best {
            break;
        }
        if off(&whole) >= best {
            continue;
        }
        let lines = text.get_client_rects();
        for j in 0..lines.length() {
            let Some(line) = lines.item(j) else { continue };
            if nearest.as_ref().is_none_or(|(best, _, _)| off(&line) < *best) {
                let near = NearestWords { passage: text.clone(), first_line: j == 0, x: 0.0, y: 0.0 };
                nearest = Some((off(&line), near, line));
            }
        }
    }
    let (_, mut near, line) = nearest?;
    near.x = x.clamp(line.left() + 1.0, (line.right() - 1.0).max(line.left() + 1.0));
    // A line half scrolled out of the list: its part in the list.
    let (top, bottom) = (line.top().max(list_box.top()), line.bottom().min(list_box.bottom()));
    near.y = if top < bottom { (top + bottom) / 2.0 } else { (line.top() + line.bottom()) / 2.0 };
    Some(near)
}

/// Selects the sentence of the passage holding the caret `node`, `offset`; the selection's
/// watcher then picks it, as if it had been dragged over.
fn select_sentence_at(document: &web_sys::Document, node: &web_sys::Node, offset: u32) -> Option<()> {
    let passage = element_of(node)?.closest(".passages-dock .passage-text[data-locator]").ok()??;
    let at = chars_before(document, &passage, node, offset)?;
    let text = passage.text_content().unwrap_or_default();
    let (start, end) = atlas_core::quote::sentence_at(&text, at);
    if start == end {
        return None;
    }
    let ((start_node, start), (end_node, end)) = (dom_point(&passage, start)?, dom_point(&passage, end)?);
    document.get_selection().ok().flatten()?.set_base_and_extent(&start_node, start, &end_node, end).ok()
}

/// Picks what a selection took of the passages.
fn take(editor: EditorState, taken: &InPassages) {
    match taken {
        InPassages::One(taken) => {
            editor.pick_across.set(false);
            super::find_words::unmark();
            // Unchanged while the drag moves within the same words: nothing to draw again.
            if editor.picked.with_untracked(|now| now.as_ref() != Some(&taken.picked)) {
                editor.picked.set(Some(taken.picked.clone()));
            }
        }
        // A selection that cannot be cited leaves nothing picked: "Cite the selection" must not
        // cite the words picked before it.
        InPassages::Across => {
            editor.pick_across.set(true);
            editor.picked.set(None);
        }
        InPassages::NoWords => {
            editor.pick_across.set(false);
            editor.picked.set(None);
        }
        InPassages::None => {}
    }
}

/// Lets go of the picked words and the page's selection (once cited, or when the passages
/// change): the next item must not take them again by accident.
pub fn clear_selection(editor: EditorState) {
    editor.picked.set(None);
    if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = selection.remove_all_ranges();
    }
}
