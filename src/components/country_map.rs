use crate::state::Action;
use std::collections::BTreeSet;
use std::rc::Rc;
use timeline_core::fmt::px2;
use timeline_core::map::{map_view, MapItem, MapShapes};
use timeline_core::{Dataset, FacetCounts};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CountryMapProps {
    pub dataset: Rc<Dataset>,
    pub shapes: Rc<MapShapes>,
    pub counts: Rc<FacetCounts>,
    /// `None`: no country filter.
    pub selected: Option<BTreeSet<String>>,
    pub dispatch: Callback<Action>,
}

fn label(item: &MapItem) -> String {
    let n = item.count;
    format!(
        "{}: {n} event{}{}",
        item.name,
        if n == 1 { "" } else { "s" },
        if item.selected { ", selected" } else { "" }
    )
}

/// A map of the states the dataset names, shaded by how many events each shows
/// (what a click on it shows, like its chip). A click, Enter or Space selects
/// it exactly as its chip does; hover and focus show its name and count.
/// States without an outline are listed beside it as buttons.
#[function_component(CountryMap)]
pub fn country_map(props: &CountryMapProps) -> Html {
    let ds = &props.dataset;
    let view = map_view(ds, &props.counts, props.selected.as_ref(), &props.shapes);
    let hovered = crate::hooks::erased::use_state(|| None::<String>);
    // The map is one Tab stop: the state last focused; arrows go from state to state.
    let active = crate::hooks::erased::use_state(|| 0usize);
    // No state of the data has an outline (a dataset about other parts of the
    // world): no map, rather than a heading over an empty frame (the chips list them).
    if view.shaped.is_empty() {
        return html! {};
    }
    let (x, y, w, h) = view.view_box;
    let toggle = |code: &str| {
        let code = code.to_string();
        props
            .dispatch
            .reform(move |_: MouseEvent| Action::ToggleCountry(code.clone()))
    };
    let key = |code: &str| {
        let (code, d) = (code.to_string(), props.dispatch.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                d.emit(Action::ToggleCountry(code.clone()));
            }
        })
    };
    // One setter per event type: pointer and focus show the same caption.
    let on = |code: Option<&str>| {
        let (code, hovered) = (code.map(String::from), hovered.clone());
        move || hovered.set(code.clone())
    };
    let n_states = view.shaped.len();
    let stop = (*active).min(n_states.saturating_sub(1));
    let onkeydown_map = {
        let active = active.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let at = el
                .get_attribute("data-index")
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(0);
            let last = n_states.saturating_sub(1);
            let to = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => (at + 1).min(last),
                "ArrowLeft" | "ArrowUp" => at.saturating_sub(1),
                "Home" => 0,
                "End" => last,
                _ => return,
            };
            e.prevent_default();
            active.set(to);
            if let Some(next) = el
                .parent_element()
                .and_then(|p| p.children().item(to as u32))
            {
                let _ = next.dyn_into::<web_sys::SvgElement>().map(|s| s.focus());
            }
        })
    };
    let paths = view.shaped.iter().enumerate().map(|(i, item)| {
        let d = props.shapes.path(&item.code).unwrap_or_default().to_string();
        let focus_here = { let active = active.clone(); move || active.set(i) };
        html! {
            <path class={classes!("map-state", format!("shade-{}", item.shade), item.selected.then_some("selected"))}
                d={d} data-map-country={item.code.clone()} data-index={i.to_string()} role="button" tabindex={if i == stop { "0" } else { "-1" }}
                aria-pressed={item.selected.to_string()} aria-label={label(item)}
                onclick={toggle(&item.code)} onkeydown={key(&item.code)}
                onpointerenter={ let f = on(Some(&item.code)); Callback::from(move |_: PointerEvent| f()) }
                onpointerleave={ let f = on(None); Callback::from(move |_: PointerEvent| f()) }
                onfocus={ let f = on(Some(&item.code)); Callback::from(move |_: FocusEvent| { f(); focus_here(); }) }
                onblur={ let f = on(None); Callback::from(move |_: FocusEvent| f()) }>
                <title>{ label(item) }</title>
            </path>
        }
    });
    let caption = hovered
        .as_ref()
        .and_then(|c| {
            view.shaped
                .iter()
                .chain(&view.unshaped)
                .find(|i| &i.code == c)
        })
        .map(label)
        .unwrap_or_else(|| {
            "Hover or focus a state for its count (arrow keys go from state to state); click it or press Enter to show its events.".to_string()
        });
    html! {
        <figure class="country-map" data-testid="country-map">
            <figcaption class="facet-title">{ "Map of the states" }</figcaption>
            <svg class="map-svg" viewBox={[x, y, w, h].map(|v| px2(v.into())).join(" ")} preserveAspectRatio="xMidYMid meet" role="group" onkeydown={onkeydown_map}
                aria-label="Map of the states in the data. Each state is a button that filters the timeline to it; arrow keys go from state to state.">
                { for paths }
            </svg>
            <p class="map-caption" aria-live="polite" data-testid="map-caption">{ caption }</p>
            <div class="map-legend" aria-label="Shades: events a click on the state shows">
                <span class="map-legend-title">{ "Events" }</span>
                <span class="map-key"><span class="swatch shade-0" aria-hidden="true"></span>{ "0" }</span>
                { for view.legend.iter().map(|s| html! {
                    <span class="map-key"><span class={classes!("swatch", format!("shade-{}", s.shade))} aria-hidden="true"></span>
                        { if s.lo == s.hi { s.lo.to_string() } else { format!("{}–{}", s.lo, s.hi) } }</span>
                }) }
            </div>
            if !view.unshaped.is_empty() {
                <div class="map-unshaped">
                    <span class="facet-subtitle">{ "Not on the map: " }</span>
                    { for view.unshaped.iter().map(|item| html! {
                        <button class={classes!("chip", item.selected.then_some("on"), format!("shade-{}", item.shade))} data-map-country={item.code.clone()}
                            aria-pressed={item.selected.to_string()} aria-label={label(item)} onclick={toggle(&item.code)}>
                            { format!("{} {}", item.name, item.count) }
                        </button>
                    }) }
                </div>
            }
            <p class="map-attribution">{ props.shapes.attribution.clone() }</p>
        </figure>
    }
}
