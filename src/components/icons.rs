//! Small inline SVG icons (no icon font, no request). Decorative: hidden from screen readers.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    Today,
    Timeline,
    Directory,
    Wellbeing,
    Settings,
}

impl Icon {
    fn path(self) -> &'static str {
        match self {
            Icon::Today => "M12 4v2M12 18v2M4 12h2M18 12h2M6.3 6.3l1.4 1.4M16.3 16.3l1.4 1.4M6.3 17.7l1.4-1.4M16.3 7.7l1.4-1.4M12 8.5a3.5 3.5 0 1 0 0 7a3.5 3.5 0 1 0 0-7z",
            Icon::Timeline => "M5 5h14a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zM4 10h16M8 3v4M16 3v4M8 14h2M12 14h2M8 17h2",
            Icon::Directory => "M12 21s-6-5.5-6-10a6 6 0 0 1 12 0c0 4.5-6 10-6 10zM12 8.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z",
            Icon::Wellbeing => "M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z",
            Icon::Settings => "M4 7h9M17 7h3M4 17h3M11 17h9M15 5v4M9 15v4M4 12h13M21 12h-1M19 10v4"
        }
    }
}

#[component]
pub fn SvgIcon(icon: Icon) -> impl IntoView {
    view! {
        <svg
            class="icon"
            viewBox="0 0 24 24"
            width="24"
            height="24"
            aria-hidden="true"
            focusable="false"
            fill="none"
            stroke="currentColor"
            stroke-width="1.8"
            stroke-linecap="round"
            stroke-linejoin="round"
        >
            <path d=icon.path()></path>
        </svg>
    }
}
