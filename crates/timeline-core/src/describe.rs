//! The chart in words: a short summary read before the chart (it follows the
//! filters), and what the live region announces — the result of a filter,
//! loading progress, presenter steps. Pure text from the data; the app shows it.

use crate::date::year_label;
use crate::model::Dataset;
use crate::stats::Stats;

/// "Showing 31 of 65 events, 2001–2012": the count and the span.
pub fn count_line(ds: &Dataset, shown: &[usize]) -> String {
    let total = ds.events.len();
    let n = shown.len();
    // The latest end day is the latest end year's (days, not the events, and
    // only the last few: the shown are in order of their first day).
    let latest = ds.latest_end(shown).map(|(_, i)| i);
    let years = match (
        shown.first(),
        latest.map(|i| ds.events[i].end.unwrap_or(ds.events[i].date).year()),
    ) {
        (Some(&first), Some(last)) => {
            let a = ds.events[first].date.year();
            if a == last {
                format!(", {}", year_label(a))
            } else {
                format!(", {}–{}", year_label(a), year_label(last))
            }
        }
        _ => String::new(),
    };
    format!("Showing {} of {}{years}", group(n), count_events(total))
}

/// "Busiest year: 2004 (9 events). Most named state: Russia (named in 14 events)." —
/// empty when nothing is shown. Each is named only when it is so: see [`leaders`].
pub fn highlights(ds: &Dataset, shown: &[usize]) -> String {
    highlights_of(&Stats::compute(ds, shown))
}

/// Who leads a count, honestly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Leaders<T> {
    /// One has strictly more than every other.
    One(T, usize),
    /// Two or three share the top, and some have fewer: all of them, in order.
    Tied(Vec<T>, usize),
    /// Nothing to name: fewer than two counted, more than three share the top,
    /// or every one counted is tied.
    None,
}

/// The leaders of `counts` (in their order; zeros are not counted): one only
/// when it has strictly more than every other — never a winner made up from a
/// tie, and never of one alone (a single year is not the "busiest").
pub fn leaders<T: Clone>(counts: impl IntoIterator<Item = (T, usize)>) -> Leaders<T> {
    let counted: Vec<(T, usize)> = counts.into_iter().filter(|(_, n)| *n > 0).collect();
    let top = counted.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let at_top: Vec<T> = counted
        .iter()
        .filter(|(_, n)| *n == top)
        .map(|(t, _)| t.clone())
        .collect();
    match at_top.len() {
        _ if counted.len() < 2 => Leaders::None,
        1 => Leaders::One(at_top[0].clone(), top),
        2 | 3 if at_top.len() < counted.len() => Leaders::Tied(at_top, top),
        _ => Leaders::None,
    }
}

/// [`highlights`] from statistics already computed (the shell computes them
/// once per data and filter, for the summary and the statistics panel; the
/// static first view written at build time says the same).
pub fn highlights_of(stats: &Stats) -> String {
    let mut out = Vec::new();
    let years = stats.years.iter().map(|y| (year_label(y.year), y.total()));
    match leaders(years) {
        Leaders::One(year, n) => out.push(format!("Busiest year: {year} ({}).", count_events(n))),
        Leaders::Tied(years, n) => out.push(format!(
            "Busiest years: {} ({} each).",
            years.join(", "),
            count_events(n)
        )),
        Leaders::None => {}
    }
    let states = stats
        .countries
        .iter()
        .map(|(_, name, n)| (name.clone(), *n));
    match leaders(states) {
        Leaders::One(name, n) => out.push(format!(
            "Most named state: {name} (named in {}).",
            count_events(n)
        )),
        Leaders::Tied(names, n) => out.push(format!(
            "Most named states: {} (named in {} each).",
            names.join(", "),
            count_events(n)
        )),
        Leaders::None => {}
    }
    out.join(" ")
}

/// The summary before the chart: count, span and highlights.
pub fn summary(ds: &Dataset, shown: &[usize]) -> String {
    let h = highlights(ds, shown);
    if h.is_empty() {
        format!("{}.", count_line(ds, shown))
    } else {
        format!("{}. {h}", count_line(ds, shown))
    }
}

