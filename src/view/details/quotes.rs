//! An item's quotes: the article's own words (Chinese, the authority) with their paragraph ids,
//! and in the English interface each quote's English rendering, marked as a translation: ours,
//! the speaker's own words, or an official title, never the article's words.

use crate::i18n;
use atlas_core::{Lang, Source, TranslationBasis};
use leptos::prelude::*;

/// What a translation is, said beside it.
fn basis_tag(basis: TranslationBasis) -> i18n::Ui {
    match basis {
        TranslationBasis::Ours => i18n::OUR_TRANSLATION,
        TranslationBasis::Speaker => i18n::SPEAKER_WORDS,
        TranslationBasis::Official => i18n::OFFICIAL_NAME,
    }
}

/// The quotes of an item, each with its paragraph id and (in English) its marked translation.
#[component]
pub fn Quotes(
    /// The sources to show.
    sources: Vec<Source>,
    /// The interface language (the quotes themselves are always the article's Chinese).
    lang: Lang,
) -> impl IntoView {
    view! {
        <section class="quotes" aria-label=i18n::SOURCES.get(lang)>
            <h4>{i18n::SOURCES.get(lang)}</h4>
            <ul>
                {sources.into_iter().map(|s| {
                    let translation = s.translation.filter(|t| t.lang == lang && lang != Lang::Zh);
                    view! {
                        <li>
                            <blockquote lang="zh-Hans">{s.quote}</blockquote>
                            <span class="para-id">{format!("[{}]", s.para)}</span>
                            {translation.map(|t| view! {
                                <p class="translation" lang=t.lang.tag()>
                                    <span class="translation-tag">{i18n::TRANSLATION.get(lang)}" ("{basis_tag(t.basis).get(lang)}"): "</span>
                                    <span class="translation-text">{t.text}</span>
                                    {t.note.map(|note| view! { <span class="translation-note">" — "{note}</span> })}
                                </p>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
