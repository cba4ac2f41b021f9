//! What is due, and when: the events of a profile, generated from calendar.md.
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
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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

/// One dose of a vaccine in an event. `vaccine` is a stable id for the UI:
/// "hexavalent" (DTaP-IPV-Hib-HepB), "pneumococcal", "rotavirus", "menb", "menacwy",
/// "mmr", "nirsevimab", "pertussis" (for the mother), "rsv-maternal" (Abrysvo).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct VaccineDose {
    pub vaccine: &'static str,
    /// The number of the dose in the schedule, from 1.
    pub dose: u8,
    /// Mandatory for the child (else recommended).
    pub mandatory: bool,
}

/// Something due in the 1000 days, within a window of dates.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Event {
    /// A stable id, e.g. "prenatal-visit-3", "vaccine-2m", "exam-9m".
    pub id: &'static str,
    pub kind: EventKind,
    /// The first day of the window.
    pub from: NaiveDate,
    /// The last day of the window (inclusive).
    pub to: NaiveDate,
    /// calendar.md lists it as mandatory (leaves and the interviews, whose offer only is
    /// mandatory, are not).
    pub mandatory: bool,
    /// calendar.md says "check": show "à confirmer avec votre professionnel de santé".
    pub check_with_professional: bool,
    /// The vaccine doses, for vaccine events (empty otherwise).
    pub vaccines: &'static [VaccineDose],
    /// A note id for the UI (one of the `NOTE_*` constants), if any.
    pub note: Option<&'static str>,
    /// The id of the source named in calendar.md (its text is in `locales/*/ui/events.json`,
    /// `source_name`).
    pub source: &'static str,
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

/// The child's first (8th day), 9th-month and 24th-month exams give a health
/// certificate, sent to the PMI by the doctor.
pub const NOTE_HEALTH_CERTIFICATE: &str = "health-certificate";
/// Maternity leave: at least 8 weeks must be taken, 6 of them after birth.
pub const NOTE_MATERNITY_LEAVE_MINIMUM: &str = "maternity-leave-minimum-8-weeks";
/// The new "congé de naissance" (births from 1 January 2026, in force from 1 July 2026,
/// 1 or 2 months for each parent): details set by decree.
pub const NOTE_NEW_BIRTH_LEAVE_2026: &str = "new-birth-leave-2026";
/// Nirsevimab at the maternity, if the mother was not vaccinated, in the RSV season.
pub const NOTE_NIRSEVIMAB_CONDITION: &str = "nirsevimab-if-mother-not-vaccinated-in-season";
/// The second postnatal interview: for first-time parents or when a risk is found.
pub const NOTE_POSTNATAL_INTERVIEW_2_CONDITION: &str = "postnatal-interview-2-first-time-or-risk";
/// Rotavirus dose 3 at 4 months is for the RotaTeq schedule only (Rotarix: 2 doses).
pub const NOTE_ROTAVIRUS_DOSE_3_ROTATEQ: &str = "rotavirus-dose-3-rotateq-only";
/// Abrysvo for the mother: at least 14 days before birth, during the seasonal campaign.
pub const NOTE_RSV_MATERNAL_CONDITION: &str = "rsv-maternal-14-days-before-birth-in-season";
/// The rest of the second-parent leave: 21 days (28 for multiple births) within 6
/// months of birth, in up to 2 periods of at least 5 days; by the number of babies
/// when it is known.
pub const NOTE_SECOND_PARENT_REMAINING: &str = "second-parent-leave-remaining-21-or-28-days";
pub const NOTE_SECOND_PARENT_REMAINING_ONE: &str = "second-parent-leave-remaining-21-days";
pub const NOTE_SECOND_PARENT_REMAINING_MULTIPLE: &str = "second-parent-leave-remaining-28-days";

