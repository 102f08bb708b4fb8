//! One frame of the graph on screen: where every node is drawn, how large, and which labels
//! and group names show where. The painters (SVG, canvas) only write what this decides.
//!
//! Shapes and labels are drawn at screen size: zooming moves nodes apart (or together) but
//! never shrinks a label below [`MIN_LABEL_PX`], so whatever shows can be read. Which labels
//! show is decided by importance and room ([`crate::placement`]): the node in focus always, then
//! what the selection lights, the search's matches, the thesis and principles, then by degree.

use crate::drawing::Emphasis;
use crate::label::{text_width, LABEL_FONT_PX, LABEL_LINE_PX};
use crate::model::Lang;
use crate::placement::{label_rect, place_labels_around, Anchor, LabelRequest, PlacedLabel, Rect};
use crate::scene::Scene;
use crate::transform::ViewTransform;

/// The smallest label font size on screen, in CSS pixels.
pub const MIN_LABEL_PX: f64 = 12.0;
/// Where a group's name may sit: over its cluster, under it, or across its middle.
const GROUP_NAME_ANCHORS: &[Anchor] = &[Anchor::Above, Anchor::Below, Anchor::Centre];

/// The margin labels keep from the view's edges.
pub const VIEW_MARGIN_PX: f64 = 6.0;
/// Font size of a group's name drawn over its cluster.
pub const GROUP_NAME_PX: f64 = 12.0;
/// A label's line height, as a multiple of its font size.
pub const LINE_HEIGHT_EM: f64 = LABEL_LINE_PX / LABEL_FONT_PX;

/// What a frame is made from.
pub struct FrameInput<'a> {
    pub scene: &'a Scene,
    /// Node positions in layout units.
    pub xs: &'a [f64],
    pub ys: &'a [f64],
    pub camera: ViewTransform,
    /// The drawing surface's size, CSS pixels.
    pub width: f64,
    pub height: f64,
    pub visible: &'a [bool],
    /// The highlight ([`crate::drawing::highlight`]) of what is chosen (selected, presented),
    /// one per node; empty means all plain. The pointer's hover is not in it: labels stay where
    /// they are while a pointer moves over them, so the one it is on is still there to click.
    pub emphasis: &'a [Emphasis],
    /// The node under the pointer (or with keyboard focus): its label is shown, over the others
    /// if it had no room, without moving any other label.
    pub hovered: Option<usize>,
    /// Nodes the search matches.
    pub matches: &'a [bool],
    /// Extra label priority by node (empty: none), e.g. the tour step's order
    /// ([`crate::tour::label_boosts`]).
    pub boosts: &'a [f64],
    pub lang: Lang,
    /// The labels' font size on screen (at least [`MIN_LABEL_PX`]).
    pub label_px: f64,
    /// How large shapes are drawn relative to their radius.
    pub shape_scale: f64,
    /// Where node labels may sit (round the node, or to its right in the argument layout).
    pub anchors: &'static [Anchor],
    /// Whether to name each group over its cluster.
    pub group_names: bool,
    /// Parts of the surface something else covers (the toolbar), in screen pixels.
    pub blocked: &'a [Rect],
    /// Whether the frame before placed the group names after the node labels
    /// ([`Frame::names_last`]): the order is kept within a margin of the line, so a map near it
    /// does not switch from frame to frame while it settles or is dragged.
    pub names_last_before: Option<bool>,
    /// Whether dimmed nodes are named too, after every other label and where room is left: an
    /// author drawing links looks for them by name while one node is selected (trial 13 clicked
    /// from memory where faded, unnamed shapes had been), a student reads what they are.
    pub dimmed_named: bool,
}

/// Where everything goes, in screen pixels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Frame {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    pub radii: Vec<f64>,
    /// Each node's label, `None` where it does not show.
    pub labels: Vec<Option<PlacedLabel>>,
    /// Each group's name (`model.groups` order), `None` where it does not show.
    pub group_names: Vec<Option<PlacedLabel>>,
    /// The font size labels are drawn at.
    pub label_px: f64,
    /// Whether group names were placed after the node labels; `None` when none were placed.
    pub names_last: Option<bool>,
}

/// Below every other label's priority: a dimmed node named only in the room the others leave,
/// and below the priority at which a label may move others to find room.
const DIMMED_NAMED: f64 = -100_000.0;
const _: () = assert!(DIMMED_NAMED < crate::placement::MOVES_OTHERS_FROM);

