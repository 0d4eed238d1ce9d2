//! The window's smooth move from one scene to the next: the reducer starts a
//! move (story_state.rs), this hook steps it once a frame
//! (requestAnimationFrame) to its end. With `prefers-reduced-motion: reduce`
//! the reducer is told, and scenes change at once.

use crate::state::{Action, StoryAction};
use crate::story_state::Motion;
use gloo::render::{request_animation_frame, AnimationFrame};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How long a move between two scenes takes.
const MOVE_MS: f64 = 600.0;

type Slot = Rc<RefCell<Option<AnimationFrame>>>;

fn next_frame(start: Option<f64>, d: Callback<Action>, slot: Slot) {
    let again = slot.clone();
    let frame = request_animation_frame(move |now| {
        let start = start.unwrap_or(now);
        let t = ((now - start) / MOVE_MS).clamp(0.0, 1.0);
        d.emit(Action::Story(StoryAction::Tween(t)));
        if t < 1.0 {
            next_frame(Some(start), d, again);
        }
    });
    *slot.borrow_mut() = Some(frame);
}

#[hook]
pub fn use_story_motion(motion: Option<Motion>, dispatch: Callback<Action>) {
    {
        let d = dispatch.clone();
        crate::hooks::erased::use_effect_on((), move |_| {
            let reduce = crate::dom::window()
                .and_then(|w| {
                    w.match_media("(prefers-reduced-motion: reduce)")
                        .ok()
                        .flatten()
                })
                .is_some_and(|m| m.matches());
            if reduce {
                d.emit(Action::Story(StoryAction::ReducedMotion(true)));
            }
        });
    }
    let seq = motion.map(|m| m.seq);
    crate::hooks::erased::use_effect_on(seq, move |seq| {
        let slot: Slot = Rc::default();
        if seq.is_some() {
            next_frame(None, dispatch, slot.clone());
        }
        move || drop(slot.borrow_mut().take())
    });
}