const SRC_PRENATAL_F963: &str = "service-public-pregnancy";
const SRC_PRENATAL_VISITS: &str = "prenatal-visits";
const SRC_PRENATAL_INTERVIEW: &str = "prenatal-interview";
const SRC_ULTRASOUND: &str = "ultrasound";
const SRC_PERTUSSIS: &str = "has-pertussis-2022";
const SRC_RSV_MATERNAL: &str = "rsv-campaign-2025";
const SRC_MATERNITY_LEAVE: &str = "maternity-leave";
const SRC_BIRTH_DECLARATION: &str = "service-public-birth-declaration";
const SRC_SECOND_PARENT_LEAVE: &str = "second-parent-leave";
const SRC_NEW_BIRTH_LEAVE: &str = "lfss-2026";
const SRC_POSTNATAL_INTERVIEW: &str = "csp-postnatal-interview";
const SRC_CHILD_EXAMS: &str = "child-exams-2025";
const SRC_CHILD_EXAMS_CERTIFICATE: &str = "child-exams-2025-certificates";
const SRC_VACCINES: &str = "vaccination-calendar-2025";
const SRC_VACCINES_MENINGOCOCCUS: &str = "vaccination-calendar-2025-meningococcus";

/// Births from this day get the new "congé de naissance" (LFSS 2026).
const NEW_BIRTH_LEAVE_BIRTHS_FROM: (i32, u32, u32) = (2026, 1, 1);
/// The new "congé de naissance" is in force from this day.
const NEW_BIRTH_LEAVE_IN_FORCE: (i32, u32, u32) = (2026, 7, 1);

/// The events of a profile: pregnancy events while pregnant, child events once born
/// (pregnancy events are then no longer generated), none while trying to conceive.
/// Sorted by start of window, then end, then id.
pub fn events_for(profile: &Profile) -> Vec<Event> {
    let mut events = match &profile.status {
        Status::TryingToConceive => Vec::new(),
        Status::Pregnant { date, babies, rank } => {
            pregnancy_events(&date.pregnancy(), *babies, *rank)
        }
        Status::Born { birth_date, babies, .. } => child_events(*birth_date, *babies),
    };
    crate::domain::sort::sort_by_key(&mut events, |e| (e.from, e.to, e.id));
    events
}

/// Maternity leave in weeks (before the due date, after it) by number of babies and
/// rank: 6 + 10 for a 1st or 2nd child, 8 + 18 for a 3rd, 12 + 22 for twins, 24 + 22
/// for triplets or more (calendar.md, service-public; Ameli).
pub fn maternity_leave_weeks(babies: Multiplicity, rank: ChildRank) -> (u32, u32) {
    match (babies, rank) {
        (Multiplicity::Single, ChildRank::First | ChildRank::Second) => (6, 10),
        (Multiplicity::Single, ChildRank::ThirdOrMore) => (8, 18),
        (Multiplicity::Twins, _) => (12, 22),
        (Multiplicity::TripletsOrMore, _) => (24, 22),
    }
}

/// A plain event, to be completed with struct update syntax.
fn event(
    id: &'static str,
    kind: EventKind,
    window: (NaiveDate, NaiveDate),
    source: &'static str,
) -> Event {
    Event {
        id,
        kind,
        from: window.0,
        to: window.1.max(window.0),
        mandatory: false,
        check_with_professional: false,
        vaccines: &[],
        note: None,
        source,
    }
}

/// The prenatal visits after the first one: id and month of pregnancy.
const LATER_VISITS: [(&str, u32); 6] = [
    ("prenatal-visit-2", 4),
    ("prenatal-visit-3", 5),
    ("prenatal-visit-4", 6),
    ("prenatal-visit-5", 7),
    ("prenatal-visit-6", 8),
    ("prenatal-visit-7", 9),
];

/// The whooping-cough vaccine for the mother.
const PERTUSSIS: &[VaccineDose] =
    &[VaccineDose { vaccine: "pertussis", dose: 1, mandatory: false }];

/// The RSV option A for the mother: Abrysvo.
const RSV_MATERNAL: &[VaccineDose] =
    &[VaccineDose { vaccine: "rsv-maternal", dose: 1, mandatory: false }];

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

