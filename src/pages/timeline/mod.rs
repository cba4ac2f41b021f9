//! The Timeline: the 1000 days of the active profile, by period and week, and one day
//! opened in a panel (`/timeline?day=N`, so that the back button closes it).
//!
//! The list has about 150 rows (period headings and weeks of 7 days) but only those in
//! view, and a margin around them, are in the page: each row has a fixed height in rem,
//! its top is computed from the heights above it, and the rows to show follow the scroll
//! position ([`visible_rows`]). Heights are in rem and the scroll position is converted
//! with the root font size, so the list stays right when the parent enlarges the text.
//! The heights are read from the CSS (`--tl-period-h`, `--tl-week-h` on `.tl-list`): with
//! large text on a narrow screen a week takes two lines of days, and a taller row.
//! The rows in the page follow the window a few at a time ([`next_window`]): the visible
//! rows at once (the first frame has only them), then the margin, [`ROWS_PER_FRAME`] rows
//! after each frame, so that no task builds many rows.
//!
//! - `model`: the rows, their layout and the window, pure and tested natively;
//! - `rows`: a row and a day's button; `day_panel`: the open day.

mod day_panel;
mod model;
mod rows;
mod window;

use day_panel::DayPanel;
pub use model::*;
use rows::row_view;
use window::{follow, FocusKeeper, Geometry};

use crate::clock::use_today;
use crate::components::page::Page;
use crate::components::stage_text::{day_text, stage_text};
use crate::domain::calendar::{DayOfThousand, Profile, Status, LAST_DAY};
use crate::domain::lang::Lang;
use crate::family::use_family;
use crate::i18n::{format, use_i18n, Key};
use crate::texts;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use std::sync::Arc;
use wasm_bindgen::JsCast;

// ---- the page ----

/// Asks the day panel to take the focus when it opens (after a tap on a day, not when
/// the page is loaded with `?day=N`).
#[derive(Clone, Copy)]
struct FocusPanel(RwSignal<bool>);

#[component]
pub fn TimelinePage() -> impl IntoView {
    let i18n = use_i18n();
    let family = use_family();
    let profile = Memo::new(move |_| family.with(|f| f.active_profile().cloned()));
    view! {
        <Page title=Key::TimelineTitle>
            {move || match profile.get() {
                Some(p) if !matches!(p.status, Status::TryingToConceive) => view! { <Timeline profile=p/> }.into_any(),
                other => {
                    let key = if other.is_some() { Key::TimelineTrying } else { Key::TimelineNoProfile };
                    view! {
                        <p class="lead">{move || i18n.t(key)}</p>
                        <p>
                            <A href="/">{crate::i18n::tr(Key::TimelineGoStart)}</A>
                        </p>
                    }
                        .into_any()
                }
            }}
        </Page>
    }
}

