//! The loader: text in, a validated [`Dataset`] and a list of [`Problem`]s out.
//!
//! It never panics and never gives up early: every entry is checked field by
//! field, an entry with any problem is left out (and listed), and every valid
//! entry loads. The format is documented in `docs/data-format.md`.

use crate::model::*;
use crate::origin::{Format, Mapping, Table};
use crate::problem::{Location, Problem, ProblemKind as P};
use crate::validate::{EntryCx, Known};
use serde_json::{Map, Value};

/// The result of loading: what loaded, and what did not and why.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
    /// Which importer read the file.
    pub format: Format,
    /// For a table read through a column mapping: its columns and first rows,
    /// and the mapping used (guessed, or as chosen).
    pub table: Option<Table>,
    pub mapping: Option<Mapping>,
    /// How the file's bytes were read as text, when they were given as bytes
    /// ("UTF-8", "windows-1252", "UTF-16LE", …; `crate::decode`).
    pub encoding: Option<&'static str>,
    /// What the end of a streamed read changed in events sent before it
    /// ([`Incremental::streaming`]); empty otherwise.
    pub fixups: Fixups,
}

/// The changes the end of a read makes to events validated before it: a
/// streamed read ([`Incremental::streaming`]) has sent those already, so the
/// page applies these to them (`crate::pack`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fixups {
    /// Each event's kind becomes `kinds[kind]`: categories only left-out
    /// entries named were dropped ([`Known::keep_used`]).
    pub kinds: Option<Vec<u16>>,
    /// Events whose links to missing ids were dropped, by index in the
    /// order they were validated.
    pub changed: Vec<usize>,
}

/// The number of events the timeline is made for (README, issue #23: a
/// frame a step at 1,000,000); more load, with a notice.
pub const MAX_EVENTS: usize = 1_000_000;

/// The notice for a file of `events` events, past what the timeline is made for.
pub fn size_notice(events: usize) -> Option<Problem> {
    (events > MAX_EVENTS).then(|| {
        Problem::file(
            P::Notice,
            format!(
                "it has {} events, more than the {} this timeline is made for: all are shown, but it may be slow",
                crate::text::group(events),
                crate::text::group(MAX_EVENTS)
            ),
        )
    })
}

impl Loaded {
    /// Why nothing of the file is shown, in a sentence: its first problem
    /// with the whole file, or that none of its entries could be read.
    /// `None` when it has events.
    pub fn refusal(&self) -> Option<String> {
        if !self.dataset.events.is_empty() {
            return None;
        }
        let entries = self
            .problems
            .iter()
            .filter(|p| p.entry_index().is_some())
            .count();
        Some(
            self.reason()
                // A file's problem at a row (a quote left open) names it.
                .map(|p| match p.row {
                    Some(_) => p.to_string(),
                    None => p.message.clone(),
                })
                .unwrap_or_else(|| match entries {
                    0 => "there are no events in it".into(),
                    n => format!("none of its entries is an event this timeline can show ({n} problem(s) listed)"),
                }),
        )
    }

    /// The problem [`Loaded::refusal`] gives as the reason, if one does.
    fn reason(&self) -> Option<&Problem> {
        self.reason_at().map(|i| &self.problems[i])
    }

    fn reason_at(&self) -> Option<usize> {
        self.problems
            .iter()
            .position(|p| p.location == Location::File && p.kind != P::Notice)
    }

    /// A refused file's problems but the one its refusal says: each reason
    /// is said once. Empty when it has events.
    pub fn refused_others(&self) -> Vec<Problem> {
        if !self.dataset.events.is_empty() {
            return Vec::new();
        }
        let reason = self.reason_at();
        self.problems
            .iter()
            .enumerate()
            .filter(|&(i, _)| Some(i) != reason)
            .map(|(_, p)| p.clone())
            .collect()
    }
}

/// The top level with each entry of `events` left as raw text: entries are
/// then parsed and validated one at a time, so memory stays near the size of
/// the result instead of a whole JSON tree (about 10× the text).
#[derive(serde::Deserialize)]
struct RawDoc<'a> {
    #[serde(borrow, default)]
    events: Option<Vec<&'a serde_json::value::RawValue>>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

