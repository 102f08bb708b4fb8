//! A standalone SVG of the whole timeline at a given width (the printed handout's): the time
//! axis with its empty years compressed behind a marked break, every event as a card with its
//! date, actor and full title, in as few rows as fit, joined to its date by a leader line.
//! Text is escaped, so data-set strings stay text.

use super::{escape_xml, ExportedSvg};
use crate::label::{text_width, wrap_label};
use crate::model::Lang;
use crate::number::Fixed;
use crate::scene::Scene;
use crate::timeline::{date_span, place_cards, CardToPlace, TimeAxis, TimeScale};
use std::fmt::Write;

const TITLE_PX: f64 = 10.5;
const LINE_PX: f64 = 13.0;
const CAPTION_PX: f64 = 9.5;
const PAD_PX: f64 = 5.0;
const AXIS_PX: f64 = 26.0;
const GAP_PX: f64 = 6.0;

fn px(v: f64) -> String {
    format!("{:.1}", Fixed(v))
}

/// One event's card: its caption (date · actor), its title broken into lines, its size.
struct Card {
    caption: Vec<String>,
    lines: Vec<String>,
    width: f64,
    height: f64,
}

fn card(scene: &Scene, e: usize, lang: Lang, max_width: f64) -> Card {
    let event = &scene.model.events[e];
    let actor = scene.model.node(&event.actor).map(|n| n.label.get(lang).to_string()).unwrap_or_default();
    let caption = format!("{} · {}", event.date.display(lang), actor);
    let title = event.title.get(lang);
    let content = (text_width(title, TITLE_PX) / 3.0 + 8.0)
        .max(text_width(&caption, CAPTION_PX))
        .clamp(80.0, max_width - 2.0 * PAD_PX);
    let lines = wrap_label(title, TITLE_PX, content).lines;
    let caption = wrap_label(&caption, CAPTION_PX, content).lines;
    let width = content + 2.0 * PAD_PX;
    let height = PAD_PX + caption.len() as f64 * (CAPTION_PX + 2.0) + 1.0 + lines.len() as f64 * LINE_PX + PAD_PX;
    Card { caption, lines, width, height }
}

/// The SVG of every event of `scene` on a timeline `width` pixels wide, in `lang`.
pub fn timeline_svg(scene: &Scene, lang: Lang, width: f64) -> ExportedSvg {
    let events = &scene.model.events;
    let spans: Vec<(f64, f64)> = events.iter().map(|e| date_span(&e.date)).collect();
    let axis = TimeAxis::for_spans(&spans);
    let lo = spans.iter().map(|s| axis.warp(s.0)).fold(f64::INFINITY, f64::min);
    let hi = spans.iter().map(|s| axis.warp(s.1)).fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = if lo.is_finite() { (lo, hi) } else { (0.0, 365.0) };
    let pad = (hi - lo) * 0.03 + 10.0;
    let scale = TimeScale::new(lo - pad, hi + pad, 4.0, width - 4.0);
    let cards: Vec<Card> = (0..events.len()).map(|e| card(scene, e, lang, (width / 4.0).max(120.0))).collect();
    let marks: Vec<f64> = spans.iter().map(|s| scale.screen_from_time(axis.warp(s.0))).collect();
    let wanted: Vec<CardToPlace> =
        (0..events.len()).map(|e| CardToPlace { x: marks[e], width: cards[e].width }).collect();
    let (placed, rows) = place_cards(&wanted, 0.0, width, GAP_PX);
    let mut row_heights = vec![0.0f64; rows];
    for (e, p) in placed.iter().enumerate() {
        row_heights[p.row] = row_heights[p.row].max(cards[e].height);
    }
    let mut tops = Vec::with_capacity(rows);
    let mut y = AXIS_PX + GAP_PX;
    for h in &row_heights {
        tops.push(y);
        y += h + GAP_PX;
    }
    let height = y;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" lang="{}" font-family="system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif"><rect width="{w}" height="{h}" fill="#fff"/><line x1="0" x2="{w}" y1="19.5" y2="19.5" stroke="#999"/>"##,
        scene.model.content_lang(lang).tag(),
        w = px(width),
        h = px(height),
    );
    for b in &axis.breaks {
        let mid = (scale.screen_from_time(axis.warp(b.start)) + scale.screen_from_time(axis.warp(b.end))) / 2.0;
        let _ = write!(
            svg,
            r##"<path transform="translate({},0)" d="M-4,13 L2,17 L-2,21 L4,25 M2,13 L8,17 L4,21 L10,25" stroke="#444" fill="none"/>"##,
            px(mid)
        );
    }
    for tick in axis.ticks(&scale, 64.0) {
        let x = scale.screen_from_time(tick.day);
        let label = tick.label(lang);
        // A date near the right edge ends at its tick instead of running off the page.
        let (anchor, tx) = if x + 2.0 + crate::label::text_width(&label, 9.5) > width - 2.0 {
            ("end", x - 2.0)
        } else {
            ("start", x + 2.0)
        };
        let _ = write!(
            svg,
            r##"<line x1="{x}" x2="{x}" y1="15" y2="{h}" stroke="#ccc" stroke-dasharray="2 3"/><text x="{}" y="11" font-size="9.5" fill="#444" text-anchor="{anchor}">{}</text>"##,
            px(tx),
            escape_xml(&label),
            x = px(x),
            h = px(height),
        );
    }
    for (e, p) in placed.iter().enumerate() {
        let (c, top) = (&cards[e], tops[p.row]);
        let _ = write!(
            svg,
            r##"<g class="event" data-id="{}"><rect x="{}" y="16" width="3" height="7" fill="#555"/><path d="M{},23 V{} H{}" stroke="#999" fill="none"/><rect x="{}" y="{}" width="{}" height="{}" rx="3" fill="#fff" stroke="#555"/><rect x="{}" y="{}" width="3" height="{}" fill="#333"/><text font-size="{}" fill="#444">"##,
            escape_xml(&events[e].id),
            px(marks[e]),
            px(marks[e] + 1.0),
            px(top + 8.0),
            px(p.x),
            px(p.x),
            px(top),
            px(c.width),
            px(c.height),
            px(p.x),
            px(top),
            px(c.height),
            px(CAPTION_PX),
        );
        for (k, line) in c.caption.iter().enumerate() {
            let baseline = top + PAD_PX + (CAPTION_PX + 2.0) * (k as f64 + 0.8);
            let _ = write!(svg, r#"<tspan x="{}" y="{}">{}</tspan>"#, px(p.x + PAD_PX), px(baseline), escape_xml(line));
        }
        let _ = write!(svg, r##"</text><text class="title" font-size="{}" fill="#111">"##, px(TITLE_PX));
        let caption_h = c.caption.len() as f64 * (CAPTION_PX + 2.0) + 1.0;
        for (k, line) in c.lines.iter().enumerate() {
            let baseline = top + PAD_PX + caption_h + LINE_PX * (k as f64 + 0.8);
            let _ = write!(svg, r#"<tspan x="{}" y="{}">{}</tspan>"#, px(p.x + PAD_PX), px(baseline), escape_xml(line));
        }
        svg.push_str("</text></g>");
    }
    svg.push_str("</svg>");
    ExportedSvg { text: svg, width, height }
}
