//! The family's own data: the children's profiles (one active), the events marked done,
//! the parent's own appointments and favourite messages. One versioned document, kept
//! on the device; a plain model whose methods are every change the app can make.

use super::calendar::{OwnEvent, Profile};
use super::document::{Counts as Conflicts, Document, Problem};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The version of the family document written by this build.
pub const FAMILY_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Family {
    pub version: u32,
    pub profiles: Vec<Profile>,
    /// The id of the profile the app shows.
    pub active: Option<String>,
    /// Per profile id: the events marked done, with the day they were done.
    #[serde(default, deserialize_with = "super::iso_date::de::nested")]
    pub done: BTreeMap<String, BTreeMap<String, NaiveDate>>,
    /// Per profile id: the parent's own appointments.
    #[serde(default)]
    pub own_events: BTreeMap<String, Vec<OwnEvent>>,
    /// Ids of the messages saved as favourites.
    #[serde(default)]
    pub favourite_messages: BTreeSet<String>,
}

impl Default for Family {
    fn default() -> Self {
        Family {
            version: FAMILY_VERSION,
            profiles: Vec::new(),
            active: None,
            done: BTreeMap::new(),
            own_events: BTreeMap::new(),
            favourite_messages: BTreeSet::new(),
        }
    }
}

/// What saving an edited profile found (see [`Family::save_edit`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditOutcome {
    Saved,
    /// Another window had changed the profile since the edit began: the edit replaced it.
    ChangedElsewhere,
    /// Another window had deleted the profile: the edit was added again as a new profile.
    RemovedElsewhere,
}

/// Why a stored Family document cannot be read (see [`super::schema`]).
pub type FamilyError = super::schema::SchemaError;

/// The next free id of the form `<prefix><n>`.
fn next_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let max = taken.filter_map(|id| id.strip_prefix(prefix)?.parse::<u32>().ok()).max().unwrap_or(0);
    format!("{prefix}{}", max + 1)
}

