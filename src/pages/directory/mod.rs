//! The directory: search (free text without accents or case, category chips, audience,
//! a place typed by the parent or the phone's position), an entry's page with one-tap
//! links, favourites, the parent's own entries, and imports of local directories.
//!
//! The data: the bundled `directory.json` and the national helplines (loaded once per
//! language), plus the parent's own and imported entries from the
//! [`crate::directory_store`]. The search index ([`Directory`]) is built once for each
//! change of that data, never per keystroke.
//!
//! Text from data is shown as text, never as HTML; the only links built are `tel:`,
//! `sms:`, `mailto:`, `http(s):` and a `geo:` link made from numbers.

mod entry;
mod import;
mod own;
mod places;
mod share;

pub use entry::EntryPage;
pub use import::ImportPage;
pub use own::{OwnEditPage, OwnNewPage};

use crate::components::page::Page;
use crate::content;
use crate::directory_store::{use_directory_store, DirectoryStore, SearchState};
use crate::domain::directory::gazetteer::Where;
use crate::domain::directory::national::helpline_entry_id;
use crate::domain::directory::{
    add_english_descriptions, helpline_entries, load_bundled, Audience, Category, Directory, Entry, Field, FileError,
    LatLon, Query, RejectReason,
};
use crate::domain::directory_prefs::{entry_key, pack_department_of_key};
use crate::domain::lang::Lang;
use crate::i18n::{format, key_named, text, use_i18n, Key};
use crate::store::in_app_owner;
use leptos::prelude::*;
use leptos_router::components::A;
use places::{Choices, NothingNear, PackStatus, Places, NATIONAL_LINES};
use std::cell::Cell;
use std::collections::HashSet;
use std::sync::Arc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

// ---- labels ----

/// The label of a category in `lang`.
pub fn category_label(lang: Lang, c: Category) -> &'static str {
    key_named(&format!("directory.category.{}", c.id())).map(|k| text(lang, k)).unwrap_or("")
}

/// The label of an audience in `lang`.
pub fn audience_label(lang: Lang, a: Audience) -> &'static str {
    key_named(&format!("directory.audience.{}", a.id())).map(|k| text(lang, k)).unwrap_or("")
}

fn field_label(lang: Lang, f: Field) -> &'static str {
    key_named(&format!("directory.field.{}", f.json_name())).map(|k| text(lang, k)).unwrap_or("")
}

/// Why a record was refused, in `lang`.
pub fn reject_text(lang: Lang, reason: &RejectReason) -> String {
    use RejectReason::*;
    let with = |key: Key, args: &[(&str, &str)]| format(lang, key, args);
    match reason {
        MissingName => with(Key::DirectoryRejectMissingName, &[]),
        MissingSource => with(Key::DirectoryRejectMissingSource, &[]),
        BadId(v) => with(Key::DirectoryRejectBadId, &[("value", v)]),
        DuplicateId { id, first_line } => {
            with(Key::DirectoryRejectDuplicateId, &[("value", id), ("line", &first_line.to_string())])
        }
        UnknownCategory(v) => with(Key::DirectoryRejectUnknownCategory, &[("value", v)]),
        UnknownAudience(v) => with(Key::DirectoryRejectUnknownAudience, &[("value", v)]),
        BadPostcode(v) => with(Key::DirectoryRejectBadPostcode, &[("value", v)]),
        PostcodeElsewhere { postcode, department } => {
            with(Key::DirectoryRejectPostcodeElsewhere, &[("value", postcode), ("department", department)])
        }
        BadDepartment(v) => with(Key::DirectoryRejectBadDepartment, &[("value", v)]),
        BadCoordinates => with(Key::DirectoryRejectBadCoordinates, &[]),
        BadPhone(v) => with(Key::DirectoryRejectBadPhone, &[("value", v)]),
        BadEmail(v) => with(Key::DirectoryRejectBadEmail, &[("value", v)]),
        BadWebsite(v) => with(Key::DirectoryRejectBadWebsite, &[("value", v)]),
        UnsafeLink { field, .. } => with(Key::DirectoryRejectUnsafeLink, &[("field", field_label(lang, *field))]),
        BadCost(v) => with(Key::DirectoryRejectBadCost, &[("value", v)]),
        BadDate(v) => with(Key::DirectoryRejectBadDate, &[("value", v)]),
        TooLong { field, max_chars } => {
            with(Key::DirectoryRejectTooLong, &[("field", field_label(lang, *field)), ("max", &max_chars.to_string())])
        }
        TooManyValues { field, max } => {
            with(Key::DirectoryRejectTooMany, &[("field", field_label(lang, *field)), ("max", &max.to_string())])
        }
        UnknownField(v) => with(Key::DirectoryRejectUnknownField, &[("value", v)]),
        Malformed(_) => with(Key::DirectoryRejectMalformed, &[]),
        WrongFieldCount { expected, found } => with(
            Key::DirectoryRejectWrongFieldCount,
            &[("expected", &expected.to_string()), ("found", &found.to_string())],
        ),
        UnterminatedQuote => with(Key::DirectoryRejectUnterminatedQuote, &[]),
    }
}

