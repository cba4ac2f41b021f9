//! UI strings. `build.rs` turns `locales/<lang>/ui/*.json` into [`Key`] (a string that
//! does not exist does not compile) and into one texts file a language,
//! `/content/ui.<lang>.txt`: the app fetches the one it shows at start ([`load`]), so
//! neither language is compiled into the wasm.

use crate::domain::lang::Lang;
use leptos::prelude::*;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/i18n.rs"));

/// Entry `i` of a packed table (one string, and where each entry ends in it).
fn entry<O: Copy + Into<usize>>(all: &'static str, ends: &[O], i: usize) -> &'static str {
    let start = if i == 0 { 0 } else { ends[i - 1].into() };
    &all[start..ends[i].into()]
}

/// The texts of each language that has been loaded, in the order of [`Key`].
static TABLES: [OnceLock<Box<[&'static str]>>; 2] = [OnceLock::new(), OnceLock::new()];

fn slot(lang: Lang) -> &'static OnceLock<Box<[&'static str]>> {
    match lang {
        Lang::Fr => &TABLES[0],
        Lang::En => &TABLES[1],
    }
}

/// A texts file that does not belong to this build.
#[derive(Debug, PartialEq, Eq)]
pub struct NotOurTexts;

/// The texts of a `ui.<lang>.txt` file: its first line must be [`UI_HEADER`] (the
/// same keys in the same order), then one text a line, one per key.
pub fn parse_texts(file: &str) -> Result<Vec<&str>, NotOurTexts> {
    let mut lines = file.strip_suffix('\n').unwrap_or(file).split('\n');
    if lines.next() != Some(UI_HEADER) {
        return Err(NotOurTexts);
    }
    let texts: Vec<&str> = lines.collect();
    if texts.len() != KEY_COUNT || texts.iter().any(|t| t.trim().is_empty()) {
        return Err(NotOurTexts);
    }
    Ok(texts)
}

/// Keeps the texts of `lang` from the content of its texts file, for the app's life
/// (the file is kept as it is, its texts are slices of it; a refused file is kept too:
/// it happens once at most, and the app then does not start).
pub fn install(lang: Lang, file: String) -> Result<(), NotOurTexts> {
    if is_loaded(lang) {
        return Ok(());
    }
    let file: &'static str = Box::leak(file.into_boxed_str());
    let texts = parse_texts(file)?.into_boxed_slice();
    let _ = slot(lang).set(texts);
    Ok(())
}

/// Whether the texts of `lang` are there.
pub fn is_loaded(lang: Lang) -> bool {
    table(lang).is_some()
}

/// Fetches (from the network or the service worker's cache) and keeps the texts of `lang`.
pub async fn load(lang: Lang) -> Result<(), String> {
    if is_loaded(lang) {
        return Ok(());
    }
    let file = crate::fetch::fetch_text(&format!("ui.{}.txt", lang.code())).await?;
    install(lang, file).map_err(|_| format!("ui.{}.txt is not made for this version", lang.code()))
}

/// The texts files of this build, compiled in only where nothing can be fetched: the
/// native tests, and the browser tests (`--features bundled-texts`).
#[cfg(any(not(target_arch = "wasm32"), feature = "bundled-texts"))]
pub fn bundled(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => include_str!(concat!(env!("OUT_DIR"), "/ui.fr.txt")),
        Lang::En => include_str!(concat!(env!("OUT_DIR"), "/ui.en.txt")),
    }
}

#[cfg(any(not(target_arch = "wasm32"), feature = "bundled-texts"))]
fn table(lang: Lang) -> Option<&'static [&'static str]> {
    Some(slot(lang).get_or_init(|| parse_texts(bundled(lang)).expect("the bundled texts").into_boxed_slice()))
}

#[cfg(not(any(not(target_arch = "wasm32"), feature = "bundled-texts")))]
fn table(lang: Lang) -> Option<&'static [&'static str]> {
    slot(lang).get().map(|texts| &**texts)
}

/// The text of `key` in `lang` (empty if that language's texts were never loaded: the
/// app loads the language it shows before showing anything, see `crate::start`).
pub fn text(lang: Lang, key: Key) -> &'static str {
    table(lang).map_or("", |texts| texts[key as usize])
}

/// The name of `key` (e.g. `"nav.today"`).
pub fn key_name(key: Key) -> &'static str {
    entry(NAMES_TEXT, &NAMES_ENDS, key as usize)
}

/// The key named `name` (e.g. `"events.title.exam-9m"`), for texts chosen by a content
/// id at run time.
pub fn key_named(name: &str) -> Option<Key> {
    let (mut low, mut high) = (0, KEY_COUNT);
    while low < high {
        let mid = (low + high) / 2;
        match entry(NAMES_TEXT, &NAMES_ENDS, mid).cmp(name) {
            std::cmp::Ordering::Less => low = mid + 1,
            std::cmp::Ordering::Greater => high = mid,
            std::cmp::Ordering::Equal => return Some(KEYS[mid]),
        }
    }
    None
}

