//! Demonstration mode, the shell side: a nurse shows Cocon with a sample family, on any
//! phone, without reading or changing the parent's data.
//!
//! A demonstration lives in the tab's session storage (`storage` switches to it while
//! the tab is in one): entering or leaving reloads the app on the other set of
//! documents, and closing the tab forgets the demonstration. The samples themselves are
//! in `domain::samples`; the screens in `pages::demo` and `components::demo_cards`.

use crate::clock::local_today;
use crate::domain::document::Document;
use crate::domain::family::Family;
use crate::domain::lang::Lang;
use crate::domain::samples::{start_link, Sample};
use crate::domain::settings::Settings;
use crate::i18n::{text, Key};
use crate::storage::{self, StorageError};

/// The sample family this tab is showing, if it is in a demonstration.
pub fn active() -> Option<Sample> {
    storage::demo_sample().and_then(|id| Sample::from_id(&id))
}

/// The child's name of a sample, in `lang`.
pub fn sample_name(sample: Sample, lang: Lang) -> &'static str {
    text(
        lang,
        match sample {
            Sample::Pregnant => Key::DemoSamplePregnantName,
            Sample::Newborn => Key::DemoSampleNewbornName,
            Sample::Toddler => Key::DemoSampleToddlerName,
        },
    )
}

/// Starts (or switches to) a demonstration with `sample`, in `lang`, and reopens the
/// app on Today.
pub fn enter(sample: Sample, lang: Lang) -> Result<(), StorageError> {
    let family = sample.family(local_today(), sample_name(sample, lang));
    let documents = [(Family::KEY, family.to_json()), (Settings::KEY, Settings::new(lang).to_json())];
    storage::start_demo(sample.id(), &documents)?;
    reload_at("/");
    Ok(())
}

/// Leaves the demonstration and reopens the app on the parent's own data.
pub fn leave() -> Result<(), StorageError> {
    storage::end_demo()?;
    reload_at("/");
    Ok(())
}

fn reload_at(path: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(path);
    }
}

/// Before the app mounts: marks the page while in a demonstration (for its accent
/// colour), and reads a start link: `?demo` opens the demonstration page, `?demo=<sample>`
/// gives the sample to start at once (the caller starts it, from the demonstration's
/// module: `sections::start_demo`).
pub fn on_start() -> Option<Sample> {
    let window = web_sys::window()?;
    let document = window.document()?;
    if active().is_some() {
        if let Some(root) = document.document_element() {
            let _ = root.class_list().add_1("demo");
        }
    }
    let search = window.location().search().unwrap_or_default();
    let value = start_link(&search)?;
    match Sample::from_id(value) {
        Some(sample) if active() != Some(sample) => Some(sample),
        _ => {
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/demo"));
            }
            None
        }
    }
}
