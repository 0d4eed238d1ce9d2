//! What our CSV carries of the metadata, row by row (`docs/data-format.md`,
//! "What a CSV keeps of the view"): each row's kind with its lane's label,
//! plural, place, shape and colour (`kind_label`, `kind_plural`,
//! `kind_order`, `kind_shape`, `kind_colour`), and each of its countries'
//! name, status, year and place among the chips (`country_names`,
//! `country_status`, `country_since`, `country_order`: lists beside
//! `countries`, one value per country, separated by `;`). Plain columns, so
//! a spreadsheet or pandas reads the file as any table, and sorting or
//! filtering its rows keeps them.
//!
//! A file with any of these columns is read twice: once here, for the
//! categories and countries they describe ([`Seed`]), then row by row as
//! events, which take those categories and countries as their own
//! (`crate::validate::Known::seed`). A file without them is not read here.

use crate::category::{Category, Shape, SLOTS};
use crate::model::{Country, Status};
use crate::problem::{Location, Problem, ProblemKind};

/// The kind columns, in the order the export writes them.
pub(crate) const KIND_COLUMNS: [&str; 5] = [
    "kind_label",
    "kind_plural",
    "kind_order",
    "kind_shape",
    "kind_colour",
];

/// The country columns (lists beside `countries`), in the order the export writes them.
pub(crate) const COUNTRY_COLUMNS: [&str; 4] = [
    "country_names",
    "country_status",
    "country_since",
    "country_order",
];

/// The categories and countries a file's rows describe, in lane and chip order.
#[derive(Debug, Default)]
pub(crate) struct Seed {
    pub categories: Vec<Category>,
    pub countries: Vec<Country>,
    /// Values that could not be read (each named by its row and column; the default is used).
    pub problems: Vec<Problem>,
}

/// A value read from the first row that gives one: unset, read, or bad
/// (reported once, then the default).
#[derive(Default)]
enum Cell<T> {
    #[default]
    Unset,
    Read(T),
    Bad,
}

impl<T: Clone> Cell<T> {
    fn get(&self) -> Option<T> {
        match self {
            Cell::Read(v) => Some(v.clone()),
            _ => None,
        }
    }
}

#[derive(Default)]
struct KindSeen {
    id: String,
    label: Cell<String>,
    plural: Cell<String>,
    order: Cell<u32>,
    shape: Cell<Shape>,
    colour: Cell<String>,
}

#[derive(Default)]
struct CountrySeen {
    code: String,
    iso_name: String,
    name: Cell<String>,
    status: Cell<Status>,
    since: Cell<i32>,
    order: Cell<u32>,
}

/// Where the columns are in the file (by position), and their headers as written.
pub(crate) struct SeedColumns {
    pub id: Option<usize>,
    pub kind: Option<usize>,
    pub countries: Option<usize>,
    pub kinds: [Option<usize>; KIND_COLUMNS.len()],
    pub lists: [Option<usize>; COUNTRY_COLUMNS.len()],
    /// The header as the file writes it.
    pub names: Vec<String>,
    /// The row number (as a spreadsheet counts) of the first row after the header.
    pub first_row: usize,
}

impl SeedColumns {
    /// Whether the file has any of the columns read here.
    pub(crate) fn any(&self) -> bool {
        self.kinds.iter().chain(&self.lists).any(Option::is_some)
    }
}

/// Reads the seed as rows come (`row`: each row's cells, in file order).
pub(crate) struct SeedReader<'c> {
    cols: &'c SeedColumns,
    kinds: Vec<KindSeen>,
    countries: Vec<CountrySeen>,
    problems: Vec<Problem>,
    rows: usize,
}

impl<'c> SeedReader<'c> {
    pub(crate) fn new(cols: &'c SeedColumns) -> Self {
        SeedReader {
            cols,
            kinds: Vec::new(),
            countries: Vec::new(),
            problems: Vec::new(),
            rows: 0,
        }
    }

