//! What is due: the events of the active profile grouped by where they stand today
//! (to do now, upcoming, date passed, done), the parent's own appointments among them,
//! a form to add one, and the export to the phone's calendar. A change that cannot be
//! saved is undone by the family store and reported by the app's storage banner.

use crate::clock::{self, use_today};
use crate::components::event_card::{announce, focus_later, parse_date, Announcer, EventCard, OwnEventCard};
use crate::components::page::Page;
use crate::domain::calendar::{events_for, to_ics, Event, EventStatus, EventText, OwnEvent, Profile};
use crate::domain::due::{self, DueItem, GROUP_ORDER};
use crate::domain::lang::Lang;
use crate::family::use_family;
use crate::i18n::{format, use_i18n, Key};
use crate::texts;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn EventsPage() -> impl IntoView {
    let family = use_family();
    let profile = Memo::new(move |_| family.with(|f| f.active_profile().cloned()));
    let announcer = Announcer(RwSignal::new(String::new()));
    provide_context(announcer);
    view! {
        <Page title=Key::EventsPageTitle>
            <div class="ev-sr-only" id="ev-announce" aria-live="polite">{move || announcer.0.get()}</div>
            {move || match profile.get() {
                None => view! {
                    <p class="lead">{crate::i18n::tr(Key::EventsNoProfile)}</p>
                    <p><A href="/">{crate::i18n::tr(Key::EventsNoProfileLink)}</A></p>
                }
                .into_any(),
                Some(profile) => view! { <DueList profile=profile/> }.into_any(),
            }}
        </Page>
    }
}

/// The id of the heading of a group.
fn group_heading_id(status: EventStatus) -> &'static str {
    match status {
        EventStatus::ToDoNow => "ev-group-now",
        EventStatus::Upcoming => "ev-group-upcoming",
        EventStatus::Overdue => "ev-group-passed",
        EventStatus::Done => "ev-group-done",
    }
}

#[component]
fn DueList(profile: Profile) -> impl IntoView {
    let i18n = use_i18n();
    let today = use_today();
    let family = use_family();
    let events = StoredValue::new(events_for(&profile));
    let profile_id = StoredValue::new(profile.id.clone());
    let name = profile.name.clone();
    let groups = Memo::new(move |_| {
        let today = today.get();
        let pid = profile_id.read_value();
        family.with(|f| {
            events.with_value(|events| due::group(events, f.own_events(&pid), today, |id| f.done_on(&pid, id)))
        })
    });

    let sections = GROUP_ORDER
        .into_iter()
        .map(|status| {
            let items = Memo::new(move |_| {
                groups.with(|gs| gs.iter().find(|g| g.status == status).map(|g| g.items.clone()).unwrap_or_default())
            });
            let empty = move || items.with(Vec::is_empty);
            let heading_id = group_heading_id(status);
            let heading = move || {
                let lang = i18n.lang();
                format(
                    lang,
                    Key::EventsGroupHeading,
                    &[("label", texts::status_label(lang, status)), ("count", &items.with(Vec::len).to_string())],
                )
            };
            let passed_intro = (status == EventStatus::Overdue).then(|| {
                view! { <p class="ev-group-intro" hidden=empty>{crate::i18n::tr(Key::EventsPassedIntro)}</p> }
            });
            view! {
                <section class="ev-group" aria-labelledby=heading_id>
                    <h2 id=heading_id tabindex="-1">{heading}</h2>
                    {passed_intro}
                    <p class="ev-empty" hidden=move || !empty()>{crate::i18n::tr(Key::EventsGroupEmpty)}</p>
                    <ul class="ev-list" hidden=empty>
                        <For
                            each=move || items.get()
                            key=DueItem::key
                            children=move |item| {
                                let pid = profile_id.get_value();
                                match item {
                                    DueItem::Event(event) => view! { <li><EventCard event=event profile_id=pid/></li> }.into_any(),
                                    DueItem::Own(own) => view! { <li><OwnEventCard own=own profile_id=pid/></li> }.into_any(),
                                }
                            }
                        />
                    </ul>
                </section>
            }
        })
        .collect_view();

    view! {
        <p class="lead">{move || format(i18n.lang(), Key::EventsIntro, &[("name", &name)])}</p>
        <OwnEventForm profile_id=profile_id.get_value()/>
        <ExportCard profile=profile events=events/>
        {sections}
    }
}

