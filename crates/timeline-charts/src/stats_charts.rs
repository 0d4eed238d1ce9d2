//! The three linked charts: events per year stacked by kind, killed and
//! wounded per year, events per country. Each returns the pixel rectangle of
//! every bar (from the chart's own coordinate translation) so that a pointer
//! can be mapped back to the year or country under it.

use crate::{err, ChartStyle, DrawResult};
use plotters::chart::MeshStyle;
use plotters::coord::ranged1d::Ranged;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use timeline_core::stats::Stats;

/// What a bar stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Year(i32),
    Country(String),
}

/// A drawn bar: where it is (pixels of the drawing area's backend), what it
/// says, and what clicking it means.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
    pub label: String,
    pub target: Target,
}

impl Hit {
    pub fn contains(&self, x: i32, y: i32) -> bool {
        x >= self.x0.min(self.x1)
            && x <= self.x0.max(self.x1)
            && y >= self.y0.min(self.y1)
            && y <= self.y0.max(self.y1)
    }
}

/// A chart with nothing to draw: its title, and why in its middle.
fn empty<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    why: &str,
    st: &ChartStyle,
) -> DrawResult<Vec<Hit>> {
    let (w, h) = area.dim_in_pixel();
    area.draw(&Text::new(
        title.to_string(),
        (st.px(8.0), st.px(6.0)),
        ("sans-serif", st.font(14.0))
            .into_font()
            .color(&st.colours.ink),
    ))
    .map_err(err)?;
    let style = ("sans-serif", st.font(12.0))
        .into_font()
        .color(&st.colours.muted)
        .pos(Pos::new(HPos::Center, VPos::Center));
    area.draw(&Text::new(
        why.to_string(),
        (w as i32 / 2, h as i32 / 2),
        style,
    ))
    .map_err(err)?;
    Ok(Vec::new())
}

const NONE_SHOWN: &str = "No events shown";

fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

/// The calm look every chart's mesh shares: light grid, muted axis and labels.
fn calm<'m, 'a, 'b, X: Ranged, Y: Ranged, DB: DrawingBackend>(
    mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
    st: &ChartStyle,
) -> &'m mut MeshStyle<'a, 'b, X, Y, DB> {
    mesh.light_line_style(st.colours.line.mix(0.5))
        .bold_line_style(st.colours.line)
        .axis_style(st.colours.muted)
        .label_style(
            ("sans-serif", st.font(12.0))
                .into_font()
                .color(&st.colours.muted),
        )
}

type YearChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The frame shared by the per-year charts: a bar slot per year of the stats'
/// span and a value axis up to a little over `top`, mesh drawn. `None` (with a
/// "No events shown" message drawn) when there are no years.
fn year_chart<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    title: &str,
    s: &Stats,
    top: f64,
    st: &ChartStyle,
) -> DrawResult<Option<(YearChart<'a, DB>, f64)>> {
    area.fill(&st.colours.paper).map_err(err)?;
    let (Some(first), Some(last)) = (s.years.first(), s.years.last()) else {
        empty(area, title, NONE_SHOWN, st)?;
        return Ok(None);
    };
    let (first, last) = (first.year as f64, last.year as f64);
    let max = (top.max(1.0) * 1.18).ceil();
    let mut chart = ChartBuilder::on(area)
        .caption(
            title,
            ("sans-serif", st.font(14.0))
                .into_font()
                .color(&st.colours.ink),
        )
        .margin(st.px(8.0))
        .x_label_area_size(st.px(20.0))
        .y_label_area_size(st.px(36.0))
        .build_cartesian_2d((first - 0.5)..(last + 0.5), 0f64..max)
        .map_err(err)?;
    let years = (last - first + 1.0) as usize;
    // Label every year if there is room, else every 2nd, 3rd… year.
    let label_step = ((years as f64 * 34.0 * st.scale) / area.dim_in_pixel().0.max(1) as f64)
        .ceil()
        .max(1.0) as i32;
    calm(
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(years + 1)
            .x_label_formatter(&|x| {
                let y = x.round() as i32;
                if (x - x.round()).abs() < 1e-6 && (y - first as i32) % label_step == 0 {
                    y.to_string()
                } else {
                    String::new()
                }
            })
            .y_labels(4)
            .y_label_formatter(&|y| format!("{y:.0}")),
        st,
    )
    .draw()
    .map_err(err)?;
    Ok(Some((chart, max)))
}

