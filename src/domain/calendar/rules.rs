//! The calendar's rules as dated, sourced data: `rules.json` beside this file lists every
//! exam, vaccine, administrative step and leave of the 1000 days, each with the births
//! (or due dates) it applies to, its sources and the day it was last checked, and the
//! seasonal campaigns (RSV) as date ranges. How to update it: `docs/calendar-rules.md`.
//!
//! This module only reads and checks the data (sources are [`super::source`]'s); the dates are computed in
//! [`super::events`]. It depends on nothing else of the crate (serde, chrono and std
//! only, and the source module) because `build.rs` includes it too: a file that breaks a rule below fails the
//! build, with the reason, before any test runs.
//!
//! What is checked ([`Rules::from_json`], then [`Rules::check_notes`]):
//! - every rule and campaign names at least one source, every source named exists, every
//!   source is used, and every source's address leads to a document, not a home page
//!   ([`is_document_url`]);
//! - two rules with the same id never apply to the same birth (or due date): their
//!   validity ranges do not overlap, and they share kind and stage;
//! - vaccine ids are the known ones ([`VACCINES`]), vaccine rules have doses and only
//!   they do;
//! - windows are well formed and of their stage (weeks of pregnancy for the pregnancy,
//!   age for the child), the maternity leave table covers every case once, campaigns
//!   named exist and their seasons do not overlap;
//! - review dates are not after the file's;
//! - every note id has a text in each language (`check_notes`, given the ids of
//!   `locales/<lang>/ui/events.json`).

pub use super::source::{is_document_url, Source};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The version of `rules.json` this build reads.
pub const RULES_VERSION: u32 = 1;

/// The vaccine ids the UI has texts for (`locales/<lang>/ui/events.json`, `vaccine`).
pub const VACCINES: [&str; 9] =
    ["hexavalent", "pneumococcal", "rotavirus", "menb", "menacwy", "mmr", "nirsevimab", "pertussis", "rsv-maternal"];

/// The numbers of babies of the maternity leave table, as stored in profiles.
pub const BABIES: [&str; 3] = ["single", "twins", "triplets_or_more"];
/// The ranks of the child in the family, as stored in profiles.
pub const RANKS: [&str; 3] = ["first", "second", "third_or_more"];

/// What kind of thing is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    MedicalExam,
    Vaccine,
    Administrative,
    Leave,
    Interview,
}

/// Whose dates a rule follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Generated while pregnant, from the pregnancy's dates.
    Pregnancy,
    /// Generated once born, from the birth date.
    Child,
}

/// Which date decides whether a rule applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    Birth,
    Due,
    /// The birth date, or the due date when it is known (a leave for children born, or
    /// expected, from a day).
    BirthOrDue,
}

/// The births (or due dates) a rule applies to, both ends included; no end is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Applies {
    /// Defaults to the due date for a pregnancy rule, the birth date for a child's.
    #[serde(default)]
    pub by: Option<Basis>,
    #[serde(default, deserialize_with = "optional_date")]
    pub from: Option<NaiveDate>,
    #[serde(default, deserialize_with = "optional_date")]
    pub until: Option<NaiveDate>,
}

impl Applies {
    /// Whether a rule with this range applies to a birth (or due date) on `date`.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| date >= f) && self.until.is_none_or(|u| date <= u)
    }

    fn overlaps(&self, other: &Applies) -> bool {
        let starts_before_other_ends = match (self.from, other.until) {
            (Some(f), Some(u)) => f <= u,
            _ => true,
        };
        let other_starts_before_this_ends = match (other.from, self.until) {
            (Some(f), Some(u)) => f <= u,
            _ => true,
        };
        starts_before_other_ends && other_starts_before_this_ends
    }
}

/// One dose of a vaccine in an event. `vaccine` is one of [`VACCINES`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VaccineDose {
    pub vaccine: String,
    /// The number of the dose in the schedule, from 1.
    pub dose: u8,
    /// Mandatory for the child (else recommended).
    pub mandatory: bool,
}

/// A row of the maternity leave table.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeaveRow {
    /// One of [`BABIES`].
    pub babies: String,
    /// Some of [`RANKS`].
    pub ranks: Vec<String>,
    pub before_weeks: u32,
    pub after_weeks: u32,
}

