//! One lane laid out in a window, at a cost bound by what the window shows
//! rather than by how many events the lane holds: members are in time order,
//! so the ones on screen are found by binary search; a run of close marks is
//! followed by jumps (binary search plus the latest end day over the run);
//! a dense stretch's clusters are counted per density bin, not listed.
//!
//! The result is the one a walk over every member would give: marks that
//! would overlap stack in rows; a group of marks that needs more than
//! `max_rows` becomes fixed-width density bins, each a cluster.

use super::index::LaneMembers;
use super::{bin_days, bin_key, Cluster, Lane, LaneKey, LayoutParams, Mark, CLUSTER_IDS};
use crate::model::Dataset;
use crate::scale::Window;
use std::ops::Range;

/// How far outside the plot (in pixels) events are still laid out, so that
/// labels and marks at the edges do not pop.
const CULL_MARGIN: f64 = 160.0;

/// The members a window lays out, in order: those that start before the
/// plot's margin but reach into it (`left`, member positions), then a run of
/// positions `from..to`, all within the margin.
struct Stream<'a> {
    ds: &'a Dataset,
    m: &'a LaneMembers,
    left: Vec<usize>,
    from: usize,
    to: usize,
    w: Window,
    p: LayoutParams,
}

impl Stream<'_> {
    fn len(&self) -> usize {
        self.left.len() + self.to - self.from
    }
    /// The member position of stream position `s`.
    fn pos(&self, s: usize) -> usize {
        match self.left.get(s) {
            Some(&k) => k,
            None => self.from + s - self.left.len(),
        }
    }
    fn x0_of(&self, event: usize) -> f64 {
        self.w.x(self.ds.days(event).0 as f64, self.p.width)
    }
    /// Event, x0, x1 of stream position `s`.
    fn item(&self, s: usize) -> (usize, f64, f64) {
        let i = self.m.ids[self.pos(s)];
        let x0 = self.x0_of(i);
        let x1 = self.w.x(self.ds.days(i).1 as f64 + 1.0, self.p.width);
        (i, x0, x1.max(x0 + self.p.min_mark))
    }
    /// The first stream position from `s` on whose x0 fails `pred` (true up to some x).
    fn until(&self, s: usize, pred: impl Fn(f64) -> bool) -> usize {
        self.until_ev(s, |i| pred(self.x0_of(i)))
    }
    /// The first stream position from `s` on whose event fails `pred` (true up to some event).
    fn until_ev(&self, s: usize, pred: impl Fn(usize) -> bool) -> usize {
        let nl = self.left.len();
        let mut s = s;
        while s < nl {
            if !pred(self.m.ids[self.left[s]]) {
                return s;
            }
            s += 1;
        }
        let a = self.from + (s - nl);
        s + self.m.ids[a..self.to].partition_point(|&i| pred(i))
    }
    /// The latest x1 over stream positions `r` of the run (not `left`).
    fn reach(&self, r: Range<usize>) -> f64 {
        let (a, b) = (self.pos(r.start), self.pos(r.end - 1) + 1);
        let end = self.m.max_end(self.ds, a..b);
        let last = self.x0_of(self.m.ids[b - 1]);
        self.w
            .x(end as f64 + 1.0, self.p.width)
            .max(last + self.p.min_mark)
    }
    /// The end of the group (marks whose extents plus the gap overlap, chained) starting at `gs`.
    fn group_end(&self, gs: usize) -> usize {
        let gap = self.p.gap;
        let mut reach = self.item(gs).2;
        let mut s = gs + 1;
        while s < self.left.len() {
            let (_, a, b) = self.item(s);
            if a >= reach + gap {
                return s;
            }
            reach = reach.max(b);
            s += 1;
        }
        while s < self.len() {
            let lim = reach + gap;
            let e = self.until(s, |x0| x0 < lim);
            if e == s {
                return s;
            }
            reach = reach.max(self.reach(s..e));
            s = e;
        }
        s
    }
    /// The latest end day over stream positions `r` but `skip`.
    fn last_day(&self, r: Range<usize>, skip: Option<usize>) -> i32 {
        let mut end = i32::MIN;
        let mut s = r.start;
        while s < r.end && s < self.left.len() {
            if Some(s) != skip {
                end = end.max(self.ds.days(self.m.ids[self.left[s]]).1);
            }
            s += 1;
        }
        let parts = match skip.filter(|k| (s..r.end).contains(k)) {
            Some(k) => [s..k, k + 1..r.end],
            None => [s..r.end, r.end..r.end],
        };
        for part in parts.into_iter().filter(|p| !p.is_empty()) {
            let (a, b) = (self.pos(part.start), self.pos(part.end - 1) + 1);
            end = end.max(self.m.max_end(self.ds, a..b));
        }
        end
    }
    /// The stream positions in `r` but `skip` whose event reaches into the plot
    /// (ends after the window's start); whole blocks that end before are skipped.
    fn reaching_in(&self, r: Range<usize>, skip: Option<usize>) -> Vec<usize> {
        let (w, width) = (self.w, self.p.width);
        let reaches = |end: i32| w.x(end as f64 + 1.0, width) > 0.0;
        let nl = self.left.len();
        let mut out: Vec<usize> = (r.start..r.end.min(nl))
            .filter(|&s| reaches(self.ds.days(self.m.ids[self.left[s]]).1))
            .collect();
        if r.end > nl {
            let (a, b) = (self.pos(r.start.max(nl)), self.pos(r.end - 1) + 1);
            let run = self.m.reaching(self.ds, a..b, &reaches);
            out.extend(run.into_iter().map(|k| nl + k - self.from));
        }
        out.retain(|&s| Some(s) != skip);
        out
    }
    /// The density bins of group `g` (all but `skip`), each a cluster. Bins are
    /// whole multiples of [`bin_days`] from day 0; what starts before the window
    /// is one bin counting only the events that reach into it, what starts after
    /// it is no bin at all.
    fn bins(&self, g: Range<usize>, skip: Option<usize>, out: &mut Vec<Cluster>) {
        let (w, width) = (self.w, self.p.width);
        let bd = bin_days(w, self.p);
        let key = |i: usize| bin_key(self.ds.days(i).0, w, width, bd);
        let ids_of = |ss: &mut dyn Iterator<Item = usize>| -> Vec<usize> {
            ss.take(CLUSTER_IDS)
                .map(|t| self.m.ids[self.pos(t)])
                .collect()
        };
        let mut s = g.start;
        while s < g.end {
            if Some(s) == skip {
                s += 1;
                continue;
            }
            let (first, x0, _) = self.item(s);
            let b = key(first);
            let e = self.until_ev(s, |i| key(i) <= b).min(g.end);
            if b == i64::MIN {
                let inn = self.reaching_in(s..e, skip);
                if let Some(&f) = inn.first() {
                    let end = inn
                        .iter()
                        .map(|&t| self.ds.days(self.m.ids[self.pos(t)]).1)
                        .max()
                        .unwrap_or(i32::MIN);
                    let (fi, fx0, _) = self.item(f);
                    out.push(Cluster {
                        count: inn.len(),
                        first: ids_of(&mut inn.iter().copied()),
                        days: (self.ds.days(fi).0, end),
                        x0: fx0,
                        x1: fx0.max(-self.p.gap / 2.0),
                    });
                }
            } else if b != i64::MAX {
                let inside = skip.is_some_and(|k| (s..e).contains(&k));
                let bin_end = w.x((b + 1) as f64 * bd, width);
                out.push(Cluster {
                    count: e - s - usize::from(inside),
                    first: ids_of(&mut (s..e).filter(|&t| Some(t) != skip)),
                    days: (self.ds.days(first).0, self.last_day(s..e, skip)),
                    x0,
                    x1: x0.max(bin_end - self.p.gap / 2.0),
                });
            }
            s = e;
        }
    }
}

