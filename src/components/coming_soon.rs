use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// What a section will hold, said plainly while it is being built.
#[component]
pub fn ComingSoon(items: &'static [Key]) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="coming-heading">
            <h2 id="coming-heading">{crate::i18n::tr(Key::AppComingHeading)}</h2>
            <ul class="coming">
                {items.iter().map(|&key| view! { <li>{move || i18n.t(key)}</li> }).collect_view()}
            </ul>
        </section>
    }
}
