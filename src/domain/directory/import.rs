//! Reading directory files: the bundled JSON document, and files a parent imports (JSON in
//! the same format, or CSV with a header row). See `docs/directory-format.md`.
//!
//! Nothing here writes anything: [`preview_import`] says what an import would add, update
//! and refuse; [`apply_import`] and [`remove_source`] return new lists for the caller to
//! store.

use super::fold::{fold, slug};
use super::model::{clean_line, is_valid_id, DroppedField, Entry, EntryDraft, Field, Origin, RejectReason, Rejection};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The version of the directory format this build reads and writes.
pub const DIRECTORY_VERSION: u64 = 1;
/// The largest file accepted, in bytes (checked before anything is parsed).
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;
/// The longest import source name, in characters.
pub const MAX_SOURCE_NAME_CHARS: usize = 100;
/// The top-level keys of a JSON document.
const TOP_LEVEL_KEYS: [&str; 3] = ["version", "entries", "about"];

/// Why a whole file was refused (nothing of it is used).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge { bytes: usize, max: usize },
    /// Nothing but whitespace.
    Empty,
    /// Saved as UTF-16 (or UTF-32): it must be saved as UTF-8 ("CSV UTF-8" in spreadsheets).
    Utf16,
    /// Not UTF-8 from this line on: a JSON document (always UTF-8, RFC 8259), or a CSV
    /// file that starts with a UTF-8 byte-order mark. (A CSV file without the mark that is
    /// not UTF-8 is read as Windows-1252.)
    NotUtf8 { line: usize },
    /// Holds NUL bytes: not a text file (or UTF-16 without its mark).
    NotText { line: usize },
    /// Not JSON (the place of the first error).
    Json { line: usize, column: usize, detail: String },
    /// The document's `version` is missing or is not [`DIRECTORY_VERSION`].
    VersionMismatch { found: Option<u64> },
    /// No `entries` array.
    NoEntries,
    /// A top-level key other than `version`, `entries` and `about`.
    UnknownKey(String),
    /// The CSV header has no column for this required field.
    MissingColumn(Field),
    /// Two CSV columns for the same field.
    DuplicateColumn { field: Field, header: String },
    /// The import's source name is blank or longer than [`MAX_SOURCE_NAME_CHARS`].
    BadSourceName,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use FileError::*;
        match self {
            TooLarge { bytes, max } => write!(f, "the file has {bytes} bytes, the limit is {max}"),
            Empty => write!(f, "the file is empty"),
            Utf16 => write!(f, "the file is UTF-16: save it as UTF-8"),
            NotUtf8 { line } => write!(f, "line {line} is not UTF-8: save the file as UTF-8"),
            NotText { line } => write!(f, "line {line} holds NUL bytes: not a text file"),
            Json { line, column, detail } => write!(f, "line {line}, column {column}: not JSON ({detail})"),
            VersionMismatch { found } => write!(f, "version {found:?}, expected {DIRECTORY_VERSION}"),
            NoEntries => write!(f, "no \"entries\" list"),
            UnknownKey(k) => write!(f, "unknown key {k:?}"),
            MissingColumn(field) => write!(f, "no column for {field}"),
            DuplicateColumn { field, header } => write!(f, "column {header:?} repeats {field}"),
            BadSourceName => write!(f, "the source name is blank or too long"),
        }
    }
}

impl std::error::Error for FileError {}

/// Why the bundled document was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    File(FileError),
    /// Records that do not pass the checks (the bundled file must have none).
    Rejected(Vec<Rejection>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::File(e) => e.fmt(f),
            LoadError::Rejected(r) => {
                let lines: Vec<String> = r.iter().map(Rejection::to_string).collect();
                write!(f, "{}", lines.join("; "))
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// How the bytes of an imported file were read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (a spreadsheet's "CSV UTF-8").
    Utf8Bom,
    /// Windows-1252 (a spreadsheet's plain "CSV" on Windows in French): a CSV file whose
    /// bytes are not UTF-8.
    Windows1252,
}

/// A CSV column: its header as written, and the field it fills (`None`: not read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub header: String,
    pub field: Option<Field>,
}

/// A field an imported entry is kept without: the line the record starts on, the entry's
/// name, the field and why it could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    pub line: usize,
    pub name: String,
    pub field: Field,
    pub reason: RejectReason,
}

/// What an import would do, for the parent to confirm. Nothing is written.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    /// The import's source name (the `source` of [`Origin::Imported`]).
    pub source: String,
    /// New entries, in file order.
    pub to_add: Vec<Entry>,
    /// Entries replacing an entry of the same source with the same id, or with the same
    /// name (folded) and postcode (then keeping that entry's id), in file order.
    pub to_update: Vec<Entry>,
    /// Records refused, with the line they start on.
    pub rejected: Vec<Rejection>,
    /// CSV header names that match no field (their columns are not read).
    pub ignored_columns: Vec<String>,
    /// How the file was read.
    pub encoding: Encoding,
    /// Every CSV column in file order, with the field it fills (empty for JSON).
    pub columns: Vec<Column>,
    /// The fields left out of kept entries, in line order.
    pub dropped: Vec<Dropped>,
}

// ---- text ----

/// The characters of Windows-1252's bytes 0x80 to 0x9F (the WHATWG and Microsoft table);
/// the five bytes with no character there (0x81, 0x8D, 0x8F, 0x90, 0x9D) are U+FFFD. Every
/// other byte is the Unicode character of the same number (ASCII and Latin-1).
const WINDOWS_1252_80_9F: [char; 32] = [
    '\u{20AC}', '\u{FFFD}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', // 80-87
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{FFFD}', '\u{017D}', '\u{FFFD}', // 88-8F
    '\u{FFFD}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', // 90-97
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{FFFD}', '\u{017E}', '\u{0178}', // 98-9F
];

