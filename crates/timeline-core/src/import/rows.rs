//! Tables (CSV, read by the `csv` crate): ours, ACLED's and GTD's exports,
//! TimelineJS3's sheet, or any other through a column mapping. Rows become
//! entries one at a time as [`crate::load::Incremental`] asks for them, so a
//! large export loads in steps like our JSON.

use super::csv_read::CsvRecords;
use super::{
    count, date_value, file_problem, put_text, split_list, timelinejs, Format, Mapping, Table,
    PREVIEW_ROWS,
};
use crate::load::{Incremental, Naming, RowNumbers, RowSource};
use crate::problem::{Problem, ProblemKind};
use crate::quick::{List, Quick, Source};
use serde_json::{json, Map, Value};
use std::borrow::Cow;

/// Our own CSV's columns (`docs/data-format.md`), also what the export
/// writes: the event's fields, then what the file keeps of its lane and its
/// countries' chips ([`super::native_meta`]).
pub(crate) const NATIVE: [&str; 25] = [
    "id",
    "kind",
    "title",
    "date",
    "end",
    "countries",
    "places",
    "killed",
    "wounded",
    "scope",
    "summary",
    "note",
    "related",
    "source_document",
    "source_section",
    "source_url",
    "kind_label",
    "kind_plural",
    "kind_order",
    "kind_shape",
    "kind_colour",
    "country_names",
    "country_status",
    "country_since",
    "country_order",
];

/// Our fields → our CSV's columns (problems name the column).
const NATIVE_COLUMNS: [(&str, &str); 16] = [
    ("id", "id"),
    ("kind", "kind"),
    ("title", "title"),
    ("date", "date"),
    ("end", "end"),
    ("countries", "countries"),
    ("places", "places"),
    ("casualties.killed", "killed"),
    ("casualties.wounded", "wounded"),
    ("scope", "scope"),
    ("summary", "summary"),
    ("note", "note"),
    ("related", "related"),
    ("source.document", "source_document"),
    ("source.section", "source_section"),
    ("source.url", "source_url"),
];

/// Our fields → ACLED's columns ([`acled_entry`]).
const ACLED_COLUMNS: [(&str, &str); 9] = [
    ("id", "event_id_cnty"),
    ("date", "event_date"),
    ("kind", "event_type"),
    ("title", "sub_event_type"),
    ("summary", "notes"),
    ("countries", "country"),
    ("places", "location"),
    ("casualties.killed", "fatalities"),
    ("source", "source"),
];

/// Our fields → GTD's columns ([`gtd_entry`]); the date is three columns.
const GTD_COLUMNS: [(&str, &str); 10] = [
    ("id", "eventid"),
    ("end", "resolution"),
    ("kind", "attacktype1_txt"),
    ("title", "attacktype1_txt"),
    ("summary", "summary"),
    ("countries", "country_txt"),
    ("places", "city"),
    ("casualties.killed", "nkill"),
    ("casualties.wounded", "nwound"),
    ("source", "scite1"),
];

/// How a row becomes an entry.
pub(crate) enum RowKind {
    Native,
    Acled,
    Gtd,
    Mapped(Mapping),
}

/// Column positions by name (trimmed; ours, ACLED's and GTD's compared in lower case).
struct Cols {
    names: Vec<String>,
    lower: Vec<String>,
    /// Name → the first column with it in lower case, else as written: looked
    /// up once per cell of every row, so by hash rather than along the header.
    at: rustc_hash::FxHashMap<String, usize>,
    /// The column of each of our own ([`NATIVE`]), found once.
    native: [Option<usize>; NATIVE.len()],
}

