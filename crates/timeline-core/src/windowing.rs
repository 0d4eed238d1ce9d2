//! One vocabulary for the visible window: every gesture and command that moves
//! it — wheel, pinch, drag, buttons, keys, a cluster, the overview's brush, a
//! statistics bar, a presenter step, a host message, a link — is a
//! [`WindowAction`], and [`Windows::resolve`] is the one place that decides the
//! window it leads to. The limits come from the data ([`Windows::of`]), never
//! from fixed years.

use crate::date::{PartialDate, MAX_YEAR, MIN_YEAR};
use crate::model::Dataset;
use crate::scale::Window;

/// The windows a dataset allows: the one that fits all its events, and the
/// widest one may zoom out to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Windows {
    pub fit: Window,
    pub bounds: Window,
}

/// What moves the window.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum WindowAction {
    /// Zoom by `factor` (below 1 zooms in) around `anchor` (0 = left edge, 1 = right).
    Zoom { factor: f64, anchor: f64 },
    /// Pan by a fraction of the visible span (negative: back in time).
    Pan(f64),
    /// A drag that started at window `from`, moved by `dx` of `width` pixels.
    Drag { from: Window, dx: f64, width: f64 },
    /// Two fingers that started at `from` (x, x) over window `was`, now at `to`.
    Pinch {
        was: Window,
        from: (f64, f64),
        to: (f64, f64),
        width: f64,
    },
    /// An exact window (a brush, a host, a link).
    Set(Window),
    /// Everything.
    Fit,
    /// A cluster of events from day `first` to day `last`: zoom to see them.
    Days { first: i32, last: i32 },
    /// A year (a statistics bar).
    Year(i32),
    /// The same span at the start (or, `false`, the end) of the data.
    Edge { start: bool },
    /// A presenter step to event `event`: centred, at most two years wide.
    Present { event: usize },
    /// The keyboard's cursor on event `event`: the window follows only if it is out of view.
    Follow { event: usize },
}

/// A presenter's window is at most this wide, in days.
const PRESENTER_SPAN: f64 = 730.0;

/// A wheel turn over the chart, as the browser reports it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WheelTurn {
    /// Sideways and up-down, in pixels.
    pub dx: f64,
    pub dy: f64,
    /// Ctrl or ⌘ held — also what a trackpad's pinch reports.
    pub zoom_key: bool,
    pub shift: bool,
    /// Where the pointer is across the plot (0 = left edge, 1 = right).
    pub anchor: f64,
    /// The plot's width in pixels.
    pub width: f64,
    /// The chart is the whole view (a frame, presenting): no page around it
    /// to scroll, so a plain turn zooms.
    pub owns_wheel: bool,
}

/// What a wheel turn over the chart does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Wheel {
    /// Nothing to the chart: the page scrolls on (the chart shows how to zoom).
    Scroll,
    /// Pan by a fraction of the window.
    Pan(f64),
    /// Zoom by e^`exponent` around `anchor` (the shell takes the exponential).
    Zoom { exponent: f64, anchor: f64 },
}

/// A plain turn of a mouse wheel (about 100 px) zooms by about 16 %.
const WHEEL_ZOOM: f64 = 0.0015;
/// With the zoom key: a pinch's small steps zoom in proportion; a mouse's
/// notch no more than a plain turn in a frame does.
const PINCH_ZOOM: f64 = 0.01;
const MOST_PER_TURN: f64 = 0.15;

/// The one rule for the wheel over the chart. On a page, a plain up-down turn
/// scrolls the page — a visitor scrolling past the chart is not caught by it;
/// the zoom key (or a pinch) zooms; a sideways turn, or Shift with the
/// wheel, pans. Where the chart is the whole view, a plain turn zooms.
pub fn wheel(t: WheelTurn) -> Wheel {
    let width = t.width.max(1.0);
    if t.dx.abs() > t.dy.abs() {
        return Wheel::Pan(t.dx / width);
    }
    if t.dy == 0.0 {
        return Wheel::Scroll;
    }
    let anchor = t.anchor.clamp(0.0, 1.0);
    if t.zoom_key {
        let exponent = (t.dy * PINCH_ZOOM).clamp(-MOST_PER_TURN, MOST_PER_TURN);
        Wheel::Zoom { exponent, anchor }
    } else if t.shift {
        Wheel::Pan(t.dy / width)
    } else if t.owns_wheel {
        Wheel::Zoom {
            exponent: t.dy * WHEEL_ZOOM,
            anchor,
        }
    } else {
        Wheel::Scroll
    }
}

