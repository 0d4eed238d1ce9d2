//! On start, `?story=` (an address, or a short story inline) is loaded and
//! played (crate::story_io).

use crate::state::Action;
use yew::prelude::*;

/// The page's `?story=` value, if any.
pub fn story_param() -> Option<String> {
    crate::hooks::use_data_source::query_param("story")
}

#[hook]
pub fn use_story_link(dispatch: Callback<Action>) {
    crate::hooks::erased::use_effect_on((), move |_| {
        if let Some(v) = story_param() {
            crate::story_io::load_link(&v, dispatch);
        }
    });
}
