//! Faceted filtering: countries, kinds, a date range and free text.
//!
//! Facets combine with AND; values within one facet combine with OR. A facet
//! set to `None` does not constrain; `Some(empty set)` shows nothing ("none";
//! only an old `c=none` link produces it, the controls never do).
//!
//! Selection works as in every faceted explorer ([`toggle_facet`]): nothing
//! selected means no filter; a click on a value selects it, more clicks add
//! values (OR), a selected value clicked again leaves the selection, and when
//! the last one leaves the facet no longer constrains.
//!
//! Countries: an event matches the selected states when it names one of them,
//! or when it is organisation-wide ([`crate::model::Scope::Organisation`]) and any selected
//! state is a member of the organisation.

use crate::brief::each_bit;
use crate::date::PartialDate;
use crate::model::Dataset;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Filter {
    pub countries: Option<BTreeSet<String>>,
    /// Category ids (`Category::id`).
    pub kinds: Option<BTreeSet<String>>,
    /// Events ending before the first day of `from` are left out.
    pub from: Option<PartialDate>,
    /// Events starting after the last day of `to` are left out.
    pub to: Option<PartialDate>,
    /// Words to find, case-insensitively, in title, summary or places (all words must match).
    pub text: String,
}

pub use crate::text::fold;

/// A filter resolved against one dataset: masks over country and kind
/// indexes, day numbers, folded words. Testing an event is then a few array
/// reads, with no string comparison unless there is search text.
struct Compiled {
    /// `None`: all countries. Otherwise selected[k] for country index k.
    countries: Option<Vec<bool>>,
    any_member: bool,
    kinds: Option<Vec<bool>>,
    from: Option<i32>,
    to: Option<i32>,
    words: Vec<String>,
}

impl Compiled {
    fn new(f: &Filter, ds: &Dataset) -> Self {
        let countries = f.countries.as_ref().map(|set| {
            let mut mask = vec![false; ds.meta.countries.len()];
            for code in set {
                if let Some(k) = ds.country_index_of(code) {
                    mask[k] = true;
                }
            }
            mask
        });
        let any_member = countries.as_ref().is_some_and(|m| {
            m.iter()
                .enumerate()
                .any(|(k, &on)| on && ds.is_member_index(k))
        });
        let kinds = f.kinds.as_ref().map(|set| {
            let mut mask = vec![false; ds.meta.categories.len()];
            for id in set {
                if let Some(k) = ds.kind_of(id) {
                    mask[k.index()] = true;
                }
            }
            mask
        });
        Compiled {
            countries,
            any_member,
            kinds,
            from: f.from.map(|d| d.first_day()),
            to: f.to.map(|d| d.last_day()),
            words: fold(&f.text).split_whitespace().map(String::from).collect(),
        }
    }

    fn country_ok(&self, ds: &Dataset, i: usize, organisation: bool) -> bool {
        match &self.countries {
            None => true,
            Some(mask) => {
                (self.any_member && organisation)
                    || ds.country_ids(i).iter().any(|&k| mask[k as usize])
            }
        }
    }

    fn text_ok(&self, ds: &Dataset, i: usize) -> bool {
        self.words.is_empty()
            || self
                .words
                .iter()
                .all(|w| ds.search_text(i).contains(w.as_str()))
    }

    /// Whether event `i` passes (kinds, countries) and the rest of the filter:
    /// (its kind passes, its countries pass, the dates and text pass). The text
    /// is searched only where it decides something.
    fn parts(&self, ds: &Dataset, i: usize) -> (bool, bool, bool) {
        let b = ds.brief(i);
        let kind = self
            .kinds
            .as_ref()
            .is_none_or(|m| m.get(b.kind.index()).copied().unwrap_or(false));
        let (first, last) = ds.days(i);
        let dates = self.from.is_none_or(|f| last >= f) && self.to.is_none_or(|t| first <= t);
        let country = self.country_ok(ds, i, b.organisation);
        let rest = dates && (kind || country) && self.text_ok(ds, i);
        (kind, country, rest)
    }

