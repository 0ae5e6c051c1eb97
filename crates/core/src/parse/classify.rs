//! Classifies every line of a paste once, into a closed [`LineKind`]: what
//! the line is on its own (a fence, a heading, a command line, a table
//! header, a row by shape, JSON, prose …), before any table is read.
//!
//! Every rule that asks "does this line end a table", "is this line part of
//! another table", "is this line worth a note" asks the kind, so that a new
//! kind of line is taught in one place. Kinds are computed lazily and at
//! most once per line ([`Classified::kind`]): most lines of a paste are rows
//! that a table reader consumes without ever asking, and classifying them
//! would cost a second read of every row.
//!
//! A table read through a layout (`#` before every line, a `> ` quote, a CI
//! log's prefix) asks about the line *as that layout shows it*
//! ([`Classified::kind_in`]): the body is classified then, uncached.

use std::cell::OnceCell;

use super::command::history_command;
use super::header::Header;
use super::layout::{find_header, find_headerless, TableLayout};
use super::segment::Line;
use super::shapes::is_html_tags;

/// What a line is, on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Empty or only spaces.
    Blank,
    /// A markdown fence (```` ``` ````, `~~~`), also behind `>` quotes.
    Fence,
    /// Only HTML tags (`<pre><code>`) or template tags (`{% raw %}`).
    Markup,
    /// Starts JSON (`{`, `[`), maybe behind a `>` or `#` mark.
    JsonStart,
    /// A history table header (`IMAGE  CREATED  CREATED BY  SIZE  COMMENT`),
    /// in any layout.
    Header,
    /// The header of another table (`docker images`, `docker ps`).
    OtherTable,
    /// A complete history row by its shape (id, CREATED, …, SIZE), as the
    /// first row of a table without a header.
    Row,
    /// A command line that runs `docker history` (`$ docker history app`).
    Command,
    /// An author's mark for rows left out (`...`, `…`, `... 12 more layers`).
    Elision,
    /// A markdown heading or an `=== x ===` marker.
    Heading,
    /// Another shell prompt or command line (`$ docker images`, `❯ …`).
    Prompt,
    /// A markdown table rule or a drawn line (`---`, `|---|:--|`, `+===+`).
    Rule,
    /// Anything else: prose, an annotation, a piece of a row.
    Text,
}

impl LineKind {
    /// Whether a line of this kind ends a table that it follows.
    pub fn ends_table(self) -> bool {
        matches!(
            self,
            LineKind::Blank
                | LineKind::Fence
                | LineKind::Markup
                | LineKind::JsonStart
                | LineKind::Header
                | LineKind::OtherTable
                | LineKind::Command
                | LineKind::Heading
                | LineKind::Prompt
        )
    }

    /// Whether a line of this kind ends a CREATED BY that went on over
    /// several lines (a newline or a heredoc inside the command).
    pub fn ends_continuation(self) -> bool {
        matches!(
            self,
            LineKind::Blank
                | LineKind::Fence
                | LineKind::Markup
                | LineKind::Header
                | LineKind::OtherTable
                | LineKind::Command
        )
    }

    /// Whether a line of this kind ends a `docker images` table being skipped.
    pub fn ends_other_table(self) -> bool {
        self.ends_table() || self == LineKind::Row
    }

    /// Whether the line frames the histories (a fence, markup, a command
    /// line, a heading): never worth a "skipped" note.
    pub fn frames(self) -> bool {
        matches!(
            self,
            LineKind::Blank
                | LineKind::Fence
                | LineKind::Markup
                | LineKind::Command
                | LineKind::Heading
        )
    }
}

/// Classifies one line's text (see [`LineKind`]; the first that fits, in
/// the order of the variants).
pub fn classify(text: &str) -> LineKind {
    let t = text.trim();
    if t.is_empty() {
        return LineKind::Blank;
    }
    if is_fence(t) {
        return LineKind::Fence;
    }
    if is_html_tags(t) || is_template_tag(t) {
        return LineKind::Markup;
    }
    if starts_json(t) {
        return LineKind::JsonStart;
    }
    match find_header(text) {
        Some((Header::History(_), _)) => return LineKind::Header,
        Some((Header::Other(_), _)) => return LineKind::OtherTable,
        None => {}
    }
    if find_headerless(text).is_some() {
        return LineKind::Row;
    }
    if history_command(t).is_some() {
        return LineKind::Command;
    }
    // `# ...` in a commented paste marks rows left out, not a heading.
    if is_elision(t) {
        return LineKind::Elision;
    }
    if heading_text(t).is_some() || marker_text(t).is_some() {
        return LineKind::Heading;
    }
    if is_prompt(t) {
        return LineKind::Prompt;
    }
    if is_rule(t) {
        return LineKind::Rule;
    }
    LineKind::Text
}

/// The paste's lines with their kinds, each computed on first use.
pub struct Classified<'a> {
    /// The lines (see `segment::split_lines`).
    pub lines: Vec<Line<'a>>,
    kinds: Vec<OnceCell<LineKind>>,
}

impl<'a> Classified<'a> {
    /// Wraps the lines; nothing is classified yet.
    pub fn new(lines: Vec<Line<'a>>) -> Self {
        let kinds = (0..lines.len()).map(|_| OnceCell::new()).collect();
        Classified { lines, kinds }
    }

