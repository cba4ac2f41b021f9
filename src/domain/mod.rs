//! The functional core: plain Rust, no browser APIs, tested natively with `cargo test`.

pub mod lang;
pub mod settings;
