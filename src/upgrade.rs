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
/// While it loads, and if it cannot be loaded, a line at the bottom says so
/// (the page stays as it is, and the request can be made again).
#[cfg(not(feature = "full"))]
pub fn upgrade(action: Option<&str>, file: Option<web_sys::File>) {
    let pending = js_sys::Object::new();
    if let Some(a) = action {
        let _ = js_sys::Reflect::set(&pending, &"click".into(), &a.into());
    }
    let asked = asked_for(action, file.as_ref());
    if let Some(f) = &file {
        let _ = js_sys::Reflect::set(&pending, &"file".into(), f);
        // A file asked for is loading from now (the automation hook; the
        // full app says so from its first render).
        crate::dom::set_root_attr("data-load", "loading");
    }
    set(PENDING, &pending);
    if LOADING.with(|l| l.replace(true)) {
        return;
    }
    say("Loading this part of the timeline…", None);
    let promise = get(UPGRADE)
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&JsValue::NULL).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let action = action.map(str::to_string);
    wasm_bindgen_futures::spawn_local(async move {
        let result = match promise {
            Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.map(|_| ()),
            None => Err("the page has no loader for it".into()),
        };
        if let Err(e) = result {
            web_sys::console::error_1(&e);
            LOADING.with(|l| l.set(false));
            set(PENDING, &JsValue::UNDEFINED);
            crate::dom::set_root_attr("data-load", "idle");
            let text = format!(
                "{asked} needs a part of the timeline that could not be loaded: the server did not answer. What is shown stays as it was."
            );
            say(&text, Some(Retry { action, file }));
        }
    });
}

