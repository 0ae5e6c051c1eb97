//! The share link: a whole comparison (two panes and the view) packed into the
//! URL fragment, so that it can be posted in a chat, a submission or a pull
//! request without any server, and opened years later.
//!
//! - [`ShareState`]: the panes (2 to 8 steps) and the view, the one snapshot
//!   of the user's work (saved locally, packed into links, read from the URL).
//! - [`open`]: any link → [`ShareState`]; [`link`]: [`ShareState`] → fragment
//!   (version 1 for two steps compared in order, version 2 for 3 to 8 steps
//!   or another compared pair), or why there is none.
//! - [`encode`] / [`decode`]: [`SharedPair`] ⇄ version 1 fragment (`codec.rs`).
//! - [`ShareError`]: why a link cannot be opened, as a sentence for the user.
//! - [`EncodeOptions`]: drop ids / CREATED, mask secrets (`crate::redact`).
//! - [`limit`]: what is too big for a link, said before packing.
//! - [`pack`]: the share box's links for one snapshot, packed in one go (by
//!   the page's second module).
//!
//! ```
//! use layerdiff_core::share::{decode, encode, EncodeOptions, SharedPair, SharedPane};
//!
//! let paste = "IMAGE          CREATED       CREATED BY                                      SIZE      COMMENT\n\
//!              <missing>      2 days ago    RUN /bin/sh -c npm ci # buildkit                57.7MB    buildkit.dockerfile.v0\n";
//! let state = SharedPair {
//!     before: SharedPane { label: "before".into(), text: paste.into(), selected: 0 },
//!     ..SharedPair::default()
//! };
//! let fragment = encode(&state, &EncodeOptions::default());
//! let url = format!("https://example.github.io/layerdiff/#{fragment}");
//! let opened = decode(&url).expect("our own link opens");
//! assert_eq!(opened.before.label, "before");
//! assert!(opened.before.text.contains("RUN /bin/sh -c npm ci # buildkit"));
//! assert_eq!(
//!     decode("https://example.github.io/layerdiff/#7abc").unwrap_err().to_string(),
//!     "this link was made by a newer layerdiff (version 7); this page only reads links \
//!      up to version 2. Reload the page to get the newest version"
//! );
//! ```
//!
//! A pane travels either as typed or as its parsed history (printed again
//! when the link is opened), whichever makes the shorter link; the parsed
//! form is used only when printing and parsing it again gives the same
//! history, so a paste's comparison is never lost.
//!
//! Links come from strangers: a link opens to at most [`MAX_OPENED_TEXT`]
//! bytes of text, decided before the text is made (the decoder keeps that
//! budget for what it reads and repeats, and a history is measured before it
//! is printed); a link over it is [`ShareError::TooMuchText`].
//!
//! Versions: the fragment's first character is the format version. **Every
//! released version's decoder stays forever and never changes**: links live in
//! chats and course material. Version 1 is `v1.rs` (binary payload) with the
//! preset dictionary `dict.rs` and the byte helpers `wire.rs`, all three
//! frozen; `tests/share_frozen.rs` checks links committed in
//! `tests/data/share/` still open to the same comparison. A change to what a
//! link holds needs a new version beside them, not an edit. Version 2
//! (`v2.rs`) holds 2 to 8 steps and the compared pair, each step in version
//! 1's pane form, with the same dictionary; it is written only when version
//! 1 cannot say it, so two panes compared in order still make a version 1
//! link.

mod codec;
mod deflate;
mod dict;
mod error;
pub mod limit;
pub mod pack;
mod state;
pub mod v1;
pub mod v2;
pub mod wire;

pub use codec::{
    decode, decode_link, decode_steps, encode, encode_link, encode_steps, open_steps, same_history,
    MAX_OPENED_TEXT, MAX_PAYLOAD,
};
pub use error::ShareError;
pub use state::{
    Embed, EncodeOptions, LayerAt, ShareState, SharedPair, SharedPane, StepPair, Theme, ViewOptions,
};

/// The newest link version this build writes and reads.
pub const LATEST_VERSION: u32 = 2;

/// Opens any link this build reads, as the panes it holds.
pub fn open(link: &str) -> Result<ShareState, ShareError> {
    open_steps(link)
}

/// The fragment (without `#`) that brings `state` back, or why no link can
/// carry it (2 to 8 steps travel; see [`limit`] for the sizes).
pub fn link(state: &ShareState, opts: &EncodeOptions) -> Result<String, String> {
    match state.steps.len() {
        v2::MIN_STEPS..=v2::MAX_STEPS => Ok(encode_steps(state, opts)),
        n => Err(limit::refuse_steps(n)),
    }
}
