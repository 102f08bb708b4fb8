//! The quote rule: a quote is verbatim text of the passage it cites, white space aside.
//!
//! The same rule as `shared/tools/check_quotes.py` (every white-space character removed from
//! both, then a substring test), so a reading that carries its source text is checked where it
//! opens, by the loader, with nothing but the reading itself.

/// `text` without any white space: line breaks and spaces inside a pasted passage do not count.
pub fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether `quote` is verbatim text of `passage`, white space aside. An empty quote is not.
pub fn is_verbatim(quote: &str, passage: &str) -> bool {
    let quote = squash(quote);
    !quote.is_empty() && squash(passage).contains(&quote)
}

/// One passage of a source text, with its locator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    pub locator: String,
    pub text: String,
}

/// A pasted source text (plain text or Markdown) as passages. Passages are separated by blank
/// lines; a line that starts with its own locator in brackets (`[P01] …`, `[p. 12] …`) starts
/// one. When the text has its own locators, only the passages that carry one count (a title or
/// a byline above them is not cited); otherwise every passage is numbered `P1`, `P2`, …, and
/// Markdown headings (`# …`) are left out.
pub fn passages(text: &str) -> Vec<Passage> {
    let blocks = blocks(text);
    let own = blocks.iter().any(|b| b.locator.is_some());
    let mut number = 0;
    blocks
        .into_iter()
        .filter_map(|block| match block.locator {
            Some(locator) => Some(Passage { locator, text: block.text }),
            None if own => None,
            None => {
                number += 1;
                Some(Passage { locator: format!("P{number}"), text: block.text })
            }
        })
        .collect()
}

/// Where words were found in the passages: the passage's index and the byte range of its own
/// text they cover, so what is cited from it is the passage's words, not the ones typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub passage: usize,
    pub start: usize,
    pub end: usize,
}

/// Case folded for finding: the first character of its lower case.
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// The byte ranges in `text` where `words` (already folded, no white space) are, in order;
/// white space inside `text` is skipped as the quote rule skips it.
fn found_in(text: &str, words: &[char]) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> =
        text.char_indices().filter(|(_, c)| !c.is_whitespace()).map(|(at, c)| (at, fold(c))).collect();
    if words.is_empty() || chars.len() < words.len() {
        return Vec::new();
    }
    (0..=chars.len() - words.len())
        .filter(|&i| chars[i..i + words.len()].iter().map(|(_, c)| *c).eq(words.iter().copied()))
        .map(|i| {
            let (last_at, _) = chars[i + words.len() - 1];
            let last_len = text[last_at..].chars().next().map_or(0, char::len_utf8);
            (chars[i].0, last_at + last_len)
        })
        .collect()
}

/// Where typed words are cut by an ellipsis (`…`, or `...` as most keyboards type it).
fn ellipsis_at(words: &str) -> Option<usize> {
    [words.find("..."), words.find('\u{2026}')].into_iter().flatten().min()
}

/// Typed words as the quote rule reads them: white space out, case folded.
fn folded(words: &str) -> Vec<char> {
    words.chars().filter(|c| !c.is_whitespace()).map(fold).collect()
}

/// Typed words as looked for, folded once for every passage: the words themselves, or a long
/// quote's first and last words ("first words … last words"): typing a quote's ends is faster
/// than typing it whole (trial 17 typed 369 words into Find for 45 quotes). An ellipsis with
/// nothing after it stands for the rest of the sentence ("first words …"), one with nothing
/// before it for the sentence up to the words ("… last words"): trial 21 cited a whole sentence
/// for every link and typed 7 words a quote on average.
enum Typed {
    Words(Vec<char>),
    Ends(Vec<char>, Vec<char>),
    ToSentenceEnd(Vec<char>),
    FromSentenceStart(Vec<char>),
}

impl Typed {
    fn of(words: &str) -> Typed {
        let Some(cut) = ellipsis_at(words) else { return Typed::Words(folded(words)) };
        let (first, last) = (folded(&words[..cut]), folded(words[cut..].trim_start_matches(['.', '\u{2026}'])));
        match (first.is_empty(), last.is_empty()) {
            (true, true) => Typed::Words(Vec::new()),
            (false, true) => Typed::ToSentenceEnd(first),
            (true, false) => Typed::FromSentenceStart(last),
            (false, false) => Typed::Ends(first, last),
        }
    }

