//! The way to the urgent page, "when to call": a plain link (not the app's router) to the
//! page written at build time by `scripts/urgent-page.mjs`, which opens even offline and
//! even when the app cannot start. On every screen (the top bar), and as a card on Today
//! and Well-being.

use crate::domain::urgent::page_path;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

/// The top bar's link, on every screen.
#[component]
pub fn UrgentBar() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="urgent-bar">
            <a class="urgent-link" href=move || page_path(i18n.lang()) rel="external">
                {move || i18n.t(Key::AppUrgent)}
            </a>
        </div>
    }
}

/// A card: the page's title and what it holds.
#[component]
pub fn UrgentCard() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="card urgent-card">
            <a href=move || page_path(i18n.lang()) rel="external">
                <strong>{move || i18n.t(Key::AppUrgentCardTitle)}</strong>
                <span>{move || i18n.t(Key::AppUrgentCardText)}</span>
            </a>
        </div>
    }
}
