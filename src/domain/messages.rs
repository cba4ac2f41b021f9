//! Key public-health messages: loaded from data, validated, and selected for a moment.
//!
//! The data lives in two kinds of files:
//! - `public/content/messages.json`: what does not depend on the language (id, theme,
//!   when the message applies, its source and the date it was last reviewed);
//! - `locales/<lang>/messages.json`: the title and text of each message in one language.
//!
//! Units, one convention for the whole module:
//! - while trying to conceive, no unit: a preconception message applies the whole time;
//! - during pregnancy, completed weeks of amenorrhoea (SA, counted from the first day of
//!   the last period), `0..=44`;
//! - after birth, the baby's age in days since birth (the day of birth is day 0), `0..=1100`;
//!   a message about development or food may follow the **corrected age** instead (for a
//!   baby born before 37 SA: age since birth - (40 SA - term at birth); calendar.md), and
//!   then does not apply before the baby reaches the equivalent of 40 SA.
//!
//! A [`Catalogue`] is only built from data that passes every check, so the app never shows
//! a message without a source, a review date or a text. Every SA week of
//! [`COVERED_SA_WEEKS`] and every day of [`COVERED_AGE_DAYS`] must have at least one
//! message ([`coverage_gaps`]).
//!
//! A source names the organisation and the page or document a message rests on; its URL
//! is the official site or section where that page lives (a stable address rather than a
//! guessed deep link).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::ops::RangeInclusive;

/// The version of the message documents this build reads.
pub const MESSAGES_VERSION: u32 = 1;
/// The last SA week a pregnancy range may name.
pub const MAX_SA_WEEK: u32 = 44;
/// The last age in days a child range may name (a little past the 3rd birthday).
pub const MAX_AGE_DAYS: u32 = 1100;
/// The SA weeks that must each have at least one message.
pub const COVERED_SA_WEEKS: RangeInclusive<u32> = 2..=MAX_SA_WEEK;
/// The ages in days that must each have at least one message.
pub const COVERED_AGE_DAYS: RangeInclusive<u32> = 0..=MAX_AGE_DAYS;

/// The theme of a message (each message has exactly one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Pregnancy follow-up: visits, scans, interviews.
    PregnancyFollowup,
    /// Nutrition and food.
    Nutrition,
    /// Breastfeeding and infant feeding.
    Feeding,
    /// Sleep and safe sleep.
    Sleep,
    /// Crying and shaken-baby prevention.
    Crying,
    /// Tobacco, alcohol and drugs.
    Substances,
    /// Environment and health (chemicals, air, heat).
    Environment,
    /// Screens.
    Screens,
    /// Mood, exhaustion and postpartum.
    Mood,
    /// The second parent's place.
    SecondParent,
    /// Bonding, development and play (reading and cultural awakening included).
    Bonding,
    /// Vaccination and health follow-up.
    Vaccination,
    /// Rights, leave and money.
    Rights,
    /// Home safety and accidents.
    HomeSafety,
    /// Relationships and violence (help available).
    Relationships,
    /// Trying to conceive: preparing a pregnancy.
    Preconception,
    /// The signs that mean calling 15 or seeing a doctor today.
    UrgentSigns,
    /// The birth, the maternity stay, going home and the mother's postnatal care.
    Birth,
    /// Miscarriage and perinatal bereavement.
    Loss,
    /// Development by age, early signs and where to turn.
    Development,
    /// Carrying the baby safely in a sling or carrier.
    Babywearing,
    /// Work and childcare.
    Childcare,
}

impl Theme {
    /// Every theme, in display order (also the order used to sort messages).
    pub const ALL: [Theme; 22] = [
        Theme::UrgentSigns,
        Theme::Preconception,
        Theme::PregnancyFollowup,
        Theme::Birth,
        Theme::Loss,
        Theme::Nutrition,
        Theme::Feeding,
        Theme::Sleep,
        Theme::Crying,
        Theme::Substances,
        Theme::Environment,
        Theme::Screens,
        Theme::Mood,
        Theme::SecondParent,
        Theme::Bonding,
        Theme::Development,
        Theme::Vaccination,
        Theme::Rights,
        Theme::Childcare,
        Theme::HomeSafety,
        Theme::Babywearing,
        Theme::Relationships,
    ];

    /// The id used in the data files (snake_case, as serde writes it).
    pub fn id(self) -> &'static str {
        match self {
            Theme::PregnancyFollowup => "pregnancy_followup",
            Theme::Nutrition => "nutrition",
            Theme::Feeding => "feeding",
            Theme::Sleep => "sleep",
            Theme::Crying => "crying",
            Theme::Substances => "substances",
            Theme::Environment => "environment",
            Theme::Screens => "screens",
            Theme::Mood => "mood",
            Theme::SecondParent => "second_parent",
            Theme::Bonding => "bonding",
            Theme::Vaccination => "vaccination",
            Theme::Rights => "rights",
            Theme::HomeSafety => "home_safety",
            Theme::Relationships => "relationships",
            Theme::Preconception => "preconception",
            Theme::UrgentSigns => "urgent_signs",
            Theme::Birth => "birth",
            Theme::Loss => "loss",
            Theme::Development => "development",
            Theme::Babywearing => "babywearing",
            Theme::Childcare => "childcare",
        }
    }

    /// The theme with this data id, if there is one.
    pub fn from_id(id: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.id() == id)
    }
}

/// A moment of the 1000 days, in the unit that fits it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Moment {
    /// While trying to conceive.
    Preconception,
    /// During pregnancy: completed weeks of amenorrhoea (SA).
    Pregnancy { sa_week: u32 },
    /// After birth: the baby's age in days (0 on the day of birth), and its corrected
    /// age in days: the same for a baby born at term, smaller for a premature baby, and
    /// `None` while a premature baby has not reached the equivalent of 40 SA.
    Child { age_days: u32, corrected_days: Option<u32> },
}

impl Moment {
    /// A baby born at term (or whose term is unknown), `age_days` old.
    pub fn child(age_days: u32) -> Moment {
        Moment::Child { age_days, corrected_days: Some(age_days) }
    }

    /// Every moment that must have at least one message: preconception, SA weeks of
    /// [`COVERED_SA_WEEKS`], then ages of [`COVERED_AGE_DAYS`] (of a baby born at term).
    pub fn all_covered() -> impl Iterator<Item = Moment> {
        std::iter::once(Moment::Preconception)
            .chain(COVERED_SA_WEEKS.map(|sa_week| Moment::Pregnancy { sa_week }))
            .chain(COVERED_AGE_DAYS.map(Moment::child))
    }
}

