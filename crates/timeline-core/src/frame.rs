//! Sizing for a frame (an embed on a slide, a presenter window): the type size
//! the frame gets, and how the chart's lanes are fitted into the height left
//! to it. Pure arithmetic, so the shell only measures and draws.
//!
//! What gives way when a frame is small, in this order (docs/embedding.md):
//! 1. rows: marks that overlap become clusters sooner (fewer rows per lane),
//!    and lanes lose their padding;
//! 2. while presenting, lanes with nothing in the window are left out;
//! 3. the chart scrolls inside itself, kept on the current event's lane;
//! 4. the caption shows fewer lines of summary (the full text is one button
//!    away), and the filters scroll inside their own strip.
//!
//! The chart keeps at least half of the frame's height (styles: `.app.embed`).

use crate::embed::Theme;
use crate::layout::Lane;

/// The root font size, in CSS pixels, for a frame of `w`×`h`: a 1280×720
/// slide gets 18 px while presenting, so it reads from the back of a room;
/// never below 16 px (so the smallest text, at .75 rem, stays at 12 px).
/// Outside frames the page keeps 16 px (19 px in high contrast, as its styles say).
pub fn type_px(w: f64, h: f64, theme: Theme, embed: bool, presenting: bool) -> f64 {
    let base = if !embed {
        16.0
    } else if presenting {
        (w / 71.0).min(h / 40.0).clamp(16.0, 32.0)
    } else {
        (w / 90.0).min(h / 50.0).clamp(16.0, 26.0)
    };
    let px = if theme == Theme::Contrast {
        base * 19.0 / 16.0
    } else {
        base
    };
    (px * 4.0).round() / 4.0
}

/// The chart's metrics at a root font size of `em` px. At 16 px they are
/// the chart's historical sizes (12 px labels, 24 px rows).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartMetrics {
    /// Font size of mark, lane and axis labels (styles: `max(12px, .75rem)`).
    pub label_px: f64,
    pub axis_h: f64,
    pub row_h: f64,
    /// The least a row may be squeezed to.
    pub row_min: f64,
    pub lane_pad: f64,
    /// Width of one label character, generously (labels are cut to fit).
    pub char_w: f64,
    /// Half the size of a kind symbol.
    pub symbol: f64,
    /// A line above each lane's rows for its name, on a narrow chart (0: the
    /// name is in the gutter beside the lane). [`ChartMetrics::for_width`].
    pub lane_head: f64,
}

impl ChartMetrics {
    pub fn at(em: f64) -> ChartMetrics {
        let l = (0.75 * em).max(12.0);
        let k = l / 12.0;
        ChartMetrics {
            label_px: l,
            axis_h: 26.0 * k,
            row_h: 24.0 * k,
            row_min: 18.0 * k,
            lane_pad: 10.0 * k,
            char_w: 6.6 * k,
            symbol: 6.0 * k,
            lane_head: 0.0,
        }
    }

    /// The metrics of a chart `width` px wide: a narrow one (a phone, a page
    /// zoomed to 200 %) names each lane on a line above its rows, across the
    /// whole width, so a name is never cut to a gutter (and the plot is wider).
    pub fn for_width(em: f64, width: f64) -> ChartMetrics {
        let m = ChartMetrics::at(em);
        ChartMetrics {
            lane_head: if m.narrow(width) { 10.0 * m.k() } else { 0.0 },
            ..m
        }
    }

    /// The type scale (1 at 12 px labels).
    pub fn k(&self) -> f64 {
        self.label_px / 12.0
    }

    /// A chart `width` px wide is narrow: its lanes are named above their rows.
    pub fn narrow(&self, width: f64) -> bool {
        width < 600.0 * self.k()
    }

    /// The lane-label gutter for a chart `width` px wide (a narrow chart's lane
    /// names are above the lanes: only a margin is left).
    pub fn gutter(&self, width: f64) -> f64 {
        let k = self.k();
        if self.narrow(width) {
            8.0 * k
        } else {
            118.0 * k
        }
    }
}

/// How the lanes are drawn in the height given.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    pub row_h: f64,
    pub lane_pad: f64,
    /// The height the lanes need (axis included), before filling.
    pub content_h: f64,
}

