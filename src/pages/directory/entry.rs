//! One entry: what it is, for whom, where, its hours and source, with one-tap links
//! (call, text, e-mail, website, open in maps), the favourite star, and for the parent's
//! own entries, edit and delete.

use super::places::PackStatus;
use super::share::ShareCode;
use super::{audience_label, category_label, safe_href, use_directory_data, SaveError};
use crate::components::page::Page;
use crate::directory_store::use_directory_store;
use crate::domain::decimal::short;
use crate::domain::directory::{mailto_uri, sms_uri, tel_uri, Cost, Entry, Origin};
use crate::domain::directory_prefs::{entry_key, pack_department_of_key};
use crate::domain::lang::Lang;
use crate::i18n::{format, use_i18n, Key};
use crate::texts;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

/// The "open in maps" link: a `geo:` link when the entry has coordinates, else an
/// OpenStreetMap search of its address (a link only: the app requests nothing).
pub fn maps_href(e: &Entry) -> Option<String> {
    let enc = |s: &str| String::from(js_sys::encode_uri_component(s));
    let label = if e.address.is_empty() { e.name.clone() } else { e.address.clone() };
    if let Some(p) = e.coordinates() {
        let (lat, lon) = (short(p.lat, 7), short(p.lon, 7));
        return Some(format!("geo:{lat},{lon}?q={}", enc(&format!("{lat},{lon}({label})"))));
    }
    let place: Vec<&str> =
        [e.address.as_str(), e.postcode.as_str(), e.commune.as_str()].into_iter().filter(|s| !s.is_empty()).collect();
    if place.is_empty() {
        return None;
    }
    let mut query = place.join(" ");
    if e.address.is_empty() {
        query = format!("{} {}", e.name, query);
    }
    Some(format!("https://www.openstreetmap.org/search?query={}", enc(&query)))
}

#[component]
pub fn EntryPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let data = use_directory_data();
    let store = use_directory_store();
    let key = move || params.with(|p| p.get("key").unwrap_or_default());
    let found = Memo::new(move |_| {
        let key = key();
        // The parent's own and imported entries are there even while the rest loads.
        let mine = store.with(|p| p.entries().find(|e| entry_key(e) == key).cloned());
        if let Some(e) = mine {
            return Some(Some(e));
        }
        let bundled = data.base.get().map(|b| b.ok().and_then(|b| b.entries.into_iter().find(|e| entry_key(e) == key)));
        // An entry of a département's pack: found once its pack is on the phone.
        match (bundled, pack_department_of_key(&key)) {
            (Some(None), Some(department)) => match data.places.status(&department) {
                PackStatus::Ready => Some(data.places.pack_entries().into_iter().find(|e| entry_key(e) == key)),
                PackStatus::Loading => None,
                PackStatus::NotShipped | PackStatus::Failed => Some(None),
            },
            (found, _) => found,
        }
    });
    // Fetch the pack of an entry of a pack opened directly (a favourite, a link).
    Effect::new(move |_| {
        if data.places.index_ready() {
            if let Some(department) = pack_department_of_key(&key()) {
                data.places.want_pack(&department);
            }
        }
    });
    view! {
        <Page title=Key::DirectoryTitle>
            <p><A href="/directory">{move || format!("← {}", i18n.t(Key::DirectoryBack))}</A></p>
            <SaveError store=store/>
            {move || match found.get() {
                None => view! { <p aria-busy="true">{crate::i18n::tr(Key::DirectoryLoading)}</p> }.into_any(),
                Some(None) => view! { <p role="alert">{crate::i18n::tr(Key::DirectoryNotFound)}</p> }.into_any(),
                Some(Some(e)) => view! { <EntryView entry=e/> }.into_any(),
            }}
        </Page>
    }
}

/// A link from data: rendered only with an allowed scheme.
fn link(href: String, label: String, class: &'static str, external: bool) -> AnyView {
    match safe_href(&href) {
        Some(href) if external => view! {
            <a class=class href=href target="_blank" rel="noopener noreferrer">
                {label}
                <span class="visually-hidden">" " {crate::i18n::tr(Key::DirectoryNewTab)}</span>
            </a>
        }
        .into_any(),
        Some(href) => view! { <a class=class href=href>{label}</a> }.into_any(),
        None => ().into_any(),
    }
}

