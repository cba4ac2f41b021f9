//! The state's directory of local public services turned into Cocon directory packs, one
//! a département.
//!
//! The source is "Service-Public.fr – Annuaire de l'administration – Base de données
//! locales" (DILA, Licence Ouverte 2.0). Three shapes of it are read ([`read_export`]):
//!
//! - the official JSON export (`{"service": [...]}` or a list of records, fields such as
//!   `pivot`, `adresse`, `telephone`, `plage_ouverture`; a field may also be a JSON text,
//!   as the API writes them);
//! - the same records normalised, one JSON object a line (`coordonnees`,
//!   `donnees_annuaire_local`, `types_service_local`);
//! - the flattened CSV (`categorie,official_name,...,opening_hours,insee,id,millesime`,
//!   hours written as OpenStreetMap `opening_hours`).
//!
//! [`to_entries`] keeps the kinds of service that matter to families ([`KINDS`]), checks every
//! entry with the directory's own rules ([`EntryDraft::validate_keeping`]: a field that
//! cannot be read is dropped, with its reason) and names the source and its licence on
//! each entry. [`packs`] groups them by département. Nothing is guessed: a missing phone
//! stays missing, hours that cannot be read are left out.

use super::geo;
use super::import::{detect_separator, parse_csv};
use super::model::{clean_line, DroppedField, Entry, EntryDraft, Field, Origin, RejectReason};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

/// The kinds of local service kept, with their Cocon categories, in `dila-kinds.json`.
pub const KINDS: &str = include_str!("dila-kinds.json");

/// One kind of service of the DILA directory (`type_service_local`) and what it becomes.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kind {
    /// The DILA code (`"pmi"`, `"caf"`).
    #[serde(rename = "type")]
    pub code: String,
    /// Cocon category ids.
    pub categories: Vec<String>,
    /// What the kind is, for the deployer's guide.
    pub label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KindsFile {
    #[allow(dead_code)]
    about: String,
    kinds: Vec<Kind>,
}

/// The kinds of [`KINDS`].
pub fn kinds() -> Vec<Kind> {
    serde_json::from_str::<KindsFile>(KINDS).map(|f| f.kinds).unwrap_or_default()
}

/// One local service as read from any shape of the export, before any check.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Service {
    /// The DILA id (a UUID).
    pub id: String,
    /// Its kinds (`type_service_local`), lowercase.
    pub kinds: Vec<String>,
    pub name: String,
    /// The street part of the address.
    pub address: String,
    pub postcode: String,
    pub commune: String,
    /// The INSEE code of its commune.
    pub insee: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub phones: Vec<String>,
    pub email: String,
    pub website: String,
    /// Opening hours, as French text; empty when the export gives none or they could not
    /// be read (then [`Service::hours_unread`] holds what was written).
    pub hours: String,
    pub hours_unread: Option<String>,
}

/// Why a whole export was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// Neither JSON, JSON lines, nor the flattened CSV (with its `categorie` and
    /// `official_name` columns).
    UnknownShape,
    Json {
        line: usize,
        detail: String,
    },
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::UnknownShape => write!(
                f,
                "not an export of the Base de données locales (JSON, JSON lines, or CSV with categorie and official_name)"
            ),
            ExportError::Json { line, detail } => write!(f, "line {line}: not JSON ({detail})"),
        }
    }
}

impl std::error::Error for ExportError {}

/// A record that could not be read at all, with the line (JSON lines, CSV) or the position
/// in the list (JSON) where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unread {
    pub at: usize,
    pub reason: String,
}

/// The services of an export, in any of its shapes, and the records that could not be read.
pub fn read_export(text: &str) -> Result<(Vec<Service>, Vec<Unread>), ExportError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let start = text.trim_start();
    if start.starts_with('{') || start.starts_with('[') {
        return match serde_json::from_str::<Value>(text) {
            Ok(Value::Array(records)) => Ok(read_records(records.iter().enumerate().map(|(i, v)| (i + 1, v)))),
            Ok(Value::Object(doc)) => match doc.get("service").and_then(Value::as_array) {
                Some(records) => Ok(read_records(records.iter().enumerate().map(|(i, v)| (i + 1, v)))),
                None => Ok(read_records([(1, &Value::Object(doc))].into_iter())),
            },
            Ok(_) => Err(ExportError::UnknownShape),
            // Several objects: JSON lines.
            Err(e) if e.is_data() || e.line() > 1 || e.classify() == serde_json::error::Category::Syntax => {
                read_json_lines(text)
            }
            Err(e) => Err(ExportError::Json { line: e.line(), detail: e.to_string() }),
        };
    }
    read_flat_csv(text)
}

fn read_records<'a>(records: impl Iterator<Item = (usize, &'a Value)>) -> (Vec<Service>, Vec<Unread>) {
    let mut services = Vec::new();
    let mut unread = Vec::new();
    for (at, v) in records {
        match service_of_json(v) {
            Ok(Some(s)) => services.push(s),
            Ok(None) => {}
            Err(reason) => unread.push(Unread { at, reason }),
        }
    }
    (services, unread)
}

fn read_json_lines(text: &str) -> Result<(Vec<Service>, Vec<Unread>), ExportError> {
    let mut values = Vec::new();
    let mut unread = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v) => values.push((i + 1, v)),
            Err(e) if i == 0 && !line.trim_start().starts_with('{') => {
                return Err(ExportError::Json { line: 1, detail: e.to_string() })
            }
            Err(e) => unread.push(Unread { at: i + 1, reason: format!("not JSON ({e})") }),
        }
    }
    let (services, mut more) = read_records(values.iter().map(|(i, v)| (*i, v)));
    unread.append(&mut more);
    crate::domain::sort::sort_by_key(&mut unread, |u| u.at);
    Ok((services, unread))
}

// ---- JSON records ----

