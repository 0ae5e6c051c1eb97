//! Runs the parser over every real paste in `tests/data/corpus/` and compares
//! what it finds with `expected.json` (what a careful reader sees).
//!
//! All mismatches of all files are collected and printed as one table (file,
//! history, field, expected, got) before the test fails, so one run shows
//! everything.
//!
//! Checked per file: the number of histories; per history the layer count,
//! every size in bytes in printed order, the sum, the format (when given),
//! whether every size is exact to the byte (`size_exact`), the first line,
//! the first/last CREATED BY prefix (when given), and the label (see
//! [`label_ok`]), and the dialect where INDEX.md's "kind" column names one.
//! Also: no Error diagnostic points into a layer, and no layer comes from a
//! `docker images` row.
//!
//! Ambiguous files (`ambiguous: true` in expected.json) are held to the
//! reading recorded there, which is the one the parser chose:
//! - 017 (`… | grep RUN` rows, no header): four headerless histories, one per
//!   command, because each `docker image history` command line starts a new
//!   history; the alternative (one per fence) would merge two images.
//! - 058 (hand-annotated podman table): the 8 rows shown, arrows after the
//!   size read as COMMENT text, since that is what the author wrote there.
//! - 064 (`--format "{{.ID}}: {{.CreatedSince}}"`): a Custom history of two
//!   layers without sizes — recognised, because two lines start with an id
//!   and share a separator.

use std::fmt::Write as _;
use std::path::Path;

use layerdiff_core::model::{Dialect, Format, Parsed, Severity};
use layerdiff_core::parse::parse;
use serde_json::Value;

struct Mismatch {
    file: String,
    history: String,
    field: &'static str,
    expected: String,
    got: String,
}

/// Words in expected labels that describe the paste (its format, how it was
/// cut) rather than name the history; they are not required in our label.
const DESCRIPTIVE: &[&str] = &[
    "grep",
    "run",
    "json",
    "jq-pretty",
    "format",
    "human",
    "--human=false",
    "--no-trunc",
    "docker",
    "commit",
    "cut",
    "by",
    "author",
    "hand-annotated",
    "nerdctl",
    "<2.0",
    "0.x",
    "2013",
    "one",
    "per",
    "step",
    "single",
    "the",
    "--format",
];

/// Key words of an expected label: words of 2+ characters that are not
/// descriptive.
fn key_words(label: &str) -> Vec<String> {
    label
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ','))
        .map(|w| {
            w.trim_matches(|c: char| matches!(c, '\'' | '"' | ':'))
                .to_lowercase()
        })
        .filter(|w| w.chars().count() >= 2 && !DESCRIPTIVE.contains(&w.as_str()))
        .collect()
}

/// The label check. Expected labels were written by a reader who may add
/// words that are nowhere in the paste (`before`/`after` for two tables that
/// only differ in time), so only key words that the paste itself shows
/// before the history's first line can be asked for: at least one of those
/// must appear in our label (case-insensitive). When the paste shows none of
/// them, any label passes.
fn label_ok(expected: &str, got: &str, text_before: &str) -> bool {
    let before = text_before.to_lowercase();
    let shown: Vec<String> = key_words(expected)
        .into_iter()
        .filter(|w| before.contains(w.as_str()))
        .collect();
    let got = got.to_lowercase();
    shown.is_empty() || shown.iter().any(|w| got.contains(w.as_str()))
}

fn looks_like_history_row_start(line: &str) -> bool {
    let first = line
        .trim()
        .trim_start_matches('#')
        .split_whitespace()
        .next()
        .unwrap_or("");
    let hex = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit());
    first == "<missing>"
        || first == "missing"
        || (first.len() == 12 && hex(first))
        || first
            .strip_prefix("sha256:")
            .is_some_and(|h| hex(h.trim_end_matches('…')))
        || (first.len() == 64 && hex(first))
}

/// The dialect INDEX.md's "kind" column names for a file, when it names one
/// without doubt (`D-20?` and mixed `D-20/D-new` hybrids without `D-old` are
/// left out).
fn dialect_of_kind(kind: &str) -> Option<Dialect> {
    if kind.contains('?') {
        return None;
    }
    if kind.starts_with("P ") || kind.starts_with("P,") {
        Some(Dialect::Podman)
    } else if kind.starts_with("N ") || kind.starts_with("N,") {
        Some(Dialect::Nerdctl)
    } else if kind.contains("D-old") {
        Some(Dialect::DockerOld)
    } else if kind.contains("D-20") && !kind.contains("D-new") {
        Some(Dialect::Docker2009)
    } else if kind.contains("D-new") && !kind.contains("D-20") {
        Some(Dialect::Docker)
    } else {
        None
    }
}

