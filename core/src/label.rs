//! Label text: how wide a text is, and where a label breaks into lines.
//!
//! Widths come from a [`TextMeasure`]: the browser measures text as rendered (canvas
//! `measureText`); [`EstimatedMeasure`] is a per-character model (CJK one em, Latin about half)
//! for native code, the tests and the layout computed at build time.
//!
//! Lines break only where Unicode's line-breaking algorithm (UAX #14, the `unicode-linebreak`
//! crate) allows: between words, after a hyphen, between two ideographs, never before closing
//! punctuation and never inside a word. A word wider than a line keeps its own line and makes
//! the label wider rather than being cut.

use unicode_linebreak::{linebreaks, BreakOpportunity};

/// Font size of graph labels in world units at zoom 1, and of the wrapped widths below.
pub const LABEL_FONT_PX: f64 = 12.0;
/// Line height of graph labels at [`LABEL_FONT_PX`].
pub const LABEL_LINE_PX: f64 = 15.0;
/// Widest label line at [`LABEL_FONT_PX`].
pub const LABEL_MAX_WIDTH_PX: f64 = 118.0;

/// A label broken into lines, with its measured size at the font size it was wrapped for.
#[derive(Clone, Debug, PartialEq)]
pub struct WrappedLabel {
    pub lines: Vec<String>,
    /// Whether the text had a space where each line ends (so the lines, joined with a space
    /// where this says so, read as the label: what a screen reader compares the name with).
    pub space_after: Vec<bool>,
    pub width: f64,
    pub height: f64,
}

impl WrappedLabel {
    /// The label as one string again.
    pub fn joined(&self) -> String {
        let mut text = String::new();
        for (line, space) in self.lines.iter().zip(&self.space_after) {
            text.push_str(line);
            if *space {
                text.push(' ');
            }
        }
        text
    }
}

/// Whether `c` is drawn one em wide (CJK and other wide scripts).
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF |
        0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 |
        0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// The estimated advance of one character at `font_px`: full-width for CJK and other wide
/// scripts, narrower for Latin letters, digits and punctuation.
pub fn char_width(c: char, font_px: f64) -> f64 {
    if is_wide(c) {
        font_px
    } else if c == ' ' {
        0.28 * font_px
    } else if c.is_ascii_uppercase() || c == 'm' || c == 'w' {
        0.68 * font_px
    } else if matches!(c, 'i' | 'l' | 'j' | '.' | ',' | '\'' | '|' | ':' | ';' | '!') {
        0.3 * font_px
    } else {
        0.56 * font_px
    }
}

/// The estimated width of `text` at `font_px`.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(|c| char_width(c, font_px)).sum()
}

/// Measures the advance width of a text at [`LABEL_FONT_PX`].
pub trait TextMeasure {
    fn width(&self, text: &str) -> f64;
}

/// A per-character estimate (see [`char_width`]).
pub struct EstimatedMeasure {
    pub font_px: f64,
}

impl TextMeasure for EstimatedMeasure {
    fn width(&self, text: &str) -> f64 {
        text_width(text, self.font_px)
    }
}

/// Punctuation that may hang past a line's end.
const CLOSING: &str = "，。、；：！？）」』】》”’,.;:!?)";

/// [`wrap_label_measured`] with the per-character estimate at `font_px`.
pub fn wrap_label(text: &str, font_px: f64, max_width: f64) -> WrappedLabel {
    wrap_label_measured(text, &EstimatedMeasure { font_px }, max_width)
}

