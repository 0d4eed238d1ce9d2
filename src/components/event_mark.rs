//! One event's mark, drawn from the chart model (timeline_core::chart): a span
//! or a point with its kind's symbol; a date known only to the month or year is
//! drawn as a dashed band of uncertainty, not a fake day. A plain function with
//! no listeners of its own: the chart listens once for all its marks
//! (hooks::use_mark_events), so a redraw creates no callbacks per mark.

use crate::components::kind_symbol::{kind_class, kind_style, kind_symbol};
use timeline_core::chart::{Body, MarkBox};
use timeline_core::fmt::px;
use timeline_core::Dataset;
use yew::prelude::*;

/// The mark (a button with the event's whole name) and its label (a cut of the
/// title for the eye, the mark's sibling, hidden from screen readers);
/// `highlight`: a story's scene emphasises it.
pub fn event_mark(mk: &MarkBox, ds: &Dataset, symbol: f64, k: f64, highlight: bool) -> Html {
    let e = &ds.events[mk.event];
    let category = ds.category(e.kind);
    let kind = kind_class(category);
    let uncertain = mk.body == Body::Band;
    let rect = mk.rect.map(|r| {
        let (class, rx) = if uncertain {
            ("band", "3".to_string())
        } else {
            ("bar", px(5.0 * k))
        };
        html! { <rect class={classes!(class, kind.clone())} x={px(r.x)} y={px(r.y)} width={px(r.w)} height={px(r.h)} {rx} /> }
    });
    // Keyed by event and lane: a redraw moves a mark's element with its event
    // (focus and hover stay with the event, not with a position in the list).
    html! {
        <g class={classes!("mark-item", highlight.then_some("highlighted"))} key={format!("{}-{}", e.id, mk.lane)}>
        <g class={classes!("mark", kind.clone(), mk.selected.then_some("selected"), highlight.then_some("highlighted"), uncertain.then_some("uncertain"))} style={kind_style(category)}
            data-event-id={e.id.clone()} data-lane={mk.lane.to_string()} role="button" tabindex={if mk.tabbable { "0" } else { "-1" }}
            aria-label={timeline_core::describe::event_label(ds, e)} aria-haspopup="dialog" aria-expanded={mk.selected.to_string()}>
            { rect.unwrap_or_default() }
            <g transform={format!("translate({},{})", px(mk.symbol.0), px(mk.symbol.1))}>{ kind_symbol(category, symbol) }</g>
        </g>
        if let Some((x, y, text)) = &mk.label {
            <text class={classes!("mark-label", mk.label_inside.then_some("inside"))} aria-hidden="true" data-label-for={e.id.clone()} x={px(*x)} y={px(*y)} text-anchor={mk.label_before.then_some("end")}>{ text.clone() }</text>
        }
        </g>
    }
}
