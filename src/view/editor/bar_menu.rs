//! A short menu in the editor's bar: a disclosure whose list lies over the forms (the bar keeps
//! its height, one row at 1366×768), closed by Esc, by the keyboard leaving it, or by its owner
//! once an entry has done its work.

use leptos::html::Details;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Closes `menu` with the keyboard back on its summary (an entry that went away, or Esc, must
/// not leave the keyboard nowhere).
pub(super) fn close_to_summary(menu: NodeRef<Details>) {
    let Some(menu) = menu.get_untracked() else { return };
    menu.set_open(false);
    if let Some(summary) =
        menu.query_selector("summary").ok().flatten().and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = summary.focus();
    }
}

/// Closes `menu`, the keyboard left where it is.
pub(super) fn close(menu: NodeRef<Details>) {
    if let Some(menu) = menu.get_untracked() {
        menu.set_open(false);
    }
}

#[component]
pub fn BarMenu(
    /// The menu, for its owner to close once an entry has done its work.
    menu: NodeRef<Details>,
    /// What the summary says.
    #[prop(into)]
    label: Signal<String>,
    /// The list's accessible name.
    #[prop(into)]
    list_name: Signal<String>,
    /// A class beside `bar-menu`, for where its list opens.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && menu.get_untracked().is_some_and(|m| m.open()) {
            ev.prevent_default();
            close_to_summary(menu);
        }
    };
    // The keyboard gone to another control closes the list: left open, it covered the forms.
    // Focus going nowhere (a press on a button that takes no focus, as in Safari, a file dialog,
    // the window left) keeps it open, so a click on one of its own entries still lands.
    let on_focus_out = move |ev: web_sys::FocusEvent| {
        let Some(details) = menu.get_untracked() else { return };
        let to = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if details.open() && to.is_some_and(|to| !details.contains(Some(&to))) {
            details.set_open(false);
        }
    };
    view! {
        <details class=format!("bar-menu {class}") node_ref=menu on:keydown=on_key on:focusout=on_focus_out>
            <summary>{label}</summary>
            <ul role="list" aria-label=list_name>{children()}</ul>
        </details>
    }
}
