//! "Install Cocon": the browser's own prompt behind Cocon's button (Chromium), or the
//! short guide for Safari on iPhone and iPad; nothing once installed. Shown at calm
//! moments only: in Settings, on Today right after the first profile is saved, and when
//! a parent opens Cocon from the nurse's QR code. Never a nag: "Not now" hides it.

use crate::i18n::{use_i18n, Key};
use crate::install::{self, Offer};
use leptos::prelude::*;

#[component]
pub fn InstallOffer() -> impl IntoView {
    let i18n = use_i18n();
    let offer = install::offer();
    let dismissed = RwSignal::new(false);
    view! {
        {move || match (offer.get(), dismissed.get()) {
            (_, true) | (Offer::Installed | Offer::None, _) => ().into_any(),
            (Offer::Prompt, _) => view! {
                <section class="card install" aria-labelledby="install-heading">
                    <h2 id="install-heading">{move || i18n.t(Key::InstallHeading)}</h2>
                    <p>{move || i18n.t(Key::InstallBody)}</p>
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| install::prompt()>
                            {move || i18n.t(Key::InstallButton)}
                        </button>
                        <button type="button" class="button secondary" on:click=move |_| dismissed.set(true)>
                            {move || i18n.t(Key::InstallNotNow)}
                        </button>
                    </div>
                </section>
            }
            .into_any(),
            (Offer::IosGuide, _) => view! { <IosGuide dismissed=dismissed/> }.into_any(),
        }}
    }
}

/// Safari on iPhone and iPad: Share, then "Add to Home Screen", then Add.
#[component]
fn IosGuide(dismissed: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card install" aria-labelledby="install-ios-heading">
            <h2 id="install-ios-heading">{move || i18n.t(Key::InstallIosHeading)}</h2>
            <p>{move || i18n.t(Key::InstallIosWhy)}</p>
            // role="list": Safari drops the list from screen readers when its markers are styled away.
            <ol class="install-steps" role="list">
                <li>
                    <svg class="install-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <path d="M12 3v12M7.5 7.5 12 3l4.5 4.5M6 11H4.5v9.5h15V11H18" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>
                    </svg>
                    <span>{move || i18n.t(Key::InstallIosStepShare)}</span>
                </li>
                <li>
                    <svg class="install-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <rect x="4" y="4" width="16" height="16" rx="3.5" fill="none" stroke="currentColor" stroke-width="1.8"/>
                        <path d="M12 8.5v7M8.5 12h7" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>
                    </svg>
                    <span>{move || i18n.t(Key::InstallIosStepAdd)}</span>
                </li>
                <li>
                    <svg class="install-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <path d="M5 12.5 10 17.5 19 7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>
                    </svg>
                    <span>{move || i18n.t(Key::InstallIosStepConfirm)}</span>
                </li>
            </ol>
            <div class="actions">
                <button type="button" class="button secondary" on:click=move |_| dismissed.set(true)>
                    {move || i18n.t(Key::InstallNotNow)}
                </button>
            </div>
        </section>
    }
}
