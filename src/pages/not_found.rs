use crate::components::page::Page;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Page title=Key::NotFoundTitle>
            <p>{move || i18n.t(Key::NotFoundBody)}</p>
            <p><A href="/">{move || i18n.t(Key::NotFoundBack)}</A></p>
        </Page>
    }
}
