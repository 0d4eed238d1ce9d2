//! Every problem kind the loader reports, from fixtures, with entry and field.

use timeline_core::problem::{Location, ProblemKind as P};
use timeline_core::{load_json, Problem};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn key(p: &Problem) -> (Option<usize>, Option<String>, Option<String>, P) {
    (
        p.entry_index(),
        p.entry_id().map(String::from),
        p.field.clone(),
        p.kind,
    )
}

#[test]
fn each_bad_entry_is_reported_and_the_good_ones_load() {
    let loaded = load_json(&fixture("bad_entries.json"));
    let s = |x: &str| Some(x.to_string());
    let want = vec![
        (Some(1), s("no-title"), s("title"), P::MissingField),
        (Some(3), s("bad-kind"), s("kind"), P::UnknownKind),
        (Some(4), s("bad-date"), s("date"), P::BadDate),
        (Some(5), s("bad-day"), s("date"), P::BadDate),
        (Some(6), s("end-before"), s("end"), P::EndBeforeStart),
        (
            Some(7),
            s("unknown-country"),
            s("countries[1]"),
            P::UnknownCountry,
        ),
        (Some(8), s("good-one"), s("id"), P::DuplicateId),
        (
            Some(9),
            s("negative"),
            s("casualties.killed"),
            P::NegativeCasualties,
        ),
        (Some(11), s("no-source"), s("source"), P::MissingField),
        (Some(12), s("wrong-type"), s("title"), P::WrongType),
        (Some(13), None, None, P::WrongShape),
        (
            Some(15),
            s("unknown-source"),
            s("source.document"),
            P::BadValue,
        ),
    ];
    let got: Vec<_> = loaded.problems.iter().map(key).collect();
    assert_eq!(got, want, "problems: {:#?}", loaded.problems);
    let ids: Vec<&str> = loaded
        .dataset
        .events
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    // An entry without an id gets one from its place; an id that is no slug is made one;
    // a blank summary is no summary.
    assert_eq!(
        ids,
        [
            "entry-10",
            "not-a-slug",
            "empty-summary",
            "good-one",
            "good-two"
        ]
    );
    // The first of two entries with one id is kept.
    assert_eq!(loaded.dataset.event("good-one").unwrap().title, "Good");
}

#[test]
fn messages_name_entry_field_and_what_is_wrong() {
    let loaded = load_json(&fixture("bad_entries.json"));
    let text: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert!(text.contains(&"entry 3 (bad-kind), field `kind`: \"riot\" is not one of incident, exercise, statement, document, milestone".to_string()), "{text:#?}");
    assert!(
        text.contains(
            &"entry 6 (end-before), field `end`: 2008-08-01 is before the start date 2008-08-14"
                .to_string()
        ),
        "{text:#?}"
    );
    assert!(text.contains(&"entry 4 (bad-date), field `date`: \"September 2004\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD".to_string()), "{text:#?}");
}

#[test]
fn malformed_json_reports_line_and_column() {
    let cases = [
        ("{\n  \"events\": [\n    { \"id\": \"a\", }\n  ]\n}", 3, 18),
        ("", 1, 0),
        ("{\"events\": [", 1, 12),
    ];
    for (text, line, column) in cases {
        let loaded = load_json(text);
        assert_eq!(loaded.problems.len(), 1, "{text:?}");
        let p = &loaded.problems[0];
        assert_eq!(p.kind, P::MalformedJson { line, column }, "{text:?}: {p}");
        assert_eq!(p.location, Location::File);
        assert!(
            p.to_string()
                .contains(&format!("line {line}, column {column}")),
            "{p}"
        );
        assert!(loaded.dataset.events.is_empty());
    }
}

#[test]
fn wrong_top_level_shapes_are_reported_not_panicked() {
    for text in [
        "[]",
        "42",
        "null",
        "{\"countries\": []}",
        "{\"countries\": [], \"events\": {}}",
    ] {
        let loaded = load_json(text);
        assert!(!loaded.problems.is_empty(), "{text}");
        assert!(
            loaded.problems.iter().all(|p| p.kind == P::WrongShape),
            "{text}: {:?}",
            loaded.problems
        );
    }
}

#[test]
fn metadata_problems_are_named() {
    let text =
        r#"{"countries": [{"code": "Russia"}, {"code": "CN", "status": "friend"}], "events": []}"#;
    let loaded = load_json(text);
    let got: Vec<_> = loaded
        .problems
        .iter()
        .map(|p| (p.location.clone(), p.field.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Location::File, None),
            (Location::Metadata, Some("countries[0].code".to_string())),
            (Location::Metadata, Some("countries[1].status".to_string())),
        ]
    );
}

