//! An item's quotes: each with its locator (and, in a two-language reading, its translation to
//! write), removable; "Cite the selection" adds the words picked in the source pane; a quote
//! can also be typed with its locator (checked against the passage when there is a source text).

use super::field::{Field, ItemForm};
use super::use_editor;
use crate::i18n;
use crate::state::use_app;
use atlas_core::draft::{problems_at, Edit};
use atlas_core::{Lang, ProblemKind};
use leptos::prelude::*;

/// The quotes of the item at `item` (`nodes[0]`, `argument.thesis`); `name` says which item,
/// for the buttons' accessible names.
#[component]
pub fn Cites(item: String, name: Signal<String>) -> impl IntoView {
    let state = use_app();
    let editor = use_editor();
    let lang = state.lang;
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let list = format!("{item}.sources");
    // In an item's form, the quotes are read from the item (see ItemForm); the thesis's, from
    // the draft.
    let form = ItemForm::of(&item);
    let read = {
        let (form, item) = (form.clone(), item.clone());
        move |inner: &str| match &form {
            Some(form) => form.field(inner),
            None => editor.field(&format!("{item}.{inner}")),
        }
    };
    // Memos, so an edit elsewhere does not draw the quotes again (and take the keyboard from
    // a translation field just left with Tab).
    let count = {
        let list = list.clone();
        Memo::new(move |_| match &form {
            Some(form) => form.len("sources"),
            None => editor.with_draft(|d| d.len(&list)),
        })
    };
    let languages = Memo::new(move |_| editor.languages());
    let source_lang = move || languages.get().source.tag();
    let second = move || languages.get().second;
    let one = {
        let list = list.clone();
        move |i: usize| {
            let at = format!("{list}[{i}]");
            let para = {
                let read = read.clone();
                move || read(&format!("sources[{i}].para"))
            };
            let quote = {
                let read = read.clone();
                move || read(&format!("sources[{i}].quote"))
            };
            let list = list.clone();
            let remove_name = move || match lang.get() {
                Lang::En => format!("Remove quote {} of {}", i + 1, name.get()),
                Lang::Zh => format!("删除“{}”的第 {} 条引文", name.get(), i + 1),
            };
            let translation = move || {
                second().map(|second| {
                    let label =
                        Signal::derive(move || format!("{} ({})", i18n::TRANSLATION.get(lang.get()), second.code()));
                    view! { <Field path=format!("{at}.translation.text") label=label text_lang=second/> }
                })
            };
            view! {
                <li>
                    <span class="locator">"["{para}"]"</span>" "<q lang=source_lang>{quote}</q>" "
                    <button type="button" class="remove" aria-label=remove_name
                        on:click=move |_| editor.edit(Edit::Remove { list: list.clone(), index: i })>{t(i18n::editor::REMOVE)}</button>
                    {translation}
                </li>
            }
        }
    };
    let problems = {
        let list = list.clone();
        move || {
            let lang = lang.get();
            editor.problems.with(|all| {
                problems_at(all, &list)
                    .into_iter()
                    .filter(|p| !p.path.contains(".translation.text"))
                    .map(|p| {
                        // Said as the editor does it, not as the JSON file writes it.
                        let said = match (&p.kind, lang) {
                            (ProblemKind::NoSources, Lang::En) => {
                                "No quote yet: select its words in a passage, then press \"Cite the selection\"."
                                    .to_string()
                            }
                            (ProblemKind::NoSources, Lang::Zh) => {
                                "尚无引文：请在原文段落中选择文字，再按“引用所选文字”。".to_string()
                            }
                            _ => format!("{} — {}", p.message(lang), p.hint(lang)),
                        };
                        view! { <li>{said}</li> }
                    })
                    .collect_view()
            })
        }
    };
    // Cites a quote on the item; whether one was added (a citation the editor refuses adds none).
    let cited = move |item: String, para: String, quote: String| {
        let before = count.get_untracked();
        editor.edit(Edit::Cite { item, para, quote });
        count.get_untracked() > before
    };
    let cite_item = item.clone();
    let cite = move |_| {
        if let Some(picked) = editor.picked.get_untracked() {
            if cited(cite_item.clone(), picked.para, picked.quote) {
                super::selection::clear_selection(editor);
            }
        }
    };
    let cite_name = move || match lang.get() {
        Lang::En => format!("Cite the selection on {}", name.get()),
        Lang::Zh => format!("将所选文字引为“{}”的出处", name.get()),
    };
    let typed_para = RwSignal::new(String::new());
    let typed_quote = RwSignal::new(String::new());
    let typed_item = item.clone();
    let add_typed = move |_| {
        if cited(typed_item.clone(), typed_para.get_untracked(), typed_quote.get_untracked()) {
            typed_quote.set(String::new());
        }
    };
    let base = super::field::field_id(&format!("{item}.typed"));
    let (para_id, quote_id) = (format!("{base}-para"), format!("{base}-quote"));
    view! {
        <div class="cites">
            <h5>{t(i18n::editor::QUOTES)}</h5>
            <ol><For each=move || 0..count.get() key=|i| *i children=one/></ol>
            <ul class="field-problems">{problems}</ul>
            <button type="button" class="cite" aria-label=cite_name disabled=move || editor.picked.get().is_none()
                on:click=cite>{t(i18n::editor::CITE_SELECTION)}</button>
            <details class="typed-quote">
                <summary>{t(i18n::editor::TYPE_A_QUOTE)}</summary>
                <label for=para_id.clone()>{t(i18n::editor::LOCATOR)}</label>
                <input type="text" id=para_id size="8" prop:value=move || typed_para.get()
                    on:input=move |ev| typed_para.set(event_target_value(&ev))/>
                <label for=quote_id.clone()>{t(i18n::editor::QUOTE)}</label>
                <textarea id=quote_id rows="2" lang=source_lang prop:value=move || typed_quote.get()
                    on:input=move |ev| typed_quote.set(event_target_value(&ev))></textarea>
                <button type="button" on:click=add_typed>{t(i18n::editor::ADD_QUOTE)}</button>
            </details>
        </div>
    }
}
