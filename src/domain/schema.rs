//! Stored documents carry a schema version. Reading one is the same for every kind:
//! parse the JSON, check the version (a newer one is refused, never guessed at), then
//! decode it into its type. Migrations from older versions will hook in here.

use serde::de::DeserializeOwned;

/// Why a stored document cannot be read. The caller keeps it aside untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchemaError {
    /// Not JSON, not of the expected shape, or without a known version.
    Unreadable(String),
    /// Written by a newer Cocon.
    TooNew(u64),
}

/// Reads a document of schema version `current` into `T`.
pub fn read<T: DeserializeOwned>(text: &str, current: u32) -> Result<T, SchemaError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| SchemaError::Unreadable(e.to_string()))?;
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(current) => {
            serde_json::from_value(value).map_err(|e| SchemaError::Unreadable(e.to_string()))
        }
        Some(v) if v > u64::from(current) => Err(SchemaError::TooNew(v)),
        _ => Err(SchemaError::Unreadable("no known version".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Doc {
        version: u32,
        n: u8,
    }

    #[test]
    fn versions_are_checked_before_decoding() {
        assert_eq!(read::<Doc>(r#"{"version":3,"n":1}"#, 3), Ok(Doc { version: 3, n: 1 }));
        assert_eq!(read::<Doc>(r#"{"version":4,"n":1}"#, 3), Err(SchemaError::TooNew(4)));
        assert!(matches!(read::<Doc>(r#"{"n":1}"#, 3), Err(SchemaError::Unreadable(_))));
        assert!(matches!(read::<Doc>(r#"{"version":3}"#, 3), Err(SchemaError::Unreadable(_))));
        assert!(matches!(read::<Doc>("[", 3), Err(SchemaError::Unreadable(_))));
    }
}
