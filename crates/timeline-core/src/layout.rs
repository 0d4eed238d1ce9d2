//! Lane layout: which lane each event goes in, which row of the lane, and
//! which close events merge into a cluster — in pixels, for a given window.
//!
//! Marks that would overlap are stacked in rows; when more than
//! `max_rows` overlap, they become one cluster that shows its count.
//! A label is shown only where it fits before the next mark of its row, so
//! labels never collide.

use crate::model::{Dataset, Kind, Scope};
use crate::scale::Window;

/// How events are put into lanes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Grouping {
    #[default]
    Kind,
    Country,
}

/// A lane's key: a kind, a country code, or the organisation as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LaneKey {
    Kind(Kind),
    Country(String),
    Organisation,
    /// Events that name no country (imported datasets).
    NoCountry,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Index into `Dataset::events`.
    pub event: usize,
    pub x0: f64,
    pub x1: f64,
    pub row: usize,
    /// Room for the label to the right of the mark, in pixels (0: none).
    pub label_room: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Indexes into `Dataset::events`, in time order.
    pub events: Vec<usize>,
    pub x0: f64,
    pub x1: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub key: LaneKey,
    pub label: String,
    pub rows: usize,
    pub marks: Vec<Mark>,
    pub clusters: Vec<Cluster>,
}

/// Sizes the layout works with, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutParams {
    pub width: f64,
    /// The narrowest a mark is drawn (a point event).
    pub min_mark: f64,
    /// Space kept between two marks of one row.
    pub gap: f64,
    pub max_rows: usize,
    /// Width of a density bin where marks are too dense to stack.
    pub bin: f64,
    /// An event (index into `Dataset::events`) never hidden in a cluster: the
    /// current one, so it is always drawn and can be pointed at.
    pub keep: Option<usize>,
}

impl Default for LayoutParams {
    fn default() -> Self {
        LayoutParams {
            width: 1000.0,
            min_mark: 14.0,
            gap: 4.0,
            max_rows: 3,
            bin: 36.0,
            keep: None,
        }
    }
}

/// The lane keys an event goes in.
pub fn lanes_of(ds: &Dataset, i: usize, grouping: Grouping) -> Vec<LaneKey> {
    let e = &ds.events[i];
    match grouping {
        Grouping::Kind => vec![LaneKey::Kind(e.kind)],
        Grouping::Country if e.scope == Scope::Organisation => vec![LaneKey::Organisation],
        Grouping::Country if e.countries.is_empty() => vec![LaneKey::NoCountry],
        Grouping::Country => e
            .countries
            .iter()
            .map(|c| LaneKey::Country(c.clone()))
            .collect(),
    }
}

/// The lanes for `shown` (indexes into `ds.events`, in time order), each with
/// its key, its label and its members in time order. With `Grouping::Kind`
/// every kind has a lane, even an empty one; with `Grouping::Country` the lanes
/// are the countries present, in metadata order, then the organisation-wide lane.
pub fn lane_members(
    ds: &Dataset,
    shown: &[usize],
    grouping: Grouping,
) -> Vec<(LaneKey, String, Vec<usize>)> {
    // One pass puts each shown event in its lanes' buckets.
    let n_countries = ds.meta.countries.len();
    let n_lanes = match grouping {
        Grouping::Kind => ds.meta.categories.len(),
        // The countries, the organisation-wide lane, and events naming no country.
        Grouping::Country => n_countries + 2,
    };
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); n_lanes];
    for &i in shown {
        let e = &ds.events[i];
        match grouping {
            Grouping::Kind => {
                if let Some(b) = buckets.get_mut(e.kind.index()) {
                    b.push(i);
                }
            }
            Grouping::Country if e.scope == Scope::Organisation => buckets[n_countries].push(i),
            Grouping::Country if ds.country_ids(i).is_empty() => buckets[n_countries + 1].push(i),
            Grouping::Country => {
                for &k in ds.country_ids(i) {
                    buckets[k as usize].push(i);
                }
            }
        }
    }
    let key_of = |k: usize| match grouping {
        Grouping::Kind => LaneKey::Kind(Kind(k as u16)),
        Grouping::Country if k == n_countries => LaneKey::Organisation,
        Grouping::Country if k > n_countries => LaneKey::NoCountry,
        Grouping::Country => LaneKey::Country(ds.meta.countries[k].code.clone()),
    };
    buckets
        .into_iter()
        .enumerate()
        // By kind every lane shows, even empty; by country only the lanes with events.
        .filter(|(_, b)| grouping == Grouping::Kind || !b.is_empty())
        .map(|(k, members)| {
            let key = key_of(k);
            let label = match &key {
                LaneKey::Kind(k) => ds.category(*k).plural.clone(),
                LaneKey::NoCountry => "No country".to_string(),
                LaneKey::Country(c) => ds.country_name(c).to_string(),
                LaneKey::Organisation => "SCO-wide".to_string(),
            };
            (key, label, members)
        })
        .collect()
}

