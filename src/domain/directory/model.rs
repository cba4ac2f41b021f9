//! The directory's entries, and the checks every entry passes before the app holds it.
//!
//! An [`Entry`] is plain text: names, descriptions and hours are never HTML, and a screen
//! shows them as text (a `<script>` in a name is shown as those characters). Links are only
//! `https://`/`http://` (website), `tel:` (built from a checked phone number) and `mailto:`
//! (built from a checked e-mail address).

use super::fold;
use super::geo::{self, LatLon};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// What kind of place or service an entry is. An entry has one or more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Centre de protection maternelle et infantile (PMI).
    PmiCentre,
    /// Lieu d'accueil enfants-parents (LAEP).
    ParentChildPlace,
    /// Accueil du jeune enfant: crèche, halte-garderie, relais petite enfance (RPE, formerly
    /// RAM: the childminders' network).
    Childcare,
    Workshop,
    SupportGroup,
    PerinatalMentalHealth,
    BreastfeedingSupport,
    Maternity,
    Midwife,
    Association,
    /// CAF, CPAM and other administrations.
    Administrative,
    Helpline,
    Emergency,
    /// Training for professionals.
    Training,
    Other,
}

impl Category {
    pub const ALL: [Category; 15] = [
        Category::PmiCentre,
        Category::ParentChildPlace,
        Category::Childcare,
        Category::Workshop,
        Category::SupportGroup,
        Category::PerinatalMentalHealth,
        Category::BreastfeedingSupport,
        Category::Maternity,
        Category::Midwife,
        Category::Association,
        Category::Administrative,
        Category::Helpline,
        Category::Emergency,
        Category::Training,
        Category::Other,
    ];

    /// The id written in the data (snake_case, as serde writes it).
    pub fn id(self) -> &'static str {
        match self {
            Category::PmiCentre => "pmi_centre",
            Category::ParentChildPlace => "parent_child_place",
            Category::Childcare => "childcare",
            Category::Workshop => "workshop",
            Category::SupportGroup => "support_group",
            Category::PerinatalMentalHealth => "perinatal_mental_health",
            Category::BreastfeedingSupport => "breastfeeding_support",
            Category::Maternity => "maternity",
            Category::Midwife => "midwife",
            Category::Association => "association",
            Category::Administrative => "administrative",
            Category::Helpline => "helpline",
            Category::Emergency => "emergency",
            Category::Training => "training",
            Category::Other => "other",
        }
    }

    /// The French words also accepted in imported files (as [`fold::key`]s).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Category::PmiCentre => &[
                "pmi",
                "centre_pmi",
                "centre_de_pmi",
                "protection_maternelle_et_infantile",
                "protection_maternelle_infantile",
                "consultation_pmi",
            ],
            Category::ParentChildPlace => &[
                "laep",
                "lieu_accueil_enfants_parents",
                "lieu_d_accueil_enfants_parents",
                "lieu_d_accueil_parents_enfants",
                "parent_child",
            ],
            Category::Childcare => &[
                "creche",
                "creches",
                "micro_creche",
                "creche_familiale",
                "creche_parentale",
                "multi_accueil",
                "halte_garderie",
                "haltes_garderies",
                "garderie",
                "relais_petite_enfance",
                "rpe",
                "ram",
                "relais_assistantes_maternelles",
                "relais_d_assistantes_maternelles",
                "relais_assistants_maternels",
                "relais_d_assistants_maternels",
                "assistante_maternelle",
                "assistantes_maternelles",
                "accueil_du_jeune_enfant",
                "accueil_jeune_enfant",
                "mode_de_garde",
                "modes_de_garde",
            ],
            Category::Workshop => &["atelier", "ateliers", "atelier_parents_enfants", "atelier_d_eveil"],
            Category::SupportGroup => {
                &["groupe_de_parole", "groupes_de_parole", "groupe_de_soutien", "groupe_soutien", "groupe_de_pairs"]
            }
            Category::PerinatalMentalHealth => {
                &["sante_mentale_perinatale", "psychiatrie_perinatale", "perinatal_mental"]
            }
            Category::BreastfeedingSupport => {
                &["allaitement", "soutien_allaitement", "soutien_a_l_allaitement", "breastfeeding"]
            }
            Category::Maternity => &["maternite"],
            Category::Midwife => &["sage_femme", "sages_femmes"],
            Category::Association => &["associations", "centre_social"],
            Category::Administrative => &["administratif", "administration", "caf", "cpam"],
            Category::Helpline => &["ligne_d_ecoute", "ligne_ecoute", "ecoute", "numero_d_ecoute"],
            Category::Emergency => &["urgence", "urgences"],
            Category::Training => &["formation", "formations"],
            Category::Other => &["autre", "autres"],
        }
    }

    /// The category of an id or French alias, whatever its case and accents
    /// (`"Sage-femme"`, `"LAEP"`, `"perinatal_mental_health"`).
    pub fn parse(s: &str) -> Option<Category> {
        let k = fold::key(s);
        Category::ALL.into_iter().find(|c| c.id() == k || c.aliases().contains(&k.as_str()))
    }

    /// The bit of this category in a set of categories.
    pub(crate) fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// Who an entry is for. An entry has one or more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Audience {
    #[serde(rename = "pregnancy")]
    Pregnancy,
    /// Parents of a baby under 1.
    #[serde(rename = "age_0_1")]
    Age0To1,
    /// Parents of a child from 1 to 3.
    #[serde(rename = "age_1_3")]
    Age1To3,
    /// The father or other co-parent.
    #[serde(rename = "second_parent")]
    SecondParent,
    /// Every parent, whatever the stage.
    #[serde(rename = "all")]
    All,
    /// Professionals only (training actions): parents can filter these out.
    #[serde(rename = "professionals")]
    Professionals,
}

impl Audience {
    pub const ALL: [Audience; 6] = [
        Audience::Pregnancy,
        Audience::Age0To1,
        Audience::Age1To3,
        Audience::SecondParent,
        Audience::All,
        Audience::Professionals,
    ];

    /// The id written in the data.
    pub fn id(self) -> &'static str {
        match self {
            Audience::Pregnancy => "pregnancy",
            Audience::Age0To1 => "age_0_1",
            Audience::Age1To3 => "age_1_3",
            Audience::SecondParent => "second_parent",
            Audience::All => "all",
            Audience::Professionals => "professionals",
        }
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Audience::Pregnancy => &[
                "grossesse",
                "femmes_enceintes",
                "femme_enceinte",
                "futures_meres",
                "future_mere",
                "futures_mamans",
                "future_maman",
                "future_parents",
                "futurs_parents",
                "futur_parent",
                "futurs_peres",
                "perinatalite",
            ],
            Audience::Age0To1 => &["0_1", "0_1_an", "0_12_mois", "bebe", "nourrisson", "nourrissons"],
            Audience::Age1To3 => &["1_3", "1_3_ans", "tout_petits", "toddler"],
            Audience::SecondParent => {
                &["coparent", "co_parent", "deuxieme_parent", "second_parent", "peres", "papas", "fathers"]
            }
            Audience::All => &["tous", "tout_public", "parents", "everyone", "tous_les_parents"],
            Audience::Professionals => &["professionnels", "pros", "professionnels_de_sante", "professional"],
        }
    }

    /// The audience of an id or French alias, whatever its case and accents.
    pub fn parse(s: &str) -> Option<Audience> {
        let k = fold::key(s);
        Audience::ALL.into_iter().find(|a| a.id() == k || a.aliases().contains(&k.as_str()))
    }

    /// The audiences of one value as people write it: an id or alias ([`Audience::parse`]),
    /// or an age range ([`age_range_audiences`]: `"0-3 ans"` is both ages).
    pub fn parse_all(s: &str) -> Option<Vec<Audience>> {
        Audience::parse(s).map(|a| vec![a]).or_else(|| age_range_audiences(s))
    }

    pub(crate) fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// The ages an age range written in French (or English) covers, in months, from `lo`
