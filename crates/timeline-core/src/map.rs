//! The map of the states a dataset names: outlines (Natural Earth, trimmed and
//! projected at build time by `scripts/build-map.mjs` into
//! `data/map/countries.json`), shaded by how many events each state shows.
//!
//! Pure: shapes in, a [`MapView`] out (paths, shade classes, legend, the
//! states that have no shape). The app draws it as SVG; the slide export
//! draws the same rings with plotters.

use crate::filter::FacetCounts;
use crate::model::Dataset;
use serde::Deserialize;

/// The outlines shipped with the app (see `data/map/countries.json`).
pub const BUILTIN_MAP: &str = include_str!("../../../data/map/countries.json");

/// Number of shade classes for states with events (class 0 is "no events").
pub const SHADES: usize = 5;

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Shape {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    pub name: String,
    /// Bounds of the outline: `x0, y0, x1, y1` (projected degrees).
    pub bbox: [f32; 4],
    /// SVG path data in projected degrees: `M x y L x y … Z` per outer ring.
    pub d: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct MapShapes {
    pub attribution: String,
    pub projection: String,
    pub countries: Vec<Shape>,
}

impl MapShapes {
    /// The built-in outlines; empty (no map, every state listed) if the file is unreadable.
    pub fn builtin() -> MapShapes {
        Self::parse(BUILTIN_MAP).unwrap_or_else(|_| MapShapes {
            attribution: String::new(),
            projection: String::new(),
            countries: Vec::new(),
        })
    }

    pub fn parse(text: &str) -> Result<MapShapes, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    /// The country's SVG path data, as stored (nothing is built at run time).
    pub fn path(&self, code: &str) -> Option<&str> {
        self.shape(code).map(|s| s.d.as_str())
    }

    pub fn shape(&self, code: &str) -> Option<&Shape> {
        self.countries.iter().find(|s| s.code == code)
    }
}

impl Shape {
    /// The rings as point lists, read from the path data (for drawing with
    /// plotters and for bounds; the app's SVG uses the path data as it is).
    /// Only `M`, `L` and `Z` with absolute coordinates occur (scripts/build-map.mjs).
    pub fn points(&self) -> Vec<Vec<(f32, f32)>> {
        let mut rings = Vec::new();
        for ring in self.d.split('Z').filter(|r| !r.trim().is_empty()) {
            let pts: Vec<(f32, f32)> = ring
                .split(['M', 'L'])
                .filter_map(|p| {
                    let mut it = p.split_whitespace().map(|v| v.parse::<f32>());
                    match (it.next(), it.next()) {
                        (Some(Ok(x)), Some(Ok(y))) => Some((x, y)),
                        _ => None,
                    }
                })
                .collect();
            if pts.len() >= 3 {
                rings.push(pts);
            }
        }
        rings
    }

    fn bounds(&self) -> Option<(f32, f32, f32, f32)> {
        let [a, b, c, d] = self.bbox;
        (a <= c && b <= d).then_some((a, b, c, d))
    }
}

/// One state on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapItem {
    pub code: String,
    /// The dataset's name for it.
    pub name: String,
    pub count: usize,
    /// 0: no events; 1..=SHADES: darker is more.
    pub shade: usize,
    pub selected: bool,
}

/// A legend entry: events from `lo` to `hi` get `shade`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendStep {
    pub lo: usize,
    pub hi: usize,
    pub shade: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MapView {
    /// The states with a shape, in the dataset's order.
    pub shaped: Vec<MapItem>,
    /// The states the dataset names that have no shape: listed beside the map.
    pub unshaped: Vec<MapItem>,
    /// `x y width height` around the shaped states, with a margin.
    pub view_box: (f32, f32, f32, f32),
    pub legend: Vec<LegendStep>,
}