/// Windows-1252 bytes as text.
pub fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252_80_9F[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// Whether the text is a JSON document (told apart from CSV by its first character).
fn looks_like_json(text: &str) -> bool {
    text.trim_start().starts_with(['{', '['])
}

/// The file's text and how it was read: size checked first, then the encoding. UTF-16 is
/// refused; a UTF-8 byte-order mark is dropped; a file that is not UTF-8 is read as
/// Windows-1252, unless it is JSON (always UTF-8) or starts with the UTF-8 mark.
fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: bytes.len(), max: MAX_FILE_BYTES });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(FileError::Utf16);
    }
    let (bytes, bom) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let line_at = |i: usize| bytes[..i].iter().filter(|b| **b == b'\n').count() + 1;
    if let Some(i) = bytes.iter().position(|b| *b == 0) {
        return Err(FileError::NotText { line: line_at(i) });
    }
    let (text, encoding) = match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), if bom { Encoding::Utf8Bom } else { Encoding::Utf8 }),
        Err(e) => {
            let not_utf8 = FileError::NotUtf8 { line: line_at(e.valid_up_to()) };
            if bom {
                return Err(not_utf8);
            }
            let text = decode_windows_1252(bytes);
            if looks_like_json(&text) {
                return Err(not_utf8);
            }
            (Cow::Owned(text), Encoding::Windows1252)
        }
    };
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    Ok((text, encoding))
}

// ---- JSON ----

/// The line (1-based) where each element of the top-level `entries` array starts. A small
/// scanner over text already known to be JSON.
fn record_lines(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut lines = Vec::new();
    let mut stack: Vec<u8> = Vec::new();
    let mut line = 1;
    let mut last_key: &str = "";
    let mut entries_open = false;
    let mut expect_element = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let in_entries = entries_open && stack.len() == 2;
        match c {
            b'\n' => line += 1,
            b' ' | b'\t' | b'\r' | b':' => {}
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if stack.len() == 1 {
                    last_key = &text[start..i.min(b.len())];
                }
                if in_entries && expect_element {
                    lines.push(line);
                    expect_element = false;
                }
            }
            b'{' | b'[' => {
                if in_entries && expect_element {
                    lines.push(line);
                    expect_element = false;
                }
                stack.push(c);
                if c == b'[' && stack.len() == 2 && stack[0] == b'{' && last_key == "entries" {
                    entries_open = true;
                    expect_element = true;
                }
            }
            b'}' | b']' => {
                stack.pop();
                if entries_open && stack.len() < 2 {
                    entries_open = false;
                }
            }
            b',' => {
                if in_entries {
                    expect_element = true;
                }
            }
            _ => {
                if in_entries && expect_element {
                    lines.push(line);
                    expect_element = false;
                }
            }
        }
        i += 1;
    }
    lines
}

/// One record of a file: the line it starts on, its draft (or why it cannot be one), and
/// what was already left out while reading it (a CSV coordinate that is not a number).
struct Record {
    line: usize,
    draft: Result<EntryDraft, RejectReason>,
    dropped: Vec<DroppedField>,
}

type Drafts = Vec<Record>;

/// The records of a JSON document, each with its line.
fn json_drafts(text: &str) -> Result<Drafts, FileError> {
    let value: Value = serde_json::from_str(text).map_err(|e| FileError::Json {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })?;
    let Some(doc) = value.as_object() else {
        return Err(FileError::VersionMismatch { found: None });
    };
    let found = doc.get("version").and_then(Value::as_u64);
    if found != Some(DIRECTORY_VERSION) {
        return Err(FileError::VersionMismatch { found });
    }
    if let Some(key) = doc.keys().find(|k| !TOP_LEVEL_KEYS.contains(&k.as_str())) {
        return Err(FileError::UnknownKey(key.clone()));
    }
    let entries = doc.get("entries").and_then(Value::as_array).ok_or(FileError::NoEntries)?;
    let lines = record_lines(text);
    Ok(entries
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let line = lines.get(i).copied().unwrap_or(0);
            let draft = match v.as_object() {
                None => Err(RejectReason::Malformed("not an object".into())),
                Some(map) => match map.keys().find(|k| Field::from_json_name(k).is_none()) {
                    Some(k) => Err(RejectReason::UnknownField(k.clone())),
                    None => serde_json::from_value::<EntryDraft>(v.clone())
                        .map_err(|e| RejectReason::Malformed(e.to_string())),
                },
            };
            Record { line, draft, dropped: Vec::new() }
        })
        .collect())
}

// ---- CSV ----

/// One CSV record and the line it starts on.
pub(super) struct CsvRow {
    pub(super) line: usize,
    pub(super) fields: Vec<String>,
}

/// `;` when the header line has at least as many semicolons as commas (outside quotes),
/// else `,`.
pub(super) fn detect_separator(text: &str) -> u8 {
    let header = text.split('\n').next().unwrap_or("");
    let (mut semicolons, mut commas, mut quoted) = (0, 0, false);
    for b in header.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b';' if !quoted => semicolons += 1,
            b',' if !quoted => commas += 1,
            _ => {}
        }
    }
    if semicolons > 0 && semicolons >= commas {
        b';'
    } else {
        b','
    }
}

/// RFC 4180 records, leniently: fields in double quotes may hold the separator, line breaks
/// and `""` for a quote; a quote inside an unquoted field is kept as is; `\r\n`, `\n` and
/// `\r` end a record. Returns the records and, if a quoted field never closes, the line of
/// the record it started in (that record and the rest of the file are lost).
pub(super) fn parse_csv(text: &str, sep: u8) -> (Vec<CsvRow>, Option<usize>) {
    let b = text.as_bytes();
    let mut rows = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field: Vec<u8> = Vec::new();
    let (mut line, mut row_line) = (1, 1);
    let (mut in_quotes, mut at_start) = (false, true);
    let take = |field: &mut Vec<u8>| String::from_utf8_lossy(&std::mem::take(field)).into_owned();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if in_quotes {
            match c {
                b'"' if b.get(i + 1) == Some(&b'"') => {
                    field.push(b'"');
                    i += 1;
                }
                b'"' => in_quotes = false,
                b'\r' => {
                    if b.get(i + 1) != Some(&b'\n') {
                        field.push(b'\n');
                        line += 1;
                    }
                }
                b'\n' => {
                    field.push(b'\n');
                    line += 1;
                }
                _ => field.push(c),
            }
        } else if c == b'"' && at_start {
            in_quotes = true;
            at_start = false;
        } else if c == sep {
            fields.push(take(&mut field));
            at_start = true;
        } else if c == b'\n' || c == b'\r' {
            if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            fields.push(take(&mut field));
            rows.push(CsvRow { line: row_line, fields: std::mem::take(&mut fields) });
            line += 1;
            row_line = line;
            at_start = true;
        } else {
            field.push(c);
            at_start = false;
        }
        i += 1;
    }
    if in_quotes {
        return (rows, Some(row_line));
    }
    if !fields.is_empty() || !field.is_empty() {
        fields.push(take(&mut field));
        rows.push(CsvRow { line: row_line, fields });
    }
    (rows, None)
}

