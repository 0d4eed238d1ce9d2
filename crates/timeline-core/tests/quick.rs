//! The quick path (`src/quick.rs`) changes nothing: every file loads to the
//! same dataset with the same problems, in the same order, with it as
//! through the full checks alone; and so does a streamed read (events sent
//! in parts while the rest is read, `Incremental::streaming`), unpacked.
//! Held on every fixture, on synthetic datasets, and on generated entries
//! that mix every way a field can be right or wrong, as JSON and as our CSV.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use timeline_core::import::open_bytes;
use timeline_core::{pack, synth, Loaded};

fn same_both_ways(bytes: &[u8], name: &str) {
    let quick = open_bytes(bytes.to_vec(), name, None).finish();
    let full = open_bytes(bytes.to_vec(), name, None)
        .full_checks_only()
        .finish();
    assert_eq!(quick, full, "{name}");
    for (step, per_part) in [(1, 1), (3, 2), (7, 50)] {
        same_streamed(bytes, name, step, per_part, &full);
    }
}

/// A streamed read (as the worker sends it: events in parts while the rest
/// is validated, then the end, with what it changed in those) unpacks to
/// what the whole read gives.
fn same_streamed(bytes: &[u8], name: &str, step: usize, per_part: usize, whole: &Loaded) {
    let mut inc = open_bytes(bytes.to_vec(), name, None).streaming();
    let (mut ahead, mut sent) = (Vec::new(), 0);
    loop {
        let done = inc.step(step);
        ahead.extend(pack::parts_ahead(inc.events(), &mut sent, per_part));
        if done {
            break;
        }
    }
    let parts = pack::pack_read_after(&inc.finish(), sent, per_part);
    let mut u = pack::Unpacking::streaming();
    ahead.iter().for_each(|p| u.add(p).unwrap());
    u.head(&parts[0]).unwrap();
    parts[1..].iter().for_each(|p| u.add(p).unwrap());
    let whole = Loaded {
        fixups: Default::default(),
        ..whole.clone()
    };
    assert_eq!(
        u.finish().unwrap(),
        whole,
        "{name}, streamed by {step}/{per_part}"
    );
}

#[test]
fn every_fixture_loads_the_same_both_ways() {
    let mut dirs = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures"
    ))];
    let mut n = 0;
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                same_both_ways(&std::fs::read(&path).unwrap(), &path.to_string_lossy());
                n += 1;
            }
        }
    }
    let builtin = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/events.json");
    same_both_ways(&std::fs::read(builtin).unwrap(), "events.json");
    assert!(n >= 10, "{n} fixtures");
}

#[test]
fn synthetic_datasets_load_the_same_both_ways() {
    let json = synth::generate(3000, 7);
    same_both_ways(json.as_bytes(), "synth.json");
    let ds = timeline_core::load_json(&json).dataset;
    let all: Vec<usize> = (0..ds.events.len()).collect();
    same_both_ways(
        timeline_core::export::to_csv(&ds, &all).as_bytes(),
        "synth.csv",
    );
}

