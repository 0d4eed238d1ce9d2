//! The app's first view rendered natively at build time, as the app renders
//! it in the browser (Yew's server rendering; nothing is hydrated), and
//! written into the built page (a Trunk post-build hook, scripts/post-build.mjs):
//! `index.html`'s `<!-- first-view -->` marker becomes the app's own markup,
//! so the static page has the app's layout under the same styles, paints
//! before any script runs, and nothing moves when the live app replaces it.
//! The chart is drawn for a desktop (1280 px) and for a phone (390 px); the
//! styles show the one that fits (`.fv-wide`, `.fv-narrow`).
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

/// The first view's markup: the app at a desktop's width, its chart followed
/// by the chart drawn for a phone.
fn first_view() -> Result<String, &'static str> {
    let wide = render(1280);
    let narrow = render(390);
    let (a, b) = chart_svg(&wide).ok_or("no chart in the desktop render")?;
    let (c, d) = chart_svg(&narrow).ok_or("no chart in the phone render")?;
    let tag =
        |svg: &str, class: &str| svg.replacen("<svg ", &format!("<svg data-fv=\"{class}\" "), 1);
    // The two pictures' ids must not meet in one page.
    let phone = tag(&narrow[c..d], "narrow").replace("plot-clip", "plot-clip-fv");
    Ok(without_automation(&format!(
        "{}{}{}{}",
        &wide[..a],
        tag(&wide[a..b], "wide"),
        phone,
        &wide[b..]
    )))
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

/// Where the chart's SVG starts and ends in a render.
fn chart_svg(html: &str) -> Option<(usize, usize)> {
    let at = html.find("data-testid=\"chart\"")?;
    let start = at + html[at..].find("<svg ")?;
    // The chart's SVG holds no other <svg>: its end is the first close.
    let end = start + html[start..].find("</svg>")? + "</svg>".len();
    html[start + 1..end]
        .find("<svg")
        .is_none_or(|i| start + 1 + i >= end - 6)
        .then_some((start, end))
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
