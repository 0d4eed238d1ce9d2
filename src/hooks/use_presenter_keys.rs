//! Presenter mode keys, on the whole page (and inside an iframe that has focus):
//! → PageDown Space step forward, ← PageUp back, Esc leaves presenter mode.
//! Handled in the capture phase so that the chart's own arrow keys do not pan too.

use crate::state::Action;
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

#[hook]
pub fn use_presenter_keys(presenting: bool, dispatch: Callback<Action>) {
    crate::hooks::erased::use_effect_on(presenting, move |&on| {
        let listener = (on).then(web_sys::window).flatten().map(|w| {
            let opts = EventListenerOptions {
                phase: EventListenerPhase::Capture,
                passive: false,
            };
            EventListener::new_with_options(&w, "keydown", opts, move |e| {
                let Some(k) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                // Typing in a field is not a clicker press.
                let typing = k
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|t| {
                        matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    });
                // Esc in an open dialog (a frame's full details, the embed dialog) closes the
                // dialog, not presenter mode; the current event's own details are part of
                // presenting: one Esc there leaves presenter mode.
                let in_dialog = k.key() == "Escape"
                    && k.target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|t| {
                            t.closest("[role=dialog]:not(.presenter-details)")
                                .ok()
                                .flatten()
                        })
                        .is_some();
                if typing || in_dialog || k.alt_key() || k.ctrl_key() || k.meta_key() {
                    return;
                }
                let action = match k.key().as_str() {
                    "ArrowRight" | "PageDown" | " " | "Spacebar" => Action::Step(1),
                    "ArrowLeft" | "PageUp" => Action::Step(-1),
                    "Escape" => Action::SetPresenting(false),
                    _ => return,
                };
                k.prevent_default();
                k.stop_propagation();
                dispatch.emit(action);
            })
        });
        move || drop(listener)
    });
}
