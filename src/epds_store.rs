//! The EPDS history in the app: the [`History`] of completed checks in a [`Store`] under
//! the key `epds` (see `store.rs` for how it is loaded, saved, and what happens when it
//! cannot be).
//!
//! The store is created on first use and lives as long as the app: it is owned by the
//! app's root, not by the page that first asked for it.

use crate::domain::epds_history::History;
use crate::store::{Document, Store};
use leptos::prelude::*;
use std::cell::Cell;

impl Document for History {
    const KEY: &'static str = crate::domain::backup::EPDS_KEY;

    fn to_json(&self) -> String {
        History::to_json(self)
    }

    fn read_json(text: &str) -> Option<Self> {
        History::from_json(text).ok()
    }
}

/// The EPDS history in a [`Store`] (see `store.rs` for its rules).
pub type EpdsStore = Store<History>;

/// The owner at the root of the app (the one the app was mounted with), so that what is
/// created under it outlives the page that created it.
pub fn app_owner() -> Option<Owner> {
    let mut owner = Owner::current()?;
    while let Some(parent) = owner.parent() {
        owner = parent;
    }
    Some(owner)
}

/// Runs `f` under the app's root owner (or the current one, outside the app).
pub fn in_app_owner<T>(f: impl FnOnce() -> T) -> T {
    match app_owner() {
        Some(owner) => owner.with(f),
        None => f(),
    }
}

thread_local! {
    static STORE: Cell<Option<EpdsStore>> = const { Cell::new(None) };
}

/// The store, loaded on first use.
pub fn use_epds() -> EpdsStore {
    STORE.with(|cell| match cell.get() {
        Some(store) => store,
        None => {
            let store = in_app_owner(EpdsStore::load);
            cell.set(Some(store));
            store
        }
    })
}
