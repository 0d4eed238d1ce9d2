//! Keeps the URL and the state in step: the state is written to the query
//! string after each change (a history entry for filters, views and
//! selection; a replaced one for zoom and typing), and back/forward restores
//! the state the URL describes.

use crate::state::{Action, AppState};
use gloo::events::EventListener;
use timeline_core::urlstate::{decode, encode, sanitize, ViewState};
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// The state the current URL describes, and the parameters it ignored.
/// Checked against `ds` (unknown countries, an unknown event are dropped);
/// with `None` — a linked dataset is still loading — it is checked on arrival.
pub fn read_location(ds: Option<&timeline_core::Dataset>) -> (ViewState, Vec<String>) {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let mut d = decode(&search);
    if let Some(ds) = ds {
        let dropped = sanitize(&mut d.state, ds);
        d.ignored.extend(dropped);
    }
    (d.state, d.ignored)
}

/// The query string for a state, keeping parameters other features own (embed, theme, data).
fn url_for(view: &ViewState) -> String {
    let w = web_sys::window();
    let search = w
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let ours = ["c", "k", "from", "to", "q", "w", "g", "v", "e"];
    let mut keep: Vec<String> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && !ours.contains(&p.split('=').next().unwrap_or("")))
        .map(String::from)
        .collect();
    let enc = encode(view);
    if !enc.is_empty() {
        keep.push(enc);
    }
    let path = w
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    if keep.is_empty() {
        path
    } else {
        format!("{path}?{}", keep.join("&"))
    }
}

/// Writes `view` to the address bar: a new history entry (`push`) or in place.
/// Whether it wrote (the address may already say it).
fn write_url(view: &ViewState, push: bool) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let Ok(h) = w.history() else {
        return false;
    };
    let url = url_for(view);
    let l = w.location();
    let current = l
        .pathname()
        .ok()
        .zip(l.search().ok())
        .map(|(p, s)| format!("{p}{s}"));
    if current.as_deref() == Some(url.as_str()) {
        return false;
    }
    let _ = if push {
        h.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        h.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
    true
}

#[hook]
pub fn use_url_sync(state: UseReducerHandle<AppState>) {
    // Write the URL after each change of the view state, at once: a link
    // copied, a test or a host reading the address sees the view just drawn.
    // (Coalescing a gesture's writes would save a few milliseconds a step, but
    // the address would lag the view it shows.)
    {
        let view = state.view.clone();
        let push = state.push_history;
        use_effect_with(view, move |view| {
            write_url(view, push);
        });
    }
    // Back and forward restore the state of the URL.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "popstate", move |_| {
                    let (view, _) = read_location(Some(&state.data.dataset));
                    state.dispatch(Action::Restore(view));
                })
            });
            move || drop(listener)
        });
    }
}