/// Fits lanes of `rows` rows each (in order) into `avail` px: rows grow up
/// to twice their size to fill a tall frame; in a short one padding shrinks
/// first, then rows down to their least. `None`: they do not fit even so.
pub fn fit_lanes(rows: &[usize], avail: f64, m: &ChartMetrics) -> Option<Fit> {
    let total: f64 = rows.iter().map(|&r| r.max(1) as f64).sum::<f64>().max(1.0);
    let lanes = rows.len() as f64;
    let need =
        |row_h: f64, pad: f64| m.axis_h + 6.0 + total * row_h + lanes * (pad * 2.0 + m.lane_head);
    let natural = need(m.row_h, m.lane_pad);
    if avail <= 0.0 || natural <= avail {
        // Fill: rows grow with the room (in a frame), up to twice their size.
        let row_h = if avail > 0.0 {
            ((avail - need(0.0, m.lane_pad)) / total)
                .max(m.row_h)
                .min(m.row_h * 2.0)
        } else {
            m.row_h
        };
        return Some(Fit {
            row_h,
            lane_pad: m.lane_pad,
            content_h: natural,
        });
    }
    let pad = m.lane_pad * 0.3;
    let row_h = (avail - need(0.0, pad)) / total;
    (row_h >= m.row_min).then(|| Fit {
        row_h: row_h.min(m.row_h),
        lane_pad: pad,
        content_h: need(row_h.min(m.row_h), pad),
    })
}

