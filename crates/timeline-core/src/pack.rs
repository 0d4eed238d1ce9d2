//! A compact binary form of a dataset (and of what travels with it), for the
//! page and its worker (one `ArrayBuffer`, transferred, not copied) and for the
//! built-in dataset, validated and packed at build time (`build.rs`) so the
//! page never parses JSON to start.
//!
//! Integers are LEB128 varints (signed ones zigzag), strings a length and
//! UTF-8, options a 0/1 byte. Reading checks every length and tag: a short or
//! garbled buffer gives `None`, never a panic.

use crate::date::PartialDate;
use crate::import::{Format, Mapping, Table};
use crate::map::{MapShapes, Shape as MapShape};
use crate::model::{
    Addition, Basis, Casualties, Category, Country, Dataset, Event, Kind, Link, Metadata, QuoteIn,
    Scope, Shape, SourceDoc, SourceRef, Status,
};
use crate::problem::{Location, Problem, ProblemKind};
use crate::stats::{Stats, YearRow};
use thin_vec::ThinVec;

/// Bumped when the layout changes (the page and its worker are built together).
const VERSION: u8 = 2;

/// Appends values to a buffer.
#[derive(Default)]
pub struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn u64(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.buf.push(b);
                return;
            }
            self.buf.push(b | 0x80);
        }
    }
    pub fn usize(&mut self, v: usize) {
        self.u64(v as u64);
    }
    pub fn i64(&mut self, v: i64) {
        self.u64(((v << 1) ^ (v >> 63)) as u64);
    }
    pub fn byte(&mut self, b: u8) {
        self.buf.push(b);
    }
    pub fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }
    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.byte(1);
                self.str(s);
            }
            None => self.byte(0),
        }
    }
    pub fn opt_u64(&mut self, v: Option<u64>) {
        match v {
            Some(v) => {
                self.byte(1);
                self.u64(v);
            }
            None => self.byte(0),
        }
    }
    pub fn strs(&mut self, list: &[String]) {
        self.usize(list.len());
        for s in list {
            self.str(s);
        }
    }
}

/// Reads values back; every read is checked.
pub struct Reader<'a> {
    buf: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, at: 0 }
    }
    pub fn byte(&mut self) -> Option<u8> {
        let b = *self.buf.get(self.at)?;
        self.at += 1;
        Some(b)
    }
    pub fn u64(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
    pub fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }
    /// A count of items still to read, each at least one byte: bounded by what is left.
    pub fn count(&mut self) -> Option<usize> {
        self.usize().filter(|&n| n <= self.buf.len() - self.at)
    }
    pub fn i64(&mut self) -> Option<i64> {
        let v = self.u64()?;
        Some(((v >> 1) as i64) ^ -((v & 1) as i64))
    }
    pub fn i32(&mut self) -> Option<i32> {
        i32::try_from(self.i64()?).ok()
    }
    pub fn str(&mut self) -> Option<&'a str> {
        let n = self.usize()?;
        let end = self.at.checked_add(n).filter(|&e| e <= self.buf.len())?;
        let s = std::str::from_utf8(&self.buf[self.at..end]).ok()?;
        self.at = end;
        Some(s)
    }
    pub fn string(&mut self) -> Option<String> {
        self.str().map(String::from)
    }
    pub fn opt_string(&mut self) -> Option<Option<String>> {
        match self.byte()? {
            0 => Some(None),
            1 => self.string().map(Some),
            _ => None,
        }
    }
    pub fn opt_u64(&mut self) -> Option<Option<u64>> {
        match self.byte()? {
            0 => Some(None),
            1 => self.u64().map(Some),
            _ => None,
        }
    }
    pub fn strings(&mut self) -> Option<Vec<String>> {
        self.list(Self::string)
    }
    /// `n` items, in a list of exactly that capacity: collecting through
    /// `Option` knows no length, and a grown list keeps room for four (one
    /// event's single source then took four sources' room: +45 % memory).
    pub fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.count()?;
        // Every item takes at least one byte: a count beyond the rest is corrupt.
        let mut out = Vec::with_capacity(n.min(self.buf.len() - self.at));
        for _ in 0..n {
            out.push(item(self)?);
        }
        Some(out)
    }
    /// As [`Reader::list`], into an event's kind of list.
    pub fn thin<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<ThinVec<T>> {
        let n = self.count()?;
        let mut out = ThinVec::with_capacity(n.min(self.buf.len() - self.at));
        for _ in 0..n {
            out.push(item(self)?);
        }
        Some(out)
    }
    pub fn thin_strings(&mut self) -> Option<ThinVec<String>> {
        self.thin(Self::string)
    }
    pub fn at_end(&self) -> bool {
        self.at == self.buf.len()
    }
}

