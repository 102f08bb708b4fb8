//! The timeline's time scale: dates of year, month or day precision as spans of days, a linear
//! scale from days to pixels with an inverse, zoom and pan, tick marks, and the placement of
//! events in lanes so that none overlap.
//!
//! Time is measured in days since 1970-01-01 (proleptic Gregorian, no time zones: the article
//! gives calendar dates, not instants). A date is drawn as the whole span it names: `2023-06`
//! covers June, not a fake 1 June. Nothing here knows about the DOM.

use crate::model::{EventDate, Lang, Precision};

/// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil` algorithm).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number; the inverse of [`days_from_civil`].
pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// The half-open span of days `[start, end)` that a date names at its precision.
pub fn date_span(date: &EventDate) -> (f64, f64) {
    match (date.month, date.day) {
        (Some(m), Some(d)) => {
            let start = days_from_civil(date.year, m, d);
            (start as f64, (start + 1) as f64)
        }
        (Some(m), None) => {
            let start = days_from_civil(date.year, m, 1);
            let (ny, nm) = if m == 12 { (date.year + 1, 1) } else { (date.year, m + 1) };
            (start as f64, days_from_civil(ny, nm, 1) as f64)
        }
        _ => (days_from_civil(date.year, 1, 1) as f64, days_from_civil(date.year + 1, 1, 1) as f64),
    }
}

/// A linear map from days (`domain`) to pixels (`range`), with an inverse.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeScale {
    pub domain_start: f64,
    pub domain_end: f64,
    pub range_start: f64,
    pub range_end: f64,
}

/// The shortest span the scale zooms in to: two weeks.
pub const MIN_SPAN_DAYS: f64 = 14.0;
/// The longest span: two centuries.
pub const MAX_SPAN_DAYS: f64 = 73_050.0;

impl TimeScale {
    /// A scale over `[start, end)` days; a degenerate or non-finite domain becomes a two-week span.
    pub fn new(domain_start: f64, domain_end: f64, range_start: f64, range_end: f64) -> TimeScale {
        let (mut s, mut e) = (domain_start, domain_end);
        if !s.is_finite() || !e.is_finite() || e - s < MIN_SPAN_DAYS {
            let mid = if s.is_finite() && e.is_finite() { (s + e) / 2.0 } else { 0.0 };
            s = mid - MIN_SPAN_DAYS / 2.0;
            e = mid + MIN_SPAN_DAYS / 2.0;
        }
        let (r0, r1) = if range_start.is_finite() && range_end.is_finite() && range_end > range_start {
            (range_start, range_end)
        } else {
            (0.0, 1.0)
        };
        TimeScale { domain_start: s, domain_end: e, range_start: r0, range_end: r1 }
    }

