//! The parent's copy of their data: the export of everything Cocon keeps on the device as
//! one dated, versioned, human-readable JSON file; the import of such a file back (after a
//! preview, replacing or merging); and the reminder to make a copy.
//!
//! **Export.** Each stored document as it is: parsed JSON where it is JSON, the raw text
//! otherwise. A copy kept aside because it could not be read (`<key>.unreadable`) is
//! always exported as its raw text, so that importing it gives it back byte for byte.
//!
//! **Import.** [`parse`] checks the file (at most [`MAX_IMPORT_BYTES`], JSON, format
//! `cocon-export`, a version this build knows) and reads every document through its own
//! type's reader, migrating older versions; one document that cannot be read (or is from
//! a newer Cocon) refuses the whole file. Documents are written back in the app's own
//! form (`to_json`), so an export imported on an empty phone gives the same stored texts.
//! - Copies kept aside are restored as they are, and are never removed by an import: a
//!   copy whose name is taken by another copy is kept under `<key>.<n>.unreadable`.
//! - A document the phone cannot read is kept aside before it is replaced.
//! - Keys this build does not know (a newer Cocon's documents) are skipped and named in
//!   the preview; a document the file holds unreadable, identical to its own aside copy
//!   (the state the app was in), is restored through that copy.
//!
//! [`plan`] gives the writes for one of two choices (nothing is written before the parent
//! chooses, and the shell undoes every write if one fails):
//! - **Replace**: the phone's family, EPDS checks, directory and settings become the
//!   file's (one the file lacks is removed). [`Preview::replace_loses`] counts what the
//!   phone holds that the file does not hold identically.
//! - **Merge**: a union. Profiles by id, done marks by profile and event, own
//!   appointments by profile and id, favourite messages; EPDS checks by their whole
//!   content (a check has no id); directory favourites, own entries by id, imported
//!   entries by source and id. **On a conflict (the same id in two versions) the phone's
//!   current version is kept**, and the settings are the phone's (the file's only when the
//!   phone has none). Merging a file into the phone it came from writes nothing.
//!
//! **Reminder** ([`reminder_due`]): never a nag, see there.

use super::document::{AnyDocument, Document, Kinds};
pub use super::document::{Counts, Problem, Summary};
use super::documents::All;
use super::settings::{BackupState, EpdsSeen};
use chrono::{Days, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;

pub const BACKUP_FORMAT: &str = "cocon-export";
pub const BACKUP_VERSION: u32 = 1;

/// The end of the key of a copy kept aside because it could not be read.
pub const ASIDE_SUFFIX: &str = ".unreadable";
/// The largest file the import reads: far above any real family's data.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// The reminder's period, in days.
pub const REMINDER_DAYS: u64 = 30;

// ---- export ----

#[derive(Serialize)]
struct Backup<'a> {
    format: &'static str,
    version: u32,
    exported_on: NaiveDate,
    /// Storage key (without Cocon's prefix) to document.
    documents: BTreeMap<&'a str, serde_json::Value>,
}

/// The export file's text for these stored documents (key, raw text).
pub fn export(documents: &[(String, String)], exported_on: NaiveDate) -> String {
    let documents = documents
        .iter()
        .map(|(key, raw)| {
            let as_text = || serde_json::Value::String(raw.clone());
            let value = if key.ends_with(ASIDE_SUFFIX) {
                as_text()
            } else {
                serde_json::from_str(raw).unwrap_or_else(|_| as_text())
            };
            (key.as_str(), value)
        })
        .collect();
    let backup = Backup { format: BACKUP_FORMAT, version: BACKUP_VERSION, exported_on, documents };
    serde_json::to_string_pretty(&backup).expect("an export always serialises")
}

/// The export file's name: `cocon-2026-11-23.json`.
pub fn file_name(exported_on: NaiveDate) -> String {
    format!("cocon-{exported_on}.json")
}

// ---- what a set of documents holds ----

/// Every document of Cocon, read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Contents {
    /// The documents of known kinds, by key.
    pub documents: BTreeMap<&'static str, Box<dyn AnyDocument>>,
    /// Copies kept aside (key ending in [`ASIDE_SUFFIX`]) to their raw text.
    pub aside: BTreeMap<String, String>,
}

impl Contents {
    /// The document of kind `T`, if held.
    pub fn get<T: Document>(&self) -> Option<&T> {
        self.documents.get(T::KEY).and_then(|d| d.as_any().downcast_ref())
    }

    /// What the documents hold, added up.
    pub fn counts(&self) -> Counts {
        self.documents.values().fold(Counts::default(), |sum, d| sum.plus(d.counts()))
    }

    /// Whether the parent has entered anything worth a copy (settings alone are not).
    pub fn has_data(&self) -> bool {
        self.documents.values().any(|d| d.has_data())
    }

