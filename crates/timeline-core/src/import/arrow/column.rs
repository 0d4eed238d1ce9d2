//! An Arrow column of one record batch, as places in the file's bytes, and
//! its cells written out as text — the text a CSV of the same table would
//! hold, so that every importer reads both alike.

use arrow_ipc::{DateUnit, Field, FieldNode, Precision, TimeUnit, Type, UnionMode};
use std::fmt::Write;

/// A buffer: where its bytes are (in the file, or past its end: in what
/// was decompressed), or none (a missing validity buffer: every value is there).
#[derive(Clone, Copy, Default, Debug)]
pub(super) struct Buf {
    pub start: usize,
    pub len: usize,
}

/// A column's values, by how they are written as text.
#[derive(Debug)]
pub(super) enum Col {
    /// Nulls only, or a type that has no text here (the file is told which).
    Empty,
    /// Utf8 (`wide`: LargeUtf8): offsets into the data.
    Text {
        valid: Buf,
        offsets: Buf,
        data: Buf,
        wide: bool,
    },
    /// Utf8View: 16-byte views, short strings inline, long ones in `data`.
    View {
        valid: Buf,
        views: Buf,
        data: Vec<Buf>,
    },
    Int {
        valid: Buf,
        values: Buf,
        width: usize,
        signed: bool,
    },
    Float {
        valid: Buf,
        values: Buf,
        width: usize,
    },
    Bool {
        valid: Buf,
        values: Buf,
    },
    /// Date32 (days), Date64 (ms) and Timestamp: `per_day` units in a day.
    Day {
        valid: Buf,
        values: Buf,
        width: usize,
        per_day: i64,
    },
    /// Dictionary-encoded: the index column, and the dictionary's id.
    Dict {
        index: Box<Col>,
        id: i64,
    },
    /// List and LargeList: each cell's items joined by "; ".
    List {
        valid: Buf,
        offsets: Buf,
        wide: bool,
        item: Box<Col>,
    },
}

impl Col {
    /// Whether its buffers hold `rows` values (a damaged file's may not;
    /// reading stays in bounds anyway, this only says so).
    pub fn fits(&self, rows: usize) -> bool {
        let bits = |b: &Buf| b.len == 0 || b.len >= rows.div_ceil(8);
        let offsets =
            |b: &Buf, wide: bool| rows == 0 || b.len >= (rows + 1) * if wide { 8 } else { 4 };
        match self {
            Col::Empty => true,
            Col::Text {
                valid,
                offsets: o,
                wide,
                ..
            }
            | Col::List {
                valid,
                offsets: o,
                wide,
                ..
            } => bits(valid) && offsets(o, *wide),
            Col::View { valid, views, .. } => bits(valid) && views.len >= rows * 16,
            Col::Int {
                valid,
                values,
                width,
                ..
            }
            | Col::Float {
                valid,
                values,
                width,
            }
            | Col::Day {
                valid,
                values,
                width,
                ..
            } => bits(valid) && values.len >= rows * width,
            Col::Bool { valid, values } => bits(valid) && values.len >= rows.div_ceil(8),
            Col::Dict { index, .. } => index.fits(rows),
        }
    }
}

/// What a record batch gives for its columns, in the order the format lays
/// them out (depth first), plus each view column's count of data buffers.
pub(super) struct Layout<'a, N, B, V>
where
    N: Iterator<Item = FieldNode>,
    B: Iterator<Item = Buf>,
    V: Iterator<Item = i64>,
{
    pub nodes: N,
    pub bufs: B,
    pub variadic: V,
    /// Types met that are not read (their columns are empty).
    pub unread: &'a mut Vec<String>,
}

