//! The time overview under the chart: a histogram of the filtered events over
//! the whole span, and the visible window as a brush one can drag, resize and
//! click. Pure: pixels in, a [`Window`] out.
//!
//! The histogram aggregates per pixel column (Perfetto's way of drawing
//! millions of slices): its cost is one pass over the shown events, and what
//! is drawn is one bar per column, whatever the number of events.

use crate::fmt::px;
use crate::model::Dataset;
use crate::scale::{Window, MIN_SPAN_DAYS};

/// Events per bin, by start day, over `extent` cut into `bins` equal columns.
/// Events starting outside `extent` are not counted.
pub fn histogram(ds: &Dataset, shown: &[usize], extent: Window, bins: usize) -> Vec<u32> {
    let mut out = vec![0u32; bins];
    if bins == 0 || extent.span() <= 0.0 {
        return out;
    }
    let per_day = bins as f64 / extent.span();
    let bin = |i: usize| ((ds.days(i).0 as f64 - extent.start) * per_day).floor();
    if shown.is_sorted() {
        // In time order, each bin's events are a run: found by a search from
        // the run before (galloping: it reads near where it starts, not the
        // middle of the list, a cache miss each), not counted one by one.
        let mut at = shown.partition_point(|&i| bin(i) < 0.0);
        for (b, n) in out.iter_mut().enumerate() {
            let end = at + gallop(&shown[at..], |&i| bin(i) <= b as f64);
            *n = (end - at) as u32;
            at = end;
        }
        return out;
    }
    for &i in shown {
        let b = bin(i);
        if b >= 0.0 && (b as usize) < bins {
            out[b as usize] += 1;
        }
    }
    out
}

/// The length of the prefix of `xs` whose items pass `pred` (true up to some
/// item): probes at 1, 2, 4, … from the start, then a binary search in the
/// last step — a cost in the prefix's length, not the list's.
fn gallop<T>(xs: &[T], pred: impl Fn(&T) -> bool) -> usize {
    let mut hi = 1;
    while hi <= xs.len() && pred(&xs[hi - 1]) {
        hi *= 2;
    }
    let lo = hi / 2;
    lo + xs[lo..hi.min(xs.len())].partition_point(pred)
}

/// The SVG path of the histogram's bars, `width` × `height` pixels, one bar
/// per bin scaled to the tallest (square root, so single events stay visible
/// beside busy stretches). One element however many events.
pub fn histogram_path(bins: &[u32], width: f64, height: f64) -> String {
    let max = bins.iter().copied().max().unwrap_or(0);
    if max == 0 || bins.is_empty() {
        return String::new();
    }
    let bw = width / bins.len() as f64;
    let mut d = String::with_capacity(bins.len() * 16);
    let scale = height / (max as f64).sqrt();
    for (k, &n) in bins.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let h = ((n as f64).sqrt() * scale).max(2.0);
        let x = k as f64 * bw;
        // Numbers by fmt::px: no float formatting in the first module.
        d.push_str(&format!(
            "M{} {}h{}v{}h{}Z",
            px(x),
            px(height - h),
            px(bw.max(1.0)),
            px(h),
            px(-bw.max(1.0))
        ));
    }
    d
}

/// The overview's scale: the whole `extent` over `width` pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Overview {
    pub extent: Window,
    pub width: f64,
    /// Where windows are kept (the chart's zoom bounds).
    pub bounds: Window,
}

/// What a press on the overview grabbed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grab {
    /// The brush's body: dragging pans.
    Body,
    /// An edge: dragging resizes from that side.
    Start,
    End,
    /// Outside the brush: a click centres the window there (then drags pan).
    Outside,
}

/// Pixels either side of an edge that grab it.
pub const EDGE_GRAB_PX: f64 = 6.0;

impl Overview {
    pub fn x(&self, day: f64) -> f64 {
        self.extent.x(day, self.width)
    }

    pub fn day(&self, x: f64) -> f64 {
        self.extent.day_at(x, self.width)
    }

    /// The brush's pixels, clipped to the strip (and at least 4 px wide, so it can be seen and grabbed).
    pub fn brush(&self, w: Window) -> (f64, f64) {
        let (a, b) = (
            self.x(w.start).max(0.0).min(self.width),
            self.x(w.end).max(0.0).min(self.width),
        );
        if b - a >= 4.0 {
            (a, b)
        } else {
            let mid = ((a + b) / 2.0).max(2.0).min((self.width - 2.0).max(2.0));
            (mid - 2.0, mid + 2.0)
        }
    }

    /// What a press at `x` grabs, for the window `w`.
    pub fn grab(&self, w: Window, x: f64) -> Grab {
        let (a, b) = self.brush(w);
        // Edges win over the body, but a narrow brush keeps a body to drag.
        let edge = EDGE_GRAB_PX.min((b - a) / 3.0);
        if (x - a).abs() <= edge {
            Grab::Start
        } else if (x - b).abs() <= edge {
            Grab::End
        } else if x > a && x < b {
            Grab::Body
        } else {
            Grab::Outside
        }
    }

