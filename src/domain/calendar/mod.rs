//! The calendar core of the 1000 days: pregnancy dates as counted in France, the child's
//! age, what is due and when, and the export to an iCalendar file.
//!
//! Plain Rust, no browser API and no clock: "today" is always a parameter, so every
//! function is pure and tested natively (`cargo test --lib domain::calendar`).
//!
//! What is due is data: `rules.json` ([`rules`]), each rule with the births (or due
//! dates) it applies to, its sources and its review date, checked when the app is built;
//! the facts come from `shared/domain/calendar.md` and the pages each rule names. The conventions chosen where the rules leave room are stated once, here:
//!
//! - **Pregnancy dates** ([`Pregnancy`]): DDG (start of pregnancy) is DDR (last period)
//!   plus 14 days; DPA (due date) = DDG + 9 calendar months; DDG from a DPA = DPA - 9
//!   calendar months. Calendar months are chrono's, which clamp to the last day of a
//!   shorter month (31 May + 9 months = 28 or 29 February). A [`Pregnancy`] keeps the due
//!   date it was given, so `Pregnancy::from_due_date(d).due_date() == d` always holds.
//! - **Trimesters**: the one convention is stated and applied in [`Trimester::of`].
//! - **Ages** ([`Age`]): completed calendar months, clamped the same way: a baby born on
//!   31 January is 1 month old on the last day of February.
//! - **Week ranges** in SA ("22-24 SA") include the whole last week: 22 SA + 0 days to
//!   24 SA + 6 days. "Month m" of a child's exam or vaccine is the month from age m
//!   months to the day before age m + 1 months.
//! - **Event windows** are inclusive: `from..=to`.

mod dates;
mod events;
mod holidays;
mod ics;
mod profile;
pub mod rules;
// `rules` names its sources as `super::source`, here as in `build.rs`.
use super::source;

pub use dates::{
    add_days, add_months, days_between, months_between, Age, Child, CorrectedAge, DayOfThousand, GestationalAge,
    Period, Pregnancy, Trimester, DAYS_FROM_DDR_TO_DDG, LAST_DAY, PREMATURE_BEFORE_WEEKS,
};
pub use events::{
    child_events, events_for, maternity_leave_weeks, pregnancy_events, rules, status, Event, EventKind, EventStatus,
    Source, VaccineDose,
};
pub use holidays::{birth_declaration_deadline, easter_sunday, is_french_public_holiday, is_working_day};
pub use ics::{to_ics, EventText};
pub use profile::{ChildRank, Multiplicity, OwnEvent, PregnancyDate, Profile, ProfileError, Status};
