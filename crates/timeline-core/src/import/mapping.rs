//! The mapping step for a table (CSV) or JSON list of unknown shape: which
//! column is the date, the end, the title, the category, the country, the
//! places, the casualties, the summary, the source. A first mapping is
//! guessed from the column names; the user can change it, and the choice is
//! kept in the link (`map=`, see [`Mapping::encode`]).

use super::{cell, count, date_value, put_text, split_list, Format, Table, PREVIEW_ROWS};
use crate::load::Incremental;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// What a column can be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Date,
    End,
    Title,
    Category,
    Country,
    Places,
    Killed,
    Wounded,
    Summary,
    Source,
    Link,
    Id,
}

impl Role {
    pub const ALL: [Role; 12] = [
        Role::Date,
        Role::End,
        Role::Title,
        Role::Category,
        Role::Country,
        Role::Places,
        Role::Killed,
        Role::Wounded,
        Role::Summary,
        Role::Source,
        Role::Link,
        Role::Id,
    ];

    /// The key in a link's `map=`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Date => "date",
            Role::End => "end",
            Role::Title => "title",
            Role::Category => "category",
            Role::Country => "country",
            Role::Places => "places",
            Role::Killed => "killed",
            Role::Wounded => "wounded",
            Role::Summary => "summary",
            Role::Source => "source",
            Role::Link => "link",
            Role::Id => "id",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// For the mapping step's labels.
    pub fn label(self) -> &'static str {
        match self {
            Role::Date => "Date (start)",
            Role::End => "End date",
            Role::Title => "Title",
            Role::Category => "Category",
            Role::Country => "Country",
            Role::Places => "Places",
            Role::Killed => "Killed",
            Role::Wounded => "Wounded",
            Role::Summary => "Summary",
            Role::Source => "Source",
            Role::Link => "Link (address)",
            Role::Id => "Id",
        }
    }

    /// Column names (folded: lower case, letters and digits only) that mean this role.
    fn names(self) -> &'static [&'static str] {
        match self {
            Role::Date => &[
                "date",
                "start",
                "startdate",
                "eventdate",
                "begin",
                "from",
                "when",
                "datetime",
                "year",
                "time",
                "day",
            ],
            Role::End => &["end", "enddate", "to", "until", "finish", "stop"],
            Role::Title => &[
                "title",
                "name",
                "headline",
                "event",
                "label",
                "content",
                "subject",
                "eventname",
            ],
            Role::Category => &[
                "category",
                "kind",
                "type",
                "eventtype",
                "group",
                "class",
                "classification",
            ],
            Role::Country => &[
                "country",
                "countries",
                "nation",
                "countrytxt",
                "countryname",
            ],
            Role::Places => &[
                "place", "places", "location", "city", "region", "site", "admin1",
            ],
            Role::Killed => &[
                "killed",
                "deaths",
                "dead",
                "fatalities",
                "nkill",
                "casualties",
            ],
            Role::Wounded => &["wounded", "injured", "nwound"],
            Role::Summary => &[
                "summary",
                "description",
                "text",
                "notes",
                "note",
                "details",
                "body",
                "comment",
            ],
            Role::Source => &["source", "sources", "reference", "citation", "publisher"],
            Role::Link => &["url", "link", "href", "sourceurl"],
            Role::Id => &["id", "uid", "eventid", "key", "uniqueid"],
        }
    }
}

fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Role → column name. A role with no column is left out.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Mapping {
    pub columns: BTreeMap<Role, String>,
}

impl Mapping {
    /// A first mapping from the column names: each role takes the first
    /// column whose name means it (in the order of [`Role::names`]), and no
    /// column serves two roles.
    pub fn guess(columns: &[String]) -> Mapping {
        let folded: Vec<String> = columns.iter().map(|c| fold(c)).collect();
        let mut m = Mapping::default();
        let mut taken = vec![false; columns.len()];
        for role in Role::ALL {
            let found = role.names().iter().find_map(|n| {
                folded
                    .iter()
                    .enumerate()
                    .find(|(i, f)| !taken[*i] && f.as_str() == *n)
                    .map(|(i, _)| i)
            });
            if let Some(i) = found {
                taken[i] = true;
                m.columns.insert(role, columns[i].clone());
            }
        }
        m
    }

    pub fn get(&self, role: Role) -> Option<&str> {
        self.columns.get(&role).map(String::as_str)
    }

    pub fn set(&mut self, role: Role, column: Option<String>) {
        match column.filter(|c| !c.is_empty()) {
            Some(c) => {
                self.columns.insert(role, c);
            }
            None => {
                self.columns.remove(&role);
            }
        }
    }

    /// For a link: `date=Event+Date&title=Name` (`form_urlencoded`), to be
    /// percent-encoded again as one query value.
    pub fn encode(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (role, col) in &self.columns {
            s.append_pair(role.as_str(), col);
        }
        s.finish()
    }

    /// Reads [`Mapping::encode`]'s form; unknown roles are ignored.
    pub fn decode(s: &str) -> Mapping {
        let mut m = Mapping::default();
        for (k, v) in form_urlencoded::parse(s.as_bytes()) {
            if let Some(role) = Role::parse(&k) {
                m.set(role, Some(v.into_owned()));
            }
        }
        m
    }

    /// One entry of ours from a row, `get` giving a column's cell.
    pub(crate) fn entry(&self, get: impl Fn(&str) -> String) -> Value {
        let val = |role: Role| self.get(role).map(&get).unwrap_or_default();
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
            Value::Object(o) => m.entry(|c| cell(o.get(c))),
            other => other.clone(),
        })
        .collect();
    let inc = Incremental::from_values(&Map::new(), values, Format::JsonList);
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
