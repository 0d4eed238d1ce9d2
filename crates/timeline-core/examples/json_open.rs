//! Times opening our JSON at N entries (split into entries, then validated):
//! `cargo run --release -p timeline-core --example json_open -- [N]`. Prints ms.
use std::time::Instant;
use timeline_core::{import, synth};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let json = synth::generate(n, 42);
    let mut best = (f64::INFINITY, f64::INFINITY);
    for _ in 0..5 {
        let t = Instant::now();
        let mut inc = import::open(json.clone(), "bench.json", None);
        let split = t.elapsed().as_secs_f64() * 1e3;
        while !inc.step(10_000) {}
        let all = t.elapsed().as_secs_f64() * 1e3;
        best = (best.0.min(split), best.1.min(all));
    }
    println!(
        "{n} entries, {:.1} MB: split {:.1} ms, split + validated {:.1} ms",
        json.len() as f64 / 1e6,
        best.0,
        best.1
    );
}
