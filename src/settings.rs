//! Loading and saving the parent's settings (the shell side of `domain::settings`).

use crate::domain::lang::Lang;
use crate::domain::settings::Settings;
use crate::storage;

pub const KEY: &str = "settings";

fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default()
}

/// The stored settings; on a first visit, the browser's language. Unreadable settings
/// are kept aside so that a later save cannot destroy them.
pub fn load() -> Settings {
    match storage::read(KEY) {
        Ok(Some(raw)) => Settings::from_json(&raw).unwrap_or_else(|_| {
            let _ = storage::keep_aside(KEY, &raw);
            Settings::new(Lang::negotiate(&browser_languages()))
        }),
        _ => Settings::new(Lang::negotiate(&browser_languages())),
    }
}

/// Saves the settings; an error leaves what was stored as it was.
pub fn save(settings: &Settings) -> Result<(), storage::StorageError> {
    storage::write(KEY, &settings.to_json())
}
