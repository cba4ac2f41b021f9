//! Content files (public-health messages, later the EPDS items and the directory) are
//! data, fetched from the app's own origin when needed, per language, and precached by
//! the service worker so they load offline. They are not compiled into the wasm.

use crate::domain::lang::Lang;
use crate::domain::messages::Catalogue;

pub use crate::fetch::fetch_text;

/// The public-health messages in `lang`.
pub async fn messages(lang: Lang) -> Result<Catalogue, String> {
    let meta = fetch_text("messages.json").await?;
    let texts = fetch_text(&format!("messages.{}.json", lang.code())).await?;
    Catalogue::from_json(&meta, &texts).map_err(|e| format!("{e:?}"))
}

thread_local! {
    /// The messages fetched before the app mounted (see `crate::start`), taken once.
    static FIRST: std::cell::RefCell<Option<(Lang, Result<Catalogue, String>)>> = const { std::cell::RefCell::new(None) };
}

/// Keeps the messages loaded before the app mounted, for the first use of `lang`.
pub fn keep_first_messages(lang: Lang, messages: Result<Catalogue, String>) {
    FIRST.with(|first| *first.borrow_mut() = Some((lang, messages)));
}

fn take_first_messages(lang: Lang) -> Option<Result<Catalogue, String>> {
    FIRST.with(|first| {
        let mut first = first.borrow_mut();
        match first.take() {
            Some((kept, messages)) if kept == lang => Some(messages),
            other => {
                *first = other;
                None
            }
        }
    })
}

/// The messages of the current language, loaded once per language and shared.
#[derive(Clone, Copy)]
pub struct Messages(pub leptos::prelude::LocalResource<Result<Catalogue, String>>);

pub fn provide_messages(i18n: crate::i18n::I18n) -> Messages {
    use leptos::prelude::*;
    let resource = LocalResource::new(move || {
        let lang = i18n.lang();
        let ready = take_first_messages(lang);
        async move {
            match ready {
                Some(loaded) => loaded,
                None => messages(lang).await,
            }
        }
    });
    let messages = Messages(resource);
    provide_context(messages);
    messages
}

pub fn use_messages() -> Messages {
    leptos::prelude::expect_context::<Messages>()
}

/// The national helplines in `lang`.
pub async fn helplines(lang: Lang) -> Result<crate::domain::helplines::Helplines, String> {
    let meta = fetch_text("helplines.json").await?;
    let texts = fetch_text(&format!("helplines.{}.json", lang.code())).await?;
    crate::domain::helplines::Helplines::from_json(&meta, &texts).map_err(|e| format!("{e:?}"))
}

/// The EPDS items in `lang` (`locales/<lang>/epds.json`, served as `/content/epds.<lang>.json`).
pub async fn epds_items(lang: Lang) -> Result<crate::domain::epds::Items, String> {
    let text = fetch_text(&format!("epds.{}.json", lang.code())).await?;
    crate::domain::epds::Items::from_json(&text).map_err(|e| e.to_string())
}

/// The longer texts of one language, by message id.
type MoreTexts = std::rc::Rc<std::collections::BTreeMap<String, String>>;

thread_local! {
    /// The longer texts of one language, once fetched (`content/more.<lang>.json`).
    static MORE: std::cell::RefCell<Option<(Lang, MoreTexts)>> =
        const { std::cell::RefCell::new(None) };
}

/// The longer text of message `id` in `lang`, fetched with the others of that language
/// the first time a parent opens one (precached by the service worker for offline use).
pub async fn more_text(lang: Lang, id: &str) -> Result<String, String> {
    let kept = MORE.with(|more| more.borrow().as_ref().filter(|(l, _)| *l == lang).map(|(_, m)| m.clone()));
    let all = match kept {
        Some(all) => all,
        None => {
            let json = fetch_text(&format!("more.{}.json", lang.code())).await?;
            let all = std::rc::Rc::new(crate::domain::messages::parse_more(&json).map_err(|e| e.to_string())?);
            MORE.with(|more| *more.borrow_mut() = Some((lang, all.clone())));
            all
        }
    };
    all.get(id).cloned().ok_or_else(|| format!("no longer text for {id}"))
}
