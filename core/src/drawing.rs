//! The drawing model of the graph, shared by its painters (SVG, canvas) and the SVG export:
//! node shapes, where a link's line runs, what a pointer or an arrow key lands on, and which
//! nodes and links stand out for the current selection.
//!
//! Everything here is a pure function of positions and the scene, so the rules the views follow
//! are tested natively and written once.

use crate::model::NodeKind;
use crate::number::Fixed;
use crate::scene::Scene;

/// Room kept between a link's end and its target's rim, so the arrowhead shows.
pub const ARROW_ROOM_PX: f64 = 3.0;

/// An SVG path for a node's shape, centred on the origin, with `r` the radius of the circle of
/// the same visual weight. Each kind has its own shape so that colour is never the only channel.
pub fn shape_path(kind: NodeKind, r: f64) -> String {
    match shape_polygon(kind) {
        None => format!(
            "M{:.2},0A{r:.2},{r:.2} 0 1,0 {:.2},0A{r:.2},{r:.2} 0 1,0 {:.2},0Z",
            Fixed(-r),
            Fixed(r),
            Fixed(-r),
            r = Fixed(r)
        ),
        Some(points) => {
            let mut d = String::new();
            for (i, (x, y)) in points.iter().enumerate() {
                d.push_str(&format!("{}{:.2},{:.2}", if i == 0 { 'M' } else { 'L' }, Fixed(x * r), Fixed(y * r)));
            }
            d.push('Z');
            d
        }
    }
}

/// The corners of a node's shape for a unit radius, or `None` for the circle (responses).
/// [`shape_path`] draws the same shapes as SVG paths; the canvas renderer draws these.
pub fn shape_polygon(kind: NodeKind) -> Option<Vec<(f64, f64)>> {
    let regular = |n: usize, start: f64, scale: f64| -> Vec<(f64, f64)> {
        (0..n)
            .map(|k| {
                let a = start + k as f64 * std::f64::consts::TAU / n as f64;
                // libm (already used by the layout): no second copy of std's trigonometry.
                (scale * libm::cos(a), scale * libm::sin(a))
            })
            .collect()
    };
    use std::f64::consts::FRAC_PI_2;
    match kind {
        NodeKind::Threat => Some(regular(3, -FRAC_PI_2, 1.35)),
        NodeKind::Response => None,
        NodeKind::Actor => Some(vec![(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)]),
        NodeKind::Document => Some(vec![(-0.75, -1.0), (0.45, -1.0), (0.75, -0.7), (0.75, 1.0), (-0.75, 1.0)]),
        NodeKind::Event => Some(regular(4, -FRAC_PI_2, 1.2)),
        NodeKind::Concept => Some(regular(6, 0.0, 1.05)),
        NodeKind::Claim => Some(regular(3, FRAC_PI_2, 1.35)),
        NodeKind::Person => Some(regular(5, -FRAC_PI_2, 1.1)),
    }
}

/// The visible segment of a link from `(x1, y1)` to `(x2, y2)`: from the source's rim (radius
/// `r1`) to [`ARROW_ROOM_PX`] outside the target's rim (radius `r2`), so the arrowhead shows; the
/// centre line when the two shapes touch (no room for an arrowhead then).
pub fn link_segment(x1: f64, y1: f64, x2: f64, y2: f64, r1: f64, r2: f64) -> (f64, f64, f64, f64) {
    let (dx, dy) = (x2 - x1, y2 - y1);
    let len = (dx * dx + dy * dy).sqrt();
    let r2 = r2 + ARROW_ROOM_PX;
    if !len.is_finite() || len <= r1 + r2 {
        return (x1, y1, x2, y2);
    }
    let (ux, uy) = (dx / len, dy / len);
    (x1 + ux * r1, y1 + uy * r1, x2 - ux * r2, y2 - uy * r2)
}

/// The visible node under the point `(x, y)`: the nearest whose centre lies within its radius
/// plus `slop`. Coordinates and radii in one space (screen pixels in the app). Ties go to the
/// later node, which is drawn on top.
pub fn node_at(xs: &[f64], ys: &[f64], radii: &[f64], visible: &[bool], x: f64, y: f64, slop: f64) -> Option<usize> {
    let mut best: Option<(f64, usize)> = None;
    for i in 0..xs.len().min(ys.len()).min(radii.len()).min(visible.len()) {
        if !visible[i] {
            continue;
        }
        let d = ((xs[i] - x).powi(2) + (ys[i] - y).powi(2)).sqrt();
        if d <= radii[i] + slop && best.is_none_or(|(bd, _)| d <= bd) {
            best = Some((d, i));
        }
    }
    best.map(|(_, i)| i)
}

