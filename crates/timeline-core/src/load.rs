//! The loader: text in, a validated [`Dataset`] and a list of [`Problem`]s out.
//!
//! It never panics and never gives up early: every entry is checked field by
//! field, an entry with any problem is left out (and listed), and every valid
//! entry loads. The format is documented in `docs/data-format.md`.

use crate::model::*;
use crate::problem::{Location, Problem, ProblemKind as P};
use crate::validate::{load_metadata, EntryCx, SourceIndex};
use serde_json::{Map, Value};
use std::collections::HashSet;

/// The result of loading: what loaded, and what did not and why.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
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

/// Loads a dataset from JSON text.
pub fn load_json(text: &str) -> Loaded {
    if let Ok(doc) = serde_json::from_str::<RawDoc>(text) {
        if let Some(raw) = doc.events {
            return load_entries(
                &doc.rest,
                raw.into_iter()
                    .map(|r| serde_json::from_str::<Value>(r.get()).unwrap_or(Value::Null)),
            );
        }
    }
    match serde_json::from_str::<Value>(text) {
        Ok(v) => load_value(&v),
        Err(e) => Loaded {
            dataset: Dataset::default(),
            problems: vec![Problem {
                kind: P::MalformedJson {
                    line: e.line(),
                    column: e.column(),
                },
                location: Location::File,
                field: None,
                message: format!(
                    "not valid JSON at line {}, column {}: {}",
                    e.line(),
                    e.column(),
                    strip_position(&e.to_string())
                ),
            }],
        },
    }
}

fn strip_position(msg: &str) -> &str {
    msg.find(" at line ").map_or(msg, |i| &msg[..i])
}

/// Loads a dataset from an already parsed JSON value.
pub fn load_value(root: &Value) -> Loaded {
    let Some(obj) = root.as_object() else {
        return Loaded {
            dataset: Dataset::default(),
            problems: vec![file_problem(
                "the top level must be an object with an `events` list",
            )],
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
    l.problems.push(file_problem(why));
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
struct Validator {
    meta: Metadata,
    countries: HashSet<String>,
    sources: SourceIndex,
    seen: HashSet<String>,
    /// Entry index of each loaded event, to name it in problems found at the end.
    entry_index: Vec<usize>,
    events: Vec<Event>,
    problems: Vec<Problem>,
}

impl Validator {
    fn new(obj: &Map<String, Value>) -> Self {
        let mut problems = Vec::new();
        let meta = load_metadata(obj, &mut problems);
        Validator {
            countries: meta.countries.iter().map(|c| c.code.clone()).collect(),
            sources: SourceIndex::new(&meta),
            meta,
            seen: HashSet::new(),
            entry_index: Vec::new(),
            events: Vec::new(),
            problems,
        }
    }

    fn entry(&mut self, index: usize, entry: &Value) {
        let mut cx = EntryCx {
            index,
            id: None,
            problems: Vec::new(),
        };
        if let Some(ev) = cx.event(entry, &self.countries, &self.sources) {
            if !self.seen.insert(ev.id.clone()) {
                cx.push(
                    P::DuplicateId,
                    "id",
                    format!("the id \"{}\" is used by an earlier entry", ev.id),
                );
            } else if cx.problems.is_empty() {
                self.events.push(ev);
                self.entry_index.push(index);
            }
        }
        self.problems.append(&mut cx.problems);
    }

    /// Links to ids that no loaded event has are reported and dropped; the
    /// event itself stays (a dangling link loses nothing else).
    fn finish(mut self) -> Loaded {
        if !self.events.iter().any(|e| !e.related.is_empty()) {
            // Most datasets link nothing: no id set to build.
            return Loaded {
                dataset: Dataset::new(self.meta, self.events),
                problems: self.problems,
            };
        }
        let ids: HashSet<String> = self.events.iter().map(|e| e.id.clone()).collect();
        for (e, &index) in self.events.iter_mut().zip(&self.entry_index) {
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
                    });
                }
                k += 1;
                ok
            });
        }
        Loaded {
            dataset: Dataset::new(self.meta, self.events),
            problems: self.problems,
        }
    }
}

/// Loading in steps, so that a large dataset does not freeze a page: the
/// text is split into raw entries once, then [`Incremental::step`] validates
/// a few thousand at a time and the caller yields to the browser in between.
pub struct Incremental {
    text: String,
    ranges: Vec<(usize, usize)>,
    next: usize,
    validator: Validator,
}

impl Incremental {
    /// Splits `text` into entries. Anything that is not a JSON object with an
    /// `events` list is loaded at once, and returned as `Err` with its problems.
    pub fn start(text: String) -> Result<Incremental, Box<Loaded>> {
        let parsed = serde_json::from_str::<RawDoc>(&text).ok().and_then(|doc| {
            let base = text.as_ptr() as usize;
            let ranges = doc
                .events?
                .iter()
                .map(|r| {
                    let start = r.get().as_ptr() as usize - base;
                    (start, start + r.get().len())
                })
                .collect::<Vec<_>>();
            Some((Validator::new(&doc.rest), ranges))
        });
        match parsed {
            Some((validator, ranges)) => Ok(Incremental {
                text,
                ranges,
                next: 0,
                validator,
            }),
            None => Err(Box::new(load_json(&text))),
        }
    }

    pub fn total(&self) -> usize {
        self.ranges.len()
    }

    pub fn done(&self) -> usize {
        self.next
    }

    /// Validates up to `n` more entries; true when all are done.
    pub fn step(&mut self, n: usize) -> bool {
        let end = (self.next + n).min(self.ranges.len());
        for index in self.next..end {
            let (a, b) = self.ranges[index];
            let value = serde_json::from_str::<Value>(&self.text[a..b]).unwrap_or(Value::Null);
            self.validator.entry(index, &value);
        }
        self.next = end;
        self.next == self.ranges.len()
    }

    /// Validates what is left and returns the result.
    pub fn finish(mut self) -> Loaded {
        self.step(usize::MAX - self.next);
        self.validator.finish()
    }
}

fn file_problem(message: &str) -> Problem {
    Problem {
        kind: P::WrongShape,
        location: Location::File,
        field: None,
        message: message.into(),
    }
}

/// Loads JSON or CSV, by the file name's extension or, failing that, the text's first character.
pub fn load_any(text: &str, name: &str) -> Loaded {
    let lower = name.to_ascii_lowercase();
    let path = lower.split(['?', '#']).next().unwrap_or("");
    let looks_json = text.trim_start().starts_with(['{', '[']);
    if path.ends_with(".csv") || (!path.ends_with(".json") && !looks_json && text.contains(',')) {
        crate::csv_import::load_csv(text, name)
    } else {
        load_json(text)
    }
}
