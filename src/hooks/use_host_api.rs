//! The host page API: a page that embeds the app (a slide deck) drives it with
//! `postMessage({type: "sco-timeline", action: …})` and hears back `ready`,
//! `selected` and `state`. Messages from origins the embedder did not allow
//! (`?origins=`; the page's own origin always) and malformed ones are ignored.
//! The protocol is documented in docs/embedding.md.

use crate::state::{Action, AppState, StoryAction};
use gloo::events::EventListener;
use timeline_core::embed::{parse_host_message, parse_reveal_message, window_json, HostCommand};
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
        HostCommand::SetWindow(w) => state.dispatch(Action::set_window(w)),
        HostCommand::Fit => state.dispatch(Action::fit()),
        HostCommand::SetView(v) => state.dispatch(Action::SetView(v)),
        HostCommand::SetGrouping(g) => state.dispatch(Action::SetGrouping(g)),
        HostCommand::SlideVisible(on) => state.dispatch(Action::SetPaused(!on)),
        HostCommand::GoToScene(n) => state.dispatch(Action::Story(StoryAction::Go(n - 1))),
        HostCommand::SceneStep(by) => state.dispatch(Action::Story(StoryAction::Step(by))),
        HostCommand::PlayStory(s) => {
            crate::story_io::load_link(&s, state.dispatcher().to_callback())
        }
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
        "window": window_json(state.window()),
        "paused": state.paused,
    })
}

/// The height the embed's content needs to show without scrolling inside
/// (all lanes at their natural size, the caption and filters whole), in CSS
/// px: what a host may size the frame to. `None` outside an embed.
fn content_height() -> Option<f64> {
    let doc = crate::dom::document()?;
    doc.query_selector(".app.embed").ok()??;
    let inner = web_sys::window()?.inner_height().ok()?.as_f64()?;
    // Each part that scrolls or cuts inside itself adds what it hides.
    let mut extra = 0.0;
    for sel in [".embed-filters", ".caption", ".list-view"] {
        if let Some(el) = doc.query_selector(sel).ok().flatten() {
            extra += (el.scroll_height() - el.client_height()).max(0) as f64;
        }
    }
    if let Some(chart) = doc.query_selector(".app.embed .chart").ok().flatten() {
        let natural: f64 = chart
            .get_attribute("data-content-height")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0);
        extra += natural - chart.client_height() as f64;
    }
    Some((inner + extra).ceil().max(0.0))
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
                    // reveal.js's "slide:start" / "slide:stop" come from the parent page,
                    // whatever its origin: they only pause and resume.
                    let from_parent = web_sys::window()
                        .and_then(|w| w.parent().ok().flatten())
                        .zip(e.source())
                        .is_some_and(|(p, s)| js_sys::Object::is(&p, &s));
                    if from_parent {
                        if let Some(cmd) = parse_reveal_message(&serde_json::Value::String(
                            e.data().as_string().unwrap_or_default(),
                        )) {
                            apply(&state, cmd);
                            return;
                        }
                    }
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
            (
                state.view.clone(),
                state.shown.len(),
                state.presenting,
                state.paused,
            ),
            move |_| {
                tell_host(&st, state_message(&st, "state"));
            },
        );
    }
    // `scene` when a story's scene changes (and when a story starts).
    {
        let st = state.clone();
        let n = state.story.story().scenes.len();
        use_effect_with((state.story.playing, n), move |&(at, n)| {
            if let Some(i) = at {
                let title = st.story.scene().map(|s| s.title.clone());
                tell_host(
                    &st,
                    serde_json::json!({
                        "type": "sco-timeline", "event": "scene", "index": i + 1, "count": n, "title": title,
                    }),
                );
            }
        });
    }
    // `size` after every render that changes the height the content needs.
    {
        let st = state.clone();
        let last = use_mut_ref(|| None::<f64>);
        use_effect(move || {
            if let Some(h) = content_height() {
                if *last.borrow() != Some(h) {
                    *last.borrow_mut() = Some(h);
                    tell_host(
                        &st,
                        serde_json::json!({ "type": "sco-timeline", "event": "size", "height": h }),
                    );
                }
            }
        });
    }
    let _ = JsValue::NULL;
}
