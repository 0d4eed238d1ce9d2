//! Where what floats goes (timeline_core::place) with anchors at every edge
//! and corner of several viewports: inside, beside its anchor and never over
//! it while a side has room, else where it covers the least of it.

use timeline_core::place::{covered, place, Options, Rect, Side};

const VP: Rect = Rect::new(0.0, 0.0, 1280.0, 720.0);
const PHONE: Rect = Rect::new(0.0, 0.0, 390.0, 844.0);

/// Anchors at every edge and corner of the viewport (and the middle), marks
/// and bars; tooltips and popovers; desktop, 200 % zoom, a phone, a frame.
#[test]
fn beside_its_anchor_never_over_it_at_every_edge_and_corner() {
    let tooltip = Options {
        prefer: vec![Side::Above, Side::Below, Side::Right, Side::Left],
        gap: 6.0,
        margin: 4.0,
        avoid: None,
    };
    let popover = Options::default();
    let viewports = [
        VP,
        Rect::new(0.0, 0.0, 640.0, 360.0),
        PHONE,
        Rect::new(0.0, 0.0, 960.0, 540.0),
        Rect::new(0.0, 0.0, 320.0, 200.0),
    ];
    for vp in viewports {
        for (o, size) in [
            (&tooltip, (240.0, 44.0)),
            (&tooltip, (384.0, 62.0)),
            (&popover, (340.0, 420.0)),
            (&popover, (340.0, 200.0)),
        ] {
            for aw in [14.0, 60.0] {
                let (ah, e) = (14.0, 1.0);
                // The left, middle, right columns; the top, middle, bottom rows.
                let xs = [vp.x + e, vp.x + vp.w / 2.0, vp.right() - aw - e];
                let ys = [vp.y + e, vp.y + vp.h / 2.0, vp.bottom() - ah - e];
                for x in xs {
                    for y in ys {
                        let a = Rect::new(x, y, aw, ah);
                        check(a, size, vp, o);
                    }
                }
            }
        }
    }
}

/// Whether the placement is inside, clear of the anchor when any side has
/// room, and else covers no more of it than any other place would.
fn check(a: Rect, size: (f64, f64), vp: Rect, o: &Options) {
    let p = place(a, size, vp, o);
    let r = p.rect(size);
    let m = o.margin;
    let inner = Rect::new(vp.x + m, vp.y + m, vp.w - 2.0 * m, vp.h - 2.0 * m);
    let s = format!("{a:?} {size:?} in {vp:?}: {p:?}");
    assert!(inner.contains(&r), "outside: {s}");
    let (w, h) = (r.w, r.h);
    let g = o.gap;
    let side_room = a.y - g - h >= inner.y
        || a.bottom() + g + h <= inner.bottom()
        || a.x - g - w >= inner.x
        || a.right() + g + w <= inner.right();
    if side_room {
        assert_eq!(
            covered(&r, &a),
            0.0,
            "covers its anchor though a side has room: {s}"
        );
    }
    // No place inside covers less (a search over a grid of places).
    let mut best = f64::INFINITY;
    let mut y = inner.y;
    while y + h <= inner.bottom() + 0.01 {
        let mut x = inner.x;
        while x + w <= inner.right() + 0.01 {
            best = best.min(covered(&Rect::new(x, y, w, h), &a));
            x += 2.0;
        }
        y += 2.0;
    }
    assert!(
        covered(&r, &a) <= best + 2.0 * (a.w + a.h),
        "covers {} where {best} would do: {s}",
        covered(&r, &a)
    );
}

#[test]
fn with_no_side_free_it_takes_the_corner_that_covers_least() {
    // 640×360 (200 % zoom): a popover taller than the room above and below a
    // mark in the middle, too wide for either side: not over the mark.
    let vp = Rect::new(0.0, 0.0, 640.0, 360.0);
    let a = Rect::new(400.0, 170.0, 14.0, 14.0);
    let p = place(a, (340.0, 420.0), vp, &Options::default());
    let r = p.rect((340.0, 420.0));
    assert!(Rect::new(8.0, 8.0, 624.0, 344.0).contains(&r), "{p:?}");
    assert_eq!(covered(&r, &a), 0.0, "{p:?}");
}
