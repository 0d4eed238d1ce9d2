//! Whether an element is wanted in view: what is drawn only for a visitor
//! who looks at it — the statistics' pictures, whose drawing fetches the
//! worker's module (~320 KB gzip) — waits until then. Wanted once it is in
//! the window (an IntersectionObserver), or at the visitor's first scroll (a
//! scroll heads for it: the pictures are drawn on the way), or at a print
//! (`beforeprint`, the Print button's `print::DRAW_ALL`). A visitor who stays
//! at the top of a window the panel is below never fetches that module. Once
//! `true`, it stays; `true` at once without the observer.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// In the window itself (a first scroll starts the drawing before that).
const MARGIN: &str = "0px";

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
            // A print wants every picture, near or not; a first scroll heads for them.
            let on_print = |name: &'static str| {
                let setter = near.clone();
                crate::dom::window()
                    .map(|w| gloo::events::EventListener::once(&w, name, move |_| setter.set(true)))
            };
            let printing = [
                on_print("beforeprint"),
                on_print(crate::print::DRAW_ALL),
                on_print("scroll"),
            ];
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
