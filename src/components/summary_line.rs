use std::rc::Rc;
use timeline_core::describe;
use timeline_core::Dataset;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryLineProps {
    pub dataset: Rc<Dataset>,
    pub shown: Rc<Vec<usize>>,
    /// With the busiest year and the most named state (else the count and span only).
    #[prop_or(true)]
    pub full: bool,
    #[prop_or_default]
    pub class: Classes,
}

/// "Showing 31 of 65 events, 2001–2012. Busiest year: 2004 (9 events). Most
/// named state: Russia (14 events)." — read before the chart, it follows the
/// filters (the live region announces the change: Announcer).
#[function_component(SummaryLine)]
pub fn summary_line(props: &SummaryLineProps) -> Html {
    let text = use_memo(
        (props.dataset.clone(), props.shown.clone(), props.full),
        |(ds, shown, full)| {
            let count = describe::count_line(ds, shown);
            if *full {
                (
                    format!("{count}."),
                    describe::highlights_of(&crate::stats_cache::stats_for(ds, shown)),
                )
            } else {
                (count, String::new())
            }
        },
    );
    // Two lines, the second kept even when empty: a filter never shifts the page.
    html! {
        <p class={classes!("summary", props.class.clone())} data-testid="summary">
            <span class="summary-count">{ text.0.clone() }</span>
            if props.full {
                { " " }<span class="summary-highlights">{ text.1.clone() }</span>
            }
        </p>
    }
}
