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
        super::schema::read::<Settings>(text, SETTINGS_VERSION)
    }
}

/// Why a stored Settings document cannot be read (see [`super::schema`]).
pub type SettingsError = super::schema::SchemaError;

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
