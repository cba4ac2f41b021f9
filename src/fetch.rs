//! Fetching the app's own files (`/content/...`): the one door to the network, same
//! origin only. The texts (`i18n`) and the content (`content`) both come through here.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text of `/content/<name>`.
pub async fn fetch_text(name: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response =
        JsFuture::from(window.fetch_with_str(&format!("/content/{name}"))).await.map_err(|e| format!("{e:?}"))?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("{name}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?).await.map_err(|e| format!("{e:?}"))?;
    text.as_string().ok_or_else(|| format!("{name}: not text"))
}
