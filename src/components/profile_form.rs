//! The form that creates or edits a child's profile: onboarding on the Today screen, and
//! in Settings. The rules live in `domain::profile_draft`; this only shows them.

use crate::clock::use_today;
use crate::components::choices::Choices;
use crate::domain::calendar::{ChildRank, Multiplicity, Profile, ProfileError};
use crate::domain::profile_draft::{DateKind, DraftError, Field, Problem, ProfileDraft, Situation};
use crate::i18n::{format, use_i18n, Key};
use crate::texts::date_long;
use leptos::html;
use leptos::prelude::*;

/// The message for an error of the form.
fn error_text(lang: crate::domain::lang::Lang, error: DraftError) -> String {
    use ProfileError::*;
    let key = match error.problem {
        Problem::Missing => match error.field {
            Field::Name => Key::ProfileErrorMissingName,
            Field::Term => Key::ProfileErrorMissingWeeks,
            _ => Key::ProfileErrorMissingDate,
        },
        Problem::NotADate => Key::ProfileErrorNotADate,
        Problem::NotANumber => Key::ProfileErrorNotANumber,
        Problem::Impossible(e) => {
            let (key, date) = match e {
                EmptyName => (Key::ProfileErrorMissingName, None),
                DueDateTooFarAhead { latest } => (Key::ProfileErrorDueTooFar, Some(latest)),
                DueDateTooFarInPast { .. } => (Key::ProfileErrorDuePast, None),
                LastPeriodInFuture => (Key::ProfileErrorLastPeriodFuture, None),
                PregnancyStartInFuture => (Key::ProfileErrorStartFuture, None),
                LastPeriodTooLongAgo { earliest } | PregnancyStartTooLongAgo { earliest } => {
                    (Key::ProfileErrorPregnancyTooOld, Some(earliest))
                }
                BirthDateInFuture => (Key::ProfileErrorBirthFuture, None),
                BirthDateTooLongAgo { earliest } => (Key::ProfileErrorBirthTooOld, Some(earliest)),
                TermDaysInvalid => (Key::ProfileErrorTermDays, None),
                TermOutOfRange => (Key::ProfileErrorTermRange, None),
                DueDateInconsistentWithBirth => (Key::ProfileErrorDueInconsistent, None),
            };
            let date = date.map(|d| date_long(lang, d)).unwrap_or_default();
            return format(lang, key, &[("date", &date)]);
        }
    };
    crate::i18n::text(lang, key).to_string()
}

/// The message shown under a field, if the last attempt failed there.
#[component]
fn FieldError(field: Field, error: RwSignal<Option<DraftError>>, id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="field-error" id=id>
            {move || {
                error.get().filter(|e| e.field == field).map(|e| error_text(i18n.lang(), e))
            }}
        </p>
    }
}

