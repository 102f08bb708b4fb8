//! The graph's controller: the non-reactive part of the graph view. It owns the simulation, the
//! positions, the camera and the painter; the view's effects feed it what changed (size,
//! language, filter, highlight, layout) and it redraws. Positions never go through signals:
//! each frame computes where everything goes (`atlas_core::frame`) and the painter writes it.

use super::canvas::CanvasPainter;
use super::svg::SvgPainter;
use crate::browser::dom::{self, FrameLoop};
use atlas_core::drawing::{Emphasis, Highlight};
use atlas_core::frame::{frame, Frame, FrameInput};
use atlas_core::layout::{place_argument, ArgumentPlacement, Simulation, CELL_WIDTH_PX};
use atlas_core::placement::{NODE_ANCHORS, RIGHT_ANCHORS};
use atlas_core::scene::{ForceLayout, Scene};
use atlas_core::transform::{ViewTransform, MAX_STRETCH};
use atlas_core::view_state::GraphLayout;
use atlas_core::Lang;
use send_wrapper::SendWrapper;
use std::cell::{RefCell, RefMut};
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use std::sync::Arc;

/// The most a fit zooms in (a small reading is not blown up).
const FIT_MAX_SCALE: f64 = 1.6;
/// How long a camera move takes.
const CAMERA_MS: f64 = 450.0;
/// How long the nodes an edit moved take to glide to their new places: long enough for the eye
/// to follow a node, short enough to be done before the next click.
const GLIDE_MS: f64 = 300.0;

/// The most ticks a layout warmed by a drag is run at once to settle it, when its map is taken
/// for an edit (a drag's warmth settles in about 300).
#[cfg(feature = "editor")]
const SETTLE_NOW_TICKS: usize = 400;

/// What a pointer is doing.
#[derive(Clone, Copy, Debug)]
pub enum Gesture {
    /// Pressed on a node; becomes a drag once it moves past the slop.
    Node { node: usize, start: (f64, f64), dragging: bool, grab: (f64, f64) },
    /// Panning the background; a click (on a link's line) while it has not moved past the slop.
    Pan { start: (f64, f64), from: ViewTransform, moved: bool },
}

/// Two fingers zooming: their distance and midpoint when they touched, and the camera then.
#[derive(Clone, Copy, Debug)]
pub struct Pinch {
    pub distance: f64,
    pub from: ViewTransform,
    pub mid: (f64, f64),
}

/// A camera move in progress.
#[derive(Clone, Copy, Debug)]
struct CameraMove {
    from: ViewTransform,
    to: ViewTransform,
    started: Option<f64>,
}

/// The graph's painter: SVG elements, or a canvas for large graphs.
pub enum Painter {
    None,
    Svg(SvgPainter),
    Canvas(CanvasPainter),
}

/// The view a graph had, for the graph built when its map is edited: kept where it still shows
/// every node, so an edit moves on screen only the nodes it moved (trial 15 looked for both
/// ends of each of its 21 links anew, the view fitted afresh after every link).
#[derive(Clone, Copy)]
pub struct KeptView {
    camera: ViewTransform,
    /// The camera taken from it at the last size report: moved to show a node the edit took
    /// out of view, or `camera` itself.
    given: ViewTransform,
    auto_fit: bool,
    /// The surface's size it was seen at.
    viewport: (f64, f64),
}

/// The nodes of an edited map gliding from where the map before the edit drew them to where
/// this one puts them: an edit that moved two nodes made the author look for both anew (trial
/// 20), and a move the eye can follow is a move it need not search for.
pub struct Glide {
    from_xs: Vec<f64>,
    from_ys: Vec<f64>,
    to_xs: Vec<f64>,
    to_ys: Vec<f64>,
    started: Option<f64>,
}

