//! The pure core of the SCO timeline.
//!
//! Everything here is plain Rust: no yew, web-sys, gloo or wasm-bindgen, so it
//! is tested natively with `cargo test` and shared by the app, the command-line
//! tools and the benchmarks. See `ARCHITECTURE.md` at the repository root.

pub mod brief;
pub mod caption;
pub mod category;
pub mod chart;
pub mod chartnav;
pub mod csv_import;
pub mod date;
pub mod decode;
pub mod describe;
pub mod embed;
pub mod export;
pub mod filter;
pub mod fmt;
pub mod frame;
pub mod import;
pub mod iso;
pub mod layout;
pub mod load;
pub mod map;
pub mod model;
pub mod order;
pub mod origin;
pub mod outline;
pub mod overview;
pub mod pack;
pub mod pack_story;
pub mod place;
pub mod problem;
mod quick;
pub mod scale;
pub mod stats;
pub mod story;
mod story_write;
pub mod symbol;
pub mod synth;
pub mod text;
pub mod urlstate;
mod validate;
pub mod windowing;

pub use csv_import::load_csv;
pub use date::{display_range, PartialDate, Precision};
pub use filter::{FacetCounts, Filter};
pub use import::load_any;
pub use load::{load_json, Loaded};
pub use model::{
    Casualties, Category, Country, Dataset, Event, Kind, Link, Scope, Shape, SourceRef, Status,
};
pub use origin::{Format, Mapping, Role, Table};
pub use problem::{Problem, ProblemKind};
/// The lists an [`Event`] holds (re-exported for building events elsewhere).
pub use thin_vec::{thin_vec, ThinVec};

/// The built-in dataset, as shipped in `data/events.json`.
pub const BUILTIN_DATASET: &str = include_str!("../../../data/events.json");