/// (included) to `hi`: `"0-3 ans"`, `"0 à 3 ans"`, `"de 6 mois à 2 ans"`, `"6-24 mois"`,
/// `"entre 0 et 6 ans"`, `"moins de 3 ans"`, `"moins d'un an"`, `"jusqu'à 3 ans"`,
/// `"de la naissance à 3 ans"`. A range with no unit is in years. `None` for anything else
/// (a single age, words that are not about ages).
pub fn age_range_months(text: &str) -> Option<(u32, u32)> {
    #[derive(Clone, Copy, PartialEq)]
    enum Unit {
        Years,
        Months,
    }
    // Words, with numbers cut from the letters they touch ("3ans" is "3 ans").
    let folded = fold::fold(text);
    let mut tokens: Vec<String> = Vec::new();
    for word in folded.split(' ').filter(|w| !w.is_empty()) {
        let mut current = String::new();
        for c in word.chars() {
            if !current.is_empty() && current.chars().last().is_some_and(|p| p.is_ascii_digit()) != c.is_ascii_digit() {
                tokens.push(std::mem::take(&mut current));
            }
            current.push(c);
        }
        tokens.push(current);
    }
    let mut numbers: Vec<(u32, Option<Unit>)> = Vec::new();
    let mut upper_only = false;
    for (i, t) in tokens.iter().enumerate() {
        let t = t.as_str();
        let next_is_unit = tokens.get(i + 1).is_some_and(|n| matches!(n.as_str(), "an" | "ans" | "annee" | "mois"));
        match t {
            _ if !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()) => {
                numbers.push((t.parse().ok()?, None));
            }
            "un" | "une" | "one" if next_is_unit => numbers.push((1, None)),
            "naissance" | "birth" => numbers.push((0, Some(Unit::Months))),
            "an" | "ans" | "annee" | "annees" | "year" | "years" => match numbers.last_mut() {
                Some((_, unit @ None)) => *unit = Some(Unit::Years),
                _ => return None,
            },
            "mois" | "month" | "months" => match numbers.last_mut() {
                Some((_, unit @ None)) => *unit = Some(Unit::Months),
                _ => return None,
            },
            "moins" | "jusqu" | "avant" | "under" | "up" if numbers.is_empty() => upper_only = true,
            "de" | "d" | "du" | "des" | "la" | "le" | "les" | "l" | "entre" | "a" | "au" | "aux" | "et" | "to"
            | "from" | "enfant" | "enfants" | "age" | "ages" | "agee" | "agees" | "aged" | "children" | "child" => {}
            _ => return None,
        }
    }
    let months = |(n, unit): (u32, Option<Unit>), default: Unit| match unit.unwrap_or(default) {
        Unit::Years => n.saturating_mul(12),
        Unit::Months => n,
    };
    let (lo, hi) = match numbers.as_slice() {
        [upper] if upper_only && upper.1.is_some() => (0, months(*upper, Unit::Years)),
        [from, to] if !upper_only => {
            let unit = to.1.or(from.1).unwrap_or(Unit::Years);
            (months(*from, unit), months(*to, unit))
        }
        _ => return None,
    };
    (lo < hi).then_some((lo, hi))
}

/// The audiences among [`Audience::Age0To1`] (under 1) and [`Audience::Age1To3`] (1 to 3)
/// that an age range ([`age_range_months`]) overlaps: `"0-3 ans"` and `"0-6 ans"` are both,
/// `"0-12 mois"` is under 1, `"6-24 mois"` both, `"6-11 ans"` neither (`None`).
pub fn age_range_audiences(text: &str) -> Option<Vec<Audience>> {
    let (lo, hi) = age_range_months(text)?;
    let mut out = Vec::new();
    if lo < 12 {
        out.push(Audience::Age0To1);
    }
    if lo < 36 && hi > 12 {
        out.push(Audience::Age1To3);
    }
    (!out.is_empty()).then_some(out)
}

/// The bits of the audiences that are parents (everything but professionals).
pub(crate) const PARENT_AUDIENCES: u8 = 0b01_1111;
const ALL_BIT: u8 = 1 << (Audience::All as u8);

/// Whether an entry for `entry` (a set of audience bits) suits someone looking for any of
/// `wanted` (a set of bits; empty means no filter). `All` on either side stands for every
/// parent audience, never for professionals.
pub(crate) fn audience_matches(entry: u8, wanted: u8) -> bool {
    if wanted == 0 || entry & wanted != 0 {
        return true;
    }
    (entry & ALL_BIT != 0 && wanted & PARENT_AUDIENCES != 0) || (wanted & ALL_BIT != 0 && entry & PARENT_AUDIENCES != 0)
}

pub(crate) fn audience_bits(audience: &[Audience]) -> u8 {
    audience.iter().fold(0, |bits, a| bits | a.bit())
}

pub(crate) fn category_bits(categories: &[Category]) -> u16 {
    categories.iter().fold(0, |bits, c| bits | c.bit())
}

/// Whether using the entry costs something.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cost {
    Free,
    Paid,
    #[default]
    Unknown,
}

impl Cost {
    /// `free`/`gratuit`, `paid`/`payant`, `unknown`/`inconnu` or empty.
    pub fn parse(s: &str) -> Option<Cost> {
        match fold::key(s).as_str() {
            "" | "unknown" | "inconnu" | "non_renseigne" | "a_verifier" => Some(Cost::Unknown),
            "free" | "gratuit" | "gratuite" | "gratuits" | "gratuites" => Some(Cost::Free),
            "paid" | "payant" | "payante" | "payants" | "payantes" => Some(Cost::Paid),
            _ => None,
        }
    }
}

/// Where an entry comes from. Ids are unique within one origin (the bundled file, one
/// imported source, or the parent's own entries), not across origins.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Origin {
    /// Shipped with the app (`public/content/directory.json` or the national helplines).
    Bundled,
    /// Imported by the parent from a file; `source` is the name given to that import.
    Imported { source: String },
    /// Written by the parent.
    Own,
}

/// One place, service or line. Text is plain text in French (the data's one language),
/// with an optional English description. An unknown field is empty (or `None`): the app
/// never guesses a phone number, an address or hours.
///
/// Serialised with the field names of the exchange format (`docs/directory-format.md`)
/// plus `origin`, so the app can store its imported and own entries as they are.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
    /// Who runs it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    pub categories: Vec<Category>,
    /// Short description, in French.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The description in English, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_en: Option<String>,
    pub audience: Vec<Audience>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub postcode: String,
    /// The commune, or several separated by commas when an action covers several.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub commune: String,
    /// The département code (`"38"`, `"2A"`, `"974"`); filled from the postcode when the
    /// data does not give it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub department: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    /// Numbers to call, as written for people (`"04 74 00 00 00"`, `"+33 4 74 00 00 00"`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<String>,
    /// Numbers that only take text messages (the 114).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sms: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// An `https://` or `http://` address.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub website: String,
    /// Opening hours, as text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hours: String,
    /// Languages spoken, preferably as ISO 639-1 codes (`"fr"`, `"en"`, `"ar"`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    #[serde(default)]
    pub cost: Cost,
    /// The document or organisation the facts come from.
    pub source: String,
    /// The day the facts were last checked against the source.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::iso_date::de::optional"
    )]
    pub last_verified: Option<NaiveDate>,
    pub origin: Origin,
}

impl Entry {
    /// The entry's point, when it has both coordinates.
    pub fn coordinates(&self) -> Option<LatLon> {
        LatLon::new(self.latitude?, self.longitude?)
    }

    /// An entry with no place at all (no address, postcode, commune, département or
    /// coordinates): a national service such as a helpline, relevant everywhere.
    pub fn is_national(&self) -> bool {
        self.address.is_empty()
            && self.postcode.is_empty()
            && self.commune.is_empty()
            && self.department.is_empty()
            && self.coordinates().is_none()
    }

