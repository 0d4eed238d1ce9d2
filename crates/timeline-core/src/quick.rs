//! The quick path for entries in the shape most large files have: a row of
//! our CSV, or a JSON entry whose fields are plain text, lists of text, counts
//! and one source. Its text is borrowed from the file, and it becomes an
//! [`Event`] without a JSON value built per entry (issue #23: the value tree
//! was three quarters of a large file's load).
//!
//! It only ever accepts: an entry it does not take whole (anything to report,
//! a field it does not read, a value of another type) goes through the full
//! checks in `validate.rs`, which name every problem. So it never changes
//! what loads or what is said: the tests load every fixture both ways.

use crate::date::PartialDate;
use crate::model::{Casualties, Event, Scope, SourceRef};
use crate::validate::{slugify, Known};
use serde::de::{Deserializer, IgnoredAny, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use thin_vec::ThinVec;

/// One entry's fields, borrowed where the file allows.
#[derive(Default)]
pub(crate) struct Quick<'a> {
    pub id: Option<Cow<'a, str>>,
    pub kind: Option<Cow<'a, str>>,
    pub title: Option<Cow<'a, str>>,
    pub date: Option<Cow<'a, str>>,
    pub end: Option<Cow<'a, str>>,
    pub scope: Option<Cow<'a, str>>,
    pub countries: List<'a>,
    pub places: List<'a>,
    pub casualties: Option<(Option<u64>, Option<u64>)>,
    pub summary: Option<Cow<'a, str>>,
    pub note: Option<Cow<'a, str>>,
    pub source: Source<'a>,
    /// A field the quick path does not read is given (`related`, `links`,
    /// `added`, a quote's place): the full checks read the entry.
    pub other: bool,
}

/// A list of texts as written: a JSON list, or a table's cell whose values
/// are separated by `;` or `|` (read where it is, no list built per row).
pub(crate) enum List<'a> {
    Items(Vec<Cow<'a, str>>),
    Cell(&'a str),
}

impl Default for List<'_> {
    fn default() -> Self {
        List::Cell("")
    }
}

impl List<'_> {
    /// Each value trimmed; `None` for a value with nothing in it. A cell's
    /// empty values are skipped, as the table importers do.
    fn each(&self) -> impl Iterator<Item = Option<&str>> {
        let (items, cell) = match self {
            List::Items(v) => (&v[..], ""),
            List::Cell(c) => (&[][..], *c),
        };
        let cell = crate::text::cell_values(cell)
            .map(crate::text::trim)
            .filter(|s| !s.is_empty());
        items.iter().map(|s| filled(s)).chain(cell.map(Some))
    }

    /// Every value as text, when none is empty.
    fn texts(&self) -> Option<ThinVec<String>> {
        let mut out = ThinVec::new();
        for s in self.each() {
            out.push(s?.to_string());
        }
        Some(out)
    }
}

/// An entry's source as written.
#[derive(Default)]
pub(crate) enum Source<'a> {
    #[default]
    None,
    /// A document named alone (a dataset that lists no sources).
    Text(Cow<'a, str>),
    Ref {
        document: Option<Cow<'a, str>>,
        section: Option<Cow<'a, str>>,
        url: Option<Cow<'a, str>>,
        quote: Option<Cow<'a, str>>,
    },
}

/// Text from JSON: borrowed from the file unless it has escapes.
struct Text<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Cow<'de, str>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("text")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Cow::Borrowed(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Cow::Owned(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(Cow::Owned(v))
            }
        }
        d.deserialize_str(V).map(Text)
    }
}

type T<'a> = Option<Text<'a>>;

/// A JSON entry as the quick path reads it: any other type of value than
/// these, or any other field (whose value the full checks would still read,
/// and might find too deep or a number out of range), fails to deserialize,
/// and the entry goes through the full checks.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonEntry<'a> {
    #[serde(borrow)]
    id: T<'a>,
    #[serde(borrow)]
    kind: T<'a>,
    #[serde(borrow)]
    title: T<'a>,
    #[serde(borrow)]
    date: T<'a>,
    #[serde(borrow)]
    end: T<'a>,
    #[serde(borrow)]
    scope: T<'a>,
    #[serde(borrow)]
    countries: Option<Vec<Text<'a>>>,
    #[serde(borrow)]
    places: Option<Vec<Text<'a>>>,
    casualties: Option<JsonCasualties>,
    #[serde(borrow)]
    summary: T<'a>,
    #[serde(borrow)]
    note: T<'a>,
    #[serde(borrow)]
    source: Option<JsonSource<'a>>,
    related: Option<IgnoredAny>,
    links: Option<IgnoredAny>,
    added: Option<IgnoredAny>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonCasualties {
    killed: Option<u64>,
    wounded: Option<u64>,
}

/// A source: a text, or an object with its parts (read by what the value
/// is, not tried one way and then the other: no copy of the value, no error
/// built per entry).
enum JsonSource<'a> {
    Text(Text<'a>),
    Ref(JsonRef<'a>),
}

impl<'de: 'a, 'a> Deserialize<'de> for JsonSource<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = JsonSource<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a source")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(JsonSource::Text(Text(Cow::Borrowed(v))))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(JsonSource::Text(Text(Cow::Owned(v.to_owned()))))
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                m: M,
            ) -> Result<Self::Value, M::Error> {
                JsonRef::deserialize(serde::de::value::MapAccessDeserializer::new(m))
                    .map(JsonSource::Ref)
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonRef<'a> {
    #[serde(borrow)]
    document: T<'a>,
    #[serde(borrow)]
    section: T<'a>,
    #[serde(borrow)]
    url: T<'a>,
    #[serde(borrow)]
    quote: T<'a>,
    quote_in: Option<IgnoredAny>,
}

