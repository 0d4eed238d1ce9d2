pub mod erased;
pub mod use_after_first_frame;
pub mod use_announcement;
pub mod use_chart_focus;
pub mod use_chart_gestures;
pub mod use_chart_keys;
pub mod use_element_width;
pub mod use_float_placement;
pub mod use_frame_style;
pub mod use_mark_events;
pub mod use_near_view;
pub mod use_printing;
pub mod use_root_attrs;
pub mod use_theme_memory;
pub mod use_url_sync;
pub mod use_window_size;
// What the full module alone has (src/upgrade.rs).
crate::full_only! {
    pub mod use_data_source;
    pub mod use_host_api;
    pub mod use_pending;
    pub mod use_presenter_keys;
    pub mod use_presenter_start;
    pub mod use_stories;
    pub mod use_story_attrs;
    pub mod use_story_data;
    pub mod use_story_keys;
    pub mod use_story_link;
    pub mod use_story_motion;
}
