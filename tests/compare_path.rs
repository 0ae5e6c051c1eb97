//! Path fixtures from the corpus files that hold a whole path: for each, the
//! expected figures of every step, the base spans and every layer's track
//! (which layer of each step is the same layer followed through the path) are
//! written in `tests/data/compare/path/<name>.expected`. The test renders the
//! path the same way and shows a line diff on mismatch.
//! `UPDATE_EXPECT=1 cargo test --test compare_path` rewrites the files — every
//! rewrite must be reviewed by hand (and checked against the neighbours'
//! pair fixtures in `tests/data/compare/`).

mod common;

use common::line_diff;
use layerdiff::core::compare::path::{compare_path, PathComparison};
use layerdiff::core::model::History;
use layerdiff::core::text::cut_end;
use std::path::Path;

/// (fixture name, corpus file, histories of the file taken as steps, in order).
#[rustfmt::skip]
const PATHS: &[(&str, &str, &[usize])] = &[
    ("046-ver1-ver2-ver3", "046-docker-workshop-ver1-ver2-ver3-commit-layers-note.txt", &[0, 1, 2]),
    ("046-all-four", "046-docker-workshop-ver1-ver2-ver3-commit-layers-note.txt", &[0, 1, 2, 3]),
    ("067-all-four", "067-dwd306-pedro-4-histories-last-missing-header.txt", &[0, 1, 2, 3]),
    ("017-all-four", "017-dwd36-grep-RUN-headerless-before-after.txt", &[0, 1, 2, 3]),
];

fn histories(file: &str) -> Vec<History> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/corpus")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    layerdiff::core::parse::parse(&text).histories
}

/// The fixture text of a path: steps with figures, base spans, then one line
/// per track (its layer index in each step, oldest first, `·` where absent,
/// and its instruction where it first appears).
fn render(p: &PathComparison) -> String {
    let mut out = format!(
        "# {}\n# step | label | layers | total | Δ to previous | Δ to first\n",
        p.headline()
    );
    for (k, step) in p.steps.iter().enumerate() {
        let f = p.figures(k);
        out.push_str(&format!(
            "{} | {} | {} | {} | {} | {}\n",
            k + 1,
            step.label,
            step.layers,
            f.total,
            f.to_previous,
            f.to_first
        ));
    }
    if p.base_spans.is_empty() {
        out.push_str("# base: no step shares a base block with the next\n");
    }
    for s in &p.base_spans {
        out.push_str(&format!(
            "# base: steps {}–{} share {} layers, {}\n",
            s.first_step + 1,
            s.last_step + 1,
            s.layers,
            s.total.approx()
        ));
    }
    let header: Vec<String> = (1..=p.steps.len()).map(|k| format!("{k:>3}")).collect();
    out.push_str(&format!("# track |{} | first seen as\n", header.join("")));
    for (t, track) in p.tracks.iter().enumerate() {
        let cells: Vec<String> = p
            .steps
            .iter()
            .map(|s| {
                s.tracks
                    .iter()
                    .position(|x| x.0 == t)
                    .map_or("  ·".to_string(), |i| format!("{i:>3}"))
            })
            .collect();
        let instruction = p
            .steps
            .get(track.first_step)
            .and_then(|s| s.tracks.iter().position(|x| x.0 == t))
            .and_then(|i| first_seen(p, track.first_step, i))
            .unwrap_or_default();
        out.push_str(&format!(
            "t{t:<5} |{} | {}\n",
            cells.join(""),
            cut_end(&instruction, 60)
        ));
    }
    out
}

/// The short instruction of layer `i` (oldest first) of `step`, read from the
/// neighbour comparison that holds it.
fn first_seen(p: &PathComparison, step: usize, i: usize) -> Option<String> {
    let (c, after) = match step.checked_sub(1) {
        Some(k) => (p.neighbours.get(k)?, true),
        None => (p.neighbours.first()?, false),
    };
    c.rows.iter().find_map(|r| {
        let l = if after {
            r.after.as_ref()
        } else {
            r.before.as_ref()
        }?;
        (l.index == i).then(|| l.instruction.clone())
    })
}

#[test]
fn corpus_paths_match_their_expected_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/compare/path");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for &(name, file, picks) in PATHS {
        let hs = histories(file);
        let steps: Vec<&History> = picks.iter().filter_map(|&k| hs.get(k)).collect();
        assert_eq!(
            steps.len(),
            picks.len(),
            "{name}: {file} gave {} histories",
            hs.len()
        );
        let p = compare_path(&steps).unwrap_or_else(|e| panic!("{name}: {e}"));
        let actual = render(&p);
        let path = dir.join(format!("{name}.expected"));
        if update {
            std::fs::create_dir_all(&dir).expect("the fixture dir");
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
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Laws every corpus path keeps: each neighbour is the pair comparison, the
/// tracks of a step are distinct, a track lives in one run of consecutive
/// steps, and the figures add up (Δ to first = sum of Δ to previous).
#[test]
fn every_corpus_path_keeps_the_path_laws() {
    for &(name, file, picks) in PATHS {
        let hs = histories(file);
        let steps: Vec<&History> = picks.iter().filter_map(|&k| hs.get(k)).collect();
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
                let pair = layerdiff::core::compare::compare(steps[k - 1], steps[k]);
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
