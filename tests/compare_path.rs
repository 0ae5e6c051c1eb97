//! Path snapshots of the corpus files that hold a whole path: for each, the
//! figures of every step, the base spans and every layer's track (which
//! layer of each step is the same layer followed through the path) as the
//! path comparison gave them the day they were reviewed, in
//! `tests/data/compare/path/<name>.snapshot` (`tests/snapshots/mod.rs`
//! renders them). They guard against drift: a mismatch shows a line diff; a
//! missing or intended change is written by
//! `cargo run --example write_snapshots -- compare-path`, never by a test,
//! and the diff is reviewed by hand (against the neighbours' pair snapshots
//! in `tests/data/compare/` too).

mod common;
mod snapshots;

use layerdiff_core::compare::path::compare_path;
use layerdiff_core::model::History;
use snapshots::{compare_paths, path_steps, PATHS};

#[test]
fn corpus_paths_match_their_snapshots() {
    let snaps = compare_paths();
    assert_eq!(snaps.len(), PATHS.len());
    let failures: Vec<String> = snaps.iter().filter_map(|s| s.check().err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Laws every corpus path keeps: each neighbour is the pair comparison, the
/// tracks of a step are distinct, a track lives in one run of consecutive
/// steps, and the figures add up (Δ to first = sum of Δ to previous).
#[test]
fn every_corpus_path_keeps_the_path_laws() {
    for &(name, file, picks) in PATHS {
        let owned = path_steps(name, file, picks);
        let steps: Vec<&History> = owned.iter().collect();
        let p = compare_path(&steps).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut running = 0i64;
        for (k, step) in p.steps.iter().enumerate() {
            let mut seen = step.tracks.clone();
            seen.sort();
            seen.dedup();
            assert_eq!(
                seen.len(),
                step.tracks.len(),
                "{name} step {k}: a track twice"
            );
            assert_eq!(step.tracks.len(), step.layers, "{name} step {k}");
            running += step.to_previous.map_or(0, |d| d.bytes);
            assert_eq!(
                step.to_first.map_or(0, |d| d.bytes),
                running,
                "{name} step {k}"
            );
            if k > 0 {
                let pair = layerdiff_core::compare::compare(steps[k - 1], steps[k]);
                assert_eq!(p.neighbours.get(k - 1), Some(&pair), "{name} step {k}");
            }
        }
        for (t, track) in p.tracks.iter().enumerate() {
            for (k, step) in p.steps.iter().enumerate() {
                let holds = step.tracks.iter().any(|x| x.0 == t);
                let inside = (track.first_step..=track.last_step).contains(&k);
                assert_eq!(holds, inside, "{name}: track {t} at step {k}: {track:?}");
            }
        }
    }
}
