//! Where a large file's load spends its time, natively (issue #23):
//!   cargo run --release -p timeline-core --bin synth -- 1000000 42 narrow > /tmp/1m.csv
//!   cargo run --release -p timeline-core --example load_stages -- /tmp/1m.csv
use std::time::Instant;
use timeline_core::pack;

fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let bytes = std::fs::read(&path).expect("readable");
    let t = Instant::now();
    let mut inc = timeline_core::import::open_bytes(bytes, &path, None).for_packing();
    let t_open = t.elapsed();
    let t = Instant::now();
    while !inc.step(5000) {}
    let t_steps = t.elapsed();
    let t = Instant::now();
    let loaded = inc.finish();
    let t_finish = t.elapsed();
    let read: pack::Read = loaded;
    let t = Instant::now();
    let parts = pack::pack_read(&read, pack::EVENTS_PER_PART);
    let t_pack = t.elapsed();
    let n = read.dataset.events.len();
    std::mem::forget(read); // as the worker does: it ends with the job
    let t = Instant::now();
    let mut u = pack::Unpacking::new(&parts[0]).expect("a head");
    for p in &parts[1..] {
        u.add(p).expect("a part");
    }
    let t_read = t.elapsed();
    let back = u.finish().expect("unpacks");
    let t_unpack = t.elapsed();
    println!(
        "unpack: events read {t_read:?}, then Dataset::new {:?}",
        t_unpack - t_read
    );
    println!(
        "{n} events: open {:?}, validate {:?}, finish (Dataset::new) {:?}, pack {:?} ({} parts, {} MB), unpack {:?} ({} events)",
        t_open, t_steps, t_finish, t_pack, parts.len(),
        parts.iter().map(|p| p.len()).sum::<usize>() / 1_000_000,
        t_unpack, back.dataset.events.len()
    );
}