/// What a country's chip counts, in words: the events its click shows and, of
/// them, how many name it — the figure the statistics and the summary give —
/// and how many are SCO-wide events that count for every member state:
/// "43 events: 21 naming Russia, 22 SCO-wide".
pub fn country_count(name: &str, shows: usize, named: usize) -> String {
    let wide = shows.saturating_sub(named);
    if wide == 0 {
        format!("{}, all naming {name}", count_events(shows))
    } else {
        format!(
            "{}: {} naming {name}, {} SCO-wide",
            count_events(shows),
            group(named.min(shows)),
            group(wide)
        )
    }
}

/// What a dashed band of uncertainty means, for an event drawn as one: its
/// source names the month or the year, not the day, and the band spans it.
pub fn band_note(e: &crate::model::Event) -> &'static str {
    let d = e.end.unwrap_or(e.date);
    if e.date.month().is_none() || d.month().is_none() {
        "Dashed: the source gives the year, not the day"
    } else {
        "Dashed: the source gives the month, not the day"
    }
}

/// An event in words: "Attack: Beslan, September 2004, Russia" (the name of
/// its mark, its outline entry and its presenter step).
pub fn event_label(ds: &Dataset, e: &crate::model::Event) -> String {
    let names: Vec<&str> = e.countries.iter().map(|c| ds.country_name(c)).collect();
    let where_ = if names.is_empty() && e.scope == crate::model::Scope::Organisation {
        "SCO-wide".to_string()
    } else if names.is_empty() {
        "no country given".to_string()
    } else {
        names.join(", ")
    };
    format!(
        "{}: {}, {}, {}",
        ds.category(e.kind).label,
        e.title,
        e.date_label(),
        where_
    )
}

/// A presenter step: "Event 3 of 31: Attack: Beslan, September 2004, Russia".
pub fn step_line(position: usize, of: usize, label: &str) -> String {
    format!("Event {} of {}: {label}", group(position), group(of))
}

/// Loading progress in quarters (0–4), so that a screen reader hears a few
/// steps, not every batch.
pub fn quarter(done: usize, total: usize) -> usize {
    (done * 4).checked_div(total).unwrap_or(0).min(4)
}

/// "Reading big.json: 50% of 100,000 entries".
pub fn progress_line(name: &str, done: usize, total: usize) -> String {
    format!(
        "Reading {name}: {}% of {} entries",
        quarter(done, total) * 25,
        group(total)
    )
}

/// "1 event", "9 events", "100,000 events".
pub fn count_events(n: usize) -> String {
    if n == 1 {
        "1 event".into()
    } else {
        format!("{} events", group(n))
    }
}

