//! Text helpers every part of the core uses (a leaf: it depends on nothing
//! else of the crate, so data, validation and filtering can all lean on it).

use serde_json::{Map, Value};

/// `s` without leading and trailing whitespace, as `str::trim`; a text that
/// starts and ends with a visible ASCII character (most cells of a large
/// file) is given back without decoding it.
pub(crate) fn trim(s: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_graphic());
    if visible(s.as_bytes().first()) && visible(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// The values of a table's cell that separates them by `;` or `|`, as
/// written (found byte by byte: both are ASCII).
pub(crate) fn cell_values(cell: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(cell);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == b';' || b == b'|') {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// Lower-cases text for search, folding curly quotes to straight ones.
pub fn fold(s: &str) -> String {
    s.to_lowercase().replace(['’', '‘'], "'")
}

/// A key's text in a JSON object, trimmed; `None` when missing, not text or blank.
pub(crate) fn opt_str(obj: &Map<String, Value>, key: &str) -> Option<String> {
    obj.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

/// A column or field name folded for comparison: lower case, letters and digits only.
pub(crate) fn fold_name(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// 100000 → "100,000". Hand-written: three lines; no kept crate is worth a dependency for it.
pub fn group(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count and its noun, singular for one: "1 problem", "3 problems".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", group(n), if n == 1 { one } else { many })
}
