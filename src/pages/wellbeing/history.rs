//! The history of checks on the well-being page: for each respondent, the chart of
//! totals over time (an SVG image with its text alternative, the respondent's threshold
//! lines drawn and labelled) and the same figures as a table; then every check, each
//! opening its result and deletable after a confirmation.

use super::{level_label, result_path, score_text, who_in_text, who_label};
use crate::components::event_card::focus_later;
use crate::domain::decimal::short;
use crate::domain::epds::{Check, Level, Respondent, Tier};
use crate::domain::epds_history::{chart, Chart, ChartFrame};
use crate::domain::lang::Lang;
use crate::epds_store::use_epds;
use crate::i18n::{format, use_i18n, Key};
use crate::texts::{date_long, date_short};
use leptos::prelude::*;
use leptos_router::components::A;

/// The text alternative of a chart: every point, oldest first, and the thresholds.
pub fn chart_text(lang: Lang, chart: &Chart) -> String {
    let list = chart
        .points
        .iter()
        .map(|p| {
            let key = if p.level == Level::SelfHarm {
                Key::WellbeingHistoryChartPointSelfHarm
            } else {
                Key::WellbeingHistoryChartPoint
            };
            format(lang, key, &[("date", &date_long(lang, p.date)), ("total", &p.total.to_string())])
        })
        .collect::<Vec<_>>()
        .join(", ");
    format(
        lang,
        Key::WellbeingHistoryChartTitle,
        &[
            ("who", who_in_text(lang, chart.respondent)),
            ("list", &list),
            ("moderate", &chart.thresholds[0].value.to_string()),
            ("high", &chart.thresholds[1].value.to_string()),
        ],
    )
}

fn respondent_id(respondent: Respondent) -> &'static str {
    match respondent {
        Respondent::Mother => "mother",
        Respondent::SecondParent => "second-parent",
    }
}

