//! Pan and zoom as a plain value with an inverse.
//!
//! Coordinate conventions, written down once: *world* coordinates are the layout's (the force
//! simulation's units, y down); *screen* coordinates are CSS pixels from the top-left corner of
//! the drawing surface. `screen_x = world_x * scale * stretch + translate_x` and
//! `screen_y = world_y * scale + translate_y`: `stretch` (near 1) widens the picture a little to
//! fill a view wider than the layout, which only moves nodes apart, since shapes and labels are
//! drawn at screen size. A `rotated` view turns the layout a quarter turn first (world `(x, y)`
//! is drawn as `(-y, x)`), so a wide layout fills a tall view (a phone). Nothing here knows
//! about the DOM.

/// An axis-aligned rectangle in world coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min_x: f64,
    pub min_y: f64,
    pub max_x: f64,
    pub max_y: f64,
}

impl Bounds {
    /// The smallest rectangle around the points, each grown by its radius. `None` for no points
    /// or when no coordinate is finite.
    pub fn around(xs: &[f64], ys: &[f64], radii: &[f64]) -> Option<Bounds> {
        let mut bounds: Option<Bounds> = None;
        for i in 0..xs.len().min(ys.len()) {
            let (x, y) = (xs[i], ys[i]);
            if !x.is_finite() || !y.is_finite() {
                continue;
            }
            let r = radii.get(i).copied().filter(|r| r.is_finite()).unwrap_or(0.0).max(0.0);
            let b = bounds.get_or_insert(Bounds { min_x: x - r, min_y: y - r, max_x: x + r, max_y: y + r });
            b.min_x = b.min_x.min(x - r);
            b.min_y = b.min_y.min(y - r);
            b.max_x = b.max_x.max(x + r);
            b.max_y = b.max_y.max(y + r);
        }
        bounds
    }
    pub fn width(&self) -> f64 {
        self.max_x - self.min_x
    }
    pub fn height(&self) -> f64 {
        self.max_y - self.min_y
    }
}

/// The zoom limits of the graph view.
pub const MIN_SCALE: f64 = 0.05;
pub const MAX_SCALE: f64 = 8.0;
/// The most a fit stretches the picture sideways (or squeezes it) to fill the view's shape.
pub const MAX_STRETCH: f64 = 1.35;

/// A scale (times a sideways stretch) followed by a translation, mapping world to screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewTransform {
    pub scale: f64,
    pub stretch: f64,
    pub translate_x: f64,
    pub translate_y: f64,
    /// A quarter turn before scaling (a wide layout in a tall view).
    pub rotated: bool,
}

impl Default for ViewTransform {
    fn default() -> ViewTransform {
        ViewTransform::IDENTITY
    }
}

impl ViewTransform {
    pub const IDENTITY: ViewTransform =
        ViewTransform { scale: 1.0, stretch: 1.0, translate_x: 0.0, translate_y: 0.0, rotated: false };

    /// The world point as drawn before scaling: turned a quarter when `rotated`.
    fn turned(&self, x: f64, y: f64) -> (f64, f64) {
        if self.rotated {
            (-y, x)
        } else {
            (x, y)
        }
    }

    pub fn screen_from_world(&self, x: f64, y: f64) -> (f64, f64) {
        let (x, y) = self.turned(x, y);
        (x * self.scale * self.stretch + self.translate_x, y * self.scale + self.translate_y)
    }

    /// The turned (not yet scaled) point under screen point `(x, y)`.
    fn turned_from_screen(&self, x: f64, y: f64) -> (f64, f64) {
        ((x - self.translate_x) / (self.scale * self.stretch), (y - self.translate_y) / self.scale)
    }

    pub fn world_from_screen(&self, x: f64, y: f64) -> (f64, f64) {
        let (u, v) = self.turned_from_screen(x, y);
        if self.rotated {
            (v, -u)
        } else {
            (u, v)
        }
    }

    /// Whether every point (`xs`, `ys`, world units) is drawn inside a `width`×`height` view,
    /// `margin` (across, down) in from its edges, and outside every `blocked` part of it: a
    /// view that still shows a map after an edit is kept, not fitted anew (every node would
    /// move on screen, and the author would look for it again).
    pub fn shows_all(
        &self,
        (xs, ys): (&[f64], &[f64]),
        (width, height): (f64, f64),
        margin: (f64, f64),
        blocked: &[crate::placement::Rect],
    ) -> bool {
        xs.iter().zip(ys).all(|(&x, &y)| {
            let (sx, sy) = self.screen_from_world(x, y);
            sx >= margin.0
                && sx <= width - margin.0
                && sy >= margin.1
                && sy <= height - margin.1
                && !blocked.iter().any(|r| r.contains(sx, sy))
        })
    }

