//! Where the parent is in the questionnaire: the introduction (who answers, when), one
//! item a screen, then the safety screen when item 10 scored above 0, then the result.
//!
//! The questionnaire being filled in is kept in memory only, never stored: leaving the
//! page and coming back finds the answers where they were; closing the app forgets them.
//! Only a completed check is stored (as points, see `epds_store`).

use crate::domain::calendar::Status;
use crate::domain::epds::{Answers, Check, Items, Respondent, When, ITEM_COUNT};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::cell::Cell;

/// The screen of the questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Intro,
    /// The item numbered 1-10.
    Item(u8),
    /// Item 10 scored above 0: before any score.
    Safety,
    /// Shown here only when the check could not be saved (otherwise the result has its
    /// own page).
    Result,
}

/// The completed check, and its number in the history once saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Done {
    pub check: Check,
    pub number: Option<usize>,
}

/// Where the Back button took the questionnaire (see [`Flow::back_key`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackKey {
    /// To the item before: the questionnaire stays open.
    Previous,
    /// From item 1 to the introduction.
    Intro,
    /// Out of the questionnaire.
    Leave,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flow {
    pub respondent: Option<Respondent>,
    pub when: Option<When>,
    pub answers: Answers,
    pub step: Step,
    pub done: Option<Done>,
}

impl Default for Flow {
    fn default() -> Self {
        Flow { respondent: None, when: None, answers: Answers::new(), step: Step::Intro, done: None }
    }
}

/// When a check is taken, from the active profile: during pregnancy or after the birth
/// (nothing while trying to conceive).
pub fn when_of(status: &Status) -> Option<When> {
    match status {
        Status::Pregnant { .. } => Some(When::Pregnancy),
        Status::Born { .. } => Some(When::Postpartum),
        Status::TryingToConceive => None,
    }
}

impl Flow {
    /// A new questionnaire, "when" chosen from the active profile if there is one.
    pub fn new(when: Option<When>) -> Flow {
        Flow { when, ..Flow::default() }
    }

    /// Nothing chosen or answered yet.
    pub fn is_untouched(&self) -> bool {
        self.respondent.is_none() && self.answers.answered() == 0 && self.step == Step::Intro && self.done.is_none()
    }

    /// Started and not finished: the main page offers to continue.
    pub fn in_progress(&self) -> bool {
        self.done.is_none() && (self.step != Step::Intro || self.answers.answered() > 0)
    }

    /// Who answers and when are both chosen.
    pub fn can_start(&self) -> bool {
        self.respondent.is_some() && self.when.is_some()
    }

    /// From the introduction to the first item not answered yet (item 1 on a first start).
    pub fn start(&mut self) -> bool {
        if self.step != Step::Intro || !self.can_start() {
            return false;
        }
        self.step = Step::Item(1);
        true
    }

    /// The item on screen.
    pub fn item(&self) -> Option<u8> {
        match self.step {
            Step::Item(n) => Some(n),
            _ => None,
        }
    }

    /// Chooses answer `answer` (0-based) for the item on screen.
    pub fn choose(&mut self, answer: u8) -> bool {
        match self.item() {
            Some(n) => self.answers.choose(n, answer).is_ok(),
            None => false,
        }
    }

    /// The item on screen is answered.
    pub fn can_go_on(&self) -> bool {
        self.item().is_some_and(|n| self.answers.chosen(n).is_some())
    }

    /// The item on screen is the last one.
    pub fn is_last(&self) -> bool {
        self.item() == Some(ITEM_COUNT as u8)
    }

    /// To the next item, once the one on screen is answered (not from the last one: see
    /// [`Flow::finish`]).
    pub fn forward(&mut self) -> bool {
        match self.item() {
            Some(n) if self.can_go_on() && usize::from(n) < ITEM_COUNT => {
                self.step = Step::Item(n + 1);
                true
            }
            _ => false,
        }
    }

    /// To the item before (the introduction from item 1); every answer is kept.
    pub fn back(&mut self) -> bool {
        match self.item() {
            Some(1) => self.step = Step::Intro,
            Some(n) => self.step = Step::Item(n - 1),
            None => return false,
        }
        true
    }

