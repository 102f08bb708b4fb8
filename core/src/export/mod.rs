//! A standalone SVG of the graph as it is shown: every visible node (shape per kind, its name as
//! a tooltip, its label where there is room for it), every visible link (dash pattern per
//! relation, arrowheads; the data set's readings drawn fainter), a title and a legend. The
//! styles are embedded, so the file looks the same wherever it is opened, and text is escaped,
//! so data-set strings stay text. Labels are placed as on screen ([`crate::placement`]), so no
//! two overlap.

pub mod timeline;

use crate::drawing::{link_segment, shape_path};
use crate::frame::LINE_HEIGHT_EM;
use crate::label::LABEL_FONT_PX;
use crate::model::{Lang, LinkBasis, NodeKind, Relation};
use crate::number::Fixed;
use crate::placement::{place_labels, Align, LabelRequest, Rect, NODE_ANCHORS};
use crate::scene::Scene;
use crate::transform::Bounds;
use std::fmt::Write;

const TITLE_HEIGHT_PX: f64 = 56.0;
const LEGEND_ROW_PX: f64 = 24.0;

/// How a graph is exported: its width (the file's, in pixels), the most height the file may
/// take (title and legend included: a printed page's), the labels' size, and whether to add
/// the title and the legend. A tall, narrow box
/// (a printed page) turns a wide layout a quarter when that draws it larger.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GraphExport {
    pub width: f64,
    pub max_height: f64,
    pub label_px: f64,
    pub title: bool,
    pub legend: bool,
}

impl Default for GraphExport {
    /// A file for the screen: 1600 px wide, as tall as the layout's shape makes it.
    fn default() -> GraphExport {
        GraphExport { width: 1600.0, max_height: f64::INFINITY, label_px: LABEL_FONT_PX, title: true, legend: true }
    }
}

/// An exported drawing and its size in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportedSvg {
    pub text: String,
    pub width: f64,
    pub height: f64,
}

/// Escapes text for SVG/XML content and attribute values.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow are dropped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// The fill of each kind (the stylesheet's light-theme colours; `tests/style_sync.rs` keeps
/// them equal).
pub fn kind_colour(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Threat => "#b84700",
        NodeKind::Response => "#00785a",
        NodeKind::Actor => "#0065a0",
        NodeKind::Document => "#a8457f",
        NodeKind::Event => "#9a6a00",
        NodeKind::Concept => "#2f7fb0",
        NodeKind::Claim => "#6f6a00",
        NodeKind::Person => "#5f5f5f",
    }
}

/// The SVG `stroke-dasharray` of a relation.
fn relation_dash(relation: Relation) -> String {
    let pattern = relation.dash_pattern();
    if pattern.is_empty() {
        "none".to_string()
    } else {
        pattern.iter().map(|d| format!("{:.1}", Fixed(*d))).collect::<Vec<_>>().join(" ")
    }
}

/// Where the drawing's nodes go in the file: positions scaled from the layout's.
struct Frame {
    shown: Vec<usize>,
    xs: Vec<f64>,
    ys: Vec<f64>,
    radii: Vec<f64>,
    bounds: Bounds,
    label_px: f64,
}

fn frame(scene: &Scene, xs: &[f64], ys: &[f64], visible: &[bool], options: &GraphExport) -> Frame {
    let n = scene.model.nodes.len().min(xs.len()).min(ys.len()).min(visible.len());
    let shown: Vec<usize> = (0..n).filter(|&i| visible[i] && xs[i].is_finite() && ys[i].is_finite()).collect();
    let pick = |v: &[f64]| shown.iter().map(|&i| v[i]).collect::<Vec<f64>>();
    let world =
        Bounds::around(&pick(xs), &pick(ys), &[]).unwrap_or(Bounds { min_x: 0.0, min_y: 0.0, max_x: 1.0, max_y: 1.0 });
    // Room round the drawing for the labels at its edges.
    let margin = options.label_px * 6.0;
    let inner_w = (options.width - 2.0 * margin).max(1.0);
    let inner_h = (options.max_height - 2.0 * margin).max(1.0);
    let (ww, wh) = (world.width().max(1.0), world.height().max(1.0));
    let scale_of = |w: f64, h: f64| (inner_w / w).min(inner_h / h).min(3.0);
    let turn = options.max_height.is_finite() && scale_of(wh, ww) > scale_of(ww, wh) * 1.05;
    let scale = if turn { scale_of(wh, ww) } else { scale_of(ww, wh) };
    let (dw, dh) = if turn { (wh * scale, ww * scale) } else { (ww * scale, wh * scale) };
    // Centred across the file's width.
    let left = (options.width - 2.0 * margin - dw).max(0.0) / 2.0;
    let mut fx = vec![0.0; xs.len()];
    let mut fy = vec![0.0; ys.len()];
    for &i in &shown {
        let (u, v) = ((xs[i] - world.min_x) * scale, (ys[i] - world.min_y) * scale);
        let (x, y) = if turn { (dw - v, u) } else { (u, v) };
        fx[i] = x + left;
        fy[i] = y;
    }
    let radii: Vec<f64> = scene.radii.iter().map(|r| r * scale.clamp(0.6, 1.4)).collect();
    let bounds = Bounds { min_x: -margin, min_y: -margin, max_x: options.width - margin, max_y: dh + margin };
    Frame { shown, xs: fx, ys: fy, radii, bounds, label_px: options.label_px }
}

