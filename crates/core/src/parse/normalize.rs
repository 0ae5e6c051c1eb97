//! The whole-paste clean-ups that run before any line is measured: what a
//! tool or a page added to *every* line of a paste, removed so that columns
//! line up again as the terminal showed them.
//!
//! In order (each pass keeps the line ends, so line numbers stay the paste's):
//! 1. terminal colour and style escapes (`ESC[32m` from a terminal log): the
//!    terminal showed them with no width;
//! 2. a prefix on every line: `cat -n` / editor numbers (`     1\t`, counting
//!    up by one) or a CI log's timestamps (RFC 3339 with fractional seconds,
//!    which docker's own times never have);
//! 3. markdown source's `\<missing\>` (escaped so that the page shows the tag);
//! 4. HTML entities of a page's source (`&lt;missing&gt;`, `&amp;&amp;`);
//! 5. a table written inside string literals of source code (a test fixture:
//!    `output.AppendLine("IMAGE   CREATED ...");` with `\"` escapes): each
//!    literal's text stands in for its line.
//!
//! Each pass is skipped by a cheap check when the paste has nothing for it,
//! so a clean paste is borrowed, never copied.

use std::borrow::Cow;

use super::shapes::{is_html_tags, skip_escape, starts_row};

/// The paste after the clean-ups, and what they did that the user should know.
pub struct Normalized<'a> {
    /// The text to read (borrowed when nothing changed).
    pub text: Cow<'a, str>,
    /// Lines (1-based first, last) that were read from string literals.
    pub literals: Option<(usize, usize)>,
}

/// Runs every whole-paste clean-up (see the module doc).
pub fn normalize(text: &str) -> Normalized<'_> {
    let mut text = Cow::Borrowed(text);
    if text.contains('\x1b') {
        text = Cow::Owned(strip_escapes(&text));
    }
    if let Some(t) = strip_line_prefixes(&text) {
        text = Cow::Owned(t);
    }
    if text.contains("\\<missing") {
        text = Cow::Owned(
            text.replace("\\<missing\\>", "<missing>")
                .replace("\\<missing>", "<missing>"),
        );
    }
    if is_html_source(&text) {
        text = Cow::Owned(decode_entities(&text));
    }
    let mut literals = None;
    if let Some((unquoted, span)) = unquote_literals(&text) {
        text = Cow::Owned(unquoted);
        literals = Some(span);
    }
    Normalized { text, literals }
}

/// Pasted from a page's HTML source (`<pre><code>`, `&lt;missing&gt;`).
fn is_html_source(text: &str) -> bool {
    text.contains("&lt;") || text.contains("&amp;") || text.lines().any(|l| is_html_tags(l.trim()))
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

/// The paste without terminal escapes, line ends kept: an escape never
/// swallows a line end.
pub fn strip_escapes(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|piece| {
            let (line, end) = piece.strip_suffix('\n').map_or((piece, ""), |l| (l, "\n"));
            let mut out = String::with_capacity(line.len() + 1);
            let mut chars = line.chars();
            while let Some(c) = chars.next() {
                if c == '\x1b' {
                    skip_escape(&mut chars);
                } else {
                    out.push(c);
                }
            }
            out.push_str(end);
            out
        })
        .collect()
}

