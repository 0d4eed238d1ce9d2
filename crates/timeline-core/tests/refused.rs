//! What a refused or partly bad file says: a file that is not data is named
//! by its first bytes (never its name), an empty file is said to be empty, a
//! quote left open is named where it opens, ids as the file writes them,
//! and nothing from a row left out shows (no empty lane, no chip of 0).

use timeline_core::import::open_bytes;
use timeline_core::{load_any, Format, Loaded};

fn read(bytes: &[u8], name: &str) -> Loaded {
    open_bytes(bytes.to_vec(), name, None).finish()
}

fn messages(l: &Loaded) -> Vec<String> {
    l.problems.iter().map(|p| p.to_string()).collect()
}

/// First bytes → what the refusal says (its start); the name is always a
/// data file's, so only the bytes can tell.
#[test]
fn files_that_are_not_data_are_named_by_their_first_bytes() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa";
    let cases: &[(&[u8], &str)] = &[
        (png, "this is a PNG image, not a timeline: open the timeline's data (JSON, CSV or an Arrow file) instead"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "this is a JPEG image, not a timeline"),
        (b"GIF89a\x10\x00\x10\x00\x80\x00\x00", "this is a GIF image, not a timeline"),
        (b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00", "this is a WebP image, not a timeline"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "this is a PDF document, not a timeline"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xmlPK\x03\x04xl/workbook.xml",
            "this is an Excel workbook (.xlsx), not a timeline: save the sheet as CSV (File → Save as → CSV UTF-8) and open that"),
        (b"PK\x03\x04\x14\x00\x08\x00\x08\x00data/events.csv",
            "this is a ZIP archive, not a timeline; an Excel or other office workbook (.xlsx, .ods) is one too: save the sheet as CSV"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "this is a gzip-compressed file: unpack it and open the timeline file inside"),
        (b"7z\xbc\xaf\x27\x1c\x00\x04", "this is a 7-Zip archive: unpack it"),
        (b"Rar!\x1a\x07\x00\xcf\x90", "this is a RAR archive: unpack it"),
        (b"SQLite format 3\x00\x10\x00\x01\x01", "this is an SQLite database: export the table of events as CSV"),
        (b"PAR1\x15\x04\x15\x10\x15\x14L", "this is a Parquet file, which this timeline does not read: write it as Feather (Arrow IPC) or CSV and open that"),
        (b"\x00\x01\x02\x03date,title\n\x00\x00\x07", "this is a binary file, not text: it is not a timeline"),
    ];
    for (bytes, want) in cases {
        for name in ["events.csv", "events.json", "data"] {
            let l = read(bytes, name);
            assert!(l.dataset.events.is_empty());
            assert_eq!(l.format, Format::Unread, "{want}");
            assert_eq!(l.problems.len(), 1, "{:?}", l.problems);
            let why = l.refusal().unwrap();
            assert!(why.starts_with(want), "{name}: {why}");
            assert!(
                !why.contains("Windows-1252") && !why.contains("not UTF-8"),
                "no advice on encodings: {why}"
            );
        }
    }
}

/// A file named like a picture is still read for what it holds.
#[test]
fn a_name_never_refuses_a_file() {
    let l = read(b"date,title\n2004,A\n", "photo.png");
    assert_eq!(l.dataset.events.len(), 1);
    // UTF-16 text without a byte-order mark has NULs, and is text.
    let bare: Vec<u8> = "date,title\n2004,A\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(read(&bare, "x.csv").dataset.events.len(), 1);
}

#[test]
fn an_empty_file_is_said_to_be_empty() {
    for bytes in [
        &b""[..],
        b"   \n\r\n\t",
        b"\xef\xbb\xbf",
        b"\xef\xbb\xbf \n",
        b"\xff\xfe",
        b"\xff\xfe \x00\n\x00",
    ] {
        for name in ["e.csv", "e.json", "e"] {
            let l = read(bytes, name);
            assert_eq!(
                messages(&l),
                ["file: the file is empty"],
                "{bytes:?} {name}"
            );
            assert_eq!(l.refusal().as_deref(), Some("the file is empty"));
        }
    }
    assert_eq!(
        messages(&load_any("", "x.csv")),
        ["file: the file is empty"]
    );
}

