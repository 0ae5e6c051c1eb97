//! Compares two histories the way a person does: layer by layer, by what each
//! layer *is*, into a [`Comparison`].
//!
//! Pasted histories defeat the usual ways of matching layers: ids are mostly
//! `<missing>`, and one inserted layer shifts every later position. So the
//! comparison normalises each CREATED BY cell into a [`key::LayerKey`], aligns the
//! two lists oldest first with [`align::align`], and gives every row a
//! [`Status`]. The run of identical oldest rows is the shared base image;
//! sizes are summed with their rounding ranges ([`numbers`]).
//!
//! - `key`: CREATED BY → what the step is.
//! - `align`: which layer is which (weighted LCS, moved, edited).
//! - `numbers`: totals and deltas that respect rounding; human strings.
//! - `table`: a row's words, for the page, the CLI and the reports.
//! - `path`: 2 to 8 histories in order (neighbours compared, tracks, figures
//!   per step, base spans) as a [`path::PathComparison`].
//!
//! Their text, Markdown and JSON are written a floor above, by
//! [`crate::report`] (which also writes the insights).

pub mod align;
pub mod key;
pub mod numbers;
pub mod path;
pub mod table;

use crate::instruction::Keyword;
use crate::model::{History, Layer, Size};
use crate::order;
use crate::text::{cut_end, short_id};
use align::{align, How, Pairing};
use key::{same_layout, LayerKey};
use numbers::{Delta, Total};
use serde::Serialize;

/// What happened to one step between the two images.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The same step, the same size within rounding.
    Same,
    /// The same step with another size.
    Resized,
    /// The same step, edited (more packages on the `apt-get` line, another `WORKDIR`).
    Changed,
    /// The same step at another place.
    Moved,
    /// Only in the before image.
    Removed,
    /// Only in the after image.
    Added,
}

impl Status {
    /// Every status, in legend order.
    pub const ALL: [Status; 6] = [
        Status::Same,
        Status::Resized,
        Status::Changed,
        Status::Moved,
        Status::Removed,
        Status::Added,
    ];

    /// The word used in JSON, tables and `data-status`: `same`, `resized`, ….
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Same => "same",
            Status::Resized => "resized",
            Status::Changed => "changed",
            Status::Moved => "moved",
            Status::Removed => "removed",
            Status::Added => "added",
        }
    }

    /// A one-character cue that does not rely on colour: `=`, `↕`, `✎`, `⇅`, `−`, `+`.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Same => "=",
            Status::Resized => "↕",
            Status::Changed => "✎",
            Status::Moved => "⇅",
            Status::Removed => "−",
            Status::Added => "+",
        }
    }
}

/// One layer as the comparison shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerRef {
    /// Position in its history, counted oldest first from 0.
    pub index: usize,
    /// The CREATED BY cell as parsed.
    pub created_by: String,
    /// Whether the cell was cut short when printed.
    pub truncated: bool,
    /// The step, normalised and short (`RUN apt-get update && …`, `CMD [npm start]`).
    pub instruction: String,
    /// The printed size, if any.
    pub size: Option<Size>,
}

impl LayerRef {
    fn new(index: usize, layer: &Layer, key: &LayerKey) -> LayerRef {
        LayerRef {
            index,
            created_by: layer.created_by.clone(),
            truncated: key.truncated,
            instruction: if key.truncated {
                format!("{}…", key.display())
            } else {
                key.display()
            },
            size: layer.size,
        }
    }

    /// The printed size in bytes (0 when the row had none).
    pub fn bytes(&self) -> u64 {
        self.size.map_or(0, |s| s.bytes)
    }
}

/// One row of the aligned comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// What happened to the step.
    pub status: Status,
    /// The layer in the before image, if any.
    pub before: Option<LayerRef>,
    /// The layer in the after image, if any.
    pub after: Option<LayerRef>,
    /// True for rows of the shared base image block.
    pub in_base: bool,
    /// after − before for this step, with rounding.
    pub delta: Delta,
}

/// One image's side of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// The history's label.
    pub label: String,
    /// Number of layers (history rows).
    pub layers: usize,
    /// Sum of layer sizes.
    pub total: Total,
    /// Sum of the layers above the shared base ("your layers").
    pub yours: Total,
}