    /// The byte ranges in `text` these give: each place of the words, each place of the first
    /// words through the nearest last words after them, or each place of the words taken on to
    /// the end (or back to the start) of the sentence they are in.
    fn places_in(&self, text: &str) -> Vec<(usize, usize)> {
        match self {
            Typed::Words(words) => found_in(text, words),
            Typed::Ends(first, last) => {
                let lasts = found_in(text, last);
                found_in(text, first)
                    .into_iter()
                    .filter_map(|(start, end)| lasts.iter().find(|l| l.0 >= end).map(|l| (start, l.1)))
                    .collect()
            }
            Typed::ToSentenceEnd(first) => {
                let sentences = sentences(text);
                let end_of = |at: usize| sentences.iter().find(|s| s.0 <= at && at < s.1).map_or(at, |s| s.1);
                found_in(text, first).into_iter().map(|(start, end)| (start, end_of(end - 1).max(end))).collect()
            }
            Typed::FromSentenceStart(last) => {
                let sentences = sentences(text);
                let start_of = |at: usize| sentences.iter().find(|s| s.0 <= at && at < s.1).map_or(at, |s| s.0);
                found_in(text, last).into_iter().map(|(start, end)| (start_of(start).min(start), end)).collect()
            }
        }
    }
}

/// Titles written before a name with a full stop ("Dr. Varga"): Unicode's sentence rule ends a
/// sentence at the stop, as it cannot tell them from a sentence's last word.
const TITLES: [&str; 12] = ["Dr", "Mr", "Mrs", "Ms", "Mx", "Prof", "St", "Sr", "Jr", "Rev", "Gen", "Capt"];

/// The sentences of `text` as byte ranges (Unicode's sentence bounds, UAX #29), each without the
/// white space after it; a title's stop ("Dr.") does not end one, nor does a line break: a
/// passage is a paragraph, and a pasted one keeps the lines it was wrapped in.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    use unicode_segmentation::UnicodeSegmentation;
    let unwrapped: String =
        text.chars().map(|c| if c.is_whitespace() { " ".repeat(c.len_utf8()) } else { c.to_string() }).collect();
    let mut sentences: Vec<(usize, usize)> = Vec::new();
    let mut joined = false;
    for (start, sentence) in unwrapped.split_sentence_bound_indices() {
        let end = start + sentence.trim_end().len();
        match sentences.last_mut() {
            Some(last) if joined => last.1 = end,
            _ => sentences.push((start, end)),
        }
        let last_word = sentence.split_whitespace().next_back().unwrap_or("");
        joined = last_word.strip_suffix('.').is_some_and(|word| TITLES.contains(&word));
    }
    whole_quotations(text, &sentences)
}

/// `sentences` of `text` with a quotation that ends a later sentence than it opens in taken
/// whole, the sentences it spans as one: a click on `puts it bluntly: "We take what the law
/// allows.` left its mark open and the rest of the words quoted out (trial 27). A quotation
/// the passage never closes (a quoted paragraph running on) is left as it is.
fn whole_quotations(text: &str, sentences: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // Each sentence's marks counted once; a run of sentences sums them.
    let marks: Vec<[Marks; QUOTATION_MARKS.len()]> = sentences.iter().map(|&(s, e)| marks_of(&text[s..e])).collect();
    let mut whole = Vec::with_capacity(sentences.len());
    let mut i = 0;
    while let Some(&(start, end)) = sentences.get(i) {
        let mut sum = marks[i];
        let mut last = i;
        if sum.iter().any(Marks::left_open) {
            for (k, more) in marks.iter().enumerate().skip(i + 1) {
                for (total, m) in sum.iter_mut().zip(more) {
                    total.opened += m.opened;
                    total.closed += m.closed;
                }
                if !sum.iter().any(Marks::left_open) {
                    last = k;
                    break;
                }
            }
        }
        whole.push((start, if last == i { end } else { sentences[last].1 }));
        i = last + 1;
    }
    whole
}

/// How many quotations of one kind some words open and close (a straight `"` counts as both).
#[derive(Clone, Copy, Default)]
struct Marks {
    opened: usize,
    closed: usize,
    same: bool,
}

