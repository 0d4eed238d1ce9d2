//! The time scale: a visible window of days, zoom and pan, and ticks that
//! adapt to the zoom (years → months → days).
//!
//! Days are Julian day numbers as `f64`; a day `d` covers `[d, d + 1)`.

use crate::date::{month_short, year_label, PartialDate};

/// The visible part of the time axis, in days: `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    pub start: f64,
    pub end: f64,
}

/// The narrowest window one may zoom to, in days.
pub const MIN_SPAN_DAYS: f64 = 14.0;

impl Window {
    pub fn new(start: f64, end: f64) -> Self {
        Window { start, end }
    }

    /// A window showing days `first..=last` with a margin on each side.
    pub fn fit(first: i32, last: i32) -> Self {
        let (a, b) = (first as f64, last as f64 + 1.0);
        let pad = ((b - a) * 0.03).max(15.0);
        Window {
            start: a - pad,
            end: b + pad,
        }
    }

    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// Where `day` falls on a chart `width` pixels wide.
    pub fn x(&self, day: f64, width: f64) -> f64 {
        (day - self.start) / self.span() * width
    }

    /// The day under pixel `x` of a chart `width` pixels wide.
    pub fn day_at(&self, x: f64, width: f64) -> f64 {
        self.start + x / width * self.span()
    }

    /// Zooms by `factor` (below 1 zooms in) keeping the day under `anchor`
    /// (0 = left edge, 1 = right edge) where it is; then keeps within `bounds`.
    pub fn zoom(&self, factor: f64, anchor: f64, bounds: Window) -> Self {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let anchor = if anchor.is_finite() {
            anchor.clamp(0.0, 1.0)
        } else {
            0.5
        };
        let pivot = self.start + self.span() * anchor;
        let span = (self.span() * factor).max(MIN_SPAN_DAYS).min(bounds.span());
        Window {
            start: pivot - span * anchor,
            end: pivot + span * (1.0 - anchor),
        }
        .clamp_to(bounds)
    }

    /// Moves by `fraction` of the visible span (positive moves later in time).
    pub fn pan(&self, fraction: f64, bounds: Window) -> Self {
        let d = if fraction.is_finite() {
            self.span() * fraction
        } else {
            0.0
        };
        Window {
            start: self.start + d,
            end: self.end + d,
        }
        .clamp_to(bounds)
    }

    /// Keeps the window inside `bounds` (and no wider), preserving its width.
    pub fn clamp_to(&self, bounds: Window) -> Self {
        let span = self
            .span()
            .max(MIN_SPAN_DAYS.min(bounds.span()))
            .min(bounds.span());
        let mut start = if self.start.is_finite() {
            self.start
        } else {
            bounds.start
        };
        if start < bounds.start {
            start = bounds.start;
        }
        if start + span > bounds.end {
            start = bounds.end - span;
        }
        Window {
            start,
            end: start + span,
        }
    }

    /// Two-finger pinch: the days under the fingers at `from` (plot x, pixels)
    /// stay under them at `to`, on a plot `width` wide; kept inside `bounds`.
    pub fn pinch(&self, from: (f64, f64), to: (f64, f64), width: f64, bounds: Window) -> Self {
        let (d1, d2) = (self.day_at(from.0, width), self.day_at(from.1, width));
        let gap = to.1 - to.0;
        if !(gap.abs() > 1.0 && (from.1 - from.0).abs() > 1.0 && width > 0.0 && gap.is_finite()) {
            return *self;
        }
        let span = ((d2 - d1) * width / gap)
            .abs()
            .max(MIN_SPAN_DAYS.min(bounds.span()))
            .min(bounds.span());
        let start = d1 - to.0 / width * span;
        Window {
            start,
            end: start + span,
        }
        .clamp_to(bounds)
    }

    /// The window centred on `day`, same width, inside `bounds`.
    pub fn centred_on(&self, day: f64, bounds: Window) -> Self {
        let half = self.span() / 2.0;
        Window {
            start: day - half,
            end: day + half,
        }
        .clamp_to(bounds)
    }
}

/// The unit ticks are drawn at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickUnit {
    Years(i32),
    Months(u8),
    Days(u8),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub day: i32,
    pub label: String,
    /// A year boundary: drawn stronger.
    pub major: bool,
}

/// Roughly how many pixels a tick label needs.
const MIN_TICK_PX: f64 = 64.0;

/// Enough for a year of the common era (four digits at most) and a gap:
/// a phone's 12 years get a label every 2 years, not every 5.
const MIN_YEAR_TICK_PX: f64 = 44.0;