/// A later deadline for the births up to a day (a leave's first months).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transition {
    #[serde(deserialize_with = "date")]
    pub births_until: NaiveDate,
    #[serde(deserialize_with = "date")]
    pub until: NaiveDate,
}

/// When a rule's event is due. Windows are inclusive. The computations are in
/// [`super::events`]; the conventions are those of [`super`] (week ranges in SA include
/// the last week, "month m" of age runs to the day before m + 1 months).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Window {
    /// Months `[first, last]` of the pregnancy (from the start of pregnancy).
    PregnancyMonths([u32; 2]),
    /// From `first` SA + 0 days to `last` SA + 6 days.
    Sa([u32; 2]),
    /// The same SA window, only where it falls in a campaign (its part inside it); none
    /// where the campaign of that season is known and misses it; the whole window, with
    /// `note_if_unknown`, where no campaign of that season is in the data yet.
    SaInCampaign { campaign: String, weeks: [u32; 2], note_if_unknown: String },
    /// The maternity leave around the due date, by number of babies and rank.
    MaternityLeave(Vec<LeaveRow>),
    /// Days `[first, last]` after the day of birth (day 0).
    Days([i64; 2]),
    /// Weeks `[first, last]` of life (week 1 = days 0 to 6).
    Weeks([i64; 2]),
    /// Months `[first, last]` of age.
    Months([i32; 2]),
    /// From day `from_day` after birth to the day before age `to_months` months.
    FromDayToMonths { from_day: i64, to_months: i32 },
    /// `days` days after the day of birth, the last one moved to the next working day.
    BirthDeclaration { days: i64 },
    /// From `open_from` (or the birth, if later) until `within_months` months after the
    /// birth, or the deadline of a transition for the births it covers.
    SupplementaryBirthLeave {
        #[serde(deserialize_with = "date")]
        open_from: NaiveDate,
        within_months: i32,
        transitions: Vec<Transition>,
    },
    /// On the day of birth when it falls in a campaign; none when a known campaign of
    /// that season misses it; on the day of birth with `note_if_unknown` when the
    /// season's campaign is not in the data.
    CampaignAtBirth { campaign: String, note_if_unknown: String },
    /// For a baby born outside the campaign of a known season: from the start of the next
    /// campaign to its end, if it starts within `within_months` months of the birth; the
    /// whole next season, with `note_if_unknown`, when that campaign is not in the data.
    CampaignCatchUp { campaign: String, within_months: i32, note_if_unknown: String },
}

impl Window {
    fn stage(&self) -> Stage {
        match self {
            Window::PregnancyMonths(_) | Window::Sa(_) | Window::SaInCampaign { .. } | Window::MaternityLeave(_) => {
                Stage::Pregnancy
            }
            _ => Stage::Child,
        }
    }

    fn campaign(&self) -> Option<&str> {
        match self {
            Window::SaInCampaign { campaign, .. }
            | Window::CampaignAtBirth { campaign, .. }
            | Window::CampaignCatchUp { campaign, .. } => Some(campaign),
            _ => None,
        }
    }
}

/// The note of the second-parent leave by number of babies, when it is known.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteByBabies {
    pub single: String,
    pub multiple: String,
}

/// A seasonal campaign (RSV): the dates of one season, in mainland France.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    pub id: String,
    /// "2025-2026": it covers 1 July of the first year to 30 June of the second.
    pub season: String,
    #[serde(deserialize_with = "date")]
    pub from: NaiveDate,
    #[serde(deserialize_with = "date")]
    pub to: NaiveDate,
    pub sources: Vec<String>,
    #[serde(deserialize_with = "date")]
    pub reviewed: NaiveDate,
}

impl Campaign {
    /// The first and last day of the campaign's season (1 July to 30 June).
    pub fn season_span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let (a, b) = self.season.split_once('-')?;
        let (a, b): (i32, i32) = (a.parse().ok()?, b.parse().ok()?);
        if b != a + 1 {
            return None;
        }
        Some((NaiveDate::from_ymd_opt(a, 7, 1)?, NaiveDate::from_ymd_opt(b, 6, 30)?))
    }
}

