//! Numbers with decimals as text, without `f64`'s `Display` (shortest round-trip digits,
//! about 10 KB of wasm): the app only writes numbers it has rounded itself (chart
//! coordinates, rem offsets, distances, map coordinates).

/// `v` rounded to `places` decimals (at most 9), all of them written: `rounded(3.14159, 2)`
/// is `"3.14"`, as `format!("{v:.2}")` except that a tie rounds away from zero.
pub fn rounded(v: f64, places: u32) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    if v.is_infinite() {
        return format!("{sign}inf");
    }
    let unit = 10u64.pow(places.min(9));
    // Saturates far beyond any number the app writes.
    let n = (v.abs() * unit as f64).round() as u64;
    if places == 0 {
        format!("{sign}{n}")
    } else {
        format!("{sign}{}.{:0width$}", n / unit, n % unit, width = places.min(9) as usize)
    }
}

/// `v` rounded to `places` decimals, without trailing zeros: `short(2.50, 2)` is `"2.5"`,
/// `short(19.0, 4)` is `"19"`. For a number already rounded to those places, the same
/// text as `v.to_string()`.
pub fn short(v: f64, places: u32) -> String {
    let mut s = rounded(v, places);
    if s.contains('.') {
        s.truncate(s.trim_end_matches('0').trim_end_matches('.').len());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_is_display_for_rounded_numbers() {
        for k in -200_000i64..=200_000 {
            let tenth = k as f64 / 10.0;
            assert_eq!(short(tenth, 1), tenth.to_string(), "{k} tenths");
            let hundredth = k as f64 / 100.0;
            assert_eq!(short(hundredth, 4), hundredth.to_string(), "{k} hundredths");
        }
        assert_eq!(short(45.764043, 7), "45.764043");
        assert_eq!(short(-0.0, 1), "-0");
        assert_eq!(short(2.0 / 3.0, 4), "0.6667");
    }

    #[test]
    fn rounded_is_fixed_precision_formatting() {
        let mut x: u64 = 7;
        for _ in 0..20_000 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let v = (x >> 11) as f64 / (1u64 << 53) as f64 * 2000.0 - 1000.0;
            for places in [0, 1, 2, 6] {
                assert_eq!(rounded(v, places), format!("{v:.p$}", p = places as usize), "{v} to {places}");
            }
        }
        assert_eq!(rounded(3.24, 1), "3.2");
        assert_eq!(rounded(12.6, 0), "13");
        assert_eq!(rounded(0.04, 1), "0.0");
        assert_eq!(rounded(f64::NAN, 1), "NaN");
        assert_eq!(rounded(f64::NEG_INFINITY, 1), "-inf");
    }
}
