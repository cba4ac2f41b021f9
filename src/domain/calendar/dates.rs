//! Dates of a pregnancy as counted in France, the 1000 days, and the child's age.
//!
//! Every function here is total: it never panics, whatever the date. Arithmetic that
//! would leave chrono's range (hundreds of thousands of years away) saturates at
//! `NaiveDate::MIN` / `NaiveDate::MAX` instead.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// DDG (start of pregnancy) = DDR (first day of the last period) + 14 days.
pub const DAYS_FROM_DDR_TO_DDG: i64 = 14;

/// The number of the last of the 1000 days.
pub const LAST_DAY: u32 = 1000;

/// A baby born before 37 SA is premature (calendar.md, "Term").
pub const PREMATURE_BEFORE_WEEKS: u32 = 37;

/// The reference term of corrected age: 40 SA.
const CORRECTED_AGE_TERM_WEEKS: u32 = 40;

/// Calendar months from DDG to the due date (DPA), the French rule.
const PREGNANCY_MONTHS: u32 = 9;

/// The last SA week (completed weeks) of the first trimester: T1 ends at 14 SA + 6 days.
const T1_LAST_WEEK: u32 = 14;

/// The last SA week of the second trimester: T2 ends at 28 SA + 6 days.
const T2_LAST_WEEK: u32 = 28;

/// `date` moved by `days` (negative: back in time), saturating at chrono's limits.
pub fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    let step = Days::new(days.unsigned_abs());
    if days >= 0 {
        date.checked_add_days(step).unwrap_or(NaiveDate::MAX)
    } else {
        date.checked_sub_days(step).unwrap_or(NaiveDate::MIN)
    }
}

/// `date` moved by `months` calendar months (negative: back in time), with chrono's
/// rule at month ends: the day is clamped to the last day of the target month
/// (31 May + 9 months = 28 February, or 29 in a leap year; 31 January - 9 months =
/// 30 April). Saturates at chrono's limits.
pub fn add_months(date: NaiveDate, months: i32) -> NaiveDate {
    let step = Months::new(months.unsigned_abs());
    if months >= 0 {
        date.checked_add_months(step).unwrap_or(NaiveDate::MAX)
    } else {
        date.checked_sub_months(step).unwrap_or(NaiveDate::MIN)
    }
}

/// Days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

/// Completed calendar months from `start` to `date`, `None` when `date` is before
/// `start`. A month is completed on the day `add_months(start, m)` is reached, so from
/// 31 January one month is completed on 28 (or 29) February, two on 31 March.
pub fn months_between(start: NaiveDate, date: NaiveDate) -> Option<u32> {
    if date < start {
        return None;
    }
    let years = i64::from(date.year()) - i64::from(start.year());
    let mut months = years * 12 + i64::from(date.month0()) - i64::from(start.month0());
    if add_months(start, clamp_i32(months)) > date {
        months -= 1;
    }
    Some(clamp_u32(months))
}

fn clamp_u32(value: i64) -> u32 {
    u32::try_from(value.max(0)).unwrap_or(u32::MAX)
}

fn clamp_i32(value: i64) -> i32 {
    i32::try_from(value).unwrap_or(if value < 0 { i32::MIN } else { i32::MAX })
}

/// A duration in weeks and days, as used for gestational age in SA ("semaines
/// d'aménorrhée", counted from the last period) and for the term at birth.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct GestationalAge {
    /// Completed weeks.
    pub weeks: u32,
    /// Days beyond the completed weeks, 0 to 6 in a valid value.
    pub days: u32,
}

impl GestationalAge {
    /// `weeks` SA + `days` days.
    pub const fn new(weeks: u32, days: u32) -> Self {
        GestationalAge { weeks, days }
    }

    /// The age reached after `days` days.
    pub const fn from_days(days: u32) -> Self {
        GestationalAge { weeks: days / 7, days: days % 7 }
    }

    /// The age in days (saturating; `days` above 6 count as given).
    pub fn total_days(self) -> u32 {
        self.weeks.saturating_mul(7).saturating_add(self.days)
    }

    /// Whether `days` is 0 to 6.
    pub fn is_well_formed(self) -> bool {
        self.days < 7
    }

    /// Born before 37 SA.
    pub fn is_premature(self) -> bool {
        self.total_days() < PREMATURE_BEFORE_WEEKS * 7
    }
}

