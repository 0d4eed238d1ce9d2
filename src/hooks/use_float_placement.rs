//! Places a floating element (the details popover, the chart's tooltip) by the
//! core's one rule (`timeline_core::place`): after each render it measures the
//! element and its anchor (getBoundingClientRect) and the viewport, and sets
//! the element's position, capped height and side through the CSSOM (the CSP
//! allows no style attributes). When it opens with its anchor out of view (a
//! deep link), the page first scrolls the anchor into view.

use timeline_core::fmt::px0;
use timeline_core::place::{place, scroll_into_view, Options, Placement, Rect};
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// What the element floats beside.
#[derive(Clone, PartialEq)]
pub enum Anchor {
    /// The first element matching this CSS selector.
    Selector(String),
    /// A rectangle in viewport coordinates.
    Rect(Rect),
}

fn rect_of(el: &Element) -> Rect {
    let r = el.get_bounding_client_rect();
    Rect::new(r.left(), r.top(), r.width(), r.height())
}

/// An anchor's rectangle: a mark in the chart anchors by the part of it the chart
/// shows (a long band scrolled half out of the plot would pull its tooltip over
/// the sidebar).
fn anchor_rect(el: &Element) -> Rect {
    let r = rect_of(el);
    match el.closest("[data-testid=chart]").ok().flatten() {
        Some(chart) => r.clip_to(&rect_of(&chart)),
        None => r,
    }
}

/// The viewport: the window less its scroll bars, in CSS pixels.
pub fn viewport() -> Rect {
    let el = crate::dom::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    el.map_or(Rect::new(0.0, 0.0, 1280.0, 720.0), |e| {
        Rect::new(0.0, 0.0, e.client_width() as f64, e.client_height() as f64)
    })
}

/// The anchor's rectangle in viewport coordinates, if it is on the page.
pub fn resolve(anchor: &Anchor) -> Option<Rect> {
    match anchor {
        Anchor::Rect(r) => Some(*r),
        Anchor::Selector(sel) => crate::dom::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(sel).ok().flatten())
            .map(|el| anchor_rect(&el)),
    }
}

/// A CSS attribute selector's value, quoted: `[data-event-id="…"]`.
pub fn attr_selector(attr: &str, value: &str) -> String {
    let v = value.replace('\\', "\\\\").replace('"', "\\\"");
    format!("[{attr}=\"{v}\"]")
}

/// Places `el` beside `anchor` (viewport coordinates) and returns where it went.
pub fn apply(el: &HtmlElement, anchor: Rect, opts: &Options) -> Placement {
    let st = el.style();
    // Its natural size: uncapped, at the containing block's corner (an element
    // near the right edge would otherwise shrink to fit).
    for p in ["max-height", "max-width", "width"] {
        let _ = st.remove_property(p);
    }
    let _ = st.set_property("left", "0px");
    let _ = st.set_property("top", "0px");
    let r = rect_of(el);
    let p = place(anchor, (r.w, r.h), viewport(), opts);
    // From the viewport to the containing block (the offset parent's padding box).
    let (ox, oy) = el.offset_parent().map_or((0.0, 0.0), |parent| {
        let pr = rect_of(&parent);
        (
            pr.x + parent.client_left() as f64 - parent.scroll_left() as f64,
            pr.y + parent.client_top() as f64 - parent.scroll_top() as f64,
        )
    });
    // Kept at the width it was measured at: near the containing block's right
    // edge it would shrink to fit, wrap and grow taller — over its anchor.
    let _ = st.set_property("width", &format!("{}px", px0(r.w.ceil())));
    let _ = st.set_property("left", &format!("{}px", px0(p.x - ox)));
    let _ = st.set_property("top", &format!("{}px", px0(p.y - oy)));
    if let Some(h) = p.max_h {
        let _ = st.set_property("max-height", &format!("{}px", px0(h.floor())));
    }
    if let Some(w) = p.max_w {
        let _ = st.set_property("max-width", &format!("{}px", px0(w.floor())));
    }
    let _ = el.set_attribute("data-side", p.side.as_str());
    p
}

/// Scrolls the page so that `r` (viewport coordinates) is in view, with `margin`.
pub fn scroll_page_to(r: Rect, margin: f64) {
    let dy = scroll_into_view(r, viewport(), margin);
    if dy.abs() >= 1.0 {
        if let Some(w) = crate::dom::window() {
            w.scroll_by_with_x_and_y(0.0, dy);
        }
    }
}

/// Floats `node` beside `anchor` by the placement rule, after every render;
/// when `open_key` changes (another event opens), scrolls the anchor into view
/// first if none of it is in the viewport. Without an anchor on the page it
/// leaves the element where the styles put it.
#[hook]
pub fn use_float_placement(node: NodeRef, anchor: Option<Anchor>, opts: Options, open_key: String) {
    // On open: the anchor into view (a deep link to an event below the fold).
    {
        let anchor = anchor.clone();
        crate::hooks::erased::use_effect_on(open_key, move |_| {
            if let Some(r) = anchor.as_ref().and_then(resolve) {
                let vp = viewport();
                if !r.intersects(&vp) {
                    // With room around it for the element.
                    scroll_page_to(Rect::new(r.x, r.y - 120.0, r.w, r.h + 240.0), 8.0);
                }
            }
        });
    }
    crate::hooks::erased::use_effect_always(move || {
        if let (Some(el), Some(r)) = (
            node.cast::<HtmlElement>(),
            anchor.as_ref().and_then(resolve),
        ) {
            apply(&el, r, &opts);
        }
    });
}

/// Brings `node` (a panel in the page's flow) into view when `open_key`
/// changes: the whole of it if it fits, else its top — its header and close button.
#[hook]
pub fn use_scroll_into_view(node: NodeRef, open_key: Option<String>) {
    crate::hooks::erased::use_effect_on(open_key, move |key| {
        if let (Some(_), Some(el)) = (key, node.cast::<Element>()) {
            scroll_page_to(rect_of(&el), 8.0);
        }
    });
}
