//! Times what a wheel step and a filter click cost in the core at N events
//! (issue #23): `cargo run --release -p timeline-core --example large_timing -- [N] [json|narrow]`.
//! Prints milliseconds; nothing here asserts on time.
use std::collections::BTreeSet;
use std::time::Instant;

use timeline_core::chart::{ChartBase, ChartModel, Focus, Frame};
use timeline_core::layout::Grouping;
use timeline_core::outline::Outline;
use timeline_core::scale::Window;
use timeline_core::{load_csv, load_json, synth, Filter};

/// The fastest of five runs (the machine is shared: the others are noise).
fn ms<T>(label: &str, f: impl Fn() -> T) -> T {
    let mut best = f64::INFINITY;
    let mut r = None;
    for _ in 0..5 {
        let t = Instant::now();
        r = Some(f());
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
    }
    println!("{label:<44} {best:8.2} ms");
    SUM.with(|s| s.set(s.get() + best));
    r.expect("run")
}

thread_local! {
    static SUM: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// The sum of the figures printed since the last call.
fn sum() -> f64 {
    SUM.with(|s| s.replace(0.0))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let form = args.next().unwrap_or_else(|| "narrow".into());
    let json = synth::generate(n, 42);
    let ds = if form == "narrow" {
        let full = load_json(&json).dataset;
        let all: Vec<usize> = (0..full.events.len()).collect();
        let csv = timeline_core::export::to_csv(&full, &all);
        let mut out = String::from("id,kind,title,date,countries\n");
        for row in csv::Reader::from_reader(csv.as_bytes()).records().flatten() {
            let f = |i: usize| row.get(i).unwrap_or("").replace('"', "");
            out.push_str(&format!(
                "{},{},\"{}\",{},\"{}\"\n",
                f(0),
                f(1),
                f(2),
                f(3),
                f(5)
            ));
        }
        drop(full);
        load_csv(&out, "bench").dataset
    } else {
        load_json(&json).dataset
    };
    println!("{} events ({form})", ds.events.len());
    dataset_new(&ds);
    if std::env::var("LOOP_STATS").is_ok() {
        let all: Vec<usize> = (0..ds.events.len()).collect();
        for _ in 0..100 {
            std::hint::black_box(timeline_core::stats::Stats::compute(&ds, &all));
        }
        return;
    }
    if std::env::var("ONLY_NEW").is_ok() {
        return;
    }
    let (a, b) = ds.span().unwrap();
    let fit = Window::fit(a, b);
    let frame = Frame {
        width: 1280.0,
        em: 16.0,
        avail: 0.0,
        presenting: false,
    };
    let all: Vec<usize> = (0..ds.events.len()).collect();
    let base = ms("ChartBase::new (all)", || {
        ChartBase::new(&ds, &all, Grouping::Kind, fit, &frame)
    });
    let focus = |w| Focus {
        window: w,
        cursor: None,
        selected: None,
    };
    let m = ms("ChartModel::new at the fit", || {
        ChartModel::new(&ds, &base, &frame, focus(fit))
    });
    println!("  {} marks, {} clusters", m.marks.len(), m.clusters.len());
    let bounds = Window::new(fit.start - fit.span(), fit.end + fit.span());
    let zo = fit.zoom(1.15, 0.5, bounds);
    let m = ms("ChartModel::new one wheel step out of fit", || {
        ChartModel::new(&ds, &base, &frame, focus(zo))
    });
    println!("  {} marks, {} clusters", m.marks.len(), m.clusters.len());
    let zi = fit.zoom(1.0 / 1.15, 0.5, bounds);
    let m = ms("ChartModel::new one wheel step in", || {
        ChartModel::new(&ds, &base, &frame, focus(zi))
    });
    println!("  {} marks, {} clusters", m.marks.len(), m.clusters.len());
    let mid = (fit.start + fit.end) / 2.0;
    let near = Window::new(mid - 30.0, mid + 30.0);
    if std::env::var("LOOP_NEAR").is_ok() {
        for _ in 0..300 {
            ChartModel::new(&ds, &base, &frame, focus(near));
        }
    }
    let m = ms("ChartModel::new zoomed in (60 days)", || {
        ChartModel::new(&ds, &base, &frame, focus(near))
    });
    println!("  {} marks, {} clusters", m.marks.len(), m.clusters.len());
    let near = Window::new(mid - 2.0, mid + 2.0);
    let m = ms("ChartModel::new zoomed in (4 days)", || {
        ChartModel::new(&ds, &base, &frame, focus(near))
    });
    println!("  {} marks, {} clusters", m.marks.len(), m.clusters.len());
    // A country chip.
    let code = ds.meta.countries[0].code.clone();
    let f = Filter {
        countries: Some(BTreeSet::from([code.clone()])),
        ..Filter::default()
    };
    sum();
    let shown = ms(&format!("Filter::apply ({code})"), || f.apply(&ds));
    let _c = ms("Filter::facet_counts", || f.facet_counts(&ds));
    sum();
    let (shown2, _) = ms("Filter::apply_counted", || f.apply_counted(&ds));
    assert_eq!(shown, shown2);
    let _s = ms("Stats::compute", || {
        timeline_core::stats::Stats::compute(&ds, &shown)
    });
    let b2 = ms("ChartBase::new (filtered)", || {
        ChartBase::new(&ds, &shown, Grouping::Kind, fit, &frame)
    });
    let sel = f.selection(&ds);
    let _s = ms("Filter::selection", || f.selection(&ds));
    let _s = ms("Stats::of_selection (what the app does)", || {
        sel.as_ref()
            .and_then(|s| timeline_core::stats::Stats::of_selection(&ds, s))
    });
    let _b = ms("ChartBase::selected (what the app does)", || {
        ChartBase::selected(&ds, &shown, sel.as_ref(), Grouping::Kind, fit, &frame)
    });
    let _m = ms("ChartModel::new (filtered, fit)", || {
        ChartModel::new(&ds, &b2, &frame, focus(fit))
    });
    let _o = ms("Outline::new (filtered)", || {
        Outline::new(&ds, &shown, Grouping::Kind)
    });
    let _h = ms("overview::histogram", || {
        timeline_core::overview::histogram(&ds, &shown, fit, 400)
    });
    let _s = ms("describe::summary", || {
        timeline_core::describe::summary(&ds, &shown)
    });
    let _c = ms("describe::count_line", || {
        timeline_core::describe::count_line(&ds, &shown)
    });
    println!(
        "{:<44} {:8.2} ms ({} shown)",
        "filter change in all",
        sum(),
        shown.len()
    );
    sum();
    let all2 = ms("Filter::apply (none)", || Filter::default().apply(&ds));
    let _c = ms("Filter::facet_counts (none)", || {
        Filter::default().facet_counts(&ds)
    });
    let _b = ms("ChartBase::new (all)", || {
        ChartBase::new(&ds, &all2, Grouping::Kind, fit, &frame)
    });
    let _s = ms("Stats::compute (all)", || {
        timeline_core::stats::Stats::compute(&ds, &all2)
    });
    let _o = ms("Outline::new (all)", || {
        Outline::new(&ds, &all2, Grouping::Kind)
    });
    let _h = ms("overview::histogram (all)", || {
        timeline_core::overview::histogram(&ds, &all2, fit, 400)
    });
    let _s = ms("describe::summary (all)", || {
        timeline_core::describe::summary(&ds, &all2)
    });
    println!("{:<44} {:8.2} ms", "filter cleared", sum());
}

/// `Dataset::new` on the events in the file's order (as a streamed read
/// gives them to the page, which sorts them and builds the indexes); the
/// copy made for each run and the drop are not timed.
fn dataset_new(ds: &timeline_core::Dataset) {
    let num = |id: &str| id.trim_start_matches("ev-").parse::<usize>().unwrap_or(0);
    let mut file: Vec<Option<timeline_core::Event>> = vec![None; ds.events.len()];
    for e in &ds.events {
        let at = num(&e.id).min(file.len() - 1);
        file[at] = Some(e.clone());
    }
    let file: Vec<timeline_core::Event> = file.into_iter().flatten().collect();
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let events = file.clone();
        let t = Instant::now();
        let d = timeline_core::Dataset::new(ds.meta.clone(), events);
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
        assert_eq!(d.events.len(), ds.events.len());
    }
    println!("{:<44} {best:8.2} ms", "Dataset::new (file order)");
    let sorted = ds.events.clone();
    let t = Instant::now();
    let d = timeline_core::Dataset::new(ds.meta.clone(), sorted);
    let el = t.elapsed().as_secs_f64() * 1e3;
    assert_eq!(d.events.len(), ds.events.len());
    println!("{:<44} {el:8.2} ms", "Dataset::new (sorted already)");
}
