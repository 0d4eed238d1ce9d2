//! The chart's pointer gestures, each sent as one window action
//! (timeline_core::windowing): Ctrl or ⌘ with the wheel, and a trackpad's pinch,
//! zoom under the pointer — a plain wheel turn scrolls the page and shows
//! how to zoom, except where the chart is the whole view (`windowing::wheel`);
//! one pointer drags to pan, two fingers pinch; a press that does not move is
//! a click on the background (it closes the open event).

use crate::state::Action;
use gloo::events::{EventListener, EventListenerOptions};
use std::cell::RefCell;
use std::rc::Rc;
use timeline_core::scale::Window;
use timeline_core::windowing::WindowAction;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, WheelEvent};
use yew::prelude::*;

/// The plot's place in the chart, for turning pointer positions into days.
#[derive(Clone, Copy, PartialEq)]
pub struct Plot {
    /// The gutter before the plot, in pixels.
    pub left: f64,
    pub width: f64,
    pub window: Window,
    /// Presenting: a click into the chart keeps the current event.
    pub presenting: bool,
    /// The chart is the whole view (a frame, presenting): a plain wheel turn zooms.
    pub owns_wheel: bool,
}

pub struct ChartGestures {
    pub onpointerdown: Callback<PointerEvent>,
    pub onpointermove: Callback<PointerEvent>,
    pub onpointerend: Callback<PointerEvent>,
    pub onclick: Callback<MouseEvent>,
}

#[derive(Default)]
struct Pointers {
    /// A drag in progress: where it started, the window then, whether it moved.
    drag: Option<(f64, Window, bool)>,
    /// Active pointers (id, client x).
    touches: Vec<(i32, f64)>,
    /// A pinch in progress: the two start positions and the window then.
    pinch: Option<((f64, f64), Window)>,
    /// The click that ends a drag or a pinch is not a click on the background.
    suppress_click: bool,
}

/// How long the wheel's hint stays after the last plain turn, in ms.
const HINT_MS: u32 = 1600;

/// The wheel listener (not passive: a turn the chart takes does not scroll
/// the page) and the pointer callbacks.
#[hook]
pub fn use_chart_gestures(
    container: NodeRef,
    plot: Plot,
    dispatch: Callback<Action>,
) -> ChartGestures {
    {
        let (container, dispatch) = (container.clone(), dispatch.clone());
        let key = (plot.left, plot.width, plot.owns_wheel);
        crate::hooks::erased::use_effect_on(key, move |&(left, width, owns_wheel)| {
            let listener = container.cast::<HtmlElement>().map(|el| {
                let el2 = el.clone();
                let hint: RefCell<Option<gloo::timers::callback::Timeout>> = RefCell::default();
                let opts = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&el, "wheel", opts, move |e| {
                    let Some(e) = e.dyn_ref::<WheelEvent>() else {
                        return;
                    };
                    let left = el2.get_bounding_client_rect().left() + left;
                    match wheel_action(e, left, width, owns_wheel) {
                        Some(action) => {
                            e.prevent_default();
                            dispatch.emit(Action::Window(action));
                        }
                        None => show_hint(&el2, &hint),
                    }
                })
            });
            move || drop(listener)
        });
    }
    let state = use_mut_ref(Pointers::default);
    // The latest plot, read by the callbacks at the time of the event.
    let latest = use_mut_ref(|| plot);
    *latest.borrow_mut() = plot;
    let onpointerdown = {
        let (state, latest) = (state.clone(), latest.clone());
        Callback::from(move |e: PointerEvent| {
            let w = latest.borrow().window;
            let mut p = state.borrow_mut();
            p.touches.retain(|(id, _)| *id != e.pointer_id());
            p.touches.push((e.pointer_id(), e.client_x() as f64));
            if p.touches.len() == 2 {
                // A second finger: pinch from here, no more dragging.
                p.drag = None;
                p.pinch = Some(((p.touches[0].1, p.touches[1].1), w));
            } else if e.button() == 0 && p.touches.len() == 1 {
                p.drag = Some((e.client_x() as f64, w, false));
            }
        })
    };
    let onpointermove = {
        let (state, latest, d) = (state.clone(), latest.clone(), dispatch.clone());
        Callback::from(move |e: PointerEvent| {
            let plot = *latest.borrow();
            let mut p = state.borrow_mut();
            if let Some(t) = p.touches.iter_mut().find(|(id, _)| *id == e.pointer_id()) {
                t.1 = e.client_x() as f64;
            }
            if let (Some(((a, b), was)), 2) = (p.pinch, p.touches.len()) {
                // Plot coordinates: client x less the plot's left edge.
                let left = container
                    .cast::<HtmlElement>()
                    .map_or(0.0, |el| el.get_bounding_client_rect().left())
                    + plot.left;
                let (ta, tb) = (p.touches[0].1, p.touches[1].1);
                d.emit(Action::Window(WindowAction::Pinch {
                    was,
                    from: (a - left, b - left),
                    to: (ta - left, tb - left),
                    width: plot.width,
                }));
                return;
            }
            if let Some((x0, from, moved)) = p.drag.as_mut() {
                let dx = e.client_x() as f64 - *x0;
                if dx.abs() > 3.0 || *moved {
                    *moved = true;
                    let (from, width) = (*from, plot.width);
                    d.emit(Action::Window(WindowAction::Drag { from, dx, width }));
                }
            }
        })
    };
    let onpointerend = {
        let state = state.clone();
        Callback::from(move |e: PointerEvent| {
            let mut p = state.borrow_mut();
            p.touches.retain(|(id, _)| *id != e.pointer_id());
            if p.pinch.take().is_some() {
                p.suppress_click = true;
            }
            if let Some((_, _, moved)) = p.drag.take() {
                p.suppress_click = moved;
            }
        })
    };
    let onclick = click_background(state, latest, dispatch);
    ChartGestures {
        onpointerdown,
        onpointermove,
        onpointerend,
        onclick,
    }
}