impl<N, B, V> Layout<'_, N, B, V>
where
    N: Iterator<Item = FieldNode>,
    B: Iterator<Item = Buf>,
    V: Iterator<Item = i64>,
{
    fn buf(&mut self) -> Buf {
        self.bufs.next().unwrap_or_default()
    }

    /// The column of `field`, its nodes and buffers taken in order (those of
    /// a type not read are skipped, so the columns after it stay in place).
    pub fn column(&mut self, field: Field) -> Col {
        self.nodes.next();
        if let Some(dict) = field.dictionary() {
            let (width, signed) = dict
                .indexType()
                .map_or((4, true), |i| (byte_width(i.bitWidth()), i.is_signed()));
            let (valid, values) = (self.buf(), self.buf());
            let index = Box::new(Col::Int {
                valid,
                values,
                width,
                signed,
            });
            return Col::Dict {
                index,
                id: dict.id(),
            };
        }
        self.plain(field)
    }

    /// A dictionary batch's column: the values of `field`'s type.
    pub fn value_column(&mut self, field: Field) -> Col {
        self.nodes.next();
        self.plain(field)
    }

    fn plain(&mut self, field: Field) -> Col {
        let t = field.type_type();
        match t {
            Type::Null => Col::Empty,
            Type::Utf8 | Type::LargeUtf8 => Col::Text {
                valid: self.buf(),
                offsets: self.buf(),
                data: self.buf(),
                wide: t == Type::LargeUtf8,
            },
            Type::Utf8View => {
                let (valid, views) = (self.buf(), self.buf());
                let n = self.variadic.next().unwrap_or(0).max(0) as usize;
                let data = (0..n).map(|_| self.buf()).collect();
                Col::View { valid, views, data }
            }
            Type::Int => {
                let i = field.type_as_int();
                let (valid, values) = (self.buf(), self.buf());
                Col::Int {
                    valid,
                    values,
                    width: i.map_or(4, |i| byte_width(i.bitWidth())),
                    signed: i.is_none_or(|i| i.is_signed()),
                }
            }
            Type::FloatingPoint => {
                let width = match field.type_as_floating_point().map(|f| f.precision()) {
                    Some(Precision::HALF) => 2,
                    Some(Precision::SINGLE) => 4,
                    _ => 8,
                };
                let (valid, values) = (self.buf(), self.buf());
                Col::Float {
                    valid,
                    values,
                    width,
                }
            }
            Type::Bool => Col::Bool {
                valid: self.buf(),
                values: self.buf(),
            },
            Type::Date | Type::Timestamp => {
                let (width, per_day) = match (field.type_as_date(), field.type_as_timestamp()) {
                    (Some(d), _) if d.unit() == DateUnit::DAY => (4, 1),
                    (Some(_), _) => (8, 86_400_000),
                    (_, Some(ts)) => (8, per_day(ts.unit())),
                    _ => (8, 86_400_000),
                };
                let (valid, values) = (self.buf(), self.buf());
                Col::Day {
                    valid,
                    values,
                    width,
                    per_day,
                }
            }
            Type::List | Type::LargeList => {
                let (valid, offsets) = (self.buf(), self.buf());
                let item = match field.children().filter(|c| !c.is_empty()) {
                    Some(c) => self.column(c.get(0)),
                    None => Col::Empty,
                };
                Col::List {
                    valid,
                    offsets,
                    wide: t == Type::LargeList,
                    item: Box::new(item),
                }
            }
            _ => {
                self.skip(field);
                Col::Empty
            }
        }
    }

    /// Takes a type's buffers and its children's, reading nothing; the
    /// type is named for the file's notice.
    fn skip(&mut self, field: Field) {
        let name = type_name(field.type_type());
        if !self.unread.iter().any(|u| u == name) {
            self.unread.push(name.to_string());
        }
        self.take(field);
    }

    fn take(&mut self, field: Field) {
        let t = field.type_type();
        let own = match t {
            _ if field.dictionary().is_some() => 2,
            Type::Null | Type::RunEndEncoded => 0,
            Type::Binary | Type::LargeBinary | Type::Utf8 | Type::LargeUtf8 => 3,
            Type::ListView | Type::LargeListView => 3,
            Type::BinaryView | Type::Utf8View => {
                2 + self.variadic.next().unwrap_or(0).max(0) as usize
            }
            Type::Struct_ | Type::FixedSizeList => 1,
            Type::Union => match field.type_as_union().map(|u| u.mode()) {
                Some(UnionMode::Dense) => 2,
                _ => 1,
            },
            _ => 2,
        };
        for _ in 0..own {
            self.buf();
        }
        if field.dictionary().is_none() {
            for child in field.children().into_iter().flatten() {
                self.nodes.next();
                self.take(child);
            }
        }
    }
}

fn byte_width(bits: i32) -> usize {
    match bits {
        8 => 1,
        16 => 2,
        64 => 8,
        _ => 4,
    }
}

