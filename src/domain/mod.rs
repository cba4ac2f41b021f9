//! The functional core: plain Rust, no browser APIs, tested natively with `cargo test`.

pub mod calendar;
pub mod family;
pub mod lang;
pub mod messages;
pub mod settings;
pub mod stage;
