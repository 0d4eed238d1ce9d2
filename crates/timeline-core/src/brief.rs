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

/// Per event, its countries as bits (bit k: country index k), where that says
/// all there is: at most 64 countries and no event naming one twice. Empty
/// otherwise (the filter then reads the country lists).
pub fn country_bits(n_countries: usize, ids: &[u16], at: &[u32]) -> Vec<u64> {
    if n_countries > 64 {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(at.len().saturating_sub(1));
    for w in at.windows(2) {
        let mut bits = 0u64;
        for &k in &ids[w[0] as usize..w[1] as usize] {
            if bits & (1 << k) != 0 {
                return Vec::new();
            }
            bits |= 1 << k;
        }
        out.push(bits);
    }
    out
}

/// Calls `f` with the index of each set bit, lowest first.
pub fn each_bit(mut bits: u64, mut f: impl FnMut(usize)) {
    while bits != 0 {
        f(bits.trailing_zeros() as usize);
        bits &= bits - 1;
    }
}