/// One rule: an event, when it is due, for whom, and where that is written.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// The event's stable id: the parent's "done" marks and the UI texts are keyed by it.
    pub id: String,
    pub kind: EventKind,
    pub stage: Stage,
    #[serde(default)]
    pub applies: Applies,
    pub window: Window,
    /// Mandatory (leaves and interviews, whose offer only is mandatory, are not).
    #[serde(default)]
    pub mandatory: bool,
    /// Show "check with your health professional".
    #[serde(default)]
    pub check: bool,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub note_by_babies: Option<NoteByBabies>,
    #[serde(default)]
    pub vaccines: Vec<VaccineDose>,
    /// Source ids, the main one first.
    pub sources: Vec<String>,
    #[serde(deserialize_with = "date")]
    pub reviewed: NaiveDate,
}

impl Rule {
    /// The date that decides whether the rule applies.
    pub fn basis(&self) -> Basis {
        self.applies.by.unwrap_or(match self.stage {
            Stage::Pregnancy => Basis::Due,
            Stage::Child => Basis::Birth,
        })
    }

    /// Every note id the rule may show.
    pub fn note_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.note.iter().map(String::as_str).collect();
        if let Some(n) = &self.note_by_babies {
            ids.extend([n.single.as_str(), n.multiple.as_str()]);
        }
        if let Window::SaInCampaign { note_if_unknown, .. }
        | Window::CampaignAtBirth { note_if_unknown, .. }
        | Window::CampaignCatchUp { note_if_unknown, .. } = &self.window
        {
            ids.push(note_if_unknown);
        }
        ids
    }
}

/// The whole file, checked.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    pub version: u32,
    #[serde(deserialize_with = "date")]
    pub reviewed: NaiveDate,
    /// For the people who edit the file.
    pub about: String,
    pub sources: BTreeMap<String, Source>,
    pub campaigns: Vec<Campaign>,
    pub rules: Vec<Rule>,
}

/// Why `rules.json` was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RulesError {
    Unreadable(String),
    Version(u32),
    /// A rule or campaign (by id) names no source, or one that does not exist.
    Source {
        id: String,
        detail: String,
    },
    /// A source's address is not a document's (a home page, or not https).
    NotADocument {
        source: String,
        url: String,
    },
    UnusedSource(String),
    /// Two rules with this id apply to the same birth or due date, or differ in kind or stage.
    Overlap(String),
    Vaccine {
        id: String,
        detail: String,
    },
    Window {
        id: String,
        detail: String,
    },
    Campaign {
        id: String,
        detail: String,
    },
    /// A review date after the file's.
    Reviewed(String),
    /// A note id without a text.
    Note {
        id: String,
        note: String,
    },
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use RulesError::*;
        match self {
            Unreadable(e) => write!(f, "rules.json cannot be read: {e}"),
            Version(v) => write!(f, "rules.json has version {v}, this build reads {RULES_VERSION}"),
            Source { id, detail } => write!(f, "rules.json, {id}: {detail}"),
            NotADocument { source, url } => {
                write!(
                    f,
                    "rules.json, source {source}: {url} is not the address of a document (a home page, or not https)"
                )
            }
            UnusedSource(s) => write!(f, "rules.json: source {s} is used by no rule"),
            Overlap(id) => {
                write!(f, "rules.json: two rules {id} apply to the same births (or differ in kind or stage)")
            }
            Vaccine { id, detail } => write!(f, "rules.json, {id}: {detail}"),
            Window { id, detail } => write!(f, "rules.json, {id}: {detail}"),
            Campaign { id, detail } => write!(f, "rules.json, campaign {id}: {detail}"),
            Reviewed(id) => write!(f, "rules.json, {id}: reviewed after the file's review date"),
            Note { id, note } => {
                write!(f, "rules.json, {id}: note {note} has no text in locales/<lang>/ui/events.json")
            }
        }
    }
}

impl std::error::Error for RulesError {}

impl Rules {
    /// Reads and checks `rules.json` (all but the notes' texts: see [`Rules::check_notes`]).
    pub fn from_json(json: &str) -> Result<Rules, RulesError> {
        let rules: Rules = serde_json::from_str(json).map_err(|e| RulesError::Unreadable(e.to_string()))?;
        rules.check()?;
        Ok(rules)
    }