/// file name → kind column of INDEX.md.
fn kinds(index: &str) -> std::collections::HashMap<String, String> {
    index
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let name = cells.get(1)?;
            name.ends_with(".txt").then(|| {
                (
                    name.to_string(),
                    cells.get(3).copied().unwrap_or("").to_string(),
                )
            })
        })
        .collect()
}

fn check_file(
    name: &str,
    text: &str,
    expected: &Value,
    kind: Option<Dialect>,
    out: &mut Vec<Mismatch>,
) {
    let parsed: Parsed = parse(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut push = |history: String, field: &'static str, e: String, g: String| {
        out.push(Mismatch {
            file: name.to_string(),
            history,
            field,
            expected: e,
            got: g,
        })
    };
    let exp_hist = expected["histories"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    if exp_hist.len() != parsed.histories.len() {
        push(
            "-".into(),
            "histories",
            exp_hist.len().to_string(),
            format!(
                "{} {:?}",
                parsed.histories.len(),
                parsed
                    .histories
                    .iter()
                    .map(|h| (h.label.clone(), h.layers.len(), h.lines))
                    .collect::<Vec<_>>()
            ),
        );
    }
    for (k, (e, h)) in exp_hist.iter().zip(&parsed.histories).enumerate() {
        let hname = format!("#{} {}", k + 1, e["label"].as_str().unwrap_or(""));
        let n = e["n_layers"].as_u64().unwrap_or(0) as usize;
        if n != h.layers.len() {
            push(
                hname.clone(),
                "n_layers",
                n.to_string(),
                h.layers.len().to_string(),
            );
        }
        let exp_sizes: Vec<Option<u64>> = e["sizes"]
            .as_array()
            .map(|a| a.iter().map(Value::as_u64).collect())
            .unwrap_or_default();
        let got_sizes: Vec<Option<u64>> =
            h.layers.iter().map(|l| l.size.map(|s| s.bytes)).collect();
        if exp_sizes != got_sizes {
            push(
                hname.clone(),
                "sizes",
                format!("{exp_sizes:?}"),
                format!("{got_sizes:?}"),
            );
        }
        let total = e["total_bytes"].as_u64().unwrap_or(0);
        if total != h.total_bytes() {
            push(
                hname.clone(),
                "total_bytes",
                total.to_string(),
                h.total_bytes().to_string(),
            );
        }
        if let Some(f) = e["format"].as_str() {
            if f != h.format.as_str() {
                push(hname.clone(), "format", f.into(), h.format.as_str().into());
            }
        }
        let exact = h
            .layers
            .iter()
            .all(|l| l.size.is_some_and(|s| s.tolerance == 0));
        if let Some(x) = e["size_exact"].as_bool() {
            if x != exact {
                push(
                    hname.clone(),
                    "size_exact",
                    x.to_string(),
                    exact.to_string(),
                );
            }
        }
        if let Some(first) = e["lines"].get(0).and_then(Value::as_u64) {
            if first as usize != h.lines.0 {
                push(
                    hname.clone(),
                    "first line",
                    first.to_string(),
                    h.lines.0.to_string(),
                );
            }
        }
        for (field, key, layer) in [
            ("first CREATED BY", "first_created_by", h.layers.first()),
            ("last CREATED BY", "last_created_by", h.layers.last()),
        ] {
            if let (Some(prefix), Some(layer)) = (e[key].as_str(), layer) {
                if !layer.created_by.starts_with(prefix) {
                    push(
                        hname.clone(),
                        field,
                        format!("{prefix}…"),
                        layer.created_by.clone(),
                    );
                }
            }
        }
        let start = h.layers.first().map_or(0, |l| l.lines.0);
        let before = lines
            .iter()
            .take(start.saturating_sub(1))
            .copied()
            .collect::<Vec<_>>()
            .join("\n");
        let exp_label = e["label"].as_str().unwrap_or("");
        if !label_ok(exp_label, &h.label, &before) {
            push(hname.clone(), "label", exp_label.into(), h.label.clone());
        }
        if let (Some(d), Format::Table | Format::Headerless) = (kind, h.format) {
            if d != h.dialect {
                push(
                    hname.clone(),
                    "dialect",
                    format!("{d:?}"),
                    format!("{:?}", h.dialect),
                );
            }
        }
        if matches!(h.format, Format::Table | Format::Headerless) {
            for l in &h.layers {
                let line = lines
                    .get(l.lines.0.saturating_sub(1))
                    .copied()
                    .unwrap_or("");
                if !looks_like_history_row_start(line) {
                    push(
                        hname.clone(),
                        "row start",
                        "an id or <missing>".into(),
                        format!("line {}: {line}", l.lines.0),
                    );
                }
            }
        }
    }
    // `docker images` tables (header with REPOSITORY … IMAGE ID): none of
    // their lines may end up inside a layer.
    let layer_lines: Vec<(usize, usize)> = parsed
        .histories
        .iter()
        .flat_map(|h| h.layers.iter().map(|l| l.lines))
        .collect();
    let mut in_images = false;
    for (k, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.contains("REPOSITORY") && t.contains("IMAGE ID") {
            in_images = true;
        } else if t.is_empty() || t.starts_with("```") || t.starts_with('$') {
            in_images = false;
        }
        if in_images && layer_lines.iter().any(|&(a, b)| (a..=b).contains(&(k + 1))) {
            push(
                "-".into(),
                "images row",
                "not a layer".into(),
                format!("line {}: {t}", k + 1),
            );
        }
    }
    for d in parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
    {
        let inside = parsed
            .histories
            .iter()
            .flat_map(|h| &h.layers)
            .any(|l| (l.lines.0..=l.lines.1).contains(&d.line));
        if inside {
            push(
                "-".into(),
                "error in layer",
                "no Error on a layer line".into(),
                format!("line {}: {}", d.line, d.message),
            );
        }
    }
}

#[test]
fn corpus_matches_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("expected.json")).expect("expected.json is readable"),
    )
    .expect("expected.json is JSON");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert!(
        !names.is_empty(),
        "no corpus files found in {}",
        dir.display()
    );
    let kinds =
        kinds(&std::fs::read_to_string(dir.join("INDEX.md")).expect("INDEX.md is readable"));
    let mut mismatches = Vec::new();
    for name in &names {
        let text = std::fs::read_to_string(dir.join(name)).expect("corpus file is UTF-8");
        match expected.get(name) {
            Some(e) => check_file(
                name,
                &text,
                e,
                kinds.get(name).and_then(|k| dialect_of_kind(k)),
                &mut mismatches,
            ),
            None => mismatches.push(Mismatch {
                file: name.clone(),
                history: "-".into(),
                field: "expected.json",
                expected: "an entry".into(),
                got: "none".into(),
            }),
        }
    }
    let failing: std::collections::BTreeSet<&str> =
        mismatches.iter().map(|m| m.file.as_str()).collect();
    let mut report = String::new();
    let _ = writeln!(
        report,
        "{} of {} corpus files fully match expected.json",
        names.len() - failing.len(),
        names.len()
    );
    if !mismatches.is_empty() {
        let _ = writeln!(
            report,
            "| file | history | field | expected | got |\n|---|---|---|---|---|"
        );
        for m in &mismatches {
            let _ = writeln!(
                report,
                "| {} | {} | {} | {} | {} |",
                m.file, m.history, m.field, m.expected, m.got
            );
        }
    }
    println!("{report}");
    assert!(mismatches.is_empty(), "{report}");
}

