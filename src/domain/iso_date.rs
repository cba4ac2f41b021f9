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

/// The date written `YYYY-MM-DD` as chrono's `NaiveDate::from_str` (and so its serde
/// `Deserialize`) reads it: as [`parse_ymd`], with whitespace also allowed before each
/// `-` and at the end.
pub fn parse_iso(mut s: &str) -> Option<NaiveDate> {
    let s = &mut s;
    let year = number(s, 4, true)?;
    *s = s.trim_start();
    literal(s, '-')?;
    let month = number(s, 2, false)?;
    *s = s.trim_start();
    literal(s, '-')?;
    let day = number(s, 2, false)?;
    if !s.trim_start().is_empty() {
        return None;
    }
    date(year, month, day)
}

/// Serde readers for stored dates (`#[serde(deserialize_with = ...)]`): the same dates as
/// chrono's own `Deserialize`, which would bring chrono's whole parser into the wasm.
pub mod de {
    use super::parse_iso;
    use chrono::NaiveDate;
    use serde::de::{Deserialize, DeserializeSeed, Deserializer, Error, MapAccess, Unexpected, Visitor};
    use std::collections::BTreeMap;
    use std::fmt;

    struct Iso(NaiveDate);

    impl<'de> Deserialize<'de> for Iso {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Text;
            impl Visitor<'_> for Text {
                type Value = Iso;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a date YYYY-MM-DD")
                }
                fn visit_str<E: Error>(self, s: &str) -> Result<Iso, E> {
                    parse_iso(s).map(Iso).ok_or_else(|| E::invalid_value(Unexpected::Str(s), &self))
                }
            }
            deserializer.deserialize_str(Text)
        }
    }

    /// A `NaiveDate`.
    pub fn date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        Iso::deserialize(deserializer).map(|d| d.0)
    }

    /// An `Option<NaiveDate>` (`null` is `None`).
    pub fn optional<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<Iso>::deserialize(deserializer).map(|d| d.map(|d| d.0))
    }

    /// Dates by two string keys (e.g. per profile, per event), read straight into the maps.
    pub fn nested<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<String, BTreeMap<String, NaiveDate>>, D::Error> {
        struct Outer;
        struct Inner;
        impl<'de> Visitor<'de> for Inner {
            type Value = BTreeMap<String, NaiveDate>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("dates by key")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut dates = BTreeMap::new();
                while let Some((key, date)) = map.next_entry::<String, Iso>()? {
                    dates.insert(key, date.0);
                }
                Ok(dates)
            }
        }
        impl<'de> DeserializeSeed<'de> for Inner {
            type Value = BTreeMap<String, NaiveDate>;
            fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
                deserializer.deserialize_map(self)
            }
        }
        impl<'de> Visitor<'de> for Outer {
            type Value = BTreeMap<String, BTreeMap<String, NaiveDate>>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("maps of dates by key")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut maps = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    maps.insert(key, map.next_value_seed(Inner)?);
                }
                Ok(maps)
            }
        }
        deserializer.deserialize_map(Outer)
    }
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
            assert_eq!(parse_iso(s), s.parse::<NaiveDate>().ok(), "{s:?} as NaiveDate::from_str");
        }
        assert_eq!(parse_ymd("2027-05-01"), NaiveDate::from_ymd_opt(2027, 5, 1));
        assert_eq!(parse_dmy("01/05/2027"), NaiveDate::from_ymd_opt(2027, 5, 1));
    }

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Ours {
        #[serde(deserialize_with = "de::date")]
        a: NaiveDate,
        #[serde(default, deserialize_with = "de::optional")]
        b: Option<NaiveDate>,
        #[serde(default, deserialize_with = "de::nested")]
        c: std::collections::BTreeMap<String, std::collections::BTreeMap<String, NaiveDate>>,
    }

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Chronos {
        a: NaiveDate,
        #[serde(default)]
        b: Option<NaiveDate>,
        #[serde(default)]
        c: std::collections::BTreeMap<String, std::collections::BTreeMap<String, NaiveDate>>,
    }

    #[test]
    fn serde_reads_what_chrono_reads() {
        let mut docs = vec![
            r#"{"a":"2027-05-01"}"#.to_string(),
            r#"{"a":"2027-05-01","b":null}"#.to_string(),
            r#"{"a":"2027-05-01","b":"2028-02-29","c":{"p1":{"e1":"2026-01-31","e2":"2026-02-01"},"p2":{}}}"#
                .to_string(),
            r#"{"a":"2027-05-01","c":{"p1":{"e1":"2026-02-30"}}}"#.to_string(),
            r#"{"a":20270501}"#.to_string(),
            r#"{"a":null}"#.to_string(),
            r#"{"a":"2027-05-01","b":7}"#.to_string(),
        ];
        docs.extend(ODD.iter().map(|s| format!(r#"{{"a":{}}}"#, serde_json::to_string(s).unwrap())));
        for doc in &docs {
            let ours = serde_json::from_str::<Ours>(doc).map(|o| (o.a, o.b, o.c));
            let chronos = serde_json::from_str::<Chronos>(doc).map(|o| (o.a, o.b, o.c));
            assert_eq!(ours.ok(), chronos.ok(), "{doc}");
            let value: serde_json::Value = serde_json::from_str(doc).unwrap();
            let ours = serde_json::from_value::<Ours>(value.clone()).map(|o| (o.a, o.b, o.c));
            let chronos = serde_json::from_value::<Chronos>(value).map(|o| (o.a, o.b, o.c));
            assert_eq!(ours.ok(), chronos.ok(), "{doc} as a Value");
        }
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
