//! The main view's parts for presenting, stories and frames (the full module
//! only: the lean one never shows them, src/upgrade.rs).

use crate::components::page::Page;
use crate::components::{
    event_caption::EventCaption,
    presenter_bar::{presenter_bar, PresenterBarProps},
    story_card::{story_card, StoryCardProps},
    story_player::{story_player, StoryPlayerProps},
};
use yew::prelude::*;

/// The presenter's bar (its place among the events shown), while presenting.
pub(super) fn presenter(p: &Page) -> Html {
    let (state, ds) = (&p.state, &p.ds);
    if !state.presenting || p.playing {
        return Html::default();
    }
    let position = state
        .view
        .selected
        .as_deref()
        .and_then(|id| ds.position(id))
        .and_then(|i| state.shown.binary_search(&i).ok())
        .map(|p| p + 1);
    presenter_bar(&PresenterBarProps {
        position,
        total: state.shown.len(),
        dispatch: p.dispatch.clone(),
    })
}

/// The story's player, while a story plays.
pub(super) fn player(p: &Page) -> Html {
    if !p.playing {
        return Html::default();
    }
    story_player(&StoryPlayerProps {
        story: p.state.story.clone(),
        dispatch: p.dispatch.clone(),
        read_only: p.state.embed.embed,
    })
}

/// A scene without a view: its title card in place of the chart.
pub(super) fn card(p: &Page) -> Option<Html> {
    let state = &p.state;
    state.story.scene().filter(|s| s.view.is_none()).map(|s| {
        story_card(&StoryCardProps {
            title: s.title.clone().into(),
            caption: s.caption.clone().into(),
            story_title: state.story.story().title.clone().into(),
        })
    })
}

/// In a frame: the current event as a caption sized to the frame (a story
/// shows its scene's instead).
pub(super) fn caption(p: &Page) -> Html {
    let state = &p.state;
    let show = state.embed.embed && !p.awaiting_link && !p.playing;
    match p.selected.clone().filter(|_| show) {
        Some(ev) => html! {
            <EventCaption dataset={p.ds.clone()} event={ev} presenting={state.presenting} dispatch={p.dispatch.clone()} />
        },
        None => Html::default(),
    }
}
