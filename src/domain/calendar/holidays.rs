//! French public holidays and working days, for deadlines such as the birth declaration.
//!
//! The national list of today is applied to every year (no history of when each holiday
//! was created), and the extra days of Alsace-Moselle (Good Friday, 26 December) are not
//! included.

use super::dates::add_days;
use chrono::{Datelike, NaiveDate, Weekday};

/// Fixed-date national holidays, as (month, day): New Year, Labour Day, Victory in Europe,
/// Bastille Day, Assumption, All Saints, Armistice, Christmas.
const FIXED_HOLIDAYS: [(u32, u32); 8] = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)];

/// Movable holidays, in days after Easter Sunday: Easter Monday, Ascension, Whit Monday.
const EASTER_OFFSETS: [i64; 3] = [1, 39, 50];

/// Easter Sunday of a Gregorian year (the anonymous Gregorian computus, Meeus / Jones /
/// Butcher). `None` only when the date is outside chrono's range.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let y = i64::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Whether `date` is a national public holiday in France.
pub fn is_french_public_holiday(date: NaiveDate) -> bool {
    if FIXED_HOLIDAYS.contains(&(date.month(), date.day())) {
        return true;
    }
    easter_sunday(date.year())
        .is_some_and(|easter| EASTER_OFFSETS.iter().any(|&offset| add_days(easter, offset) == date))
}

/// Whether `date` is a working day: Monday to Friday, not a public holiday.
pub fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_french_public_holiday(date)
}

/// The last day to declare a birth at the town hall: `days` days after the day of birth
/// (5 in `rules.json`, service-public F961; the day of birth is not counted), moved to the
/// next working day when that falls on a Saturday, a Sunday or a public holiday.
pub fn birth_declaration_deadline(birth_date: NaiveDate, days: i64) -> NaiveDate {
    next_working_day_from(add_days(birth_date, days))
}

/// `date` if it is a working day, else the next one. Bounded, so that it ends even at
/// the end of chrono's range.
fn next_working_day_from(date: NaiveDate) -> NaiveDate {
    let mut day = date;
    for _ in 0..14 {
        if is_working_day(day) {
            return day;
        }
        day = add_days(day, 1);
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn easter_known_dates() {
        assert_eq!(easter_sunday(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter_sunday(2025), Some(d(2025, 4, 20)));
        assert_eq!(easter_sunday(2026), Some(d(2026, 4, 5)));
        assert_eq!(easter_sunday(2027), Some(d(2027, 3, 28)));
        // Extremes of the range: 22 March (1818, 2285) and 25 April (1943, 2038).
        assert_eq!(easter_sunday(1818), Some(d(1818, 3, 22)));
        assert_eq!(easter_sunday(1943), Some(d(1943, 4, 25)));
        assert_eq!(easter_sunday(2038), Some(d(2038, 4, 25)));
        assert_eq!(easter_sunday(2285), Some(d(2285, 3, 22)));
        assert_eq!(easter_sunday(2000), Some(d(2000, 4, 23)));
    }

    #[test]
    fn easter_is_a_sunday_between_22_march_and_25_april() {
        for year in 1583..=2500 {
            let easter = easter_sunday(year).expect("in range");
            assert_eq!(easter.weekday(), Weekday::Sun, "{year}");
            assert!(easter >= d(year, 3, 22) && easter <= d(year, 4, 25), "{year}");
        }
        // No panic far out of range.
        for year in [i32::MIN, -1, 0, 262_143, 262_144, i32::MAX] {
            let _ = easter_sunday(year);
        }
    }

    #[test]
    fn movable_and_fixed_holidays() {
        // 2025: Easter Monday 21 April, Ascension 29 May, Whit Monday 9 June.
        for date in [d(2025, 4, 21), d(2025, 5, 29), d(2025, 6, 9)] {
            assert!(is_french_public_holiday(date), "{date}");
        }
        // 2026: Easter Monday 6 April, Ascension 14 May, Whit Monday 25 May.
        for date in [d(2026, 4, 6), d(2026, 5, 14), d(2026, 5, 25)] {
            assert!(is_french_public_holiday(date), "{date}");
        }
        for (m, day) in FIXED_HOLIDAYS {
            assert!(is_french_public_holiday(d(2027, m, day)));
        }
        assert!(!is_french_public_holiday(d(2025, 4, 20)));
        assert!(!is_french_public_holiday(d(2025, 4, 18)));
        assert!(!is_french_public_holiday(d(2025, 12, 26)));
        let holidays_2025 =
            d(2025, 1, 1).iter_days().take_while(|x| x.year() == 2025).filter(|x| is_french_public_holiday(*x)).count();
        assert_eq!(holidays_2025, 11);
    }

    #[test]
    fn birth_declaration_deadlines() {
        // Born Monday 3 March 2025: Saturday 8 March -> Monday 10 March.
        assert_eq!(birth_declaration_deadline(d(2025, 3, 3), 5), d(2025, 3, 10));
        // Born Tuesday 4 March 2025: Sunday 9 March -> Monday 10 March.
        assert_eq!(birth_declaration_deadline(d(2025, 3, 4), 5), d(2025, 3, 10));
        // Born Wednesday 5 March 2025: Monday 10 March, a working day.
        assert_eq!(birth_declaration_deadline(d(2025, 3, 5), 5), d(2025, 3, 10));
        // Born Wednesday 16 April 2025: Monday 21 April is Easter Monday -> Tuesday 22.
        assert_eq!(birth_declaration_deadline(d(2025, 4, 16), 5), d(2025, 4, 22));
        // Born Friday 9 May 2025: Wednesday 14 May.
        assert_eq!(birth_declaration_deadline(d(2025, 5, 9), 5), d(2025, 5, 14));
        // Born Saturday 24 May 2025: Thursday 29 May is Ascension -> Friday 30 May.
        assert_eq!(birth_declaration_deadline(d(2025, 5, 24), 5), d(2025, 5, 30));
        // Born Monday 27 April 2026: Saturday 2 May -> Monday 4 May.
        assert_eq!(birth_declaration_deadline(d(2026, 4, 27), 5), d(2026, 5, 4));
        // Born Wednesday 6 May 2026: Monday 11 May (8 May was a Friday holiday before).
        assert_eq!(birth_declaration_deadline(d(2026, 5, 6), 5), d(2026, 5, 11));
        // Born Monday 20 December 2027: Saturday 25 December -> Monday 27.
        assert_eq!(birth_declaration_deadline(d(2027, 12, 20), 5), d(2027, 12, 27));
        // Born 27 December 2026 (Sunday): Friday 1 January 2027 -> Monday 4 January.
        assert_eq!(birth_declaration_deadline(d(2026, 12, 27), 5), d(2027, 1, 4));
        // The deadline is always a working day, 5 to 9 days after birth.
        for birth in d(1900, 1, 1).iter_days().take_while(|x| x.year() <= 2100) {
            let deadline = birth_declaration_deadline(birth, 5);
            assert!(is_working_day(deadline), "{birth}");
            let gap = (deadline - birth).num_days();
            assert!((5..=9).contains(&gap), "{birth}: {gap}");
        }
        let _ = birth_declaration_deadline(NaiveDate::MAX, 5);
        let _ = birth_declaration_deadline(NaiveDate::MIN, 5);
    }
}
