//! One thing due, as a card: what it is, when, where it stands, and the control to mark
//! it done (or undo). The compact form (title, window, status, a link to the page) is
//! for the Today page. Also the card of one of the parent's own appointments.

use crate::clock::use_today;
use crate::components::source_link::SourceLinks;
use crate::domain::calendar::rules::VaccineDose;
use crate::domain::calendar::{status, Event, EventKind, EventStatus, OwnEvent};
use crate::domain::due::own_status;
use crate::family::use_family;
use crate::i18n::{format, use_i18n, Key};
use crate::texts;
use chrono::NaiveDate;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

/// The page of every event, which compact cards link to.
pub const EVENTS_PATH: &str = "/timeline/events";

/// Where a page wants short messages said to screen readers (a polite live region):
/// "marked done", "appointment deleted". Optional: a card works without it.
#[derive(Clone, Copy)]
pub struct Announcer(pub RwSignal<String>);

impl Announcer {
    pub fn say(self, message: String) {
        self.0.set(message);
    }

    /// The page's announcer, if it has one. Call it when the component is created (event
    /// handlers run outside the component's owner, where no context is found).
    pub fn find() -> Option<Announcer> {
        use_context::<Announcer>()
    }
}

/// Says `message` through `announcer`, if there is one.
pub fn announce(announcer: Option<Announcer>, message: String) {
    if let Some(announcer) = announcer {
        announcer.say(message);
    }
}

/// Moves focus to the element `id` once the page has been redrawn (a card marked done
/// moves to another group: focus follows it rather than falling back to the page).
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

/// A class per status, for the colour of its badge (the status is always said in text).
pub fn status_class(status: EventStatus) -> &'static str {
    match status {
        EventStatus::ToDoNow => "ev-status ev-status-now",
        EventStatus::Upcoming => "ev-status ev-status-upcoming",
        EventStatus::Overdue => "ev-status ev-status-passed",
        EventStatus::Done => "ev-status ev-status-done",
    }
}

/// The HTML date input's value of `date`.
pub fn input_date(date: NaiveDate) -> String {
    date.to_string()
}

/// The date typed in a date input, checked: required, and not after `latest` if given.
pub fn parse_date(value: &str, latest: Option<NaiveDate>) -> Result<NaiveDate, Key> {
    let date = crate::domain::iso_date::parse_ymd(value.trim()).ok_or(Key::EventsErrorDateRequired)?;
    match latest {
        Some(latest) if date > latest => Err(Key::EventsErrorDateFuture),
        _ => Ok(date),
    }
}

/// The accessible name of a button that acts on one item: its visible label, then the
/// item's title ("Marquer comme fait : Vaccins des 2 mois"), so that each of the many
/// buttons of the page says what it acts on and still starts with what is seen.
pub fn named_action(lang: crate::domain::lang::Lang, action: Key, title: &str) -> String {
    format(lang, Key::EventsAbout, &[("action", crate::i18n::text(lang, action)), ("title", title)])
}

#[component]
pub fn EventCard(
    event: Event,
    #[prop(into)] profile_id: String,
    /// Title, window and status only, with a link to the page of events.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let today = use_today();
    let family = use_family();
    let id = event.id;
    let event = StoredValue::new(event);
    let profile_id = StoredValue::new(profile_id);
    let done = Memo::new(move |_| family.with(|f| f.done_on(&profile_id.read_value(), id)));
    let current = Memo::new(move |_| event.with_value(|e| status(e, today.get(), done.get())));
    let title = Signal::derive(move || texts::event_title(i18n.lang(), id));
    let window = move || event.with_value(|e| texts::event_window(i18n.lang(), e));
    let status_text = move || texts::status_label(i18n.lang(), current.get());
    let title_id = format!("ev-{id}-title");
    let labelled_by = title_id.clone();

    if compact {
        return view! {
            <article class="ev-card ev-compact" aria-labelledby=labelled_by>
                <h3 class="ev-title" id=title_id>
                    <A href=EVENTS_PATH>{move || title.get()}</A>
                </h3>
                <p class="ev-window">{window}</p>
                <p class=move || status_class(current.get())>{status_text}</p>
            </article>
        }
        .into_any();
    }

    let e = event.get_value();
    // A leave is a right, neither mandatory nor "recommended": it has no level.
    let level = (e.kind != EventKind::Leave).then(|| {
        let key = if e.mandatory { Key::EventsMandatory } else { Key::EventsRecommended };
        view! { <span class="ev-tag" class:ev-tag-strong=e.mandatory>{move || i18n.t(key)}</span> }
    });
    let kind = e.kind;
    let tags = view! {
        <span class="ev-tag">{move || texts::kind_label(i18n.lang(), kind)}</span>
        {level}
    };
    let note = e.note.map(|note| view! { <p class="ev-note">{move || texts::event_note(i18n.lang(), note)}</p> });
    let check =
        e.check_with_professional.then(|| view! { <p class="ev-check">{crate::i18n::tr(Key::EventsCheck)}</p> });
    let sources: Vec<_> = e.sources().cloned().collect();
    let reviewed = e.reviewed;

    view! {
        <article class="ev-card" class:ev-card-done=move || done.get().is_some() aria-labelledby=labelled_by>
            <h3 class="ev-title" id=title_id>{move || title.get()}</h3>
            <p class="ev-tags">{tags}</p>
            <p class="ev-window">{window}</p>
            <p class=move || status_class(current.get())>{status_text}</p>
            <EventVaccines id=id doses=e.vaccines/>
            {note}
            {check}
            <div class="ev-source"><SourceLinks sources=sources label=Key::EventsSourceOne label_several=Key::EventsSources/></div>
            <p class="ev-reviewed">{move || format(i18n.lang(), Key::EventsReviewed, &[("date", &texts::date_long(i18n.lang(), reviewed))])}</p>
            <DoneControl id=id title=title done=done profile_id=profile_id/>
        </article>
    }
    .into_any()
}

