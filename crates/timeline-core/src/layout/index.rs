//! A lane's members in time order, and what lets a window find its run in
//! them without looking at every member: the longest event (how far back a
//! member may start and still reach into the window) and the latest end day
//! over any run of members (per block of [`BLOCK`] members, then a sparse
//! table over the blocks), so a wheel step costs what is on screen, not N.

use crate::model::Dataset;
use std::ops::Range;

/// Members per block of the end-day table.
const BLOCK: usize = 32;

/// One lane's members (indexes into `Dataset::events`, ascending, which is time
/// order) with the latest end day over any run of them.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LaneMembers {
    pub ids: Vec<usize>,
    /// The longest event of the lane, in days: how far back a mark may start and still show.
    pub longest: i32,
    /// `levels[j][b]`: the latest end day over blocks `b .. b + 2^j`.
    levels: Vec<Vec<i32>>,
}

impl LaneMembers {
    /// Indexes into `ds.events`; put in ascending (time) order if they are not.
    pub fn new(ds: &Dataset, mut ids: Vec<usize>) -> LaneMembers {
        if !ids.is_sorted() {
            crate::order::sort_by(&mut ids, usize::cmp);
        }
        let mut longest = 0;
        let mut blocks = Vec::with_capacity(ids.len().div_ceil(BLOCK));
        for chunk in ids.chunks(BLOCK) {
            let mut end = i32::MIN;
            for &i in chunk {
                let (a, b) = ds.days(i);
                longest = longest.max(b - a);
                end = end.max(b);
            }
            blocks.push(end);
        }
        let mut levels = vec![blocks];
        let mut span = 1;
        while span * 2 <= levels[0].len() {
            let prev = levels.last().expect("a level");
            let next: Vec<i32> = (0..prev.len() - span)
                .map(|b| prev[b].max(prev[b + span]))
                .collect();
            levels.push(next);
            span *= 2;
        }
        LaneMembers {
            ids,
            longest,
            levels,
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The latest end day of the members at positions `r` (`i32::MIN` for none).
    pub fn max_end(&self, ds: &Dataset, r: Range<usize>) -> i32 {
        let scan = |r: Range<usize>| {
            self.ids[r]
                .iter()
                .map(|&i| ds.days(i).1)
                .max()
                .unwrap_or(i32::MIN)
        };
        if r.is_empty() {
            return i32::MIN;
        }
        let (first, last) = (r.start / BLOCK, (r.end - 1) / BLOCK);
        if last <= first + 1 {
            return scan(r);
        }
        let (l, h) = (first + 1, last);
        let j = (h - l).ilog2() as usize;
        let whole = self.levels[j][l].max(self.levels[j][h - (1 << j)]);
        whole
            .max(scan(r.start..l * BLOCK))
            .max(scan(h * BLOCK..r.end))
    }

    /// The positions in `r` whose member's end day passes `reaches` (true from
    /// some day on), skipping whole blocks that end too early.
    pub fn reaching(
        &self,
        ds: &Dataset,
        r: Range<usize>,
        reaches: &dyn Fn(i32) -> bool,
    ) -> Vec<usize> {
        let mut out = Vec::new();
        let mut k = r.start;
        while k < r.end {
            if k.is_multiple_of(BLOCK) && k + BLOCK <= r.end && !reaches(self.levels[0][k / BLOCK])
            {
                k += BLOCK;
                continue;
            }
            if reaches(ds.days(self.ids[k]).1) {
                out.push(k);
            }
            k += 1;
        }
        out
    }
}
