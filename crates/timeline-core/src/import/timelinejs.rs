//! TimelineJS3, from its documentation: the JSON format (`events` with
//! `start_date`/`end_date` objects, `text.headline`/`text.text`, `media`,
//! `group`, `display_date`, `unique_id`, a `title` slide and `eras`) and its
//! Google Sheets template exported as CSV (Year, Month, Day, Time, End Year,
//! End Month, End Day, End Time, Display Date, Headline, Text, Media, Media
//! Credit, Media Caption, Media Thumbnail, Type, Group, Background).
//!
//! A negative year is BCE as TimelineJS3 says ("-500" is 500 BCE, our year
//! −499). Time of day, thumbnails, backgrounds and `autolink` are dropped.

use super::{cell, html, Format};
use crate::load::{Incremental, Naming, RowNumbers};
use serde_json::{json, Map, Value};

/// The parts of one TimelineJS3 slide, as text cells.
#[derive(Default)]
struct Slide {
    id: String,
    start: [String; 3],
    end: [String; 3],
    headline: String,
    text: String,
    media: String,
    credit: String,
    caption: String,
    group: String,
    display_date: String,
}

/// `YYYY[-MM[-DD]]` from year, month and day cells; TimelineJS3's BCE years shifted.
fn date(parts: &[String; 3]) -> Option<String> {
    let y: i64 = parts[0].trim().parse::<f64>().ok().map(|f| f as i64)?;
    let y = if y < 0 { y + 1 } else { y };
    let mut out = if y < 0 {
        format!("-{:04}", -y)
    } else {
        format!("{y:04}")
    };
    let num = |s: &str| {
        s.trim()
            .parse::<f64>()
            .ok()
            .map(|f| f as i64)
            .filter(|&v| v > 0)
    };
    if let Some(m) = num(&parts[1]) {
        out.push_str(&format!("-{m:02}"));
        if let Some(d) = num(&parts[2]) {
            out.push_str(&format!("-{d:02}"));
        }
    }
    Some(out)
}

impl Slide {
    fn entry(&self, kind: &str) -> Value {
        let mut o = Map::new();
        let mut links = Vec::new();
        if !self.id.is_empty() {
            o.insert("id".into(), self.id.clone().into());
        }
        match date(&self.start) {
            Some(d) => o.insert("date".into(), d.into()),
            None => o.insert("date".into(), self.start[0].clone().into()),
        };
        if let Some(d) = date(&self.end) {
            o.insert("end".into(), d.into());
        }
        let (title, title_links) = html::to_text(&self.headline);
        let (text, text_links) = html::to_text(&self.text);
        for l in title_links.into_iter().chain(text_links) {
            links.push(json!({ "url": l.url, "text": l.text }));
        }
        let title = if title.is_empty() {
            text.chars().take(80).collect::<String>()
        } else {
            title
        };
        o.insert(
            "title".into(),
            if title.is_empty() {
                "Untitled event".to_string()
            } else {
                title
            }
            .into(),
        );
        if !text.is_empty() {
            o.insert("summary".into(), text.into());
        }
        o.insert("kind".into(), kind.into());
        let media = self.media.trim();
        if media.starts_with("https://") || media.starts_with("http://") {
            let caption = html::to_text(&self.caption).0;
            links.push(json!({
                "url": media,
                "text": if caption.is_empty() { "Media".to_string() } else { format!("Media: {caption}") },
            }));
        }
        let mut note = Vec::new();
        if !self.display_date.trim().is_empty() {
            note.push(format!(
                "Dated “{}” in the original.",
                html::to_text(&self.display_date).0
            ));
        }
        let credit = html::to_text(&self.credit).0;
        if !credit.is_empty() {
            note.push(format!("Media credit: {credit}."));
        }
        if !note.is_empty() {
            o.insert("note".into(), note.join(" ").into());
        }
        if !links.is_empty() {
            o.insert("links".into(), Value::Array(links));
        }
        Value::Object(o)
    }

    fn kind(&self) -> &str {
        if self.group.trim().is_empty() {
            crate::category::UNCATEGORISED
        } else {
            self.group.trim()
        }
    }
}

