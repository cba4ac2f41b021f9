//! The profile form as plain data: what the parent typed (strings, as the inputs give
//! them) turned into a [`Profile`], or into the field to point at and the problem to say.

use super::calendar::{ChildRank, GestationalAge, Multiplicity, PregnancyDate, Profile, ProfileError, Status};
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Situation {
    TryingToConceive,
    #[default]
    Pregnant,
    Born,
}

/// Which date the parent knows about a pregnancy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateKind {
    #[default]
    DueDate,
    LastPeriod,
    PregnancyStart,
}

/// The form's fields that can carry an error message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Name,
    PregnancyDate,
    BirthDate,
    Term,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Missing,
    NotADate,
    NotANumber,
    Impossible(ProfileError),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DraftError {
    pub field: Field,
    pub problem: Problem,
}

/// What the form holds. Dates are `YYYY-MM-DD` as `<input type="date">` gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfileDraft {
    pub name: String,
    pub situation: Situation,
    pub date_kind: DateKind,
    pub pregnancy_date: String,
    pub babies: Multiplicity,
    pub rank: ChildRank,
    pub birth_date: String,
    /// Term at birth in SA, optional: weeks and extra days.
    pub term_weeks: String,
    pub term_days: String,
}

fn err(field: Field, problem: Problem) -> DraftError {
    DraftError { field, problem }
}

fn parse_date(text: &str, field: Field) -> Result<NaiveDate, DraftError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(err(field, Problem::Missing));
    }
    super::iso_date::parse_ymd(text).ok_or_else(|| err(field, Problem::NotADate))
}

fn parse_number(text: &str) -> Result<Option<u32>, DraftError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<u32>().map(Some).map_err(|_| err(Field::Term, Problem::NotANumber))
}

/// The field a validation error is about.
pub fn field_of(error: ProfileError) -> Field {
    use ProfileError::*;
    match error {
        EmptyName => Field::Name,
        DueDateTooFarAhead { .. }
        | DueDateTooFarInPast { .. }
        | LastPeriodInFuture
        | LastPeriodTooLongAgo { .. }
        | PregnancyStartInFuture
        | PregnancyStartTooLongAgo { .. } => Field::PregnancyDate,
        BirthDateInFuture | BirthDateTooLongAgo { .. } | DueDateInconsistentWithBirth => Field::BirthDate,
        TermDaysInvalid | TermOutOfRange => Field::Term,
    }
}

impl ProfileDraft {
    /// The profile the form describes, checked against `today`.
    pub fn to_profile(&self, id: &str, today: NaiveDate) -> Result<Profile, DraftError> {
        let name = self.name.trim().to_string();
        if name.is_empty() {
            return Err(err(Field::Name, Problem::Missing));
        }
        let status = match self.situation {
            Situation::TryingToConceive => Status::TryingToConceive,
            Situation::Pregnant => {
                let date = parse_date(&self.pregnancy_date, Field::PregnancyDate)?;
                let date = match self.date_kind {
                    DateKind::DueDate => PregnancyDate::DueDate(date),
                    DateKind::LastPeriod => PregnancyDate::LastPeriod(date),
                    DateKind::PregnancyStart => PregnancyDate::PregnancyStart(date),
                };
                Status::Pregnant { date, babies: self.babies, rank: self.rank }
            }
            Situation::Born => {
                let birth_date = parse_date(&self.birth_date, Field::BirthDate)?;
                let term_at_birth = match (parse_number(&self.term_weeks)?, parse_number(&self.term_days)?) {
                    (None, None) => None,
                    (None, Some(_)) => return Err(err(Field::Term, Problem::Missing)),
                    (Some(weeks), days) => Some(GestationalAge::new(weeks, days.unwrap_or(0))),
                };
                Status::Born { birth_date, term_at_birth, due_date: None, babies: Some(self.babies) }
            }
        };
        let profile = Profile { id: id.to_string(), name, status };
        profile.validate(today).map_err(|e| err(field_of(e), Problem::Impossible(e)))?;
        Ok(profile)
    }

