use crate::state::Action;
use std::collections::BTreeSet;
use std::rc::Rc;
use timeline_core::{Dataset, FacetCounts, Status};
use yew::prelude::*;

#[derive(PartialEq)]
pub struct CountryChipsProps {
    pub dataset: Rc<Dataset>,
    /// `None`: no country filter (no chip pressed).
    pub selected: Option<BTreeSet<String>>,
    pub counts: Rc<FacetCounts>,
    pub dispatch: Callback<Action>,
}

/// A chip per member state, and a second group for observers and partners
/// present in the data; each shows how many events it would show.
/// A plain function (no state of its own: no component's lifecycle code).
pub fn country_chips(props: &CountryChipsProps) -> Html {
    let ds = &props.dataset;
    // A dataset that names no country has no country facet (not an empty one).
    if ds.meta.countries.is_empty() {
        return html! {};
    }
    let present = |code: &str| ds.names_country(code);
    let chip = |c: &timeline_core::Country| {
        let on = props.selected.as_ref().is_some_and(|s| s.contains(&c.code));
        let n = props.counts.countries.get(&c.code).copied().unwrap_or(0);
        let named = props.counts.named.get(&c.code).copied().unwrap_or(0);
        // What the count counts: "43 events: 21 naming Russia, 22 SCO-wide" (the statistics give the 21).
        let what = timeline_core::describe::country_count(&c.name, n, named);
        let code = c.code.clone();
        let since = c.since.map(|y| format!(" since {y}")).unwrap_or_default();
        html! {
            <button class={classes!("chip", on.then_some("on"))} data-country={c.code.clone()} aria-pressed={on.to_string()}
                title={format!("{} — {}{since}. {what}. {}", c.name, c.status.label(), if on { "Click to leave the selection." } else { "Click to show them." })}
                onclick={props.dispatch.reform(move |_| Action::ToggleCountry(code.clone()))}>
                <span class="chip-name">{ c.name.clone() }</span>
                <span class="count" aria-label={what.clone()} data-named={named.to_string()}>{ n }</span>
            </button>
        }
    };
    let members: Vec<_> = ds
        .meta
        .countries
        .iter()
        .filter(|c| c.status == Status::Member)
        .collect();
    let others: Vec<_> = ds
        .meta
        .countries
        .iter()
        .filter(|c| c.status != Status::Member && present(&c.code))
        .collect();
    let (title, others_title) = if members.is_empty() {
        ("Countries", "")
    } else {
        ("Member states", "Observers and partners")
    };
    html! {
        <fieldset class="facet">
            <legend class="facet-title">{ title }</legend>
            // Always there (hidden while nothing is pressed): pressing a chip never moves what is below it.
            <div class={classes!("facet-actions", props.selected.is_none().then_some("idle"))}>
                <button class="link-button" data-action="countries-clear" onclick={crate::state::on_click(&props.dispatch, |_| Action::SetCountries(None))}>{ "Clear" }</button>
            </div>
            <div class="chips">{ for members.into_iter().map(chip) }</div>
            if !others.is_empty() {
                if !others_title.is_empty() { <div class="facet-subtitle">{ others_title }</div> }
                <div class="chips">{ for others.into_iter().map(chip) }</div>
            }
            <p class="hint">
                // One text whatever is pressed, so that the map below never moves under the pointer.
                { "Click a state to show only its events; click more to add them, or a pressed one to take it out." }
                if title == "Member states" { { " A count is what a click shows: the events naming the state, and for a member the SCO-wide ones (declarations, treaties)." } }
            </p>
        </fieldset>
    }
}
