//! What is computed from the shown events, once per (dataset, filter) and
//! shared: the filter's result itself, the statistics (the summary line and
//! the statistics panel both read them), the count line (the summary line at
//! every render, the live region), the chart's lanes and the overview's
//! histogram — each a pass over the events, most of a frame at 1,000,000.
//! The last few results are kept:
//! a filter asked again (a chip clicked twice, back to all) gets its earlier
//! result, the same `Rc`, so every cache keyed by that result hits too.
//! Entries hold the dataset and the result weakly: a replaced dataset's go.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use timeline_core::chart::ChartBase;
use timeline_core::filter::{FacetCounts, Filter, Selection};
use timeline_core::stats::Stats;
use timeline_core::Dataset;

/// The last few values computed from a dataset and a key, most recent first.
pub struct Recent<K, V> {
    kept: Vec<(Weak<Dataset>, K, Rc<V>)>,
    keep: usize,
}

impl<K: PartialEq, V> Recent<K, V> {
    pub const fn new(keep: usize) -> Self {
        Recent {
            kept: Vec::new(),
            keep,
        }
    }

    /// The value for (`ds`, `key`): kept, or made by `make` and kept.
    pub fn get(&mut self, ds: &Rc<Dataset>, key: K, make: impl FnOnce() -> V) -> Rc<V> {
        self.kept.retain(|(d, ..)| d.strong_count() > 0);
        let same = |(d, k, _): &(Weak<Dataset>, K, Rc<V>)| {
            std::ptr::eq(d.as_ptr(), Rc::as_ptr(ds)) && *k == key
        };
        let entry = match self.kept.iter().position(same) {
            Some(at) => self.kept.remove(at),
            None => (Rc::downgrade(ds), key, Rc::new(make())),
        };
        let value = entry.2.clone();
        self.kept.insert(0, entry);
        self.kept.truncate(self.keep);
        value
    }

    /// A kept value for `ds` that `pick` takes, without making one.
    pub fn find<T>(&self, ds: &Rc<Dataset>, pick: impl Fn(&V) -> Option<T>) -> Option<T> {
        let of_ds = |d: &Weak<Dataset>| std::ptr::eq(d.as_ptr(), Rc::as_ptr(ds));
        self.kept
            .iter()
            .filter(|(d, ..)| of_ds(d))
            .find_map(|(_, _, v)| pick(v))
    }
}

/// A filter's result, by pointer (a live one: an entry never matches a
/// result that was dropped and whose address was reused).
#[derive(Clone)]
pub struct Shown(Weak<Vec<usize>>);

impl Shown {
    pub fn of(shown: &Rc<Vec<usize>>) -> Self {
        Shown(Rc::downgrade(shown))
    }
}

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        self.0.strong_count() > 0 && Weak::ptr_eq(&self.0, &other.0)
    }
}

/// The shown, the facet counts, and the filter decided per class where it
/// can be (what the lanes and the statistics are then read from).
type Filtered = (Rc<Vec<usize>>, Rc<FacetCounts>, Option<Rc<Selection>>);

/// How the chart's lanes were laid: the grouping, the width and em (as bits).
type BaseKey = (Shown, timeline_core::layout::Grouping, u64, u64);

/// The overview's histogram: the width and the extent's ends (as bits).
type OverviewKey = (Shown, u64, u64, u64);

thread_local! {
    static FILTERED: RefCell<Recent<Filter, Filtered>> = const { RefCell::new(Recent::new(4)) };
    static STATS: RefCell<Recent<Shown, Stats>> = const { RefCell::new(Recent::new(4)) };
    static COUNT: RefCell<Recent<Shown, String>> = const { RefCell::new(Recent::new(4)) };
    static BASE: RefCell<Recent<BaseKey, ChartBase>> = const { RefCell::new(Recent::new(3)) };
    static OVERVIEW: RefCell<Recent<OverviewKey, String>> = const { RefCell::new(Recent::new(4)) };
}

/// The time overview's histogram path for `shown` (a pass over the shown
/// events): once per result, width and extent — back to all is drawn from
/// the earlier path.
pub fn overview_for(
    ds: &Rc<Dataset>,
    shown: &Rc<Vec<usize>>,
    key: (u64, u64, u64),
    make: impl FnOnce() -> String,
) -> Rc<String> {
    OVERVIEW.with(|c| {
        c.borrow_mut()
            .get(ds, (Shown::of(shown), key.0, key.1, key.2), make)
    })
}

/// The events `filter` shows in `ds` and its facet counts: one pass over the
/// events, or an earlier result of the same filter on the same dataset.
pub fn filtered(ds: &Rc<Dataset>, filter: &Filter) -> (Rc<Vec<usize>>, Rc<FacetCounts>) {
    let r = FILTERED.with(|c| {
        c.borrow_mut().get(ds, filter.clone(), || {
            let (shown, counts) = filter.apply_counted(ds);
            // Only the full module opens large files: the lean one leaves this out.
            let selection = match cfg!(feature = "full") {
                true => filter.selection(ds).map(Rc::new),
                false => None,
            };
            (Rc::new(shown), Rc::new(counts), selection)
        })
    });
    (r.0.clone(), r.1.clone())
}

/// The filter that gave `shown` decided per class (`Filter::selection`),
/// where a kept result is `shown` and it could be.
pub fn selection_of(ds: &Rc<Dataset>, shown: &Rc<Vec<usize>>) -> Option<Rc<Selection>> {
    // None in the lean module (built-in data only), so what reads it is left out of it too.
    if !cfg!(feature = "full") {
        return None;
    }
    FILTERED.with(|c| {
        c.borrow().find(ds, |(s, _, sel)| {
            Rc::ptr_eq(s, shown).then(|| sel.clone()).flatten()
        })
    })
}

/// "Showing 31 of 65 events, 2001–2012" for `shown`: once per result.
pub fn count_for(ds: &Rc<Dataset>, shown: &Rc<Vec<usize>>) -> Rc<String> {
    COUNT.with(|c| {
        c.borrow_mut().get(ds, Shown::of(shown), || {
            timeline_core::describe::count_line(ds, shown)
        })
    })
}

/// The statistics of `shown` in `ds`: once per result.
pub fn stats_for(ds: &Rc<Dataset>, shown: &Rc<Vec<usize>>) -> Rc<Stats> {
    STATS.with(|c| {
        c.borrow_mut().get(ds, Shown::of(shown), || {
            // Summed per class and year where the filter is decided per
            // class: the classes' cost, not a pass over the shown.
            selection_of(ds, shown)
                .and_then(|sel| Stats::of_selection(ds, &sel))
                .unwrap_or_else(|| Stats::compute(ds, shown))
        })
    })
}

/// The chart's lanes and their members for `shown` (what does not change as
/// the window moves): once per result, grouping and size.
pub fn base_for(
    ds: &Rc<Dataset>,
    shown: &Rc<Vec<usize>>,
    grouping: timeline_core::layout::Grouping,
    key: (u64, u64),
    make: impl FnOnce() -> ChartBase,
) -> Rc<ChartBase> {
    BASE.with(|c| {
        c.borrow_mut()
            .get(ds, (Shown::of(shown), grouping, key.0, key.1), make)
    })
}