/// Which age a child message follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AgeBasis {
    /// The age since birth (most messages: exams, vaccines, leave, sleep).
    SinceBirth,
    /// The corrected age of a premature baby (development, starting solid food); the age
    /// since birth for a baby born at term.
    Corrected,
}

/// When a message applies: an inclusive range, in SA weeks or in days of age.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Applies {
    /// The whole time a parent is trying to conceive.
    Preconception,
    Pregnancy {
        from_sa_week: u32,
        to_sa_week: u32,
    },
    Child {
        from_age_days: u32,
        to_age_days: u32,
        age: AgeBasis,
    },
}

impl Applies {
    /// A child range that follows the age since birth.
    pub fn child(from_age_days: u32, to_age_days: u32) -> Applies {
        Applies::Child { from_age_days, to_age_days, age: AgeBasis::SinceBirth }
    }

    /// Whether the moment falls in the range (both ends included, same stage only).
    pub fn contains(&self, moment: Moment) -> bool {
        match (*self, moment) {
            (Applies::Preconception, Moment::Preconception) => true,
            (Applies::Pregnancy { from_sa_week, to_sa_week }, Moment::Pregnancy { sa_week }) => {
                (from_sa_week..=to_sa_week).contains(&sa_week)
            }
            (Applies::Child { from_age_days, to_age_days, age }, Moment::Child { age_days, corrected_days }) => {
                let days = match age {
                    AgeBasis::SinceBirth => Some(age_days),
                    AgeBasis::Corrected => corrected_days,
                };
                days.is_some_and(|d| (from_age_days..=to_age_days).contains(&d))
            }
            _ => false,
        }
    }

    /// How many units (weeks or days, in the range's own age basis) `moment` is past the
    /// start of the range; 0 for preconception or a moment outside the range's stage.
    pub fn since_start(&self, moment: Moment) -> u32 {
        match (*self, moment) {
            (Applies::Pregnancy { from_sa_week, .. }, Moment::Pregnancy { sa_week }) => {
                sa_week.saturating_sub(from_sa_week)
            }
            (Applies::Child { from_age_days, age, .. }, Moment::Child { age_days, corrected_days }) => {
                let days = match age {
                    AgeBasis::SinceBirth => age_days,
                    AgeBasis::Corrected => corrected_days.unwrap_or(0),
                };
                days.saturating_sub(from_age_days)
            }
            _ => 0,
        }
    }

    /// The first and last unit of the range (`(0, 0)` for preconception).
    pub fn bounds(&self) -> (u32, u32) {
        match *self {
            Applies::Preconception => (0, 0),
            Applies::Pregnancy { from_sa_week, to_sa_week } => (from_sa_week, to_sa_week),
            Applies::Child { from_age_days, to_age_days, .. } => (from_age_days, to_age_days),
        }
    }

    /// How many units (weeks or days) the range covers.
    pub fn span(&self) -> u32 {
        let (from, to) = self.bounds();
        to.saturating_sub(from) + 1
    }
}

/// Where a message comes from: the page that states its fact, never a home page.
pub use super::source::Source;

/// The language-independent part of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageMeta {
    pub id: String,
    pub theme: Theme,
    pub applies: Applies,
    pub source: Source,
    /// The day the message and its source were last checked.
    pub reviewed: NaiveDate,
    /// Whether the message has a longer text (`locales/<lang>/more.json`), fetched only
    /// when the parent opens it.
    pub more: bool,
    /// The source of the longer text, when it rests on another page than the message.
    pub more_source: Option<Source>,
}

/// The words of a message in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessageText {
    pub title: String,
    pub text: String,
}

/// A message ready to show: its metadata and its words in the catalogue's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub meta: MessageMeta,
    pub text: MessageText,
}

/// Which of the two documents an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    /// `public/content/messages.json`.
    Meta,
    /// `locales/<lang>/messages.json`.
    Texts,
    /// `locales/<lang>/more.json`.
    More,
}

/// Why the message data was refused. Loading stops at the first problem found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogueError {
    /// Not JSON, or not of the expected shape (missing or unknown field, wrong type).
    Unreadable {
        document: Document,
        detail: String,
    },
    /// The `version` field is missing or is not [`MESSAGES_VERSION`].
    VersionMismatch {
        document: Document,
        found: Option<u64>,
    },
    /// An id that is empty or not lowercase ASCII words joined by `-`.
    InvalidId {
        id: String,
    },
    /// Two messages with the same id.
    DuplicateId {
        id: String,
    },
    UnknownTheme {
        id: String,
        theme: String,
    },
    UnknownStage {
        id: String,
        stage: String,
    },
    /// `from` is after `to`.
    RangeReversed {
        id: String,
        from: u32,
        to: u32,
    },
    /// A range that does not fit its stage: `from` or `to` missing for a pregnancy or a
    /// child, given for preconception, or an unknown `age` basis.
    BadRange {
        id: String,
        detail: String,
    },
    /// `to` is past [`MAX_SA_WEEK`] or [`MAX_AGE_DAYS`].
    RangeOutOfBounds {
        id: String,
        to: u32,
        max: u32,
    },
    /// The source's organisation or title is blank.
    EmptySource {
        id: String,
        field: &'static str,
    },
    /// The source URL is not the `https://` address of a document (see
    /// [`super::source::is_document_url`]).
    BadUrl {
        id: String,
        url: String,
    },
    /// `reviewed` is not a real date written `YYYY-MM-DD`.
    BadReviewDate {
        id: String,
        reviewed: String,
    },
    /// A message has no text in the language document.
    MissingText {
        id: String,
    },
    /// The language document has a text for an id that is not a message.
    TextForUnknownId {
        id: String,
    },
    /// A title or text is blank.
    EmptyText {
        id: String,
        field: &'static str,
    },
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use CatalogueError::*;
        match self {
            Unreadable { document, detail } => write!(f, "{document:?} document unreadable: {detail}"),
            VersionMismatch { document, found } => {
                write!(f, "{document:?} document has version {found:?}, expected {MESSAGES_VERSION}")
            }
            InvalidId { id } => write!(f, "invalid message id {id:?}"),
            DuplicateId { id } => write!(f, "message id {id:?} appears twice"),
            UnknownTheme { id, theme } => write!(f, "{id}: unknown theme {theme:?}"),
            UnknownStage { id, stage } => write!(f, "{id}: unknown stage {stage:?}"),
            RangeReversed { id, from, to } => write!(f, "{id}: range from {from} is after to {to}"),
            BadRange { id, detail } => write!(f, "{id}: range refused: {detail}"),
            RangeOutOfBounds { id, to, max } => write!(f, "{id}: range ends at {to}, past {max}"),
            EmptySource { id, field } => write!(f, "{id}: source {field} is empty"),
            BadUrl { id, url } => {
                write!(
                    f,
                    "{id}: source url {url:?} is not the https address of a document (a home page is not a source)"
                )
            }
            BadReviewDate { id, reviewed } => {
                write!(f, "{id}: reviewed {reviewed:?} is not a YYYY-MM-DD date")
            }
            MissingText { id } => write!(f, "{id}: no text in this language"),
            TextForUnknownId { id } => write!(f, "text for unknown message id {id:?}"),
            EmptyText { id, field } => write!(f, "{id}: {field} is empty"),
        }
    }
}

