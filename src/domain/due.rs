//! What is due, as the "What is due" page shows it: the calendar's events and the
//! parent's own appointments grouped by where they stand today, the selection that goes
//! into the calendar export, and the name of the exported file.
//!
//! Plain functions of their inputs ("today" and the done marks are parameters).

use super::calendar::{status, Event, EventStatus, OwnEvent};
use chrono::NaiveDate;
use std::cmp::Reverse;

/// The groups of the page, in the order shown: what can be done now first, then what
/// comes next, then the dates that have passed, then what is done.
pub const GROUP_ORDER: [EventStatus; 4] =
    [EventStatus::ToDoNow, EventStatus::Upcoming, EventStatus::Overdue, EventStatus::Done];

/// One line of the page: an event of the calendar, or one of the parent's own
/// appointments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DueItem {
    Event(Event),
    Own(OwnEvent),
}

impl DueItem {
    /// A key unique among the items of one profile (own appointments are prefixed, so
    /// they never collide with an event id).
    pub fn key(&self) -> String {
        match self {
            DueItem::Event(e) => e.id.to_string(),
            DueItem::Own(o) => format!("own-{}", o.id),
        }
    }

    /// The first and last day (inclusive).
    pub fn days(&self) -> (NaiveDate, NaiveDate) {
        match self {
            DueItem::Event(e) => (e.from, e.to),
            DueItem::Own(o) => (o.date, o.date),
        }
    }
}

/// Where an own appointment stands on `today`: a one-day window, never marked done
/// (a past appointment is simply past).
pub fn own_status(own: &OwnEvent, today: NaiveDate) -> EventStatus {
    if today < own.date {
        EventStatus::Upcoming
    } else if today == own.date {
        EventStatus::ToDoNow
    } else {
        EventStatus::Overdue
    }
}

/// The items of one group, sorted by date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueGroup {
    pub status: EventStatus,
    pub items: Vec<DueItem>,
}

/// `events` and `own` appointments in the groups of [`GROUP_ORDER`] (every group is
/// present, possibly empty). `done_on` gives the day an event was marked done.
///
/// Within a group: to do now, the window closing soonest first; upcoming, the one
/// opening soonest first; passed, the most recently passed first; done, the most
/// recently done first. Ties are broken by date, then key, so the order is stable.
pub fn group(
    events: &[Event],
    own: &[OwnEvent],
    today: NaiveDate,
    done_on: impl Fn(&str) -> Option<NaiveDate>,
) -> Vec<DueGroup> {
    let mut groups: Vec<DueGroup> = GROUP_ORDER.iter().map(|&status| DueGroup { status, items: Vec::new() }).collect();
    let mut done_dates = std::collections::HashMap::new();
    let mut push = |status: EventStatus, item: DueItem| {
        if let Some(g) = groups.iter_mut().find(|g| g.status == status) {
            g.items.push(item);
        }
    };
    for event in events {
        let done = done_on(event.id);
        if let Some(day) = done {
            done_dates.insert(event.id, day);
        }
        push(status(event, today, done), DueItem::Event(event.clone()));
    }
    for appointment in own {
        push(own_status(appointment, today), DueItem::Own(appointment.clone()));
    }
    for g in &mut groups {
        match g.status {
            EventStatus::ToDoNow => super::sort::sort_by_key(&mut g.items, |i| (i.days().1, i.days().0, i.key())),
            EventStatus::Upcoming => super::sort::sort_by_key(&mut g.items, |i| (i.days(), i.key())),
            EventStatus::Overdue => {
                super::sort::sort_by_key(&mut g.items, |i| (Reverse(i.days().1), Reverse(i.days().0), i.key()))
            }
            EventStatus::Done => super::sort::sort_by_key(&mut g.items, |i| {
                let done = match i {
                    DueItem::Event(e) => done_dates.get(e.id).copied(),
                    DueItem::Own(_) => None,
                };
                (Reverse(done), i.days(), i.key())
            }),
        }
    }
    groups
}

/// The next `count` events on `today` (for the Today page): those to do now, the window
/// closing soonest first, then the upcoming ones, opening soonest first. Events done or
/// whose window has passed are left out.
pub fn next_due(
    events: &[Event],
    done_on: impl Fn(&str) -> Option<NaiveDate>,
    today: NaiveDate,
    count: usize,
) -> Vec<Event> {
    group(events, &[], today, done_on)
        .into_iter()
        .filter(|g| matches!(g.status, EventStatus::ToDoNow | EventStatus::Upcoming))
        .flat_map(|g| g.items)
        .filter_map(|item| match item {
            DueItem::Event(e) => Some(e),
            DueItem::Own(_) => None,
        })
        .take(count)
        .collect()
}

