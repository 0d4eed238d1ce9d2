//! What filters, lanes and counts read of every event, packed beside the
//! events: an event is a few hundred bytes of strings and lists, so a pass
//! over 1,000,000 of them for their kind and scope is a cache miss each; a
//! pass over their briefs is 12 bytes each.

use crate::model::{Event, Kind, Scope};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Brief {
    /// The year of its date (the first day's).
    pub year: i32,
    pub kind: Kind,
    /// Scope::Organisation.
    pub organisation: bool,
    /// It names no country (`Event::countries` is empty).
    pub no_country: bool,
    /// It has casualty figures.
    pub casualties: bool,
}

impl Brief {
    pub fn of(e: &Event) -> Brief {
        Brief {
            year: e.date.year(),
            kind: e.kind,
            organisation: e.scope == Scope::Organisation,
            no_country: e.countries.is_empty(),
            casualties: e.casualties.is_some(),
        }
    }
}

/// Every event's countries as bits (bit k: country index k), where that says
/// all there is: at most 64 countries and no event naming one twice. Events
/// share few distinct sets (the states a dataset names, in few combinations),
/// so each event holds the index of its set: 4 bytes, not 8, and a count per
/// set is a count per event's countries once the pass is done (filter, stats).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Combos {
    /// Per event: the index of its set in `bits`.
    pub of: Vec<u32>,
    /// The distinct sets, in order of first use.
    pub bits: Vec<u64>,
}

impl Combos {
    /// `None` where the sets do not fit (more than 64 countries, or a
    /// country named twice by one event): the callers read the lists.
    pub fn new(n_countries: usize, ids: &[u16], at: &[u32]) -> Option<Combos> {
        if n_countries > 64 {
            return None;
        }
        let mut out = Combos {
            of: Vec::with_capacity(at.len().saturating_sub(1)),
            bits: Vec::new(),
        };
        let mut index: rustc_hash::FxHashMap<u64, u32> = Default::default();
        for w in at.windows(2) {
            let mut bits = 0u64;
            for &k in &ids[w[0] as usize..w[1] as usize] {
                if bits & (1 << k) != 0 {
                    return None;
                }
                bits |= 1 << k;
            }
            let next = out.bits.len() as u32;
            let c = *index.entry(bits).or_insert(next);
            if c == next {
                out.bits.push(bits);
            }
            out.of.push(c);
        }
        Some(out)
    }

    /// Event `i`'s countries as bits.
    pub fn mask(&self, i: usize) -> u64 {
        self.bits[self.of[i] as usize]
    }
}

/// Every event's class: its set of countries (an index into `Combos::bits`),
/// whether it is organisation-wide and its kind — all a filter without dates
/// or text asks of it. Classes are few (a few hundred sets of countries, two
/// scopes, a few kinds), so such a filter decides per class and then only
/// reads each event's class (2 bytes, not a brief, its days and its set),
/// and its counts are sums over the classes.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Classes {
    /// Per event: the index of its class.
    pub of: Vec<u16>,
    /// Per class: its set, scope and kind index, and how many events are of it.
    pub class: Vec<Class>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Class {
    /// The index of its set of countries in `Combos::bits`.
    pub set: u32,
    pub organisation: bool,
    /// `Kind::index`.
    pub kind: usize,
    pub events: usize,
}

impl Classes {
    /// `None` where there are more classes than a `u16` tells apart.
    pub fn new(briefs: &[Brief], combos: &Combos, n_kinds: usize) -> Option<Classes> {
        // Dense first (set, scope, kind → slot), then only the slots used numbered.
        let slots = combos.bits.len().checked_mul(2 * n_kinds)?;
        if slots > 1 << 24 || combos.of.len() != briefs.len() {
            return None;
        }
        let mut number = vec![u32::MAX; slots];
        let mut out = Classes {
            of: Vec::with_capacity(briefs.len()),
            class: Vec::new(),
        };
        for (b, &set) in briefs.iter().zip(&combos.of) {
            if b.kind.index() >= n_kinds {
                return None;
            }
            let s = (set as usize * 2 + usize::from(b.organisation)) * n_kinds + b.kind.index();
            if number[s] == u32::MAX {
                if out.class.len() > usize::from(u16::MAX) {
                    return None;
                }
                number[s] = out.class.len() as u32;
                out.class.push(Class {
                    set,
                    organisation: b.organisation,
                    kind: b.kind.index(),
                    events: 0,
                });
            }
            let c = number[s] as usize;
            out.class[c].events += 1;
            out.of.push(c as u16);
        }
        Some(out)
    }
}

