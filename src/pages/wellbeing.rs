use crate::components::{coming_soon::ComingSoon, page::Page};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

#[component]
pub fn WellbeingPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Page title=Key::WellbeingTitle>
            <p class="lead">{move || i18n.t(Key::WellbeingIntro)}</p>
            <ComingSoon items=&[Key::WellbeingComingEpds, Key::WellbeingComingHelp, Key::WellbeingComingHistory]/>
        </Page>
    }
}