impl Windows {
    /// The windows of `ds`; a dataset without events gets the year around `today`.
    pub fn of(ds: &Dataset, today: i32) -> Windows {
        let (a, b) = ds.span().unwrap_or((today - 182, today + 182));
        // Never beyond the days a date can name (the years -9999 to 9999).
        let first = PartialDate::from_year(MIN_YEAR).first_day() as f64;
        let last = PartialDate::from_year(MAX_YEAR).last_day() as f64 + 1.0;
        let within = |w: Window| Window::new(w.start.max(first), w.end.min(last));
        let fit = within(Window::fit(a, b));
        let pad = fit.span() * 0.5;
        Windows {
            fit,
            bounds: within(Window::new(fit.start - pad, fit.end + pad)),
        }
    }

    /// The window `action` leads to from `current`; `None` is "fit all" (the
    /// view keeps no window of its own).
    pub fn resolve(&self, ds: &Dataset, current: Window, action: WindowAction) -> Option<Window> {
        let b = self.bounds;
        let w = match action {
            // Zooming out past all the data shows all of it, not empty years around it.
            WindowAction::Zoom { factor, .. } if factor > 1.0 && self.past_fit(current, factor) => {
                return None;
            }
            WindowAction::Zoom { factor, anchor } => current.zoom(factor, anchor, b),
            WindowAction::Pan(f) => current.pan(f, b),
            WindowAction::Drag { from, dx, width } => from.pan(-dx / width.max(1.0), b),
            WindowAction::Pinch {
                was,
                from,
                to,
                width,
            } => {
                let w = was.pinch(from, to, width, b);
                if w.span() > was.span() && w.span() >= self.fit.span() {
                    return None;
                }
                w
            }
            WindowAction::Set(w) => w,
            WindowAction::Fit => return None,
            WindowAction::Days { first, last } => {
                Window::new(first as f64 - 3.0, last as f64 + 4.0)
            }
            WindowAction::Year(y) => {
                let d = PartialDate::from_year(y);
                Window::new(d.first_day() as f64, d.last_day() as f64 + 1.0)
            }
            WindowAction::Edge { start } => {
                let f = self.fit;
                if start {
                    Window::new(f.start, f.start + current.span())
                } else {
                    Window::new(f.end - current.span(), f.end)
                }
            }
            WindowAction::Present { event } => {
                let e = &ds.events[event];
                let mid = (e.start_day() as f64 + e.end_day() as f64 + 1.0) / 2.0;
                let span = current
                    .span()
                    .min(PRESENTER_SPAN)
                    .max(((e.end_day() - e.start_day()) as f64 * 1.6).max(60.0));
                Window::new(mid - span / 2.0, mid + span / 2.0)
                    .clamp_to(b)
                    .centred_on(mid, b)
            }
            WindowAction::Follow { event } => crate::chartnav::follow(ds, event, current, b),
        };
        Some(self.keep(w))
    }

    /// `w` kept over the data: inside the fit (all the events, with a margin),
    /// the overview strip's span, so no pan, drag or link leaves the view on
    /// empty years past the data, and the brush always shows the whole window.
    /// A window wider than the fit is the fit.
    pub fn keep(&self, w: Window) -> Window {
        w.clamp_to(self.bounds).clamp_to(self.fit)
    }

    /// Whether zooming `current` out by `factor` would show more than all the data.
    fn past_fit(&self, current: Window, factor: f64) -> bool {
        current.span() * factor >= self.fit.span()
    }
}

