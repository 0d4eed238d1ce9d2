use crate::components::kind_symbol::{kind_class, kind_style};
use crate::hooks::use_float_placement::{
    attr_selector, use_float_placement, use_scroll_into_view, Anchor,
};
use crate::state::Action;
use gloo::events::EventListener;
use std::rc::Rc;
use timeline_core::place::{Options, Side};
use timeline_core::{Dataset, Event};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EventDetailsProps {
    pub dataset: Rc<Dataset>,
    pub event: Event,
    /// Where to anchor the popover (left, top) in the chart; `None` shows a panel.
    pub anchor: Option<(f64, f64)>,
    /// Open upwards from the anchor if there is room (else the placement rule decides).
    #[prop_or_default]
    pub above: bool,
    /// Float beside the event's mark in the chart, as a popover, though the
    /// details are not inside the chart (presenter mode in the full page).
    #[prop_or_default]
    pub beside_mark: bool,
    pub dispatch: Callback<Action>,
}

/// Only `http:` and `https:` addresses become links.
pub fn safe_link(url: &str) -> Option<&str> {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url.trim())
}

/// An event's details: title, date at its true precision, kind, places,
/// countries, casualties, summary and source. Closes on Esc, the close button
/// or a click outside; all data is rendered as text.
#[function_component(EventDetails)]
pub fn event_details(props: &EventDetailsProps) -> Html {
    let e = &props.event;
    let ds = &props.dataset;
    let node = use_node_ref();
    // Focus the dialog when it opens; close on a press outside it (but not on another event).
    {
        let node = node.clone();
        let d = props.dispatch.clone();
        crate::hooks::erased::use_effect_on(e.id.clone(), move |_| {
            if let Some(el) = node.cast::<HtmlElement>() {
                // Focus without scrolling: the dialog is placed where it reads already.
                let opts = web_sys::FocusOptions::new();
                opts.set_prevent_scroll(true);
                let _ = el.focus_with_options(&opts);
            }
            let doc = crate::dom::window().and_then(|w| w.document());
            let listener = doc.map(|doc| {
                EventListener::new(&doc, "pointerdown", move |ev| {
                    let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
                    let inside = target.as_ref().is_some_and(|t| {
                        node.cast::<Element>().is_some_and(|n| n.contains(Some(t)))
                            || t.closest("[data-event-id], .toolbar, .chart, .presenter-bar")
                                .ok()
                                .flatten()
                                .is_some()
                    });
                    if !inside {
                        d.emit(Action::Select(None));
                    }
                })
            });
            move || drop(listener)
        });
    }
    // Floating: beside the event's mark, by the placement rule (timeline_core::place);
    // a panel in the page's flow is scrolled into view when it opens.
    let floating = props.anchor.is_some() || props.beside_mark;
    let mark = floating.then(|| {
        Anchor::Selector(format!(
            "[data-testid=chart] .mark{}",
            attr_selector("data-event-id", &e.id)
        ))
    });
    let prefer = if props.above {
        vec![Side::Above, Side::Below, Side::Right, Side::Left]
    } else {
        Options::default().prefer
    };
    use_float_placement(
        node.clone(),
        mark,
        Options {
            prefer,
            ..Options::default()
        },
        e.id.clone(),
    );
    use_scroll_into_view(node.clone(), (!floating).then(|| e.id.clone()));
    let onkeydown = {
        let d = props.dispatch.clone();
        Callback::from(move |ev: KeyboardEvent| {
            // Keys typed in the dialog are not chart shortcuts.
            ev.stop_propagation();
            if ev.key() == "Escape" {
                d.emit(Action::Select(None));
            }
        })
    };
    let close = crate::state::on_click(&props.dispatch, |_| Action::Select(None));
    let countries: Vec<String> = e
        .countries
        .iter()
        .map(|c| ds.country_name(c).to_string())
        .collect();
    let cas = timeline_core::caption::casualties_text(e);
    let title_id = format!("details-title-{}", e.id);
    // Related events, both directions (an index built once in the dataset).
    let here = ds.position(&e.id);
    let related: Vec<(usize, &Event)> = here
        .map(|i| ds.related(i).iter().map(|&j| (j, &ds.events[j])).collect())
        .unwrap_or_default();
    // What is not in the source: the event's own additions, and the links others wrote to it.
    let added: Vec<&timeline_core::model::Addition> = match here {
        Some(i) => ds.additions_shown(i),
        None => e.added.iter().collect(),
    };
    html! {
        <div class={classes!("details", if floating { "popover" } else { "panel" }, props.beside_mark.then_some("presenter-details"), kind_class(ds.category(e.kind)))} style={kind_style(ds.category(e.kind))}
            role="dialog" aria-labelledby={title_id.clone()} tabindex="-1" ref={node} {onkeydown} data-testid="details"
            onclick={Callback::from(|ev: MouseEvent| ev.stop_propagation())}
            onpointerdown={Callback::from(|ev: PointerEvent| ev.stop_propagation())}>
            // The head stays in view when the details scroll inside (a short window).
            <div class="details-head">
                <button class="close" aria-label="Close details" data-action="close-details" onclick={close}>{ "×" }</button>
                <p class="details-kind">{ ds.category(e.kind).label.clone() }</p>
                <h2 id={title_id}>{ e.title.clone() }</h2>
            </div>
            if let Some(m) = e.added_mark(&["title", "kind"]) {
                <p class="added-mark" data-added-mark="title">{ m }</p>
            }
            <dl>
                <dt>{ "Date" }</dt><dd data-field="date">{ e.date_label() }{ added_mark(e, &["date", "end"]) }</dd>
                if !e.places.is_empty() {
                    <dt>{ "Places" }</dt><dd data-field="places">{ e.places.join("; ") }{ added_mark(e, &["places"]) }</dd>
                }
                <dt>{ "Countries" }</dt>
                <dd data-field="countries">{ if !countries.is_empty() { countries.join(", ") } else if e.scope == timeline_core::Scope::Organisation { "All SCO member states".to_string() } else { "None given".to_string() } }
                    if e.scope == timeline_core::Scope::Organisation && !countries.is_empty() { { " (SCO-wide)" } }
                    { added_mark(e, &["countries", "scope"]) }</dd>
                if let Some(c) = cas {
                    <dt>{ "Casualties" }</dt><dd data-field="casualties">{ c }{ added_mark(e, &["casualties"]) }</dd>
                }
            </dl>
            if !e.summary.is_empty() {
                <p class="details-summary">{ e.summary.clone() }{ added_mark(e, &["summary"]) }</p>
            }
            if let Some(n) = &e.note {
                <p class="details-note" data-field="note"><span class="note-label">{ "Note: " }</span>{ n.clone() }{ added_mark(e, &["note"]) }</p>
            }
            if !added.is_empty() {
                <div class="details-added" data-field="added">
                    <p class="added-label">{ "Not in the source:" }</p>
                    <ul>
                    { for added.iter().map(|a| html! {
                        <li data-added-field={a.field.clone()} data-basis={a.basis.as_str()}>{ a.describe() }</li>
                    }) }
                    </ul>
                </div>
            }
            if !related.is_empty() {
                <div class="related" data-field="related">
                    <span class="source-label">{ "Related: " }</span>
                    { for related.iter().map(|&(j, r)| {
                        let id = r.id.clone();
                        let mark = here.and_then(|i| ds.link_addition(i, j)).map(|a| a.mark());
                        html! {
                            <span class="related-item">
                            <button class="link-button related-link" data-related={r.id.clone()}
                                onclick={props.dispatch.reform(move |_| Action::Select(Some(id.clone())))}>
                                { format!("{} ({})", r.title, r.date_label()) }
                            </button>
                            if let Some(m) = mark { { " " }<span class="added-mark" data-added-mark="related">{ m }</span> }
                            </span>
                        }
                    }) }
                </div>
            }
            if !e.links.is_empty() {
                <ul class="links" data-field="links" aria-label="Links">
                { for e.links.iter().filter_map(|l| safe_link(&l.url).map(|href| html! {
                    <li><a href={href.to_string()} target="_blank" rel="noopener noreferrer">{ l.text.clone() }</a></li>
                })) }
                </ul>
            }
            { source_block(ds, e) }
        </div>
    }
}

