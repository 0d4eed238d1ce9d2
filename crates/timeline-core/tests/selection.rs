//! A filter decided per class (`filter::Selection`): the chart's lanes read
//! off the events' bits and the statistics summed per class and year equal
//! what the shown events give one by one (`layout::lane_members`,
//! `Stats::compute` over `Filter::apply`), for every chip, kind and
//! combination tried, over datasets of many sizes, with the builtin one.
use std::collections::BTreeSet;
use timeline_core::chart::{ChartBase, Frame};
use timeline_core::layout::{lane_members, lane_members_selected, Grouping};
use timeline_core::scale::Window;
use timeline_core::stats::Stats;
use timeline_core::{load_json, Dataset, Filter, BUILTIN_DATASET};

fn datasets() -> Vec<Dataset> {
    let mut out: Vec<Dataset> = [
        (0, 1),
        (1, 2),
        (63, 3),
        (64, 4),
        (65, 5),
        (3000, 6),
        (9000, 7),
    ]
    .into_iter()
    .map(|(n, seed)| load_json(&timeline_core::synth::generate(n, seed)).dataset)
    .collect();
    out.push(load_json(BUILTIN_DATASET).dataset);
    out
}

/// No filter, none, each country, each kind, pairs, a country with a kind, all.
fn filters(ds: &Dataset) -> Vec<Filter> {
    let set = |xs: &[&String]| Some(xs.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>());
    let cs: Vec<&String> = ds.meta.countries.iter().map(|c| &c.code).collect();
    let ks: Vec<&String> = ds.meta.categories.iter().map(|c| &c.id).collect();
    let mut out = vec![
        Filter::default(),
        Filter {
            countries: Some(BTreeSet::new()),
            ..Filter::default()
        },
        Filter {
            kinds: Some(BTreeSet::new()),
            ..Filter::default()
        },
        Filter {
            countries: set(&cs),
            kinds: set(&ks),
            ..Filter::default()
        },
    ];
    for (j, c) in cs.iter().enumerate() {
        out.push(Filter {
            countries: set(&[c]),
            ..Filter::default()
        });
        let other = cs[(j + 3) % cs.len()];
        out.push(Filter {
            countries: set(&[c, other]),
            kinds: set(&ks[j % ks.len().max(1)..][..ks.len().min(1)]),
            ..Filter::default()
        });
    }
    for (j, k) in ks.iter().enumerate() {
        out.push(Filter {
            kinds: set(&[k]),
            ..Filter::default()
        });
        out.push(Filter {
            kinds: set(&[k, ks[(j + 1) % ks.len()]]),
            ..Filter::default()
        });
    }
    out
}

#[test]
fn lanes_and_statistics_of_a_selection_equal_those_of_the_shown() {
    let frame = Frame::page(1280.0, 16.0);
    for ds in datasets() {
        let fit = ds
            .span()
            .map_or(Window::new(0.0, 1.0), |(a, b)| Window::fit(a, b));
        for f in filters(&ds) {
            let shown = f.apply(&ds);
            let sel = f
                .selection(&ds)
                .expect("no dates, no text: decided per class");
            let what = format!("{} events, {f:?}", ds.events.len());
            assert_eq!(
                lane_members_selected(&ds, &sel, Grouping::Kind).expect("by kind"),
                lane_members(&ds, &shown, Grouping::Kind),
                "lanes: {what}"
            );
            assert_eq!(
                Stats::of_selection(&ds, &sel).expect("a table"),
                Stats::compute(&ds, &shown),
                "statistics: {what}"
            );
            assert_eq!(
                ChartBase::selected(&ds, &shown, Some(&sel), Grouping::Kind, fit, &frame),
                ChartBase::new(&ds, &shown, Grouping::Kind, fit, &frame),
                "base: {what}"
            );
        }
    }
}

#[test]
fn dates_or_text_are_not_decided_per_class_and_country_lanes_walk_the_shown() {
    let ds = load_json(BUILTIN_DATASET).dataset;
    let text = Filter {
        text: "moscow".into(),
        ..Filter::default()
    };
    assert_eq!(text.selection(&ds), None);
    let dated = Filter {
        from: Some(timeline_core::PartialDate::parse("2005").unwrap()),
        ..Filter::default()
    };
    assert_eq!(dated.selection(&ds), None);
    let sel = Filter::default().selection(&ds).unwrap();
    assert_eq!(lane_members_selected(&ds, &sel, Grouping::Country), None);
    // Another dataset's selection is not read against this one (nor panics).
    let other = load_json(&timeline_core::synth::generate(3000, 6)).dataset;
    let theirs = Filter::default().selection(&other).unwrap();
    assert_ne!(theirs.shows.len(), sel.shows.len());
    assert_eq!(Stats::of_selection(&ds, &theirs), None);
    assert_eq!(lane_members_selected(&ds, &theirs, Grouping::Kind), None);
}
