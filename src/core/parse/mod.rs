//! Reads any pasted `docker history` / `podman history` / `nerdctl history`
//! output: finds every history in the paste, in order, with a label, and says
//! which lines it skipped or doubted.
//!
//! Before anything is measured, what a tool added to the whole paste goes:
//! terminal colour escapes, `cat -n` numbers or CI timestamps on every line,
//! markdown's `\<missing\>`, HTML entities of a page's source (line numbers
//! are kept). The paste is then
//! read line by line (`segment`: CRLF, tabs, no-break spaces, markdown pipe
//! tables are normalised, and lines a terminal hard-wrapped at its width are
//! joined back when a cut header, row or JSON string shows it). At each line the parser tries,
//! in order: JSON (`json`: JSON lines, jq-pretty objects, podman and Engine
//! API arrays), a table header (`header` → `table`, `row`; also behind `#`,
//! `> ` or a CI log's timestamp), a headerless row recognised by its shape,
//! and a custom `--format` with its own separator (`custom`). Lines that are
//! none of these frame the histories (fences, prompts, command lines,
//! headings: `label` names the histories from them) or are prose. Cell
//! parsers (`size`, `created`, `id`) read by shape, so rows that do not line
//! up with their header are still read (formats.md §1.2, §3); `dialect`
//! tells the printing tool from the fingerprints in formats.md §7.
//!
//! A history ends at a blank line (unless the next row sits exactly under the
//! same header), a fence, a heading, a command line, a new header, or a line
//! that is not a row and is not followed by one.
//!
//! Never fails and never panics: a paste with no history gives an empty list
//! and one diagnostic that says what was expected.

mod created;
mod custom;
mod dialect;
mod header;
mod id;
mod json;
mod label;
mod row;
mod segment;
mod size;
mod table;

pub use created::is_created;
pub use size::{parse_size, SizeError};
pub use table::strip_mark;

use crate::core::model::{Diagnostic, History, Parsed, Severity};
use header::Header;
use segment::{is_fence, is_html_tags, is_prompt, is_template_tag, split_lines, Line};
use table::{find_header, find_headerless, read_table, TableStart};

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

/// The expected shape, for messages.
const EXPECTED: &str = "a header like `IMAGE  CREATED  CREATED BY  SIZE  COMMENT`, JSON from `--format json`, or rows like `<missing>  2 weeks ago  RUN …  12MB`";

