//! The chart model (timeline_core::chart) on the built-in data and on
//! synthetic data: what is drawn, where, and what never happens.

use timeline_core::chart::{Body, ChartBase, ChartModel, Focus, Frame};
use timeline_core::chartnav::Cursor;
use timeline_core::layout::{lanes_of, Grouping};
use timeline_core::scale::Window;
use timeline_core::windowing::Windows;
use timeline_core::{load_json, Dataset, BUILTIN_DATASET};

fn builtin() -> Dataset {
    load_json(BUILTIN_DATASET).dataset
}

fn frame(width: f64) -> Frame {
    Frame {
        width,
        em: 16.0,
        avail: 0.0,
        presenting: false,
    }
}

fn model(ds: &Dataset, shown: &[usize], g: Grouping, f: &Frame, w: Window) -> ChartModel {
    let ws = Windows::of(ds, 0);
    let base = ChartBase::new(ds, shown, g, ws.fit, f);
    ChartModel::new(
        ds,
        &base,
        f,
        Focus {
            window: w,
            cursor: None,
            selected: None,
        },
    )
}

/// Windows a visitor reaches: zoomed from all to two weeks, panned across, and beyond the fit.
fn windows(ws: &Windows) -> Vec<Window> {
    let mut out = vec![ws.fit, ws.bounds];
    let mut w = ws.fit;
    for _ in 0..9 {
        w = w.zoom(0.5, 0.5, ws.bounds);
        for step in -6..=6 {
            out.push(w.pan(step as f64 * 0.37, ws.bounds));
        }
    }
    out
}

#[test]
fn every_shown_event_is_drawn_once_per_lane_at_the_fit() {
    let ds = builtin();
    let shown: Vec<usize> = (0..ds.events.len()).collect();
    let ws = Windows::of(&ds, 0);
    for g in [Grouping::Kind, Grouping::Country] {
        for width in [360.0, 1000.0, 1900.0] {
            let m = model(&ds, &shown, g, &frame(width), ws.fit);
            let mut drawn: Vec<usize> = m
                .marks
                .iter()
                .map(|mk| mk.event)
                .chain(m.clusters.iter().flat_map(|c| c.first.clone()))
                .collect();
            drawn.sort_unstable();
            let mut want: Vec<usize> = shown
                .iter()
                .flat_map(|&i| std::iter::repeat_n(i, lanes_of(&ds, i, g).len()))
                .collect();
            want.sort_unstable();
            assert_eq!(drawn, want, "{g:?} at {width}px");
        }
    }
}

#[test]
fn the_height_holds_while_zooming_and_panning() {
    let ds = builtin();
    let shown: Vec<usize> = (0..ds.events.len()).collect();
    let ws = Windows::of(&ds, 0);
    for g in [Grouping::Kind, Grouping::Country] {
        for width in [390.0, 1000.0] {
            let f = frame(width);
            let heights: Vec<f64> = windows(&ws)
                .into_iter()
                .map(|w| model(&ds, &shown, g, &f, w).height)
                .collect();
            assert!(
                heights.iter().all(|&h| (h - heights[0]).abs() < 1e-9),
                "{g:?} at {width}px: {heights:?}"
            );
        }
    }
}