    /// Whether the entry is only for professionals.
    pub fn is_for_professionals_only(&self) -> bool {
        !self.audience.is_empty() && self.audience.iter().all(|a| *a == Audience::Professionals)
    }

    /// The communes of the entry (the `commune` field split at commas), trimmed.
    pub fn communes(&self) -> impl Iterator<Item = &str> {
        self.commune.split(',').map(str::trim).filter(|c| !c.is_empty())
    }
}

/// The `tel:` link of a checked phone number (`"04 74 00 00 00"` gives `"tel:0474000000"`).
pub fn tel_uri(number: &str) -> String {
    format!("tel:{}", number.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>())
}

/// The `sms:` link of a checked number.
pub fn sms_uri(number: &str) -> String {
    format!("sms:{}", number.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>())
}

/// The `mailto:` link of a checked e-mail address.
pub fn mailto_uri(email: &str) -> String {
    format!("mailto:{email}")
}

/// A field of an entry, as named in the JSON format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Name,
    Organisation,
    Categories,
    Description,
    DescriptionEn,
    Audience,
    Address,
    Postcode,
    Commune,
    Department,
    Latitude,
    Longitude,
    Phones,
    Sms,
    Email,
    Website,
    Hours,
    Languages,
    Cost,
    Source,
    LastVerified,
}

impl Field {
    pub const ALL: [Field; 22] = [
        Field::Id,
        Field::Name,
        Field::Organisation,
        Field::Categories,
        Field::Description,
        Field::DescriptionEn,
        Field::Audience,
        Field::Address,
        Field::Postcode,
        Field::Commune,
        Field::Department,
        Field::Latitude,
        Field::Longitude,
        Field::Phones,
        Field::Sms,
        Field::Email,
        Field::Website,
        Field::Hours,
        Field::Languages,
        Field::Cost,
        Field::Source,
        Field::LastVerified,
    ];

    /// The key in the JSON format.
    pub fn json_name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Name => "name",
            Field::Organisation => "organisation",
            Field::Categories => "categories",
            Field::Description => "description",
            Field::DescriptionEn => "description_en",
            Field::Audience => "audience",
            Field::Address => "address",
            Field::Postcode => "postcode",
            Field::Commune => "commune",
            Field::Department => "department",
            Field::Latitude => "latitude",
            Field::Longitude => "longitude",
            Field::Phones => "phones",
            Field::Sms => "sms",
            Field::Email => "email",
            Field::Website => "website",
            Field::Hours => "hours",
            Field::Languages => "languages",
            Field::Cost => "cost",
            Field::Source => "source",
            Field::LastVerified => "last_verified",
        }
    }

    /// The CSV header names accepted for this field, English then French, as [`fold::key`]s
    /// (so `"Code postal"`, `"code_postal"` and `"CODE-POSTAL"` are all `code_postal`).
    pub fn csv_names(self) -> &'static [&'static str] {
        match self {
            Field::Id => &["id", "identifier", "identifiant", "ref", "reference"],
            Field::Name => &["name", "nom", "intitule", "titre"],
            Field::Organisation => {
                &["organisation", "organization", "organisme", "porteur", "gestionnaire", "structure"]
            }
            Field::Categories => &["categories", "category", "categorie", "type", "types"],
            Field::Description => &["description", "descriptif", "presentation"],
            Field::DescriptionEn => {
                &["description_en", "english_description", "description_anglais", "description_anglaise"]
            }
            Field::Audience => &["audience", "public", "publics", "public_cible"],
            Field::Address => &["address", "adresse"],
            Field::Postcode => &["postcode", "postal_code", "zip", "zip_code", "code_postal", "cp"],
            Field::Commune => &["commune", "city", "town", "ville", "communes"],
            Field::Department => &["department", "departement", "dept", "dep", "code_departement"],
            Field::Latitude => &["latitude", "lat"],
            Field::Longitude => &["longitude", "lon", "lng", "long"],
            Field::Phones => &["phones", "phone", "telephone", "telephones", "tel"],
            Field::Sms => &["sms"],
            Field::Email => &["email", "e_mail", "mail", "courriel", "adresse_mail", "adresse_e_mail"],
            Field::Website => &["website", "web", "url", "site", "site_web", "site_internet"],
            Field::Hours => &["hours", "opening_hours", "horaires", "horaires_d_ouverture", "heures_d_ouverture"],
            Field::Languages => &["languages", "langues", "langues_parlees"],
            Field::Cost => &["cost", "price", "cout", "tarif", "gratuit_payant"],
            Field::Source => &["source"],
            Field::LastVerified => &[
                "last_verified",
                "verified",
                "verified_on",
                "derniere_verification",
                "verifie_le",
                "date_de_verification",
            ],
        }
    }

    /// The field a CSV header names, if any.
    pub fn from_csv_header(header: &str) -> Option<Field> {
        let k = fold::key(header);
        Field::ALL.into_iter().find(|f| f.csv_names().contains(&k.as_str()))
    }

    /// The field a JSON key names, if any.
    pub fn from_json_name(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.json_name() == key)
    }

    /// The longest text accepted, in characters (for a list: for each item).
    pub fn max_chars(self) -> usize {
        match self {
            Field::Id => 64,
            Field::Name | Field::Organisation => 200,
            Field::Description | Field::DescriptionEn => 1000,
            Field::Address => 200,
            Field::Commune => 200,
            Field::Hours => 500,
            Field::Email => 254,
            Field::Website => 500,
            Field::Source => 300,
            Field::Phones | Field::Sms => 25,
            Field::Languages => 40,
            _ => 40,
        }
    }

    /// The most items a list field accepts.
    pub fn max_items(self) -> usize {
        match self {
            Field::Categories => Category::ALL.len(),
            Field::Audience => Audience::ALL.len(),
            Field::Phones | Field::Sms => 5,
            Field::Languages => 20,
            _ => 1,
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.json_name())
    }
}