/// Where each raw entry is in `text` (they borrow from it).
pub(crate) fn spans(text: &str, raw: &[&serde_json::value::RawValue]) -> Vec<(usize, usize)> {
    let base = text.as_ptr() as usize;
    raw.iter()
        .map(|r| {
            let start = r.get().as_ptr() as usize - base;
            (start, start + r.get().len())
        })
        .collect()
}

/// Loads a dataset from JSON text.
pub fn load_json(text: &str) -> Loaded {
    if let Ok(doc) = serde_json::from_str::<RawDoc>(text) {
        if let Some(raw) = doc.events {
            let mut v = Validator::new(&doc.rest);
            for (index, r) in raw.into_iter().enumerate() {
                match parse_entry(r.get()) {
                    Ok(entry) => v.entry(index, &entry),
                    Err(why) => v.unreadable(index, why),
                }
            }
            return v.finish();
        }
    }
    match serde_json::from_str::<Value>(text) {
        Ok(v) => load_value(&v),
        Err(e) => Loaded {
            problems: vec![Problem::file(
                P::MalformedJson {
                    line: e.line(),
                    column: e.column(),
                },
                format!(
                    "not valid JSON at line {}, column {}: {}",
                    e.line(),
                    e.column(),
                    json_error(&e)
                ),
            )],
            ..Loaded::default()
        },
    }
}

/// serde_json's error in plain words, without its position.
pub(crate) fn json_error(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = msg.find(" at line ").map_or(&msg[..], |i| &msg[..i]);
    match msg {
        "recursion limit exceeded" => {
            "it is nested more than 128 levels deep (lists or objects inside each other)".into()
        }
        "number out of range" => "a number is too large to read (beyond about 1.8e308)".into(),
        m => plain_json_words(m).map_or_else(|| m.to_string(), str::to_string),
    }
}

/// serde_json's parser terms, said as a person editing the file sees it.
fn plain_json_words(m: &str) -> Option<&'static str> {
    Some(match m {
        "EOF while parsing a list" => "the file ends inside a list: a `]` is missing (was it cut short?)",
        "EOF while parsing an object" => "the file ends inside an object: a `}` is missing (was it cut short?)",
        "EOF while parsing a string" => "the file ends inside a text in quotes: its closing `\"` is missing",
        "EOF while parsing a value" => "the file ends where a value should follow (was it cut short?)",
        "expected `:`" => "a `:` should follow the field's name here",
        "expected `,` or `]`" => "a `,` or a `]` should come here, after a list's item",
        "expected `,` or `}`" => "a `,` or a `}` should come here, after an object's field",
        "expected ident" => "a word here is not true, false or null (misspelt?)",
        "expected value" => "a value should start here: text in double quotes, a number, a list, an object, true, false or null",
        "invalid escape" => "a backslash in a text starts an escape JSON does not have (a backslash itself is written \\\\)",
        "invalid number" => "a number here is not written as JSON writes numbers",
        "key must be a string" => "a field's name must be in double quotes",
        "trailing comma" => "a comma stands just before a closing `]` or `}`, where JSON allows none",
        "trailing characters" => "more text follows after the JSON ends (two documents in one file?)",
        m if m.starts_with("control character") => {
            "a text in quotes holds a tab or line break as is (JSON writes them \\t and \\n)"
        }
        _ => return None,
    })
}

/// One entry's JSON text parsed; an entry that does not parse says why.
fn parse_entry(text: &str) -> Result<Value, String> {
    serde_json::from_str::<Value>(text).map_err(|e| {
        format!(
            "this entry cannot be read: {} (at its line {}, column {})",
            json_error(&e),
            e.line(),
            e.column()
        )
    })
}