    /// Reads the document `text` stored under `key`, of one of the kinds `K`, into its place.
    fn read<K: Kinds>(&mut self, key: &str, text: &str) -> Result<(), Problem> {
        let doc = K::read(key, text).ok_or_else(|| Problem::Unreadable(format!("unknown document `{key}`")))??;
        self.documents.insert(doc.key(), doc);
        Ok(())
    }

    /// The app's own text of each document held.
    fn document_texts(&self) -> BTreeMap<&'static str, String> {
        self.documents.iter().map(|(key, d)| (*key, d.to_json())).collect()
    }

    /// Adds what `other` holds and this lacks, kind by kind ([`Document::merge`]; copies
    /// kept aside are not merged here). Returns the conflicts, where this version was kept.
    fn merge(&mut self, other: &Contents) -> Counts {
        let mut conflicts = Counts::default();
        for (key, theirs) in &other.documents {
            match self.documents.get_mut(key) {
                Some(mine) => conflicts = conflicts.plus(mine.merge_any(theirs.as_ref())),
                None => {
                    self.documents.insert(key, theirs.clone());
                }
            }
        }
        conflicts
    }
}

/// Whether `key` names a copy kept aside, with a name safe to store.
fn is_aside_key(key: &str) -> bool {
    key.len() <= 100
        && key.strip_suffix(ASIDE_SUFFIX).is_some_and(|base| !base.is_empty())
        && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c))
}

/// Keeps `raw` aside: nothing to do if it already is; under `key` if free, otherwise
/// under the first free `<base>.<n>.unreadable`. A copy is never overwritten.
fn keep_aside(aside: &mut BTreeMap<String, String>, key: &str, raw: &str) {
    if aside.values().any(|kept| kept == raw) {
        return;
    }
    let base = key.strip_suffix(ASIDE_SUFFIX).unwrap_or(key).to_string();
    let mut name = key.to_string();
    let mut n = 2;
    while aside.contains_key(&name) {
        name = format!("{base}.{n}{ASIDE_SUFFIX}");
        n += 1;
    }
    aside.insert(name, raw.to_string());
}

/// What the phone holds now.
struct Phone {
    contents: Contents,
    /// Known documents the phone cannot read (key, raw text).
    unreadable: Vec<(&'static str, String)>,
    raw: BTreeMap<String, String>,
}

/// The key of kind `K` equal to `key`.
fn known_key<K: Kinds>(key: &str) -> Option<&'static str> {
    K::keys().into_iter().map(|(k, _)| k).find(|k| *k == key)
}

fn read_phone<K: Kinds>(stored: &[(String, String)]) -> Phone {
    let mut contents = Contents::default();
    let mut unreadable = Vec::new();
    for (key, raw) in stored {
        if let Some(key) = known_key::<K>(key) {
            if contents.read::<K>(key, raw).is_err() {
                unreadable.push((key, raw.clone()));
            }
        } else if key.ends_with(ASIDE_SUFFIX) {
            contents.aside.insert(key.clone(), raw.clone());
        }
    }
    Phone { contents, unreadable, raw: stored.iter().cloned().collect() }
}

/// What these stored documents (key, raw text) hold, added up (unreadable ones left out).
pub fn stored_summary(stored: &[(String, String)]) -> Summary {
    stored.iter().filter_map(|(key, raw)| All::summary(key, raw)?.ok()).fold(Summary::default(), |sum, s| Summary {
        counts: sum.counts.plus(s.counts),
        has_data: sum.has_data || s.has_data,
    })
}

// ---- import ----

/// An export file, read and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportFile {
    pub exported_on: NaiveDate,
    pub contents: Contents,
    /// Keys of the file this build does not know: not imported.
    pub skipped: Vec<String>,
}

/// Why a file is refused (nothing is written).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_IMPORT_BYTES`].
    TooBig,
    /// Not a JSON text.
    NotJson,
    /// JSON, but not a Cocon export.
    NotAnExport,
    /// An export from a newer Cocon, in a format this build does not know.
    TooNew,
    /// The document `key` cannot be read, or is from a newer Cocon.
    BadDocument { key: String, problem: Problem },
}

/// Reads an export file (see the module for the checks).
pub fn parse(bytes: &[u8]) -> Result<ImportFile, ImportError> {
    parse_in::<All>(bytes)
}