impl Cols {
    /// Problems names the file's columns: `(our field, column name as we
    /// look it up)` → the header as the file spells it; rows from row 2.
    fn naming(&self, pairs: &[(&'static str, &str)], file: TableFile) -> Naming {
        Naming {
            rows: RowNumbers::Offset(file.first_row()),
            columns: pairs
                .iter()
                .filter_map(|&(f, c)| self.index(c).map(|i| (f, self.names[i].clone())))
                .collect(),
        }
    }

    /// A header that names a column twice (in any case): the first is read,
    /// and the file is told so (a silent choice would hide the other column).
    fn repeated(&self) -> Option<Problem> {
        // Name → its place in `twice` (a map: a header may have thousands of columns).
        let mut seen: std::collections::HashMap<&str, usize> = Default::default();
        let mut twice: Vec<(usize, Vec<usize>)> = Vec::new();
        for (i, h) in self.lower.iter().enumerate() {
            if h.is_empty() {
                continue;
            }
            match seen.get(h.as_str()) {
                Some(&k) => twice[k].1.push(i + 1),
                None => {
                    seen.insert(h, twice.len());
                    twice.push((i, vec![i + 1]));
                }
            }
        }
        twice.retain(|(_, at)| at.len() > 1);
        let said: Vec<String> = twice
            .iter()
            .map(|(first, at)| {
                let at: Vec<String> = at.iter().map(usize::to_string).collect();
                format!("\"{}\" (columns {})", self.names[*first], at.join(", "))
            })
            .collect();
        (!said.is_empty()).then(|| {
            Problem::file(
                ProblemKind::BadValue,
                format!(
                    "the header names a column more than once: {}; only the first of each is read (rename the others to have them read)",
                    said.join("; ")
                ),
            )
        })
    }

    fn new(names: Vec<String>) -> Cols {
        let lower: Vec<String> = names.iter().map(|s| s.to_ascii_lowercase()).collect();
        let mut at = rustc_hash::FxHashMap::default();
        // Later inserts win: names as written (last to first), then lower case.
        for (i, h) in names.iter().enumerate().rev() {
            at.insert(h.clone(), i);
        }
        for (i, h) in lower.iter().enumerate().rev() {
            at.insert(h.clone(), i);
        }
        let native = NATIVE.map(|k| at.get(k).copied());
        Cols {
            names,
            lower,
            at,
            native,
        }
    }

    fn index(&self, name: &str) -> Option<usize> {
        self.at.get(name).copied()
    }

    /// A cell, trimmed (the reader does not trim: that would copy every row).
    fn get<'r>(&self, rec: &'r csv::StringRecord, name: &str) -> &'r str {
        self.index(name)
            .and_then(|i| rec.get(i))
            .map_or("", str::trim)
    }
}

/// One row, its cells by column name.
struct Row<'a> {
    cols: &'a Cols,
    rec: &'a csv::StringRecord,
}

impl<'a> Row<'a> {
    fn get(&self, name: &str) -> &'a str {
        self.cols.get(self.rec, name)
    }
}

/// Which kind of file a table is: how its rows are counted, what it is called.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum TableFile {
    /// Its first row is the header: the first entry is row 2.
    Csv,
    /// Arrow IPC (`super::arrow`): the column names are apart, rows count from 1.
    Arrow,
}

impl TableFile {
    fn first_row(self) -> usize {
        match self {
            TableFile::Csv => 2,
            TableFile::Arrow => 1,
        }
    }
}

/// Where a table's rows come from, as text cells.
pub(crate) enum Records {
    Csv(CsvRecords),
    Arrow(Box<super::arrow::ArrowRows>),
}

impl Records {
    /// Every row once for `each`, then back to the first (a second reading).
    fn scan(&mut self, mut each: impl FnMut(&csv::StringRecord)) {
        match self {
            Records::Csv(r) => r.scan(each),
            Records::Arrow(a) => {
                let mut rec = csv::StringRecord::new();
                while a.read(&mut rec) {
                    each(&rec);
                }
                a.rewind();
            }
        }
    }

    fn read(&mut self, rec: &mut csv::StringRecord) -> Result<bool, Box<Problem>> {
        match self {
            Records::Csv(r) => r.read(rec),
            Records::Arrow(a) => Ok(a.read(rec)),
        }
    }
}

/// A table being read row by row.
pub(crate) struct Rows {
    reader: Records,
    cols: Cols,
    kind: RowKind,
    estimate: usize,
    record: csv::StringRecord,
}

impl RowSource for Rows {
    fn estimate(&self) -> usize {
        self.estimate
    }

    fn advance(&mut self) -> Result<bool, Box<Problem>> {
        self.reader.read(&mut self.record)
    }

    fn quick(&self) -> Option<Quick<'_>> {
        matches!(self.kind, RowKind::Native).then(|| {
            native_quick(&Row {
                cols: &self.cols,
                rec: &self.record,
            })
        })
    }

    fn entry(&self, index: usize) -> Value {
        let rec = &self.record;
        let row = Row {
            cols: &self.cols,
            rec,
        };
        match &self.kind {
            RowKind::Native => native_entry(&row),
            RowKind::Acled => acled_entry(&row),
            RowKind::Gtd => gtd_entry(&row, index),
            RowKind::Mapped(m) => super::mapping::entry(m, |c| {
                self.cols
                    .names
                    .iter()
                    .position(|h| h == c)
                    .and_then(|i| rec.get(i))
                    .map_or("", str::trim)
                    .to_string()
            }),
        }
    }
}