/// The events of a pregnancy (15): the 7 prenatal visits (the first one is the first
/// prenatal visit, before the end of the 3rd month), the declaration of pregnancy, the
/// early prenatal interview, 3 ultrasounds, the whooping-cough vaccine, the RSV option
/// for the mother and the maternity leave.
pub fn pregnancy_events(p: &Pregnancy, babies: Multiplicity, rank: ChildRank) -> Vec<Event> {
    let mut events = vec![
        Event {
            mandatory: true,
            ..event(
                "prenatal-visit-1",
                EventKind::MedicalExam,
                pregnancy_months(p, 1, 3),
                SRC_PRENATAL_F963,
            )
        },
        Event {
            mandatory: true,
            // Before the end of the 14th week of pregnancy (SG 14): DDG + 14 weeks - 1 day.
            ..event(
                "pregnancy-declaration",
                EventKind::Administrative,
                (p.start(), add_days(p.start(), 14 * 7 - 1)),
                SRC_PRENATAL_F963,
            )
        },
    ];
    for (id, month) in LATER_VISITS {
        events.push(Event {
            mandatory: true,
            ..event(
                id,
                EventKind::MedicalExam,
                pregnancy_months(p, month, month),
                SRC_PRENATAL_VISITS,
            )
        });
    }
    // Advised from the 4th month, possible later: open until the due date.
    events.push(event(
        "early-prenatal-interview",
        EventKind::Interview,
        pregnancy_months(p, 4, 9),
        SRC_PRENATAL_INTERVIEW,
    ));
    events.push(event(
        "ultrasound-1",
        EventKind::MedicalExam,
        sa_window(p, 11, 13),
        SRC_ULTRASOUND,
    ));
    events.push(event(
        "ultrasound-2",
        EventKind::MedicalExam,
        sa_window(p, 22, 24),
        SRC_ULTRASOUND,
    ));
    events.push(event(
        "ultrasound-3",
        EventKind::MedicalExam,
        sa_window(p, 32, 34),
        SRC_ULTRASOUND,
    ));
    events.push(Event {
        vaccines: PERTUSSIS,
        ..event(
            "vaccine-pertussis-pregnancy",
            EventKind::Vaccine,
            sa_window(p, 20, 36),
            SRC_PERTUSSIS,
        )
    });
    events.push(Event {
        vaccines: RSV_MATERNAL,
        check_with_professional: true,
        note: Some(NOTE_RSV_MATERNAL_CONDITION),
        ..event("vaccine-rsv-pregnancy", EventKind::Vaccine, sa_window(p, 32, 36), SRC_RSV_MATERNAL)
    });
    let (before, after) = maternity_leave_weeks(babies, rank);
    let leave = (
        add_days(p.due_date(), -i64::from(before) * 7),
        add_days(p.due_date(), i64::from(after) * 7 - 1),
    );
    events.push(Event {
        note: Some(NOTE_MATERNITY_LEAVE_MINIMUM),
        ..event("maternity-leave", EventKind::Leave, leave, SRC_MATERNITY_LEAVE)
    });
    events
}

/// A window after birth.
#[derive(Clone, Copy)]
enum AfterBirth {
    /// Days `first..=last` after the day of birth (day 0).
    Days(i64, i64),
    /// Weeks `first..=last` of life (week 1 = days 0 to 6).
    Weeks(i64, i64),
    /// Months `first..=last` of age (month m = from age m months to the day before
    /// m + 1 months).
    Months(i32, i32),
}

impl AfterBirth {
    fn dates(self, birth: NaiveDate) -> (NaiveDate, NaiveDate) {
        match self {
            AfterBirth::Days(first, last) => (add_days(birth, first), add_days(birth, last)),
            AfterBirth::Weeks(first, last) => {
                (add_days(birth, 7 * (first - 1)), add_days(birth, 7 * last - 1))
            }
            AfterBirth::Months(first, last) => {
                (add_months(birth, first), add_days(add_months(birth, last + 1), -1))
            }
        }
    }
}

/// One mandatory exam of the child: id, window, whether it gives a health certificate.
const CHILD_EXAMS: [(&str, AfterBirth, bool); 12] = [
    ("exam-8d", AfterBirth::Days(0, 8), true),
    ("exam-w2", AfterBirth::Weeks(2, 2), false),
    ("exam-2m", AfterBirth::Months(2, 2), false),
    ("exam-3m", AfterBirth::Months(3, 3), false),
    ("exam-4m", AfterBirth::Months(4, 4), false),
    ("exam-5m", AfterBirth::Months(5, 5), false),
    ("exam-6m", AfterBirth::Months(6, 6), false),
    ("exam-9m", AfterBirth::Months(9, 9), true),
    ("exam-12m", AfterBirth::Months(12, 12), false),
    ("exam-13m", AfterBirth::Months(13, 13), false),
    ("exam-16-18m", AfterBirth::Months(16, 18), false),
    ("exam-24-25m", AfterBirth::Months(24, 25), true),
];

