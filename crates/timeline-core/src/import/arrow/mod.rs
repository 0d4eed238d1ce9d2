//! Apache Arrow IPC files — the file format (Feather v2: pandas'
//! `to_feather`, R's `write_feather`, polars' `write_ipc`) and the stream
//! format — read as tables: each row is written out as the cells a CSV of
//! the same table would hold, then read by the same importers (ours, ACLED,
//! GTD, TimelineJS3's sheet, or a column mapping). Rows are counted from 1.
//!
//! The format's messages are read with arrow-ipc's own flatbuffer
//! definitions (checked as they are read); the column buffers are decoded
//! here, which keeps the worker module small (arrow-rs's array readers
//! weigh 200 KB gzipped). Buffers compressed with LZ4 (pyarrow's and R's
//! default) are decompressed with lz4_flex; ZSTD is named as not read.
//! What is read: `docs/importers.md`.

mod column;

use crate::problem::Problem;
use arrow_ipc::{CompressionType, Field, FieldNode, Message, MessageHeader};
use column::{Buf, Cells, Col, Layout};
use rustc_hash::FxHashMap;

/// The file format's first bytes.
const MAGIC: &[u8] = b"ARROW1";
/// A message's start in the stream format (since Arrow 0.15).
const CONTINUATION: [u8; 4] = [0xff; 4];

/// Whether `bytes` are an Arrow IPC file or stream.
pub(crate) fn is_arrow(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
        || (bytes.starts_with(&CONTINUATION)
            && message_at(bytes, 0)
                .is_some_and(|(m, _, _)| m.header_type() == MessageHeader::Schema))
}

/// The message at `at`: itself, where its body starts, where the next one starts.
fn message_at(bytes: &[u8], at: usize) -> Option<(Message<'_>, usize, usize)> {
    let word = |k: usize| {
        bytes
            .get(k..k + 4)
            .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
    };
    let (len, meta) = match word(at)? {
        0xffff_ffff => (word(at + 4)? as usize, at + 8),
        n => (n as usize, at + 4),
    };
    if len == 0 {
        return None;
    }
    let msg = arrow_ipc::root_as_message(bytes.get(meta..meta.checked_add(len)?)?).ok()?;
    let body = meta + len;
    let next = body.checked_add(usize::try_from(msg.bodyLength()).ok()?)?;
    (next <= bytes.len()).then_some((msg, body, next))
}

/// A record batch: its row count and columns.
struct Batch {
    rows: usize,
    cols: Vec<Col>,
}

/// An Arrow table read from its file, row by row as text cells.
pub(crate) struct ArrowRows {
    file: Vec<u8>,
    extra: Vec<u8>,
    dicts: FxHashMap<i64, Vec<String>>,
    batches: Vec<Batch>,
    batch: usize,
    row: usize,
    cell: String,
}

impl ArrowRows {
    /// How many rows the file holds.
    pub(crate) fn rows(&self) -> usize {
        self.batches.iter().map(|b| b.rows).sum()
    }

    /// Back to the first row.
    pub(crate) fn rewind(&mut self) {
        self.batch = 0;
        self.row = 0;
    }

    /// The next row's cells into `rec`: false after the last row.
    pub(crate) fn read(&mut self, rec: &mut csv::StringRecord) -> bool {
        while self
            .batches
            .get(self.batch)
            .is_some_and(|b| self.row >= b.rows)
        {
            self.batch += 1;
            self.row = 0;
        }
        let Some(b) = self.batches.get(self.batch) else {
            return false;
        };
        let cells = Cells {
            file: &self.file,
            extra: &self.extra,
            dicts: &self.dicts,
        };
        rec.clear();
        for col in &b.cols {
            self.cell.clear();
            cells.write(col, self.row, &mut self.cell);
            rec.push_field(&self.cell);
        }
        self.row += 1;
        true
    }
}

/// What reading the file's messages gives: the column names, the rows, and
/// what could not be read (the rows before a damage are kept).
pub(crate) struct Opened {
    pub names: Vec<String>,
    pub rows: ArrowRows,
    pub problems: Vec<Problem>,
}

