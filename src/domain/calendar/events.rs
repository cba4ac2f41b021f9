//! What is due, and when: the events of a profile, computed from the rules of
//! `rules.json` ([`super::rules`]), which say what is due for which births (or due dates)
//! and where that is written. The rules of computation are here; the calendar itself is
//! data.
//!
//! Identifiers, note identifiers and vaccine identifiers are stable: the UI translates
//! them and the parent's "done" marks are keyed by event id.
//!
//! Windows are inclusive (`from..=to`). Week ranges in SA include the last named week
//! (22-24 SA = 22 SA + 0 days to 24 SA + 6 days, like "11 SA to 13 SA + 6 days" for the
//! first ultrasound); the child's "month m" runs from age m months to the day before age
//! m + 1 months, and "week k" after birth from day 7(k - 1) to day 7k - 1 (the day of
//! birth is day 0). Child events follow the chronological age (from the birth date),
//! also for babies born before or after term, as vaccines and exams do in France.

use super::dates::{add_days, add_months, GestationalAge, Pregnancy};
use super::holidays::birth_declaration_deadline;
use super::profile::{ChildRank, Multiplicity, Profile, Status};
use super::rules::{Basis, Campaign, Rule, Rules, Stage, Window};
pub use super::rules::{EventKind, Source, VaccineDose};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The rules of this build, made once: `rules.json` as checked and written in Rust by
/// `build.rs` (no JSON is read at run time).
pub fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(built_rules)
}

fn built_rules() -> Rules {
    use super::rules::{Applies, LeaveRow, NoteByBabies, Transition};
    use std::collections::BTreeMap;
    fn s(text: &str) -> String {
        text.to_string()
    }
    fn d(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("a date checked by build.rs")
    }
    include!(concat!(env!("OUT_DIR"), "/calendar_rules.rs"))
}

/// Something due in the 1000 days, within a window of dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// A stable id, e.g. "prenatal-visit-3", "vaccine-2m", "exam-9m".
    pub id: &'static str,
    pub kind: EventKind,
    /// The first day of the window.
    pub from: NaiveDate,
    /// The last day of the window (inclusive).
    pub to: NaiveDate,
    /// Mandatory: the rule says so, or one of its vaccine doses is (leaves and the
    /// interviews, whose offer only is mandatory, are not).
    pub mandatory: bool,
    /// Show "à confirmer avec votre professionnel de santé".
    pub check_with_professional: bool,
    /// The vaccine doses, for vaccine events (empty otherwise).
    pub vaccines: &'static [VaccineDose],
    /// A note id for the UI (`events.note.<id>`), if any.
    pub note: Option<&'static str>,
    /// The ids of the rule's sources (see [`Event::sources`]), the main one first.
    pub source_ids: &'static [String],
    /// The day the rule was last checked against its sources.
    pub reviewed: NaiveDate,
}

impl Event {
    /// The sources of the rule: who published each, its title, its address.
    pub fn sources(&self) -> impl Iterator<Item = &'static Source> + '_ {
        self.source_ids.iter().filter_map(|id| rules().source(id))
    }
}

/// Where an event stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    /// The window has not opened yet.
    Upcoming,
    /// Today is in the window.
    ToDoNow,
    /// Marked done by the parent.
    Done,
    /// The window has closed and it was not marked done.
    Overdue,
}

/// Where `event` stands on `today`, given the day it was marked done, if it was.
/// Done wins over everything else.
pub fn status(event: &Event, today: NaiveDate, done: Option<NaiveDate>) -> EventStatus {
    if done.is_some() {
        EventStatus::Done
    } else if today < event.from {
        EventStatus::Upcoming
    } else if today <= event.to {
        EventStatus::ToDoNow
    } else {
        EventStatus::Overdue
    }
}

/// The events of a profile: pregnancy events while pregnant, child events once born
/// (pregnancy events are then no longer generated), none while trying to conceive.
/// Sorted by start of window, then end, then id.
pub fn events_for(profile: &Profile) -> Vec<Event> {
    let mut events = match &profile.status {
        Status::TryingToConceive => Vec::new(),
        Status::Pregnant { date, babies, rank } => pregnancy_events(&date.pregnancy(), *babies, *rank),
        Status::Born { birth_date, babies, due_date, .. } => child_events(*birth_date, *due_date, *babies),
    };
    crate::domain::sort::sort_by_key(&mut events, |e| (e.from, e.to, e.id));
    events
}

fn babies_id(babies: Multiplicity) -> &'static str {
    match babies {
        Multiplicity::Single => "single",
        Multiplicity::Twins => "twins",
        Multiplicity::TripletsOrMore => "triplets_or_more",
    }
}

fn rank_id(rank: ChildRank) -> &'static str {
    match rank {
        ChildRank::First => "first",
        ChildRank::Second => "second",
        ChildRank::ThirdOrMore => "third_or_more",
    }
}

/// Maternity leave in weeks (before the due date, after it) by number of babies and
/// rank, from the table of `rules.json` (6 + 10 for a 1st or 2nd child, 8 + 18 from the
/// 3rd, 12 + 22 for twins, 24 + 22 for triplets or more: service-public F2265).
pub fn maternity_leave_weeks(babies: Multiplicity, rank: ChildRank) -> (u32, u32) {
    rules()
        .rules
        .iter()
        .find_map(|r| match &r.window {
            Window::MaternityLeave(rows) => {
                rows.iter().find(|row| row.babies == babies_id(babies) && row.ranks.iter().any(|x| x == rank_id(rank)))
            }
            _ => None,
        })
        .map_or((0, 0), |row| (row.before_weeks, row.after_weeks))
}

