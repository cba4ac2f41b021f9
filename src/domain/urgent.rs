//! The urgent page, "when to call": the signs in pregnancy and for the baby that mean
//! calling 15 (or going to the maternity unit) now, and those that mean seeing a doctor
//! today, with the emergency numbers.
//!
//! The data lives in `public/content/urgent.json` (which helplines, the sources, the review
//! date) and `locales/<lang>/urgent.json` (the words). `scripts/urgent-page.mjs` turns them
//! into one plain HTML page a language at build time, so that the page opens even when the
//! app cannot start; this module is the data's definition and its checks, run natively by
//! `cargo test` (the app itself only links to the page).

use super::helplines::Channel;
use super::source::Source;
use serde::Deserialize;

pub const URGENT_VERSION: u32 = 1;

/// The address of the page in `lang` (`URGENT_PAGES` of `scripts/urgent-page.mjs`).
pub fn page_path(lang: super::lang::Lang) -> &'static str {
    match lang {
        super::lang::Lang::Fr => "/urgent.html",
        super::lang::Lang::En => "/urgent.en.html",
    }
}

/// The sections the page may have, in this order. The two `_now` ones are required; a
/// same-day section is there only when a source names its signs (none does yet: see
/// `docs/content.md`).
pub const SECTIONS: [&str; 4] = ["pregnancy_now", "pregnancy_today", "baby_now", "baby_today"];
/// The sections every version of the page has.
pub const REQUIRED_SECTIONS: [&str; 2] = ["pregnancy_now", "baby_now"];

/// The numbers the page must show: the medical emergency numbers, the emergency by text,
/// and the suicide prevention line (resources.md, the EPDS safety screen's numbers).
pub const REQUIRED_HELPLINES: [&str; 4] = ["15", "112", "114", "3114"];

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrgentMeta {
    pub version: u32,
    #[serde(deserialize_with = "super::iso_date::de::date")]
    pub reviewed: chrono::NaiveDate,
    /// Helpline ids of `public/content/helplines.json`, in the order of the call buttons.
    pub helplines: Vec<String>,
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub heading: String,
    pub signs: Vec<String>,
}

/// The words of the page in one language.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrgentText {
    pub version: u32,
    pub title: String,
    /// The first sentence under the title.
    pub intro: String,
    /// The name of the list of call buttons.
    pub call_heading: String,
    /// Read by a screen reader before a number: "Call", "Text".
    pub call: String,
    pub sms: String,
    pub sections: Vec<Section>,
    /// The last word before the sources.
    pub doubt: String,
    /// Where the signs come from, in words, when no source page states them all.
    pub basis: String,
    pub sources_heading: String,
    /// With `{date}`.
    pub reviewed: String,
    pub back: String,
    /// The link to the page in the other language, written in that language.
    pub other_language: String,
}

/// Why the urgent page's data was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrgentError {
    Unreadable(String),
    Version(u32),
    /// A required helpline is missing, or a listed one is not in the helplines file.
    Helpline(String),
    /// A source that is not the address of a document, or blank.
    Source(String),
    /// The sections are not [`SECTIONS`], in order.
    Sections(Vec<String>),
    /// A section without signs, with more than 10, or a blank or overlong text.
    Text(String),
}

impl std::fmt::Display for UrgentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UrgentError::Unreadable(e) => write!(f, "unreadable: {e}"),
            UrgentError::Version(v) => write!(f, "version {v}, expected {URGENT_VERSION}"),
            UrgentError::Helpline(id) => write!(f, "helpline {id:?} missing or unknown"),
            UrgentError::Source(url) => write!(f, "source {url:?} is not a document's address"),
            UrgentError::Sections(ids) => {
                write!(f, "sections {ids:?}: {REQUIRED_SECTIONS:?} are needed, in the order of {SECTIONS:?}")
            }
            UrgentError::Text(what) => write!(f, "text refused: {what}"),
        }
    }
}

/// The longest sign, in characters: a phrase a parent takes in at a glance.
pub const MAX_SIGN_CHARS: usize = 110;

/// Reads and checks `public/content/urgent.json` against the helplines' ids and channels.
pub fn parse_meta(json: &str, helplines: &[(String, Channel)]) -> Result<UrgentMeta, UrgentError> {
    let meta: UrgentMeta = serde_json::from_str(json).map_err(|e| UrgentError::Unreadable(e.to_string()))?;
    if meta.version != URGENT_VERSION {
        return Err(UrgentError::Version(meta.version));
    }
    for id in REQUIRED_HELPLINES {
        if !meta.helplines.iter().any(|h| h == id) {
            return Err(UrgentError::Helpline(id.into()));
        }
    }
    if let Some(id) = meta.helplines.iter().find(|id| !helplines.iter().any(|(h, _)| h == *id)) {
        return Err(UrgentError::Helpline(id.clone()));
    }
    if meta.sources.is_empty() {
        return Err(UrgentError::Source(String::new()));
    }
    if let Some(s) = meta
        .sources
        .iter()
        .find(|s| !super::source::is_document_url(&s.url) || s.org.trim().is_empty() || s.title.trim().is_empty())
    {
        return Err(UrgentError::Source(s.url.clone()));
    }
    Ok(meta)
}

