//! The reading's own fields: its languages, title, author, year and citation, the thesis (in
//! the author's words, with the nodes it is about and its quote) and the nodes that hold the
//! argument up.

use super::cites::Cites;
use super::field::{AddFrom, Field, FieldKind};
use super::item_list::{optional, text_fields, Need};
use super::use_editor;
use crate::i18n;
use crate::state::use_app;
use atlas_core::Lang;
use leptos::prelude::*;

/// The languages a reading may be in, as `meta.languages` writes them, the source's first.
fn language_choices(lang: Lang) -> Vec<(&'static str, &'static str)> {
    match lang {
        Lang::En => vec![
            ("en", "English"),
            ("zh", "Chinese"),
            ("en zh", "English source, with Chinese"),
            ("zh en", "Chinese source, with English"),
        ],
        Lang::Zh => vec![("en", "英文"), ("zh", "中文"), ("en zh", "英文原文，附中文"), ("zh en", "中文原文，附英文")],
    }
}

#[component]
pub fn ReadingForm() -> impl IntoView {
    let state = use_app();
    let editor = use_editor();
    let lang = state.lang;
    let t = move |ui: i18n::Ui| move || ui.get(lang.get());
    let ui = move |text: i18n::Ui| Signal::derive(move || text.get(lang.get()).to_string());
    let languages = Memo::new(move |_| editor.languages());
    let thesis_name = ui(i18n::editor::THESIS);
    view! {
        <details class="editor-section reading-section" open>
            <summary><h3>{t(i18n::editor::READING)}</h3></summary>
            <Field path="meta.languages".to_string() label=ui(i18n::editor::LANGUAGES) kind=FieldKind::Choice(language_choices)/>
            {move || {
                let languages = languages.get();
                view! {
                    {text_fields("meta", "title", i18n::editor::TITLE, Need::Required, FieldKind::Line, languages)}
                    {text_fields("meta", "author", i18n::editor::AUTHOR, Need::Optional, FieldKind::Line, languages)}
                    <Field path="meta.year".to_string() label=optional(i18n::editor::YEAR)/>
                    {text_fields("meta", "citation", i18n::editor::CITATION, Need::Required, FieldKind::Long, languages)}
                    {text_fields("argument.thesis", "text", i18n::editor::THESIS, Need::Required, FieldKind::Long, languages)}
                }
            }}
            <Field path="argument.thesis.nodes".to_string() label=ui(i18n::editor::THESIS_NODES) hint=ui(i18n::editor::IDS_HINT) add_from=AddFrom::Nodes/>
            <Cites item="argument.thesis".to_string() name=thesis_name/>
            <Field path="argument.principles".to_string() label=ui(i18n::editor::PRINCIPLES) hint=ui(i18n::editor::IDS_HINT) add_from=AddFrom::Nodes/>
            <Field path="argument.models".to_string() label=ui(i18n::editor::MODELS) hint=ui(i18n::editor::IDS_HINT) add_from=AddFrom::Nodes/>
        </details>
    }
}