    /// One row's cells.
    pub(crate) fn row(&mut self, rec: &csv::StringRecord) {
        let index = self.rows;
        self.rows += 1;
        let cell = |i: Option<usize>| i.and_then(|i| rec.get(i)).map_or("", crate::text::trim);
        let mut at = At {
            cols: self.cols,
            index,
            id: cell(self.cols.id),
            problems: &mut self.problems,
        };
        let kind = cell(self.cols.kind);
        if !kind.is_empty() {
            let k = match self.kinds.iter().position(|k| k.id == kind) {
                Some(k) => k,
                None => {
                    self.kinds.push(KindSeen {
                        id: kind.to_string(),
                        ..KindSeen::default()
                    });
                    self.kinds.len() - 1
                }
            };
            let kc = self.cols.kinds;
            let seen = &mut self.kinds[k];
            at.read(&mut seen.label, kc[0], cell(kc[0]), text);
            at.read(&mut seen.plural, kc[1], cell(kc[1]), text);
            at.read(&mut seen.order, kc[2], cell(kc[2]), order);
            at.read(&mut seen.shape, kc[3], cell(kc[3]), shape);
            at.read(&mut seen.colour, kc[4], cell(kc[4]), colour);
        }
        let lc = self.cols.lists;
        let lists: [Vec<&str>; COUNTRY_COLUMNS.len()] = lc.map(|i| items(cell(i)));
        for (n, written) in items(cell(self.cols.countries)).into_iter().enumerate() {
            if written.is_empty() {
                continue;
            }
            let (code, iso_name) = match crate::iso::lookup(written) {
                Some((code, name)) => (code.to_string(), name.to_string()),
                None => (written.to_string(), written.to_string()),
            };
            let c = match self.countries.iter().position(|c| c.code == code) {
                Some(c) => c,
                None => {
                    self.countries.push(CountrySeen {
                        code,
                        iso_name,
                        ..CountrySeen::default()
                    });
                    self.countries.len() - 1
                }
            };
            let seen = &mut self.countries[c];
            let item = |l: usize| lists[l].get(n).copied().unwrap_or("");
            at.read(&mut seen.name, lc[0], item(0), text);
            at.read(&mut seen.status, lc[1], item(1), status);
            at.read(&mut seen.since, lc[2], item(2), since);
            at.read(&mut seen.order, lc[3], item(3), order);
        }
    }

    /// The categories and countries, in order: those with a place by it
    /// (then as first seen), then the others as first seen.
    pub(crate) fn finish(self) -> Seed {
        let mut kinds: Vec<(Option<u32>, usize, KindSeen)> = self
            .kinds
            .into_iter()
            .enumerate()
            .map(|(i, k)| (k.order.get(), i, k))
            .collect();
        kinds.sort_by_key(|(o, i, _)| (o.is_none(), *o, *i));
        let categories = kinds
            .into_iter()
            .enumerate()
            .map(|(position, (order, _, k))| category(k, order, position))
            .collect();
        let mut countries: Vec<(Option<u32>, usize, CountrySeen)> = self
            .countries
            .into_iter()
            .enumerate()
            .map(|(i, c)| (c.order.get(), i, c))
            .collect();
        countries.sort_by_key(|(o, i, _)| (o.is_none(), *o, *i));
        let countries = countries
            .into_iter()
            .map(|(_, _, c)| Country {
                name: c.name.get().unwrap_or(c.iso_name),
                code: c.code,
                status: c.status.get().unwrap_or(Status::Other),
                since: c.since.get(),
            })
            .collect();
        Seed {
            categories,
            countries,
            problems: self.problems,
        }
    }
}

/// A category as the rows describe it: its palette slot (and default
/// shape) follow its `kind_order`, else its position.
fn category(k: KindSeen, order: Option<u32>, position: usize) -> Category {
    let slot_of = order.map_or(position, |o| o as usize);
    let mut c = Category::found(&k.id, slot_of);
    c.slot = (slot_of % SLOTS) as u8;
    if let Some(l) = k.label.get() {
        c.plural = l.clone();
        c.label = l;
    }
    if let Some(p) = k.plural.get() {
        c.plural = p;
    }
    if let Some(s) = k.shape.get() {
        c.shape = s;
    }
    c.colour = k.colour.get();
    c
}

/// The row being read, to name a bad value.
struct At<'a> {
    cols: &'a SeedColumns,
    index: usize,
    id: &'a str,
    problems: &'a mut Vec<Problem>,
}

impl At<'_> {
    /// Reads `value` into `into` unless it holds one already; a bad value
    /// is named by its row and column, once.
    fn read<T>(
        &mut self,
        into: &mut Cell<T>,
        column: Option<usize>,
        value: &str,
        parse: fn(&str) -> Result<T, String>,
    ) {
        if !matches!(into, Cell::Unset) || value.is_empty() {
            return;
        }
        *into = match parse(value) {
            Ok(v) => Cell::Read(v),
            Err(why) => {
                let header = column
                    .and_then(|c| self.cols.names.get(c))
                    .cloned()
                    .unwrap_or_default();
                self.problems.push(Problem {
                    kind: ProblemKind::BadValue,
                    location: Location::Entry {
                        index: self.index,
                        id: (!self.id.is_empty()).then(|| self.id.to_string()),
                    },
                    field: Some(header.clone()),
                    message: why,
                    row: Some(self.index + self.cols.first_row),
                    column: Some(header),
                });
                Cell::Bad
            }
        };
    }
}

