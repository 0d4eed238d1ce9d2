use crate::state::AppState;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnnouncerProps {
    pub state: UseReducerHandle<AppState>,
}

/// The page's polite live region: there from the first render, so that screen
/// readers hear each change of its text (filter results, loading, presenter
/// steps). Its text is its own state: a new message redraws only this element.
#[function_component(Announcer)]
pub fn announcer(props: &AnnouncerProps) -> Html {
    let message = crate::hooks::use_announcement::use_announcement(&props.state);
    html! {
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announce">
            { message }
        </div>
    }
}