/// The text of `key` in `lang`, with each `{name}` replaced by its value.
pub fn format(lang: Lang, key: Key, args: &[(&str, &str)]) -> String {
    args.iter().fold(text(lang, key).to_string(), |s, (name, value)| s.replace(&format!("{{{name}}}"), value))
}

/// The current language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    pub fn new(lang: Lang) -> Self {
        I18n { lang: RwSignal::new(lang) }
    }

    /// The current language (tracked: read it inside a reactive closure).
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    /// The language shown, without tracking it.
    pub fn lang_untracked(self) -> Lang {
        self.lang.get_untracked()
    }

    /// Shows `lang` once its texts are loaded (at once if they are); if they cannot be
    /// loaded, nothing changes. Then tells `done` whether the language changed.
    pub fn set_lang(self, lang: Lang, done: impl FnOnce(bool) + 'static) {
        if is_loaded(lang) {
            self.lang.set(lang);
            done(true);
            return;
        }
        leptos::task::spawn_local(async move {
            let loaded = load(lang).await.is_ok();
            if loaded {
                self.lang.set(lang);
            }
            done(loaded);
        });
    }

    /// The text of `key` in the current language (tracked).
    pub fn t(self, key: Key) -> &'static str {
        text(self.lang.get(), key)
    }
}

/// The text of `key` in the current language, as a reactive view child or attribute
/// value. One closure type for every key: `{tr(Key::X)}` instead of
/// `{move || i18n.t(Key::X)}` compiles the rendering code once, not once a label.
pub fn tr(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.t(key)
}

/// The [`I18n`] provided by the app.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_text_in_every_language() {
        for lang in Lang::ALL {
            for key in KEYS {
                assert!(!text(lang, key).trim().is_empty(), "{} is empty in {lang:?}", key_name(key));
            }
        }
    }

    #[test]
    fn keys_map_to_their_own_text() {
        assert_eq!(text(Lang::Fr, Key::NavToday), "Aujourd'hui");
        assert_eq!(text(Lang::En, Key::NavToday), "Today");
        assert_eq!(key_name(Key::NavToday), "nav.today");
        assert_eq!(key_name(KEYS[KEY_COUNT - 1]), entry(NAMES_TEXT, &NAMES_ENDS, KEY_COUNT - 1));
    }

    #[test]
    fn a_texts_file_is_read_only_by_the_build_it_was_made_for() {
        for lang in Lang::ALL {
            let file = bundled(lang);
            assert!(file.starts_with(UI_HEADER));
            assert_eq!(parse_texts(file).unwrap().len(), KEY_COUNT);
            assert_eq!(parse_texts(&format!("{file}\n")).unwrap().len(), KEY_COUNT, "a final line break is allowed");
        }
        let fr = bundled(Lang::Fr);
        let body = fr.split_once('\n').unwrap().1;
        // Another version's keys, one text missing or one too many, an empty text: refused.
        assert_eq!(parse_texts(&format!("cocon-ui {KEY_COUNT} 0000000000000000\n{body}")), Err(NotOurTexts));
        assert_eq!(parse_texts(body), Err(NotOurTexts));
        assert_eq!(parse_texts(fr.rsplit_once('\n').unwrap().0), Err(NotOurTexts));
        assert_eq!(parse_texts(&format!("{fr}\nextra")), Err(NotOurTexts));
        let mut lines: Vec<&str> = fr.split('\n').collect();
        lines[1] = " ";
        assert_eq!(parse_texts(&lines.join("\n")), Err(NotOurTexts));
        assert_eq!(parse_texts(""), Err(NotOurTexts));
    }

    #[test]
    fn format_replaces_placeholders() {
        assert_eq!(format(Lang::En, Key::EventsDoneOn, &[("date", "3 March")]), "Done on 3 March");
        assert_eq!(format(Lang::En, Key::NavToday, &[("x", "y")]), "Today");
    }

    #[test]
    fn keys_are_found_by_name() {
        for (i, key) in KEYS.into_iter().enumerate() {
            assert_eq!(key as usize, i);
            assert_eq!(key_named(key_name(key)), Some(key));
            assert_eq!(key_named(&format!("{}~", key_name(key))), None);
        }
        assert!((1..KEY_COUNT).all(|i| key_name(KEYS[i - 1]) < key_name(KEYS[i])), "names are sorted");
        assert_eq!(key_named("events.title.exam-9m"), Some(Key::EventsTitleExam9m));
        assert_eq!(key_named("events.title.nope"), None);
    }

    #[test]
    fn i18n_switches_language_under_an_owner() {
        let owner = Owner::new();
        owner.with(|| {
            let i18n = I18n::new(Lang::Fr);
            assert_eq!(i18n.t(Key::SettingsTitle), "Réglages");
            let done = std::rc::Rc::new(std::cell::Cell::new(false));
            let seen = done.clone();
            i18n.set_lang(Lang::En, move |changed| seen.set(changed));
            assert_eq!(i18n.t(Key::SettingsTitle), "Settings");
            assert!(done.get(), "the texts are there: the change is immediate");
        });
    }
}
