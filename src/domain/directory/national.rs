//! The national helplines as directory entries: one source of truth
//! (`public/content/helplines.json` and `locales/<lang>/helplines.json`, read by
//! [`crate::domain::helplines`]) serves both the EPDS results and the directory.

use super::model::{Audience, Category, Cost, Entry, Origin};
use crate::domain::helplines::{Channel, Helplines};

/// The emergency numbers (the others are listening and advice lines).
const EMERGENCY_IDS: [&str; 4] = ["15", "112", "17", "114"];

/// The id of the directory entry for the helpline `id` (`"helpline-3114"`).
pub fn helpline_entry_id(helpline_id: &str) -> String {
    format!("helpline-{helpline_id}")
}

/// One bundled, national entry per helpline, in the order of the data file: category
/// [`Category::Emergency`] for 15, 112, 17 and 114, else [`Category::Helpline`]; a call
/// number in `phones`, a text-only number (114) in `sms`; name, hours and purpose in the
/// language of `helplines` (pass the French ones: the directory's text is French, see
/// [`add_english_descriptions`]). No place, so they are national everywhere.
/// `last_verified` is the review date of the helplines data.
pub fn helpline_entries(helplines: &Helplines) -> Vec<Entry> {
    helplines
        .all()
        .iter()
        .map(|h| {
            let (phones, sms) = match h.meta.channel {
                Channel::Call => (vec![h.meta.number.clone()], Vec::new()),
                Channel::Sms => (Vec::new(), vec![h.meta.number.clone()]),
            };
            let category =
                if EMERGENCY_IDS.contains(&h.meta.id.as_str()) { Category::Emergency } else { Category::Helpline };
            Entry {
                id: helpline_entry_id(&h.meta.id),
                name: h.text.name.clone(),
                organisation: String::new(),
                categories: vec![category],
                description: h.text.purpose.clone(),
                description_en: None,
                audience: vec![Audience::All],
                address: String::new(),
                postcode: String::new(),
                commune: String::new(),
                department: String::new(),
                latitude: None,
                longitude: None,
                phones,
                sms,
                email: String::new(),
                website: String::new(),
                hours: h.text.hours.clone(),
                languages: Vec::new(),
                cost: match h.meta.free {
                    Some(true) => Cost::Free,
                    Some(false) => Cost::Paid,
                    None => Cost::Unknown,
                },
                source: h.meta.source.clone(),
                last_verified: Some(helplines.reviewed()),
                origin: Origin::Bundled,
            }
        })
        .collect()
}

/// Sets the English description of the helpline entries from the English helplines.
pub fn add_english_descriptions(entries: &mut [Entry], english: &Helplines) {
    for h in english.all() {
        let id = helpline_entry_id(&h.meta.id);
        for e in entries.iter_mut().filter(|e| e.origin == Origin::Bundled && e.id == id) {
            e.description_en = Some(h.text.purpose.clone());
        }
    }
}