/// A bit per event (in the dataset's order) for each country, each kind and
/// the organisation-wide events: a filter's shown events read off 64 events
/// at a time (`Compiled::tally_bits`), not looked up event by event — at
/// 1,000,000 events a pass of ~16,000 words, not a million class lookups.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct EventBits {
    /// Events.
    n: usize,
    /// Words a set: `n / 64` rounded up.
    words: usize,
    /// Country k's bits at `[k * words..][..words]`.
    countries: Vec<u64>,
    /// Kind k's bits at `[k * words..][..words]`.
    kinds: Vec<u64>,
    organisation: Vec<u64>,
}

/// The most sets kept (countries, kinds and the organisation-wide): a bit
/// each an event, at most 4 bytes an event (as much as `Combos::of`).
pub const MAX_EVENT_SETS: usize = 32;

impl EventBits {
    /// `None` where there are more than [`MAX_EVENT_SETS`] sets, or a kind
    /// or country out of range.
    pub fn new(
        briefs: &[Brief],
        combos: &Combos,
        n_countries: usize,
        n_kinds: usize,
    ) -> Option<EventBits> {
        if n_countries + n_kinds + 1 > MAX_EVENT_SETS || combos.of.len() != briefs.len() {
            return None;
        }
        let n = briefs.len();
        let words = n.div_ceil(64);
        let mut out = EventBits {
            n,
            words,
            countries: vec![0; n_countries * words],
            kinds: vec![0; n_kinds * words],
            organisation: vec![0; words],
        };
        let country_bits = if n_countries >= 64 {
            u64::MAX
        } else {
            (1u64 << n_countries) - 1
        };
        for (i, (b, &set)) in briefs.iter().zip(&combos.of).enumerate() {
            let (w, bit) = (i / 64, 1u64 << (i % 64));
            let set = *combos.bits.get(set as usize)?;
            if set & !country_bits != 0 || b.kind.index() >= n_kinds {
                return None;
            }
            each_bit(set, |k| out.countries[k * words + w] |= bit);
            out.kinds[b.kind.index() * words + w] |= bit;
            if b.organisation {
                out.organisation[w] |= bit;
            }
        }
        Some(out)
    }

