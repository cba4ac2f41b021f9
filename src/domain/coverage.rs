//! How well the messages cover the 1000 days, theme by theme of the PMI review
//! (`shared/domain/themes.md`): for each theme, how many messages fall in each period and
//! the longest stretch of its window with none. A reviewer reads the report with
//!
//! ```text
//! cargo test --lib coverage_report -- --nocapture
//! ```
//!
//! and the targets of the content issue are tests: no theme without a message in its
//! window, no gap longer than 14 days in crying and shaken-baby prevention from birth to
//! 6 months, none longer than 21 days in mood from birth to 12 months, and at least
//! [`MIN_PER_MOMENT`] messages at every moment.
//!
//! Units: pregnancy in SA weeks (a week without a message counts as 7 days of gap), after
//! birth in days of age of a baby born at term (months cut at 91, 182, 365 and 730 days).

use super::messages::{Applies, MessageMeta, Moment, Theme, COVERED_AGE_DAYS, COVERED_SA_WEEKS};
use std::ops::RangeInclusive;

/// Messages every moment must have, at the least.
pub const MIN_PER_MOMENT: usize = 3;

/// A theme of the review: which of Cocon's themes carry it, and when it matters.
#[derive(Clone, Debug)]
pub struct Topic {
    /// The theme's name in themes.md.
    pub name: &'static str,
    pub themes: &'static [Theme],
    pub preconception: bool,
    /// SA weeks.
    pub pregnancy: Option<RangeInclusive<u32>>,
    /// Days of age.
    pub child: Option<RangeInclusive<u32>>,
    /// The longest gap allowed after birth, in days, when the review sets one.
    pub max_child_gap: Option<u32>,
    /// Why the theme has no message yet, when no official page could be read for it.
    pub left_out: Option<&'static str>,
}

const PREGNANCY: Option<RangeInclusive<u32>> = Some(2..=41);
const TO_2_YEARS: Option<RangeInclusive<u32>> = Some(0..=730);

const fn topic(name: &'static str, themes: &'static [Theme]) -> Topic {
    Topic { name, themes, preconception: false, pregnancy: None, child: None, max_child_gap: None, left_out: None }
}

/// The themes of themes.md, in its order, with their windows.
pub fn topics() -> Vec<Topic> {
    use Theme::*;
    vec![
        Topic { preconception: true, ..topic("trying to conceive", &[Preconception]) },
        Topic { pregnancy: PREGNANCY, ..topic("urgent signs in pregnancy", &[UrgentSigns]) },
        Topic { child: TO_2_YEARS, ..topic("urgent signs for the baby", &[UrgentSigns]) },
        Topic { pregnancy: Some(29..=41), child: Some(0..=30), ..topic("leaving the maternity", &[Birth]) },
        Topic { child: Some(0..=182), max_child_gap: Some(14), ..topic("crying and shaken baby", &[Crying]) },
        Topic {
            pregnancy: PREGNANCY,
            child: Some(0..=365),
            max_child_gap: Some(21),
            ..topic("baby blues, depression, psychosis, anxiety", &[Mood])
        },
        Topic { pregnancy: PREGNANCY, ..topic("miscarriage and perinatal bereavement", &[Loss]) },
        Topic { child: Some(120..=730), ..topic("development and early signs", &[Development]) },
        Topic { child: TO_2_YEARS, ..topic("feeding safely", &[Feeding, Nutrition]) },
        Topic {
            child: TO_2_YEARS,
            left_out: Some("no official page states it (themes.md: secondary sources only)"),
            ..topic("babywearing", &[Babywearing])
        },
        Topic { child: Some(91..=730), ..topic("home accidents by age", &[HomeSafety]) },
        Topic { pregnancy: PREGNANCY, child: Some(0..=365), ..topic("substances", &[Substances]) },
        Topic { pregnancy: PREGNANCY, ..topic("vaccines in pregnancy", &[Vaccination]) },
        Topic { pregnancy: PREGNANCY, child: TO_2_YEARS, ..topic("rights and help", &[Rights]) },
        Topic { pregnancy: PREGNANCY, child: TO_2_YEARS, ..topic("environment", &[Environment]) },
        Topic { child: TO_2_YEARS, ..topic("talking, reading, culture", &[Bonding]) },
        Topic { pregnancy: PREGNANCY, child: TO_2_YEARS, ..topic("work and childcare", &[Childcare]) },
    ]
}

/// The periods of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Preconception,
    /// SA weeks.
    Pregnancy(u32, u32),
    /// Days of age.
    Child(u32, u32),
}

