//! Starting in presenter mode (`?present=1`): the first (or linked) event opens
//! once the data is there.

use crate::state::{Action, AppState, LoadStatus};
use yew::prelude::*;

#[hook]
pub fn use_presenter_start(state: UseReducerHandle<AppState>) {
    let ready = !matches!(
        state.load,
        LoadStatus::Loading(_) | LoadStatus::Parsing { .. }
    );
    crate::hooks::erased::use_effect_on(ready, move |&ready| {
        if ready && state.presenting {
            state.dispatch(Action::SetPresenting(true));
        }
    });
}
