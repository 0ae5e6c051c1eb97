//! Chart data of a path (3 to 8 steps; two steps are the pair's data, see
//! [`super::svg::path_svg`]): what the chart shows, as plain numbers and
//! strings, computed from a [`PathComparison`] without any drawing; it
//! becomes the one [`super::model::Chart`] to be drawn.
//!
//! - One stacked column per step, oldest layer at the bottom, height ∝ size.
//!   The base block a [`crate::compare::path::BaseSpan`] shares is one
//!   segment in every column of the span; runs of tiny layers are grouped as
//!   in the pair chart.
//! - A segment's colour is its **origin**: the step its track first appears
//!   in. So a layer matched from step to step keeps its colour in every
//!   column, and what a step added stands out in that step's colour.
//! - [`PathBand`]s join a layer to the same layer in the next column, one
//!   set per neighbour comparison, with that comparison's status.
//! - The waterfall: the first total, one bar per step (its change to the
//!   previous step), the last total. Bar `k` of the changes stands for step
//!   `k` (the first bar is step 0's total, the last the last step's); a
//!   change bar's `rows` are the rows of `neighbours[k - 1]` that changed size.

use super::data::{bands_merge, waterfall_axis, Bar, BarKind, Grouping, SegmentKind};
use super::model::{status_word, ChartColumn};
use crate::compare::numbers::human_bytes;
use crate::compare::path::PathComparison;
use crate::compare::{Comparison, LayerRef, Status};
use crate::model::{History, LayerNumber};

/// A row of one neighbour comparison: `row` of `neighbours[pair]` (which
/// compares step `pair` with step `pair + 1`). The overlay writes it `pair:row`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PairRow {
    pub pair: usize,
    pub row: usize,
}

/// One block of a step's column.
#[derive(Debug, Clone, PartialEq)]
pub struct PathSegment {
    /// The step (column), from 0.
    pub step: usize,
    pub kind: SegmentKind,
    /// Layer indexes in the step's history, oldest first.
    pub layers: Vec<usize>,
    /// The rows that hold these layers: in the comparison with the previous
    /// step (as its after side) and with the next one (as its before side).
    pub rows: Vec<PairRow>,
    /// The step whose colour it has: where its (heaviest) layer first appears.
    pub origin: usize,
    /// Its layers first appear in this step (not in the first column).
    pub new_here: bool,
    /// Its layers are gone in the next step (not in the last column).
    pub gone_next: bool,
    /// The status towards the previous step (towards the next one in the
    /// first column); None when a group mixes several.
    pub status: Option<Status>,
    /// Bytes below this segment in its column, and its size.
    pub start: u64,
    pub bytes: u64,
    /// A full description for a tooltip / screen reader.
    pub title: String,
}

impl PathSegment {
    /// `data-status` value: the status word, or `mixed`.
    pub fn status_str(&self) -> &'static str {
        status_word(self.status)
    }
}

/// A ribbon from a layer in step `pair` to the same layer in step `pair + 1`.
#[derive(Debug, Clone, PartialEq)]
pub struct PathBand {
    pub pair: usize,
    /// Index into `PathChartData::segments` of each end.
    pub left_segment: usize,
    pub right_segment: usize,
    /// Byte range (bottom, top) in each column.
    pub left_span: (u64, u64),
    pub right_span: (u64, u64),
    /// The colour: the origin of the layer's track.
    pub origin: usize,
    pub status: Status,
    /// Rows of `neighbours[pair]`.
    pub rows: Vec<usize>,
}

/// The title of one column: the step's name and total (the one model's).
pub type PathColumn = ChartColumn;

/// Everything the path chart draws.
#[derive(Debug, Clone, PartialEq)]
pub struct PathChartData {
    pub title: String,
    pub columns: Vec<PathColumn>,
    /// First → last: `≈ −101 MB (−24 %)`.
    pub delta: String,
    /// The largest total (the scale's top), at least 1.
    pub max_bytes: u64,
    /// Every column's segments, column by column, each bottom up.
    pub segments: Vec<PathSegment>,
    pub bands: Vec<PathBand>,
    /// First total, one change per later step, last total.
    pub waterfall: Vec<Bar>,
    pub waterfall_axis: (u64, u64),
    /// Short description for `aria-label`.
    pub summary: String,
}

