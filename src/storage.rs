//! The one door to the device's storage (localStorage through gloo-storage).
//! Features call these functions; none touches `localStorage` itself.
//!
//! During a demonstration (see `crate::demonstration`), every function here works on the tab's
//! `sessionStorage` instead: the parent's own documents are then neither read nor
//! written, and the browser forgets the demonstration when the tab closes.

use gloo_storage::{LocalStorage, Storage};
use std::cell::OnceCell;

/// Every key Cocon writes starts with this prefix.
pub const PREFIX: &str = "cocon.";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives no storage (private mode, disabled by the user).
    Unavailable,
    /// The storage is full: nothing was written, the previous value is kept.
    QuotaExceeded,
    /// Another window stored this document in a form this Cocon cannot read (a newer
    /// Cocon): it is not overwritten; this window must reload.
    NewerElsewhere,
    Other(String),
}

fn full_key(key: &str) -> String {
    format!("{PREFIX}{key}")
}

/// The session key that marks a demonstration, with the sample's id as its value. It
/// is outside Cocon's prefix, so it is never taken for a document.
const DEMO_KEY: &str = "cocon-demo";

thread_local! {
    /// The demonstration's sample id, read once: entering or leaving one reloads the app.
    static DEMO: OnceCell<Option<String>> = const { OnceCell::new() };
}

fn session_storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    window.session_storage().ok().flatten().ok_or(StorageError::Unavailable)
}

/// The sample id of the demonstration this tab is in, if it is in one.
pub fn demo_sample() -> Option<String> {
    DEMO.with(|demo| demo.get_or_init(|| session_storage().ok()?.get_item(DEMO_KEY).ok()?).clone())
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    if demo_sample().is_some() {
        return session_storage();
    }
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
    documents_in(&storage()?)
}

fn documents_in(storage: &web_sys::Storage) -> Result<Vec<(String, String)>, StorageError> {
    let count = storage.length().map_err(|e| StorageError::Other(format!("{e:?}")))?;
    let mut documents = Vec::new();
    for i in 0..count {
        let Ok(Some(key)) = storage.key(i) else { continue };
        let Some(short) = key.strip_prefix(PREFIX) else { continue };
        if let Ok(Some(raw)) = storage.get_item(&key) {
            documents.push((short.to_string(), raw));
        }
    }
    crate::domain::sort::sort_by(&mut documents, Ord::cmp);
    Ok(documents)
}

/// Removes every document Cocon keeps (and nothing of any other app of the origin).
pub fn remove_all() -> Result<(), StorageError> {
    remove_all_in(&storage()?)
}

fn remove_all_in(storage: &web_sys::Storage) -> Result<(), StorageError> {
    for (key, _) in documents_in(storage)? {
        storage.remove_item(&full_key(&key)).map_err(|e| StorageError::Other(format!("{e:?}")))?;
    }
    Ok(())
}

/// Starts a demonstration in this tab with these documents (key, text), in the tab's
/// session storage only; the app must then reload. The parent's storage is not touched.
pub fn start_demo(sample: &str, documents: &[(&str, String)]) -> Result<(), StorageError> {
    let session = session_storage()?;
    remove_all_in(&session)?;
    let set = |key: &str, value: &str| session.set_item(key, value).map_err(|e| StorageError::Other(format!("{e:?}")));
    for (key, text) in documents {
        set(&full_key(key), text)?;
    }
    set(DEMO_KEY, sample)
}

/// Ends the demonstration of this tab, forgetting what was done in it; the app must then
/// reload, on the parent's own data as it was.
pub fn end_demo() -> Result<(), StorageError> {
    let session = session_storage()?;
    remove_all_in(&session)?;
    session.remove_item(DEMO_KEY).map_err(|e| StorageError::Other(format!("{e:?}")))
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

// ---- Import (issue #6, data_controls): a set of documents written all or nothing ----

/// Removes the document `key`.
fn remove(key: &str) -> Result<(), StorageError> {
    storage()?.remove_item(&full_key(key)).map_err(|e| StorageError::Other(format!("{e:?}")))
}

/// Why [`write_all`] failed: the first error, and whether every previous value could be
/// put back (it can only fail if the browser refuses a write of a smaller, earlier text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WriteAllError {
    pub error: StorageError,
    pub restored: bool,
}

/// Applies every change (key, new text or `None` to remove it), in order, all or
/// nothing: the previous value of each key is read first, and on the first failure
/// (e.g. a full storage) every key already changed gets its previous value back,
/// exactly as it was, in reverse order.
pub fn write_all(changes: &[(String, Option<String>)]) -> Result<(), WriteAllError> {
    let fail = |error| WriteAllError { error, restored: true };
    let mut previous = Vec::with_capacity(changes.len());
    for (key, _) in changes {
        previous.push(read(key).map_err(fail)?);
    }
    for (done, (key, text)) in changes.iter().enumerate() {
        let result = match text {
            Some(text) => write(key, text),
            None => remove(key),
        };
        if let Err(error) = result {
            let mut restored = true;
            for i in (0..done).rev() {
                let back = match &previous[i] {
                    Some(old) => write(&changes[i].0, old),
                    None => remove(&changes[i].0),
                };
                restored &= back.is_ok();
            }
            return Err(WriteAllError { error, restored });
        }
    }
    Ok(())
}