    fn matches(&self, ds: &Dataset, i: usize) -> bool {
        let (kind, country, rest) = self.parts(ds, i);
        kind && country && rest
    }
}

/// One click on a facet value: selects it when nothing is selected, adds it
/// to the selection, or takes it out when it is selected (and then, if the
/// selection is empty, removes the facet's constraint altogether).
pub fn toggle_facet<T: Ord + Clone>(current: &Option<BTreeSet<T>>, item: T) -> Option<BTreeSet<T>> {
    let mut set = current.clone().unwrap_or_default();
    if !set.remove(&item) {
        set.insert(item);
    }
    (!set.is_empty()).then_some(set)
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// A click on a country chip (or its shape on the map), see [`toggle_facet`].
    pub fn toggle_country(&mut self, code: &str) {
        self.countries = toggle_facet(&self.countries, code.to_string());
    }

    /// A click on a kind in the legend, see [`toggle_facet`].
    pub fn toggle_kind(&mut self, kind: &str) {
        self.kinds = toggle_facet(&self.kinds, kind.to_string());
    }

    /// "Only this kind": the selection becomes exactly `kind`.
    pub fn only_kind(&mut self, kind: &str) {
        self.kinds = Some(BTreeSet::from([kind.to_string()]));
    }

    /// Whether a facet value is selected (pressed). Nothing is pressed while
    /// the facet does not constrain.
    pub fn country_selected(&self, code: &str) -> bool {
        self.countries.as_ref().is_some_and(|s| s.contains(code))
    }

    /// See [`Filter::country_selected`].
    pub fn kind_selected(&self, kind: &str) -> bool {
        self.kinds.as_ref().is_some_and(|s| s.contains(kind))
    }

    /// Whether event `i` of the dataset passes every facet.
    pub fn matches(&self, ds: &Dataset, i: usize) -> bool {
        Compiled::new(self, ds).matches(ds, i)
    }

    /// Indexes (into `ds.events`) of the events that pass, in time order.
    pub fn apply(&self, ds: &Dataset) -> Vec<usize> {
        let c = Compiled::new(self, ds);
        match c.tally_bits(ds, true) {
            Some(t) => t.shown,
            None => (0..ds.events.len()).filter(|&i| c.matches(ds, i)).collect(),
        }
    }

    /// For every country and kind: how many events the view shows with that
    /// value alone selected in its facet, given the other facets as they are.
    /// This is what a first click on it shows, and what it adds to a selection
    /// at most (a country's count includes the organisation-wide events that
    /// match it by the documented rule).
    pub fn facet_counts(&self, ds: &Dataset) -> FacetCounts {
        self.pass(ds, false).1
    }

    /// [`Filter::apply`] and [`Filter::facet_counts`] in one pass over the events.
    pub fn apply_counted(&self, ds: &Dataset) -> (Vec<usize>, FacetCounts) {
        self.pass(ds, true)
    }

    fn pass(&self, ds: &Dataset, list: bool) -> (Vec<usize>, FacetCounts) {
        let c = Compiled::new(self, ds);
        let t = c.tally_bits(ds, list).unwrap_or_else(|| c.tally(ds, list));
        let mut counts = FacetCounts::default();
        for (k, country) in ds.meta.countries.iter().enumerate() {
            let extra = if ds.is_member_index(k) {
                t.organisation_wide
            } else {
                0
            };
            counts
                .countries
                .insert(country.code.clone(), t.by_country[k] + extra);
            counts.named.insert(country.code.clone(), t.named[k]);
        }
        for (c, n) in ds.meta.categories.iter().zip(t.by_kind) {
            counts.kinds.insert(c.id.clone(), n);
        }
        (t.shown, counts)
    }
}

