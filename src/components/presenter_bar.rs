use crate::state::Action;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct PresenterBarProps {
    /// 1-based position of the current event among those shown, if it is shown.
    pub position: Option<usize>,
    pub total: usize,
    pub dispatch: Callback<Action>,
}

/// Presenter mode: where we are ("7 / 31"), back, next, and leave.
/// A plain function (no state of its own: no component's lifecycle code).
pub fn presenter_bar(props: &PresenterBarProps) -> Html {
    let d = &props.dispatch;
    let pos = props.position.map_or("–".to_string(), |p| p.to_string());
    html! {
        <div class="presenter-bar" role="group" aria-label="Presenter">
            <button data-action="present-prev" aria-label="Previous event (←, Page Up)" onclick={crate::state::on_click(d, |_| Action::Step(-1))}>{ "◀" }</button>
            <span class="progress" data-testid="presenter-progress" aria-live="polite">{ format!("{pos} / {}", props.total) }</span>
            <button data-action="present-next" aria-label="Next event (→, Page Down, Space)" onclick={crate::state::on_click(d, |_| Action::Step(1))}>{ "▶" }</button>
            // In a narrow frame only "✕ Leave" shows (styles: .leave-more); the name stays whole.
            <button data-action="present-exit" aria-label="Leave presenter mode (Esc)" title="Leave presenter mode (Esc)"
                onclick={crate::state::on_click(d, |_| Action::SetPresenting(false))}>{ "✕ Leave" }<span class="leave-more" aria-hidden="true">{ " presenter mode (Esc)" }</span></button>
        </div>
    }
}