/// The form to add one of the parent's own appointments, folded until opened.
#[component]
fn OwnEventForm(profile_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let family = use_family();
    let title = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let title_error = RwSignal::new(None::<Key>);
    let date_error = RwSignal::new(None::<Key>);
    let announcer = Announcer::find();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let text = title.get_untracked().trim().to_string();
        let title_check = if text.is_empty() { Err(Key::EventsErrorTitleRequired) } else { Ok(text) };
        let date_check = parse_date(&date.get_untracked(), None);
        title_error.set(title_check.as_ref().err().copied());
        date_error.set(date_check.as_ref().err().copied());
        match (title_check, date_check) {
            (Ok(text), Ok(day)) => {
                let note_text = note.get_untracked().trim().to_string();
                let own = OwnEvent {
                    id: String::new(),
                    title: text.clone(),
                    date: day,
                    note: (!note_text.is_empty()).then_some(note_text),
                };
                let pid = profile_id.clone();
                if family
                    .update(move |f| {
                        f.add_own_event(&pid, own);
                    })
                    .is_ok()
                {
                    title.set(String::new());
                    date.set(String::new());
                    note.set(String::new());
                    announce(announcer, format(i18n.lang(), Key::EventsOwnAdded, &[("title", &text)]));
                }
            }
            (Err(_), _) => focus_later("ev-own-title".into()),
            (_, Err(_)) => focus_later("ev-own-date".into()),
        }
    };
    let invalid = |error: RwSignal<Option<Key>>| move || error.get().is_some().to_string();
    let described = |error: RwSignal<Option<Key>>, id: &'static str| move || error.get().map(|_| id);
    view! {
        <details class="card ev-add">
            <summary id="ev-add-summary">{crate::i18n::tr(Key::EventsOwnAdd)}</summary>
            <form class="ev-add-form" novalidate on:submit=submit>
                <p class="ev-hint">{crate::i18n::tr(Key::EventsOwnAddIntro)}</p>
                <div class="ev-field">
                    <label for="ev-own-title">{crate::i18n::tr(Key::EventsOwnTitleLabel)}</label>
                    <input
                        type="text"
                        id="ev-own-title"
                        required
                        maxlength="120"
                        autocomplete="off"
                        prop:value=move || title.get()
                        on:input=move |ev| title.set(event_target_value(&ev))
                        aria-invalid=invalid(title_error)
                        aria-describedby=described(title_error, "ev-own-title-error")
                    />
                    <p class="ev-field-error" id="ev-own-title-error">{move || title_error.get().map(|k| i18n.t(k))}</p>
                </div>
                <div class="ev-field">
                    <label for="ev-own-date">{crate::i18n::tr(Key::EventsOwnDateLabel)}</label>
                    <input
                        type="date"
                        id="ev-own-date"
                        required
                        prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev))
                        aria-invalid=invalid(date_error)
                        aria-describedby=described(date_error, "ev-own-date-error")
                    />
                    <p class="ev-field-error" id="ev-own-date-error">{move || date_error.get().map(|k| i18n.t(k))}</p>
                </div>
                <div class="ev-field">
                    <label for="ev-own-note">{crate::i18n::tr(Key::EventsOwnNoteLabel)}</label>
                    <textarea
                        id="ev-own-note"
                        rows="2"
                        maxlength="500"
                        prop:value=move || note.get()
                        on:input=move |ev| note.set(event_target_value(&ev))
                    ></textarea>
                </div>
                <button type="submit" class="button">{crate::i18n::tr(Key::EventsOwnSubmit)}</button>
            </form>
        </details>
    }
}

