//! One public-health message: its theme, title, text, source and review date, with
//! three actions: keep it as a favourite (stored with the family), read it aloud with
//! the browser's own speech synthesis (offline voices, nothing leaves the phone), and
//! share its text through the system share sheet. An action the browser cannot do is
//! not shown.

use crate::components::source_link::SourceLink;
use crate::domain::lang::Lang;
use crate::domain::messages::{Message, Theme};
use crate::family::use_family;
use crate::i18n::{text, use_i18n, Key};
use crate::texts;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

/// The label of a theme.
pub fn theme_label(lang: Lang, theme: Theme) -> &'static str {
    text(
        lang,
        match theme {
            Theme::PregnancyFollowup => Key::MessagesThemePregnancyFollowup,
            Theme::Nutrition => Key::MessagesThemeNutrition,
            Theme::Feeding => Key::MessagesThemeFeeding,
            Theme::Sleep => Key::MessagesThemeSleep,
            Theme::Crying => Key::MessagesThemeCrying,
            Theme::Substances => Key::MessagesThemeSubstances,
            Theme::Environment => Key::MessagesThemeEnvironment,
            Theme::Screens => Key::MessagesThemeScreens,
            Theme::Mood => Key::MessagesThemeMood,
            Theme::SecondParent => Key::MessagesThemeSecondParent,
            Theme::Bonding => Key::MessagesThemeBonding,
            Theme::Vaccination => Key::MessagesThemeVaccination,
            Theme::Rights => Key::MessagesThemeRights,
            Theme::HomeSafety => Key::MessagesThemeHomeSafety,
            Theme::Relationships => Key::MessagesThemeRelationships,
            Theme::Preconception => Key::MessagesThemePreconception,
            Theme::UrgentSigns => Key::MessagesThemeUrgentSigns,
            Theme::Birth => Key::MessagesThemeBirth,
            Theme::Loss => Key::MessagesThemeLoss,
            Theme::Development => Key::MessagesThemeDevelopment,
            Theme::Babywearing => Key::MessagesThemeBabywearing,
            Theme::Childcare => Key::MessagesThemeChildcare,
        },
    )
}

/// Whether a voice whose language tag is `voice_lang` ("fr-FR", "en_GB", "fr") speaks
/// the language `code` ("fr").
pub fn voice_speaks(voice_lang: &str, code: &str) -> bool {
    let tag = voice_lang.to_ascii_lowercase();
    match tag.strip_prefix(code) {
        Some(rest) => rest.is_empty() || rest.starts_with(['-', '_']),
        None => false,
    }
}

/// The text shared or read aloud: the title, the text, the longer text when the parent
/// has opened it, then the source (no address, no tracking: only words).
pub fn spoken_text(lang: Lang, message: &Message, more: Option<&str>) -> String {
    let more = more.map(|m| format!("\n\n{m}")).unwrap_or_default();
    format!(
        "{}\n\n{}{more}\n\n{} {}, {}",
        message.text.title,
        message.text.text,
        text(lang, Key::MessagesSource),
        message.meta.source.org,
        message.meta.source.title
    )
}

fn synthesis() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    let value = js_sys::Reflect::get(&window, &JsValue::from_str("speechSynthesis")).ok()?;
    value.dyn_into::<SpeechSynthesis>().ok()
}

/// The browser's voices, as plain objects (their `lang` and `localService` are read
/// as properties).
fn voices() -> Vec<JsValue> {
    synthesis().map(|s| s.get_voices().iter().collect()).unwrap_or_default()
}

fn voice_lang(voice: &JsValue) -> String {
    js_sys::Reflect::get(voice, &JsValue::from_str("lang")).ok().and_then(|l| l.as_string()).unwrap_or_default()
}

fn is_local(voice: &JsValue) -> bool {
    js_sys::Reflect::get(voice, &JsValue::from_str("localService")).ok().and_then(|l| l.as_bool()).unwrap_or(false)
}

/// The voice to read `lang` with, a local (offline) one first, and its language tag.
fn voice_for(lang: Lang) -> Option<(JsValue, String)> {
    let mut matching: Vec<_> = voices()
        .into_iter()
        .map(|v| {
            let l = voice_lang(&v);
            (v, l)
        })
        .filter(|(_, l)| voice_speaks(l, lang.code()))
        .collect();
    crate::domain::sort::sort_by_key(&mut matching, |(v, _)| !is_local(v));
    matching.into_iter().next()
}

thread_local! {
    /// The language tags of the browser's voices, refreshed when they load (Chromium
    /// fills the list after the page has started: `voiceschanged`).
    static VOICE_LANGS: ArcRwSignal<Vec<String>> = {
        let langs = ArcRwSignal::new(voices().iter().map(voice_lang).collect::<Vec<_>>());
        if let Some(synth) = synthesis() {
            let signal = langs.clone();
            let on_change = Closure::<dyn FnMut()>::new(move || {
                signal.set(voices().iter().map(voice_lang).collect());
            });
            let _ = synth.add_event_listener_with_callback("voiceschanged", on_change.as_ref().unchecked_ref());
            on_change.forget();
        }
        langs
    };
}

