//! Filter semantics (AND across facets, OR within one) and facet counts, on a fixture.

use std::collections::{BTreeMap, BTreeSet};
use timeline_core::{load_json, Dataset, Filter, PartialDate};

fn ds() -> Dataset {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/small.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let loaded = load_json(&text);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.dataset
}

fn ids(ds: &Dataset, f: &Filter) -> Vec<String> {
    f.apply(ds)
        .into_iter()
        .map(|i| ds.events[i].id.clone())
        .collect()
}

fn set<T: Ord + Clone>(xs: &[T]) -> Option<BTreeSet<T>> {
    Some(xs.iter().cloned().collect())
}

fn codes(xs: &[&str]) -> Option<BTreeSet<String>> {
    Some(xs.iter().map(|s| s.to_string()).collect())
}

#[test]
fn filter_cases() {
    let ds = ds();
    let d = |s: &str| Some(PartialDate::parse(s).unwrap());
    let cases: Vec<(&str, Filter, Vec<&str>)> = vec![
        (
            "no filter shows all, in time order",
            Filter::default(),
            vec![
                "ru-2004",
                "ex-2005",
                "treaty-2007",
                "cn-2009",
                "kz-2010",
                "by-2011",
            ],
        ),
        (
            "one member: its events and organisation-wide ones",
            Filter {
                countries: codes(&["KZ"]),
                ..Filter::default()
            },
            vec!["treaty-2007", "kz-2010", "by-2011"],
        ),
        (
            "two countries are OR",
            Filter {
                countries: codes(&["RU", "CN"]),
                ..Filter::default()
            },
            vec!["ru-2004", "ex-2005", "treaty-2007", "cn-2009", "by-2011"],
        ),
        (
            "a partner alone: only what names it",
            Filter {
                countries: codes(&["BY"]),
                ..Filter::default()
            },
            vec!["by-2011"],
        ),
        (
            "none selected shows nothing",
            Filter {
                countries: codes(&[]),
                ..Filter::default()
            },
            vec![],
        ),
        (
            "kinds are OR",
            Filter {
                kinds: set(&["exercise".to_string(), "document".to_string()]),
                ..Filter::default()
            },
            vec!["ex-2005", "treaty-2007", "kz-2010"],
        ),
        (
            "facets are AND",
            Filter {
                countries: codes(&["RU"]),
                kinds: set(&["incident".to_string()]),
                ..Filter::default()
            },
            vec!["ru-2004"],
        ),
        (
            "date range overlaps, month precision counts whole",
            Filter {
                from: d("2009-07-31"),
                to: d("2010-09-09"),
                ..Filter::default()
            },
            vec!["cn-2009", "kz-2010"],
        ),
        (
            "year bounds",
            Filter {
                from: d("2005"),
                to: d("2007"),
                ..Filter::default()
            },
            vec!["ex-2005", "treaty-2007"],
        ),
        (
            "text in title, summary or places, case-insensitive, all words",
            Filter {
                text: "  peace MISSION vladivostok ".into(),
                ..Filter::default()
            },
            vec!["ex-2005"],
        ),
        (
            "text in places",
            Filter {
                text: "xinjiang".into(),
                ..Filter::default()
            },
            vec!["cn-2009"],
        ),
        (
            "text matches nothing",
            Filter {
                text: "beslan".into(),
                ..Filter::default()
            },
            vec![],
        ),
    ];
    for (name, f, want) in cases {
        assert_eq!(ids(&ds, &f), want, "{name}");
        for &i in &f.apply(&ds) {
            assert!(f.matches(&ds, i), "{name}: matches() agrees with apply()");
        }
    }
}

#[test]
fn facet_counts_ignore_their_own_facet() {
    let ds = ds();
    let f = Filter {
        countries: codes(&["KZ"]),
        kinds: set(&["exercise".to_string()]),
        ..Filter::default()
    };
    let c = f.facet_counts(&ds);
    // Countries counted under the kind filter (exercises only), ignoring the country selection.
    let want_countries: BTreeMap<String, usize> = [("BY", 0), ("CN", 1), ("KZ", 1), ("RU", 1)]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    assert_eq!(c.countries, want_countries);
    // Kinds counted under the country filter (KZ and organisation-wide), ignoring the kind selection.
    let want_kinds = BTreeMap::from([
        ("incident".to_string(), 0),
        ("exercise".to_string(), 1),
        ("statement".to_string(), 1),
        ("document".to_string(), 1),
    ]);
    assert_eq!(c.kinds, want_kinds);
}

#[test]
fn facet_count_of_a_chip_equals_what_choosing_it_shows() {
    let ds = ds();
    let base = Filter {
        text: "".into(),
        kinds: set(&[
            "incident".to_string(),
            "statement".to_string(),
            "document".to_string(),
        ]),
        ..Filter::default()
    };
    let counts = base.facet_counts(&ds);
    for (code, n) in &counts.countries {
        let chosen = Filter {
            countries: codes(&[code]),
            ..base.clone()
        };
        assert_eq!(chosen.apply(&ds).len(), *n, "country {code}");
    }
    for (kind, n) in &counts.kinds {
        let chosen = Filter {
            kinds: set(std::slice::from_ref(kind)),
            ..base.clone()
        };
        assert_eq!(chosen.apply(&ds).len(), *n, "kind {kind:?}");
    }
}

