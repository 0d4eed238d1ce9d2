//! The shipped dataset: it loads cleanly, and every entry traces to the source documents.

use std::collections::{BTreeMap, HashSet};
use timeline_core::model::{Basis, QuoteIn};
use timeline_core::{load_json, Scope, BUILTIN_DATASET};

fn seeds(file: &str) -> String {
    let path = format!(
        "{}/../../../shared/seeds/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the source documents must be beside the repo ({path}): {e}"))
}

/// A glyph of a prepared text: a character, a run of whitespace, a glyph the
/// extraction lost (`\u{FFFD}` in the received file, `␣` in the reading copy
/// and in quotes), or a line-break hyphen ("Rus-⏎sia"), which a quote may
/// read as nothing ("Russia") or as a hyphen ("Anti-terror").
#[derive(Clone, Copy, Debug, PartialEq)]
enum G {
    C(char),
    Space,
    Lost,
    Shy,
}

const LOST: [char; 2] = ['\u{FFFD}', '␣'];

/// A text as glyphs: whitespace collapsed, lost glyphs kept one for one,
/// line-break hyphens marked.
fn prepare(text: &str) -> Vec<G> {
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
                out.push(G::Shy);
                i = j;
                continue;
            }
        }
        if c.is_whitespace() {
            if out.last() != Some(&G::Space) {
                out.push(G::Space);
            }
        } else if LOST.contains(&c) {
            out.push(G::Lost);
        } else {
            out.push(G::C(c));
        }
        i += 1;
    }
    out
}

/// A quote as glyphs: whitespace collapsed; each `␣` one lost glyph.
fn quote_glyphs(q: &str) -> Vec<G> {
    let q = q.split_whitespace().collect::<Vec<_>>().join(" ");
    q.chars()
        .map(|c| match c {
            ' ' => G::Space,
            c if LOST.contains(&c) => G::Lost,
            c => G::C(c),
        })
        .collect()
}

/// A glyph of the received paper read through its shifted font encoding
/// (passages whose letters were extracted 29 code points low, and their
/// ligatures), as the reading copy reads it.
fn shifted(c: char) -> Option<String> {
    Some(match c {
        'À' => "fi".into(),
        'Á' => "fl".into(),
        'Ϳ' => "ff".into(),
        '·' => "'".into(),
        '!'..=']' => char::from_u32(c as u32 + 29)?.to_string(),
        _ => return None,
    })
}

/// Whether `quote` occurs in the prepared text. Only whitespace and
/// line-break hyphenation are forgiven; every letter, digit and punctuation
/// mark must match, and each lost glyph is a `␣` in the quote, one for one: a
/// quote neither starts nor ends inside a run of lost glyphs.
/// With `decode`, a glyph may also be read through the shifted encoding.
fn quote_in_text(text: &[G], quote: &str, decode: bool) -> bool {
    fn at(t: &[G], q: &[G], decode: bool, ends_lost: bool) -> bool {
        let Some(&qg) = q.first() else {
            return !(ends_lost && t.first() == Some(&G::Lost));
        };
        let Some(&tg) = t.first() else {
            return false;
        };
        let next = |n: usize| at(&t[1..], &q[n..], decode, ends_lost);
        match tg {
            G::Shy => (qg == G::C('-') && next(1)) || at(&t[1..], q, decode, ends_lost),
            G::C(c) => {
                (qg == tg && next(1))
                    || (decode
                        && shifted(c).is_some_and(|s| {
                            let n = s.chars().count();
                            q.len() >= n && s.chars().zip(q).all(|(a, &b)| b == G::C(a)) && next(n)
                        }))
            }
            _ => qg == tg && next(1),
        }
    }
    let q = quote_glyphs(quote);
    let (starts_lost, ends_lost) = (q.first() == Some(&G::Lost), q.last() == Some(&G::Lost));
    !q.is_empty()
        && (0..text.len()).any(|i| {
            !(starts_lost && i > 0 && text[i - 1] == G::Lost)
                && at(&text[i..], &q, decode, ends_lost)
        })
}

/// Found as written (no decoding).
fn quote_found(text: &[G], quote: &str) -> bool {
    quote_in_text(text, quote, false)
}

