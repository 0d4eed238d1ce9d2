//! The chart's keys: arrows, Home/End and PageUp/PageDown move the cursor from
//! event to event (timeline_core::chartnav), Shift+arrows pan, +/- zoom around
//! the cursor's event, 0 fits all, Esc closes the open event; and a mark that
//! gets focus (a click, Tab back in) becomes the cursor.

use crate::state::Action;
use std::rc::Rc;
use timeline_core::chartnav::{Cursor, Move};
use timeline_core::layout::LaneKey;
use timeline_core::scale::{TickUnit, Window};
use timeline_core::windowing::WindowAction;
use timeline_core::Dataset;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What the keys need to know of the chart as drawn.
#[derive(Clone, PartialEq)]
pub struct KeyContext {
    pub dataset: Rc<Dataset>,
    pub window: Window,
    /// The axis's unit (PageUp/PageDown).
    pub unit: TickUnit,
    pub cursor: Option<Cursor>,
    /// The drawn lanes' keys, by position.
    pub lanes: Rc<Vec<LaneKey>>,
}

pub struct ChartKeys {
    pub onkeydown: Callback<KeyboardEvent>,
    pub onfocusin: Callback<FocusEvent>,
}

#[hook]
pub fn use_chart_keys(ctx: KeyContext, dispatch: Callback<Action>) -> ChartKeys {
    let latest = use_mut_ref(|| ctx.clone());
    *latest.borrow_mut() = ctx;
    let onkeydown = {
        let (latest, d) = (latest.clone(), dispatch.clone());
        use_callback((), move |e: KeyboardEvent, _| {
            if let Some(action) = key_action(&e, &latest.borrow()) {
                e.prevent_default();
                d.emit(action);
            }
        })
    };
    let onfocusin = use_callback((), move |e: FocusEvent, _| {
        if let Some(el) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            focus_in(&el, &latest.borrow(), &dispatch);
        }
    });
    ChartKeys {
        onkeydown,
        onfocusin,
    }
}

/// The action a key stands for in the chart, if any.
fn key_action(e: &KeyboardEvent, c: &KeyContext) -> Option<Action> {
    // Keys inside the open event's popover are its own (links, buttons, text).
    let in_popover = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("[role=dialog]").ok().flatten())
        .is_some();
    let key = e.key();
    if in_popover && key != "Escape" {
        return None;
    }
    // Enter or Space on a mark opens its event.
    if key == "Enter" || key == " " {
        return crate::hooks::use_mark_events::mark_id(e).map(|id| Action::Select(Some(id)));
    }
    let w = c.window;
    Some(
        if let Some(WindowAction::Zoom { factor, .. }) = Action::zoom_key(&key) {
            // Around the cursor's event where it is in view.
            let anchor = c
                .cursor
                .as_ref()
                .map(|cur| c.dataset.events[cur.event].start_day() as f64)
                .filter(|&day| day >= w.start && day < w.end)
                .map_or(0.5, |day| (day - w.start) / w.span());
            Action::zoom(factor, anchor)
        } else if e.shift_key() && key == "ArrowLeft" {
            Action::pan(-0.1)
        } else if e.shift_key() && key == "ArrowRight" {
            Action::pan(0.1)
        } else if let Some(mv) = Move::from_key(&key) {
            Action::Nav { mv, unit: c.unit }
        } else {
            match key.as_str() {
                "0" => Action::fit(),
                "Escape" => Action::Select(None),
                _ => return None,
            }
        },
    )
}

/// Focus came into the chart: onto a mark (it becomes the cursor) or onto the chart itself.
fn focus_in(el: &web_sys::Element, c: &KeyContext, d: &Callback<Action>) {
    // The chart itself focused (a script, a link to it): its stop is the cursor's event.
    if el.get_attribute("data-testid").as_deref() == Some("chart") {
        if let Ok(Some(stop)) = el.query_selector(".mark[tabindex=\"0\"]") {
            let _ = stop.dyn_into::<web_sys::SvgElement>().map(|s| s.focus());
        } else {
            // Only clusters in view (many events): the first event in view
            // becomes the cursor, drawn as a mark, and gets the focus.
            d.emit(Action::Nav {
                mv: Move::Next,
                unit: c.unit,
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
    let cursor = c
        .dataset
        .position(&id)
        .zip(c.lanes.get(li))
        .map(|(event, lane)| Cursor {
            lane: lane.clone(),
            event,
        });
    // An event opened from its mark closes back to its mark.
    crate::dom::set_return_focus(None);
    if cursor.is_some() && cursor != c.cursor {
        d.emit(Action::SetCursor(cursor));
    }
}
