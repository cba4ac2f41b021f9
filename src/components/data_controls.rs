//! Settings, "Your data": export everything to one file, or delete everything behind a
//! confirmation that names what will be lost.

use crate::clock::use_today;
use crate::directory_store::use_directory_store;
use crate::domain::backup;
use crate::epds_store::use_epds;
use crate::family::use_family;
use crate::i18n::{format, use_i18n, Key};
use crate::storage;
use leptos::prelude::*;

#[component]
pub fn DataControls() -> impl IntoView {
    let i18n = use_i18n();
    let today = use_today();
    let family = use_family();
    let epds = use_epds();
    let directory = use_directory_store();
    let status = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);

    let export = move |_| {
        let date = today.0.get_untracked();
        let name = backup::file_name(date);
        let done = storage::all_documents().ok().and_then(|docs| {
            crate::download::download(&name, "application/json;charset=utf-8", &backup::export(&docs, date)).ok()
        });
        status.set(Some(match done {
            Some(()) => format(i18n.lang(), Key::SettingsExportDone, &[("file", &name)]),
            None => i18n.t(Key::SettingsExportFailed).to_string(),
        }));
    };

    let lost = move || {
        let (profiles, marks) = family.with(|f| {
            let marks = f.done.values().map(|m| m.len()).sum::<usize>() + f.own_events.values().map(Vec::len).sum::<usize>();
            (f.profiles.len(), marks)
        });
        let checks = epds.with(|h| h.len());
        let entries = directory.with(|d| d.favourites.len() + d.own.len() + d.imported.len());
        format(
            i18n.lang(),
            Key::SettingsWipeLost,
            &[
                ("profiles", &profiles.to_string()),
                ("marks", &marks.to_string()),
                ("checks", &checks.to_string()),
                ("entries", &entries.to_string()),
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
        <section class="card" aria-labelledby="data-heading">
            <h2 id="data-heading">{move || i18n.t(Key::SettingsDataHeading)}</h2>
            <p>{move || i18n.t(Key::SettingsPrivacyBody)}</p>
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
        </section>
    }
}
