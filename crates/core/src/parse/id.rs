//! Recognises the first cell of a row: an image id, a nerdctl snapshot id, or
//! `<missing>`.
//!
//! Format notes (docs/formats.md §1.3, §3, §4, §5):
//! - docker: 12 hex chars, or `sha256:` + 64 hex with `--no-trunc`;
//! - podman `--no-trunc`: 64 hex without prefix;
//! - nerdctl: `sha256:` + 64 hex (< 2.0) or cut to 44 bytes + `…` (≥ 2.0);
//! - `<missing>` for rows without a local image; pastes rendered as HTML lose
//!   the angle brackets (`missing`), JSON has it escaped (`\u003cmissing\u003e`,
//!   undone by the JSON reader).
//!
//! The grammar (nom, over the cell's `&str`):
//!
//! ```text
//! id      = "&lt;missing&gt;"                      (a page's HTML source: its `;`
//!                                                   is no separator here)
//!         | missing end | hex-id end
//! missing = "<missing>" | "missing" | "\u003cmissing\u003e"
//! hex-id  = "sha256:"? [0-9a-f]{12,64} | "sha256:"? [0-9a-f]{8,64} ("…" | "...")
//!                                                  (with a letter: 12 digits are a byte count)
//! end     = whitespace | ":" | "," | "|" | ";" | the end     (custom formats' separators)
//! ```
//!
//! Why nom: the forms are short fixed sequences (an optional prefix, a hex
//! run, an optional ellipsis) that nom's combinators spell out without
//! copying, and a failure says where it stopped ([`CellError`]). Row readers
//! try this grammar at line starts and tokens, so anything that cannot start
//! an id is rejected on its first byte (which also picks `missing` or
//! `hex-id`), and [`id_cell`] borrows the id instead of copying it.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::combinator::{eof, opt};
use nom::Parser;

use super::size::{cell_error, named, token_end, CellError, Expected, Res};

/// What the id cell says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdCell {
    /// `<missing>` or `missing`.
    Missing,
    /// A real id, as printed.
    Id(String),
}

impl IdCell {
    /// The model's form: `None` for missing.
    pub fn into_option(self) -> Option<String> {
        match self {
            IdCell::Missing => None,
            IdCell::Id(id) => Some(id),
        }
    }
}

/// What the id cell says, borrowed from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdRef<'a> {
    /// `<missing>`, `missing`, `&lt;missing&gt;`, `\u003cmissing\u003e`.
    Missing,
    /// A real id, as printed (with its `sha256:` and `…`).
    Id(&'a str),
}

impl From<IdRef<'_>> for IdCell {
    fn from(id: IdRef<'_>) -> Self {
        match id {
            IdRef::Missing => IdCell::Missing,
            IdRef::Id(id) => IdCell::Id(id.to_string()),
        }
    }
}

// What each part of the grammar expects.
const ID: &str = "an image id (12 or 64 lowercase hex digits, `sha256:…`) or `<missing>`";
const HEX: &str =
    "12 to 64 lowercase hex digits with a letter among them (8 are enough before `…`)";
const END: &str = "whitespace or a separator (`:`, `,`, `|`, `;`) after the id";
const WHOLE: &str = "the end of the id";

/// `&lt;missing&gt;`: in a page's HTML source.
const ESCAPED: &str = "&lt;missing&gt;";

/// `<missing>` and the forms it takes after a page or JSON escaped it.
fn missing(input: &str) -> Res<'_, IdRef<'_>> {
    // Each form has its own first byte.
    let form = match input.as_bytes().first() {
        Some(b'<') => "<missing>",
        Some(b'm') => "missing",
        Some(b'&') => ESCAPED,
        _ => "\\u003cmissing\\u003e",
    };
    let (rest, _) = tag(form)(input)?;
    Ok((rest, IdRef::Missing))
}

