//! The profile of a child (to be, or born), as stored on the device, and its validation.
//!
//! The serialised field and variant names are part of the stored format: do not rename
//! them without a migration.

use super::dates::{add_days, add_months, Age, Child, DayOfThousand, GestationalAge, Period, Pregnancy};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A due date may be at most this many days ahead (about 42 weeks).
const DUE_DATE_MAX_DAYS_AHEAD: i64 = 42 * 7;
/// A due date may be at most this many days in the past (3 weeks): a pregnancy further
/// past term should be entered as born.
const DUE_DATE_MAX_DAYS_PAST: i64 = 3 * 7;
/// A last period may be at most this many days ago (44 weeks).
const LAST_PERIOD_MAX_DAYS_AGO: i64 = 44 * 7;
/// A start of pregnancy may be at most this many days ago (the 44 weeks of the last
/// period, less the 14 days between DDR and DDG).
const PREGNANCY_START_MAX_DAYS_AGO: i64 = LAST_PERIOD_MAX_DAYS_AGO - 14;
/// A child may be at most this many months old (3 years).
const CHILD_MAX_MONTHS: i32 = 36;
/// The plausible range of a term at birth: 22 SA + 0 days to 44 SA + 6 days.
const TERM_MIN: GestationalAge = GestationalAge::new(22, 0);
const TERM_MAX: GestationalAge = GestationalAge::new(44, 6);

/// A profile: one child, expected or born.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// A stable identifier, also used in exported calendar UIDs.
    pub id: String,
    /// The child's first name or nickname.
    pub name: String,
    pub status: Status,
}

/// Where the family is in the 1000 days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Status {
    /// Trying to conceive: no dates yet.
    TryingToConceive,
    /// Pregnant, dated by one known date.
    Pregnant {
        date: PregnancyDate,
        /// The number of babies expected.
        babies: Multiplicity,
        /// The rank of the expected child in the family, for maternity leave.
        rank: ChildRank,
    },
    /// The child is born.
    Born {
        #[serde(deserialize_with = "crate::domain::iso_date::de::date")]
        birth_date: NaiveDate,
        /// The term at birth in SA, if known.
        #[serde(default)]
        term_at_birth: Option<GestationalAge>,
        /// The due date the pregnancy had, if known.
        #[serde(default, deserialize_with = "crate::domain::iso_date::de::optional")]
        due_date: Option<NaiveDate>,
        /// The number of babies born, if given (profiles made before it was asked have
        /// none; it is not written when unknown, so those documents stay as they were).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        babies: Option<Multiplicity>,
    },
}

/// The one date a pregnancy is entered with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "date", rename_all = "snake_case")]
pub enum PregnancyDate {
    /// The due date (DPA, date présumée d'accouchement).
    DueDate(#[serde(deserialize_with = "crate::domain::iso_date::de::date")] NaiveDate),
    /// The first day of the last period (DDR, date des dernières règles).
    LastPeriod(#[serde(deserialize_with = "crate::domain::iso_date::de::date")] NaiveDate),
    /// The start of pregnancy (DDG, date de début de grossesse, "conception").
    PregnancyStart(#[serde(deserialize_with = "crate::domain::iso_date::de::date")] NaiveDate),
}

impl PregnancyDate {
    /// The pregnancy this date defines (see [`Pregnancy`] for the rules).
    pub fn pregnancy(self) -> Pregnancy {
        match self {
            PregnancyDate::DueDate(date) => Pregnancy::from_due_date(date),
            PregnancyDate::LastPeriod(date) => Pregnancy::from_last_period(date),
            PregnancyDate::PregnancyStart(date) => Pregnancy::from_start(date),
        }
    }
}

/// The number of babies expected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Multiplicity {
    #[default]
    Single,
    Twins,
    TripletsOrMore,
}

/// The rank of the expected child: a third child is one whose family already has two.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChildRank {
    #[default]
    First,
    Second,
    ThirdOrMore,
}

/// Why a profile cannot be saved. The UI translates each case; dates are the limits
/// that were crossed, to show the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProfileError {
    /// The name is empty (or only spaces).
    EmptyName,
    /// The due date is after `latest` (about 42 weeks from today).
    DueDateTooFarAhead { latest: NaiveDate },
    /// The due date is before `earliest` (3 weeks ago): the child should be entered as
    /// born.
    DueDateTooFarInPast { earliest: NaiveDate },
    /// The last period is after today.
    LastPeriodInFuture,
    /// The last period is before `earliest` (44 weeks ago).
    LastPeriodTooLongAgo { earliest: NaiveDate },
    /// The start of pregnancy is after today.
    PregnancyStartInFuture,
    /// The start of pregnancy is before `earliest` (42 weeks ago).
    PregnancyStartTooLongAgo { earliest: NaiveDate },
    /// The birth date is after today.
    BirthDateInFuture,
    /// The birth date is before `earliest` (3 years ago).
    BirthDateTooLongAgo { earliest: NaiveDate },
    /// The term at birth has more than 6 days beyond its weeks.
    TermDaysInvalid,
    /// The term at birth is outside 22 SA + 0 days to 44 SA + 6 days.
    TermOutOfRange,
    /// With this birth date, the due date would mean a term outside 22 to 44 SA.
    DueDateInconsistentWithBirth,
}

