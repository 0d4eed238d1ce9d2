//! The kinds' symbols as geometry: each category has its own shape as well as
//! its own colour, so categories stay readable in greyscale. Drawn by the app
//! and by the first view written into the page at build time.

use crate::model::Shape;

/// A symbol centred on (0, 0).
#[derive(Clone, Debug, PartialEq)]
pub enum Symbol {
    Circle {
        r: f64,
    },
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        rx: f64,
    },
    Polygon(Vec<(f64, f64)>),
}

/// The symbol of `shape` with half size `s` (pixels).
/// √3 / 2: sin 60°.
const H: f64 = 0.866_025_403_784_438_6;
/// cos and sin of 0°, 60°, … 300°.
const HEXAGON: [(f64, f64); 6] = [
    (1.0, 0.0),
    (0.5, H),
    (-0.5, H),
    (-1.0, 0.0),
    (-0.5, -H),
    (0.5, -H),
];

pub fn symbol(shape: Shape, s: f64) -> Symbol {
    let rect = |x: f64, y: f64, rx: f64| Symbol::Rect {
        x: -x,
        y: -y,
        w: 2.0 * x,
        h: 2.0 * y,
        rx,
    };
    match shape {
        Shape::Circle => Symbol::Circle { r: s },
        Shape::Pill => rect(s * 1.3, s * 0.6, s * 0.6),
        Shape::Square => rect(s * 0.9, s * 0.9, 0.0),
        Shape::Diamond => {
            let a = s * 1.25;
            Symbol::Polygon(vec![(0.0, -a), (a, 0.0), (0.0, a), (-a, 0.0)])
        }
        Shape::Triangle => Symbol::Polygon(vec![(0.0, -s * 1.2), (s * 1.2, s), (-s * 1.2, s)]),
        Shape::TriangleDown => Symbol::Polygon(vec![(0.0, s * 1.2), (s * 1.2, -s), (-s * 1.2, -s)]),
        // The corners at 0°, 60°, … as (cos, sin): constants, so that no
        // sin/cos (libm's, a few KB of wasm) is linked for six numbers.
        Shape::Hexagon => Symbol::Polygon(
            HEXAGON
                .iter()
                .map(|&(c, n)| (s * 1.1 * c, s * 1.1 * n))
                .collect(),
        ),
        Shape::Cross => {
            let (a, b) = (s * 1.1, s * 0.4);
            Symbol::Polygon(vec![
                (-b, -a),
                (b, -a),
                (b, -b),
                (a, -b),
                (a, b),
                (b, b),
                (b, a),
                (-b, a),
                (-b, b),
                (-a, b),
                (-a, -b),
                (-b, -b),
            ])
        }
    }
}

/// A polygon's points as SVG writes them: "0,-7.5 7.5,0 …".
pub fn points(pts: &[(f64, f64)]) -> String {
    pts.iter()
        .map(|&(x, y)| format!("{},{}", crate::fmt::px2(x), crate::fmt::px2(y)))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hexagon_corners_are_the_angles() {
        for (i, &(c, n)) in HEXAGON.iter().enumerate() {
            let a = std::f64::consts::PI / 3.0 * i as f64;
            assert!(
                (c - a.cos()).abs() < 1e-12 && (n - a.sin()).abs() < 1e-12,
                "{i}"
            );
        }
    }

    #[test]
    fn every_shape_fits_about_its_size() {
        for shape in Shape::ALL {
            let reach = match symbol(shape, 6.0) {
                Symbol::Circle { r } => r,
                Symbol::Rect { x, y, .. } => x.abs().max(y.abs()),
                Symbol::Polygon(p) => p
                    .iter()
                    .fold(0.0_f64, |m, &(x, y)| m.max(x.abs()).max(y.abs())),
            };
            assert!(reach > 4.0 && reach <= 8.0, "{shape:?}: {reach}");
        }
        assert_eq!(points(&[(0.0, -7.5), (7.5, 0.0)]), "0,-7.5 7.5,0");
    }
}