    fn check(&self) -> Result<(), RulesError> {
        if self.version != RULES_VERSION {
            return Err(RulesError::Version(self.version));
        }
        for (id, s) in &self.sources {
            if !is_document_url(&s.url) {
                return Err(RulesError::NotADocument { source: id.clone(), url: s.url.clone() });
            }
            if s.org.trim().is_empty() || s.title.trim().is_empty() {
                return Err(RulesError::Source {
                    id: id.clone(),
                    detail: "a source needs its publisher and title".into(),
                });
            }
        }
        let named =
            self.rules.iter().map(|r| (&r.id, &r.sources)).chain(self.campaigns.iter().map(|c| (&c.id, &c.sources)));
        for (id, sources) in named {
            if sources.is_empty() {
                return Err(RulesError::Source { id: id.clone(), detail: "no source".into() });
            }
            if let Some(unknown) = sources.iter().find(|s| !self.sources.contains_key(*s)) {
                return Err(RulesError::Source { id: id.clone(), detail: format!("unknown source {unknown}") });
            }
        }
        if let Some(unused) = self.sources.keys().find(|s| {
            !self.rules.iter().any(|r| r.sources.contains(s)) && !self.campaigns.iter().any(|c| c.sources.contains(s))
        }) {
            return Err(RulesError::UnusedSource(unused.clone()));
        }
        for (i, rule) in self.rules.iter().enumerate() {
            self.check_rule(rule)?;
            for other in &self.rules[..i] {
                if other.id == rule.id
                    && (other.kind != rule.kind
                        || other.stage != rule.stage
                        || other.basis() != rule.basis()
                        || other.applies.overlaps(&rule.applies))
                {
                    return Err(RulesError::Overlap(rule.id.clone()));
                }
            }
        }
        for (i, c) in self.campaigns.iter().enumerate() {
            let bad =
                |detail: &str| RulesError::Campaign { id: c.id.clone(), detail: format!("{}: {detail}", c.season) };
            let (first, last) =
                c.season_span().ok_or_else(|| bad("the season is not written YYYY-YYYY, two years in a row"))?;
            if c.from > c.to || c.from < first || c.to > last {
                return Err(bad("its dates are not in order within its season (1 July to 30 June)"));
            }
            if self.campaigns[..i].iter().any(|o| o.id == c.id && o.season == c.season) {
                return Err(bad("this season is given twice"));
            }
            if c.reviewed > self.reviewed {
                return Err(RulesError::Reviewed(c.id.clone()));
            }
        }
        Ok(())
    }

    fn check_rule(&self, rule: &Rule) -> Result<(), RulesError> {
        let id = &rule.id;
        let window = |detail: &str| RulesError::Window { id: id.clone(), detail: detail.into() };
        if rule.reviewed > self.reviewed {
            return Err(RulesError::Reviewed(id.clone()));
        }
        if let (Some(f), Some(u)) = (rule.applies.from, rule.applies.until) {
            if f > u {
                return Err(window("applies: from is after until"));
            }
        }
        if (rule.kind == EventKind::Vaccine) == rule.vaccines.is_empty() {
            return Err(RulesError::Vaccine {
                id: id.clone(),
                detail: "a vaccine rule lists its doses, and only a vaccine rule does".into(),
            });
        }
        for dose in &rule.vaccines {
            if !VACCINES.contains(&dose.vaccine.as_str()) {
                return Err(RulesError::Vaccine {
                    id: id.clone(),
                    detail: format!("unknown vaccine {}", dose.vaccine),
                });
            }
            if dose.dose == 0 {
                return Err(RulesError::Vaccine { id: id.clone(), detail: "doses count from 1".into() });
            }
        }
        if rule.window.stage() != rule.stage {
            return Err(window("this window is not of the rule's stage (pregnancy or child)"));
        }
        if let Some(campaign) = rule.window.campaign() {
            if !self.campaigns.iter().any(|c| c.id == campaign) {
                return Err(window(&format!("unknown campaign {campaign}")));
            }
        }
        let ordered = match &rule.window {
            Window::PregnancyMonths([a, b]) => 1 <= *a && a <= b && *b <= 9,
            Window::Sa([a, b]) | Window::SaInCampaign { weeks: [a, b], .. } => a <= b && *b <= 42,
            Window::Days([a, b]) | Window::Weeks([a, b]) => 0 <= *a && a <= b,
            Window::Months([a, b]) => 0 <= *a && a <= b,
            Window::FromDayToMonths { from_day, to_months } => *from_day >= 0 && *to_months > 0,
            Window::BirthDeclaration { days } => *days > 0,
            Window::SupplementaryBirthLeave { within_months, transitions, .. } => {
                *within_months > 0 && transitions.iter().all(|t| t.births_until <= t.until)
            }
            Window::CampaignAtBirth { .. } => true,
            Window::CampaignCatchUp { within_months, .. } => *within_months > 0,
            Window::MaternityLeave(rows) => {
                for babies in BABIES {
                    for rank in RANKS {
                        let n = rows.iter().filter(|r| r.babies == babies && r.ranks.iter().any(|x| x == rank)).count();
                        if n != 1 {
                            return Err(window(&format!("the maternity leave table has {n} rows for {babies} {rank}")));
                        }
                    }
                }
                rows.iter()
                    .all(|r| BABIES.contains(&r.babies.as_str()) && r.ranks.iter().all(|x| RANKS.contains(&x.as_str())))
            }
        };
        if !ordered {
            return Err(window("its bounds are not in order, or out of range"));
        }
        Ok(())
    }