/// The mark beside a value the source does not give (see `Event::added_mark`).
fn added_mark(e: &Event, fields: &[&str]) -> Html {
    match e.added_mark(fields) {
        Some(m) => {
            html! { <>{ " " }<span class="added-mark" data-added-mark={fields[0].to_string()}>{ m }</span></> }
        }
        None => html! {},
    }
}

/// The sources an event cites, each with its section, quote, the copy the
/// quote is found in and the address the source cites.
fn source_block(ds: &Dataset, e: &Event) -> Html {
    if e.sources.is_empty() {
        return html! {};
    }
    html! {
        <div class="source" data-field="source">
            <span class="source-label">{ "Source: " }</span>{ added_mark(e, &["source"]) }
            { for e.sources.iter().map(|s| {
                let doc = ds.source_doc(&s.document).map(|d| match &d.author { Some(a) => format!("{a}, “{}”", d.title), None => d.title.clone() }).unwrap_or_else(|| s.document.clone());
                html! {
                    <p class="cite">
                        { if s.section.is_empty() { format!("{doc}.") } else { format!("{doc}, section “{}”.", s.section) } }
                        if let Some(q) = &s.quote {
                            <q>{ q.clone() }</q>
                            if q.contains('␣') { <span class="quote-lost">{ " (each ␣ marks a glyph lost in the extraction)" }</span> }
                        }
                        if let Some(w) = s.quote_in { <span class="quote-in" data-quote-in={w.as_str()}>{ format!(" (quoted from {})", w.label()) }</span> }
                        if let Some(url) = s.url.as_deref() {
                            if let Some(href) = safe_link(url) {
                                { " Cited: " }<a href={href.to_string()} target="_blank" rel="noopener noreferrer">{ href.to_string() }</a>
                            } else {
                                { format!(" Cited: {url}") }
                            }
                        }
                    </p>
                }
            }) }
        </div>
    }
}