/// The paste without a prefix that a tool put on every line: `cat -n`
/// numbers or a CI log's timestamps. `None` when at least one non-empty line
/// in five lacks it.
pub fn strip_line_prefixes(text: &str) -> Option<String> {
    // Cheap refusal: the first non-empty line must carry one of the prefixes.
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    if line_number_prefix(first).is_none() && ci_stamp_prefix(first).is_none() {
        return None;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let non_empty = lines.iter().filter(|l| !l.trim().is_empty()).count();
    if non_empty < 2 {
        return None;
    }
    let mut numbers: Vec<Option<usize>> = Vec::with_capacity(lines.len());
    let mut stamps: Vec<Option<usize>> = Vec::with_capacity(lines.len());
    let mut last_number: Option<u64> = None;
    for l in &lines {
        numbers.push(line_number_prefix(l).and_then(|(n, len)| {
            let ok = last_number.is_none_or(|p| n == p + 1);
            last_number = Some(n);
            ok.then_some(len)
        }));
        stamps.push(ci_stamp_prefix(l));
    }
    let enough = |found: &[Option<usize>]| found.iter().flatten().count() * 5 >= non_empty * 4;
    let cuts = if enough(&numbers) {
        numbers
    } else if enough(&stamps) {
        stamps
    } else {
        return None;
    };
    let out: Vec<&str> = lines
        .iter()
        .zip(&cuts)
        .map(|(l, cut)| cut.and_then(|n| l.get(n..)).unwrap_or(l))
        .collect();
    Some(out.join("\n"))
}

/// `     12\t` (`cat -n`): the number and the prefix's length in bytes.
fn line_number_prefix(line: &str) -> Option<(u64, usize)> {
    let t = line.trim_start_matches(' ');
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let rest = t.get(digits..)?;
    if digits == 0 || digits > 7 || !rest.starts_with('\t') {
        return None;
    }
    let n = t.get(..digits)?.parse().ok()?;
    Some((n, line.len() - rest.len() + 1))
}

/// `2024-05-01T10:00:00.1234567Z ` or `[2024-05-01T10:00:00.12Z] ` (a CI
/// log): the prefix's length in bytes, its space included. The stamp is an
/// RFC 3339 time (the CREATED grammar) that has fractional seconds.
fn ci_stamp_prefix(line: &str) -> Option<usize> {
    let t = line.trim_start_matches('[');
    let lead = line.len() - t.len();
    let end = t.find([' ', '\t'])?;
    let stamp = t.get(..end)?.trim_end_matches(']');
    let fraction = stamp.get(19..20) == Some(".");
    (fraction && super::created::is_timestamp(stamp)).then_some(lead + end + 1)
}

/// A history written inside string literals of source code, one literal a
/// line (`output.AppendLine("IMAGE   CREATED …");`, `"<missing>   … 0B\n" +`):
/// the paste with each such line replaced by its literal's text (escapes
/// read), and the span of lines that were. Only when at least two lines are
/// literals and one of them reads as a history header or row.
fn unquote_literals(text: &str) -> Option<(String, (usize, usize))> {
    if !text.contains("\"") {
        return None;
    }
    let mut out: Vec<Cow<'_, str>> = Vec::new();
    let mut span: Option<(usize, usize)> = None;
    let mut count = 0usize;
    let mut telling = false;
    for (i, line) in text.split('\n').enumerate() {
        match string_literal(line) {
            Some(inner) => {
                count += 1;
                telling = telling || looks_tabular(&inner);
                span = Some(span.map_or((i + 1, i + 1), |(a, _)| (a, i + 1)));
                out.push(Cow::Owned(inner));
            }
            None => out.push(Cow::Borrowed(line)),
        }
    }
    (count >= 2 && telling).then(|| (out.join("\n"), span.unwrap_or((0, 0))))
}

/// Whether a literal's text looks like part of a history table: a header or
/// a row start.
fn looks_tabular(inner: &str) -> bool {
    let t = inner.trim_start();
    super::header::read_header(t).is_some() || starts_row(t)
}

/// The text of the one double-quoted string literal on a line of code, with
/// its escapes read (`\"`, `\\`, `\t`; a final `\n` dropped), if the line is
/// code around exactly one literal: an opening like `x.Append(`, `+`, `=` or
/// nothing, and a closing like `);`, `,`, `+` or nothing.
fn string_literal(line: &str) -> Option<String> {
    let open = line.find('"')?;
    let before = line.get(..open)?.trim();
    let code_before = before.is_empty()
        || before.ends_with('(')
        || before.ends_with('+')
        || before.ends_with('=')
        || before.ends_with(',');
    if !code_before {
        return None;
    }
    let body = line.get(open + 1..)?;
    let (inner, close) = read_escaped(body)?;
    let after = body.get(close + 1..)?.trim();
    let code_after = after
        .chars()
        .all(|c| matches!(c, ')' | ';' | ',' | '+' | ' '));
    if !code_after {
        return None;
    }
    Some(inner)
}

/// Reads a literal's content up to its closing quote: the text and the
/// quote's byte offset.
fn read_escaped(body: &str) -> Option<(String, usize)> {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                let text = out.strip_suffix('\n').map(str::to_string).unwrap_or(out);
                return Some((text, i));
            }
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => {}
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tool_prefixes_are_stripped() {
        let numbered = "     1\tIMAGE   SIZE\n     2\t<missing>   0B\n\n     3\tend";
        assert_eq!(
            strip_line_prefixes(numbered).as_deref(),
            Some("IMAGE   SIZE\n<missing>   0B\n\nend")
        );
        let ci = "2024-05-01T10:00:00.1234567Z {\"ID\":1}\n2024-05-01T10:00:01.2Z {}\n";
        assert_eq!(strip_line_prefixes(ci).as_deref(), Some("{\"ID\":1}\n{}\n"));
        // Sizes first (`{{.Size}}\t…` with --human=false) do not count up.
        assert_eq!(strip_line_prefixes("0\tCMD x\n40100000\tRUN y\n"), None);
        // docker's own times have no fractions; a few prefixed lines are not enough.
        assert_eq!(
            strip_line_prefixes("2024-05-01T10:00:00Z 0B\n2024-05-01T10:00:00Z 1B\n"),
            None
        );
        assert_eq!(strip_line_prefixes("1\ta\nb\nc\nd\n"), None);
    }

    #[test]
    fn escapes_are_stripped_line_by_line() {
        assert_eq!(
            strip_escapes("a\x1b[1mb\x1b[0m\nc\x1b[\nd\r\n"),
            "ab\nc\nd\r\n"
        );
    }

    #[test]
    fn clean_pastes_are_borrowed() {
        let text = "IMAGE   CREATED   SIZE\n<missing>   2 weeks ago   0B\n";
        assert!(matches!(normalize(text).text, Cow::Borrowed(_)));
    }

    #[test]
    fn string_literals_of_a_test_fixture() {
        let code = "var output = new StringBuilder();\n    output.AppendLine(\"IMAGE          CREATED        CREATED BY                SIZE      COMMENT\");\n    output.AppendLine(\"<missing>      2 weeks ago    /bin/sh -c echo \\\"hi\\\"   0B\");\nreturn output;\n";
        let n = normalize(code);
        let lines: Vec<&str> = n.text.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[1].starts_with("IMAGE          CREATED"));
        assert_eq!(
            lines[2],
            "<missing>      2 weeks ago    /bin/sh -c echo \"hi\"   0B"
        );
        assert_eq!(n.literals, Some((2, 3)));
        // Quoted prose is not a table.
        let prose = "He said \"hello\".\n\"two\",\n\"three\",\n";
        assert!(normalize(prose).literals.is_none());
    }
}
