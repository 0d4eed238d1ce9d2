//! The caption of the current event in a frame (an embed, a slide): the
//! few lines that fit under the chart — kind, title, date, places,
//! casualties, a line of summary and a short source line. The full details
//! are one action away in the shell.

use crate::model::{Dataset, Event, Scope};

#[derive(Clone, Debug, PartialEq)]
pub struct Caption {
    pub kind: String,
    pub title: String,
    pub date: String,
    /// Places, else the countries, else "SCO-wide" / nothing.
    pub where_: Option<String>,
    pub casualties: Option<String>,
    pub summary: String,
    /// "Zhao Xiaodong, “High Frequency of Terrorist Activities”".
    pub source: Option<String>,
}

/// "300 killed, 20 wounded"; `None` when neither is known.
pub fn casualties_text(e: &Event) -> Option<String> {
    let c = e.casualties.as_ref()?;
    let parts: Vec<String> = [(c.killed, "killed"), (c.wounded, "wounded")]
        .into_iter()
        .filter_map(|(n, what)| n.map(|n| format!("{n} {what}")))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The caption of event `e`.
pub fn caption(ds: &Dataset, e: &Event) -> Caption {
    let where_ = if !e.places.is_empty() {
        Some(e.places.join("; "))
    } else if !e.countries.is_empty() {
        Some(
            e.countries
                .iter()
                .map(|c| ds.country_name(c))
                .collect::<Vec<_>>()
                .join(", "),
        )
    } else if e.scope == Scope::Organisation {
        Some("SCO-wide".to_string())
    } else {
        None
    };
    let source = e.sources.first().map(|s| {
        let doc = ds.source_doc(&s.document);
        let who = doc
            .and_then(|d| d.author.clone())
            .or_else(|| doc.map(|d| d.title.clone()))
            .unwrap_or_else(|| s.document.clone());
        // The last step of a section path ("Part › Chapter › Section") names it.
        match s.section.rsplit('›').next().map(str::trim) {
            Some(sec) if !sec.is_empty() => format!("{who}, “{sec}”"),
            _ => who,
        }
    });
    Caption {
        kind: ds.category(e.kind).label.clone(),
        title: e.title.clone(),
        date: e.date_label(),
        where_,
        casualties: casualties_text(e),
        summary: e.summary.clone(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{load_json, BUILTIN_DATASET};

    #[test]
    fn beslan_in_a_few_lines() {
        let ds = load_json(BUILTIN_DATASET).dataset;
        let c = caption(&ds, ds.event("beslan-2004").unwrap());
        assert_eq!(c.kind, "Attack");
        assert_eq!(c.title, "Beslan");
        assert_eq!(c.date, "September 2004");
        assert_eq!(c.where_.as_deref(), Some("Beslan"));
        assert_eq!(c.casualties.as_deref(), Some("300 killed"));
        let src = c.source.unwrap();
        assert!(src.starts_with("Zhao Xiaodong, “"), "{src}");
        assert!(!src.contains('›'), "{src}");
    }

    #[test]
    fn an_sco_wide_event_says_so() {
        let ds = load_json(BUILTIN_DATASET).dataset;
        let c = caption(&ds, ds.event("shanghai-convention-2001").unwrap());
        assert_eq!(c.where_.as_deref(), Some("SCO-wide"));
        assert_eq!(c.casualties, None);
    }
}
