//! The marks of demonstration mode outside its own page: the banner every screen shows
//! during a demonstration, and the way in from Settings.

use crate::demonstration;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use leptos_router::components::A;

/// "Demonstration with a sample family", with a way out, on every screen of a
/// demonstration (nothing otherwise).
#[component]
pub fn DemoBanner() -> impl IntoView {
    let i18n = use_i18n();
    demonstration::active().map(|_| {
        view! {
            <aside class="demo-banner" aria-label=move || i18n.t(Key::DemoBannerLabel)>
                <p>{move || i18n.t(Key::DemoBannerText)}</p>
                <div class="actions">
                    <A href="/demo">{move || i18n.t(Key::DemoBannerOptions)}</A>
                    <button type="button" class="button" on:click=|_| {
                        let _ = demonstration::leave();
                    }>{move || i18n.t(Key::DemoLeave)}</button>
                </div>
            </aside>
        }
    })
}

/// Settings' way into demonstration mode.
#[component]
pub fn DemoCard() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="demo-heading">
            <h2 id="demo-heading">{move || i18n.t(Key::DemoSettingsHeading)}</h2>
            <p>{move || i18n.t(Key::DemoSettingsBody)}</p>
            <p><A href="/demo">{move || i18n.t(Key::DemoSettingsLink)}</A></p>
        </section>
    }
}
