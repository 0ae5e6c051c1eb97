//! Splits a paste into lines and recognises the lines that frame a history:
//! markdown fences, HTML `<pre>` tags, headings, `=== x ===` markers, shell
//! prompts and the `docker history IMAGE` command line.
//!
//! Pastes come from terminals, READMEs, chats and slides: CRLF endings, tabs,
//! 4- or 7-space indentation, ```` ```Plain ```` / ```` ```{r} ```` fences, prompts
//! like `$ `, `➜  build `, `root@host ~$ `, `19:09 $ `, `❯ `, `# ` (root),
//! `bradsimpson@ ~:`. None of that is part of a history, but the command line
//! and the headings name it (see `label.rs`).

use std::borrow::Cow;

use super::shapes::skip_escape;
pub use super::shapes::starts_row;

/// One line of the paste.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// 1-based line number.
    pub no: usize,
    /// The line without its line ending.
    pub raw: &'a str,
    /// The line with tabs turned into two spaces (a tab separates cells),
    /// odd spaces made plain, a markdown pipe row made a docker row.
    pub text: Cow<'a, str>,
    /// Byte offset of the line in the paste.
    pub offset: usize,
    /// The 1-based number of its last line in the paste: `no` unless a
    /// terminal hard-wrapped it over several (see [`unwrap_hard_wraps`]).
    pub last: usize,
    /// Whether the line is as wide as the widest of the paste (≥ 60
    /// characters, reached by two lines or more): a terminal may have cut it
    /// there, so the next line may go on with the same cell.
    pub full_width: bool,
}

/// Splits on `\n`, dropping a trailing `\r` (CRLF) and lone `\r` line ends.
/// A line that needs no clean-up borrows the paste.
pub fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut offset = 0usize;
    for piece in text.split('\n') {
        let content = piece.strip_suffix('\r').unwrap_or(piece);
        // A lone `\r` (old Mac files, some clipboards) ends a line too.
        let mut sub_offset = offset;
        for raw in content.split('\r') {
            out.push(Line {
                no: out.len() + 1,
                raw,
                text: clean(raw),
                offset: sub_offset,
                last: out.len() + 1,
                full_width: false,
            });
            sub_offset += raw.len() + 1;
        }
        offset += piece.len() + 1;
    }
    // A final newline does not make an extra (empty) line worth reporting.
    if out.len() > 1 && out.last().is_some_and(|l| l.raw.is_empty()) {
        out.pop();
    }
    unwrap_hard_wraps(out)
}

