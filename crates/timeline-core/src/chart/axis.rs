//! The time axis as drawn: each tick's label wholly inside the plot and clear
//! of the others, whatever the width and the zoom. A label starts just after
//! its tick; one that would run past the plot's right edge ends just before
//! its tick instead, half its width clear of the label before (or, in a plot
//! too narrow for either, is centred on it);
//! one that still does not fit (past either edge, or over the label before
//! it) is left out — a month's label before a year's.

use crate::date::year_label;
use crate::date::PartialDate;
use crate::scale::{ticks, Window};

/// A tick of the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct TickMark {
    /// In the plot's pixels (the gutter not counted).
    pub x: f64,
    pub label: String,
    pub major: bool,
    /// Where its label is drawn; `None`: not drawn (no room for it inside the
    /// plot, clear of the others: [`tick_marks`]).
    pub text: Option<TickText>,
}

/// Which point of a text its x gives (SVG `text-anchor`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextAnchor {
    Start,
    Middle,
    End,
}

impl TextAnchor {
    /// The SVG attribute's value, `None` for the default (start).
    pub fn svg(self) -> Option<&'static str> {
        match self {
            TextAnchor::Start => None,
            TextAnchor::Middle => Some("middle"),
            TextAnchor::End => Some("end"),
        }
    }
}

/// Where a tick's label is drawn, in the plot's pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TickText {
    /// Where the text is anchored.
    pub x: f64,
    pub anchor: TextAnchor,
    /// Its width, estimated generously ([`TICK_CHAR_EM`] a character).
    pub w: f64,
}

/// A tick label's character, in em, generously: the axis draws a major tick's
/// label bold, and DejaVu Sans Bold's digits are 0.7 em wide.
pub const TICK_CHAR_EM: f64 = 0.7;

/// The ticks of `window` over a plot `plot_w` px wide at type scale `k`
/// (labels `label_px` px), each with where its label is drawn, if it is.
/// Months or days before the first year's tick would name no year, so the
/// first tick names it ("Apr 2004", "3 Apr 2004") — where that fits; where
/// it does not, the first tick keeps its short label.
pub fn tick_marks(window: Window, plot_w: f64, k: f64, label_px: f64) -> Vec<TickMark> {
    let all = ticks(window, plot_w / k);
    let first_day = all.first().map_or(0, |t| t.day);
    let mut out: Vec<TickMark> = all
        .into_iter()
        .map(|t| TickMark {
            x: window.x(t.day as f64, plot_w),
            label: t.label,
            major: t.major,
            text: None,
        })
        .collect();
    let short = out.first().filter(|t| !t.major).map(|t| t.label.clone());
    if let Some(short) = short {
        let year = PartialDate::from_day_number(first_day).year();
        out[0].label = format!("{short} {}", year_label(year));
        place_labels(&mut out, plot_w, k, label_px);
        if out[0].text.is_some() {
            return out;
        }
        out[0].label = short;
    }
    place_labels(&mut out, plot_w, k, label_px);
    out
}

/// Where each label is drawn (`text`), left to right, clear of the one before.
fn place_labels(out: &mut [TickMark], plot_w: f64, k: f64, label_px: f64) {
    let (pad, gap) = (3.0 * k, 6.0 * k);
    // The labels drawn so far (indexes into `out`), left to right.
    let mut kept: Vec<usize> = Vec::new();
    for i in 0..out.len() {
        let w = out[i].label.chars().count() as f64 * TICK_CHAR_EM * label_px;
        let x = out[i].x;
        let place = |after: f64| -> Option<TickText> {
            // A label before its tick shares the gap with the label after the tick
            // before: it keeps half its width from it, or the two read as one pair.
            let fits = |t: &TickText| {
                let (a, b) = t.span();
                let clear = if t.anchor == TextAnchor::End {
                    gap.max(w / 2.0)
                } else {
                    gap
                };
                a >= 0.0 && b <= plot_w && a >= after + clear
            };
            [
                (x + pad, TextAnchor::Start),
                (x - pad, TextAnchor::End),
                (x, TextAnchor::Middle),
            ]
            .into_iter()
            .map(|(x, anchor)| TickText { x, anchor, w })
            .find(fits)
        };
        let right_of = |kept: &[usize]| {
            kept.last()
                .and_then(|&j| out[j].text.map(|t| t.span().1))
                .unwrap_or(f64::NEG_INFINITY)
        };
        let mut text = place(right_of(&kept));
        // A year's label wins over the month's before it.
        if text.is_none() && out[i].major {
            if let Some(&j) = kept.last().filter(|&&j| !out[j].major) {
                let mut without = kept.clone();
                without.pop();
                if let Some(t) = place(right_of(&without)) {
                    out[j].text = None;
                    kept = without;
                    text = Some(t);
                }
            }
        }
        if text.is_some() {
            kept.push(i);
        }
        out[i].text = text;
    }
}

impl TickText {
    /// The label's left and right, in the plot's pixels (the width estimated generously).
    pub fn span(&self) -> (f64, f64) {
        match self.anchor {
            TextAnchor::Start => (self.x, self.x + self.w),
            TextAnchor::Middle => (self.x - self.w / 2.0, self.x + self.w / 2.0),
            TextAnchor::End => (self.x - self.w, self.x),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_always_names_a_year_where_there_is_room() {
        let day = |s: &str| PartialDate::parse(s).unwrap().first_day() as f64;
        // From months to days, windows with a year's tick in them and without.
        for (from, to) in [
            ("2004-02-10", "2005-09-01"),
            ("2004-03-01", "2004-11-30"),
            ("2006-12-01", "2006-12-20"),
            ("2009-06-03", "2009-06-09"),
        ] {
            let w = Window::new(day(from), day(to));
            for plot_w in [240.0, 600.0, 1200.0] {
                let marks = tick_marks(w, plot_w, 1.0, 12.0);
                let drawn: Vec<&str> = marks
                    .iter()
                    .filter(|m| m.text.is_some())
                    .map(|m| m.label.as_str())
                    .collect();
                let names_year = |l: &&str| {
                    l.split(' ')
                        .any(|p| p.len() == 4 && p.parse::<i32>().is_ok())
                };
                // The first label drawn names its year (or no label at all fits).
                if let Some(first) = drawn.first() {
                    let wide =
                        marks[0].label.chars().count() as f64 * TICK_CHAR_EM * 12.0 + 3.0 < plot_w;
                    assert!(
                        names_year(first) || !wide,
                        "{from}–{to} at {plot_w}px: {drawn:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_label_at_the_right_edge_ends_before_its_tick_or_is_left_out() {
        // Ten years over 300 px: 2012's tick a few px from the right edge.
        let (a, b) = (
            crate::date::PartialDate::parse("2003-01-01")
                .unwrap()
                .first_day(),
            crate::date::PartialDate::parse("2012-01-05")
                .unwrap()
                .first_day(),
        );
        let w = Window::new(a as f64, b as f64);
        let ticks = tick_marks(w, 300.0, 1.0, 12.0);
        let last = ticks.iter().rev().find(|t| t.text.is_some()).unwrap();
        let (l, r) = last.text.unwrap().span();
        assert!(l >= 0.0 && r <= 300.0, "{last:?}");
        for pair in ticks
            .iter()
            .filter_map(|t| t.text.map(|x| x.span()))
            .collect::<Vec<_>>()
            .windows(2)
        {
            assert!(pair[0].1 <= pair[1].0, "{pair:?}");
        }
    }
}