/// The non-reactive state of one graph view.
pub struct GraphRuntime {
    pub scene: Arc<Scene>,
    pub simulation: Simulation,
    /// The force layout's positions (world units).
    pub world_xs: Vec<f64>,
    pub world_ys: Vec<f64>,
    /// The argument layout, placed for the current size.
    pub argument: Option<ArgumentPlacement>,
    pub mode: GraphLayout,
    pub camera: ViewTransform,
    camera_move: Option<CameraMove>,
    /// The drawing surface's size, once known.
    pub viewport: (f64, f64),
    /// Whether the view shows the whole graph as fitted (then a resize refits it).
    pub auto_fit: bool,
    /// The view of the graph this one replaced, for an edit of the same map, until the surface
    /// reports the size it was seen at ([`Self::keep_view`]).
    pub kept_view: Option<KeptView>,
    /// The view as the tour began, to come back to as it ends ([`Self::back_to_view_before_tour`]).
    before_tour: Option<KeptView>,
    /// The nodes gliding to their places after an edit, while they do.
    pub glide: Option<Glide>,
    pub visible: Vec<bool>,
    pub highlight: Highlight,
    /// The node emphasis without the pointer's hover: what the labels are placed for.
    pub steady: Vec<Emphasis>,
    /// The node under the pointer or with keyboard focus.
    pub hovered: Option<usize>,
    /// Extra label priority by node (the tour step's order); empty for none.
    pub boosts: Vec<f64>,
    /// What floats over the surface (the toolbar), in surface pixels: no label goes under it.
    pub blocked: Vec<atlas_core::placement::Rect>,
    pub matches: Vec<bool>,
    pub lang: Lang,
    pub label_px: f64,
    pub group_names: bool,
    /// Whether dimmed nodes are named too, in the room the others leave: always but on the
    /// stage (an author looks for the next node to link while one is selected; a student reads
    /// what the faded shapes are).
    pub dimmed_named: bool,
    pub pinned: BTreeSet<usize>,
    /// Nodes held where they are while the layout, warmed by a drag, settles ([`Self::hold_others`]).
    held: Vec<usize>,
    /// The map given for an edit ([`Self::take_for_edit`]): where the graph that replaces this
    /// one finds its nodes if the edit kept their places.
    taken: Option<ForceLayout>,
    pub focus_node: usize,
    pub selected: Option<usize>,
    pub painter: Painter,
    pub frames: FrameLoop,
    pub gestures: HashMap<i32, Gesture>,
    pub pointers: HashMap<i32, (f64, f64)>,
    pub pinch: Option<Pinch>,
    /// The last frame drawn: screen positions for hit tests and arrow keys.
    pub last: Frame,
}

impl GraphRuntime {
    fn new(scene: Arc<Scene>, lang: Lang) -> GraphRuntime {
        let n = scene.model.nodes.len();
        let mut simulation = scene.simulation();
        for i in 0..n {
            simulation.set_position(i, scene.force_xs[i], scene.force_ys[i]);
        }
        // Carry on from where the scene's layout stopped (a large graph is still moving).
        simulation.set_alpha(scene.force_alpha);
        GraphRuntime {
            world_xs: scene.force_xs.clone(),
            world_ys: scene.force_ys.clone(),
            simulation,
            argument: None,
            mode: GraphLayout::Force,
            camera: ViewTransform::IDENTITY,
            camera_move: None,
            viewport: (0.0, 0.0),
            auto_fit: true,
            kept_view: None,
            before_tour: None,
            glide: None,
            visible: vec![true; n],
            highlight: Highlight::default(),
            steady: Vec::new(),
            hovered: None,
            boosts: Vec::new(),
            blocked: Vec::new(),
            matches: vec![false; n],
            lang,
            label_px: 13.0,
            group_names: true,
            dimmed_named: false,
            pinned: BTreeSet::new(),
            held: Vec::new(),
            taken: None,
            focus_node: 0,
            selected: None,
            painter: Painter::None,
            frames: FrameLoop::marking("graph-region"),
            gestures: HashMap::new(),
            pointers: HashMap::new(),
            pinch: None,
            last: Frame::default(),
            scene,
        }
    }

    /// The view to keep for `next`, a scene replacing this one: this one's, if `next` is an edit
    /// of the map that kept its places ([`atlas_core::scene::keeps_places`]), drawn in the force
    /// layout, and the camera is at rest.
    pub fn view_for(&self, next: &Scene) -> Option<KeptView> {
        let shown = self.mode == GraphLayout::Force && self.viewport.0 > 0.0 && self.camera_move.is_none();
        let was_at = self.taken.clone().unwrap_or_else(|| self.scene.force_layout());
        (shown && atlas_core::scene::keeps_places(&self.scene, &was_at, next)).then_some(KeptView {
            camera: self.camera,
            given: self.camera,
            auto_fit: self.auto_fit,
            viewport: self.viewport,
        })
    }

