//! Files that are not data, told by their first bytes (their "magic"),
//! never by their name: an image, a PDF, an archive, an office workbook, a
//! database, a Parquet file — or any file with NUL bytes that is not UTF-16
//! text or Arrow. Each is refused with one sentence that names what it is and
//! what to do, before any decoding (which would otherwise give advice about
//! text encodings for a picture). An empty file is said to be empty.

/// What to open instead of a file that is not a timeline.
const OPEN: &str = "open the timeline's data (JSON, CSV or an Arrow file) instead";

/// What to do with an office workbook.
const SAVE_CSV: &str = "save the sheet as CSV (File → Save as → CSV UTF-8) and open that";

/// What to do with a compressed file or an archive.
const UNPACK: &str = "unpack it and open the timeline file inside";

/// Bytes that must be at these places in the file.
type Magic = &'static [(usize, &'static [u8])];

/// Known starts of files that are not data, and why each is refused.
const KNOWN: [(Magic, &str); 14] = [
    (
        &[(0, b"\x89PNG\r\n\x1a\n")],
        "this is a PNG image, not a timeline",
    ),
    (
        &[(0, b"\xff\xd8\xff")],
        "this is a JPEG image, not a timeline",
    ),
    (&[(0, b"GIF8")], "this is a GIF image, not a timeline"),
    (
        &[(0, b"RIFF"), (8, b"WEBP")],
        "this is a WebP image, not a timeline",
    ),
    (&[(0, b"%PDF-")], "this is a PDF document, not a timeline"),
    (
        &[(0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")],
        "this is an Excel 97–2003 workbook or another old Office document, not a timeline",
    ),
    (&[(0, b"\x1f\x8b")], "this is a gzip-compressed file"),
    (&[(0, b"7z\xbc\xaf\x27\x1c")], "this is a 7-Zip archive"),
    (&[(0, b"Rar!\x1a\x07")], "this is a RAR archive"),
    (&[(0, b"\xfd7zXZ\x00")], "this is an xz-compressed file"),
    (
        &[(0, b"BZh"), (4, b"\x31\x41\x59\x26\x53\x59")],
        "this is a bzip2-compressed file",
    ),
    (
        &[(0, b"\x28\xb5\x2f\xfd")],
        "this is a Zstandard-compressed file",
    ),
    (&[(0, b"SQLite format 3\x00")], "this is an SQLite database"),
    (
        &[(0, b"PAR1")],
        "this is a Parquet file, which this timeline does not read",
    ),
];

/// Why a file whose first bytes say what it is cannot be read, in one
/// sentence: what it is and what to do. `None` for anything else.
pub(crate) fn refuse(bytes: &[u8]) -> Option<String> {
    if is_zip(bytes) {
        return Some(zip(bytes));
    }
    let (_, what) = KNOWN.iter().find(|(magic, _)| {
        magic
            .iter()
            .all(|(at, m)| bytes.get(*at..at + m.len()) == Some(m))
    })?;
    let todo = if what.contains("compressed") || what.contains("archive") {
        UNPACK
    } else if what.contains("Excel") {
        SAVE_CSV
    } else if what.contains("SQLite") {
        "export the table of events as CSV (sqlite3 -header -csv) and open that"
    } else if what.contains("Parquet") {
        "write it as Feather (Arrow IPC) or CSV and open that (pandas: df.to_feather(…) or df.to_csv(…))"
    } else {
        OPEN
    };
    Some(format!("{what}: {todo}"))
}

fn is_zip(bytes: &[u8]) -> bool {
    [b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"]
        .iter()
        .any(|m| bytes.starts_with(*m))
}

/// A ZIP: an office workbook or document (its parts' names say which), or
/// another archive.
fn zip(bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let has = |s: &[u8]| head.windows(s.len()).any(|w| w == s);
    if has(b"xl/") {
        format!("this is an Excel workbook (.xlsx), not a timeline: {SAVE_CSV}")
    } else if has(b"opendocument.spreadsheet") {
        format!("this is an OpenDocument spreadsheet (.ods), not a timeline: {SAVE_CSV}")
    } else if has(b"word/") || has(b"opendocument.text") {
        format!("this is a word-processor document (.docx or .odt), not a timeline: {OPEN}")
    } else {
        format!(
            "this is a ZIP archive, not a timeline; an Excel or other office workbook (.xlsx, .ods) is one too: \
             {SAVE_CSV}; any other archive: {UNPACK}"
        )
    }
}

/// Why a file with NUL bytes (in its first 8 KB) that is not UTF-16 text
/// cannot be read. Text never has them; UTF-16 text without a byte-order mark
/// has them at every other byte only, and is left to the decoder.
pub(crate) fn binary(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(8192)];
    let nul_at = |odd: usize| head.iter().skip(odd).step_by(2).any(|&b| b == 0);
    let (even, odd) = (nul_at(0), nul_at(1));
    (even && odd).then(|| format!("this is a binary file, not text: it is not a timeline; {OPEN}"))
}

/// Text that holds nothing (after a byte-order mark and white space).
pub(crate) fn is_empty(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').trim().is_empty()
}

/// A web page where a data file was expected (a link to the page that shows
/// a file rather than to the file itself).
pub(crate) fn web_page(text: &str) -> Option<String> {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(14)
        .collect::<String>()
        .to_ascii_lowercase();
    (head.starts_with("<!doctype html") || head.starts_with("<html")).then(|| {
        "this is a web page (HTML), not a timeline: link to the data file itself (on GitHub, its Raw address), or save the data as JSON or CSV and open that".to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file's first bytes → the start of what is said about it.
    #[test]
    fn known_files_are_named_by_their_first_bytes() {
        let cases: &[(&[u8], &str)] = &[
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "this is a PNG image, not a timeline: open the timeline's data"),
            (b"\xff\xd8\xff\xe0\0\x10JFIF", "this is a JPEG image"),
            (b"GIF89a\x01\0", "this is a GIF image"),
            (b"RIFF\x24\0\0\0WEBPVP8 ", "this is a WebP image"),
            (b"%PDF-1.7\n", "this is a PDF document"),
            (b"PK\x03\x04\x14\0\0\0\x08\0[Content_Types].xml xl/workbook.xml", "this is an Excel workbook (.xlsx), not a timeline: save the sheet as CSV (File → Save as → CSV UTF-8)"),
            (b"PK\x03\x04\x14\0\0\0\0\0mimetypeapplication/vnd.oasis.opendocument.spreadsheet", "this is an OpenDocument spreadsheet (.ods)"),
            (b"PK\x03\x04\x14\0\0\0\x08\0word/document.xml", "this is a word-processor document"),
            (b"PK\x03\x04\x14\0\0\0\x08\0events.csv", "this is a ZIP archive, not a timeline; an Excel or other office workbook"),
            (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0", "this is an Excel 97–2003 workbook or another old Office document, not a timeline: save the sheet as CSV"),
            (b"\x1f\x8b\x08\0\0\0\0\0", "this is a gzip-compressed file: unpack it and open the timeline file inside"),
            (b"7z\xbc\xaf\x27\x1c\0\x04", "this is a 7-Zip archive: unpack it"),
            (b"Rar!\x1a\x07\x01\0", "this is a RAR archive: unpack it"),
            (b"\xfd7zXZ\0\0\x04", "this is an xz-compressed file"),
            (b"BZh91AY&SY\0", "this is a bzip2-compressed file"),
            (b"\x28\xb5\x2f\xfd\x24\0", "this is a Zstandard-compressed file"),
            (b"SQLite format 3\0\x10\0", "this is an SQLite database: export the table of events as CSV"),
            (b"PAR1\x15\x04\x15", "this is a Parquet file, which this timeline does not read: write it as Feather (Arrow IPC) or CSV"),
        ];
        for (bytes, want) in cases {
            let got = refuse(bytes).unwrap_or_default();
            assert!(got.starts_with(want), "{bytes:?}: {got}");
        }
    }

    /// Text that merely starts like one of them is not refused.
    #[test]
    fn text_is_not_taken_for_a_file_of_another_kind() {
        for text in [
            "date,title\n",
            "[{\"date\":\"2004\"}]",
            "PK,date,title\n1,2004,A\n",
            "GIF,date\n",
            "BZh,date,title\n",
            "RIFF,date,title\n",
            "",
        ] {
            assert_eq!(refuse(text.as_bytes()), None, "{text}");
            assert_eq!(binary(text.as_bytes()), None, "{text}");
        }
        // UTF-16 without a byte-order mark: NULs at every other byte only.
        let bare: Vec<u8> = "date,title\n2004,A\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(binary(&bare), None);
        assert!(binary(b"\x00\x01\x00\x00binary\x00").is_some());
        assert!(is_empty("\u{feff} \r\n\t"));
        assert!(!is_empty("a"));
        assert!(web_page("\n<!DOCTYPE html><html>").is_some());
        assert!(web_page("<HTML lang=en>").is_some());
        assert!(web_page("html,date\n").is_none());
    }
}
