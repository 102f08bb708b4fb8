//! Pan and zoom as a plain value with an inverse.
//!
//! Coordinate conventions, written down once: *world* coordinates are the layout's (the force
//! simulation's units, y down); *screen* coordinates are CSS pixels from the top-left corner of
//! the drawing surface. `screen = world * scale + translate`. Nothing here knows about the DOM.

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

/// A uniform scale followed by a translation, mapping world to screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewTransform {
    pub scale: f64,
    pub translate_x: f64,
    pub translate_y: f64,
}

impl Default for ViewTransform {
    fn default() -> ViewTransform {
        ViewTransform::IDENTITY
    }
}

impl ViewTransform {
    pub const IDENTITY: ViewTransform = ViewTransform { scale: 1.0, translate_x: 0.0, translate_y: 0.0 };

    pub fn screen_from_world(&self, x: f64, y: f64) -> (f64, f64) {
        (x * self.scale + self.translate_x, y * self.scale + self.translate_y)
    }

    pub fn world_from_screen(&self, x: f64, y: f64) -> (f64, f64) {
        ((x - self.translate_x) / self.scale, (y - self.translate_y) / self.scale)
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
        let (wx, wy) = self.world_from_screen(x, y);
        ViewTransform { scale, translate_x: x - wx * scale, translate_y: y - wy * scale }
    }

    /// The transform that shows `bounds` centred in a `width`×`height` viewport with `padding`
    /// pixels on every side, never zooming in past `max_scale`.
    pub fn fit(bounds: Bounds, width: f64, height: f64, padding: f64, max_scale: f64) -> ViewTransform {
        let avail_w = (width - 2.0 * padding).max(1.0);
        let avail_h = (height - 2.0 * padding).max(1.0);
        let bw = bounds.width().max(1e-9);
        let bh = bounds.height().max(1e-9);
        // Not `clamp`: its bounds are not constants here, and its check for them brings in float
        // Debug formatting; a NaN ratio also falls to the smallest scale instead of passing on.
        let scale = (avail_w / bw).min(avail_h / bh).max(MIN_SCALE).min(max_scale.max(MIN_SCALE));
        let cx = (bounds.min_x + bounds.max_x) / 2.0;
        let cy = (bounds.min_y + bounds.max_y) / 2.0;
        ViewTransform { scale, translate_x: width / 2.0 - cx * scale, translate_y: height / 2.0 - cy * scale }
    }

    /// Linear interpolation between two transforms, for smooth zoom (`t` in 0..=1).
    pub fn lerp(&self, to: &ViewTransform, t: f64) -> ViewTransform {
        let t = t.clamp(0.0, 1.0);
        ViewTransform {
            scale: self.scale + (to.scale - self.scale) * t,
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
            ViewTransform { scale: 2.5, translate_x: -40.0, translate_y: 13.0 },
            ViewTransform { scale: 0.1, translate_x: 400.0, translate_y: -300.0 },
        ];
        for t in cases {
            for p in [(0.0, 0.0), (12.5, -7.0), (-1000.0, 333.0)] {
                let s = t.screen_from_world(p.0, p.1);
                assert!(close(t.world_from_screen(s.0, s.1), p), "{t:?} {p:?}");
            }
        }
    }

    #[test]
    fn zoom_keeps_the_point_under_the_cursor() {
        let t = ViewTransform { scale: 1.5, translate_x: 20.0, translate_y: 30.0 };
        let before = t.world_from_screen(200.0, 120.0);
        let z = t.zoomed_about(200.0, 120.0, 1.7);
        assert!(close(z.world_from_screen(200.0, 120.0), before));
        assert!((z.scale - 2.55).abs() < 1e-12);
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

    #[test]
    fn fit_puts_bounds_inside_the_viewport() {
        let b = Bounds { min_x: -100.0, min_y: -50.0, max_x: 300.0, max_y: 250.0 };
        let t = ViewTransform::fit(b, 800.0, 600.0, 20.0, 4.0);
        let (x0, y0) = t.screen_from_world(b.min_x, b.min_y);
        let (x1, y1) = t.screen_from_world(b.max_x, b.max_y);
        assert!(x0 >= 19.999 && y0 >= 19.999 && x1 <= 780.001 && y1 <= 580.001, "{x0} {y0} {x1} {y1}");
        // Centred.
        assert!(((x0 + x1) / 2.0 - 400.0).abs() < 1e-9 && ((y0 + y1) / 2.0 - 300.0).abs() < 1e-9);
    }

    #[test]
    fn bounds_skip_non_finite_points_and_grow_by_radius() {
        let b = Bounds::around(&[0.0, f64::NAN, 10.0], &[0.0, 5.0, 20.0], &[1.0, 1.0, 2.0]).unwrap();
        assert_eq!(b, Bounds { min_x: -1.0, min_y: -1.0, max_x: 12.0, max_y: 22.0 });
        assert!(Bounds::around(&[], &[], &[]).is_none());
    }
}
