//! The argument layout: the reading laid out like the article's flow, one column per stage
//! (threats by layer → the dilemma → the actors' strategies → the models → the principles),
//! left to right. Within a stage, each group's nodes stand together under the group's name, in
//! the order that crosses the fewest links (the layered-graph barycentre heuristic of
//! [`super::bipartite_column_orders`]); nodes without a group join the stage most of their
//! neighbours are in.
//!
//! The layout is drawn at reading size (screen pixels, zoom 1): a node with its label to its
//! right fills one cell. A stage too tall for the view gets more sub-columns while the width
//! allows; beyond that the view scrolls rather than shrinks the labels.

use super::bipartite::bipartite_column_orders;

/// A node cell: the node at the left, its label to its right.
pub const CELL_WIDTH_PX: f64 = 176.0;
/// Space above the first row of a stage, for the stage's name (two lines of [`STAGE_NAME_PX`]).
pub const STAGE_HEADER_PX: f64 = 44.0;
/// The stage names' font size; a name wider than its stage breaks onto a second line.
pub const STAGE_NAME_PX: f64 = 15.0;
/// Space for a group's name above its nodes.
pub const GROUP_HEADER_PX: f64 = 22.0;
/// Vertical gap between two nodes' cells.
pub const ROW_GAP_PX: f64 = 6.0;

/// Which stage each node is in, and the order of the nodes of each stage's sections.
#[derive(Clone, Debug, PartialEq)]
pub struct ArgumentColumns {
    /// `stage_of[i]`: node `i`'s stage.
    pub stage_of: Vec<usize>,
    /// For each stage, its sections in order: a group's nodes (`Some(group)`) or the stage's
    /// nodes without a group of their own (`None`), each in display order.
    pub sections: Vec<Vec<(Option<usize>, Vec<usize>)>>,
}

