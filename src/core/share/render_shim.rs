//! TEMPORARY stand-in for `crate::core::render` (written on branch `parser`),
//! with the agreed signature, so the codec compiles before that lands. It
//! prints nothing, so the codec never picks the parsed form while it is here
//! (the round-trip check fails and the paste travels as typed). Removed when
//! `parser` is merged.

use crate::core::model::History;

/// How to print a history (agreed with the parser helper).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderStyle {
    /// `docker history` default table.
    Docker,
    /// `docker history --no-trunc`.
    DockerNoTrunc,
    /// `docker history --human=false`.
    DockerHumanFalse,
    /// `docker history --format json`.
    JsonLines,
    /// `podman history`.
    Podman,
}

/// Prints nothing (see the module doc).
pub fn render(history: &History, style: RenderStyle) -> String {
    let _ = (history, style);
    String::new()
}