#[test]
fn a_label_never_shows_without_its_mark_nor_over_another_mark_label_or_cluster() {
    let ds = builtin();
    let shown: Vec<usize> = (0..ds.events.len()).collect();
    let ws = Windows::of(&ds, 0);
    for (g, width) in [Grouping::Kind, Grouping::Country]
        .into_iter()
        .flat_map(|g| [(g, 390.0), (g, 1000.0)])
    {
        let f = frame(width);
        let m0 = f.metrics();
        for w in windows(&ws) {
            let m = model(&ds, &shown, g, &f, w);
            let body = |mk: &timeline_core::chart::MarkBox| {
                let (a, b) = mk
                    .rect
                    .map_or((mk.symbol.0, mk.symbol.0), |r| (r.x, r.x + r.w));
                (
                    a.min(mk.symbol.0 - m0.symbol),
                    b.max(mk.symbol.0 + m0.symbol),
                )
            };
            // Where a label's text runs: after its x, or before it (`label_before`).
            let span = |mk: &timeline_core::chart::MarkBox| {
                mk.label.as_ref().map(|(x, _, t)| {
                    let w = t.chars().count() as f64 * m0.char_w;
                    if mk.label_before {
                        (x - w, *x)
                    } else {
                        (*x, x + w)
                    }
                })
            };
            let apart = |a: (f64, f64), b: (f64, f64)| a.1 <= b.0 + 1e-6 || b.1 <= a.0 + 1e-6;
            for mk in &m.marks {
                let Some(l) = span(mk) else { continue };
                let text = &mk.label.as_ref().unwrap().2;
                let (b0, _) = body(mk);
                let seen = match (mk.body, mk.rect) {
                    (Body::Point, _) | (_, None) => mk.symbol.0 - m0.symbol,
                    (_, Some(r)) => r.x + r.w - m0.symbol,
                };
                assert!(
                    seen >= m.gutter - 1e-6,
                    "'{text}' shows without its mark in {w:?}"
                );
                assert!(
                    l.0 >= m.gutter - 1e-6,
                    "'{text}' runs into the gutter in {w:?}"
                );
                if mk.label_before {
                    assert!(l.1 <= b0 + 1e-6, "'{text}' runs over its own mark in {w:?}");
                }
                for c in m.clusters.iter().filter(|c| c.lane == mk.lane) {
                    assert!(
                        apart(l, (c.rect.x, c.rect.x + c.rect.w)),
                        "'{text}' runs into a cluster in {w:?}"
                    );
                }
                for other in &m.marks {
                    let same_row =
                        other.lane == mk.lane && (other.symbol.1 - mk.symbol.1).abs() < 1e-6;
                    if !same_row || other.event == mk.event {
                        continue;
                    }
                    assert!(
                        apart(l, body(other)),
                        "'{text}' runs into another mark in {w:?}"
                    );
                    if let Some(o) = span(other) {
                        assert!(apart(l, o), "'{text}' runs into another label in {w:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn a_rows_last_mark_near_the_right_end_keeps_its_label_before_it() {
    let ds = builtin();
    let shown: Vec<usize> = (0..ds.events.len()).collect();
    let ws = Windows::of(&ds, 0);
    let f = frame(1000.0);
    let m = model(&ds, &shown, Grouping::Kind, &f, ws.fit);
    let right = m.gutter + m.plot_w;
    let before: Vec<&str> = m
        .marks
        .iter()
        .filter(|mk| mk.label_before)
        .map(|mk| mk.label.as_ref().unwrap().2.as_str())
        .collect();
    assert!(!before.is_empty(), "no label before its mark at the fit");
    for mk in m.marks.iter().filter(|mk| mk.label_before) {
        assert!(
            mk.symbol.0 > right - 200.0,
            "a label before a mark far from the end: {:?}",
            mk.label
        );
    }
}

#[test]
fn one_tab_stop_the_cursor_and_the_open_event() {
    let ds = builtin();
    let shown: Vec<usize> = (0..ds.events.len()).collect();
    let ws = Windows::of(&ds, 0);
    let f = frame(1000.0);
    let base = ChartBase::new(&ds, &shown, Grouping::Country, ws.fit, &f);
    let plain = ChartModel::new(
        &ds,
        &base,
        &f,
        Focus {
            window: ws.fit,
            cursor: None,
            selected: None,
        },
    );
    assert_eq!(plain.marks.iter().filter(|m| m.tabbable).count(), 1);
    assert!(plain.marks[0].tabbable, "the first mark in time");
    assert!(plain.popover.is_none());
    // An organisation-wide event in the SCO-wide lane, opened and under the cursor.
    let i = ds.position("shanghai-convention-2001").unwrap();
    let lane = timeline_core::layout::lanes_of(&ds, i, Grouping::Country)[0].clone();
    let cursor = Cursor { lane, event: i };
    let open = ChartModel::new(
        &ds,
        &base,
        &f,
        Focus {
            window: ws.fit,
            cursor: Some(&cursor),
            selected: Some(i),
        },
    );
    let stop: Vec<usize> = open
        .marks
        .iter()
        .filter(|m| m.tabbable)
        .map(|m| m.event)
        .collect();
    assert_eq!(stop, [i]);
    assert!(open.marks.iter().any(|m| m.event == i && m.selected));
    let p = open.popover.expect("a popover for the open event");
    assert!(p.left >= 8.0 && p.left + p.width <= f.width - 8.0 + 1e-6);
    assert!(open.selected_lane.is_some());
}

#[test]
fn a_wheel_step_looks_only_at_what_may_be_in_view() {
    // 20,000 events over 20 years, zoomed to a month: the marks are that month's.
    let ds = load_json(&timeline_core::synth::generate(20_000, 7)).dataset;
    let shown: Vec<usize> = (0..ds.events.len()).collect();
    let ws = Windows::of(&ds, 0);
    let f = frame(1200.0);
    let base = ChartBase::new(&ds, &shown, Grouping::Kind, ws.fit, &f);
    let mid = (ws.fit.start + ws.fit.end) / 2.0;
    let w = Window::new(mid, mid + 30.0);
    let m = ChartModel::new(
        &ds,
        &base,
        &f,
        Focus {
            window: w,
            cursor: None,
            selected: None,
        },
    );
    let margin = 160.0 / m.plot_w * w.span() + 1.0;
    for mk in &m.marks {
        let e = &ds.events[mk.event];
        assert!(
            (e.end_day() as f64) + 1.0 >= w.start - margin
                && (e.start_day() as f64) <= w.end + margin
        );
    }
    assert!(!m.marks.is_empty() || !m.clusters.is_empty());
    assert!(!m.ticks.is_empty());
}

#[test]
fn the_axis_and_the_drawing_hold_over_any_span_the_dates_allow() {
    let text = r#"{"events":[
        {"id":"a","kind":"incident","title":"First","date":"-9999-01-01","summary":"s","source":{"document":"x","section":"y"}},
        {"id":"b","kind":"incident","title":"Middle","date":"0001-06-01","summary":"s","source":{"document":"x","section":"y"}},
        {"id":"c","kind":"incident","title":"Last","date":"9999-12-31","summary":"s","source":{"document":"x","section":"y"}}]}"#;
    let l = load_json(text);
    assert_eq!(l.dataset.events.len(), 3, "{:?}", l.problems);
    let ds = l.dataset;
    let ws = Windows::of(&ds, 0);
    // The limits stay within the days the dates can name.
    let (a, b) = ds.span().unwrap();
    assert!(
        ws.bounds.start >= a as f64 - 366.0 && ws.bounds.end <= b as f64 + 367.0,
        "{ws:?}"
    );
    let shown: Vec<usize> = (0..3).collect();
    let f = frame(1000.0);
    for w in [ws.fit, ws.bounds, ws.fit.zoom(1e-3, 0.5, ws.bounds)] {
        let m = model(&ds, &shown, Grouping::Kind, &f, w);
        assert!(m.ticks.len() >= 2, "ticks in {w:?}: {:?}", m.ticks);
        assert!(m.ticks.len() <= 40, "ticks bounded by pixels in {w:?}");
        assert!(m.marks.len() + m.clusters.len() <= 3 * 5);
        let labels: Vec<&str> = m.ticks.iter().map(|t| t.label.as_str()).collect();
        let mut dedup = labels.clone();
        dedup.dedup();
        assert_eq!(labels, dedup, "no tick repeats");
    }
}

#[test]
fn statistics_over_millennia_list_the_years_with_events() {
    let text = r#"{"events":[
        {"id":"a","kind":"incident","title":"First","date":"-9999-01-01","summary":"s","source":{"document":"x","section":"y"}},
        {"id":"b","kind":"incident","title":"Last","date":"9999-12-31","summary":"s","source":{"document":"x","section":"y"}}]}"#;
    let ds = load_json(text).dataset;
    let s = timeline_core::stats::Stats::compute(&ds, &[0, 1]);
    assert_eq!(s.years.len(), 2);
    // A decade keeps its gaps.
    let ds = builtin();
    let all: Vec<usize> = (0..ds.events.len()).collect();
    let s = timeline_core::stats::Stats::compute(&ds, &all);
    assert_eq!(s.years.len(), 12);
}

#[test]
fn a_cluster_never_covers_a_mark() {
    let ds = load_json(&timeline_core::synth::generate(5_000, 3)).dataset;
    let shown: Vec<usize> = (0..ds.events.len()).collect();
    let ws = Windows::of(&ds, 0);
    let f = frame(1000.0);
    let base = ChartBase::new(&ds, &shown, Grouping::Kind, ws.fit, &f);
    let m0 = f.metrics();
    for (wi, w) in windows(&ws).into_iter().enumerate() {
        // The cursor on some event: kept out of its cluster, beside it.
        let i = shown[(wi * 997) % shown.len()];
        let lane = lanes_of(&ds, i, Grouping::Kind)[0].clone();
        let cursor = Cursor { lane, event: i };
        let focus = Focus {
            window: w,
            cursor: Some(&cursor),
            selected: None,
        };
        let m = ChartModel::new(&ds, &base, &f, focus);
        for c in &m.clusters {
            for mk in m.marks.iter().filter(|mk| mk.lane == c.lane) {
                let (x, y) = mk.symbol;
                let inside_x = x + m0.symbol > c.rect.x && x - m0.symbol < c.rect.x + c.rect.w;
                let inside_y = y + m0.symbol > c.rect.y && y - m0.symbol < c.rect.y + c.rect.h;
                assert!(!(inside_x && inside_y), "a cluster covers a mark in {w:?}");
            }
        }
    }
}

#[test]
fn no_cluster_covers_another_and_every_event_is_counted_once() {
    let synth = load_json(&timeline_core::synth::generate(5_000, 3)).dataset;
    for ds in [builtin(), synth] {
        let shown: Vec<usize> = (0..ds.events.len()).collect();
        let ws = Windows::of(&ds, 0);
        for width in [300.0, 480.0, 640.0, 1000.0] {
            let f = frame(width);
            for w in windows(&ws) {
                let m = model(&ds, &shown, Grouping::Kind, &f, w);
                for pair in m.clusters.windows(2).filter(|p| p[0].lane == p[1].lane) {
                    let (a, b) = (&pair[0].rect, &pair[1].rect);
                    assert!(
                        b.x >= a.x + a.w,
                        "two clusters overlap at width {width} in {w:?}: {a:?} {b:?}"
                    );
                }
                if w == ws.fit {
                    let counted: usize = m.clusters.iter().map(|c| c.n).sum();
                    assert_eq!(counted + m.marks.len(), shown.len(), "width {width}");
                }
            }
        }
    }
}

#[test]
fn a_tooltip_points_only_at_a_mark_drawn_in_the_plot() {
    let ds = builtin();
    let shown: Vec<usize> = (0..ds.events.len()).collect();
    let ws = Windows::of(&ds, 0);
    let f = frame(1000.0);
    let fit = model(&ds, &shown, Grouping::Kind, &f, ws.fit);
    let mk = fit
        .marks
        .iter()
        .find(|mk| mk.body == Body::Point)
        .expect("a point");
    assert!(fit.draws(mk.event));
    // Panned so its day is far left of the window: no longer drawn.
    let day = ds.days(mk.event).0 as f64;
    let away = Window::new(day + 400.0, day + 800.0);
    let m = model(&ds, &shown, Grouping::Kind, &f, away);
    assert!(
        !m.draws(mk.event),
        "{:?}",
        m.marks.iter().find(|x| x.event == mk.event)
    );
    // Every mark the model says is drawn lies (some of it) between the plot's edges.
    for m in [fit, m] {
        for mk in &m.marks {
            let inside = |x: &timeline_core::chart::MarkBox| {
                let (a, b) = x
                    .rect
                    .map_or((x.symbol.0, x.symbol.0), |r| (r.x, r.x + r.w));
                b >= m.gutter && a <= m.gutter + m.plot_w
            };
            let any = m.marks.iter().filter(|x| x.event == mk.event).any(inside);
            assert_eq!(m.draws(mk.event), any);
        }
    }
}

/// The rows of a lane too full to stack are known without laying it out
/// (`certainly_clusters`): wherever it says so, the full layout at the fit
/// does cluster — on lanes of every size around the bound, at every width.
#[test]
fn a_lane_said_to_cluster_without_its_layout_does_cluster() {
    use timeline_core::layout::{
        certainly_clusters, lane_members, lay_lane, LaneMembers, LayoutParams,
    };
    let ds = load_json(&timeline_core::synth::generate(6000, 11)).dataset;
    let ws = Windows::of(&ds, 0);
    for width in [300.0, 800.0, 1600.0] {
        let p = LayoutParams {
            width,
            max_rows: 4,
            min_mark: 14.0,
            bin: 36.0,
            gap: 4.0,
            keep: None,
        };
        for (key, label, members) in lane_members(
            &ds,
            &(0..ds.events.len()).collect::<Vec<_>>(),
            Grouping::Kind,
        ) {
            for n in [10, 50, 150, 300, 600, 1200, members.len()] {
                let n = n.min(members.len());
                let m = LaneMembers::new(&ds, members[..n].to_vec());
                if certainly_clusters(n, p) {
                    let laid = lay_lane(&ds, key.clone(), label.clone(), &m, 0..n, ws.fit, p);
                    assert!(!laid.clusters.is_empty(), "{n} at {width}");
                }
            }
        }
    }
    assert!(certainly_clusters(
        1_000_000,
        LayoutParams {
            width: 1000.0,
            max_rows: 4,
            min_mark: 14.0,
            bin: 36.0,
            gap: 4.0,
            keep: None
        }
    ));
}
