//! The canvas painter for large data sets. Thousands of SVG elements cannot be moved every
//! frame (measured: a 2,000-node drag spent over 100 ms per frame in DOM writes, style and text
//! layout), so above the core's large-graph threshold the graph is painted on a canvas instead:
//! the same frame (`atlas_core::frame`): shapes, links rim to rim with arrowheads, dash
//! patterns, highlight and dimming, and the labels the frame placed.
//!
//! The canvas is one focusable element; keyboard focus moves between nodes as in the SVG view
//! and is announced in a live region, and the "Read as lists" view gives every node as text.

use super::runtime::GraphRuntime;
use atlas_core::drawing::{link_segment, shape_polygon, Emphasis};
use atlas_core::frame::LINE_HEIGHT_EM;
use atlas_core::number::Fixed;
use atlas_core::placement::Align;
use atlas_core::{NodeKind, Relation};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Colours read from the page's CSS custom properties, so every theme applies to the canvas.
struct Palette {
    background: String,
    foreground: String,
    /// A dimmed node's name, where it is drawn (the editor's graph), as the SVG draws it.
    muted: String,
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
            muted: var("--muted", "#555555"),
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

    /// Paints the runtime's last frame. Draw calls are batched: one stroke per relation and
    /// highlight state, one fill per kind and highlight state, so the cost is a few dozen raster
    /// operations whatever the number of nodes.
    pub fn paint(&self, rt: &GraphRuntime) {
        let (width, height, ratio) = self.fit_backing_store();
        let ctx = &self.context;
        let f = &rt.last;
        let scene = &rt.scene;
        let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
        ctx.set_global_alpha(1.0);
        ctx.set_fill_style_str(&self.palette.background);
        ctx.fill_rect(0.0, 0.0, width, height);
        let n = f.xs.len();
        let visible = |i: usize| rt.visible.get(i).copied().unwrap_or(true);
        let dim = |i: usize| rt.highlight.nodes.get(i).is_some_and(|e| *e == Emphasis::Dim);
        // Dash patterns and arrowheads are the second channel besides colour; on a crowded
        // overview they would not be seen anyway, and they are costly to raster.
        let detailed = rt.camera.scale >= 0.5;
        ctx.set_stroke_style_str(&self.palette.link);
        ctx.set_fill_style_str(&self.palette.link);
        ctx.set_line_width(1.0);
        for pass_lit in [false, true] {
            ctx.set_global_alpha(if pass_lit { 1.0 } else { 0.15 });
            for relation in Relation::ALL {
                let pattern = js_sys::Array::new();
                if detailed {
                    for d in relation.dash_pattern() {
                        pattern.push(&JsValue::from_f64(*d));
                    }
                }
                let _ = ctx.set_line_dash(&pattern);
                ctx.begin_path();
                let mut heads: Vec<(f64, f64, f64, f64)> = Vec::new();
                for (k, (link, &(s, t))) in scene.model.links.iter().zip(&scene.link_ends).enumerate() {
                    if link.relation != relation || s >= n || t >= n || !visible(s) || !visible(t) || s == t {
                        continue;
                    }
                    let lit = rt.highlight.links.get(k).is_none_or(|e| *e != Emphasis::Dim);
                    if lit != pass_lit {
                        continue;
                    }
                    let (x1, y1, x2, y2) = link_segment(f.xs[s], f.ys[s], f.xs[t], f.ys[t], f.radii[s], f.radii[t]);
                    ctx.move_to(x1, y1);
                    ctx.line_to(x2, y2);
                    heads.push((x1, y1, x2, y2));
                }
                ctx.stroke();
                if detailed {
                    let _ = ctx.set_line_dash(&js_sys::Array::new());
                    ctx.begin_path();
                    for (x1, y1, x2, y2) in heads {
                        arrowhead(ctx, x1, y1, x2, y2);
                    }
                    ctx.fill();
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
                    if !visible(i) || scene.model.nodes[i].kind != kind || dim(i) == pass_lit {
                        continue;
                    }
                    trace_shape(ctx, polygon.as_deref(), f.xs[i], f.ys[i], f.radii[i], false);
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
            (rt.pinned.iter().copied().collect::<Vec<usize>>(), &self.palette.foreground, 1.5),
            (
                [rt.selected, Some(rt.focus_node)].into_iter().flatten().collect::<Vec<usize>>(),
                &self.palette.focus,
                3.0,
            ),
        ] {
            ctx.begin_path();
            for &i in nodes.iter().filter(|&&i| i < n && visible(i)) {
                let polygon = shape_polygon(scene.model.nodes[i].kind);
                trace_shape(ctx, polygon.as_deref(), f.xs[i], f.ys[i], f.radii[i], true);
            }
            ctx.set_stroke_style_str(colour);
            ctx.set_line_width(width);
            ctx.stroke();
        }

        // Labels where the frame placed them.
        let line = f.label_px * LINE_HEIGHT_EM;
        ctx.set_font(&format!("{:.0}px {}", Fixed(f.label_px), self.font_family));
        ctx.set_line_width(3.0);
        ctx.set_stroke_style_str(&self.palette.background);
        for (i, place) in f.labels.iter().enumerate() {
            let Some(place) = place else { continue };
            let (align, x) = match place.anchor.align() {
                Align::Start => ("left", place.rect.x),
                Align::End => ("right", place.rect.right()),
                Align::Middle => ("center", place.rect.x + place.rect.width / 2.0),
            };
            ctx.set_text_align(align);
            // A dimmed node named (for an author) reads as out of focus, as in the SVG.
            ctx.set_fill_style_str(if dim(i) { &self.palette.muted } else { &self.palette.foreground });
            for (k, text) in scene.label(i, rt.lang).lines.iter().enumerate() {
                let y = place.rect.y + line * (k as f64 + 0.76);
                let _ = ctx.stroke_text(text, x, y);
                let _ = ctx.fill_text(text, x, y);
            }
        }
    }
}

/// Adds an arrowhead at the end of the segment to the current path.
fn arrowhead(ctx: &web_sys::CanvasRenderingContext2d, x1: f64, y1: f64, x2: f64, y2: f64) {
    let (dx, dy) = (x2 - x1, y2 - y1);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 8.0 {
        return;
    }
    let (ux, uy) = (dx / len, dy / len);
    let (size, half) = (7.0, 3.5);
    ctx.move_to(x2, y2);
    ctx.line_to(x2 - ux * size - uy * half, y2 - uy * size + ux * half);
    ctx.line_to(x2 - ux * size + uy * half, y2 - uy * size - ux * half);
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