/// Reads an Arrow IPC file or stream. `Err` when not even its schema reads.
pub(crate) fn open(bytes: Vec<u8>) -> Result<Opened, String> {
    // The file format's magic is padded (to 8 bytes by the format, to 64 by
    // arrow-rs); its messages then run as a stream's, the footer after them.
    let mut start = 0;
    if bytes.starts_with(MAGIC) {
        start = 8;
        while bytes.get(start..start + 8) == Some(&[0; 8]) {
            start += 8;
        }
    }
    let mut reading = Reading {
        bytes: &bytes,
        extra: Vec::new(),
        dicts: FxHashMap::default(),
        batches: Vec::new(),
        unread: Vec::new(),
        problems: Vec::new(),
    };
    let (schema, mut at) = match message_at(&bytes, start) {
        Some((m, _, next)) if m.header_type() == MessageHeader::Schema => (m, next),
        _ => return Err("its schema (the first message) cannot be read: the file is damaged or is not Arrow IPC".into()),
    };
    let fields: Vec<Field> = schema
        .header_as_schema()
        .and_then(|s| s.fields())
        .map(|f| f.iter().collect())
        .unwrap_or_default();
    let names = fields
        .iter()
        .enumerate()
        .map(|(i, f)| match f.name().map(str::trim) {
            Some(n) if !n.is_empty() => n.to_string(),
            _ => format!("column {}", i + 1),
        })
        .collect::<Vec<_>>();
    while let Some((m, body, next)) = message_at(&bytes, at) {
        if let Err(why) = reading.message(&m, body, &fields) {
            reading.problems.push(super::file_problem(format!(
                "{why}; the {} rows before it are kept",
                reading.batches.iter().map(|b| b.rows).sum::<usize>()
            )));
            break;
        }
        at = next;
    }
    let Reading {
        extra,
        dicts,
        batches,
        unread,
        mut problems,
        ..
    } = reading;
    if !unread.is_empty() {
        problems.push(super::file_problem(format!(
            "some columns are of a type this timeline does not read ({}); their cells are read as empty",
            unread.join(", ")
        )));
    }
    Ok(Opened {
        names,
        rows: ArrowRows {
            file: bytes,
            extra,
            dicts,
            batches,
            batch: 0,
            row: 0,
            cell: String::new(),
        },
        problems,
    })
}

/// The state of reading the messages.
struct Reading<'a> {
    bytes: &'a [u8],
    /// Decompressed buffers: placed after the file's bytes in the arena.
    extra: Vec<u8>,
    dicts: FxHashMap<i64, Vec<String>>,
    batches: Vec<Batch>,
    unread: Vec<String>,
    problems: Vec<Problem>,
}