/// The vaccine doses of a vaccine event, as a list under its heading (nothing for other events).
#[component]
fn EventVaccines(id: &'static str, doses: &'static [VaccineDose]) -> impl IntoView {
    let i18n = use_i18n();
    let vaccines_id = format!("ev-{id}-vaccines");
    let mixed = doses.iter().any(|d| d.mandatory) && doses.iter().any(|d| !d.mandatory);
    (!doses.is_empty()).then(|| {
        view! {
            <p class="ev-sub" id=vaccines_id.clone()>{crate::i18n::tr(Key::EventsVaccinesHeading)}</p>
            <ul class="ev-vaccines" aria-labelledby=vaccines_id>
                {doses
                    .iter()
                    .map(|dose| {
                        let text = move || {
                            let lang = i18n.lang();
                            let name = texts::vaccine_name(lang, &dose.vaccine);
                            let key = if dose.dose == 1 { Key::EventsVaccineDoseFirst } else { Key::EventsVaccineDose };
                            let mut line = format(lang, key, &[("vaccine", &name), ("dose", &dose.dose.to_string())]);
                            if mixed {
                                let key = if dose.mandatory { Key::EventsVaccineDoseMandatory } else { Key::EventsVaccineDoseRecommended };
                                line = format(lang, key, &[("dose", &line)]);
                            }
                            line
                        };
                        view! { <li>{text}</li> }
                    })
                    .collect_view()}
            </ul>
        }
    })
}

/// The control of a card: the form to mark the event done or, once done, its day and undo.
#[component]
fn DoneControl(
    id: &'static str,
    title: Signal<String>,
    done: Memo<Option<NaiveDate>>,
    profile_id: StoredValue<String>,
) -> impl IntoView {
    let today = use_today();
    // Mark done: a date (today by default, never after today) and a button.
    let date_value = RwSignal::new(input_date(today.0.get_untracked()));
    let date_error = RwSignal::new(None::<Key>);
    move || match done.get() {
        Some(day) => {
            view! { <UndoDone id=id day=day title=title date_value=date_value profile_id=profile_id/> }.into_any()
        }
        None => view! {
            <MarkDoneForm id=id title=title date_value=date_value date_error=date_error profile_id=profile_id/>
        }
        .into_any(),
    }
}

/// The day an event was marked done, and the button to undo it.
#[component]
fn UndoDone(
    id: &'static str,
    day: NaiveDate,
    title: Signal<String>,
    date_value: RwSignal<String>,
    profile_id: StoredValue<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let today = use_today();
    let family = use_family();
    let announcer = Announcer::find();
    let mark_id = format!("ev-{id}-mark");
    let undo_id = format!("ev-{id}-undo");
    let undo = move |_| {
        let pid = profile_id.get_value();
        if family.update(move |f| f.unmark_done(&pid, id)).is_ok() {
            date_value.set(input_date(today.0.get_untracked()));
            let lang = i18n.lang();
            announce(announcer, format(lang, Key::EventsUnmarked, &[("title", &texts::event_title(lang, id))]));
            focus_later(mark_id.clone());
        }
    };
    view! {
        <div class="ev-done">
            <p class="ev-done-on">
                {move || format(i18n.lang(), Key::EventsDoneOn, &[("date", &texts::date_long(i18n.lang(), day))])}
            </p>
            <button
                type="button"
                class="ev-button ev-button-quiet"
                id=undo_id
                aria-label=move || named_action(i18n.lang(), Key::EventsUndo, &title.get())
                on:click=undo
            >
                {crate::i18n::tr(Key::EventsUndo)}
            </button>
        </div>
    }
}

