//! The column layout: nodes in vertical columns (in the app: threats on the left, responses on
//! the right, everything else in the middle), ordered within each column so that links cross
//! as little as practical, and evenly spaced.
//!
//! Ordering is the classic layered-graph heuristic: start from index order, then sweep the
//! columns alternately left-to-right and right-to-left, sorting each column by the barycentre
//! (mean relative position) of each node's neighbours in other columns. The best ordering seen
//! (fewest crossings, earliest on ties) is kept, so the result never has more crossings than
//! index order. Everything is deterministic: ties are broken by the current order.

/// Sizes and effort for [`bipartite_layout`].
#[derive(Clone, Debug, PartialEq)]
pub struct BipartiteOptions {
    /// The width of the area; column `c` of `n` is centred at `width * (c + 0.5) / n`.
    pub width: f64,
    /// The height of the area; a column's nodes are spread evenly over it, centred.
    pub height: f64,
    /// The smallest vertical distance between two nodes of a column: when a column has too many
    /// nodes to fit in `height`, it grows beyond it (symmetrically) rather than overlap.
    pub min_node_spacing: f64,
    /// How many barycentre sweeps to try at most (each sweep visits every column once).
    pub barycentre_sweeps: usize,
}

impl Default for BipartiteOptions {
    fn default() -> Self {
        BipartiteOptions { width: 800.0, height: 600.0, min_node_spacing: 24.0, barycentre_sweeps: 12 }
    }
}

/// Places nodes in columns and returns their `(xs, ys)`, by node index.
///
/// - `columns[i]` is node `i`'s column, from 0 (left); values of `column_count` or more are put
///   in the last column. `column_count` 0 is treated as 1.
/// - `links` are `(source, target)` node indices; links naming missing nodes, self-links and
///   links within one column are ignored for ordering.
/// - Non-finite or negative sizes in `options` are treated as 0. With `min_node_spacing > 0`
///   no two nodes share a position.
///
/// Complexity: O(sweeps · (n log n + m log m)) for n nodes and m links.
///
/// ```
/// use atlas_core::layout::{bipartite_layout, BipartiteOptions};
/// //  0 ─┐ ┌─ 2        after ordering:  0 ── 3
/// //     ╳                              1 ── 2
/// //  1 ─┘ └─ 3
/// let (xs, ys) = bipartite_layout(&[0, 0, 1, 1], 2, &[(0, 3), (1, 2)], &BipartiteOptions::default());
/// assert!(xs[0] < xs[2]);
/// assert!((ys[3] < ys[2]) == (ys[0] < ys[1]));
/// ```
pub fn bipartite_layout(
    columns: &[usize],
    column_count: usize,
    links: &[(usize, usize)],
    options: &BipartiteOptions,
) -> (Vec<f64>, Vec<f64>) {
    let column_count = column_count.max(1);
    let width = non_negative_or_zero(options.width);
    let height = non_negative_or_zero(options.height);
    let min_spacing = non_negative_or_zero(options.min_node_spacing);
    let orders = bipartite_column_orders(columns, column_count, links, options.barycentre_sweeps);

    let mut xs = vec![0.0; columns.len()];
    let mut ys = vec![0.0; columns.len()];
    for (column, order) in orders.iter().enumerate() {
        let x = width * (column as f64 + 0.5) / column_count as f64;
        let count = order.len() as f64;
        let spacing = (height / count).max(min_spacing);
        let top = (height - spacing * count) / 2.0;
        for (rank, &node) in order.iter().enumerate() {
            xs[node] = x;
            ys[node] = top + spacing * (rank as f64 + 0.5);
        }
    }
    (xs, ys)
}

