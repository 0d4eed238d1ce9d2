use crate::components::kind_symbol::{kind_class, kind_style};
use crate::state::Action;
use std::rc::Rc;
use timeline_core::fmt::px;
use timeline_core::order;
use timeline_core::Dataset;
use wasm_bindgen::JsCast;
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
    let focused = use_focus_back(props.selected.clone());
    let onfocusout = {
        let focused = focused.clone();
        Callback::from(move |e: FocusEvent| {
            // Yew delegates events from its root: the list is the target's.
            let list: Option<web_sys::Node> = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest(".list-view").ok().flatten())
                .map(Into::into);
            let to: Option<web_sys::Node> = e.related_target().and_then(|t| t.dyn_into().ok());
            // To another element outside the list: the list no longer keeps the focus.
            if to.is_some_and(|to| list.is_some_and(|l| !l.contains(Some(&to)))) {
                *focused.borrow_mut() = None;
            }
        })
    };
    let onfocusin = Callback::from(move |e: FocusEvent| {
        let row = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("tr[data-event-id]").ok().flatten());
        *focused.borrow_mut() = row.and_then(|r| r.get_attribute("data-event-id"));
    });
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
        <div class="list-view" data-testid="list" tabindex="-1" {onscroll} {onfocusin} {onfocusout}>
            <table aria-rowcount={(total + 1).to_string()}>
                <caption>{ timeline_core::describe::count_events(total) }</caption>
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
                        <tr key={e.id.clone()} data-event-id={e.id.clone()} class={classes!(sel.then_some("selected"))} aria-rowindex={(first + n + 2).to_string()}>
                            <td class="col-date" title={e.date_label()}>{ e.date_label() }</td>
                            <td class="col-kind" title={ds.category(e.kind).label.clone()}><span class={classes!("kind-tag", kind_class(ds.category(e.kind)))} style={kind_style(ds.category(e.kind))}>{ ds.category(e.kind).label.clone() }</span></td>
                            // Cut to the column with an ellipsis: the whole title is the button's tooltip and name.
                            <td class="col-title"><button class="link-button row-open" aria-haspopup="dialog" title={e.title.clone()} onclick={props.dispatch.reform(move |e: MouseEvent| {
                                // Esc or × in the details comes back to this row's button.
                                crate::dom::set_return_focus(e.target().and_then(|t| t.dyn_into().ok()));
                                Action::Select(Some(id.clone()))
                            })}>{ e.title.clone() }</button></td>
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

/// The button of event `id`'s row, when it is drawn.
fn row_button(id: &str) -> Option<web_sys::Element> {
    let rows = crate::dom::document()?
        .query_selector_all(".list-view tr[data-event-id]")
        .ok()?;
    let row = (0..rows.length())
        .filter_map(|k| rows.item(k)?.dyn_into::<web_sys::Element>().ok())
        .find(|r| r.get_attribute("data-event-id").as_deref() == Some(id))?;
    row.query_selector(".row-open").ok().flatten()
}

/// Where the focus goes in the list: back to what opened the details when
/// they close (`dom::return_focus`), or to the event's row; and, when a
/// redraw of the rows (a scroll moves which are drawn) let the focused row's
/// button fall to the page, to that event's row again. Gives the event whose
/// row last had the focus, for the list to keep.
#[hook]
fn use_focus_back(selected: Option<String>) -> std::rc::Rc<std::cell::RefCell<Option<String>>> {
    let last = use_mut_ref(|| None::<String>);
    let focused = use_mut_ref(|| None::<String>);
    crate::hooks::erased::use_effect_on(selected, move |sel: &Option<String>| {
        let prev = last.replace(sel.clone());
        if let (None, Some(id)) = (sel, prev) {
            if !crate::dom::return_focus() {
                row_button(&id).map(crate::dom::focus_element);
            }
        }
    });
    {
        let focused = focused.clone();
        crate::hooks::erased::use_effect_always(move || {
            let fell = crate::dom::document()
                .and_then(|d| d.active_element())
                .is_none_or(|a| a.tag_name() == "BODY");
            let id = focused.borrow().clone();
            let Some(id) = id.filter(|_| fell) else {
                return;
            };
            // Its row scrolled out of those drawn: the list itself, so that the
            // keys go on scrolling it and Tab goes on into its rows.
            let target = row_button(&id).or_else(|| {
                crate::dom::document()?
                    .query_selector(".list-view")
                    .ok()
                    .flatten()
            });
            if let Some(b) = target.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                // Where the visitor scrolled the list stays: the row is not scrolled to.
                let opts = web_sys::FocusOptions::new();
                opts.set_prevent_scroll(true);
                let _ = b.focus_with_options(&opts);
            }
        });
    }
    focused
}