#[component]
fn EntryView(entry: Entry) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_directory_store();
    let data = use_directory_data();
    let key = entry_key(&entry);
    let e = entry.clone();
    let favourite = {
        let key = key.clone();
        Memo::new(move |_| store.with(|p| p.is_favourite(&key)))
    };
    let toggle = {
        let key = key.clone();
        move |_| {
            let _ = store.update(|p| p.toggle_favourite(&key));
        }
    };
    let check_hours = data.check_hours(&entry);
    let own_id = (entry.origin == Origin::Own).then(|| entry.id.clone());

    let description = {
        let e = e.clone();
        move || {
            let lang = i18n.lang();
            match (&e.description_en, lang) {
                (Some(en), Lang::En) => (en.clone(), None),
                _ if e.description.is_empty() => (String::new(), None),
                (_, Lang::En) => (e.description.clone(), Some("fr")),
                _ => (e.description.clone(), None),
            }
        }
    };
    let cats = e.categories.clone();
    let organisation = e.organisation.clone();
    let name = e.name.clone();

    view! {
        <article class="dir-entry" aria-labelledby="dir-entry-name">
            <h2 id="dir-entry-name" class="dir-entry-name">{e.name.clone()}</h2>
            {(!organisation.is_empty()).then(|| view! { <p class="dir-entry-org">{organisation.clone()}</p> })}
            <p class="dir-card-cats">
                {move || cats.iter().map(|c| category_label(i18n.lang(), *c)).collect::<Vec<_>>().join(" · ")}
            </p>
            <button type="button" class="chip dir-fav" aria-pressed=move || favourite.get().to_string() on:click=toggle>
                <span aria-hidden="true" class="dir-fav-star">{move || if favourite.get() { "★ " } else { "☆ " }}</span>
                {crate::i18n::tr(Key::DirectoryFavourite)}
            </button>

            {move || {
                let (text, lang) = description();
                (!text.is_empty()).then(|| view! {
                    <p class="dir-entry-desc" lang=lang>{text}
                        {lang.map(|_| view! { " " <span class="dir-muted" lang=i18n.lang().code()>{i18n.t(Key::DirectoryInFrench)}</span> })}
                    </p>
                })
            }}

            <Contact entry=entry.clone()/>
            <PlaceAndHours entry=entry.clone() check_hours=check_hours/>
            <About entry=entry.clone()/>

            <ShareCode entries=vec![entry.clone()] heading=Key::ShareHeading/>

            {own_id.map(|id| view! { <OwnActions id=id name=name.clone()/> })}
        </article>
    }
}

/// How to reach it: call, SMS, e-mail, website, map (only safe links).
#[component]
fn Contact(entry: Entry) -> impl IntoView {
    let i18n = use_i18n();
    let phones = entry.phones.clone();
    let sms = entry.sms.clone();
    let email = entry.email.clone();
    let website = entry.website.clone();
    let maps = maps_href(&entry);
    let has_contact =
        !phones.is_empty() || !sms.is_empty() || !email.is_empty() || !website.is_empty() || maps.is_some();
    view! {
    {has_contact.then(|| view! {
        <section aria-labelledby="dir-contact-heading">
            <h3 id="dir-contact-heading">{crate::i18n::tr(Key::DirectoryContactHeading)}</h3>
            <ul class="dir-actions">
                {phones.iter().map(|n| {
                    let (href, n) = (tel_uri(n), n.clone());
                    view! { <li>{move || link(href.clone(), format(i18n.lang(), Key::DirectoryCall, &[("number", &n)]), "button dir-action", false)}</li> }
                }).collect_view()}
                {sms.iter().map(|n| {
                    let (href, n) = (sms_uri(n), n.clone());
                    view! { <li>{move || link(href.clone(), format(i18n.lang(), Key::DirectorySms, &[("number", &n)]), "button dir-action", false)}</li> }
                }).collect_view()}
                {(!email.is_empty()).then(|| {
                    let (href, email) = (mailto_uri(&email), email.clone());
                    view! { <li>{move || link(href.clone(), format(i18n.lang(), Key::DirectoryEmail, &[("email", &email)]), "button secondary dir-action", false)}</li> }
                })}
                {(!website.is_empty()).then(|| {
                    let href = website.clone();
                    view! { <li>{move || link(href.clone(), i18n.t(Key::DirectoryWebsite).to_string(), "button secondary dir-action", true)}</li> }
                })}
                {maps.clone().map(|href| view! {
                    <li>{move || link(href.clone(), i18n.t(Key::DirectoryMaps).to_string(), "button secondary dir-action", !href.starts_with("geo:"))}</li>
                })}
            </ul>
        </section>
    })}
    }
}

