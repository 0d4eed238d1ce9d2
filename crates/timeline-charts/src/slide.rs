//! The picture of a view, sized for a slide: title, the active filters, the
//! timeline lanes, the three charts, and the source line.

use crate::palette::{self, INK, LINE, MUTED, PAPER};
use crate::stats_charts::{draw_casualties, draw_countries, draw_per_year};
use crate::{err, ChartStyle, DrawResult};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use timeline_core::layout::{layout, LayoutParams};
use timeline_core::scale::{ticks, Window};
use timeline_core::stats::Stats;
use timeline_core::symbol::Symbol;
use timeline_core::urlstate::ViewState;
use timeline_core::{Category, Dataset};

/// The source line: the dataset's documents.
pub fn source_line(ds: &Dataset) -> String {
    let docs: Vec<String> = ds
        .meta
        .sources
        .iter()
        .map(|s| match (&s.author, &s.publisher) {
            (Some(a), Some(p)) => format!("{a}, “{}” ({p})", s.title),
            (Some(a), None) => format!("{a}, “{}”", s.title),
            _ => s.title.clone(),
        })
        .collect();
    format!(
        "Source: {}",
        if docs.is_empty() {
            "the dataset's own entries".to_string()
        } else {
            docs.join("; ")
        }
    )
}

/// A kind's symbol at (x, y), half size `r` (timeline_core::symbol, as the app draws it).
fn symbol<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    k: &Category,
    (x, y): (i32, i32),
    r: i32,
) -> DrawResult<()> {
    let c = palette::kind(k).filled();
    let at = |dx: f64, dy: f64| (x + dx.round() as i32, y + dy.round() as i32);
    match timeline_core::symbol::symbol(k.shape, r as f64) {
        Symbol::Circle { r } => area.draw(&Circle::new((x, y), r.round() as i32, c)),
        Symbol::Rect {
            x: rx, y: ry, w, h, ..
        } => area.draw(&Rectangle::new([at(rx, ry), at(rx + w, ry + h)], c)),
        Symbol::Polygon(p) => area.draw(&Polygon::new(
            p.iter().map(|&(dx, dy)| at(dx, dy)).collect::<Vec<_>>(),
            c,
        )),
    }
    .map_err(err)
}

/// The timeline lanes of a view in `area`.
pub fn draw_timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ds: &Dataset,
    shown: &[usize],
    view: &ViewState,
    st: &ChartStyle,
) -> DrawResult<()> {
    let (w, h) = area.dim_in_pixel();
    let gutter = st.px(130.0);
    let plot_w = (w as i32 - gutter - st.px(10.0)).max(50) as f64;
    let window = view.window.unwrap_or_else(|| {
        ds.span()
            .map(|(a, b)| Window::fit(a, b))
            .unwrap_or(Window::new(0.0, 1.0))
    });
    let lanes = layout(
        ds,
        shown,
        view.grouping,
        window,
        LayoutParams {
            width: plot_w,
            max_rows: 5,
            ..LayoutParams::default()
        },
    );
    let axis_h = st.px(24.0);
    let row_h = st.px(22.0);
    let total_rows: i32 = lanes.iter().map(|l| l.rows as i32).sum::<i32>().max(1);
    let lane_pad = st.px(6.0);
    let row_h = row_h.min(
        ((h as i32 - axis_h - lanes.len() as i32 * lane_pad * 2) / total_rows).max(st.px(8.0)),
    );
    let label =
        |size: f64, color: &RGBColor| ("sans-serif", st.font(size)).into_font().color(color);
    let bottom = (axis_h
        + lanes
            .iter()
            .map(|l| l.rows as i32 * row_h + lane_pad * 2)
            .sum::<i32>())
    .min(h as i32);
    for t in ticks(window, plot_w) {
        let x = gutter + window.x(t.day as f64, plot_w) as i32;
        area.draw(&PathElement::new(
            vec![(x, axis_h - st.px(6.0)), (x, bottom)],
            if t.major {
                LINE.mix(1.0)
            } else {
                LINE.mix(0.5)
            },
        ))
        .map_err(err)?;
        area.draw(&Text::new(
            t.label,
            (x + st.px(3.0), st.px(4.0)),
            label(12.0, if t.major { &INK } else { &MUTED }),
        ))
        .map_err(err)?;
    }
    let mut y = axis_h;
    for lane in &lanes {
        let lane_h = lane.rows as i32 * row_h + lane_pad * 2;
        area.draw(&Rectangle::new(
            [(0, y), (w as i32, y + lane_h)],
            LINE.stroke_width(1),
        ))
        .map_err(err)?;
        let style = label(12.5, &MUTED).pos(Pos::new(HPos::Left, VPos::Center));
        area.draw(&Text::new(
            lane.label.clone(),
            (st.px(8.0), y + lane_pad + row_h / 2),
            style,
        ))
        .map_err(err)?;
        for m in &lane.marks {
            let e = &ds.events[m.event];
            let cy = y + lane_pad + m.row as i32 * row_h + row_h / 2;
            let x0 = gutter + window.x(e.start_day() as f64, plot_w) as i32;
            let x1 = gutter + window.x(e.end_day() as f64 + 1.0, plot_w) as i32;
            let (x0, x1) = (x0.max(gutter), x1.max(x0 + 1));
            let cx = if e.end.is_some() { x0 } else { (x0 + x1) / 2 };
            if x1 - x0 > st.px(4.0) {
                area.draw(&Rectangle::new(
                    [(x0, cy - row_h / 4), (x1, cy + row_h / 4)],
                    palette::kind(ds.category(e.kind)).mix(0.3).filled(),
                ))
                .map_err(err)?;
            }
            symbol(area, ds.category(e.kind), (cx, cy), (row_h / 4).max(2))?;
            let room = m.label_room as i32 - st.px(10.0);
            let chars = (room as f64 / st.font(6.6)) as usize;
            if chars >= 9 {
                let text: String = if e.title.chars().count() > chars {
                    format!("{}…", e.title.chars().take(chars - 1).collect::<String>())
                } else {
                    e.title.clone()
                };
                let style = label(11.5, &INK).pos(Pos::new(HPos::Left, VPos::Center));
                area.draw(&Text::new(text, (cx.max(x1) + st.px(8.0), cy), style))
                    .map_err(err)?;
            }
        }
        for c in &lane.clusters {
            let cy = y + lane_pad + row_h / 2;
            let (x0, x1) = (
                gutter + c.x0 as i32,
                gutter + (c.x1 as i32).max(c.x0 as i32 + st.px(22.0)),
            );
            area.draw(&Rectangle::new(
                [(x0, cy - row_h / 2 + 2), (x1, cy + row_h / 2 - 2)],
                INK.mix(0.8).filled(),
            ))
            .map_err(err)?;
            let style = label(11.0, &PAPER).pos(Pos::new(HPos::Center, VPos::Center));
            area.draw(&Text::new(c.count.to_string(), ((x0 + x1) / 2, cy), style))
                .map_err(err)?;
        }
        y += lane_h;
    }
    Ok(())
}

