//! Exports of the shown events in this timeline's own formats: JSON (with
//! the metadata they need: sources, countries, categories) and CSV (the
//! columns of `docs/data-format.md`, one event per row). Both load back to
//! the same events (tested).

use crate::model::{Dataset, Event, Scope};
use serde_json::{json, Map, Value};

fn event_json(e: &Event, ds: &Dataset) -> Value {
    let mut o = Map::new();
    o.insert("id".into(), e.id.clone().into());
    o.insert("kind".into(), ds.category(e.kind).id.clone().into());
    o.insert("title".into(), e.title.clone().into());
    o.insert("date".into(), e.date.to_string().into());
    if let Some(end) = e.end {
        o.insert("end".into(), end.to_string().into());
    }
    o.insert("countries".into(), json!(e.countries));
    if !e.places.is_empty() {
        o.insert("places".into(), json!(e.places));
    }
    if let Some(c) = &e.casualties {
        let mut m = Map::new();
        if let Some(k) = c.killed {
            m.insert("killed".into(), k.into());
        }
        if let Some(w) = c.wounded {
            m.insert("wounded".into(), w.into());
        }
        o.insert("casualties".into(), Value::Object(m));
    }
    if e.scope == Scope::Organisation {
        o.insert("scope".into(), "organisation".into());
    }
    if !e.summary.is_empty() {
        o.insert("summary".into(), e.summary.clone().into());
    }
    if let Some(n) = &e.note {
        o.insert("note".into(), n.clone().into());
    }
    if !e.related.is_empty() {
        o.insert("related".into(), json!(e.related));
    }
    if !e.links.is_empty() {
        let links: Vec<Value> = e
            .links
            .iter()
            .map(|l| json!({ "url": l.url, "text": l.text }))
            .collect();
        o.insert("links".into(), Value::Array(links));
    }
    let sources: Vec<Value> = e
        .sources
        .iter()
        .map(|s| {
            let mut m = Map::new();
            m.insert("document".into(), s.document.clone().into());
            if !s.section.is_empty() {
                m.insert("section".into(), s.section.clone().into());
            }
            if let Some(u) = &s.url {
                m.insert("url".into(), u.clone().into());
            }
            if let Some(q) = &s.quote {
                m.insert("quote".into(), q.clone().into());
            }
            if let Some(q) = s.quote_in {
                m.insert("quote_in".into(), q.as_str().into());
            }
            Value::Object(m)
        })
        .collect();
    if !sources.is_empty() {
        o.insert("source".into(), Value::Array(sources));
    }
    Value::Object(o)
}

/// The shown events (`shown`: indexes into `ds.events`) as our JSON.
pub fn to_json(ds: &Dataset, shown: &[usize]) -> String {
    let m = &ds.meta;
    // Links to events left out would dangle: only links among the shown are kept.
    let ids: std::collections::HashSet<&str> =
        shown.iter().map(|&i| ds.events[i].id.as_str()).collect();
    let events: Vec<Value> = shown
        .iter()
        .map(|&i| {
            let mut e = ds.events[i].clone();
            e.related.retain(|r| ids.contains(r.as_str()));
            event_json(&e, ds)
        })
        .collect();
    let countries: Vec<Value> = m
        .countries
        .iter()
        .map(|c| {
            let mut o = json!({ "code": c.code, "name": c.name, "status": c.status.as_str() });
            if let Some(y) = c.since {
                o["since"] = y.into();
            }
            o
        })
        .collect();
    let categories: Vec<Value> = m
        .categories
        .iter()
        .map(|c| {
            let mut o = json!({ "id": c.id, "label": c.label, "plural": c.plural, "shape": c.shape.as_str() });
            if let Some(col) = &c.colour {
                o["colour"] = col.clone().into();
            }
            o
        })
        .collect();
    let sources: Vec<Value> = m
        .sources
        .iter()
        .map(|s| {
            let mut o = json!({ "id": s.id, "title": s.title });
            for (k, v) in [
                ("author", &s.author),
                ("publisher", &s.publisher),
                ("url", &s.url),
                ("file", &s.file),
                ("reading_copy", &s.reading_copy),
            ] {
                if let Some(v) = v {
                    o[k] = v.clone().into();
                }
            }
            o
        })
        .collect();
    let mut root = Map::new();
    root.insert("format".into(), "sco-timeline/1".into());
    root.insert("title".into(), m.title.clone().into());
    if !m.description.is_empty() {
        root.insert("description".into(), m.description.clone().into());
    }
    if !sources.is_empty() {
        root.insert("sources".into(), Value::Array(sources));
    }
    // Countries are listed only when the dataset has some (else they come from
    // the events), and only when each has a two-letter code: a facet of its
    // own ("Soviet Union", from an import) cannot be declared, so such a
    // dataset's countries come from its events again, as when it was read.
    let codes_ok = m
        .countries
        .iter()
        .all(|c| c.code.len() == 2 && c.code.bytes().all(|b| b.is_ascii_uppercase()));
    if !countries.is_empty() && codes_ok {
        root.insert("countries".into(), Value::Array(countries));
    }
    root.insert("categories".into(), Value::Array(categories));
    root.insert("events".into(), Value::Array(events));
    serde_json::to_string_pretty(&Value::Object(root)).unwrap_or_default()
}