pub(crate) fn date(w: &mut Writer, d: PartialDate) {
    w.i64(d.year().into());
    w.byte(d.month().unwrap_or(0));
    w.byte(d.day().unwrap_or(0));
}

pub(crate) fn read_date(r: &mut Reader) -> Option<PartialDate> {
    PartialDate::from_parts(r.i32()?, r.byte()?, r.byte()?)
}

fn status_byte(s: Status) -> u8 {
    match s {
        Status::Member => 0,
        Status::Observer => 1,
        Status::DialoguePartner => 2,
        Status::Other => 3,
    }
}

fn category(w: &mut Writer, c: &Category) {
    w.str(&c.id);
    w.str(&c.label);
    w.str(&c.plural);
    w.opt_str(c.colour.as_deref());
    w.byte(c.slot);
    w.byte(Shape::ALL.iter().position(|&s| s == c.shape).unwrap_or(0) as u8);
}

fn read_category(r: &mut Reader) -> Option<Category> {
    Some(Category {
        id: r.string()?,
        label: r.string()?,
        plural: r.string()?,
        colour: r.opt_string()?,
        slot: r.byte()?,
        shape: *Shape::ALL.get(usize::from(r.byte()?))?,
    })
}

fn meta(w: &mut Writer, m: &Metadata) {
    w.str(&m.title);
    w.str(&m.description);
    w.usize(m.sources.len());
    for s in &m.sources {
        w.str(&s.id);
        w.str(&s.title);
        for o in [&s.author, &s.publisher, &s.url, &s.file, &s.reading_copy] {
            w.opt_str(o.as_deref());
        }
    }
    w.usize(m.countries.len());
    for c in &m.countries {
        w.str(&c.code);
        w.str(&c.name);
        w.byte(status_byte(c.status));
        w.opt_u64(c.since.map(|y| y as u32 as u64));
    }
    w.usize(m.categories.len());
    for c in &m.categories {
        category(w, c);
    }
}

fn read_meta(r: &mut Reader) -> Option<Metadata> {
    let title = r.string()?;
    let description = r.string()?;
    let sources = r.list(|r| {
        Some(SourceDoc {
            id: r.string()?,
            title: r.string()?,
            author: r.opt_string()?,
            publisher: r.opt_string()?,
            url: r.opt_string()?,
            file: r.opt_string()?,
            reading_copy: r.opt_string()?,
        })
    })?;
    let countries = r.list(|r| {
        Some(Country {
            code: r.string()?,
            name: r.string()?,
            status: [
                Status::Member,
                Status::Observer,
                Status::DialoguePartner,
                Status::Other,
            ]
            .get(usize::from(r.byte()?))
            .copied()?,
            since: r.opt_u64()?.map(|y| y as u32 as i32),
        })
    })?;
    let categories = r.list(read_category)?;
    Some(Metadata {
        title,
        description,
        sources,
        countries,
        categories,
    })
}