/// The whole slide: title, filters, timeline, charts, source.
pub fn draw_slide<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ds: &Dataset,
    view: &ViewState,
    st: &ChartStyle,
) -> DrawResult<()> {
    root.fill(&PAPER).map_err(err)?;
    let (w, h) = root.dim_in_pixel();
    let shown = view.filter.apply(ds);
    let m = st.px(36.0);
    let area = root.margin(m, m, m, m);
    let (head, rest) = area.split_vertically(st.px(78.0));
    head.draw(&Text::new(
        ds.meta.title.clone(),
        (0, 0),
        ("sans-serif", st.font(30.0)).into_font().color(&INK),
    ))
    .map_err(err)?;
    let line = format!(
        "{} — showing {} of {}",
        view.filter.describe(ds),
        shown.len(),
        timeline_core::describe::count_events(ds.events.len())
    );
    head.draw(&Text::new(
        line,
        (0, st.px(42.0)),
        ("sans-serif", st.font(16.0)).into_font().color(&MUTED),
    ))
    .map_err(err)?;
    let body_h = rest.dim_in_pixel().1 as i32 - st.px(30.0);
    let (timeline, below) = rest.split_vertically(body_h * 58 / 100);
    draw_timeline(&timeline, ds, &shown, view, st)?;
    let (charts, foot) = below.split_vertically(below.dim_in_pixel().1 as i32 - st.px(30.0));
    let charts = charts.margin(st.px(12.0), 0, 0, 0);
    let parts = charts.split_evenly((1, 4));
    let stats = Stats::compute(ds, &shown);
    draw_per_year(&parts[0], &stats, st)?;
    draw_casualties(&parts[1], &stats, st)?;
    draw_countries(&parts[2], &stats, st)?;
    crate::map_chart::draw_map(
        // The other charts' titles stand 10 px below their area's top.
        &parts[3].margin(st.px(10.0), 0, st.px(10.0), 0),
        ds,
        view,
        &timeline_core::map::MapShapes::builtin(),
        st,
    )?;
    foot.draw(&Text::new(
        source_line(ds),
        (0, st.px(10.0)),
        ("sans-serif", st.font(13.0)).into_font().color(&MUTED),
    ))
    .map_err(err)?;
    let _ = (w, h);
    root.present().map_err(err)
}

/// The slide as SVG text.
pub fn slide_svg(ds: &Dataset, view: &ViewState, width: u32, height: u32) -> DrawResult<String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        draw_slide(&root, ds, view, &ChartStyle::default())?;
    }
    Ok(out)
}
