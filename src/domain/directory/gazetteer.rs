//! The offline gazetteer: every commune and municipal arrondissement of France with its
//! postcodes, département and centre, so that "69100" or "Près de : Villeurbanne" can sort
//! the directory by distance with no network and no position.
//!
//! The data is `public/content/communes.txt`, written by `scripts/geo-data.py` from the
//! INSEE Code officiel géographique, La Poste's postcodes and IGN's commune outlines (its
//! header says which versions). [`Gazetteer::parse`] reads it once; lookups fold accents
//! and case (`"villeurbanne"`, `"ST ETIENNE"`), and a name shared by several communes gives
//! them all, each with its département, for the parent to choose.

use super::geo::{self, haversine_km, LatLon};
use super::search::{commune_key, Location};

/// A commune (or a municipal arrondissement of Paris, Lyon or Marseille).
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub name: String,
    /// The département code (`"69"`, `"2A"`, `"974"`).
    pub department: String,
    pub postcodes: Vec<String>,
    /// The centre of the commune's outline (to about a kilometre); `None` for the few the
    /// source has no outline for.
    pub centre: Option<LatLon>,
}

/// A département, with the slugs of its pages in the official directory (empty when only
/// its code is known).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Department {
    pub code: String,
    pub name: String,
    pub region_slug: String,
    pub slug: String,
}

impl Department {
    /// The page of the official directory (Service-Public.fr) listing the département's
    /// local services of one kind (`"pmi"`, `"caf"`), for when Cocon holds none.
    pub fn directory_page(&self, kind: &str) -> String {
        format!("https://lannuaire.service-public.gouv.fr/navigation/{}/{}/{kind}", self.region_slug, self.slug)
    }
}