/// Why one record (a CSV row or a JSON entry) was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RejectReason {
    /// The name is missing or blank.
    MissingName,
    /// The source is missing or blank (the bundled file must name one; an import uses its
    /// own name when the row has none).
    MissingSource,
    /// An id with characters other than letters, digits, `-`, `_`, `.`, `:`.
    BadId(String),
    /// The same id as an earlier record of the file (on `line`).
    DuplicateId {
        id: String,
        first_line: usize,
    },
    UnknownCategory(String),
    UnknownAudience(String),
    /// Not five digits (or `2A`/`2B` and three digits).
    BadPostcode(String),
    /// A postcode of another département than the one given for the commune.
    PostcodeElsewhere {
        postcode: String,
        department: String,
    },
    BadDepartment(String),
    /// Only one of latitude and longitude, a value out of range, or not a number.
    BadCoordinates,
    /// Characters other than digits, spaces and a leading `+` (dots and hyphens between
    /// digits are read as spaces), or not 2 to 15 digits.
    BadPhone(String),
    BadEmail(String),
    /// Not an `https://` or `http://` address with a plain host name.
    BadWebsite(String),
    /// A `javascript:`, `data:` or `vbscript:` address anywhere, or a link field with a
    /// scheme other than `http(s):`, `tel:` or `mailto:`.
    UnsafeLink {
        field: Field,
        value: String,
    },
    BadCost(String),
    /// Not `YYYY-MM-DD` (or `DD/MM/YYYY`), or not a real date.
    BadDate(String),
    TooLong {
        field: Field,
        max_chars: usize,
    },
    TooManyValues {
        field: Field,
        max: usize,
    },
    /// A JSON key that is not a field of the format.
    UnknownField(String),
    /// A JSON record of the wrong shape (not an object, a wrong type).
    Malformed(String),
    /// A CSV row with a different number of fields than the header.
    WrongFieldCount {
        expected: usize,
        found: usize,
    },
    /// A CSV row whose quoted field never closes (the rest of the file is lost).
    UnterminatedQuote,
}

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use RejectReason::*;
        match self {
            MissingName => write!(f, "the name is missing"),
            MissingSource => write!(f, "the source is missing"),
            BadId(id) => write!(f, "invalid id {id:?}"),
            DuplicateId { id, first_line } => write!(f, "id {id:?} already used on line {first_line}"),
            UnknownCategory(c) => write!(f, "unknown category {c:?}"),
            UnknownAudience(a) => write!(f, "unknown audience {a:?}"),
            BadPostcode(p) => write!(f, "postcode {p:?} is not 5 digits"),
            PostcodeElsewhere { postcode, department } => {
                write!(f, "postcode {postcode:?} is not in the commune's département {department}")
            }
            BadDepartment(d) => write!(f, "unknown département {d:?}"),
            BadCoordinates => write!(f, "latitude and longitude must both be valid numbers"),
            BadPhone(p) => write!(f, "phone {p:?} is not a phone number"),
            BadEmail(e) => write!(f, "e-mail {e:?} is not an e-mail address"),
            BadWebsite(w) => write!(f, "website {w:?} is not an http(s) address"),
            UnsafeLink { field, value } => write!(f, "{field}: unsafe link {value:?}"),
            BadCost(c) => write!(f, "cost {c:?} is not free, paid or unknown"),
            BadDate(d) => write!(f, "date {d:?} is not YYYY-MM-DD"),
            TooLong { field, max_chars } => write!(f, "{field} is longer than {max_chars} characters"),
            TooManyValues { field, max } => write!(f, "{field} has more than {max} values"),
            UnknownField(k) => write!(f, "unknown field {k:?}"),
            Malformed(d) => write!(f, "malformed record: {d}"),
            WrongFieldCount { expected, found } => write!(f, "{found} fields, the header has {expected}"),
            UnterminatedQuote => write!(f, "a quoted field is never closed"),
        }
    }
}

/// A refused record: the line where it starts in the file (1-based) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    pub line: usize,
    pub reason: RejectReason,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

fn null_as_empty<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

fn null_as_empty_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(Option::<Vec<String>>::deserialize(d)?.unwrap_or_default())
}

/// An entry as read from a file or a form, before any check: every field as text.
/// [`EntryDraft::validate`] turns it into an [`Entry`] or says why not.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EntryDraft {
    #[serde(deserialize_with = "null_as_empty")]
    pub id: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub name: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub organisation: String,
    #[serde(deserialize_with = "null_as_empty_list")]
    pub categories: Vec<String>,
    #[serde(deserialize_with = "null_as_empty")]
    pub description: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub description_en: String,
    #[serde(deserialize_with = "null_as_empty_list")]
    pub audience: Vec<String>,
    #[serde(deserialize_with = "null_as_empty")]
    pub address: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub postcode: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub commune: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub department: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    #[serde(deserialize_with = "null_as_empty_list")]
    pub phones: Vec<String>,
    #[serde(deserialize_with = "null_as_empty_list")]
    pub sms: Vec<String>,
    #[serde(deserialize_with = "null_as_empty")]
    pub email: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub website: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub hours: String,
    #[serde(deserialize_with = "null_as_empty_list")]
    pub languages: Vec<String>,
    #[serde(deserialize_with = "null_as_empty")]
    pub cost: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub source: String,
    #[serde(deserialize_with = "null_as_empty")]
    pub last_verified: String,
}

/// Bidirectional-text controls: dropped, so a name cannot display reversed.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// One line of text: trimmed, every run of whitespace or control characters made one space.
pub(crate) fn clean_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if is_bidi_control(c) {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// A block of text (descriptions, hours): line breaks kept (`\r\n` made `\n`, at most one
/// empty line in a row), each line cleaned as by [`clean_line`], trimmed.
pub(crate) fn clean_block(s: &str) -> String {
    let normalised = s.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<String> = Vec::new();
    for line in normalised.split('\n').map(clean_line) {
        if line.is_empty() && lines.last().is_none_or(|l: &String| l.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

/// Whether the text holds a `javascript:`, `vbscript:` or `data:` address (whitespace and
/// control characters inside the word ignored, as browsers do in URLs).
pub(crate) fn has_unsafe_scheme(s: &str) -> bool {
    let squeezed: String = s.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    let squeezed = crate::domain::case::lowercase(&squeezed);
    if squeezed.contains("javascript:") || squeezed.contains("vbscript:") {
        return true;
    }
    // `data:` directly followed by something (a MIME type, a comma): not "data: 2020".
    let lower = crate::domain::case::lowercase(s);
    lower.match_indices("data:").any(|(i, _)| {
        let starts_word = lower[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let next = lower[i + 5..].chars().next();
        starts_word && next.is_some_and(|c| !c.is_whitespace())
    })
}

/// The URL scheme at the start of `s` (`"https"` for `"HTTPS://x"`), if it has one.
fn scheme_of(s: &str) -> Option<String> {
    let colon = s.find(':')?;
    let scheme = &s[..colon];
    let ok = !scheme.is_empty()
        && scheme.as_bytes()[0].is_ascii_alphabetic()
        && scheme.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-' || b == b'.');
    ok.then(|| scheme.to_ascii_lowercase())
}

fn is_host(host: &str) -> bool {
    let (name, port) = match host.rsplit_once(':') {
        Some((name, port)) => (name, Some(port)),
        None => (host, None),
    };
    port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()))
        && name.contains('.')
        && name.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// `s` without its `prefix` (compared ignoring ASCII case), if it starts with it.
fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

/// Whether `s` starts with a URL scheme (`xyz:` not followed by a digit, which would be a
/// host and port such as `example.fr:8080`).
fn has_scheme(s: &str) -> bool {
    scheme_of(s).is_some_and(|scheme| !s[scheme.len() + 1..].starts_with(|c: char| c.is_ascii_digit()))
}

/// An `http(s)://` address with a plain host, or a bare host (`www.example.fr/...`, which
/// gets `https://`). Returns the address to keep.
fn check_website(s: &str) -> Result<String, RejectReason> {
    let bad = || RejectReason::BadWebsite(s.to_string());
    if s.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '\\' | '<' | '>' | '"')) {
        return Err(bad());
    }
    let (scheme, rest) = if let Some(rest) = strip_prefix_ignore_case(s, "https://") {
        ("https", rest)
    } else if let Some(rest) = strip_prefix_ignore_case(s, "http://") {
        ("http", rest)
    } else if has_scheme(s) {
        return match scheme_of(s).as_deref() {
            Some("http" | "https" | "tel" | "mailto") => Err(bad()),
            _ => Err(RejectReason::UnsafeLink { field: Field::Website, value: s.to_string() }),
        };
    } else {
        ("https", s)
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if !is_host(host) {
        return Err(bad());
    }
    Ok(format!("{scheme}://{rest}"))
}

/// A phone number: an optional `tel:` (or `sms:`), then digits and spaces with an optional
/// leading `+` (dots and hyphens read as spaces); 2 to 15 digits. Returns it as written,
/// spaces tidied.
fn check_phone(s: &str, field: Field) -> Result<String, RejectReason> {
    let body = match strip_prefix_ignore_case(s, "tel:").or_else(|| strip_prefix_ignore_case(s, "sms:")) {
        Some(body) => body,
        None if has_scheme(s) => return Err(RejectReason::UnsafeLink { field, value: s.to_string() }),
        None => s,
    };
    let spaced: String = body.chars().map(|c| if c == '.' || c == '-' { ' ' } else { c }).collect();
    let tidy = clean_line(&spaced);
    let plus_ok = tidy.find('+').is_none_or(|i| i == 0 && tidy.matches('+').count() == 1);
    let chars_ok = tidy.chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '+');
    let digits = tidy.bytes().filter(u8::is_ascii_digit).count();
    if !plus_ok || !chars_ok || !(2..=15).contains(&digits) {
        return Err(RejectReason::BadPhone(s.to_string()));
    }
    Ok(tidy)
}

/// An e-mail address `local@host.tld` (an optional `mailto:` dropped). Returns the address.
fn check_email(s: &str) -> Result<String, RejectReason> {
    let addr = match strip_prefix_ignore_case(s, "mailto:") {
        Some(addr) => addr,
        None if has_scheme(s) && s.find('@').is_none_or(|at| s.find(':').is_some_and(|colon| colon < at)) => {
            return Err(RejectReason::UnsafeLink { field: Field::Email, value: s.to_string() })
        }
        None => s,
    };
    let bad = || RejectReason::BadEmail(s.to_string());
    let (local, host) = addr.split_once('@').ok_or_else(bad)?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && local.chars().all(|c| c.is_alphanumeric() || "._%+-'!#$&*=?^`{|}~".contains(c));
    let tld_ok =
        host.rsplit('.').next().is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()));
    if !local_ok || host.contains(':') || !is_host(host) || !tld_ok {
        return Err(bad());
    }
    Ok(addr.to_string())
}