fn cow(t: T<'_>) -> Option<Cow<'_, str>> {
    t.map(|t| t.0)
}

fn cows(list: Option<Vec<Text<'_>>>) -> List<'_> {
    List::Items(list.unwrap_or_default().into_iter().map(|t| t.0).collect())
}

/// One JSON entry's text read for the quick path; `None` when it has
/// another shape (the full checks then say what is wrong, if anything).
pub(crate) fn from_json(text: &str) -> Option<Quick<'_>> {
    let e: JsonEntry = serde_json::from_str(text).ok()?;
    let mut other = e.related.is_some() || e.links.is_some() || e.added.is_some();
    let source = match e.source {
        None => Source::None,
        Some(JsonSource::Text(t)) => Source::Text(t.0),
        Some(JsonSource::Ref(r)) => {
            other |= r.quote_in.is_some();
            Source::Ref {
                document: cow(r.document),
                section: cow(r.section),
                url: cow(r.url),
                quote: cow(r.quote),
            }
        }
    };
    Some(Quick {
        id: cow(e.id),
        kind: cow(e.kind),
        title: cow(e.title),
        date: cow(e.date),
        end: cow(e.end),
        scope: cow(e.scope),
        countries: cows(e.countries),
        places: cows(e.places),
        casualties: e.casualties.map(|c| (c.killed, c.wounded)),
        summary: cow(e.summary),
        note: cow(e.note),
        source,
        other,
    })
}

/// Text with something in it, trimmed.
fn filled(s: &str) -> Option<&str> {
    Some(crate::text::trim(s)).filter(|t| !t.is_empty())
}

/// The event, when the entry has nothing to report; `None` sends it through
/// the full checks. Asks `known` in the order those do, so what it adds on
/// the way (a country, a category) is what they would add.
pub(crate) fn event(q: &Quick, known: &mut Known) -> Option<Event> {
    if q.other {
        return None;
    }
    let id = slugify(q.id.as_deref()?);
    if id.is_empty() {
        return None;
    }
    let kind = match q.kind.as_deref() {
        None => known.category(None)?,
        Some(k) => known.category(Some(filled(k)?))?,
    };
    let title = filled(q.title.as_deref()?)?.to_string();
    let date = PartialDate::parse(filled(q.date.as_deref()?)?).ok()?;
    let end = match q.end.as_deref() {
        None => None,
        Some(e) => Some(PartialDate::parse(filled(e)?).ok()?),
    };
    if end.is_some_and(|e| e.last_day() < date.first_day()) {
        return None;
    }
    let scope = match q.scope.as_deref() {
        None => Scope::Local,
        Some("organisation") => Scope::Organisation,
        Some("local") => Scope::Local,
        Some(_) => return None,
    };
    if q.countries.each().any(|c| c.is_none()) {
        return None;
    }
    let mut countries: ThinVec<String> = ThinVec::new();
    for c in q.countries.each().flatten() {
        let code = known.country(c)?;
        if !countries.contains(&code) {
            countries.push(code);
        }
    }
    if countries.is_empty() && scope == Scope::Local && known.countries_declared {
        return None;
    }
    let places = q.places.texts()?;
    let summary = q.summary.as_deref().and_then(filled).unwrap_or_default();
    let note = match q.note.as_deref() {
        None => None,
        Some(n) => Some(filled(n)?.to_string()),
    };
    let sources = sources(&q.source, known)?;
    Some(Event {
        id,
        kind,
        title,
        date,
        end,
        countries,
        places,
        casualties: q
            .casualties
            .map(|(killed, wounded)| Box::new(Casualties { killed, wounded })),
        scope,
        summary: summary.to_string(),
        note,
        related: Default::default(),
        links: Default::default(),
        sources: sources.into(),
        added: Default::default(),
    })
}

/// The entry's source as the full checks read it, when they would find
/// nothing wrong with it.
fn sources(s: &Source, known: &Known) -> Option<Vec<SourceRef>> {
    let listed = !known.sources.is_empty();
    let opt = |t: &Option<Cow<str>>| t.as_deref().and_then(filled).map(String::from);
    match s {
        Source::None if !listed => Some(Vec::new()),
        Source::Text(t) if !listed => Some(vec![SourceRef {
            document: filled(t)?.to_string(),
            section: String::new(),
            url: None,
            quote: None,
            quote_in: None,
        }]),
        Source::Ref {
            document,
            section,
            url,
            quote,
        } => {
            let document = opt(document)?;
            if listed && !known.sources.contains(&document) {
                return None;
            }
            let section = opt(section).or_else(|| (!listed).then(String::new))?;
            Some(vec![SourceRef {
                document,
                section,
                url: opt(url),
                quote: opt(quote),
                quote_in: None,
            }])
        }
        _ => None,
    }
}
