//! The parent's part of the directory in the app (favourites, own entries, imported
//! entries): the [`DirectoryPrefs`] in a [`Store`] under the key `directory` (see
//! `store.rs` for how it is loaded, saved, and kept in step with other windows).
//!
//! Also kept here for as long as the app runs: the search the parent typed, so that
//! coming back from an entry finds the same results.

use crate::domain::directory::{Audience, Category, LatLon};
use crate::domain::directory_prefs::DirectoryPrefs;
use crate::storage::StorageError;
use crate::store::{in_app_owner, use_store, Store};
use leptos::prelude::*;
use std::cell::Cell;

#[derive(Clone, Copy)]
pub struct DirectoryStore {
    prefs: Store<DirectoryPrefs>,
    /// The last save that failed, shown on the directory pages until the next success.
    pub save_error: RwSignal<Option<StorageError>>,
    pub search: SearchState,
}

/// What the parent is looking for.
#[derive(Clone, Copy)]
pub struct SearchState {
    pub text: RwSignal<String>,
    pub categories: RwSignal<Vec<Category>>,
    pub audience: RwSignal<Option<Audience>>,
    /// A postcode, département or commune, as typed.
    pub place: RwSignal<String>,
    /// The phone's position, when the parent allowed it.
    pub position: RwSignal<Option<LatLon>>,
    pub favourites_only: RwSignal<bool>,
}

impl DirectoryStore {
    fn load() -> Self {
        let prefs = use_store();
        DirectoryStore {
            save_error: prefs.save_error,
            prefs,
            search: SearchState {
                text: RwSignal::new(String::new()),
                categories: RwSignal::new(Vec::new()),
                audience: RwSignal::new(None),
                place: RwSignal::new(String::new()),
                position: RwSignal::new(None),
                favourites_only: RwSignal::new(false),
            },
        }
    }

    /// Reads the document (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&DirectoryPrefs) -> R) -> R {
        self.prefs.with(f)
    }

    /// Reads the document without tracking it.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&DirectoryPrefs) -> R) -> R {
        self.prefs.with_untracked(f)
    }

    /// Applies a change and stores it, returning what the change returned (see
    /// `store.rs` for what happens when it cannot be stored).
    pub fn update<R>(&self, change: impl FnOnce(&mut DirectoryPrefs) -> R) -> Result<R, StorageError> {
        self.prefs.update(change)
    }
}

thread_local! {
    static STORE: Cell<Option<DirectoryStore>> = const { Cell::new(None) };
}

/// The store, loaded on first use and owned by the app's root.
pub fn use_directory_store() -> DirectoryStore {
    STORE.with(|cell| match cell.get() {
        Some(store) => store,
        None => {
            let store = in_app_owner(DirectoryStore::load);
            cell.set(Some(store));
            store
        }
    })
}
