//! The window's inner size (the frame's, in an iframe), kept current on resize.

use gloo::events::EventListener;
use yew::prelude::*;

/// The window's inner size now.
pub fn inner_size() -> (f64, f64) {
    let w = crate::dom::window();
    let get = |v: Option<wasm_bindgen::JsValue>| v.and_then(|v| v.as_f64()).unwrap_or(0.0);
    (
        get(w.as_ref().and_then(|w| w.inner_width().ok())),
        get(w.as_ref().and_then(|w| w.inner_height().ok())),
    )
}

#[hook]
pub fn use_window_size() -> (f64, f64) {
    let size = crate::hooks::erased::use_state(inner_size);
    {
        let size = size.clone();
        crate::hooks::erased::use_effect_on((), move |_| {
            let listener = crate::dom::window()
                .map(|w| EventListener::new(&w, "resize", move |_| size.set(inner_size())));
            move || drop(listener)
        });
    }
    *size
}