/// Opens a CSV table with the importer its header calls for.
pub(crate) fn open_csv(text: String, name: &str, mapping: Option<&Mapping>) -> Incremental {
    let estimate = text
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        .saturating_sub(1);
    let (rdr, names) = match CsvRecords::open(text) {
        Ok(r) => r,
        Err(p) => {
            return Incremental::from_values(&Map::new(), Vec::new(), Format::Table)
                .with_problem(*p)
        }
    };
    let records = Records::Csv(rdr);
    open_columns(records, names, name, estimate, mapping, TableFile::Csv)
}

/// Opens an Arrow IPC file (`super::arrow`) as a table, like a CSV.
pub(crate) fn open_arrow(bytes: Vec<u8>, name: &str, mapping: Option<&Mapping>) -> Incremental {
    match super::arrow::open(bytes) {
        Err(why) => Incremental::from_values(&Map::new(), Vec::new(), Format::ArrowTable)
            .with_problem(file_problem(format!(
                "this Arrow file cannot be read: {why}"
            ))),
        Ok(o) => {
            let estimate = o.rows.rows();
            let records = Records::Arrow(Box::new(o.rows));
            let mut inc = open_columns(records, o.names, name, estimate, mapping, TableFile::Arrow);
            for p in o.problems {
                inc = inc.with_problem(p);
            }
            inc
        }
    }
}

/// A table's file name without its folders or query, as its title.
fn file_title(name: &str) -> String {
    name.rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_string()
}

/// Opens a table of these columns with the importer its header calls for.
fn open_columns(
    rdr: Records,
    names: Vec<String>,
    name: &str,
    estimate: usize,
    mapping: Option<&Mapping>,
    file: TableFile,
) -> Incremental {
    let title = file_title(name);
    let cols = Cols::new(names);
    let lower = &cols.lower;
    let has = |n: &str| lower.iter().any(|h| h == n);
    let kind = if has("event_date") && has("event_type") {
        TableKind::Acled
    } else if has("iyear") && has("imonth") {
        TableKind::Gtd
    } else if has("year") && has("headline") {
        TableKind::Sheet
    } else if has("date") && has("title") && lower.iter().all(|h| NATIVE.contains(&h.as_str())) {
        TableKind::Ours
    } else {
        TableKind::Other
    };
    let repeated = cols.repeated();
    let inc = open_table(rdr, cols, title, estimate, mapping, kind, file);
    match repeated {
        Some(p) => inc.with_problem(p),
        None => inc,
    }
}

/// Which importer a table's header calls for.
#[derive(Clone, Copy, PartialEq)]
enum TableKind {
    Acled,
    Gtd,
    Sheet,
    Ours,
    Other,
}

