//! Writes a CSV table (stdin) as an Apache Arrow IPC file (stdout), the way
//! pandas' `to_feather` lays one out: batches of 65,536 rows, text columns
//! as Utf8, `kind` dictionary-encoded, `countries` as a list of text, LZ4
//! with `--lz4`. For the benchmark (`scripts/bench-large.mjs`, N:arrow):
//!   cargo run --release -p timeline-core --bin synth -- 1000000 42 narrow \
//!     | cargo run --release -p timeline-core --example to_arrow -- --lz4 > 1m.arrow
use arrow_array::builder::{ListBuilder, StringBuilder, StringDictionaryBuilder};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, RecordBatch, StringArray};
use arrow_ipc::writer::{FileWriter, IpcWriteOptions};
use std::io::{Read, Write};
use std::sync::Arc;

const ROWS_PER_BATCH: usize = 65_536;

enum Column {
    Text(StringBuilder),
    /// Every batch's dictionary is the same (a file holds one per column).
    Kind(StringDictionaryBuilder<Int32Type>, Arc<StringArray>),
    List(ListBuilder<StringBuilder>),
}

impl Column {
    fn new(name: &str, kinds: &Arc<StringArray>) -> Column {
        match name {
            "kind" => Column::Kind(dictionary(kinds), kinds.clone()),
            "countries" | "places" | "related" => {
                Column::List(ListBuilder::new(StringBuilder::new()))
            }
            _ => Column::Text(StringBuilder::new()),
        }
    }

    fn push(&mut self, cell: &str) {
        match self {
            Column::Text(b) if cell.is_empty() => b.append_null(),
            Column::Text(b) => b.append_value(cell),
            Column::Kind(b, _) if cell.is_empty() => b.append_null(),
            Column::Kind(b, _) => {
                b.append_value(cell);
            }
            Column::List(b) => {
                for item in cell.split(';').map(str::trim).filter(|s| !s.is_empty()) {
                    b.values().append_value(item);
                }
                b.append(true);
            }
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Column::Text(b) => Arc::new(b.finish()),
            Column::Kind(b, kinds) => {
                let done = Arc::new(b.finish());
                *b = dictionary(kinds);
                done
            }
            Column::List(b) => Arc::new(b.finish()),
        }
    }
}

fn dictionary(kinds: &StringArray) -> StringDictionaryBuilder<Int32Type> {
    StringDictionaryBuilder::new_with_dictionary(ROWS_PER_BATCH, kinds).expect("a dictionary")
}

fn main() {
    let lz4 = std::env::args().any(|a| a == "--lz4");
    let mut text = Vec::new();
    std::io::stdin().read_to_end(&mut text).expect("stdin");
    let mut rdr = csv::Reader::from_reader(&text[..]);
    let names: Vec<String> = rdr
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    let at = names.iter().position(|n| n == "kind");
    let mut seen: Vec<String> = Vec::new();
    for rec in csv::Reader::from_reader(&text[..]).records().flatten() {
        let k = at.and_then(|i| rec.get(i)).unwrap_or("");
        if !k.is_empty() && !seen.iter().any(|s| s == k) {
            seen.push(k.to_string());
        }
    }
    let kinds = Arc::new(StringArray::from(seen));
    let mut cols: Vec<Column> = names.iter().map(|n| Column::new(n, &kinds)).collect();
    let mut batches = Vec::new();
    let mut rows = 0;
    let flush = |cols: &mut Vec<Column>, batches: &mut Vec<RecordBatch>| {
        let arrays = names
            .iter()
            .zip(cols.iter_mut())
            .map(|(n, c)| (n.as_str(), c.finish()));
        batches.push(RecordBatch::try_from_iter(arrays).expect("a batch"));
    };
    for rec in rdr.records() {
        let rec = rec.expect("a CSV row");
        for (i, c) in cols.iter_mut().enumerate() {
            c.push(rec.get(i).unwrap_or(""));
        }
        rows += 1;
        if rows % ROWS_PER_BATCH == 0 {
            flush(&mut cols, &mut batches);
        }
    }
    if rows % ROWS_PER_BATCH != 0 || batches.is_empty() {
        flush(&mut cols, &mut batches);
    }
    let mut options = IpcWriteOptions::default();
    if lz4 {
        options = options
            .try_with_compression(Some(arrow_ipc::CompressionType::LZ4_FRAME))
            .expect("LZ4");
    }
    let mut out = Vec::new();
    let mut w = FileWriter::try_new_with_options(&mut out, &batches[0].schema(), options)
        .expect("a writer");
    for b in &batches {
        w.write(b).expect("written");
    }
    w.finish().expect("finished");
    drop(w);
    std::io::stdout().write_all(&out).expect("stdout");
}
