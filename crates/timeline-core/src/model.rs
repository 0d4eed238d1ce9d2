//! The domain types of a dataset: events, kinds, countries, sources.
//! Built only by the loader (`crate::load`), which validates every field.

use crate::date::{display_range, PartialDate};
use std::collections::BTreeMap;
use thin_vec::ThinVec;

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
    /// As the data writes it (`member`, `observer`, `dialogue_partner`, `other`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Member => "member",
            Status::Observer => "observer",
            Status::DialoguePartner => "dialogue_partner",
            Status::Other => "other",
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
            QuoteIn::ReadingCopy => {
                "the reading copy (passages extracted in a shifted encoding, read back)"
            }
        }
    }
}

/// An event. Its lists are `ThinVec`s (one pointer each, no allocation when
/// empty): at 1,000,000 events the struct's size is most of the memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    pub countries: ThinVec<String>,
    pub places: ThinVec<String>,
    /// Boxed: most events give none, and two optional counts are 32 bytes.
    pub casualties: Option<Box<Casualties>>,
    pub scope: Scope,
    pub summary: String,
    /// How a value the source does not state outright was read.
    pub note: Option<String>,
    /// Ids of events the source connects with this one (one direction as
    /// written; [`Dataset::related`] gives both).
    pub related: ThinVec<String>,
    /// Where an imported entry linked to (its text's http(s) links).
    pub links: ThinVec<Link>,
    /// Empty only in a dataset that lists no sources.
    pub sources: ThinVec<SourceRef>,
    /// What the entry adds to its source: values the source does not give.
    pub added: ThinVec<Addition>,
}

/// What a value the source does not give rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basis {
    /// Known from outside the source ("Nazran is in Ingushetia").
    GeneralKnowledge,
    /// Read from the source's words, beyond what they state.
    Inference,
}

impl Basis {
    pub fn parse(s: &str) -> Option<Basis> {
        match s {
            "general_knowledge" => Some(Basis::GeneralKnowledge),
            "inference" => Some(Basis::Inference),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::GeneralKnowledge => "general_knowledge",
            Basis::Inference => "inference",
        }
    }
    /// For the details: "general knowledge", "inference".
    pub fn label(self) -> &'static str {
        match self {
            Basis::GeneralKnowledge => "general knowledge",
            Basis::Inference => "inference",
        }
    }
}

/// A value an entry adds to its source: which field, on what basis, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Addition {
    /// One of [`ADDABLE_FIELDS`].
    pub field: String,
    pub basis: Basis,
    /// What was added and what it rests on.
    pub text: String,
}

/// The event fields an [`Addition`] may name, with their labels in the details.
pub const ADDABLE_FIELDS: &[(&str, &str)] = &[
    ("title", "Title"),
    ("kind", "Kind"),
    ("date", "Date"),
    ("end", "End"),
    ("countries", "Countries"),
    ("places", "Places"),
    ("casualties", "Casualties"),
    ("scope", "Scope"),
    ("summary", "Summary"),
    ("note", "Note"),
    ("related", "Related"),
    ("links", "Links"),
    ("source", "Source"),
];

/// "(not in the source: general knowledge)"; for a source, what is added is
/// its attribution: "(attributed to this event by inference)".
fn mark_text(field: &str, bases: &[Basis]) -> String {
    let labels: Vec<&str> = bases.iter().map(|b| b.label()).collect();
    if field == "source" {
        format!("(attributed to this event by {})", labels.join(", "))
    } else {
        format!("(not in the source: {})", labels.join(", "))
    }
}

