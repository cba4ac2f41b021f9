//! Help after a check: the national lines as one-tap call (or SMS) links with their hours,
//! the professionals to see, and the directory categories to look for near you.
//! Numbers, hours and names come from the helplines data, never from code.

use super::{category_label, helplines_resource};
use crate::domain::epds::{nearby_categories, Contact, DirectoryCategory, HelpRef};
use crate::domain::helplines::{Channel, Helpline, Helplines};
use crate::i18n::{format, use_i18n, Key};
use leptos::prelude::*;
use std::sync::Arc;

/// The lines of the safety screen, in order: suicide prevention, SAMU, European
/// emergency number, then emergency by SMS.
pub const SAFETY_LINES: [Contact; 4] =
    [Contact::SuicidePrevention3114, Contact::Samu15, Contact::Emergency112, Contact::Sms114];

/// The id of a contact's line in the helplines data, if it has a number.
pub fn helpline_id(contact: Contact) -> Option<&'static str> {
    match contact {
        Contact::SuicidePrevention3114 => Some("3114"),
        Contact::Samu15 => Some("15"),
        Contact::Emergency112 => Some("112"),
        Contact::Sms114 => Some("114"),
        Contact::AlloParentsBebe => Some("allo-parents-bebe"),
        Contact::MamanBlues | Contact::Professional | Contact::Pmi => None,
    }
}

/// The name and words of a contact without a number.
fn contact_text(contact: Contact) -> Option<(Key, Key)> {
    match contact {
        Contact::Professional => {
            Some((Key::WellbeingResultContactProfessionalName, Key::WellbeingResultContactProfessional))
        }
        Contact::Pmi => Some((Key::WellbeingResultContactPmiName, Key::WellbeingResultContactPmi)),
        Contact::MamanBlues => Some((Key::WellbeingResultContactMamanBluesName, Key::WellbeingResultContactMamanBlues)),
        _ => None,
    }
}

/// A number as written for people, kept on one line.
fn unbroken(number: &str) -> String {
    number.replace(' ', "\u{a0}")
}

/// One line as a large link: "Appeler le 3114", its name, its hours.
#[component]
pub fn CallLink(line: Helpline, #[prop(optional)] with_purpose: bool) -> impl IntoView {
    let i18n = use_i18n();
    let action = match line.meta.channel {
        Channel::Call => Key::WellbeingCall,
        Channel::Sms => Key::WellbeingSms,
    };
    let number = unbroken(&line.meta.number);
    let check_hours = line.meta.check_hours;
    let purpose = with_purpose.then(|| view! { <span class="wb-call-for">{line.text.purpose.clone()}</span> });
    view! {
        <a class="wb-call" href=line.meta.uri.clone()>
            <span class="wb-call-action">{move || format(i18n.lang(), action, &[("number", &number)])}</span>
            <span class="wb-call-name">{line.text.name.clone()}</span>
            {purpose}
            <span class="wb-call-hours">{line.text.hours.clone()}</span>
            {check_hours.then(|| view! { <span class="wb-call-hours">{crate::i18n::tr(Key::WellbeingHoursMayChange)}</span> })}
        </a>
    }
}

/// The lines of `contacts` that have a number, in order.
fn lines_of(helplines: &Helplines, contacts: &[Contact]) -> Vec<Helpline> {
    contacts.iter().filter_map(|&c| helplines.get(helpline_id(c)?).cloned()).collect()
}

/// The emergency lines (3114, 15, 112, 114 by SMS), one tap each. If the data cannot be
/// read, the numbers are said in words rather than nothing.
#[component]
pub fn SafetyLines(helplines: LocalResource<Result<Arc<Helplines>, String>>) -> impl IntoView {
    move || match helplines.get() {
        None => view! { <p aria-busy="true">{crate::i18n::tr(Key::WellbeingSafetyLoading)}</p> }.into_any(),
        Some(Err(_)) => view! { <p class="wb-fallback">{crate::i18n::tr(Key::WellbeingSafetyFallback)}</p> }.into_any(),
        Some(Ok(lines)) => view! {
            <ul class="wb-calls">
                {lines_of(&lines, &SAFETY_LINES)
                    .into_iter()
                    .map(|line| view! { <li><CallLink line=line/></li> })
                    .collect_view()}
            </ul>
        }
        .into_any(),
    }
}

