//! The open day of the Timeline: its stage, what is due, its messages.

use super::model::*;
use super::FocusPanel;
use crate::components::message_card::MessageCard;
use crate::components::stage_text::{day_text, stage_text};
use crate::content::use_messages;
use crate::domain::calendar::{DayOfThousand, Event};
use crate::domain::messages::Message;
use crate::i18n::{format, text, use_i18n, Key};
use crate::texts;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

#[component]
pub(super) fn DayPanel(model: Arc<Model>, n: u32, focus: FocusPanel) -> impl IntoView {
    let i18n = use_i18n();
    let messages = use_messages();
    let Some(date) = model.projection.date_of_day(n) else { return ().into_any() };
    let summary = model.projection.summary(date);
    let assumed_birth = model.projection.assumed_birth_for(date);
    let events: Vec<Event> = model.events_on(date).into_iter().cloned().collect();
    let heading = NodeRef::<html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            if focus.0.get_untracked() {
                focus.0.set(false);
                let _ = h.focus();
            }
        }
    });

    let stage = move || stage_text(i18n.lang(), &summary);
    let moment = summary.moment;
    let message_list = move || {
        let Some(moment) = moment else {
            return view! { <p>{crate::i18n::tr(Key::TimelineMessagesNone)}</p> }.into_any();
        };
        let found: Option<Result<Vec<Message>, ()>> = messages.0.map(|loaded| match loaded {
            Ok(catalogue) => Ok(catalogue.for_moment(moment).into_iter().cloned().collect()),
            Err(_) => Err(()),
        });
        match found {
            None => view! { <p role="status">{crate::i18n::tr(Key::TimelineMessagesLoading)}</p> }.into_any(),
            Some(Err(())) => view! { <p>{crate::i18n::tr(Key::TimelineMessagesError)}</p> }.into_any(),
            Some(Ok(list)) if list.is_empty() => {
                view! { <p>{crate::i18n::tr(Key::TimelineMessagesNone)}</p> }.into_any()
            }
            Some(Ok(list)) => view! {
                <ul class="msg-list">
                    {list
                        .into_iter()
                        .map(|message| view! { <li><MessageCard message=message heading_level=4/></li> })
                        .collect_view()}
                </ul>
            }
            .into_any(),
        }
    };

    view! {
        <section class="card tl-panel" aria-labelledby="tl-day-heading">
            <h2 id="tl-day-heading" tabindex="-1" node_ref=heading>
                {move || day_text(i18n.lang(), DayOfThousand::Day(n))}
            </h2>
            <p class="tl-panel-date">
                {move || {
                    let lang = i18n.lang();
                    format!("{} {}", texts::weekday(lang, date), texts::date_long(lang, date))
                }}
            </p>
            <div class="tl-stage">
                <p class="tl-stage-headline">{move || stage().headline}</p>
                {move || {
                    let details = stage().details;
                    (!details.is_empty())
                        .then(|| {
                            view! {
                                <ul class="tl-stage-details">
                                    {details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                                </ul>
                            }
                        })
                }}
                {assumed_birth
                    .map(|birth| {
                        view! {
                            <p class="tl-projected">
                                {move || {
                                    let lang = i18n.lang();
                                    format(lang, Key::TimelineProjected, &[("date", &texts::date_long(lang, birth))])
                                }}
                            </p>
                        }
                    })}
            </div>
            {(!events.is_empty())
                .then(|| {
                    view! {
                        <h3>{crate::i18n::tr(Key::TimelineEventsHeading)}</h3>
                        <ul class="tl-events">
                            {events
                                .into_iter()
                                .map(|e| {
                                    let starts = e.from == date;
                                    view! {
                                        <li>
                                            <A href="/timeline/events">
                                                {move || texts::event_title(i18n.lang(), e.id)}
                                            </A>
                                            <span class="tl-event-window">
                                                {move || {
                                                    let lang = i18n.lang();
                                                    if starts {
                                                        text(lang, Key::TimelineEventsStarts).to_string()
                                                    } else {
                                                        texts::event_window(lang, &e)
                                                    }
                                                }}
                                            </span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            <h3>{crate::i18n::tr(Key::TimelineMessagesHeading)}</h3>
            {message_list}
        </section>
    }
    .into_any()
}
