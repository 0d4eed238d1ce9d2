//! What could not be read of the story opened: each bad scene named (its
//! number and title), what was wrong, whether it was skipped. Hidden when all is well.

use std::rc::Rc;
use timeline_core::story::StoryProblem;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct StoryProblemsProps {
    pub problems: Rc<Vec<StoryProblem>>,
    /// The story's file or link.
    pub name: AttrValue,
}

/// "Scene 3 (“Beslan”), view: … — skipped".
pub fn problem_line(p: &StoryProblem) -> String {
    let mut s = String::new();
    if let Some(n) = p.scene {
        s.push_str(&format!("Scene {n}"));
        if let Some(t) = p.scene_title.as_deref().filter(|t| !t.is_empty()) {
            s.push_str(&format!(" (“{t}”)"));
        }
        s.push_str(if p.field.is_some() { ", " } else { ": " });
    }
    if let Some(f) = &p.field {
        s.push_str(&format!("{f}: "));
    }
    s.push_str(&p.message);
    if p.skipped {
        s.push_str(" — the scene was skipped");
    }
    s
}

/// A plain function (no state of its own: no component's lifecycle code).
pub fn story_problems(props: &StoryProblemsProps) -> Html {
    if props.problems.is_empty() {
        return html! {};
    }
    let skipped = props.problems.iter().filter(|p| p.skipped).count();
    html! {
        <details class="problems" data-testid="story-problems">
            <summary>{ format!("{} problem(s) in the story {} ({skipped} scene(s) skipped; the rest plays)", props.problems.len(), props.name) }</summary>
            <ul>{ for props.problems.iter().map(|p| html! { <li>{ problem_line(p) }</li> }) }</ul>
        </details>
    }
}