/// `YYYY-MM-DD`, or `DD/MM/YYYY` as French spreadsheets write it.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let iso = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if iso {
        return crate::domain::iso_date::parse_ymd(s);
    }
    let fr = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| if i == 2 || i == 5 { b == b'/' } else { b.is_ascii_digit() });
    if fr {
        return crate::domain::iso_date::parse_dmy(s);
    }
    None
}

pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

fn limit(field: Field, s: String) -> Result<String, RejectReason> {
    if s.chars().count() > field.max_chars() {
        return Err(RejectReason::TooLong { field, max_chars: field.max_chars() });
    }
    Ok(s)
}

fn limit_items<T>(field: Field, items: Vec<T>) -> Result<Vec<T>, RejectReason> {
    if items.len() > field.max_items() {
        return Err(RejectReason::TooManyValues { field, max: field.max_items() });
    }
    Ok(items)
}

impl EntryDraft {
    /// Every text of the draft with the field it belongs to.
    fn texts(&self) -> impl Iterator<Item = (Field, &str)> {
        let singles = [
            (Field::Id, &self.id),
            (Field::Name, &self.name),
            (Field::Organisation, &self.organisation),
            (Field::Description, &self.description),
            (Field::DescriptionEn, &self.description_en),
            (Field::Address, &self.address),
            (Field::Postcode, &self.postcode),
            (Field::Commune, &self.commune),
            (Field::Department, &self.department),
            (Field::Email, &self.email),
            (Field::Website, &self.website),
            (Field::Hours, &self.hours),
            (Field::Cost, &self.cost),
            (Field::Source, &self.source),
            (Field::LastVerified, &self.last_verified),
        ];
        let lists = [
            (Field::Categories, &self.categories),
            (Field::Audience, &self.audience),
            (Field::Phones, &self.phones),
            (Field::Sms, &self.sms),
            (Field::Languages, &self.languages),
        ];
        singles
            .into_iter()
            .map(|(f, s)| (f, s.as_str()))
            .chain(lists.into_iter().flat_map(|(f, items)| items.iter().map(move |s| (f, s.as_str()))))
    }

    /// Checks and tidies every field (see `docs/directory-format.md`): the entry, or the
    /// first reason to refuse it. Text is trimmed and kept as plain text.
    pub fn validate(self, origin: Origin) -> Result<Entry, RejectReason> {
        if let Some((field, value)) = self.texts().find(|(_, s)| has_unsafe_scheme(s)) {
            return Err(RejectReason::UnsafeLink { field, value: value.to_string() });
        }
        let name = limit(Field::Name, clean_line(&self.name))?;
        if name.is_empty() {
            return Err(RejectReason::MissingName);
        }
        let id = clean_line(&self.id);
        if !is_valid_id(&id) {
            return Err(RejectReason::BadId(id));
        }
        let id = limit(Field::Id, id)?;
        let organisation = limit(Field::Organisation, clean_line(&self.organisation))?;
        let description = limit(Field::Description, clean_block(&self.description))?;
        let description_en = limit(Field::DescriptionEn, clean_block(&self.description_en))?;
        let address = limit(Field::Address, clean_line(&self.address))?;
        let commune = limit(Field::Commune, clean_line(&self.commune))?;
        let hours = limit(Field::Hours, clean_block(&self.hours))?;
        let source = limit(Field::Source, clean_line(&self.source))?;
        if source.is_empty() {
            return Err(RejectReason::MissingSource);
        }

        let mut categories = Vec::new();
        for raw in limit_items(
            Field::Categories,
            self.categories.iter().map(|s| clean_line(s)).filter(|s| !s.is_empty()).collect(),
        )? {
            let c = Category::parse(&raw).ok_or(RejectReason::UnknownCategory(raw))?;
            if !categories.contains(&c) {
                categories.push(c);
            }
        }
        if categories.is_empty() {
            categories.push(Category::Other);
        }
        let mut audience = Vec::new();
        for raw in limit_items(
            Field::Audience,
            self.audience.iter().map(|s| clean_line(s)).filter(|s| !s.is_empty()).collect(),
        )? {
            for a in Audience::parse_all(&raw).ok_or(RejectReason::UnknownAudience(raw))? {
                if !audience.contains(&a) {
                    audience.push(a);
                }
            }
        }
        if audience.is_empty() {
            audience.push(Audience::All);
        }

        let postcode = clean_line(&self.postcode).to_ascii_uppercase();
        if !postcode.is_empty() && !geo::is_postcode(&postcode) {
            return Err(RejectReason::BadPostcode(postcode));
        }
        let mut department = clean_line(&self.department).to_ascii_uppercase();
        if department.len() == 1 && department.bytes().all(|b| b.is_ascii_digit()) {
            department.insert(0, '0'); // a spreadsheet dropped the leading zero
        }
        if !department.is_empty() && !geo::is_department(&department) {
            return Err(RejectReason::BadDepartment(department));
        }
        if department.is_empty() {
            department = geo::department_of_postcode(&postcode).unwrap_or_default();
        }

        let (latitude, longitude) = match (self.latitude, self.longitude) {
            (None, None) => (None, None),
            (Some(lat), Some(lon)) => {
                let p = LatLon::new(lat, lon).ok_or(RejectReason::BadCoordinates)?;
                if p.lat == 0.0 && p.lon == 0.0 {
                    return Err(RejectReason::BadCoordinates);
                }
                (Some(p.lat), Some(p.lon))
            }
            _ => return Err(RejectReason::BadCoordinates),
        };

        let numbers = |field: Field, raw: &[String]| -> Result<Vec<String>, RejectReason> {
            let raw: Vec<String> = raw.iter().map(|s| clean_line(s)).filter(|s| !s.is_empty()).collect();
            let mut out = Vec::new();
            for s in limit_items(field, raw)? {
                let s = limit(field, s)?;
                let n = check_phone(&s, field)?;
                if !out.contains(&n) {
                    out.push(n);
                }
            }
            Ok(out)
        };
        let phones = numbers(Field::Phones, &self.phones)?;
        let sms = numbers(Field::Sms, &self.sms)?;

        let email = limit(Field::Email, clean_line(&self.email))?;
        let email = if email.is_empty() { email } else { check_email(&email)? };
        let website = limit(Field::Website, self.website.trim().to_string())?;
        let website = if website.is_empty() { website } else { check_website(&website)? };

        let cost_raw = clean_line(&self.cost);
        let cost = Cost::parse(&cost_raw).ok_or(RejectReason::BadCost(cost_raw))?;
        let verified_raw = clean_line(&self.last_verified);
        let last_verified = if verified_raw.is_empty() {
            None
        } else {
            Some(parse_date(&verified_raw).ok_or(RejectReason::BadDate(verified_raw))?)
        };
        let mut languages = Vec::new();
        for raw in limit_items(
            Field::Languages,
            self.languages.iter().map(|s| clean_line(s)).filter(|s| !s.is_empty()).collect(),
        )? {
            let l = limit(Field::Languages, raw)?;
            if !languages.contains(&l) {
                languages.push(l);
            }
        }

        Ok(Entry {
            id,
            name,
            organisation,
            categories,
            description,
            description_en: (!description_en.is_empty()).then_some(description_en),
            audience,
            address,
            postcode,
            commune,
            department,
            latitude,
            longitude,
            phones,
            sms,
            email,
            website,
            hours,
            languages,
            cost,
            source,
            last_verified,
            origin,
        })
    }
}