/// A field that the API writes as a JSON text (`"[{...}]"`) read as the value it holds.
fn unwrap_text(v: Option<&Value>) -> Option<Value> {
    match v? {
        Value::String(s) if s.trim_start().starts_with(['[', '{']) => serde_json::from_str(s).ok(),
        other => Some(other.clone()),
    }
}

/// A value as text: strings as they are, numbers written out; anything else empty.
fn text_of(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// A list of values, or one value as a list of one.
fn list_of(v: Option<Value>) -> Vec<Value> {
    match v {
        Some(Value::Array(items)) => items,
        Some(Value::Null) | None => Vec::new(),
        Some(other) => vec![other],
    }
}

fn number_of(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().replace(',', ".").parse().ok(),
        _ => None,
    }
}

/// The service of a JSON record of either shape; `None` for a record of a service that is
/// closed (`"etat"` other than `"ACTIF"` in the normalised shape).
fn service_of_json(v: &Value) -> Result<Option<Service>, String> {
    let Some(o) = v.as_object() else { return Err("not an object".into()) };
    if o.contains_key("coordonnees") || o.contains_key("donnees_annuaire_local") {
        if o.get("etat").and_then(Value::as_str).is_some_and(|e| e != "ACTIF") {
            return Ok(None);
        }
        return Ok(Some(normalised_service(o)));
    }
    if !o.contains_key("pivot") && !o.contains_key("nom") {
        return Err("no pivot and no nom: not a record of the directory".into());
    }
    Ok(Some(official_service(o)))
}

type Map = serde_json::Map<String, Value>;

/// The address to show: the place ("Adresse") rather than the postal one, and its parts.
fn pick_address(addresses: &[&Map]) -> Option<Map> {
    let is_place = |a: &&&Map| a.get("type_adresse").and_then(Value::as_str).is_none_or(|t| t == "Adresse");
    addresses.iter().find(is_place).or(addresses.first()).map(|a| (*a).clone())
}

fn fill_address(s: &mut Service, a: &Map) {
    let parts: Vec<String> = ["complement1", "complement2", "numero_voie", "service_distribution"]
        .iter()
        .map(|k| clean_line(&text_of(a.get(*k))))
        .filter(|p| !p.is_empty())
        .collect();
    s.address = parts.join(", ");
    s.postcode = clean_line(&text_of(a.get("code_postal")));
    s.commune = clean_line(&text_of(a.get("nom_commune")));
    s.latitude = number_of(a.get("latitude"));
    s.longitude = number_of(a.get("longitude"));
}

fn pivot_kinds(pivot: Vec<Value>, s: &mut Service) {
    for p in pivot {
        let kind = text_of(p.get("type_service_local")).to_ascii_lowercase();
        if !kind.is_empty() && !s.kinds.contains(&kind) {
            s.kinds.push(kind);
        }
        if s.insee.is_empty() {
            if let Some(code) = list_of(p.get("code_insee_commune").cloned()).first() {
                s.insee = text_of(Some(code));
            }
        }
    }
}

fn official_service(o: &Map) -> Service {
    let mut s = Service { id: text_of(o.get("id")), name: text_of(o.get("nom")), ..Service::default() };
    pivot_kinds(list_of(unwrap_text(o.get("pivot"))), &mut s);
    if s.insee.is_empty() {
        s.insee = text_of(o.get("code_insee_commune"));
    }
    let addresses = list_of(unwrap_text(o.get("adresse")));
    if let Some(a) = pick_address(&addresses.iter().filter_map(Value::as_object).collect::<Vec<_>>()) {
        fill_address(&mut s, &a);
    }
    for t in list_of(unwrap_text(o.get("telephone"))) {
        let n = if t.is_object() { text_of(t.get("valeur")) } else { text_of(Some(&t)) };
        if !n.trim().is_empty() {
            s.phones.push(n);
        }
    }
    s.email = list_of(unwrap_text(o.get("adresse_courriel"))).first().map(|e| text_of(Some(e))).unwrap_or_default();
    s.website = list_of(unwrap_text(o.get("site_internet")))
        .first()
        .map(|w| if w.is_object() { text_of(w.get("valeur")) } else { text_of(Some(w)) })
        .unwrap_or_default();
    set_hours(&mut s, dila_hours(&list_of(unwrap_text(o.get("plage_ouverture")))));
    s
}

fn normalised_service(o: &Map) -> Service {
    let local = o.get("donnees_annuaire_local").and_then(Value::as_object).cloned().unwrap_or_default();
    let id = o
        .get("identifiants")
        .and_then(|i| i.get("dila_local_id"))
        .map(|v| text_of(Some(v)))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| text_of(o.get("id")));
    let mut s = Service { id, name: text_of(o.get("nom_officiel")), ..Service::default() };
    for k in list_of(o.get("types_service_local").cloned()) {
        let k = text_of(Some(&k)).to_ascii_lowercase();
        if !k.is_empty() && !s.kinds.contains(&k) {
            s.kinds.push(k);
        }
    }
    pivot_kinds(list_of(local.get("pivot").cloned()), &mut s);
    if s.insee.is_empty() {
        s.insee = list_of(o.get("territoires").cloned()).first().map(|t| text_of(Some(t))).unwrap_or_default();
    }
    let contacts = list_of(o.get("coordonnees").cloned());
    let of_type = |t: &str| -> Vec<&Map> {
        contacts
            .iter()
            .filter_map(Value::as_object)
            .filter(|c| c.get("type").and_then(Value::as_str) == Some(t))
            .collect()
    };
    if let Some(a) = pick_address(&of_type("ADRESSE")) {
        fill_address(&mut s, &a);
    }
    s.phones = of_type("TELEPHONE").iter().map(|c| text_of(c.get("valeur"))).filter(|n| !n.trim().is_empty()).collect();
    s.email = of_type("COURRIEL").first().map(|c| text_of(c.get("valeur"))).unwrap_or_default();
    s.website = of_type("SITE_INTERNET").first().map(|c| text_of(c.get("valeur"))).unwrap_or_default();
    let mut hours = dila_hours(&list_of(local.get("plage_ouverture").cloned()));
    let comment = clean_line(&text_of(local.get("commentaire_plage_ouverture")));
    if let (Ok(text), false) = (&mut hours, comment.is_empty()) {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&comment);
    }
    set_hours(&mut s, hours);
    s
}

