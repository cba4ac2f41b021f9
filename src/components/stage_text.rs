//! Where a profile stands on a day, in words: the day of the 1000, the pregnancy week
//! (SA + days, month, trimester) or the baby's age and corrected age. Shared by the
//! Today page and each day of the Timeline; pure functions of a language and a
//! [`DaySummary`], tested natively.

use crate::domain::calendar::{Age, CorrectedAge, DayOfThousand, Period, Trimester};
use crate::domain::lang::Lang;
use crate::domain::stage::{DaySummary, Stage};
use crate::i18n::{format, text, Key};
use crate::texts;

/// A stage in words: one main line, then details (month and trimester of pregnancy,
/// due date, corrected age).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageText {
    /// "25 SA + 4 j" ("25+4 weeks (SA)"), "Âge : 2 mois", "Avant le début de la grossesse".
    pub headline: String,
    pub details: Vec<String>,
}

/// The stage of `summary` in `lang`.
pub fn stage_text(lang: Lang, summary: &DaySummary) -> StageText {
    match summary.stage {
        Stage::TryingToConceive => StageText { headline: text(lang, Key::TimelineStageTrying).into(), details: vec![] },
        Stage::BeforePregnancy => {
            StageText { headline: text(lang, Key::TimelineStageBeforePregnancy).into(), details: vec![] }
        }
        Stage::Pregnant { age, month, trimester, due_date } => StageText {
            headline: format(
                lang,
                Key::TimelineStageSa,
                &[("weeks", &age.weeks.to_string()), ("days", &age.days.to_string())],
            ),
            details: vec![
                format(lang, Key::TimelineStagePregnancyMonth, &[("n", &month.to_string())]),
                trimester_label(lang, trimester).to_string(),
                format(lang, Key::TimelineStageDueDate, &[("date", &texts::date_long(lang, due_date))]),
            ],
        },
        Stage::Born { age, corrected } => StageText {
            headline: if age.days == 0 {
                text(lang, Key::TimelineStageBirthDay).to_string()
            } else {
                format(lang, Key::TimelineStageAge, &[("age", &age_text(lang, age))])
            },
            details: corrected.map(|c| corrected_text(lang, c)).into_iter().collect(),
        },
    }
}

/// "Jour 162 sur 1000", or the countdown to day 1, or "the 1000 days are complete".
pub fn day_text(lang: Lang, day: DayOfThousand) -> String {
    match day {
        DayOfThousand::Day(n) => format(lang, Key::TimelineStageDay, &[("n", &n.to_string())]),
        DayOfThousand::Before { days_until_day1: 1 } => text(lang, Key::TimelineStageBeforeDay1One).to_string(),
        DayOfThousand::Before { days_until_day1 } => {
            format(lang, Key::TimelineStageBeforeDay1, &[("n", &days_until_day1.to_string())])
        }
        DayOfThousand::After { .. } => text(lang, Key::TimelineStageComplete).to_string(),
    }
}

/// "2e trimestre de grossesse".
pub fn trimester_label(lang: Lang, trimester: Trimester) -> &'static str {
    period_label(
        lang,
        match trimester {
            Trimester::First => Period::Trimester1,
            Trimester::Second => Period::Trimester2,
            Trimester::Third => Period::Trimester3,
        },
    )
}

/// "De 3 à 6 mois".
pub fn period_label(lang: Lang, period: Period) -> &'static str {
    text(
        lang,
        match period {
            Period::BeforePregnancy => Key::TimelinePeriodBeforePregnancy,
            Period::Trimester1 => Key::TimelinePeriodTrimester1,
            Period::Trimester2 => Key::TimelinePeriodTrimester2,
            Period::Trimester3 => Key::TimelinePeriodTrimester3,
            Period::Months0To3 => Key::TimelinePeriodMonths03,
            Period::Months3To6 => Key::TimelinePeriodMonths36,
            Period::Months6To12 => Key::TimelinePeriodMonths612,
            Period::Months12To24 => Key::TimelinePeriodMonths1224,
            Period::After24Months => Key::TimelinePeriodAfter24Months,
        },
    )
}

/// An age as a parent says it: days in the first week, then weeks (and days) in the
/// first month, then months until 2 years, then years and months.
pub fn age_text(lang: Lang, age: Age) -> String {
    if age.days < 7 {
        count(lang, age.days, Key::TimelineStageDaysOne, Key::TimelineStageDaysOther)
    } else if age.months == 0 {
        let weeks = count(lang, age.weeks, Key::TimelineStageWeeksOne, Key::TimelineStageWeeksOther);
        match age.days % 7 {
            0 => weeks,
            days => and(lang, &weeks, &count(lang, days, Key::TimelineStageDaysOne, Key::TimelineStageDaysOther)),
        }
    } else if age.months < 24 {
        count(lang, age.months, Key::TimelineStageMonthsOne, Key::TimelineStageMonthsOther)
    } else {
        let years = count(lang, age.months / 12, Key::TimelineStageYearsOne, Key::TimelineStageYearsOther);
        match age.months % 12 {
            0 => years,
            months => {
                and(lang, &years, &count(lang, months, Key::TimelineStageMonthsOne, Key::TimelineStageMonthsOther))
            }
        }
    }
}

