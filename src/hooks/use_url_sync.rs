//! Keeps the URL and the state in step: the state is written to the query
//! string after each change (a history entry for filters, views and
//! selection, when idle after the frame that shows it; a replaced one for zoom
//! and typing, once the view has rested), and back/forward restores the
//! state the URL describes.

use crate::state::{Action, AppState};
use gloo::events::EventListener;
use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
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

/// A gesture's write waiting for the view to rest, and a new entry waiting
/// for the frame that shows its view.
#[derive(Default)]
struct Pending {
    /// The trailing write; replaced (and so cancelled) by each step.
    timer: Option<Timeout>,
    /// Whether the address lags the view (the timer has not fired yet).
    waiting: bool,
    /// The view the timer will write.
    trailing: Option<ViewState>,
    /// Whether the first view was written (it is written at once).
    started: bool,
    /// A new history entry not written yet (`history.pushState` costs 3–12 ms
    /// at 1,000,000 events, most of a frame): it is written once the browser
    /// is idle after the frame that shows its view (within PUSH_IDLE_MS), or
    /// at the latest after PUSH_LATEST_MS where frames are not drawn (a
    /// hidden tab).
    push: Option<ViewState>,
    /// Its frame's callback and timers: kept until the next push replaces
    /// them (a callback never drops itself).
    push_after: Option<(AnimationFrame, Timeout)>,
    push_task: Rc<RefCell<Option<crate::dom::Idle>>>,
}

/// The latest a new history entry waits for an idle moment after its frame.
const PUSH_IDLE_MS: u32 = 100;

/// The latest a new history entry is written where no frame is drawn.
const PUSH_LATEST_MS: u32 = 250;

/// Writes the new history entry waiting, if any (before anything else is
/// written, so entries keep their order).
fn flush_push(pending: &Rc<RefCell<Pending>>) {
    let view = pending.borrow_mut().push.take();
    if let Some(view) = view {
        write_url(&view, true);
        if !pending.borrow().waiting {
            set_synced(true);
        }
    }
}

thread_local! {
    /// The app's pending writes, for [`flush_pending`].
    static PENDING: RefCell<std::rc::Weak<RefCell<Pending>>> = RefCell::default();
}

/// Writes what is still waiting — a new history entry's idle moment, a
/// gesture's rest — before the address is read (the link copied, the view
/// handed to the full module: upgrade.rs).
pub fn flush_pending() {
    if let Some(p) = PENDING.with(|p| p.borrow().upgrade()) {
        flush_push(&p);
        let trailing = {
            let mut b = p.borrow_mut();
            b.timer = None;
            b.waiting = false;
            b.trailing.take()
        };
        if let Some(view) = trailing {
            write_url(&view, false);
            set_synced(true);
        }
    }
}

/// Writes `view` as a new history entry once the browser is idle after the next frame.
fn push_after_frame(pending: &Rc<RefCell<Pending>>, view: ViewState) {
    // An earlier entry still waiting is written first.
    flush_push(pending);
    let task = pending.borrow().push_task.clone();
    let frame = {
        let pending = pending.clone();
        request_animation_frame(move |_| {
            let pending = pending.clone();
            // Replaces an earlier push's task (not this one's, which is not made yet).
            *task.borrow_mut() = Some(crate::dom::when_idle(
                move || flush_push(&pending),
                PUSH_IDLE_MS,
            ));
        })
    };
    let latest = {
        let pending = pending.clone();
        Timeout::new(PUSH_LATEST_MS, move || flush_push(&pending))
    };
    let mut p = pending.borrow_mut();
    p.push = Some(view);
    p.push_after = Some((frame, latest));
    set_synced(false);
}

#[hook]
pub fn use_url_sync(state: UseReducerHandle<AppState>) {
    // A new history entry (filters, views, selection) is written once the
    // browser is idle after the frame that shows its view (`push_after_frame`). A
    // replaced one (wheel, drag, pinch, keys, typing) waits until the view has
    // rested SETTLE_MS: a gesture writes the address once, not at each step
    // (`history.replaceState` cost ~5 ms a step). `data-url-synced` on <html>
    // says whether the address shows the view drawn, for tests to wait on.
    let pending = use_mut_ref(Pending::default);
    PENDING.with(|p| *p.borrow_mut() = Rc::downgrade(&pending));
    {
        let pending = pending.clone();
        let view = state.view.clone();
        let push = state.push_history;
        crate::hooks::erased::use_effect_on(view, move |view| {
            let mut p = pending.borrow_mut();
            if push || !p.started {
                let first = !p.started;
                p.started = true;
                // The timer has not fired: dropping it cancels it.
                p.timer = None;
                p.trailing = None;
                p.waiting = false;
                drop(p);
                if push && !first {
                    push_after_frame(&pending, view.clone());
                } else {
                    flush_push(&pending);
                    write_url(view, push);
                    set_synced(true);
                }
                return;
            }
            if !p.waiting {
                p.waiting = true;
                set_synced(false);
            }
            let view = view.clone();
            p.trailing = Some(view.clone());
            let slot = pending.clone();
            // The callback never drops its own timer: the next step or push does.
            p.timer = Some(Timeout::new(SETTLE_MS, move || {
                flush_push(&slot);
                write_url(&view, false);
                let mut s = slot.borrow_mut();
                s.waiting = false;
                s.trailing = None;
                drop(s);
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
                        p.trailing = None;
                        // A new entry not written yet: the entry gone back to is before it.
                        let pushing = p.push.take().is_some();
                        if p.waiting || pushing {
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