    /// The scale that shows the spans of all `dates`, with a margin of `margin` of the span on
    /// each side. `None` when there are no dates.
    pub fn fit<'a>(
        dates: impl IntoIterator<Item = &'a EventDate>,
        margin: f64,
        range_start: f64,
        range_end: f64,
    ) -> Option<TimeScale> {
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for d in dates {
            let (s, e) = date_span(d);
            lo = lo.min(s);
            hi = hi.max(e);
        }
        if !lo.is_finite() {
            return None;
        }
        let pad = (hi - lo).max(MIN_SPAN_DAYS) * margin;
        Some(TimeScale::new(lo - pad, hi + pad, range_start, range_end))
    }

    /// A scale that shows one calendar year.
    pub fn year(year: i32, range_start: f64, range_end: f64) -> TimeScale {
        let s = days_from_civil(year, 1, 1) as f64;
        let e = days_from_civil(year + 1, 1, 1) as f64;
        TimeScale::new(s, e, range_start, range_end)
    }

    pub fn span_days(&self) -> f64 {
        self.domain_end - self.domain_start
    }

    pub fn pixels_per_day(&self) -> f64 {
        (self.range_end - self.range_start) / self.span_days()
    }

    pub fn screen_from_time(&self, day: f64) -> f64 {
        self.range_start + (day - self.domain_start) * self.pixels_per_day()
    }

    pub fn time_from_screen(&self, px: f64) -> f64 {
        self.domain_start + (px - self.range_start) / self.pixels_per_day()
    }

    /// The same domain drawn into another pixel range (when the view is resized).
    pub fn with_range(&self, range_start: f64, range_end: f64) -> TimeScale {
        TimeScale::new(self.domain_start, self.domain_end, range_start, range_end)
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the day under pixel `px` still; the span is
    /// clamped to [`MIN_SPAN_DAYS`, `MAX_SPAN_DAYS`].
    pub fn zoomed_about(&self, px: f64, factor: f64) -> TimeScale {
        if !factor.is_finite() || factor <= 0.0 || !px.is_finite() {
            return *self;
        }
        let anchor = self.time_from_screen(px);
        let span = (self.span_days() / factor).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        let frac = (px - self.range_start) / (self.range_end - self.range_start);
        let start = anchor - frac * span;
        TimeScale::new(start, start + span, self.range_start, self.range_end)
    }

    /// Moves the view by `dx` pixels (positive moves the content right, showing earlier dates).
    pub fn panned(&self, dx: f64) -> TimeScale {
        if !dx.is_finite() {
            return *self;
        }
        let shift = dx / self.pixels_per_day();
        TimeScale::new(self.domain_start - shift, self.domain_end - shift, self.range_start, self.range_end)
    }

    /// Interpolates the domain towards `to`'s for smooth zoom; `t` in 0..=1. Interpolating the
    /// logarithm of the span keeps the zoom speed even across a 20-fold change.
    pub fn lerp(&self, to: &TimeScale, t: f64) -> TimeScale {
        let t = t.clamp(0.0, 1.0);
        let mid_a = (self.domain_start + self.domain_end) / 2.0;
        let mid_b = (to.domain_start + to.domain_end) / 2.0;
        let span = (self.span_days().ln() * (1.0 - t) + to.span_days().ln() * t).exp();
        let mid = mid_a + (mid_b - mid_a) * t;
        TimeScale::new(mid - span / 2.0, mid + span / 2.0, to.range_start, to.range_end)
    }

    /// Tick marks at the coarsest step that keeps them at least `min_gap_px` apart.
    pub fn ticks(&self, min_gap_px: f64) -> Vec<Tick> {
        let steps: [(TickStep, f64); 9] = [
            (TickStep::Days(1), 1.0),
            (TickStep::Days(7), 7.0),
            (TickStep::Months(1), 30.44),
            (TickStep::Months(3), 91.3),
            (TickStep::Months(6), 182.6),
            (TickStep::Years(1), 365.25),
            (TickStep::Years(2), 730.5),
            (TickStep::Years(5), 1826.0),
            (TickStep::Years(10), 3652.5),
        ];
        let ppd = self.pixels_per_day().abs().max(1e-12);
        let step =
            steps.iter().find(|(_, days)| days * ppd >= min_gap_px).map(|(s, _)| *s).unwrap_or(TickStep::Years(25));
        let (y0, m0, _) = civil_from_days(self.domain_start.floor() as i64);
        let end = self.domain_end;
        let mut ticks = Vec::new();
        match step {
            TickStep::Days(n) => {
                let mut day = self.domain_start.ceil() as i64;
                if n == 7 {
                    // Start on a Monday (1970-01-05 was one).
                    day += (7 - (day - 4).rem_euclid(7)) % 7;
                }
                while (day as f64) <= end && ticks.len() < 1000 {
                    let (y, m, d) = civil_from_days(day);
                    ticks.push(Tick { day: day as f64, date: EventDate { year: y, month: Some(m), day: Some(d) } });
                    day += i64::from(n);
                }
            }
            TickStep::Months(n) => {
                let (mut y, mut m) = (y0, ((m0 - 1) / n) * n + 1);
                while ticks.len() < 1000 {
                    let day = days_from_civil(y, m, 1) as f64;
                    if day > end {
                        break;
                    }
                    if day >= self.domain_start {
                        ticks.push(Tick { day, date: EventDate { year: y, month: Some(m), day: None } });
                    }
                    m += n;
                    if m > 12 {
                        m -= 12;
                        y += 1;
                    }
                }
            }
            TickStep::Years(n) => {
                let mut y = y0.div_euclid(n as i32) * n as i32;
                while ticks.len() < 1000 {
                    let day = days_from_civil(y, 1, 1) as f64;
                    if day > end {
                        break;
                    }
                    if day >= self.domain_start {
                        ticks.push(Tick { day, date: EventDate { year: y, month: None, day: None } });
                    }
                    y += n as i32;
                }
            }
        }
        ticks
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum TickStep {
    Days(u32),
    Months(u32),
    Years(u32),
}

/// A tick mark: its day and the date it labels, at the precision of the tick step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tick {
    pub day: f64,
    pub date: EventDate,
}

impl Tick {
    /// A short label: `2023`, `Jun 2023` / `2023年6月`, `14 Jun` / `6月14日`.
    pub fn label(&self, lang: Lang) -> String {
        const SHORT: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        match (self.date.precision(), lang) {
            (Precision::Year, Lang::En) => format!("{}", self.date.year),
            (Precision::Year, Lang::Zh) => format!("{}年", self.date.year),
            (Precision::Month, Lang::En) => {
                format!("{} {}", SHORT[(self.date.month.unwrap_or(1) - 1) as usize], self.date.year)
            }
            (Precision::Month, Lang::Zh) => format!("{}年{}月", self.date.year, self.date.month.unwrap_or(1)),
            (Precision::Day, Lang::En) => {
                format!("{} {}", self.date.day.unwrap_or(1), SHORT[(self.date.month.unwrap_or(1) - 1) as usize])
            }
            (Precision::Day, Lang::Zh) => format!("{}月{}日", self.date.month.unwrap_or(1), self.date.day.unwrap_or(1)),
        }
    }
}

/// A long stretch without events, drawn compressed to [`BREAK_DAYS`] behind a marked break in
/// the axis so the dense years get the width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeBreak {
    /// The first and last day hidden (real days).
    pub start: f64,
    pub end: f64,
}

