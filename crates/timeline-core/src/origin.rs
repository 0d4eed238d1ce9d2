//! How a file was read: which importer (`Format`), and for a table of
//! unknown shape its columns and first rows (`Table`) and the column
//! mapping (`Mapping`, roles by column). Plain data with no dependency on
//! the loader or the importers, so both can name it.

use crate::text::fold_name;

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
    /// Our columns in an Apache Arrow IPC file (Feather v2).
    NativeArrow,
    /// An Arrow IPC file's table read through a column mapping.
    ArrowTable,
    /// Not read: empty, or not data (an image, an archive…: `import::sniff`).
    Unread,
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
            Format::NativeArrow => "this timeline's columns in an Arrow file",
            Format::ArrowTable => "an Arrow table with the columns mapped",
            Format::Unread => "nothing this timeline reads",
        }
    }

    /// Whether its columns are mapped by the user (the mapping step applies).
    pub fn is_mapped(self) -> bool {
        matches!(self, Format::Table | Format::JsonList | Format::ArrowTable)
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

    /// Column names (folded: lower case, letters and digits only) that mean
    /// this role, the likeliest first.
    fn names(self) -> &'static [&'static str] {
        match self {
            Role::Date => &[
                "date",
                "when",
                "start",
                "startdate",
                "eventdate",
                "day",
                "begin",
                "begins",
                "from",
                "datetime",
                "date1",
                "year",
                "time",
                "timestamp",
                "occurred",
                "dated",
            ],
            Role::End => &[
                "end",
                "enddate",
                "to",
                "until",
                "finish",
                "finished",
                "stop",
                "ends",
                "enddatetime",
                "endyear",
                "resolution",
            ],
            Role::Title => &[
                "title",
                "what",
                "event",
                "headline",
                "name",
                "eventname",
                "eventtitle",
                "label",
                "content",
                "subject",
                "heading",
                "caption",
            ],
            Role::Category => &[
                "category",
                "kind",
                "type",
                "eventtype",
                "group",
                "class",
                "classification",
                "categories",
                "tag",
                "tags",
                "theme",
            ],
            Role::Country => &[
                "country",
                "countries",
                "nation",
                "state",
                "countrytxt",
                "countryname",
                "iso",
                "countrycode",
            ],
            Role::Places => &[
                "where", "place", "places", "location", "city", "town", "region", "site", "admin1",
                "province", "area", "locality", "venue",
            ],
            Role::Killed => &[
                "deaths",
                "killed",
                "dead",
                "fatalities",
                "death",
                "nkill",
                "casualties",
                "deathtoll",
                "toll",
                "victims",
                "kills",
            ],
            Role::Wounded => &["wounded", "injured", "injuries", "nwound", "hurt", "injury"],
            Role::Summary => &[
                "summary",
                "description",
                "notes",
                "note",
                "text",
                "details",
                "body",
                "comment",
                "comments",
                "desc",
                "abstract",
                "remarks",
            ],
            Role::Source => &[
                "source",
                "sources",
                "reference",
                "references",
                "citation",
                "publisher",
                "ref",
            ],
            Role::Link => &[
                "url",
                "link",
                "href",
                "sourceurl",
                "links",
                "website",
                "web",
            ],
            Role::Id => &[
                "id",
                "uid",
                "eventid",
                "key",
                "uniqueid",
                "identifier",
                "ref_id",
            ],
        }
    }

    /// Whether the role is needed to read a row at all (the step opens
    /// itself when one is unmapped): a date to place it, a title to name it.
    pub fn needed(self) -> bool {
        matches!(self, Role::Date | Role::Title)
    }
}

/// Role → column name. A role with no column is left out.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Mapping {
    pub columns: RoleColumns,
}

/// A column name for each role that has one, in a slot per role (boxed: a
/// mapping stays a pointer wide inside what carries it; twelve
/// slots need no tree; a `BTreeMap<Role, String>` costs the first module its
/// own copy of the tree's code). Iterated in [`Role::ALL`]'s order.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct RoleColumns(Box<[Option<String>; 12]>);

