use std::rc::Rc;
use timeline_core::Dataset;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryLineProps {
    pub dataset: Rc<Dataset>,
    pub shown: Rc<Vec<usize>>,
}

/// "Showing 31 of 65 events, 2001–2012", announced politely on change.
#[function_component(SummaryLine)]
pub fn summary_line(props: &SummaryLineProps) -> Html {
    let ds = &props.dataset;
    let total = ds.events.len();
    let n = props.shown.len();
    let years = match (
        props.shown.first(),
        props
            .shown
            .iter()
            .map(|&i| ds.events[i].end.unwrap_or(ds.events[i].date).year())
            .max(),
    ) {
        (Some(&first), Some(last)) => {
            let a = ds.events[first].date.year();
            let label = timeline_core::date::year_label;
            if a == last {
                format!(", {}", label(a))
            } else {
                format!(", {}–{}", label(a), label(last))
            }
        }
        _ => String::new(),
    };
    html! {
        <p class="summary" role="status" aria-live="polite" data-testid="summary">
            { format!("Showing {n} of {total} events{years}") }
        </p>
    }
}