/// Row 5's title opens a quote that never closes: the rows before it load,
/// the problem names the row and column where it opens and the line it took.
#[test]
fn a_quote_left_open_is_named_where_it_opens() {
    let rows = "2001,A\n2002,B\n2003,C\n2004,\"D\n2005,E\n";
    for (header, column) in [
        ("date,title", "title"),
        ("Date,Headline", "Headline"),
        ("When,What", "What"),
    ] {
        let l = load_any(&format!("{header}\n{rows}"), "q.csv");
        let titles: Vec<&str> = l.dataset.events.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["A", "B", "C"], "{header}");
        assert_eq!(
            messages(&l),
            [format!(
                "row 5, column \"{column}\": a quote (\") opens here and is never closed, so the rest of the file \
                 (1 more line) was read into this cell: this row and the lines after it are left out, the rows \
                 before it are read (close the quote, and write a quote inside a cell as two: \"\")"
            )],
            "{header}"
        );
    }
    // In the first row: nothing loads, and the refusal names it.
    let l = load_any("date,title\n2001,\"A\n2002,B\n2003,C\n", "q.csv");
    assert!(l
        .refusal()
        .unwrap()
        .starts_with("row 2, column \"title\": a quote (\") opens here and is never closed, so the rest of the file (2 more lines)"));
    // An ACLED export: ACLED's column.
    let acled = "event_id_cnty,event_date,event_type,sub_event_type,country,notes\n\
        KAZ1,2022-01-05,Protests,Peaceful protest,Kazakhstan,fine\n\
        KAZ2,2022-01-06,Riots,Violent demonstration,Kazakhstan,\"Clashes\n\
        KAZ3,2022-01-07,Riots,Violent demonstration,Kazakhstan,more\n";
    let l = load_any(acled, "a.csv");
    assert_eq!(l.dataset.events.len(), 1);
    assert!(messages(&l)[0].starts_with("row 3, column \"notes\": a quote (\") opens here and is never closed, so the rest of the file (1 more line)"));
}

/// ACLED's "KGZ10" is named as written, not as its slug "kgz10".
#[test]
fn problems_name_ids_as_the_file_writes_them() {
    let l = load_any(
        "id,date,title\nKGZ10,2004-13,A\nEvent 12,2004,B\nEvent 12,2005,C\n",
        "ids.csv",
    );
    assert_eq!(
        messages(&l),
        [
            "row 2 (KGZ10), column \"date\": \"2004-13\" has no month of that number (01–12)",
            "row 4 (Event 12), column \"id\": the id \"event-12\" is used by an earlier entry",
        ]
    );
    // The events keep their ids as slugs.
    assert_eq!(l.dataset.events[0].id, "event-12");
}

/// Categories and countries taken from the data come from rows that
/// loaded; declared ones stay as declared.
#[test]
fn kinds_and_countries_only_in_rows_left_out_are_not_shown() {
    let l = load_any(
        "date,title,kind,countries\n2004,A,Attack,RU\n2005-13,B,Exercise,CN\n2006,C,Protest,RU\n",
        "k.csv",
    );
    let kinds: Vec<&str> = l
        .dataset
        .meta
        .categories
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(kinds, ["Attack", "Protest"]);
    let codes: Vec<&str> = l
        .dataset
        .meta
        .countries
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(codes, ["RU"]);
    // Each event keeps its own category, and the slots follow the kept ones.
    let of: Vec<&str> = l
        .dataset
        .events
        .iter()
        .map(|e| l.dataset.meta.categories[e.kind.0 as usize].label.as_str())
        .collect();
    assert_eq!(of, ["Attack", "Protest"]);
    assert_eq!(l.dataset.meta.categories[1].slot, 1);
    // Declared: all stay, used or not.
    let l = load_any(
        r#"{"categories":[{"id":"attack","label":"Attack"},{"id":"exercise","label":"Exercise"}],
            "events":[{"id":"a","kind":"attack","title":"A","date":"2004","countries":[]},
                      {"id":"b","kind":"exercise","title":"B","date":"2004-13","countries":[]}]}"#,
        "d.json",
    );
    assert_eq!(l.dataset.events.len(), 1);
    assert_eq!(l.dataset.meta.categories.len(), 2);
}

/// A refused file's reason is said once: by the refusal, not again among
/// the problems listed with it.
#[test]
fn a_refusal_and_the_problems_listed_with_it_do_not_repeat() {
    let l = read(b"\x89PNG\r\n\x1a\n\0\0", "a.png");
    assert!(l.refusal().is_some());
    assert!(l.refused_others().is_empty());
    let l = load_any(r#"[{"title":"A"},{"title":"B","date":"soon"}]"#, "u.json");
    let why = l.refusal().unwrap();
    let others: Vec<String> = l.refused_others().iter().map(|p| p.to_string()).collect();
    assert!(why.starts_with("none of its entries is an event"), "{why}");
    assert_eq!(
        others,
        [
            "entry 0, key \"date\": is missing",
            "entry 1, key \"date\": \"soon\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
        ]
    );
    assert!(!others.iter().any(|o| o.contains(&why)));
    // A file that loads has no refusal and nothing listed as refused.
    let l = load_any("date,title\n2004,A\n2005-13,B\n", "ok.csv");
    assert_eq!((l.refusal(), l.refused_others().len()), (None, 0));
}