fn set_hours(s: &mut Service, hours: Result<String, String>) {
    match hours {
        Ok(text) => s.hours = text,
        Err(raw) => s.hours_unread = Some(raw),
    }
}

// ---- the flattened CSV ----

fn read_flat_csv(text: &str) -> Result<(Vec<Service>, Vec<Unread>), ExportError> {
    let (rows, unterminated) = parse_csv(text, detect_separator(text));
    let mut rows = rows.into_iter().filter(|r| r.fields.iter().any(|f| !f.trim().is_empty()));
    let header = rows.next().ok_or(ExportError::UnknownShape)?;
    let col = |name: &str| header.fields.iter().position(|h| h.trim() == name);
    let (Some(kind), Some(name)) = (col("categorie"), col("official_name")) else {
        return Err(ExportError::UnknownShape);
    };
    let cols = [
        col("contact:phone"),
        col("contact:website"),
        col("contact:email"),
        col("longitude"),
        col("latitude"),
        col("address_txt"),
        col("opening_hours"),
        col("insee"),
        col("id"),
    ];
    let mut services = Vec::new();
    let mut unread = Vec::new();
    for row in rows {
        if row.fields.len() != header.fields.len() {
            unread.push(Unread {
                at: row.line,
                reason: format!("{} fields, the header has {}", row.fields.len(), header.fields.len()),
            });
            continue;
        }
        let cell = |i: Option<usize>| i.map(|i| row.fields[i].trim().to_string()).unwrap_or_default();
        let [phone, website, email, lon, lat, address, hours, insee, id] = cols.map(cell);
        let mut s = Service {
            id,
            kinds: vec![cell(Some(kind)).to_ascii_lowercase()],
            name: cell(Some(name)),
            insee,
            latitude: number_of(Some(&Value::String(lat))),
            longitude: number_of(Some(&Value::String(lon))),
            phones: if phone.is_empty() { Vec::new() } else { vec![phone] },
            email,
            website,
            ..Service::default()
        };
        (s.address, s.postcode, s.commune) = split_address(&address);
        set_hours(&mut s, osm_hours(&hours));
        services.push(s);
    }
    if let Some(line) = unterminated {
        unread.push(Unread { at: line, reason: "a quoted field is never closed".into() });
    }
    Ok((services, unread))
}

/// A one-line address (`"Centre médico-social  78 allée d'Albret 47600 Nérac"`) split at its
/// last postcode: the street part, the postcode, the commune (`Cedex` and what follows
/// dropped from it). No postcode: all of it is the street part.
fn split_address(line: &str) -> (String, String, String) {
    let line = clean_line(line);
    let words: Vec<&str> = line.split(' ').collect();
    let Some(i) = words.iter().rposition(|w| geo::is_postcode(w)) else { return (line, String::new(), String::new()) };
    let street = words[..i].join(" ").trim_end_matches(',').to_string();
    let mut commune: Vec<&str> = words[i + 1..].to_vec();
    if let Some(c) = commune.iter().position(|w| w.eq_ignore_ascii_case("cedex")) {
        commune.truncate(c);
    }
    let commune = commune.join(" ").trim_end_matches(',').to_string();
    (street, words[i].to_string(), commune)
}

// ---- opening hours ----

const DAYS_FR: [&str; 7] = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const DAYS_OSM: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// Days (`0` Monday to `6` Sunday) and the times open on them, in minutes.
#[derive(Clone, Debug, PartialEq)]
struct Rule {
    days: Vec<(u8, u8)>,
    spans: Vec<(u16, u16)>,
}

fn minutes(hm: &str) -> Option<u16> {
    let mut parts = hm.trim().split(':');
    let h: u16 = parts.next()?.parse().ok()?;
    let m: u16 = parts.next()?.parse().ok()?;
    // Seconds, as DILA writes them, must be zero.
    if parts.next().is_some_and(|s| s.parse::<u16>() != Ok(0)) || parts.next().is_some() {
        return None;
    }
    (h <= 24 && m < 60 && h * 60 + m <= 24 * 60).then_some(h * 60 + m)
}

/// `9 h`, `12 h 30`.
fn time_fr(m: u16) -> String {
    match m % 60 {
        0 => format!("{} h", m / 60),
        r => format!("{} h {r:02}", m / 60),
    }
}

fn days_fr(days: &[(u8, u8)]) -> String {
    let part = |&(a, b): &(u8, u8)| match b - a {
        0 => DAYS_FR[a as usize].to_string(),
        1 => format!("{} et {}", DAYS_FR[a as usize], DAYS_FR[b as usize]),
        _ => format!("du {} au {}", DAYS_FR[a as usize], DAYS_FR[b as usize]),
    };
    let parts: Vec<String> = days.iter().map(part).collect();
    let text = match parts.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} et {last}", init.join(", ")),
    };
    let mut chars = text.chars();
    chars.next().map(|c| std::iter::once(crate::domain::case::upper(c)).chain(chars).collect()).unwrap_or_default()
}