impl Marks {
    fn left_open(&self) -> bool {
        if self.same {
            self.opened % 2 == 1
        } else {
            self.opened > self.closed
        }
    }
}

/// The quotation marks of `words`, by kind ([`QUOTATION_MARKS`]). A straight `"` after a digit
/// is an inch's (`a 12" main`), not a quotation's.
fn marks_of(words: &str) -> [Marks; QUOTATION_MARKS.len()] {
    let mut marks = [Marks::default(); QUOTATION_MARKS.len()];
    for (m, &(open, close)) in marks.iter_mut().zip(&QUOTATION_MARKS) {
        m.same = open == close;
        let mut before = None;
        for c in words.chars() {
            if c == open && !(m.same && before.is_some_and(|b: char| b.is_ascii_digit())) {
                m.opened += 1;
            } else if c == close {
                m.closed += 1;
            }
            before = Some(c);
        }
    }
    marks
}

/// The closing mark of a quotation `words` open and do not close, if any.
fn unclosed_mark(words: &str) -> Option<char> {
    let marks = marks_of(words);
    QUOTATION_MARKS.iter().zip(&marks).find(|(_, m)| m.left_open()).map(|(&(_, close), _)| close)
}

/// The sentence of `text` at char `at` (a click in a passage), as char offsets: the sentence
/// holding it, or, in the white space after one, that sentence; before the first, the first.
/// One click then quotes a sentence, where typing its words cost a link about fifteen seconds
/// (trials 22 and 23 typed 7 words a quote, 45 quotes a map).
pub fn sentence_at(text: &str, at: usize) -> (usize, usize) {
    let byte = text.char_indices().nth(at).map_or(text.len(), |(b, _)| b);
    let sentences = sentences(text);
    let Some(&(start, end)) = sentences
        .iter()
        .rev()
        .find(|s| s.0 <= byte && (byte < s.1 || !text[s.0..].trim().is_empty()))
        .or(sentences.first())
    else {
        return (0, 0);
    };
    let chars = |b: usize| text[..b].chars().count();
    (chars(start), chars(end))
}

/// Quotation marks by pair; a straight `"` is its own pair. Not `‘’`: `’` is also an apostrophe.
const QUOTATION_MARKS: [(char, char); 5] =
    [('"', '"'), ('\u{201c}', '\u{201d}'), ('\u{300c}', '\u{300d}'), ('\u{300e}', '\u{300f}'), ('\u{ab}', '\u{bb}')];

/// The end of the words at `start..end` of `text`, taken on past the quotation mark they open and
/// do not close, where it closes right after them (after at most two stops or commas): found by
/// their last words, a quote of someone's words left its closing mark out (trial 19 cited
/// `"Pay for the pipes and I will use less` from `… less."`).
fn closing_mark_kept(text: &str, start: usize, end: usize) -> usize {
    let Some(words) = text.get(start..end) else { return end };
    let Some(close) = unclosed_mark(words) else { return end };
    let mut at = end;
    for (skipped, c) in text[end..].chars().enumerate() {
        if c == close {
            return at + c.len_utf8();
        }
        if skipped >= 2 || !".,;:!?\u{3002}\u{ff0c}\u{ff1b}\u{ff1a}\u{ff01}\u{ff1f}".contains(c) {
            break;
        }
        at += c.len_utf8();
    }
    end
}

/// The first place after `after` (or from the top, when `None`) where `words` are in the
/// passages, case and white space aside; past the last place it starts again from the top.
/// Words given by their ends ("first … last") find the passage's words from the one to the
/// other. `None` when `words` are blank or nowhere.
pub fn find(passages: &[Passage], words: &str, after: Option<Found>) -> Option<Found> {
    let typed = Typed::of(words);
    let mut first = None;
    for (passage, p) in passages.iter().enumerate() {
        for (start, end) in typed.places_in(&p.text) {
            let here = Found { passage, start, end: closing_mark_kept(&p.text, start, end) };
            // By the start, then the end: words found from their sentence's start ("… last
            // words") start where the sentence does, each place of them.
            let past = after.is_none_or(|a| (passage, start, here.end) > (a.passage, a.start, a.end));
            if past {
                return Some(here);
            }
            first = first.or(Some(here));
        }
    }
    first
}

/// One block of a pasted text: its own locator, if it starts with one, and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub locator: Option<String>,
    pub text: String,
}