/// The event of `rule` over this window, with the rule's flags, note and sources.
fn event(rule: &'static Rule, window: (NaiveDate, NaiveDate), note: Option<&'static str>) -> Event {
    Event {
        id: &rule.id,
        kind: rule.kind,
        from: window.0,
        to: window.1.max(window.0),
        mandatory: rule.mandatory || rule.vaccines.iter().any(|d| d.mandatory),
        check_with_professional: rule.check,
        vaccines: &rule.vaccines,
        note,
        source_ids: &rule.sources,
        reviewed: rule.reviewed,
    }
}

/// The rules of `stage` that apply to a birth on `birth`, or a due date on `due`.
fn applicable(stage: Stage, birth: Option<NaiveDate>, due: Option<NaiveDate>) -> impl Iterator<Item = &'static Rule> {
    rules().rules.iter().filter(move |r| {
        let by_birth = birth.is_some_and(|b| r.applies.contains(b));
        let by_due = due.is_some_and(|d| r.applies.contains(d));
        r.stage == stage
            && match r.basis() {
                Basis::Birth => by_birth,
                Basis::Due => by_due,
                Basis::BirthOrDue => by_birth || by_due,
            }
    })
}

/// Where a day stands against the campaigns of `id`: inside one, in a season whose
/// campaign is known and does not cover it, or in a season not in the data.
enum CampaignDay {
    In,
    Outside,
    Unknown,
}

fn campaign_day(id: &str, day: NaiveDate) -> CampaignDay {
    let mut known_season = false;
    for c in rules().campaigns_of(id) {
        if (c.from..=c.to).contains(&day) {
            return CampaignDay::In;
        }
        known_season |= c.season_span().is_some_and(|(a, b)| (a..=b).contains(&day));
    }
    if known_season {
        CampaignDay::Outside
    } else {
        CampaignDay::Unknown
    }
}

/// The season after the one of `day`, for a campaign whose seasons run 1 July to 30 June.
fn next_season(id: &str, day: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let (_, end) =
        rules().campaigns_of(id).filter_map(Campaign::season_span).find(|(a, b)| (*a..=*b).contains(&day))?;
    let start = add_days(end, 1);
    Some((start, add_days(add_months(start, 12), -1)))
}

/// The window from `first_week` SA + 0 days to `last_week` SA + 6 days.
fn sa_window(p: &Pregnancy, first_week: u32, last_week: u32) -> (NaiveDate, NaiveDate) {
    (p.date_at(GestationalAge::new(first_week, 0)), p.date_at(GestationalAge::new(last_week, 6)))
}

/// The window of months `first..=last` of the pregnancy.
fn pregnancy_months(p: &Pregnancy, first: u32, last: u32) -> (NaiveDate, NaiveDate) {
    let start = p.month_window(first).map_or(p.start(), |w| w.0);
    let end = p.month_window(last).map_or(p.due_date(), |w| w.1);
    (start, end)
}

/// The part of an SA window inside a campaign of `id`, or the whole window (with its
/// note for an unknown season) when the season is not in the data; `None` when the known
/// campaigns miss it.
fn sa_in_campaign(id: &str, window: (NaiveDate, NaiveDate)) -> Option<((NaiveDate, NaiveDate), bool)> {
    let mut unknown = false;
    for day in [window.0, window.1] {
        unknown |= matches!(campaign_day(id, day), CampaignDay::Unknown);
    }
    let inside = rules().campaigns_of(id).find_map(|c| {
        let (from, to) = (window.0.max(c.from), window.1.min(c.to));
        (from <= to).then_some((from, to))
    });
    match (inside, unknown) {
        (Some(part), _) => Some((part, false)),
        (None, true) => Some((window, true)),
        (None, false) => None,
    }
}

/// The events of a pregnancy whose rules apply to its due date.
pub fn pregnancy_events(p: &Pregnancy, babies: Multiplicity, rank: ChildRank) -> Vec<Event> {
    let mut events = Vec::new();
    for rule in applicable(Stage::Pregnancy, None, Some(p.due_date())) {
        let note = rule.note.as_deref();
        let (window, note) = match &rule.window {
            Window::PregnancyMonths([a, b]) => (pregnancy_months(p, *a, *b), note),
            Window::Sa([a, b]) => (sa_window(p, *a, *b), note),
            Window::SaInCampaign { campaign, weeks: [a, b], note_if_unknown } => {
                match sa_in_campaign(campaign, sa_window(p, *a, *b)) {
                    Some((window, false)) => (window, note),
                    Some((window, true)) => (window, Some(note_if_unknown.as_str())),
                    None => continue,
                }
            }
            Window::MaternityLeave(_) => {
                let (before, after) = maternity_leave_weeks(babies, rank);
                let due = p.due_date();
                ((add_days(due, -i64::from(before) * 7), add_days(due, i64::from(after) * 7 - 1)), note)
            }
            _ => continue,
        };
        events.push(event(rule, window, note));
    }
    events
}