pub const PERIODS: [(&str, Period); 8] = [
    ("before", Period::Preconception),
    ("T1", Period::Pregnancy(2, 14)),
    ("T2", Period::Pregnancy(15, 28)),
    ("T3", Period::Pregnancy(29, 44)),
    ("0-3 m", Period::Child(0, 90)),
    ("3-6 m", Period::Child(91, 181)),
    ("6-12 m", Period::Child(182, 364)),
    ("12-24 m", Period::Child(365, 729)),
];

fn overlaps(applies: &Applies, period: Period) -> bool {
    match (*applies, period) {
        (Applies::Preconception, Period::Preconception) => true,
        (Applies::Pregnancy { from_sa_week, to_sa_week }, Period::Pregnancy(a, b)) => {
            from_sa_week <= b && a <= to_sa_week
        }
        (Applies::Child { from_age_days, to_age_days, .. }, Period::Child(a, b)) => {
            from_age_days <= b && a <= to_age_days
        }
        _ => false,
    }
}

/// The longest run of moments in `units` with no message, times `unit_days`.
fn longest_gap(units: RangeInclusive<u32>, covered: impl Fn(u32) -> bool, unit_days: u32) -> u32 {
    let (mut run, mut longest) = (0, 0);
    for u in units {
        run = if covered(u) { 0 } else { run + 1 };
        longest = longest.max(run);
    }
    longest * unit_days
}

/// One theme's line of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub name: &'static str,
    /// Messages overlapping each of [`PERIODS`].
    pub counts: [usize; 8],
    /// Messages of the theme in its window.
    pub in_window: usize,
    /// Longest gap in pregnancy (days, by whole SA weeks) and after birth (days).
    pub pregnancy_gap: Option<u32>,
    pub child_gap: Option<u32>,
}

impl Topic {
    fn has(&self, m: &MessageMeta) -> bool {
        self.themes.contains(&m.theme)
    }

    fn in_window(&self, m: &MessageMeta) -> bool {
        match m.applies {
            Applies::Preconception => self.preconception,
            Applies::Pregnancy { from_sa_week, to_sa_week } => {
                self.pregnancy.as_ref().is_some_and(|w| from_sa_week <= *w.end() && *w.start() <= to_sa_week)
            }
            Applies::Child { from_age_days, to_age_days, .. } => {
                self.child.as_ref().is_some_and(|w| from_age_days <= *w.end() && *w.start() <= to_age_days)
            }
        }
    }

    /// This theme's line, from every message's metadata.
    pub fn line(&self, metas: &[MessageMeta]) -> Line {
        let mine: Vec<&MessageMeta> = metas.iter().filter(|m| self.has(m)).collect();
        let mut counts = [0; 8];
        for (count, (_, period)) in counts.iter_mut().zip(PERIODS) {
            *count = mine.iter().filter(|m| overlaps(&m.applies, period)).count();
        }
        let any_at = |moment: Moment| mine.iter().any(|m| m.applies.contains(moment));
        Line {
            name: self.name,
            counts,
            in_window: mine.iter().filter(|m| self.in_window(m)).count(),
            pregnancy_gap: self
                .pregnancy
                .clone()
                .map(|w| longest_gap(w, |sa_week| any_at(Moment::Pregnancy { sa_week }), 7)),
            child_gap: self.child.clone().map(|w| longest_gap(w, |d| any_at(Moment::child(d)), 1)),
        }
    }
}

/// The moments (preconception, every SA week, every day of age) with fewer than `min`
/// messages, and how many they have.
pub fn thin_moments(metas: &[MessageMeta], min: usize) -> Vec<(Moment, usize)> {
    std::iter::once(Moment::Preconception)
        .chain(COVERED_SA_WEEKS.map(|sa_week| Moment::Pregnancy { sa_week }))
        .chain(COVERED_AGE_DAYS.map(Moment::child))
        .map(|moment| (moment, metas.iter().filter(|m| m.applies.contains(moment)).count()))
        .filter(|&(_, n)| n < min)
        .collect()
}

