//! The family's data in the app: the [`Family`] model in its [`Store`] (see `store.rs`
//! for how it is loaded, saved, and kept in step with other windows).

use crate::domain::document::Document;
use crate::domain::family::Family;
use crate::store::{use_store, Store};

pub type FamilyStore = Store<Family>;

/// Whether the stored family has a profile to show (read before the app starts).
pub fn has_active_profile() -> bool {
    matches!(crate::storage::read(Family::KEY), Ok(Some(raw))
        if Family::from_json(&raw).is_ok_and(|f| f.active_profile().is_some()))
}

pub fn use_family() -> FamilyStore {
    use_store()
}
