//! What the parent keeps of the directory on the device: favourite entries, their own
//! entries (a midwife's number…) and the entries of the files they imported. One
//! versioned document, like the family's; a plain model whose methods are every change
//! the app can make. Nothing here touches the browser.
//!
//! Entry ids are unique within one origin only (see [`Origin`]), so an entry is named
//! across origins by its [`entry_key`]: `b.<id>` (bundled), `o.<id>` (own) or
//! `i<hash>.<id>` (imported, the hash of the source name). Keys hold only characters
//! that are safe in a URL path.

use super::directory::{
    apply_import, import_sources, preview_import, remove_source, Entry, EntryDraft, Field, FileError, ImportPreview,
    Origin, RejectReason,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The version of the document written by this build.
pub const DIRECTORY_PREFS_VERSION: u32 = 1;
/// The `source` written in the parent's own entries (shown as "added by you").
pub const OWN_SOURCE: &str = "own";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DirectoryPrefs {
    pub version: u32,
    /// The [`entry_key`]s of the favourite entries.
    #[serde(default)]
    pub favourites: BTreeSet<String>,
    /// The parent's own entries (origin [`Origin::Own`]).
    #[serde(default)]
    pub own: Vec<Entry>,
    /// The entries of confirmed imports (origin [`Origin::Imported`]).
    #[serde(default)]
    pub imported: Vec<Entry>,
}

impl Default for DirectoryPrefs {
    fn default() -> Self {
        DirectoryPrefs {
            version: DIRECTORY_PREFS_VERSION,
            favourites: BTreeSet::new(),
            own: Vec::new(),
            imported: Vec::new(),
        }
    }
}

/// Why a stored DirectoryPrefs document cannot be read (see [`super::schema`]).
pub type PrefsError = super::schema::SchemaError;

/// FNV-1a, 32 bits: a short, stable tag of a source name.
fn fnv(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// The key that names `entry` across origins (URL-safe).
pub fn entry_key(entry: &Entry) -> String {
    match &entry.origin {
        Origin::Bundled => format!("b.{}", entry.id),
        Origin::Own => format!("o.{}", entry.id),
        Origin::Imported { source } => format!("i{:08x}.{}", fnv(source), entry.id),
    }
}

/// The département whose pack holds the entry of this [`entry_key`] (a bundled entry whose
/// id is a pack's, see `dila::pack_entry_id`); `None` for any other entry.
pub fn pack_department_of_key(key: &str) -> Option<String> {
    key.strip_prefix("b.").and_then(crate::domain::directory::dila::department_of_entry_id)
}

/// The parent's form for an own entry: every field as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OwnDraft {
    pub name: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub address: String,
    pub notes: String,
}

/// A field of the own-entry form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum OwnField {
    Name,
    Phone,
    Email,
    Website,
    Address,
    Notes,
}

impl OwnField {
    pub const ALL: [OwnField; 6] =
        [OwnField::Name, OwnField::Phone, OwnField::Email, OwnField::Website, OwnField::Address, OwnField::Notes];

    fn of(field: Field) -> OwnField {
        match field {
            Field::Phones | Field::Sms => OwnField::Phone,
            Field::Email => OwnField::Email,
            Field::Website => OwnField::Website,
            Field::Address => OwnField::Address,
            Field::Description => OwnField::Notes,
            _ => OwnField::Name,
        }
    }
}

impl OwnDraft {
    /// The draft of an existing own entry (for editing).
    pub fn of(entry: &Entry) -> OwnDraft {
        OwnDraft {
            name: entry.name.clone(),
            phone: entry.phones.join(", "),
            email: entry.email.clone(),
            website: entry.website.clone(),
            address: entry.address.clone(),
            notes: entry.description.clone(),
        }
    }

    fn entry_draft(&self, id: &str) -> EntryDraft {
        EntryDraft {
            id: id.to_string(),
            name: self.name.clone(),
            phones: self.phone.split([',', ';']).map(str::to_string).collect(),
            email: self.email.clone(),
            website: self.website.clone(),
            address: self.address.clone(),
            description: self.notes.clone(),
            source: OWN_SOURCE.to_string(),
            ..EntryDraft::default()
        }
    }

