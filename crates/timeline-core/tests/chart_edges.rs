//! The chart model at its edges, over many widths and zooms, on the built-in
//! data, synthetic data and data over millennia: tick labels wholly inside
//! the plot and clear of one another, lane names readable on a phone, and no
//! cluster of one event.

use timeline_core::chart::{ChartBase, ChartModel, Focus, Frame};
use timeline_core::chartnav::Cursor;
use timeline_core::layout::{lanes_of, Grouping};
use timeline_core::scale::Window;
use timeline_core::windowing::Windows;
use timeline_core::{load_json, Dataset, BUILTIN_DATASET};

fn datasets() -> Vec<(&'static str, Dataset)> {
    let millennia = r#"{"events":[
        {"id":"a","kind":"incident","title":"First","date":"-9999-01-01","summary":"s","source":{"document":"x","section":"y"}},
        {"id":"b","kind":"incident","title":"Middle","date":"0001-06-01","summary":"s","source":{"document":"x","section":"y"}},
        {"id":"c","kind":"incident","title":"Last","date":"9999-12-31","summary":"s","source":{"document":"x","section":"y"}}]}"#;
    vec![
        ("built-in", load_json(BUILTIN_DATASET).dataset),
        (
            "synthetic",
            load_json(&timeline_core::synth::generate(3_000, 7)).dataset,
        ),
        ("millennia", load_json(millennia).dataset),
    ]
}

fn frame(width: f64, em: f64) -> Frame {
    Frame::page(width, em)
}

/// Windows a visitor reaches: the fit, the bounds, zoomed in step by step
/// (to days), each panned to either end and across.
fn windows(ws: &Windows) -> Vec<Window> {
    let mut out = vec![ws.fit, ws.bounds];
    let mut w = ws.fit;
    for _ in 0..14 {
        w = w.zoom(0.5, 0.5, ws.bounds);
        for step in [-40.0, -3.0, -0.61, 0.0, 0.37, 2.0, 40.0] {
            out.push(w.pan(step, ws.bounds));
        }
    }
    out
}

fn model(
    ds: &Dataset,
    base: &ChartBase,
    f: &Frame,
    w: Window,
    cursor: Option<&Cursor>,
) -> ChartModel {
    let focus = Focus {
        window: w,
        cursor,
        selected: None,
    };
    ChartModel::new(ds, base, f, focus)
}

#[test]
fn no_tick_label_runs_past_the_plot_or_over_another_at_any_width_or_zoom() {
    for (name, ds) in datasets() {
        let shown: Vec<usize> = (0..ds.events.len()).collect();
        let ws = Windows::of(&ds, 0);
        for em in [16.0, 24.0] {
            for width in (200..=2000).step_by(45).map(f64::from) {
                let f = frame(width, em);
                let base = ChartBase::new(&ds, &shown, Grouping::Kind, ws.fit, &f);
                for w in windows(&ws) {
                    let m = model(&ds, &base, &f, w, None);
                    let boxes: Vec<(f64, f64, &str)> = m
                        .ticks
                        .iter()
                        .filter_map(|t| t.text.map(|tt| (tt.span(), t.label.as_str())))
                        .map(|((a, b), l)| (a, b, l))
                        .collect();
                    for &(a, b, label) in &boxes {
                        // In the plot (the axis is drawn from the gutter on), so in the SVG.
                        assert!(
                            a >= 0.0 && b <= m.plot_w && m.gutter + b <= m.width,
                            "{name}: '{label}' [{a}, {b}] past the plot ({}) at {width}px, {em}px type, {w:?}",
                            m.plot_w
                        );
                        // Its width is the generous one: 0.7 em a character.
                        let want = label.chars().count() as f64 * 0.7 * m.k * 12.0;
                        assert!((b - a - want).abs() < 1e-6, "{label}");
                    }
                    for pair in boxes.windows(2) {
                        assert!(
                            pair[0].1 <= pair[1].0,
                            "{name}: tick labels overlap at {width}px, {em}px type, {w:?}: {pair:?}"
                        );
                    }
                    // A label drawn before its tick keeps half its width from the one before
                    // (else the two read as a pair between the same two ticks).
                    let drawn: Vec<_> = m.ticks.iter().filter_map(|t| t.text).collect();
                    for pair in drawn.windows(2) {
                        if pair[1].anchor == timeline_core::chart::TextAnchor::End {
                            let (a, b) = (pair[0].span().1, pair[1].span().0);
                            assert!(
                                b - a >= pair[1].w / 2.0 - 1e-6,
                                "{name}: a label before its tick {} px after the one before at {width}px, {em}px type, {w:?}",
                                b - a
                            );
                        }
                    }
                    // The axis still says where it is: some label is drawn.
                    assert!(
                        !boxes.is_empty() || m.ticks.is_empty(),
                        "{name}: no tick label at {width}px in {w:?}: {:?} plot {}",
                        m.ticks,
                        m.plot_w
                    );
                }
            }
        }
    }
}

