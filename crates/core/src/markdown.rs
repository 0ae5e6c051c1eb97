//! Pasted text in Markdown: [`code`] writes any string (a command, a label,
//! an image name, a comment) as one inline code span that stays a code span
//! in every CommonMark renderer, GitHub's (GFM) included, whether or not it
//! lets raw HTML through. Every export that puts pasted text into Markdown
//! goes through here; the prose around a span is ours and never holds pasted
//! text, so nothing from a paste can become a tag, an event handler, a link
//! or an image. [`link`] writes our own links (the share link).
//!
//! The CommonMark rules this relies on (spec 0.31, §6.1 "Code spans"; GFM
//! §4.10 "Tables"):
//! - A code span opens with a run of N backticks and closes at the next run
//!   of exactly N. Inside it nothing is Markdown or HTML: `<img …>`, `[x](y)`,
//!   `*`, `_`, `\` and `&amp;` are shown as typed. So the fence is one
//!   backtick longer than the longest run of backticks in the text, and no
//!   run inside can close it.
//! - If the content both starts and ends with a space (and is not all
//!   spaces), one space is stripped from each end. So when the text starts or
//!   ends with a backtick (which would otherwise join the fence) or with a
//!   space (which the stripping could eat), one space is added on each side,
//!   and the renderer takes exactly those two away again. Text made only of
//!   spaces is kept as is, without padding.
//! - Line endings inside a code span become spaces, and a line ending would
//!   end a table row or a paragraph line outright. So line endings and every
//!   other control character are made visible first ([`visible`]): C0
//!   controls U+0000–U+001F and DEL become their Unicode Control Pictures
//!   (`\n` → `␊` U+240A, `\r` → `␍`, `\t` → `␉`, NUL → `␀`, DEL → `␡`);
//!   C1 controls U+0080–U+009F, which have no picture, become `\u{85}`-style
//!   text. Nothing else is changed.
//! - In a GFM table the row is cut into cells at `|` *before* inlines are
//!   parsed, code spans included; `\|` is the only way to keep a pipe in a
//!   cell, and the renderer shows it as `|` (inside a code span too). So in
//!   [`Place::TableCell`] every `|` is written `\|`. Only `\|` is unescaped
//!   there: a backslash before it stays a backslash (`a\|b` is written
//!   `a\\|b` and reads back `a\|b`, in cmark-gfm, markdown-it and
//!   pulldown-cmark). Outside tables a `|` stays as it is, since backslash
//!   escapes do not work inside code spans.
//! - Raw HTML and autolinks take precedence over code spans only when their
//!   `<` comes *before* the opening backticks. The prose we write next to a
//!   span never contains `<`, so the span always wins.
//! - A span never starts a line of its own in our exports, and even if it
//!   did, its closing fence on the same line stops it from opening a fenced
//!   code block (a backtick fence's info string cannot hold a backtick).
//!
//! `tests/markdown_props.rs` renders spans of arbitrary strings with
//! pulldown-cmark (raw HTML allowed, GFM tables) and checks that they are
//! one `<code>` element holding `visible(text)`, and nothing else.

use std::borrow::Cow;

/// Where a code span is written: a table cell needs its pipes escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A paragraph, a list item, a heading: anywhere but a table cell.
    Prose,
    /// A cell of a GFM pipe table.
    TableCell,
}

/// `text` as one inline code span for `place`; empty text gives an empty
/// string (there is no empty code span in CommonMark).
pub fn code(text: &str, place: Place) -> String {
    let content = visible(text);
    if content.is_empty() {
        return String::new();
    }
    let fence = "`".repeat(longest_backtick_run(&content) + 1);
    let all_spaces = content.chars().all(|c| c == ' ');
    let edges = [content.chars().next(), content.chars().next_back()];
    let pad = if !all_spaces && edges.iter().any(|c| matches!(c, Some('`' | ' '))) {
        " "
    } else {
        ""
    };
    let content = match place {
        Place::TableCell => Cow::Owned(content.replace('|', "\\|")),
        Place::Prose => content,
    };
    format!("{fence}{pad}{content}{pad}{fence}")
}

/// `text` with its control characters made visible, as [`code`] writes it
/// (see the module doc); every other character is kept.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            '\u{7f}' => out.push('\u{2421}'),
            '\u{80}'..='\u{9f}' => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A Markdown link from our own words to our own address (the share link):
/// characters that could end the destination or leave the URL syntax
/// (spaces, `(`, `)`, `<`, `>`, `\`, `` ` ``, `"`, quotes, controls,
/// non-ASCII) are percent-encoded; `text` must be ours (it is not escaped).
pub fn link(text: &str, url: &str) -> String {
    let mut dest = String::with_capacity(url.len());
    for b in url.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&*+,;=%".contains(&b) {
            dest.push(b as char);
        } else {
            dest.push_str(&format!("%{b:02X}"));
        }
    }
    format!("[{text}]({dest})")
}

fn longest_backtick_run(s: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_gets_one_backtick() {
        assert_eq!(code("RUN npm ci", Place::TableCell), "`RUN npm ci`");
        assert_eq!(code("", Place::Prose), "");
    }

    #[test]
    fn the_fence_outgrows_every_backtick_run() {
        assert_eq!(code("echo `id`", Place::Prose), "`` echo `id` ``");
        assert_eq!(code("a``b", Place::Prose), "```a``b```");
        assert_eq!(code("`", Place::Prose), "`` ` ``");
    }

    #[test]
    fn spaces_at_the_edges_are_padded_but_all_spaces_are_not() {
        assert_eq!(code(" x", Place::Prose), "`  x `");
        assert_eq!(code("x ", Place::Prose), "` x  `");
        assert_eq!(code("  ", Place::Prose), "`  `");
    }

    #[test]
    fn pipes_are_escaped_in_table_cells_only() {
        assert_eq!(code("a | b", Place::TableCell), r"`a \| b`");
        assert_eq!(code(r"a\|b", Place::TableCell), r"`a\\|b`");
        assert_eq!(code("a | b", Place::Prose), "`a | b`");
    }

    #[test]
    fn control_characters_are_shown() {
        assert_eq!(visible("a\nb\r\tc\u{0}\u{7f}\u{85}"), "a␊b␍␉c␀␡\\u{85}");
        assert_eq!(code("RUN a\nb", Place::TableCell), "`RUN a␊b`");
        assert!(matches!(visible("ünïcode ✓"), Cow::Borrowed(_)));
    }

    #[test]
    fn links_keep_their_destination_whole() {
        assert_eq!(
            link("Open", "https://x.example/a b/(c)<d>#1Ab-_"),
            "[Open](https://x.example/a%20b/%28c%29%3Cd%3E#1Ab-_)"
        );
    }
}
