//! Pieces of interface shared by several pages.

pub mod coming_soon;
pub mod icons;
pub mod language_picker;
pub mod nav;
pub mod page;
pub mod update_banner;
