//! A standalone SVG of the graph as it is shown: every visible node (shape per kind, wrapped
//! label), every visible link (dash pattern per relation, arrowheads), a title and a legend.
//! The styles are embedded, so the file looks the same wherever it is opened, and text is
//! escaped, so data-set strings stay text.

use crate::model::{Lang, NodeKind, Relation};
use crate::number::Fixed;
use crate::scene::{shape_path, Scene, LABEL_LINE_PX};
use crate::transform::Bounds;
use std::fmt::Write;

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

fn kind_colour(kind: NodeKind) -> &'static str {
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

/// The SVG of the visible part of the graph at positions `xs`/`ys`, in `lang`.
// Too long: being split around the core's drawing model (issue 22).
#[allow(clippy::too_many_lines)]
/// `visible[i]` says whether node `i` is shown; a link is shown when both ends are.
pub fn graph_svg(scene: &Scene, xs: &[f64], ys: &[f64], visible: &[bool], lang: Lang) -> String {
    let n = scene.model.nodes.len().min(xs.len()).min(ys.len()).min(visible.len());
    let shown: Vec<usize> = (0..n).filter(|&i| visible[i]).collect();
    let pick = |v: &[f64]| shown.iter().map(|&i| v[i]).collect::<Vec<f64>>();
    let extent: Vec<f64> = shown
        .iter()
        .map(|&i| (scene.label(i, lang).width / 2.0).max(scene.radii[i] + 2.0 * LABEL_LINE_PX) + 8.0)
        .collect();
    let bounds = Bounds::around(&pick(xs), &pick(ys), &extent).unwrap_or(Bounds {
        min_x: 0.0,
        min_y: 0.0,
        max_x: 100.0,
        max_y: 100.0,
    });
    let title_h = 56.0;
    let kinds: Vec<NodeKind> =
        NodeKind::ALL.into_iter().filter(|k| shown.iter().any(|&i| scene.model.nodes[i].kind == *k)).collect();
    let relations: Vec<Relation> = Relation::ALL
        .into_iter()
        .filter(|r| {
            scene
                .model
                .links
                .iter()
                .zip(&scene.link_ends)
                .any(|(l, (s, t))| l.relation == *r && *s < n && *t < n && visible[*s] && visible[*t])
        })
        .collect();
    let legend_h = 24.0 * ((kinds.len() as f64 / 4.0).ceil() + (relations.len() as f64 / 4.0).ceil()) + 16.0;
    let width = bounds.width().max(640.0);
    let height = title_h + bounds.height() + legend_h;
    let ox = bounds.min_x - (width - bounds.width()) / 2.0;
    let oy = bounds.min_y - title_h;

    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{ox:.1} {oy:.1} {width:.1} {height:.1}" width="{width:.0}" height="{height:.0}" lang="{}" font-family="system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif">"#,
        lang.tag(),
        ox = Fixed(ox),
        oy = Fixed(oy),
        width = Fixed(width),
        height = Fixed(height),
    );
    let title = scene.model.meta.title.get(lang);
    let _ = write!(svg, "<title>{}</title>", escape_xml(title));
    svg.push_str("<defs>");
    for r in &relations {
        let _ = write!(
            svg,
            r##"<marker id="a-{}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,1L10,5L0,9z" fill="#555"/></marker>"##,
            r.code()
        );
    }
    svg.push_str("</defs>");
    let _ = write!(
        svg,
        r##"<rect x="{ox:.1}" y="{oy:.1}" width="{width:.1}" height="{height:.1}" fill="#fff"/>"##,
        ox = Fixed(ox),
        oy = Fixed(oy),
        width = Fixed(width),
        height = Fixed(height)
    );
    let _ = write!(
        svg,
        r##"<text x="{:.1}" y="{:.1}" font-size="18" font-weight="700" fill="#111">{}</text>"##,
        Fixed(ox + 12.0),
        Fixed(oy + 26.0),
        escape_xml(title)
    );
    let byline = format!("{} · {}", scene.model.meta.author.get(lang), scene.model.meta.year);
    let _ = write!(
        svg,
        r##"<text x="{:.1}" y="{:.1}" font-size="12" fill="#444">{}</text>"##,
        Fixed(ox + 12.0),
        Fixed(oy + 44.0),
        escape_xml(&byline)
    );

    svg.push_str(r#"<g class="links">"#);
    for (link, &(s, t)) in scene.model.links.iter().zip(&scene.link_ends) {
        if s >= n || t >= n || !visible[s] || !visible[t] || s == t {
            continue;
        }
        let (dx, dy) = (xs[t] - xs[s], ys[t] - ys[s]);
        let len = (dx * dx + dy * dy).sqrt().max(1e-9);
        let (r1, r2) = (scene.radii[s], scene.radii[t] + 3.0);
        let (x1, y1, x2, y2) = if len > r1 + r2 {
            (xs[s] + dx / len * r1, ys[s] + dy / len * r1, xs[t] - dx / len * r2, ys[t] - dy / len * r2)
        } else {
            (xs[s], ys[s], xs[t], ys[t])
        };
        let _ = write!(
            svg,
            r##"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="#666" stroke-width="1.3" stroke-dasharray="{}" marker-end="url(#a-{})"/>"##,
            relation_dash(link.relation),
            link.relation.code(),
            x1 = Fixed(x1),
            y1 = Fixed(y1),
            x2 = Fixed(x2),
            y2 = Fixed(y2),
        );
    }
    svg.push_str("</g><g class=\"nodes\">");
    for &i in &shown {
        let node = &scene.model.nodes[i];
        let r = scene.radii[i];
        let _ = write!(
            svg,
            r##"<g class="node" data-id="{}" transform="translate({:.1},{:.1})"><path d="{}" fill="{}" stroke="#fff" stroke-width="1.5"/>"##,
            escape_xml(&node.id),
            Fixed(xs[i]),
            Fixed(ys[i]),
            shape_path(node.kind, r),
            kind_colour(node.kind)
        );
        let label = scene.label(i, lang);
        let top = r + 4.0 + LABEL_LINE_PX * 0.8;
        svg.push_str(r##"<text text-anchor="middle" font-size="12" fill="#111" stroke="#fff" stroke-width="3" paint-order="stroke">"##);
        for (k, line) in label.lines.iter().enumerate() {
            let space = if label.space_after.get(k).copied().unwrap_or(false) { " " } else { "" };
            let _ = write!(
                svg,
                r#"<tspan x="0" y="{:.1}">{}{space}</tspan>"#,
                Fixed(top + k as f64 * LABEL_LINE_PX),
                escape_xml(line)
            );
        }
        svg.push_str("</text></g>");
    }
    svg.push_str("</g>");

    // Legend: kinds (shape and colour), then relations (dash pattern).
    let mut y = bounds.max_y + 20.0;
    let column_w = width / 4.0;
    svg.push_str(r##"<g class="legend" font-size="12" fill="#111">"##);
    for (k, kind) in kinds.iter().enumerate() {
        let x = ox + 16.0 + (k % 4) as f64 * column_w;
        let row_y = y + (k / 4) as f64 * 24.0;
        let _ = write!(
            svg,
            r##"<path transform="translate({x:.1},{row_y:.1})" d="{}" fill="{}"/><text x="{:.1}" y="{:.1}">{}</text>"##,
            shape_path(*kind, 6.0),
            kind_colour(*kind),
            Fixed(x + 12.0),
            Fixed(row_y + 4.0),
            escape_xml(kind.label(lang)),
            x = Fixed(x),
            row_y = Fixed(row_y),
        );
    }
    y += 24.0 * (kinds.len() as f64 / 4.0).ceil();
    for (k, relation) in relations.iter().enumerate() {
        let x = ox + 16.0 + (k % 4) as f64 * column_w;
        let row_y = y + (k / 4) as f64 * 24.0;
        let _ = write!(
            svg,
            r##"<line x1="{:.1}" y1="{row_y:.1}" x2="{:.1}" y2="{row_y:.1}" stroke="#666" stroke-width="1.3" stroke-dasharray="{}" marker-end="url(#a-{})"/><text x="{:.1}" y="{:.1}">{}</text>"##,
            Fixed(x - 6.0),
            Fixed(x + 24.0),
            relation_dash(*relation),
            relation.code(),
            Fixed(x + 32.0),
            Fixed(row_y + 4.0),
            escape_xml(relation.label(lang)),
            row_y = Fixed(row_y),
        );
    }
    svg.push_str("</g></svg>");
    svg
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
