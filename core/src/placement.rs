//! Which labels the graph shows, and where: decided in screen space, so a label is always drawn
//! at a readable size and never over another label or another node.
//!
//! Labels are placed greedily, most important first. Each tries a few spots around its node
//! (below, right, above, left) and takes the first that lies inside the view and overlaps no
//! label placed before it and no other node's shape. A label that finds none may then take a
//! spot one or two placed labels can leave for others of their own; failing that it is not shown
//! (zooming in makes room, so more appear). A forced label (the selected, hovered or focused
//! node) always shows: below its node if no spot is free. A uniform grid over the view finds
//! the rectangles near a candidate, so placing n labels costs about O(n); the repair adds at
//! most [`MOST_REPAIRED`] labels' worth of a few hundred grid looks each.

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

/// The room a label keeps from other nodes' shapes where a spot round its node has it: a label
/// a few pixels from its own shape and not much further from another's, between the two, is
/// read as either's (trials 20 and 21: "it is hard to tell which label goes with which shape").
pub const NODE_ROOM_PX: f64 = 10.0;

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

    /// Moves entry `index` to `rect`.
    fn relocate(&mut self, index: usize, rect: Rect) {
        let (c0, r0, c1, r1) = self.span(&self.rects[index]);
        for r in r0..=r1 {
            for c in c0..=c1 {
                self.cells[r * self.columns + c].retain(|&k| k != index);
            }
        }
        self.rects[index] = rect;
        let (c0, r0, c1, r1) = self.span(&rect);
        for r in r0..=r1 {
            for c in c0..=c1 {
                self.cells[r * self.columns + c].push(index);
            }
        }
    }

    /// The entries `rect` overlaps, each once, in the order they were inserted.
    fn hit_entries(&self, rect: &Rect) -> Vec<usize> {
        let (c0, r0, c1, r1) = self.span(rect);
        let mut found = Vec::new();
        for r in r0..=r1 {
            for c in c0..=c1 {
                for &k in &self.cells[r * self.columns + c] {
                    if self.rects[k].overlaps(rect) && !found.contains(&k) {
                        found.push(k);
                    }
                }
            }
        }
        found.sort_unstable();
        found
    }

    /// Whether `rect` overlaps any rectangle in the grid other than those in `except`.
    fn hits(&self, rect: &Rect, except: &[usize]) -> bool {
        let (c0, r0, c1, r1) = self.span(rect);
        for r in r0..=r1 {
            for c in c0..=c1 {
                for &k in &self.cells[r * self.columns + c] {
                    if !except.contains(&k) && self.rects[k].overlaps(rect) {
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

/// Labels below this priority take only the room the others leave: they are placed after every
/// other label and its repair, and never move one (a dimmed node's name must not push aside the
/// names in focus; a group's name placed last must not take a spot a node's name stepped into).
pub const MOVES_OTHERS_FROM: f64 = -1_000.0;

/// How many labels may step aside for one that has no room.
const MOST_MOVED: usize = 2;

/// How many labels left without a spot the repair looks at, the most important first, of those
/// whose node is in the view: each costs up to a few hundred looks in the grids, so a map of
/// thousands seen whole (where most labels have no room anyway) pays a bounded price per frame.
const MOST_REPAIRED: usize = 64;

/// [`place_labels`] keeping clear of `blocked` too: parts of the view something else covers
/// (the graph's toolbar floats over its top left).
///
/// A label that finds no free spot, once all have had their try, gets one where one or two
/// labels stand in the way and can step to other free spots of their own: a node with a name
/// beats a neighbour's name in its first-choice spot (trial 13's "Deeper wells (rejected)" was
/// nameless at every window size, with room one spot over).
pub fn place_labels_around(
    requests: &[Option<LabelRequest>],
    shapes: &[Option<Rect>],
    blocked: &[Rect],
    view: &Rect,
) -> Vec<Option<PlacedLabel>> {
    if !(view.width > 0.0 && view.height > 0.0) {
        return vec![None; requests.len()];
    }
    let mut order: Vec<usize> = (0..requests.len()).filter(|&i| requests[i].is_some_and(|r| r.is_finite())).collect();
    crate::order::sort_indices_by(&mut order, &mut |a, b| {
        let (ra, rb) = (requests[a].as_ref(), requests[b].as_ref());
        let key = |r: Option<&LabelRequest>| r.map_or((false, f64::NEG_INFINITY), |r| (r.forced, r.priority));
        let (ka, kb) = (key(ra), key(rb));
        kb.0.cmp(&ka.0).then(kb.1.total_cmp(&ka.1)).then(a.cmp(&b))
    });
    let mut placer = Placer::new(requests, shapes, blocked, view);
    // The repair comes after every label that may use it had its greedy try, so it only adds
    // names (a label moved aside keeps one); the labels that take only the room left come last.
    let (first, last): (Vec<usize>, Vec<usize>) =
        order.into_iter().partition(|&i| requests[i].is_some_and(|r| r.forced || r.priority >= MOVES_OTHERS_FROM));
    let unplaced: Vec<usize> = first.into_iter().filter(|&i| !placer.place_greedily(i)).collect();
    let in_view = |i: &usize| requests[*i].is_some_and(|r| view.contains(r.x, r.y));
    for i in unplaced.into_iter().filter(in_view).take(MOST_REPAIRED) {
        placer.place_by_moving_others(i);
    }
    for i in last {
        placer.place_greedily(i);
    }
    placer.placed
}

impl LabelRequest {
    fn is_finite(&self) -> bool {
        self.width.is_finite() && self.height.is_finite() && self.x.is_finite() && self.y.is_finite()
    }
}

/// The state of one placement: the labels placed so far in a grid, the nodes' shapes in another.
struct Placer<'a> {
    requests: &'a [Option<LabelRequest>],
    view: Rect,
    labels: Grid,
    /// Which request each entry of `labels` is (`None`: a blocked part of the view).
    label_owner: Vec<Option<usize>>,
    /// Which entry of `labels` each request's placed label is.
    label_entry: Vec<Option<usize>>,
    nodes: Grid,
    /// Which entry of `nodes` is each node's own shape (a label may touch its own node).
    shape_entry: Vec<Option<usize>>,
    placed: Vec<Option<PlacedLabel>>,
}

impl<'a> Placer<'a> {
    fn new(requests: &'a [Option<LabelRequest>], shapes: &[Option<Rect>], blocked: &[Rect], view: &Rect) -> Self {
        let cell = 48.0;
        let mut labels = Grid::new(view, cell);
        for rect in blocked {
            labels.insert(*rect);
        }
        let mut nodes = Grid::new(view, cell);
        let mut shape_entry = vec![None; shapes.len()];
        for (i, shape) in shapes.iter().enumerate() {
            if let Some(rect) = shape {
                shape_entry[i] = Some(nodes.rects.len());
                nodes.insert(*rect);
            }
        }
        Placer {
            requests,
            view: *view,
            labels,
            label_owner: vec![None; blocked.len()],
            label_entry: vec![None; requests.len()],
            nodes,
            shape_entry,
            placed: vec![None; requests.len()],
        }
    }

    /// Whether request `i`'s label may lie at `rect` as far as the view and the nodes go.
    fn fits(&self, i: usize, rect: &Rect) -> bool {
        let avoid_nodes = self.requests[i].is_some_and(|r| r.avoid_nodes);
        let own = self.shape_entry.get(i).copied().flatten();
        rect.inside(&self.view) && !(avoid_nodes && self.nodes.hits(rect, own.as_slice()))
    }

    /// Whether `rect` keeps clear of the other nodes by `room` pixels too.
    fn clear(&self, i: usize, rect: &Rect, room: f64) -> bool {
        let avoid_nodes = self.requests[i].is_some_and(|r| r.avoid_nodes);
        let own = self.shape_entry.get(i).copied().flatten();
        !avoid_nodes || !self.nodes.hits(&rect.grown(room, room), own.as_slice())
    }

    fn put(&mut self, i: usize, anchor: Anchor, rect: Rect) {
        match self.label_entry[i] {
            Some(entry) => self.labels.relocate(entry, rect),
            None => {
                self.label_entry[i] = Some(self.labels.rects.len());
                self.label_owner.push(Some(i));
                self.labels.insert(rect);
            }
        }
        self.placed[i] = Some(PlacedLabel { anchor, rect });
    }

    /// The first spot of request `i` that is free of the view's edges, the nodes, the labels
    /// (but the entries `except`) and the boxes `avoid`, preferring one with [`NODE_ROOM_PX`]
    /// round it, then one with [`NODE_CLEARANCE_PX`]: a label touching another node's shape
    /// reads as that node's (trial 12), one close to two shapes as either's.
    fn free_spot(&self, i: usize, except: &[usize], avoid: &[Rect]) -> Option<(Anchor, Rect)> {
        let request = self.requests[i].as_ref()?;
        // The first free spot with some room, and the first free spot at all.
        let (mut first_clear, mut first_free) = (None, None);
        for anchor in request.anchors.iter().copied() {
            let rect = label_rect(request, anchor);
            // Labels keep a small gap between them: they are measured in one font and drawn in
            // whatever the engine picks, a pixel or two wider and taller.
            let spaced = rect.grown(LABEL_SPACING_PX.0, LABEL_SPACING_PX.1);
            if !self.fits(i, &rect) || self.labels.hits(&spaced, except) || avoid.iter().any(|a| a.overlaps(&spaced)) {
                continue;
            }
            if self.clear(i, &rect, NODE_ROOM_PX) {
                return Some((anchor, rect));
            }
            if first_clear.is_none() && self.clear(i, &rect, NODE_CLEARANCE_PX) {
                first_clear = Some((anchor, rect));
            }
            first_free.get_or_insert((anchor, rect));
        }
        first_clear.or(first_free)
    }

    /// Places request `i` at its first free spot (a forced one at its first); returns whether
    /// it did.
    fn place_greedily(&mut self, i: usize) -> bool {
        let Some(request) = self.requests[i] else { return false };
        let spot = match (self.free_spot(i, &[], &[]), request.forced) {
            (Some(spot), _) => Some(spot),
            // A forced label shows all the same, at its first spot.
            (None, true) => request.anchors.first().map(|&anchor| (anchor, label_rect(&request, anchor))),
            (None, false) => None,
        };
        let Some((anchor, rect)) = spot else { return false };
        self.put(i, anchor, rect);
        true
    }

    /// Places request `i` at a spot where at most [`MOST_MOVED`] placed labels are in the way and
    /// each can move to another of its own free spots; returns whether it did.
    fn place_by_moving_others(&mut self, i: usize) -> bool {
        let Some(request) = self.requests[i] else { return false };
        if request.forced || request.priority < MOVES_OTHERS_FROM {
            return false;
        }
        for anchor in request.anchors.iter().copied() {
            let rect = label_rect(&request, anchor);
            if !self.fits(i, &rect) {
                continue;
            }
            let in_way = self.labels.hit_entries(&rect.grown(LABEL_SPACING_PX.0, LABEL_SPACING_PX.1));
            if in_way.len() > MOST_MOVED {
                continue;
            }
            let Some(moves) = self.moves_out_of(&in_way, rect) else { continue };
            for (other, other_anchor, other_rect) in moves {
                self.put(other, other_anchor, other_rect);
            }
            self.put(i, anchor, rect);
            return true;
        }
        false
    }

    /// Where the labels of the entries `in_way` can go so that none is on `rect` or on another:
    /// `None` if one of them cannot move (a blocked part of the view, a forced label, no spot).
    fn moves_out_of(&self, in_way: &[usize], rect: Rect) -> Option<Vec<(usize, Anchor, Rect)>> {
        let mut taken = vec![rect];
        let mut moves = Vec::new();
        for &entry in in_way {
            let other = self.movable(entry)?;
            for step in self.step_aside(other, in_way, &taken)? {
                taken.push(step.2);
                moves.push(step);
            }
        }
        Some(moves)
    }

    /// The request whose label is the entry `entry`, if it may be moved (not forced, not a
    /// blocked part of the view).
    fn movable(&self, entry: usize) -> Option<usize> {
        let owner = self.label_owner.get(entry).copied().flatten()?;
        self.requests[owner].is_some_and(|r| !r.forced).then_some(owner)
    }

    /// Where request `other`'s label can go, off the boxes `taken` and clear of every label but
    /// the entries `except`: a free spot of its own, or else one that a single further label
    /// leaves for a free spot of its own (both moves are returned).
    fn step_aside(&self, other: usize, except: &[usize], taken: &[Rect]) -> Option<Vec<(usize, Anchor, Rect)>> {
        if let Some((anchor, spot)) = self.free_spot(other, except, taken) {
            return Some(vec![(other, anchor, spot)]);
        }
        let request = self.requests[other]?;
        for anchor in request.anchors.iter().copied() {
            let spot = label_rect(&request, anchor);
            let spaced = spot.grown(LABEL_SPACING_PX.0, LABEL_SPACING_PX.1);
            if !self.fits(other, &spot) || taken.iter().any(|t| t.overlaps(&spaced)) {
                continue;
            }
            let blocking: Vec<usize> =
                self.labels.hit_entries(&spaced).into_iter().filter(|e| !except.contains(e)).collect();
            let [entry] = blocking[..] else { continue };
            let Some(third) = self.movable(entry) else { continue };
            let mut except_too = except.to_vec();
            except_too.push(entry);
            let mut taken_too = taken.to_vec();
            taken_too.push(spot);
            if let Some((third_anchor, third_spot)) = self.free_spot(third, &except_too, &taken_too) {
                return Some(vec![(other, anchor, spot), (third, third_anchor, third_spot)]);
            }
        }
        None
    }
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
        // Below a, the label would end 2 px from b's shape, as if it were b's; right of a, 4 px
        // above it, between the two: a goes above, with room all round. b's label goes below.
        let a = request(100.0, 100.0, 2.0);
        let b = request(150.0, 120.0, 1.0);
        check(&[a, b], VIEW, &[Some(Anchor::Above), Some(Anchor::Below)]);
        // Only a's label placed, among nodes round it: (which nodes, the spot it takes).
        let only_a = |others: &[LabelRequest]| {
            let crowd: Vec<LabelRequest> = std::iter::once(a).chain(others.iter().copied()).collect();
            let shapes: Vec<Option<Rect>> = crowd.iter().map(shape).collect();
            let wanted: Vec<Option<LabelRequest>> = (0..crowd.len()).map(|k| (k == 0).then_some(a)).collect();
            place_labels(&wanted, &shapes, &VIEW)[0].map(|p| p.anchor)
        };
        let (above, left, far_right) =
            (request(100.0, 76.0, 0.5), request(40.0, 100.0, 0.4), request(201.0, 100.0, 0.3));
        // Above and left covered: right, 4 px from b, rather than below, 2 px from it.
        assert_eq!(only_a(&[b, above, left]), Some(Anchor::Right));
        // Right too ends 2 px from a node: the first free spot all the same, below.
        assert_eq!(only_a(&[b, above, left, far_right]), Some(Anchor::Below));
    }

    #[test]
    fn a_label_without_room_gets_a_spot_a_neighbour_can_leave() {
        // Two nodes on one spot; the second's label may only go below, where the first's went.
        // The first steps to its next free spot (right), so both nodes are named.
        const BELOW_ONLY: &[Anchor] = &[Anchor::Below];
        let first = request(200.0, 150.0, 2.0);
        let second = LabelRequest { anchors: BELOW_ONLY, ..request(200.0, 150.0, 1.0) };
        check(&[first, second], VIEW, &[Some(Anchor::Right), Some(Anchor::Below)]);
        // Not for a label that takes only the room left (a dimmed node's name) ...
        let dimmed = LabelRequest { priority: MOVES_OTHERS_FROM - 1.0, ..second };
        check(&[first, dimmed], VIEW, &[Some(Anchor::Below), None]);
        // ... nor against a forced label, nor where the one in the way has no other spot.
        let forced = LabelRequest { forced: true, ..first };
        check(&[forced, second], VIEW, &[Some(Anchor::Below), None]);
        let stuck = LabelRequest { anchors: BELOW_ONLY, ..first };
        check(&[stuck, second], VIEW, &[Some(Anchor::Below), None]);
        // Three in the way: none moves (at most two step aside for one label).
        let row = [request(90.0, 150.0, 4.0), request(200.0, 150.0, 3.0), request(310.0, 150.0, 2.0)];
        let widest = LabelRequest { width: 300.0, ..second };
        check(
            &[row[0], row[1], row[2], widest],
            VIEW,
            &[Some(Anchor::Below), Some(Anchor::Below), Some(Anchor::Below), None],
        );
        // Two labels in the way step aside together: a wide label under a node between two
        // others, whose labels went below them first, goes below once they move.
        let left = request(150.0, 150.0, 3.0);
        let right = request(250.0, 150.0, 2.0);
        let wide = LabelRequest { width: 160.0, ..second };
        check(&[left, right, wide], VIEW, &[Some(Anchor::Left), Some(Anchor::Right), Some(Anchor::Below)]);
        // The one in the way can step aside where a third label is, if that one has a free
        // spot: b goes right, where c's label was, and c's goes below.
        const BELOW_RIGHT: &[Anchor] = &[Anchor::Below, Anchor::Right];
        const LEFT_BELOW: &[Anchor] = &[Anchor::Left, Anchor::Below];
        let b = LabelRequest { anchors: BELOW_RIGHT, ..request(200.0, 150.0, 3.0) };
        let c = LabelRequest { anchors: LEFT_BELOW, ..request(300.0, 150.0, 2.0) };
        check(&[b, c, second], VIEW, &[Some(Anchor::Right), Some(Anchor::Below), Some(Anchor::Below)]);
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