/// `b1750ffe7b95` | `sha256:9513b84d…` (64 hex) | `sha256:432b65032b94…`.
fn hex_id(input: &str) -> Res<'_, IdRef<'_>> {
    // The grammar's steps one after the other (`?` carries nom's error).
    let (rest, prefix) = opt(tag("sha256:")).parse_complete(input)?;
    let (rest, hex) = take_while1(|c: char| c.is_ascii_digit() || matches!(c, 'a'..='f'))(rest)?;
    let (rest, cut) = match rest.as_bytes().first() {
        Some(b'.' | 0xE2) => opt(alt((tag("…"), tag("...")))).parse_complete(rest)?,
        _ => (rest, None),
    };
    let long_enough = hex.len() >= 12 || (cut.is_some() && hex.len() >= 8);
    // Not all digits: a 12-digit number is more likely a byte count.
    let has_letter = hex.bytes().any(|c| c.is_ascii_alphabetic());
    if !(long_enough && hex.len() <= 64 && has_letter) {
        return Err(nom::Err::Error(Expected {
            rest: input.get(prefix.map_or(0, str::len)..).unwrap_or(input),
            what: HEX,
        }));
    }
    let used = input.len().saturating_sub(rest.len());
    Ok((rest, IdRef::Id(input.get(..used).unwrap_or(input))))
}

/// A missing id or a hex id; the first byte tells which.
fn id_body(input: &str) -> Res<'_, IdRef<'_>> {
    match input.as_bytes().first() {
        Some(b'<' | b'm' | b'&' | b'\\') => missing(input),
        _ => hex_id(input),
    }
}

/// Whether the first byte can start an id at all.
fn can_start(text: &str) -> bool {
    matches!(
        text.as_bytes().first(),
        Some(b'0'..=b'9' | b'a'..=b'f' | b'<' | b'm' | b's' | b'&' | b'\\')
    )
}

/// Reads the id cell at the start of `text` (which must not start with a
/// space) and returns it, borrowed, with the bytes used. The token must end at
/// whitespace or at the end of `text` — or at `:`/`,`/`|`/`;` for custom formats.
pub fn id_cell(text: &str) -> Result<(IdRef<'_>, usize), CellError> {
    if !can_start(text) {
        return Err(CellError {
            column: 0,
            expected: ID,
        });
    }
    let end = token_end(END, |c| {
        c.is_whitespace() || matches!(c, ':' | ',' | '|' | ';')
    });
    let read = if let Some(rest) = text.strip_prefix(ESCAPED) {
        // `&lt;missing&gt;` holds `;`, a custom separator: taken whole, as is.
        Ok((rest, IdRef::Missing))
    } else {
        id_body(text)
            .and_then(|(rest, id)| Ok((end(rest)?.0, id)))
            .map_err(named(ID))
    };
    match read {
        Ok((rest, id)) => Ok((id, text.len().saturating_sub(rest.len()))),
        Err(e) => Err(cell_error(text, e)),
    }
}

/// Reads the id cell at the start of `text` (which must not start with a space)
/// and returns it with the bytes used. The token must end at whitespace or at
/// the end of `text` — or at `:`/`,`/`|`/`;` for custom formats.
pub fn id_prefix(text: &str) -> Option<(IdCell, usize)> {
    id_cell(text).ok().map(|(id, used)| (id.into(), used))
}

/// Reads a whole token as an id cell.
pub fn read_id(token: &str) -> Result<IdRef<'_>, CellError> {
    if !can_start(token) {
        return Err(CellError {
            column: 0,
            expected: ID,
        });
    }
    let whole = |rest| eof(rest).map_err(named(WHOLE));
    let read = id_body(token).and_then(|(rest, id)| Ok((whole(rest)?.0, id)));
    match read.map_err(named(ID)) {
        Ok((_, id)) => Ok(id),
        Err(e) => Err(cell_error(token, e)),
    }
}