/// Lays out `shown` (indexes into `ds.events`, in time order) in the lanes
/// [`lane_members`] gives.
pub fn layout(
    ds: &Dataset,
    shown: &[usize],
    grouping: Grouping,
    w: Window,
    p: LayoutParams,
) -> Vec<Lane> {
    lane_members(ds, shown, grouping)
        .into_iter()
        .map(|(key, label, members)| lay_lane(ds, key, label, &members, w, p))
        .collect()
}

/// How far outside the plot (in pixels) events are still laid out, so that
/// labels and marks at the edges do not pop.
const CULL_MARGIN: f64 = 160.0;

fn extent(ds: &Dataset, i: usize, w: Window, p: LayoutParams) -> (f64, f64) {
    let (a, b) = ds.days(i);
    let x0 = w.x(a as f64, p.width);
    let x1 = w.x(b as f64 + 1.0, p.width);
    (x0, x1.max(x0 + p.min_mark))
}

/// Lays out one lane's `members` (in time order) in window `w`.
pub fn lay_lane(
    ds: &Dataset,
    key: LaneKey,
    label: String,
    members: &[usize],
    w: Window,
    p: LayoutParams,
) -> Lane {
    // Only what is on screen (with a margin) is laid out: the DOM stays small when zoomed in.
    let mut items: Vec<(usize, f64, f64)> = members
        .iter()
        .map(|&i| {
            let (a, b) = extent(ds, i, w, p);
            (i, a, b)
        })
        .filter(|&(_, a, b)| b >= -CULL_MARGIN && a <= p.width + CULL_MARGIN)
        .collect();
    crate::order::sort_by(&mut items, |a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    // Groups of marks whose extents (plus the gap) overlap, chained.
    let mut groups: Vec<Vec<(usize, f64, f64)>> = Vec::new();
    let mut reach = f64::NEG_INFINITY;
    for it in items {
        match groups.last_mut() {
            Some(g) if it.1 < reach + p.gap => {
                g.push(it);
                reach = reach.max(it.2);
            }
            _ => {
                groups.push(vec![it]);
                reach = it.2;
            }
        }
    }
    let mut marks = Vec::new();
    let mut clusters = Vec::new();
    let mut row_ends: Vec<f64> = Vec::new();
    for g in groups {
        // Greedy rows: a mark goes in the first row that is free by its start.
        let mut placed = Vec::new();
        let mut ends = row_ends.clone();
        let mut fits = true;
        for &(i, x0, x1) in &g {
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
            row_ends = ends;
            marks.extend(placed.into_iter().map(|(event, x0, x1, row)| Mark {
                event,
                x0,
                x1,
                row,
                label_room: 0.0,
            }));
        } else {
            // Too dense to stack: fixed-width density bins along the axis, each a cluster.
            // (bin number, its items: event, x0, x1)
            type Bin = (i64, Vec<(usize, f64, f64)>);
            let mut bins: Vec<Bin> = Vec::new();
            let kept = p.keep.and_then(|k| g.iter().find(|t| t.0 == k).copied());
            for &it in g.iter().filter(|t| Some(t.0) != p.keep) {
                let b = (it.1.max(0.0) / p.bin).floor() as i64;
                match bins.last_mut() {
                    Some((k, v)) if *k == b => v.push(it),
                    _ => bins.push((b, vec![it])),
                }
            }
            for (b, items) in bins {
                let mut events: Vec<usize> = items.iter().map(|t| t.0).collect();
                crate::order::sort_by(&mut events, usize::cmp);
                let x0 =
                    (b as f64 * p.bin).max(items.iter().map(|t| t.1).fold(f64::INFINITY, f64::min));
                let x1 = x0.max((b as f64 + 1.0) * p.bin - 2.0);
                clusters.push(Cluster { events, x0, x1 });
            }
            let end = clusters.last().map_or(0.0, |c| c.x1);
            if row_ends.is_empty() {
                row_ends.push(end);
            } else {
                row_ends[0] = row_ends[0].max(end);
            }
            // The kept event: a mark of its own, in a free row (or a new one) beside its cluster.
            if let Some((event, x0, x1)) = kept {
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
    }
    // Label room: up to the next mark (or cluster, in row 0) to its right in the same row.
    // Marks were placed in order of x0, so one backward pass finds each one's neighbour.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_json;

    fn ds(dates: &[&str]) -> Dataset {
        let events: Vec<String> = dates
            .iter()
            .enumerate()
            .map(|(i, d)| format!(r#"{{"id":"e{i}","kind":"incident","title":"E{i}","date":"{d}","countries":["RU"],"summary":"s","source":{{"document":"x","section":"y"}}}}"#))
            .collect();
        let text = format!(
            r#"{{"countries":[{{"code":"RU","status":"member"}}],"events":[{}]}}"#,
            events.join(",")
        );
        let l = load_json(&text);
        assert!(l.problems.is_empty(), "{:?}", l.problems);
        l.dataset
    }

    #[test]
    fn far_apart_marks_share_one_row_and_close_ones_stack() {
        let d = ds(&["2004-01-01", "2004-01-02", "2004-06-01"]);
        let w = Window::new(
            d.events[0].start_day() as f64 - 10.0,
            d.events[2].start_day() as f64 + 10.0,
        );
        let lanes = layout(&d, &[0, 1, 2], Grouping::Kind, w, LayoutParams::default());
        let inc = &lanes[0];
        assert_eq!(inc.rows, 2);
        let rows: Vec<usize> = inc.marks.iter().map(|m| m.row).collect();
        assert_eq!(rows, [0, 1, 0]);
        assert!(inc.clusters.is_empty());
        // No two marks of one row overlap, and labels stay within their room.
        for a in &inc.marks {
            for b in &inc.marks {
                if a.event != b.event && a.row == b.row {
                    assert!(a.x1 <= b.x0 || b.x1 <= a.x0);
                    if a.x1 <= b.x0 {
                        assert!(a.x1 + a.label_room <= b.x0);
                    }
                }
            }
        }
    }

    #[test]
    fn too_many_overlapping_marks_become_a_cluster() {
        let d = ds(&[
            "2004-01-01",
            "2004-01-01",
            "2004-01-03",
            "2004-01-03",
            "2008-01-01",
        ]);
        let w = Window::fit(d.events[0].start_day(), d.events[4].end_day());
        let lanes = layout(
            &d,
            &[0, 1, 2, 3, 4],
            Grouping::Kind,
            w,
            LayoutParams::default(),
        );
        let inc = &lanes[0];
        assert_eq!(inc.clusters.len(), 1);
        assert_eq!(inc.clusters[0].events, vec![0, 1, 2, 3]);
        // The current event is kept out of its cluster, a mark in a row of its own.
        let kept = layout(
            &d,
            &[0, 1, 2, 3],
            Grouping::Kind,
            w,
            LayoutParams {
                keep: Some(2),
                ..LayoutParams::default()
            },
        );
        assert_eq!(kept[0].clusters[0].events, vec![0, 1, 3]);
        assert_eq!(
            kept[0]
                .marks
                .iter()
                .map(|m| (m.event, m.row))
                .collect::<Vec<_>>(),
            vec![(2, 1)]
        );
        assert_eq!(kept[0].rows, 2);
        // Dense data becomes density bins, not one cluster.
        let many: Vec<String> = (0..400)
            .map(|i| format!("{}-{:02}-{:02}", 2001 + i % 12, 1 + i % 12, 1 + i % 28))
            .collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        let big = ds(&refs);
        let all: Vec<usize> = (0..big.events.len()).collect();
        let (a, b) = big.span().unwrap();
        let lanes = layout(
            &big,
            &all,
            Grouping::Kind,
            Window::fit(a, b),
            LayoutParams::default(),
        );
        let bins = &lanes[0].clusters;
        assert!(bins.len() > 10, "{} bins", bins.len());
        assert!(
            bins.windows(2).all(|w| w[0].x1 <= w[1].x0),
            "bins do not overlap"
        );
        let total: usize =
            bins.iter().map(|c| c.events.len()).sum::<usize>() + lanes[0].marks.len();
        assert_eq!(total, 400);
        assert_eq!(inc.marks.len(), 1);
        // Zoomed in far enough, the cluster opens into marks.
        let near = Window::new(
            d.events[0].start_day() as f64 - 2.0,
            d.events[0].start_day() as f64 + 12.0,
        );
        let lanes = layout(
            &d,
            &[0, 1, 2, 3],
            Grouping::Kind,
            near,
            LayoutParams::default(),
        );
        assert!(lanes[0].clusters.is_empty());
        assert_eq!(lanes[0].marks.len(), 4);
    }

    #[test]
    fn every_shown_event_is_drawn_once_per_lane_it_belongs_to() {
        let full = load_json(crate::BUILTIN_DATASET).dataset;
        let shown: Vec<usize> = (0..full.events.len()).collect();
        let (a, b) = full.span().unwrap();
        for grouping in [Grouping::Kind, Grouping::Country] {
            for width in [360.0, 1200.0, 1900.0] {
                let lanes = layout(
                    &full,
                    &shown,
                    grouping,
                    Window::fit(a, b),
                    LayoutParams {
                        width,
                        ..LayoutParams::default()
                    },
                );
                let mut drawn: Vec<usize> = lanes
                    .iter()
                    .flat_map(|l| {
                        l.marks
                            .iter()
                            .map(|m| m.event)
                            .chain(l.clusters.iter().flat_map(|c| c.events.clone()))
                    })
                    .collect();
                drawn.sort_unstable();
                let mut want: Vec<usize> = shown
                    .iter()
                    .flat_map(|&i| std::iter::repeat_n(i, lanes_of(&full, i, grouping).len()))
                    .collect();
                want.sort_unstable();
                assert_eq!(drawn, want, "{grouping:?} at {width}px");
            }
        }
    }
}
