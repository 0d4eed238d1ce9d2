//! Authoring a story without code: "Add scene" captures the current view;
//! a scene's title and caption are edited in place; scenes are reordered,
//! duplicated and deleted; an event is chosen to annotate or highlight;
//! undo and redo; play from the chosen scene; save, open, link, export.

use crate::components::scene_editor::SceneEditor;
use crate::state::{Action, StoryAction, StoryState};
use std::rc::Rc;
use timeline_core::story::Edit;
use timeline_core::Dataset;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct StoryPanelProps {
    pub story: Rc<StoryState>,
    pub dataset: Rc<Dataset>,
    /// The event open in the view: the first choice to annotate.
    pub selected: Option<String>,
    pub dispatch: Callback<Action>,
}

pub fn act(d: &Callback<Action>, a: StoryAction) -> Callback<MouseEvent> {
    d.reform(move |_| Action::Story(a.clone()))
}

/// A plain function (no state of its own: no component's lifecycle code).
pub fn story_panel(props: &StoryPanelProps) -> Html {
    let st = &props.story;
    let d = &props.dispatch;
    let story = st.story();
    let n = story.scenes.len();
    let on_title = d.reform(|e: Event| {
        let v = e.target_unchecked_into::<HtmlInputElement>().value();
        Action::Story(StoryAction::SetStoryTitle(v))
    });
    let on_open = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                crate::story_io::open_file(f, d.clone(), false);
            }
            input.set_value("");
        })
    };
    let (s1, s2, s3, s4) = (story.clone(), story.clone(), story.clone(), story.clone());
    let ds = props.dataset.clone();
    let (d1, d2, d3) = (d.clone(), d.clone(), d.clone());
    html! {
        <section class="story-panel" aria-labelledby="story-heading" data-testid="story-panel">
            <h2 id="story-heading">{ "Story" }</h2>
            <label class="story-title">{ "Story title " }
                <input type="text" data-field="story-title" value={story.title.clone()} onchange={on_title} placeholder="Untitled story" />
            </label>
            <div class="story-buttons">
                <button data-action="add-scene" title="A scene of the view as it is now" onclick={act(d, StoryAction::AddScene)}>{ "Add scene" }</button>
                <button data-action="add-card" title="A scene with a title and text, no chart" onclick={act(d, StoryAction::AddCard)}>{ "Add title card" }</button>
                <button data-action="story-undo" disabled={!st.draft.can_undo()} onclick={act(d, StoryAction::Undo)}>{ "Undo" }</button>
                <button data-action="story-redo" disabled={!st.draft.can_redo()} onclick={act(d, StoryAction::Redo)}>{ "Redo" }</button>
                <button data-action="story-play" disabled={n == 0} title="Play from the chosen scene (→ ← Space; Esc leaves)" onclick={act(d, StoryAction::Go(st.current))}>{ "▶ Play" }</button>
            </div>
            if n == 0 {
                <p class="hint">{ "Set up a view (filters, zoom, lanes, an open event), then “Add scene”. Each scene keeps its view." }</p>
            } else {
                { scene_list(st, d) }
                if let Some(scene) = story.scenes.get(st.current) {
                    <SceneEditor key={st.current} index={st.current} scene={scene.clone()} dataset={props.dataset.clone()}
                        selected={props.selected.clone()} dispatch={d.clone()} />
                }
            }
            <div class="story-buttons story-files">
                <button data-action="story-save" disabled={n == 0} onclick={Callback::from(move |_| crate::story_io::save(&s1))}>{ "Save story" }</button>
                <label class="file-button">{ "Open story…" }
                    <input type="file" accept=".json,application/json" data-action="story-open" onchange={on_open} />
                </label>
                <button data-action="story-link" disabled={n == 0} onclick={Callback::from(move |_| crate::story_io::copy_link(&s2, &d1))}>{ "Copy story link" }</button>
                <button data-action="story-svg" disabled={n == 0} onclick={{ let ds = ds.clone(); Callback::from(move |_| crate::story_io::export(&ds, &s3, "scenes", d2.clone())) }}>{ "Scene images (SVG)" }</button>
                <button data-action="story-handout" disabled={n == 0} onclick={Callback::from(move |_| crate::story_io::export(&ds, &s4, "handout", d3.clone()))}>{ "Handout" }</button>
            </div>
            <p class="story-status" role="status" aria-live="polite" data-testid="story-status">{ st.notice.clone().unwrap_or_default() }</p>
        </section>
    }
}

/// The scenes in order: choose one, move it, duplicate or delete it.
fn scene_list(st: &StoryState, d: &Callback<Action>) -> Html {
    let n = st.story().scenes.len();
    let edit = |e: Edit| act(d, StoryAction::Edit(e));
    html! {
        <ol class="scene-list" aria-label="Scenes" data-testid="scene-list">
            { for st.story().scenes.iter().enumerate().map(|(i, s)| {
                let name = format!("{}{}", s.title, if s.view.is_none() { " (title card)" } else { "" });
                html! {
                <li class={classes!((i == st.current).then_some("chosen"))} data-scene-row={(i + 1).to_string()}>
                    <button class="scene-pick" aria-pressed={(i == st.current).to_string()} onclick={act(d, StoryAction::Choose(i))}>
                        { format!("{}. {name}", i + 1) }
                    </button>
                    <span class="scene-tools">
                        <button data-action="scene-up" aria-label={format!("Move scene {} up", i + 1)} disabled={i == 0}
                            onclick={edit(Edit::Move { from: i, to: i.saturating_sub(1) })}>{ "↑" }</button>
                        <button data-action="scene-down" aria-label={format!("Move scene {} down", i + 1)} disabled={i + 1 >= n}
                            onclick={edit(Edit::Move { from: i, to: i + 1 })}>{ "↓" }</button>
                        <button data-action="scene-duplicate" aria-label={format!("Duplicate scene {}", i + 1)} onclick={edit(Edit::Duplicate(i))}>{ "Duplicate" }</button>
                        <button data-action="scene-delete" aria-label={format!("Delete scene {}", i + 1)} onclick={edit(Edit::Delete(i))}>{ "Delete" }</button>
                    </span>
                </li>
            }}) }
        </ol>
    }
}
