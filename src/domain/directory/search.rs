//! Searching the directory: free text (accents and case ignored), filters by category and
//! audience, and a place (postcode, département, commune or coordinates).
//!
//! A [`Directory`] folds every entry's text once when it is built; a search then only
//! compares folded strings.
//!
//! **Text.** The query is folded and split into words; an entry matches when every word
//! is found in its name, category labels, organisation, commune or description (French or
//! English). A word scores by where it is found (name 4 > category label 3 > organisation
//! or commune 2 > description 1) and how (whole word 3 > start of a word 2 > inside a word
//! 1): `field * 10 + how`, the best place for each word, summed over the words.
//!
//! **Place.** See [`Location`]. Postcode, département and commune *narrow* the results to
//! that place and its département, followed by the national entries (no place at all,
//! such as helplines). Coordinates *order* every entry: those with coordinates by distance,
//! then national entries, then the others.
//!
//! **Order.** By place first (when a location is given), then by text score (best first),
//! then by name (folded), then by id.

use super::fold::{fold, fold_into};
use super::geo::{self, haversine_km, LatLon};
use super::model::{audience_bits, audience_matches, category_bits, Audience, Category, Entry};

/// Where the parent is, or the place they look at.
#[derive(Clone, Debug, PartialEq)]
pub enum Location {
    /// A postcode: that postcode first, then the rest of its département.
    Postcode(String),
    /// A département code (`"38"`, `"2A"`, `"974"`).
    Department(String),
    /// A commune name, matched folded (`"bourgoin jallieu"` finds `"Bourgoin-Jallieu"`;
    /// `St`/`Ste` read as `Saint`/`Sainte`): that commune first, then the rest of the
    /// départements of the entries found there.
    Commune(String),
    /// A point: every entry, nearest first.
    Coordinates(LatLon),
}

impl Location {
    /// What a parent typed in one "where" box: a postcode, a département code, or else a
    /// commune name. `None` for blank input.
    pub fn parse(input: &str) -> Option<Location> {
        let s = input.trim();
        let upper = s.to_ascii_uppercase();
        let compact: String = upper.chars().filter(|c| !c.is_whitespace()).collect();
        if s.is_empty() {
            None
        } else if geo::is_postcode(&compact) {
            Some(Location::Postcode(compact))
        } else if geo::is_department(&upper) {
            Some(Location::Department(upper))
        } else {
            Some(Location::Commune(s.to_string()))
        }
    }
}

/// What to look for. The default finds every entry.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Free text; blank for none.
    pub text: String,
    /// Entries with any of these categories; empty for all.
    pub categories: Vec<Category>,
    /// Entries for any of these audiences; empty for all. `All` on either side stands
    /// for every parent audience (never for professionals).
    pub audiences: Vec<Audience>,
    pub location: Option<Location>,
}

/// One result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit<'a> {
    pub entry: &'a Entry,
    /// The text score (0 when the query has no text).
    pub score: u32,
    /// The distance from the query's coordinates, when both are known.
    pub distance_km: Option<f64>,
}

/// Where an entry is, ready to compare.
#[derive(Clone, Debug)]
struct Place {
    postcode: String,
    department: String,
    /// Folded commune keys (see [`commune_key`]).
    communes: Vec<String>,
    coordinates: Option<LatLon>,
    national: bool,
}

impl Place {
    /// The entry's place; `located` stands in for coordinates the entry does not have.
    fn located(entry: &Entry, located: Option<LatLon>) -> Place {
        let mut place = Place::of(entry);
        if place.coordinates.is_none() {
            place.coordinates = located;
        }
        place
    }

    fn of(entry: &Entry) -> Place {
        let department = if entry.department.is_empty() {
            geo::department_of_postcode(&entry.postcode).unwrap_or_default()
        } else {
            entry.department.clone()
        };
        Place {
            postcode: entry.postcode.clone(),
            department,
            communes: entry.communes().map(commune_key).collect(),
            coordinates: entry.coordinates(),
            national: entry.is_national(),
        }
    }
}

