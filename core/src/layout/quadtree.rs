//! A point-region quadtree stored in flat vectors, rebuilt every tick without allocating.
//!
//! The many-body force (Barnes–Hut) and the collision force both need a quadtree of the node
//! positions, rebuilt each tick because every node moves. d3 builds a tree of small JS objects
//! each time; here the tree lives in a few `Vec`s that are cleared and refilled, so after
//! the first tick a rebuild allocates nothing.
//!
//! To reproduce d3's numbers the tree must have exactly d3-quadtree's shape, because the
//! Barnes–Hut test and the traversal order (which fixes the order in which floating-point
//! contributions are summed and random numbers drawn) depend on it:
//!
//! - the root cell is a square whose lower corner is `(floor(min x), floor(min y))` and whose
//!   side is the smallest power of two (at least 1) such that the maximum lies strictly inside;
//! - a cell is split at its midpoint `(x0 + x1) / 2`; a point on the midpoint goes right/down;
//! - the quadrant index is `bottom << 1 | right` (0 top-left, 1 top-right, 2 bottom-left,
//!   3 bottom-right);
//! - points with exactly equal coordinates share one leaf, as a chain with the most recently
//!   inserted point first;
//! - points whose coordinates are not finite are left out (d3 leaves out NaN).
//!
//! A point-region quadtree's shape does not depend on insertion order, only the order inside a
//! coincident chain does; we insert in node order as d3 does.
//!
//! The forces do not walk this tree directly: each copies the cells, in d3's visiting order
//! (pre-order), into its own packed array together with what it aggregates (total charge and
//! centroid, or largest radius). In pre-order every cell comes before its descendants, so one
//! pass in reverse order aggregates bottom-up without recursion, and each walk then reads memory
//! forwards only.

/// Marks "no cell" in a child slot and "no point" in a chain or in `first_point`.
pub(crate) const NONE: u32 = u32::MAX;

/// One cell of the tree. Packed in one struct so that a visit touches one or two cache lines.
#[derive(Clone, Copy, Debug)]
pub(crate) struct QuadCell {
    /// The four children (`NONE` where empty); all `NONE` for leaves.
    pub(crate) children: [u32; 4],
    /// For a leaf: the first point of its chain of coincident points. `NONE` for internal cells.
    pub(crate) first_point: u32,
    /// Bounds, computed exactly as d3 computes them while descending.
    pub(crate) x0: f64,
    pub(crate) y0: f64,
    pub(crate) x1: f64,
    pub(crate) y1: f64,
}

impl QuadCell {
    /// Whether the cell is a leaf (holds a chain of coincident points).
    #[inline]
    pub(crate) fn is_leaf(&self) -> bool {
        self.first_point != NONE
    }
}

/// The quadtree of one set of points. Cells are numbered from 0 (the root, when there is one).
#[derive(Clone, Debug)]
pub(crate) struct FlatQuadtree {
    pub(crate) cells: Vec<QuadCell>,
    /// For each point: the next point in its leaf's chain of coincident points, or `NONE`.
    pub(crate) next_point_in_leaf: Vec<u32>,
    /// The coordinates each point was inserted with.
    pub(crate) point_x: Vec<f64>,
    pub(crate) point_y: Vec<f64>,
    /// The root cell, or `NONE` when no point had finite coordinates.
    pub(crate) root: u32,
}

impl Default for FlatQuadtree {
    fn default() -> Self {
        FlatQuadtree {
            cells: Vec::new(),
            next_point_in_leaf: Vec::new(),
            point_x: Vec::new(),
            point_y: Vec::new(),
            root: NONE,
        }
    }
}

impl FlatQuadtree {
    /// Rebuilds the tree from `point_count` points whose coordinates are given by
    /// `coordinates_of(i)`. Reuses all storage.
    pub(crate) fn rebuild_with(&mut self, point_count: usize, mut coordinates_of: impl FnMut(usize) -> (f64, f64)) {
        self.cells.clear();
        // A tree of n scattered points has about 1.3 n to 2 n cells, and the count changes from
        // tick to tick as nodes move; reserving 2 n up front means the vector stops growing
        // after the first tick in practice. (A no-op once the capacity is there.)
        self.cells.reserve(2 * point_count + 8);
        self.next_point_in_leaf.clear();
        self.next_point_in_leaf.resize(point_count, NONE);
        self.point_x.clear();
        self.point_y.clear();
        self.root = NONE;

        let mut min_x = f64::INFINITY;
        let mut min_y = f64::INFINITY;
        let mut max_x = f64::NEG_INFINITY;
        let mut max_y = f64::NEG_INFINITY;
        for i in 0..point_count {
            let (x, y) = coordinates_of(i);
            self.point_x.push(x);
            self.point_y.push(y);
            if x.is_finite() && y.is_finite() {
                min_x = min_x.min(x);
                min_y = min_y.min(y);
                max_x = max_x.max(x);
                max_y = max_y.max(y);
            }
        }
        if min_x > max_x {
            return;
        }

        // The root square: d3's `cover(min).cover(max)`. Starting from integer corners keeps
        // every later midpoint exact, which is why d3 floors here.
        let root_x0 = min_x.floor();
        let root_y0 = min_y.floor();
        let mut side = 1.0;
        let mut root_x1 = root_x0 + side;
        let mut root_y1 = root_y0 + side;
        while max_x >= root_x1 || max_y >= root_y1 {
            side *= 2.0;
            root_x1 = root_x0 + side;
            root_y1 = root_y0 + side;
        }

        for point in 0..point_count {
            let x = self.point_x[point];
            let y = self.point_y[point];
            if !(x.is_finite() && y.is_finite()) {
                continue;
            }
            if self.root == NONE {
                self.root = self.push_cell(point as u32, root_x0, root_y0, root_x1, root_y1);
                continue;
            }
            self.insert(point as u32, x, y);
        }
    }

