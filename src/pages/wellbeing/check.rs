//! `/wellbeing/check`: the questionnaire. An introduction (what the scale is, who answers
//! and when), then one item a screen with its progress, back and forward (forward once
//! answered), then the safety screen when item 10 scored above 0, then the result.
//!
//! The phone's Back button: while the items are on screen, the address carries one more
//! history entry ([`QUESTIONS`]); Back removes it, and the page takes it as "Previous"
//! (and puts it back) instead of leaving the questionnaire (see [`Flow::back_key`]).

use super::flow::{use_flow, when_of, BackKey, Flow, Step};
use super::help::SafetyLines;
use super::result::ResultView;
use super::{helplines_resource, items_resource, result_path, SaveError};
use crate::clock::use_today;
use crate::components::choices::Choices;
use crate::components::event_card::focus_later;
use crate::components::page::Page;
use crate::domain::epds::{Items, Respondent, When, ITEM_COUNT};
use crate::epds_store::use_epds;
use crate::family::use_family;
use crate::i18n::{format, use_i18n, Key};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use std::sync::Arc;

/// The screens, as far as what is drawn changes: every item shares one screen, so that
/// its progress line is one live region that stays in the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    Intro,
    Items,
    Safety,
    Result,
}

impl Screen {
    fn of(step: Step) -> Screen {
        match step {
            Step::Intro => Screen::Intro,
            Step::Item(_) => Screen::Items,
            Step::Safety => Screen::Safety,
            Step::Result => Screen::Result,
        }
    }
}

/// The heading each step moves focus to.
fn heading_id(step: Step) -> &'static str {
    match step {
        Step::Intro => "wb-intro-heading",
        Step::Item(_) => "wb-item-heading",
        Step::Safety => "wb-safety-heading",
        Step::Result => "wb-score-heading",
    }
}

/// The address while the items are on screen: one history entry above the questionnaire's.
const QUESTIONS: &str = "/wellbeing/check?at=questions";
const CHECK: &str = "/wellbeing/check";

fn push(navigate: &impl Fn(&str, NavigateOptions), to: &str) {
    navigate(to, NavigateOptions { scroll: false, ..Default::default() });
}

/// Keeps the history entry of the items while they are on screen, and takes its removal
/// (the Back button) as a step back.
fn back_key_as_previous(flow: RwSignal<Flow>) {
    let query = use_query_map();
    let navigate = use_navigate();
    Effect::new(move |was: Option<bool>| {
        let at_questions = query.with(|q| q.get("at").is_some());
        let on_item = flow.with_untracked(|f| f.item().is_some());
        match (was, at_questions) {
            // Opened on the items (continued from Well-being): the entry goes above.
            (None, false) if on_item => push(&navigate, QUESTIONS),
            // Opened with the entry but no item to show (a reload): it goes.
            (None, true) if !on_item => {
                navigate(CHECK, NavigateOptions { replace: true, scroll: false, ..Default::default() })
            }
            (Some(true), false) => match flow.try_update(Flow::back_key) {
                Some(BackKey::Previous) => {
                    moved(flow);
                    push(&navigate, QUESTIONS);
                }
                Some(BackKey::Intro) => moved(flow),
                Some(BackKey::Leave) => navigate("/wellbeing", NavigateOptions { replace: true, ..Default::default() }),
                None => {}
            },
            _ => {}
        }
        at_questions
    });
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let flow = use_flow();
    let family = use_family();
    // A questionnaire finished and saved was left for its result page: start a new one.
    if flow.with_untracked(|f| f.step == Step::Result && f.done.as_ref().is_some_and(|d| d.number.is_some())) {
        flow.set(Flow::default());
    }
    if flow.with_untracked(Flow::is_untouched) {
        let when = family.with_untracked(|f| f.active_profile().and_then(|p| when_of(&p.status)));
        flow.update(|f| f.when = when);
    }
    let items = items_resource();
    let helplines = helplines_resource();
    let screen = Memo::new(move |_| flow.with(|f| Screen::of(f.step)));
    back_key_as_previous(flow);

    view! {
        <Page title=Key::WellbeingCheckTitle>
            <div class="wb-page">
            <SaveError/>
            {move || {
                let loaded = items.get();
                match loaded {
                    None => view! { <p aria-busy="true">{crate::i18n::tr(Key::WellbeingCheckLoading)}</p> }.into_any(),
                    Some(Err(_)) => view! { <p role="alert">{crate::i18n::tr(Key::WellbeingCheckError)}</p> }.into_any(),
                    Some(Ok(items)) => {
                        view! { <Screens items=items screen=screen helplines=helplines/> }.into_any()
                    }
                }
            }}
            </div>
        </Page>
    }
}

