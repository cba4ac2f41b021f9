//! The app's sections, each in a wasm module of its own: the release build splits them
//! off the main module (scripts/split.mjs) and a section is fetched the first time one of
//! its pages is shown. The main module holds the shell and the onboarding: all that a
//! first visit needs.
//!
//! One module a section, not a page: pages of a section share most of their code, and
//! every extra module multiplies the small files the code they share is cut into.
//! Today for a profile is in the calendar section with the Timeline and the events:
//! once Today is shown, they open at once.

use crate::domain::calendar::Profile;
use crate::pages;
use leptos::lazy;
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// A page that lives in a section's module.
#[derive(Clone)]
pub enum Page {
    Today(Profile),
    Timeline,
    Events,
    Directory,
    DirectoryEntry,
    DirectoryImport,
    DirectoryNew,
    DirectoryEdit,
    Wellbeing,
    WellbeingCheck,
    WellbeingResult,
    WellbeingPrint,
    Settings,
    Demo,
}

/// Today for a profile, the Timeline, the events.
#[lazy]
pub fn calendar(page: Page) -> AnyView {
    match page {
        Page::Today(profile) => view! { <pages::today::TodayFor profile=profile/> }.into_any(),
        Page::Timeline => pages::timeline::TimelinePage().into_any(),
        Page::Events => pages::events::EventsPage().into_any(),
        _ => ().into_any(),
    }
}

/// Fetches and compiles the calendar section ahead of its first use (see `crate::start`).
pub async fn preload_calendar() {
    __preload_calendar().await;
}

#[lazy]
fn directory(page: Page) -> AnyView {
    match page {
        Page::Directory => pages::directory::DirectoryPage().into_any(),
        Page::DirectoryEntry => pages::directory::EntryPage().into_any(),
        Page::DirectoryImport => pages::directory::ImportPage().into_any(),
        Page::DirectoryNew => pages::directory::OwnNewPage().into_any(),
        Page::DirectoryEdit => pages::directory::OwnEditPage().into_any(),
        _ => ().into_any(),
    }
}

#[lazy]
fn wellbeing(page: Page) -> AnyView {
    match page {
        Page::Wellbeing => pages::wellbeing::WellbeingPage().into_any(),
        Page::WellbeingCheck => pages::wellbeing::CheckPage().into_any(),
        Page::WellbeingResult => pages::wellbeing::ResultPage().into_any(),
        Page::WellbeingPrint => pages::wellbeing::PrintPage().into_any(),
        _ => ().into_any(),
    }
}

#[lazy]
fn settings(page: Page) -> AnyView {
    match page {
        Page::Settings => pages::settings::SettingsPage().into_any(),
        _ => ().into_any(),
    }
}

#[lazy]
fn demo(page: Page) -> AnyView {
    match page {
        Page::Demo => pages::demo::DemoPage().into_any(),
        _ => ().into_any(),
    }
}

/// One route type a page, for `Lazy::<Route>` in the router: the router keeps the page
/// shown until the next one's section is loaded.
macro_rules! routes {
    ($($route:ident => $section:ident($page:ident),)*) => {$(
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> impl std::future::Future<Output = AnyView> {
                $section(Page::$page)
            }
        }
    )*};
}

routes! {
    TimelineRoute => calendar(Timeline),
    EventsRoute => calendar(Events),
    DirectoryRoute => directory(Directory),
    DirectoryEntryRoute => directory(DirectoryEntry),
    DirectoryImportRoute => directory(DirectoryImport),
    DirectoryNewRoute => directory(DirectoryNew),
    DirectoryEditRoute => directory(DirectoryEdit),
    WellbeingRoute => wellbeing(Wellbeing),
    WellbeingCheckRoute => wellbeing(WellbeingCheck),
    WellbeingResultRoute => wellbeing(WellbeingResult),
    WellbeingPrintRoute => wellbeing(WellbeingPrint),
    SettingsRoute => settings(Settings),
    DemoRoute => demo(Demo),
}
