use crate::hooks::use_element_width::use_element_width;
use crate::state::Action;
use std::rc::Rc;
use timeline_core::fmt::px;
use timeline_core::overview::{histogram, histogram_path, Grab, Overview};
use timeline_core::scale::Window;
use timeline_core::windowing::WindowAction;
use timeline_core::{Dataset, PartialDate};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimeOverviewProps {
    pub dataset: Rc<Dataset>,
    /// The filtered events (indexes, time order).
    pub shown: Rc<Vec<usize>>,
    pub window: Window,
    /// The whole span (the window that fits all events).
    pub extent: Window,
    /// Where the chart's window is kept.
    pub bounds: Window,
    pub dispatch: Callback<Action>,
}

const HEIGHT: f64 = 44.0;

fn day_text(day: f64) -> String {
    PartialDate::from_day_number(day.round() as i32).display()
}

/// A strip under the chart: the filtered events over the whole span as a
/// histogram (one bar per pixel column, aggregated in the core), and the
/// visible window as a brush. Drag the brush to pan, an edge to resize, press
/// elsewhere to centre there; keys: arrows pan, +/− resize, Home/End go to
/// the ends, 0 shows all.
#[function_component(TimeOverview)]
pub fn time_overview(props: &TimeOverviewProps) -> Html {
    let node = use_node_ref();
    // Before it is measured, the width the layout will give (the chart's): the
    // first frame, and the page rendered at build time, fit.
    let width = use_element_width(node.clone())
        .unwrap_or_else(|| crate::components::timeline_chart::estimated_width(false))
        .max(50.0);
    // A drag in progress: what was grabbed, where, and the window then.
    let drag = use_mut_ref(|| None::<(Grab, f64, Window)>);
    let ov = Overview {
        extent: props.extent,
        width,
        bounds: props.bounds,
    };

    // Aggregated once per filter and width, not per window change: a brush drag
    // redraws only the brush.
    let bins = (width / 2.0).floor().max(1.0) as usize;
    let bars = {
        let (ds, shown, extent) = (props.dataset.clone(), props.shown.clone(), props.extent);
        use_memo(
            (
                Rc::as_ptr(&shown) as usize,
                Rc::as_ptr(&ds) as usize,
                width.to_bits(),
                extent.start.to_bits(),
                extent.end.to_bits(),
            ),
            move |_| {
                let key = (
                    width.to_bits(),
                    extent.start.to_bits(),
                    extent.end.to_bits(),
                );
                crate::stats_cache::overview_for(&ds, &shown, key, || {
                    histogram_path(&histogram(&ds, &shown, extent, bins), width, HEIGHT - 4.0)
                })
            },
        )
    };

    // Yew delegates events, so positions are taken from the strip's own node.
    let local_x = {
        let node = node.clone();
        move |e: &PointerEvent| -> f64 {
            let rect = node
                .cast::<web_sys::Element>()
                .map(|el| el.get_bounding_client_rect());
            rect.map_or(0.0, |r| e.client_x() as f64 - r.left())
        }
    };
    let onpointerdown = {
        let (drag, d, w, local_x, node) = (
            drag.clone(),
            props.dispatch.clone(),
            props.window,
            local_x.clone(),
            node.clone(),
        );
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            e.prevent_default();
            let x = local_x(&e);
            let grab = ov.grab(w, x);
            let mut start = w;
            if grab == Grab::Outside {
                start = ov.centre_at(w, x);
                d.emit(Action::set_window(start));
            }
            if let Some(el) = node.cast::<web_sys::Element>() {
                let _ = el.set_pointer_capture(e.pointer_id());
            }
            *drag.borrow_mut() = Some((grab, x, start));
        })
    };
    let onpointermove = {
        let (drag, d) = (drag.clone(), props.dispatch.clone());
        Callback::from(move |e: PointerEvent| {
            let grabbed = *drag.borrow();
            if let Some((grab, x0, w0)) = grabbed {
                d.emit(Action::set_window(ov.drag(w0, grab, x0, local_x(&e))));
            }
        })
    };
    let end = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| {
            drag.borrow_mut().take();
        })
    };
    let onkeydown = {
        let d = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let action = if let Some(zoom) = Action::zoom_key(&key) {
                Action::Window(zoom)
            } else {
                match key.as_str() {
                    "ArrowLeft" | "ArrowDown" => Action::pan(-0.25),
                    "ArrowRight" | "ArrowUp" => Action::pan(0.25),
                    "PageUp" => Action::pan(-1.0),
                    "PageDown" => Action::pan(1.0),
                    "Home" => Action::Window(WindowAction::Edge { start: true }),
                    "End" => Action::Window(WindowAction::Edge { start: false }),
                    "0" => Action::fit(),
                    _ => return,
                }
            };
            e.prevent_default();
            d.emit(action);
        })
    };
    let (a, b) = ov.brush(props.window);
    let text = format!(
        "Visible: {} to {}",
        day_text(props.window.start),
        day_text(props.window.end - 1.0)
    );
    let (y0, y1) = (
        PartialDate::from_day_number(props.extent.start as i32).year(),
        PartialDate::from_day_number(props.extent.end as i32).year(),
    );
    // Years along the strip, where they fit: the axis's round years (scale::ticks).
    let years = timeline_core::scale::ticks(props.extent, width)
        .into_iter()
        .filter(|t| t.major)
        .filter_map(|t| {
            let x = ov.x(f64::from(t.day));
            (x > 2.0 && x < width - 32.0).then(
                || html! { <text class="overview-year" x={px(x + 3.0)} y="12">{ t.label }</text> },
            )
        });
    html! {
        <div class="overview" data-testid="overview">
            <div class="overview-strip" ref={node} {onpointerdown} {onpointermove} onpointerup={end.clone()} onpointercancel={end}>
                <svg class="overview-svg" width={px(width)} height={px(HEIGHT)} viewBox={format!("0 0 {} {}", px(width), px(HEIGHT))}>
                    <path class="overview-bars" d={(**bars).clone()} transform="translate(0,4)" />
                    { for years }
                    <g class="brush" role="slider" tabindex="0" data-testid="brush" {onkeydown}
                        aria-label="Visible window in the whole span. Arrows move it, plus and minus resize it, Home and End go to the ends, 0 shows all."
                        aria-valuemin={y0.to_string()} aria-valuemax={y1.to_string()}
                        aria-valuenow={PartialDate::from_day_number(((props.window.start + props.window.end) / 2.0) as i32).year().to_string()}
                        aria-valuetext={text.clone()} data-brush-x0={px(a)} data-brush-x1={px(b)}>
                        <rect class="brush-body" x={px(a)} y="1" width={px(b - a)} height={px(HEIGHT - 2.0)} />
                        <rect class="brush-edge" x={px(a - 2.0)} y="1" width="4" height={px(HEIGHT - 2.0)} />
                        <rect class="brush-edge" x={px(b - 2.0)} y="1" width="4" height={px(HEIGHT - 2.0)} />
                    </g>
                </svg>
            </div>
            <p class="overview-text">{ text }</p>
        </div>
    }
}
