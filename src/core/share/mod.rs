//! The share link: a whole comparison (two panes and the view) packed into the
//! URL fragment, so that it can be posted in a chat, a submission or a pull
//! request without any server, and opened years later.
//!
//! - [`encode`] / [`decode`]: [`ShareState`] ⇄ fragment (`codec.rs`).
//! - [`ShareError`]: why a link cannot be opened, as a sentence for the user.
//! - [`EncodeOptions`]: drop ids / CREATED, mask secrets (`crate::core::redact`).
//!
//! Versions: the fragment's first character is the format version. **Every
//! released version's decoder stays forever and never changes**: links live in
//! chats and course material. Version 1 is `v1.rs` (binary payload) with the
//! preset dictionary `dict.rs` and the byte helpers `wire.rs`, all three
//! frozen; `tests/share_frozen.rs` checks links committed in
//! `tests/data/share/` still open to the same comparison. A change to what a
//! link holds needs version 2 beside them, not an edit.

mod codec;
mod deflate;
mod dict;
mod error;
mod render_shim;
mod state;
pub mod v1;
mod wire;

pub use codec::{decode, decode_link, encode, encode_link, same_history, MAX_PAYLOAD};
pub use error::ShareError;
pub use state::{EncodeOptions, ShareState, SharedPane, ViewOptions};

/// The newest link version this build writes and reads.
pub const LATEST_VERSION: u32 = 1;