#[component]
pub fn ProfileForm(
    /// The id of the profile being edited (ignored for a new one).
    #[prop(into)]
    id: String,
    initial: ProfileDraft,
    on_save: Callback<Profile>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let today = use_today();
    let draft = RwSignal::new(initial);
    let error = RwSignal::new(None::<DraftError>);
    let name_input = NodeRef::<html::Input>::new();
    let pregnancy_input = NodeRef::<html::Input>::new();
    let birth_input = NodeRef::<html::Input>::new();
    let term_input = NodeRef::<html::Input>::new();

    let situation = Signal::derive(move || draft.with(|d| d.situation));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.with(|d| d.to_profile(&id, today.0.get_untracked())) {
            Ok(profile) => {
                error.set(None);
                on_save.run(profile);
            }
            Err(e) => {
                error.set(Some(e));
                let input = match e.field {
                    Field::Name => name_input.get(),
                    Field::PregnancyDate => pregnancy_input.get(),
                    Field::BirthDate => birth_input.get(),
                    Field::Term => term_input.get(),
                };
                if let Some(input) = input {
                    let _ = input.focus();
                }
            }
        }
    };

    view! {
        <form class="card profile-form" novalidate on:submit=submit>
            <Choices
                name="situation"
                legend=Key::ProfileSituationLegend
                options=vec![
                    (Situation::TryingToConceive, Key::ProfileSituationTrying),
                    (Situation::Pregnant, Key::ProfileSituationPregnant),
                    (Situation::Born, Key::ProfileSituationBorn),
                ]
                selected=situation
                on_change=Callback::new(move |s| draft.update(|d| d.situation = s))
            />

            <div class="field">
                <label for="profile-name">{crate::i18n::tr(Key::ProfileNameLabel)}</label>
                <p class="hint" id="profile-name-hint">{crate::i18n::tr(Key::ProfileNameHint)}</p>
                <input
                    id="profile-name"
                    type="text"
                    autocomplete="off"
                    node_ref=name_input
                    aria-describedby="profile-name-hint profile-name-error"
                    aria-invalid=invalid(error, Field::Name)
                    prop:value=move || draft.with(|d| d.name.clone())
                    on:input=move |ev| draft.update(|d| d.name = event_target_value(&ev))
                />
                <FieldError field=Field::Name error=error id="profile-name-error"/>
            </div>

            <Show when=move || situation.get() == Situation::Pregnant>
                <PregnancyFields draft=draft error=error input=pregnancy_input/>
            </Show>

            <Show when=move || situation.get() == Situation::Born>
                <BirthFields draft=draft error=error birth_input=birth_input term_input=term_input/>
            </Show>

            <div class="actions">
                <button type="submit" class="button">{crate::i18n::tr(Key::ProfileSave)}</button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" class="button secondary" on:click=move |_| cancel.run(())>
                        {crate::i18n::tr(Key::ProfileCancel)}
                    </button>
                })}
            </div>
        </form>
    }
}

/// Whether the last attempt failed at `field`, as the value of `aria-invalid`.
fn invalid(error: RwSignal<Option<DraftError>>, field: Field) -> impl Fn() -> String + Copy {
    move || error.get().is_some_and(|e| e.field == field).to_string()
}

/// The fields of a pregnancy: which date is known and that date, how many babies, the rank.
#[component]
fn PregnancyFields(
    draft: RwSignal<ProfileDraft>,
    error: RwSignal<Option<DraftError>>,
    input: NodeRef<html::Input>,
) -> impl IntoView {
    let i18n = use_i18n();
    let date_kind = Signal::derive(move || draft.with(|d| d.date_kind));
    view! {
        <Choices
            name="date-kind"
            legend=Key::ProfileDateKindLegend
            options=vec![
                (DateKind::DueDate, Key::ProfileDateKindDue),
                (DateKind::LastPeriod, Key::ProfileDateKindLastPeriod),
                (DateKind::PregnancyStart, Key::ProfileDateKindStart),
            ]
            selected=date_kind
            on_change=Callback::new(move |k| draft.update(|d| d.date_kind = k))
        />
        <div class="field">
            <label for="profile-pregnancy-date">
                {move || i18n.t(match date_kind.get() {
                    DateKind::DueDate => Key::ProfileDateLabelDue,
                    DateKind::LastPeriod => Key::ProfileDateLabelLastPeriod,
                    DateKind::PregnancyStart => Key::ProfileDateLabelStart,
                })}
            </label>
            <p class="hint" id="profile-pregnancy-date-hint">{crate::i18n::tr(Key::ProfileDateHint)}</p>
            <input
                id="profile-pregnancy-date"
                type="date"
                node_ref=input
                aria-describedby="profile-pregnancy-date-hint profile-pregnancy-date-error"
                aria-invalid=invalid(error, Field::PregnancyDate)
                prop:value=move || draft.with(|d| d.pregnancy_date.clone())
                on:input=move |ev| draft.update(|d| d.pregnancy_date = event_target_value(&ev))
            />
            <FieldError field=Field::PregnancyDate error=error id="profile-pregnancy-date-error"/>
        </div>
        {babies_choices(draft, Key::ProfileBabiesLegend)}
        <Choices
            name="rank"
            legend=Key::ProfileRankLegend
            hint=Key::ProfileRankHint
            options=vec![
                (ChildRank::First, Key::ProfileRankFirst),
                (ChildRank::Second, Key::ProfileRankSecond),
                (ChildRank::ThirdOrMore, Key::ProfileRankThird),
            ]
            selected=Signal::derive(move || draft.with(|d| d.rank))
            on_change=Callback::new(move |r| draft.update(|d| d.rank = r))
        />
    }
}