/// A field an entry was kept without, and why (see [`EntryDraft::validate_keeping`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DroppedField {
    pub field: Field,
    pub reason: RejectReason,
}

impl EntryDraft {
    /// Like [`EntryDraft::validate`], but a field that cannot be read is dropped (with its
    /// reason) instead of refusing the entry: a bad phone number loses that number, an
    /// unknown category that category, a bad date the date. The entry is refused only when
    /// it is unsafe (a `javascript:` address anywhere), has no name or source, or a bad id.
    pub fn validate_keeping(mut self, origin: Origin) -> Result<(Entry, Vec<DroppedField>), RejectReason> {
        let mut dropped = Vec::new();
        // Each round drops one field or value, so this ends; the bound is a safety net.
        for _ in 0..64 {
            let reason = match self.clone().validate(origin.clone()) {
                Ok(entry) => return Ok((entry, dropped)),
                Err(reason) => reason,
            };
            let Some(field) = self.drop_for(&reason) else { return Err(reason) };
            dropped.push(DroppedField { field, reason });
        }
        Err(RejectReason::Malformed("too many unreadable fields".into()))
    }

    /// Removes what `reason` is about, returning its field; `None` when the reason refuses
    /// the whole entry.
    fn drop_for(&mut self, reason: &RejectReason) -> Option<Field> {
        use RejectReason::*;
        let remove = |list: &mut Vec<String>, bad: &str| {
            let before = list.len();
            list.retain(|v| clean_line(v) != bad && v != bad);
            list.len() < before
        };
        // A value of a list goes alone; any other reason empties its whole field.
        let field = match reason {
            UnknownCategory(c) => return remove(&mut self.categories, c).then_some(Field::Categories),
            UnknownAudience(a) => return remove(&mut self.audience, a).then_some(Field::Audience),
            BadPhone(p) => {
                return if remove(&mut self.phones, p) {
                    Some(Field::Phones)
                } else {
                    remove(&mut self.sms, p).then_some(Field::Sms)
                };
            }
            BadPostcode(_) | PostcodeElsewhere { .. } => Field::Postcode,
            BadDepartment(_) => Field::Department,
            BadCoordinates => Field::Latitude,
            BadEmail(_) => Field::Email,
            BadWebsite(_) => Field::Website,
            BadCost(_) => Field::Cost,
            BadDate(_) => Field::LastVerified,
            TooLong { field, .. } | TooManyValues { field, .. } => *field,
            MissingName | MissingSource | BadId(_) | DuplicateId { .. } | UnsafeLink { .. } => return None,
            UnknownField(_) | Malformed(_) | WrongFieldCount { .. } | UnterminatedQuote => return None,
        };
        self.clear(field).then_some(field)
    }