fn date_parts(v: Option<&Value>) -> [String; 3] {
    [
        cell(v.and_then(|d| d.get("year"))),
        cell(v.and_then(|d| d.get("month"))),
        cell(v.and_then(|d| d.get("day"))),
    ]
}

fn slide_of(v: &Value) -> Slide {
    let text = v.get("text");
    let media = v.get("media");
    Slide {
        id: cell(v.get("unique_id")),
        start: date_parts(v.get("start_date")),
        end: date_parts(v.get("end_date")),
        headline: cell(text.and_then(|t| t.get("headline"))),
        text: cell(text.and_then(|t| t.get("text"))),
        media: cell(media.and_then(|m| m.get("url"))),
        credit: cell(media.and_then(|m| m.get("credit"))),
        caption: cell(media.and_then(|m| m.get("caption"))),
        group: cell(v.get("group")),
        display_date: {
            let d = cell(v.get("display_date"));
            if d.is_empty() {
                cell(v.get("start_date").and_then(|s| s.get("display_date")))
            } else {
                d
            }
        },
    }
}

/// The title slide's headline and text → the dataset's title and description.
fn title_meta(meta: &mut Map<String, Value>, headline: &str, text: &str) {
    let h = html::to_text(headline).0;
    if !h.is_empty() {
        meta.insert("title".into(), h.into());
    }
    let t = html::to_text(text).0;
    if !t.is_empty() {
        meta.insert("description".into(), t.into());
    }
}

/// TimelineJS3 JSON.
pub(crate) fn open_json(root: &Value) -> Incremental {
    let mut meta = Map::new();
    if let Some(t) = root.get("title").and_then(|t| t.get("text")) {
        title_meta(&mut meta, &cell(t.get("headline")), &cell(t.get("text")));
    }
    let mut values = Vec::new();
    for v in root
        .get("events")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if v.is_object() {
            let s = slide_of(v);
            values.push(s.entry(s.kind()));
        } else {
            values.push(v.clone());
        }
    }
    for era in root
        .get("eras")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        values.push(slide_of(era).entry("Era"));
    }
    Incremental::from_values(&meta, values, Format::TimelineJs).with_naming(Naming {
        rows: RowNumbers::None,
        columns: named(&[
            ("id", "unique_id"),
            ("date", "start_date"),
            ("end", "end_date"),
            ("title", "text.headline"),
            ("summary", "text.text"),
            ("kind", "group"),
            ("links", "media"),
        ]),
    })
}

fn named(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    pairs.iter().map(|&(f, c)| (f, c.to_string())).collect()
}

/// TimelineJS3's sheet as CSV: rows of (lower-cased column, cell).
pub(crate) fn open_sheet(
    meta: &Map<String, Value>,
    rows: Vec<Vec<(String, String)>>,
) -> Incremental {
    let mut meta = meta.clone();
    let mut values = Vec::new();
    let mut numbers = Vec::new();
    for (i, row) in rows.into_iter().enumerate() {
        let get = |k: &str| {
            row.iter()
                .find(|(h, _)| h == k)
                .map(|(_, v)| v.trim().to_string())
                .unwrap_or_default()
        };
        if row.iter().all(|(_, v)| v.trim().is_empty()) {
            continue;
        }
        let kind = get("type").to_ascii_lowercase();
        if kind == "title" {
            title_meta(&mut meta, &get("headline"), &get("text"));
            continue;
        }
        let s = Slide {
            id: String::new(),
            start: [get("year"), get("month"), get("day")],
            end: [get("end year"), get("end month"), get("end day")],
            headline: get("headline"),
            text: get("text"),
            media: get("media"),
            credit: get("media credit"),
            caption: get("media caption"),
            group: get("group"),
            display_date: get("display date"),
        };
        values.push(s.entry(if kind == "era" { "Era" } else { s.kind() }));
        // The header is row 1.
        numbers.push(i + 2);
    }
    Incremental::from_values(&meta, values, Format::TimelineJsSheet).with_naming(Naming {
        rows: RowNumbers::List(numbers),
        columns: named(&[
            ("date", "Year, Month, Day"),
            ("end", "End Year, End Month, End Day"),
            ("title", "Headline"),
            ("summary", "Text"),
            ("kind", "Group"),
            ("links", "Media"),
        ]),
    })
}
