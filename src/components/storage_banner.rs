use crate::family::use_family;
use crate::i18n::{use_i18n, Key};
use crate::storage::StorageError;
use leptos::prelude::*;

/// Says in plain words when a change could not be saved (full storage, no storage), and
/// that what was saved before is untouched.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let i18n = use_i18n();
    let family = use_family();
    let error = family.save_error;
    view! {
        <div class="storage-banner" role="alert">
            {move || error.get().map(|e| {
                let key = match e {
                    StorageError::QuotaExceeded => Key::StorageQuota,
                    StorageError::Unavailable => Key::StorageUnavailable,
                    StorageError::Other(_) => Key::StorageOther,
                };
                view! {
                    <p>{move || i18n.t(key)}</p>
                    <button type="button" class="button secondary" on:click=move |_| error.set(None)>
                        {move || i18n.t(Key::StorageDismiss)}
                    </button>
                }
            })}
        </div>
    }
}
