//! Cluster pills are a function of the window alone: the same window shows the
//! same pills however it was reached (fresh from a link, or after wheel steps,
//! drags and pans), and no pill counts an event wholly off screen — one that
//! ends before the window starts or starts after it ends. (An event from
//! before the window that reaches into it is counted at the left edge.)

use timeline_core::chart::{ChartBase, ChartModel, Focus, Frame};
use timeline_core::csv_import::load_csv;
use timeline_core::layout::Grouping;
use timeline_core::scale::Window;
use timeline_core::synth::Rng;
use timeline_core::windowing::{WindowAction, Windows};
use timeline_core::{load_json, Dataset, BUILTIN_DATASET};

/// The newcomer's file: `n` rows of our CSV, kinds attack / exercise / statement,
/// days spread over 2001–2012, one to three countries of six.
fn newcomer_csv(n: usize, seed: u64) -> Dataset {
    const KINDS: [&str; 3] = ["attack", "exercise", "statement"];
    const CS: [&str; 6] = ["CN", "RU", "KZ", "KG", "TJ", "UZ"];
    let mut r = Rng::new(seed);
    let mut text = String::from("id,kind,title,date,countries\n");
    for i in 0..n {
        let (y, m, d) = (2001 + r.below(12), 1 + r.below(12), 1 + r.below(28));
        let k = KINDS[r.below(3) as usize];
        let c: Vec<&str> = (0..1 + r.below(3))
            .map(|_| CS[r.below(6) as usize])
            .collect();
        text.push_str(&format!(
            "e{i},{k},Event {i},{y}-{m:02}-{d:02},{}\n",
            c.join(";")
        ));
    }
    let l = load_csv(&text, "newcomer");
    assert_eq!(l.dataset.events.len(), n);
    l.dataset
}

fn datasets() -> Vec<(&'static str, Dataset)> {
    vec![
        ("newcomer csv", newcomer_csv(20_000, 11)),
        (
            "synthetic",
            load_json(&timeline_core::synth::generate(20_000, 7)).dataset,
        ),
        ("built-in", load_json(BUILTIN_DATASET).dataset),
    ]
}

fn frame(width: f64, em: f64) -> Frame {
    Frame::page(width, em)
}

fn model(ds: &Dataset, base: &ChartBase, f: &Frame, w: Window) -> ChartModel {
    let focus = Focus {
        window: w,
        cursor: None,
        selected: None,
    };
    ChartModel::new(ds, base, f, focus)
}

/// Gestures a visitor makes: wheel steps at different places, drags, pans.
fn journeys(plot_w: f64) -> Vec<Vec<WindowAction>> {
    let zoom = |factor: f64, anchor: f64| WindowAction::Zoom { factor, anchor };
    // A drag's `from` is the window the press found ([`walk`] fills it in).
    let drag = |dx: f64| WindowAction::Drag {
        from: Window::new(0.0, 1.0),
        dx,
        width: plot_w,
    };
    vec![
        vec![zoom(0.8, 0.4), zoom(0.8, 0.4), zoom(0.8, 0.4)],
        vec![zoom(0.5, 0.3), WindowAction::Pan(0.37), zoom(0.7, 0.81)],
        vec![
            zoom(0.25, 0.5),
            WindowAction::Pan(-0.61),
            zoom(0.5, 0.1),
            WindowAction::Pan(0.13),
        ],
        vec![zoom(0.1, 0.66), zoom(1.7, 0.2), WindowAction::Pan(2.3)],
        vec![zoom(0.03, 0.45), WindowAction::Pan(-0.2), zoom(0.9, 0.9)],
        vec![zoom(0.3, 0.5), drag(-300.0), drag(41.5), zoom(0.8, 0.6)],
    ]
}

