//! The automation hooks on `<html>`: `data-ready` once the first render with
//! data is done, `data-shown-count` (events passing the filters) and
//! `data-render-seq` (bumped after every redraw, see `dom::bump_render_seq`).

use crate::dom::{bump_render_seq, set_root_attr};
use yew::prelude::*;

#[hook]
pub fn use_root_attrs(shown: usize) {
    // No dependencies: runs after every render of the component that uses it.
    use_effect(move || {
        set_root_attr("data-shown-count", &shown.to_string());
        set_root_attr("data-ready", "true");
        bump_render_seq();
    });
}