/// "Âge corrigé : 8 mois", or the days left until the baby reaches 40 SA.
pub fn corrected_text(lang: Lang, corrected: CorrectedAge) -> String {
    match corrected {
        CorrectedAge::Age(age) => format(lang, Key::TimelineStageCorrected, &[("age", &age_text(lang, age))]),
        CorrectedAge::BeforeTerm { days_until_term } => format(
            lang,
            Key::TimelineStageCorrectedBeforeTerm,
            &[("days", &count(lang, days_until_term, Key::TimelineStageDaysOne, Key::TimelineStageDaysOther))],
        ),
    }
}

/// `n` with the singular or plural text: French uses the singular for 0 and 1, English
/// for 1 only.
pub fn count(lang: Lang, n: u32, one: Key, other: Key) -> String {
    let singular = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    };
    format(lang, if singular { one } else { other }, &[("n", &n.to_string())])
}

fn and(lang: Lang, a: &str, b: &str) -> String {
    format(lang, Key::TimelineStageAnd, &[("a", a), ("b", b)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{GestationalAge, Profile, Status};
    use crate::domain::fixtures::{d, pregnant_since, profile};
    use crate::domain::stage::day_summary;

    fn pregnant() -> Profile {
        pregnant_since(d(2026, 6, 1))
    }

    fn age(days: u32, months: u32) -> Age {
        Age { days, weeks: days / 7, months }
    }

    #[test]
    fn a_pregnancy_day_reads_in_sa_month_trimester_and_due_date() {
        let s = day_summary(&pregnant(), d(2026, 11, 23));
        let fr = stage_text(Lang::Fr, &s);
        assert_eq!(fr.headline, "25 SA + 0 j");
        assert_eq!(fr.details, ["Mois 6 de grossesse", "2e trimestre de grossesse", "Terme prévu : 15 mars 2027"]);
        let en = stage_text(Lang::En, &s);
        assert_eq!(en.headline, "25+0 weeks (SA)");
        assert_eq!(en.details[2], "Due date: 15 March 2027");
        assert_eq!(day_text(Lang::Fr, s.day.unwrap()), "Jour 162 sur 1000");
        assert_eq!(day_text(Lang::En, s.day.unwrap()), "Day 162 of 1000");
    }

    #[test]
    fn a_premature_baby_has_its_age_and_corrected_age() {
        let p = profile(Status::Born {
            birth_date: d(2026, 1, 31),
            term_at_birth: Some(GestationalAge::new(33, 0)),
            due_date: None,
            babies: None,
        });
        let s = day_summary(&p, d(2026, 11, 23));
        let fr = stage_text(Lang::Fr, &s);
        assert_eq!(fr.headline, "Âge : 9 mois");
        assert_eq!(fr.details, ["Âge corrigé : 8 mois"]);
        let en = stage_text(Lang::En, &s);
        assert_eq!((en.headline.as_str(), en.details[0].as_str()), ("Age: 9 months", "Corrected age: 8 months"));
        // Ten days after birth, 40 SA is 39 days away.
        let early = stage_text(Lang::En, &day_summary(&p, d(2026, 2, 10)));
        assert_eq!(early.headline, "Age: 1 week and 3 days");
        assert_eq!(early.details, ["Corrected age: reaches the 40-week term in 39 days"]);
        assert_eq!(stage_text(Lang::Fr, &day_summary(&p, d(2026, 1, 31))).headline, "Jour de la naissance");
    }

    #[test]
    fn ages_read_as_a_parent_says_them() {
        assert_eq!(age_text(Lang::Fr, age(1, 0)), "1 jour");
        assert_eq!(age_text(Lang::En, age(6, 0)), "6 days");
        assert_eq!(age_text(Lang::Fr, age(14, 0)), "2 semaines");
        assert_eq!(age_text(Lang::Fr, age(23, 0)), "3 semaines et 2 jours");
        assert_eq!(age_text(Lang::En, age(8, 0)), "1 week and 1 day");
        assert_eq!(age_text(Lang::En, age(31, 1)), "1 month");
        assert_eq!(age_text(Lang::Fr, age(400, 13)), "13 mois");
        assert_eq!(age_text(Lang::Fr, age(731, 24)), "2 ans");
        assert_eq!(age_text(Lang::En, age(800, 26)), "2 years and 2 months");
        assert_eq!(age_text(Lang::En, age(1100, 36)), "3 years");
    }

    #[test]
    fn before_day_1_and_after_day_1000_are_said_plainly() {
        assert_eq!(
            day_text(Lang::Fr, DayOfThousand::Before { days_until_day1: 1 }),
            "Le jour 1 des 1000 jours, c'est demain"
        );
        assert_eq!(
            day_text(Lang::En, DayOfThousand::Before { days_until_day1: 9 }),
            "Day 1 of the 1000 days starts in 9 days"
        );
        assert_eq!(day_text(Lang::En, DayOfThousand::After { days_since_day1000: 3 }), "The 1000 days are complete");
        let before = stage_text(Lang::Fr, &day_summary(&pregnant(), d(2026, 5, 20)));
        assert_eq!(before.headline, "Avant le début de la grossesse");
        let ttc = stage_text(Lang::En, &day_summary(&profile(Status::TryingToConceive), d(2026, 5, 20)));
        assert_eq!(ttc.headline, "Trying for a baby");
    }

    #[test]
    fn every_period_has_a_label_without_placeholders() {
        for lang in Lang::ALL {
            for p in [
                Period::BeforePregnancy,
                Period::Trimester1,
                Period::Trimester2,
                Period::Trimester3,
                Period::Months0To3,
                Period::Months3To6,
                Period::Months6To12,
                Period::Months12To24,
                Period::After24Months,
            ] {
                assert!(!period_label(lang, p).contains('{'));
            }
        }
    }
}
