//! The share box's links for one snapshot, packed in one go
//! ([`pack_links`]): the link for the user's choices, the shorter one (no
//! ids and times) when the first is too long for a chat message, or why
//! there is none. The page's second module runs it (`crate::extras`),
//! so packing (and its deflate) is neither in the first load nor on the
//! page's main thread.

use serde::{Deserialize, Serialize};

use super::{limit, link, EncodeOptions, ShareState};

/// Discord's limit for one message: a link longer than this does not fit a
/// chat answer.
pub const CHAT_LIMIT: usize = 2_000;

/// The links of one snapshot.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackedLinks {
    /// The fragment (without `#`) for the choices; empty when refused.
    pub full: String,
    /// The fragment without ids and times, packed only when `full` (with a
    /// page address of `base_len` characters) is over [`CHAT_LIMIT`] and the
    /// choices kept ids and times.
    pub short: Option<String>,
    /// Why there is no link: too much to carry, or too many steps.
    pub refused: Option<String>,
}

/// Packs `snapshot` with `options`, for a page at an address of `base_len`
/// characters. The size of the text is checked before any packing.
pub fn pack_links(snapshot: &ShareState, options: EncodeOptions, base_len: usize) -> PackedLinks {
    let refused = |why| PackedLinks {
        refused: Some(why),
        ..PackedLinks::default()
    };
    if let Some(why) = limit::refuse_text(snapshot.text_bytes()) {
        return refused(why);
    }
    let full = match link(snapshot, &options) {
        Ok(full) => full,
        Err(why) => return refused(why),
    };
    if let Some(why) = limit::refuse_fragment(&full) {
        return refused(why);
    }
    let keeps_ids = !(options.drop_ids && options.drop_created);
    let too_long = full.len() + base_len + 1 > CHAT_LIMIT;
    let short = (too_long && keeps_ids).then(|| {
        let short = EncodeOptions {
            drop_ids: true,
            drop_created: true,
            ..options
        };
        link(snapshot, &short).unwrap_or_default()
    });
    PackedLinks {
        full,
        short,
        refused: None,
    }
}
