//! Splits one paste that holds several histories into a "before" text and an
//! "after" text, so that pasting a before/after submission into either pane
//! fills both, each pane keeping the heading or command that labels its table.

use crate::core::model::Parsed;

/// Splits `text` after the last line of its first history. The first part
/// keeps everything up to that row (and a closing code fence right after it);
/// the rest keeps the other histories with their headings. Lines are kept
/// byte for byte (CRLF included), so no text is ever lost: the two parts
/// joined give back `text` minus the blank lines at the start of the rest.
pub fn split_after_first(text: &str, parsed: &Parsed) -> (String, String) {
    let last_line = parsed.histories.first().map_or(0, |h| h.lines.1);
    let mut first = String::new();
    let mut rest = String::new();
    for (idx, line) in text.split_inclusive('\n').enumerate() {
        if idx < last_line {
            first.push_str(line);
        } else {
            rest.push_str(line);
        }
    }
    // A closing fence right after the first table belongs to it.
    let lead = rest.len() - rest.trim_start_matches(['\r', '\n']).len();
    let trimmed = &rest[lead..];
    let line_end = trimmed.find('\n').map_or(trimmed.len(), |i| i + 1);
    let fence_line = &trimmed[..line_end];
    if fence_line.trim() == "```" || fence_line.trim() == "~~~" {
        first.push_str(&rest[..lead]);
        first.push_str(fence_line);
        rest = trimmed[line_end..].to_string();
    }
    let rest = rest.trim_start_matches(['\r', '\n']).to_string();
    (first, rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::History;

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
    fn a_paste_without_histories_stays_whole_in_the_rest() {
        let (first, rest) = split_after_first("just prose\n", &Parsed::default());
        assert_eq!(first, "");
        assert_eq!(rest, "just prose\n");
    }
}
