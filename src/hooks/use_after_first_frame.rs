//! `true` from the first frame after the one that showed the chart: what the
//! first view does not need (the map, the statistics) is rendered then, so the
//! first frame comes sooner. The full module taking over from the lean one
//! (src/upgrade.rs) draws them at once: they were on the page already.

use yew::prelude::*;

#[hook]
pub fn use_after_first_frame() -> bool {
    let later = crate::hooks::erased::use_state(crate::upgrade::handed_over);
    {
        let later = later.clone();
        crate::hooks::erased::use_effect_on((), move |_| {
            let frame = gloo::render::request_animation_frame(move |_| {
                gloo::timers::callback::Timeout::new(0, move || later.set(true)).forget();
            });
            move || drop(frame)
        });
    }
    *later
}
