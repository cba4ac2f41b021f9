use crate::i18n::{use_i18n, Key};
use leptos::html;
use leptos::prelude::*;
use std::cell::Cell;

thread_local! {
    /// False until the first page has been shown: the page the app opens on keeps the
    /// browser's own focus; every later one moves focus to its heading.
    static OPENED: Cell<bool> = const { Cell::new(false) };
}

/// The frame of every page: its heading (focused when the parent moves to the page, so
/// that a screen reader announces where they arrived) and the document title.
#[component]
pub fn Page(title: Key, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let heading = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        let page = i18n.t(title);
        document().set_title(&format!("{page} · {}", i18n.t(Key::AppName)));
    });
    let first_page = !OPENED.with(|opened| opened.replace(true));
    Effect::new(move |_| {
        if let Some(h1) = heading.get() {
            if !first_page {
                let _ = h1.focus();
            }
        }
    });
    view! {
        <article class="page">
            <h1 tabindex="-1" node_ref=heading>{move || i18n.t(title)}</h1>
            {children()}
        </article>
    }
}