const fn dose(vaccine: &'static str, dose: u8, mandatory: bool) -> VaccineDose {
    VaccineDose { vaccine, dose, mandatory }
}

/// One age slot of the infant vaccination calendar 2025-2026.
struct VaccineSlot {
    id: &'static str,
    window: AfterBirth,
    doses: &'static [VaccineDose],
    note: Option<&'static str>,
    check: bool,
    source: &'static str,
}

const VACCINE_SLOTS: [VaccineSlot; 9] = [
    VaccineSlot {
        id: "vaccine-birth",
        window: AfterBirth::Days(0, 0),
        doses: &[dose("nirsevimab", 1, false)],
        note: Some(NOTE_NIRSEVIMAB_CONDITION),
        check: true,
        source: SRC_VACCINES,
    },
    VaccineSlot {
        id: "vaccine-2m",
        window: AfterBirth::Months(2, 2),
        doses: &[
            dose("hexavalent", 1, true),
            dose("pneumococcal", 1, true),
            dose("rotavirus", 1, false),
        ],
        note: None,
        check: false,
        source: SRC_VACCINES,
    },
    VaccineSlot {
        id: "vaccine-3m",
        window: AfterBirth::Months(3, 3),
        doses: &[dose("menb", 1, true), dose("rotavirus", 2, false)],
        note: None,
        check: false,
        source: SRC_VACCINES_MENINGOCOCCUS,
    },
    VaccineSlot {
        id: "vaccine-4m",
        window: AfterBirth::Months(4, 4),
        doses: &[
            dose("hexavalent", 2, true),
            dose("pneumococcal", 2, true),
            dose("rotavirus", 3, false),
        ],
        note: Some(NOTE_ROTAVIRUS_DOSE_3_ROTATEQ),
        check: false,
        source: SRC_VACCINES,
    },
    VaccineSlot {
        id: "vaccine-5m",
        window: AfterBirth::Months(5, 5),
        doses: &[dose("menb", 2, true)],
        note: None,
        check: false,
        source: SRC_VACCINES_MENINGOCOCCUS,
    },
    VaccineSlot {
        id: "vaccine-6m",
        window: AfterBirth::Months(6, 6),
        doses: &[dose("menacwy", 1, true)],
        note: None,
        check: false,
        source: SRC_VACCINES_MENINGOCOCCUS,
    },
    VaccineSlot {
        id: "vaccine-11m",
        window: AfterBirth::Months(11, 11),
        doses: &[dose("hexavalent", 3, true), dose("pneumococcal", 3, true)],
        note: None,
        check: false,
        source: SRC_VACCINES,
    },
    VaccineSlot {
        id: "vaccine-12m",
        window: AfterBirth::Months(12, 12),
        doses: &[dose("mmr", 1, true), dose("menb", 3, true), dose("menacwy", 2, true)],
        note: None,
        check: false,
        source: SRC_VACCINES_MENINGOCOCCUS,
    },
    VaccineSlot {
        id: "vaccine-16-18m",
        window: AfterBirth::Months(16, 18),
        doses: &[dose("mmr", 2, true)],
        note: None,
        check: false,
        source: SRC_VACCINES,
    },
];

