//! What a share link holds: [`ShareState`] (two panes and the view), and the
//! [`EncodeOptions`] that make a link shorter or safer.
//!
//! These are plain data, owned by the UI while the page runs; the codec
//! (`codec.rs`) turns them into a URL fragment and back.

use serde::Serialize;

/// Everything a comparison link must bring back: both panes and how they are shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ShareState {
    /// The left pane: the image before the change.
    pub before: SharedPane,
    /// The right pane: the image after the change.
    pub after: SharedPane,
    /// How the comparison is shown.
    pub view: ViewOptions,
}

/// One pane: the text the user pasted and which history in it is compared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SharedPane {
    /// The pane's name as the user sees it (`before`, `node:16 vanilla`, …); may be empty.
    pub label: String,
    /// The pasted text. A decoded link may hold a re-rendered text instead of
    /// the original paste (see the codec): it reads back to the same history.
    pub text: String,
    /// Which history in `text` is compared (0 = the first one).
    pub selected: usize,
}

/// How the comparison is shown. Every field has a default (all `false`), and a
/// link only stores what differs from it, so adding a field later keeps old
/// links valid.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ViewOptions {
    /// Rows ordered by how much they changed, biggest change first, instead of build order.
    pub sort_by_delta: bool,
    /// The layers both images share (the base image) folded into one row.
    pub base_collapsed: bool,
}

/// Choices made when creating a link. The default keeps everything.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EncodeOptions {
    /// Leave out image ids: shorter link, nothing that identifies a local image.
    pub drop_ids: bool,
    /// Leave out the CREATED column (`3 days ago`, timestamps): shorter link.
    pub drop_created: bool,
    /// Replace likely secrets (tokens, passwords in build args, ENV, URLs) with
    /// `***` before they go into the link (see [`crate::core::redact`]).
    pub redact: bool,
}
