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
    /// "entry 12 (beslan-2004)", "metadata", "file".
    pub fn where_label(&self) -> String {
        match &self.location {
            Location::File => "file".to_string(),
            Location::Metadata => "metadata".to_string(),
            Location::Entry {
                index,
                id: Some(id),
            } => format!("entry {index} ({id})"),
            Location::Entry { index, id: None } => format!("entry {index}"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.where_label())?;
        if let Some(field) = &self.field {
            write!(f, ", field `{field}`")?;
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
    }
}