/// The French medical notation, e.g. "24 SA + 3 j".
impl fmt::Display for GestationalAge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} SA + {} j", self.weeks, self.days)
    }
}

/// A trimester of pregnancy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trimester {
    First,
    Second,
    Third,
}

impl Trimester {
    /// The trimester at a gestational age. The one convention of the code, from
    /// calendar.md ("T1 to the end of 14 SA, T2 to 28 SA, T3 to birth"):
    /// T1 up to 14 SA + 6 days, T2 from 15 SA + 0 days to 28 SA + 6 days, T3 from
    /// 29 SA + 0 days until birth.
    pub fn of(age: GestationalAge) -> Trimester {
        let weeks = age.total_days() / 7;
        if weeks <= T1_LAST_WEEK {
            Trimester::First
        } else if weeks <= T2_LAST_WEEK {
            Trimester::Second
        } else {
            Trimester::Third
        }
    }
}

/// Where a date falls in the 1000 days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DayOfThousand {
    /// Before day 1: day 1 is in `days_until_day1` days (at least 1).
    Before { days_until_day1: u32 },
    /// Day `n`, from 1 to 1000.
    Day(u32),
    /// After day 1000, by `days_since_day1000` days (at least 1).
    After { days_since_day1000: u32 },
}

/// A pregnancy, dated the French way. Day 1 of the 1000 days is its start (DDG).
///
/// Conventions (calendar.md):
/// - DDG = DDR + 14 days;
/// - DPA = DDG + 9 calendar months, about 41 SA (not the DDR + 280 days rule). Month ends
///   are clamped by chrono: DDG 31 May gives DPA 28 February (29 in a leap year), and
///   DDG 28, 29, 30 and 31 May all give the same DPA;
/// - from a DPA, DDG = DPA - 9 calendar months (clamped the same way: DPA 31 January gives
///   DDG 30 April). Because of the clamping, no DDG gives some DPAs (31 January, say), so
///   the pregnancy keeps the DPA it was given rather than recomputing it:
///   `Pregnancy::from_due_date(d).due_date() == d` always holds, and the DPA - DDG gap is
///   273 to 276 days whichever date was given.
///
/// The state's 1000-days app uses DDG = DPA - 41 weeks instead; the month rule is kept
/// here so that the three ways of entering a pregnancy agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Pregnancy {
    start: NaiveDate,
    due: NaiveDate,
}

impl Pregnancy {
    /// From the due date (DPA): DDG = DPA - 9 calendar months.
    pub fn from_due_date(due: NaiveDate) -> Self {
        Pregnancy { start: add_months(due, -clamp_i32(i64::from(PREGNANCY_MONTHS))), due }
    }

    /// From the first day of the last period (DDR): DDG = DDR + 14 days.
    pub fn from_last_period(last_period: NaiveDate) -> Self {
        Pregnancy::from_start(add_days(last_period, DAYS_FROM_DDR_TO_DDG))
    }

    /// From the start of pregnancy (DDG, "conception"): DPA = DDG + 9 calendar months.
    pub fn from_start(start: NaiveDate) -> Self {
        Pregnancy { start, due: add_months(start, clamp_i32(i64::from(PREGNANCY_MONTHS))) }
    }

    /// The first day of the last period (DDR), from which SA are counted.
    pub fn last_period(&self) -> NaiveDate {
        add_days(self.start, -DAYS_FROM_DDR_TO_DDG)
    }

    /// The start of pregnancy (DDG): day 1 of the 1000 days.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The due date (DPA).
    pub fn due_date(&self) -> NaiveDate {
        self.due
    }

    /// The gestational age in SA on `date`, `None` before the last period.
    pub fn gestational_age_on(&self, date: NaiveDate) -> Option<GestationalAge> {
        let days = days_between(self.last_period(), date);
        (days >= 0).then(|| GestationalAge::from_days(clamp_u32(days)))
    }

    /// The date on which the gestational age is `age` (e.g. 22 SA + 0 days).
    pub fn date_at(&self, age: GestationalAge) -> NaiveDate {
        add_days(self.last_period(), i64::from(age.total_days()))
    }

