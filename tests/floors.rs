//! The core's floors, kept by a test: each module of `src/core/` stands on
//! one floor, and its code imports only from its own floor or lower ones.
//! Lowest first:
//!
//! 0. **words and plain data**: `text` (widths, cuts, numbers in words),
//!    `model`, `order`, `window`, `markdown`, `exchange`, `instruction` (the
//!    one reader of a CREATED BY cell); they import nothing above;
//! 1. **reading pasted text**: `parse`, `split`, `render`, `redact`;
//! 2. **comparing**: `compare`;
//! 3. **what is made of a comparison**: `chart`, `insights`, `share`,
//!    `present`, `embed`, `layer_link` (`share` only needs `compare` for
//!    its number words, through `compare::numbers`);
//! 4. **reports**: `report` (text, Markdown and JSON of a pair or a path,
//!    with the insights);
//! 5. **the page's model and its questions**: `app`, `extras`, `export`
//!    (what the page saves for each export).
//!
//! Every module under `src/core/` must be on a floor (a new one fails here
//! until it is placed). An import is any `crate::core::X` or `super::…`
//! path in a file's code that reaches another top-level module; comments
//! and the `#[cfg(test)]` module at the end of a file are not read (tests
//! may reach up). A failure names `file:line`, both modules and their
//! floors. No code under `src/core/` may name `crate::ui` either. (The
//! check that the core names no browser crate, by word, stays in
//! `tests/tidy.rs`.)

use std::fs;
use std::path::{Path, PathBuf};

/// The floors, lowest first: a name and the top-level modules on it.
const FLOORS: [(&str, &[&str]); 6] = [
    (
        "words and plain data",
        &[
            "text",
            "model",
            "order",
            "window",
            "markdown",
            "exchange",
            "instruction",
        ],
    ),
    (
        "reading pasted text",
        &["parse", "split", "render", "redact"],
    ),
    ("comparing", &["compare"]),
    (
        "made of a comparison",
        &[
            "chart",
            "insights",
            "share",
            "present",
            "embed",
            "layer_link",
        ],
    ),
    ("reports", &["report"]),
    ("the page's model", &["app", "extras", "export"]),
];