/// Where it is (or "national"), and its hours.
#[component]
fn PlaceAndHours(entry: Entry, check_hours: bool) -> impl IntoView {
    let e = entry;
    let place_lines: Vec<String> = {
        let mut lines = Vec::new();
        if !e.address.is_empty() {
            lines.push(e.address.clone());
        }
        let town = [e.postcode.as_str(), e.commune.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if !town.is_empty() {
            lines.push(town);
        } else if !e.department.is_empty() && !e.is_national() {
            lines.push(format!("({})", e.department));
        }
        lines
    };
    let national = e.is_national();
    let hours = e.hours.clone();
    view! {
    {(!place_lines.is_empty() || national).then(|| view! {
        <section aria-labelledby="dir-place-heading">
            <h3 id="dir-place-heading">{crate::i18n::tr(Key::DirectoryPlaceHeading)}</h3>
            {if national {
                view! { <p>{crate::i18n::tr(Key::DirectoryNational)}</p> }.into_any()
            } else {
                view! { <p class="dir-lines">{place_lines.iter().map(|l| view! { <span>{l.clone()}</span> }).collect_view()}</p> }.into_any()
            }}
        </section>
    })}
    {(!hours.is_empty() || check_hours).then(|| view! {
        <section aria-labelledby="dir-hours-heading">
            <h3 id="dir-hours-heading">{crate::i18n::tr(Key::DirectoryHoursHeading)}</h3>
            {(!hours.is_empty()).then(|| view! { <p class="dir-pre" lang="fr">{hours.clone()}</p> })}
            {check_hours.then(|| view! { <p class="dir-note">{crate::i18n::tr(Key::DirectoryCheckHours)}</p> })}
        </section>
    })}
    }
}

/// For whom, the cost, the languages, where the entry comes from and when it was checked.
#[component]
fn About(entry: Entry) -> impl IntoView {
    let i18n = use_i18n();
    let e = entry;
    let audience = e.audience.clone();
    let languages = e.languages.clone();
    let cost = e.cost;
    let origin = e.origin.clone();
    let source = e.source.clone();
    let verified = e.last_verified;
    view! {
    <section aria-labelledby="dir-about-heading">
        <h3 id="dir-about-heading">{crate::i18n::tr(Key::DirectoryAboutHeading)}</h3>
        <ul class="dir-facts">
            <li>{move || format(i18n.lang(), Key::DirectoryForWhom, &[("list", &audience.iter().map(|a| audience_label(i18n.lang(), *a)).collect::<Vec<_>>().join(", "))])}</li>
            {match cost {
                Cost::Free => Some(Key::DirectoryCostFree),
                Cost::Paid => Some(Key::DirectoryCostPaid),
                Cost::Unknown => None,
            }.map(|k| view! { <li>{move || i18n.t(k)}</li> })}
            {(!languages.is_empty()).then(|| {
                let list = languages.join(", ");
                view! { <li>{move || format(i18n.lang(), Key::DirectoryLanguages, &[("list", &list)])}</li> }
            })}
            {match origin.clone() {
                Origin::Own => view! { <li>{crate::i18n::tr(Key::DirectoryOwnSource)}</li> }.into_any(),
                Origin::Imported { source: s } => view! {
                    <li>{move || format(i18n.lang(), Key::DirectoryImportedFrom, &[("source", &s)])}</li>
                    <li>{let source = source.clone(); move || format(i18n.lang(), Key::DirectorySource, &[("source", &source)])}</li>
                }.into_any(),
                Origin::Bundled => view! {
                    <li>{let source = source.clone(); move || format(i18n.lang(), Key::DirectorySource, &[("source", &source)])}</li>
                }.into_any(),
            }}
            {match verified {
                Some(d) => view! {
                    <li>{move || format(i18n.lang(), Key::DirectoryVerified, &[("date", &texts::date_long(i18n.lang(), d))])}</li>
                }.into_any(),
                None => view! { <li>{crate::i18n::tr(Key::DirectoryNotVerified)}</li> }.into_any(),
            }}
        </ul>
    </section>
    }
}

/// The parent's own entry: edit it, or delete it behind a confirmation.
#[component]
fn OwnActions(id: String, name: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_directory_store();
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let edit = format!("/directory/edit/{id}");
    view! {
        <div class="actions">
            <A href=edit attr:class="button secondary">{crate::i18n::tr(Key::DirectoryEdit)}</A>
            <button type="button" class="button danger" on:click=move |_| confirming.set(true)>
                {crate::i18n::tr(Key::DirectoryDelete)}
            </button>
        </div>
        <Show when=move || confirming.get()>
            <div class="confirm" role="alertdialog" aria-labelledby="dir-delete-q">
                <p id="dir-delete-q">{let name = name.clone(); move || format(i18n.lang(), Key::DirectoryDeleteConfirm, &[("name", &name)])}</p>
                <div class="actions">
                    <button type="button" class="button danger" on:click={
                        let id = id.clone();
                        let navigate = navigate.clone();
                        move |_| {
                            if store.update(|p| p.remove_own(&id)).is_ok() {
                                navigate("/directory", Default::default());
                            }
                        }
                    }>{crate::i18n::tr(Key::DirectoryDeleteYes)}</button>
                    <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>
                        {crate::i18n::tr(Key::DirectoryCancel)}
                    </button>
                </div>
            </div>
        </Show>
    }
}
