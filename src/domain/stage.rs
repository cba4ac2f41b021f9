//! Where a profile stands on a given day: the day of the 1000, the pregnancy week or the
//! baby's age, the period, and the moment that selects the day's messages. This is what
//! the Today screen and each day of the Timeline show.

use super::calendar::{Age, CorrectedAge, DayOfThousand, GestationalAge, Period, Profile, Trimester};
use super::messages::{Moment, MAX_AGE_DAYS, MAX_SA_WEEK};
use chrono::NaiveDate;

/// The pregnancy or the child on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Trying to conceive: no dates yet.
    TryingToConceive,
    /// Before the first day of the last period: nothing to count yet.
    BeforePregnancy,
    Pregnant {
        age: GestationalAge,
        /// Month of pregnancy, 1 to 9.
        month: u32,
        trimester: Trimester,
        due_date: NaiveDate,
    },
    Born {
        age: Age,
        /// Only for a baby born before 37 SA.
        corrected: Option<CorrectedAge>,
    },
}

/// Everything the app shows about one day of a profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DaySummary {
    pub date: NaiveDate,
    /// `None` while trying to conceive.
    pub day: Option<DayOfThousand>,
    pub stage: Stage,
    pub period: Period,
    /// The moment whose messages apply, if any.
    pub moment: Option<Moment>,
}

/// Where `profile` stands on `date`.
pub fn day_summary(profile: &Profile, date: NaiveDate) -> DaySummary {
    let stage = stage_on(profile, date);
    let moment = match stage {
        Stage::Pregnant { age, .. } => Some(Moment::Pregnancy { sa_week: age.weeks.min(MAX_SA_WEEK) }),
        Stage::Born { age, corrected } => Some(Moment::Child {
            age_days: age.days.min(MAX_AGE_DAYS),
            corrected_days: match corrected {
                None => Some(age.days.min(MAX_AGE_DAYS)),
                Some(CorrectedAge::Age(c)) => Some(c.days.min(MAX_AGE_DAYS)),
                Some(CorrectedAge::BeforeTerm { .. }) => None,
            },
        }),
        Stage::TryingToConceive => Some(Moment::Preconception),
        Stage::BeforePregnancy => None,
    };
    DaySummary { date, day: profile.day_of_thousand(date), stage, period: profile.period_on(date), moment }
}