fn voice_langs() -> ArcRwSignal<Vec<String>> {
    VOICE_LANGS.with(Clone::clone)
}

/// `navigator.share`, if the browser has the Web Share API.
fn share_function() -> Option<js_sys::Function> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str("share")).ok()?.dyn_into::<js_sys::Function>().ok()
}

fn share(title: &str, body: &str) {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return };
    let Some(share) = share_function() else { return };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &JsValue::from_str("title"), &JsValue::from_str(title));
    let _ = js_sys::Reflect::set(&data, &JsValue::from_str("text"), &JsValue::from_str(body));
    if let Ok(promise) = share.call1(&navigator, &data) {
        if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
            // The parent may close the share sheet: that rejection is not an error.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}

fn icon(path: &'static str, class: &'static str) -> impl IntoView {
    view! {
        <svg
            class=class
            viewBox="0 0 24 24"
            width="20"
            height="20"
            aria-hidden="true"
            focusable="false"
            stroke="currentColor"
            stroke-width="1.8"
            stroke-linecap="round"
            stroke-linejoin="round"
        >
            <path d=path></path>
        </svg>
    }
}

const STAR: &str = "M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z";
const SPEAKER: &str = "M4 9.5h3.5L12 5.5v13l-4.5-4H4zM15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11";
const SHARE: &str = "M12 15V4M8 7.5L12 3.5l4 4M6 11H5v9h14v-9h-1";

/// A message, with its source and its actions. `heading_level` is 3 (default) or 4.
#[component]
pub fn MessageCard(message: Message, #[prop(default = 3)] heading_level: u8) -> impl IntoView {
    let i18n = use_i18n();
    let id = message.meta.id.clone();
    // The longer text: fetched when the parent opens it, again if the language changes.
    let more_open = RwSignal::new(false);
    let more = {
        let id = id.clone();
        LocalResource::new(move || {
            let (open, lang, id) = (more_open.get(), i18n.lang(), id.clone());
            async move {
                match open {
                    true => Some(crate::content::more_text(lang, &id).await),
                    false => None,
                }
            }
        })
    };
    let more_id = format!("more-{id}");

    let theme = message.meta.theme;
    let reviewed = message.meta.reviewed;
    let source = message.meta.source.clone();
    let title = message.text.title.clone();
    let heading = if heading_level == 4 {
        view! { <h4 class="msg-title">{title}</h4> }.into_any()
    } else {
        view! { <h3 class="msg-title">{title}</h3> }.into_any()
    };

    view! {
        <article class="msg-card">
            <p class="msg-theme">{move || theme_label(i18n.lang(), theme)}</p>
            {heading}
            <p class="msg-text">{message.text.text.clone()}</p>
            {message.meta.more.then(|| view! { <MoreText more_open=more_open more=more more_id=more_id/> })}
            <p class="msg-source">
                {crate::i18n::tr(Key::MessagesSource)}
                " "
                <SourceLink source=source/>
            </p>
            <p class="msg-reviewed">
                {move || {
                    crate::i18n::format(
                        i18n.lang(),
                        Key::MessagesReviewed,
                        &[("date", &texts::date_long(i18n.lang(), reviewed))],
                    )
                }}
            </p>
            <MessageActions message=message more=more/>
        </article>
    }
}

/// The button that opens a message's longer text, and that text (loading, or its error).
#[component]
fn MoreText(
    more_open: RwSignal<bool>,
    more: LocalResource<Option<Result<String, String>>>,
    more_id: String,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="msg-more-toggle"
            aria-expanded=move || if more_open.get() { "true" } else { "false" }
            aria-controls=more_id.clone()
            on:click=move |_| more_open.update(|open| *open = !*open)
        >
            {crate::i18n::tr(Key::MessagesMore)}
        </button>
        <div id=more_id class="msg-more" hidden=move || !more_open.get()>
            {move || match more.get().flatten() {
                None if more_open.get() => {
                    view! { <p role="status">{crate::i18n::tr(Key::MessagesMoreLoading)}</p> }.into_any()
                }
                None => ().into_any(),
                Some(Ok(text)) => text
                    .split("\n\n")
                    .map(|p| view! { <p>{p.to_string()}</p> })
                    .collect_view()
                    .into_any(),
                Some(Err(_)) => view! { <p role="alert">{crate::i18n::tr(Key::MessagesMoreError)}</p> }.into_any(),
            }}
        </div>
    }
}

