use crate::components::page::Page;
use leptos::prelude::*;
use crate::i18n::Key;

/// What is due: placeholder until the events list lands.
#[component]
pub fn EventsPage() -> impl IntoView {
    view! { <Page title=Key::TimelineTitle><p></p></Page> }
}
