//! A QR code drawn on the device (an SVG path, `domain::qr`), with a label for screen
//! readers. Nothing is fetched to draw it.

use crate::domain::qr::qr_path;
use leptos::prelude::*;

/// The code of `text`; nothing when the text is too long for a QR code.
#[component]
pub fn QrCode(text: String, #[prop(into)] label: Signal<String>) -> impl IntoView {
    qr_path(&text).map(|(path, side)| {
        view! {
            <svg class="qr-code" role="img" viewBox=format!("0 0 {side} {side}") aria-label=move || label.get()>
                <rect width=side.to_string() height=side.to_string() fill="#fff"/>
                <path d=path fill="#000"/>
            </svg>
        }
    })
}
