//! The demonstration mode's content: the sample families a nurse can show, made for
//! today's date, and the QR code of the app's address drawn as one SVG path.
//!
//! The shell (`crate::demonstration`) keeps a demonstration in its own storage, apart from the
//! parent's; this module only says what a sample family holds.

use super::calendar::add_months;
use super::calendar::{events_for, PregnancyDate, Profile, Status};
use super::calendar::{ChildRank, Multiplicity};
use super::family::Family;
use chrono::{Days, NaiveDate};

/// A sample family to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sample {
    /// In the fifth month of pregnancy (20 SA).
    Pregnant,
    /// A baby three weeks old.
    Newborn,
    /// A child fourteen months old.
    Toddler,
}

impl Sample {
    pub const ALL: [Sample; 3] = [Sample::Pregnant, Sample::Newborn, Sample::Toddler];

    /// The id used in the address (`?demo=newborn`) and in the session.
    pub fn id(self) -> &'static str {
        match self {
            Sample::Pregnant => "pregnant",
            Sample::Newborn => "newborn",
            Sample::Toddler => "toddler",
        }
    }

    pub fn from_id(id: &str) -> Option<Sample> {
        Sample::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The sample's family on `today`, its child called `name`. Events whose window
    /// closed before today are marked done on their first day, as a family that kept up
    /// with its appointments would have them.
    pub fn family(self, today: NaiveDate, name: &str) -> Family {
        let status = match self {
            // 20 SA + 0 days: the last period was 20 weeks ago.
            Sample::Pregnant => Status::Pregnant {
                date: PregnancyDate::LastPeriod(today - Days::new(20 * 7)),
                babies: Multiplicity::Single,
                rank: ChildRank::First,
            },
            Sample::Newborn => born(today - Days::new(21)),
            Sample::Toddler => born(add_months(today, -14)),
        };
        let mut family = Family::default();
        let id = family.add_profile(Profile { id: String::new(), name: name.to_string(), status });
        let profile = family.profile(&id).expect("just added").clone();
        for event in events_for(&profile).iter().filter(|e| e.to < today) {
            family.mark_done(&id, event.id, event.from);
        }
        family
    }
}

/// One baby born on `birth_date`, term and due date not given.
fn born(birth_date: NaiveDate) -> Status {
    Status::Born { birth_date, term_at_birth: None, due_date: None, babies: Some(Multiplicity::Single) }
}

/// The value of the `demo` parameter of an address's query string (`""` for a bare
/// `?demo`): the nurse's start link.
pub fn start_link(search: &str) -> Option<&str> {
    search.trim_start_matches('?').split('&').find_map(|pair| match pair.split_once('=') {
        Some(("demo", value)) => Some(value),
        None if pair == "demo" => Some(""),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::EventStatus;
    use crate::domain::fixtures::d;

    const TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 23) {
        Some(date) => date,
        None => panic!("valid date"),
    };

    #[test]
    fn the_start_link_is_recognised() {
        assert_eq!(start_link("?demo"), Some(""));
        assert_eq!(start_link("?demo=newborn"), Some("newborn"));
        assert_eq!(start_link("?day=3&demo=toddler"), Some("toddler"));
        assert_eq!(start_link("?demonstration=1"), None);
        assert_eq!(start_link(""), None);
    }

    #[test]
    fn ids_round_trip() {
        for sample in Sample::ALL {
            assert_eq!(Sample::from_id(sample.id()), Some(sample));
        }
        assert_eq!(Sample::from_id("parent"), None);
    }

    #[test]
    fn the_pregnant_sample_is_in_the_fifth_month() {
        let family = Sample::Pregnant.family(TODAY, "Petit pois");
        let profile = family.active_profile().expect("one active profile");
        assert_eq!(profile.name, "Petit pois");
        let pregnancy = profile.pregnancy().expect("pregnant");
        let age = pregnancy.gestational_age_on(TODAY).expect("in the pregnancy");
        assert_eq!((age.weeks, age.days), (20, 0));
        assert_eq!(pregnancy.month_on(TODAY), Some(5));
        assert!(profile.validate(TODAY).is_ok());
    }

    #[test]
    fn the_born_samples_are_three_weeks_and_fourteen_months_old() {
        let newborn = Sample::Newborn.family(TODAY, "Lou");
        let child = newborn.active_profile().unwrap().child().unwrap();
        assert_eq!(child.birth_date(), d(2026, 11, 2));
        let toddler = Sample::Toddler.family(TODAY, "Sacha");
        let child = toddler.active_profile().unwrap().child().unwrap();
        assert_eq!(child.birth_date(), d(2025, 9, 23));
        for family in [newborn, toddler] {
            assert!(family.active_profile().unwrap().validate(TODAY).is_ok());
        }
    }

    #[test]
    fn past_events_are_done_and_the_coming_ones_are_not() {
        for sample in Sample::ALL {
            let family = sample.family(TODAY, "Demo");
            let profile = family.active_profile().unwrap();
            let events = events_for(profile);
            assert!(!events.is_empty(), "{sample:?} has events");
            for event in &events {
                let done = family.done_on(&profile.id, event.id);
                let status = crate::domain::calendar::status(event, TODAY, done);
                assert_ne!(status, EventStatus::Overdue, "{sample:?}: {} overdue", event.id);
                assert_eq!(done.is_some(), event.to < TODAY, "{sample:?}: {}", event.id);
            }
            assert!(events.iter().any(|e| e.to >= TODAY), "{sample:?} still has something to show as coming");
        }
    }

    #[test]
    fn the_samples_are_stored_like_any_family() {
        for sample in Sample::ALL {
            let family = sample.family(TODAY, "Demo");
            assert_eq!(Family::from_json(&family.to_json()), Ok(family));
        }
    }
}
