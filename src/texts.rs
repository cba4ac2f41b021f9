//! Texts chosen at run time from content ids: dates, event titles and notes, vaccines.
//! All come from `locales/` through the generated key table.

use crate::domain::calendar::{Event, EventKind, EventStatus};
use crate::domain::lang::Lang;
use crate::i18n::{format, key_named, text, Key};
use chrono::{Datelike, NaiveDate};

/// The text named `name`, or the name itself if a content id has no text (a test checks
/// that every id the domain can produce has one).
fn named(lang: Lang, name: &str) -> String {
    key_named(name).map(|key| text(lang, key).to_string()).unwrap_or_else(|| name.to_string())
}

/// "3 mars 2027" / "3 March 2027"; "1er mars 2027" in French.
pub fn date_long(lang: Lang, date: NaiveDate) -> String {
    format(
        lang,
        Key::DateLong,
        &[("day", &day_number(lang, date)), ("month", &month(lang, date)), ("year", &date.year().to_string())],
    )
}

/// "3 mars" / "3 March".
pub fn date_short(lang: Lang, date: NaiveDate) -> String {
    format(lang, Key::DateShort, &[("day", &day_number(lang, date)), ("month", &month(lang, date))])
}

/// "lundi" / "Monday".
pub fn weekday(lang: Lang, date: NaiveDate) -> String {
    named(lang, &format!("date.weekday.{}", date.weekday().number_from_monday()))
}

fn day_number(lang: Lang, date: NaiveDate) -> String {
    if date.day() == 1 {
        text(lang, Key::DateFirstDay).to_string()
    } else {
        date.day().to_string()
    }
}

fn month(lang: Lang, date: NaiveDate) -> String {
    named(lang, &format!("date.month.{}", date.month()))
}

pub fn event_title(lang: Lang, event_id: &str) -> String {
    named(lang, &format!("events.title.{event_id}"))
}

pub fn event_note(lang: Lang, note_id: &str) -> String {
    named(lang, &format!("events.note.{note_id}"))
}

pub fn vaccine_name(lang: Lang, vaccine_id: &str) -> String {
    named(lang, &format!("events.vaccine.{vaccine_id}"))
}

pub fn kind_label(lang: Lang, kind: EventKind) -> &'static str {
    text(
        lang,
        match kind {
            EventKind::MedicalExam => Key::EventsKindMedicalExam,
            EventKind::Vaccine => Key::EventsKindVaccine,
            EventKind::Administrative => Key::EventsKindAdministrative,
            EventKind::Leave => Key::EventsKindLeave,
            EventKind::Interview => Key::EventsKindInterview,
        },
    )
}

pub fn status_label(lang: Lang, status: EventStatus) -> &'static str {
    text(
        lang,
        match status {
            EventStatus::Upcoming => Key::EventsStatusUpcoming,
            EventStatus::ToDoNow => Key::EventsStatusToDoNow,
            EventStatus::Done => Key::EventsStatusDone,
            EventStatus::Overdue => Key::EventsStatusOverdue,
        },
    )
}

/// "Du 3 mars au 9 avril 2027" / "Le 3 mars 2027".
pub fn event_window(lang: Lang, event: &Event) -> String {
    if event.from == event.to {
        format(lang, Key::EventsWindowOneDay, &[("date", &date_long(lang, event.from))])
    } else {
        format(lang, Key::EventsWindow, &[("from", &date_long(lang, event.from)), ("to", &date_long(lang, event.to))])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{
        events_for, ChildRank, GestationalAge, Multiplicity, PregnancyDate, Profile, Status,
    };

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn every_event() -> Vec<Event> {
        let profiles = [
            Status::Pregnant {
                date: PregnancyDate::DueDate(d(2027, 3, 1)),
                babies: Multiplicity::Twins,
                rank: ChildRank::ThirdOrMore,
            },
            Status::Born {
                birth_date: d(2026, 2, 1),
                term_at_birth: Some(GestationalAge::new(33, 2)),
                due_date: None,
                babies: None,
            },
            Status::Born { birth_date: d(2025, 6, 1), term_at_birth: None, due_date: None, babies: None },
        ];
        profiles
            .into_iter()
            .flat_map(|status| events_for(&Profile { id: "p1".into(), name: "B".into(), status }))
            .collect()
    }

    #[test]
    fn every_event_the_calendar_can_produce_has_its_texts_in_both_languages() {
        let events = every_event();
        assert!(events.len() > 40);
        for lang in Lang::ALL {
            for e in &events {
                assert!(key_named(&format!("events.title.{}", e.id)).is_some(), "no title for {}", e.id);
                if let Some(note) = e.note {
                    assert!(key_named(&format!("events.note.{note}")).is_some(), "no text for note {note}");
                }
                for dose in e.vaccines {
                    assert!(
                        key_named(&format!("events.vaccine.{}", dose.vaccine)).is_some(),
                        "no name for {}",
                        dose.vaccine
                    );
                }
                assert!(!event_window(lang, e).contains('{'));
            }
        }
    }

    #[test]
    fn dates_read_naturally() {
        assert_eq!(date_long(Lang::Fr, d(2027, 3, 1)), "1er mars 2027");
        assert_eq!(date_long(Lang::En, d(2027, 3, 1)), "1 March 2027");
        assert_eq!(date_short(Lang::Fr, d(2026, 12, 24)), "24 décembre");
        assert_eq!(weekday(Lang::Fr, d(2026, 11, 23)), "lundi");
        assert_eq!(weekday(Lang::En, d(2026, 11, 29)), "Sunday");
    }
}