/// How long, in axis days, a break is drawn.
pub const BREAK_DAYS: f64 = 60.0;
/// A gap between events becomes a break when it is longer than this many days…
pub const BREAK_MIN_DAYS: f64 = 730.0;
/// …and longer than this share of the whole span.
pub const BREAK_MIN_SHARE: f64 = 0.25;

/// The timeline's time axis: real days, with long empty stretches compressed. Screen positions
/// come from a [`TimeScale`] over *axis days* ([`TimeAxis::warp`] of real days).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimeAxis {
    /// In date order, not overlapping.
    pub breaks: Vec<TimeBreak>,
}

impl TimeAxis {
    /// The axis for events spanning `spans` (half-open real-day spans): every gap between them
    /// longer than [`BREAK_MIN_DAYS`] and [`BREAK_MIN_SHARE`] of the whole becomes a break, with
    /// a margin of a sixth of a year kept on each side.
    pub fn for_spans(spans: &[(f64, f64)]) -> TimeAxis {
        let finite: Vec<(f64, f64)> = spans.iter().copied().filter(|(a, b)| a.is_finite() && b.is_finite()).collect();
        let mut order: Vec<usize> = (0..finite.len()).collect();
        crate::order::sort_indices_by(&mut order, &mut |a, b| finite[a].0.total_cmp(&finite[b].0));
        let sorted: Vec<(f64, f64)> = order.into_iter().map(|i| finite[i]).collect();
        let (Some(first), Some(last)) = (sorted.first(), sorted.iter().map(|s| s.1).reduce(f64::max)) else {
            return TimeAxis::default();
        };
        let whole = last - first.0;
        let margin = 61.0;
        let mut breaks = Vec::new();
        let mut reach = first.1;
        for &(start, end) in &sorted[1..] {
            let gap = start - reach;
            if gap > BREAK_MIN_DAYS && gap > BREAK_MIN_SHARE * whole {
                breaks.push(TimeBreak { start: reach + margin, end: start - margin });
            }
            reach = reach.max(end);
        }
        TimeAxis { breaks }
    }

    /// The axis day of real day `day`: days after a break move back by what it hides.
    pub fn warp(&self, day: f64) -> f64 {
        let mut shift = 0.0;
        for b in &self.breaks {
            if day <= b.start {
                break;
            }
            let hidden = b.end - b.start;
            if day < b.end {
                // Inside the break: squeezed linearly into its drawn width.
                return day - shift - (day - b.start) * (1.0 - BREAK_DAYS / hidden);
            }
            shift += hidden - BREAK_DAYS;
        }
        day - shift
    }

    /// The real day of axis day `axis_day` (the inverse of [`TimeAxis::warp`]).
    pub fn unwarp(&self, axis_day: f64) -> f64 {
        let mut shift = 0.0;
        for b in &self.breaks {
            let start = b.start - shift;
            if axis_day <= start {
                break;
            }
            let hidden = b.end - b.start;
            if axis_day < start + BREAK_DAYS {
                return b.start + (axis_day - start) * hidden / BREAK_DAYS;
            }
            shift += hidden - BREAK_DAYS;
        }
        axis_day + shift
    }