/// Builds the chart data of a path; `histories` are its steps, in order.
pub fn path_chart_data(p: &PathComparison, histories: &[&History]) -> PathChartData {
    let max_bytes = p
        .steps
        .iter()
        .map(|s| s.total.bytes)
        .max()
        .unwrap_or(0)
        .max(1);
    let grouping = Grouping::new(max_bytes);
    let sizes = sizes(histories);
    let mut segments = Vec::new();
    for k in 0..p.steps.len() {
        let step_sizes = sizes.get(k).map_or(&[][..], Vec::as_slice);
        segments.extend(step_segments(p, step_sizes, k, grouping));
    }
    let bands = bands(p, &segments, &sizes);
    let columns: Vec<PathColumn> = p
        .steps
        .iter()
        .enumerate()
        .map(|(k, s)| PathColumn {
            label: name(&s.label, k),
            total: s.total.approx(),
            total_bytes: s.total.bytes,
        })
        .collect();
    let waterfall = waterfall(p, &columns);
    let last = p.steps.len().saturating_sub(1);
    let delta = p.figures(last).to_first;
    let totals: Vec<String> = columns.iter().map(|c| c.total.clone()).collect();
    PathChartData {
        title: "Sum of layer sizes".to_string(),
        summary: format!(
            "Sum of layer sizes over {} steps: {}; change {}",
            columns.len(),
            totals.join(", "),
            delta
        ),
        delta,
        max_bytes,
        waterfall_axis: waterfall_axis(&waterfall),
        waterfall,
        columns,
        segments,
        bands,
    }
}

/// A step's name: its label, or `step N`.
fn name(label: &str, k: usize) -> String {
    if label.trim().is_empty() {
        format!("step {}", k + 1)
    } else {
        label.trim().to_string()
    }
}

/// The rows of `c` by layer index on one side: `rows[i]` holds layer `i`.
fn rows_by_layer(c: &Comparison, after: bool, n: usize) -> Vec<Option<usize>> {
    let mut out = vec![None; n];
    for (r, row) in c.rows.iter().enumerate() {
        let side = if after { &row.after } else { &row.before };
        if let Some(slot) = side.as_ref().and_then(|l| out.get_mut(l.index)) {
            *slot = Some(r);
        }
    }
    out
}

/// One layer of a step as the chart needs it.
struct StepLayer {
    index: usize,
    bytes: u64,
    rows: Vec<PairRow>,
    origin: usize,
    gone_next: bool,
    status: Option<Status>,
    reference: Option<LayerRef>,
}

fn step_layers(p: &PathComparison, k: usize, sizes: &[u64]) -> Vec<StepLayer> {
    let n = sizes.len();
    let previous = k.checked_sub(1).and_then(|q| p.neighbours.get(q));
    let next = p.neighbours.get(k);
    let from_previous = previous.map(|c| rows_by_layer(c, true, n));
    let to_next = next.map(|c| rows_by_layer(c, false, n));
    (0..n)
        .map(|i| {
            let before_row = from_previous
                .as_ref()
                .and_then(|m| m.get(i).copied().flatten());
            let after_row = to_next.as_ref().and_then(|m| m.get(i).copied().flatten());
            let prev = row_of(previous, before_row);
            let nxt = row_of(next, after_row);
            let track = p.track_of(k, i).and_then(|t| p.tracks.get(t.0));
            let reference = prev
                .and_then(|r| r.after.clone())
                .or_else(|| nxt.and_then(|r| r.before.clone()));
            let mut rows = Vec::new();
            if let (Some(q), Some(r)) = (k.checked_sub(1), before_row) {
                rows.push(PairRow { pair: q, row: r });
            }
            if let Some(r) = after_row {
                rows.push(PairRow { pair: k, row: r });
            }
            StepLayer {
                index: i,
                bytes: sizes.get(i).copied().unwrap_or(0),
                rows,
                origin: track.map_or(k, |t| t.first_step),
                gone_next: next.is_some() && track.is_some_and(|t| t.last_step == k),
                status: prev.or(nxt).map(|r| r.status),
                reference,
            }
        })
        .collect()
}

/// Step `k`'s column, bottom up: the base block its span shares, then a
/// segment per layer, runs of tiny layers grouped (as a pair's).
fn step_segments(p: &PathComparison, sizes: &[u64], k: usize, g: Grouping) -> Vec<PathSegment> {
    let layers = step_layers(p, k, sizes);
    let base_n = p.base_span_of(k).map_or(0, |s| s.layers).min(layers.len());
    let mut out: Vec<PathSegment> = Vec::new();
    let mut start = 0u64;
    // the heaviest layer of the segment being built (its colour)
    let mut heaviest = 0u64;
    for (pos, l) in layers.iter().enumerate() {
        let in_base = pos < base_n;
        let open = out.last_mut().filter(|last| {
            if in_base {
                last.kind == SegmentKind::Base
            } else {
                g.joins(l.bytes, last.kind, last.bytes)
            }
        });
        if let Some(last) = open {
            join_layer(last, l, &mut heaviest);
        } else {
            let kind = if in_base {
                SegmentKind::Base
            } else {
                SegmentKind::Layer
            };
            out.push(step_segment(l, k, start, kind));
            heaviest = l.bytes;
        }
        start = start.saturating_add(l.bytes);
    }
    for s in &mut out {
        s.title = segment_title(p, s, &layers);
    }
    out
}