/// Loads a dataset from an already parsed JSON value.
pub fn load_value(root: &Value) -> Loaded {
    if let Value::Array(entries) = root {
        // A plain list of events: no metadata at all.
        return load_entries(&Map::new(), entries.iter().cloned());
    }
    let Some(obj) = root.as_object() else {
        return Loaded {
            problems: vec![file_problem(
                "this is not a timeline: the top level must be a list of events or an object with an `events` list",
            )],
            ..Loaded::default()
        };
    };
    match obj.get("events") {
        Some(Value::Array(entries)) => load_entries(obj, entries.iter().cloned()),
        Some(_) => load_entries_or(obj, "`events` must be a list"),
        None => load_entries_or(obj, "there is no `events` list"),
    }
}

fn load_entries_or(obj: &Map<String, Value>, why: &str) -> Loaded {
    let mut l = load_entries(obj, std::iter::empty());
    l.problems.retain(|p| p.location != Location::File);
    l.problems
        .insert(0, file_problem(&format!("this is not a timeline: {why}")));
    l
}

/// Validates the metadata in `obj` and then each entry as it comes.
fn load_entries(obj: &Map<String, Value>, entries: impl Iterator<Item = Value>) -> Loaded {
    let mut v = Validator::new(obj);
    for (index, entry) in entries.enumerate() {
        v.entry(index, &entry);
    }
    v.finish()
}

/// Checks entries one by one against the metadata, keeping the valid ones.
pub(crate) struct Validator {
    known: Known,
    /// The ids read so far, by a 32-bit hash (a small table: at 1,000,000 ids
    /// its lookups are the read's largest single cost): the loaded event that
    /// has it (no copy of its text), or `NOT_LOADED` for an entry left out for
    /// its problems.
    seen: rustc_hash::FxHashMap<u32, u32>,
    /// Ids not told apart by `seen` alone: those of entries left out, and any
    /// whose hash an earlier, different id has.
    seen_text: rustc_hash::FxHashSet<String>,
    /// Entries read so far.
    entries: usize,
    /// Whether entries in the common shape take the quick path (the tests
    /// turn it off to compare).
    quick: bool,
    /// Whether the dataset is only to be packed ([`Dataset::packable`]).
    packing: bool,
    /// Events left in the order validated (the page sorts them): sent as
    /// they come, while the rest is read.
    streaming: bool,
    /// Entry index of each loaded event, to name it in problems found at the end.
    entry_index: Vec<usize>,
    events: Vec<Event>,
    problems: Vec<Problem>,
}

impl Validator {
    pub(crate) fn new(obj: &Map<String, Value>) -> Self {
        let mut problems = Vec::new();
        let known = Known::new(obj, &mut problems);
        Validator {
            known,
            seen: Default::default(),
            seen_text: Default::default(),
            entries: 0,
            quick: true,
            packing: false,
            streaming: false,
            entry_index: Vec::new(),
            events: Vec::new(),
            problems,
        }
    }

    /// Room for about `n` entries at once: a list grown by doubling copies
    /// every event it holds again and again (at 1,000,000, gigabytes moved).
    fn reserve(&mut self, n: usize) {
        let n = n.min(20_000_000);
        self.events.reserve(n);
        self.entry_index.reserve(n);
        self.seen.reserve(n);
    }

    /// An entry in the common shape ([`crate::quick`]), taken whole when it
    /// has nothing to report; false when it needs the full checks.
    pub(crate) fn quick(&mut self, index: usize, q: &crate::quick::Quick) -> bool {
        if !self.quick {
            return false;
        }
        let Some(ev) = crate::quick::event(q, &mut self.known) else {
            return false;
        };
        self.entries += 1;
        if self.first_use(&ev.id, true) {
            self.events.push(ev);
            self.entry_index.push(index);
        } else {
            let mut cx = fresh_cx(index);
            cx.id = Some(
                q.id.as_deref()
                    .map_or_else(|| ev.id.clone(), str::to_string),
            );
            duplicate(&mut cx, &ev.id);
            self.problems.append(&mut cx.problems);
        }
        true
    }