fn open_table(
    mut rdr: Records,
    cols: Cols,
    title: String,
    estimate: usize,
    mapping: Option<&Mapping>,
    kind: TableKind,
    file: TableFile,
) -> Incremental {
    let mut meta = Map::new();
    if !title.is_empty() {
        meta.insert("title".into(), Value::String(title));
    }
    let rows = |rdr, cols, kind| Rows {
        reader: rdr,
        cols,
        kind,
        estimate,
        record: csv::StringRecord::new(),
    };
    if kind == TableKind::Acled {
        let naming = cols.naming(&ACLED_COLUMNS, file);
        let r = rows(rdr, cols, RowKind::Acled);
        return Incremental::from_rows(&meta, r, Format::Acled).with_naming(naming);
    }
    if kind == TableKind::Gtd {
        let mut naming = cols.naming(&GTD_COLUMNS, file);
        naming.columns.push(("date", "iyear, imonth, iday".into()));
        let r = rows(rdr, cols, RowKind::Gtd);
        return Incremental::from_rows(&meta, r, Format::Gtd).with_naming(naming);
    }
    if kind == TableKind::Sheet {
        let mut list = Vec::new();
        let mut rec = csv::StringRecord::new();
        let mut stop = None;
        loop {
            match rdr.read(&mut rec) {
                Ok(true) => {}
                Ok(false) => break,
                Err(p) => {
                    stop = Some(*p);
                    break;
                }
            }
            list.push(
                cols.lower
                    .iter()
                    .zip(rec.iter())
                    .map(|(h, v)| (h.clone(), v.trim().to_string()))
                    .collect::<Vec<_>>(),
            );
        }
        let inc = timelinejs::open_sheet(&meta, list);
        return match stop {
            Some(p) => inc.with_problem(p),
            None => inc,
        };
    }
    if kind == TableKind::Ours && mapping.is_none() {
        let naming = cols.naming(&NATIVE_COLUMNS, file);
        let seed = native_seed(&mut rdr, &cols, file);
        let r = rows(rdr, cols, RowKind::Native);
        let format = match file {
            TableFile::Csv => Format::NativeCsv,
            TableFile::Arrow => Format::NativeArrow,
        };
        let inc = Incremental::from_rows(&meta, r, format).with_naming(naming);
        return match seed {
            Some(seed) => inc.with_seed(seed),
            None => inc,
        };
    }
    if cols.names.len() < 2 && mapping.is_none() {
        // Not read as anything (the message says what it is not), so the
        // refusal does not say "read as a table".
        return Incremental::from_values(&Map::new(), Vec::new(), Format::Unread).with_problem(
            file_problem(
                "this is not a timeline, neither JSON nor a table with columns (CSV)".into(),
            ),
        );
    }
    // Any other table: the first rows for the mapping step, then all rows mapped.
    let mut preview = Vec::new();
    let (pre, stop) = reader_preview(&mut rdr, &mut preview);
    let table = Table {
        columns: cols.names.clone(),
        preview,
    };
    let m = mapping
        .cloned()
        .unwrap_or_else(|| Mapping::guess(&table.columns));
    let mut r = rows(rdr, cols, RowKind::Mapped(m.clone()));
    // Rows read for the preview are entries too: they go first.
    let mut values = Vec::new();
    for rec in pre {
        r.record = rec;
        values.push(r.entry(values.len()));
    }
    let format = match file {
        TableFile::Csv => Format::Table,
        TableFile::Arrow => Format::ArrowTable,
    };
    let inc = Incremental::from_rows(&meta, r, format)
        .with_prefix(values)
        .with_naming(super::mapping::naming(
            &m,
            RowNumbers::Offset(file.first_row()),
        ));
    let inc = match stop {
        Some(p) => inc.with_problem(p),
        None => inc,
    };
    super::mapping::finish_mapped(inc, table, m)
}

/// The categories and countries our table's kind and country columns
/// describe, read in a first pass over its rows; `None` for a table without
/// them (read as before they existed).
fn native_seed(
    rdr: &mut Records,
    cols: &Cols,
    file: TableFile,
) -> Option<super::native_meta::Seed> {
    use super::native_meta::{SeedColumns, SeedReader, COUNTRY_COLUMNS, KIND_COLUMNS};
    let seed_cols = SeedColumns {
        id: cols.index("id"),
        kind: cols.index("kind"),
        countries: cols.index("countries"),
        kinds: KIND_COLUMNS.map(|c| cols.index(c)),
        lists: COUNTRY_COLUMNS.map(|c| cols.index(c)),
        names: cols.names.clone(),
        first_row: file.first_row(),
    };
    if !seed_cols.any() {
        return None;
    }
    let mut reader = SeedReader::new(&seed_cols);
    rdr.scan(|rec| reader.row(rec));
    Some(reader.finish())
}

/// Reads the first rows for the preview; returns the records read, and the
/// problem that ended the file among them.
fn reader_preview(
    rdr: &mut Records,
    preview: &mut Vec<Vec<String>>,
) -> (Vec<csv::StringRecord>, Option<Problem>) {
    let mut out = Vec::new();
    let mut rec = csv::StringRecord::new();
    while out.len() < PREVIEW_ROWS {
        match rdr.read(&mut rec) {
            Ok(true) => {
                rec.trim();
                preview.push(rec.iter().map(String::from).collect());
                out.push(rec.clone());
            }
            Ok(false) => break,
            Err(p) => return (out, Some(*p)),
        }
    }
    (out, None)
}