/// A pasted text's blocks in order (separated by blank lines, or started by a locator), without
/// Markdown headings and empty blocks.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut blocks: Vec<(Option<String>, Vec<&str>)> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            open = false;
            continue;
        }
        if let Some((locator, rest)) = own_locator(line) {
            blocks.push((Some(locator), vec![rest]));
            open = true;
        } else if line.starts_with('#') && !open {
            blocks.push((None, Vec::new()));
        } else if open {
            if let Some(block) = blocks.last_mut() {
                block.1.push(line);
            }
        } else {
            blocks.push((None, vec![line]));
            open = true;
        }
    }
    blocks
        .into_iter()
        .filter(|(_, lines)| !lines.is_empty())
        .map(|(locator, lines)| Block { locator, text: lines.join("\n") })
        .collect()
}

/// `[locator] rest` at the start of a line: a locator of 1 to 40 characters with no bracket.
fn own_locator(line: &str) -> Option<(String, &str)> {
    let rest = line.strip_prefix('[')?;
    let end = rest.find(']')?;
    let locator = rest[..end].trim();
    let chars = locator.chars().count();
    ((1..=40).contains(&chars) && !locator.contains('[')).then(|| (locator.to_string(), rest[end + 1..].trim()))
}

/// Whether the character at `i` of `chars` is inside a word of a script that separates its
/// words by spaces: a letter or digit (not a CJK character, each a word of its own), or an
/// apostrophe between two of them ("Marrowford's").
fn inside_word(chars: &[char], i: usize) -> bool {
    let spaced = |c: char| c.is_alphanumeric() && !crate::label::is_wide(c);
    match chars.get(i) {
        Some(&c) if spaced(c) => true,
        Some('\'' | '\u{2019}') => {
            i > 0 && chars.get(i - 1).is_some_and(|&c| spaced(c)) && chars.get(i + 1).is_some_and(|&c| spaced(c))
        }
        _ => false,
    }
}

