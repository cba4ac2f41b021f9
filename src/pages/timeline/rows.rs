//! A row of the Timeline (a period heading or a week of day buttons).

use super::model::*;
use crate::components::stage_text::period_label;
use crate::i18n::{format, text, use_i18n, Key};
use chrono::Datelike;
use leptos::prelude::*;
use std::sync::Arc;

pub(super) fn row_view(
    m: &Arc<Model>,
    l: &Arc<Layout>,
    i: usize,
    selected: Memo<Option<u32>>,
    today: crate::clock::Today,
    open_day: Callback<u32>,
) -> AnyView {
    let i18n = use_i18n();
    let (Some(row), Some(top)) = (m.rows.get(i).cloned(), l.tops.get(i).copied()) else { return ().into_any() };
    let top = format!("{}rem", crate::domain::decimal::short(top, 4));
    match row {
        Row::Period(period) => view! {
            <div class="tl-row tl-period" style:top=top>
                <h2>{move || period_label(i18n.lang(), period)}</h2>
            </div>
        }
        .into_any(),
        Row::Week { label, days } => {
            let group_days = days.clone();
            let group_label = move || {
                let lang = i18n.lang();
                format(
                    lang,
                    Key::TimelineWeekGroup,
                    &[("week", &week_name(lang, label)), ("range", &week_range(lang, &group_days))],
                )
            };
            let shown_days = days.clone();
            view! {
                <div class="tl-row tl-week" role="group" style:top=top aria-label=group_label>
                    <p class="tl-week-label" aria-hidden="true">
                        <span class="tl-week-name">{move || week_name(i18n.lang(), label)}</span>
                        <span class="tl-week-dates">{move || week_range(i18n.lang(), &shown_days)}</span>
                    </p>
                    <div class="tl-days">
                        {days.into_iter().map(|day| day_button(day, selected, today, open_day)).collect_view()}
                    </div>
                </div>
            }
            .into_any()
        }
    }
}

fn day_button(
    day: TimelineDay,
    selected: Memo<Option<u32>>,
    today: crate::clock::Today,
    open_day: Callback<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let n = day.n;
    let date = day.date;
    let is_today = move || today.get() == date;
    let is_selected = move || selected.get() == Some(n);
    let has_event = !day.starts.is_empty();
    let label = move || {
        let lang = i18n.lang();
        let mut label = day_label(lang, &day);
        if is_selected() {
            label.push_str(", ");
            label.push_str(text(lang, Key::TimelineDaySelected));
        }
        label
    };
    view! {
        <button
            type="button"
            class="tl-day"
            class:tl-is-today=is_today
            class:tl-is-selected=is_selected
            class:tl-has-event=has_event
            aria-current=move || is_today().then_some("date")
            aria-label=label
            on:click=move |_| open_day.run(n)
        >
            <span class="tl-day-num">{date.day()}</span>
            {has_event.then(|| view! { <span class="tl-dot" aria-hidden="true"></span> })}
        </button>
    }
}
