//! The timeline's event cards: how large each is (its full title, wrapped, never cut), which row
//! it goes in and where (`atlas_core::timeline::place_cards`), and the card itself: a button with
//! the date, the actor and the title.

use atlas_core::label::{wrap_label_measured, TextMeasure, LABEL_FONT_PX};
use atlas_core::scene::Scene;
use atlas_core::timeline::{date_span, place_cards, CardToPlace, TimeAxis, TimeScale};
use atlas_core::Lang;

/// Card sizes, CSS px.
pub const CARD_MIN_WIDTH_PX: f64 = 100.0;
pub const CARD_MAX_WIDTH_PX: f64 = 180.0;
/// Horizontal padding and borders inside a card, both sides together (the stylesheet's
/// `.event-button`: 0.35rem each side, a 4 px and a 1 px border).
const CARD_PADDING_PX: f64 = 18.0;
/// The card's title font size and line height.
pub const TITLE_PX: f64 = 12.0;
/// How much larger the cards' text is on the stage, to be read across a room.
pub const STAGE_TEXT_SCALE: f64 = 1.4;
/// The caption's font size (`.event-caption` in style.css).
const CAPTION_PX: f64 = 10.5;
/// How much narrower than the card its text is broken.
const WRAP_SLACK_PX: f64 = 4.0;
const TITLE_LINE_PX: f64 = 14.5;
/// The date-and-actor line, and the padding above and below.
const CAPTION_LINE_PX: f64 = 13.0;
const CARD_VERTICAL_PX: f64 = 7.0;
/// Gap between cards in a row, and between rows.
pub const CARD_GAP_PX: f64 = 6.0;

/// Where every card goes, by event index: left edge, top, width, height (`None`: not shown,
/// an event outside the tour step being presented); and the strip's height below the axis.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CardLayout {
    pub cards: Vec<Option<(f64, f64, f64, f64)>>,
    /// The x of each event's date (its start) on the axis.
    pub marks: Vec<(f64, f64)>,
    pub height: f64,
}

/// The width and height a card needs for `title` and its caption, at most `max_width`, measured
/// as the browser renders the text (`measure` is at the labels' 12 px). Lines are broken a few
/// pixels short of the card's width: an engine's own line breaking may run a little wider, and a
/// card must never be shorter than its text.
fn card_size(title: &str, caption: &str, max_width: f64, measure: &dyn TextMeasure, text_scale: f64) -> (f64, f64) {
    let k = text_scale;
    let (title_px, caption_px, padding) = (TITLE_PX * k, CAPTION_PX * k, CARD_PADDING_PX * k);
    let title_width = measure.width(title) * title_px / LABEL_FONT_PX;
    let caption_width = measure.width(caption) * caption_px / LABEL_FONT_PX;
    // About three lines of title, as narrow as that allows.
    let content = (title_width / 3.0 + 10.0).max(caption_width + WRAP_SLACK_PX).max(CARD_MIN_WIDTH_PX * k - padding);
    let width = (content + padding).min(CARD_MAX_WIDTH_PX * k).min(max_width);
    let room = width - padding - WRAP_SLACK_PX;
    let lines_at =
        |text: &str, px: f64| wrap_label_measured(text, measure, room * LABEL_FONT_PX / px).lines.len() as f64;
    let height = k
        * (CARD_VERTICAL_PX
            + lines_at(caption, caption_px) * CAPTION_LINE_PX
            + lines_at(title, title_px) * TITLE_LINE_PX);
    (width, height)
}

/// The caption above a card's title: the date at its precision and the actor.
pub fn caption(scene: &Scene, event: usize, lang: Lang) -> String {
    let e = &scene.model.events[event];
    let actor = scene.model.node(&e.actor).map(|n| n.label.get(lang).to_string()).unwrap_or_default();
    format!("{} · {}", e.date.display(lang), actor)
}

/// Lays out every card for `scale` over `axis`, between `left` and `right`.
pub fn layout_cards(
    scene: &Scene,
    axis: &TimeAxis,
    scale: &TimeScale,
    lang: Lang,
    (left, right): (f64, f64),
    measure: &dyn TextMeasure,
    stage_events: Option<&[usize]>,
) -> CardLayout {
    // On the stage: only the step's events, in larger type.
    let (only, text_scale) = (stage_events, if stage_events.is_some() { STAGE_TEXT_SCALE } else { 1.0 });
    let n = scene.model.events.len();
    let shown = |e: usize| only.is_none_or(|list| list.contains(&e));
    // A card is never wider than the strip (it would be cut).
    let sizes: Vec<(f64, f64)> = (0..n)
        .map(|e| {
            card_size(
                scene.model.events[e].title.get(lang),
                &caption(scene, e, lang),
                right - left,
                measure,
                text_scale,
            )
        })
        .collect();
    let marks: Vec<(f64, f64)> = scene
        .model
        .events
        .iter()
        .map(|e| {
            let (start, end) = date_span(&e.date);
            (scale.screen_from_time(axis.warp(start)), scale.screen_from_time(axis.warp(end)))
        })
        .collect();
    // Only events whose date falls in the span shown get a card: a card pushed in from outside
    // would sit under the wrong dates. (The span buttons, or stepping to an event, bring the
    // others into view.)
    let in_span = |e: usize| marks[e].1 >= left - 0.5 && marks[e].0 <= right + 0.5;
    let events: Vec<usize> = (0..n).filter(|&e| shown(e) && in_span(e)).collect();
    let wanted: Vec<CardToPlace> = events.iter().map(|&e| CardToPlace { x: marks[e].0, width: sizes[e].0 }).collect();
    let (placed, rows) = place_cards(&wanted, left, right, CARD_GAP_PX);
    let mut row_heights = vec![0.0f64; rows];
    for (k, p) in placed.iter().enumerate() {
        row_heights[p.row] = row_heights[p.row].max(sizes[events[k]].1);
    }
    let mut tops = Vec::with_capacity(rows);
    let mut y = CARD_GAP_PX;
    for h in &row_heights {
        tops.push(y);
        y += h + CARD_GAP_PX;
    }
    let mut cards = vec![None; n];
    for (k, p) in placed.iter().enumerate() {
        let e = events[k];
        cards[e] = Some((p.x, tops[p.row], sizes[e].0, sizes[e].1));
    }
    CardLayout { cards, marks, height: y }
}
