//! The Timeline's model: pure, tested natively. The profile's 1000 days as rows (period
//! headings and weeks), their layout in rem, which rows to have in the page for a scroll
//! position ([`visible_rows`], [`next_window`]), and the texts of a week and a day.
//!
//! For a pregnancy, the days after the due date are an estimate: the baby is assumed to
//! be born on the due date (or tomorrow, past it), and those days count the baby's age
//! ([`Projection`]).

use crate::domain::calendar::{add_days, events_for, Event, Period, Pregnancy, Profile, Status, LAST_DAY};
use crate::domain::lang::Lang;
use crate::domain::stage::{day_summary, DaySummary, Stage};
use crate::i18n::{format, text, Key};
use crate::texts;
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;
use std::ops::Range;

/// Height of a period heading row, in rem, when the CSS does not say (`--tl-period-h`).
pub const PERIOD_ROW_REM: f64 = 3.25;
/// Height of a week row, in rem, when the CSS does not say (`--tl-week-h`).
pub const WEEK_ROW_REM: f64 = 5.5;
/// Rows kept in the page above and below the visible part, in rem.
pub const OVERSCAN_REM: f64 = 20.0;

/// A profile's days, with the days after a pregnancy's due date counted as if the baby
/// were born then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Projection {
    pub profile: Profile,
    pub pregnancy: Pregnancy,
    /// For a pregnancy: the assumed birth date and the profile as if born then.
    pub assumed_birth: Option<(NaiveDate, Profile)>,
}

impl Projection {
    /// `None` while trying to conceive (there are no dates yet).
    pub fn new(profile: &Profile, today: NaiveDate) -> Option<Projection> {
        let pregnancy = profile.pregnancy()?;
        let assumed_birth = match &profile.status {
            Status::Pregnant { babies, .. } => {
                let birth = pregnancy.due_date().max(add_days(today, 1));
                let born = Profile {
                    status: Status::Born {
                        birth_date: birth,
                        term_at_birth: None,
                        due_date: None,
                        babies: Some(*babies),
                    },
                    ..profile.clone()
                };
                Some((birth, born))
            }
            _ => None,
        };
        Some(Projection { profile: profile.clone(), pregnancy, assumed_birth })
    }

    /// The assumed birth date, when `date` is counted from it.
    pub fn assumed_birth_for(&self, date: NaiveDate) -> Option<NaiveDate> {
        self.assumed_birth.as_ref().map(|(birth, _)| *birth).filter(|birth| date >= *birth)
    }

    /// Where the profile stands on `date` (the day number always follows the profile's
    /// own pregnancy dates).
    pub fn summary(&self, date: NaiveDate) -> DaySummary {
        match &self.assumed_birth {
            Some((birth, born)) if date >= *birth => {
                DaySummary { day: self.profile.day_of_thousand(date), ..day_summary(born, date) }
            }
            _ => day_summary(&self.profile, date),
        }
    }

    /// The date of day `n` (1 to 1000).
    pub fn date_of_day(&self, n: u32) -> Option<NaiveDate> {
        self.pregnancy.date_of_day(n)
    }
}

/// What names a week row: completed weeks of amenorrhoea during pregnancy, the week of
/// life (from 1) after birth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeekLabel {
    Sa(u32),
    Life(u32),
}

/// One day of a week row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineDay {
    /// 1 to 1000.
    pub n: u32,
    pub date: NaiveDate,
    /// The ids of the events whose window opens on this day.
    pub starts: Vec<&'static str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    Period(Period),
    Week { label: WeekLabel, days: Vec<TimelineDay> },
}

/// The height of each kind of row, in rem.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RowHeights {
    pub period: f64,
    pub week: f64,
}

impl Default for RowHeights {
    fn default() -> Self {
        RowHeights { period: PERIOD_ROW_REM, week: WEEK_ROW_REM }
    }
}

impl RowHeights {
    pub fn of(&self, row: &Row) -> f64 {
        match row {
            Row::Period(_) => self.period,
            Row::Week { .. } => self.week,
        }
    }