/// What a typed place is, with the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub enum Found<'a> {
    /// One place (a postcode gives the centre of its communes).
    One { label: String, centre: Option<LatLon>, department: &'a Department },
    /// A name several communes share: the parent chooses.
    Several(Vec<&'a Place>),
    /// A département code.
    Department(&'a Department),
    /// Nothing of that name or postcode.
    Unknown,
}

#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// The folded name of each place, with `st`/`ste` read as `saint`/`sainte`.
    keys: Vec<String>,
    departments: Vec<Department>,
}

impl Gazetteer {
    /// Reads `communes.txt`; `Err` says which line is wrong.
    pub fn parse(text: &str) -> Result<Gazetteer, String> {
        let mut g = Gazetteer::default();
        let (mut lat, mut lon) = (0i64, 0i64);
        for (i, line) in text.lines().enumerate() {
            let bad = |what: &str| format!("communes.txt line {}: {what}", i + 1);
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields[0] == "D" {
                let [_, code, name, region_slug, slug] = fields[..] else {
                    return Err(bad("a département needs 5 fields"));
                };
                if !geo::is_department(code) && !code.starts_with("98") && !code.starts_with("97") {
                    return Err(bad("not a département code"));
                }
                g.departments.push(Department {
                    code: code.into(),
                    name: name.into(),
                    region_slug: region_slug.into(),
                    slug: slug.into(),
                });
                (lat, lon) = (0, 0);
                continue;
            }
            let Some(department) = g.departments.last() else { return Err(bad("a place before any département")) };
            let [name, postcodes, dlat, dlon] = fields[..] else { return Err(bad("a place needs 4 fields")) };
            let code = &department.code;
            let postcodes = postcodes
                .split(' ')
                .filter(|p| !p.is_empty())
                .map(|p| if p.len() == 3 && code.len() == 2 { format!("{code}{p}") } else { p.to_string() })
                .collect::<Vec<_>>();
            let centre = if dlat.is_empty() && dlon.is_empty() {
                None
            } else {
                let (a, b) = (dlat.parse::<i64>(), dlon.parse::<i64>());
                let (Ok(a), Ok(b)) = (a, b) else { return Err(bad("a centre that is not a number")) };
                (lat, lon) = (lat + a, lon + b);
                Some(LatLon::new(lat as f64 / 100.0, lon as f64 / 100.0).ok_or_else(|| bad("a centre out of range"))?)
            };
            g.keys.push(commune_key(name));
            g.places.push(Place { name: name.into(), department: code.clone(), postcodes, centre });
        }
        if g.places.is_empty() {
            return Err("communes.txt holds no place".into());
        }
        Ok(g)
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    pub fn department(&self, code: &str) -> Option<&Department> {
        self.departments.iter().find(|d| d.code == code)
    }

    /// The places with this postcode.
    pub fn by_postcode(&self, postcode: &str) -> Vec<&Place> {
        self.places.iter().filter(|p| p.postcodes.iter().any(|c| c == postcode)).collect()
    }

    /// The places of this name (accents, case and `St`/`Saint` ignored). `"Saint-Denis (93)"`
    /// and `"Saint-Denis 93"` keep only the one of that département.
    pub fn by_name(&self, name: &str) -> Vec<&Place> {
        let (name, department) = split_department(name);
        let k = commune_key(name);
        if k.is_empty() {
            return Vec::new();
        }
        self.places
            .iter()
            .zip(&self.keys)
            .filter(|(p, pk)| **pk == k && department.as_ref().is_none_or(|d| p.department == *d))
            .map(|(p, _)| p)
            .collect()
    }

    /// Up to `n` places whose name starts with what was typed, for suggestions: exact
    /// names first, then by name.
    pub fn suggest(&self, typed: &str, n: usize) -> Vec<&Place> {
        let k = commune_key(typed);
        if k.chars().count() < 2 {
            return Vec::new();
        }
        let mut found: Vec<(&Place, &String)> =
            self.places.iter().zip(&self.keys).filter(|(_, pk)| pk.starts_with(&k)).collect();
        crate::domain::sort::sort_by(&mut found, |(a, ka), (b, kb)| {
            (**ka != k).cmp(&(**kb != k)).then(ka.cmp(kb)).then(a.department.cmp(&b.department))
        });
        found.into_iter().take(n).map(|(p, _)| p).collect()
    }

    /// The place whose centre is nearest to `point` (for the département of a position).
    pub fn nearest(&self, point: LatLon) -> Option<&Place> {
        self.places
            .iter()
            .filter_map(|p| p.centre.map(|c| (p, haversine_km(point, c))))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(p, _)| p)
    }

    /// What the parent typed in the "where" box: a postcode, a département code, or a name.
    pub fn find(&self, typed: &str) -> Found<'_> {
        let s = typed.trim();
        let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
        if geo::is_postcode(&compact) {
            let places = self.by_postcode(&compact);
            let Some(first) = places.first() else { return Found::Unknown };
            let Some(department) = self.department(&first.department) else { return Found::Unknown };
            let centres: Vec<LatLon> = places.iter().filter_map(|p| p.centre).collect();
            let centre = (!centres.is_empty()).then(|| LatLon {
                lat: centres.iter().map(|c| c.lat).sum::<f64>() / centres.len() as f64,
                lon: centres.iter().map(|c| c.lon).sum::<f64>() / centres.len() as f64,
            });
            let names: Vec<&str> = places.iter().map(|p| p.name.as_str()).collect();
            return Found::One { label: format!("{compact} {}", names.join(", ")), centre, department };
        }
        if let Some(d) = self.department(&compact) {
            return Found::Department(d);
        }
        let places = self.by_name(s);
        match places.as_slice() {
            [] => Found::Unknown,
            [one] => match self.department(&one.department) {
                Some(department) => Found::One { label: self.label(one), centre: one.centre, department },
                None => Found::Unknown,
            },
            _ => Found::Several(places),
        }
    }

    /// Where an entry with no coordinates is: the centre of its (first) commune, taken in its
    /// département; else of its postcode. `None` for a national entry or an unknown place.
    pub fn locate(&self, entry: &super::Entry) -> Option<LatLon> {
        // `EntryDraft::validate` already filled the département from the postcode.
        let department = &entry.department;
        for commune in entry.communes() {
            let k = commune_key(commune);
            let found = self
                .places
                .iter()
                .zip(&self.keys)
                .filter(|(p, pk)| **pk == k && (department.is_empty() || p.department == *department))
                .map(|(p, _)| p)
                .find(|p| p.centre.is_some());
            if let Some(p) = found {
                return p.centre;
            }
        }
        if geo::is_postcode(&entry.postcode) {
            return self.by_postcode(&entry.postcode).iter().find_map(|p| p.centre);
        }
        None
    }

    /// A place as the parent reads it, its département always said: `"Villeurbanne (69)"`.
    pub fn label(&self, place: &Place) -> String {
        format!("{} ({})", place.name, place.department)
    }
}

