use crate::components::kind_symbol::{kind_class, kind_style, KindSymbol};
use crate::state::Action;
use std::rc::Rc;
use timeline_core::chart::{Body, MarkBox};
use timeline_core::fmt::px;
use timeline_core::Dataset;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EventMarkProps {
    /// Where and how the mark is drawn (timeline_core::chart).
    pub mark: MarkBox,
    /// Compared by pointer: the same dataset.
    pub dataset: Rc<Dataset>,
    /// Half the size of the kind's symbol.
    pub symbol: f64,
    /// The type scale (1 at 12 px labels).
    pub k: f64,
    pub dispatch: Callback<Action>,
    /// Stable: the chart's hover handler (an event's id, or none).
    pub onhover: Callback<Option<String>>,
}

/// One event: a span or a point with its kind's symbol; a date known only to
/// the month or year is drawn as a dashed band of uncertainty, not a fake day.
/// It draws what the chart model says; it re-renders only when that changes.
#[function_component(EventMark)]
pub fn event_mark(props: &EventMarkProps) -> Html {
    let mk = &props.mark;
    let ds = &props.dataset;
    let e = &ds.events[mk.event];
    let category = ds.category(e.kind);
    let kind = kind_class(category);
    let style = kind_style(category);
    let id = e.id.clone();
    let select = {
        let id = id.clone();
        props.dispatch.reform(move |ev: MouseEvent| {
            ev.stop_propagation();
            Action::Select(Some(id.clone()))
        })
    };
    let onkeydown = {
        let id = id.clone();
        let d = props.dispatch.clone();
        Callback::from(move |ev: KeyboardEvent| {
            if ev.key() == "Enter" || ev.key() == " " {
                ev.prevent_default();
                d.emit(Action::Select(Some(id.clone())));
            }
        })
    };
    let hover_on = {
        let id = id.clone();
        props
            .onhover
            .reform(move |_: PointerEvent| Some(id.clone()))
    };
    let hover_off = props.onhover.reform(|_: PointerEvent| None);
    let focus_on = {
        let id = id.clone();
        props.onhover.reform(move |_: FocusEvent| Some(id.clone()))
    };
    let focus_off = props.onhover.reform(|_: FocusEvent| None);
    let uncertain = mk.body == Body::Band;
    let rect = mk.rect.map(|r| {
        let (class, rx) = if uncertain {
            ("band", "3".to_string())
        } else {
            ("bar", px(5.0 * props.k))
        };
        html! { <rect class={classes!(class, kind.clone())} x={px(r.x)} y={px(r.y)} width={px(r.w)} height={px(r.h)} {rx} /> }
    });
    // The label is the mark's sibling, not its child: the mark's name is the
    // whole "Attack: title, date, where", the label a cut of the title for the
    // eye (a cut inside the button would not be part of its name).
    html! {
        <>
        <g class={classes!("mark", kind.clone(), mk.selected.then_some("selected"), uncertain.then_some("uncertain"))} {style}
            data-event-id={id} data-lane={mk.lane.to_string()} role="button" tabindex={if mk.tabbable { "0" } else { "-1" }}
            aria-label={timeline_core::describe::event_label(ds, e)} aria-haspopup="dialog" aria-expanded={mk.selected.to_string()}
            onclick={select.clone()} {onkeydown} onpointerenter={hover_on.clone()} onpointerleave={hover_off.clone()} onfocus={focus_on} onblur={focus_off}>
            { rect.unwrap_or_default() }
            <g transform={format!("translate({},{})", px(mk.symbol.0), px(mk.symbol.1))}><KindSymbol category={category.clone()} size={props.symbol} /></g>
        </g>
        if let Some((x, y, text)) = &mk.label {
            <text class="mark-label" aria-hidden="true" x={px(*x)} y={px(*y)}
                onclick={select} onpointerenter={hover_on} onpointerleave={hover_off}>{ text.clone() }</text>
        }
        </>
    }
}