    pub(crate) fn entry(&mut self, index: usize, entry: &Value) {
        self.entries += 1;
        let mut cx = fresh_cx(index);
        if let Some(ev) = cx.event(entry, &mut self.known) {
            if !self.first_use(&ev.id, cx.problems.is_empty()) {
                duplicate(&mut cx, &ev.id);
            } else if cx.problems.is_empty() {
                self.events.push(ev);
                self.entry_index.push(index);
            }
        }
        self.problems.append(&mut cx.problems);
        self.problems.append(&mut cx.notes);
    }

    /// Whether `id` is read for the first time (and notes it); `loads` says
    /// whether its entry becomes the next loaded event.
    fn first_use(&mut self, id: &str, loads: bool) -> bool {
        const NOT_LOADED: u32 = u32::MAX;
        use std::collections::hash_map::Entry;
        match self.seen.entry(crate::model::short_hash(id)) {
            Entry::Vacant(slot) => {
                slot.insert(if loads {
                    self.events.len() as u32
                } else {
                    self.seen_text.insert(id.to_string());
                    NOT_LOADED
                });
                true
            }
            Entry::Occupied(k) => match *k.get() {
                k if k != NOT_LOADED && self.events[k as usize].id == id => false,
                _ => self.seen_text.insert(id.to_string()),
            },
        }
    }

    /// An entry whose text does not parse (too deep, a number out of range).
    pub(crate) fn unreadable(&mut self, index: usize, why: String) {
        self.entries += 1;
        let mut cx = fresh_cx(index);
        cx.push(P::WrongShape, "", why);
        self.problems.append(&mut cx.problems);
    }

    /// Links to ids that no loaded event has are reported and dropped; the
    /// event itself stays (a dangling link loses nothing else).
    pub(crate) fn finish(mut self) -> Loaded {
        let mut fixups = Fixups::default();
        if self.entries > self.events.len() {
            // Some entries were left out: what only they named goes too.
            fixups.kinds = self.known.keep_used(&mut self.events);
        }
        if let Some(n) = size_notice(self.events.len()) {
            self.problems.insert(0, n);
        }
        if self.events.is_empty() && !self.problems.iter().any(|p| p.location == Location::File) {
            self.problems.insert(
                0,
                file_problem(if self.entries == 0 {
                    "there are no events in it"
                } else {
                    "none of its entries is an event this timeline can show (each entry's problems are listed)"
                }),
            );
        }
        if !self.events.iter().any(|e| !e.related.is_empty()) {
            // Most datasets link nothing: no id set to build.
            let problems = std::mem::take(&mut self.problems);
            return Loaded {
                dataset: self.dataset(),
                problems,
                fixups,
                ..Loaded::default()
            };
        }
        let ids: rustc_hash::FxHashSet<String> = self.events.iter().map(|e| e.id.clone()).collect();
        for (i, (e, &index)) in self.events.iter_mut().zip(&self.entry_index).enumerate() {
            let before = e.related.len();
            let mut k = 0;
            e.related.retain(|r| {
                let ok = ids.contains(r);
                if !ok {
                    self.problems.push(Problem {
                        kind: P::BadValue,
                        location: Location::Entry {
                            index,
                            id: Some(e.id.clone()),
                        },
                        field: Some(format!("related[{k}]")),
                        message: format!("no event has the id \"{r}\" (the link is left out)"),
                        row: None,
                        column: None,
                    });
                }
                k += 1;
                ok
            });
            if e.related.len() != before {
                fixups.changed.push(i);
            }
        }
        let problems = std::mem::take(&mut self.problems);
        Loaded {
            dataset: self.dataset(),
            problems,
            fixups,
            ..Loaded::default()
        }
    }

    /// The dataset of what loaded: in the order validated when streamed, in
    /// the dataset's order without indexes when only packed, else whole.
    fn dataset(self) -> Dataset {
        match (self.streaming, self.packing) {
            (true, _) => Dataset::unordered(self.known.meta, self.events),
            (false, true) => Dataset::packable(self.known.meta, self.events),
            (false, false) => Dataset::new(self.known.meta, self.events),
        }
    }
}