/// What goes into the calendar export on `today`: the events not marked done whose
/// window ends today or later, and the own appointments from today on.
pub fn to_export(
    events: &[Event],
    own: &[OwnEvent],
    today: NaiveDate,
    done_on: impl Fn(&str) -> Option<NaiveDate>,
) -> (Vec<Event>, Vec<OwnEvent>) {
    let events = events.iter().filter(|e| e.to >= today && done_on(e.id).is_none()).cloned().collect();
    let own = own.iter().filter(|o| o.date >= today).cloned().collect();
    (events, own)
}

/// The name of the exported file: `cocon-<name>-<yyyy-mm-dd>.ics`. The name is made
/// safe for any file system: lower case, French accents folded ("Léa" gives "lea"),
/// every other character a dash; `cocon-<yyyy-mm-dd>.ics` if nothing is left.
pub fn ics_filename(name: &str, date: NaiveDate) -> String {
    let mut slug = String::new();
    for c in super::case::lowercase(name).chars() {
        let folded = fold_accent(c);
        for c in folded.chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c);
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(40).collect();
    let slug = slug.trim_end_matches('-');
    let day = date;
    if slug.is_empty() {
        format!("cocon-{day}.ics")
    } else {
        format!("cocon-{slug}-{day}.ics")
    }
}

