//! Everything a story needs of the page, in one hook: `?story=` on start, its
//! own dataset, the keys while one plays, the window's moves between scenes
//! and the automation hooks (`data-scene-*`).

use crate::state::AppState;
use yew::prelude::*;

#[hook]
pub fn use_stories(state: &UseReducerHandle<AppState>) {
    let playing = state.story.playing.is_some();
    let story_count = state.story.story().scenes.len();
    crate::hooks::use_story_link::use_story_link(state.dispatcher().to_callback());
    crate::hooks::use_story_data::use_story_data(state.clone());
    crate::hooks::use_story_keys::use_story_keys(
        playing && !state.paused,
        story_count,
        !state.embed.embed,
        state.dispatcher().to_callback(),
    );
    crate::hooks::use_story_motion::use_story_motion(
        state.story.motion,
        state.dispatcher().to_callback(),
    );
    crate::hooks::use_story_attrs::use_story_attrs(
        state.story.playing.map(|i| (i, story_count)),
        state.story.motion.is_some(),
    );
}