/// The rules as French text, one line a rule, in the order of the week:
/// `"Du lundi au vendredi : de 9 h à 12 h 30 et de 13 h 30 à 17 h"`.
fn rules_fr(mut rules: Vec<Rule>) -> String {
    crate::domain::sort::sort_by_key(&mut rules, |r| r.days.first().map(|d| d.0));
    rules
        .iter()
        .map(|r| {
            let spans: Vec<String> =
                r.spans.iter().map(|&(a, b)| format!("de {} à {}", time_fr(a), time_fr(b))).collect();
            format!("{} : {}", days_fr(&r.days), spans.join(" et "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// OpenStreetMap `opening_hours` of the simple form the export uses
/// (`"Mo-Fr 09:00-12:30,13:30-17:30; Sa 09:00-12:00"`, `"Tu,Th 14:00-17:00"`) as French text;
/// `Err` with the value for anything else (public holidays, `off`, months, comments).
fn osm_hours(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(String::new());
    }
    let bad = || value.to_string();
    let day = |d: &str| DAYS_OSM.iter().position(|x| *x == d).map(|i| i as u8);
    let mut rules = Vec::new();
    for rule in value.split(';').map(str::trim).filter(|r| !r.is_empty()) {
        let (days, times) = rule.split_once(' ').ok_or_else(bad)?;
        let mut ds = Vec::new();
        for part in days.split(',') {
            let (a, b) = match part.split_once('-') {
                Some((a, b)) => (day(a).ok_or_else(bad)?, day(b).ok_or_else(bad)?),
                None => (day(part).ok_or_else(bad)?, day(part).ok_or_else(bad)?),
            };
            if a > b {
                return Err(bad());
            }
            ds.push((a, b));
        }
        let mut spans = Vec::new();
        for span in times.trim().split(',') {
            let (a, b) = span.split_once('-').ok_or_else(bad)?;
            let (a, b) = (minutes(a).ok_or_else(bad)?, minutes(b).ok_or_else(bad)?);
            if a >= b {
                return Err(bad());
            }
            spans.push((a, b));
        }
        rules.push(Rule { days: ds, spans });
    }
    Ok(rules_fr(rules))
}

/// DILA's `plage_ouverture` (`nom_jour_debut`, `nom_jour_fin`, `valeur_heure_debut_1`, ...,
/// `commentaire`) as French text; `Err` with the record when a day or a time cannot be read.
fn dila_hours(ranges: &[Value]) -> Result<String, String> {
    let mut rules = Vec::new();
    let mut comments = Vec::new();
    for r in ranges {
        let bad = || r.to_string();
        let day = |k: &str| {
            let name = crate::domain::case::lowercase(&text_of(r.get(k)));
            DAYS_FR.iter().position(|d| *d == name.trim()).map(|i| i as u8)
        };
        let (a, b) = (day("nom_jour_debut").ok_or_else(bad)?, day("nom_jour_fin").ok_or_else(bad)?);
        if a > b {
            return Err(bad());
        }
        let mut spans = Vec::new();
        for i in 1..=2 {
            let (from, to) = (
                text_of(r.get(format!("valeur_heure_debut_{i}").as_str())),
                text_of(r.get(format!("valeur_heure_fin_{i}").as_str())),
            );
            if from.trim().is_empty() && to.trim().is_empty() {
                continue;
            }
            let (from, to) = (minutes(&from).ok_or_else(bad)?, minutes(&to).ok_or_else(bad)?);
            if from >= to {
                return Err(bad());
            }
            spans.push((from, to));
        }
        let comment = clean_line(&text_of(r.get("commentaire")));
        if !comment.is_empty() {
            comments.push(comment);
        }
        if spans.is_empty() {
            return Err(bad());
        }
        rules.push(Rule { days: vec![(a, b)], spans });
    }
    let mut text = rules_fr(rules);
    for c in comments {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&c);
    }
    Ok(text)
}

// ---- entries ----

/// Where the facts of an export come from, named on every entry it gives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The file as downloaded (`"services_publics.csv"`).
    pub file: String,
    /// The date of the export, as its publisher gives it (`"08/2025"`, `"2026-10-06"`).
    pub date: String,
}

impl Attribution {
    /// The `source` of each entry: the producer, the licence, the file and its date.
    pub fn source(&self) -> String {
        format!(
            "Service-Public.fr, Annuaire de l'administration (DILA), Licence Ouverte 2.0 : {}, {}",
            clean_line(&self.file),
            clean_line(&self.date)
        )
    }
}

/// What became of a service.
#[derive(Clone, Debug, PartialEq)]
#[expect(
    clippy::large_enum_variant,
    reason = "one per record, read once by the report: a box would add an allocation per kept entry"
)]
pub enum Outcome {
    Kept {
        entry: Entry,
        dropped: Vec<DroppedField>,
        hours_unread: Option<String>,
    },
    /// Refused by the directory's checks (no name, an unsafe link).
    Refused {
        id: String,
        name: String,
        reason: RejectReason,
    },
    /// No département could be found (no INSEE code, no postcode).
    NoDepartment {
        id: String,
        name: String,
    },
}

/// A `+33` number written the French way (`"+33 2 51 97 69 69"` gives `"02 51 97 69 69"`);
/// any other number as it is.
fn national_number(n: &str) -> String {
    let digits: String = n.chars().filter(char::is_ascii_digit).collect();
    match digits.strip_prefix("33") {
        Some(rest) if n.trim_start().starts_with('+') && rest.len() == 9 => {
            let d = format!("0{rest}");
            (0..5).map(|i| &d[i * 2..i * 2 + 2]).collect::<Vec<_>>().join(" ")
        }
        _ => n.to_string(),
    }
}

/// The id of a pack's entry: `dila-`, its département, the DILA id (`"dila-69-0001e12f-…"`),
/// so that an entry (a favourite, a link) says which pack holds it.
pub fn pack_entry_id(department: &str, dila_id: &str) -> String {
    format!("dila-{}-{}", department.to_ascii_lowercase(), dila_id.trim().to_ascii_lowercase())
}

/// The département of a pack's entry, from its id (see [`pack_entry_id`]).
pub fn department_of_entry_id(id: &str) -> Option<String> {
    let rest = id.strip_prefix("dila-")?;
    let (department, _) = rest.split_once('-')?;
    let department = department.to_ascii_uppercase();
    geo::is_department(&department).then_some(department)
}

