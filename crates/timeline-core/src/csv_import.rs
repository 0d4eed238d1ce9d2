//! CSV datasets: one row per event, columns by name (any order; unknown ones
//! ignored). Documented in `docs/data-format.md`.
//!
//! `id,kind,title,date,end,countries,places,killed,wounded,scope,summary,note,related,source_document,source_section,source_url`
//!
//! `countries`, `places` and `related` hold several values separated by `;`. The rows
//! become the JSON shape and go through the same validation as JSON
//! datasets, so problems read the same (entry N is data row N, from 0).
//! Countries are the codes (or names) the rows use, named from the ISO table (`crate::iso`).

use crate::load::Loaded;

/// Loads a dataset from CSV text (ours, or any table another importer reads).
pub fn load_csv(text: &str, title: &str) -> Loaded {
    crate::import::open_csv_text(text.to_string(), title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_rows_with_their_own_countries_and_reports_bad_ones() {
        let text = "id,kind,title,date,end,countries,places,killed,wounded,summary,source_document,source_section\n\
            a-1,incident,Attack,2004-09,,RU,Beslan,300,,A summary,paper,S1\n\
            b-2,exercise,Drill,2005-08-18,2005-08-25,RU;CN,\"Vladivostok, Russia; Shandong\",,,Drill,paper,S2\n\
            c-3,incident,Bad,2004-13,,US,,-1,,x,paper,S3\n";
        let l = load_csv(text, "mine");
        let ids: Vec<&str> = l.dataset.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a-1", "b-2"]);
        assert_eq!(
            l.dataset.events[1].places,
            ["Vladivostok, Russia", "Shandong"]
        );
        assert_eq!(l.dataset.country_name("CN"), "China");
        let codes: Vec<&str> = l
            .dataset
            .meta
            .countries
            .iter()
            .map(|c| c.code.as_str())
            .collect();
        // US is named only by the row left out: no chip that counts 0.
        assert_eq!(codes, ["RU", "CN"]);
        let fields: Vec<_> = l
            .problems
            .iter()
            .map(|p| (p.entry_index(), p.field.clone()))
            .collect();
        assert_eq!(
            fields,
            vec![
                (Some(2), Some("date".into())),
                (Some(2), Some("casualties.killed".into()))
            ]
        );
    }

    #[test]
    fn broken_csv_is_reported_not_panicked() {
        // The csv crate reads an unterminated quote leniently: the row is then invalid.
        let l = load_csv("id,kind\n\"unterminated,x\n", "t");
        assert!(l.dataset.events.is_empty());
        assert_eq!(l.problems.len(), 1, "{:?}", l.problems);
        assert!(l.problems[0]
            .message
            .contains("no column was recognised as the date"));
        assert_eq!(
            l.table.map(|t| t.columns),
            Some(vec!["id".into(), "kind".into()])
        );
    }
}