    /// Every note id has a text: `has_text(note)` answers for one language.
    pub fn check_notes(&self, has_text: impl Fn(&str) -> bool) -> Result<(), RulesError> {
        for rule in &self.rules {
            if let Some(note) = rule.note_ids().into_iter().find(|n| !has_text(n)) {
                return Err(RulesError::Note { id: rule.id.clone(), note: note.to_string() });
            }
        }
        Ok(())
    }

    /// The source named `id`.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.get(id)
    }

    /// The campaigns of this id, in the order of the file.
    pub fn campaigns_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Campaign> + 'a {
        self.campaigns.iter().filter(move |c| c.id == id)
    }
}

/// "YYYY-MM-DD", read without chrono's parser (kept out of the wasm build).
fn parse_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let s = String::deserialize(d)?;
    parse_date(&s).ok_or_else(|| serde::de::Error::custom(format!("`{s}` is not a date (YYYY-MM-DD)")))
}

fn optional_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => parse_date(&s)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(format!("`{s}` is not a date (YYYY-MM-DD)"))),
    }
}

// ---- the rules as Rust, for the app ----
//
// The app does not parse `rules.json` at run time (that would put a JSON reader for these
// types into the first module the browser loads): `build.rs` checks the file, then writes
// it as one Rust expression with [`Rules::to_rust`], which `events.rs` includes. The
// expression calls `s` (a `String` from a literal) and `d` (a date from year, month, day),
// which the including function defines. A native test compares it with the file.

/// Rust source that builds a value equal to `self`.
trait ToRust {
    fn to_rust(&self) -> String;
}

impl ToRust for String {
    fn to_rust(&self) -> String {
        format!("s({self:?})")
    }
}

impl ToRust for NaiveDate {
    fn to_rust(&self) -> String {
        use chrono::Datelike;
        format!("d({}, {}, {})", self.year(), self.month(), self.day())
    }
}

impl<T: ToRust> ToRust for Option<T> {
    fn to_rust(&self) -> String {
        self.as_ref().map_or_else(|| "None".to_string(), |v| format!("Some({})", v.to_rust()))
    }
}

impl<T: ToRust> ToRust for Vec<T> {
    fn to_rust(&self) -> String {
        format!("vec![{}]", self.iter().map(ToRust::to_rust).collect::<Vec<_>>().join(", "))
    }
}

macro_rules! plain {
    ($($t:ty),*) => { $(impl ToRust for $t { fn to_rust(&self) -> String { format!("{self:?}") } })* };
}
plain!(u8, u32, i32, i64, bool);

/// `Enum::Variant` for the enums without data.
macro_rules! variant {
    ($($t:ident),*) => { $(impl ToRust for $t { fn to_rust(&self) -> String { format!("{}::{self:?}", stringify!($t)) } })* };
}
variant!(EventKind, Stage, Basis);

/// `Name { field: value, ... }` from the fields given.
macro_rules! record {
    ($name:expr, $self:ident, $($field:ident),*) => {
        format!("{} {{ {} }}", $name, [$(format!("{}: {}", stringify!($field), $self.$field.to_rust())),*].join(", "))
    };
}

impl ToRust for Source {
    fn to_rust(&self) -> String {
        record!("Source", self, org, title, url)
    }
}

