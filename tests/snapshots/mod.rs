//! The snapshots the tests compare against, and the one place that makes
//! them: the tests (`mod snapshots;`) and the writer
//! (`examples/write_snapshots.rs`, through `#[path]`) share this code, so a
//! test checks exactly what the writer would write.
//!
//! A snapshot guards against drift: it is what the code made the day it was
//! written and reviewed, not what a reader worked out by hand (those are the
//! `expected` files, e.g. `tests/data/insights/`). A test never writes one:
//! a missing or different file fails with the command that makes it
//! ([`write_command`]), and running that command is a separate step whose
//! diff is reviewed like code.
//!
//! Groups, each written by `cargo run --example write_snapshots -- GROUP`:
//! - `compare`: every corpus pair's aligned rows,
//!   `tests/data/compare/<name>.snapshot` (`tests/compare_corpus.rs`);
//! - `compare-path`: every corpus path's steps and tracks,
//!   `tests/data/compare/path/<name>.snapshot` (`tests/compare_path.rs`);
//! - `embed-links`: the demo's read-only view links the browser test frames,
//!   `tests/e2e/fixtures/embed-demo*.link` (`tests/share_embed.rs`);
//! - `layer-links`: the demo's links to one layer,
//!   `tests/e2e/fixtures/demo-layer*.link` (`tests/layer_link.rs`);
//! - `demo-snippet`: the share box's Markdown snippet for the demo,
//!   `tests/e2e/fixtures/demo-snippet.md` (`tests/embed_snippets.rs`);
//! - `outputs`: every output users see for the corpus pairs and paths (CLI,
//!   exports, charts), one hash each, `tests/data/outputs.snapshot`
//!   (`tests/outputs_frozen.rs`; [`outputs`] says what is in it).
//!
//! The links are frozen once written: their tests check that the stored
//! link still opens as it should, whatever the packing does later, and do
//! not compare it with a link made today.

#![allow(dead_code)]

pub mod outputs;

use std::path::{Path, PathBuf};

use layerdiff_core::compare::path::{compare_path, PathComparison};
use layerdiff_core::compare::{compare, Comparison, LayerRef};
use layerdiff_core::embed::{caption, chart_file, markdown_image};
use layerdiff_core::model::History;
use layerdiff_core::parse::parse;
use layerdiff_core::share::{self, EncodeOptions, LayerAt, Theme};
use layerdiff_core::text::cut_end;

/// Every group the writer knows, in the order it writes them with `all`.
pub const GROUPS: [&str; 6] = [
    "compare",
    "compare-path",
    "embed-links",
    "layer-links",
    "demo-snippet",
    "outputs",
];

/// One snapshot: the file it lives in and the text the code makes for it now.
pub struct Snapshot {
    /// The group that writes it (one of [`GROUPS`]).
    pub group: &'static str,
    /// The file, absolute.
    pub path: PathBuf,
    /// What the code under test makes for it today.
    pub made: String,
}

impl Snapshot {
    /// The file relative to the crate root, for messages.
    pub fn shown(&self) -> String {
        self.path
            .strip_prefix(root())
            .unwrap_or(&self.path)
            .display()
            .to_string()
    }

    /// The stored text, or a message saying the file is missing and the
    /// command that makes it.
    pub fn stored(&self) -> Result<String, String> {
        std::fs::read_to_string(&self.path).map_err(|e| {
            format!(
                "{} cannot be read ({e}): make it with `{}`, then review it before committing",
                self.shown(),
                write_command(self.group)
            )
        })
    }

    /// Whether the stored file holds exactly what the code makes now; the
    /// message says what differs (a line diff) and how to rewrite it.
    pub fn check(&self) -> Result<(), String> {
        let stored = self.stored()?;
        if stored == self.made {
            return Ok(());
        }
        Err(format!(
            "{} differs from what the code makes now (- stored, + made):\n{}\
             if the change is intended, rewrite it with `{}` and review the diff",
            self.shown(),
            crate::common::line_diff(&stored, &self.made),
            write_command(self.group)
        ))
    }
}

/// The command that writes the snapshots of `group`.
pub fn write_command(group: &str) -> String {
    format!("cargo run --example write_snapshots -- {group}")
}