#[test]
fn the_quote_matcher_forgives_only_whitespace_and_line_break_hyphens() {
    let t = prepare("in Vladivostok, Rus-\n\nsia and\n counter-\nterrorism␣exercise");
    assert!(quote_found(
        &t,
        "Vladivostok, Russia and counter-terrorism␣exercise"
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

#[test]
fn lost_glyphs_are_counted_as_they_are() {
    // The received file marks a lost glyph \u{FFFD}, the reading copy `␣`; a quote writes `␣`.
    let t = prepare("June\u{FFFD}\u{FFFD}\u{FFFD} which and a␣b");
    assert!(quote_found(&t, "June␣␣␣ which"));
    assert!(!quote_found(&t, "June␣␣ which"), "one lost glyph too few");
    assert!(!quote_found(&t, "June␣␣␣␣ which"), "one too many");
    assert!(
        !quote_found(&t, "June which"),
        "a lost glyph is not a space"
    );
    assert!(
        !quote_found(&t, "June 15, 2001, which"),
        "nor what it might have been"
    );
    assert!(quote_found(&t, "a␣b") && !quote_found(&t, "a b"));
    assert!(
        !quote_found(&t, "June␣␣") && !quote_found(&t, "␣␣ which"),
        "a quote does not start or end inside a run of lost glyphs"
    );
    assert!(quote_found(&t, "June␣␣␣") && quote_found(&t, "␣␣␣ which"));
}

#[test]
fn the_shifted_encoding_is_read_only_when_asked() {
    // "-XQH" is "June" in the shifted encoding; "ÀUVW" is "first".
    let t = prepare("Extremism, \n-XQH\u{FFFD}\u{FFFD}ZKLFK\u{FFFD}ÀUVW");
    assert!(quote_in_text(&t, "Extremism, June␣␣which␣first", true));
    assert!(!quote_in_text(&t, "Extremism, June", false));
    assert!(!quote_in_text(&t, "Extremism, June␣which", true));
    assert!(
        !quote_in_text(&t, "Extremism, Juno", true),
        "a letter is not forgiven"
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

/// The prepared text of a file the metadata names ("shared/seeds/…").
fn text_of<'a>(texts: &'a mut std::collections::HashMap<String, Vec<G>>, path: &str) -> &'a [G] {
    let file = path.trim_start_matches("shared/seeds/").to_string();
    texts
        .entry(file.clone())
        .or_insert_with(|| prepare(&seeds(&file)))
}

#[test]
fn every_quote_is_found_in_the_received_text_and_in_the_copy_it_names() {
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
            let file = doc
                .file
                .clone()
                .unwrap_or_else(|| panic!("{}: {} lists no file", e.id, doc.id));
            // The received text is the source of record: every quote is in
            // it, with its lost glyphs as they are.
            let original = text_of(&mut texts, &file);
            let as_written = quote_found(original, quote);
            let read_shifted = quote_in_text(original, quote, true);
            match which {
                QuoteIn::File => assert!(
                    as_written,
                    "{}: quote not found as written in {file}: {quote}",
                    e.id
                ),
                QuoteIn::ReadingCopy => {
                    assert!(
                        read_shifted,
                        "{}: quote not found in {file}, even through its shifted encoding: {quote}",
                        e.id
                    );
                    // Only where the original really lacks it as written.
                    assert!(
                        !as_written,
                        "{}: found in the original as written, so say quote_in: file",
                        e.id
                    );
                    let copy = doc
                        .reading_copy
                        .clone()
                        .unwrap_or_else(|| panic!("{}: {} lists no reading_copy", e.id, doc.id));
                    assert!(
                        quote_found(text_of(&mut texts, &copy), quote),
                        "{}: quote not found in {copy}: {quote}",
                        e.id
                    );
                    in_reading_copy.push(e.id.as_str());
                }
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
    let added = |id: &str, field: &str| {
        ds.event(id)
            .unwrap_or_else(|| panic!("{id}"))
            .added
            .iter()
            .find(|a| a.field == field)
            .cloned()
            .unwrap_or_else(|| panic!("{id}: nothing added to {field}"))
    };
    // The Convention's date: the paper loses it, and says so; the date is general knowledge.
    let conv = note("shanghai-convention-2001");
    assert!(
        conv.contains("not reconstructed") && conv.contains("11 lost glyphs"),
        "{conv}"
    );
    assert!(!conv.contains("elsewhere in the paper"), "{conv}");
    let date = added("shanghai-convention-2001", "date");
    assert_eq!(date.basis, Basis::GeneralKnowledge);
    assert!(date.text.starts_with("15 June 2001"), "{}", date.text);
    // The exercises' names are legible; their years are lost (7 glyphs).
    for id in ["norak-anti-terror-2009", "volgograd-anti-terror-2008"] {
        let n = note(id);
        assert!(
            n.contains("legible") && n.contains("7 glyphs lost"),
            "{id}: {n}"
        );
        assert!(n.contains(&"␣".repeat(7)), "{id}: {n}");
        assert_eq!(added(id, "source").basis, Basis::Inference);
    }
    let vostok = added("vostok-anti-terror-2006", "date");
    assert!(vostok.basis == Basis::Inference && vostok.text.contains("year is read from"));
    // Nazran's place in Russia is general knowledge; the note gives the paper's words.
    assert!(note("statement-nazran-2009").contains("“the terrorist act in Nazran”"));
    assert_eq!(
        added("statement-nazran-2009", "countries").basis,
        Basis::GeneralKnowledge
    );
    for id in ["statement-domodedovo-2011", "statement-minsk-metro-2011"] {
        assert!(
            note(id).contains("only through this statement")
                && note(id).contains("does not date it"),
            "{id}"
        );
    }
    // Every note and every addition is a sentence, not a placeholder.
    for e in &ds.events {
        for t in e.note.iter().chain(e.added.iter().map(|a| &a.text)) {
            assert!(t.len() > 40 && t.ends_with('.'), "{}: {t}", e.id);
        }
    }
}

/// The fragments a text gives in curly quotes (“…”).
fn fragments(text: &str) -> Vec<&str> {
    text.split('“')
        .skip(1)
        .filter_map(|rest| rest.split_once('”').map(|(q, _)| q))
        .collect()
}

#[test]
fn words_a_note_gives_as_the_sources_are_in_the_sources() {
    // In a note or an addition, curly quotes hold a source's words: each is
    // found in a received text (read through its shifted encoding where it
    // has one), lost glyphs counted as they are. A note that speaks of "the
    // paper" quotes it.
    let ds = load_json(BUILTIN_DATASET).dataset;
    let texts: Vec<Vec<G>> = ds
        .meta
        .sources
        .iter()
        .filter_map(|s| s.file.as_deref())
        .map(|f| prepare(&seeds(f.trim_start_matches("shared/seeds/"))))
        .collect();
    let mut checked = 0;
    for e in &ds.events {
        if let Some(n) = &e.note {
            if n.contains("the paper") {
                assert!(
                    !fragments(n).is_empty(),
                    "{}: a note about the paper quotes it: {n}",
                    e.id
                );
            }
        }
        for t in e.note.iter().chain(e.added.iter().map(|a| &a.text)) {
            for f in fragments(t) {
                assert!(
                    texts.iter().any(|x| quote_in_text(x, f, true)),
                    "{}: “{f}” is not in the sources",
                    e.id
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 20, "{checked}");
}

/// Per country code, how the paper may name it besides its name in the metadata.
const ALSO_NAMED: &[(&str, &str)] = &[("KG", "Kyrgyz"), ("CN", "Chinese")];

#[test]
fn every_value_comes_from_a_quote_or_is_marked_as_added() {
    // Dates, countries, places and casualties are the paper's: found in the
    // event's quotes (a lost glyph read as a space), or marked in `added`
    // with what they rest on.
    let ds = load_json(BUILTIN_DATASET).dataset;
    let mut unmarked = Vec::new();
    for e in &ds.events {
        let text = e
            .sources
            .iter()
            .filter_map(|s| s.quote.as_deref())
            .collect::<Vec<_>>()
            .join(" | ")
            .replace('␣', " ");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let tokens: HashSet<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
        let dated = |d: timeline_core::date::PartialDate| {
            tokens.contains(d.year().to_string().as_str())
                && d.month()
                    .is_none_or(|m| text.contains(timeline_core::date::month_name(m)))
                && d.day()
                    .is_none_or(|day| tokens.contains(day.to_string().as_str()))
        };
        let named = |code: &str| {
            text.contains(ds.country_name(code))
                || ALSO_NAMED
                    .iter()
                    .any(|&(c, n)| c == code && text.contains(n))
        };
        let mut check = |field: &str, ok: bool| {
            if !ok && !e.added.iter().any(|a| a.field == field) {
                unmarked.push(format!("{}: {field}", e.id));
            }
        };
        check("date", dated(e.date));
        check("end", e.end.is_none_or(dated));
        check("countries", e.countries.iter().all(|c| named(c)));
        check("places", e.places.iter().all(|p| text.contains(p.as_str())));
        check(
            "casualties",
            e.casualties.as_ref().is_none_or(|c| {
                [c.killed, c.wounded]
                    .iter()
                    .flatten()
                    .all(|n| tokens.contains(n.to_string().as_str()))
            }),
        );
    }
    assert!(
        unmarked.is_empty(),
        "not in the quotes and not marked: {unmarked:#?}"
    );
}

#[test]
fn links_the_paper_makes_exist_both_ways_and_others_are_marked_inferences() {
    let ds = load_json(BUILTIN_DATASET).dataset;
    let related = |id: &str| {
        ds.related(ds.position(id).unwrap_or_else(|| panic!("{id}")))
            .iter()
            .map(|&i| ds.events[i].id.as_str())
            .collect::<Vec<_>>()
    };
    // The paper's own ties: the 2009 Convention "made the Shanghai Convention
    // … more concrete"; the Declaration of the Foundation is the founding's.
    let paper_links = [
        (
            "convention-against-terrorism-2009",
            "shanghai-convention-2001",
        ),
        ("declaration-foundation-2001", "sco-founded-2001"),
    ];
    for (a, b) in paper_links {
        assert!(related(a).contains(&b), "{a} → {b}");
        assert!(related(b).contains(&a), "{b} → {a}");
    }
    // Every other link is the dataset's reading, and says so.
    for e in &ds.events {
        for r in &e.related {
            if !paper_links.contains(&(e.id.as_str(), r.as_str())) {
                assert!(
                    e.added
                        .iter()
                        .any(|a| a.field == "related" && a.basis == Basis::Inference),
                    "{} → {r}: a link the paper does not make is marked an inference",
                    e.id
                );
            }
        }
    }
}

#[test]
fn the_details_mark_what_was_added() {
    let ds = load_json(BUILTIN_DATASET).dataset;
    let conv = ds.event("shanghai-convention-2001").unwrap();
    assert_eq!(
        conv.added_mark(&["date", "end"]).as_deref(),
        Some("(not in the source: general knowledge)")
    );
    assert_eq!(conv.added_mark(&["places"]), None);
    assert_eq!(
        ds.event("norak-anti-terror-2009")
            .unwrap()
            .added_mark(&["source"])
            .as_deref(),
        Some("(attributed to this event by inference)")
    );
    assert!(conv.added[0]
        .describe()
        .starts_with("Date — general knowledge: 15 June 2001"));
    let nazran = ds.event("statement-nazran-2009").unwrap();
    assert_eq!(
        nazran.added_mark(&["countries", "related"]).as_deref(),
        Some("(not in the source: general knowledge, inference)")
    );
    // A link the paper does not make is marked on both sides; the attack's
    // details list what the statement's link rests on.
    let (st, at) = (
        ds.position("statement-nazran-2009").unwrap(),
        ds.position("ingushetia-attack-2009").unwrap(),
    );
    let a = ds
        .link_addition(at, st)
        .expect("marked from the attack's side");
    assert_eq!((a.field.as_str(), a.basis), ("related", Basis::Inference));
    assert_eq!(a.mark(), "(not in the source: inference)");
    assert!(std::ptr::eq(a, ds.link_addition(st, at).unwrap()));
    assert_eq!(ds.additions_shown(at), [a]);
    assert_eq!(ds.additions_shown(st).len(), 2);
    // The paper's own links carry no mark.
    let (c09, c01) = (
        ds.position("convention-against-terrorism-2009").unwrap(),
        ds.position("shanghai-convention-2001").unwrap(),
    );
    assert!(ds.link_addition(c09, c01).is_none() && ds.link_addition(c01, c09).is_none());
    assert_eq!(ds.additions_shown(c01).len(), 1, "its date only");
    // What was added is searchable.
    let f = timeline_core::Filter {
        text: "founding summit".into(),
        ..Default::default()
    };
    let found: Vec<&str> = f
        .apply(&ds)
        .into_iter()
        .map(|i| ds.events[i].id.as_str())
        .collect();
    assert_eq!(found, ["shanghai-convention-2001"]);
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

#[test]
fn events_are_ordered_by_start_precision_end_kind_then_id() {
    use timeline_core::{Dataset, PartialDate};
    // Packed integer keys (model::order_key) against the tuple they stand for,
    // with eras, ties broken by id, and every precision.
    let text = timeline_core::synth::generate(3_000, 11);
    let ds = timeline_core::load_json(&text).dataset;
    let mut events = ds.events.clone();
    for (i, e) in events.iter_mut().enumerate().take(300) {
        e.date = PartialDate::parse(["-0044-03-15", "-0001", "0001-02", "2004"][i % 4]).unwrap();
        e.end = None;
    }
    let mut shuffled = events.clone();
    shuffled.reverse();
    let again = Dataset::new(ds.meta.clone(), shuffled);
    let key = |e: &timeline_core::Event| {
        (
            e.start_day(),
            e.date.precision(),
            e.end_day(),
            e.kind,
            e.id.clone(),
        )
    };
    let mut want: Vec<_> = events.iter().map(key).collect();
    want.sort();
    let got: Vec<_> = again.events.iter().map(key).collect();
    assert_eq!(got, want);
}
