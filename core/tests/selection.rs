//! What stays selected through an edit in the editor (`Selected::followed`): an item renamed in
//! place is followed to its new name; one removed or still there is left as it was.

mod common;

use atlas_core::view_state::Selected;
use common::Fixture;

#[test]
fn a_selection_follows_its_item_through_an_edit_in_place() {
    // A threat, a response linked to it, and an event about the threat.
    let reading = |threat: &str, response: &str, relation: &str, event: &str, date: &str| {
        Fixture::new()
            .node(threat, "threat")
            .node(response, "response")
            .link(response, threat, relation)
            .event(event, date, threat, &[threat])
            .model()
    };
    let base = |relation: &str, second: &str, date: &str| reading("heat", second, relation, "ban", date);
    let before = base("addresses", "plan", "2018-07");
    let removed =
        Fixture::new().node("heat", "threat").node("plan", "response").event("ban", "2018-07", "heat", &[]).model();
    let renamed_event = reading("heat", "plan", "addresses", "garden-ban", "2018-07");
    // Every item different, the lengths the same: not an edit in place, nothing followed.
    let other = reading("wells", "basins", "mitigates", "bond", "2023-09");
    let link = |source: &str, relation: &str| Selected::Link(format!("{source}~{relation}~heat"));
    for (what, selected, after, expect) in [
        (
            "a link's relation changed",
            link("plan", "addresses"),
            base("mitigates", "plan", "2018-07"),
            link("plan", "mitigates"),
        ),
        (
            "a node's id changed",
            Selected::Node("plan".into()),
            base("addresses", "heat-plan", "2018-07"),
            Selected::Node("heat-plan".into()),
        ),
        (
            "a link's end renamed with its node",
            link("plan", "addresses"),
            base("addresses", "heat-plan", "2018-07"),
            link("heat-plan", "addresses"),
        ),
        (
            "still there",
            Selected::Node("heat".into()),
            base("mitigates", "plan", "2018-07"),
            Selected::Node("heat".into()),
        ),
        (
            "an event's id changed",
            Selected::Event("ban".into()),
            renamed_event.clone(),
            Selected::Event("garden-ban".into()),
        ),
        ("another reading of the same lengths", link("plan", "addresses"), other.clone(), link("plan", "addresses")),
        (
            "a node in another reading of the same lengths",
            Selected::Node("plan".into()),
            other,
            Selected::Node("plan".into()),
        ),
        (
            "an event edited, its id kept",
            Selected::Event("ban".into()),
            base("addresses", "plan", "2019"),
            Selected::Event("ban".into()),
        ),
        ("a link removed: left as it was", link("plan", "addresses"), removed.clone(), link("plan", "addresses")),
        ("nothing", Selected::Nothing, removed, Selected::Nothing),
    ] {
        assert_eq!(selected.followed(&before, &after), expect, "{what}");
    }
}
