//! The demonstration page (`/demo`, or the start link `/?demo`): pick a sample family,
//! switch, leave, and show the QR code of Cocon's address for the parent's own phone.

use crate::components::page::Page;
use crate::components::qr::QrCode;
use crate::demonstration;
use crate::domain::samples::Sample;
use crate::i18n::{format, use_i18n, Key};
use leptos::prelude::*;

fn title(sample: Sample) -> Key {
    match sample {
        Sample::Pregnant => Key::DemoSamplePregnantTitle,
        Sample::Newborn => Key::DemoSampleNewbornTitle,
        Sample::Toddler => Key::DemoSampleToddlerTitle,
    }
}

fn body(sample: Sample) -> Key {
    match sample {
        Sample::Pregnant => Key::DemoSamplePregnantBody,
        Sample::Newborn => Key::DemoSampleNewbornBody,
        Sample::Toddler => Key::DemoSampleToddlerBody,
    }
}

#[component]
pub fn DemoPage() -> impl IntoView {
    let i18n = use_i18n();
    let active = demonstration::active();
    let failed = RwSignal::new(false);
    let start = move |sample: Sample| {
        if demonstration::enter(sample, i18n.lang()).is_err() {
            failed.set(true);
        }
    };
    let choices = Sample::ALL
        .into_iter()
        .filter(|sample| Some(*sample) != active)
        .map(|sample| {
            let hint = format!("demo-{}-hint", sample.id());
            view! {
                <li class="demo-sample">
                    <button type="button" class="button" aria-describedby=hint.clone() on:click=move |_| start(sample)>
                        {move || i18n.t(title(sample))}
                    </button>
                    <p class="hint" id=hint>{move || i18n.t(body(sample))}</p>
                </li>
            }
        })
        .collect_view();
    let heading = if active.is_some() { Key::DemoSwitchHeading } else { Key::DemoChooseHeading };
    view! {
        <Page title=Key::DemoTitle>
            <p>{move || i18n.t(Key::DemoIntro)}</p>
            {active.map(|sample| view! {
                <section class="card demo-current">
                    <p>{move || format(i18n.lang(), Key::DemoCurrent, &[("sample", i18n.t(title(sample)))])}</p>
                    <button type="button" class="button" on:click=move |_| {
                        if demonstration::leave().is_err() {
                            failed.set(true);
                        }
                    }>{move || i18n.t(Key::DemoLeave)}</button>
                </section>
            })}
            <section aria-labelledby="demo-choose">
                <h2 id="demo-choose">{move || i18n.t(heading)}</h2>
                <ul class="demo-samples">{choices}</ul>
                <p role="alert">{move || failed.get().then(|| i18n.t(Key::DemoFailed))}</p>
            </section>
            <InstallCode/>
        </Page>
    }
}

/// The QR code of Cocon's address, drawn on the device, for the parent to install Cocon
/// on their own phone.
#[component]
fn InstallCode() -> impl IntoView {
    let i18n = use_i18n();
    let url = window().location().origin().map(|origin| format!("{origin}/")).unwrap_or_default();
    // `?install`: the parent's phone, opened from the code, offers to install at once.
    let link = format!("{url}?install");
    let label = {
        let link = link.clone();
        Signal::derive(move || format(i18n.lang(), Key::DemoQrLabel, &[("url", &link)]))
    };
    let code = view! { <QrCode text=link label=label/> };
    view! {
        <section class="card" aria-labelledby="demo-qr">
            <h2 id="demo-qr">{move || i18n.t(Key::DemoQrHeading)}</h2>
            <p>{move || i18n.t(Key::DemoQrBody)}</p>
            {code}
            <p class="demo-address">{move || format(i18n.lang(), Key::DemoQrAddress, &[("url", &url)])}</p>
        </section>
    }
}
