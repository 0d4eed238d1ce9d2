use crate::components::event_mark::KindSymbol;
use crate::state::Action;
use std::collections::BTreeSet;
use std::rc::Rc;
use timeline_core::{FacetCounts, Kind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KindLegendProps {
    pub selected: Option<BTreeSet<Kind>>,
    pub counts: Rc<FacetCounts>,
    pub dispatch: Callback<Action>,
}

/// The legend is the kind filter: a toggle per kind, with its shape, colour and count.
#[function_component(KindLegend)]
pub fn kind_legend(props: &KindLegendProps) -> Html {
    html! {
        <fieldset class="facet legend">
            <legend class="facet-title">{ "Kinds" }</legend>
            <div class="facet-actions">
                <button class="link-button" data-action="kinds-all" onclick={props.dispatch.reform(|_| Action::SetKinds(None))}>{ "All" }</button>
                <button class="link-button" data-action="kinds-none" onclick={props.dispatch.reform(|_| Action::SetKinds(Some(BTreeSet::new())))}>{ "None" }</button>
            </div>
            <div class="chips">
            { for Kind::ALL.into_iter().map(|k| {
                let on = props.selected.as_ref().is_none_or(|s| s.contains(&k));
                let n = props.counts.kinds.get(&k).copied().unwrap_or(0);
                html! {
                    <button class={classes!("chip", "kind-chip", on.then_some("on"))} data-kind={k.as_str()} aria-pressed={on.to_string()}
                        onclick={props.dispatch.reform(move |_| Action::ToggleKind(k))}>
                        <svg class="legend-symbol" width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true"><KindSymbol kind={k} size={6.0} /></svg>
                        <span class="chip-name">{ k.plural() }</span>
                        <span class="count" aria-label={format!("{n} events")}>{ n }</span>
                    </button>
                }
            }) }
            </div>
        </fieldset>
    }
}
