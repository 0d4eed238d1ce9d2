pub mod use_root_attrs;
pub mod use_url_sync;
