//! Well-being: the Edinburgh Postnatal Depression Scale (EPDS), one item a screen; the
//! safety screen first whenever item 10 scored above 0; results that lead to help; a
//! summary to print; the history of checks kept on this phone, with a chart.
//!
//! - `/wellbeing`: what the scale is, start or continue, the history, lines to call now;
//! - `/wellbeing/check`: the questionnaire ([`check`]);
//! - `/wellbeing/result/:n`: the result of check number `n` ([`result`]);
//! - `/wellbeing/print/:n`: its summary, laid out for print ([`print`]).
//!
//! The scoring is `domain::epds`; the stored history is `domain::epds_history` through
//! `epds_store`; the items' wording is data (`locales/<lang>/epds.json`), never code.

pub mod check;
pub mod flow;
pub mod help;
pub mod history;
pub mod print;
pub mod result;
pub mod retake;

pub use check::CheckPage;
pub use print::PrintPage;
pub use result::ResultPage;
pub use retake::RetakeSuggestion;

use crate::components::page::Page;
use crate::content;
use crate::domain::epds::{DirectoryCategory, Items, Level, Respondent, ResultMessage, When};
use crate::domain::helplines::Helplines;
use crate::domain::lang::Lang;
use crate::epds_store::use_epds;
use crate::i18n::{format, text, use_i18n, Key};
use crate::storage::StorageError;
use flow::{use_flow, Flow};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use std::sync::Arc;

/// The path of the questionnaire.
pub const CHECK_PATH: &str = "/wellbeing/check";

pub fn result_path(number: usize) -> String {
    format!("/wellbeing/result/{number}")
}

pub fn print_path(number: usize) -> String {
    format!("/wellbeing/print/{number}")
}

// ---- texts of the domain's values ----

/// "La mère" / "The mother": on its own (a table cell, a label).
pub fn who_label(lang: Lang, who: Respondent) -> &'static str {
    text(
        lang,
        match who {
            Respondent::Mother => Key::WellbeingWhoMother,
            Respondent::SecondParent => Key::WellbeingWhoSecondParent,
        },
    )
}

/// "la mère" / "the mother": inside a sentence.
pub fn who_in_text(lang: Lang, who: Respondent) -> &'static str {
    text(
        lang,
        match who {
            Respondent::Mother => Key::WellbeingWhoInTextMother,
            Respondent::SecondParent => Key::WellbeingWhoInTextSecondParent,
        },
    )
}

pub fn when_label(lang: Lang, when: When) -> &'static str {
    text(
        lang,
        match when {
            When::Pregnancy => Key::WellbeingWhenPregnancy,
            When::Postpartum => Key::WellbeingWhenPostpartum,
        },
    )
}

/// "Score bas" / "Low score"; for item 10 above 0, "Question 10 : à en parler
/// aujourd'hui" whatever the total (see [`Level`]).
pub fn level_label(lang: Lang, level: Level) -> &'static str {
    text(
        lang,
        match level {
            Level::Low => Key::WellbeingLevelLow,
            Level::Moderate => Key::WellbeingLevelModerate,
            Level::High => Key::WellbeingLevelHigh,
            Level::SelfHarm => Key::WellbeingLevelSelfHarm,
        },
    )
}

/// The key of a result's message, in plain words (see [`ResultMessage`]).
pub fn message_key(message: ResultMessage) -> Key {
    use Respondent::{Mother, SecondParent};
    use ResultMessage::*;
    match message {
        Low(Mother) => Key::WellbeingResultMessageLowMother,
        Low(SecondParent) => Key::WellbeingResultMessageLowSecondParent,
        Moderate(Mother) => Key::WellbeingResultMessageModerateMother,
        Moderate(SecondParent) => Key::WellbeingResultMessageModerateSecondParent,
        High(Mother) => Key::WellbeingResultMessageHighMother,
        High(SecondParent) => Key::WellbeingResultMessageHighSecondParent,
        SelfHarm(Mother) => Key::WellbeingResultMessageSelfHarmMother,
        SelfHarm(SecondParent) => Key::WellbeingResultMessageSelfHarmSecondParent,
        SelfHarmHighScore(Mother) => Key::WellbeingResultMessageSelfHarmHighMother,
        SelfHarmHighScore(SecondParent) => Key::WellbeingResultMessageSelfHarmHighSecondParent,
    }
}