/// The snapshots of `group`, made by the code under test, or `None` for a
/// name that is not a group.
pub fn of_group(group: &str) -> Option<Vec<Snapshot>> {
    Some(match group {
        "compare" => compare_pairs(),
        "compare-path" => compare_paths(),
        "embed-links" => embed_links(),
        "layer-links" => layer_links(),
        "demo-snippet" => vec![demo_snippet()],
        "outputs" => vec![outputs::outputs()],
        _ => return None,
    })
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The histories of a corpus file, read by the product's parser.
pub fn corpus_histories(file: &str) -> Vec<History> {
    let path = root().join("tests/data/corpus").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse(&text).histories
}

// ---- compare: the corpus pairs -------------------------------------------

/// (snapshot name, corpus file, before history, after history), histories
/// counted from 0.
#[rustfmt::skip]
pub const PAIRS: &[(&str, &str, usize, usize)] = &[
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

/// The snapshot of pair `name`: the comparison of `before` and `after`.
pub fn pair_snapshot(name: &str, before: &History, after: &History) -> Snapshot {
    Snapshot {
        group: "compare",
        path: root().join(format!("tests/data/compare/{name}.snapshot")),
        made: render_pair(&compare(before, after)),
    }
}

/// A CREATED BY cell of a pair snapshot: whitespace runs (and tabs) shown as
/// one space, a cut command ending in `…`.
fn cell(l: Option<&LayerRef>) -> String {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    match l {
        None => "—".to_string(),
        Some(l) if l.truncated => format!("{}…", squash(&l.created_by)),
        Some(l) => squash(&l.created_by),
    }
}

/// The snapshot text of a comparison: a summary header, then one line per
/// row, oldest first (`status | before CREATED BY | after CREATED BY`).
pub fn render_pair(c: &Comparison) -> String {
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

/// Every corpus pair's snapshot, the histories read by the product's parser.
pub fn compare_pairs() -> Vec<Snapshot> {
    PAIRS
        .iter()
        .map(|&(name, file, b, a)| {
            let hs = corpus_histories(file);
            let (Some(before), Some(after)) = (hs.get(b), hs.get(a)) else {
                panic!("{name}: {file} gave {} histories", hs.len());
            };
            pair_snapshot(name, before, after)
        })
        .collect()
}

// ---- compare-path: the corpus paths --------------------------------------

/// (snapshot name, corpus file, histories of the file taken as steps, in order).
#[rustfmt::skip]
pub const PATHS: &[(&str, &str, &[usize])] = &[
    ("046-ver1-ver2-ver3", "046-docker-workshop-ver1-ver2-ver3-commit-layers-note.txt", &[0, 1, 2]),
    ("046-all-four", "046-docker-workshop-ver1-ver2-ver3-commit-layers-note.txt", &[0, 1, 2, 3]),
    ("067-all-four", "067-dwd306-pedro-4-histories-last-missing-header.txt", &[0, 1, 2, 3]),
    ("017-all-four", "017-dwd36-grep-RUN-headerless-before-after.txt", &[0, 1, 2, 3]),
];

/// The snapshot text of a path: steps with figures, base spans, then one
/// line per track (its layer index in each step, oldest first, `·` where
/// absent, and its instruction where it first appears).
pub fn render_path(p: &PathComparison) -> String {
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

/// The steps of path `(name, file, picks)`, read by the product's parser.
pub fn path_steps(name: &str, file: &str, picks: &[usize]) -> Vec<History> {
    let hs = corpus_histories(file);
    let steps: Vec<History> = picks.iter().filter_map(|&k| hs.get(k).cloned()).collect();
    assert_eq!(
        steps.len(),
        picks.len(),
        "{name}: {file} gave {} histories",
        hs.len()
    );
    steps
}

/// Every corpus path's snapshot.
pub fn compare_paths() -> Vec<Snapshot> {
    PATHS
        .iter()
        .map(|&(name, file, picks)| {
            let steps = path_steps(name, file, picks);
            let refs: Vec<&History> = steps.iter().collect();
            let p = compare_path(&refs).unwrap_or_else(|e| panic!("{name}: {e}"));
            Snapshot {
                group: "compare-path",
                path: root().join(format!("tests/data/compare/path/{name}.snapshot")),
                made: render_path(&p),
            }
        })
        .collect()
}

// ---- the browser tests' links and snippet --------------------------------

/// Where the browser tests' fixtures live.
fn e2e_fixture(name: &str) -> PathBuf {
    root().join("tests/e2e/fixtures").join(name)
}

/// The read-only view links `tests/e2e/embed.test.mjs` frames: (file, with
/// the findings, with the table, fixed theme).
pub const EMBED_LINKS: [(&str, bool, bool, Option<Theme>); 3] = [
    ("embed-demo.link", false, false, None),
    ("embed-demo-all.link", true, true, None),
    ("embed-demo-light.link", false, false, Some(Theme::Light)),
];

/// Where the embed link `name` lives.
pub fn embed_link_path(name: &str) -> PathBuf {
    e2e_fixture(name)
}

/// The demo's view links, packed as the page packs them today.
pub fn embed_links() -> Vec<Snapshot> {
    let work = crate::common::demo_work();
    EMBED_LINKS
        .iter()
        .map(|&(name, findings, table, theme)| {
            let mut view = work.as_embed(findings, table);
            view.view.theme = theme;
            let link = share::link(&view, &EncodeOptions::default()).expect("the demo packs");
            Snapshot {
                group: "embed-links",
                path: embed_link_path(name),
                made: format!("{link}\n"),
            }
        })
        .collect()
}

/// The links to one layer `tests/e2e/deeplink.test.mjs` opens: (file, the
/// layer pointed at, whether the demo has it). Layer 4 of step 2, and layer
/// 40 of step 2, which has 9.
pub const LAYER_LINKS: [(&str, LayerAt, bool); 2] = [
    ("demo-layer.link", LayerAt { step: 1, layer: 3 }, true),
    (
        "demo-layer-missing.link",
        LayerAt { step: 1, layer: 39 },
        false,
    ),
];

/// Where the layer link `name` lives.
pub fn layer_link_path(name: &str) -> PathBuf {
    e2e_fixture(name)
}

/// The demo (as the page loads it) focused on each layer of [`LAYER_LINKS`].
pub fn layer_links() -> Vec<Snapshot> {
    let demo = crate::common::demo_work();
    LAYER_LINKS
        .iter()
        .map(|&(name, at, _)| {
            let mut work = demo.clone();
            work.view.focus = Some(at);
            let link = share::link(&work, &EncodeOptions::default()).expect("the demo packs");
            Snapshot {
                group: "layer-links",
                path: layer_link_path(name),
                made: format!("{link}\n"),
            }
        })
        .collect()
}

/// Where the page is, in the snippet snapshot (the e2e test puts its own).
pub const SNIPPET_BASE: &str = "https://layerdiff.invalid/base/";

/// The Markdown snippet the share box offers for the demo, with
/// [`SNIPPET_BASE`] for the page's address, and its parts: (snippet, alt
/// text, view link fragment).
pub fn demo_markdown_snippet() -> (String, String, String) {
    let work = crate::common::demo_work();
    let histories: Vec<History> = work
        .steps
        .iter()
        .map(|s| parse(&s.text).histories.remove(0))
        .collect();
    let c = compare(&histories[0], &histories[1]);
    let alt = caption(&[c.before.total, c.after.total]);
    // The share box masks secrets by default (the demo has none to mask).
    let options = EncodeOptions {
        redact: true,
        ..EncodeOptions::default()
    };
    let fragment = share::link(&work.as_embed(false, false), &options).expect("the demo packs");
    let image = chart_file(false, false);
    let snippet = markdown_image(&alt, image, &format!("{SNIPPET_BASE}#{fragment}"));
    (snippet, alt, fragment)
}

/// The demo's snippet, as `tests/e2e/embed.test.mjs` expects the share box
/// to show it (its base put in).
pub fn demo_snippet() -> Snapshot {
    let (snippet, _, _) = demo_markdown_snippet();
    Snapshot {
        group: "demo-snippet",
        path: e2e_fixture("demo-snippet.md"),
        made: format!("{snippet}\n"),
    }
}
