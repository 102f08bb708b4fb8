//! "Save as one HTML file": the reading shown, published without a terminal. The one-file app's
//! page (`browser::one_file`) with the reading's data and its map as shown in place of its own
//! (`atlas_core::publish`), downloaded: it opens from `file://` with no request, and a course
//! site can host it.

use crate::browser::{download, one_file};
use crate::state::{AppState, Notice};
use crate::view::menu::CurrentGraph;
use atlas_core::precomputed::ShownLayout;
use atlas_core::publish::{page_with_reading, without_source_text, PublishError};
use atlas_core::Lang;
use leptos::prelude::*;

/// A file name's stem from a reading's English title: lower-case ASCII words joined by hyphens
/// ("reading" when there are none).
pub fn file_stem(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .take(8)
        .collect();
    if words.is_empty() {
        "reading".to_string()
    } else {
        words.join("-")
    }
}

/// Makes and downloads the one HTML file, with the reading's source text only when `with_source`
/// and its map as `graph` shows it; says in a notice why, when it cannot.
pub fn save_as_one_file(state: AppState, with_source: bool, graph: Option<CurrentGraph>) {
    save_as_one_file_then(state, with_source, graph, move |saved| match saved {
        // The browser may save it without a word: the page says where it went.
        Ok(name) => state.notify(saved_notice(&name)),
        Err(why) => state.notify(why),
    });
}

/// What saying where the one file went says: its name, and what to do with it.
pub fn saved_notice(name: &str) -> Notice {
    Notice::text(
        format!("已保存为 {name}（在浏览器的下载中）：可直接打开，或上传到课程网站。"),
        format!("Saved as {name} (in your browser's downloads): open it as it is, or upload it to a course site."),
    )
}

/// [`save_as_one_file`], then `said` with the file's name or why it could not be made (the
/// editor says it in its bar, where a notice over the page would move the bar's buttons).
pub fn save_as_one_file_then(
    state: AppState,
    with_source: bool,
    graph: Option<CurrentGraph>,
    said: impl FnOnce(Result<String, Notice>) + 'static,
) {
    let text = state.source.with_untracked(|s| s.text().to_string());
    let text = if with_source { text } else { without_source_text(&text) };
    let name =
        format!("{}.html", file_stem(&state.scene.with_untracked(|s| s.model.meta.title.get(Lang::En).to_string())));
    // The map as it is shown goes with it, nodes dragged where they were put: the editor's map
    // is settled near each one before it, and a student is to see the picture the teacher
    // checked. The graph's, when it draws the reading shown; else the reading's own layout.
    let scene = state.scene.get_untracked();
    let shown = graph.and_then(|g| g.shown_layout_of(&scene)).unwrap_or_else(|| ShownLayout::of(&scene));
    #[cfg(feature = "editor")]
    let page_of = one_file::reader_page;
    #[cfg(not(feature = "editor"))]
    let page_of = one_file::page;
    page_of(move |page: Result<String, String>| {
        let made = page.and_then(|page| {
            page_with_reading(&page, &text, Some(&shown)).map_err(|e| match e {
                PublishError::NotAnAppPage => "the app's one-file page was not found".to_string(),
                PublishError::Invalid(problems) => format!("the reading has {} problem(s)", problems.len()),
            })
        });
        said(match made {
            Ok(html) => {
                download::text_file(&name, "text/html", &html);
                Ok(name)
            }
            Err(why) => Err(Notice::text(
                format!("无法另存为单个 HTML 文件（{why}）。"),
                format!("Could not save as one HTML file ({why})."),
            )),
        });
    });
}