/// "14 sur 30" / "14 out of 30".
pub fn score_text(lang: Lang, total: u8) -> String {
    format(lang, Key::WellbeingScore, &[("total", &total.to_string())])
}

/// What to look for in a directory category, said for people.
pub fn category_label(lang: Lang, category: DirectoryCategory) -> &'static str {
    text(
        lang,
        match category {
            DirectoryCategory::PerinatalMentalHealth => Key::WellbeingResultCategoryPerinatalMentalHealth,
            DirectoryCategory::PmiCentre => Key::WellbeingResultCategoryPmiCentre,
            DirectoryCategory::SupportGroup => Key::WellbeingResultCategorySupportGroup,
            DirectoryCategory::Midwife => Key::WellbeingResultCategoryMidwife,
        },
    )
}

// ---- content loaded per language ----

/// The EPDS items of the current language.
pub fn items_resource() -> LocalResource<Result<Arc<Items>, String>> {
    let i18n = use_i18n();
    LocalResource::new(move || {
        let lang = i18n.lang();
        async move { content::epds_items(lang).await.map(Arc::new) }
    })
}

/// The national helplines of the current language.
pub fn helplines_resource() -> LocalResource<Result<Arc<Helplines>, String>> {
    let i18n = use_i18n();
    LocalResource::new(move || {
        let lang = i18n.lang();
        async move { content::helplines(lang).await.map(Arc::new) }
    })
}

/// Says when a check could not be saved or deleted (a full storage). A browser giving no
/// storage at all is said once for the whole app, by the storage banner.
#[component]
pub fn SaveError() -> impl IntoView {
    let store = use_epds();
    view! {
        <div class="wb-save-error" role="alert">
            {move || {
                store.save_error.get().filter(|e| *e != StorageError::Unavailable).map(|_| {
                    view! {
                        <p>{crate::i18n::tr(Key::WellbeingSaveError)}</p>
                        <button type="button" class="button secondary" on:click=move |_| store.save_error.set(None)>
                            {crate::i18n::tr(Key::StorageDismiss)}
                        </button>
                    }
                })
            }}
        </div>
    }
}

