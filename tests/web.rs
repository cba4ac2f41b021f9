//! Component tests in a real browser (headless Chromium through chromedriver):
//! `cargo test --target wasm32-unknown-unknown --test web`, run by `scripts/test`.
#![cfg(target_arch = "wasm32")]

use cocon::components::language_picker::LanguagePicker;
use cocon::i18n::{use_i18n, Key};
use cocon::provide_i18n;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn fresh_container() -> web_sys::HtmlElement {
    let doc = document();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn radio(container: &web_sys::HtmlElement, code: &str) -> web_sys::HtmlInputElement {
    container
        .query_selector(&format!("input[type=radio][value={code}]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no radio for {code}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn language_picker_switches_the_language_and_stores_it() {
    let storage = local_storage();
    storage.set_item("cocon.settings", r#"{"version":1,"lang":"fr"}"#).unwrap();
    let container = fresh_container();
    let _app = leptos::mount::mount_to(container.clone(), || {
        provide_i18n();
        let i18n = use_i18n();
        view! {
            <LanguagePicker/>
            <p id="probe">{move || i18n.t(Key::SettingsTitle)}</p>
        }
    });
    tick().await;

    let probe = || container.query_selector("#probe").unwrap().unwrap().text_content().unwrap();
    assert_eq!(probe(), "Réglages", "the stored language is used");
    assert!(radio(&container, "fr").checked());
    assert!(!radio(&container, "en").checked());
    assert_eq!(document().document_element().unwrap().get_attribute("lang").as_deref(), Some("fr"));

    radio(&container, "en").click();
    tick().await;

    assert_eq!(probe(), "Settings");
    assert!(radio(&container, "en").checked());
    assert_eq!(
        storage.get_item("cocon.settings").unwrap().as_deref(),
        Some(
            r#"{"version":2,"lang":"en","backup":{"first_data_on":null,"last_export":null,"snoozed_on":null,"epds_seen":null}}"#
        ),
        "version 1 is migrated, only the language changes"
    );
    assert_eq!(document().document_element().unwrap().get_attribute("lang").as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn unreadable_settings_are_kept_aside_not_lost() {
    let storage = local_storage();
    storage.remove_item("cocon.settings.unreadable").unwrap();
    storage.set_item("cocon.settings", "{broken").unwrap();
    let container = fresh_container();
    let _app = leptos::mount::mount_to(container.clone(), || {
        provide_i18n();
        view! { <LanguagePicker/> }
    });
    tick().await;
    assert_eq!(storage.get_item("cocon.settings.unreadable").unwrap().as_deref(), Some("{broken"));

    radio(&container, "fr").click();
    tick().await;
    assert_eq!(
        storage.get_item("cocon.settings.unreadable").unwrap().as_deref(),
        Some("{broken"),
        "a new save does not destroy the copy kept aside"
    );
}
