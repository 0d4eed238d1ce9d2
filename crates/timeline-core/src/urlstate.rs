//! The view's state and its encoding in a URL query string.
//!
//! | key    | value                                   | default        |
//! |--------|-----------------------------------------|----------------|
//! | `c`    | country codes, comma-separated; `none`  | all countries  |
//! | `k`    | kinds, comma-separated; `none`          | all kinds      |
//! | `from` | `YYYY`, `YYYY-MM` or `YYYY-MM-DD`       | open           |
//! | `to`   | same                                    | open           |
//! | `q`    | search text                             | empty          |
//! | `w`    | visible window `YYYY-MM-DD~YYYY-MM-DD`  | fit all        |
//! | `g`    | `kind` or `country` (lanes)             | `kind`         |
//! | `v`    | `chart` or `list`                       | `chart`        |
//! | `e`    | id of the selected event                | none           |
//!
//! Decoding never fails: an unknown key is ignored, a malformed value falls
//! back to its default and is reported in [`Decoded::ignored`].

use crate::date::PartialDate;
use crate::filter::Filter;
use crate::layout::Grouping;
use crate::model::Dataset;
use crate::scale::Window;
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ViewMode {
    #[default]
    Chart,
    List,
}

/// Everything a link restores.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ViewState {
    pub filter: Filter,
    /// The visible window in days; `None` fits all.
    pub window: Option<Window>,
    pub grouping: Grouping,
    pub view: ViewMode,
    pub selected: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Decoded {
    pub state: ViewState,
    /// `key=value` pairs that were ignored, for a notice.
    pub ignored: Vec<String>,
}

/// Encodes a query value as `application/x-www-form-urlencoded` (the
/// `form_urlencoded` crate), keeping `,` between list items readable
/// (`c=KZ,UZ`): each item is encoded on its own.
pub fn percent_encode(s: &str) -> String {
    s.split(',')
        .map(|part| form_urlencoded::byte_serialize(part.as_bytes()).collect::<String>())
        .collect::<Vec<_>>()
        .join(",")
}

/// Decodes one query value: `+` is a space, `%XX` a byte (the `percent-encoding`
/// crate); invalid escapes stay as they are; invalid UTF-8 is replaced.
pub fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(&s.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}

/// A day number as a full date (`2004-09-01`).
pub fn day_string(day: f64) -> String {
    PartialDate::from_day_number(day.round() as i32).to_string()
}

/// The query string (without `?`) for a state; defaults are left out.
pub fn encode(s: &ViewState) -> String {
    let mut parts: Vec<String> = Vec::new();
    let list = |set: Option<Vec<String>>| match set {
        Some(v) if v.is_empty() => "none".to_string(),
        Some(v) => v.join(","),
        None => String::new(),
    };
    if let Some(c) = &s.filter.countries {
        parts.push(format!(
            "c={}",
            percent_encode(&list(Some(c.iter().cloned().collect())))
        ));
    }
    if let Some(k) = &s.filter.kinds {
        parts.push(format!(
            "k={}",
            percent_encode(&list(Some(k.iter().cloned().collect())))
        ));
    }
    if let Some(f) = s.filter.from {
        parts.push(format!("from={f}"));
    }
    if let Some(t) = s.filter.to {
        parts.push(format!("to={t}"));
    }
    if !s.filter.text.trim().is_empty() {
        parts.push(format!("q={}", percent_encode(s.filter.text.trim())));
    }
    if let Some(w) = s.window {
        parts.push(format!("w={}~{}", day_string(w.start), day_string(w.end)));
    }
    if s.grouping == Grouping::Country {
        parts.push("g=country".into());
    }
    if s.view == ViewMode::List {
        parts.push("v=list".into());
    }
    if let Some(e) = &s.selected {
        parts.push(format!("e={}", percent_encode(e)));
    }
    parts.join("&")
}