/// The shared base image block, and whether the base itself changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Base {
    /// Number of identical oldest layers.
    pub layers: usize,
    /// Their size (taken from the before image).
    pub total: Total,
    /// True when the base image differs between the two (another `FROM`).
    pub changed: bool,
    /// Why `changed` is true: words for the user around pasted parts
    /// (`to_string()` for plain text, [`BaseChange::describe`] to quote them).
    pub reason: Option<BaseChange>,
    /// The base image of each side, when the text names it (podman `FROM …`
    /// comments, the image id of a legacy-builder base).
    pub before_image: Option<String>,
    pub after_image: Option<String>,
}

/// Why the base image is said to differ. Image names and instructions are
/// pasted text, so they are kept apart from the words: each export quotes
/// them its own way ([`BaseChange::describe`]); `Display` and the JSON
/// `reason` give the plain sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BaseChange {
    /// Both histories name their base image, and the names differ.
    Renamed {
        before: String,
        after: String,
        shared: usize,
        /// The first row above the shared layers (absent when none are shared).
        first: Option<FirstDifference>,
    },
    /// Both start with a root filesystem, and the oldest layers differ.
    OtherRoot { first: FirstDifference },
    /// The text shows where a base image ends, above the shared layers.
    DiffersAbove {
        shared: usize,
        first: FirstDifference,
    },
}

/// The first row that differs: each side's short instruction, `None` where
/// that side has no layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstDifference {
    pub before: Option<String>,
    pub after: Option<String>,
}

impl FirstDifference {
    fn describe(&self, quote: &dyn Fn(&str) -> String) -> String {
        let side = |x: &Option<String>| x.as_deref().map_or("—".to_string(), quote);
        format!("{} → {}", side(&self.before), side(&self.after))
    }
}

impl BaseChange {
    /// The sentence, with every pasted part passed through `quote` (the
    /// identity for plain text, a code span for Markdown).
    pub fn describe(&self, quote: &dyn Fn(&str) -> String) -> String {
        match self {
            BaseChange::Renamed {
                before,
                after,
                first: Some(first),
                shared: shared @ 1..,
            } => format!(
                "base image {} → {}: {} shared, then {}",
                quote(before),
                quote(after),
                oldest_layers(*shared),
                first.describe(quote)
            ),
            BaseChange::Renamed {
                before,
                after,
                shared: 0,
                ..
            } => format!(
                "base image {} → {}: no layer in common",
                quote(before),
                quote(after)
            ),
            BaseChange::Renamed { before, after, .. } => format!(
                "base image {} → {}: every layer shared",
                quote(before),
                quote(after)
            ),
            BaseChange::OtherRoot { first } => format!(
                "the oldest layers differ ({}): a different base image",
                first.describe(quote)
            ),
            BaseChange::DiffersAbove { shared: 0, first } => format!(
                "the base images differ from the oldest layer on: {}",
                first.describe(quote)
            ),
            BaseChange::DiffersAbove { shared, first } => format!(
                "the base image differs above its {}: {}",
                shared_layers(*shared),
                first.describe(quote)
            ),
        }
    }
}

fn oldest_layers(n: usize) -> String {
    if n == 1 {
        "the oldest layer".to_string()
    } else {
        format!("{n} oldest layers")
    }
}

fn shared_layers(n: usize) -> String {
    if n == 1 {
        "1 shared layer".to_string()
    } else {
        format!("{n} shared layers")
    }
}

impl std::fmt::Display for BaseChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(&|s| s.to_string()))
    }
}

/// Serialised as its plain sentence (the JSON `reason` is a string).
impl Serialize for BaseChange {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Two histories aligned, oldest first, with totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub before: Side,
    pub after: Side,
    pub base: Base,
    /// after total − before total.
    pub delta: Delta,
    /// The aligned rows, oldest first.
    pub rows: Vec<Row>,
}

/// Orders for the aligned table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    /// Oldest first, as aligned.
    Position,
    /// Biggest saving first (most negative Δ), then biggest growth last.
    DeltaAscending,
    /// Biggest growth first.
    DeltaDescending,
    /// Biggest change either way first.
    Magnitude,
}

impl Comparison {
    /// Row indexes in the requested order (stable: ties keep their position).
    pub fn row_order(&self, by: SortBy) -> Vec<usize> {
        let rank = |r: &Row| match by {
            SortBy::Position => 0,
            SortBy::DeltaAscending => order::signed(r.delta.bytes),
            SortBy::DeltaDescending => u64::MAX - order::signed(r.delta.bytes),
            SortBy::Magnitude => u64::MAX - r.delta.bytes.unsigned_abs(),
        };
        let ranks: Vec<u128> = self.rows.iter().map(|r| u128::from(rank(r))).collect();
        order::order_of(&ranks)
    }

