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

/// Where an event is drawn: its lane (one per actor), its row within the lane (so that boxes do
/// not overlap), and its horizontal extent in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedEvent {
    pub index: usize,
    pub lane: usize,
    pub row: usize,
    pub x0: f64,
    pub x1: f64,
}

/// An event to place: its date span in days, its lane, and the width its label needs in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EventToPlace {
    pub start: f64,
    pub end: f64,
    pub lane: usize,
    pub label_width: f64,
}

/// Places events so that within a lane no two boxes overlap: each box spans its date range and
/// at least its label's width, and goes into the first row where it fits (greedy interval
/// colouring, in start order). Returns one placement per input, in input order, and the number
/// of rows of each lane.
pub fn place_events(
    events: &[EventToPlace],
    scale: &TimeScale,
    gap_px: f64,
    n_lanes: usize,
) -> (Vec<PlacedEvent>, Vec<usize>) {
    let mut order: Vec<usize> = (0..events.len()).collect();
    crate::order::sort_indices_by(&mut order, &mut |a, b| events[a].start.total_cmp(&events[b].start).then(a.cmp(&b)));
    let n_lanes = n_lanes.max(1);
    let mut row_ends: Vec<Vec<f64>> = vec![Vec::new(); n_lanes];
    let mut placed = vec![PlacedEvent { index: 0, lane: 0, row: 0, x0: 0.0, x1: 0.0 }; events.len()];
    for i in order {
        let e = &events[i];
        let lane = e.lane.min(n_lanes - 1);
        let x0 = scale.screen_from_time(e.start);
        let x_end = scale.screen_from_time(e.end);
        let x1 = x_end.max(x0 + e.label_width.max(0.0));
        let rows = &mut row_ends[lane];
        let row = match rows.iter().position(|&end| end + gap_px <= x0) {
            Some(r) => r,
            None => {
                rows.push(f64::NEG_INFINITY);
                rows.len() - 1
            }
        };
        rows[row] = x1;
        placed[i] = PlacedEvent { index: i, lane, row, x0, x1: x_end.max(x0 + 1.0) };
    }
    let rows_per_lane = row_ends.iter().map(|r| r.len().max(1)).collect();
    (placed, rows_per_lane)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse_date;

    fn date(text: &str) -> EventDate {
        parse_date(text).unwrap()
    }

    #[test]
    fn civil_days_round_trip() {
        for (y, m, d, days) in [(1970, 1, 1, 0), (2000, 3, 1, 11_017), (2023, 6, 14, 19_522), (1969, 12, 31, -1)] {
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
        // 2023 alone over 800 px: monthly ticks are 66 px apart.
        let year = TimeScale::year(2023, 0.0, 800.0);
        let ticks = year.ticks(60.0);
        assert_eq!(ticks.len(), 12 + 1);
        assert_eq!(ticks[5].label(Lang::En), "Jun 2023");
        assert_eq!(ticks[5].label(Lang::Zh), "2023年6月");
        // Two weeks over 800 px: daily ticks.
        let days = TimeScale::new(19_500.0, 19_514.0, 0.0, 800.0);
        let ticks = days.ticks(40.0);
        assert_eq!(ticks[0].date.precision(), Precision::Day);
        assert_eq!(ticks.len(), 15);
    }

    #[test]
    fn fit_covers_every_span() {
        let s = TimeScale::fit([date("2021-05-07"), date("2023-07")].iter(), 0.05, 0.0, 1000.0).unwrap();
        assert!(s.domain_start < days_from_civil(2021, 5, 7) as f64);
        assert!(s.domain_end > days_from_civil(2023, 8, 1) as f64);
        assert!(TimeScale::fit(std::iter::empty(), 0.05, 0.0, 1.0).is_none());
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

    #[test]
    fn placed_events_never_overlap_within_a_lane() {
        let s = TimeScale::year(2023, 0.0, 730.0);
        let june = date_span(&date("2023-06"));
        let june14 = date_span(&date("2023-06-14"));
        let events = [
            EventToPlace { start: june.0, end: june.1, lane: 0, label_width: 120.0 },
            EventToPlace { start: june14.0, end: june14.1, lane: 0, label_width: 120.0 },
            EventToPlace { start: june14.0, end: june14.1, lane: 1, label_width: 120.0 },
        ];
        let (placed, rows) = place_events(&events, &s, 4.0, 2);
        assert_eq!(rows, vec![2, 1]);
        assert_ne!(placed[0].row, placed[1].row);
        assert_eq!(placed[2].row, 0);
        // A month-precision event is drawn as its whole month.
        assert!((placed[0].x1 - placed[0].x0 - 60.0).abs() < 1e-9);
    }
}
