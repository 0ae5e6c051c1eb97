//! Reads any pasted `docker history` / `podman history` / `nerdctl history` output.
//!
//! (stub: the parser lands here)

use crate::core::model::Parsed;

/// Finds every history in `text`. Never fails and never panics.
pub fn parse(text: &str) -> Parsed {
    let _ = text;
    Parsed::default()
}