/// The SVG of the visible part of the graph at positions `xs`/`ys` (layout units), in `lang`,
/// with [`GraphExport::default`]. `visible[i]` says whether node `i` is shown; a link is shown
/// when both ends are.
pub fn graph_svg(scene: &Scene, xs: &[f64], ys: &[f64], visible: &[bool], lang: Lang) -> ExportedSvg {
    graph_svg_with(scene, xs, ys, visible, lang, &GraphExport::default())
}

/// [`graph_svg`] drawn as `options` say.
pub fn graph_svg_with(
    scene: &Scene,
    xs: &[f64],
    ys: &[f64],
    visible: &[bool],
    lang: Lang,
    options: &GraphExport,
) -> ExportedSvg {
    // What is shown decides the legend's rows; the drawing gets the height they leave.
    let shown = frame(scene, xs, ys, visible, options).shown;
    let link_shown = |s: usize, t: usize| s != t && shown.contains(&s) && shown.contains(&t);
    let kinds: Vec<NodeKind> =
        NodeKind::ALL.into_iter().filter(|k| shown.iter().any(|&i| scene.model.nodes[i].kind == *k)).collect();
    let relations: Vec<Relation> = Relation::ALL
        .into_iter()
        .filter(|r| {
            scene.model.links.iter().zip(&scene.link_ends).any(|(l, &(s, t))| l.relation == *r && link_shown(s, t))
        })
        .collect();
    let readings = scene
        .model
        .links
        .iter()
        .zip(&scene.link_ends)
        .any(|(l, &(s, t))| l.basis == LinkBasis::Reading && link_shown(s, t));
    let legend_rows = kinds.len().div_ceil(4) + relations.len().div_ceil(4) + usize::from(readings);
    let title_h = if options.title { TITLE_HEIGHT_PX } else { 0.0 };
    let legend_h = if options.legend { LEGEND_ROW_PX * legend_rows as f64 + 16.0 } else { 0.0 };
    let drawing = GraphExport { max_height: options.max_height - title_h - legend_h, ..*options };
    let frame = frame(scene, xs, ys, visible, &drawing);
    let b = frame.bounds;
    let width = b.width();
    let height = title_h + b.height() + legend_h;
    let (ox, oy) = (b.min_x, b.min_y - title_h);

    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{:.1} {:.1} {:.1} {:.1}" width="{:.0}" height="{:.0}" lang="{}" font-family="system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif">"#,
        Fixed(ox),
        Fixed(oy),
        Fixed(width),
        Fixed(height),
        Fixed(width),
        Fixed(height),
        // The drawing is mostly the reading's words: a one-language reading's, whatever the interface's.
        scene.model.content_lang(lang).tag(),
    );
    let title = scene.model.meta.title.get(lang);
    let _ = write!(svg, "<title>{}</title><defs>", escape_xml(title));
    write_defs(&mut svg, &relations);
    let _ = write!(
        svg,
        r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#fff"/>"##,
        Fixed(ox),
        Fixed(oy),
        Fixed(width),
        Fixed(height),
    );
    if options.title {
        write_title(&mut svg, scene, lang, ox, oy);
    }
    write_links(&mut svg, scene, &frame, &link_shown);
    write_nodes(&mut svg, scene, &frame, lang);
    if options.legend {
        let legend = Legend { kinds, relations, readings, x: ox, y: b.max_y + 20.0, width };
        write_legend(&mut svg, &legend, lang);
    }
    svg.push_str("</svg>");
    ExportedSvg { text: svg, width, height }
}

