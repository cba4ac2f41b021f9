//! The languages Cocon speaks, and how the first one is chosen.

use serde::{Deserialize, Serialize};

/// A language of the interface. French first: it is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The BCP 47 code, as used in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses a language tag such as `fr`, `fr-FR`, `en_GB` or `EN-us`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first language of the browser's list that Cocon speaks; French otherwise.
    pub fn negotiate<S: AsRef<str>>(preferred: &[S]) -> Lang {
        preferred.iter().find_map(|tag| Lang::from_tag(tag.as_ref())).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_parsed_by_their_primary_subtag() {
        assert_eq!(Lang::from_tag("fr"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("fr-BE"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("EN-us"), Some(Lang::En));
        assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de-DE"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::from_tag("french"), None);
    }

    #[test]
    fn negotiation_takes_the_first_language_we_speak() {
        assert_eq!(Lang::negotiate(&["en-GB", "fr"]), Lang::En);
        assert_eq!(Lang::negotiate(&["ar", "fr-FR", "en"]), Lang::Fr);
        assert_eq!(Lang::negotiate(&["de", "en-US"]), Lang::En);
    }

    #[test]
    fn negotiation_falls_back_to_french() {
        assert_eq!(Lang::negotiate::<&str>(&[]), Lang::Fr);
        assert_eq!(Lang::negotiate(&["es", "it"]), Lang::Fr);
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.code()), Some(lang));
        }
    }
}
