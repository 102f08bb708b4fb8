//! The canvas renderer for large data sets. Thousands of SVG elements cannot be moved every
//! frame (measured: a 2,000-node drag spent over 100 ms per frame in DOM writes, style and text
//! layout), so above [`CANVAS_NODE_THRESHOLD`] nodes the graph is painted on a canvas instead:
//! the same shapes, dash patterns, highlight and dimming, with labels drawn where they are large
//! enough to read (and always for the selected, focused and highlighted nodes).
//!
//! The canvas is one focusable element; keyboard focus moves between nodes as in the SVG view
//! and is announced in a live region, and the "Read as lists" view gives every node as text.

use atlas_core::number::Fixed;
use atlas_core::scene::{shape_polygon, Scene, LABEL_FONT_PX, LABEL_LINE_PX};
use atlas_core::transform::ViewTransform;
use atlas_core::{Lang, NodeKind, Relation};
use std::collections::BTreeSet;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Above this many nodes the graph is drawn on a canvas (the core's large-graph threshold).
pub const CANVAS_NODE_THRESHOLD: usize = atlas_core::scene::LARGE_GRAPH_NODES;

/// Labels are drawn for every node once they would be at least this many pixels high.
const MIN_READABLE_LABEL_PX: f64 = 9.0;

/// What the painting depends on besides positions: a snapshot of the reactive state.
#[derive(Clone, Debug, Default)]
pub struct PaintState {
    pub transform: ViewTransform,
    pub lit: Option<BTreeSet<usize>>,
    pub selected: Option<usize>,
    pub focused: Option<usize>,
    pub pinned: BTreeSet<usize>,
    pub hidden: BTreeSet<String>,
    pub lang: Option<Lang>,
}

/// Colours read from the page's CSS custom properties, so every theme applies to the canvas.
struct Palette {
    background: String,
    foreground: String,
    link: String,
    focus: String,
    kinds: Vec<(NodeKind, String)>,
}

impl Palette {
    fn read(el: &web_sys::Element) -> Palette {
        let style = web_sys::window().and_then(|w| w.get_computed_style(el).ok().flatten());
        let var = |name: &str, fallback: &str| -> String {
            style
                .as_ref()
                .and_then(|s| s.get_property_value(name).ok())
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| fallback.to_string())
        };
        Palette {
            background: var("--bg", "#ffffff"),
            foreground: var("--fg", "#1a1a1a"),
            link: var("--link", "#6b6b6b"),
            focus: var("--focus", "#b3261e"),
            kinds: NodeKind::ALL.iter().map(|k| (*k, var(&format!("--{}", k.code()), "#777777"))).collect(),
        }
    }

    fn kind(&self, kind: NodeKind) -> &str {
        self.kinds.iter().find(|(k, _)| *k == kind).map(|(_, c)| c.as_str()).unwrap_or("#777777")
    }
}

/// Paints a scene on a canvas element.
pub struct CanvasPainter {
    canvas: web_sys::HtmlCanvasElement,
    context: web_sys::CanvasRenderingContext2d,
    palette: Palette,
    font_family: String,
}

impl CanvasPainter {
    pub fn new(canvas: web_sys::HtmlCanvasElement) -> Option<CanvasPainter> {
        let context = canvas.get_context("2d").ok()??.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()?;
        let palette = Palette::read(&canvas);
        let font_family = web_sys::window()
            .and_then(|w| w.get_computed_style(&canvas).ok().flatten())
            .and_then(|s| s.get_property_value("font-family").ok())
            .filter(|f| !f.trim().is_empty())
            .unwrap_or_else(|| "sans-serif".into());
        Some(CanvasPainter { canvas, context, palette, font_family })
    }

    /// Re-reads the theme's colours (after a theme change).
    pub fn refresh_palette(&mut self) {
        self.palette = Palette::read(&self.canvas);
    }

