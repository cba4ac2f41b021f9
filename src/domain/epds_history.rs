//! The history of EPDS checks kept on the device: a versioned document holding every
//! completed [`Check`], oldest first, with what the well-being pages need from it (the
//! latest check, whether a retake may be suggested, the geometry of the chart of totals).
//!
//! Checks are numbered from 1 in the order of the document (by date, then in the order
//! they were taken); a number is what the result and print pages are addressed by.
//!
//! Plain Rust, no browser API: tested natively.

use super::decimal::short;
use super::epds::{retake_due, Check, CheckError, Level, Respondent, Tier, MAX_TOTAL};
use chrono::NaiveDate;
use serde::Serialize;
use std::fmt;

/// The version of the history document this build writes.
pub const HISTORY_VERSION: u32 = 1;

/// Every completed check, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct History {
    pub version: u32,
    checks: Vec<Check>,
}

impl Default for History {
    fn default() -> Self {
        History { version: HISTORY_VERSION, checks: Vec::new() }
    }
}

/// Why a stored history was refused (the store keeps the text aside, untouched).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HistoryError {
    /// Not JSON, not of the expected shape, or without a known version.
    Unreadable(String),
    /// Written by a newer Cocon.
    TooNew(u64),
    /// The check at this 1-based position was refused.
    BadCheck { number: usize, error: CheckError },
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HistoryError::Unreadable(detail) => write!(f, "EPDS history unreadable: {detail}"),
            HistoryError::TooNew(v) => write!(f, "EPDS history has version {v}, newer than {HISTORY_VERSION}"),
            HistoryError::BadCheck { number, error } => write!(f, "EPDS history, check {number}: {error}"),
        }
    }
}

impl std::error::Error for HistoryError {}

/// Which respondent is due a retake, and since when (see [`History::retake_suggestion`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retake {
    pub respondent: Respondent,
    /// The date of that respondent's latest check.
    pub last: NaiveDate,
    /// That check answered item 10 above 0: the suggestion says where to talk now.
    pub self_harm: bool,
}

impl History {
    pub fn new() -> History {
        History::default()
    }

    /// The checks, oldest first (check number `n` is `checks()[n - 1]`).
    pub fn checks(&self) -> &[Check] {
        &self.checks
    }

    pub fn is_empty(&self) -> bool {
        self.checks.is_empty()
    }

    pub fn len(&self) -> usize {
        self.checks.len()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a history always serialises")
    }

