//! Field-by-field validation of the metadata and of one entry: each problem
//! names the entry (index and id), the field, and what is wrong.

use crate::date::{DateError, PartialDate};
use crate::model::*;
use crate::problem::{meta_problem, Location, Problem, ProblemKind as P};
use crate::text::opt_str;
use serde_json::{Map, Value};
use std::collections::HashSet;

/// The sources the metadata lists, and which copies each declares.
#[derive(Default)]
pub(crate) struct SourceIndex {
    copies: rustc_hash::FxHashMap<String, (bool, bool)>,
}

impl SourceIndex {
    pub(crate) fn new(meta: &Metadata) -> Self {
        SourceIndex {
            copies: meta
                .sources
                .iter()
                .map(|s| (s.id.clone(), (s.file.is_some(), s.reading_copy.is_some())))
                .collect(),
        }
    }
    pub(crate) fn is_empty(&self) -> bool {
        self.copies.is_empty()
    }
    pub(crate) fn contains(&self, id: &str) -> bool {
        self.copies.contains_key(id)
    }
    /// Whether the document lists that copy; a document the metadata does not
    /// list (no `sources` block) cannot be checked, and passes.
    fn has_copy(&self, id: &str, q: QuoteIn) -> bool {
        self.copies.get(id).is_none_or(|&(file, reading)| match q {
            QuoteIn::File => file,
            QuoteIn::ReadingCopy => reading,
        })
    }
}

/// What entries are checked against: the metadata, and whether it declares
/// countries, categories and sources. What it does not declare is taken
/// from the entries as they come (and added to `meta`).
pub(crate) struct Known {
    pub(crate) meta: Metadata,
    pub(crate) countries_declared: bool,
    pub(crate) categories_declared: bool,
    pub(crate) sources: SourceIndex,
    /// Code, and lower-cased name, of each country in `meta` → its index.
    country_keys: rustc_hash::FxHashMap<String, usize>,
    /// Category id (and lower-cased label) → its index.
    category_keys: rustc_hash::FxHashMap<String, usize>,
    /// How many of the first categories a table's own columns described
    /// ([`Known::seed`]): kept as described when others are dropped.
    seeded: usize,
}

impl Known {
    pub(crate) fn new(obj: &Map<String, Value>, problems: &mut Vec<Problem>) -> Known {
        let meta = load_metadata(obj, problems);
        let mut k = Known {
            countries_declared: matches!(obj.get("countries"), Some(Value::Array(_))),
            categories_declared: !meta.categories.is_empty(),
            sources: SourceIndex::new(&meta),
            meta,
            country_keys: Default::default(),
            category_keys: Default::default(),
            seeded: 0,
        };
        k.index_keys();
        k
    }

    /// The keys of the metadata's countries and categories, by code / id and
    /// lower-cased name / label.
    fn index_keys(&mut self) {
        for (i, c) in self.meta.countries.iter().enumerate() {
            self.country_keys.insert(c.code.clone(), i);
            self.country_keys.entry(c.name.to_lowercase()).or_insert(i);
        }
        for (i, c) in self.meta.categories.iter().enumerate() {
            self.category_keys.insert(c.id.clone(), i);
            self.category_keys
                .entry(c.label.to_lowercase())
                .or_insert(i);
        }
    }

    /// Categories and countries a table describes in its own columns
    /// (`import::native_meta`), taken before its rows: in that order, with
    /// those labels, names and statuses. They are not declared: a value
    /// they do not name is still found as it comes, and those no loaded
    /// event uses are dropped. Only where the metadata has none.
    pub(crate) fn seed(&mut self, categories: Vec<Category>, countries: Vec<Country>) {
        if !self.meta.categories.is_empty() || !self.meta.countries.is_empty() {
            return;
        }
        self.seeded = categories.len();
        self.meta.categories = categories;
        self.meta.countries = countries;
        self.index_keys();
    }