/// A list cell's items, trimmed, empty ones kept (they hold a place).
fn items(cell: &str) -> Vec<&str> {
    if cell.is_empty() {
        return Vec::new();
    }
    cell.split([';', '|']).map(crate::text::trim).collect()
}

fn text(s: &str) -> Result<String, String> {
    Ok(s.to_string())
}

fn order(s: &str) -> Result<u32, String> {
    s.parse::<u32>().map_err(|_| {
        format!("\"{s}\" is not a whole number from 0 (a place in order; the order of the rows is used)")
    })
}

fn shape(s: &str) -> Result<Shape, String> {
    Shape::parse(&s.to_ascii_lowercase()).ok_or_else(|| {
        format!(
            "\"{s}\" is not one of {} (a default shape is used)",
            Shape::ALL.map(Shape::as_str).join(", ")
        )
    })
}

fn colour(s: &str) -> Result<String, String> {
    let ok = s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit());
    if ok {
        Ok(s.to_ascii_lowercase())
    } else {
        Err(format!(
            "\"{s}\" is not a colour of the form #rrggbb (the palette's is used)"
        ))
    }
}

fn status(s: &str) -> Result<Status, String> {
    Status::parse(&s.to_ascii_lowercase()).ok_or_else(|| {
        format!("\"{s}\" is not member, observer, dialogue_partner or other (other is used)")
    })
}

fn since(s: &str) -> Result<i32, String> {
    s.parse::<i32>()
        .ok()
        .filter(|y| (1..=9999).contains(y))
        .ok_or_else(|| format!("\"{s}\" is not a year (it is left out)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(header: &str) -> SeedColumns {
        let names: Vec<String> = header.split(',').map(String::from).collect();
        let at = |n: &str| names.iter().position(|h| h.eq_ignore_ascii_case(n));
        SeedColumns {
            id: at("id"),
            kind: at("kind"),
            countries: at("countries"),
            kinds: KIND_COLUMNS.map(at),
            lists: COUNTRY_COLUMNS.map(at),
            first_row: 2,
            names: names.clone(),
        }
    }

    fn read(header: &str, rows: &[&str]) -> Seed {
        let c = cols(header);
        let mut r = SeedReader::new(&c);
        for row in rows {
            r.row(&csv::StringRecord::from(row.split(',').collect::<Vec<_>>()));
        }
        r.finish()
    }

    #[test]
    fn kinds_follow_their_order_and_keep_their_labels() {
        let s = read(
            "id,kind,kind_label,kind_plural,kind_order,kind_shape,countries,country_status,country_order",
            &[
                "a,exercise,Joint exercise,Exercises,1,,RU;MN,member;observer,3;6",
                "b,incident,Attack,Attacks,0,,CN,member,0",
                "c,milestone,,,9,hexagon,,,",
            ],
        );
        let ids: Vec<_> = s.categories.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["incident", "exercise", "milestone"]);
        assert_eq!(s.categories[1].plural, "Exercises");
        assert_eq!(s.categories[1].label, "Joint exercise");
        assert_eq!(s.categories[2].slot, 1, "9 % 8");
        assert_eq!(s.categories[2].shape, Shape::Hexagon);
        let codes: Vec<_> = s.countries.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["CN", "RU", "MN"]);
        assert_eq!(s.countries[2].status, Status::Observer);
        assert!(s.problems.is_empty());
    }

    #[test]
    fn a_bad_value_is_named_by_its_row_and_column_once() {
        let s = read(
            "id,kind,Kind_Shape,countries,country_status",
            &["a,x,blob,RU,boss", "b,x,blob,RU,boss"],
        );
        let at: Vec<_> = s
            .problems
            .iter()
            .map(|p| (p.row, p.column.clone()))
            .collect();
        assert_eq!(
            at,
            [
                (Some(2), Some("Kind_Shape".into())),
                (Some(2), Some("country_status".into()))
            ]
        );
        assert_eq!(s.countries[0].status, Status::Other);
    }
}
