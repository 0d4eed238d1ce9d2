//! Apache Arrow IPC files (import/arrow): written here with arrow-rs's own
//! writer (file and stream formats, LZ4, dictionaries, views, dates as
//! dates), read as the CSV of the same table is read.

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::types::Int32Type;
use arrow_array::{
    ArrayRef, BinaryArray, Date32Array, DictionaryArray, Float64Array, Int64Array,
    LargeStringArray, RecordBatch, StringArray, StringViewArray, TimestampMillisecondArray,
};
use arrow_ipc::writer::{FileWriter, IpcWriteOptions, StreamWriter};
use std::sync::Arc;
use timeline_core::import::{open_bytes, Format};
use timeline_core::load::Loaded;

fn batch(cols: Vec<(&str, ArrayRef)>) -> RecordBatch {
    RecordBatch::try_from_iter(cols).unwrap()
}

fn options(lz4: bool) -> IpcWriteOptions {
    let o = IpcWriteOptions::default();
    if lz4 {
        o.try_with_compression(Some(arrow_ipc::CompressionType::LZ4_FRAME))
            .unwrap()
    } else {
        o
    }
}

/// An Arrow file (Feather v2) of these batches.
fn file(batches: &[RecordBatch], lz4: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut w =
        FileWriter::try_new_with_options(&mut out, &batches[0].schema(), options(lz4)).unwrap();
    for b in batches {
        w.write(b).unwrap();
    }
    w.finish().unwrap();
    drop(w);
    out
}

/// The same as an Arrow stream.
fn stream(batches: &[RecordBatch], lz4: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut w =
        StreamWriter::try_new_with_options(&mut out, &batches[0].schema(), options(lz4)).unwrap();
    for b in batches {
        w.write(b).unwrap();
    }
    w.finish().unwrap();
    drop(w);
    out
}

fn load(bytes: Vec<u8>, name: &str) -> Loaded {
    open_bytes(bytes, name, None).finish()
}

fn strings(v: &[&str]) -> ArrayRef {
    Arc::new(StringArray::from(v.to_vec()))
}

fn lists(v: &[&[&str]]) -> ArrayRef {
    let mut b = ListBuilder::new(StringBuilder::new());
    for items in v {
        for i in *items {
            b.values().append_value(i);
        }
        b.append(true);
    }
    Arc::new(b.finish())
}

/// Our columns, with a kind dictionary-encoded, countries as lists, counts as
/// floats with a gap (as pandas writes them) — and the same table as CSV.
fn ours() -> (RecordBatch, String) {
    let kinds: DictionaryArray<Int32Type> = ["attack", "exercise", "attack"].into_iter().collect();
    let b = batch(vec![
        ("id", strings(&["a1", "x1", "a2"])),
        ("kind", Arc::new(kinds)),
        (
            "title",
            strings(&[
                "Bombing in Tashkent",
                "Peace Mission 2005",
                "Attack in Andijan",
            ]),
        ),
        ("date", strings(&["2004-03-29", "2005-08-18", "2005-05"])),
        ("countries", lists(&[&["UZ"], &["CN", "RU"], &["UZ"]])),
        (
            "killed",
            Arc::new(Float64Array::from(vec![Some(47.0), None, Some(f64::NAN)])),
        ),
        (
            "wounded",
            Arc::new(Int64Array::from(vec![Some(3), None, None])),
        ),
    ]);
    let csv = "id,kind,title,date,countries,killed,wounded\n\
               a1,attack,Bombing in Tashkent,2004-03-29,UZ,47,3\n\
               x1,exercise,Peace Mission 2005,2005-08-18,CN;RU,,\n\
               a2,attack,Attack in Andijan,2005-05,UZ,,\n"
        .to_string();
    (b, csv)
}

#[test]
fn our_columns_read_as_the_same_csv_in_every_arrow_form() {
    let (b, csv) = ours();
    let from_csv = load(csv.into_bytes(), "t.csv");
    assert!(from_csv.problems.is_empty(), "{:?}", from_csv.problems);
    assert_eq!(from_csv.dataset.events.len(), 3);
    for (how, bytes) in [
        ("file", file(std::slice::from_ref(&b), false)),
        ("file, LZ4", file(std::slice::from_ref(&b), true)),
        ("stream", stream(std::slice::from_ref(&b), false)),
        ("stream, LZ4", stream(std::slice::from_ref(&b), true)),
        ("two batches", file(&[b.slice(0, 1), b.slice(1, 2)], false)),
    ] {
        let l = load(bytes, "t.arrow");
        assert_eq!(l.format, Format::NativeArrow, "{how}");
        assert!(l.problems.is_empty(), "{how}: {:?}", l.problems);
        assert_eq!(l.dataset.events, from_csv.dataset.events, "{how}");
    }
}

