//! The one door to the device's storage (localStorage through gloo-storage).
//! Features call these functions; none touches `localStorage` itself.

use gloo_storage::{LocalStorage, Storage};

/// Every key Cocon writes starts with this prefix.
const PREFIX: &str = "cocon.";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives no storage (private mode, disabled by the user).
    Unavailable,
    /// The storage is full: nothing was written, the previous value is kept.
    QuotaExceeded,
    Other(String),
}

fn full_key(key: &str) -> String {
    format!("{PREFIX}{key}")
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    // `LocalStorage::raw` panics when there is no storage: ask the window first.
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(LocalStorage::raw()),
        _ => Err(StorageError::Unavailable),
    }
}

/// Whether the browser lets Cocon store anything (private browsing or a storage turned
/// off in the settings say no): a probe value is written and removed.
pub fn available() -> bool {
    let probe = full_key("probe");
    storage().is_ok_and(|s| s.set_item(&probe, "1").is_ok() && s.remove_item(&probe).is_ok())
}

/// The raw text stored under `key`, if any.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    storage()?.get_item(&full_key(key)).map_err(|e| StorageError::Other(format!("{e:?}")))
}

/// Stores `value` under `key`. `setItem` either stores the whole value or throws (a full
/// storage throws `QuotaExceededError`), so on error the previous value is untouched:
/// each document is replaced in one step.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?.set_item(&full_key(key), value).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string());
        match name.as_deref() {
            Some("QuotaExceededError") => StorageError::QuotaExceeded,
            _ => StorageError::Other(format!("{e:?}")),
        }
    })
}

/// Every document Cocon keeps (key without the prefix, raw text), sorted by key.
pub fn all_documents() -> Result<Vec<(String, String)>, StorageError> {
    let storage = storage()?;
    let count = storage.length().map_err(|e| StorageError::Other(format!("{e:?}")))?;
    let mut documents = Vec::new();
    for i in 0..count {
        let Ok(Some(key)) = storage.key(i) else { continue };
        let Some(short) = key.strip_prefix(PREFIX) else { continue };
        if let Ok(Some(raw)) = storage.get_item(&key) {
            documents.push((short.to_string(), raw));
        }
    }
    documents.sort();
    Ok(documents)
}

/// Removes every document Cocon keeps (and nothing of any other app of the origin).
pub fn remove_all() -> Result<(), StorageError> {
    let storage = storage()?;
    for (key, _) in all_documents()? {
        storage.remove_item(&full_key(&key)).map_err(|e| StorageError::Other(format!("{e:?}")))?;
    }
    Ok(())
}

/// Keeps an unreadable document aside under `<key>.unreadable`, so that a later write
/// of `key` never destroys what the parent had.
pub fn keep_aside(key: &str, raw: &str) -> Result<(), StorageError> {
    let aside = format!("{key}.unreadable");
    if read(&aside)?.is_none() {
        write(&aside, raw)?;
    }
    Ok(())
}
