//! The parent's settings, as stored on the device.

use super::lang::Lang;
use serde::{Deserialize, Serialize};

/// The version of the settings document written by this build.
pub const SETTINGS_VERSION: u32 = 1;

/// Settings, stored as one versioned JSON document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub version: u32,
    pub lang: Lang,
}

impl Settings {
    pub fn new(lang: Lang) -> Self {
        Settings { version: SETTINGS_VERSION, lang }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("settings always serialise")
    }

    /// Reads a stored settings document. A document from a newer version of Cocon,
    /// or one that cannot be read, is an error: the caller keeps it aside untouched.
    pub fn from_json(text: &str) -> Result<Settings, SettingsError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| SettingsError::Unreadable(e.to_string()))?;
        let version = value.get("version").and_then(serde_json::Value::as_u64);
        match version {
            Some(v) if v == u64::from(SETTINGS_VERSION) => {
                serde_json::from_value(value).map_err(|e| SettingsError::Unreadable(e.to_string()))
            }
            Some(v) if v > u64::from(SETTINGS_VERSION) => Err(SettingsError::TooNew(v)),
            _ => Err(SettingsError::Unreadable("no known version".into())),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingsError {
    Unreadable(String),
    TooNew(u64),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip() {
        for lang in Lang::ALL {
            let s = Settings::new(lang);
            assert_eq!(Settings::from_json(&s.to_json()), Ok(s));
        }
    }

    #[test]
    fn the_stored_shape_is_stable() {
        assert_eq!(Settings::new(Lang::En).to_json(), r#"{"version":1,"lang":"en"}"#);
        assert_eq!(
            Settings::from_json(r#"{"version":1,"lang":"fr"}"#),
            Ok(Settings::new(Lang::Fr))
        );
    }

    #[test]
    fn bad_documents_are_errors_not_defaults() {
        assert!(matches!(Settings::from_json("{not json"), Err(SettingsError::Unreadable(_))));
        assert!(matches!(Settings::from_json(r#"{"lang":"fr"}"#), Err(SettingsError::Unreadable(_))));
        assert!(matches!(
            Settings::from_json(r#"{"version":1,"lang":"klingon"}"#),
            Err(SettingsError::Unreadable(_))
        ));
        assert_eq!(Settings::from_json(r#"{"version":7,"lang":"fr"}"#), Err(SettingsError::TooNew(7)));
    }
}
