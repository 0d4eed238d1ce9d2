//! The automation hooks on `<html>`: `data-ready` once a render with the
//! requested data is done (not while another dataset is loading) and the
//! parts drawn after the first frame (map, statistics) are there too; the
//! performance mark `first-view` at the first render that shows the chart with
//! its data,
//! `data-shown-count` (events passing the filters), `data-source` (where the
//! data came from), `data-load` (idle, loading, failed) and `data-render-seq`
//! (bumped after every redraw, see `dom::bump_render_seq`).

use crate::dom::{bump_render_seq, set_root_attr};
use crate::state::LoadStatus;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[hook]
pub fn use_root_attrs(shown: usize, source: String, load: LoadStatus, settled: bool) {
    // No dependencies: runs after every render of the component that uses it.
    crate::hooks::erased::use_effect_always(move || {
        set_root_attr("data-shown-count", &shown.to_string());
        set_root_attr("data-source", &source);
        let status = match load {
            LoadStatus::Idle => "idle",
            LoadStatus::Loading(_) | LoadStatus::Parsing { .. } => "loading",
            LoadStatus::Failed(_) => "failed",
        };
        set_root_attr("data-load", status);
        if !matches!(load, LoadStatus::Loading(_) | LoadStatus::Parsing { .. }) {
            let root = crate::dom::document().and_then(|d| d.document_element());
            if root
                .as_ref()
                .is_some_and(|r| !r.has_attribute("data-first-view"))
            {
                set_root_attr("data-first-view", "true");
                if let Some(p) = crate::dom::window().and_then(|w| w.performance()) {
                    let _ = p.mark("first-view");
                }
            }
            if settled {
                set_root_attr("data-ready", "true");
            }
        }
        // For the browser benchmark: the size of the wasm linear memory.
        if let Ok(mem) = wasm_bindgen::memory().dyn_into::<js_sys::WebAssembly::Memory>() {
            if let Ok(buf) = mem.buffer().dyn_into::<js_sys::ArrayBuffer>() {
                set_root_attr("data-wasm-memory", &buf.byte_length().to_string());
            }
        }
        bump_render_seq();
    });
}