#[test]
fn facet_counts_match_what_each_chip_shows_on_synthetic_data() {
    let ds = load_json(&timeline_core::synth::generate(3000, 5)).dataset;
    let filters = [
        Filter::default(),
        Filter {
            kinds: set(&["incident".to_string(), "statement".to_string()]),
            ..Filter::default()
        },
        Filter {
            countries: codes(&["MN", "RU"]),
            text: "moscow".into(),
            ..Filter::default()
        },
        Filter {
            from: PartialDate::parse("2005-06").ok(),
            to: PartialDate::parse("2008").ok(),
            ..Filter::default()
        },
    ];
    for base in filters {
        let counts = base.facet_counts(&ds);
        // The one pass the app makes gives both.
        assert_eq!(base.apply_counted(&ds), (base.apply(&ds), counts.clone()));
        for (code, n) in &counts.countries {
            assert_eq!(
                Filter {
                    countries: codes(&[code]),
                    ..base.clone()
                }
                .apply(&ds)
                .len(),
                *n,
                "{code} under {base:?}"
            );
        }
        for (kind, n) in &counts.kinds {
            assert_eq!(
                Filter {
                    kinds: set(std::slice::from_ref(kind)),
                    ..base.clone()
                }
                .apply(&ds)
                .len(),
                *n,
                "{kind:?} under {base:?}"
            );
        }
    }
}

/// A filter without dates or text is decided per class of events (set of
/// countries, scope, kind: `brief::Classes`): the same shown and counts as
/// the pass over every event's columns (a date range that leaves nothing
/// out) and the pass event by event (a word every synthetic event has).
#[test]
fn filters_decided_per_class_show_and_count_as_the_passes_over_events() {
    let datasets = [
        load_json(&timeline_core::synth::generate(3000, 5)).dataset,
        load_json(&timeline_core::synth::generate(20_000, 11)).dataset,
        load_json(timeline_core::BUILTIN_DATASET).dataset,
        ds(),
    ];
    for ds in &datasets {
        assert!(ds.classes().is_some());
        // The shown read off the events' bits (64 at a time), held to the pass event by event below.
        assert!(ds.event_bits().is_some());
        let codes_of: Vec<String> = ds.meta.countries.iter().map(|c| c.code.clone()).collect();
        let kinds_of: Vec<String> = ds.meta.categories.iter().map(|c| c.id.clone()).collect();
        let mut filters = vec![Filter::default()];
        for (n, code) in codes_of.iter().enumerate() {
            let two = [code.clone(), codes_of[(n * 7 + 3) % codes_of.len()].clone()];
            filters.push(Filter {
                countries: set(&two[..1]),
                ..Filter::default()
            });
            filters.push(Filter {
                countries: set(&two),
                kinds: set(&kinds_of[n % kinds_of.len()..][..1]),
                ..Filter::default()
            });
        }
        filters.push(Filter {
            countries: Some(BTreeSet::new()),
            ..Filter::default()
        });
        filters.push(Filter {
            kinds: set(&kinds_of[1..]),
            ..Filter::default()
        });
        for f in filters {
            let got = f.apply_counted(ds);
            let by_event: Vec<usize> = (0..ds.events.len()).filter(|&i| f.matches(ds, i)).collect();
            assert_eq!(got.0, by_event, "{f:?}");
            let dated = Filter {
                from: PartialDate::parse("1000").ok(),
                ..f.clone()
            };
            assert_eq!(dated.apply_counted(ds), got, "{f:?}");
            if ds.events.iter().all(|e| e.summary.contains("generated")) {
                let searched = Filter {
                    text: "generated".into(),
                    ..f.clone()
                };
                assert_eq!(searched.apply_counted(ds), got, "{f:?}");
            }
        }
    }
}

/// A click sequence on the chips, from a fresh page, and what the view shows after each click.
#[test]
fn chip_clicks_select_add_remove_and_clear() {
    let ds = ds();
    let mut f = Filter::default();
    // (chip clicked, selection after, events shown after)
    type Step<'a> = (&'a str, Option<&'a [&'a str]>, Vec<&'a str>);
    let steps: Vec<Step> = vec![
        // First click on a member state: that state and the organisation-wide events.
        (
            "KZ",
            Some(&["KZ"]),
            vec!["treaty-2007", "kz-2010", "by-2011"],
        ),
        // A second state adds (OR).
        (
            "RU",
            Some(&["KZ", "RU"]),
            vec!["ru-2004", "ex-2005", "treaty-2007", "kz-2010", "by-2011"],
        ),
        // A selected chip clicked again leaves the selection.
        (
            "KZ",
            Some(&["RU"]),
            vec!["ru-2004", "ex-2005", "treaty-2007", "by-2011"],
        ),
        // The last one leaving: no country filter at all.
        (
            "RU",
            None,
            vec![
                "ru-2004",
                "ex-2005",
                "treaty-2007",
                "cn-2009",
                "kz-2010",
                "by-2011",
            ],
        ),
        // A partner shows only what names it.
        ("BY", Some(&["BY"]), vec!["by-2011"]),
    ];
    for (click, want_sel, want_ids) in steps {
        f.toggle_country(click);
        assert_eq!(
            f.countries,
            want_sel.map(|s| s.iter().map(|c| c.to_string()).collect()),
            "after {click}"
        );
        assert_eq!(ids(&ds, &f), want_ids, "after {click}");
        assert!(f.country_selected(click) == want_sel.is_some_and(|s| s.contains(&click)));
    }
    // From an old `c=none` link, a click selects that state.
    let mut f = Filter {
        countries: codes(&[]),
        ..Filter::default()
    };
    f.toggle_country("CN");
    assert_eq!(
        ids(&ds, &f),
        vec!["ex-2005", "treaty-2007", "cn-2009", "by-2011"]
    );
}

