//! Importers: the files people already keep, read into this timeline's
//! entries and validated like our own (`crate::load`). The importer is
//! chosen from the content (the name only breaks a tie between JSON and
//! CSV). Each format's field mapping is documented in `docs/importers.md`.
//!
//! | format                         | recognised by                                   |
//! |--------------------------------|-------------------------------------------------|
//! | ours (JSON, or a list)         | `events` with `date`; a list of `date`+`title`  |
//! | ours (CSV)                     | columns `date`, `title` and only ours           |
//! | TimelineJS3 JSON               | `events` whose entries have `start_date`        |
//! | TimelineJS3 sheet (CSV)        | columns `Year` and `Headline`                   |
//! | vis-timeline items             | a list (or `items`) with `start` and `content`  |
//! | ACLED CSV                      | columns `event_date` and `event_type`           |
//! | GTD CSV                        | columns `iyear` and `imonth`                    |
//! | any other table or JSON list   | a column mapping, guessed, then chosen          |
//!
//! A table may also come as an Apache Arrow IPC file (Feather v2, `arrow`):
//! its columns are read as a CSV's, by the same importers.

mod arrow;
mod csv_read;
pub mod html;
mod mapping;
mod native_meta;
mod rows;
mod sniff;
mod timelinejs;
mod vis;

pub use crate::origin::{Format, Mapping, Role, Table};
pub(crate) use native_meta::Seed;
pub(crate) use rows::NATIVE as NATIVE_CSV_COLUMNS;

use crate::load::{load_json, Incremental, Loaded};
use crate::problem::{Problem, ProblemKind};
use serde_json::{Map, Value};

/// Rows shown in the mapping step's preview.
pub const PREVIEW_ROWS: usize = 5;

fn file_problem(message: String) -> Problem {
    Problem::file(ProblemKind::WrongShape, message)
}

/// Opens a file's bytes: decoded as a browser would (`crate::decode`: a
/// byte-order mark, else UTF-8, else Windows-1252, with a notice), then
/// read as [`open`] reads text.
pub fn open_bytes(bytes: Vec<u8>, name: &str, mapping: Option<&Mapping>) -> Incremental {
    if arrow::is_arrow(&bytes) {
        return rows::open_arrow(bytes, name, mapping);
    }
    // Not data at all (an image, an archive, a binary file): said as what it
    // is, before decoding would give advice about text encodings.
    let binary = || (!crate::decode::is_utf16(&bytes)).then(|| sniff::binary(&bytes));
    if let Some(why) = sniff::refuse(&bytes).or_else(|| binary().flatten()) {
        return unread(why);
    }
    let d = crate::decode::decode_owned(bytes);
    if sniff::is_empty(&d.text) {
        // No notice of how nothing was decoded.
        return unread("the file is empty".into());
    }
    open(d.text, name, mapping).with_encoding(d.encoding, d.notice)
}

/// Opens `text` with the importer its content calls for; `mapping` is the
/// column mapping for a table of unknown shape (guessed when `None`).
/// A byte-order mark at its start is dropped on every path.
pub fn open(mut text: String, name: &str, mapping: Option<&Mapping>) -> Incremental {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if sniff::is_empty(&text) {
        return unread("the file is empty".into());
    }
    if let Some(why) = sniff::web_page(&text) {
        return unread(why);
    }
    let head = text.trim_start();
    if head.starts_with(['{', '[']) {
        return open_json(text, mapping);
    }
    let lower = name.to_ascii_lowercase();
    let path = lower.split(['?', '#']).next().unwrap_or("");
    if path.ends_with(".json") {
        return Incremental::from_values(&Map::new(), Vec::new(), Format::Native).with_problem(
            load_json(&text)
                .problems
                .into_iter()
                .next()
                .unwrap_or_else(|| {
                    file_problem("this is not a timeline: the file is not JSON".into())
                }),
        );
    }
    rows::open_csv(text, name, mapping)
}

/// A file refused before any importer read it: why, nothing else.
fn unread(why: String) -> Incremental {
    Incremental::from_values(&Map::new(), Vec::new(), Format::Unread)
        .with_problem(file_problem(why))
}

/// Loads a file of any format the importers know, chosen from its content
/// (and its name), with the columns guessed for a table of unknown shape.
pub fn load_any(text: &str, name: &str) -> Loaded {
    open(text.to_string(), name, None).finish()
}

/// Loads CSV text as a table, whatever its first character.
pub(crate) fn open_csv_text(text: String, name: &str) -> Loaded {
    rows::open_csv(text, name, None).finish()
}

/// Where a JSON file keeps its entries.
#[derive(Clone, Copy, PartialEq)]
enum Container {
    Events,
    List,
    Items,
}

/// The container, its first entry, and the entries' spans in the text with
/// the top level's other keys — found in one scan, without building the
/// whole tree (a large file of ours is then validated entry by entry, from
/// these spans: the text is not scanned again).
struct Peeked {
    container: Container,
    first: Map<String, Value>,
    rest: Map<String, Value>,
    spans: Vec<(usize, usize)>,
}