/// A line's text cut to a sane length for a message (on a char boundary).
pub(crate) fn shorten(text: &str) -> String {
    const MAX: usize = 100;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

/// A diagnostic about one line.
pub(crate) fn note(severity: Severity, line: &Line<'_>, message: String) -> Diagnostic {
    Diagnostic {
        severity,
        line: line.no,
        text: shorten(line.text.trim()),
        message,
    }
}

/// Finds every history in `text`. Never fails and never panics.
pub fn parse(text: &str) -> Parsed {
    // Pasted from a page's HTML source (`<pre><code>`, `&lt;missing&gt;`):
    // cells hold entities (`&amp;&amp;`, `&quot;`). Read them as the text they
    // stand for before anything else, so that columns line up as the page
    // showed them (one entity is one character wide there).
    // A terminal log's colour codes: gone before anything is measured
    // (the terminal showed them with no width).
    let plain;
    let text = if text.contains('\x1b') {
        plain = segment::strip_escapes(text);
        plain.as_str()
    } else {
        text
    };
    // `cat -n` numbers or CI timestamps on every line: gone too, so that JSON,
    // custom formats and rows without a header read as without them.
    let unprefixed;
    let text = match segment::strip_line_prefixes(text) {
        Some(t) => {
            unprefixed = t;
            unprefixed.as_str()
        }
        None => text,
    };
    // Markdown source escapes the tag so that the page shows it:
    // `\<missing\>` is `<missing>` (and lines up as the page showed it).
    let unescaped;
    let text = if text.contains("\\<missing") {
        unescaped = text
            .replace("\\<missing\\>", "<missing>")
            .replace("\\<missing>", "<missing>");
        unescaped.as_str()
    } else {
        text
    };
    let decoded;
    let html_source = text.contains("&lt;")
        || text.contains("&amp;")
        || text.lines().any(|l| is_html_tags(l.trim()));
    let text = if html_source {
        decoded = decode_entities(text);
        decoded.as_str()
    } else {
        text
    };
    let lines = split_lines(text);
    let in_fence = fence_map(&lines);
    let mut state = vec![LineState::Free; lines.len()];
    let mut diags: Vec<Diagnostic> = Vec::new();
    // (history, index of its first line for labelling)
    let mut found: Vec<(History, usize)> = Vec::new();
    // JSON is read from the normalised lines (CR, no-break spaces gone), or,
    // for a `> `-quoted paste, from the lines without their quote marks.
    let norm = join_lines(lines.iter().map(|l| l.text.as_str()));
    let norm_lines = split_lines(&norm);
    // … and, for JSON behind a `> ` quote or a `#` on every line, from the
    // lines without that mark (built once, only when such a line exists).
    let unmarked_texts: Vec<String> = MARKS
        .iter()
        .map(|&m| {
            let marked = lines.iter().any(|l| {
                l.text
                    .trim_start()
                    .strip_prefix(m)
                    .is_some_and(|r| r.trim_start().starts_with(['{', '[']))
            });
            if marked {
                join_lines(lines.iter().map(|l| {
                    let s = l.text.trim_start();
                    s.strip_prefix(m)
                        .map_or(l.text.as_str(), |r| r.strip_prefix(' ').unwrap_or(r))
                }))
            } else {
                String::new()
            }
        })
        .collect();
    let unmarked: Vec<(&str, Vec<Line<'_>>)> = unmarked_texts
        .iter()
        .map(|t| {
            (
                t.as_str(),
                if t.is_empty() {
                    Vec::new()
                } else {
                    split_lines(t)
                },
            )
        })
        .collect();
    let mut json_skip_until = 0usize;
    let mut i = 0usize;
    while let Some(line) = lines.get(i) {
        let t = line.text.trim();
        if t.is_empty() || is_fence(t) || is_html_tags(t) || is_template_tag(t) {
            i += 1;
            continue;
        }
        let json_here = |s: &str| s.starts_with('{') || s.starts_with('[');
        let behind_mark = MARKS.iter().position(|&m| {
            t.strip_prefix(m)
                .map(str::trim_start)
                .is_some_and(json_here)
        });
        if i >= json_skip_until && (json_here(t) || behind_mark.is_some()) {
            let read = match behind_mark.and_then(|m| unmarked.get(m)) {
                Some((text, split)) if !json_here(t) => json::read_json(text, split, i),
                _ => json::read_json(&norm, &norm_lines, i),
            };
            match read {
                Ok(mut j) => {
                    // JSON was read from re-split lines, numbered 1, 2, …:
                    // back to the paste's own numbers (a hard-wrapped line
                    // spans several).
                    if lines.iter().any(|l| l.last != l.no) {
                        let first = |n: usize| lines.get(n.wrapping_sub(1)).map_or(n, |l| l.no);
                        let last = |n: usize| lines.get(n.wrapping_sub(1)).map_or(n, |l| l.last);
                        for layer in &mut j.history.layers {
                            layer.lines = (first(layer.lines.0), last(layer.lines.1));
                        }
                        let (a, b) = j.history.lines;
                        j.history.lines = (first(a), last(b));
                    }
                    for s in state.iter_mut().take(j.next).skip(i) {
                        *s = LineState::Layer;
                    }
                    found.push((j.history, i));
                    i = j.next.max(i + 1);
                    continue;
                }
                Err(miss) => {
                    json_skip_until = miss.next;
                    if miss.other_json {
                        for s in state.iter_mut().take(miss.next).skip(i) {
                            *s = LineState::Structure;
                        }
                        let last = lines
                            .get(miss.next.saturating_sub(1))
                            .map_or(line.no, |l| l.no);
                        diags.push(note(
                            Severity::Note,
                            line,
                            format!(
                                "lines {}–{last}: JSON without `CreatedBy` (`docker images` or `inspect` output?), not a history (skipped)",
                                line.no
                            ),
                        ));
                        i = miss.next.max(i + 1);
                        continue;
                    }
                }
            }
        }
        if let Some((header, layout)) = find_header(&line.text) {
            match header {
                Header::History(model) => {
                    if let Some(s) = state.get_mut(i) {
                        *s = LineState::Structure;
                    }
                    let start = TableStart {
                        model,
                        layout,
                        first_row: i + 1,
                        headerless: false,
                    };
                    let (history, next) = read_table(&lines, start, &mut state, &mut diags);
                    if history.layers.is_empty() {
                        diags.push(note(
                            Severity::Warning,
                            line,
                            "a history header with no rows under it".to_string(),
                        ));
                    } else {
                        found.push((history, i));
                    }
                    i = next.max(i + 1);
                }
                Header::Other(name) => {
                    i = skip_other_table(&lines, i, name, &mut state, &mut diags);
                }
            }
            continue;
        }
        if let Some(layout) = find_headerless(&line.text) {
            let start = TableStart {
                model: header::ColumnModel::headerless(),
                layout,
                first_row: i,
                headerless: true,
            };
            let (history, next) = read_table(&lines, start, &mut state, &mut diags);
            if !history.layers.is_empty() {
                found.push((history, i));
            }
            i = next.max(i + 1);
            continue;
        }
        if let Some((history, next)) = custom::read_custom(&lines, i) {
            for s in state.iter_mut().take(next).skip(i) {
                *s = LineState::Layer;
            }
            found.push((history, i));
            i = next.max(i + 1);
            continue;
        }
        i += 1;
    }

    // Labels: look back from each history's first line to the previous one's end.
    let mut histories = Vec::with_capacity(found.len());
    let mut floor = 0usize;
    // How many histories so far had each label (counted once per history,
    // so that thousands of histories stay linear).
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (mut history, start) in found {
        let label = label::label_for(&lines, &in_fence, floor, start);
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

    note_skipped_lines(&lines, &state, &mut diags);
    if histories.is_empty() {
        diags.push(Diagnostic {
            severity: Severity::Error,
            line: 0,
            text: String::new(),
            message: format!("no `docker history` output found: expected {EXPECTED}"),
        });
    }
    diags.sort_by_key(|d| d.line);
    Parsed {
        histories,
        diagnostics: diags,
    }
}

/// The HTML entities a `<pre>` block uses for characters in commands.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// Whether a (trimmed) line starts JSON, maybe behind a `>` or `#` mark.
fn starts_json(t: &str) -> bool {
    let behind = |s: &str| s.trim_start().starts_with(['{', '[']);
    behind(t) || MARKS.iter().any(|&m| t.strip_prefix(m).is_some_and(behind))
}

/// Marks that may stand before every line of a pasted JSON history.
const MARKS: [char; 2] = ['>', '#'];

fn join_lines<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    parts.collect::<Vec<_>>().join("\n")
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

/// Skips a `docker images` / `docker ps` table: its header and the rows under
/// it, with one note.
fn skip_other_table(
    lines: &[Line<'_>],
    start: usize,
    name: &str,
    state: &mut [LineState],
    diags: &mut Vec<Diagnostic>,
) -> usize {
    let mut j = start + 1;
    while let Some(line) = lines.get(j) {
        let t = line.text.trim();
        if t.is_empty()
            || is_fence(t)
            || is_prompt(t)
            || segment::history_command(t).is_some()
            || find_header(&line.text).is_some()
            || find_headerless(&line.text).is_some()
            || t.split_whitespace().count() < 3
            || starts_json(t)
            || is_html_tags(t)
        {
            break;
        }
        j += 1;
    }
    for s in state.iter_mut().take(j).skip(start) {
        *s = LineState::Structure;
    }
    if let Some(line) = lines.get(start) {
        let last = lines.get(j.saturating_sub(1)).map_or(line.no, |l| l.no);
        diags.push(note(
            Severity::Note,
            line,
            format!(
                "lines {}–{last}: a {name} table, not a history (skipped)",
                line.no
            ),
        ));
    }
    j
}

/// Notes for lines that were skipped next to a table, or that look like rows
/// (a size, an id) but were not read as one. Prose far from any table is left
/// alone.
fn note_skipped_lines(lines: &[Line<'_>], state: &[LineState], diags: &mut Vec<Diagnostic>) {
    let is_layer = |k: Option<usize>| {
        k.and_then(|k| state.get(k))
            .is_some_and(|s| *s == LineState::Layer)
    };
    for (i, line) in lines.iter().enumerate() {
        if state.get(i) != Some(&LineState::Free) {
            continue;
        }
        let t = line.text.trim();
        if t.is_empty()
            || is_fence(t)
            || is_html_tags(t)
            || is_template_tag(t)
            || segment::history_command(t).is_some()
            || segment::heading_text(t).is_some_and(|_| !t.starts_with("#."))
            || segment::marker_text(t).is_some()
        {
            continue;
        }
        let adjacent = is_layer(i.checked_sub(1)) || is_layer(Some(i + 1));
        let caption = t.ends_with(':') && t.chars().count() <= 60 && is_layer(Some(i + 1));
        if caption {
            continue;
        }
        let body = t.trim_start_matches(['#', '>']).trim_start();
        let first = body.split_whitespace().next().unwrap_or("");
        let size_first = size::parse_size(first).is_ok_and(|s| !s.exact);
        let id_first = id::classify(first).is_some();
        let elision = body.starts_with("...") || body.starts_with('…');
        if !(adjacent || size_first || id_first || elision) {
            continue;
        }
        let (severity, message) = if elision {
            (
                Severity::Note,
                "marks rows left out by the author (skipped: the history shown is partial)"
                    .to_string(),
            )
        } else if id_first && body.split_whitespace().count() >= 3 {
            (
                Severity::Warning,
                format!(
                    "starts like a history row but could not be read: expected `{ROW}` (skipped)"
                ),
            )
        } else if is_prompt(t) {
            (
                Severity::Note,
                "is a shell prompt, not a history row (skipped)".to_string(),
            )
        } else {
            (
                Severity::Note,
                format!("is not a history row: expected `{ROW}` (skipped as prose)"),
            )
        };
        diags.push(note(severity, line, format!("`{}` {message}", shorten(t))));
    }
}

/// The default row shape, for messages.
const ROW: &str = "IMAGE  CREATED  CREATED BY  SIZE  COMMENT";

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
