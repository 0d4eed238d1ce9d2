//! Our downloads open on the same view: the shown events exported as our CSV
//! (or JSON) and opened again give the same lanes (ids, labels, plurals,
//! order, palette slots, shapes, colours), the same countries (names,
//! statuses, years, order: the same chip groups), the same scopes and the
//! same facet counts. Held on the built-in dataset and on every fixture that
//! loads, whole and in part; a CSV written before the lane and chip columns
//! loads as it always did.

use timeline_core::category::Category;
use timeline_core::export::{to_csv, to_json};
use timeline_core::import::open_bytes;
use timeline_core::model::{Country, Scope};
use timeline_core::{Dataset, Filter, BUILTIN_DATASET};

/// Every dataset the tests have: the built-in one and each fixture that loads events.
fn datasets() -> Vec<(String, Dataset)> {
    let mut out = vec![(
        "events.json".to_string(),
        timeline_core::load_json(BUILTIN_DATASET).dataset,
    )];
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut dirs = vec![std::path::PathBuf::from(root)];
    while let Some(dir) = dirs.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let name = path.to_string_lossy().to_string();
            let ds = open_bytes(std::fs::read(&path).unwrap(), &name, None)
                .finish()
                .dataset;
            if !ds.events.is_empty() {
                out.push((name, ds));
            }
        }
    }
    assert!(out.len() >= 10, "{} datasets", out.len());
    out
}

/// What the view shows of a dataset's lanes, chips and events.
#[derive(Debug, PartialEq)]
struct View {
    categories: Vec<Category>,
    countries: Vec<Country>,
    /// Each event: id, lane id, scope, countries.
    events: Vec<(String, String, Scope, Vec<String>)>,
}

/// The view of `shown`: the lanes and chips their events use, in order.
fn view(ds: &Dataset, shown: &[usize]) -> View {
    let used_kind = |k: usize| shown.iter().any(|&i| ds.events[i].kind.index() == k);
    let named = |code: &str| {
        shown
            .iter()
            .any(|&i| ds.events[i].countries.iter().any(|c| c == code))
    };
    let mut events: Vec<_> = shown
        .iter()
        .map(|&i| {
            let e = &ds.events[i];
            (
                e.id.clone(),
                ds.category(e.kind).id.clone(),
                e.scope,
                e.countries.to_vec(),
            )
        })
        .collect();
    events.sort_by(|a, b| a.0.cmp(&b.0));
    View {
        categories: ds
            .meta
            .categories
            .iter()
            .enumerate()
            .filter(|&(k, _)| used_kind(k))
            .map(|(_, c)| c.clone())
            .collect(),
        countries: ds
            .meta
            .countries
            .iter()
            .filter(|c| named(&c.code))
            .cloned()
            .collect(),
        events,
    }
}

fn reopen(text: &str, name: &str) -> Dataset {
    let l = open_bytes(text.as_bytes().to_vec(), name, None).finish();
    assert!(l.problems.is_empty(), "{name}: {:?}", l.problems);
    l.dataset
}

#[test]
fn a_csv_download_opens_on_the_same_lanes_chips_and_counts() {
    for (name, ds) in datasets() {
        let all: Vec<usize> = (0..ds.events.len()).collect();
        let halves: Vec<usize> = (0..ds.events.len()).step_by(2).collect();
        for shown in [&all, &halves] {
            let want = view(&ds, shown);
            let csv = reopen(&to_csv(&ds, shown), "x.csv");
            let every: Vec<usize> = (0..csv.events.len()).collect();
            assert_eq!(view(&csv, &every), want, "{name} as CSV");
            let json = reopen(&to_json(&ds, shown), "x.json");
            let every: Vec<usize> = (0..json.events.len()).collect();
            let (mut got, mut want) = (view(&json, &every), want);
            if ds.meta.countries.iter().any(|c| c.code.len() != 2) {
                // A facet of its own ("Soviet Union") cannot be declared in JSON: the
                // countries come from the events again, in the order they come.
                got.countries.sort_by(|a, b| a.code.cmp(&b.code));
                want.countries.sort_by(|a, b| a.code.cmp(&b.code));
            }
            assert_eq!(got, want, "{name} as JSON");
        }
        // All shown: the chips count the same, and nothing else differs.
        let back = reopen(&to_csv(&ds, &all), "x.csv");
        let (_, was) = Filter::default().apply_counted(&ds);
        let (_, now) = Filter::default().apply_counted(&back);
        let named = |c: &str| ds.names_country(c);
        let chips = |counts: &std::collections::BTreeMap<String, usize>| {
            counts
                .iter()
                .filter(|(c, _)| named(c))
                .map(|(c, n)| (c.clone(), *n))
                .collect::<Vec<_>>()
        };
        assert_eq!(chips(&now.countries), chips(&was.countries), "{name}");
        assert_eq!(chips(&now.named), chips(&was.named), "{name}");
        // A declared kind no event has counts 0 (a legend entry JSON keeps, a CSV cannot).
        let kinds = |k: &std::collections::BTreeMap<String, usize>| {
            k.iter()
                .filter(|(_, n)| **n > 0)
                .map(|(k, n)| (k.clone(), *n))
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds(&now.kinds), kinds(&was.kinds), "{name}");
    }
}