/// How an importer names what it read, so that problems speak the file's
/// words: rows as a spreadsheet numbers them (the header is row 1), and
/// fields by the file's own column headers or keys.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Naming {
    pub rows: RowNumbers,
    /// Our field (`date`, `countries`, `casualties.killed`, `source`) → the file's name for it.
    pub columns: Vec<(&'static str, String)>,
}

/// The spreadsheet row of each entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum RowNumbers {
    /// Not a table: entries are named by their index.
    #[default]
    None,
    /// Entry `i` is row `i + n`.
    Offset(usize),
    /// Row of each entry, in order (a table some of whose rows are not entries).
    List(Vec<usize>),
}

impl Naming {
    /// A field path without its list positions: `countries[2]` → `countries`,
    /// `source[0].document` → `source.document`.
    fn key(field: &str) -> String {
        let mut out = String::with_capacity(field.len());
        let mut skip = false;
        for ch in field.chars() {
            match ch {
                '[' => skip = true,
                ']' => skip = false,
                c if !skip => out.push(c),
                _ => {}
            }
        }
        out
    }

    /// The file's name for a field: its own, or its first part's (`source.section` → `source`).
    fn column(&self, field: &str) -> Option<String> {
        let key = Self::key(field);
        let head = key.split('.').next().unwrap_or("");
        let find = |k: &str| self.columns.iter().find(|(c, _)| *c == k);
        find(&key).or_else(|| find(head)).map(|(_, c)| c.clone())
    }

    /// Names a problem's row and column as the file does.
    pub fn apply(&self, p: &mut Problem) {
        let Location::Entry { index, .. } = p.location else {
            return;
        };
        p.row = match &self.rows {
            RowNumbers::None => None,
            RowNumbers::Offset(n) => Some(index + n),
            RowNumbers::List(rows) => rows.get(index).copied(),
        };
        if let Some(field) = &p.field {
            p.column = self.column(field);
        }
    }
}

/// What reading the next entry gave.
enum Next {
    End,
    Taken,
    Value(Value),
}

/// Where an incremental load takes its entries from.
enum Entries {
    /// Our JSON (an object with `events`, or a plain list): each entry's text.
    Json {
        text: String,
        ranges: Vec<(usize, usize)>,
    },
    /// Entries an importer built already (small formats).
    Values(Vec<Value>),
    /// Rows of a table, turned into entries as they are read (after any
    /// entries already built from its first rows).
    Rows(std::collections::VecDeque<Value>, Box<dyn RowSource>),
}

/// Entries read one at a time from a source the loader does not know
/// (an importer's table): the loader validates what it hands over.
pub(crate) trait RowSource {
    /// About how many entries there are, for progress.
    fn estimate(&self) -> usize;
    /// Reads the next row: false at the end; a source that breaks stops
    /// with a problem.
    fn advance(&mut self) -> Result<bool, Box<Problem>>;
    /// The row just read in the common shape, its text borrowed; `None`
    /// when it is only read as a JSON value.
    fn quick(&self) -> Option<crate::quick::Quick<'_>> {
        None
    }
    /// The row just read as an entry (entry `index`).
    fn entry(&self, index: usize) -> Value;
}

/// Loading in steps, so that a large dataset does not freeze a page: the
/// input is split into entries (JSON) or read row by row (CSV), then
/// [`Incremental::step`] validates a few thousand at a time and the caller
/// yields to the browser in between. Every format goes through it.
pub struct Incremental {
    entries: Entries,
    total: usize,
    next: usize,
    validator: Validator,
    extra: Vec<Problem>,
    format: Format,
    table: Option<Table>,
    mapping: Option<Mapping>,
    encoding: Option<&'static str>,
    naming: Option<Naming>,
}

