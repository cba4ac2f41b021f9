//! Where the parent is, in the app: the gazetteer (fetched the first time a place is typed
//! or the position used), the département packs (fetched for the place's département, then
//! kept on the phone by the service worker), and what the page says when nothing local is
//! known, with the official ways to find help.

use crate::content;
use crate::domain::directory::dila::PackIndex;
use crate::domain::directory::gazetteer::{Department, Gazetteer, Where, NEAR_KM};
use crate::domain::directory::{load_bundled, tel_uri, Category, Entry};
use crate::i18n::{format, use_i18n, Key};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The national lines the "nothing near" notice offers, by id, in order.
pub const NATIONAL_LINES: [&str; 3] = ["helpline-15", "helpline-3114", "helpline-allo-parents-bebe"];

/// A département's pack on this phone.
#[derive(Clone, Debug, PartialEq)]
pub enum PackState {
    Loading,
    Ready(Arc<Vec<Entry>>),
    /// It could not be fetched (offline, and never fetched before) or read.
    Failed,
}

/// What is known of the pack of the place's département.
#[derive(Clone, Debug, PartialEq)]
pub enum PackStatus {
    /// This build has none for that département.
    NotShipped,
    Loading,
    Ready,
    Failed,
}

#[derive(Clone, Copy)]
pub struct Places {
    wanted: RwSignal<bool>,
    gazetteer: LocalResource<Option<Result<Arc<Gazetteer>, String>>>,
    index: LocalResource<Result<Arc<PackIndex>, String>>,
    packs: RwSignal<BTreeMap<String, PackState>>,
}

impl Places {
    pub fn new() -> Places {
        let wanted = RwSignal::new(false);
        let gazetteer = LocalResource::new(move || {
            let wanted = wanted.get();
            async move {
                if !wanted {
                    return None;
                }
                Some(match content::fetch_text("communes.txt").await {
                    Ok(text) => Gazetteer::parse(&text).map(Arc::new),
                    Err(e) => Err(e),
                })
            }
        });
        let index = LocalResource::new(|| async {
            let text = content::fetch_text("directory/index.json").await?;
            PackIndex::from_json(&text).map(Arc::new)
        });
        Places { wanted, gazetteer, index, packs: RwSignal::new(BTreeMap::new()) }
    }

    /// Fetches the gazetteer, once.
    pub fn want_gazetteer(&self) {
        if !self.wanted.get_untracked() {
            self.wanted.set(true);
        }
    }

    /// The gazetteer, once loaded (tracked).
    pub fn gazetteer(&self) -> Option<Arc<Gazetteer>> {
        self.gazetteer.get().flatten().and_then(Result::ok)
    }

    /// Fetches the pack of `department` if this build has one and it is not on its way.
    pub fn want_pack(&self, department: &str) {
        let Some(Ok(index)) = self.index.get_untracked() else { return };
        let Some(path) = index.pack_path(department) else { return };
        if self.packs.with_untracked(|p| matches!(p.get(department), Some(PackState::Loading | PackState::Ready(_)))) {
            return;
        }
        let packs = self.packs;
        let department = department.to_string();
        packs.update(|p| {
            p.insert(department.clone(), PackState::Loading);
        });
        wasm_bindgen_futures::spawn_local(async move {
            let state = match content::fetch_text(&path).await {
                Ok(text) => match load_bundled(&text) {
                    Ok(entries) => PackState::Ready(Arc::new(entries)),
                    Err(_) => PackState::Failed,
                },
                Err(_) => PackState::Failed,
            };
            packs.update(|p| {
                p.insert(department, state);
            });
        });
    }

    /// Whether the pack list has loaded (tracked), so that packs can be asked for.
    pub fn index_ready(&self) -> bool {
        matches!(self.index.get(), Some(Ok(_)))
    }

    /// The entries of every pack loaded (tracked).
    pub fn pack_entries(&self) -> Vec<Entry> {
        self.packs.with(|p| {
            p.values()
                .filter_map(|s| if let PackState::Ready(e) = s { Some(e.iter().cloned()) } else { None })
                .flatten()
                .collect()
        })
    }

    /// What is known of a département's pack (tracked).
    pub fn status(&self, department: &str) -> PackStatus {
        match self.packs.with(|p| p.get(department).cloned()) {
            Some(PackState::Ready(_)) => PackStatus::Ready,
            Some(PackState::Loading) => PackStatus::Loading,
            Some(PackState::Failed) => PackStatus::Failed,
            // Not asked for yet: on its way once the list of packs is known.
            None => match self.index.get() {
                None => PackStatus::Loading,
                Some(Ok(ix)) if ix.packs.contains_key(department) => PackStatus::Loading,
                Some(_) => PackStatus::NotShipped,
            },
        }
    }
}

