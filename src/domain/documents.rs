//! The list of every kind of document Cocon keeps on the device (see [`super::document`]
//! for what a document is). The backup, the import, the wipe's confirmation, the
//! reminder and the shell's store go through [`All`]: a new kind of document is its own
//! module, its `impl Document`, and one more type here.

use super::directory_prefs::DirectoryPrefs;
use super::epds_history::History;
use super::family::Family;
use super::settings::Settings;

/// Every kind, in the order the previews name them.
pub type All = (Family, History, DirectoryPrefs, Settings);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::{AnyDocument, Counts, Kinds, Problem};

    #[test]
    fn keys_are_unique_and_safe_to_store() {
        let keys = All::keys();
        for (i, (key, version)) in keys.iter().enumerate() {
            assert!(key.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{key}");
            assert!(*version >= 1, "{key}");
            assert!(keys[..i].iter().all(|(other, _)| other != key), "{key} twice");
        }
        assert_eq!(All::read("journal", "{}").map(|r| r.is_ok()), None, "not a kind of the list");
    }

    /// The rules of `document`, for every kind, on every stored version's fixture.
    #[test]
    fn every_kind_reads_what_it_writes_refuses_newer_and_merges_into_itself_unchanged() {
        let fixtures = crate::domain::fixtures::stored_documents();
        for (key, current) in All::keys() {
            for version in 1..=current {
                assert!(fixtures.iter().any(|(k, v, _)| k == key && *v == version), "no fixture {key}-v{version}.json");
            }
        }
        for (key, version, text) in &fixtures {
            let (_, current) = All::keys().into_iter().find(|(k, _)| k == key).expect("a kind of the list");
            let doc = All::read(key, text).unwrap().unwrap_or_else(|e| panic!("{key}-v{version}: {e:?}"));
            let written = doc.to_json();
            if *version == current {
                assert_eq!(&written, text, "{key}-v{version}: written back as it was");
            } else {
                assert!(*version < current, "{key}-v{version}: newer than this build");
                assert!(written.starts_with(&format!("{{\"version\":{current},")), "{key}-v{version}: migrated");
            }
            assert_eq!(doc.key(), key);
            let again = All::read(key, &written).unwrap().expect("reads its own text");
            assert_eq!(&again, &doc, "{key}: read(to_json(d)) == d");
            let mut merged = doc.clone();
            assert_eq!(merged.merge_any(doc.as_ref()), Counts::default(), "{key}: no conflict with itself");
            assert_eq!(merged.to_json(), doc.to_json(), "{key}: merging into itself changes nothing");
            let summary = All::summary(key, text).unwrap().unwrap();
            assert_eq!((summary.counts, summary.has_data), (doc.counts(), doc.has_data()));
        }
        for (key, _) in All::keys() {
            assert_eq!(All::read(key, r#"{"version":999}"#).unwrap().err(), Some(Problem::TooNew), "{key}");
            assert!(matches!(All::read(key, "{").unwrap(), Err(Problem::Unreadable(_))), "{key}");
        }
    }

    #[test]
    fn a_document_of_another_kind_merges_nothing() {
        let mut family: Box<dyn AnyDocument> = Box::new(Family::default());
        let settings = Settings::new(crate::domain::lang::Lang::En);
        assert_eq!(family.merge_any(&settings), Counts::default());
        assert_eq!(family.to_json(), Family::default().to_json());
    }
}