/// Picks the finest unit whose ticks are at least ~64 px apart (~44 px for
/// years of the common era, whose labels are short).
pub fn tick_unit(w: Window, width: f64) -> TickUnit {
    let px_per_day = width / w.span();
    let short_years = w.start >= PartialDate::from_year(1).first_day() as f64;
    let room = |u: &TickUnit| match u {
        TickUnit::Years(_) if short_years => MIN_YEAR_TICK_PX,
        _ => MIN_TICK_PX,
    };
    let units = [
        (TickUnit::Days(1), 1.0),
        (TickUnit::Days(2), 2.0),
        (TickUnit::Days(7), 7.0),
        (TickUnit::Days(14), 14.0),
        (TickUnit::Months(1), 30.44),
        (TickUnit::Months(3), 91.3),
        (TickUnit::Months(6), 182.6),
        (TickUnit::Years(1), 365.25),
        (TickUnit::Years(2), 730.5),
        (TickUnit::Years(5), 1826.0),
        (TickUnit::Years(10), 3652.0),
        (TickUnit::Years(50), 18262.0),
        (TickUnit::Years(100), 36525.0),
        (TickUnit::Years(200), 73050.0),
        (TickUnit::Years(500), 182625.0),
        (TickUnit::Years(1000), 365250.0),
        (TickUnit::Years(2000), 730500.0),
    ];
    units
        .iter()
        .find(|(u, days)| days * px_per_day >= room(u))
        .map(|u| u.0)
        .unwrap_or(TickUnit::Years(5000))
}