/// Assigns nodes to stages and orders them. `group_of[i]` is node `i`'s group index;
/// `stage_groups[s]` lists the groups of stage `s` (a group in no stage is treated like no
/// group). Nodes without a staged group take the stage most of their neighbours are in (ties to
/// the earlier stage; a node with no placed neighbour goes to the first stage).
pub fn argument_columns(
    group_of: &[Option<usize>],
    stage_groups: &[Vec<usize>],
    links: &[(usize, usize)],
) -> ArgumentColumns {
    let n = group_of.len();
    let stage_count = stage_groups.len().max(1);
    let stage_of_group = |g: usize| stage_groups.iter().position(|groups| groups.contains(&g));
    let mut stage: Vec<Option<usize>> = group_of.iter().map(|g| g.and_then(stage_of_group)).collect();
    let fixed: Vec<bool> = stage.iter().map(Option::is_some).collect();
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(s, t) in links {
        if s < n && t < n && s != t {
            neighbours[s].push(t);
            neighbours[t].push(s);
        }
    }
    // A few passes: a node placed by its neighbours may place the next one.
    for _ in 0..6 {
        let mut changed = false;
        for i in (0..n).filter(|&i| !fixed[i]) {
            let mut votes = vec![0usize; stage_count];
            for &nb in &neighbours[i] {
                if let Some(s) = stage[nb] {
                    votes[s.min(stage_count - 1)] += 1;
                }
            }
            let best = (0..stage_count).max_by(|&a, &b| votes[a].cmp(&votes[b]).then(b.cmp(&a)));
            let chosen = best.filter(|&s| votes[s] > 0);
            if chosen.is_some() && chosen != stage[i] {
                stage[i] = chosen;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let stage_of: Vec<usize> = stage.iter().map(|s| s.unwrap_or(0).min(stage_count - 1)).collect();
    // Sections in flow order, numbered globally, for the barycentre ordering.
    let mut section_keys: Vec<(usize, Option<usize>)> = Vec::new();
    for (s, groups) in stage_groups.iter().enumerate() {
        section_keys.extend(groups.iter().map(|&g| (s, Some(g))));
        section_keys.push((s, None));
    }
    if stage_groups.is_empty() {
        section_keys.push((0, None));
    }
    let section_of: Vec<usize> = (0..n)
        .map(|i| {
            let own = group_of[i].filter(|_| fixed[i]);
            section_keys.iter().position(|&(s, g)| s == stage_of[i] && g == own).unwrap_or(0)
        })
        .collect();
    let orders = bipartite_column_orders(&section_of, section_keys.len(), links, 12);
    let mut sections: Vec<Vec<(Option<usize>, Vec<usize>)>> = vec![Vec::new(); stage_count];
    for (k, order) in orders.into_iter().enumerate() {
        if order.is_empty() {
            continue;
        }
        let (s, g) = section_keys[k];
        sections[s].push((g, order));
    }
    ArgumentColumns { stage_of, sections }
}

/// Where the argument layout puts everything, in content pixels (zoom 1).
#[derive(Clone, Debug, PartialEq)]
pub struct ArgumentPlacement {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    pub width: f64,
    pub height: f64,
    /// Each stage's name: the x of its column's left edge and its width.
    pub stages: Vec<(f64, f64)>,
    /// Each group's name: group index and the top-left of the name.
    pub groups: Vec<(usize, f64, f64)>,
}

/// Lays the columns out for a view `view_width` wide and `view_height` tall. `cell_height[i]`
/// is the height node `i`'s cell needs (its shape or label, whichever is taller); `radius[i]`
/// places the node's centre so its label starts after it.
pub fn place_argument(
    columns: &ArgumentColumns,
    cell_height: &[f64],
    radius: &[f64],
    view_width: f64,
    view_height: f64,
) -> ArgumentPlacement {
    let n = columns.stage_of.len();
    let stage_count = columns.sections.len();
    let height_of = |i: usize| cell_height.get(i).copied().filter(|h| h.is_finite()).unwrap_or(20.0) + ROW_GAP_PX;
    // The height each stage needs in one sub-column.
    let needed: Vec<f64> = columns
        .sections
        .iter()
        .map(|sections| {
            sections.iter().map(|(_, nodes)| GROUP_HEADER_PX + nodes.iter().map(|&i| height_of(i)).sum::<f64>()).sum()
        })
        .collect();
    // One sub-column each, then more for the tallest stage while the width allows and it
    // overflows the view.
    let mut sub: Vec<usize> = vec![1; stage_count];
    let usable_height = (view_height - STAGE_HEADER_PX).max(120.0);
    let fits = |sub: &[usize]| sub.iter().sum::<usize>() as f64 * CELL_WIDTH_PX <= view_width;
    loop {
        let tallest =
            (0..stage_count).max_by(|&a, &b| (needed[a] / sub[a] as f64).total_cmp(&(needed[b] / sub[b] as f64)));
        let Some(t) = tallest else { break };
        if needed[t] / sub[t] as f64 <= usable_height {
            break;
        }
        let mut more = sub.clone();
        more[t] += 1;
        if !fits(&more) || sub[t] >= columns.sections[t].iter().map(|(_, nodes)| nodes.len()).sum::<usize>() {
            break;
        }
        sub = more;
    }
    let content_width = sub.iter().sum::<usize>() as f64 * CELL_WIDTH_PX;
    // Spread spare width between the columns.
    let spare = ((view_width - content_width) / stage_count.max(1) as f64).clamp(0.0, CELL_WIDTH_PX * 0.6);
    let mut xs = vec![0.0; n];
    let mut ys = vec![0.0; n];
    let mut stages = Vec::with_capacity(stage_count);
    let mut groups = Vec::new();
    let mut left = 0.0;
    let mut bottom: f64 = 0.0;
    for s in 0..stage_count {
        let width = sub[s] as f64 * CELL_WIDTH_PX + spare;
        stages.push((left, width));
        // Fill the sub-columns top to bottom, breaking between sections where possible.
        let column_height = needed[s] / sub[s] as f64;
        let (mut column, mut y) = (0usize, STAGE_HEADER_PX);
        for (group, nodes) in &columns.sections[s] {
            let section_height = GROUP_HEADER_PX + nodes.iter().map(|&i| height_of(i)).sum::<f64>();
            if y > STAGE_HEADER_PX && y + section_height > STAGE_HEADER_PX + column_height + 1.0 && column + 1 < sub[s]
            {
                column += 1;
                y = STAGE_HEADER_PX;
            }
            let x0 = left + spare / 2.0 + column as f64 * CELL_WIDTH_PX;
            if let Some(g) = group {
                groups.push((*g, x0, y));
            }
            y += GROUP_HEADER_PX;
            for &i in nodes {
                let h = height_of(i);
                if y + h > STAGE_HEADER_PX + column_height + 1.0
                    && column + 1 < sub[s]
                    && y > STAGE_HEADER_PX + GROUP_HEADER_PX
                {
                    column += 1;
                    y = STAGE_HEADER_PX;
                }
                let r = radius.get(i).copied().filter(|r| r.is_finite()).unwrap_or(6.0);
                xs[i] = left + spare / 2.0 + column as f64 * CELL_WIDTH_PX + 4.0 + r;
                ys[i] = y + h / 2.0;
                y += h;
            }
            bottom = bottom.max(y);
        }
        left += width;
    }
    ArgumentPlacement { xs, ys, width: left, height: bottom + ROW_GAP_PX, stages, groups }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_follow_groups_and_ungrouped_nodes_join_their_neighbours() {
        // Groups 0, 1 in stage 0; group 2 in stage 1. Node 4 (no group) links twice into stage 1.
        let group_of = [Some(0), Some(1), Some(2), Some(2), None, None];
        let links = [(4, 2), (4, 3), (0, 4), (5, 4)];
        let columns = argument_columns(&group_of, &[vec![0, 1], vec![2]], &links);
        assert_eq!(columns.stage_of, vec![0, 0, 1, 1, 1, 1]);
        let sections: Vec<Vec<Option<usize>>> =
            columns.sections.iter().map(|s| s.iter().map(|(g, _)| *g).collect()).collect();
        assert_eq!(sections, vec![vec![Some(0), Some(1)], vec![Some(2), None]]);
        // Every node is in exactly one section.
        let mut all: Vec<usize> = columns.sections.iter().flatten().flat_map(|(_, nodes)| nodes.clone()).collect();
        all.sort_unstable();
        assert_eq!(all, (0..6).collect::<Vec<_>>());
    }

    #[test]
    fn a_node_with_no_placed_neighbour_goes_to_the_first_stage() {
        let columns = argument_columns(&[None, Some(0)], &[vec![], vec![0]], &[]);
        assert_eq!(columns.stage_of, vec![0, 1]);
    }

    #[test]
    fn cells_never_overlap_and_tall_stages_get_sub_columns_when_the_width_allows() {
        let group_of: Vec<Option<usize>> = (0..40).map(|i| Some(if i < 30 { 0 } else { 1 })).collect();
        let columns = argument_columns(&group_of, &[vec![0], vec![1]], &[]);
        let heights = vec![30.0; 40];
        let radii = vec![6.0; 40];
        let check_no_overlap = |p: &ArgumentPlacement| {
            for i in 0..40 {
                for j in i + 1..40 {
                    let apart =
                        (p.xs[i] - p.xs[j]).abs() >= CELL_WIDTH_PX - 1e-9 || (p.ys[i] - p.ys[j]).abs() >= 36.0 - 1e-9;
                    assert!(apart, "{i} and {j} overlap at ({}, {}) and ({}, {})", p.xs[i], p.ys[i], p.xs[j], p.ys[j]);
                }
            }
        };
        // Wide view: the 30-node stage splits into sub-columns and fits the height better.
        let wide = place_argument(&columns, &heights, &radii, 1200.0, 500.0);
        check_no_overlap(&wide);
        assert!(wide.height <= 600.0, "height {}", wide.height);
        assert!(wide.width <= 1200.0 + 1e-9);
        // Narrow view: one sub-column each; it scrolls instead of shrinking.
        let narrow = place_argument(&columns, &heights, &radii, 360.0, 500.0);
        check_no_overlap(&narrow);
        assert!(narrow.height > 900.0);
        assert_eq!(narrow.stages.len(), 2);
        // Stage 1 is right of stage 0.
        assert!(narrow.xs[35] > narrow.xs[0]);
    }
}