    /// Whether the tree holds no points.
    pub(crate) fn is_empty(&self) -> bool {
        self.root == NONE
    }

    /// The number of cells (internal and leaf).
    pub(crate) fn cell_count(&self) -> usize {
        self.cells.len()
    }

    fn insert(&mut self, point: u32, x: f64, y: f64) {
        let mut cell = self.root as usize;
        // Descend through internal cells to the leaf or empty slot for this point.
        while !self.cells[cell].is_leaf() {
            let (quadrant, x0, y0, x1, y1) = self.child_bounds(cell, x, y);
            let child = self.cells[cell].children[quadrant];
            if child == NONE {
                let leaf = self.push_cell(point, x0, y0, x1, y1);
                self.cells[cell].children[quadrant] = leaf;
                return;
            }
            cell = child as usize;
        }

        let resident = self.cells[cell].first_point;
        let resident_x = self.point_x[resident as usize];
        let resident_y = self.point_y[resident as usize];
        if x == resident_x && y == resident_y {
            // Coincident: the newcomer goes first in the chain, as in d3.
            self.next_point_in_leaf[point as usize] = resident;
            self.cells[cell].first_point = point;
            return;
        }

        // Split: this cell becomes internal, and we keep subdividing until the newcomer and the
        // resident chain fall into different quadrants.
        self.cells[cell].first_point = NONE;
        loop {
            let (new_quadrant, nx0, ny0, nx1, ny1) = self.child_bounds(cell, x, y);
            let (resident_quadrant, rx0, ry0, rx1, ry1) = self.child_bounds(cell, resident_x, resident_y);
            if new_quadrant != resident_quadrant {
                let resident_leaf = self.push_cell(resident, rx0, ry0, rx1, ry1);
                let new_leaf = self.push_cell(point, nx0, ny0, nx1, ny1);
                self.cells[cell].children[resident_quadrant] = resident_leaf;
                self.cells[cell].children[new_quadrant] = new_leaf;
                return;
            }
            let inner = self.push_cell(NONE, nx0, ny0, nx1, ny1);
            self.cells[cell].children[new_quadrant] = inner;
            cell = inner as usize;
        }
    }

    /// The quadrant of `cell` that `(x, y)` falls in, and that quadrant's bounds.
    #[inline]
    fn child_bounds(&self, cell: usize, x: f64, y: f64) -> (usize, f64, f64, f64, f64) {
        let QuadCell { mut x0, mut y0, mut x1, mut y1, .. } = self.cells[cell];
        let middle_x = (x0 + x1) / 2.0;
        let middle_y = (y0 + y1) / 2.0;
        let right = x >= middle_x;
        let bottom = y >= middle_y;
        if right {
            x0 = middle_x;
        } else {
            x1 = middle_x;
        }
        if bottom {
            y0 = middle_y;
        } else {
            y1 = middle_y;
        }
        ((usize::from(bottom) << 1) | usize::from(right), x0, y0, x1, y1)
    }

    fn push_cell(&mut self, first_point: u32, x0: f64, y0: f64, x1: f64, y1: f64) -> u32 {
        let index = self.cells.len() as u32;
        self.cells.push(QuadCell { children: [NONE; 4], first_point, x0, y0, x1, y1 });
        index
    }
}

/// A tree's cells in d3's visiting order (pre-order, quadrants 0 to 3), and the inverse map.
///
/// In that order every cell comes before its descendants and each subtree is contiguous, so the
/// forces store their per-cell data in it: a reverse pass aggregates bottom-up, and a walk reads
/// memory forwards. Reused across ticks.
#[derive(Clone, Debug, Default)]
pub(crate) struct VisitingOrder {
    /// The tree's cell indices, in visiting order.
    pub(crate) cells: Vec<u32>,
    /// For each tree cell index, its position in `cells`.
    pub(crate) position_of_cell: Vec<u32>,
    stack: Vec<u32>,
}

