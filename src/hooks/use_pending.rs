//! The full module after the lean one (src/upgrade.rs): what the visitor
//! asked the lean app for is done here once, after the first render — the
//! same control clicked again, or the file given opened.

use crate::state::AppState;
use yew::prelude::*;

#[hook]
pub fn use_pending(state: UseReducerHandle<AppState>) {
    crate::hooks::erased::use_effect_on((), move |_| {
        let (click, file) = crate::upgrade::take_pending();
        if let Some(f) = file {
            crate::components::page::open_any_file(&state, f);
        }
        if let Some(el) = click.and_then(|a| {
            crate::dom::document()?
                .query_selector(&format!(".app [data-action=\"{a}\"]"))
                .ok()
                .flatten()
        }) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                el.click();
            }
        }
    });
}