fn stage_on(profile: &Profile, date: NaiveDate) -> Stage {
    let Some(pregnancy) = profile.pregnancy() else { return Stage::TryingToConceive };
    if let Some(child) = profile.child() {
        if let Some(age) = child.age_on(date) {
            return Stage::Born { age, corrected: child.corrected_age_on(date) };
        }
    }
    match (pregnancy.gestational_age_on(date), pregnancy.month_on(date), pregnancy.trimester_on(date)) {
        (Some(age), Some(month), Some(trimester)) => {
            Stage::Pregnant { age, month, trimester, due_date: pregnancy.due_date() }
        }
        // Between the last period and the start of pregnancy (SA 0 and 1): weeks are
        // counted, but there is no month or trimester yet.
        (Some(age), _, _) => {
            Stage::Pregnant { age, month: 1, trimester: Trimester::First, due_date: pregnancy.due_date() }
        }
        _ => Stage::BeforePregnancy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::Status;
    use crate::domain::fixtures::{d as date, pregnant_since, profile};

    #[test]
    fn a_pregnancy_is_counted_in_sa_from_the_last_period() {
        let p = pregnant_since(date(2026, 6, 1));
        // 24 SA + 3 days after the last period; day 1 is 14 days after it.
        let s = day_summary(&p, date(2026, 6, 1) + chrono::Days::new(24 * 7 + 3));
        let Stage::Pregnant { age, month, trimester, due_date } = s.stage else { panic!("{s:?}") };
        assert_eq!((age.weeks, age.days), (24, 3));
        assert_eq!(trimester, Trimester::Second);
        assert_eq!(month, 6);
        assert_eq!(due_date, date(2027, 3, 15));
        assert_eq!(s.day, Some(DayOfThousand::Day(24 * 7 + 3 - 14 + 1)));
        assert_eq!(s.moment, Some(Moment::Pregnancy { sa_week: 24 }));
        assert_eq!(s.period, Period::Trimester2);
    }

    #[test]
    fn before_the_start_of_pregnancy_sa_weeks_still_count() {
        let p = pregnant_since(date(2026, 6, 1));
        let s = day_summary(&p, date(2026, 6, 8));
        assert!(matches!(s.stage, Stage::Pregnant { age: GestationalAge { weeks: 1, days: 0 }, .. }));
        assert_eq!(s.day, Some(DayOfThousand::Before { days_until_day1: 7 }));
        let s = day_summary(&p, date(2026, 5, 1));
        assert_eq!(s.stage, Stage::BeforePregnancy);
        assert_eq!(s.moment, None);
    }

    #[test]
    fn after_birth_the_age_counts_and_the_moment_follows_it() {
        let p = profile(Status::Born {
            birth_date: date(2026, 1, 31),
            term_at_birth: Some(GestationalAge::new(32, 0)),
            due_date: None,
            babies: None,
        });
        let s = day_summary(&p, date(2026, 3, 31));
        let Stage::Born { age, corrected } = s.stage else { panic!("{s:?}") };
        assert_eq!((age.days, age.months), (59, 2));
        // Born at 32 SA: 8 weeks early, so the corrected age starts on 28 March.
        assert_eq!(corrected, Some(CorrectedAge::Age(Age { days: 3, weeks: 0, months: 0 })));
        assert_eq!(s.moment, Some(Moment::Child { age_days: 59, corrected_days: Some(3) }));
        assert_eq!(s.period, Period::Months0To3);
        // The day before birth, the same profile was in pregnancy.
        let before = day_summary(&p, date(2026, 1, 30));
        assert!(matches!(before.stage, Stage::Pregnant { age: GestationalAge { weeks: 31, days: 6 }, .. }));
    }

    #[test]
    fn late_moments_are_clamped_to_the_messages_range() {
        let p =
            profile(Status::Born { birth_date: date(2024, 1, 1), term_at_birth: None, due_date: None, babies: None });
        assert_eq!(day_summary(&p, date(2027, 6, 1)).moment, Some(Moment::child(MAX_AGE_DAYS)));
        let p = pregnant_since(date(2026, 1, 1));
        assert_eq!(day_summary(&p, date(2026, 12, 1)).moment, Some(Moment::Pregnancy { sa_week: MAX_SA_WEEK }));
    }

    #[test]
    fn trying_to_conceive_has_no_day_and_the_preconception_moment() {
        let s = day_summary(&profile(Status::TryingToConceive), date(2026, 11, 23));
        assert_eq!(s.stage, Stage::TryingToConceive);
        assert_eq!((s.day, s.moment), (None, Some(Moment::Preconception)));
    }

    #[test]
    fn a_premature_baby_has_no_corrected_moment_before_its_term_then_its_corrected_age() {
        // Born at 30 SA on 1 March: the equivalent of 40 SA comes 70 days later.
        let p = profile(Status::Born {
            birth_date: date(2026, 3, 1),
            term_at_birth: Some(GestationalAge::new(30, 0)),
            due_date: None,
            babies: None,
        });
        let early = day_summary(&p, date(2026, 4, 1));
        assert_eq!(early.moment, Some(Moment::Child { age_days: 31, corrected_days: None }));
        let later = day_summary(&p, date(2026, 3, 1) + chrono::Days::new(200));
        assert_eq!(later.moment, Some(Moment::Child { age_days: 200, corrected_days: Some(130) }));
        let term =
            profile(Status::Born { birth_date: date(2026, 3, 1), term_at_birth: None, due_date: None, babies: None });
        assert_eq!(day_summary(&term, date(2026, 4, 1)).moment, Some(Moment::child(31)));
    }

    /// Every one of the 1000 days has at least one message, whatever the dates: a
    /// pregnancy followed day by day to term and beyond, and children born very early,
    /// at term or late (their days follow their age).
    #[test]
    fn every_day_of_the_1000_has_a_message() {
        use crate::domain::calendar::GestationalAge;
        use crate::domain::fixtures::born;
        use crate::domain::messages::Catalogue;
        let catalogue = Catalogue::from_json(
            include_str!("../../public/content/messages.json"),
            include_str!("../../locales/fr/messages.json"),
        )
        .unwrap();
        let ddr = date(2026, 1, 5);
        let pregnancy = crate::domain::calendar::Pregnancy::from_last_period(ddr);
        let mut profiles = vec![pregnant_since(ddr)];
        for term in [(24, 0), (33, 2), (39, 3), (41, 6)] {
            let birth = pregnancy.date_at(GestationalAge::new(term.0, term.1));
            profiles.push(born(birth, Some(GestationalAge::new(term.0, term.1))));
        }
        for p in &profiles {
            let day1 = p.pregnancy().unwrap().date_of_day(1).unwrap();
            for n in 0..1000u64 {
                let day = day1 + chrono::Days::new(n);
                let s = day_summary(p, day);
                let moment = s.moment.unwrap_or_else(|| panic!("no moment on day {} of {:?}", n + 1, p.status));
                assert!(!catalogue.for_moment(moment).is_empty(), "day {} of {:?}: no message", n + 1, p.status);
            }
        }
    }
}
