//! The comparison of a path: 2 to 8 histories in order (a course's
//! optimisation path: the original, one RUN, a slim base, a multi-stage
//! build), as a [`PathComparison`].
//!
//! A path is not a new kind of alignment: each step is compared with the
//! next by [`compare`] exactly as a pair is (so the neighbours' tables and
//! figures are the ones a two-history comparison shows), and the path adds
//! what only a sequence has:
//!
//! - **Tracks**: a layer matched across consecutive steps keeps one
//!   [`TrackId`] from the step it first appears in until the step after
//!   which it is gone, so the chart can give it one colour in every column.
//!   A row of a neighbour comparison with both sides (same, resized, changed,
//!   moved) carries the track on; an added layer starts a new one. Because
//!   every layer of each side is in exactly one row, every layer of every
//!   step has exactly one track.
//! - **Figures per step**: the total, the change to the previous step (the
//!   neighbour comparison's own [`Delta`], so it reads as the pair does) and
//!   the change to the first step. Both are ranges ([`Delta`]): a change
//!   smaller than the rounding of the printed sizes is "≈ 0".
//! - **Base spans**: which consecutive steps share the base image block. A
//!   span is a maximal run of neighbours whose comparison found a shared
//!   base; the block drawn across the span is the part shared by *all* its
//!   steps: the fewest shared layers of its neighbours (the oldest layers of
//!   each step, identical from one step to the next, are identical through
//!   the span).

use super::numbers::{Delta, Total};
use super::{compare, Comparison, Row};
use crate::model::{History, Layer, Size};
use serde::Serialize;

/// The fewest histories a path holds.
pub const MIN_STEPS: usize = 2;
/// The most histories a path holds (the page's columns stay legible at 320 px).
pub const MAX_STEPS: usize = 8;

/// A layer's identity along the path (index into [`PathComparison::tracks`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct TrackId(pub usize);

/// One layer followed through consecutive steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Track {
    /// The step it first appears in (0 for the first step's layers).
    pub first_step: usize,
    /// The last step that still holds it.
    pub last_step: usize,
}

/// One history of the path with its figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// The history's label.
    pub label: String,
    /// Number of layers.
    pub layers: usize,
    /// Sum of layer sizes.
    pub total: Total,
    /// This total − the previous step's (None for the first step).
    pub to_previous: Option<Delta>,
    /// This total − the first step's (None for the first step).
    pub to_first: Option<Delta>,
    /// The track of each layer, oldest first.
    pub tracks: Vec<TrackId>,
}

/// Consecutive steps that share the base image block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BaseSpan {
    /// The first and last step of the span (`first_step < last_step`).
    pub first_step: usize,
    pub last_step: usize,
    /// Layers shared by every step of the span (the oldest ones).
    pub layers: usize,
    /// Their size (from the span's first step).
    pub total: Total,
}

impl BaseSpan {
    /// Whether the span covers `step`.
    pub fn covers(&self, step: usize) -> bool {
        (self.first_step..=self.last_step).contains(&step)
    }
}

/// 2 to 8 histories compared in order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathComparison {
    pub steps: Vec<Step>,
    /// `neighbours[k]` compares step `k` (before) with step `k + 1` (after).
    pub neighbours: Vec<Comparison>,
    pub tracks: Vec<Track>,
    /// Runs of steps sharing the base block, in step order, never overlapping.
    pub base_spans: Vec<BaseSpan>,
}

/// The figures of one step as the exports print them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepFigures {
    /// `≈ 417 MB`.
    pub total: String,
    /// `≈ −101 MB (−24 %)` relative to the previous total; `—` for the first step.
    pub to_previous: String,
    /// The same relative to the first total; `—` for the first step.
    pub to_first: String,
}

/// Why histories do not make a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathError {
    /// Fewer than [`MIN_STEPS`] histories (how many there were).
    TooFew(usize),
    /// More than [`MAX_STEPS`] histories (how many there were).
    TooMany(usize),
}

impl std::fmt::Display for PathError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PathError::TooFew(n) => {
                write!(f, "a path needs at least {MIN_STEPS} histories, found {n}")
            }
            PathError::TooMany(n) => {
                write!(f, "a path holds at most {MAX_STEPS} histories, found {n}")
            }
        }
    }
}

impl std::error::Error for PathError {}

impl PathComparison {
    /// The first step's total (0 for an empty path, which cannot be built).
    fn first_total(&self) -> Total {
        self.steps.first().map_or(Total::zero(), |s| s.total)
    }