    /// How many rows have each status, in [`Status::ALL`] order (zeros kept).
    pub fn counts(&self) -> Vec<(Status, usize)> {
        Status::ALL
            .iter()
            .map(|&s| (s, self.rows.iter().filter(|r| r.status == s).count()))
            .collect()
    }

    /// One line: `≈ 417 MB → ≈ 316 MB: ≈ −101 MB (−24 %)`.
    pub fn headline(&self) -> String {
        format!(
            "{} → {}: {}",
            self.before.total.approx(),
            self.after.total.approx(),
            self.delta.describe_approx(self.before.total.bytes)
        )
    }
}

/// Compares two histories (before → after). Never panics.
pub fn compare(before: &History, after: &History) -> Comparison {
    let b = Keyed::of(before);
    let a = Keyed::of(after);
    let pairings = align(&b.keys, &b.bytes(), &a.keys, &a.bytes());
    let mut rows: Vec<Row> = pairings.iter().map(|p| row(p, &b, &a)).collect();
    let (shared, base_total) = mark_shared_base(&mut rows);
    let before_side = b.side(&before.label, shared);
    let after_side = a.side(&after.label, shared);
    let base = describe_base(shared, base_total, &b.layers, &a.layers, &rows);
    let delta = Delta {
        tolerance: rounding_tolerance(&rows),
        ..Delta::between(before_side.total, after_side.total)
    };
    Comparison {
        delta,
        before: before_side,
        after: after_side,
        base,
        rows,
    }
}

/// One history's layers, oldest first, each with its key.
struct Keyed<'a> {
    layers: Vec<&'a Layer>,
    keys: Vec<LayerKey>,
}

impl<'a> Keyed<'a> {
    fn of(history: &'a History) -> Keyed<'a> {
        let layers: Vec<&Layer> = history.layers.iter().rev().collect();
        let keys = layers
            .iter()
            .map(|l| LayerKey::new(&l.created_by, l.truncated))
            .collect();
        Keyed { layers, keys }
    }

    /// Each layer's printed size in bytes (0 when the row had none).
    fn bytes(&self) -> Vec<u64> {
        self.layers
            .iter()
            .map(|l| l.size.map_or(0, |s| s.bytes))
            .collect()
    }

    /// Layer `i` as the comparison shows it.
    fn layer_ref(&self, i: usize) -> Option<LayerRef> {
        Some(LayerRef::new(i, self.layers.get(i)?, self.keys.get(i)?))
    }

    /// This image's side: its totals, all layers and those above the
    /// `shared` base layers.
    fn side(&self, label: &str, shared: usize) -> Side {
        let sum = |ls: &[&Layer]| ls.iter().fold(Total::zero(), |t, l| t.add_size(l.size));
        Side {
            label: label.to_string(),
            layers: self.layers.len(),
            total: sum(&self.layers),
            yours: sum(self.layers.get(shared..).unwrap_or(&[])),
        }
    }
}

/// The row of one pairing of the alignment.
fn row(pairing: &Pairing, b: &Keyed<'_>, a: &Keyed<'_>) -> Row {
    let before = pairing.before.and_then(|i| b.layer_ref(i));
    let after = pairing.after.and_then(|j| a.layer_ref(j));
    let bk = pairing.before.and_then(|i| b.keys.get(i));
    let ak = pairing.after.and_then(|j| a.keys.get(j));
    let size = |side: &Option<LayerRef>| side.as_ref().and_then(|r| r.size);
    let (sb, sa) = (size(&before), size(&after));
    let status = match (pairing.how, bk, ak) {
        (How::Moved, _, _) => Status::Moved,
        (How::Edited, _, _) => Status::Changed,
        (How::Aligned, Some(kb), Some(ka)) => {
            if sizes_overlap(sb, sa) {
                Status::Same
            } else if same_layout(kb, ka) {
                Status::Resized
            } else {
                Status::Changed
            }
        }
        (_, Some(_), None) => Status::Removed,
        (_, None, Some(_)) => Status::Added,
        _ => Status::Same,
    };
    Row {
        status,
        before,
        after,
        in_base: false,
        delta: Delta::between(Total::of(sb), Total::of(sa)),
    }
}

/// Marks the shared base: identical rows at identical positions from the
/// bottom. Returns how many, and their size (the before image's).
fn mark_shared_base(rows: &mut [Row]) -> (usize, Total) {
    let shared = rows
        .iter()
        .enumerate()
        .take_while(|(k, r)| {
            r.status == Status::Same
                && r.before.as_ref().map(|x| x.index) == Some(*k)
                && r.after.as_ref().map(|x| x.index) == Some(*k)
        })
        .count();
    let mut total = Total::zero();
    for r in rows.iter_mut().take(shared) {
        r.in_base = true;
        total = total.add_size(r.before.as_ref().and_then(|x| x.size));
    }
    (shared, total)
}

/// How far the total difference can be off through rounding.
///
/// A base row is the same layer on both sides: printed the same way, its
/// rounding cancels out of the difference; printed differently (plain bytes
/// vs `70.8MB`), the difference between the prints is rounding. Other rows
/// carry the tolerance of both their sizes.
fn rounding_tolerance(rows: &[Row]) -> u64 {
    rows.iter().fold(0u64, |acc, r| {
        let printed_alike =
            r.in_base && r.before.as_ref().map(|l| l.size) == r.after.as_ref().map(|l| l.size);
        if printed_alike {
            acc
        } else {
            acc.saturating_add(r.delta.tolerance)
        }
    })
}

/// Whether two printed sizes can be the same size (a missing size can be anything).
fn sizes_overlap(a: Option<Size>, b: Option<Size>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.low() <= b.high() && b.low() <= a.high(),
        _ => true,
    }
}