fn parse_in<K: Kinds>(bytes: &[u8]) -> Result<ImportFile, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooBig);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotJson)?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| ImportError::NotJson)?;
    if value.get("format").and_then(serde_json::Value::as_str) != Some(BACKUP_FORMAT) {
        return Err(ImportError::NotAnExport);
    }
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v > u64::from(BACKUP_VERSION) => return Err(ImportError::TooNew),
        Some(v) if v >= 1 => {}
        _ => return Err(ImportError::NotAnExport),
    }
    let exported_on = value
        .get("exported_on")
        .and_then(serde_json::Value::as_str)
        .and_then(super::iso_date::parse_ymd)
        .ok_or(ImportError::NotAnExport)?;
    let documents = value.get("documents").and_then(serde_json::Value::as_object).ok_or(ImportError::NotAnExport)?;

    // The stored text of a document of the file.
    let raw_of = |value: &serde_json::Value| match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut contents = Contents::default();
    let mut skipped = Vec::new();
    for (key, value) in documents {
        if known_key::<K>(key).is_some() {
            if let Err(problem) = contents.read::<K>(key, &raw_of(value)) {
                // The state the app was in: the document unreadable and its copy aside.
                let kept = documents.get(&format!("{key}{ASIDE_SUFFIX}")).is_some_and(|aside| {
                    let aside = raw_of(aside);
                    aside == raw_of(value)
                        || serde_json::from_str::<serde_json::Value>(&aside).is_ok_and(|v| &v == value)
                });
                if !kept {
                    return Err(ImportError::BadDocument { key: key.clone(), problem });
                }
            }
        } else if is_aside_key(key) {
            contents.aside.insert(key.clone(), raw_of(value));
        } else {
            skipped.push(key.clone());
        }
    }
    Ok(ImportFile { exported_on, contents, skipped })
}

/// Replace what the phone holds with the file, or merge both (see the module).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Replace,
    Merge,
}

/// What an import would do, shown before anything is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    pub exported_on: NaiveDate,
    /// What the file holds.
    pub in_file: Counts,
    /// Copies kept aside that the file holds (restored as they are).
    pub copies: usize,
    /// Keys of the file this build does not know (not imported).
    pub skipped: Vec<String>,
    /// What the phone holds that Replace would remove or change.
    pub replace_loses: Counts,
    /// What Merge would add to the phone.
    pub merge_adds: Counts,
    /// Where the file and the phone differ on the same item: Merge keeps the phone's.
    pub merge_keeps: Counts,
}

/// What importing `file` would do to these stored documents (key, raw text).
pub fn preview(stored: &[(String, String)], file: &ImportFile) -> Preview {
    let phone = read_phone::<All>(stored).contents;
    let mut merged = phone.clone();
    let merge_keeps = merged.merge(&file.contents);
    let merge_adds = merged.counts().minus(phone.counts());
    // What Replace loses is what merging the phone into the file would add or find in conflict.
    let mut replaced = file.contents.clone();
    let changed = replaced.merge(&phone);
    let replace_loses = replaced.counts().minus(file.contents.counts()).plus(changed);
    Preview {
        exported_on: file.exported_on,
        in_file: file.contents.counts(),
        copies: file.contents.aside.len(),
        skipped: file.skipped.clone(),
        replace_loses,
        merge_adds,
        merge_keeps,
    }
}

/// One change to the stored documents: a key (without Cocon's prefix) and its new text,
/// or `None` to remove it.
pub type Change = (String, Option<String>);

/// The changes that import `file` into these stored documents (key, raw text), copies
/// kept aside first. Keys the import does not concern are never touched. An empty list
/// means there is nothing to change.
pub fn plan(stored: &[(String, String)], file: &ImportFile, mode: Mode) -> Vec<Change> {
    plan_in::<All>(stored, file, mode)
}

fn plan_in<K: Kinds>(stored: &[(String, String)], file: &ImportFile, mode: Mode) -> Vec<Change> {
    let phone = read_phone::<K>(stored);
    let mut target = match mode {
        Mode::Replace => Contents { aside: phone.contents.aside.clone(), ..file.contents.clone() },
        Mode::Merge => {
            let mut merged = phone.contents.clone();
            merged.merge(&file.contents);
            merged
        }
    };
    for (key, raw) in &file.contents.aside {
        keep_aside(&mut target.aside, key, raw);
    }
    let texts = target.document_texts();
    let mut documents = Vec::new();
    for (key, _) in K::keys() {
        match (texts.get(key), phone.raw.get(key)) {
            (Some(text), Some(raw)) if text == raw => {}
            (Some(text), _) => documents.push((key.to_string(), Some(text.clone()))),
            (None, Some(_)) if mode == Mode::Replace => documents.push((key.to_string(), None)),
            _ => {}
        }
    }
    // A document the phone cannot read is kept aside before it is replaced.
    for (key, raw) in &phone.unreadable {
        if documents.iter().any(|(k, _)| k == key) {
            keep_aside(&mut target.aside, &format!("{key}{ASIDE_SUFFIX}"), raw);
        }
    }
    let mut changes: Vec<Change> = target
        .aside
        .into_iter()
        .filter(|(key, raw)| phone.raw.get(key) != Some(raw))
        .map(|(key, raw)| (key, Some(raw)))
        .collect();
    changes.extend(documents);
    changes
}

