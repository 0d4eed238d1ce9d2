use crate::components::kind_symbol::kind_symbol;
use crate::state::Action;
use std::collections::BTreeSet;
use std::rc::Rc;
use timeline_core::{Dataset, FacetCounts};
use yew::prelude::*;

#[derive(PartialEq)]
pub struct KindLegendProps {
    /// Category ids.
    pub selected: Option<BTreeSet<String>>,
    pub dataset: Rc<Dataset>,
    pub counts: Rc<FacetCounts>,
    pub dispatch: Callback<Action>,
}

/// The legend is the kind filter: a toggle per kind, with its shape, colour and count.
/// A plain function (no state of its own: no component's lifecycle code).
pub fn kind_legend(props: &KindLegendProps) -> Html {
    html! {
        <fieldset class={classes!("facet", "legend", props.selected.is_some().then_some("narrowed"))}>
            <legend class="facet-title">{ "Kinds" }</legend>
            // Always there (hidden while nothing is pressed): pressing a chip never moves what is below it.
            <div class={classes!("facet-actions", props.selected.is_none().then_some("idle"))}>
                <button class="link-button" data-action="kinds-clear" onclick={crate::state::on_click(&props.dispatch, |_| Action::SetKinds(None))}>{ "Clear" }</button>
            </div>
            <div class="chips">
            { for props.dataset.meta.categories.iter().map(|c| {
                let k = c.id.clone();
                let on = props.selected.as_ref().is_some_and(|s| s.contains(&k));
                let only = props.selected.as_ref().is_some_and(|s| s.len() == 1 && on);
                let n = props.counts.kinds.get(&k).copied().unwrap_or(0);
                let (k1, k2) = (k.clone(), k.clone());
                html! {
                    <span class="kind-item">
                        <button class={classes!("chip", "kind-chip", on.then_some("on"))} data-kind={k.clone()} aria-pressed={on.to_string()}
                            onclick={props.dispatch.reform(move |_| Action::ToggleKind(k1.clone()))}>
                            <svg class="legend-symbol" width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">{ kind_symbol(c, 6.0) }</svg>
                            <span class="chip-name">{ c.plural.clone() }</span>
                            <span class="count" aria-label={timeline_core::describe::count_events(n)}>{ n }</span>
                        </button>
                        if !only {
                            <button class="link-button only" data-action="only-kind" data-only-kind={k.clone()}
                                aria-label={format!("Only {}", c.plural.to_lowercase())}
                                onclick={props.dispatch.reform(move |_| Action::OnlyKind(k2.clone()))}>{ "only" }</button>
                        }
                    </span>
                }
            }) }
            </div>
        </fieldset>
    }
}
