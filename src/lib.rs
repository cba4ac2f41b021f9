//! Cocon: a companion for the first 1000 days of a child, offline, on the parent's phone.
//!
//! - `domain/`: the functional core (plain Rust, tested natively);
//! - `storage`, `settings`, `pwa`: the thin shell around browser APIs;
//! - `components/` and `pages/`: what the parent sees.

// Tests run natively: the wasm-size rules of clippy.toml do not apply to them.
#![cfg_attr(test, allow(clippy::disallowed_methods))]

pub mod clock;
pub mod components;
pub mod content;
pub mod demonstration;
pub mod directory_store;
pub mod domain;
pub mod download;
pub mod epds_store;
pub mod family;
pub mod fetch;
pub mod i18n;
pub mod install;
pub mod pages;
pub mod pwa;
pub mod sections;
pub mod settings;
pub mod storage;
pub mod store;
pub mod texts;

use components::{
    demo_cards::DemoBanner, nav::BottomNav, storage_banner::StorageBanner, update_banner::UpdateBanner,
    urgent_link::UrgentBar,
};
use i18n::{I18n, Key};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy};
use pages::{not_found::NotFound, today::TodayPage};
use sections::*;
use wasm_bindgen::JsCast;

/// Provides the language (from the stored settings, or the browser's on a first visit),
/// follows a language chosen in another window, and keeps `<html lang>` in step with it.
pub fn provide_i18n() -> I18n {
    let i18n = I18n::new(settings::load().lang);
    provide_context(i18n);
    store::on_change_elsewhere(move |key| {
        if key.is_none_or(|k| k == settings::KEY) {
            let lang = settings::load().lang;
            if lang != i18n.lang_untracked() {
                i18n.set_lang(lang, |_| {});
            }
        }
    });
    Effect::new(move |_| {
        let lang = i18n.lang();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    i18n
}

#[component]
pub fn App() -> impl IntoView {
    let i18n = provide_i18n();
    clock::provide_today();
    content::provide_messages(i18n);
    let update_ready = RwSignal::new(false);
    provide_context(pwa::UpdateReady(update_ready));
    pwa::register(update_ready);

    view! {
        <Router>
            <a class="skip-link" href="#main">{move || i18n.t(Key::AppSkipToContent)}</a>
            <UrgentBar/>
            <DemoBanner/>
            <UpdateBanner/>
            <StorageBanner/>
            <main id="main" class="content">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=TodayPage/>
                    <Route path=path!("/timeline") view={Lazy::<TimelineRoute>::new()}/>
                    <Route path=path!("/timeline/events") view={Lazy::<EventsRoute>::new()}/>
                    <Route path=path!("/directory") view={Lazy::<DirectoryRoute>::new()}/>
                    <Route path=path!("/directory/entry/:key") view={Lazy::<DirectoryEntryRoute>::new()}/>
                    <Route path=path!("/directory/import") view={Lazy::<DirectoryImportRoute>::new()}/>
                    <Route path=path!("/directory/new") view={Lazy::<DirectoryNewRoute>::new()}/>
                    <Route path=path!("/directory/edit/:id") view={Lazy::<DirectoryEditRoute>::new()}/>
                    <Route path=path!("/wellbeing") view={Lazy::<WellbeingRoute>::new()}/>
                    <Route path=path!("/wellbeing/check") view={Lazy::<WellbeingCheckRoute>::new()}/>
                    <Route path=path!("/wellbeing/result/:n") view={Lazy::<WellbeingResultRoute>::new()}/>
                    <Route path=path!("/wellbeing/print/:n") view={Lazy::<WellbeingPrintRoute>::new()}/>
                    <Route path=path!("/settings") view={Lazy::<SettingsRoute>::new()}/>
                    <Route path=path!("/demo") view={Lazy::<DemoRoute>::new()}/>
                </Routes>
            </main>
            <BottomNav/>
        </Router>
    }
}

/// How long the boot screen waits for Today's messages and module before showing the
/// app anyway.
const MESSAGES_WAIT_MS: i32 = 1500;

/// Entry point of the web app: replaces the boot screen of `index.html` with the app.
///
/// The app needs the texts of its language (`/content/ui.<lang>.txt`) before it shows
/// anything; if they cannot be had, the boot screen says so. Today's messages are part
/// of its first screen too, and so is Today's module when there is a profile to show:
/// `index.html` preloads the texts and messages while the wasm downloads, the module is
/// fetched as soon as the wasm runs, and the app waits for these at most
/// [`MESSAGES_WAIT_MS`], so that Today shows whole (nothing moves down when they arrive).
pub fn start() {
    console_error_panic_hook::set_once();
    // The browser may offer to install before the app mounts.
    install::listen();
    let lang = settings::load().lang;
    wasm_bindgen_futures::spawn_local(async move {
        match i18n::load(lang).await {
            Ok(()) => {
                // a start link may begin a demonstration: its sample is named in `lang`
                if let Some(sample) = demonstration::on_start() {
                    wasm_bindgen_futures::spawn_local(sections::start_demo(sample, lang));
                }
                boot(|b| b.texts = true);
            }
            Err(_) => {
                if let Some(failed) = document().get_element_by_id("boot-failed") {
                    let _ = failed.remove_attribute("hidden");
                }
            }
        }
    });
    wasm_bindgen_futures::spawn_local(async move {
        content::keep_first_messages(lang, content::messages(lang).await);
        boot(|b| b.messages = true);
    });
    if family::has_active_profile() {
        wasm_bindgen_futures::spawn_local(async move {
            sections::preload_calendar().await;
            boot(|b| b.today = true);
        });
    } else {
        boot(|b| b.today = true);
    }
    let later = wasm_bindgen::closure::Closure::once_into_js(|| boot(|b| b.waited = true));
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), MESSAGES_WAIT_MS);
}

/// What the start has waited for so far.
#[derive(Clone, Copy, Default)]
struct Boot {
    texts: bool,
    messages: bool,
    today: bool,
    waited: bool,
}

impl Boot {
    /// The app shows once its texts are there, and Today's messages and module too, or
    /// the wait was long enough (Today then fills in as they arrive).
    fn ready(self) -> bool {
        self.texts && (self.waited || (self.messages && self.today))
    }
}

/// Notes what has arrived, and mounts the app once [`Boot::ready`].
fn boot(arrived: impl FnOnce(&mut Boot)) {
    thread_local! {
        static BOOT: std::cell::Cell<Boot> = std::cell::Cell::new(Boot::default());
    }
    let now = BOOT.with(|state| {
        let mut now = state.get();
        arrived(&mut now);
        state.set(now);
        now
    });
    if now.ready() {
        mount_once();
    }
}

fn mount_once() {
    thread_local! {
        static MOUNTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if MOUNTED.with(|mounted| mounted.replace(true)) {
        return;
    }
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
}

#[cfg(test)]
mod tests {
    use super::Boot;

    #[test]
    fn the_app_shows_with_its_texts_and_whole_today_or_after_the_wait() {
        let with = |texts, messages, today, waited| Boot { texts, messages, today, waited }.ready();
        assert!(with(true, true, true, false), "everything there");
        assert!(with(true, false, false, true), "waited long enough: Today fills in after");
        assert!(!with(true, true, false, false), "Today's module still coming");
        assert!(!with(true, false, true, false), "the messages still coming");
        assert!(!with(false, true, true, true), "never without the texts, however long it waited");
    }
}
