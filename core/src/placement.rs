//! Which labels the graph shows, and where: decided in screen space, so a label is always drawn
//! at a readable size and never over another label or another node.
//!
//! Labels are placed greedily, most important first. Each tries a few spots around its node
//! (below, right, above, left) and takes the first that lies inside the view and overlaps no
//! label placed before it and no other node's shape; a label that finds no spot is not shown
//! (zooming in makes room, so more appear). A forced label (the selected, hovered or focused
//! node) always shows: below its node if no spot is free. A uniform grid over the view finds
//! the rectangles near a candidate, so placing n labels costs about O(n).

/// An axis-aligned rectangle in screen pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect { x, y, width, height }
    }

    /// The rectangle grown by `dx` on the left and right and `dy` above and below.
    pub fn grown(&self, dx: f64, dy: f64) -> Rect {
        Rect::new(self.x - dx, self.y - dy, self.width + 2.0 * dx, self.height + 2.0 * dy)
    }
    pub fn right(&self) -> f64 {
        self.x + self.width
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }
    /// Whether the two rectangles share any area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right() && other.x < self.right() && self.y < other.bottom() && other.y < self.bottom()
    }
    /// Whether the point lies in the rectangle (its edges count).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.right() && y >= self.y && y <= self.bottom()
    }
    /// Whether `self` lies entirely inside `outer`.
    pub fn inside(&self, outer: &Rect) -> bool {
        self.x >= outer.x && self.y >= outer.y && self.right() <= outer.right() && self.bottom() <= outer.bottom()
    }
}

/// Where a label sits relative to its node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Centred under the node.
    Below,
    /// Left-aligned right of the node, vertically centred.
    Right,
    /// Centred over the node.
    Above,
    /// Right-aligned left of the node, vertically centred.
    Left,
    /// Centred on the point itself (a group's name over its cluster).
    Centre,
    /// Off the node's corners, where the four sides are taken: left-aligned to the right of the
    /// node, above or below it; right-aligned to its left.
    AboveRight,
    BelowRight,
    AboveLeft,
    BelowLeft,
}

/// How a label's lines line up at its anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// Right of the node the text starts at the node; left of it, it ends there.
    pub fn align(self) -> Align {
        match self {
            Anchor::Right | Anchor::AboveRight | Anchor::BelowRight => Align::Start,
            Anchor::Left | Anchor::AboveLeft | Anchor::BelowLeft => Align::End,
            Anchor::Below | Anchor::Above | Anchor::Centre => Align::Middle,
        }
    }
}

/// One label that wants a place: its node's centre and radius on screen, the label's size on
/// screen, how important it is, and how it may be placed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelRequest {
    pub x: f64,
    pub y: f64,
    pub node_radius: f64,
    pub width: f64,
    pub height: f64,
    /// Higher is placed first.
    pub priority: f64,
    /// Shown even where it overlaps (the node the reader is looking at).
    pub forced: bool,
    /// The spots to try, in order.
    pub anchors: &'static [Anchor],
    /// Whether the label must keep clear of other nodes' shapes (node labels); a group's name,
    /// drawn faintly under the nodes, need only keep clear of labels.
    pub avoid_nodes: bool,
}

/// The spots a node label tries.
pub const NODE_ANCHORS: &[Anchor] = &[
    Anchor::Below,
    Anchor::Right,
    Anchor::Above,
    Anchor::Left,
    Anchor::BelowRight,
    Anchor::AboveRight,
    Anchor::BelowLeft,
    Anchor::AboveLeft,
];
/// The spots a label tries in the argument layout, where a node's label reads to its right.
pub const RIGHT_ANCHORS: &[Anchor] = &[Anchor::Right];
/// A group's name over the middle of its cluster.
pub const CENTRE_ANCHORS: &[Anchor] = &[Anchor::Centre];

/// The gap between a node's rim and its label, in screen pixels.
pub const LABEL_GAP_PX: f64 = 3.0;
/// The least room between two labels, across and down: side by side, about a space, so two
/// names never read as one ("NATO" beside "UN uses AI" is not "NATOUN uses AI"); one above the
/// other, enough for engines that draw a line a little taller than measured.
pub const LABEL_SPACING_PX: (f64, f64) = (6.0, 3.0);