    /// Tick marks for `scale` (over axis days), at least `min_gap_px` apart within each stretch
    /// between breaks; none inside a break. Each tick's `day` is in axis days.
    pub fn ticks(&self, scale: &TimeScale, min_gap_px: f64) -> Vec<Tick> {
        let mut stretches: Vec<(f64, f64)> = Vec::new();
        let mut from = self.unwarp(scale.domain_start);
        for b in &self.breaks {
            if b.end > from && b.start < self.unwarp(scale.domain_end) {
                stretches.push((from, b.start));
                from = b.end;
            }
        }
        stretches.push((from, self.unwarp(scale.domain_end)));
        let mut ticks = Vec::new();
        for (a, b) in stretches {
            if b - a < 1.0 {
                continue;
            }
            let real = TimeScale::new(a, b, scale.screen_from_time(self.warp(a)), scale.screen_from_time(self.warp(b)));
            ticks.extend(
                real.ticks(min_gap_px)
                    .into_iter()
                    .filter(|t| t.day >= a && t.day <= b)
                    .map(|t| Tick { day: self.warp(t.day), ..t }),
            );
        }
        ticks
    }
}

/// A card to place on the timeline strip: where its date is on screen, and how wide it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CardToPlace {
    pub x: f64,
    pub width: f64,
}

/// Where a card goes: its row and its left edge (its date's mark stays at the wanted `x`; a
/// card moved right of it is joined to it by a leader line).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedCard {
    pub row: usize,
    pub x: f64,
}

/// Places cards in as few rows as hold them, so that no two overlap and none leaves
/// `[left, right]`: cards go to the rows in turn, in date order, each as near its date as its
/// row allows: pushed right past the card before it, then pulled left where a card after it
/// (or the right edge) needs the room. A card away from its date is joined to it by a leader
/// line. Returns one placement per card, in input order, and the number of rows. Cards too
/// wide for every row at once are given their own rows, up to one per card.
pub fn place_cards(cards: &[CardToPlace], left: f64, right: f64, gap: f64) -> (Vec<PlacedCard>, usize) {
    let n = cards.len();
    let mut order: Vec<usize> = (0..n).collect();
    crate::order::sort_indices_by(&mut order, &mut |a, b| cards[a].x.total_cmp(&cards[b].x).then(a.cmp(&b)));
    let width = |i: usize| if cards[i].width.is_finite() { cards[i].width.max(0.0) } else { 0.0 };
    let wanted = |i: usize| if cards[i].x.is_finite() { cards[i].x } else { left };
    let mut placed = vec![PlacedCard { row: 0, x: left }; n];
    for rows in 1..=n.max(1) {
        let mut fits = true;
        for row in 0..rows {
            let members: Vec<usize> = order.iter().copied().skip(row).step_by(rows).collect();
            let mut xs: Vec<f64> = Vec::with_capacity(members.len());
            // Forward: at its date, or right after the card before it.
            let mut end = f64::NEG_INFINITY;
            for &i in &members {
                let x = wanted(i).max(left).max(end + gap);
                xs.push(x);
                end = x + width(i);
            }
            // Backward: left of the card after it, and inside the right edge.
            let mut start = right + gap;
            for k in (0..members.len()).rev() {
                xs[k] = xs[k].min(start - gap - width(members[k]));
                start = xs[k];
            }
            if xs.first().is_some_and(|&x| x < left - 1e-9) {
                fits = false;
            }
            for (k, &i) in members.iter().enumerate() {
                placed[i] = PlacedCard { row, x: xs[k].max(left) };
            }
        }
        if fits {
            return (placed, rows);
        }
    }
    (placed, n.max(1))
}

/// A span the timeline offers as a button, computed from the data set: the whole span, and
/// each year that holds at least two events (the busiest first, at most two).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SpanChoice {
    All,
    Year(i32),
}