impl Addition {
    /// The field's label: "Date", "Countries".
    pub fn field_label(&self) -> &str {
        ADDABLE_FIELDS
            .iter()
            .find(|(f, _)| *f == self.field)
            .map_or(self.field.as_str(), |(_, l)| l)
    }
    /// The mark beside its value: "(not in the source: inference)".
    pub fn mark(&self) -> String {
        mark_text(&self.field, &[self.basis])
    }
    /// One line for the details: "Date — general knowledge: …".
    pub fn describe(&self) -> String {
        format!(
            "{} — {}: {}",
            self.field_label(),
            self.basis.label(),
            self.text
        )
    }
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
    /// The mark beside a value the source does not give, for the details:
    /// "(not in the source: general knowledge)" when an addition names one of
    /// `fields`; `None` when they all come from the source.
    pub fn added_mark(&self, fields: &[&str]) -> Option<String> {
        let mut bases: Vec<Basis> = Vec::new();
        for a in self
            .added
            .iter()
            .filter(|a| fields.contains(&a.field.as_str()))
        {
            if !bases.contains(&a.basis) {
                bases.push(a.basis);
            }
        }
        (!bases.is_empty()).then(|| mark_text(fields.first().copied().unwrap_or(""), &bases))
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
    /// Folded title, summary, places, note and additions of every event, one
    /// after the other, and where each event's text starts: built on the first
    /// text search (most visits never search; at 1,000,000 events it is as
    /// large as the titles themselves).
    search: std::sync::OnceLock<(String, Vec<u32>)>,
    /// Per event: indexes (into `meta.countries`) of its countries, all in one
    /// list (`country_at[i]..country_at[i + 1]`): two allocations, not one per event.
    country_ids: Vec<u16>,
    country_at: Vec<u32>,
    /// Per country index: whether it is a member state.
    member: Vec<bool>,
    /// Per country index: whether any event names it.
    used: Vec<bool>,
    /// Event indexes sorted by a hash of their id, for lookups by id (no copy
    /// of the ids; sorting numbers, not strings, at 1,000,000 events).
    by_id: Vec<(u32, u32)>,
    /// Per event: indexes of related events, both directions, in time order,
    /// all in one list (`related_at[i]..related_at[i + 1]`).
    /// Empty when no event has a related one (most large datasets): then
    /// `related_at` is empty too, not a million zeros.
    related: Vec<usize>,
    related_at: Vec<u32>,
    /// Per event: its first and last day (calendar arithmetic done once).
    days: Vec<(i32, i32)>,
    /// Per event: what filters and counts read (crate::brief).
    briefs: Vec<crate::brief::Brief>,
    /// Per event: its countries as a set of bits, where they fit (crate::brief::Combos).
    combos: Option<crate::brief::Combos>,
    /// Per event: its class of set, scope and kind, where they are few (crate::brief::Classes).
    classes: Option<crate::brief::Classes>,
    /// Per country, kind and scope: a bit an event, where they are few (crate::brief::EventBits).
    event_bits: Option<crate::brief::EventBits>,
    /// Per class and year: events and casualties, where the table is small
    /// (crate::brief::ClassYears): made on first use (the statistics of a
    /// filter decided per class), after the load's peak of memory — made in
    /// `new`, its few kilobytes cost 2 MB more wasm memory at 1,000,000 events.
    class_years: std::sync::OnceLock<Option<crate::brief::ClassYears>>,
    /// The first and last day of any event.
    span: Option<(i32, i32)>,
    /// The most days any event covers after its first.
    longest: i32,
}

impl Dataset {
    pub fn new(meta: Metadata, events: Vec<Event>) -> Self {
        let mut events = events;
        // Inserted one by one (`collect` would sort: a copy of the standard sort).
        let mut country_index: BTreeMap<String, usize> = BTreeMap::new();
        for (i, c) in meta.countries.iter().enumerate() {
            country_index.insert(c.code.clone(), i);
        }
        // Every column is read off the events in the order given, where their
        // text lies in memory one after the other (a streamed read's file
        // order; after the sort each event's strings would be a cache miss),
        // then put in the dataset's order with the events.
        let (days, order) = in_order(&events);
        // The id index first: its 16-byte keys are gone before the other
        // columns are made (the peak of memory while a large file arrives).
        let by_id = ids_by_hash(&events, order.as_deref());
        let (mut country_ids, mut country_at) = country_lists(&events, &country_index);
        let mut briefs: Vec<crate::brief::Brief> =
            events.iter().map(crate::brief::Brief::of).collect();
        if let Some(order) = order {
            (country_ids, country_at) = reorder_lists(&country_ids, &country_at, &order);
            permute_with(order, |a, b| {
                events.swap(a, b);
                briefs.swap(a, b);
            });
        }
        events.shrink_to_fit();
        let span = days
            .iter()
            .map(|d| d.0)
            .min()
            .zip(days.iter().map(|d| d.1).max());
        let longest = days.iter().map(|d| d.1 - d.0).max().unwrap_or(0);
        let member = meta
            .countries
            .iter()
            .map(|c| c.status == Status::Member)
            .collect();
        let mut used = vec![false; meta.countries.len()];
        for &k in &country_ids {
            used[k as usize] = true;
        }
        let (related, related_at) = related_lists(&events, &by_id);
        let combos = crate::brief::Combos::new(meta.countries.len(), &country_ids, &country_at);
        let classes = combos
            .as_ref()
            .and_then(|c| crate::brief::Classes::new(&briefs, c, meta.categories.len()));
        let event_bits = combos.as_ref().and_then(|c| {
            crate::brief::EventBits::new(&briefs, c, meta.countries.len(), meta.categories.len())
        });
        Dataset {
            meta,
            briefs,
            combos,
            classes,
            event_bits,
            class_years: Default::default(),
            events,
            country_index,
            search: Default::default(),
            country_ids,
            country_at,
            member,
            used,
            by_id,
            related,
            related_at,
            days,
            span,
            longest,
        }
    }

