//! On Today: a gentle suggestion to take the questionnaire again, once the last check of
//! a respondent is 14 days old or more (`domain::epds::retake_due`), with a link to the
//! well-being page. Nothing is shown to someone who never took it. When that check
//! answered item 10 above 0, the card is not a casual "how are you": it says that trained
//! people listen now, with the 3114 one tap away (from the helplines data).

use super::help::{helpline_id, CallLink};
use super::{helplines_resource, who_in_text};
use crate::clock::use_today;
use crate::domain::epds::Contact;
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
                let key = if retake.self_harm { Key::WellbeingRetakeTextSelfHarm } else { Key::WellbeingRetakeText };
                format(
                    lang,
                    key,
                    &[("who", who_in_text(lang, retake.respondent)), ("date", &date_long(lang, retake.last))],
                )
            };
            let call = retake.self_harm.then(|| {
                let helplines = helplines_resource();
                let id = helpline_id(Contact::SuicidePrevention3114).unwrap_or_default();
                move || {
                    helplines
                        .get()
                        .and_then(Result::ok)
                        .and_then(|lines| lines.get(id).cloned())
                        .map(|line| view! { <CallLink line=line/> })
                }
            });
            view! {
                <section class="card wb-retake" aria-labelledby="wb-retake-heading">
                    <h2 id="wb-retake-heading">{crate::i18n::tr(Key::WellbeingRetakeHeading)}</h2>
                    <p>{text}</p>
                    {call}
                    <p><A href="/wellbeing">{crate::i18n::tr(Key::WellbeingRetakeLink)}</A></p>
                </section>
            }
        })
    }
}