/// Class breaks: `SHADES` equal steps of whole events from 1 to `max`
/// (fewer when `max` is small, so no two steps show the same counts).
pub fn legend(max: usize) -> Vec<LegendStep> {
    if max == 0 {
        return Vec::new();
    }
    let width = max.div_ceil(SHADES.min(max));
    // The steps actually needed (12 events in steps of 3 make 4, not 5).
    let n = max.div_ceil(width);
    (0..n)
        .map(|k| LegendStep {
            lo: 1 + k * width,
            hi: ((k + 1) * width).min(max),
            // Shades spread over the whole ramp even with fewer steps: the busiest is always the darkest.
            shade: if n == 1 {
                SHADES
            } else {
                1 + (k * (SHADES - 1)) / (n - 1)
            },
        })
        .collect()
}

fn shade_of(legend: &[LegendStep], n: usize) -> usize {
    legend
        .iter()
        .find(|s| (s.lo..=s.hi).contains(&n))
        .map_or(0, |s| s.shade)
}

/// The map for the current view: the states the dataset names (listed in its
/// metadata and named by at least one event), each with its facet count —
/// the events a click on it shows, under the other filters as they are.
pub fn map_view(
    ds: &Dataset,
    counts: &FacetCounts,
    selected: Option<&std::collections::BTreeSet<String>>,
    shapes: &MapShapes,
) -> MapView {
    let states: Vec<_> = ds
        .meta
        .countries
        .iter()
        .filter(|c| ds.names_country(&c.code))
        .collect();
    let max = states
        .iter()
        .map(|c| counts.countries.get(&c.code).copied().unwrap_or(0))
        .max()
        .unwrap_or(0);
    let legend = legend(max);
    let mut shaped = Vec::new();
    let mut unshaped = Vec::new();
    let mut bounds: Option<(f32, f32, f32, f32)> = None;
    for c in states {
        let count = counts.countries.get(&c.code).copied().unwrap_or(0);
        let item = MapItem {
            code: c.code.clone(),
            name: c.name.clone(),
            count,
            shade: shade_of(&legend, count),
            selected: selected.is_some_and(|s| s.contains(&c.code)),
        };
        match shapes
            .shape(&c.code)
            .and_then(|s| s.bounds().map(|b| (s, b)))
        {
            Some((_, (a, b, e, f))) => {
                bounds = Some(match bounds {
                    None => (a, b, e, f),
                    Some((x0, y0, x1, y1)) => (x0.min(a), y0.min(b), x1.max(e), y1.max(f)),
                });
                shaped.push(item);
            }
            None => unshaped.push(item),
        }
    }
    let view_box = bounds.map_or((0.0, 0.0, 1.0, 1.0), |(x0, y0, x1, y1)| {
        let m = ((x1 - x0).max(y1 - y0) * 0.02).max(0.5);
        (x0 - m, y0 - m, x1 - x0 + 2.0 * m, y1 - y0 + 2.0 * m)
    });
    MapView {
        shaped,
        unshaped,
        view_box,
        legend,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legend_steps_cover_one_to_max_without_overlap() {
        assert_eq!(legend(0), vec![]);
        assert_eq!(
            legend(1),
            vec![LegendStep {
                lo: 1,
                hi: 1,
                shade: 5
            }]
        );
        assert_eq!(
            legend(3),
            vec![
                LegendStep {
                    lo: 1,
                    hi: 1,
                    shade: 1
                },
                LegendStep {
                    lo: 2,
                    hi: 2,
                    shade: 3
                },
                LegendStep {
                    lo: 3,
                    hi: 3,
                    shade: 5
                }
            ]
        );
        let l = legend(47);
        assert_eq!(l.first().unwrap().lo, 1);
        assert_eq!(l.last().unwrap().hi, 47);
        assert_eq!(l.len(), 5);
        assert!(l
            .windows(2)
            .all(|w| w[0].hi + 1 == w[1].lo && w[0].shade < w[1].shade));
        assert_eq!(shade_of(&l, 0), 0);
        assert_eq!(shade_of(&l, 47), 5);
        // Fewer steps than shades: the top step is still the darkest.
        let l = legend(12);
        assert_eq!(
            l.iter().map(|s| (s.lo, s.hi, s.shade)).collect::<Vec<_>>(),
            [(1, 3, 1), (4, 6, 2), (7, 9, 3), (10, 12, 5)]
        );
    }
}