    /// On a size report of the surface (`first` for its first): takes the view kept from the
    /// graph this one replaced ([`Self::kept_view`]), if every node is drawn inside the surface,
    /// a margin in from its edges, clear of the toolbar, or once moved as little as makes it so
    /// ([`ViewTransform::brought_to_show`]); returns whether it did. The view waits for
    /// the size it was seen at: the first report of a rebuilt page can be a passing one (the
    /// timeline under the graph not yet drawn), and the one after it would fit the view anew.
    /// Another size reported later is a real resize: the view is then fitted as before.
    /// A view moved since the first report (a zoom, a pan, a fit, the tour) is the reader's, and
    /// the kept one is let go.
    pub fn keep_view(&mut self, first: bool) -> bool {
        let Some(kept) = self.kept_view else { return false };
        let (w, h) = self.viewport;
        let same_size = same_size((w, h), kept.viewport);
        if same_size || !first {
            self.kept_view = None;
        }
        let moved_since = !first && self.camera != kept.given;
        if (!same_size && !first) || moved_since {
            return false;
        }
        let margin = self.node_margin();
        // A node the edit took out of the view brings the view to it, moved as little as shows
        // every node, rather than fitted anew: the other nodes all move by the same few pixels.
        // The nodes drawn only: a fit leaves out those the filter hides, and so does this.
        let (xs, ys): (Vec<f64>, Vec<f64>) = {
            let (xs, ys) = self.places();
            xs.iter().zip(ys).zip(&self.visible).filter(|(_, &shown)| shown).map(|((&x, &y), _)| (x, y)).unzip()
        };
        let brought = (w > 0.0 && self.mode == GraphLayout::Force)
            .then(|| {
                kept.camera.brought_to_show(
                    (&xs, &ys),
                    self.viewport,
                    margin,
                    &self.toolbar_keep_out(kept.camera.scale),
                )
            })
            .flatten();
        if let Some(camera) = brought {
            self.camera = camera;
            self.auto_fit = kept.auto_fit;
            if let Some(kept) = self.kept_view.as_mut() {
                kept.given = camera;
            }
        }
        brought.is_some()
    }

    /// Where no node's centre may be drawn, at `scale`, for the view to show it: the toolbar,
    /// and below it as far as the largest node's shape reaches (at least as far as a fitted
    /// view keeps the topmost centre, [`TOOLBAR_CLEARANCE_PX`]). A node whose centre was just
    /// under the toolbar's foot counted as shown, its shape half under the buttons (trial 26:
    /// new nodes placed at the map's top, under "Fit to screen").
    fn toolbar_keep_out(&self, scale: f64) -> Vec<atlas_core::placement::Rect> {
        let reach = self.toolbar_clearance(scale);
        self.blocked
            .iter()
            .map(|r| atlas_core::placement::Rect::new(r.x - reach, r.y, r.width + 2.0 * reach, r.height + reach - 1.0))
            .collect()
    }

    /// How far from the toolbar a node's centre is drawn, at `scale`, for its shape to clear
    /// it: the largest shape's reach (a little past its radius, a triangle's tip), at least
    /// [`TOOLBAR_CLEARANCE_PX`]. A fitted view keeps its topmost node so far below, and a view
    /// kept or moved counts a node as shown only so far off ([`Self::toolbar_keep_out`]).
    fn toolbar_clearance(&self, scale: f64) -> f64 {
        let reach = self.scene.radii.iter().copied().fold(0.0, f64::max) * self.shape_scale_at(scale) * 1.2
            + TOOLBAR_OVERLAP_PX;
        reach.max(TOOLBAR_CLEARANCE_PX)
    }

    /// How far in from the surface's edges (across, down) a node counts as in view: its label
    /// has spots on its other sides.
    fn node_margin(&self) -> (f64, f64) {
        (self.label_px * 2.75, self.label_px * 1.3)
    }

    /// The positions the current layout draws from (world units, or the argument layout's
    /// pixels).
    pub fn positions(&self) -> (&[f64], &[f64]) {
        match (&self.mode, &self.argument) {
            (GraphLayout::Argument, Some(a)) => (&a.xs, &a.ys),
            _ => (&self.world_xs, &self.world_ys),
        }
    }