/// The order of the nodes in each column (top to bottom), as [`bipartite_layout`] places them.
/// Arguments as for [`bipartite_layout`]; returns `column_count.max(1)` lists.
pub fn bipartite_column_orders(
    columns: &[usize],
    column_count: usize,
    links: &[(usize, usize)],
    sweeps: usize,
) -> Vec<Vec<usize>> {
    let column_count = column_count.max(1);
    let column_of = |node: usize| columns[node].min(column_count - 1);
    let node_count = columns.len();

    let mut orders: Vec<Vec<usize>> = vec![Vec::new(); column_count];
    for node in 0..node_count {
        orders[column_of(node)].push(node);
    }

    // Neighbours in other columns, with multiplicity (a doubled link pulls twice as hard).
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); node_count];
    for &(source, target) in links {
        if source < node_count && target < node_count && column_of(source) != column_of(target) {
            neighbours[source].push(target);
            neighbours[target].push(source);
        }
    }

    let mut relative_position = vec![0.0; node_count];
    let update_positions = |orders: &[Vec<usize>], relative_position: &mut [f64]| {
        for order in orders {
            for (rank, &node) in order.iter().enumerate() {
                relative_position[node] = (rank as f64 + 0.5) / order.len() as f64;
            }
        }
    };
    update_positions(&orders, &mut relative_position);

    let mut best_orders = orders.clone();
    let mut best_crossings = count_link_crossings(columns, column_count, &orders, links);
    let mut keys: Vec<(f64, f64, usize)> = Vec::new();
    let mut ranked: Vec<usize> = Vec::new();
    for sweep in 0..sweeps {
        if best_crossings == 0 {
            break;
        }
        let left_to_right = sweep % 2 == 0;
        for step in 0..column_count {
            let column = if left_to_right { step } else { column_count - 1 - step };
            keys.clear();
            for &node in &orders[column] {
                let current = relative_position[node];
                let barycentre = if neighbours[node].is_empty() {
                    current
                } else {
                    neighbours[node].iter().map(|&other| relative_position[other]).sum::<f64>()
                        / neighbours[node].len() as f64
                };
                keys.push((barycentre, current, node));
            }
            ranked.clear();
            ranked.extend(0..keys.len());
            crate::order::sort_indices_by(&mut ranked, &mut |a, b| {
                let (ka, kb) = (keys[a], keys[b]);
                ka.0.total_cmp(&kb.0).then(ka.1.total_cmp(&kb.1)).then(ka.2.cmp(&kb.2))
            });
            orders[column].clear();
            orders[column].extend(ranked.iter().map(|&k| keys[k].2));
            let count = orders[column].len() as f64;
            for (rank, &node) in orders[column].iter().enumerate() {
                relative_position[node] = (rank as f64 + 0.5) / count;
            }
        }
        let crossings = count_link_crossings(columns, column_count, &orders, links);
        if crossings < best_crossings {
            best_crossings = crossings;
            best_orders.clone_from(&orders);
        }
    }
    best_orders
}

/// The number of pairs of links that cross when drawn as straight segments between columns in
/// the given `orders`. Only pairs of links joining the same two columns are counted (links
/// skipping a column can also cross links of the columns they pass; those are not counted).
/// Links sharing an end never count as crossing. Ignored links as in [`bipartite_layout`].
///
/// Complexity: O(m log m) for m links (inversions counted with a Fenwick tree).
pub fn count_link_crossings(
    columns: &[usize],
    column_count: usize,
    orders: &[Vec<usize>],
    links: &[(usize, usize)],
) -> usize {
    let column_count = column_count.max(1);
    let node_count = columns.len();
    let mut rank = vec![usize::MAX; node_count];
    for order in orders {
        for (position, &node) in order.iter().enumerate() {
            if node < node_count {
                rank[node] = position;
            }
        }
    }
    // (left column, right column, left rank, right rank) for each counted link.
    let mut spans: Vec<(usize, usize, usize, usize)> = Vec::new();
    for &(source, target) in links {
        if source >= node_count || target >= node_count {
            continue;
        }
        let (source_column, target_column) =
            (columns[source].min(column_count - 1), columns[target].min(column_count - 1));
        if source_column == target_column || rank[source] == usize::MAX || rank[target] == usize::MAX {
            continue;
        }
        let (left, right) = if source_column < target_column { (source, target) } else { (target, source) };
        spans.push((source_column.min(target_column), source_column.max(target_column), rank[left], rank[right]));
    }
    spans.sort_unstable();

    let mut crossings = 0;
    let mut fenwick: Vec<usize> = Vec::new();
    let mut group_start = 0;
    while group_start < spans.len() {
        let group_key = (spans[group_start].0, spans[group_start].1);
        let mut group_end = group_start;
        while group_end < spans.len() && (spans[group_end].0, spans[group_end].1) == group_key {
            group_end += 1;
        }
        // Sorted by (left rank, right rank): a pair crosses when a later link has a strictly
        // smaller right rank and a strictly larger left rank.
        let size = spans[group_start..group_end].iter().map(|span| span.3).max().unwrap_or(0) + 1;
        fenwick.clear();
        fenwick.resize(size + 1, 0);
        let mut index = group_start;
        while index < group_end {
            // Links with the same left end never cross each other: count them against the
            // earlier links first, then insert them together.
            let mut same_left_end = index;
            while same_left_end < group_end && spans[same_left_end].2 == spans[index].2 {
                same_left_end += 1;
            }
            let inserted_so_far = index - group_start;
            for span in &spans[index..same_left_end] {
                crossings += inserted_so_far - fenwick_prefix_sum(&fenwick, span.3 + 1);
            }
            for span in &spans[index..same_left_end] {
                fenwick_add(&mut fenwick, span.3 + 1);
            }
            index = same_left_end;
        }
        group_start = group_end;
    }
    crossings
}

/// Adds one at 1-based `position`.
fn fenwick_add(tree: &mut [usize], mut position: usize) {
    while position < tree.len() {
        tree[position] += 1;
        position += position & position.wrapping_neg();
    }
}

/// The count of inserted positions `<= position` (1-based).
fn fenwick_prefix_sum(tree: &[usize], mut position: usize) -> usize {
    let mut sum = 0;
    while position > 0 {
        sum += tree[position];
        position -= position & position.wrapping_neg();
    }
    sum
}

fn non_negative_or_zero(value: f64) -> f64 {
    if value.is_finite() && value > 0.0 {
        value
    } else {
        0.0
    }
}
