//! Where something that floats goes: the details popover, the chart's tooltip,
//! any panel opened from a point on the page. One rule for all of them, in
//! viewport coordinates (CSS pixels):
//!
//! 1. try each preferred side of the anchor in turn (below, above, right, left);
//!    a side is taken when the floating element fits between the anchor and the
//!    viewport's edge (less the margin) and, if possible, does not cover the
//!    area to avoid (the chart's year axis, for the tooltip);
//! 2. on that side it is centred on the anchor, then shifted along the edge so
//!    it stays inside the viewport;
//! 3. when no side has room for all of it, it goes above or below, where there
//!    is more room, and scrolls inside (`max_h`): its top — the header and the
//!    close button — is always in the viewport; with too little room on either
//!    side it goes where it covers the least of the anchor (a corner of the
//!    viewport, or a side), capped to the viewport's height.
//!
//! The app measures (the anchor's and the viewport's rects, the element's size
//! after render) and applies the result (`src/hooks/use_float_placement.rs`).

/// A rectangle: left, top, width, height.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub const fn new(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x, y, w, h }
    }
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    /// Whether the two overlap (touching edges do not).
    pub fn intersects(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }
    /// The part of this rectangle inside `o` (an anchor clipped by the area that
    /// shows it: a band whose start is scrolled out of the plot); where they do not
    /// meet, a zero-width line at the nearest edge of `o`.
    pub fn clip_to(&self, o: &Rect) -> Rect {
        let x0 = self.x.max(o.x).min(o.right());
        let x1 = self.right().max(o.x).min(o.right());
        let y0 = self.y.max(o.y).min(o.bottom());
        let y1 = self.bottom().max(o.y).min(o.bottom());
        Rect::new(x0, y0, x1 - x0, y1 - y0)
    }
    /// Whether `o` lies wholly inside (edges included, to a hundredth of a pixel).
    pub fn contains(&self, o: &Rect) -> bool {
        const E: f64 = 0.01;
        o.x >= self.x - E
            && o.y >= self.y - E
            && o.right() <= self.right() + E
            && o.bottom() <= self.bottom() + E
    }
}

/// The side of the anchor the floating element is on (`Over`: it covers the anchor).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Below,
    Above,
    Right,
    Left,
    Over,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Below => "below",
            Side::Above => "above",
            Side::Right => "right",
            Side::Left => "left",
            Side::Over => "over",
        }
    }
}

/// How to place: the sides in order of preference, the gap between the anchor
/// and the element, the margin kept from the viewport's edges, an area not to
/// cover if another place has room.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub prefer: Vec<Side>,
    pub gap: f64,
    pub margin: f64,
    pub avoid: Option<Rect>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            prefer: vec![Side::Below, Side::Above, Side::Right, Side::Left],
            gap: 8.0,
            margin: 8.0,
            avoid: None,
        }
    }
}

/// Where the element goes, in viewport coordinates. `max_h` / `max_w`: the
/// element is capped to that size and scrolls inside.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    pub x: f64,
    pub y: f64,
    pub side: Side,
    pub max_h: Option<f64>,
    pub max_w: Option<f64>,
}

impl Placement {
    /// The rectangle the element takes, given its natural size.
    pub fn rect(&self, size: (f64, f64)) -> Rect {
        Rect::new(
            self.x,
            self.y,
            self.max_w.map_or(size.0, |m| size.0.min(m)),
            self.max_h.map_or(size.1, |m| size.1.min(m)),
        )
    }
}

/// Below this much room a capped element covers its anchor instead (px).
const MIN_ROOM: f64 = 160.0;

/// `v` shifted into `[lo, hi]`; `lo` wins when the range is empty.
fn shift(v: f64, lo: f64, hi: f64) -> f64 {
    v.min(hi).max(lo)
}

/// The room on each side of the anchor inside the viewport (less gap and
/// margin); none when that edge of the anchor is out of the viewport.
fn room(side: Side, a: &Rect, vp: &Rect, o: &Options) -> f64 {
    let inner = Rect::new(
        vp.x + o.margin,
        vp.y + o.margin,
        vp.w - 2.0 * o.margin,
        vp.h - 2.0 * o.margin,
    );
    let edge_in = match side {
        Side::Below => a.bottom() + o.gap >= inner.y && a.bottom() + o.gap <= inner.bottom(),
        Side::Above => a.y - o.gap <= inner.bottom() && a.y - o.gap >= inner.y,
        Side::Right => a.right() + o.gap >= inner.x && a.right() + o.gap <= inner.right(),
        Side::Left => a.x - o.gap <= inner.right() && a.x - o.gap >= inner.x,
        Side::Over => true,
    };
    if !edge_in {
        return f64::NEG_INFINITY;
    }
    match side {
        Side::Below => vp.bottom() - o.margin - (a.bottom() + o.gap),
        Side::Above => (a.y - o.gap) - (vp.y + o.margin),
        Side::Right => vp.right() - o.margin - (a.right() + o.gap),
        Side::Left => (a.x - o.gap) - (vp.x + o.margin),
        Side::Over => vp.h - 2.0 * o.margin,
    }
}