#[component]
fn Screens(
    items: Arc<Items>,
    screen: Memo<Screen>,
    helplines: LocalResource<Result<Arc<crate::domain::helplines::Helplines>, String>>,
) -> impl IntoView {
    let flow = use_flow();
    move || match screen.get() {
        Screen::Intro => view! { <Intro items=items.clone()/> }.into_any(),
        Screen::Items => view! { <Questions items=items.clone()/> }.into_any(),
        Screen::Safety => view! { <Safety helplines=helplines/> }.into_any(),
        Screen::Result => match flow.with_untracked(|f| f.done.clone()) {
            Some(done) => view! {
                <p class="wb-not-saved" role="alert">{move || use_i18n().t(Key::WellbeingResultNotSaved)}</p>
                <ResultView check=done.check number=done.number/>
            }
            .into_any(),
            None => ().into_any(),
        },
    }
}

/// Moves to the screen of the flow's new step, and focus to its heading.
fn moved(flow: RwSignal<Flow>) {
    focus_later(heading_id(flow.with_untracked(|f| f.step)).to_string());
}

#[component]
fn Intro(items: Arc<Items>) -> impl IntoView {
    let flow = use_flow();
    let can_start = move || flow.with(Flow::can_start);
    let respondent = Signal::derive(move || flow.with(|f| f.respondent));
    let when = Signal::derive(move || flow.with(|f| f.when));
    let navigate = use_navigate();
    let start = move |ev: SubmitEvent| {
        ev.prevent_default();
        if flow.try_update(|f| f.start()).unwrap_or(false) {
            moved(flow);
            push(&navigate, QUESTIONS);
        }
    };
    view! {
        <section class="wb-screen" aria-labelledby="wb-intro-heading">
            <h2 id="wb-intro-heading" tabindex="-1">{crate::i18n::tr(Key::WellbeingCheckIntroHeading)}</h2>
            <p>{crate::i18n::tr(Key::WellbeingCheckWhat)}</p>
            <p>{crate::i18n::tr(Key::WellbeingCheckLength)}</p>
            <p class="wb-note">{crate::i18n::tr(Key::WellbeingCheckNotDiagnosis)}</p>
            <p>{crate::i18n::tr(Key::WellbeingCheckPrivate)}</p>
            <form class="wb-intro-form" novalidate on:submit=start>
                <Choices
                    name="wb-who"
                    legend=Key::WellbeingCheckWhoLegend
                    hint=Key::WellbeingCheckWhoHint
                    options=vec![
                        (Some(Respondent::Mother), Key::WellbeingCheckWhoMother),
                        (Some(Respondent::SecondParent), Key::WellbeingCheckWhoSecondParent),
                    ]
                    selected=respondent
                    on_change=Callback::new(move |r: Option<Respondent>| flow.update(|f| f.respondent = r))
                />
                <Choices
                    name="wb-when"
                    legend=Key::WellbeingCheckWhenLegend
                    options=vec![
                        (Some(When::Pregnancy), Key::WellbeingCheckWhenPregnancy),
                        (Some(When::Postpartum), Key::WellbeingCheckWhenPostpartum),
                    ]
                    selected=when
                    on_change=Callback::new(move |w: Option<When>| flow.update(|f| f.when = w))
                />
                <p class="hint">{crate::i18n::tr(Key::WellbeingCheckWording)}</p>
                <Show when=move || !can_start()>
                    <p class="hint" id="wb-start-hint">{crate::i18n::tr(Key::WellbeingCheckStartHint)}</p>
                </Show>
                <button
                    type="submit"
                    class="button"
                    disabled=move || !can_start()
                    aria-describedby=move || (!can_start()).then_some("wb-start-hint")
                >
                    {crate::i18n::tr(Key::WellbeingCheckStart)}
                </button>
            </form>
            <p class="wb-credit">
                <span class="wb-credit-label">{crate::i18n::tr(Key::WellbeingCheckCreditLabel)}</span>
                " "
                {items.credit().to_string()}
            </p>
        </section>
    }
}

