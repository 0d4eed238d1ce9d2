//! The statistics' pictures handed from the lean app to the full one when it
//! takes over (src/upgrade.rs): shown by the full app's panel until its own
//! are drawn, so the panel never goes blank.

use super::stats_panel::{Pictures, Which};
use wasm_bindgen::{JsCast, JsValue};
use yew::AttrValue;

/// The window's property holding the lean app's pictures for the full one.
const HANDED: &str = "__scoStatsPictures";

/// The lean app handing over (upgrade.rs): its pictures, kept for the full
/// app's panel to show until its own are drawn.
pub fn hand_over_pictures() {
    let Some(doc) = crate::dom::document() else {
        return;
    };
    let list = js_sys::Array::new();
    for which in Which::ALL {
        let src = doc
            .query_selector(&format!(".stats [data-chart={}] img", which.key()))
            .ok()
            .flatten()
            .and_then(|i| i.get_attribute("src"))
            .filter(|s| s.starts_with("blob:"));
        list.push(&src.map(JsValue::from).unwrap_or(JsValue::NULL));
    }
    if let Some(w) = crate::dom::window() {
        let _ = js_sys::Reflect::set(&w, &HANDED.into(), &list);
    }
}

/// The pictures the lean app handed over (taken once), else none.
pub(crate) fn adopted_pictures() -> Pictures {
    let mut out = Pictures::default();
    let Some(w) = crate::dom::window() else {
        return out;
    };
    let Ok(list) = js_sys::Reflect::get(&w, &HANDED.into()) else {
        return out;
    };
    let _ = js_sys::Reflect::delete_property(w.unchecked_ref::<js_sys::Object>(), &HANDED.into());
    if let Ok(list) = list.dyn_into::<js_sys::Array>() {
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = list.get(i as u32).as_string().map(AttrValue::from);
        }
    }
    out
}