/// The span choices for events at `dates`.
pub fn span_choices<'a>(dates: impl IntoIterator<Item = &'a EventDate>) -> Vec<SpanChoice> {
    let mut years: Vec<(i32, usize)> = Vec::new();
    for d in dates {
        match years.iter_mut().find(|(y, _)| *y == d.year) {
            Some((_, n)) => *n += 1,
            None => years.push((d.year, 1)),
        }
    }
    years.retain(|(_, n)| *n >= 2);
    let mut order: Vec<usize> = (0..years.len()).collect();
    crate::order::sort_indices_by(&mut order, &mut |a, b| {
        years[b].1.cmp(&years[a].1).then(years[b].0.cmp(&years[a].0))
    });
    let mut choices = vec![SpanChoice::All];
    choices.extend(order.into_iter().take(2).map(|k| SpanChoice::Year(years[k].0)));
    choices
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_date;

    fn date(text: &str) -> EventDate {
        parse_date(text).unwrap()
    }

    #[test]
    fn long_empty_stretches_become_breaks_and_warp_back() {
        let day = |y, m, d| days_from_civil(y, m, d) as f64;
        // 2001, then 2021–2023: the gap 2002–2020 is compressed; 2021–2022 is kept.
        let spans = [
            (day(2001, 1, 1), day(2002, 1, 1)),
            (day(2021, 5, 1), day(2021, 6, 1)),
            (day(2022, 11, 7), day(2022, 11, 8)),
            (day(2023, 3, 1), day(2023, 4, 1)),
        ];
        let axis = TimeAxis::for_spans(&spans);
        assert_eq!(axis.breaks.len(), 1);
        let b = axis.breaks[0];
        assert!(b.start > day(2002, 1, 1) && b.end < day(2021, 5, 1));
        // Monotonic, continuous at the break's ends, and an inverse.
        for real in [day(2000, 6, 1), b.start, (b.start + b.end) / 2.0, b.end, day(2023, 3, 15)] {
            assert!((axis.unwarp(axis.warp(real)) - real).abs() < 1e-6, "{real}");
        }
        assert!((axis.warp(b.end) - axis.warp(b.start) - BREAK_DAYS).abs() < 1e-9);
        assert!(axis.warp(day(2023, 3, 1)) - axis.warp(day(2001, 1, 1)) < 4.0 * 365.0);
        // Dense spans, or one event, make no break.
        assert!(TimeAxis::for_spans(&spans[1..]).breaks.is_empty());
        assert!(TimeAxis::for_spans(&spans[..1]).breaks.is_empty());
        assert!(TimeAxis::for_spans(&[]).breaks.is_empty());
    }

    #[test]
    fn ticks_skip_breaks_and_sit_where_their_dates_are() {
        let day = |y, m, d| days_from_civil(y, m, d) as f64;
        let axis = TimeAxis::for_spans(&[(day(2001, 1, 1), day(2002, 1, 1)), (day(2021, 1, 1), day(2023, 12, 31))]);
        let scale = TimeScale::new(axis.warp(day(2000, 10, 1)), axis.warp(day(2024, 3, 1)), 0.0, 1000.0);
        let ticks = axis.ticks(&scale, 60.0);
        let years: Vec<i32> = ticks.iter().map(|t| t.date.year).collect();
        assert!(years.contains(&2001) && years.contains(&2023), "{years:?}");
        assert!(!years.iter().any(|y| (2003..=2019).contains(y)), "{years:?}");
        for t in &ticks {
            let real = day(t.date.year, t.date.month.unwrap_or(1), t.date.day.unwrap_or(1));
            assert!((t.day - axis.warp(real)).abs() < 1e-6);
        }
    }

    #[test]
    fn cards_fill_few_rows_near_their_dates_and_never_overlap_or_leave_the_strip() {
        let check = |cards: &[CardToPlace], right: f64, expect: &[(usize, f64)], rows: usize| {
            let (placed, n) = place_cards(cards, 0.0, right, 8.0);
            let got: Vec<(usize, f64)> = placed.iter().map(|p| (p.row, p.x)).collect();
            assert_eq!((got.as_slice(), n), (expect, rows));
            for (i, a) in placed.iter().enumerate() {
                let fits = cards[i].width <= right;
                assert!(a.x >= 0.0 && (!fits || a.x + cards[i].width <= right + 1e-9), "{i} leaves the strip");
                for (j, b) in placed.iter().enumerate().skip(i + 1) {
                    let apart = a.row != b.row
                        || a.x + cards[i].width + 8.0 <= b.x + 1e-9
                        || b.x + cards[j].width + 8.0 <= a.x + 1e-9;
                    assert!(apart, "{i} and {j} overlap");
                }
            }
        };
        let card = |x: f64| CardToPlace { x, width: 200.0 };
        // Far apart: one row, at their dates.
        check(&[card(0.0), card(400.0)], 1000.0, &[(0, 0.0), (0, 400.0)], 1);
        // Close: the second moves right past the first.
        check(&[card(0.0), card(100.0)], 1000.0, &[(0, 0.0), (0, 208.0)], 1);
        // At the right edge the last moves left, and pulls the one before it along.
        check(&[card(700.0), card(790.0)], 1000.0, &[(0, 592.0), (0, 800.0)], 1);
        // Too many for one row: two rows, in turn by date.
        check(
            &[card(0.0), card(10.0), card(20.0), card(30.0)],
            500.0,
            &[(0, 0.0), (1, 10.0), (0, 208.0), (1, 218.0)],
            2,
        );
        // Wider than the strip: at the left edge (it can only be cut on the right).
        check(&[CardToPlace { x: 50.0, width: 900.0 }], 500.0, &[(0, 0.0)], 1);
    }

    #[test]
    fn span_choices_come_from_the_data() {
        let dates: Vec<EventDate> = ["2001", "2021-05", "2021-05-12", "2022-11", "2023-03", "2023-06", "2023-07"]
            .iter()
            .map(|d| date(d))
            .collect();
        assert_eq!(span_choices(&dates), vec![SpanChoice::All, SpanChoice::Year(2023), SpanChoice::Year(2021)]);
        assert_eq!(span_choices(&dates[..1]), vec![SpanChoice::All]);
        let other: Vec<EventDate> = ["1914-07", "1914-08", "1972-05"].iter().map(|d| date(d)).collect();
        assert_eq!(span_choices(&other), vec![SpanChoice::All, SpanChoice::Year(1914)]);
    }

    #[test]
    fn civil_days_round_trip() {
        // Year 0's January and February come before the calendar's era start (0000-03-01), the
        // earliest dates a reading can hold.
        for (y, m, d, days) in [
            (1970, 1, 1, 0),
            (2000, 3, 1, 11_017),
            (2023, 6, 14, 19_522),
            (1969, 12, 31, -1),
            (0, 3, 1, -719_468),
            (0, 2, 29, -719_469),
            (0, 1, 1, -719_528),
        ] {
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
            assert_eq!(civil_from_days(days), (y, m, d));
        }
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn a_date_spans_what_its_precision_names() {
        let check = |text: &str, len: f64| {
            let (s, e) = date_span(&date(text));
            assert_eq!(e - s, len, "{text}");
        };
        check("2023", 365.0);
        check("2024", 366.0);
        check("2023-02", 28.0);
        check("2024-02", 29.0);
        check("2023-06", 30.0);
        check("2023-12", 31.0);
        check("2023-06-14", 1.0);
        // A month starts on its first day.
        assert_eq!(date_span(&date("2023-06")).0, days_from_civil(2023, 6, 1) as f64);
    }

    #[test]
    fn scale_maps_and_inverts() {
        let s = TimeScale::year(2023, 0.0, 365.0);
        assert_eq!(s.screen_from_time(days_from_civil(2023, 1, 1) as f64), 0.0);
        assert_eq!(s.screen_from_time(days_from_civil(2023, 7, 2) as f64), 182.0);
        for px in [0.0, 17.5, 364.0] {
            assert!((s.screen_from_time(s.time_from_screen(px)) - px).abs() < 1e-9);
        }
        // A strip that starts away from 0 and draws two pixels a day.
        let s = TimeScale::year(2023, 100.0, 830.0);
        assert_eq!(s.pixels_per_day(), 2.0);
        assert_eq!(s.screen_from_time(days_from_civil(2023, 1, 11) as f64), 120.0);
        assert_eq!(s.time_from_screen(830.0), days_from_civil(2024, 1, 1) as f64);
    }

    #[test]
    fn zoom_keeps_the_anchor_and_clamps() {
        let s = TimeScale::year(2023, 0.0, 1000.0);
        let anchor = s.time_from_screen(250.0);
        let z = s.zoomed_about(250.0, 4.0);
        assert!((z.time_from_screen(250.0) - anchor).abs() < 1e-6);
        assert!((z.span_days() - 365.0 / 4.0).abs() < 1e-9);
        assert_eq!(s.zoomed_about(0.0, 1e9).span_days(), MIN_SPAN_DAYS);
        assert_eq!(s.zoomed_about(0.0, 1e-9).span_days(), MAX_SPAN_DAYS);
        assert_eq!(s.zoomed_about(0.0, f64::NAN), s);
    }

    #[test]
    fn ticks_follow_the_zoom_level() {
        // 2001–2023 over 800 px: yearly ticks would be 35 px apart, so the step grows.
        let whole = TimeScale::fit([date("2001"), date("2023")].iter(), 0.0, 0.0, 800.0).unwrap();
        let ticks = whole.ticks(60.0);
        assert!(ticks.iter().all(|t| t.date.precision() == Precision::Year));
        assert!(ticks.windows(2).all(|w| whole.screen_from_time(w[1].day) - whole.screen_from_time(w[0].day) >= 60.0));
        assert_eq!(ticks.first().unwrap().label(Lang::En), "2002");
        assert_eq!(ticks[1].label(Lang::En), "2004");
        // The domain ends on 1 January 2024: that year's tick is the last, and in view.
        assert_eq!(ticks.last().unwrap().label(Lang::En), "2024");
        // 2023 alone over 800 px: monthly ticks are 66 px apart.
        let year = TimeScale::year(2023, 0.0, 800.0);
        let ticks = year.ticks(60.0);
        assert_eq!(ticks.len(), 12 + 1);
        assert_eq!(ticks[5].label(Lang::En), "Jun 2023");
        assert_eq!(ticks[5].label(Lang::Zh), "2023年6月");
        assert_eq!((ticks[11].date.iso(), ticks[12].date.iso()), ("2023-12".to_string(), "2024-01".to_string()));
        // Two weeks over 800 px: daily ticks.
        let days = TimeScale::new(19_500.0, 19_514.0, 0.0, 800.0);
        let ticks = days.ticks(40.0);
        assert_eq!(ticks[0].date.precision(), Precision::Day);
        assert_eq!(ticks.len(), 15);
        // Ten weeks over 800 px: weekly ticks, every one a Monday (1970-01-05 was one), the
        // first the first Monday in view.
        for start in [19_500.0, 19_501.5, 19_506.0] {
            let weeks = TimeScale::new(start, start + 70.0, 0.0, 800.0);
            let ticks = weeks.ticks(60.0);
            // Every Monday in [start, start + 70]: a week apart, none missing at either end.
            assert!(ticks.windows(2).all(|w| w[1].day - w[0].day == 7.0), "from day {start}");
            assert!(ticks[ticks.len() - 1].day > start + 63.0, "the last Monday in view is missing from day {start}");
            for t in &ticks {
                assert_eq!((t.day as i64 - 4).rem_euclid(7), 0, "{} is not a Monday", t.day);
            }
            assert!(ticks[0].day >= start && ticks[0].day < start + 7.0, "first tick {} from {start}", ticks[0].day);
        }
        // Two years and a quarter over 800 px: quarterly ticks on the quarters' first days,
        // across the turn of each year.
        let quarters =
            TimeScale::new(days_from_civil(2022, 5, 15) as f64, days_from_civil(2024, 8, 15) as f64, 0.0, 800.0);
        let labels: Vec<String> = quarters.ticks(80.0).iter().map(|t| t.date.iso()).collect();
        assert_eq!(
            labels,
            ["2022-07", "2022-10", "2023-01", "2023-04", "2023-07", "2023-10", "2024-01", "2024-04", "2024-07"]
        );
        // However small the gap asked for, a scale gives at most 1,000 ticks.
        let decade = TimeScale::new(0.0, 3_650.0, 0.0, 800.0);
        assert_eq!(decade.ticks(0.0).len(), 1_000);
    }

    #[test]
    fn fit_covers_every_span() {
        let s = TimeScale::fit([date("2021-05-07"), date("2023-07")].iter(), 0.05, 0.0, 1000.0).unwrap();
        assert!(s.domain_start < days_from_civil(2021, 5, 7) as f64);
        assert!(s.domain_end > days_from_civil(2023, 8, 1) as f64);
        assert!(TimeScale::fit(std::iter::empty(), 0.05, 0.0, 1.0).is_none());
        // The margin is a share of the dates' whole span (at least two weeks) on either side.
        let (start, end) = (days_from_civil(2021, 1, 1) as f64, days_from_civil(2023, 1, 1) as f64);
        let s = TimeScale::fit([date("2021"), date("2022")].iter(), 0.1, 0.0, 1000.0).unwrap();
        let pad = (end - start) * 0.1;
        assert_eq!((s.domain_start, s.domain_end), (start - pad, end + pad));
        let day = TimeScale::fit([date("2023-06-14")].iter(), 0.5, 0.0, 1000.0).unwrap();
        assert_eq!(day.span_days(), 1.0 + 2.0 * 0.5 * MIN_SPAN_DAYS);
    }

    /// Zoom keeps the day under the pointer where it is; pan moves by pixels at the scale's
    /// pixels per day; both ignore what is not a number (or a zoom that is not one).
    #[test]
    fn zoom_and_pan_move_the_domain_exactly() {
        let year = TimeScale::year(2023, 100.0, 830.0); // two pixels a day
        let start = year.domain_start;
        let check = |got: TimeScale, want: (f64, f64), why: &str| {
            assert!(
                (got.domain_start - want.0).abs() < 1e-9 && (got.domain_end - want.1).abs() < 1e-9,
                "{why}: {got:?}"
            );
            assert_eq!((got.range_start, got.range_end), (100.0, 830.0), "{why}");
        };
        // Zooming in twice about pixel 300 (day 100): that day stays at pixel 300.
        let zoomed = year.zoomed_about(300.0, 2.0);
        check(zoomed, (start + 100.0 - 50.0, start + 100.0 - 50.0 + 182.5), "zoom ×2 about day 100");
        assert!((zoomed.screen_from_time(start + 100.0) - 300.0).abs() < 1e-9);
        assert!((zoomed.time_from_screen(100.0) - (start + 50.0)).abs() < 1e-9);
        for (px, factor) in [(300.0, f64::NAN), (300.0, f64::INFINITY), (300.0, 0.0), (300.0, -2.0), (f64::NAN, 2.0)] {
            assert_eq!(year.zoomed_about(px, factor), year, "zoom {factor} about {px}");
        }
        check(year.panned(20.0), (start - 10.0, year.domain_end - 10.0), "20 px right shows 10 days earlier");
        check(year.panned(-7.0), (start + 3.5, year.domain_end + 3.5), "7 px left");
        assert_eq!(year.panned(f64::NAN), year);
        // Halfway between a year and a four-year span: the middle between their middles, the
        // geometric mean of their spans.
        let four = TimeScale::new(start - 365.0, start + 3.0 * 365.0, 0.0, 500.0);
        let half = year.lerp(&four, 0.5);
        let mid = ((start + year.domain_end) / 2.0 + (four.domain_start + four.domain_end) / 2.0) / 2.0;
        let span = (365.0f64 * 1460.0).sqrt();
        assert!(
            (half.domain_start - (mid - span / 2.0)).abs() < 1e-6 && (half.span_days() - span).abs() < 1e-6,
            "{half:?}"
        );
        assert_eq!((half.range_start, half.range_end), (0.0, 500.0));
    }

    /// Breaks: gaps longer than two years and a quarter of the whole; real days inside and after
    /// them warped to axis days exactly, and back.
    #[test]
    fn breaks_compress_long_gaps_exactly() {
        let spans = [(0.0, 10.0), (1000.0, 1010.0), (3000.0, 3010.0), (f64::NAN, 5.0), (20.0, f64::INFINITY)];
        let axis = TimeAxis::for_spans(&spans);
        let brk = |start: f64, end: f64| TimeBreak { start, end };
        assert_eq!(axis.breaks, [brk(71.0, 939.0), brk(1071.0, 2939.0)], "a margin of 61 days on each side");
        // Each break is drawn 60 axis days wide; its middle lands in the middle of those.
        for (real, axis_day) in
            [(5.0, 5.0), (71.0, 71.0), (505.0, 101.0), (939.0, 131.0), (2005.0, 293.0), (3005.0, 389.0)]
        {
            assert!((axis.warp(real) - axis_day).abs() < 1e-9, "warp({real}) = {}", axis.warp(real));
            assert!((axis.unwarp(axis_day) - real).abs() < 1e-9, "unwarp({axis_day}) = {}", axis.unwarp(axis_day));
        }
        // A view between the two breaks: ticks only in view, none from the breaks around it.
        let view = TimeScale::new(140.0, 200.0, 0.0, 600.0);
        let ticks = axis.ticks(&view, 30.0);
        assert!(!ticks.is_empty());
        assert!(
            ticks.iter().all(|t| (140.0..=200.0).contains(&t.day)),
            "{:?}",
            ticks.iter().map(|t| t.day).collect::<Vec<_>>()
        );
        // A gap over two years but under a quarter of the whole stays drawn.
        let axis = TimeAxis::for_spans(&[(0.0, 10.0), (800.0, 810.0), (5000.0, 5010.0)]);
        assert_eq!(axis.breaks, [brk(871.0, 4939.0)]);
    }

    #[test]
    fn lerp_reaches_both_ends() {
        let a = TimeScale::fit([date("2001"), date("2023")].iter(), 0.0, 0.0, 800.0).unwrap();
        let b = TimeScale::year(2023, 0.0, 800.0);
        let start = a.lerp(&b, 0.0);
        let end = a.lerp(&b, 1.0);
        assert!((start.span_days() - a.span_days()).abs() < 1e-6);
        assert!((end.domain_start - b.domain_start).abs() < 1e-6);
        let mid = a.lerp(&b, 0.5);
        assert!(mid.span_days() < a.span_days() && mid.span_days() > b.span_days());
    }
}
