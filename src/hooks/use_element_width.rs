//! The size of an element, kept current by a ResizeObserver: it follows
//! window resizes, iframe resizes, and an embed that started hidden (width 0)
//! and is shown later. `None` while the element has no width.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The element's content width.
#[hook]
pub fn use_element_width(node: NodeRef) -> Option<f64> {
    use_element_size(node).map(|(w, _)| w)
}

/// The element's content width and height.
#[hook]
pub fn use_element_size(node: NodeRef) -> Option<(f64, f64)> {
    let width = crate::hooks::erased::use_state(|| None::<(f64, f64)>);
    {
        let width = width.clone();
        crate::hooks::erased::use_effect_on((), move |_| {
            let el = node.cast::<web_sys::Element>();
            let w0 = el
                .as_ref()
                .map(|e| (e.client_width() as f64, e.client_height() as f64))
                .filter(|(w, _)| *w > 0.0);
            if w0.is_some() {
                width.set(w0);
            }
            let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
                    let r = entry.content_rect();
                    if r.width() > 0.0 {
                        width.set(Some((r.width(), r.height())));
                    }
                }
            });
            let observer = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(el)) = (&observer, &el) {
                o.observe(el);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(cb);
            }
        });
    }
    *width
}
