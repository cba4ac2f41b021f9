//! Importing a local directory (JSON or CSV): from a file the parent picks, or from a
//! file of this site (`/directory/import?url=/path/file.csv`; any other origin is
//! refused). A preview says what would be added, updated and refused (with the line and
//! the reason); nothing is written before "Confirm import". Imported sources are listed
//! with their counts, and can be removed.

use super::{field_label, file_error_text, reject_text, SaveError};
use crate::components::page::Page;
use crate::directory_store::use_directory_store;
use crate::domain::directory::share::read_fragment;
use crate::domain::directory::{Column, Dropped, Encoding, FileError, ImportPreview};
use crate::i18n::{format, use_i18n, Key};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The path of `url` when it names a file of this origin (a path starting with one `/`,
/// or an absolute URL of this very origin); `None` for anything else.
pub fn same_origin_path(url: &str, origin: &str) -> Option<String> {
    let url = url.trim();
    if url.starts_with('/') && !url.starts_with("//") && !url.contains('\\') {
        return Some(url.to_string());
    }
    let rest = url.strip_prefix(origin)?;
    (rest.starts_with('/') && !rest.starts_with("//") && !rest.contains('\\')).then(|| rest.to_string())
}

/// A source name from a file name or path: the last segment without its extension.
pub fn source_name(path: &str) -> String {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let file = path.rsplit('/').next().unwrap_or_default();
    let file = js_sys::decode_uri_component(file).ok().and_then(|s| s.as_string()).unwrap_or_else(|| file.to_string());
    let stem = match file.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 4 => stem.to_string(),
        _ => file,
    };
    stem.trim().chars().take(100).collect()
}

/// Drops a shared list from the address once kept, so that a reload does not offer it again.
fn forget_fragment() {
    let Some(window) = web_sys::window() else { return };
    if window.location().hash().is_ok_and(|h| h.starts_with("#d=")) {
        let path = window.location().pathname().unwrap_or_default();
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
    }
}

async fn bytes_of(promise: js_sys::Promise) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(promise).await.map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The bytes of a file of this origin.
async fn fetch_bytes(path: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.map_err(|e| format!("{e:?}"))?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    bytes_of(response.array_buffer().map_err(|e| format!("{e:?}"))?).await
}

/// What the page shows about the file being imported.
#[derive(Clone, Debug, PartialEq)]
enum State {
    Idle,
    Reading,
    UrlRefused,
    UrlError,
    /// A shared list (`#d=…`) that cannot be read.
    ShareUnreadable,
    Refused(FileError),
    Preview(ImportPreview),
    Done {
        source: String,
        n: usize,
    },
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_directory_store();
    let query = use_query_map();
    let state = RwSignal::new(State::Idle);
    let file_input = NodeRef::<leptos::html::Input>::new();

    let preview = move |bytes: Vec<u8>, source: String| {
        let result = store.with_untracked(|p| p.preview_import(&bytes, &source));
        state.set(match result {
            Ok(p) => State::Preview(p),
            Err(e) => State::Refused(e),
        });
    };

    // Entries a nurse showed as a QR code: in the address's fragment, never sent anywhere.
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    match read_fragment(&hash) {
        Some(Ok(bytes)) => {
            let lang = untrack(|| i18n.lang());
            let date = crate::texts::date_long(lang, crate::clock::local_today());
            preview(bytes, format(lang, Key::ShareSource, &[("date", &date)]));
        }
        Some(Err(_)) => state.set(State::ShareUnreadable),
        None => {}
    }

    // A file of this site named in the address.
    if let Some(url) = query.with_untracked(|q| q.get("url")) {
        let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
        match same_origin_path(&url, &origin) {
            None => state.set(State::UrlRefused),
            Some(path) => {
                state.set(State::Reading);
                wasm_bindgen_futures::spawn_local(async move {
                    match fetch_bytes(&path).await {
                        Ok(bytes) => preview(bytes, source_name(&path)),
                        Err(_) => state.set(State::UrlError),
                    }
                });
            }
        }
    }

    let on_file = move |_| {
        let Some(input) = file_input.get() else { return };
        let Some((blob, name)) = crate::download::picked_file(&input) else { return };
        state.set(State::Reading);
        wasm_bindgen_futures::spawn_local(async move {
            match bytes_of(blob.array_buffer()).await {
                Ok(bytes) => preview(bytes, source_name(&name)),
                Err(_) => state.set(State::UrlError),
            }
        });
    };