/// The lanes as they are drawn in `avail` px, in the order of what gives way
/// (the module's doc): `lay(max_rows)` lays them out with 5 rows per lane,
/// then 2, then 1; while `presenting`, lanes with nothing in view are left
/// out; failing all that, rows at their least (the chart then scrolls).
/// Also returns the height the lanes need at their natural size.
pub fn fit_layout(
    lay: impl Fn(usize) -> Vec<Lane>,
    avail: f64,
    m: &ChartMetrics,
    presenting: bool,
) -> (Vec<Lane>, Fit, f64) {
    let rows_of = |lanes: &[Lane]| -> Vec<usize> { lanes.iter().map(|l| l.rows).collect() };
    let mut lanes = lay(5);
    let natural_h = fit_lanes(&rows_of(&lanes), 0.0, m).map_or(0.0, |f| f.content_h);
    let mut fitted = fit_lanes(&rows_of(&lanes), avail, m);
    for max_rows in [2, 1] {
        if fitted.is_some() {
            break;
        }
        lanes = lay(max_rows);
        fitted = fit_lanes(&rows_of(&lanes), avail, m);
    }
    if fitted.is_none() && presenting {
        lanes.retain(|l| !l.marks.is_empty() || !l.clusters.is_empty());
        fitted = fit_lanes(&rows_of(&lanes), avail, m);
    }
    let fitted = fitted.unwrap_or_else(|| {
        let pad = m.lane_pad * 0.3;
        let rows: f64 = lanes.iter().map(|l| l.rows.max(1) as f64).sum();
        Fit {
            row_h: m.row_min,
            lane_pad: pad,
            content_h: m.axis_h
                + 6.0
                + rows * m.row_min
                + lanes.len() as f64 * (pad * 2.0 + m.lane_head),
        }
    });
    (lanes, fitted, natural_h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_grows_with_the_frame_and_never_below_sixteen() {
        let t = |w, h, p| type_px(w, h, Theme::Light, true, p);
        assert_eq!(t(1280.0, 720.0, true), 18.0);
        assert_eq!(t(1920.0, 1080.0, true), 27.0);
        assert_eq!(t(480.0, 270.0, true), 16.0);
        assert_eq!(t(600.0, 600.0, true), 16.0);
        assert!(t(1920.0, 1080.0, false) < t(1920.0, 1080.0, true));
        assert_eq!(type_px(1920.0, 1080.0, Theme::Light, false, true), 16.0);
        assert_eq!(type_px(480.0, 270.0, Theme::Contrast, true, true), 19.0);
        assert_eq!(type_px(1920.0, 1080.0, Theme::Contrast, false, false), 19.0);
    }

    #[test]
    fn metrics_at_sixteen_are_the_historical_ones() {
        let m = ChartMetrics::at(16.0);
        assert_eq!(
            (m.label_px, m.row_h, m.axis_h, m.lane_pad),
            (12.0, 24.0, 26.0, 10.0)
        );
        assert_eq!(m.gutter(500.0), 8.0);
        assert_eq!(m.gutter(1000.0), 118.0);
        // A narrow chart names its lanes on a line above them.
        assert_eq!(ChartMetrics::for_width(16.0, 390.0).lane_head, 10.0);
        assert_eq!(ChartMetrics::for_width(16.0, 1000.0).lane_head, 0.0);
        assert_eq!(ChartMetrics::at(24.0).label_px, 18.0);
    }

    #[test]
    fn what_gives_way_first_rows_then_empty_lanes_then_scrolling() {
        use crate::layout::{layout, Grouping, LayoutParams};
        use crate::scale::Window;
        let ds = crate::load_json(crate::BUILTIN_DATASET).dataset;
        let shown: Vec<usize> = (0..ds.events.len()).collect();
        let (a, b) = ds.span().unwrap();
        let m = ChartMetrics::at(16.0);
        let (ds, shown) = (&ds, &shown);
        let lay = |g: Grouping, w: Window| {
            move |max_rows: usize| {
                layout(
                    ds,
                    shown,
                    g,
                    w,
                    LayoutParams {
                        width: 400.0,
                        max_rows,
                        ..LayoutParams::default()
                    },
                )
            }
        };
        let all = Window::fit(a, b);
        // Tall: 5 rows per lane allowed, natural sizes.
        let (lanes, fit, natural) = fit_layout(lay(Grouping::Kind, all), 2000.0, &m, false);
        assert_eq!(lanes.len(), 5);
        assert!(fit.row_h >= m.row_h && natural > 0.0);
        // Short: fewer rows per lane, everything fits.
        let (lanes, fit, natural) = fit_layout(lay(Grouping::Kind, all), 160.0, &m, false);
        assert!(
            lanes.iter().all(|l| l.rows <= 2),
            "{:?}",
            lanes.iter().map(|l| l.rows).collect::<Vec<_>>()
        );
        assert!(fit.content_h <= 160.0 && natural > 160.0);
        // Presenting a narrow window by country: empty lanes are left out.
        let narrow = Window::new(a as f64, a as f64 + 60.0);
        let (lanes, _, _) = fit_layout(lay(Grouping::Country, narrow), 120.0, &m, true);
        assert!(lanes
            .iter()
            .all(|l| !l.marks.is_empty() || !l.clusters.is_empty()));
        // Not presenting, they stay, at their least: the chart scrolls.
        let (kept, fit, _) = fit_layout(lay(Grouping::Country, narrow), 120.0, &m, false);
        assert!(kept.len() > lanes.len());
        assert_eq!(fit.row_h, m.row_min);
        assert!(fit.content_h > 120.0);
    }

    #[test]
    fn lanes_fill_a_tall_frame_and_squeeze_into_a_short_one() {
        let m = ChartMetrics::at(16.0);
        // Tall: rows grow, capped at twice.
        let f = fit_lanes(&[1, 1, 1], 1000.0, &m).unwrap();
        assert_eq!(f.row_h, 48.0);
        // Natural: 26 + 6 + 5 × 24 + 5 × 20 = 252; 200 px takes the padding in.
        let f = fit_lanes(&[1, 1, 1, 1, 1], 200.0, &m).unwrap();
        assert!(f.row_h == m.row_h && f.lane_pad < m.lane_pad);
        // 170 px squeezes the rows too.
        let f = fit_lanes(&[1, 1, 1, 1, 1], 170.0, &m).unwrap();
        assert!(f.row_h >= m.row_min && f.row_h < m.row_h, "{f:?}");
        assert!(f.content_h <= 170.0 + 1e-9);
        assert_eq!(fit_lanes(&[1, 1, 1, 1, 1], 150.0, &m), None);
        // Too many lanes for the room.
        assert_eq!(fit_lanes(&[1; 12], 200.0, &m), None);
        // Not measured yet: natural sizes.
        assert_eq!(fit_lanes(&[2], 0.0, &m).unwrap().row_h, 24.0);
    }
}
