//! vis-timeline items, from its documentation: a list of items (`id`,
//! `content`, `start`, `end`, `group`, `type`, `title`, `className`, `style`),
//! or an object with `items` and a `groups` list (`id`, `content`).
//!
//! `content` (HTML) → title, `title` (the tooltip, HTML) → summary, `group` →
//! category (labelled by its group's `content`), `start`/`end` (a date text
//! or milliseconds since 1970) → date and end. Items of `type: "background"`
//! are periods shading the chart, not events: they are left out and counted.
//! `className`, `style`, `subgroup` and `editable` are dropped.

use super::{cell, date_value, file_problem, html, Format};
use crate::date::PartialDate;
use crate::load::{Incremental, Naming, RowNumbers};
use serde_json::{json, Map, Value};

/// Day number of 1970-01-01 (Julian day).
const UNIX_EPOCH_JD: i64 = 2_440_588;

fn when(v: Option<&Value>) -> Option<Value> {
    match v? {
        Value::Number(n) => {
            let ms = n.as_f64()?;
            let jd = (ms / 86_400_000.0).floor() as i64 + UNIX_EPOCH_JD;
            let jd = i32::try_from(jd).ok()?;
            Some(Value::String(PartialDate::from_day_number(jd).to_string()))
        }
        Value::String(s) if !s.trim().is_empty() => Some(date_value(s)),
        _ => None,
    }
}

pub(crate) fn open(root: &Value) -> Incremental {
    let (items, groups) = match root {
        Value::Array(a) => (a.as_slice(), &[][..]),
        v => (
            v.get("items")
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice),
            v.get("groups")
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice),
        ),
    };
    let mut meta = Map::new();
    if !groups.is_empty() {
        let cats: Vec<Value> = groups
            .iter()
            .filter(|g| !cell(g.get("id")).is_empty())
            .map(|g| {
                let label = html::to_text(&cell(g.get("content"))).0;
                json!({ "id": cell(g.get("id")), "label": if label.is_empty() { cell(g.get("id")) } else { label } })
            })
            .collect();
        meta.insert("categories".into(), Value::Array(cats));
    }
    let mut background = 0;
    let mut values = Vec::new();
    for item in items {
        let Some(o) = item.as_object() else {
            values.push(item.clone());
            continue;
        };
        if cell(o.get("type")) == "background" {
            background += 1;
            continue;
        }
        let mut e = Map::new();
        let mut links = Vec::new();
        let id = cell(o.get("id"));
        if !id.is_empty() {
            e.insert("id".into(), id.into());
        }
        if let Some(d) = when(o.get("start")) {
            e.insert("date".into(), d);
        }
        if let Some(d) = when(o.get("end")) {
            e.insert("end".into(), d);
        }
        let (title, l1) = html::to_text(&cell(o.get("content")));
        let (summary, l2) = html::to_text(&cell(o.get("title")));
        for l in l1.into_iter().chain(l2) {
            links.push(json!({ "url": l.url, "text": l.text }));
        }
        e.insert(
            "title".into(),
            if title.is_empty() {
                "Untitled item".to_string()
            } else {
                title
            }
            .into(),
        );
        if !summary.is_empty() {
            e.insert("summary".into(), summary.into());
        }
        let group = cell(o.get("group"));
        if !group.is_empty() {
            e.insert("kind".into(), group.into());
        } else if !groups.is_empty() {
            e.insert("kind".into(), Value::Null);
        }
        if !links.is_empty() {
            e.insert("links".into(), Value::Array(links));
        }
        values.push(Value::Object(e));
    }
    let columns = [
        ("id", "id"),
        ("date", "start"),
        ("end", "end"),
        ("title", "content"),
        ("summary", "title"),
        ("kind", "group"),
    ];
    let inc = Incremental::from_values(&meta, values, Format::VisTimeline).with_naming(Naming {
        rows: RowNumbers::None,
        columns: columns.map(|(f, c)| (f, c.to_string())).to_vec(),
    });
    if background > 0 {
        inc.with_problem(file_problem(format!(
            "{background} background item(s) shade periods rather than mark events; they are left out"
        )))
    } else {
        inc
    }
}