/// What the visitor asked for, in the words of the control asked: "SVG",
/// "Embed…", or the file's name.
#[cfg(not(feature = "full"))]
fn asked_for(action: Option<&str>, file: Option<&web_sys::File>) -> String {
    if let Some(f) = file {
        return format!("Opening {}", f.name());
    }
    let label = action
        .and_then(|a| {
            crate::dom::document()?
                .query_selector(&format!(".app [data-action=\"{a}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|el| el.text_content())
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    match label {
        Some(l) => format!("“{l}”"),
        None => "This".into(),
    }
}

/// A failed request, to make again ("Try again").
#[cfg(not(feature = "full"))]
struct Retry {
    action: Option<String>,
    file: Option<web_sys::File>,
}

#[cfg(not(feature = "full"))]
thread_local! {
    static LOADING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The line at the bottom of the page while the full module loads (shown
/// after a moment: styles, .upgrade-status), or why it could not, with "Try
/// again" and "Dismiss": a region of its own, its text a status or an alert.
#[cfg(not(feature = "full"))]
fn say(text: &str, failed: Option<Retry>) {
    let Some(doc) = crate::dom::document() else {
        return;
    };
    if let Some(old) = doc.get_element_by_id("upgrade-status") {
        old.remove();
    }
    let make = |tag: &str, attrs: &[(&str, &str)]| {
        let el = doc.create_element(tag).ok()?;
        for (k, v) in attrs {
            let _ = el.set_attribute(k, v);
        }
        Some(el)
    };
    let (class, role, label) = match failed {
        Some(_) => ("upgrade-status failed", "alert", "Could not load"),
        None => ("upgrade-status", "status", "Loading"),
    };
    let (Some(region), Some(line), Some(body)) = (
        make(
            "section",
            &[
                ("id", "upgrade-status"),
                ("class", class),
                ("aria-label", label),
                ("data-testid", "upgrade-status"),
            ],
        ),
        make("p", &[("role", role)]),
        doc.body(),
    ) else {
        return;
    };
    line.set_text_content(Some(text));
    if let Some(retry) = failed {
        let back = retry.action.clone();
        let again = std::cell::Cell::new(Some(retry));
        let buttons = [
            ("retry-upgrade", "Try again"),
            ("dismiss-upgrade-status", "Dismiss"),
        ];
        for (action, text) in buttons {
            let Some(b) = make(
                "button",
                &[("class", "link-button"), ("data-action", action)],
            ) else {
                continue;
            };
            b.set_text_content(Some(text));
            let gone = region.clone();
            let (back, again) = (back.clone(), std::rc::Rc::new(again.take()));
            gloo::events::EventListener::new(&b, "click", move |_| {
                gone.remove();
                // Back to the control that asked, or asked again.
                if let Some(r) = again.as_ref() {
                    upgrade(r.action.as_deref(), r.file.clone());
                } else if let Some(a) = &back {
                    crate::dom::focus(&format!(".app [data-action=\"{a}\"]"));
                }
            })
            .forget();
            let _ = line.append_with_str_1(" ");
            let _ = line.append_child(&b);
        }
    }
    let _ = region.append_child(&line);
    let _ = body.append_child(&region);
}

/// The controls only the full module answers (upgrade() is asked by them).
#[cfg(not(feature = "full"))]
const INTENT: &str = "[data-action=embed], [data-action=story], [data-action=present], \
    [data-action^=export-], .file-button";

/// The full module fetched and compiled ahead of its first use, on a sign of
/// intent: a pointer over or the focus on one of those controls, a file
/// dragged over the page (the loader's window.scoPrefetch; once).
#[cfg(not(feature = "full"))]
pub fn prefetch_on_intent() {
    let Some(doc) = crate::dom::document() else {
        return;
    };
    let ahead = || {
        if let Some(f) = get("scoPrefetch").and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
            let _ = f.call0(&JsValue::NULL);
        }
    };
    for kind in ["pointerover", "focusin", "dragenter"] {
        gloo::events::EventListener::new(&doc, kind, move |e| {
            let near = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest(INTENT).ok().flatten())
                .is_some();
            if near || e.type_() == "dragenter" {
                ahead();
            }
        })
        .forget();
    }
}

/// The lean app's stop, for the full module to call when it takes over.
#[cfg(not(feature = "full"))]
pub fn keep_stop(handle: yew::AppHandle<crate::components::app::App>) {
    // The view is handed over in the link: a history entry still waiting
    // for its idle moment is written first (use_url_sync).
    let stop = Closure::once_into_js(move || {
        crate::hooks::use_url_sync::flush_pending();
        crate::components::stats_handover::hand_over_pictures();
        HANDING_OVER.with(|h| h.set(true));
        handle.destroy()
    });
    set(STOP, &stop);
}

/// Whether this (lean) app is handing over to the full one: what it made
/// for the page (the statistics' pictures) is not given back.
pub fn handing_over() -> bool {
    HANDING_OVER.with(|h| h.get())
}

/// Whether this app took over from the lean one (its first view is the lean
/// app's current one: nothing waits for a first frame).
pub fn handed_over() -> bool {
    HANDED_OVER.with(|h| h.get())
}

thread_local! {
    static HANDED_OVER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static HANDING_OVER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
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

/// The name of the file the lean app was asked to open, if any (not taken).
pub fn pending_file_name() -> Option<String> {
    let f = js_sys::Reflect::get(&get(PENDING)?, &"file".into()).ok()?;
    Some(f.dyn_into::<web_sys::File>().ok()?.name())
}

/// What the lean app was asked to do, taken once: a control's `data-action`
/// and a file. The lean app's loading line goes.
pub fn take_pending() -> (Option<String>, Option<web_sys::File>) {
    if let Some(line) = crate::dom::document().and_then(|d| d.get_element_by_id("upgrade-status")) {
        line.remove();
    }
    let Some(p) = get(PENDING) else {
        return (None, None);
    };
    set(PENDING, &JsValue::UNDEFINED);
    let click = js_sys::Reflect::get(&p, &"click".into())
        .ok()
        .and_then(|v| v.as_string());
    let file = js_sys::Reflect::get(&p, &"file".into())
        .ok()
        .and_then(|v| v.dyn_into::<web_sys::File>().ok());
    (click, file)
}
