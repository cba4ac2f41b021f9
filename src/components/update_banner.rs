use crate::i18n::{use_i18n, Key};
use crate::pwa::{self, UpdateReady};
use leptos::prelude::*;

/// "A new version is available", with the button that activates it.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let i18n = use_i18n();
    let UpdateReady(ready) = expect_context::<UpdateReady>();
    view! {
        <div class="update-banner" role="status" aria-live="polite">
            <Show when=move || ready.get()>
                <p>{move || i18n.t(Key::AppUpdateAvailable)}</p>
                <button type="button" class="button" on:click=|_| pwa::apply_update()>
                    {move || i18n.t(Key::AppUpdateApply)}
                </button>
            </Show>
        </div>
    }
}