/// The events after a birth on `birth_date` (27, or 28 for births from 2026): birth
/// declaration, second-parent leave (3 + 4 days, then the rest within 6 months), the new
/// birth leave for births from 2026 (to check), the postnatal interviews, the 12
/// mandatory exams and the 9 vaccination slots. All follow the chronological age.
pub fn child_events(birth_date: NaiveDate, babies: Option<Multiplicity>) -> Vec<Event> {
    let mut events = vec![
        Event {
            mandatory: true,
            ..event(
                "birth-declaration",
                EventKind::Administrative,
                (birth_date, birth_declaration_deadline(birth_date)),
                SRC_BIRTH_DECLARATION,
            )
        },
        event(
            "birth-leave-3-days",
            EventKind::Leave,
            AfterBirth::Days(0, 2).dates(birth_date),
            SRC_SECOND_PARENT_LEAVE,
        ),
        event(
            "second-parent-leave-4-days",
            EventKind::Leave,
            AfterBirth::Days(3, 6).dates(birth_date),
            SRC_SECOND_PARENT_LEAVE,
        ),
        Event {
            note: Some(match babies {
                None => NOTE_SECOND_PARENT_REMAINING,
                Some(Multiplicity::Single) => NOTE_SECOND_PARENT_REMAINING_ONE,
                Some(Multiplicity::Twins | Multiplicity::TripletsOrMore) => NOTE_SECOND_PARENT_REMAINING_MULTIPLE,
            }),
            ..event(
                "second-parent-leave-remaining",
                EventKind::Leave,
                (add_days(birth_date, 7), add_days(add_months(birth_date, 6), -1)),
                SRC_SECOND_PARENT_LEAVE,
            )
        },
        event(
            "postnatal-interview-1",
            EventKind::Interview,
            AfterBirth::Weeks(4, 8).dates(birth_date),
            SRC_POSTNATAL_INTERVIEW,
        ),
        Event {
            note: Some(NOTE_POSTNATAL_INTERVIEW_2_CONDITION),
            ..event(
                "postnatal-interview-2",
                EventKind::Interview,
                AfterBirth::Weeks(10, 14).dates(birth_date),
                SRC_POSTNATAL_INTERVIEW,
            )
        },
    ];
    if let Some(leave) = new_birth_leave(birth_date) {
        events.push(leave);
    }
    for (id, window, certificate) in CHILD_EXAMS {
        let source = if certificate { SRC_CHILD_EXAMS_CERTIFICATE } else { SRC_CHILD_EXAMS };
        events.push(Event {
            mandatory: true,
            note: certificate.then_some(NOTE_HEALTH_CERTIFICATE),
            ..event(id, EventKind::MedicalExam, window.dates(birth_date), source)
        });
    }
    for slot in &VACCINE_SLOTS {
        events.push(Event {
            mandatory: slot.doses.iter().any(|d| d.mandatory),
            check_with_professional: slot.check,
            vaccines: slot.doses,
            note: slot.note,
            ..event(slot.id, EventKind::Vaccine, slot.window.dates(birth_date), slot.source)
        });
    }
    events
}

