//! The automation hooks on `<html>`: `data-ready` once a render with the
//! requested data is done (not while another dataset is loading),
//! `data-shown-count` (events passing the filters), `data-source` (where the
//! data came from), `data-load` (idle, loading, failed) and `data-render-seq`
//! (bumped after every redraw, see `dom::bump_render_seq`).

use crate::dom::{bump_render_seq, set_root_attr};
use crate::state::LoadStatus;
use yew::prelude::*;

#[hook]
pub fn use_root_attrs(shown: usize, source: String, load: LoadStatus) {
    // No dependencies: runs after every render of the component that uses it.
    use_effect(move || {
        set_root_attr("data-shown-count", &shown.to_string());
        set_root_attr("data-source", &source);
        let status = match load {
            LoadStatus::Idle => "idle",
            LoadStatus::Loading(_) => "loading",
            LoadStatus::Failed(_) => "failed",
        };
        set_root_attr("data-load", status);
        if !matches!(load, LoadStatus::Loading(_)) {
            set_root_attr("data-ready", "true");
        }
        bump_render_seq();
    });
}
