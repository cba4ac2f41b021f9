//! The parent's settings, as stored on the device: the language, and what the export
//! reminder remembers (see [`super::backup::reminder_due`]).
//!
//! Versions of the stored document:
//! - 1: `{"version":1,"lang":"fr"}`;
//! - 2: adds `backup`, the export reminder's memory (every field may be null).

use super::lang::Lang;
use super::schema::{object_mut, Migration};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The version of the settings document written by this build.
pub const SETTINGS_VERSION: u32 = 2;

/// Settings, stored as one versioned JSON document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub version: u32,
    pub lang: Lang,
    /// What the export reminder remembers.
    pub backup: BackupState,
}

/// What the export reminder remembers (see [`super::backup::reminder_due`] for the rule).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupState {
    /// The first day Cocon saw the parent's data on this phone: until a first export,
    /// the reminder's 30 days count from it.
    #[serde(default, deserialize_with = "super::iso_date::de::optional")]
    pub first_data_on: Option<NaiveDate>,
    /// The day of the last export.
    #[serde(default, deserialize_with = "super::iso_date::de::optional")]
    pub last_export: Option<NaiveDate>,
    /// The day the parent last answered "Not now".
    #[serde(default, deserialize_with = "super::iso_date::de::optional")]
    pub snoozed_on: Option<NaiveDate>,
    /// The EPDS checks there were at the last export or "Not now" (none when there were none).
    pub epds_seen: Option<EpdsSeen>,
}

/// Which EPDS checks there were at a given moment: the date of the latest one and how
/// many had that date (the history keeps dates, not times). A check of a later date, or
/// one more of that date, is a check taken since.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EpdsSeen {
    #[serde(deserialize_with = "super::iso_date::de::date")]
    pub latest: NaiveDate,
    pub on_that_day: u32,
}

impl EpdsSeen {
    /// What these check dates are (in any order); `None` when there are none.
    pub fn of(check_dates: &[NaiveDate]) -> Option<EpdsSeen> {
        let latest = *check_dates.iter().max()?;
        let on_that_day = check_dates.iter().filter(|&&d| d == latest).count() as u32;
        Some(EpdsSeen { latest, on_that_day })
    }

    /// Whether `check_dates` hold a check taken after what `seen` describes.
    pub fn newer_in(seen: Option<EpdsSeen>, check_dates: &[NaiveDate]) -> bool {
        match seen {
            None => !check_dates.is_empty(),
            Some(seen) => {
                check_dates.iter().any(|&d| d > seen.latest)
                    || check_dates.iter().filter(|&&d| d == seen.latest).count() as u32 > seen.on_that_day
            }
        }
    }
}

impl BackupState {
    /// Records an export made on `today`, with these EPDS check dates on the phone.
    pub fn exported(&mut self, today: NaiveDate, check_dates: &[NaiveDate]) {
        self.last_export = Some(today);
        self.epds_seen = EpdsSeen::of(check_dates);
    }

    /// Records "Not now" on `today`, with these EPDS check dates on the phone.
    pub fn snoozed(&mut self, today: NaiveDate, check_dates: &[NaiveDate]) {
        self.snoozed_on = Some(today);
        self.epds_seen = EpdsSeen::of(check_dates);
    }

    /// Notes that the phone holds the parent's data on `today`, the first time only.
    /// Returns whether anything changed (then the settings are to be saved).
    pub fn note_data(&mut self, today: NaiveDate) -> bool {
        if self.first_data_on.is_some() {
            return false;
        }
        self.first_data_on = Some(today);
        true
    }
}

/// The migrations of the settings document: version 1 to 2 (see [`super::schema`]).
const MIGRATIONS: [Migration; 1] = [v1_to_v2];

/// Version 1 had no reminder: version 2 starts with an empty memory (never exported,
/// no first day known: it is noted the next time the app sees data).
fn v1_to_v2(mut value: serde_json::Value) -> Result<serde_json::Value, String> {
    let object = object_mut(&mut value)?;
    let backup = serde_json::to_value(BackupState::default()).map_err(|e| e.to_string())?;
    object.insert("backup".into(), backup);
    object.insert("version".into(), 2.into());
    Ok(value)
}

impl Settings {
    pub fn new(lang: Lang) -> Self {
        Settings { version: SETTINGS_VERSION, lang, backup: BackupState::default() }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("settings always serialise")
    }

    /// Reads a stored settings document of this version or an earlier one (migrated).
    /// A document from a newer version of Cocon, or one that cannot be read, is an
    /// error: the caller keeps it aside untouched.
    pub fn from_json(text: &str) -> Result<Settings, SettingsError> {
        super::schema::read_migrating::<Settings>(text, SETTINGS_VERSION, &MIGRATIONS)
    }
}