/// The room a label would rather keep from other nodes' shapes, in screen pixels; closer, it
/// could be read as theirs.
pub const NODE_CLEARANCE_PX: f64 = 4.0;

/// Where a placed label's box is (its top-left corner and size, screen pixels) and which spot
/// it took.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedLabel {
    pub anchor: Anchor,
    pub rect: Rect,
}

/// The box a label takes at `anchor` around its node.
pub fn label_rect(request: &LabelRequest, anchor: Anchor) -> Rect {
    let LabelRequest { x, y, node_radius: r, width: w, height: h, .. } = *request;
    let gap = LABEL_GAP_PX;
    match anchor {
        Anchor::Below => Rect::new(x - w / 2.0, y + r + gap, w, h),
        Anchor::Above => Rect::new(x - w / 2.0, y - r - gap - h, w, h),
        Anchor::Right => Rect::new(x + r + gap, y - h / 2.0, w, h),
        Anchor::Left => Rect::new(x - r - gap - w, y - h / 2.0, w, h),
        Anchor::Centre => Rect::new(x - w / 2.0, y - h / 2.0, w, h),
        // At the corners the text starts where the circle's diagonal meets it.
        Anchor::AboveRight => Rect::new(x + r * 0.7 + gap, y - r * 0.7 - h, w, h),
        Anchor::BelowRight => Rect::new(x + r * 0.7 + gap, y + r * 0.7, w, h),
        Anchor::AboveLeft => Rect::new(x - r * 0.7 - gap - w, y - r * 0.7 - h, w, h),
        Anchor::BelowLeft => Rect::new(x - r * 0.7 - gap - w, y + r * 0.7, w, h),
    }
}

/// A uniform grid of cells over the view, each listing the rectangles that touch it.
struct Grid {
    origin_x: f64,
    origin_y: f64,
    cell: f64,
    columns: usize,
    rows: usize,
    cells: Vec<Vec<usize>>,
    rects: Vec<Rect>,
}

impl Grid {
    fn new(view: &Rect, cell: f64) -> Grid {
        // At most 512 cells a side: a huge view gets larger cells, never an unbounded grid.
        let cell = cell.max(view.width / 512.0).max(view.height / 512.0);
        let columns = ((view.width / cell).ceil().max(1.0) as usize).min(512);
        let rows = ((view.height / cell).ceil().max(1.0) as usize).min(512);
        Grid {
            origin_x: view.x,
            origin_y: view.y,
            cell,
            columns,
            rows,
            cells: vec![Vec::new(); columns * rows],
            rects: Vec::new(),
        }
    }

    /// The cells `rect` touches, clamped to the grid.
    fn span(&self, rect: &Rect) -> (usize, usize, usize, usize) {
        let col = |x: f64| (((x - self.origin_x) / self.cell).floor().max(0.0) as usize).min(self.columns - 1);
        let row = |y: f64| (((y - self.origin_y) / self.cell).floor().max(0.0) as usize).min(self.rows - 1);
        (col(rect.x), row(rect.y), col(rect.right()), row(rect.bottom()))
    }

    fn insert(&mut self, rect: Rect) {
        let index = self.rects.len();
        self.rects.push(rect);
        let (c0, r0, c1, r1) = self.span(&rect);
        for r in r0..=r1 {
            for c in c0..=c1 {
                self.cells[r * self.columns + c].push(index);
            }
        }
    }

    /// Whether `rect` overlaps any rectangle in the grid other than `except`.
    fn hits(&self, rect: &Rect, except: Option<usize>) -> bool {
        let (c0, r0, c1, r1) = self.span(rect);
        for r in r0..=r1 {
            for c in c0..=c1 {
                for &k in &self.cells[r * self.columns + c] {
                    if Some(k) != except && self.rects[k].overlaps(rect) {
                        return true;
                    }
                }
            }
        }
        false
    }
}