impl Incremental {
    /// Splits our JSON `text` into entries. Anything that is not a JSON
    /// object with an `events` list, or a list, is loaded at once and
    /// returned as `Err` with its problems.
    pub fn start(text: String) -> Result<Incremental, Box<Loaded>> {
        let parsed = match serde_json::from_str::<RawDoc>(&text) {
            Ok(doc) => doc.events.map(|ev| (doc.rest, spans(&text, &ev))),
            Err(_) => serde_json::from_str::<Vec<&serde_json::value::RawValue>>(&text)
                .ok()
                .map(|list| (Map::new(), spans(&text, &list))),
        };
        match parsed {
            Some((meta, ranges)) => Ok(Incremental::from_spans(text, &meta, ranges)),
            None => Err(Box::new(load_json(&text))),
        }
    }

    /// Our JSON's entries, already found (their spans in `text`: one scan of
    /// the file, `import::open`'s), with the top level's other keys.
    pub(crate) fn from_spans(
        text: String,
        meta: &Map<String, Value>,
        ranges: Vec<(usize, usize)>,
    ) -> Incremental {
        let mut validator = Validator::new(meta);
        validator.reserve(ranges.len());
        Incremental {
            total: ranges.len(),
            entries: Entries::Json { text, ranges },
            next: 0,
            validator,
            extra: Vec::new(),
            format: Format::Native,
            table: None,
            mapping: None,
            encoding: None,
            naming: None,
        }
    }

    fn with_entries(
        meta: &Map<String, Value>,
        entries: Entries,
        total: usize,
        format: Format,
    ) -> Self {
        let mut validator = Validator::new(meta);
        validator.reserve(total);
        Incremental {
            entries,
            total,
            next: 0,
            validator,
            extra: Vec::new(),
            format,
            table: None,
            mapping: None,
            encoding: None,
            naming: None,
        }
    }

    /// Entries an importer built, with its metadata.
    pub(crate) fn from_values(
        meta: &Map<String, Value>,
        values: Vec<Value>,
        format: Format,
    ) -> Self {
        let total = values.len();
        Self::with_entries(meta, Entries::Values(values), total, format)
    }

    /// Rows of a table, read as they are validated.
    pub(crate) fn from_rows(
        meta: &Map<String, Value>,
        rows: impl RowSource + 'static,
        format: Format,
    ) -> Self {
        let total = rows.estimate();
        Self::with_entries(
            meta,
            Entries::Rows(Default::default(), Box::new(rows)),
            total,
            format,
        )
    }

    /// Entries built already from a table's first rows, read before the rest.
    pub(crate) fn with_prefix(mut self, values: Vec<Value>) -> Self {
        if let Entries::Rows(prefix, _) = &mut self.entries {
            prefix.extend(values);
        }
        self
    }

    /// The table and mapping a mapped import used (for the mapping step).
    pub(crate) fn with_table(mut self, table: Table, mapping: Mapping) -> Self {
        self.table = Some(table);
        self.mapping = Some(mapping);
        self
    }

    /// A problem found before the entries (a file-level one, or the importer's).
    pub(crate) fn with_problem(mut self, p: Problem) -> Self {
        self.extra.push(p);
        self
    }

    /// The categories and countries our table's own columns describe
    /// (`import::native_meta`): the events take them as they come; the
    /// values that could not be read are listed first.
    pub(crate) fn with_seed(mut self, seed: crate::import::Seed) -> Self {
        self.extra.extend(seed.problems);
        self.validator.known.seed(seed.categories, seed.countries);
        self
    }

    /// How the importer names rows and fields in the file's own words.
    pub(crate) fn with_naming(mut self, naming: Naming) -> Self {
        self.naming = Some(naming);
        self
    }

    /// How the bytes were read as text, and the notice that says so (listed first).
    pub(crate) fn with_encoding(mut self, encoding: &'static str, notice: Option<Problem>) -> Self {
        self.encoding = Some(encoding);
        if let Some(n) = notice {
            self.extra.insert(0, n);
        }
        self
    }

    /// How many entries there are (for a table, an estimate from its lines).
    pub fn total(&self) -> usize {
        self.total.max(self.next)
    }

