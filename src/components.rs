//! One component per file, named after it, with its props beside it.
pub mod app;
pub mod country_chips;
pub mod data_source;
pub mod date_range;
pub mod event_details;
pub mod event_mark;
pub mod kind_legend;
pub mod list_view;
pub mod problems_panel;
pub mod print_list;
pub mod search_box;
pub mod stats_panel;
pub mod summary_line;
pub mod time_axis;
pub mod timeline_chart;
pub mod toolbar;
