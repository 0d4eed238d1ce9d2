//! The marks as drawn: each event's body (point, span, band), its symbol and
//! its label cut to the room it has.

use super::{Body, Frame, MarkBox, Rect};
use crate::date::Precision;
use crate::fmt::cut;
use crate::layout::Lane;
use crate::model::Dataset;
use crate::scale::Window;

/// How event `i`'s time is drawn.
pub(super) fn body_of(ds: &Dataset, i: usize) -> Body {
    let e = &ds.events[i];
    let uncertain = e.date.precision() != Precision::Day
        || e.end.is_some_and(|d| d.precision() != Precision::Day);
    match (uncertain, e.end.is_some()) {
        (true, _) => Body::Band,
        (false, true) => Body::Span,
        (false, false) => Body::Point,
    }
}

/// Event `i`'s start and end, and where its symbol is centred, in the plot's
/// pixels (`left`: the plot's left edge; a span that starts before it shows
/// its symbol there).
pub(super) fn mark_xs(
    ds: &Dataset,
    i: usize,
    window: Window,
    plot: (f64, f64),
    symbol: f64,
) -> (f64, f64, f64) {
    let (left, plot_w) = plot;
    let (a, b) = ds.days(i);
    let x_start = left + window.x(a as f64, plot_w);
    let x_end = (left + window.x(b as f64 + 1.0, plot_w)).max(x_start + 1.0);
    let cx = if body_of(ds, i) == Body::Span {
        x_start.max(left + symbol)
    } else {
        (x_start + x_end) / 2.0
    };
    (x_start, x_end, cx)
}

/// A label's character when it is cut to its room: 10 % over the average
/// width (as the lane names are), for DejaVu Sans, Linux's default sans,
/// runs wide, and a cut label must end before the next mark.
fn cut_w(frame: &Frame) -> f64 {
    frame.metrics().char_w * 1.1
}

/// Every mark of every lane, in time order, with its body, symbol and label.
pub(super) fn marks_of(
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
    let rows: Vec<(usize, usize)> = order
        .iter()
        .map(|&(li, mi)| (li, lanes[li].marks[mi].row))
        .collect();
    let mut out: Vec<MarkBox> = order
        .into_iter()
        .map(|(li, mi)| {
            let mk = &lanes[li].marks[mi];
            let e = &ds.events[mk.event];
            let y = row_y(li, mk.row);
            let body = body_of(ds, mk.event);
            let (x_start, x_end, cx) = mark_xs(ds, mk.event, window, (g, plot_w), m.symbol);
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
            let chars = ((room - (label_x - x_end) - m.symbol) / cut_w(frame))
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
            let inside_chars = ((inside_end - inside_x) / cut_w(frame)).floor().max(0.0) as usize;
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
                label_before: false,
                tabbable: false,
                selected: false,
            }
        })
        .collect();
    labels_before(ds, &mut out, &rows, lanes, frame);
    out
}

/// A row's last mark whose label has no room after it (near the plot's right
/// end, or before a cluster) has it before its symbol instead, ending there,
/// where the row is free back to what precedes it: the mark before (its label
/// included), a cluster, or the plot's left edge. `rows`: each mark's lane and row.
fn labels_before(
    ds: &Dataset,
    out: &mut [MarkBox],
    rows: &[(usize, usize)],
    lanes: &[Lane],
    frame: &Frame,
) {
    let m = frame.metrics();
    let (k, g, plot_w) = (frame.k(), frame.gutter(), frame.plot_w());
    let left_of = |mk: &MarkBox| mk.rect.map_or(mk.symbol.0, |r| r.x).min(mk.symbol.0) - m.symbol;
    let right_of = |mk: &MarkBox| match &mk.label {
        Some((x, _, t)) if !mk.label_before => x + t.chars().count() as f64 * cut_w(frame),
        _ => mk.rect.map_or(mk.symbol.0, |r| r.x + r.w).max(mk.symbol.0) + m.symbol,
    };
    let mut by_row: Vec<usize> = (0..out.len()).collect();
    crate::order::sort_by(&mut by_row, |&a, &b| {
        rows[a]
            .cmp(&rows[b])
            .then(left_of(&out[a]).total_cmp(&left_of(&out[b])))
    });
    for (n, &i) in by_row.iter().enumerate() {
        let last = by_row.get(n + 1).is_none_or(|&j| rows[j] != rows[i]);
        let mk = &out[i];
        let shown = mk.symbol.0 - m.symbol >= g && mk.symbol.0 + m.symbol <= g + plot_w;
        if !last || mk.label.is_some() || !shown {
            continue;
        }
        let end = left_of(mk) - 4.0 * k;
        let before = n
            .checked_sub(1)
            .filter(|&p| rows[by_row[p]] == rows[i])
            .map_or(g, |p| right_of(&out[by_row[p]]));
        let cluster = lanes[rows[i].0]
            .clusters
            .iter()
            .filter(|c| g + c.x0 < end)
            .map(|c| g + c.x1)
            .fold(g, f64::max);
        let start = before.max(cluster) + 4.0 * k;
        let chars = ((end - start) / cut_w(frame)).floor().max(0.0) as usize;
        if chars >= 9 {
            let y = out[i].symbol.1 + 4.0 * k;
            let title = &ds.events[out[i].event].title;
            out[i].label = Some((end, y, cut(title, chars)));
            out[i].label_before = true;
        }
    }
}

impl super::ChartModel {
    /// Whether event `event` has a mark drawn in the plot (some of its bar,
    /// band or symbol between the plot's edges): what a tooltip may point at.
    /// Not when it is off screen, clipped away, or counted in a pill.
    pub fn draws(&self, event: usize) -> bool {
        let (lo, hi) = (self.gutter, self.gutter + self.plot_w);
        self.marks.iter().filter(|mk| mk.event == event).any(|mk| {
            let (a, b) = mk
                .rect
                .map_or((mk.symbol.0, mk.symbol.0), |r| (r.x, r.x + r.w));
            b >= lo && a <= hi && mk.symbol.0.is_finite()
        })
    }
}