/// Within this distance of the place, an entry counts as near it.
pub const NEAR_KM: f64 = 30.0;

/// Where the parent is, as the directory uses it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Where {
    /// How to rank the entries: the place's centre when the gazetteer knows it, else the
    /// place as typed (postcode, département, commune name).
    pub location: Option<Location>,
    /// The place's département: its pack is the one to load.
    pub department: Option<Department>,
    /// The place as the parent reads it (`"Villeurbanne (69)"`); empty for a position.
    pub label: String,
    /// When the name is shared by several communes: theirs, to choose from.
    pub choices: Vec<String>,
    /// A place was typed that the gazetteer does not know.
    pub unknown: bool,
}

impl Where {
    /// Where `typed` (or, first, the phone's `position`) is. Without the gazetteer (still
    /// loading, or it could not), a postcode or département code still gives the
    /// département, and a name is matched against the entries' communes.
    pub fn of(typed: &str, position: Option<LatLon>, gazetteer: Option<&Gazetteer>) -> Where {
        if let Some(point) = position {
            let department =
                gazetteer.and_then(|g| g.nearest(point).and_then(|p| g.department(&p.department)).cloned());
            return Where { location: Some(Location::Coordinates(point)), department, ..Where::default() };
        }
        let typed = typed.trim();
        let Some(parsed) = Location::parse(typed) else { return Where::default() };
        let Some(g) = gazetteer else {
            let code = match &parsed {
                Location::Postcode(p) => geo::department_of_postcode(p),
                Location::Department(d) => Some(d.clone()),
                _ => None,
            };
            let department = code.map(|code| Department { code, ..Department::default() });
            return Where { location: Some(parsed), department, label: typed.to_string(), ..Where::default() };
        };
        match g.find(typed) {
            Found::One { label, centre, department } => Where {
                location: Some(centre.map(Location::Coordinates).unwrap_or(parsed)),
                department: Some(department.clone()),
                label,
                ..Where::default()
            },
            Found::Department(d) => Where {
                location: Some(Location::Department(d.code.clone())),
                department: Some(d.clone()),
                label: format!("{} ({})", d.name, d.code),
                ..Where::default()
            },
            Found::Several(places) => Where {
                location: Some(parsed),
                label: typed.to_string(),
                choices: places.iter().map(|p| g.label(p)).collect(),
                ..Where::default()
            },
            Found::Unknown => {
                Where { location: Some(parsed), label: typed.to_string(), unknown: true, ..Where::default() }
            }
        }
    }

    /// Whether an entry found at `distance_km` (when the place has a centre) is near the
    /// place: within [`NEAR_KM`], or in the place's département when there is no distance.
    pub fn is_near(&self, entry: &super::Entry, distance_km: Option<f64>) -> bool {
        if entry.is_national() {
            return false;
        }
        match (distance_km, &self.department) {
            (Some(km), _) => km <= NEAR_KM,
            (None, Some(d)) => entry.department == d.code,
            (None, None) => !matches!(self.location, Some(Location::Coordinates(_))),
        }
    }
}

