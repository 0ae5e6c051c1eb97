//! How much a share link carries, decided before any work is done.
//!
//! Packing is quick for what people share (a few hundred layers), but the
//! page must never spend seconds packing a 10 MB paste into a link no chat,
//! browser history or address bar would take. The decision is made from the
//! size of the pasted text before packing ([`MAX_LINK_TEXT`]), and checked
//! once more on the packed fragment ([`MAX_LINK_FRAGMENT`]); either way the
//! user gets a sentence saying why, and the exports instead.

use crate::compare::numbers::human_bytes;
use crate::text::thousands;

/// Pasted text (both panes together) above which no link is packed.
pub const MAX_LINK_TEXT: usize = 500_000;
/// Longest fragment a link may have: 64 KiB of packed data, as base64.
pub const MAX_LINK_FRAGMENT: usize = 64 * 1024 * 4 / 3;

/// Why panes holding `text_bytes` of text get no link, or `None` when they may.
pub fn refuse_text(text_bytes: usize) -> Option<String> {
    (text_bytes > MAX_LINK_TEXT).then(|| {
        format!(
            "the panes hold {} of text, and a link carries at most {} (a link over 2,000 characters does not fit a chat message anyway). Share the Markdown or JSON export instead",
            human_bytes(text_bytes as u64),
            human_bytes(MAX_LINK_TEXT as u64)
        )
    })
}

/// Why a packed `fragment` is not offered as a link, or `None` when it is.
pub fn refuse_fragment(fragment: &str) -> Option<String> {
    (fragment.len() > MAX_LINK_FRAGMENT).then(|| {
        format!(
            "this comparison packs into {} characters, and a link carries at most {}. Share the Markdown or JSON export instead",
            thousands(fragment.len()),
            thousands(MAX_LINK_FRAGMENT)
        )
    })
}

/// Why `n_steps` panes get no link: links carry exactly two steps for now.
pub fn refuse_steps(n_steps: usize) -> String {
    format!(
        "a link holds 2 to 8 steps, and these panes hold {n_steps}. Share the Markdown or JSON export instead"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_within_the_limit_gets_a_link() {
        assert_eq!(refuse_text(0), None);
        assert_eq!(refuse_text(MAX_LINK_TEXT), None);
    }

    #[test]
    fn text_over_the_limit_is_refused_with_its_size() {
        let why = refuse_text(10_100_000).expect("refused");
        assert!(why.contains("10.1 MB") && why.contains("500 kB"), "{why}");
        assert!(why.contains("Markdown or JSON export"), "{why}");
    }

    #[test]
    fn long_fragments_are_refused() {
        assert_eq!(refuse_fragment(&"a".repeat(MAX_LINK_FRAGMENT)), None);
        let why = refuse_fragment(&"a".repeat(MAX_LINK_FRAGMENT + 1)).expect("refused");
        assert!(why.contains("87,382"), "{why}");
    }
}