/// The report as text: one line a theme, then the thinnest moments.
pub fn report(metas: &[MessageMeta]) -> String {
    let mut out = String::new();
    out.push_str(&format!("{:<44}", "theme (themes.md)"));
    for (name, _) in PERIODS {
        out.push_str(&format!("{name:>8}"));
    }
    out.push_str("  in window  gap preg.  gap child\n");
    let days = |g: Option<u32>| g.map_or("-".to_string(), |g| format!("{g} d"));
    for t in topics() {
        let l = t.line(metas);
        out.push_str(&format!("{:<44}", l.name));
        for c in l.counts {
            out.push_str(&format!("{c:>8}"));
        }
        out.push_str(&format!("{:>11}{:>11}{:>11}", l.in_window, days(l.pregnancy_gap), days(l.child_gap)));
        if let Some(why) = t.left_out {
            out.push_str(&format!("  (left out: {why})"));
        }
        if let (Some(max), Some(gap)) = (t.max_child_gap, l.child_gap) {
            out.push_str(&format!("  (target {max} d: {})", if gap <= max { "met" } else { "NOT MET" }));
        }
        out.push('\n');
    }
    let fewest = std::iter::once(Moment::Preconception)
        .chain(COVERED_SA_WEEKS.map(|sa_week| Moment::Pregnancy { sa_week }))
        .chain(COVERED_AGE_DAYS.map(Moment::child))
        .map(|moment| metas.iter().filter(|m| m.applies.contains(moment)).count())
        .min()
        .unwrap_or(0);
    let thin = thin_moments(metas, MIN_PER_MOMENT);
    out.push_str(&format!(
        "{} messages; the fewest at one moment: {fewest}; moments under {MIN_PER_MOMENT}: {}\n",
        metas.len(),
        thin.len()
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::messages::parse_meta;

    const META: &str = include_str!("../../public/content/messages.json");

    fn metas() -> Vec<MessageMeta> {
        parse_meta(META).unwrap()
    }

    /// The report a reviewer reads (`cargo test --lib coverage_report -- --nocapture`).
    #[test]
    fn coverage_report() {
        println!("{}", report(&metas()));
    }

    #[test]
    fn every_theme_of_the_review_has_content_in_its_window() {
        let metas = metas();
        for t in topics() {
            let n = t.line(&metas).in_window;
            match t.left_out {
                None => assert!(n > 0, "{}: no message in its window", t.name),
                // When a message comes, the reason goes.
                Some(why) => assert_eq!(n, 0, "{}: has messages but says it is left out ({why})", t.name),
            }
        }
    }

    #[test]
    fn crying_and_mood_have_no_gap_longer_than_the_review_allows() {
        let metas = metas();
        for t in topics().into_iter().filter(|t| t.max_child_gap.is_some()) {
            let line = t.line(&metas);
            let max = t.max_child_gap.unwrap();
            assert!(
                line.child_gap.unwrap() <= max,
                "{}: a gap of {:?} days after birth (target {max})",
                t.name,
                line.child_gap
            );
        }
    }

    #[test]
    fn every_moment_has_at_least_three_messages() {
        let thin = thin_moments(&metas(), MIN_PER_MOMENT);
        assert!(
            thin.is_empty(),
            "{} moments under {MIN_PER_MOMENT}, the first: {:?}",
            thin.len(),
            &thin[..thin.len().min(5)]
        );
    }

    #[test]
    fn gaps_and_counts_are_measured_on_the_window() {
        let json = r#"{"version": 1, "messages": [
            {"id": "a", "theme": "crying", "applies": {"stage": "child", "from": 0, "to": 10}, "source": {"org": "O", "title": "T", "url": "https://www.ameli.fr/a/b"}, "reviewed": "2026-12-03"},
            {"id": "b", "theme": "crying", "applies": {"stage": "child", "from": 30, "to": 182}, "source": {"org": "O", "title": "T", "url": "https://www.ameli.fr/a/b"}, "reviewed": "2026-12-03"},
            {"id": "c", "theme": "mood", "applies": {"stage": "pregnancy", "from": 2, "to": 20}, "source": {"org": "O", "title": "T", "url": "https://www.ameli.fr/a/b"}, "reviewed": "2026-12-03"}
        ]}"#;
        let metas = parse_meta(json).unwrap();
        let crying = topics().into_iter().find(|t| t.name.starts_with("crying")).unwrap().line(&metas);
        assert_eq!(crying.child_gap, Some(19), "days 11 to 29");
        assert_eq!(crying.counts, [0, 0, 0, 0, 2, 1, 1, 0]);
        let mood = topics().into_iter().find(|t| t.themes == [Theme::Mood]).unwrap().line(&metas);
        assert_eq!(mood.pregnancy_gap, Some(21 * 7), "SA 21 to 41");
        assert_eq!(mood.child_gap, Some(366));
        assert_eq!(longest_gap(0..=9, |u| u == 5, 1), 5);
    }
}