/// How much more a label matters for what the reader is looking at; `None`: no label.
fn boost(emphasis: Emphasis, matched: bool, dimmed_named: bool) -> Option<f64> {
    let base = match emphasis {
        // A dimmed node keeps its label to itself (the reader is looking elsewhere), unless
        // its name is wanted where room is left.
        Emphasis::Dim if dimmed_named => DIMMED_NAMED,
        Emphasis::Dim => return None,
        Emphasis::Chosen => 10_000.0,
        Emphasis::Lit => 400.0,
        Emphasis::Inferred => 200.0,
        Emphasis::Plain => 0.0,
    };
    Some(base + if matched { 600.0 } else { 0.0 })
}

/// The size a group's name takes on screen.
fn group_name_size(name: &str) -> (f64, f64) {
    // Drawn bold and in capitals: wider than the estimate of the plain text.
    // ASCII capitals are enough for a width estimate (CJK has no case), and spare the build
    // Unicode's case tables.
    (text_width(&name.to_ascii_uppercase(), GROUP_NAME_PX) * 1.12 + 4.0, GROUP_NAME_PX * 1.3)
}

/// A label drawn over the others: at its first spot that lies inside the view, else its first.
fn overlay_label(request: &LabelRequest, view: &Rect) -> PlacedLabel {
    let spot = |anchor: Anchor| PlacedLabel { anchor, rect: label_rect(request, anchor) };
    let first = spot(request.anchors.first().copied().unwrap_or(Anchor::Below));
    request.anchors.iter().map(|&a| spot(a)).find(|p| p.rect.inside(view)).unwrap_or(first)
}

/// The share of node labels that must find room, placed before the group names, for the map to
/// be read by its labels; below it (a large map seen whole) the names give the structure.
const READ_BY_LABELS: f64 = 0.8;
/// How far past [`READ_BY_LABELS`] the share must go to change the order the frame before had.
const READ_BY_LABELS_MARGIN: f64 = 0.05;

/// Places the labels of `requests`: node labels (the first `nodes`), then group names. Where a
/// map can be read by its labels (nearly all find room before any name), a group's name takes
/// only the room they leave, for it is also in the legend. Where most labels cannot show anyway
/// (a large map seen whole), the names go before the ordinary labels and give the structure.
/// Returns the labels and whether the names went last (`None`: no names to place).
fn place_nodes_and_group_names(
    requests: &[Option<LabelRequest>],
    nodes: usize,
    shapes: &[Option<Rect>],
    (blocked, view): (&[Rect], &Rect),
    names_last_before: Option<bool>,
) -> (Vec<Option<PlacedLabel>>, Option<bool>) {
    if requests[nodes.min(requests.len())..].iter().all(Option::is_none) {
        return (place_labels_around(requests, shapes, blocked, view), None);
    }
    let names_last: Vec<Option<LabelRequest>> = requests
        .iter()
        .enumerate()
        .map(|(i, r)| r.map(|r| if i < nodes { r } else { LabelRequest { priority: f64::NEG_INFINITY, ..r } }))
        .collect();
    let placed = place_labels_around(&names_last, shapes, blocked, view);
    // Only nodes in the view count: a zoomed-in view leaves the rest without labels anyway.
    let wanted: Vec<usize> =
        (0..nodes).filter(|&i| requests[i].as_ref().is_some_and(|r| view.contains(r.x, r.y))).collect();
    let named = wanted.iter().filter(|&&i| placed[i].is_some()).count();
    let line = match names_last_before {
        Some(true) => READ_BY_LABELS - READ_BY_LABELS_MARGIN,
        Some(false) => READ_BY_LABELS + READ_BY_LABELS_MARGIN,
        None => READ_BY_LABELS,
    };
    if named as f64 >= line * wanted.len() as f64 {
        (placed, Some(true))
    } else {
        (place_labels_around(requests, shapes, blocked, view), Some(false))
    }
}

