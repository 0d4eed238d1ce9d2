//! The map of the states for the slide export: the same outlines and shades
//! as the app's map (`timeline_core::map`), drawn with plotters.

use crate::palette::{INK, LINE, MUTED, PAPER};
use crate::{err, ChartStyle, DrawResult};
use plotters::coord::Shift;
use plotters::prelude::*;
use timeline_core::map::{map_view, MapShapes};
use timeline_core::urlstate::ViewState;
use timeline_core::Dataset;

/// The light theme's shades (styles/main.css, `--map-0` … `--map-5`).
pub const SHADES: [RGBColor; 6] = [
    RGBColor(0xec, 0xee, 0xf1),
    RGBColor(0xdb, 0xe7, 0xf3),
    RGBColor(0xb3, 0xcd, 0xe6),
    RGBColor(0x7f, 0xa9, 0xd1),
    RGBColor(0x4a, 0x80, 0xb8),
    RGBColor(0x1f, 0x55, 0x96),
];

/// Title, the states shaded by their counts (as the chips count them), a
/// legend, the states without an outline, and the boundaries' attribution.
pub fn draw_map<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ds: &Dataset,
    view: &ViewState,
    shapes: &MapShapes,
    st: &ChartStyle,
) -> DrawResult<()> {
    let counts = view.filter.facet_counts(ds);
    let mv = map_view(ds, &counts, view.filter.countries.as_ref(), shapes);
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let font = |size: f64, c: &RGBColor| ("sans-serif", st.font(size)).into_font().color(c);
    area.draw(&Text::new(
        "Events by state",
        (st.px(4.0), 0),
        font(14.0, &INK),
    ))
    .map_err(err)?;
    // The plot: below the title, above the legend and attribution.
    let (top, bottom) = (st.px(24.0), h - st.px(40.0));
    let (vx, vy, vw, vh) = mv.view_box;
    let scale = ((w - st.px(8.0)) as f32 / vw).min((bottom - top).max(1) as f32 / vh);
    let (ox, oy) = (
        st.px(4.0) as f32 + ((w - st.px(8.0)) as f32 - vw * scale) / 2.0,
        top as f32,
    );
    let to_px = |(x, y): (f32, f32)| {
        (
            (ox + (x - vx) * scale) as i32,
            (oy + (y - vy) * scale) as i32,
        )
    };
    for item in &mv.shaped {
        let Some(shape) = shapes.shape(&item.code) else {
            continue;
        };
        for ring in shape.points() {
            let pts: Vec<(i32, i32)> = ring.into_iter().map(to_px).collect();
            area.draw(&Polygon::new(pts.clone(), SHADES[item.shade].filled()))
                .map_err(err)?;
            let mut outline = pts;
            if let Some(&first) = outline.first() {
                outline.push(first);
            }
            let edge = if item.selected {
                INK.stroke_width(2)
            } else {
                PAPER.stroke_width(1)
            };
            area.draw(&PathElement::new(outline, edge)).map_err(err)?;
        }
    }
    // Legend: a swatch per step.
    let mut x = st.px(4.0);
    let y = h - st.px(34.0);
    let steps: Vec<(usize, String)> = std::iter::once((0, "0".to_string()))
        .chain(mv.legend.iter().map(|s| {
            (
                s.shade,
                if s.lo == s.hi {
                    s.lo.to_string()
                } else {
                    format!("{}–{}", s.lo, s.hi)
                },
            )
        }))
        .collect();
    for (shade, text) in steps {
        area.draw(&Rectangle::new(
            [(x, y), (x + st.px(14.0), y + st.px(10.0))],
            SHADES[shade].filled(),
        ))
        .map_err(err)?;
        area.draw(&Rectangle::new(
            [(x, y), (x + st.px(14.0), y + st.px(10.0))],
            LINE.stroke_width(1),
        ))
        .map_err(err)?;
        area.draw(&Text::new(
            text.clone(),
            (x + st.px(17.0), y - st.px(1.0)),
            font(11.0, &MUTED),
        ))
        .map_err(err)?;
        x += st.px(24.0) + st.font(6.5 * text.chars().count() as f64) as i32;
    }
    let mut foot = "Boundaries: Natural Earth".to_string();
    if !mv.unshaped.is_empty() {
        let names: Vec<String> = mv
            .unshaped
            .iter()
            .map(|i| format!("{} {}", i.name, i.count))
            .collect();
        foot = format!("Not on the map: {} · {foot}", names.join(", "));
    }
    area.draw(&Text::new(
        foot,
        (st.px(4.0), h - st.px(16.0)),
        font(10.5, &MUTED),
    ))
    .map_err(err)?;
    Ok(())
}
