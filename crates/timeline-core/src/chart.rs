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
use crate::date::Precision;
use crate::fmt::{cut, short_count};
use crate::frame::{fit_layout, ChartMetrics};
use crate::layout::{lane_members, lay_lane, Grouping, Lane, LaneKey, LaneMembers, LayoutParams};
use crate::model::{Dataset, Kind};
use crate::scale::{tick_unit, ticks, TickUnit, Window};
use crate::windowing::WindowAction;

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
    pub fn metrics(&self) -> ChartMetrics {
        ChartMetrics::at(self.em)
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
        let p = params(frame, MAX_ROWS, None);
        let lanes = lane_members(ds, shown, grouping)
            .into_iter()
            .map(|(key, label, members)| {
                let members = LaneMembers::new(ds, members);
                let all = 0..members.len();
                let laid = lay_lane(ds, key.clone(), label.clone(), &members, all, fit, p);
                // A cluster at the fit means more overlap than rows: zoomed in, all rows may be needed.
                let rows = if laid.clusters.is_empty() {
                    laid.rows
                } else {
                    MAX_ROWS
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
    /// The label cut to the gutter, where it is drawn, and the whole label when cut.
    pub label: String,
    pub label_y: f64,
    pub full_label: Option<String>,
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

/// A tick of the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct TickMark {
    /// In the plot's pixels (the gutter not counted).
    pub x: f64,
    pub label: String,
    pub major: bool,
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
        let (lanes, fitted, natural_h) = fit_layout(lay, frame.avail, &m, frame.presenting);
        let (row_h, pad) = (fitted.row_h, fitted.lane_pad);
        let label_chars = ((g - 12.0) / (m.char_w * 1.1)).floor().max(3.0) as usize;
        let mut y = m.axis_h;
        let boxes: Vec<LaneBox> = lanes
            .iter()
            .map(|l| {
                let (top, height) = (y, l.rows.max(1) as f64 * row_h + pad * 2.0);
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
                    label_y: top + pad + row_h * 0.5 + 4.0 * k,
                }
            })
            .collect();
        let height = (y + 6.0).max(frame.avail);
        let row_y = |li: usize, row: usize| boxes[li].top + pad + (row as f64 + 0.5) * row_h;
        let mut marks = marks_of(ds, &lanes, frame, window, &row_y);
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
        let clusters = clusters_of(&lanes, &boxes, frame, window, &row_y);
        let ticks = ticks(window, plot_w / k)
            .into_iter()
            .map(|t| TickMark {
                x: window.x(t.day as f64, plot_w),
                label: t.label,
                major: t.major,
            })
            .collect();
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

/// Every mark of every lane, in time order, with its body, symbol and label.
fn marks_of(
    ds: &Dataset,
    lanes: &[Lane],
    frame: &Frame,
    window: Window,
    row_y: &dyn Fn(usize, usize) -> f64,
) -> Vec<MarkBox> {
    let m = frame.metrics();
    let (k, g, plot_w) = (frame.k(), frame.gutter(), frame.plot_w());
    let mut order: Vec<(usize, usize)> = lanes
        .iter()
        .enumerate()
        .flat_map(|(li, l)| (0..l.marks.len()).map(move |mi| (li, mi)))
        .collect();
    let key = |&(li, mi): &(usize, usize)| (lanes[li].marks[mi].event, li);
    crate::order::sort_by(&mut order, |a, b| key(a).cmp(&key(b)));
    order
        .into_iter()
        .map(|(li, mi)| {
            let mk = &lanes[li].marks[mi];
            let e = &ds.events[mk.event];
            let y = row_y(li, mk.row);
            let (a, b) = ds.days(mk.event);
            let x_start = g + window.x(a as f64, plot_w);
            let x_end = (g + window.x(b as f64 + 1.0, plot_w)).max(x_start + 1.0);
            let uncertain = e.date.precision() != Precision::Day
                || e.end.is_some_and(|d| d.precision() != Precision::Day);
            let body = match (uncertain, e.end.is_some()) {
                (true, _) => Body::Band,
                (false, true) => Body::Span,
                (false, false) => Body::Point,
            };
            let width = x_end - x_start;
            let rect = match body {
                Body::Band => Some(Rect {
                    x: x_start,
                    y: y - 7.0 * k,
                    w: width,
                    h: 14.0 * k,
                }),
                Body::Span => Some(Rect {
                    x: x_start,
                    y: y - 5.0 * k,
                    w: width,
                    h: 10.0 * k,
                }),
                Body::Point => None,
            };
            // A span that starts before the plot shows its symbol at the plot's edge.
            let cx = if body == Body::Span {
                x_start.max(g + m.symbol)
            } else {
                x_start + width / 2.0
            };
            let label_x = if body == Body::Span {
                x_end + 4.0 * k
            } else {
                (cx + 9.0 * k).max(x_end + 4.0 * k)
            };
            // Room: up to the next mark of the row, or the plot's end, whichever the layout gave,
            // and never into a cluster of the lane (a density bar may cover every row).
            let next_cluster = lanes[li]
                .clusters
                .iter()
                .map(|c| g + c.x0)
                .filter(|&x| x >= x_end)
                .fold(f64::INFINITY, f64::min);
            let room = (mk.label_room + (g + mk.x1 - x_end.max(x_start)).max(0.0))
                .min(next_cluster - x_end - 4.0 * k);
            // The next mark's symbol reaches left of its day by its half size.
            let chars = ((room - (label_x - x_end) - m.symbol) / m.char_w)
                .floor()
                .max(0.0) as usize;
            // A label never shows without its mark: the symbol must be in the plot.
            let visible = match body {
                Body::Point => cx - m.symbol >= g,
                _ => x_end >= g + m.symbol,
            } && label_x < g + plot_w;
            let mut label =
                (chars >= 9 && visible).then(|| (label_x, y + 4.0 * k, cut(&e.title, chars)));
            // No room after a long span (an era): inside it, after its symbol, where it shows.
            let inside_x = (cx + m.symbol + 4.0 * k).max(g + 4.0 * k);
            let inside_end = x_end.min(g + plot_w) - 4.0 * k;
            let inside_chars = ((inside_end - inside_x) / m.char_w).floor().max(0.0) as usize;
            let label_inside =
                label.is_none() && visible && body != Body::Point && inside_chars >= 9;
            if label_inside {
                label = Some((inside_x, y + 4.0 * k, cut(&e.title, inside_chars)));
            }
            MarkBox {
                event: mk.event,
                lane: li,
                body,
                rect,
                symbol: (cx, y),
                label,
                label_inside,
                tabbable: false,
                selected: false,
            }
        })
        .collect()
}

/// A lane's clusters as pills at least `min_w` wide: a pill that would run
/// into the next one (a bin's events near its end, where the pill is wider
/// than what is left of the bin) takes the next one in, counts and all, so
/// no pill covers another and every event is still counted once.
///
/// Only what is on the plot is a pill: the margin's bins beyond either edge
/// are left out, but for one at the left edge when its events reach into the
/// plot (spans from before the window); the last pill ends at the right edge.
fn pills(
    clusters: &[crate::layout::Cluster],
    min_w: f64,
    gap: f64,
    plot: (Window, f64),
) -> Vec<crate::layout::Cluster> {
    let (window, plot_w) = plot;
    let mut out: Vec<crate::layout::Cluster> = Vec::with_capacity(clusters.len());
    for c in clusters {
        let mut c = c.clone();
        if c.x1 <= 0.0 {
            if window.x(c.days.1 as f64 + 1.0, plot_w) <= 0.0 {
                continue;
            }
            c.x0 = 0.0;
        }
        if c.x0 >= plot_w {
            continue;
        }
        c.x1 = c.x1.max(c.x0 + min_w);
        if c.x1 > plot_w {
            c.x1 = plot_w;
            c.x0 = c.x0.min(plot_w - min_w).max(0.0);
        }
        match out.last_mut() {
            Some(prev) if c.x0 < prev.x1 + gap => {
                prev.count += c.count;
                let room = crate::layout::CLUSTER_IDS.saturating_sub(prev.first.len());
                prev.first.extend(c.first.into_iter().take(room));
                prev.days = (prev.days.0.min(c.days.0), prev.days.1.max(c.days.1));
                prev.x1 = prev.x1.max(c.x1);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The clusters of every lane, shaded by how dense they are.
fn clusters_of(
    lanes: &[Lane],
    boxes: &[LaneBox],
    frame: &Frame,
    window: Window,
    row_y: &dyn Fn(usize, usize) -> f64,
) -> Vec<ClusterBox> {
    let (k, g) = (frame.k(), frame.gutter());
    let plot = (window, frame.plot_w());
    let merged: Vec<Vec<crate::layout::Cluster>> = lanes
        .iter()
        .map(|l| pills(&l.clusters, 22.0 * k, 2.0 * k, plot))
        .collect();
    let densest = merged
        .iter()
        .flatten()
        .map(|c| c.count)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let mut out = Vec::new();
    for (li, l) in lanes.iter().enumerate() {
        let cy = row_y(li, 0);
        let b = &boxes[li];
        for c in &merged[li] {
            let (first, last) = c.days;
            let bw = c.x1 - c.x0;
            let n = c.count;
            // A density bar as tall as the lane's rows (the rows its marks take
            // when zoomed in), unless a mark of its own (the cursor's) sits beside it.
            let beside = l.marks.iter().any(|m| m.x0 < c.x0 + bw && m.x1 > c.x0);
            // From the first row's centre to the last's (they mirror each other in the lane).
            let last_row = b.top + b.height - (cy - b.top);
            let top = cy - 9.0 * k;
            let h = if beside {
                18.0 * k
            } else {
                last_row - cy + 18.0 * k
            };
            out.push(ClusterBox {
                lane: li,
                n,
                first: c.first.clone(),
                rect: Rect {
                    x: g + c.x0,
                    y: top,
                    w: bw,
                    h: h.max(18.0 * k),
                },
                text: (g + c.x0 + bw / 2.0, top + h.max(18.0 * k) / 2.0 + 4.0 * k),
                count: short_count(n),
                opacity: 0.45 + 0.55 * (n as f64 / densest).sqrt(),
                zoom: WindowAction::Days { first, last },
            });
        }
    }
    out
}