/// The département of an INSEE commune code (`"85128"` gives `"85"`, `"97411"` `"974"`,
/// `"2A004"` `"2A"`).
pub fn department_of_insee(code: &str) -> Option<String> {
    let code = code.trim().to_ascii_uppercase();
    if code.len() != 5 {
        return None;
    }
    let d = if code.starts_with("97") || code.starts_with("98") { &code[..3] } else { &code[..2] };
    geo::is_department(d).then(|| d.to_string())
}

/// The Cocon entries of the services of the kinds kept, in the export's order; services of
/// other kinds are left out silently.
pub fn to_entries(services: &[Service], kinds: &[Kind], attribution: &Attribution) -> Vec<Outcome> {
    let source = attribution.source();
    services
        .iter()
        .filter_map(|s| {
            let categories: Vec<String> =
                kinds.iter().filter(|k| s.kinds.contains(&k.code)).flat_map(|k| k.categories.clone()).collect();
            if categories.is_empty() {
                return None;
            }
            let from_insee = department_of_insee(&s.insee);
            let department = from_insee.clone().or_else(|| geo::department_of_postcode(s.postcode.trim()));
            let Some(department) = department else {
                return Some(Outcome::NoDepartment { id: s.id.clone(), name: s.name.clone() });
            };
            let id = pack_entry_id(&department, &s.id);
            // A postcode of another département than the commune's is a typing error of the
            // source ("49800 Lille"): searching by postcode would find the place far away.
            let mut postcode = s.postcode.trim().to_string();
            let mut wrong_postcode = None;
            if from_insee.is_some() && geo::department_of_postcode(&postcode).is_some_and(|d| d != department) {
                let reason =
                    RejectReason::PostcodeElsewhere { postcode: postcode.clone(), department: department.clone() };
                wrong_postcode = Some(DroppedField { field: Field::Postcode, reason });
                postcode.clear();
            }
            let draft = EntryDraft {
                id: id.clone(),
                name: s.name.clone(),
                categories,
                address: s.address.clone(),
                postcode,
                commune: s.commune.clone(),
                department,
                latitude: s.latitude,
                longitude: s.longitude,
                phones: s.phones.iter().map(|p| national_number(p)).collect(),
                email: s.email.clone(),
                website: s.website.clone(),
                hours: s.hours.clone(),
                source: source.clone(),
                ..EntryDraft::default()
            };
            Some(match draft.validate_keeping(Origin::Bundled) {
                Ok((entry, mut dropped)) => {
                    dropped.extend(wrong_postcode);
                    Outcome::Kept { entry, dropped, hours_unread: s.hours_unread.clone() }
                }
                Err(reason) => Outcome::Refused { id, name: s.name.clone(), reason },
            })
        })
        .collect()
}

/// The kept entries grouped by département, each list sorted by id (so a pack changes
/// only when its data does).
pub fn packs(outcomes: &[Outcome]) -> BTreeMap<String, Vec<Entry>> {
    let mut by: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
    for o in outcomes {
        if let Outcome::Kept { entry, .. } = o {
            by.entry(entry.department.clone()).or_default().push(entry.clone());
        }
    }
    for entries in by.values_mut() {
        crate::domain::sort::sort_by(entries, |a, b| a.id.cmp(&b.id));
        entries.dedup_by(|a, b| a.id == b.id);
    }
    by
}

/// The list of the packs a build ships (`/content/directory/index.json`): for each
/// département, its number of entries and a short hash of its file (so a changed pack is
/// fetched again, and an unchanged one is not).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackIndex {
    pub version: u64,
    /// What the packs are made from ([`Attribution::source`]).
    pub source: String,
    pub packs: BTreeMap<String, PackInfo>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackInfo {
    pub entries: usize,
    pub hash: String,
}

impl PackIndex {
    pub fn from_json(text: &str) -> Result<PackIndex, String> {
        let index: PackIndex = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if index.version != super::DIRECTORY_VERSION {
            return Err(format!("version {}, expected {}", index.version, super::DIRECTORY_VERSION));
        }
        if let Some(d) = index.packs.keys().find(|d| !geo::is_department(d)) {
            return Err(format!("{d:?} is not a département"));
        }
        Ok(index)
    }

    /// The address of a département's pack under `/content/`, when there is one.
    pub fn pack_path(&self, department: &str) -> Option<String> {
        self.packs.get(department).map(|p| format!("directory/{department}.json?v={}", p.hash))
    }
}

/// A short hash of a pack's text (FNV-1a, 64 bits, in hex): it only tells versions apart.
pub fn pack_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// A département's pack: a directory document (`docs/directory-format.md`) whose `about`
/// names the source and the département.
pub fn pack_document(department: &str, entries: &[Entry], attribution: &Attribution) -> String {
    let about = format!("Département {department}. {}", attribution.source());
    serde_json::to_string(&super::import::document_value(entries, Some(&about))).unwrap_or_default()
}

