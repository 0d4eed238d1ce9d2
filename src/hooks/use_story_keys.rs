//! While a story plays: → PageDown Space go to the next scene, ← PageUp to
//! the previous, Home and End to the first and last, Esc leaves (not in a
//! read-only frame). On the whole page, in the capture phase (the chart's
//! arrows do not pan too); typing in a field is not a scene change.

use crate::state::{Action, StoryAction};
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

#[hook]
pub fn use_story_keys(playing: bool, count: usize, can_leave: bool, dispatch: Callback<Action>) {
    crate::hooks::erased::use_effect_on(
        (playing, count, can_leave),
        move |&(on, count, can_leave)| {
            let listener = on.then(web_sys::window).flatten().map(|w| {
                let opts = EventListenerOptions {
                    phase: EventListenerPhase::Capture,
                    passive: false,
                };
                EventListener::new_with_options(&w, "keydown", opts, move |e| {
                    let Some(k) = e.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    let target = k
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                    let typing = target.as_ref().is_some_and(|t| {
                        matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    });
                    let in_dialog = target
                        .and_then(|t| t.closest("[role=dialog]").ok().flatten())
                        .is_some();
                    if typing || in_dialog || k.alt_key() || k.ctrl_key() || k.meta_key() {
                        return;
                    }
                    let a = match k.key().as_str() {
                        "ArrowRight" | "PageDown" | " " | "Spacebar" => StoryAction::Step(1),
                        "ArrowLeft" | "PageUp" => StoryAction::Step(-1),
                        "Home" => StoryAction::Go(0),
                        "End" => StoryAction::Go(count.saturating_sub(1)),
                        "Escape" if can_leave => StoryAction::Stop,
                        _ => return,
                    };
                    k.prevent_default();
                    k.stop_propagation();
                    dispatch.emit(Action::Story(a));
                })
            });
            move || drop(listener)
        },
    );
}
