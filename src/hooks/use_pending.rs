//! The full module after the lean one (src/upgrade.rs): what the visitor
//! asked the lean app for is done here once, after the first render — the
//! same control clicked again, or the file given opened.

use crate::state::{Action, AppState, LoadStatus};
use yew::prelude::*;

#[hook]
pub fn use_pending(state: UseReducerHandle<AppState>) {
    crate::hooks::erased::use_effect_on((), move |_| {
        let (click, file) = crate::upgrade::take_pending();
        if let Some(f) = file {
            open_pending(&state, f);
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

/// Opens the file as the page's file button does. The first render said it
/// loads (app.rs): a story file, which loads no dataset, ends that first.
fn open_pending(state: &UseReducerHandle<AppState>, f: web_sys::File) {
    let s = state.clone();
    let first = std::cell::Cell::new(true);
    let d = Callback::from(move |a: Action| {
        if first.replace(false) && matches!(s.load, LoadStatus::Loading(_)) {
            s.dispatch(Action::SetLoad(LoadStatus::Idle));
        }
        s.dispatch(a);
    });
    let s = state.clone();
    crate::story_io::open_any(
        f,
        d,
        Callback::from(move |f| crate::hooks::use_data_source::open_file(s.clone(), f)),
    )
}