    /// The events in the dataset's order and the metadata, without any of
    /// the indexes: what the worker packs for the page, which builds them
    /// (at 1,000,000 events, half a second the worker need not spend). Only
    /// `meta` and `events` may be read of it.
    pub fn packable(meta: Metadata, events: Vec<Event>) -> Self {
        let mut events = events;
        if let (_, Some(order)) = in_order(&events) {
            permute(&mut events, order);
        }
        Dataset {
            meta,
            events,
            ..Dataset::default()
        }
    }

    /// The events in the order given and the metadata, without indexes: a
    /// streamed read's result, whose events the page has in that order.
    pub fn unordered(meta: Metadata, events: Vec<Event>) -> Self {
        Dataset {
            meta,
            events,
            ..Dataset::default()
        }
    }

    /// The first and last day (inclusive) event `i` covers, computed once.
    pub fn days(&self, i: usize) -> (i32, i32) {
        self.days[i]
    }

    /// The latest last day of the events `shown` (indexes in the dataset's
    /// order, ascending) and the event that has it: read from the last back
    /// only as far as an event could still end later (none is longer than
    /// the longest), not over every one.
    pub fn latest_end(&self, shown: &[usize]) -> Option<(i32, usize)> {
        let mut best: Option<(i32, usize)> = None;
        for &i in shown.iter().rev() {
            let (first, last) = self.days[i];
            if best.is_some_and(|(b, _)| i64::from(first) + i64::from(self.longest) <= i64::from(b))
            {
                break;
            }
            if best.is_none_or(|(b, _)| last > b) {
                best = Some((last, i));
            }
        }
        best
    }

    /// What filters and counts read of event `i`.
    pub fn brief(&self, i: usize) -> crate::brief::Brief {
        self.briefs[i]
    }

    /// Every event's brief, days and country bits, for a pass over all of
    /// them; `None` where the countries do not fit in bits.
    #[allow(clippy::type_complexity)]
    pub fn columns(
        &self,
    ) -> Option<(&[crate::brief::Brief], &[(i32, i32)], &crate::brief::Combos)> {
        let combos = self.combos.as_ref()?;
        (combos.of.len() == self.events.len()).then_some((&self.briefs[..], &self.days[..], combos))
    }