    /// The least change of this view that shows every point as [`Self::shows_all`] asks: itself
    /// if it does; else moved (and zoomed out about the view's centre, as little as needed, where
    /// moving cannot do it), then moved down past what covers the view. An edit that took a
    /// node out of a kept view moved every node on screen when the view was fitted anew, by up to
    /// 524 px (trial 17); moved, they all move by the same few pixels. `None` when no such change
    /// shows them all (the caller fits the view anew).
    pub fn brought_to_show(
        &self,
        (xs, ys): (&[f64], &[f64]),
        (width, height): (f64, f64),
        margin: (f64, f64),
        blocked: &[crate::placement::Rect],
    ) -> Option<ViewTransform> {
        if self.shows_all((xs, ys), (width, height), margin, blocked) {
            return Some(*self);
        }
        let (room_w, room_h) = (width - 2.0 * margin.0, height - 2.0 * margin.1);
        if room_w <= 0.0 || room_h <= 0.0 {
            return None;
        }
        let extent = |t: &ViewTransform| {
            xs.iter().zip(ys).map(|(&x, &y)| t.screen_from_world(x, y)).fold(
                (f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::NEG_INFINITY),
                |(x0, x1, y0, y1), (x, y)| (x0.min(x), x1.max(x), y0.min(y), y1.max(y)),
            )
        };
        let (x0, x1, y0, y1) = extent(self);
        // A hair under the exact ratio: the edge points then land inside the margins, not on them.
        let fits = (room_w / (x1 - x0)).min(room_h / (y1 - y0));
        let mut view = if fits < 1.0 { self.zoomed_about(width / 2.0, height / 2.0, fits * 0.999) } else { *self };
        let (x0, x1, y0, y1) = extent(&view);
        let into = |low: f64, high: f64, from: f64, to: f64| {
            if low < from {
                from - low
            } else if high > to {
                to - high
            } else {
                0.0
            }
        };
        view = view.panned(into(x0, x1, margin.0, width - margin.0), into(y0, y1, margin.1, height - margin.1));
        // Points under what covers the view (the toolbar, at its top) go below it, if there is
        // room under the lowest point.
        let under = xs
            .iter()
            .zip(ys)
            .map(|(&x, &y)| view.screen_from_world(x, y))
            .flat_map(|(x, y)| blocked.iter().filter(move |r| r.contains(x, y)).map(move |r| r.y + r.height + 1.0 - y))
            .fold(0.0, f64::max);
        if under > 0.0 {
            view = view.panned(0.0, under);
        }
        view.shows_all((xs, ys), (width, height), margin, blocked).then_some(view)
    }

    /// Moves the view by a screen-space offset.
    pub fn panned(&self, dx: f64, dy: f64) -> ViewTransform {
        if !dx.is_finite() || !dy.is_finite() {
            return *self;
        }
        ViewTransform { translate_x: self.translate_x + dx, translate_y: self.translate_y + dy, ..*self }
    }

    /// Zooms by `factor` keeping the world point under screen point (`x`, `y`) still. The scale
    /// is clamped to [`MIN_SCALE`, `MAX_SCALE`]; a non-finite or non-positive factor is ignored.
    pub fn zoomed_about(&self, x: f64, y: f64, factor: f64) -> ViewTransform {
        if !factor.is_finite() || factor <= 0.0 || !x.is_finite() || !y.is_finite() {
            return *self;
        }
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let (u, v) = self.turned_from_screen(x, y);
        ViewTransform { scale, translate_x: x - u * scale * self.stretch, translate_y: y - v * scale, ..*self }
    }

