//! A story's scenes as pictures: one standalone SVG per scene for slide
//! software (title, caption, the scene's chart with its highlights and
//! annotations, the source line — as the slide of a view, `slide.rs`), and a
//! printable handout, one scene per page. A title card is its title and
//! caption on the slide's background.
//!
//! The chart is drawn from `timeline_core::chart`'s model, as the app draws
//! it, so annotations sit where `timeline_core::story::place_annotations`
//! puts them. Colours are written inline (no stylesheet): slide software
//! and print read them as they are. All text is escaped.

use crate::palette::{self, INK, LINE, MUTED, PAPER};
use crate::slide::source_line;
use plotters::style::RGBColor;
use std::collections::HashSet;
use std::fmt::Write;
use timeline_core::chart::{Body, ChartBase, ChartModel, Focus, Frame};
use timeline_core::fmt::{cut, px, px2};
use timeline_core::story::{caption_parts, place_annotations, CaptionPart, Scene, Story};
use timeline_core::symbol::{points, symbol, Symbol};
use timeline_core::urlstate::ViewState;
use timeline_core::windowing::Windows;
use timeline_core::Dataset;

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

fn hex(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// Words in lines of at most `max` characters; at most `lines` lines, the last cut with `…`.
pub fn wrap(text: &str, max: usize, lines: usize) -> Vec<String> {
    let max = max.max(8);
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let n = line.chars().count();
        if n > 0 && n + 1 + word.chars().count() > max {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push(line);
    }
    if out.len() > lines {
        out.truncate(lines.max(1));
        if let Some(last) = out.last_mut() {
            *last = cut(&format!("{last} …"), max);
        }
    }
    out.into_iter().map(|l| cut(&l, max)).collect()
}

/// A kind's symbol centred on (x, y), filled inline.
fn symbol_svg(shape: timeline_core::Shape, size: f64, (x, y): (f64, f64), fill: &str) -> String {
    let head = format!(
        r#"<g transform="translate({},{})" fill="{fill}" stroke="{}" stroke-width="1">"#,
        px(x),
        px(y),
        hex(PAPER)
    );
    let body = match symbol(shape, size) {
        Symbol::Circle { r } => format!(r#"<circle r="{}"/>"#, px2(r)),
        Symbol::Rect { x, y, w, h, rx } => format!(
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}"/>"#,
            px2(x),
            px2(y),
            px2(w),
            px2(h),
            px2(rx)
        ),
        Symbol::Polygon(p) => format!(r#"<polygon points="{}"/>"#, points(&p)),
    };
    format!("{head}{body}</g>")
}

/// The scene's chart model at `width` × `height` (the rows squeezed to fit).
fn scene_model(
    ds: &Dataset,
    view: &ViewState,
    width: f64,
    height: f64,
) -> (ChartModel, timeline_core::scale::Window) {
    let frame = Frame {
        width,
        em: 16.0,
        avail: height,
        presenting: false,
    };
    let ws = Windows::of(ds, 0);
    let window = view.window.unwrap_or(ws.fit);
    let shown = view.filter.apply(ds);
    let base = ChartBase::new(ds, &shown, view.grouping, ws.fit, &frame);
    let selected = view.selected.as_deref().and_then(|id| ds.position(id));
    let focus = Focus {
        window,
        cursor: None,
        selected,
    };
    (ChartModel::new(ds, &base, &frame, focus), window)
}

/// A scene's chart alone, as an `<svg>` element `width` × `height` (scaled
/// down to fit when its lanes need more room): lanes, axis, clusters, marks
/// (the highlighted and selected ones emphasised, the others dimmed), the
/// annotations with their leader lines. `None` for a title card. `id` keeps
/// the clip's id apart from other charts in the same document.
pub fn scene_chart_svg(
    ds: &Dataset,
    scene: &Scene,
    width: f64,
    height: f64,
    id: &str,
) -> Option<String> {
    let view = scene.view.as_ref()?;
    let (m, window) = scene_model(ds, view, width, height);
    let (w, h, g, k) = (px(m.width), px(m.height), m.gutter, m.k);
    let (ink, muted, line) = (hex(INK), hex(MUTED), hex(LINE));
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {w} {h}" preserveAspectRatio="xMidYMin meet" font-family="sans-serif" role="img" aria-label="{}"><defs><clipPath id="{id}-clip"><rect x="{}" y="0" width="{}" height="{h}"/></clipPath></defs>"#,
        px(width),
        px(height),
        esc(&scene.title),
        px(g),
        px(m.width - g)
    );
    for l in &m.lanes {
        let _ = write!(
            s,
            r#"<rect x="0" y="{}" width="{w}" height="{}" fill="none" stroke="{line}"/><text x="8" y="{}" font-size="{}" fill="{muted}">{}</text>"#,
            px(l.top),
            px(l.height),
            px(l.label_y),
            px(12.0 * k),
            esc(&l.label)
        );
    }
    for t in &m.ticks {
        let x = px(g + t.x);
        let _ = write!(
            s,
            r#"<line x1="{x}" x2="{x}" y1="{}" y2="{h}" stroke="{line}" stroke-opacity="{}"/>"#,
            px(20.0 * k),
            if t.major { "1" } else { "0.5" },
        );
        // A label only where it fits inside the plot, clear of the others (chart::tick_marks).
        if let Some(tt) = t.text {
            let anchor = crate::anchor_attr(tt.anchor);
            let _ = write!(
                s,
                r#"<text x="{}" y="{}" font-size="{}" fill="{}"{anchor}>{}</text>"#,
                px(g + tt.x),
                px(14.0 * k),
                px(11.0 * k),
                if t.major { &ink } else { &muted },
                esc(&t.label)
            );
        }
    }
    let _ = write!(s, r#"<g clip-path="url(#{id}-clip)">"#);
    for c in &m.clusters {
        let _ = write!(
            s,
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{ink}" fill-opacity="{}"/><text x="{}" y="{}" text-anchor="middle" font-size="{}" fill="{}">{}</text>"#,
            px(c.rect.x),
            px(c.rect.y),
            px(c.rect.w),
            px(c.rect.h),
            px(9.0 * k),
            px2(c.opacity),
            px(c.text.0),
            px(c.text.1),
            px(11.0 * k),
            hex(PAPER),
            esc(&c.count)
        );
    }
    marks_svg(&mut s, ds, scene, &m);
    s.push_str("</g>");
    notes_svg(&mut s, ds, scene, &m, window);
    s.push_str("</svg>");
    Some(s)
}

/// The marks: highlighted (and selected) ones ringed, the others dimmed when any is.
fn marks_svg(s: &mut String, ds: &Dataset, scene: &Scene, m: &ChartModel) {
    let k = m.k;
    let view_sel = scene.view.as_ref().and_then(|v| v.selected.as_deref());
    let emph: HashSet<usize> = scene
        .highlight
        .iter()
        .map(String::as_str)
        .chain(view_sel)
        .filter_map(|id| ds.position(id))
        .collect();
    for mk in &m.marks {
        let cat = ds.category(ds.events[mk.event].kind);
        let fill = hex(palette::kind(cat));
        let on = emph.contains(&mk.event);
        let opacity = if emph.is_empty() || on { "1" } else { "0.4" };
        let _ = write!(s, r#"<g opacity="{opacity}">"#);
        if let Some(r) = mk.rect {
            let band = mk.body == Body::Band;
            let _ = write!(
                s,
                r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{fill}" fill-opacity="{}" stroke="{fill}"{}/>"#,
                px(r.x),
                px(r.y),
                px(r.w),
                px(r.h),
                if band { "3".into() } else { px(5.0 * k) },
                if band { "0.15" } else { "0.35" },
                if band {
                    r#" stroke-dasharray="4 3""#
                } else {
                    ""
                }
            );
        }
        if on {
            let _ = write!(
                s,
                r#"<circle cx="{}" cy="{}" r="{}" fill="none" stroke="{}" stroke-width="{}"/>"#,
                px(mk.symbol.0),
                px(mk.symbol.1),
                px(11.0 * k),
                hex(INK),
                px(2.0 * k)
            );
        }
        s.push_str(&symbol_svg(cat.shape, 6.0 * k, mk.symbol, &fill));
        if let Some((x, y, text)) = &mk.label {
            let _ = write!(
                s,
                r#"<text x="{}" y="{}" font-size="{}" fill="{}"{}{}>{}</text>"#,
                px(*x),
                px(*y),
                px(12.0 * k),
                hex(INK),
                if mk.label_before {
                    r#" text-anchor="end""#
                } else {
                    ""
                },
                if on { r#" font-weight="bold""# } else { "" },
                esc(text)
            );
        }
        s.push_str("</g>");
    }
}

/// The annotations: a dot on the anchor, a leader line to the label, the label on a light box.
fn notes_svg(
    s: &mut String,
    ds: &Dataset,
    scene: &Scene,
    m: &ChartModel,
    window: timeline_core::scale::Window,
) {
    let k = m.k;
    let ink = hex(INK);
    for n in place_annotations(ds, m, window, &scene.annotations) {
        let (bx, by, bw, bh) = n.label_box(k);
        // The line ends at the box's nearer side, at its middle.
        let lx = if n.end { bx + bw } else { bx };
        let ly = by + bh / 2.0;
        let _ = write!(
            s,
            r#"<g class="note"><line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{ink}" stroke-width="1"/><circle cx="{}" cy="{}" r="{}" fill="{ink}"/><rect x="{}" y="{}" width="{}" height="{}" fill="{}" fill-opacity="0.9"/><text x="{}" y="{}" font-size="{}" fill="{ink}"{}>{}</text></g>"#,
            px(n.anchor.0),
            px(n.anchor.1),
            px(lx),
            px(ly),
            px(n.anchor.0),
            px(n.anchor.1),
            px(2.5 * k),
            px(bx),
            px(by),
            px(bw),
            px(bh),
            hex(PAPER),
            px(n.label.0),
            px(n.label.1),
            px(12.0 * k),
            if n.end { r#" text-anchor="end""# } else { "" },
            esc(&n.text)
        );
    }
}

/// Lines of text at (x, y), `size` px, a line `lead` apart.
fn text_lines(
    s: &mut String,
    lines: &[String],
    (x, y): (f64, f64),
    size: f64,
    lead: f64,
    style: &str,
) {
    for (i, l) in lines.iter().enumerate() {
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" font-size="{}" {style}>{}</text>"#,
            px(x),
            px(y + i as f64 * lead),
            px(size),
            esc(l)
        );
    }
}

/// One scene as a standalone SVG `width` × `height` for a slide: the title,
/// the caption, what the view shows, the chart, the source line. A title
/// card: its title and caption, centred, on the slide's background.
pub fn scene_svg(ds: &Dataset, scene: &Scene, width: u32, height: u32) -> String {
    let (w, h) = (width.max(320) as f64, height.max(200) as f64);
    let sc = (w / 1280.0).clamp(0.5, 3.0);
    let m = 36.0 * sc;
    let (ink, muted) = (hex(INK), hex(MUTED));
    let chars = |size: f64| ((w - 2.0 * m) / (size * 0.52)) as usize;
    let mut s = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="sans-serif"><rect width="{w}" height="{h}" fill="{}"/>"#,
        hex(PAPER)
    );
    let caption = |size: f64, lines: usize| wrap(&scene.caption, chars(size), lines);
    if scene.is_title_card() {
        let title = wrap(&scene.title, chars(44.0 * sc), 3);
        let cap = caption(20.0 * sc, 8);
        let block = title.len() as f64 * 54.0 * sc + 24.0 * sc + cap.len() as f64 * 28.0 * sc;
        let top = ((h - block) / 2.0).max(m) + 44.0 * sc;
        let centre = format!(r#"text-anchor="middle" fill="{ink}""#);
        text_lines(
            &mut s,
            &title,
            (w / 2.0, top),
            44.0 * sc,
            54.0 * sc,
            &format!("{centre} font-weight=\"bold\""),
        );
        let y = top + title.len() as f64 * 54.0 * sc + 24.0 * sc;
        text_lines(
            &mut s,
            &cap,
            (w / 2.0, y),
            20.0 * sc,
            28.0 * sc,
            &format!(r#"text-anchor="middle" fill="{muted}""#),
        );
    } else {
        let title = wrap(&scene.title, chars(30.0 * sc), 1);
        text_lines(
            &mut s,
            &title,
            (m, m + 28.0 * sc),
            30.0 * sc,
            36.0 * sc,
            &format!(r#"fill="{ink}" font-weight="bold""#),
        );
        let cap = caption(17.0 * sc, 3);
        let y = m + 60.0 * sc;
        text_lines(
            &mut s,
            &cap,
            (m, y),
            17.0 * sc,
            23.0 * sc,
            &format!(r#"fill="{ink}""#),
        );
        let mut y = y + cap.len() as f64 * 23.0 * sc;
        if let Some(v) = &scene.view {
            let shown = v.filter.apply(ds).len();
            let line = format!(
                "{} — showing {shown} of {}",
                v.filter.describe(ds),
                timeline_core::describe::count_events(ds.events.len())
            );
            text_lines(
                &mut s,
                &wrap(&line, chars(14.0 * sc), 1),
                (m, y),
                14.0 * sc,
                20.0 * sc,
                &format!(r#"fill="{muted}""#),
            );
            y += 14.0 * sc;
        }
        let chart_h = (h - m - 30.0 * sc - y).max(60.0);
        // Drawn at the app's type size, scaled to the slide.
        let (cw, ch) = ((w - 2.0 * m) / sc, chart_h / sc);
        if let Some(chart) = scene_chart_svg(ds, scene, cw, ch, "scene") {
            let _ = write!(
                s,
                r#"<g transform="translate({},{}) scale({})">{chart}</g>"#,
                px(m),
                px(y),
                px2(sc)
            );
        }
    }
    let foot = wrap(&source_line(ds), chars(13.0 * sc), 1);
    text_lines(
        &mut s,
        &foot,
        (m, h - m + 6.0 * sc),
        13.0 * sc,
        18.0 * sc,
        &format!(r#"fill="{muted}""#),
    );
    s.push_str("</svg>\n");
    s
}

/// A caption as HTML: text escaped, `http(s)` addresses as links.
fn caption_html(caption: &str) -> String {
    caption_parts(caption)
        .into_iter()
        .map(|p| match p {
            CaptionPart::Text(t) => esc(&t),
            CaptionPart::Link { text, href } => {
                format!(r#"<a href="{}">{}</a>"#, esc(&href), esc(&text))
            }
        })
        .collect()
}

const HANDOUT_CSS: &str = "@page{size:A4 landscape;margin:14mm}\
body{font-family:system-ui,sans-serif;color:#1d2430;background:#fff;margin:0}\
.scene{break-after:page;page-break-after:always;padding:0 0 8mm}\
.scene:last-child{break-after:auto;page-break-after:auto}\
.story{color:#5b6472;font-size:10pt;margin:0 0 2mm}\
h1{font-size:20pt;margin:0 0 4mm}\
figure{margin:0 0 4mm}figure svg{width:100%;height:auto;max-height:120mm}\
.caption{font-size:12pt;line-height:1.45;max-width:60em}\
.card h1{font-size:28pt;margin-top:30mm}\
.source{color:#5b6472;font-size:9pt}\
@media screen{.scene{max-width:270mm;margin:0 auto 12mm;border-bottom:1px solid #d9dde3}}";

/// The story as a self-contained printable HTML document: one scene per page
/// (CSS `break-after: page`), with the story's title and the scene's number,
/// its title, its chart inline (SVG), its caption (addresses as links) and
/// its source. Every text is escaped; no script, nothing fetched.
pub fn story_handout_html(ds: &Dataset, story: &Story) -> String {
    let title = if story.title.trim().is_empty() {
        "Story"
    } else {
        story.title.trim()
    };
    let mut h = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>{}</title><style>{HANDOUT_CSS}</style></head><body>\n",
        esc(title)
    );
    for (i, scene) in story.scenes.iter().enumerate() {
        let card = if scene.is_title_card() { " card" } else { "" };
        let _ = write!(
            h,
            r#"<section class="scene{card}" data-scene="{}"><p class="story">{} · {}</p><h1>{}</h1>"#,
            i + 1,
            esc(title),
            format_args!("Scene {} of {}", i + 1, story.scenes.len()),
            esc(&scene.title)
        );
        if let Some(chart) = scene_chart_svg(ds, scene, 1000.0, 420.0, &format!("s{}", i + 1)) {
            let _ = write!(h, "<figure>{chart}</figure>");
        }
        if !scene.caption.is_empty() {
            let _ = write!(
                h,
                r#"<p class="caption">{}</p>"#,
                caption_html(&scene.caption)
            );
        }
        let quote = scene
            .source
            .as_deref()
            .map(|q| format!("“{}” — ", esc(q)))
            .unwrap_or_default();
        let _ = write!(
            h,
            r#"<p class="source">{quote}{}</p></section>"#,
            esc(&source_line(ds))
        );
        h.push('\n');
    }
    h.push_str("</body></html>\n");
    h
}