    /// Every event's class (set of countries, scope, kind), where the
    /// dataset has them (crate::brief::Classes).
    pub fn classes(&self) -> Option<&crate::brief::Classes> {
        self.classes
            .as_ref()
            .filter(|c| c.of.len() == self.events.len())
    }

    /// A bit an event per country, kind and scope, where the dataset has
    /// them (crate::brief::EventBits).
    pub fn event_bits(&self) -> Option<&crate::brief::EventBits> {
        self.event_bits
            .as_ref()
            .filter(|b| b.len() == self.events.len())
    }

    /// Per class and year: events and casualties, where the dataset has
    /// them (crate::brief::ClassYears); made on the first call (a pass over
    /// the events' classes).
    pub fn class_years(&self) -> Option<&crate::brief::ClassYears> {
        let classes = self.classes()?;
        let casualties = |i: usize| {
            let c = self.events[i].casualties.as_deref();
            c.map_or((None, None), |c| (c.killed, c.wounded))
        };
        self.class_years
            .get_or_init(|| crate::brief::ClassYears::new(&self.briefs, classes, casualties))
            .as_ref()
            .filter(|y| y.no_country.len() == classes.class.len())
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
        &self.country_ids[self.country_at[i] as usize..self.country_at[i + 1] as usize]
    }

    /// Whether any event names the country (by code).
    pub fn names_country(&self, code: &str) -> bool {
        self.country_index_of(code).is_some_and(|k| self.used[k])
    }

    /// Whether country index `k` is a member state.
    pub fn is_member_index(&self, k: usize) -> bool {
        self.member.get(k).copied().unwrap_or(false)
    }

    /// Folded title, summary, places, note and additions of event `i`, for
    /// text search (built for all events on the first call).
    pub fn search_text(&self, i: usize) -> &str {
        let (text, at) = self.search.get_or_init(|| search_texts(&self.events));
        &text[at[i] as usize..at[i + 1] as usize]
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
        find_id(&self.events, &self.by_id, id)
    }

