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

/// Calls `f` with the index of each set bit, lowest first.
pub fn each_bit(mut bits: u64, mut f: impl FnMut(usize)) {
    while bits != 0 {
        f(bits.trailing_zeros() as usize);
        bits &= bits - 1;
    }
}