/// A segment of step `k` holding layer `l` alone.
fn step_segment(l: &StepLayer, k: usize, start: u64, kind: SegmentKind) -> PathSegment {
    PathSegment {
        step: k,
        kind,
        layers: vec![l.index],
        rows: l.rows.clone(),
        origin: l.origin,
        new_here: k > 0 && l.origin == k,
        gone_next: l.gone_next,
        status: l.status,
        start,
        bytes: l.bytes,
        title: String::new(),
    }
}

/// Adds layer `l` to segment `last` (a group, or the base block); the
/// segment takes the colour of its heaviest layer.
fn join_layer(last: &mut PathSegment, l: &StepLayer, heaviest: &mut u64) {
    let k = last.step;
    if last.kind == SegmentKind::Layer {
        last.kind = SegmentKind::Group;
    }
    last.layers.push(l.index);
    last.rows.extend(l.rows.iter().copied());
    last.new_here &= k > 0 && l.origin == k;
    last.gone_next &= l.gone_next;
    if last.status != l.status {
        last.status = None;
    }
    if l.bytes > *heaviest {
        *heaviest = l.bytes;
        last.origin = l.origin;
    }
    last.bytes = last.bytes.saturating_add(l.bytes);
}

fn segment_title(p: &PathComparison, s: &PathSegment, layers: &[StepLayer]) -> String {
    let step = format!("step {}", s.step + 1);
    match s.kind {
        SegmentKind::Base => {
            let span = p.base_span_of(s.step);
            format!(
                "{step}: unchanged at the bottom (steps {}–{}): {} layers, {}",
                span.map_or(s.step, |x| x.first_step) + 1,
                span.map_or(s.step, |x| x.last_step) + 1,
                s.layers.len(),
                human_bytes(s.bytes)
            )
        }
        SegmentKind::Group => format!(
            "{step}: {} small layers, {} ({})",
            s.layers.len(),
            human_bytes(s.bytes),
            s.status_str()
        ),
        SegmentKind::Layer => {
            let what = s
                .layers
                .first()
                .and_then(|&i| layers.get(i))
                .and_then(|l| l.reference.as_ref())
                .map(|l| l.instruction.clone())
                .unwrap_or_default();
            let mut t = format!(
                "{step}: {what} · {} · {}",
                human_bytes(s.bytes),
                s.status_str()
            );
            let first = s.layers.first().copied();
            if let Some(n) = first.and_then(|i| LayerNumber::of_oldest_first(i, layers.len())) {
                t.push_str(&format!(" · {n}"));
            }
            if s.new_here {
                t.push_str(" · new in this step");
            }
            if s.gone_next {
                t.push_str(&format!(" · gone in step {}", s.step + 2));
            }
            t
        }
    }
}

/// Where a layer sits in its step's column.
#[derive(Clone, Copy)]
struct LayerSpot {
    /// The index of its segment.
    segment: usize,
    /// Its byte span in the column.
    span: (u64, u64),
}

/// Where each (step, layer) sits: its segment's index and byte span.
fn layer_places(
    p: &PathComparison,
    segments: &[PathSegment],
    sizes: &[Vec<u64>],
) -> Vec<Vec<Option<LayerSpot>>> {
    let mut at: Vec<Vec<Option<LayerSpot>>> =
        p.steps.iter().map(|s| vec![None; s.layers]).collect();
    for (idx, s) in segments.iter().enumerate() {
        let step_sizes = sizes.get(s.step);
        let mut y = s.start;
        for &i in &s.layers {
            let b = step_sizes.and_then(|v| v.get(i)).copied().unwrap_or(0);
            if let Some(slot) = at.get_mut(s.step).and_then(|v| v.get_mut(i)) {
                *slot = Some(LayerSpot {
                    segment: idx,
                    span: (y, y.saturating_add(b)),
                });
            }
            y = y.saturating_add(b);
        }
    }
    at
}