impl Profile {
    /// Checks the profile against `today`.
    ///
    /// # Errors
    /// The first problem found, in this order: name, then the dates of the status.
    pub fn validate(&self, today: NaiveDate) -> Result<(), ProfileError> {
        if self.name.trim().is_empty() {
            return Err(ProfileError::EmptyName);
        }
        self.status.validate(today)
    }

    /// The pregnancy, for a pregnant profile or a born one (see [`Status::pregnancy`]).
    pub fn pregnancy(&self) -> Option<Pregnancy> {
        self.status.pregnancy()
    }

    /// The child, once born (see [`Status::child`]).
    pub fn child(&self) -> Option<Child> {
        self.status.child()
    }

    /// Where `date` falls in the 1000 days; `None` while trying to conceive.
    pub fn day_of_thousand(&self, date: NaiveDate) -> Option<DayOfThousand> {
        self.pregnancy().map(|p| p.day_of_thousand(date))
    }

    /// The period of the 1000 days on `date` (see [`Status::period_on`]).
    pub fn period_on(&self, date: NaiveDate) -> Period {
        self.status.period_on(date)
    }
}

impl Status {
    /// Checks the dates against `today`.
    ///
    /// # Errors
    /// The first date found impossible (see [`ProfileError`]).
    pub fn validate(&self, today: NaiveDate) -> Result<(), ProfileError> {
        match self {
            Status::TryingToConceive => Ok(()),
            Status::Pregnant { date, .. } => validate_pregnancy_date(*date, today),
            Status::Born { birth_date, term_at_birth, due_date, .. } => {
                validate_birth(*birth_date, *term_at_birth, *due_date, today)
            }
        }
    }

    /// The pregnancy. For a born child it is dated, in this order, by the due date if
    /// known, else by the term at birth (DDR = birth - term), else by assuming the child
    /// was born on the due date (DDG = birth - 9 months), so that the 1000 days can
    /// still be counted. `None` while trying to conceive.
    pub fn pregnancy(&self) -> Option<Pregnancy> {
        match self {
            Status::TryingToConceive => None,
            Status::Pregnant { date, .. } => Some(date.pregnancy()),
            Status::Born { birth_date, term_at_birth, due_date, .. } => Some(match (due_date, term_at_birth) {
                (Some(due), _) => Pregnancy::from_due_date(*due),
                (None, Some(term)) => Pregnancy::from_last_period(add_days(*birth_date, -i64::from(term.total_days()))),
                (None, None) => Pregnancy::from_due_date(*birth_date),
            }),
        }
    }

