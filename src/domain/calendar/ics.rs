//! Export to an iCalendar file (RFC 5545), for the parent's own calendar app.
//!
//! Every event is all-day: `DTSTART;VALUE=DATE` is the first day of the window and
//! `DTEND;VALUE=DATE` the day after the last one (the end is exclusive). UIDs are stable
//! (`<event-id>-<profile-id>@cocon.app`, `own-<id>-<profile-id>@cocon.app` for the
//! parent's own appointments), so importing again updates rather than duplicates.
//!
//! Each event has two display alarms, both at 09:00 local time: one a week before
//! (`TRIGGER:-P6DT15H`: the start of an all-day event is midnight, so 6 days and 15
//! hours before it is 09:00 seven days before), and one on the day
//! (`TRIGGER;RELATED=START:PT9H`, 9 hours after midnight). `-P7D` and `-PT0M` would
//! ring at midnight, when nobody reads them.

use super::dates::add_days;
use super::events::Event;
use super::profile::OwnEvent;
use chrono::{NaiveDate, NaiveDateTime};

/// The longest line, in octets, without its CRLF (RFC 5545 3.1).
const MAX_LINE_OCTETS: usize = 75;
const UID_DOMAIN: &str = "cocon.app";
const PRODID: &str = "-//Cocon//Cocon 1000 jours//FR";
const ALARM_WEEK_BEFORE: &str = "TRIGGER:-P6DT15H";
const ALARM_ON_THE_DAY: &str = "TRIGGER;RELATED=START:PT9H";

/// The texts of an event in the parent's language, given by the UI.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventText {
    /// The title (SUMMARY).
    pub summary: String,
    /// A longer text (DESCRIPTION), if any.
    pub description: Option<String>,
}