/// `"Saint-Denis (93)"` or `"Saint-Denis 93"` as the name and the département.
fn split_department(typed: &str) -> (&str, Option<String>) {
    let t = typed.trim();
    let inner = t.strip_suffix(')').and_then(|r| r.rsplit_once('(')).map(|(n, d)| (n, d.trim()));
    let spaced = t.rsplit_once(' ').map(|(n, d)| (n, d.trim()));
    for (name, d) in [inner, spaced].into_iter().flatten() {
        let d = d.to_ascii_uppercase();
        if geo::is_department(&d) && !name.trim().is_empty() {
            return (name.trim(), Some(d));
        }
    }
    (t, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMMUNES: &str = include_str!("../../../public/content/communes.txt");

    fn g() -> Gazetteer {
        Gazetteer::parse(COMMUNES).unwrap()
    }

    fn close(p: Option<LatLon>, lat: f64, lon: f64) -> bool {
        p.is_some_and(|p| haversine_km(p, LatLon { lat, lon }) < 3.0)
    }

    #[test]
    fn the_file_holds_every_commune_with_its_postcodes_and_centre() {
        let g = g();
        assert!(g.len() > 34_900, "{}", g.len());
        // Almost every place has a centre (the source lacks outlines for a few new
        // communes and for the overseas collectivities).
        let without = g.places.iter().filter(|p| p.centre.is_none()).count();
        assert!(without < 150, "{without}");
        let v = g.by_name("Villeurbanne");
        assert_eq!(v.len(), 1);
        assert_eq!((v[0].department.as_str(), v[0].postcodes.as_slice()), ("69", ["69100".to_string()].as_slice()));
        assert!(close(v[0].centre, 45.77, 4.88), "{:?}", v[0].centre);
        let lille = g.by_name("lille");
        assert_eq!(lille.len(), 1);
        assert!(lille[0].postcodes.contains(&"59000".to_string()) && lille[0].postcodes.len() >= 3);
        assert!(close(lille[0].centre, 50.63, 3.05));
        // Corsica and overseas keep their codes whole.
        let ajaccio = g.by_name("Ajaccio");
        assert_eq!(ajaccio[0].department, "2A");
        assert!(ajaccio[0].postcodes.contains(&"20000".to_string()), "{:?}", ajaccio[0].postcodes);
        assert!(g.by_postcode("97400").iter().any(|p| p.name == "Saint-Denis" && p.department == "974"));
        // Every département of France has its name and its pages' slugs.
        for code in ["01", "2A", "2B", "69", "75", "971", "974", "976"] {
            let d = g.department(code).unwrap_or_else(|| panic!("{code}"));
            assert!(!d.name.is_empty() && !d.slug.is_empty() && !d.region_slug.is_empty());
        }
        assert_eq!(
            g.department("95").unwrap().directory_page("pmi"),
            "https://lannuaire.service-public.gouv.fr/navigation/ile-de-france/val-d-oise/pmi"
        );
        assert_eq!(
            g.department("31").unwrap().directory_page("pmi"),
            "https://lannuaire.service-public.gouv.fr/navigation/occitanie/haute-garonne/pmi"
        );
    }

    #[test]
    fn postcodes_names_and_departements_are_found_whatever_the_case_and_accents() {
        let g = g();
        match g.find("69100") {
            Found::One { label, centre, department } => {
                assert_eq!(label, "69100 Villeurbanne");
                assert!(close(centre, 45.77, 4.88));
                assert_eq!(department.code, "69");
            }
            other => panic!("{other:?}"),
        }
        for typed in ["Villeurbanne", "villeurbanne", "VILLEURBANNE ", "Villeurbanne (69)"] {
            assert!(matches!(g.find(typed), Found::One { ref label, .. } if label == "Villeurbanne (69)"), "{typed}");
        }
        assert!(matches!(g.find("st etienne"), Found::One { ref label, .. } if label == "Saint-Étienne (42)"));
        assert!(matches!(g.find("Évry-Courcouronnes"), Found::One { .. }));
        // A name several communes share: all of them, each with its département.
        let Found::Several(places) = g.find("Saint-Denis") else { panic!() };
        let deps: Vec<&str> = places.iter().map(|p| p.department.as_str()).collect();
        assert!(deps.contains(&"93") && deps.contains(&"974"), "{deps:?}");
        assert!(matches!(g.find("Saint-Denis (974)"), Found::One { department, .. } if department.code == "974"));
        assert!(matches!(g.find("Saint-Denis 93"), Found::One { department, .. } if department.code == "93"));
        // A postcode several communes share: their mean centre.
        assert!(matches!(g.find("38300"), Found::One { department, .. } if department.code == "38"));
        assert!(matches!(g.find("75015"), Found::One { ref label, .. } if label.contains("Paris 15e")));
        assert!(matches!(g.find("38"), Found::Department(d) if d.name == "Isère"));
        assert_eq!(g.find("Atlantide"), Found::Unknown);
        assert_eq!(g.find("00000"), Found::Unknown);
    }

    #[test]
    fn suggestions_and_the_nearest_commune() {
        let g = g();
        let s = g.suggest("villeur", 5);
        assert_eq!(s[0].name, "Villeurbanne");
        let s = g.suggest("saint-denis", 50);
        assert!(s.iter().take(3).all(|p| p.name == "Saint-Denis"), "exact names first: {s:?}");
        assert!(g.suggest("v", 5).is_empty(), "one letter suggests nothing");
        let near = g.nearest(LatLon { lat: 45.766, lon: 4.880 }).unwrap();
        assert_eq!(near.department, "69");
    }

    #[test]
    fn entries_without_coordinates_are_placed_at_their_commune() {
        use crate::domain::directory::{EntryDraft, Origin};
        let g = g();
        let entry = |commune: &str, postcode: &str, department: &str| {
            EntryDraft {
                id: "x".into(),
                name: "x".into(),
                source: "t".into(),
                commune: commune.into(),
                postcode: postcode.into(),
                department: department.into(),
                ..EntryDraft::default()
            }
            .validate(Origin::Own)
            .unwrap()
        };
        assert!(close(g.locate(&entry("Bourgoin-Jallieu", "", "38")), 45.59, 5.27));
        // The first commune of several, in the entry's département.
        assert!(close(g.locate(&entry("Ramonville-Saint-Agne, Castanet-Tolosan", "", "31")), 43.54, 1.48));
        assert!(close(g.locate(&entry("", "69100", "")), 45.77, 4.88));
        assert_eq!(g.locate(&entry("Atlantide", "", "38")), None);
        assert_eq!(g.locate(&entry("", "", "")), None);
    }

    #[test]
    fn where_the_parent_is_with_and_without_the_gazetteer() {
        let g = g();
        let w = Where::of("69100", None, Some(&g));
        assert!(matches!(w.location, Some(Location::Coordinates(p)) if close(Some(p), 45.77, 4.88)));
        assert_eq!((w.department.unwrap().code.as_str(), w.label.as_str()), ("69", "69100 Villeurbanne"));
        let w = Where::of("Villeurbanne", None, Some(&g));
        assert_eq!(w.label, "Villeurbanne (69)");
        let w = Where::of("Saint-Denis", None, Some(&g));
        assert!(w.department.is_none() && w.choices.contains(&"Saint-Denis (93)".to_string()));
        let w = Where::of("Rennes", None, Some(&g));
        assert_eq!(w.department.as_ref().unwrap().name, "Ille-et-Vilaine");
        let w = Where::of("Atlantide", None, Some(&g));
        assert!(w.unknown && w.department.is_none());
        let w = Where::of("", Some(LatLon { lat: 48.11, lon: -1.68 }), Some(&g));
        assert_eq!(w.department.unwrap().code, "35");
        // Before the gazetteer has loaded: the postcode's département, the name as typed.
        let w = Where::of("69100", None, None);
        assert_eq!((w.location, w.department.unwrap().code), (Some(Location::Postcode("69100".into())), "69".into()));
        assert_eq!(Where::of("Lyon", None, None).location, Some(Location::Commune("Lyon".into())));
        assert_eq!(Where::of("  ", None, Some(&g)), Where::default());
    }

    #[test]
    fn a_broken_file_is_refused_with_its_line() {
        assert!(Gazetteer::parse("").is_err());
        assert!(Gazetteer::parse("Lyon\t001\t1\t2\n").unwrap_err().contains("line 1"));
        assert!(Gazetteer::parse("D\t69\tRhône\tx\ty\nLyon\t001\tx\t2\n").unwrap_err().contains("line 2"));
        assert!(Gazetteer::parse("D\t69\tRhône\tx\ty\nLyon\t001\t99999\t2\n").is_err());
        let one =
            Gazetteer::parse("# c\nD\t69\tRhône\tx\ty\nLyon\t001 002\t4575\t484\nLyon 1er\t001\t2\t-1\n").unwrap();
        assert_eq!(one.by_postcode("69002")[0].name, "Lyon");
        assert!(close(one.by_name("Lyon 1er")[0].centre, 45.77, 4.83));
    }
}
