//! A CSV file's records, read by the `csv` crate, and what that crate does
//! not say: a quote (`"`) that opens a cell and is never closed makes it
//! read the rest of the file into that one cell, without an error. The last
//! record is looked at again; such a cell is named by its row and column,
//! with how many lines it took in.

use crate::problem::{Problem, ProblemKind};
use std::io::Cursor;

/// A CSV file's records after its header.
pub(crate) struct CsvRecords {
    reader: csv::Reader<Cursor<Vec<u8>>>,
    /// The header as the file writes it (trimmed), to name a column.
    names: Vec<String>,
    /// A problem to give at the next read (a row that was kept before it).
    pending: Option<Box<Problem>>,
}

impl CsvRecords {
    /// The reader past the header, and the header's names; or why the header
    /// cannot be read.
    pub(crate) fn open(text: String) -> Result<(CsvRecords, Vec<String>), Box<Problem>> {
        let mut bytes = text.into_bytes();
        if bytes.starts_with(&[0xef, 0xbb, 0xbf]) {
            bytes.drain(..3);
        }
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(Cursor::new(bytes));
        let names: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
            Err(e) => return Err(Box::new(csv_problem(&e))),
        };
        let records = CsvRecords {
            reader,
            names: names.clone(),
            pending: None,
        };
        Ok((records, names))
    }

    /// Every record after the header, read once for `each`, then the reader
    /// back where it was (a second reading: `super::native_meta`). A record
    /// that cannot be read ends this reading; the next one says why.
    pub(crate) fn scan(&mut self, mut each: impl FnMut(&csv::StringRecord)) {
        let start = self.reader.position().clone();
        let mut rec = csv::StringRecord::new();
        while let Ok(true) = self.reader.read_record(&mut rec) {
            each(&rec);
        }
        // A Cursor seeks without failing; should it, the rows read again are none.
        let _ = self.reader.seek(start);
    }

    /// The next record; false at the end. A quoted cell left open ends the
    /// reading: its row is left out when it took in other lines.
    pub(crate) fn read(&mut self, rec: &mut csv::StringRecord) -> Result<bool, Box<Problem>> {
        if let Some(p) = self.pending.take() {
            return Err(p);
        }
        if !self
            .reader
            .read_record(rec)
            .map_err(|e| Box::new(csv_problem(&e)))?
        {
            return Ok(false);
        }
        let bytes = self.reader.get_ref().get_ref();
        if self.reader.position().byte() < bytes.len() as u64 {
            return Ok(true);
        }
        let Some(at) = rec.position() else {
            return Ok(true);
        };
        let raw = &bytes[(at.byte() as usize).min(bytes.len())..];
        let Some(open) = unclosed_quote(raw) else {
            return Ok(true);
        };
        // The lines after the one the quote opens on, a last line break aside.
        let rest = &raw[open..];
        let rest = rest
            .strip_suffix(b"\r\n")
            .or_else(|| rest.strip_suffix(b"\n"))
            .or_else(|| rest.strip_suffix(b"\r"))
            .unwrap_or(rest);
        let more = rest.iter().filter(|&&b| b == b'\n').count();
        let line = at.line() as usize + raw[..open].iter().filter(|&&b| b == b'\n').count();
        let column = rec.len().saturating_sub(1);
        let name = match self.names.get(column) {
            Some(n) if !n.is_empty() => n.clone(),
            _ => format!("column {}", column + 1),
        };
        // The header is record 0, row 1 as a spreadsheet numbers rows.
        let row = at.record() as usize + 1;
        let p = Box::new(unclosed(row, line, name, more));
        if more == 0 {
            // Only its own line: the row is kept, and the quote named.
            self.pending = Some(p);
            return Ok(true);
        }
        Err(p)
    }
}

