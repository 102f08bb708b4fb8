//! Choosing in a list by typing the first letters of a choice, as the editor's lists do.
//!
//! A closed select in the browser searches from the choice it shows: from "aggravates", typing
//! "ad" found "adopts" before "addresses" (trial 13 made seven links "adopts" so, one after
//! another, for a new link takes the relation before it). Here what is typed always finds the
//! first choice, in the list's order, that starts with it; the same letter typed again goes on
//! to the next choice that starts with it.

/// The choice that `typed` (the letters typed in a row, without a pause) goes to among
/// `choices` (their text, in the list's order), from the choice at `current`; `None` when no
/// choice starts with it. Case does not matter.
pub fn choice_for(choices: &[String], typed: &str, current: Option<usize>) -> Option<usize> {
    let typed = typed.to_lowercase();
    let first = typed.chars().next()?;
    let starts = |i: usize, prefix: &str| choices[i].trim_start().to_lowercase().starts_with(prefix);
    let repeated = typed.chars().count() > 1 && typed.chars().all(|c| c == first);
    if !repeated {
        return (0..choices.len()).find(|&i| starts(i, &typed));
    }
    // The same letter typed again: the next choice that starts with it after the one shown,
    // round to the first.
    let letter = first.to_string();
    let with_letter: Vec<usize> = (0..choices.len()).filter(|&i| starts(i, &letter)).collect();
    let after = current.and_then(|c| with_letter.iter().position(|&i| i == c)).map_or(0, |k| k + 1);
    with_letter.get(after % with_letter.len().max(1)).copied()
}

/// Whether `typed` (letters typed in a row on a list) is words meant for another field rather
/// than a choice's first letters: no choice starts with it, and it is a word or more (four
/// characters, or two with a space between). The list then goes back to the choice it had
/// before, and says so (trial 13 pressed Tab from a label to the summary, typed the summary
/// into the list of kinds, and made a response an actor).
pub fn is_astray(choices: &[String], typed: &str) -> bool {
    let count = typed.chars().count();
    let worded = count >= 4 || (count >= 2 && typed.trim().contains(' '));
    // A node's id, shown after its name ("Stockpiling (hoarding)"), is not astray either.
    let an_id = format!("({}", typed.to_lowercase());
    worded && choice_for(choices, typed, None).is_none() && !choices.iter().any(|c| c.to_lowercase().contains(&an_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_letters_find_the_first_choice_that_starts_with_them() {
        let relations: Vec<String> =
            ["addresses", "mitigates", "aggravates", "drives", "adopts", "cites", "claims"].map(String::from).to_vec();
        let check = |typed: &str, current: Option<usize>, expect: Option<&str>| {
            let got = choice_for(&relations, typed, current).map(|i| relations[i].as_str());
            assert_eq!(got, expect, "{typed:?} from {current:?}");
        };
        check("ad", Some(2), Some("addresses")); // not "adopts", after "aggravates"
        check("a", Some(2), Some("addresses"));
        check("ado", Some(0), Some("adopts"));
        check("AG", None, Some("aggravates"));
        check("cl", Some(5), Some("claims"));
        check("x", Some(0), None);
        check("", Some(0), None);
        // The same letter again: on to the next choice with it, round to the first.
        check("aa", Some(0), Some("aggravates"));
        check("aa", Some(2), Some("adopts"));
        check("aa", Some(4), Some("addresses"));
        check("cc", Some(3), Some("cites"));
        check("aa", None, Some("addresses"));
        // Names with spaces and capitals, as nodes' names are.
        let names: Vec<String> =
            ["Water-sharing compact (compact)", "Water board (water-board)"].map(String::from).to_vec();
        assert_eq!(choice_for(&names, "water ", None), Some(1));
        assert_eq!(choice_for(&names, "Water", None), Some(0));
    }

    #[test]
    fn words_typed_into_a_list_are_astray_and_first_letters_are_not() {
        let kinds: Vec<String> = ["Threat", "Response", "Concept", "Actor"].map(String::from).to_vec();
        for (typed, astray) in [
            ("Deep", true), // a summary's first word
            ("Actors in", true),
            ("d e", true),
            ("Act", false), // first letters of "Actor"
            ("Actor", false),
            ("th", false),
            ("xy", false),   // a slip, not words
            ("aaaa", false), // the same letter again: on through the choices
            ("", false),
        ] {
            assert_eq!(is_astray(&kinds, typed), astray, "{typed:?}");
        }
        // A node's id, after its name, is not words meant elsewhere.
        let nodes: Vec<String> = ["Stockpiling (hoarding)", "Water board (water-board)"].map(String::from).to_vec();
        assert!(!is_astray(&nodes, "hoar"));
        assert!(is_astray(&nodes, "hoarding is"));
    }
}