/// A click on the background closes the open event (not the end of a drag, not while presenting).
fn click_background(
    state: Rc<RefCell<Pointers>>,
    latest: Rc<RefCell<Plot>>,
    d: Callback<Action>,
) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let suppressed = std::mem::take(&mut state.borrow_mut().suppress_click);
        if !suppressed && !latest.borrow().presenting {
            d.emit(Action::Select(None));
        }
    })
}

/// A wheel turn (timeline_core::windowing::wheel): the chart's action, or
/// `None` when the page scrolls.
fn wheel_action(
    e: &WheelEvent,
    plot_left: f64,
    width: f64,
    owns_wheel: bool,
) -> Option<WindowAction> {
    use timeline_core::windowing::{wheel, Wheel, WheelTurn};
    let unit = if e.delta_mode() == 1 { 16.0 } else { 1.0 };
    let turn = WheelTurn {
        dx: e.delta_x() * unit,
        dy: e.delta_y() * unit,
        zoom_key: e.ctrl_key() || e.meta_key(),
        shift: e.shift_key(),
        anchor: (e.client_x() as f64 - plot_left) / width.max(1.0),
        width,
        owns_wheel,
    };
    match wheel(turn) {
        Wheel::Scroll => None,
        Wheel::Pan(f) => Some(WindowAction::Pan(f)),
        Wheel::Zoom { exponent, anchor } => Some(WindowAction::Zoom {
            // JavaScript's Math.exp: no libm in this module.
            factor: js_sys::Math::exp(exponent),
            anchor,
        }),
    }
}

/// Shows the chart's hint on how to zoom, for a moment after the last plain turn.
fn show_hint(el: &HtmlElement, timer: &RefCell<Option<gloo::timers::callback::Timeout>>) {
    let _ = el.set_attribute("data-wheel-hint", "");
    let el = el.clone();
    let later = gloo::timers::callback::Timeout::new(HINT_MS, move || {
        let _ = el.remove_attribute("data-wheel-hint");
    });
    // The timer of a turn before is dropped (cancelled): the hint stays while turning.
    *timer.borrow_mut() = Some(later);
}