fn event(w: &mut Writer, e: &Event) {
    w.str(&e.id);
    w.u64(e.kind.0.into());
    w.str(&e.title);
    date(w, e.date);
    match e.end {
        Some(d) => {
            w.byte(1);
            date(w, d);
        }
        None => w.byte(0),
    }
    w.strs(&e.countries);
    w.strs(&e.places);
    match &e.casualties {
        Some(c) => {
            w.byte(1);
            w.opt_u64(c.killed);
            w.opt_u64(c.wounded);
        }
        None => w.byte(0),
    }
    w.byte(match e.scope {
        Scope::Local => 0,
        Scope::Organisation => 1,
    });
    w.str(&e.summary);
    w.opt_str(e.note.as_deref());
    w.strs(&e.related);
    w.usize(e.links.len());
    for l in &e.links {
        w.str(&l.url);
        w.str(&l.text);
    }
    w.usize(e.sources.len());
    for s in &e.sources {
        w.str(&s.document);
        w.str(&s.section);
        w.opt_str(s.url.as_deref());
        w.opt_str(s.quote.as_deref());
        w.byte(match s.quote_in {
            None => 0,
            Some(QuoteIn::File) => 1,
            Some(QuoteIn::ReadingCopy) => 2,
        });
    }
    // What the entry adds to its source (field, basis, text).
    w.usize(e.added.len());
    for a in &e.added {
        w.str(&a.field);
        w.byte(match a.basis {
            Basis::GeneralKnowledge => 0,
            Basis::Inference => 1,
        });
        w.str(&a.text);
    }
}

fn read_event(r: &mut Reader) -> Option<Event> {
    let id = r.string()?;
    let kind = Kind(u16::try_from(r.u64()?).ok()?);
    let title = r.string()?;
    let date = read_date(r)?;
    let end = match r.byte()? {
        0 => None,
        1 => Some(read_date(r)?),
        _ => return None,
    };
    let countries = r.thin_strings()?;
    let places = r.thin_strings()?;
    let casualties = match r.byte()? {
        0 => None,
        1 => Some(Box::new(Casualties {
            killed: r.opt_u64()?,
            wounded: r.opt_u64()?,
        })),
        _ => return None,
    };
    let scope = match r.byte()? {
        0 => Scope::Local,
        1 => Scope::Organisation,
        _ => return None,
    };
    Some(Event {
        id,
        kind,
        title,
        date,
        end,
        countries,
        places,
        casualties,
        scope,
        summary: r.string()?,
        note: r.opt_string()?,
        related: r.thin_strings()?,
        links: r.thin(|r| {
            Some(Link {
                url: r.string()?,
                text: r.string()?,
            })
        })?,
        sources: r.thin(|r| {
            Some(SourceRef {
                document: r.string()?,
                section: r.string()?,
                url: r.opt_string()?,
                quote: r.opt_string()?,
                quote_in: match r.byte()? {
                    0 => None,
                    1 => Some(QuoteIn::File),
                    2 => Some(QuoteIn::ReadingCopy),
                    _ => return None,
                },
            })
        })?,
        added: r.thin(|r| {
            Some(Addition {
                field: r.string()?,
                basis: match r.byte()? {
                    0 => Basis::GeneralKnowledge,
                    1 => Basis::Inference,
                    _ => return None,
                },
                text: r.string()?,
            })
        })?,
    })
}

/// Writes the metadata and the events `which` selects (indexes into `ds.events`, in order).
pub fn write_dataset(w: &mut Writer, ds: &Dataset, which: Option<&[usize]>) {
    w.byte(VERSION);
    meta(w, &ds.meta);
    match which {
        Some(ix) => {
            w.usize(ix.len());
            for &i in ix {
                event(w, &ds.events[i]);
            }
        }
        None => {
            w.usize(ds.events.len());
            for e in &ds.events {
                event(w, e);
            }
        }
    }
}

pub fn read_dataset(r: &mut Reader) -> Option<Dataset> {
    if r.byte()? != VERSION {
        return None;
    }
    let meta = read_meta(r)?;
    let events = r.list(read_event)?;
    Some(Dataset::new(meta, events))
}

/// The dataset (or the events `which` selects) as bytes.
pub fn pack_dataset(ds: &Dataset, which: Option<&[usize]>) -> Vec<u8> {
    let mut w = Writer::default();
    write_dataset(&mut w, ds, which);
    w.buf
}

