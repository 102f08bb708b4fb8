//! The column layout: columns respected, no overlaps, crossings reduced, deterministic, and
//! degenerate input handled. Each case is one row for [`check`].

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atlas_core::layout::{bipartite_column_orders, bipartite_layout, count_link_crossings, BipartiteOptions};

/// Lays out `columns` / `links` in `column_count` columns and checks: one x per column,
/// increasing left to right; nodes of a column at least `min_node_spacing` apart and centred
/// on the area; the given number of crossings; and the same result on a second run.
fn check(case: &str, columns: &[usize], column_count: usize, links: &[(usize, usize)], expected_crossings: usize) {
    let options = BipartiteOptions { width: 900.0, height: 300.0, min_node_spacing: 20.0, barycentre_sweeps: 12 };
    let (xs, ys) = bipartite_layout(columns, column_count, links, &options);
    assert_eq!((xs.len(), ys.len()), (columns.len(), columns.len()), "{case}");
    assert_eq!(
        bipartite_layout(columns, column_count, links, &options),
        (xs.clone(), ys.clone()),
        "{case}: not deterministic"
    );

    let effective_columns = column_count.max(1);
    let column_of = |node: usize| columns[node].min(effective_columns - 1);
    for column in 0..effective_columns {
        let members: Vec<usize> = (0..columns.len()).filter(|&node| column_of(node) == column).collect();
        let expected_x = 900.0 * (column as f64 + 0.5) / effective_columns as f64;
        let mut column_ys: Vec<f64> = Vec::new();
        for &node in &members {
            assert_eq!(xs[node], expected_x, "{case}: node {node} is not in column {column}");
            column_ys.push(ys[node]);
        }
        column_ys.sort_by(f64::total_cmp);
        for pair in column_ys.windows(2) {
            assert!(pair[1] - pair[0] >= 20.0 - 1e-9, "{case}: nodes overlap in column {column}: {column_ys:?}");
        }
        if let (Some(top), Some(bottom)) = (column_ys.first(), column_ys.last()) {
            assert!(((top + bottom) / 2.0 - 150.0).abs() < 1e-9, "{case}: column {column} is not centred");
        }
    }

    let orders = bipartite_column_orders(columns, column_count, links, options.barycentre_sweeps);
    assert_eq!(count_link_crossings(columns, column_count, &orders, links), expected_crossings, "{case}: {orders:?}");
}

#[test]
fn cases() {
    check("empty", &[], 3, &[], 0);
    check("one node", &[1], 3, &[], 0);
    check("no columns means one column", &[0, 5, 2], 0, &[(0, 1)], 0);
    check("columns beyond the count go in the last column", &[0, 7, 9], 2, &[(0, 1), (0, 2)], 0);
    check("a simple cross is undone", &[0, 0, 1, 1], 2, &[(0, 3), (1, 2)], 0);
    check(
        "threats, the rest, responses: crossings removed",
        &[0, 0, 0, 1, 1, 1, 2, 2, 2],
        3,
        &[(0, 5), (1, 4), (2, 3), (3, 8), (4, 7), (5, 6)],
        0,
    );
    check("a complete bipartite graph cannot avoid crossings", &[0, 0, 1, 1], 2, &[(0, 2), (0, 3), (1, 2), (1, 3)], 1);
    check(
        "self-links, missing nodes and same-column links are ignored",
        &[0, 0, 1],
        2,
        &[(0, 0), (0, 1), (1, 9), (2, 0)],
        0,
    );
    check("a tall column grows beyond the height instead of overlapping", &vec![0; 40], 1, &[], 0);
}

#[test]
fn crossings_are_counted_per_column_pair_and_shared_ends_do_not_cross() {
    let columns = [0, 0, 1, 1];
    let orders = vec![vec![0, 1], vec![2, 3]];
    assert_eq!(count_link_crossings(&columns, 2, &orders, &[(0, 3), (1, 2)]), 1);
    assert_eq!(count_link_crossings(&columns, 2, &orders, &[(0, 2), (1, 3)]), 0);
    assert_eq!(count_link_crossings(&columns, 2, &orders, &[(0, 2), (0, 3), (1, 3)]), 0);
    assert_eq!(count_link_crossings(&columns, 2, &orders, &[(0, 2), (0, 3), (1, 2)]), 1);
    // The direction of a link does not matter.
    assert_eq!(count_link_crossings(&columns, 2, &orders, &[(3, 0), (2, 1)]), 1);
}

#[test]
fn degenerate_sizes_give_finite_positions() {
    let options =
        BipartiteOptions { width: f64::NAN, height: -5.0, min_node_spacing: f64::INFINITY, barycentre_sweeps: 0 };
    let (xs, ys) = bipartite_layout(&[0, 1, 1], 2, &[(0, 1)], &options);
    assert!(xs.iter().chain(&ys).all(|value| value.is_finite()), "{xs:?} {ys:?}");
}

#[test]
fn isolated_nodes_keep_the_given_order() {
    let orders = bipartite_column_orders(&[0, 1, 0, 1, 0], 2, &[], 8);
    assert_eq!(orders, vec![vec![0, 2, 4], vec![1, 3]]);
}
