//! `note`, `related` and `quote_in`: validated entry by entry, fixture in, expected result out.

use timeline_core::model::QuoteIn;
use timeline_core::problem::ProblemKind as P;
use timeline_core::{load_json, Filter};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn notes_links_and_quote_copies_load_and_problems_name_entry_and_field() {
    let l = load_json(&fixture("notes_related.json"));
    let got: Vec<(Option<usize>, Option<String>, P)> = l
        .problems
        .iter()
        .map(|p| (p.entry_index(), p.field.clone(), p.kind))
        .collect();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        got,
        vec![
            (Some(3), s("note"), P::EmptyField),
            (Some(4), s("note"), P::WrongType),
            (Some(5), s("related[0]"), P::BadValue),
            (Some(6), s("related[1]"), P::BadValue),
            (Some(8), s("source.quote_in"), P::BadValue),
            (Some(9), s("source.quote_in"), P::BadValue),
            (Some(10), s("source.quote_in"), P::BadValue),
            // Found once every entry is read: the event stays, the link goes.
            (Some(2), s("related[0]"), P::BadValue),
            // "Not An Id" is read as the id "not-an-id", which no event has.
            (Some(7), s("related[0]"), P::BadValue),
        ],
        "{:#?}",
        l.problems
    );
    let msgs: Vec<String> = l.problems.iter().map(|p| p.to_string()).collect();
    assert!(msgs.contains(&"entry 2 (dangling), field `related[0]`: no event has the id \"no-such-event\" (the link is left out)".to_string()), "{msgs:#?}");
    assert!(
        msgs.iter()
            .any(|m| m.contains("the source \"plain\" lists no reading_copy")),
        "{msgs:#?}"
    );
    let ds = &l.dataset;
    let ids: Vec<&str> = ds.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["attack", "statement", "bad-link", "dangling"]);
    let st = ds.event("statement").unwrap();
    assert!(st
        .note
        .as_deref()
        .unwrap()
        .starts_with("Linked to the attack"));
    assert_eq!(st.sources[0].quote_in, Some(QuoteIn::ReadingCopy));
    assert_eq!(
        ds.event("attack").unwrap().sources[0].quote_in,
        Some(QuoteIn::File)
    );
    assert_eq!(ds.event("dangling").unwrap().related, ["attack"]);
    // Related in both directions, in time order.
    let at = |id: &str| ds.position(id).unwrap();
    let names = |id: &str| {
        ds.related(at(id))
            .iter()
            .map(|&i| ds.events[i].id.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(names("attack"), ["statement", "dangling"]);
    assert_eq!(names("statement"), ["attack"]);
    assert_eq!(names("dangling"), ["attack"]);
    // Notes are searchable.
    let f = Filter {
        text: "does not connect".into(),
        ..Filter::default()
    };
    assert_eq!(
        f.apply(ds)
            .into_iter()
            .map(|i| ds.events[i].id.as_str())
            .collect::<Vec<_>>(),
        ["statement"]
    );
}

#[test]
fn added_values_load_with_their_basis_and_bad_marks_name_entry_and_field() {
    use timeline_core::model::Basis;
    let l = load_json(&fixture("added.json"));
    let got: Vec<(Option<usize>, Option<String>, P)> = l
        .problems
        .iter()
        .map(|p| (p.entry_index(), p.field.clone(), p.kind))
        .collect();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        got,
        vec![
            (Some(2), s("added"), P::WrongType),
            (Some(3), s("added[0]"), P::WrongType),
            (Some(4), s("added[0].field"), P::BadValue),
            (Some(5), s("added[0].basis"), P::BadValue),
            (Some(6), s("added[0].text"), P::MissingField),
            (Some(6), s("added[1].text"), P::EmptyField),
        ],
        "{:#?}",
        l.problems
    );
    let msgs: Vec<String> = l.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        msgs.contains(&"entry 5 (unknown-basis), field `added[0].basis`: \"hearsay\" is not \"general_knowledge\" or \"inference\"".to_string()),
        "{msgs:#?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.contains("\"weather\" is not one of title, kind, date")),
        "{msgs:#?}"
    );
    // A value shown without its mark would pass for the source's: the entry is left out.
    let ds = &l.dataset;
    let ids: Vec<&str> = ds.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["unmarked", "marked"]);
    let e = ds.event("marked").unwrap();
    assert_eq!(
        e.added
            .iter()
            .map(|a| (a.field.as_str(), a.basis))
            .collect::<Vec<_>>(),
        [
            ("countries", Basis::GeneralKnowledge),
            ("date", Basis::Inference)
        ]
    );
    assert_eq!(
        e.added[0].describe(),
        "Countries — general knowledge: Russia: Nazran is a town in Ingushetia."
    );
    assert_eq!(
        e.added_mark(&["countries"]).as_deref(),
        Some("(not in the source: general knowledge)")
    );
    assert_eq!(
        e.added_mark(&["date", "countries"]).as_deref(),
        Some("(not in the source: general knowledge, inference)"),
        "each basis once, in the entry's order"
    );
    assert_eq!(e.added_mark(&["places", "title"]), None);
    assert!(ds.event("unmarked").unwrap().added.is_empty());
    // What was added is searchable.
    let f = Filter {
        text: "ingushetia".into(),
        ..Filter::default()
    };
    assert_eq!(f.apply(ds).len(), 1);
}
