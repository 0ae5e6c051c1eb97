//! The core's floors, kept by a test: each module of `crates/core/src/` stands on
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
//! Every module of the core crate must be on a floor (a new one fails here
//! until it is placed). An import is any `crate::X` or `super::…` path in a
//! file's code that reaches another top-level module; comments and the
//! `#[cfg(test)]` module at the end of a file are not read (tests may reach
//! up). A failure names `file:line`, both modules and their floors. The
//! floors between crates are the compiler's: the core crate has no browser
//! crate and no other layerdiff crate among its dependencies.

mod common;
use common::rust_files;

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
            // the unit tests' history builders (built for tests only)
            "test_support",
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

/// The core crate's sources, from the repository's root.
const CORE: &str = "crates/core/src";

fn core_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(CORE)
}

/// The module path of a file of the core crate:
/// `parse/limits.rs` → `["parse", "limits"]`, `parse/mod.rs` → `["parse"]`,
/// `lib.rs` → `[]`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The code a file's floor is judged by, line ends kept (so an offset
/// still gives its line): `//` comments blanked, and nothing from the
/// `#[cfg(test)]` module on.
fn code_of(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::with_capacity(text.len());
    for (k, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        let next = lines.get(k + 1).map_or("", |l| l.trim_start());
        if t.starts_with("#[cfg(test)]")
            && (next.starts_with("mod ") || next.starts_with("pub mod "))
        {
            break;
        }
        out.push_str(line.find("//").map_or(*line, |i| &line[..i]));
        out.push('\n');
    }
    out
}

fn ident(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The first name of each path a `use` reaches after a prefix: `compare` in
/// `compare::numbers`, or `compare` and `model` in `{compare::x, model}`
/// (a group may span lines).
fn first_names(after: &str) -> Vec<&str> {
    let Some(group) = after.strip_prefix('{') else {
        return vec![ident(after)];
    };
    let mut names = Vec::new();
    let mut depth = 0usize;
    let mut item_start = true;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => item_start = true,
            c if item_start && !c.is_whitespace() => {
                item_start = false;
                names.push(ident(&group[i..]));
            }
            _ => {}
        }
    }
    names
}

/// Whether a path starts at `i` (not `x::super::` or `my_crate::`).
fn starts_path(code: &str, i: usize) -> bool {
    code[..i]
        .chars()
        .last()
        .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_' || c == ':' || c == '$'))
}

/// `(offset, top-level module)` for every core module the code reaches
/// from `module` (its path in the crate): through `crate::X` and
/// `super::…` paths.
fn reached(code: &str, module: &[String]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        if !starts_path(code, i) {
            continue;
        }
        let after = &code[i + "crate::".len()..];
        for name in first_names(after) {
            if !name.is_empty() {
                out.push((i, name.to_string()));
            }
        }
    }
    let mut from = 0;
    while let Some(found) = code[from..].find("super::") {
        let i = from + found;
        // only where a path starts, counting the run of `super::`
        let starts_path = starts_path(code, i);
        let mut after = &code[i..];
        let mut ups = 0;
        while let Some(rest) = after.strip_prefix("super::") {
            ups += 1;
            after = rest;
        }
        if starts_path {
            let base: Vec<&str> = module
                .iter()
                .take(module.len().saturating_sub(ups))
                .map(String::as_str)
                .collect();
            for name in first_names(after) {
                let top = base.first().copied().unwrap_or(name);
                if !top.is_empty() && top != "*" {
                    out.push((i, top.to_string()));
                }
            }
        }
        from = code.len() - after.len();
    }
    out
}

/// `file:line: what` for every import against the floors (and every module
/// not on a floor or naming the browser edge).
fn offenders(files: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (relative, text) in files {
        let module = module_path(Path::new(relative));
        let Some(own) = module.first() else {
            continue; // lib.rs: the module list
        };
        let Some(own_floor) = floor_of(own) else {
            out.push(format!(
                "{CORE}/{relative}: module `{own}` is on no floor; add it to FLOORS in tests/floors.rs"
            ));
            continue;
        };
        let code = code_of(text);
        let line_of = |offset: usize| code[..offset].matches('\n').count() + 1;
        for (i, target) in reached(&code, &module) {
            let Some(target_floor) = floor_of(&target) else {
                continue; // an item of lib.rs
            };
            if target_floor > own_floor {
                out.push(format!(
                    "{CORE}/{relative}:{}: `{own}` (floor {own_floor}, {}) imports `{target}` (floor {target_floor}, {}): a floor imports only from itself and below",
                    line_of(i),
                    FLOORS[own_floor].0,
                    FLOORS[target_floor].0
                ));
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
        "FLOORS names modules {CORE}/ does not have: {missing:?}"
    );
}

#[test]
fn the_scan_sees_every_kind_of_path() {
    let names = |code: &str, module: &[&str]| -> Vec<String> {
        let module: Vec<String> = module.iter().map(|m| m.to_string()).collect();
        reached(code, &module).into_iter().map(|(_, n)| n).collect()
    };
    let limits = ["parse", "limits"];
    assert_eq!(
        names("use crate::compare::numbers::human_bytes;", &limits),
        ["compare"]
    );
    assert_eq!(names("use super::classify::x;", &limits), ["parse"]);
    assert_eq!(names("use super::super::report;", &limits), ["report"]);
    assert_eq!(names("use super::*;", &["compare"]), Vec::<String>::new());
    assert_eq!(names("use super::report::x;", &["compare"]), ["report"]);
    assert_eq!(
        names(
            "use crate::{\n    compare::x,\n    model::{History, Layer},\n};",
            &limits
        ),
        ["compare", "model"]
    );
    assert_eq!(
        names("use super::{chart, model::History};", &["text"]),
        ["chart", "model"]
    );
    // a backwards import is caught, named by file, line and floors; a
    // comment and the tests are not read
    let files = vec![(
        "parse/limits.rs".to_string(),
        "//! doc\nuse crate::{model::Parsed,\n    compare::numbers::human_bytes};\n// crate::app in a comment\n#[cfg(test)]\nmod tests {\n    use crate::app;\n}\n"
            .to_string(),
    )];
    assert_eq!(
        offenders(&files),
        ["crates/core/src/parse/limits.rs:2: `parse` (floor 1, reading pasted text) imports `compare` (floor 2, comparing): a floor imports only from itself and below"]
    );
}

/// Inside `parse`, the passes over lines read in one direction: the whole
/// paste (`normalize.rs`), then lines (`segment.rs`), then what a line is
/// (`classify.rs`, which reads `segment`'s lines). The predicates they share
/// live below all three, in `shapes.rs`, which asks none of them.
#[test]
fn the_parse_passes_read_in_one_direction() {
    let never: [(&str, &[&str]); 3] = [
        ("normalize", &["segment", "classify"]),
        ("segment", &["normalize", "classify"]),
        ("shapes", &["normalize", "segment", "classify"]),
    ];
    let mut found = Vec::new();
    for (file, others) in never {
        let path = core_dir().join(format!("parse/{file}.rs"));
        let text = fs::read_to_string(&path)
            .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
        let code = code_of(&text);
        for other in others {
            for prefix in ["super::", "parse::"] {
                for (i, _) in code.match_indices(&format!("{prefix}{other}")) {
                    let line = code[..i].matches('\n').count() + 1;
                    found.push(format!("{CORE}/parse/{file}.rs:{line}: asks `{other}`"));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the parse passes must read normalize → segment → classify, sharing shapes.rs:\n{}",
        found.join("\n")
    );
}