fn floor_of(module: &str) -> Option<usize> {
    FLOORS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

fn core_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/core")
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries = fs::read_dir(&current)
            .unwrap_or_else(|err| panic!("cannot list {}: {err}", current.display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The module path of a file under `src/core/`, without `core`:
/// `parse/limits.rs` → `["parse", "limits"]`, `parse/mod.rs` → `["parse"]`,
/// `mod.rs` → `[]`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The lines of code a file's floor is judged by: `(line number, code)`,
/// without `//` comments, and stopping at the `#[cfg(test)]` module.
fn code_lines(text: &str) -> Vec<(usize, &str)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        let next = lines.get(k + 1).map_or("", |l| l.trim_start());
        if t.starts_with("#[cfg(test)]")
            && (next.starts_with("mod ") || next.starts_with("pub mod "))
        {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        let code = line.find("//").map_or(*line, |i| &line[..i]);
        out.push((k + 1, code));
    }
    out
}

/// The top-level core modules a line of code reaches from `module` (its
/// module path under `core`): through `crate::core::X` and `super::…`.
fn reached(line: &str, module: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(i) = rest.find("crate::core::") {
        let after = &rest[i + "crate::core::".len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.push(name);
        }
        rest = after;
    }
    let mut rest = line;
    while let Some(i) = rest.find("super::") {
        // only where a path starts (not `x::super::`), counting the run of `super::`
        let starts_path = rest[..i]
            .chars()
            .last()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'));
        let mut after = &rest[i..];
        let mut ups = 0;
        while let Some(r) = after.strip_prefix("super::") {
            ups += 1;
            after = r;
        }
        if starts_path {
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let base = module.len().saturating_sub(ups);
            let target: Vec<&str> = module
                .iter()
                .take(base)
                .map(String::as_str)
                .chain((!name.is_empty() && name != "*").then_some(name.as_str()))
                .collect();
            if let Some(top) = target.first() {
                out.push(top.to_string());
            }
        }
        rest = after;
    }
    out
}

/// `file:line: what` for every import against the floors (and every module
/// not on a floor), with the names as given.
fn offenders(files: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (relative, text) in files {
        let module = module_path(Path::new(relative));
        let Some(own) = module.first() else {
            continue; // core/mod.rs: the module list
        };
        let Some(own_floor) = floor_of(own) else {
            out.push(format!(
                "src/core/{relative}: module `{own}` is on no floor; add it to FLOORS in tests/floors.rs"
            ));
            continue;
        };
        for (no, code) in code_lines(text) {
            if code.contains("crate::ui") {
                out.push(format!(
                    "src/core/{relative}:{no}: `{own}` names `crate::ui`: the core is below the browser edge"
                ));
            }
            for target in reached(code, &module) {
                if &target == own {
                    continue;
                }
                let Some(target_floor) = floor_of(&target) else {
                    continue; // an item of core/mod.rs, or a module the list above misses
                };
                if target_floor > own_floor {
                    out.push(format!(
                        "src/core/{relative}:{no}: `{own}` (floor {own_floor}, {}) imports `{target}` (floor {target_floor}, {}): a floor imports only from itself and below",
                        FLOORS[own_floor].0, FLOORS[target_floor].0
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn the_core_imports_only_downwards() {
    let dir = core_dir();
    let files: Vec<(String, String)> = rust_files(&dir)
        .into_iter()
        .map(|path| {
            let relative = path
                .strip_prefix(&dir)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            let text = fs::read_to_string(&path)
                .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
            (relative, text)
        })
        .collect();
    assert!(files.len() > 20, "too few files under {}", dir.display());
    let found = offenders(&files);
    assert!(
        found.is_empty(),
        "imports against the core's floors (lowest first: {}):\n{}",
        FLOORS
            .iter()
            .enumerate()
            .map(|(k, (name, _))| format!("{k} {name}"))
            .collect::<Vec<_>>()
            .join(", "),
        found.join("\n")
    );
}

#[test]
fn every_floor_module_exists() {
    let dir = core_dir();
    let missing: Vec<&str> = FLOORS
        .iter()
        .flat_map(|(_, modules)| modules.iter().copied())
        .filter(|m| !dir.join(format!("{m}.rs")).exists() && !dir.join(m).join("mod.rs").exists())
        .collect();
    assert!(
        missing.is_empty(),
        "FLOORS names modules src/core/ does not have: {missing:?}"
    );
}

#[test]
fn the_scan_sees_both_kinds_of_path() {
    let parse_limits = vec!["parse".to_string(), "limits".to_string()];
    assert_eq!(
        reached(
            "use crate::core::compare::numbers::human_bytes;",
            &parse_limits
        ),
        ["compare"]
    );
    assert_eq!(reached("use super::classify::x;", &parse_limits), ["parse"]);
    assert_eq!(
        reached("use super::super::report;", &parse_limits),
        ["report"]
    );
    let compare = vec!["compare".to_string()];
    assert_eq!(reached("use super::report::x;", &compare), ["report"]);
    assert_eq!(reached("use super::*;", &compare), Vec::<String>::new());
    // a backwards import is caught, named by file, line and floors
    let files = vec![(
        "parse/limits.rs".to_string(),
        "//! doc\nuse crate::core::compare::numbers::human_bytes;\n// crate::core::app in a comment\n#[cfg(test)]\nmod tests {\n    use crate::core::app;\n}\n"
            .to_string(),
    )];
    assert_eq!(
        offenders(&files),
        ["src/core/parse/limits.rs:2: `parse` (floor 1, reading pasted text) imports `compare` (floor 2, comparing): a floor imports only from itself and below"]
    );
}
