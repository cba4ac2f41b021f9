//! Where a fact comes from: the organisation that published it, the document's title,
//! and the address of that document. Messages and calendar rules name their sources this
//! way, and both refuse an address that is a site's home page: a source must lead to the
//! page that states the fact ([`is_document_url`]).
//!
//! Plain Rust and serde only: `build.rs` includes this module with the calendar rules.

use serde::{Deserialize, Serialize};

/// A source: who published it, the document's title, and its address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The organisation, e.g. "Assurance Maladie (ameli.fr)".
    pub org: String,
    /// The page or document that states the fact.
    pub title: String,
    /// Its address, `https://`, never a bare home page.
    pub url: String,
}

/// Whether `url` is the address of a document rather than a site's home page:
/// `https://`, no whitespace, a host of lowercase letters, digits, dots and hyphens with at
/// least one dot inside it, and a path that is more than a language or index page (a
/// query alone does not make a document).
pub fn is_document_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else { return false };
    if url.chars().any(char::is_whitespace) {
        return false;
    }
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host_ok = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
    let home = ["", "fr", "en", "accueil", "index.html", "index.php", "index.htm", "home"];
    host_ok && !home.contains(&path.trim_matches('/').to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_documents_count_as_sources() {
        for home in [
            "https://www.ameli.fr/",
            "https://www.ameli.fr",
            "https://vaccination-info-service.fr/index.php",
            "https://www.1000-premiers-jours.fr/fr",
            "https://www.service-public.fr/?q=grossesse",
            "http://example.fr/page",
            "https://x/a",
            "https://www.ameli.fr/a b",
            "https://.ameli.fr/a",
            "https://www.Ameli.fr/a",
            "https://www.ameli.fr?x/a",
        ] {
            assert!(!is_document_url(home), "{home}");
        }
        for doc in [
            "https://www.service-public.fr/particuliers/vosdroits/F961",
            "https://www.has-sante.fr/jcms/p_3084228/fr/x",
            "https://3114.fr/besoin-d-aide/",
        ] {
            assert!(is_document_url(doc), "{doc}");
        }
    }
}
