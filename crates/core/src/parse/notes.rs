//! The parser's words to the user: one [`Diagnostic`] per line it skipped or
//! doubted, saying where (the line) and what (what it expected there).

use super::classify::{Classified, LineKind};
use super::id;
use super::segment::Line;
use super::size;
use super::LineState;
use crate::model::{Diagnostic, Severity};

/// The expected shape of a paste, for the message when nothing was found.
pub const EXPECTED: &str = "a header like `IMAGE  CREATED  CREATED BY  SIZE  COMMENT`, JSON from `--format json`, or rows like `<missing>  2 weeks ago  RUN …  12MB`";

/// The default row shape, for messages.
pub const ROW: &str = "IMAGE  CREATED  CREATED BY  SIZE  COMMENT";

/// A line's text cut to a sane length for a message (on a char boundary).
pub fn shorten(text: &str) -> String {
    crate::text::cut_end(text, 101)
}

/// A diagnostic about one line.
pub fn note(severity: Severity, line: &Line<'_>, message: String) -> Diagnostic {
    Diagnostic {
        severity,
        line: line.no,
        text: shorten(line.text.trim()),
        message,
    }
}

/// The one error of a paste in which no history was found.
pub fn nothing_found() -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        line: 0,
        text: String::new(),
        message: format!("no `docker history` output found: expected {EXPECTED}"),
    }
}

/// Notes for lines that were skipped next to a table, or that look like rows
/// (a size, an id) but were not read as one. Prose far from any table is left
/// alone.
pub fn note_skipped_lines(
    lines: &Classified<'_>,
    state: &[LineState],
    diags: &mut Vec<Diagnostic>,
) {
    let is_layer = |k: Option<usize>| {
        k.and_then(|k| state.get(k))
            .is_some_and(|s| *s == LineState::Layer)
    };
    for (i, line) in lines.lines.iter().enumerate() {
        if state.get(i) != Some(&LineState::Free) {
            continue;
        }
        let t = line.text.trim();
        // Cheap refusal first: a line far from any layer needs a row-like start.
        let adjacent = is_layer(i.checked_sub(1)) || is_layer(Some(i + 1));
        let body = t.trim_start_matches(['#', '>']).trim_start();
        let first = body.split_whitespace().next().unwrap_or("");
        let size_first = size::parse_size(first).is_ok_and(|s| !s.exact);
        let id_first = id::classify(first).is_some();
        let kind = lines.kind(i);
        let elision = kind == LineKind::Elision;
        if !(adjacent || size_first || id_first || elision) || kind.frames() {
            continue;
        }
        let caption = t.ends_with(':') && t.chars().count() <= 60 && is_layer(Some(i + 1));
        if caption {
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
        } else if kind == LineKind::Prompt {
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

/// The note for a skipped `docker images` / `docker ps` table.
pub fn other_table(lines: &[Line<'_>], start: usize, end: usize, name: &str) -> Option<Diagnostic> {
    let line = lines.get(start)?;
    let last = lines.get(end.saturating_sub(1)).map_or(line.no, |l| l.no);
    Some(note(
        Severity::Note,
        line,
        format!(
            "lines {}–{last}: a {name} table, not a history (skipped)",
            line.no
        ),
    ))
}
