//! What the live region says (Announcer): the result of a filter, loading
//! progress and presenter steps. The texts come from timeline_core::describe;
//! this hook only notices the changes.

use crate::state::{AppState, LoadStatus};
use std::rc::Rc;
use timeline_core::describe;
use yew::prelude::*;

#[hook]
pub fn use_announcement(state: &AppState) -> AttrValue {
    let message = crate::hooks::erased::use_state(AttrValue::default);
    // The result of a filter (a new shown set), not on the first render.
    {
        let message = message.clone();
        let ds = state.data.dataset.clone();
        let shown = state.shown.clone();
        let first = use_mut_ref(|| true);
        crate::hooks::erased::use_effect_on(shown, move |shown: &Rc<Vec<usize>>| {
            if !std::mem::take(&mut *first.borrow_mut()) {
                message.set(crate::stats_cache::count_for(&ds, shown).to_string().into());
            }
        });
    }
    // Loading: its start, each quarter of the entries read, its end or failure.
    {
        let message = message.clone();
        let step = match &state.load {
            LoadStatus::Parsing { name, done, total } => {
                LoadStatus::Parsing {
                    name: name.clone(),
                    // Only each quarter is a change worth saying.
                    done: describe::quarter(*done, *total),
                    total: *total,
                }
            }
            other => other.clone(),
        };
        let ds = state.data.dataset.clone();
        let shown = state.shown.clone();
        let source = state.source.clone();
        let before = use_mut_ref(|| LoadStatus::Idle);
        crate::hooks::erased::use_effect_on(step, move |step| {
            let was = std::mem::replace(&mut *before.borrow_mut(), step.clone());
            let text = match step {
                LoadStatus::Loading(what) => Some(format!("Loading {what}…")),
                LoadStatus::Parsing { name, done, total } => {
                    Some(describe::progress_line(name, done * total / 4, *total))
                }
                LoadStatus::Failed(why) => Some(why.clone()),
                LoadStatus::Idle if was != LoadStatus::Idle => Some(format!(
                    "Loaded {source}. {}",
                    describe::count_line(&ds, &shown)
                )),
                LoadStatus::Idle => None,
            };
            if let Some(t) = text {
                message.set(t.into());
            }
        });
    }
    // Presenter steps: the event reached and where it is in the sequence.
    {
        let message = message.clone();
        let ds = state.data.dataset.clone();
        let shown = state.shown.clone();
        let at = state
            .view
            .selected
            .as_deref()
            .and_then(|id| ds.position(id))
            .filter(|_| state.presenting);
        crate::hooks::erased::use_effect_on(at, move |&at| {
            if let Some(i) = at {
                let pos = shown.binary_search(&i).map_or(0, |p| p + 1);
                let label = describe::event_label(&ds, &ds.events[i]);
                message.set(describe::step_line(pos, shown.len(), &label).into());
            }
        });
    }
    // A story's scenes: "Scene 2 of 5: Beslan. The siege of the school…".
    {
        let message = message.clone();
        let st = state.story.clone();
        crate::hooks::erased::use_effect_on(state.story.playing, move |&at| {
            if let (Some(i), Some(scene)) = (at, st.scene()) {
                let mut text = timeline_core::story::scene_label(st.story(), i);
                if !scene.caption.is_empty() {
                    text.push_str(&format!(". {}", scene.caption));
                }
                message.set(text.into());
            }
        });
    }
    (*message).clone()
}