/// The letter without its accent, for the letters of French (and a few neighbours);
/// any other character is kept as it is (and becomes a dash if not ASCII).
fn fold_accent(c: char) -> String {
    let folded = match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => "a",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => "o",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'æ' => "ae",
        'œ' => "oe",
        other => return other.to_string(),
    };
    folded.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{events_for, Profile, Status};
    use std::collections::HashMap;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    /// Léa, born on 20 September 2026, seen on 23 November 2026 (2 months old).
    fn lea() -> Vec<Event> {
        events_for(&Profile {
            id: "p1".into(),
            name: "Léa".into(),
            status: Status::Born { birth_date: d(2026, 9, 20), term_at_birth: None, due_date: None, babies: None },
        })
    }

    fn own(id: &str, date: NaiveDate) -> OwnEvent {
        OwnEvent { id: id.into(), title: format!("RDV {id}"), date, note: None }
    }

    fn keys(group: &DueGroup) -> Vec<String> {
        group.items.iter().map(DueItem::key).collect()
    }

    #[test]
    fn groups_come_in_order_and_hold_every_item_once() {
        let events = lea();
        let today = d(2026, 11, 23);
        let groups = group(&events, &[own("own1", today)], today, |_| None);
        let order: Vec<_> = groups.iter().map(|g| g.status).collect();
        assert_eq!(order, GROUP_ORDER);
        let total: usize = groups.iter().map(|g| g.items.len()).sum();
        assert_eq!(total, events.len() + 1);
        let empty = group(&[], &[], today, |_| None);
        assert_eq!(empty.len(), 4);
        assert!(empty.iter().all(|g| g.items.is_empty()));
    }

    #[test]
    fn at_two_months_the_two_month_exam_and_vaccines_are_to_do_now() {
        let events = lea();
        let today = d(2026, 11, 23);
        let groups = group(&events, &[], today, |_| None);
        let now = keys(&groups[0]);
        assert!(now.contains(&"vaccine-2m".to_string()) && now.contains(&"exam-2m".to_string()));
        // Closing soonest first: the 2-month slot ends on 19 December, the rest of the
        // second-parent leave in March.
        let pos = |k: &str| now.iter().position(|x| x == k).expect(k);
        assert!(pos("exam-2m") < pos("second-parent-leave-remaining"));
        for item in &groups[0].items {
            let (from, to) = item.days();
            assert!(from <= today && today <= to);
        }
        // Upcoming: opening soonest first.
        let upcoming = &groups[1].items;
        assert_eq!(upcoming[0].key(), "exam-3m");
        assert!(upcoming.windows(2).all(|w| w[0].days().0 <= w[1].days().0));
        // Passed: the most recently closed first; the birth declaration is among them.
        let passed = &groups[2].items;
        assert!(passed.windows(2).all(|w| w[0].days().1 >= w[1].days().1));
        assert!(keys(&groups[2]).contains(&"birth-declaration".to_string()));
        assert!(groups[3].items.is_empty());
    }

    #[test]
    fn done_wins_and_the_most_recently_done_comes_first() {
        let events = lea();
        let today = d(2026, 11, 23);
        let marks: HashMap<&str, NaiveDate> =
            [("birth-declaration", d(2026, 9, 22)), ("vaccine-2m", d(2026, 11, 21)), ("exam-3m", d(2026, 11, 22))]
                .into();
        let groups = group(&events, &[], today, |id| marks.get(id).copied());
        assert_eq!(keys(&groups[3]), ["exam-3m", "vaccine-2m", "birth-declaration"]);
        for g in &groups[..3] {
            assert!(g.items.iter().all(|i| !marks.contains_key(i.key().as_str())));
        }
    }

    #[test]
    fn own_appointments_are_placed_by_their_date() {
        let today = d(2026, 11, 23);
        assert_eq!(own_status(&own("a", d(2026, 11, 24)), today), EventStatus::Upcoming);
        assert_eq!(own_status(&own("a", today), today), EventStatus::ToDoNow);
        assert_eq!(own_status(&own("a", d(2026, 11, 22)), today), EventStatus::Overdue);

        let events = lea();
        let mine = [own("own1", d(2026, 12, 1)), own("own2", d(2026, 11, 1))];
        let groups = group(&events, &mine, today, |_| None);
        let upcoming = keys(&groups[1]);
        assert!(upcoming.contains(&"own-own1".to_string()));
        // 1 December comes before the 3-month exam, which opens on 20 December.
        assert_eq!(upcoming[0], "own-own1");
        assert!(keys(&groups[2]).contains(&"own-own2".to_string()));
        // Keys never collide with event ids.
        assert_ne!(DueItem::Own(own("exam-2m", today)).key(), "exam-2m");
    }

    #[test]
    fn the_export_keeps_what_is_not_done_and_not_past() {
        let events = lea();
        let today = d(2026, 11, 23);
        let mine = [own("own1", today), own("own2", d(2026, 11, 22)), own("own3", d(2027, 1, 5))];
        let marks: HashMap<&str, NaiveDate> = [("vaccine-2m", d(2026, 11, 21))].into();
        let (exported, own_exported) = to_export(&events, &mine, today, |id| marks.get(id).copied());
        assert!(exported.iter().all(|e| e.to >= today && e.id != "vaccine-2m"));
        assert!(exported.iter().any(|e| e.id == "exam-2m"));
        assert!(!exported.iter().any(|e| e.id == "birth-declaration"));
        let expected = events.iter().filter(|e| e.to >= today && e.id != "vaccine-2m").count();
        assert_eq!(exported.len(), expected);
        let ids: Vec<_> = own_exported.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["own1", "own3"]);
        // An event whose window ends today is still exported.
        let last_day = events.iter().find(|e| e.id == "exam-2m").expect("exam").to;
        let (on_last_day, _) = to_export(&events, &[], last_day, |_| None);
        assert!(on_last_day.iter().any(|e| e.id == "exam-2m"));
        let (day_after, _) = to_export(&events, &[], last_day.succ_opt().expect("day"), |_| None);
        assert!(!day_after.iter().any(|e| e.id == "exam-2m"));
    }

    #[test]
    fn the_next_events_are_those_to_do_now_then_upcoming() {
        let events = lea();
        let today = d(2026, 11, 23);
        let next: Vec<_> = next_due(&events, |_| None, today, 3).iter().map(|e| e.id).collect();
        assert_eq!(next, ["exam-2m", "vaccine-2m", "postnatal-interview-2"]);
        let marks: HashMap<&str, NaiveDate> =
            [("exam-2m", today), ("vaccine-2m", today), ("postnatal-interview-2", today)].into();
        let next: Vec<_> = next_due(&events, |id| marks.get(id).copied(), today, 3).iter().map(|e| e.id).collect();
        // The supplementary birth leave is a window open until 9 months after the birth.
        assert_eq!(next, ["second-parent-leave-remaining", "new-birth-leave", "exam-3m"]);
        assert!(next_due(&events, |_| None, d(2030, 1, 1), 3).is_empty());
        assert_eq!(next_due(&events, |_| None, today, 0), Vec::<Event>::new());
    }

    #[test]
    fn file_names_are_safe() {
        let day = d(2026, 11, 23);
        assert_eq!(ics_filename("Léa", day), "cocon-lea-2026-11-23.ics");
        assert_eq!(ics_filename("  Zoé & Noël  ", day), "cocon-zoe-noel-2026-11-23.ics");
        assert_eq!(ics_filename("Petit pois", day), "cocon-petit-pois-2026-11-23.ics");
        assert_eq!(ics_filename("../../etc", day), "cocon-etc-2026-11-23.ics");
        assert_eq!(ics_filename("👶", day), "cocon-2026-11-23.ics");
        assert_eq!(ics_filename("", day), "cocon-2026-11-23.ics");
        assert_eq!(ics_filename("Œdipe Æ", day), "cocon-oedipe-ae-2026-11-23.ics");
        let long = ics_filename(&"a".repeat(100), day);
        assert_eq!(long, format!("cocon-{}-2026-11-23.ics", "a".repeat(40)));
    }
}