    /// The phone's (or browser's) Back button in the questionnaire: on an item, like
    /// "Previous"; on the safety screen or a result, out of the questionnaire.
    pub fn back_key(&mut self) -> BackKey {
        match self.step {
            Step::Item(n) if n > 1 => {
                self.step = Step::Item(n - 1);
                BackKey::Previous
            }
            Step::Item(_) => {
                self.step = Step::Intro;
                BackKey::Intro
            }
            Step::Intro | Step::Safety | Step::Result => BackKey::Leave,
        }
    }

    /// After the last answer: the completed check of `today`, scored with `items` (the
    /// items the answers were given to). The next screen is the safety screen when item
    /// 10 scored above 0, whatever the total; the result otherwise.
    pub fn finish(&mut self, items: &Items, today: NaiveDate) -> Option<Check> {
        if !self.is_last() || !self.can_go_on() {
            return None;
        }
        let (respondent, when) = (self.respondent?, self.when?);
        let result = items.score(&self.answers, respondent).ok()?;
        let check = Check::new(today, when, &result);
        self.step = if result.self_harm { Step::Safety } else { Step::Result };
        self.done = Some(Done { check: check.clone(), number: None });
        Some(check)
    }

    /// The completed check was saved as number `number` (`None`: it could not be).
    pub fn saved(&mut self, number: Option<usize>) {
        if let Some(done) = self.done.as_mut() {
            done.number = number;
        }
    }

    /// From the safety screen to the result.
    pub fn to_result(&mut self) {
        if self.step == Step::Safety {
            self.step = Step::Result;
        }
    }
}

thread_local! {
    static FLOW: Cell<Option<RwSignal<Flow>>> = const { Cell::new(None) };
}