/// Why a stored Settings document cannot be read (see [`super::schema`]).
pub type SettingsError = super::schema::SchemaError;

/// The settings under the key `settings`: nothing the parent entered is counted, and a
/// merge keeps this phone's settings whole (the other's only when there are none).
impl super::document::Document for Settings {
    const KEY: &'static str = "settings";
    const VERSION: u32 = SETTINGS_VERSION;
    fn to_json(&self) -> String {
        Settings::to_json(self)
    }
    fn read(text: &str) -> Result<Settings, super::document::Problem> {
        Ok(Settings::from_json(text)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::d;

    #[test]
    fn settings_round_trip() {
        for lang in Lang::ALL {
            let s = Settings::new(lang);
            assert_eq!(Settings::from_json(&s.to_json()), Ok(s));
        }
        let mut s = Settings::new(Lang::Fr);
        s.backup.note_data(d(2026, 11, 1));
        s.backup.exported(d(2026, 11, 20), &[d(2026, 11, 20), d(2026, 11, 2), d(2026, 11, 20)]);
        s.backup.snoozed(d(2026, 12, 1), &[]);
        assert_eq!(Settings::from_json(&s.to_json()), Ok(s));
    }

    #[test]
    fn the_stored_shape_is_stable() {
        assert_eq!(
            Settings::new(Lang::En).to_json(),
            r#"{"version":2,"lang":"en","backup":{"first_data_on":null,"last_export":null,"snoozed_on":null,"epds_seen":null}}"#
        );
        let mut s = Settings::new(Lang::Fr);
        s.backup.exported(d(2026, 11, 20), &[d(2026, 11, 20)]);
        assert_eq!(
            s.to_json(),
            r#"{"version":2,"lang":"fr","backup":{"first_data_on":null,"last_export":"2026-11-20","snoozed_on":null,"epds_seen":{"latest":"2026-11-20","on_that_day":1}}}"#
        );
    }

    #[test]
    fn version_1_is_migrated_with_an_empty_reminder_memory() {
        assert_eq!(Settings::from_json(r#"{"version":1,"lang":"fr"}"#), Ok(Settings::new(Lang::Fr)));
        assert_eq!(Settings::from_json(r#"{"version":1,"lang":"en"}"#), Ok(Settings::new(Lang::En)));
        // Without the migration, a version-1 document does not decode as version 2.
        assert!(serde_json::from_str::<Settings>(r#"{"version":1,"lang":"fr"}"#).is_err());
        // A bad version-1 document stays an error after migration.
        assert!(matches!(Settings::from_json(r#"{"version":1,"lang":"klingon"}"#), Err(SettingsError::Unreadable(_))));
    }

    #[test]
    fn bad_documents_are_errors_not_defaults() {
        assert!(matches!(Settings::from_json("{not json"), Err(SettingsError::Unreadable(_))));
        assert!(matches!(Settings::from_json(r#"{"lang":"fr"}"#), Err(SettingsError::Unreadable(_))));
        assert!(matches!(
            Settings::from_json(r#"{"version":2,"lang":"klingon","backup":{}}"#),
            Err(SettingsError::Unreadable(_))
        ));
        assert!(matches!(Settings::from_json(r#"{"version":2,"lang":"fr"}"#), Err(SettingsError::Unreadable(_))));
        assert_eq!(Settings::from_json(r#"{"version":7,"lang":"fr"}"#), Err(SettingsError::TooNew(7)));
    }

    #[test]
    fn epds_checks_taken_since_are_seen_by_date_and_count() {
        let (a, b) = (d(2026, 11, 2), d(2026, 11, 20));
        assert_eq!(EpdsSeen::of(&[]), None);
        let seen = EpdsSeen::of(&[b, a, b]);
        assert_eq!(seen, Some(EpdsSeen { latest: b, on_that_day: 2 }));
        assert!(!EpdsSeen::newer_in(seen, &[a, b, b]));
        assert!(EpdsSeen::newer_in(seen, &[a, b, b, b]), "one more the same day");
        assert!(EpdsSeen::newer_in(seen, &[a, b, b, d(2026, 11, 21)]), "a later day");
        assert!(!EpdsSeen::newer_in(seen, &[a]), "deleting checks is not a new check");
        assert!(!EpdsSeen::newer_in(None, &[]));
        assert!(EpdsSeen::newer_in(None, &[a]));
    }

    #[test]
    fn the_first_day_with_data_is_noted_once() {
        let mut state = BackupState::default();
        assert!(state.note_data(d(2026, 11, 1)));
        assert!(!state.note_data(d(2026, 11, 5)));
        assert_eq!(state.first_data_on, Some(d(2026, 11, 1)));
    }
}
