//! On Today: a gentle suggestion to take the questionnaire again, once the last check of
//! a respondent is 14 days old or more (`domain::epds::retake_due`), with a link to the
//! well-being page. Nothing is shown to someone who never took it.

use super::who_in_text;
use crate::clock::use_today;
use crate::epds_store::use_epds;
use crate::i18n::{format, use_i18n, Key};
use crate::texts::date_long;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn RetakeSuggestion() -> impl IntoView {
    let i18n = use_i18n();
    let today = use_today();
    let store = use_epds();
    let suggestion = Memo::new(move |_| store.with(|h| h.retake_suggestion(today.get())));
    move || {
        suggestion.get().map(|retake| {
            let text = move || {
                let lang = i18n.lang();
                format(
                    lang,
                    Key::WellbeingRetakeText,
                    &[("who", who_in_text(lang, retake.respondent)), ("date", &date_long(lang, retake.last))],
                )
            };
            view! {
                <section class="card wb-retake" aria-labelledby="wb-retake-heading">
                    <h2 id="wb-retake-heading">{crate::i18n::tr(Key::WellbeingRetakeHeading)}</h2>
                    <p>{text}</p>
                    <p><A href="/wellbeing">{crate::i18n::tr(Key::WellbeingRetakeLink)}</A></p>
                </section>
            }
        })
    }
}
