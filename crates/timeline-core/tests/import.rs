//! Each importer: a fixture written from the format's public documentation
//! in, the expected events, categories, countries and precision out.

use timeline_core::import::{open, open_bytes};
use timeline_core::{load_any, Dataset, Format, Loaded, Mapping, Precision, ProblemKind, Role};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn load(name: &str) -> Loaded {
    load_any(&fixture(name), name)
}

fn titles(ds: &Dataset) -> Vec<&str> {
    ds.events.iter().map(|e| e.title.as_str()).collect()
}

fn categories(ds: &Dataset) -> Vec<(&str, &str)> {
    ds.meta
        .categories
        .iter()
        .map(|c| (c.id.as_str(), c.plural.as_str()))
        .collect()
}

fn countries(ds: &Dataset) -> Vec<(&str, &str)> {
    let mut v: Vec<_> = ds
        .meta
        .countries
        .iter()
        .filter(|c| ds.names_country(&c.code))
        .map(|c| (c.code.as_str(), c.name.as_str()))
        .collect();
    v.sort();
    v
}

/// No tag survives as text; text a browser would show as such stays.
fn no_html(ds: &Dataset) {
    for e in &ds.events {
        for t in [&e.title, &e.summary] {
            assert!(!t.contains('<') && !t.contains('>'), "{}: {t}", e.id);
            assert!(!t.contains("alert"), "{}: script text kept: {t}", e.id);
        }
    }
}

#[test]
fn plain_json_list_with_its_own_kinds_and_no_countries_block() {
    let l = load("plain.json");
    assert_eq!(l.format, Format::Native);
    let ds = &l.dataset;
    assert_eq!(
        titles(ds),
        [
            "Second march",
            "March on the square",
            "Clashes in the market"
        ]
    );
    assert_eq!(categories(ds), [("protest", "Protest"), ("riot", "Riot")]);
    assert_eq!(
        countries(ds),
        [
            ("KG", "Kyrgyzstan"),
            ("KZ", "Kazakhstan"),
            ("Kurdistan Region", "Kurdistan Region"),
            ("UZ", "Uzbekistan")
        ]
    );
    assert_eq!(ds.events[0].date.precision(), Precision::Year);
    // The one entry without a date is named, with its field; the others load.
    assert_eq!(l.problems.len(), 1, "{:?}", l.problems);
    assert_eq!(
        l.problems[0].to_string(),
        // An id the loader made up (entry-3) is not the file's: not named.
        "entry 3, field `date`: is missing"
    );
}

#[test]
fn timelinejs_json() {
    let l = load("timelinejs.json");
    assert_eq!(l.format, Format::TimelineJs);
    let ds = &l.dataset;
    no_html(ds);
    assert_eq!(ds.meta.title, "A short history");
    assert_eq!(ds.meta.description, "Made for a test.");
    assert_eq!(
        titles(ds),
        [
            "An ancient treaty",
            "The first decade",
            "Founding",
            "School siege"
        ]
    );
    let siege = ds.event("siege").unwrap();
    assert_eq!(siege.date_label(), "1–3 September 2004");
    assert_eq!(siege.summary, "Hostages were taken. Report and bad.");
    let links: Vec<(&str, &str)> = siege
        .links
        .iter()
        .map(|l| (l.url.as_str(), l.text.as_str()))
        .collect();
    assert_eq!(
        links,
        [
            ("https://example.org/report", "Report"),
            ("https://example.org/photo.jpg", "Media: A photo")
        ]
    );
    assert_eq!(siege.note.as_deref(), Some("Media credit: Someone."));
    let ancient = &ds.events[0];
    assert_eq!(ancient.date_label(), "500 BCE");
    assert_eq!(
        ancient.note.as_deref(),
        Some("Dated “c. 500 BCE” in the original.")
    );
    assert_eq!(
        categories(ds),
        [
            ("Attacks", "Attacks"),
            ("Treaties", "Treaties"),
            ("event", "Events"),
            ("Era", "Era")
        ]
    );
    assert_eq!(
        ds.event("entry-2").unwrap().date.precision(),
        Precision::Month
    );
    // "two thousand" is no year: that slide is named, the rest load.
    assert_eq!(l.problems.len(), 1, "{:?}", l.problems);
    assert_eq!(l.problems[0].field.as_deref(), Some("date"));
}