    /// How many events the sets cover.
    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The events, in order, that name a country of `countries` (bits by
    /// country index; `None`: any event) or, with `organisation`, are
    /// organisation-wide, and whose kind is in `kinds` (bits by kind index;
    /// `None`: any). `expected`: how many (the list's capacity).
    pub fn select(
        &self,
        countries: Option<u64>,
        organisation: bool,
        kinds: Option<u64>,
        expected: usize,
    ) -> Vec<usize> {
        let words = self.words;
        let mut cs = countries.map_or_else(Vec::new, |m| sets_of(&self.countries, words, m));
        if countries.is_some() && organisation {
            cs.push(&self.organisation);
        }
        let ks = kinds.map_or_else(Vec::new, |m| sets_of(&self.kinds, words, m));
        let any = |list: &[&[u64]], w: usize| list.iter().fold(0u64, |x, s| x | s[w]);
        let mut out = Vec::with_capacity(expected);
        for w in 0..self.words {
            let c = if countries.is_some() {
                any(&cs, w)
            } else {
                u64::MAX
            };
            let k = if kinds.is_some() {
                any(&ks, w)
            } else {
                u64::MAX
            };
            let mut m = c & k;
            let left = self.n - w * 64;
            if left < 64 {
                m &= (1u64 << left) - 1;
            }
            while m != 0 {
                out.push(w * 64 + m.trailing_zeros() as usize);
                m &= m - 1;
            }
        }
        out
    }
}

impl EventBits {
    /// [`EventBits::select`] for each kind at once, in one pass over the
    /// words (the countries' sets read once, not once a kind): per kind
    /// index, its events that pass `countries` (or, with `organisation`,
    /// are organisation-wide); a kind not in `kinds` (`None`: all) gets
    /// none. `expected[k]`: how many of kind `k` (the lists' capacities).
    pub fn select_by_kind(
        &self,
        countries: Option<u64>,
        organisation: bool,
        kinds: Option<u64>,
        expected: &[usize],
    ) -> Vec<Vec<usize>> {
        let words = self.words;
        let n_kinds = self.kinds.len().checked_div(words).unwrap_or(0);
        let mut cs = countries.map_or_else(Vec::new, |m| sets_of(&self.countries, words, m));
        if countries.is_some() && organisation {
            cs.push(&self.organisation);
        }
        let wanted = |k: usize| kinds.is_none_or(|m| k < 64 && m >> k & 1 != 0);
        let ks: Vec<(usize, &[u64])> = (0..n_kinds)
            .filter(|&k| wanted(k))
            .map(|k| (k, &self.kinds[k * words..(k + 1) * words]))
            .collect();
        let mut out: Vec<Vec<usize>> = (0..n_kinds)
            .map(|k| Vec::with_capacity(expected.get(k).copied().unwrap_or(0)))
            .collect();
        for w in 0..words {
            let mut c = match countries {
                Some(_) => cs.iter().fold(0u64, |x, s| x | s[w]),
                None => u64::MAX,
            };
            let left = self.n - w * 64;
            if left < 64 {
                c &= (1u64 << left) - 1;
            }
            if c == 0 {
                continue;
            }
            for &(k, set) in &ks {
                let mut m = c & set[w];
                while m != 0 {
                    out[k].push(w * 64 + m.trailing_zeros() as usize);
                    m &= m - 1;
                }
            }
        }
        out
    }
}

/// The sets (of `words` each, one after the other in `all`) that `mask` picks.
fn sets_of(all: &[u64], words: usize, mask: u64) -> Vec<&[u64]> {
    let mut out = Vec::new();
    each_bit(mask, |k| {
        if let Some(s) = all.get(k * words..(k + 1) * words) {
            out.push(s);
        }
    });
    out
}

/// Calls `f` with the index of each set bit, lowest first.
pub fn each_bit(mut bits: u64, mut f: impl FnMut(usize)) {
    while bits != 0 {
        f(bits.trailing_zeros() as usize);
        bits &= bits - 1;
    }
}

/// Per class (of [`Classes`]) and year: how many events, their casualties,
/// and per class how many name no country — all the statistics read of the
/// events, so a filter decided per class has its statistics summed over the
/// classes it shows (`Stats::of_selection`), not counted event by event.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ClassYears {
    /// The first year of any event.
    pub first: i32,
    /// Years from the first to the last.
    pub years: usize,
    /// `[class * years + (year - first)]`: events of the class starting that year.
    pub events: Vec<u32>,
    /// Killed and wounded, indexed as `events` (`None`: no event there states it).
    pub killed: Vec<Option<u64>>,
    pub wounded: Vec<Option<u64>>,
    /// Per class: its events that name no country.
    pub no_country: Vec<u32>,
}

/// The most (class, year) cells kept: beyond, the statistics are counted per event.
const MAX_CLASS_YEARS: usize = 1 << 18;

impl ClassYears {
    /// `casualties(i)`: event `i`'s killed and wounded (read only where its
    /// brief says it has figures). `None` where the table would be too large.
    pub fn new(
        briefs: &[Brief],
        classes: &Classes,
        casualties: impl Fn(usize) -> (Option<u64>, Option<u64>),
    ) -> Option<ClassYears> {
        if classes.of.len() != briefs.len() {
            return None;
        }
        let first = briefs.iter().map(|b| b.year).min().unwrap_or(0);
        let last = briefs.iter().map(|b| b.year).max().unwrap_or(0);
        let years = usize::try_from(i64::from(last) - i64::from(first) + 1).ok()?;
        let cells = classes.class.len().checked_mul(years)?;
        if cells > MAX_CLASS_YEARS {
            return None;
        }
        let mut out = ClassYears {
            first,
            years,
            events: vec![0; cells],
            killed: vec![None; cells],
            wounded: vec![None; cells],
            no_country: vec![0; classes.class.len()],
        };
        for (i, (b, &c)) in briefs.iter().zip(&classes.of).enumerate() {
            let at = usize::from(c) * years + (b.year - first) as usize;
            out.events[at] += 1;
            if b.casualties {
                let (k, w) = casualties(i);
                crate::stats::add_stated(&mut out.killed[at], k);
                crate::stats::add_stated(&mut out.wounded[at], w);
            }
            out.no_country[usize::from(c)] += u32::from(b.no_country);
        }
        Some(out)
    }
}
