//! The chart model: everything the timeline chart draws, as plain data —
//! lanes, marks (where, which row, the label's box and cut text), clusters,
//! ticks, the clip, the keyboard's stop and where the open event's popover
//! hangs. The screen component only renders it.
//!
//! Two steps, so a wheel turn redoes only the second:
//! - [`ChartBase`]: what depends on the data, the shown set, the grouping and
//!   the width — the lanes' members and the rows each lane keeps (the chart's
//!   height does not change as one zooms and pans);
//! - [`ChartModel::new`]: the window, the frame and the cursor on top of it.

use crate::chartnav::Cursor;
use crate::fmt::cut;
use crate::frame::{fit_layout, ChartMetrics};
use crate::layout::{lane_members, lay_lane, Grouping, Lane, LaneKey, LaneMembers, LayoutParams};
use crate::model::{Dataset, Kind};
use crate::scale::{tick_unit, TickUnit, Window};
use crate::windowing::WindowAction;

mod axis;
mod marks;
mod pills;
pub use axis::{tick_marks, TextAnchor, TickMark, TickText, TICK_CHAR_EM};

/// The most rows a lane stacks before close marks become a cluster.
pub const MAX_ROWS: usize = 5;
/// How far outside the plot (in pixels) events are still laid out.
const CULL_PX: f64 = 160.0;

/// The frame's sizes for a chart `width` px wide at a root font of `em` px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub em: f64,
    /// The height a frame gives the chart (0: as tall as the lanes need).
    pub avail: f64,
    pub presenting: bool,
}

impl Frame {
    /// A page's chart (not a frame's, not presenting): `width` px at `em` px.
    pub fn page(width: f64, em: f64) -> Frame {
        Frame {
            width,
            em,
            avail: 0.0,
            presenting: false,
        }
    }

    pub fn metrics(&self) -> ChartMetrics {
        ChartMetrics::for_width(self.em, self.width)
    }
    /// The type scale (1 at 12 px labels).
    pub fn k(&self) -> f64 {
        self.metrics().label_px / 12.0
    }
    pub fn gutter(&self) -> f64 {
        self.metrics().gutter(self.width)
    }
    /// The plot's width: the chart less the lane labels' gutter and a margin.
    pub fn plot_w(&self) -> f64 {
        (self.width - self.gutter() - 8.0).max(100.0)
    }
}

/// One lane's members and the rows it keeps at every zoom.
#[derive(Clone, Debug, PartialEq)]
pub struct BaseLane {
    pub key: LaneKey,
    pub label: String,
    /// Indexes into `Dataset::events`, in time order, with what finds a window's run in them.
    pub members: LaneMembers,
    /// The rows the lane needs when it shows all its events (at most [`MAX_ROWS`]):
    /// zoomed in, marks spread out and never need more; zoomed out further,
    /// they cluster sooner. So the lane's height holds while one zooms and pans.
    pub rows: usize,
}

/// What does not change as the window moves.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartBase {
    pub lanes: Vec<BaseLane>,
    /// The window the rows were measured at (all events).
    pub fit: Window,
}

impl ChartBase {
    pub fn new(
        ds: &Dataset,
        shown: &[usize],
        grouping: Grouping,
        fit: Window,
        frame: &Frame,
    ) -> ChartBase {
        ChartBase::of_lanes(ds, lane_members(ds, shown, grouping), fit, frame)
    }

    /// [`ChartBase::new`] for the events `sel` shows (`shown`: the same, as
    /// a list), its lanes read off the events' bits where they can be
    /// ([`crate::layout::lane_members_selected`]).
    pub fn selected(
        ds: &Dataset,
        shown: &[usize],
        sel: Option<&crate::filter::Selection>,
        grouping: Grouping,
        fit: Window,
        frame: &Frame,
    ) -> ChartBase {
        let lanes = sel.and_then(|s| crate::layout::lane_members_selected(ds, s, grouping));
        match lanes {
            Some(lanes) => ChartBase::of_lanes(ds, lanes, fit, frame),
            None => ChartBase::new(ds, shown, grouping, fit, frame),
        }
    }

    /// The base for lanes' members (in time order) as [`lane_members`] gives them.
    fn of_lanes(
        ds: &Dataset,
        lanes: Vec<(LaneKey, String, Vec<usize>)>,
        fit: Window,
        frame: &Frame,
    ) -> ChartBase {
        let p = params(frame, MAX_ROWS, None);
        let lanes = lanes
            .into_iter()
            .map(|(key, label, members)| {
                let members = LaneMembers::new(ds, members);
                // A cluster at the fit means more overlap than rows: zoomed in,
                // all rows may be needed (a lane too full for its rows has one
                // without being laid out).
                let rows = if crate::layout::certainly_clusters(members.len(), p) {
                    MAX_ROWS
                } else {
                    let all = 0..members.len();
                    let laid = lay_lane(ds, key.clone(), label.clone(), &members, all, fit, p);
                    if laid.clusters.is_empty() {
                        laid.rows
                    } else {
                        MAX_ROWS
                    }
                };
                BaseLane {
                    key,
                    label,
                    members,
                    rows: rows.clamp(1, MAX_ROWS),
                }
            })
            .collect();
        ChartBase { lanes, fit }
    }
}

