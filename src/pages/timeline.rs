use crate::components::{coming_soon::ComingSoon, page::Page};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

#[component]
pub fn TimelinePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Page title=Key::TimelineTitle>
            <p class="lead">{move || i18n.t(Key::TimelineIntro)}</p>
            <ComingSoon items=&[Key::TimelineComingDays, Key::TimelineComingEvents, Key::TimelineComingExport]/>
        </Page>
    }
}
