//! The shipped dataset: it loads cleanly, and every entry traces to the source documents.

use std::collections::{BTreeMap, HashSet};
use timeline_core::{load_json, Kind, Scope, BUILTIN_DATASET};

fn seeds(file: &str) -> String {
    let path = format!("{}/../../../shared/seeds/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("the source documents must be beside the repo ({path}): {e}"))
}

/// Letters and digits only, lower case: line breaks, hyphenation, lost glyphs
/// (␣) and punctuation do not count when looking a quote up.
fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric() && *c != '␣').flat_map(char::to_lowercase).collect()
}

#[test]
fn shipped_dataset_loads_with_zero_problems() {
    let loaded = load_json(BUILTIN_DATASET);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert_eq!(loaded.dataset.events.len(), 65);
}

#[test]
fn ids_are_unique_slugs() {
    let ds = load_json(BUILTIN_DATASET).dataset;
    let mut seen = HashSet::new();
    for e in &ds.events {
        assert!(seen.insert(&e.id), "duplicate id {}", e.id);
    }
}

#[test]
fn counts_per_kind_match_the_source() {
    // Paper: 25 attacks (April 2001 … July 2011); 12 listed exercises plus
    // Vostok Anti-terror-2006; 9 declarations and statements; 12 legal
    // documents; 6 dated membership steps (founding, and five dates of
    // observers and dialogue partners).
    let ds = load_json(BUILTIN_DATASET).dataset;
    let mut counts: BTreeMap<Kind, usize> = BTreeMap::new();
    for e in &ds.events {
        *counts.entry(e.kind).or_default() += 1;
    }
    let want = BTreeMap::from([
        (Kind::Incident, 25),
        (Kind::Exercise, 13),
        (Kind::Statement, 9),
        (Kind::Document, 12),
        (Kind::Milestone, 6),
    ]);
    assert_eq!(counts, want);
}

#[test]
fn every_entry_quotes_its_source_verbatim() {
    let ds = load_json(BUILTIN_DATASET).dataset;
    let paper = norm(&seeds("000_3b3ac7df704720ac.decoded.txt"));
    let forum = norm(&seeds("002_6cdb86bcaba71cd7.txt"));
    for e in &ds.events {
        for s in &e.sources {
            let quote = s.quote.as_deref().unwrap_or_else(|| panic!("{}: no quote", e.id));
            let text = match s.document.as_str() {
                "zhao" => &paper,
                "isdp-forum" => &forum,
                other => panic!("{}: unknown document {other}", e.id),
            };
            assert!(text.contains(&norm(quote)), "{}: quote not found in {}: {quote}", e.id, s.document);
        }
    }
}

#[test]
fn casualties_and_dates_are_as_the_source_states() {
    let ds = load_json(BUILTIN_DATASET).dataset;
    let beslan = ds.event("beslan-2004").unwrap();
    assert_eq!(beslan.date_label(), "September 2004");
    let c = beslan.casualties.as_ref().unwrap();
    assert_eq!((c.killed, c.wounded), (Some(300), None));
    assert_eq!(ds.event("norak-anti-terror-2009").unwrap().date_label(), "17–19 April 2009");
    assert_eq!(ds.event("volgograd-anti-terror-2008").unwrap().date_label(), "14 August – 4 September 2008");
    assert_eq!(ds.event("vostok-anti-terror-2006").unwrap().date_label(), "2006");
    // No incident is given a day the source does not give.
    assert!(ds.events.iter().filter(|e| e.kind == Kind::Incident).all(|e| e.date.day().is_none()));
}

#[test]
fn organisation_wide_events_are_marked() {
    let ds = load_json(BUILTIN_DATASET).dataset;
    for e in &ds.events {
        let want = matches!(e.kind, Kind::Statement | Kind::Document | Kind::Milestone);
        assert_eq!(e.scope == Scope::Organisation, want, "{}", e.id);
    }
    let members: Vec<&str> = ds.meta.countries.iter().filter(|c| ds.is_member(&c.code)).map(|c| c.code.as_str()).collect();
    assert_eq!(members, ["CN", "KZ", "KG", "RU", "TJ", "UZ"]);
}

#[test]
fn events_are_in_time_order() {
    let ds = load_json(BUILTIN_DATASET).dataset;
    assert!(ds.events.windows(2).all(|w| w[0].date <= w[1].date));
    assert_eq!(ds.events.first().unwrap().id, "tajikistan-presidential-adviser-2001");
    assert_eq!(ds.events.last().unwrap().id, "peace-mission-2012");
}
