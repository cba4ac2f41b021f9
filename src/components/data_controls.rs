//! Settings, "Your data": export everything to one file, import such a file back (after
//! a preview: replace or merge, see `domain::backup`), delete everything behind a
//! confirmation that names what will be lost, and the state of the device's storage.

use crate::clock::use_today;
use crate::components::storage_status::StorageStatus;
use crate::domain::backup::{self, Counts, ImportError, ImportFile, Mode, Preview, Problem};
use crate::domain::directory_prefs::DirectoryPrefs;
use crate::domain::document::Document;
use crate::domain::epds_history::History;
use crate::domain::family::Family;
use crate::domain::lang::Lang;
use crate::domain::settings::Settings;
use crate::epds_store::use_epds;
use crate::i18n::{format, use_i18n, Key};
use crate::{settings, storage};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The name of a stored document for the parent.
pub fn document_name(key: &str) -> Key {
    match key.strip_suffix(backup::ASIDE_SUFFIX).unwrap_or(key) {
        Family::KEY => Key::SettingsDocFamily,
        History::KEY => Key::SettingsDocEpds,
        DirectoryPrefs::KEY => Key::SettingsDocDirectory,
        Settings::KEY => Key::SettingsDocSettings,
        _ => Key::SettingsDocOther,
    }
}

/// Exports everything to a dated file. The export is recorded in the settings first (for
/// the reminder), so that the file holds the settings as they are after it; if the file
/// cannot be made, that record is undone. Returns the file's name.
pub fn export_all(today: NaiveDate, check_dates: &[NaiveDate]) -> Option<String> {
    let previous = storage::read(settings::KEY).ok().flatten();
    let recorded = settings::update(|s| s.backup.exported(today, check_dates)).is_ok();
    let name = backup::file_name(today);
    let done = storage::all_documents().ok().and_then(|docs| {
        crate::download::download(&name, "application/json;charset=utf-8", &backup::export(&docs, today)).ok()
    });
    if done.is_none() && recorded {
        let _ = storage::write_all(&[(settings::KEY.to_string(), previous)]);
    }
    done.map(|()| name)
}

/// The dates of the EPDS checks on the phone (for the reminder's memory).
pub fn check_dates(history: &History) -> Vec<NaiveDate> {
    history.checks().iter().map(|c| c.date).collect()
}

fn counts_text(lang: Lang, c: Counts) -> String {
    format(
        lang,
        Key::SettingsImportCounts,
        &[
            ("profiles", &c.profiles.to_string()),
            ("marks", &c.marks.to_string()),
            ("checks", &c.checks.to_string()),
            ("entries", &c.entries.to_string()),
        ],
    )
}

fn refusal_text(lang: Lang, error: &ImportError) -> String {
    let t = |key| crate::i18n::text(lang, key).to_string();
    match error {
        ImportError::TooBig => t(Key::SettingsImportTooBig),
        ImportError::NotJson => t(Key::SettingsImportNotJson),
        ImportError::NotAnExport => t(Key::SettingsImportNotExport),
        ImportError::TooNew => t(Key::SettingsImportTooNew),
        ImportError::BadDocument { key, problem } => {
            let what = crate::i18n::text(lang, document_name(key));
            let template = match problem {
                Problem::TooNew => Key::SettingsImportDocTooNew,
                Problem::Unreadable(_) => Key::SettingsImportDocUnreadable,
            };
            format(lang, template, &[("what", what)])
        }
    }
}

/// Where the import is.
#[derive(Clone, Debug, PartialEq)]
enum Import {
    Idle,
    Reading,
    /// The file was refused (the reason, in words).
    Refused(String),
    Preview(Box<ImportFile>, Box<Preview>),
    /// Said in words (done, nothing to do, or failed).
    Said(Key),
}

#[component]
pub fn DataControls() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="data-heading">
            <h2 id="data-heading">{move || i18n.t(Key::SettingsDataHeading)}</h2>
            <p>{move || i18n.t(Key::SettingsPrivacyBody)}</p>
            <ExportAndWipe/>
            <ImportFromFile/>
            <StorageStatus/>
        </section>
    }
}