/// Walks `steps` from the fit, laying the chart out at every step on one base
/// (as the app does while the view changes); the window it ends at and the last model.
fn walk(
    ds: &Dataset,
    ws: &Windows,
    base: &ChartBase,
    f: &Frame,
    steps: &[WindowAction],
) -> (Window, ChartModel) {
    let mut w = ws.fit;
    let mut m = model(ds, base, f, w);
    for &a in steps {
        // A drag is from the window the press found.
        let a = match a {
            WindowAction::Drag { dx, width, .. } => WindowAction::Drag { from: w, dx, width },
            a => a,
        };
        w = ws.resolve(ds, w, a).unwrap_or(ws.fit);
        m = model(ds, base, f, w);
    }
    (w, m)
}

#[test]
fn the_same_window_shows_the_same_pills_however_it_was_reached() {
    for (name, ds) in datasets() {
        let shown: Vec<usize> = (0..ds.events.len()).collect();
        let ws = Windows::of(&ds, 0);
        for (width, em) in [(958.0, 16.0), (350.0, 16.0), (1600.0, 24.0)] {
            let f = frame(width, em);
            let base = ChartBase::new(&ds, &shown, Grouping::Kind, ws.fit, &f);
            for mut steps in journeys(f.plot_w()) {
                // And the same ended with a drag there and back.
                for back in [false, true] {
                    if back {
                        steps.push(WindowAction::Drag {
                            from: ws.fit,
                            dx: 300.0,
                            width: f.plot_w(),
                        });
                        steps.push(WindowAction::Drag {
                            from: ws.fit,
                            dx: -300.0,
                            width: f.plot_w(),
                        });
                    }
                    let (w, stepped) = walk(&ds, &ws, &base, &f, &steps);
                    // Fresh: a new base, the window given outright (a link).
                    let fresh_base = ChartBase::new(&ds, &shown, Grouping::Kind, ws.fit, &f);
                    let fresh = model(&ds, &fresh_base, &f, Window::new(w.start, w.end));
                    assert_eq!(stepped, fresh, "{name} at {width}px: {steps:?}");
                    // The same window reached by another route (one Set from far away).
                    let far = ws.resolve(&ds, ws.fit, WindowAction::Year(2003)).unwrap();
                    let _ = model(&ds, &base, &f, far);
                    let again = model(
                        &ds,
                        &base,
                        &f,
                        ws.resolve(&ds, far, WindowAction::Set(w)).unwrap(),
                    );
                    assert_eq!(again.clusters, stepped.clusters, "{name}: {w:?}");
                }
            }
        }
    }
}

/// Whether event `i` shows in `w` at all: it ends after the start and starts before the end.
fn on_screen(ds: &Dataset, i: usize, w: Window) -> bool {
    let (a, b) = ds.days(i);
    (b as f64 + 1.0) > w.start && (a as f64) < w.end
}

#[test]
fn no_pill_counts_an_event_wholly_off_screen() {
    for (name, ds) in datasets() {
        let shown: Vec<usize> = (0..ds.events.len()).collect();
        let ws = Windows::of(&ds, 0);
        for width in [958.0, 390.0] {
            let f = frame(width, 16.0);
            let base = ChartBase::new(&ds, &shown, Grouping::Kind, ws.fit, &f);
            let mut windows = vec![ws.fit];
            for steps in journeys(f.plot_w()) {
                windows.push(walk(&ds, &ws, &base, &f, &steps).0);
            }
            // The newcomer's link, and the same a fraction of a day earlier (the wheel's window).
            let d = |s: &str| {
                timeline_core::date::PartialDate::parse(s)
                    .unwrap()
                    .first_day() as f64
            };
            let (a, b) = (d("2006-06-22"), d("2008-07-29"));
            windows.extend([Window::new(a, b), Window::new(a - 0.4, b - 0.4)]);
            for w in windows {
                let m = model(&ds, &base, &f, w);
                for c in &m.clusters {
                    let WindowAction::Days { first, last } = c.zoom else {
                        panic!("a pill zooms to its days");
                    };
                    assert!(
                        (last as f64 + 1.0) > w.start && (first as f64) < w.end,
                        "{name}: a pill of days {first}..{last} in {w:?}"
                    );
                    let off: Vec<&str> = c
                        .first
                        .iter()
                        .filter(|&&i| !on_screen(&ds, i, w))
                        .map(|&i| ds.events[i].id.as_str())
                        .collect();
                    assert!(off.is_empty(), "{name}: {off:?} off screen in {w:?}");
                }
            }
        }
    }
}

