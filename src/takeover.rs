//! The static first view (index.html's `#boot`, the app's own markup made at
//! build time) handed over to the live app: a visitor may already have moved
//! the focus or typed a search while the app loaded (seconds, on a slow
//! network). Both are carried over, so the takeover loses nothing: the focus
//! goes to the same control of the live page (by its place among the controls
//! shown: the markup is the same), the search typed is typed again, and the
//! disclosures opened (`<details>`: the statistics' table, the outline) are
//! open again. The full module taking over from the lean one (upgrade.rs)
//! carries the same.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

const FOCUSABLE: &str = "a[href], button, input, select, summary, [tabindex]";

/// What the visitor left in the static view.
pub struct Carried {
    /// The focused control's place among the controls shown.
    focus: Option<usize>,
    /// The focused control by what names it (the lean app's markup has its
    /// automation attributes; the static copy's has not): tried first.
    focus_key: Option<String>,
    /// Where the page was scrolled to.
    scroll: (f64, f64),
    /// What was typed in the search box.
    search: String,
    /// The open `<details>`, by their place among all of them.
    open: Vec<usize>,
}

/// The `<details>` under `root`.
fn disclosures(root: &Element) -> Vec<web_sys::HtmlDetailsElement> {
    let Ok(list) = root.query_selector_all("details") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

/// The controls under `root` a visitor sees (the static view draws its
/// pictures for several widths: the ones not shown do not count).
fn shown_controls(root: &Element) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .filter(|e| e.get_bounding_client_rect().width() > 0.0)
        .collect()
}

/// The attributes that name a control, in the order tried.
const KEYS: [&str; 6] = [
    "id",
    "data-action",
    "data-country",
    "data-kind",
    "data-event-id",
    "data-map-country",
];

/// A selector for `el` by the first attribute that names it.
fn key_of(el: &Element) -> Option<String> {
    KEYS.iter().find_map(|k| {
        let v = el.get_attribute(k)?;
        let v = v.replace('\\', "\\\\").replace('"', "\\\"");
        Some(format!(
            "{}[{k}=\"{v}\"]",
            el.tag_name().to_ascii_lowercase()
        ))
    })
}

/// Where the window is scrolled to.
fn scrolled() -> (f64, f64) {
    crate::dom::window()
        .map(|w| (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0)))
        .unwrap_or_default()
}

/// What the visitor did in `boot`, read before it is removed.
pub fn read(boot: &Element) -> Carried {
    let active = crate::dom::document()
        .and_then(|d| d.active_element())
        .filter(|a| boot.contains(Some(a)));
    let focus = active
        .as_ref()
        .and_then(|a| shown_controls(boot).iter().position(|e| e == a));
    let focus_key = active.as_ref().and_then(key_of);
    let search = boot
        .query_selector("#search")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default();
    let open = disclosures(boot)
        .iter()
        .enumerate()
        .filter(|(_, d)| d.open())
        .map(|(i, _)| i)
        .collect();
    Carried {
        focus,
        focus_key,
        scroll: scrolled(),
        search,
        open,
    }
}

/// Keeps the page's height while the old view is replaced by the new one (a
/// removed view would let the window scroll back to the top); `restore`
/// lets it go and scrolls back.
pub fn hold_height() {
    if let Some(body) = crate::dom::document().and_then(|d| d.body()) {
        let h = body.scroll_height();
        let _ = body.style().set_property("min-height", &format!("{h}px"));
    }
}

/// Gives it to the live page once the app has drawn (the next frame).
pub fn restore(c: Carried) {
    let Some(w) = crate::dom::window() else {
        return;
    };
    let f = Closure::once_into_js(move || {
        let Some(app) =
            crate::dom::document().and_then(|d| d.query_selector(".app").ok().flatten())
        else {
            return;
        };
        if !c.search.is_empty() {
            if let Some(i) = app
                .query_selector("#search")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                i.set_value(&c.search);
                if let Ok(e) = web_sys::Event::new_with_event_init_dict("input", &{
                    let init = web_sys::EventInit::new();
                    init.set_bubbles(true);
                    init
                }) {
                    let _ = i.dispatch_event(&e);
                }
            }
        }
        let details = disclosures(&app);
        for &i in &c.open {
            if let Some(d) = details.get(i) {
                d.set_open(true);
            }
        }
        // The focus the visitor left, unless the new view has already put it
        // somewhere (a dialog opened, an event presented).
        let free = crate::dom::document()
            .and_then(|d| d.active_element())
            .is_none_or(|a| a.tag_name() == "BODY");
        let by_key = c
            .focus_key
            .as_deref()
            .and_then(|k| app.query_selector(k).ok().flatten());
        let el = by_key.or_else(|| {
            c.focus
                .and_then(|n| shown_controls(&app).into_iter().nth(n))
        });
        if let Some(el) = el.filter(|_| free) {
            crate::dom::focus_element(el);
        }
        // The page's height let go, and where it was scrolled to.
        if let Some(body) = crate::dom::document().and_then(|d| d.body()) {
            let _ = body.style().remove_property("min-height");
        }
        if c.scroll != (0.0, 0.0) {
            if let Some(w) = crate::dom::window() {
                w.scroll_to_with_x_and_y(c.scroll.0, c.scroll.1);
            }
        }
    });
    let _ = w.request_animation_frame(f.unchecked_ref());
}