/// Export everything to a file, and delete everything behind a confirmation that names
/// what will be lost.
#[component]
fn ExportAndWipe() -> impl IntoView {
    let i18n = use_i18n();
    let today = use_today();
    let epds = use_epds();
    let status = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);

    let export = move |_| {
        let dates = epds.with_untracked(check_dates);
        status.set(Some(match export_all(today.0.get_untracked(), &dates) {
            Some(name) => format(i18n.lang(), Key::SettingsExportDone, &[("file", &name)]),
            None => i18n.t(Key::SettingsExportFailed).to_string(),
        }));
    };

    let lost = move || {
        let counts = crate::store::stored().counts;
        format(
            i18n.lang(),
            Key::SettingsWipeLost,
            &[
                ("profiles", &counts.profiles.to_string()),
                ("marks", &counts.marks.to_string()),
                ("checks", &counts.checks.to_string()),
                ("entries", &counts.entries.to_string()),
            ],
        )
    };

    let wipe = move |_| match storage::remove_all() {
        // Start again from a clean page: every store reloads empty.
        Ok(()) => {
            let _ = window().location().replace("/");
        }
        Err(_) => {
            confirming.set(false);
            status.set(Some(i18n.t(Key::SettingsWipeFailed).to_string()));
        }
    };

    view! {
            <p class="hint" id="export-hint">{move || i18n.t(Key::SettingsExportHint)}</p>
            <div class="actions">
                <button type="button" class="button" aria-describedby="export-hint" on:click=export>
                    {move || i18n.t(Key::SettingsExportButton)}
                </button>
                <button type="button" class="button secondary" aria-expanded=move || confirming.get().to_string()
                    on:click=move |_| confirming.set(true)>
                    {move || i18n.t(Key::SettingsWipeButton)}
                </button>
            </div>
            <p role="status">{move || status.get()}</p>
            <Show when=move || confirming.get()>
                <div class="confirm" role="group" aria-labelledby="wipe-question">
                    <p id="wipe-question"><strong>{move || i18n.t(Key::SettingsWipeQuestion)}</strong></p>
                    <p>{lost}</p>
                    <p>{move || i18n.t(Key::SettingsWipeAdvice)}</p>
                    <div class="actions">
                        <button type="button" class="button danger" on:click=wipe>
                            {move || i18n.t(Key::SettingsWipeConfirm)}
                        </button>
                        <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>
                            {move || i18n.t(Key::SettingsWipeCancel)}
                        </button>
                    </div>
                </div>
            </Show>
    }
}

/// Import an export file: read and checked, then a preview, then replace or merge.
#[component]
fn ImportFromFile() -> impl IntoView {
    let i18n = use_i18n();
    let import = RwSignal::new(Import::Idle);
    let file_input = NodeRef::<leptos::html::Input>::new();

    // Back from an import: the app reloaded on the new data.
    let query = use_query_map();
    if let Some(mode) = query.with_untracked(|q| q.get("imported")) {
        import.set(Import::Said(if mode == "merge" { Key::SettingsImportDoneMerge } else { Key::SettingsImportDone }));
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some("/settings"));
        }
    }

    let clear_input = move || {
        if let Some(input) = file_input.get_untracked() {
            input.set_value("");
        }
    };

    let on_file = move |_| {
        let Some(input) = file_input.get_untracked() else { return };
        let Some((blob, _)) = crate::download::picked_file(&input) else { return };
        // Refused before reading: a file that big is not an export.
        if blob.size() > backup::MAX_IMPORT_BYTES as f64 {
            import.set(Import::Refused(refusal_text(i18n.lang(), &ImportError::TooBig)));
            return;
        }
        import.set(Import::Reading);
        wasm_bindgen_futures::spawn_local(async move {
            let bytes = JsFuture::from(blob.array_buffer()).await.map(|b| js_sys::Uint8Array::new(&b).to_vec());
            let next = match bytes {
                Err(_) => Import::Said(Key::SettingsImportReadFailed),
                Ok(bytes) => match backup::parse(&bytes) {
                    Err(e) => Import::Refused(refusal_text(i18n.lang(), &e)),
                    Ok(file) => match storage::all_documents() {
                        Ok(stored) => {
                            let preview = backup::preview(&stored, &file);
                            Import::Preview(Box::new(file), Box::new(preview))
                        }
                        Err(_) => Import::Said(Key::SettingsImportFailed),
                    },
                },
            };
            let preview = matches!(next, Import::Preview(..));
            let _ = import.try_set(next);
            // The preview is not a status message: take the reader to it.
            if preview {
                request_animation_frame(|| {
                    if let Some(heading) = document().get_element_by_id("import-preview-heading") {
                        let _ = heading.unchecked_into::<web_sys::HtmlElement>().focus();
                    }
                });
            }
        });
    };

    let apply = move |mode: Mode| {
        let Import::Preview(file, _) = import.get_untracked() else { return };
        let Ok(stored) = storage::all_documents() else {
            import.set(Import::Said(Key::SettingsImportFailed));
            return;
        };
        let changes = backup::plan(&stored, &file, mode);
        if changes.is_empty() {
            clear_input();
            import.set(Import::Said(Key::SettingsImportNothingToDo));
            return;
        }
        match storage::write_all(&changes) {
            // Every store reloads from the new documents.
            Ok(()) => {
                let mode = if mode == Mode::Merge { "merge" } else { "replace" };
                let _ = window().location().replace(&format!("/settings?imported={mode}"));
            }
            Err(e) => {
                clear_input();
                import.set(Import::Said(if e.restored {
                    Key::SettingsImportFailed
                } else {
                    Key::SettingsImportFailedPartly
                }));
            }
        }
    };
    let cancel = move |_| {
        clear_input();
        import.set(Import::Idle);
    };

    view! {
            <div class="field">
                <label for="import-file">{move || i18n.t(Key::SettingsImportLabel)}</label>
                <p class="hint" id="import-hint">{move || i18n.t(Key::SettingsImportHint)}</p>
                <input id="import-file" type="file" accept=".json,application/json" aria-describedby="import-hint"
                    node_ref=file_input on:change=on_file/>
            </div>
            <div class="import-state" role="status" aria-live="polite">
                {move || match import.get() {
                    Import::Reading => view! { <p>{move || i18n.t(Key::SettingsImportReading)}</p> }.into_any(),
                    Import::Refused(reason) => view! { <p class="error">{reason}</p> }.into_any(),
                    Import::Said(key) => view! { <p>{move || i18n.t(key)}</p> }.into_any(),
                    Import::Idle | Import::Preview(..) => ().into_any(),
                }}
            </div>
            {move || match import.get() {
                Import::Preview(file, p) => Some(view! { <ImportPreview file=*file preview=*p on_choose=Callback::new(apply) on_cancel=Callback::new(cancel)/> }),
                _ => None,
            }}
    }
}

