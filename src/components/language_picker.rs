use crate::domain::lang::Lang;
use crate::i18n::{use_i18n, Key};
use crate::settings;
use leptos::prelude::*;

fn label(lang: Lang) -> Key {
    match lang {
        Lang::Fr => Key::SettingsLanguageFr,
        Lang::En => Key::SettingsLanguageEn,
    }
}

/// Radio buttons for the interface language; the choice is stored at once.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let i18n = use_i18n();
    // The language chosen while its texts load, and whether the last choice failed
    // (offline, before its texts were ever kept).
    let choosing = RwSignal::new(None::<Lang>);
    let failed = RwSignal::new(false);
    let choose = move |lang: Lang| {
        failed.set(false);
        choosing.set(Some(lang));
        // Once its texts are there. Only the language changes: the rest of the settings
        // (the export reminder) stays.
        i18n.set_lang(lang, move |changed| {
            if changed {
                let _ = settings::update(|s| s.lang = lang);
            }
            choosing.set(None);
            failed.set(!changed);
        });
    };
    view! {
        <fieldset class="card choices">
            <legend>{crate::i18n::tr(Key::SettingsLanguageLegend)}</legend>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <label class="choice" lang=lang.code()>
                            <input
                                type="radio"
                                name="language"
                                value=lang.code()
                                prop:checked=move || choosing.get().unwrap_or_else(|| i18n.lang()) == lang
                                on:change=move |_| choose(lang)
                            />
                            <span>{move || i18n.t(label(lang))}</span>
                        </label>
                    }
                })
                .collect_view()}
            {move || failed.get().then(|| view! { <p role="alert">{move || i18n.t(Key::SettingsLanguageFailed)}</p> })}
        </fieldset>
    }
}