/// Places the labels of `requests` (one per node, `None` for a node without a label to place)
/// inside `view`. `shapes[i]` is node `i`'s shape on screen, `None` when hidden; a label keeps
/// clear of every shape but its own node's. Returns one placement per request, `None` for a
/// label not shown.
///
/// Order: forced labels first, then by `priority` (higher first), ties by index, so the same
/// input always gives the same picture.
///
/// ```
/// use atlas_core::placement::{place_labels, LabelRequest, Rect, NODE_ANCHORS};
/// let label = |x: f64, priority: f64| Some(LabelRequest {
///     x, y: 50.0, node_radius: 5.0, width: 60.0, height: 14.0, priority,
///     forced: false, anchors: NODE_ANCHORS, avoid_nodes: true,
/// });
/// // Two nodes 10 px apart: the second label finds another spot (or none), never the same one.
/// let placed = place_labels(&[label(50.0, 2.0), label(60.0, 1.0)], &[None, None], &Rect::new(0.0, 0.0, 200.0, 100.0));
/// let first = placed[0].unwrap();
/// assert!(placed[1].map_or(true, |second| !second.rect.overlaps(&first.rect)));
/// ```
pub fn place_labels(
    requests: &[Option<LabelRequest>],
    shapes: &[Option<Rect>],
    view: &Rect,
) -> Vec<Option<PlacedLabel>> {
    place_labels_around(requests, shapes, &[], view)
}

