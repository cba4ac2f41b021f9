//! National helplines (from shared/domain/resources.md): numbers in
//! `public/content/helplines.json`, names, hours and purpose per language in
//! `locales/<lang>/helplines.json`. Used by the EPDS results and the directory.

use serde::Deserialize;
use std::collections::BTreeMap;

pub const HELPLINES_VERSION: u32 = 1;

/// How a line is reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Call,
    Sms,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelplineMeta {
    /// Stable id, e.g. "3114", "allo-parents-bebe" (the EPDS help references use it).
    pub id: String,
    /// As written for people: "0 800 00 34 56".
    pub number: String,
    /// `tel:` or `sms:` link.
    pub uri: String,
    pub channel: Channel,
    /// `None` when the source does not say.
    pub free: Option<bool>,
    /// The source says the hours change: the app says "check the hours".
    pub check_hours: bool,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelplineText {
    pub name: String,
    pub hours: String,
    #[serde(rename = "for")]
    pub purpose: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Helpline {
    pub meta: HelplineMeta,
    pub text: HelplineText,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetaFile {
    version: u32,
    #[serde(deserialize_with = "super::iso_date::de::date")]
    reviewed: chrono::NaiveDate,
    #[allow(dead_code)]
    source_file: String,
    helplines: Vec<HelplineMeta>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TextFile {
    version: u32,
    helplines: BTreeMap<String, HelplineText>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HelplinesError {
    Unreadable(String),
    VersionMismatch,
    BadUri(String),
    MissingText(String),
    TextForUnknownId(String),
    /// A free number (0 800 to 0 805, or an emergency number) not marked `free`.
    FreeNotMarked(String),
}

/// Numbers free for the caller whatever the line says: the short emergency numbers, and
/// the "numéros verts" 0 800 to 0 805 (Arcep's numbering plan, green band).
pub fn is_free_number(digits: &str) -> bool {
    matches!(digits, "15" | "17" | "18" | "112" | "114" | "119" | "3114")
        || (digits.len() == 10 && digits.starts_with("080") && matches!(digits.as_bytes()[3], b'0'..=b'5'))
}

/// The helplines in one language, in the order of the data file, and the day the data
/// was last checked against its sources.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Helplines {
    lines: Vec<Helpline>,
    reviewed: chrono::NaiveDate,
}

impl Helplines {
    pub fn from_json(meta: &str, texts: &str) -> Result<Helplines, HelplinesError> {
        let meta: MetaFile = serde_json::from_str(meta).map_err(|e| HelplinesError::Unreadable(e.to_string()))?;
        let mut texts: TextFile = serde_json::from_str(texts).map_err(|e| HelplinesError::Unreadable(e.to_string()))?;
        if meta.version != HELPLINES_VERSION || texts.version != HELPLINES_VERSION {
            return Err(HelplinesError::VersionMismatch);
        }
        let mut lines = Vec::new();
        for m in meta.helplines {
            let digits = m.uri.trim_start_matches("tel:").trim_start_matches("sms:");
            let scheme_ok = match m.channel {
                Channel::Call => m.uri.starts_with("tel:"),
                Channel::Sms => m.uri.starts_with("sms:"),
            };
            let same_number = digits == m.number.replace(' ', "");
            if !scheme_ok || digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || !same_number {
                return Err(HelplinesError::BadUri(m.id));
            }
            if is_free_number(digits) && m.free != Some(true) {
                return Err(HelplinesError::FreeNotMarked(m.id));
            }
            let text = texts.helplines.remove(&m.id).ok_or_else(|| HelplinesError::MissingText(m.id.clone()))?;
            lines.push(Helpline { meta: m, text });
        }
        if let Some(id) = texts.helplines.into_keys().next() {
            return Err(HelplinesError::TextForUnknownId(id));
        }
        Ok(Helplines { lines, reviewed: meta.reviewed })
    }

    pub fn all(&self) -> &[Helpline] {
        &self.lines
    }

    pub fn get(&self, id: &str) -> Option<&Helpline> {
        self.lines.iter().find(|h| h.meta.id == id)
    }

    /// The day the numbers and hours were last checked against their sources.
    pub fn reviewed(&self) -> chrono::NaiveDate {
        self.reviewed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const META: &str = include_str!("../../public/content/helplines.json");
    const FR: &str = include_str!("../../locales/fr/helplines.json");
    const EN: &str = include_str!("../../locales/en/helplines.json");

    #[test]
    fn both_languages_load_with_the_verified_numbers() {
        for texts in [FR, EN] {
            let lines = Helplines::from_json(META, texts).unwrap();
            assert_eq!(lines.all().len(), 13);
            // The numbers of resources.md, exactly.
            let numbers: Vec<(&str, &str)> =
                lines.all().iter().map(|h| (h.meta.id.as_str(), h.meta.uri.as_str())).collect();
            for expected in [
                ("3114", "tel:3114"),
                ("15", "tel:15"),
                ("112", "tel:112"),
                ("17", "tel:17"),
                ("114", "sms:114"),
                ("119", "tel:119"),
                ("3919", "tel:3919"),
                ("allo-parents-bebe", "tel:0800003456"),
                ("allo-parents-en-crise", "tel:0805382300"),
                ("sos-prema", "tel:0800966060"),
                ("sos-parentalite", "tel:0974763963"),
                ("alcool-info-service", "tel:0980980930"),
                ("tabac-info-service", "tel:3989"),
            ] {
                assert!(numbers.contains(&expected), "{expected:?}");
            }
            assert!(lines.all().iter().all(|h| !h.text.name.is_empty() && !h.text.hours.is_empty()));
        }
    }

    #[test]
    fn free_lines_are_marked_and_said_free() {
        for (texts, word) in [(FR, "gratuit"), (EN, "free")] {
            let lines = Helplines::from_json(META, texts).unwrap();
            for id in
                ["15", "112", "17", "114", "3114", "119", "allo-parents-bebe", "allo-parents-en-crise", "sos-prema"]
            {
                let line = lines.get(id).unwrap();
                assert_eq!(line.meta.free, Some(true), "{id}");
                assert!(line.text.hours.to_lowercase().contains(word), "{id}: {}", line.text.hours);
            }
        }
        assert!(is_free_number("0800003456") && is_free_number("0805382300") && is_free_number("17"));
        assert!(!is_free_number("0806000000") && !is_free_number("0974763963") && !is_free_number("0980980930"));
    }

    #[test]
    fn a_free_number_not_marked_free_is_refused() {
        let meta = r#"{"version":1,"reviewed":"2026-11-23","source_file":"x","helplines":[{"id":"a","number":"0 800 00 00 00","uri":"tel:0800000000","channel":"call","free":null,"check_hours":false,"source":"s"}]}"#;
        let text = r#"{"version":1,"helplines":{"a":{"name":"n","hours":"h","for":"f"}}}"#;
        assert_eq!(Helplines::from_json(meta, text), Err(HelplinesError::FreeNotMarked("a".into())));
    }

    /// In France a phone needs a SIM card to call 112 (calls without one are not put
    /// through): no text may say otherwise (resources.md; mairie de Crévoux; Centre européen
    /// des consommateurs France).
    #[test]
    fn no_text_says_112_works_without_a_sim_card() {
        let texts = [
            FR,
            EN,
            include_str!("../../locales/fr/messages.json"),
            include_str!("../../locales/en/messages.json"),
            include_str!("../../public/content/directory.json"),
        ];
        for text in texts {
            let lower = text.to_lowercase();
            for wrong in ["sans carte sim", "sans sim", "without a sim", "without sim", "no sim"] {
                assert!(!lower.contains(wrong), "{wrong}");
            }
        }
    }

    #[test]
    fn bad_data_is_refused() {
        let meta = |uri: &str| {
            format!(
                r#"{{"version":1,"reviewed":"2026-11-23","source_file":"x","helplines":[{{"id":"a","number":"15","uri":"{uri}","channel":"call","free":true,"check_hours":false,"source":"s"}}]}}"#
            )
        };
        let text = r#"{"version":1,"helplines":{"a":{"name":"n","hours":"h","for":"f"}}}"#;
        assert!(Helplines::from_json(&meta("tel:15"), text).is_ok());
        assert_eq!(Helplines::from_json(&meta("javascript:alert(1)"), text), Err(HelplinesError::BadUri("a".into())));
        assert_eq!(Helplines::from_json(&meta("tel:16"), text), Err(HelplinesError::BadUri("a".into())));
        assert_eq!(
            Helplines::from_json(&meta("tel:15"), r#"{"version":1,"helplines":{}}"#),
            Err(HelplinesError::MissingText("a".into()))
        );
        assert!(matches!(
            Helplines::from_json(
                &meta("tel:15"),
                r#"{"version":1,"helplines":{"a":{"name":"n","hours":"h","for":"f"},"b":{"name":"n","hours":"h","for":"f"}}}"#
            ),
            Err(HelplinesError::TextForUnknownId(_))
        ));
    }
}