/// The problem of a quote left open on `line`, in the cell at `row`, `column`.
fn unclosed(row: usize, line: usize, column: String, more: usize) -> Problem {
    let here = if line == row {
        "here".to_string()
    } else {
        format!("here (line {line})")
    };
    let message = if more == 0 {
        format!(
            "a quote (\") opens {here} and is never closed; the cell was read to the end of the file \
             (close the quote, and write a quote inside a cell as two: \"\")"
        )
    } else {
        // Row 2 is the first under the header: no row comes before it.
        let before = if row <= 2 {
            "so no row of the file is read"
        } else {
            "the rows before it are read"
        };
        format!(
            "a quote (\") opens {here} and is never closed, so the rest of the file ({}) was read into this cell: \
             this row and the lines after it are left out, {before} \
             (close the quote, and write a quote inside a cell as two: \"\")",
            crate::text::counted(more, "more line", "more lines")
        )
    };
    Problem {
        kind: ProblemKind::BadValue,
        location: crate::problem::Location::File,
        field: None,
        message,
        row: Some(row),
        column: Some(column),
    }
}

/// Where a quote that opens a cell of this last record is left open, if one
/// is: the `csv` crate's reading (a quote opens a cell only at its start, `""`
/// inside is one quote, after the closing quote a quote is text).
fn unclosed_quote(raw: &[u8]) -> Option<usize> {
    let (mut start, mut open) = (true, None);
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        if open.is_some() {
            if b == b'"' {
                if raw.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    open = None;
                    start = false;
                }
            }
        } else {
            match b {
                b'"' if start => open = Some(i),
                b',' | b'\n' | b'\r' => start = true,
                _ => start = false,
            }
            if b == b'"' {
                start = false;
            }
        }
        i += 1;
    }
    open
}

/// A CSV error (the text is UTF-8 by then: hardly ever) as a file's problem.
fn csv_problem(e: &csv::Error) -> Problem {
    let line = e.position().map_or(0, |p| p.line() as usize);
    Problem::file(
        ProblemKind::MalformedJson { line, column: 0 },
        format!("not valid CSV at line {line}: {e} (the rows before it are kept)"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> (Vec<Vec<String>>, Option<String>) {
        let (mut r, _) = CsvRecords::open(text.to_string()).unwrap();
        let mut rec = csv::StringRecord::new();
        let mut rows = Vec::new();
        loop {
            match r.read(&mut rec) {
                Ok(true) => rows.push(rec.iter().map(String::from).collect()),
                Ok(false) => return (rows, None),
                Err(p) => return (rows, Some(p.to_string())),
            }
        }
    }

    #[test]
    fn an_unclosed_quote_is_named_where_it_opens() {
        let text = "date,title,kind\n2001,A,x\n2002,B,x\n2003,C,x\n2004,\"D,x\n2005,E,x\n";
        let (rows, p) = read_all(text);
        assert_eq!(rows.len(), 3);
        assert_eq!(
            p.unwrap(),
            "row 5, column \"title\": a quote (\") opens here and is never closed, so the rest of the file (1 more line) \
             was read into this cell: this row and the lines after it are left out, the rows before it are read \
             (close the quote, and write a quote inside a cell as two: \"\")"
        );
        // On the last line: the row is kept, the quote named.
        let (rows, p) = read_all("date,title\n2001,A\n2002,\"B\n");
        assert_eq!(rows, [vec!["2001", "A"], vec!["2002", "B\n"]]);
        assert!(p.unwrap().starts_with("row 3, column \"title\": a quote (\") opens here and is never closed; the cell was read to the end"));
        // In the first row under the header: no rows before it to speak of.
        let (rows, p) = read_all("date,title\n2001,\"A\n2002,B\n");
        assert!(rows.is_empty());
        assert!(p.unwrap().contains(
            "this row and the lines after it are left out, so no row of the file is read"
        ));
        // A cell of two lines before it: the line is named too.
        let (rows, p) = read_all("date,title\n2001,\"A\nstill A\"\n2002,\"B\n2003,C\n2004,D");
        assert_eq!(rows.len(), 1);
        assert!(p.unwrap().starts_with("row 3, column \"title\": a quote (\") opens here (line 4) and is never closed, so the rest of the file (2 more lines)"));
    }

    #[test]
    fn closed_and_inner_quotes_are_not_taken_for_open_ones() {
        for text in [
            "date,title\n2001,\"A, \"\"quoted\"\"\"\n2002,B\n",
            "date,title\n2001,5 \"inch\n2002,\"B\"\n",
            "date,title\n2001,\"A\"x\"\n",
            "date,title\n2001,\"\"\n",
            "date,title\n",
        ] {
            assert_eq!(read_all(text).1, None, "{text}");
        }
    }
}
