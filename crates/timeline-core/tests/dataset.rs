//! The shipped dataset: it loads cleanly, and every entry traces to the source documents.

use std::collections::{BTreeMap, HashSet};
use timeline_core::model::QuoteIn;
use timeline_core::{load_json, Scope, BUILTIN_DATASET};

fn seeds(file: &str) -> String {
    let path = format!(
        "{}/../../../shared/seeds/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the source documents must be beside the repo ({path}): {e}"))
}

/// A line-break hyphen ("Rus-⏎sia") in a prepared text: a quote may read it
/// as nothing ("Russia") or as a hyphen ("Anti-terror").
const SHY: char = '\u{AD}';

/// The file text with line-break hyphens marked and whitespace collapsed; `␣`
/// (a glyph the extraction lost, in the reading copy) counts as whitespace.
fn prepare(text: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '-' {
            // A hyphen, optional spaces, then a line break: hyphenation.
            let mut j = i + 1;
            while j < chars.len() && (chars[j] == ' ' || chars[j] == '\t') {
                j += 1;
            }
            if j < chars.len() && chars[j] == '\n' {
                while j < chars.len() && chars[j].is_whitespace() {
                    j += 1;
                }
                out.push(SHY);
                i = j;
                continue;
            }
        }
        if c.is_whitespace() || c == '␣' {
            if out.last() != Some(&' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
        i += 1;
    }
    out
}

fn collapse(q: &str) -> Vec<char> {
    q.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect()
}

/// Whether `quote` occurs in the prepared text, tolerating only whitespace and
/// line-break hyphenation. Every letter, digit and punctuation mark must match.
fn quote_found(text: &[char], quote: &str) -> bool {
    fn at(t: &[char], q: &[char]) -> bool {
        match (t.first(), q.first()) {
            (_, None) => true,
            (None, Some(_)) => false,
            (Some(&SHY), Some(&qc)) => (qc == '-' && at(&t[1..], &q[1..])) || at(&t[1..], q),
            (Some(&tc), Some(&qc)) => tc == qc && at(&t[1..], &q[1..]),
        }
    }
    let q = collapse(quote);
    !q.is_empty() && (0..text.len()).any(|i| text[i] == q[0] && at(&text[i..], &q))
}

#[test]
fn the_quote_matcher_forgives_only_whitespace_and_line_break_hyphens() {
    let t = prepare("in Vladivostok, Rus-\n\nsia and\n counter-\nterrorism␣exercise");
    assert!(quote_found(
        &t,
        "Vladivostok, Russia and counter-terrorism exercise"
    ));
    assert!(quote_found(&t, "Rus-sia"));
    assert!(
        !quote_found(&t, "Vladivostok Russia"),
        "a comma is not forgiven"
    );
    assert!(!quote_found(&t, "Vladivostock"), "a letter is not forgiven");
    assert!(
        !quote_found(&t, "Vladivostok,, Russia"),
        "nor a mark the text does not have"
    );
    assert!(
        !quote_found(&prepare("a well- known"), "a wellknown"),
        "a hyphen without a line break is not hyphenation"
    );
}

/// The member states' codes, in the metadata's order.
fn member_codes(ds: &timeline_core::Dataset) -> Vec<&str> {
    ds.meta
        .countries
        .iter()
        .filter(|c| ds.is_member(&c.code))
        .map(|c| c.code.as_str())
        .collect()
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
    // Vostok Anti-terror-2006; 9 declarations and statements, plus the heads
    // of state's statement on information security (which the paper lists
    // among its 12 legal documents, leaving 11 instruments); 6 dated
    // membership steps (founding, and five dates of observers and partners).
    let ds = load_json(BUILTIN_DATASET).dataset;
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &ds.events {
        *counts.entry(ds.category(e.kind).id.as_str()).or_default() += 1;
    }
    let want = BTreeMap::from([
        ("incident", 25),
        ("exercise", 13),
        ("statement", 10),
        ("document", 11),
        ("milestone", 6),
    ]);
    assert_eq!(counts, want);
}

#[test]
fn every_quote_is_found_in_the_copy_it_names() {
    let ds = load_json(BUILTIN_DATASET).dataset;
    let mut texts = std::collections::HashMap::new();
    let mut in_reading_copy = Vec::new();
    for e in &ds.events {
        for s in &e.sources {
            let quote = s
                .quote
                .as_deref()
                .unwrap_or_else(|| panic!("{}: no quote", e.id));
            let which = s
                .quote_in
                .unwrap_or_else(|| panic!("{}: the quote does not say which copy it is in", e.id));
            let doc = ds
                .source_doc(&s.document)
                .unwrap_or_else(|| panic!("{}: unknown document {}", e.id, s.document));
            let path = match which {
                QuoteIn::File => doc.file.clone(),
                QuoteIn::ReadingCopy => doc.reading_copy.clone(),
            }
            .unwrap_or_else(|| panic!("{}: {} lists no {}", e.id, doc.id, which.as_str()));
            let file = path.trim_start_matches("shared/seeds/").to_string();
            let text = texts
                .entry(file.clone())
                .or_insert_with(|| prepare(&seeds(&file)));
            assert!(
                quote_found(text, quote),
                "{}: quote not found in {file}: {quote}",
                e.id
            );
            if which == QuoteIn::ReadingCopy {
                // Only where the original really lacks it.
                let original = prepare(&seeds(
                    doc.file
                        .as_deref()
                        .unwrap()
                        .trim_start_matches("shared/seeds/"),
                ));
                assert!(
                    !quote_found(&original, quote),
                    "{}: found in the original too, so say quote_in: file",
                    e.id
                );
                in_reading_copy.push(e.id.as_str());
            }
        }
    }
    in_reading_copy.sort();
    assert_eq!(
        in_reading_copy,
        [
            "dialogue-partners-belarus-sri-lanka-2009",
            "norak-anti-terror-2009",
            "shanghai-convention-2001",
            "volgograd-anti-terror-2008"
        ]
    );
}

#[test]
fn uncertain_readings_carry_notes() {
    let ds = load_json(BUILTIN_DATASET).dataset;
    let note = |id: &str| {
        ds.event(id)
            .unwrap_or_else(|| panic!("{id}"))
            .note
            .clone()
            .unwrap_or_else(|| panic!("{id}: no note"))
    };
    assert!(note("shanghai-convention-2001").contains("reconstructed"));
    assert!(note("norak-anti-terror-2009").contains("reconstructed"));
    assert!(note("vostok-anti-terror-2006").contains("year is read from"));
    assert!(note("volgograd-anti-terror-2008").contains("lost"));
    for id in ["statement-domodedovo-2011", "statement-minsk-metro-2011"] {
        assert!(
            note(id).contains("only through this statement")
                && note(id).contains("does not date it"),
            "{id}"
        );
    }
    // Every note is a sentence, not a placeholder.
    assert!(ds
        .events
        .iter()
        .filter_map(|e| e.note.as_deref())
        .all(|n| n.len() > 40 && n.ends_with('.')));
}

#[test]
fn statements_link_the_attacks_they_concern_both_ways() {
    let ds = load_json(BUILTIN_DATASET).dataset;
    let related = |id: &str| {
        ds.related(ds.position(id).unwrap())
            .iter()
            .map(|&i| ds.events[i].id.clone())
            .collect::<Vec<_>>()
    };
    for (statement, attack) in [
        ("statement-nazran-2009", "ingushetia-attack-2009"),
        ("statement-urumqi-2009", "urumqi-riots-2009"),
        ("statement-moscow-2010", "moscow-bombers-2010"),
    ] {
        assert_eq!(related(statement), [attack]);
        assert_eq!(related(attack), [statement]);
    }
}

#[test]
fn one_rule_for_organisation_wide_countries_and_for_statement_or_document() {
    let ds = load_json(BUILTIN_DATASET).dataset;
    // The Afghanistan conference concerns Afghanistan, so choosing Afghanistan shows it.
    assert_eq!(
        ds.event("declaration-afghanistan-conference-2009")
            .unwrap()
            .countries,
        ["RU", "AF"]
    );
    let f = timeline_core::Filter {
        countries: Some(["AF".to_string()].into()),
        ..Default::default()
    };
    let shown: Vec<&str> = f
        .apply(&ds)
        .into_iter()
        .map(|i| ds.events[i].id.as_str())
        .collect();
    assert_eq!(
        shown,
        [
            "declaration-afghanistan-conference-2009",
            "observer-afghanistan-2012"
        ]
    );
    // Members are never listed merely for being members: only the founding milestone (their status changed) names them all.
    let members = member_codes(&ds);
    for e in ds.events.iter().filter(|e| e.scope == Scope::Organisation) {
        let all_members = members.iter().all(|m| e.countries.iter().any(|c| c == m));
        assert_eq!(all_members, e.id == "sco-founded-2001", "{}", e.id);
    }
    // Statements state positions; documents bind or plan.
    for e in &ds.events {
        let t = e.title.to_lowercase();
        let statement_like = t.contains("declaration") || t.contains("statement");
        let instrument = [
            "charter",
            "convention",
            "treaty",
            "agreement",
            "concept",
            "plan",
            "programme",
        ]
        .iter()
        .any(|w| t.contains(w));
        match ds.category(e.kind).id.as_str() {
            "statement" => assert!(statement_like && !instrument, "{}", e.id),
            "document" => assert!(instrument && !statement_like, "{}", e.id),
            _ => {}
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
    assert_eq!(
        ds.event("norak-anti-terror-2009").unwrap().date_label(),
        "17–19 April 2009"
    );
    assert_eq!(
        ds.event("volgograd-anti-terror-2008").unwrap().date_label(),
        "14 August – 4 September 2008"
    );
    assert_eq!(
        ds.event("vostok-anti-terror-2006").unwrap().date_label(),
        "2006"
    );
    // No incident is given a day the source does not give.
    assert!(ds
        .events
        .iter()
        .filter(|e| ds.category(e.kind).id == "incident")
        .all(|e| e.date.day().is_none()));
}

#[test]
fn organisation_wide_events_are_marked() {
    let ds = load_json(BUILTIN_DATASET).dataset;
    for e in &ds.events {
        let want = matches!(
            ds.category(e.kind).id.as_str(),
            "statement" | "document" | "milestone"
        );
        assert_eq!(e.scope == Scope::Organisation, want, "{}", e.id);
    }
    let members = member_codes(&ds);
    assert_eq!(members, ["CN", "KZ", "KG", "RU", "TJ", "UZ"]);
}

#[test]
fn events_are_in_time_order() {
    let ds = load_json(BUILTIN_DATASET).dataset;
    assert!(ds.events.windows(2).all(|w| w[0].date <= w[1].date));
    assert_eq!(
        ds.events.first().unwrap().id,
        "tajikistan-presidential-adviser-2001"
    );
    assert_eq!(ds.events.last().unwrap().id, "peace-mission-2012");
}
