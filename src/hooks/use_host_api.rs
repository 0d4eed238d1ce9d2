//! The host page API: a page that embeds the app (a slide deck) drives it with
//! `postMessage({type: "sco-timeline", action: …})` and hears back `ready`,
//! `selected` and `state`. Messages from origins the embedder did not allow
//! (`?origins=`; the page's own origin always) and malformed ones are ignored.
//! The protocol is documented in docs/embedding.md.

use crate::state::{Action, AppState, StoryAction};
use gloo::events::EventListener;
use js_sys::{Array, Object, Reflect};
use timeline_core::embed::{
    parse_host_message, parse_reveal_message, window_dates, HostCommand, HostValue,
};
use timeline_core::urlstate::encode;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// A message's value read in place (no JSON text, no JSON parser in this module).
struct Js(JsValue);

impl HostValue for Js {
    fn field(&self, key: &str) -> Option<Self> {
        if !self.is_object() {
            return None;
        }
        let v = Reflect::get(&self.0, &JsValue::from_str(key)).ok()?;
        (!v.is_undefined()).then_some(Js(v))
    }
    fn text(&self) -> Option<String> {
        self.0.as_string()
    }
    fn number(&self) -> Option<f64> {
        self.0.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        self.0.as_bool()
    }
    fn is_null(&self) -> bool {
        self.0.is_null()
    }
    fn is_object(&self) -> bool {
        self.0.is_object() && !Array::is_array(&self.0)
    }
    fn items(&self) -> Option<Vec<Self>> {
        Array::is_array(&self.0).then(|| Array::from(&self.0).iter().map(Js).collect())
    }
    fn json(&self) -> String {
        js_sys::JSON::stringify(&self.0)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }
}