    /// The code of a country written as a code or a name: one the metadata
    /// lists; when it lists none, an ISO country (by code or English name)
    /// or else the value itself as a facet of its own, added as it comes.
    pub(crate) fn country(&mut self, written: &str) -> Option<String> {
        if let Some(&i) = self
            .country_keys
            .get(written)
            .or_else(|| self.country_keys.get(&written.to_lowercase()))
        {
            return Some(self.meta.countries[i].code.clone());
        }
        let iso = crate::iso::lookup(written);
        if self.countries_declared {
            // A declared country written by another of its names ("Russia" for RU).
            return iso.and_then(|(code, _)| {
                self.country_keys
                    .get(code)
                    .map(|&i| self.meta.countries[i].code.clone())
            });
        }
        let (code, name) = match iso {
            Some((code, name)) => (code.to_string(), name.to_string()),
            None => (written.to_string(), written.to_string()),
        };
        let i = match self.country_keys.get(&code) {
            Some(&i) => i,
            None => {
                self.meta.countries.push(Country {
                    code: code.clone(),
                    name: name.clone(),
                    status: Status::Other,
                    since: None,
                });
                let i = self.meta.countries.len() - 1;
                self.country_keys.insert(code.clone(), i);
                self.country_keys.entry(name.to_lowercase()).or_insert(i);
                i
            }
        };
        self.country_keys.insert(written.to_lowercase(), i);
        Some(code)
    }

    /// The category of a `kind` value: a declared one (by id or label), or,
    /// when none are declared, the value as a category of its own.
    pub(crate) fn category(&mut self, written: Option<&str>) -> Option<Kind> {
        let written = match written {
            Some(w) => w,
            None if self.categories_declared => return None,
            None => crate::category::UNCATEGORISED,
        };
        if let Some(&i) = self
            .category_keys
            .get(written)
            .or_else(|| self.category_keys.get(&written.to_lowercase()))
        {
            return Some(Kind(i as u16));
        }
        if self.categories_declared {
            return None;
        }
        let i = self.meta.categories.len();
        self.meta
            .categories
            .push(crate::category::Category::found(written, i));
        self.category_keys.insert(written.to_string(), i);
        Some(Kind(i as u16))
    }

    /// After a load where some entries were left out: categories and
    /// countries that were taken from the entries (not declared) and that no
    /// loaded event has are dropped (no empty lane, no chip that counts 0);
    /// the events' kinds follow the categories kept (the new index of each
    /// kind is returned when any moved). Declared ones stay.
    pub(crate) fn keep_used(&mut self, events: &mut [Event]) -> Option<Vec<u16>> {
        let mut remap = None;
        if !self.categories_declared {
            let mut used = vec![false; self.meta.categories.len()];
            for e in events.iter() {
                if let Some(u) = used.get_mut(e.kind.0 as usize) {
                    *u = true;
                }
            }
            if used.contains(&false) {
                let mut to = vec![0u16; used.len()];
                let found = std::mem::take(&mut self.meta.categories);
                for (i, c) in found.into_iter().enumerate().filter(|&(i, _)| used[i]) {
                    to[i] = self.meta.categories.len() as u16;
                    // As if only these had been found: the slots and shapes in order
                    // (those a table described keep theirs).
                    let c = if i < self.seeded {
                        c
                    } else {
                        crate::category::Category::found(&c.id, self.meta.categories.len())
                    };
                    self.meta.categories.push(c);
                }
                for e in events.iter_mut() {
                    e.kind = Kind(to[e.kind.0 as usize]);
                }
                remap = Some(to);
            }
        }
        if !self.countries_declared && !self.meta.countries.is_empty() {
            let used: HashSet<&str> = events
                .iter()
                .flat_map(|e| e.countries.iter().map(String::as_str))
                .collect();
            self.meta
                .countries
                .retain(|c| used.contains(c.code.as_str()));
        }
        remap
    }