#[test]
fn incremental_loading_gives_the_same_result_as_loading_at_once() {
    use timeline_core::load::Incremental;
    for text in [
        fixture("bad_entries.json"),
        timeline_core::synth::generate(5000, 3),
        timeline_core::BUILTIN_DATASET.to_string(),
    ] {
        let once = load_json(&text);
        let mut inc = Incremental::start(text.clone()).expect("an object with events");
        let total = inc.total();
        let mut steps = 0;
        while !inc.step(700) {
            steps += 1;
            assert!(inc.done() < total);
        }
        assert_eq!(inc.done(), total);
        let stepped = inc.finish();
        assert_eq!(stepped.dataset, once.dataset);
        assert_eq!(stepped.problems, once.problems);
        assert!(steps + 1 >= total / 700);
    }
    // Not an object with events: loaded at once, with its problem.
    let err = Incremental::start("{\"events\": 3".into()).err().unwrap();
    assert!(matches!(err.problems[0].kind, P::MalformedJson { .. }));
}

/// One entry of ours, with `extra` fields added.
fn one(extra: &str) -> String {
    format!(
        r#"{{"events":[{{"id":"a","kind":"attack","title":"T","date":"2004"{extra}}},{{"id":"b","kind":"attack","title":"U","date":"2005"}}]}}"#
    )
}