/// The longer text of an event in the exported file: its window, note, the advice to
/// check with a health professional when it applies, and its source.
pub fn export_description(lang: Lang, event: &Event) -> String {
    let mut lines = vec![texts::event_window(lang, event)];
    if let Some(note) = event.note {
        lines.push(texts::event_note(lang, note));
    }
    if event.check_with_professional {
        lines.push(crate::i18n::text(lang, Key::EventsCheck).to_string());
    }
    for source in event.sources() {
        let named = format!("{}, {} ({})", source.org, source.title, source.url);
        lines.push(format(lang, Key::EventsSource, &[("source", &named)]));
    }
    lines.join("\n")
}

/// The export of what is still ahead to an iCalendar file, downloaded.
#[component]
fn ExportCard(profile: Profile, events: StoredValue<Vec<Event>>) -> impl IntoView {
    let i18n = use_i18n();
    let today = use_today();
    let family = use_family();
    let failed = RwSignal::new(false);
    let announcer = Announcer::find();
    let export = move |_| {
        let lang = i18n.lang();
        let today = today.0.get_untracked();
        let (chosen, own) = family.with(|f| {
            events.with_value(|events| {
                due::to_export(events, f.own_events(&profile.id), today, |id| f.done_on(&profile.id, id))
            })
        });
        let ics = to_ics(
            &profile.id,
            &chosen,
            &own,
            |e| EventText { summary: texts::event_title(lang, e.id), description: Some(export_description(lang, e)) },
            clock::now_utc(),
        );
        let file = due::ics_filename(&profile.name, today);
        match crate::download::download(&file, "text/calendar;charset=utf-8", &ics) {
            Ok(()) => {
                failed.set(false);
                announce(announcer, format(lang, Key::EventsExportDone, &[("file", &file)]));
            }
            Err(_) => failed.set(true),
        }
    };
    view! {
        <section class="card ev-export" aria-labelledby="ev-export-heading">
            <h2 id="ev-export-heading">{crate::i18n::tr(Key::EventsExportHeading)}</h2>
            <button type="button" class="button" on:click=export aria-describedby="ev-export-explain">
                {crate::i18n::tr(Key::EventsExportButton)}
            </button>
            <p class="ev-hint" id="ev-export-explain">{crate::i18n::tr(Key::EventsExportExplain)}</p>
            <p class="ev-field-error">{move || failed.get().then(|| i18n.t(Key::EventsExportFailed))}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::Status;
    use chrono::NaiveDate;

    #[test]
    fn the_exported_description_has_the_window_note_check_and_source() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        let profile = Profile {
            id: "p1".into(),
            name: "Léa".into(),
            status: Status::Born { birth_date: d(2026, 9, 20), term_at_birth: None, due_date: None, babies: None },
        };
        let events = events_for(&profile);
        // Born in September 2026: a season whose RSV campaign is not in the data yet.
        let birth = events.iter().find(|e| e.id == "vaccine-birth").expect("birth slot");
        let text = export_description(Lang::Fr, birth);
        let lines: Vec<_> = text.lines().collect();
        assert_eq!(lines[0], "Le 20 septembre 2026");
        assert!(lines[1].starts_with("Pendant la campagne d'hiver contre le VRS"), "{}", lines[1]);
        assert_eq!(lines[2], "À confirmer avec votre professionnel de santé.");
        assert!(lines[3].starts_with("Source : Ordre national des pharmaciens"), "{}", lines[3]);
        let exam = events.iter().find(|e| e.id == "exam-2m").expect("exam");
        let text = export_description(Lang::En, exam);
        assert_eq!(
            text,
            "From 20 November 2026 to 19 December 2026\nSource: Service-public.fr (DILA), Visites médicales de l'enfant : examens obligatoires (fiche F967) (https://www.service-public.fr/particuliers/vosdroits/F967)"
        );
    }
}
