//! Property tests (proptest) as a fuzzer with a fixed budget: the loader, the
//! CSV reader and the URL-state parser never panic, on any input, and what
//! they accept is consistent. The inputs cover encodings (BOMs, UTF-16,
//! Windows-1252), repeated and odd headers, extreme dates and numbers, and
//! deep nesting. Each test prints how many inputs it ran; `FUZZ_CASES`
//! sets the budget for a long run.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Map, Value};
use std::sync::atomic::{AtomicUsize, Ordering};
use timeline_core::urlstate::{decode, encode};
use timeline_core::{load_csv, load_json, BUILTIN_DATASET};

/// Inputs per target in CI; `FUZZ_CASES=1000000` for a long run by hand.
const CASES: u32 = 4000;

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CASES)
}

fn run<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value)) {
    run_cases(name, cases(), strategy, test)
}

/// `run` with a budget of its own.
fn run_cases<S: Strategy>(name: &str, n: u32, strategy: S, test: impl Fn(S::Value)) {
    let count = AtomicUsize::new(0);
    let mut runner = TestRunner::new(Config {
        cases: n,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&strategy, |v| {
            count.fetch_add(1, Ordering::Relaxed);
            test(v);
            Ok(())
        })
        .unwrap();
    println!(
        "fuzz {name}: {} inputs, no panic",
        count.load(Ordering::Relaxed)
    );
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        prop::sample::select(vec![
            "2004",
            "2004-09",
            "2009-02-30",
            "0000",
            "9999-12-31",
            "RU",
            "XX",
            "incident",
            "organisation"
        ])
        .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("id".to_string()),
                        Just("kind".to_string()),
                        Just("title".to_string()),
                        Just("date".to_string()),
                        Just("end".to_string()),
                        Just("countries".to_string()),
                        Just("places".to_string()),
                        Just("casualties".to_string()),
                        Just("killed".to_string()),
                        Just("summary".to_string()),
                        Just("source".to_string()),
                        Just("scope".to_string()),
                        Just("events".to_string()),
                        Just("code".to_string()),
                        Just("status".to_string()),
                        ".{0,6}".prop_map(|s| s),
                    ],
                    inner
                ),
                0..8
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

#[test]
fn fuzz_loader_on_arbitrary_json_values() {
    let strategy = (any_json(), prop::collection::vec(any_json(), 0..6));
    run("loader, arbitrary JSON", strategy, |(root, events)| {
        let mut doc = match root {
            Value::Object(o) => o,
            other => Map::from_iter([("x".to_string(), other)]),
        };
        doc.insert("events".into(), Value::Array(events));
        doc.entry("countries")
            .or_insert_with(|| serde_json::json!([{ "code": "RU", "status": "member" }]));
        let text = serde_json::to_string(&Value::Object(doc)).unwrap();
        let loaded = load_json(&text);
        // Everything that loaded is valid; ids are unique.
        let mut ids = std::collections::HashSet::new();
        for e in &loaded.dataset.events {
            assert!(ids.insert(e.id.clone()));
            assert!(e.end_day() >= e.start_day());
        }
    });
}

#[test]
fn fuzz_loader_on_arbitrary_text() {
    run("loader, arbitrary text", ".{0,200}", |s: String| {
        let _ = load_json(&s);
        let _ = load_csv(&s, "fuzz.csv");
    });
}