/// A `javascript:` link drops only the link, and says so; the event stays.
#[test]
fn a_bad_link_drops_the_link_not_the_event() {
    let text =
        one(r#","links":["javascript:alert(1)",{"url":"https://example.org/a","text":"A"}]"#);
    for l in [load_json(&text), timeline_core::load_any(&text, "x.json")] {
        assert_eq!(l.dataset.events.len(), 2, "{:?}", l.problems);
        let a = &l.dataset.events[0];
        assert_eq!(a.links.len(), 1);
        assert_eq!(a.links[0].url, "https://example.org/a");
        assert_eq!(l.problems.len(), 1);
        assert_eq!(l.problems[0].field.as_deref(), Some("links[0]"));
        assert!(l.problems[0]
            .message
            .contains("the link is left out; the event is kept"));
    }
}

/// A number beyond f64 and an entry nested 10,000 deep are named as such,
/// not as "must be an object, not null"; the other entries load.
#[test]
fn too_large_numbers_and_too_deep_nesting_say_so() {
    let huge = one(r#","casualties":{"killed":1e309}"#);
    let deep = one(&format!(
        r#","note":{}1{}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    ));
    let deep_entry = format!(
        r#"{{"events":[{}{},{{"id":"b","kind":"x","title":"U","date":"2005"}}]}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    for (text, words) in [
        (&huge, "a number is too large to read"),
        (&deep, "nested more than 128 levels deep"),
        (&deep_entry, "nested more than 128 levels deep"),
    ] {
        for l in [load_json(text), timeline_core::load_any(text, "x.json")] {
            assert_eq!(l.dataset.events.len(), 1, "{:?}", l.problems);
            assert_eq!(l.problems.len(), 1, "{:?}", l.problems);
            let msg = l.problems[0].to_string();
            assert!(msg.starts_with("entry 0"), "{msg}");
            assert!(msg.contains(words) && !msg.contains("null"), "{msg}");
        }
    }
    // The whole file too deep: said at once.
    let l = load_json(&format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)));
    assert!(
        l.problems[0]
            .message
            .contains("nested more than 128 levels deep"),
        "{:?}",
        l.problems
    );
}

/// A refused file says why in a sentence, and its own problems stay listed.
#[test]
fn a_refused_file_says_why_and_keeps_its_problems() {
    let l = timeline_core::load_any(r#"[{"title":"A"},{"title":"B","date":"soon"}]"#, "x.json");
    assert!(l.dataset.events.is_empty());
    let why = l.refusal().unwrap();
    assert!(why.starts_with("none of its entries is an event"), "{why}");
    let fields: Vec<_> = l.problems.iter().filter_map(|p| p.field.clone()).collect();
    assert_eq!(fields, ["date", "date"], "{:?}", l.problems);
    let l = timeline_core::load_any("not json at all {", "x.json");
    assert!(l.refusal().unwrap().starts_with("not valid JSON"));
    assert_eq!(
        timeline_core::load_json(&fixture("small.json")).refusal(),
        None
    );
}

/// More events than the README promises load, and the file is told so.
#[test]
fn more_than_a_million_events_load_with_a_notice() {
    // 100,001 events: within what the timeline is made for, no notice.
    let l = load_json(&timeline_core::synth::generate(100_001, 3));
    assert_eq!(l.dataset.events.len(), 100_001);
    assert!(
        l.problems.iter().all(|p| !p.message.contains("made for")),
        "{:?}",
        l.problems.first()
    );
    // Past 1,000,000: the rule that `finish` applies (a million events are
    // loaded by scripts/bench-large.mjs, not here).
    let p = timeline_core::load::size_notice(1_000_001).expect("a notice");
    assert_eq!(p.kind, P::Notice);
    assert!(
        p.message
            .contains("1,000,001 events, more than the 1,000,000"),
        "{p:?}"
    );
    assert!(timeline_core::load::size_notice(1_000_000).is_none());
}

/// Another tool's JSON nested too deep says so, not "no events".
#[test]
fn another_formats_json_too_deep_says_so() {
    let deep = format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000));
    for text in [
        format!(r#"[{{"when":"2004","what":"x","extra":{deep}}}]"#),
        format!(r#"{{"events":[{{"start_date":{{"year":"2004"}},"x":{deep}}}]}}"#),
        format!(r#"[{{"start":"2004-01-01","content":"x","x":{deep}}}]"#),
    ] {
        let l = timeline_core::load_any(&text, "x.json");
        assert!(l.dataset.events.is_empty());
        assert!(l.refusal().is_some());
        let all: String = l.problems.iter().map(|p| p.to_string()).collect();
        assert!(all.contains("nested more than 128 levels deep"), "{all}");
    }
}

/// An id is taken by its first entry that reads as an event, even one left
/// out for a problem (here: no country); an entry whose date cannot be read
/// takes none. Later entries with a taken id are duplicates, each named.
#[test]
fn an_id_is_taken_by_its_first_entry() {
    let entry = |id: &str, date: &str, countries: &str| {
        format!(
            r#"{{"id":"{id}","kind":"incident","title":"T","date":"{date}","countries":[{countries}],"summary":"S","source":{{"document":"paper","section":"1"}}}}"#
        )
    };
    let cn = r#""CN""#;
    let text = format!(
        r#"{{"format":"sco-timeline/1","title":"t","sources":[{{"id":"paper","title":"P"}}],"countries":[{{"code":"CN","name":"China","status":"member"}}],"events":[{},{},{},{},{},{},{}]}}"#,
        entry("a", "2001-13", cn),
        entry("a", "2001", cn),
        entry("b", "2002", ""),
        entry("b", "2003", cn),
        entry("a", "2004", cn),
        entry("c", "2005", cn),
        entry("c", "2006", cn),
    );
    let loaded = load_json(&text);
    let dups: Vec<_> = loaded
        .problems
        .iter()
        .filter(|p| p.kind == P::DuplicateId)
        .map(|p| p.entry_index())
        .collect();
    assert_eq!(dups, [Some(3), Some(4), Some(6)], "{:#?}", loaded.problems);
    let ids: Vec<&str> = loaded
        .dataset
        .events
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(loaded.dataset.event("a").unwrap().date.to_string(), "2001");
}

/// A file that does not parse is told in the words of someone editing it, not
/// the parser's ("EOF while parsing a value"), and still with its line and column.
#[test]
fn a_broken_json_file_is_told_in_plain_words() {
    for (text, says) in [
        (
            r#"{"events": [{"title": "A", "date": "#,
            "the file ends where a value should follow",
        ),
        (r#"{"events": [{"title": "A"}"#, "a `]` is missing"),
        (
            r#"[{"title": "A", "date": "2001-06-15",}]"#,
            "a comma stands just before",
        ),
        (
            r#"[{"title": "A" "date": "2001"}]"#,
            "a `,` or a `}` should come here",
        ),
        (
            r#"[{title: "A"}]"#,
            "a field's name must be in double quotes",
        ),
        ("[{\"title\": \"A\tB\"}]", "holds a tab or line break as is"),
    ] {
        let l = timeline_core::load_any(text, "x.json");
        let why = l.refusal().unwrap_or_default();
        assert!(why.contains(says), "{text}: {why}");
        assert!(why.contains("line 1, column"), "{text}: {why}");
        assert!(!why.contains("EOF") && !why.contains("expected"), "{why}");
    }
}