    /// The figures of step `k` in words (`—` where there is nothing to compare with).
    pub fn figures(&self, k: usize) -> StepFigures {
        let Some(step) = self.steps.get(k) else {
            return StepFigures {
                total: String::new(),
                to_previous: String::new(),
                to_first: String::new(),
            };
        };
        let previous = k
            .checked_sub(1)
            .and_then(|p| self.steps.get(p))
            .map_or(0, |s| s.total.bytes);
        let dash = || "—".to_string();
        StepFigures {
            total: step.total.approx(),
            to_previous: step
                .to_previous
                .map_or_else(dash, |d| d.describe_approx(previous)),
            to_first: step
                .to_first
                .map_or_else(dash, |d| d.describe_approx(self.first_total().bytes)),
        }
    }

    /// One line: `≈ 417 MB → ≈ 350 MB → ≈ 316 MB: ≈ −101 MB (−24 %)`.
    pub fn headline(&self) -> String {
        let totals: Vec<String> = self.steps.iter().map(|s| s.total.approx()).collect();
        let last = self.steps.len().saturating_sub(1);
        format!("{}: {}", totals.join(" → "), self.figures(last).to_first)
    }

    /// The base span that covers `step`, if any.
    pub fn base_span_of(&self, step: usize) -> Option<&BaseSpan> {
        self.base_spans.iter().find(|s| s.covers(step))
    }

    /// The track of layer `layer` (oldest first) of step `step`.
    pub fn track_of(&self, step: usize, layer: usize) -> Option<TrackId> {
        self.steps.get(step)?.tracks.get(layer).copied()
    }
}

/// Compares `histories` in order: each with the next, then tracks, figures
/// and base spans. Never panics; 0, 1 or more than 8 histories are an error.
pub fn compare_path(histories: &[&History]) -> Result<PathComparison, PathError> {
    let n = histories.len();
    if n < MIN_STEPS {
        return Err(PathError::TooFew(n));
    }
    if n > MAX_STEPS {
        return Err(PathError::TooMany(n));
    }
    let neighbours: Vec<Comparison> = histories
        .windows(2)
        .filter_map(|w| Some(compare(w.first()?, w.get(1)?)))
        .collect();
    let (step_tracks, tracks) = follow_tracks(histories, &neighbours);
    let base_spans = base_spans(histories, &neighbours);
    let oldest_first = |h: &History| -> Vec<Layer> { h.layers.iter().rev().cloned().collect() };
    let first_layers = histories
        .first()
        .map(|h| oldest_first(h))
        .unwrap_or_default();
    let first_total = total_of(&first_layers);
    let steps = histories
        .iter()
        .zip(step_tracks)
        .enumerate()
        .map(|(k, (h, tracks))| {
            let layers = oldest_first(h);
            let total = total_of(&layers);
            let to_previous = k
                .checked_sub(1)
                .and_then(|p| neighbours.get(p))
                .map(|c| c.delta);
            let to_first = match k {
                0 => None,
                // the pair's own figure, with its cancelled base rounding
                1 => neighbours.first().map(|c| c.delta),
                _ => {
                    let shared = base_spans
                        .iter()
                        .find(|s| s.first_step == 0 && s.covers(k))
                        .map_or(0, |s| s.layers);
                    Some(delta_sharing(
                        &first_layers,
                        &layers,
                        shared,
                        first_total,
                        total,
                    ))
                }
            };
            Step {
                label: h.label.clone(),
                layers: layers.len(),
                total,
                to_previous,
                to_first,
                tracks,
            }
        })
        .collect();
    Ok(PathComparison {
        steps,
        neighbours,
        tracks,
        base_spans,
    })
}

fn total_of(layers: &[Layer]) -> Total {
    layers.iter().fold(Total::zero(), |t, l| t.add_size(l.size))
}

/// `after − before` where the oldest `shared` layers are the same layers in
/// both: those printed alike add no rounding (as in [`compare`]'s delta).
fn delta_sharing(
    before: &[Layer],
    after: &[Layer],
    shared: usize,
    before_total: Total,
    after_total: Total,
) -> Delta {
    let alike = |k: usize| -> Option<Size> {
        let (b, a) = (before.get(k)?, after.get(k)?);
        (b.size == a.size).then_some(b.size).flatten()
    };
    let cancelled = (0..shared).filter_map(alike).fold(0u64, |t, s| {
        t.saturating_add(Total::of(Some(s)).tolerance())
    });
    let raw = Delta::between(before_total, after_total);
    Delta {
        tolerance: raw.tolerance.saturating_sub(cancelled.saturating_mul(2)),
        ..raw
    }
}

