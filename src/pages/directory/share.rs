//! Showing entries to a parent as a QR code (`domain::directory::share`): the parent's
//! camera opens Cocon's import page with the entries in the address's fragment, never sent
//! to a server, and the import preview asks whether to keep them.

use crate::components::qr::QrCode;
use crate::domain::directory::share::{share_url, ShareError};
use crate::domain::directory::Entry;
use crate::i18n::{format, use_i18n, Key};
use leptos::prelude::*;

/// A section with a button that shows (and hides) the QR code of `entries`.
#[component]
pub fn ShareCode(entries: Vec<Entry>, heading: Key) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let origin = window().location().origin().unwrap_or_default();
    let n = entries.len();
    let names = entries.iter().map(|e| e.name.as_str()).collect::<Vec<_>>().join(", ");
    let body = match share_url(&origin, &entries) {
        Err(ShareError::TooMany { max }) => {
            view! { <p>{move || format(i18n.lang(), Key::ShareTooMany, &[("max", &max.to_string())])}</p> }.into_any()
        }
        Err(_) => view! { <p>{crate::i18n::tr(Key::ShareTooLong)}</p> }.into_any(),
        Ok(url) => {
            let label = Signal::derive(move || format(i18n.lang(), Key::ShareQrLabel, &[("names", &names)]));
            let intro = move || {
                if n == 1 {
                    i18n.t(Key::ShareIntro).to_string()
                } else {
                    format(i18n.lang(), Key::ShareIntroMany, &[("n", &n.to_string())])
                }
            };
            view! {
                <button type="button" class="button secondary" aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)>
                    {move || i18n.t(if open.get() { Key::ShareHide } else { Key::ShareShow })}
                </button>
                <Show when=move || open.get()>
                    <p>{intro}</p>
                    <QrCode text=url.clone() label=label/>
                </Show>
            }
            .into_any()
        }
    };
    view! {
        <section class="card dir-share" aria-labelledby="dir-share-heading">
            <h3 id="dir-share-heading">{crate::i18n::tr(heading)}</h3>
            {body}
        </section>
    }
}
