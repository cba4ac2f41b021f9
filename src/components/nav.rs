use crate::components::icons::{Icon, SvgIcon};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use leptos_router::components::A;

/// The five sections, in the order of the bottom navigation.
pub const SECTIONS: [(&str, Key, Icon); 5] = [
    ("/", Key::NavToday, Icon::Today),
    ("/timeline", Key::NavTimeline, Icon::Timeline),
    ("/directory", Key::NavDirectory, Icon::Directory),
    ("/wellbeing", Key::NavWellbeing, Icon::Wellbeing),
    ("/settings", Key::NavSettings, Icon::Settings),
];

/// The bottom navigation. The router marks the current section with `aria-current="page"`
/// (a section stays marked on its sub-pages, e.g. `/timeline/events`).
#[component]
pub fn BottomNav() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="bottom-nav" aria-label=crate::i18n::tr(Key::NavLabel)>
            <ul>
                {SECTIONS
                    .into_iter()
                    .map(|(href, key, icon)| {
                        view! {
                            <li>
                                <A href=href exact=href == "/">
                                    <SvgIcon icon=icon/>
                                    <span>{move || i18n.t(key)}</span>
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