/// Whether any of `shown` (indexes in the dataset's time order) is at least
/// partly inside `window` — when none is, the chart is empty although events
/// are shown, and the page says where they are. Events start in order, so
/// those starting after the window are skipped by a binary search; the rest
/// are tried from the latest start back (the first that reaches in answers).
pub fn any_shown_in(ds: &Dataset, shown: &[usize], window: Window) -> bool {
    let past = shown.partition_point(|&i| f64::from(ds.days(i).0) <= window.end);
    shown[..past]
        .iter()
        .rev()
        .any(|&i| f64::from(ds.days(i).1) + 1.0 > window.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_json;

    fn day(s: &str) -> f64 {
        PartialDate::parse(s).unwrap().first_day() as f64
    }

    #[test]
    fn limits_come_from_the_data() {
        let ds = load_json(crate::BUILTIN_DATASET).dataset;
        let ws = Windows::of(&ds, 0);
        let (a, b) = ds.span().unwrap();
        assert!(ws.fit.start < a as f64 && ws.fit.end > b as f64);
        assert!(ws.bounds.start < ws.fit.start && ws.bounds.end > ws.fit.end);
        // No events: the year around today, whatever the data's subject.
        let empty = load_json(r#"{"events":[]}"#).dataset;
        let today = day("2030-06-01") as i32;
        let ws = Windows::of(&empty, today);
        assert!(ws.fit.start < today as f64 && ws.fit.end > today as f64);
        assert!(ws.fit.span() < 500.0);
    }

    #[test]
    fn zooming_out_stops_at_all_the_data() {
        let ds = load_json(crate::BUILTIN_DATASET).dataset;
        let ws = Windows::of(&ds, 0);
        let out = WindowAction::Zoom {
            factor: 1.2,
            anchor: 0.3,
        };
        // From all the data, or near it, out is all the data (no window of its own).
        assert_eq!(ws.resolve(&ds, ws.fit, out), None);
        let near = ws.fit.zoom(0.9, 0.5, ws.bounds);
        assert_eq!(ws.resolve(&ds, near, out), None);
        // From well inside, out is wider and still within the data's span.
        let inside = ws.fit.zoom(0.3, 0.5, ws.bounds);
        let w = ws.resolve(&ds, inside, out).unwrap();
        assert!(w.span() > inside.span() && w.span() < ws.fit.span());
        // A pinch apart zooms in; fingers closing past all the data show all of it.
        let pinch = |from: (f64, f64), to: (f64, f64)| WindowAction::Pinch {
            was: inside,
            from,
            to,
            width: 800.0,
        };
        assert!(ws
            .resolve(&ds, inside, pinch((300.0, 500.0), (200.0, 600.0)))
            .is_some());
        assert_eq!(
            ws.resolve(&ds, inside, pinch((100.0, 700.0), (390.0, 410.0))),
            None
        );
    }

    #[test]
    fn a_plain_wheel_turn_scrolls_the_page_and_zooms_only_a_chart_that_is_the_view() {
        let turn = |dx: f64, dy: f64, zoom_key: bool, shift: bool, owns_wheel: bool| {
            wheel(WheelTurn {
                dx,
                dy,
                zoom_key,
                shift,
                anchor: 0.25,
                width: 800.0,
                owns_wheel,
            })
        };
        // Down and up on a page: the page's.
        assert_eq!(turn(0.0, 100.0, false, false, false), Wheel::Scroll);
        assert_eq!(turn(0.0, -100.0, false, false, false), Wheel::Scroll);
        assert_eq!(turn(0.0, 0.0, false, false, false), Wheel::Scroll);
        // With Ctrl or ⌘ (or a pinch): zoom under the pointer, a notch no faster than before.
        let Wheel::Zoom { exponent, anchor } = turn(0.0, 100.0, true, false, false) else {
            panic!("the zoom key zooms")
        };
        assert!(exponent > 0.0 && exponent <= MOST_PER_TURN && anchor == 0.25);
        let Wheel::Zoom {
            exponent: pinch, ..
        } = turn(0.0, -3.0, true, false, false)
        else {
            panic!("a pinch zooms")
        };
        assert!(
            (pinch + 0.03).abs() < 1e-9,
            "a pinch's small steps in proportion"
        );
        // Sideways, or Shift with the wheel: pan.
        assert_eq!(turn(80.0, 10.0, false, false, false), Wheel::Pan(0.1));
        assert_eq!(turn(0.0, -80.0, false, true, false), Wheel::Pan(-0.1));
        // In a frame or presenting, the chart is the view: a plain turn zooms.
        assert!(matches!(
            turn(0.0, 100.0, false, false, true),
            Wheel::Zoom { .. }
        ));
    }

    #[test]
    fn no_pan_leaves_the_view_on_empty_years_past_the_data() {
        let ds = load_json(crate::BUILTIN_DATASET).dataset;
        let ws = Windows::of(&ds, 0);
        let year = ws.fit.zoom(365.0 / ws.fit.span(), 1.0, ws.bounds);
        for w0 in [year, ws.fit] {
            for f in [-100.0, -3.0, -0.5, 0.5, 3.0, 100.0] {
                let w = ws.resolve(&ds, w0, WindowAction::Pan(f)).unwrap();
                assert!(
                    w.start >= ws.fit.start - 1e-6 && w.end <= ws.fit.end + 1e-6,
                    "{f}: {w:?} of {:?}",
                    ws.fit
                );
                assert!((w.span() - w0.span()).abs() < 1e-6);
            }
        }
        // A link's window past the data comes back over it, its width kept.
        let far = Window::new(ws.fit.end + 400.0, ws.fit.end + 765.0);
        let w = ws.resolve(&ds, year, WindowAction::Set(far)).unwrap();
        assert!((w.end - ws.fit.end).abs() < 1e-6 && (w.span() - 365.0).abs() < 1e-6);
    }

    #[test]
    fn every_gesture_resolves_inside_the_bounds() {
        let ds = load_json(crate::BUILTIN_DATASET).dataset;
        let ws = Windows::of(&ds, 0);
        let w = ws.fit;
        let sela = ds.position("beslan-2004").unwrap_or(0);
        for a in [
            WindowAction::Zoom {
                factor: 0.5,
                anchor: 0.25,
            },
            WindowAction::Zoom {
                factor: 1e9,
                anchor: 0.5,
            },
            WindowAction::Pan(-3.0),
            WindowAction::Drag {
                from: w,
                dx: 5000.0,
                width: 1000.0,
            },
            WindowAction::Pinch {
                was: w,
                from: (100.0, 200.0),
                to: (50.0, 400.0),
                width: 1000.0,
            },
            WindowAction::Set(Window::new(-1e9, 1e9)),
            WindowAction::Days {
                first: 2453000,
                last: 2453010,
            },
            WindowAction::Year(2004),
            WindowAction::Edge { start: true },
            WindowAction::Edge { start: false },
            WindowAction::Present { event: sela },
            WindowAction::Follow { event: sela },
        ] {
            // None: all the data (a zoom out past it).
            let r = ws.resolve(&ds, w, a).unwrap_or(ws.fit);
            assert!(
                r.start >= ws.bounds.start - 1e-6 && r.end <= ws.bounds.end + 1e-6,
                "{a:?} → {r:?}"
            );
            assert!(r.span() > 0.0, "{a:?}");
        }
        assert_eq!(ws.resolve(&ds, w, WindowAction::Fit), None);
        // A drag is the pan of its distance; a year is that year.
        let drag = ws.resolve(
            &ds,
            w,
            WindowAction::Drag {
                from: w,
                dx: -100.0,
                width: 1000.0,
            },
        );
        assert_eq!(drag, Some(ws.keep(w.pan(0.1, ws.bounds))));
        let y = ws.resolve(&ds, w, WindowAction::Year(2004)).unwrap();
        assert_eq!((y.start, y.end), (day("2004-01-01"), day("2005-01-01")));
        // The edges keep the span.
        let z = Window::new(w.start + 100.0, w.start + 465.0);
        let end = ws
            .resolve(&ds, z, WindowAction::Edge { start: false })
            .unwrap();
        assert!((end.span() - z.span()).abs() < 1e-6 && (end.end - ws.fit.end).abs() < 1e-6);
        // A presenter step centres its event within two years.
        let p = ws
            .resolve(&ds, w, WindowAction::Present { event: sela })
            .unwrap();
        let e = &ds.events[sela];
        assert!(p.span() <= PRESENTER_SPAN + 1e-6);
        assert!(p.start <= e.start_day() as f64 && p.end > e.end_day() as f64);
    }

    #[test]
    fn any_shown_in_a_window_by_days() {
        let ds = crate::load_json(crate::synth::generate(300, 7).as_str()).dataset;
        let all: Vec<usize> = (0..ds.events.len()).collect();
        let (lo, hi) = ds.span().unwrap();
        let brute = |w: Window| {
            all.iter().any(|&i| {
                let (a, b) = ds.days(i);
                f64::from(a) <= w.end && f64::from(b) + 1.0 > w.start
            })
        };
        for k in 0..200 {
            let start = f64::from(lo) - 400.0 + f64::from(k) * f64::from(hi - lo + 800) / 200.0;
            for span in [0.5, 3.0, 40.0, 400.0] {
                let w = Window {
                    start,
                    end: start + span,
                };
                assert_eq!(any_shown_in(&ds, &all, w), brute(w), "{w:?}");
                let some: Vec<usize> = all.iter().copied().filter(|i| i % 7 == 0).collect();
                let brute_some = some.iter().any(|&i| {
                    let (a, b) = ds.days(i);
                    f64::from(a) <= w.end && f64::from(b) + 1.0 > w.start
                });
                assert_eq!(any_shown_in(&ds, &some, w), brute_some);
            }
        }
        assert!(!any_shown_in(
            &ds,
            &[],
            Window {
                start: 0.0,
                end: 1e9
            }
        ));
    }
}
