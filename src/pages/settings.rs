use crate::components::{
    data_controls::DataControls, demo_cards::DemoCard, install::InstallOffer, language_picker::LanguagePicker,
    page::Page, profiles::ProfileList,
};
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <Page title=Key::SettingsTitle>
            <LanguagePicker/>
            <InstallOffer/>
            <ProfileList/>
            <DataControls/>
            <DemoCard/>
        </Page>
    }
}