/// The events after a birth on `birth_date` whose rules apply to it (or to the due date,
/// when the rule says so and it is known).
pub fn child_events(birth_date: NaiveDate, due_date: Option<NaiveDate>, babies: Option<Multiplicity>) -> Vec<Event> {
    let b = birth_date;
    let mut events = Vec::new();
    for rule in applicable(Stage::Child, Some(b), due_date) {
        let note = rule.note.as_deref();
        let (window, note) = match &rule.window {
            Window::Days([first, last]) => ((add_days(b, *first), add_days(b, *last)), note),
            Window::Weeks([first, last]) => ((add_days(b, 7 * (first - 1)), add_days(b, 7 * last - 1)), note),
            Window::Months([first, last]) => ((add_months(b, *first), add_days(add_months(b, last + 1), -1)), note),
            Window::FromDayToMonths { from_day, to_months } => {
                let note = match (&rule.note_by_babies, babies) {
                    (Some(n), Some(Multiplicity::Single)) => Some(n.single.as_str()),
                    (Some(n), Some(Multiplicity::Twins | Multiplicity::TripletsOrMore)) => Some(n.multiple.as_str()),
                    _ => note,
                };
                ((add_days(b, *from_day), add_days(add_months(b, *to_months), -1)), note)
            }
            Window::BirthDeclaration { days } => ((b, birth_declaration_deadline(b, *days)), note),
            Window::SupplementaryBirthLeave { open_from, within_months, transitions } => {
                let until = transitions
                    .iter()
                    .find(|t| b <= t.births_until)
                    .map_or_else(|| add_days(add_months(b, *within_months), -1), |t| t.until);
                ((b.max(*open_from), until), note)
            }
            Window::CampaignAtBirth { campaign, note_if_unknown } => match campaign_day(campaign, b) {
                CampaignDay::In => ((b, b), note),
                CampaignDay::Unknown => ((b, b), Some(note_if_unknown.as_str())),
                CampaignDay::Outside => continue,
            },
            Window::CampaignCatchUp { campaign, within_months, note_if_unknown } => {
                if !matches!(campaign_day(campaign, b), CampaignDay::Outside) {
                    continue;
                }
                // Born outside the campaign of a known season: the next campaign, from its
                // first day to its last; if it is not in the data yet, the whole next
                // season (1 July to 30 June), with the note that says so.
                let limit = add_months(b, *within_months);
                match rules().campaigns_of(campaign).find(|c| c.from > b && c.from <= limit) {
                    Some(c) => ((c.from, c.to), note),
                    None => match next_season(campaign, b) {
                        Some(season) => (season, Some(note_if_unknown.as_str())),
                        None => continue,
                    },
                }
            }
            _ => continue,
        };
        events.push(event(rule, window, note));
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::dates::days_between;
    use crate::domain::calendar::profile::PregnancyDate;
    use std::collections::HashSet;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn pregnant(date: PregnancyDate, babies: Multiplicity, rank: ChildRank) -> Profile {
        Profile { id: "p".into(), name: "Bébé".into(), status: Status::Pregnant { date, babies, rank } }
    }

    fn born(birth: NaiveDate, term: Option<GestationalAge>, due: Option<NaiveDate>) -> Profile {
        Profile {
            id: "p".into(),
            name: "Bébé".into(),
            status: Status::Born { birth_date: birth, term_at_birth: term, due_date: due, babies: None },
        }
    }

    fn find<'a>(events: &'a [Event], id: &str) -> &'a Event {
        events.iter().find(|e| e.id == id).unwrap_or_else(|| panic!("no event {id}"))
    }

    fn has(events: &[Event], id: &str) -> bool {
        events.iter().any(|e| e.id == id)
    }

    fn window(events: &[Event], id: &str) -> (NaiveDate, NaiveDate) {
        let e = find(events, id);
        (e.from, e.to)
    }

    fn doses(events: &[Event], id: &str) -> Vec<(&'static str, u8, bool)> {
        find(events, id).vaccines.iter().map(|v| (v.vaccine.as_str(), v.dose, v.mandatory)).collect()
    }

    fn assert_well_formed(events: &[Event]) {
        let ids: HashSet<_> = events.iter().map(|e| e.id).collect();
        assert_eq!(ids.len(), events.len(), "ids are unique");
        for e in events {
            assert!(e.from <= e.to, "{}", e.id);
            assert!(e.sources().count() >= 1, "{}", e.id);
            assert_eq!(e.sources().count(), e.source_ids.len(), "{}", e.id);
            assert_eq!(e.kind == EventKind::Vaccine, !e.vaccines.is_empty(), "{}", e.id);
        }
        assert!(events.windows(2).all(|w| (w[0].from, w[0].to, w[0].id) <= (w[1].from, w[1].to, w[1].id)));
    }

    // ---- the data file ----

    /// The maternity leave table is keyed by the names profiles are stored with.
    #[test]
    fn babies_and_ranks_are_named_as_profiles_store_them() {
        use super::super::rules::{BABIES, RANKS};
        for babies in [Multiplicity::Single, Multiplicity::Twins, Multiplicity::TripletsOrMore] {
            assert_eq!(serde_json::to_string(&babies).unwrap(), format!("\"{}\"", babies_id(babies)));
            assert!(BABIES.contains(&babies_id(babies)));
        }
        for rank in [ChildRank::First, ChildRank::Second, ChildRank::ThirdOrMore] {
            assert_eq!(serde_json::to_string(&rank).unwrap(), format!("\"{}\"", rank_id(rank)));
            assert!(RANKS.contains(&rank_id(rank)));
        }
    }

    #[test]
    fn the_rules_the_app_builds_are_those_of_the_file() {
        assert_eq!(built_rules(), Rules::from_json(include_str!("rules.json")).unwrap());
    }

    #[test]
    fn the_rules_file_of_this_build_loads_and_every_note_has_a_text() {
        let rules = rules();
        assert!(rules.rules.len() >= 40);
        for lang in ["fr", "en"] {
            let file = match lang {
                "fr" => include_str!("../../../locales/fr/ui/events.json"),
                _ => include_str!("../../../locales/en/ui/events.json"),
            };
            let texts: serde_json::Value = serde_json::from_str(file).unwrap();
            rules.check_notes(|n| texts["note"][n].is_string()).unwrap_or_else(|e| panic!("{lang}: {e}"));
            for rule in &rules.rules {
                assert!(texts["title"][&rule.id].is_string(), "{lang}: no title for {}", rule.id);
                for dose in &rule.vaccines {
                    assert!(texts["vaccine"][&dose.vaccine].is_string(), "{lang}: no text for {}", dose.vaccine);
                }
            }
        }
    }

    /// Prints, for a reviewer, every event's sources and review date (`cargo test --lib
    /// list_every_event_source -- --nocapture`); fails on a home page or a missing date.
    #[test]
    fn list_every_event_source() {
        for rule in &rules().rules {
            let urls: Vec<&str> = rule.sources.iter().map(|s| rules().source(s).unwrap().url.as_str()).collect();
            assert!(urls.iter().all(|u| crate::domain::source::is_document_url(u)), "{}", rule.id);
            assert!(rule.reviewed <= rules().reviewed);
            println!("{}\treviewed {}\t{}", rule.id, rule.reviewed, urls.join(" "));
        }
    }

    fn edited(change: impl Fn(&mut serde_json::Value)) -> Result<Rules, super::super::rules::RulesError> {
        let mut v: serde_json::Value = serde_json::from_str(include_str!("rules.json")).unwrap();
        change(&mut v);
        Rules::from_json(&v.to_string())
    }

    fn rule_mut<'a>(v: &'a mut serde_json::Value, id: &str) -> &'a mut serde_json::Value {
        v["rules"].as_array_mut().unwrap().iter_mut().find(|r| r["id"] == id).unwrap()
    }

    #[test]
    fn a_broken_rules_file_is_refused_with_its_reason() {
        use super::super::rules::RulesError as E;
        assert!(edited(|_| {}).is_ok());
        // A rule without a source, or with an unknown one.
        assert!(matches!(edited(|v| rule_mut(v, "exam-9m")["sources"] = serde_json::json!([])), Err(E::Source { .. })));
        assert!(matches!(
            edited(|v| rule_mut(v, "exam-9m")["sources"] = serde_json::json!(["nowhere"])),
            Err(E::Source { .. })
        ));
        // A source that leads to a home page.
        assert!(matches!(
            edited(|v| v["sources"]["service-public-f967"]["url"] = "https://www.service-public.fr/".into()),
            Err(E::NotADocument { .. })
        ));
        // Two versions of a rule whose validity overlaps (born in 2025 gets both).
        assert_eq!(
            edited(|v| rule_mut(v, "vaccine-3m")["applies"]["from"] = "2024-06-01".into()),
            Err(E::Overlap("vaccine-3m".into()))
        );
        // The same id twice with no validity at all.
        assert_eq!(
            edited(|v| {
                let copy = rule_mut(v, "exam-9m").clone();
                v["rules"].as_array_mut().unwrap().push(copy);
            }),
            Err(E::Overlap("exam-9m".into()))
        );
        // An unknown vaccine, a vaccine rule without doses.
        assert!(matches!(
            edited(|v| rule_mut(v, "vaccine-2m")["vaccines"][0]["vaccine"] = "bcg".into()),
            Err(E::Vaccine { .. })
        ));
        assert!(matches!(
            edited(|v| rule_mut(v, "vaccine-2m")["vaccines"] = serde_json::json!([])),
            Err(E::Vaccine { .. })
        ));
        // A child's window on a pregnancy rule, bounds out of order, an unknown campaign.
        assert!(matches!(
            edited(|v| rule_mut(v, "ultrasound-1")["window"] = serde_json::json!({"months": [2, 2]})),
            Err(E::Window { .. })
        ));
        assert!(matches!(
            edited(|v| rule_mut(v, "exam-16-18m")["window"] = serde_json::json!({"months": [18, 16]})),
            Err(E::Window { .. })
        ));
        assert!(matches!(
            edited(|v| rule_mut(v, "vaccine-birth")["window"]["campaign_at_birth"]["campaign"] = "flu".into()),
            Err(E::Window { .. })
        ));
        // A maternity leave table that misses a case.
        assert!(matches!(
            edited(|v| {
                rule_mut(v, "maternity-leave")["window"]["maternity_leave"].as_array_mut().unwrap().pop();
            }),
            Err(E::Window { .. })
        ));
        // A campaign outside its season, a season given twice.
        assert!(matches!(edited(|v| v["campaigns"][0]["to"] = "2026-08-01".into()), Err(E::Campaign { .. })));
        assert!(matches!(
            edited(|v| {
                let c = v["campaigns"][0].clone();
                v["campaigns"].as_array_mut().unwrap().push(c);
            }),
            Err(E::Campaign { .. })
        ));
        // A review date after the file's, an unused source, a bad date, another version.
        assert!(matches!(edited(|v| rule_mut(v, "exam-9m")["reviewed"] = "2030-01-01".into()), Err(E::Reviewed(_))));
        assert!(matches!(
            edited(|v| v["sources"]["spare"] = v["sources"]["service-public-f967"].clone()),
            Err(E::UnusedSource(_))
        ));
        assert!(matches!(edited(|v| rule_mut(v, "exam-9m")["reviewed"] = "3 décembre".into()), Err(E::Unreadable(_))));
        assert!(matches!(edited(|v| v["version"] = 2.into()), Err(E::Version(2))));
        // A note without a text.
        let rules = edited(|v| rule_mut(v, "exam-9m")["note"] = "no-such-note".into()).unwrap();
        assert!(matches!(rules.check_notes(|n| n != "no-such-note"), Err(E::Note { .. })));
    }

    // ---- pregnancy ----

    #[test]
    fn pregnancy_events_and_windows() {
        let ddr = d(2025, 1, 1);
        let profile = pregnant(PregnancyDate::LastPeriod(ddr), Multiplicity::Single, ChildRank::First);
        let p = profile.pregnancy().expect("pregnant");
        assert_eq!(p.start(), d(2025, 1, 15));
        assert_eq!(p.due_date(), d(2025, 10, 15));
        let events = events_for(&profile);
        assert_eq!(events.len(), 15);
        assert_well_formed(&events);
        let visits: Vec<_> = events.iter().filter(|e| e.id.starts_with("prenatal-visit-")).collect();
        assert_eq!(visits.len(), 7);
        assert!(visits.iter().all(|e| e.mandatory && e.kind == EventKind::MedicalExam));
        // First visit: before the end of the 3rd month.
        assert_eq!(window(&events, "prenatal-visit-1"), (d(2025, 1, 15), d(2025, 4, 14)));
        // Then one per month, months 4 to 9.
        assert_eq!(window(&events, "prenatal-visit-2"), (d(2025, 4, 15), d(2025, 5, 14)));
        assert_eq!(window(&events, "prenatal-visit-3"), (d(2025, 5, 15), d(2025, 6, 14)));
        assert_eq!(window(&events, "prenatal-visit-7"), (d(2025, 9, 15), d(2025, 10, 14)));
        // Declaration: before the end of the 3rd month, usually online at the first visit.
        let declaration = find(&events, "pregnancy-declaration");
        assert_eq!((declaration.from, declaration.to), (d(2025, 1, 15), d(2025, 4, 14)));
        assert_eq!(declaration.note, Some("pregnancy-declaration-online"));
        assert_eq!(declaration.kind, EventKind::Administrative);
        // Ultrasounds: 11-13+6, 22-24+6, 32-34+6 SA.
        assert_eq!(window(&events, "ultrasound-1"), (d(2025, 3, 19), d(2025, 4, 8)));
        assert_eq!(p.gestational_age_on(d(2025, 4, 8)), Some(GestationalAge::new(13, 6)));
        assert_eq!(
            window(&events, "ultrasound-2"),
            (p.date_at(GestationalAge::new(22, 0)), p.date_at(GestationalAge::new(24, 6)))
        );
        assert_eq!(
            window(&events, "ultrasound-3"),
            (p.date_at(GestationalAge::new(32, 0)), p.date_at(GestationalAge::new(34, 6)))
        );
        // Early prenatal interview: offered as soon as the pregnancy is declared, until the due date.
        let interview = find(&events, "early-prenatal-interview");
        assert_eq!((interview.from, interview.to), (d(2025, 1, 15), d(2025, 10, 14)));
        assert_eq!(interview.note, Some("early-prenatal-interview-when"));
        assert!(!interview.mandatory);
        // Whooping cough 20-36 SA.
        let pertussis = find(&events, "vaccine-pertussis-pregnancy");
        assert_eq!(
            (pertussis.from, pertussis.to),
            (p.date_at(GestationalAge::new(20, 0)), p.date_at(GestationalAge::new(36, 6)))
        );
        assert!(!pertussis.check_with_professional);
        // RSV for the mother: 32-36 SA is 13 August to 16 September 2025; the 2025-2026
        // campaign opened on 1 September: only that part.
        let rsv = find(&events, "vaccine-rsv-pregnancy");
        assert_eq!((rsv.from, rsv.to), (d(2025, 9, 1), d(2025, 9, 16)));
        assert!(rsv.check_with_professional);
        assert_eq!(rsv.note, Some("rsv-maternal-in-campaign"));
        assert!(days_between(rsv.to, p.due_date()) >= 14);
        // Maternity leave: 6 weeks before the due date, 10 after: 16 weeks in all.
        let leave = find(&events, "maternity-leave");
        assert_eq!((leave.from, leave.to), (d(2025, 9, 3), d(2025, 12, 23)));
        assert_eq!(days_between(leave.from, leave.to) + 1, 16 * 7);
        // No child event before birth.
        assert!(events.iter().all(|e| !e.id.starts_with("exam-") && e.id != "birth-declaration"));
    }

    #[test]
    fn the_mothers_rsv_vaccine_only_when_32_to_36_sa_meets_a_campaign() {
        let rsv = |due| {
            let events = events_for(&pregnant(PregnancyDate::DueDate(due), Multiplicity::Single, ChildRank::First));
            events.iter().find(|e| e.id == "vaccine-rsv-pregnancy").map(|e| (e.from, e.to, e.note))
        };
        // 32-36 SA in March and April 2026: after the 2025-2026 campaign (ended 20 February), a known season: none.
        assert_eq!(rsv(d(2026, 5, 20)), None);
        // 32-36 SA all inside the campaign.
        let p = Pregnancy::from_due_date(d(2025, 12, 20));
        let inside = rsv(d(2025, 12, 20)).unwrap();
        assert_eq!((inside.0, inside.1), sa_window(&p, 32, 36));
        // Across its end (20 February 2026): the part before it.
        let across = rsv(d(2026, 3, 25)).unwrap();
        assert_eq!(across.1, d(2026, 2, 20));
        // In a season whose dates are not in the data yet: the whole window, with a note that says so.
        let p = Pregnancy::from_due_date(d(2027, 1, 10));
        let unknown = rsv(d(2027, 1, 10)).unwrap();
        assert_eq!((unknown.0, unknown.1), sa_window(&p, 32, 36));
        assert_eq!(unknown.2, Some("rsv-maternal-campaign-dates-unknown"));
    }

    #[test]
    fn pregnancy_events_by_due_date_end_the_day_before_it() {
        let due = d(2025, 1, 31);
        let profile = pregnant(PregnancyDate::DueDate(due), Multiplicity::Single, ChildRank::Second);
        let events = events_for(&profile);
        // 32-36 SA in December 2024: a season not in the data, so the RSV event is there, to check.
        assert_eq!(events.len(), 15);
        assert_eq!(window(&events, "prenatal-visit-7"), (d(2024, 12, 30), d(2025, 1, 30)));
        assert_eq!(window(&events, "early-prenatal-interview").1, d(2025, 1, 30));
    }

    #[test]
    fn maternity_leave_by_rank_and_babies() {
        let due = d(2026, 3, 10);
        let cases = [
            (Multiplicity::Single, ChildRank::First, 6, 10),
            (Multiplicity::Single, ChildRank::Second, 6, 10),
            (Multiplicity::Single, ChildRank::ThirdOrMore, 8, 18),
            (Multiplicity::Twins, ChildRank::First, 12, 22),
            (Multiplicity::Twins, ChildRank::ThirdOrMore, 12, 22),
            (Multiplicity::TripletsOrMore, ChildRank::Second, 24, 22),
        ];
        for (babies, rank, before, after) in cases {
            assert_eq!(maternity_leave_weeks(babies, rank), (before, after));
            let events = events_for(&pregnant(PregnancyDate::DueDate(due), babies, rank));
            let leave = find(&events, "maternity-leave");
            assert_eq!(days_between(leave.from, due), i64::from(before) * 7, "{babies:?} {rank:?}");
            assert_eq!(days_between(due, leave.to) + 1, i64::from(after) * 7, "{babies:?} {rank:?}");
            assert_eq!(leave.kind, EventKind::Leave);
        }
    }

    // ---- after the birth ----

    fn assert_child_events_follow_birth(events: &[Event], birth: NaiveDate) {
        assert_well_formed(events);
        assert!(events.iter().all(|e| e.from >= birth));
        assert!(events.iter().all(|e| !e.id.starts_with("prenatal")
            && !e.id.starts_with("ultrasound")
            && e.id != "maternity-leave"
            && e.id != "pregnancy-declaration"));
        assert_eq!(events.iter().filter(|e| e.id.starts_with("exam-")).count(), 12);
        // 8 slots of the calendar, and the RSV protection at birth or as a catch-up (or neither).
        let rsv = usize::from(has(events, "vaccine-birth")) + usize::from(has(events, "vaccine-rsv-catch-up"));
        assert!(rsv <= 1);
        assert_eq!(events.iter().filter(|e| e.kind == EventKind::Vaccine).count(), 8 + rsv);
        assert_eq!(window(events, "exam-8d"), (birth, add_days(birth, 8)));
        assert_eq!(window(events, "exam-w2"), (add_days(birth, 7), add_days(birth, 13)));
        assert_eq!(window(events, "exam-2m").0, add_months(birth, 2));
        assert_eq!(window(events, "vaccine-2m"), window(events, "exam-2m"));
        assert_eq!(window(events, "exam-9m"), (add_months(birth, 9), add_days(add_months(birth, 10), -1)));
        assert_eq!(window(events, "exam-16-18m"), (add_months(birth, 16), add_days(add_months(birth, 19), -1)));
        assert_eq!(window(events, "exam-24-25m"), (add_months(birth, 24), add_days(add_months(birth, 26), -1)));
        assert_eq!(window(events, "vaccine-11m").0, add_months(birth, 11));
        assert_eq!(window(events, "postnatal-interview-1"), (add_days(birth, 21), add_days(birth, 55)));
        assert_eq!(window(events, "postnatal-interview-2"), (add_days(birth, 63), add_days(birth, 97)));
        assert_eq!(window(events, "birth-leave-3-days"), (birth, add_days(birth, 2)));
        assert_eq!(window(events, "second-parent-leave-4-days"), (add_days(birth, 3), add_days(birth, 6)));
        assert_eq!(find(events, "second-parent-leave-4-days").note, Some("second-parent-leave-hospitalised-baby"));
        assert_eq!(
            window(events, "second-parent-leave-remaining"),
            (add_days(birth, 7), add_days(add_months(birth, 6), -1))
        );
        // Its length: 21 days for one baby, 28 for several, both said when not known.
        let note = |babies| find(&child_events(birth, None, babies), "second-parent-leave-remaining").note;
        assert_eq!(note(None), Some("second-parent-leave-remaining-21-or-28-days"));
        assert_eq!(note(Some(Multiplicity::Single)), Some("second-parent-leave-remaining-21-days"));
        assert_eq!(note(Some(Multiplicity::Twins)), Some("second-parent-leave-remaining-28-days"));
        assert_eq!(note(Some(Multiplicity::TripletsOrMore)), Some("second-parent-leave-remaining-28-days"));
        for id in ["exam-8d", "exam-9m", "exam-24-25m"] {
            assert_eq!(find(events, id).note, Some("health-certificate"));
        }
    }

    #[test]
    fn premature_birth_at_32_sa_follows_chronological_age() {
        let birth = d(2025, 3, 3);
        let due = d(2025, 5, 12);
        let profile = born(birth, Some(GestationalAge::new(32, 0)), Some(due));
        assert!(profile.child().is_some_and(|c| c.is_premature()));
        let events = events_for(&profile);
        assert_child_events_follow_birth(&events, birth);
        assert_eq!(window(&events, "vaccine-2m"), (d(2025, 5, 3), d(2025, 6, 2)));
        // Monday 3 March + 5 days = Saturday 8 March: Monday 10 March.
        assert_eq!(window(&events, "birth-declaration"), (birth, d(2025, 3, 10)));
        // Born in March 2025, after the campaign of a season before the data: the
        // protection at birth is to check; no catch-up can be placed.
        assert_eq!(find(&events, "vaccine-birth").note, Some("nirsevimab-campaign-dates-unknown"));
    }

    #[test]
    fn rsv_protection_at_birth_in_the_campaign_else_a_catch_up_when_the_next_one_opens() {
        // Born during the 2025-2026 campaign: at the maternity, on the day of birth.
        let events = child_events(d(2025, 10, 20), None, None);
        assert_eq!(window(&events, "vaccine-birth"), (d(2025, 10, 20), d(2025, 10, 20)));
        assert_eq!(find(&events, "vaccine-birth").note, Some("nirsevimab-at-maternity-in-campaign"));
        assert!(!has(&events, "vaccine-rsv-catch-up"));
        // Born in July 2025, before it opened: a catch-up for the whole campaign, none at birth.
        let events = child_events(d(2025, 7, 15), None, None);
        assert!(!has(&events, "vaccine-birth"));
        assert_eq!(window(&events, "vaccine-rsv-catch-up"), (d(2025, 9, 1), d(2026, 2, 20)));
        assert_eq!(find(&events, "vaccine-rsv-catch-up").note, Some("nirsevimab-catch-up"));
        // Born in March 2026, after it closed: a catch-up in the next season, whose dates are not known yet.
        let events = child_events(d(2026, 3, 3), None, None);
        assert!(!has(&events, "vaccine-birth"));
        assert_eq!(window(&events, "vaccine-rsv-catch-up"), (d(2026, 7, 1), d(2027, 6, 30)));
        assert_eq!(find(&events, "vaccine-rsv-catch-up").note, Some("nirsevimab-catch-up-dates-unknown"));
        assert!(find(&events, "vaccine-rsv-catch-up").check_with_professional);
        // Born in a season not in the data: at birth, to check.
        let events = child_events(d(2026, 10, 1), None, None);
        assert_eq!(find(&events, "vaccine-birth").note, Some("nirsevimab-campaign-dates-unknown"));
        assert!(!has(&events, "vaccine-rsv-catch-up"));
    }

    #[test]
    fn meningococcus_b_and_acwy_are_mandatory_for_children_born_from_2025() {
        let from_2025 = child_events(d(2025, 1, 1), None, None);
        assert_eq!(doses(&from_2025, "vaccine-3m"), [("menb", 1, true), ("rotavirus", 2, false)]);
        assert_eq!(doses(&from_2025, "vaccine-5m"), [("menb", 2, true)]);
        assert_eq!(doses(&from_2025, "vaccine-6m"), [("menacwy", 1, true)]);
        assert_eq!(doses(&from_2025, "vaccine-12m"), [("mmr", 1, true), ("menb", 3, true), ("menacwy", 2, true)]);
        assert!(!find(&from_2025, "vaccine-3m").check_with_professional);
        // Born the day before: recommended, to check with a professional.
        let before = child_events(d(2024, 12, 31), None, None);
        assert_eq!(doses(&before, "vaccine-3m"), [("menb", 1, false), ("rotavirus", 2, false)]);
        assert_eq!(doses(&before, "vaccine-5m"), [("menb", 2, false)]);
        assert_eq!(doses(&before, "vaccine-6m"), [("menacwy", 1, false)]);
        assert_eq!(doses(&before, "vaccine-12m"), [("mmr", 1, true), ("menb", 3, false), ("menacwy", 2, false)]);
        for id in ["vaccine-3m", "vaccine-5m", "vaccine-6m", "vaccine-12m"] {
            assert!(find(&before, id).check_with_professional, "{id}");
            assert_eq!(find(&before, id).note, Some("meningococcus-born-before-2025"));
            assert!(find(&before, id).mandatory == (id == "vaccine-12m"), "{id}: MMR is mandatory");
        }
    }

    #[test]
    fn the_supplementary_birth_leave_is_a_window_for_births_or_due_dates_from_2026() {
        // Born in April 2026: from 1 July 2026 (when it can first be taken) to 31 March 2027.
        let events = child_events(d(2026, 4, 24), None, None);
        let leave = find(&events, "new-birth-leave");
        assert_eq!((leave.from, leave.to), (d(2026, 7, 1), d(2027, 3, 31)));
        // Not a health matter: its note says to check with the CPAM and the employer.
        assert!(!leave.check_with_professional);
        assert_eq!(leave.note, Some("supplementary-birth-leave"));
        assert_eq!(status(leave, d(2026, 7, 2), None), EventStatus::ToDoNow, "not overdue the next day");
        // Born after 30 June 2026: within 9 months of the birth.
        let later = child_events(d(2026, 9, 1), None, None);
        assert_eq!(window(&later, "new-birth-leave"), (d(2026, 9, 1), d(2027, 5, 31)));
        // Born in December 2025 but due in January 2026: it applies too.
        let premature = child_events(d(2025, 12, 20), Some(d(2026, 1, 10)), None);
        assert_eq!(window(&premature, "new-birth-leave"), (d(2026, 7, 1), d(2027, 3, 31)));
        // Born and due in 2025: none.
        assert!(!has(&child_events(d(2025, 12, 31), None, None), "new-birth-leave"));
        assert!(!has(&child_events(d(2025, 12, 1), Some(d(2025, 12, 31)), None), "new-birth-leave"));
    }

    #[test]
    fn post_term_birth_at_41_sa_5_follows_birth_date() {
        let due = d(2026, 4, 20);
        let birth = d(2026, 4, 24);
        let profile = born(birth, Some(GestationalAge::new(41, 5)), Some(due));
        let child = profile.child().expect("born");
        assert!(!child.is_premature());
        assert_eq!(child.corrected_age_on(birth), None);
        let events = events_for(&profile);
        assert_child_events_follow_birth(&events, birth);
        assert_eq!(window(&events, "exam-2m"), (d(2026, 6, 24), d(2026, 7, 23)));
        // Friday 24 April + 5 = Wednesday 29 April.
        assert_eq!(window(&events, "birth-declaration").1, d(2026, 4, 29));
        assert!(has(&events, "new-birth-leave"));
    }

    #[test]
    fn vaccines_listed_per_slot() {
        let events = child_events(d(2025, 1, 31), None, None);
        let ids = |id: &str| -> Vec<(&str, u8)> { doses(&events, id).into_iter().map(|(v, n, _)| (v, n)).collect() };
        assert_eq!(ids("vaccine-2m"), [("hexavalent", 1), ("pneumococcal", 1), ("rotavirus", 1)]);
        assert_eq!(ids("vaccine-3m"), [("menb", 1), ("rotavirus", 2)]);
        assert_eq!(ids("vaccine-4m"), [("hexavalent", 2), ("pneumococcal", 2), ("rotavirus", 3)]);
        assert_eq!(ids("vaccine-5m"), [("menb", 2)]);
        assert_eq!(ids("vaccine-6m"), [("menacwy", 1)]);
        assert_eq!(ids("vaccine-11m"), [("hexavalent", 3), ("pneumococcal", 3)]);
        assert_eq!(ids("vaccine-12m"), [("mmr", 1), ("menb", 3), ("menacwy", 2)]);
        assert_eq!(ids("vaccine-16-18m"), [("mmr", 2)]);
        assert!(find(&events, "vaccine-2m").mandatory);
        assert_eq!(find(&events, "vaccine-4m").note, Some("rotavirus-dose-3-rotateq-only"));
        // Born 31 January: the 2-month slot opens on the last day of March, clamped
        // months elsewhere.
        assert_eq!(window(&events, "vaccine-2m"), (d(2025, 3, 31), d(2025, 4, 29)));
        assert_eq!(window(&events, "vaccine-3m"), (d(2025, 4, 30), d(2025, 5, 30)));
    }

    #[test]
    fn trying_to_conceive_has_no_events() {
        let profile = Profile { id: "t".into(), name: "B".into(), status: Status::TryingToConceive };
        assert!(events_for(&profile).is_empty());
    }

    #[test]
    fn status_transitions() {
        let rule = rules().rules.iter().find(|r| r.id == "exam-9m").unwrap();
        let e = event(rule, (d(2025, 3, 10), d(2025, 3, 20)), None);
        assert_eq!(status(&e, d(2025, 3, 9), None), EventStatus::Upcoming);
        assert_eq!(status(&e, d(2025, 3, 10), None), EventStatus::ToDoNow);
        assert_eq!(status(&e, d(2025, 3, 20), None), EventStatus::ToDoNow);
        assert_eq!(status(&e, d(2025, 3, 21), None), EventStatus::Overdue);
        for today in [d(2025, 3, 1), d(2025, 3, 15), d(2025, 4, 1)] {
            assert_eq!(status(&e, today, Some(d(2025, 3, 12))), EventStatus::Done);
        }
        // A one-day window.
        let one = event(rule, (d(2025, 3, 10), d(2025, 3, 10)), None);
        assert_eq!(status(&one, d(2025, 3, 10), None), EventStatus::ToDoNow);
        assert_eq!(status(&one, d(2025, 3, 11), None), EventStatus::Overdue);
    }

    #[test]
    fn never_panics_from_1900_to_2100_nor_at_chrono_limits() {
        let dates = d(1900, 1, 1).iter_days().take_while(|x| *x <= d(2100, 12, 31)).step_by(5);
        for date in dates.chain([NaiveDate::MIN, NaiveDate::MAX]) {
            for known in
                [PregnancyDate::DueDate(date), PregnancyDate::LastPeriod(date), PregnancyDate::PregnancyStart(date)]
            {
                let events = events_for(&pregnant(known, Multiplicity::TripletsOrMore, ChildRank::ThirdOrMore));
                assert!((14..=15).contains(&events.len()));
            }
            let events = events_for(&born(date, Some(GestationalAge::new(30, 2)), Some(date)));
            assert!(events.len() >= 26);
            assert!(events.iter().all(|e| e.from <= e.to));
        }
    }
}