    let confirm = move |_| {
        let State::Preview(p) = state.get_untracked() else { return };
        let (source, n) = (p.source.clone(), p.to_add.len() + p.to_update.len());
        if store.update(|prefs| prefs.apply_import(p)).is_ok() {
            state.set(State::Done { source, n });
            forget_fragment();
            if let Some(input) = file_input.get_untracked() {
                input.set_value("");
            }
        }
    };
    let cancel = move |_| {
        state.set(State::Idle);
        if let Some(input) = file_input.get_untracked() {
            input.set_value("");
        }
    };

    view! {
        <Page title=Key::DirectoryImportTitle>
            <p><A href="/directory">{move || format!("← {}", i18n.t(Key::DirectoryBack))}</A></p>
            <p>{crate::i18n::tr(Key::DirectoryImportIntro)}</p>
            <SaveError store=store/>
            <div class="field">
                <label for="dir-import-file">{crate::i18n::tr(Key::DirectoryImportFile)}</label>
                <input id="dir-import-file" type="file" accept=".json,.csv,application/json,text/csv"
                    node_ref=file_input on:change=on_file/>
            </div>
            <div class="dir-import-state" role="status" aria-live="polite">
                {move || match state.get() {
                    State::Idle => ().into_any(),
                    State::Reading => view! { <p>{crate::i18n::tr(Key::DirectoryImportReading)}</p> }.into_any(),
                    State::UrlRefused => view! { <p class="dir-alert">{crate::i18n::tr(Key::DirectoryImportUrlRefused)}</p> }.into_any(),
                    State::UrlError => view! { <p class="dir-alert">{crate::i18n::tr(Key::DirectoryImportUrlError)}</p> }.into_any(),
                    State::ShareUnreadable => view! { <p class="dir-alert">{crate::i18n::tr(Key::ShareUnreadable)}</p> }.into_any(),
                    State::Refused(e) => view! {
                        <p class="dir-alert">{move || format(i18n.lang(), Key::DirectoryImportFileError, &[("reason", &file_error_text(i18n.lang(), &e))])}</p>
                    }.into_any(),
                    State::Done { source, n } => view! {
                        <p class="dir-done">{move || format(i18n.lang(), Key::DirectoryImportDone, &[("n", &n.to_string()), ("source", &source)])}</p>
                    }.into_any(),
                    State::Preview(p) => view! { <PreviewView preview=p/> }.into_any(),
                }}
            </div>
            <Show when=move || matches!(state.get(), State::Preview(ref p) if !p.to_add.is_empty() || !p.to_update.is_empty())>
                <div class="actions">
                    <button type="button" class="button" on:click=confirm>{crate::i18n::tr(Key::DirectoryImportConfirm)}</button>
                    <button type="button" class="button secondary" on:click=cancel>{crate::i18n::tr(Key::DirectoryCancel)}</button>
                </div>
            </Show>
            <Sources/>
        </Page>
    }
}

/// The line saying how the file was read.
fn encoding_key(encoding: Encoding) -> Key {
    match encoding {
        Encoding::Utf8 => Key::ImportEncodingUtf8,
        Encoding::Utf8Bom => Key::ImportEncodingUtf8Bom,
        Encoding::Windows1252 => Key::ImportEncoding1252,
    }
}