#[test]
fn label_check_is_fair() {
    assert!(label_ok(
        "Backend size beforehand",
        "Backend size beforehand (back)",
        "### Backend size beforehand"
    ));
    assert!(!label_ok(
        "Backend size beforehand",
        "back",
        "### Backend size beforehand"
    ));
    // Words the paste never shows cannot be asked for.
    assert!(label_ok(
        "before",
        "ahojukka5/patientor-backend:latest",
        "Image size is 397MB."
    ));
}

/// The same paste, reshaped the way pastes get reshaped on their way to us,
/// must read the same: CRLF or CR endings, trailing spaces trimmed, a 4-space
/// markdown indent, a `> ` quote, HTML no-break spaces, tabs, a fence,
/// whitespace collapsed to single spaces, `<missing>` dropped by a browser.
#[test]
fn corpus_reads_the_same_when_reshaped() {
    type Reshape = (&'static str, fn(&str) -> String);
    let reshapes: [Reshape; 10] = [
        ("CRLF", |t| t.lines().collect::<Vec<_>>().join("\r\n")),
        ("CR", |t| t.lines().collect::<Vec<_>>().join("\r")),
        ("trimmed", |t| {
            t.lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
        }),
        ("indented", |t| {
            t.lines()
                .map(|l| format!("    {l}"))
                .collect::<Vec<_>>()
                .join("\n")
        }),
        ("quoted", |t| {
            t.lines()
                .map(|l| format!("> {l}"))
                .collect::<Vec<_>>()
                .join("\n")
        }),
        ("nbsp", |t| t.replace("  ", "\u{a0} ")),
        ("tabbed", |t| {
            t.replace("   ", "\t")
                .replace("\t ", "\t")
                .replace("\t\t", "\t")
        }),
        ("fenced", |t| format!("```text\n{t}\n```\n")),
        // A web page drops `<missing>` as an unknown HTML tag.
        ("tag-eaten", |t| t.replace("<missing>", "")),
        ("collapsed", |t| {
            // Runs of spaces shrunk to one, as when a page is copied without `<pre>`.
            t.lines()
                .map(|l| {
                    l.split(' ')
                        .filter(|w| !w.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join("\n")
        }),
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let shape = |p: &Parsed| -> Vec<(usize, u64, Format)> {
        p.histories
            .iter()
            .map(|h| (h.layers.len(), h.total_bytes(), h.format))
            .collect()
    };
    let mut report = String::new();
    for name in &names {
        let text = std::fs::read_to_string(dir.join(name)).expect("corpus file is UTF-8");
        let want = shape(&parse(&text));
        // A custom format without its id has nothing left to recognise it by.
        let custom = want.iter().any(|h| h.2 == Format::Custom);
        for (what, f) in &reshapes {
            if custom && *what == "tag-eaten" {
                continue;
            }
            let got = shape(&parse(&f(&text)));
            if got != want {
                let _ = writeln!(report, "| {name} | {what} | {want:?} | {got:?} |");
            }
        }
    }
    assert!(
        report.is_empty(),
        "| file | reshape | as pasted | reshaped |\n|---|---|---|---|\n{report}"
    );
}

/// Small pastes written for this parser (`tests/data/parse/`), each showing
/// one messy shape the corpus does not: what a careful reader sees in them.
/// Per history: a word the label must contain (empty: any label), the format,
/// the layer count and the sum of sizes in bytes.
#[test]
fn small_fixtures_read_as_a_reader_sees_them() {
    type Want = (&'static str, Format, usize, u64);
    let cases: &[(&str, &[Want])] = &[
        (
            "cat-n-numbered.txt",
            &[("web", Format::Table, 2, 40_100_000)],
        ),
        (
            "ci-log-timestamps.txt",
            &[("app", Format::Table, 2, 49_200)],
        ),
        (
            "custom-table-columns.txt",
            &[
                ("app", Format::Table, 3, 40_101_200),
                ("app", Format::Table, 2, 40_100_000),
            ],
        ),
        ("double-spaced.txt", &[("", Format::Table, 3, 52_400_000)]),
        (
            "headerless-human-false-and-windows.txt",
            &[
                ("Before", Format::Headerless, 2, 70_810_049),
                ("servercore", Format::Table, 2, 5_030_000_000),
            ],
        ),
        (
            "heredoc-and-docker-pull.txt",
            &[("app:1", Format::Table, 3, 17_600_000)],
        ),
        (
            "images-then-history-with-blank.txt",
            &[("myapp", Format::Table, 3, 45_700_000)],
        ),
        (
            "markdown-pipe-table-and-collapsed.txt",
            &[
                ("before", Format::Table, 3, 45_700_000),
                ("", Format::Table, 2, 61_100_000),
            ],
        ),
        (
            "nerdctl2-and-podman-json-array.txt",
            &[
                ("alpine", Format::Table, 2, 1_106_000),
                ("x", Format::Json, 2, 7_338_496),
            ],
        ),
        (
            "notebook-json-lines-and-jq-slurp.txt",
            &[
                ("app", Format::Json, 2, 1_000_000_000),
                ("app", Format::Json, 1, 0),
            ],
        ),
        ("quoted.txt", &[("web", Format::Table, 2, 40_100_000)]),
        (
            "wrapped-header-and-backtick.txt",
            &[("alpine", Format::Table, 2, 8_460_000)],
        ),
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/parse");
    let mut report = String::new();
    for (file, want) in cases {
        let text = std::fs::read_to_string(dir.join(file)).expect("fixture is readable");
        let got: Vec<(String, Format, usize, u64)> = parse(&text)
            .histories
            .iter()
            .map(|h| (h.label.clone(), h.format, h.layers.len(), h.total_bytes()))
            .collect();
        let matches = got.len() == want.len()
            && got.iter().zip(want.iter()).all(|(g, w)| {
                g.0.to_lowercase().contains(&w.0.to_lowercase())
                    && g.1 == w.1
                    && g.2 == w.2
                    && g.3 == w.3
            });
        if !matches {
            let _ = writeln!(report, "| {file} | {want:?} | {got:?} |");
        }
    }
    assert!(
        report.is_empty(),
        "| file | expected | got |\n|---|---|---|\n{report}"
    );
}