    /// The transform that shows `bounds` centred in a `width`×`height` viewport with `padding`
    /// pixels on every side, never zooming in past `max_scale`, stretched sideways by up to
    /// `max_stretch` (at least 1: no stretch) to fill a view whose shape differs from the
    /// layout's.
    pub fn fit(
        bounds: Bounds,
        width: f64,
        height: f64,
        padding: f64,
        max_scale: f64,
        max_stretch: f64,
    ) -> ViewTransform {
        let avail_w = (width - 2.0 * padding).max(1.0);
        let avail_h = (height - 2.0 * padding).max(1.0);
        let bw = bounds.width().max(1e-9);
        let bh = bounds.height().max(1e-9);
        let (sx, sy) = (avail_w / bw, avail_h / bh);
        let limit = max_stretch.max(1.0);
        // A view wider than the layout: the height decides the scale and the stretch widens;
        // a taller one: the width decides, squeezed by up to the same factor.
        let (scale, stretch) = if sx >= sy { (sy, (sx / sy).min(limit)) } else { (sy.min(sx * limit), 1.0) };
        // Not `clamp`: its bounds are not constants here, and its check for them brings in float
        // Debug formatting; a NaN ratio also falls to the smallest scale instead of passing on.
        let scale = scale.max(MIN_SCALE).min(max_scale.max(MIN_SCALE));
        let stretch = if sx >= sy { stretch } else { (sx / scale).max(1.0 / limit).min(1.0) };
        let stretch = if stretch.is_finite() && stretch > 0.0 { stretch } else { 1.0 };
        let cx = (bounds.min_x + bounds.max_x) / 2.0;
        let cy = (bounds.min_y + bounds.max_y) / 2.0;
        ViewTransform {
            scale,
            stretch,
            translate_x: width / 2.0 - cx * scale * stretch,
            translate_y: height / 2.0 - cy * scale,
            rotated: false,
        }
    }

    /// [`ViewTransform::fit`] of the points `xs`, `ys`, turned a quarter first when the view is
    /// much taller than wide and the points much wider than tall, so they fill a phone's view.
    pub fn fit_points(
        xs: &[f64],
        ys: &[f64],
        width: f64,
        height: f64,
        padding: f64,
        max_scale: f64,
        max_stretch: f64,
    ) -> Option<ViewTransform> {
        let bounds = Bounds::around(xs, ys, &[])?;
        let turn = height > 1.25 * width && bounds.width() > 1.25 * bounds.height();
        if !turn {
            return Some(ViewTransform::fit(bounds, width, height, padding, max_scale, max_stretch));
        }
        let turned = Bounds { min_x: -bounds.max_y, max_x: -bounds.min_y, min_y: bounds.min_x, max_y: bounds.max_x };
        Some(ViewTransform {
            rotated: true,
            ..ViewTransform::fit(turned, width, height, padding, max_scale, max_stretch)
        })
    }

    /// Linear interpolation between two transforms, for smooth zoom (`t` in 0..=1).
    pub fn lerp(&self, to: &ViewTransform, t: f64) -> ViewTransform {
        let t = t.clamp(0.0, 1.0);
        ViewTransform {
            scale: self.scale + (to.scale - self.scale) * t,
            stretch: self.stretch + (to.stretch - self.stretch) * t,
            // A turn cannot be halved: the move lands in the target's orientation.
            rotated: to.rotated,
            translate_x: self.translate_x + (to.translate_x - self.translate_x) * t,
            translate_y: self.translate_y + (to.translate_y - self.translate_y) * t,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
    }

    #[test]
    fn screen_and_world_are_inverse() {
        let cases = [
            ViewTransform::IDENTITY,
            ViewTransform { scale: 2.5, stretch: 1.0, translate_x: -40.0, translate_y: 13.0, rotated: false },
            ViewTransform { scale: 0.1, stretch: 1.3, translate_x: 400.0, translate_y: -300.0, rotated: false },
            ViewTransform { scale: 0.7, stretch: 1.1, translate_x: 20.0, translate_y: 30.0, rotated: true },
        ];
        for t in cases {
            for p in [(0.0, 0.0), (12.5, -7.0), (-1000.0, 333.0)] {
                let s = t.screen_from_world(p.0, p.1);
                assert!(close(t.world_from_screen(s.0, s.1), p), "{t:?} {p:?}");
            }
        }
    }

    #[test]
    fn a_view_shows_all_only_with_every_point_inside_its_margins_and_clear_of_what_covers_it() {
        use crate::placement::Rect;
        // Scale 2, moved 10 right: world x 0..100 is drawn at 10..210 in a 300×200 view.
        let t = ViewTransform { scale: 2.0, stretch: 1.0, translate_x: 10.0, translate_y: 0.0, rotated: false };
        let view = (300.0, 200.0);
        let toolbar = [Rect::new(0.0, 0.0, 120.0, 30.0)];
        // Points' xs and ys, the margin, what covers the view, whether it shows them all.
        type Case<'a> = (&'a [f64], &'a [f64], (f64, f64), &'a [Rect], bool);
        let cases: [Case; 6] = [
            (&[0.0, 100.0], &[20.0, 80.0], (5.0, 5.0), &[], true),
            // x 100 drawn at 210: within a 90 px margin of the right edge, not a 100 px one.
            (&[0.0, 100.0], &[20.0, 80.0], (90.0, 5.0), &[], false),
            (&[0.0, 145.0], &[20.0, 80.0], (0.0, 0.0), &[], true),
            // Past the right edge (x 300).
            (&[0.0, 146.0], &[20.0, 80.0], (0.0, 0.0), &[], false),
            // (10, 10) drawn at (30, 20), under the toolbar; (60, 10) at (130, 20), beside it.
            (&[10.0], &[10.0], (0.0, 0.0), &toolbar, false),
            (&[60.0], &[10.0], (0.0, 0.0), &toolbar, true),
        ];
        for (xs, ys, margin, blocked, expect) in cases {
            assert_eq!(t.shows_all((xs, ys), view, margin, blocked), expect, "{xs:?} {ys:?} {margin:?} {blocked:?}");
        }
    }

