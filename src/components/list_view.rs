use crate::state::Action;
use std::rc::Rc;
use timeline_core::Dataset;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ListViewProps {
    pub dataset: Rc<Dataset>,
    pub shown: Rc<Vec<usize>>,
    pub selected: Option<String>,
    pub dispatch: Callback<Action>,
}

#[derive(Clone, Copy, PartialEq)]
enum SortBy {
    Date,
    Kind,
    Country,
}

/// The accessible alternative to the chart: a table of the filtered events,
/// sortable by date, kind and country.
#[function_component(ListView)]
pub fn list_view(props: &ListViewProps) -> Html {
    let sort = use_state(|| (SortBy::Date, true));
    let ds = &props.dataset;
    let country_names = |i: usize| ds.events[i].countries.iter().map(|c| ds.country_name(c).to_string()).collect::<Vec<_>>().join(", ");
    let mut rows: Vec<usize> = props.shown.to_vec();
    let (by, asc) = *sort;
    match by {
        SortBy::Date => {}
        SortBy::Kind => rows.sort_by_key(|&i| ds.events[i].kind),
        SortBy::Country => rows.sort_by_key(|&i| { let n = country_names(i); (n.is_empty(), n) }),
    }
    if !asc {
        rows.reverse();
    }
    let header = |label: &'static str, key: SortBy| {
        let sort = sort.clone();
        let (cur, asc) = *sort;
        let aria = if cur == key { if asc { "ascending" } else { "descending" } } else { "none" };
        let onclick = Callback::from(move |_| sort.set((key, if cur == key { !asc } else { true })));
        html! {
            <th scope="col" aria-sort={aria}>
                <button class="sort" {onclick}>{ label }<span aria-hidden="true">{ if cur == key { if asc { " ▲" } else { " ▼" } } else { "" } }</span></button>
            </th>
        }
    };
    html! {
        <div class="list-view" data-testid="list">
            <table>
                <caption>{ format!("{} events", rows.len()) }</caption>
                <thead><tr>
                    { header("Date", SortBy::Date) }
                    { header("Kind", SortBy::Kind) }
                    <th scope="col">{ "Event" }</th>
                    { header("Country", SortBy::Country) }
                </tr></thead>
                <tbody>
                { for rows.into_iter().map(|i| {
                    let e = &ds.events[i];
                    let id = e.id.clone();
                    let sel = props.selected.as_deref() == Some(e.id.as_str());
                    let names = country_names(i);
                    html! {
                        <tr data-event-id={e.id.clone()} class={classes!(sel.then_some("selected"))}>
                            <td>{ e.date_label() }</td>
                            <td><span class={classes!("kind-tag", format!("k-{}", e.kind.as_str()))}>{ e.kind.label() }</span></td>
                            <td><button class="link-button row-open" aria-haspopup="dialog" onclick={props.dispatch.reform(move |_| Action::Select(Some(id.clone())))}>{ e.title.clone() }</button></td>
                            <td>{ if names.is_empty() { "SCO-wide".to_string() } else { names } }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </div>
    }
}