/// Where the base image ends in one history (oldest first), as far as the text tells:
/// `(layers in the base image, its name or id)`.
fn base_hint(layers: &[&Layer]) -> Option<(usize, Option<String>)> {
    // podman: the first layer of the user's build has COMMENT `FROM <parent>`;
    // the first such row naming an image (not a hex id) ends the base.
    for (k, l) in layers.iter().enumerate() {
        if let Some(parent) = l.comment.trim().strip_prefix("FROM ") {
            let parent = parent.trim();
            if !parent.is_empty() && !parent.chars().all(|c| c.is_ascii_hexdigit()) {
                let name = parent
                    .strip_prefix("docker.io/library/")
                    .or_else(|| parent.strip_prefix("docker.io/"))
                    .unwrap_or(parent);
                return Some((k, Some(name.to_string())));
            }
        }
    }
    // legacy builder: pulled base rows are <missing> except the base image's own
    // top row; every locally built row above it has an id.
    let missing = layers.iter().take_while(|l| l.id.is_none()).count();
    let rest = layers.get(missing..).unwrap_or(&[]);
    if missing >= 1 && rest.len() >= 2 && rest.iter().all(|l| l.id.is_some()) {
        let id = rest
            .first()
            .and_then(|l| l.id.clone())
            .map(|s| short_id(&s));
        return Some((missing + 1, id));
    }
    None
}

fn describe_base(shared: usize, total: Total, b: &[&Layer], a: &[&Layer], rows: &[Row]) -> Base {
    let hb = base_hint(b);
    let ha = base_hint(a);
    let before_image = hb.as_ref().and_then(|h| h.1.clone());
    let after_image = ha.as_ref().and_then(|h| h.1.clone());
    let first_difference = rows.get(shared).map(|r| {
        let side = |x: &Option<LayerRef>| x.as_ref().map(|l| cut_end(&l.instruction, 40));
        FirstDifference {
            before: side(&r.before),
            after: side(&r.after),
        }
    });
    let mut reason = None;
    if let (Some(x), Some(y)) = (&before_image, &after_image) {
        if x != y {
            reason = Some(BaseChange::Renamed {
                before: x.clone(),
                after: y.clone(),
                shared,
                first: first_difference.clone(),
            });
        }
    }
    // Only a root filesystem row at the bottom of both says "this is where the
    // base image starts"; a cut or filtered paste (`| grep RUN`) says nothing.
    let rootfs_at_bottom = |ls: &[&Layer]| ls.first().is_some_and(|l| is_rootfs(l));
    if reason.is_none() && shared == 0 && rootfs_at_bottom(b) && rootfs_at_bottom(a) {
        if let Some(first) = first_difference.clone() {
            reason = Some(BaseChange::OtherRoot { first });
        }
    }
    if reason.is_none() {
        let extent = hb
            .as_ref()
            .map_or(0, |h| h.0)
            .max(ha.as_ref().map_or(0, |h| h.0));
        if extent > shared && shared < b.len().min(a.len()) {
            if let Some(first) = first_difference {
                reason = Some(BaseChange::DiffersAbove { shared, first });
            }
        }
    }
    Base {
        layers: shared,
        total,
        changed: reason.is_some(),
        reason,
        before_image,
        after_image,
    }
}

