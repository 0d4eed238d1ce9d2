//! The domain types of a dataset: events, kinds, countries, sources.
//! Built only by the loader (`crate::load`), which validates every field.

use crate::date::{display_range, PartialDate};
use std::collections::BTreeMap;

pub use crate::category::{Category, Kind, Shape};

/// Whether an event belongs to the states it names or to the organisation as a whole.
///
/// An organisation-wide event (a declaration, a treaty of all members, a
/// membership decision) matches a country filter whenever the filter selects
/// any *member* state, besides matching the states it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Scope {
    #[default]
    Local,
    Organisation,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Local => "local",
            Scope::Organisation => "organisation",
        }
    }
}

/// A state's relation to the SCO, per the dataset's metadata.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Member,
    Observer,
    DialoguePartner,
    Other,
}

impl Status {
    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "member" => Some(Status::Member),
            "observer" => Some(Status::Observer),
            "dialogue_partner" => Some(Status::DialoguePartner),
            "other" => Some(Status::Other),
            _ => None,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Status::Member => "member state",
            Status::Observer => "observer",
            Status::DialoguePartner => "dialogue partner",
            Status::Other => "other state",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2, upper case.
    pub code: String,
    pub name: String,
    pub status: Status,
    /// The year the status began, where the source gives it.
    pub since: Option<i32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Casualties {
    pub killed: Option<u64>,
    pub wounded: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRef {
    /// The `id` of an entry of the metadata's `sources`.
    pub document: String,
    pub section: String,
    pub url: Option<String>,
    pub quote: Option<String>,
    /// Which copy of the document the quote is found in: `file` (the
    /// original) or `reading_copy` (a repaired copy), as the metadata lists them.
    pub quote_in: Option<QuoteIn>,
}

/// A document's copies a quote can be looked up in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteIn {
    File,
    ReadingCopy,
}

impl QuoteIn {
    pub fn parse(s: &str) -> Option<QuoteIn> {
        match s {
            "file" => Some(QuoteIn::File),
            "reading_copy" => Some(QuoteIn::ReadingCopy),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteIn::File => "file",
            QuoteIn::ReadingCopy => "reading_copy",
        }
    }
    /// For the details: "the original text", "the reading copy".
    pub fn label(self) -> &'static str {
        match self {
            QuoteIn::File => "the original text",
            QuoteIn::ReadingCopy => "the reading copy (glyphs lost in extraction restored)",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    pub countries: Vec<String>,
    pub places: Vec<String>,
    pub casualties: Option<Casualties>,
    pub scope: Scope,
    pub summary: String,
    /// How a value the source does not state outright was read.
    pub note: Option<String>,
    /// Ids of events the source connects with this one (one direction as
    /// written; [`Dataset::related`] gives both).
    pub related: Vec<String>,
    /// Where an imported entry linked to (its text's http(s) links).
    pub links: Vec<Link>,
    /// Empty only in a dataset that lists no sources.
    pub sources: Vec<SourceRef>,
}

/// A link kept from an entry's text: where it goes, and what it said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    pub text: String,
}

impl Event {
    /// First day covered (Julian day number).
    pub fn start_day(&self) -> i32 {
        self.date.first_day()
    }
    /// Last day covered, inclusive: the end of `end`, or of `date` at its precision.
    pub fn end_day(&self) -> i32 {
        self.end.unwrap_or(self.date).last_day()
    }
    /// The date as the source gives it: "17–19 April 2009", "April 2001".
    pub fn date_label(&self) -> String {
        display_range(self.date, self.end)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SourceDoc {
    pub id: String,
    pub title: String,
    pub author: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// The document's text as received (a path or name).
    pub file: Option<String>,
    /// A repaired copy for reading, where the original lost text.
    pub reading_copy: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Metadata {
    pub title: String,
    pub description: String,
    pub sources: Vec<SourceDoc>,
    pub countries: Vec<Country>,
    /// In lane order; never empty once a dataset has events.
    pub categories: Vec<Category>,
}

/// A validated dataset: events sorted by time (ties by id), countries by code lookup.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Dataset {
    pub meta: Metadata,
    pub events: Vec<Event>,
    country_index: BTreeMap<String, usize>,
    search: Vec<String>,
    /// Per event: indexes (into `meta.countries`) of its countries. Built once.
    country_ids: Vec<Vec<u16>>,
    /// Per country index: whether it is a member state.
    member: Vec<bool>,
    /// Per country index: whether any event names it.
    used: Vec<bool>,
    /// Event id → index into `events`.
    id_index: std::collections::HashMap<String, usize>,
    /// Per event: indexes of related events, both directions, in time order.
    related: Vec<Vec<usize>>,
}

impl Dataset {
    pub fn new(meta: Metadata, events: Vec<Event>) -> Self {
        // Sort on keys computed once (calendar arithmetic is not free).
        let mut keyed: Vec<_> = events
            .into_iter()
            .map(|e| ((e.start_day(), e.date.precision(), e.end_day(), e.kind), e))
            .collect();
        keyed.sort_by(|(ka, a), (kb, b)| ka.cmp(kb).then_with(|| a.id.cmp(&b.id)));
        let events: Vec<Event> = keyed.into_iter().map(|(_, e)| e).collect();
        let country_index: BTreeMap<String, usize> = meta
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.clone(), i))
            .collect();
        let search = events
            .iter()
            .map(|e| {
                let mut h = crate::text::fold(&e.title);
                h.push('\n');
                h.push_str(&crate::text::fold(&e.summary));
                for p in &e.places {
                    h.push('\n');
                    h.push_str(&crate::text::fold(p));
                }
                if let Some(n) = &e.note {
                    h.push('\n');
                    h.push_str(&crate::text::fold(n));
                }
                h
            })
            .collect();
        let country_ids = events
            .iter()
            .map(|e| {
                e.countries
                    .iter()
                    .filter_map(|c| country_index.get(c).map(|&i| i as u16))
                    .collect()
            })
            .collect();
        let member = meta
            .countries
            .iter()
            .map(|c| c.status == Status::Member)
            .collect();
        let mut used = vec![false; meta.countries.len()];
        for ids in &country_ids {
            for &k in ids as &Vec<u16> {
                used[k as usize] = true;
            }
        }
        let id_index: std::collections::HashMap<String, usize> = events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let mut related = vec![Vec::new(); events.len()];
        for (i, e) in events.iter().enumerate() {
            for j in e
                .related
                .iter()
                .filter_map(|id| id_index.get(id).copied())
                .filter(|&j| j != i)
            {
                related[i].push(j);
                related[j].push(i);
            }
        }
        for r in &mut related {
            r.sort_unstable();
            r.dedup();
        }
        Dataset {
            meta,
            events,
            country_index,
            search,
            country_ids,
            member,
            used,
            id_index,
            related,
        }
    }

