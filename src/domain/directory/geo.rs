//! Places: coordinates, great-circle distances, postcodes and départements.

use serde::{Deserialize, Serialize};

/// The mean Earth radius (IUGG), in kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A point in WGS 84 degrees.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

impl LatLon {
    /// The point, when both values are finite and in range (latitude `-90..=90`,
    /// longitude `-180..=180`).
    pub fn new(lat: f64, lon: f64) -> Option<LatLon> {
        let ok = lat.is_finite() && lon.is_finite() && (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon);
        ok.then_some(LatLon { lat, lon })
    }
}

/// The great-circle distance between two points, in kilometres (haversine formula on a
/// sphere of radius [`EARTH_RADIUS_KM`]; within about 0.5 % of the ellipsoid distance).
pub fn haversine_km(a: LatLon, b: LatLon) -> f64 {
    let (phi1, phi2) = (a.lat.to_radians(), b.lat.to_radians());
    let d_phi = (b.lat - a.lat).to_radians();
    let d_lambda = (b.lon - a.lon).to_radians();
    let h = (d_phi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (d_lambda / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// Whether `s` is a French postcode as the directory accepts it: five digits, or `2A`/`2B`
/// and three digits (Corsica written with its département code).
pub fn is_postcode(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 5
        && (b.iter().all(u8::is_ascii_digit)
            || (b[0] == b'2' && (b[1] == b'A' || b[1] == b'B') && b[2..].iter().all(u8::is_ascii_digit)))
}

/// The département of a postcode: the first two digits, three for overseas (`97x`, `98x`),
/// and for Corsica `2A` (postcodes `200xx`-`201xx`) or `2B` (`202xx` and above). This is the
/// usual rule; a few communes near a border have a neighbour's postcode, so a département
/// written in the data always wins over this one.
pub fn department_of_postcode(postcode: &str) -> Option<String> {
    if !is_postcode(postcode) {
        return None;
    }
    let b = postcode.as_bytes();
    Some(match (b[0], b[1]) {
        (b'2', b'A') | (b'2', b'B') => postcode[..2].to_string(),
        (b'2', b'0') => if b[2] <= b'1' { "2A" } else { "2B" }.to_string(),
        (b'9', b'7') | (b'9', b'8') => postcode[..3].to_string(),
        _ => postcode[..2].to_string(),
    })
}

/// Whether `s` is a département code: `01`-`95` (not `20`), `2A`, `2B`, or an overseas code
/// `971`-`978`, `984`, `986`-`988`.
pub fn is_department(s: &str) -> bool {
    match s.len() {
        2 => {
            s == "2A"
                || s == "2B"
                || (s.bytes().all(|b| b.is_ascii_digit())
                    && s != "00"
                    && s != "20"
                    && s.as_bytes()[0] <= b'9'
                    && s <= "95")
        }
        3 => matches!(s, "971" | "972" | "973" | "974" | "975" | "976" | "977" | "978" | "984" | "986" | "987" | "988"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARIS: LatLon = LatLon { lat: 48.8566, lon: 2.3522 };
    const LYON: LatLon = LatLon { lat: 45.7640, lon: 4.8357 };
    const MARSEILLE: LatLon = LatLon { lat: 43.2965, lon: 5.3698 };

    fn close(found: f64, expected: f64) -> bool {
        (found - expected).abs() <= expected * 0.01
    }

    #[test]
    fn haversine_matches_known_city_distances() {
        for (a, b, km) in [(PARIS, LYON, 392.0), (PARIS, MARSEILLE, 661.0), (LYON, MARSEILLE, 278.0)] {
            let d = haversine_km(a, b);
            assert!(close(d, km), "{a:?} {b:?}: {d} km, expected about {km}");
            assert!((haversine_km(b, a) - d).abs() < 1e-9, "symmetric");
        }
        assert_eq!(haversine_km(PARIS, PARIS), 0.0);
        // Antipodes: half the circumference, no NaN.
        let d = haversine_km(LatLon { lat: 0.0, lon: 0.0 }, LatLon { lat: 0.0, lon: 180.0 });
        assert!(close(d, std::f64::consts::PI * EARTH_RADIUS_KM));
    }

    #[test]
    fn coordinates_are_checked() {
        assert!(LatLon::new(45.0, 4.0).is_some());
        assert!(LatLon::new(91.0, 4.0).is_none());
        assert!(LatLon::new(45.0, -181.0).is_none());
        assert!(LatLon::new(f64::NAN, 4.0).is_none());
    }

    #[test]
    fn postcodes_and_departments() {
        assert!(is_postcode("38300") && is_postcode("01000") && is_postcode("2A004"));
        assert!(!is_postcode("3830") && !is_postcode("383000") && !is_postcode("38 30") && !is_postcode("2C004"));
        assert_eq!(department_of_postcode("38300").as_deref(), Some("38"));
        assert_eq!(department_of_postcode("01000").as_deref(), Some("01"));
        assert_eq!(department_of_postcode("97400").as_deref(), Some("974"));
        assert_eq!(department_of_postcode("20000").as_deref(), Some("2A"));
        assert_eq!(department_of_postcode("20200").as_deref(), Some("2B"));
        assert_eq!(department_of_postcode("2B033").as_deref(), Some("2B"));
        assert_eq!(department_of_postcode("x"), None);
        for ok in ["01", "38", "95", "2A", "2B", "971", "976"] {
            assert!(is_department(ok), "{ok}");
        }
        for bad in ["00", "20", "96", "99", "2C", "970", "1", "380", "ab"] {
            assert!(!is_department(bad), "{bad}");
        }
    }
}
