use crate::components::page::Page;
use crate::i18n::Key;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Page title=Key::NotFoundTitle>
            <p>{crate::i18n::tr(Key::NotFoundBody)}</p>
            <p><A href="/">{crate::i18n::tr(Key::NotFoundBack)}</A></p>
        </Page>
    }
}