    /// The heights given by the CSS, each kept only if it is a positive number.
    pub fn parse(period: &str, week: &str) -> RowHeights {
        let read = |s: &str, default: f64| s.trim().parse::<f64>().ok().filter(|h| *h > 0.0).unwrap_or(default);
        RowHeights { period: read(period, PERIOD_ROW_REM), week: read(week, WEEK_ROW_REM) }
    }
}

fn week_label(summary: &DaySummary) -> WeekLabel {
    match summary.stage {
        Stage::Born { age, .. } => WeekLabel::Life(age.weeks + 1),
        Stage::Pregnant { age, .. } => WeekLabel::Sa(age.weeks),
        Stage::TryingToConceive | Stage::BeforePregnancy => WeekLabel::Sa(0),
    }
}

/// The 1000 days as rows: a heading when the period changes, then weeks. A week row
/// holds consecutive days of the same SA week (or week of life) and period, so the week
/// of the birth and of a change of period are split.
pub fn build_rows(projection: &Projection, events: &[Event]) -> Vec<Row> {
    let mut starts: BTreeMap<NaiveDate, Vec<&'static str>> = BTreeMap::new();
    for e in events {
        starts.entry(e.from).or_default().push(e.id);
    }
    let mut rows = Vec::new();
    let mut current: Option<(Period, WeekLabel)> = None;
    let mut week: Vec<TimelineDay> = Vec::new();
    for n in 1..=LAST_DAY {
        let Some(date) = projection.date_of_day(n) else { break };
        let summary = projection.summary(date);
        let key = (summary.period, week_label(&summary));
        if current != Some(key) || week.len() == 7 {
            if let Some((_, label)) = current {
                if !week.is_empty() {
                    rows.push(Row::Week { label, days: std::mem::take(&mut week) });
                }
            }
            if current.map(|(period, _)| period) != Some(key.0) {
                rows.push(Row::Period(key.0));
            }
            current = Some(key);
        }
        week.push(TimelineDay { n, date, starts: starts.get(&date).cloned().unwrap_or_default() });
    }
    if let (Some((_, label)), false) = (current, week.is_empty()) {
        rows.push(Row::Week { label, days: week });
    }
    rows
}

/// Where the rows are: the top of each and the total height, in rem.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub tops: Vec<f64>,
    pub height: f64,
}

pub fn layout(rows: &[Row], heights: RowHeights) -> Layout {
    let mut tops = Vec::with_capacity(rows.len());
    let mut y = 0.0;
    for row in rows {
        tops.push(y);
        y += heights.of(row);
    }
    Layout { tops, height: y }
}

/// The rows that overlap `[from, to)` (rem from the top of the list), given their tops
/// in increasing order.
pub fn visible_rows(tops: &[f64], from: f64, to: f64) -> Range<usize> {
    if tops.is_empty() || to <= from {
        return 0..0;
    }
    // The last row starting at or before `from` is the first one visible.
    let start = tops.partition_point(|&t| t <= from).saturating_sub(1);
    let end = tops.partition_point(|&t| t < to).max(start);
    start..end
}

/// The rows to render for a scroll position and a viewport height in pixels, with the
/// root font size in pixels: the visible ones and [`OVERSCAN_REM`] around them.
pub fn window_rows(tops: &[f64], scroll_px: f64, view_px: f64, rem_px: f64) -> Range<usize> {
    window_rows_with(tops, scroll_px, view_px, rem_px, OVERSCAN_REM)
}

/// [`window_rows`] with a margin of `margin_rem` around the visible rows.
pub fn window_rows_with(tops: &[f64], scroll_px: f64, view_px: f64, rem_px: f64, margin_rem: f64) -> Range<usize> {
    let rem = if rem_px > 0.0 { rem_px } else { 16.0 };
    let from = scroll_px / rem - margin_rem;
    let to = (scroll_px + view_px.max(0.0)) / rem + margin_rem;
    visible_rows(tops, from, to)
}

/// Rows to add to the page per frame, beyond the visible ones, while the list grows to
/// its margin: the rows are built a few at a time, each in a short task.
pub const ROWS_PER_FRAME: usize = 3;

