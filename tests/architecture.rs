//! The architecture's invariants (CONTRIBUTING.md, "Architecture"), checked on the source:
//! - the functional core, `src/domain`, uses no browser API and nothing of the shell;
//! - no two modules import each other, directly or through others (a module and its own
//!   submodules excepted: `super::` from a child is how Rust nests).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/` (the native-only `bin/` apart), with its module path.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    let mut modules = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap().with_extension("");
        let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        if parts[0] == "bin" || parts == ["main"] {
            continue;
        }
        if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
            parts.pop();
        }
        let text = std::fs::read_to_string(&file).unwrap();
        // Tests may reach anywhere.
        let text = match text.find("#[cfg(test)]\nmod tests") {
            Some(i) => text[..i].to_string(),
            None => text,
        };
        modules.insert(parts.join("::"), text);
    }
    modules
}

/// The paths a module's code names (`crate::a::b::C`, `super::x::Y`), resolved to module
/// paths (`a::b`), comments left out.
fn references(module: &str, text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let parent: Vec<&str> = module.split("::").filter(|s| !s.is_empty()).collect();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        for (start, prefix) in [("crate::", 0usize), ("super::", 1)] {
            let mut rest = code;
            while let Some(i) = rest.find(start) {
                let after = &rest[i + start.len()..];
                let path: Vec<&str> = after
                    .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                    .next()
                    .unwrap_or("")
                    .split("::")
                    .filter(|s| !s.is_empty())
                    .collect();
                let base: Vec<&str> =
                    if prefix == 0 { Vec::new() } else { parent[..parent.len().saturating_sub(1)].to_vec() };
                // The longest known module the path goes through.
                for n in (1..=path.len()).rev() {
                    let candidate = base.iter().chain(&path[..n]).copied().collect::<Vec<_>>().join("::");
                    if known.contains(&candidate) {
                        found.insert(candidate);
                        break;
                    }
                }
                rest = after;
            }
        }
    }
    found.remove(module);
    found
}

fn related(a: &str, b: &str) -> bool {
    let nested = |outer: &str, inner: &str| outer.is_empty() || inner.starts_with(&format!("{outer}::"));
    nested(a, b) || nested(b, a)
}

#[test]
fn the_core_uses_no_browser_api_and_nothing_of_the_shell() {
    let modules = modules();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    for (module, text) in modules.iter().filter(|(m, _)| m.starts_with("domain")) {
        for api in ["web_sys", "js_sys", "wasm_bindgen", "leptos", "gloo"] {
            assert!(!text.contains(&format!("{api}::")), "{module} uses {api}");
        }
        for target in references(module, text, &known) {
            assert!(target.starts_with("domain"), "{module} uses the shell's {target}");
        }
    }
}

#[test]
fn no_import_cycle() {
    let modules = modules();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    let edges: BTreeMap<&str, BTreeSet<String>> = modules
        .iter()
        .map(|(m, text)| (m.as_str(), references(m, text, &known).into_iter().filter(|t| !related(m, t)).collect()))
        .collect();
    // A path from each edge's end back to its start is a cycle.
    let mut cycles = Vec::new();
    for (from, targets) in &edges {
        for to in targets {
            let mut seen = BTreeSet::new();
            let mut stack = vec![(to.clone(), vec![from.to_string(), to.clone()])];
            while let Some((at, path)) = stack.pop() {
                if at == *from {
                    cycles.push(path.join(" -> "));
                    break;
                }
                if !seen.insert(at.clone()) {
                    continue;
                }
                for next in edges.get(at.as_str()).into_iter().flatten() {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}