    /// The month of pregnancy on `date`, 1 to 9, counted in calendar months from DDG;
    /// `None` before DDG. Days past the due date still count in the 9th month.
    pub fn month_on(&self, date: NaiveDate) -> Option<u32> {
        months_between(self.start, date).map(|m| (m + 1).min(PREGNANCY_MONTHS))
    }

    /// The first and last days of month `month` (1 to 9) of the pregnancy; the 9th month
    /// ends the day before the due date.
    pub fn month_window(&self, month: u32) -> Option<(NaiveDate, NaiveDate)> {
        if !(1..=PREGNANCY_MONTHS).contains(&month) {
            return None;
        }
        let first = add_months(self.start, clamp_i32(i64::from(month - 1)));
        let next =
            if month == PREGNANCY_MONTHS { self.due } else { add_months(self.start, clamp_i32(i64::from(month))) };
        Some((first, add_days(next, -1).max(first)))
    }

    /// The trimester on `date` (see [`Trimester::of`]); `None` before DDG.
    pub fn trimester_on(&self, date: NaiveDate) -> Option<Trimester> {
        if date < self.start {
            return None;
        }
        self.gestational_age_on(date).map(Trimester::of)
    }

    /// Where `date` falls in the 1000 days: day N is DDG + (N - 1) days.
    pub fn day_of_thousand(&self, date: NaiveDate) -> DayOfThousand {
        let offset = days_between(self.start, date);
        if offset < 0 {
            DayOfThousand::Before { days_until_day1: clamp_u32(-offset) }
        } else if offset < i64::from(LAST_DAY) {
            DayOfThousand::Day(clamp_u32(offset + 1))
        } else {
            DayOfThousand::After { days_since_day1000: clamp_u32(offset + 1 - i64::from(LAST_DAY)) }
        }
    }

    /// The date of day `n` (1 to 1000) of the 1000 days, `None` for any other `n`.
    pub fn date_of_day(&self, n: u32) -> Option<NaiveDate> {
        (1..=LAST_DAY).contains(&n).then(|| add_days(self.start, i64::from(n) - 1))
    }

    /// The date of day 1000.
    pub fn day_1000(&self) -> NaiveDate {
        add_days(self.start, i64::from(LAST_DAY) - 1)
    }

    /// The gestational age on `birth_date`, if the baby is born then.
    pub fn term_at(&self, birth_date: NaiveDate) -> Option<GestationalAge> {
        self.gestational_age_on(birth_date)
    }
}

/// An age since a date: days, completed weeks and completed calendar months (see
/// [`months_between`] for month ends).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Age {
    pub days: u32,
    pub weeks: u32,
    pub months: u32,
}

impl Age {
    /// The age on `date` of something that started on `start`; `None` before `start`.
    pub fn between(start: NaiveDate, date: NaiveDate) -> Option<Age> {
        let days = days_between(start, date);
        let months = months_between(start, date)?;
        let days = clamp_u32(days);
        Some(Age { days, weeks: days / 7, months })
    }
}

/// The corrected age of a premature baby.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CorrectedAge {
    /// The baby has not yet reached the equivalent of 40 SA; it will in `days_until_term`
    /// days (at least 1).
    BeforeTerm { days_until_term: u32 },
    /// The age counted from the day the baby reached the equivalent of 40 SA.
    Age(Age),
}

/// A child after birth.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Child {
    birth_date: NaiveDate,
    term_at_birth: Option<GestationalAge>,
}

impl Child {
    /// A child born on `birth_date`, at `term_at_birth` if known.
    pub fn new(birth_date: NaiveDate, term_at_birth: Option<GestationalAge>) -> Self {
        Child { birth_date, term_at_birth }
    }

    /// The birth date.
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    /// The term at birth, if known.
    pub fn term_at_birth(&self) -> Option<GestationalAge> {
        self.term_at_birth
    }

    /// Born before 37 SA (false when the term is unknown).
    pub fn is_premature(&self) -> bool {
        self.term_at_birth.is_some_and(GestationalAge::is_premature)
    }

    /// The age since birth on `date`; `None` before birth.
    pub fn age_on(&self, date: NaiveDate) -> Option<Age> {
        Age::between(self.birth_date, date)
    }

    /// The date on which a premature baby reaches the equivalent of 40 SA: birth +
    /// (40 SA - term at birth). `None` when the baby is not premature.
    pub fn corrected_birth_date(&self) -> Option<NaiveDate> {
        let term = self.term_at_birth.filter(|t| t.is_premature())?;
        let gap = i64::from(CORRECTED_AGE_TERM_WEEKS * 7) - i64::from(term.total_days());
        Some(add_days(self.birth_date, gap))
    }