    /// The window after dragging from `x0` to `x1`, starting from `w0`.
    pub fn drag(&self, w0: Window, grab: Grab, x0: f64, x1: f64) -> Window {
        let dd = (x1 - x0) / self.width * self.extent.span();
        match grab {
            Grab::Body | Grab::Outside => {
                Window::new(w0.start + dd, w0.end + dd).clamp_to(self.bounds)
            }
            Grab::Start => {
                let start = (w0.start + dd).min(w0.end - MIN_SPAN_DAYS);
                Window::new(start.max(self.bounds.start), w0.end).clamp_to(self.bounds)
            }
            Grab::End => {
                let end = (w0.end + dd).max(w0.start + MIN_SPAN_DAYS);
                Window::new(w0.start, end.min(self.bounds.end)).clamp_to(self.bounds)
            }
        }
    }

    /// The window centred on the day under `x`, same width.
    pub fn centre_at(&self, w: Window, x: f64) -> Window {
        w.centred_on(self.day(x), self.bounds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_json;

    fn ov() -> Overview {
        Overview {
            extent: Window::new(0.0, 1000.0),
            width: 500.0,
            bounds: Window::new(-500.0, 1500.0),
        }
    }

    #[test]
    fn histogram_counts_each_shown_event_once_by_start() {
        let ds = load_json(crate::BUILTIN_DATASET).dataset;
        let all: Vec<usize> = (0..ds.events.len()).collect();
        let (a, b) = ds.span().unwrap();
        let extent = Window::fit(a, b);
        for bins in [1, 12, 300, 2000] {
            let h = histogram(&ds, &all, extent, bins);
            assert_eq!(h.len(), bins);
            assert_eq!(
                h.iter().sum::<u32>() as usize,
                ds.events.len(),
                "{bins} bins"
            );
        }
        assert_eq!(
            histogram(&ds, &all[..10], extent, 50).iter().sum::<u32>(),
            10
        );
        assert!(
            histogram(&ds, &all, Window::new(0.0, 10.0), 10)
                .iter()
                .all(|&n| n == 0),
            "outside the extent"
        );
        // Runs found by binary search (time order) count as the walk over each event does.
        let big = load_json(&crate::synth::generate(5000, 3)).dataset;
        let all: Vec<usize> = (0..big.events.len()).collect();
        let (a, b) = big.span().unwrap();
        for step in [1, 2, 7, 300] {
            let some: Vec<usize> = all.iter().copied().step_by(step).collect();
            let mut walked = some.clone();
            walked.swap(0, 1);
            for w in [
                Window::fit(a, b),
                Window::new(a as f64 + 400.0, b as f64 - 900.0),
            ] {
                for bins in [1, 7, 300, 1999] {
                    assert_eq!(
                        histogram(&big, &some, w, bins),
                        histogram(&big, &walked, w, bins)
                    );
                }
            }
        }
        for n in 0..70 {
            let xs: Vec<usize> = (0..n).collect();
            for k in 0..=n {
                assert_eq!(gallop(&xs, |&x| x < k), k);
            }
        }
    }

    #[test]
    fn histogram_path_is_one_bar_per_busy_bin() {
        assert_eq!(histogram_path(&[0, 0], 100.0, 40.0), "");
        let d = histogram_path(&[1, 0, 4], 30.0, 40.0);
        assert_eq!(d.matches('M').count(), 2);
        assert!(d.starts_with("M0 20h10v20h-10Z"), "{d}");
        assert!(d.contains("M20 0h10v40"), "{d}");
    }

    #[test]
    fn grabbing_dragging_and_clicking_the_brush() {
        let o = ov();
        let w = Window::new(200.0, 400.0); // pixels 100..200
        assert_eq!(o.brush(w), (100.0, 200.0));
        assert_eq!(o.grab(w, 101.0), Grab::Start);
        assert_eq!(o.grab(w, 150.0), Grab::Body);
        assert_eq!(o.grab(w, 198.0), Grab::End);
        assert_eq!(o.grab(w, 300.0), Grab::Outside);
        // Body: pans by the days under the pixels moved.
        assert_eq!(
            o.drag(w, Grab::Body, 150.0, 175.0),
            Window::new(250.0, 450.0)
        );
        // Edges: resize from that side only.
        assert_eq!(
            o.drag(w, Grab::Start, 100.0, 50.0),
            Window::new(100.0, 400.0)
        );
        assert_eq!(
            o.drag(w, Grab::End, 200.0, 300.0),
            Window::new(200.0, 600.0)
        );
        // An edge cannot pass the other: the minimum span holds.
        let narrow = o.drag(w, Grab::Start, 100.0, 400.0);
        assert_eq!(narrow.end, 400.0);
        assert!((narrow.span() - MIN_SPAN_DAYS).abs() < 1e-9);
        // Kept inside the bounds.
        assert_eq!(
            o.drag(w, Grab::Body, 150.0, 10_000.0),
            Window::new(1300.0, 1500.0)
        );
        // A click centres there.
        assert_eq!(o.centre_at(w, 400.0), Window::new(700.0, 900.0));
    }

    #[test]
    fn a_tiny_window_still_has_a_brush_to_see_and_grab() {
        let o = ov();
        let (a, b) = o.brush(Window::new(500.0, 501.0));
        assert!((b - a - 4.0).abs() < 1e-9 && a < 250.5 && b > 250.5);
        assert_eq!(o.grab(Window::new(500.0, 501.0), 250.0), Grab::Body);
        // A window wider than the strip is clipped to it.
        assert_eq!(o.brush(Window::new(-500.0, 1500.0)), (0.0, 500.0));
    }
}