/// A commune name folded, with `st`/`ste` spelled `saint`/`sainte`.
pub(crate) fn commune_key(name: &str) -> String {
    fold(name)
        .split(' ')
        .map(|w| match w {
            "st" => "saint",
            "ste" => "sainte",
            w => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A location with what it needs to rank places.
enum Resolved {
    Postcode { postcode: String, department: Option<String> },
    Department(String),
    Commune { key: String, departments: Vec<String> },
    Coordinates(LatLon),
}

impl Resolved {
    fn new<'p>(location: &Location, places: impl Iterator<Item = &'p Place>) -> Resolved {
        match location {
            Location::Postcode(p) => {
                let postcode = p.trim().to_ascii_uppercase();
                let department = geo::department_of_postcode(&postcode);
                Resolved::Postcode { postcode, department }
            }
            Location::Department(d) => Resolved::Department(d.trim().to_ascii_uppercase()),
            Location::Commune(name) => {
                let key = commune_key(name);
                let mut departments: Vec<String> = Vec::new();
                for place in places {
                    if !place.department.is_empty()
                        && place.communes.contains(&key)
                        && !departments.contains(&place.department)
                    {
                        departments.push(place.department.clone());
                    }
                }
                Resolved::Commune { key, departments }
            }
            Location::Coordinates(p) => Resolved::Coordinates(*p),
        }
    }

    /// The place's rank (tier, then distance), or `None` when the location leaves it out.
    fn rank(&self, place: &Place) -> Option<(u8, f64)> {
        let national = || place.national.then_some((2, 0.0));
        match self {
            Resolved::Postcode { postcode, department } => {
                if !postcode.is_empty() && place.postcode == *postcode {
                    Some((0, 0.0))
                } else if department.as_ref().is_some_and(|d| place.department == *d) {
                    Some((1, 0.0))
                } else {
                    national()
                }
            }
            Resolved::Department(d) => {
                if !d.is_empty() && place.department == *d {
                    Some((1, 0.0))
                } else {
                    national()
                }
            }
            Resolved::Commune { key, departments } => {
                if !key.is_empty() && place.communes.contains(key) {
                    Some((0, 0.0))
                } else if departments.contains(&place.department) {
                    Some((1, 0.0))
                } else {
                    national()
                }
            }
            Resolved::Coordinates(from) => Some(match place.coordinates {
                Some(to) => (0, haversine_km(*from, to)),
                None if place.national => (1, 0.0),
                None => (2, 0.0),
            }),
        }
    }
}

/// An entry's folded text, category and audience sets, and place.
#[derive(Clone, Debug)]
struct Indexed {
    name: String,
    organisation: String,
    commune: String,
    /// French and English descriptions.
    description: String,
    categories: u16,
    audience: u8,
    place: Place,
}

const NAME: u32 = 4;
const CATEGORY: u32 = 3;
const ORGANISATION: u32 = 2;
const COMMUNE: u32 = 2;
const DESCRIPTION: u32 = 1;
/// The most query words looked at.
const MAX_WORDS: usize = 16;

/// How `word` occurs in the folded text `hay`: 3 as a whole word, 2 at the start of a
/// word, 1 inside a word, 0 not at all.
fn match_kind(hay: &str, word: &str) -> u32 {
    let bytes = hay.as_bytes();
    let mut best = 0;
    for (i, _) in hay.match_indices(word) {
        if i > 0 && bytes[i - 1] != b' ' {
            best = best.max(1);
            continue;
        }
        let end = i + word.len();
        if end == bytes.len() || bytes[end] == b' ' {
            return 3;
        }
        best = 2;
    }
    best
}

fn field_score(weight: u32, kind: u32) -> u32 {
    if kind == 0 {
        0
    } else {
        weight * 10 + kind
    }
}

/// A set of entries with their search index, built once per data set (and again when the
/// entries or the language of the category labels change).
#[derive(Clone, Debug)]
pub struct Directory {
    entries: Vec<Entry>,
    index: Vec<Indexed>,
    /// The folded label of each category, in the order of [`Category::ALL`].
    labels: Vec<String>,
}

impl Directory {
    /// Indexes `entries`. `label` gives the words a category is found by, in the UI's
    /// language (a label and any synonyms, e.g. "Lieu d'accueil enfants-parents (LAEP)").
    pub fn new(entries: Vec<Entry>, label: impl Fn(Category) -> String) -> Directory {
        Directory::with_places(entries, label, |_| None)
    }

    /// Like [`Directory::new`], with `locate` giving a point for the entries that have no
    /// coordinates (the centre of their commune, from the gazetteer), so that they too sort
    /// by distance.
    pub fn with_places(
        entries: Vec<Entry>,
        label: impl Fn(Category) -> String,
        locate: impl Fn(&Entry) -> Option<LatLon>,
    ) -> Directory {
        let labels = Category::ALL.iter().map(|c| fold(&label(*c))).collect();
        let index = entries
            .iter()
            .map(|e| {
                let mut description = fold(&e.description);
                if let Some(en) = &e.description_en {
                    fold_into(en, &mut description);
                }
                Indexed {
                    name: fold(&e.name),
                    organisation: fold(&e.organisation),
                    commune: fold(&e.commune),
                    description,
                    categories: category_bits(&e.categories),
                    audience: audience_bits(&e.audience),
                    place: Place::located(e, if e.coordinates().is_none() { locate(e) } else { None }),
                }
            })
            .collect();
        Directory { entries, index, labels }
    }

    /// The entries, in the order given.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn into_entries(self) -> Vec<Entry> {
        self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries that match `query`, best first (see the module documentation).
    pub fn search(&self, query: &Query) -> Vec<Hit<'_>> {
        let folded = fold(&query.text);
        let mut words: Vec<&str> = Vec::new();
        for w in folded.split(' ').filter(|w| !w.is_empty()) {
            if !words.contains(&w) && words.len() < MAX_WORDS {
                words.push(w);
            }
        }
        // Per word, the score of each category label.
        let label_scores: Vec<[u32; Category::ALL.len()]> = words
            .iter()
            .map(|w| {
                let mut scores = [0; Category::ALL.len()];
                for (i, label) in self.labels.iter().enumerate() {
                    scores[i] = field_score(CATEGORY, match_kind(label, w));
                }
                scores
            })
            .collect();
        let wanted_categories = category_bits(&query.categories);
        let wanted_audience = audience_bits(&query.audiences);
        let resolved = query.location.as_ref().map(|l| Resolved::new(l, self.index.iter().map(|i| &i.place)));

        let mut hits: Vec<(Hit<'_>, (u8, f64), &str)> = Vec::new();
        'entries: for (entry, ix) in self.entries.iter().zip(&self.index) {
            if wanted_categories != 0 && ix.categories & wanted_categories == 0 {
                continue;
            }
            if !audience_matches(ix.audience, wanted_audience) {
                continue;
            }
            let rank = match &resolved {
                Some(r) => match r.rank(&ix.place) {
                    Some(rank) => rank,
                    None => continue,
                },
                None => (0, 0.0),
            };
            let mut score = 0;
            for (w, labels) in words.iter().zip(&label_scores) {
                let mut best = field_score(NAME, match_kind(&ix.name, w));
                if best < NAME * 10 + 3 {
                    for (i, s) in labels.iter().enumerate() {
                        if ix.categories & (1 << i) != 0 {
                            best = best.max(*s);
                        }
                    }
                }
                if best < CATEGORY * 10 {
                    best = best
                        .max(field_score(ORGANISATION, match_kind(&ix.organisation, w)))
                        .max(field_score(COMMUNE, match_kind(&ix.commune, w)));
                }
                if best == 0 {
                    best = field_score(DESCRIPTION, match_kind(&ix.description, w));
                }
                if best == 0 {
                    continue 'entries;
                }
                score += best;
            }
            let distance_km = match (&resolved, ix.place.coordinates) {
                (Some(Resolved::Coordinates(_)), Some(_)) => Some(rank.1),
                _ => None,
            };
            hits.push((Hit { entry, score, distance_km }, rank, &ix.name));
        }
        crate::domain::sort::sort_by(&mut hits, |(a, ra, na), (b, rb, nb)| {
            ra.0.cmp(&rb.0)
                .then(ra.1.total_cmp(&rb.1))
                .then(b.score.cmp(&a.score))
                .then_with(|| na.cmp(nb))
                .then_with(|| a.entry.id.cmp(&b.entry.id))
        });
        hits.into_iter().map(|(hit, _, _)| hit).collect()
    }

    /// [`nearest`] over this directory's entries.
    pub fn nearest(&self, categories: &[Category], location: &Location, n: usize) -> Vec<&Entry> {
        nearest_in(self.entries.iter().zip(self.index.iter().map(|i| &i.place)), categories, location, n)
    }
}

/// The `n` entries nearest to `location` with any of `categories` (all categories when
/// empty), for the screens that point to local help (EPDS results, Today).
///
/// Entries only for professionals are left out unless `categories` asks for
/// [`Category::Training`]. The place rules are those of [`Directory::search`]: with a
/// postcode, département or commune, only that place, its département and national
/// entries, in that order; with coordinates, entries with coordinates nearest first, then
/// national entries, then the others. Ties go by name.
pub fn nearest<'a>(entries: &'a [Entry], categories: &[Category], location: &Location, n: usize) -> Vec<&'a Entry> {
    let places: Vec<Place> = entries.iter().map(Place::of).collect();
    nearest_in(entries.iter().zip(places.iter()), categories, location, n)
}

