use crate::components::event_details::EventDetails;
use crate::components::kind_symbol::{kind_class, kind_style, kind_symbol};
use crate::state::Action;
use std::rc::Rc;
use timeline_core::caption::caption;
use timeline_core::{Dataset, Event};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EventCaptionProps {
    pub dataset: Rc<Dataset>,
    pub event: Event,
    /// Presenting: no close button (Esc leaves presenter mode).
    pub presenting: bool,
    pub dispatch: Callback<Action>,
}

/// In a frame (an embed, a slide), the current event as a caption under the
/// chart, sized to the frame: kind, date, where, casualties, title, a line or
/// more of summary and a short source line. Lines that do not fit are cut
/// (styles: `.caption`); "Full details" opens everything, with the quote.
#[function_component(EventCaption)]
pub fn event_caption(props: &EventCaptionProps) -> Html {
    let full = crate::hooks::erased::use_state(|| false);
    {
        // A new event starts with the caption, not the full details.
        let full = full.clone();
        crate::hooks::erased::use_effect_on(props.event.id.clone(), move |_| full.set(false));
    }
    let ds = &props.dataset;
    let e = &props.event;
    let c = caption(ds, e);
    let cat = ds.category(e.kind);
    let meta: Vec<String> = [Some(c.date), c.where_, c.casualties]
        .into_iter()
        .flatten()
        .collect();
    let open_full = {
        let full = full.clone();
        Callback::from(move |_: MouseEvent| full.set(true))
    };
    // Closing the full details returns to the caption (and its button).
    let d = props.dispatch.clone();
    let full_dispatch = {
        let full = full.clone();
        Callback::from(move |a: Action| match a {
            Action::Select(None) => {
                full.set(false);
                crate::dom::focus("[data-action=caption-full]");
            }
            other => d.emit(other),
        })
    };
    html! {
        <section class={classes!("caption", kind_class(cat))} style={kind_style(cat)} data-testid="caption"
            aria-label={format!("Current event: {}", c.title)}>
            <div class="caption-head">
                <span class="caption-kind"><svg class="caption-symbol" width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">{ kind_symbol(cat, 6.0) }</svg><span class="caption-kind-label">{ c.kind }</span></span>
                <span class="caption-meta" data-field="meta">{ meta.join(" · ") }</span>
                <span class="caption-actions">
                    <button class="caption-button" data-action="caption-full" aria-haspopup="dialog" onclick={open_full}>{ "Full details" }</button>
                    if !props.presenting {
                        <button class="caption-button" data-action="close-details" aria-label="Close"
                            onclick={crate::state::on_click(&props.dispatch, |_| Action::Select(None))}>{ "×" }</button>
                    }
                </span>
                <h2 class="caption-title">{ c.title }</h2>
            </div>
            if !c.summary.is_empty() { <p class="caption-summary">{ c.summary }</p> }
            if let Some(s) = c.source { <p class="caption-source">{ format!("Source: {s}") }</p> }
            if *full {
                <div class="caption-full">
                    <EventDetails dataset={ds.clone()} event={e.clone()} anchor={None::<(f64, f64)>} dispatch={full_dispatch} />
                </div>
            }
        </section>
    }
}
