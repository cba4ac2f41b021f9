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