#[test]
fn kind_clicks_select_and_only_picks_one() {
    let ds = ds();
    let mut f = Filter::default();
    assert!(
        !f.kind_selected("exercise"),
        "nothing is pressed while kinds do not filter"
    );
    f.toggle_kind("exercise");
    assert_eq!(ids(&ds, &f), vec!["ex-2005", "kz-2010"]);
    f.toggle_kind("document");
    assert_eq!(ids(&ds, &f), vec!["ex-2005", "treaty-2007", "kz-2010"]);
    f.only_kind("document");
    assert_eq!(ids(&ds, &f), vec!["treaty-2007"]);
    f.toggle_kind("document");
    assert_eq!(f.kinds, None);
    assert_eq!(ids(&ds, &f).len(), 6);
}

/// The events' bits (`brief::EventBits`) select what a test of each event's
/// countries, scope and kind selects, for every mask of countries and kinds
/// tried (none, one, several, all, with and without the organisation-wide).
#[test]
fn event_bits_select_as_each_event_tested_does() {
    for (n, seed) in [
        (0, 1),
        (1, 2),
        (63, 3),
        (64, 4),
        (65, 5),
        (3000, 6),
        (20_000, 7),
    ] {
        let ds = load_json(&timeline_core::synth::generate(n, seed)).dataset;
        let bits = ds.event_bits().expect("bits");
        assert_eq!(bits.len(), ds.events.len());
        let nc = ds.meta.countries.len();
        let nk = ds.meta.categories.len();
        let mut country_masks = vec![None, Some(0u64), Some((1u64 << nc) - 1)];
        country_masks.extend((0..nc).map(|k| Some(1u64 << k)));
        country_masks.push(Some(0b101));
        let mut kind_masks = vec![None, Some(0u64), Some((1u64 << nk) - 1)];
        kind_masks.extend((0..nk).map(|k| Some(1u64 << k)));
        kind_masks.push(Some(0b110));
        for &cm in &country_masks {
            for organisation in [false, true] {
                for &km in &kind_masks {
                    let want: Vec<usize> = (0..ds.events.len())
                        .filter(|&i| {
                            let b = ds.brief(i);
                            let named = ds
                                .country_ids(i)
                                .iter()
                                .any(|&k| cm.is_some_and(|m| m >> k & 1 != 0));
                            let country = cm.is_none() || named || (organisation && b.organisation);
                            let kind = km.is_none_or(|m| m >> b.kind.index() & 1 != 0);
                            country && kind
                        })
                        .collect();
                    let got = bits.select(cm, organisation, km, want.len());
                    assert_eq!(
                        got, want,
                        "n {n} countries {cm:?} {organisation} kinds {km:?}"
                    );
                }
            }
        }
    }
}

/// Every kind's events selected in one pass (`EventBits::select_by_kind`)
/// are those `EventBits::select` gives kind by kind, for every mask tried.
#[test]
fn event_bits_select_by_kind_as_kind_by_kind() {
    for (n, seed) in [(0, 1), (1, 2), (63, 3), (64, 4), (65, 5), (3000, 6)] {
        let ds = load_json(&timeline_core::synth::generate(n, seed)).dataset;
        let bits = ds.event_bits().expect("bits");
        let (nc, nk) = (ds.meta.countries.len(), ds.meta.categories.len());
        let mut country_masks = vec![None, Some(0u64), Some((1u64 << nc) - 1), Some(0b101)];
        country_masks.extend((0..nc).map(|k| Some(1u64 << k)));
        let kind_masks = [
            None,
            Some(0u64),
            Some(1),
            Some(0b110),
            Some((1u64 << nk) - 1),
        ];
        for &cm in &country_masks {
            for organisation in [false, true] {
                for &km in &kind_masks {
                    let want: Vec<Vec<usize>> = (0..nk)
                        .map(|k| match km.is_none_or(|m| m >> k & 1 != 0) {
                            true => bits.select(cm, organisation, Some(1 << k), 0),
                            false => Vec::new(),
                        })
                        .collect();
                    let got = bits.select_by_kind(cm, organisation, km, &[]);
                    assert_eq!(
                        got, want,
                        "n {n} countries {cm:?} {organisation} kinds {km:?}"
                    );
                }
            }
        }
    }
}
