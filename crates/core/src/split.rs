//! Splits one paste that holds several histories into one text per history,
//! so that pasting a before/after submission (or a course's whole path of
//! three or four histories) fills one step each, every part keeping the
//! heading or command that labels its table.

use crate::model::Parsed;

/// Splits `text` after the last line of its first history. The first part
/// keeps everything up to that row (and a closing code fence right after it);
/// the rest keeps the other histories with their headings. Lines are kept
/// byte for byte (CRLF included), so no text is ever lost: the two parts
/// joined give back `text` minus the blank lines at the start of the rest.
pub fn split_after_first(text: &str, parsed: &Parsed) -> (String, String) {
    let mut parts = split_histories(text, parsed, 2).into_iter();
    match (parts.next(), parts.next()) {
        (Some(first), Some(rest)) => (first, rest),
        // No second history: everything is "the rest" (as it always was).
        (first, _) => (
            String::new(),
            first
                .unwrap_or_default()
                .trim_start_matches(['\r', '\n'])
                .to_string(),
        ),
    }
}

/// Splits `text` into one part per history, at most `max_parts` (the last
/// part keeps every history left). Each cut is after the last line of a
/// history (with a closing code fence right after it); blank lines at the
/// start of a part are dropped. With fewer than two histories (or
/// `max_parts` under 2), the text comes back whole.
pub fn split_histories(text: &str, parsed: &Parsed, max_parts: usize) -> Vec<String> {
    let n_parts = parsed.histories.len().min(max_parts);
    if n_parts < 2 {
        return vec![text.to_string()];
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut parts = Vec::with_capacity(n_parts);
    let mut start = 0;
    for history in &parsed.histories[..n_parts - 1] {
        let end = cut_after(&lines, start, history.lines.1);
        parts.push(lines[start..end].concat());
        start = skip_blank(&lines, end);
    }
    parts.push(lines[start.min(lines.len())..].concat());
    parts
}

/// Where the part ending at (1-based) line `last_line` ends: after that line,
/// and after a closing fence that follows it (blank lines between included).
fn cut_after(lines: &[&str], start: usize, last_line: usize) -> usize {
    let end = last_line.clamp(start, lines.len());
    let next = skip_blank(lines, end);
    match lines.get(next) {
        Some(line) if matches!(line.trim(), "```" | "~~~") => next + 1,
        _ => end,
    }
}

/// The first line at or after `from` that is not empty (only a line break).
fn skip_blank(lines: &[&str], from: usize) -> usize {
    let mut idx = from;
    while lines
        .get(idx)
        .is_some_and(|l| l.trim_start_matches(['\r', '\n']).is_empty())
    {
        idx += 1;
    }
    idx
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::History;

    fn parsed_with_first_ending_at(line: usize) -> Parsed {
        Parsed {
            histories: vec![
                History {
                    lines: (2, line),
                    ..History::default()
                },
                History::default(),
            ],
            diagnostics: vec![],
        }
    }

    #[test]
    fn keeps_the_closing_fence_with_the_first_table() {
        let text = "## before\n```\nA\nB\n```\n## after\n```\nC\n```\n";
        let (first, rest) = split_after_first(text, &parsed_with_first_ending_at(4));
        assert_eq!(first, "## before\n```\nA\nB\n```\n");
        assert_eq!(rest, "## after\n```\nC\n```\n");
    }

    #[test]
    fn splits_back_to_back_tables_and_keeps_crlf() {
        let text = "$ docker history a\r\nROW1\r\n$ docker history b\r\nROW2\r\n";
        let (first, rest) = split_after_first(text, &parsed_with_first_ending_at(2));
        assert_eq!(first, "$ docker history a\r\nROW1\r\n");
        assert_eq!(rest, "$ docker history b\r\nROW2\r\n");
    }

    #[test]
    fn three_histories_make_three_parts_each_with_its_heading() {
        let text = "## v1\n```\nA\n```\n\n## v2\nB\n\n## v3\nC\n";
        let parsed = Parsed {
            histories: vec![
                History {
                    lines: (3, 3),
                    ..History::default()
                },
                History {
                    lines: (7, 7),
                    ..History::default()
                },
                History {
                    lines: (10, 10),
                    ..History::default()
                },
            ],
            diagnostics: vec![],
        };
        let parts = split_histories(text, &parsed, 8);
        assert_eq!(parts, ["## v1\n```\nA\n```\n", "## v2\nB\n", "## v3\nC\n"]);
        // At most two parts: the second keeps the rest.
        let two = split_histories(text, &parsed, 2);
        assert_eq!(two, ["## v1\n```\nA\n```\n", "## v2\nB\n\n## v3\nC\n"]);
    }

    #[test]
    fn a_paste_without_histories_stays_whole_in_the_rest() {
        let (first, rest) = split_after_first("just prose\n", &Parsed::default());
        assert_eq!(first, "");
        assert_eq!(rest, "just prose\n");
    }
}
