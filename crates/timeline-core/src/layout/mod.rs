//! Lane layout: which lane each event goes in, which row of the lane, and
//! which close events merge into a cluster — in pixels, for a given window.
//!
//! Marks that would overlap are stacked in rows; when more than
//! `max_rows` overlap, they become one cluster that shows its count.
//! A label is shown only where it fits before the next mark of its row, so
//! labels never collide.

use crate::model::{Dataset, Kind, Scope};
use crate::scale::Window;

mod index;
mod lane;
#[cfg(test)]
mod reference;
pub use index::LaneMembers;
pub use lane::{certainly_clusters, lay_lane};

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

/// The most events a cluster lists (a dense one only counts the rest).
pub const CLUSTER_IDS: usize = 50;

#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// How many events it holds.
    pub count: usize,
    /// Its first events (indexes into `Dataset::events`), in time order: all of
    /// them when there are at most [`CLUSTER_IDS`].
    pub first: Vec<usize>,
    /// The first day of its first event and the last day any of its events covers.
    pub days: (i32, i32),
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

/// A density bin's width in days: at least `p.bin` pixels in window `w`, on a
/// ladder of quarter powers of two. Bins are whole multiples of it counted
/// from day 0, not from the window's start, so a window a fraction of a day
/// off (a link's whole days, a zoom reached another way) bins the same days.
pub fn bin_days(w: Window, p: LayoutParams) -> f64 {
    const STEPS: [f64; 4] = [
        1.0,
        1.189_207_115_002_721,
        std::f64::consts::SQRT_2,
        1.681_792_830_507_429,
    ];
    let raw = p.bin * w.span() / p.width.max(1.0);
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let step = |q: i32| 2f64.powi(q.div_euclid(4)) * STEPS[q.rem_euclid(4) as usize];
    let q = (raw.log2() * 4.0).ceil() as i32;
    // log2's rounding may land a hair under: never narrower than asked.
    if step(q) < raw {
        step(q + 1)
    } else {
        step(q)
    }
}

/// Which bin of a dense group an event starting on `day` falls in: `i64::MIN`
/// before the window's start (counted only if it reaches into the window),
/// `i64::MAX` from its end on (not counted: off screen), else its bin's number.
pub fn bin_key(day: i32, w: Window, width: f64, bin_days: f64) -> i64 {
    let x = w.x(day as f64, width);
    if x < 0.0 {
        i64::MIN
    } else if x >= width {
        i64::MAX
    } else {
        (day as f64 / bin_days).floor() as i64
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
        let e = ds.brief(i);
        match grouping {
            Grouping::Kind => {
                if let Some(b) = buckets.get_mut(e.kind.index()) {
                    b.push(i);
                }
            }
            Grouping::Country if e.organisation => buckets[n_countries].push(i),
            Grouping::Country if ds.country_ids(i).is_empty() => buckets[n_countries + 1].push(i),
            Grouping::Country => {
                for &k in ds.country_ids(i) {
                    buckets[k as usize].push(i);
                }
            }
        }
    }
    labelled(ds, grouping, buckets)
}

/// The lanes' keys and labels for their buckets (by kind: one a kind; by
/// country: the countries, the organisation-wide lane, events naming none).
fn labelled(
    ds: &Dataset,
    grouping: Grouping,
    buckets: Vec<Vec<usize>>,
) -> Vec<(LaneKey, String, Vec<usize>)> {
    let n_countries = ds.meta.countries.len();
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

/// [`lane_members`] for the events a filter decided per class shows: lanes
/// by kind read off the events' bits, 64 events at a time, each lane's list
/// allocated once (its size known from the classes) — no pass over the
/// shown events. `None` (the caller walks the shown) by country, or where
/// the dataset has no bits.
pub fn lane_members_selected(
    ds: &Dataset,
    sel: &crate::filter::Selection,
    grouping: Grouping,
) -> Option<Vec<(LaneKey, String, Vec<usize>)>> {
    if grouping != Grouping::Kind {
        return None;
    }
    Some(labelled(ds, grouping, sel.by_kind(ds)?))
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
        .map(|(key, label, members)| {
            let members = LaneMembers::new(ds, members);
            lay_lane(ds, key, label, &members, 0..members.len(), w, p)
        })
        .collect()
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
        assert_eq!(inc.clusters[0].first, vec![0, 1, 2, 3]);
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
        assert_eq!(kept[0].clusters[0].first, vec![0, 1, 3]);
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
        let total: usize = bins.iter().map(|c| c.count).sum::<usize>() + lanes[0].marks.len();
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
                            .chain(l.clusters.iter().flat_map(|c| c.first.clone()))
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