#[test]
fn fuzz_loader_on_mutations_of_the_real_dataset() {
    let base = BUILTIN_DATASET.as_bytes().to_vec();
    let strategy = prop::collection::vec((0..base.len(), any::<u8>(), 0u8..3), 1..8);
    run("loader, mutated dataset", strategy, |edits| {
        let mut bytes = base.clone();
        for (at, byte, op) in edits {
            // After a truncation the buffer may be empty: there is nothing to
            // overwrite then, so the byte is appended instead.
            let at = at.min(bytes.len().saturating_sub(1));
            match op {
                0 if bytes.is_empty() => bytes.push(byte),
                0 => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                _ => bytes.truncate(at),
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        let loaded = load_json(&text);
        // Bad input loses nothing valid silently: either it loaded or a problem says why not.
        assert!(!loaded.dataset.events.is_empty() || !loaded.problems.is_empty());
    });
}

#[test]
fn fuzz_url_state_parser() {
    let piece = prop_oneof![
        ".{0,10}",
        prop::sample::select(vec![
            "c=", "k=", "from=", "to=", "q=", "w=", "g=", "v=", "e=", "&", "=", "%", "%2",
            "%E2%80", "+", "~", ",", "none", "RU", "2004-09", "incident", "list", "country"
        ])
        .prop_map(String::from),
    ];
    run(
        "URL state",
        prop::collection::vec(piece, 0..12).prop_map(|v| v.concat()),
        |q: String| {
            let d = decode(&q);
            // What a link decodes to encodes to a link that decodes to the same state.
            let again = decode(&encode(&d.state));
            assert_eq!(again.state.filter, d.state.filter, "{q}");
            assert_eq!(again.state.grouping, d.state.grouping);
            assert_eq!(again.state.view, d.state.view);
            assert_eq!(again.state.selected, d.state.selected);
            assert!(again.ignored.is_empty(), "{q} → {:?}", again.ignored);
        },
    );
}

#[test]
fn fuzz_host_messages() {
    use timeline_core::embed::{parse_host_message, EmbedOptions};
    let strategy = (
        any_json(),
        prop::sample::select(vec![
            "setFilters",
            "goTo",
            "step",
            "present",
            "getState",
            "x",
            "",
        ]),
        any_json(),
    );
    run("host messages", strategy, |(extra, action, value)| {
        // Arbitrary values, and messages of the right type with arbitrary fields: never a panic.
        let _ = parse_host_message(&extra);
        let mut msg = serde_json::json!({ "type": "sco-timeline", "action": action });
        for key in ["countries", "kinds", "text", "id", "by", "on"] {
            msg[key] = value.clone();
        }
        let _ = parse_host_message(&msg);
        let _ = EmbedOptions::decode(&value.to_string());
    });
}

/// Every importer's fixture, mutated byte by byte, through the importer its
/// content then calls for (and through a stepped load): no panic, and either
/// events or a problem that says why not.
#[test]
fn fuzz_every_importer_on_mutations_of_its_fixture() {
    let dir = format!("{}/tests/fixtures/import", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    let n = files.len();
    let strategy = (
        0..n,
        prop::collection::vec((any::<usize>(), any::<u8>(), 0u8..3), 1..8),
    );
    run("importers, mutated fixtures", strategy, |(which, edits)| {
        let (name, base) = &files[which];
        let mut bytes = base.clone();
        for (at, byte, op) in edits {
            let at = at % bytes.len().max(1);
            match op {
                0 if bytes.is_empty() => bytes.push(byte),
                0 => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                _ => bytes.truncate(at),
            }
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let loaded = timeline_core::load_any(&text, name);
        assert!(
            !loaded.dataset.events.is_empty() || !loaded.problems.is_empty(),
            "{name}"
        );
        let mut inc = timeline_core::import::open(text, name, None);
        while !inc.step(2) {}
        let stepped = inc.finish();
        assert_eq!(
            stepped.dataset.events.len(),
            loaded.dataset.events.len(),
            "{name}"
        );
    });
}

/// HTML to text on arbitrary markup: no panic, no tag left.
#[test]
fn fuzz_html_to_text() {
    let piece = prop_oneof![
        ".{0,8}",
        prop::sample::select(vec![
            "<",
            ">",
            "</",
            "<a href=\"https://x.org\">",
            "</a>",
            "<p>",
            "<br>",
            "&amp;",
            "&#",
            "&lt;",
            "<script>",
            "</script>",
            "<!--",
            "-->",
            "\"",
            "<b",
            "<a href=javascript:x>"
        ])
        .prop_map(String::from),
    ];
    run(
        "HTML to text",
        prop::collection::vec(piece, 0..30).prop_map(|v| v.concat()),
        |s: String| {
            let (text, links) = timeline_core::import::html::to_text(&s);
            assert!(links.iter().all(|l| l.url.starts_with("http")));
            let _ = text;
        },
    );
}

/// A share of the budget, for targets whose inputs are large.
fn some_cases(div: u32) -> u32 {
    (cases() / div).max(1)
}

fn run_n<S: Strategy>(name: &str, n: u32, strategy: S, test: impl Fn(S::Value)) {
    let count = AtomicUsize::new(0);
    let mut runner = TestRunner::new(Config {
        cases: n,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&strategy, |v| {
            count.fetch_add(1, Ordering::Relaxed);
            test(v);
            Ok(())
        })
        .unwrap();
    println!(
        "fuzz {name}: {} inputs, no panic",
        count.load(Ordering::Relaxed)
    );
}

/// `text` as bytes in an encoding: 0 UTF-8, 1 UTF-8 with a BOM, 2 UTF-16LE
/// with a BOM, 3 UTF-16BE with a BOM, 4 Windows-1252 (where it can say it).
fn encode_as(text: &str, enc: u8) -> Vec<u8> {
    match enc {
        0 => text.as_bytes().to_vec(),
        1 => [0xef, 0xbb, 0xbf].into_iter().chain(text.bytes()).collect(),
        2 => [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        3 => [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
        _ => encoding_rs::WINDOWS_1252.encode(text).0.into_owned(),
    }
}

fn import_fixtures() -> Vec<(String, String)> {
    let dir = format!("{}/tests/fixtures/import", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            let text = std::fs::read_to_string(&p).ok()?;
            Some((p.file_name()?.to_string_lossy().into_owned(), text))
        })
        .collect();
    files.sort();
    files
}

/// Every importer's fixture in every encoding a browser tells apart: the
/// same events as in UTF-8 (Windows-1252 where the text fits it), and after
/// byte edits no panic and either events or a problem.
#[test]
fn fuzz_importers_on_bytes_in_any_encoding() {
    let files = import_fixtures();
    let n = files.len();
    let strategy = (
        0..n,
        0u8..5,
        prop::collection::vec((any::<usize>(), any::<u8>(), 0u8..3), 0..4),
    );
    run_n(
        "importers, encodings",
        some_cases(4),
        strategy,
        |(which, enc, edits)| {
            let (name, text) = &files[which];
            let mut bytes = encode_as(text, enc);
            let fits = enc != 4 || !encoding_rs::WINDOWS_1252.encode(text).2;
            let edited = !edits.is_empty();
            for (at, byte, op) in edits {
                let at = at % bytes.len().max(1);
                match op {
                    0 if bytes.is_empty() => bytes.push(byte),
                    0 => bytes[at] = byte,
                    1 => bytes.insert(at, byte),
                    _ => bytes.truncate(at),
                }
            }
            let l = timeline_core::import::open_bytes(bytes, name, None).finish();
            assert!(
                !l.dataset.events.is_empty() || !l.problems.is_empty(),
                "{name}"
            );
            if !edited && fits {
                let want = timeline_core::load_any(text, name);
                let titles = |d: &timeline_core::Dataset| {
                    d.events.iter().map(|e| e.title.clone()).collect::<Vec<_>>()
                };
                assert_eq!(titles(&l.dataset), titles(&want.dataset), "{name} in {enc}");
            }
        },
    );
}

/// Tables with repeated, differently cased or blank headers and extreme
/// cells: no panic; a repeated name is always reported; events or a problem.
#[test]
fn fuzz_tables_with_repeated_headers_and_extreme_cells() {
    let header = prop::sample::select(vec![
        "date",
        "Date",
        " DATE ",
        "title",
        "Title",
        "kind",
        "killed",
        "When",
        "What",
        "Where",
        "Deaths",
        "event_date",
        "event_type",
        "iyear",
        "imonth",
        "Year",
        "Headline",
        "",
        "notes",
        "x",
    ]);
    let cell = prop_oneof![
        prop::sample::select(vec![
            "2004",
            "2004-09-01",
            "30 February 2023",
            "2023-02-29",
            "9999-12-31",
            "-9999-01-01",
            "10000",
            "0000",
            "1e309",
            "-1e309",
            "18446744073709551616",
            "-1",
            "NaN",
            "inf",
            "",
            "\"",
            "a;b;;c",
            "<b>x</b>",
            "javascript:alert(1)",
            "Genève",
            "\u{feff}",
            "\u{0}",
        ])
        .prop_map(String::from),
        ".{0,10}",
    ];
    let strategy = (
        prop::collection::vec(header, 1..8),
        prop::collection::vec(prop::collection::vec(cell, 0..9), 0..6),
    );
    run_n(
        "tables, repeated headers, extreme cells",
        some_cases(2),
        strategy,
        |(head, rows)| {
            let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
            let mut text = head.iter().map(|h| quote(h)).collect::<Vec<_>>().join(",");
            for r in &rows {
                text.push('\n');
                text.push_str(&r.iter().map(|c| quote(c)).collect::<Vec<_>>().join(","));
            }
            let l = timeline_core::load_any(&text, "t.csv");
            assert!(!l.dataset.events.is_empty() || !l.problems.is_empty());
            let folded: Vec<String> = head.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
            let repeated = folded
                .iter()
                .enumerate()
                .any(|(i, h)| !h.is_empty() && folded[..i].contains(h));
            if repeated && head.len() >= 2 {
                assert!(
                    l.problems
                        .iter()
                        .any(|p| p.message.contains("more than once")),
                    "{head:?}: {:?}",
                    l.problems
                );
            }
            for e in &l.dataset.events {
                assert!(e.end_day() >= e.start_day());
            }
        },
    );
}

/// Deep nesting and numbers beyond f64 anywhere in an entry: the entry is
/// named with why; the valid entry beside it loads.
#[test]
fn fuzz_deep_nesting_and_extreme_numbers() {
    let key = prop::sample::select(vec!["note", "casualties", "title", "countries", "zz"]);
    let strategy = (
        key,
        0usize..3000,
        prop::sample::select(vec![
            "1",
            "1e309",
            "-1e309",
            "1e-400",
            "18446744073709551616",
            "-0",
            "\"x\"",
            "{}",
        ]),
        any::<bool>(),
    );
    run_n(
        "deep nesting, extreme numbers",
        some_cases(8),
        strategy,
        |(key, depth, leaf, objects)| {
            let (open, close) = if objects {
                ("{\"a\":", "}")
            } else {
                ("[", "]")
            };
            let value = format!("{}{leaf}{}", open.repeat(depth), close.repeat(depth));
            let text = format!(
                r#"{{"events":[{{"id":"a","kind":"k","title":"T","date":"2004","{key}":{value}}},{{"id":"b","kind":"k","title":"U","date":"2005"}}]}}"#
            );
            for l in [load_json(&text), timeline_core::load_any(&text, "x.json")] {
                assert!(
                    l.dataset.events.iter().any(|e| e.id == "b"),
                    "{:?}",
                    l.problems
                );
                let unreadable = depth >= 130 || matches!(leaf, "1e309" | "-1e309");
                if unreadable {
                    assert!(l.dataset.events.len() == 1, "{depth} {leaf}");
                    let msg = l.problems.iter().map(|p| p.to_string()).collect::<String>();
                    assert!(!msg.contains("not null"), "{msg}");
                }
            }
        },
    );
}

/// A story file's pieces: scenes as objects with the story's keys (and others),
/// values arbitrary JSON or the kinds of text a story holds.
fn any_story_json() -> impl Strategy<Value = String> {
    let text = prop_oneof![
        any_json(),
        prop::sample::select(vec![
            "c=KZ,UZ&w=2005-01-01~2006-12-31&e=beslan-2004&g=country",
            "w=2004~2003",
            "k=none&v=list&q=%E2%80",
            "https://example.org/?c=RU#x",
            "beslan-2004",
            "2004-13",
            "  padded  ",
            "https://e.org/a).",
        ])
        .prop_map(|s| Value::String(s.to_string())),
    ];
    let key = prop::sample::select(vec![
        "title",
        "caption",
        "view",
        "highlight",
        "annotations",
        "event",
        "date",
        "text",
        "source",
        "other",
    ]);
    let object = prop::collection::vec((key.clone(), text.clone()), 0..6)
        .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect()));
    let item = prop_oneof![
        object.clone(),
        object.clone().prop_map(|o| Value::Array(vec![o])),
        text.clone()
    ];
    let scene = prop::collection::vec((key, item), 0..6)
        .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect()));
    let version = prop_oneof![Just(Value::from(1)), any_json()];
    (prop::collection::vec(prop_oneof![scene, text], 0..5), version, any::<bool>()).prop_map(
        |(scenes, version, story)| {
            let format = if story { "sco-timeline-story" } else { "x" };
            serde_json::json!({"format": format, "version": version, "title": "t", "scenes": scenes})
                .to_string()
        },
    )
}

#[test]
fn fuzz_story_files() {
    use timeline_core::story::{caption_parts, parse, to_json};
    let n = (cases() / 4).max(1);
    run_cases("story, arbitrary text", n, ".{0,120}", |s: String| {
        let _ = parse(&s);
        let _ = caption_parts(&s);
    });
    // What is read is written back to a file that reads the same, without problems.
    run_cases(
        "story, arbitrary scenes",
        n,
        any_story_json(),
        |text: String| {
            if let Ok(l) = parse(&text) {
                let again = parse(&to_json(&l.story)).unwrap();
                assert_eq!(again.story, l.story, "{text}");
                assert_eq!(again.problems, vec![], "{text}");
            }
        },
    );
}
