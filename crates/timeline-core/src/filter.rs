//! Faceted filtering: countries, kinds, a date range and free text.
//!
//! Facets combine with AND; values within one facet combine with OR. A facet
//! set to `None` does not constrain; `Some(empty set)` shows nothing ("none").
//!
//! Countries: an event matches the selected states when it names one of them,
//! or when it is organisation-wide ([`Scope::Organisation`]) and any selected
//! state is a member of the organisation.

use crate::date::PartialDate;
use crate::model::{Dataset, Event, Kind, Scope};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Filter {
    pub countries: Option<BTreeSet<String>>,
    pub kinds: Option<BTreeSet<Kind>>,
    /// Events ending before the first day of `from` are left out.
    pub from: Option<PartialDate>,
    /// Events starting after the last day of `to` are left out.
    pub to: Option<PartialDate>,
    /// Words to find, case-insensitively, in title, summary or places (all words must match).
    pub text: String,
}

/// Which facet to leave out when counting (the facet being counted).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Skip {
    None,
    Countries,
    Kinds,
}

/// Lower-cases text for search, folding curly quotes to straight ones.
pub fn fold(s: &str) -> String {
    s.to_lowercase().replace(['’', '‘'], "'")
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    fn words(&self) -> Vec<String> {
        fold(&self.text).split_whitespace().map(String::from).collect()
    }

    /// Whether event `i` of the dataset passes every facet.
    pub fn matches(&self, ds: &Dataset, i: usize) -> bool {
        self.matches_with(ds, i, &self.words(), Skip::None)
    }

    fn matches_with(&self, ds: &Dataset, i: usize, words: &[String], skip: Skip) -> bool {
        let e = &ds.events[i];
        (skip == Skip::Countries || self.countries.as_ref().is_none_or(|set| country_match(ds, e, set)))
            && (skip == Skip::Kinds || self.kinds.as_ref().is_none_or(|k| k.contains(&e.kind)))
            && self.from.is_none_or(|f| e.end_day() >= f.first_day())
            && self.to.is_none_or(|t| e.start_day() <= t.last_day())
            && words.iter().all(|w| ds.search_text(i).contains(w.as_str()))
    }

    /// Indexes (into `ds.events`) of the events that pass, in time order.
    pub fn apply(&self, ds: &Dataset) -> Vec<usize> {
        let words = self.words();
        (0..ds.events.len()).filter(|&i| self.matches_with(ds, i, &words, Skip::None)).collect()
    }

    /// For every country and kind: how many events it would show, given the
    /// other facets as they are.
    pub fn facet_counts(&self, ds: &Dataset) -> FacetCounts {
        let words = self.words();
        let mut counts = FacetCounts::default();
        for c in &ds.meta.countries {
            counts.countries.insert(c.code.clone(), 0);
        }
        for k in Kind::ALL {
            counts.kinds.insert(k, 0);
        }
        let members: Vec<&str> =
            ds.meta.countries.iter().filter(|c| ds.is_member(&c.code)).map(|c| c.code.as_str()).collect();
        for (i, e) in ds.events.iter().enumerate() {
            if self.matches_with(ds, i, &words, Skip::Countries) {
                let mut hit: BTreeSet<&str> = e.countries.iter().map(String::as_str).collect();
                if e.scope == Scope::Organisation {
                    hit.extend(members.iter().copied());
                }
                for code in hit {
                    *counts.countries.entry(code.to_string()).or_default() += 1;
                }
            }
            if self.matches_with(ds, i, &words, Skip::Kinds) {
                *counts.kinds.entry(e.kind).or_default() += 1;
            }
        }
        counts
    }
}

/// How many events each facet value would show.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct FacetCounts {
    pub countries: BTreeMap<String, usize>,
    pub kinds: BTreeMap<Kind, usize>,
}

/// The country rule, shared by the filter and the counts.
pub fn country_match(ds: &Dataset, e: &Event, selected: &BTreeSet<String>) -> bool {
    e.countries.iter().any(|c| selected.contains(c))
        || (e.scope == Scope::Organisation && selected.iter().any(|c| ds.is_member(c)))
}
