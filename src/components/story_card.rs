//! A story's title card: a scene without a chart, its title and caption large.

use crate::components::story_player::caption;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct StoryCardProps {
    pub title: AttrValue,
    pub caption: AttrValue,
    /// The story's own title, above the card's (empty: none).
    pub story_title: AttrValue,
}

/// A plain function (no state of its own: no component's lifecycle code).
pub fn story_card(props: &StoryCardProps) -> Html {
    html! {
        <section class="story-card" data-testid="story-card" aria-labelledby="story-card-title">
            if !props.story_title.is_empty() && props.story_title != props.title {
                <p class="story-card-kicker">{ props.story_title.clone() }</p>
            }
            <h2 id="story-card-title">{ props.title.clone() }</h2>
            if !props.caption.is_empty() { <p class="story-card-caption">{ caption(&props.caption) }</p> }
        </section>
    }
}