    /// Where the nodes are, or go while they glide after an edit: what the view is kept or
    /// fitted for.
    fn places(&self) -> (&[f64], &[f64]) {
        match (&self.glide, self.mode) {
            (Some(glide), GraphLayout::Force) => (&glide.to_xs, &glide.to_ys),
            _ => self.positions(),
        }
    }

    /// Starts the nodes from where the map before this edit drew them (`before`: a position by
    /// node id; a new node starts at its place), to glide to their places from the first frame
    /// on. Nothing glides when nothing moved, or the reader asked for reduced motion; a map
    /// still settling (a large one) moves on screen as it settles.
    pub fn glide_from(&mut self, before: &HashMap<String, (f64, f64)>) {
        let (to_xs, to_ys) = (self.world_xs.clone(), self.world_ys.clone());
        let (from_xs, from_ys): (Vec<f64>, Vec<f64>) = self
            .scene
            .model
            .nodes
            .iter()
            .enumerate()
            .map(|(i, node)| before.get(&node.id).copied().unwrap_or((to_xs[i], to_ys[i])))
            .unzip();
        let moved = (0..to_xs.len()).any(|i| (from_xs[i] - to_xs[i]).hypot(from_ys[i] - to_ys[i]) > 0.5);
        if !moved || !self.simulation.is_settled() || dom::prefers_reduced_motion() {
            return;
        }
        self.world_xs.clone_from(&from_xs);
        self.world_ys.clone_from(&from_ys);
        self.glide = Some(Glide { from_xs, from_ys, to_xs, to_ys, started: None });
    }

    /// The map as this graph shows it: each node where it is drawn in the force layout (a pinned
    /// node at its pin, one the author's drag moved where it went, a gliding one where it goes),
    /// for a published file to show the picture its author sees.
    pub fn shown_layout(&self) -> atlas_core::precomputed::ShownLayout {
        let (xs, ys) = match &self.glide {
            Some(glide) => (glide.to_xs.clone(), glide.to_ys.clone()),
            None => (self.world_xs.clone(), self.world_ys.clone()),
        };
        let layout = ForceLayout { xs, ys, alpha: self.simulation.alpha() };
        atlas_core::precomputed::ShownLayout::drawn(&self.scene, layout)
    }

    /// Where this graph draws each node (world units, force layout), by id: for the graph that
    /// replaces it after an edit to glide from.
    pub fn places_by_id(&self) -> HashMap<String, (f64, f64)> {
        self.scene
            .model
            .nodes
            .iter()
            .zip(self.world_xs.iter().zip(&self.world_ys))
            .map(|(node, (&x, &y))| (node.id.clone(), (x, y)))
            .collect()
    }

    /// One frame of the glide; whether it goes on. A drag ends it where the nodes are headed.
    fn glide_step(&mut self, now: f64) -> bool {
        let Some(mut glide) = self.glide.take() else { return false };
        let t = if self.gestures.is_empty() {
            ((now - *glide.started.get_or_insert(now)) / GLIDE_MS).min(1.0)
        } else {
            1.0
        };
        let eased = 1.0 - (1.0 - t).powi(3);
        for i in 0..self.world_xs.len() {
            self.world_xs[i] = glide.from_xs[i] + (glide.to_xs[i] - glide.from_xs[i]) * eased;
            self.world_ys[i] = glide.from_ys[i] + (glide.to_ys[i] - glide.from_ys[i]) * eased;
        }
        let going = t < 1.0;
        if going {
            self.glide = Some(glide);
        }
        going
    }

    /// How large shapes are drawn: with the zoom, within limits, so a node stays a target.
    fn shape_scale(&self) -> f64 {
        self.shape_scale_at(self.camera.scale)
    }

    /// [`Self::shape_scale`] at the zoom `scale`.
    fn shape_scale_at(&self, scale: f64) -> f64 {
        match self.mode {
            GraphLayout::Argument => 0.8,
            GraphLayout::Force => (scale * 0.9).clamp(0.55, 1.5),
        }
    }