/// The items of a list cell: split at `|`, `,`, `;` or `/`, trimmed, blanks dropped.
fn split_list(cell: &str) -> Vec<String> {
    cell.split(['|', ',', ';', '/']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// A coordinate cell: empty, or a number with a dot or a decimal comma.
fn parse_coordinate(cell: &str) -> Result<Option<f64>, RejectReason> {
    let s = cell.trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.replace(',', ".").parse::<f64>().map(Some).map_err(|_| RejectReason::BadCoordinates)
}

/// The draft of a CSV row, and the fields already left out: coordinates that are not
/// numbers are dropped (both of them), not a reason to refuse the row.
fn csv_draft(columns: &[Option<Field>], fields: &[String]) -> (EntryDraft, Vec<DroppedField>) {
    let mut d = EntryDraft::default();
    let mut bad_coordinates = false;
    let mut coordinate = |cell: &str| {
        parse_coordinate(cell).unwrap_or_else(|_| {
            bad_coordinates = true;
            None
        })
    };
    for (field, cell) in columns.iter().zip(fields) {
        let Some(field) = field else { continue };
        let text = cell.clone();
        match field {
            Field::Id => d.id = text,
            Field::Name => d.name = text,
            Field::Organisation => d.organisation = text,
            Field::Categories => d.categories = split_list(cell),
            Field::Description => d.description = text,
            Field::DescriptionEn => d.description_en = text,
            Field::Audience => d.audience = split_list(cell),
            Field::Address => d.address = text,
            Field::Postcode => d.postcode = text,
            Field::Commune => d.commune = text,
            Field::Department => d.department = text,
            Field::Latitude => d.latitude = coordinate(cell),
            Field::Longitude => d.longitude = coordinate(cell),
            Field::Phones => d.phones = split_list(cell),
            Field::Sms => d.sms = split_list(cell),
            Field::Email => d.email = text,
            Field::Website => d.website = text,
            Field::Hours => d.hours = text,
            Field::Languages => d.languages = split_list(cell),
            Field::Cost => d.cost = text,
            Field::Source => d.source = text,
            Field::LastVerified => d.last_verified = text,
        }
    }
    let mut dropped = Vec::new();
    if bad_coordinates {
        d.latitude = None;
        d.longitude = None;
        dropped.push(DroppedField { field: Field::Latitude, reason: RejectReason::BadCoordinates });
    }
    (d, dropped)
}

/// The records of a CSV file, each with its line; the header names not read; every column
/// with the field it fills.
fn csv_drafts(text: &str) -> Result<(Drafts, Vec<String>, Vec<Column>), FileError> {
    let sep = detect_separator(text);
    let (rows, unterminated) = parse_csv(text, sep);
    let mut rows = rows.into_iter().filter(|r| r.fields.iter().any(|f| !f.trim().is_empty()));
    let header = rows.next().ok_or(FileError::Empty)?;
    let mut columns: Vec<Option<Field>> = Vec::new();
    let mut ignored = Vec::new();
    let mut mapping = Vec::new();
    for name in &header.fields {
        let name = name.trim().trim_start_matches('\u{FEFF}');
        let field = Field::from_csv_header(name);
        if !name.is_empty() {
            mapping.push(Column { header: name.to_string(), field });
        }
        match field {
            Some(f) if columns.contains(&Some(f)) => {
                return Err(FileError::DuplicateColumn { field: f, header: name.to_string() })
            }
            None if !name.is_empty() => ignored.push(name.to_string()),
            _ => {}
        }
        columns.push(field);
    }
    if !columns.contains(&Some(Field::Name)) {
        return Err(FileError::MissingColumn(Field::Name));
    }
    let mut drafts: Drafts = rows
        .map(|row| {
            let (expected, found) = (columns.len(), row.fields.len());
            let extra_blank = found > expected && row.fields[expected..].iter().all(|f| f.trim().is_empty());
            if found != expected && !extra_blank {
                return Record {
                    line: row.line,
                    draft: Err(RejectReason::WrongFieldCount { expected, found }),
                    dropped: Vec::new(),
                };
            }
            let (draft, dropped) = csv_draft(&columns, &row.fields);
            Record { line: row.line, draft: Ok(draft), dropped }
        })
        .collect();
    if let Some(line) = unterminated {
        drafts.push(Record { line, draft: Err(RejectReason::UnterminatedQuote), dropped: Vec::new() });
    }
    Ok((drafts, ignored, mapping))
}

// ---- checks common to every file ----

/// A generated id: the name's slug and the postcode (ASCII only; `entry` if nothing is left).
fn generated_id(draft: &EntryDraft) -> String {
    let name: String = slug(&draft.name).chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    let name = name.trim_matches('-');
    let base = if name.is_empty() { "entry" } else { name };
    let postcode = clean_line(&draft.postcode).to_ascii_lowercase();
    if postcode.is_empty() || !postcode.bytes().all(|b| b.is_ascii_alphanumeric()) {
        base.to_string()
    } else {
        format!("{base}-{postcode}")
    }
}

/// How strictly records are checked.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Checks {
    /// Every field must pass ([`EntryDraft::validate`]): the bundled file.
    Strict,
    /// A field that cannot be read is left out ([`EntryDraft::validate_keeping`]), and an
    /// id that is not valid is replaced by a generated one: imports.
    Keeping,
}

/// What [`check_all`] gives: the entries, the records refused, the fields left out.
type Checked = (Vec<Entry>, Vec<Rejection>, Vec<Dropped>);

/// Checks every draft: a missing source gets `default_source`, a missing id a generated one
/// (unique in the file), a repeated id is refused with its line.
fn check_all(drafts: Drafts, origin: &Origin, default_source: Option<&str>, checks: Checks) -> Checked {
    let explicit: HashSet<String> = drafts
        .iter()
        .filter_map(|r| r.draft.as_ref().ok())
        .map(|d| clean_line(&d.id))
        .filter(|id| !id.is_empty())
        .collect();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let mut used: HashSet<String> = HashSet::new();
    let mut entries = Vec::new();
    let mut rejected = Vec::new();
    let mut dropped = Vec::new();
    for Record { line, draft, dropped: mut left_out } in drafts {
        let mut draft = match draft {
            Ok(d) => d,
            Err(reason) => {
                rejected.push(Rejection { line, reason });
                continue;
            }
        };
        if let Some(source) = default_source {
            if draft.source.trim().is_empty() {
                draft.source = source.to_string();
            }
        }
        let mut id = clean_line(&draft.id);
        if checks == Checks::Keeping
            && !id.is_empty()
            && (!is_valid_id(&id) || id.chars().count() > Field::Id.max_chars())
        {
            left_out.push(DroppedField { field: Field::Id, reason: RejectReason::BadId(id) });
            id = String::new();
        }
        if id.is_empty() {
            let base = generated_id(&draft);
            let mut candidate = base.clone();
            let mut n = 2;
            while explicit.contains(&candidate) || used.contains(&candidate) {
                candidate = format!("{base}-{n}");
                n += 1;
            }
            draft.id = candidate;
        } else if let Some(first) = first_line.get(&id) {
            rejected.push(Rejection { line, reason: RejectReason::DuplicateId { id, first_line: *first } });
            continue;
        } else {
            first_line.insert(id, line);
        }
        let id = draft.id.clone();
        let checked = match checks {
            Checks::Strict => draft.validate(origin.clone()).map(|e| (e, Vec::new())),
            Checks::Keeping => draft.validate_keeping(origin.clone()),
        };
        match checked {
            Ok((entry, more)) => {
                used.insert(id);
                dropped.extend(left_out.into_iter().chain(more).map(|d| Dropped {
                    line,
                    name: entry.name.clone(),
                    field: d.field,
                    reason: d.reason,
                }));
                entries.push(entry);
            }
            Err(reason) => rejected.push(Rejection { line, reason }),
        }
    }
    crate::domain::sort::sort_by_key(&mut rejected, |r| r.line);
    (entries, rejected, dropped)
}

// ---- the public doors ----

/// Reads a JSON document of the format: the entries that pass the checks, with `origin`,
/// and the records refused. A record without a source is refused.
pub fn parse_document(json: &str, origin: Origin) -> Result<(Vec<Entry>, Vec<Rejection>), FileError> {
    let (text, _) = decode(json.as_bytes())?;
    let (entries, rejected, _) = check_all(json_drafts(&text)?, &origin, None, Checks::Strict);
    Ok((entries, rejected))
}

/// Reads `public/content/directory.json`: every record must pass.
pub fn load_bundled(json: &str) -> Result<Vec<Entry>, LoadError> {
    let (entries, rejected) = parse_document(json, Origin::Bundled).map_err(LoadError::File)?;
    if rejected.is_empty() {
        Ok(entries)
    } else {
        Err(LoadError::Rejected(rejected))
    }
}

/// What importing `bytes` (a JSON document of the format, or a CSV file; told apart by the
/// first character) under the source name `source` would do, given the `existing` entries.
/// Entries get [`Origin::Imported`] with that name, and that name as their `source` when
/// the record names none. Nothing is written.
pub fn preview_import(bytes: &[u8], source: &str, existing: &[Entry]) -> Result<ImportPreview, FileError> {
    let (text, encoding) = decode(bytes)?;
    let source = clean_line(source);
    if source.is_empty() || source.chars().count() > MAX_SOURCE_NAME_CHARS {
        return Err(FileError::BadSourceName);
    }
    let (drafts, ignored_columns, columns) =
        if looks_like_json(&text) { (json_drafts(&text)?, Vec::new(), Vec::new()) } else { csv_drafts(&text)? };
    let origin = Origin::Imported { source: source.clone() };
    let (entries, rejected, dropped) = check_all(drafts, &origin, Some(&source), Checks::Keeping);

    let same_source: Vec<&Entry> = existing.iter().filter(|e| e.origin == origin).collect();
    let by_id: HashMap<&str, usize> = same_source.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let mut by_name: HashMap<(String, &str), Vec<usize>> = HashMap::new();
    for (i, e) in same_source.iter().enumerate() {
        by_name.entry((fold(&e.name), e.postcode.as_str())).or_default().push(i);
    }
    let mut claimed = vec![false; same_source.len()];
    let mut matched: Vec<Option<usize>> = entries
        .iter()
        .map(|e| {
            let i = *by_id.get(e.id.as_str())?;
            claimed[i] = true;
            Some(i)
        })
        .collect();
    for (e, m) in entries.iter().zip(matched.iter_mut()) {
        if m.is_none() {
            let candidates = by_name.get(&(fold(&e.name), e.postcode.as_str()));
            if let Some(&i) = candidates.and_then(|c| c.iter().find(|&&i| !claimed[i])) {
                claimed[i] = true;
                *m = Some(i);
            }
        }
    }
    let mut to_add = Vec::new();
    let mut to_update = Vec::new();
    for (mut e, m) in entries.into_iter().zip(matched) {
        match m {
            Some(i) => {
                e.id = same_source[i].id.clone();
                to_update.push(e);
            }
            None => to_add.push(e),
        }
    }
    Ok(ImportPreview { source, to_add, to_update, rejected, ignored_columns, encoding, columns, dropped })
}

/// The entries after a confirmed import: updated entries replace those of the same source
/// and id, new entries are appended.
pub fn apply_import(mut entries: Vec<Entry>, preview: ImportPreview) -> Vec<Entry> {
    let origin = Origin::Imported { source: preview.source };
    for update in preview.to_update {
        match entries.iter_mut().find(|e| e.origin == origin && e.id == update.id) {
            Some(slot) => *slot = update,
            None => entries.push(update),
        }
    }
    entries.extend(preview.to_add);
    entries
}

/// The entries without those imported under the source name `source`.
pub fn remove_source(entries: Vec<Entry>, source: &str) -> Vec<Entry> {
    entries.into_iter().filter(|e| !matches!(&e.origin, Origin::Imported { source: s } if s == source)).collect()
}

/// The names of the import sources present, in first-seen order.
pub fn import_sources(entries: &[Entry]) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for e in entries {
        if let Origin::Imported { source } = &e.origin {
            if !names.contains(&source.as_str()) {
                names.push(source);
            }
        }
    }
    names
}