/// The questionnaire in progress, shared by the well-being pages for as long as the app
/// is open.
pub fn use_flow() -> RwSignal<Flow> {
    FLOW.with(|cell| match cell.get() {
        Some(flow) => flow,
        None => {
            let flow = crate::store::in_app_owner(|| RwSignal::new(Flow::default()));
            cell.set(Some(flow));
            flow
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::epds::Tier;

    const FR: &str = include_str!("../../../locales/fr/epds.json");

    fn items() -> Items {
        Items::from_json(FR).unwrap()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    /// The index of the answer worth `points` to item `n`.
    fn worth(items: &Items, n: u8, points: u8) -> u8 {
        items.item(n).unwrap().answers.iter().position(|a| a.points == points).unwrap() as u8
    }

    fn answer_all(flow: &mut Flow, items: &Items, points: [u8; 10]) {
        for (i, p) in points.into_iter().enumerate() {
            let n = i as u8 + 1;
            assert_eq!(flow.item(), Some(n));
            assert!(!flow.can_go_on() || flow.answers.chosen(n).is_some());
            assert!(flow.choose(worth(items, n, p)));
            assert!(flow.can_go_on());
            if n < 10 {
                assert!(flow.forward());
            }
        }
    }

    #[test]
    fn it_starts_only_once_who_and_when_are_chosen() {
        let mut flow = Flow::new(None);
        assert!(flow.is_untouched());
        assert!(!flow.in_progress());
        assert!(!flow.start());
        flow.respondent = Some(Respondent::Mother);
        assert!(!flow.start(), "when is missing");
        flow.when = Some(When::Postpartum);
        assert!(flow.start());
        assert_eq!(flow.step, Step::Item(1));
        assert!(flow.in_progress());
        assert!(!flow.start(), "already started");
        let flow = Flow::new(Some(When::Pregnancy));
        assert_eq!(flow.when, Some(When::Pregnancy));
        assert!(flow.is_untouched());
    }

    #[test]
    fn forward_waits_for_an_answer_and_back_keeps_every_answer() {
        let items = items();
        let mut flow = Flow::new(Some(When::Postpartum));
        flow.respondent = Some(Respondent::SecondParent);
        flow.start();
        assert!(!flow.can_go_on());
        assert!(!flow.forward(), "item 1 is not answered");
        assert_eq!(flow.step, Step::Item(1));
        assert!(flow.choose(2));
        assert!(flow.forward());
        assert!(flow.choose(worth(&items, 2, 1)));
        assert!(flow.forward());
        assert_eq!(flow.step, Step::Item(3));
        assert!(flow.back());
        assert_eq!(flow.step, Step::Item(2));
        assert_eq!(flow.answers.chosen(2), Some(worth(&items, 2, 1)));
        assert!(flow.back());
        assert_eq!(flow.answers.chosen(1), Some(2));
        assert!(flow.back());
        assert_eq!(flow.step, Step::Intro);
        assert!(flow.in_progress(), "answers are kept on the introduction");
        assert!(!flow.back());
        assert!(!flow.choose(0), "no item on the introduction");
        // Starting again goes to item 1, answered: forward at once.
        assert!(flow.start());
        assert!(flow.can_go_on());
    }

    #[test]
    fn the_back_key_goes_back_an_item_then_to_the_introduction_and_leaves_a_finished_check() {
        let items = items();
        let mut flow = Flow::new(Some(When::Postpartum));
        flow.respondent = Some(Respondent::Mother);
        flow.start();
        flow.choose(0);
        flow.forward();
        assert_eq!(flow.back_key(), BackKey::Previous);
        assert_eq!(flow.step, Step::Item(1));
        assert_eq!(flow.answers.chosen(1), Some(0), "the answer is kept");
        assert_eq!(flow.back_key(), BackKey::Intro);
        assert_eq!(flow.step, Step::Intro);
        assert_eq!(flow.back_key(), BackKey::Leave);
        // Through to the end: Back then leaves, and does not reopen a saved check.
        flow.start();
        for n in 1..=10 {
            assert_eq!(flow.step, Step::Item(n));
            flow.choose(0);
            if n < 10 {
                flow.forward();
            }
        }
        assert!(flow.finish(&items, today()).is_some());
        let step = flow.step;
        assert_eq!(flow.back_key(), BackKey::Leave);
        assert_eq!(flow.step, step);
    }

    #[test]
    fn item_ten_above_zero_leads_to_the_safety_screen_whatever_the_total() {
        let items = items();
        let mut flow = Flow::new(Some(When::Postpartum));
        flow.respondent = Some(Respondent::Mother);
        flow.start();
        answer_all(&mut flow, &items, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
        assert!(flow.is_last());
        assert!(!flow.forward(), "no item after the last");
        let check = flow.finish(&items, today()).unwrap();
        assert_eq!(check.total, 1);
        assert_eq!(check.tier, Tier::Low);
        assert!(check.self_harm());
        assert_eq!(flow.step, Step::Safety);
        assert_eq!(flow.done, Some(Done { check: check.clone(), number: None }));
        assert!(!flow.in_progress());
        flow.saved(Some(3));
        assert_eq!(flow.done.as_ref().unwrap().number, Some(3));
        flow.to_result();
        assert_eq!(flow.step, Step::Result);
        assert_eq!(flow.finish(&items, today()), None, "finished once");
    }

    #[test]
    fn low_answers_go_straight_to_the_result() {
        let items = items();
        let mut flow = Flow::new(Some(When::Pregnancy));
        flow.respondent = Some(Respondent::Mother);
        flow.start();
        answer_all(&mut flow, &items, [1, 0, 1, 0, 0, 1, 0, 0, 0, 0]);
        let check = flow.finish(&items, today()).unwrap();
        assert_eq!((check.total, check.tier, check.when, check.date), (3, Tier::Low, When::Pregnancy, today()));
        assert!(!check.self_harm());
        assert_eq!(flow.step, Step::Result);
    }

    #[test]
    fn finishing_needs_the_last_item_answered() {
        let items = items();
        let mut flow = Flow::new(Some(When::Pregnancy));
        flow.respondent = Some(Respondent::Mother);
        assert_eq!(flow.finish(&items, today()), None);
        flow.start();
        for _ in 1..10 {
            flow.choose(0);
            flow.forward();
        }
        assert!(flow.is_last());
        assert_eq!(flow.finish(&items, today()), None);
        flow.choose(3);
        assert!(flow.finish(&items, today()).is_some());
    }

    #[test]
    fn when_follows_the_profile() {
        assert_eq!(when_of(&Status::TryingToConceive), None);
        let born = Status::Born { birth_date: today(), term_at_birth: None, due_date: None, babies: None };
        assert_eq!(when_of(&born), Some(When::Postpartum));
    }
}