    /// Lays out the current frame and paints it.
    pub fn redraw(&mut self) {
        let (w, h) = self.viewport;
        if w <= 0.0 || h <= 0.0 {
            return;
        }
        let argument = self.mode == GraphLayout::Argument;
        let (xs, ys) = self.positions();
        let next = frame(&FrameInput {
            scene: &self.scene,
            xs,
            ys,
            camera: self.camera,
            width: w,
            height: h,
            visible: &self.visible,
            emphasis: &self.steady,
            hovered: self.hovered,
            matches: &self.matches,
            boosts: &self.boosts,
            lang: self.lang,
            label_px: self.label_px,
            shape_scale: self.shape_scale(),
            anchors: if argument { RIGHT_ANCHORS } else { NODE_ANCHORS },
            group_names: self.group_names && !argument,
            blocked: &self.blocked,
            names_last_before: self.last.names_last,
            dimmed_named: self.dimmed_named,
        });
        self.last = next;
        match &self.painter {
            Painter::Svg(svg) => svg.paint(self),
            Painter::Canvas(canvas) => canvas.paint(self),
            Painter::None => {}
        }
    }

    /// Restyles what the highlight, filter, pins and language decide (not positions).
    pub fn restyle(&mut self) {
        if let Painter::Svg(svg) = &self.painter {
            svg.restyle(self);
        }
        self.redraw();
    }

    /// The camera that shows every visible node, or only `nodes` when given.
    pub fn fitted(&self, nodes: Option<&[usize]>) -> Option<ViewTransform> {
        let (w, h) = self.viewport;
        if w <= 0.0 || h <= 0.0 {
            return None;
        }
        let (xs, ys) = self.places();
        let chosen: Vec<usize> = match nodes {
            Some(nodes) => nodes.iter().copied().filter(|&i| i < xs.len() && self.visible[i]).collect(),
            None => (0..xs.len()).filter(|&i| self.visible[i]).collect(),
        };
        if self.mode == GraphLayout::Argument {
            return self.argument.as_ref().map(|a| argument_camera(a, w, h, nodes.map(|_| chosen.as_slice()), ys));
        }
        let pick = |v: &[f64]| chosen.iter().map(|&i| v[i]).collect::<Vec<f64>>();
        // A few nodes (a tour step) are framed closer than the whole graph, and may be spread
        // sideways more: their labels, at the stage's size, need the room.
        let (max_scale, max_stretch) = if nodes.is_some() { (2.2, 2.0) } else { (FIT_MAX_SCALE, MAX_STRETCH) };
        let room = (self.label_px * 5.5, self.label_px * 2.6);
        let (xs, ys) = (pick(xs), pick(ys));
        let fitted = fit_with_padding(&xs, &ys, (w, h), max_scale, max_stretch, room, room.1)?;
        // The toolbar floats over the graph's top left: a node fitted under it can be neither
        // seen nor clicked (a published reading's top node, once the note on its quotes took
        // the page's top). Then the nodes start below it; otherwise the view keeps its height.
        let clearance = self.toolbar_clearance(fitted.scale);
        let under = |r: &atlas_core::placement::Rect| {
            let r = r.grown(clearance, TOOLBAR_OVERLAP_PX);
            xs.iter().zip(&ys).any(|(&x, &y)| {
                let (x, y) = fitted.screen_from_world(x, y);
                r.contains(x, y)
            })
        };
        match self.blocked.iter().filter(|r| under(r)).map(|r| r.bottom() + clearance).reduce(f64::max) {
            Some(top) => fit_with_padding(&xs, &ys, (w, h), max_scale, max_stretch, room, top.max(room.1)),
            None => Some(fitted),
        }
    }

    /// Notes the view as the tour begins (once the surface's size is known; where the camera
    /// is going, if it moves). One still waiting to come back, from a tour ended a moment ago,
    /// is kept: it is the view before both.
    pub fn note_view_before_tour(&mut self) {
        if self.before_tour.is_some() || self.viewport.0 <= 0.0 {
            return;
        }
        let camera = self.camera_move.as_ref().map_or(self.camera, |m| m.to);
        self.before_tour = Some(KeptView { camera, given: camera, auto_fit: self.auto_fit, viewport: self.viewport });
    }

    /// Whether a view noted as the tour began waits to come back.
    pub fn has_view_before_tour(&self) -> bool {
        self.before_tour.is_some()
    }

    /// As the tour ends: back to the view it began from, once the surface has the size it had
    /// then (the panes the stage set aside come back a size report later). Returns whether it
    /// went back. Fitted anew instead, every node moved on screen after "Present this step"
    /// (trial 25).
    pub fn back_to_view_before_tour(&mut self) -> bool {
        let Some(before) = self.before_tour else { return false };
        if !same_size(self.viewport, before.viewport) {
            return false;
        }
        self.before_tour = None;
        self.auto_fit = before.auto_fit;
        self.move_camera(before.camera, true);
        true
    }