/// Ways each field can be written, right and wrong (JSON text; `None`: left out).
const IDS: &[Option<&str>] = &[
    Some("\"a-1\""),
    Some("\"b-2\""),
    Some("\"Event 3\""),
    Some("\"a--1\""),
    Some("\"\""),
    Some("12"),
    Some("null"),
    None,
];
const KINDS: &[Option<&str>] = &[
    Some("\"incident\""),
    Some("\"Incident\""),
    Some("\"treaty\""),
    Some("\"no-such-kind\""),
    Some("\" \""),
    Some("3"),
    None,
];
const TITLES: &[Option<&str>] = &[
    Some("\"T\""),
    Some("\" t \\\"q\\\" \""),
    Some("\" \""),
    Some("5"),
    None,
];
const DATES: &[Option<&str>] = &[
    Some("\"2004\""),
    Some("\"2004-02-29\""),
    Some("\"2003-02-29\""),
    Some("\"30 February 2004\""),
    Some("\"2004-13\""),
    Some("\"\""),
    Some("\"2004-05-06T10:00\""),
    None,
];
const ENDS: &[Option<&str>] = &[
    None,
    Some("\"2003\""),
    Some("\"2005-01\""),
    Some("\"x\""),
    Some("\"\""),
    Some("null"),
];
const SCOPES: &[Option<&str>] = &[
    None,
    Some("\"local\""),
    Some("\"organisation\""),
    Some("\"Local\""),
    Some("1"),
];
const COUNTRIES: &[Option<&str>] = &[
    None,
    Some("[]"),
    Some("[\"RU\"]"),
    Some("[\"RU\",\"RU\",\"CN\"]"),
    Some("[\"Russia\"]"),
    Some("[\"XX\"]"),
    Some("\"RU; CN\""),
    Some("[\" \"]"),
    Some("[1]"),
];
const PLACES: &[Option<&str>] = &[
    None,
    Some("[]"),
    Some("[\"A\",\"B\"]"),
    Some("[\" \"]"),
    Some("\"A\""),
];
const CASUALTIES: &[Option<&str>] = &[
    None,
    Some("{}"),
    Some("{\"killed\":1}"),
    Some("{\"killed\":-1}"),
    Some("{\"killed\":1.5}"),
    Some("{\"wounded\":null,\"killed\":2}"),
    Some("{\"killed\":2,\"x\":-1e309}"),
    Some("\"x\""),
];
const SUMMARIES: &[Option<&str>] = &[None, Some("\"\""), Some("\" s \""), Some("1")];
const NOTES: &[Option<&str>] = &[None, Some("\"\""), Some("\"n\"")];
const SOURCES: &[Option<&str>] = &[
    None,
    Some("\"paper\""),
    Some("{\"document\":\"paper\",\"section\":\"1\"}"),
    Some("{\"document\":\"paper\",\"section\":\"1\",\"url\":\" https://x \",\"quote\":\"q\"}"),
    Some("{\"document\":\"other\",\"section\":\"1\"}"),
    Some("{\"document\":\"paper\"}"),
    Some("{\"section\":\"1\"}"),
    Some("[{\"document\":\"paper\",\"section\":\"1\"}]"),
    Some("{\"document\":\"paper\",\"section\":\"1\",\"quote\":\"q\",\"quote_in\":\"file\"}"),
    Some("3"),
];
const EXTRAS: &[Option<&str>] = &[
    None,
    None,
    Some("\"related\":[\"a-1\"]"),
    Some("\"links\":[\"ftp://x\"]"),
    Some("\"added\":[]"),
    Some("\"unknown\":{\"x\":1}"),
    Some("\"title\":\"twice\""),
    Some("\"x\":1e309"),
];

/// Metadata: none (a plain list), or countries, categories and sources declared.
const METAS: &[&str] = &[
    "",
    "\"countries\":[{\"code\":\"RU\",\"name\":\"Russia\",\"status\":\"member\"},{\"code\":\"CN\",\"name\":\"China\",\"status\":\"member\"}],\
     \"categories\":[{\"id\":\"incident\",\"label\":\"Incident\"},{\"id\":\"treaty\",\"label\":\"Treaty\"}],\
     \"sources\":[{\"id\":\"paper\",\"title\":\"The paper\"}],",
];

fn pick(list: &'static [Option<&'static str>]) -> impl Strategy<Value = Option<&'static str>> {
    proptest::sample::select(list)
}

fn entry() -> impl Strategy<Value = String> {
    let fields = (
        (
            pick(IDS),
            pick(KINDS),
            pick(TITLES),
            pick(DATES),
            pick(ENDS),
            pick(SCOPES),
        ),
        (
            pick(COUNTRIES),
            pick(PLACES),
            pick(CASUALTIES),
            pick(SUMMARIES),
            pick(NOTES),
            pick(SOURCES),
            pick(EXTRAS),
        ),
    );
    fields.prop_map(
        |((id, kind, title, date, end, scope), (c, p, cas, s, n, src, extra))| {
            let named = [
                ("id", id),
                ("kind", kind),
                ("title", title),
                ("date", date),
                ("end", end),
                ("scope", scope),
                ("countries", c),
                ("places", p),
                ("casualties", cas),
                ("summary", s),
                ("note", n),
                ("source", src),
            ];
            let mut parts: Vec<String> = named
                .iter()
                .filter_map(|(k, v)| v.map(|v| format!("\"{k}\":{v}")))
                .collect();
            parts.extend(extra.map(String::from));
            format!("{{{}}}", parts.join(","))
        },
    )
}