    /// Indexes of the events related to event `i`, in either direction, in time order.
    pub fn related(&self, i: usize) -> &[usize] {
        match (self.related_at.get(i), self.related_at.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.related[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The `related` addition that marks the link between events `i` and `j`
    /// (written on either side): `None` when the link is the source's own.
    pub fn link_addition(&self, i: usize, j: usize) -> Option<&Addition> {
        let written = |a: usize, b: usize| {
            let (ea, eb) = (&self.events[a], &self.events[b]);
            if ea.related.contains(&eb.id) {
                ea.added.iter().find(|x| x.field == "related")
            } else {
                None
            }
        };
        written(i, j).or_else(|| written(j, i))
    }

    /// What the details of event `i` list as not in the source: its own
    /// additions, then those of the links other events wrote to it.
    pub fn additions_shown(&self, i: usize) -> Vec<&Addition> {
        let mut out: Vec<&Addition> = self.events[i].added.iter().collect();
        for &j in self.related(i) {
            if let Some(a) = self.link_addition(i, j) {
                if !out.iter().any(|x| std::ptr::eq(*x, a)) {
                    out.push(a);
                }
            }
        }
        out
    }

    /// First and last day (inclusive) covered by any event, or `None` when empty.
    pub fn span(&self) -> Option<(i32, i32)> {
        self.span
    }
}

pub(crate) fn id_hash(id: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(id)
}

/// An id's hash in 32 bits (FxHash's high half, its better mixed bits): the
/// id index is then 8 bytes an event, not 16; equal hashes are told apart by text.
pub(crate) fn short_hash(id: &str) -> u32 {
    (id_hash(id) >> 32) as u32
}

/// Event indexes (in the dataset's order: event `k` is `events[order[k]]`)
/// sorted by their id's hash, then index: packed for the shared integer
/// sort. The ids are hashed in the order given (their text one after the
/// other in memory).
fn ids_by_hash(events: &[Event], order: Option<&[u32]>) -> Vec<(u32, u32)> {
    let hashes: Vec<u32> = events.iter().map(|e| short_hash(&e.id)).collect();
    let hash_of = |k: usize| hashes[order.map_or(k, |o| o[k] as usize)];
    let mut packed: Vec<u128> = (0..events.len())
        .map(|k| u128::from(hash_of(k)) << 32 | k as u128)
        .collect();
    drop(hashes);
    crate::order::sort_keys(&mut packed);
    packed
        .into_iter()
        .map(|k| ((k >> 32) as u32, k as u32))
        .collect()
}

/// The index of the event with this id, by `by_id` (event indexes sorted by
/// their id's hash; ids of equal hash are told apart by their text).
fn find_id(events: &[Event], by_id: &[(u32, u32)], id: &str) -> Option<usize> {
    let h = short_hash(id);
    let first = by_id.partition_point(|&(k, _)| k < h);
    by_id[first..]
        .iter()
        .take_while(|&&(k, _)| k == h)
        .map(|&(_, i)| i as usize)
        .find(|&i| events[i].id == id)
}

/// Every event's related events, both directions, deduplicated, in time
/// order, as one list and where each event's part starts.
fn related_lists(events: &[Event], by_id: &[(u32, u32)]) -> (Vec<usize>, Vec<u32>) {
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        for j in e
            .related
            .iter()
            .filter_map(|id| find_id(events, by_id, id))
            .filter(|&j| j != i)
        {
            pairs.push((i, j));
            pairs.push((j, i));
        }
    }
    if pairs.is_empty() {
        return (Vec::new(), Vec::new());
    }
    // Packed for the shared integer sort.
    let mut packed: Vec<u128> = pairs
        .iter()
        .map(|&(i, j)| (i as u128) << 64 | j as u128)
        .collect();
    crate::order::sort_keys(&mut packed);
    let mut pairs: Vec<(usize, usize)> = packed
        .into_iter()
        .map(|k| ((k >> 64) as usize, k as u64 as usize))
        .collect();
    pairs.dedup();
    let mut at = Vec::with_capacity(events.len() + 1);
    let mut k = 0;
    for i in 0..=events.len() {
        while k < pairs.len() && pairs[k].0 < i {
            k += 1;
        }
        at.push(k as u32);
    }
    (pairs.into_iter().map(|(_, j)| j).collect(), at)
}

/// The folded text every event is searched in, one after the other.
fn search_texts(events: &[Event]) -> (String, Vec<u32>) {
    let mut text = String::new();
    let mut at = Vec::with_capacity(events.len() + 1);
    at.push(0u32);
    for e in events {
        text.push_str(&crate::text::fold(&e.title));
        text.push('\n');
        text.push_str(&crate::text::fold(&e.summary));
        for p in &e.places {
            text.push('\n');
            text.push_str(&crate::text::fold(p));
        }
        if let Some(n) = &e.note {
            text.push('\n');
            text.push_str(&crate::text::fold(n));
        }
        for a in &e.added {
            text.push('\n');
            text.push_str(&crate::filter::fold(&a.text));
        }
        at.push(text.len() as u32);
    }
    (text, at)
}

/// The dataset's order of `events`: each one's days in that order, and
/// where each comes from (`order[k]`: the index in `events` of the `k`-th),
/// `None` when they are in it already. Sorts on days computed once (calendar
/// arithmetic is not free); the caller moves the events (`permute`, in
/// place: no second list of events, at 1,000,000 another 100 MB at the peak).
fn in_order(events: &[Event]) -> (Vec<(i32, i32)>, Option<Vec<u32>>) {
    let days: Vec<(i32, i32)> = events
        .iter()
        .map(|e| (e.start_day(), e.end_day()))
        .collect();
    let before = |a: usize, b: usize| {
        let (x, y) = (&events[a], &events[b]);
        (days[a].0, x.date.precision(), days[a].1, x.kind)
            .cmp(&(days[b].0, y.date.precision(), days[b].1, y.kind))
            .then_with(|| x.id.cmp(&y.id))
    };
    // Events read by the worker come sorted already: one pass tells, and
    // the page then neither sorts nor moves a million events again.
    if (1..events.len()).all(|i| before(i - 1, i).is_le()) {
        (days, None)
    } else {
        let (days, order) = sort_events(events, &days);
        (days, Some(order))
    }
}

/// An event's place in the dataset's order as an integer: start day,
/// precision, end day, kind (each compared as the tuple of them would be).
fn order_key(e: &Event, (start, end): (i32, i32)) -> u128 {
    let day = |d: i32| u128::from((d as u32) ^ 0x8000_0000);
    let precision = e.date.precision() as u128;
    day(start) << 50 | precision << 48 | day(end) << 16 | u128::from(e.kind.0)
}

/// The first 8 bytes of an id as a number (zeros after a shorter one): ids
/// whose prefixes differ are in the order of their prefixes.
fn id_prefix(id: &str) -> u64 {
    let mut b = [0u8; 8];
    let n = id.len().min(8);
    b[..n].copy_from_slice(&id.as_bytes()[..n]);
    u64::from_be_bytes(b)
}

/// The dataset's order of events whose days are `days`: by start,
/// precision, end and kind packed into one integer with the index below
/// them (the shared integer sort, crate::order), then by id where all of
/// those are equal (by its first 8 bytes as a number, then by text where
/// those are equal too). Gives the days in the new order and the order.
fn sort_events(events: &[Event], days: &[(i32, i32)]) -> (Vec<(i32, i32)>, Vec<u32>) {
    let mut keys: Vec<u128> = events
        .iter()
        .zip(days)
        .enumerate()
        .map(|(i, (e, &d))| order_key(e, d) << 32 | i as u128)
        .collect();
    crate::order::sort_keys(&mut keys);
    let mut order: Vec<u32> = keys.iter().map(|&k| k as u32).collect();
    let days: Vec<(i32, i32)> = order.iter().map(|&k| days[k as usize]).collect();
    let tied = runs(&keys, |a, b| a >> 32 == b >> 32);
    drop(keys);
    // Read in the order given (the ids' text one after the other in memory).
    let prefixes: Vec<u64> = events.iter().map(|e| id_prefix(&e.id)).collect();
    let mut ties: Vec<u128> = Vec::new();
    for run in tied {
        ties.clear();
        ties.extend(
            order[run.clone()]
                .iter()
                .map(|&k| u128::from(prefixes[k as usize]) << 64 | u128::from(k)),
        );
        crate::order::sort_keys(&mut ties);
        for (slot, &t) in order[run.clone()].iter_mut().zip(&ties) {
            *slot = t as u32;
        }
        for same in runs(&ties, |a, b| a >> 64 == b >> 64) {
            let (a, b) = (run.start + same.start, run.start + same.end);
            let mut part = order[a..b].to_vec();
            crate::order::sort_by(&mut part, |&x, &y| {
                events[x as usize].id.cmp(&events[y as usize].id)
            });
            order[a..b].copy_from_slice(&part);
        }
    }
    (days, order)
}

/// The runs of two or more neighbours in `v` that `same` holds equal.
fn runs(v: &[u128], same: impl Fn(u128, u128) -> bool) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < v.len() {
        let end = at + v[at..].iter().take_while(|&&k| same(k, v[at])).count();
        if end - at > 1 {
            out.push(at..end);
        }
        at = end;
    }
    out
}

/// Per event, the indexes of its countries (those `index` knows), all in
/// one list, and where each event's part starts.
fn country_lists(events: &[Event], index: &BTreeMap<String, usize>) -> (Vec<u16>, Vec<u32>) {
    let mut ids = Vec::with_capacity(events.len());
    let mut at = Vec::with_capacity(events.len() + 1);
    at.push(0u32);
    for e in events {
        ids.extend(
            e.countries
                .iter()
                .filter_map(|c| index.get(c).map(|&i| i as u16)),
        );
        at.push(ids.len() as u32);
    }
    (ids, at)
}

/// [`country_lists`] in another order: part `k` is the one at `order[k]`.
fn reorder_lists(ids: &[u16], at: &[u32], order: &[u32]) -> (Vec<u16>, Vec<u32>) {
    let mut out = Vec::with_capacity(ids.len());
    let mut out_at = Vec::with_capacity(at.len());
    out_at.push(0u32);
    for &k in order {
        out.extend_from_slice(&ids[at[k as usize] as usize..at[k as usize + 1] as usize]);
        out_at.push(out.len() as u32);
    }
    (out, out_at)
}

/// Reorders `items` in place so that item `k` is the one that was at
/// `order[k]` (a permutation), following its cycles by swaps.
fn permute<T>(items: &mut [T], order: Vec<u32>) {
    permute_with(order, |a, b| items.swap(a, b));
}

/// [`permute`] by `swap`, for several lists at once (no copy of any).
fn permute_with(mut order: Vec<u32>, mut swap: impl FnMut(usize, usize)) {
    const DONE: u32 = u32::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at] as usize;
            order[at] = DONE;
            if from == start {
                break;
            }
            swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two ids whose 32-bit hashes are equal (found by search: about 2^16 tries).
    fn colliding_ids() -> (String, String) {
        let mut seen = std::collections::HashMap::new();
        (0..)
            .map(|n| format!("e-{n}"))
            .find_map(|id| {
                seen.insert(short_hash(&id), id.clone())
                    .filter(|other| *other != id)
                    .map(|other| (other, id))
            })
            .unwrap()
    }