/// Whether `n` marks all inside the drawn stretch (the plot and its margins)
/// cannot all be stacked in `p.max_rows` rows, so [`lay_lane`] would make
/// clusters: a row holds marks at least `min_mark` wide and `gap` apart. What
/// needs only that answer (a lane's rows at the fit) need not lay out a lane
/// of 1,000,000 events to learn it.
pub fn certainly_clusters(n: usize, p: LayoutParams) -> bool {
    let stretch = p.width + 2.0 * CULL_MARGIN + p.gap;
    let per_row = (stretch / (p.min_mark + p.gap).max(1e-9)).floor() + 1.0;
    n as f64 > per_row * p.max_rows as f64
}

/// Lays out one lane's members at positions `run` in window `w`.
pub fn lay_lane(
    ds: &Dataset,
    key: LaneKey,
    label: String,
    members: &LaneMembers,
    run: Range<usize>,
    w: Window,
    p: LayoutParams,
) -> Lane {
    // Only what is on screen (with a margin) is laid out: the DOM stays small when zoomed in.
    let x0 = |pos: usize| w.x(ds.days(members.ids[pos]).0 as f64, p.width);
    let ids = &members.ids[run.clone()];
    let to = run.start
        + ids.partition_point(|&i| w.x(ds.days(i).0 as f64, p.width) <= p.width + CULL_MARGIN);
    let from = run.start
        + members.ids[run.start..to]
            .partition_point(|&i| w.x(ds.days(i).0 as f64, p.width) + p.min_mark < -CULL_MARGIN);
    // Before `from`, only members whose end reaches into the margin.
    let reaches = |end: i32| w.x(end as f64 + 1.0, p.width) >= -CULL_MARGIN;
    let left = members.reaching(ds, run.start..from, &reaches);
    debug_assert!(left.iter().all(|&k| x0(k) <= p.width + CULL_MARGIN));
    let st = Stream {
        ds,
        m: members,
        left,
        from,
        to,
        w,
        p,
    };
    // The kept event's stream position, if it is laid out.
    let keep = p
        .keep
        .and_then(|k| members.ids.binary_search(&k).ok())
        .and_then(|pos| {
            if (from..to).contains(&pos) {
                Some(st.left.len() + pos - from)
            } else {
                st.left.binary_search(&pos).ok()
            }
        });
    let mut marks = Vec::new();
    let mut clusters = Vec::new();
    let mut row_ends: Vec<f64> = Vec::new();
    let mut gs = 0;
    while gs < st.len() {
        let ge = st.group_end(gs);
        place_group(&st, gs..ge, keep, &mut row_ends, &mut marks, &mut clusters);
        gs = ge;
    }
    label_room(&mut marks, &clusters, p);
    let rows = marks
        .iter()
        .map(|m| m.row + 1)
        .max()
        .unwrap_or(0)
        .max(usize::from(!clusters.is_empty()))
        .max(1);
    Lane {
        key,
        label,
        rows,
        marks,
        clusters,
    }
}

