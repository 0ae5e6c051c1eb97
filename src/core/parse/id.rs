//! Recognises the first cell of a row: an image id, a nerdctl snapshot id, or
//! `<missing>`.
//!
//! Format notes (formats.md §1.3, §3, §4, §5):
//! - docker: 12 hex chars, or `sha256:` + 64 hex with `--no-trunc`;
//! - podman `--no-trunc`: 64 hex without prefix;
//! - nerdctl: `sha256:` + 64 hex (< 2.0) or cut to 44 bytes + `…` (≥ 2.0);
//! - `<missing>` for rows without a local image; pastes rendered as HTML lose
//!   the angle brackets (`missing`), JSON has it escaped (`\u003cmissing\u003e`,
//!   undone by the JSON reader).

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

/// Reads the id cell at the start of `text` (which must not start with a space)
/// and returns it with the bytes used. The token must end at whitespace or at
/// the end of `text` — or at `:`/`,`/`|` for custom formats.
pub fn id_prefix(text: &str) -> Option<(IdCell, usize)> {
    let end = text
        .char_indices()
        .find(|&(i, c)| {
            c.is_whitespace() || (matches!(c, ':' | ',' | '|' | ';') && !is_sha_prefix(text, i))
        })
        .map_or(text.len(), |(i, _)| i);
    let token = text.get(..end)?;
    classify(token).map(|cell| (cell, end))
}

fn is_sha_prefix(text: &str, colon: usize) -> bool {
    text.get(..colon) == Some("sha256")
}

/// Whether a whole token is an id cell.
pub fn classify(token: &str) -> Option<IdCell> {
    match token {
        "<missing>" | "missing" | "&lt;missing&gt;" | "\\u003cmissing\\u003e" => {
            return Some(IdCell::Missing)
        }
        _ => {}
    }
    let body = token.strip_prefix("sha256:").unwrap_or(token);
    let (hex, cut) = match body.strip_suffix('…') {
        Some(b) => (b, true),
        None => match body.strip_suffix("...") {
            Some(b) => (b, true),
            None => (body, false),
        },
    };
    let is_hex = !hex.is_empty() && hex.bytes().all(|c| c.is_ascii_hexdigit());
    let long_enough = hex.len() >= 12 || (cut && hex.len() >= 8);
    (is_hex && long_enough && hex.len() <= 64 && has_hex_look(hex))
        .then(|| IdCell::Id(token.to_string()))
}

/// Lower-case hex (docker never prints upper case), and not all digits: a
/// 12-digit number is more likely a byte count than an id.
fn has_hex_look(hex: &str) -> bool {
    !hex.bytes().any(|c| c.is_ascii_uppercase()) && hex.bytes().any(|c| c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

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
