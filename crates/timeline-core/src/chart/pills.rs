//! The clusters as drawn: pills that never cover one another, and no pill of
//! one event — a bin left with a single event draws that event's own mark.

use super::marks::mark_xs;
use super::{ClusterBox, Frame, Rect};
use crate::fmt::short_count;
use crate::layout::{Cluster, Lane, Mark, CLUSTER_IDS};
use crate::model::Dataset;
use crate::scale::Window;
use crate::windowing::WindowAction;

/// `b`'s events counted into `a` (its ids while there is room), their days
/// and extents joined.
fn join(mut a: Cluster, b: Cluster) -> Cluster {
    a.count += b.count;
    let room = CLUSTER_IDS.saturating_sub(a.first.len());
    a.first.extend(b.first.into_iter().take(room));
    a.days = (a.days.0.min(b.days.0), a.days.1.max(b.days.1));
    a.x0 = a.x0.min(b.x0);
    a.x1 = a.x1.max(b.x1);
    a
}

/// A lane's clusters as pills at least `min_w` wide: a pill that would run
/// into the next one (a bin's events near its end, where the pill is wider
/// than what is left of the bin) takes the next one in, counts and all, so
/// no pill covers another and every event is still counted once.
///
/// Only what is on the plot is a pill: the margin's bins beyond either edge
/// are left out, but for one at the left edge when its events reach into the
/// plot (spans from before the window); the last pill ends at the right edge.
pub(super) fn pills(
    clusters: &[Cluster],
    min_w: f64,
    gap: f64,
    plot: (Window, f64),
) -> Vec<Cluster> {
    let (window, plot_w) = plot;
    let mut out: Vec<Cluster> = Vec::with_capacity(clusters.len());
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
        match out.pop() {
            // (A hair's rounding is no overlap: bins side by side do not chain into one pill.)
            Some(prev) if c.x0 < prev.x1 + gap - 1e-6 => out.push(join(prev, c)),
            Some(prev) => out.extend([prev, c]),
            None => out.push(c),
        }
    }
    out
}

/// The clusters of every lane, shaded by how dense they are.
pub(super) fn clusters_of(
    lanes: &[Lane],
    frame: &Frame,
    row_y: &dyn Fn(usize, usize) -> f64,
) -> Vec<ClusterBox> {
    let (k, g, sym) = (frame.k(), frame.gutter(), frame.metrics().symbol);
    let densest = lanes
        .iter()
        .flat_map(|l| &l.clusters)
        .map(|c| c.count)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let mut out = Vec::new();
    for (li, l) in lanes.iter().enumerate() {
        let cy = row_y(li, 0);
        // The last row's centre.
        let last_row = row_y(li, l.rows.max(1) - 1);
        for c in &l.clusters {
            let (first, last) = c.days;
            let bw = c.x1 - c.x0;
            let n = c.count;
            // A density bar as tall as the lane's rows (the rows its marks take
            // when zoomed in), unless a mark of its own (the cursor's) sits beside it.
            // (Its symbol counted: a mark just past the bar's end may reach back under it.)
            let beside = l
                .marks
                .iter()
                .any(|m| m.x0 - sym < c.x0 + bw && m.x1 + sym > c.x0);
            // From the first row's centre to the last's.
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

/// What a lane's row 0 holds along the axis while its pills are settled: a
/// pill, or a bin's one event drawn as its mark (the pill it was, and the
/// mark's left and right as drawn, its symbol included).
enum Item {
    Pill(Cluster),
    Mark(Cluster, f64, f64),
}

impl Item {
    fn right(&self) -> f64 {
        match self {
            Item::Pill(c) => c.x1,
            Item::Mark(_, _, r) => *r,
        }
    }
}

/// A lane's clusters as pills ([`pills`]), and no pill of one event: a bin
/// left with a single event draws that event's ordinary mark, in row 0 where
/// the pills are, when the mark (its symbol, its bar) stays `gap` clear of the
/// pills and marks beside it; else it joins the pill it would touch (so no
/// pill counts 1, none covers another or a mark, and every event is still drawn
/// once). `plot`: the window and the plot's width; `sizes`: the least pill's
/// width, the gap, a symbol's half size and the narrowest mark.
pub(super) fn settle(ds: &Dataset, lane: &mut Lane, plot: (Window, f64), sizes: [f64; 4]) {
    let (window, plot_w) = plot;
    let [min_w, gap, symbol, min_mark] = sizes;
    let all = pills(&lane.clusters, min_w, gap, plot);
    let mut out: Vec<Item> = Vec::with_capacity(all.len());
    let mut carry: Option<Cluster> = None;
    for (i, c) in all.iter().enumerate() {
        let c = match carry.take() {
            Some(prev) => join(prev, c.clone()),
            None => c.clone(),
        };
        if c.count != 1 || c.first.len() != 1 {
            out.push(Item::Pill(c));
            continue;
        }
        let (x_start, x_end, cx) = mark_xs(ds, c.first[0], window, (0.0, plot_w), symbol);
        let (l, r) = (x_start.min(cx - symbol), x_end.max(cx + symbol));
        let before = out.last().map_or(f64::NEG_INFINITY, Item::right);
        let next = all.get(i + 1).map_or(f64::INFINITY, |n| n.x0);
        if l < before + gap {
            // Too close to what is before it: in that pill (or with that mark, as a pill).
            match out.pop() {
                Some(Item::Pill(p) | Item::Mark(p, _, _)) => out.push(Item::Pill(join(p, c))),
                None => out.push(Item::Pill(c)),
            }
        } else if r + gap > next {
            carry = Some(c);
        } else {
            out.push(Item::Mark(c, l, r));
        }
    }
    if let Some(c) = carry {
        out.push(Item::Pill(c));
    }
    // The marks' label room: up to what follows in row 0 (a pill, a mark), or the plot's end.
    let row0: Vec<f64> = lane
        .marks
        .iter()
        .filter(|m| m.row == 0)
        .map(|m| m.x0)
        .collect();
    let starts: Vec<f64> = out
        .iter()
        .map(|it| match it {
            Item::Pill(c) => c.x0,
            Item::Mark(_, l, _) => *l,
        })
        .collect();
    let mut clusters = Vec::with_capacity(out.len());
    for (i, it) in out.into_iter().enumerate() {
        match it {
            Item::Pill(c) => clusters.push(c),
            Item::Mark(c, _, _) => {
                let event = c.first[0];
                let (x0, x_end, _) = mark_xs(ds, event, window, (0.0, plot_w), symbol);
                let x1 = x_end.max(x0 + min_mark);
                let next = row0
                    .iter()
                    .copied()
                    .filter(|&x| x >= x1)
                    .chain(starts.get(i + 1).copied())
                    .fold(plot_w, f64::min);
                lane.marks.push(Mark {
                    event,
                    x0,
                    x1,
                    row: 0,
                    label_room: (next - x1 - gap).max(0.0),
                });
            }
        }
    }
    lane.clusters = clusters;
}
