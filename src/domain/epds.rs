//! The Edinburgh Postnatal Depression Scale (EPDS): its items as data, the scoring, the
//! one threshold table, the record stored after a check, and which help to offer.
//!
//! The scale: Cox, Holden & Sagovsky, *Detection of postnatal depression: development of the
//! 10-item Edinburgh Postnatal Depression Scale*, British Journal of Psychiatry 1987;150:782-786.
//! French validation: Guedeney & Fermanian, European Psychiatry 1998;13:83-89.
//!
//! The items are a validated instrument: their wording lives, transcribed exactly, in
//! `locales/<lang>/epds.json` (never in code), and every answer carries its own points.
//! Scoring only ever reads those stored points, never an answer's position, because
//! published copies differ in the order of some answers.
//!
//! Item numbers are 1-based everywhere in this module (as printed on the form); answer
//! indices are 0-based positions in the language file.
//!
//! The EPDS is a screening aid, not a diagnosis: the UI must say so, and must credit the
//! authors and translators ([`Items::credit`]).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version of the item documents this build reads.
pub const ITEMS_VERSION: u32 = 1;
/// The version of the [`Check`] record this build writes.
pub const CHECK_VERSION: u32 = 1;
/// The scale has 10 items.
pub const ITEM_COUNT: usize = 10;
/// Every item has 4 answers.
pub const ANSWER_COUNT: usize = 4;
/// The points of one answer are `0..=MAX_POINTS`.
pub const MAX_POINTS: u8 = 3;
/// The highest total.
pub const MAX_TOTAL: u8 = 30;
/// The items of the anxiety subscale EPDS-3A (blame, anxiety, panic).
pub const ANXIETY_ITEMS: [u8; 3] = [3, 4, 5];
/// The highest anxiety subscale score.
pub const MAX_ANXIETY: u8 = 9;
/// The item about thoughts of harming oneself.
pub const SELF_HARM_ITEM: u8 = 10;
/// Days after a check before a retake is suggested (the state's 1000-days app reminds after
/// 14 days; Swiss migesplus and NSW guidance repeat after 2 weeks).
pub const RETAKE_AFTER_DAYS: i64 = 14;

// ---- who answers, when, and the threshold table ----

/// Who filled the scale in. The thresholds depend on this, and only on this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Respondent {
    /// The mother, pregnant or after the birth.
    Mother,
    /// The father or other co-parent.
    SecondParent,
}

impl Respondent {
    pub const ALL: [Respondent; 2] = [Respondent::Mother, Respondent::SecondParent];

    /// Cocon's cut-offs for this respondent: **the one threshold table**, nowhere else.
    pub const fn thresholds(self) -> Thresholds {
        match self {
            // Mother, during pregnancy or after the birth.
            // - high from 13: ">= 13 probable depression" (Cox, Holden & Sagovsky 1987; used by
            //   Santé publique France, Enquête nationale périnatale 2021, BEH 2023 n°18);
            // - moderate from 9: the state's 1000-days app (SocialGouv) uses < 9 / 9-12 / >= 13;
            //   >= 10 is the more sensitive cut-off of Cox 1987, and the French validation's
            //   cut-off is 11 (Guedeney & Fermanian 1998), both inside the moderate band;
            // - anxiety (EPDS-3A) from 5: Santé publique France, ENP 2021.
            Respondent::Mother => Thresholds { moderate_from: 9, high_from: 13, anxiety_from: 5 },
            // Second parent (father or co-parent).
            // - high from 10: above 10 optimal for fathers at 7 weeks (Edmondson et al. 2010);
            //   a meta-analysis reports father cut-offs of 7 to 10 (PMC9156997);
            // - moderate from 7: the low end of that range; men >= 6 covers depression and
            //   anxiety (Matthey 2008);
            // - anxiety (EPDS-3A) from 4: Matthey 2008.
            Respondent::SecondParent => Thresholds { moderate_from: 7, high_from: 10, anxiety_from: 4 },
        }
    }

    /// The id used in stored records (snake_case, as serde writes it).
    pub fn id(self) -> &'static str {
        match self {
            Respondent::Mother => "mother",
            Respondent::SecondParent => "second_parent",
        }
    }
}

/// When the check was taken; stored with a [`Check`] for context only (the thresholds do
/// not depend on it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum When {
    Pregnancy,
    Postpartum,
}

/// The band a total falls in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Low,
    Moderate,
    High,
}

/// One row of the threshold table (see [`Respondent::thresholds`]). Every bound is the
/// first score of its band, included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Thresholds {
    /// The first total in [`Tier::Moderate`]; below it, [`Tier::Low`].
    pub moderate_from: u8,
    /// The first total in [`Tier::High`].
    pub high_from: u8,
    /// The first EPDS-3A score that flags anxiety.
    pub anxiety_from: u8,
}

impl Thresholds {
    pub const fn tier(self, total: u8) -> Tier {
        if total >= self.high_from {
            Tier::High
        } else if total >= self.moderate_from {
            Tier::Moderate
        } else {
            Tier::Low
        }
    }

    pub const fn anxiety_flag(self, anxiety: u8) -> bool {
        anxiety >= self.anxiety_from
    }
}

/// The tier of a total for this respondent.
pub const fn tier(total: u8, respondent: Respondent) -> Tier {
    respondent.thresholds().tier(total)
}

/// Whether an EPDS-3A score flags anxiety for this respondent.
pub const fn anxiety_flag(anxiety: u8, respondent: Respondent) -> bool {
    respondent.thresholds().anxiety_flag(anxiety)
}

// ---- how a result is said: level and message ----

/// What a check is called wherever it appears: the result, the printed summary, the
/// history's list, chart and table. It is the tier of the total, except that **item 10
/// above 0 is a level of its own, whatever the total**: a parent who has just said they
/// thought of harming themselves is never shown a "low" level, nor the low tier's
/// reassurance, anywhere that check is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    Low,
    Moderate,
    High,
    /// Item 10 scored above 0.
    SelfHarm,
}

impl Level {
    /// A stable id ("low", "moderate", "high", "self-harm"), for the UI's classes.
    pub const fn id(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Moderate => "moderate",
            Level::High => "high",
            Level::SelfHarm => "self-harm",
        }
    }
}

/// The level of a check of this tier, item 10 above 0 or not (see [`Level`]).
pub const fn level(tier: Tier, self_harm: bool) -> Level {
    match (self_harm, tier) {
        (true, _) => Level::SelfHarm,
        (false, Tier::Low) => Level::Low,
        (false, Tier::Moderate) => Level::Moderate,
        (false, Tier::High) => Level::High,
    }
}

/// The message that goes with a result. Item 10 above 0 has messages of its own (talk
/// about it today, 3114 first), one of them for a high total too; no other message is
/// shown with it. Mothers and second parents are told of the professionals who see them
/// (the midwife is named to mothers only). The moment (pregnancy or after the birth) does
/// not change the words: each message is written to be true at both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResultMessage {
    Low(Respondent),
    Moderate(Respondent),
    High(Respondent),
    /// Item 10 above 0, the total low or moderate.
    SelfHarm(Respondent),
    /// Item 10 above 0 and a high total.
    SelfHarmHighScore(Respondent),
}

/// The message of a result (see [`ResultMessage`]).
pub const fn result_message(tier: Tier, self_harm: bool, respondent: Respondent) -> ResultMessage {
    match (self_harm, tier) {
        (true, Tier::High) => ResultMessage::SelfHarmHighScore(respondent),
        (true, _) => ResultMessage::SelfHarm(respondent),
        (false, Tier::Low) => ResultMessage::Low(respondent),
        (false, Tier::Moderate) => ResultMessage::Moderate(respondent),
        (false, Tier::High) => ResultMessage::High(respondent),
    }
}

impl ResultMessage {
    /// Whether this message may reassure (the low tier's, and only when item 10 is 0).
    pub const fn reassures(self) -> bool {
        matches!(self, ResultMessage::Low(_))
    }
}

// ---- scoring from points ----

/// The points of every item, item 1 first.
pub type Points = [u8; ITEM_COUNT];

