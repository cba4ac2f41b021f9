//! Profiles and dates shared by the tests of the domain and of the pages.

use super::calendar::{ChildRank, GestationalAge, Multiplicity, PregnancyDate, Profile, Status};
use chrono::NaiveDate;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Profile "p1", named "Bébé".
pub fn profile(status: Status) -> Profile {
    Profile { id: "p1".into(), name: "Bébé".into(), status }
}

/// A single first pregnancy dated by its last period.
pub fn pregnant_since(last_period: NaiveDate) -> Profile {
    profile(Status::Pregnant {
        date: PregnancyDate::LastPeriod(last_period),
        babies: Multiplicity::Single,
        rank: ChildRank::First,
    })
}

/// A child born on `birth`, at `term` if known.
pub fn born(birth: NaiveDate, term: Option<GestationalAge>) -> Profile {
    profile(Status::Born { birth_date: birth, term_at_birth: term, due_date: None, babies: None })
}

/// Every stored document of `tests/fixtures/storage/<key>-v<version>.json`: (key, version,
/// text), one for every version of every kind that was ever stored.
pub fn stored_documents() -> Vec<(String, u32, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/storage");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "json") {
            continue;
        }
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        let (key, version) = name.rsplit_once("-v").unwrap_or_else(|| panic!("{name}: <key>-v<version>.json"));
        let text = std::fs::read_to_string(&path).unwrap();
        found.push((key.to_string(), version.parse().unwrap(), text.trim_end().to_string()));
    }
    found.sort();
    found
}
