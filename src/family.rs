//! The family's data in the app: one signal holding the [`Family`] model, loaded from
//! and saved to the device through `storage`. Pages call [`FamilyStore::update`]; a change
//! that cannot be saved is undone and reported, so what is shown is what is stored.

use crate::domain::family::Family;
use crate::storage::{self, StorageError};
use leptos::prelude::*;

const KEY: &str = "family";

#[derive(Clone, Copy)]
pub struct FamilyStore {
    family: RwSignal<Family>,
    /// The last save that failed, shown to the parent until the next success.
    pub save_error: RwSignal<Option<StorageError>>,
    /// The stored document, when it could not be read: it is kept aside untouched and
    /// offered for download.
    pub unreadable: RwSignal<Option<String>>,
}

impl FamilyStore {
    /// Loads the stored family; an unreadable document is kept aside and the app starts
    /// empty (nothing is overwritten: the copy stays under `family.unreadable`).
    pub fn load() -> Self {
        let mut unreadable = None;
        let family = match storage::read(KEY) {
            Ok(Some(raw)) => Family::from_json(&raw).unwrap_or_else(|_| {
                let _ = storage::keep_aside(KEY, &raw);
                unreadable = Some(raw);
                Family::default()
            }),
            _ => Family::default(),
        };
        FamilyStore {
            family: RwSignal::new(family),
            save_error: RwSignal::new(None),
            unreadable: RwSignal::new(unreadable),
        }
    }

    /// Reads the family (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&Family) -> R) -> R {
        self.family.with(f)
    }

    /// Reads the family without tracking it.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&Family) -> R) -> R {
        self.family.with_untracked(f)
    }

    /// Applies a change and stores it. If it cannot be stored because the storage is
    /// full (or fails), the change is undone and reported, so what is shown is what is
    /// stored. With no storage at all (private browsing), the app runs in memory: the
    /// change is kept for this visit and the warning stays on screen.
    pub fn update(&self, change: impl FnOnce(&mut Family)) -> Result<(), StorageError> {
        let mut next = self.family.get_untracked();
        change(&mut next);
        match storage::write(KEY, &next.to_json()) {
            Ok(()) => {
                self.family.set(next);
                self.save_error.set(None);
                Ok(())
            }
            Err(StorageError::Unavailable) => {
                self.family.set(next);
                self.save_error.set(Some(StorageError::Unavailable));
                Ok(())
            }
            Err(e) => {
                self.save_error.set(Some(e.clone()));
                Err(e)
            }
        }
    }
}

pub fn provide_family() -> FamilyStore {
    let store = FamilyStore::load();
    provide_context(store);
    store
}

pub fn use_family() -> FamilyStore {
    expect_context::<FamilyStore>()
}