pub fn unpack_dataset(buf: &[u8]) -> Option<Dataset> {
    let mut r = Reader::new(buf);
    read_dataset(&mut r).filter(|_| r.at_end())
}

const PROBLEM_KINDS: [ProblemKind; 12] = [
    ProblemKind::WrongShape,
    ProblemKind::MissingField,
    ProblemKind::EmptyField,
    ProblemKind::WrongType,
    ProblemKind::UnknownKind,
    ProblemKind::BadDate,
    ProblemKind::EndBeforeStart,
    ProblemKind::UnknownCountry,
    ProblemKind::DuplicateId,
    ProblemKind::NegativeCasualties,
    ProblemKind::BadValue,
    ProblemKind::Notice,
];

pub fn write_problem(w: &mut Writer, p: &Problem) {
    match p.kind {
        ProblemKind::MalformedJson { line, column } => {
            w.byte(0);
            w.usize(line);
            w.usize(column);
        }
        k => w.byte(PROBLEM_KINDS.iter().position(|&x| x == k).unwrap_or(0) as u8 + 1),
    }
    match &p.location {
        Location::File => w.byte(0),
        Location::Metadata => w.byte(1),
        Location::Entry { index, id } => {
            w.byte(2);
            w.usize(*index);
            w.opt_str(id.as_deref());
        }
    }
    w.opt_str(p.field.as_deref());
    w.str(&p.message);
    w.opt_u64(p.row.map(|r| r as u64));
    w.opt_str(p.column.as_deref());
}

pub fn read_problem(r: &mut Reader) -> Option<Problem> {
    let kind = match r.byte()? {
        0 => ProblemKind::MalformedJson {
            line: r.usize()?,
            column: r.usize()?,
        },
        k => *PROBLEM_KINDS.get(usize::from(k) - 1)?,
    };
    let location = match r.byte()? {
        0 => Location::File,
        1 => Location::Metadata,
        2 => Location::Entry {
            index: r.usize()?,
            id: r.opt_string()?,
        },
        _ => return None,
    };
    Some(Problem {
        kind,
        location,
        field: r.opt_string()?,
        message: r.string()?,
        row: r.opt_u64()?.map(|v| v as usize),
        column: r.opt_string()?,
    })
}

const FORMATS: [Format; 12] = [
    Format::Native,
    Format::NativeCsv,
    Format::TimelineJs,
    Format::TimelineJsSheet,
    Format::VisTimeline,
    Format::Acled,
    Format::Gtd,
    Format::Table,
    Format::JsonList,
    Format::NativeArrow,
    Format::ArrowTable,
    Format::Unread,
];

/// What reading a file gives: the dataset, its problems, how it was read
/// (the loader's own result, sent across).
pub type Read = crate::load::Loaded;

/// How many events go in one part of a read's answer: small enough that the
/// page holds one part beside the events it has read (about 1 MB of 100,000
/// in a part of 10,000).
pub const EVENTS_PER_PART: usize = 10_000;

/// A read, as parts the page can read one after the other and drop: the head
/// (metadata, problems, how the file was read, how many events follow), then
/// the events, `per_part` in each. At 1,000,000 events the page never holds
/// the whole packed copy beside the dataset it becomes.
pub fn pack_read(read: &Read, per_part: usize) -> Vec<Vec<u8>> {
    pack_read_after(read, 0, per_part)
}

/// Events as one part of a read (what [`Unpacking::add`] reads).
pub fn pack_events(events: &[Event]) -> Vec<u8> {
    let mut w = Writer::default();
    w.usize(events.len());
    for e in events {
        event(&mut w, e);
    }
    w.buf
}