fn params(frame: &Frame, max_rows: usize, keep: Option<usize>) -> LayoutParams {
    let k = frame.k();
    LayoutParams {
        width: frame.plot_w(),
        max_rows,
        min_mark: 14.0 * k,
        bin: 36.0 * k,
        gap: 4.0 * k,
        keep,
    }
}

/// What the chart shows beyond the base: the window, the keyboard's cursor and the open event.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Focus<'a> {
    pub window: Window,
    pub cursor: Option<&'a Cursor>,
    /// The open event (index into `Dataset::events`).
    pub selected: Option<usize>,
}

/// A lane as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneBox {
    pub key: LaneKey,
    /// The kind, for the lane's colour (lanes by kind).
    pub kind: Option<Kind>,
    pub top: f64,
    pub height: f64,
    /// The label cut to its room, where it is drawn (its baseline; it starts
    /// at x = 8), and the whole label when cut. Beside the lane, in the gutter;
    /// on a narrow chart, on a line above the lane's rows, across the chart.
    pub label: String,
    pub label_y: f64,
    pub full_label: Option<String>,
    /// The width the label is cut to.
    pub label_w: f64,
}

/// How an event's time is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Body {
    /// A day: the kind's symbol alone.
    Point,
    /// From one day to another: a bar.
    Span,
    /// A date known only to the month or year: a dashed band over it.
    Band,
}

/// A rectangle, in the chart's pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// An event's mark as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkBox {
    /// Index into `Dataset::events`.
    pub event: usize,
    /// The lane's position among the drawn lanes.
    pub lane: usize,
    pub body: Body,
    /// The bar or band (for `Span` and `Band`).
    pub rect: Option<Rect>,
    /// Where the kind's symbol is centred.
    pub symbol: (f64, f64),
    /// The label's baseline start and its text cut to the room before the next mark; `None`
    /// where there is no room, and always where the mark itself is out of the plot.
    pub label: Option<(f64, f64, String)>,
    /// The label sits inside the mark's bar or band (a long span with no room after it).
    pub label_inside: bool,
    /// The label sits before the mark and ends at its `x` (`text-anchor: end`):
    /// a row's last mark with no room after it, near the plot's right end.
    pub label_before: bool,
    /// The chart's one Tab stop.
    pub tabbable: bool,
    pub selected: bool,
}

/// Events too close to stack, drawn as one count.
#[derive(Clone, Debug, PartialEq)]
pub struct ClusterBox {
    pub lane: usize,
    /// How many events it holds.
    pub n: usize,
    /// Its first events (indexes into `Dataset::events`), in time order: all of
    /// them when there are at most [`crate::layout::CLUSTER_IDS`].
    pub first: Vec<usize>,
    pub rect: Rect,
    /// Where the count is written (centre of its baseline) and the count as text.
    pub text: (f64, f64),
    pub count: String,
    /// Darker where denser: 0.45 to 1.
    pub opacity: f64,
    /// What a click does: zoom to the days of its events.
    pub zoom: WindowAction,
}

/// Where the open event's popover hangs: its left edge and top (or bottom, when
/// `above`) in the chart's pixels, and its width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Popover {
    pub left: f64,
    pub y: f64,
    pub width: f64,
    pub above: bool,
}

/// Everything the chart draws.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartModel {
    pub width: f64,
    pub height: f64,
    /// The lane labels' gutter: the plot starts here.
    pub gutter: f64,
    pub plot_w: f64,
    /// The height the lanes need at their natural size (what a host may size a frame to).
    pub natural_h: f64,
    /// The type scale (1 at 12 px labels).
    pub k: f64,
    pub lanes: Vec<LaneBox>,
    /// In time order; an event in two lanes has two marks.
    pub marks: Vec<MarkBox>,
    pub clusters: Vec<ClusterBox>,
    pub ticks: Vec<TickMark>,
    /// The axis's unit, what PageUp/PageDown step by.
    pub unit: TickUnit,
    /// The open event's first mark: where its popover hangs, and its lane's top and height.
    pub popover: Option<Popover>,
    pub selected_lane: Option<(f64, f64)>,
}