/// A row of our CSV for the quick path: what [`native_entry`] makes of it,
/// without building the JSON value.
fn native_quick<'r>(row: &Row<'r>) -> Quick<'r> {
    // Each of our columns' cell, by its place in NATIVE (no lookup by name per cell).
    let cells: [&'r str; NATIVE.len()] = std::array::from_fn(|i| {
        row.cols.native[i]
            .and_then(|j| row.rec.get(j))
            .map_or("", crate::text::trim)
    });
    macro_rules! get {
        ($k:literal) => {
            cells[const { native_at($k) }]
        };
    }
    let cell = |c: &'r str| Some(Cow::Borrowed(c)).filter(|c| !c.is_empty());
    let mut other = !get!("related").is_empty();
    let mut count = |c: &str| match c {
        "" => None,
        c => {
            let n = c.parse::<u64>().ok().filter(|&n| n < 1_000_000_000_000_000);
            other |= n.is_none();
            n
        }
    };
    let casualties = match (count(get!("killed")), count(get!("wounded"))) {
        (None, None) => None,
        c => Some(c),
    };
    let source = match cell(get!("source_document")) {
        None => Source::None,
        document => Source::Ref {
            document,
            section: cell(get!("source_section")),
            url: cell(get!("source_url")),
            quote: None,
        },
    };
    Quick {
        id: cell(get!("id")),
        kind: cell(get!("kind")),
        title: cell(get!("title")),
        date: cell(get!("date")),
        end: cell(get!("end")),
        scope: cell(get!("scope")),
        countries: List::Cell(get!("countries")),
        places: List::Cell(get!("places")),
        casualties,
        summary: cell(get!("summary")),
        note: cell(get!("note")),
        source,
        other,
    }
}

/// A column's place in [`NATIVE`], found when compiling.
const fn native_at(k: &str) -> usize {
    let mut i = 0;
    while i < NATIVE.len() {
        let (a, b) = (NATIVE[i].as_bytes(), k.as_bytes());
        let mut same = a.len() == b.len();
        let mut j = 0;
        while same && j < a.len() {
            same = a[j] == b[j];
            j += 1;
        }
        if same {
            return i;
        }
        i += 1;
    }
    panic!("not one of our columns")
}