    /// Reads a stored history: every check is read and checked as [`Check::from_json`]
    /// does, and the checks are put back in date order.
    pub fn from_json(text: &str) -> Result<History, HistoryError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| HistoryError::Unreadable(e.to_string()))?;
        let object = value.as_object().ok_or_else(|| HistoryError::Unreadable("not an object".into()))?;
        match object.get("version").and_then(serde_json::Value::as_u64) {
            Some(v) if v == u64::from(HISTORY_VERSION) => {}
            Some(v) if v > u64::from(HISTORY_VERSION) => return Err(HistoryError::TooNew(v)),
            _ => return Err(HistoryError::Unreadable("no known version".into())),
        }
        if let Some(unknown) = object.keys().find(|k| *k != "version" && *k != "checks") {
            return Err(HistoryError::Unreadable(format!("unknown field `{unknown}`")));
        }
        let raw = object
            .get("checks")
            .and_then(serde_json::Value::as_array)
            .ok_or_else(|| HistoryError::Unreadable("`checks` is not a list".into()))?;
        let mut history = History::new();
        for (i, value) in raw.iter().enumerate() {
            let check = Check::from_json(&value.to_string())
                .map_err(|error| HistoryError::BadCheck { number: i + 1, error })?;
            history.add(check);
        }
        Ok(history)
    }

    /// Adds a check after every check of the same date or earlier, and returns its number.
    pub fn add(&mut self, check: Check) -> usize {
        let at = self.checks.partition_point(|c| c.date <= check.date);
        self.checks.insert(at, check);
        at + 1
    }

    /// Adds the checks of `other` that this history lacks, for an import that merges
    /// (see [`super::backup`]). A check has no id: two checks are the same when every
    /// field is (day, respondent, moment, answers), and each is counted, so a check taken
    /// twice the same day with the same answers stays twice. Returns how many were added;
    /// merging a history into itself adds none.
    pub fn merge(&mut self, other: &History) -> usize {
        let mut added = 0;
        for (i, check) in other.checks.iter().enumerate() {
            // This is the n-th copy of `check` in `other`: add it if this history has fewer.
            let nth = other.checks[..=i].iter().filter(|c| *c == check).count();
            if self.checks.iter().filter(|c| *c == check).count() < nth {
                self.add(check.clone());
                added += 1;
            }
        }
        added
    }

    /// The check numbered `number` (from 1).
    pub fn get(&self, number: usize) -> Option<&Check> {
        self.checks.get(number.checked_sub(1)?)
    }

    /// Deletes the check numbered `number` (from 1) and returns it; later checks move
    /// down by one.
    pub fn delete(&mut self, number: usize) -> Option<Check> {
        let index = number.checked_sub(1).filter(|&i| i < self.checks.len())?;
        Some(self.checks.remove(index))
    }

    /// The latest check (of the latest date; the last one taken on that date).
    pub fn latest(&self) -> Option<&Check> {
        self.checks.last()
    }

    /// The latest check of this respondent.
    pub fn latest_for(&self, respondent: Respondent) -> Option<&Check> {
        self.checks.iter().rev().find(|c| c.respondent == respondent)
    }

    /// The respondents who have checks, in the order of [`Respondent::ALL`].
    pub fn respondents(&self) -> Vec<Respondent> {
        Respondent::ALL.into_iter().filter(|&r| self.latest_for(r).is_some()).collect()
    }

    /// The numbers (from 1) of this respondent's checks, oldest first.
    pub fn numbers_for(&self, respondent: Respondent) -> Vec<usize> {
        (1..=self.checks.len()).filter(|&n| self.checks[n - 1].respondent == respondent).collect()
    }

    /// Whether to suggest a new check on `today`: for each respondent who has taken one,
    /// their latest check is at least 14 days old ([`retake_due`]). When both are due,
    /// the one waiting longest is named. Nothing is suggested to someone who never took it.
    pub fn retake_suggestion(&self, today: NaiveDate) -> Option<Retake> {
        Respondent::ALL
            .into_iter()
            .filter_map(|respondent| {
                let latest = self.latest_for(respondent)?;
                let (last, self_harm) = (latest.date, latest.self_harm());
                retake_due(last, today).then_some(Retake { respondent, last, self_harm })
            })
            .min_by_key(|r| r.last)
    }
}

// ---- the chart of totals ----

/// The frame of the chart, in SVG user units (the SVG's `viewBox` is
/// `0 0 width height`); the plot area is inside the margins.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartFrame {
    pub width: f64,
    pub height: f64,
    /// Room for the score labels of the vertical axis.
    pub left: f64,
    /// Room for the threshold labels.
    pub right: f64,
    pub top: f64,
    /// Room for the date labels.
    pub bottom: f64,
}

impl Default for ChartFrame {
    fn default() -> Self {
        ChartFrame { width: 320.0, height: 200.0, left: 28.0, right: 72.0, top: 12.0, bottom: 28.0 }
    }
}

impl ChartFrame {
    pub fn plot_left(&self) -> f64 {
        self.left
    }
    pub fn plot_right(&self) -> f64 {
        self.width - self.right
    }
    pub fn plot_top(&self) -> f64 {
        self.top
    }
    pub fn plot_bottom(&self) -> f64 {
        self.height - self.bottom
    }

