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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn squash_removes_every_kind_of_white_space() {
        assert_eq!(squash(" a\tb\nc\u{3000}d\u{a0}e\r\n"), "abcde");
        assert_eq!(squash("共同安全"), "共同安全");
    }
}