/// The stored documents after `changes` (what the shell's write gives, for the tests and
/// for checking a plan).
pub fn apply(stored: &[(String, String)], changes: &[Change]) -> Vec<(String, String)> {
    let mut docs: BTreeMap<String, String> = stored.iter().cloned().collect();
    for (key, text) in changes {
        match text {
            Some(text) => docs.insert(key.clone(), text.clone()),
            None => docs.remove(key),
        };
    }
    docs.into_iter().collect()
}

/// The known documents the phone holds but cannot read (key, raw text): what the app
/// keeps aside and offers for download.
pub fn unreadable_documents(stored: &[(String, String)]) -> Vec<(String, String)> {
    // Read for a summary only: the app's first screen calls this, and must not bring in
    // the import's code (see `document::Kinds`).
    stored.iter().filter(|(key, raw)| All::summary(key, raw).is_some_and(|r| r.is_err())).cloned().collect()
}

// ---- the device's storage ----

/// A unit of [`size`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizeUnit {
    Kilobytes,
    Megabytes,
    Gigabytes,
}

/// A number of bytes for people, in decimal units (1 kB = 1000 bytes, as phones show
/// storage): whole kilobytes below 1 MB (at least 1 when not empty), then megabytes or
/// gigabytes with one decimal, without a trailing ",0"; the decimal mark of `lang`.
pub fn size(bytes: f64, lang: super::lang::Lang) -> (String, SizeUnit) {
    let bytes = bytes.max(0.0);
    let (value, unit) = if bytes < 1e6 {
        let kb = (bytes / 1e3).ceil();
        return (super::decimal::short(kb, 0), SizeUnit::Kilobytes);
    } else if bytes < 1e9 {
        (bytes / 1e6, SizeUnit::Megabytes)
    } else {
        (bytes / 1e9, SizeUnit::Gigabytes)
    };
    // Not `f64`'s `Display`: see `decimal` (the wasm's size).
    let text = super::decimal::short(value, 1);
    let text = match lang {
        super::lang::Lang::Fr => text.replace('.', ","),
        super::lang::Lang::En => text,
    };
    (text, unit)
}

/// Whether the app runs in Safari's tabs on an iPhone, iPad or iPod, where Safari may
/// erase a site's data after some days without use (an app added to the home screen is
/// kept). An iPad asking for the desktop site says "MacIntel" with a touch screen.
pub fn ios_browser_tab(user_agent: &str, platform: &str, max_touch_points: i32, standalone: bool) -> bool {
    let ios = ["iPhone", "iPad", "iPod"].iter().any(|d| user_agent.contains(d))
        || (platform == "MacIntel" && max_touch_points > 1);
    ios && !standalone
}

// ---- reminder ----

