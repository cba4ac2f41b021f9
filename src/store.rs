//! One store for every stored document (the family, the EPDS history, the directory's
//! favourites and imports): a signal holding the document, loaded from and saved to the
//! device through `storage`, with the same rules for all.
//!
//! - An unreadable document (or one from a newer Cocon) is kept aside, untouched, under
//!   `<key>.unreadable`; the app starts with an empty one and offers the copy.
//! - A change that cannot be saved because the storage is full (or fails) is undone and
//!   reported: what is shown is what is stored.
//! - With no storage at all (private browsing), the app runs in memory: the change is
//!   kept for this visit and the app-wide banner says that nothing is kept.

use crate::storage::{self, StorageError};
use leptos::prelude::*;

/// A document kept on the device under its own key. The domain type says how it is
/// written and read (with its schema version); the store does the rest.
pub trait Document: Clone + Default + Send + Sync + 'static {
    /// The storage key, without Cocon's prefix.
    const KEY: &'static str;
    fn to_json(&self) -> String;
    /// Reads a stored document; any error means "unreadable".
    fn read_json(text: &str) -> Option<Self>;
}

pub struct Store<T: Document> {
    doc: RwSignal<T>,
    /// The last save that failed, shown until the next success.
    pub save_error: RwSignal<Option<StorageError>>,
    /// The stored text, when it could not be read (kept aside, offered for download).
    pub unreadable: RwSignal<Option<String>>,
}

impl<T: Document> Clone for Store<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Document> Copy for Store<T> {}

impl<T: Document> Store<T> {
    pub fn load() -> Self {
        let mut unreadable = None;
        let doc = match storage::read(T::KEY) {
            Ok(Some(raw)) => T::read_json(&raw).unwrap_or_else(|| {
                let _ = storage::keep_aside(T::KEY, &raw);
                unreadable = Some(raw);
                T::default()
            }),
            _ => T::default(),
        };
        Store { doc: RwSignal::new(doc), save_error: RwSignal::new(None), unreadable: RwSignal::new(unreadable) }
    }

    /// Reads the document (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.doc.with(f)
    }

    /// Reads the document without tracking it.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.doc.with_untracked(f)
    }

    /// Applies a change and stores it, returning what the change returned (see the
    /// module's rules for the errors).
    pub fn update<R>(&self, change: impl FnOnce(&mut T) -> R) -> Result<R, StorageError> {
        let mut next = self.doc.get_untracked();
        let out = change(&mut next);
        match storage::write(T::KEY, &next.to_json()) {
            Ok(()) => {
                self.doc.set(next);
                self.save_error.set(None);
                Ok(out)
            }
            Err(StorageError::Unavailable) => {
                self.doc.set(next);
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