/// A message to the host: `{"type": "sco-timeline", "event": event, …fields}`.
fn message(event: &str, fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"type".into(), &"sco-timeline".into());
    let _ = Reflect::set(&o, &"event".into(), &event.into());
    for (k, v) in fields {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

/// `Some(v)` as `v`, `None` as `null` (as JSON has them).
fn or_null<T: Into<JsValue>>(v: Option<T>) -> JsValue {
    v.map_or(JsValue::NULL, Into::into)
}

fn own_origin() -> String {
    crate::dom::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Whether the page has a host to tell (it runs in a frame).
fn has_host() -> bool {
    crate::dom::window()
        .and_then(|w| w.parent().ok().flatten().map(|p| p != w))
        .unwrap_or(false)
}

/// Sends `msg` to the parent window (if embedded), to each allowed origin.
fn tell_host(state: &AppState, data: JsValue) {
    let Some(w) = crate::dom::window() else {
        return;
    };
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return;
    }
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

fn state_message(state: &AppState, event: &str) -> JsValue {
    let (from, to) = window_dates(state.window());
    let window = Object::new();
    let _ = Reflect::set(&window, &"from".into(), &from.into());
    let _ = Reflect::set(&window, &"to".into(), &to.into());
    message(
        event,
        &[
            ("query", encode(&state.view).into()),
            ("shown", (state.shown.len() as f64).into()),
            ("total", (state.data.dataset.events.len() as f64).into()),
            ("selected", or_null(state.view.selected.as_deref())),
            ("presenting", state.presenting.into()),
            ("window", window.into()),
            ("paused", state.paused.into()),
        ],
    )
}

/// The height the embed's content needs to show without scrolling inside
/// (all lanes at their natural size, the caption and filters whole), in CSS
/// px: what a host may size the frame to. `None` outside an embed.
fn content_height() -> Option<f64> {
    let doc = crate::dom::document()?;
    doc.query_selector(".app.embed").ok()??;
    let inner = crate::dom::window()?.inner_height().ok()?.as_f64()?;
    // Each part that scrolls or cuts inside itself adds what it hides.
    let mut extra = 0.0;
    for sel in [".embed-filters", ".caption", ".list-view"] {
        if let Some(el) = doc.query_selector(sel).ok().flatten() {
            extra += (el.scroll_height() - el.client_height()).max(0) as f64;
        }
    }
    if let Some(chart) = doc.query_selector(".app.embed .chart").ok().flatten() {
        // JavaScript's parseFloat: no float parser linked into this module.
        let natural = chart
            .get_attribute("data-content-height")
            .map(|v| js_sys::parse_float(&v))
            .filter(|v| v.is_finite())
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
        crate::hooks::erased::use_effect_on((), move |_| {
            let listener = crate::dom::window().map(|w| {
                EventListener::new(&w, "message", move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
                        return;
                    };
                    // reveal.js's "slide:start" / "slide:stop" come from the parent page,
                    // whatever its origin: they only pause and resume.
                    let from_parent = crate::dom::window()
                        .and_then(|w| w.parent().ok().flatten())
                        .zip(e.source())
                        .is_some_and(|(p, s)| js_sys::Object::is(&p, &s));
                    if from_parent {
                        if let Some(cmd) = parse_reveal_message(&Js(e.data())) {
                            apply(&state, cmd);
                            return;
                        }
                    }
                    if !state.embed.allows(&e.origin(), &own_origin()) {
                        return;
                    }
                    if let Some(cmd) = parse_host_message(&Js(e.data())) {
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
        crate::hooks::erased::use_effect_on(ready, move |&ready| {
            if ready && !*sent.borrow() {
                *sent.borrow_mut() = true;
                tell_host(&st, state_message(&st, "ready"));
            }
        });
    }
    // `selected` when the open event changes; `state` when the view changes.
    {
        let st = state.clone();
        crate::hooks::erased::use_effect_on(state.view.selected.clone(), move |sel| {
            if let Some(e) = sel
                .as_deref()
                .filter(|_| has_host())
                .and_then(|id| st.data.dataset.event(id))
            {
                let position = st
                    .shown
                    .iter()
                    .position(|&i| st.data.dataset.events[i].id == e.id)
                    .map(|p| p + 1);
                tell_host(
                    &st,
                    message(
                        "selected",
                        &[
                            ("id", e.id.as_str().into()),
                            ("title", e.title.as_str().into()),
                            ("date", e.date_label().into()),
                            ("position", or_null(position.map(|p| p as f64))),
                            ("of", (st.shown.len() as f64).into()),
                        ],
                    ),
                );
            }
        });
    }
    {
        let st = state.clone();
        crate::hooks::erased::use_effect_on(
            (
                state.view.clone(),
                state.shown.len(),
                state.presenting,
                state.paused,
            ),
            move |_| {
                // Made only for a host (a filter click at 1,000,000 events spends no time on it).
                if has_host() {
                    tell_host(&st, state_message(&st, "state"));
                }
            },
        );
    }
    // `scene` when a story's scene changes (and when a story starts).
    {
        let st = state.clone();
        let n = state.story.story().scenes.len();
        crate::hooks::erased::use_effect_on((state.story.playing, n), move |&(at, n)| {
            if let Some(i) = at {
                let title = st.story.scene().map(|s| s.title.clone());
                tell_host(
                    &st,
                    message(
                        "scene",
                        &[
                            ("index", ((i + 1) as f64).into()),
                            ("count", (n as f64).into()),
                            ("title", or_null(title)),
                        ],
                    ),
                );
            }
        });
    }
    // `size` after every render that changes the height the content needs.
    {
        let st = state.clone();
        let last = use_mut_ref(|| None::<f64>);
        crate::hooks::erased::use_effect_always(move || {
            if let Some(h) = content_height() {
                if *last.borrow() != Some(h) {
                    *last.borrow_mut() = Some(h);
                    tell_host(&st, message("size", &[("height", h.into())]));
                }
            }
        });
    }
    let _ = JsValue::NULL;
}
