use crate::components::kind_symbol::{kind_class, kind_style, KindSymbol};
use crate::state::Action;
use timeline_core::frame::ChartMetrics;
use timeline_core::{Category, Event, Precision};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EventMarkProps {
    pub event: Event,
    pub category: Category,
    /// Where the event's time span starts and ends, in pixels.
    pub x_start: f64,
    pub x_end: f64,
    /// Centre line of the mark's row.
    pub y: f64,
    /// Room for the label to the right, in pixels.
    pub label_room: f64,
    /// The chart's one Tab stop (roving tabindex): the cursor's mark.
    pub tabbable: bool,
    /// The lane's position in the chart, for the chart's focus handling.
    pub lane: usize,
    pub selected: bool,
    /// Screen-reader label: kind, title, date, countries.
    pub aria_label: String,
    pub dispatch: Callback<Action>,
    pub onhover: Callback<Option<String>>,
    /// Sizes at the chart's type size.
    pub metrics: ChartMetrics,
    /// The plot's left edge: a span that starts before it shows its symbol there.
    pub plot_left: f64,
    /// The plot's right edge (a label inside a span stops there; beyond it the plot's clip cuts).
    #[prop_or(f64::INFINITY)]
    pub plot_right: f64,
}

/// One event: a span or a point with its kind's symbol; a date known only to
/// the month or year is drawn as a dashed band of uncertainty, not a fake day.
#[function_component(EventMark)]
pub fn event_mark(props: &EventMarkProps) -> Html {
    let e = &props.event;
    let kind = kind_class(&props.category);
    let style = kind_style(&props.category);
    let width = (props.x_end - props.x_start).max(1.0);
    let uncertain = e.date.precision() != Precision::Day
        || e.end.is_some_and(|d| d.precision() != Precision::Day);
    let span = e.end.is_some() && !uncertain;
    let m = &props.metrics;
    let k = m.label_px / 12.0;
    let cx = if span {
        props.x_start.max(props.plot_left + m.symbol)
    } else {
        props.x_start + width / 2.0
    };
    let label_x = if span {
        props.x_end + 4.0 * k
    } else {
        (cx + 9.0 * k).max(props.x_end + 4.0 * k)
    };
    let after_chars = ((props.label_room - (label_x - props.x_end)) / m.char_w)
        .floor()
        .max(0.0) as usize;
    // A long span with no room after it (a TimelineJS3 era across the view)
    // carries its label inside, after its symbol.
    let inside_x = cx + m.symbol / 2.0 + 4.0 * k;
    let inside_chars = ((props.x_end.min(props.plot_right) - 4.0 * k - inside_x) / m.char_w)
        .floor()
        .max(0.0) as usize;
    let inside = e.end.is_some() && after_chars < 9 && inside_chars >= 9;
    let (label_x, max_chars) = if inside {
        (inside_x, inside_chars)
    } else {
        (label_x, after_chars)
    };
    let label = if max_chars >= 9 {
        let t: String = e.title.chars().take(max_chars).collect();
        Some(if t.chars().count() < e.title.chars().count() {
            format!(
                "{}…",
                t.chars()
                    .take(max_chars.saturating_sub(1))
                    .collect::<String>()
            )
        } else {
            t
        })
    } else {
        None
    };
    let id = e.id.clone();
    let onclick = {
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
    // The label is the mark's sibling, not its child: the mark's name is the
    // whole "Attack: title, date, where", the label a cut of the title for the
    // eye (a cut inside the button would not be part of its name).
    let label_click = {
        let id = id.clone();
        props.dispatch.reform(move |ev: MouseEvent| {
            ev.stop_propagation();
            Action::Select(Some(id.clone()))
        })
    };
    html! {
        <>
        <g class={classes!("mark", kind.clone(), props.selected.then_some("selected"), uncertain.then_some("uncertain"))} {style}
            data-event-id={e.id.clone()} data-lane={props.lane.to_string()} role="button" tabindex={if props.tabbable { "0" } else { "-1" }}
            aria-label={props.aria_label.clone()} aria-haspopup="dialog" aria-expanded={props.selected.to_string()}
            {onclick} {onkeydown} onpointerenter={hover_on.clone()} onpointerleave={hover_off.clone()} onfocus={focus_on} onblur={focus_off}>
            if uncertain {
                <rect class={classes!("band", kind.clone())} x={props.x_start.to_string()} y={(props.y - 7.0 * k).to_string()} width={width.to_string()} height={(14.0 * k).to_string()} rx="3" />
            } else if span {
                <rect class={classes!("bar", kind.clone())} x={props.x_start.to_string()} y={(props.y - 5.0 * k).to_string()} width={width.to_string()} height={(10.0 * k).to_string()} rx={(5.0 * k).to_string()} />
            }
            <g transform={format!("translate({cx:.1},{:.1})", props.y)}><KindSymbol category={props.category.clone()} size={m.symbol} /></g>
        </g>
        if let Some(text) = label {
            <text class={classes!("mark-label", inside.then_some("inside"))} aria-hidden="true" x={format!("{label_x:.1}")} y={format!("{:.1}", props.y + 4.0 * k)}
                onclick={label_click} onpointerenter={hover_on} onpointerleave={hover_off}>{ text }</text>
        }
        </>
    }
}
