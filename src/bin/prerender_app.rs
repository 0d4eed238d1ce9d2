//! The app's first view rendered natively at build time, as the app renders
//! it in the browser (Yew's server rendering; nothing is hydrated), and
//! written into the built page (a Trunk post-build hook, scripts/post-build.mjs):
//! `index.html`'s `<!-- first-view -->` marker becomes the app's own markup,
//! so the static page has the app's layout under the same styles, paints
//! before any script runs, and nothing moves when the live app replaces it.
//! The chart and the overview are drawn for a 1280 px window, a full-HD one
//! and a phone (390 px); the styles show the ones that fit (`data-fv`).
//!
//! prerender-app [DIR]   (default: $TRUNK_STAGING_DIR, else dist)
use std::process::ExitCode;
use std::sync::atomic::Ordering;

/// The app rendered as for a window `width` pixels wide.
fn render(width: u32) -> String {
    sco_timeline::dom::PRERENDER_WIDTH.store(width, Ordering::Relaxed);
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    rt.block_on(
        yew::ServerRenderer::<sco_timeline::components::app::App>::new()
            .hydratable(false)
            .render(),
    )
}

/// The windows the pictures are drawn for, and the names the styles pick
/// them by (`#boot [data-fv=…]`): the first is the page's markup.
const WINDOWS: [(u32, &str); 3] = [(1280, "wide"), (1920, "full"), (390, "narrow")];

/// The pictures whose drawing depends on the window's width: what follows
/// each marker, up to its `</svg>`.
const PICTURES: [&str; 2] = ["data-testid=\"chart\"", "class=\"overview-strip\""];

/// The first view's markup: the app for the first window, each of its width
/// dependent pictures followed by the same picture drawn for the other windows.
fn first_view() -> Result<String, &'static str> {
    let renders: Vec<String> = WINDOWS.iter().map(|&(w, _)| render(w)).collect();
    let mut page = renders[0].clone();
    for marker in PICTURES {
        let (a, b) = picture(&page, marker).ok_or("a picture is missing in the first render")?;
        let mut all = String::new();
        for ((_, name), html) in WINDOWS.iter().zip(&renders) {
            let (c, d) = picture(html, marker).ok_or("a picture is missing in a render")?;
            let svg = html[c..d].replacen("<svg ", &format!("<svg data-fv=\"{name}\" "), 1);
            // The pictures' ids must not meet in one page.
            all.push_str(&if all.is_empty() {
                svg
            } else {
                svg.replace("plot-clip", &format!("plot-clip-{name}"))
            });
        }
        page.replace_range(a..b, &all);
    }
    Ok(without_automation(&page))
}

/// Where the SVG after `marker` starts and ends in a render (it holds no other <svg>).
fn picture(html: &str, marker: &str) -> Option<(usize, usize)> {
    let at = html.find(marker)?;
    let start = at + html[at..].find("<svg ")?;
    let end = start + html[start..].find("</svg>")? + "</svg>".len();
    html[start + 1..end]
        .find("<svg")
        .is_none_or(|i| start + 1 + i >= end - 6)
        .then_some((start, end))
}

/// The markup without the attributes tests and scripts find the live app by
/// (`data-testid`, `data-event-id`, `data-country`, …): nothing waits on,
/// or clicks, the static copy the app is about to replace. `data-fv` and
/// `data-action` stay (the styles read them).
fn without_automation(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(" data-") {
        out.push_str(&rest[..i]);
        let attr = &rest[i + 1..];
        let name_end = attr.find('=').unwrap_or(0);
        let name = &attr[..name_end];
        let value_end = attr[name_end..]
            .strip_prefix("=\"")
            .and_then(|v| v.find('"'))
            .map(|e| name_end + 2 + e + 1);
        match value_end {
            Some(e)
                if !matches!(name, "data-fv" | "data-action")
                    && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') =>
            {
                rest = &attr[e..];
            }
            _ => {
                out.push(' ');
                rest = attr;
            }
        }
    }
    out.push_str(rest);
    out
}

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .unwrap_or_else(|| "dist".into());
    let file = std::path::Path::new(&dir).join("index.html");
    let Ok(html) = std::fs::read_to_string(&file) else {
        eprintln!("prerender-app: cannot read {}", file.display());
        return ExitCode::FAILURE;
    };
    const MARK: &str = "<!-- first-view -->";
    if !html.contains(MARK) {
        eprintln!("prerender-app: no {MARK} marker in {}", file.display());
        return ExitCode::FAILURE;
    }
    let view = match first_view() {
        Ok(v) => v,
        Err(why) => {
            eprintln!("prerender-app: {why}");
            return ExitCode::FAILURE;
        }
    };
    if std::fs::write(&file, html.replacen(MARK, &view, 1)).is_err() {
        eprintln!("prerender-app: cannot write {}", file.display());
        return ExitCode::FAILURE;
    }
    println!(
        "prerender-app: the app's first view written into {} ({} bytes)",
        file.display(),
        view.len()
    );
    ExitCode::SUCCESS
}