/// A filter without dates or text, decided per class of events
/// ([`crate::brief::Classes`]): which classes it shows, and its masks over
/// the events' bits ([`crate::brief::EventBits::select`]) — what the chart's
/// lanes and the statistics are read from, rather than event by event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    /// The countries selected, as bits by country index (`None`: any).
    pub countries: Option<u64>,
    /// Organisation-wide events pass too (a member state is selected).
    pub organisation: bool,
    /// The kinds selected, as bits by kind index (`None`: any).
    pub kinds: Option<u64>,
    /// Per class (`Classes::class`): whether its events are shown.
    pub shows: Vec<bool>,
}

impl Selection {
    /// The shown events of each kind (by kind index; indexes into
    /// `Dataset::events`, in order), read off the events' bits in one pass;
    /// `None` where the dataset has none (or is not the one it was made for).
    pub fn by_kind(&self, ds: &Dataset) -> Option<Vec<Vec<usize>>> {
        let (bits, classes) = (ds.event_bits()?, ds.classes()?);
        if self.shows.len() != classes.class.len() {
            return None;
        }
        let mut expected = vec![0; ds.meta.categories.len()];
        for (c, _) in classes.class.iter().zip(&self.shows).filter(|(_, &on)| on) {
            if let Some(n) = expected.get_mut(c.kind) {
                *n += c.events;
            }
        }
        let mut lists =
            bits.select_by_kind(self.countries, self.organisation, self.kinds, &expected);
        lists.resize_with(ds.meta.categories.len(), Vec::new);
        Some(lists)
    }
}

impl Filter {
    /// The filter decided per class, where it can be: no dates, no text, and
    /// a dataset with classes and events' bits. Shows what [`Filter::apply`] shows.
    pub fn selection(&self, ds: &Dataset) -> Option<Selection> {
        let c = Compiled::new(self, ds);
        if c.from.is_some() || c.to.is_some() || !c.words.is_empty() {
            return None;
        }
        let (classes, _, combos) = (ds.classes()?, ds.event_bits()?, ds.columns()?.2);
        if ds.meta.categories.len() > 64 || ds.meta.countries.len() > 64 {
            return None;
        }
        let countries = c.countries.as_ref().map(|m| mask_bits(m));
        let kinds = c.kinds.as_ref().map(|m| mask_bits(m));
        let shows = classes
            .class
            .iter()
            .map(|cl| {
                let kind = kinds.is_none_or(|m| cl.kind < 64 && m >> cl.kind & 1 != 0);
                let set = combos.bits.get(cl.set as usize).copied().unwrap_or(0);
                let country =
                    countries.is_none_or(|m| set & m != 0 || (c.any_member && cl.organisation));
                kind && country
            })
            .collect();
        Some(Selection {
            countries,
            organisation: c.any_member,
            kinds,
            shows,
        })
    }
}

/// What one pass over the events finds: the shown, and the facet counts by index.
struct Tally {
    shown: Vec<usize>,
    by_country: Vec<usize>,
    named: Vec<usize>,
    organisation_wide: usize,
    by_kind: Vec<usize>,
}

impl Tally {
    fn new(ds: &Dataset) -> Tally {
        let n = ds.meta.countries.len();
        Tally {
            shown: Vec::new(),
            by_country: vec![0; n],
            named: vec![0; n],
            organisation_wide: 0,
            by_kind: vec![0; ds.meta.categories.len()],
        }
    }
}

impl Compiled {
    /// The pass, reading each event's country list (any dataset).
    fn tally(&self, ds: &Dataset, list: bool) -> Tally {
        let mut t = Tally::new(ds);
        for i in 0..ds.events.len() {
            let (kind, country, rest) = self.parts(ds, i);
            if !rest {
                continue;
            }
            if list && kind && country {
                t.shown.push(i);
            }
            if kind {
                // Counted as the statistics count "events per country" (stats.rs).
                let ids = ds.country_ids(i);
                for &k in ids {
                    t.named[k as usize] += 1;
                }
                if ds.brief(i).organisation {
                    t.organisation_wide += 1;
                    // Members count it once, below; others only if the event names them.
                    count_once(ids, &mut t.by_country, |k| !ds.is_member_index(k));
                } else {
                    count_once(ids, &mut t.by_country, |_| true);
                }
            }
            if country {
                if let Some(n) = t.by_kind.get_mut(ds.brief(i).kind.index()) {
                    *n += 1;
                }
            }
        }
        t
    }

