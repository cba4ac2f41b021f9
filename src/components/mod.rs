//! Pieces of interface shared by several pages.

pub mod backup_reminder;
pub mod choices;
pub mod coming_soon;
pub mod data_controls;
pub mod demo_cards;
pub mod event_card;
pub mod icons;
pub mod install;
pub mod language_picker;
pub mod later;
pub mod message_card;
pub mod nav;
pub mod page;
pub mod profile_form;
pub mod profiles;
pub mod qr;
pub mod source_link;
pub mod stage_text;
pub mod storage_banner;
pub mod storage_status;
pub mod update_banner;
pub mod urgent_link;