fn per_day(unit: TimeUnit) -> i64 {
    match unit {
        TimeUnit::SECOND => 86_400,
        TimeUnit::MILLISECOND => 86_400_000,
        TimeUnit::MICROSECOND => 86_400_000_000,
        _ => 86_400_000_000_000,
    }
}

/// The Arrow name of a type that is not read, for the file's notice.
fn type_name(t: Type) -> &'static str {
    match t {
        Type::Binary | Type::LargeBinary | Type::BinaryView | Type::FixedSizeBinary => "binary",
        Type::Decimal => "decimal",
        Type::Time => "time of day",
        Type::Interval => "interval",
        Type::Duration => "duration",
        Type::Struct_ => "struct",
        Type::Union => "union",
        Type::Map => "map",
        Type::FixedSizeList | Type::ListView | Type::LargeListView => "list (fixed size or view)",
        Type::RunEndEncoded => "run-end encoded",
        _ => "another type",
    }
}

/// Reads cells out of the file's bytes and what was decompressed (placed
/// after them).
pub(super) struct Cells<'a> {
    pub file: &'a [u8],
    pub extra: &'a [u8],
    pub dicts: &'a rustc_hash::FxHashMap<i64, Vec<String>>,
}

impl Cells<'_> {
    fn bytes(&self, b: Buf) -> &[u8] {
        let (at, from) = match b.start.checked_sub(self.file.len()) {
            Some(k) => (k, self.extra),
            None => (b.start, self.file),
        };
        from.get(at..at + b.len).unwrap_or(&[])
    }

    fn valid(&self, b: Buf, i: usize) -> bool {
        b.len == 0
            || self
                .bytes(b)
                .get(i / 8)
                .is_some_and(|x| x >> (i % 8) & 1 == 1)
    }

    fn int(&self, b: Buf, i: usize, width: usize, signed: bool) -> Option<i64> {
        let s = self.bytes(b).get(i * width..(i + 1) * width)?;
        // The common widths first (offsets, dictionary indices, counts).
        if let Ok(w) = <[u8; 4]>::try_from(s) {
            return Some(if signed {
                i32::from_le_bytes(w) as i64
            } else {
                u32::from_le_bytes(w) as i64
            });
        }
        if let Ok(w) = <[u8; 8]>::try_from(s) {
            return Some(i64::from_le_bytes(w));
        }
        let mut raw = [0u8; 8];
        raw[..width].copy_from_slice(s);
        let v = i64::from_le_bytes(raw);
        Some(if signed && width < 8 {
            let shift = 64 - 8 * width as u32;
            (v << shift) >> shift
        } else {
            v
        })
    }

    fn offsets(&self, b: Buf, i: usize, wide: bool) -> Option<(usize, usize)> {
        let w = if wide { 8 } else { 4 };
        let a = self.int(b, i, w, true)?;
        let z = self.int(b, i + 1, w, true)?;
        (0 <= a && a <= z).then_some((a as usize, z as usize))
    }

    fn text(&self, data: Buf, from: usize, to: usize, out: &mut String) {
        if let Some(s) = self.bytes(data).get(from..to) {
            match std::str::from_utf8(s) {
                Ok(t) => out.push_str(t),
                Err(_) => out.push_str(&String::from_utf8_lossy(s)),
            }
        }
    }

    /// Writes row `i` of `col` onto `out` (nothing for a null).
    pub fn write(&self, col: &Col, i: usize, out: &mut String) {
        match col {
            Col::Empty => {}
            Col::Text {
                valid,
                offsets,
                data,
                wide,
            } => {
                if let Some((a, z)) = self
                    .valid(*valid, i)
                    .then(|| self.offsets(*offsets, i, *wide))
                    .flatten()
                {
                    self.text(*data, a, z, out);
                }
            }
            Col::View { valid, views, data } => {
                if self.valid(*valid, i) {
                    self.view(*views, data, i, out);
                }
            }
            Col::Int {
                valid,
                values,
                width,
                signed,
            } => {
                if let Some(v) = self
                    .valid(*valid, i)
                    .then(|| self.int(*values, i, *width, *signed))
                    .flatten()
                {
                    if *signed || *width < 8 {
                        let _ = write!(out, "{v}");
                    } else {
                        let _ = write!(out, "{}", v as u64);
                    }
                }
            }
            Col::Float {
                valid,
                values,
                width,
            } => {
                if let Some(f) = self
                    .valid(*valid, i)
                    .then(|| self.float(*values, i, *width))
                    .flatten()
                {
                    write_float(f, out);
                }
            }
            Col::Bool { valid, values } => {
                if self.valid(*valid, i) {
                    let on = self
                        .bytes(*values)
                        .get(i / 8)
                        .is_some_and(|x| x >> (i % 8) & 1 == 1);
                    out.push_str(if on { "true" } else { "false" });
                }
            }
            Col::Day {
                valid,
                values,
                width,
                per_day,
            } => {
                if let Some(v) = self
                    .valid(*valid, i)
                    .then(|| self.int(*values, i, *width, true))
                    .flatten()
                {
                    write_day(v.div_euclid(*per_day), out);
                }
            }
            Col::Dict { index, id } => {
                let Col::Int {
                    valid,
                    values,
                    width,
                    signed,
                } = &**index
                else {
                    return;
                };
                let at = self
                    .valid(*valid, i)
                    .then(|| self.int(*values, i, *width, *signed))
                    .flatten();
                let value = at
                    .and_then(|k| usize::try_from(k).ok())
                    .and_then(|k| self.dicts.get(id)?.get(k));
                if let Some(v) = value {
                    out.push_str(v);
                }
            }
            Col::List {
                valid,
                offsets,
                wide,
                item,
            } => {
                if let Some((a, z)) = self
                    .valid(*valid, i)
                    .then(|| self.offsets(*offsets, i, *wide))
                    .flatten()
                {
                    // At most as many items as a cell could hold (a damaged offset reads no further).
                    for k in a..z.min(a + 100_000) {
                        let mark = out.len();
                        if k > a {
                            out.push_str("; ");
                        }
                        let before = out.len();
                        self.write(item, k, out);
                        if out.len() == before {
                            out.truncate(mark);
                        }
                    }
                }
            }
        }
    }

    fn view(&self, views: Buf, data: &[Buf], i: usize, out: &mut String) {
        let Some(v) = self.bytes(views).get(i * 16..i * 16 + 16) else {
            return;
        };
        let word = |k: usize| u32::from_le_bytes([v[k], v[k + 1], v[k + 2], v[k + 3]]) as usize;
        let len = word(0);
        if len <= 12 {
            out.push_str(&String::from_utf8_lossy(&v[4..4 + len]));
        } else if let Some(&b) = data.get(word(8)) {
            let from = word(12);
            self.text(b, from, from + len, out);
        }
    }

    fn float(&self, b: Buf, i: usize, width: usize) -> Option<f64> {
        let s = self.bytes(b).get(i * width..(i + 1) * width)?;
        Some(match width {
            2 => half_to_f64(u16::from_le_bytes([s[0], s[1]])),
            4 => f32::from_le_bytes([s[0], s[1], s[2], s[3]]) as f64,
            _ => f64::from_le_bytes(s.try_into().ok()?),
        })
    }
}