impl ToRust for VaccineDose {
    fn to_rust(&self) -> String {
        record!("VaccineDose", self, vaccine, dose, mandatory)
    }
}

impl ToRust for LeaveRow {
    fn to_rust(&self) -> String {
        record!("LeaveRow", self, babies, ranks, before_weeks, after_weeks)
    }
}

impl ToRust for Transition {
    fn to_rust(&self) -> String {
        record!("Transition", self, births_until, until)
    }
}

impl ToRust for NoteByBabies {
    fn to_rust(&self) -> String {
        record!("NoteByBabies", self, single, multiple)
    }
}

impl ToRust for Applies {
    fn to_rust(&self) -> String {
        record!("Applies", self, by, from, until)
    }
}

impl ToRust for Campaign {
    fn to_rust(&self) -> String {
        record!("Campaign", self, id, season, from, to, sources, reviewed)
    }
}

impl ToRust for Window {
    fn to_rust(&self) -> String {
        let pair = |[a, b]: [String; 2]| format!("[{a}, {b}]");
        match self {
            Window::PregnancyMonths([a, b]) => format!("Window::PregnancyMonths({})", pair([a.to_rust(), b.to_rust()])),
            Window::Sa([a, b]) => format!("Window::Sa({})", pair([a.to_rust(), b.to_rust()])),
            Window::SaInCampaign { campaign, weeks: [a, b], note_if_unknown } => format!(
                "Window::SaInCampaign {{ campaign: {}, weeks: {}, note_if_unknown: {} }}",
                campaign.to_rust(),
                pair([a.to_rust(), b.to_rust()]),
                note_if_unknown.to_rust()
            ),
            Window::MaternityLeave(rows) => format!("Window::MaternityLeave({})", rows.to_rust()),
            Window::Days([a, b]) => format!("Window::Days({})", pair([a.to_rust(), b.to_rust()])),
            Window::Weeks([a, b]) => format!("Window::Weeks({})", pair([a.to_rust(), b.to_rust()])),
            Window::Months([a, b]) => format!("Window::Months({})", pair([a.to_rust(), b.to_rust()])),
            Window::FromDayToMonths { from_day, to_months } => format!(
                "Window::FromDayToMonths {{ from_day: {}, to_months: {} }}",
                from_day.to_rust(),
                to_months.to_rust()
            ),
            Window::BirthDeclaration { days } => format!("Window::BirthDeclaration {{ days: {} }}", days.to_rust()),
            Window::SupplementaryBirthLeave { open_from, within_months, transitions } => format!(
                "Window::SupplementaryBirthLeave {{ open_from: {}, within_months: {}, transitions: {} }}",
                open_from.to_rust(),
                within_months.to_rust(),
                transitions.to_rust()
            ),
            Window::CampaignAtBirth { campaign, note_if_unknown } => format!(
                "Window::CampaignAtBirth {{ campaign: {}, note_if_unknown: {} }}",
                campaign.to_rust(),
                note_if_unknown.to_rust()
            ),
            Window::CampaignCatchUp { campaign, within_months, note_if_unknown } => format!(
                "Window::CampaignCatchUp {{ campaign: {}, within_months: {}, note_if_unknown: {} }}",
                campaign.to_rust(),
                within_months.to_rust(),
                note_if_unknown.to_rust()
            ),
        }
    }
}

impl ToRust for Rule {
    fn to_rust(&self) -> String {
        record!(
            "Rule",
            self,
            id,
            kind,
            stage,
            applies,
            window,
            mandatory,
            check,
            note,
            note_by_babies,
            vaccines,
            sources,
            reviewed
        )
    }
}

impl Rules {
    /// Rust source of one expression that builds these rules (see the section's comment).
    pub fn to_rust(&self) -> String {
        let sources = self
            .sources
            .iter()
            .map(|(id, source)| format!("({}, {})", id.to_rust(), source.to_rust()))
            .collect::<Vec<_>>()
            .join(",\n");
        format!(
            "Rules {{ version: {}, reviewed: {}, about: {}, sources: BTreeMap::from([\n{sources}\n]), campaigns: {}, rules: vec![\n{}\n] }}",
            self.version,
            self.reviewed.to_rust(),
            self.about.to_rust(),
            self.campaigns.to_rust(),
            self.rules.iter().map(ToRust::to_rust).collect::<Vec<_>>().join(",\n")
        )
    }
}