/// The iCalendar file of `events` and `own` appointments of the profile `profile_id`.
/// `text` gives the translated texts of each event; `dtstamp` (UTC) is the moment of the
/// export, passed in so that the output is reproducible.
pub fn to_ics(
    profile_id: &str,
    events: &[Event],
    own: &[OwnEvent],
    text: impl Fn(&Event) -> EventText,
    dtstamp: NaiveDateTime,
) -> String {
    let mut out = String::new();
    let stamp = crate::domain::iso_date::basic_utc(dtstamp);
    for line in ["BEGIN:VCALENDAR", "VERSION:2.0", &format!("PRODID:{PRODID}"), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    {
        push_line(&mut out, line);
    }
    for event in events {
        let uid = format!("{}-{profile_id}@{UID_DOMAIN}", event.id);
        push_event(&mut out, &uid, &stamp, (event.from, event.to), &text(event));
    }
    for appointment in own {
        let uid = format!("own-{}-{profile_id}@{UID_DOMAIN}", appointment.id);
        let texts = EventText {
            summary: appointment.title.clone(),
            description: appointment.note.clone().filter(|n| !n.trim().is_empty()),
        };
        push_event(&mut out, &uid, &stamp, (appointment.date, appointment.date), &texts);
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// One all-day VEVENT over `days` (inclusive) with its two alarms.
fn push_event(out: &mut String, uid: &str, stamp: &str, days: (NaiveDate, NaiveDate), text: &EventText) {
    let (first, last) = days;
    let summary = escape_text(&text.summary);
    push_line(out, "BEGIN:VEVENT");
    push_line(out, &format!("UID:{}", escape_text(uid)));
    push_line(out, &format!("DTSTAMP:{stamp}"));
    push_line(out, &format!("DTSTART;VALUE=DATE:{}", ics_date(first)));
    push_line(out, &format!("DTEND;VALUE=DATE:{}", ics_date(add_days(last.max(first), 1))));
    push_line(out, &format!("SUMMARY:{summary}"));
    if let Some(description) = &text.description {
        push_line(out, &format!("DESCRIPTION:{}", escape_text(description)));
    }
    push_line(out, "TRANSP:TRANSPARENT");
    for trigger in [ALARM_WEEK_BEFORE, ALARM_ON_THE_DAY] {
        push_line(out, "BEGIN:VALARM");
        push_line(out, "ACTION:DISPLAY");
        push_line(out, &format!("DESCRIPTION:{summary}"));
        push_line(out, trigger);
        push_line(out, "END:VALARM");
    }
    push_line(out, "END:VEVENT");
}

fn ics_date(date: NaiveDate) -> String {
    crate::domain::iso_date::basic(date)
}

/// Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks
/// (`\n`, `\r\n` or `\r` become `\n`); other control characters are dropped.
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets (continuation lines start with one space, which
/// counts), never splitting a UTF-8 character, each physical line ending in CRLF.
pub(crate) fn push_line(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = MAX_LINE_OCTETS;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = MAX_LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::dates::Pregnancy;
    use crate::domain::calendar::events::{child_events, pregnancy_events};
    use crate::domain::calendar::profile::{ChildRank, Multiplicity};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn stamp() -> NaiveDateTime {
        d(2025, 6, 1).and_hms_opt(8, 30, 0).expect("valid time")
    }

    /// A component of the parsed file: its name, properties (name with parameters,
    /// value) and sub-components.
    #[derive(Debug, Default)]
    struct Component {
        name: String,
        properties: Vec<(String, String)>,
        children: Vec<Component>,
    }

    impl Component {
        fn get(&self, name: &str) -> Option<&str> {
            self.properties.iter().find(|(key, _)| key.split(';').next() == Some(name)).map(|(_, value)| value.as_str())
        }
    }

    /// An independent reading of an iCalendar text: checks line endings and lengths,
    /// unfolds, and builds the component tree with balanced BEGIN/END.
    fn parse(text: &str) -> Component {
        assert!(text.ends_with("\r\n"));
        let body = &text[..text.len() - 2];
        let physical: Vec<&str> = body.split("\r\n").collect();
        for line in &physical {
            assert!(line.len() <= 75, "too long: {line:?}");
            assert!(!line.contains('\r') && !line.contains('\n'), "bare line break: {line:?}");
        }
        let mut logical: Vec<String> = Vec::new();
        for line in physical {
            match line.strip_prefix(' ') {
                Some(rest) => logical.last_mut().expect("no leading fold").push_str(rest),
                None => logical.push(line.to_string()),
            }
        }
        let mut stack = vec![Component::default()];
        for line in logical {
            let (key, value) = line.split_once(':').expect("property has a colon");
            match key {
                "BEGIN" => stack.push(Component { name: value.to_string(), ..Component::default() }),
                "END" => {
                    let done = stack.pop().expect("balanced");
                    assert_eq!(done.name, value, "END matches BEGIN");
                    stack.last_mut().expect("has a parent").children.push(done);
                }
                _ => {
                    stack.last_mut().expect("inside a component").properties.push((key.to_string(), value.to_string()))
                }
            }
        }
        assert_eq!(stack.len(), 1, "BEGIN/END balance");
        let mut root = stack.pop().expect("root");
        assert_eq!(root.children.len(), 1);
        root.children.remove(0)
    }

    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => panic!("dangling backslash"),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn escaping() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(escape_text("one\ntwo\r\nthree\rfour"), r"one\ntwo\nthree\nfour");
        assert_eq!(escape_text("tab\there\u{7}"), "tab\there");
        assert_eq!(escape_text("Échographie : 22 SA"), "Échographie : 22 SA");
        let tricky = "Rendez-vous; sage-femme, \\ salle 2\nétage 3";
        assert_eq!(unescape(&escape_text(tricky)), tricky);
    }

    #[test]
    fn folding_keeps_characters_whole() {
        let mut out = String::new();
        push_line(&mut out, &"a".repeat(75));
        assert_eq!(out, format!("{}\r\n", "a".repeat(75)));
        let mut out = String::new();
        push_line(&mut out, &"a".repeat(76));
        assert_eq!(out, format!("{}\r\n a\r\n", "a".repeat(75)));
        // 2-, 3- and 4-octet characters straddling every cut position.
        for prefix in 0..4 {
            for ch in ['é', '€', '👶'] {
                let line = format!("{}{}", "x".repeat(prefix), ch.to_string().repeat(120));
                let mut out = String::new();
                push_line(&mut out, &line);
                let physical: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
                assert!(physical.len() > 1);
                for (i, part) in physical.iter().enumerate() {
                    assert!(part.len() <= 75);
                    assert_eq!(i > 0, part.starts_with(' '));
                    // Each part is a str, so no character was split; parts are long.
                    assert!(part.len() >= 71 || i == physical.len() - 1);
                }
                let unfolded: String =
                    physical.iter().enumerate().map(|(i, p)| if i == 0 { *p } else { &p[1..] }).collect();
                assert_eq!(unfolded, line);
            }
        }
    }

    #[test]
    fn a_full_export_parses_back() {
        let pregnancy = Pregnancy::from_last_period(d(2025, 1, 1));
        let mut events = pregnancy_events(&pregnancy, Multiplicity::Single, ChildRank::First);
        events.extend(child_events(d(2025, 10, 20), None, None));
        let own = vec![
            OwnEvent {
                id: "rdv-1".into(),
                title: "Sage-femme, cabinet; bâtiment \\ B".into(),
                date: d(2025, 5, 2),
                note: Some("Apporter le carnet\net les résultats".into()),
            },
            OwnEvent { id: "rdv-2".into(), title: "Kiné".into(), date: d(2025, 12, 1), note: None },
        ];
        let long = "Très long titre avec des accents éèàç et des emoji 👶🍼 ".repeat(3);
        let text = |e: &Event| EventText {
            summary: format!("{} — {long}", e.id),
            description: Some(format!("Source : {}, à confirmer; ok", e.source_ids.join(", "))),
        };
        let ics = to_ics("profile-42", &events, &own, text, stamp());
        let calendar = parse(&ics);
        assert_eq!(calendar.name, "VCALENDAR");
        assert_eq!(calendar.get("VERSION"), Some("2.0"));
        assert_eq!(calendar.get("CALSCALE"), Some("GREGORIAN"));
        assert!(calendar.get("PRODID").is_some());
        assert_eq!(calendar.children.len(), events.len() + own.len());
        let mut uids = std::collections::HashSet::new();
        for vevent in &calendar.children {
            assert_eq!(vevent.name, "VEVENT");
            for key in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"] {
                assert!(vevent.get(key).is_some(), "{key} missing");
            }
            assert!(uids.insert(vevent.get("UID").unwrap_or_default().to_string()), "UIDs unique");
            assert_eq!(vevent.get("DTSTAMP"), Some("20250601T083000Z"));
            let alarms: Vec<_> = vevent.children.iter().filter(|c| c.name == "VALARM").collect();
            assert_eq!(alarms.len(), 2);
            for alarm in alarms {
                assert_eq!(alarm.get("ACTION"), Some("DISPLAY"));
                assert!(alarm.get("DESCRIPTION").is_some_and(|d| !d.is_empty()));
                assert!(alarm.get("TRIGGER").is_some());
            }
            let start = vevent.properties.iter().find(|(k, _)| k.starts_with("DTSTART")).expect("DTSTART");
            assert_eq!(start.0, "DTSTART;VALUE=DATE");
            let end = vevent.properties.iter().find(|(k, _)| k.starts_with("DTEND")).expect("DTEND");
            assert_eq!(end.0, "DTEND;VALUE=DATE");
            assert!(end.1 > start.1, "end is exclusive, after start");
        }
        // One generated event, checked in full.
        let visit = calendar
            .children
            .iter()
            .find(|c| c.get("UID") == Some("prenatal-visit-3-profile-42@cocon.app"))
            .expect("visit 3");
        assert_eq!(visit.get("DTSTART"), Some("20250515"));
        assert_eq!(visit.get("DTEND"), Some("20250615"));
        assert_eq!(visit.get("SUMMARY").map(unescape), Some(format!("prenatal-visit-3 — {long}")));
        assert_eq!(
            visit.get("DESCRIPTION").map(unescape).as_deref(),
            Some("Source : ameli-pregnancy-follow-up, service-public-f963, à confirmer; ok")
        );
        let triggers: Vec<_> =
            visit.children.iter().flat_map(|a| a.properties.iter()).filter(|(k, _)| k.starts_with("TRIGGER")).collect();
        assert_eq!(triggers[0], &("TRIGGER".to_string(), "-P6DT15H".to_string()));
        assert_eq!(triggers[1], &("TRIGGER;RELATED=START".to_string(), "PT9H".to_string()));
        // The parent's own appointment: one day, text escaped and restored.
        let own_event = calendar
            .children
            .iter()
            .find(|c| c.get("UID") == Some("own-rdv-1-profile-42@cocon.app"))
            .expect("own event");
        assert_eq!(own_event.get("DTSTART"), Some("20250502"));
        assert_eq!(own_event.get("DTEND"), Some("20250503"));
        assert_eq!(own_event.get("SUMMARY").map(unescape).as_deref(), Some("Sage-femme, cabinet; bâtiment \\ B"));
        assert_eq!(own_event.get("DESCRIPTION").map(unescape).as_deref(), Some("Apporter le carnet\net les résultats"));
        let plain = calendar
            .children
            .iter()
            .find(|c| c.get("UID") == Some("own-rdv-2-profile-42@cocon.app"))
            .expect("own event 2");
        assert_eq!(plain.get("DESCRIPTION"), None);
        // Reproducible: same input, same bytes.
        let again = to_ics("profile-42", &events, &own, text, stamp());
        assert_eq!(ics, again);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    }

    #[test]
    fn an_empty_export_is_a_valid_calendar() {
        let ics = to_ics("p", &[], &[], |_| EventText::default(), stamp());
        let calendar = parse(&ics);
        assert_eq!(calendar.name, "VCALENDAR");
        assert!(calendar.children.is_empty());
    }

    /// The export read back by an independent parser, the `icalendar` crate.
    #[test]
    fn an_independent_parser_reads_the_export() {
        let p = Pregnancy::from_due_date(d(2027, 3, 15));
        let mut events = pregnancy_events(&p, Multiplicity::Twins, ChildRank::Second);
        events.extend(child_events(d(2027, 3, 10), None, None));
        let own = [OwnEvent {
            id: "own1".into(),
            title: "Sage-femme; cabinet, rue de l'Église 👶".into(),
            date: d(2027, 1, 5),
            note: Some("Apporter le carnet\net les résultats".into()),
        }];
        let summary = |e: &Event| format!("{}, à prévoir; {}", e.id, "é".repeat(40));
        let ics = to_ics("p7", &events, &own, |e| EventText { summary: summary(e), description: None }, stamp());

        let unfolded = icalendar::parser::unfold(&ics);
        let calendar = icalendar::parser::read_calendar(&unfolded).expect("a valid iCalendar file");
        let prop = |props: &[icalendar::parser::Property], name: &str| {
            props.iter().find(|p| p.name.as_str() == name).map(|p| p.val.as_str().to_string())
        };
        assert_eq!(prop(&calendar.properties, "VERSION").as_deref(), Some("2.0"));
        assert!(prop(&calendar.properties, "PRODID").is_some());
        let vevents: Vec<_> = calendar.components.iter().filter(|c| c.name.as_str() == "VEVENT").collect();
        assert_eq!(vevents.len(), events.len() + own.len());
        let mut uids = std::collections::BTreeSet::new();
        for vevent in &vevents {
            let uid = prop(&vevent.properties, "UID").expect("UID");
            assert!(uid.ends_with("-p7@cocon.app"), "{uid}");
            assert!(uids.insert(uid), "UIDs are unique");
            for name in ["DTSTAMP", "DTSTART", "DTEND", "SUMMARY"] {
                assert!(prop(&vevent.properties, name).is_some(), "{name}");
            }
            let start = vevent.properties.iter().find(|p| p.name.as_str() == "DTSTART").unwrap();
            assert!(start
                .params
                .iter()
                .any(|p| p.key.as_str() == "VALUE" && p.val.as_ref().map(|v| v.as_str()) == Some("DATE")));
            let alarms: Vec<_> = vevent.components.iter().filter(|c| c.name.as_str() == "VALARM").collect();
            assert_eq!(alarms.len(), 2);
            for alarm in alarms {
                assert_eq!(prop(&alarm.properties, "ACTION").as_deref(), Some("DISPLAY"));
                assert!(prop(&alarm.properties, "TRIGGER").is_some());
                assert!(prop(&alarm.properties, "DESCRIPTION").is_some());
            }
        }
        // Texts come back whole once unescaped: commas, semicolons, accents, emoji.
        let first = &events[0];
        let vevent = vevents
            .iter()
            .find(|v| prop(&v.properties, "UID").as_deref() == Some(&format!("{}-p7@cocon.app", first.id)))
            .unwrap();
        let raw = vevent.properties.iter().find(|p| p.name.as_str() == "SUMMARY").unwrap();
        assert_eq!(raw.val.clone().unescape_text().as_str(), summary(first));
        let mine = vevents
            .iter()
            .find(|v| prop(&v.properties, "UID").as_deref() == Some("own-own1-p7@cocon.app"))
            .expect("the own appointment");
        let title = mine.properties.iter().find(|p| p.name.as_str() == "SUMMARY").unwrap();
        assert_eq!(title.val.clone().unescape_text().as_str(), own[0].title);
    }
}