/// Lays out one frame.
pub fn frame(input: &FrameInput) -> Frame {
    let scene = input.scene;
    let n = scene.model.nodes.len().min(input.xs.len()).min(input.ys.len());
    let label_px = input.label_px.max(MIN_LABEL_PX);
    let scale = label_px / LABEL_FONT_PX;
    let visible = |i: usize| input.visible.get(i).copied().unwrap_or(true);
    let emphasis = |i: usize| input.emphasis.get(i).copied().unwrap_or(Emphasis::Plain);
    let mut xs = vec![0.0; n];
    let mut ys = vec![0.0; n];
    let mut radii = vec![0.0; n];
    for i in 0..n {
        let (x, y) = input.camera.screen_from_world(input.xs[i], input.ys[i]);
        xs[i] = x;
        ys[i] = y;
        radii[i] = scene.radii[i] * input.shape_scale;
    }
    // Labels keep a margin from the edges: their widths are estimates, and a browser's font may
    // run a few pixels wider.
    let view = Rect::new(
        VIEW_MARGIN_PX,
        VIEW_MARGIN_PX,
        input.width - 2.0 * VIEW_MARGIN_PX,
        input.height - 2.0 * VIEW_MARGIN_PX,
    );
    // The labels in focus keep clear of the nodes the reader sees; a dimmed node (out of focus)
    // may be covered by them, so what is in focus gets its labels.
    let dim = |i: usize| emphasis(i) == Emphasis::Dim;
    let shape = |i: usize| Rect::new(xs[i] - radii[i], ys[i] - radii[i], 2.0 * radii[i], 2.0 * radii[i]);
    let shapes: Vec<Option<Rect>> = (0..n).map(|i| (visible(i) && !dim(i)).then(|| shape(i))).collect();
    // Group names give the structure at a glance; with something in focus they step back.
    let focused = input.emphasis.contains(&Emphasis::Dim);
    let group_names = input.group_names && !focused;
    let mut requests: Vec<Option<LabelRequest>> = (0..n)
        .map(|i| {
            if !visible(i) {
                return None;
            }
            let extra = boost(emphasis(i), input.matches.get(i).copied().unwrap_or(false), input.dimmed_named)?;
            let label = scene.label(i, input.lang);
            Some(LabelRequest {
                x: xs[i],
                y: ys[i],
                node_radius: radii[i],
                width: label.width * scale,
                height: label.lines.len() as f64 * label_px * LINE_HEIGHT_EM,
                priority: scene.label_priority[i] + extra + input.boosts.get(i).copied().unwrap_or(0.0),
                forced: emphasis(i) == Emphasis::Chosen,
                anchors: input.anchors,
                avoid_nodes: true,
            })
        })
        .collect();
    // Group names: over the middle of each group's visible nodes, below the labels that matter
    // most (the thesis, the principles, what is in focus); above the rest only where fewer than
    // four in five of those in the view find room ([`place_nodes_and_group_names`]).
    let groups = scene.model.groups.len();
    if group_names {
        for g in 0..groups {
            let members: Vec<usize> = (0..n).filter(|&i| scene.group_of[i] == Some(g) && visible(i)).collect();
            if members.len() < 2 {
                requests.push(None);
                continue;
            }
            let cx = members.iter().map(|&i| xs[i]).sum::<f64>() / members.len() as f64;
            let top = members.iter().map(|&i| ys[i] - radii[i]).fold(f64::INFINITY, f64::min);
            let bottom = members.iter().map(|&i| ys[i] + radii[i]).fold(f64::NEG_INFINITY, f64::max);
            let (width, height) = group_name_size(scene.model.groups[g].label.get(input.lang));
            // Just over the cluster (else under it, else across its middle) where no node is: a
            // name crossed by shapes cannot be read.
            requests.push(Some(LabelRequest {
                x: cx,
                y: (top + bottom) / 2.0,
                node_radius: (bottom - top) / 2.0,
                width,
                height,
                priority: 90.0,
                forced: false,
                anchors: GROUP_NAME_ANCHORS,
                avoid_nodes: true,
            }));
        }
    }
    // The hovered node's request, as it would be made were the node chosen.
    let hover_request = input.hovered.filter(|&h| h < n && visible(h)).map(|h| {
        let label = scene.label(h, input.lang);
        (
            h,
            LabelRequest {
                x: xs[h],
                y: ys[h],
                node_radius: radii[h],
                width: label.width * scale,
                height: label.lines.len() as f64 * label_px * LINE_HEIGHT_EM,
                priority: f64::INFINITY,
                forced: true,
                anchors: input.anchors,
                avoid_nodes: true,
            },
        )
    });
    // The labels in focus first, as if the dimmed nodes were not there (their shapes may be
    // covered); then, where named too, the dimmed nodes' labels in the room left, clear of every
    // shape and label: naming them never moves a label in focus.
    let dimmed_requests: Vec<Option<LabelRequest>> =
        requests.iter().enumerate().map(|(i, r)| r.filter(|_| i < n && dim(i))).collect();
    let focus_requests: Vec<Option<LabelRequest>> =
        requests.iter().enumerate().map(|(i, r)| r.filter(|_| i >= n || !dim(i))).collect();
    let (mut placed, names_last) =
        place_nodes_and_group_names(&focus_requests, n, &shapes, (input.blocked, &view), input.names_last_before);
    if dimmed_requests.iter().any(Option::is_some) {
        let all_shapes: Vec<Option<Rect>> = (0..n).map(|i| visible(i).then(|| shape(i))).collect();
        let taken: Vec<Rect> = input.blocked.iter().copied().chain(placed.iter().flatten().map(|p| p.rect)).collect();
        let dimmed = place_labels_around(&dimmed_requests, &all_shapes, &taken, &view);
        for (slot, label) in placed.iter_mut().zip(dimmed) {
            if slot.is_none() {
                *slot = label;
            }
        }
    }
    if let Some((h, request)) = hover_request {
        if placed[h].is_none() {
            placed[h] = Some(overlay_label(&request, &view));
        }
    }
    let group_names = if group_names { placed.split_off(n) } else { vec![None; groups] };
    Frame { xs, ys, radii, labels: placed, group_names, label_px, names_last }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_names_keep_their_order_near_the_line() {
        use crate::placement::NODE_ANCHORS;
        let view = Rect::new(0.0, 0.0, 400.0, 300.0);
        let label = |x: f64, y: f64, width: f64| LabelRequest {
            x,
            y,
            node_radius: 5.0,
            width,
            height: 14.0,
            priority: 1.0,
            forced: false,
            anchors: NODE_ANCHORS,
            avoid_nodes: true,
        };
        // Ten nodes in the view: eight with room for their labels, two whose labels are wider
        // than the view; and one group's name. Eight in ten is on the line.
        let mut requests: Vec<Option<LabelRequest>> =
            (0..8).map(|k| Some(label(50.0 + 100.0 * (k % 4) as f64, 60.0 + 120.0 * (k / 4) as f64, 60.0))).collect();
        requests.extend([Some(label(200.0, 120.0, 500.0)), Some(label(200.0, 240.0, 500.0))]);
        let name =
            LabelRequest { anchors: crate::placement::CENTRE_ANCHORS, avoid_nodes: false, ..label(200.0, 150.0, 90.0) };
        requests.push(Some(name));
        let shapes: Vec<Option<Rect>> = requests[..10]
            .iter()
            .map(|r| r.map(|r| Rect::new(r.x - 5.0, r.y - 5.0, 10.0, 10.0)))
            .chain([None])
            .collect();
        for (before, expect) in [(None, Some(true)), (Some(true), Some(true)), (Some(false), Some(false))] {
            let (_, names_last) = place_nodes_and_group_names(&requests, 10, &shapes, (&[], &view), before);
            assert_eq!(names_last, expect, "the frame before: {before:?}");
        }
        // No name to place: no order.
        let (_, names_last) = place_nodes_and_group_names(&requests[..10], 10, &shapes[..10], (&[], &view), None);
        assert_eq!(names_last, None);
    }

    #[test]
    fn dimmed_nodes_are_named_last_or_not_at_all_and_the_chosen_one_always_is() {
        assert_eq!(boost(Emphasis::Dim, true, false), None);
        assert!(boost(Emphasis::Chosen, false, false) > boost(Emphasis::Lit, true, false));
        assert!(boost(Emphasis::Lit, false, false) > boost(Emphasis::Inferred, false, false));
        assert!(boost(Emphasis::Plain, true, false) > boost(Emphasis::Lit, false, false));
        // Named too, a dimmed node comes after every other, a search's match included.
        assert!(boost(Emphasis::Dim, true, true) < boost(Emphasis::Plain, false, true));
        assert!(boost(Emphasis::Dim, true, true) > boost(Emphasis::Dim, false, true));
    }
}
