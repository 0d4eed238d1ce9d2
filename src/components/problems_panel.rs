use std::rc::Rc;
use timeline_core::text::counted;
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
    // Only notices (how the text was read, a large dataset): not shown as faults.
    let only_notices = props
        .problems
        .iter()
        .all(|p| p.kind == timeline_core::ProblemKind::Notice);
    html! {
        <details class={classes!("problems", only_notices.then_some("notices-only"))} data-testid="problems">
            <summary>{ summary(&props.problems) }</summary>
            <ul>
                { for props.problems.iter().map(|p| html! { <li>{ p.to_string() }</li> }) }
            </ul>
        </details>
    }
}

/// "3 data problems in the dataset shown: each names where it is and what is
/// wrong; all else is shown", and
/// notices (how the text was read, a large dataset) counted apart.
fn summary(problems: &[Problem]) -> String {
    let notices = problems
        .iter()
        .filter(|p| p.kind == timeline_core::ProblemKind::Notice)
        .count();
    let faults = problems.len() - notices;
    match (faults, notices) {
        (0, n) => format!(
            "{} about the dataset shown",
            counted(n, "notice", "notices")
        ),
        (f, 0) => format!(
            "{} in the dataset shown: each names where it is and what is wrong; all else is shown",
            counted(f, "data problem", "data problems")
        ),
        (f, n) => format!(
            "{} and {} in the dataset shown: each names where it is and what is wrong; all else is shown",
            counted(f, "data problem", "data problems"),
            counted(n, "notice", "notices")
        ),
    }
}