    /// Empties a field that may be left out; `false` for the name, id and source.
    fn clear(&mut self, field: Field) -> bool {
        match field {
            Field::Id | Field::Name | Field::Source => return false,
            Field::Organisation => self.organisation.clear(),
            Field::Categories => self.categories.clear(),
            Field::Description => self.description.clear(),
            Field::DescriptionEn => self.description_en.clear(),
            Field::Audience => self.audience.clear(),
            Field::Address => self.address.clear(),
            Field::Postcode => self.postcode.clear(),
            Field::Commune => self.commune.clear(),
            Field::Department => self.department.clear(),
            Field::Latitude | Field::Longitude => {
                self.latitude = None;
                self.longitude = None;
            }
            Field::Phones => self.phones.clear(),
            Field::Sms => self.sms.clear(),
            Field::Email => self.email.clear(),
            Field::Website => self.website.clear(),
            Field::Hours => self.hours.clear(),
            Field::Languages => self.languages.clear(),
            Field::Cost => self.cost.clear(),
            Field::LastVerified => self.last_verified.clear(),
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(name: &str) -> EntryDraft {
        EntryDraft { id: "x".into(), name: name.into(), source: "test".into(), ..EntryDraft::default() }
    }

    fn check(d: EntryDraft) -> Result<Entry, RejectReason> {
        d.validate(Origin::Own)
    }

    #[test]
    fn validate_keeping_drops_what_cannot_be_read_and_keeps_the_entry() {
        let d = EntryDraft {
            categories: vec!["PMI".into(), "atelier du jeudi".into()],
            audience: vec!["parents".into(), "0-3 ans?".into()],
            phones: vec!["04 74 00 00 00".into(), "appelez-nous".into()],
            email: "nope".into(),
            website: "not a site".into(),
            postcode: "3830".into(),
            latitude: Some(45.0),
            cost: "parfois".into(),
            last_verified: "hier".into(),
            ..draft("Centre")
        };
        let (e, dropped) = d.validate_keeping(Origin::Own).unwrap();
        assert_eq!(e.categories, [Category::PmiCentre]);
        assert_eq!(e.phones, ["04 74 00 00 00"]);
        assert!(e.email.is_empty() && e.website.is_empty() && e.postcode.is_empty() && e.coordinates().is_none());
        assert_eq!((e.cost, e.last_verified), (Cost::Unknown, None));
        let fields: Vec<Field> = dropped.iter().map(|d| d.field).collect();
        for f in [
            Field::Categories,
            Field::Phones,
            Field::Email,
            Field::Website,
            Field::Postcode,
            Field::Latitude,
            Field::Cost,
            Field::LastVerified,
        ] {
            assert!(fields.contains(&f), "{f:?} in {dropped:?}");
        }
        // Only an unsafe entry, or one with no name or source, is refused.
        let unsafe_site = EntryDraft { website: "javascript:alert(1)".into(), ..draft("x") };
        assert!(matches!(unsafe_site.validate_keeping(Origin::Own), Err(RejectReason::UnsafeLink { .. })));
        assert_eq!(draft("").validate_keeping(Origin::Own), Err(RejectReason::MissingName));
        let no_source = EntryDraft { source: String::new(), ..draft("x") };
        assert_eq!(no_source.validate_keeping(Origin::Own), Err(RejectReason::MissingSource));
        // A good draft loses nothing.
        let (e, dropped) = draft("Fine").validate_keeping(Origin::Own).unwrap();
        assert_eq!((e.name.as_str(), dropped.len()), ("Fine", 0));
        let long = EntryDraft { hours: "x".repeat(600), ..draft("Long") };
        let (e, dropped) = long.validate_keeping(Origin::Own).unwrap();
        assert!(e.hours.is_empty());
        assert_eq!(dropped[0].field, Field::Hours);
    }

    #[test]
    fn a_minimal_draft_gets_defaults() {
        let e = check(draft("  Crèche   des\tLilas ")).unwrap();
        assert_eq!(e.name, "Crèche des Lilas");
        assert_eq!(e.categories, vec![Category::Other]);
        assert_eq!(e.audience, vec![Audience::All]);
        assert_eq!(e.cost, Cost::Unknown);
        assert_eq!(e.last_verified, None);
        assert!(e.is_national());
    }

    #[test]
    fn names_ids_and_sources_are_required() {
        assert_eq!(check(draft("  ")), Err(RejectReason::MissingName));
        assert_eq!(check(EntryDraft { id: "a b".into(), ..draft("n") }), Err(RejectReason::BadId("a b".into())));
        assert_eq!(check(EntryDraft { id: "".into(), ..draft("n") }), Err(RejectReason::BadId("".into())));
        assert_eq!(check(EntryDraft { source: " ".into(), ..draft("n") }), Err(RejectReason::MissingSource));
    }

    #[test]
    fn categories_and_audiences_read_ids_and_french_words() {
        let e = check(EntryDraft {
            categories: vec!["LAEP".into(), "Sage-femme".into(), "support_group".into(), "laep".into()],
            audience: vec!["Grossesse".into(), "0-1 an".into(), "professionals".into()],
            ..draft("n")
        })
        .unwrap();
        assert_eq!(e.categories, vec![Category::ParentChildPlace, Category::Midwife, Category::SupportGroup]);
        assert_eq!(e.audience, vec![Audience::Pregnancy, Audience::Age0To1, Audience::Professionals]);
        assert_eq!(
            check(EntryDraft { categories: vec!["piscine".into()], ..draft("n") }),
            Err(RejectReason::UnknownCategory("piscine".into()))
        );
        for c in Category::ALL {
            assert_eq!(Category::parse(c.id()), Some(c));
            for a in c.aliases() {
                assert_eq!(Category::parse(a), Some(c), "{a}");
            }
        }
        for a in Audience::ALL {
            assert_eq!(Audience::parse(a.id()), Some(a));
        }
    }

    #[test]
    fn labels_as_people_write_them() {
        for (written, c) in [
            ("PMI", Category::PmiCentre),
            ("Centre de PMI", Category::PmiCentre),
            ("LAEP", Category::ParentChildPlace),
            ("Lieu d'accueil enfants-parents", Category::ParentChildPlace),
            ("groupe de parole", Category::SupportGroup),
            ("Groupes de parole", Category::SupportGroup),
            ("atelier", Category::Workshop),
            ("RAM", Category::Childcare),
            ("RPE", Category::Childcare),
            ("halte-garderie", Category::Childcare),
            ("Haltes-garderies", Category::Childcare),
            ("crèche", Category::Childcare),
            ("Micro-crèche", Category::Childcare),
            ("multi-accueil", Category::Childcare),
            ("relais petite enfance", Category::Childcare),
            ("Relais d'assistantes maternelles", Category::Childcare),
            ("childcare", Category::Childcare),
        ] {
            assert_eq!(Category::parse(written), Some(c), "{written}");
        }
        for (written, a) in [
            ("femmes enceintes", Audience::Pregnancy),
            ("Femme enceinte", Audience::Pregnancy),
            ("futures mères", Audience::Pregnancy),
            ("Futurs parents", Audience::Pregnancy),
        ] {
            assert_eq!(Audience::parse(written), Some(a), "{written}");
        }
        assert_eq!(Category::ALL.len(), 15);
        assert_eq!(Category::Childcare.id(), "childcare");
        assert_eq!(serde_json::to_string(&Category::Childcare).unwrap(), "\"childcare\"");
        // "RAM/RPE" in one cell is two items of one category.
        let e = check(EntryDraft { categories: vec!["RAM".into(), "RPE".into()], ..draft("n") }).unwrap();
        assert_eq!(e.categories, [Category::Childcare]);
    }

    #[test]
    fn age_ranges_give_the_ages_they_overlap() {
        use Audience::{Age0To1 as Baby, Age1To3 as Toddler};
        type Case = (&'static str, Option<(u32, u32)>, Option<Vec<Audience>>);
        let cases: [Case; 22] = [
            ("0-3 ans", Some((0, 36)), Some(vec![Baby, Toddler])),
            ("0-6 ans", Some((0, 72)), Some(vec![Baby, Toddler])),
            ("0 à 3 ans", Some((0, 36)), Some(vec![Baby, Toddler])),
            ("0 – 3 ans", Some((0, 36)), Some(vec![Baby, Toddler])),
            ("0-3ans", Some((0, 36)), Some(vec![Baby, Toddler])),
            ("de 0 à 6 ans", Some((0, 72)), Some(vec![Baby, Toddler])),
            ("entre 0 et 3 ans", Some((0, 36)), Some(vec![Baby, Toddler])),
            ("Enfants de 0 à 3 ans", Some((0, 36)), Some(vec![Baby, Toddler])),
            ("0-12 mois", Some((0, 12)), Some(vec![Baby])),
            ("moins de 3 ans", Some((0, 36)), Some(vec![Baby, Toddler])),
            ("moins d'un an", Some((0, 12)), Some(vec![Baby])),
            ("jusqu'à 18 mois", Some((0, 18)), Some(vec![Baby, Toddler])),
            ("6-24 mois", Some((6, 24)), Some(vec![Baby, Toddler])),
            ("de 6 mois à 2 ans", Some((6, 24)), Some(vec![Baby, Toddler])),
            ("de la naissance à 3 ans", Some((0, 36)), Some(vec![Baby, Toddler])),
            ("18 mois - 3 ans", Some((18, 36)), Some(vec![Toddler])),
            ("1-3 ans", Some((12, 36)), Some(vec![Toddler])),
            ("3-6 ans", Some((36, 72)), None),
            ("6-11 ans", Some((72, 132)), None),
            ("3 ans", None, None),
            ("3-0 ans", None, None),
            ("tous les parents", None, None),
        ];
        for (text, months, audiences) in cases {
            assert_eq!(age_range_months(text), months, "{text}");
            assert_eq!(age_range_audiences(text), audiences, "{text}");
        }
        for text in ["", "ans", "0-3 ans et plus", "2026-2027", "moins de 3", "0-3 semaines"] {
            assert_eq!(age_range_months(text), None, "{text}");
        }
        // In an entry, a range is read as the ages it covers; one that covers none is unknown.
        let e =
            check(EntryDraft { audience: vec!["femmes enceintes".into(), "0-6 ans".into()], ..draft("n") }).unwrap();
        assert_eq!(e.audience, [Audience::Pregnancy, Baby, Toddler]);
        assert_eq!(
            check(EntryDraft { audience: vec!["6-11 ans".into()], ..draft("n") }),
            Err(RejectReason::UnknownAudience("6-11 ans".into()))
        );
        let (e, dropped) = EntryDraft { audience: vec!["6-11 ans".into(), "0-3 ans".into()], ..draft("n") }
            .validate_keeping(Origin::Own)
            .unwrap();
        assert_eq!(e.audience, [Baby, Toddler]);
        assert_eq!(
            dropped,
            [DroppedField { field: Field::Audience, reason: RejectReason::UnknownAudience("6-11 ans".into()) }]
        );
    }

    #[test]
    fn audience_matching() {
        let bits = |a: &[Audience]| audience_bits(a);
        use Audience::*;
        assert!(audience_matches(bits(&[Pregnancy]), 0));
        assert!(audience_matches(bits(&[Pregnancy]), bits(&[Pregnancy, Age0To1])));
        assert!(!audience_matches(bits(&[Age1To3]), bits(&[Pregnancy])));
        assert!(audience_matches(bits(&[All]), bits(&[SecondParent])));
        assert!(audience_matches(bits(&[Age0To1]), bits(&[All])));
        assert!(!audience_matches(bits(&[All]), bits(&[Professionals])));
        assert!(!audience_matches(bits(&[Professionals]), bits(&[All])));
        assert!(!audience_matches(bits(&[Professionals]), bits(&[Pregnancy])));
    }

    #[test]
    fn postcodes_and_departments() {
        let e = check(EntryDraft { postcode: "38300".into(), ..draft("n") }).unwrap();
        assert_eq!(e.department, "38");
        let e = check(EntryDraft { postcode: "2a004".into(), ..draft("n") }).unwrap();
        assert_eq!((e.postcode.as_str(), e.department.as_str()), ("2A004", "2A"));
        let e = check(EntryDraft { department: "1".into(), ..draft("n") }).unwrap();
        assert_eq!(e.department, "01");
        for bad in ["3830", "383000", "38 300", "ABCDE", "2C004"] {
            assert!(
                matches!(check(EntryDraft { postcode: bad.into(), ..draft("n") }), Err(RejectReason::BadPostcode(_))),
                "{bad}"
            );
        }
        assert_eq!(
            check(EntryDraft { department: "99".into(), ..draft("n") }),
            Err(RejectReason::BadDepartment("99".into()))
        );
    }

    #[test]
    fn coordinates_come_in_pairs_and_in_range() {
        let e = check(EntryDraft { latitude: Some(45.59), longitude: Some(5.27), ..draft("n") }).unwrap();
        assert_eq!(e.coordinates(), Some(LatLon { lat: 45.59, lon: 5.27 }));
        assert!(!e.is_national());
        for (lat, lon) in [(Some(45.0), None), (None, Some(5.0)), (Some(95.0), Some(5.0)), (Some(0.0), Some(0.0))] {
            assert_eq!(
                check(EntryDraft { latitude: lat, longitude: lon, ..draft("n") }),
                Err(RejectReason::BadCoordinates)
            );
        }
    }

    #[test]
    fn phones_only_digits_spaces_and_plus() {
        let e = check(EntryDraft {
            phones: vec!["04.74.00.00.00".into(), "+33 4 74 00 00 01".into(), "tel:3114".into(), " 15 ".into()],
            ..draft("n")
        })
        .unwrap();
        assert_eq!(e.phones, vec!["04 74 00 00 00", "+33 4 74 00 00 01", "3114", "15"]);
        assert_eq!(tel_uri(&e.phones[1]), "tel:+33474000001");
        for bad in ["04 74 AB", "(04) 74", "1", "0474+00", "++33 4", "1234567890123456"] {
            assert!(
                matches!(check(EntryDraft { phones: vec![bad.into()], ..draft("n") }), Err(RejectReason::BadPhone(_))),
                "{bad}"
            );
        }
        assert!(matches!(
            check(EntryDraft { phones: vec!["https://evil.example/0474".into()], ..draft("n") }),
            Err(RejectReason::UnsafeLink { field: Field::Phones, .. })
        ));
        let six: Vec<String> = (0..6).map(|i| format!("0{i} 00 00 00 00")).collect();
        assert_eq!(
            check(EntryDraft { phones: six, ..draft("n") }),
            Err(RejectReason::TooManyValues { field: Field::Phones, max: 5 })
        );
    }

    #[test]
    fn emails_have_a_shape() {
        let e = check(EntryDraft { email: "mailto:contact@pmi-isere.fr".into(), ..draft("n") }).unwrap();
        assert_eq!(e.email, "contact@pmi-isere.fr");
        assert_eq!(mailto_uri(&e.email), "mailto:contact@pmi-isere.fr");
        for bad in ["contact", "a@b", "a@@b.fr", "a b@c.fr", "@c.fr", "a@c.f", "<a@b.fr>", "a@b.fr\"onclick"] {
            assert!(
                matches!(check(EntryDraft { email: bad.into(), ..draft("n") }), Err(RejectReason::BadEmail(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn websites_are_http_or_https_only() {
        let ok = |w: &str| check(EntryDraft { website: w.into(), ..draft("n") }).map(|e| e.website);
        assert_eq!(ok("https://www.caf.fr/allocataires"), Ok("https://www.caf.fr/allocataires".into()));
        assert_eq!(ok("HTTP://example.fr"), Ok("http://example.fr".into()));
        assert_eq!(ok("www.maman-blues.fr"), Ok("https://www.maman-blues.fr".into()));
        assert_eq!(ok("example.fr:8080/x"), Ok("https://example.fr:8080/x".into()));
        for bad in [
            "https://",
            "https://localhost",
            "http://exa mple.fr",
            "https:example.fr",
            "https://user@evil.fr",
            "mailto:a@b.fr",
            "tel:15",
        ] {
            assert!(matches!(ok(bad), Err(RejectReason::BadWebsite(_))), "{bad}: {:?}", ok(bad));
        }
        for bad in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "ftp://example.fr",
            "file:///etc/passwd",
        ] {
            assert!(matches!(ok(bad), Err(RejectReason::UnsafeLink { .. })), "{bad}: {:?}", ok(bad));
        }
    }

    #[test]
    fn no_unsafe_address_anywhere() {
        for (field, d) in [
            (Field::Description, EntryDraft { description: "voir javascript:alert(1)".into(), ..draft("n") }),
            (Field::Name, draft("data:text/html;base64,PHNjcmlwdD4=")),
            (Field::Languages, EntryDraft { languages: vec!["javascript:x".into()], ..draft("n") }),
        ] {
            assert!(matches!(check(d), Err(RejectReason::UnsafeLink { field: f, .. }) if f == field));
        }
        // Ordinary words are fine.
        assert!(check(EntryDraft { description: "Data: 2020. Métadata : aucune.".into(), ..draft("n") }).is_ok());
    }

    #[test]
    fn markup_stays_plain_text() {
        let e = check(EntryDraft {
            description: "<img src=x onerror=alert(1)>".into(),
            ..draft("<script>alert(1)</script>")
        })
        .unwrap();
        assert_eq!(e.name, "<script>alert(1)</script>");
        assert_eq!(e.description, "<img src=x onerror=alert(1)>");
    }

    #[test]
    fn text_is_trimmed_and_limited() {
        let e = check(EntryDraft {
            description: "  Ligne 1\r\n\r\n\r\n  Ligne\u{202E} 2 \n\n".into(),
            hours: "Lun\t9h-12h\u{0}".into(),
            ..draft("n")
        })
        .unwrap();
        assert_eq!(e.description, "Ligne 1\n\nLigne 2");
        assert_eq!(e.hours, "Lun 9h-12h");
        assert_eq!(check(draft(&"é".repeat(201))), Err(RejectReason::TooLong { field: Field::Name, max_chars: 200 }));
        assert!(check(draft(&"é".repeat(200))).is_ok());
        assert_eq!(
            check(EntryDraft { description: "x".repeat(1001), ..draft("n") }),
            Err(RejectReason::TooLong { field: Field::Description, max_chars: 1000 })
        );
    }

    #[test]
    fn cost_and_dates() {
        let e = check(EntryDraft { cost: "Gratuit".into(), last_verified: "23/11/2026".into(), ..draft("n") }).unwrap();
        assert_eq!(e.cost, Cost::Free);
        assert_eq!(e.last_verified, NaiveDate::from_ymd_opt(2026, 11, 23));
        assert_eq!(check(EntryDraft { cost: "5 €".into(), ..draft("n") }), Err(RejectReason::BadCost("5 €".into())));
        for bad in ["2026-02-30", "2026/11/23", "23-11-2026", "demain"] {
            assert_eq!(
                check(EntryDraft { last_verified: bad.into(), ..draft("n") }),
                Err(RejectReason::BadDate(bad.into()))
            );
        }
    }

    #[test]
    fn field_names_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for f in Field::ALL {
            assert!(seen.insert(f.json_name()));
            assert_eq!(Field::from_json_name(f.json_name()), Some(f));
            assert!(f.csv_names().contains(&f.json_name()), "{f}: the JSON name is also a CSV header");
            for n in f.csv_names() {
                assert_eq!(Field::from_csv_header(n), Some(f), "{n}");
            }
        }
        assert_eq!(Field::from_csv_header("Code postal"), Some(Field::Postcode));
        assert_eq!(Field::from_csv_header("Téléphone"), Some(Field::Phones));
    }
}
