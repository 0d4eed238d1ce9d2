//! The loaded dataset as the app holds it: shared by pointer, with the windows
//! and years it allows (from the data, never fixed years).

use std::rc::Rc;
use timeline_core::scale::Window;
use timeline_core::windowing::Windows;
use timeline_core::{Dataset, Problem};

/// The loaded dataset, shared by every component (cloning is a pointer copy).
#[derive(Clone, Debug)]
pub struct Data {
    pub dataset: Rc<Dataset>,
    pub problems: Rc<Vec<Problem>>,
    /// The widest window one may zoom out to.
    pub bounds: Window,
    /// The window that fits all events.
    pub fit: Window,
    /// The first and last years of the events (of the window when there are none).
    years: (i32, i32),
}

/// Loaded once: two `Data` are the same when they share the dataset.
impl PartialEq for Data {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset) && Rc::ptr_eq(&self.problems, &other.problems)
    }
}

/// Today's day number (a dataset without events is shown around it).
fn today() -> i32 {
    #[cfg(target_arch = "wasm32")]
    let ms = js_sys::Date::now();
    #[cfg(not(target_arch = "wasm32"))]
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_millis() as f64);
    // Day 2440588 is 1 January 1970.
    2_440_588 + (ms / 86_400_000.0).floor() as i32
}

impl Data {
    pub fn new(dataset: Dataset, problems: Vec<Problem>) -> Self {
        let Windows { fit, bounds } = Windows::of(&dataset, today());
        let year = |d: f64| timeline_core::PartialDate::from_day_number(d as i32).year();
        let (a, b) = dataset
            .span()
            .map_or((fit.start, fit.end), |(a, b)| (a as f64, b as f64));
        Data {
            years: (year(a), year(b)),
            dataset: Rc::new(dataset),
            problems: Rc::new(problems),
            bounds,
            fit,
        }
    }

    /// The first and last years of the data (of the window shown when it has no events).
    pub fn years(&self) -> (i32, i32) {
        self.years
    }

    /// The windows the data allows (timeline_core::windowing).
    pub fn windows(&self) -> Windows {
        Windows {
            fit: self.fit,
            bounds: self.bounds,
        }
    }
}
