//! The story's automation hooks on `<html>`: while a story plays,
//! `data-scene-index` (from 1) and `data-scene-count`, and `data-scene-moving`
//! while the window moves between scenes; none of them otherwise.

use yew::prelude::*;

#[hook]
pub fn use_story_attrs(playing: Option<(usize, usize)>, moving: bool) {
    crate::hooks::erased::use_effect_on((playing, moving), |&(playing, moving)| {
        let Some(root) = crate::dom::document().and_then(|d| d.document_element()) else {
            return;
        };
        match playing {
            Some((i, n)) => {
                let _ = root.set_attribute("data-scene-index", &(i + 1).to_string());
                let _ = root.set_attribute("data-scene-count", &n.to_string());
            }
            None => {
                let _ = root.remove_attribute("data-scene-index");
                let _ = root.remove_attribute("data-scene-count");
            }
        }
        let _ = if moving {
            root.set_attribute("data-scene-moving", "true")
        } else {
            root.remove_attribute("data-scene-moving")
        };
    });
}