/// Undoes a terminal's hard wrap (a console copied with its lines cut at the
/// window width, a `fold`ed log): a long `--no-trunc` table then arrives cut
/// every W characters, mid-cell, header included (`… CREATE` / `D  CREATED BY`).
///
/// Every piece but the last of a wrapped line is exactly W characters long,
/// and no line is longer than W. Wrapping is assumed only when the paste
/// shows it on a header: a line of exactly W characters (W ≥ 60, the longest
/// of the paste, reached by two lines or more) that starts like a history
/// header (`IMAGE`, `ID`, `SNAPSHOT`) and lacks its SIZE or COMMENT column,
/// which the pieces after it supply. Then every line of exactly W characters
/// is joined with the next one, unless that one is blank or starts a row of
/// its own (an id or `<missing>` and a gap). Linear in the paste.
fn unwrap_hard_wraps(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    let mut lines = lines;
    let widths: Vec<usize> = lines.iter().map(|l| l.text.chars().count()).collect();
    let wrap = widths.iter().copied().max().unwrap_or(0);
    if wrap < 60 || widths.iter().filter(|&&w| w == wrap).count() < 2 {
        return lines;
    }
    for (line, &w) in lines.iter_mut().zip(&widths) {
        line.full_width = w == wrap;
    }
    // A piece may be all spaces (the padding of a wide column), but then it
    // is W wide too; an empty line is not a piece.
    // Nor is a JSON object after one that ended (`…}` / `{…`).
    let joins = |k: usize| -> bool {
        let Some(n) = lines.get(k + 1) else {
            return false;
        };
        let piece = !n.text.trim().is_empty() || widths.get(k + 1) == Some(&wrap);
        let next_object = lines
            .get(k)
            .is_some_and(|l| l.text.trim_end().ends_with('}'))
            && n.text.trim_start().starts_with('{');
        widths.get(k) == Some(&wrap)
            && piece
            && !starts_row(&n.text)
            && !starts_header(&n.text)
            && !next_object
    };
    // JSON shows the wrap by a full-width line that ends inside a string
    // (`{"Comment":"","CreatedAt":"…","CreatedBy":"RUN /bin/sh -c apt-g`).
    let wrapped_json = lines.iter().enumerate().any(|(k, l)| {
        let t = l.text.trim_start();
        joins(k) && (t.starts_with('{') || t.starts_with('"')) && ends_in_string(t)
    });
    let wrapped_header = lines.iter().enumerate().any(|(k, l)| {
        let t = l.text.trim_start();
        if !starts_header(t) || !joins(k) || (t.contains("SIZE") && t.contains("COMMENT")) {
            return false;
        }
        // The pieces after it hold the missing column names.
        let mut joined = l.text.to_string();
        let mut m = k;
        while joins(m) && m < k + 8 {
            m += 1;
            if let Some(n) = lines.get(m) {
                joined.push_str(&n.text);
            }
        }
        joined.contains("SIZE") && (joined.contains("COMMENT") || !t.contains("SIZE"))
    });
    if !wrapped_header && !wrapped_json {
        return lines;
    }
    let mut out: Vec<Line<'_>> = Vec::with_capacity(lines.len());
    let mut joining = false;
    for (k, line) in lines.iter().enumerate() {
        match out.last_mut() {
            Some(prev) if joining => {
                prev.text.to_mut().push_str(&line.text);
                prev.last = line.no;
            }
            _ => out.push(line.clone()),
        }
        joining = joins(k);
    }
    out
}

/// Whether a line starts like a history header (`IMAGE `, `ID `, `SNAPSHOT `):
/// a new line of its own even after a full-width one (a console that pads
/// every line to its width, the prompt line included).
fn starts_header(text: &str) -> bool {
    let t = text.trim_start();
    ["IMAGE ", "ID ", "SNAPSHOT "]
        .iter()
        .any(|w| t.starts_with(w))
}

/// Whether a line of JSON ends inside a string (an odd number of quotes
/// that are not escaped).
fn ends_in_string(text: &str) -> bool {
    let mut inside = false;
    let mut escaped = false;
    for c in text.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => inside = !inside,
            _ => {}
        }
    }
    inside
}

/// The text of a raw line (see [`Line::text`]): borrowed when nothing in
/// it needs cleaning.
fn clean(raw: &str) -> Cow<'_, str> {
    let odd = |c: char| {
        matches!(
            c,
            '\t' | '\r' | '\x1b' | '\u{00A0}' | '\u{2000}'
                ..='\u{200D}' | '\u{202F}' | '\u{205F}' | '\u{FEFF}'
        )
    };
    let needs = if raw.is_ascii() {
        raw.bytes().any(|b| matches!(b, b'\t' | b'\r' | 0x1b))
    } else {
        raw.contains(odd)
    };
    let text = if needs {
        Cow::Owned(normalise(raw))
    } else {
        Cow::Borrowed(raw)
    };
    match pipe_row(&text) {
        Some(row) => Cow::Owned(row),
        None => text,
    }
}

