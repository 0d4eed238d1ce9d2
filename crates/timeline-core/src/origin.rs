//! How a file was read: which importer (`Format`), and for a table of
//! unknown shape its columns and first rows (`Table`) and the column
//! mapping (`Mapping`, roles by column). Plain data with no dependency on
//! the loader or the importers, so both can name it.

use crate::text::fold_name;
use std::collections::BTreeMap;

/// Which importer read a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Native,
    NativeCsv,
    TimelineJs,
    TimelineJsSheet,
    VisTimeline,
    Acled,
    Gtd,
    /// A table (CSV) read through a column mapping.
    Table,
    /// A JSON list of objects read through a column mapping.
    JsonList,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Native => "this timeline's JSON",
            Format::NativeCsv => "this timeline's CSV",
            Format::TimelineJs => "TimelineJS3 JSON",
            Format::TimelineJsSheet => "TimelineJS3 spreadsheet (CSV)",
            Format::VisTimeline => "vis-timeline items",
            Format::Acled => "ACLED CSV export",
            Format::Gtd => "Global Terrorism Database CSV export",
            Format::Table => "a table (CSV) with the columns mapped",
            Format::JsonList => "a JSON list with the fields mapped",
        }
    }

    /// Whether its columns are mapped by the user (the mapping step applies).
    pub fn is_mapped(self) -> bool {
        matches!(self, Format::Table | Format::JsonList)
    }
}

/// A table's columns and its first rows, for the mapping step.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Table {
    pub columns: Vec<String>,
    pub preview: Vec<Vec<String>>,
}

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
        let folded: Vec<String> = columns.iter().map(|c| fold_name(c)).collect();
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
}