    /// The same pass over packed columns and country bits, where the dataset
    /// has them and no text is searched: a few ns an event (1,000,000 in a frame).
    fn tally_bits(&self, ds: &Dataset, list: bool) -> Option<Tally> {
        let (briefs, days, combos) = ds.columns()?;
        if !self.words.is_empty() || ds.meta.categories.len() > 64 {
            return None;
        }
        let (all_kinds, kinds) = (
            self.kinds.is_none(),
            self.kinds.as_ref().map_or(0, |m| mask_bits(m)),
        );
        let countries = self.countries.as_ref().map(|m| mask_bits(m));
        let members = (0..ds.meta.countries.len())
            .filter(|&k| ds.is_member_index(k))
            .fold(0u64, |b, k| b | 1 << k);
        let pass = |set: u64, organisation: bool, k: usize| {
            let kind = all_kinds || (k < 64 && kinds >> k & 1 != 0);
            let country =
                countries.is_none_or(|m| set & m != 0 || (self.any_member && organisation));
            (kind, country)
        };
        if self.from.is_none() && self.to.is_none() {
            if let Some(classes) = ds.classes() {
                // The shown read off the events' bits, 64 at a time, where the dataset has them.
                let by_bits = ds.event_bits().map(|bits| {
                    let kinds = (!all_kinds).then_some(kinds);
                    move |n: usize| bits.select(countries, self.any_member, kinds, n)
                });
                return Some(tally_classes(ds, classes, list, pass, by_bits));
            }
        }
        let (from, to) = (self.from.unwrap_or(i32::MIN), self.to.unwrap_or(i32::MAX));
        let mut t = Tally::new(ds);
        // Per set of countries and organisation-wide or not: the events of a
        // kind that passes (turned into counts per country after the pass).
        let mut per_set = vec![0usize; combos.bits.len() * 2];
        let rows = briefs.iter().zip(days).zip(&combos.of).enumerate();
        for (i, ((b, &(first, last)), &set)) in rows {
            if last < from || first > to {
                continue;
            }
            let k = b.kind.index();
            let (kind, country) = pass(combos.bits[set as usize], b.organisation, k);
            if list && kind && country {
                t.shown.push(i);
            }
            if kind {
                per_set[set as usize * 2 + usize::from(b.organisation)] += 1;
            }
            if country {
                if let Some(n) = t.by_kind.get_mut(k) {
                    *n += 1;
                }
            }
        }
        per_country(&mut t, &per_set, &combos.bits, members);
        Some(t)
    }
}

/// The counts per country from the counts per set and scope (`per_set[set
/// * 2 + organisation-wide]`): members count an organisation-wide event
/// once, beside the sets (`Tally::organisation_wide`).
fn per_country(t: &mut Tally, per_set: &[usize], bits: &[u64], members: u64) {
    for (j, &n) in per_set.iter().enumerate().filter(|(_, &n)| n > 0) {
        let cb = bits[j / 2];
        let counted = if j % 2 == 1 {
            t.organisation_wide += n;
            cb & !members
        } else {
            cb
        };
        each_bit(cb, |k| t.named[k] += n);
        each_bit(counted, |k| t.by_country[k] += n);
    }
}

