use crate::components::{coming_soon::ComingSoon, page::Page};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

#[component]
pub fn DirectoryPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Page title=Key::DirectoryTitle>
            <p class="lead">{move || i18n.t(Key::DirectoryIntro)}</p>
            <ComingSoon items=&[Key::DirectoryComingPlaces, Key::DirectoryComingLines, Key::DirectoryComingSearch]/>
        </Page>
    }
}