    /// Matches the backing store to the element's size and the device pixel ratio.
    fn fit_backing_store(&self) -> (f64, f64, f64) {
        let rect = self.canvas.get_bounding_client_rect();
        let ratio = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).clamp(1.0, 3.0);
        let (w, h) = ((rect.width() * ratio).round() as u32, (rect.height() * ratio).round() as u32);
        if self.canvas.width() != w || self.canvas.height() != h {
            self.canvas.set_width(w);
            self.canvas.set_height(h);
        }
        (rect.width(), rect.height(), ratio)
    }

    /// Paints every visible link and node at the given positions. Draw calls are batched: one
    /// stroke per relation and highlight state, one fill per kind and highlight state, so the
    /// cost is a few dozen raster operations whatever the number of nodes.
    pub fn paint(&self, scene: &Scene, xs: &[f64], ys: &[f64], state: &PaintState) {
        let (width, height, ratio) = self.fit_backing_store();
        let ctx = &self.context;
        let t = state.transform;
        let lang = state.lang.unwrap_or(Lang::Zh);
        let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
        ctx.set_global_alpha(1.0);
        ctx.set_fill_style_str(&self.palette.background);
        ctx.fill_rect(0.0, 0.0, width, height);
        let _ =
            ctx.set_transform(ratio * t.scale, 0.0, 0.0, ratio * t.scale, ratio * t.translate_x, ratio * t.translate_y);
        let n = xs.len().min(scene.model.nodes.len());
        let visible: Vec<bool> = (0..n).map(|i| !scene.is_hidden(i, &state.hidden)).collect();
        let is_lit = |i: usize| state.lit.as_ref().is_none_or(|set| set.contains(&i));
        // Dash patterns are the second channel besides colour; below this zoom they would not
        // be visible anyway, and dashed strokes are costly to raster.
        let dashed = t.scale >= 0.5;

        // Links: dimmed first, then highlighted ones on top; one path per relation.
        ctx.set_stroke_style_str(&self.palette.link);
        // Exactly one device pixel: wider strokes under a scaled transform are many times
        // slower to raster in software (measured: 130 ms against 17 ms a frame at 2,000 nodes).
        ctx.set_line_width(1.0 / (t.scale * ratio).max(1e-6) * ratio);
        for pass_lit in [false, true] {
            ctx.set_global_alpha(if pass_lit { 1.0 } else { 0.15 });
            for relation in Relation::ALL {
                let pattern = js_sys::Array::new();
                if dashed {
                    for d in relation.dash_pattern() {
                        pattern.push(&JsValue::from_f64(*d));
                    }
                }
                let _ = ctx.set_line_dash(&pattern);
                ctx.begin_path();
                let mut any = false;
                for (link, &(s, tgt)) in scene.model.links.iter().zip(&scene.link_ends) {
                    if link.relation != relation || s >= n || tgt >= n || !visible[s] || !visible[tgt] || s == tgt {
                        continue;
                    }
                    if (is_lit(s) && is_lit(tgt)) != pass_lit {
                        continue;
                    }
                    ctx.move_to(xs[s], ys[s]);
                    ctx.line_to(xs[tgt], ys[tgt]);
                    any = true;
                }
                if any {
                    ctx.stroke();
                }
            }
        }
        let _ = ctx.set_line_dash(&js_sys::Array::new());

        // Nodes: one path per kind and highlight state.
        for pass_lit in [false, true] {
            ctx.set_global_alpha(if pass_lit { 1.0 } else { 0.2 });
            for kind in NodeKind::ALL {
                let polygon = shape_polygon(kind);
                ctx.begin_path();
                let mut any = false;
                for i in 0..n {
                    if !visible[i] || scene.model.nodes[i].kind != kind || is_lit(i) != pass_lit {
                        continue;
                    }
                    trace_shape(ctx, polygon.as_deref(), xs[i], ys[i], scene.radii[i], false);
                    any = true;
                }
                if any {
                    ctx.set_fill_style_str(self.palette.kind(kind));
                    ctx.fill();
                }
            }
        }
        ctx.set_global_alpha(1.0);

        // Outlines of the selected and focused nodes (focus colour) and of pinned ones.
        for (nodes, colour, width) in [
            (state.pinned.iter().copied().collect::<Vec<usize>>(), &self.palette.foreground, 1.5),
            ([state.selected, state.focused].into_iter().flatten().collect::<Vec<usize>>(), &self.palette.focus, 3.0),
        ] {
            ctx.begin_path();
            for &i in nodes.iter().filter(|&&i| i < n && visible[i]) {
                trace_shape(
                    ctx,
                    shape_polygon(scene.model.nodes[i].kind).as_deref(),
                    xs[i],
                    ys[i],
                    scene.radii[i],
                    true,
                );
            }
            ctx.set_stroke_style_str(colour);
            ctx.set_line_width(width / t.scale.max(0.2));
            ctx.stroke();
        }

        // Labels: all of them once readable, else only those that matter now.
        let readable = t.scale * LABEL_FONT_PX >= MIN_READABLE_LABEL_PX;
        ctx.set_font(&format!("{:.0}px {}", Fixed(LABEL_FONT_PX), self.font_family));
        ctx.set_text_align("center");
        ctx.set_line_width(3.0);
        ctx.set_stroke_style_str(&self.palette.background);
        ctx.set_fill_style_str(&self.palette.foreground);
        for i in 0..n {
            if !visible[i] {
                continue;
            }
            let emphasised = state.selected == Some(i) || state.focused == Some(i);
            let wanted = emphasised
                || (readable && is_lit(i))
                || (state.lit.is_some() && is_lit(i) && state.lit.as_ref().is_some_and(|l| l.len() <= 60));
            if !wanted {
                continue;
            }
            let label = scene.label(i, lang);
            let top = ys[i] + scene.radii[i] + 4.0 + LABEL_LINE_PX * 0.8;
            for (k, line) in label.lines.iter().enumerate() {
                let y = top + k as f64 * LABEL_LINE_PX;
                let _ = ctx.stroke_text(line, xs[i], y);
                let _ = ctx.fill_text(line, xs[i], y);
            }
        }
    }
}

