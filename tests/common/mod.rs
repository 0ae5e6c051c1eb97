//! Helpers shared by the fixture-driven tests (`mod common;` in each).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The corpus pastes (`tests/data/corpus/*.txt`), sorted by name.
pub fn corpus_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/data/corpus")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// `expected` against `actual`, line by line: `  ` same, `- ` expected only,
/// `+ ` actual only. For failure messages a reviewer reads at once.
pub fn line_diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let mut out = String::new();
    for k in 0..e.len().max(a.len()) {
        match (e.get(k), a.get(k)) {
            (Some(x), Some(y)) if x == y => out.push_str(&format!("  {x}\n")),
            (x, y) => {
                if let Some(x) = x {
                    out.push_str(&format!("- {x}\n"));
                }
                if let Some(y) = y {
                    out.push_str(&format!("+ {y}\n"));
                }
            }
        }
    }
    out
}

/// The page's demo as the editor snapshots it (`ui::components::editor`'s demo: the course
/// pair `000-…` split into two steps, the base folded).
pub fn demo_work() -> layerdiff_core::share::ShareState {
    use layerdiff_core::app::AppState;
    use layerdiff_core::parse::parse;
    use layerdiff_core::share::{ShareState, SharedPane, ViewOptions};
    use layerdiff_core::split::split_histories;

    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/corpus/000-course-3.1-backend-before-after.txt");
    let text = std::fs::read_to_string(path).expect("corpus file");
    let steps = split_histories(&text, &parse(&text), 2)
        .into_iter()
        .map(|text| SharedPane {
            text,
            ..SharedPane::default()
        })
        .collect();
    let work = ShareState {
        steps,
        view: ViewOptions {
            base_collapsed: true,
            ..ViewOptions::default()
        },
        compared: None,
    };
    AppState::restore(&work, parse).snapshot()
}

/// Every `.rs` file under `dir` (and its folders), sorted; a folder that
/// cannot be listed fails the test, naming it.
pub fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries = std::fs::read_dir(&current)
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
