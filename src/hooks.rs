pub mod use_announcement;
pub mod use_data_source;
pub mod use_element_width;
pub mod use_host_api;
pub mod use_presenter_keys;
pub mod use_root_attrs;
pub mod use_url_sync;
pub mod use_window_size;