    /// The line at index `i`.
    pub fn get(&self, i: usize) -> Option<&Line<'a>> {
        self.lines.get(i)
    }

    /// The kind of line `i` (`Blank` past the end).
    pub fn kind(&self, i: usize) -> LineKind {
        match (self.kinds.get(i), self.lines.get(i)) {
            (Some(cell), Some(line)) => *cell.get_or_init(|| classify(&line.text)),
            _ => LineKind::Blank,
        }
    }

    /// The kind of line `i` as a table in `layout` shows it.
    pub fn kind_in(&self, i: usize, layout: TableLayout) -> LineKind {
        if layout.is_plain() {
            return self.kind(i);
        }
        match self.lines.get(i) {
            Some(line) => classify(layout.body(&line.text)),
            None => LineKind::Blank,
        }
    }
}

/// Whether a (trimmed) line starts JSON, maybe behind a `>` or `#` mark.
pub fn starts_json(t: &str) -> bool {
    let behind = |s: &str| s.trim_start().starts_with(['{', '[']);
    behind(t) || MARKS.iter().any(|&m| t.strip_prefix(m).is_some_and(behind))
}

/// Marks that may stand before every line of a pasted JSON history.
pub const MARKS: [char; 2] = ['>', '#'];

/// Whether the line marks rows left out by the author: `...`, `…`, `[...]`,
/// `... 12 more layers`, also behind a `#` or `>` mark.
pub fn is_elision(t: &str) -> bool {
    let body = t.trim_start_matches(['#', '>']).trim_start();
    let body = body.strip_prefix('[').unwrap_or(body);
    body.starts_with("...") || body.starts_with('…')
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

    /// One line of every kind, and the lines that sit on a border between two.
    #[test]
    fn every_kind_is_told() {
        use LineKind::*;
        let cases: &[(&str, LineKind)] = &[
            ("", Blank),
            ("   \u{a0}", Blank),
            ("```bash", Fence),
            ("> ~~~", Fence),
            ("<pre><code class=\"bash\">", Markup),
            ("{% raw %}", Markup),
            ("{\"Comment\":\"\",\"CreatedBy\":\"RUN x\"}", JsonStart),
            ("> [", JsonStart),
            (
                "IMAGE          CREATED        CREATED BY                SIZE      COMMENT",
                Header,
            ),
            ("# IMAGE   CREATED   CREATED BY   SIZE", Header),
            (
                "ID            CREATED       CREATED BY     SIZE        COMMENT",
                Header,
            ),
            (
                "REPOSITORY   TAG       IMAGE ID       CREATED       SIZE",
                OtherTable,
            ),
            ("<missing>      2 weeks ago    RUN make      12MB", Row),
            ("…              2 weeks ago    RUN make      12MB", Row),
            ("#6e558799f7ba   4 seconds ago   RUN x   0B", Row),
            ("$ docker history --no-trunc app:1.0", Command),
            ("➜  build docker image history local/x", Command),
            ("### Backend size beforehand: 417 MB", Heading),
            ("=== opt layers ===", Heading),
            ("$ docker images", Prompt),
            ("user@host:~$ ls", Prompt),
            ("|---|:---|", Rule),
            ("---", Rule),
            ("...", Elision),
            ("… 12 more layers", Elision),
            ("# ...", Elision),
            ("The image went from 417 MB to 316 MB.", Text),
            ("<missing>      2 weeks ago    RUN make &&", Text),
            ("Docker history is:", Text),
        ];
        let mut wrong = Vec::new();
        for &(line, want) in cases {
            let got = classify(line);
            if got != want {
                wrong.push(format!("{line:?}: expected {want:?}, got {got:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn kinds_that_end_a_table() {
        use LineKind::*;
        for kind in [
            Blank, Fence, Markup, JsonStart, Header, OtherTable, Command, Heading, Prompt,
        ] {
            assert!(kind.ends_table(), "{kind:?}");
        }
        for kind in [Row, Rule, Elision, Text] {
            assert!(!kind.ends_table(), "{kind:?}");
        }
        // A heredoc line (`# comment`, `{`) inside a command does not end it.
        assert!(!Heading.ends_continuation() && !JsonStart.ends_continuation());
    }

    #[test]
    fn kinds_are_computed_once_through_a_layout() {
        let text =
            "# IMAGE   CREATED   CREATED BY   SIZE\n#6e558799f7ba   4 seconds ago   RUN x   0B";
        let lines = Classified::new(super::super::segment::split_lines(text));
        assert_eq!(lines.kind(0), LineKind::Header);
        assert_eq!(lines.kind(1), LineKind::Row);
        assert_eq!(lines.kind(9), LineKind::Blank);
        let (_, hashed) = find_header(text.lines().next().unwrap_or("")).expect("a header");
        assert!(!hashed.is_plain());
        assert_eq!(lines.kind_in(1, hashed), LineKind::Row);
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
    fn prompts() {
        assert!(is_prompt("$"));
        assert!(is_prompt("$ docker images"));
        assert!(is_prompt("❯ docker images"));
        assert!(is_prompt("vadim@TMS-UBUNTU-VM1:~$ sudo docker history x"));
        assert!(!is_prompt("jaelele@163.com"));
    }
}