/// The total, 0-30 when every point is `0..=3`.
pub fn total(points: &Points) -> u8 {
    points.iter().sum()
}

/// The anxiety subscale EPDS-3A: items 3, 4 and 5, 0-9.
pub fn anxiety(points: &Points) -> u8 {
    ANXIETY_ITEMS.iter().map(|&n| points[usize::from(n) - 1]).sum()
}

/// Whether item 10 (thoughts of harming oneself) scored above 0: any answer other than the
/// one worth 0. This leads at once to the safety screen, whatever the total (Cocon is
/// deliberately stricter than the state's app, which escalates only at 3).
pub fn self_harm_flag(points: &Points) -> bool {
    points[usize::from(SELF_HARM_ITEM) - 1] > 0
}

/// Everything a completed scale gives. Computed without allocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EpdsResult {
    pub respondent: Respondent,
    /// The points of each item's chosen answer, item 1 first.
    pub points: Points,
    /// 0-30.
    pub total: u8,
    /// EPDS-3A, 0-9.
    pub anxiety: u8,
    pub tier: Tier,
    pub anxiety_flag: bool,
    /// Item 10 above 0: show the safety screen first.
    pub self_harm: bool,
}

impl EpdsResult {
    /// The result of these points, or `None` when a point is above [`MAX_POINTS`].
    pub fn from_points(points: Points, respondent: Respondent) -> Option<EpdsResult> {
        if points.iter().any(|&p| p > MAX_POINTS) {
            return None;
        }
        let total = total(&points);
        let anxiety = anxiety(&points);
        let thresholds = respondent.thresholds();
        Some(EpdsResult {
            respondent,
            points,
            total,
            anxiety,
            tier: thresholds.tier(total),
            anxiety_flag: thresholds.anxiety_flag(anxiety),
            self_harm: self_harm_flag(&points),
        })
    }

    /// What this result is called (see [`Level`]).
    pub fn level(&self) -> Level {
        level(self.tier, self.self_harm)
    }

    /// The help to offer, most urgent first (see [`help_for`]).
    pub fn help(&self) -> Vec<HelpRef> {
        help_for(self.tier, self.self_harm, self.respondent)
    }
}

// ---- the items, loaded from data ----

/// One answer of an item, in the language of its document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub text: String,
    /// 0-3, as published for this answer.
    pub points: u8,
}

/// One item of the scale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// 1-10.
    pub number: u8,
    pub text: String,
    /// In the order of the published form; their points are a permutation of 0..=3.
    pub answers: [Answer; ANSWER_COUNT],
}

/// The ten items in one language, checked: exactly 10 items numbered 1 to 10 in order,
/// exactly 4 answers each whose points are a permutation of 0..=3, no blank text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Items {
    source: String,
    credit: String,
    intro: String,
    items: [Item; ITEM_COUNT],
    /// `points[item - 1][answer]`, for scoring without touching the texts.
    points: [[u8; ANSWER_COUNT]; ITEM_COUNT],
}

/// Why an item document was refused. Loading stops at the first problem found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemsError {
    /// Not JSON, or not of the expected shape (missing or unknown field, wrong type,
    /// a number out of range for its field).
    Unreadable {
        detail: String,
    },
    /// The `version` field is missing or is not [`ITEMS_VERSION`].
    VersionMismatch {
        found: Option<u64>,
    },
    /// `source`, `credit` or `intro` is blank.
    EmptyField {
        field: &'static str,
    },
    /// Not exactly [`ITEM_COUNT`] items.
    WrongItemCount {
        found: usize,
    },
    /// The item at this 1-based position does not carry that number.
    WrongItemNumber {
        position: usize,
        found: u8,
    },
    /// Not exactly [`ANSWER_COUNT`] answers.
    WrongAnswerCount {
        item: u8,
        found: usize,
    },
    EmptyItemText {
        item: u8,
    },
    /// `answer` is 1-based.
    EmptyAnswerText {
        item: u8,
        answer: usize,
    },
    /// The points of the item's answers are not 0, 1, 2 and 3 in some order.
    PointsNotAPermutation {
        item: u8,
        points: [u8; ANSWER_COUNT],
    },
}

impl fmt::Display for ItemsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ItemsError::*;
        match self {
            Unreadable { detail } => write!(f, "EPDS document unreadable: {detail}"),
            VersionMismatch { found } => {
                write!(f, "EPDS document has version {found:?}, expected {ITEMS_VERSION}")
            }
            EmptyField { field } => write!(f, "EPDS document: {field} is empty"),
            WrongItemCount { found } => write!(f, "EPDS document has {found} items, expected {ITEM_COUNT}"),
            WrongItemNumber { position, found } => {
                write!(f, "EPDS item at position {position} is numbered {found}")
            }
            WrongAnswerCount { item, found } => {
                write!(f, "EPDS item {item} has {found} answers, expected {ANSWER_COUNT}")
            }
            EmptyItemText { item } => write!(f, "EPDS item {item}: text is empty"),
            EmptyAnswerText { item, answer } => write!(f, "EPDS item {item}: answer {answer} is empty"),
            PointsNotAPermutation { item, points } => {
                write!(f, "EPDS item {item}: points {points:?} are not 0, 1, 2, 3 in some order")
            }
        }
    }
}

impl std::error::Error for ItemsError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    #[allow(dead_code)]
    version: u64,
    source: String,
    credit: String,
    intro: String,
    items: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    number: u8,
    text: String,
    answers: Vec<RawAnswer>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnswer {
    text: String,
    points: u8,
}

fn validate_item(position: usize, raw: RawItem) -> Result<(Item, [u8; ANSWER_COUNT]), ItemsError> {
    let RawItem { number, text, answers } = raw;
    if usize::from(number) != position {
        return Err(ItemsError::WrongItemNumber { position, found: number });
    }
    if text.trim().is_empty() {
        return Err(ItemsError::EmptyItemText { item: number });
    }
    if answers.len() != ANSWER_COUNT {
        return Err(ItemsError::WrongAnswerCount { item: number, found: answers.len() });
    }
    let mut points = [0u8; ANSWER_COUNT];
    for (i, answer) in answers.iter().enumerate() {
        if answer.text.trim().is_empty() {
            return Err(ItemsError::EmptyAnswerText { item: number, answer: i + 1 });
        }
        points[i] = answer.points;
    }
    let mut seen = [false; ANSWER_COUNT];
    for &p in &points {
        match seen.get_mut(usize::from(p)) {
            Some(slot) if !*slot => *slot = true,
            _ => return Err(ItemsError::PointsNotAPermutation { item: number, points }),
        }
    }
    let answers: Vec<Answer> = answers.into_iter().map(|a| Answer { text: a.text, points: a.points }).collect();
    let answers: [Answer; ANSWER_COUNT] = answers.try_into().expect("length checked above");
    Ok((Item { number, text, answers }, points))
}

impl Items {
    /// Reads and checks `locales/<lang>/epds.json`.
    pub fn from_json(json: &str) -> Result<Items, ItemsError> {
        let unreadable = |e: serde_json::Error| ItemsError::Unreadable { detail: e.to_string() };
        let value: serde_json::Value = serde_json::from_str(json).map_err(unreadable)?;
        let found = value.get("version").and_then(serde_json::Value::as_u64);
        if found != Some(u64::from(ITEMS_VERSION)) {
            return Err(ItemsError::VersionMismatch { found });
        }
        let raw: RawDocument = serde_json::from_value(value).map_err(unreadable)?;
        for (field, text) in [("source", &raw.source), ("credit", &raw.credit), ("intro", &raw.intro)] {
            if text.trim().is_empty() {
                return Err(ItemsError::EmptyField { field });
            }
        }
        if raw.items.len() != ITEM_COUNT {
            return Err(ItemsError::WrongItemCount { found: raw.items.len() });
        }
        let mut items = Vec::with_capacity(ITEM_COUNT);
        let mut points = [[0u8; ANSWER_COUNT]; ITEM_COUNT];
        for (i, raw_item) in raw.items.into_iter().enumerate() {
            let (item, item_points) = validate_item(i + 1, raw_item)?;
            points[i] = item_points;
            items.push(item);
        }
        let items: [Item; ITEM_COUNT] = items.try_into().expect("count checked above");
        Ok(Items { source: raw.source, credit: raw.credit, intro: raw.intro, items, points })
    }

