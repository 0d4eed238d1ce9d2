//! The built-in dataset and the map's outlines, validated and packed at build
//! time (`build.rs`, `timeline_core::pack`): read from bytes, no JSON parsed.

use timeline_core::map::MapShapes;
use timeline_core::Dataset;

static DATASET: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin.bin"));
static MAP: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/map.bin"));

/// The built-in dataset (checked by the build: it has no problems).
pub fn dataset() -> Dataset {
    timeline_core::pack::unpack_dataset(DATASET).unwrap_or_default()
}

/// The map's outlines; empty (no map, every state listed) should they be unreadable.
pub fn map_shapes() -> MapShapes {
    timeline_core::pack::unpack_map(MAP).unwrap_or_else(|| MapShapes {
        attribution: String::new(),
        projection: String::new(),
        countries: Vec::new(),
    })
}