/// The element on `side`, centred on the anchor across and shifted inside the viewport.
fn on_side(side: Side, a: &Rect, (w, h): (f64, f64), vp: &Rect, o: &Options) -> (f64, f64) {
    let (lo_x, hi_x) = (vp.x + o.margin, vp.right() - o.margin - w);
    let (lo_y, hi_y) = (vp.y + o.margin, vp.bottom() - o.margin - h);
    let cx = shift(a.x + a.w / 2.0 - w / 2.0, lo_x, hi_x);
    let cy = shift(a.y + a.h / 2.0 - h / 2.0, lo_y, hi_y);
    match side {
        Side::Below => (cx, a.bottom() + o.gap),
        Side::Above => (cx, a.y - o.gap - h),
        Side::Right => (a.right() + o.gap, cy),
        Side::Left => (a.x - o.gap - w, cy),
        Side::Over => (cx, lo_y),
    }
}

/// Places an element of natural `size` (width, height) next to `anchor`, inside `viewport`.
pub fn place(anchor: Rect, size: (f64, f64), viewport: Rect, o: &Options) -> Placement {
    let m = o.margin;
    // Wider than the viewport: as wide as it allows, scrolling sideways inside.
    let max_w = (size.0 > viewport.w - 2.0 * m).then(|| (viewport.w - 2.0 * m).max(0.0));
    let size = (max_w.unwrap_or(size.0), size.1);
    let inner = Rect::new(
        viewport.x + m,
        viewport.y + m,
        viewport.w - 2.0 * m,
        viewport.h - 2.0 * m,
    );
    let at = |side: Side| {
        let (x, y) = on_side(side, &anchor, size, &viewport, o);
        Placement {
            x,
            y,
            side,
            max_h: None,
            max_w,
        }
    };
    // A side fits when the whole element is inside, beside its anchor.
    let fits = |p: &Placement| {
        room(p.side, &anchor, &viewport, o).is_finite() && inner.contains(&p.rect(size))
    };
    let fitting: Vec<Placement> = o.prefer.iter().copied().map(at).filter(fits).collect();
    let clear = fitting
        .iter()
        .find(|p| o.avoid.is_none_or(|av| !p.rect(size).intersects(&av)));
    if let Some(p) = clear.or(fitting.first()) {
        return *p;
    }
    // No side has room for all of it: above or below, where there is more room, scrolling inside.
    let (below, above) = (
        room(Side::Below, &anchor, &viewport, o),
        room(Side::Above, &anchor, &viewport, o),
    );
    let (side, space) = if below >= above {
        (Side::Below, below)
    } else {
        (Side::Above, above)
    };
    if space >= MIN_ROOM.min(size.1) {
        let (x, _) = on_side(side, &anchor, size, &viewport, o);
        let y = if side == Side::Below {
            anchor.bottom() + o.gap
        } else {
            anchor.y - o.gap - space.min(size.1)
        };
        return Placement {
            x,
            y,
            side,
            max_h: Some(space),
            max_w,
        };
    }
    // Too little room on either side (or the anchor is out of view): where it
    // covers the least of the anchor, inside the viewport.
    let full = (viewport.h - 2.0 * m).max(0.0);
    let shown = (size.0, size.1.min(full));
    let (x, y, covers) = least_covering(&anchor, shown, &viewport, o);
    // Covering all of it wherever it goes: at the top, where its header shows first.
    let (x, y) = if covers >= area(&anchor) - 1e-9 {
        on_side(Side::Over, &anchor, shown, &viewport, o)
    } else {
        (x, y)
    };
    Placement {
        x,
        y,
        side: Side::Over,
        max_h: (size.1 > full).then_some(full),
        max_w,
    }
}

fn area(r: &Rect) -> f64 {
    r.w.max(0.0) * r.h.max(0.0)
}

/// How much of `a` the rectangle `r` covers (its area).
pub fn covered(r: &Rect, a: &Rect) -> f64 {
    let w = r.right().min(a.right()) - r.x.max(a.x);
    let h = r.bottom().min(a.bottom()) - r.y.max(a.y);
    w.max(0.0) * h.max(0.0)
}

