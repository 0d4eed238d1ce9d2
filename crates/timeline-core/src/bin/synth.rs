//! Writes a synthetic dataset to stdout: `cargo run -p timeline-core --bin synth -- N [SEED]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let n = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000usize);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(1u64);
    print!("{}", timeline_core::synth::generate(n, seed));
}