    /// The form filled with an existing profile, to edit it.
    pub fn from_profile(profile: &Profile) -> Self {
        let mut draft = ProfileDraft { name: profile.name.clone(), ..Default::default() };
        let iso = |d: NaiveDate| d.to_string();
        match &profile.status {
            Status::TryingToConceive => draft.situation = Situation::TryingToConceive,
            Status::Pregnant { date, babies, rank } => {
                draft.situation = Situation::Pregnant;
                (draft.date_kind, draft.pregnancy_date) = match *date {
                    PregnancyDate::DueDate(d) => (DateKind::DueDate, iso(d)),
                    PregnancyDate::LastPeriod(d) => (DateKind::LastPeriod, iso(d)),
                    PregnancyDate::PregnancyStart(d) => (DateKind::PregnancyStart, iso(d)),
                };
                draft.babies = *babies;
                draft.rank = *rank;
            }
            Status::Born { birth_date, term_at_birth, babies, .. } => {
                draft.situation = Situation::Born;
                draft.babies = babies.unwrap_or_default();
                draft.birth_date = iso(*birth_date);
                if let Some(term) = term_at_birth {
                    draft.term_weeks = term.weeks.to_string();
                    draft.term_days = term.days.to_string();
                }
            }
        }
        draft
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn pregnant(kind: DateKind, date: &str) -> ProfileDraft {
        ProfileDraft {
            name: " Bébé ".into(),
            situation: Situation::Pregnant,
            date_kind: kind,
            pregnancy_date: date.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_pregnancy_by_last_period() {
        let p = pregnant(DateKind::LastPeriod, "2026-06-01").to_profile("p1", today()).unwrap();
        assert_eq!(p.name, "Bébé");
        assert_eq!(p.pregnancy().unwrap().due_date(), NaiveDate::from_ymd_opt(2027, 3, 15).unwrap());
    }

    #[test]
    fn impossible_dates_point_at_their_field() {
        let e = pregnant(DateKind::LastPeriod, "2026-12-01").to_profile("p1", today()).unwrap_err();
        assert_eq!(e, err(Field::PregnancyDate, Problem::Impossible(ProfileError::LastPeriodInFuture)));
        let e = pregnant(DateKind::DueDate, "2028-11-23").to_profile("p1", today()).unwrap_err();
        assert_eq!(e.field, Field::PregnancyDate);
        assert!(matches!(e.problem, Problem::Impossible(ProfileError::DueDateTooFarAhead { .. })));
        let e = pregnant(DateKind::DueDate, "").to_profile("p1", today()).unwrap_err();
        assert_eq!(e, err(Field::PregnancyDate, Problem::Missing));
        let e = pregnant(DateKind::DueDate, "23/11/2026").to_profile("p1", today()).unwrap_err();
        assert_eq!(e, err(Field::PregnancyDate, Problem::NotADate));
        let e = ProfileDraft { name: "  ".into(), ..pregnant(DateKind::DueDate, "2027-01-01") }
            .to_profile("p1", today())
            .unwrap_err();
        assert_eq!(e, err(Field::Name, Problem::Missing));
    }

    #[test]
    fn a_born_child_with_and_without_term() {
        let born = |birth: &str, w: &str, d: &str| ProfileDraft {
            name: "Léa".into(),
            situation: Situation::Born,
            birth_date: birth.into(),
            term_weeks: w.into(),
            term_days: d.into(),
            ..Default::default()
        };
        let p = born("2026-10-01", "", "").to_profile("p1", today()).unwrap();
        assert!(!p.child().unwrap().is_premature());
        let p = born("2026-10-01", "33", "2").to_profile("p1", today()).unwrap();
        assert_eq!(p.child().unwrap().term_at_birth(), Some(GestationalAge::new(33, 2)));
        assert_eq!(ProfileDraft::from_profile(&p), born("2026-10-01", "33", "2"));
        assert_eq!(born("2026-12-01", "", "").to_profile("p1", today()).unwrap_err().field, Field::BirthDate);
        assert_eq!(born("2026-10-01", "19", "").to_profile("p1", today()).unwrap_err().field, Field::Term);
        assert_eq!(born("2026-10-01", "33", "9").to_profile("p1", today()).unwrap_err().field, Field::Term);
        assert_eq!(
            born("2026-10-01", "", "3").to_profile("p1", today()).unwrap_err(),
            err(Field::Term, Problem::Missing)
        );
        assert_eq!(
            born("2026-10-01", "trente", "").to_profile("p1", today()).unwrap_err(),
            err(Field::Term, Problem::NotANumber)
        );
        // The number of babies born is kept, and shown again to edit it.
        let twins = ProfileDraft { babies: Multiplicity::Twins, ..born("2026-10-01", "", "") };
        let p = twins.to_profile("p1", today()).unwrap();
        assert!(matches!(p.status, Status::Born { babies: Some(Multiplicity::Twins), .. }));
        assert_eq!(ProfileDraft::from_profile(&p), twins);
    }

    #[test]
    fn drafts_round_trip_through_profiles() {
        for draft in [
            pregnant(DateKind::DueDate, "2027-04-02"),
            pregnant(DateKind::LastPeriod, "2026-09-10"),
            pregnant(DateKind::PregnancyStart, "2026-09-24"),
            ProfileDraft { name: "Projet".into(), situation: Situation::TryingToConceive, ..Default::default() },
        ] {
            let profile = draft.to_profile("p1", today()).unwrap();
            let back = ProfileDraft::from_profile(&profile);
            assert_eq!(back.to_profile("p1", today()).unwrap(), profile);
        }
    }
}