    /// Where the wording comes from and which copies it was checked against.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The credit to show on the EPDS screen (authors, translators, copyright holder).
    pub fn credit(&self) -> &str {
        &self.credit
    }

    /// The line the form puts before the items ("In the past 7 days").
    pub fn intro(&self) -> &str {
        &self.intro
    }

    /// The ten items, item 1 first.
    pub fn items(&self) -> &[Item; ITEM_COUNT] {
        &self.items
    }

    /// The item with this number (1-10).
    pub fn item(&self, number: u8) -> Option<&Item> {
        self.items.get(usize::from(number).checked_sub(1)?)
    }

    /// The points of each answer: `points_table()[item - 1][answer]`.
    pub fn points_table(&self) -> &[[u8; ANSWER_COUNT]; ITEM_COUNT] {
        &self.points
    }

    /// The points of the chosen answers, from the stored points.
    pub fn points_of(&self, answers: &Answers) -> Result<Points, ScoreError> {
        let mut points = [0u8; ITEM_COUNT];
        for (i, chosen) in answers.0.iter().enumerate() {
            let item = i as u8 + 1;
            let Some(answer) = *chosen else { return Err(ScoreError::Unanswered { item }) };
            let Some(&p) = self.points[i].get(usize::from(answer)) else {
                return Err(ScoreError::NoSuchAnswer { item, answer });
            };
            points[i] = p;
        }
        Ok(points)
    }

    /// Scores a completed scale for this respondent.
    pub fn score(&self, answers: &Answers, respondent: Respondent) -> Result<EpdsResult, ScoreError> {
        let points = self.points_of(answers)?;
        Ok(EpdsResult::from_points(points, respondent).expect("loaded points are 0..=3"))
    }
}

// ---- answers ----

/// The chosen answer of each item: `0[item - 1]` is the 0-based index of the answer in the
/// language file, `None` while unanswered.
///
/// Indices belong to one language file: store a finished check as points ([`Check`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Answers(pub [Option<u8>; ITEM_COUNT]);

/// Why answers could not be recorded or scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScoreError {
    /// Not an item number (1-10).
    NoSuchItem { item: u8 },
    /// The item has no answer with this index (0-3).
    NoSuchAnswer { item: u8, answer: u8 },
    /// This item (the first one found) has no answer yet.
    Unanswered { item: u8 },
}

impl fmt::Display for ScoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScoreError::NoSuchItem { item } => write!(f, "no EPDS item {item}"),
            ScoreError::NoSuchAnswer { item, answer } => write!(f, "EPDS item {item} has no answer {answer}"),
            ScoreError::Unanswered { item } => write!(f, "EPDS item {item} is not answered"),
        }
    }
}

impl std::error::Error for ScoreError {}

impl Answers {
    /// No item answered.
    pub const fn new() -> Answers {
        Answers([None; ITEM_COUNT])
    }

    /// Chooses answer `answer` (0-3) for item `item` (1-10).
    pub fn choose(&mut self, item: u8, answer: u8) -> Result<(), ScoreError> {
        let slot = Self::slot(item)?;
        if usize::from(answer) >= ANSWER_COUNT {
            return Err(ScoreError::NoSuchAnswer { item, answer });
        }
        self.0[slot] = Some(answer);
        Ok(())
    }

    /// Forgets the answer of item `item` (1-10).
    pub fn clear(&mut self, item: u8) -> Result<(), ScoreError> {
        self.0[Self::slot(item)?] = None;
        Ok(())
    }

    /// The chosen answer of item `item` (1-10), if any.
    pub fn chosen(&self, item: u8) -> Option<u8> {
        self.0.get(Self::slot(item).ok()?).copied().flatten()
    }

    /// How many items are answered.
    pub fn answered(&self) -> usize {
        self.0.iter().filter(|a| a.is_some()).count()
    }

    pub fn is_complete(&self) -> bool {
        self.0.iter().all(Option::is_some)
    }

    /// The first item without an answer.
    pub fn first_unanswered(&self) -> Option<u8> {
        self.0.iter().position(Option::is_none).map(|i| i as u8 + 1)
    }

    fn slot(item: u8) -> Result<usize, ScoreError> {
        match usize::from(item) {
            n @ 1..=ITEM_COUNT => Ok(n - 1),
            _ => Err(ScoreError::NoSuchItem { item }),
        }
    }
}

// ---- the stored record ----

/// One completed check, as stored on the device (JSON field names are stable).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub version: u32,
    #[serde(deserialize_with = "super::iso_date::de::date")]
    pub date: NaiveDate,
    pub respondent: Respondent,
    pub when: When,
    /// The points of each item's chosen answer, item 1 first (language-independent).
    pub points: Points,
    pub total: u8,
    pub anxiety: u8,
    /// The tier given by the table when the check was taken.
    pub tier: Tier,
}

/// Why a stored check was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckError {
    /// Not JSON, not of the expected shape, or without a known version.
    Unreadable(String),
    /// Written by a newer Cocon: keep it aside untouched.
    TooNew(u64),
    /// A point above 3, or a total or anxiety score that does not match the points.
    Inconsistent(&'static str),
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckError::Unreadable(detail) => write!(f, "EPDS check unreadable: {detail}"),
            CheckError::TooNew(v) => write!(f, "EPDS check has version {v}, newer than {CHECK_VERSION}"),
            CheckError::Inconsistent(what) => write!(f, "EPDS check inconsistent: {what}"),
        }
    }
}

impl std::error::Error for CheckError {}

impl Check {
    /// The record of a result taken on `date`.
    pub fn new(date: NaiveDate, when: When, result: &EpdsResult) -> Check {
        Check {
            version: CHECK_VERSION,
            date,
            respondent: result.respondent,
            when,
            points: result.points,
            total: result.total,
            anxiety: result.anxiety,
            tier: result.tier,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a check always serialises")
    }

    /// Reads a stored check; a document from a newer Cocon, or one whose scores do not
    /// match its points, is an error.
    pub fn from_json(text: &str) -> Result<Check, CheckError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| CheckError::Unreadable(e.to_string()))?;
        let check: Check = match value.get("version").and_then(serde_json::Value::as_u64) {
            Some(v) if v == u64::from(CHECK_VERSION) => {
                serde_json::from_value(value).map_err(|e| CheckError::Unreadable(e.to_string()))?
            }
            Some(v) if v > u64::from(CHECK_VERSION) => return Err(CheckError::TooNew(v)),
            _ => return Err(CheckError::Unreadable("no known version".into())),
        };
        if check.points.iter().any(|&p| p > MAX_POINTS) {
            return Err(CheckError::Inconsistent("a point is above 3"));
        }
        if check.total != total(&check.points) {
            return Err(CheckError::Inconsistent("total"));
        }
        if check.anxiety != anxiety(&check.points) {
            return Err(CheckError::Inconsistent("anxiety"));
        }
        Ok(check)
    }

    /// Item 10 above 0.
    pub fn self_harm(&self) -> bool {
        self_harm_flag(&self.points)
    }

    /// What this check is called wherever it is shown (see [`Level`]).
    pub fn level(&self) -> Level {
        level(self.tier, self.self_harm())
    }

    /// The message shown with this check's result (see [`ResultMessage`]).
    pub fn message(&self) -> ResultMessage {
        result_message(self.tier, self.self_harm(), self.respondent)
    }

    /// The anxiety flag by the current table.
    pub fn anxiety_flag(&self) -> bool {
        anxiety_flag(self.anxiety, self.respondent)
    }

    /// Whether a retake is due on `today` (see [`retake_due`]).
    pub fn retake_due(&self, today: NaiveDate) -> bool {
        retake_due(self.date, today)
    }
}

