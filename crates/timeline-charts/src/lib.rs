//! Drawing for the SCO timeline with plotters. Every function is generic over
//! `DrawingBackend`, so the same code draws on the app's canvas, into the SVG
//! a user downloads, from the `render-svg` command, and in native tests.
//! Pure: no web crates (the canvas backend is chosen by the app).

pub mod map_chart;
pub mod palette;
pub mod slide;
pub mod stats_charts;
pub mod story_svg;

pub use map_chart::draw_map;
pub use slide::{draw_slide, slide_svg};
pub use stats_charts::{draw_casualties, draw_countries, draw_per_year, Hit, Target};
pub use story_svg::{scene_chart_svg, scene_svg, story_handout_html};

/// How to draw: `scale` multiplies sizes (device pixel ratio on a canvas);
/// `colours` follow the page's theme (a download is drawn light).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartStyle {
    pub scale: f64,
    pub colours: palette::Colours,
}

impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle {
            scale: 1.0,
            colours: palette::Colours::light(),
        }
    }
}

impl ChartStyle {
    /// A size in pixels at this scale.
    pub fn px(&self, v: f64) -> i32 {
        (v * self.scale).round() as i32
    }
    pub fn font(&self, size: f64) -> f64 {
        size * self.scale
    }
}

/// A drawing error, as text.
pub type DrawResult<T> = Result<T, String>;

pub(crate) fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("drawing failed: {e:?}")
}

/// ` text-anchor="end"` for a tick label placed by `chart::tick_marks` (none
/// for the default start).
pub(crate) fn anchor_attr(a: timeline_core::chart::TextAnchor) -> String {
    a.svg()
        .map(|a| format!(r#" text-anchor="{a}""#))
        .unwrap_or_default()
}
