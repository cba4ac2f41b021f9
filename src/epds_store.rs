//! The EPDS history in the app: one signal holding the [`History`] of completed checks,
//! loaded from and saved to the device through `storage` under its own key (`epds`), like
//! the family's store. A change that cannot be saved is undone and reported, so what is
//! shown is what is stored.
//!
//! The store is created on first use and lives as long as the app: it is owned by the
//! app's root, not by the page that first asked for it.

use crate::domain::epds_history::History;
use crate::storage::{self, StorageError};
use leptos::prelude::*;
use std::cell::Cell;

const KEY: &str = "epds";

#[derive(Clone, Copy)]
pub struct EpdsStore {
    history: RwSignal<History>,
    /// The last save that failed, shown on the well-being pages until the next success.
    pub save_error: RwSignal<Option<StorageError>>,
}

impl EpdsStore {
    /// Loads the stored history; an unreadable document (or one from a newer Cocon) is
    /// kept aside under `epds.unreadable` and the history starts empty.
    fn load() -> Self {
        let history = match storage::read(KEY) {
            Ok(Some(raw)) => History::from_json(&raw).unwrap_or_else(|_| {
                let _ = storage::keep_aside(KEY, &raw);
                History::new()
            }),
            _ => History::new(),
        };
        EpdsStore { history: RwSignal::new(history), save_error: RwSignal::new(None) }
    }

    /// Reads the history (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&History) -> R) -> R {
        self.history.with(f)
    }

    /// Reads the history without tracking it.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&History) -> R) -> R {
        self.history.with_untracked(f)
    }

    /// Applies a change and stores it, returning what the change returned. If it cannot
    /// be stored because the storage is full (or fails), the change is undone and
    /// reported. With no storage at all (private browsing), the app runs in memory, as the
    /// family's store does: the change is kept for this visit, and the app-wide banner says
    /// that nothing is kept.
    pub fn update<R>(&self, change: impl FnOnce(&mut History) -> R) -> Result<R, StorageError> {
        let mut next = self.history.get_untracked();
        let out = change(&mut next);
        match storage::write(KEY, &next.to_json()) {
            Ok(()) => {
                self.history.set(next);
                self.save_error.set(None);
                Ok(out)
            }
            Err(StorageError::Unavailable) => {
                self.history.set(next);
                self.save_error.set(Some(StorageError::Unavailable));
                Ok(out)
            }
            Err(e) => {
                self.save_error.set(Some(e.clone()));
                Err(e)
            }
        }
    }
}

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
