//! The first view written into the page at build time (`bin/prerender.rs`):
//! what the built-in dataset shows before any script runs — the summary, the
//! states and kinds with their counts, and the chart as SVG drawn from the
//! same chart model the app draws (timeline_core::chart), at a desktop and a
//! phone width. It paints at once, and is what a visitor without JavaScript,
//! a sandboxed frame and a search engine see. The app replaces it whole when
//! it mounts (nothing is hydrated, so nothing can mismatch).

use std::fmt::Write;
use timeline_core::chart::{Body, ChartBase, ChartModel, Focus, Frame};
use timeline_core::fmt::{px, px2};
use timeline_core::layout::Grouping;
use timeline_core::symbol::{points, symbol, Symbol};
use timeline_core::windowing::Windows;
use timeline_core::{describe, Dataset, Filter, Status};

/// The chart's width on a 1280 px desktop and on a 390 px phone (styles: the
/// page's padding and the filter column), so the picture has the app's proportions.
pub const WIDTHS: [(f64, &str); 2] = [(958.0, "wide"), (348.0, "narrow")];

/// Text as HTML text or attribute value.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The first view's HTML: a section to put in the page's static content.
pub fn first_view(ds: &Dataset) -> String {
    let shown: Vec<usize> = (0..ds.events.len()).collect();
    let counts = Filter::default().facet_counts(ds);
    let mut h = String::new();
    // The app's own summary (the same function: the two never disagree).
    let summary = describe::summary(ds, &shown);
    let _ = write!(
        h,
        r#"<section class="first-view" aria-label="The timeline at a glance"><p class="summary">{}</p>"#,
        esc(summary.trim())
    );
    let states: Vec<String> = ds
        .meta
        .countries
        .iter()
        .filter(|c| c.status == Status::Member)
        .map(|c| {
            let n = counts.countries.get(&c.code).copied().unwrap_or(0);
            format!("<li>{} <span class=\"count\">{n}</span></li>", esc(&c.name))
        })
        .collect();
    if !states.is_empty() {
        let _ = write!(
            h,
            r#"<p class="first-view-title">Member states (events shown by a first click, SCO-wide ones included)</p><ul class="first-view-list">{}</ul>"#,
            states.concat()
        );
    }
    let kinds: Vec<String> = ds
        .meta
        .categories
        .iter()
        .map(|c| {
            let n = counts.kinds.get(&c.id).copied().unwrap_or(0);
            format!(
                "<li><svg class=\"legend-symbol\" width=\"16\" height=\"16\" viewBox=\"-8 -8 16 16\" aria-hidden=\"true\">{}</svg>{} <span class=\"count\">{n}</span></li>",
                symbol_svg(c.shape, 6.0, &format!("k-{}", c.slot)),
                esc(&c.plural)
            )
        })
        .collect();
    let _ = write!(
        h,
        r#"<p class="first-view-title">Kinds</p><ul class="first-view-list">{}</ul>"#,
        kinds.concat()
    );
    for (width, class) in WIDTHS {
        let _ = write!(
            h,
            r#"<div class="chart first-view-chart {class}">{}</div>"#,
            chart_svg(ds, &shown, width, &esc(summary.trim()))
        );
    }
    h.push_str("</section>");
    h
}