fn nearest_in<'a, 'p>(
    items: impl Iterator<Item = (&'a Entry, &'p Place)> + Clone,
    categories: &[Category],
    location: &Location,
    n: usize,
) -> Vec<&'a Entry> {
    let resolved = Resolved::new(location, items.clone().map(|(_, p)| p));
    let wanted = category_bits(categories);
    let with_training = categories.contains(&Category::Training);
    let mut found: Vec<(&Entry, (u8, f64), String)> = items
        .filter(|(e, _)| wanted == 0 || category_bits(&e.categories) & wanted != 0)
        .filter(|(e, _)| with_training || !e.is_for_professionals_only())
        .filter_map(|(e, p)| resolved.rank(p).map(|rank| (e, rank, fold(&e.name))))
        .collect();
    crate::domain::sort::sort_by(&mut found, |(a, ra, na), (b, rb, nb)| {
        ra.0.cmp(&rb.0).then(ra.1.total_cmp(&rb.1)).then_with(|| na.cmp(nb)).then_with(|| a.id.cmp(&b.id))
    });
    found.into_iter().take(n).map(|(e, _, _)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::super::model::{EntryDraft, Origin};
    use super::*;
    use std::time::Instant;

    fn entry(id: &str, name: &str, f: impl FnOnce(&mut EntryDraft)) -> Entry {
        let mut d = EntryDraft { id: id.into(), name: name.into(), source: "test".into(), ..EntryDraft::default() };
        f(&mut d);
        d.validate(Origin::Bundled).unwrap()
    }

    fn label(c: Category) -> String {
        match c {
            Category::PmiCentre => "Centre de PMI".into(),
            Category::ParentChildPlace => "Lieu d'accueil enfants-parents (LAEP)".into(),
            Category::Workshop => "Atelier".into(),
            Category::SupportGroup => "Groupe de parole".into(),
            Category::Helpline => "Ligne d'écoute".into(),
            Category::Training => "Formation".into(),
            c => c.id().replace('_', " "),
        }
    }

    fn ids(hits: &[Hit<'_>]) -> Vec<String> {
        hits.iter().map(|h| h.entry.id.clone()).collect()
    }

    fn text(t: &str) -> Query {
        Query { text: t.into(), ..Query::default() }
    }

    fn sample() -> Directory {
        Directory::new(
            vec![
                entry("creche", "Crèche Les Lilas", |d| {
                    d.description = "Accueil des tout-petits".into();
                    d.postcode = "38300".into();
                    d.commune = "Bourgoin-Jallieu".into();
                    d.audience = vec!["age_1_3".into()];
                }),
                entry("ecoute", "Allô Parents Bébé", |d| {
                    d.description = "Une écoute anonyme pour les parents".into();
                    d.categories = vec!["helpline".into()];
                }),
                entry("groupe", "Cercle des parents", |d| {
                    d.description = "Groupe d'échange, avec écoute".into();
                    d.categories = vec!["support_group".into()];
                    d.postcode = "71100".into();
                    d.commune = "Chalon-sur-Saône".into();
                }),
                entry("atelier", "Atelier portage", |d| {
                    d.description = "Pour les futurs parents: écouter son corps".into();
                    d.categories = vec!["workshop".into()];
                    d.audience = vec!["pregnancy".into()];
                    d.postcode = "38080".into();
                    d.commune = "L'Isle-d'Abeau".into();
                }),
                entry("formation", "Formation repérage", |d| {
                    d.categories = vec!["training".into()];
                    d.audience = vec!["professionals".into()];
                    d.department = "38".into();
                }),
                entry("stpriest", "Maison des familles", |d| {
                    d.commune = "Saint-Priest".into();
                    d.postcode = "69800".into();
                    d.description_en = "A place for families".into();
                }),
            ],
            label,
        )
    }

    #[test]
    fn text_ignores_accents_and_case() {
        let dir = sample();
        assert_eq!(ids(&dir.search(&text("creche"))), ["creche"]);
        assert_eq!(ids(&dir.search(&text("CRÈCHE"))), ["creche"]);
        assert_eq!(ids(&dir.search(&text("allo bebe"))), ["ecoute"]);
        assert_eq!(ids(&dir.search(&text("Chalon sur saone"))), ["groupe"]);
        assert_eq!(ids(&dir.search(&text("families"))), ["stpriest"], "English description");
        assert!(dir.search(&text("piscine")).is_empty());
        assert_eq!(dir.search(&text("  ")).len(), 6, "no text: everything");
    }

    #[test]
    fn ranking_name_then_category_then_description_whole_word_then_prefix_then_inside() {
        let dir = sample();
        // "ecoute": whole word in two descriptions, prefix ("ecouter") in a third.
        let hits = dir.search(&text("ecoute"));
        assert_eq!(ids(&hits), ["ecoute", "groupe", "atelier"]);
        // "ecoute" is also in the Helpline label ("Ligne d'écoute"): that wins over a description.
        assert!(hits[0].score > hits[1].score && hits[1].score > hits[2].score);
        // Name beats description.
        let dir = Directory::new(
            vec![
                entry("d", "Maison verte", |d| d.description = "Un atelier portage".into()),
                entry("n", "Portage en écharpe", |_| ()),
                entry("p", "Portages du lundi", |_| ()),
                entry("s", "Supportage", |_| ()),
            ],
            label,
        );
        assert_eq!(ids(&dir.search(&text("portage"))), ["n", "p", "s", "d"]);
        // Every word must match.
        assert_eq!(ids(&dir.search(&text("portage lundi"))), ["p"]);
    }

    #[test]
    fn category_labels_are_searched() {
        let dir = sample();
        assert_eq!(ids(&dir.search(&text("groupe de parole"))), ["groupe"]);
        assert_eq!(ids(&dir.search(&text("formation"))), ["formation"]);
        let english = Directory::new(dir.entries().to_vec(), |c| {
            if c == Category::Workshop {
                "Workshop".into()
            } else {
                String::new()
            }
        });
        assert_eq!(ids(&english.search(&text("workshop"))), ["atelier"]);
    }

    #[test]
    fn filters_by_category_and_audience() {
        let dir = sample();
        let q = Query { categories: vec![Category::Helpline, Category::Workshop], ..Query::default() };
        assert_eq!(ids(&dir.search(&q)), ["ecoute", "atelier"], "by name");
        let q = Query { audiences: vec![Audience::Pregnancy], ..Query::default() };
        // "all" entries count for every parent; the 1-3 crèche and the training do not.
        assert_eq!(ids(&dir.search(&q)), ["ecoute", "atelier", "groupe", "stpriest"]);
        let q = Query { audiences: vec![Audience::Professionals], ..Query::default() };
        assert_eq!(ids(&dir.search(&q)), ["formation"]);
        let q = Query { audiences: vec![Audience::All], ..Query::default() };
        assert!(!ids(&dir.search(&q)).contains(&"formation".to_string()));
    }

    #[test]
    fn postcode_first_then_department_then_national() {
        let dir = sample();
        let q = Query { location: Location::parse("38300"), ..Query::default() };
        assert_eq!(ids(&dir.search(&q)), ["creche", "atelier", "formation", "ecoute"]);
        let q = Query { location: Location::parse("71"), ..Query::default() };
        assert_eq!(q.location, Some(Location::Department("71".into())));
        assert_eq!(Location::parse(" 38 300 "), Some(Location::Postcode("38300".into())));
        assert_eq!(Location::parse("2a"), Some(Location::Department("2A".into())));
        assert_eq!(Location::parse("  "), None);
        assert_eq!(ids(&dir.search(&q)), ["groupe", "ecoute"]);
        // Text and place together: the place first, then the score.
        let q = Query { text: "ecoute".into(), location: Some(Location::Postcode("38080".into())), ..Query::default() };
        assert_eq!(ids(&dir.search(&q)), ["atelier", "ecoute"]);
    }

    #[test]
    fn commune_names_are_folded() {
        let dir = sample();
        let q = Query { location: Location::parse("bourgoin jallieu"), ..Query::default() };
        assert_eq!(ids(&dir.search(&q)), ["creche", "atelier", "formation", "ecoute"]);
        let q = Query { location: Location::parse("St Priest"), ..Query::default() };
        assert_eq!(ids(&dir.search(&q)), ["stpriest", "ecoute"]);
        let q = Query { location: Location::parse("CHALON-SUR-SAÔNE"), ..Query::default() };
        assert_eq!(ids(&dir.search(&q)), ["groupe", "ecoute"]);
        // A commune listed among several.
        let several = Directory::new(
            vec![entry("w", "Ateliers", |d| d.commune = "Ramonville-Saint-Agne, Castanet-Tolosan".into())],
            label,
        );
        let q = Query { location: Location::parse("castanet tolosan"), ..Query::default() };
        assert_eq!(ids(&several.search(&q)), ["w"]);
    }

    #[test]
    fn coordinates_sort_by_distance_then_national_then_unplaced() {
        let lyon = LatLon { lat: 45.7640, lon: 4.8357 };
        let dir = Directory::new(
            vec![
                entry("paris", "Paris", |d| (d.latitude, d.longitude) = (Some(48.8566), Some(2.3522))),
                entry("nowhere", "Sans coordonnées", |d| d.postcode = "75001".into()),
                entry("line", "Ligne nationale", |_| ()),
                entry("marseille", "Marseille", |d| (d.latitude, d.longitude) = (Some(43.2965), Some(5.3698))),
                entry("villeurbanne", "Villeurbanne", |d| (d.latitude, d.longitude) = (Some(45.7719), Some(4.8902))),
            ],
            label,
        );
        let hits = dir.search(&Query { location: Some(Location::Coordinates(lyon)), ..Query::default() });
        assert_eq!(ids(&hits), ["villeurbanne", "marseille", "paris", "line", "nowhere"]);
        let km: Vec<Option<f64>> = hits.iter().map(|h| h.distance_km).collect();
        assert!(km[0].is_some_and(|d| d < 10.0));
        assert!(km[1].is_some_and(|d| (d - 278.0).abs() < 2.78), "{km:?}");
        assert!(km[2].is_some_and(|d| (d - 392.0).abs() < 3.92), "{km:?}");
        assert_eq!((km[3], km[4]), (None, None));
        assert!(dir.search(&Query::default()).iter().all(|h| h.distance_km.is_none()));
    }

    #[test]
    fn nearest_for_other_screens() {
        let dir = sample();
        let all = dir.entries();
        let here = Location::Postcode("38300".into());
        let n: Vec<&str> = nearest(all, &[], &here, 10).iter().map(|e| e.id.as_str()).collect();
        assert_eq!(n, ["creche", "atelier", "ecoute"], "no training for parents");
        let n: Vec<&str> = nearest(all, &[Category::Training], &here, 10).iter().map(|e| e.id.as_str()).collect();
        assert_eq!(n, ["formation"]);
        let n: Vec<&str> =
            nearest(all, &[Category::Workshop, Category::Helpline], &here, 1).iter().map(|e| e.id.as_str()).collect();
        assert_eq!(n, ["atelier"]);
        assert_eq!(
            dir.nearest(&[Category::Workshop, Category::Helpline], &here, 5),
            nearest(all, &[Category::Workshop, Category::Helpline], &here, 5)
        );
        assert!(nearest(all, &[], &here, 0).is_empty());
    }

    /// Deterministic pseudo-random numbers (a linear congruential generator).
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % n
        }
    }

    pub(crate) fn generated(count: usize) -> Vec<Entry> {
        const NAMES: [&str; 12] = [
            "Crèche",
            "Centre de PMI",
            "Maison des familles",
            "Lieu d'accueil enfants-parents",
            "Atelier portage",
            "Groupe de parole",
            "Consultation allaitement",
            "Relais petite enfance",
            "Maternité",
            "Cabinet de sage-femme",
            "Point écoute parents",
            "Café des parents",
        ];
        const WORDS: [&str; 16] = [
            "écoute",
            "accueil",
            "parents",
            "bébé",
            "grossesse",
            "allaitement",
            "sommeil",
            "portage",
            "massage",
            "jeux",
            "rencontres",
            "soutien",
            "périnatal",
            "santé",
            "gratuit",
            "quartier",
        ];
        const PLACES: [(&str, &str, f64, f64); 8] = [
            ("Bourgoin-Jallieu", "38300", 45.586, 5.274),
            ("Lyon", "69003", 45.760, 4.850),
            ("Dijon", "21000", 47.322, 5.041),
            ("Besançon", "25000", 47.238, 6.024),
            ("Chalon-sur-Saône", "71100", 46.780, 4.853),
            ("Toulouse", "31000", 43.604, 1.444),
            ("Saint-Étienne", "42000", 45.439, 4.387),
            ("Ramonville-Saint-Agne", "31520", 43.546, 1.478),
        ];
        let mut rng = Lcg(42);
        (0..count)
            .map(|i| {
                let (commune, postcode, lat, lon) = PLACES[rng.next(PLACES.len())];
                let description: Vec<&str> = (0..12 + rng.next(20)).map(|_| WORDS[rng.next(WORDS.len())]).collect();
                let with_coords = rng.next(3) > 0;
                let jitter = rng.next(1000) as f64 / 5000.0;
                EntryDraft {
                    id: format!("e{i}"),
                    name: format!("{} {} n°{i}", NAMES[rng.next(NAMES.len())], commune),
                    organisation: format!("Association {}", WORDS[rng.next(WORDS.len())]),
                    categories: vec![Category::ALL[rng.next(14)].id().into(), Category::ALL[rng.next(14)].id().into()],
                    description: description.join(" "),
                    description_en: if i % 4 == 0 {
                        "Listening and support for parents of young children".into()
                    } else {
                        String::new()
                    },
                    audience: vec![Audience::ALL[rng.next(6)].id().into()],
                    postcode: postcode.into(),
                    commune: commune.into(),
                    latitude: with_coords.then_some(lat + jitter),
                    longitude: with_coords.then_some(lon - jitter),
                    source: "bench".into(),
                    ..EntryDraft::default()
                }
                .validate(Origin::Own)
                .unwrap()
            })
            .collect()
    }

    fn median_ms(mut f: impl FnMut() -> usize, runs: usize) -> (f64, usize) {
        let mut times = Vec::with_capacity(runs);
        let mut found = 0;
        for _ in 0..runs {
            let t = Instant::now();
            found = std::hint::black_box(f());
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        (times[runs / 2], found)
    }

    /// `cargo test --release --lib domain::directory -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn bench_search_5000_entries() {
        let entries = generated(5000);
        let t = Instant::now();
        let dir = Directory::new(entries, label);
        println!("index of {} entries built in {:.2} ms", dir.len(), t.elapsed().as_secs_f64() * 1000.0);
        let lyon = LatLon { lat: 45.76, lon: 4.85 };
        let queries = [
            ("text \"creche\"", text("creche")),
            ("text \"ecoute parents\"", text("ecoute parents")),
            ("text \"allait\" (prefix)", text("allait")),
            ("text \"e\" (matches nearly all)", text("e")),
            (
                "text \"atelier massage bebe\" + category + audience",
                Query {
                    text: "atelier massage bebe".into(),
                    categories: vec![Category::Workshop, Category::SupportGroup],
                    audiences: vec![Audience::Age0To1],
                    location: None,
                },
            ),
            ("postcode 38300, no text", Query { location: Location::parse("38300"), ..Query::default() }),
            (
                "commune \"saint etienne\" + text \"soutien\"",
                Query { text: "soutien".into(), location: Location::parse("saint etienne"), ..Query::default() },
            ),
            (
                "coordinates, no text (sort 5000 by distance)",
                Query { location: Some(Location::Coordinates(lyon)), ..Query::default() },
            ),
            (
                "coordinates + text \"ecoute\"",
                Query { text: "ecoute".into(), location: Some(Location::Coordinates(lyon)), ..Query::default() },
            ),
        ];
        let mut worst: f64 = 0.0;
        for (what, q) in &queries {
            let (ms, found) = median_ms(|| dir.search(q).len(), 21);
            worst = worst.max(ms);
            println!("{what:55} median of 21 runs: {ms:7.3} ms ({found} hits)");
        }
        let (ms, _) =
            median_ms(|| nearest(dir.entries(), &[Category::Helpline], &Location::Coordinates(lyon), 5).len(), 21);
        println!("{:55} median of 21 runs: {ms:7.3} ms", "nearest(Helpline, coordinates, 5) without an index");
        println!("slowest query median: {worst:.3} ms");

        // Importing the same 5000 entries as CSV twice: the second time, all are updates.
        let mut csv = String::from("id;nom;code postal;commune;description;catégories\n");
        for e in dir.entries() {
            let cats: Vec<&str> = e.categories.iter().map(|c| c.id()).collect();
            csv += &format!("{};{};{};{};{};{}\n", e.id, e.name, e.postcode, e.commune, e.description, cats.join("|"));
        }
        let first = crate::domain::directory::preview_import(csv.as_bytes(), "bench", &[]).unwrap();
        let existing = crate::domain::directory::apply_import(Vec::new(), first);
        let (ms, updates) = median_ms(
            || crate::domain::directory::preview_import(csv.as_bytes(), "bench", &existing).unwrap().to_update.len(),
            5,
        );
        println!(
            "preview_import of a {} KB CSV, 5000 rows, all updates: median of 5 runs {ms:.1} ms",
            csv.len() / 1024
        );
        assert_eq!(updates, 5000);
        assert!(worst < 50.0, "a search over 5000 entries took {worst} ms");
    }
}
