//! [`ShareError`]: why a link could not be opened, in words for the person who clicked it.

use std::fmt;

/// Why [`super::decode`] refused a link. `Display` gives a sentence for the user
/// saying what is wrong and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing after the `#`.
    Empty,
    /// The fragment does not start like a layerdiff link.
    NotALink,
    /// Made by a later layerdiff whose format this build does not know.
    NewerVersion(u32),
    /// A character that a link never contains (1-based position in the fragment).
    BadCharacter {
        /// 1-based position in the fragment (the version character is 1).
        position: usize,
        /// The character found.
        found: char,
    },
    /// The link ends early: it was cut when copied or posted.
    CutShort,
    /// The content does not check out: a character was changed, added or lost.
    Damaged,
    /// The link unpacks to more than the cap (a hostile link, or not ours).
    TooLarge {
        /// The cap, in bytes.
        limit: usize,
    },
    /// The link would open to more text than the cap (`MAX_OPENED_TEXT`): a
    /// crafted link that repeats or pads a little text into a lot.
    TooMuchText {
        /// The cap, in bytes.
        limit: usize,
    },
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Empty => write!(
                f,
                "this link holds no comparison: there is nothing after the `#`"
            ),
            ShareError::NotALink => write!(
                f,
                "this is not a layerdiff comparison link: the part after `#` should start with a version number such as `1`"
            ),
            ShareError::NewerVersion(v) => write!(
                f,
                "this link was made by a newer layerdiff (version {v}); this page only reads links up to version {}. Reload the page to get the newest version",
                super::LATEST_VERSION
            ),
            ShareError::BadCharacter { position, found } => write!(
                f,
                "this link is damaged: character {position} is `{}`, which a layerdiff link never contains (letters, digits, `-` and `_` only). Was it edited, or re-encoded by a chat app?",
                found.escape_default()
            ),
            ShareError::CutShort => write!(
                f,
                "this link is cut short: its end is missing. Copy the whole link again (some apps cut long messages or wrap links over two lines)"
            ),
            ShareError::Damaged => write!(
                f,
                "this link is damaged: its content does not check out (a character was changed, added or lost). Ask for the link again"
            ),
            ShareError::TooLarge { limit } => write!(
                f,
                "this link unpacks to more than {} MiB, far more than any comparison needs, so it was not opened",
                limit / (1024 * 1024)
            ),
            ShareError::TooMuchText { limit } => write!(
                f,
                "this link opens to more text than a link can carry (over {} MiB, far more than any comparison needs), so it was not opened",
                limit / (1024 * 1024)
            ),
        }
    }
}

impl std::error::Error for ShareError {}