/// Reads a query string (with or without a leading `?` or `#`).
pub fn decode(query: &str) -> Decoded {
    let mut d = Decoded::default();
    let q = query.trim_start_matches(['?', '#']);
    for (key, val) in form_urlencoded::parse(q.as_bytes()) {
        let (key, val) = (key.into_owned(), val.into_owned());
        let ok = match key.as_str() {
            "c" => decode_countries(&val)
                .map(|c| d.state.filter.countries = Some(c))
                .is_some(),
            "k" => decode_kinds(&val)
                .map(|k| d.state.filter.kinds = Some(k))
                .is_some(),
            "from" => PartialDate::parse(&val)
                .map(|x| d.state.filter.from = Some(x))
                .is_ok(),
            "to" => PartialDate::parse(&val)
                .map(|x| d.state.filter.to = Some(x))
                .is_ok(),
            "q" => {
                // Trimmed here as in `encode`, so a link reproduces the state exactly.
                d.state.filter.text = val.chars().take(200).collect::<String>().trim().to_string();
                true
            }
            "w" => decode_window(&val)
                .map(|w| d.state.window = Some(w))
                .is_some(),
            "g" => match val.as_str() {
                "kind" => true,
                "country" => {
                    d.state.grouping = Grouping::Country;
                    true
                }
                _ => false,
            },
            "v" => match val.as_str() {
                "chart" => true,
                "list" => {
                    d.state.view = ViewMode::List;
                    true
                }
                _ => false,
            },
            "e" => {
                let ok = !val.is_empty() && val.len() <= 200;
                if ok {
                    d.state.selected = Some(val.clone());
                }
                ok
            }
            // Keys other features own (embed, theme, data…) are not ours to judge.
            _ => true,
        };
        if !ok {
            d.ignored.push(format!("{key}={val}"));
        }
    }
    if let (Some(f), Some(t)) = (d.state.filter.from, d.state.filter.to) {
        if t.last_day() < f.first_day() {
            d.ignored.push(format!("to={t}"));
            d.state.filter.to = None;
        }
    }
    d
}

fn decode_countries(v: &str) -> Option<BTreeSet<String>> {
    if v == "none" {
        return Some(BTreeSet::new());
    }
    // ISO codes in any case; a facet of its own (an imported dataset's
    // country that is no ISO country) as written. Unknown ones are dropped
    // against the dataset ([`sanitize`]).
    let set = crate::order::set_of(
        v.split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty() && c.len() <= 100 && *c != "none")
            .map(|c| {
                if c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()) {
                    c.to_ascii_uppercase()
                } else {
                    c.to_string()
                }
            }),
    );
    (!set.is_empty()).then_some(set)
}

/// Category ids; which exist is checked against the dataset ([`sanitize`]).
fn decode_kinds(v: &str) -> Option<BTreeSet<String>> {
    if v == "none" {
        return Some(BTreeSet::new());
    }
    let set = crate::order::set_of(
        v.split(',')
            .map(str::trim)
            .filter(|k| !k.is_empty() && k.len() <= 100 && *k != "none")
            .map(String::from),
    );
    (!set.is_empty()).then_some(set)
}

fn decode_window(v: &str) -> Option<Window> {
    let (a, b) = v.split_once('~')?;
    let (a, b) = (PartialDate::parse(a).ok()?, PartialDate::parse(b).ok()?);
    let (start, end) = (a.first_day() as f64, b.first_day() as f64);
    (end > start).then_some(Window::new(start, end))
}