#[component]
fn Timeline(profile: Profile) -> impl IntoView {
    let i18n = use_i18n();
    let today = use_today();
    let query = use_query_map();
    let model = Memo::new(move |_| Model::new(&profile, today.get()).map(Arc::new));
    let selected = Memo::new(move |_| {
        query.with(|q| q.get("day")).and_then(|s| s.parse::<u32>().ok()).filter(|n| (1..=LAST_DAY).contains(n))
    });
    let focus_panel = FocusPanel(RwSignal::new(false));

    let geometry = Geometry::new(model);
    let list = geometry.list;
    let range = Memo::new(move |_| geometry.window(OVERSCAN_REM));
    let visible = Memo::new(move |_| geometry.window(0.0));
    let measure = move || geometry.measure();
    let scroll_to_day = move |n: u32| geometry.scroll_to_day(model, n);
    let today_n = Memo::new(move |_| {
        let today = today.get();
        model.with(|m| match m.as_ref().map(|m| m.projection.pregnancy.day_of_thousand(today)) {
            Some(DayOfThousand::Day(n)) => Some(n),
            _ => None,
        })
    });

    // Once the list is in the page: measure it, then show the open day, or today.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || list.get().is_none() {
            return done.unwrap_or(false);
        }
        measure();
        if let Some(n) = selected.get_untracked().or(today_n.get_untracked()) {
            scroll_to_day(n);
        }
        true
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let jump_today = move |_| {
        let Some(n) = today_n.get_untracked() else { return };
        scroll_to_day(n);
        // Today's row comes in the page in the microtasks that follow.
        leptos::task::spawn_local(async move {
            for _ in 0..8 {
                leptos::task::tick().await;
                let Some(el) = list.try_get_untracked().flatten() else { return };
                if let Ok(Some(button)) = el.query_selector(".tl-day[aria-current=\"date\"]") {
                    if let Ok(button) = button.dyn_into::<web_sys::HtmlElement>() {
                        let _ = button.focus();
                    }
                    return;
                }
            }
        });
    };

    let focus_keeper = FocusKeeper::new();
    let shown = follow(range, visible);

    let navigate = use_navigate();
    let open_day = Callback::new(move |n: u32| {
        focus_panel.0.set(true);
        if selected.get_untracked() == Some(n) {
            if let Some(h) = document().get_element_by_id("tl-day-heading") {
                if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
            focus_panel.0.set(false);
        } else {
            navigate(&format!("/timeline?day={n}"), NavigateOptions::default());
        }
    });

    let status = move || model.with(|m| Some(status(i18n.lang(), today.get(), m.as_ref()?)));

    view! {
        {status}
        <div class="tl-toolbar">
            <Show when=move || today_n.get().is_some()>
                <button type="button" class="button tl-today-button" on:click=jump_today>
                    {crate::i18n::tr(Key::TimelineJumpToday)}
                </button>
            </Show>
            <A href="/timeline/events" attr:class="tl-events-link">
                {crate::i18n::tr(Key::TimelineEventsLink)}
            </A>
        </div>
        <div
            class="tl-list"
            node_ref=list
            role="region"
            aria-label=crate::i18n::tr(Key::TimelineListLabel)
            on:scroll=move |ev| {
                let el = event_target::<web_sys::Element>(&ev);
                geometry.scroll_px.set(f64::from(el.scroll_top()));
            }
            on:focusout=move |ev| focus_keeper.focus_out(ev.related_target().is_some(), ev.target())
        >
            {move || {
                let (Some(m), Some(l)) = (model.get(), geometry.layout.get()) else { return ().into_any() };
                let height = format!("{}rem", crate::domain::decimal::short(l.height, 4));
                view! {
                    <div class="tl-spacer" style:height=height>
                        <For
                            each=move || {
                                focus_keeper.rows_change();
                                shown.get()
                            }
                            key=|i| *i
                            children=move |i| row_view(&m, &l, i, selected, today, open_day)
                        />
                    </div>
                }
                    .into_any()
            }}
        </div>
        {move || {
            let m = model.get()?;
            let n = selected.get()?;
            Some(view! { <DayPanel model=m n=n focus=focus_panel/> })
        }}
    }
}

/// Where the family is in the 1000 days, above the list.
fn status(lang: Lang, today: NaiveDate, m: &Model) -> impl IntoView {
    let day = m.projection.pregnancy.day_of_thousand(today);
    let main = match day {
        DayOfThousand::Day(_) => {
            format!("{} · {}", day_text(lang, day), stage_text(lang, &m.projection.summary(today)).headline)
        }
        _ => day_text(lang, day),
    };
    let note = match day {
        DayOfThousand::Before { .. } => Some(format(
            lang,
            Key::TimelineBeforeDay1,
            &[("date", &texts::date_long(lang, m.projection.pregnancy.start()))],
        )),
        DayOfThousand::After { .. } => Some(format(
            lang,
            Key::TimelineComplete,
            &[("date", &texts::date_long(lang, m.projection.pregnancy.day_1000()))],
        )),
        DayOfThousand::Day(_) => None,
    };
    view! {
        <p class="tl-status">{main}</p>
        {note.map(|note| view! { <p class="tl-note">{note}</p> })}
    }
}
