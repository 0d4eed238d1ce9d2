//! The chosen scene of the story being authored: its title and caption
//! (each change one undo step), its view taken again, notes on an event
//! chosen from those the scene shows, and the events it highlights.

use crate::components::story_panel::act;
use crate::state::{Action, StoryAction};
use std::rc::Rc;
use timeline_core::story::{Anchor, Scene};
use timeline_core::Dataset;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SceneEditorProps {
    pub index: usize,
    pub scene: Scene,
    pub dataset: Rc<Dataset>,
    pub selected: Option<String>,
    pub dispatch: Callback<Action>,
}

/// The chosen scene: title, caption, its view taken again, its notes and highlights.
#[function_component(SceneEditor)]
pub fn scene_editor(props: &SceneEditorProps) -> Html {
    let (i, s, d) = (props.index, &props.scene, &props.dispatch);
    let ds = &props.dataset;
    // The events the scene's view shows (its filter), to annotate.
    let events = use_memo(
        (ds.clone(), s.view.as_ref().map(|v| v.filter.clone())),
        |(ds, f)| f.as_ref().map(|f| f.apply(ds)).unwrap_or_default(),
    );
    let chosen = crate::hooks::erased::use_state(|| None::<String>);
    let note = crate::hooks::erased::use_state(String::new);
    let event = (*chosen)
        .clone()
        .or_else(|| {
            props
                .selected
                .clone()
                .filter(|id| ds.position(id).is_some_and(|p| events.contains(&p)))
        })
        .or_else(|| events.first().map(|&p| ds.events[p].id.clone()));
    let on_scene_title = d.reform(move |e: Event| {
        Action::Story(StoryAction::SetSceneTitle(
            i,
            e.target_unchecked_into::<HtmlInputElement>().value(),
        ))
    });
    let on_caption = d.reform(move |e: Event| {
        Action::Story(StoryAction::SetCaption(
            i,
            e.target_unchecked_into::<HtmlTextAreaElement>().value(),
        ))
    });
    let on_choose = {
        let c = chosen.clone();
        Callback::from(move |e: Event| {
            c.set(Some(e.target_unchecked_into::<HtmlSelectElement>().value()))
        })
    };
    let on_note = {
        let n = note.clone();
        Callback::from(move |e: InputEvent| {
            n.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let add_note = {
        let (d, note, event) = (d.clone(), note.clone(), event.clone());
        Callback::from(move |_| {
            if let (Some(ev), false) = (event.clone(), note.trim().is_empty()) {
                d.emit(Action::Story(StoryAction::Annotate {
                    scene: i,
                    event: ev,
                    text: note.trim().to_string(),
                }));
                note.set(String::new());
            }
        })
    };
    let highlighted = event.as_ref().is_some_and(|e| s.highlight.contains(e));
    let toggle = event.clone().map(|ev| {
        act(
            d,
            StoryAction::ToggleHighlight {
                scene: i,
                event: ev,
            },
        )
    });
    let title_of = |id: &str| {
        ds.event(id)
            .map_or_else(|| id.to_string(), |e| e.title.clone())
    };
    html! {
        <fieldset class="scene-editor" data-testid="scene-editor">
            <legend>{ format!("Scene {}", i + 1) }</legend>
            <label>{ "Title" }<input type="text" data-field="scene-title" value={s.title.clone()} onchange={on_scene_title} /></label>
            <label>{ "Caption (plain text; web addresses become links)" }
                <textarea data-field="scene-caption" rows="3" value={s.caption.clone()} onchange={on_caption} /></label>
            if s.view.is_some() {
                <button data-action="scene-recapture" title="The scene takes the view as it is now" onclick={act(d, StoryAction::Recapture(i))}>{ "Use the current view" }</button>
                <div class="scene-notes">
                    <h3>{ "Notes and highlights" }</h3>
                    if !s.annotations.is_empty() || !s.highlight.is_empty() {
                        <ul>
                            { for s.annotations.iter().enumerate().map(|(k, a)| {
                                let on = match &a.at { Anchor::Event(id) => title_of(id), Anchor::Date(date) => date.to_string() };
                                html! { <li data-note-row={a.text.clone()}>{ format!("“{}” on {on} ", a.text) }
                                    <button class="link-button" aria-label={format!("Remove the note “{}”", a.text)} onclick={act(d, StoryAction::RemoveNote { scene: i, note: k })}>{ "Remove" }</button></li> }
                            }) }
                            { for s.highlight.iter().map(|id| html! { <li>{ format!("Highlighted: {}", title_of(id)) }</li> }) }
                        </ul>
                    }
                    <label>{ "Event" }
                        <select data-field="note-event" onchange={on_choose}>
                            { for events.iter().take(500).map(|&p| { let e = &ds.events[p]; html! {
                                <option value={e.id.clone()} selected={event.as_deref() == Some(e.id.as_str())}>{ format!("{} — {}", e.date_label(), e.title) }</option>
                            }}) }
                        </select>
                    </label>
                    <label>{ "Note" }<input type="text" data-field="note-text" maxlength="120" value={(*note).clone()} oninput={on_note} /></label>
                    <span class="story-buttons">
                        <button data-action="add-note" disabled={event.is_none() || note.trim().is_empty()} onclick={add_note}>{ "Add note" }</button>
                        <button data-action="toggle-highlight" aria-pressed={highlighted.to_string()} disabled={event.is_none()} onclick={toggle.unwrap_or_default()}>{ "Highlight" }</button>
                    </span>
                </div>
            }
        </fieldset>
    }
}
