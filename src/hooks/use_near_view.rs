//! Whether an element has come near the window (an IntersectionObserver,
//! with a margin): what is drawn only for a visitor who looks at it — the
//! statistics' pictures, whose drawing fetches the worker's module — waits
//! until then. Once `true`, it stays. `true` at once without the observer,
//! and at a print (`beforeprint`, or the Print button's `print::DRAW_ALL`).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How near: a screen's height below the window counts as in view, so the
/// pictures are there by the time a scroll reaches them.
const MARGIN: &str = "100% 0px";

#[hook]
pub fn use_near_view(node: NodeRef) -> bool {
    let near = crate::hooks::erased::use_state(|| false);
    {
        let near = near.clone();
        crate::hooks::erased::use_effect_on((), move |_| {
            let setter = near.clone();
            let cb = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
                move |entries: js_sys::Array, o: web_sys::IntersectionObserver| {
                    let seen = entries.iter().any(|e| {
                        e.dyn_ref::<web_sys::IntersectionObserverEntry>()
                            .is_some_and(|e| e.is_intersecting())
                    });
                    if seen {
                        o.disconnect();
                        setter.set(true);
                    }
                },
            );
            let init = web_sys::IntersectionObserverInit::new();
            init.set_root_margin(MARGIN);
            let observer =
                web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &init);
            match (&observer, node.cast::<web_sys::Element>()) {
                (Ok(o), Some(el)) => o.observe(&el),
                _ => near.set(true),
            }
            // A print wants every picture, near or not.
            let on_print = |name: &'static str| {
                let setter = near.clone();
                crate::dom::window()
                    .map(|w| gloo::events::EventListener::once(&w, name, move |_| setter.set(true)))
            };
            let printing = [on_print("beforeprint"), on_print(crate::print::DRAW_ALL)];
            move || {
                drop(printing);
                if let Ok(o) = observer {
                    o.disconnect();
                }
                drop(cb);
            }
        });
    }
    *near
}
