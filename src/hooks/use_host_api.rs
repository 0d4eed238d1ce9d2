//! The host page API: a page that embeds the app (a slide deck) drives it with
//! `postMessage({type: "sco-timeline", action: …})` and hears back `ready`,
//! `selected` and `state`. Messages from origins the embedder did not allow
//! (`?origins=`; the page's own origin always) and malformed ones are ignored.
//! The protocol is documented in docs/embedding.md.

use crate::state::{Action, AppState};
use gloo::events::EventListener;
use timeline_core::embed::{parse_host_message, HostCommand};
use timeline_core::urlstate::encode;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

fn own_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Sends `msg` to the parent window (if embedded), to each allowed origin.
fn tell_host(state: &AppState, msg: serde_json::Value) {
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return;
    }
    let Ok(data) = js_sys::JSON::parse(&msg.to_string()) else {
        return;
    };
    let own = own_origin();
    let mut targets: Vec<String> = state.embed.origins.clone();
    // A page opened from file:// has the origin "null": only "*" reaches its host.
    targets.push(if own == "null" || own.is_empty() {
        "*".to_string()
    } else {
        own
    });
    targets.dedup();
    for t in targets {
        let _ = parent.post_message(&data, &t);
    }
}

fn apply(state: &UseReducerHandle<AppState>, cmd: HostCommand) {
    match cmd {
        HostCommand::SetFilters {
            countries,
            kinds,
            text,
        } => {
            if let Some(c) = countries {
                state.dispatch(Action::SetCountries(c));
            }
            if let Some(k) = kinds {
                state.dispatch(Action::SetKinds(k));
            }
            if let Some(t) = text {
                state.dispatch(Action::SetText(t));
            }
        }
        HostCommand::GoTo(id) => state.dispatch(Action::Select(Some(id))),
        HostCommand::Step(by) => state.dispatch(Action::Step(by)),
        HostCommand::SetPresent(on) => state.dispatch(Action::SetPresenting(on)),
        HostCommand::GetState => tell_host(state, state_message(state, "state")),
    }
}

fn state_message(state: &AppState, event: &str) -> serde_json::Value {
    serde_json::json!({
        "type": "sco-timeline",
        "event": event,
        "query": encode(&state.view),
        "shown": state.shown.len(),
        "total": state.data.dataset.events.len(),
        "selected": state.view.selected,
        "presenting": state.presenting,
    })
}

#[hook]
pub fn use_host_api(state: UseReducerHandle<AppState>) {
    // Commands from the host page.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "message", move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
                        return;
                    };
                    if !state.embed.allows(&e.origin(), &own_origin()) {
                        return;
                    }
                    let text = js_sys::JSON::stringify(&e.data())
                        .ok()
                        .and_then(|s| s.as_string())
                        .unwrap_or_default();
                    let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
                        return;
                    };
                    if let Some(cmd) = parse_host_message(&value) {
                        apply(&state, cmd);
                    }
                })
            });
            move || drop(listener)
        });
    }
    // `ready` once, when the data is shown.
    {
        let ready = !matches!(
            state.load,
            crate::state::LoadStatus::Loading(_) | crate::state::LoadStatus::Parsing { .. }
        );
        let sent = use_mut_ref(|| false);
        let st = state.clone();
        use_effect_with(ready, move |&ready| {
            if ready && !*sent.borrow() {
                *sent.borrow_mut() = true;
                tell_host(&st, state_message(&st, "ready"));
            }
        });
    }
    // `selected` when the open event changes; `state` when the view changes.
    {
        let st = state.clone();
        use_effect_with(state.view.selected.clone(), move |sel| {
            if let Some(e) = sel.as_deref().and_then(|id| st.data.dataset.event(id)) {
                let position = st
                    .shown
                    .iter()
                    .position(|&i| st.data.dataset.events[i].id == e.id)
                    .map(|p| p + 1);
                tell_host(
                    &st,
                    serde_json::json!({
                        "type": "sco-timeline", "event": "selected", "id": e.id, "title": e.title,
                        "date": e.date_label(), "position": position, "of": st.shown.len(),
                    }),
                );
            }
        });
    }
    {
        let st = state.clone();
        use_effect_with(
            (state.view.clone(), state.shown.len(), state.presenting),
            move |_| {
                tell_host(&st, state_message(&st, "state"));
            },
        );
    }
    let _ = JsValue::NULL;
}
