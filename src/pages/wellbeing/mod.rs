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
use crate::domain::epds::{DirectoryCategory, Items, Respondent, Tier, When};
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

/// "Score bas" / "Low score".
pub fn tier_label(lang: Lang, tier: Tier) -> &'static str {
    text(
        lang,
        match tier {
            Tier::Low => Key::WellbeingTierLow,
            Tier::Moderate => Key::WellbeingTierModerate,
            Tier::High => Key::WellbeingTierHigh,
        },
    )
}

/// The message of a tier, in plain words.
pub fn tier_message(lang: Lang, tier: Tier) -> &'static str {
    text(
        lang,
        match tier {
            Tier::Low => Key::WellbeingResultMessageLow,
            Tier::Moderate => Key::WellbeingResultMessageModerate,
            Tier::High => Key::WellbeingResultMessageHigh,
        },
    )
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
