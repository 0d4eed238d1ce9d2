//! The walk over every member that `lay_lane` replaced, kept as the oracle:
//! the fast layout must give exactly what it gave.

use super::*;

const CULL_MARGIN: f64 = 160.0;

fn extent(ds: &Dataset, i: usize, w: Window, p: LayoutParams) -> (f64, f64) {
    let (a, b) = ds.days(i);
    let x0 = w.x(a as f64, p.width);
    let x1 = w.x(b as f64 + 1.0, p.width);
    (x0, x1.max(x0 + p.min_mark))
}

/// Lays out one lane's `members` (in time order) in window `w`.
pub fn old_lay_lane(
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
            let bd = bin_days(w, p);
            for &it in g.iter().filter(|t| Some(t.0) != p.keep) {
                let b = bin_key(ds.days(it.0).0, w, p.width, bd);
                match bins.last_mut() {
                    Some((k, v)) if *k == b => v.push(it),
                    _ => bins.push((b, vec![it])),
                }
            }
            for (b, mut items) in bins {
                if b == i64::MAX {
                    continue;
                }
                if b == i64::MIN {
                    items.retain(|t| w.x(ds.days(t.0).1 as f64 + 1.0, p.width) > 0.0);
                    if items.is_empty() {
                        continue;
                    }
                }
                let mut events: Vec<usize> = items.iter().map(|t| t.0).collect();
                events.sort_unstable();
                let x0 = items.iter().map(|t| t.1).fold(f64::INFINITY, f64::min);
                let x1 = if b == i64::MIN {
                    x0.max(-p.gap / 2.0)
                } else {
                    x0.max(w.x((b + 1) as f64 * bd, p.width) - p.gap / 2.0)
                };
                let days = (
                    ds.days(events[0]).0,
                    events.iter().map(|&i| ds.days(i).1).max().unwrap_or(0),
                );
                clusters.push(Cluster {
                    count: events.len(),
                    first: events.into_iter().take(CLUSTER_IDS).collect(),
                    days,
                    x0,
                    x1,
                });
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
    use crate::synth::{generate, Rng};

    #[test]
    fn the_fast_lane_layout_gives_what_the_walk_over_every_member_gave() {
        let mut stats = [0usize; 5];
        for seed in 1..=4u64 {
            let ds = load_json(&generate(3000, seed)).dataset;
            let shown: Vec<usize> = (0..ds.events.len()).collect();
            let (a, b) = ds.span().unwrap();
            let fit = Window::fit(a, b);
            let mut rng = Rng::new(seed);
            for grouping in [Grouping::Kind, Grouping::Country] {
                for (key, label, ids) in lane_members(&ds, &shown, grouping) {
                    let members = LaneMembers::new(&ds, ids.clone());
                    for _ in 0..40 {
                        let span = fit.span() * 0.5f64.powi(rng.below(14) as i32);
                        let start =
                            fit.start - span / 2.0 + rng.below(1000) as f64 / 1000.0 * fit.span();
                        let w = Window::new(start, start + span);
                        let keep = (rng.below(3) > 0 && !ids.is_empty())
                            .then(|| ids[rng.below(ids.len() as u64) as usize]);
                        let p = LayoutParams {
                            width: [360.0, 1000.0, 1900.0][rng.below(3) as usize],
                            max_rows: 1 + rng.below(5) as usize,
                            keep,
                            ..LayoutParams::default()
                        };
                        // A run cut from the full list, as the chart cuts it (or all of it).
                        let lo = rng.below(ids.len() as u64 / 8 + 1) as usize;
                        let hi = ids.len() - rng.below(ids.len() as u64 / 8 + 1) as usize;
                        for run in [0..ids.len(), lo..hi.max(lo)] {
                            let want = old_lay_lane(
                                &ds,
                                key.clone(),
                                label.clone(),
                                &ids[run.clone()],
                                w,
                                p,
                            );
                            let got =
                                lay_lane(&ds, key.clone(), label.clone(), &members, run, w, p);
                            assert_eq!(got, want, "seed {seed} {grouping:?} {w:?} {p:?}");
                            stats[0] += usize::from(!got.clusters.is_empty());
                            stats[1] += usize::from(!got.marks.is_empty());
                            stats[2] +=
                                usize::from(!got.marks.is_empty() && !got.clusters.is_empty());
                            stats[3] +=
                                usize::from(got.clusters.iter().any(|c| c.count > CLUSTER_IDS));
                            stats[4] += usize::from(keep.is_some_and(|k| {
                                got.clusters
                                    .iter()
                                    .any(|c| c.days.0 <= ds.days(k).0 && c.days.1 >= ds.days(k).0)
                            }));
                        }
                    }
                }
            }
        }
        // Every case was met: clusters, marks, both, clusters past the listed ids, a kept event.
        assert!(stats.iter().all(|&n| n > 0), "{stats:?}");
    }
}