    /// The category of `kind` (a fallback for an index out of range).
    pub fn category(&self, kind: Kind) -> &Category {
        static FALLBACK: std::sync::OnceLock<Category> = std::sync::OnceLock::new();
        self.meta
            .categories
            .get(kind.index())
            .unwrap_or_else(|| FALLBACK.get_or_init(|| Category::found("event", 0)))
    }

    /// The category with this id.
    pub fn kind_of(&self, id: &str) -> Option<Kind> {
        self.meta
            .categories
            .iter()
            .position(|c| c.id == id)
            .map(|i| Kind(i as u16))
    }

    /// Every category, in lane order.
    pub fn kinds(&self) -> impl Iterator<Item = Kind> + '_ {
        (0..self.meta.categories.len()).map(|i| Kind(i as u16))
    }

    /// The position of a country in the metadata.
    pub fn country_index_of(&self, code: &str) -> Option<usize> {
        self.country_index.get(code).copied()
    }

    /// Indexes (into `meta.countries`) of event `i`'s countries.
    pub fn country_ids(&self, i: usize) -> &[u16] {
        &self.country_ids[i]
    }

    /// Whether any event names the country (by code).
    pub fn names_country(&self, code: &str) -> bool {
        self.country_index_of(code).is_some_and(|k| self.used[k])
    }

    /// Whether country index `k` is a member state.
    pub fn is_member_index(&self, k: usize) -> bool {
        self.member.get(k).copied().unwrap_or(false)
    }

    /// Lower-cased title, summary and places of event `i`, for text search (built once).
    pub fn search_text(&self, i: usize) -> &str {
        &self.search[i]
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_index
            .get(code)
            .map(|&i| &self.meta.countries[i])
    }

    /// The country's name, or the code itself when the metadata does not list it.
    pub fn country_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.country(code).map(|c| c.name.as_str()).unwrap_or(code)
    }

    pub fn is_member(&self, code: &str) -> bool {
        self.country(code)
            .is_some_and(|c| c.status == Status::Member)
    }

    pub fn source_doc(&self, id: &str) -> Option<&SourceDoc> {
        self.meta.sources.iter().find(|s| s.id == id)
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        self.position(id).map(|i| &self.events[i])
    }

    /// The index of the event with this id (an index built once).
    pub fn position(&self, id: &str) -> Option<usize> {
        self.id_index.get(id).copied()
    }

    /// Indexes of the events related to event `i`, in either direction, in time order.
    pub fn related(&self, i: usize) -> &[usize] {
        &self.related[i]
    }

    /// First and last day (inclusive) covered by any event, or `None` when empty.
    pub fn span(&self) -> Option<(i32, i32)> {
        let start = self.events.iter().map(Event::start_day).min()?;
        let end = self.events.iter().map(Event::end_day).max()?;
        Some((start, end))
    }
}