    #[test]
    fn ids_of_equal_hash_are_told_apart_by_their_text() {
        let (a, b) = colliding_ids();
        assert_eq!(short_hash(&a), short_hash(&b));
        let entry = |id: &str, title: &str| {
            format!(
                r#"{{"id":"{id}","kind":"incident","title":"{title}","date":"2004","countries":["RU"]}}"#
            )
        };
        let text = format!(
            r#"{{"events":[{},{},{},{},{}]}}"#,
            entry(&a, "A"),
            entry(&b, "B"),
            entry(&b, "B again"),
            entry(&a, "A again"),
            entry(&b, ""),
        );
        let l = crate::load_json(&text);
        let titles: Vec<&str> = l.dataset.events.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles.len(), 2, "{titles:?}");
        assert!(titles.contains(&"A") && titles.contains(&"B"));
        let dups: Vec<&str> = l
            .problems
            .iter()
            .filter(|p| p.kind == crate::ProblemKind::DuplicateId)
            .map(|p| p.message.as_str())
            .collect();
        assert_eq!(dups.len(), 2, "{:?}", l.problems);
        assert_eq!(l.dataset.event(&b).map(|e| e.title.as_str()), Some("B"));
    }

    /// Every id is found (32-bit hashes collide among 200,000 ids: the text
    /// tells them apart), and a dataset built from shuffled events equals one
    /// built from sorted events (the sorted path skips the sort).
    #[test]
    fn ids_are_found_and_order_does_not_depend_on_input_order() {
        let ds = crate::load_json(&crate::synth::generate(200_000, 7)).dataset;
        for (i, e) in ds.events.iter().enumerate() {
            assert_eq!(ds.position(&e.id), Some(i), "{}", e.id);
        }
        assert_eq!(ds.position("no-such-id"), None);
        let mut shuffled = ds.events.clone();
        shuffled.reverse();
        shuffled.swap(3, 70_000);
        let again = Dataset::new(ds.meta.clone(), shuffled);
        assert!(again.events == ds.events);
        assert_eq!(again.days, ds.days);
        assert_eq!(again.related, ds.related);
        // Every column, read before the sort and moved with the events.
        assert!(again == ds);
    }