/// The link under the point `(x, y)`: the one whose drawn segment (its ends at the two shapes'
/// rims, as [`link_segment`] draws it) passes nearest, within `slop`, among links whose two ends
/// are visible. Ties go to the later link, drawn on top.
pub fn link_at(
    link_ends: &[(usize, usize)],
    (xs, ys, radii): (&[f64], &[f64], &[f64]),
    visible: &[bool],
    (x, y): (f64, f64),
    slop: f64,
) -> Option<usize> {
    let shown = |i: usize| i < xs.len() && i < ys.len() && i < radii.len() && visible.get(i).copied().unwrap_or(false);
    let mut best: Option<(f64, usize)> = None;
    for (k, &(s, t)) in link_ends.iter().enumerate() {
        if !shown(s) || !shown(t) {
            continue;
        }
        let (x1, y1, x2, y2) = link_segment(xs[s], ys[s], xs[t], ys[t], radii[s], radii[t]);
        let d = distance_to_segment((x, y), (x1, y1), (x2, y2));
        if d <= slop && best.is_none_or(|(bd, _)| d <= bd) {
            best = Some((d, k));
        }
    }
    best.map(|(_, k)| k)
}

/// The distance from point `p` to the segment from `a` to `b`.
fn distance_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length_squared = dx * dx + dy * dy;
    let along = if length_squared > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length_squared).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (cx, cy) = (a.0 + along * dx, a.1 + along * dy);
    ((p.0 - cx).powi(2) + (p.1 - cy).powi(2)).sqrt()
}

/// The node an arrow key moves to from `from`, towards `(dx, dy)`: the closest neighbour within
/// about 70° of that direction (distance weighted by how far off the direction it lies), else
/// the closest visible node that way. `None` when nothing lies that way.
pub fn node_in_direction(
    xs: &[f64],
    ys: &[f64],
    neighbours: &[usize],
    visible: &[bool],
    from: usize,
    dx: f64,
    dy: f64,
) -> Option<usize> {
    let n = xs.len().min(ys.len()).min(visible.len());
    if from >= n {
        return None;
    }
    let score = |j: usize| -> Option<f64> {
        if j >= n || j == from || !visible[j] {
            return None;
        }
        let (vx, vy) = (xs[j] - xs[from], ys[j] - ys[from]);
        let dist = (vx * vx + vy * vy).sqrt();
        if dist < 1e-9 {
            return None;
        }
        let cos = (vx * dx + vy * dy) / dist / (dx * dx + dy * dy).sqrt().max(1e-12);
        (cos > 0.3).then_some(dist * (2.0 - cos))
    };
    let best = |candidates: &mut dyn Iterator<Item = usize>| -> Option<usize> {
        candidates.filter_map(|j| score(j).map(|s| (s, j))).min_by(|a, b| a.0.total_cmp(&b.0)).map(|(_, j)| j)
    };
    best(&mut neighbours.iter().copied()).or_else(|| best(&mut (0..n)))
}

/// How a node or link is drawn for the current focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emphasis {
    /// Nothing is in focus: everything is drawn alike.
    Plain,
    /// In focus: the selected, hovered or presented node.
    Chosen,
    /// Stated by the article around what is in focus: a neighbour (a link the data set states
    /// or reads), a node of the selected event or group, a node of the tour step.
    Lit,
    /// Reached only by a chain the app infers through intermediate nodes (a response that
    /// addresses what drives a threat): drawn apart, and never presented as the author's claim.
    Inferred,
    /// Out of focus.
    Dim,
}

impl Emphasis {
    /// The CSS class of this emphasis (`None` for [`Emphasis::Plain`]).
    pub fn class(self) -> Option<&'static str> {
        match self {
            Emphasis::Plain => None,
            Emphasis::Chosen => Some("chosen"),
            Emphasis::Lit => Some("lit"),
            Emphasis::Inferred => Some("inferred"),
            Emphasis::Dim => Some("dim"),
        }
    }
}

