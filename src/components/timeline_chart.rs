use crate::components::{
    event_details::EventDetails, event_mark::EventMark, kind_symbol::kind_class,
    time_axis::TimeAxis,
};
use crate::dom::bump_render_seq;
use crate::state::{Action, AppState};
use gloo::events::{EventListener, EventListenerOptions};
use std::cell::RefCell;
use std::rc::Rc;
use timeline_core::chartnav::{Cursor, Move};
use timeline_core::frame::{fit_layout, ChartMetrics};
use timeline_core::layout::{layout, LaneKey, LayoutParams};
use timeline_core::scale::Window;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, WheelEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineChartProps {
    pub state: UseReducerHandle<AppState>,
    pub dispatch: Callback<Action>,
    /// The root font size in px: the chart's type and rows scale with it.
    #[prop_or(16.0)]
    pub em: f64,
}

/// `label` cut to `chars` characters, with an ellipsis when cut.
fn cut(label: &str, chars: usize) -> String {
    if label.chars().count() <= chars {
        return label.to_string();
    }
    let mut t: String = label.chars().take(chars.saturating_sub(1)).collect();
    t.push('…');
    t
}

/// The chart's content width the stylesheet will give, from the window's width.
fn estimated_width(embed: bool) -> f64 {
    let vw = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(1280.0);
    let w = if embed {
        vw - 16.0
    } else if vw <= 720.0 {
        vw - 40.0
    } else {
        vw.min(1920.0) - 40.0 - 260.0 - 20.0
    };
    (w - 2.0).max(300.0)
}

/// What the chart's keys do, read by screen readers when the chart gets focus.
pub const KEYS_HELP: &str = "One event at a time: Left and Right arrows go to the previous and next event of the lane, \
Up and Down to the nearest event of the lane above or below, Home and End to the lane's first and last, \
Page Up and Page Down by the axis's step. Enter opens the event, Escape closes it. \
Plus and minus zoom, Shift with the arrows pans, 0 shows everything. \
A count of events close together opens with a click, or by walking into it with the arrows.";

/// "7", "312", "1.2k", "15k": fits a density bin.
fn short_count(n: usize) -> String {
    match n {
        0..=999 => n.to_string(),
        1000..=9_999 => format!("{:.1}k", n as f64 / 1000.0),
        _ => format!("{}k", n / 1000),
    }
}

