//! The app's sections, each in a wasm module of its own: the release build splits them
//! off the main module (scripts/split.mjs) and a section is fetched the first time one of
//! its pages is shown. The main module holds the shell and the onboarding: all that a
//! first visit needs.
//!
//! One module a section, not a page: pages of a section share most of their code, and
//! every extra module multiplies the small files the code they share is cut into.
//! Today for a profile is in the calendar section with the Timeline and the events:
//! once Today is shown, they open at once.
//!
//! A module that cannot be fetched (offline before the service worker has kept it) is
//! said in plain words with a way to try again ([`NotLoaded`]); the rest of the app goes
//! on (without `fallible`, wasm-split would panic, and a panic stops the whole app).

use crate::components::page::Page;
use crate::domain::calendar::Profile;
use crate::i18n::{tr, Key};
use crate::pages;
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use leptos_router::LazyRoute;

/// A section's module could not be fetched.
#[derive(Debug)]
pub struct NotLoaded;

impl From<SplitLoaderError> for NotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// What shows instead of a page whose section could not be fetched: the message, and a
/// button to try again (under the page's heading when the whole page is missing).
fn not_loaded_view(title: Option<Key>) -> AnyView {
    let retry = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    let message = view! {
        <div class="card section-failed" role="alert">
            <p>{tr(Key::AppSectionFailed)}</p>
            <button type="button" class="button" on:click=retry>{tr(Key::AppRetry)}</button>
        </div>
    };
    match title {
        Some(title) => view! { <Page title=title>{message}</Page> }.into_any(),
        None => message.into_any(),
    }
}

/// The view of a page from its section, or what says it could not be had (`title`: the
/// page's heading, when the page is only that view).
pub async fn show(
    section: impl std::future::Future<Output = Result<AnyView, NotLoaded>>,
    title: Option<Key>,
) -> AnyView {
    section.await.unwrap_or_else(|NotLoaded| not_loaded_view(title))
}

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
    /// Not a page: a nurse's start link that names a sample starts it (the sample family
    /// is built from the calendar's rules, which the main module does not carry).
    DemoStart(crate::domain::samples::Sample, crate::domain::lang::Lang),
}

/// Today for a profile, the Timeline, the events.
#[wasm_split(cocon_calendar, wasm_split_path = ::leptos::wasm_split, preload(#[doc(hidden)] __preload_calendar), fallible)]
pub fn calendar(page: Page) -> Result<AnyView, NotLoaded> {
    Ok(match page {
        Page::Today(profile) => view! { <pages::today_for::TodayFor profile=profile/> }.into_any(),
        Page::Timeline => pages::timeline::TimelinePage().into_any(),
        Page::Events => pages::events::EventsPage().into_any(),
        _ => ().into_any(),
    })
}

/// Fetches and compiles the calendar section ahead of its first use (see `crate::start`).
/// A failure is not kept: the page that needs it tries again, and says so if it fails.
pub async fn preload_calendar() {
    let _ = __preload_calendar().await;
}

#[wasm_split(cocon_directory, wasm_split_path = ::leptos::wasm_split, preload(#[doc(hidden)] __preload_directory), fallible)]
fn directory(page: Page) -> Result<AnyView, NotLoaded> {
    Ok(match page {
        Page::Directory => pages::directory::DirectoryPage().into_any(),
        Page::DirectoryEntry => pages::directory::EntryPage().into_any(),
        Page::DirectoryImport => pages::directory::ImportPage().into_any(),
        Page::DirectoryNew => pages::directory::OwnNewPage().into_any(),
        Page::DirectoryEdit => pages::directory::OwnEditPage().into_any(),
        _ => ().into_any(),
    })
}

#[wasm_split(cocon_wellbeing, wasm_split_path = ::leptos::wasm_split, preload(#[doc(hidden)] __preload_wellbeing), fallible)]
fn wellbeing(page: Page) -> Result<AnyView, NotLoaded> {
    Ok(match page {
        Page::Wellbeing => pages::wellbeing::WellbeingPage().into_any(),
        Page::WellbeingCheck => pages::wellbeing::CheckPage().into_any(),
        Page::WellbeingResult => pages::wellbeing::ResultPage().into_any(),
        Page::WellbeingPrint => pages::wellbeing::PrintPage().into_any(),
        _ => ().into_any(),
    })
}

#[wasm_split(cocon_settings, wasm_split_path = ::leptos::wasm_split, preload(#[doc(hidden)] __preload_settings), fallible)]
fn settings(page: Page) -> Result<AnyView, NotLoaded> {
    Ok(match page {
        Page::Settings => pages::settings::SettingsPage().into_any(),
        _ => ().into_any(),
    })
}

#[wasm_split(cocon_demo, wasm_split_path = ::leptos::wasm_split, preload(#[doc(hidden)] __preload_demo), fallible)]
fn demo(page: Page) -> Result<AnyView, NotLoaded> {
    Ok(match page {
        Page::Demo => pages::demo::DemoPage().into_any(),
        Page::DemoStart(sample, lang) => {
            // A failure to start leaves the parent's data as it was (see `demonstration::enter`).
            let _ = crate::demonstration::enter(sample, lang);
            ().into_any()
        }
        _ => ().into_any(),
    })
}

/// Starts the demonstration with `sample` (from its module, fetched if need be).
pub async fn start_demo(sample: crate::domain::samples::Sample, lang: crate::domain::lang::Lang) {
    let _ = demo(Page::DemoStart(sample, lang)).await;
}

/// One route type a page, for `Lazy::<Route>` in the router: the router keeps the page
/// shown until the next one's section is loaded.
macro_rules! routes {
    ($($route:ident => $section:ident($page:ident, $title:ident),)*) => {$(
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> impl std::future::Future<Output = AnyView> {
                show($section(Page::$page), Some(Key::$title))
            }
        }
    )*};
}

routes! {
    TimelineRoute => calendar(Timeline, TimelineTitle),
    EventsRoute => calendar(Events, EventsPageTitle),
    DirectoryRoute => directory(Directory, DirectoryTitle),
    DirectoryEntryRoute => directory(DirectoryEntry, DirectoryTitle),
    DirectoryImportRoute => directory(DirectoryImport, DirectoryImportTitle),
    DirectoryNewRoute => directory(DirectoryNew, DirectoryOwnNewTitle),
    DirectoryEditRoute => directory(DirectoryEdit, DirectoryOwnEditTitle),
    WellbeingRoute => wellbeing(Wellbeing, WellbeingTitle),
    WellbeingCheckRoute => wellbeing(WellbeingCheck, WellbeingCheckTitle),
    WellbeingResultRoute => wellbeing(WellbeingResult, WellbeingResultTitle),
    WellbeingPrintRoute => wellbeing(WellbeingPrint, WellbeingPrintTitle),
    SettingsRoute => settings(Settings, SettingsTitle),
    DemoRoute => demo(Demo, DemoTitle),
}