/// The track of every layer of every step (oldest first), and the tracks.
fn follow_tracks(
    histories: &[&History],
    neighbours: &[Comparison],
) -> (Vec<Vec<TrackId>>, Vec<Track>) {
    let mut tracks: Vec<Track> = Vec::new();
    let mut per_step: Vec<Vec<Option<TrackId>>> = histories
        .iter()
        .map(|h| vec![None; h.layers.len()])
        .collect();
    let start = |step: usize, tracks: &mut Vec<Track>| {
        tracks.push(Track {
            first_step: step,
            last_step: step,
        });
        TrackId(tracks.len() - 1)
    };
    if let Some(first) = per_step.first_mut() {
        for slot in first.iter_mut() {
            *slot = Some(start(0, &mut tracks));
        }
    }
    for (k, c) in neighbours.iter().enumerate() {
        for row in &c.rows {
            let carried = carried_track(row, per_step.get(k));
            let Some(after) = &row.after else { continue };
            let id = match carried {
                Some(id) => {
                    if let Some(t) = tracks.get_mut(id.0) {
                        t.last_step = k + 1;
                    }
                    id
                }
                None => start(k + 1, &mut tracks),
            };
            if let Some(slot) = per_step.get_mut(k + 1).and_then(|s| s.get_mut(after.index)) {
                *slot = Some(id);
            }
        }
    }
    // every layer is in exactly one row; a gap would be a bug in `compare`,
    // and still gets a track of its own rather than a panic
    let mut out = Vec::with_capacity(per_step.len());
    for (k, step) in per_step.into_iter().enumerate() {
        let ids = step
            .into_iter()
            .map(|slot| slot.unwrap_or_else(|| start(k, &mut tracks)))
            .collect();
        out.push(ids);
    }
    (out, tracks)
}

/// The before layer's track, when the row matches a before layer to an after one.
fn carried_track(row: &Row, before_step: Option<&Vec<Option<TrackId>>>) -> Option<TrackId> {
    let before = row.before.as_ref()?;
    row.after.as_ref()?;
    before_step?.get(before.index).copied().flatten()
}