/// One respondent's chart and table.
#[component]
fn Evolution(chart: Chart) -> impl IntoView {
    let i18n = use_i18n();
    let who = chart.respondent;
    let heading_id = format!("wb-chart-{}-heading", respondent_id(who));
    let labelled_by = heading_id.clone();
    let f = chart.frame;
    let label = {
        let chart = chart.clone();
        move || chart_text(i18n.lang(), &chart)
    };
    let (left, right, top, bottom) = (f.plot_left(), f.plot_right(), f.plot_top(), f.plot_bottom());
    let high = chart.thresholds[1];
    let moderate = chart.thresholds[0];
    let ticks = chart
        .ticks
        .iter()
        .map(|t| {
            view! {
                <line class="wb-chart-grid" x1=short(left, 1) x2=short(right, 1) y1=short(t.y, 1) y2=short(t.y, 1)></line>
                <text class="wb-chart-tick" x=short(left - 6.0, 1) y=short(t.y + 4.0, 1) text-anchor="end">{t.value}</text>
            }
        })
        .collect_view();
    let threshold_lines = chart
        .thresholds
        .iter()
        .map(|t| {
            let key = if t.tier == Tier::High { Key::WellbeingHistoryChartHigh } else { Key::WellbeingHistoryChartModerate };
            let value = t.value;
            view! {
                <line class="wb-chart-threshold" x1=short(left, 1) x2=short(right, 1) y1=short(t.y, 1) y2=short(t.y, 1)></line>
                <text class="wb-chart-threshold-label" x=short(right + 6.0, 1) y=short(t.y + 4.0, 1)>
                    {move || format(i18n.lang(), key, &[("n", &value.to_string())])}
                </text>
            }
        })
        .collect_view();
    let points = chart
        .points
        .iter()
        .map(|p| view! { <circle class=format!("wb-chart-point wb-chart-point-{}", p.level.id()) cx=short(p.x, 1) cy=short(p.y, 1) r="5"></circle> })
        .collect_view();
    let first = chart.points.first().copied();
    let last = chart.points.last().copied().filter(|_| chart.points.len() > 1);
    let date_labels = move || {
        let lang = i18n.lang();
        let mut labels = Vec::new();
        if let Some(p) = first {
            let anchor = if last.is_some() { "start" } else { "middle" };
            let x = if last.is_some() { left } else { p.x };
            labels.push(view! {
                <text class="wb-chart-date" x=short(x, 1) y=short(bottom + 20.0, 1) text-anchor=anchor>{date_short(lang, p.date)}</text>
            });
        }
        if let Some(p) = last {
            labels.push(view! {
                <text class="wb-chart-date" x=short(right, 1) y=short(bottom + 20.0, 1) text-anchor="end">{date_short(lang, p.date)}</text>
            });
        }
        labels.collect_view()
    };
    let rows = chart
        .points
        .iter()
        .map(|p| {
            let (date, total, level) = (p.date, p.total, p.level);
            view! {
                <tr>
                    <th scope="row">{move || date_long(i18n.lang(), date)}</th>
                    <td class="wb-num">{total}</td>
                    <td>{move || level_label(i18n.lang(), level)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card wb-evolution" aria-labelledby=labelled_by>
            <h3 id=heading_id>
                {move || format(i18n.lang(), Key::WellbeingHistoryChartHeading, &[("who", who_in_text(i18n.lang(), who))])}
            </h3>
            <svg
                class="wb-chart"
                viewBox=format!("0 0 {} {}", short(f.width, 1), short(f.height, 1))
                role="img"
                aria-label=label
                focusable="false"
            >
                <rect class="wb-chart-band-high" x=short(left, 1) y=short(top, 1) width=short(right - left, 1) height=short(high.y - top, 1)></rect>
                <rect class="wb-chart-band-moderate" x=short(left, 1) y=short(high.y, 1) width=short(right - left, 1) height=short(moderate.y - high.y, 1)></rect>
                {ticks}
                {threshold_lines}
                <polyline class="wb-chart-line" points=chart.line.clone()></polyline>
                {points}
                {date_labels}
            </svg>
            <details class="wb-figures">
                <summary>{crate::i18n::tr(Key::WellbeingHistoryTableShow)}</summary>
                <div class="wb-table-wrap">
                    <table class="wb-table">
                        <caption>
                            {move || format(i18n.lang(), Key::WellbeingHistoryTableCaption, &[("who", who_in_text(i18n.lang(), who))])}
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col">{crate::i18n::tr(Key::WellbeingHistoryColDate)}</th>
                                <th scope="col">{crate::i18n::tr(Key::WellbeingHistoryColTotal)}</th>
                                <th scope="col">{crate::i18n::tr(Key::WellbeingHistoryColTier)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}

/// One check of the list: a link to its result, and delete after a confirmation.
#[component]
fn Entry(
    number: usize,
    check: Check,
    confirming: RwSignal<Option<usize>>,
    announce: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_epds();
    let (date, who, total, level) = (check.date, check.respondent, check.total, check.level());
    let args = move |lang: Lang| {
        [
            ("date", date_long(lang, date)),
            ("who", who_in_text(lang, who).to_string()),
            ("score", score_text(lang, total)),
        ]
    };
    let say = move |key: Key| {
        let lang = i18n.lang();
        let args = args(lang);
        let refs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        format(lang, key, &refs)
    };
    let delete_id = format!("wb-delete-{number}");
    let question_id = format!("wb-delete-{number}-question");
    let ask = move |_| {
        confirming.set(Some(number));
        focus_later(format!("wb-delete-{number}-cancel"));
    };
    let cancel = {
        let delete_id = delete_id.clone();
        move |_| {
            confirming.set(None);
            focus_later(delete_id.clone());
        }
    };
    let delete = move |_| {
        let message = format(i18n.lang(), Key::WellbeingHistoryDeleted, &[("date", &date_long(i18n.lang(), date))]);
        if store.update(|h| h.delete(number)).is_ok() {
            confirming.set(None);
            announce.set(message);
            focus_later("wb-history-heading".to_string());
        }
    };
    view! {
        <li class="wb-entry">
            <A href=result_path(number) attr:class="wb-entry-link">
                <span class="wb-entry-date">{move || date_long(i18n.lang(), date)}</span>
                <span class="wb-entry-text">
                    {move || {
                        let lang = i18n.lang();
                        format(
                            lang,
                            Key::WellbeingHistoryEntry,
                            &[("who", who_label(lang, who)), ("score", &score_text(lang, total)), ("tier", level_label(lang, level))],
                        )
                    }}
                </span>
            </A>
            {move || {
                if confirming.get() == Some(number) {
                    view! {
                        <div class="wb-confirm" role="group" aria-labelledby=question_id.clone()>
                            <p id=question_id.clone()>{move || say(Key::WellbeingHistoryDeleteConfirm)}</p>
                            <div class="actions">
                                <button type="button" class="button danger" on:click=delete>
                                    {crate::i18n::tr(Key::WellbeingHistoryDeleteYes)}
                                </button>
                                <button type="button" class="button secondary" id=format!("wb-delete-{number}-cancel") on:click=cancel.clone()>
                                    {crate::i18n::tr(Key::WellbeingHistoryCancel)}
                                </button>
                            </div>
                        </div>
                    }
                    .into_any()
                } else {
                    view! {
                        <button
                            type="button"
                            class="button secondary wb-delete"
                            id=delete_id.clone()
                            aria-label=move || say(Key::WellbeingHistoryDeleteNamed)
                            on:click=ask
                        >
                            {crate::i18n::tr(Key::WellbeingHistoryDelete)}
                        </button>
                    }
                    .into_any()
                }
            }}
        </li>
    }
}

#[component]
pub fn HistorySection() -> impl IntoView {
    let store = use_epds();
    let confirming = RwSignal::new(None::<usize>);
    let announce = RwSignal::new(String::new());
    let charts = move || {
        store.with(|h| {
            h.respondents().into_iter().filter_map(|r| chart(h, r, ChartFrame::default())).collect::<Vec<_>>()
        })
    };
    let entries = move || {
        store.with(|h| h.checks().iter().cloned().enumerate().map(|(i, c)| (i + 1, c)).rev().collect::<Vec<_>>())
    };
    view! {
        <section class="wb-history" aria-labelledby="wb-history-heading">
            <h2 id="wb-history-heading" tabindex="-1">{crate::i18n::tr(Key::WellbeingHistoryHeading)}</h2>
            <p class="visually-hidden" role="status">{move || announce.get()}</p>
            {move || {
                if store.with(|h| h.is_empty()) {
                    view! { <p class="wb-empty">{crate::i18n::tr(Key::WellbeingHistoryEmpty)}</p> }.into_any()
                } else {
                    view! {
                        {charts().into_iter().map(|c| view! { <Evolution chart=c/> }).collect_view()}
                        <h3 class="wb-list-heading">{crate::i18n::tr(Key::WellbeingHistoryListHeading)}</h3>
                        <ul class="wb-entries">
                            {entries()
                                .into_iter()
                                .map(|(n, c)| view! { <Entry number=n check=c confirming=confirming announce=announce/> })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