/// [`place_labels`] keeping clear of `blocked` too: parts of the view something else covers
/// (the graph's toolbar floats over its top left).
pub fn place_labels_around(
    requests: &[Option<LabelRequest>],
    shapes: &[Option<Rect>],
    blocked: &[Rect],
    view: &Rect,
) -> Vec<Option<PlacedLabel>> {
    let mut placed = vec![None; requests.len()];
    if !(view.width > 0.0 && view.height > 0.0) {
        return placed;
    }
    let mut order: Vec<usize> = (0..requests.len()).filter(|&i| requests[i].is_some()).collect();
    crate::order::sort_indices_by(&mut order, &mut |a, b| {
        let (ra, rb) = (requests[a].as_ref(), requests[b].as_ref());
        let key = |r: Option<&LabelRequest>| r.map_or((false, f64::NEG_INFINITY), |r| (r.forced, r.priority));
        let (ka, kb) = (key(ra), key(rb));
        kb.0.cmp(&ka.0).then(kb.1.total_cmp(&ka.1)).then(a.cmp(&b))
    });
    let cell = 48.0;
    let mut labels = Grid::new(view, cell);
    for rect in blocked {
        labels.insert(*rect);
    }
    let mut nodes = Grid::new(view, cell);
    // Which grid entry is each node's own shape (a label may touch its own node).
    let mut shape_entry = vec![None; shapes.len()];
    for (i, shape) in shapes.iter().enumerate() {
        if let Some(rect) = shape {
            shape_entry[i] = Some(nodes.rects.len());
            nodes.insert(*rect);
        }
    }
    for i in order {
        let Some(request) = &requests[i] else { continue };
        if !(request.width.is_finite() && request.height.is_finite() && request.x.is_finite() && request.y.is_finite())
        {
            continue;
        }
        let own = shape_entry.get(i).copied().flatten();
        // Labels keep a small gap between them: they are measured in one font and drawn in
        // whatever the engine picks, a pixel or two wider and taller.
        let free = |rect: &Rect| {
            rect.inside(view)
                && !labels.hits(&rect.grown(LABEL_SPACING_PX.0, LABEL_SPACING_PX.1), None)
                && !(request.avoid_nodes && nodes.hits(rect, own))
        };
        // A label touching another node's shape reads as that node's: a spot with room around
        // it is taken first, one only free of overlaps after (trial 12: in its published map a
        // label between two nodes was read as the other's).
        let clear =
            |rect: &Rect| !request.avoid_nodes || !nodes.hits(&rect.grown(NODE_CLEARANCE_PX, NODE_CLEARANCE_PX), own);
        let mut first_free = None;
        let mut spot = None;
        for (anchor, rect) in request.anchors.iter().map(|&anchor| (anchor, label_rect(request, anchor))) {
            if !free(&rect) {
                continue;
            }
            if clear(&rect) {
                spot = Some((anchor, rect));
                break;
            }
            first_free.get_or_insert((anchor, rect));
        }
        let spot = spot.or(first_free);
        let spot = match (spot, request.forced) {
            (Some(spot), _) => Some(spot),
            (None, true) => request.anchors.first().map(|&anchor| (anchor, label_rect(request, anchor))),
            (None, false) => None,
        };
        if let Some((anchor, rect)) = spot {
            labels.insert(rect);
            placed[i] = Some(PlacedLabel { anchor, rect });
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(x: f64, y: f64, priority: f64) -> LabelRequest {
        LabelRequest {
            x,
            y,
            node_radius: 8.0,
            width: 80.0,
            height: 16.0,
            priority,
            forced: false,
            anchors: NODE_ANCHORS,
            avoid_nodes: true,
        }
    }

    fn shape(r: &LabelRequest) -> Option<Rect> {
        Some(Rect::new(r.x - r.node_radius, r.y - r.node_radius, 2.0 * r.node_radius, 2.0 * r.node_radius))
    }

    fn check(requests: &[LabelRequest], view: Rect, expect: &[Option<Anchor>]) {
        let shapes: Vec<Option<Rect>> = requests.iter().map(shape).collect();
        let wrapped: Vec<Option<LabelRequest>> = requests.iter().copied().map(Some).collect();
        let placed = place_labels(&wrapped, &shapes, &view);
        let anchors: Vec<Option<Anchor>> = placed.iter().map(|p| p.map(|p| p.anchor)).collect();
        assert_eq!(anchors, expect);
        // Whatever is placed lies in the view and overlaps no other label or foreign shape.
        for (i, p) in placed.iter().enumerate() {
            let Some(p) = p else { continue };
            if !requests[i].forced {
                assert!(p.rect.inside(&view), "{i} outside");
                for (j, s) in shapes.iter().enumerate() {
                    assert!(j == i || !s.is_some_and(|s| s.overlaps(&p.rect)), "{i} covers node {j}");
                }
            }
            for (j, q) in placed.iter().enumerate() {
                assert!(j == i || !q.is_some_and(|q| q.rect.overlaps(&p.rect)), "{i} and {j} overlap");
            }
        }
    }

    const VIEW: Rect = Rect { x: 0.0, y: 0.0, width: 400.0, height: 300.0 };

    #[test]
    fn far_apart_labels_all_go_below() {
        check(&[request(100.0, 100.0, 1.0), request(300.0, 100.0, 1.0)], VIEW, &[Some(Anchor::Below); 2]);
    }

    #[test]
    fn a_crowded_label_moves_round_its_node_then_gives_way() {
        // b sits just under a: a (higher priority) keeps "below"? No: below would cover b's
        // shape, and right would end 2 px above it, so a goes above; b then takes below.
        let a = request(100.0, 100.0, 2.0);
        let b = request(100.0, 118.0, 1.0);
        check(&[a, b], VIEW, &[Some(Anchor::Above), Some(Anchor::Below)]);
        // Five nodes on one spot: one label per free spot around them, the rest wait for zoom.
        let crowd: Vec<LabelRequest> = (0..5).map(|k| request(200.0, 150.0, 5.0 - k as f64)).collect();
        check(&crowd, VIEW, &[Some(Anchor::Below), Some(Anchor::Right), Some(Anchor::Above), Some(Anchor::Left), None]);
    }

    #[test]
    fn a_label_keeps_room_from_other_nodes_where_it_can() {
        // Below a, the label would end 2 px from b's shape, as if it were b's: a goes right,
        // where it keeps 4 px from b. b's own label goes below as usual.
        let a = request(100.0, 100.0, 2.0);
        let b = request(150.0, 120.0, 1.0);
        check(&[a, b], VIEW, &[Some(Anchor::Right), Some(Anchor::Below)]);
        // With no spot of a's left that keeps that room (right ends 2 px from a node at x 201,
        // above and left cover nodes), it takes the first free one all the same: below.
        let crowd = [a, b, request(100.0, 76.0, 0.5), request(40.0, 100.0, 0.4), request(201.0, 100.0, 0.3)];
        let shapes: Vec<Option<Rect>> = crowd.iter().map(shape).collect();
        let placed = place_labels(&[Some(crowd[0]), None, None, None, None], &shapes, &VIEW);
        assert_eq!(placed[0].map(|p| p.anchor), Some(Anchor::Below));
    }

    #[test]
    fn priority_decides_who_gets_the_spot_not_the_order_given() {
        let low = request(200.0, 150.0, 1.0);
        let high = request(200.0, 150.0, 9.0);
        check(&[low, high], VIEW, &[Some(Anchor::Right), Some(Anchor::Below)]);
    }

    #[test]
    fn labels_keep_clear_of_what_covers_the_view() {
        // A toolbar over the spot below the node: the label goes right instead.
        let r = request(100.0, 100.0, 1.0);
        let toolbar = Rect::new(40.0, 112.0, 120.0, 30.0);
        let placed = place_labels_around(&[Some(r)], &[shape(&r)], &[toolbar], &VIEW);
        assert_eq!(placed[0].map(|p| p.anchor), Some(Anchor::Right));
    }

    #[test]
    fn labels_stay_inside_the_view() {
        // At the bottom edge "below" does not fit; at the right edge "right" does not either.
        check(&[request(100.0, 295.0, 1.0)], VIEW, &[Some(Anchor::Above)]);
        check(&[request(380.0, 150.0, 1.0)], VIEW, &[Some(Anchor::Left)]);
        // In the bottom-right corner only the spot up and to the left fits.
        check(&[request(396.0, 295.0, 1.0)], VIEW, &[Some(Anchor::AboveLeft)]);
        // A node hard in the corner of a view barely larger than its label: no spot fits.
        check(&[request(85.0, 20.0, 1.0)], Rect::new(0.0, 0.0, 100.0, 30.0), &[None]);
        // A node outside the view gets no label.
        check(&[request(-300.0, 100.0, 1.0)], VIEW, &[None]);
    }

    #[test]
    fn a_forced_label_shows_even_without_room() {
        let mut hovered = request(200.0, 150.0, 0.0);
        hovered.forced = true;
        let crowd: Vec<LabelRequest> = (0..4).map(|k| request(200.0, 150.0, 10.0 + k as f64)).collect();
        let mut all = vec![hovered];
        all.extend(crowd);
        // The forced one goes first, so it takes "below"; four others take the other three spots.
        check(&all, VIEW, &[Some(Anchor::Below), None, Some(Anchor::Left), Some(Anchor::Above), Some(Anchor::Right)]);
    }

    #[test]
    fn group_names_may_lie_over_nodes_but_not_over_labels() {
        let node = request(200.0, 150.0, 1.0);
        let group = LabelRequest {
            x: 200.0,
            y: 150.0,
            node_radius: 0.0,
            width: 60.0,
            height: 12.0,
            priority: 5.0,
            forced: false,
            anchors: CENTRE_ANCHORS,
            avoid_nodes: false,
        };
        let shapes = vec![shape(&node), None];
        let placed = place_labels(&[Some(node), Some(group)], &shapes, &VIEW);
        assert_eq!(placed[1].map(|p| p.anchor), Some(Anchor::Centre));
        let (label, name) = (placed[0].unwrap().rect, placed[1].unwrap().rect);
        assert!(!label.overlaps(&name));
    }

    #[test]
    fn broken_input_places_nothing_and_never_panics() {
        let nan = request(f64::NAN, 10.0, 1.0);
        let placed = place_labels(&[Some(nan), None], &[None], &VIEW);
        assert_eq!(placed, vec![None, None]);
        assert_eq!(place_labels(&[Some(request(1.0, 1.0, 1.0))], &[], &Rect::new(0.0, 0.0, 0.0, 0.0)), vec![None]);
        let huge = Rect::new(-1e12, -1e12, 2e12, 2e12);
        assert!(place_labels(&[Some(request(0.0, 0.0, 1.0))], &[], &huge)[0].is_some());
    }
}