/// The new "congé de naissance", for births from 1 January 2026: a one-day reminder to
/// check, on the birth date or on 1 July 2026 when it comes into force (its details are
/// left to a decree, so no window is invented).
fn new_birth_leave(birth_date: NaiveDate) -> Option<Event> {
    let ymd = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d);
    let births_from = ymd(NEW_BIRTH_LEAVE_BIRTHS_FROM)?;
    let in_force = ymd(NEW_BIRTH_LEAVE_IN_FORCE)?;
    if birth_date < births_from {
        return None;
    }
    let day = birth_date.max(in_force);
    Some(Event {
        check_with_professional: true,
        note: Some(NOTE_NEW_BIRTH_LEAVE_2026),
        ..event("new-birth-leave", EventKind::Leave, (day, day), SRC_NEW_BIRTH_LEAVE)
    })
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
        Profile {
            id: "p".into(),
            name: "Bébé".into(),
            status: Status::Pregnant { date, babies, rank },
        }
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

    fn window(events: &[Event], id: &str) -> (NaiveDate, NaiveDate) {
        let e = find(events, id);
        (e.from, e.to)
    }

    fn assert_well_formed(events: &[Event]) {
        let ids: HashSet<_> = events.iter().map(|e| e.id).collect();
        assert_eq!(ids.len(), events.len(), "ids are unique");
        for e in events {
            assert!(e.from <= e.to, "{}", e.id);
            assert!(!e.source.is_empty(), "{}", e.id);
            assert_eq!(e.kind == EventKind::Vaccine, !e.vaccines.is_empty(), "{}", e.id);
        }
        assert!(events
            .windows(2)
            .all(|w| (w[0].from, w[0].to, w[0].id) <= (w[1].from, w[1].to, w[1].id)));
    }

    #[test]
    fn pregnancy_events_and_windows() {
        let ddr = d(2025, 1, 1);
        let profile =
            pregnant(PregnancyDate::LastPeriod(ddr), Multiplicity::Single, ChildRank::First);
        let p = profile.pregnancy().expect("pregnant");
        assert_eq!(p.start(), d(2025, 1, 15));
        assert_eq!(p.due_date(), d(2025, 10, 15));
        let events = events_for(&profile);
        assert_eq!(events.len(), 15);
        assert_well_formed(&events);
        let visits: Vec<_> =
            events.iter().filter(|e| e.id.starts_with("prenatal-visit-")).collect();
        assert_eq!(visits.len(), 7);
        assert!(visits.iter().all(|e| e.mandatory && e.kind == EventKind::MedicalExam));
        // First visit: before the end of the 3rd month.
        assert_eq!(window(&events, "prenatal-visit-1"), (d(2025, 1, 15), d(2025, 4, 14)));
        // Then one per month, months 4 to 9.
        assert_eq!(window(&events, "prenatal-visit-2"), (d(2025, 4, 15), d(2025, 5, 14)));
        assert_eq!(window(&events, "prenatal-visit-3"), (d(2025, 5, 15), d(2025, 6, 14)));
        assert_eq!(window(&events, "prenatal-visit-7"), (d(2025, 9, 15), d(2025, 10, 14)));
        // Declaration: before the end of SG 14 = 15 SA + 6 days.
        let declaration = find(&events, "pregnancy-declaration");
        assert_eq!((declaration.from, declaration.to), (d(2025, 1, 15), d(2025, 4, 22)));
        assert_eq!(p.gestational_age_on(declaration.to), Some(GestationalAge::new(15, 6)));
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
        // Early prenatal interview: from the 4th month until the due date.
        let interview = find(&events, "early-prenatal-interview");
        assert_eq!((interview.from, interview.to), (d(2025, 4, 15), d(2025, 10, 14)));
        assert!(!interview.mandatory);
        // Whooping cough 20-36 SA; RSV 32-36 SA, to check.
        let pertussis = find(&events, "vaccine-pertussis-pregnancy");
        assert_eq!(pertussis.from, p.date_at(GestationalAge::new(20, 0)));
        assert_eq!(pertussis.to, p.date_at(GestationalAge::new(36, 6)));
        assert!(!pertussis.check_with_professional);
        let rsv = find(&events, "vaccine-rsv-pregnancy");
        assert_eq!(rsv.from, p.date_at(GestationalAge::new(32, 0)));
        assert!(rsv.check_with_professional);
        assert!(days_between(rsv.to, p.due_date()) >= 14);
        // Maternity leave: 6 weeks before the due date, 10 after: 16 weeks in all.
        let leave = find(&events, "maternity-leave");
        assert_eq!((leave.from, leave.to), (d(2025, 9, 3), d(2025, 12, 23)));
        assert_eq!(days_between(leave.from, leave.to) + 1, 16 * 7);
        // No child event before birth.
        assert!(events.iter().all(|e| !e.id.starts_with("exam-") && e.id != "birth-declaration"));
    }

    #[test]
    fn pregnancy_events_by_due_date_end_the_day_before_it() {
        let due = d(2025, 1, 31);
        let profile =
            pregnant(PregnancyDate::DueDate(due), Multiplicity::Single, ChildRank::Second);
        let events = events_for(&profile);
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
            let events = events_for(&pregnant(PregnancyDate::DueDate(due), babies, rank));
            let leave = find(&events, "maternity-leave");
            assert_eq!(days_between(leave.from, due), before * 7, "{babies:?} {rank:?}");
            assert_eq!(days_between(due, leave.to) + 1, after * 7, "{babies:?} {rank:?}");
            assert_eq!(leave.kind, EventKind::Leave);
        }
    }

    fn assert_child_events_follow_birth(events: &[Event], birth: NaiveDate) {
        assert_well_formed(events);
        assert!(events.iter().all(|e| e.from >= birth));
        assert!(events.iter().all(|e| !e.id.starts_with("prenatal")
            && !e.id.starts_with("ultrasound")
            && e.id != "maternity-leave"
            && e.id != "pregnancy-declaration"));
        assert_eq!(events.iter().filter(|e| e.id.starts_with("exam-")).count(), 12);
        assert_eq!(events.iter().filter(|e| e.kind == EventKind::Vaccine).count(), 9);
        assert_eq!(window(events, "exam-8d"), (birth, add_days(birth, 8)));
        assert_eq!(window(events, "exam-w2"), (add_days(birth, 7), add_days(birth, 13)));
        assert_eq!(window(events, "exam-2m").0, add_months(birth, 2));
        assert_eq!(window(events, "vaccine-2m"), window(events, "exam-2m"));
        assert_eq!(
            window(events, "exam-9m"),
            (add_months(birth, 9), add_days(add_months(birth, 10), -1))
        );
        assert_eq!(
            window(events, "exam-16-18m"),
            (add_months(birth, 16), add_days(add_months(birth, 19), -1))
        );
        assert_eq!(
            window(events, "exam-24-25m"),
            (add_months(birth, 24), add_days(add_months(birth, 26), -1))
        );
        assert_eq!(window(events, "vaccine-birth"), (birth, birth));
        assert_eq!(window(events, "vaccine-11m").0, add_months(birth, 11));
        assert_eq!(
            window(events, "postnatal-interview-1"),
            (add_days(birth, 21), add_days(birth, 55))
        );
        assert_eq!(
            window(events, "postnatal-interview-2"),
            (add_days(birth, 63), add_days(birth, 97))
        );
        assert_eq!(window(events, "birth-leave-3-days"), (birth, add_days(birth, 2)));
        assert_eq!(
            window(events, "second-parent-leave-4-days"),
            (add_days(birth, 3), add_days(birth, 6))
        );
        assert_eq!(
            window(events, "second-parent-leave-remaining"),
            (add_days(birth, 7), add_days(add_months(birth, 6), -1))
        );
        // Its length: 21 days for one baby, 28 for several, both said when not known.
        let note = |babies| find(&child_events(birth, babies), "second-parent-leave-remaining").note;
        assert_eq!(note(None), Some(NOTE_SECOND_PARENT_REMAINING));
        assert_eq!(note(Some(Multiplicity::Single)), Some(NOTE_SECOND_PARENT_REMAINING_ONE));
        assert_eq!(note(Some(Multiplicity::Twins)), Some(NOTE_SECOND_PARENT_REMAINING_MULTIPLE));
        assert_eq!(note(Some(Multiplicity::TripletsOrMore)), Some(NOTE_SECOND_PARENT_REMAINING_MULTIPLE));
        assert_eq!(
            window(events, "second-parent-leave-remaining"),
            (add_days(birth, 7), add_days(add_months(birth, 6), -1))
        );
        for id in ["exam-8d", "exam-9m", "exam-24-25m"] {
            assert_eq!(find(events, id).note, Some(NOTE_HEALTH_CERTIFICATE));
        }
    }

    #[test]
    fn premature_birth_at_32_sa_follows_chronological_age() {
        let birth = d(2025, 3, 3);
        let due = d(2025, 5, 12);
        let profile = born(birth, Some(GestationalAge::new(32, 0)), Some(due));
        assert!(profile.child().is_some_and(|c| c.is_premature()));
        let events = events_for(&profile);
        assert_eq!(events.len(), 27);
        assert_child_events_follow_birth(&events, birth);
        assert_eq!(window(&events, "vaccine-2m"), (d(2025, 5, 3), d(2025, 6, 2)));
        // Monday 3 March + 5 days = Saturday 8 March: Monday 10 March.
        assert_eq!(window(&events, "birth-declaration"), (birth, d(2025, 3, 10)));
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
        // Born in 2026: the new birth leave too.
        assert_eq!(events.len(), 28);
        assert_child_events_follow_birth(&events, birth);
        assert_eq!(window(&events, "exam-2m"), (d(2026, 6, 24), d(2026, 7, 23)));
        // Friday 24 April + 5 = Wednesday 29 April.
        assert_eq!(window(&events, "birth-declaration").1, d(2026, 4, 29));
        let leave = find(&events, "new-birth-leave");
        assert_eq!((leave.from, leave.to), (d(2026, 7, 1), d(2026, 7, 1)));
        assert!(leave.check_with_professional);
        // Born after 1 July 2026: the reminder is on the birth date.
        let later = events_for(&born(d(2026, 9, 1), None, None));
        assert_eq!(window(&later, "new-birth-leave"), (d(2026, 9, 1), d(2026, 9, 1)));
        // Born in 2025: none.
        let earlier = events_for(&born(d(2025, 12, 31), None, None));
        assert!(earlier.iter().all(|e| e.id != "new-birth-leave"));
    }

    #[test]
    fn vaccines_listed_per_slot() {
        let events = child_events(d(2025, 1, 31), None);
        let ids = |id: &str| -> Vec<(&str, u8)> {
            find(&events, id).vaccines.iter().map(|v| (v.vaccine, v.dose)).collect()
        };
        assert_eq!(ids("vaccine-birth"), [("nirsevimab", 1)]);
        assert_eq!(ids("vaccine-2m"), [("hexavalent", 1), ("pneumococcal", 1), ("rotavirus", 1)]);
        assert_eq!(ids("vaccine-3m"), [("menb", 1), ("rotavirus", 2)]);
        assert_eq!(ids("vaccine-4m"), [("hexavalent", 2), ("pneumococcal", 2), ("rotavirus", 3)]);
        assert_eq!(ids("vaccine-5m"), [("menb", 2)]);
        assert_eq!(ids("vaccine-6m"), [("menacwy", 1)]);
        assert_eq!(ids("vaccine-11m"), [("hexavalent", 3), ("pneumococcal", 3)]);
        assert_eq!(ids("vaccine-12m"), [("mmr", 1), ("menb", 3), ("menacwy", 2)]);
        assert_eq!(ids("vaccine-16-18m"), [("mmr", 2)]);
        assert!(!find(&events, "vaccine-birth").mandatory);
        assert!(find(&events, "vaccine-birth").check_with_professional);
        assert!(find(&events, "vaccine-2m").mandatory);
        // Born 31 January: the 2-month slot opens on the last day of March, clamped
        // months elsewhere.
        assert_eq!(window(&events, "vaccine-2m"), (d(2025, 3, 31), d(2025, 4, 29)));
        assert_eq!(window(&events, "vaccine-3m"), (d(2025, 4, 30), d(2025, 5, 30)));
    }

    #[test]
    fn trying_to_conceive_has_no_events() {
        let profile =
            Profile { id: "t".into(), name: "B".into(), status: Status::TryingToConceive };
        assert!(events_for(&profile).is_empty());
    }

    #[test]
    fn status_transitions() {
        let e = event("x", EventKind::MedicalExam, (d(2025, 3, 10), d(2025, 3, 20)), "s");
        assert_eq!(status(&e, d(2025, 3, 9), None), EventStatus::Upcoming);
        assert_eq!(status(&e, d(2025, 3, 10), None), EventStatus::ToDoNow);
        assert_eq!(status(&e, d(2025, 3, 20), None), EventStatus::ToDoNow);
        assert_eq!(status(&e, d(2025, 3, 21), None), EventStatus::Overdue);
        for today in [d(2025, 3, 1), d(2025, 3, 15), d(2025, 4, 1)] {
            assert_eq!(status(&e, today, Some(d(2025, 3, 12))), EventStatus::Done);
        }
        // A one-day window.
        let one = event("y", EventKind::Vaccine, (d(2025, 3, 10), d(2025, 3, 10)), "s");
        assert_eq!(status(&one, d(2025, 3, 10), None), EventStatus::ToDoNow);
        assert_eq!(status(&one, d(2025, 3, 11), None), EventStatus::Overdue);
    }

    #[test]
    fn never_panics_from_1900_to_2100_nor_at_chrono_limits() {
        let dates = d(1900, 1, 1).iter_days().take_while(|x| *x <= d(2100, 12, 31)).step_by(5);
        for date in dates.chain([NaiveDate::MIN, NaiveDate::MAX]) {
            for known in [
                PregnancyDate::DueDate(date),
                PregnancyDate::LastPeriod(date),
                PregnancyDate::PregnancyStart(date),
            ] {
                let events = events_for(&pregnant(
                    known,
                    Multiplicity::TripletsOrMore,
                    ChildRank::ThirdOrMore,
                ));
                assert_eq!(events.len(), 15);
            }
            let events = events_for(&born(date, Some(GestationalAge::new(30, 2)), Some(date)));
            assert!(events.len() >= 27);
            assert!(events.iter().all(|e| e.from <= e.to));
        }
    }
}
