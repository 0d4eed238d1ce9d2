//! A story that names its dataset (`data`): the dataset is loaded as `?data=`
//! loads one (read in the worker by `use_data_source::accept_bytes`), and the
//! story plays once it is shown — or, when it cannot be loaded, on the
//! dataset shown, its failure said (story_state.rs).

use crate::state::{Action, AppState, LoadStatus};
use crate::story_state::StoryAction;
use yew::prelude::*;

#[hook]
pub fn use_story_data(state: UseReducerHandle<AppState>) {
    let awaiting = state.story.awaiting.clone();
    // Fetch it, unless the page's `?data=` is loading it already.
    {
        let state = state.clone();
        crate::hooks::erased::use_effect_on(awaiting.clone(), move |w| {
            if let Some(w) = w.as_ref().filter(|w| w.fetch) {
                crate::story_io::load_dataset(state, w.url.clone());
            }
        });
    }
    // Shown, or failed: the story goes on.
    let done = awaiting.as_ref().and_then(|w| {
        if state.source == w.url {
            Some(StoryAction::DataShown)
        } else if let LoadStatus::Failed(why) = &state.load {
            Some(StoryAction::DataFailed(why.clone()))
        } else {
            None
        }
    });
    crate::hooks::erased::use_effect_on(done, move |done| {
        if let Some(a) = done.clone() {
            state.dispatch(Action::Story(a));
        }
    });
}