pub use crate::text::group;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{load_json, BUILTIN_DATASET};

    #[test]
    fn the_summary_follows_the_filter() {
        let ds = load_json(BUILTIN_DATASET).dataset;
        let all: Vec<usize> = (0..ds.events.len()).collect();
        let s = summary(&ds, &all);
        assert!(
            s.starts_with(&format!(
                "Showing {0} of {0} events, 2001–",
                ds.events.len()
            )),
            "{s}"
        );
        assert!(s.contains("Busiest year: "), "{s}");
        assert!(s.contains("Most named state: "), "{s}");
        // Only Kyrgyzstan's events: the most named state is Kyrgyzstan.
        let kg: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&i| ds.events[i].countries.iter().any(|c| c == "KG"))
            .collect();
        let s = summary(&ds, &kg);
        assert!(s.contains("Most named state: Kyrgyzstan"), "{s}");
        // A chip's click (its SCO-wide events too): one year and one state lead
        // (the browser's tests read these summaries).
        for code in ["KG", "UZ"] {
            let f = crate::Filter {
                countries: Some([code.to_string()].into()),
                ..crate::Filter::default()
            };
            let s = summary(&ds, &f.apply(&ds));
            assert!(
                s.contains("Busiest year: ") && s.contains("Most named state: "),
                "{s}"
            );
        }
        assert_eq!(
            summary(&ds, &[]),
            format!("Showing 0 of {}.", count_events(ds.events.len()))
        );
    }

    #[test]
    fn a_chip_count_says_what_it_counts_and_agrees_with_the_statistics() {
        let ds = load_json(BUILTIN_DATASET).dataset;
        let counts = crate::Filter::default().facet_counts(&ds);
        let all: Vec<usize> = (0..ds.events.len()).collect();
        let stats = Stats::compute(&ds, &all);
        for (code, name, n) in &stats.countries {
            // The chip's "naming" figure is the statistics' figure for the same state.
            assert_eq!(counts.named[code], *n, "{code}");
            let text = country_count(name, counts.countries[code], counts.named[code]);
            assert!(
                text.contains(&format!("{n} naming {name}"))
                    || text == format!("{}, all naming {name}", count_events(*n)),
                "{text}"
            );
        }
        // Russia: the chip shows more than the events naming it; the rest are SCO-wide.
        let (shows, named) = (counts.countries["RU"], counts.named["RU"]);
        assert!(shows > named);
        assert_eq!(
            country_count("Russia", shows, named),
            format!(
                "{shows} events: {named} naming Russia, {} SCO-wide",
                shows - named
            )
        );
        assert_eq!(
            country_count("Belarus", 2, 2),
            "2 events, all naming Belarus"
        );
        let h = highlights(&ds, &all);
        assert!(h.contains(&format!("(named in {named} events)")), "{h}");
    }

    /// A dataset of one attack a date (each naming `countries[i]`).
    fn tied(dates: &[&str], countries: &[&str]) -> Dataset {
        let events: Vec<String> = dates
            .iter()
            .zip(countries)
            .enumerate()
            .map(|(i, (d, c))| format!(r#"{{"id":"e{i}","kind":"incident","title":"E{i}","date":"{d}","countries":["{c}"],"summary":"s","source":{{"document":"x","section":"y"}}}}"#))
            .collect();
        let text = format!(
            r#"{{"countries":[{{"code":"RU","name":"Russia","status":"member"}},{{"code":"CN","name":"China","status":"member"}},{{"code":"KZ","name":"Kazakhstan","status":"member"}},{{"code":"KG","name":"Kyrgyzstan","status":"member"}}],"events":[{}]}}"#,
            events.join(",")
        );
        let l = crate::load_json(&text);
        assert!(l.problems.is_empty(), "{:?}", l.problems);
        l.dataset
    }

    fn all(ds: &Dataset) -> Vec<usize> {
        (0..ds.events.len()).collect()
    }

    #[test]
    fn no_busiest_year_nor_most_named_state_is_made_up_from_a_tie() {
        // Every year one event, every state named once: nothing leads.
        let ds = tied(
            &["2001-01-01", "2003-01-01", "2005-01-01", "2009-01-01"],
            &["RU", "CN", "KZ", "KG"],
        );
        assert_eq!(highlights(&ds, &all(&ds)), "");
        assert_eq!(summary(&ds, &all(&ds)), "Showing 4 of 4 events, 2001–2009.");
        // One year only, one state only: no "busiest" of one.
        let ds = tied(&["2004-01-01", "2004-05-01"], &["RU", "RU"]);
        assert_eq!(highlights(&ds, &all(&ds)), "");
        // Two years tied at the top, one below: the tie named as such.
        let ds = tied(
            &[
                "2005-01-01",
                "2005-02-01",
                "2007-01-01",
                "2009-01-01",
                "2009-03-01",
            ],
            &["RU", "CN", "RU", "CN", "KZ"],
        );
        assert_eq!(
            highlights(&ds, &all(&ds)),
            "Busiest years: 2005, 2009 (2 events each). Most named states: China, Russia (named in 2 events each)."
        );
        // A strict leader is named.
        let ds = tied(
            &["2005-01-01", "2005-02-01", "2007-01-01"],
            &["RU", "RU", "CN"],
        );
        assert_eq!(
            highlights(&ds, &all(&ds)),
            "Busiest year: 2005 (2 events). Most named state: Russia (named in 2 events)."
        );
        // Four tied at the top: nothing named.
        assert_eq!(
            leaders([("a", 3), ("b", 3), ("c", 3), ("d", 3), ("e", 1)]),
            Leaders::None
        );
        assert_eq!(leaders([("a", 3), ("b", 0)]), Leaders::None);
        assert_eq!(leaders([("a", 3), ("b", 1)]), Leaders::One("a", 3));
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1,000");
        assert_eq!(group(100000), "100,000");
        assert_eq!(group(1234567), "1,234,567");
        assert_eq!(quarter(0, 0), 0);
        assert_eq!(quarter(50, 100), 2);
        assert_eq!(quarter(100, 100), 4);
        assert_eq!(
            progress_line("a.json", 30_000, 100_000),
            "Reading a.json: 25% of 100,000 entries"
        );
        assert_eq!(step_line(3, 31, "Attack: X"), "Event 3 of 31: Attack: X");
    }
}
