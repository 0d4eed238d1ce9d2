//! The statistics of the shown events, computed once per (dataset, filter) and
//! shared: the summary line and the statistics panel both read them (each
//! computing its own cost a pass over the shown events at each filter click).

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use timeline_core::stats::Stats;
use timeline_core::Dataset;

/// The last statistics computed and what they were computed from (weakly: the
/// cache never keeps a dataset or a filter's result alive).
type Entry = (Weak<Dataset>, Weak<Vec<usize>>, Rc<Stats>);

thread_local! {
    static LAST: RefCell<Option<Entry>> = const { RefCell::new(None) };
}

/// The statistics of `shown` in `ds`: computed at the first ask, then shared
/// while the same dataset and the same filter result (by pointer) are asked.
pub fn stats_for(ds: &Rc<Dataset>, shown: &Rc<Vec<usize>>) -> Rc<Stats> {
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((d, s, stats)) = last.as_ref() {
            if Weak::ptr_eq(d, &Rc::downgrade(ds))
                && Weak::ptr_eq(s, &Rc::downgrade(shown))
                && d.strong_count() > 0
                && s.strong_count() > 0
            {
                return stats.clone();
            }
        }
        let stats = Rc::new(Stats::compute(ds, shown));
        *last = Some((Rc::downgrade(ds), Rc::downgrade(shown), stats.clone()));
        stats
    })
}