    /// The vertical position of a total: 0 at the bottom of the plot, 30 at its top.
    pub fn y_of(&self, total: u8) -> f64 {
        let share = f64::from(total.min(MAX_TOTAL)) / f64::from(MAX_TOTAL);
        round(self.plot_bottom() - share * (self.plot_bottom() - self.plot_top()))
    }

    /// The horizontal position of the `i`-th of `count` points: evenly spaced from the
    /// left to the right of the plot, a single point in the middle.
    pub fn x_of(&self, i: usize, count: usize) -> f64 {
        let (left, right) = (self.plot_left(), self.plot_right());
        if count <= 1 {
            return round((left + right) / 2.0);
        }
        round(left + (right - left) * i as f64 / (count - 1) as f64)
    }
}

/// One check on the chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartPoint {
    pub x: f64,
    pub y: f64,
    /// The check's number in the history (from 1).
    pub number: usize,
    pub date: NaiveDate,
    pub total: u8,
    /// What the check is called: its tier, or item 10 above 0 (see [`Level`]).
    pub level: Level,
}

/// A horizontal line where a band starts (the first score of the band).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ThresholdLine {
    /// The band that starts at this line.
    pub tier: Tier,
    /// The first score of the band.
    pub value: u8,
    pub y: f64,
}

/// A label of the vertical axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tick {
    pub value: u8,
    pub y: f64,
}

/// Everything needed to draw one respondent's totals over time.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub frame: ChartFrame,
    pub respondent: Respondent,
    /// Oldest first.
    pub points: Vec<ChartPoint>,
    /// The `points` attribute of the polyline joining the points ("x,y x,y ...").
    pub line: String,
    /// Moderate, then high, at the respondent's thresholds.
    pub thresholds: [ThresholdLine; 2],
    /// 0, 10, 20, 30.
    pub ticks: Vec<Tick>,
}

/// The chart of this respondent's checks, or `None` if they have none.
pub fn chart(history: &History, respondent: Respondent, frame: ChartFrame) -> Option<Chart> {
    let numbers = history.numbers_for(respondent);
    if numbers.is_empty() {
        return None;
    }
    let count = numbers.len();
    let points: Vec<ChartPoint> = numbers
        .iter()
        .enumerate()
        .map(|(i, &number)| {
            let check = &history.checks()[number - 1];
            ChartPoint {
                x: frame.x_of(i, count),
                y: frame.y_of(check.total),
                number,
                date: check.date,
                total: check.total,
                level: check.level(),
            }
        })
        .collect();
    let line = points.iter().map(|p| format!("{},{}", short(p.x, 1), short(p.y, 1))).collect::<Vec<_>>().join(" ");
    let t = respondent.thresholds();
    let thresholds = [
        ThresholdLine { tier: Tier::Moderate, value: t.moderate_from, y: frame.y_of(t.moderate_from) },
        ThresholdLine { tier: Tier::High, value: t.high_from, y: frame.y_of(t.high_from) },
    ];
    let ticks = (0..=MAX_TOTAL).step_by(10).map(|value| Tick { value, y: frame.y_of(value) }).collect();
    Some(Chart { frame, respondent, points, line, thresholds, ticks })
}