/// `entries` as a JSON document of the format (for export; `origin` is not part of it).
pub fn to_document(entries: &[Entry]) -> String {
    serde_json::to_string_pretty(&document_value(entries, None)).unwrap_or_default()
}

/// The JSON document of `entries` (their `origin` left out: the reader sets it), with an
/// optional `about` text.
pub(super) fn document_value(entries: &[Entry], about: Option<&str>) -> Value {
    let list: Vec<Value> = entries
        .iter()
        .map(|e| {
            let mut v = serde_json::to_value(e).unwrap_or(Value::Null);
            if let Some(map) = v.as_object_mut() {
                map.remove("origin");
            }
            v
        })
        .collect();
    match about {
        Some(about) => serde_json::json!({ "version": DIRECTORY_VERSION, "about": about, "entries": list }),
        None => serde_json::json!({ "version": DIRECTORY_VERSION, "entries": list }),
    }
}

#[cfg(test)]
mod tests {
    use super::super::model::{Audience, Category, Cost};
    use super::*;

    fn preview(text: &str) -> ImportPreview {
        preview_import(text.as_bytes(), "Réseau PMI 38", &[]).unwrap_or_else(|e| panic!("{e}"))
    }

    fn names(entries: &[Entry]) -> Vec<&str> {
        entries.iter().map(|e| e.name.as_str()).collect()
    }

