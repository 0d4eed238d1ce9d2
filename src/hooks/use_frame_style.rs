//! What the styles read on `<html>`: the type size in a frame (every size in
//! the styles is in rem), the theme, embed mode, and whether the frame's slide
//! is hidden (`data-paused`, for hosts' tests).

use timeline_core::embed::Theme;
use yew::prelude::*;

#[hook]
pub fn use_frame_style(em: f64, embed: bool, theme: Theme, paused: bool) {
    crate::hooks::erased::use_effect_on((em.to_bits(), embed), move |&(bits, embed)| {
        crate::dom::set_root_font_px(embed.then_some(f64::from_bits(bits)));
    });
    crate::hooks::erased::use_effect_on(paused, |&p| {
        crate::dom::set_root_attr("data-paused", if p { "true" } else { "false" })
    });
    crate::hooks::erased::use_effect_on((theme, embed), move |(theme, embed)| {
        crate::dom::set_root_attr("data-theme", theme.as_str());
        crate::dom::set_root_attr("data-embed", if *embed { "1" } else { "0" });
    });
}
