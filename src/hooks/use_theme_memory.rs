//! The theme a visitor picks in the toolbar is remembered (localStorage) and
//! used on the next visit; a link's `?theme=` still wins, and frames follow
//! their host's choice only.

use crate::state::Action;
use timeline_core::embed::Theme;
use yew::prelude::*;

const KEY: &str = "sco-timeline-theme";

fn storage() -> Option<web_sys::Storage> {
    crate::dom::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The remembered theme, if one was picked (storage may be unavailable: then none).
pub fn stored_theme() -> Option<Theme> {
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|v| Theme::parse(&v))
}

/// Whether the page's link names a theme (`?theme=`).
pub fn theme_in_link(search: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .any(|p| p.split('=').next() == Some("theme"))
}

/// A callback for the theme switch: applies the theme and remembers it
/// (System forgets it: the OS decides again).
#[hook]
pub fn use_theme_memory(dispatch: Callback<Action>) -> Callback<Theme> {
    use_callback(dispatch, |t: Theme, dispatch| {
        if let Some(s) = storage() {
            let _ = if t == Theme::System {
                s.remove_item(KEY)
            } else {
                s.set_item(KEY, t.as_str())
            };
        }
        dispatch.emit(Action::SetTheme(t));
    })
}