/// The words a selection of `text` from char `start` to char `end` means to quote: a word it
/// cuts at either end is taken whole, and a comma, semicolon or colon it takes at either edge
/// (with the white space beside it) is let go. A drag a letter short of a word's edge, or a few
/// pixels past it, still quotes whole words (trial 12 quoted "the Tessel Riv" and "ew
/// housing"). Returns char offsets; an empty or reversed selection comes back as it was.
pub fn whole_words(text: &str, start: usize, end: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let (mut start, mut end) = (start.min(chars.len()), end.min(chars.len()));
    if start >= end {
        return (start, end);
    }
    // Across letters and digits; an apostrophe only when the selection holds it ("Marrowford"
    // stays itself, "Marrowford'" becomes "Marrowford's").
    let spaced = |i: usize| inside_word(&chars, i) && !matches!(chars[i], '\'' | '\u{2019}');
    while start > 0 && spaced(start - 1) && inside_word(&chars, start) {
        start -= 1;
    }
    while end < chars.len() && inside_word(&chars, end - 1) && spaced(end) {
        end += 1;
    }
    let loose =
        |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '\u{ff0c}' | '\u{ff1b}' | '\u{ff1a}' | '\u{3001}');
    while start < end && loose(chars[start]) {
        start += 1;
    }
    while end > start && loose(chars[end - 1]) {
        end -= 1;
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_passages(text: &str, want: &[(&str, &str)]) {
        let got: Vec<(String, String)> = passages(text).into_iter().map(|p| (p.locator, p.text)).collect();
        let want: Vec<(String, String)> = want.iter().map(|(l, t)| (l.to_string(), t.to_string())).collect();
        assert_eq!(got, want, "{text:?}");
    }

    #[test]
    fn passages_are_numbered_unless_the_text_has_its_own_locators() {
        check_passages(
            "One.\n\nTwo,\nwrapped.\n\n\nThree.",
            &[("P1", "One."), ("P2", "Two,\nwrapped."), ("P3", "Three.")],
        );
        check_passages("# Title\n\nOne.\n## Part\nTwo.", &[("P1", "One.\n## Part\nTwo.")]);
        check_passages("# Title\n\nOne.\n\n## Part\n\nTwo.", &[("P1", "One."), ("P2", "Two.")]);
        // Own locators: a byline above them is not a passage; a locator line starts a passage.
        check_passages(
            "# 标题\n\n作者：某人\n\n[P01] 第一段。\n[P02] 第二段，\n续。\n\n[C1] 图片说明",
            &[("P01", "第一段。"), ("P02", "第二段，\n续。"), ("C1", "图片说明")],
        );
        check_passages(
            "[p. 12] Page twelve.\n\n[§ 3.2] A section.",
            &[("p. 12", "Page twelve."), ("§ 3.2", "A section.")],
        );
        check_passages("[] not a locator\n\n[x", &[("P1", "[] not a locator"), ("P2", "[x")]);
        check_passages("\r\n  \r\n", &[]);
    }

    #[test]
    fn a_quote_is_verbatim_text_of_its_passage_white_space_aside() {
        let passage = "网络空间的安全赤字和治理赤字不断加剧。\nTrust, once lost,  is slow to return.";
        let check = |quote: &str, expected: bool| {
            assert_eq!(is_verbatim(quote, passage), expected, "{quote:?}");
        };
        check("安全赤字和治理赤字", true);
        check("安全 赤字\n和治理赤字", true);
        check("加剧。Trust", true);
        check("Trust, once lost, is slow to return.", true);
        check("Trust,once lost,is slow", true);
        check("trust, once lost", false);
        check("Trust once lost", false);
        check("安全赤字与治理赤字", false);
        check("", false);
        check(" \n\t", false);
        check("return. And more", false);
    }

    #[test]
    fn words_are_found_case_and_white_space_aside_and_the_next_wraps_round() {
        let ps = passages("Trust, once lost,\n  is slow to return.\n\nLost trust is SLOW.\n\n信任 一旦失去");
        let at = |passage: usize, start: usize, end: usize| Some(Found { passage, start, end });
        let check = |words: &str, after: Option<Found>, want: Option<Found>| {
            let got = find(&ps, words, after);
            assert_eq!(got, want, "{words:?} after {after:?}");
            if let Some(f) = got {
                // What is found is verbatim text of its passage.
                assert!(is_verbatim(&ps[f.passage].text[f.start..f.end], &ps[f.passage].text));
            }
        };
        check("once", None, at(0, 7, 11));
        check("lost, is", None, at(0, 12, 20));
        check("lost,is", None, at(0, 12, 20));
        check("lostis", None, None);
        check("is slow", None, at(0, 18, 25));
        check("IS SLOW", at(0, 18, 25), at(1, 11, 18));
        check("is slow", at(1, 11, 18), at(0, 18, 25));
        check("信任一旦", None, at(2, 0, 13));
        check("slow.\n", None, at(1, 14, 19));
        check("nowhere", None, None);
        check("", None, None);
        check(" \n", None, None);
        assert_eq!(&ps[0].text[12..20], "lost,\nis");
    }

    #[test]
    fn a_quote_is_found_by_its_first_and_last_words() {
        let ps = passages(
            "Trust, once lost,\n  is slow to return. Lost trust is slow.\n\n信任一旦失去，就很难恢复。信任……恢复",
        );
        let at = |passage: usize, start: usize, end: usize| Some(Found { passage, start, end });
        let check = |words: &str, after: Option<Found>, want: Option<Found>| {
            let got = find(&ps, words, after);
            assert_eq!(got, want, "{words:?} after {after:?}");
        };
        check("once ... return", None, at(0, 7, 35));
        check("once…return.", None, at(0, 7, 36));
        check("ONCE...SLOW", None, at(0, 7, 25));
        // The next place of the first words, to the nearest last words after them.
        check("lost ... slow", at(0, 12, 25), at(0, 37, 55));
        // Nothing after the ellipsis: the first words to the end of their sentence.
        check("once lost ...", None, at(0, 7, 36));
        check("once lost …", None, at(0, 7, 36));
        check("Lost trust...", None, at(0, 37, 56));
        // Nothing before it: the last words from the start of their sentence.
        check("... to return", None, at(0, 0, 35));
        check("...is slow.", None, at(0, 37, 56));
        check("… 就很难", None, at(1, 0, 30));
        // The last words before the first are not an end; nor are words in another passage.
        check("slow ... once", None, None);
        check("return ... 信任", None, None);
        check("信任…恢复", None, at(1, 0, 36));
        // The text's own ellipsis is one more place the ends give.
        check("信任……恢复", None, at(1, 0, 36));
        check("信任……恢复", at(1, 0, 36), at(1, 39, 57));
        check("...", None, None);
    }

    #[test]
    fn an_ellipsis_at_one_end_stands_for_the_rest_of_the_sentence() {
        let ps = passages(concat!(
            "Dr. Ilse Varga has tracked it. \"It no longer recovers by spring,\" she says. ",
            "As Dr. Varga warns, \"Deeper wells buy time, not water.\" It would cost more\n\n",
            "The Tessel runs low. 水位下降。它不再恢复！最后"
        ));
        let check = |words: &str, want: &str| {
            let got = find(&ps, words, None).map(|f| &ps[f.passage].text[f.start..f.end]);
            assert_eq!(got, Some(want), "{words:?}");
        };
        // Enter goes on to the next place in the same sentence, found from its start.
        let p = passages("The water rose and the water fell.");
        let first = find(&p, "... the water", None);
        assert_eq!(first.map(|f| &p[0].text[f.start..f.end]), Some("The water"));
        let next = find(&p, "... the water", first);
        assert_eq!(next.map(|f| &p[0].text[f.start..f.end]), Some("The water rose and the water"));
        assert_eq!(find(&p, "... the water", next), first);
        // A title's stop does not end the sentence, either way.
        check("Dr. Ilse ...", "Dr. Ilse Varga has tracked it.");
        check("... has tracked", "Dr. Ilse Varga has tracked");
        check("... Varga warns", "As Dr. Varga warns");
        // Closing marks after the stop are the sentence's; the space after it is not.
        check("It no longer ...", "It no longer recovers by spring,\" she says.");
        check("Deeper wells ...", "Deeper wells buy time, not water.\"");
        // A passage's last sentence ends with the passage, stop or not.
        check("It would ...", "It would cost more");
        check("runs ...", "runs low.");
        check("水位 …", "水位下降。");
        check("…恢复", "它不再恢复");
        check("不再 ...", "不再恢复！");
        check("... 最后", "最后");
        // Words across two sentences: on to the end of the second.
        check("low. 水位 ...", "low. 水位下降。");
    }

    /// The sentence a click on the word `word` of `text` takes.
    fn quoted_at<'a>(text: &'a str, word: &str) -> &'a str {
        let at = text[..text.find(word).unwrap_or(0)].chars().count();
        let (s, e) = sentence_at(text, at);
        let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
        &text[byte(s)..byte(e)]
    }

    #[test]
    fn a_click_takes_the_sentence_it_is_in() {
        let text = "Dr. Ilse Varga has tracked it. \"It no longer recovers,\" she says.  Wells\nfall. Still";
        let check = |at_word: &str, offset: usize, want: &str| {
            let at = text[..text.find(at_word).unwrap() + offset].chars().count();
            let (s, e) = sentence_at(text, at);
            let got: String = text.chars().skip(s).take(e - s).collect();
            assert_eq!(got, want, "at {at_word:?}+{offset}");
        };
        check("Ilse", 0, "Dr. Ilse Varga has tracked it.");
        check("Dr.", 0, "Dr. Ilse Varga has tracked it.");
        check("it.", 2, "Dr. Ilse Varga has tracked it.");
        // In the spaces after a sentence: that sentence.
        check("it. ", 3, "Dr. Ilse Varga has tracked it.");
        check("says.", 6, "\"It no longer recovers,\" she says.");
        check("longer", 3, "\"It no longer recovers,\" she says.");
        // A line break does not end a sentence; the text's end is the last one's.
        check("Wells", 0, "Wells\nfall.");
        check("fall", 0, "Wells\nfall.");
        check("Still", 5, "Still");
        // A quotation that runs on past a sentence's stop: all of it, with its words before.
        let quoted =
            "Bell puts it bluntly: \"We take what the law allows. The law was written for wetter years.\" Next one.";
        let (s, e) = sentence_at(quoted, 30);
        assert_eq!(
            &quoted[s..e],
            "Bell puts it bluntly: \"We take what the law allows. The law was written for wetter years.\""
        );
        let (s, e) = sentence_at(quoted, 60);
        assert_eq!(&quoted[s..e], &quoted[..quoted.find(" Next").unwrap()]);
        assert_eq!(sentence_at(quoted, quoted.len() - 3), (quoted.len() - 9, quoted.len()));
        let zh_quoted = "他说：「我们守法。法律为多雨之年而写。」然后";
        let (s, e) = sentence_at(zh_quoted, 12);
        assert_eq!(
            zh_quoted.chars().skip(s).take(e - s).collect::<String>(),
            "他说：「我们守法。法律为多雨之年而写。」"
        );
        // A straight mark after a digit is an inch's.
        let inch = "The main was 12\" across. Bell said \"We wait. They go.\" Then.";
        let at = |w: &str| quoted_at(inch, w);
        assert_eq!(at("across"), "The main was 12\" across.");
        assert_eq!(at("They"), "Bell said \"We wait. They go.\"");
        // Never closed in the passage: the sentence alone.
        let open = "He wrote: \"Rivers fall. Towns wait. And so on";
        let (s, e) = sentence_at(open, 3);
        assert_eq!(&open[s..e], "He wrote: \"Rivers fall.");
        let zh = "水位下降。它不再恢复！最后";
        let (s, e) = sentence_at(zh, 6);
        assert_eq!(zh.chars().skip(s).take(e - s).collect::<String>(), "它不再恢复！");
        assert_eq!(sentence_at("", 0), (0, 0));
        assert_eq!(sentence_at("   ", 1), (0, 0));
    }

    #[test]
    fn words_found_that_open_a_quotation_take_its_closing_mark_where_it_follows() {
        let ps =
            passages("Bell is open to it: \"Pay for the pipes and I will use less.\" Then «non», 他说：「好。」再见");
        let check = |words: &str, want: &str| {
            let got = find(&ps, words, None).map(|f| &ps[f.passage].text[f.start..f.end]);
            assert_eq!(got, Some(want), "{words:?}");
        };
        check("open to it ... use less", "open to it: \"Pay for the pipes and I will use less.\"");
        check("\"Pay for the pipes", "\"Pay for the pipes");
        check("Pay for ... less", "Pay for the pipes and I will use less");
        check("\"Pay ... less.", "\"Pay for the pipes and I will use less.\"");
        check("«non", "«non»");
        check("他说：「好", "他说：「好。」");
        // Closed inside, or not closing right after: as found.
        check("\"Pay ... less.\" Then", "\"Pay for the pipes and I will use less.\" Then");
        check("it: \"Pay for", "it: \"Pay for");
    }

    #[test]
    fn squash_removes_every_kind_of_white_space() {
        assert_eq!(squash(" a\tb\nc\u{3000}d\u{a0}e\r\n"), "abcde");
        assert_eq!(squash("共同安全"), "共同安全");
    }

    #[test]
    fn a_selection_takes_whole_words_and_lets_go_of_loose_punctuation() {
        let check = |text: &str, selected: &str, at: usize, want: &str| {
            let start = text[..text.find(selected).map_or(0, |b| b + at)].chars().count();
            let (s, e) = whole_words(text, start, start + selected.chars().count());
            let got: String = text.chars().skip(s).take(e - s).collect();
            assert_eq!(got, want, "{selected:?} in {text:?}");
        };
        let text = "Marrowford's pipes, on a bend of the Tessel River, leak; new housing grows.";
        check(text, "the Tessel Riv", 0, "the Tessel River");
        check(text, "ew housing", 0, "new housing");
        check(text, "rowford's", 0, "Marrowford's");
        check(text, "Marrowfor", 0, "Marrowford");
        check(text, "rowford'", 0, "Marrowford's");
        check(text, "; ", 0, "");
        check(text, "pipes, on", 0, "pipes, on");
        check(text, "River, ", 0, "River");
        check(text, ", leak; ", 0, "leak");
        check(text, "bend", 0, "bend");
        // Chinese has no spaces between words: every character is its own, nothing is added.
        check("国际社会只有同舟共济，携手构建", "社会只有", 0, "社会只有");
        check("国际社会只有同舟共济，携手构建", "同舟共济，", 0, "同舟共济");
        check("网络、数据和人工智能", "、数据和", 0, "数据和");
        // Latin words inside Chinese text still come whole.
        check("生成式AI技术", "式A", 0, "式AI");
    }
}
