//! The parent's part of the directory in the app (favourites, own entries, imported
//! entries): one signal holding the [`DirectoryPrefs`], loaded from and saved to the
//! device through `storage` under its own key (`directory`), like the family's store.
//! A change that cannot be saved is undone and reported, so what is shown is what is
//! stored.
//!
//! Also kept here for as long as the app runs: the search the parent typed, so that
//! coming back from an entry finds the same results.

use crate::domain::directory::{Audience, Category, LatLon};
use crate::domain::directory_prefs::DirectoryPrefs;
use crate::epds_store::in_app_owner;
use crate::storage::{self, StorageError};
use leptos::prelude::*;
use std::cell::Cell;

const KEY: &str = "directory";

#[derive(Clone, Copy)]
pub struct DirectoryStore {
    prefs: RwSignal<DirectoryPrefs>,
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
        let prefs = match storage::read(KEY) {
            Ok(Some(raw)) => DirectoryPrefs::from_json(&raw).unwrap_or_else(|_| {
                let _ = storage::keep_aside(KEY, &raw);
                DirectoryPrefs::default()
            }),
            _ => DirectoryPrefs::default(),
        };
        DirectoryStore {
            prefs: RwSignal::new(prefs),
            save_error: RwSignal::new(None),
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

    /// Applies a change and stores it, returning what the change returned. If it cannot
    /// be stored, the change is undone.
    pub fn update<R>(&self, change: impl FnOnce(&mut DirectoryPrefs) -> R) -> Result<R, StorageError> {
        let mut next = self.prefs.get_untracked();
        let out = change(&mut next);
        match storage::write(KEY, &next.to_json()) {
            Ok(()) => {
                self.prefs.set(next);
                self.save_error.set(None);
                Ok(out)
            }
            Err(e) => {
                self.save_error.set(Some(e.clone()));
                Err(e)
            }
        }
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
