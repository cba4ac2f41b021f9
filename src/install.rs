//! Installing Cocon as an app, the shell side.
//!
//! - Chromium (Android, desktop) fires `beforeinstallprompt` when the app can be
//!   installed: the event is kept (its default mini-bar prevented), and the app offers its
//!   own "Install Cocon" button at calm moments, which calls the event's `prompt()`.
//! - Safari on iPhone and iPad has no such event: there the offer is a short guide
//!   (Share, then "Add to Home Screen"), because an app added to the home screen keeps its
//!   data and a site may lose it after days unused (see `domain::backup::ios_browser_tab`).
//! - Once installed (`appinstalled`, or the app runs in `display-mode: standalone`), no
//!   offer is made.
//!
//! The listeners are set before the app mounts, since the browser may fire the event early.

use crate::domain::backup::ios_browser_tab;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// What this browser lets Cocon do about installing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offer {
    /// Installed, or running as an installed app: nothing to offer.
    Installed,
    /// The browser's own prompt can be shown (Chromium).
    Prompt,
    /// Safari on iPhone or iPad, in a tab: the guide.
    IosGuide,
    /// Nothing this browser lets a page do (Firefox, Safari on a Mac, a prompt already used).
    None,
}

thread_local! {
    /// The `beforeinstallprompt` event, kept until it is used.
    static DEFERRED: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    static SIGNAL: RefCell<Option<RwSignal<Offer>>> = const { RefCell::new(None) };
    /// Set when the parent has just saved a first profile: Today offers to install once.
    static JUST_STARTED: RefCell<Option<RwSignal<bool>>> = const { RefCell::new(None) };
}

fn standalone() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let display = window.match_media("(display-mode: standalone)").ok().flatten().is_some_and(|m| m.matches());
    let ios_flag = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("standalone"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    display || ios_flag
}

fn in_ios_tab() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let navigator = window.navigator();
    ios_browser_tab(
        &navigator.user_agent().unwrap_or_default(),
        &navigator.platform().unwrap_or_default(),
        navigator.max_touch_points(),
        standalone(),
    )
}

fn initial() -> Offer {
    if standalone() {
        Offer::Installed
    } else if DEFERRED.with(|d| d.borrow().is_some()) {
        Offer::Prompt
    } else if in_ios_tab() {
        Offer::IosGuide
    } else {
        Offer::None
    }
}

/// What can be offered now (tracked).
pub fn offer() -> RwSignal<Offer> {
    SIGNAL.with(|s| *s.borrow_mut().get_or_insert_with(|| crate::store::in_app_owner(|| RwSignal::new(initial()))))
}

fn set(offer_now: Offer) {
    if let Some(signal) = SIGNAL.with(|s| *s.borrow()) {
        signal.set(offer_now);
    }
}

/// Listens for the browser's install events: call once, before the app mounts.
pub fn listen() {
    let Some(window) = web_sys::window() else { return };
    let on_prompt = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
        // Cocon offers its own button, at a calm moment: no mini-bar from the browser.
        e.prevent_default();
        DEFERRED.with(|d| *d.borrow_mut() = Some(e.into()));
        if !standalone() {
            set(Offer::Prompt);
        }
    });
    let on_installed = Closure::<dyn Fn()>::new(|| {
        DEFERRED.with(|d| *d.borrow_mut() = None);
        set(Offer::Installed);
    });
    let _ = window.add_event_listener_with_callback("beforeinstallprompt", on_prompt.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("appinstalled", on_installed.as_ref().unchecked_ref());
    // Listen for as long as the page lives.
    on_prompt.forget();
    on_installed.forget();
}

/// Shows the browser's install prompt (the event can be used once). The offer goes away
/// when the parent installs (`appinstalled`), or once the prompt is used.
pub fn prompt() {
    let Some(event) = DEFERRED.with(|d| d.borrow_mut().take()) else { return };
    let call = |name: &str| {
        js_sys::Reflect::get(&event, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .map(|f| f.call0(&event))
    };
    let _ = call("prompt");
    // The event cannot prompt again: nothing more to offer until the browser fires another.
    set(if standalone() { Offer::Installed } else { Offer::None });
}

/// The flag Today reads to offer installing once, right after the first profile is saved.
pub fn just_started() -> RwSignal<bool> {
    JUST_STARTED.with(|s| *s.borrow_mut().get_or_insert_with(|| crate::store::in_app_owner(|| RwSignal::new(false))))
}