    /// The entry with id `id`, checked by the core's [`EntryDraft::validate`], or the
    /// reason each field is refused (every field is checked on its own, so the parent
    /// sees every error at once, next to its field).
    pub fn validate(&self, id: &str) -> Result<Entry, Vec<(OwnField, RejectReason)>> {
        match self.entry_draft(id).validate(Origin::Own) {
            Ok(entry) => Ok(entry),
            Err(first) => {
                let mut errors: Vec<(OwnField, RejectReason)> = Vec::new();
                let name_ok = if self.name.trim().is_empty() { "-" } else { self.name.as_str() };
                for field in OwnField::ALL {
                    let mut one = OwnDraft { name: name_ok.to_string(), ..OwnDraft::default() };
                    match field {
                        OwnField::Name => one.name = self.name.clone(),
                        OwnField::Phone => one.phone = self.phone.clone(),
                        OwnField::Email => one.email = self.email.clone(),
                        OwnField::Website => one.website = self.website.clone(),
                        OwnField::Address => one.address = self.address.clone(),
                        OwnField::Notes => one.notes = self.notes.clone(),
                    }
                    if let Err(reason) = one.entry_draft(id).validate(Origin::Own) {
                        errors.push((field, reason));
                    }
                }
                if errors.is_empty() {
                    let field = match &first {
                        RejectReason::UnsafeLink { field, .. }
                        | RejectReason::TooLong { field, .. }
                        | RejectReason::TooManyValues { field, .. } => OwnField::of(*field),
                        _ => OwnField::Name,
                    };
                    errors.push((field, first));
                }
                Err(errors)
            }
        }
    }
}

impl DirectoryPrefs {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the directory document always serialises")
    }

    /// Reads a stored document; an unreadable or newer one is an error, never a silent
    /// empty document.
    pub fn from_json(text: &str) -> Result<DirectoryPrefs, PrefsError> {
        super::schema::read::<DirectoryPrefs>(text, DIRECTORY_PREFS_VERSION).map(Self::repaired)
    }

    /// Keeps the document consistent: own entries are `Own`, imported ones `Imported`.
    fn repaired(mut self) -> DirectoryPrefs {
        self.own.retain(|e| e.origin == Origin::Own);
        self.imported.retain(|e| matches!(e.origin, Origin::Imported { .. }));
        self
    }

    pub fn is_favourite(&self, key: &str) -> bool {
        self.favourites.contains(key)
    }

    pub fn toggle_favourite(&mut self, key: &str) {
        if !self.favourites.remove(key) {
            self.favourites.insert(key.to_string());
        }
    }

    /// The own and imported entries, own first.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.own.iter().chain(&self.imported)
    }

    /// An id for a new own entry.
    pub fn new_own_id(&self) -> String {
        let max = self.own.iter().filter_map(|e| e.id.strip_prefix("own-")?.parse::<u32>().ok()).max().unwrap_or(0);
        format!("own-{}", max + 1)
    }

    /// Adds an own entry from the form. Returns its key.
    pub fn add_own(&mut self, draft: &OwnDraft) -> Result<String, Vec<(OwnField, RejectReason)>> {
        let entry = draft.validate(&self.new_own_id())?;
        let key = entry_key(&entry);
        self.own.push(entry);
        Ok(key)
    }

    /// Replaces the own entry `id` with the form's values (a favourite stays one).
    pub fn update_own(&mut self, id: &str, draft: &OwnDraft) -> Result<(), Vec<(OwnField, RejectReason)>> {
        let entry = draft.validate(id)?;
        match self.own.iter_mut().find(|e| e.id == id) {
            Some(slot) => *slot = entry,
            None => self.own.push(entry),
        }
        Ok(())
    }

    /// Removes the own entry `id`, and its favourite mark.
    pub fn remove_own(&mut self, id: &str) {
        if let Some(entry) = self.own.iter().find(|e| e.id == id) {
            let key = entry_key(entry);
            self.favourites.remove(&key);
        }
        self.own.retain(|e| e.id != id);
    }

    /// Adds what `other` holds and this document lacks, for an import that merges (see
    /// [`super::backup`]): favourites, own entries by id, imported entries by their
    /// [`entry_key`] (source and id). When both hold the same entry in different versions,
    /// this document's is kept; returns how many such conflicts there were. Nothing is
    /// removed, so merging a document into itself changes nothing.
    pub fn merge(&mut self, other: &DirectoryPrefs) -> usize {
        let mut conflicts = 0;
        self.favourites.extend(other.favourites.iter().cloned());
        for (mine, theirs) in [(&mut self.own, &other.own), (&mut self.imported, &other.imported)] {
            for entry in theirs {
                let key = entry_key(entry);
                match mine.iter().find(|e| entry_key(e) == key) {
                    None => mine.push(entry.clone()),
                    Some(e) if e != entry => conflicts += 1,
                    Some(_) => {}
                }
            }
        }
        conflicts
    }

    /// What importing `bytes` under the name `source` would do. Writes nothing.
    pub fn preview_import(&self, bytes: &[u8], source: &str) -> Result<ImportPreview, FileError> {
        preview_import(bytes, source, &self.imported)
    }

    /// Applies a confirmed import.
    pub fn apply_import(&mut self, preview: ImportPreview) {
        self.imported = apply_import(std::mem::take(&mut self.imported), preview);
    }

    /// The import sources with their number of entries, in first-seen order.
    pub fn sources(&self) -> Vec<(String, usize)> {
        import_sources(&self.imported)
            .into_iter()
            .map(|s| {
                let n = self
                    .imported
                    .iter()
                    .filter(|e| matches!(&e.origin, Origin::Imported { source } if source == s))
                    .count();
                (s.to_string(), n)
            })
            .collect()
    }

    /// Removes every entry of an import source, and their favourite marks.
    pub fn remove_source(&mut self, source: &str) {
        for e in self.imported.iter().filter(|e| matches!(&e.origin, Origin::Imported { source: s } if s == source)) {
            self.favourites.remove(&entry_key(e));
        }
        self.imported = remove_source(std::mem::take(&mut self.imported), source);
    }
}