pub(super) fn overlap(a: &Range<usize>, b: &Range<usize>) -> Range<usize> {
    let r = a.start.max(b.start)..a.end.min(b.end);
    if r.is_empty() {
        0..0
    } else {
        r
    }
}

/// The next rows to show on the way from `shown` to `goal` (the visible rows and the
/// margin), given the `visible` ones: rows out of the goal go, the visible rows come at
/// once, and at most `budget` more rows of the margin. Far from the rows shown (or with
/// none yet), only the visible rows.
pub fn next_window(shown: Range<usize>, goal: Range<usize>, visible: Range<usize>, budget: usize) -> Range<usize> {
    if goal.is_empty() {
        return 0..0;
    }
    let visible = match overlap(&visible, &goal) {
        v if v.is_empty() => goal.start..goal.start + 1,
        v => v,
    };
    let keep = overlap(&shown, &goal);
    // Kept rows touching the visible ones stay; otherwise start again from the visible.
    if keep.is_empty() || keep.end < visible.start || visible.end < keep.start {
        return visible;
    }
    let (mut start, mut end) = (keep.start.min(visible.start), keep.end.max(visible.end));
    let mut budget = budget;
    while budget > 0 && (start > goal.start || end < goal.end) {
        if end < goal.end {
            end += 1;
            budget -= 1;
        }
        if budget > 0 && start > goal.start {
            start -= 1;
            budget -= 1;
        }
    }
    start..end
}

/// Everything the page shows of one profile, computed once per profile and day.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub projection: Projection,
    pub events: Vec<Event>,
    pub rows: Vec<Row>,
    /// The week row of each day (index `n - 1`).
    pub row_of_day: Vec<usize>,
}

impl Model {
    pub fn new(profile: &Profile, today: NaiveDate) -> Option<Model> {
        let projection = Projection::new(profile, today)?;
        let events = events_for(profile);
        let rows = build_rows(&projection, &events);
        let mut row_of_day = vec![0; LAST_DAY as usize];
        for (i, row) in rows.iter().enumerate() {
            if let Row::Week { days, .. } = row {
                for d in days {
                    row_of_day[d.n as usize - 1] = i;
                }
            }
        }
        Some(Model { projection, events, rows, row_of_day })
    }

    /// Where to scroll so that day `n` shows with the row above it, in rem.
    pub fn scroll_target_rem(&self, layout: &Layout, n: u32) -> Option<f64> {
        let row = *self.row_of_day.get(usize::try_from(n).ok()?.checked_sub(1)?)?;
        layout.tops.get(row.saturating_sub(1)).copied()
    }

    /// The events whose window covers `date`.
    pub fn events_on(&self, date: NaiveDate) -> Vec<&Event> {
        self.events.iter().filter(|e| e.from <= date && date <= e.to).collect()
    }
}

// ---- texts ----

fn day_of_month(lang: Lang, date: NaiveDate) -> String {
    if date.day() == 1 && lang == Lang::Fr {
        text(lang, Key::DateFirstDay).to_string()
    } else {
        date.day().to_string()
    }
}

/// "du 3 au 9 mars", "du 28 février au 6 mars", "3 to 9 March".
pub fn week_range(lang: Lang, days: &[TimelineDay]) -> String {
    let (Some(first), Some(last)) = (days.first(), days.last()) else { return String::new() };
    if first.date == last.date {
        return format(lang, Key::TimelineWeekOneDay, &[("date", &texts::date_short(lang, first.date))]);
    }
    let from = if (first.date.year(), first.date.month()) == (last.date.year(), last.date.month()) {
        day_of_month(lang, first.date)
    } else {
        texts::date_short(lang, first.date)
    };
    format(lang, Key::TimelineWeekRange, &[("from", &from), ("to", &texts::date_short(lang, last.date))])
}

pub fn week_name(lang: Lang, label: WeekLabel) -> String {
    match label {
        WeekLabel::Sa(n) => format(lang, Key::TimelineWeekSa, &[("n", &n.to_string())]),
        WeekLabel::Life(n) => format(lang, Key::TimelineWeekLife, &[("n", &n.to_string())]),
    }
}