    /// The child, once born. Its term at birth is the one given, else the one implied by
    /// the due date (birth - DDR), when that is plausible.
    pub fn child(&self) -> Option<Child> {
        let Status::Born { birth_date, term_at_birth, due_date, .. } = self else {
            return None;
        };
        let implied = due_date.and_then(|due| implied_term(*birth_date, due));
        Some(Child::new(*birth_date, term_at_birth.or(implied)))
    }

    /// The period of the 1000 days on `date`: by trimester during pregnancy (a pregnant
    /// profile stays in the 3rd trimester past its due date), by age since birth once
    /// born.
    pub fn period_on(&self, date: NaiveDate) -> Period {
        match self {
            Status::TryingToConceive => Period::BeforePregnancy,
            Status::Pregnant { date: known, .. } => Period::of_pregnancy(&known.pregnancy(), date),
            Status::Born { birth_date, .. } => match Age::between(*birth_date, date) {
                Some(age) => Period::of_age(age),
                None => self.pregnancy().map_or(Period::BeforePregnancy, |p| Period::of_pregnancy(&p, date)),
            },
        }
    }
}

/// The term at birth implied by a due date, if in the plausible range.
fn implied_term(birth_date: NaiveDate, due_date: NaiveDate) -> Option<GestationalAge> {
    Pregnancy::from_due_date(due_date).term_at(birth_date).filter(|term| (TERM_MIN..=TERM_MAX).contains(term))
}

fn validate_pregnancy_date(date: PregnancyDate, today: NaiveDate) -> Result<(), ProfileError> {
    match date {
        PregnancyDate::DueDate(due) => {
            let latest = add_days(today, DUE_DATE_MAX_DAYS_AHEAD);
            let earliest = add_days(today, -DUE_DATE_MAX_DAYS_PAST);
            if due > latest {
                Err(ProfileError::DueDateTooFarAhead { latest })
            } else if due < earliest {
                Err(ProfileError::DueDateTooFarInPast { earliest })
            } else {
                Ok(())
            }
        }
        PregnancyDate::LastPeriod(ddr) => {
            let earliest = add_days(today, -LAST_PERIOD_MAX_DAYS_AGO);
            if ddr > today {
                Err(ProfileError::LastPeriodInFuture)
            } else if ddr < earliest {
                Err(ProfileError::LastPeriodTooLongAgo { earliest })
            } else {
                Ok(())
            }
        }
        PregnancyDate::PregnancyStart(ddg) => {
            let earliest = add_days(today, -PREGNANCY_START_MAX_DAYS_AGO);
            if ddg > today {
                Err(ProfileError::PregnancyStartInFuture)
            } else if ddg < earliest {
                Err(ProfileError::PregnancyStartTooLongAgo { earliest })
            } else {
                Ok(())
            }
        }
    }
}

