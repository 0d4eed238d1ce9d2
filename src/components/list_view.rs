use crate::components::kind_symbol::{kind_class, kind_style};
use crate::state::Action;
use std::rc::Rc;
use timeline_core::fmt::px;
use timeline_core::order;
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

/// Height of one row in pixels (styles/main.css keeps rows to one line).
const ROW_PX: f64 = 34.0;
/// On a phone (the styles' 720 px break) a row is stacked: date and kind, the
/// title, the countries, each on a line of its own, in rows of this height.
const STACKED_ROW_PX: f64 = 76.0;
/// The styles' phone width (styles/main.css, `@media (max-width: 720px)`).
const PHONE_PX: f64 = 720.0;
/// Rows drawn above and below the visible ones.
const OVERSCAN: usize = 20;

fn country_names(ds: &Dataset, i: usize) -> String {
    ds.events[i]
        .countries
        .iter()
        .map(|c| ds.country_name(c).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The accessible alternative to the chart: a table of the filtered events,
/// sortable by date, kind and country. Virtualised: only the rows in view (and
/// a margin) are in the DOM, so 100,000 events scroll smoothly.
#[function_component(ListView)]
pub fn list_view(props: &ListViewProps) -> Html {
    let sort = crate::hooks::erased::use_state(|| (SortBy::Date, true));
    let scroll = crate::hooks::erased::use_state(|| (0.0_f64, 900.0_f64));
    let ds = &props.dataset;
    let (by, asc) = *sort;
    let (vw, _) = crate::hooks::use_window_size::use_window_size();
    let row_px = if vw > 0.0 && vw <= PHONE_PX {
        STACKED_ROW_PX
    } else {
        ROW_PX
    };
    let rows = {
        let ds = ds.clone();
        // The dataset by pointer too: another file with as many events has the same indexes.
        let key = Rc::as_ptr(&props.dataset) as usize;
        use_memo(
            (props.shown.clone(), by, asc, key),
            move |(shown, by, asc, _)| {
                let mut rows: Vec<usize> = shown.to_vec();
                match by {
                    SortBy::Date => {}
                    SortBy::Kind => order::sort_by(&mut rows, |&a, &b| {
                        ds.events[a].kind.cmp(&ds.events[b].kind)
                    }),
                    SortBy::Country => {
                        let keys: Vec<(bool, String)> = rows
                            .iter()
                            .map(|&i| {
                                let n = country_names(&ds, i);
                                (n.is_empty(), n)
                            })
                            .collect();
                        let idx = order::sorted_indices(rows.len(), &|a, b| keys[a].cmp(&keys[b]));
                        rows = idx.into_iter().map(|i| rows[i]).collect();
                    }
                }
                if !*asc {
                    rows.reverse();
                }
                rows
            },
        )
    };
    crate::hooks::erased::use_effect_always(crate::dom::bump_render_seq);
    let total = rows.len();
    let (top, height) = *scroll;
    let first = ((top / row_px) as usize)
        .saturating_sub(OVERSCAN)
        .min(total);
    let last = (((top + height) / row_px) as usize + OVERSCAN).min(total);
    let onscroll = {
        let scroll = scroll.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::Element = e.target_unchecked_into();
            scroll.set((el.scroll_top() as f64, el.client_height() as f64));
        })
    };
    let header = |label: &'static str, key: SortBy, class: &'static str| {
        let sort = sort.clone();
        let (cur, asc) = *sort;
        let aria = if cur == key {
            if asc {
                "ascending"
            } else {
                "descending"
            }
        } else {
            "none"
        };
        let onclick =
            Callback::from(move |_| sort.set((key, if cur == key { !asc } else { true })));
        html! {
            <th scope="col" {class} aria-sort={aria}>
                <button class="sort" {onclick}>{ label }<span aria-hidden="true">{ if cur == key { if asc { " ▲" } else { " ▼" } } else { "" } }</span></button>
            </th>
        }
    };
    html! {
        <div class="list-view" data-testid="list" {onscroll}>
            <table aria-rowcount={(total + 1).to_string()}>
                <caption>{ format!("{total} events") }</caption>
                <thead><tr>
                    { header("Date", SortBy::Date, "col-date") }
                    { header("Kind", SortBy::Kind, "col-kind") }
                    <th scope="col" class="col-title">{ "Event" }</th>
                    { header("Country", SortBy::Country, "col-country") }
                </tr></thead>
                <tbody>
                if first > 0 { <tr class="spacer" aria-hidden="true"><td colspan="4" height={px(first as f64 * row_px)}></td></tr> }
                { for rows[first..last].iter().copied().enumerate().map(|(n, i)| {
                    let e = &ds.events[i];
                    let id = e.id.clone();
                    let sel = props.selected.as_deref() == Some(e.id.as_str());
                    let names = country_names(ds, i);
                    let place = if !names.is_empty() { names } else if e.scope == timeline_core::Scope::Organisation { "SCO-wide".to_string() } else { "—".to_string() };
                    html! {
                        <tr data-event-id={e.id.clone()} class={classes!(sel.then_some("selected"))} aria-rowindex={(first + n + 2).to_string()}>
                            <td class="col-date">{ e.date_label() }</td>
                            <td class="col-kind"><span class={classes!("kind-tag", kind_class(ds.category(e.kind)))} style={kind_style(ds.category(e.kind))}>{ ds.category(e.kind).label.clone() }</span></td>
                            // Cut to the column with an ellipsis: the whole title is the button's tooltip and name.
                            <td class="col-title"><button class="link-button row-open" aria-haspopup="dialog" title={e.title.clone()} onclick={props.dispatch.reform(move |_| Action::Select(Some(id.clone())))}>{ e.title.clone() }</button></td>
                            <td class="col-country" title={place.clone()}>{ place }</td>
                        </tr>
                    }
                }) }
                if last < total { <tr class="spacer" aria-hidden="true"><td colspan="4" height={px((total - last) as f64 * row_px)}></td></tr> }
                </tbody>
            </table>
        </div>
    }
}