#[component]
fn Questions(items: Arc<Items>) -> impl IntoView {
    let i18n = use_i18n();
    let flow = use_flow();
    let store = use_epds();
    let today = use_today();
    let navigate = use_navigate();
    let current = Memo::new(move |_| flow.with(|f| f.item().unwrap_or(1)));
    let answered = move || flow.with(Flow::can_go_on);
    let last = move || flow.with(Flow::is_last);
    let progress = move || {
        format(
            i18n.lang(),
            Key::WellbeingCheckProgress,
            &[("n", &current.get().to_string()), ("total", &ITEM_COUNT.to_string())],
        )
    };
    let back = move |_| {
        if flow.with_untracked(|f| f.item() == Some(1)) {
            // to the introduction: the items' history entry goes, as with the Back button
            if let Ok(history) = window().history() {
                let _ = history.back();
            }
        } else if flow.try_update(|f| f.back()).unwrap_or(false) {
            moved(flow);
        }
    };
    let on_submit = {
        let items = items.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if !flow.with_untracked(Flow::is_last) {
                if flow.try_update(|f| f.forward()).unwrap_or(false) {
                    moved(flow);
                }
                return;
            }
            let Some(check) = flow.try_update(|f| f.finish(&items, today.0.get_untracked())).flatten() else {
                return;
            };
            let number = store.update(|h| h.add(check.clone())).ok();
            flow.update(|f| f.saved(number));
            match number {
                Some(n) if !check.self_harm() => {
                    navigate(&result_path(n), NavigateOptions { replace: true, ..Default::default() });
                }
                _ => moved(flow),
            }
        }
    };
    let period = items.intro().to_string();
    view! {
        <section class="wb-screen wb-questions" aria-labelledby="wb-item-heading">
            <p class="wb-progress-text" aria-live="polite">{progress}</p>
            <div class="wb-progress" aria-hidden="true">
                {progress_steps(current)}
            </div>
            <p class="wb-period">{period}</p>
            <form class="wb-item-form" novalidate on:submit=on_submit>
                <Question items=items current=current/>
                <Show when=move || !answered()>
                    <p class="hint" id="wb-next-hint">{crate::i18n::tr(Key::WellbeingCheckNextHint)}</p>
                </Show>
                <div class="wb-nav">
                    <button type="button" class="button secondary" on:click=back>
                        {crate::i18n::tr(Key::WellbeingCheckPrevious)}
                    </button>
                    <button
                        type="submit"
                        class="button"
                        disabled=move || !answered()
                        aria-describedby=move || (!answered()).then_some("wb-next-hint")
                    >
                        {move || i18n.t(if last() { Key::WellbeingCheckFinish } else { Key::WellbeingCheckNext })}
                    </button>
                </div>
            </form>
        </section>
    }
}

/// The item on screen: its text and its answers, as a group of radio buttons.
#[component]
fn Question(items: Arc<Items>, current: Memo<u8>) -> impl IntoView {
    let flow = use_flow();
    move || {
        let n = current.get();
        let item = items.item(n)?.clone();
        let name = format!("wb-item-{n}");
        Some(view! {
            <fieldset class="wb-item">
                <legend>
                    <h2 id="wb-item-heading" class="wb-item-text" tabindex="-1">{item.text.clone()}</h2>
                </legend>
                <div class="wb-answers">
                    {item
                        .answers
                        .iter()
                        .enumerate()
                        .map(|(i, answer)| {
                            let i = i as u8;
                            view! {
                                <label class="wb-answer">
                                    <input
                                        type="radio"
                                        name=name.clone()
                                        value=i.to_string()
                                        prop:checked=move || flow.with(|f| f.answers.chosen(n) == Some(i))
                                        on:change=move |_| {
                                            flow.update(|f| {
                                                f.choose(i);
                                            })
                                        }
                                    />
                                    <span>{answer.text.clone()}</span>
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        })
    }
}

/// The progress of the items, one mark each (the line above says it in words).
fn progress_steps(current: Memo<u8>) -> impl IntoView {
    (1..=ITEM_COUNT as u8)
        .map(|k| {
            view! {
                <span
                    class="wb-progress-step"
                    class:wb-progress-done=move || k < current.get()
                    class:wb-progress-current=move || k == current.get()
                ></span>
            }
        })
        .collect_view()
}

/// Item 10 scored above 0: the lines to call, before any score, whatever the total.
#[component]
fn Safety(helplines: LocalResource<Result<Arc<crate::domain::helplines::Helplines>, String>>) -> impl IntoView {
    let flow = use_flow();
    let navigate = use_navigate();
    let see_result = move |_| match flow.with_untracked(|f| f.done.as_ref().and_then(|d| d.number)) {
        Some(n) => navigate(&result_path(n), NavigateOptions::default()),
        None => {
            flow.update(|f| f.to_result());
            moved(flow);
        }
    };
    view! {
        <section class="wb-screen wb-safety" aria-labelledby="wb-safety-heading">
            <h2 id="wb-safety-heading" tabindex="-1">{crate::i18n::tr(Key::WellbeingSafetyHeading)}</h2>
            <p class="wb-safety-text">{crate::i18n::tr(Key::WellbeingSafetyText)}</p>
            <SafetyLines helplines=helplines/>
            <p class="wb-safety-professional">{crate::i18n::tr(Key::WellbeingSafetyProfessional)}</p>
            <button type="button" class="button" on:click=see_result>
                {crate::i18n::tr(Key::WellbeingSafetySeeResult)}
            </button>
        </section>
    }
}
