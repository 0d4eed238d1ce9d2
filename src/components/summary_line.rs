use std::rc::Rc;
use timeline_core::describe;
use timeline_core::Dataset;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct SummaryLineProps {
    pub dataset: Rc<Dataset>,
    pub shown: Rc<Vec<usize>>,
    /// With the busiest year and the most named state (else the count and span only).
    pub full: bool,
    /// An extra class (`visually-hidden`), or "".
    pub class: &'static str,
}

/// "Showing 31 of 65 events, 2001–2012. Busiest year: 2004 (9 events). Most
/// named state: Russia (14 events)." — read before the chart, it follows the
/// filters (the live region announces the change: Announcer).
/// A plain function (no component's lifecycle code): the count is a line of
/// text, and the highlights come from the shared statistics (stats_cache).
pub fn summary_line(props: &SummaryLineProps) -> Html {
    let (ds, shown) = (&props.dataset, &props.shown);
    let count = crate::stats_cache::count_for(ds, shown);
    // Two lines, the second kept even when empty: a filter never shifts the page.
    html! {
        <p class={classes!("summary", (!props.class.is_empty()).then_some(props.class))} data-testid="summary">
            if props.full {
                <span class="summary-count">{ format!("{count}.") }</span>
                { " " }<span class="summary-highlights">{ describe::highlights_of(&crate::stats_cache::stats_for(ds, shown)) }</span>
            } else {
                <span class="summary-count">{ count.as_str() }</span>
            }
        </p>
    }
}