impl Family {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the family document always serialises")
    }

    /// Reads a stored family document; an unreadable or newer one is an error, never a
    /// silent empty family.
    pub fn from_json(text: &str) -> Result<Family, FamilyError> {
        super::schema::read::<Family>(text, FAMILY_VERSION).map(Self::repaired)
    }

    /// Keeps the document consistent: the active id names an existing profile.
    fn repaired(mut self) -> Family {
        if self.active.as_ref().is_none_or(|id| self.profile(id).is_none()) {
            self.active = self.profiles.first().map(|p| p.id.clone());
        }
        self
    }

    pub fn profile(&self, id: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.id == id)
    }

    pub fn active_profile(&self) -> Option<&Profile> {
        self.active.as_deref().and_then(|id| self.profile(id))
    }

    /// An id for a new profile.
    pub fn new_profile_id(&self) -> String {
        next_id("p", self.profiles.iter().map(|p| p.id.as_str()))
    }

    /// Adds a profile (its id is replaced by a free one) and makes it active. Returns the id.
    pub fn add_profile(&mut self, mut profile: Profile) -> String {
        profile.id = self.new_profile_id();
        let id = profile.id.clone();
        self.profiles.push(profile);
        self.active = Some(id.clone());
        id
    }

    /// Replaces the profile with the same id. Returns false if there is none.
    pub fn update_profile(&mut self, profile: Profile) -> bool {
        match self.profiles.iter_mut().find(|p| p.id == profile.id) {
            Some(slot) => {
                *slot = profile;
                true
            }
            None => false,
        }
    }

    /// Saves the edit of a profile that the editor began from `base`, into the family as
    /// it is stored now (another window may have changed it meanwhile). The edit is the
    /// newest, so it is kept: over a change made elsewhere, and added again (as a new
    /// profile) if the profile was deleted elsewhere. Says which, so that the parent is told.
    pub fn save_edit(&mut self, base: &Profile, edited: Profile) -> EditOutcome {
        match self.profile(&base.id) {
            None => {
                self.add_profile(edited);
                EditOutcome::RemovedElsewhere
            }
            Some(now) => {
                let outcome = if now == base { EditOutcome::Saved } else { EditOutcome::ChangedElsewhere };
                self.update_profile(Profile { id: base.id.clone(), ..edited });
                outcome
            }
        }
    }

    /// Removes a profile with its done marks and own appointments.
    pub fn remove_profile(&mut self, id: &str) {
        self.profiles.retain(|p| p.id != id);
        self.done.remove(id);
        self.own_events.remove(id);
        if self.active.as_deref() == Some(id) {
            self.active = self.profiles.first().map(|p| p.id.clone());
        }
    }

    pub fn set_active(&mut self, id: &str) {
        if self.profile(id).is_some() {
            self.active = Some(id.to_string());
        }
    }

    pub fn done_on(&self, profile: &str, event: &str) -> Option<NaiveDate> {
        self.done.get(profile)?.get(event).copied()
    }

    pub fn mark_done(&mut self, profile: &str, event: &str, on: NaiveDate) {
        self.done.entry(profile.to_string()).or_default().insert(event.to_string(), on);
    }

    pub fn unmark_done(&mut self, profile: &str, event: &str) {
        if let Some(marks) = self.done.get_mut(profile) {
            marks.remove(event);
            if marks.is_empty() {
                self.done.remove(profile);
            }
        }
    }

    pub fn own_events(&self, profile: &str) -> &[OwnEvent] {
        self.own_events.get(profile).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Adds an appointment (its id is replaced by a free one), kept sorted by date.
    pub fn add_own_event(&mut self, profile: &str, mut event: OwnEvent) -> String {
        let list = self.own_events.entry(profile.to_string()).or_default();
        event.id = next_id("own", list.iter().map(|e| e.id.as_str()));
        let id = event.id.clone();
        list.push(event);
        super::sort::sort_by(list, |a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        id
    }

    pub fn remove_own_event(&mut self, profile: &str, id: &str) {
        if let Some(list) = self.own_events.get_mut(profile) {
            list.retain(|e| e.id != id);
            if list.is_empty() {
                self.own_events.remove(profile);
            }
        }
    }

    /// Adds to this family what `other` holds and it lacks, for an import that merges
    /// (see [`super::backup`]): profiles by id, done marks by profile and event, own
    /// appointments by profile and id, favourite messages. When both hold the same item
    /// (same id) in different versions, this family's version is kept: those are counted
    /// in the returned conflicts (`profiles` and `marks`). Nothing is ever removed, so
    /// merging a family into itself changes nothing.
    pub fn merge(&mut self, other: &Family) -> Conflicts {
        let mut conflicts = Conflicts::default();
        for profile in &other.profiles {
            match self.profile(&profile.id) {
                None => self.profiles.push(profile.clone()),
                Some(mine) if mine != profile => conflicts.profiles += 1,
                Some(_) => {}
            }
        }
        for (profile, marks) in &other.done {
            let mine = self.done.entry(profile.clone()).or_default();
            for (event, on) in marks {
                match mine.get(event) {
                    None => {
                        mine.insert(event.clone(), *on);
                    }
                    Some(d) if d != on => conflicts.marks += 1,
                    Some(_) => {}
                }
            }
        }
        for (profile, events) in &other.own_events {
            let mine = self.own_events.entry(profile.clone()).or_default();
            let before = mine.len();
            for event in events {
                match mine.iter().find(|e| e.id == event.id) {
                    None => mine.push(event.clone()),
                    Some(e) if e != event => conflicts.marks += 1,
                    Some(_) => {}
                }
            }
            if mine.len() != before {
                super::sort::sort_by(mine, |a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
            }
        }
        self.done.retain(|_, marks| !marks.is_empty());
        self.own_events.retain(|_, list| !list.is_empty());
        self.favourite_messages.extend(other.favourite_messages.iter().cloned());
        if self.active.is_none() {
            self.active = other.active.clone();
        }
        *self = std::mem::take(self).repaired();
        conflicts
    }

    pub fn is_favourite(&self, message: &str) -> bool {
        self.favourite_messages.contains(message)
    }

    pub fn toggle_favourite(&mut self, message: &str) {
        if !self.favourite_messages.remove(message) {
            self.favourite_messages.insert(message.to_string());
        }
    }
}

/// The family under the key `family`.
impl Document for Family {
    const KEY: &'static str = "family";
    const VERSION: u32 = FAMILY_VERSION;
    fn to_json(&self) -> String {
        Family::to_json(self)
    }
    fn read(text: &str) -> Result<Family, Problem> {
        Ok(Family::from_json(text)?)
    }
    fn counts(&self) -> Conflicts {
        Conflicts {
            profiles: self.profiles.len(),
            marks: self.done.values().map(BTreeMap::len).sum::<usize>()
                + self.own_events.values().map(Vec::len).sum::<usize>(),
            ..Conflicts::default()
        }
    }
    /// Counted, and favourite messages too.
    fn has_data(&self) -> bool {
        !Document::counts(self).is_zero() || !self.favourite_messages.is_empty()
    }
    fn merge(&mut self, theirs: &Family) -> Conflicts {
        Family::merge(self, theirs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{ChildRank, Multiplicity, PregnancyDate, Status};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn pregnant(name: &str) -> Profile {
        Profile {
            id: String::new(),
            name: name.into(),
            status: Status::Pregnant {
                date: PregnancyDate::LastPeriod(date(2026, 6, 1)),
                babies: Multiplicity::Single,
                rank: ChildRank::First,
            },
        }
    }

    fn born(name: &str) -> Profile {
        Profile {
            id: String::new(),
            name: name.into(),
            status: Status::Born { birth_date: date(2026, 1, 10), term_at_birth: None, due_date: None, babies: None },
        }
    }

    #[test]
    fn profiles_get_free_ids_and_the_new_one_is_active() {
        let mut f = Family::default();
        assert_eq!(f.add_profile(pregnant("Bébé")), "p1");
        assert_eq!(f.add_profile(born("Léa")), "p2");
        assert_eq!(f.active_profile().unwrap().name, "Léa");
        f.remove_profile("p1");
        assert_eq!(f.add_profile(pregnant("Tom")), "p3", "ids are never reused while a higher one exists");
        f.set_active("p2");
        assert_eq!(f.active.as_deref(), Some("p2"));
        f.set_active("nope");
        assert_eq!(f.active.as_deref(), Some("p2"));
    }

    #[test]
    fn removing_a_profile_removes_its_data_and_moves_the_active_one() {
        let mut f = Family::default();
        let a = f.add_profile(pregnant("A"));
        let b = f.add_profile(born("B"));
        f.mark_done(&b, "vaccine-2m", date(2026, 3, 12));
        f.add_own_event(
            &b,
            OwnEvent { id: String::new(), title: "Sage-femme".into(), date: date(2026, 4, 2), note: None },
        );
        f.remove_profile(&b);
        assert!(f.done.is_empty() && f.own_events.is_empty());
        assert_eq!(f.active.as_deref(), Some(a.as_str()));
        f.remove_profile(&a);
        assert_eq!(f.active, None);
    }

    #[test]
    fn done_marks_and_own_events() {
        let mut f = Family::default();
        let p = f.add_profile(born("B"));
        assert_eq!(f.done_on(&p, "exam-2m"), None);
        f.mark_done(&p, "exam-2m", date(2026, 3, 10));
        assert_eq!(f.done_on(&p, "exam-2m"), Some(date(2026, 3, 10)));
        f.unmark_done(&p, "exam-2m");
        assert_eq!(f.done_on(&p, "exam-2m"), None);
        assert!(f.done.is_empty());

        let late =
            f.add_own_event(&p, OwnEvent { id: "x".into(), title: "Late".into(), date: date(2026, 5, 1), note: None });
        let early =
            f.add_own_event(&p, OwnEvent { id: "x".into(), title: "Early".into(), date: date(2026, 4, 1), note: None });
        assert_eq!((late.as_str(), early.as_str()), ("own1", "own2"));
        let titles: Vec<_> = f.own_events(&p).iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["Early", "Late"]);
        f.remove_own_event(&p, &late);
        assert_eq!(f.own_events(&p).len(), 1);
    }

    #[test]
    fn favourites_toggle() {
        let mut f = Family::default();
        f.toggle_favourite("safe-sleep-back");
        assert!(f.is_favourite("safe-sleep-back"));
        f.toggle_favourite("safe-sleep-back");
        assert!(!f.is_favourite("safe-sleep-back"));
    }

    #[test]
    fn the_document_round_trips_and_repairs_a_dangling_active_id() {
        let mut f = Family::default();
        let p = f.add_profile(pregnant("A"));
        f.mark_done(&p, "pregnancy-declaration", date(2026, 8, 1));
        f.toggle_favourite("m1");
        assert_eq!(Family::from_json(&f.to_json()), Ok(f.clone()));

        let mut dangling = f.clone();
        dangling.active = Some("p9".into());
        assert_eq!(Family::from_json(&dangling.to_json()).unwrap().active.as_deref(), Some("p1"));
    }

    /// A family with two profiles, marks and appointments, as a phone would hold it.
    fn sample() -> Family {
        let mut f = Family::default();
        let a = f.add_profile(pregnant("A"));
        let b = f.add_profile(born("B"));
        f.mark_done(&b, "exam-8d", date(2026, 1, 18));
        f.add_own_event(&b, OwnEvent { id: String::new(), title: "Kiné".into(), date: date(2026, 2, 3), note: None });
        f.add_own_event(
            &a,
            OwnEvent { id: String::new(), title: "Écho".into(), date: date(2026, 7, 1), note: Some("9 h".into()) },
        );
        f.toggle_favourite("safe-sleep-back");
        f
    }

    #[test]
    fn merging_a_family_into_itself_changes_nothing() {
        let f = sample();
        let mut merged = f.clone();
        assert_eq!(merged.merge(&f), Conflicts::default());
        assert_eq!(merged, f);
        assert_eq!(merged.to_json(), f.to_json());
        let mut empty = Family::default();
        assert_eq!(empty.merge(&f), Conflicts::default());
        assert_eq!(empty, f, "merging into an empty family gives the other one");
        let mut back = f.clone();
        back.merge(&Family::default());
        assert_eq!(back, f);
    }

    #[test]
    fn merging_adds_what_is_missing_and_keeps_this_phones_version_on_a_conflict() {
        let phone = sample();
        let mut file = sample();
        // The file has a third profile with a mark, one more appointment, another date for
        // a mark the phone has, and a renamed profile.
        let c = file.add_profile(born("C"));
        file.mark_done(&c, "exam-8d", date(2026, 3, 1));
        file.mark_done("p2", "exam-8d", date(2026, 1, 20));
        file.mark_done("p2", "vaccine-2m", date(2026, 3, 12));
        file.add_own_event(
            "p2",
            OwnEvent { id: String::new(), title: "Early".into(), date: date(2026, 1, 30), note: None },
        );
        file.profiles[0].name = "Renamed".into();
        file.toggle_favourite("m2");
        file.active = Some(c.clone());

        let mut merged = phone.clone();
        let conflicts = merged.merge(&file);
        assert_eq!(conflicts, Conflicts { profiles: 1, marks: 1, ..Conflicts::default() });
        assert_eq!(merged.profiles.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["A", "B", "C"]);
        assert_eq!(merged.active, phone.active, "the phone's shown profile stays");
        assert_eq!(merged.done_on("p2", "exam-8d"), Some(date(2026, 1, 18)), "the phone's date is kept");
        assert_eq!(merged.done_on("p2", "vaccine-2m"), Some(date(2026, 3, 12)));
        assert_eq!(merged.done_on(&c, "exam-8d"), Some(date(2026, 3, 1)));
        let titles: Vec<_> = merged.own_events("p2").iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["Early", "Kiné"], "kept in date order");
        assert!(merged.is_favourite("m2") && merged.is_favourite("safe-sleep-back"));
        // Merging again changes nothing: merging is idempotent.
        let again = merged.clone();
        merged.merge(&file);
        assert_eq!(merged, again);
        // An appointment with the same id but other content is a conflict.
        let mut other = phone.clone();
        other.own_events.get_mut("p2").unwrap()[0].title = "Autre".into();
        let mut m = phone.clone();
        assert_eq!(m.merge(&other).marks, 1);
        assert_eq!(m, phone);
    }

    #[test]
    fn bad_documents_are_errors() {
        assert!(matches!(Family::from_json("[]"), Err(FamilyError::Unreadable(_))));
        assert!(matches!(Family::from_json("{\"version\":1}"), Err(FamilyError::Unreadable(_))));
        assert_eq!(Family::from_json("{\"version\":2,\"profiles\":[]}"), Err(FamilyError::TooNew(2)));
        assert_eq!(Family::from_json(r#"{"version":1,"profiles":[],"active":null}"#), Ok(Family::default()));
    }

    /// Two windows: each change is applied to the family as stored, so both are kept;
    /// the same profile edited in both keeps the newest edit and says so.
    #[test]
    fn changes_from_two_windows_are_both_kept_and_an_edit_conflict_is_told() {
        use crate::domain::fixtures::{born, d};
        let mut stored = Family::default();
        let id = stored.add_profile(Profile { name: "Léa".into(), ..born(d(2026, 9, 20), None) });
        // Each window applies its change to what is stored now, one after the other.
        let window_a = |f: &mut Family| f.mark_done(&id, "exam-8d", d(2026, 9, 25));
        let window_b = |f: &mut Family| f.mark_done(&id, "vaccine-2m", d(2026, 11, 20));
        window_a(&mut stored);
        window_b(&mut stored);
        assert_eq!(stored.done[&id].len(), 2, "neither mark undone");

        // Both windows opened the editor on Léa; B saved "Léa Marie" first.
        let base = stored.profile(&id).unwrap().clone();
        assert_eq!(stored.save_edit(&base, Profile { name: "Léa Marie".into(), ..base.clone() }), EditOutcome::Saved);
        let a_edit = Profile { name: "Léa M.".into(), ..base.clone() };
        assert_eq!(stored.save_edit(&base, a_edit), EditOutcome::ChangedElsewhere);
        assert_eq!(stored.profile(&id).unwrap().name, "Léa M.", "the newest edit is kept");
        assert_eq!(stored.done[&id].len(), 2, "the marks stay with the profile");

        // Deleted in one window while edited in the other: the edit comes back, as a new profile.
        stored.remove_profile(&id);
        assert_eq!(
            stored.save_edit(&base, Profile { name: "Léa".into(), ..base.clone() }),
            EditOutcome::RemovedElsewhere
        );
        assert_eq!(stored.profiles.len(), 1);
        assert_eq!(stored.profiles[0].name, "Léa");
    }
}