/// Events per year, stacked by kind, with each year's total above its bar.
pub fn draw_per_year<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &Stats,
    st: &ChartStyle,
) -> DrawResult<Vec<Hit>> {
    let Some((mut chart, max)) = year_chart(
        area,
        "Events per year, by kind",
        s,
        s.max_year_total() as f64,
        st,
    )?
    else {
        return Ok(Vec::new());
    };
    let mut hits = Vec::new();
    for row in &s.years {
        let x = row.year as f64;
        let mut base = 0.0;
        for (c, &n) in s.categories.iter().zip(&row.by_kind) {
            let n = n as f64;
            if n > 0.0 {
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(x - 0.38, base), (x + 0.38, base + n)],
                        st.colours.kind(c).filled(),
                    )))
                    .map_err(err)?;
                base += n;
            }
        }
        let total = row.total();
        if total > 0 {
            let style = ("sans-serif", st.font(12.0))
                .into_font()
                .color(&st.colours.ink)
                .pos(Pos::new(HPos::Center, VPos::Bottom));
            chart
                .draw_series(std::iter::once(Text::new(
                    total.to_string(),
                    (x, base + max * 0.01),
                    style,
                )))
                .map_err(err)?;
        }
        let (x0, y0) = chart.backend_coord(&(x - 0.5, base.max(max * 0.05)));
        let (x1, y1) = chart.backend_coord(&(x + 0.5, 0.0));
        let parts: Vec<String> = s
            .categories
            .iter()
            .zip(&row.by_kind)
            .filter(|(_, &n)| n > 0)
            .map(|(c, &n)| {
                format!(
                    "{n} {}",
                    if n == 1 { &c.label } else { &c.plural }.to_lowercase()
                )
            })
            .collect();
        let detail = if parts.is_empty() {
            String::new()
        } else {
            format!(": {}", parts.join(", "))
        };
        hits.push(Hit {
            x0,
            y0,
            x1,
            y1,
            label: format!("{}: {}{detail}", row.year, plural(total, "event")),
            target: Target::Year(row.year),
        });
    }
    Ok(hits)
}

/// A year's figures in words: a figure no event of the year states is "not stated", not 0.
fn casualty_label(row: &timeline_core::stats::YearRow) -> String {
    let said = |v: Option<u64>, what: &str| match v {
        Some(n) => format!("{n} {what}"),
        None => format!("{what} not stated"),
    };
    match (row.killed, row.wounded) {
        (None, None) => format!("{}: no killed or wounded stated", row.year),
        (k, w) => format!(
            "{}: {}, {}",
            row.year,
            said(k, "killed"),
            said(w, "wounded")
        ),
    }
}