/// The parts a streamed read can send now: the events after the first
/// `sent`, `per_part` in each, whole parts only (`sent` moves past them).
pub fn parts_ahead(events: &[Event], sent: &mut usize, per_part: usize) -> Vec<Vec<u8>> {
    let per_part = per_part.max(1);
    let mut parts = Vec::new();
    while events.len().saturating_sub(*sent) >= per_part {
        parts.push(pack_events(&events[*sent..*sent + per_part]));
        *sent += per_part;
    }
    parts
}

/// The end of a streamed read ([`crate::load::Incremental::streaming`]),
/// whose first `sent` events went ahead as parts ([`pack_events`]): the head,
/// with what the end changed in those (the read's fixups), then the other
/// events. With `sent` 0, a read whole ([`pack_read`]).
pub fn pack_read_after(read: &Read, sent: usize, per_part: usize) -> Vec<Vec<u8>> {
    let events = &read.dataset.events;
    let sent = sent.min(events.len());
    let mut w = Writer::default();
    w.byte(VERSION);
    meta(&mut w, &read.dataset.meta);
    w.usize(read.problems.len());
    for p in &read.problems {
        write_problem(&mut w, p);
    }
    w.byte(FORMATS.iter().position(|&f| f == read.format).unwrap_or(0) as u8);
    match &read.table {
        Some(t) => {
            w.byte(1);
            w.strs(&t.columns);
            w.usize(t.preview.len());
            for row in &t.preview {
                w.strs(row);
            }
        }
        None => w.byte(0),
    }
    w.opt_str(read.mapping.as_ref().map(Mapping::encode).as_deref());
    w.opt_str(read.encoding);
    w.usize(events.len());
    w.usize(sent);
    match &read.fixups.kinds {
        Some(kinds) if sent > 0 => {
            w.byte(1);
            w.usize(kinds.len());
            kinds.iter().for_each(|&k| w.usize(usize::from(k)));
        }
        _ => w.byte(0),
    }
    let changed: Vec<usize> = read
        .fixups
        .changed
        .iter()
        .copied()
        .filter(|&i| i < sent)
        .collect();
    w.usize(changed.len());
    for i in changed {
        w.usize(i);
        event(&mut w, &events[i]);
    }
    let mut parts = vec![w.buf];
    parts.extend(events[sent..].chunks(per_part.max(1)).map(pack_events));
    parts
}

/// A read coming back part by part ([`pack_read`], or a streamed read's
/// parts and then its end, [`pack_read_after`]).
#[derive(Default)]
pub struct Unpacking {
    head: Option<Read>,
    events: Vec<Event>,
    count: usize,
}

/// More events than any read holds: a garbled count is refused, not reserved.
const MOST_EVENTS: usize = 20_000_000;

impl Unpacking {
    /// Reads the head part; the events follow with [`Unpacking::add`].
    pub fn new(buf: &[u8]) -> Option<Unpacking> {
        let mut u = Unpacking::streaming();
        u.head(buf)?;
        Some(u)
    }

    /// Events first ([`Unpacking::add`]), the head at the end ([`Unpacking::head`]).
    pub fn streaming() -> Unpacking {
        Unpacking::default()
    }

    /// Reads the head: what the file holds, and what its end changed in the
    /// events that came before it.
    pub fn head(&mut self, buf: &[u8]) -> Option<()> {
        let mut r = Reader::new(buf);
        if self.head.is_some() || r.byte()? != VERSION {
            return None;
        }
        let meta = read_meta(&mut r)?;
        let problems = r.list(read_problem)?;
        let format = *FORMATS.get(usize::from(r.byte()?))?;
        let table = match r.byte()? {
            0 => None,
            1 => Some(Table {
                columns: r.strings()?,
                preview: r.list(|r| r.strings())?,
            }),
            _ => return None,
        };
        let mapping = r.opt_string()?.map(|m| Mapping::decode(&m));
        // The encoding's name, as the decoder gives it (one of a few).
        let encoding = match r.opt_string()? {
            None => None,
            Some(e) => Some(*crate::decode::ENCODINGS.iter().find(|&&n| n == e)?),
        };
        let count = r.usize()?;
        let sent = r.usize()?;
        if sent != self.events.len() || count < sent || count > MOST_EVENTS {
            return None;
        }
        let kinds = match r.byte()? {
            0 => None,
            1 => Some(r.list(|r| u16::try_from(r.usize()?).ok())?),
            _ => return None,
        };
        if let Some(to) = kinds {
            for e in &mut self.events {
                e.kind = Kind(*to.get(usize::from(e.kind.0))?);
            }
        }
        for _ in 0..r.count()? {
            let i = r.usize()?;
            *self.events.get_mut(i)? = read_event(&mut r)?;
        }
        r.at_end().then_some(())?;
        // Exactly the room the events need (a grown list keeps up to twice).
        self.events.reserve_exact(count - sent);
        self.count = count;
        self.head = Some(Read {
            dataset: Dataset::new(meta, Vec::new()),
            problems,
            format,
            table,
            mapping,
            encoding,
            ..Read::default()
        });
        Some(())
    }