/// A kind's symbol as SVG, centred on (0, 0).
fn symbol_svg(shape: timeline_core::Shape, size: f64, class: &str) -> String {
    match symbol(shape, size) {
        Symbol::Circle { r } => format!(r#"<circle class="symbol {class}" r="{}"/>"#, px2(r)),
        Symbol::Rect { x, y, w, h, rx } => format!(
            r#"<rect class="symbol {class}" x="{}" y="{}" width="{}" height="{}" rx="{}"/>"#,
            px2(x),
            px2(y),
            px2(w),
            px2(h),
            px2(rx)
        ),
        Symbol::Polygon(p) => format!(
            r#"<polygon class="symbol {class}" points="{}"/>"#,
            points(&p)
        ),
    }
}

/// The chart of `shown` at `width`, all events in view, as the app draws it.
pub fn chart_svg(ds: &Dataset, shown: &[usize], width: f64, label: &str) -> String {
    let frame = Frame {
        width,
        em: 16.0,
        avail: 0.0,
        presenting: false,
    };
    let ws = Windows::of(ds, 0);
    let base = ChartBase::new(ds, shown, Grouping::Kind, ws.fit, &frame);
    let focus = Focus {
        window: ws.fit,
        cursor: None,
        selected: None,
    };
    let m = ChartModel::new(ds, &base, &frame, focus);
    let (w, h, g, k) = (px(m.width), px(m.height), m.gutter, m.k);
    let mut s = format!(
        r#"<svg class="chart-svg" role="img" aria-label="{label}" width="{w}" height="{h}" viewBox="0 0 {w} {h}"><defs><clipPath id="fv-clip-{w}"><rect x="{}" y="0" width="{}" height="{h}"/></clipPath></defs>"#,
        px(g),
        px(m.width - g)
    );
    for l in &m.lanes {
        let class = l.kind.map_or("lane".to_string(), |k| {
            format!("lane k-{}", ds.category(k).slot)
        });
        let _ = write!(
            s,
            r#"<g class="{class}"><rect class="lane-bg" x="0" y="{}" width="{w}" height="{}"/><text class="lane-label" x="8" y="{}">{}</text></g>"#,
            px(l.top),
            px(l.height),
            px(l.label_y),
            esc(&l.label)
        );
    }
    let _ = write!(s, r#"<g class="axis" transform="translate({},0)">"#, px(g));
    for t in &m.ticks {
        let major = if t.major { " major" } else { "" };
        let _ = write!(
            s,
            r#"<g class="tick{major}"><line x1="{x}" x2="{x}" y1="{}" y2="{h}"/>"#,
            px(20.0 * k),
            x = px(t.x)
        );
        // A label only where it fits inside the plot, clear of the others (chart::tick_marks).
        if let Some(tt) = t.text {
            let anchor = crate::anchor_attr(tt.anchor);
            let _ = write!(
                s,
                r#"<text x="{}" y="{}"{anchor}>{}</text>"#,
                px(tt.x),
                px(14.0 * k),
                esc(&t.label)
            );
        }
        s.push_str("</g>");
    }
    let _ = write!(
        s,
        r#"</g><g class="clusters" clip-path="url(#fv-clip-{w})">"#
    );
    for c in &m.clusters {
        let _ = write!(
            s,
            r#"<g class="cluster"><rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill-opacity="{}"/><text x="{}" y="{}" text-anchor="middle">{}</text></g>"#,
            px(c.rect.x),
            px(c.rect.y),
            px(c.rect.w),
            px(c.rect.h),
            px(9.0 * k),
            px2(c.opacity),
            px(c.text.0),
            px(c.text.1),
            esc(&c.count)
        );
    }
    let _ = write!(s, r#"</g><g class="marks" clip-path="url(#fv-clip-{w})">"#);
    let symbol_size = frame.metrics().symbol;
    for mk in &m.marks {
        let cat = ds.category(ds.events[mk.event].kind);
        let kind = format!("k-{}", cat.slot);
        let band = mk.body == Body::Band;
        let _ = write!(
            s,
            r#"<g class="mark {kind}{}">"#,
            if band { " uncertain" } else { "" }
        );
        if let Some(r) = mk.rect {
            let (class, rx) = if band {
                ("band", "3".to_string())
            } else {
                ("bar", px(5.0 * k))
            };
            let _ = write!(
                s,
                r#"<rect class="{class} {kind}" x="{}" y="{}" width="{}" height="{}" rx="{rx}"/>"#,
                px(r.x),
                px(r.y),
                px(r.w),
                px(r.h)
            );
        }
        let _ = write!(
            s,
            r#"<g transform="translate({},{})">{}</g></g>"#,
            px(mk.symbol.0),
            px(mk.symbol.1),
            symbol_svg(cat.shape, symbol_size, &kind)
        );
        if let Some((x, y, text)) = &mk.label {
            let _ = write!(
                s,
                r#"<text class="mark-label{}" x="{}" y="{}">{}</text>"#,
                if mk.label_inside { " inside" } else { "" },
                px(*x),
                px(*y),
                esc(text)
            );
        }
    }
    s.push_str("</g></svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_view_holds_the_chart_and_the_counts_as_text() {
        let ds = timeline_core::load_json(timeline_core::BUILTIN_DATASET).dataset;
        let html = first_view(&ds);
        assert!(html.contains("Showing 65 of 65 events") || html.contains("65 events"));
        assert_eq!(html.matches("<svg class=\"chart-svg\"").count(), 2);
        assert!(html.contains("Kazakhstan"));
        // Every event is drawn as a mark or in a cluster in each picture.
        let marks = html.matches("<g class=\"mark ").count();
        assert!(marks > 0);
        // Text is escaped, never markup.
        assert_eq!(
            esc("<b>\"A&B\"</b>"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;"
        );
        assert!(!html.contains("<script"));
    }
}