/// The fields of a born child: the birth date, the term at birth, how many babies.
#[component]
fn BirthFields(
    draft: RwSignal<ProfileDraft>,
    error: RwSignal<Option<DraftError>>,
    birth_input: NodeRef<html::Input>,
    term_input: NodeRef<html::Input>,
) -> impl IntoView {
    let today = use_today();
    let iso_today = move || today.get().to_string();
    view! {
        <div class="field">
            <label for="profile-birth-date">{crate::i18n::tr(Key::ProfileBirthLabel)}</label>
            <input
                id="profile-birth-date"
                type="date"
                max=iso_today
                node_ref=birth_input
                aria-describedby="profile-birth-date-error"
                aria-invalid=invalid(error, Field::BirthDate)
                prop:value=move || draft.with(|d| d.birth_date.clone())
                on:input=move |ev| draft.update(|d| d.birth_date = event_target_value(&ev))
            />
            <FieldError field=Field::BirthDate error=error id="profile-birth-date-error"/>
        </div>
        <fieldset class="term" aria-describedby="profile-term-hint profile-term-error">
            <legend>{crate::i18n::tr(Key::ProfileTermLegend)}</legend>
            <p class="hint" id="profile-term-hint">{crate::i18n::tr(Key::ProfileTermHint)}</p>
            <div class="term-inputs">
                <div class="field">
                    <label for="profile-term-weeks">{crate::i18n::tr(Key::ProfileTermWeeks)}</label>
                    <input
                        id="profile-term-weeks"
                        type="number"
                        inputmode="numeric"
                        min="22"
                        max="44"
                        node_ref=term_input
                        aria-invalid=invalid(error, Field::Term)
                        prop:value=move || draft.with(|d| d.term_weeks.clone())
                        on:input=move |ev| draft.update(|d| d.term_weeks = event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for="profile-term-days">{crate::i18n::tr(Key::ProfileTermDays)}</label>
                    <input
                        id="profile-term-days"
                        type="number"
                        inputmode="numeric"
                        min="0"
                        max="6"
                        aria-invalid=invalid(error, Field::Term)
                        prop:value=move || draft.with(|d| d.term_days.clone())
                        on:input=move |ev| draft.update(|d| d.term_days = event_target_value(&ev))
                    />
                </div>
            </div>
            <FieldError field=Field::Term error=error id="profile-term-error"/>
        </fieldset>
        // the rest of the second-parent leave depends on it (21 or 28 days)
        {babies_choices(draft, Key::ProfileBabiesBornLegend)}
    }
}

/// How many babies: expected (`legend` says which) or born.
fn babies_choices(draft: RwSignal<ProfileDraft>, legend: Key) -> impl IntoView {
    view! {
        <Choices
            name="babies"
            legend=legend
            options=vec![
                (Multiplicity::Single, Key::ProfileBabiesSingle),
                (Multiplicity::Twins, Key::ProfileBabiesTwins),
                (Multiplicity::TripletsOrMore, Key::ProfileBabiesTriplets),
            ]
            selected=Signal::derive(move || draft.with(|d| d.babies))
            on_change=Callback::new(move |b| draft.update(|d| d.babies = b))
        />
    }
}
