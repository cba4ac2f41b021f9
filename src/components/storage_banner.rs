use crate::family::use_family;
use crate::i18n::{use_i18n, Key};
use crate::storage::StorageError;
use leptos::prelude::*;

/// Says in plain words when a change could not be saved (full storage), and that what
/// was saved before is untouched; and, for as long as the app runs, when the browser
/// gives no storage at all (the app then works in memory only).
#[component]
pub fn StorageBanner() -> impl IntoView {
    let i18n = use_i18n();
    let family = use_family();
    let error = family.save_error;
    if !crate::storage::available() {
        error.set(Some(StorageError::Unavailable));
    }
    let unreadable = family.unreadable;
    let download_copy = move |_| {
        if let Some(raw) = unreadable.get_untracked() {
            let date = crate::clock::local_today();
            let name = format!("{}-{date}.json", i18n.t(Key::StorageCopyFile));
            let _ = crate::download::download(&name, "application/json;charset=utf-8", &raw);
        }
    };
    view! {
        <div class="storage-banner" role="alert">
            <Show when=move || unreadable.with(Option::is_some)>
                <p>{crate::i18n::tr(Key::StorageUnreadable)}</p>
                <div class="actions">
                    <button type="button" class="button" on:click=download_copy>
                        {crate::i18n::tr(Key::StorageDownloadCopy)}
                    </button>
                    <button type="button" class="button secondary" on:click=move |_| unreadable.set(None)>
                        {crate::i18n::tr(Key::StorageDismiss)}
                    </button>
                </div>
            </Show>
            {move || error.get().map(|e| {
                let dismissible = e != StorageError::Unavailable;
                let key = match e {
                    StorageError::QuotaExceeded => Key::StorageQuota,
                    StorageError::Unavailable => Key::StorageUnavailable,
                    StorageError::Other(_) => Key::StorageOther,
                };
                view! {
                    <p>{move || i18n.t(key)}</p>
                    <Show when=move || dismissible>
                        <button type="button" class="button secondary" on:click=move |_| error.set(None)>
                            {crate::i18n::tr(Key::StorageDismiss)}
                        </button>
                    </Show>
                }
            })}
        </div>
    }
}
