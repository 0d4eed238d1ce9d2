//! Two builds of this crate: the lean first module (`sco-timeline`, built
//! without the `full` feature) and the full one (`sco-full`). The lean module
//! draws the built-in first view and its everyday interactions (chart, filters,
//! details, list, keys, statistics, map); what it leaves out (opening files,
//! linked data, exports, the embed dialog, stories, presenting, frames) is in
//! the full module, fetched on first use. The lean app then hands over: the
//! full app takes its place with the same markup (the state is in the link),
//! and does what was asked — clicks the same control again, or opens the
//! file given. The loader (scripts/post-build.mjs) starts the full module at
//! once for links that open on another view.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The window's property holding what the lean app was asked to do.
const PENDING: &str = "__scoPending";
/// The window's property holding the lean app's stop (a function).
const STOP: &str = "__scoLeanStop";
/// The loader's function that fetches and starts the full module (a promise).
#[cfg(not(feature = "full"))]
const UPGRADE: &str = "scoUpgrade";

fn get(key: &str) -> Option<JsValue> {
    let w = crate::dom::window()?;
    js_sys::Reflect::get(&w, &key.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn set(key: &str, value: &JsValue) {
    if let Some(w) = crate::dom::window() {
        let _ = js_sys::Reflect::set(&w, &key.into(), value);
    }
}

/// The lean app, asked for what only the full module does: the control's
/// `data-action` to click again there, or a file to open. The full module
/// is fetched once; a second request while it loads replaces the first.
#[cfg(not(feature = "full"))]
pub fn upgrade(action: Option<&str>, file: Option<web_sys::File>) {
    let pending = js_sys::Object::new();
    if let Some(a) = action {
        let _ = js_sys::Reflect::set(&pending, &"click".into(), &a.into());
    }
    if let Some(f) = file {
        let _ = js_sys::Reflect::set(&pending, &"file".into(), &f);
    }
    let first = get(PENDING).is_none();
    set(PENDING, &pending);
    crate::dom::set_root_attr("data-upgrading", "");
    if !first {
        return;
    }
    let Some(f) = get(UPGRADE).and_then(|f| f.dyn_into::<js_sys::Function>().ok()) else {
        web_sys::console::error_1(&"The full module's loader is missing".into());
        return;
    };
    if let Ok(p) = f.call0(&JsValue::NULL) {
        if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = wasm_bindgen_futures::JsFuture::from(p).await {
                    web_sys::console::error_1(&e);
                    crate::dom::set_root_attr("data-upgrade-failed", "");
                }
            });
        }
    }
}

/// The lean app's stop, for the full module to call when it takes over.
#[cfg(not(feature = "full"))]
pub fn keep_stop(handle: yew::AppHandle<crate::components::app::App>) {
    let stop = Closure::once_into_js(move || handle.destroy());
    set(STOP, &stop);
}

/// Whether this app took over from the lean one (its first view is the lean
/// app's current one: nothing waits for a first frame).
pub fn handed_over() -> bool {
    HANDED_OVER.with(|h| h.get())
}

thread_local! {
    static HANDED_OVER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The full module starting after the lean one: the lean app's root (to read
/// what the visitor left in it before it stops). `None` when none runs.
pub fn lean_root() -> Option<web_sys::Element> {
    get(STOP)?;
    crate::dom::document()?
        .query_selector(".app")
        .ok()
        .flatten()
}

/// Stops the lean app (its listeners and its markup go), for this one to
/// take its place.
pub fn stop_lean() {
    let Some(stop) = get(STOP).and_then(|f| f.dyn_into::<js_sys::Function>().ok()) else {
        return;
    };
    let _ = stop.call0(&JsValue::NULL);
    set(STOP, &JsValue::UNDEFINED);
    HANDED_OVER.with(|h| h.set(true));
}

/// What the lean app was asked to do, taken once: a control's `data-action`
/// and a file.
pub fn take_pending() -> (Option<String>, Option<web_sys::File>) {
    let Some(p) = get(PENDING) else {
        return (None, None);
    };
    set(PENDING, &JsValue::UNDEFINED);
    crate::dom::document()
        .and_then(|d| d.document_element())
        .map(|r| r.remove_attribute("data-upgrading"));
    let click = js_sys::Reflect::get(&p, &"click".into())
        .ok()
        .and_then(|v| v.as_string());
    let file = js_sys::Reflect::get(&p, &"file".into())
        .ok()
        .and_then(|v| v.dyn_into::<web_sys::File>().ok());
    (click, file)
}
