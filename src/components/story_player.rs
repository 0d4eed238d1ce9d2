//! The story player: back and next, "Scene i of n", a strip of the scenes
//! (each a button), the scene's title and its caption (text, with its
//! addresses as links), and leaving the story (not in a read-only frame).

use crate::state::{Action, StoryAction, StoryState};
use std::rc::Rc;
use timeline_core::story::{caption_parts, CaptionPart};
use yew::prelude::*;

#[derive(PartialEq)]
pub struct StoryPlayerProps {
    pub story: Rc<StoryState>,
    pub dispatch: Callback<Action>,
    /// A frame playing the story: no way out of it, no editing.
    pub read_only: bool,
}

/// A caption as text and links (only `http`/`https` addresses become links).
pub fn caption(text: &str) -> Html {
    caption_parts(text)
        .into_iter()
        .map(|p| match p {
            CaptionPart::Text(t) => html! { { t } },
            CaptionPart::Link { text, href } => {
                html! { <a {href} target="_blank" rel="noopener noreferrer">{ text }</a> }
            }
        })
        .collect()
}

/// A plain function (no state of its own: no component's lifecycle code).
pub fn story_player(props: &StoryPlayerProps) -> Html {
    let st = &props.story;
    let (Some(i), Some(scene)) = (st.playing, st.scene()) else {
        return html! {};
    };
    let n = st.story().scenes.len();
    let d = &props.dispatch;
    let go = |a: StoryAction| {
        let a = a.clone();
        d.reform(move |_| Action::Story(a.clone()))
    };
    html! {
        <section class="story-player" aria-label={format!("Story: {}", st.story().title)} data-testid="story-player">
            <div class="story-controls" role="group" aria-label="Scenes">
                <button data-action="scene-prev" aria-label="Previous scene (←)" disabled={i == 0} onclick={go(StoryAction::Step(-1))}>{ "◀" }</button>
                <span class="scene-count" data-testid="scene-count">{ format!("Scene {} of {n}", i + 1) }</span>
                <button data-action="scene-next" aria-label="Next scene (→, Space)" disabled={i + 1 >= n} onclick={go(StoryAction::Step(1))}>{ "▶" }</button>
                <ol class="story-progress" aria-label="All scenes">
                    { for st.story().scenes.iter().enumerate().map(|(k, s)| html! {
                        <li class={classes!(if k < i { "done" } else if k == i { "now" } else { "" })}>
                            <button aria-label={format!("Scene {}: {}", k + 1, s.title)} title={format!("{}. {}", k + 1, s.title)}
                                aria-current={(k == i).then_some("step")} data-scene={(k + 1).to_string()} onclick={go(StoryAction::Go(k))}></button>
                        </li>
                    }) }
                </ol>
                if !props.read_only {
                    <button data-action="story-leave" aria-label="Leave the story (Esc)" onclick={go(StoryAction::Stop)}>{ "✕ Leave" }</button>
                }
            </div>
            // A title card shows its title and caption itself (story_card.rs).
            if scene.view.is_some() {
                <div class="scene-text">
                    <h2 class="scene-title" data-testid="scene-title">{ scene.title.clone() }</h2>
                    if !scene.caption.is_empty() { <p class="scene-caption" data-testid="scene-caption">{ caption(&scene.caption) }</p> }
                </div>
            }
        </section>
    }
}