/// The actions of a message: favourite, read aloud and share (the last two if the browser can).
#[component]
fn MessageActions(message: Message, more: LocalResource<Option<Result<String, String>>>) -> impl IntoView {
    let i18n = use_i18n();
    let family = use_family();
    let id = message.meta.id.clone();
    let favourite = {
        let id = id.clone();
        move || family.with(|f| f.is_favourite(&id))
    };
    let toggle = {
        let id = id.clone();
        move |_| {
            // A failed save is undone and reported by the family store.
            let _ = family.update(|f| f.toggle_favourite(&id));
        }
    };

    let langs = voice_langs();
    let can_speak = move || {
        let code = i18n.lang().code();
        langs.with(|l| l.iter().any(|tag| voice_speaks(tag, code)))
    };
    let more_loaded = move || more.get().flatten().and_then(Result::ok);
    let speaking = RwSignal::new(false);
    on_cleanup(move || {
        if speaking.get_untracked() {
            if let Some(s) = synthesis() {
                s.cancel();
            }
        }
    });
    let read = {
        let message = message.clone();
        move |_| {
            let Some(synth) = synthesis() else { return };
            synth.cancel();
            if speaking.get_untracked() {
                speaking.set(false);
                return;
            }
            let lang = i18n.lang();
            let spoken = spoken_text(lang, &message, more_loaded().as_deref());
            let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&spoken) else { return };
            match voice_for(lang) {
                Some((voice, tag)) => {
                    utterance.set_lang(&tag);
                    if let Some(voice) = voice.dyn_ref::<SpeechSynthesisVoice>() {
                        utterance.set_voice(Some(voice));
                    }
                }
                None => utterance.set_lang(lang.code()),
            }
            let done = Closure::<dyn FnMut()>::new(move || speaking.set(false)).into_js_value();
            utterance.set_onend(Some(done.unchecked_ref()));
            utterance.set_onerror(Some(done.unchecked_ref()));
            speaking.set(true);
            synth.speak(&utterance);
        }
    };

    let can_share = share_function().is_some();
    let share_click =
        move |_| share(&message.text.title, &spoken_text(i18n.lang(), &message, more_loaded().as_deref()));

    view! {
        <div class="msg-actions">
            <button
                type="button"
                class="msg-action msg-favourite"
                aria-pressed=move || if favourite() { "true" } else { "false" }
                on:click=toggle
            >
                {icon(STAR, "msg-icon msg-star")}
                <span>{crate::i18n::tr(Key::MessagesFavourite)}</span>
            </button>
            <Show when=can_speak>
                <button type="button" class="msg-action msg-speak" on:click=read.clone()>
                    {icon(SPEAKER, "msg-icon")}
                    <span>
                        {move || {
                            i18n.t(if speaking.get() { Key::MessagesStopReading } else { Key::MessagesReadAloud })
                        }}
                    </span>
                </button>
            </Show>
            <Show when=move || can_share>
                <button type="button" class="msg-action msg-share" on:click=share_click.clone()>
                    {icon(SHARE, "msg-icon")}
                    <span>{crate::i18n::tr(Key::MessagesShare)}</span>
                </button>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn voices_match_by_primary_language() {
        assert!(voice_speaks("fr-FR", "fr"));
        assert!(voice_speaks("fr_CA", "fr"));
        assert!(voice_speaks("FR", "fr"));
        assert!(voice_speaks("en-GB", "en"));
        assert!(!voice_speaks("en-US", "fr"));
        assert!(!voice_speaks("frr", "fr"));
        assert!(!voice_speaks("", "fr"));
    }

    #[test]
    fn the_longer_text_is_read_and_shared_once_opened() {
        let catalogue = crate::domain::messages::Catalogue::from_json(
            include_str!("../../public/content/messages.json"),
            include_str!("../../locales/fr/messages.json"),
        )
        .unwrap();
        let message = catalogue.messages().iter().find(|m| m.meta.more).unwrap();
        let closed = spoken_text(Lang::Fr, message, None);
        let open = spoken_text(Lang::Fr, message, Some("Plus de détails."));
        assert!(closed.starts_with(&message.text.title) && closed.contains(&message.text.text));
        assert!(!closed.contains("Plus de détails."));
        assert!(open.contains(&format!("{}\n\nPlus de détails.\n\n", message.text.text)), "{open}");
        assert!(open.ends_with(&message.meta.source.title), "the source comes last");
    }

    #[test]
    fn every_theme_has_a_label_in_both_languages() {
        for lang in Lang::ALL {
            let labels: std::collections::BTreeSet<_> = Theme::ALL.iter().map(|&t| theme_label(lang, t)).collect();
            assert_eq!(labels.len(), Theme::ALL.len(), "two themes share a label in {lang:?}");
        }
        assert_eq!(theme_label(Lang::Fr, Theme::Sleep), "Sommeil");
    }
}
