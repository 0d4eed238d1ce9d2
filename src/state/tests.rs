//! The reducer, natively.

use super::*;
use timeline_core::{load_json, BUILTIN_DATASET};

fn state(query: &str) -> Rc<AppState> {
    let l = load_json(BUILTIN_DATASET);
    Rc::new(AppState::new(
        Data::new(l.dataset, l.problems),
        timeline_core::urlstate::decode(query).state,
        vec![],
    ))
}

#[test]
fn a_window_change_never_refilters() {
    let s = state("c=KZ");
    let shown = s.shown.clone();
    for action in [
        Action::zoom(0.5, 0.3),
        Action::pan(0.2),
        Action::set_window(Window::new(2453006.0, 2453371.0)),
        Action::Restore(timeline_core::urlstate::decode("c=KZ&w=2004-01-01~2005-01-01").state),
    ] {
        let next = s.clone().reduce(action);
        assert!(
            Rc::ptr_eq(&next.shown, &shown),
            "the filtered set is reused, not recomputed"
        );
    }
    // A restored link with other filters does re-filter.
    let next = s.clone().reduce(Action::Restore(
        timeline_core::urlstate::decode("c=RU").state,
    ));
    assert!(!Rc::ptr_eq(&next.shown, &shown));
}

#[test]
fn one_esc_leaves_presenting_with_nothing_left_open() {
    let s = state("").reduce(Action::SetPresenting(true));
    assert!(s.presenting && s.view.selected.is_some());
    let s = s.reduce(Action::SetPresenting(false));
    assert!(!s.presenting);
    assert_eq!(s.view.selected, None, "no popover is left for a second Esc");
    // A frame keeps its current event (its caption) when the host ends presenting.
    let mut framed = (*state("")).clone();
    framed.embed.embed = true;
    let s = Rc::new(framed)
        .reduce(Action::SetPresenting(true))
        .reduce(Action::SetPresenting(false));
    assert!(s.view.selected.is_some());
}

#[test]
fn chips_select_and_clear() {
    let s = state("");
    let all = s.shown.len();
    let s = s.reduce(Action::ToggleCountry("KG".into()));
    assert!(s.shown.len() < all);
    assert_eq!(s.view.filter.countries, Some(["KG".to_string()].into()));
    let s = s.reduce(Action::SetCountries(None));
    assert_eq!(s.shown.len(), all);
}

#[test]
fn a_file_opened_starts_with_every_event_shown() {
    // Filters chosen for the built-in data (a state, a kind, a search, dates)…
    let s = state("c=RU&k=incident&q=Beslan&from=2004&to=2004&e=beslan-2004");
    assert!(s.shown.len() < s.data.dataset.events.len());
    let other = || {
        let l = load_json(BUILTIN_DATASET);
        Data::new(l.dataset, l.problems)
    };
    // …are not carried to a file the visitor opens: its events all show.
    let opened = s.clone().reduce(Action::DataLoaded {
        data: other(),
        source: "mine.json".into(),
        from_link: false,
    });
    assert_eq!(opened.view.filter, Filter::default());
    assert_eq!(opened.shown.len(), opened.data.dataset.events.len());
    assert_eq!(opened.view.selected, None);
    // A link's data keeps the view the link names.
    let linked = s.reduce(Action::DataLoaded {
        data: other(),
        source: "?data=".into(),
        from_link: true,
    });
    assert_eq!(
        linked.view.filter.countries,
        Some(["RU".to_string()].into())
    );
}
