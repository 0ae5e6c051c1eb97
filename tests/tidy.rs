//! Tidy checks that keep the crate's two promises checkable (the house style's rule G2):
//! the core (`src/core/`) never names a browser crate, so it builds and is
//! tested natively; and every source file starts with a `//!` doc saying what
//! it owns. Failures list every offender with file and line; a file the
//! checks read that is missing fails them too, named.

mod common;
use common::rust_files;

use std::fs;
use std::path::{Path, PathBuf};

/// Crates only the browser edge (`src/ui/`, `src/bin/web.rs`) may use.
const BROWSER_CRATES: [&str; 5] = ["yew", "web_sys", "gloo", "js_sys", "wasm_bindgen"];

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

#[test]
fn core_names_no_browser_crate() {
    let core = crate_root().join("src/core");
    let files = rust_files(&core);
    assert!(!files.is_empty(), "no .rs files under {}", core.display());
    let mut offenders = Vec::new();
    for file in &files {
        let text = read(file);
        for (line_idx, line) in text.lines().enumerate() {
            let names = browser_words(line);
            if !names.is_empty() {
                offenders.push(format!(
                    "  {}:{}: names {} in: {}",
                    relative(file),
                    line_idx + 1,
                    names.join(", "),
                    line.trim()
                ));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "src/core/ must stay pure Rust (no {}); move browser code to src/ui/:\n{}",
        BROWSER_CRATES.join(", "),
        offenders.join("\n")
    );
}

#[test]
fn every_source_file_starts_with_a_module_doc() {
    let files = rust_files(&crate_root().join("src"));
    assert!(!files.is_empty(), "no .rs files under src/");
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
        "every src/**/*.rs file must start with a `//!` doc saying what it owns and why; these do not:\n{}",
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

/// What only the second module (`src/bin/extras.rs`) may call: the rules,
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
    let mut files = rust_files(&crate_root().join("src/ui"));
    files.push(crate_root().join("src/bin/web.rs"));
    let offenders = code_lines(&files, |line| {
        SECOND_MODULE_ONLY
            .iter()
            .find(|w| line.contains(*w))
            .copied()
    });
    assert!(
        offenders.is_empty(),
        "the page must ask the second module (ui::extras::ask_text, ask_data) for these, not call them:\n{}",
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
    let mut files = rust_files(&crate_root().join("src/ui"));
    let insights = crate_root().join("src/core/insights");
    files.extend(
        rust_files(&crate_root().join("src/core"))
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