/// Killed and wounded per year (incidents whose source states them).
pub fn draw_casualties<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &Stats,
    st: &ChartStyle,
) -> DrawResult<Vec<Hit>> {
    const TITLE: &str = "Killed and wounded per year";
    if s.max_casualties() == 0 && !s.years.is_empty() {
        // Empty axes would read as "none were hurt": say the figures are not there.
        area.fill(&st.colours.paper).map_err(err)?;
        return empty(
            area,
            TITLE,
            if s.states_casualties() {
                "No one killed or wounded, as the events shown state it"
            } else {
                "No killed or wounded stated in the events shown"
            },
            st,
        );
    }
    let Some((mut chart, max)) = year_chart(area, TITLE, s, s.max_casualties() as f64, st)? else {
        return Ok(Vec::new());
    };
    let mut hits = Vec::new();
    for row in &s.years {
        let x = row.year as f64;
        for (v, dx, color) in [
            (row.killed.unwrap_or(0), -0.38, st.colours.killed),
            (row.wounded.unwrap_or(0), 0.0, st.colours.wounded),
        ] {
            if v > 0 {
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(x + dx, 0.0), (x + dx + 0.38, v as f64)],
                        color.filled(),
                    )))
                    .map_err(err)?;
            }
        }
        let top = row.killed.unwrap_or(0).max(row.wounded.unwrap_or(0)) as f64;
        let (x0, y0) = chart.backend_coord(&(x - 0.5, top.max(max * 0.05)));
        let (x1, y1) = chart.backend_coord(&(x + 0.5, 0.0));
        hits.push(Hit {
            x0,
            y0,
            x1,
            y1,
            label: casualty_label(row),
            target: Target::Year(row.year),
        });
    }
    // A small legend, top right.
    let (w, _) = area.dim_in_pixel();
    for (i, (name, color)) in [
        ("killed", st.colours.killed),
        ("wounded", st.colours.wounded),
    ]
    .into_iter()
    .enumerate()
    {
        let x = w as i32 - st.px(140.0) + i as i32 * st.px(70.0);
        let y = st.px(30.0);
        area.draw(&Rectangle::new(
            [(x, y), (x + st.px(10.0), y + st.px(10.0))],
            color.filled(),
        ))
        .map_err(err)?;
        area.draw(&Text::new(
            name.to_string(),
            (x + st.px(14.0), y - st.px(1.0)),
            ("sans-serif", st.font(12.0))
                .into_font()
                .color(&st.colours.muted),
        ))
        .map_err(err)?;
    }
    Ok(hits)
}

/// Events naming each country (the ten with most), horizontal bars.
pub fn draw_countries<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &Stats,
    st: &ChartStyle,
) -> DrawResult<Vec<Hit>> {
    area.fill(&st.colours.paper).map_err(err)?;
    const TITLE: &str = "Events naming each country";
    if s.countries.is_empty() {
        return empty(area, TITLE, NONE_SHOWN, st);
    }
    const MOST: usize = 10;
    let rows: Vec<_> = s.countries.iter().take(MOST).collect();
    let more = s.countries.len() > MOST;
    let title = if more {
        format!("{TITLE} (top {MOST} of {})", s.countries.len())
    } else {
        TITLE.to_string()
    };
    let n = rows.len() as f64;
    let max = (rows[0].2 as f64 * 1.2).ceil();
    let mut chart = ChartBuilder::on(area)
        .caption(
            title,
            ("sans-serif", st.font(14.0))
                .into_font()
                .color(&st.colours.ink),
        )
        .margin(st.px(8.0))
        .x_label_area_size(st.px(20.0))
        .y_label_area_size(st.px(86.0))
        .build_cartesian_2d(0f64..max, 0f64..n)
        .map_err(err)?;
    calm(
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .x_labels(4)
            .x_label_formatter(&|x| format!("{x:.0}")),
        st,
    )
    .draw()
    .map_err(err)?;
    let mut hits = Vec::new();
    for (i, (code, name, count)) in rows.iter().enumerate() {
        let y = n - i as f64 - 1.0;
        let c = *count as f64;
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(0.0, y + 0.15), (c, y + 0.85)],
                st.colours.bar.filled(),
            )))
            .map_err(err)?;
        let value = ("sans-serif", st.font(12.0))
            .into_font()
            .color(&st.colours.ink)
            .pos(Pos::new(HPos::Left, VPos::Center));
        chart
            .draw_series(std::iter::once(Text::new(
                count.to_string(),
                (c + max * 0.01, y + 0.5),
                value,
            )))
            .map_err(err)?;
        let (x0, y0) = chart.backend_coord(&(0.0, y + 1.0));
        let (x1, y1) = chart.backend_coord(&(max, y));
        let label_style = ("sans-serif", st.font(12.0))
            .into_font()
            .color(&st.colours.ink)
            .pos(Pos::new(HPos::Right, VPos::Center));
        // backend_coord is in the backend's pixels; the area draws relative to its own corner.
        let (bx, by) = area.get_base_pixel();
        area.draw(&Text::new(
            name.clone(),
            (x0 - bx - st.px(6.0), (y0 + y1) / 2 - by),
            label_style,
        ))
        .map_err(err)?;
        hits.push(Hit {
            x0,
            y0,
            x1,
            y1,
            label: format!("{name}: {}", plural(*count, "event")),
            target: Target::Country(code.clone()),
        });
    }
    Ok(hits)
}
