//! Tidy checks that keep the workspace's promises checkable (the house style's rule G2):
//! the core crate (`crates/core/`) depends on no browser crate and no other
//! layerdiff crate, so the compiler refuses any code there that names one,
//! and it builds and is tested natively; every source file starts with a
//! `//!` doc saying what it owns; the page leaves the rules to its second
//! module and maps no Unicode case. Failures list every offender with file and line; a file the
//! checks read that is missing fails them too, named.

mod common;
use common::rust_files;

use std::fs;
use std::path::{Path, PathBuf};

/// Crates only the browser edge (`crates/web/`) may use.
const BROWSER_CRATES: [&str; 5] = ["yew", "web_sys", "gloo", "js_sys", "wasm_bindgen"];

/// The core crate's sources, and the web app's.
const CORE: &str = "crates/core/src";
const WEB: &str = "crates/web/src";

fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The text of a file a check reads. A file that is not there fails the
/// check, naming it: read as empty, a moved file would pass every check.
fn read(file: &Path) -> String {
    fs::read_to_string(file).unwrap_or_else(|err| {
        panic!(
            "tidy cannot read {} ({err}): a file the checks read is missing or unreadable; if it moved, update tests/tidy.rs",
            relative(file)
        )
    })
}

fn relative(path: &Path) -> String {
    path.strip_prefix(crate_root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The browser crate names that occur in `line` as whole words (`wasm_bindgen`
/// in `use wasm_bindgen::…`, not `my_yew_like`). `web-sys`/`js-sys` spelled
/// with a hyphen count too.
fn browser_words(line: &str) -> Vec<&'static str> {
    let normalised = line.replace('-', "_");
    let words: Vec<&str> = normalised
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    BROWSER_CRATES
        .iter()
        .copied()
        .filter(|name| words.contains(name))
        .collect()
}

/// `file:line: name` for every dependency a manifest declares, in any
/// dependency table (`[dependencies]`, `[dev-dependencies]`,
/// `[target.'cfg(…)'.dependencies]`, `[dependencies.name]`).
fn dependencies(manifest: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_table = false;
    for (k, line) in manifest.lines().enumerate() {
        let t = line.trim();
        if let Some(header) = t.strip_prefix('[') {
            let header = header.trim_end_matches(']');
            in_table = header.ends_with("dependencies");
            if let Some((_, name)) = header.split_once("dependencies.") {
                out.push((k + 1, name.trim().to_string()));
            }
            continue;
        }
        if in_table && !t.starts_with('#') {
            if let Some((name, _)) = t.split_once('=') {
                out.push((k + 1, name.trim().trim_matches('"').to_string()));
            }
        }
    }
    out
}

/// The floor between crates is the compiler's: code can only name a crate
/// its manifest depends on. So the core's manifest must name no browser
/// crate and no other layerdiff crate (the web app and the CLI stand on
/// the core, never the other way).
#[test]
fn the_core_crate_depends_on_no_browser_or_layerdiff_crate() {
    let manifest = crate_root().join("crates/core/Cargo.toml");
    let text = read(&manifest);
    let declared = dependencies(&text);
    assert!(
        declared.iter().any(|(_, name)| name == "nom"),
        "the dependency reader found none of the core's dependencies in {}",
        relative(&manifest)
    );
    let offenders: Vec<String> = declared
        .iter()
        .filter(|(_, name)| !browser_words(name).is_empty() || name.starts_with("layerdiff"))
        .map(|(line, name)| format!("  {}:{line}: {name}", relative(&manifest)))
        .collect();
    assert!(
        offenders.is_empty(),
        "the core crate must stay pure Rust and below the others (no {} and no layerdiff crate); move browser code to {WEB}/:\n{}",
        BROWSER_CRATES.join(", "),
        offenders.join("\n")
    );
}

#[test]
fn the_dependency_reader_sees_every_table() {
    let manifest = "[package]\nname = \"x\"\n[dependencies]\nnom = \"8\"\n# yew = 1\n[target.'cfg(target_arch = \"wasm32\")'.dependencies]\nweb-sys = { version = \"0.3\" }\n[dev-dependencies]\nlayerdiff-web = { path = \"..\" }\n[dependencies.gloo]\nversion = \"0.12\"\n[profile.release]\nlto = true\n";
    let names: Vec<String> = dependencies(manifest).into_iter().map(|(_, n)| n).collect();
    assert_eq!(names, ["nom", "web-sys", "layerdiff-web", "gloo"]);
}

#[test]
fn every_source_file_starts_with_a_module_doc() {
    let files: Vec<PathBuf> = ["src", CORE, WEB]
        .iter()
        .flat_map(|dir| rust_files(&crate_root().join(dir)))
        .collect();
    assert!(
        files.len() > 100,
        "too few .rs files under src/, {CORE}/ and {WEB}/"
    );
    let offenders: Vec<String> = files
        .iter()
        .filter(|file| {
            let text = read(file);
            !text.trim_start_matches('\u{feff}').starts_with("//!")
        })
        .map(|file| format!("  {}", relative(file)))
        .collect();
    assert!(
        offenders.is_empty(),
        "every source file must start with a `//!` doc saying what it owns and why; these do not:\n{}",
        offenders.join("\n")
    );
}

/// `  file:line: what` for every line of code (not a `//` comment) in
/// `files` where `found` names something.
fn code_lines(files: &[PathBuf], found: impl Fn(&str) -> Option<&'static str>) -> Vec<String> {
    files
        .iter()
        .flat_map(|file| {
            let text = read(file);
            text.lines()
                .enumerate()
                .filter(|(_, line)| !line.trim_start().starts_with("//"))
                .filter_map(|(k, line)| {
                    let what = found(line)?;
                    Some(format!("  {}:{}: {what}", relative(file), k + 1))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// What only the second module (`crates/web/src/bin/extras.rs`) may call: the rules,
/// the text exports and the link packer (`core::extras`). The first-load module sends
/// `core::extras::Request`s and reads `InsightsView`s; `scripts/bundle-size.sh`
/// checks the built wasm the same way.
const SECOND_MODULE_ONLY: [&str; 10] = [
    "extras::answer",
    "share::link(",
    "encode_steps(",
    "encode_link(",
    "pack_links(",
    "of_pair(",
    "of_history(",
    "markdown_full(",
    "json_with_insights(",
    "path_report::json(",
];

#[test]
fn the_page_leaves_the_rules_and_text_exports_to_the_second_module() {
    let second = crate_root().join(WEB).join("bin/extras.rs");
    let files: Vec<PathBuf> = rust_files(&crate_root().join(WEB))
        .into_iter()
        .filter(|f| *f != second)
        .collect();
    assert!(files.len() > 20, "too few files under {WEB}/");
    let offenders = code_lines(&files, |line| {
        SECOND_MODULE_ONLY
            .iter()
            .find(|w| line.contains(*w))
            .copied()
    });
    assert!(
        offenders.is_empty(),
        "the page must ask the second module (layerdiff_web::extras::ask_text, ask_data) for these, not call them:\n{}",
        offenders.join("\n")
    );
}

/// Unicode case mapping (`str::to_lowercase`, `to_uppercase`) links the
/// Unicode case tables into the wasm: 7.9 KiB gzip of the first load for one
/// call, measured. Code the page runs compares ASCII case instead
/// (`eq_ignore_ascii_case`, `to_ascii_lowercase`); the insights' rules run
/// in the second module and the CLI, where the tables are no burden.
#[test]
fn the_page_maps_no_unicode_case() {
    let mut files = rust_files(&crate_root().join(WEB));
    let insights = crate_root().join(CORE).join("insights");
    files.extend(
        rust_files(&crate_root().join(CORE))
            .into_iter()
            .filter(|f| !f.starts_with(&insights)),
    );
    let offenders = code_lines(&files, |line| {
        [".to_lowercase()", ".to_uppercase()"]
            .into_iter()
            .find(|w| line.contains(w))
    });
    assert!(
        offenders.is_empty(),
        "Unicode case mapping in code the page runs (use the ASCII forms):\n{}",
        offenders.join("\n")
    );
}

#[test]
fn browser_word_match_is_by_whole_word() {
    assert_eq!(browser_words("use yew::prelude::*;"), ["yew"]);
    assert_eq!(browser_words("wasm_bindgen::JsValue"), ["wasm_bindgen"]);
    assert_eq!(browser_words("// needs web-sys for this"), ["web_sys"]);
    assert_eq!(browser_words("let gloo_timer = 1;"), Vec::<&str>::new());
    assert_eq!(browser_words("fn yewish() {}"), Vec::<&str>::new());
}
