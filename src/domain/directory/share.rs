//! Entries a nurse shows a parent as a QR code, with no server: the entries travel in the
//! address's fragment (`/directory/import#d=…`), which a browser never sends to a server.
//! The parent's phone opens Cocon with them in the import preview, to keep or not; they are
//! checked there exactly like an imported file.
//!
//! The fragment is the entries' directory document (`docs/directory-format.md`), compact
//! JSON, deflated (RFC 1951), in base64url without padding. It is limited to [`MAX_ENTRIES`] entries and
//! [`MAX_FRAGMENT_CHARS`] characters, so that the QR code stays one a phone's camera reads;
//! descriptions are left out when they would not fit (English first).

use super::super::base64url;
use super::import::document_value;
use super::Entry;
use std::fmt;

/// The most entries one code carries ("what I told you about today").
pub const MAX_ENTRIES: usize = 5;
/// The longest fragment: about a version 25 QR code at level M, still read by a phone.
pub const MAX_FRAGMENT_CHARS: usize = 1_600;
/// The page that receives a shared fragment.
pub const RECEIVE_PATH: &str = "/directory/import";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing to share.
    Empty,
    /// More entries than [`MAX_ENTRIES`].
    TooMany { max: usize },
    /// Too long for one code: fewer entries, or shorter ones.
    TooLong { chars: usize, max: usize },
    /// The fragment is not one Cocon wrote (not base64url, cut, or too long).
    Unreadable,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Empty => write!(f, "nothing to share"),
            ShareError::TooMany { max } => write!(f, "at most {max} entries"),
            ShareError::TooLong { chars, max } => write!(f, "{chars} characters, at most {max}"),
            ShareError::Unreadable => write!(f, "not a shared list of Cocon"),
        }
    }
}

/// The fragment (without `#`) that carries `entries`.
pub fn fragment_of(entries: &[Entry]) -> Result<String, ShareError> {
    if entries.is_empty() {
        return Err(ShareError::Empty);
    }
    if entries.len() > MAX_ENTRIES {
        return Err(ShareError::TooMany { max: MAX_ENTRIES });
    }
    let encode = |entries: &[Entry]| {
        let json = serde_json::to_string(&document_value(entries, None)).unwrap_or_default();
        format!("d={}", base64url::encode(&miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9)))
    };
    // What matters to reach a place goes first: when the whole is too long for one code,
    // the English descriptions are left out, then the French ones.
    let mut entries = entries.to_vec();
    let mut fragment = encode(&entries);
    for step in 0..2 {
        if fragment.len() <= MAX_FRAGMENT_CHARS {
            break;
        }
        for e in &mut entries {
            if step == 0 {
                e.description_en = None;
            } else {
                e.description.clear();
            }
        }
        fragment = encode(&entries);
    }
    let chars = fragment.len();
    if chars > MAX_FRAGMENT_CHARS {
        return Err(ShareError::TooLong { chars, max: MAX_FRAGMENT_CHARS });
    }
    Ok(fragment)
}

/// The address a QR code shows: this origin's receiving page with the fragment.
pub fn share_url(origin: &str, entries: &[Entry]) -> Result<String, ShareError> {
    Ok(format!("{origin}{RECEIVE_PATH}#{}", fragment_of(entries)?))
}

/// The document a fragment carries (`#d=…`, with or without the `#`), as bytes for the
/// import preview; `None` when the address has no shared list; `Err` when it has one that
/// cannot be read.
pub fn read_fragment(hash: &str) -> Option<Result<Vec<u8>, ShareError>> {
    let body = hash.strip_prefix('#').unwrap_or(hash).strip_prefix("d=")?;
    if body.len() > MAX_FRAGMENT_CHARS {
        return Some(Err(ShareError::Unreadable));
    }
    let deflated = match base64url::decode(body) {
        Some(d) => d,
        None => return Some(Err(ShareError::Unreadable)),
    };
    // A bomb stops at the import's own size limit.
    Some(
        miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, super::MAX_FILE_BYTES)
            .map_err(|_| ShareError::Unreadable),
    )
}