/// Whether a row is what base images start with: a root filesystem added from
/// a file (`ADD file:…`, `ADD rootfs.tar.xz /`), an import (empty CREATED BY,
/// `Imported from -`), or a builder's own record (`# debian.sh …`, `umoci …`).
pub(crate) fn is_rootfs(l: &Layer) -> bool {
    let k = LayerKey::new(&l.created_by, l.truncated);
    match k.keyword {
        Keyword::Add => true,
        Keyword::Other => true,
        _ => l.comment.contains("Imported from"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::history;

    #[test]
    fn another_root_filesystem_is_another_base_image() {
        // node:16 → node:16-alpine: nothing in common from the bottom row on
        let before = history(&[
            ("/bin/sh -c #(nop) ADD file:aaaa in / ", 80),
            ("/bin/sh -c #(nop)  CMD [\"bash\"]", 0),
            ("/bin/sh -c npm ci", 50),
        ]);
        let after = history(&[
            ("/bin/sh -c #(nop) ADD file:bbbb in / ", 5),
            ("/bin/sh -c #(nop)  CMD [\"/bin/sh\"]", 0),
            ("/bin/sh -c npm ci", 50),
        ]);
        let c = compare(&before, &after);
        assert_eq!(c.base.layers, 0);
        assert!(c.base.changed);
        let reason = c.base.reason.map(|r| r.to_string()).unwrap_or_default();
        assert!(
            reason
                .starts_with("the oldest layers differ (ADD file:aaaa in / → ADD file:bbbb in /)"),
            "{reason}"
        );
    }

    #[test]
    fn a_base_that_shares_nothing_is_said_plainly() {
        // legacy builder before: the pulled base is <missing>, then ids
        let mut before = history(&[
            ("/bin/sh -c echo base", 10),
            ("/bin/sh -c echo one", 1),
            ("/bin/sh -c echo two", 2),
        ]);
        for (k, l) in before.layers.iter_mut().take(2).enumerate() {
            l.id = Some(format!("aaaaaaaaaaa{k}"));
        }
        let after = history(&[("/bin/sh -c echo other", 10), ("/bin/sh -c echo two", 2)]);
        let c = compare(&before, &after);
        assert_eq!(c.base.layers, 0);
        let reason = c.base.reason.expect("a reason");
        assert_eq!(
            reason.to_string(),
            "the base images differ from the oldest layer on: RUN echo base → RUN echo other"
        );
        assert_eq!(
            reason.describe(&|s| format!("[{s}]")),
            "the base images differ from the oldest layer on: [RUN echo base] → [RUN echo other]"
        );
    }

    #[test]
    fn a_filtered_paste_claims_nothing_about_the_base() {
        let before = history(&[
            ("RUN /bin/sh -c npm install # buildkit", 300),
            ("RUN /bin/sh -c npm run build # buildkit", 8),
        ]);
        let after = history(&[("RUN /bin/sh -c npm ci # buildkit", 200)]);
        let c = compare(&before, &after);
        assert_eq!(
            (c.base.layers, c.base.changed, c.base.reason),
            (0, false, None)
        );
    }

    #[test]
    fn the_same_base_under_new_layers_is_one_block() {
        let base = [
            ("/bin/sh -c #(nop) ADD file:aaaa in / ", 80),
            ("/bin/sh -c #(nop)  CMD [\"bash\"]", 0),
        ];
        let before = history(&[base[0], base[1], ("/bin/sh -c apt-get install -y curl", 30)]);
        let after = history(&[
            base[0],
            base[1],
            ("/bin/sh -c apt-get install -y curl nodejs", 60),
        ]);
        let c = compare(&before, &after);
        assert_eq!(
            (c.base.layers, c.base.total.bytes, c.base.changed),
            (2, 80, false)
        );
        assert!(c.rows.iter().take(2).all(|r| r.in_base));
        assert_eq!(c.rows.get(2).map(|r| r.status), Some(Status::Changed));
        assert_eq!((c.before.yours.bytes, c.after.yours.bytes), (30, 60));
        assert_eq!(c.delta.describe(c.before.total.bytes), "+30 B (+27 %)");
    }
}
