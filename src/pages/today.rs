use crate::components::{coming_soon::ComingSoon, page::Page};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

#[component]
pub fn TodayPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Page title=Key::TodayTitle>
            <p class="lead">{move || i18n.t(Key::TodayIntro)}</p>
            <ComingSoon items=&[Key::TodayComingDay, Key::TodayComingMessages, Key::TodayComingEvents]/>
        </Page>
    }
}
