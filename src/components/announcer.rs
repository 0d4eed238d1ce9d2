use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnnouncerProps {
    pub message: AttrValue,
}

/// The page's polite live region: there from the first render, so that screen
/// readers hear each change of its text (filter results, loading, presenter steps).
#[function_component(Announcer)]
pub fn announcer(props: &AnnouncerProps) -> Html {
    html! {
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announce">
            { props.message.clone() }
        </div>
    }
}