    /// The latest end, read from the last shown back, is the latest over all
    /// of them (every chip's and kind's result, every 7th event, none).
    #[test]
    fn latest_end_is_the_maximum_over_the_shown() {
        for ds in [
            crate::load_json(&crate::synth::generate(20_000, 4)).dataset,
            crate::load_json(crate::BUILTIN_DATASET).dataset,
        ] {
            let mut lists: Vec<Vec<usize>> = vec![(0..ds.events.len()).collect(), Vec::new()];
            lists.push((0..ds.events.len()).step_by(7).collect());
            for c in &ds.meta.countries {
                lists.push(
                    ds.events
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| e.countries.contains(&c.code))
                        .map(|(i, _)| i)
                        .collect(),
                );
            }
            for k in ds.kinds() {
                lists.push(
                    ds.events
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| e.kind == k)
                        .map(|(i, _)| i)
                        .collect(),
                );
            }
            for shown in lists {
                let want = shown.iter().map(|&i| ds.days(i).1).max();
                let got = ds.latest_end(&shown);
                assert_eq!(got.map(|g| g.0), want);
                if let Some((day, i)) = got {
                    assert!(shown.contains(&i) && ds.days(i).1 == day);
                }
            }
        }
    }

    /// The order the dataset keeps, as the tuple sort says it (the oracle of
    /// the packed keys, id prefixes and text ties of `sort_events`).
    fn reference_order(events: &[Event]) -> Vec<String> {
        let mut v: Vec<&Event> = events.iter().collect();
        v.sort_by(|x, y| {
            (x.start_day(), x.date.precision(), x.end_day(), x.kind)
                .cmp(&(y.start_day(), y.date.precision(), y.end_day(), y.kind))
                .then_with(|| x.id.cmp(&y.id))
        });
        v.into_iter().map(|e| e.id.clone()).collect()
    }

    /// Ties on days and kind put in id order whatever the ids: short ones,
    /// ones sharing their first 8 bytes (told apart by text), non-ASCII.
    #[test]
    fn sorts_as_the_tuple_of_days_kind_and_id() {
        let base = crate::load_json(&crate::synth::generate(20_000, 3)).dataset;
        let ids = [
            "",
            "a",
            "ab",
            "ab\u{0}",
            "abcdefgh",
            "abcdefgh-2",
            "abcdefgh-10",
            "é",
            "zz",
        ];
        let mut events: Vec<Event> = base.events.clone();
        for (n, e) in events.iter_mut().enumerate() {
            e.id = format!("{}{}", ids[n % ids.len()], n % 7919);
            if n % 3 == 0 {
                e.id = format!("common-prefix-{}", n % 101);
            }
        }
        // Ids made equal here are kept apart by their position: unique again.
        for (n, e) in events.iter_mut().enumerate() {
            e.id.push_str(&format!("#{}", n * 7 % 10_007));
            e.id.push_str(&n.to_string());
        }
        events.reverse();
        let want = reference_order(&events);
        let ds = Dataset::new(base.meta.clone(), events.clone());
        let got: Vec<&str> = ds.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(got, want);
        for (i, e) in ds.events.iter().enumerate() {
            assert_eq!(ds.days(i), (e.start_day(), e.end_day()));
            assert_eq!(ds.brief(i), crate::brief::Brief::of(e));
            assert_eq!(ds.position(&e.id), Some(i));
        }
        let packable = Dataset::packable(base.meta.clone(), events);
        assert!(packable.events == ds.events);
    }
}
