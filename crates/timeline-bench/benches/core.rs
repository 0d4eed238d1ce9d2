//! The core at 1k, 10k, 100k and 1M events: load (parse + validate), filter,
//! facet counts, and layout of the fitted view. `cargo bench -p timeline-bench`.
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::collections::BTreeSet;
use timeline_core::layout::{layout, Grouping, LayoutParams};
use timeline_core::scale::Window;
use timeline_core::{load_json, synth, Filter};

fn sizes() -> Vec<usize> {
    match std::env::var("BENCH_SIZES") {
        Ok(s) => s.split(',').filter_map(|x| x.trim().parse().ok()).collect(),
        Err(_) => vec![1_000, 10_000, 100_000, 1_000_000],
    }
}

fn bench(c: &mut Criterion) {
    for n in sizes() {
        let text = synth::generate(n, 42);
        let ds = load_json(&text).dataset;
        let mut g = c.benchmark_group(format!("{n} events"));
        g.throughput(Throughput::Elements(n as u64));
        if n >= 100_000 {
            g.sample_size(10);
        }
        g.bench_function(BenchmarkId::new("load", n), |b| {
            b.iter(|| load_json(&text).dataset.events.len())
        });
        let one = Filter {
            countries: Some(BTreeSet::from(["KZ".to_string()])),
            ..Filter::default()
        };
        g.bench_function(BenchmarkId::new("filter one country", n), |b| {
            b.iter(|| one.apply(&ds).len())
        });
        let text_f = Filter {
            text: "moscow exercise".into(),
            ..Filter::default()
        };
        g.bench_function(BenchmarkId::new("filter text", n), |b| {
            b.iter(|| text_f.apply(&ds).len())
        });
        g.bench_function(BenchmarkId::new("facet counts", n), |b| {
            b.iter(|| one.facet_counts(&ds).kinds.len())
        });
        let shown: Vec<usize> = (0..ds.events.len()).collect();
        let (a, z) = ds.span().unwrap();
        let w = Window::fit(a, z);
        let p = LayoutParams {
            width: 1100.0,
            max_rows: 5,
            ..LayoutParams::default()
        };
        g.bench_function(BenchmarkId::new("layout fit, by kind", n), |b| {
            b.iter(|| layout(&ds, &shown, Grouping::Kind, w, p).len())
        });
        let zoomed = Window::new(w.start + w.span() * 0.45, w.start + w.span() * 0.5);
        g.bench_function(BenchmarkId::new("layout zoomed, by country", n), |b| {
            b.iter(|| layout(&ds, &shown, Grouping::Country, zoomed, p).len())
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