/// Why a whole file was refused, in `lang`.
pub fn file_error_text(lang: Lang, error: &FileError) -> String {
    use FileError::*;
    let with = |key: Key, args: &[(&str, &str)]| format(lang, key, args);
    match error {
        TooLarge { .. } => with(Key::DirectoryFileErrorTooLarge, &[]),
        Empty => with(Key::DirectoryFileErrorEmpty, &[]),
        Utf16 => with(Key::DirectoryFileErrorUtf16, &[]),
        NotUtf8 { line } => with(Key::DirectoryFileErrorNotUtf8, &[("line", &line.to_string())]),
        NotText { line } => with(Key::DirectoryFileErrorNotText, &[("line", &line.to_string())]),
        Json { line, .. } => with(Key::DirectoryFileErrorJson, &[("line", &line.to_string())]),
        VersionMismatch { .. } => with(Key::DirectoryFileErrorVersion, &[]),
        NoEntries => with(Key::DirectoryFileErrorNoEntries, &[]),
        UnknownKey(v) => with(Key::DirectoryFileErrorUnknownKey, &[("value", v)]),
        MissingColumn(f) => with(Key::DirectoryFileErrorMissingColumn, &[("field", field_label(lang, *f))]),
        DuplicateColumn { field, header } => {
            with(Key::DirectoryFileErrorDuplicateColumn, &[("value", header), ("field", field_label(lang, *field))])
        }
        BadSourceName => with(Key::DirectoryFileErrorBadSourceName, &[]),
    }
}

/// "1 entry", "3 entries".
fn count_text(lang: Lang, n: usize) -> String {
    match n {
        0 => text(lang, Key::DirectoryResultsZero).to_string(),
        1 => text(lang, Key::DirectoryResultsOne).to_string(),
        n => format(lang, Key::DirectoryResultsOther, &[("n", &n.to_string())]),
    }
}

/// A distance for people: one decimal under 10 km, in the language's decimal mark.
fn distance_text(lang: Lang, km: f64) -> String {
    let n = crate::domain::decimal::rounded(km, if km < 10.0 { 1 } else { 0 });
    let n = if lang == Lang::Fr { n.replace('.', ",") } else { n };
    format(lang, Key::DirectoryDistance, &[("km", &n)])
}

/// The link a piece of data may become: only `http(s):`, `tel:`, `sms:`, `mailto:` and
/// `geo:` (built by the app from numbers). Anything else stays text.
pub fn safe_href(href: &str) -> Option<String> {
    let lower = href.to_ascii_lowercase();
    let ok = ["https://", "http://", "tel:", "sms:", "mailto:", "geo:"].iter().any(|s| lower.starts_with(s))
        && !href.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then(|| href.to_string())
}

// ---- data ----

/// The bundled entries and national lines, and the lines whose hours change.
#[derive(Clone, Debug, PartialEq)]
pub struct Base {
    pub entries: Vec<Entry>,
    pub check_hours: HashSet<String>,
}

