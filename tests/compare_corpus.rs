//! Alignment fixtures from the corpus pairs: for each pair, the expected status
//! of every row is written in `tests/data/compare/<name>.expected`, one line per
//! row (`status | before CREATED BY | after CREATED BY`, oldest first) under a
//! summary header. The test renders the comparison the same way and shows a
//! line diff on mismatch. `UPDATE_EXPECT=1 cargo test --test compare_corpus`
//! rewrites the files — every rewrite must be reviewed by hand.
//!
//! The histories are read twice: with the product's parser, and with the
//! test-only table reader in `compare_common` (so a parser change cannot hide
//! or fake a comparison change); both must give the expected rows.

mod compare_common;

mod common;

use common::line_diff;
use layerdiff::core::compare::{compare, Comparison};
use layerdiff::core::model::History;
use std::path::Path;

/// (fixture name, corpus file, before history, after history), histories counted from 0.
#[rustfmt::skip]
const PAIRS: &[(&str, &str, usize, usize)] = &[
    ("000-demo", "000-course-3.1-backend-before-after.txt", 0, 1),
    ("004-patientor", "004-ex37-patientor-before-after.txt", 0, 1),
    ("013-ipinfo", "013-ipinfo-before-after-mixed-no-trailing.txt", 0, 1),
    ("017-grep-run-frontend", "017-dwd36-grep-RUN-headerless-before-after.txt", 0, 2),
    ("017-grep-run-backend", "017-dwd36-grep-RUN-headerless-before-after.txt", 1, 3),
    ("021-noopt-opt", "021-lab4-noopt-vs-opt-echo-separators.txt", 0, 1),
    ("022-podman-frontend-backend", "022-podman-ex307-frontend-backend-after-tab-split.txt", 0, 1),
    ("035-same-image-bytes-vs-human", "035-ru-html-pre-missing-no-brackets-human-false-and-true.txt", 0, 1),
    ("039-hello-world-vs-nginx", "039-terminal-log-two-histories-back-to-back-prompts.txt", 0, 1),
    ("046-ver1-ver2", "046-docker-workshop-ver1-ver2-ver3-commit-layers-note.txt", 0, 1),
    ("046-ver2-ver3", "046-docker-workshop-ver1-ver2-ver3-commit-layers-note.txt", 1, 2),
    ("046-ver3-commit", "046-docker-workshop-ver1-ver2-ver3-commit-layers-note.txt", 2, 3),
    ("061-vanilla-multistage", "061-zh-node-vanilla-vs-multistage-no-created-col.txt", 0, 1),
    ("067-backend", "067-dwd306-pedro-4-histories-last-missing-header.txt", 0, 1),
    ("067-frontend", "067-dwd306-pedro-4-histories-last-missing-header.txt", 2, 3),
];

/// A CREATED BY cell for the fixture: whitespace runs (and tabs) shown as one space.
fn cell(l: Option<&layerdiff::core::compare::LayerRef>) -> String {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    match l {
        None => "—".to_string(),
        Some(l) if l.truncated => format!("{}…", squash(&l.created_by)),
        Some(l) => squash(&l.created_by),
    }
}

/// The fixture text of a comparison.
fn render(c: &Comparison) -> String {
    let mut out = format!(
        "# before: {} ({} layers) · after: {} ({} layers) · change: {}\n# base: {} layers, {}{}{}\n",
        c.before.total.approx(),
        c.before.layers,
        c.after.total.approx(),
        c.after.layers,
        c.delta.describe_approx(c.before.total.bytes),
        c.base.layers,
        c.base.total.approx(),
        match (&c.base.before_image, &c.base.after_image) {
            (None, None) => String::new(),
            (b, a) => format!(" ({} | {})", b.as_deref().unwrap_or("?"), a.as_deref().unwrap_or("?")),
        },
        match &c.base.reason {
            Some(r) => format!(", changed: {r}"),
            None if c.base.layers == 0 => ", nothing shared at the bottom".to_string(),
            None => ", unchanged".to_string(),
        }
    );
    for r in &c.rows {
        out.push_str(&format!(
            "{:<8}| {} | {}\n",
            r.status.as_str(),
            cell(r.before.as_ref()),
            cell(r.after.as_ref())
        ));
    }
    out
}

/// Pairs the test-only reader cannot read.
const READER_CANNOT: &[&str] = &[
    "035-same-image-bytes-vs-human",
    // one-row headerless tables (`| grep RUN`)
    "017-grep-run-frontend",
    "017-grep-run-backend",
];

/// Where the histories come from: the product's parser, or the test-only reader.
#[derive(Debug, Clone, Copy)]
enum Source {
    Parser,
    TestReader,
}

fn histories(file: &str, source: Source) -> Vec<History> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/corpus")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match source {
        Source::Parser => layerdiff::core::parse::parse(&text).histories,
        Source::TestReader => compare_common::read_tables(&text),
    }
}

/// Compares every pair read from `source` with its expected file.
fn check_pairs(source: Source, update: bool) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/compare");
    let mut failures = Vec::new();
    for &(name, file, b, a) in PAIRS {
        if matches!(source, Source::TestReader) && READER_CANNOT.contains(&name) {
            continue;
        }
        let hs = histories(file, source);
        let (Some(before), Some(after)) = (hs.get(b), hs.get(a)) else {
            failures.push(format!("{name}: {file} gave {} histories", hs.len()));
            continue;
        };
        let actual = render(&compare(before, after));
        let path = dir.join(format!("{name}.expected"));
        if update {
            std::fs::write(&path, &actual).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != actual {
            failures.push(format!(
                "{name} ({}):\n{}",
                path.display(),
                line_diff(&expected, &actual)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "histories from {source:?}\n{}",
        failures.join("\n")
    );
}

/// The product path: the real parser, then the comparison.
#[test]
fn corpus_pairs_align_as_a_careful_reader_would() {
    check_pairs(Source::Parser, std::env::var_os("UPDATE_EXPECT").is_some());
}

/// The same fixtures from the test-only reader: a failure only here or only
/// above tells whether the comparison or the parser moved.
#[test]
fn corpus_pairs_align_the_same_from_the_test_reader() {
    check_pairs(Source::TestReader, false);
}

#[test]
fn the_reader_sees_the_corpus_layer_counts() {
    // guards the fixtures' input: n_layers from tests/data/corpus/expected.json
    let counts = |f: &str| {
        histories(f, Source::TestReader)
            .iter()
            .map(|h| h.layers.len())
            .collect::<Vec<_>>()
    };
    assert_eq!(counts("000-course-3.1-backend-before-after.txt"), [14, 9]);
    assert_eq!(counts("004-ex37-patientor-before-after.txt"), [18, 18]);
    assert_eq!(
        counts("021-lab4-noopt-vs-opt-echo-separators.txt"),
        [14, 20]
    );
}
