//! What loading another dataset leaves in the state: how far it is
//! (LoadStatus), and the file an importer read (Import, with its bytes kept
//! for the mapping step).

use std::rc::Rc;

/// A file read by an importer; for a table read through a column mapping,
/// its bytes are kept so the mapping can be changed and the file read again.
/// A file's bytes, kept in JavaScript's memory for the mapping step (the
/// page's wasm memory never gives a file's room back).
#[derive(Clone, Debug)]
pub struct KeptBytes(pub js_sys::Uint8Array);

impl PartialEq for KeptBytes {
    fn eq(&self, other: &Self) -> bool {
        // The same JavaScript array: a file is kept once per reading.
        let (a, b): (&wasm_bindgen::JsValue, &wasm_bindgen::JsValue) = (&self.0, &other.0);
        a == b
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    pub name: String,
    pub format: timeline_core::Format,
    pub table: Option<timeline_core::Table>,
    pub mapping: Option<timeline_core::Mapping>,
    pub bytes: Option<KeptBytes>,
    pub from_link: bool,
    /// How its bytes were read as text ("windows-1252", "UTF-16LE", …).
    pub encoding: Option<&'static str>,
    /// When nothing of it could be shown: its own problems (the dataset
    /// shown before stays, with its problems in the problems panel).
    pub refused: Option<Rc<Vec<timeline_core::Problem>>>,
}

/// Loading another dataset: a file opened by hand leaves the current view
/// usable meanwhile; a dataset the page's link asks for is awaited without
/// drawing the built-in one (app.rs). After a failure the built-in one stays.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum LoadStatus {
    #[default]
    Idle,
    Loading(String),
    /// Validating a large dataset in steps: entries done of total.
    Parsing {
        name: String,
        done: usize,
        total: usize,
    },
    Failed(String),
}
