pub mod use_data_source;
pub mod use_root_attrs;
pub mod use_url_sync;