    /// Forgets the view the tour began from (no size report brought the surface back to it).
    pub fn forget_view_before_tour(&mut self) -> bool {
        self.before_tour.take().is_some()
    }

    /// Moves the camera to `to`, smoothly unless reduced motion is asked for.
    pub fn move_camera(&mut self, to: ViewTransform, animate: bool) {
        if !animate || dom::prefers_reduced_motion() || self.viewport.0 <= 0.0 {
            self.camera = to;
            self.camera_move = None;
        } else {
            self.camera_move = Some(CameraMove { from: self.camera, to, started: None });
        }
    }

    /// Before the layout is warmed to move `node` (dragged, or let go of its pin): every other
    /// node but its neighbours holds still until the layout has settled again. Warmed whole, a
    /// map settled round its author's edits (each edit holds the nodes it did not place) moved
    /// every node, 130 px on average, for one drag of one node (trial 22: "the whole map
    /// rearranged itself"). A map still settling (a large one, on screen) settles on; a drag
    /// while others are held frees the dragged node's neighbours too.
    pub fn hold_others(&mut self, node: usize) {
        if self.held.is_empty() && !self.simulation.is_settled() {
            return;
        }
        let mut free = vec![false; self.world_xs.len()];
        for &(s, t) in self.scene.link_ends.iter().filter(|&&(s, t)| s == node || t == node) {
            free[s] = true;
            free[t] = true;
        }
        if let Some(f) = free.get_mut(node) {
            *f = true;
        }
        if self.held.is_empty() {
            self.held = (0..free.len()).filter(|&i| !free[i] && !self.simulation.is_pinned(i)).collect();
            // Where the simulation has them (a gliding node's glide ends there).
            for &i in &self.held {
                let (x, y) = (self.simulation.xs()[i], self.simulation.ys()[i]);
                self.simulation.pin(i, x, y);
            }
        } else {
            let (freed, held): (Vec<usize>, Vec<usize>) =
                std::mem::take(&mut self.held).into_iter().partition(|&i| free[i]);
            for i in freed {
                self.simulation.unpin(i);
            }
            self.held = held;
        }
    }

    /// The map as drawn, for an edit made of it (the edited reading settles from there). A
    /// layout a drag warmed is settled first, its held nodes held (an edit made while the
    /// drag's neighbours still moved left them half-way); one that settles on screen anyway (a
    /// large map) gives none, and the edit starts from the layout the reading was given.
    #[cfg(feature = "editor")]
    pub fn take_for_edit(&mut self) -> Option<atlas_core::precomputed::ShownLayout> {
        if !self.held.is_empty() && !self.dragging() {
            self.simulation.run_until_settled(SETTLE_NOW_TICKS);
            self.world_xs.copy_from_slice(self.simulation.xs());
            self.world_ys.copy_from_slice(self.simulation.ys());
            self.let_go_of_held();
        }
        if !self.simulation.is_settled() {
            return None;
        }
        let shown = self.shown_layout();
        self.taken = Some(shown.layout.clone());
        Some(shown)
    }

    /// Whether a node is being dragged.
    fn dragging(&self) -> bool {
        self.gestures.values().any(|g| matches!(g, Gesture::Node { dragging: true, .. }))
    }

    /// The nodes held while a drag's warmth settled go free where they are.
    fn let_go_of_held(&mut self) {
        for i in std::mem::take(&mut self.held) {
            self.simulation.unpin(i);
        }
    }

    /// One animation frame: a simulation tick and a camera step. Returns whether to go on.
    pub fn step(&mut self, now: f64) -> bool {
        let mut going = self.glide_step(now);
        if self.mode == GraphLayout::Force && (!self.simulation.is_settled() || !self.gestures.is_empty()) {
            self.simulation.tick();
            self.world_xs.copy_from_slice(self.simulation.xs());
            self.world_ys.copy_from_slice(self.simulation.ys());
            going = !self.simulation.is_settled() || !self.gestures.is_empty();
        }
        // Settled, the nodes held go free where they are (nothing moves until it is warmed
        // again), once no node is dragged: a pan, or a drag held still, may outlast the warmth.
        if !self.held.is_empty() && self.simulation.is_settled() && !self.dragging() {
            self.let_go_of_held();
        }
        if let Some(mut m) = self.camera_move.take() {
            let t0 = *m.started.get_or_insert(now);
            let t = ((now - t0) / CAMERA_MS).min(1.0);
            let eased = 1.0 - (1.0 - t).powi(3);
            self.camera = m.from.lerp(&m.to, eased);
            if t < 1.0 {
                self.camera_move = Some(m);
                going = true;
            }
        }
        self.redraw();
        going
    }