/// The ticks inside the window, at the unit [`tick_unit`] picks.
pub fn ticks(w: Window, width: f64) -> Vec<Tick> {
    if !(w.span() > 0.0 && width > 0.0 && w.start.is_finite() && w.end.is_finite()) {
        return Vec::new();
    }
    let unit = tick_unit(w, width);
    let first = PartialDate::from_day_number(w.start.floor() as i32);
    let (y0, m0) = (first.year(), first.month().unwrap_or(1));
    let mut out = Vec::new();
    let mut push = |day: i32, label: String, major: bool| {
        if (day as f64) >= w.start && (day as f64) < w.end {
            out.push(Tick { day, label, major });
        }
    };
    let date = |y: i32, m: u8, d: u8| {
        let y = if y < 0 {
            format!("-{:04}", -y)
        } else {
            format!("{y:04}")
        };
        PartialDate::parse(&format!("{y}-{m:02}-{d:02}"))
            .ok()
            .map(|p| p.first_day())
    };
    match unit {
        TickUnit::Years(step) => {
            // Round years as they are named: 500 BCE, not 501 BCE (year 0 is
            // 1 BCE, and no year is named 0: the step over the era is one short).
            let named = |y: i32| if y <= 0 { y - 1 } else { y };
            let year = |n: i32| if n < 0 { n + 1 } else { n };
            let mut n = named(y0).div_euclid(step) * step;
            loop {
                let y = year(n);
                n += step;
                // No year 0; the first tick a date can name (years from -9999).
                if n - step == 0 || y < crate::date::MIN_YEAR {
                    continue;
                }
                match date(y, 1, 1).filter(|&d| (d as f64) < w.end) {
                    Some(day) => push(day, year_label(y), true),
                    None => break,
                }
            }
        }
        TickUnit::Months(step) => {
            let (mut y, mut m) = (y0, m0 - (m0 - 1) % step);
            while let Some(day) = date(y, m, 1).filter(|&d| (d as f64) < w.end) {
                let label = if m == 1 {
                    year_label(y)
                } else {
                    month_short(m).to_string()
                };
                push(day, label, m == 1);
                m += step;
                if m > 12 {
                    m -= 12;
                    y += 1;
                }
            }
        }
        TickUnit::Days(step) => {
            let mut day = w.start.floor() as i32;
            let end = w.end.ceil() as i32;
            while day < end {
                let d = PartialDate::from_day_number(day);
                let (dd, mm) = (d.day().unwrap_or(1), d.month().unwrap_or(1));
                if step == 1 || (dd - 1) % step == 0 && dd + step <= 29 || dd == 1 {
                    let major = dd == 1 && mm == 1;
                    let label = if major {
                        year_label(d.year())
                    } else {
                        format!("{dd} {}", month_short(mm))
                    };
                    push(day, label, major);
                }
                day += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> f64 {
        PartialDate::parse(s).unwrap().first_day() as f64
    }

    #[test]
    fn ticks_adapt_from_years_to_months_to_days() {
        let decade = Window::new(day("2001-01-01"), day("2013-01-01"));
        assert_eq!(tick_unit(decade, 1200.0), TickUnit::Years(1));
        let labels: Vec<String> = ticks(decade, 1200.0).into_iter().map(|t| t.label).collect();
        assert_eq!(labels.first().unwrap(), "2001");
        assert_eq!(labels.len(), 12);
        let year = Window::new(day("2004-01-01"), day("2005-01-01"));
        assert_eq!(tick_unit(year, 1200.0), TickUnit::Months(1));
        let labels: Vec<String> = ticks(year, 1200.0).into_iter().map(|t| t.label).collect();
        assert_eq!(labels[..3], ["2004", "Feb", "Mar"]);
        let weeks = Window::new(day("2009-04-10"), day("2009-04-24"));
        assert_eq!(tick_unit(weeks, 1200.0), TickUnit::Days(1));
        assert!(ticks(weeks, 1200.0).iter().any(|t| t.label == "17 Apr"));
        assert_eq!(tick_unit(decade, 390.0), TickUnit::Years(2));
        // Millennia, across the start of the common era.
        let ages = Window::new(day("-2999-01-01"), day("2001-01-01"));
        assert_eq!(tick_unit(ages, 1200.0), TickUnit::Years(500));
        let labels: Vec<String> = ticks(ages, 1200.0).into_iter().map(|t| t.label).collect();
        // Round as named: 1000 BCE (year -999), not 1001 BCE.
        assert!(labels.contains(&"1000 BCE".to_string()), "{labels:?}");
        assert!(labels.contains(&"500".to_string()), "{labels:?}");
    }

    #[test]
    fn zoom_keeps_the_anchor_day_under_the_pointer() {
        let bounds = Window::new(day("2000-01-01"), day("2014-01-01"));
        let w = Window::new(day("2001-01-01"), day("2013-01-01"));
        let anchor_day = w.day_at(300.0, 1200.0);
        let z = w.zoom(0.5, 0.25, bounds);
        assert!((z.span() - w.span() / 2.0).abs() < 1e-6);
        assert!((z.day_at(300.0, 1200.0) - anchor_day).abs() < 1e-6);
        // Zooming out is bounded; zooming in stops at the minimum span.
        assert_eq!(w.zoom(100.0, 0.5, bounds), bounds);
        assert!((w.zoom(1e-9, 0.5, bounds).span() - MIN_SPAN_DAYS).abs() < 1e-9);
        // Nonsense input leaves the window valid.
        assert_eq!(w.zoom(f64::NAN, f64::NAN, bounds), w.clamp_to(bounds));
    }

    #[test]
    fn pinch_keeps_the_days_under_the_fingers() {
        let bounds = Window::new(0.0, 10_000.0);
        let w = Window::new(1000.0, 2000.0);
        let (a, b) = (w.day_at(200.0, 1000.0), w.day_at(600.0, 1000.0));
        // Fingers move apart: zoom in around them.
        let z = w.pinch((200.0, 600.0), (100.0, 900.0), 1000.0, bounds);
        assert!(
            (z.day_at(100.0, 1000.0) - a).abs() < 1e-6
                && (z.day_at(900.0, 1000.0) - b).abs() < 1e-6
        );
        assert!(z.span() < w.span());
        // Both move right: pan back in time.
        let p = w.pinch((200.0, 600.0), (300.0, 700.0), 1000.0, bounds);
        assert!((p.span() - w.span()).abs() < 1e-6 && p.start < w.start);
        // Fingers on one spot: nothing changes.
        assert_eq!(w.pinch((200.0, 200.0), (300.0, 300.0), 1000.0, bounds), w);
    }

    #[test]
    fn pan_moves_by_a_fraction_and_stops_at_the_bounds() {
        let bounds = Window::new(0.0, 1000.0);
        let w = Window::new(100.0, 200.0);
        assert_eq!(w.pan(0.5, bounds), Window::new(150.0, 250.0));
        assert_eq!(w.pan(-5.0, bounds), Window::new(0.0, 100.0));
        assert_eq!(w.pan(50.0, bounds), Window::new(900.0, 1000.0));
        assert_eq!(w.centred_on(500.0, bounds), Window::new(450.0, 550.0));
    }

    #[test]
    fn year_ticks_are_round_as_named_across_the_era() {
        let day = |y: i32| PartialDate::from_year(y).first_day() as f64;
        for (from, to, width, want) in [
            (
                -600,
                2013,
                800.0,
                vec!["500 BCE", "500", "1000", "1500", "2000"],
            ),
            (
                -60,
                60,
                800.0,
                vec![
                    "60 BCE", "50 BCE", "40 BCE", "30 BCE", "20 BCE", "10 BCE", "10", "20", "30",
                    "40", "50",
                ],
            ),
            (-3, 3, 380.0, vec!["4 BCE", "2 BCE", "2"]),
            (
                2001,
                2013,
                800.0,
                vec![
                    "2001", "2002", "2003", "2004", "2005", "2006", "2007", "2008", "2009", "2010",
                    "2011", "2012",
                ],
            ),
        ] {
            let w = Window {
                start: day(from),
                end: day(to),
            };
            let got: Vec<String> = ticks(w, width).into_iter().map(|t| t.label).collect();
            assert_eq!(got, want, "{from}..{to}");
        }
    }
}