/// Whether a whole token is an id cell.
pub fn classify(token: &str) -> Option<IdCell> {
    read_id(token).ok().map(IdCell::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grammar, form by form: input → (id, bytes used) or the error's
    /// (column, expected).
    #[test]
    fn id_table() {
        type Want = Result<(IdRef<'static>, usize), (usize, &'static str)>;
        let full = "sha256:9513b84d3d5864c44ff59410e57980cc4f9f536ef16dca161f27d21a8b27c45d";
        let podman = "9513b84d3d5864c44ff59410e57980cc4f9f536ef16dca161f27d21a8b27c45d";
        let table: &[(&str, Want)] = &[
            // docker: 12 hex; --no-trunc: sha256: + 64 hex
            ("b1750ffe7b95", Ok((IdRef::Id("b1750ffe7b95"), 12))),
            (
                "b1750ffe7b95   2 weeks ago",
                Ok((IdRef::Id("b1750ffe7b95"), 12)),
            ),
            (full, Ok((IdRef::Id(full), 71))),
            // podman --no-trunc: 64 hex, no prefix
            (podman, Ok((IdRef::Id(podman), 64))),
            // nerdctl ≥ 2.0: cut with an ellipsis
            (
                "sha256:432b65032b9466b4dadcc5c7b11701e71d21c…",
                Ok((
                    IdRef::Id("sha256:432b65032b9466b4dadcc5c7b11701e71d21c…"),
                    47,
                )),
            ),
            ("3f1dc0a8...", Ok((IdRef::Id("3f1dc0a8..."), 11))),
            // missing, as printed and as pages and JSON escape it
            ("<missing>", Ok((IdRef::Missing, 9))),
            ("missing", Ok((IdRef::Missing, 7))),
            ("&lt;missing&gt;", Ok((IdRef::Missing, 15))),
            ("&lt;missing&gt;;2 weeks ago", Ok((IdRef::Missing, 15))),
            ("\\u003cmissing\\u003e", Ok((IdRef::Missing, 19))),
            // custom formats' separators
            (
                "f6e427c148a7: 4 weeks ago",
                Ok((IdRef::Id("f6e427c148a7"), 12)),
            ),
            ("<missing>|2 weeks ago", Ok((IdRef::Missing, 9))),
            ("f6e427c148a7,0B", Ok((IdRef::Id("f6e427c148a7"), 12))),
            // errors: where and what
            ("", Err((0, ID))),
            ("REPOSITORY", Err((0, ID))),
            ("hello-world", Err((0, ID))),
            ("abc", Err((0, HEX))),
            ("123456789012", Err((0, HEX))),
            ("sha256:12345", Err((7, HEX))),
            ("b1750ffe7b95x", Err((12, END))),
            ("b1750FFE7B95", Err((0, HEX))),
            ("<missing>x", Err((9, END))),
            ("<none>", Err((0, ID))),
        ];
        for (input, want) in table {
            let got = id_cell(input).map_err(|e| (e.column, e.expected));
            assert_eq!(got, *want, "{input:?}");
        }
    }

    #[test]
    fn ids() {
        assert_eq!(classify("<missing>"), Some(IdCell::Missing));
        assert_eq!(classify("missing"), Some(IdCell::Missing));
        assert_eq!(
            classify("b1750ffe7b95"),
            Some(IdCell::Id("b1750ffe7b95".into()))
        );
        let full = "sha256:9513b84d3d5864c44ff59410e57980cc4f9f536ef16dca161f27d21a8b27c45d";
        assert_eq!(classify(full), Some(IdCell::Id(full.into())));
        assert!(classify("sha256:432b65032b9466b4dadcc5c7b11701e71d21c…").is_some());
        assert_eq!(
            read_id("b1750ffe7b95:").map_err(|e| (e.column, e.expected)),
            Err((12, WHOLE))
        );
    }

    #[test]
    fn not_ids() {
        assert_eq!(classify("hello-world"), None);
        assert_eq!(classify("REPOSITORY"), None);
        assert_eq!(classify("abc"), None);
        assert_eq!(classify("123456789012"), None);
        assert_eq!(classify("ABCDEF123456"), None);
        assert_eq!(classify("<none>"), None);
    }

    #[test]
    fn prefix_in_rows_and_custom_formats() {
        assert_eq!(
            id_prefix("f6e427c148a7: 4 weeks ago"),
            Some((IdCell::Id("f6e427c148a7".into()), 12))
        );
        assert_eq!(
            id_prefix("<missing>      56 minutes ago"),
            Some((IdCell::Missing, 9))
        );
        let full = "sha256:9513b84d3d5864c44ff59410e57980cc4f9f536ef16dca161f27d21a8b27c45d";
        assert_eq!(
            id_prefix(&format!("{full}   5 weeks ago")),
            Some((IdCell::Id(full.into()), full.len()))
        );
    }
}