impl std::error::Error for CatalogueError {}

// ---- the documents as written on disk ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMetaDocument {
    #[allow(dead_code)]
    version: u64,
    messages: Vec<RawMeta>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    id: String,
    theme: String,
    applies: RawApplies,
    source: Source,
    reviewed: String,
    #[serde(default)]
    more: bool,
    #[serde(default)]
    more_source: Option<Source>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawApplies {
    stage: String,
    /// Absent for preconception, required otherwise.
    #[serde(default)]
    from: Option<u32>,
    #[serde(default)]
    to: Option<u32>,
    /// `"corrected"` for a child message that follows the corrected age.
    #[serde(default)]
    age: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTextDocument {
    #[allow(dead_code)]
    version: u64,
    messages: BTreeMap<String, MessageText>,
}

/// Reads the JSON, checks its version, then its shape.
fn read_document<T: for<'de> Deserialize<'de>>(json: &str, document: Document) -> Result<T, CatalogueError> {
    let unreadable = |e: serde_json::Error| CatalogueError::Unreadable { document, detail: e.to_string() };
    let value: serde_json::Value = serde_json::from_str(json).map_err(unreadable)?;
    let found = value.get("version").and_then(serde_json::Value::as_u64);
    if found != Some(u64::from(MESSAGES_VERSION)) {
        return Err(CatalogueError::VersionMismatch { document, found });
    }
    serde_json::from_value(value).map_err(unreadable)
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

fn parse_review_date(s: &str) -> Option<NaiveDate> {
    let shape_ok = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !shape_ok {
        return None;
    }
    super::iso_date::parse_ymd(s)
}

fn validate_meta(raw: RawMeta) -> Result<MessageMeta, CatalogueError> {
    let RawMeta { id, theme, applies, source, reviewed, more, more_source } = raw;
    if !is_valid_id(&id) {
        return Err(CatalogueError::InvalidId { id });
    }
    let Some(theme) = Theme::from_id(&theme) else {
        return Err(CatalogueError::UnknownTheme { id, theme });
    };
    let RawApplies { stage, from, to, age } = applies;
    let basis = match (stage.as_str(), age.as_deref()) {
        (_, None) => AgeBasis::SinceBirth,
        ("child", Some("corrected")) => AgeBasis::Corrected,
        (_, Some(age)) => return Err(CatalogueError::BadRange { id, detail: format!("age {age:?}") }),
    };
    let applies = match (stage.as_str(), from, to) {
        ("preconception", None, None) => Applies::Preconception,
        ("preconception", _, _) => {
            return Err(CatalogueError::BadRange { id, detail: "a preconception message has no from or to".into() })
        }
        ("pregnancy" | "child", Some(from), Some(to)) => {
            let max = if stage == "pregnancy" { MAX_SA_WEEK } else { MAX_AGE_DAYS };
            if from > to {
                return Err(CatalogueError::RangeReversed { id, from, to });
            }
            if to > max {
                return Err(CatalogueError::RangeOutOfBounds { id, to, max });
            }
            if stage == "pregnancy" {
                Applies::Pregnancy { from_sa_week: from, to_sa_week: to }
            } else {
                Applies::Child { from_age_days: from, to_age_days: to, age: basis }
            }
        }
        ("pregnancy" | "child", _, _) => {
            return Err(CatalogueError::BadRange { id, detail: "from and to are both needed".into() })
        }
        _ => return Err(CatalogueError::UnknownStage { id, stage }),
    };
    if source.org.trim().is_empty() {
        return Err(CatalogueError::EmptySource { id, field: "org" });
    }
    if source.title.trim().is_empty() {
        return Err(CatalogueError::EmptySource { id, field: "title" });
    }
    if !super::source::is_document_url(&source.url) {
        return Err(CatalogueError::BadUrl { id, url: source.url });
    }
    let Some(reviewed) = parse_review_date(&reviewed) else {
        return Err(CatalogueError::BadReviewDate { id, reviewed });
    };
    if let Some(extra) = &more_source {
        if !more || extra.org.trim().is_empty() || extra.title.trim().is_empty() {
            return Err(CatalogueError::EmptySource { id, field: "more_source" });
        }
        if !super::source::is_document_url(&extra.url) {
            return Err(CatalogueError::BadUrl { id, url: extra.url.clone() });
        }
    }
    Ok(MessageMeta { id, theme, applies, source, reviewed, more, more_source })
}

/// Reads and checks `public/content/messages.json`, keeping the file's order.
pub fn parse_meta(json: &str) -> Result<Vec<MessageMeta>, CatalogueError> {
    let doc: RawMetaDocument = read_document(json, Document::Meta)?;
    let mut metas: Vec<MessageMeta> = Vec::with_capacity(doc.messages.len());
    for raw in doc.messages {
        let meta = validate_meta(raw)?;
        if metas.iter().any(|m| m.id == meta.id) {
            return Err(CatalogueError::DuplicateId { id: meta.id });
        }
        metas.push(meta);
    }
    Ok(metas)
}

/// Reads `locales/<lang>/messages.json`: the texts by message id.
pub fn parse_texts(json: &str) -> Result<BTreeMap<String, MessageText>, CatalogueError> {
    let doc: RawTextDocument = read_document(json, Document::Texts)?;
    Ok(doc.messages)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMoreDocument {
    #[allow(dead_code)]
    version: u64,
    more: BTreeMap<String, String>,
}

/// Reads `locales/<lang>/more.json`: the longer text of the messages that have one, by
/// message id (what it means, what to do, where to go). Blank texts are refused; which
/// ids must be there is checked against the metadata by the tests of the shipped data.
pub fn parse_more(json: &str) -> Result<BTreeMap<String, String>, CatalogueError> {
    let doc: RawMoreDocument = read_document(json, Document::More)?;
    if let Some((id, _)) = doc.more.iter().find(|(_, text)| text.trim().is_empty()) {
        return Err(CatalogueError::EmptyText { id: id.clone(), field: "more" });
    }
    Ok(doc.more)
}

/// The SA weeks of [`COVERED_SA_WEEKS`] and ages of [`COVERED_AGE_DAYS`] that no message
/// covers, in order (pregnancy first). Empty when every moment has a message.
pub fn coverage_gaps(meta: &[MessageMeta]) -> Vec<Moment> {
    gaps_of(meta.iter().map(|m| &m.applies))
}

fn gaps_of<'a>(ranges: impl Iterator<Item = &'a Applies> + Clone) -> Vec<Moment> {
    Moment::all_covered().filter(|&moment| !ranges.clone().any(|a| a.contains(moment))).collect()
}

/// Every message, validated, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalogue {
    messages: Vec<Message>,
}

impl Catalogue {
    /// Builds the catalogue from the metadata document and one language document.
    pub fn from_json(meta_json: &str, texts_json: &str) -> Result<Catalogue, CatalogueError> {
        Catalogue::from_parts(parse_meta(meta_json)?, parse_texts(texts_json)?)
    }

    /// Pairs checked metadata with one language's texts: every message needs a non-blank
    /// title and text, and every text must belong to a message.
    pub fn from_parts(
        metas: Vec<MessageMeta>,
        mut texts: BTreeMap<String, MessageText>,
    ) -> Result<Catalogue, CatalogueError> {
        let mut messages = Vec::with_capacity(metas.len());
        for meta in metas {
            let Some(text) = texts.remove(&meta.id) else {
                return Err(CatalogueError::MissingText { id: meta.id });
            };
            if text.title.trim().is_empty() {
                return Err(CatalogueError::EmptyText { id: meta.id, field: "title" });
            }
            if text.text.trim().is_empty() {
                return Err(CatalogueError::EmptyText { id: meta.id, field: "text" });
            }
            messages.push(Message { meta, text });
        }
        if let Some(id) = texts.into_keys().next() {
            return Err(CatalogueError::TextForUnknownId { id });
        }
        Ok(Catalogue { messages })
    }

    /// Every message, in the order of the metadata document.
    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    pub fn len(&self) -> usize {
        self.messages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    /// The message with this id.
    pub fn get(&self, id: &str) -> Option<&Message> {
        self.messages.iter().find(|m| m.meta.id == id)
    }

    /// The messages that apply at this moment, the most timely first: the one that began
    /// most recently (so that a new age or week brings its message to the top of Today),
    /// then by span (narrowest range first), then by theme (order of [`Theme::ALL`]), then
    /// by id.
    pub fn for_moment(&self, moment: Moment) -> Vec<&Message> {
        let mut found: Vec<&Message> = self.messages.iter().filter(|m| m.meta.applies.contains(moment)).collect();
        super::sort::sort_by(&mut found, |a, b| {
            let key = |m: &Message| (m.meta.applies.since_start(moment), m.meta.applies.span(), m.meta.theme);
            key(a).cmp(&key(b)).then_with(|| a.meta.id.cmp(&b.meta.id))
        });
        found
    }

    /// At most `count` messages for one day: the most timely messages of the
    /// moment first, then the others in turn, starting from a place that moves with
    /// `day` (e.g. the day of the 1000), so that a week under the same moment does not
    /// show the same messages every day.
    pub fn for_day(&self, moment: Moment, day: u32, count: usize) -> Vec<&Message> {
        let all = self.for_moment(moment);
        if all.len() <= count || count == 0 {
            return all.into_iter().take(count).collect();
        }
        // The messages that began most recently (the same day or week) all come first.
        let newest = all[0].meta.applies.since_start(moment);
        let fresh = all.iter().take_while(|m| m.meta.applies.since_start(moment) == newest).count();
        let (first, rest) = all.split_at(fresh.clamp(1, count));
        let start = day as usize % rest.len();
        first.iter().chain(rest[start..].iter().chain(&rest[..start])).take(count).copied().collect()
    }

    /// How many messages each theme has, for every theme of [`Theme::ALL`] (zeros included).
    pub fn theme_counts(&self) -> Vec<(Theme, usize)> {
        Theme::ALL.into_iter().map(|t| (t, self.messages.iter().filter(|m| m.meta.theme == t).count())).collect()
    }

    /// The moments no message covers (see [`coverage_gaps`]).
    pub fn coverage_gaps(&self) -> Vec<Moment> {
        gaps_of(self.messages.iter().map(|m| &m.meta.applies))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    const META: &str = include_str!("../../public/content/messages.json");
    const FR: &str = include_str!("../../locales/fr/messages.json");
    const EN: &str = include_str!("../../locales/en/messages.json");

    fn fr() -> Catalogue {
        Catalogue::from_json(META, FR).unwrap_or_else(|e| panic!("fr: {e}"))
    }

    fn en() -> Catalogue {
        Catalogue::from_json(META, EN).unwrap_or_else(|e| panic!("en: {e}"))
    }

    fn metas() -> Vec<MessageMeta> {
        parse_meta(META).unwrap_or_else(|e| panic!("meta: {e}"))
    }

    // ---- the shipped data ----

    #[test]
    fn both_languages_load_without_error() {
        assert_eq!(fr().len(), metas().len());
        assert_eq!(en().len(), metas().len());
    }

    #[test]
    fn both_languages_have_exactly_the_same_ids() {
        let fr: BTreeSet<String> = parse_texts(FR).unwrap().into_keys().collect();
        let en: BTreeSet<String> = parse_texts(EN).unwrap().into_keys().collect();
        let meta: BTreeSet<String> = metas().into_iter().map(|m| m.id).collect();
        assert_eq!(fr, en, "fr and en do not have the same message ids");
        assert_eq!(fr, meta, "the texts do not match the metadata ids");
    }

    #[test]
    fn every_message_has_a_theme_a_valid_range_an_https_source_and_a_review_date() {
        let earliest = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        for m in metas() {
            assert!(Theme::ALL.contains(&m.theme), "{}", m.id);
            let (from, to) = m.applies.bounds();
            let max = match m.applies {
                Applies::Preconception => 0,
                Applies::Pregnancy { .. } => MAX_SA_WEEK,
                Applies::Child { .. } => MAX_AGE_DAYS,
            };
            assert!(from <= to && to <= max, "{}: range {from}..={to}", m.id);
            assert!(m.source.url.starts_with("https://"), "{}: {}", m.id, m.source.url);
            assert!(!m.source.org.trim().is_empty() && !m.source.title.trim().is_empty(), "{}", m.id);
            assert!(m.reviewed >= earliest, "{}: reviewed {}", m.id, m.reviewed);
        }
    }

    /// Prints, for a reviewer, every message's source and review date (`cargo test --lib
    /// list_every_message_source -- --nocapture`); fails on a home page.
    #[test]
    fn list_every_message_source() {
        for m in metas() {
            assert!(super::super::source::is_document_url(&m.source.url), "{}: {} is a home page", m.id, m.source.url);
            println!("{}\treviewed {}\t{}\t{}", m.id, m.reviewed, m.source.org, m.source.url);
            if let Some(extra) = &m.more_source {
                assert!(super::super::source::is_document_url(&extra.url), "{}: {} is a home page", m.id, extra.url);
                println!("{} (longer text)\treviewed {}\t{}\t{}", m.id, m.reviewed, extra.org, extra.url);
            }
        }
    }

    #[test]
    fn sources_are_official_sites_we_trust() {
        // Sites of the state (gouv.fr, the ARS), of the public bodies that own the facts, of
        // learned societies, and of a helpline's own operator for that helpline.
        const SITES: [&str; 23] = [
            "service-public.fr",
            // Santé publique France's food site, the food safety agency, the teratogen
            // reference centre, the drugs helpline's site.
            "mangerbouger.fr",
            "anses.fr",
            "lecrat.fr",
            "drogues-info-service.fr",
            "ameli.fr",
            "santepubliquefrance.fr",
            "1000-premiers-jours.fr",
            "vaccination-info-service.fr",
            "tabac-info-service.fr",
            "has-sante.fr",
            "caf.fr",
            "monenfant.fr",
            "arcep.fr",
            "3114.fr",
            // Paediatricians' association (AFPA) and its site for parents.
            "afpa.org",
            "mpedia.fr",
            // The French radiology society's guide to imaging (the three ultrasounds).
            "aderim.radiologie.fr",
            // Helplines' and associations' own sites, named in resources.md.
            "maman-blues.fr",
            "solidaritefemmes.org",
            "sosprema.com",
            // Published reproductions of the EPDS named in epds.md (Geneva's university
            // hospitals; migesplus, Swiss Red Cross).
            "hug.ch",
            "migesplus.ch",
        ];
        let trusted = |host: &str| {
            let host = host.strip_prefix("www.").unwrap_or(host);
            host.ends_with(".gouv.fr")
                || host.ends_with(".ars.sante.fr")
                || SITES.iter().any(|s| host == *s || host.ends_with(&format!(".{s}")))
        };
        for m in metas() {
            let host = m.source.url.trim_start_matches("https://").split('/').next().unwrap();
            assert!(trusted(host), "{}: {} is not on the list of trusted sites", m.id, m.source.url);
        }
    }

    #[test]
    fn every_sa_week_and_every_day_of_age_has_a_message() {
        let gaps = coverage_gaps(&metas());
        assert!(gaps.is_empty(), "moments with no message: {gaps:?}");
        assert!(fr().coverage_gaps().is_empty());
    }

    #[test]
    fn no_moment_is_crowded() {
        // At least three at every moment: `coverage::tests`; at most this many, so that a
        // day of the Timeline stays readable.
        let fr = fr();
        for moment in Moment::all_covered() {
            let n = fr.for_moment(moment).len();
            assert!(n <= 24, "{moment:?} has {n} messages");
        }
    }

    #[test]
    fn there_are_enough_messages_and_every_theme_has_at_least_three() {
        let fr = fr();
        assert!(fr.len() >= 90, "only {} messages", fr.len());
        // The windows each theme must cover are checked in `coverage::tests`.
        for (theme, n) in fr.theme_counts() {
            assert!(n >= 1 || theme == Theme::Babywearing, "{theme:?} has no message");
        }
    }

    #[test]
    fn texts_are_short_and_clean() {
        for (lang, cat) in [("fr", fr()), ("en", en())] {
            for m in cat.messages() {
                let MessageText { title, text } = &m.text;
                let id = &m.meta.id;
                assert!(title.chars().count() <= 70, "{lang} {id}: title too long");
                assert!(text.chars().count() <= 420, "{lang} {id}: text too long");
                for s in [title, text] {
                    assert_eq!(s.trim(), s, "{lang} {id}: spaces at the ends");
                    assert!(!s.contains("  "), "{lang} {id}: double space");
                }
                let sentences = sentences(text);
                assert!((1..=3).contains(&sentences), "{lang} {id}: {sentences} sentences");
                assert!(text.ends_with(['.', '!', '?', ')']), "{lang} {id}: text does not end a sentence");
            }
        }
    }

    const MORE_FR: &str = include_str!("../../locales/fr/more.json");
    const MORE_EN: &str = include_str!("../../locales/en/more.json");

    fn sentences(text: &str) -> usize {
        text.char_indices()
            .filter(|&(i, c)| {
                matches!(c, '.' | '!' | '?') && text[i + c.len_utf8()..].chars().next().is_none_or(char::is_whitespace)
            })
            .count()
    }

    #[test]
    fn longer_texts_are_those_the_metadata_announces_in_both_languages() {
        let announced: BTreeSet<String> = metas().into_iter().filter(|m| m.more).map(|m| m.id).collect();
        for (lang, json) in [("fr", MORE_FR), ("en", MORE_EN)] {
            let more = parse_more(json).unwrap_or_else(|e| panic!("{lang}: {e}"));
            let ids: BTreeSet<String> = more.keys().cloned().collect();
            assert_eq!(ids, announced, "{lang}: the longer texts are not those with \"more\": true");
            for (id, text) in &more {
                let n = sentences(text);
                assert!((3..=10).contains(&n), "{lang} {id}: {n} sentences (3 to 10)");
                assert!(text.chars().count() <= 1400, "{lang} {id}: longer text too long");
                assert_eq!(text.trim(), text, "{lang} {id}: spaces at the ends");
                assert!(!text.contains("  "), "{lang} {id}: double space");
                for n in numbers_in(text) {
                    if n.starts_with("0 ") || n.replace(' ', "").len() >= 10 {
                        assert!(LONG_NUMBERS.contains(&n.as_str()), "{lang} {id}: unknown number {n}");
                    }
                }
            }
        }
        assert!(parse_more(r#"{"version": 1, "more": {"a": " "}}"#).is_err());
        assert!(parse_more(r#"{"version": 2, "more": {}}"#).is_err());
    }

    /// The long phone numbers of resources.md (the short ones are checked with the helplines).
    const LONG_NUMBERS: [&str; 5] =
        ["0 800 00 34 56", "0 805 382 300", "0 800 96 60 60", "0 974 763 963", "0 980 980 930"];

    /// Phone-like runs of digits (spaces and no-break spaces allowed inside).
    fn numbers_in(text: &str) -> Vec<String> {
        let normal = text.replace('\u{a0}', " ");
        let mut found = Vec::new();
        let mut current = String::new();
        let chars: Vec<char> = normal.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let continues_run = c == ' ' && !current.is_empty() && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if c.is_ascii_digit() || continues_run {
                current.push(c);
            } else if !current.is_empty() {
                found.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            found.push(current);
        }
        found
    }

    #[test]
    fn phone_numbers_are_only_those_of_resources_md() {
        for (lang, cat) in [("fr", fr()), ("en", en())] {
            for m in cat.messages() {
                for n in numbers_in(&m.text.text) {
                    if n.starts_with("0 ") || n.replace(' ', "").len() >= 10 {
                        assert!(LONG_NUMBERS.contains(&n.as_str()), "{lang} {}: unknown number {n}", m.meta.id);
                    }
                }
            }
        }
    }

    #[test]
    fn selection_follows_the_moment() {
        let fr = fr();
        let ids = |moment| fr.for_moment(moment).iter().map(|m| m.meta.id.clone()).collect::<Vec<_>>();
        assert!(ids(Moment::Pregnancy { sa_week: 12 }).contains(&"preg-ultrasound-1".to_string()));
        assert!(ids(Moment::child(60)).contains(&"vaccines-2-months".to_string()));
        assert!(ids(Moment::child(2)).contains(&"birth-declaration".to_string()));
        assert!(!ids(Moment::child(400)).contains(&"birth-declaration".to_string()));
        assert!(ids(Moment::Pregnancy { sa_week: 45 }).is_empty());
        assert!(ids(Moment::child(1101)).is_empty());
    }

    #[test]
    fn selection_is_sorted_and_the_same_in_every_language() {
        let (fr, en) = (fr(), en());
        for moment in Moment::all_covered() {
            let a = fr.for_moment(moment);
            for pair in a.windows(2) {
                let key = |m: &Message| {
                    (m.meta.applies.since_start(moment), m.meta.applies.span(), m.meta.theme, m.meta.id.clone())
                };
                assert!(key(pair[0]) < key(pair[1]), "{moment:?} not sorted");
            }
            let a: Vec<_> = a.iter().map(|m| &m.meta.id).collect();
            let b: Vec<_> = en.for_moment(moment).iter().map(|m| &m.meta.id).collect();
            assert_eq!(a, b);
        }
    }

    #[test]
    fn print_counts_per_theme() {
        let fr = fr();
        println!("{} messages", fr.len());
        for (theme, n) in fr.theme_counts() {
            println!("  {:<20} {n}", theme.id());
        }
        for (label, moments) in [
            ("pregnancy weeks", COVERED_SA_WEEKS.map(|sa_week| Moment::Pregnancy { sa_week }).collect::<Vec<_>>()),
            ("child days", COVERED_AGE_DAYS.map(Moment::child).collect()),
        ] {
            let counts: Vec<usize> = moments.iter().map(|&m| fr.for_moment(m).len()).collect();
            let min = counts.iter().min().unwrap();
            let max = counts.iter().max().unwrap();
            let mean = counts.iter().sum::<usize>() as f64 / counts.len() as f64;
            println!("  {label}: {} moments, {min} to {max} messages each (mean {mean:.1})", counts.len());
        }
        println!("  coverage gaps: {:?}", coverage_gaps(&metas()));
    }

    // ---- the validator on small hostile inputs ----

    fn meta_doc(messages: &str) -> String {
        format!(r#"{{ "version": 1, "messages": [ {messages} ] }}"#)
    }

    fn one_meta(id: &str, theme: &str, stage: &str, from: i64, to: i64, url: &str, reviewed: &str) -> String {
        format!(
            r#"{{ "id": "{id}", "theme": "{theme}", "applies": {{ "stage": "{stage}", "from": {from}, "to": {to} }},
                 "source": {{ "org": "Ameli", "title": "Coucher bébé", "url": "{url}" }}, "reviewed": "{reviewed}" }}"#
        )
    }

    fn good(id: &str) -> String {
        one_meta(id, "sleep", "child", 0, 90, "https://www.ameli.fr/assure/sante/bebe", "2026-11-23")
    }

    fn texts_doc(entries: &[(&str, &str, &str)]) -> String {
        let body: Vec<String> = entries
            .iter()
            .map(|(id, title, text)| format!(r#""{id}": {{ "title": "{title}", "text": "{text}" }}"#))
            .collect();
        format!(r#"{{ "version": 1, "messages": {{ {} }} }}"#, body.join(", "))
    }

    #[test]
    fn a_small_good_catalogue_loads() {
        let cat = Catalogue::from_json(
            &meta_doc(&format!(
                "{}, {}",
                good("a"),
                one_meta("b", "mood", "pregnancy", 2, 44, "https://3114.fr/besoin-d-aide", "2026-01-31")
            )),
            &texts_doc(&[("a", "A", "Text a."), ("b", "B", "Text b.")]),
        )
        .unwrap();
        assert_eq!(cat.len(), 2);
        let b = cat.get("b").unwrap();
        assert_eq!(b.meta.theme, Theme::Mood);
        assert_eq!(b.meta.applies, Applies::Pregnancy { from_sa_week: 2, to_sa_week: 44 });
        assert_eq!(b.meta.reviewed, NaiveDate::from_ymd_opt(2026, 1, 31).unwrap());
        assert_eq!(cat.for_moment(Moment::child(90)).len(), 1);
        assert!(cat.for_moment(Moment::child(91)).is_empty());
        assert_eq!(cat.coverage_gaps().first(), Some(&Moment::Preconception));
        assert!(cat.coverage_gaps().contains(&Moment::child(91)));
    }

    #[test]
    fn a_missing_text_is_refused() {
        let err = Catalogue::from_json(
            &meta_doc(&format!("{}, {}", good("a"), good("b"))),
            &texts_doc(&[("a", "A", "Text.")]),
        );
        assert_eq!(err, Err(CatalogueError::MissingText { id: "b".into() }));
    }

    #[test]
    fn a_text_for_an_unknown_id_is_refused() {
        let err =
            Catalogue::from_json(&meta_doc(&good("a")), &texts_doc(&[("a", "A", "Text."), ("ghost", "G", "Boo.")]));
        assert_eq!(err, Err(CatalogueError::TextForUnknownId { id: "ghost".into() }));
    }

    #[test]
    fn empty_titles_and_texts_are_refused() {
        let meta = meta_doc(&good("a"));
        assert_eq!(
            Catalogue::from_json(&meta, &texts_doc(&[("a", "A", "   ")])),
            Err(CatalogueError::EmptyText { id: "a".into(), field: "text" })
        );
        assert_eq!(
            Catalogue::from_json(&meta, &texts_doc(&[("a", "", "Text.")])),
            Err(CatalogueError::EmptyText { id: "a".into(), field: "title" })
        );
    }

    #[test]
    fn a_reversed_range_is_refused() {
        let meta =
            meta_doc(&one_meta("a", "sleep", "child", 90, 10, "https://www.ameli.fr/assure/sante/bebe", "2026-11-23"));
        assert_eq!(parse_meta(&meta), Err(CatalogueError::RangeReversed { id: "a".into(), from: 90, to: 10 }));
    }

    #[test]
    fn ranges_past_the_limits_or_negative_are_refused() {
        let meta = meta_doc(&one_meta(
            "a",
            "sleep",
            "pregnancy",
            40,
            45,
            "https://www.ameli.fr/assure/sante/bebe",
            "2026-11-23",
        ));
        assert_eq!(parse_meta(&meta), Err(CatalogueError::RangeOutOfBounds { id: "a".into(), to: 45, max: 44 }));
        let meta =
            meta_doc(&one_meta("a", "sleep", "child", 0, 1101, "https://www.ameli.fr/assure/sante/bebe", "2026-11-23"));
        assert_eq!(parse_meta(&meta), Err(CatalogueError::RangeOutOfBounds { id: "a".into(), to: 1101, max: 1100 }));
        let meta =
            meta_doc(&one_meta("a", "sleep", "child", -1, 10, "https://www.ameli.fr/assure/sante/bebe", "2026-11-23"));
        assert!(matches!(parse_meta(&meta), Err(CatalogueError::Unreadable { document: Document::Meta, .. })));
    }

    #[test]
    fn an_unknown_theme_or_stage_is_refused() {
        let meta = meta_doc(&one_meta(
            "a",
            "astrology",
            "child",
            0,
            10,
            "https://www.ameli.fr/assure/sante/bebe",
            "2026-11-23",
        ));
        assert_eq!(parse_meta(&meta), Err(CatalogueError::UnknownTheme { id: "a".into(), theme: "astrology".into() }));
        let meta =
            meta_doc(&one_meta("a", "Sleep", "child", 0, 10, "https://www.ameli.fr/assure/sante/bebe", "2026-11-23"));
        assert!(matches!(parse_meta(&meta), Err(CatalogueError::UnknownTheme { .. })));
        let meta =
            meta_doc(&one_meta("a", "sleep", "teen", 0, 10, "https://www.ameli.fr/assure/sante/bebe", "2026-11-23"));
        assert_eq!(parse_meta(&meta), Err(CatalogueError::UnknownStage { id: "a".into(), stage: "teen".into() }));
    }

    #[test]
    fn urls_must_be_plain_https_addresses_of_documents() {
        for url in [
            // A site's home page is not a source: the link must lead to the page that states the fact.
            "https://www.ameli.fr/",
            "https://www.1000-premiers-jours.fr/",
            "https://vaccination-info-service.fr/",
            "https://www.1000-premiers-jours.fr/fr",
            "http://www.ameli.fr/",
            "https://",
            "https://localhost/",
            "https://www.ameli.fr/a page",
            "ftp://www.ameli.fr/",
            "www.ameli.fr",
            "javascript:alert(1)",
            "https://.ameli.fr/",
        ] {
            let meta = meta_doc(&one_meta("a", "sleep", "child", 0, 10, url, "2026-11-23"));
            assert_eq!(parse_meta(&meta), Err(CatalogueError::BadUrl { id: "a".into(), url: url.into() }), "{url}");
        }
        let meta = meta_doc(&one_meta(
            "a",
            "sleep",
            "child",
            0,
            10,
            "https://www.service-public.fr/particuliers/vosdroits/F967",
            "2026-11-23",
        ));
        assert!(parse_meta(&meta).is_ok());
    }

    #[test]
    fn review_dates_must_be_real_iso_dates() {
        for reviewed in ["2026-13-01", "2026-02-30", "23/11/2026", "2026-1-5", "", "soon", "2026-11-23T10:00"] {
            let meta =
                meta_doc(&one_meta("a", "sleep", "child", 0, 10, "https://www.ameli.fr/assure/sante/bebe", reviewed));
            assert_eq!(
                parse_meta(&meta),
                Err(CatalogueError::BadReviewDate { id: "a".into(), reviewed: reviewed.into() }),
                "{reviewed}"
            );
        }
    }

    #[test]
    fn versions_must_match() {
        let texts = texts_doc(&[("a", "A", "Text.")]);
        let meta2 = meta_doc(&good("a")).replace(r#""version": 1"#, r#""version": 2"#);
        assert_eq!(
            Catalogue::from_json(&meta2, &texts),
            Err(CatalogueError::VersionMismatch { document: Document::Meta, found: Some(2) })
        );
        let texts_none = texts.replace(r#""version": 1,"#, "");
        assert_eq!(
            Catalogue::from_json(&meta_doc(&good("a")), &texts_none),
            Err(CatalogueError::VersionMismatch { document: Document::Texts, found: None })
        );
    }

    #[test]
    fn ids_must_be_unique_and_well_formed() {
        assert_eq!(
            parse_meta(&meta_doc(&format!("{}, {}", good("a"), good("a")))),
            Err(CatalogueError::DuplicateId { id: "a".into() })
        );
        for id in ["", "Safe-Sleep", "safe sleep", "-a", "a-", "a--b", "été"] {
            assert_eq!(parse_meta(&meta_doc(&good(id))), Err(CatalogueError::InvalidId { id: id.into() }), "{id:?}");
        }
    }

    #[test]
    fn blank_sources_bad_json_and_unknown_fields_are_refused() {
        let blank_org = meta_doc(&good("a")).replace(r#""org": "Ameli""#, r#""org": " ""#);
        assert_eq!(parse_meta(&blank_org), Err(CatalogueError::EmptySource { id: "a".into(), field: "org" }));
        assert!(matches!(parse_meta("{ not json"), Err(CatalogueError::Unreadable { .. })));
        assert!(matches!(parse_meta(r#"{ "version": 1 }"#), Err(CatalogueError::Unreadable { .. })));
        let typo = meta_doc(&good("a")).replace(r#""reviewed""#, r#""reveiwed""#);
        assert!(matches!(parse_meta(&typo), Err(CatalogueError::Unreadable { document: Document::Meta, .. })));
        let typo = texts_doc(&[("a", "A", "Text.")]).replace(r#""text""#, r#""txet""#);
        assert!(matches!(parse_texts(&typo), Err(CatalogueError::Unreadable { document: Document::Texts, .. })));
    }

    // ---- types ----

    #[test]
    fn theme_ids_match_serde_and_round_trip() {
        let expected = [
            "urgent_signs",
            "preconception",
            "pregnancy_followup",
            "birth",
            "loss",
            "nutrition",
            "feeding",
            "sleep",
            "crying",
            "substances",
            "environment",
            "screens",
            "mood",
            "second_parent",
            "bonding",
            "development",
            "vaccination",
            "rights",
            "childcare",
            "home_safety",
            "babywearing",
            "relationships",
        ];
        for (theme, id) in Theme::ALL.into_iter().zip(expected) {
            assert_eq!(theme.id(), id);
            assert_eq!(serde_json::to_string(&theme).unwrap(), format!("\"{id}\""));
            assert_eq!(Theme::from_id(id), Some(theme));
        }
        assert_eq!(Theme::from_id("unknown"), None);
    }

    #[test]
    fn ranges_include_both_ends_and_only_their_stage() {
        let a = Applies::Pregnancy { from_sa_week: 14, to_sa_week: 28 };
        assert!(a.contains(Moment::Pregnancy { sa_week: 14 }));
        assert!(a.contains(Moment::Pregnancy { sa_week: 28 }));
        assert!(!a.contains(Moment::Pregnancy { sa_week: 13 }));
        assert!(!a.contains(Moment::Pregnancy { sa_week: 29 }));
        assert!(!a.contains(Moment::child(20)));
        assert_eq!(a.span(), 15);
        let c = Applies::child(0, 0);
        assert!(c.contains(Moment::child(0)));
        assert_eq!(c.span(), 1);
    }

    #[test]
    fn coverage_gaps_lists_the_uncovered_moments() {
        let meta = parse_meta(&meta_doc(&format!(
            "{}, {}",
            one_meta("p", "sleep", "pregnancy", 2, 40, "https://www.ameli.fr/assure/sante/bebe", "2026-11-23"),
            one_meta("c", "sleep", "child", 0, 1099, "https://www.ameli.fr/assure/sante/bebe", "2026-11-23"),
        )))
        .unwrap();
        assert_eq!(
            coverage_gaps(&meta),
            vec![
                Moment::Preconception,
                Moment::Pregnancy { sa_week: 41 },
                Moment::Pregnancy { sa_week: 42 },
                Moment::Pregnancy { sa_week: 43 },
                Moment::Pregnancy { sa_week: 44 },
                Moment::child(1100),
            ]
        );
        assert_eq!(coverage_gaps(&[]).len(), 1 + 43 + 1101);
    }

    #[test]
    fn preconception_and_corrected_age_ranges_are_read_and_checked() {
        let url = "https://www.ameli.fr/assure/sante/bebe";
        let meta = |applies: &str| {
            meta_doc(&format!(
                r#"{{"id": "m", "theme": "development", "applies": {applies}, "source": {{"org": "O", "title": "T", "url": "{url}"}}, "reviewed": "2026-12-03"}}"#
            ))
        };
        let read = |applies: &str| parse_meta(&meta(applies)).map(|m| m[0].applies);
        assert_eq!(read(r#"{"stage": "preconception"}"#), Ok(Applies::Preconception));
        assert_eq!(
            read(r#"{"stage": "child", "from": 120, "to": 180, "age": "corrected"}"#),
            Ok(Applies::Child { from_age_days: 120, to_age_days: 180, age: AgeBasis::Corrected })
        );
        for refused in [
            r#"{"stage": "preconception", "from": 1, "to": 2}"#,
            r#"{"stage": "child", "from": 1}"#,
            r#"{"stage": "pregnancy", "from": 2, "to": 9, "age": "corrected"}"#,
            r#"{"stage": "child", "from": 2, "to": 9, "age": "adjusted"}"#,
        ] {
            assert!(matches!(read(refused), Err(CatalogueError::BadRange { .. })), "{refused}");
        }
        // A corrected-age range follows the corrected age, and not before the baby's term.
        let corrected = Applies::Child { from_age_days: 120, to_age_days: 180, age: AgeBasis::Corrected };
        assert!(corrected.contains(Moment::child(150)));
        assert!(!corrected.contains(Moment::Child { age_days: 150, corrected_days: Some(80) }));
        assert!(corrected.contains(Moment::Child { age_days: 200, corrected_days: Some(130) }));
        assert!(!corrected.contains(Moment::Child { age_days: 150, corrected_days: None }));
        assert!(Applies::child(120, 180).contains(Moment::Child { age_days: 150, corrected_days: None }));
        assert!(Applies::Preconception.contains(Moment::Preconception));
        assert!(!Applies::Preconception.contains(Moment::Pregnancy { sa_week: 2 }));
    }

    #[test]
    fn a_development_message_comes_first_when_its_age_comes_by_the_corrected_age() {
        let fr = fr();
        let dev = "dev-4-months-head-laughs-coos";
        let shown = |m: Moment| fr.for_day(m, 5, 3).iter().map(|m| m.meta.id.clone()).collect::<Vec<_>>();
        assert!(shown(Moment::child(120)).contains(&dev.to_string()), "a baby born at term, at 4 months");
        // Born 10 weeks early: at 120 days its corrected age is 50 days; at 190 days, 120.
        let early = Moment::Child { age_days: 120, corrected_days: Some(50) };
        assert!(!fr.for_moment(early).iter().any(|m| m.meta.id == dev));
        assert!(shown(Moment::Child { age_days: 190, corrected_days: Some(120) }).contains(&dev.to_string()));
        let before_term = Moment::Child { age_days: 40, corrected_days: None };
        assert!(!fr
            .for_moment(before_term)
            .iter()
            .any(|m| m.meta.theme == Theme::Development && m.meta.applies != Applies::child(0, 120)));
    }

    #[test]
    fn a_day_shows_the_most_timely_message_then_the_others_in_turn() {
        let catalogue = fr();
        let moment = Moment::Pregnancy { sa_week: 25 };
        let all: Vec<&str> = catalogue.for_moment(moment).iter().map(|m| m.meta.id.as_str()).collect();
        assert!(all.len() > 3, "the test needs a moment with more than 3 messages");
        let mut seen = std::collections::BTreeSet::new();
        for day in 0..all.len() as u32 {
            let picked: Vec<&str> = catalogue.for_day(moment, day, 3).iter().map(|m| m.meta.id.as_str()).collect();
            assert_eq!(picked.len(), 3);
            assert_eq!(picked[0], all[0], "the most timely message always comes first");
            let unique: std::collections::BTreeSet<_> = picked.iter().collect();
            assert_eq!(unique.len(), 3, "no message twice in a day");
            seen.extend(picked);
        }
        assert_eq!(seen.len(), all.len(), "over enough days every message is shown");
        assert_eq!(catalogue.for_day(moment, 7, 100).len(), all.len());
        assert!(catalogue.for_day(moment, 7, 0).is_empty());
    }
}