    pub fn done(&self) -> usize {
        self.next
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// Validates up to `n` more entries; true when all are done.
    pub fn step(&mut self, n: usize) -> bool {
        for _ in 0..n {
            match self.read_next() {
                Next::End => return true,
                Next::Taken => {}
                Next::Value(v) => self.validator.entry(self.next, &v),
            }
            self.next += 1;
        }
        match &self.entries {
            Entries::Json { ranges, .. } => self.next >= ranges.len(),
            Entries::Values(v) => self.next >= v.len(),
            Entries::Rows(..) => false,
        }
    }

    /// The next entry: taken already (the quick path, or an entry that does
    /// not parse), or a value for the full checks.
    fn read_next(&mut self) -> Next {
        let index = self.next;
        match &mut self.entries {
            Entries::Json { text, ranges } => {
                let Some(&(a, b)) = ranges.get(index) else {
                    return Next::End;
                };
                let text = &text[a..b];
                if crate::quick::from_json(text).is_some_and(|q| self.validator.quick(index, &q)) {
                    return Next::Taken;
                }
                match parse_entry(text) {
                    Ok(v) => Next::Value(v),
                    Err(why) => {
                        self.validator.unreadable(index, why);
                        Next::Taken
                    }
                }
            }
            Entries::Values(v) => v
                .get_mut(index)
                .map_or(Next::End, |v| Next::Value(std::mem::take(v))),
            Entries::Rows(prefix, rows) => {
                if let Some(v) = prefix.pop_front() {
                    return Next::Value(v);
                }
                match rows.advance() {
                    Ok(true)
                        if rows
                            .quick()
                            .is_some_and(|q| self.validator.quick(index, &q)) =>
                    {
                        Next::Taken
                    }
                    Ok(true) => Next::Value(rows.entry(index)),
                    Ok(false) => Next::End,
                    Err(p) => {
                        self.extra.push(*p);
                        Next::End
                    }
                }
            }
        }
    }

    /// The dataset only to be packed for the page, which builds its indexes
    /// ([`Dataset::packable`]): what the worker reads.
    pub fn for_packing(mut self) -> Self {
        self.validator.packing = true;
        self
    }

    /// The events in the order validated, to be sent while the rest is read
    /// ([`Incremental::events`]); what the end changes in them is in the
    /// result's [`Loaded::fixups`]. The page sorts them (`crate::pack`).
    pub fn streaming(mut self) -> Self {
        self.validator.packing = true;
        self.validator.streaming = true;
        self
    }

    /// The events loaded so far, in the order validated.
    pub fn events(&self) -> &[Event] {
        &self.validator.events
    }

    /// Every entry through the full checks, none by the quick path: the
    /// tests load each file both ways and compare.
    #[doc(hidden)]
    pub fn full_checks_only(mut self) -> Self {
        self.validator.quick = false;
        self
    }

    /// Validates what is left and returns the result.
    pub fn finish(mut self) -> Loaded {
        while !self.step(usize::MAX) {}
        let mut l = self.validator.finish();
        // A problem with the whole file comes first; the "nothing loaded" line is then redundant.
        let faults = self.extra.iter().any(|p| p.kind != P::Notice);
        if faults && l.dataset.events.is_empty() {
            l.problems.retain(|p| p.location != Location::File);
        }
        if let Some(n) = &self.naming {
            l.problems.iter_mut().for_each(|p| n.apply(p));
        }
        let mut extra = self.extra;
        extra.append(&mut l.problems);
        l.problems = extra;
        l.format = self.format;
        l.table = self.table;
        l.mapping = self.mapping;
        l.encoding = self.encoding;
        l
    }
}

fn file_problem(message: &str) -> Problem {
    Problem::file(P::WrongShape, message.into())
}

/// An entry whose id an earlier one has.
fn duplicate(cx: &mut EntryCx, id: &str) {
    cx.push(
        P::DuplicateId,
        "id",
        format!("the id \"{id}\" is used by an earlier entry"),
    );
}

/// The context of a new entry: no id read yet, no problems.
fn fresh_cx(index: usize) -> EntryCx {
    EntryCx {
        index,
        id: None,
        problems: Vec::new(),
        notes: Vec::new(),
    }
}
