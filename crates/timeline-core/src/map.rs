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
    /// Absolute `M`/`L` (data/map/countries.json) or relative `l` (the packed
    /// form, [`relative_path`]) coordinates; `Z`/`z` close a ring.
    pub fn points(&self) -> Vec<Vec<(f32, f32)>> {
        self.d
            .split(['Z', 'z'])
            .map(ring_points)
            .filter(|pts| pts.len() >= 3)
            .collect()
    }

    fn bounds(&self) -> Option<(f32, f32, f32, f32)> {
        let [a, b, c, d] = self.bbox;
        (a <= c && b <= d).then_some((a, b, c, d))
    }
}

/// One ring's points: numbers taken pairwise after `M`/`L` (absolute) or `l`
/// (relative to the point before).
fn ring_points(ring: &str) -> Vec<(f32, f32)> {
    let mut pts: Vec<(f32, f32)> = Vec::new();
    let (mut relative, mut pending, mut at) = (false, None::<f64>, (0.0_f64, 0.0_f64));
    let b = ring.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            c @ (b'M' | b'L' | b'l') => {
                relative = c == b'l';
                pending = None;
                i += 1;
            }
            c @ (b'-' | b'.' | b'0'..=b'9') => {
                let start = i;
                let mut dot = c == b'.';
                i += 1;
                while i < b.len() && (b[i].is_ascii_digit() || (b[i] == b'.' && !dot)) {
                    dot |= b[i] == b'.';
                    i += 1;
                }
                let Ok(v) = ring[start..i].parse::<f64>() else {
                    continue;
                };
                match pending.take() {
                    None => pending = Some(v),
                    Some(x) => {
                        at = if relative && !pts.is_empty() {
                            (at.0 + x, at.1 + v)
                        } else {
                            (x, v)
                        };
                        pts.push((at.0 as f32, at.1 as f32));
                    }
                }
            }
            _ => i += 1,
        }
    }
    pts
}

/// Path data of absolute `M x y L x y … Z` rings with at most one decimal
/// (data/map/countries.json) in a compact form that draws the same: `M x y`
/// then `l` with each step from the point before (`l.3-.1 .3 .2…z`). About
/// 40 % shorter, and a third as large compressed (small steps repeat): the
/// packed map the first module carries (build.rs). `None` if `d` is not of that
/// form (it is then kept as it is).
pub fn relative_path(d: &str) -> Option<String> {
    let mut out = String::with_capacity(d.len() / 2);
    for piece in d.split_inclusive('Z') {
        let closed = piece.ends_with('Z');
        let body = piece.trim_end_matches('Z');
        if body.trim().is_empty() {
            continue;
        }
        let t = body.trim();
        if !t.starts_with('M') || t[1..].contains('M') {
            return None;
        }
        let mut nums = Vec::new();
        for (n, part) in body.split(['M', 'L']).enumerate() {
            if n == 0 {
                // Nothing may come before the first M.
                if !part.trim().is_empty() {
                    return None;
                }
                continue;
            }
            let mut it = part.split_whitespace();
            let (Some(x), Some(y), None) = (it.next(), it.next(), it.next()) else {
                return None;
            };
            nums.push((tenths(x)?, tenths(y)?));
        }
        let (&(x0, y0), rest) = nums.split_first()?;
        out.push('M');
        push_tenths(&mut out, x0);
        out.push(' ');
        push_tenths(&mut out, y0);
        if !rest.is_empty() {
            out.push('l');
        }
        let mut last = (x0, y0);
        for &(x, y) in rest {
            for v in [x - last.0, y - last.1] {
                if !out.ends_with('l') && v >= 0 {
                    out.push(' ');
                }
                push_tenths(&mut out, v);
            }
            last = (x, y);
        }
        if closed {
            out.push('z');
        }
    }
    Some(out)
}

/// "47.3" → 473, "-37" → -370; `None` for more than one decimal or not a number.
fn tenths(s: &str) -> Option<i64> {
    let (neg, s) = s.strip_prefix('-').map_or((false, s), |r| (true, r));
    let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
    let ok = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !ok(int) || !ok(frac) || frac.len() != 1 {
        return None;
    }
    let v = int.parse::<i64>().ok()? * 10 + frac.parse::<i64>().ok()?;
    Some(if neg { -v } else { v })
}

/// Tenths written shortest: 473 → "47.3", 3 → ".3", -3 → "-.3", 10 → "1", 0 → "0".
fn push_tenths(out: &mut String, t: i64) {
    if t < 0 {
        out.push('-');
    }
    let (int, frac) = (t.abs() / 10, t.abs() % 10);
    if int > 0 || frac == 0 {
        out.push_str(&int.to_string());
    }
    if frac > 0 {
        out.push('.');
        out.push(char::from(b'0' + frac as u8));
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
    fn relative_paths_draw_the_same_rings_shorter() {
        assert_eq!(
            relative_path("M47 -37.3L47.3 -37.4L47.6 -37.2L46 -36ZM1 1L2 2L1 3Z").as_deref(),
            Some("M47 -37.3l.3-.1 .3 .2-1.6 1.2zM1 1l1 1-1 1z")
        );
        assert_eq!(relative_path("M1.25 2L3 4Z"), None, "two decimals");
        assert_eq!(relative_path("M1 2L3 4M5 6Z"), None, "a move inside a ring");
        assert_eq!(relative_path("L1 2Z"), None);
        let shapes = MapShapes::builtin();
        let (mut long, mut short) = (0, 0);
        for s in &shapes.countries {
            let d = relative_path(&s.d).unwrap_or_else(|| panic!("{}", s.code));
            let rel = Shape {
                d: d.clone(),
                ..s.clone()
            };
            let (a, b) = (s.points(), rel.points());
            assert_eq!(a.len(), b.len(), "{}", s.code);
            for (ra, rb) in a.iter().zip(&b) {
                assert_eq!(ra.len(), rb.len(), "{}", s.code);
                for (p, q) in ra.iter().zip(rb) {
                    assert!(
                        (p.0 - q.0).abs() < 1e-3 && (p.1 - q.1).abs() < 1e-3,
                        "{}",
                        s.code
                    );
                }
            }
            (long, short) = (long + s.d.len(), short + d.len());
        }
        assert!(short * 10 < long * 7, "{short} of {long}");
    }

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