async fn load_base(lang: Lang) -> Result<Base, String> {
    let text = content::fetch_text("directory.json").await?;
    let mut entries = load_bundled(&text).map_err(|e| e.to_string())?;
    let fr = content::helplines(Lang::Fr).await?;
    let mut lines = helpline_entries(&fr);
    if lang == Lang::En {
        add_english_descriptions(&mut lines, &content::helplines(Lang::En).await?);
    }
    let check_hours = fr.all().iter().filter(|h| h.meta.check_hours).map(|h| helpline_entry_id(&h.meta.id)).collect();
    entries.extend(lines);
    Ok(Base { entries, check_hours })
}

/// The search index, compared by identity (it is rebuilt only when its data changes).
#[derive(Clone)]
pub struct Index(pub Arc<Directory>);

impl PartialEq for Index {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What the directory pages share: the bundled data, the places and packs, and the index.
#[derive(Clone, Copy)]
pub struct DirectoryData {
    pub base: LocalResource<Result<Base, String>>,
    pub places: Places,
    /// `None` while the bundled data loads. When it cannot load, the index holds the
    /// parent's own and imported entries only.
    pub index: Memo<Option<Index>>,
    pub failed: Memo<bool>,
}

impl DirectoryData {
    fn new(store: DirectoryStore) -> Self {
        let i18n = use_i18n();
        let base = LocalResource::new(move || {
            let lang = i18n.lang();
            async move { load_base(lang).await }
        });
        let places = Places::new();
        let index = Memo::new(move |_| {
            let loaded = base.get()?;
            let mut entries: Vec<Entry> = store.with(|p| p.entries().cloned().collect());
            if let Ok(b) = loaded {
                entries.extend(b.entries);
            }
            entries.extend(places.pack_entries());
            let gazetteer = places.gazetteer();
            // Category words in both languages, so "écoute" and "listening" both work.
            let label = |c| format!("{} {}", category_label(Lang::Fr, c), category_label(Lang::En, c));
            // Entries without coordinates sort by distance from their commune's centre.
            let dir = Directory::with_places(entries, label, |e| gazetteer.as_ref().and_then(|g| g.locate(e)));
            Some(Index(Arc::new(dir)))
        });
        let failed = Memo::new(move |_| matches!(base.get(), Some(Err(_))));
        DirectoryData { base, places, index, failed }
    }

    /// Whether the bundled entry `id` has hours that change.
    pub fn check_hours(&self, entry: &Entry) -> bool {
        entry.origin == crate::domain::directory::Origin::Bundled
            && self.base.get().and_then(Result::ok).is_some_and(|b| b.check_hours.contains(&entry.id))
    }
}

thread_local! {
    static DATA: Cell<Option<DirectoryData>> = const { Cell::new(None) };
}

/// The directory data, loaded on first use and kept for as long as the app runs.
pub fn use_directory_data() -> DirectoryData {
    DATA.with(|cell| match cell.get() {
        Some(data) => data,
        None => {
            let store = use_directory_store();
            let data = in_app_owner(|| DirectoryData::new(store));
            cell.set(Some(data));
            data
        }
    })
}

// ---- position ----

/// Why the position is not known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PositionState {
    Idle,
    Asking,
    Refused,
    Unavailable,
}

