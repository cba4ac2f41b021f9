//! Generates the UI strings from `locales/<lang>/ui/*.json`: one file a feature, whose
//! name prefixes its keys (`ui/today.json` `{"title": ..}` is `today.title`).
//!
//! Every key becomes a variant of `i18n::Key`, so a missing or misspelt key is a
//! compile error, and the build fails when the languages do not have the same
//! keys, when a string is empty, or when the `{placeholders}` differ.
//!
//! The texts themselves are not compiled into the app: each language is one file,
//! `ui.<lang>.txt` (a header line naming the keys it was made for, then one text a
//! line in the order of `Key`), fetched at start for the language shown. The files are
//! written to `OUT_DIR` (the native tests read them from there) and to
//! `<target>/<triple>/<profile>/cocon-content/`, where `scripts/postbuild.mjs` takes
//! them into the build's `content/`.
//!
//! It also checks the calendar's rules, `src/domain/calendar/rules.json`, with the same
//! code the app reads them with (`src/domain/calendar/rules.rs`): a rule without a
//! source, a source that is a home page, two versions of a rule whose births overlap, an
//! unknown vaccine or a note without a text fails the build, with the reason.

// Runs natively at build time: the wasm-size rules of clippy.toml do not apply.
#![allow(clippy::disallowed_methods)]

// The calendar's rules and their sources, as the app reads them (they use only serde,
// serde_json and chrono, and name their sources as `super::source`).
#[path = "src/domain/calendar/rules.rs"]
#[allow(dead_code)]
mod rules;
#[path = "src/domain/source.rs"]
#[allow(dead_code)]
mod source;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::{env, fs, path::Path};

const LANGS: [&str; 2] = ["fr", "en"];

fn flatten(prefix: &str, value: &serde_json::Value, out: &mut BTreeMap<String, String>, file: &str) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&key, v, out, file);
            }
        }
        serde_json::Value::String(s) => {
            if s.trim().is_empty() {
                panic!("{file}: the string for `{prefix}` is empty");
            }
            out.insert(prefix.to_string(), s.clone());
        }
        other => panic!("{file}: `{prefix}` must be a string or an object, found {other}"),
    }
}

fn placeholders(s: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = s;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else { break };
        found.insert(rest[start + 1..start + len].to_string());
        rest = &rest[start + len + 1..];
    }
    found
}

