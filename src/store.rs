//! One store for every stored document (the family, the EPDS history, the directory's
//! favourites and imports): a signal holding the document, loaded from and saved to the
//! device through `storage`, with the same rules for all. A store is had with
//! [`use_store`], loaded on first use and kept for as long as the app runs.
//!
//! - An unreadable document is kept aside, untouched, under `<key>.unreadable`; the app
//!   starts with an empty one and offers the copy.
//! - **Two windows never undo each other.** A change is applied to the document as it is
//!   stored now (read again at each change), never to this window's copy, and then shown;
//!   when another window of the same browser writes, this one shows it at once (the
//!   `storage` event). A text another window wrote that this Cocon cannot read (a newer
//!   Cocon) is never overwritten: the change is refused and the app says to reload.
//! - A change that cannot be saved because the storage is full (or fails) is undone and
//!   reported: what is shown is what is stored.
//! - With no storage at all (private browsing), the app runs in memory: the change is
//!   kept for this visit and the app-wide banner says that nothing is kept.
//! - During a demonstration, `storage` works on the tab's session storage: other windows
//!   never write there, so nothing of the parent's comes in.

use crate::domain::backup::{stored_summary, Summary};
use crate::domain::document::Document;
use crate::storage::{self, StorageError};
use leptos::prelude::*;
use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::rc::Rc;

/// What a store holds: a document with a starting value.
pub trait Stored: Document + Default {}
impl<T: Document + Default> Stored for T {}

pub struct Store<T: Stored> {
    doc: RwSignal<T>,
    /// The last save that failed, shown until the next success.
    pub save_error: RwSignal<Option<StorageError>>,
    /// The stored text, when it could not be read (kept aside, offered for download).
    pub unreadable: RwSignal<Option<String>>,
}

impl<T: Stored> Clone for Store<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Stored> Copy for Store<T> {}

/// What reading the stored text gave.
enum Latest<T> {
    Doc(T),
    /// Nothing stored (never, or removed by another window).
    Missing,
    /// A text that cannot be read: this window's own unreadable one, or another's.
    Unreadable(String),
    /// No storage: this window's copy is the only one.
    NoStorage,
}

fn latest<T: Stored>() -> Latest<T> {
    match storage::read(T::KEY) {
        Ok(Some(raw)) => match T::read(&raw) {
            Ok(doc) => Latest::Doc(doc),
            Err(_) => Latest::Unreadable(raw),
        },
        Ok(None) => Latest::Missing,
        Err(_) => Latest::NoStorage,
    }
}