#[test]
fn a_year_label_at_the_right_edge_is_whole_not_cut() {
    let ds = load_json(BUILTIN_DATASET).dataset;
    let shown: Vec<usize> = (0..ds.events.len()).collect();
    let ws = Windows::of(&ds, 0);
    // The fit ends shortly after 1 January 2012 at every width: 2012's label ends before its tick.
    for width in [348.0, 598.0, 958.0, 1238.0, 1878.0] {
        let f = frame(width, 16.0);
        let base = ChartBase::new(&ds, &shown, Grouping::Kind, ws.fit, &f);
        let m = model(&ds, &base, &f, ws.fit, None);
        let last = m.ticks.iter().rev().find(|t| t.text.is_some()).unwrap();
        let (_, b) = last.text.unwrap().span();
        assert!(b <= m.plot_w, "{width}: {last:?}");
        if let Some(t2012) = m.ticks.iter().find(|t| t.label == "2012") {
            if let Some(tt) = t2012.text {
                assert!(tt.span().1 <= m.plot_w, "{width}: {t2012:?}");
            }
        }
    }
}

#[test]
fn on_a_phone_lane_names_are_whole_and_above_their_lanes() {
    let ds = load_json(BUILTIN_DATASET).dataset;
    let shown: Vec<usize> = (0..ds.events.len()).collect();
    let ws = Windows::of(&ds, 0);
    // A 390 px phone (the chart 348 px), 320 px, and a 1280×720 page at 200 % (598 px).
    for width in [278.0, 348.0, 598.0] {
        for g in [Grouping::Kind, Grouping::Country] {
            let f = frame(width, 16.0);
            let base = ChartBase::new(&ds, &shown, g, ws.fit, &f);
            for w in windows(&ws).into_iter().step_by(5) {
                let m = model(&ds, &base, &f, w, None);
                let m0 = f.metrics();
                assert!(
                    m.gutter < 20.0,
                    "the plot takes the width: gutter {}",
                    m.gutter
                );
                for (li, l) in m.lanes.iter().enumerate() {
                    assert_eq!(l.full_label, None, "'{}' cut at {width}px", l.label);
                    // The name is on its own line: above every mark, label and cluster of the lane.
                    let bottom = l.label_y + 0.24 * 12.48;
                    assert!(l.label_y - 0.93 * 12.48 >= l.top, "{}", l.label);
                    for mk in m.marks.iter().filter(|mk| mk.lane == li) {
                        let top = mk.rect.map_or(mk.symbol.1 - m0.symbol, |r| r.y);
                        assert!(top >= bottom, "'{}' over a mark at {width}px", l.label);
                        if let Some((_, y, _)) = &mk.label {
                            assert!(y - 0.93 * 12.0 >= bottom, "'{}' over a label", l.label);
                        }
                    }
                    for c in m.clusters.iter().filter(|c| c.lane == li) {
                        assert!(c.rect.y >= bottom, "'{}' over a cluster", l.label);
                    }
                }
            }
        }
    }
    // A wide chart keeps its names in the gutter, beside the lanes.
    let f = frame(1238.0, 16.0);
    let base = ChartBase::new(&ds, &shown, Grouping::Kind, ws.fit, &f);
    let m = model(&ds, &base, &f, ws.fit, None);
    assert!(m.gutter > 100.0);
    assert!(m.lanes.iter().all(|l| l.full_label.is_none()));
}

#[test]
fn no_cluster_counts_one_event_its_event_is_a_mark() {
    for (name, ds) in datasets() {
        let shown: Vec<usize> = (0..ds.events.len()).collect();
        let ws = Windows::of(&ds, 0);
        for width in [300.0, 348.0, 598.0, 1000.0, 1600.0] {
            let f = frame(width, 16.0);
            let base = ChartBase::new(&ds, &shown, Grouping::Kind, ws.fit, &f);
            for (wi, w) in windows(&ws).into_iter().enumerate() {
                // With and without the keyboard's cursor (kept out of its cluster).
                let i = shown[(wi * 7919) % shown.len()];
                let cursor = Cursor {
                    lane: lanes_of(&ds, i, Grouping::Kind)[0].clone(),
                    event: i,
                };
                for cur in [None, Some(&cursor)] {
                    let m = model(&ds, &base, &f, w, cur);
                    for c in &m.clusters {
                        assert!(
                            c.n >= 2,
                            "{name}: a cluster of {} at {width}px in {w:?}",
                            c.n
                        );
                    }
                    // Every mark drawn once per lane, none also counted in a cluster.
                    let mut drawn: Vec<(usize, usize)> =
                        m.marks.iter().map(|mk| (mk.lane, mk.event)).collect();
                    drawn.extend(
                        m.clusters
                            .iter()
                            .filter(|c| c.n <= 50)
                            .flat_map(|c| c.first.iter().map(move |&e| (c.lane, e))),
                    );
                    let n = drawn.len();
                    drawn.sort_unstable();
                    drawn.dedup();
                    assert_eq!(drawn.len(), n, "{name}: an event drawn twice in {w:?}");
                }
            }
        }
    }
}