#[test]
fn dates_as_dates_timestamps_and_other_string_types() {
    let b = batch(vec![
        (
            "title",
            Arc::new(LargeStringArray::from(vec!["One", "Two", "Three"])) as ArrayRef,
        ),
        (
            "date",
            Arc::new(Date32Array::from(vec![12_601, 0, -1])) as ArrayRef,
        ),
        (
            "end",
            Arc::new(
                TimestampMillisecondArray::from(vec![Some(1_088_726_400_000), None, None])
                    .with_timezone("Asia/Tashkent"),
            ),
        ),
        (
            "kind",
            Arc::new(StringViewArray::from(vec![
                "exercise",
                "a kind longer than twelve bytes",
                "exercise",
            ])),
        ),
    ]);
    let l = load(file(&[b], true), "dates.feather");
    assert_eq!(l.format, Format::NativeArrow);
    assert!(l.problems.is_empty(), "{:?}", l.problems);
    let ev = &l.dataset.events;
    let dates: Vec<String> = ev.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(dates, ["1969-12-31", "1970-01-01", "2004-07-02"]);
    let one = ev.iter().find(|e| e.title == "One").unwrap();
    assert_eq!(one.end.unwrap().to_string(), "2004-07-02");
    let three = ev.iter().find(|e| e.title == "Three").unwrap();
    assert_eq!(l.dataset.category(three.kind).id, "exercise");
    let two = ev.iter().find(|e| e.title == "Two").unwrap();
    assert_eq!(
        l.dataset.category(two.kind).id,
        "a kind longer than twelve bytes"
    );
}

#[test]
fn problems_name_the_row_from_one_and_the_column() {
    let b = batch(vec![
        ("title", strings(&["Good", "Bad date", "Also good"])),
        ("date", strings(&["2001-06-15", "June-ish", "2002"])),
    ]);
    let l = load(file(&[b], false), "p.arrow");
    assert_eq!(l.dataset.events.len(), 2, "the valid rows still load");
    assert_eq!(l.problems.len(), 1, "{:?}", l.problems);
    let p = &l.problems[0];
    assert_eq!(p.row, Some(2));
    assert_eq!(p.column.as_deref(), Some("date"));
    assert!(p.to_string().contains("row 2"), "{p}");
}

#[test]
fn an_acled_export_and_a_table_to_map() {
    let acled = batch(vec![
        ("event_id_cnty", strings(&["KAZ1", "KGZ2"])),
        (
            "event_date",
            Arc::new(Date32Array::from(vec![19_000, 19_100])) as ArrayRef,
        ),
        ("event_type", strings(&["Protests", "Battles"])),
        (
            "sub_event_type",
            strings(&["Peaceful protest", "Armed clash"]),
        ),
        ("country", strings(&["Kazakhstan", "Kyrgyzstan"])),
        ("fatalities", Arc::new(Int64Array::from(vec![0, 4]))),
    ]);
    let l = load(file(&[acled], true), "acled.arrow");
    assert_eq!(l.format, Format::Acled);
    assert_eq!(l.dataset.events.len(), 2, "{:?}", l.problems);
    assert_eq!(
        l.dataset.events[1].casualties.as_ref().unwrap().killed,
        Some(4)
    );

    let other = batch(vec![
        ("when", strings(&["2001-06-15", "2002-06-07"])),
        ("what", strings(&["Shanghai Convention", "SCO Charter"])),
    ]);
    let l = load(file(&[other], false), "other.arrow");
    assert_eq!(l.format, Format::ArrowTable);
    assert!(l.format.is_mapped());
    let table = l.table.as_ref().expect("the mapping step's table");
    assert_eq!(table.columns, ["when", "what"]);
    assert_eq!(table.preview[0], ["2001-06-15", "Shanghai Convention"]);
}

#[test]
fn a_column_of_another_type_is_named_and_the_rest_read() {
    let b = batch(vec![
        ("title", strings(&["One", "Two"])),
        (
            "blob",
            Arc::new(BinaryArray::from(vec![&b"\x00\x01"[..], &b"\x02"[..]])) as ArrayRef,
        ),
        ("date", strings(&["2001", "2002"])),
    ]);
    let l = load(file(&[b], false), "b.arrow");
    assert_eq!(l.dataset.events.len(), 2, "{:?}", l.problems);
    let said: Vec<String> = l.problems.iter().map(|p| p.to_string()).collect();
    assert!(said.iter().any(|m| m.contains("binary")), "{said:?}");
}

#[test]
fn a_damaged_file_keeps_what_reads_and_never_panics() {
    let (b, _) = ours();
    let whole = file(&[b.slice(0, 2), b.slice(2, 1)], true);
    // Cut anywhere: whatever batches are whole still load; nothing panics.
    for cut in 0..whole.len() {
        let l = load(whole[..cut].to_vec(), "cut.arrow");
        assert!(l.dataset.events.len() <= 3);
    }
    // Any byte changed: no panic.
    for at in (0..whole.len()).step_by(3) {
        let mut bad = whole.clone();
        bad[at] ^= 0x5a;
        let _ = load(bad, "bad.arrow");
    }
    let l = load(whole[..whole.len() / 2].to_vec(), "half.arrow");
    assert!(!l.problems.is_empty());
}