/// Drops what the dataset does not know: unknown countries, an unknown
/// selected event. Returns what was dropped.
pub fn sanitize(state: &mut ViewState, ds: &Dataset) -> Vec<String> {
    let mut dropped = Vec::new();
    if let Some(c) = &mut state.filter.countries {
        let before = c.clone();
        c.retain(|code| ds.country(code).is_some());
        dropped.extend(before.difference(c).map(|x| format!("c={x}")));
        if c.is_empty() && !before.is_empty() {
            state.filter.countries = None;
        }
    }
    if let Some(k) = &mut state.filter.kinds {
        let before = k.clone();
        k.retain(|id| ds.kind_of(id).is_some());
        dropped.extend(before.difference(k).map(|x| format!("k={x}")));
        if k.is_empty() && !before.is_empty() {
            state.filter.kinds = None;
        }
    }
    if let Some(id) = &state.selected {
        if ds.event(id).is_none() {
            dropped.push(format!("e={id}"));
            state.selected = None;
        }
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_json;

    #[test]
    fn round_trips_a_full_state() {
        let mut s = ViewState::default();
        s.filter.countries = Some(["RU".to_string(), "KZ".to_string()].into());
        s.filter.kinds = Some(["incident".to_string(), "exercise".to_string()].into());
        s.filter.from = PartialDate::parse("2004").ok();
        s.filter.to = PartialDate::parse("2009-06").ok();
        s.filter.text = "Nal’chik & co".into();
        s.window = Some(Window::new(2453006.0, 2453371.0));
        s.grouping = Grouping::Country;
        s.view = ViewMode::List;
        s.selected = Some("beslan-2004".into());
        let q = encode(&s);
        assert_eq!(
            decode(&q),
            Decoded {
                state: s.clone(),
                ignored: vec![]
            },
            "{q}"
        );
        assert_eq!(decode(&format!("?{q}")).state, s);
        assert_eq!(encode(&ViewState::default()), "");
    }

    #[test]
    fn none_is_distinct_from_all() {
        let d = decode("c=none&k=none");
        assert_eq!(d.state.filter.countries, Some(BTreeSet::new()));
        assert_eq!(d.state.filter.kinds, Some(BTreeSet::new()));
        assert_eq!(encode(&d.state), "c=none&k=none");
    }

    #[test]
    fn malformed_values_fall_back_to_defaults() {
        let cases = [
            ("c=", vec!["c="]),
            ("k=", vec!["k="]),
            ("from=April", vec!["from=April"]),
            ("to=2009-13", vec!["to=2009-13"]),
            ("w=2009~2004", vec!["w=2009~2004"]),
            ("w=banana", vec!["w=banana"]),
            ("g=colour", vec!["g=colour"]),
            ("v=grid", vec!["v=grid"]),
            ("e=", vec!["e="]),
            ("from=2010&to=2005", vec!["to=2005"]),
            ("%ZZ=%&&=&zzz", vec![]),
        ];
        for (q, ignored) in cases {
            let d = decode(q);
            assert_eq!(d.ignored, ignored, "{q}");
            let mut want = ViewState::default();
            if q.starts_with("from=2010") {
                want.filter.from = PartialDate::parse("2010").ok();
            }
            assert_eq!(d.state, want, "{q}");
        }
    }

    #[test]
    fn percent_coding_survives_odd_text() {
        for s in ["a b", "100%", "%", "%4", "é ü 中文", "a+b", "<script>&"] {
            assert_eq!(percent_decode(&percent_encode(s)), s);
        }
        assert_eq!(percent_decode("%E2%80%99"), "’");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn sanitize_drops_what_the_dataset_does_not_know() {
        let ds = load_json(crate::BUILTIN_DATASET).dataset;
        let mut s = decode("c=RU,XX&e=no-such-event").state;
        assert_eq!(
            sanitize(&mut s, &ds),
            vec!["c=XX".to_string(), "e=no-such-event".to_string()]
        );
        assert_eq!(s.filter.countries, Some(["RU".to_string()].into()));
        assert_eq!(s.selected, None);
        let mut s = decode("c=XX").state;
        sanitize(&mut s, &ds);
        assert_eq!(s.filter.countries, None, "nothing known left: back to all");
        let mut s = decode("c=R&k=incident,riots").state;
        assert_eq!(
            sanitize(&mut s, &ds),
            vec!["c=R".to_string(), "k=riots".to_string()]
        );
        assert_eq!(s.filter.countries, None);
        assert_eq!(s.filter.kinds, Some(["incident".to_string()].into()));
    }
}