/// Rounds to a tenth of a unit: short, stable SVG attributes.
fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The EPDS history under the key `epds`.
impl super::document::Document for History {
    const KEY: &'static str = "epds";
    const VERSION: u32 = HISTORY_VERSION;
    fn to_json(&self) -> String {
        History::to_json(self)
    }
    fn read(text: &str) -> Result<History, super::document::Problem> {
        History::from_json(text).map_err(|e| match e {
            HistoryError::TooNew(_) => super::document::Problem::TooNew,
            other => super::document::Problem::Unreadable(other.to_string()),
        })
    }
    fn counts(&self) -> super::document::Counts {
        super::document::Counts { checks: self.len(), ..Default::default() }
    }
    /// Checks have no id: there is never a conflict, only checks added.
    fn merge(&mut self, theirs: &History) -> super::document::Counts {
        History::merge(self, theirs);
        super::document::Counts::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::epds::{EpdsResult, When, CHECK_VERSION};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A check whose total is `total` (spread over the items, item 10 at 0).
    fn check(on: NaiveDate, respondent: Respondent, total: u8) -> Check {
        let mut points = [0u8; 10];
        let mut left = total;
        for p in points.iter_mut().take(9) {
            *p = left.min(3);
            left -= *p;
        }
        assert_eq!(left, 0, "at most 27 without item 10");
        let result = EpdsResult::from_points(points, respondent).unwrap();
        Check::new(on, When::Postpartum, &result)
    }

    #[test]
    fn checks_are_kept_in_date_order_and_numbered_from_one() {
        let mut h = History::new();
        assert!(h.is_empty());
        assert_eq!(h.latest(), None);
        assert_eq!(h.add(check(date(2026, 11, 1), Respondent::Mother, 5)), 1);
        assert_eq!(h.add(check(date(2026, 11, 20), Respondent::Mother, 12)), 2);
        // An earlier date goes before; the same date goes after the ones already there.
        assert_eq!(h.add(check(date(2026, 10, 15), Respondent::SecondParent, 3)), 1);
        assert_eq!(h.add(check(date(2026, 11, 20), Respondent::Mother, 14)), 4);
        let totals: Vec<u8> = h.checks().iter().map(|c| c.total).collect();
        assert_eq!(totals, [3, 5, 12, 14]);
        assert_eq!(h.len(), 4);
        assert_eq!(h.get(1).unwrap().total, 3);
        assert_eq!(h.get(4).unwrap().total, 14);
        assert_eq!(h.get(0), None);
        assert_eq!(h.get(5), None);
        assert_eq!(h.latest().unwrap().total, 14);
        assert_eq!(h.latest_for(Respondent::SecondParent).unwrap().total, 3);
        assert_eq!(h.respondents(), [Respondent::Mother, Respondent::SecondParent]);
        assert_eq!(h.numbers_for(Respondent::Mother), [2, 3, 4]);
    }

    #[test]
    fn a_check_is_deleted_by_its_number() {
        let mut h = History::new();
        for (d, total) in [(1, 4), (2, 8), (3, 15)] {
            h.add(check(date(2026, 11, d), Respondent::Mother, total));
        }
        assert_eq!(h.delete(0), None);
        assert_eq!(h.delete(4), None);
        assert_eq!(h.delete(2).unwrap().total, 8);
        assert_eq!(h.checks().iter().map(|c| c.total).collect::<Vec<_>>(), [4, 15]);
        assert_eq!(h.get(2).unwrap().total, 15);
        assert_eq!(h.delete(2).unwrap().total, 15);
        assert_eq!(h.latest().unwrap().total, 4);
        assert_eq!(h.delete(1).unwrap().total, 4);
        assert!(h.is_empty());
        assert_eq!(h.latest(), None);
        assert_eq!(h.respondents(), []);
    }

    #[test]
    fn the_document_round_trips_with_a_stable_shape() {
        let mut h = History::new();
        h.add(check(date(2026, 11, 9), Respondent::SecondParent, 7));
        h.add(check(date(2026, 11, 2), Respondent::Mother, 2));
        let json = h.to_json();
        assert!(
            json.starts_with(r#"{"version":1,"checks":[{"version":1,"date":"2026-11-02","respondent":"mother""#),
            "{json}"
        );
        assert_eq!(History::from_json(&json), Ok(h.clone()));
        assert_eq!(History::from_json(&History::new().to_json()), Ok(History::new()));
        assert_eq!(History::new().to_json(), r#"{"version":1,"checks":[]}"#);
        assert_eq!(h.checks()[0].version, CHECK_VERSION);
    }

    #[test]
    fn stored_checks_out_of_order_are_sorted() {
        let mut h = History::new();
        h.add(check(date(2026, 11, 2), Respondent::Mother, 2));
        h.add(check(date(2026, 11, 9), Respondent::Mother, 9));
        let json = h.to_json();
        let first = serde_json::to_string(&h.checks()[0]).unwrap();
        let second = serde_json::to_string(&h.checks()[1]).unwrap();
        let swapped = format!(r#"{{"version":1,"checks":[{second},{first}]}}"#);
        assert_ne!(swapped, json);
        assert_eq!(History::from_json(&swapped), Ok(h));
    }

    #[test]
    fn unreadable_newer_or_inconsistent_documents_are_refused() {
        assert!(matches!(History::from_json("nope"), Err(HistoryError::Unreadable(_))));
        assert!(matches!(History::from_json("[]"), Err(HistoryError::Unreadable(_))));
        assert!(matches!(History::from_json(r#"{"checks":[]}"#), Err(HistoryError::Unreadable(_))));
        assert!(matches!(History::from_json(r#"{"version":1}"#), Err(HistoryError::Unreadable(_))));
        assert!(matches!(History::from_json(r#"{"version":1,"checks":{}}"#), Err(HistoryError::Unreadable(_))));
        assert!(matches!(
            History::from_json(r#"{"version":1,"checks":[],"extra":true}"#),
            Err(HistoryError::Unreadable(_))
        ));
        assert_eq!(History::from_json(r#"{"version":2,"checks":[]}"#), Err(HistoryError::TooNew(2)));
        let mut h = History::new();
        h.add(check(date(2026, 11, 2), Respondent::Mother, 2));
        h.add(check(date(2026, 11, 9), Respondent::Mother, 9));
        let json = h.to_json();
        let bad_total = json.replacen(r#""total":9"#, r#""total":10"#, 1);
        assert_eq!(
            History::from_json(&bad_total),
            Err(HistoryError::BadCheck { number: 2, error: CheckError::Inconsistent("total") })
        );
    }

    #[test]
    fn merging_adds_the_missing_checks_once_and_is_idempotent() {
        let mut phone = History::new();
        phone.add(check(date(2026, 11, 2), Respondent::Mother, 2));
        phone.add(check(date(2026, 11, 9), Respondent::Mother, 9));
        let mut itself = phone.clone();
        assert_eq!(itself.merge(&phone), 0);
        assert_eq!(itself, phone);

        let mut file = History::new();
        file.add(check(date(2026, 11, 9), Respondent::Mother, 9));
        file.add(check(date(2026, 10, 1), Respondent::SecondParent, 5));
        // The same answers twice on one day are two checks.
        file.add(check(date(2026, 11, 2), Respondent::Mother, 2));
        file.add(check(date(2026, 11, 2), Respondent::Mother, 2));
        let mut merged = phone.clone();
        assert_eq!(merged.merge(&file), 2);
        let seen: Vec<(NaiveDate, u8)> = merged.checks().iter().map(|c| (c.date, c.total)).collect();
        assert_eq!(
            seen,
            [(date(2026, 10, 1), 5), (date(2026, 11, 2), 2), (date(2026, 11, 2), 2), (date(2026, 11, 9), 9)]
        );
        let again = merged.clone();
        assert_eq!(merged.merge(&file), 0);
        assert_eq!(merged.merge(&phone), 0);
        assert_eq!(merged, again);
    }

    #[test]
    fn a_retake_is_suggested_fourteen_days_after_each_respondents_last_check() {
        let mut h = History::new();
        let today = date(2026, 11, 23);
        assert_eq!(h.retake_suggestion(today), None, "never to someone who never took it");
        h.add(check(date(2026, 11, 10), Respondent::Mother, 4)); // 13 days
        assert_eq!(h.retake_suggestion(today), None);
        assert_eq!(
            h.retake_suggestion(date(2026, 11, 24)),
            Some(Retake { respondent: Respondent::Mother, last: date(2026, 11, 10), self_harm: false })
        );
        // An older check does not count once a newer one is there.
        h.add(check(date(2026, 10, 1), Respondent::Mother, 4));
        assert_eq!(h.retake_suggestion(today), None);
        // The second parent's last check is 20 days old: due, even though the mother's is not.
        h.add(check(date(2026, 11, 3), Respondent::SecondParent, 4));
        assert_eq!(
            h.retake_suggestion(today),
            Some(Retake { respondent: Respondent::SecondParent, last: date(2026, 11, 3), self_harm: false })
        );
        // Both due: the one waiting longest is named.
        assert_eq!(
            h.retake_suggestion(date(2026, 12, 31)),
            Some(Retake { respondent: Respondent::SecondParent, last: date(2026, 11, 3), self_harm: false })
        );
        // A clock set back never suggests.
        assert_eq!(h.retake_suggestion(date(2026, 1, 1)), None);
        // Deleting the latest check brings back the one before.
        let mut h = History::new();
        h.add(check(date(2026, 11, 1), Respondent::Mother, 4));
        let n = h.add(check(date(2026, 11, 20), Respondent::Mother, 4));
        assert_eq!(h.retake_suggestion(today), None);
        h.delete(n);
        assert_eq!(h.retake_suggestion(today).map(|r| r.last), Some(date(2026, 11, 1)));
    }

    #[test]
    fn the_frame_maps_totals_and_positions() {
        let f = ChartFrame::default();
        assert_eq!((f.plot_left(), f.plot_right(), f.plot_top(), f.plot_bottom()), (28.0, 248.0, 12.0, 172.0));
        assert_eq!(f.y_of(0), 172.0);
        assert_eq!(f.y_of(30), 12.0);
        assert_eq!(f.y_of(15), 92.0);
        assert_eq!(f.y_of(99), 12.0, "clamped to the top");
        assert_eq!(f.x_of(0, 1), 138.0);
        assert_eq!(f.x_of(0, 3), 28.0);
        assert_eq!(f.x_of(1, 3), 138.0);
        assert_eq!(f.x_of(2, 3), 248.0);
        // 160 units for 30 points: a tenth of a unit at most off.
        assert_eq!(f.y_of(9), 124.0);
        assert_eq!(f.y_of(13), 102.7);
    }

    #[test]
    fn the_chart_of_one_respondent_has_its_points_in_order_and_its_thresholds() {
        let mut h = History::new();
        h.add(check(date(2026, 10, 1), Respondent::Mother, 14));
        h.add(check(date(2026, 10, 5), Respondent::SecondParent, 8));
        h.add(check(date(2026, 10, 20), Respondent::Mother, 10));
        h.add(check(date(2026, 11, 5), Respondent::Mother, 3));
        let f = ChartFrame::default();

        let mother = chart(&h, Respondent::Mother, f).unwrap();
        assert_eq!(mother.points.len(), 3);
        assert_eq!(mother.points.iter().map(|p| p.number).collect::<Vec<_>>(), [1, 3, 4]);
        assert_eq!(mother.points.iter().map(|p| p.total).collect::<Vec<_>>(), [14, 10, 3]);
        assert_eq!(
            mother.points.iter().map(|p| p.level).collect::<Vec<_>>(),
            [Level::High, Level::Moderate, Level::Low]
        );
        assert_eq!(mother.points.iter().map(|p| p.x).collect::<Vec<_>>(), [28.0, 138.0, 248.0]);
        assert_eq!(mother.points.iter().map(|p| p.y).collect::<Vec<_>>(), [f.y_of(14), f.y_of(10), f.y_of(3)]);
        assert_eq!(mother.points[0].date, date(2026, 10, 1));
        assert_eq!(mother.line, format!("28,{} 138,{} 248,{}", f.y_of(14), f.y_of(10), f.y_of(3)));
        assert_eq!(
            mother.thresholds,
            [
                ThresholdLine { tier: Tier::Moderate, value: 9, y: f.y_of(9) },
                ThresholdLine { tier: Tier::High, value: 13, y: f.y_of(13) }
            ]
        );
        // Higher scores are drawn higher up.
        assert!(mother.thresholds[1].y < mother.thresholds[0].y);
        assert!(mother.points[0].y < mother.points[2].y);
        assert_eq!(mother.ticks.iter().map(|t| t.value).collect::<Vec<_>>(), [0, 10, 20, 30]);
        assert_eq!(mother.ticks[0].y, f.plot_bottom());
        assert_eq!(mother.ticks[3].y, f.plot_top());

        let second = chart(&h, Respondent::SecondParent, f).unwrap();
        assert_eq!(second.points.len(), 1);
        assert_eq!((second.points[0].x, second.points[0].number), (138.0, 2));
        assert_eq!(second.line, format!("138,{}", f.y_of(8)));
        assert_eq!(second.thresholds.map(|t| t.value), [7, 10]);

        assert_eq!(chart(&History::new(), Respondent::Mother, f), None);
        let mut only_mother = History::new();
        only_mother.add(check(date(2026, 10, 1), Respondent::Mother, 1));
        assert_eq!(chart(&only_mother, Respondent::SecondParent, f), None);
    }

    #[test]
    fn every_point_stays_inside_the_plot() {
        let f = ChartFrame { width: 300.0, height: 150.0, left: 20.0, right: 40.0, top: 10.0, bottom: 20.0 };
        let mut h = History::new();
        for (i, total) in [0u8, 27, 13, 1, 26, 9].into_iter().enumerate() {
            h.add(check(date(2026, 1, 1 + i as u32), Respondent::Mother, total));
        }
        let c = chart(&h, Respondent::Mother, f).unwrap();
        for p in &c.points {
            assert!((f.plot_left()..=f.plot_right()).contains(&p.x), "{p:?}");
            assert!((f.plot_top()..=f.plot_bottom()).contains(&p.y), "{p:?}");
        }
        let xs: Vec<f64> = c.points.iter().map(|p| p.x).collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]), "left to right in date order: {xs:?}");
        assert_eq!(c.points[0].y, f.plot_bottom());
    }

    /// A check of this total whose item 10 scored `item_10` (the rest spread as [`check`]).
    fn check_with_item_10(on: NaiveDate, respondent: Respondent, total: u8, item_10: u8) -> Check {
        let mut points = [0u8; 10];
        points[9] = item_10;
        let mut left = total - item_10;
        for p in points.iter_mut().take(9) {
            let take = left.min(3);
            *p = take;
            left -= take;
        }
        Check::new(on, When::Postpartum, &EpdsResult::from_points(points, respondent).unwrap())
    }

    #[test]
    fn a_check_with_item_10_above_zero_is_never_low_on_the_chart_nor_a_casual_retake() {
        let mut h = History::new();
        h.add(check_with_item_10(date(2026, 11, 1), Respondent::Mother, 1, 1));
        h.add(check_with_item_10(date(2026, 11, 2), Respondent::Mother, 14, 2));
        h.add(check(date(2026, 11, 3), Respondent::Mother, 1));
        let mother = chart(&h, Respondent::Mother, ChartFrame::default()).unwrap();
        assert_eq!(
            mother.points.iter().map(|p| p.level).collect::<Vec<_>>(),
            [Level::SelfHarm, Level::SelfHarm, Level::Low]
        );
        // The retake of a check with item 10 above 0 says so, so Today can say where to talk.
        let mut h = History::new();
        h.add(check_with_item_10(date(2026, 11, 1), Respondent::SecondParent, 2, 1));
        assert_eq!(
            h.retake_suggestion(date(2026, 11, 23)),
            Some(Retake { respondent: Respondent::SecondParent, last: date(2026, 11, 1), self_harm: true })
        );
        // A newer check without it takes its place.
        h.add(check(date(2026, 11, 5), Respondent::SecondParent, 2));
        assert_eq!(h.retake_suggestion(date(2026, 11, 23)).map(|r| r.self_harm), Some(false));
    }
}
