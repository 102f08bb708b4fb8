//! Shows why a data set could not be loaded: every problem with its path and a hint, in the
//! user's language. Texts are rendered as text, never as markup.

use crate::i18n;
use atlas_core::{Lang, Problem};
use leptos::prelude::*;

/// The list of problems of a rejected data set.
#[component]
pub fn DataProblems(
    /// Every problem the loader found.
    problems: Vec<Problem>,
    /// The language to describe them in.
    lang: Lang,
) -> impl IntoView {
    view! {
        <section class="data-problems" role="alert" lang=lang.tag()>
            <h2>{i18n::DATA_PROBLEMS.get(lang)}</h2>
            <ul>
                {problems.iter().map(|p| view! { <li><code>{p.path.clone()}</code>" "{p.describe(lang)}</li> }).collect_view()}
            </ul>
        </section>
    }
}
