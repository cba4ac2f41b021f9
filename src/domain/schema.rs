//! Stored documents carry a schema version. Reading one is the same for every kind:
//! parse the JSON, check the version (a newer one is refused, never guessed at), bring
//! an older one up to date through its migrations, then decode it into its type.
//!
//! Migrations form a chain: `migrations[0]` turns version 1 into version 2,
//! `migrations[1]` version 2 into 3, and so on, so that a document of any earlier
//! version is brought up step by step, in order, before it is decoded. Each step is a
//! plain function on the JSON value and writes the version it produces.

use serde::de::DeserializeOwned;

/// Why a stored document cannot be read. The caller keeps it aside untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchemaError {
    /// Not JSON, not of the expected shape, or without a known version.
    Unreadable(String),
    /// Written by a newer Cocon.
    TooNew(u64),
}

impl std::fmt::Display for SchemaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SchemaError::Unreadable(detail) => write!(f, "unreadable: {detail}"),
            SchemaError::TooNew(v) => write!(f, "version {v} is newer than this Cocon"),
        }
    }
}

/// One step of a migration chain: the document of version `n` (as JSON) to version `n + 1`.
pub type Migration = fn(serde_json::Value) -> Result<serde_json::Value, String>;

/// The version a document declares, checked against `current`.
fn version_of(value: &serde_json::Value, current: u32) -> Result<u32, SchemaError> {
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v > u64::from(current) => Err(SchemaError::TooNew(v)),
        Some(v) if v >= 1 => Ok(v as u32),
        _ => Err(SchemaError::Unreadable("no known version".into())),
    }
}

/// Brings a parsed document of an earlier version up to `current` (see the module's
/// rule for `migrations`). A document already at `current` is returned unchanged.
pub fn migrate(
    mut value: serde_json::Value,
    current: u32,
    migrations: &[Migration],
) -> Result<serde_json::Value, SchemaError> {
    debug_assert_eq!(migrations.len() + 1, current as usize, "one migration per earlier version");
    let mut version = version_of(&value, current)?;
    while version < current {
        let step = migrations
            .get(version as usize - 1)
            .ok_or_else(|| SchemaError::Unreadable(format!("no migration from version {version}")))?;
        value = step(value).map_err(|e| SchemaError::Unreadable(format!("migrating from version {version}: {e}")))?;
        let next = version_of(&value, current)?;
        if next != version + 1 {
            return Err(SchemaError::Unreadable(format!("migration from version {version} wrote version {next}")));
        }
        version = next;
    }
    Ok(value)
}

/// Reads a document of schema version `current` into `T`, with no earlier version to
/// migrate from.
pub fn read<T: DeserializeOwned>(text: &str, current: u32) -> Result<T, SchemaError> {
    read_migrating(text, current, &[])
}

/// Reads a document into `T`: a document of an earlier version goes through
/// `migrations` first (one per earlier version, see the module's rule).
pub fn read_migrating<T: DeserializeOwned>(
    text: &str,
    current: u32,
    migrations: &[Migration],
) -> Result<T, SchemaError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| SchemaError::Unreadable(e.to_string()))?;
    let value = migrate(value, current, migrations)?;
    serde_json::from_value(value).map_err(|e| SchemaError::Unreadable(e.to_string()))
}

/// A migration step's helper: the document as an object, to add or rename fields.
pub fn object_mut(value: &mut serde_json::Value) -> Result<&mut serde_json::Map<String, serde_json::Value>, String> {
    value.as_object_mut().ok_or_else(|| "not an object".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Doc {
        version: u32,
        n: u8,
    }

    #[test]
    fn a_current_document_needs_no_migration() {
        assert_eq!(read::<Doc>(r#"{"version":1,"n":1}"#, 1), Ok(Doc { version: 1, n: 1 }));
        assert_eq!(read::<Doc>(r#"{"version":2,"n":1}"#, 1), Err(SchemaError::TooNew(2)));
        assert!(matches!(read::<Doc>(r#"{"version":0,"n":1}"#, 1), Err(SchemaError::Unreadable(_))));
        assert!(matches!(read::<Doc>(r#"{"n":1}"#, 1), Err(SchemaError::Unreadable(_))));
        assert!(matches!(read::<Doc>(r#"{"version":1}"#, 1), Err(SchemaError::Unreadable(_))));
        assert!(matches!(read::<Doc>("[", 1), Err(SchemaError::Unreadable(_))));
    }

    /// Version 1 called the field `count`; version 2 `n`; version 3 doubled it.
    fn one_to_two(mut v: serde_json::Value) -> Result<serde_json::Value, String> {
        let o = object_mut(&mut v)?;
        let count = o.remove("count").ok_or("no count")?;
        o.insert("n".into(), count);
        o.insert("version".into(), json!(2));
        Ok(v)
    }

    fn two_to_three(mut v: serde_json::Value) -> Result<serde_json::Value, String> {
        let o = object_mut(&mut v)?;
        let n = o.get("n").and_then(serde_json::Value::as_u64).ok_or("no n")?;
        o.insert("n".into(), json!(n * 2));
        o.insert("version".into(), json!(3));
        Ok(v)
    }

    const CHAIN: [Migration; 2] = [one_to_two, two_to_three];

    #[test]
    fn earlier_versions_go_through_every_step_in_order() {
        assert_eq!(read_migrating::<Doc>(r#"{"version":1,"count":4}"#, 3, &CHAIN), Ok(Doc { version: 3, n: 8 }));
        assert_eq!(read_migrating::<Doc>(r#"{"version":2,"n":4}"#, 3, &CHAIN), Ok(Doc { version: 3, n: 8 }));
        assert_eq!(read_migrating::<Doc>(r#"{"version":3,"n":4}"#, 3, &CHAIN), Ok(Doc { version: 3, n: 4 }));
        assert_eq!(read_migrating::<Doc>(r#"{"version":4,"n":4}"#, 3, &CHAIN), Err(SchemaError::TooNew(4)));
        // A step that cannot apply makes the document unreadable, never half-migrated.
        assert!(matches!(read_migrating::<Doc>(r#"{"version":1,"n":4}"#, 3, &CHAIN), Err(SchemaError::Unreadable(_))));
    }

    #[test]
    fn a_step_must_write_the_next_version() {
        fn forgets(v: serde_json::Value) -> Result<serde_json::Value, String> {
            Ok(v)
        }
        let chain: [Migration; 1] = [forgets];
        assert!(matches!(read_migrating::<Doc>(r#"{"version":1,"n":4}"#, 2, &chain), Err(SchemaError::Unreadable(_))));
    }
}
