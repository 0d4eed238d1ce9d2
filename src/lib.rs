//! The web app: a thin Yew shell over `timeline-core`.
//! See ARCHITECTURE.md for the map and the rules.

pub mod components;
pub mod dom;
pub mod export;
pub mod hooks;
pub mod state;

/// Mounts the app on `<body>`.
pub fn start() {
    dom::install_panic_panel();
    yew::Renderer::<components::app::App>::new().render();
}