/// The legend alone, `width` pixels wide: every kind and relation the data set has, and the
/// fainter line of its readings (the printed handout sets it under the graph, where it may
/// run onto the next page without pushing the graph off its own).
pub fn legend_svg(scene: &Scene, lang: Lang, width: f64) -> ExportedSvg {
    let model = &scene.model;
    let kinds: Vec<NodeKind> = NodeKind::ALL.into_iter().filter(|k| model.nodes.iter().any(|n| n.kind == *k)).collect();
    let relations: Vec<Relation> =
        Relation::ALL.into_iter().filter(|r| model.links.iter().any(|l| l.relation == *r)).collect();
    let readings = model.links.iter().any(|l| l.basis == LinkBasis::Reading);
    let rows = kinds.len().div_ceil(4) + relations.len().div_ceil(4) + usize::from(readings);
    let height = LEGEND_ROW_PX * rows as f64 + 12.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.1} {h:.1}" width="{w:.0}" height="{h:.0}" lang="{}" font-family="system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif"><defs>"#,
        lang.tag(),
        w = Fixed(width),
        h = Fixed(height),
    );
    write_defs(&mut svg, &relations);
    svg.push_str("</defs>");
    let legend = Legend { kinds, relations, readings, x: 0.0, y: 6.0, width };
    write_legend(&mut svg, &legend, lang);
    svg.push_str("</svg>");
    ExportedSvg { text: svg, width, height }
}

fn write_defs(svg: &mut String, relations: &[Relation]) {
    for r in relations {
        let _ = write!(
            svg,
            r##"<marker id="a-{}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,1L10,5L0,9z" fill="#555"/></marker>"##,
            r.code()
        );
    }
    svg.push_str("</defs>");
}

/// The title and byline across the top.
fn write_title(svg: &mut String, scene: &Scene, lang: Lang, ox: f64, oy: f64) {
    let _ = write!(
        svg,
        r##"<text x="{:.1}" y="{:.1}" font-size="18" font-weight="700" fill="#111">{}</text>"##,
        Fixed(ox + 12.0),
        Fixed(oy + 26.0),
        escape_xml(scene.model.meta.title.get(lang))
    );
    let Some(byline) = scene.model.meta.byline(lang) else { return };
    let _ = write!(
        svg,
        r##"<text x="{:.1}" y="{:.1}" font-size="12" fill="#444">{}</text>"##,
        Fixed(ox + 12.0),
        Fixed(oy + 44.0),
        escape_xml(&byline)
    );
}

