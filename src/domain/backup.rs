//! The export of everything Cocon keeps on the device, as one dated, versioned,
//! human-readable JSON file: each stored document as it is (parsed JSON where it is
//! JSON, the raw text otherwise, so that even an unreadable copy is exported).

use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

pub const BACKUP_FORMAT: &str = "cocon-export";
pub const BACKUP_VERSION: u32 = 1;

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
            let value = serde_json::from_str(raw).unwrap_or_else(|_| serde_json::Value::String(raw.clone()));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::d;

    #[test]
    fn every_document_is_exported_readably_even_an_unreadable_one() {
        let docs = vec![
            ("family".to_string(), r#"{"version":1,"profiles":[],"active":null}"#.to_string()),
            ("family.unreadable".to_string(), "{broken".to_string()),
            ("settings".to_string(), r#"{"version":1,"lang":"fr"}"#.to_string()),
        ];
        let text = export(&docs, d(2026, 11, 23));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["format"], "cocon-export");
        assert_eq!(value["version"], 1);
        assert_eq!(value["exported_on"], "2026-11-23");
        assert_eq!(value["documents"]["settings"]["lang"], "fr");
        assert_eq!(value["documents"]["family"]["profiles"], serde_json::json!([]));
        assert_eq!(value["documents"]["family.unreadable"], "{broken");
        assert!(text.contains('\n'), "human-readable: one field a line");
        assert_eq!(file_name(d(2026, 1, 5)), "cocon-2026-01-05.json");
    }
}
