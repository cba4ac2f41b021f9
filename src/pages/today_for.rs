//! Today for a profile: where the family stands (day of the 1000, pregnancy week or
//! baby's age), the day's key messages, the next three things due. It is in the calendar
//! section's module (`crate::sections`), apart from the Today page that shows it
//! (`pages::today`), so that a first visit, with no profile yet, does not download it.

use crate::clock::use_today;
use crate::components::{
    event_card::EventCard,
    later::Later,
    message_card::MessageCard,
    stage_text::{day_text, stage_text},
};
use crate::content::use_messages;
use crate::domain::calendar::{events_for, DayOfThousand, Profile};
use crate::domain::due::next_due;
use crate::domain::stage::day_summary;
use crate::family::use_family;
use crate::i18n::{use_i18n, Key};
use chrono::Datelike;
use leptos::prelude::*;
use leptos_router::components::A;

/// How many messages and events the Today screen shows.
const SHOWN: usize = 3;

#[component]
pub fn TodayFor(profile: Profile) -> impl IntoView {
    let i18n = use_i18n();
    let today = use_today();
    let family = use_family();
    let messages = use_messages();
    let summary = {
        let profile = profile.clone();
        Memo::new(move |_| day_summary(&profile, today.get()))
    };
    let events = events_for(&profile);
    let profile_id = profile.id.clone();
    let next = {
        let profile_id = profile_id.clone();
        move || family.with(|f| next_due(&events, |id| f.done_on(&profile_id, id), today.get(), SHOWN))
    };
    let day_link = move || match summary.get().day {
        Some(DayOfThousand::Day(n)) => format!("/timeline?day={n}"),
        _ => "/timeline".to_string(),
    };
    let todays_messages = move || {
        let moment = summary.get().moment?;
        messages.0.get().map(|loaded| {
            loaded.map(|catalogue| {
                // Before day 1 (trying to conceive), the date moves the selection on.
                let day = match summary.get().day {
                    Some(DayOfThousand::Day(n)) => n,
                    _ => u32::try_from(summary.get().date.num_days_from_ce()).unwrap_or(0),
                };
                catalogue.for_day(moment, day, SHOWN).into_iter().cloned().collect::<Vec<_>>()
            })
        })
    };
    let favourites = move || {
        let ids = family.with(|f| f.favourite_messages.clone());
        messages
            .0
            .get()
            .and_then(Result::ok)
            .map(|catalogue| ids.iter().filter_map(|id| catalogue.get(id).cloned()).collect::<Vec<_>>())
            .unwrap_or_default()
    };

    view! {
        <section class="card summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading" class="visually-hidden">{move || i18n.t(Key::TodaySummaryHeading)}</h2>
            <p class="summary-name">{profile.name.clone()}</p>
            {move || summary.get().day.map(|day| view! { <p class="summary-day">{day_text(i18n.lang(), day)}</p> })}
            {move || {
                let text = stage_text(i18n.lang(), &summary.get());
                view! {
                    <p class="summary-stage">{text.headline}</p>
                    <ul class="summary-details">
                        {text.details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                    </ul>
                }
            }}
            <Show when=move || {
                summary.get().moment.is_none_or(|m| m == crate::domain::messages::Moment::Preconception)
            }>
                <p>{move || i18n.t(Key::TodayTryingHint)}</p>
            </Show>
        </section>
        <crate::pages::wellbeing::RetakeSuggestion/>
        <crate::components::urgent_link::UrgentCard/>

        // The rest in two more tasks (see `Later`): messages, then what is due.
        <Later>
            <Show when=move || summary.get().moment.is_some()>
                <section aria-labelledby="messages-heading">
                    <h2 id="messages-heading">{move || i18n.t(Key::TodayMessagesHeading)}</h2>
                    {move || match todays_messages() {
                        None => view! { <p aria-busy="true">{move || i18n.t(Key::TodayMessagesLoading)}</p> }.into_any(),
                        Some(Err(_)) => view! { <p role="alert">{move || i18n.t(Key::TodayMessagesError)}</p> }.into_any(),
                        Some(Ok(list)) => view! {
                            <ul class="card-list">
                                {list.into_iter().map(|m| view! { <li><MessageCard message=m/></li> }).collect_view()}
                            </ul>
                        }.into_any(),
                    }}
                    <p><A href=day_link>{move || i18n.t(Key::TodayMessagesMore)}</A></p>
                </section>
            </Show>
        </Later>

        <Later>
            <section aria-labelledby="next-heading">
                <h2 id="next-heading">{move || i18n.t(Key::TodayEventsHeading)}</h2>
                {move || {
                    let list = next();
                    if list.is_empty() {
                        view! { <p>{move || i18n.t(Key::TodayEventsNone)}</p> }.into_any()
                    } else {
                        let profile_id = profile_id.clone();
                        view! {
                            <ul class="card-list">
                                {list.into_iter().map(|e| view! {
                                    <li><EventCard event=e profile_id=profile_id.clone() compact=true/></li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
                <p class="links">
                    <A href="/timeline/events">{move || i18n.t(Key::TodayEventsAll)}</A>
                    <A href="/timeline">{move || i18n.t(Key::TodayTimelineLink)}</A>
                </p>
            </section>
            // After what the day is about: a reminder, not the news of the day.
            <crate::components::backup_reminder::BackupReminder/>

            <Show when=move || !favourites().is_empty()>
                <section aria-labelledby="favourites-heading">
                    <h2 id="favourites-heading">{move || i18n.t(Key::TodayFavouritesHeading)}</h2>
                    <ul class="card-list">
                        {move || favourites().into_iter().map(|m| view! { <li><MessageCard message=m/></li> }).collect_view()}
                    </ul>
                </section>
            </Show>
        </Later>
    }
}