/// Asks the browser for the phone's position (once, coarse, a recent one is fine).
fn locate(on_done: impl FnOnce(Result<LatLon, bool>) + 'static) {
    let done = std::rc::Rc::new(Cell::new(Some(Box::new(on_done) as Box<dyn FnOnce(Result<LatLon, bool>)>)));
    let finish = {
        let done = done.clone();
        move |r: Result<LatLon, bool>| {
            if let Some(f) = done.take() {
                f(r)
            }
        }
    };
    let Some(window) = web_sys::window() else { return finish(Err(false)) };
    let navigator = window.navigator();
    let geo = js_sys::Reflect::get(&navigator, &JsValue::from_str("geolocation")).unwrap_or(JsValue::UNDEFINED);
    let get = js_sys::Reflect::get(&geo, &JsValue::from_str("getCurrentPosition"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(get) = get.filter(|_| !geo.is_undefined() && !geo.is_null()) else { return finish(Err(false)) };
    let ok = {
        let finish = finish.clone();
        Closure::once_into_js(move |pos: JsValue| {
            let coords = js_sys::Reflect::get(&pos, &JsValue::from_str("coords")).unwrap_or(JsValue::UNDEFINED);
            let num = |k: &str| js_sys::Reflect::get(&coords, &JsValue::from_str(k)).ok().and_then(|v| v.as_f64());
            match (num("latitude"), num("longitude")) {
                (Some(lat), Some(lon)) => match LatLon::new(lat, lon) {
                    Some(p) => finish(Ok(p)),
                    None => finish(Err(false)),
                },
                _ => finish(Err(false)),
            }
        })
    };
    let err = {
        let finish = finish.clone();
        Closure::once_into_js(move |e: JsValue| {
            let code = js_sys::Reflect::get(&e, &JsValue::from_str("code")).ok().and_then(|c| c.as_f64());
            finish(Err(code == Some(1.0)))
        })
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("enableHighAccuracy"), &JsValue::FALSE);
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("timeout"), &JsValue::from_f64(20_000.0));
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("maximumAge"), &JsValue::from_f64(600_000.0));
    if get.call3(&geo, &ok, &err, &options).is_err() {
        finish(Err(false));
    }
}

// ---- the search page ----

/// One result, ready to show.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    key: String,
    entry: Entry,
    distance_km: Option<f64>,
    favourite: bool,
}

#[component]
pub fn DirectoryPage() -> impl IntoView {
    let store = use_directory_store();
    let data = use_directory_data();
    let s = store.search;

    // The gazetteer is fetched the first time a place is typed or the position used, and
    // the pack of the place's département as soon as it is known.
    Effect::new(move |_| {
        if s.position.get().is_some() || s.place.with(|p| !p.trim().is_empty()) {
            data.places.want_gazetteer();
        }
    });
    let place = Memo::new(move |_| {
        let gazetteer = data.places.gazetteer();
        s.place.with(|typed| Where::of(typed, s.position.get(), gazetteer.as_deref()))
    });
    Effect::new(move |_| {
        if data.places.index_ready() {
            if let Some(d) = place.with(|w| w.department.clone()) {
                data.places.want_pack(&d.code);
            }
            // The packs that hold the parent's favourites, so that they are listed too.
            let departments: Vec<String> =
                store.with(|p| p.favourites.iter().filter_map(|k| pack_department_of_key(k)).collect());
            for d in departments {
                data.places.want_pack(&d);
            }
        }
    });

    let rows = Memo::new(move |_| {
        let index = data.index.get()?;
        let query = Query {
            text: s.text.get(),
            categories: s.categories.get(),
            audiences: s.audience.get().into_iter().collect(),
            location: place.with(|w| w.location.clone()),
        };
        let favourites_only = s.favourites_only.get();
        let rows = store.with(|p| {
            index
                .0
                .search(&query)
                .into_iter()
                .map(|h| {
                    let key = entry_key(h.entry);
                    let favourite = p.is_favourite(&key);
                    Row { key, entry: h.entry.clone(), distance_km: h.distance_km, favourite }
                })
                .filter(|r| !favourites_only || r.favourite)
                .collect::<Vec<_>>()
        });
        Some(rows)
    });
    // The categories the data has, in the order of the core.
    // A chip for each category the data has, and for each one chosen elsewhere (e.g. by
    // the EPDS results), so that every active filter can be seen and removed.
    let present = Memo::new(move |_| {
        let chosen = s.categories.get();
        data.index.get().map(|ix| {
            Category::ALL
                .into_iter()
                .filter(|c| chosen.contains(c) || ix.0.entries().iter().any(|e| e.categories.contains(c)))
                .collect::<Vec<_>>()
        })
    });

    // Nothing near the place: say why and give the official ways to find help.
    let nothing_near = Memo::new(move |_| {
        let w = place.get();
        if w.location.is_none() || !w.choices.is_empty() || w.unknown {
            return None;
        }
        let near = rows.with(|r| r.as_ref().map(|r| r.iter().any(|row| w.is_near(&row.entry, row.distance_km))))?;
        if near {
            return None;
        }
        let status = w.department.as_ref().map(|d| data.places.status(&d.code)).unwrap_or(PackStatus::NotShipped);
        Some((w, status))
    });

    view! {
        <Page title=Key::DirectoryTitle>
            <p class="lead">{crate::i18n::tr(Key::DirectoryIntro)}</p>
            <SaveError store=store/>
            <form class="dir-search" role="search" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="dir-q">{crate::i18n::tr(Key::DirectorySearchLabel)}</label>
                    <p class="hint" id="dir-q-hint">{crate::i18n::tr(Key::DirectorySearchHint)}</p>
                    <input
                        id="dir-q"
                        type="search"
                        autocomplete="off"
                        aria-describedby="dir-q-hint"
                        prop:value=move || s.text.get()
                        on:input=move |ev| s.text.set(event_target_value(&ev))
                    />
                </div>
                <div class="dir-where">
                    <PlaceField s=s place=place/>
                    <PositionField s=s/>
                </div>
                <Filters s=s present=present/>
            </form>

            <Results s=s data=data rows=rows nothing_near=nothing_near/>

            <section aria-labelledby="dir-own-heading" class="dir-own">
                <h2 id="dir-own-heading">{crate::i18n::tr(Key::DirectoryOwnHeading)}</h2>
                <p class="links">
                    <A href="/directory/new">{crate::i18n::tr(Key::DirectoryOwnAdd)}</A>
                    <A href="/directory/import">{crate::i18n::tr(Key::DirectoryImportLink)}</A>
                </p>
            </section>
        </Page>
    }
}

