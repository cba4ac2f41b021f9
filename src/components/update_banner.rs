use crate::i18n::Key;
use crate::pwa::{self, UpdateReady};
use leptos::prelude::*;

/// "A new version is available", with the button that activates it.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let UpdateReady(ready) = expect_context::<UpdateReady>();
    view! {
        <div class="update-banner" role="status" aria-live="polite">
            <Show when=move || ready.get()>
                <p>{crate::i18n::tr(Key::AppUpdateAvailable)}</p>
                <button type="button" class="button" on:click=|_| pwa::apply_update()>
                    {crate::i18n::tr(Key::AppUpdateApply)}
                </button>
            </Show>
        </div>
    }
}
