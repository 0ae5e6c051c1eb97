//! Reads any pasted `docker history` / `podman history` / `nerdctl history`
//! output: finds every history in the paste, in order, with a label, and says
//! which lines it skipped or doubted.
//!
//! The pipeline, one pass each:
//! 1. `normalize`: what a tool added to the whole paste goes (terminal
//!    escapes, `cat -n` numbers, CI timestamps, markdown's `\<missing\>`,
//!    HTML entities, string literals of source code); line numbers are kept.
//! 2. `segment`: the paste is cut into [`segment::Line`]s (CRLF, tabs,
//!    no-break spaces, markdown pipe tables normalised; lines a terminal
//!    hard-wrapped at its width joined back when a cut header or JSON string
//!    shows it).
//! 3. `classify`: each line gets a [`classify::LineKind`] (blank, fence,
//!    heading, command line, header, row by shape, JSON, prose …), computed
//!    once, on first use. Every "does this line end a table" asks it.
//! 4. `scan`: one walk hands each place a history starts to its reader:
//!    `json` (JSON lines, jq-pretty objects, podman and Engine API arrays),
//!    `table` (after a `header`, or from a first row by shape; rows read by
//!    `row` through a `layout`, turned into layers by `layers`), `custom`
//!    (`--format` with its own separator).
//! 5. `label` names each history from the heading or command above it;
//!    `notes` says what was skipped or doubted, and where.
//!
//! Cells are read by their shape (`size`, `created`, `id`: nom grammars), so
//! rows that do not line up with their header are still read (docs/formats.md
//! §1.2, §3); `dialect` tells the printing tool from the fingerprints in
//! docs/formats.md §7.
//!
//! Never fails and never panics: a paste with no history gives an empty list
//! and one diagnostic that says what was expected.

mod classify;
mod command;
mod created;
mod custom;
mod dialect;
mod header;
mod id;
mod json;
mod label;
mod layers;
mod layout;
pub mod limits;
mod normalize;
mod notes;
mod row;
mod scan;
mod segment;
mod shapes;
mod size;
mod table;

pub use classify::LineKind;
pub use created::{is_created, read_created, Created, TimeUnit};
pub use layers::strip_mark;
pub use size::{parse_size, SizeError};

use crate::model::{Diagnostic, History, Parsed, Severity};
use crate::order::sort_by_rank;
use classify::{is_fence, Classified};
use scan::{FoundHistory, JsonTexts, JsonViews, Scan};
use segment::{split_lines, Line};

/// What the parser made of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineState {
    /// Not (yet) part of anything.
    Free,
    /// Part of a layer.
    Layer,
    /// A header, a skipped `docker images` table, JSON structure.
    Structure,
    /// Skipped with a diagnostic already.
    Noted,
}

/// Finds every history in `text`. Never fails and never panics. Reads at
/// most [`limits::MAX_PASTE_BYTES`] and keeps at most the histories and
/// layers [`limits`] allows, saying in a warning what was left out.
pub fn parse(text: &str) -> Parsed {
    let read = limits::readable_part(text);
    let mut parsed = parse_all(read);
    limits::apply(&mut parsed, text, read);
    parsed
}

fn parse_all(text: &str) -> Parsed {
    let normalized = normalize::normalize(text);
    let lines = Classified::new(split_lines(&normalized.text));
    let json_texts = JsonTexts::default();
    let json = JsonViews::new(&json_texts);
    let scan = Scan::run(&lines, &json);
    let mut diags = scan.diags;
    let histories = label_histories(&lines.lines, scan.found);
    notes::note_skipped_lines(&lines, &scan.state, &mut diags);
    if let (Some((first, last)), false) = (normalized.literals, histories.is_empty()) {
        diags.push(Diagnostic {
            severity: Severity::Note,
            line: first,
            text: String::new(),
            message: format!(
                "lines {first}–{last} are string literals in source code: read the text inside the quotes (escapes such as `\\\"` undone)"
            ),
        });
    }
    if histories.is_empty() {
        diags.push(notes::nothing_found());
    }
    sort_by_rank(&mut diags, |d| d.line as u128);
    Parsed {
        histories,
        diagnostics: diags,
    }
}