fn write_links(svg: &mut String, scene: &Scene, frame: &Frame, shown: &dyn Fn(usize, usize) -> bool) {
    svg.push_str(r#"<g class="links">"#);
    for (link, &(s, t)) in scene.model.links.iter().zip(&scene.link_ends) {
        if !shown(s, t) {
            continue;
        }
        let (x1, y1, x2, y2) =
            link_segment(frame.xs[s], frame.ys[s], frame.xs[t], frame.ys[t], frame.radii[s], frame.radii[t]);
        let reading = link.basis == LinkBasis::Reading;
        let _ = write!(
            svg,
            r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#666" stroke-width="1.3" stroke-opacity="{}" stroke-dasharray="{}" marker-end="url(#a-{})"/>"##,
            Fixed(x1),
            Fixed(y1),
            Fixed(x2),
            Fixed(y2),
            if reading { "0.45" } else { "1" },
            relation_dash(link.relation),
            link.relation.code(),
        );
    }
    svg.push_str("</g>");
}

fn write_nodes(svg: &mut String, scene: &Scene, frame: &Frame, lang: Lang) {
    let b = frame.bounds;
    // Labels keep clear of the edges: a printer's font may run wider than the one measured.
    let edge = frame.label_px;
    let view = Rect::new(b.min_x + edge, b.min_y + edge, b.width() - 2.0 * edge, b.height() - 2.0 * edge);
    let shapes: Vec<Option<Rect>> = (0..frame.xs.len())
        .map(|i| {
            let r = frame.radii[i];
            frame.shown.contains(&i).then(|| Rect::new(frame.xs[i] - r, frame.ys[i] - r, 2.0 * r, 2.0 * r))
        })
        .collect();
    let requests: Vec<Option<LabelRequest>> = (0..frame.xs.len())
        .map(|i| {
            let label = scene.label(i, lang);
            frame.shown.contains(&i).then(|| LabelRequest {
                x: frame.xs[i],
                y: frame.ys[i],
                node_radius: frame.radii[i],
                width: label.width * frame.label_px / LABEL_FONT_PX,
                height: label.lines.len() as f64 * frame.label_px * LINE_HEIGHT_EM,
                priority: scene.label_priority[i],
                forced: false,
                anchors: NODE_ANCHORS,
                avoid_nodes: true,
            })
        })
        .collect();
    let placed = place_labels(&requests, &shapes, &view);
    svg.push_str(r#"<g class="nodes">"#);
    for &i in &frame.shown {
        let node = &scene.model.nodes[i];
        let _ = write!(
            svg,
            r##"<g class="node" data-id="{}"><title>{}</title><path transform="translate({:.1},{:.1})" d="{}" fill="{}" stroke="#fff" stroke-width="1.5"/>"##,
            escape_xml(&node.id),
            escape_xml(node.label.get(lang)),
            Fixed(frame.xs[i]),
            Fixed(frame.ys[i]),
            shape_path(node.kind, frame.radii[i]),
            kind_colour(node.kind)
        );
        if let Some(place) = placed[i] {
            let label = scene.label(i, lang);
            let (anchor, x) = match place.anchor.align() {
                Align::Start => ("start", place.rect.x),
                Align::End => ("end", place.rect.right()),
                Align::Middle => ("middle", place.rect.x + place.rect.width / 2.0),
            };
            // A white card under the text keeps it clear of the links behind it (a stroked halo
            // would put every word twice into a printed PDF's text).
            let r = place.rect;
            let _ = write!(
                svg,
                r##"<rect class="label-back" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="2" fill="#fff" fill-opacity="0.85"/>"##,
                Fixed(r.x - 1.0),
                Fixed(r.y),
                Fixed(r.width + 2.0),
                Fixed(r.height)
            );
            let _ = write!(
                svg,
                r##"<text class="label" text-anchor="{anchor}" font-size="{:.0}" fill="#111">"##,
                Fixed(frame.label_px)
            );
            for (k, line) in label.lines.iter().enumerate() {
                let space = if label.space_after.get(k).copied().unwrap_or(false) { " " } else { "" };
                let baseline = place.rect.y + frame.label_px * LINE_HEIGHT_EM * (k as f64 + 0.8);
                let _ = write!(
                    svg,
                    r#"<tspan x="{:.1}" y="{:.1}">{}{space}</tspan>"#,
                    Fixed(x),
                    Fixed(baseline),
                    escape_xml(line)
                );
            }
            svg.push_str("</text>");
        }
        svg.push_str("</g>");
    }
    svg.push_str("</g>");
}

/// What the legend lists, and where it starts.
struct Legend {
    kinds: Vec<NodeKind>,
    relations: Vec<Relation>,
    readings: bool,
    x: f64,
    y: f64,
    width: f64,
}

/// The legend: kinds (shape and colour), relations (dash pattern), and the fainter line of the
/// data set's readings.
fn write_legend(svg: &mut String, legend: &Legend, lang: Lang) {
    let column_w = legend.width / 4.0;
    let cell = |k: usize, top: f64| (legend.x + 16.0 + (k % 4) as f64 * column_w, top + (k / 4) as f64 * LEGEND_ROW_PX);
    svg.push_str(r##"<g class="legend" font-size="12" fill="#111">"##);
    for (k, kind) in legend.kinds.iter().enumerate() {
        let (x, y) = cell(k, legend.y);
        let _ = write!(
            svg,
            r##"<path transform="translate({:.1},{:.1})" d="{}" fill="{}"/><text x="{:.1}" y="{:.1}">{}</text>"##,
            Fixed(x),
            Fixed(y),
            shape_path(*kind, 6.0),
            kind_colour(*kind),
            Fixed(x + 12.0),
            Fixed(y + 4.0),
            escape_xml(kind.label(lang)),
        );
    }
    let mut top = legend.y + LEGEND_ROW_PX * legend.kinds.len().div_ceil(4) as f64;
    for (k, relation) in legend.relations.iter().enumerate() {
        let (x, y) = cell(k, top);
        let _ = write!(
            svg,
            r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#666" stroke-width="1.3" stroke-dasharray="{}" marker-end="url(#a-{})"/><text x="{:.1}" y="{:.1}">{}</text>"##,
            Fixed(x - 6.0),
            Fixed(y),
            Fixed(x + 24.0),
            Fixed(y),
            relation_dash(*relation),
            relation.code(),
            Fixed(x + 32.0),
            Fixed(y + 4.0),
            escape_xml(relation.label(lang)),
        );
    }
    top += LEGEND_ROW_PX * legend.relations.len().div_ceil(4) as f64;
    if legend.readings {
        let (x, y) = cell(0, top);
        let text = match lang {
            Lang::Zh => "浅色线：制图者的解读，非原文明言",
            Lang::En => "Faint line: the map-maker's reading, not stated in the text",
        };
        let _ = write!(
            svg,
            r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#666" stroke-width="1.3" stroke-opacity="0.45"/><text x="{:.1}" y="{:.1}">{}</text>"##,
            Fixed(x - 6.0),
            Fixed(y),
            Fixed(x + 24.0),
            Fixed(y),
            Fixed(x + 32.0),
            Fixed(y + 4.0),
            escape_xml(text),
        );
    }
    svg.push_str("</g>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(escape_xml("<img src=x onerror=\"a&b\">'"), "&lt;img src=x onerror=&quot;a&amp;b&quot;&gt;&apos;");
        assert_eq!(escape_xml("a\u{1}b\nc"), "ab\nc");
    }
}
