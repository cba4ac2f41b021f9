use crate::components::data_controls::document_name;
use crate::family::use_family;
use crate::i18n::{format, use_i18n, Key};
use crate::storage::StorageError;
use leptos::prelude::*;

/// Says in plain words when a change could not be saved (full storage), and that what
/// was saved before is untouched; and, for as long as the app runs, when the browser
/// gives no storage at all (the app then works in memory only).
///
/// Also says when stored data could not be read, and offers a download of each such
/// document (the family, the EPDS checks, the directory, the settings: whichever its own
/// reader refuses; the store keeps a copy aside under `<key>.unreadable`). The family's
/// copy is named `cocon-unreadable-data-<date>.json`, any other `…-<key>-<date>.json`.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let i18n = use_i18n();
    let family = use_family();
    let error = family.save_error;
    if !crate::storage::available() {
        error.set(Some(StorageError::Unavailable));
    }
    let unreadable = RwSignal::new(
        crate::storage::all_documents()
            .map(|docs| crate::domain::backup::unreadable_documents(&docs))
            .unwrap_or_default(),
    );
    let download_copy = move |key: &str, raw: &str| {
        let date = crate::clock::local_today();
        let stem = i18n.t(Key::StorageCopyFile);
        let name = if key == <crate::domain::family::Family as crate::domain::document::Document>::KEY {
            format!("{stem}-{date}.json")
        } else {
            format!("{stem}-{key}-{date}.json")
        };
        let _ = crate::download::download(&name, "application/json;charset=utf-8", raw);
    };
    view! {
        <div class="storage-banner" role="alert">
            <Show when=move || unreadable.with(|list| !list.is_empty())>
                <p>{crate::i18n::tr(Key::StorageUnreadable)}</p>
                <div class="actions">
                    {move || {
                        let list = unreadable.get();
                        let several = list.len() > 1;
                        list.into_iter()
                            .map(|(key, raw)| {
                                let what = document_name(&key);
                                let label = move || {
                                    if several {
                                        format(i18n.lang(), Key::StorageDownloadCopyOf, &[("what", i18n.t(what))])
                                    } else {
                                        i18n.t(Key::StorageDownloadCopy).to_string()
                                    }
                                };
                                view! {
                                    <button type="button" class="button" on:click=move |_| download_copy(&key, &raw)>
                                        {label}
                                    </button>
                                }
                            })
                            .collect_view()
                    }}
                    <button type="button" class="button secondary" on:click=move |_| unreadable.set(Vec::new())>
                        {crate::i18n::tr(Key::StorageDismiss)}
                    </button>
                </div>
            </Show>
            <Show when=move || crate::store::newer_elsewhere().get()>
                <p>{crate::i18n::tr(Key::StorageNewerElsewhere)}</p>
                <button type="button" class="button" on:click=move |_| { let _ = window().location().reload(); }>
                    {crate::i18n::tr(Key::StorageReload)}
                </button>
            </Show>
            {move || error.get().filter(|e| *e != StorageError::NewerElsewhere).map(|e| {
                let dismissible = e != StorageError::Unavailable;
                let key = match e {
                    StorageError::QuotaExceeded => Key::StorageQuota,
                    StorageError::Unavailable => Key::StorageUnavailable,
                    StorageError::NewerElsewhere => Key::StorageNewerElsewhere,
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
