//! See benches/core.rs.
