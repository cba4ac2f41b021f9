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

/// The sources of one fact, a list of links under `label` ("Source :" or "Sources :").
#[component]
pub fn SourceLinks(sources: Vec<Source>, label: Key, label_several: Key) -> impl IntoView {
    let label = if sources.len() > 1 { label_several } else { label };
    view! {
        <div class="sources">
            <p class="sources-label">{crate::i18n::tr(label)}</p>
            <ul class="sources-list">
                {sources.into_iter().map(|source| view! { <li><SourceLink source=source/></li> }).collect_view()}
            </ul>
        </div>
    }
}