/// "lundi 23 novembre 2026, jour 162 sur 1000, à prévoir : 2e échographie".
pub fn day_label(lang: Lang, day: &TimelineDay) -> String {
    let date = format!("{} {}", texts::weekday(lang, day.date), texts::date_long(lang, day.date));
    let mut label = format(lang, Key::TimelineDayLabel, &[("date", &date), ("n", &day.n.to_string())]);
    if !day.starts.is_empty() {
        let titles: Vec<String> = day.starts.iter().map(|id| texts::event_title(lang, id)).collect();
        label.push_str(", ");
        label.push_str(&format(lang, Key::TimelineDayStarts, &[("events", &titles.join(", "))]));
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{ChildRank, DayOfThousand, GestationalAge, Multiplicity, PregnancyDate};
    use crate::domain::fixtures::{d, pregnant_since, profile};

    fn pregnant() -> Profile {
        pregnant_since(d(2026, 6, 1))
    }

    fn born_premature() -> Profile {
        profile(Status::Born {
            birth_date: d(2026, 1, 31),
            term_at_birth: Some(GestationalAge::new(33, 0)),
            due_date: None,
            babies: None,
        })
    }

    fn all_days(rows: &[Row]) -> Vec<u32> {
        rows.iter()
            .flat_map(|r| match r {
                Row::Week { days, .. } => days.iter().map(|d| d.n).collect(),
                Row::Period(_) => vec![],
            })
            .collect()
    }

    #[test]
    fn every_day_is_in_exactly_one_week_row_in_order() {
        for p in [pregnant(), born_premature()] {
            let m = Model::new(&p, d(2026, 11, 23)).unwrap();
            assert_eq!(all_days(&m.rows), (1..=1000).collect::<Vec<_>>());
            for row in &m.rows {
                if let Row::Week { days, .. } = row {
                    assert!((1..=7).contains(&days.len()));
                    assert!(days.windows(2).all(|w| w[1].n == w[0].n + 1));
                }
            }
            assert!(matches!(m.rows[0], Row::Period(Period::Trimester1)));
            assert!(m.rows.len() < 170, "{} rows", m.rows.len());
        }
    }

    #[test]
    fn a_pregnancy_is_in_sa_weeks_then_counted_from_the_due_date() {
        let m = Model::new(&pregnant(), d(2026, 11, 23)).unwrap();
        // Day 1 is 2 SA + 0: weeks line up with SA.
        let Row::Week { label, days } = &m.rows[1] else { panic!() };
        assert_eq!((*label, days.len(), days[0].date), (WeekLabel::Sa(2), 7, d(2026, 6, 15)));
        let periods: Vec<Period> =
            m.rows.iter().filter_map(|r| if let Row::Period(p) = r { Some(*p) } else { None }).collect();
        assert_eq!(
            periods,
            [
                Period::Trimester1,
                Period::Trimester2,
                Period::Trimester3,
                Period::Months0To3,
                Period::Months3To6,
                Period::Months6To12,
                Period::Months12To24
            ]
        );
        // Today, 23 November 2026, is day 162, in 25 SA.
        let row = m.row_of_day[161];
        assert!(matches!(m.rows[row], Row::Week { label: WeekLabel::Sa(25), .. }));
        // The due date, 15 March 2027, starts the first week of life.
        let due = d(2027, 3, 15);
        assert_eq!(m.projection.assumed_birth_for(due), Some(due));
        assert_eq!(m.projection.assumed_birth_for(d(2027, 3, 14)), None);
        let Row::Week { label, days } = &m.rows[m.row_of_day[(due - d(2026, 6, 15)).num_days() as usize]] else {
            panic!()
        };
        assert_eq!((*label, days[0].date), (WeekLabel::Life(1), due));
        assert!(matches!(m.projection.summary(due).stage, Stage::Born { .. }));
        assert_eq!(m.projection.summary(due).day, Some(DayOfThousand::Day(274)));
    }

    #[test]
    fn past_the_due_date_a_pregnancy_is_assumed_born_tomorrow() {
        let p = profile(Status::Pregnant {
            date: PregnancyDate::DueDate(d(2026, 11, 10)),
            babies: Multiplicity::Single,
            rank: ChildRank::First,
        });
        let proj = Projection::new(&p, d(2026, 11, 23)).unwrap();
        assert!(matches!(proj.summary(d(2026, 11, 23)).stage, Stage::Pregnant { .. }));
        assert_eq!(proj.assumed_birth_for(d(2026, 11, 24)), Some(d(2026, 11, 24)));
    }

    #[test]
    fn a_born_child_has_no_assumption_and_the_birth_splits_its_week() {
        let m = Model::new(&born_premature(), d(2026, 11, 23)).unwrap();
        assert_eq!(m.projection.assumed_birth, None);
        let birth_row = m.rows.iter().position(|r| matches!(r, Row::Week { label: WeekLabel::Life(1), .. })).unwrap();
        let Row::Week { days, .. } = &m.rows[birth_row] else { panic!() };
        assert_eq!(days[0].date, d(2026, 1, 31));
        assert!(matches!(m.rows[birth_row - 1], Row::Period(Period::Months0To3)));
        let Row::Week { label, days } = &m.rows[birth_row - 2] else { panic!() };
        assert_eq!(label, &WeekLabel::Sa(32));
        assert_eq!(days.last().unwrap().date, d(2026, 1, 30));
    }

    #[test]
    fn event_windows_are_marked_on_their_first_day() {
        let m = Model::new(&pregnant(), d(2026, 11, 23)).unwrap();
        let marked: Vec<&TimelineDay> = m
            .rows
            .iter()
            .flat_map(|r| match r {
                Row::Week { days, .. } => days.iter().collect(),
                Row::Period(_) => vec![],
            })
            .filter(|day| !day.starts.is_empty())
            .collect();
        assert!(marked.len() > 5);
        for day in marked {
            for id in &day.starts {
                assert!(m.events.iter().any(|e| e.id == *id && e.from == day.date));
            }
        }
        let on = m.events_on(d(2026, 11, 23));
        assert!(on.iter().all(|e| e.from <= d(2026, 11, 23) && d(2026, 11, 23) <= e.to));
    }

    #[test]
    fn trying_to_conceive_has_no_timeline() {
        assert_eq!(Model::new(&profile(Status::TryingToConceive), d(2026, 11, 23)), None);
    }

    #[test]
    fn layout_stacks_rows_of_fixed_height() {
        let rows = vec![
            Row::Period(Period::Trimester1),
            Row::Week { label: WeekLabel::Sa(2), days: vec![] },
            Row::Week { label: WeekLabel::Sa(3), days: vec![] },
            Row::Period(Period::Trimester2),
        ];
        let l = layout(&rows, RowHeights::default());
        assert_eq!(l.tops, [0.0, PERIOD_ROW_REM, PERIOD_ROW_REM + WEEK_ROW_REM, PERIOD_ROW_REM + 2.0 * WEEK_ROW_REM]);
        assert_eq!(l.height, 2.0 * PERIOD_ROW_REM + 2.0 * WEEK_ROW_REM);
        // Two lines of days in a week with large text on a narrow screen.
        let tall = layout(&rows, RowHeights { period: 3.0, week: 8.0 });
        assert_eq!((tall.tops[3], tall.height), (19.0, 22.0));
    }

    #[test]
    fn row_heights_come_from_the_css_or_fall_back() {
        assert_eq!(RowHeights::parse(" 3.5", "8"), RowHeights { period: 3.5, week: 8.0 });
        assert_eq!(RowHeights::parse("", "nope"), RowHeights::default());
        assert_eq!(RowHeights::parse("-1", "0"), RowHeights::default());
    }

    #[test]
    fn only_the_rows_in_view_are_visible() {
        // Ten rows of 5 rem.
        let tops: Vec<f64> = (0..10).map(|i| f64::from(i) * 5.0).collect();
        assert_eq!(visible_rows(&tops, 0.0, 12.0), 0..3);
        assert_eq!(visible_rows(&tops, 5.0, 10.0), 1..2);
        assert_eq!(visible_rows(&tops, 7.0, 10.1), 1..3);
        assert_eq!(visible_rows(&tops, -20.0, 1.0), 0..1);
        assert_eq!(visible_rows(&tops, 44.0, 100.0), 8..10);
        assert_eq!(visible_rows(&tops, 60.0, 100.0), 9..10);
        assert_eq!(visible_rows(&tops, 3.0, 3.0), 0..0);
        assert_eq!(visible_rows(&[], 0.0, 10.0), 0..0);
    }

    #[test]
    fn the_window_converts_pixels_with_the_root_font_size() {
        let tops: Vec<f64> = (0..200).map(|i| f64::from(i) * 5.0).collect();
        // 16 px a rem: 800 px scrolled is 50 rem; 640 px of view is 40 rem.
        let at_16 = window_rows(&tops, 800.0, 640.0, 16.0);
        assert_eq!(at_16, visible_rows(&tops, 50.0 - OVERSCAN_REM, 90.0 + OVERSCAN_REM));
        // With text at 200 %, the same pixels are half as many rem.
        let at_32 = window_rows(&tops, 800.0, 640.0, 32.0);
        assert_eq!(at_32, visible_rows(&tops, 25.0 - OVERSCAN_REM, 45.0 + OVERSCAN_REM));
        assert!(at_16.len() < 30 && at_32.len() < 30);
        // A nonsense font size falls back to 16 px.
        assert_eq!(window_rows(&tops, 800.0, 640.0, 0.0), at_16);
    }

    #[test]
    fn the_rows_shown_grow_a_few_at_a_time_around_the_visible_ones() {
        // First: only the visible rows.
        assert_eq!(next_window(0..0, 10..30, 15..22, 3), 15..22);
        // Then the margin, below first, a few rows a frame.
        assert_eq!(next_window(15..22, 10..30, 15..22, 3), 14..24);
        assert_eq!(next_window(14..24, 10..30, 15..22, 3), 13..26);
        assert_eq!(next_window(11..30, 10..30, 15..22, 3), 10..30);
        // Rows out of the range go; the visible rows come at once.
        assert_eq!(next_window(10..30, 20..40, 25..32, 0), 20..32);
        assert_eq!(next_window(10..30, 0..20, 5..12, 2), 3..20);
        // Far from the rows shown: the visible rows.
        assert_eq!(next_window(10..30, 50..70, 55..62, 3), 55..62);
        assert_eq!(next_window(10..30, 0..0, 0..0, 3), 0..0);
    }

    #[test]
    fn the_scroll_target_shows_the_row_above_the_day() {
        let m = Model::new(&pregnant(), d(2026, 11, 23)).unwrap();
        let l = layout(&m.rows, RowHeights::default());
        let row = m.row_of_day[161];
        assert_eq!(m.scroll_target_rem(&l, 162), Some(l.tops[row - 1]));
        assert_eq!(m.scroll_target_rem(&l, 1), Some(0.0));
        assert_eq!(m.scroll_target_rem(&l, 0), None);
        assert_eq!(m.scroll_target_rem(&l, 1001), None);
    }

    #[test]
    fn week_texts_read_naturally() {
        let days = |from: NaiveDate, len: u64| -> Vec<TimelineDay> {
            (0..len).map(|i| TimelineDay { n: 1, date: from + chrono::Days::new(i), starts: vec![] }).collect()
        };
        assert_eq!(week_range(Lang::Fr, &days(d(2027, 3, 3), 7)), "du 3 au 9 mars");
        assert_eq!(week_range(Lang::Fr, &days(d(2027, 3, 1), 7)), "du 1er au 7 mars");
        assert_eq!(week_range(Lang::En, &days(d(2027, 2, 27), 7)), "27 February to 5 March");
        assert_eq!(week_range(Lang::En, &days(d(2027, 2, 27), 1)), "27 February");
        assert_eq!(week_name(Lang::Fr, WeekLabel::Sa(24)), "24 SA");
        assert_eq!(week_name(Lang::En, WeekLabel::Life(3)), "Week 3 after birth");
        let day = TimelineDay { n: 162, date: d(2026, 11, 23), starts: vec!["ultrasound-2"] };
        assert_eq!(day_label(Lang::Fr, &day), "lundi 23 novembre 2026, jour 162 sur 1000, à prévoir : 2e échographie");
    }
}
