use crate::components::{
    data_controls::DataControls, demo_cards::DemoCard, language_picker::LanguagePicker, page::Page,
    profiles::ProfileList,
};
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <Page title=Key::SettingsTitle>
            <LanguagePicker/>
            <ProfileList/>
            <DataControls/>
            <DemoCard/>
        </Page>
    }
}