/// A float as a CSV would hold it: whole numbers without ".0" (pandas keeps
/// counts with gaps as floats), NaN as nothing (pandas' missing value).
fn write_float(f: f64, out: &mut String) {
    if f.is_nan() {
        return;
    }
    if f.fract() == 0.0 && f.abs() < 1e15 {
        let _ = write!(out, "{}", f as i64);
    } else {
        let _ = write!(out, "{f}");
    }
}

/// Days since 1970-01-01 as an ISO date (what our dates read).
fn write_day(days: i64, out: &mut String) {
    let julian = 2_440_588 + days;
    match i32::try_from(julian)
        .ok()
        .and_then(|j| time::Date::from_julian_day(j).ok())
    {
        Some(d) => {
            let _ = write!(
                out,
                "{:04}-{:02}-{:02}",
                d.year(),
                u8::from(d.month()),
                d.day()
            );
        }
        None => {
            let _ = write!(out, "day {days} after 1970-01-01");
        }
    }
}

fn half_to_f64(h: u16) -> f64 {
    let sign = if h >> 15 == 1 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let frac = (h & 0x3ff) as f64;
    sign * match exp {
        0 => frac * 2f64.powi(-24),
        31 if frac == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        e => (1.0 + frac / 1024.0) * 2f64.powi(e - 15),
    }
}
