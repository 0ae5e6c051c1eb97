//! Splits a paste into lines and recognises the lines that frame a history:
//! markdown fences, HTML `<pre>` tags, headings, `=== x ===` markers, shell
//! prompts and the `docker history IMAGE` command line.
//!
//! Pastes come from terminals, READMEs, chats and slides: CRLF endings, tabs,
//! 4- or 7-space indentation, ```` ```Plain ```` / ```` ```{r} ```` fences, prompts
//! like `$ `, `➜  build `, `root@host ~$ `, `19:09 $ `, `❯ `, `# ` (root),
//! `bradsimpson@ ~:`. None of that is part of a history, but the command line
//! and the headings name it (see `label.rs`).

/// One line of the paste.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// 1-based line number.
    pub no: usize,
    /// The line without its line ending.
    pub raw: &'a str,
    /// The line with tabs turned into two spaces (a tab separates cells).
    pub text: String,
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
pub fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    // (start, end of content, start of the next line): `\n`, `\r\n`, or a
    // lone `\r` (old Mac files, some clipboards) ends a line.
    let bytes = text.as_bytes();
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut start = 0usize;
    let mut k = 0usize;
    while let Some(&b) = bytes.get(k) {
        match b {
            b'\n' => {
                pieces.push((start, k));
                start = k + 1;
            }
            b'\r' if bytes.get(k + 1) != Some(&b'\n') => {
                pieces.push((start, k));
                start = k + 1;
            }
            _ => {}
        }
        k += 1;
    }
    pieces.push((start, text.len()));
    for (i, (offset, end)) in pieces.into_iter().enumerate() {
        let piece = text.get(offset..end).unwrap_or("");
        let raw = piece.strip_suffix('\r').unwrap_or(piece);
        let text = if raw.is_ascii() && !raw.contains(['\t', '\r', '\x1b']) {
            raw.to_string()
        } else {
            normalise(raw)
        };
        let text = pipe_row(&text).unwrap_or(text);
        out.push(Line {
            no: i + 1,
            raw,
            text,
            offset,
            last: i + 1,
            full_width: false,
        });
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
        let mut joined = l.text.clone();
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
                prev.text.push_str(&line.text);
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

/// Whether a line starts a table row of its own: an id (12 or 64 hex,
/// `sha256:…`) or `<missing>`, then a gap of two spaces.
pub fn starts_row(text: &str) -> bool {
    let t = text.trim_start();
    let Some(gap) = t.find("  ") else {
        return false;
    };
    let first = t.get(..gap).unwrap_or("");
    let hex = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit());
    first == "<missing>"
        || first == "missing"
        || (hex(first) && (first.len() == 12 || first.len() == 64))
        || first
            .strip_prefix("sha256:")
            .is_some_and(|h| hex(h.trim_end_matches('…')))
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

/// The paste without terminal escapes (colour and style codes from a
/// terminal log), line ends kept: an escape never swallows a line end.
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

/// The paste without a prefix that a tool put on every line: `cat -n` /
/// editor line numbers (`     1\t`, counting up by one) or a CI log's
/// timestamps (`2024-05-01T10:00:00.1234567Z `, with fractional seconds, which
/// docker's own times never have). `None` when at least one non-empty line in
/// five lacks it. Line ends are kept, so line numbers stay the paste's.
pub fn strip_line_prefixes(text: &str) -> Option<String> {
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
        stamps.push(timestamp_prefix(l));
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

/// `2024-05-01T10:00:00.1234567Z ` (a CI log): the prefix's length in bytes.
fn timestamp_prefix(line: &str) -> Option<usize> {
    let t = line.trim_start_matches('[');
    let lead = line.len() - t.len();
    let shape = t.get(..20)?.as_bytes();
    let digit_at = |i: usize| shape.get(i).is_some_and(u8::is_ascii_digit);
    let ok = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        .iter()
        .all(|&i| digit_at(i))
        && shape.get(4) == Some(&b'-')
        && shape.get(10) == Some(&b'T')
        && shape.get(19) == Some(&b'.');
    if !ok {
        return None;
    }
    let end = t.find([' ', '\t'])?;
    let stamp = t.get(..end)?.trim_end_matches(']');
    if !stamp.ends_with(|c: char| c == 'Z' || c.is_ascii_digit()) {
        return None;
    }
    Some(lead + end + 1)
}

/// Skips the rest of a terminal escape after its `ESC`: a CSI sequence
/// (`[` parameters, then one final byte `@`..`~`), an OSC sequence (`]` up to
/// BEL or `ESC \\`), or a single following character.
fn skip_escape(chars: &mut std::str::Chars<'_>) {
    match chars.next() {
        Some('[') => {
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        }
        Some(']') => {
            let mut prev = ' ';
            for c in chars.by_ref() {
                if c == '\u{7}' || (prev == '\x1b' && c == '\\') {
                    break;
                }
                prev = c;
            }
        }
        _ => {}
    }
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

/// Whether the line is a markdown table rule (`---`, `|---|---|`) or similar.
pub fn is_rule(text: &str) -> bool {
    let t = text.trim();
    t.len() >= 3
        && t.chars()
            .all(|c| matches!(c, '-' | ':' | '|' | ' ' | '+' | '='))
}

/// Whether the line opens or closes a markdown fence (```` ``` ````, `~~~`,
/// with any info string).
pub fn is_fence(text: &str) -> bool {
    let mut t = text.trim_start();
    // Also behind a `> ` quote mark (a fence quoted in an issue comment).
    while let Some(rest) = t.strip_prefix('>') {
        t = rest.trim_start();
    }
    t.starts_with("```") || t.starts_with("~~~")
}

/// Whether the line is only HTML tags (`<pre><code class="bash">`, `</code></pre></li>`).
pub fn is_html_tags(text: &str) -> bool {
    let t = text.trim();
    if !(t.starts_with('<') && t.ends_with('>')) || t == "<missing>" {
        return false;
    }
    // Every `<` opens a tag closed by `>` with nothing but tags around.
    let mut depth = 0i32;
    for c in t.chars() {
        match c {
            '<' => depth += 1,
            '>' => depth -= 1,
            _ if depth == 0 && !c.is_whitespace() => return false,
            _ => {}
        }
    }
    depth == 0 && !t.starts_with("<missing>")
}

/// Liquid/Jekyll tags (`{% raw %}`) and similar template markers.
pub fn is_template_tag(text: &str) -> bool {
    let t = text.trim();
    t.starts_with("{%") && t.ends_with("%}")
}

/// A markdown heading's text (`### Backend size: 417 MB` → `Backend size: 417 MB`).
/// `#!` and `#word` without a space after several `#` are accepted (`###Before`);
/// a single `#` must be followed by a space.
pub fn heading_text(text: &str) -> Option<&str> {
    let t = text.trim();
    let hashes = t.chars().take_while(|&c| c == '#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = t.get(hashes..)?;
    if hashes == 1 && !rest.starts_with(' ') {
        return None;
    }
    let rest = rest.trim().trim_end_matches('#').trim();
    (!rest.is_empty()).then_some(rest)
}

/// An `=== opt ===` / `--- before ---` marker line's text.
pub fn marker_text(text: &str) -> Option<&str> {
    let t = text.trim();
    for mark in ['=', '-'] {
        let lead = t.chars().take_while(|&c| c == mark).count();
        let trail = t.chars().rev().take_while(|&c| c == mark).count();
        if lead >= 2 && trail >= 2 && lead + trail < t.chars().count() {
            let inner = t.get(lead..t.len() - trail)?.trim();
            if !inner.is_empty() {
                return Some(inner);
            }
        }
    }
    None
}

/// Splits a shell line into words, honouring quotes and backticks.
pub fn shell_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut in_word = false;
    for c in text.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => cur.push(c),
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                in_word = true;
            }
            None if c == '`' => {
                // Inline code: a command of its own.
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
                words.push("`".to_string());
            }
            None if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            None => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    words
}

/// A `… docker history IMAGE` command line: what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryCommand {
    /// The image argument, if the line has one (`back`, `foo:1.0`).
    pub image: Option<String>,
    /// Flags given (`--no-trunc`, `--human=false`, `--format …`).
    pub flags: Vec<String>,
}

/// Tools whose `history` subcommand prints a history; matched on the end of
/// a word so that prompts glued to the command (`~:docker`) and typos that
/// lose the first letter (`ocker`) still count. Lower case only: `Docker
/// history` in prose is not a command.
fn is_tool_word(word: &str) -> bool {
    let w = word
        .rsplit(['/', ':', '$', '>', '#'])
        .next()
        .unwrap_or(word);
    (w.ends_with("ocker") && !w.starts_with(char::is_uppercase))
        || w == "podman"
        || w == "nerdctl"
        || w == "buildah"
        || w == "pouch"
        || w == "finch"
}

/// Words that may stand before the command on its line: prompts (`$`,
/// `user@host:~$`, `19:09`, `root#`, `❯`, `➜  dir`), `sudo`, `time`.
fn is_prompt_word(word: &str, prev: Option<&str>) -> bool {
    word.contains(['$', '#', '@', ':', '>', '%', '❯', '➜', 'λ', '»'])
        || word.chars().all(|c| c.is_ascii_digit())
        || matches!(
            word,
            "sudo" | "time" | "command" | "exec" | "PS" | "then" | "do"
        )
        || (word.starts_with('(') && word.ends_with(')'))
        || (word.starts_with('[') && word.ends_with(']'))
        || prev.is_some_and(|p| p.contains('➜'))
}

fn is_separator(word: &str) -> bool {
    matches!(word, "&&" | ";" | "|" | "||" | "&" | "`")
}

/// Reads a command line that runs `docker history` / `docker image history` /
/// `podman history` / `nerdctl history` (after a prompt, `sudo`, `echo … &&`).
pub fn history_command(text: &str) -> Option<HistoryCommand> {
    let words = shell_words(text);
    let mut fresh = true;
    let mut pos = None;
    for (i, w) in words.iter().enumerate() {
        if is_separator(w) {
            fresh = true;
            continue;
        }
        // `!docker …` in a notebook cell runs a command wherever it stands.
        let bang = w.strip_prefix('!').is_some_and(is_tool_word);
        if (fresh || bang) && is_tool_word(w) {
            // `history` within the next words, with only `image` or global
            // flags (`-n k8s.io`) in between.
            let found = words
                .iter()
                .enumerate()
                .skip(i + 1)
                .take(4)
                .take_while(|(_, x)| {
                    x.as_str() == "history"
                        || x.as_str() == "image"
                        || x.starts_with('-')
                        || x.contains('.')
                })
                .find(|(_, x)| x.as_str() == "history")
                .map(|(j, _)| j);
            if found.is_some() {
                pos = found;
                break;
            }
        }
        let prev = i
            .checked_sub(1)
            .and_then(|p| words.get(p))
            .map(String::as_str);
        if !is_prompt_word(w, prev) {
            fresh = false;
        }
    }
    let pos = pos?;
    let mut flags = Vec::new();
    let mut image = None;
    let mut it = words.iter().skip(pos + 1);
    while let Some(w) = it.next() {
        if matches!(w.as_str(), "|" | "||" | "&&" | ";" | ">" | "2>" | "&" | "`")
            || w.starts_with('|')
        {
            break;
        }
        if w.starts_with('-') {
            if matches!(w.as_str(), "--format" | "--platform" | "-f") {
                if let Some(v) = it.next() {
                    if v.contains(char::is_whitespace) {
                        flags.push(format!("{w} '{v}'"));
                    } else {
                        flags.push(format!("{w} {v}"));
                    }
                    continue;
                }
            }
            flags.push(w.clone());
            continue;
        }
        if image.is_none() {
            let clean = w.trim_end_matches(['`', ';', ',', ')']).to_string();
            if !clean.is_empty() {
                image = Some(clean);
            }
        }
    }
    Some(HistoryCommand { image, flags })
}

impl HistoryCommand {
    /// The image with the flags that change what the output shows
    /// (`avis20/cowsay:latest -H=false`, `alpine --platform=linux/s390x`).
    pub fn describe(&self) -> Option<String> {
        let image = self.image.as_ref()?;
        let telling: Vec<&str> = self
            .flags
            .iter()
            .map(String::as_str)
            .filter(|f| {
                !matches!(
                    *f,
                    "--human" | "--human=true" | "-H" | "-H=true" | "-q" | "--quiet"
                )
            })
            .collect();
        Some(if telling.is_empty() {
            image.clone()
        } else {
            format!("{image} {}", telling.join(" "))
        })
    }
}

/// Whether the line is a shell prompt or command that is not part of a table
/// (`$ …`, `❯ …`, `➜  …`, `user@host:~$ …`, a lone `$`).
pub fn is_prompt(text: &str) -> bool {
    let t = text.trim();
    if t == "$" || t == "#" || t == "%" || t == "❯" || t == ">" {
        return true;
    }
    if t.starts_with("$ ") || t.starts_with("❯ ") || t.starts_with("➜ ") || t.starts_with("> ")
    {
        return true;
    }
    // user@host … $ / # / % followed by a command
    if let Some(at) = t.find('@') {
        let before = t.get(..at).unwrap_or("");
        if !before.is_empty() && !before.contains(' ') {
            return t.contains("$ ") || t.contains("# ") || t.contains(":~") || t.contains(" ~");
        }
    }
    false
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
    fn terminal_escapes_are_dropped() {
        let lines = split_lines(
            "\x1b[1mIMAGE\x1b[0m   x\n<missing>   \x1b[32m0B\x1b[0m\n\x1b]0;title\x07ok\n",
        );
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
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
        assert_eq!(lines.get(1).map(|l| l.text.as_str()), Some("b  c"));
        assert_eq!(lines.get(1).map(|l| l.offset), Some(3));
        let md = split_lines("| <missing> | 2 weeks ago | RUN a \\| b | 0B |  |\n|---|---|");
        assert_eq!(
            md.first().map(|l| l.text.as_str()),
            Some("<missing>   2 weeks ago   RUN a | b   0B")
        );
        assert_eq!(md.get(1).map(|l| l.text.as_str()), Some("---"));
        let nbsp = split_lines("<missing>\u{a0}\u{a0} 2 weeks ago");
        assert_eq!(
            nbsp.first().map(|l| l.text.as_str()),
            Some("<missing>   2 weeks ago")
        );
    }

    #[test]
    fn fences_and_html() {
        assert!(is_fence("```"));
        assert!(is_fence("```Plain"));
        assert!(is_fence("```{r}"));
        assert!(is_fence("    ~~~"));
        assert!(is_fence("> ```"));
        assert!(is_fence("> > ```text"));
        assert!(!is_fence("> text"));
        assert!(is_html_tags(r#"        <pre><code class="bash">"#));
        assert!(is_html_tags("</code></pre></li>"));
        assert!(!is_html_tags("<missing>"));
        assert!(!is_html_tags("<missing>   2 weeks ago   <none>"));
        assert!(is_template_tag("{% raw %}"));
    }

    #[test]
    fn headings_and_markers() {
        assert_eq!(
            heading_text("### Backend size beforehand: 417 MB  "),
            Some("Backend size beforehand: 417 MB")
        );
        assert_eq!(heading_text("###Before"), Some("Before"));
        assert_eq!(heading_text("#6e558799f7ba   4 seconds ago"), None);
        assert_eq!(marker_text("=== noopt layers ==="), Some("noopt layers"));
        assert_eq!(marker_text("======"), None);
        assert_eq!(marker_text("**Output:**"), None);
    }

    #[test]
    fn history_command_lines() {
        let cmd = |t: &str| history_command(t).and_then(|c| c.image);
        assert_eq!(cmd("docker history back"), Some("back".into()));
        assert_eq!(
            cmd("$ docker image history --no-trunc foo:1.0"),
            Some("foo:1.0".into())
        );
        assert_eq!(
            cmd("➜  build docker image history local/image:local-test "),
            Some("local/image:local-test".into())
        );
        assert_eq!(
            cmd("root@iZf8z ~$ docker history 6bd6b6dd5444"),
            Some("6bd6b6dd5444".into())
        );
        assert_eq!(
            cmd("19:09 $ docker history ahojukka5/patientor-backend:latest "),
            Some("ahojukka5/patientor-backend:latest".into())
        );
        assert_eq!(
            cmd("bradsimpson@ ~:docker image history hello-world"),
            Some("hello-world".into())
        );
        assert_eq!(
            cmd("root# nerdctl -n k8s.io history busybox:1.28"),
            Some("busybox:1.28".into())
        );
        assert_eq!(
            cmd(r#"echo "=== opt layers ===" && docker history lab4/opt:1.0"#),
            Some("lab4/opt:1.0".into())
        );
        assert_eq!(
            cmd(r#"$ docker history --format "{{.ID}}: {{.CreatedSince}}" busybox"#),
            Some("busybox".into())
        );
        assert_eq!(
            cmd("docker image history example-frontend | grep RUN"),
            Some("example-frontend".into())
        );
        assert_eq!(
            cmd("ocker history basic-app-test"),
            Some("basic-app-test".into())
        );
        assert_eq!(
            cmd("`03:20:42 UTC`  `docker history onramp-api:naive`  (0.0 s)"),
            Some("onramp-api:naive".into())
        );
        assert_eq!(
            cmd("$ docker history avis20/cowsay:latest -H=false"),
            Some("avis20/cowsay:latest".into())
        );
        assert_eq!(cmd("`ubuntu@ubuntu-VM:~$ docker history"), None);
        assert!(history_command("`ubuntu@ubuntu-VM:~$ docker history").is_some());
        let described = |t: &str| history_command(t).and_then(|c| c.describe());
        assert_eq!(
            described("$ docker history avis20/cowsay:latest -H=false"),
            Some("avis20/cowsay:latest -H=false".into())
        );
        assert_eq!(
            described("sudo docker history --human itzg/minecraft-server"),
            Some("itzg/minecraft-server".into())
        );
        assert_eq!(
            described(r#"$ docker history --format "{{.ID}}: {{.CreatedSince}}" busybox"#),
            Some("busybox --format '{{.ID}}: {{.CreatedSince}}'".into())
        );
        assert!(history_command("## Docker history 分析").is_none());
        assert!(history_command("At this point, docker history is:").is_none());
        assert!(history_command("docker images").is_none());
    }

    #[test]
    fn prompts() {
        assert!(is_prompt("$"));
        assert!(is_prompt("$ docker images"));
        assert!(is_prompt("❯ docker images"));
        assert!(is_prompt("vadim@TMS-UBUNTU-VM1:~$ sudo docker history x"));
        assert!(!is_prompt("jaelele@163.com"));
    }
}
