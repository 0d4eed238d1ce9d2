//! The chart's focus: into the open event's details and back to its mark (or to
//! the outline row that opened them) when they close; and with the keyboard's
//! cursor through redraws — when it moved by a key, or when a zoom, pan or
//! filter removed the focused mark (never taken back from elsewhere).

use crate::dom::{event_selector, focus};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

#[hook]
pub fn use_chart_focus(container: NodeRef, selected: Option<String>) {
    let last_selected = use_mut_ref(|| None::<String>);
    // The element in the chart that had focus after the last redraw.
    let last_focus = use_mut_ref(|| None::<web_sys::Element>);
    // Focus moves into the popover when it opens and back to the event when it closes.
    {
        let last = last_selected;
        crate::hooks::erased::use_effect_on(selected, move |sel: &Option<String>| {
            let prev = last.borrow().clone();
            if sel.is_none() {
                if let Some(id) = prev {
                    if !crate::dom::return_focus() {
                        focus(&event_selector(&id));
                    }
                }
            }
            *last.borrow_mut() = sel.clone();
        });
    }
    // The keyboard's cursor keeps the focus through redraws: when it moved by a
    // key, or when a zoom, pan or filter removed the focused mark (the focus fell
    // to the page because its element is gone — not because the user went elsewhere).
    {
        crate::hooks::erased::use_effect_always(move || {
            let Some(el) = container.cast::<web_sys::Element>() else {
                return;
            };
            let active = crate::dom::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            let on_mark = active
                .as_ref()
                .is_some_and(|a| a.has_attribute("data-event-id") && el.contains(Some(a.as_ref())));
            let on_chart = active.as_ref().is_some_and(|a| a == &el);
            let fell = active.as_ref().is_none_or(|a| a.tag_name() == "BODY")
                && last_focus
                    .borrow()
                    .as_ref()
                    .is_some_and(|f| !f.is_connected());
            if on_mark || on_chart || fell {
                if let Ok(Some(stop)) = el.query_selector(".mark[tabindex=\"0\"]") {
                    if active.as_ref() != Some(&stop) {
                        let _ = stop
                            .clone()
                            .dyn_into::<web_sys::SvgElement>()
                            .map(|s| s.focus());
                    }
                } else if fell {
                    let _ = el.clone().dyn_into::<HtmlElement>().map(|h| h.focus());
                }
            }
            let now = crate::dom::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .filter(|a| el.contains(Some(a.as_ref())));
            *last_focus.borrow_mut() = now;
        });
    }
}
