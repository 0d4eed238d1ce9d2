//! `true` while the page is being printed (`beforeprint` to `afterprint`): the
//! print-only event list exists only then (it can be long).

use yew::prelude::*;

#[hook]
pub fn use_printing() -> bool {
    let printing = crate::hooks::erased::use_state(|| false);
    {
        let printing = printing.clone();
        crate::hooks::erased::use_effect_on((), move |_| {
            let listeners = crate::dom::window().map(|w| {
                let (p1, p2) = (printing.clone(), printing);
                (
                    gloo::events::EventListener::new(&w, "beforeprint", move |_| p1.set(true)),
                    gloo::events::EventListener::new(&w, "afterprint", move |_| p2.set(false)),
                )
            });
            move || drop(listeners)
        });
    }
    *printing
}
