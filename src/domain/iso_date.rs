//! Dates as text without chrono's strftime machinery (`format`, `parse_from_str`), which
//! weighs several KiB of the compressed wasm. `YYYY-MM-DD` is written by `NaiveDate`'s own
//! `Display`; this module reads `YYYY-MM-DD` and `DD/MM/YYYY` exactly as chrono's
//! `parse_from_str` does with `"%Y-%m-%d"` and `"%d/%m/%Y"` (the tests compare them),
//! and writes the compact `YYYYMMDD` of iCalendar.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

/// A number as chrono's parser reads one: leading whitespace skipped, then 1 to `width`
/// digits; a year may instead start with a sign, followed by any number of digits.
fn number(s: &mut &str, width: usize, signed: bool) -> Option<i64> {
    let rest = s.trim_start();
    let (negative, width, rest) = match rest.as_bytes().first() {
        Some(b'-') if signed => (true, usize::MAX, &rest[1..]),
        Some(b'+') if signed => (false, usize::MAX, &rest[1..]),
        _ => (false, width, rest),
    };
    let digits = rest.bytes().take(width).take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let mut n: i64 = 0;
    for b in rest[..digits].bytes() {
        n = n.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    *s = &rest[digits..];
    Some(if negative { -n } else { n })
}

fn literal(s: &mut &str, sep: char) -> Option<()> {
    *s = s.strip_prefix(sep)?;
    Some(())
}

fn date(year: i64, month: i64, day: i64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The date written `YYYY-MM-DD` (as `NaiveDate::parse_from_str(s, "%Y-%m-%d")`).
pub fn parse_ymd(mut s: &str) -> Option<NaiveDate> {
    let s = &mut s;
    let year = number(s, 4, true)?;
    literal(s, '-')?;
    let month = number(s, 2, false)?;
    literal(s, '-')?;
    let day = number(s, 2, false)?;
    if !s.is_empty() {
        return None;
    }
    date(year, month, day)
}

/// The date written `DD/MM/YYYY` (as `NaiveDate::parse_from_str(s, "%d/%m/%Y")`).
pub fn parse_dmy(mut s: &str) -> Option<NaiveDate> {
    let s = &mut s;
    let day = number(s, 2, false)?;
    literal(s, '/')?;
    let month = number(s, 2, false)?;
    literal(s, '/')?;
    let year = number(s, 4, true)?;
    if !s.is_empty() {
        return None;
    }
    date(year, month, day)
}

/// `YYYYMMDD` (as `date.format("%Y%m%d")` for the years 0 to 9999).
pub fn basic(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// `YYYYMMDDTHHMMSSZ` (as `moment.format("%Y%m%dT%H%M%SZ")` for the years 0 to 9999).
pub fn basic_utc(moment: NaiveDateTime) -> String {
    format!("{}T{:02}{:02}{:02}Z", basic(moment.date()), moment.hour(), moment.minute(), moment.second())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ODD: [&str; 34] = [
        "2027-05-01",
        "2027-5-1",
        " 2027-05-01",
        "2027- 05- 01",
        "2027 -05-01",
        "2027-05-01 ",
        "2027-05-01x",
        "+2027-05-01",
        "-0044-03-15",
        "+002027-05-01",
        "20271-05-01",
        "0999-12-31",
        "999-12-31",
        "2027-13-01",
        "2027-02-29",
        "2028-02-29",
        "2027-00-10",
        "2027-05-00",
        "2027-05-32",
        "2027-005-01",
        "2027/05/01",
        "01/05/2027",
        "1/5/2027",
        " 01/ 05/ 2027",
        "31/04/2027",
        "29/02/2028",
        "01/05/+2027",
        "01/05/20271",
        "",
        "-",
        "2027-05-",
        "99999999999999999999-01-01",
        "+99999999999-01-01",
        "２０２７-05-01",
    ];

    #[test]
    fn reads_as_chrono_does() {
        for s in ODD {
            assert_eq!(parse_ymd(s), NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(), "{s:?} as %Y-%m-%d");
            assert_eq!(parse_dmy(s), NaiveDate::parse_from_str(s, "%d/%m/%Y").ok(), "{s:?} as %d/%m/%Y");
        }
        assert_eq!(parse_ymd("2027-05-01"), NaiveDate::from_ymd_opt(2027, 5, 1));
        assert_eq!(parse_dmy("01/05/2027"), NaiveDate::from_ymd_opt(2027, 5, 1));
    }

    #[test]
    fn writes_as_chrono_does() {
        let mut d = NaiveDate::from_ymd_opt(0, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
        while d < last {
            assert_eq!(d.to_string(), d.format("%Y-%m-%d").to_string());
            assert_eq!(basic(d), d.format("%Y%m%d").to_string());
            assert_eq!(parse_ymd(&d.to_string()), Some(d));
            d = d + chrono::Days::new(397);
        }
        let moment = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap().and_hms_opt(7, 5, 3).unwrap();
        assert_eq!(basic_utc(moment), moment.format("%Y%m%dT%H%M%SZ").to_string());
        assert_eq!(basic_utc(moment), "20260309T070503Z");
    }
}