#[test]
fn generated_json_entries_load_the_same_both_ways() {
    let files = (0..METAS.len(), proptest::collection::vec(entry(), 1..12));
    let mut runner = TestRunner::new(Config {
        cases: 1500,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&files, |(meta, entries)| {
            let text = format!("{{{}\"events\":[{}]}}", METAS[meta], entries.join(","));
            same_both_ways(text.as_bytes(), "generated.json");
            Ok(())
        })
        .unwrap();
}

/// A CSV cell, right or wrong, for each of our columns.
fn cell(choices: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    proptest::sample::select(choices)
}

#[test]
fn generated_csv_rows_load_the_same_both_ways() {
    let row = (
        (
            cell(&["a-1", "b-2", "Event 3", "", " c-4 "]),
            cell(&["incident", "Treaty", "", "no-such-kind"]),
            cell(&["T", "", " t "]),
            cell(&["2004", "2004-02-30", "", "30 February 2004", "2004/05/06"]),
            cell(&["", "2003", "2005-01", "x"]),
        ),
        (
            cell(&["RU", "RU;CN|RU", "", "Russia", "XX", " ; "]),
            cell(&["", "A;B", " ; "]),
            cell(&["", "3", "-1", "1.5", "3.0", "1000000000000000", "x"]),
            cell(&["", "local", "organisation", "Local"]),
            cell(&["", "paper", "other"]),
            cell(&["", "1"]),
            cell(&["", "a-1", "b-2"]),
        ),
    );
    let header = "id,kind,title,date,end,countries,places,killed,scope,source_document,source_section,related,summary";
    let mut runner = TestRunner::new(Config {
        cases: 1500,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&proptest::collection::vec(row, 1..12), |rows| {
            let mut text = String::from(header);
            for ((id, kind, title, date, end), (c, p, k, scope, doc, sec, rel)) in rows {
                let cells = [
                    id, kind, title, date, end, c, p, k, scope, doc, sec, rel, " s ",
                ];
                text.push('\n');
                text.push_str(&cells.join(","));
            }
            same_both_ways(text.as_bytes(), "generated.csv");
            Ok(())
        })
        .unwrap();
}

/// A file of ours is split into entries once, when it is opened (`import::open`
/// keeps the spans it found): it loads as `Incremental::start`, which splits
/// it itself, loads it — metadata, an `items` key beside `events`, a bare list,
/// and entries that are not objects included.
#[test]
fn opening_ours_splits_it_once_and_loads_it_as_the_loader_does() {
    let builtin = String::from_utf8(
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/events.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let entry = r#"{"id":"a","kind":"attack","title":"A","date":"2004-05-01","countries":["RU"],"source":{"title":"S"}}"#;
    let texts = [
        builtin,
        format!(r#"{{"title":"T","items":[1,{{"x":2}}],"events":[{entry},5,{entry}]}}"#),
        format!(r#"[{entry},{entry}]"#),
        format!(r#"{{"events":[{entry}],"sources":[{{"title":"S"}}],"extra":{{"deep":[1,2]}}}}"#),
    ];
    for text in texts {
        let opened = open_bytes(text.clone().into_bytes(), "x.json", None).finish();
        let started = match timeline_core::load::Incremental::start(text.clone()) {
            Ok(inc) => inc.finish(),
            Err(l) => *l,
        };
        assert_eq!(opened.dataset, started.dataset, "{text}");
        assert_eq!(opened.problems, started.problems, "{text}");
    }
}