/// Tabs become two spaces (a tab separates cells); no-break and other
/// Unicode spaces (web pages turn runs of spaces into U+00A0) become plain
/// spaces; zero-width characters and a BOM are dropped; terminal colour
/// and style escapes (`ESC[1m`, `ESC[32m` … from a terminal log) are
/// dropped too, since the terminal showed them with no width.
fn normalise(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => skip_escape(&mut chars),
            '\t' => out.push_str("  "),
            '\r' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => {}
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A markdown table row (`| <missing> | 2 weeks ago | RUN … | 0B | |`) as a
/// docker row: cells joined by three spaces (`\|` inside a cell is a `|`).
/// Separator rows (`|---|:---|`) become `---`.
fn pipe_row(text: &str) -> Option<String> {
    let t = text.trim();
    let inner = t.strip_prefix('|')?.strip_suffix('|')?;
    if inner.is_empty() {
        return None;
    }
    if inner.chars().all(|c| matches!(c, '-' | ':' | '|' | ' ')) {
        return Some("---".to_string());
    }
    let mut cells = vec![String::new()];
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                if let Some(cell) = cells.last_mut() {
                    cell.push('|');
                }
            }
            '|' => cells.push(String::new()),
            c => {
                if let Some(cell) = cells.last_mut() {
                    cell.push(c);
                }
            }
        }
    }
    if cells.len() < 2 {
        return None;
    }
    let cells: Vec<&str> = cells.iter().map(|c| c.trim().trim_matches('`')).collect();
    Some(cells.join("   ").trim_end().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_are_dropped() {
        let lines = split_lines(
            "\x1b[1mIMAGE\x1b[0m   x\n<missing>   \x1b[32m0B\x1b[0m\n\x1b]0;title\x07ok\n",
        );
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_ref()).collect();
        assert_eq!(texts, vec!["IMAGE   x", "<missing>   0B", "ok"]);
    }

    #[test]
    fn hard_wraps_are_joined_only_after_a_wrapped_header() {
        let w = 64;
        let header = format!("{:<w$}", "IMAGE          CREATED         CREATED BY");
        let long = "<missing>      2 weeks ago     RUN make all && make install all   12MB   x";
        let (row, rest) = long.split_at(w);
        assert_eq!(row.len(), w);
        let text = format!("{header}\nSIZE   COMMENT\n{row}\n{rest}\n");
        let lines = split_lines(&text);
        let got: Vec<(usize, usize)> = lines.iter().map(|l| (l.no, l.last)).collect();
        assert_eq!(got, vec![(1, 2), (3, 4)]);
        assert!(lines
            .get(1)
            .is_some_and(|l| l.text.ends_with("make install all   12MB   x")));
        // Rows padded to the same width under a whole header, then prose:
        // nothing is joined.
        let full = format!("{:<w$}", "IMAGE   CREATED   CREATED BY   SIZE   COMMENT");
        let text = format!("{full}\n{row}\n{row}\nany idea why?\n");
        let lines = split_lines(&text);
        assert_eq!(lines.len(), 4);
        // A piece followed by a row of its own is not joined.
        let text = format!("{header}\nSIZE   COMMENT\n{row}\n<missing>  2 weeks ago  x  1B\n");
        assert_eq!(split_lines(&text).len(), 3);
    }

    #[test]
    fn lines_crlf_and_tabs() {
        let old_mac = split_lines("a\rb\r");
        assert_eq!(
            old_mac.iter().map(|l| l.raw).collect::<Vec<_>>(),
            vec!["a", "b"]
        );
        let lines = split_lines("a\r\nb\tc\r\n");
        assert_eq!(lines.len(), 2);
        assert_eq!(lines.first().map(|l| l.raw), Some("a"));
        assert_eq!(lines.get(1).map(|l| l.text.as_ref()), Some("b  c"));
        assert_eq!(lines.get(1).map(|l| l.offset), Some(3));
        let md = split_lines("| <missing> | 2 weeks ago | RUN a \\| b | 0B |  |\n|---|---|");
        assert_eq!(
            md.first().map(|l| l.text.as_ref()),
            Some("<missing>   2 weeks ago   RUN a | b   0B")
        );
        assert_eq!(md.get(1).map(|l| l.text.as_ref()), Some("---"));
        let nbsp = split_lines("<missing>\u{a0}\u{a0} 2 weeks ago");
        assert_eq!(
            nbsp.first().map(|l| l.text.as_ref()),
            Some("<missing>   2 weeks ago")
        );
    }
}