impl ChartModel {
    pub fn new(ds: &Dataset, base: &ChartBase, frame: &Frame, focus: Focus) -> ChartModel {
        let m = frame.metrics();
        let (k, g, plot_w, w) = (frame.k(), frame.gutter(), frame.plot_w(), frame.width);
        let window = focus.window;
        // The keyboard's cursor, else the open event, is never hidden in a cluster.
        let keep = focus.cursor.map(|c| c.event).or(focus.selected);
        let lay = |max_rows: usize| lay_window(ds, base, frame, window, max_rows, keep);
        // What gives way in a frame, in order (frame::fit_layout).
        let (mut lanes, fitted, natural_h) = fit_layout(lay, frame.avail, &m, frame.presenting);
        // Clusters as pills; a bin of one event is that event's mark.
        for lane in lanes.iter_mut() {
            let sizes = [22.0 * k, 2.0 * k, m.symbol, 14.0 * k];
            pills::settle(ds, lane, (window, plot_w), sizes);
        }
        let (row_h, pad, head) = (fitted.row_h, fitted.lane_pad, m.lane_head);
        // A narrow chart names its lanes above them, across its width; else in the gutter.
        let label_w = if head > 0.0 { w - 16.0 } else { g - 12.0 };
        let label_chars = (label_w / (m.char_w * 1.1)).floor().max(3.0) as usize;
        let mut y = m.axis_h;
        let boxes: Vec<LaneBox> = lanes
            .iter()
            .map(|l| {
                let (top, height) = (y, l.rows.max(1) as f64 * row_h + pad * 2.0 + head);
                y += height;
                let label = cut(&l.label, label_chars);
                LaneBox {
                    key: l.key.clone(),
                    kind: match l.key {
                        LaneKey::Kind(k) => Some(k),
                        _ => None,
                    },
                    top,
                    height,
                    full_label: (label != l.label).then(|| l.label.clone()),
                    label,
                    label_y: if head > 0.0 {
                        top + pad + head - 3.0 * k
                    } else {
                        top + pad + row_h * 0.5 + 4.0 * k
                    },
                    label_w,
                }
            })
            .collect();
        let height = (y + 6.0).max(frame.avail);
        let row_y = |li: usize, row: usize| boxes[li].top + pad + head + (row as f64 + 0.5) * row_h;
        let mut marks = marks::marks_of(ds, &lanes, frame, window, &row_y);
        // The chart is one Tab stop: the cursor's mark, else the first mark in time.
        let stop = focus
            .cursor
            .and_then(|c| {
                marks
                    .iter()
                    .position(|mk| lanes[mk.lane].key == c.lane && mk.event == c.event)
            })
            .or(if marks.is_empty() { None } else { Some(0) });
        if let Some(s) = stop {
            marks[s].tabbable = true;
        }
        for mk in marks.iter_mut() {
            mk.selected = Some(mk.event) == focus.selected;
        }
        let (mut popover, mut selected_lane) = (None, None);
        if let Some(mk) = marks.iter().find(|mk| mk.selected) {
            let x = mk.rect.map_or(mk.symbol.0, |r| r.x + r.w / 2.0);
            let y = mk.symbol.1;
            // Below the mark in the upper half of the chart, above it in the lower half.
            let above = y > height / 2.0;
            let pw = 340.0_f64.min(w - 16.0);
            popover = Some(Popover {
                left: (x - pw / 2.0).max(8.0).min((w - pw - 8.0).max(8.0)),
                y: if above { y - 16.0 } else { y + 16.0 },
                width: pw,
                above,
            });
            let lb = &boxes[mk.lane];
            selected_lane = Some((lb.top, lb.height));
        }
        let clusters = pills::clusters_of(&lanes, frame, &row_y);
        let ticks = tick_marks(window, plot_w, k, m.label_px);
        ChartModel {
            width: w,
            height,
            gutter: g,
            plot_w,
            natural_h,
            k,
            lanes: boxes,
            marks,
            clusters,
            ticks,
            unit: tick_unit(window, plot_w),
            popover,
            selected_lane,
        }
    }

    /// The x of `day` in the chart (the gutter counted).
    pub fn x_of(&self, window: Window, day: f64) -> f64 {
        self.gutter + window.x(day, self.plot_w)
    }
}

/// The lanes laid out in `window`, each keeping its rows (at most `max_rows`);
/// only the members that may be in view are looked at.
fn lay_window(
    ds: &Dataset,
    base: &ChartBase,
    frame: &Frame,
    window: Window,
    max_rows: usize,
    keep: Option<usize>,
) -> Vec<Lane> {
    let wider = window.span() > base.fit.span() + 1e-9;
    let margin = CULL_PX / frame.plot_w() * window.span();
    base.lanes
        .iter()
        .map(|bl| {
            let kept_rows = bl.rows.min(max_rows);
            // Zoomed out beyond the fit, marks cluster sooner so the lane keeps its height.
            let cap = if wider { kept_rows } else { max_rows };
            let p = params(frame, cap, keep);
            // Members are in time order: the ones that may show are a run of them.
            let start = |i: usize| ds.days(i).0 as f64;
            let (ids, longest) = (&bl.members.ids, bl.members.longest as f64);
            let lo = ids.partition_point(|&i| start(i) + longest + 1.0 < window.start - margin);
            let hi = ids.partition_point(|&i| start(i) <= window.end + margin);
            let (key, label) = (bl.key.clone(), bl.label.clone());
            let mut lane = lay_lane(ds, key, label, &bl.members, lo..hi.max(lo), window, p);
            lane.rows = lane.rows.max(kept_rows);
            lane
        })
        .collect()
}