/// Reads and checks `locales/<lang>/urgent.json`.
pub fn parse_text(json: &str) -> Result<UrgentText, UrgentError> {
    let text: UrgentText = serde_json::from_str(json).map_err(|e| UrgentError::Unreadable(e.to_string()))?;
    if text.version != URGENT_VERSION {
        return Err(UrgentError::Version(text.version));
    }
    let ids: Vec<String> = text.sections.iter().map(|s| s.id.clone()).collect();
    let mut order = SECTIONS.iter();
    let in_order = ids.iter().all(|id| order.any(|s| s == id));
    if !in_order || !REQUIRED_SECTIONS.iter().all(|r| ids.iter().any(|id| id == r)) {
        return Err(UrgentError::Sections(ids));
    }
    for s in &text.sections {
        if s.signs.is_empty() || s.signs.len() > 10 {
            return Err(UrgentError::Text(format!("{}: {} signs", s.id, s.signs.len())));
        }
        if let Some(sign) = s.signs.iter().find(|x| x.trim().is_empty() || x.chars().count() > MAX_SIGN_CHARS) {
            return Err(UrgentError::Text(format!("{}: {sign:?}", s.id)));
        }
    }
    let words = [
        &text.title,
        &text.intro,
        &text.call_heading,
        &text.call,
        &text.sms,
        &text.doubt,
        &text.basis,
        &text.sources_heading,
        &text.reviewed,
        &text.back,
        &text.other_language,
    ];
    if words.iter().any(|w| w.trim().is_empty()) || text.sections.iter().any(|s| s.heading.trim().is_empty()) {
        return Err(UrgentError::Text("a blank text".into()));
    }
    if !text.reviewed.contains("{date}") {
        return Err(UrgentError::Text("reviewed has no {date}".into()));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const META: &str = include_str!("../../public/content/urgent.json");
    const FR: &str = include_str!("../../locales/fr/urgent.json");
    const EN: &str = include_str!("../../locales/en/urgent.json");
    const HELPLINES: &str = include_str!("../../public/content/helplines.json");

    fn helplines() -> Vec<(String, Channel)> {
        #[derive(Deserialize)]
        struct File {
            helplines: Vec<Line>,
        }
        #[derive(Deserialize)]
        struct Line {
            id: String,
            channel: Channel,
        }
        let file: File = serde_json::from_str(HELPLINES).unwrap();
        file.helplines.into_iter().map(|l| (l.id, l.channel)).collect()
    }

    #[test]
    fn the_shipped_page_data_is_valid_in_both_languages() {
        let meta = parse_meta(META, &helplines()).unwrap_or_else(|e| panic!("urgent.json: {e}"));
        assert_eq!(&meta.helplines[..2], ["15", "112"], "15 and 112 come first");
        for (lang, json) in [("fr", FR), ("en", EN)] {
            let text = parse_text(json).unwrap_or_else(|e| panic!("{lang}: {e}"));
            println!("{lang}: {}", text.title);
        }
        let (fr, en) = (parse_text(FR).unwrap(), parse_text(EN).unwrap());
        for (f, e) in fr.sections.iter().zip(&en.sections) {
            assert_eq!(f.signs.len(), e.signs.len(), "{}: not the same number of signs in fr and en", f.id);
        }
    }

    #[test]
    fn the_app_links_to_the_pages_the_build_writes() {
        let script = include_str!("../../scripts/urgent-page.mjs");
        for lang in super::super::lang::Lang::ALL {
            let entry = format!("{}: '{}'", lang.code(), page_path(lang));
            assert!(script.contains(&entry), "scripts/urgent-page.mjs does not write {entry}");
        }
    }

    #[test]
    fn the_114_is_a_text_and_the_others_calls() {
        let lines = helplines();
        let channel = |id: &str| lines.iter().find(|(h, _)| h == id).map(|(_, c)| *c);
        assert_eq!(channel("114"), Some(Channel::Sms));
        for id in ["15", "112", "3114"] {
            assert_eq!(channel(id), Some(Channel::Call), "{id}");
        }
    }

    #[test]
    fn no_sign_is_reassuring_and_the_urgent_ones_say_15() {
        let fr = parse_text(FR).unwrap();
        let en = parse_text(EN).unwrap();
        for (text, words) in [(&fr, ["pas grave", "normal", "rassur"]), (&en, ["not serious", "normal", "reassur"])] {
            for s in &text.sections {
                for sign in &s.signs {
                    let lower = sign.to_lowercase();
                    assert!(!words.iter().any(|w| lower.contains(w)), "{}: {sign}", s.id);
                }
            }
            for id in REQUIRED_SECTIONS {
                let s = text.sections.iter().find(|s| s.id == id).unwrap();
                assert!(s.heading.contains("15"), "{id}: the heading must say 15");
            }
        }
    }

    #[test]
    fn bad_data_is_refused_with_its_reason() {
        let lines = helplines();
        let no_114 = META.replace("\"114\",", "");
        assert_eq!(parse_meta(&no_114, &lines), Err(UrgentError::Helpline("114".into())));
        let unknown = META.replace("\"3114\"", "\"3114\", \"9999\"");
        assert_eq!(parse_meta(&unknown, &lines), Err(UrgentError::Helpline("9999".into())));
        assert!(matches!(parse_meta("{", &lines), Err(UrgentError::Unreadable(_))));
        let home = META.replacen("\"url\": \"https://", "\"url\": \"https://www.ameli.fr/\", \"x\": \"", 1);
        assert!(parse_meta(&home, &lines).is_err());
        let unknown = FR.replacen("\"pregnancy_now\"", "\"baby_later\"", 1);
        assert!(matches!(parse_text(&unknown), Err(UrgentError::Sections(_))));
        let reordered = FR
            .replacen("\"pregnancy_now\"", "\"x\"", 1)
            .replacen("\"baby_now\"", "\"pregnancy_now\"", 1)
            .replacen("\"x\"", "\"baby_now\"", 1);
        assert!(matches!(parse_text(&reordered), Err(UrgentError::Sections(_))));
        let v2 = FR.replacen("\"version\": 1", "\"version\": 2", 1);
        assert_eq!(parse_text(&v2), Err(UrgentError::Version(2)));
    }
}