/// The name of a département to show: its name and code, or its code alone.
fn department_text(d: &Department) -> String {
    if d.name.is_empty() {
        d.code.clone()
    } else {
        format!("{} ({})", d.name, d.code)
    }
}

/// When the directory knows nothing near the place: why, and the official ways to find
/// help there. Links only: the app asks nothing of those sites.
#[component]
pub fn NothingNear(place: Where, status: PackStatus, categories: Vec<Category>, lines: Vec<Entry>) -> impl IntoView {
    let i18n = use_i18n();
    let shown = place.label.clone();
    let heading = move || {
        if shown.is_empty() {
            i18n.t(Key::DirectoryNearNoneHereTitle).to_string()
        } else {
            format(i18n.lang(), Key::DirectoryNearNoneTitle, &[("place", &shown)])
        }
    };
    let department = place.department.clone();
    let why = {
        let department = department.clone();
        move || {
            let lang = i18n.lang();
            match (&department, &status) {
                (Some(d), PackStatus::NotShipped) => {
                    format(lang, Key::DirectoryNearNoPack, &[("department", &department_text(d))])
                }
                (Some(d), PackStatus::Failed) => {
                    format(lang, Key::DirectoryNearPackOffline, &[("department", &department_text(d))])
                }
                (Some(_), PackStatus::Loading) => i18n.t(Key::DirectoryNearPackLoading).to_string(),
                (Some(_), PackStatus::Ready) if !categories.is_empty() => {
                    i18n.t(Key::DirectoryNearNoneOfKind).to_string()
                }
                _ => format(lang, Key::DirectoryNearNoneNear, &[("km", &crate::domain::decimal::short(NEAR_KM, 0))]),
            }
        }
    };
    // The official directory's page of the département's PMI centres, when its slugs are known.
    let pmi = department.filter(|d| !d.slug.is_empty()).map(|d| {
        let href = d.directory_page("pmi");
        let name = department_text(&d);
        view! {
            <li>
                <a href=href rel="noopener noreferrer" target="_blank">
                    {move || format(i18n.lang(), Key::DirectoryNearPmiLink, &[("department", &name)])}
                    <span class="visually-hidden">{move || format!(" {}", i18n.t(Key::DirectoryNewTab))}</span>
                </a>
            </li>
        }
    });
    // The national lines, even when the chosen categories leave them out of the results.
    let calls = lines
        .into_iter()
        .filter_map(|e| {
            let number = e.phones.first()?.clone();
            let href = tel_uri(&number);
            let name = e.name.clone();
            // A line that is not open at all hours says when it is.
            let hours = (!e.hours.is_empty()).then(|| view! { <span class="dir-call-hours">{e.hours.clone()}</span> });
            Some(view! {
                <li>
                    <a class="button secondary dir-action" href=href>
                        {move || format(i18n.lang(), Key::DirectoryCall, &[("number", &number)])}
                        " – " {name}
                    </a>
                    {hours}
                </li>
            })
        })
        .collect_view();
    view! {
        <section class="card dir-near-none" aria-labelledby="dir-near-none-heading">
            <h3 id="dir-near-none-heading">{heading}</h3>
            <p>{why}</p>
            <ul class="dir-near-links">{pmi}</ul>
            <p>{crate::i18n::tr(Key::DirectoryNearNational)}</p>
            <ul class="dir-actions">{calls}</ul>
        </section>
    }
}

/// Buttons for the communes that share the name typed, each with its département.
#[component]
pub fn Choices(choices: Vec<String>, on_choose: impl Fn(String) + Copy + 'static) -> impl IntoView {
    view! {
        <div class="dir-choices" role="group" aria-labelledby="dir-choices-label">
            <p id="dir-choices-label">{crate::i18n::tr(Key::DirectoryPlaceWhich)}</p>
            {choices.into_iter().map(|c| {
                let label = c.clone();
                view! {
                    <button type="button" class="chip" on:click=move |_| on_choose(c.clone())>{label}</button>
                }
            }).collect_view()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::directory::helpline_entries;
    use crate::domain::helplines::Helplines;

    #[test]
    fn the_national_lines_offered_exist_and_have_a_number() {
        let fr = Helplines::from_json(
            include_str!("../../../public/content/helplines.json"),
            include_str!("../../../locales/fr/helplines.json"),
        )
        .unwrap();
        let entries = helpline_entries(&fr);
        for id in NATIONAL_LINES {
            let e = entries.iter().find(|e| e.id == id).unwrap_or_else(|| panic!("{id}"));
            assert!(!e.phones.is_empty(), "{id}");
        }
    }
}