/// [`Compiled::tally_bits`] without dates: `pass` (kind and countries pass)
/// decided once per class, the counts summed over the classes, and the
/// shown made by `by_bits` (given how many) where the dataset has its
/// events' bits, else read off each event's class (2 bytes an event).
fn tally_classes(
    ds: &Dataset,
    classes: &crate::brief::Classes,
    list: bool,
    pass: impl Fn(u64, bool, usize) -> (bool, bool),
    by_bits: Option<impl Fn(usize) -> Vec<usize>>,
) -> Tally {
    let bits = ds.columns().map_or(&[][..], |c| &c.2.bits[..]);
    let members = (0..ds.meta.countries.len())
        .filter(|&k| ds.is_member_index(k))
        .fold(0u64, |b, k| b | 1 << k);
    let mut t = Tally::new(ds);
    let mut per_set = vec![0usize; bits.len() * 2];
    let mut shows = Vec::with_capacity(classes.class.len());
    let mut n_shown = 0;
    for c in &classes.class {
        let (kind, country) = pass(bits[c.set as usize], c.organisation, c.kind);
        shows.push(kind && country);
        n_shown += usize::from(kind && country) * c.events;
        if kind {
            per_set[c.set as usize * 2 + usize::from(c.organisation)] += c.events;
        }
        if country {
            if let Some(n) = t.by_kind.get_mut(c.kind) {
                *n += c.events;
            }
        }
    }
    if list {
        t.shown = if n_shown == classes.of.len() {
            (0..n_shown).collect()
        } else if let Some(by_bits) = by_bits {
            by_bits(n_shown)
        } else {
            // Every index written, the next one over it unless it shows: no
            // branch to mispredict (an event in eight shows, at random).
            let mut shown = vec![0; n_shown + 1];
            let mut at = 0;
            for (i, &c) in classes.of.iter().enumerate() {
                shown[at] = i;
                at += usize::from(shows[c as usize]);
            }
            shown.truncate(n_shown);
            shown
        };
    }
    per_country(&mut t, &per_set, bits, members);
    t
}

/// Adds one to each country of `ids` that `counts` lets count, once even
/// where an event names a country twice.
fn count_once(ids: &[u16], by_country: &mut [usize], counts: impl Fn(usize) -> bool) {
    for (j, &k) in ids.iter().enumerate() {
        if counts(k as usize) && !ids[..j].contains(&k) {
            by_country[k as usize] += 1;
        }
    }
}

/// How many events each facet value would show.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct FacetCounts {
    /// What a first click on the country shows: the events naming it and,
    /// for a member state, the SCO-wide ones.
    pub countries: BTreeMap<String, usize>,
    /// Of those, the events that name the country (what the statistics'
    /// "events per country" and the summary's "most named state" count).
    pub named: BTreeMap<String, usize>,
    /// By category id.
    pub kinds: BTreeMap<String, usize>,
}

impl Filter {
    /// The active filters in words, for exports and captions:
    /// "Countries: Russia, Kazakhstan · Kinds: attacks · 2004 – June 2009 · Search: “moscow”".
    pub fn describe(&self, ds: &Dataset) -> String {
        let mut parts = Vec::new();
        match &self.countries {
            None => parts.push("All countries".to_string()),
            Some(s) if s.is_empty() => parts.push("No countries".to_string()),
            Some(s) => parts.push(format!(
                "Countries: {}",
                s.iter()
                    .map(|c| ds.country_name(c))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
        match &self.kinds {
            None => parts.push("all kinds".to_string()),
            Some(k) if k.is_empty() => parts.push("no kinds".to_string()),
            Some(k) => parts.push(format!(
                "Kinds: {}",
                k.iter()
                    .map(|k| {
                        ds.kind_of(k)
                            .map_or(k.clone(), |k| ds.category(k).plural.to_lowercase())
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
        match (self.from, self.to) {
            (None, None) => {}
            (Some(f), None) => parts.push(format!("from {}", f.display())),
            (None, Some(t)) => parts.push(format!("until {}", t.display())),
            (Some(f), Some(t)) => parts.push(format!("{} – {}", f.display(), t.display())),
        }
        if !self.text.trim().is_empty() {
            parts.push(format!("Search: “{}”", self.text.trim()));
        }
        parts.join(" · ")
    }
}

/// A mask of up to 64 (a kind or a country a bit): bit k set where `m[k]` is.
fn mask_bits(m: &[bool]) -> u64 {
    m.iter()
        .enumerate()
        .filter(|(_, &on)| on)
        .fold(0u64, |b, (k, _)| b | 1 << k)
}
