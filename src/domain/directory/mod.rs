//! The local directory: places and services for parents, searchable offline.
//!
//! - [`model`]: the [`Entry`] and the checks every entry passes ([`EntryDraft::validate`]).
//! - [`import`]: the bundled JSON document ([`load_bundled`]), and files a parent imports
//!   (JSON or CSV): [`preview_import`], [`apply_import`], [`remove_source`].
//! - [`national`]: the national helplines as entries ([`helpline_entries`]), from the one
//!   helpline data set of [`crate::domain::helplines`].
//! - [`search`]: the [`Directory`] index, [`Query`], and [`nearest`] for other screens.
//! - [`geo`]: coordinates and [`haversine_km`]; postcodes and départements.
//! - [`fold`]: the accent- and case-insensitive folding search uses.
//!
//! The file format is documented in `docs/directory-format.md`. Names and descriptions are
//! data in one language (French), with an optional English description; they are plain
//! text, never HTML. An unknown fact stays empty: no guessed phone number, address or hours.

pub mod dila;
pub mod fold;
pub mod gazetteer;
pub mod geo;
pub mod import;
pub mod model;
pub mod national;
pub mod search;
pub mod share;

pub use geo::{haversine_km, LatLon};
pub use import::{
    apply_import, decode_windows_1252, import_sources, load_bundled, parse_document, preview_import, remove_source,
    to_document, Column, Dropped, Encoding, FileError, ImportPreview, LoadError, DIRECTORY_VERSION, MAX_FILE_BYTES,
};
pub use model::{
    age_range_audiences, age_range_months, mailto_uri, sms_uri, tel_uri, Audience, Category, Cost, DroppedField, Entry,
    EntryDraft, Field, Origin, RejectReason, Rejection,
};
pub use national::{add_english_descriptions, helpline_entries};
pub use search::{nearest, Directory, Hit, Location, Query};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::helplines::Helplines;
    use std::collections::HashSet;

    const BUNDLED: &str = include_str!("../../../public/content/directory.json");
    const HELPLINES: &str = include_str!("../../../public/content/helplines.json");
    const HELPLINES_FR: &str = include_str!("../../../locales/fr/helplines.json");
    const HELPLINES_EN: &str = include_str!("../../../locales/en/helplines.json");

    /// Every number of shared/domain/resources.md, digits only.
    const RESOURCE_NUMBERS: [&str; 13] = [
        "3114",
        "15",
        "112",
        "17",
        "114",
        "119",
        "3919",
        "0800003456",
        "0805382300",
        "0800966060",
        "0974763963",
        "0980980930",
        "3989",
    ];

    fn bundled() -> Vec<Entry> {
        load_bundled(BUNDLED).unwrap_or_else(|e| panic!("directory.json: {e}"))
    }

    fn helplines_fr() -> Helplines {
        Helplines::from_json(HELPLINES, HELPLINES_FR).unwrap()
    }

    #[test]
    fn the_bundled_file_loads_with_no_error() {
        let (entries, rejected) = parse_document(BUNDLED, Origin::Bundled).unwrap();
        assert!(rejected.is_empty(), "{rejected:?}");
        assert_eq!(entries.len(), 8);
        assert_eq!(entries, bundled());
    }

    #[test]
    fn every_bundled_entry_has_a_source_with_its_year_an_explicit_id_and_a_place() {
        let mut ids = HashSet::new();
        for e in bundled() {
            assert!(!e.source.is_empty(), "{}", e.id);
            assert!(e.source.contains("(2021)") || e.source.contains("(2017)"), "{}: source with its year", e.id);
            // Taken from 2017-2021 documents and not re-checked since: no verification date.
            assert_eq!(e.last_verified, None, "{}", e.id);
            assert!(ids.insert(e.id.clone()), "{} twice", e.id);
            assert!(!e.department.is_empty(), "{}: local entries have a département", e.id);
            assert_eq!(e.origin, Origin::Bundled);
            assert!(e.description_en.is_some(), "{}", e.id);
            // Only what the seed states: no phone, address, hours, e-mail, site or coordinates.
            assert!(e.phones.is_empty() && e.sms.is_empty() && e.address.is_empty() && e.hours.is_empty(), "{}", e.id);
            assert!(e.email.is_empty() && e.website.is_empty() && e.coordinates().is_none(), "{}", e.id);
        }
        // The training actions are for professionals, so parents can filter them out.
        let training: Vec<Entry> =
            bundled().into_iter().filter(|e| e.categories.contains(&Category::Training)).collect();
        assert_eq!(training.len(), 2);
        assert!(training.iter().all(Entry::is_for_professionals_only));
        // The bundled ids are the ones written in the file, not generated.
        assert!(BUNDLED.matches("\"id\":").count() == 8);
    }

    #[test]
    fn no_phone_number_beyond_those_of_the_resources() {
        let mut entries = bundled();
        entries.extend(helpline_entries(&helplines_fr()));
        for e in &entries {
            for n in e.phones.iter().chain(&e.sms) {
                let digits: String = n.chars().filter(char::is_ascii_digit).collect();
                assert!(RESOURCE_NUMBERS.contains(&digits.as_str()), "{}: {n}", e.id);
            }
        }
        // And no phone-like run of digits anywhere in the bundled file.
        let mut run = 0;
        for c in BUNDLED.chars() {
            run = if c.is_ascii_digit() { run + 1 } else { 0 };
            assert!(run < 6, "a long number in directory.json");
        }
    }

    #[test]
    fn helplines_become_national_entries() {
        let mut entries = helpline_entries(&helplines_fr());
        assert_eq!(entries.len(), 13);
        let get = |id: &str| entries.iter().find(|e| e.id == format!("helpline-{id}")).unwrap().clone();
        assert_eq!(get("15").categories, [Category::Emergency]);
        assert_eq!(get("112").categories, [Category::Emergency]);
        assert_eq!(get("3114").categories, [Category::Helpline]);
        let sms = get("114");
        assert_eq!((sms.phones.len(), sms.sms.as_slice()), (0, ["114".to_string()].as_slice()));
        assert_eq!(sms_uri(&sms.sms[0]), "sms:114");
        let apb = get("allo-parents-bebe");
        assert_eq!(apb.phones, ["0 800 00 34 56"]);
        assert_eq!(tel_uri(&apb.phones[0]), "tel:0800003456");
        assert_eq!(apb.cost, Cost::Free);
        assert!(apb.hours.contains("vérifier"));
        assert!(entries.iter().all(|e| e.is_national() && !e.source.is_empty() && e.origin == Origin::Bundled));
        // They pass the same checks as any entry.
        let doc = to_document(&entries);
        let (back, rejected) = parse_document(&doc, Origin::Bundled).unwrap();
        assert!(rejected.is_empty(), "{rejected:?}");
        assert_eq!(back, entries);
        add_english_descriptions(&mut entries, &Helplines::from_json(HELPLINES, HELPLINES_EN).unwrap());
        assert!(entries.iter().all(|e| e.description_en.is_some()));
    }

    const FORMAT_DOC: &str = include_str!("../../../docs/directory-format.md");

    /// The code blocks of the format document in the given language.
    fn doc_blocks(lang: &str) -> Vec<String> {
        let fence = format!("```{lang}\n");
        FORMAT_DOC.split(&fence).skip(1).map(|rest| rest.split("```").next().unwrap().to_string()).collect()
    }

    /// The backticked words of a markdown table cell.
    fn ticked(cell: &str) -> Vec<&str> {
        cell.split('`').skip(1).step_by(2).collect()
    }

    /// The table rows of the document between two headings.
    fn rows_between<'a>(from: &str, to: &str) -> Vec<Vec<&'a str>> {
        let start = FORMAT_DOC.find(from).unwrap();
        let end = start + FORMAT_DOC[start..].find(to).unwrap();
        FORMAT_DOC[start..end].lines().filter(|l| l.starts_with("| `")).map(|l| l.split(" | ").collect()).collect()
    }

    #[test]
    fn the_format_document_examples_import_without_rejection() {
        let blocks: Vec<String> = doc_blocks("json").into_iter().chain(doc_blocks("csv")).collect();
        assert_eq!(blocks.len(), 4);
        // The first JSON block is the outline ("...entry..."), not a document.
        for block in blocks.iter().filter(|b| !b.contains("...entry...")) {
            let p = preview_import(block.as_bytes(), "doc", &[]).unwrap_or_else(|e| panic!("{e}\n{block}"));
            assert!(p.rejected.is_empty() && p.ignored_columns.is_empty(), "{p:?}");
            assert!(!p.to_add.is_empty());
        }
    }

    #[test]
    fn the_format_document_names_what_the_code_accepts() {
        let fields = rows_between("### Entry fields", "#### Categories");
        assert_eq!(fields.len(), Field::ALL.len() - 1, "one row per field, latitude and longitude together");
        for row in fields {
            let keys: Vec<Field> = ticked(row[0]).iter().map(|k| Field::from_json_name(k).unwrap()).collect();
            for header in ticked(row[3]) {
                let f = Field::from_csv_header(header).unwrap_or_else(|| panic!("{header}"));
                assert!(keys.contains(&f), "{header} is not a header of {keys:?}");
            }
        }
        for row in rows_between("#### Categories", "#### Audience") {
            let joined = row.join("|");
            let words = ticked(&joined);
            let c = Category::parse(words[0]).unwrap();
            assert!(words.iter().all(|w| Category::parse(w) == Some(c)), "{row:?}");
        }
        for row in rows_between("#### Audience", "#### Derived") {
            let joined = row.join("|");
            let words = ticked(&joined);
            let a = Audience::parse(words[0]).unwrap();
            assert!(words.iter().all(|w| Audience::parse(w) == Some(a)), "{row:?}");
        }
    }

    #[test]
    fn the_whole_bundled_directory_is_searchable() {
        let mut entries = bundled();
        entries.extend(helpline_entries(&helplines_fr()));
        let dir = Directory::new(entries, |c| c.id().replace('_', " "));
        let ids = |q: &Query| dir.search(q).iter().map(|h| h.entry.id.clone()).collect::<Vec<_>>();
        let q = Query { text: "deuil perinatal".into(), ..Query::default() };
        assert_eq!(ids(&q), ["partage-besancon"]);
        let q = Query { text: "papas".into(), ..Query::default() };
        assert_eq!(ids(&q), ["les-papas-aussi-jura"]);
        let q = Query { text: "Cœur du Jura".into(), ..Query::default() };
        assert_eq!(ids(&q), ["les-papas-aussi-jura"], "the organisation is searched");
        let q = Query { text: "suicide".into(), ..Query::default() };
        assert_eq!(ids(&q), ["helpline-3114"]);
        // A parent in Bourgoin-Jallieu (38300), training left out by the audience filter.
        let q = Query {
            audiences: vec![Audience::All],
            location: Location::parse("38300"),
            categories: vec![Category::Association, Category::Helpline],
            ..Query::default()
        };
        let found = ids(&q);
        assert_eq!(found[0], "maisons-des-habitants-bourgoin-jallieu");
        assert!(found[1..].iter().all(|id| id.starts_with("helpline-")));
        assert!(!found.contains(&"competences-psychosociales-bourgoin-jallieu".to_string()));
        // Castanet-Tolosan is one of the communes of the Lauragais workshops.
        let near = nearest(dir.entries(), &[Category::Workshop], &Location::parse("Castanet-Tolosan").unwrap(), 3);
        assert_eq!(near.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["ateliers-alimentation-oralite-lauragais"]);
        // The EPDS screen: perinatal help near Dijon, then the national lines.
        let near = nearest(
            dir.entries(),
            &[Category::PerinatalMentalHealth, Category::Helpline],
            &Location::parse("21000").unwrap(),
            3,
        );
        assert_eq!(near.len(), 3);
        assert!(near.iter().all(|e| e.categories.contains(&Category::Helpline)));
    }
}