/// The chart: lanes, axis, marks and clusters drawn as SVG; zoom with the wheel
/// or pinch (anchored under the pointer), buttons and keys; pan by dragging and
/// with arrow keys; events open a popover.
#[function_component(TimelineChart)]
pub fn timeline_chart(props: &TimelineChartProps) -> Html {
    let state = &props.state;
    let ds = state.data.dataset.clone();
    let container = use_node_ref();
    let hovered = use_state(|| None::<String>);
    let drag = use_mut_ref(|| None::<(f64, Window, bool)>);
    let suppress_click = use_mut_ref(|| false);
    // Active pointers (id, client x) and a pinch in progress (start positions, window then).
    let touches = use_mut_ref(Vec::<(i32, f64)>::new);
    let pinch = use_mut_ref(|| None::<((f64, f64), Window)>);

    // The container's width, followed by a ResizeObserver (iframes, hidden tabs, phones).
    let measured = crate::hooks::use_element_width::use_element_size(container.clone());
    // Before the first measurement, the width the layout will give (styles:
    // .app padding, the 260 px filter column and its gap on a desktop), so the
    // first frame has the right height and nothing shifts when it is measured.
    let w = measured.map_or_else(|| estimated_width(state.embed.embed), |(w, _)| w);
    let m = ChartMetrics::at(props.em);
    let k = m.label_px / 12.0;
    let g = m.gutter(w);
    let plot_w = (w - g - 8.0).max(100.0);

    // Wheel and trackpad pinch zoom, anchored under the pointer (a non-passive listener).
    {
        let container = container.clone();
        let dispatch = props.dispatch.clone();
        use_effect_with((plot_w, g), move |&(plot_w, g)| {
            let listener = container.cast::<HtmlElement>().map(|el| {
                let el2 = el.clone();
                EventListener::new_with_options(
                    &el,
                    "wheel",
                    EventListenerOptions::enable_prevent_default(),
                    move |e| {
                        let Some(e) = e.dyn_ref::<WheelEvent>() else {
                            return;
                        };
                        let dy = e.delta_y() * if e.delta_mode() == 1 { 16.0 } else { 1.0 };
                        if dy == 0.0 && e.delta_x() != 0.0 {
                            e.prevent_default();
                            dispatch.emit(Action::Pan(e.delta_x() / plot_w));
                            return;
                        }
                        e.prevent_default();
                        let rect = el2.get_bounding_client_rect();
                        let anchor =
                            ((e.client_x() as f64 - rect.left() - g) / plot_w).clamp(0.0, 1.0);
                        let speed = if e.ctrl_key() { 0.01 } else { 0.0015 };
                        dispatch.emit(Action::Zoom {
                            factor: (dy * speed).exp(),
                            anchor,
                        });
                    },
                )
            });
            move || drop(listener)
        });
    }

    crate::hooks::use_chart_focus::use_chart_focus(container.clone(), state.view.selected.clone());
    use_effect(bump_render_seq);

    let window = state.window();
    let shown = state.shown.clone();
    // In a frame the lanes are fitted into the height the chart gets
    // (timeline_core::frame, where the order of what gives way is written).
    let avail = measured
        .filter(|_| state.embed.embed)
        .map_or(0.0, |(_, h)| h);
    let lay = |max_rows: usize| {
        layout(
            &ds,
            &shown,
            state.view.grouping,
            window,
            LayoutParams {
                width: plot_w,
                max_rows,
                min_mark: 14.0 * k,
                bin: 36.0 * k,
                gap: 4.0 * k,
                // The keyboard's cursor, else the open event, is never hidden in a cluster.
                keep: state.cursor.as_ref().map(|c| c.event).or_else(|| {
                    state
                        .view
                        .selected
                        .as_deref()
                        .and_then(|id| ds.position(id))
                }),
            },
        )
    };
    // What gives way, in order (timeline_core::frame::fit_layout); the height the
    // lanes need at their natural size is what a host may size the frame to.
    let (lanes, fitted, natural_h) = fit_layout(lay, avail, &m, state.presenting);
    let (row_h, lane_pad) = (fitted.row_h, fitted.lane_pad);
    // Lane tops.
    let mut y = m.axis_h;
    let tops: Vec<f64> = lanes
        .iter()
        .map(|l| {
            let top = y;
            y += l.rows.max(1) as f64 * row_h + lane_pad * 2.0;
            top
        })
        .collect();
    let height = (y + 6.0).max(avail);

    // All marks of all lanes, in time order.
    let mut marks: Vec<(usize, usize)> = lanes
        .iter()
        .enumerate()
        .flat_map(|(li, l)| (0..l.marks.len()).map(move |mi| (li, mi)))
        .collect();
    marks.sort_by_key(|&(li, mi)| (lanes[li].marks[mi].event, li));
    let mut seen = std::collections::HashSet::new();
    let selected_id = state.view.selected.clone();
    // The chart is one Tab stop: the cursor's mark, else the first mark in time.
    let tab_stop = state
        .cursor
        .as_ref()
        .and_then(|c| {
            marks
                .iter()
                .copied()
                .find(|&(li, mi)| lanes[li].key == c.lane && lanes[li].marks[mi].event == c.event)
        })
        .or_else(|| marks.first().copied());
    let mut anchor = None;

    let onhover = {
        let hovered = hovered.clone();
        Callback::from(move |id: Option<String>| hovered.set(id))
    };
    let mut sel_lane = None;
    let mark_html: Html = marks.iter().map(|&(li, mi)| {
        let mk = &lanes[li].marks[mi];
        let e = &ds.events[mk.event];
        let first = seen.insert(mk.event);
        let cy = tops[li] + lane_pad + (mk.row as f64 + 0.5) * row_h;
        let x_start = g + window.x(e.start_day() as f64, plot_w);
        let x_end = g + window.x(e.end_day() as f64 + 1.0, plot_w);
        let is_sel = selected_id.as_deref() == Some(e.id.as_str());
        if is_sel && first {
            anchor = Some(((x_start + x_end) / 2.0, cy));
            sel_lane = Some((tops[li], lanes[li].rows.max(1) as f64 * row_h + lane_pad * 2.0));
        }
        html! {
            <EventMark key={format!("{}-{li}", e.id)} event={e.clone()} category={ds.category(e.kind).clone()} x_start={x_start} x_end={x_end.max(x_start + 1.0)} y={cy}
                label_room={mk.label_room + (g + mk.x1 - x_end.max(x_start)).max(0.0)} tabbable={tab_stop == Some((li, mi))} lane={li} selected={is_sel}
                metrics={m} plot_left={g}
                aria_label={timeline_core::describe::event_label(&ds, e)} dispatch={props.dispatch.clone()} onhover={onhover.clone()} />
        }
    }).collect();

    // The current event's lane is kept in view when the chart scrolls inside itself
    // (a frame too short for all lanes): only the chart scrolls, never the page or its host.
    {
        let container = container.clone();
        let key = sel_lane.map(|(t, h)| (t.round() as i64, h.round() as i64));
        use_effect_with((key, selected_id.clone()), move |(key, _)| {
            if let (Some((top, h)), Some(el)) = (key, container.cast::<HtmlElement>()) {
                let (st, ch) = (el.scroll_top() as i64, el.client_height() as i64);
                if *top < st || top + h > st + ch {
                    el.set_scroll_top((top + h / 2 - ch / 2).max(0) as i32);
                }
            }
        });
    }
    let densest = lanes
        .iter()
        .flat_map(|l| l.clusters.iter().map(|c| c.events.len()))
        .max()
        .unwrap_or(1) as f64;
    let clusters: Html = lanes.iter().enumerate().flat_map(|(li, l)| l.clusters.iter().map(move |c| (li, c))).map(|(li, c)| {
        let cy = tops[li] + lane_pad + 0.5 * row_h;
        let (a, b) = (ds.events[c.events[0]].start_day(), c.events.iter().map(|&i| ds.events[i].end_day()).max().unwrap_or(0));
        let target = Window::new(a as f64 - 3.0, b as f64 + 4.0);
        let n = c.events.len();
        let ids = c.events.iter().map(|&i| ds.events[i].id.as_str()).collect::<Vec<_>>().join(" ");
        let d = props.dispatch.clone();
        let zoom = d.reform(move |_: MouseEvent| Action::SetWindow(target));
        let key = Callback::from(move |e: KeyboardEvent| if e.key() == "Enter" || e.key() == " " { e.prevent_default(); d.emit(Action::SetWindow(target)); });
        html! {
             <g class="cluster" role="button" tabindex="-1" data-cluster-size={n.to_string()} data-event-ids={ids} aria-label={format!("{n} events close together; zoom in to see them")} onclick={zoom} onkeydown={key}>
                <rect x={format!("{:.1}", g + c.x0)} y={format!("{:.1}", cy - 9.0 * k)} width={format!("{:.1}", (c.x1 - c.x0).max(22.0 * k))} height={format!("{:.1}", 18.0 * k)} rx={format!("{:.1}", 9.0 * k)}
                    fill-opacity={format!("{:.2}", 0.45 + 0.55 * (n as f64 / densest).sqrt())} />
                <text x={format!("{:.1}", g + c.x0 + (c.x1 - c.x0).max(22.0 * k) / 2.0)} y={format!("{:.1}", cy + 4.0 * k)} text-anchor="middle">{ short_count(n) }</text>
            </g>
        }
    }).collect();

    // Lane labels are cut to the gutter (bold type: a little wider per character).
    let label_chars = ((g - 12.0) / (m.char_w * 1.1)).floor().max(3.0) as usize;
    let lane_bg: Html = lanes.iter().enumerate().map(|(li, l)| {
        let h = l.rows.max(1) as f64 * row_h + lane_pad * 2.0;
        let class = match &l.key { LaneKey::Kind(k) => format!("lane {}", kind_class(ds.category(*k))), _ => "lane".to_string() };
        html! {
            <g class={class}>
                <rect class="lane-bg" x="0" y={tops[li].to_string()} width={w.to_string()} height={h.to_string()} />
                <text class="lane-label" x="8" y={format!("{:.1}", tops[li] + lane_pad + row_h * 0.5 + 4.0 * k)}>{ cut(&l.label, label_chars) }
                    if l.label.chars().count() > label_chars { <title>{ l.label.clone() }</title> }</text>
            </g>
        }
    }).collect();

    // One pointer dragging pans; two (touch) pinch to zoom around the fingers.
    // A press that does not move is a click on the background (closes the popover).
    let onpointerdown = {
        let (drag, touches, pinch) = (drag.clone(), touches.clone(), pinch.clone());
        Callback::from(move |e: PointerEvent| {
            let mut t = touches.borrow_mut();
            t.retain(|(id, _)| *id != e.pointer_id());
            t.push((e.pointer_id(), e.client_x() as f64));
            if t.len() == 2 {
                // A second finger: pinch from here, no more dragging.
                drag.borrow_mut().take();
                *pinch.borrow_mut() = Some(((t[0].1, t[1].1), window));
            } else if e.button() == 0 && t.len() == 1 {
                *drag.borrow_mut() = Some((e.client_x() as f64, window, false));
            }
        })
    };
    let onpointermove = {
        let (drag, touches, pinch) = (drag.clone(), touches.clone(), pinch.clone());
        let d = props.dispatch.clone();
        let bounds = state.data.bounds;
        let container = container.clone();
        Callback::from(move |e: PointerEvent| {
            let mut t = touches.borrow_mut();
            if let Some(p) = t.iter_mut().find(|(id, _)| *id == e.pointer_id()) {
                p.1 = e.client_x() as f64;
            }
            if let (Some(((a, b), w0)), 2) = (*pinch.borrow(), t.len()) {
                // Plot coordinates: client x less the plot's left edge.
                let left = container
                    .cast::<HtmlElement>()
                    .map(|el| el.get_bounding_client_rect().left())
                    .unwrap_or(0.0)
                    + g;
                d.emit(Action::SetWindow(w0.pinch(
                    (a - left, b - left),
                    (t[0].1 - left, t[1].1 - left),
                    plot_w,
                    bounds,
                )));
                return;
            }
            let mut guard = drag.borrow_mut();
            if let Some((x0, w0, moved)) = guard.as_mut() {
                let dx = e.client_x() as f64 - *x0;
                if dx.abs() > 3.0 || *moved {
                    *moved = true;
                    d.emit(Action::SetWindow(w0.pan(-dx / plot_w, bounds)));
                }
            }
        })
    };
    let end_drag = {
        let (drag, touches, pinch) = (drag.clone(), touches.clone(), pinch.clone());
        let suppress = suppress_click.clone();
        Callback::from(move |e: PointerEvent| {
            touches.borrow_mut().retain(|(id, _)| *id != e.pointer_id());
            if pinch.borrow_mut().take().is_some() {
                *suppress.borrow_mut() = true;
            }
            if let Some((_, _, moved)) = drag.borrow_mut().take() {
                *suppress.borrow_mut() = moved;
            }
        })
    };
    let onclick_bg = {
        let d = props.dispatch.clone();
        let suppress: Rc<RefCell<bool>> = suppress_click.clone();
        // Presenting, a click into the chart (to give the frame the keys) keeps the current event.
        let presenting = state.presenting;
        Callback::from(move |_: MouseEvent| {
            if !std::mem::take(&mut *suppress.borrow_mut()) && !presenting {
                d.emit(Action::Select(None));
            }
        })
    };
    // Keys: arrows, Home/End and PageUp/PageDown move the cursor from event to
    // event (timeline_core::chartnav), Shift+arrows pan, +/- zoom around the
    // cursor's event, 0 fits all, Esc closes the open event.
    let onkeydown = {
        let d = props.dispatch.clone();
        let unit = timeline_core::scale::tick_unit(window, plot_w);
        let cursor_day = state
            .cursor
            .as_ref()
            .map(|c| ds.events[c.event].start_day() as f64)
            .filter(|&day| day >= window.start && day < window.end);
        Callback::from(move |e: KeyboardEvent| {
            // Keys inside the open event's popover are its own (links, buttons, text).
            let in_popover = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("[role=dialog]").ok().flatten())
                .is_some();
            if in_popover && e.key() != "Escape" {
                return;
            }
            let key = e.key();
            let action = if let Some(Action::Zoom { factor, .. }) = Action::zoom_key(&key) {
                let anchor = cursor_day.map_or(0.5, |day| (day - window.start) / window.span());
                Action::Zoom { factor, anchor }
            } else if e.shift_key() && key == "ArrowLeft" {
                Action::Pan(-0.1)
            } else if e.shift_key() && key == "ArrowRight" {
                Action::Pan(0.1)
            } else if let Some(mv) = Move::from_key(&key) {
                Action::Nav { mv, unit }
            } else {
                match key.as_str() {
                    "0" => Action::Fit,
                    "Escape" => Action::Select(None),
                    _ => return,
                }
            };
            e.prevent_default();
            d.emit(action);
        })
    };
    // A mark that gets focus (a click, Tab back in) becomes the cursor.
    let onfocusin = {
        let d = props.dispatch.clone();
        let keys: Vec<LaneKey> = lanes.iter().map(|l| l.key.clone()).collect();
        let ds = ds.clone();
        let cursor = state.cursor.clone();
        let nav_unit = timeline_core::scale::tick_unit(window, plot_w);
        Callback::from(move |e: FocusEvent| {
            let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            // The chart itself focused (a script, a link to it): its stop is the cursor's event.
            if el.get_attribute("data-testid").as_deref() == Some("chart") {
                if let Ok(Some(stop)) = el.query_selector(".mark[tabindex=\"0\"]") {
                    let _ = stop.dyn_into::<web_sys::SvgElement>().map(|s| s.focus());
                } else {
                    // Only clusters in view (many events): the first event in view
                    // becomes the cursor, drawn as a mark, and gets the focus.
                    d.emit(Action::Nav {
                        mv: Move::Next,
                        unit: nav_unit,
                    });
                }
                return;
            }
            let (Some(id), Some(li)) = (
                el.get_attribute("data-event-id"),
                el.get_attribute("data-lane")
                    .and_then(|l| l.parse::<usize>().ok()),
            ) else {
                return;
            };
            let c = ds
                .position(&id)
                .zip(keys.get(li))
                .map(|(event, lane)| Cursor {
                    lane: lane.clone(),
                    event,
                });
            // An event opened from its mark closes back to its mark.
            crate::dom::set_return_focus(None);
            if c.is_some() && c != cursor {
                d.emit(Action::SetCursor(c));
            }
        })
    };
    let tooltip = hovered.as_ref().filter(|id| selected_id.as_ref() != Some(*id)).and_then(|id| ds.event(id)).map(|e| {
        html! { <div class="tooltip" role="tooltip"><strong>{ e.title.clone() }</strong><span>{ e.date_label() }</span></div> }
    });
    let selected = selected_id.as_ref().and_then(|id| ds.event(id)).cloned();
    // Below the mark in the upper half of the chart, above it in the lower half.
    let above = anchor.is_some_and(|(_, y)| y > height / 2.0);
    let popover_anchor = anchor.map(|(x, y)| {
        let pw = 340.0_f64.min(w - 16.0);
        let left = (x - pw / 2.0).clamp(8.0, (w - pw - 8.0).max(8.0));
        (left, if above { y - 16.0 } else { y + 16.0 })
    });

    html! {
        <div class="chart" ref={container} tabindex={if tab_stop.is_some() { "-1" } else { "0" }} role="group" data-testid="chart"
            data-content-height={format!("{natural_h:.0}")}
            data-step-days={format!("{:.2}", timeline_core::chartnav::unit_days(timeline_core::scale::tick_unit(window, plot_w)))}
            aria-label="Timeline chart" aria-describedby="chart-keys"
            {onkeydown} {onfocusin}>
            <p id="chart-keys" class="visually-hidden">{ KEYS_HELP }</p>
            <svg class="chart-svg" width={w.to_string()} height={height.to_string()} viewBox={format!("0 0 {w} {height}")}
                {onpointerdown} {onpointermove} onpointerup={end_drag.clone()} onpointercancel={end_drag.clone()} onpointerleave={end_drag} onclick={onclick_bg}>
                // Marks, spans and their labels are clipped to the plot area: a span that
                // starts before the window never covers the lane labels.
                <defs><clipPath id="plot-clip"><rect x={format!("{g:.1}")} y="0" width={format!("{:.1}", w - g)} height={format!("{height:.1}")} /></clipPath></defs>
                { lane_bg }
                <g transform={format!("translate({g},0)")}><TimeAxis window={window} width={plot_w} height={height} scale={k} /></g>
                <g class="clusters" clip-path="url(#plot-clip)">{ clusters }</g>
                <g class="marks" clip-path="url(#plot-clip)">{ mark_html }</g>
            </svg>
            { tooltip.unwrap_or_default() }
            // In a frame the app shows a caption under the chart instead.
            if let Some(ev) = selected.filter(|_| !state.presenting && !state.embed.embed) {
                <EventDetails dataset={ds.clone()} event={ev} anchor={popover_anchor} {above} dispatch={props.dispatch.clone()} />
            }
        </div>
    }
}