/// The shown events as our CSV. Lists are joined with `;`; an event's first
/// source only (CSV has one source per row); links are not kept. Each row
/// also carries its kind's lane (label, plural, place, shape, colour) and its
/// countries' chips (names, statuses, years, places), so that the file opens
/// on the same lanes and chips (`import::native_meta`, `docs/data-format.md`).
pub fn to_csv(ds: &Dataset, shown: &[usize]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header = crate::import::NATIVE_CSV_COLUMNS;
    let _ = w.write_record(header);
    let ids: std::collections::HashSet<&str> =
        shown.iter().map(|&i| ds.events[i].id.as_str()).collect();
    let kinds: Vec<[String; 5]> = ds
        .meta
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            [
                c.label.clone(),
                c.plural.clone(),
                i.to_string(),
                c.shape.as_str().to_string(),
                c.colour.clone().unwrap_or_default(),
            ]
        })
        .collect();
    for &i in shown {
        let e = &ds.events[i];
        let src = e.sources.first();
        let cas = e.casualties.clone().unwrap_or_default();
        let related: Vec<&str> = e
            .related
            .iter()
            .map(String::as_str)
            .filter(|r| ids.contains(r))
            .collect();
        let mut row = vec![
            e.id.clone(),
            ds.category(e.kind).id.clone(),
            e.title.clone(),
            e.date.to_string(),
            e.end.map(|d| d.to_string()).unwrap_or_default(),
            e.countries.join(";"),
            e.places.join(";"),
            cas.killed.map(|k| k.to_string()).unwrap_or_default(),
            cas.wounded.map(|k| k.to_string()).unwrap_or_default(),
            if e.scope == Scope::Organisation {
                "organisation".into()
            } else {
                String::new()
            },
            e.summary.clone(),
            e.note.clone().unwrap_or_default(),
            related.join(";"),
            src.map(|s| s.document.clone()).unwrap_or_default(),
            src.map(|s| s.section.clone()).unwrap_or_default(),
            src.and_then(|s| s.url.clone()).unwrap_or_default(),
        ];
        row.extend(kinds.get(e.kind.index()).cloned().unwrap_or_default());
        row.extend(country_cells(ds, e));
        debug_assert_eq!(row.len(), header.len());
        let _ = w.write_record(&row);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// An event's countries' names, statuses, years and places in the
/// metadata, each a list beside `countries` (an unlisted country: empty).
fn country_cells(ds: &Dataset, e: &Event) -> [String; 4] {
    let mut cells: [Vec<String>; 4] = Default::default();
    for code in &e.countries {
        let at = ds.country_index_of(code);
        let c = at.map(|k| &ds.meta.countries[k]);
        cells[0].push(c.map(|c| c.name.clone()).unwrap_or_default());
        cells[1].push(c.map(|c| c.status.as_str().to_string()).unwrap_or_default());
        cells[2].push(
            c.and_then(|c| c.since)
                .map(|y| y.to_string())
                .unwrap_or_default(),
        );
        cells[3].push(at.map(|k| k.to_string()).unwrap_or_default());
    }
    cells.map(|l| l.join(";"))
}