#[test]
fn timelinejs_sheet_csv() {
    let l = load("timelinejs-sheet.csv");
    assert_eq!(l.format, Format::TimelineJsSheet);
    assert!(l.problems.is_empty(), "{:?}", l.problems);
    let ds = &l.dataset;
    no_html(ds);
    assert_eq!(ds.meta.title, "My sheet timeline");
    assert_eq!(titles(ds), ["The nineties", "Peace Mission", "A year only"]);
    assert_eq!(ds.events[1].date_label(), "18–25 August 2005");
    assert_eq!(ds.events[1].summary, "A joint exercise, see here.");
    assert_eq!(ds.events[1].links[0].url, "https://example.org/pm");
    assert_eq!(ds.events[0].date_label(), "1995–2000");
    assert_eq!(categories(ds), [("Exercises", "Exercises"), ("Era", "Era")]);
}

#[test]
fn vis_timeline_items_and_groups() {
    let l = load("vis.json");
    assert_eq!(l.format, Format::VisTimeline);
    let ds = &l.dataset;
    no_html(ds);
    assert_eq!(titles(ds), ["Declaration", "Peace Mission 2007"]);
    // 1181260800000 ms after 1970 is 8 June 2007.
    assert_eq!(ds.events[0].date_label(), "8 June 2007");
    assert_eq!(ds.events[1].summary, "Held in Chelyabinsk");
    assert_eq!(categories(ds), [("1", "Exercises"), ("2", "Statements")]);
    let msgs: Vec<String> = l.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(msgs[0].contains("1 background item(s)"), "{msgs:?}");
    // The item's own key (`group`) and the groups by their names, with the ids items use.
    assert_eq!(
        msgs[1],
        "entry 2 (4), key \"group\": \"9\" is not one of Exercises (1), Statements (2)"
    );
    assert_eq!(l.problems[1].field.as_deref(), Some("kind"));
}

#[test]
fn acled_csv_export() {
    let l = load("acled.csv");
    assert_eq!(l.format, Format::Acled);
    let ds = &l.dataset;
    no_html(ds);
    assert_eq!(
        titles(ds),
        [
            "Peaceful protest in Almaty",
            "Violent demonstration in Almaty",
            "Armed clash in Batken"
        ]
    );
    assert_eq!(
        categories(ds),
        [
            ("Protests", "Protests"),
            ("Riots", "Riots"),
            ("Battles", "Battles")
        ]
    );
    assert_eq!(countries(ds), [("KG", "Kyrgyzstan"), ("KZ", "Kazakhstan")]);
    // time_precision 3: known to the month only.
    assert_eq!(ds.events[2].date.to_string(), "2022-09");
    assert_eq!(ds.events[2].casualties.as_ref().unwrap().killed, Some(24));
    assert_eq!(
        ds.events[1].summary,
        "Rioters (Kazakhstan) – Police Forces of Kazakhstan. Clashes with police."
    );
    assert_eq!(ds.events[1].date.to_string(), "2022-01-06");
    let fields: Vec<_> = l
        .problems
        .iter()
        .map(|p| p.field.clone().unwrap_or_default())
        .collect();
    assert_eq!(fields, ["date", "casualties.killed"], "{:?}", l.problems);
    assert_eq!(
        l.problems[0].entry_id(),
        Some("BAD4"),
        "as the file writes it"
    );
}

#[test]
fn gtd_csv_export_with_unknown_month_and_day() {
    let l = load("gtd.csv");
    assert_eq!(l.format, Format::Gtd);
    assert!(l.problems.is_empty(), "{:?}", l.problems);
    let ds = &l.dataset;
    no_html(ds);
    let dates: Vec<String> = ds.events.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(dates, ["1990", "2004-03", "2004-09-01"]);
    let beslan = &ds.events[2];
    assert_eq!(
        beslan.title,
        "Hostage Taking (Barricade Incident) on educational institution in Beslan"
    );
    assert_eq!(beslan.date_label(), "1–3 September 2004");
    assert_eq!(beslan.places, ["Beslan", "North Ossetia-Alania"]);
    let c = beslan.casualties.as_ref().unwrap();
    assert_eq!((c.killed, c.wounded), (Some(344), Some(727)));
    assert_eq!(beslan.sources[0].document, "A source");
    assert_eq!(ds.events[1].casualties.as_ref().unwrap().killed, Some(10));
    assert_eq!(
        countries(ds),
        [
            ("RU", "Russia"),
            ("Soviet Union", "Soviet Union"),
            ("UZ", "Uzbekistan")
        ]
    );
}

