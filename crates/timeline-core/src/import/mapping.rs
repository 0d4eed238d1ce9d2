//! The mapping step for a table (CSV) or JSON list of unknown shape: which
//! column is the date, the end, the title, the category, the country, the
//! places, the casualties, the summary, the source. A first mapping is
//! guessed from the column names; the user can change it, and the choice is
//! kept in the link (`map=`, see [`Mapping::encode`]).

use super::{cell, count, date_value, put_text, split_list, Format, Table, PREVIEW_ROWS};
use crate::load::{Incremental, Naming, RowNumbers};
pub use crate::origin::{Mapping, Role};
use serde_json::{Map, Value};

/// One entry of ours from a row, `get` giving a column's cell.
pub(crate) fn entry(m: &Mapping, get: impl Fn(&str) -> String) -> Value {
    let val = |role: Role| m.get(role).map(&get).unwrap_or_default();
    let mut o = Map::new();
    let mut links = Vec::new();
    let id = val(Role::Id);
    if !id.is_empty() {
        o.insert("id".into(), Value::String(id));
    }
    let date = val(Role::Date);
    if !date.is_empty() {
        o.insert("date".into(), date_value(&date));
    }
    let end = val(Role::End);
    if !end.is_empty() {
        o.insert("end".into(), date_value(&end));
    }
    put_text(&mut o, "title", &val(Role::Title), &mut links);
    put_text(&mut o, "summary", &val(Role::Summary), &mut links);
    if !o.contains_key("title") {
        // No title column: the summary's start, or the category, names the event.
        let fallback = o
            .get("summary")
            .and_then(Value::as_str)
            .map(|s| s.chars().take(80).collect::<String>())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| {
                let c = val(Role::Category);
                if c.is_empty() {
                    "Untitled event".into()
                } else {
                    c
                }
            });
        o.insert("title".into(), Value::String(fallback));
    }
    let cat = val(Role::Category);
    if !cat.is_empty() {
        o.insert("kind".into(), Value::String(cat));
    }
    o.insert("countries".into(), split_list(&val(Role::Country)));
    o.insert("places".into(), split_list(&val(Role::Places)));
    let mut cas = Map::new();
    for (role, key) in [(Role::Killed, "killed"), (Role::Wounded, "wounded")] {
        if let Some(v) = count(&val(role)) {
            cas.insert(key.into(), v);
        }
    }
    if !cas.is_empty() {
        o.insert("casualties".into(), Value::Object(cas));
    }
    let source = val(Role::Source);
    if !source.is_empty() {
        o.insert("source".into(), Value::String(source));
    }
    let link = val(Role::Link);
    if link.starts_with("http://") || link.starts_with("https://") {
        links.push(serde_json::json!({ "url": link }));
    }
    if !links.is_empty() {
        o.insert("links".into(), Value::Array(links));
    }
    Value::Object(o)
}

/// Our field each role fills, with the file's column for it (problems name the column).
pub(crate) fn naming(m: &Mapping, rows: RowNumbers) -> Naming {
    let field = |role: Role| match role {
        Role::Date => "date",
        Role::End => "end",
        Role::Title => "title",
        Role::Category => "kind",
        Role::Country => "countries",
        Role::Places => "places",
        Role::Killed => "casualties.killed",
        Role::Wounded => "casualties.wounded",
        Role::Summary => "summary",
        Role::Source => "source",
        Role::Link => "links",
        Role::Id => "id",
    };
    Naming {
        rows,
        columns: m
            .columns
            .iter()
            .map(|(&role, c)| (field(role), c.clone()))
            .collect(),
    }
}

/// A JSON list of objects: its keys are the columns (in order of first
/// appearance), read through `mapping` or a guess.
pub(crate) fn open_json_list(list: &[Value], mapping: Option<&Mapping>) -> Incremental {
    let mut columns: Vec<String> = Vec::new();
    for o in list.iter().filter_map(Value::as_object).take(1000) {
        for k in o.keys() {
            if !columns.contains(k) {
                columns.push(k.clone());
            }
        }
    }
    let table = Table {
        preview: list
            .iter()
            .take(PREVIEW_ROWS)
            .map(|v| columns.iter().map(|c| cell(v.get(c))).collect())
            .collect(),
        columns,
    };
    let m = mapping
        .cloned()
        .unwrap_or_else(|| Mapping::guess(&table.columns));
    let values = list
        .iter()
        .map(|v| match v {
            Value::Object(o) => entry(&m, |c| cell(o.get(c))),
            other => other.clone(),
        })
        .collect();
    let inc = Incremental::from_values(&Map::new(), values, Format::JsonList)
        .with_naming(naming(&m, RowNumbers::None));
    finish_mapped(inc, table, m)
}

/// Attaches the table and mapping; says so plainly when no column is a date.
pub(crate) fn finish_mapped(inc: Incremental, table: Table, m: Mapping) -> Incremental {
    let no_date = m.get(Role::Date).is_none();
    let columns = table.columns.join(", ");
    if no_date {
        // Nothing can be placed in time: no entry is read until a date column is chosen.
        let format = inc.format();
        let inc = Incremental::from_values(&Map::new(), Vec::new(), format).with_table(table, m);
        inc.with_problem(super::file_problem(format!(
            "no column was recognised as the date (columns: {columns}); choose the date column in the mapping step"
        )))
    } else {
        inc.with_table(table, m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_from_names_and_round_trips_through_a_link() {
        let cols: Vec<String> = [
            "Event Date",
            "Name",
            "Type",
            "Country",
            "Deaths",
            "Notes",
            "URL",
        ]
        .map(String::from)
        .to_vec();
        let m = Mapping::guess(&cols);
        assert_eq!(m.get(Role::Date), Some("Event Date"));
        assert_eq!(m.get(Role::Title), Some("Name"));
        assert_eq!(m.get(Role::Category), Some("Type"));
        assert_eq!(m.get(Role::Killed), Some("Deaths"));
        assert_eq!(m.get(Role::Summary), Some("Notes"));
        assert_eq!(m.get(Role::Link), Some("URL"));
        assert_eq!(m.get(Role::End), None);
        assert_eq!(Mapping::decode(&m.encode()), m);
        assert_eq!(
            Mapping::decode("date=A%26B&nonsense=x").get(Role::Date),
            Some("A&B")
        );
    }
}