fn validate_birth(
    birth_date: NaiveDate,
    term_at_birth: Option<GestationalAge>,
    due_date: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(), ProfileError> {
    let earliest = add_months(today, -CHILD_MAX_MONTHS);
    if birth_date > today {
        return Err(ProfileError::BirthDateInFuture);
    }
    if birth_date < earliest {
        return Err(ProfileError::BirthDateTooLongAgo { earliest });
    }
    if let Some(term) = term_at_birth {
        if !term.is_well_formed() {
            return Err(ProfileError::TermDaysInvalid);
        }
        if !(TERM_MIN..=TERM_MAX).contains(&term) {
            return Err(ProfileError::TermOutOfRange);
        }
    }
    if let Some(due) = due_date {
        if implied_term(birth_date, due).is_none() {
            return Err(ProfileError::DueDateInconsistentWithBirth);
        }
    }
    Ok(())
}

/// An appointment the parent adds themselves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnEvent {
    /// A stable identifier, also used in exported calendar UIDs.
    pub id: String,
    pub title: String,
    #[serde(deserialize_with = "crate::domain::iso_date::de::date")]
    pub date: NaiveDate,
    /// A free note, if any.
    #[serde(default)]
    pub note: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::dates::{days_between, CorrectedAge};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn pregnant(date: PregnancyDate) -> Profile {
        Profile {
            id: "p1".into(),
            name: "Petit pois".into(),
            status: Status::Pregnant { date, babies: Multiplicity::Single, rank: ChildRank::First },
        }
    }

    fn born(birth: NaiveDate, term: Option<GestationalAge>, due: Option<NaiveDate>) -> Profile {
        Profile {
            id: "p2".into(),
            name: "Léa".into(),
            status: Status::Born { birth_date: birth, term_at_birth: term, due_date: due, babies: None },
        }
    }

    #[test]
    fn the_stored_shape_is_stable() {
        let profile = Profile {
            id: "abc".into(),
            name: "Petit pois".into(),
            status: Status::Pregnant {
                date: PregnancyDate::DueDate(d(2025, 9, 1)),
                babies: Multiplicity::Twins,
                rank: ChildRank::ThirdOrMore,
            },
        };
        let json = r#"{"id":"abc","name":"Petit pois","status":{"kind":"pregnant","date":{"kind":"due_date","date":"2025-09-01"},"babies":"twins","rank":"third_or_more"}}"#;
        assert_eq!(serde_json::to_string(&profile).expect("serialises"), json);
        assert_eq!(serde_json::from_str::<Profile>(json).expect("reads"), profile);

        let profile = born(d(2025, 3, 1), Some(GestationalAge::new(32, 4)), Some(d(2025, 4, 20)));
        let json = r#"{"id":"p2","name":"Léa","status":{"kind":"born","birth_date":"2025-03-01","term_at_birth":{"weeks":32,"days":4},"due_date":"2025-04-20"}}"#;
        assert_eq!(serde_json::to_string(&profile).expect("serialises"), json);
        assert_eq!(serde_json::from_str::<Profile>(json).expect("reads"), profile);

        // The number of babies born is written when known, and only then: a profile made
        // before it was asked reads and writes back as it was.
        let twins = Profile {
            status: Status::Born {
                birth_date: d(2025, 3, 1),
                term_at_birth: None,
                due_date: None,
                babies: Some(Multiplicity::Twins),
            },
            ..born(d(2025, 3, 1), None, None)
        };
        let json = r#"{"id":"p2","name":"Léa","status":{"kind":"born","birth_date":"2025-03-01","term_at_birth":null,"due_date":null,"babies":"twins"}}"#;
        assert_eq!(serde_json::to_string(&twins).expect("serialises"), json);
        assert_eq!(serde_json::from_str::<Profile>(json).expect("reads"), twins);
        let unknown = born(d(2025, 3, 1), None, None);
        assert!(!serde_json::to_string(&unknown).expect("serialises").contains("babies"));

        let short = r#"{"id":"p2","name":"Léa","status":{"kind":"born","birth_date":"2025-03-01"}}"#;
        assert_eq!(
            serde_json::from_str::<Profile>(short).expect("reads").status,
            Status::Born { birth_date: d(2025, 3, 1), term_at_birth: None, due_date: None, babies: None }
        );

        let ttc = r#"{"id":"x","name":"Bébé","status":{"kind":"trying_to_conceive"}}"#;
        let profile: Profile = serde_json::from_str(ttc).expect("reads");
        assert_eq!(profile.status, Status::TryingToConceive);
        assert_eq!(serde_json::to_string(&profile).expect("serialises"), ttc);

        for (date, kind) in [
            (PregnancyDate::LastPeriod(d(2025, 1, 2)), "last_period"),
            (PregnancyDate::PregnancyStart(d(2025, 1, 2)), "pregnancy_start"),
        ] {
            let json = format!(r#"{{"kind":"{kind}","date":"2025-01-02"}}"#);
            assert_eq!(serde_json::to_string(&date).expect("serialises"), json);
        }
        let own = OwnEvent { id: "o1".into(), title: "Sage-femme".into(), date: d(2025, 2, 3), note: None };
        let json = r#"{"id":"o1","title":"Sage-femme","date":"2025-02-03","note":null}"#;
        assert_eq!(serde_json::to_string(&own).expect("serialises"), json);
        let without_note = r#"{"id":"o1","title":"Sage-femme","date":"2025-02-03"}"#;
        assert_eq!(serde_json::from_str::<OwnEvent>(without_note).expect("reads"), own);
    }

    #[test]
    fn pregnancy_dates_are_validated_against_today() {
        let today = d(2025, 6, 15);
        let ok = |date| pregnant(date).validate(today);
        assert_eq!(ok(PregnancyDate::DueDate(add_days(today, 294))), Ok(()));
        assert_eq!(
            ok(PregnancyDate::DueDate(add_days(today, 295))),
            Err(ProfileError::DueDateTooFarAhead { latest: add_days(today, 294) })
        );
        assert_eq!(ok(PregnancyDate::DueDate(add_days(today, -21))), Ok(()));
        assert_eq!(
            ok(PregnancyDate::DueDate(add_days(today, -22))),
            Err(ProfileError::DueDateTooFarInPast { earliest: add_days(today, -21) })
        );
        assert_eq!(ok(PregnancyDate::LastPeriod(today)), Ok(()));
        assert_eq!(ok(PregnancyDate::LastPeriod(add_days(today, 1))), Err(ProfileError::LastPeriodInFuture));
        assert_eq!(ok(PregnancyDate::LastPeriod(add_days(today, -308))), Ok(()));
        assert_eq!(
            ok(PregnancyDate::LastPeriod(add_days(today, -309))),
            Err(ProfileError::LastPeriodTooLongAgo { earliest: add_days(today, -308) })
        );
        assert_eq!(ok(PregnancyDate::PregnancyStart(today)), Ok(()));
        assert_eq!(ok(PregnancyDate::PregnancyStart(add_days(today, 1))), Err(ProfileError::PregnancyStartInFuture));
        assert_eq!(ok(PregnancyDate::PregnancyStart(add_days(today, -294))), Ok(()));
        assert_eq!(
            ok(PregnancyDate::PregnancyStart(add_days(today, -295))),
            Err(ProfileError::PregnancyStartTooLongAgo { earliest: add_days(today, -294) })
        );
        let mut nameless = pregnant(PregnancyDate::LastPeriod(today));
        nameless.name = "  ".into();
        assert_eq!(nameless.validate(today), Err(ProfileError::EmptyName));
        let ttc = Profile { id: "t".into(), name: "B".into(), status: Status::TryingToConceive };
        assert_eq!(ttc.validate(today), Ok(()));
    }

    #[test]
    fn births_are_validated_against_today() {
        let today = d(2025, 6, 15);
        assert_eq!(born(today, None, None).validate(today), Ok(()));
        assert_eq!(born(add_days(today, 1), None, None).validate(today), Err(ProfileError::BirthDateInFuture));
        assert_eq!(born(d(2022, 6, 15), None, None).validate(today), Ok(()));
        assert_eq!(
            born(d(2022, 6, 14), None, None).validate(today),
            Err(ProfileError::BirthDateTooLongAgo { earliest: d(2022, 6, 15) })
        );
        let with_term = |weeks, days| born(today, Some(GestationalAge::new(weeks, days)), None).validate(today);
        assert_eq!(with_term(22, 0), Ok(()));
        assert_eq!(with_term(44, 6), Ok(()));
        assert_eq!(with_term(21, 6), Err(ProfileError::TermOutOfRange));
        assert_eq!(with_term(45, 0), Err(ProfileError::TermOutOfRange));
        assert_eq!(with_term(30, 7), Err(ProfileError::TermDaysInvalid));
        // A due date two months after birth: about 32 SA, plausible.
        assert_eq!(born(today, None, Some(d(2025, 8, 15))).validate(today), Ok(()));
        // A due date a year after birth: impossible.
        assert_eq!(
            born(today, None, Some(d(2026, 6, 15))).validate(today),
            Err(ProfileError::DueDateInconsistentWithBirth)
        );
    }

    #[test]
    fn born_profiles_date_their_pregnancy_and_child() {
        let birth = d(2025, 3, 1);
        // By due date: 34 SA + 0 days implied, premature.
        let profile = born(birth, None, Some(d(2025, 4, 20)));
        let pregnancy = profile.pregnancy().expect("born");
        assert_eq!(pregnancy.due_date(), d(2025, 4, 20));
        let child = profile.child().expect("born");
        assert_eq!(child.term_at_birth(), Some(GestationalAge::new(34, 0)));
        assert!(child.is_premature());
        assert!(matches!(child.corrected_age_on(birth), Some(CorrectedAge::BeforeTerm { .. })));
        // By term: DDR = birth - term.
        let profile = born(birth, Some(GestationalAge::new(39, 2)), None);
        let pregnancy = profile.pregnancy().expect("born");
        assert_eq!(pregnancy.gestational_age_on(birth), Some(GestationalAge::new(39, 2)));
        // Neither: born on the due date.
        let profile = born(birth, None, None);
        assert_eq!(profile.pregnancy().map(|p| p.due_date()), Some(birth));
        assert_eq!(profile.child().and_then(|c| c.term_at_birth()), None);
        // The given term wins over the implied one.
        let profile = born(birth, Some(GestationalAge::new(34, 0)), Some(d(2025, 4, 20)));
        assert_eq!(profile.child().and_then(|c| c.term_at_birth()), Some(GestationalAge::new(34, 0)));
    }

    #[test]
    fn periods_and_day_counts_of_profiles() {
        let ttc = Profile { id: "t".into(), name: "B".into(), status: Status::TryingToConceive };
        assert_eq!(ttc.period_on(d(2025, 1, 1)), Period::BeforePregnancy);
        assert_eq!(ttc.day_of_thousand(d(2025, 1, 1)), None);

        let profile = pregnant(PregnancyDate::LastPeriod(d(2025, 1, 1)));
        assert_eq!(profile.period_on(d(2025, 1, 14)), Period::BeforePregnancy);
        assert_eq!(profile.day_of_thousand(d(2025, 1, 15)), Some(DayOfThousand::Day(1)));
        assert_eq!(profile.period_on(d(2025, 1, 15)), Period::Trimester1);
        // Past the due date, still pregnant: 3rd trimester.
        assert_eq!(profile.period_on(d(2025, 10, 30)), Period::Trimester3);

        // Born at 34 SA: "0-3 months" from birth, by age since birth.
        let birth = d(2025, 8, 1);
        let profile = born(birth, Some(GestationalAge::new(34, 0)), None);
        assert_eq!(profile.period_on(add_days(birth, -1)), Period::Trimester3);
        assert_eq!(profile.period_on(birth), Period::Months0To3);
        assert_eq!(profile.period_on(d(2025, 11, 1)), Period::Months3To6);
        assert_eq!(profile.period_on(d(2027, 8, 1)), Period::After24Months);
        // Born earlier than the due date: the day count still runs from DDG.
        let profile = born(birth, None, Some(d(2025, 9, 12)));
        let p = profile.pregnancy().expect("born");
        assert_eq!(profile.day_of_thousand(p.start()), Some(DayOfThousand::Day(1)));
        assert_eq!(profile.day_of_thousand(p.day_1000()), Some(DayOfThousand::Day(1000)));
        // Born on the due date: day 1000 falls a few days before the 2nd birthday.
        let profile = born(birth, None, Some(birth));
        let day_1000 = profile.pregnancy().expect("born").day_1000();
        let second_birthday = add_months(birth, 24);
        assert!(day_1000 < second_birthday && days_between(day_1000, second_birthday) <= 7);
        assert_eq!(profile.period_on(day_1000), Period::Months12To24);
        // Born later than the due date.
        let profile = born(birth, None, Some(d(2025, 7, 25)));
        let child = profile.child().expect("born");
        assert_eq!(child.term_at_birth(), Some(GestationalAge::new(42, 0)));
        assert!(!child.is_premature());
    }
}