    /// Reads one part of events; `None` when it is not one.
    pub fn add(&mut self, buf: &[u8]) -> Option<()> {
        let mut r = Reader::new(buf);
        let n = r.count()?;
        let most = if self.head.is_some() {
            self.count
        } else {
            MOST_EVENTS
        };
        if self.events.len() + n > most {
            return None;
        }
        for _ in 0..n {
            self.events.push(read_event(&mut r)?);
        }
        r.at_end().then_some(())
    }

    /// The read, once the head and every part have come.
    pub fn finish(self) -> Option<Read> {
        let head = self.head?;
        if self.events.len() != self.count {
            return None;
        }
        Some(Read {
            dataset: Dataset::new(head.dataset.meta, self.events),
            ..head
        })
    }
}

/// A read from its parts at once (tests, and callers that hold them all).
pub fn unpack_read<B: AsRef<[u8]>>(parts: &[B]) -> Option<Read> {
    let (head, rest) = parts.split_first()?;
    let mut u = Unpacking::new(head.as_ref())?;
    for p in rest {
        u.add(p.as_ref())?;
    }
    u.finish()
}

pub fn write_stats(w: &mut Writer, s: &Stats) {
    w.usize(s.years.len());
    for y in &s.years {
        w.i64(y.year.into());
        w.usize(y.by_kind.len());
        for &n in &y.by_kind {
            w.usize(n);
        }
        w.opt_u64(y.killed);
        w.opt_u64(y.wounded);
    }
    w.usize(s.countries.len());
    for (code, name, n) in &s.countries {
        w.str(code);
        w.str(name);
        w.usize(*n);
    }
    w.usize(s.organisation_wide);
    w.usize(s.categories.len());
    for c in &s.categories {
        category(w, c);
    }
}

pub fn read_stats(r: &mut Reader) -> Option<Stats> {
    Some(Stats {
        years: r.list(|r| {
            Some(YearRow {
                year: r.i32()?,
                by_kind: r.list(|r| r.usize())?,
                killed: r.opt_u64()?,
                wounded: r.opt_u64()?,
            })
        })?,
        countries: r.list(|r| Some((r.string()?, r.string()?, r.usize()?)))?,
        organisation_wide: r.usize()?,
        categories: r.list(read_category)?,
    })
}

/// The map's outlines as bytes (`build.rs` packs `data/map/countries.json`).
pub fn pack_map(m: &MapShapes) -> Vec<u8> {
    let mut w = Writer::default();
    w.str(&m.attribution);
    w.str(&m.projection);
    w.usize(m.countries.len());
    for s in &m.countries {
        w.str(&s.code);
        w.str(&s.name);
        for v in s.bbox {
            w.u64(v.to_bits().into());
        }
        w.str(&s.d);
    }
    w.buf
}

