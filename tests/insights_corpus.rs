//! Insights on the real pastes of `tests/data/corpus/`: for every file,
//! `tests/data/insights/<file>.expected` says, written by hand from reading
//! the paste, where each history's base ends (and by which signal), which
//! rules fire on which layer with which confidence, bytes kind and
//! own/inherited, and for the before/after pairs the verdict on each before
//! finding. Layer numbers are positions in `layers` as `layerdiff parse`
//! prints them (newest first). `#` starts a comment.
//!
//! Findings and verdicts are compared as sets (their display order is
//! tested beside the code); a mismatch prints a line diff.

mod common;

use common::line_diff;
use layerdiff_core::compare::compare;
use layerdiff_core::insights::{of_history, of_pair, signed, HistoryInsights, Insights};
use layerdiff_core::model::History;
use layerdiff_core::parse::parse;
use std::path::Path;

/// Before/after pairs (history indexes) in files that hold them; every
/// other history is read on its own.
#[rustfmt::skip]
const PAIRS: &[(&str, &[(usize, usize)])] = &[
    ("000-course-3.1-backend-before-after", &[(0, 1)]),
    ("004-ex37-patientor-before-after", &[(0, 1)]),
    ("013-ipinfo-before-after-mixed-no-trailing", &[(0, 1)]),
    ("017-dwd36-grep-RUN-headerless-before-after", &[(0, 2), (1, 3)]),
    ("021-lab4-noopt-vs-opt-echo-separators", &[(0, 1)]),
    ("035-ru-html-pre-missing-no-brackets-human-false-and-true", &[(0, 1)]),
    ("046-docker-workshop-ver1-ver2-ver3-commit-layers-note", &[(0, 1), (1, 2), (2, 3)]),
    ("061-zh-node-vanilla-vs-multistage-no-created-col", &[(0, 1)]),
    ("067-dwd306-pedro-4-histories-last-missing-header", &[(0, 1), (2, 3)]),
];

fn history_lines(k: usize, h: &HistoryInsights) -> String {
    let mut out = format!(
        "history {k}: {} {}\n",
        h.boundary.signal.as_str(),
        h.boundary.base_layers
    );
    for f in &h.findings {
        let rest: Vec<String> = f.layers.iter().skip(1).map(|l| l.to_string()).collect();
        let with = if rest.is_empty() {
            String::new()
        } else {
            format!(" with {}", rest.join(","))
        };
        out.push_str(&format!(
            "  {} {} {} {} @{}{with}\n",
            f.rule.id(),
            f.confidence.as_str(),
            f.bytes.kind.as_str(),
            if f.inherited { "inherited" } else { "own" },
            f.layer
        ));
    }
    out
}

fn verdict_lines(ins: &Insights) -> String {
    let mut out = String::new();
    for v in ins.verdicts.iter().flatten() {
        let delta = v
            .delta_bytes
            .map(|d| format!(" Δ {}", signed(d)))
            .unwrap_or_default();
        out.push_str(&format!(
            "verdict {} @{}: {}{delta}\n",
            v.rule.id(),
            v.before_layer,
            v.verdict.as_str()
        ));
    }
    out
}

fn render(name: &str, hs: &[History]) -> String {
    let pairs = PAIRS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(&[][..], |(_, p)| *p);
    let mut out = String::new();
    for &(b, a) in pairs {
        let (Some(before), Some(after)) = (hs.get(b), hs.get(a)) else {
            out.push_str(&format!("pair {b} → {a}: missing history\n"));
            continue;
        };
        let ins = of_pair(before, after, &compare(before, after));
        out.push_str(&format!("== pair {b} → {a}\n"));
        for (k, h) in [b, a].into_iter().zip(&ins.histories) {
            out.push_str(&history_lines(k, h));
        }
        out.push_str(&verdict_lines(&ins));
    }
    for (k, h) in hs.iter().enumerate() {
        if !pairs.iter().any(|&(b, a)| b == k || a == k) {
            out.push_str(&format!("== history {k}\n"));
            out.push_str(&history_lines(k, &of_history(h)));
        }
    }
    out
}

/// Lines without comments, each run of finding or verdict lines sorted.
fn normalise(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split(" #").next().unwrap_or(l).trim_end().to_string())
        .filter(|l| !l.trim().is_empty())
        .collect();
    let kind = |l: &str| {
        if l.starts_with("  ") {
            1
        } else if l.starts_with("verdict") {
            2
        } else {
            0
        }
    };
    let mut start = 0;
    while start < lines.len() {
        let k = kind(&lines[start]);
        let end = (start..lines.len())
            .find(|&i| kind(&lines[i]) != k)
            .unwrap_or(lines.len());
        if k != 0 {
            lines[start..end].sort();
        }
        start = end.max(start + 1);
    }
    lines
}

#[test]
fn corpus_insights_are_what_a_careful_reader_finds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let files = common::corpus_files();
    assert_eq!(files.len(), 32, "one expectation per corpus file");
    let mut failures = Vec::new();
    for path in files {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path).expect("corpus file");
        let actual = render(name, &parse(&text).histories);
        let expected_path = root.join("insights").join(format!("{name}.expected"));
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        let (e, a) = (normalise(&expected), normalise(&actual));
        if e != a {
            failures.push(format!(
                "{name}:\n{}",
                line_diff(&e.join("\n"), &a.join("\n"))
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
