//! The family's data in the app: the [`Family`] model in a [`Store`] (see `store.rs` for
//! how it is loaded, saved, and what happens when it cannot be).

use crate::domain::family::Family;
use crate::store::{Document, Store};
use leptos::prelude::*;

impl Document for Family {
    const KEY: &'static str = crate::domain::backup::FAMILY_KEY;

    fn to_json(&self) -> String {
        Family::to_json(self)
    }

    fn read_json(text: &str) -> Option<Self> {
        Family::from_json(text).ok()
    }
}

pub type FamilyStore = Store<Family>;

pub fn provide_family() -> FamilyStore {
    let store = FamilyStore::load();
    provide_context(store);
    store
}

/// Whether the stored family has a profile to show (read before the app starts).
pub fn has_active_profile() -> bool {
    matches!(crate::storage::read(<Family as Document>::KEY), Ok(Some(raw))
        if Family::from_json(&raw).is_ok_and(|f| f.active_profile().is_some()))
}

pub fn use_family() -> FamilyStore {
    expect_context::<FamilyStore>()
}