/// Every pack's file and the index of them all, from the outcomes of [`to_entries`].
pub fn pack_files(outcomes: &[Outcome], attribution: &Attribution) -> (BTreeMap<String, String>, PackIndex) {
    let mut files = BTreeMap::new();
    let mut index =
        PackIndex { version: super::DIRECTORY_VERSION, source: attribution.source(), packs: BTreeMap::new() };
    for (department, entries) in packs(outcomes) {
        let text = pack_document(&department, &entries, attribution);
        index.packs.insert(department.clone(), PackInfo { entries: entries.len(), hash: pack_hash(&text) });
        files.insert(department, text);
    }
    (files, index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::directory::Category;

    const CSV_SAMPLE: &str = include_str!("../../../tests/fixtures/dila/services_publics-sample.csv");
    const JSONL_SAMPLE: &str = include_str!("../../../tests/fixtures/dila/annuaire_local-sample.jsonl");
    const OFFICIAL_SAMPLE: &str = include_str!("../../../tests/fixtures/dila/service-officiel-sample.json");

    fn attribution() -> Attribution {
        Attribution { file: "services_publics.csv".into(), date: "08/2025".into() }
    }

    fn kept(outcomes: &[Outcome]) -> Vec<&Entry> {
        outcomes.iter().filter_map(|o| if let Outcome::Kept { entry, .. } = o { Some(entry) } else { None }).collect()
    }

    #[test]
    fn real_records_of_the_flat_csv_become_entries() {
        let (services, unread) = read_export(CSV_SAMPLE).unwrap();
        assert!(unread.is_empty(), "{unread:?}");
        let rows = CSV_SAMPLE.lines().count() - 1;
        assert_eq!(services.len(), rows);
        let outcomes = to_entries(&services, &kinds(), &attribution());
        let entries = kept(&outcomes);
        // Every record of a kind kept is kept; the others (pcb, point_justice, ...) are not.
        let of_kinds = services.iter().filter(|s| kinds().iter().any(|k| s.kinds.contains(&k.code))).count();
        assert_eq!(entries.len(), of_kinds, "{outcomes:#?}");
        assert!(entries.len() >= 60);
        for e in &entries {
            assert!(
                e.id.starts_with(&format!("dila-{}-", e.department.to_ascii_lowercase())) && !e.name.is_empty(),
                "{e:?}"
            );
            assert!(geo::is_department(&e.department), "{e:?}");
            assert!(
                e.source.contains("DILA") && e.source.contains("Licence Ouverte 2.0") && e.source.contains("08/2025")
            );
            assert_eq!(e.origin, Origin::Bundled);
            assert!(e.phones.iter().all(|p| !p.contains("+33")), "{:?}", e.phones);
        }
        let albi = entries.iter().find(|e| e.id == "dila-81-04200a4f-bf22-4c7f-8dcc-7851b8c8031c").unwrap();
        assert_eq!(department_of_entry_id(&albi.id).as_deref(), Some("81"));
        assert_eq!(department_of_entry_id("dila-2a-x").as_deref(), Some("2A"));
        assert_eq!(department_of_entry_id("partage-besancon"), None);
        assert_eq!(department_of_entry_id("dila-99-x"), None);
        assert_eq!(albi.name, "Centre de protection maternelle et infantile (PMI) - Albi - Gabriel-Compayre");
        assert_eq!(albi.categories, [Category::PmiCentre]);
        assert_eq!(albi.phones, ["05 63 49 02 24"]);
        assert_eq!((albi.email.as_str(), albi.website.as_str()), ("pmi-ds@tarn.fr", "https://www.tarn.fr/accueil"));
        assert_eq!(
            (albi.address.as_str(), albi.postcode.as_str(), albi.commune.as_str(), albi.department.as_str()),
            ("17 rue Gabriel-Compayre", "81000", "Albi", "81")
        );
        assert_eq!((albi.latitude, albi.longitude), (Some(43.9274253845), Some(2.14825510979)));
        assert_eq!(albi.hours, "Du lundi au vendredi : de 9 h à 12 h 30 et de 13 h 30 à 17 h 30");
        // The kinds that matter most are there.
        for c in [Category::PmiCentre, Category::Administrative, Category::Association] {
            assert!(entries.iter().any(|e| e.categories.contains(&c)), "{c:?}");
        }
    }

    #[test]
    fn the_normalised_and_the_official_shapes_give_the_same_entry() {
        let (jsonl, unread) = read_export(JSONL_SAMPLE).unwrap();
        assert!(unread.is_empty());
        let (official, unread) = read_export(OFFICIAL_SAMPLE).unwrap();
        assert!(unread.is_empty());
        assert_eq!(jsonl.len(), 2);
        assert_eq!(official.len(), 2);
        let from_jsonl = to_entries(&jsonl, &kinds(), &attribution());
        let from_official = to_entries(&official, &kinds(), &attribution());
        // France services is not a kind kept by default.
        assert_eq!(kept(&from_jsonl).len(), 1);
        assert_eq!(kept(&from_jsonl), kept(&from_official));
        let ccas = kept(&from_jsonl)[0];
        assert_eq!(ccas.id, "dila-31-000b23e6-22a5-450c-9198-11de9308e147");
        assert_eq!(ccas.phones, ["05 61 94 68 80"]);
        assert_eq!(
            (ccas.postcode.as_str(), ccas.commune.as_str(), ccas.department.as_str()),
            ("31110", "Bagnères-de-Luchon", "31")
        );
        assert_eq!(ccas.address, "23 Allees d'Etigny");
        // Its hours and their comment, when France services is kept.
        let mut all = kinds();
        all.push(Kind { code: "france_services".into(), categories: vec!["administrative".into()], label: "x".into() });
        let fs = to_entries(&jsonl, &all, &attribution());
        let fs = kept(&fs).into_iter().find(|e| e.name.starts_with("France services")).unwrap().clone();
        assert_eq!(fs.hours, "Jeudi : de 9 h à 12 h\nUniquement sur rendez-vous.");
        assert_eq!(fs.address, "Mairie, 1 rue du 4 Septembre");
    }

    #[test]
    fn hostile_records_lose_the_bad_field_or_are_refused_and_nothing_is_guessed() {
        let header = "categorie,official_name,branch,name,contact:phone,contact:website,contact:email,ref:FR:SIRET,longitude,latitude,address_txt,opening_hours,insee,id,millesime";
        let rows = [
            // An unsafe website anywhere refuses the entry.
            "pmi,PMI - A,,,05 00 00 00 01,javascript:alert(1),,,1.0,45.0,1 rue A 81000 Albi,,81004,aaaa-1,08/2025",
            // A bad phone, e-mail and coordinates are dropped, the entry kept.
            "pmi,PMI - B,,,call us,https://b.example.fr,not-an-email,,999,45.0,2 rue B 81000 Albi,Mo-Fr 09:00-99:00,81004,aaaa-2,08/2025",
            // No name.
            "pmi,,,,05 00 00 00 03,,,,1.0,45.0,3 rue C 81000 Albi,,81004,aaaa-3,08/2025",
            // No INSEE code and no postcode: no département.
            "pmi,PMI - D,,,05 00 00 00 04,,,,,,Le Bourg,,,aaaa-4,08/2025",
            // Bidirectional controls and markup stay text, the controls removed.
            "caf,\"Caf \u{202E}<script>x</script>\",,,,,,,,,10 rue E 75019 Paris,,75119,aaaa-5,08/2025",
            // A kind not kept.
            "gendarmerie,Brigade,,,05 00 00 00 06,,,,1.0,45.0,6 rue F 81000 Albi,,81004,aaaa-6,08/2025",
            // A postcode of another département than its commune's: the postcode goes.
            "pif,Point info famille - Lille,,,,,,,3.06,50.63,1 rue H 49800 Lille,,59350,aaaa-7,08/2025",
            // A row with too few fields.
            "pmi,PMI - G,,",
        ];
        let text = format!("{header}\n{}\n", rows.join("\n"));
        let (services, unread) = read_export(&text).unwrap();
        assert_eq!(unread.len(), 1, "{unread:?}");
        assert_eq!(unread[0].at, 9);
        let outcomes = to_entries(&services, &kinds(), &attribution());
        assert_eq!(outcomes.len(), 6, "the gendarmerie is left out: {outcomes:#?}");
        assert!(matches!(&outcomes[0], Outcome::Refused { reason: RejectReason::UnsafeLink { .. }, .. }));
        let Outcome::Kept { entry, dropped, hours_unread } = &outcomes[1] else { panic!("{:?}", outcomes[1]) };
        assert!(
            entry.phones.is_empty()
                && entry.email.is_empty()
                && entry.coordinates().is_none()
                && entry.hours.is_empty()
        );
        assert_eq!(entry.website, "https://b.example.fr");
        assert_eq!(dropped.len(), 3, "{dropped:?}");
        assert_eq!(hours_unread.as_deref(), Some("Mo-Fr 09:00-99:00"));
        assert!(matches!(&outcomes[2], Outcome::Refused { reason: RejectReason::MissingName, .. }));
        assert!(matches!(&outcomes[3], Outcome::NoDepartment { .. }));
        let Outcome::Kept { entry, .. } = &outcomes[4] else { panic!() };
        assert_eq!(entry.name, "Caf <script>x</script>");
        let Outcome::Kept { entry, dropped, .. } = &outcomes[5] else { panic!() };
        assert_eq!((entry.postcode.as_str(), entry.commune.as_str(), entry.department.as_str()), ("", "Lille", "59"));
        assert_eq!(
            dropped[0].reason,
            RejectReason::PostcodeElsewhere { postcode: "49800".into(), department: "59".into() }
        );
    }

    #[test]
    fn exports_of_an_unknown_shape_or_broken_json_are_refused_whole() {
        assert_eq!(read_export("a,b,c\n1,2,3\n"), Err(ExportError::UnknownShape));
        assert_eq!(read_export(""), Err(ExportError::UnknownShape));
        assert!(matches!(read_export("[1, 2"), Err(ExportError::Json { .. })));
        assert_eq!(read_export("42"), Err(ExportError::UnknownShape));
        // JSON lines: a broken line is reported, the others read.
        let lines = format!("{}\n{{\"broken\n", JSONL_SAMPLE.lines().next().unwrap());
        let (services, unread) = read_export(&lines).unwrap();
        assert_eq!((services.len(), unread.len(), unread[0].at), (1, 1, 2));
        // A record that is not of the directory.
        let (services, unread) = read_export(r#"{"service": [{"x": 1}, "text"]}"#).unwrap();
        assert!(services.is_empty());
        assert_eq!(unread.len(), 2);
    }

    #[test]
    fn packs_group_by_departement_and_read_back_as_directory_documents() {
        let (services, _) = read_export(CSV_SAMPLE).unwrap();
        let outcomes = to_entries(&services, &kinds(), &attribution());
        let (files, index) = pack_files(&outcomes, &attribution());
        assert_eq!(files.len(), index.packs.len());
        let total: usize = index.packs.values().map(|p| p.entries).sum();
        assert_eq!(total, kept(&outcomes).len());
        for (department, text) in &files {
            let entries = super::super::load_bundled(text).unwrap_or_else(|e| panic!("{department}: {e}"));
            assert!(entries.iter().all(|e| &e.department == department));
            assert_eq!(index.packs[department].hash, pack_hash(text));
        }
        let json = serde_json::to_string(&index).unwrap();
        assert_eq!(PackIndex::from_json(&json).unwrap(), index);
        let d = index.packs.keys().next().unwrap();
        assert_eq!(index.pack_path(d), Some(format!("directory/{d}.json?v={}", index.packs[d].hash)));
        assert_eq!(index.pack_path("99"), None);
        assert!(PackIndex::from_json(r#"{"version":1,"source":"x","packs":{"99":{"entries":1,"hash":"0"}}}"#).is_err());
        assert!(PackIndex::from_json(r#"{"version":2,"source":"x","packs":{}}"#).is_err());
    }

    /// The packs shipped in `public/content/directory/` load, match their index, and, when
    /// they are the sample's (the repository's), are exactly what the converter makes of the
    /// fixture's real records (rebuild them with the command of `docs/directory-packs.md`).
    /// A deployer's packs of the whole export are checked the same way but for that last part.
    #[test]
    fn the_shipped_packs_load_and_match_their_index() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/content/directory");
        let index =
            PackIndex::from_json(&std::fs::read_to_string(dir.join("index.json")).expect("index.json")).unwrap();
        let mut names: Vec<String> =
            std::fs::read_dir(&dir).unwrap().map(|f| f.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        let mut listed: Vec<String> =
            index.packs.keys().map(|d| format!("{d}.json")).chain(["index.json".into()]).collect();
        listed.sort();
        assert_eq!(names, listed, "every pack listed, nothing else in the folder");
        for (department, info) in &index.packs {
            let text = std::fs::read_to_string(dir.join(format!("{department}.json"))).unwrap();
            let entries = super::super::load_bundled(&text).unwrap_or_else(|e| panic!("{department}: {e}"));
            assert_eq!((entries.len(), pack_hash(&text)), (info.entries, info.hash.clone()), "{department}");
            assert!(entries.iter().all(|e| &e.department == department && e.source == index.source));
        }
        let sample = Attribution {
            file: "services_publics.csv (extrait, Base de données locales)".into(),
            date: "08/2025".into(),
        };
        if index.source == sample.source() {
            let (services, _) = read_export(CSV_SAMPLE).unwrap();
            let (files, built) = pack_files(&to_entries(&services, &kinds(), &sample), &sample);
            assert_eq!(built, index, "index.json is stale: rebuild the packs");
            for (department, text) in &files {
                assert_eq!(&std::fs::read_to_string(dir.join(format!("{department}.json"))).unwrap(), text);
            }
        }
    }

    #[test]
    fn the_kinds_file_reads_and_names_only_known_categories() {
        let kinds = kinds();
        assert!(kinds.len() >= 6, "{kinds:?}");
        assert_eq!(kinds[0].code, "pmi", "PMI first");
        for k in &kinds {
            assert!(!k.label.is_empty());
            for c in &k.categories {
                assert!(Category::parse(c).is_some(), "{}: {c}", k.code);
            }
        }
        assert_eq!(kinds.iter().find(|k| k.code == "pmi").unwrap().categories, ["pmi_centre"]);
    }

    #[test]
    fn osm_hours_read_as_french() {
        assert_eq!(
            osm_hours("Mo-Fr 09:00-12:30,13:30-17:30; Sa 09:00-12:00").unwrap(),
            "Du lundi au vendredi : de 9 h à 12 h 30 et de 13 h 30 à 17 h 30\nSamedi : de 9 h à 12 h"
        );
        assert_eq!(osm_hours("Th 09:00-12:00").unwrap(), "Jeudi : de 9 h à 12 h");
        assert_eq!(osm_hours("Tu,Th 14:00-17:00").unwrap(), "Mardi et jeudi : de 14 h à 17 h");
        assert_eq!(osm_hours("Mo-Tu 09:00-12:00").unwrap(), "Lundi et mardi : de 9 h à 12 h");
        // Out of order in the data, in the order of the week here.
        assert_eq!(
            osm_hours("Fr 14:00-17:00; Mo-Tu 09:00-12:00").unwrap(),
            "Lundi et mardi : de 9 h à 12 h\nVendredi : de 14 h à 17 h"
        );
        assert_eq!(osm_hours("").unwrap(), "");
        for bad in [
            "Mo-Fr",
            "PH off",
            "Mo-Fr 09:00-25:00",
            "Fr-Mo 09:00-12:00",
            "Mo 12:00-09:00",
            "Xx 09:00-12:00",
            "Mo 9h-12h",
        ] {
            assert_eq!(osm_hours(bad), Err(bad.to_string()), "{bad}");
        }
    }

    #[test]
    fn dila_hours_read_as_french_with_their_comments() {
        let ranges: Vec<Value> = serde_json::from_str(
            r#"[{"nom_jour_debut":"Lundi","nom_jour_fin":"Mardi","valeur_heure_debut_1":"08:15:00","valeur_heure_fin_1":"12:00:00","valeur_heure_debut_2":"13:30:00","valeur_heure_fin_2":"16:15:00"},
                {"nom_jour_debut":"Jeudi","nom_jour_fin":"Jeudi","valeur_heure_debut_1":"09:00:00","valeur_heure_fin_1":"12:00:00","commentaire":"Sur rendez-vous"}]"#,
        )
        .unwrap();
        assert_eq!(
            dila_hours(&ranges).unwrap(),
            "Lundi et mardi : de 8 h 15 à 12 h et de 13 h 30 à 16 h 15\nJeudi : de 9 h à 12 h\nSur rendez-vous"
        );
        let bad: Vec<Value> =
            serde_json::from_str(r#"[{"nom_jour_debut":"Lundi","nom_jour_fin":"Funday","valeur_heure_debut_1":"08:00:00","valeur_heure_fin_1":"12:00:00"}]"#).unwrap();
        assert!(dila_hours(&bad).is_err());
        assert_eq!(dila_hours(&[]).unwrap(), "");
    }

    #[test]
    fn addresses_split_at_their_postcode() {
        assert_eq!(
            split_address("Centre médico-social  78 allée d'Albret 47600 Nérac"),
            ("Centre médico-social 78 allée d'Albret".into(), "47600".into(), "Nérac".into())
        );
        assert_eq!(
            split_address("61 rue Alain 85931 La Roche-sur-Yon Cedex 9"),
            ("61 rue Alain".into(), "85931".into(), "La Roche-sur-Yon".into())
        );
        assert_eq!(split_address("Le Bourg"), ("Le Bourg".into(), String::new(), String::new()));
    }

    #[test]
    fn numbers_and_departements() {
        assert_eq!(national_number("+33 2 51 97 69 69"), "02 51 97 69 69");
        assert_eq!(national_number("+33  806 000 126"), "08 06 00 01 26");
        assert_eq!(national_number("+262 6 92 29 56 91"), "+262 6 92 29 56 91");
        assert_eq!(national_number("05 53 97 44 00"), "05 53 97 44 00");
        assert_eq!(department_of_insee("85128").as_deref(), Some("85"));
        assert_eq!(department_of_insee("97411").as_deref(), Some("974"));
        assert_eq!(department_of_insee("2A142").as_deref(), Some("2A"));
        assert_eq!(department_of_insee("75119").as_deref(), Some("75"));
        assert_eq!(department_of_insee("1234"), None);
        assert_eq!(department_of_insee("00123"), None);
    }
}
