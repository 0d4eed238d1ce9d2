//! Writes the built-in dataset's first view into the built page (a Trunk
//! post-build hook): `index.html`'s `<!-- first-view -->` marker, in the static
//! content the app replaces when it mounts, becomes the summary, the counts and
//! the chart as SVG (timeline_charts::first_view).
//!
//! prerender [DIR]   (default: $TRUNK_STAGING_DIR, else dist)
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .unwrap_or_else(|| "dist".into());
    let file = std::path::Path::new(&dir).join("index.html");
    let Ok(html) = std::fs::read_to_string(&file) else {
        eprintln!("prerender: cannot read {}", file.display());
        return ExitCode::FAILURE;
    };
    const MARK: &str = "<!-- first-view -->";
    if !html.contains(MARK) {
        eprintln!("prerender: no {MARK} marker in {}", file.display());
        return ExitCode::FAILURE;
    }
    let loaded = timeline_core::load_json(timeline_core::BUILTIN_DATASET);
    if !loaded.problems.is_empty() {
        eprintln!(
            "prerender: the built-in dataset has problems: {:?}",
            loaded.problems
        );
        return ExitCode::FAILURE;
    }
    let view = timeline_charts::first_view::first_view(&loaded.dataset);
    if std::fs::write(&file, html.replacen(MARK, &view, 1)).is_err() {
        eprintln!("prerender: cannot write {}", file.display());
        return ExitCode::FAILURE;
    }
    println!(
        "prerender: first view written into {} ({} bytes)",
        file.display(),
        view.len()
    );
    ExitCode::SUCCESS
}
