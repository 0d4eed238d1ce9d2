//! One component per file, named after it, with its props beside it.
pub mod announcer;
pub mod app;
pub mod chart_outline;
pub mod chart_svg;
pub mod chart_tooltip;
pub mod country_chips;
pub mod country_map;
pub mod data_source;
pub mod date_range;
pub mod drop_target;
pub mod event_details;
pub mod event_mark;
pub mod kind_legend;
pub mod kind_symbol;
pub mod list_view;
pub mod page;
pub mod print_list;
pub mod search_box;
pub mod skip_link;
pub mod stats_handover;
pub mod stats_panel;
pub mod story_notes;
pub mod summary_line;
pub mod time_overview;
pub mod timeline_chart;
pub mod toolbar;
// What the full module alone has (src/upgrade.rs).
crate::full_only! {
    pub mod column_mapping;
    pub mod embed_dialog;
    pub mod event_caption;
    pub mod presenter_bar;
    pub mod problems_panel;
    pub mod refused_problems;
    pub mod scene_editor;
    pub mod story_card;
    pub mod story_panel;
    pub mod story_player;
    pub mod story_problems;
    pub mod story_view;
}