#[cfg(test)]
mod tests {
    use super::super::{load_bundled, preview_import, Origin};
    use super::*;

    const BUNDLED: &str = include_str!("../../../public/content/directory.json");

    #[test]
    fn shared_entries_arrive_in_the_import_preview_as_they_left() {
        let entries = load_bundled(BUNDLED).unwrap();
        let shared = &entries[..3];
        let url = share_url("https://cocon.example.fr", shared).unwrap();
        let (page, hash) = url.split_once('#').unwrap();
        assert_eq!(page, "https://cocon.example.fr/directory/import");
        let bytes = read_fragment(&format!("#{hash}")).unwrap().unwrap();
        let preview = preview_import(&bytes, "Partagé le 4 décembre 2026", &[]).unwrap();
        assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
        assert_eq!(preview.to_add.len(), 3);
        assert_eq!(
            preview.to_add.iter().map(|e| e.description.as_str()).collect::<Vec<_>>(),
            shared.iter().map(|e| e.description.as_str()).collect::<Vec<_>>()
        );
        for (got, sent) in preview.to_add.iter().zip(shared) {
            let Origin::Imported { source } = &got.origin else { panic!() };
            assert_eq!(source, "Partagé le 4 décembre 2026");
            assert_eq!(
                (got.id.as_str(), got.name.as_str(), &got.phones, &got.source),
                (sent.id.as_str(), sent.name.as_str(), &sent.phones, &sent.source)
            );
        }
        // The QR code of the longest allowed address is drawn.
        assert!(crate::domain::qr::qr_path(&url).is_some());
    }

    #[test]
    fn too_many_too_long_or_broken_lists_are_refused() {
        let entries = load_bundled(BUNDLED).unwrap();
        assert_eq!(fragment_of(&[]), Err(ShareError::Empty));
        let six: Vec<Entry> = entries.iter().cycle().take(6).cloned().collect();
        assert_eq!(fragment_of(&six), Err(ShareError::TooMany { max: MAX_ENTRIES }));
        // Text that does not compress (a pseudo-random walk over letters) makes a list too long.
        let mut seed: u32 = 12345;
        let mut noise = |n: usize| -> String {
            (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    (b'a' + (seed >> 16) as u8 % 26) as char
                })
                .collect()
        };
        let mut long = entries[0].clone();
        long.name = noise(200);
        long.address = noise(200);
        long.hours = noise(500);
        long.organisation = noise(200);
        let longs: Vec<Entry> = (0..5)
            .map(|i| Entry { id: format!("long-{i}"), name: noise(200), hours: noise(500), ..long.clone() })
            .collect();
        assert!(matches!(fragment_of(&longs), Err(ShareError::TooLong { .. })));
        // Five entries of the directory fit (without their descriptions), and so does their QR code.
        let five = fragment_of(&entries[..5]);
        assert!(five.is_ok(), "{five:?}");
        assert!(
            crate::domain::qr::qr_path(&format!("https://cocon.example.fr{RECEIVE_PATH}#{}", five.unwrap())).is_some()
        );
        assert_eq!(read_fragment(""), None);
        assert_eq!(read_fragment("#section"), None);
        assert_eq!(read_fragment("#d=%%%"), Some(Err(ShareError::Unreadable)));
        assert_eq!(read_fragment(&format!("#d={}", "A".repeat(2000))), Some(Err(ShareError::Unreadable)));
        // Base64url that is not deflate.
        assert_eq!(read_fragment("#d=Zm9vYmFy"), Some(Err(ShareError::Unreadable)));
        // A readable fragment of anything else goes to the import's own checks.
        let hostile = br#"{"version":1,"entries":[{"name":"x","website":"javascript:alert(1)"}]}"#;
        let fragment = format!("#d={}", base64url::encode(&miniz_oxide::deflate::compress_to_vec(hostile, 9)));
        let bytes = read_fragment(&fragment).unwrap().unwrap();
        let preview = preview_import(&bytes, "Partagé", &[]).unwrap();
        assert!(preview.to_add.is_empty() && preview.rejected.len() == 1);
    }
}
