use std::rc::Rc;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct RefusedProblemsProps {
    pub name: String,
    pub problems: Rc<Vec<timeline_core::Problem>>,
}

/// The most problems listed for a refused file (the rest are counted).
const LISTED: usize = 200;

/// A refused file's own problems, open, but the reason the load status
/// gives (each is said once). The problems panel keeps listing the shown
/// dataset's.
/// A plain function (no state of its own: no component's lifecycle code).
pub fn refused_problems(props: &RefusedProblemsProps) -> Html {
    let n = props.problems.len();
    html! {
        <details class="problems refused" open=true data-testid="refused-problems">
            <summary>{ format!("{} in {}", timeline_core::text::counted(n, "problem", "problems"), props.name) }</summary>
            <ul>
                { for props.problems.iter().take(LISTED).map(|p| html! { <li>{ p.to_string() }</li> }) }
                if n > LISTED { <li>{ format!("… and {} more", n - LISTED) }</li> }
            </ul>
        </details>
    }
}
