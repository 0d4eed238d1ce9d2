//! CSV datasets: one row per event, columns by name (any order; unknown ones
//! ignored). Documented in `docs/data-format.md`.
//!
//! `id,kind,title,date,end,countries,places,killed,wounded,scope,summary,note,related,source_document,source_section,source_url`
//!
//! `countries`, `places` and `related` hold several values separated by `;`. The rows
//! become the JSON shape and go through the same validation as JSON
//! datasets, so problems read the same (entry N is data row N, from 0).
//! Countries are the codes the rows use, named from a small table of known names.

use crate::load::{load_value, Loaded};
use crate::problem::{Location, Problem, ProblemKind};
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

/// English short names for codes a CSV may use; others are shown as their code.
const NAMES: [(&str, &str); 20] = [
    ("AF", "Afghanistan"),
    ("BY", "Belarus"),
    ("CN", "China"),
    ("IN", "India"),
    ("IR", "Iran"),
    ("KG", "Kyrgyzstan"),
    ("KZ", "Kazakhstan"),
    ("LK", "Sri Lanka"),
    ("MN", "Mongolia"),
    ("PK", "Pakistan"),
    ("RU", "Russia"),
    ("TJ", "Tajikistan"),
    ("TR", "Turkey"),
    ("UZ", "Uzbekistan"),
    ("US", "United States"),
    ("GB", "United Kingdom"),
    ("FR", "France"),
    ("DE", "Germany"),
    ("SE", "Sweden"),
    ("TM", "Turkmenistan"),
];

fn list(cell: &str) -> Value {
    Value::Array(
        cell.split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| Value::String(s.to_string()))
            .collect(),
    )
}

fn number(cell: &str) -> Option<Value> {
    let t = cell.trim();
    if t.is_empty() {
        return None;
    }
    Some(
        t.parse::<i64>()
            .map(Value::from)
            .unwrap_or_else(|_| Value::String(t.to_string())),
    )
}

/// Loads a dataset from CSV text.
pub fn load_csv(text: &str, title: &str) -> Loaded {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match rdr.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_ascii_lowercase()).collect(),
        Err(e) => return csv_failure(&e),
    };
    let mut events = Vec::new();
    let mut codes = BTreeSet::new();
    let mut docs = BTreeSet::new();
    let mut problems = Vec::new();
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                problems.extend(csv_failure(&e).problems);
                break;
            }
        };
        let get = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .and_then(|i| rec.get(i))
                .unwrap_or("")
        };
        let mut o = Map::new();
        for key in ["id", "kind", "title", "date", "summary"] {
            if !get(key).is_empty() {
                o.insert(key.into(), Value::String(get(key).into()));
            }
        }
        for key in ["end", "scope", "note"] {
            if !get(key).is_empty() {
                o.insert(key.into(), Value::String(get(key).into()));
            }
        }
        let countries = list(get("countries"));
        for c in countries
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            codes.insert(c.to_string());
        }
        o.insert("countries".into(), countries);
        o.insert("places".into(), list(get("places")));
        if !get("related").is_empty() {
            o.insert("related".into(), list(get("related")));
        }
        let mut cas = Map::new();
        for key in ["killed", "wounded"] {
            if let Some(v) = number(get(key)) {
                cas.insert(key.into(), v);
            }
        }
        if !cas.is_empty() {
            o.insert("casualties".into(), Value::Object(cas));
        }
        let doc = get("source_document");
        if !doc.is_empty() {
            docs.insert(doc.to_string());
            let mut s = Map::new();
            s.insert("document".into(), doc.into());
            if !get("source_section").is_empty() {
                s.insert("section".into(), get("source_section").into());
            }
            if !get("source_url").is_empty() {
                s.insert("url".into(), get("source_url").into());
            }
            o.insert("source".into(), Value::Object(s));
        }
        events.push(Value::Object(o));
    }
    let countries: Vec<Value> = codes
        .iter()
        .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
        .map(|c| {
            let name = NAMES
                .iter()
                .find(|(k, _)| k == c)
                .map_or(c.as_str(), |(_, n)| n);
            json!({ "code": c, "name": name, "status": "other" })
        })
        .collect();
    let sources: Vec<Value> = docs
        .iter()
        .map(|d| json!({ "id": d, "title": d }))
        .collect();
    let root =
        json!({ "title": title, "sources": sources, "countries": countries, "events": events });
    let mut loaded = load_value(&root);
    loaded.problems.extend(problems);
    loaded
}

fn csv_failure(e: &csv::Error) -> Loaded {
    let line = e.position().map_or(0, |p| p.line() as usize);
    Loaded {
        dataset: Default::default(),
        problems: vec![Problem {
            kind: ProblemKind::MalformedJson { line, column: 0 },
            location: Location::File,
            field: None,
            message: format!("not valid CSV at line {line}: {e}"),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_rows_with_their_own_countries_and_reports_bad_ones() {
        let text = "id,kind,title,date,end,countries,places,killed,wounded,summary,source_document,source_section\n\
            a-1,incident,Attack,2004-09,,RU,Beslan,300,,A summary,paper,S1\n\
            b-2,exercise,Drill,2005-08-18,2005-08-25,RU;CN,\"Vladivostok, Russia; Shandong\",,,Drill,paper,S2\n\
            c-3,incident,Bad,2004-13,,US,,-1,,x,paper,S3\n";
        let l = load_csv(text, "mine");
        let ids: Vec<&str> = l.dataset.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a-1", "b-2"]);
        assert_eq!(
            l.dataset.events[1].places,
            ["Vladivostok, Russia", "Shandong"]
        );
        assert_eq!(l.dataset.country_name("CN"), "China");
        let codes: Vec<&str> = l
            .dataset
            .meta
            .countries
            .iter()
            .map(|c| c.code.as_str())
            .collect();
        assert_eq!(codes, ["CN", "RU", "US"]);
        let fields: Vec<_> = l
            .problems
            .iter()
            .map(|p| (p.entry_index(), p.field.clone()))
            .collect();
        assert_eq!(
            fields,
            vec![
                (Some(2), Some("date".into())),
                (Some(2), Some("casualties.killed".into()))
            ]
        );
    }

    #[test]
    fn broken_csv_is_reported_not_panicked() {
        // The csv crate reads an unterminated quote leniently: the row is then invalid.
        let l = load_csv("id,kind\n\"unterminated,x\n", "t");
        assert!(l.dataset.events.is_empty());
        assert!(
            l.problems.iter().any(|p| p.field.as_deref() == Some("id")),
            "{:?}",
            l.problems
        );
    }
}