/// Where to look: a postcode, a commune or a département, what Cocon understood of it,
/// and the communes to choose from when a name is shared.
#[component]
fn PlaceField(s: SearchState, place: Memo<Where>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
                <label for="dir-place">{crate::i18n::tr(Key::DirectoryPlaceLabel)}</label>
                <p class="hint" id="dir-place-hint">{crate::i18n::tr(Key::DirectoryPlaceHint)}</p>
                <input
                    id="dir-place"
                    type="text"
                    autocomplete="postal-code"
                    aria-describedby="dir-place-hint"
                    prop:value=move || s.place.get()
                    prop:disabled=move || s.position.get().is_some()
                    on:input=move |ev| s.place.set(event_target_value(&ev))
                />
                <p class="dir-place-status" role="status">
                    {move || place.with(|w| {
                        let lang = i18n.lang();
                        if w.unknown {
                            format(lang, Key::DirectoryPlaceUnknown, &[("place", &w.label)])
                        } else if w.department.is_some() && !w.label.is_empty() && s.position.get().is_none() {
                            format(lang, Key::DirectoryPlaceInUse, &[("place", &w.label)])
                        } else {
                            String::new()
                        }
                    })}
                </p>
                {move || {
                    let choices = place.with(|w| w.choices.clone());
                    (!choices.is_empty()).then(|| view! {
                        <Choices choices=choices on_choose=move |c: String| s.place.set(c)/>
                    })
                }}
            </div>
    }
}

/// The phone's position instead of a place, once the parent allows it.
#[component]
fn PositionField(s: SearchState) -> impl IntoView {
    let i18n = use_i18n();
    let position_state = RwSignal::new(PositionState::Idle);
    let use_position = move |_| {
        position_state.set(PositionState::Asking);
        locate(move |r| match r {
            Ok(p) => {
                s.position.set(Some(p));
                position_state.set(PositionState::Idle);
            }
            Err(refused) => {
                s.position.set(None);
                position_state.set(if refused { PositionState::Refused } else { PositionState::Unavailable });
            }
        });
    };
    view! {
        <div class="dir-position">
            {move || if s.position.get().is_some() {
                view! {
                    <p>{crate::i18n::tr(Key::DirectoryPositionInUse)}</p>
                    <button type="button" class="button secondary"
                        on:click=move |_| s.position.set(None)>
                        {crate::i18n::tr(Key::DirectoryPositionClear)}
                    </button>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="button secondary" on:click=use_position
                        prop:disabled=move || position_state.get() == PositionState::Asking>
                        {crate::i18n::tr(Key::DirectoryUsePosition)}
                    </button>
                }.into_any()
            }}
            <p class="dir-position-status" role="status">
                {move || match position_state.get() {
                    PositionState::Idle => "",
                    PositionState::Asking => i18n.t(Key::DirectoryPositionAsking),
                    PositionState::Refused => i18n.t(Key::DirectoryPositionRefused),
                    PositionState::Unavailable => i18n.t(Key::DirectoryPositionUnavailable),
                }}
            </p>
        </div>
    }
}

