//! Today's card "Save a copy of your data", shown by the rule of
//! `domain::backup::reminder_due` (never a nag): Export, or "Not now". Also where Cocon
//! notes the first day it sees the parent's data and asks the browser to keep that data
//! (`navigator.storage.persist()`), once there is something to keep.

use crate::clock::use_today;
use crate::components::data_controls::{check_dates, export_all};
use crate::components::storage_status::request_persistence;
use crate::domain::backup::reminder_due;
use crate::epds_store::use_epds;
use crate::i18n::{format, use_i18n, Key};
use crate::settings;
use leptos::prelude::*;

#[component]
pub fn BackupReminder() -> impl IntoView {
    let i18n = use_i18n();
    let today = use_today();
    let epds = use_epds();
    let state = RwSignal::new(settings::load().backup);
    let said = RwSignal::new(None::<String>);
    // A demonstration's sample family is not the parent's: nothing to keep or remind of.
    let in_demo = crate::demonstration::active().is_some();

    // Every kind of document counts (read again after each change, here or elsewhere).
    let data = Memo::new(move |_| crate::store::stored().has_data);
    // Once there is data: ask to keep it, and note the first day (the reminder counts from it).
    Effect::new(move |_| {
        if !in_demo && data.get() {
            request_persistence();
            let day = today.0.get_untracked();
            if state.with_untracked(|s| s.first_data_on.is_none()) {
                if let Ok(saved) = settings::update(|s| {
                    s.backup.note_data(day);
                }) {
                    state.set(saved.backup);
                }
            }
        }
    });

    let due = move || {
        let dates = epds.with(check_dates);
        !in_demo && state.with(|s| reminder_due(s, data.get(), &dates, today.0.get()))
    };
    let export = move |_| {
        let dates = epds.with_untracked(check_dates);
        match export_all(today.0.get_untracked(), &dates) {
            Some(name) => {
                state.set(settings::load().backup);
                said.set(Some(format(i18n.lang(), Key::SettingsExportDone, &[("file", &name)])));
            }
            None => said.set(Some(i18n.t(Key::SettingsExportFailed).to_string())),
        }
    };
    let later = move |_| {
        let dates = epds.with_untracked(check_dates);
        let day = today.0.get_untracked();
        // Hidden even if the choice cannot be stored (it then comes back next time).
        let mut next = state.get_untracked();
        next.snoozed(day, &dates);
        let _ = settings::update(|s| s.backup.snoozed(day, &dates));
        state.set(next);
    };

    view! {
        <Show when=due>
            <section class="card backup-reminder" aria-labelledby="backup-reminder-heading">
                <h2 id="backup-reminder-heading">{move || i18n.t(Key::TodayBackupHeading)}</h2>
                <p>{move || i18n.t(Key::TodayBackupBody)}</p>
                <div class="actions">
                    <button type="button" class="button" on:click=export>{move || i18n.t(Key::TodayBackupExport)}</button>
                    <button type="button" class="button secondary" on:click=later>{move || i18n.t(Key::TodayBackupLater)}</button>
                </div>
            </section>
        </Show>
        <p role="status" class="backup-reminder-status">{move || said.get()}</p>
    }
}