/// The help of a result, in the order of `help_for`: lines with a number as call links,
/// professionals as text. Emergency lines are left out when `without_emergency` (they
/// are shown above, with the safety note).
#[component]
pub fn HelpList(help: Vec<HelpRef>, without_emergency: bool) -> impl IntoView {
    let i18n = use_i18n();
    let helplines = helplines_resource();
    let contacts: Vec<Contact> = help
        .iter()
        .filter_map(|h| match h {
            HelpRef::Contact(c) if !(without_emergency && c.is_emergency()) => Some(*c),
            _ => None,
        })
        .collect();
    view! {
        <section class="wb-help" aria-labelledby="wb-help-heading">
            <h2 id="wb-help-heading">{crate::i18n::tr(Key::WellbeingResultHelpHeading)}</h2>
            <ul class="wb-help-list">
                {contacts
                    .into_iter()
                    .map(|contact| match (helpline_id(contact), contact_text(contact)) {
                        (Some(id), _) => {
                            let id = id.to_string();
                            view! {
                                <li>
                                    {move || {
                                        helplines
                                            .get()
                                            .and_then(Result::ok)
                                            .and_then(|lines| lines.get(&id).cloned())
                                            .map(|line| view! { <CallLink line=line with_purpose=true/> })
                                    }}
                                </li>
                            }
                            .into_any()
                        }
                        (None, Some((name, words))) => view! {
                            <li class="wb-help-text">
                                <p class="wb-help-name">{move || i18n.t(name)}</p>
                                <p>{move || i18n.t(words)}</p>
                            </li>
                        }
                        .into_any(),
                        (None, None) => ().into_any(),
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// The directory's category for each kind of place the EPDS help points to.
pub fn directory_category(category: DirectoryCategory) -> crate::domain::directory::Category {
    use crate::domain::directory::Category;
    match category {
        DirectoryCategory::PerinatalMentalHealth => Category::PerinatalMentalHealth,
        DirectoryCategory::PmiCentre => Category::PmiCentre,
        DirectoryCategory::SupportGroup => Category::SupportGroup,
        DirectoryCategory::Midwife => Category::Midwife,
    }
}

/// A way into the local directory, filtered on these categories: the directory then
/// sorts by the place or position the parent gives it.
pub fn nearby(categories: &[DirectoryCategory]) -> Option<AnyView> {
    let wanted: Vec<_> = categories.iter().map(|&c| directory_category(c)).collect();
    let store = crate::directory_store::use_directory_store();
    let navigate = leptos_router::hooks::use_navigate();
    let open = move |_| {
        store.search.categories.set(wanted.clone());
        navigate("/directory", Default::default());
    };
    Some(
        view! {
            <button type="button" class="button" on:click=open>
                {crate::i18n::tr(Key::WellbeingResultNearSearch)}
            </button>
        }
        .into_any(),
    )
}

/// "Near you": what to look for in the local directory.
#[component]
pub fn NearYou(help: Vec<HelpRef>) -> impl IntoView {
    let i18n = use_i18n();
    let categories = nearby_categories(&help);
    if categories.is_empty() {
        return ().into_any();
    }
    let places = nearby(&categories);
    let coming = Some({
        view! {
            <p>{crate::i18n::tr(Key::WellbeingResultNearComing)}</p>
            <ul class="wb-near-list">
                {categories
                    .iter()
                    .map(|&c| view! { <li>{move || category_label(i18n.lang(), c)}</li> })
                    .collect_view()}
            </ul>
        }
    });
    view! {
        <section class="card wb-near" aria-labelledby="wb-near-heading">
            <h2 id="wb-near-heading">{crate::i18n::tr(Key::WellbeingResultNearHeading)}</h2>
            {coming}
            {places}
        </section>
    }
    .into_any()
}

/// Always on the well-being page: the lines to call now.
#[component]
pub fn TalkNow() -> impl IntoView {
    let helplines = helplines_resource();
    view! {
        <section class="card wb-talk" aria-labelledby="wb-talk-heading">
            <h2 id="wb-talk-heading">{crate::i18n::tr(Key::WellbeingTalkHeading)}</h2>
            <p>{crate::i18n::tr(Key::WellbeingTalkText)}</p>
            {move || {
                helplines.get().and_then(Result::ok).map(|lines| {
                    view! {
                        <ul class="wb-calls">
                            {lines_of(&lines, &[Contact::SuicidePrevention3114, Contact::AlloParentsBebe])
                                .into_iter()
                                .map(|line| view! { <li><CallLink line=line with_purpose=true/></li> })
                                .collect_view()}
                        </ul>
                    }
                })
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const META: &str = include_str!("../../../public/content/helplines.json");
    const FR: &str = include_str!("../../../locales/fr/helplines.json");

    #[test]
    fn the_safety_lines_are_3114_15_112_then_114_by_sms() {
        let lines = Helplines::from_json(META, FR).unwrap();
        let safety = lines_of(&lines, &SAFETY_LINES);
        let uris: Vec<&str> = safety.iter().map(|l| l.meta.uri.as_str()).collect();
        assert_eq!(uris, ["tel:3114", "tel:15", "tel:112", "sms:114"]);
    }

    #[test]
    fn every_contact_has_a_number_or_words() {
        let lines = Helplines::from_json(META, FR).unwrap();
        for contact in Contact::ALL {
            match helpline_id(contact) {
                Some(id) => assert!(lines.get(id).is_some(), "{contact:?}"),
                None => assert!(contact_text(contact).is_some(), "{contact:?}"),
            }
        }
    }

    #[test]
    fn numbers_stay_on_one_line() {
        assert_eq!(unbroken("0 800 00 34 56"), "0\u{a0}800\u{a0}00\u{a0}34\u{a0}56");
    }
}