impl RoleColumns {
    fn slot(role: Role) -> usize {
        role as usize
    }
    pub fn get(&self, role: &Role) -> Option<&String> {
        self.0[RoleColumns::slot(*role)].as_ref()
    }
    pub fn contains_key(&self, role: &Role) -> bool {
        self.get(role).is_some()
    }
    /// Sets the role's column; the one it had.
    pub fn insert(&mut self, role: Role, column: String) -> Option<String> {
        self.0[RoleColumns::slot(role)].replace(column)
    }
    /// Clears the role's column; the one it had.
    pub fn remove(&mut self, role: &Role) -> Option<String> {
        self.0[RoleColumns::slot(*role)].take()
    }
    pub fn len(&self) -> usize {
        self.0.iter().flatten().count()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// (role, column) for each role that has one, in [`Role::ALL`]'s order.
    pub fn iter(&self) -> impl Iterator<Item = (&Role, &String)> + '_ {
        Role::ALL
            .iter()
            .zip(self.0.iter())
            .filter_map(|(r, c)| c.as_ref().map(|c| (r, c)))
    }
}

impl Mapping {
    /// A first mapping from the column names (compared in lower case,
    /// letters and digits only: " When " is `when`): each role takes the
    /// first column whose name means it (in the order of [`Role::names`]);
    /// then a role still without one takes a column whose name contains one
    /// of its longer names ("Number of deaths", "Date of event"). No column
    /// serves two roles.
    pub fn guess(columns: &[String]) -> Mapping {
        let folded: Vec<String> = columns.iter().map(|c| fold_name(c)).collect();
        let mut m = Mapping::default();
        let mut taken = vec![false; columns.len()];
        let exact = |f: &str, n: &str| f == n;
        let within = |f: &str, n: &str| n.len() >= 4 && f.contains(n);
        for test in [exact, within] {
            for role in Role::ALL {
                if m.columns.contains_key(&role) {
                    continue;
                }
                let found = role
                    .names()
                    .iter()
                    .find_map(|n| (0..folded.len()).find(|&i| !taken[i] && test(&folded[i], n)));
                if let Some(i) = found {
                    taken[i] = true;
                    m.columns.insert(role, columns[i].clone());
                }
            }
        }
        m
    }

    /// The needed roles ([`Role::needed`]) no column serves.
    pub fn missing(&self) -> Vec<Role> {
        Role::ALL
            .into_iter()
            .filter(|r| r.needed() && self.get(*r).is_none())
            .collect()
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
        for (role, col) in self.columns.iter() {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn guess(cols: &[&str]) -> Mapping {
        Mapping::guess(&cols.iter().map(|c| c.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn common_names_in_any_case_and_names_that_contain_them() {
        let m = guess(&[
            " WHEN ",
            "what",
            "Where",
            "Country",
            "Number of deaths",
            "INJURED",
            "Kind",
            "Description",
            "Source",
            "Link",
            "End",
        ]);
        let got: Vec<(Role, &str)> = Role::ALL
            .into_iter()
            .filter_map(|r| m.get(r).map(|c| (r, c)))
            .collect();
        assert_eq!(
            got,
            [
                (Role::Date, " WHEN "),
                (Role::End, "End"),
                (Role::Title, "what"),
                (Role::Category, "Kind"),
                (Role::Country, "Country"),
                (Role::Places, "Where"),
                (Role::Killed, "Number of deaths"),
                (Role::Wounded, "INJURED"),
                (Role::Summary, "Description"),
                (Role::Source, "Source"),
                (Role::Link, "Link"),
            ]
        );
        assert!(m.missing().is_empty());
        assert_eq!(
            guess(&["Start date", "End date", "Event"]).get(Role::End),
            Some("End date")
        );
        assert_eq!(guess(&["Day", "Toll"]).missing(), [Role::Title]);
    }
}
