//! Countries written as ISO 3166-1 codes (alpha-2 or alpha-3) or as English
//! names, from `data/iso/countries.tsv` (built from the npm package
//! i18n-iso-countries by `scripts/build-iso-table.mjs`).

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../../data/iso/countries.tsv");

struct Table {
    /// Lower-cased code or name → index into `rows`.
    by_key: HashMap<String, usize>,
    /// (alpha-2, name shown).
    rows: Vec<(&'static str, &'static str)>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Table {
            by_key: HashMap::new(),
            rows: Vec::new(),
        };
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            let cells: Vec<&'static str> = line.split('\t').collect();
            if cells.len() < 3 {
                continue;
            }
            let i = t.rows.len();
            t.rows.push((cells[0], cells[2]));
            for key in cells.iter().filter(|c| !c.is_empty()) {
                t.by_key.entry(key.to_lowercase()).or_insert(i);
            }
        }
        t
    })
}

/// The alpha-2 code and the English name of a country written as a code or a
/// name ("RU", "RUS", "Russia", "Russian Federation", "russia"), or `None`.
pub fn lookup(value: &str) -> Option<(&'static str, &'static str)> {
    let t = table();
    t.by_key
        .get(&value.trim().to_lowercase())
        .map(|&i| t.rows[i])
}

/// The English name of an alpha-2 code.
pub fn name_of(code: &str) -> Option<&'static str> {
    table()
        .rows
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_understood() {
        assert_eq!(lookup("RU"), Some(("RU", "Russia")));
        assert_eq!(lookup("rus"), Some(("RU", "Russia")));
        assert_eq!(lookup("Russian Federation"), Some(("RU", "Russia")));
        assert_eq!(lookup(" kazakhstan "), Some(("KZ", "Kazakhstan")));
        assert_eq!(lookup("China"), Some(("CN", "China")));
        assert_eq!(lookup("United States"), Some(("US", "United States")));
        assert_eq!(lookup("Soviet Union"), None);
        assert_eq!(name_of("KG"), Some("Kyrgyzstan"));
    }
}