/// The form to mark an event done: the date it was done (never after today) and the button.
#[component]
fn MarkDoneForm(
    id: &'static str,
    title: Signal<String>,
    date_value: RwSignal<String>,
    date_error: RwSignal<Option<Key>>,
    profile_id: StoredValue<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let today = use_today();
    let family = use_family();
    let announcer = Announcer::find();
    let date_input_id = format!("ev-{id}-date");
    let date_error_id = format!("ev-{id}-date-error");
    let mark_id = format!("ev-{id}-mark");
    let undo_id = format!("ev-{id}-undo");
    let mark = {
        let date_input_id = date_input_id.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let today = today.0.get_untracked();
            match parse_date(&date_value.get_untracked(), Some(today)) {
                Err(key) => {
                    date_error.set(Some(key));
                    focus_later(date_input_id.clone());
                }
                Ok(day) => {
                    date_error.set(None);
                    let pid = profile_id.get_value();
                    if family.update(move |f| f.mark_done(&pid, id, day)).is_ok() {
                        let lang = i18n.lang();
                        announce(
                            announcer,
                            format(
                                lang,
                                Key::EventsMarkedDone,
                                &[("title", &texts::event_title(lang, id)), ("date", &texts::date_long(lang, day))],
                            ),
                        );
                        focus_later(undo_id.clone());
                    }
                }
            }
        }
    };
    let described_by = date_error_id.clone();
    view! {
        <form class="ev-mark" novalidate on:submit=mark>
            <div class="ev-field">
                <label for=date_input_id.clone()>{crate::i18n::tr(Key::EventsDoneDateLabel)}</label>
                <input
                    type="date"
                    id=date_input_id
                    required
                    max=move || input_date(today.get())
                    prop:value=move || date_value.get()
                    on:input=move |ev| date_value.set(event_target_value(&ev))
                    aria-invalid=move || date_error.get().is_some().to_string()
                    aria-describedby=move || date_error.get().map(|_| described_by.clone())
                />
            </div>
            <button
                type="submit"
                class="ev-button"
                id=mark_id
                aria-label=move || named_action(i18n.lang(), Key::EventsMarkDone, &title.get())
            >
                {crate::i18n::tr(Key::EventsMarkDone)}
            </button>
            <p class="ev-field-error" id=date_error_id>
                {move || date_error.get().map(|key| i18n.t(key))}
            </p>
        </form>
    }
}

/// One of the parent's own appointments: title, date, where it stands, note, delete.
#[component]
pub fn OwnEventCard(own: OwnEvent, #[prop(into)] profile_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let today = use_today();
    let family = use_family();
    let title_id = format!("ev-own-{}-title", own.id);
    let labelled_by = title_id.clone();
    let announcer = Announcer::find();
    let current = Memo::new({
        let own = own.clone();
        move |_| own_status(&own, today.get())
    });
    let status_text = move || match current.get() {
        EventStatus::ToDoNow => i18n.t(Key::EventsOwnToday),
        other => texts::status_label(i18n.lang(), other),
    };
    let date = own.date;
    let title = own.title.clone();
    let delete_name = {
        let title = title.clone();
        move || named_action(i18n.lang(), Key::EventsOwnDelete, &title)
    };
    let note =
        own.note.clone().filter(|n| !n.trim().is_empty()).map(|n| view! { <p class="ev-note ev-own-note">{n}</p> });
    let delete = {
        let id = own.id.clone();
        let title = title.clone();
        move |_| {
            let (pid, id) = (profile_id.clone(), id.clone());
            if family.update(move |f| f.remove_own_event(&pid, &id)).is_ok() {
                announce(announcer, format(i18n.lang(), Key::EventsOwnDeleted, &[("title", &title)]));
                focus_later("ev-add-summary".to_string());
            }
        }
    };
    view! {
        <article class="ev-card ev-own" aria-labelledby=labelled_by>
            <h3 class="ev-title" id=title_id>{title}</h3>
            <p class="ev-tags"><span class="ev-tag ev-tag-own">{crate::i18n::tr(Key::EventsOwnLabel)}</span></p>
            <p class="ev-window">
                {move || format(i18n.lang(), Key::EventsWindowOneDay, &[("date", &texts::date_long(i18n.lang(), date))])}
            </p>
            <p class=move || status_class(current.get())>{status_text}</p>
            {note}
            <button type="button" class="ev-button ev-button-quiet" aria-label=delete_name on:click=delete>
                {crate::i18n::tr(Key::EventsOwnDelete)}
            </button>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_dates_are_checked() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        assert_eq!(parse_date("2026-11-23", Some(today)), Ok(today));
        assert_eq!(
            parse_date(" 2026-11-01 ", Some(today)),
            NaiveDate::from_ymd_opt(2026, 11, 1).ok_or(Key::EventsErrorDateRequired)
        );
        assert_eq!(parse_date("2026-11-24", Some(today)), Err(Key::EventsErrorDateFuture));
        assert_eq!(parse_date("2027-05-01", None).map(input_date), Ok("2027-05-01".to_string()));
        assert_eq!(parse_date("", Some(today)), Err(Key::EventsErrorDateRequired));
        assert_eq!(parse_date("2026-02-30", None), Err(Key::EventsErrorDateRequired));
        assert_eq!(input_date(today), "2026-11-23");
    }

    #[test]
    fn action_names_start_with_the_visible_label() {
        use crate::domain::lang::Lang;
        assert_eq!(
            named_action(Lang::Fr, Key::EventsMarkDone, "Vaccins des 2 mois"),
            "Marquer comme fait : Vaccins des 2 mois"
        );
        assert_eq!(named_action(Lang::En, Key::EventsUndo, "2-month vaccines"), "Undo: 2-month vaccines");
    }
}