#[test]
fn any_table_through_a_guessed_then_chosen_mapping() {
    let l = load("table.csv");
    assert_eq!(l.format, Format::Table);
    let m = l.mapping.clone().unwrap();
    assert_eq!(m.get(Role::Date), Some("Event Date"));
    assert_eq!(m.get(Role::Killed), Some("Deaths"));
    let t = l.table.clone().unwrap();
    assert_eq!(t.columns.len(), 7);
    assert_eq!(t.preview.len(), 3);
    let ds = &l.dataset;
    no_html(ds);
    assert_eq!(titles(ds), ["Blast at a station", "Talks"]);
    assert_eq!(ds.events[0].links[0].url, "https://example.org/a");
    assert_eq!(
        countries(ds),
        [("CN", "China"), ("PK", "Pakistan"), ("RU", "Russia")]
    );
    assert_eq!(l.problems.len(), 1);
    // The user says the category is the Country column: the choice is applied.
    let mut chosen = m.clone();
    chosen.set(Role::Category, Some("Country".into()));
    chosen.set(Role::Country, None);
    let again = open(fixture("table.csv"), "table.csv", Some(&chosen)).finish();
    assert_eq!(
        categories(&again.dataset),
        [("Pakistan", "Pakistan"), ("China; Russia", "China; Russia")]
    );
    assert_eq!(again.mapping, Some(chosen.clone()));
    // And it survives a link.
    assert_eq!(Mapping::decode(&chosen.encode()), chosen);
}

#[test]
fn a_table_without_a_date_column_asks_for_one_and_loses_nothing() {
    let l = load("nodate.csv");
    assert!(l.dataset.events.is_empty());
    assert_eq!(l.problems.len(), 1);
    assert!(l.problems[0].message.contains("choose the date column"));
    assert_eq!(l.table.unwrap().columns, ["Headline Text", "Group Name"]);
    let mut m = Mapping::default();
    m.set(Role::Date, Some("Group Name".into()));
    let l = open(fixture("nodate.csv"), "nodate.csv", Some(&m)).finish();
    assert!(
        l.problems
            .iter()
            .any(|p| p.field.as_deref() == Some("date")),
        "b is no date: {:?}",
        l.problems
    );
}

#[test]
fn not_a_timeline_says_so_plainly() {
    for (text, name) in [
        ("just some words", "notes.txt"),
        ("\u{89}PNG binary", "picture.png"),
        ("42", "n.json"),
        ("{\"a\": 1}", "obj.json"),
    ] {
        let l = load_any(text, name);
        assert!(l.dataset.events.is_empty());
        let msg = l.problems[0].message.clone();
        assert!(
            msg.contains("not a timeline") || msg.contains("no `events` list"),
            "{name}: {msg}"
        );
    }
}

#[test]
fn exports_load_back_to_the_same_events() {
    use timeline_core::export::{to_csv, to_json};
    for ds in [
        timeline_core::load_json(timeline_core::BUILTIN_DATASET).dataset,
        load("acled.csv").dataset,
        load("timelinejs.json").dataset,
    ] {
        let shown: Vec<usize> = (0..ds.events.len()).step_by(2).collect();
        let want: Vec<_> = shown
            .iter()
            .map(|&i| {
                let e = &ds.events[i];
                (
                    e.id.clone(),
                    e.title.clone(),
                    e.date,
                    e.end,
                    ds.category(e.kind).id.clone(),
                    e.countries.clone(),
                )
            })
            .collect();
        let back = |l: Loaded| -> Vec<_> {
            assert!(l.problems.is_empty(), "{:?}", l.problems);
            l.dataset
                .events
                .iter()
                .map(|e| {
                    (
                        e.id.clone(),
                        e.title.clone(),
                        e.date,
                        e.end,
                        l.dataset.category(e.kind).id.clone(),
                        e.countries.clone(),
                    )
                })
                .collect()
        };
        assert_eq!(back(load_any(&to_json(&ds, &shown), "x.json")), want);
        assert_eq!(back(load_any(&to_csv(&ds, &shown), "x.csv")), want);
    }
}

fn fixture_bytes(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn messages(l: &Loaded) -> Vec<String> {
    l.problems.iter().map(|p| p.to_string()).collect()
}

/// GTD's own download is Windows-1252 text: read as a browser reads it, with
/// a notice saying so, never with "Gen\u{fffd}ve". A city that is also its
/// province is named once.
#[test]
fn windows_1252_is_decoded_as_browsers_do_and_said() {
    let bytes = fixture_bytes("gtd-windows-1252.csv");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is not UTF-8"
    );
    let l = open_bytes(bytes.clone(), "gtd-windows-1252.csv", None).finish();
    assert_eq!(l.format, Format::Gtd);
    assert_eq!(l.encoding, Some("windows-1252"));
    let ds = &l.dataset;
    assert_eq!(ds.events.len(), 2, "{:?}", messages(&l));
    let geneva = ds
        .events
        .iter()
        .find(|e| e.title.contains("Genève"))
        .unwrap();
    assert_eq!(geneva.places, ["Genève"]);
    assert_eq!(geneva.summary, "A parcel bomb at an office in Genève.");
    let moscow = ds
        .events
        .iter()
        .find(|e| e.title.contains("Moscow"))
        .unwrap();
    assert_eq!(moscow.places, ["Moscow"]);
    let msgs = messages(&l);
    assert_eq!(l.problems[0].kind, ProblemKind::Notice);
    assert!(
        msgs[0].contains("read as Windows-1252") && msgs[0].contains("save the file as UTF-8"),
        "{msgs:?}"
    );
    // The row the spreadsheet shows, GTD's own columns for the date.
    assert_eq!(
        msgs[1],
        "row 4 (gtd-201104310001), column \"iyear, imonth, iday\": \"2011-04-31\" is not a day of that month"
    );
}

