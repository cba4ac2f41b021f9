//! Builds Cocon's directory packs, one a département, from an export of the state's
//! directory of local public services (Service-Public.fr, DILA, Licence Ouverte 2.0).
//!
//!     cargo run --bin cocon-packs -- --date 2026-10-06 [--name NAME] [--out public/content/directory] EXPORT
//!
//! EXPORT is the official JSON export, its normalised JSON lines, or the flattened CSV
//! (see `src/domain/directory/dila.rs`). `--date` is the date of the export as its
//! publisher gives it; it is written on every entry with the file's name (or `--name`, for
//! a file renamed or an excerpt). The packs and
//! their index replace those in the output folder. The report says what was kept, what
//! was dropped and why. See `docs/directory-packs.md`.

use cocon::domain::directory::dila::{self, Attribution, Outcome};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

struct Args {
    export: PathBuf,
    date: String,
    /// The export's name to credit, when the file was renamed or is an excerpt.
    name: Option<String>,
    out: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut export = None;
    let mut date = None;
    let mut name = None;
    let mut out = PathBuf::from("public/content/directory");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--date" => date = args.next(),
            "--name" => name = args.next(),
            "--out" => out = args.next().map(PathBuf::from).ok_or("--out needs a folder")?,
            "-h" | "--help" => return Err(String::new()),
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => export = Some(PathBuf::from(a)),
        }
    }
    let export = export.ok_or("which export? give the file downloaded from data.gouv.fr")?;
    let date =
        date.filter(|d| !d.trim().is_empty()).ok_or("--date: the date of the export, as its publisher gives it")?;
    Ok(Args { export, date, name, out })
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn run(args: &Args) -> Result<(), String> {
    let text = std::fs::read_to_string(&args.export).map_err(|e| format!("{}: {e}", args.export.display()))?;
    let (services, unread) = dila::read_export(&text).map_err(|e| format!("{}: {e}", args.export.display()))?;
    let file = args.name.clone().unwrap_or_else(|| file_name(&args.export));
    let attribution = Attribution { file, date: args.date.clone() };
    let outcomes = dila::to_entries(&services, &dila::kinds(), &attribution);
    let (files, index) = dila::pack_files(&outcomes, &attribution);

    std::fs::create_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    // Packs of départements no longer in the export go: a stale pack would show closed places.
    for old in std::fs::read_dir(&args.out).map_err(|e| e.to_string())?.flatten() {
        let name = old.file_name().to_string_lossy().into_owned();
        let department = name.strip_suffix(".json").unwrap_or("");
        if cocon::domain::directory::geo::is_department(department) && !files.contains_key(department) {
            std::fs::remove_file(old.path()).map_err(|e| e.to_string())?;
        }
    }
    for (department, text) in &files {
        let path = args.out.join(format!("{department}.json"));
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let index_text = serde_json::to_string_pretty(&index).map_err(|e| e.to_string())? + "\n";
    std::fs::write(args.out.join("index.json"), index_text).map_err(|e| e.to_string())?;

    report(&services, &unread, &outcomes, &files);
    Ok(())
}

fn report(services: &[dila::Service], unread: &[dila::Unread], outcomes: &[Outcome], files: &BTreeMap<String, String>) {
    let mut kept_by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut kept, mut dropped_fields, mut hours_unread) = (0, BTreeMap::<String, usize>::new(), 0);
    for o in outcomes {
        match o {
            Outcome::Kept { entry, dropped, hours_unread: h } => {
                kept += 1;
                for c in &entry.categories {
                    *kept_by_kind.entry(c.id()).or_default() += 1;
                }
                for d in dropped {
                    *dropped_fields.entry(format!("{} ({})", d.field, d.reason)).or_default() += 1;
                }
                hours_unread += usize::from(h.is_some());
            }
            Outcome::Refused { id, name, reason } => println!("refused {id} {name:?}: {reason}"),
            Outcome::NoDepartment { id, name } => println!("no département for {id} {name:?}"),
        }
    }
    for u in unread {
        println!("record {} not read: {}", u.at, u.reason);
    }
    println!(
        "{} services read, {} of the kinds kept, {kept} entries in {} packs",
        services.len(),
        outcomes.len(),
        files.len()
    );
    for (kind, n) in kept_by_kind {
        println!("  {kind}: {n}");
    }
    if hours_unread > 0 {
        println!("  hours not read (left out): {hours_unread}");
    }
    for (what, n) in dropped_fields {
        println!("  field dropped: {what}: {n}");
    }
    let bytes: usize = files.values().map(String::len).sum();
    println!(
        "  pack files: {bytes} bytes in all, largest {} bytes",
        files.values().map(String::len).max().unwrap_or(0)
    );
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("cocon-packs: {e}");
            }
            eprintln!("usage: cocon-packs --date DATE [--name NAME] [--out FOLDER] EXPORT");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cocon-packs: {e}");
            ExitCode::FAILURE
        }
    }
}
