//! The share link: a whole comparison (two panes and the view) packed into the
//! URL fragment, so that it can be posted in a chat without any server.
//!
//! (work in progress)

mod deflate;
mod error;
mod state;
pub mod v1;
mod wire;

pub use error::ShareError;
pub use state::{EncodeOptions, ShareState, SharedPane, ViewOptions};

/// The newest link version this build writes and reads.
pub const LATEST_VERSION: u32 = 1;
