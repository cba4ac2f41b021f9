//! Loading and saving the parent's settings (the shell side of `domain::settings`).

use crate::domain::lang::Lang;
use crate::domain::settings::Settings;
use crate::storage;

pub const KEY: &str = <Settings as crate::domain::document::Document>::KEY;

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

/// Changes the stored settings (read again from the device, so that a change made
/// elsewhere in the app is kept) and saves them. Returns the settings as saved; on an
/// error, what was stored is as it was.
pub fn update(change: impl FnOnce(&mut Settings)) -> Result<Settings, storage::StorageError> {
    let mut settings = load();
    change(&mut settings);
    save(&settings)?;
    Ok(settings)
}
