//! Validates the built-in dataset and the map at build time and packs them
//! (timeline_core::pack) into `OUT_DIR`: the app starts from those bytes, with
//! no JSON parsing (src/builtin.rs). A problem in either file fails the build.

use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).to_path_buf();
    let events = root.join("data/events.json");
    let map = root.join("data/map/countries.json");
    println!("cargo:rerun-if-changed={}", events.display());
    println!("cargo:rerun-if-changed={}", map.display());

    let text = std::fs::read_to_string(&events).expect("data/events.json is readable");
    let loaded = timeline_core::load_json(&text);
    if !loaded.problems.is_empty() || loaded.dataset.events.is_empty() {
        for p in &loaded.problems {
            eprintln!("data/events.json: {p}");
        }
        panic!(
            "data/events.json has {} problem(s) and {} event(s): fix it before building",
            loaded.problems.len(),
            loaded.dataset.events.len()
        );
    }
    let packed = timeline_core::pack::pack_dataset(&loaded.dataset, None);
    std::fs::write(out.join("builtin.bin"), packed).expect("write builtin.bin");

    let text = std::fs::read_to_string(&map).expect("data/map/countries.json is readable");
    let mut shapes = timeline_core::map::MapShapes::parse(&text)
        .unwrap_or_else(|e| panic!("data/map/countries.json: {e}"));
    // The outlines as relative steps: the same rings, a third as large compressed.
    for s in &mut shapes.countries {
        if let Some(d) = timeline_core::map::relative_path(&s.d) {
            s.d = d;
        }
    }
    std::fs::write(out.join("map.bin"), timeline_core::pack::pack_map(&shapes))
        .expect("write map.bin");
}
