//! Today: where the family stands (day of the 1000, pregnancy week or baby's age), the
//! day's key messages, the next three things due. On a first visit: onboarding.
//!
//! Today for a profile (`pages::today_for`) is in the calendar section's module
//! (`crate::sections`): a first visit, with no profile yet, does not download it; a visit
//! with a profile fetches it at start, while the texts and messages load.

use crate::components::{install::InstallOffer, later::Later, page::Page, profile_form::ProfileForm};
use crate::domain::calendar::Profile;
use crate::domain::profile_draft::ProfileDraft;
use crate::family::use_family;
use crate::i18n::{use_i18n, Key};
use crate::sections;
use leptos::prelude::*;

#[component]
pub fn TodayPage() -> impl IntoView {
    let family = use_family();
    let active = Memo::new(move |_| family.with(|f| f.active_profile().cloned()));
    // A calm moment to offer installing: the first profile was just saved, or the parent
    // opened Cocon from the nurse's QR code (`/?install`).
    let from_qr = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("install").is_some());
    let offer_install = move || from_qr || crate::install::just_started().get();
    view! {
        <Page title=Key::TodayTitle>
            <Show when=offer_install>
                <InstallOffer/>
            </Show>
            <Later>
                {move || match active.get() {
                    None => view! { <Onboarding/> }.into_any(),
                    Some(profile) => view! {
                        <ProfileSwitcher/>
                        <Suspense>{Suspend::new(sections::show(sections::calendar(sections::Page::Today(profile)), None))}</Suspense>
                    }.into_any(),
                }}
            </Later>
        </Page>
    }
}

#[component]
fn Onboarding() -> impl IntoView {
    let i18n = use_i18n();
    let family = use_family();
    let initial = ProfileDraft { name: i18n.t(Key::ProfileNameDefault).into(), ..Default::default() };
    let on_save = Callback::new(move |profile: Profile| {
        if family.update(|f| f.add_profile(profile)).is_ok() {
            crate::install::just_started().set(true);
        }
    });
    // Today for the new profile is in the calendar section: fetched while the form is
    // filled in, not before (the first screen needs nothing more than the main module).
    // Fetched once, however often this runs.
    let fetch_ahead = move |_: web_sys::FocusEvent| leptos::task::spawn_local(sections::preload_calendar());
    view! {
        <section aria-labelledby="onboarding-heading" on:focusin=fetch_ahead>
            <h2 id="onboarding-heading">{move || i18n.t(Key::TodayOnboardingHeading)}</h2>
            <p class="lead">{move || i18n.t(Key::TodayOnboardingIntro)}</p>
            <ProfileForm id="" initial=initial on_save=on_save/>
        </section>
    }
}

/// One button a profile, when the family has several.
#[component]
fn ProfileSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let family = use_family();
    let profiles =
        move || family.with(|f| f.profiles.iter().map(|p| (p.id.clone(), p.name.clone())).collect::<Vec<_>>());
    view! {
        <Show when=move || { family.with(|f| f.profiles.len() > 1) }>
            <div class="switcher" role="group" aria-label=move || i18n.t(Key::TodaySwitchLegend)>
                <For each=profiles key=|p| p.clone() let((id, name))>
                    {
                        let selected = {
                            let id = id.clone();
                            move || family.with(|f| f.active.as_deref() == Some(id.as_str())).to_string()
                        };
                        view! {
                            <button type="button" class="chip" aria-pressed=selected
                                on:click=move |_| { let _ = family.update(|f| f.set_active(&id)); }>
                                {name}
                            </button>
                        }
                    }
                </For>
            </div>
        </Show>
    }
}
