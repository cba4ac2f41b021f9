//! One module a section of the bottom navigation.

pub mod demo;
pub mod directory;
pub mod events;
pub mod not_found;
pub mod settings;
pub mod timeline;
pub mod today;
pub mod today_for;
pub mod wellbeing;
