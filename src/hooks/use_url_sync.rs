//! Keeps the URL and the state in step: the state is written to the query
//! string after each change (a history entry for filters, views and
//! selection, at once; a replaced one for zoom and typing, once the view has
//! rested), and back/forward restores the state the URL describes.

use crate::state::{Action, AppState};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use timeline_core::urlstate::{decode, encode, sanitize, ViewState};
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// The state the current URL describes, and the parameters it ignored.
/// Checked against `ds` (unknown countries, an unknown event are dropped);
/// with `None` — a linked dataset is still loading — it is checked on arrival.
pub fn read_location(ds: Option<&timeline_core::Dataset>) -> (ViewState, Vec<String>) {
    let search = crate::dom::window()
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
    let w = crate::dom::window();
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
    let Some(w) = crate::dom::window() else {
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

/// How long the view must rest before a replaced (zoom, pan, typing) URL is written.
const SETTLE_MS: u32 = 150;

/// Says on `<html>` whether the address shows the view (`data-url-synced`):
/// "false" while a gesture's write waits for the view to settle.
fn set_synced(synced: bool) {
    crate::dom::set_root_attr("data-url-synced", if synced { "true" } else { "false" });
}

/// A gesture's write waiting for the view to rest.
#[derive(Default)]
struct Pending {
    /// The trailing write; replaced (and so cancelled) by each step.
    timer: Option<Timeout>,
    /// Whether the address lags the view (the timer has not fired yet).
    waiting: bool,
    /// Whether the first view was written (it is written at once).
    started: bool,
}

#[hook]
pub fn use_url_sync(state: UseReducerHandle<AppState>) {
    // A new history entry (filters, views, selection) is written at once. A
    // replaced one (wheel, drag, pinch, keys, typing) waits until the view has
    // rested SETTLE_MS: a gesture writes the address once, not at each step
    // (`history.replaceState` cost ~5 ms a step). `data-url-synced` on <html>
    // says whether the address shows the view drawn, for tests to wait on.
    let pending = use_mut_ref(Pending::default);
    {
        let pending = pending.clone();
        let view = state.view.clone();
        let push = state.push_history;
        crate::hooks::erased::use_effect_on(view, move |view| {
            let mut p = pending.borrow_mut();
            if push || !p.started {
                p.started = true;
                // The timer has not fired: dropping it cancels it.
                p.timer = None;
                if p.waiting {
                    p.waiting = false;
                    set_synced(true);
                }
                write_url(view, push);
                return;
            }
            if !p.waiting {
                p.waiting = true;
                set_synced(false);
            }
            let view = view.clone();
            let slot = pending.clone();
            // The callback never drops its own timer: the next step or push does.
            p.timer = Some(Timeout::new(SETTLE_MS, move || {
                write_url(&view, false);
                slot.borrow_mut().waiting = false;
                set_synced(true);
            }));
        });
    }
    // Back and forward restore the state of the URL (a gesture's write still
    // waiting would overwrite the entry gone back to: it is dropped).
    {
        let state = state.clone();
        crate::hooks::erased::use_effect_on((), move |_| {
            let listener = crate::dom::window().map(|w| {
                EventListener::new(&w, "popstate", move |_| {
                    {
                        let mut p = pending.borrow_mut();
                        p.timer = None;
                        if p.waiting {
                            p.waiting = false;
                            set_synced(true);
                        }
                    }
                    let (view, _) = read_location(Some(&state.data.dataset));
                    state.dispatch(Action::Restore(view));
                })
            });
            move || drop(listener)
        });
    }
}
