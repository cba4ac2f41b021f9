//! The list of the family's profiles in Settings: show one, edit, delete, add.

use crate::components::profile_form::ProfileForm;
use crate::domain::calendar::{Profile, Status};
use crate::domain::family::EditOutcome;
use crate::domain::profile_draft::ProfileDraft;
use crate::family::use_family;
use crate::i18n::{format, use_i18n, Key};
use crate::texts::date_long;
use leptos::prelude::*;

/// What the list is doing: nothing, editing a profile, adding one, or asking to confirm
/// a deletion.
#[derive(Clone, PartialEq)]
enum Mode {
    List,
    Edit(String),
    Add,
    ConfirmDelete(String),
}

fn summary(lang: crate::domain::lang::Lang, profile: &Profile) -> String {
    match &profile.status {
        Status::TryingToConceive => crate::i18n::text(lang, Key::SettingsProfileTrying).to_string(),
        Status::Pregnant { date, .. } => {
            format(lang, Key::SettingsProfilePregnant, &[("date", &date_long(lang, date.pregnancy().due_date()))])
        }
        Status::Born { birth_date, .. } => {
            format(lang, Key::SettingsProfileBorn, &[("date", &date_long(lang, *birth_date))])
        }
    }
}

#[component]
pub fn ProfileList() -> impl IntoView {
    let i18n = use_i18n();
    let family = use_family();
    let mode = RwSignal::new(Mode::List);
    // Said after an edit that another window's change or deletion met (see `save_edit`).
    let conflict = RwSignal::new(None::<Key>);
    let profiles = move || family.with(|f| f.profiles.clone());
    let active = move || family.with(|f| f.active.clone());

    let row = move |profile: Profile| {
        let id = profile.id.clone();
        let name = profile.name.clone();
        let is_active = {
            let id = id.clone();
            Signal::derive(move || active().as_deref() == Some(id.as_str()))
        };
        let label = move |key: Key| {
            let name = name.clone();
            move || format(i18n.lang(), key, &[("name", &name)])
        };
        let (show_id, edit_id, delete_id) = (id.clone(), id.clone(), id.clone());
        view! {
            <li class="profile-row">
                <div class="profile-text">
                    <strong>{profile.name.clone()}</strong>
                    <span>{move || summary(i18n.lang(), &profile)}</span>
                </div>
                <div class="profile-actions">
                    <button
                        type="button"
                        class="button secondary"
                        aria-pressed=move || is_active.get().to_string()
                        aria-label=label(Key::SettingsProfileShow)
                        on:click=move |_| { let _ = family.update(|f| f.set_active(&show_id)); }
                    >
                        {move || i18n.t(if is_active.get() { Key::SettingsProfileActive } else { Key::SettingsProfileShowButton })}
                    </button>
                    <button type="button" class="button secondary" on:click=move |_| mode.set(Mode::Edit(edit_id.clone()))>
                        {label(Key::SettingsProfileEdit)}
                    </button>
                    <button type="button" class="button secondary" on:click=move |_| mode.set(Mode::ConfirmDelete(delete_id.clone()))>
                        {label(Key::SettingsProfileDelete)}
                    </button>
                </div>
            </li>
        }
    };

    let form = move |editing: Option<Profile>| {
        let heading = if editing.is_some() { Key::SettingsProfileEditHeading } else { Key::SettingsProfileAddHeading };
        let (id, initial) = match &editing {
            Some(p) => (p.id.clone(), ProfileDraft::from_profile(p)),
            None => {
                (String::new(), ProfileDraft { name: i18n.t(Key::ProfileNameDefault).into(), ..Default::default() })
            }
        };
        let on_save = Callback::new(move |profile: Profile| {
            let saved = family.update(|f| match &editing {
                Some(base) => f.save_edit(base, profile),
                None => {
                    f.add_profile(profile);
                    EditOutcome::Saved
                }
            });
            if let Ok(outcome) = saved {
                conflict.set(match outcome {
                    EditOutcome::Saved => None,
                    EditOutcome::ChangedElsewhere => Some(Key::StorageChangedElsewhere),
                    EditOutcome::RemovedElsewhere => Some(Key::StorageRemovedElsewhere),
                });
                mode.set(Mode::List);
            }
        });
        view! {
            <section class="card" aria-labelledby="profile-form-heading">
                <h3 id="profile-form-heading">{move || i18n.t(heading)}</h3>
                <ProfileForm id=id initial=initial on_save=on_save on_cancel=Callback::new(move |_| mode.set(Mode::List))/>
            </section>
        }
    };

    view! {
        <section class="card" aria-labelledby="profiles-heading">
            <h2 id="profiles-heading">{crate::i18n::tr(Key::SettingsProfilesHeading)}</h2>
            <p>{crate::i18n::tr(Key::SettingsProfilesIntro)}</p>
            <p role="status" class="profile-conflict">{move || conflict.get().map(|key| i18n.t(key))}</p>
            <ul class="profile-list">
                <For each=profiles key=|p| format!("{}:{:?}:{}", p.id, p.status, p.name) children=row/>
            </ul>
            {move || match mode.get() {
                Mode::List => view! {
                    <button type="button" class="button" on:click=move |_| mode.set(Mode::Add)>
                        {crate::i18n::tr(Key::SettingsProfileAdd)}
                    </button>
                }.into_any(),
                Mode::Add => form(None).into_any(),
                Mode::Edit(id) => form(family.with_untracked(|f| f.profile(&id).cloned())).into_any(),
                Mode::ConfirmDelete(id) => {
                    let name = family.with(|f| f.profile(&id).map(|p| p.name.clone())).unwrap_or_default();
                    view! {
                        <div class="confirm" role="alertdialog" aria-labelledby="delete-question">
                            <p id="delete-question">{move || format(i18n.lang(), Key::SettingsProfileDeleteConfirm, &[("name", &name)])}</p>
                            <div class="actions">
                                <button type="button" class="button danger" on:click=move |_| {
                                    if family.update(|f| f.remove_profile(&id)).is_ok() { mode.set(Mode::List); }
                                }>{crate::i18n::tr(Key::SettingsProfileDeleteYes)}</button>
                                <button type="button" class="button secondary" on:click=move |_| mode.set(Mode::List)>
                                    {crate::i18n::tr(Key::ProfileCancel)}
                                </button>
                            </div>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}