/// Whether a new check may be suggested on `today`, the last one having been taken on
/// `last`: at least [`RETAKE_AFTER_DAYS`] days later. A `last` in the future (a clock
/// changed) is never due.
pub fn retake_due(last: NaiveDate, today: NaiveDate) -> bool {
    today.signed_duration_since(last).num_days() >= RETAKE_AFTER_DAYS
}

// ---- help ----

/// A national line or kind of contact, by stable id (the UI looks up the number, hours and
/// wording elsewhere; see `shared/domain/resources.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Contact {
    /// 3114, national suicide prevention line, 24/7.
    #[serde(rename = "3114")]
    SuicidePrevention3114,
    /// 15, SAMU (medical emergency).
    #[serde(rename = "15")]
    Samu15,
    /// 112, European emergency number.
    #[serde(rename = "112")]
    Emergency112,
    /// 114, emergency by SMS (deaf, hard of hearing, unable to speak).
    #[serde(rename = "114-sms")]
    Sms114,
    /// Allô Parents Bébé (Enfance et Partage).
    #[serde(rename = "allo-parents-bebe")]
    AlloParentsBebe,
    /// Maman Blues, peer support for mothers (no phone line to show).
    #[serde(rename = "maman-blues")]
    MamanBlues,
    /// The parent's own midwife or doctor.
    #[serde(rename = "professional")]
    Professional,
    /// The PMI (protection maternelle et infantile) service.
    #[serde(rename = "pmi")]
    Pmi,
}

impl Contact {
    pub const ALL: [Contact; 8] = [
        Contact::SuicidePrevention3114,
        Contact::Samu15,
        Contact::Emergency112,
        Contact::Sms114,
        Contact::AlloParentsBebe,
        Contact::MamanBlues,
        Contact::Professional,
        Contact::Pmi,
    ];

    /// The stable id (as serde writes it).
    pub fn id(self) -> &'static str {
        match self {
            Contact::SuicidePrevention3114 => "3114",
            Contact::Samu15 => "15",
            Contact::Emergency112 => "112",
            Contact::Sms114 => "114-sms",
            Contact::AlloParentsBebe => "allo-parents-bebe",
            Contact::MamanBlues => "maman-blues",
            Contact::Professional => "professional",
            Contact::Pmi => "pmi",
        }
    }

    pub fn from_id(id: &str) -> Option<Contact> {
        Contact::ALL.into_iter().find(|c| c.id() == id)
    }

    /// The lines of the safety screen (24/7 emergency and suicide prevention).
    pub fn is_emergency(self) -> bool {
        matches!(self, Contact::SuicidePrevention3114 | Contact::Samu15 | Contact::Emergency112 | Contact::Sms114)
    }
}

/// A category of the directory, to search for the nearest entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DirectoryCategory {
    /// Perinatal psychiatry and psychology (unités de psychiatrie périnatale, CMP, psychologists).
    PerinatalMentalHealth,
    /// PMI centres.
    PmiCentre,
    /// Peer and parent support groups.
    SupportGroup,
    /// Midwives (sages-femmes), who also hold the entretien postnatal précoce.
    Midwife,
}

impl DirectoryCategory {
    pub const ALL: [DirectoryCategory; 4] = [
        DirectoryCategory::PerinatalMentalHealth,
        DirectoryCategory::PmiCentre,
        DirectoryCategory::SupportGroup,
        DirectoryCategory::Midwife,
    ];

    /// The stable id (as serde writes it).
    pub fn id(self) -> &'static str {
        match self {
            DirectoryCategory::PerinatalMentalHealth => "perinatal-mental-health",
            DirectoryCategory::PmiCentre => "pmi-centre",
            DirectoryCategory::SupportGroup => "support-group",
            DirectoryCategory::Midwife => "midwife",
        }
    }

    pub fn from_id(id: &str) -> Option<DirectoryCategory> {
        DirectoryCategory::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// One piece of help to offer: a national contact, or nearby entries of a directory
/// category. Serialised as `{"kind":"contact","id":"3114"}` or
/// `{"kind":"nearby","id":"pmi-centre"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum HelpRef {
    Contact(Contact),
    Nearby(DirectoryCategory),
}

impl HelpRef {
    /// The stable id of the contact or category.
    pub fn id(self) -> &'static str {
        match self {
            HelpRef::Contact(c) => c.id(),
            HelpRef::Nearby(c) => c.id(),
        }
    }
}

/// The help to offer after a check, most urgent first, without repeats.
///
/// - Item 10 above 0: the safety screen's lines come first, whatever the total: 3114, 15,
///   112, 114 by SMS; then a professional and perinatal mental health nearby.
/// - High: a professional soon, perinatal mental health nearby, Allô Parents Bébé, PMI.
/// - Moderate: Allô Parents Bébé, a professional, PMI, then groups and mental health nearby.
/// - Low: Allô Parents Bébé and a professional, for whenever something does not feel right.
///
/// Maman Blues and midwives are offered to mothers only.
pub fn help_for(tier: Tier, self_harm: bool, respondent: Respondent) -> Vec<HelpRef> {
    use Contact::*;
    use DirectoryCategory::*;
    use HelpRef::{Contact as C, Nearby as N};
    let mother = respondent == Respondent::Mother;
    let mut refs: Vec<HelpRef> = Vec::new();
    if self_harm {
        refs.extend([C(SuicidePrevention3114), C(Samu15), C(Emergency112), C(Sms114)]);
        refs.extend([C(Professional), N(PerinatalMentalHealth)]);
    }
    let by_tier: &[(HelpRef, bool)] = match tier {
        Tier::High => &[
            (C(Professional), true),
            (N(PerinatalMentalHealth), true),
            (C(AlloParentsBebe), true),
            (C(Pmi), true),
            (N(PmiCentre), true),
            (N(Midwife), mother),
            (C(MamanBlues), mother),
            (N(SupportGroup), true),
        ],
        Tier::Moderate => &[
            (C(AlloParentsBebe), true),
            (C(Professional), true),
            (C(Pmi), true),
            (N(PmiCentre), true),
            (N(Midwife), mother),
            (C(MamanBlues), mother),
            (N(SupportGroup), true),
            (N(PerinatalMentalHealth), true),
        ],
        Tier::Low => &[(C(AlloParentsBebe), true), (C(Professional), true)],
    };
    for &(help, offered) in by_tier {
        if offered && !refs.contains(&help) {
            refs.push(help);
        }
    }
    refs
}

