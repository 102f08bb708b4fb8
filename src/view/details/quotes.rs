//! An item's quotes: the source's own words (the authority, in the source's language) with their
//! locators; in the interface of the reading's second language, each quote's rendering, marked as
//! a translation: ours, the speaker's own words, or an official title, never the source's words.
//! When the reading carries its source text, each quote opens onto the passage it comes from.

use crate::i18n;
use crate::state::use_app;
use atlas_core::{Lang, Source, TranslationBasis};
use leptos::prelude::*;

/// What a translation is, said beside it.
pub fn basis_tag(basis: TranslationBasis) -> i18n::Ui {
    match basis {
        TranslationBasis::Ours => i18n::OUR_TRANSLATION,
        TranslationBasis::Speaker => i18n::SPEAKER_WORDS,
        TranslationBasis::Official => i18n::OFFICIAL_NAME,
    }
}

/// The quotes of an item, each with its locator, its marked translation when the interface is in
/// the reading's second language, and the passage it quotes when the reading carries its source.
#[component]
pub fn Quotes(
    /// The sources to show.
    sources: Vec<Source>,
    /// The interface language (the quotes themselves are always in the source's language).
    lang: Lang,
    /// Leave out the passages (the printed handout shows the quotes alone).
    #[prop(optional)]
    without_passages: bool,
) -> impl IntoView {
    let scene = use_app().scene.get_untracked();
    let source_lang = scene.model.source_lang();
    view! {
        <section class="quotes" aria-label=i18n::SOURCES.get(lang)>
            <h4>{i18n::SOURCES.get(lang)}</h4>
            <ul>
                {sources.into_iter().map(|s| {
                    let translation = s.rendering(lang, source_lang).cloned();
                    let passage = scene
                        .model
                        .source_text
                        .as_ref()
                        .filter(|_| !without_passages)
                        .and_then(|text| text.paragraph(&s.para))
                        .map(|p| p.text.clone());
                    let locator = s.para;
                    view! {
                        <li>
                            <blockquote lang=source_lang.tag()>{s.quote}</blockquote>
                            <span class="para-id">{format!("[{locator}]")}</span>
                            {translation.map(|t| view! {
                                <p class="translation" lang=t.lang.tag()>
                                    <span class="translation-tag">{i18n::TRANSLATION.get(lang)}" ("{basis_tag(t.basis).get(lang)}"): "</span>
                                    <span class="translation-text">{t.text}</span>
                                    {t.note.map(|note| view! { <span class="translation-note">" — "{note}</span> })}
                                </p>
                            })}
                            {passage.map(|text| view! {
                                <details class="passage">
                                    <summary>{format!("{} [{locator}]", i18n::IN_CONTEXT.get(lang))}</summary>
                                    <p lang=source_lang.tag()>{text}</p>
                                </details>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