fn variant(key: &str) -> String {
    key.split(['.', '_', '-'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

/// FNV-1a, 64 bits: a fingerprint of the key names (not a security measure).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Refuses the build when `rules.json` breaks a rule of `rules.rs`, or names a note
/// that a language has no text for.
fn check_calendar_rules(tables: &[BTreeMap<String, String>]) {
    let file = "src/domain/calendar/rules.json";
    println!("cargo:rerun-if-changed={file}");
    println!("cargo:rerun-if-changed=src/domain/calendar/rules.rs");
    println!("cargo:rerun-if-changed=src/domain/source.rs");
    let json = fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let rules = rules::Rules::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
    // The app builds the rules from Rust, not from JSON (see rules.rs, `to_rust`).
    let out_dir = env::var("OUT_DIR").unwrap();
    fs::write(Path::new(&out_dir).join("calendar_rules.rs"), rules.to_rust()).unwrap();
    for (lang, table) in LANGS.iter().zip(tables) {
        rules
            .check_notes(|note| table.contains_key(&format!("events.note.{note}")))
            .unwrap_or_else(|e| panic!("{e} ({lang})"));
        for rule in &rules.rules {
            if !table.contains_key(&format!("events.title.{}", rule.id)) {
                panic!("{file}: {} has no title in locales/{lang}/ui/events.json", rule.id);
            }
            if let Some(dose) =
                rule.vaccines.iter().find(|d| !table.contains_key(&format!("events.vaccine.{}", d.vaccine)))
            {
                panic!("{file}: vaccine {} has no name in locales/{lang}/ui/events.json", dose.vaccine);
            }
        }
    }
}

fn main() {
    let mut tables = Vec::new();
    for lang in LANGS {
        let dir = format!("locales/{lang}/ui");
        println!("cargo:rerun-if-changed={dir}");
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        files.sort();
        let mut flat = BTreeMap::new();
        for path in files {
            let file = path.display().to_string();
            println!("cargo:rerun-if-changed={file}");
            let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
            let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
            let json: serde_json::Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file} is not valid JSON: {e}"));
            flatten(&stem, &json, &mut flat, &file);
        }
        tables.push(flat);
    }
    check_calendar_rules(&tables);
    let reference = &tables[0];
    for (lang, table) in LANGS.iter().zip(&tables).skip(1) {
        let missing: Vec<_> = reference.keys().filter(|k| !table.contains_key(*k)).collect();
        let extra: Vec<_> = table.keys().filter(|k| !reference.contains_key(*k)).collect();
        if !missing.is_empty() || !extra.is_empty() {
            panic!("locales/{lang}/ui: missing keys {missing:?}, keys not in French {extra:?}");
        }
        for (key, fr) in reference {
            if placeholders(fr) != placeholders(&table[key]) {
                panic!("`{key}`: the placeholders differ between fr and {lang}");
            }
        }
    }
    for (lang, table) in LANGS.iter().zip(&tables) {
        if let Some((key, _)) = table.iter().find(|(_, text)| text.contains(['\n', '\r'])) {
            panic!("locales/{lang}/ui: `{key}` holds a line break (one text a line in ui.{lang}.txt)");
        }
    }

    let mut out = String::new();
    out.push_str("/// Every user-visible UI string, generated from `locales/*/ui/*.json`.\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\n#[allow(dead_code)]\npub enum Key {\n");
    let mut seen = BTreeSet::new();
    for key in reference.keys() {
        let v = variant(key);
        if !seen.insert(v.clone()) {
            panic!("two keys give the same name `{v}`");
        }
        writeln!(out, "    /// `{key}`\n    {v},").unwrap();
    }
    out.push_str("}\n");
    writeln!(out, "pub const KEY_COUNT: usize = {};", reference.len()).unwrap();
    // Each table is one string and the end of each entry in it: no pointer a string.
    let packed = |out: &mut String, name: &str, texts: Vec<&str>| {
        let all: String = texts.concat();
        let offset = if all.len() <= usize::from(u16::MAX) { "u16" } else { "u32" };
        writeln!(out, "static {name}_TEXT: &str = {all:?};").unwrap();
        writeln!(out, "static {name}_ENDS: [{offset}; KEY_COUNT] = [").unwrap();
        let mut end = 0;
        for text in texts {
            end += text.len();
            writeln!(out, "    {end},").unwrap();
        }
        out.push_str("];\n");
    };
    out.push_str("/// The keys' names, in the order of the variants (sorted), to find a key by its name.\n");
    packed(&mut out, "NAMES", reference.keys().map(String::as_str).collect());
    out.push_str("/// The keys in the order of their names.\n");
    out.push_str("pub static KEYS: [Key; KEY_COUNT] = [\n");
    for key in reference.keys() {
        writeln!(out, "    Key::{},", variant(key)).unwrap();
    }
    out.push_str("];\n");
    // A texts file is read only by the build that has the same keys, in the same order.
    let names: Vec<&str> = reference.keys().map(String::as_str).collect();
    let header = format!("cocon-ui {} {:016x}", names.len(), fnv1a(names.join("\n").as_bytes()));
    out.push_str("/// The first line of a texts file made for these keys.\n");
    writeln!(out, "pub const UI_HEADER: &str = {header:?};").unwrap();

    let out_dir = env::var("OUT_DIR").unwrap();
    let out_dir = Path::new(&out_dir);
    // OUT_DIR is <target>/<triple>/<profile>/build/cocon-<hash>/out
    let content = out_dir.ancestors().nth(3).expect("OUT_DIR has a profile directory").join("cocon-content");
    fs::create_dir_all(&content).unwrap_or_else(|e| panic!("{}: {e}", content.display()));
    for (lang, table) in LANGS.iter().zip(&tables) {
        let mut file = header.clone();
        for key in reference.keys() {
            file.push('\n');
            file.push_str(&table[key]);
        }
        let name = format!("ui.{lang}.txt");
        fs::write(out_dir.join(&name), &file).unwrap();
        fs::write(content.join(&name), &file).unwrap();
    }
    fs::write(out_dir.join("i18n.rs"), out).unwrap();
}
