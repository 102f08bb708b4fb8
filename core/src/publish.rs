//! A reading published as one HTML file, without a terminal: the one-file app's page with the
//! reading's data block and its settled layout put in place of the page's own. The same rules as
//! `tools/data-block.mjs`, so a page made in the browser and one made at the command line are
//! the same page: the text as a block holds it (every `<` written `\u003c`, line ends LF), the
//! layout keyed by that text's fingerprint, both blocks just before `</body>`.

use crate::precomputed::{layout_block_json_as_shown, ShownLayout};
use crate::problem::Problem;

const DATA_BLOCK_OPEN: &str = r#"<script type="application/json" id="atlas-data">"#;
const LAYOUT_BLOCK_OPEN: &str = r#"<script type="application/json" id="atlas-layout">"#;
const BLOCK_CLOSE: &str = "</script>";

/// Why a page could not be made.
#[derive(Debug, PartialEq)]
pub enum PublishError {
    /// The page given is not the app's one-file page (it has no `</body>` to put a block before).
    NotAnAppPage,
    /// The reading does not load (what the app would have said about it).
    Invalid(Vec<Problem>),
}

/// A text as a JSON block holds it, which is exactly what the page reads back: every `<` as the
/// JSON escape `\u003c` (the same string once parsed, and no `</script>` in a text can end the
/// block early), line ends as LF (the HTML parser turns CR LF into LF anyway).
pub fn block_text(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n").replace('<', "\\u003c")
}

/// `page` with its data and layout blocks replaced by those of `data_text`: the layout `shown`
/// when it is a map of the reading's nodes (what its author sees), else settled here, as the
/// build settles it ([`layout_block_json_as_shown`]).
pub fn page_with_reading(page: &str, data_text: &str, shown: Option<&ShownLayout>) -> Result<String, PublishError> {
    let text = block_text(data_text);
    let layout = layout_block_json_as_shown(&text, shown).map_err(PublishError::Invalid)?;
    let bare = without_block(&without_block(page, DATA_BLOCK_OPEN), LAYOUT_BLOCK_OPEN);
    let at = bare.rfind("</body>").ok_or(PublishError::NotAnAppPage)?;
    let blocks =
        format!("{DATA_BLOCK_OPEN}{text}{BLOCK_CLOSE}\n{LAYOUT_BLOCK_OPEN}{}{BLOCK_CLOSE}\n", block_text(&layout));
    Ok(format!("{}{blocks}{}", &bare[..at], &bare[at..]))
}

/// The reading without the source text it carries: what a page publishes unless its author chose
/// to let the text travel (the source may not be theirs to give). A text that is not a JSON
/// object, or carries no source text, comes back as it is.
pub fn without_source_text(data_text: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(data_text) {
        Ok(serde_json::Value::Object(mut top)) if top.contains_key("source_text") => {
            top.remove("source_text");
            serde_json::to_string_pretty(&top).unwrap_or_else(|_| data_text.to_string())
        }
        _ => data_text.to_string(),
    }
}

/// `page` without the block that starts with `open` (and the white space after it), if any.
fn without_block(page: &str, open: &str) -> String {
    let Some(start) = page.find(open) else { return page.to_string() };
    let Some(close) = page[start..].find(BLOCK_CLOSE) else { return page.to_string() };
    let end = start + close + BLOCK_CLOSE.len();
    let rest = page[end..].trim_start_matches(['\n', '\r', ' ', '\t']);
    format!("{}{rest}", &page[..start])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::precomputed::read_layout_block;
    use crate::saved::fingerprint;

    const DATA: &str = include_str!("../../www/data/lang-ping-2023.json");

    /// The built-in reading under another title.
    fn reading(title: &str) -> String {
        let mut value: serde_json::Value = serde_json::from_str(DATA).unwrap();
        value["meta"]["title"]["en"] = title.into();
        serde_json::to_string_pretty(&value).unwrap()
    }

    const PAGE: &str = "<!DOCTYPE html>\n<html><head><script type=\"module\">boot()</script></head>\n<body>\n  <noscript>JS</noscript>\n<script type=\"application/json\" id=\"atlas-data\">{\"old\":1}</script>\n<script type=\"application/json\" id=\"atlas-layout\">{\"format\":\"x\"}</script>\n</body>\n</html>\n";

    /// The text between `open` and the next `</script>`.
    fn block<'a>(page: &'a str, open: &str) -> &'a str {
        let start = page.find(open).map(|i| i + open.len()).unwrap_or(0);
        let end = page[start..].find(BLOCK_CLOSE).map(|i| start + i).unwrap_or(start);
        &page[start..end]
    }

    #[test]
    fn block_text_keeps_every_text_inside_its_block() {
        assert_eq!(block_text("{\"a\":\"</script><b>\"}\r\n"), "{\"a\":\"\\u003c/script>\\u003cb>\"}\n");
        assert_eq!(block_text("plain\rtext"), "plain\ntext");
    }

    #[test]
    fn a_published_page_carries_the_reading_and_its_layout_once() {
        let data = reading("A teacher's </script> reading");
        let page = page_with_reading(PAGE, &data, None).expect("a valid reading publishes");
        let text = block(&page, DATA_BLOCK_OPEN);
        assert_eq!(text, block_text(&data));
        assert!(!text.contains('<'), "the data block holds a raw <");
        assert_eq!(page.matches(DATA_BLOCK_OPEN).count(), 1);
        assert_eq!(page.matches(LAYOUT_BLOCK_OPEN).count(), 1);
        assert!(page.contains("boot()") && page.contains("<noscript>JS</noscript>"), "the app itself was changed");
        let layout = block(&page, LAYOUT_BLOCK_OPEN);
        assert!(
            read_layout_block(layout, &fingerprint(text)).is_some(),
            "the layout block does not belong to the data block"
        );
        assert!(page.trim_end().ends_with("</body>\n</html>"));
    }

    #[test]
    fn the_source_text_travels_only_when_its_author_chooses() {
        let mut value: serde_json::Value = serde_json::from_str(DATA).unwrap();
        value["source_text"] = serde_json::json!({"paragraphs": [{"locator": "P01", "text": "原文"}]});
        let with = serde_json::to_string_pretty(&value).unwrap();
        let without = without_source_text(&with);
        assert!(!without.contains("source_text") && without.contains("\"nodes\""), "{}", &without[..200]);
        let model = crate::load::load_data_set(&without).expect("the reading still loads");
        assert!(model.source_text.is_none());
        assert_eq!(without_source_text(DATA), DATA, "a reading without a source text is left as it is");
        assert_eq!(without_source_text("not json"), "not json");
    }

    #[test]
    fn what_cannot_be_published_says_why() {
        let data = reading("Reading");
        assert_eq!(page_with_reading("<p>not the app</p>", &data, None), Err(PublishError::NotAnAppPage));
        assert!(
            matches!(page_with_reading(PAGE, "{\"format\": 1}", None), Err(PublishError::Invalid(p)) if !p.is_empty())
        );
    }
}