    /// The corrected age on `date`: age since birth - (40 SA - term at birth), only for
    /// a baby born before 37 SA (`None` otherwise, and before birth). calendar.md: used
    /// until about 2 years; the caller decides when to stop showing it.
    pub fn corrected_age_on(&self, date: NaiveDate) -> Option<CorrectedAge> {
        let corrected_birth = self.corrected_birth_date()?;
        if date < self.birth_date {
            return None;
        }
        match Age::between(corrected_birth, date) {
            Some(age) => Some(CorrectedAge::Age(age)),
            None => Some(CorrectedAge::BeforeTerm { days_until_term: clamp_u32(days_between(date, corrected_birth)) }),
        }
    }
}

/// The period of the 1000 days a date belongs to, for the content shown. During
/// pregnancy it follows SA (trimesters); after birth it follows the baby's age since
/// birth, not the day number (calendar.md: a baby born at 34 SA starts "0-3 months").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// Before the start of pregnancy (or no pregnancy yet).
    BeforePregnancy,
    Trimester1,
    Trimester2,
    Trimester3,
    /// From birth to the day before 3 months.
    Months0To3,
    /// From 3 months to the day before 6 months.
    Months3To6,
    /// From 6 months to the day before 12 months.
    Months6To12,
    /// From 12 months to the day before 24 months.
    Months12To24,
    /// From 24 months.
    After24Months,
}

impl Period {
    /// The period on `date` of a pregnancy not (yet) ended by a birth.
    pub fn of_pregnancy(pregnancy: &Pregnancy, date: NaiveDate) -> Period {
        match pregnancy.trimester_on(date) {
            None => Period::BeforePregnancy,
            Some(Trimester::First) => Period::Trimester1,
            Some(Trimester::Second) => Period::Trimester2,
            Some(Trimester::Third) => Period::Trimester3,
        }
    }