/// Breaks `text` into lines of at most `max_width` where UAX #14 allows a break, filling each
/// line greedily. Two exceptions to the width: a single unbreakable run (a word) wider than a
/// line keeps a line of its own, and a last line of one wide character joins the line before
/// (a lone character reads badly and usually breaks a word, 风|险).
///
/// A line's width is the sum of its segments' widths, each segment (the text between two break
/// opportunities) measured once: the browser's measure is a canvas call, and measuring every
/// candidate line cost thousands of them at start-up. Sums match whole-string widths up to
/// kerning across a break, which is nil at a space and between CJK characters.
pub fn wrap_label_measured(text: &str, measure: &dyn TextMeasure, max_width: f64) -> WrappedLabel {
    let normal = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let space_width = measure.width(" ");
    let mut lines: Vec<String> = Vec::new();
    let mut space_after: Vec<bool> = Vec::new();
    let mut widths: Vec<f64> = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    let mut start = 0;
    for (end, opportunity) in linebreaks(&normal) {
        let segment = &normal[start..end];
        start = end;
        // A segment is a run plus the spaces after it; the spaces take no room at a line's end.
        let word = segment.trim_end_matches(' ');
        let trailing_space = word.len() < segment.len();
        let word_width = measure.width(word);
        // Closing punctuation may hang past the line's end (as in CJK typesetting): only what
        // comes before it must fit.
        let hanging = word.trim_end_matches(|c: char| CLOSING.contains(c));
        let fit_width =
            if hanging.len() < word.len() && !hanging.is_empty() { measure.width(hanging) } else { word_width };
        if !line.is_empty() && line_width + fit_width > max_width {
            let had_space = line.ends_with(' ');
            widths.push(line_width - if had_space { space_width } else { 0.0 });
            space_after.push(had_space);
            lines.push(line.trim_end().to_string());
            line.clear();
            line_width = 0.0;
        }
        line.push_str(word);
        line_width += word_width;
        if trailing_space {
            line.push(' ');
            line_width += space_width;
        }
        if opportunity == BreakOpportunity::Mandatory && end < normal.len() {
            // Only a line separator in the text itself forces this; normalised text has none.
            widths.push(line_width);
            space_after.push(false);
            lines.push(line.trim_end().to_string());
            line.clear();
            line_width = 0.0;
        }
    }
    if !line.trim().is_empty() {
        widths.push(line_width - if line.ends_with(' ') { space_width } else { 0.0 });
        space_after.push(false);
        lines.push(line.trim_end().to_string());
    }
    if lines.is_empty() {
        lines.push(String::new());
        space_after.push(false);
        widths.push(0.0);
    }
    let n = lines.len();
    let lone_wide = |l: &str| l.chars().count() == 1 && l.chars().all(is_wide);
    if n >= 2 && !space_after[n - 2] && lone_wide(&lines[n - 1]) {
        let last = lines.pop().unwrap_or_default();
        let last_width = widths.pop().unwrap_or(0.0);
        space_after.pop();
        lines[n - 2].push_str(&last);
        widths[n - 2] += last_width;
    }
    if let Some(last) = space_after.last_mut() {
        *last = false;
    }
    let width = widths.into_iter().fold(0.0, f64::max);
    let height = lines.len() as f64 * LABEL_LINE_PX;
    WrappedLabel { lines, space_after, width, height }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, max_width: f64, expect: &[&str]) {
        let got = wrap_label(text, 12.0, max_width);
        assert_eq!(got.lines, expect, "{text}");
        let widest = got.lines.iter().map(|l| text_width(l, 12.0)).fold(0.0, f64::max);
        assert!((got.width - widest).abs() < 1e-9, "{text}: {} vs {widest}", got.width);
        assert_eq!(got.joined(), text.split_whitespace().collect::<Vec<_>>().join(" "), "{text}");
    }

    #[test]
    fn latin_breaks_between_words_and_after_hyphens_never_inside_a_word() {
        check("Critical infrastructure failure", 118.0, &["Critical", "infrastructure", "failure"]);
        check("Data leakage", 118.0, &["Data leakage"]);
        // The review's examples: the old rule split these inside the word.
        check("Critical-infrastructure risk", 118.0, &["Critical-", "infrastructure", "risk"]);
        check("Security-development balance", 118.0, &["Security-", "development", "balance"]);
        check("Confidence-building measures", 118.0, &["Confidence-building", "measures"]);
        check("Confidence-building measures", 80.0, &["Confidence-", "building", "measures"]);
        // A word wider than the line keeps its own line, whole.
        check("Supercalifragilisticexpialidocious word", 60.0, &["Supercalifragilisticexpialidocious", "word"]);
    }

    #[test]
    fn cjk_breaks_between_characters_but_not_before_closing_punctuation() {
        check("关键基础设施无法有效运转", 60.0, &["关键基础设", "施无法有效", "运转"]);
        check("网络犯罪，网络恐怖", 48.0, &["网络犯罪，", "网络恐怖"]);
        // UAX #14 keeps quotation marks with both neighbours (LB19): “小 and 墙”策 stay together.
        check("“小院高墙”策略", 60.0, &["“小院高", "墙”策略"]);
    }

    #[test]
    fn a_lone_wide_character_never_makes_the_last_line() {
        let got = wrap_label("关键基础设施安全风险", 12.0, 118.0);
        assert_eq!(got.lines, vec!["关键基础设施安全风险"]);
        assert_eq!(got.width, 120.0);
        // After a space (a Latin word before it) the character may stand alone.
        check("Critical infrastructure 险", 100.0, &["Critical", "infrastructure", "险"]);
    }

    #[test]
    fn mixed_scripts_rejoin_into_the_label() {
        for text in ["AI + nuclear, bio, neuro, robotics", "数字时代国家安全困境与 the digital security dilemma"]
        {
            let got = wrap_label(text, 12.0, 60.0);
            assert_eq!(got.joined(), text);
        }
    }

    #[test]
    fn each_segment_is_measured_once_never_each_candidate_line() {
        struct Counting(std::cell::RefCell<Vec<String>>);
        impl TextMeasure for Counting {
            fn width(&self, text: &str) -> f64 {
                self.0.borrow_mut().push(text.to_string());
                text_width(text, LABEL_FONT_PX)
            }
        }
        let measure = Counting(Default::default());
        let text = "数字时代国家安全困境与网络空间命运共同体构建 and the digital security dilemma";
        let wrapped = wrap_label_measured(text, &measure, 90.0);
        let calls = measure.0.borrow().len();
        let segments = linebreaks(text).count();
        assert!(calls <= segments + 1, "{calls} calls for {segments} segments");
        let widest = wrapped.lines.iter().map(|l| text_width(l, LABEL_FONT_PX)).fold(0.0, f64::max);
        assert!((wrapped.width - widest).abs() < 1e-9);
    }

    #[test]
    fn hostile_and_empty_labels_wrap_without_panic() {
        assert_eq!(wrap_label("", 12.0, 100.0).lines, vec![String::new()]);
        assert_eq!(wrap_label("   ", 12.0, 100.0).lines, vec![String::new()]);
        let hostile = "<img src=x onerror=alert(1)>";
        assert_eq!(wrap_label(hostile, 12.0, 100.0).joined(), hostile);
        let controls = "a\u{2028}b\u{0}c\u{85}d";
        let got = wrap_label(controls, 12.0, 100.0);
        assert!(!got.lines.is_empty());
    }
}