/// Adds one node's shape to the current path. `close` closes a polygon, which only a stroke
/// needs: a fill closes every subpath itself, and closing thousands of them explicitly cost
/// about 2 ms a frame at 2,000 nodes (measured while dragging). (Handing each batch over as
/// SVG path data in one `Path2D` instead of a call per point was measured slower still.)
fn trace_shape(
    ctx: &web_sys::CanvasRenderingContext2d,
    polygon: Option<&[(f64, f64)]>,
    x: f64,
    y: f64,
    r: f64,
    close: bool,
) {
    match polygon {
        None => {
            ctx.move_to(x + r, y);
            let _ = ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
        }
        Some(points) => {
            for (k, (px, py)) in points.iter().enumerate() {
                if k == 0 {
                    ctx.move_to(x + px * r, y + py * r);
                } else {
                    ctx.line_to(x + px * r, y + py * r);
                }
            }
            if close {
                ctx.close_path();
            }
        }
    }
}

/// The visible node whose shape is under the world point, if any (the nearest within its
/// radius plus a small margin for touch).
pub fn node_at(
    scene: &Scene,
    xs: &[f64],
    ys: &[f64],
    hidden: &BTreeSet<String>,
    x: f64,
    y: f64,
    margin: f64,
) -> Option<usize> {
    (0..xs.len().min(scene.model.nodes.len()))
        .filter(|&i| !scene.is_hidden(i, hidden))
        .map(|i| (i, ((xs[i] - x).powi(2) + (ys[i] - y).powi(2)).sqrt()))
        .filter(|&(i, d)| d <= scene.radii[i] * 1.3 + margin)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}