/// Maximal runs of neighbours that share a base block.
fn base_spans(histories: &[&History], neighbours: &[Comparison]) -> Vec<BaseSpan> {
    let mut spans: Vec<BaseSpan> = Vec::new();
    for (k, c) in neighbours.iter().enumerate() {
        if c.base.layers == 0 {
            continue;
        }
        match spans.last_mut() {
            Some(span) if span.last_step == k => {
                span.last_step = k + 1;
                span.layers = span.layers.min(c.base.layers);
            }
            _ => spans.push(BaseSpan {
                first_step: k,
                last_step: k + 1,
                layers: c.base.layers,
                total: Total::zero(),
            }),
        }
    }
    for span in &mut spans {
        let oldest = histories
            .get(span.first_step)
            .map(|h| h.layers.iter().rev().take(span.layers));
        span.total = oldest
            .into_iter()
            .flatten()
            .fold(Total::zero(), |t, l| t.add_size(l.size));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::labelled as h;

    const ROOT: (&str, u64) = ("/bin/sh -c #(nop) ADD file:aaaa in / ", 80);
    const CMD: (&str, u64) = ("/bin/sh -c #(nop)  CMD [\"bash\"]", 0);

    #[test]
    fn fewer_than_two_or_more_than_eight_is_an_error_that_says_so() {
        let one = h("a", &[ROOT]);
        assert_eq!(compare_path(&[]), Err(PathError::TooFew(0)));
        assert_eq!(compare_path(&[&one]), Err(PathError::TooFew(1)));
        let nine = [&one; 9];
        let err = compare_path(&nine).expect_err("nine steps");
        assert_eq!(err, PathError::TooMany(9));
        assert_eq!(err.to_string(), "a path holds at most 8 histories, found 9");
        assert!(compare_path(&[&one; 8]).is_ok());
    }

    #[test]
    fn two_steps_are_the_pair_comparison() {
        let a = h(
            "a",
            &[ROOT, CMD, ("/bin/sh -c apt-get install -y curl", 30)],
        );
        let b = h("b", &[ROOT, CMD, ("/bin/sh -c apk add curl", 5)]);
        let p = compare_path(&[&a, &b]).expect("a path");
        let pair = compare(&a, &b);
        assert_eq!(p.neighbours, vec![pair.clone()]);
        let second = p.steps.get(1).expect("two steps");
        assert_eq!(second.to_previous, Some(pair.delta));
        assert_eq!(second.to_first, Some(pair.delta));
        assert_eq!(p.steps.first().map(|s| s.to_previous), Some(None));
        assert_eq!(
            p.base_spans,
            vec![BaseSpan {
                first_step: 0,
                last_step: 1,
                layers: 2,
                total: Total::of(Some(Size {
                    bytes: 80,
                    tolerance: 0,
                    exact: true
                })),
            }]
        );
    }

    #[test]
    fn a_matched_layer_keeps_its_track_and_an_added_one_starts_a_new_one() {
        let a = h("a", &[ROOT, ("/bin/sh -c npm install", 300), CMD]);
        // npm install resized, a build step added
        let b = h(
            "b",
            &[
                ROOT,
                ("/bin/sh -c npm install", 200),
                ("/bin/sh -c npm run build", 8),
                CMD,
            ],
        );
        // the build step removed, npm install kept
        let c = h("c", &[ROOT, ("/bin/sh -c npm install", 200), CMD]);
        let p = compare_path(&[&a, &b, &c]).expect("a path");
        let tracks: Vec<Vec<usize>> = p
            .steps
            .iter()
            .map(|s| s.tracks.iter().map(|t| t.0).collect())
            .collect();
        assert_eq!(tracks, vec![vec![0, 1, 2], vec![0, 1, 3, 2], vec![0, 1, 2]]);
        assert_eq!(
            p.tracks.get(3),
            Some(&Track {
                first_step: 1,
                last_step: 1
            })
        );
        assert_eq!(
            p.tracks.first(),
            Some(&Track {
                first_step: 0,
                last_step: 2
            })
        );
        assert_eq!(p.track_of(2, 1), Some(TrackId(1)));
    }

    #[test]
    fn figures_go_to_the_previous_and_to_the_first_step() {
        let a = h("a", &[ROOT, ("/bin/sh -c npm install", 300)]);
        let b = h("b", &[ROOT, ("/bin/sh -c npm install", 200)]);
        let c = h("c", &[ROOT, ("/bin/sh -c npm ci --omit=dev", 20)]);
        let p = compare_path(&[&a, &b, &c]).expect("a path");
        let deltas: Vec<(Option<i64>, Option<i64>)> = p
            .steps
            .iter()
            .map(|s| (s.to_previous.map(|d| d.bytes), s.to_first.map(|d| d.bytes)))
            .collect();
        assert_eq!(
            deltas,
            vec![
                (None, None),
                (Some(-100), Some(-100)),
                (Some(-180), Some(-280))
            ]
        );
        let f = p.figures(2);
        assert_eq!(
            (
                f.total.as_str(),
                f.to_previous.as_str(),
                f.to_first.as_str()
            ),
            ("100 B", "−180 B (−64 %)", "−280 B (−74 %)")
        );
        assert_eq!(p.figures(0).to_first, "—");
        assert_eq!(p.headline(), "380 B → 280 B → 100 B: −280 B (−74 %)");
    }

    fn rounded(bytes: u64, tolerance: u64) -> Option<Size> {
        Some(Size {
            bytes,
            tolerance,
            exact: false,
        })
    }

    #[test]
    fn a_base_printed_alike_adds_no_rounding_to_the_change_to_the_first_step() {
        let mut a = h("a", &[ROOT, ("/bin/sh -c make", 50)]);
        let mut b = h("b", &[ROOT, ("/bin/sh -c make", 50)]);
        let mut c = h("c", &[ROOT, ("/bin/sh -c make", 49)]);
        for x in [&mut a, &mut b, &mut c] {
            // printed as `80MB` (±0.5 MB) and the make step as ±0.05 MB
            if let Some(root) = x.layers.last_mut() {
                root.size = rounded(80_000_000, 500_000);
            }
            if let Some(top) = x.layers.first_mut() {
                let bytes = top.size.map_or(0, |s| s.bytes) * 1_000_000;
                top.size = rounded(bytes, 50_000);
            }
        }
        let p = compare_path(&[&a, &b, &c]).expect("a path");
        let last = p.steps.get(2).and_then(|s| s.to_first).expect("a change");
        // only the make steps' rounding remains: 2 × 0.05 MB
        assert_eq!((last.bytes, last.tolerance), (-1_000_000, 100_000));
        assert!(!last.within_rounding());
    }

    #[test]
    fn base_spans_cover_the_steps_that_share_a_base_and_break_where_it_changes() {
        let other_root = ("/bin/sh -c #(nop) ADD file:bbbb in / ", 5);
        let a = h("a", &[ROOT, CMD, ("/bin/sh -c make", 50)]);
        let b = h("b", &[ROOT, CMD, ("/bin/sh -c make small", 20)]);
        let c = h("c", &[ROOT, ("/bin/sh -c make small", 20)]);
        let d = h("d", &[other_root, ("/bin/sh -c make small", 20)]);
        let e = h("e", &[other_root, ("/bin/sh -c make tiny", 2)]);
        let p = compare_path(&[&a, &b, &c, &d, &e]).expect("a path");
        let spans: Vec<(usize, usize, usize)> = p
            .base_spans
            .iter()
            .map(|s| (s.first_step, s.last_step, s.layers))
            .collect();
        // a–b share ROOT+CMD, b–c only ROOT: one span of ROOT over a, b, c
        assert_eq!(spans, vec![(0, 2, 1), (3, 4, 1)]);
        assert_eq!(p.base_span_of(1).map(|s| s.total.bytes), Some(80));
        assert!(p.base_span_of(3).is_some_and(|s| s.total.bytes == 5));
    }
}
