//! The before/after pairs that share-link lengths are measured on, shared by
//! `examples/link_lengths.rs` and `tests/share_lengths.rs`.
//!
//! Every corpus file with two or more histories gives the pair (first,
//! second); the multi-stage files add more (046: ver1→ver3, ver2→ver3; 067:
//! the second before/after). Each pane holds the part of the paste that leads
//! to its history (from the end of the previous history to the end of this
//! one, so headings and prompts that label it come along), as a user pasting
//! each part into its own pane would have it.

#![allow(dead_code)]

use layerdiff_core::model::{Format, History};
use layerdiff_core::parse::parse;
use layerdiff_core::share::SharedPane;

/// What a link is measured with: a typical GitHub Pages address.
pub const BASE_URL: &str = "https://example.github.io/layerdiff/#";

/// One measured pair.
pub struct Pair {
    /// `file (i→j)`.
    pub name: String,
    /// The before pane.
    pub before: SharedPane,
    /// The after pane.
    pub after: SharedPane,
    /// Both histories are default `docker history` tables (not JSON, custom,
    /// `--no-trunc` or `--human=false`).
    pub default_format: bool,
    /// Whether this is the product's demo (file 000).
    pub demo: bool,
}

/// The corpus directory.
pub fn corpus_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus")
}

/// All measured pairs, in file order.
pub fn corpus_pairs() -> Vec<Pair> {
    let mut files: Vec<_> = std::fs::read_dir(corpus_dir())
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    let mut pairs = Vec::new();
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let parsed = parse(&text);
        let n = parsed.histories.len();
        let mut wanted = vec![(0, 1)];
        if name.starts_with("046") {
            wanted.extend([(1, 2), (0, 2)]);
        }
        if name.starts_with("067") {
            wanted.push((2, 3));
        }
        for (i, j) in wanted {
            if i >= n || j >= n {
                continue;
            }
            let (Some(a), Some(b)) = (
                pane(&text, &parsed.histories, i),
                pane(&text, &parsed.histories, j),
            ) else {
                continue;
            };
            let default_format = [i, j]
                .iter()
                .all(|&k| parsed.histories.get(k).is_some_and(is_default_format));
            pairs.push(Pair {
                name: format!("{} ({}→{})", name.get(..3).unwrap_or(&name), i + 1, j + 1),
                before: SharedPane {
                    label: "before".into(),
                    ..a
                },
                after: SharedPane {
                    label: "after".into(),
                    ..b
                },
                default_format,
                demo: name.starts_with("000") && (i, j) == (0, 1),
            });
        }
    }
    pairs
}

/// The pane for history `k`: lines after the previous history up to its last line.
fn pane(text: &str, histories: &[History], k: usize) -> Option<SharedPane> {
    let h = histories.get(k)?;
    let first = k
        .checked_sub(1)
        .and_then(|p| histories.get(p))
        .map_or(1, |p| p.lines.1 + 1);
    let part: String = text
        .split_inclusive('\n')
        .enumerate()
        .filter(|(i, _)| (first..=h.lines.1).contains(&(i + 1)))
        .map(|(_, l)| l)
        .collect();
    let selected = parse(&part)
        .histories
        .iter()
        .position(|x| x.layers.len() == h.layers.len())?;
    Some(SharedPane {
        label: String::new(),
        text: part,
        selected,
    })
}

fn is_default_format(h: &History) -> bool {
    matches!(h.format, Format::Table | Format::Headerless)
        && !h.layers.iter().any(|l| l.size.is_some_and(|s| s.exact))
        && !h
            .layers
            .iter()
            .any(|l| l.id.as_ref().is_some_and(|id| id.len() > 12))
}

/// The length of what a raw-text sharer (mermaid.live style) makes: base URL +
/// base64url(deflate level 9 of before-text, a newline, after-text).
pub fn raw_link_len(before: &str, after: &str) -> usize {
    use base64::Engine as _;
    let joined = format!("{before}\n{after}");
    let packed = miniz_oxide::deflate::compress_to_vec(joined.as_bytes(), 9);
    BASE_URL.len()
        + base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(packed)
            .len()
}
