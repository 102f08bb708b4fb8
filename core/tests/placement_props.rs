//! Property tests: on crowded random views (nodes on top of one another, labels wider than the
//! gaps, a toolbar over a corner, one label forced), whatever the placement and its repair
//! decide, every label shown lies in the view, clear of the toolbar, of every other label and
//! of every other node's shape, and a forced label always shows.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atlas_core::placement::{place_labels_around, LabelRequest, Rect, MOVES_OTHERS_FROM, NODE_ANCHORS};
use proptest::prelude::*;

const VIEW: Rect = Rect { x: 0.0, y: 0.0, width: 400.0, height: 300.0 };

/// A label request: its node's place (often in a few crowded spots), its size and importance,
/// some below the priority that moves others.
fn request() -> impl Strategy<Value = LabelRequest> {
    let place = prop_oneof![
        2 => (0.0..400.0f64, 0.0..300.0f64),
        1 => (prop_oneof![Just(100.0), Just(200.0), Just(300.0)], prop_oneof![Just(100.0), Just(150.0)]),
    ];
    let priority = prop_oneof![4 => 0.0..100.0f64, 1 => Just(MOVES_OTHERS_FROM - 1.0)];
    (place, 2.0..12.0f64, 20.0..160.0f64, 12.0..40.0f64, priority).prop_map(|((x, y), r, width, height, priority)| {
        LabelRequest {
            x,
            y,
            node_radius: r,
            width,
            height,
            priority,
            forced: false,
            anchors: NODE_ANCHORS,
            avoid_nodes: true,
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn labels_shown_never_overlap_leave_the_view_or_cover_another_node(
        mut requests in prop::collection::vec(request(), 1..40),
        forced in any::<prop::sample::Index>(),
    ) {
        let forced = forced.index(requests.len());
        requests[forced].forced = true;
        let toolbar = Rect::new(0.0, 0.0, 180.0, 30.0);
        let shapes: Vec<Option<Rect>> = requests
            .iter()
            .map(|r| Some(Rect::new(r.x - r.node_radius, r.y - r.node_radius, 2.0 * r.node_radius, 2.0 * r.node_radius)))
            .collect();
        let wrapped: Vec<Option<LabelRequest>> = requests.iter().copied().map(Some).collect();
        let placed = place_labels_around(&wrapped, &shapes, &[toolbar], &VIEW);
        prop_assert!(placed[forced].is_some(), "the forced label is not shown");
        for (i, p) in placed.iter().enumerate() {
            let Some(p) = p else { continue };
            if i == forced {
                continue;
            }
            prop_assert!(p.rect.inside(&VIEW), "label {} outside the view", i);
            prop_assert!(!p.rect.overlaps(&toolbar), "label {} under the toolbar", i);
            for (j, shape) in shapes.iter().enumerate() {
                prop_assert!(j == i || !shape.is_some_and(|s| s.overlaps(&p.rect)), "label {} covers node {}", i, j);
            }
            for (j, q) in placed.iter().enumerate() {
                prop_assert!(j == i || !q.is_some_and(|q| q.rect.overlaps(&p.rect)), "labels {} and {} overlap", i, j);
            }
        }
    }
}