    /// The period for a child of age `age` since birth.
    pub fn of_age(age: Age) -> Period {
        match age.months {
            0..=2 => Period::Months0To3,
            3..=5 => Period::Months3To6,
            6..=11 => Period::Months6To12,
            12..=23 => Period::Months12To24,
            _ => Period::After24Months,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn every_day(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
        from.iter_days().take_while(move |x| *x <= to)
    }

    const FIRST: (i32, u32, u32) = (2024, 1, 1);
    const LAST: (i32, u32, u32) = (2030, 12, 31);

    fn test_range() -> impl Iterator<Item = NaiveDate> {
        every_day(d(FIRST.0, FIRST.1, FIRST.2), d(LAST.0, LAST.1, LAST.2))
    }

    #[test]
    fn every_due_date_round_trips() {
        for due in test_range() {
            let p = Pregnancy::from_due_date(due);
            assert_eq!(p.due_date(), due);
            assert_eq!(p.start(), add_months(due, -9));
            assert_eq!(p.last_period(), add_days(p.start(), -14));
            let gap = days_between(p.start(), due);
            assert!((273..=276).contains(&gap), "{due}: {gap}");
            // The DPA is at 41 SA + 0 to 3 days, exactly.
            let sa = p.gestational_age_on(due).expect("after DDR");
            assert_eq!(sa.weeks, 41, "{due}");
            assert!(sa.days <= 3, "{due}: {sa}");
            // Re-entering the derived DDR gives back the DPA unless month-end clamping
            // moved DDG: then it gives an earlier DPA, by at most 3 days.
            let again = Pregnancy::from_last_period(p.last_period()).due_date();
            if p.start().day() == due.day() {
                assert_eq!(again, due);
            } else {
                assert!(again < due && days_between(again, due) <= 3, "{due} {again}");
            }
        }
    }

    #[test]
    fn every_last_period_gives_consistent_dates() {
        for ddr in test_range() {
            let p = Pregnancy::from_last_period(ddr);
            assert_eq!(p.last_period(), ddr);
            assert_eq!(days_between(ddr, p.start()), 14);
            assert_eq!(p.due_date(), add_months(p.start(), 9));
            assert_eq!(Pregnancy::from_start(p.start()), p);
            let gap = days_between(p.start(), p.due_date());
            assert!((273..=276).contains(&gap), "{ddr}: {gap}");
            let sa = p.gestational_age_on(p.due_date()).expect("after DDR");
            assert_eq!(sa.weeks, 41);
            assert!(sa.days <= 3);
            // From the DPA back: the same DDG whenever no clamping happened.
            let back = Pregnancy::from_due_date(p.due_date());
            assert_eq!(back.due_date(), p.due_date());
            if p.start().day() == p.due_date().day() {
                assert_eq!(back.start(), p.start());
            } else {
                assert!(back.start() < p.start());
            }
            // The 1000 days.
            assert_eq!(p.day_of_thousand(p.start()), DayOfThousand::Day(1));
            assert_eq!(p.date_of_day(1), Some(p.start()));
            assert_eq!(p.date_of_day(1000), Some(p.day_1000()));
            assert_eq!(p.day_of_thousand(p.day_1000()), DayOfThousand::Day(1000));
            assert_eq!(p.day_of_thousand(add_days(p.start(), -1)), DayOfThousand::Before { days_until_day1: 1 });
            assert_eq!(p.day_of_thousand(add_days(p.day_1000(), 1)), DayOfThousand::After { days_since_day1000: 1 });
            // Months and trimesters at the ends of the pregnancy.
            assert_eq!(p.month_on(p.start()), Some(1));
            assert_eq!(p.month_on(add_days(p.due_date(), -1)), Some(9));
            assert_eq!(p.month_on(add_days(p.start(), -1)), None);
            assert_eq!(p.trimester_on(p.start()), Some(Trimester::First));
            assert_eq!(p.trimester_on(p.due_date()), Some(Trimester::Third));
        }
    }

    #[test]
    fn day_n_is_start_plus_n_minus_one() {
        let p = Pregnancy::from_start(d(2024, 5, 31));
        for n in 1..=1000u32 {
            let date = p.date_of_day(n).expect("in range");
            assert_eq!(days_between(p.start(), date), i64::from(n) - 1);
            assert_eq!(p.day_of_thousand(date), DayOfThousand::Day(n));
        }
        assert_eq!(p.date_of_day(0), None);
        assert_eq!(p.date_of_day(1001), None);
        assert_eq!(p.day_1000(), d(2027, 2, 24));
        assert_eq!(p.day_of_thousand(d(2024, 5, 1)), DayOfThousand::Before { days_until_day1: 30 });
        assert_eq!(p.day_of_thousand(d(2027, 3, 24)), DayOfThousand::After { days_since_day1000: 28 });
    }

    #[test]
    fn month_ends_and_leap_years() {
        // DDG 31 May 2024 + 9 months: 28 February 2025; DDG 31 May 2023: 29 February 2024.
        assert_eq!(Pregnancy::from_start(d(2024, 5, 31)).due_date(), d(2025, 2, 28));
        assert_eq!(Pregnancy::from_start(d(2023, 5, 31)).due_date(), d(2024, 2, 29));
        for day in 28..=31 {
            assert_eq!(Pregnancy::from_start(d(2024, 5, day)).due_date(), d(2025, 2, 28));
        }
        // DPA 31 January 2025: DDG 30 April 2024, and the DPA is kept.
        let p = Pregnancy::from_due_date(d(2025, 1, 31));
        assert_eq!(p.start(), d(2024, 4, 30));
        assert_eq!(p.due_date(), d(2025, 1, 31));
        assert_eq!(p.month_window(9), Some((d(2024, 12, 30), d(2025, 1, 30))));
        // DDR 29 February 2024.
        let p = Pregnancy::from_last_period(d(2024, 2, 29));
        assert_eq!(p.start(), d(2024, 3, 14));
        assert_eq!(p.due_date(), d(2024, 12, 14));
        assert_eq!(p.gestational_age_on(d(2024, 12, 14)), Some(GestationalAge::new(41, 2)));
    }

    #[test]
    fn gestational_age_and_notation() {
        let p = Pregnancy::from_last_period(d(2025, 1, 1));
        assert_eq!(p.gestational_age_on(d(2024, 12, 31)), None);
        assert_eq!(p.gestational_age_on(d(2025, 1, 1)), Some(GestationalAge::new(0, 0)));
        let ga = p.gestational_age_on(d(2025, 6, 21)).expect("after DDR");
        assert_eq!(ga, GestationalAge::new(24, 3));
        assert_eq!(ga.to_string(), "24 SA + 3 j");
        assert_eq!(p.date_at(ga), d(2025, 6, 21));
    }

    #[test]
    fn trimester_convention() {
        assert_eq!(Trimester::of(GestationalAge::new(2, 0)), Trimester::First);
        assert_eq!(Trimester::of(GestationalAge::new(14, 6)), Trimester::First);
        assert_eq!(Trimester::of(GestationalAge::new(15, 0)), Trimester::Second);
        assert_eq!(Trimester::of(GestationalAge::new(28, 6)), Trimester::Second);
        assert_eq!(Trimester::of(GestationalAge::new(29, 0)), Trimester::Third);
        assert_eq!(Trimester::of(GestationalAge::new(42, 0)), Trimester::Third);
        let p = Pregnancy::from_last_period(d(2025, 1, 1));
        // Between DDR and DDG: not yet pregnant in the 1000-days count.
        assert_eq!(p.trimester_on(d(2025, 1, 10)), None);
        assert_eq!(Period::of_pregnancy(&p, d(2025, 1, 10)), Period::BeforePregnancy);
        assert_eq!(Period::of_pregnancy(&p, d(2025, 1, 15)), Period::Trimester1);
        assert_eq!(Period::of_pregnancy(&p, p.date_at(GestationalAge::new(15, 0))), Period::Trimester2);
        assert_eq!(Period::of_pregnancy(&p, p.date_at(GestationalAge::new(29, 0))), Period::Trimester3);
    }

    #[test]
    fn months_of_pregnancy() {
        let p = Pregnancy::from_start(d(2024, 5, 31));
        assert_eq!(p.month_on(d(2024, 6, 29)), Some(1));
        assert_eq!(p.month_on(d(2024, 6, 30)), Some(2));
        assert_eq!(p.month_on(d(2025, 2, 27)), Some(9));
        assert_eq!(p.month_on(d(2025, 3, 20)), Some(9));
        assert_eq!(p.month_window(1), Some((d(2024, 5, 31), d(2024, 6, 29))));
        assert_eq!(p.month_window(4), Some((d(2024, 8, 31), d(2024, 9, 29))));
        assert_eq!(p.month_window(9), Some((d(2025, 1, 31), d(2025, 2, 27))));
        assert_eq!(p.month_window(0), None);
        assert_eq!(p.month_window(10), None);
        // The windows tile the pregnancy, and agree with month_on.
        let mut next = p.start();
        for m in 1..=9 {
            let (first, last) = p.month_window(m).expect("1..=9");
            assert_eq!(first, next);
            assert_eq!(p.month_on(first), Some(m));
            assert_eq!(p.month_on(last), Some(m));
            next = add_days(last, 1);
        }
        assert_eq!(next, p.due_date());
    }

    #[test]
    fn baby_ages_at_month_ends() {
        let child = Child::new(d(2024, 1, 31), None);
        let on = |date| child.age_on(date).expect("after birth");
        assert_eq!(child.age_on(d(2024, 1, 30)), None);
        assert_eq!(on(d(2024, 1, 31)), Age { days: 0, weeks: 0, months: 0 });
        assert_eq!(on(d(2024, 2, 28)).months, 0);
        assert_eq!(on(d(2024, 2, 29)), Age { days: 29, weeks: 4, months: 1 });
        assert_eq!(on(d(2024, 3, 30)).months, 1);
        assert_eq!(on(d(2024, 3, 31)), Age { days: 60, weeks: 8, months: 2 });
        assert_eq!(on(d(2024, 4, 30)).months, 3);
        assert_eq!(on(d(2025, 1, 31)).months, 12);
        // Non-leap February.
        let child = Child::new(d(2023, 1, 31), None);
        assert_eq!(child.age_on(d(2023, 2, 28)).map(|a| a.months), Some(1));
        // Born 29 February: one year on 28 February of the next year.
        let child = Child::new(d(2024, 2, 29), None);
        assert_eq!(child.age_on(d(2025, 2, 27)).map(|a| a.months), Some(11));
        assert_eq!(child.age_on(d(2025, 2, 28)).map(|a| a.months), Some(12));
    }

    #[test]
    fn months_between_is_monotonic_and_matches_add_months() {
        for start in every_day(d(2023, 12, 1), d(2024, 3, 31)) {
            let mut previous = 0;
            for date in every_day(start, add_days(start, 800)) {
                let m = months_between(start, date).expect("after start");
                assert!(m == previous || m == previous + 1);
                assert!(add_months(start, m as i32) <= date);
                assert!(add_months(start, m as i32 + 1) > date);
                previous = m;
            }
        }
    }

    #[test]
    fn corrected_age_only_for_premature_babies() {
        let birth = d(2025, 3, 1);
        let premature = Child::new(birth, Some(GestationalAge::new(32, 0)));
        assert!(premature.is_premature());
        // 40 SA - 32 SA = 8 weeks.
        assert_eq!(premature.corrected_birth_date(), Some(d(2025, 4, 26)));
        assert_eq!(premature.corrected_age_on(birth), Some(CorrectedAge::BeforeTerm { days_until_term: 56 }));
        assert_eq!(premature.corrected_age_on(d(2025, 2, 28)), None);
        assert_eq!(
            premature.corrected_age_on(d(2025, 4, 26)),
            Some(CorrectedAge::Age(Age { days: 0, weeks: 0, months: 0 }))
        );
        let on = d(2025, 7, 26);
        assert_eq!(premature.age_on(on).map(|a| a.months), Some(4));
        assert_eq!(premature.corrected_age_on(on), Some(CorrectedAge::Age(Age { days: 91, weeks: 13, months: 3 })));
        // 36 + 6 is premature, 37 + 0 is not.
        assert!(Child::new(birth, Some(GestationalAge::new(36, 6))).is_premature());
        let at_term = Child::new(birth, Some(GestationalAge::new(37, 0)));
        assert!(!at_term.is_premature());
        assert_eq!(at_term.corrected_age_on(on), None);
        assert_eq!(Child::new(birth, None).corrected_age_on(on), None);
    }

    #[test]
    fn periods_after_birth_follow_age_since_birth() {
        let child = Child::new(d(2024, 1, 31), Some(GestationalAge::new(34, 0)));
        let period = |date| Period::of_age(child.age_on(date).expect("after birth"));
        assert_eq!(period(d(2024, 1, 31)), Period::Months0To3);
        assert_eq!(period(d(2024, 4, 29)), Period::Months0To3);
        assert_eq!(period(d(2024, 4, 30)), Period::Months3To6);
        assert_eq!(period(d(2024, 7, 31)), Period::Months6To12);
        assert_eq!(period(d(2025, 1, 31)), Period::Months12To24);
        assert_eq!(period(d(2026, 1, 30)), Period::Months12To24);
        assert_eq!(period(d(2026, 1, 31)), Period::After24Months);
    }

    #[test]
    fn never_panics_from_1900_to_2100_nor_at_chrono_limits() {
        let today = d(2000, 1, 1);
        for date in every_day(d(1900, 1, 1), d(2100, 12, 31)).step_by(3) {
            for p in [Pregnancy::from_due_date(date), Pregnancy::from_last_period(date), Pregnancy::from_start(date)] {
                let _ = (p.day_of_thousand(today), p.month_on(today), p.trimester_on(today));
                let _ = (p.gestational_age_on(today), p.month_window(9), p.day_1000());
            }
            let child = Child::new(date, Some(GestationalAge::new(23, 0)));
            let _ = (child.age_on(today), child.corrected_age_on(today));
        }
        for date in [NaiveDate::MIN, NaiveDate::MAX] {
            for p in [Pregnancy::from_due_date(date), Pregnancy::from_last_period(date), Pregnancy::from_start(date)] {
                for on in [NaiveDate::MIN, NaiveDate::MAX, today] {
                    let _ = (p.day_of_thousand(on), p.month_on(on), p.trimester_on(on));
                    let _ = (p.gestational_age_on(on), p.month_window(9), p.day_1000());
                }
            }
            let child = Child::new(date, Some(GestationalAge::new(u32::MAX, u32::MAX)));
            let _ = (child.age_on(NaiveDate::MAX), child.corrected_age_on(NaiveDate::MAX));
            let child = Child::new(date, Some(GestationalAge::new(23, 0)));
            let _ = (child.age_on(NaiveDate::MAX), child.corrected_age_on(NaiveDate::MAX));
        }
    }
}
