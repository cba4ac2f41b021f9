//! The functional core: plain Rust, no browser APIs, tested natively with `cargo test`.

pub mod backup;
pub mod base64url;
pub mod calendar;
pub mod case;
pub mod coverage;
pub mod decimal;
pub mod directory;
pub mod directory_prefs;
pub mod document;
pub mod documents;
pub mod due;
pub mod epds;
pub mod epds_history;
pub mod family;
#[cfg(test)]
pub mod fixtures;
pub mod helplines;
pub mod iso_date;
pub mod lang;
pub mod messages;
pub mod profile_draft;
pub mod qr;
pub mod samples;
pub mod schema;
pub mod settings;
pub mod sort;
pub mod source;
pub mod stage;
pub mod urgent;
