use crate::components::{language_picker::LanguagePicker, page::Page, profiles::ProfileList};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Page title=Key::SettingsTitle>
            <LanguagePicker/>
            <ProfileList/>
            <section class="card" aria-labelledby="privacy-heading">
                <h2 id="privacy-heading">{move || i18n.t(Key::SettingsPrivacyHeading)}</h2>
                <p>{move || i18n.t(Key::SettingsPrivacyBody)}</p>
                <p>{move || i18n.t(Key::SettingsComingData)}</p>
            </section>
        </Page>
    }
}
