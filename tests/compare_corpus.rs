//! Alignment snapshots of the corpus pairs: for each pair, the status of
//! every row as the comparison gave it the day it was reviewed, in
//! `tests/data/compare/<name>.snapshot`, one line per row (`status | before
//! CREATED BY | after CREATED BY`, oldest first) under a summary header
//! (`tests/snapshots/mod.rs` renders them). They guard against drift: a
//! mismatch shows a line diff; a missing or intended change is written by
//! `cargo run --example write_snapshots -- compare`, never by a test, and
//! the diff is reviewed by hand.
//!
//! The histories are read twice: with the product's parser, and with the
//! test-only table reader in `compare_common` (so a parser change cannot hide
//! or fake a comparison change); both must give the snapshot's rows.

mod compare_common;

mod common;
mod snapshots;

use layerdiff_core::model::History;
use snapshots::{corpus_histories, pair_snapshot, PAIRS};
use std::path::Path;

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
    match source {
        Source::Parser => corpus_histories(file),
        Source::TestReader => {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/data/corpus")
                .join(file);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            compare_common::read_tables(&text)
        }
    }
}

/// Compares every pair read from `source` with its snapshot.
fn check_pairs(source: Source) {
    let mut failures = Vec::new();
    let mut checked = 0;
    for &(name, file, b, a) in PAIRS {
        if matches!(source, Source::TestReader) && READER_CANNOT.contains(&name) {
            continue;
        }
        let hs = histories(file, source);
        let (Some(before), Some(after)) = (hs.get(b), hs.get(a)) else {
            failures.push(format!("{name}: {file} gave {} histories", hs.len()));
            continue;
        };
        if let Err(e) = pair_snapshot(name, before, after).check() {
            failures.push(format!("{name}: {e}"));
        }
        checked += 1;
    }
    assert!(
        failures.is_empty(),
        "histories from {source:?}\n{}",
        failures.join("\n")
    );
    assert!(checked >= 12, "{checked} pairs checked");
}

/// The product path: the real parser, then the comparison.
#[test]
fn corpus_pairs_match_their_snapshots() {
    check_pairs(Source::Parser);
}

/// The same snapshots from the test-only reader: a failure only here or only
/// above tells whether the comparison or the parser moved.
#[test]
fn corpus_pairs_match_their_snapshots_from_the_test_reader() {
    check_pairs(Source::TestReader);
}

#[test]
fn the_reader_sees_the_corpus_layer_counts() {
    // guards the snapshots' input: n_layers from tests/data/corpus/expected.json
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