impl<T: Stored> Store<T> {
    fn load() -> Self {
        let mut unreadable = None;
        let doc = match latest::<T>() {
            Latest::Doc(doc) => doc,
            Latest::Unreadable(raw) => {
                let _ = storage::keep_aside(T::KEY, &raw);
                unreadable = Some(raw);
                T::default()
            }
            Latest::Missing | Latest::NoStorage => T::default(),
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

    /// Whether `raw` is the unreadable text this window started with (kept aside, and
    /// replaced by the first change, as the module says).
    fn is_own_unreadable(&self, raw: &str) -> bool {
        self.unreadable.with_untracked(|u| u.as_deref() == Some(raw))
    }

    /// Applies a change to the document as stored now and stores it, returning what the
    /// change returned (see the module's rules for the errors).
    pub fn update<R>(&self, change: impl FnOnce(&mut T) -> R) -> Result<R, StorageError> {
        let mut next = match latest::<T>() {
            Latest::Doc(doc) => doc,
            Latest::Missing => T::default(),
            Latest::Unreadable(raw) if self.is_own_unreadable(&raw) => self.doc.get_untracked(),
            Latest::Unreadable(_) => {
                newer_elsewhere().set(true);
                self.save_error.set(Some(StorageError::NewerElsewhere));
                return Err(StorageError::NewerElsewhere);
            }
            Latest::NoStorage => self.doc.get_untracked(),
        };
        let out = change(&mut next);
        match storage::write(T::KEY, &next.to_json()) {
            Ok(()) => {
                self.doc.set(next);
                self.save_error.set(None);
                changed();
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

    /// Shows the document as stored now (another window wrote it).
    fn refresh(&self) {
        match latest::<T>() {
            Latest::Doc(doc) => {
                if self.doc.with_untracked(|shown| *shown != doc) {
                    self.doc.set(doc);
                }
            }
            Latest::Missing => {
                if self.doc.with_untracked(|shown| *shown != T::default()) {
                    self.doc.set(T::default());
                }
            }
            Latest::Unreadable(raw) if self.is_own_unreadable(&raw) => {}
            Latest::Unreadable(_) => newer_elsewhere().set(true),
            Latest::NoStorage => {}
        }
    }
}

/// A store known to the storage listener.
struct Entry {
    type_id: TypeId,
    key: &'static str,
    store: Box<dyn Any>,
    refresh: Rc<dyn Fn()>,
}

thread_local! {
    static STORES: RefCell<Vec<Entry>> = const { RefCell::new(Vec::new()) };
    static SIGNALS: RefCell<Option<(RwSignal<u64>, RwSignal<bool>)>> = const { RefCell::new(None) };
}

/// The store of `T`, loaded on first use and owned by the app's root (so that it
/// outlives the page that first asked for it).
pub fn use_store<T: Stored>() -> Store<T> {
    let found = STORES.with(|stores| {
        stores.borrow().iter().find(|e| e.type_id == TypeId::of::<T>()).and_then(|e| e.store.downcast_ref().copied())
    });
    if let Some(store) = found {
        return store;
    }
    let store = in_app_owner(Store::<T>::load);
    listen_to_other_windows();
    STORES.with(|stores| {
        stores.borrow_mut().push(Entry {
            type_id: TypeId::of::<T>(),
            key: T::KEY,
            store: Box::new(store),
            refresh: Rc::new(move || store.refresh()),
        })
    });
    store
}

fn signals() -> (RwSignal<u64>, RwSignal<bool>) {
    SIGNALS.with(|s| *s.borrow_mut().get_or_insert_with(|| in_app_owner(|| (RwSignal::new(0), RwSignal::new(false)))))
}

/// Bumped at every change of a stored document, here or in another window.
fn changed() {
    signals().0.update(|n| *n += 1);
}

/// Set when another window stored a document this Cocon cannot read (a newer Cocon):
/// the app says to reload, and refuses changes until then.
pub fn newer_elsewhere() -> RwSignal<bool> {
    signals().1
}

/// What every stored document holds (tracked: read again after any change, here or in
/// another window). For what counts every kind (the wipe's confirmation, the reminder).
pub fn stored() -> Summary {
    signals().0.track();
    stored_summary(&storage::all_documents().unwrap_or_default())
}

/// Keys (with Cocon's prefix) changed by another window call this.
fn on_storage_event(full_key: Option<String>) {
    let key = full_key.as_deref().map(|k| k.strip_prefix(storage::PREFIX));
    // `None`: the whole storage was cleared; `Some(None)`: another app's key.
    if key == Some(None) {
        return;
    }
    let refreshers: Vec<Rc<dyn Fn()>> = STORES.with(|stores| {
        stores
            .borrow()
            .iter()
            .filter(|e| key.is_none() || key == Some(Some(e.key)))
            .map(|e| e.refresh.clone())
            .collect()
    });
    for refresh in refreshers {
        refresh();
    }
    for listener in LISTENERS.with(|l| l.borrow().clone()) {
        listener(key.flatten());
    }
    changed();
}

/// What [`on_change_elsewhere`] calls.
type Listener = Rc<dyn Fn(Option<&str>)>;

thread_local! {
    static LISTENERS: RefCell<Vec<Listener>> = const { RefCell::new(Vec::new()) };
}

/// Calls `f` with the key (without Cocon's prefix; `None` when all were cleared) each
/// time another window changes a stored document: for what is not in a store (the
/// settings' language).
pub fn on_change_elsewhere(f: impl Fn(Option<&str>) + 'static) {
    listen_to_other_windows();
    LISTENERS.with(|l| l.borrow_mut().push(Rc::new(f)));
}

fn listen_to_other_windows() {
    thread_local! {
        static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return };
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::StorageEvent)>::new(|e: web_sys::StorageEvent| {
        // Only the storage Cocon uses: another tab's session storage never fires here.
        let local = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        if e.storage_area().is_some() && e.storage_area() != local {
            return;
        }
        on_storage_event(e.key());
    });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    // Listens for as long as the page lives.
    listener.forget();
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