    #[test]
    fn csv_with_semicolons_and_french_headers() {
        let p = preview(
            "Nom;Catégories;Code postal;Commune;Téléphone;Courriel;Site web;Public;Gratuit/payant;Horaires\n\
             Centre PMI Champfleuri;pmi;38300;Bourgoin-Jallieu;04 74 00 00 00;pmi@example.fr;https://example.fr;grossesse|0-1;gratuit;Lun-ven 9h-12h\n\
             LAEP Les Petits Pas;laep;38080;L'Isle-d'Abeau;;;;;;\n",
        );
        assert!(p.rejected.is_empty(), "{:?}", p.rejected);
        assert!(p.ignored_columns.is_empty());
        assert_eq!(names(&p.to_add), ["Centre PMI Champfleuri", "LAEP Les Petits Pas"]);
        let e = &p.to_add[0];
        assert_eq!(e.categories, [Category::PmiCentre]);
        assert_eq!(e.audience, [Audience::Pregnancy, Audience::Age0To1]);
        assert_eq!((e.postcode.as_str(), e.department.as_str()), ("38300", "38"));
        assert_eq!(e.phones, ["04 74 00 00 00"]);
        assert_eq!(e.cost, Cost::Free);
        assert_eq!(e.hours, "Lun-ven 9h-12h");
        assert_eq!(e.source, "Réseau PMI 38", "no source column: the import's name");
        assert_eq!(e.origin, Origin::Imported { source: "Réseau PMI 38".into() });
        assert_eq!(e.id, "centre-pmi-champfleuri-38300");
    }

    #[test]
    fn csv_with_commas_english_headers_bom_crlf_and_quotes() {
        let text = "\u{FEFF}name,postcode,description,phone,latitude,longitude,Notes\r\n\
                    \"Café des parents, Lyon\",69003,\"Line one\r\nLine \"\"two\"\"\",\"04 72 00 00 00 | 06 00 00 00 00\",45.76,\"4,85\",x\r\n\
                    Relais,69003,,,,,\r\n";
        let p = preview(text);
        assert!(p.rejected.is_empty(), "{:?}", p.rejected);
        assert_eq!(p.ignored_columns, ["Notes"]);
        assert_eq!(names(&p.to_add), ["Café des parents, Lyon", "Relais"]);
        let e = &p.to_add[0];
        assert_eq!(e.description, "Line one\nLine \"two\"");
        assert_eq!(e.phones, ["04 72 00 00 00", "06 00 00 00 00"]);
        assert_eq!((e.latitude, e.longitude), (Some(45.76), Some(4.85)));
    }

    #[test]
    fn rejected_rows_and_dropped_fields_carry_their_line() {
        let text = "nom;code_postal;site;email;id\n\
                    Bon;38300;;;a\n\
                    ;38300;;;b\n\
                    \"Sur deux\n\
                    lignes\";3830;;;c\n\
                    Lien;38300;javascript:alert(1);;d\n\
                    Mail;38300;;pas-un-mail;e\n\
                    Doublon;38300;;;a\n\
                    Trop;38300;;;f;x\n\
                    Court;38300\n\
                    Fin;38300;;;g\n";
        let p = preview(text);
        assert_eq!(names(&p.to_add), ["Bon", "Sur deux lignes", "Mail", "Fin"]);
        let got: Vec<(usize, &RejectReason)> = p.rejected.iter().map(|r| (r.line, &r.reason)).collect();
        assert_eq!(
            got,
            [
                (3, &RejectReason::MissingName),
                (6, &RejectReason::UnsafeLink { field: Field::Website, value: "javascript:alert(1)".into() }),
                (8, &RejectReason::DuplicateId { id: "a".into(), first_line: 2 }),
                (9, &RejectReason::WrongFieldCount { expected: 5, found: 6 }),
                (10, &RejectReason::WrongFieldCount { expected: 5, found: 2 }),
            ]
        );
        // A field that cannot be read is left out, with its reason; the entry is kept.
        assert_eq!(
            p.dropped,
            [
                Dropped {
                    line: 4,
                    name: "Sur deux lignes".into(),
                    field: Field::Postcode,
                    reason: RejectReason::BadPostcode("3830".into())
                },
                Dropped {
                    line: 7,
                    name: "Mail".into(),
                    field: Field::Email,
                    reason: RejectReason::BadEmail("pas-un-mail".into())
                },
            ]
        );
        assert_eq!((p.to_add[1].postcode.as_str(), p.to_add[2].email.as_str()), ("", ""));
        assert_eq!(p.to_add[1].id, "c");
    }

