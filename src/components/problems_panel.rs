use std::rc::Rc;
use timeline_core::Problem;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProblemsPanelProps {
    pub problems: Rc<Vec<Problem>>,
}

/// Lists what could not be loaded (entry, field, what is wrong). Hidden when all is well.
#[function_component(ProblemsPanel)]
pub fn problems_panel(props: &ProblemsPanelProps) -> Html {
    if props.problems.is_empty() {
        return html! {};
    }
    html! {
        <details class="problems" data-testid="problems">
            <summary>{ format!("{} data problem(s): the entries concerned were left out", props.problems.len()) }</summary>
            <ul>
                { for props.problems.iter().map(|p| html! { <li>{ p.to_string() }</li> }) }
            </ul>
        </details>
    }
}