pub fn unpack_map(buf: &[u8]) -> Option<MapShapes> {
    let mut r = Reader::new(buf);
    let attribution = r.string()?;
    let projection = r.string()?;
    let countries = r.list(|r| {
        let (code, name) = (r.string()?, r.string()?);
        let mut bbox = [0f32; 4];
        for v in &mut bbox {
            *v = f32::from_bits(u32::try_from(r.u64()?).ok()?);
        }
        Some(MapShape {
            code,
            name,
            bbox,
            d: r.string()?,
        })
    })?;
    r.at_end().then_some(MapShapes {
        attribution,
        projection,
        countries,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_dataset_comes_back_the_same() {
        let l = crate::load_json(crate::BUILTIN_DATASET);
        let buf = pack_dataset(&l.dataset, None);
        assert_eq!(unpack_dataset(&buf).as_ref(), Some(&l.dataset));
        // Every truncation is refused, none panics.
        for n in 0..buf.len() {
            assert!(unpack_dataset(&buf[..n]).is_none(), "{n}");
        }
    }

    #[test]
    fn a_read_file_comes_back_with_its_problems_table_and_mapping() {
        let csv = "when,what,where\n2004-09-01,Beslan,RU\nnot a date,Broken,KZ\n";
        let l = crate::import::open(csv.into(), "x.csv", None);
        let mut l = l;
        while !l.step(10) {}
        let read = Read::from(l.finish());
        assert!(!read.problems.is_empty());
        let back = unpack_read(&pack_read(&read, 10_000)).unwrap();
        assert_eq!(back, read);
        // A garbled byte anywhere gives an answer or None, never a panic.
        let parts = pack_read(&read, 10_000);
        for k in 0..parts.len() {
            for i in 0..parts[k].len() {
                let mut b = parts.clone();
                b[k][i] ^= 0xa5;
                let _ = unpack_read(&b);
            }
        }
        // A part missing or one too many is refused.
        assert!(unpack_read(&parts[..1]).is_none());
        let mut more = parts.clone();
        more.push(parts[1].clone());
        assert!(unpack_read(&more).is_none());
    }

    #[test]
    fn a_large_read_comes_back_in_parts_in_order() {
        let l = crate::load_json(&crate::synth::generate(2_500, 7));
        let parts = pack_read(&l, 1_000);
        assert_eq!(parts.len(), 4);
        let back = unpack_read(&parts).unwrap();
        assert_eq!(back.dataset, l.dataset);
        for i in 0..back.dataset.events.len() {
            assert_eq!(back.dataset.days(i), l.dataset.days(i));
            assert_eq!(back.dataset.related(i), l.dataset.related(i));
            assert_eq!(back.dataset.country_ids(i), l.dataset.country_ids(i));
        }
    }

    #[test]
    fn a_subset_keeps_the_metadata_and_the_chosen_events() {
        let l = crate::load_json(crate::BUILTIN_DATASET);
        let ds = unpack_dataset(&pack_dataset(&l.dataset, Some(&[3, 5]))).unwrap();
        assert_eq!(ds.meta, l.dataset.meta);
        assert_eq!(
            ds.events,
            vec![l.dataset.events[3].clone(), l.dataset.events[5].clone()]
        );
    }

    #[test]
    fn stats_and_the_map_come_back_the_same() {
        let l = crate::load_json(crate::BUILTIN_DATASET);
        let all: Vec<usize> = (0..l.dataset.events.len()).collect();
        let s = Stats::compute(&l.dataset, &all);
        let mut w = Writer::default();
        write_stats(&mut w, &s);
        assert_eq!(read_stats(&mut Reader::new(&w.buf)), Some(s));
        let m = MapShapes::builtin();
        assert!(!m.countries.is_empty());
        assert_eq!(unpack_map(&pack_map(&m)), Some(m));
    }

    #[test]
    fn dates_of_every_precision_and_era_come_back() {
        for s in [
            "2004",
            "2004-09",
            "2004-09-01",
            "-0499",
            "0000-02-29",
            "9999-12-31",
        ] {
            let d = PartialDate::parse(s).unwrap();
            let mut w = Writer::default();
            date(&mut w, d);
            assert_eq!(read_date(&mut Reader::new(&w.buf)), Some(d), "{s}");
        }
    }
}