/// `/wellbeing`: the scale in two lines, start or continue, the history, lines to call now.
#[component]
pub fn WellbeingPage() -> impl IntoView {
    let i18n = use_i18n();
    let flow = use_flow();
    let navigate = use_navigate();
    let in_progress = move || flow.with(Flow::in_progress);
    let start = move |_| {
        // A finished questionnaire is not shown again: a new one starts.
        flow.update(|f| {
            if f.done.is_some() {
                *f = Flow::default();
            }
        });
        navigate(CHECK_PATH, NavigateOptions::default());
    };
    view! {
        <Page title=Key::WellbeingTitle>
            <div class="wb-page">
            <p class="lead">{crate::i18n::tr(Key::WellbeingIntro)}</p>
            <crate::components::urgent_link::UrgentCard/>
            <SaveError/>
            <section class="card wb-start" aria-labelledby="wb-epds-heading">
                <h2 id="wb-epds-heading">{crate::i18n::tr(Key::WellbeingEpdsHeading)}</h2>
                <p>{crate::i18n::tr(Key::WellbeingEpdsText)}</p>
                <button type="button" class="button" on:click=start>
                    {move || i18n.t(if in_progress() { Key::WellbeingEpdsResume } else { Key::WellbeingEpdsStart })}
                </button>
            </section>
            <history::HistorySection/>
            <help::TalkNow/>
            </div>
        </Page>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::epds::{Check, EpdsResult, Points, Tier};
    use chrono::NaiveDate;

    const TIERS: [Tier; 3] = [Tier::Low, Tier::Moderate, Tier::High];
    const WHENS: [When; 2] = [When::Pregnancy, When::Postpartum];

    /// Points giving `tier` for `respondent`, item 10 at 1 when `self_harm` (else 0).
    fn points(tier: Tier, self_harm: bool, respondent: Respondent) -> Points {
        let t = respondent.thresholds();
        let total = match tier {
            Tier::Low => u8::from(self_harm),
            Tier::Moderate => t.moderate_from,
            Tier::High => t.high_from + 2,
        };
        let mut points = [0u8; 10];
        points[9] = u8::from(self_harm);
        let mut left = total - points[9];
        for p in points.iter_mut().take(9) {
            *p = left.min(3);
            left -= *p;
        }
        points
    }

    /// What only the low and moderate tiers may say, and the words for today, a high score,
    /// a midwife, a birth and a pregnancy.
    fn words(lang: Lang) -> ([&'static str; 2], [&'static str; 5]) {
        match lang {
            Lang::Fr => (
                ["pas de signe", "deux semaines"],
                ["aujourd'hui", "score est élevé", "sage-femme", "naissance", "grossesse"],
            ),
            Lang::En => (["not show signs", "two weeks"], ["today", "score is high", "midwife", "birth", "pregnancy"]),
        }
    }

    /// Every combination of tier x item 10 x respondent x moment, in both languages: the
    /// level and the message a parent reads on the result (and the print, the history, the
    /// chart, which use the same level).
    #[test]
    fn every_result_says_what_fits_its_combination() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let mut seen = 0;
        for lang in [Lang::Fr, Lang::En] {
            let (only_low, [today, high, midwife, birth, pregnancy]) = words(lang);
            let tier_labels = [Level::Low, Level::Moderate, Level::High].map(|l| level_label(lang, l));
            for respondent in Respondent::ALL {
                for tier in TIERS {
                    for self_harm in [false, true] {
                        for when in WHENS {
                            let result =
                                EpdsResult::from_points(points(tier, self_harm, respondent), respondent).unwrap();
                            assert_eq!((result.tier, result.self_harm), (tier, self_harm));
                            let check = Check::new(date, when, &result);
                            let case = format!("{lang:?} {respondent:?} {tier:?} item 10 {self_harm} {when:?}");
                            let label = level_label(lang, check.level());
                            let message = text(lang, message_key(check.message())).to_lowercase();
                            assert!(!message.is_empty(), "{case}");
                            if self_harm {
                                assert!(!tier_labels.contains(&label), "{case}: {label}");
                                for needed in ["3114", "15", "112", today] {
                                    assert!(message.contains(needed), "{case}: no {needed} in {message}");
                                }
                                for banned in only_low {
                                    assert!(!message.contains(banned), "{case}: {banned} in {message}");
                                }
                                assert_eq!(tier == Tier::High, message.contains(high), "{case}: {message}");
                            } else {
                                assert_eq!(label, tier_labels[tier as usize], "{case}");
                                assert!(!message.contains("3114"), "{case}");
                                assert_eq!(tier == Tier::Low, message.contains(only_low[0]), "{case}");
                                assert_eq!(tier == Tier::Moderate, message.contains(only_low[1]), "{case}");
                            }
                            // The midwife is named to mothers only.
                            assert_eq!(
                                respondent == Respondent::Mother,
                                message.contains(midwife),
                                "{case}: {message}"
                            );
                            // True during pregnancy and after the birth: a message that speaks of
                            // the birth speaks of the pregnancy too.
                            assert!(!message.contains(birth) || message.contains(pregnancy), "{case}: {message}");
                            seen += 1;
                        }
                    }
                }
            }
        }
        assert_eq!(seen, 2 * 2 * 3 * 2 * 2);
    }
}