/// The directory categories named in `refs`, in order: what to ask the directory for.
pub fn nearby_categories(refs: &[HelpRef]) -> Vec<DirectoryCategory> {
    refs.iter()
        .filter_map(|r| match r {
            HelpRef::Nearby(c) => Some(*c),
            HelpRef::Contact(_) => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FR: &str = include_str!("../../locales/fr/epds.json");
    const EN: &str = include_str!("../../locales/en/epds.json");

    fn en() -> Items {
        Items::from_json(EN).unwrap_or_else(|e| panic!("en: {e}"))
    }

    fn fr() -> Items {
        Items::from_json(FR).unwrap_or_else(|e| panic!("fr: {e}"))
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    // ---- the published rule and wording, written out independently of the code ----

    /// The published scoring rule: items 1, 2, 4 score 0, 1, 2, 3 from the first answer;
    /// items 3, 5-10 (starred on the form) score 3, 2, 1, 0.
    const REFERENCE_POINTS: [[u8; 4]; 10] = [
        [0, 1, 2, 3], // 1
        [0, 1, 2, 3], // 2
        [3, 2, 1, 0], // 3*
        [0, 1, 2, 3], // 4
        [3, 2, 1, 0], // 5*
        [3, 2, 1, 0], // 6*
        [3, 2, 1, 0], // 7*
        [3, 2, 1, 0], // 8*
        [3, 2, 1, 0], // 9*
        [3, 2, 1, 0], // 10*
    ];

    /// The English form (Cox, Holden & Sagovsky 1987), answers in published order.
    const PUBLISHED_EN: [(&str, [&str; 4]); 10] = [
        (
            "I have been able to laugh and see the funny side of things",
            ["As much as I always could", "Not quite so much now", "Definitely not so much now", "Not at all"],
        ),
        (
            "I have looked forward with enjoyment to things",
            ["As much as I ever did", "Rather less than I used to", "Definitely less than I used to", "Hardly at all"],
        ),
        (
            "I have blamed myself unnecessarily when things went wrong",
            ["Yes, most of the time", "Yes, some of the time", "Not very often", "No, never"],
        ),
        (
            "I have been anxious or worried for no good reason",
            ["No, not at all", "Hardly ever", "Yes, sometimes", "Yes, very often"],
        ),
        (
            "I have felt scared or panicky for no very good reason",
            ["Yes, quite a lot", "Yes, sometimes", "No, not much", "No, not at all"],
        ),
        (
            "Things have been getting on top of me",
            [
                "Yes, most of the time I haven't been able to cope at all",
                "Yes, sometimes I haven't been coping as well as usual",
                "No, most of the time I have coped quite well",
                "No, I have been coping as well as ever",
            ],
        ),
        (
            "I have been so unhappy that I have had difficulty sleeping",
            ["Yes, most of the time", "Yes, sometimes", "Not very often", "No, not at all"],
        ),
        (
            "I have felt sad or miserable",
            ["Yes, most of the time", "Yes, quite often", "Not very often", "No, not at all"],
        ),
        (
            "I have been so unhappy that I have been crying",
            ["Yes, most of the time", "Yes, quite often", "Only occasionally", "No, never"],
        ),
        ("The thought of harming myself has occurred to me", ["Yes, quite often", "Sometimes", "Hardly ever", "Never"]),
    ];

    /// The validated French form (Guedeney & Fermanian 1998), answers in published order.
    const PUBLISHED_FR: [(&str, [&str; 4]); 10] = [
        (
            "J'ai pu rire et prendre les choses du bon côté",
            [
                "Aussi souvent que d'habitude",
                "Pas tout à fait autant",
                "Vraiment beaucoup moins souvent ces jours-ci",
                "Absolument pas",
            ],
        ),
        (
            "Je me suis sentie confiante et joyeuse en pensant à l'avenir",
            [
                "Autant que d'habitude",
                "Plutôt moins que d'habitude",
                "Vraiment moins que d'habitude",
                "Pratiquement pas",
            ],
        ),
        (
            "Je me suis reprochée, sans raisons, d'être responsable quand les choses allaient mal",
            ["Oui, la plupart du temps", "Oui, parfois", "Pas très souvent", "Non, jamais"],
        ),
        (
            "Je me suis sentie inquiète ou soucieuse sans motifs",
            ["Non, pas du tout", "Presque jamais", "Oui, parfois", "Oui, très souvent"],
        ),
        (
            "Je me suis sentie effrayée ou paniquée sans vraiment de raisons",
            ["Oui, vraiment souvent", "Oui, parfois", "Non, pas très souvent", "Non, pas du tout"],
        ),
        (
            "J'ai eu tendance à me sentir dépassée par les évènements",
            [
                "Oui, la plupart du temps, je me suis sentie incapable de faire face aux situations",
                "Oui, parfois, je ne me suis pas sentie aussi capable de faire face que d'habitude",
                "Non, j'ai pu faire face à la plupart des situations",
                "Non, je me suis sentie aussi efficace que d'habitude",
            ],
        ),
        (
            "Je me suis sentie si malheureuse que j'ai eu des problèmes de sommeil",
            ["Oui, la plupart du temps", "Oui, parfois", "Pas très souvent", "Non, pas du tout"],
        ),
        (
            "Je me suis sentie triste ou peu heureuse",
            ["Oui, la plupart du temps", "Oui, très souvent", "Pas très souvent", "Non, pas du tout"],
        ),
        (
            "Je me suis sentie si malheureuse que j'en ai pleuré",
            ["Oui, la plupart du temps", "Oui, très souvent", "Seulement de temps en temps", "Non, jamais"],
        ),
        ("Il m'est arrivé de penser à me faire du mal", ["Oui, très souvent", "Parfois", "Presque jamais", "Jamais"]),
    ];

    /// The tier as the table in `epds.md` states it, written separately from the code.
    fn reference_tier(total: u32, respondent: Respondent) -> Tier {
        match respondent {
            Respondent::Mother => match total {
                0..=8 => Tier::Low,
                9..=12 => Tier::Moderate,
                _ => Tier::High,
            },
            Respondent::SecondParent => match total {
                0..=6 => Tier::Low,
                7..=9 => Tier::Moderate,
                _ => Tier::High,
            },
        }
    }

    fn reference_anxiety_flag(anxiety: u32, respondent: Respondent) -> bool {
        match respondent {
            Respondent::Mother => anxiety >= 5,
            Respondent::SecondParent => anxiety >= 4,
        }
    }

    // ---- exhaustive check of the scoring ----

    #[test]
    fn every_answer_combination_scores_as_the_published_rule() {
        let items = en();
        let mut idx = [0u8; ITEM_COUNT];
        let mut combinations = 0u32;
        let mut self_harm_count = 0u32;
        loop {
            let answers = Answers(idx.map(Some));
            let mut ref_total = 0u32;
            for (i, &a) in idx.iter().enumerate() {
                ref_total += u32::from(REFERENCE_POINTS[i][usize::from(a)]);
            }
            let ref_anxiety = u32::from(REFERENCE_POINTS[2][usize::from(idx[2])])
                + u32::from(REFERENCE_POINTS[3][usize::from(idx[3])])
                + u32::from(REFERENCE_POINTS[4][usize::from(idx[4])]);
            // Item 10's answers are printed "Yes, quite often" .. "Never": only the last is 0.
            let ref_self_harm = idx[9] != 3;
            for respondent in Respondent::ALL {
                let r = items.score(&answers, respondent).unwrap();
                assert_eq!(u32::from(r.total), ref_total, "{idx:?}");
                assert_eq!(u32::from(r.anxiety), ref_anxiety, "{idx:?}");
                assert_eq!(r.self_harm, ref_self_harm, "{idx:?}");
                assert_eq!(r.tier, reference_tier(ref_total, respondent), "{idx:?} {respondent:?}");
                assert_eq!(r.anxiety_flag, reference_anxiety_flag(ref_anxiety, respondent), "{idx:?}");
                assert_eq!(r.respondent, respondent);
                assert!(r.total <= MAX_TOTAL && r.anxiety <= MAX_ANXIETY);
                // Item 10 above 0 is never called low nor reassured, whatever the total.
                assert_eq!(r.level() == Level::SelfHarm, ref_self_harm, "{idx:?}");
                let message = result_message(r.tier, r.self_harm, respondent);
                assert!(!(ref_self_harm && message.reassures()), "{idx:?} {respondent:?}");
            }
            combinations += 1;
            self_harm_count += u32::from(ref_self_harm);
            // Next combination (odometer, item 1 fastest).
            let mut i = 0;
            loop {
                if i == ITEM_COUNT {
                    assert_eq!(combinations, 1 << 20);
                    assert_eq!(self_harm_count, 3 << 18);
                    return;
                }
                idx[i] += 1;
                if idx[i] < 4 {
                    break;
                }
                idx[i] = 0;
                i += 1;
            }
        }
    }

    #[test]
    fn each_language_has_the_published_wording_and_points() {
        for (lang, items, published) in [("en", en(), &PUBLISHED_EN), ("fr", fr(), &PUBLISHED_FR)] {
            for (i, (item, (text, answers))) in items.items().iter().zip(published.iter()).enumerate() {
                assert_eq!(usize::from(item.number), i + 1, "{lang}");
                assert_eq!(item.text, *text, "{lang} item {}", i + 1);
                for (j, answer) in item.answers.iter().enumerate() {
                    assert_eq!(answer.text, answers[j], "{lang} item {} answer {}", i + 1, j + 1);
                    assert_eq!(answer.points, REFERENCE_POINTS[i][j], "{lang} item {} answer {}", i + 1, j + 1);
                }
            }
            assert_eq!(items.points_table(), &REFERENCE_POINTS, "{lang}");
        }
    }

    #[test]
    fn both_language_files_load_with_ten_items_of_four_answers() {
        for (lang, items) in [("en", en()), ("fr", fr())] {
            assert_eq!(items.items().len(), 10, "{lang}");
            for (i, item) in items.items().iter().enumerate() {
                assert_eq!(usize::from(item.number), i + 1);
                assert_eq!(item.answers.len(), 4);
                assert!(item.answers.iter().all(|a| !a.text.trim().is_empty()));
            }
            assert!(items.source().contains("Cox"), "{lang}");
            assert!(items.credit().contains("Cox") && items.credit().contains("Sagovsky"), "{lang}");
            assert_eq!(items.item(10).unwrap().number, 10);
            assert!(items.item(0).is_none() && items.item(11).is_none());
        }
        assert_eq!(en().intro(), "In the past 7 days");
        assert_eq!(fr().intro(), "Pendant la semaine qui vient de s'écouler");
        assert!(fr().credit().contains("Guedeney") && fr().credit().contains("Fermanian"));
    }

    // ---- points belong to answers, not positions ----

    /// The French copies that print item 3's answers in another order: the stored points
    /// follow each answer, and scoring follows the points.
    #[test]
    fn points_follow_the_answers_when_an_item_is_printed_in_another_order() {
        let reordered = FR.replace(
            r#"{ "text": "Oui, la plupart du temps", "points": 3 },
        { "text": "Oui, parfois", "points": 2 },
        { "text": "Pas très souvent", "points": 1 },
        { "text": "Non, jamais", "points": 0 }"#,
            r#"{ "text": "Non, jamais", "points": 0 },
        { "text": "Pas très souvent", "points": 1 },
        { "text": "Oui, parfois", "points": 2 },
        { "text": "Oui, la plupart du temps", "points": 3 }"#,
        );
        assert_ne!(reordered, FR, "the replacement must apply");
        let items = Items::from_json(&reordered).unwrap();
        assert_eq!(items.points_table()[2], [0, 1, 2, 3]);
        let mut answers = Answers([Some(0); ITEM_COUNT]);
        answers.choose(3, 3).unwrap(); // "Oui, la plupart du temps", now last
        let original = fr();
        let mut same_meaning = Answers([Some(0); ITEM_COUNT]);
        same_meaning.choose(3, 0).unwrap(); // "Oui, la plupart du temps", first in the file
        let a = items.score(&answers, Respondent::Mother).unwrap();
        let b = original.score(&same_meaning, Respondent::Mother).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.points[2], 3);
    }

    #[test]
    fn self_harm_follows_the_points_of_item_ten() {
        let items = en();
        for answer in 0..4u8 {
            let mut answers = Answers([Some(3); ITEM_COUNT]);
            answers.choose(10, answer).unwrap();
            let r = items.score(&answers, Respondent::Mother).unwrap();
            // "Never" is the 4th answer and the only one worth 0.
            assert_eq!(r.self_harm, answer != 3, "answer {answer}");
        }
        // Lowest possible total with any thought of self-harm: still flagged, tier low.
        let mut answers = zero_answers(&items);
        answers.choose(10, 2).unwrap(); // "Hardly ever", 1 point
        let r = items.score(&answers, Respondent::Mother).unwrap();
        assert_eq!((r.total, r.tier, r.self_harm), (1, Tier::Low, true));
        assert_eq!(r.help()[0], HelpRef::Contact(Contact::SuicidePrevention3114));
    }

    // ---- the threshold table at its boundaries ----

    #[test]
    fn mother_tiers_change_at_9_and_13() {
        let m = Respondent::Mother;
        assert_eq!(tier(0, m), Tier::Low);
        assert_eq!(tier(8, m), Tier::Low);
        assert_eq!(tier(9, m), Tier::Moderate);
        assert_eq!(tier(12, m), Tier::Moderate);
        assert_eq!(tier(13, m), Tier::High);
        assert_eq!(tier(30, m), Tier::High);
    }

    #[test]
    fn second_parent_tiers_change_at_7_and_10() {
        let s = Respondent::SecondParent;
        assert_eq!(tier(0, s), Tier::Low);
        assert_eq!(tier(6, s), Tier::Low);
        assert_eq!(tier(7, s), Tier::Moderate);
        assert_eq!(tier(9, s), Tier::Moderate);
        assert_eq!(tier(10, s), Tier::High);
        assert_eq!(tier(30, s), Tier::High);
    }

    #[test]
    fn anxiety_flags_from_5_for_mothers_and_4_for_second_parents() {
        assert!(!anxiety_flag(4, Respondent::Mother));
        assert!(anxiety_flag(5, Respondent::Mother));
        assert!(!anxiety_flag(3, Respondent::SecondParent));
        assert!(anxiety_flag(4, Respondent::SecondParent));
        assert!(anxiety_flag(9, Respondent::SecondParent));
        assert!(!anxiety_flag(0, Respondent::Mother));
    }

    #[test]
    fn the_table_is_ordered_and_within_the_scale() {
        for r in Respondent::ALL {
            let t = r.thresholds();
            assert!(0 < t.moderate_from && t.moderate_from < t.high_from && t.high_from <= MAX_TOTAL);
            assert!(0 < t.anxiety_from && t.anxiety_from <= MAX_ANXIETY);
        }
    }

    #[test]
    fn from_points_refuses_points_above_three() {
        assert!(EpdsResult::from_points([4, 0, 0, 0, 0, 0, 0, 0, 0, 0], Respondent::Mother).is_none());
        let r = EpdsResult::from_points([3; 10], Respondent::Mother).unwrap();
        assert_eq!((r.total, r.anxiety, r.tier, r.anxiety_flag, r.self_harm), (30, 9, Tier::High, true, true));
    }

    // ---- answers ----

    #[test]
    fn answers_are_recorded_by_item_number_and_checked() {
        let mut a = Answers::new();
        assert_eq!(a.first_unanswered(), Some(1));
        assert_eq!(a.choose(0, 0), Err(ScoreError::NoSuchItem { item: 0 }));
        assert_eq!(a.choose(11, 0), Err(ScoreError::NoSuchItem { item: 11 }));
        assert_eq!(a.choose(1, 4), Err(ScoreError::NoSuchAnswer { item: 1, answer: 4 }));
        a.choose(1, 2).unwrap();
        assert_eq!(a.chosen(1), Some(2));
        assert_eq!(a.chosen(2), None);
        assert_eq!(a.chosen(11), None);
        assert_eq!(a.answered(), 1);
        assert_eq!(a.first_unanswered(), Some(2));
        assert_eq!(en().score(&a, Respondent::Mother), Err(ScoreError::Unanswered { item: 2 }));
        for item in 2..=10 {
            a.choose(item, 0).unwrap();
        }
        assert!(a.is_complete());
        assert!(en().score(&a, Respondent::Mother).is_ok());
        a.clear(5).unwrap();
        assert_eq!(en().score(&a, Respondent::Mother), Err(ScoreError::Unanswered { item: 5 }));
        // An index set directly in the public field is checked when scoring.
        let mut b = Answers([Some(0); ITEM_COUNT]);
        b.0[6] = Some(7);
        assert_eq!(en().score(&b, Respondent::Mother), Err(ScoreError::NoSuchAnswer { item: 7, answer: 7 }));
    }

    // ---- the loader on hostile inputs ----

    fn answer_json(text: &str, points: i64) -> String {
        format!(r#"{{ "text": "{text}", "points": {points} }}"#)
    }

    fn item_json(number: i64, text: &str, answers: &[String]) -> String {
        format!(r#"{{ "number": {number}, "text": "{text}", "answers": [ {} ] }}"#, answers.join(", "))
    }

    fn good_answers() -> Vec<String> {
        (0..4).map(|p| answer_json(&format!("Answer {p}"), p)).collect()
    }

    fn doc(items: &[String]) -> String {
        format!(
            r#"{{ "version": 1, "source": "Cox 1987", "credit": "Cox, Holden, Sagovsky", "intro": "In the past 7 days", "items": [ {} ] }}"#,
            items.join(", ")
        )
    }

    fn good_items() -> Vec<String> {
        (1..=10).map(|n| item_json(n, &format!("Item {n}"), &good_answers())).collect()
    }

    #[test]
    fn a_small_good_document_loads() {
        let items = Items::from_json(&doc(&good_items())).unwrap();
        assert_eq!(items.points_table()[0], [0, 1, 2, 3]);
        assert_eq!(items.item(4).unwrap().answers[2].text, "Answer 2");
    }

    #[test]
    fn the_wrong_number_of_items_is_refused() {
        let nine = &good_items()[..9];
        assert_eq!(Items::from_json(&doc(nine)), Err(ItemsError::WrongItemCount { found: 9 }));
        let mut eleven = good_items();
        eleven.push(item_json(11, "Extra", &good_answers()));
        assert_eq!(Items::from_json(&doc(&eleven)), Err(ItemsError::WrongItemCount { found: 11 }));
        assert_eq!(Items::from_json(&doc(&[])), Err(ItemsError::WrongItemCount { found: 0 }));
    }

    #[test]
    fn items_must_be_numbered_one_to_ten_in_order() {
        let mut items = good_items();
        items.swap(3, 4);
        assert_eq!(Items::from_json(&doc(&items)), Err(ItemsError::WrongItemNumber { position: 4, found: 5 }));
        let mut items = good_items();
        items[9] = item_json(9, "Item 9 again", &good_answers());
        assert_eq!(Items::from_json(&doc(&items)), Err(ItemsError::WrongItemNumber { position: 10, found: 9 }));
        let mut items = good_items();
        items[0] = item_json(-1, "Item", &good_answers());
        assert!(matches!(Items::from_json(&doc(&items)), Err(ItemsError::Unreadable { .. })));
    }

    #[test]
    fn the_wrong_number_of_answers_is_refused() {
        let mut items = good_items();
        let mut five = good_answers();
        five.push(answer_json("Answer 4", 0));
        items[2] = item_json(3, "Item 3", &five);
        assert_eq!(Items::from_json(&doc(&items)), Err(ItemsError::WrongAnswerCount { item: 3, found: 5 }));
        let mut items = good_items();
        items[7] = item_json(8, "Item 8", &good_answers()[..3]);
        assert_eq!(Items::from_json(&doc(&items)), Err(ItemsError::WrongAnswerCount { item: 8, found: 3 }));
    }

    #[test]
    fn points_must_be_a_permutation_of_zero_to_three() {
        for (points, bad) in [([0, 1, 1, 3], true), ([0, 1, 2, 4], true), ([3, 3, 3, 3], true), ([2, 0, 3, 1], false)] {
            let answers: Vec<String> =
                points.iter().enumerate().map(|(i, &p)| answer_json(&format!("A{i}"), p)).collect();
            let mut items = good_items();
            items[5] = item_json(6, "Item 6", &answers);
            let result = Items::from_json(&doc(&items));
            if bad {
                let points = points.map(|p| p as u8);
                assert_eq!(result, Err(ItemsError::PointsNotAPermutation { item: 6, points }), "{points:?}");
            } else {
                assert_eq!(result.unwrap().points_table()[5], [2, 0, 3, 1]);
            }
        }
        let mut items = good_items();
        items[0] = item_json(
            1,
            "Item 1",
            &[answer_json("a", 0), answer_json("b", 1), answer_json("c", 2), answer_json("d", 256)],
        );
        assert!(matches!(Items::from_json(&doc(&items)), Err(ItemsError::Unreadable { .. })));
    }

    #[test]
    fn empty_texts_are_refused() {
        let mut items = good_items();
        items[1] = item_json(2, "  ", &good_answers());
        assert_eq!(Items::from_json(&doc(&items)), Err(ItemsError::EmptyItemText { item: 2 }));
        let mut answers = good_answers();
        answers[3] = answer_json("", 3);
        let mut items = good_items();
        items[9] = item_json(10, "Item 10", &answers);
        assert_eq!(Items::from_json(&doc(&items)), Err(ItemsError::EmptyAnswerText { item: 10, answer: 4 }));
        let blank_intro = doc(&good_items()).replace(r#""intro": "In the past 7 days""#, r#""intro": "  ""#);
        assert_eq!(Items::from_json(&blank_intro), Err(ItemsError::EmptyField { field: "intro" }));
        let blank_source = doc(&good_items()).replace(r#""source": "Cox 1987""#, r#""source": """#);
        assert_eq!(Items::from_json(&blank_source), Err(ItemsError::EmptyField { field: "source" }));
        let blank_credit = doc(&good_items()).replace(r#""credit": "Cox, Holden, Sagovsky""#, r#""credit": " ""#);
        assert_eq!(Items::from_json(&blank_credit), Err(ItemsError::EmptyField { field: "credit" }));
    }

    #[test]
    fn bad_json_versions_and_unknown_fields_are_refused() {
        assert!(matches!(Items::from_json("{ not json"), Err(ItemsError::Unreadable { .. })));
        let v2 = doc(&good_items()).replace(r#""version": 1"#, r#""version": 2"#);
        assert_eq!(Items::from_json(&v2), Err(ItemsError::VersionMismatch { found: Some(2) }));
        let none = doc(&good_items()).replace(r#""version": 1, "#, "");
        assert_eq!(Items::from_json(&none), Err(ItemsError::VersionMismatch { found: None }));
        let typo = doc(&good_items()).replacen(r#""points""#, r#""score""#, 1);
        assert!(matches!(Items::from_json(&typo), Err(ItemsError::Unreadable { .. })));
        let missing = doc(&good_items()).replace(r#""credit": "Cox, Holden, Sagovsky", "#, "");
        assert!(matches!(Items::from_json(&missing), Err(ItemsError::Unreadable { .. })));
    }

    // ---- the stored record ----

    /// Every item answered with its answer worth 0.
    fn zero_answers(items: &Items) -> Answers {
        let mut answers = Answers::new();
        for item in items.items() {
            let zero = item.answers.iter().position(|a| a.points == 0).unwrap();
            answers.choose(item.number, zero as u8).unwrap();
        }
        answers
    }

    fn sample_check() -> Check {
        let mut answers = zero_answers(&en());
        answers.choose(1, 2).unwrap(); // 2 points
        answers.choose(4, 3).unwrap(); // 3 points
        answers.choose(5, 1).unwrap(); // 2 points
        let r = en().score(&answers, Respondent::SecondParent).unwrap();
        Check::new(date(2026, 3, 2), When::Postpartum, &r)
    }

    #[test]
    fn a_check_has_a_stable_shape_and_round_trips() {
        let check = sample_check();
        assert_eq!(
            check.to_json(),
            r#"{"version":1,"date":"2026-03-02","respondent":"second_parent","when":"postpartum","points":[2,0,0,3,2,0,0,0,0,0],"total":7,"anxiety":5,"tier":"moderate"}"#
        );
        assert_eq!(Check::from_json(&check.to_json()), Ok(check.clone()));
        assert!(check.anxiety_flag());
        assert!(!check.self_harm());
        assert_eq!(check.version, CHECK_VERSION);
    }

    #[test]
    fn stored_checks_that_do_not_add_up_or_are_too_new_are_refused() {
        let json = sample_check().to_json();
        assert_eq!(
            Check::from_json(&json.replace(r#""total":7"#, r#""total":8"#)),
            Err(CheckError::Inconsistent("total"))
        );
        assert_eq!(
            Check::from_json(&json.replace(r#""anxiety":5"#, r#""anxiety":4"#)),
            Err(CheckError::Inconsistent("anxiety"))
        );
        assert_eq!(
            Check::from_json(&json.replace("[2,0,0,3,2", "[5,0,0,3,2").replace(r#""total":7"#, r#""total":10"#)),
            Err(CheckError::Inconsistent("a point is above 3"))
        );
        assert_eq!(Check::from_json(&json.replace(r#""version":1"#, r#""version":3"#)), Err(CheckError::TooNew(3)));
        assert!(matches!(Check::from_json(&json.replace(r#""version":1,"#, "")), Err(CheckError::Unreadable(_))));
        assert!(matches!(
            Check::from_json(&json.replace(r#""when":"postpartum""#, r#""when":"later""#)),
            Err(CheckError::Unreadable(_))
        ));
        assert!(matches!(
            Check::from_json(&json.replace(r#""tier":"moderate""#, r#""tier":"moderate","extra":1"#)),
            Err(CheckError::Unreadable(_))
        ));
        assert!(matches!(
            Check::from_json(&json.replace("[2,0,0,3,2,0,0,0,0,0]", "[2,0,0,3,2,0,0,0,0]")),
            Err(CheckError::Unreadable(_))
        ));
        assert!(matches!(Check::from_json("nope"), Err(CheckError::Unreadable(_))));
    }

    #[test]
    fn a_retake_is_due_fourteen_days_later() {
        let last = date(2026, 2, 20);
        assert!(!retake_due(last, last));
        assert!(!retake_due(last, date(2026, 3, 5))); // 13 days
        assert!(retake_due(last, date(2026, 3, 6))); // 14 days
        assert!(retake_due(last, date(2027, 1, 1)));
        assert!(!retake_due(last, date(2026, 1, 1))); // the clock went back
        assert!(sample_check().retake_due(date(2026, 3, 16)));
        assert!(!sample_check().retake_due(date(2026, 3, 15)));
    }

    // ---- help ----

    #[test]
    fn self_harm_always_puts_the_emergency_lines_first() {
        let first = [
            HelpRef::Contact(Contact::SuicidePrevention3114),
            HelpRef::Contact(Contact::Samu15),
            HelpRef::Contact(Contact::Emergency112),
            HelpRef::Contact(Contact::Sms114),
        ];
        for tier in [Tier::Low, Tier::Moderate, Tier::High] {
            for respondent in Respondent::ALL {
                let help = help_for(tier, true, respondent);
                assert_eq!(&help[..4], &first, "{tier:?} {respondent:?}");
                assert!(help.contains(&HelpRef::Contact(Contact::Professional)));
                assert!(help.contains(&HelpRef::Nearby(DirectoryCategory::PerinatalMentalHealth)));
                let no_emergency = help_for(tier, false, respondent);
                assert!(no_emergency.iter().all(|h| !matches!(h, HelpRef::Contact(c) if c.is_emergency())));
            }
        }
    }

    #[test]
    fn moderate_and_high_offer_the_resources_of_the_table() {
        for tier in [Tier::Moderate, Tier::High] {
            let mother = help_for(tier, false, Respondent::Mother);
            for expected in [
                HelpRef::Contact(Contact::AlloParentsBebe),
                HelpRef::Contact(Contact::Professional),
                HelpRef::Contact(Contact::Pmi),
                HelpRef::Contact(Contact::MamanBlues),
                HelpRef::Nearby(DirectoryCategory::PerinatalMentalHealth),
                HelpRef::Nearby(DirectoryCategory::PmiCentre),
                HelpRef::Nearby(DirectoryCategory::Midwife),
                HelpRef::Nearby(DirectoryCategory::SupportGroup),
            ] {
                assert!(mother.contains(&expected), "{tier:?} {expected:?}");
            }
            let second = help_for(tier, false, Respondent::SecondParent);
            assert!(!second.contains(&HelpRef::Contact(Contact::MamanBlues)));
            assert!(!second.contains(&HelpRef::Nearby(DirectoryCategory::Midwife)));
            assert!(second.contains(&HelpRef::Contact(Contact::AlloParentsBebe)));
        }
        assert_eq!(help_for(Tier::High, false, Respondent::Mother)[0], HelpRef::Contact(Contact::Professional));
        assert_eq!(
            help_for(Tier::Low, false, Respondent::Mother),
            vec![HelpRef::Contact(Contact::AlloParentsBebe), HelpRef::Contact(Contact::Professional)]
        );
    }

    #[test]
    fn help_never_repeats_and_names_the_categories_to_search() {
        for tier in [Tier::Low, Tier::Moderate, Tier::High] {
            for self_harm in [false, true] {
                for respondent in Respondent::ALL {
                    let help = help_for(tier, self_harm, respondent);
                    for (i, h) in help.iter().enumerate() {
                        assert!(!help[i + 1..].contains(h), "{h:?} repeated");
                    }
                }
            }
        }
        let help = help_for(Tier::Moderate, false, Respondent::SecondParent);
        assert_eq!(
            nearby_categories(&help),
            vec![
                DirectoryCategory::PmiCentre,
                DirectoryCategory::SupportGroup,
                DirectoryCategory::PerinatalMentalHealth
            ]
        );
    }

    #[test]
    fn ids_are_stable_and_match_serde() {
        let contacts = ["3114", "15", "112", "114-sms", "allo-parents-bebe", "maman-blues", "professional", "pmi"];
        for (c, id) in Contact::ALL.into_iter().zip(contacts) {
            assert_eq!(c.id(), id);
            assert_eq!(Contact::from_id(id), Some(c));
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{id}\""));
        }
        let categories = ["perinatal-mental-health", "pmi-centre", "support-group", "midwife"];
        for (c, id) in DirectoryCategory::ALL.into_iter().zip(categories) {
            assert_eq!(c.id(), id);
            assert_eq!(DirectoryCategory::from_id(id), Some(c));
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{id}\""));
        }
        assert_eq!(Contact::from_id("17"), None);
        assert_eq!(
            serde_json::to_string(&HelpRef::Contact(Contact::SuicidePrevention3114)).unwrap(),
            r#"{"kind":"contact","id":"3114"}"#
        );
        assert_eq!(
            serde_json::to_string(&HelpRef::Nearby(DirectoryCategory::PmiCentre)).unwrap(),
            r#"{"kind":"nearby","id":"pmi-centre"}"#
        );
        assert_eq!(HelpRef::Nearby(DirectoryCategory::Midwife).id(), "midwife");
        for r in Respondent::ALL {
            assert_eq!(serde_json::to_string(&r).unwrap(), format!("\"{}\"", r.id()));
        }
    }

    // ---- how a result is said ----

    const ALL_TIERS: [Tier; 3] = [Tier::Low, Tier::Moderate, Tier::High];

    #[test]
    fn item_10_above_zero_is_its_own_level_and_message_whatever_the_total() {
        for respondent in Respondent::ALL {
            for tier in ALL_TIERS {
                assert_eq!(level(tier, true), Level::SelfHarm, "{tier:?}");
                let message = result_message(tier, true, respondent);
                assert!(!message.reassures(), "{tier:?} {respondent:?}");
                let expected = if tier == Tier::High {
                    ResultMessage::SelfHarmHighScore(respondent)
                } else {
                    ResultMessage::SelfHarm(respondent)
                };
                assert_eq!(message, expected);
            }
            assert_eq!(level(Tier::Low, false), Level::Low);
            assert_eq!(level(Tier::Moderate, false), Level::Moderate);
            assert_eq!(level(Tier::High, false), Level::High);
            assert_eq!(result_message(Tier::Low, false, respondent), ResultMessage::Low(respondent));
            assert!(result_message(Tier::Low, false, respondent).reassures());
            assert_eq!(result_message(Tier::Moderate, false, respondent), ResultMessage::Moderate(respondent));
            assert_eq!(result_message(Tier::High, false, respondent), ResultMessage::High(respondent));
        }
    }

    #[test]
    fn a_stored_check_with_a_low_total_and_item_10_at_one_is_not_low() {
        // Every item 0 but item 10 at its lowest non-zero answer: total 1, tier low.
        let points = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
        for respondent in Respondent::ALL {
            let result = EpdsResult::from_points(points, respondent).unwrap();
            assert_eq!(result.tier, Tier::Low);
            assert_eq!(result.level(), Level::SelfHarm);
            let check = Check::new(date(2026, 12, 3), When::Pregnancy, &result);
            assert_eq!(check.level(), Level::SelfHarm);
            assert_eq!(check.message(), ResultMessage::SelfHarm(respondent));
            let back = Check::from_json(&check.to_json()).unwrap();
            assert_eq!(back.level(), Level::SelfHarm, "read back from storage");
        }
    }
}