/// One group: marks stacked in rows if they fit in `max_rows`, else density bins
/// (and the kept event a mark beside them).
fn place_group(
    st: &Stream,
    g: Range<usize>,
    keep: Option<usize>,
    row_ends: &mut Vec<f64>,
    marks: &mut Vec<Mark>,
    clusters: &mut Vec<Cluster>,
) {
    let p = st.p;
    // Greedy rows: a mark goes in the first row that is free by its start.
    let mut placed = Vec::new();
    let mut ends = row_ends.clone();
    let mut fits = true;
    for s in g.clone() {
        let (i, x0, x1) = st.item(s);
        match ends.iter().position(|&end| end + p.gap <= x0) {
            Some(r) => {
                ends[r] = x1;
                placed.push((i, x0, x1, r));
            }
            None if ends.len() < p.max_rows => {
                ends.push(x1);
                placed.push((i, x0, x1, ends.len() - 1));
            }
            None => {
                fits = false;
                break;
            }
        }
    }
    if fits {
        *row_ends = ends;
        marks.extend(placed.into_iter().map(|(event, x0, x1, row)| Mark {
            event,
            x0,
            x1,
            row,
            label_room: 0.0,
        }));
        return;
    }
    // Too dense to stack: fixed-width density bins along the axis, each a cluster.
    let kept = keep.filter(|k| g.contains(k));
    st.bins(g, kept, clusters);
    let end = clusters.last().map_or(0.0, |c| c.x1);
    if row_ends.is_empty() {
        row_ends.push(end);
    } else {
        row_ends[0] = row_ends[0].max(end);
    }
    // The kept event: a mark of its own, in a free row (or a new one) beside its cluster.
    if let Some((event, x0, x1)) = kept.map(|k| st.item(k)) {
        let row = match row_ends.iter().skip(1).position(|&e| e + p.gap <= x0) {
            Some(r) => r + 1,
            None => {
                row_ends.push(f64::NEG_INFINITY);
                row_ends.len() - 1
            }
        };
        row_ends[row] = x1;
        marks.push(Mark {
            event,
            x0,
            x1,
            row,
            label_room: 0.0,
        });
    }
}

/// Label room: up to the next mark (or cluster, in row 0) to its right in the same row.
/// Marks were placed in order of x0, so one backward pass finds each one's neighbour.
fn label_room(marks: &mut [Mark], clusters: &[Cluster], p: LayoutParams) {
    let rows_used = marks.iter().map(|m| m.row + 1).max().unwrap_or(1);
    let mut next_x0 = vec![p.width; rows_used];
    let mut ci = clusters.len();
    for k in (0..marks.len()).rev() {
        while ci > 0 && clusters[ci - 1].x0 >= marks[k].x1 {
            ci -= 1;
            next_x0[0] = next_x0[0].min(clusters[ci].x0);
        }
        let m = &mut marks[k];
        m.label_room = (next_x0[m.row] - m.x1 - p.gap).max(0.0);
        next_x0[m.row] = m.x0;
    }
}