    /// Places the argument layout for the current size and language.
    pub fn place_argument(&mut self) {
        let (w, h) = self.viewport;
        let px = self.label_px;
        let scene = &self.scene;
        let heights: Vec<f64> = (0..scene.model.nodes.len())
            .map(|i| {
                let lines = scene.label(i, self.lang).lines.len() as f64;
                (lines * px * atlas_core::frame::LINE_HEIGHT_EM).max(2.0 * scene.radii[i] * 0.8)
            })
            .collect();
        let radii: Vec<f64> = scene.radii.iter().map(|r| r * 0.8).collect();
        self.argument = Some(place_argument(&scene.argument, &heights, &radii, w.max(CELL_WIDTH_PX), h));
    }
}

/// Whether two sizes of the drawing surface are the same, give or take a pixel: a surface's
/// reports of one size can differ in fractions of a pixel (whole pixels, then fractions).
pub fn same_size(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() <= 1.0 && (a.1 - b.1).abs() <= 1.0
}

/// How far below the toolbar the topmost node's centre is fitted when one was under it: its
/// shape and a label above it clear the toolbar.
const TOOLBAR_CLEARANCE_PX: f64 = 14.0;
/// How near the toolbar a node's centre may be fitted before it counts as under it (its shape
/// then reaches under the buttons).
const TOOLBAR_OVERLAP_PX: f64 = 4.0;

/// [`ViewTransform::fit_points`] with `room` (across, down) at the edges for labels, and `top`
/// at the top edge (at least `room.1`).
fn fit_with_padding(
    xs: &[f64],
    ys: &[f64],
    (w, h): (f64, f64),
    max_scale: f64,
    max_stretch: f64,
    room: (f64, f64),
    top: f64,
) -> Option<ViewTransform> {
    // The padding is in screen pixels, wider across than down: labels are wider than tall.
    let inner_w = (w - 2.0 * room.0).max(w * 0.4);
    let inner_h = (h - room.1 - top).max(h * 0.4);
    let mut t = ViewTransform::fit_points(xs, ys, inner_w, inner_h, 0.0, max_scale, max_stretch)?;
    t.translate_x += (w - inner_w) / 2.0;
    // Where the view is too short for the padding, what is left of it is shared as asked.
    t.translate_y += (h - inner_h) * top / (top + room.1);
    Some(t)
}

/// Room at the top of the argument layout for the graph's toolbar.
pub const TOOLBAR_ROOM_PX: f64 = 44.0;

/// The argument layout's camera: its own size (zoom 1, narrower views zoom out down to fit the
/// width only), centred across, at the top (below the toolbar), or scrolled so the `focus`
/// nodes (a selection, a tour step) are in view.
fn argument_camera(a: &ArgumentPlacement, w: f64, h: f64, focus: Option<&[usize]>, ys: &[f64]) -> ViewTransform {
    let scale = (w / a.width.max(1.0)).clamp(0.6, 1.0);
    let translate_x = ((w - a.width * scale) / 2.0).max(0.0);
    let chosen = focus.unwrap_or(&[]);
    let top = chosen.iter().map(|&i| ys[i]).fold(f64::INFINITY, f64::min);
    let bottom = chosen.iter().map(|&i| ys[i]).fold(f64::NEG_INFINITY, f64::max);
    let translate_y = if !top.is_finite() {
        TOOLBAR_ROOM_PX
    } else {
        // Centre the chosen nodes, within the content.
        let mid = (top + bottom) / 2.0 * scale;
        (h / 2.0 - mid).min(TOOLBAR_ROOM_PX).max((h - a.height * scale).min(TOOLBAR_ROOM_PX))
    };
    ViewTransform { scale, stretch: 1.0, translate_x, translate_y, rotated: false }
}