impl Reading<'_> {
    fn message(&mut self, m: &Message, body: usize, fields: &[Field]) -> Result<(), String> {
        let size = usize::try_from(m.bodyLength()).unwrap_or(0);
        if let Some(rb) = m.header_as_record_batch() {
            let rows = rows_in(rb.length(), size)?;
            let cols = self.columns(&rb, body, fields)?;
            if !cols.iter().all(|c| c.fits(rows)) {
                return Err(format!(
                    "a batch of {rows} rows has columns shorter than that (is the file damaged?)"
                ));
            }
            self.batches.push(Batch { rows, cols });
        } else if let Some(db) = m.header_as_dictionary_batch() {
            let field = find_dictionary(fields, db.id()).ok_or("a dictionary no column uses")?;
            let rb = db.data().ok_or("a dictionary without data")?;
            let values = self.dictionary(&rb, body, field, size)?;
            let list = self.dicts.entry(db.id()).or_default();
            if !db.isDelta() {
                list.clear();
            }
            list.extend(values);
        }
        Ok(())
    }

    /// A batch's field nodes and buffers, in the order the format lays them out.
    fn parts(
        &mut self,
        rb: &arrow_ipc::RecordBatch,
        body: usize,
    ) -> Result<(Vec<FieldNode>, Vec<Buf>), String> {
        let bufs = self.buffers(rb, body)?;
        let nodes = rb
            .nodes()
            .map(|n| n.iter().copied().collect())
            .unwrap_or_default();
        Ok((nodes, bufs))
    }

    /// A dictionary batch's values, as text (the column it encodes, undone).
    fn dictionary(
        &mut self,
        rb: &arrow_ipc::RecordBatch,
        body: usize,
        field: Field,
        size: usize,
    ) -> Result<Vec<String>, String> {
        let (nodes, bufs) = self.parts(rb, body)?;
        let mut unread = Vec::new();
        let mut layout = Layout {
            nodes: nodes.into_iter(),
            bufs: bufs.into_iter(),
            variadic: rb.variadicBufferCounts().into_iter().flatten(),
            unread: &mut unread,
        };
        let col = layout.value_column(field);
        let rows = rows_in(rb.length(), size)?;
        if !col.fits(rows) {
            return Err("a dictionary is shorter than it says (is the file damaged?)".into());
        }
        let cells = Cells {
            file: self.bytes,
            extra: &self.extra,
            dicts: &self.dicts,
        };
        Ok((0..rows)
            .map(|i| {
                let mut s = String::new();
                cells.write(&col, i, &mut s);
                s
            })
            .collect())
    }

    fn columns(
        &mut self,
        rb: &arrow_ipc::RecordBatch,
        body: usize,
        fields: &[Field],
    ) -> Result<Vec<Col>, String> {
        let (nodes, bufs) = self.parts(rb, body)?;
        let mut layout = Layout {
            nodes: nodes.into_iter(),
            bufs: bufs.into_iter(),
            variadic: rb.variadicBufferCounts().into_iter().flatten(),
            unread: &mut self.unread,
        };
        Ok(fields.iter().map(|f| layout.column(*f)).collect())
    }

    /// A batch's buffers, decompressed where they are compressed.
    fn buffers(&mut self, rb: &arrow_ipc::RecordBatch, body: usize) -> Result<Vec<Buf>, String> {
        let codec = rb.compression().map(|c| c.codec());
        if codec == Some(CompressionType::ZSTD) {
            return Err("its buffers are compressed with ZSTD, which this timeline does not read (write it uncompressed or with LZ4: pyarrow's feather.write_feather(..., compression=\"lz4\"))".into());
        }
        let mut out = Vec::new();
        for b in rb.buffers().into_iter().flatten() {
            let start = usize::try_from(b.offset())
                .ok()
                .and_then(|o| body.checked_add(o));
            let len = usize::try_from(b.length()).ok();
            let (Some(start), Some(len)) = (start, len) else {
                return Err("a buffer lies outside the file".into());
            };
            let end = start.checked_add(len).filter(|&e| e <= self.bytes.len());
            let Some(end) = end else {
                return Err("a buffer lies outside the file (is it cut short?)".into());
            };
            if codec.is_none() || len == 0 {
                out.push(Buf { start, len });
                continue;
            }
            out.push(self.decompress(&self.bytes[start..end])?);
        }
        Ok(out)
    }

    /// An LZ4-framed buffer (its uncompressed length first; -1: not compressed).
    fn decompress(&mut self, raw: &[u8]) -> Result<Buf, String> {
        let (head, data) = raw.split_at(raw.len().min(8));
        let size = i64::from_le_bytes(
            head.try_into()
                .map_err(|_| "a compressed buffer is cut short")?,
        );
        let start = self.bytes.len() + self.extra.len();
        if size == -1 {
            self.extra.extend_from_slice(data);
        } else {
            use std::io::Read;
            let want =
                usize::try_from(size).map_err(|_| "a compressed buffer has a negative size")?;
            let before = self.extra.len();
            lz4_flex::frame::FrameDecoder::new(data)
                .take(want as u64)
                .read_to_end(&mut self.extra)
                .map_err(|e| format!("a buffer does not decompress (LZ4: {e})"))?;
            if self.extra.len() - before != want {
                return Err("a compressed buffer is shorter than it says".into());
            }
        }
        Ok(Buf {
            start,
            len: self.bytes.len() + self.extra.len() - start,
        })
    }
}

/// A batch's row count, if its body can hold that many (a bit each at least).
fn rows_in(length: i64, body: usize) -> Result<usize, String> {
    usize::try_from(length)
        .ok()
        .filter(|&n| n <= body.saturating_mul(8).saturating_add(64))
        .ok_or_else(|| format!("a batch says it has {length} rows, more than it holds"))
}

/// The field encoded by dictionary `id` (at any depth).
fn find_dictionary<'a>(fields: &[Field<'a>], id: i64) -> Option<Field<'a>> {
    fields.iter().find_map(|f| {
        if f.dictionary().is_some_and(|d| d.id() == id) {
            return Some(*f);
        }
        let children: Vec<Field<'a>> = f.children().map(|c| c.iter().collect()).unwrap_or_default();
        find_dictionary(&children, id)
    })
}