/// Who it is for, and the category chips (with "my favourites only").
#[component]
fn Filters(s: SearchState, present: Memo<Option<Vec<Category>>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for="dir-audience">{crate::i18n::tr(Key::DirectoryAudienceLabel)}</label>
            <select
                id="dir-audience"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    s.audience.set(Audience::ALL.into_iter().find(|a| a.id() == v));
                }
            >
                <option value="" selected=move || s.audience.get().is_none()>
                    {crate::i18n::tr(Key::DirectoryAudienceAny)}
                </option>
                {Audience::ALL.into_iter().map(|a| view! {
                    <option value=a.id() selected=move || s.audience.get() == Some(a)>
                        {move || audience_label(i18n.lang(), a)}
                    </option>
                }).collect_view()}
            </select>
        </div>
        <div class="dir-chips" role="group" aria-labelledby="dir-chips-label">
            <p id="dir-chips-label" class="dir-chips-label">{crate::i18n::tr(Key::DirectoryFiltersLabel)}</p>
            <button type="button" class="chip dir-fav-chip"
                aria-pressed=move || s.favourites_only.get().to_string()
                on:click=move |_| s.favourites_only.update(|f| *f = !*f)>
                <span aria-hidden="true">"★ "</span>
                {crate::i18n::tr(Key::DirectoryFavouritesOnly)}
            </button>
            {move || present.get().unwrap_or_default().into_iter().map(|c| {
                let pressed = move || s.categories.with(|cs| cs.contains(&c)).to_string();
                view! {
                    <button type="button" class="chip" aria-pressed=pressed
                        on:click=move |_| s.categories.update(|cs| {
                            if let Some(i) = cs.iter().position(|x| *x == c) { cs.remove(i); } else { cs.push(c); }
                        })>
                        {move || category_label(i18n.lang(), c)}
                    </button>
                }
            }).collect_view()}
        </div>
    }
}

/// The results: how many, why there is nothing near, the cards, and the favourites shown
/// as one QR code.
#[component]
fn Results(
    s: SearchState,
    data: DirectoryData,
    rows: Memo<Option<Vec<Row>>>,
    nothing_near: Memo<Option<(Where, PackStatus)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="dir-results-heading">
            <h2 id="dir-results-heading">{crate::i18n::tr(Key::DirectoryResultsHeading)}</h2>
            <p class="dir-count" aria-live="polite" role="status">
                {move || match rows.get() {
                    None => i18n.t(Key::DirectoryLoading).to_string(),
                    Some(r) => count_text(i18n.lang(), r.len()),
                }}
            </p>
            <Show when=move || data.failed.get()>
                <p role="alert">{crate::i18n::tr(Key::DirectoryLoadError)}</p>
            </Show>
            {move || nothing_near.get().map(|(w, status)| {
                let lines: Vec<Entry> = data.base.get().and_then(Result::ok).map(|b| {
                    NATIONAL_LINES.iter().filter_map(|id| b.entries.iter().find(|e| e.id == *id).cloned()).collect()
                }).unwrap_or_default();
                view! { <NothingNear place=w status=status categories=s.categories.get() lines=lines/> }
            })}
            <ul class="dir-results">
                <For each=move || rows.get().unwrap_or_default() key=|r| (r.key.clone(), r.favourite, r.distance_km.map(f64::to_bits)) let(row)>
                    <li><ResultCard row=row/></li>
                </For>
            </ul>
            // "What I told you about today": the favourites shown, as one QR code.
            {move || {
                let favourites: Vec<Entry> = if s.favourites_only.get() {
                    rows.get().unwrap_or_default().into_iter().filter(|r| r.favourite).map(|r| r.entry).collect()
                } else {
                    Vec::new()
                };
                (!favourites.is_empty()).then(|| view! {
                    <share::ShareCode entries=favourites heading=Key::ShareFavouritesHeading/>
                })
            }}
        </section>
    }
}