    #[test]
    fn one_bad_field_never_refuses_an_entry_only_an_unsafe_or_nameless_one() {
        let text = "Nom;Public;Catégories;Téléphone;Latitude;Longitude;Coût;Vérifié le;Courriel;id;Site\n\
                    Tout faux;6-11 ans|0-3 ans;piscine|crèche;04 72 XX XX XX|04 00 00 00 01;45,x;5,2;parfois;hier;a@;a b;pas un site\n\
                    Coordonnées;;;;nord;sud;;;;;\n\
                    Piégé;;;tel:04;45.1;5.1;;;;;javascript:alert(1)\n\
                    ;0-3 ans;;;;;;;;;\n";
        let p = preview(text);
        assert_eq!(names(&p.to_add), ["Tout faux", "Coordonnées"]);
        let e = &p.to_add[0];
        assert_eq!(e.audience, [Audience::Age0To1, Audience::Age1To3]);
        assert_eq!(e.categories, [Category::Childcare]);
        assert_eq!(e.phones, ["04 00 00 00 01"]);
        assert_eq!((e.latitude, e.longitude), (None, None));
        assert_eq!((e.cost, e.last_verified, e.email.as_str(), e.website.as_str()), (Cost::Unknown, None, "", ""));
        assert_eq!(e.id, "tout-faux", "a bad id is replaced by a generated one");
        let fields: Vec<(usize, Field)> = p.dropped.iter().map(|d| (d.line, d.field)).collect();
        for f in [
            Field::Audience,
            Field::Categories,
            Field::Phones,
            Field::Latitude,
            Field::Cost,
            Field::LastVerified,
            Field::Email,
            Field::Id,
            Field::Website,
        ] {
            assert!(fields.contains(&(2, f)), "{f:?} in {fields:?}");
        }
        assert!(p.dropped.iter().all(|d| d.line != 2 || d.name == "Tout faux"));
        assert!(p.dropped.contains(&Dropped {
            line: 2,
            name: "Tout faux".into(),
            field: Field::Phones,
            reason: RejectReason::BadPhone("04 72 XX XX XX".into())
        }));
        // Coordinates that are not numbers: both dropped, once, the row kept.
        assert_eq!(
            p.dropped.iter().filter(|d| d.line == 3).map(|d| (d.field, &d.reason)).collect::<Vec<_>>(),
            [(Field::Latitude, &RejectReason::BadCoordinates)]
        );
        let got: Vec<(usize, &RejectReason)> = p.rejected.iter().map(|r| (r.line, &r.reason)).collect();
        assert_eq!(
            got,
            [
                (4, &RejectReason::UnsafeLink { field: Field::Website, value: "javascript:alert(1)".into() }),
                (5, &RejectReason::MissingName),
            ]
        );
    }