/// Whether Today shows the card "Save a copy of your data". Never a nag:
/// - only when the phone holds the parent's data (`has_data`, see [`has_data`]);
/// - (a) an EPDS check was taken after the last export or "Not now" (any check, if the
///   parent has done neither), or
/// - (b) [`REMINDER_DAYS`] days have passed since the last export or "Not now",
///   whichever is later; before either, since the first day Cocon saw data
///   ([`BackupState::first_data_on`]; not known yet: not shown for this reason).
///
/// So "Not now" hides the card for 30 days, or until the next EPDS check, and an export
/// (from the card or from Settings) hides it for 30 days. A clock set back never shows it.
pub fn reminder_due(state: &BackupState, has_data: bool, check_dates: &[NaiveDate], today: NaiveDate) -> bool {
    if !has_data {
        return false;
    }
    if EpdsSeen::newer_in(state.epds_seen, check_dates) {
        return true;
    }
    let since = state.last_export.max(state.snoozed_on).or(state.first_data_on);
    since.and_then(|d| d.checked_add_days(Days::new(REMINDER_DAYS))).is_some_and(|due| today >= due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{OwnEvent, Profile, Status};
    use crate::domain::directory_prefs::DirectoryPrefs;
    use crate::domain::directory_prefs::OwnDraft;
    use crate::domain::epds::{EpdsResult, Respondent, When};
    use crate::domain::epds_history::History;
    use crate::domain::family::Family;
    use crate::domain::fixtures::d;
    use crate::domain::lang::Lang;
    use crate::domain::settings::Settings;

    const FAMILY_KEY: &str = Family::KEY;
    const EPDS_KEY: &str = History::KEY;
    const DIRECTORY_KEY: &str = DirectoryPrefs::KEY;
    const SETTINGS_KEY: &str = Settings::KEY;

    fn docs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn check(on: NaiveDate, total: u8) -> crate::domain::epds::Check {
        let mut points = [0u8; 10];
        let mut left = total;
        for p in points.iter_mut().take(9) {
            *p = left.min(3);
            left -= *p;
        }
        crate::domain::epds::Check::new(
            on,
            When::Postpartum,
            &EpdsResult::from_points(points, Respondent::Mother).unwrap(),
        )
    }

    /// A phone with something in every document, as the app stores it.
    fn phone() -> Vec<(String, String)> {
        let mut family = Family::default();
        let p = family.add_profile(Profile {
            id: String::new(),
            name: "Léa".into(),
            status: Status::Born { birth_date: d(2026, 9, 20), term_at_birth: None, due_date: None, babies: None },
        });
        family.mark_done(&p, "exam-8d", d(2026, 9, 25));
        family.add_own_event(
            &p,
            OwnEvent { id: String::new(), title: "Kiné".into(), date: d(2026, 12, 10), note: Some("10 h".into()) },
        );
        let mut epds = History::new();
        epds.add(check(d(2026, 11, 2), 7));
        let mut directory = DirectoryPrefs::default();
        directory
            .add_own(&OwnDraft { name: "Ma sage-femme".into(), phone: "06 00 00 00 00".into(), ..OwnDraft::default() })
            .unwrap();
        directory.toggle_favourite("b.partage-besancon");
        let mut settings = Settings::new(Lang::Fr);
        settings.backup.note_data(d(2026, 9, 21));
        vec![
            (DIRECTORY_KEY.into(), directory.to_json()),
            (EPDS_KEY.into(), epds.to_json()),
            (FAMILY_KEY.into(), family.to_json()),
            (SETTINGS_KEY.into(), settings.to_json()),
        ]
    }

    #[test]
    fn every_document_is_exported_readably_even_an_unreadable_one() {
        let docs = docs(&[
            ("family", r#"{"version":1,"profiles":[],"active":null}"#),
            ("family.unreadable", "{broken"),
            ("epds.unreadable", r#"{"version":9,"checks":[]}"#),
            ("settings", r#"{"version":1,"lang":"fr"}"#),
        ]);
        let text = export(&docs, d(2026, 11, 23));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["format"], "cocon-export");
        assert_eq!(value["version"], 1);
        assert_eq!(value["exported_on"], "2026-11-23");
        assert_eq!(value["documents"]["settings"]["lang"], "fr");
        assert_eq!(value["documents"]["family"]["profiles"], serde_json::json!([]));
        assert_eq!(value["documents"]["family.unreadable"], "{broken");
        assert_eq!(value["documents"]["epds.unreadable"], r#"{"version":9,"checks":[]}"#, "a copy is kept as its text");
        assert!(text.contains('\n'), "human-readable: one field a line");
        assert_eq!(file_name(d(2026, 1, 5)), "cocon-2026-01-05.json");
    }

    #[test]
    fn export_then_replace_on_an_empty_phone_gives_the_same_texts_byte_for_byte() {
        let mut stored = phone();
        stored.push(("family.unreadable".into(), r#"{"version":1,"profiles":[{"id":"#.into()));
        stored.push(("epds.unreadable".into(), "{\n  \"version\": 7 }".into()));
        stored.sort();
        let file = parse(export(&stored, d(2026, 11, 23)).as_bytes()).unwrap();
        assert_eq!(file.exported_on, d(2026, 11, 23));
        assert!(file.skipped.is_empty());
        let changes = plan(&[], &file, Mode::Replace);
        assert_eq!(apply(&[], &changes), stored);
        // Copies kept aside are written first.
        assert!(changes[0].0.ends_with(ASIDE_SUFFIX) && changes[1].0.ends_with(ASIDE_SUFFIX));
        // Importing it again, either way, changes nothing: the import is idempotent.
        assert_eq!(plan(&stored, &file, Mode::Replace), []);
        assert_eq!(plan(&stored, &file, Mode::Merge), []);
    }

    #[test]
    fn a_file_merged_into_the_phone_it_came_from_changes_nothing() {
        let stored = phone();
        let file = parse(export(&stored, d(2026, 11, 23)).as_bytes()).unwrap();
        assert_eq!(plan(&stored, &file, Mode::Merge), []);
        let p = preview(&stored, &file);
        assert_eq!(p.merge_adds, Counts::default());
        assert_eq!(p.merge_keeps, Counts::default());
        assert_eq!(p.replace_loses, Counts::default());
        assert_eq!(p.in_file, Counts { profiles: 1, marks: 2, checks: 1, entries: 2 });
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let good = export(&phone(), d(2026, 11, 23));
        assert_eq!(parse(b"not json"), Err(ImportError::NotJson));
        assert_eq!(parse(&[0xff, 0xfe, 0x00]), Err(ImportError::NotJson));
        assert_eq!(parse(b"{\"format\":\"other\",\"version\":1}"), Err(ImportError::NotAnExport));
        assert_eq!(parse(b"[1,2]"), Err(ImportError::NotAnExport));
        let newer = good.replacen("\"version\": 1,", "\"version\": 2,", 1);
        assert_eq!(parse(newer.as_bytes()), Err(ImportError::TooNew));
        let no_date = good.replacen("\"exported_on\": \"2026-11-23\"", "\"exported_on\": \"hier\"", 1);
        assert_eq!(parse(no_date.as_bytes()), Err(ImportError::NotAnExport));
        let no_docs = r#"{"format":"cocon-export","version":1,"exported_on":"2026-11-23"}"#;
        assert_eq!(parse(no_docs.as_bytes()), Err(ImportError::NotAnExport));
        // One document that cannot be read refuses the whole file.
        let bad_family =
            r#"{"format":"cocon-export","version":1,"exported_on":"2026-11-23","documents":{"family":{"version":1}}}"#;
        assert!(
            matches!(parse(bad_family.as_bytes()), Err(ImportError::BadDocument { key, problem: Problem::Unreadable(_) }) if key == "family")
        );
        let new_epds = r#"{"format":"cocon-export","version":1,"exported_on":"2026-11-23","documents":{"epds":{"version":5,"checks":[]}}}"#;
        assert_eq!(
            parse(new_epds.as_bytes()),
            Err(ImportError::BadDocument { key: "epds".into(), problem: Problem::TooNew })
        );
        let bad_check = good.replacen("\"total\": 7", "\"total\": 8", 1);
        assert!(matches!(parse(bad_check.as_bytes()), Err(ImportError::BadDocument { key, .. }) if key == "epds"));
        // Too big, whatever it holds.
        let mut big = good.clone().into_bytes();
        big.resize(MAX_IMPORT_BYTES + 1, b' ');
        assert_eq!(parse(&big), Err(ImportError::TooBig));
        // A byte-order mark is fine.
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(good.as_bytes());
        assert!(parse(&bom).is_ok());
    }

    #[test]
    fn unknown_keys_are_skipped_and_the_app_state_with_a_copy_aside_is_accepted() {
        let text = r#"{"format":"cocon-export","version":1,"exported_on":"2026-11-23","documents":{
            "family": "{\"version\":1,\"profiles\":[{\"id\":",
            "family.unreadable": "{\"version\":1,\"profiles\":[{\"id\":",
            "journal": {"version":1},
            "../evil.unreadable": "x",
            "settings": {"version":1,"lang":"en"}}}"#;
        let file = parse(text.as_bytes()).unwrap();
        assert_eq!(file.skipped, ["../evil.unreadable", "journal"]);
        assert_eq!(file.contents.get::<Family>(), None);
        assert_eq!(file.contents.aside.keys().collect::<Vec<_>>(), ["family.unreadable"]);
        // An older settings document is migrated, and written in today's form.
        assert_eq!(file.contents.get::<Settings>(), Some(&Settings::new(Lang::En)));
        let written = apply(&[], &plan(&[], &file, Mode::Replace));
        assert_eq!(
            written,
            docs(&[
                ("family.unreadable", r#"{"version":1,"profiles":[{"id":"#),
                ("settings", &Settings::new(Lang::En).to_json())
            ])
        );
        // A newer document kept aside as JSON (an older export) is accepted the same way.
        let json_aside = r#"{"format":"cocon-export","version":1,"exported_on":"2026-11-23","documents":{
            "epds": {"checks":[],"version":4}, "epds.unreadable": {"version":4,"checks":[]}}}"#;
        assert!(parse(json_aside.as_bytes()).is_ok());
    }

    #[test]
    fn replace_keeps_copies_and_unreadable_documents_aside_and_says_what_is_lost() {
        let mut stored = phone();
        stored.push(("family.unreadable".into(), "old copy".into()));
        stored.push(("journal".into(), "a newer Cocon's".into()));
        stored.retain(|(k, _)| k != EPDS_KEY);
        stored.push((EPDS_KEY.into(), "{broken".into()));
        stored.sort();
        let text = r#"{"format":"cocon-export","version":1,"exported_on":"2026-10-01","documents":{
            "family.unreadable": "another copy",
            "settings": {"version":2,"lang":"en","backup":{}}}}"#;
        let file = parse(text.as_bytes()).unwrap();
        let p = preview(&stored, &file);
        assert_eq!(p.in_file, Counts::default());
        assert_eq!(p.copies, 1);
        assert_eq!(p.replace_loses, Counts { profiles: 1, marks: 2, checks: 0, entries: 2 });
        let after = apply(&stored, &plan(&stored, &file, Mode::Replace));
        let keys: Vec<&str> = after.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["epds.unreadable", "family.2.unreadable", "family.unreadable", "journal", "settings"]);
        let get = |k: &str| after.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
        assert_eq!(get("family.unreadable"), Some("old copy"), "a copy is never overwritten");
        assert_eq!(get("family.2.unreadable"), Some("another copy"));
        assert_eq!(get("epds.unreadable"), Some("{broken"), "the phone's unreadable document is kept aside");
        assert_eq!(get("journal"), Some("a newer Cocon's"), "keys the import does not know are untouched");
        assert_eq!(get("settings"), Some(Settings::new(Lang::En).to_json().as_str()));
    }

    #[test]
    fn merge_preview_counts_what_is_added_and_what_the_phone_keeps() {
        let stored = phone();
        let mut file_docs = phone();
        // The file: one more profile with a mark, the phone's appointment renamed, two checks.
        let mut family = Family::from_json(&file_docs[2].1).unwrap();
        let p2 = family.add_profile(family.profiles[0].clone());
        family.mark_done(&p2, "exam-8d", d(2026, 9, 30));
        family.own_events.get_mut("p1").unwrap()[0].title = "Kiné (renamed)".into();
        file_docs[2].1 = family.to_json();
        let mut epds = History::from_json(&file_docs[1].1).unwrap();
        epds.add(check(d(2026, 11, 16), 3));
        file_docs[1].1 = epds.to_json();
        let file = parse(export(&file_docs, d(2026, 11, 20)).as_bytes()).unwrap();
        let p = preview(&stored, &file);
        assert_eq!(p.exported_on, d(2026, 11, 20));
        assert_eq!(p.merge_adds, Counts { profiles: 1, marks: 1, checks: 1, entries: 0 });
        assert_eq!(p.merge_keeps, Counts { marks: 1, ..Counts::default() });
        assert_eq!(p.replace_loses, Counts { marks: 1, ..Counts::default() }, "the phone's appointment differs");
        let merged = apply(&stored, &plan(&stored, &file, Mode::Merge));
        let family = Family::from_json(&merged[2].1).unwrap();
        assert_eq!(family.profiles.len(), 2);
        assert_eq!(family.own_events("p1")[0].title, "Kiné", "the phone's version is kept");
        assert_eq!(History::from_json(&merged[1].1).unwrap().len(), 2);
        assert_eq!(merged[3], stored[3], "the phone's settings are kept");
        // Merging the same file again writes nothing.
        assert_eq!(plan(&merged, &file, Mode::Merge), []);
    }

    #[test]
    fn the_reminder_never_nags() {
        let today = d(2026, 11, 23);
        let mut state = BackupState::default();
        assert!(!reminder_due(&state, false, &[d(2026, 11, 20)], today), "no data, no card");
        assert!(!reminder_due(&state, true, &[], today), "first day unknown: not yet");
        assert!(reminder_due(&state, true, &[d(2026, 11, 20)], today), "(a) a check never exported");
        state.note_data(d(2026, 10, 25));
        assert!(!reminder_due(&state, true, &[], today), "29 days");
        assert!(reminder_due(&state, true, &[], d(2026, 11, 24)), "(b) 30 days after the first data");
        // Exported: hidden for 30 days, until a new check.
        state.exported(today, &[d(2026, 11, 20)]);
        assert!(!reminder_due(&state, true, &[d(2026, 11, 20)], d(2026, 12, 22)));
        assert!(reminder_due(&state, true, &[d(2026, 11, 20)], d(2026, 12, 23)));
        assert!(reminder_due(&state, true, &[d(2026, 11, 20), today], today), "a check after the export");
        // Not now: hidden for 30 days from then, or until the next check.
        state.snoozed(d(2026, 12, 23), &[d(2026, 11, 20)]);
        assert!(!reminder_due(&state, true, &[d(2026, 11, 20)], d(2027, 1, 21)));
        assert!(reminder_due(&state, true, &[d(2026, 11, 20)], d(2027, 1, 22)));
        assert!(reminder_due(&state, true, &[d(2026, 11, 20), d(2026, 12, 24)], d(2026, 12, 24)));
        assert!(!reminder_due(&state, true, &[d(2026, 11, 20)], d(2020, 1, 1)), "a clock set back");
    }

    #[test]
    fn has_data_counts_everything_the_parent_entered() {
        let has_data = |f: &Family, h: &History, p: &DirectoryPrefs| {
            let settings = Settings::new(Lang::Fr).to_json();
            let stored = [
                (f.to_json(), FAMILY_KEY),
                (h.to_json(), EPDS_KEY),
                (p.to_json(), DIRECTORY_KEY),
                (settings, SETTINGS_KEY),
            ];
            stored_summary(&stored.map(|(text, key)| (key.to_string(), text))).has_data
        };
        let (f, h, p) = (Family::default(), History::new(), DirectoryPrefs::default());
        assert!(!has_data(&f, &h, &p), "settings alone are not data");
        let mut fav = f.clone();
        fav.toggle_favourite("m1");
        assert!(has_data(&fav, &h, &p));
        let mut dir = p.clone();
        dir.toggle_favourite("b.x");
        assert!(has_data(&f, &h, &dir));
        let mut epds = h.clone();
        epds.add(check(d(2026, 11, 2), 7));
        assert!(has_data(&f, &epds, &p));
    }

    #[test]
    fn sizes_are_written_for_people_in_each_language() {
        use crate::domain::lang::Lang::{En, Fr};
        assert_eq!(size(0.0, Fr), ("0".into(), SizeUnit::Kilobytes));
        assert_eq!(size(1.0, Fr), ("1".into(), SizeUnit::Kilobytes));
        assert_eq!(size(48_213.0, En), ("49".into(), SizeUnit::Kilobytes));
        assert_eq!(size(999_999.0, En), ("1000".into(), SizeUnit::Kilobytes));
        assert_eq!(size(1_250_000.0, Fr), ("1,3".into(), SizeUnit::Megabytes));
        assert_eq!(size(1_250_000.0, En), ("1.3".into(), SizeUnit::Megabytes));
        assert_eq!(size(3_000_000.0, Fr), ("3".into(), SizeUnit::Megabytes));
        assert_eq!(size(296_352_743_424.0, En), ("296.4".into(), SizeUnit::Gigabytes));
    }

    #[test]
    fn safari_tabs_on_ios_are_told_apart_from_home_screen_apps() {
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1";
        assert!(ios_browser_tab(iphone, "iPhone", 5, false));
        assert!(!ios_browser_tab(iphone, "iPhone", 5, true), "added to the home screen");
        let ipad_desktop =
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15";
        assert!(ios_browser_tab(ipad_desktop, "MacIntel", 5, false));
        assert!(!ios_browser_tab(ipad_desktop, "MacIntel", 0, false), "a Mac");
        let android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36";
        assert!(!ios_browser_tab(android, "Linux armv8l", 5, false));
    }

    #[test]
    fn unreadable_documents_are_found_by_their_reader() {
        let mut stored = phone();
        stored.push(("epds".into(), "{broken".into()));
        stored.retain(|(k, v)| k != "epds" || v == "{broken");
        stored.push(("settings.unreadable".into(), "x".into()));
        assert_eq!(unreadable_documents(&stored), [("epds".to_string(), "{broken".to_string())]);
        assert_eq!(unreadable_documents(&phone()), []);
    }

    /// A kind of document added later (the trackers of a later issue) is its own type
    /// and one entry in the list of kinds: the export, the import's preview, merge and
    /// replace then carry it with nothing else changed.
    #[test]
    fn a_new_kind_of_document_is_carried_by_export_and_import_with_one_line() {
        #[derive(Clone, Debug, PartialEq)]
        struct Notes(Vec<String>);
        impl Document for Notes {
            const KEY: &'static str = "notes";
            const VERSION: u32 = 1;
            fn to_json(&self) -> String {
                serde_json::json!({ "version": 1, "notes": self.0 }).to_string()
            }
            fn read(text: &str) -> Result<Notes, Problem> {
                let v: serde_json::Value =
                    serde_json::from_str(text).map_err(|e| Problem::Unreadable(e.to_string()))?;
                match v["version"].as_u64() {
                    Some(1) => Ok(Notes(
                        serde_json::from_value(v["notes"].clone()).map_err(|e| Problem::Unreadable(e.to_string()))?,
                    )),
                    Some(n) if n > 1 => Err(Problem::TooNew),
                    _ => Err(Problem::Unreadable("no version".into())),
                }
            }
            fn counts(&self) -> Counts {
                Counts { marks: self.0.len(), ..Counts::default() }
            }
            fn merge(&mut self, theirs: &Notes) -> Counts {
                for note in &theirs.0 {
                    if !self.0.contains(note) {
                        self.0.push(note.clone());
                    }
                }
                Counts::default()
            }
        }
        type WithNotes = (Family, History, DirectoryPrefs, Settings, Notes);
        let notes = |n: &[&str]| Document::to_json(&Notes(n.iter().map(|s| s.to_string()).collect()));

        let mut mine = phone();
        mine.push(("notes".into(), notes(&["a"])));
        let mut theirs = phone();
        theirs.push(("notes".into(), notes(&["b"])));
        let file = parse_in::<WithNotes>(export(&theirs, d(2026, 12, 4)).as_bytes()).unwrap();
        assert!(file.skipped.is_empty(), "known, not skipped");
        assert_eq!(file.contents.get::<Notes>(), Some(&Notes(vec!["b".into()])));

        let merged = apply(&mine, &plan_in::<WithNotes>(&mine, &file, Mode::Merge));
        assert!(merged.contains(&("notes".to_string(), notes(&["a", "b"]))), "{merged:?}");
        let replaced = apply(&mine, &plan_in::<WithNotes>(&mine, &file, Mode::Replace));
        assert!(replaced.contains(&("notes".to_string(), notes(&["b"]))));
        // This build's list of kinds does not know it: skipped and named.
        assert_eq!(parse(export(&theirs, d(2026, 12, 4)).as_bytes()).unwrap().skipped, ["notes"]);
        // A newer notes document refuses the file, as for any kind.
        let newer = [("notes".to_string(), r#"{"version":2}"#.to_string())];
        assert!(matches!(
            parse_in::<WithNotes>(export(&newer, d(2026, 12, 4)).as_bytes()),
            Err(ImportError::BadDocument { problem: Problem::TooNew, .. })
        ));
    }
}
