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
    let choose = move |lang: Lang| {
        // Once its texts are there. Only the language changes: the rest of the settings
        // (the export reminder) stays.
        i18n.set_lang(lang, move || {
            let _ = settings::update(|s| s.lang = lang);
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
                                prop:checked=move || i18n.lang() == lang
                                on:change=move |_| choose(lang)
                            />
                            <span>{move || i18n.t(label(lang))}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