/// Where an entry is, in one line: its communes, else its département, else national.
fn place_line(lang: Lang, e: &Entry) -> String {
    if e.is_national() {
        return text(lang, Key::DirectoryNational).to_string();
    }
    let mut parts: Vec<&str> = Vec::new();
    if !e.postcode.is_empty() {
        parts.push(&e.postcode);
    }
    if !e.commune.is_empty() {
        parts.push(&e.commune);
    }
    if parts.is_empty() && !e.department.is_empty() {
        return format!("({})", e.department);
    }
    parts.join(" ")
}

#[component]
fn ResultCard(row: Row) -> impl IntoView {
    let i18n = use_i18n();
    let Row { key, entry, distance_km, favourite } = row;
    let href = format!("/directory/entry/{key}");
    let cats = entry.categories.clone();
    let e = entry.clone();
    view! {
        <article class="dir-card">
            <h3 class="dir-card-title">
                <A href=href>{entry.name.clone()}</A>
                {favourite.then(|| view! {
                    <span class="dir-star" title=crate::i18n::tr(Key::DirectoryIsFavourite)>
                        <span aria-hidden="true">" ★"</span>
                        <span class="visually-hidden">{move || format!(" ({})", i18n.t(Key::DirectoryIsFavourite))}</span>
                    </span>
                })}
            </h3>
            <p class="dir-card-cats">
                {move || cats.iter().map(|c| category_label(i18n.lang(), *c)).collect::<Vec<_>>().join(" · ")}
            </p>
            <p class="dir-card-place">
                {move || place_line(i18n.lang(), &e)}
                {move || distance_km.map(|km| format!(" · {}", distance_text(i18n.lang(), km)))}
            </p>
        </article>
    }
}

/// The store's last failed save, in plain words.
#[component]
pub fn SaveError(store: DirectoryStore) -> impl IntoView {
    view! {
        <Show when=move || store.save_error.get().is_some()>
            <p class="dir-alert" role="alert">{crate::i18n::tr(Key::DirectorySaveError)}</p>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_audience_field_and_reason_has_a_text() {
        for lang in Lang::ALL {
            for c in Category::ALL {
                assert!(!category_label(lang, c).is_empty(), "{c:?}");
            }
            for a in Audience::ALL {
                assert!(!audience_label(lang, a).is_empty(), "{a:?}");
            }
            for f in Field::ALL {
                assert!(!field_label(lang, f).is_empty(), "{f:?}");
            }
        }
        let t = reject_text(Lang::Fr, &RejectReason::BadPostcode("3830".into()));
        assert_eq!(t, "code postal invalide « 3830 » (5 chiffres)");
        let t =
            reject_text(Lang::En, &RejectReason::UnsafeLink { field: Field::Website, value: "javascript:x".into() });
        assert_eq!(t, "link refused in the website field");
        assert!(!t.contains('{'));
        assert_eq!(
            file_error_text(Lang::En, &FileError::NotUtf8 { line: 3 }),
            "line 3 is not UTF-8: save the file as UTF-8"
        );
    }

    #[test]
    fn only_safe_schemes_become_links() {
        assert!(safe_href("tel:3114").is_some());
        assert!(safe_href("sms:114").is_some());
        assert!(safe_href("mailto:a@b.fr").is_some());
        assert!(safe_href("https://example.fr").is_some());
        assert!(safe_href("geo:45.5,5.2?q=45.5%2C5.2").is_some());
        assert!(safe_href("javascript:alert(1)").is_none());
        assert!(safe_href("JavaScript:alert(1)").is_none());
        assert!(safe_href("data:text/html,x").is_none());
        assert!(safe_href("https://a b").is_none());
    }

    #[test]
    fn distances_and_counts_read_naturally() {
        assert_eq!(distance_text(Lang::Fr, 3.24), "à 3,2 km");
        assert_eq!(distance_text(Lang::En, 12.6), "13 km away");
        assert_eq!(count_text(Lang::Fr, 0), "Aucune fiche ne correspond.");
        assert_eq!(count_text(Lang::En, 2), "2 entries");
    }
}