    /// The declared categories as the file names them: the label, and the id
    /// it is written with where that differs ("Attacks (1)").
    fn category_ids(&self) -> String {
        self.meta
            .categories
            .iter()
            .map(|c| {
                if c.label.eq_ignore_ascii_case(&c.id) || c.plural.eq_ignore_ascii_case(&c.id) {
                    c.id.clone()
                } else {
                    format!("{} ({})", c.label, c.id)
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// An id as a slug: lower-case ASCII letters and digits, other runs become
/// one hyphen ("Event 12" → "event-12"). Empty when nothing is left.
pub fn slugify(s: &str) -> String {
    let s = crate::text::trim(s);
    if is_slug(s) && !s.as_bytes().windows(2).any(|w| w == b"--") {
        return s.to_string(); // a slug already (most ids): as it is
    }
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

pub(crate) fn load_metadata(obj: &Map<String, Value>, problems: &mut Vec<Problem>) -> Metadata {
    let mut meta = Metadata {
        title: opt_str(obj, "title").unwrap_or_else(|| "Untitled timeline".into()),
        description: opt_str(obj, "description").unwrap_or_default(),
        ..Metadata::default()
    };
    if let Some(Value::Array(sources)) = obj.get("sources") {
        for (i, s) in sources.iter().enumerate() {
            let Some(s) = s.as_object() else {
                problems.push(meta_problem(
                    P::WrongType,
                    format!("sources[{i}]"),
                    "must be an object".into(),
                ));
                continue;
            };
            match opt_str(s, "id") {
                Some(id) => meta.sources.push(SourceDoc {
                    title: opt_str(s, "title").unwrap_or_else(|| id.clone()),
                    id,
                    author: opt_str(s, "author"),
                    publisher: opt_str(s, "publisher"),
                    url: opt_str(s, "url"),
                    file: opt_str(s, "file"),
                    reading_copy: opt_str(s, "reading_copy"),
                }),
                None => problems.push(meta_problem(
                    P::MissingField,
                    format!("sources[{i}].id"),
                    "a source needs an id".into(),
                )),
            }
        }
    }
    match obj.get("countries") {
        Some(Value::Array(countries)) => {
            for (i, c) in countries.iter().enumerate() {
                match load_country(c) {
                    Ok(c) => meta.countries.push(c),
                    Err((field, msg)) => problems.push(meta_problem(
                        P::BadValue,
                        format!("countries[{i}]{field}"),
                        msg,
                    )),
                }
            }
        }
        Some(_) => problems.push(meta_problem(
            P::WrongType,
            "countries".into(),
            "must be a list".into(),
        )),
        // No list: the countries are taken from the events.
        None => {}
    }
    match obj.get("categories") {
        Some(Value::Array(list)) => {
            meta.categories = crate::category::load_categories(list, problems);
        }
        None | Some(Value::Null) => {}
        Some(_) => problems.push(meta_problem(
            P::WrongType,
            "categories".into(),
            "must be a list (the categories are taken from the events instead)".into(),
        )),
    }
    meta
}

fn load_country(c: &Value) -> Result<Country, (String, String)> {
    let c = c
        .as_object()
        .ok_or_else(|| (String::new(), "must be an object".to_string()))?;
    let code = opt_str(c, "code").ok_or_else(|| (".code".to_string(), "missing".to_string()))?;
    if !is_country_code(&code) {
        return Err((
            ".code".into(),
            format!("\"{code}\" is not an ISO 3166-1 alpha-2 code (two capital letters)"),
        ));
    }
    let status = match opt_str(c, "status") {
        None => Status::Other,
        Some(s) => Status::parse(&s).ok_or_else(|| {
            (
                ".status".to_string(),
                format!("\"{s}\" is not one of member, observer, dialogue_partner, other"),
            )
        })?,
    };
    Ok(Country {
        name: opt_str(c, "name").unwrap_or_else(|| code.clone()),
        code,
        status,
        since: c.get("since").and_then(Value::as_i64).map(|y| y as i32),
    })
}

fn is_country_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Checks one entry, collecting its problems.
pub(crate) struct EntryCx {
    pub(crate) index: usize,
    pub(crate) id: Option<String>,
    /// What keeps the entry out.
    pub(crate) problems: Vec<Problem>,
    /// What was left out of an entry that still loads (a link that is not http(s)).
    pub(crate) notes: Vec<Problem>,
}

impl EntryCx {
    pub(crate) fn push(&mut self, kind: crate::problem::ProblemKind, field: &str, message: String) {
        self.problems.push(Problem {
            kind,
            location: Location::Entry {
                index: self.index,
                id: self.id.clone(),
            },
            field: (!field.is_empty()).then(|| field.to_string()),
            message,
            row: None,
            column: None,
        });
    }

    /// A required, non-empty string.
    fn string(&mut self, o: &Map<String, Value>, key: &str) -> Option<String> {
        match o.get(key) {
            None | Some(Value::Null) => self.push(P::MissingField, key, "is missing".into()),
            Some(Value::String(s)) if s.trim().is_empty() => {
                self.push(P::EmptyField, key, "is empty".into())
            }
            Some(Value::String(s)) => return Some(s.trim().to_string()),
            Some(v) => self.push(
                P::WrongType,
                key,
                format!("must be text, not {}", type_name(v)),
            ),
        }
        None
    }

    fn date(&mut self, o: &Map<String, Value>, key: &str, required: bool) -> Option<PartialDate> {
        if !required && matches!(o.get(key), None | Some(Value::Null)) {
            return None;
        }
        let s = self.string(o, key)?;
        PartialDate::parse(&s)
            .map_err(|e| {
                // A date written another way ("30 February 2023") that names a
                // month or day that does not exist says so, in its own words.
                let e = match (e, PartialDate::parse_loose(&s)) {
                    (DateError::Format(_), Err(DateError::Day(_))) => DateError::Day(s.clone()),
                    (DateError::Format(_), Err(DateError::Month(_))) => DateError::Month(s.clone()),
                    (e, _) => e,
                };
                self.push(P::BadDate, key, e.to_string())
            })
            .ok()
    }

    fn string_list(
        &mut self,
        o: &Map<String, Value>,
        key: &str,
        required: bool,
    ) -> Option<Vec<String>> {
        let list = match o.get(key) {
            None | Some(Value::Null) if !required => return Some(Vec::new()),
            None | Some(Value::Null) => {
                self.push(P::MissingField, key, "is missing".into());
                return None;
            }
            Some(Value::Array(a)) => a,
            Some(v) => {
                self.push(
                    P::WrongType,
                    key,
                    format!("must be a list of text, not {}", type_name(v)),
                );
                return None;
            }
        };
        let mut out = Vec::new();
        for (i, v) in list.iter().enumerate() {
            match v.as_str().map(str::trim) {
                Some(s) if !s.is_empty() => out.push(s.to_string()),
                Some(_) => self.push(P::EmptyField, &format!("{key}[{i}]"), "is empty".into()),
                None => self.push(
                    P::WrongType,
                    &format!("{key}[{i}]"),
                    format!("must be text, not {}", type_name(v)),
                ),
            }
        }
        Some(out)
    }

    /// An optional, non-empty string.
    fn opt_string(&mut self, o: &Map<String, Value>, key: &str) -> Option<Option<String>> {
        match o.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(Value::String(s)) if s.trim().is_empty() => {
                self.push(P::EmptyField, key, "is empty (leave it out instead)".into());
                None
            }
            Some(Value::String(s)) => Some(Some(s.trim().to_string())),
            Some(v) => {
                self.push(
                    P::WrongType,
                    key,
                    format!("must be text, not {}", type_name(v)),
                );
                None
            }
        }
    }

    /// `related`: ids (slugs), none twice, not the entry's own. Whether they
    /// exist is checked once every entry is read ([`crate::load`]).
    fn related(&mut self, o: &Map<String, Value>, own: Option<&str>) -> Option<Vec<String>> {
        // Ids are made slugs as the entries' own are (a number, "Event 12").
        let ids: Vec<String> = match o.get("related") {
            Some(Value::Array(a)) => {
                let mut m = Map::new();
                let list = a
                    .iter()
                    .map(|v| match v {
                        Value::Number(n) => Value::String(n.to_string()),
                        Value::String(s) if !slugify(s).is_empty() => Value::String(slugify(s)),
                        v => v.clone(),
                    })
                    .collect();
                m.insert("related".into(), Value::Array(list));
                self.string_list(&m, "related", false)?
            }
            _ => self.string_list(o, "related", false)?,
        };
        let mut ok = true;
        let mut seen = HashSet::new();
        for (i, id) in ids.iter().enumerate() {
            let field = format!("related[{i}]");
            if !is_slug(id) {
                self.push(
                    P::BadValue,
                    &field,
                    format!("\"{id}\" is not an id (a slug)"),
                );
                ok = false;
            } else if Some(id.as_str()) == own {
                self.push(
                    P::BadValue,
                    &field,
                    "an event cannot be related to itself".into(),
                );
                ok = false;
            } else if !seen.insert(id) {
                self.push(P::BadValue, &field, format!("\"{id}\" is listed twice"));
                ok = false;
            }
        }
        ok.then_some(ids)
    }

    /// An id: a slug as written, or made one ("Event 12" → "event-12"; a
    /// number becomes its digits); an entry without one is `entry-N`. The
    /// entry's problems name it as written.
    fn id(&mut self, o: &Map<String, Value>) -> Option<String> {
        let written = match o.get("id") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.trim().to_string()),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(v) => {
                self.push(
                    P::WrongType,
                    "id",
                    format!("must be text or a number, not {}", type_name(v)),
                );
                return None;
            }
        };
        let slug = written.as_deref().map(slugify).unwrap_or_default();
        let id = if slug.is_empty() {
            format!("entry-{}", self.index)
        } else {
            slug
        };
        // Problems name the id as the file writes it ("KGZ10", not "kgz10").
        self.id = Some(
            written
                .filter(|w| !w.is_empty())
                .unwrap_or_else(|| id.clone()),
        );
        Some(id)
    }

    /// `countries`: a list, or one text with values separated by `;`.
    fn country_values(&mut self, o: &Map<String, Value>) -> Option<Vec<String>> {
        match o.get("countries") {
            Some(Value::String(s)) => Some(
                s.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect(),
            ),
            _ => self.string_list(o, "countries", false),
        }
    }

    /// `links`: http(s) addresses, each `{url, text}` or an address alone.
    fn links(&mut self, o: &Map<String, Value>) -> Option<Vec<Link>> {
        let list = match o.get("links") {
            None | Some(Value::Null) => return Some(Vec::new()),
            Some(Value::Array(a)) => a,
            Some(v) => {
                self.push(
                    P::WrongType,
                    "links",
                    format!("must be a list, not {}", type_name(v)),
                );
                return None;
            }
        };
        let mut out = Vec::new();
        for (i, v) in list.iter().enumerate() {
            let (url, text) = match v {
                Value::String(u) => (u.trim().to_string(), String::new()),
                Value::Object(l) => (
                    opt_str(l, "url").unwrap_or_default(),
                    opt_str(l, "text").unwrap_or_default(),
                ),
                _ => (String::new(), String::new()),
            };
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                // Only this link is left out: the event keeps the rest.
                self.push(
                    P::BadValue,
                    &format!("links[{i}]"),
                    "must be an http(s) address, or an object with `url` and `text` (the link is left out; the event is kept)".into(),
                );
                if let Some(p) = self.problems.pop() {
                    self.notes.push(p);
                }
                continue;
            }
            let text = if text.is_empty() { url.clone() } else { text };
            out.push(Link { url, text });
        }
        Some(out)
    }

    pub(crate) fn event(&mut self, v: &Value, known: &mut Known) -> Option<Event> {
        let Some(o) = v.as_object() else {
            self.push(
                P::WrongShape,
                "",
                format!("an entry must be an object, not {}", type_name(v)),
            );
            return None;
        };
        // Take the id first so every later problem names it (as the file writes it).
        let id = self.id(o);
        let kind = match o.get("kind") {
            None | Some(Value::Null) => known.category(None).or_else(|| {
                self.push(P::MissingField, "kind", "is missing".into());
                None
            }),
            Some(_) => self.string(o, "kind").and_then(|k| {
                known.category(Some(&k)).or_else(|| {
                    self.push(
                        P::UnknownKind,
                        "kind",
                        format!("\"{k}\" is not one of {}", known.category_ids()),
                    );
                    None
                })
            }),
        };
        let title = self.string(o, "title");
        let date = self.date(o, "date", true);
        let end = self.date(o, "end", false);
        if let (Some(d), Some(e)) = (date, end) {
            if e.last_day() < d.first_day() {
                self.push(
                    P::EndBeforeStart,
                    "end",
                    format!("{e} is before the start date {d}"),
                );
            }
        }
        let scope = match o.get("scope") {
            None | Some(Value::Null) => Some(Scope::Local),
            Some(Value::String(s)) if s == "organisation" => Some(Scope::Organisation),
            Some(Value::String(s)) if s == "local" => Some(Scope::Local),
            Some(other) => {
                self.push(
                    P::BadValue,
                    "scope",
                    format!("{other} is not \"local\" or \"organisation\""),
                );
                None
            }
        };
        let written = self.country_values(o);
        let mut codes = Vec::new();
        if let Some(written) = &written {
            for (i, c) in written.iter().enumerate() {
                match known.country(c) {
                    Some(code) => codes.push(code),
                    None => self.push(
                        P::UnknownCountry,
                        &format!("countries[{i}]"),
                        format!("\"{c}\" is not a country listed in the metadata"),
                    ),
                }
            }
            if written.is_empty() && scope == Some(Scope::Local) && known.countries_declared {
                self.push(
                    P::EmptyField,
                    "countries",
                    "names no country; only an organisation-wide event may have none".into(),
                );
            }
        }
        let places = self.string_list(o, "places", false);
        let casualties = self.casualties(o.get("casualties"));
        // A blank summary is no summary (spreadsheets leave cells blank).
        let summary = match o.get("summary") {
            Some(Value::String(s)) if s.trim().is_empty() => Some(None),
            _ => self.opt_string(o, "summary"),
        };
        let note = self.opt_string(o, "note");
        let related = self.related(o, id.as_deref());
        let links = self.links(o);
        let source_list = self.sources(o.get("source"), &known.sources);
        let added = self.added(o);
        written?;
        let mut seen_codes = HashSet::new();
        codes.retain(|c| seen_codes.insert(c.clone()));
        Some(Event {
            id: id?,
            kind: kind?,
            title: title?,
            date: date?,
            end,
            countries: codes.into(),
            places: places?.into(),
            casualties: casualties?.map(Box::new),
            scope: scope?,
            summary: summary?.unwrap_or_default(),
            note: note?,
            related: related?.into(),
            links: links?.into(),
            sources: source_list?.into(),
            added: added?.into(),
        })
    }

    fn casualties(&mut self, v: Option<&Value>) -> Option<Option<Casualties>> {
        let o = match v {
            None | Some(Value::Null) => return Some(None),
            Some(Value::Object(o)) => o,
            Some(v) => {
                self.push(
                    P::WrongType,
                    "casualties",
                    format!("must be an object, not {}", type_name(v)),
                );
                return None;
            }
        };
        let mut ok = true;
        let mut count = |key: &str| -> Option<u64> {
            let field = format!("casualties.{key}");
            match o.get(key) {
                None | Some(Value::Null) => None,
                Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64(),
                Some(Value::Number(n))
                    if n.as_i64().is_some() || n.as_f64().is_some_and(|f| f < 0.0) =>
                {
                    self.push(P::NegativeCasualties, &field, format!("{n} is negative"));
                    ok = false;
                    None
                }
                Some(v) => {
                    self.push(
                        P::WrongType,
                        &field,
                        format!("must be a whole number, not {v}"),
                    );
                    ok = false;
                    None
                }
            }
        };
        let c = Casualties {
            killed: count("killed"),
            wounded: count("wounded"),
        };
        ok.then_some(Some(c))
    }

    fn sources(&mut self, v: Option<&Value>, known: &SourceIndex) -> Option<Vec<SourceRef>> {
        let items: Vec<&Value> = match v {
            // A dataset that lists no sources does not require one per event.
            None | Some(Value::Null) if known.is_empty() => return Some(Vec::new()),
            Some(Value::String(s)) if known.is_empty() && !s.trim().is_empty() => {
                return Some(vec![SourceRef {
                    document: s.trim().to_string(),
                    section: String::new(),
                    url: None,
                    quote: None,
                    quote_in: None,
                }]);
            }
            None | Some(Value::Null) => {
                self.push(
                    P::MissingField,
                    "source",
                    "is missing: every event must say where it comes from".into(),
                );
                return None;
            }
            Some(Value::Array(a)) if a.is_empty() => {
                self.push(P::EmptyField, "source", "is empty".into());
                return None;
            }
            Some(Value::Array(a)) => a.iter().collect(),
            Some(v) => vec![v],
        };
        let mut out = Vec::new();
        let many = items.len() > 1 || matches!(v, Some(Value::Array(_)));
        for (i, item) in items.into_iter().enumerate() {
            let path = if many {
                format!("source[{i}]")
            } else {
                "source".to_string()
            };
            let Some(o) = item.as_object() else {
                self.push(
                    P::WrongType,
                    &path,
                    format!(
                        "must be an object with document and section, not {}",
                        type_name(item)
                    ),
                );
                continue;
            };
            let document = opt_str(o, "document");
            // Without a sources list, a source needs no section.
            let section = opt_str(o, "section").or_else(|| known.is_empty().then(String::new));
            match (&document, &section) {
                (None, _) => self.push(
                    P::MissingField,
                    &format!("{path}.document"),
                    "is missing".into(),
                ),
                (Some(d), _) if !known.is_empty() && !known.contains(d) => self.push(
                    P::BadValue,
                    &format!("{path}.document"),
                    format!("\"{d}\" is not a source listed in the metadata"),
                ),
                (_, None) => self.push(
                    P::MissingField,
                    &format!("{path}.section"),
                    "is missing".into(),
                ),
                _ => {}
            }
            let url = opt_str(o, "url");
            let quote = opt_str(o, "quote");
            let quote_in = match o.get("quote_in") {
                None | Some(Value::Null) => Some(None),
                Some(Value::String(w)) => match (QuoteIn::parse(w), &document) {
                    (None, _) => {
                        self.push(
                            P::BadValue,
                            &format!("{path}.quote_in"),
                            format!("\"{w}\" is not \"file\" or \"reading_copy\""),
                        );
                        None
                    }
                    (Some(_), _) if quote.is_none() => {
                        self.push(
                            P::BadValue,
                            &format!("{path}.quote_in"),
                            "says where a quote is found, but there is no quote".into(),
                        );
                        None
                    }
                    (Some(q), Some(d)) if !known.has_copy(d, q) => {
                        self.push(
                            P::BadValue,
                            &format!("{path}.quote_in"),
                            format!("the source \"{d}\" lists no {} in the metadata", q.as_str()),
                        );
                        None
                    }
                    (Some(q), _) => Some(Some(q)),
                },
                Some(v) => {
                    self.push(
                        P::WrongType,
                        &format!("{path}.quote_in"),
                        format!("must be text, not {}", type_name(v)),
                    );
                    None
                }
            };
            if let (Some(d), Some(s), Some(quote_in)) = (document, section, quote_in) {
                out.push(SourceRef {
                    document: d,
                    section: s,
                    url,
                    quote,
                    quote_in,
                });
            }
        }
        (!out.is_empty()).then_some(out)
    }

    /// `added`: values the entry adds to its source, each `{field, basis, text}`.
    /// One that cannot be read leaves the entry out, as a bad `note` does: a
    /// value shown without its mark would pass for the source's.
    fn added(&mut self, o: &Map<String, Value>) -> Option<Vec<Addition>> {
        let list = match o.get("added") {
            None | Some(Value::Null) => return Some(Vec::new()),
            Some(Value::Array(a)) => a,
            Some(v) => {
                self.push(
                    P::WrongType,
                    "added",
                    format!(
                        "must be a list of {{field, basis, text}}, not {}",
                        type_name(v)
                    ),
                );
                return None;
            }
        };
        let mut out = Vec::new();
        for (i, v) in list.iter().enumerate() {
            let path = format!("added[{i}]");
            let Some(a) = v.as_object() else {
                self.push(
                    P::WrongType,
                    &path,
                    format!(
                        "must be an object with field, basis and text, not {}",
                        type_name(v)
                    ),
                );
                continue;
            };
            let text_of = |key: &str| match a.get(key) {
                Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.trim().to_string()),
                None | Some(Value::Null) => Err((P::MissingField, "is missing".to_string())),
                Some(Value::String(_)) => Err((P::EmptyField, "is empty".to_string())),
                Some(v) => Err((P::WrongType, format!("must be text, not {}", type_name(v)))),
            };
            let field = text_of("field").and_then(|f| {
                if ADDABLE_FIELDS.iter().any(|(k, _)| *k == f) {
                    Ok(f)
                } else {
                    let names: Vec<&str> = ADDABLE_FIELDS.iter().map(|(k, _)| *k).collect();
                    Err((
                        P::BadValue,
                        format!("\"{f}\" is not one of {}", names.join(", ")),
                    ))
                }
            });
            let basis = text_of("basis").and_then(|b| {
                Basis::parse(&b).ok_or((
                    P::BadValue,
                    format!("\"{b}\" is not \"general_knowledge\" or \"inference\""),
                ))
            });
            let text = text_of("text");
            match (field, basis, text) {
                (Ok(field), Ok(basis), Ok(text)) => out.push(Addition { field, basis, text }),
                (f, b, t) => {
                    for (key, r) in [("field", f.err()), ("basis", b.err()), ("text", t.err())] {
                        if let Some((kind, msg)) = r {
                            self.push(kind, &format!("{path}.{key}"), msg);
                        }
                    }
                }
            }
        }
        (out.len() == list.len()).then_some(out)
    }
}
