//! The reading the reader hands to the editor's page through storage. One storage entry serves
//! every page of an origin, so the entry carries the token of the link that asked for it: an
//! editor opened by one page never takes the reading another page left there, and an old entry
//! never stands in for a new one.

/// How a link to the editor asks for a hand-over: `#edit-reading=` and then its token.
pub const LINK_PREFIX: &str = "#edit-reading=";

/// The storage entry for `text` handed over under `token` (a token has no line break).
pub fn seal(token: &str, text: &str) -> String {
    format!("{token}\n{text}")
}

/// The text handed over under `token`, if `entry` is that hand-over.
pub fn open<'a>(entry: &'a str, token: &str) -> Option<&'a str> {
    let (sealed_with, text) = entry.split_once('\n')?;
    (!token.is_empty() && sealed_with == token).then_some(text)
}

/// The token a link's fragment asks for: `Some("")` for a link without one (an old bookmark),
/// `None` when the fragment is not a hand-over at all.
pub fn token_in(fragment: &str) -> Option<&str> {
    fragment.strip_prefix(LINK_PREFIX).or_else(|| (fragment == LINK_PREFIX.trim_end_matches('=')).then_some(""))
}

/// A token from two random numbers in [0, 1) (the browser's `Math.random`): 13 hex digits
/// each, so two pages' tokens do not meet.
pub fn token_from(a: f64, b: f64) -> String {
    let digits = |x: f64| (x.clamp(0.0, 1.0) * (1u64 << 52) as f64) as u64;
    format!("{:013x}{:013x}", digits(a), digits(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_opens_only_with_its_own_token() {
        let entry = seal("abc", "{\"meta\":1}\nsecond line");
        let cases: [(&str, &str, Option<&str>); 5] = [
            (&entry, "abc", Some("{\"meta\":1}\nsecond line")),
            (&entry, "abd", None),
            (&entry, "", None),
            ("{\"meta\":1}", "abc", None),
            ("\n{}", "", None),
        ];
        for (entry, token, expected) in cases {
            assert_eq!(open(entry, token), expected, "open({entry:?}, {token:?})");
        }
    }

    #[test]
    fn a_fragment_names_its_token() {
        let cases = [
            ("#edit-reading=0a1b", Some("0a1b")),
            ("#edit-reading", Some("")),
            ("#edit-reading=", Some("")),
            ("#new-reading", None),
            ("", None),
        ];
        for (fragment, expected) in cases {
            assert_eq!(token_in(fragment), expected, "token_in({fragment:?})");
        }
    }

    #[test]
    fn tokens_differ_with_their_numbers_and_have_no_line_break() {
        let cases = [(0.0, 0.0), (0.5, 0.25), (0.999_999, 0.123_456), (0.123_456, 0.999_999)];
        let tokens: Vec<String> = cases.iter().map(|&(a, b)| token_from(a, b)).collect();
        for (i, token) in tokens.iter().enumerate() {
            assert_eq!(token.len(), 26, "{token}");
            assert!(token.chars().all(|c| c.is_ascii_hexdigit()), "{token}");
            assert!(tokens[i + 1..].iter().all(|other| other != token), "{token} twice");
        }
    }
}
