//! A source as a link to the page that states the fact: "publisher, title", opening in a
//! new tab (said to screen readers). Used by messages and by what is due.

use crate::domain::source::Source;
use crate::i18n::Key;
use leptos::prelude::*;

#[component]
pub fn SourceLink(source: Source) -> impl IntoView {
    view! {
        <a href=source.url rel="noopener noreferrer" target="_blank">
            {format!("{}, {}", source.org, source.title)}
            <span class="tl-sr">" " {crate::i18n::tr(Key::MessagesNewTab)}</span>
        </a>
    }
}

/// The sources of one fact, one link each, separated by semicolons.
#[component]
pub fn SourceLinks(sources: Vec<Source>) -> impl IntoView {
    let count = sources.len();
    sources
        .into_iter()
        .enumerate()
        .map(|(i, source)| view! { <SourceLink source=source/> {(i + 1 < count).then_some(" ; ")} })
        .collect_view()
}