/// Labels each history from what stands between it and the one before.
fn label_histories(lines: &[Line<'_>], found: Vec<FoundHistory>) -> Vec<History> {
    let in_fence = fence_map(lines);
    let mut histories = Vec::with_capacity(found.len());
    let mut floor = 0usize;
    // How many histories so far had each label (counted once per history,
    // so that thousands of histories stay linear).
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for FoundHistory { mut history, start } in found {
        let label = label::label_for(lines, &in_fence, floor, start);
        // The same image printed twice (before/after a rebuild): number the
        // repeats so that each history can be told apart.
        let count = seen.entry(label.clone()).or_insert(0);
        let repeats = *count;
        *count += 1;
        history.label = if repeats > 0 && !label.is_empty() {
            format!("{label} #{}", repeats + 1)
        } else {
            label
        };
        floor = history.lines.1;
        histories.push(history);
    }
    histories
}

/// Which lines are inside a fenced code block (fence lines themselves excluded).
fn fence_map(lines: &[Line<'_>]) -> Vec<bool> {
    let mut open = false;
    lines
        .iter()
        .map(|l| {
            if is_fence(&l.text) {
                open = !open;
                false
            } else {
                open
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_prose_pastes_say_what_was_expected() {
        for text in ["", "hello\nworld", "```\n```"] {
            let p = parse(text);
            assert!(p.histories.is_empty());
            assert_eq!(p.diagnostics.len(), 1, "{text:?}: {:?}", p.diagnostics);
            assert!(p
                .diagnostics
                .iter()
                .all(|d| d.message.contains("no `docker history` output found")));
        }
    }

    #[test]
    fn messy_paste_hash_prefix_crlf_indent() {
        let text = "```bash\r\ndocker history leak\r\n# IMAGE          CREATED         CREATED BY                                      SIZE      COMMENT\r\n#6e558799f7ba   4 seconds ago   |1 TOKEN=x /bin/sh -c echo \"…   0B\r\n#... Other layers from base image\r\n```\r\n";
        let p = parse(text);
        assert_eq!(p.histories.len(), 1);
        let h = &p.histories[0];
        assert_eq!(h.label, "leak");
        assert_eq!(h.layers.len(), 1);
        assert_eq!(h.layers[0].created_by, "|1 TOKEN=x /bin/sh -c echo \"");
        assert!(h.layers[0].truncated);
        assert!(
            p.diagnostics
                .iter()
                .any(|d| d.line == 5 && d.message.contains("left out")),
            "{:?}",
            p.diagnostics
        );

        let slides = "       $ docker history my/ping\n       IMAGE          CREATED         CREATED BY                          SIZE\n       f492632bbd55   2 days ago      /bin/sh -c #(nop) ENTRYPOINT [ping] 0 B\n       8dbd9e392a96   11 months ago                                       128 MB\n";
        let p = parse(slides);
        let sizes: Vec<Option<u64>> = p.histories[0]
            .layers
            .iter()
            .map(|l| l.size.map(|s| s.bytes))
            .collect();
        assert_eq!(sizes, vec![Some(0), Some(128_000_000)]);
        assert_eq!(p.histories[0].layers[1].created_by, "");
    }

    #[test]
    fn prose_with_sizes_after_a_table_is_noted() {
        let text = "$ docker history x\nIMAGE               CREATED             CREATED BY                                      SIZE                COMMENT\n<missing>           2 weeks ago         /bin/sh -c #(nop) ADD file:1e87ff33d1b6765...   3.97MB   \n\n3.97MB Alpine Linux Layer\n";
        let p = parse(text);
        assert_eq!(p.histories[0].layers.len(), 1);
        let d = p
            .diagnostics
            .iter()
            .find(|d| d.line == 5)
            .expect("a note for line 5");
        assert_eq!(d.severity, Severity::Note);
        assert!(d.message.contains("`3.97MB Alpine Linux Layer` is not a history row: expected `IMAGE  CREATED  CREATED BY  SIZE  COMMENT`"), "{}", d.message);
    }

    #[test]
    fn html_source_entities_are_decoded() {
        let text = "<pre><code>\nIMAGE          CREATED        CREATED BY                                      SIZE      COMMENT\n&lt;missing&gt;   2 weeks ago    /bin/sh -c apt-get update &amp;&amp; apt-get i…   12MB\n</code></pre>\n";
        let p = parse(text);
        let l = &p.histories[0].layers[0];
        assert_eq!(l.id, None);
        assert_eq!(l.created_by, "/bin/sh -c apt-get update && apt-get i");
    }

    #[test]
    fn images_tables_are_skipped_with_a_note() {
        let text = "REPOSITORY   TAG       IMAGE ID       CREATED          SIZE\nipinfo       latest    97bb429363fb   16 minutes ago   138MB\n";
        let p = parse(text);
        assert!(p.histories.is_empty());
        assert!(p
            .diagnostics
            .iter()
            .any(|d| d.line == 1 && d.message.contains("`docker images` table")));
    }

    #[test]
    fn two_tables_with_commands_and_labels() {
        let text = "$ docker history back\nIMAGE          CREATED         CREATED BY                                      SIZE      COMMENT\n<missing>      4 days ago      /bin/sh -c #(nop) ADD file:d6b6ba642344138dc…   74.1MB\n$ docker history front\nIMAGE          CREATED         CREATED BY                                      SIZE      COMMENT\nabcdef123456   4 days ago      RUN x                                           0B        buildkit.dockerfile.v0\n";
        let p = parse(text);
        let labels: Vec<&str> = p.histories.iter().map(|h| h.label.as_str()).collect();
        assert_eq!(labels, vec!["back", "front"]);
        let twice = format!("{text}{text}");
        let labels: Vec<String> = parse(&twice)
            .histories
            .into_iter()
            .map(|h| h.label)
            .collect();
        assert_eq!(labels, vec!["back", "front", "back #2", "front #2"]);
        assert_eq!(p.histories.first().map(|h| h.layers.len()), Some(1));
        assert_eq!(
            p.histories
                .get(1)
                .and_then(|h| h.layers.first())
                .map(|l| l.comment.as_str()),
            Some("buildkit.dockerfile.v0")
        );
    }
}
