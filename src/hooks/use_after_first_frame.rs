//! `true` from the first frame after the one that showed the chart: what the
//! first view does not need (the map, the statistics) is rendered then, so the
//! first frame comes sooner.

use yew::prelude::*;

#[hook]
pub fn use_after_first_frame() -> bool {
    let later = crate::hooks::erased::use_state(|| false);
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