    #[test]
    fn the_bundled_file_stays_strict() {
        let doc = r#"{"version": 1, "entries": [
            {"id": "a", "name": "A", "source": "s", "phones": ["04 72 XX XX XX"]},
            {"id": "b", "name": "B", "source": "s", "audience": ["0-3 ans"], "categories": ["RPE"]}
        ]}"#;
        assert!(matches!(load_bundled(doc), Err(LoadError::Rejected(r)) if r.len() == 1 && r[0].line == 2));
        let (entries, _) = parse_document(doc, Origin::Bundled).unwrap();
        assert_eq!(entries[0].categories, [Category::Childcare]);
        // The same document imported keeps A, without its phone.
        let p = preview(doc);
        assert_eq!(names(&p.to_add), ["A", "B"]);
        assert_eq!(p.dropped.len(), 1);
        assert_eq!((p.encoding, p.columns.len()), (Encoding::Utf8, 0));
    }

    const EXCEL_1252: &[u8] = include_bytes!("../../../tests/fixtures/directory-excel-1252.csv");
    const EXCEL_UTF8_BOM: &[u8] = include_bytes!("../../../tests/fixtures/directory-excel-utf8bom.csv");

    #[test]
    fn a_spreadsheet_saved_by_excel_is_read_whole() {
        assert!(EXCEL_1252.contains(&0xE9) && EXCEL_1252.contains(&0x80), "the fixture is Windows-1252 bytes (é, €)");
        assert!(EXCEL_UTF8_BOM.starts_with(&[0xEF, 0xBB, 0xBF]));
        let p = preview_import(EXCEL_1252, "Services de Saint-Exemple", &[]).unwrap();
        assert_eq!(p.encoding, Encoding::Windows1252);
        assert!(p.rejected.is_empty(), "{:?}", p.rejected);
        assert_eq!(
            names(&p.to_add),
            [
                "Maison de l'Enfance – Bérénice",
                "Lieu d'accueil enfants-parents « Les Câlins »",
                "Centre de PMI – Cœur de ville",
                "Relais Petite Enfance « Pirouette »",
                "Atelier d’éveil « Les Pitchoun’s »",
                "Groupe de parole « Futurs parents »",
            ]
        );
        let cats: Vec<&[Category]> = p.to_add.iter().map(|e| e.categories.as_slice()).collect();
        assert_eq!(
            cats,
            [
                &[Category::Childcare][..],
                &[Category::ParentChildPlace],
                &[Category::PmiCentre],
                &[Category::Childcare],
                &[Category::Workshop],
                &[Category::SupportGroup],
            ]
        );
        use Audience::{Age0To1, Age1To3, Pregnancy};
        let audiences: Vec<&[Audience]> = p.to_add.iter().map(|e| e.audience.as_slice()).collect();
        assert_eq!(
            audiences,
            [
                &[Age0To1, Age1To3][..],
                &[Age0To1, Age1To3],
                &[Pregnancy, Age0To1, Age1To3],
                &[Age0To1, Age1To3],
                &[Age0To1, Age1To3],
                &[Pregnancy],
            ]
        );
        let laep = &p.to_add[1];
        assert!(laep.phones.is_empty());
        assert_eq!(laep.website, "https://www.exemple.fr/laep");
        assert_eq!(laep.address, "3 place de l'Église");
        assert_eq!(p.to_add[0].phones, ["04 00 00 00 01"]);
        assert_eq!(p.to_add[0].commune, "Saint-Exemple-sur-Saône");
        assert_eq!((p.to_add[0].postcode.as_str(), p.to_add[0].department.as_str()), ("69990", "69"));
        assert_eq!(p.to_add[5].hours, "Un jeudi sur deux, 18 h – 20 h (2 € la séance)");
        assert_eq!(p.to_add[5].address, "Centre social Œuvre commune, 8 rue du Port");
        assert_eq!(
            p.dropped,
            [Dropped {
                line: 3,
                name: "Lieu d'accueil enfants-parents « Les Câlins »".into(),
                field: Field::Phones,
                reason: RejectReason::BadPhone("04 72 XX XX XX".into()),
            }]
        );
        let mapping: Vec<(&str, Option<Field>)> = p.columns.iter().map(|c| (c.header.as_str(), c.field)).collect();
        assert_eq!(
            mapping,
            [
                ("Nom", Some(Field::Name)),
                ("Catégorie", Some(Field::Categories)),
                ("Public", Some(Field::Audience)),
                ("Adresse", Some(Field::Address)),
                ("Code postal", Some(Field::Postcode)),
                ("Commune", Some(Field::Commune)),
                ("Téléphone", Some(Field::Phones)),
                ("Horaires", Some(Field::Hours)),
                ("Site", Some(Field::Website)),
            ]
        );
        assert!(p.ignored_columns.is_empty());
        // The same sheet saved as "CSV UTF-8" gives the same entries.
        let q = preview_import(EXCEL_UTF8_BOM, "Services de Saint-Exemple", &[]).unwrap();
        assert_eq!(q.encoding, Encoding::Utf8Bom);
        assert_eq!((q.to_add, q.dropped, q.columns), (p.to_add, p.dropped, p.columns));
    }

    #[test]
    fn windows_1252_is_read_with_every_accent() {
        let high: Vec<u8> = (0x80..=0xFF).collect();
        let text = decode_windows_1252(&high);
        let expected_80_9f = "€\u{FFFD}‚ƒ„…†‡ˆ‰Š‹Œ\u{FFFD}Ž\u{FFFD}\u{FFFD}‘’“”•–—˜™š›œ\u{FFFD}žŸ";
        assert_eq!(text.chars().take(32).collect::<String>(), expected_80_9f);
        for (i, c) in text.chars().skip(32).enumerate() {
            assert_eq!(c as u32, 0xA0 + i as u32, "Latin-1 above 0x9F");
        }
        assert_eq!(
            decode_windows_1252(b"Cr\xE8che \xAB Les C\xE2lins \xBB \x96 c\x9Cur, 2 \x80, l\x92\xE9t\xE9"),
            "Crèche « Les Câlins » – cœur, 2 €, l’été"
        );
        assert_eq!(decode_windows_1252(b"abc;\r\n"), "abc;\r\n");
        // In a CSV file that is not UTF-8, the preview says how it was read.
        let p = preview_import(b"nom;cp\nCr\xE8che des Lilas;38300\n", "s", &[]).unwrap();
        assert_eq!((p.encoding, names(&p.to_add)), (Encoding::Windows1252, vec!["Crèche des Lilas"]));
        let p = preview_import("nom\nCrèche\n".as_bytes(), "s", &[]).unwrap();
        assert_eq!(p.encoding, Encoding::Utf8);
    }

    #[test]
    fn the_preview_maps_every_column_in_any_order() {
        let p = preview("Téléphone;Notes internes;NOM;;code-postal\n04 00 00 00 01;x;Crèche;;38300\n");
        let mapping: Vec<(&str, Option<Field>)> = p.columns.iter().map(|c| (c.header.as_str(), c.field)).collect();
        assert_eq!(
            mapping,
            [
                ("Téléphone", Some(Field::Phones)),
                ("Notes internes", None),
                ("NOM", Some(Field::Name)),
                ("code-postal", Some(Field::Postcode)),
            ]
        );
        assert_eq!(p.ignored_columns, ["Notes internes"]);
        assert_eq!((p.to_add[0].name.as_str(), p.to_add[0].postcode.as_str()), ("Crèche", "38300"));
    }

    #[test]
    fn hostile_text_stays_plain_text() {
        let p = preview("name;description\n\"<script>alert('x')</script>\";<b onmouseover=alert(1)>hi</b>\n");
        assert!(p.rejected.is_empty());
        assert_eq!(p.to_add[0].name, "<script>alert('x')</script>");
        assert_eq!(p.to_add[0].description, "<b onmouseover=alert(1)>hi</b>");
        let p =
            preview("name;website;phone\nA;data:text/html,<h1>x</h1>;\nB;;javascript:alert(1)\nC;ftp://example.fr;\n");
        assert!(p.to_add.is_empty());
        assert!(p.rejected.iter().all(|r| matches!(r.reason, RejectReason::UnsafeLink { .. })), "{:?}", p.rejected);
    }

    #[test]
    fn unterminated_quote_is_reported() {
        let p = preview("name;postcode\nA;38300\n\"B;38300\nC;38300\n");
        assert_eq!(names(&p.to_add), ["A"]);
        assert_eq!(p.rejected, [Rejection { line: 3, reason: RejectReason::UnterminatedQuote }]);
    }

    #[test]
    fn file_level_errors() {
        let err = |bytes: &[u8]| preview_import(bytes, "s", &[]).unwrap_err();
        let big = vec![b'a'; 10 * 1024 * 1024];
        assert_eq!(err(&big), FileError::TooLarge { bytes: big.len(), max: MAX_FILE_BYTES });
        assert!(preview_import(&vec![b' '; MAX_FILE_BYTES + 1], "s", &[]).is_err());
        assert_eq!(err(b""), FileError::Empty);
        assert_eq!(err(b"\xEF\xBB\xBF  \n"), FileError::Empty);
        assert_eq!(err(b"\xFF\xFEn\0a\0m\0e\0"), FileError::Utf16);
        assert_eq!(err(b"\xFE\xFF\0n\0a"), FileError::Utf16);
        assert_eq!(err(b"n\0a\0m\0e\0"), FileError::NotText { line: 1 });
        // JSON is UTF-8 only (RFC 8259): "Crèche" in Windows-1252, on line 2, refuses it.
        assert_eq!(err(b"{\"version\": 1,\n\"entries\": [{\"name\": \"Cr\xE8che\"}]}"), FileError::NotUtf8 { line: 2 });
        assert_eq!(err(b" \n[\xE8]"), FileError::NotUtf8 { line: 2 });
        // A file that says it is UTF-8 (its byte-order mark) and is not.
        assert_eq!(err(b"\xEF\xBB\xBFnom;cp\nCr\xE8che;38300\n"), FileError::NotUtf8 { line: 2 });
        // A CSV file that is not UTF-8 is read as Windows-1252 (see below); UTF-16 stays refused.
        assert!(preview_import(b"nom;cp\nCr\xE8che;38300\n", "s", &[]).is_ok());
        assert_eq!(err(b"\xFF\xFEn\0o\0m\0\n\0\xE8\0"), FileError::Utf16);
        assert_eq!(err(b"code_postal;commune\n38300;Bourgoin\n"), FileError::MissingColumn(Field::Name));
        assert_eq!(err(b"nom;name\na;b\n"), FileError::DuplicateColumn { field: Field::Name, header: "name".into() });
        assert!(matches!(err(b"{\"version\": 1, \"entries\": [}"), FileError::Json { line: 1, .. }));
        assert_eq!(err(b"{\"version\": 2, \"entries\": []}"), FileError::VersionMismatch { found: Some(2) });
        assert_eq!(err(b"[{\"name\": \"a\"}]"), FileError::VersionMismatch { found: None });
        assert_eq!(err(b"{\"version\": 1}"), FileError::NoEntries);
        assert_eq!(err(b"{\"version\": 1, \"entries\": [], \"x\": 1}"), FileError::UnknownKey("x".into()));
        assert_eq!(preview_import(b"name\na\n", "  ", &[]).unwrap_err(), FileError::BadSourceName);
    }

    #[test]
    fn json_records_are_checked_one_by_one_with_their_line() {
        let text = r#"{
  "version": 1,
  "entries": [
    { "id": "a", "name": "Premier", "categories": ["atelier"], "postcode": "21000" },
    {
      "id": "b",
      "name": "Deuxième",
      "website": "javascript:alert(1)"
    },
    { "id": "c", "nom": "Troisième" },
    { "id": "d", "name": "Quatrième", "phones": "04 00" },
    "pas un objet",
    { "id": "a", "name": "Doublon" },
    { "name": "Sans id", "postcode": "21000", "description_en": null, "latitude": 47.3, "longitude": 5.04 }
  ]
}"#;
        let p = preview(text);
        assert_eq!(names(&p.to_add), ["Premier", "Sans id"]);
        assert_eq!(p.to_add[1].id, "sans-id-21000");
        let got: Vec<(usize, String)> = p.rejected.iter().map(|r| (r.line, format!("{:?}", r.reason))).collect();
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(got[0].0, 5);
        assert!(got[0].1.starts_with("UnsafeLink"));
        assert_eq!(got[1], (10, "UnknownField(\"nom\")".to_string()));
        assert_eq!(got[2].0, 11);
        assert!(got[2].1.starts_with("Malformed"));
        assert_eq!(got[3], (12, "Malformed(\"not an object\")".to_string()));
        assert_eq!(got[4], (13, "DuplicateId { id: \"a\", first_line: 4 }".to_string()));
    }

    #[test]
    fn generated_ids_stay_unique_in_a_file() {
        let p = preview("name;postcode;id\nAtelier;38300;\nAtelier;38300;\nX;;atelier-38300-2\n");
        let ids: Vec<&str> = p.to_add.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["atelier-38300", "atelier-38300-3", "atelier-38300-2"]);
        let p = preview("name\nمركز الأسرة\n");
        assert_eq!(p.to_add[0].id, "entry");
    }

    #[test]
    fn a_second_import_updates_by_id_or_by_name_and_postcode() {
        let first = preview("id;name;postcode;hours\np1;PMI Centre;38300;lundi\n;Maison verte;38080;\n");
        let existing = apply_import(Vec::new(), first);
        assert_eq!(existing.len(), 2);
        let old_id = existing[1].id.clone();
        let second = preview_import(
            "id;name;postcode;hours\np1;PMI du centre;38300;mardi\nmv;MAISON VERTE;38080;jeudi\nnew;Nouveau;38300;\n"
                .as_bytes(),
            "Réseau PMI 38",
            &existing,
        )
        .unwrap();
        assert_eq!(names(&second.to_update), ["PMI du centre", "MAISON VERTE"]);
        assert_eq!(second.to_update[1].id, old_id, "matched by name and postcode: keeps its id");
        assert_eq!(names(&second.to_add), ["Nouveau"]);
        // Another source never updates these.
        let other = preview_import("id;name;postcode\np1;PMI Centre;38300\n".as_bytes(), "Autre", &existing).unwrap();
        assert_eq!((other.to_add.len(), other.to_update.len()), (1, 0));
        // Nothing was written: the preview is only a value.
        assert_eq!(existing[0].hours, "lundi");
        let after = apply_import(existing, second);
        assert_eq!(after.len(), 3);
        assert_eq!(after[0].hours, "mardi");
        assert_eq!(after[1].hours, "jeudi");
        let with_other = apply_import(after, other);
        assert_eq!(import_sources(&with_other), ["Réseau PMI 38", "Autre"]);
        let left = remove_source(with_other, "Réseau PMI 38");
        assert_eq!(names(&left), ["PMI Centre"]);
        assert_eq!(left[0].origin, Origin::Imported { source: "Autre".into() });
    }

    #[test]
    fn a_document_round_trips() {
        let p = preview("name;postcode;categories;audience;latitude;longitude;last_verified;cost\nA;38300;pmi|atelier;0-1;45.5;5.2;23/11/2026;payant\n");
        let json = to_document(&p.to_add);
        assert!(!json.contains("origin"));
        let (back, rejected) = parse_document(&json, Origin::Imported { source: "Réseau PMI 38".into() }).unwrap();
        assert!(rejected.is_empty(), "{rejected:?}");
        assert_eq!(back, p.to_add);
        // The stored form (with origin) reads back as is.
        let stored = serde_json::to_string(&p.to_add).unwrap();
        assert_eq!(serde_json::from_str::<Vec<Entry>>(&stored).unwrap(), p.to_add);
    }

    #[test]
    fn record_lines_follow_the_entries_array_only() {
        let text = "{\"about\": \"x\", \"entries\": [\n{\"a\": [1, 2]},\n\n 3, \"s\", [4],\n{}\n], \"version\": 1}";
        assert_eq!(record_lines(text), [2, 4, 4, 4, 5]);
        assert_eq!(record_lines("{\"entries\": []}"), Vec::<usize>::new());
    }
}