#[component]
fn PreviewView(preview: ImportPreview) -> impl IntoView {
    let i18n = use_i18n();
    let ImportPreview { source, to_add, to_update, rejected, ignored_columns: _, encoding, columns, dropped } = preview;
    let (add, update, refused, left_out) = (to_add.len(), to_update.len(), rejected.len(), dropped.len());
    let nothing = add == 0 && update == 0;
    view! {
        <section class="card dir-preview" aria-labelledby="dir-preview-heading">
            <h2 id="dir-preview-heading">{move || format(i18n.lang(), Key::DirectoryImportPreviewHeading, &[("source", &source)])}</h2>
            // How a CSV file was read (a JSON document is always UTF-8: nothing to say).
            {(!columns.is_empty()).then(|| view! { <p class="dir-encoding">{crate::i18n::tr(encoding_key(encoding))}</p> })}
            <ul class="dir-facts">
                <li class="dir-count-add">{move || format(i18n.lang(), Key::DirectoryImportToAdd, &[("n", &add.to_string())])}</li>
                <li class="dir-count-update">{move || format(i18n.lang(), Key::DirectoryImportToUpdate, &[("n", &update.to_string())])}</li>
                <li class="dir-count-rejected">{move || format(i18n.lang(), Key::DirectoryImportRejected, &[("n", &refused.to_string())])}</li>
                {(left_out > 0).then(|| view! {
                    <li class="dir-count-dropped">{move || format(i18n.lang(), Key::ImportDroppedCount, &[("n", &left_out.to_string())])}</li>
                })}
            </ul>
            {nothing.then(|| view! { <p class="dir-alert">{crate::i18n::tr(Key::DirectoryImportNothing)}</p> })}
            {(!rejected.is_empty()).then(|| view! {
                <ul class="dir-rejected">
                    {rejected.into_iter().map(|r| view! {
                        <li>{move || format(i18n.lang(), Key::DirectoryImportRejectedLine, &[("line", &r.line.to_string()), ("reason", &reject_text(i18n.lang(), &r.reason))])}</li>
                    }).collect_view()}
                </ul>
            })}
            {(!dropped.is_empty()).then(|| view! { <DroppedList dropped=dropped/> })}
            {(!columns.is_empty()).then(|| view! { <ColumnList columns=columns/> })}
            {(!to_add.is_empty() || !to_update.is_empty()).then(|| view! {
                <ul class="dir-preview-names">
                    {to_add.iter().chain(&to_update).map(|e| view! { <li>{e.name.clone()}</li> }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// The fields left out of kept entries, each with its line, its entry and why.
#[component]
fn DroppedList(dropped: Vec<Dropped>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="dir-dropped">
            <h3>{crate::i18n::tr(Key::ImportDroppedHeading)}</h3>
            <p class="dir-muted">{crate::i18n::tr(Key::ImportDroppedIntro)}</p>
            <ul>
                {dropped.into_iter().map(|d| view! {
                    <li>{move || dropped_text(i18n.lang(), &d)}</li>
                }).collect_view()}
            </ul>
        </div>
    }
}

/// "Ligne 3, « Les Câlins » : champ « téléphone » laissé de côté (…)".
fn dropped_text(lang: crate::domain::lang::Lang, d: &Dropped) -> String {
    format(
        lang,
        Key::ImportDroppedLine,
        &[
            ("line", &d.line.to_string()),
            ("name", &d.name),
            ("field", field_label(lang, d.field)),
            ("reason", &reject_text(lang, &d.reason)),
        ],
    )
}

/// Each column of the file and the field it fills, or that it is not read.
#[component]
fn ColumnList(columns: Vec<Column>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="dir-columns">
            <h3>{crate::i18n::tr(Key::ImportColumnsHeading)}</h3>
            <ul>
                {columns.into_iter().map(|c| {
                    let ignored = c.field.is_none();
                    view! {
                        <li class:dir-column-ignored=ignored>{move || column_text(i18n.lang(), &c)}</li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// "Colonne « Nom » → nom", or "Colonne « Notes » → non lue".
fn column_text(lang: crate::domain::lang::Lang, c: &Column) -> String {
    match c.field {
        Some(f) => format(lang, Key::ImportColumnField, &[("header", &c.header), ("field", field_label(lang, f))]),
        None => format(lang, Key::ImportColumnIgnored, &[("header", &c.header)]),
    }
}

/// The imported sources with their counts, each removable after a confirmation.
#[component]
fn Sources() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_directory_store();
    let confirming: RwSignal<Option<String>> = RwSignal::new(None);
    let sources = move || store.with(|p| p.sources());
    view! {
        <section aria-labelledby="dir-sources-heading" class="dir-sources">
            <h2 id="dir-sources-heading">{crate::i18n::tr(Key::DirectorySourcesHeading)}</h2>
            {move || {
                let list = sources();
                if list.is_empty() {
                    return view! { <p>{crate::i18n::tr(Key::DirectorySourcesNone)}</p> }.into_any();
                }
                view! {
                    <ul class="profile-list">
                        {list.into_iter().map(|(source, n)| {
                            let label = {
                                let source = source.clone();
                                move || format(i18n.lang(), Key::DirectorySourceCount, &[("source", &source), ("n", &n.to_string())])
                            };
                            let is_confirming = {
                                let source = source.clone();
                                move || confirming.with(|c| c.as_deref() == Some(source.as_str()))
                            };
                            let ask = { let source = source.clone(); move |_| confirming.set(Some(source.clone())) };
                            let remove = {
                                let source = source.clone();
                                move |_| {
                                    if store.update(|p| p.remove_source(&source)).is_ok() {
                                        confirming.set(None);
                                    }
                                }
                            };
                            let s1 = source.clone();
                            let s2 = source.clone();
                            view! {
                                <li class="profile-row">
                                    <span>{label}</span>
                                    <div class="profile-actions">
                                        <button type="button" class="button danger" on:click=ask>
                                            {move || format(i18n.lang(), Key::DirectorySourceRemove, &[("source", &s1)])}
                                        </button>
                                    </div>
                                    <Show when=is_confirming.clone()>
                                        <div class="confirm" role="alertdialog" aria-label={let s2 = s2.clone(); move || format(i18n.lang(), Key::DirectorySourceRemove, &[("source", &s2)])}>
                                            <p>{let s = source.clone(); move || format(i18n.lang(), Key::DirectorySourceRemoveConfirm, &[("n", &n.to_string()), ("source", &s)])}</p>
                                            <div class="actions">
                                                <button type="button" class="button danger" on:click=remove.clone()>{crate::i18n::tr(Key::DirectorySourceRemoveYes)}</button>
                                                <button type="button" class="button secondary" on:click=move |_| confirming.set(None)>{crate::i18n::tr(Key::DirectoryCancel)}</button>
                                            </div>
                                        </div>
                                    </Show>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preview_says_columns_and_dropped_fields_in_plain_words() {
        use crate::domain::directory::{Field, RejectReason};
        use crate::domain::lang::Lang;
        let nom = Column { header: "Nom".into(), field: Some(Field::Name) };
        let notes = Column { header: "Notes".into(), field: None };
        assert_eq!(column_text(Lang::Fr, &nom), "Colonne « Nom » → nom");
        assert_eq!(column_text(Lang::Fr, &notes), "Colonne « Notes » → non lue");
        assert_eq!(column_text(Lang::En, &nom), "Column \"Nom\" → name");
        let d = Dropped {
            line: 3,
            name: "Lieu d'accueil enfants-parents « Les Câlins »".into(),
            field: Field::Phones,
            reason: RejectReason::BadPhone("04 72 XX XX XX".into()),
        };
        assert_eq!(
            dropped_text(Lang::Fr, &d),
            "Ligne 3, « Lieu d'accueil enfants-parents « Les Câlins » » : champ « téléphone » laissé de côté \
             (« 04 72 XX XX XX » n'est pas un numéro de téléphone)"
        );
        assert!(!dropped_text(Lang::En, &d).contains('{'));
        for e in [Encoding::Utf8, Encoding::Utf8Bom, Encoding::Windows1252] {
            assert!(!crate::i18n::text(Lang::Fr, encoding_key(e)).is_empty());
        }
        assert!(crate::i18n::text(Lang::Fr, encoding_key(Encoding::Windows1252)).contains("Windows-1252"));
    }

    #[test]
    fn only_paths_of_this_origin_are_read() {
        let o = "http://127.0.0.1:8080";
        assert_eq!(same_origin_path("/fixtures/a.csv", o).as_deref(), Some("/fixtures/a.csv"));
        assert_eq!(same_origin_path("http://127.0.0.1:8080/a.csv", o).as_deref(), Some("/a.csv"));
        assert_eq!(same_origin_path("//evil.example/a.csv", o), None);
        assert_eq!(same_origin_path("https://evil.example/a.csv", o), None);
        assert_eq!(same_origin_path("http://127.0.0.1:8080.evil.example/a.csv", o), None);
        assert_eq!(same_origin_path("/\\evil.example/a.csv", o), None);
        assert_eq!(same_origin_path("javascript:alert(1)", o), None);
        assert_eq!(same_origin_path("a.csv", o), None);
    }
}