#[test]
fn the_built_in_dataset_round_trips_whole() {
    let ds = timeline_core::load_json(BUILTIN_DATASET).dataset;
    let all: Vec<usize> = (0..ds.events.len()).collect();
    let back = reopen(&to_csv(&ds, &all), "sco.csv");
    // Every member state is named by an event, so every chip comes back.
    assert_eq!(back.meta.categories, ds.meta.categories);
    assert_eq!(back.meta.countries, ds.meta.countries);
    let lanes: Vec<&str> = back
        .meta
        .categories
        .iter()
        .map(|c| c.plural.as_str())
        .collect();
    assert_eq!(
        lanes,
        [
            "Attacks",
            "Exercises",
            "Statements",
            "Documents",
            "Milestones"
        ]
    );
    let (_, counts) = Filter::default().apply_counted(&back);
    assert_eq!(counts.countries["RU"], 43);
    assert_eq!(counts.named["RU"], 21);
}

/// A part of an export without some kinds keeps the others' colours and shapes.
#[test]
fn a_lane_left_out_moves_no_other_lane_s_colour() {
    let ds = timeline_core::load_json(BUILTIN_DATASET).dataset;
    let exercise = ds.kind_of("exercise").unwrap();
    let shown: Vec<usize> = (0..ds.events.len())
        .filter(|&i| ds.events[i].kind != exercise)
        .collect();
    let back = reopen(&to_csv(&ds, &shown), "x.csv");
    let slots = |d: &Dataset| -> Vec<(String, u8, &'static str)> {
        d.meta
            .categories
            .iter()
            .filter(|c| c.id != "exercise")
            .map(|c| (c.id.clone(), c.slot, c.shape.as_str()))
            .collect()
    };
    assert_eq!(slots(&back), slots(&ds));
}

/// A CSV of the columns before this change loads as it always did: lanes
/// named by their kind codes, in order of first appearance, countries from
/// the ISO table with no status.
#[test]
fn an_older_csv_loads_as_before() {
    let ds = timeline_core::load_json(BUILTIN_DATASET).dataset;
    let all: Vec<usize> = (0..ds.events.len()).collect();
    let full = to_csv(&ds, &all);
    let mut old = csv::Writer::from_writer(Vec::new());
    let mut rdr = csv::Reader::from_reader(full.as_bytes());
    old.write_record(rdr.headers().unwrap().iter().take(16))
        .unwrap();
    for rec in rdr.records() {
        old.write_record(rec.unwrap().iter().take(16)).unwrap();
    }
    let text = String::from_utf8(old.into_inner().unwrap()).unwrap();
    assert!(text.starts_with("id,kind,title,date,end,countries,places,killed,wounded,scope,summary,note,related,source_document,source_section,source_url\n"));
    let back = reopen(&text, "old.csv");
    let first_seen: Vec<String> = {
        let mut seen: Vec<String> = Vec::new();
        for e in &back.events {
            let id = back.category(e.kind).id.clone();
            if !seen.contains(&id) {
                seen.push(id);
            }
        }
        seen
    };
    for (i, c) in back.meta.categories.iter().enumerate() {
        assert_eq!(*c, Category::found(&c.id, i));
    }
    let mut ids: Vec<String> = back.meta.categories.iter().map(|c| c.id.clone()).collect();
    ids.sort();
    let mut seen = first_seen.clone();
    seen.sort();
    assert_eq!(ids, seen);
    assert!(back
        .meta
        .countries
        .iter()
        .all(|c| c.status == timeline_core::Status::Other));
}

/// A value the lane and chip columns cannot take is named by its row and
/// column as the file has them; the row's event still loads.
#[test]
fn a_bad_lane_or_chip_value_is_named_and_the_event_kept() {
    let text = "id,kind,title,date,countries,Kind_Shape,kind_order,country_status\n\
        a-1,incident,One,2004,RU,star,0,member\n\
        b-2,exercise,Two,2005,CN,pill,first,chief\n";
    let l = open_bytes(text.as_bytes().to_vec(), "mine.csv", None).finish();
    assert_eq!(l.dataset.events.len(), 2);
    let said: Vec<String> = l.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(said.len(), 3, "{said:?}");
    assert!(
        said[0].contains("row 2") && said[0].contains("Kind_Shape"),
        "{said:?}"
    );
    assert!(
        said[1].contains("row 3") && said[1].contains("kind_order"),
        "{said:?}"
    );
    assert!(
        said[2].contains("row 3") && said[2].contains("country_status"),
        "{said:?}"
    );
    assert_eq!(
        l.dataset.country("RU").unwrap().status,
        timeline_core::Status::Member
    );
    assert_eq!(
        l.dataset.country("CN").unwrap().status,
        timeline_core::Status::Other
    );
}
