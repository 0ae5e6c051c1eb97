//! What the panes are, as one plain value: [`ShareState`] (the steps in
//! order and the view). It is the one snapshot of the user's work: the page
//! saves it locally, packs it into the share link and reads it back from the
//! address bar (`crate::app` makes it from the page state and back).
//! [`SharedPair`] is what a version 1 link holds (exactly two panes), and
//! [`EncodeOptions`] are the choices that make a link shorter or safer.
//!
//! These are plain data; the codec (`codec.rs`) turns them into a URL
//! fragment and back.

use serde::{Deserialize, Serialize};

/// The user's work: 2 to 8 steps in order (the panes), and how the comparison
/// is shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareState {
    /// The panes in order: the first is the oldest image of the path.
    pub steps: Vec<SharedPane>,
    /// How the comparison is shown.
    pub view: ViewOptions,
    /// The two steps the comparison shows, when not the first two (links of
    /// version 2 carry it; older saves have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compared: Option<StepPair>,
}

/// Two steps by position (0 = the first step): the older image, then the newer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepPair {
    pub left: usize,
    pub right: usize,
}

impl ShareState {
    /// The two panes of a version 1 link, when there are exactly two steps,
    /// the first is compared with the second, and the view says nothing v1
    /// cannot (see [`ViewOptions::fits_v1`]).
    pub fn pair(&self) -> Option<SharedPair> {
        let in_order =
            self.compared.is_none_or(|p| (p.left, p.right) == (0, 1)) && self.view.fits_v1();
        match self.steps.as_slice() {
            _ if !in_order => None,
            [before, after] => Some(SharedPair {
                before: before.clone(),
                after: after.clone(),
                view: self.view,
            }),
            _ => None,
        }
    }

    /// The same work as a read-only view (figures and chart; the findings
    /// and the aligned table when asked), without a presenting slide: what
    /// an embed link packs.
    pub fn as_embed(&self, findings: bool, table: bool) -> ShareState {
        let mut view = self.clone();
        view.view.embed = Some(Embed { findings, table });
        // A view shows no slides: a link made while presenting opens (and
        // "Open in layerdiff" opens) the work, not the slide.
        view.view.slide = None;
        view
    }

    /// The same work in the full editor: the read-only view's "Open in
    /// layerdiff" link.
    pub fn as_editor(&self) -> ShareState {
        let mut editor = self.clone();
        editor.view.embed = None;
        editor
    }

    /// Whether there is anything in it worth keeping (some pane holds text).
    pub fn is_blank(&self) -> bool {
        self.steps.iter().all(|s| s.text.trim().is_empty())
    }

    /// The bytes of text of all panes together.
    pub fn text_bytes(&self) -> usize {
        self.steps.iter().map(|s| s.text.len()).sum()
    }
}

impl From<SharedPair> for ShareState {
    fn from(pair: SharedPair) -> Self {
        ShareState {
            steps: vec![pair.before, pair.after],
            view: pair.view,
            compared: None,
        }
    }
}

/// What a version 1 link holds: both panes and how they are shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SharedPair {
    /// The left pane: the image before the change.
    pub before: SharedPane,
    /// The right pane: the image after the change.
    pub after: SharedPane,
    /// How the comparison is shown.
    pub view: ViewOptions,
}

/// One pane (a step): the text the user pasted and which history in it is compared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewOptions {
    /// Rows ordered by how much they changed, biggest change first, instead of build order.
    pub sort_by_delta: bool,
    /// The layers both images share (the base image) folded into one row.
    pub base_collapsed: bool,
    /// The read-only view (for a frame in another page): figures and chart,
    /// no panes; `None` is the editor. Version 2 links only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub embed: Option<Embed>,
    /// The colour scheme the link fixes; `None` follows the viewer's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<Theme>,
    /// Presenting, at this slide (0 = the totals; see `crate::present`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slide: Option<usize>,
    /// The layer a link points at, highlighted and scrolled to on opening.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub focus: Option<LayerAt>,
}

impl ViewOptions {
    /// Whether a version 1 link can say all of it (sorting and folding only).
    pub fn fits_v1(&self) -> bool {
        self.embed.is_none() && self.theme.is_none() && self.slide.is_none() && self.focus.is_none()
    }
}

/// What the read-only view shows besides the figures and the chart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Embed {
    /// The insights panel.
    pub findings: bool,
    /// The aligned table.
    pub table: bool,
}

/// A colour scheme a link can fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Light,
    Dark,
}

/// A layer of one step: the step's position, and the layer's position in
/// that step's compared history as printed (0 = the newest, the top row).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerAt {
    pub step: usize,
    pub layer: usize,
}

/// Choices made when creating a link. The default keeps everything.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncodeOptions {
    /// Leave out image ids: shorter link, nothing that identifies a local image.
    pub drop_ids: bool,
    /// Leave out the CREATED column (`3 days ago`, timestamps): shorter link.
    pub drop_created: bool,
    /// Replace likely secrets (tokens, passwords in build args, ENV, URLs) with
    /// `***` before they go into the link (see [`crate::redact`]).
    pub redact: bool,
}
