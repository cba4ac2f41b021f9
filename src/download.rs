//! Files in and out of the device. Saving a text as a file (the calendar export, a copy
//! of unreadable data, the full export): a Blob, an object URL and a click on a temporary
//! `<a download>`. Nothing leaves the device. And the file the parent picked in an
//! `<input type="file">` (the imports).

use leptos::prelude::{document, set_timeout};
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};

/// Saves `text` as the file `name`, of type `mime` (e.g. `text/calendar;charset=utf-8`).
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = document();
    let link: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    let body = doc.body().ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    // The URL is released a little later, once the browser has taken the file.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(30),
    );
    Ok(())
}

/// The file picked in the `<input type="file">` `input`, with its name, if there is one.
pub fn picked_file(input: &web_sys::HtmlInputElement) -> Option<(web_sys::Blob, String)> {
    let file = js_sys::Reflect::get(input, &JsValue::from_str("files"))
        .ok()
        .and_then(|files| js_sys::Reflect::get(&files, &JsValue::from_f64(0.0)).ok())
        .filter(|f| !f.is_undefined() && !f.is_null())?;
    let name =
        js_sys::Reflect::get(&file, &JsValue::from_str("name")).ok().and_then(|n| n.as_string()).unwrap_or_default();
    Some((file.unchecked_into(), name))
}
