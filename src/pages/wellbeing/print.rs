//! `/wellbeing/print/:n`: the summary of a check to show a professional, laid out for
//! print (`@media print` in `style/wellbeing.css`): date, who answered and when, each
//! question with the answer chosen and its points, the total, the anxiety subscale, the
//! level and the cut-offs used. Made on the device from the stored points; no network.

use super::result::use_check_number;
use super::{items_resource, level_label, result_path, score_text, when_label, who_label};
use crate::components::page::Page;
use crate::domain::epds::{Check, Items};
use crate::epds_store::use_epds;
use crate::i18n::{format, use_i18n, Key};
use crate::texts::date_long;
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

/// The text of the answer of item `n` worth `points` (points are a permutation of 0-3,
/// so exactly one answer has them).
pub fn answer_with_points(items: &Items, n: u8, points: u8) -> Option<&str> {
    items.item(n)?.answers.iter().find(|a| a.points == points).map(|a| a.text.as_str())
}

#[component]
pub fn PrintPage() -> impl IntoView {
    let store = use_epds();
    let number = use_check_number();
    let items = items_resource();
    let check = Memo::new(move |_| number.get().and_then(|n| store.with(|h| h.get(n).cloned())));
    view! {
        <Page title=Key::WellbeingPrintTitle>
            <div class="wb-page">
            {move || match (check.get(), items.get()) {
                (None, _) => view! {
                    <p>{crate::i18n::tr(Key::WellbeingResultNotFound)}</p>
                    <p><A href="/wellbeing">{crate::i18n::tr(Key::WellbeingResultBack)}</A></p>
                }
                .into_any(),
                (Some(_), None) => view! { <p aria-busy="true">{crate::i18n::tr(Key::WellbeingCheckLoading)}</p> }.into_any(),
                (Some(_), Some(Err(_))) => view! { <p role="alert">{crate::i18n::tr(Key::WellbeingCheckError)}</p> }.into_any(),
                (Some(check), Some(Ok(items))) => {
                    view! { <Summary check=check items=items number=number.get().unwrap_or(1)/> }.into_any()
                }
            }}
            </div>
        </Page>
    }
}

#[component]
fn Summary(check: Check, items: Arc<Items>, number: usize) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let t = check.respondent.thresholds();
    let (date, who, when, level, total, anxiety) =
        (check.date, check.respondent, check.when, check.level(), check.total, check.anxiety);
    let thresholds = move || {
        format(
            lang(),
            Key::WellbeingPrintThresholdsValue,
            &[
                ("who", who_label(lang(), who)),
                ("low_max", &(t.moderate_from - 1).to_string()),
                ("moderate_from", &t.moderate_from.to_string()),
                ("moderate_max", &(t.high_from - 1).to_string()),
                ("high_from", &t.high_from.to_string()),
                ("anxiety_from", &t.anxiety_from.to_string()),
            ],
        )
    };
    let rows = items
        .items()
        .iter()
        .zip(check.points)
        .map(|(item, points)| {
            let answer = answer_with_points(&items, item.number, points).unwrap_or_default().to_string();
            view! {
                <tr>
                    <th scope="row">{item.number}</th>
                    <td>
                        <span class="wb-q">{item.text.clone()}</span>
                        <span class="wb-a">{answer}</span>
                    </td>
                    <td class="wb-num">{points}</td>
                </tr>
            }
        })
        .collect_view();
    let period = items.intro().to_string();
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let pair = |label: Key, value: Box<dyn Fn() -> String + Send + Sync>| {
        view! {
            <div>
                <dt>{move || i18n.t(label)}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    view! {
        <div class="wb-print">
            <p>{crate::i18n::tr(Key::WellbeingPrintIntro)}</p>
            <dl class="wb-summary">
                {pair(Key::WellbeingPrintDate, Box::new(move || date_long(lang(), date)))}
                {pair(Key::WellbeingPrintWho, Box::new(move || who_label(lang(), who).to_string()))}
                {pair(Key::WellbeingPrintWhen, Box::new(move || when_label(lang(), when).to_string()))}
                {pair(Key::WellbeingPrintTotal, Box::new(move || score_text(lang(), total)))}
                {pair(
                    Key::WellbeingPrintAnxiety,
                    Box::new(move || {
                        format(lang(), Key::WellbeingPrintAnxietyValue, &[("n", &anxiety.to_string())])
                    }),
                )}
                {pair(Key::WellbeingPrintTier, Box::new(move || level_label(lang(), level).to_string()))}
                {pair(Key::WellbeingPrintThresholds, Box::new(thresholds))}
            </dl>
            {check.self_harm().then(|| view! { <p class="wb-print-self-harm">{crate::i18n::tr(Key::WellbeingPrintSelfHarm)}</p> })}
            <div class="wb-table-wrap">
                <table class="wb-table wb-answers-table">
                    <caption>
                        {move || format(lang(), Key::WellbeingPrintAnswersCaption, &[("period", &period)])}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{crate::i18n::tr(Key::WellbeingPrintColNumber)}</th>
                            <th scope="col">
                                <span class="wb-q">{crate::i18n::tr(Key::WellbeingPrintColQuestion)}</span>
                                <span class="wb-a">{crate::i18n::tr(Key::WellbeingPrintColAnswer)}</span>
                            </th>
                            <th scope="col">{crate::i18n::tr(Key::WellbeingPrintColPoints)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row" colspan="2">{crate::i18n::tr(Key::WellbeingPrintTotal)}</th>
                            <td class="wb-num">{total}</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <p>{crate::i18n::tr(Key::WellbeingPrintNotDiagnosis)}</p>
            <p class="wb-credit">{items.credit().to_string()}</p>
            <div class="actions wb-no-print">
                <button type="button" class="button" on:click=print>{crate::i18n::tr(Key::WellbeingPrintButton)}</button>
                <A href=result_path(number)>{crate::i18n::tr(Key::WellbeingPrintBack)}</A>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answer_chosen_is_found_by_its_points_in_both_languages() {
        for json in [include_str!("../../../locales/fr/epds.json"), include_str!("../../../locales/en/epds.json")] {
            let items = Items::from_json(json).unwrap();
            for item in items.items() {
                for answer in &item.answers {
                    assert_eq!(answer_with_points(&items, item.number, answer.points), Some(answer.text.as_str()));
                }
            }
            assert_eq!(answer_with_points(&items, 11, 0), None);
        }
    }
}
