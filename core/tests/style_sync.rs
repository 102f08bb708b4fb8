//! The stylesheet draws relations with the same dash patterns as the SVG export and the canvas
//! (`Relation::dash_pattern`), so a printed page, an export and the screen agree.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atlas_core::Relation;

#[test]
fn stylesheet_dash_patterns_match_the_model() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../www/style.css")).unwrap();
    for relation in Relation::ALL {
        let class = format!(".rel-{} {{", relation.code().replace('_', "-"));
        let rule = css
            .split('\n')
            .find(|line| line.trim_start().starts_with(&class))
            .unwrap_or_else(|| panic!("no rule {class}"));
        let dash: Vec<f64> = rule
            .split("stroke-dasharray:")
            .nth(1)
            .map(|rest| {
                rest.split(';').next().unwrap_or("").split_whitespace().filter_map(|n| n.parse().ok()).collect()
            })
            .unwrap_or_default();
        assert_eq!(dash, relation.dash_pattern(), "{class}");
    }
}