/// What is in focus, by node index.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Focus {
    /// The node under the pointer or with keyboard focus: its neighbourhood, for the moment.
    pub hovered: Option<usize>,
    /// The tour step's revealed nodes, while presenting.
    pub tour: Option<Vec<usize>>,
    /// The selected node.
    pub node: Option<usize>,
    /// The nodes of the selected event or group.
    pub set: Option<Vec<usize>>,
}

/// The emphasis of every node and every link (`scene.model.links` order) for `focus`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Highlight {
    pub nodes: Vec<Emphasis>,
    pub links: Vec<Emphasis>,
}

/// Which nodes and links stand out. In order: a hovered node shows its neighbourhood; while
/// presenting, the step's nodes (and a node picked by hand); a selected node shows its stated
/// neighbours lit, and the ends and middles of the chains the app infers through it apart; a
/// selected event or group lights its nodes. A link is lit when both its ends are lit or chosen,
/// drawn as inferred when it lies on an inferred chain, dim otherwise.
pub fn highlight(scene: &Scene, focus: &Focus) -> Highlight {
    let n = scene.model.nodes.len();
    let mut nodes = vec![Emphasis::Plain; n];
    let mut inferred_links: Vec<(usize, usize)> = Vec::new();
    let mut any = false;
    let light = |nodes: &mut Vec<Emphasis>, i: usize, e: Emphasis| {
        if let Some(slot) = nodes.get_mut(i) {
            *slot = e;
        }
    };
    if let Some(h) = focus.hovered.filter(|&h| h < n && focus.tour.is_none()) {
        any = true;
        nodes.iter_mut().for_each(|e| *e = Emphasis::Dim);
        for &nb in &scene.neighbours[h] {
            light(&mut nodes, nb, Emphasis::Lit);
        }
        light(&mut nodes, h, Emphasis::Chosen);
    } else if let Some(tour) = &focus.tour {
        any = true;
        nodes.iter_mut().for_each(|e| *e = Emphasis::Dim);
        for &i in tour {
            light(&mut nodes, i, Emphasis::Lit);
        }
        if let Some(i) = focus.node.or(focus.hovered) {
            light(&mut nodes, i, Emphasis::Chosen);
        }
    } else if let Some(i) = focus.node.filter(|&i| i < n) {
        any = true;
        nodes.iter_mut().for_each(|e| *e = Emphasis::Dim);
        for path in scene.counter_paths.iter().filter(|p| p.path.len() > 2 && (p.threat == i || p.response == i)) {
            for &k in &path.path {
                light(&mut nodes, k, Emphasis::Inferred);
            }
            inferred_links.extend(path.path.windows(2).map(|w| (w[0], w[1])));
        }
        for &nb in &scene.neighbours[i] {
            light(&mut nodes, nb, Emphasis::Lit);
        }
        light(&mut nodes, i, Emphasis::Chosen);
    } else if let Some(set) = &focus.set {
        any = true;
        nodes.iter_mut().for_each(|e| *e = Emphasis::Dim);
        for &i in set {
            light(&mut nodes, i, Emphasis::Lit);
        }
    }
    let links = scene
        .link_ends
        .iter()
        .map(|&(s, t)| {
            if !any {
                return Emphasis::Plain;
            }
            let strong = |e: Emphasis| matches!(e, Emphasis::Lit | Emphasis::Chosen);
            let on_chain = inferred_links.iter().any(|&(a, b)| (a, b) == (s, t) || (a, b) == (t, s));
            let (es, et) = (nodes[s], nodes[t]);
            let touches_choice = es == Emphasis::Chosen || et == Emphasis::Chosen;
            if strong(es) && strong(et) && (touches_choice || focus.node.is_none()) {
                Emphasis::Lit
            } else if on_chain {
                Emphasis::Inferred
            } else {
                Emphasis::Dim
            }
        })
        .collect();
    Highlight { nodes, links }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_runs_from_rim_to_just_outside_the_target_rim() {
        let check = |from: (f64, f64), to: (f64, f64), r1: f64, r2: f64, expect: (f64, f64, f64, f64)| {
            let got = link_segment(from.0, from.1, to.0, to.1, r1, r2);
            let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
            assert!(
                close(got.0, expect.0) && close(got.1, expect.1) && close(got.2, expect.2) && close(got.3, expect.3),
                "{got:?}"
            );
        };
        check((0.0, 0.0), (100.0, 0.0), 10.0, 5.0, (10.0, 0.0, 92.0, 0.0));
        check((0.0, 0.0), (0.0, -50.0), 4.0, 4.0, (0.0, -4.0, 0.0, -43.0));
        check((0.0, 0.0), (30.0, 40.0), 5.0, 7.0, (3.0, 4.0, 24.0, 32.0));
        // Touching shapes: the centre line.
        check((0.0, 0.0), (10.0, 0.0), 5.0, 5.0, (0.0, 0.0, 10.0, 0.0));
        let broken = link_segment(0.0, 0.0, f64::NAN, 0.0, 5.0, 5.0);
        assert!(broken.0 == 0.0 && broken.2.is_nan(), "{broken:?}");
    }

    #[test]
    fn a_pointer_lands_on_the_nearest_visible_link_within_the_slop() {
        // Three nodes on a row and one above the middle: links 0→1, 1→2 and 3→1.
        let (xs, ys, radii) = ([0.0, 100.0, 200.0, 100.0], [0.0, 0.0, 0.0, -100.0], [10.0, 10.0, 10.0, 10.0]);
        let ends = [(0, 1), (1, 2), (3, 1)];
        let all = [true; 4];
        let check = |at: (f64, f64), visible: &[bool], expect: Option<usize>| {
            assert_eq!(link_at(&ends, (&xs, &ys, &radii), visible, at, 5.0), expect, "at {at:?}");
        };
        check((50.0, 3.0), &all, Some(0));
        check((50.0, 6.0), &all, None); // beyond the slop
        check((150.0, -4.0), &all, Some(1));
        check((102.0, -50.0), &all, Some(2));
        check((3.0, 0.0), &all, None); // inside node 0's rim, where the line is not drawn
        check((196.0, 0.0), &all, None); // inside node 2, past the arrow's room
        check((150.0, 0.0), &[true, true, false, true], None); // its target is hidden
        check((150.0, 0.0), &[true; 2], None); // a link to a node the visibility does not cover
    }

    #[test]
    fn a_pointer_lands_on_the_nearest_visible_node_within_its_rim() {
        let (xs, ys, radii) = ([0.0, 20.0, 100.0], [0.0, 0.0, 0.0], [10.0, 10.0, 5.0]);
        let all = [true, true, true];
        let check = |x: f64, visible: &[bool], slop: f64, expect: Option<usize>| {
            assert_eq!(node_at(&xs, &ys, &radii, visible, x, 0.0, slop), expect, "x {x}");
        };
        check(2.0, &all, 0.0, Some(0));
        check(12.0, &all, 0.0, Some(1));
        check(10.0, &all, 0.0, Some(1)); // equidistant: the one drawn on top
        check(106.0, &all, 0.0, None);
        check(106.0, &all, 2.0, Some(2));
        check(10.0, &[true, false, true], 0.0, Some(0)); // the one on top is hidden
        check(50.0, &all, 0.0, None);
    }

    #[test]
    fn arrow_keys_prefer_neighbours_that_way_then_any_node_that_way() {
        //        2
        //  3  ―  0  ―  1        4 (not a neighbour, far right)
        let xs = [0.0, 50.0, 0.0, -50.0, 200.0];
        let ys = [0.0, 0.0, -50.0, 0.0, 5.0];
        let neighbours = [1, 2, 3];
        let all = [true; 5];
        let check = |dx: f64, dy: f64, visible: &[bool], expect: Option<usize>| {
            assert_eq!(node_in_direction(&xs, &ys, &neighbours, visible, 0, dx, dy), expect, "({dx}, {dy})");
        };
        check(1.0, 0.0, &all, Some(1));
        check(-1.0, 0.0, &all, Some(3));
        check(0.0, -1.0, &all, Some(2));
        check(0.0, 1.0, &all, None);
        // The neighbour that way is hidden: the nearest visible node that way.
        check(1.0, 0.0, &[true, false, true, true, true], Some(4));
        assert_eq!(node_in_direction(&xs, &ys, &neighbours, &all, 9, 1.0, 0.0), None);
    }
}