/// A band per row matched in both neighbours, pair by pair; rows of a
/// grouped block with the same status and colour share one.
fn bands(p: &PathComparison, segments: &[PathSegment], sizes: &[Vec<u64>]) -> Vec<PathBand> {
    let at = layer_places(p, segments, sizes);
    let place = |step: usize, i: usize| at.get(step).and_then(|v| v.get(i)).copied().flatten();
    let kind = |k: usize| segments.get(k).map(|s| s.kind);
    let mut out: Vec<PathBand> = Vec::new();
    for (pair, c) in p.neighbours.iter().enumerate() {
        for (r, row) in c.rows.iter().enumerate() {
            let (Some(b), Some(a)) = (&row.before, &row.after) else {
                continue;
            };
            let (Some(left), Some(right)) = (place(pair, b.index), place(pair + 1, a.index)) else {
                continue;
            };
            let (ls, lspan, rs, rspan) = (left.segment, left.span, right.segment, right.span);
            let origin = p
                .track_of(pair, b.index)
                .and_then(|t| p.tracks.get(t.0))
                .map_or(pair, |t| t.first_step);
            if let Some(last) = out.last_mut() {
                let same_ends =
                    last.pair == pair && last.left_segment == ls && last.right_segment == rs;
                let same_look = last.status == row.status && last.origin == origin;
                if same_ends && bands_merge(kind(ls), kind(rs)) && same_look {
                    last.left_span.1 = last.left_span.1.max(lspan.1);
                    last.right_span.1 = last.right_span.1.max(rspan.1);
                    last.rows.push(r);
                    continue;
                }
            }
            out.push(PathBand {
                pair,
                left_segment: ls,
                right_segment: rs,
                left_span: lspan,
                right_span: rspan,
                origin,
                status: row.status,
                rows: vec![r],
            });
        }
    }
    out
}

/// Row `r` of `c`, when both are there.
fn row_of(c: Option<&Comparison>, r: Option<usize>) -> Option<&crate::compare::Row> {
    c.zip(r).and_then(|(c, r)| c.rows.get(r))
}

/// Every step's layer sizes in bytes, oldest first.
fn sizes(histories: &[&History]) -> Vec<Vec<u64>> {
    histories
        .iter()
        .map(|h| {
            h.layers
                .iter()
                .rev()
                .map(|l| l.size.map_or(0, |s| s.bytes))
                .collect()
        })
        .collect()
}

fn waterfall(p: &PathComparison, columns: &[PathColumn]) -> Vec<Bar> {
    let total_bar = |kind: BarKind, k: usize| {
        let c = columns.get(k);
        Bar {
            kind,
            label: numbered(columns, k),
            value: c.map_or_else(String::new, |c| c.total.clone()),
            from: 0,
            to: c.map_or(0, |c| c.total_bytes),
            status: None,
            rows: Vec::new(),
        }
    };
    let mut bars = vec![total_bar(BarKind::Start, 0)];
    bars.extend((1..p.steps.len()).filter_map(|k| change_bar(p, columns, k)));
    bars.push(total_bar(BarKind::End, p.steps.len().saturating_sub(1)));
    bars
}

/// A step's waterfall label: its number, then its name (narrow columns
/// show only the number, so the waterfall says which is which).
fn numbered(columns: &[PathColumn], k: usize) -> String {
    let label = columns.get(k).map_or("", |c| c.label.as_str());
    format!("{} · {label}", k + 1)
}

/// The bar of step `k`'s change from step `k - 1`; its rows are the rows of
/// the neighbour comparison that make the change.
fn change_bar(p: &PathComparison, columns: &[PathColumn], k: usize) -> Option<Bar> {
    let d = p.steps.get(k)?.to_previous?;
    let kind = if d.within_rounding() {
        BarKind::Others
    } else if d.bytes < 0 {
        BarKind::Shrunk
    } else {
        BarKind::Grown
    };
    let rows = p.neighbours.get(k - 1).map_or_else(Vec::new, |c| {
        c.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.in_base && r.delta.bytes != 0)
            .map(|(r, _)| r)
            .collect()
    });
    let from = columns.get(k - 1).map_or(0, |c| c.total_bytes);
    Some(Bar {
        kind,
        label: format!("to {}", numbered(columns, k)),
        value: if d.bytes == 0 {
            "0 B".to_string()
        } else {
            d.short()
        },
        from,
        // a change within rounding is no change to draw: a flat bar, never
        // one as tall as the rounding happened to make it
        to: if d.within_rounding() {
            from
        } else {
            columns.get(k).map_or(0, |c| c.total_bytes)
        },
        status: None,
        rows,
    })
}