/// The parent's part of the directory under the key `directory`.
impl super::document::Document for DirectoryPrefs {
    const KEY: &'static str = "directory";
    const VERSION: u32 = DIRECTORY_PREFS_VERSION;
    fn to_json(&self) -> String {
        DirectoryPrefs::to_json(self)
    }
    fn read(text: &str) -> Result<DirectoryPrefs, super::document::Problem> {
        Ok(DirectoryPrefs::from_json(text)?)
    }
    fn counts(&self) -> super::document::Counts {
        super::document::Counts {
            entries: self.favourites.len() + self.own.len() + self.imported.len(),
            ..Default::default()
        }
    }
    fn merge(&mut self, theirs: &DirectoryPrefs) -> super::document::Counts {
        super::document::Counts { entries: DirectoryPrefs::merge(self, theirs), ..Default::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_says_which_pack_holds_its_entry() {
        assert_eq!(pack_department_of_key("b.dila-69-0001e12f").as_deref(), Some("69"));
        assert_eq!(pack_department_of_key("b.dila-2b-x").as_deref(), Some("2B"));
        assert_eq!(pack_department_of_key("b.helpline-3114"), None);
        assert_eq!(pack_department_of_key("o.dila-69-x"), None, "an own entry is in no pack");
    }

    const CSV: &str = "nom;code postal;téléphone;site web\nCafé des parents;38300;04 74 00 00 00;https://example.fr\n;38300;;\nAtelier portage;69003;;\n";

    #[test]
    fn a_new_document_round_trips() {
        let mut p = DirectoryPrefs::default();
        p.toggle_favourite("b.partage-besancon");
        p.add_own(&OwnDraft { name: "Ma sage-femme".into(), phone: "06 00 00 00 00".into(), ..OwnDraft::default() })
            .unwrap();
        let preview = p.preview_import(CSV.as_bytes(), "carte").unwrap();
        p.apply_import(preview);
        let back = DirectoryPrefs::from_json(&p.to_json()).unwrap();
        assert_eq!(back, p);
        assert!(p.to_json().starts_with("{\"version\":1,"));
    }

    #[test]
    fn unreadable_and_newer_documents_are_errors() {
        assert!(matches!(DirectoryPrefs::from_json("nope"), Err(PrefsError::Unreadable(_))));
        assert!(matches!(DirectoryPrefs::from_json("{}"), Err(PrefsError::Unreadable(_))));
        assert_eq!(DirectoryPrefs::from_json("{\"version\":2}"), Err(PrefsError::TooNew(2)));
        let p = DirectoryPrefs::from_json("{\"version\":1}").unwrap();
        assert_eq!(p, DirectoryPrefs::default());
    }

    #[test]
    fn favourites_toggle() {
        let mut p = DirectoryPrefs::default();
        assert!(!p.is_favourite("b.x"));
        p.toggle_favourite("b.x");
        assert!(p.is_favourite("b.x"));
        p.toggle_favourite("b.x");
        assert!(!p.is_favourite("b.x"));
    }

    #[test]
    fn keys_name_the_origin_and_are_url_safe() {
        let mut p = DirectoryPrefs::default();
        p.apply_import(p.preview_import(CSV.as_bytes(), "Carte des PMI, 2026 / Isère").unwrap());
        let key = entry_key(&p.imported[0]);
        assert!(key.starts_with('i') && key.ends_with(".cafe-des-parents-38300"), "{key}");
        assert!(key.chars().all(|c| c.is_ascii_alphanumeric() || "-_.:".contains(c)));
        let mut other = p.imported[0].clone();
        other.origin = Origin::Imported { source: "autre".into() };
        assert_ne!(entry_key(&other), key);
        other.origin = Origin::Bundled;
        assert_eq!(entry_key(&other), "b.cafe-des-parents-38300");
    }

    #[test]
    fn own_entries_are_added_edited_and_removed() {
        let mut p = DirectoryPrefs::default();
        let draft = OwnDraft {
            name: "  Ma sage-femme ".into(),
            phone: "06.00.00.00.00".into(),
            email: "mailto:sf@example.fr".into(),
            website: "www.example.fr".into(),
            address: "1 rue de l'Exemple".into(),
            notes: "Le mardi\nmatin".into(),
        };
        let key = p.add_own(&draft).unwrap();
        assert_eq!(key, "o.own-1");
        let e = &p.own[0];
        assert_eq!(
            (e.name.as_str(), e.phones.as_slice()),
            ("Ma sage-femme", ["06 00 00 00 00".to_string()].as_slice())
        );
        assert_eq!((e.email.as_str(), e.website.as_str()), ("sf@example.fr", "https://www.example.fr"));
        assert_eq!(e.description, "Le mardi\nmatin");
        assert_eq!(e.origin, Origin::Own);
        p.toggle_favourite(&key);
        assert_eq!(p.new_own_id(), "own-2");
        p.update_own("own-1", &OwnDraft { name: "Sage-femme".into(), ..OwnDraft::default() }).unwrap();
        assert_eq!(p.own.len(), 1);
        assert_eq!(p.own[0].name, "Sage-femme");
        assert!(p.own[0].phones.is_empty());
        assert!(p.is_favourite(&key));
        p.remove_own("own-1");
        assert!(p.own.is_empty() && p.favourites.is_empty());
    }

    #[test]
    fn every_bad_field_is_reported_and_nothing_is_added() {
        let mut p = DirectoryPrefs::default();
        let draft = OwnDraft {
            name: " ".into(),
            phone: "appelez-moi".into(),
            email: "pas une adresse".into(),
            website: "javascript:alert(1)".into(),
            ..OwnDraft::default()
        };
        let errors = p.add_own(&draft).unwrap_err();
        let fields: Vec<OwnField> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, [OwnField::Name, OwnField::Phone, OwnField::Email, OwnField::Website]);
        assert_eq!(errors[0].1, RejectReason::MissingName);
        assert!(matches!(errors[3].1, RejectReason::UnsafeLink { .. }));
        assert!(p.own.is_empty());
        // The name alone is enough.
        assert!(p.add_own(&OwnDraft { name: "Halte-garderie".into(), ..OwnDraft::default() }).is_ok());
    }

    #[test]
    fn imports_are_previewed_applied_and_removed_by_source() {
        let mut p = DirectoryPrefs::default();
        let preview = p.preview_import(CSV.as_bytes(), "carte").unwrap();
        assert_eq!((preview.to_add.len(), preview.to_update.len()), (2, 0));
        assert_eq!(preview.rejected.len(), 1);
        assert_eq!(preview.rejected[0].line, 3);
        assert_eq!(preview.rejected[0].reason, RejectReason::MissingName);
        assert!(p.imported.is_empty(), "a preview writes nothing");
        p.apply_import(preview);
        assert_eq!(p.sources(), [("carte".to_string(), 2)]);
        // The same file again updates, never duplicates.
        let again = p.preview_import(CSV.as_bytes(), "carte").unwrap();
        assert_eq!((again.to_add.len(), again.to_update.len()), (0, 2));
        p.apply_import(again);
        assert_eq!(p.imported.len(), 2);
        // A second source, then removing the first.
        p.apply_import(p.preview_import(CSV.as_bytes(), "autre").unwrap());
        let key = entry_key(&p.imported[0]);
        p.toggle_favourite(&key);
        assert_eq!(p.sources(), [("carte".to_string(), 2), ("autre".to_string(), 2)]);
        p.remove_source("carte");
        assert_eq!(p.sources(), [("autre".to_string(), 2)]);
        assert!(!p.is_favourite(&key));
        // A whole-file error is an error, and nothing changes.
        let before = p.clone();
        assert!(p.preview_import(b"", "x").is_err());
        assert_eq!(p, before);
    }

    #[test]
    fn merging_is_a_union_that_keeps_this_phones_version() {
        let mut phone = DirectoryPrefs::default();
        phone.add_own(&OwnDraft { name: "Ma sage-femme".into(), ..OwnDraft::default() }).unwrap();
        phone.apply_import(phone.preview_import(CSV.as_bytes(), "carte").unwrap());
        phone.toggle_favourite("b.partage-besancon");
        let mut itself = phone.clone();
        assert_eq!(itself.merge(&phone), 0);
        assert_eq!(itself, phone);
        assert_eq!(itself.to_json(), phone.to_json());

        let mut file = phone.clone();
        file.update_own("own-1", &OwnDraft { name: "Autre nom".into(), ..OwnDraft::default() }).unwrap();
        file.add_own(&OwnDraft { name: "Pédiatre".into(), ..OwnDraft::default() }).unwrap();
        file.apply_import(file.preview_import(CSV.as_bytes(), "autre").unwrap());
        file.toggle_favourite("b.partage-besancon");
        file.toggle_favourite("o.own-2");
        let mut merged = phone.clone();
        assert_eq!(merged.merge(&file), 1, "own-1 differs: the phone's is kept");
        assert_eq!(merged.own.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["Ma sage-femme", "Pédiatre"]);
        assert_eq!(merged.sources(), [("carte".to_string(), 2), ("autre".to_string(), 2)]);
        assert!(merged.is_favourite("b.partage-besancon"), "a favourite is never removed by a merge");
        assert!(merged.is_favourite("o.own-2"));
        let again = merged.clone();
        merged.merge(&file);
        assert_eq!(merged, again);
    }

    #[test]
    fn a_stored_document_with_misplaced_entries_is_repaired() {
        let mut p = DirectoryPrefs::default();
        p.add_own(&OwnDraft { name: "A".into(), ..OwnDraft::default() }).unwrap();
        let mut moved = p.clone();
        moved.imported = moved.own.clone();
        let back = DirectoryPrefs::from_json(&moved.to_json()).unwrap();
        assert!(back.imported.is_empty());
        assert_eq!(back.own.len(), 1);
    }
}