fn peek(text: &str) -> Option<Peeked> {
    use serde_json::value::RawValue;
    #[derive(serde::Deserialize)]
    struct Doc<'a> {
        #[serde(borrow, default)]
        events: Option<Vec<&'a RawValue>>,
        #[serde(borrow, default)]
        items: Option<Vec<&'a RawValue>>,
        #[serde(flatten)]
        rest: Map<String, Value>,
    }
    let peeked = |container, list: &[&RawValue], rest| Peeked {
        container,
        first: list
            .iter()
            .find_map(|r| serde_json::from_str::<Map<String, Value>>(r.get()).ok())
            .unwrap_or_default(),
        rest,
        spans: crate::load::spans(text, list),
    };
    if let Ok(doc) = serde_json::from_str::<Doc>(text) {
        if let Some(ev) = doc.events {
            // (An `items` beside `events` is no metadata ours reads: left out of `rest`.)
            return Some(peeked(Container::Events, &ev, doc.rest));
        }
        return doc.items.map(|it| peeked(Container::Items, &it, doc.rest));
    }
    serde_json::from_str::<Vec<&RawValue>>(text)
        .ok()
        .map(|list| peeked(Container::List, &list, Map::new()))
}

fn open_json(text: String, mapping: Option<&Mapping>) -> Incremental {
    let Some(Peeked {
        container,
        first,
        rest,
        spans,
    }) = peek(&text)
    else {
        return failed(load_json(&text));
    };
    // Another tool's JSON is read whole; one that cannot be (nested too
    // deep, a number beyond f64) says why rather than reading as empty.
    let tree = || {
        serde_json::from_str::<Value>(&text).map_err(|e| {
            Box::new(
                Incremental::from_values(&Map::new(), Vec::new(), Format::JsonList).with_problem(
                    file_problem(format!(
                        "this file cannot be read: {} (at line {}, column {})",
                        crate::load::json_error(&e),
                        e.line(),
                        e.column()
                    )),
                ),
            )
        })
    };
    // Ours: validated from the spans found (in a list, the top level has no other keys).
    let ours = |text: String| Incremental::from_spans(text, &rest, spans);
    if first.contains_key("start_date") {
        let root = match tree() {
            Ok(root) => root,
            Err(inc) => return *inc,
        };
        return match (container, root) {
            (Container::Events, root) => timelinejs::open_json(&root),
            (_, Value::Array(list)) => {
                timelinejs::open_json(&serde_json::json!({ "events": list }))
            }
            (_, root) => timelinejs::open_json(&serde_json::json!({ "events": root.get("items") })),
        };
    }
    match container {
        Container::Events => ours(text),
        _ if first.contains_key("start") && first.contains_key("content") => match tree() {
            Ok(root) => vis::open(&root),
            Err(inc) => *inc,
        },
        Container::List
            if first.is_empty() || (first.contains_key("date") && first.contains_key("title")) =>
        {
            ours(text)
        }
        _ => {
            let root = match tree() {
                Ok(root) => root,
                Err(inc) => return *inc,
            };
            let list = match &root {
                Value::Array(a) => a.as_slice(),
                v => v
                    .get("items")
                    .and_then(Value::as_array)
                    .map_or(&[][..], Vec::as_slice),
            };
            mapping::open_json_list(list, mapping)
        }
    }
}

/// A load that failed before any entry: its problems, nothing else.
fn failed(l: Loaded) -> Incremental {
    let mut inc = Incremental::from_values(&Map::new(), Vec::new(), l.format);
    for p in l.problems {
        inc = inc.with_problem(p);
    }
    inc
}

/// Text of a JSON value as an importer reads a cell: strings as they are,
/// numbers and booleans written out, lists of text joined by "; ".
pub(crate) fn cell(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| cell(Some(x)))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; "),
        _ => String::new(),
    }
}

/// A whole, non-negative count from a cell ("3", "3.0"); other text is kept
/// as it is so the validator names it.
pub(crate) fn count(cellv: &str) -> Option<Value> {
    let t = cellv.trim();
    if t.is_empty() {
        return None;
    }
    match t.parse::<f64>() {
        Ok(f) if f >= 0.0 && f.fract() == 0.0 && f < 1e15 => Some(Value::from(f as u64)),
        Ok(f) if f < 0.0 => Some(Value::from(f as i64)),
        _ => Some(Value::String(t.to_string())),
    }
}

/// A date cell as our ISO form when it reads as a date; as written otherwise
/// (so the validator says what is wrong with it).
pub(crate) fn date_value(cellv: &str) -> Value {
    match crate::date::PartialDate::parse_loose(cellv) {
        Ok(d) => Value::String(d.to_string()),
        Err(_) => Value::String(cellv.trim().to_string()),
    }
}

/// Text and links from a cell that may hold HTML: into `summary`, `links`.
pub(crate) fn put_text(o: &mut Map<String, Value>, key: &str, raw: &str, links: &mut Vec<Value>) {
    let (text, found) = html::to_text(raw);
    for l in found {
        links.push(serde_json::json!({ "url": l.url, "text": l.text }));
    }
    if !text.is_empty() {
        o.insert(key.into(), Value::String(text));
    }
}

/// Values separated by `;` (or `|`), trimmed, empty ones left out.
pub(crate) fn split_list(cellv: &str) -> Value {
    Value::Array(
        cellv
            .split([';', '|'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| Value::String(s.to_string()))
            .collect(),
    )
}
