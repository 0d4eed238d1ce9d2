//! Where a large file's load spends its time, natively (issue #23), read as
//! the worker reads it (streamed: events sent in parts while the rest is
//! read) and unpacked as the page unpacks it:
//!   cargo run --release -p timeline-core --bin synth -- 1000000 42 narrow > /tmp/1m.csv
//!   cargo run --release -p timeline-core --example load_stages -- /tmp/1m.csv
use std::time::Instant;
use timeline_core::pack;

fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let bytes = std::fs::read(&path).expect("readable");
    let t = Instant::now();
    let mut inc = timeline_core::import::open_bytes(bytes, &path, None).streaming();
    let t_open = t.elapsed();
    let t = Instant::now();
    let (mut ahead, mut sent) = (Vec::new(), 0);
    while !inc.step(5000) {
        ahead.extend(pack::parts_ahead(
            inc.events(),
            &mut sent,
            pack::EVENTS_PER_PART,
        ));
    }
    let t_steps = t.elapsed();
    let t = Instant::now();
    let read = inc.finish();
    let t_finish = t.elapsed();
    let t = Instant::now();
    let parts = pack::pack_read_after(&read, sent, pack::EVENTS_PER_PART);
    let t_pack = t.elapsed();
    let n = read.dataset.events.len();
    std::mem::forget(read); // as the worker does: it ends with the job
    let t = Instant::now();
    let mut u = pack::Unpacking::streaming();
    for p in &ahead {
        u.add(p).expect("a part");
    }
    let t_ahead = t.elapsed();
    u.head(&parts[0]).expect("a head");
    for p in &parts[1..] {
        u.add(p).expect("a part");
    }
    let t_read = t.elapsed();
    let back = u.finish().expect("unpacks");
    let t_unpack = t.elapsed();
    println!(
        "page: {} parts read while the worker reads ({t_ahead:?}), the rest {:?}, then Dataset::new {:?}",
        ahead.len(),
        t_read - t_ahead,
        t_unpack - t_read
    );
    println!(
        "{n} events: open {t_open:?}, validate (and send {sent} ahead) {t_steps:?}, finish {t_finish:?}, the end packed {t_pack:?} ({} parts), unpack {t_unpack:?} ({} events)",
        parts.len(),
        back.dataset.events.len()
    );
    sorted_again(back.dataset);
}

#[allow(dead_code)]
fn sorted_again(ds: timeline_core::Dataset) {
    let t = Instant::now();
    let again = timeline_core::Dataset::new(ds.meta, ds.events);
    println!(
        "Dataset::new on sorted events {:?} ({})",
        t.elapsed(),
        again.events.len()
    );
}