impl VisitingOrder {
    /// Recomputes the order for `tree`. The vectors get at least the tree's capacity (which
    /// `rebuild_with` sizes generously), so they stop growing when the tree does.
    pub(crate) fn compute(&mut self, tree: &FlatQuadtree) {
        self.cells.clear();
        self.cells.reserve(tree.cells.capacity());
        self.stack.clear();
        if tree.root != NONE {
            self.stack.push(tree.root);
        }
        while let Some(cell) = self.stack.pop() {
            self.cells.push(cell);
            let children = &tree.cells[cell as usize].children;
            for quadrant in (0..4).rev() {
                if children[quadrant] != NONE {
                    self.stack.push(children[quadrant]);
                }
            }
        }
        self.position_of_cell.clear();
        self.position_of_cell.reserve(tree.cells.capacity());
        self.position_of_cell.resize(tree.cell_count(), NONE);
        for (position, &cell) in self.cells.iter().enumerate() {
            self.position_of_cell[cell as usize] = position as u32;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(points: &[(f64, f64)]) -> FlatQuadtree {
        let mut tree = FlatQuadtree::default();
        tree.rebuild_with(points.len(), |i| points[i]);
        tree
    }

    /// Collects the points of every leaf, in d3's visiting order (pre-order, quadrants 0..3).
    fn leaves_in_visit_order(tree: &FlatQuadtree) -> Vec<Vec<u32>> {
        let mut out = Vec::new();
        let mut stack = vec![tree.root];
        while let Some(cell) = stack.pop() {
            if cell == NONE {
                continue;
            }
            let cell = cell as usize;
            if tree.cells[cell].is_leaf() {
                let mut chain = Vec::new();
                let mut point = tree.cells[cell].first_point;
                while point != NONE {
                    chain.push(point);
                    point = tree.next_point_in_leaf[point as usize];
                }
                out.push(chain);
            } else {
                for quadrant in (0..4).rev() {
                    stack.push(tree.cells[cell].children[quadrant]);
                }
            }
        }
        out
    }

    #[test]
    fn root_square_is_floored_and_a_power_of_two() {
        let tree = build(&[(0.5, 0.5), (2.5, 0.25)]);
        let root = tree.cells[tree.root as usize];
        assert_eq!((root.x0, root.y0, root.x1, root.y1), (0.0, 0.0, 4.0, 4.0));
    }

    #[test]
    fn coincident_points_share_a_leaf_newest_first() {
        let tree = build(&[(1.0, 1.0), (5.0, 5.0), (1.0, 1.0), (1.0, 1.0)]);
        assert_eq!(leaves_in_visit_order(&tree), vec![vec![3, 2, 0], vec![1]]);
    }

    #[test]
    fn non_finite_points_are_left_out_and_empty_input_has_no_root() {
        let tree = build(&[(f64::NAN, 1.0), (2.0, 2.0), (f64::INFINITY, 0.0)]);
        assert_eq!(leaves_in_visit_order(&tree), vec![vec![1]]);
        assert!(build(&[]).is_empty());
    }

    #[test]
    fn every_point_lands_in_exactly_one_leaf() {
        let points: Vec<(f64, f64)> =
            (0..200).map(|i| (((i * 37) % 101) as f64 * 0.37, ((i * 53) % 97) as f64 * 0.11)).collect();
        let tree = build(&points);
        let mut seen: Vec<u32> = leaves_in_visit_order(&tree).concat();
        seen.sort_unstable();
        assert_eq!(seen, (0..200).collect::<Vec<u32>>());
    }

    #[test]
    fn visiting_order_is_pre_order_by_quadrant() {
        let tree = build(&[(0.5, 0.5), (3.5, 3.5), (3.5, 0.5), (0.5, 3.5)]);
        let mut order = VisitingOrder::default();
        order.compute(&tree);
        let points: Vec<u32> = order.cells.iter().map(|&cell| tree.cells[cell as usize].first_point).collect();
        // The root (internal), then quadrants 0 (top-left), 1 (top-right), 2, 3.
        assert_eq!(points, vec![NONE, 0, 2, 3, 1]);
        for (position, &cell) in order.cells.iter().enumerate() {
            assert_eq!(order.position_of_cell[cell as usize] as usize, position);
        }
    }

    #[test]
    fn nearly_coincident_points_are_separated_without_recursion() {
        let tree = build(&[(0.0, 0.0), (1e-300, 0.0)]);
        assert_eq!(leaves_in_visit_order(&tree), vec![vec![0], vec![1]]);
    }
}
