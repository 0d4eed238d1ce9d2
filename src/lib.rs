//! The web app: a thin Yew shell over `timeline-core`.
//! See ARCHITECTURE.md for the map and the rules.

/// Items only the full module has (the `full` feature; src/upgrade.rs).
#[macro_export]
macro_rules! full_only {
    ($($item:item)*) => { $( #[cfg(feature = "full")] $item )* };
}

pub mod builtin;
pub mod components;
pub mod data;
pub mod dom;
pub mod export;
pub mod hooks;
pub mod loading;
pub mod print;
pub mod state;
pub mod stats_cache;
#[cfg(feature = "full")]
pub mod story_io;
pub mod story_state;
pub mod takeover;
pub mod upgrade;
pub mod worker;

/// In a frame, its mode and type size on `<html>` before the first render
/// (use_frame_style keeps them after), so the first frame is laid out as the
/// next ones are.
fn frame_before_render() {
    let search = dom::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let o = timeline_core::embed::EmbedOptions::decode(&search);
    if o.embed {
        let (w, h) = hooks::use_window_size::inner_size();
        dom::set_root_attr("data-embed", "1");
        dom::set_root_font_px(Some(timeline_core::frame::type_px(
            w, h, o.theme, true, o.present,
        )));
    }
}

/// Mounts the app on `<body>`, in place of the static content `index.html`
/// shows until then, or of the lean app (upgrade.rs) when this is the full
/// module fetched on first use of what the lean one leaves out.
pub fn start() {
    dom::install_panic_panel();
    dom::set_root_attr(
        "data-module",
        if cfg!(feature = "full") {
            "full"
        } else {
            "lean"
        },
    );
    let lean = upgrade::lean_root();
    let boot = dom::document().and_then(|d| d.get_element_by_id("boot"));
    // The focus and a search the visitor left in it, carried over (takeover.rs).
    let carried = lean.as_ref().or(boot.as_ref()).map(takeover::read);
    if let Some(boot) = boot {
        boot.remove();
    }
    if lean.is_some() {
        takeover::hold_height();
        upgrade::stop_lean();
    }
    frame_before_render();
    let _handle = yew::Renderer::<components::app::App>::new().render();
    #[cfg(not(feature = "full"))]
    upgrade::keep_stop(_handle);
    #[cfg(not(feature = "full"))]
    upgrade::prefetch_on_intent();
    if let Some(c) = carried {
        takeover::restore(c);
    }
}