#[test]
fn a_link_to_the_view_counts_what_the_wheel_counted_but_its_edge_days() {
    // The link's window is the wheel's in whole days: every lane counts the same
    // events (pills and marks) but for those of the two days cut at the edges.
    let ds = newcomer_csv(20_000, 11);
    let shown: Vec<usize> = (0..ds.events.len()).collect();
    let ws = Windows::of(&ds, 0);
    let f = frame(958.0, 16.0);
    let base = ChartBase::new(&ds, &shown, Grouping::Kind, ws.fit, &f);
    let mut same_bins = 0;
    for steps in journeys(f.plot_w()) {
        let (w, wheel) = walk(&ds, &ws, &base, &f, &steps);
        let link = Window::new(w.start.round(), w.end.round());
        let linked = model(&ds, &base, &f, link);
        let edge = |i: usize| {
            let a = ds.days(i).0 as f64;
            (a - w.start.min(link.start)).abs() <= 1.0 || (a - w.end.min(link.end)).abs() <= 1.0
        };
        for lane in 0..wheel.lanes.len() {
            let count = |m: &ChartModel| -> usize {
                m.clusters
                    .iter()
                    .filter(|c| c.lane == lane)
                    .map(|c| c.n)
                    .sum::<usize>()
                    + m.marks
                        .iter()
                        .filter(|mk| mk.lane == lane && on_screen(&ds, mk.event, w))
                        .count()
            };
            let at_edges = base.lanes[lane]
                .members
                .ids
                .iter()
                .filter(|&&i| edge(i))
                .count();
            let (a, b) = (count(&wheel), count(&linked));
            assert!(
                a.abs_diff(b) <= at_edges,
                "lane {lane}: {a} by the wheel, {b} by the link ({at_edges} at the edges) in {w:?}"
            );
        }
        // Bins are whole days from day 0: inside, the pills are the same.
        let inner = |m: &ChartModel| -> Vec<(usize, usize)> {
            m.clusters
                .iter()
                .filter(|c| c.rect.x > m.gutter + 60.0 && c.rect.x + c.rect.w < m.width - 60.0)
                .map(|c| (c.lane, c.n))
                .collect()
        };
        same_bins += usize::from(inner(&wheel) == inner(&linked) && !inner(&wheel).is_empty());
    }
    assert!(same_bins >= 3, "{same_bins} of 6 journeys bin alike");
}

#[test]
fn side_by_side_bins_do_not_chain_into_one_pill() {
    let ds = newcomer_csv(20_000, 11);
    let shown: Vec<usize> = (0..ds.events.len()).collect();
    let ws = Windows::of(&ds, 0);
    for em in [16.0, 20.0, 24.0] {
        let f = frame(1280.0, em);
        let base = ChartBase::new(&ds, &shown, Grouping::Kind, ws.fit, &f);
        let m = model(&ds, &base, &f, ws.fit);
        // A bin is at most 36 px (scaled) times 2^¼; a pill takes in at most its neighbour.
        let widest = m.clusters.iter().map(|c| c.rect.w).fold(0.0, f64::max);
        let bin = 36.0 * m.k * 1.19;
        assert!(
            widest <= 2.0 * bin + 22.0 * m.k,
            "em {em}: a pill {widest} px wide"
        );
        // Every lane is dense all along: about one pill per bin.
        let bins = m.lanes.len() as f64 * m.plot_w / bin;
        assert!(
            m.clusters.len() as f64 > 0.6 * bins,
            "em {em}: {} pills for {bins} bins",
            m.clusters.len()
        );
    }
}