/// A byte-order mark (UTF-8, UTF-16 LE or BE) is read on every path: bytes
/// from a file or a link, and text handed over as it is.
#[test]
fn byte_order_marks_on_every_path() {
    let text = fixture("plain.json");
    let want = titles(&load_any(&text, "plain.json").dataset)
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    let le: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let u8bom: Vec<u8> = b"\xef\xbb\xbf"
        .iter()
        .copied()
        .chain(text.bytes())
        .collect();
    for (bytes, enc) in [(le, "UTF-16LE"), (be, "UTF-16BE"), (u8bom, "UTF-8")] {
        let l = open_bytes(bytes.clone(), "plain.json", None).finish();
        assert_eq!(titles(&l.dataset), want, "{enc}: {:?}", messages(&l));
        assert_eq!(l.encoding, Some(enc));
    }
    // Text that still starts with a BOM (a decoder that kept it): JSON and CSV alike.
    let l = load_any(&format!("\u{feff}{text}"), "plain.json");
    assert_eq!(titles(&l.dataset), want, "{:?}", messages(&l));
    let csv = format!("\u{feff}{}", fixture("table.csv"));
    assert_eq!(load_any(&csv, "table.csv").dataset.events.len(), 2);
}

/// A header that names a column twice is said, not silently resolved.
#[test]
fn a_repeated_column_name_is_reported() {
    let l = load("repeated-header.csv");
    let msgs = messages(&l);
    assert_eq!(
        msgs[0],
        "file: the header names a column more than once: \"date\" (columns 1, 4); \"title\" (columns 2, 5); only the first of each is read (rename the others to have them read)"
    );
    assert_eq!(l.dataset.events.len(), 2);
    assert_eq!(l.dataset.events[0].date.to_string(), "2004-09-01");
}

/// ACLED's "30 February 2023" is a day that does not exist, not a badly
/// written date; problems name the spreadsheet's row and ACLED's column.
#[test]
fn problems_name_the_row_and_column_as_the_file_does() {
    let l = load("acled-bad-day.csv");
    assert_eq!(
        messages(&l),
        [
            "row 2 (KGZ10), column \"event_date\": \"30 February 2023\" is not a day of that month",
            "row 3 (KGZ11), column \"fatalities\": must be a whole number, not \"many\"",
        ]
    );
    // The fields stay ours for programs.
    assert_eq!(l.problems[0].field.as_deref(), Some("date"));
    assert_eq!(l.problems[0].row, Some(2));
    assert_eq!(l.dataset.events.len(), 1);
    // The same in a table read through the mapping, by its own headers.
    let l = load_any(
        "Day,Headline,Killed\n2023-01-05,A,1\n2023-02-30,B,x\n",
        "t.csv",
    );
    assert_eq!(
        messages(&l),
        [
            "row 3, column \"Day\": \"2023-02-30\" is not a day of that month",
            "row 3, column \"Killed\": must be a whole number, not \"x\""
        ]
    );
}

/// "When, What, Where, Deaths": every role found by a common name, in any
/// case and with spaces around it.
#[test]
fn common_column_names_are_recognised() {
    let l = load("when-what-where.csv");
    assert_eq!(l.format, Format::Table);
    let m = l.mapping.clone().unwrap();
    assert_eq!(m.get(Role::Date), Some("When"));
    assert_eq!(m.get(Role::Title), Some("What"));
    assert_eq!(m.get(Role::Places), Some("Where"));
    assert_eq!(m.get(Role::Killed), Some("Deaths"));
    assert_eq!(m.get(Role::Wounded), Some("Injured"));
    assert_eq!(m.get(Role::Summary), Some("Notes"));
    assert_eq!(
        titles(&l.dataset),
        ["Metro bombings", "Parcel bomb", "Protests"]
    );
    assert!(!l.dataset.events.iter().any(|e| e.title == "Untitled event"));
    assert!(l.problems.is_empty(), "{:?}", messages(&l));
}