/// The argument layout's pans stay within its content.
pub fn clamp_argument_pan(t: ViewTransform, a: &ArgumentPlacement, w: f64, h: f64) -> ViewTransform {
    let min_x = (w - a.width * t.scale).min(0.0);
    let min_y = (h - a.height * t.scale).min(TOOLBAR_ROOM_PX);
    let max_x = ((w - a.width * t.scale) / 2.0).max(0.0);
    ViewTransform {
        translate_x: t.translate_x.max(min_x).min(max_x),
        translate_y: t.translate_y.max(min_y).min(TOOLBAR_ROOM_PX),
        ..t
    }
}

/// The shared handle the view's closures hold (wasm is single-threaded; leptos asks views to
/// be `Send`, hence the wrapper).
#[derive(Clone)]
pub struct Graph(SendWrapper<Rc<RefCell<GraphRuntime>>>);

impl Graph {
    pub fn new(scene: Arc<Scene>, lang: Lang) -> Graph {
        Graph(SendWrapper::new(Rc::new(RefCell::new(GraphRuntime::new(scene, lang)))))
    }

    pub fn borrow_mut(&self) -> RefMut<'_, GraphRuntime> {
        self.0.borrow_mut()
    }

    pub fn with<R>(&self, f: impl FnOnce(&GraphRuntime) -> R) -> R {
        f(&self.0.borrow())
    }

    /// Fits the view (to `nodes`, or everything), smoothly when `animate`.
    pub fn fit(&self, nodes: Option<&[usize]>, animate: bool) {
        let target = self.with(|rt| rt.fitted(nodes));
        if let Some(to) = target {
            {
                let mut rt = self.borrow_mut();
                rt.auto_fit = nodes.is_none();
                rt.last.names_last = None;
                rt.move_camera(to, animate);
            }
            self.run();
        }
    }

    /// Runs the frame loop while the layout or the camera moves (one frame when nothing does).
    pub fn run(&self) {
        let frames = self.with(|rt| rt.frames.clone());
        let graph = self.clone();
        self.borrow_mut().redraw();
        frames.start(move |now| graph.borrow_mut().step(now));
    }

    /// Brings `nodes` (a node, or a link's two ends) into view, keeping the zoom, when any of
    /// them lies outside it (or under the toolbar): moved as little as brings them in, else
    /// centred on their middle. A node clicked near the view's edge is in view and stays put:
    /// the view centred on it moved every node by up to half the view, and the author's next
    /// click, on the link's other end, landed on the toolbar (trial 18).
    pub fn reveal(&self, nodes: &[usize]) {
        let target = self.with(|rt| {
            let (w, h) = rt.viewport;
            let (xs, ys) = rt.places();
            let (px, py): (Vec<f64>, Vec<f64>) = nodes.iter().filter_map(|&i| Some((*xs.get(i)?, *ys.get(i)?))).unzip();
            if w <= 0.0 || px.is_empty() || px.len() != nodes.len() {
                return None;
            }
            let least = rt
                .camera
                .brought_to_show((&px, &py), rt.viewport, rt.node_margin(), &rt.toolbar_keep_out(rt.camera.scale))
                .filter(|moved| moved.scale == rt.camera.scale);
            let mut t = least.unwrap_or_else(|| {
                let count = px.len() as f64;
                let (x, y) = px.iter().zip(&py).fold((0.0, 0.0), |(sx, sy), (&x, &y)| {
                    let (x, y) = rt.camera.screen_from_world(x, y);
                    (sx + x / count, sy + y / count)
                });
                rt.camera.panned(w / 2.0 - x, h / 2.0 - y)
            });
            if let (GraphLayout::Argument, Some(a)) = (rt.mode, &rt.argument) {
                t = clamp_argument_pan(t, a, w, h);
            }
            (t != rt.camera).then_some(t)
        });
        if let Some(to) = target {
            self.borrow_mut().move_camera(to, true);
            self.run();
        }
    }

    /// Sets the emphasis of every node and link (`steady`: the nodes' without the hover, which
    /// the labels are placed for) and repaints.
    pub fn set_highlight(
        &self,
        highlight: Highlight,
        steady: Vec<Emphasis>,
        hovered: Option<usize>,
        selected: Option<usize>,
    ) {
        let mut rt = self.borrow_mut();
        rt.highlight = highlight;
        rt.steady = steady;
        rt.hovered = hovered;
        rt.selected = selected;
        rt.restyle();
    }
}