/// The place inside the viewport (less the margin) where an element of `size`
/// covers the least of `a`, and how much: the overlap is least at an extreme of
/// each axis, so the corners and the sides (centred across) are the candidates,
/// in order (the sides first, then the corners).
fn least_covering(a: &Rect, (w, h): (f64, f64), vp: &Rect, o: &Options) -> (f64, f64, f64) {
    let (lo_x, hi_x) = (
        vp.x + o.margin,
        (vp.right() - o.margin - w).max(vp.x + o.margin),
    );
    let (lo_y, hi_y) = (
        vp.y + o.margin,
        (vp.bottom() - o.margin - h).max(vp.y + o.margin),
    );
    let cx = shift(a.x + a.w / 2.0 - w / 2.0, lo_x, hi_x);
    let cy = shift(a.y + a.h / 2.0 - h / 2.0, lo_y, hi_y);
    let candidates = [
        (cx, hi_y),
        (cx, lo_y),
        (hi_x, cy),
        (lo_x, cy),
        (lo_x, lo_y),
        (hi_x, lo_y),
        (lo_x, hi_y),
        (hi_x, hi_y),
    ];
    let mut best = (cx, lo_y, f64::INFINITY);
    for (x, y) in candidates {
        let c = covered(&Rect::new(x, y, w, h), a);
        if c < best.2 - 1e-9 {
            best = (x, y, c);
        }
    }
    best
}

