//! The device's storage, as the browser's Storage API tells it: asking once that Cocon's
//! data be kept ([`request_persistence`]), and showing in Settings whether it is kept and
//! how much space Cocon uses, with a note for Safari's tabs on iPhone and iPad.

use crate::domain::backup::{ios_browser_tab, size, SizeUnit};
use crate::i18n::{format, use_i18n, Key};
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `navigator.storage`, when the browser has it.
fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let manager = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    (!manager.is_undefined() && !manager.is_null()).then(|| manager.unchecked_into())
}

thread_local! {
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Asks the browser, once per visit, to keep Cocon's data even when space runs short
/// (`navigator.storage.persist()`). Called once the parent has stored something, never
/// on an empty first visit; nothing happens when the browser lacks the API or already
/// keeps the data.
pub fn request_persistence() {
    if ASKED.with(|asked| asked.replace(true)) {
        return;
    }
    let Some(manager) = storage_manager() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let already = match manager.persisted() {
            Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()),
            Err(_) => None,
        };
        if already != Some(true) {
            if let Ok(promise) = manager.persist() {
                let _ = JsFuture::from(promise).await;
            }
        }
    });
}

/// What the browser says about Cocon's storage.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Status {
    persisted: Option<bool>,
    /// Usage and quota, in bytes.
    estimate: Option<(f64, f64)>,
}

async fn status() -> Status {
    let Some(manager) = storage_manager() else { return Status { persisted: None, estimate: None } };
    let persisted = match manager.persisted() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()),
        Err(_) => None,
    };
    let estimate = match manager.estimate() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| {
            let e: web_sys::StorageEstimate = v.unchecked_into();
            Some((e.get_usage()?, e.get_quota()?))
        }),
        Err(_) => None,
    };
    Status { persisted, estimate }
}

/// Whether this is a Safari tab on iPhone or iPad (not an app added to the home screen).
fn in_ios_browser_tab() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let navigator = window.navigator();
    let standalone_flag =
        js_sys::Reflect::get(&navigator, &JsValue::from_str("standalone")).ok().and_then(|v| v.as_bool());
    let standalone_display =
        window.match_media("(display-mode: standalone)").ok().flatten().is_some_and(|m| m.matches());
    ios_browser_tab(
        &navigator.user_agent().unwrap_or_default(),
        &navigator.platform().unwrap_or_default(),
        navigator.max_touch_points(),
        standalone_flag == Some(true) || standalone_display,
    )
}

/// "1,3 Mo" / "1.3 MB".
fn size_text(lang: crate::domain::lang::Lang, bytes: f64) -> String {
    let (n, unit) = size(bytes, lang);
    let key = match unit {
        SizeUnit::Kilobytes => Key::SettingsDeviceKb,
        SizeUnit::Megabytes => Key::SettingsDeviceMb,
        SizeUnit::Gigabytes => Key::SettingsDeviceGb,
    };
    format(lang, key, &[("n", &n)])
}

/// Settings, "Storage on this phone": kept or not, the space used, and the note for iOS.
#[component]
pub fn StorageStatus() -> impl IntoView {
    let i18n = use_i18n();
    let known = RwSignal::new(None::<Status>);
    wasm_bindgen_futures::spawn_local(async move {
        let s = status().await;
        let _ = known.try_set(Some(s));
    });
    let ios = in_ios_browser_tab();
    view! {
        <div class="storage-status">
            <h3 id="device-heading">{move || i18n.t(Key::SettingsDeviceHeading)}</h3>
            {move || known.get().map(|s| {
                let persisted = s.persisted.map(|p| if p { Key::SettingsDevicePersisted } else { Key::SettingsDeviceNotPersisted });
                let usage = s.estimate.map(|(used, quota)| {
                    let lang = i18n.lang();
                    format(lang, Key::SettingsDeviceUsage, &[("used", &size_text(lang, used)), ("quota", &size_text(lang, quota))])
                });
                if persisted.is_none() && usage.is_none() {
                    view! { <p class="device-unknown">{move || i18n.t(Key::SettingsDeviceUnknown)}</p> }.into_any()
                } else {
                    view! {
                        {persisted.map(|key| view! { <p class="device-persisted">{move || i18n.t(key)}</p> })}
                        {usage.map(|text| view! { <p class="device-usage">{text}</p> })}
                    }
                    .into_any()
                }
            })}
            <Show when=move || ios>
                <p class="note">{move || i18n.t(Key::SettingsDeviceIosNote)}</p>
            </Show>
        </div>
    }
}
