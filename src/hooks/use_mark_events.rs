//! The chart's marks, listened to once for all of them (delegation): a click on
//! a mark or its label opens the event; pointing at one (not with a finger) or
//! focusing it from the keyboard shows its tooltip; Esc hides it. Stable
//! callbacks, made once.

use crate::state::Action;
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub struct MarkEvents {
    pub onclick: Callback<MouseEvent>,
    pub onpointerover: Callback<PointerEvent>,
    pub onpointerout: Callback<PointerEvent>,
    pub onfocusin: Callback<FocusEvent>,
    pub onfocusout: Callback<FocusEvent>,
}

/// The id of the event whose mark (or label) `e` happened on.
pub fn mark_id(e: &Event) -> Option<String> {
    let el = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let mark = el.closest("[data-event-id], [data-label-for]").ok()??;
    mark.get_attribute("data-event-id")
        .or_else(|| mark.get_attribute("data-label-for"))
}

#[hook]
pub fn use_mark_events(dispatch: Callback<Action>, hover: Callback<Option<String>>) -> MarkEvents {
    let onclick = use_callback(dispatch, |e: MouseEvent, d| {
        if let Some(id) = mark_id(&e) {
            // Not a click on the background (which closes the open event).
            e.stop_propagation();
            d.emit(Action::Select(Some(id)));
        }
    });
    // A finger does not hover: its tap opens the event (a tooltip would stay behind).
    let onpointerover = use_callback(hover.clone(), |e: PointerEvent, h| {
        if e.pointer_type() != "touch" {
            h.emit(mark_id(&e))
        }
    });
    // Moving within one mark (from its bar to its symbol) is not leaving it.
    let onpointerout = use_callback(hover.clone(), |e: PointerEvent, h| {
        let to = e
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| {
                t.closest("[data-event-id], [data-label-for]")
                    .ok()
                    .flatten()
            })
            .and_then(|m| {
                m.get_attribute("data-event-id")
                    .or_else(|| m.get_attribute("data-label-for"))
            });
        if to.is_none() || to != mark_id(&e) {
            h.emit(to);
        }
    });
    // Esc hides the tooltip wherever the focus is: what a hover shows can be
    // dismissed without moving the pointer (WCAG 1.4.13).
    {
        let hover = hover.clone();
        crate::hooks::erased::use_effect_on((), move |_| {
            let listener = crate::dom::window().map(|w| {
                gloo::events::EventListener::new(&w, "keydown", move |e| {
                    if e.dyn_ref::<KeyboardEvent>()
                        .is_some_and(|k| k.key() == "Escape")
                    {
                        hover.emit(None);
                    }
                })
            });
            move || drop(listener)
        });
    }
    // The focus shows the tooltip when it is seen (the keyboard's), not when the
    // app moves it after a click or a tap (into a cluster just opened).
    let onfocusin = use_callback(hover.clone(), |e: FocusEvent, h| {
        let seen = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_none_or(|el| el.matches(":focus-visible").unwrap_or(true));
        if seen {
            h.emit(mark_id(&e))
        }
    });
    let onfocusout = use_callback(hover, |_: FocusEvent, h| h.emit(None));
    MarkEvents {
        onclick,
        onpointerover,
        onpointerout,
        onfocusin,
        onfocusout,
    }
}
