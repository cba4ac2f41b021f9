//! `/wellbeing/result/:n`: the result of a check, in plain words, and where to find help.

use super::help::{HelpList, NearYou, SafetyLines};
use super::{helplines_resource, level_label, message_key, print_path, score_text, when_label, who_label};
use crate::components::page::Page;
use crate::domain::epds::{help_for, Check};
use crate::epds_store::use_epds;
use crate::i18n::{format, use_i18n, Key};
use crate::texts::date_long;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The number `n` of the address, if it names a check.
pub fn use_check_number() -> Memo<Option<usize>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("n")).and_then(|n| n.parse::<usize>().ok()).filter(|&n| n > 0))
}

#[component]
pub fn ResultPage() -> impl IntoView {
    let store = use_epds();
    let number = use_check_number();
    let check = Memo::new(move |_| number.get().and_then(|n| store.with(|h| h.get(n).cloned())));
    view! {
        <Page title=Key::WellbeingResultTitle>
            <div class="wb-page">
            {move || match check.get() {
                Some(check) => view! { <ResultView check=check number=number.get()/> }.into_any(),
                None => view! {
                    <p>{crate::i18n::tr(Key::WellbeingResultNotFound)}</p>
                    <p><A href="/wellbeing">{crate::i18n::tr(Key::WellbeingResultBack)}</A></p>
                }
                .into_any(),
            }}
            </div>
        </Page>
    }
}

/// A result: when and by whom, the safety lines first if item 10 scored above 0, the
/// score and its message, the anxiety line, who can help, what to look for near you.
#[component]
pub fn ResultView(check: Check, number: Option<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let help = help_for(check.tier, check.self_harm(), check.respondent);
    let self_harm = check.self_harm();
    let (date, who, when, level, message, total) =
        (check.date, check.respondent, check.when, check.level(), check.message(), check.total);
    let taken = move || {
        let lang = i18n.lang();
        format(
            lang,
            Key::WellbeingResultTaken,
            &[("date", &date_long(lang, date)), ("who", who_label(lang, who)), ("when", when_label(lang, when))],
        )
    };
    let safety = self_harm.then(|| {
        let helplines = helplines_resource();
        view! {
            <section class="wb-safety wb-safety-note" aria-labelledby="wb-safety-note-heading">
                <h2 id="wb-safety-note-heading">{crate::i18n::tr(Key::WellbeingSafetyHeading)}</h2>
                <p>{crate::i18n::tr(Key::WellbeingSafetyResultNote)}</p>
                <SafetyLines helplines=helplines/>
                <p>{crate::i18n::tr(Key::WellbeingSafetyProfessional)}</p>
            </section>
        }
    });
    let anxiety = check
        .anxiety_flag()
        .then(|| view! { <p class="wb-anxiety">{crate::i18n::tr(Key::WellbeingResultAnxiety)}</p> });
    let print = number.map(|n| {
        view! { <A href=print_path(n)>{crate::i18n::tr(Key::WellbeingResultPrint)}</A> }
    });
    view! {
        <p class="wb-taken">{taken}</p>
        {safety}
        <section class=format!("card wb-score wb-level-{}", level.id()) aria-labelledby="wb-score-heading">
            <h2 id="wb-score-heading" tabindex="-1">{crate::i18n::tr(Key::WellbeingResultScoreLabel)}</h2>
            <p class="wb-score-line">
                <span class="wb-score-total">{move || score_text(i18n.lang(), total)}</span>
                <span class="wb-score-tier">{move || level_label(i18n.lang(), level)}</span>
            </p>
            <p class="wb-message">{crate::i18n::tr(message_key(message))}</p>
            {anxiety}
            <p class="hint">{crate::i18n::tr(Key::WellbeingResultNotDiagnosis)}</p>
        </section>
        <HelpList help=help.clone() without_emergency=self_harm/>
        <NearYou help=help/>
        <p class="links wb-no-print">
            {print}
            <A href="/wellbeing">{crate::i18n::tr(Key::WellbeingResultBack)}</A>
        </p>
    }
}
