//! Small DOM helpers for effects: the root element's automation attributes,
//! focus, the panic panel. Text only: nothing here writes HTML.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// The page's window; none where the app is rendered at build time (natively,
/// src/bin/prerender_app.rs), where no browser API may be called.
#[inline]
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_family = "wasm") {
        web_sys::window()
    } else {
        None
    }
}

/// The window's width where there is none: the width the app is rendered for
/// at build time (prerender_app sets it; 1280 unless it does).
pub static PRERENDER_WIDTH: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1280);

/// The window's inner width (in the browser), else the width the app is prerendered for.
pub fn inner_width() -> f64 {
    window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or_else(|| PRERENDER_WIDTH.load(std::sync::atomic::Ordering::Relaxed) as f64)
}

pub fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// Sets an attribute on `<html>` (the automation hooks tests rely on).
pub fn set_root_attr(name: &str, value: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute(name, value);
    }
}

/// What a JavaScript exception says (its message, or the value if a string),
/// without `JsValue`'s Debug formatting (which brings a large describer into
/// the JS glue).
pub fn js_error(e: &wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "an error in the browser".into())
}

/// The root font size in px (a frame's type scale), or the stylesheet's (`None`).
pub fn set_root_font_px(px: Option<f64>) {
    let root = document()
        .and_then(|d| d.document_element())
        .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(root) = root {
        let st = root.style();
        let _ = match px {
            Some(px) => st.set_property("font-size", &format!("{}px", timeline_core::fmt::px2(px))),
            None => st.remove_property("font-size").map(|_| ()),
        };
    }
}

thread_local! {
    static RENDER_SEQ: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    static RETURN_FOCUS: std::cell::RefCell<Option<HtmlElement>> = const { std::cell::RefCell::new(None) };
}

/// Where focus goes back to when the open event's details close, if not to its
/// mark in the chart: the element that opened them (an outline row).
pub fn set_return_focus(el: Option<HtmlElement>) {
    RETURN_FOCUS.with(|r| *r.borrow_mut() = el);
}

/// Focuses the element the details were opened from, if it is still there.
pub fn return_focus() -> bool {
    RETURN_FOCUS
        .with(|r| r.borrow_mut().take())
        .filter(|el| el.is_connected())
        .is_some_and(|el| el.focus().is_ok())
}

/// Bumps `data-render-seq` on `<html>`: called after every redraw.
pub fn bump_render_seq() {
    let n = RENDER_SEQ.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    set_root_attr("data-render-seq", &n.to_string());
}

/// Focuses the first element matching `selector`, if any.
pub fn focus(selector: &str) -> bool {
    let el = document().and_then(|d| d.query_selector(selector).ok().flatten());
    el.is_some_and(focus_element)
}

/// Focuses an element, HTML or SVG (event marks are SVG elements).
pub fn focus_element(el: web_sys::Element) -> bool {
    match el.dyn_into::<HtmlElement>() {
        Ok(e) => e.focus().is_ok(),
        Err(el) => el
            .dyn_into::<web_sys::SvgElement>()
            .is_ok_and(|e| e.focus().is_ok()),
    }
}

/// A CSS attribute selector for an event id (ids are slugs, but quote anyway).
pub fn event_selector(id: &str) -> String {
    let safe: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    format!("[data-event-id=\"{safe}\"][tabindex=\"0\"]")
}

/// On a panic, show an error panel with a reload action instead of a frozen page.
pub fn install_panic_panel() {
    // Through yew, so that yew does not replace it with its console-only hook.
    yew::set_custom_panic_hook(Box::new(|info| {
        let msg = info.to_string();
        web_sys::console::error_1(&msg.clone().into());
        let Some(doc) = document() else { return };
        let Some(body) = doc.body() else { return };
        let make = |tag: &str, text: &str| {
            let el = doc.create_element(tag).ok()?;
            el.set_text_content(Some(text));
            Some(el)
        };
        if let Ok(panel) = doc.create_element("div") {
            panel.set_class_name("panic-panel");
            let _ = panel.set_attribute("role", "alert");
            if let Some(h) = make("h2", "Something went wrong") {
                let _ = panel.append_child(&h);
            }
            if let Some(p) = make(
                "p",
                &format!("The timeline stopped because of an internal error: {msg}"),
            ) {
                let _ = panel.append_child(&p);
            }
            if let Some(b) = make("button", "Reload the page") {
                gloo::events::EventListener::new(&b, "click", |_| {
                    if let Some(w) = window() {
                        let _ = w.location().reload();
                    }
                })
                .forget();
                let _ = b.set_attribute("data-action", "reload");
                let _ = panel.append_child(&b);
            }
            let _ = body.append_child(&panel);
        }
        set_root_attr("data-error", "panic");
    }));
}

/// Test builds only (`--features fault-injection`): `?fault=panic` panics during
/// a render, so the tests can see the panic panel. Absent from normal builds.
pub fn fault_injection() {
    #[cfg(feature = "fault-injection")]
    {
        let search = window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        if search.contains("fault=panic") {
            panic!("fault injected for a test (?fault=panic)");
        }
    }
}

/// A callback for when the browser is idle (at the latest after `timeout_ms`),
/// cancelled when dropped: work that can wait for a frame and for input,
/// such as redrawing the statistics after the timeline has been painted.
pub struct Idle {
    id: Option<u32>,
    _closure: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for Idle {
    fn drop(&mut self) {
        if let (Some(id), Some(w)) = (self.id, window()) {
            w.cancel_idle_callback(id);
        }
    }
}

pub fn when_idle(f: impl FnOnce() + 'static, timeout_ms: u32) -> Idle {
    use wasm_bindgen::JsCast;
    let mut f = Some(f);
    let closure = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        if let Some(f) = f.take() {
            f();
        }
    });
    let opts = web_sys::IdleRequestOptions::new();
    opts.set_timeout(timeout_ms);
    let id = window().and_then(|w| {
        w.request_idle_callback_with_options(closure.as_ref().unchecked_ref(), &opts)
            .ok()
    });
    Idle {
        id,
        _closure: closure,
    }
}

/// Sets (or removes) one parameter of the page's query string, replacing the
/// history entry; the other parameters stay as they are.
pub fn set_query_param(key: &str, value: Option<&str>) {
    let Some(w) = window() else {
        return;
    };
    let l = w.location();
    let search = l.search().unwrap_or_default();
    let prefix = format!("{key}=");
    let mut parts: Vec<String> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with(prefix.as_str()))
        .map(String::from)
        .collect();
    if let Some(v) = value {
        parts.push(format!(
            "{prefix}{}",
            timeline_core::urlstate::percent_encode(v)
        ));
    }
    let path = l.pathname().unwrap_or_default();
    let url = if parts.is_empty() {
        path
    } else {
        format!("{path}?{}", parts.join("&"))
    };
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