/// Our CSV (`docs/data-format.md`): the JSON shape, column by column.
fn native_entry(row: &Row) -> Value {
    let get = |k: &str| row.get(k);
    let mut o = Map::new();
    for key in [
        "id", "kind", "title", "date", "summary", "end", "scope", "note",
    ] {
        if !get(key).is_empty() {
            o.insert(key.into(), Value::String(get(key).into()));
        }
    }
    o.insert("countries".into(), split_list(get("countries")));
    o.insert("places".into(), split_list(get("places")));
    if !get("related").is_empty() {
        o.insert("related".into(), split_list(get("related")));
    }
    let mut cas = Map::new();
    for key in ["killed", "wounded"] {
        if let Some(v) = count(get(key)) {
            cas.insert(key.into(), v);
        }
    }
    if !cas.is_empty() {
        o.insert("casualties".into(), Value::Object(cas));
    }
    let doc = get("source_document");
    if !doc.is_empty() {
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
    Value::Object(o)
}

/// ACLED (codebook): `event_id_cnty` → id, `event_date` → date (to the
/// month when `time_precision` is 3), `event_type` → category,
/// `sub_event_type` and `location` → title, `actor1`/`actor2` and `notes` →
/// summary, `country` → country, `location`/`admin2`/`admin1` → places,
/// `fatalities` → killed, `source` → source.
fn acled_entry(row: &Row) -> Value {
    let get = |k: &str| row.get(k);
    let mut o = Map::new();
    let id = get("event_id_cnty");
    if !id.is_empty() {
        o.insert("id".into(), id.into());
    }
    let mut date = date_value(get("event_date"));
    if get("time_precision") == "3" {
        if let Some(s) = date.as_str().filter(|s| s.len() == 10) {
            date = Value::String(s[..7].to_string());
        }
    }
    o.insert("date".into(), date);
    o.insert("kind".into(), get("event_type").into());
    let sub = get("sub_event_type");
    let what = if sub.is_empty() {
        get("event_type")
    } else {
        sub
    };
    let loc = get("location");
    let title = if loc.is_empty() {
        what.to_string()
    } else {
        format!("{what} in {loc}")
    };
    o.insert("title".into(), title.into());
    let actors: Vec<&str> = [get("actor1"), get("actor2")]
        .into_iter()
        .filter(|a| !a.is_empty())
        .collect();
    let mut summary = String::new();
    if !actors.is_empty() {
        summary.push_str(&format!("{}. ", actors.join(" – ")));
    }
    summary.push_str(get("notes"));
    let mut links = Vec::new();
    put_text(&mut o, "summary", &summary, &mut links);
    o.insert("countries".into(), split_list(get("country")));
    let mut places: Vec<Value> = Vec::new();
    for p in [get("location"), get("admin2"), get("admin1")] {
        if !p.is_empty() && !places.iter().any(|x| x.as_str() == Some(p)) {
            places.push(p.into());
        }
    }
    o.insert("places".into(), Value::Array(places));
    if let Some(k) = count(get("fatalities")) {
        o.insert("casualties".into(), json!({ "killed": k }));
    }
    if !get("source").is_empty() {
        o.insert("source".into(), get("source").into());
    }
    Value::Object(o)
}

/// GTD (codebook): `eventid` → id, `iyear`/`imonth`/`iday` → date (a 0 month
/// or day is unknown: the date keeps year or month precision), `resolution`
/// → end for an `extended` incident, `attacktype1_txt` → category, title from
/// attack type, target and city, `country_txt` → country, `city`/`provstate`
/// → places, `nkill`/`nwound` → casualties, `summary` and `gname` → summary,
/// `scite1` (or `dbsource`) → source.
fn gtd_entry(row: &Row, index: usize) -> Value {
    let get = |k: &str| row.get(k);
    let mut o = Map::new();
    let id = get("eventid");
    o.insert(
        "id".into(),
        if id.is_empty() {
            format!("gtd-{index}")
        } else {
            format!("gtd-{id}")
        }
        .into(),
    );
    let part = |k: &str| get(k).parse::<i32>().ok().filter(|&v| v > 0);
    let date = match (part("iyear"), part("imonth"), part("iday")) {
        (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
        (Some(y), _, _) => format!("{y:04}"),
        _ => get("iyear").to_string(),
    };
    o.insert("date".into(), date.into());
    if get("extended") == "1" && !get("resolution").is_empty() {
        o.insert("end".into(), us_date(get("resolution")));
    }
    let attack = get("attacktype1_txt");
    o.insert(
        "kind".into(),
        if attack.is_empty() { "Unknown" } else { attack }.into(),
    );
    let target = get("targtype1_txt");
    let city = get("city");
    let mut title = if attack.is_empty() { "Attack" } else { attack }.to_string();
    if !target.is_empty() && target != "Unknown" {
        title.push_str(&format!(" on {}", target.to_lowercase()));
    }
    if !city.is_empty() && city != "Unknown" {
        title.push_str(&format!(" in {city}"));
    }
    o.insert("title".into(), title.into());
    let mut summary = get("summary").to_string();
    let group = get("gname");
    if !group.is_empty() && group != "Unknown" {
        if !summary.is_empty() {
            summary.push(' ');
        }
        summary.push_str(&format!("Perpetrator: {group}."));
    }
    let mut links = Vec::new();
    put_text(&mut o, "summary", &summary, &mut links);
    o.insert("countries".into(), split_list(get("country_txt")));
    // A city that is also its province ("Moscow", "Moscow") is named once.
    let mut places: Vec<Value> = Vec::new();
    for p in [city, get("provstate")] {
        if !p.is_empty() && p != "Unknown" && !places.iter().any(|x| x.as_str() == Some(p)) {
            places.push(p.into());
        }
    }
    o.insert("places".into(), Value::Array(places));
    let mut cas = Map::new();
    for (col, key) in [("nkill", "killed"), ("nwound", "wounded")] {
        if let Some(v) = count(get(col)) {
            cas.insert(key.into(), v);
        }
    }
    if !cas.is_empty() {
        o.insert("casualties".into(), Value::Object(cas));
    }
    let src = [get("scite1"), get("dbsource")]
        .into_iter()
        .find(|s| !s.is_empty());
    if let Some(s) = src {
        let mut links = Vec::new();
        put_text(&mut o, "source", s, &mut links);
    }
    Value::Object(o)
}

/// GTD's `resolution` as exported: month/day/year ("09/03/2004"), or ISO.
fn us_date(cellv: &str) -> Value {
    let parts: Vec<&str> = cellv.trim().split('/').collect();
    if let [m, d, y] = parts.as_slice() {
        if let (Ok(m), Ok(d), Ok(y)) = (m.parse::<u32>(), d.parse::<u32>(), y.parse::<i32>()) {
            return date_value(&format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    date_value(cellv)
}
