use crate::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct SearchBoxProps {
    pub text: String,
    pub dispatch: Callback<Action>,
}

/// Free-text search over title, summary and places.
/// A plain function (no state of its own: no component's lifecycle code).
pub fn search_box(props: &SearchBoxProps) -> Html {
    let oninput = props.dispatch.reform(|e: InputEvent| {
        Action::SetText(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    html! {
        <div class="facet">
            <label class="facet-title" for="search">{ "Search" }</label>
            <input id="search" type="search" placeholder="Title, summary or place" value={props.text.clone()} {oninput} />
        </div>
    }
}
