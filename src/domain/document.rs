//! What every document Cocon keeps on the device is: a [`Document`] names its storage key
//! and says how it is written, read (with its migrations, see [`super::schema`]), counted
//! and merged. The list of every kind is [`super::documents`]; the backup, import, wipe
//! and the shell's one store loop over it, so that a new kind of document is its own
//! module plus one line there.
//!
//! The rules every document follows (written once here, tested in `documents`):
//! - `read(to_json(d)) == d`, and a text of a newer Cocon is [`Problem::TooNew`], never guessed at;
//! - `merge` only adds: merging a document into itself changes nothing, and where both
//!   hold the same item in two versions, this document's is kept and counted as a conflict.

use super::schema::SchemaError;
use std::any::Any;
use std::fmt;

/// How much data, by kind: what the import's preview, the wipe's confirmation and the
/// merge's conflicts count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Child profiles.
    pub profiles: usize,
    /// Events marked done and own appointments.
    pub marks: usize,
    /// EPDS checks.
    pub checks: usize,
    /// Directory favourites, own entries and imported entries.
    pub entries: usize,
}

impl Counts {
    pub fn is_zero(&self) -> bool {
        *self == Counts::default()
    }

    pub fn plus(self, o: Counts) -> Counts {
        Counts {
            profiles: self.profiles + o.profiles,
            marks: self.marks + o.marks,
            checks: self.checks + o.checks,
            entries: self.entries + o.entries,
        }
    }

    pub fn minus(self, o: Counts) -> Counts {
        Counts {
            profiles: self.profiles.saturating_sub(o.profiles),
            marks: self.marks.saturating_sub(o.marks),
            checks: self.checks.saturating_sub(o.checks),
            entries: self.entries.saturating_sub(o.entries),
        }
    }
}

/// Why one stored document cannot be read (the caller keeps its text aside, untouched).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Written by a newer Cocon.
    TooNew,
    Unreadable(String),
}

impl From<SchemaError> for Problem {
    fn from(e: SchemaError) -> Problem {
        match e {
            SchemaError::TooNew(_) => Problem::TooNew,
            SchemaError::Unreadable(detail) => Problem::Unreadable(detail),
        }
    }
}

/// A document kept on the device under its own key (see the module for its rules).
pub trait Document: Clone + PartialEq + fmt::Debug + Send + Sync + 'static {
    /// The storage key, without Cocon's prefix.
    const KEY: &'static str;
    /// The schema version this build writes (older ones are read through migrations).
    const VERSION: u32;
    /// The stored text, of this build's version.
    fn to_json(&self) -> String;
    /// Reads a stored text of this version or an earlier one (migrated).
    fn read(text: &str) -> Result<Self, Problem>;
    /// What it holds, for the previews and confirmations.
    fn counts(&self) -> Counts {
        Counts::default()
    }
    /// Whether it holds something the parent entered (worth a copy).
    fn has_data(&self) -> bool {
        !self.counts().is_zero()
    }
    /// Adds what `theirs` holds and this lacks (an import's merge); returns the conflicts,
    /// where this document's version was kept. By default, this one is kept whole.
    fn merge(&mut self, theirs: &Self) -> Counts {
        let _ = theirs;
        Counts::default()
    }
}

/// A document of any kind, as the loops over every kind hold it. Not `Debug` itself: a
/// `Debug` in this table would bring every document's `Debug` (and float formatting) into
/// the wasm; its `Debug` is its key and text.
pub trait AnyDocument: Send + Sync {
    fn key(&self) -> &'static str;
    fn to_json(&self) -> String;
    fn counts(&self) -> Counts;
    fn has_data(&self) -> bool;
    /// [`Document::merge`] with a document of the same kind (another kind adds nothing).
    fn merge_any(&mut self, theirs: &dyn AnyDocument) -> Counts;
    fn as_any(&self) -> &dyn Any;
    fn clone_box(&self) -> Box<dyn AnyDocument>;
}

impl<T: Document> AnyDocument for T {
    fn key(&self) -> &'static str {
        T::KEY
    }
    fn to_json(&self) -> String {
        Document::to_json(self)
    }
    fn counts(&self) -> Counts {
        Document::counts(self)
    }
    fn has_data(&self) -> bool {
        Document::has_data(self)
    }
    fn merge_any(&mut self, theirs: &dyn AnyDocument) -> Counts {
        theirs.as_any().downcast_ref::<T>().map_or_else(Counts::default, |theirs| self.merge(theirs))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn clone_box(&self) -> Box<dyn AnyDocument> {
        Box::new(self.clone())
    }
}

impl fmt::Debug for dyn AnyDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.key(), self.to_json())
    }
}

impl Clone for Box<dyn AnyDocument> {
    fn clone(&self) -> Self {
        self.clone_box()
    }
}

impl PartialEq for Box<dyn AnyDocument> {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key() && self.to_json() == other.to_json()
    }
}

/// What a stored text holds, read without keeping it (for the reminder and the
/// confirmations, which only count).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub counts: Counts,
    pub has_data: bool,
}

/// A list of kinds of document, as a tuple of [`Document`] types: the list of every kind
/// is [`super::documents::All`]. Each method answers `None` for a key no kind of the list
/// has. Code is compiled for what each caller uses only: a count does not bring the merge
/// into the wasm module that counts.
pub trait Kinds {
    /// (key, version) of every kind, in the list's order.
    fn keys() -> Vec<(&'static str, u32)>;
    /// Reads `text` stored under `key`, boxed.
    fn read(key: &str, text: &str) -> Option<Result<Box<dyn AnyDocument>, Problem>>;
    /// Reads `text` stored under `key` for what it holds only.
    fn summary(key: &str, text: &str) -> Option<Result<Summary, Problem>>;
}

macro_rules! kinds_of_tuples {
    ($($t:ident),+) => {
        impl<$($t: Document),+> Kinds for ($($t,)+) {
            fn keys() -> Vec<(&'static str, u32)> {
                vec![$(($t::KEY, $t::VERSION)),+]
            }
            fn read(key: &str, text: &str) -> Option<Result<Box<dyn AnyDocument>, Problem>> {
                $(if key == $t::KEY {
                    return Some($t::read(text).map(|d| Box::new(d) as Box<dyn AnyDocument>));
                })+
                None
            }
            fn summary(key: &str, text: &str) -> Option<Result<Summary, Problem>> {
                $(if key == $t::KEY {
                    return Some($t::read(text).map(|d| Summary { counts: d.counts(), has_data: d.has_data() }));
                })+
                None
            }
        }
    };
}

kinds_of_tuples!(A);
kinds_of_tuples!(A, B);
kinds_of_tuples!(A, B, C);
kinds_of_tuples!(A, B, C, D);
kinds_of_tuples!(A, B, C, D, E);
kinds_of_tuples!(A, B, C, D, E, F);
kinds_of_tuples!(A, B, C, D, E, F, G);
kinds_of_tuples!(A, B, C, D, E, F, G, H);