    #[test]
    fn a_view_is_moved_as_little_as_shows_every_point() {
        use crate::placement::Rect;
        // Scale 2, moved 10 right: world x 0..100 is drawn at 10..210 in a 300×200 view.
        let t = ViewTransform { scale: 2.0, stretch: 1.0, translate_x: 10.0, translate_y: 0.0, rotated: false };
        let view = (300.0, 200.0);
        let toolbar = [Rect::new(0.0, 0.0, 120.0, 30.0)];
        // Points' xs and ys, the margin, what covers the view; the move and the scale after.
        type Case<'a> = (&'a [f64], &'a [f64], (f64, f64), &'a [Rect], Option<(f64, f64, f64)>);
        let cases: [Case; 7] = [
            // Shown: kept as it is.
            (&[0.0, 100.0], &[20.0, 80.0], (5.0, 5.0), &[], Some((10.0, 0.0, 2.0))),
            // x 145 drawn at 300, 5 px past the margin: moved 5 px left, nothing else.
            (&[0.0, 145.0], &[20.0, 80.0], (5.0, 5.0), &[], Some((5.0, 0.0, 2.0))),
            // y -5 drawn at -10: moved 20 px down, to the 10 px margin.
            (&[0.0, 100.0], &[-5.0, 80.0], (5.0, 10.0), &[], Some((10.0, 20.0, 2.0))),
            // Under the toolbar at (30, 20): moved down to 1 px under it.
            (&[10.0, 60.0], &[10.0, 60.0], (0.0, 0.0), &toolbar, Some((10.0, 11.0, 2.0))),
            // 200 world units across at scale 2 cannot fit 280 px: zoomed out to 280/400 of it.
            (&[0.0, 200.0], &[20.0, 80.0], (10.0, 5.0), &[], Some((f64::NAN, f64::NAN, 2.0 * 0.7 * 0.999))),
            // No room between the margins, or no room under the toolbar: none.
            (&[0.0], &[0.0], (150.0, 5.0), &[], None),
            (&[10.0, 60.0], &[10.0, 99.0], (0.0, 0.0), &toolbar, None),
        ];
        for (xs, ys, margin, blocked, expect) in cases {
            let got = t.brought_to_show((xs, ys), view, margin, blocked);
            let why = format!("{xs:?} {ys:?} {margin:?} {blocked:?}: {got:?}");
            match (got, expect) {
                (None, None) => {}
                (Some(got), Some((dx, dy, scale))) => {
                    assert!((got.scale - scale).abs() < 1e-9, "{why}");
                    assert!(got.shows_all((xs, ys), view, margin, blocked), "{why}");
                    if !dx.is_nan() {
                        assert!(close((got.translate_x, got.translate_y), (dx, dy)), "{why}");
                    }
                }
                _ => panic!("{why}"),
            }
        }
    }

    #[test]
    fn zoom_keeps_the_point_under_the_cursor() {
        for rotated in [false, true] {
            let t = ViewTransform { scale: 1.5, stretch: 1.2, translate_x: 20.0, translate_y: 30.0, rotated };
            let before = t.world_from_screen(200.0, 120.0);
            let z = t.zoomed_about(200.0, 120.0, 1.7);
            assert!(close(z.world_from_screen(200.0, 120.0), before));
            assert!((z.scale - 2.55).abs() < 1e-12);
            assert_eq!((z.stretch, z.rotated), (1.2, rotated));
        }
    }

    #[test]
    fn zoom_is_clamped_and_ignores_bad_factors() {
        let t = ViewTransform::IDENTITY;
        assert_eq!(t.zoomed_about(0.0, 0.0, 1e9).scale, MAX_SCALE);
        assert_eq!(t.zoomed_about(0.0, 0.0, 1e-9).scale, MIN_SCALE);
        assert_eq!(t.zoomed_about(0.0, 0.0, f64::NAN), t);
        assert_eq!(t.zoomed_about(0.0, 0.0, -2.0), t);
        assert_eq!(t.panned(f64::INFINITY, 0.0), t);
    }

    /// The screen rectangle `(x0, y0, x1, y1)` `t` maps `b` to.
    fn on_screen(t: &ViewTransform, b: &Bounds) -> (f64, f64, f64, f64) {
        let (x0, y0) = t.screen_from_world(b.min_x, b.min_y);
        let (x1, y1) = t.screen_from_world(b.max_x, b.max_y);
        (x0, y0, x1, y1)
    }

    #[test]
    fn fit_puts_bounds_inside_the_viewport_centred() {
        // (bounds, viewport, max stretch, how much of the width and height it should fill)
        let square = Bounds { min_x: -100.0, min_y: -50.0, max_x: 300.0, max_y: 350.0 };
        let wide = Bounds { min_x: 0.0, min_y: 0.0, max_x: 1100.0, max_y: 700.0 };
        let check = |b: Bounds, w: f64, h: f64, max_stretch: f64, fills: (bool, bool), stretch: f64| {
            let t = ViewTransform::fit(b, w, h, 20.0, 4.0, max_stretch);
            let (x0, y0, x1, y1) = on_screen(&t, &b);
            assert!(x0 >= 19.999 && y0 >= 19.999 && x1 <= w - 19.999 && y1 <= h - 19.999, "{x0} {y0} {x1} {y1}");
            assert!(((x0 + x1) / 2.0 - w / 2.0).abs() < 1e-9 && ((y0 + y1) / 2.0 - h / 2.0).abs() < 1e-9);
            assert_eq!((x1 - x0 > w - 41.0, y1 - y0 > h - 41.0), fills, "fills {x0}..{x1} × {y0}..{y1}");
            assert!((t.stretch - stretch).abs() < 1e-9, "stretch {}", t.stretch);
        };
        // No stretch allowed: a square in a wide view fills only the height.
        check(square, 800.0, 400.0, 1.0, (false, true), 1.0);
        // Stretch allowed: a 1.57:1 layout fills a 1.88:1 view both ways, stretched 1.2.
        check(wide, 1020.0, 560.0, 1.35, (true, true), (980.0 / 1100.0) / (520.0 / 700.0));
        // Too different for the stretch: the stretch is at its limit and the height fills.
        check(wide, 1020.0, 390.0, 1.35, (false, true), 1.35);
        check(square, 1600.0, 400.0, 1.35, (false, true), 1.35);
        // A view taller than the layout: squeezed sideways (by at most the limit), filling the width.
        check(wide, 500.0, 600.0, 1.35, (true, false), 1.0 / 1.35);
    }

    #[test]
    fn a_wide_layout_turns_a_quarter_to_fill_a_tall_view() {
        let (xs, ys) = ([0.0, 300.0, 150.0], [0.0, 0.0, 100.0]);
        let tall = ViewTransform::fit_points(&xs, &ys, 390.0, 700.0, 10.0, 4.0, 1.35).unwrap();
        assert!(tall.rotated);
        let on_screen: Vec<(f64, f64)> = (0..3).map(|i| tall.screen_from_world(xs[i], ys[i])).collect();
        for (x, y) in &on_screen {
            assert!(*x >= 9.99 && *x <= 380.01 && *y >= 9.99 && *y <= 690.01, "({x}, {y})");
        }
        // The layout's long side now runs down the view.
        assert!((on_screen[1].1 - on_screen[0].1).abs() > 600.0);
        // A wide view keeps the layout as it is.
        assert!(!ViewTransform::fit_points(&xs, &ys, 700.0, 390.0, 10.0, 4.0, 1.35).unwrap().rotated);
    }

    #[test]
    fn bounds_skip_non_finite_points_and_grow_by_radius() {
        let b = Bounds::around(&[0.0, f64::NAN, 10.0], &[0.0, 5.0, 20.0], &[1.0, 1.0, 2.0]).unwrap();
        assert_eq!(b, Bounds { min_x: -1.0, min_y: -1.0, max_x: 12.0, max_y: 22.0 });
        assert!(Bounds::around(&[], &[], &[]).is_none());
    }
}