/// How far to scroll (down is positive) so that `r` is in `viewport` with
/// `margin`: zero when it is; its top first when it is taller than the viewport.
pub fn scroll_into_view(r: Rect, viewport: Rect, margin: f64) -> f64 {
    let (top, bottom) = (viewport.y + margin, viewport.bottom() - margin);
    if r.y >= top && r.bottom() <= bottom {
        0.0
    } else if r.y < top || r.h > bottom - top {
        r.y - top
    } else {
        r.bottom() - bottom
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VP: Rect = Rect::new(0.0, 0.0, 1280.0, 720.0);
    const PHONE: Rect = Rect::new(0.0, 0.0, 390.0, 844.0);
    const POPOVER: (f64, f64) = (340.0, 420.0);

    /// (what, anchor, size, viewport, the side it must take, capped height?)
    #[allow(clippy::type_complexity)]
    const CASES: &[(&str, Rect, (f64, f64), Rect, Side, bool)] = &[
        (
            "a mark high in the chart: below it",
            Rect::new(600.0, 150.0, 14.0, 14.0),
            POPOVER,
            VP,
            Side::Below,
            false,
        ),
        (
            "a mark low in the chart: above it",
            Rect::new(600.0, 600.0, 14.0, 14.0),
            POPOVER,
            VP,
            Side::Above,
            false,
        ),
        (
            "a mark in the middle of a short window: beside it",
            Rect::new(300.0, 330.0, 14.0, 14.0),
            POPOVER,
            Rect::new(0.0, 0.0, 1280.0, 600.0),
            Side::Right,
            false,
        ),
        (
            "at the right edge, in the middle: to its left",
            Rect::new(1200.0, 330.0, 14.0, 14.0),
            POPOVER,
            Rect::new(0.0, 0.0, 1280.0, 600.0),
            Side::Left,
            false,
        ),
        (
            "a phone, a mark in the middle: taller than either side, capped below",
            Rect::new(200.0, 400.0, 14.0, 14.0),
            (374.0, 600.0),
            PHONE,
            Side::Below,
            true,
        ),
        (
            "a phone, a mark near the bottom: capped above",
            Rect::new(200.0, 700.0, 14.0, 14.0),
            (374.0, 900.0),
            PHONE,
            Side::Above,
            true,
        ),
        (
            "a mark under the window's bottom edge: over it, capped to the viewport",
            Rect::new(200.0, 900.0, 14.0, 14.0),
            (374.0, 900.0),
            PHONE,
            Side::Over,
            true,
        ),
        (
            "a tiny viewport: over the anchor",
            Rect::new(100.0, 100.0, 10.0, 10.0),
            (300.0, 300.0),
            Rect::new(0.0, 0.0, 320.0, 200.0),
            Side::Over,
            true,
        ),
    ];

    #[test]
    fn each_case_takes_its_side_and_stays_inside() {
        let o = Options::default();
        for &(what, anchor, size, vp, side, capped) in CASES {
            let p = place(anchor, size, vp, &o);
            assert_eq!(p.side, side, "{what}: {p:?}");
            assert_eq!(p.max_h.is_some(), capped, "{what}: {p:?}");
            let inner = Rect::new(vp.x + 8.0, vp.y + 8.0, vp.w - 16.0, vp.h - 16.0);
            assert!(
                inner.contains(&p.rect(size)),
                "{what}: {p:?} outside {inner:?}"
            );
            if side != Side::Over {
                assert!(
                    !p.rect(size).intersects(&anchor),
                    "{what}: covers its anchor"
                );
            }
        }
    }

    #[test]
    fn the_minsk_statement_at_1280_opens_upwards_inside_the_window() {
        // The bug: a mark in the lower part opened above with translateY(-100%)
        // and its top (kind, title, ×) ran off the window.
        let anchor = Rect::new(1010.0, 470.0, 14.0, 14.0);
        let p = place(anchor, (340.0, 520.0), VP, &Options::default());
        assert!(p.y >= 8.0, "{p:?}");
        assert!(p.x + 340.0 <= 1272.0, "{p:?}");
    }

    #[test]
    fn everywhere_in_every_frame_it_stays_inside() {
        let o = Options::default();
        for vp in [
            VP,
            PHONE,
            Rect::new(0.0, 0.0, 960.0, 540.0),
            Rect::new(0.0, 0.0, 320.0, 480.0),
        ] {
            let inner = Rect::new(vp.x + 8.0, vp.y + 8.0, vp.w - 16.0, vp.h - 16.0);
            for size in [
                (340.0, 200.0),
                (340.0, 700.0),
                (240.0, 40.0),
                (1400.0, 300.0),
            ] {
                let mut y = -100.0;
                while y < vp.h + 100.0 {
                    let mut x = -50.0;
                    while x < vp.w + 50.0 {
                        let a = Rect::new(x, y, 14.0, 14.0);
                        let p = place(a, size, vp, &o);
                        assert!(
                            inner.contains(&p.rect(size)),
                            "{a:?} {size:?} {vp:?}: {p:?}"
                        );
                        x += 37.0;
                    }
                    y += 23.0;
                }
            }
        }
    }

    #[test]
    fn a_tooltip_keeps_off_the_axis_when_there_is_room_elsewhere() {
        // The chart's year axis is at its top; a mark in the first lane.
        let axis = Rect::new(280.0, 200.0, 980.0, 34.0);
        let o = Options {
            prefer: vec![Side::Above, Side::Below, Side::Right, Side::Left],
            avoid: Some(axis),
            ..Options::default()
        };
        let anchor = Rect::new(600.0, 250.0, 14.0, 14.0);
        let p = place(anchor, (240.0, 44.0), VP, &o);
        assert_eq!(p.side, Side::Below, "{p:?}");
        assert!(!p.rect((240.0, 44.0)).intersects(&axis));
        // Lower down, above is clear of the axis: the first preference stands.
        let p = place(Rect::new(600.0, 400.0, 14.0, 14.0), (240.0, 44.0), VP, &o);
        assert_eq!(p.side, Side::Above);
        // No room anywhere but over the axis: it still shows, inside the viewport.
        let tight = Rect::new(0.0, 0.0, 300.0, 120.0);
        let p = place(
            Rect::new(140.0, 50.0, 14.0, 14.0),
            (240.0, 44.0),
            tight,
            &Options {
                avoid: Some(Rect::new(0.0, 0.0, 300.0, 120.0)),
                ..o
            },
        );
        assert!(tight.contains(&p.rect((240.0, 44.0))), "{p:?}");
    }

    #[test]
    fn wider_than_the_viewport_it_is_capped() {
        let p = place(
            Rect::new(100.0, 100.0, 10.0, 10.0),
            (500.0, 100.0),
            PHONE,
            &Options::default(),
        );
        assert_eq!(p.max_w, Some(374.0));
        assert_eq!(p.x, 8.0);
    }

    #[test]
    fn scrolling_into_view() {
        // (rect, the scroll wanted)
        let cases = [
            (Rect::new(0.0, 100.0, 10.0, 100.0), 0.0),
            (Rect::new(0.0, 800.0, 10.0, 100.0), 800.0 + 100.0 - 712.0),
            (Rect::new(0.0, -50.0, 10.0, 100.0), -58.0),
            (Rect::new(0.0, 600.0, 10.0, 1000.0), 592.0),
        ];
        for (r, want) in cases {
            assert_eq!(scroll_into_view(r, VP, 8.0), want, "{r:?}");
        }
    }

    #[test]
    fn an_anchor_is_clipped_to_what_shows_it() {
        let plot = Rect::new(100.0, 0.0, 500.0, 300.0);
        // A band from far left of the plot to inside it: only its visible part anchors.
        let band = Rect::new(-2000.0, 40.0, 2300.0, 14.0);
        assert_eq!(band.clip_to(&plot), Rect::new(100.0, 40.0, 200.0, 14.0));
        // Wholly outside: a line at the nearest edge.
        let gone = Rect::new(-50.0, 40.0, 20.0, 14.0).clip_to(&plot);
        assert_eq!((gone.x, gone.w), (100.0, 0.0));
        assert_eq!(plot.clip_to(&plot), plot);
    }
}
