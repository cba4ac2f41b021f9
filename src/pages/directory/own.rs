//! The parent's own entry: a small form (name required; phone, e-mail, website,
//! address and notes optional), checked by the core, with each error next to its field.

use super::{reject_text, SaveError};
use crate::components::page::Page;
use crate::directory_store::use_directory_store;
use crate::domain::directory::RejectReason;
use crate::domain::directory_prefs::{OwnDraft, OwnField};
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn OwnNewPage() -> impl IntoView {
    view! {
        <Page title=Key::DirectoryOwnNewTitle>
            <OwnForm id=None initial=OwnDraft::default()/>
        </Page>
    }
}

#[component]
pub fn OwnEditPage() -> impl IntoView {
    let params = use_params_map();
    let store = use_directory_store();
    let id = params.with_untracked(|p| p.get("id").unwrap_or_default());
    let existing = store.with_untracked(|p| p.own.iter().find(|e| e.id == id).map(OwnDraft::of));
    view! {
        <Page title=Key::DirectoryOwnEditTitle>
            {match existing {
                Some(draft) => view! { <OwnForm id=Some(id.clone()) initial=draft/> }.into_any(),
                None => view! {
                    <p role="alert">{crate::i18n::tr(Key::DirectoryNotFound)}</p>
                    <p><A href="/directory">{crate::i18n::tr(Key::DirectoryBack)}</A></p>
                }.into_any(),
            }}
        </Page>
    }
}

/// The text with its first letter in capitals (the reasons are written to go inside a
/// sentence; next to a field they stand alone).
fn capitalised(s: &str) -> String {
    crate::domain::case::upper_first(s)
}

fn field_id(f: OwnField) -> &'static str {
    match f {
        OwnField::Name => "own-name",
        OwnField::Phone => "own-phone",
        OwnField::Email => "own-email",
        OwnField::Website => "own-website",
        OwnField::Address => "own-address",
        OwnField::Notes => "own-notes",
    }
}

#[component]
fn OwnForm(id: Option<String>, initial: OwnDraft) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_directory_store();
    let navigate = use_navigate();
    let draft = RwSignal::new(initial);
    let errors: RwSignal<Vec<(OwnField, RejectReason)>> = RwSignal::new(Vec::new());
    let cancel_href = match &id {
        Some(id) => format!("/directory/entry/o.{id}"),
        None => "/directory".to_string(),
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = draft.get_untracked();
        if let Err(errs) = d.validate("own-check") {
            let first = errs[0].0;
            errors.set(errs);
            if let Some(el) = document().get_element_by_id(field_id(first)) {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
            return;
        }
        errors.set(Vec::new());
        let saved = match &id {
            Some(id) => store.update(|p| p.update_own(id, &d).map(|_| format!("o.{id}"))),
            None => store.update(|p| p.add_own(&d)),
        };
        if let Ok(Ok(key)) = saved {
            navigate(&format!("/directory/entry/{key}"), Default::default());
        }
    };

    let field = move |f: OwnField, label: Key, hint: Option<Key>, multiline: bool| {
        let fid = field_id(f);
        let hint_id = format!("{fid}-hint");
        let error_id = format!("{fid}-error");
        let error = move || {
            errors.with(|es| es.iter().find(|(g, _)| *g == f).map(|(_, r)| capitalised(&reject_text(i18n.lang(), r))))
        };
        let described = format!("{} {error_id}", if hint.is_some() { hint_id.as_str() } else { "" }).trim().to_string();
        let get = move || {
            draft.with(|d| match f {
                OwnField::Name => d.name.clone(),
                OwnField::Phone => d.phone.clone(),
                OwnField::Email => d.email.clone(),
                OwnField::Website => d.website.clone(),
                OwnField::Address => d.address.clone(),
                OwnField::Notes => d.notes.clone(),
            })
        };
        let set = move |v: String| {
            draft.update(|d| match f {
                OwnField::Name => d.name = v,
                OwnField::Phone => d.phone = v,
                OwnField::Email => d.email = v,
                OwnField::Website => d.website = v,
                OwnField::Address => d.address = v,
                OwnField::Notes => d.notes = v,
            })
        };
        let (kind, autocomplete) = match f {
            OwnField::Phone => ("tel", "tel"),
            OwnField::Email => ("email", "email"),
            OwnField::Website => ("url", "url"),
            OwnField::Address => ("text", "street-address"),
            _ => ("text", "off"),
        };
        let input = if multiline {
            view! {
                <textarea id=fid rows="3" aria-describedby=described.clone()
                    aria-invalid=move || error().is_some().to_string()
                    prop:value=get on:input=move |ev| set(event_target_value(&ev))></textarea>
            }
            .into_any()
        } else {
            view! {
                <input id=fid type=kind autocomplete=autocomplete aria-describedby=described.clone()
                    aria-required=(f == OwnField::Name).then_some("true")
                    aria-invalid=move || error().is_some().to_string()
                    prop:value=get on:input=move |ev| set(event_target_value(&ev))/>
            }
            .into_any()
        };
        view! {
            <div class="field">
                <label for=fid>{move || i18n.t(label)}</label>
                {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || i18n.t(h)}</p> })}
                {input}
                <p class="field-error" id=error_id>{error}</p>
            </div>
        }
    };

    view! {
        <p>{crate::i18n::tr(Key::DirectoryOwnIntro)}</p>
        <SaveError store=store/>
        <form class="card dir-own-form" novalidate=true on:submit=submit>
            {field(OwnField::Name, Key::DirectoryOwnName, Some(Key::DirectoryOwnNameHint), false)}
            {field(OwnField::Phone, Key::DirectoryOwnPhone, Some(Key::DirectoryOwnPhoneHint), false)}
            {field(OwnField::Email, Key::DirectoryOwnEmail, Some(Key::DirectoryOptional), false)}
            {field(OwnField::Website, Key::DirectoryOwnWebsite, Some(Key::DirectoryOwnWebsiteHint), false)}
            {field(OwnField::Address, Key::DirectoryOwnAddress, Some(Key::DirectoryOptional), false)}
            {field(OwnField::Notes, Key::DirectoryOwnNotes, Some(Key::DirectoryOptional), true)}
            <div class="actions">
                <button type="submit" class="button">{crate::i18n::tr(Key::DirectorySave)}</button>
                <A href=cancel_href attr:class="button secondary">{crate::i18n::tr(Key::DirectoryCancel)}</A>
            </div>
        </form>
    }
}