/// What an import would do, and the choice: replace, merge, or cancel.
#[component]
fn ImportPreview(
    file: ImportFile,
    preview: Preview,
    on_choose: Callback<Mode>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let p = preview;
    let lang = i18n.lang();
    let date = crate::texts::date_long(lang, p.exported_on);
    let skipped = (!file.skipped.is_empty()).then(|| file.skipped.join(", "));
    let copies = p.copies;
    view! {
        <div class="import-preview" role="group" aria-labelledby="import-preview-heading">
            <h3 id="import-preview-heading" tabindex="-1">{move || i18n.t(Key::SettingsImportPreviewHeading)}</h3>
            <p>{format(lang, Key::SettingsImportExportedOn, &[("date", &date)])}</p>
            <p>{format(lang, Key::SettingsImportHolds, &[("counts", &counts_text(lang, p.in_file))])}</p>
            {(copies > 0).then(|| view! { <p>{format(lang, Key::SettingsImportCopies, &[("n", &copies.to_string())])}</p> })}
            {skipped.map(|keys| view! { <p>{format(lang, Key::SettingsImportSkipped, &[("keys", &keys)])}</p> })}
            <p><strong>{move || i18n.t(Key::SettingsImportQuestion)}</strong></p>
            <div class="import-choice">
                <p id="import-replace-explain">
                    {move || i18n.t(Key::SettingsImportReplaceExplain)}" "
                    {if p.replace_loses.is_zero() {
                        i18n.t(Key::SettingsImportReplaceLosesNothing).to_string()
                    } else {
                        format(lang, Key::SettingsImportReplaceLoses, &[("counts", &counts_text(lang, p.replace_loses))])
                    }}
                </p>
                <button type="button" class="button" aria-describedby="import-replace-explain"
                    on:click=move |_| on_choose.run(Mode::Replace)>
                    {move || i18n.t(Key::SettingsImportReplaceButton)}
                </button>
            </div>
            <div class="import-choice">
                <p id="import-merge-explain">
                    {move || i18n.t(Key::SettingsImportMergeExplain)}" "
                    {format(lang, Key::SettingsImportMergeAdds, &[("counts", &counts_text(lang, p.merge_adds))])}
                    {(!p.merge_keeps.is_zero()).then(|| {
                        let n = p.merge_keeps.profiles + p.merge_keeps.marks + p.merge_keeps.checks + p.merge_keeps.entries;
                        format!(" {}", format(lang, Key::SettingsImportMergeKeeps, &[("n", &n.to_string())]))
                    })}
                </p>
                <button type="button" class="button" aria-describedby="import-merge-explain"
                    on:click=move |_| on_choose.run(Mode::Merge)>
                    {move || i18n.t(Key::SettingsImportMergeButton)}
                </button>
            </div>
            <div class="actions">
                <button type="button" class="button secondary" on:click=move |_| on_cancel.run(())>
                    {move || i18n.t(Key::SettingsImportCancel)}
                </button>
            </div>
        </div>
    }
}
