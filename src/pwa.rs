//! The service worker: registration, and the "new version" prompt.
//! The worker itself is `public/sw.js`; its precache list is written at build time.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// Whether a new version of the app is installed and waiting for the parent's go-ahead.
#[derive(Clone, Copy)]
pub struct UpdateReady(pub RwSignal<bool>);

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let has = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    has.then(|| navigator.service_worker())
}

/// Registers `sw.js` and sets `ready` when a new version is waiting.
pub fn register(ready: RwSignal<bool>) {
    let Some(container) = container() else { return };
    // A page that runs under a version of the app reloads when another version takes
    // over (the parent updated in this tab or another one): the sections are fetched as
    // they are first opened, and the old version's files are gone once the new one
    // activates. A first visit (no version yet) is not reloaded.
    if container.controller().is_some() {
        reload_on_controller_change(&container);
    }
    let promise = container.register("/sw.js");
    spawn_local(async move {
        let Ok(reg) = JsFuture::from(promise).await else { return };
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        // A worker already waiting when the page opens (installed during an earlier visit).
        if reg.waiting().is_some() && container.controller().is_some() {
            ready.set(true);
        }
        let reg_for_found = reg.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            let Some(worker) = reg_for_found.installing() else { return };
            let watched = worker.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                let controlled = container_controlled();
                if watched.state() == ServiceWorkerState::Installed && controlled {
                    ready.set(true);
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        reg.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
    });
}

fn reload_on_controller_change(container: &ServiceWorkerContainer) {
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
}

fn container_controlled() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

/// Activates the waiting version, then reloads once it controls the page.
/// Everything the parent entered is already stored, so nothing is lost.
pub fn apply_update() {
    let Some(container) = container() else { return };
    reload_on_controller_change(&container);
    spawn_local(async move {
        let Ok(reg) = JsFuture::from(container.get_registration()).await else { return };
        let Some(reg) = reg.dyn_ref::<ServiceWorkerRegistration>() else { return };
        if let Some(waiting) = reg.waiting() {
            let _ = waiting.post_message(&JsValue::from_str("SKIP_WAITING"));
        }
    });
}
