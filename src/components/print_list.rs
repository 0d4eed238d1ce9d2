use std::rc::Rc;
use timeline_core::Dataset;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct PrintListProps {
    pub dataset: Rc<Dataset>,
    pub shown: Rc<Vec<usize>>,
    /// The active filters in words.
    pub filters: String,
}

/// Most rows printed; beyond that the page says how many were left out.
const MAX_ROWS: usize = 2000;

/// Only on paper (styles: @media print): the filters and the list of events shown.
/// A plain function (no state of its own: no component's lifecycle code).
pub fn print_list(props: &PrintListProps) -> Html {
    let ds = &props.dataset;
    html! {
        <section class="print-only" aria-hidden="true">
            <p class="print-filters">{ format!("{} — {} of {}", props.filters, props.shown.len(), timeline_core::describe::count_events(ds.events.len())) }</p>
            <table class="print-table">
                <thead><tr><th>{ "Date" }</th><th>{ "Kind" }</th><th>{ "Event" }</th><th>{ "Countries" }</th><th>{ "Source" }</th></tr></thead>
                <tbody>
                { for props.shown.iter().take(MAX_ROWS).map(|&i| {
                    let e = &ds.events[i];
                    let names: Vec<&str> = e.countries.iter().map(|c| ds.country_name(c)).collect();
                    let src = e.sources.first().map(|s| s.section.clone()).unwrap_or_default();
                    html! { <tr><td>{ e.date_label() }</td><td>{ ds.category(e.kind).label.clone() }</td><td>{ format!("{} — {}", e.title, e.summary) }if let Some(n) = &e.note { <br /><em>{ format!("Note: {n}") }</em> }</td><td>{ names.join(", ") }</td><td>{ src }</td></tr> }
                }) }
                </tbody>
            </table>
            if props.shown.len() > MAX_ROWS {
                <p>{ format!("… and {} more events, not printed.", props.shown.len() - MAX_ROWS) }</p>
            }
        </section>
    }
}
