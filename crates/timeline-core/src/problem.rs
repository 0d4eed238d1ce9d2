//! What is wrong with a dataset: each problem names where (entry index and id,
//! or the metadata) and the field, and says what is wrong in plain words.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// The text is not JSON; `line` and `column` say where it breaks.
    MalformedJson {
        line: usize,
        column: usize,
    },
    /// The top level or an entry has the wrong shape (not an object, no `events` list).
    WrongShape,
    MissingField,
    EmptyField,
    WrongType,
    UnknownKind,
    BadDate,
    EndBeforeStart,
    UnknownCountry,
    DuplicateId,
    NegativeCasualties,
    BadValue,
    /// Not a fault, something to know: how the file's bytes were read as
    /// text (not UTF-8: read as Windows-1252), or a dataset larger than the
    /// timeline is made for. Listed first; it never refuses a file.
    Notice,
}

/// Where a problem is: in an entry of `events`, in the metadata, or the whole file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    File,
    Metadata,
    Entry { index: usize, id: Option<String> },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    pub location: Location,
    /// The field, as a path: `date`, `casualties.killed`, `countries[2]`.
    pub field: Option<String>,
    pub message: String,
    /// In a table, the row as a spreadsheet numbers it (the header is row 1).
    pub row: Option<usize>,
    /// The file's own name for `field`: a table's column header, or another
    /// format's key (`event_date`, `start_date`), when an importer read it.
    pub column: Option<String>,
}

impl Problem {
    pub fn entry_index(&self) -> Option<usize> {
        match self.location {
            Location::Entry { index, .. } => Some(index),
            _ => None,
        }
    }
    pub fn entry_id(&self) -> Option<&str> {
        match &self.location {
            Location::Entry { id, .. } => id.as_deref(),
            _ => None,
        }
    }
    /// "entry 12 (beslan-2004)", "row 14 (beslan-2004)" in a table,
    /// "metadata", "file". An id made up for an entry without one is not named.
    pub fn where_label(&self) -> String {
        let at = match self.row {
            Some(row) => format!("row {row}"),
            None => match &self.location {
                Location::File => return "file".to_string(),
                Location::Metadata => return "metadata".to_string(),
                Location::Entry { index, .. } => format!("entry {index}"),
            },
        };
        match (&self.location, self.entry_id()) {
            // The id the loader gives an entry without one ("entry-3") is not the file's.
            (Location::Entry { index, .. }, Some(id)) if id == format!("entry-{index}") => at,
            (_, Some(id)) => format!("{at} ({id})"),
            _ => at,
        }
    }

    /// A problem with the whole file.
    pub(crate) fn file(kind: ProblemKind, message: String) -> Problem {
        Problem {
            kind,
            location: Location::File,
            field: None,
            message,
            row: None,
            column: None,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.where_label())?;
        match (&self.column, &self.field) {
            // A table's column (it has rows), or a JSON file's key.
            (Some(column), _) if self.row.is_some() => write!(f, ", column \"{column}\"")?,
            (Some(key), _) => write!(f, ", key \"{key}\"")?,
            (None, Some(field)) => write!(f, ", field `{field}`")?,
            _ => {}
        }
        write!(f, ": {}", self.message)
    }
}

/// A problem in the metadata, at `field`.
pub(crate) fn meta_problem(kind: ProblemKind, field: String, message: String) -> Problem {
    Problem {
        kind,
        location: Location::Metadata,
        field: Some(field),
        message,
        row: None,
        column: None,
    }
}
