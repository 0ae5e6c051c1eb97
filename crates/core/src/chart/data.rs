//! Chart data of a pair: what the chart of a comparison shows, as plain
//! numbers and strings, computed from a [`Comparison`] without any drawing;
//! it becomes the one [`super::model::Chart`] (two columns) to be drawn.
//! The rules a path's columns share (when tiny layers group, when bands
//! merge, the waterfall's axis) are here too.
//!
//! - Two stacked columns (before | after), one [`Segment`] per layer, oldest at
//!   the bottom, height ∝ size. The shared base image is one segment; runs of
//!   tiny layers (< 0.5 % of the larger total, so under ~2 px) are grouped into
//!   one segment so labels stay legible. Every segment keeps the row and layer
//!   indexes it stands for, so the UI can map a hover back to the table.
//! - [`Band`]s join a before layer to its after layer across the gap.
//! - The biggest segments get a label (short instruction and size).
//! - A waterfall ([`Bar`]s): before total → one bar per change (removed,
//!   shrunk, grown, added; small ones grouped) → after total. The bars add up
//!   exactly, because every layer is in exactly one row.

use super::model::status_word;
use crate::compare::numbers::{human_bytes, Total};
use crate::compare::{Comparison, Status};
use crate::model::{History, LayerNumber};
use crate::order::{order_of, sort_by_rank, Rank};
use crate::text::cut_end;

/// Which column a segment stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Before,
    After,
}

impl Column {
    /// `before` / `after` (the `data-side` value).
    pub fn as_str(self) -> &'static str {
        match self {
            Column::Before => "before",
            Column::After => "after",
        }
    }
}

/// What a segment stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    /// One layer.
    Layer,
    /// A run of tiny layers, drawn as one.
    Group,
    /// The shared base image block.
    Base,
}

/// One block of a column.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub column: Column,
    pub kind: SegmentKind,
    /// Indexes into `Comparison::rows`.
    pub rows: Vec<usize>,
    /// Layer indexes in this column's history, oldest first from 0.
    pub layers: Vec<usize>,
    /// The rows' status, or None when a group mixes several.
    pub status: Option<Status>,
    /// The status holding the most bytes (a mixed group is drawn in its colour).
    pub dominant: Status,
    /// Bytes below this segment in its column.
    pub start: u64,
    /// Size of the segment.
    pub bytes: u64,
    /// The label to print next to it, for the biggest segments.
    pub label: Option<String>,
    /// A full description for a tooltip / screen reader (with when the layer
    /// was created, when the history says).
    pub title: String,
}

impl Segment {
    /// `data-status` value: the status word, or `mixed`.
    pub fn status_str(&self) -> &'static str {
        status_word(self.status)
    }
}

/// A ribbon from a layer in the before column to the same step in the after column.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Index into `ChartData::segments` of each end.
    pub before_segment: usize,
    pub after_segment: usize,
    /// Byte range (bottom, top) in each column.
    pub before_span: (u64, u64),
    pub after_span: (u64, u64),
    pub status: Status,
    pub rows: Vec<usize>,
}

/// What a waterfall bar shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarKind {
    /// The before total (a full bar from 0).
    Start,
    Removed,
    Shrunk,
    Grown,
    Added,
    /// Small changes grouped (net).
    Others,
    /// The after total (a full bar from 0).
    End,
}

impl BarKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BarKind::Start => "start",
            BarKind::Removed => "removed",
            BarKind::Shrunk => "shrunk",
            BarKind::Grown => "grown",
            BarKind::Added => "added",
            BarKind::Others => "others",
            BarKind::End => "end",
        }
    }
}

/// One bar of the waterfall: the running total goes from `from` to `to`.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub kind: BarKind,
    /// The instruction (full; the renderer shortens it), `before`, `after`, `12 small changes`.
    pub label: String,
    /// The change (`to − from`), in words: `−93.9 MB`.
    pub value: String,
    pub from: u64,
    pub to: u64,
    /// The status colour to use (None for totals and mixed groups).
    pub status: Option<Status>,
    /// Indexes into `Comparison::rows`.
    pub rows: Vec<usize>,
}

/// Everything the chart draws.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    /// `Sum of layer sizes`.
    pub title: String,
    pub before_label: String,
    pub after_label: String,
    /// `≈ 417 MB`.
    pub before_total: String,
    pub after_total: String,
    /// `≈ −101 MB (−24 %)`.
    pub delta: String,
    /// The larger of the two totals (the scale's top), at least 1.
    pub max_bytes: u64,
    /// Both columns' segments: before ones first, each column bottom up.
    pub segments: Vec<Segment>,
    pub bands: Vec<Band>,
    pub waterfall: Vec<Bar>,
    /// The waterfall axis range in bytes; a start above 0 means the total bars
    /// are drawn cut (with a break mark).
    pub waterfall_axis: (u64, u64),
    /// Short description for `aria-label`.
    pub summary: String,
}

impl ChartData {
    /// The segments of one column, bottom up.
    pub fn column(&self, c: Column) -> impl Iterator<Item = &Segment> {
        self.segments.iter().filter(move |s| s.column == c)
    }
}

/// Share of the larger total under which a layer is grouped with its neighbours.
const TINY: f64 = 0.005;
/// A group of tiny layers closes at this many times the tiny size (~8 px), so
/// that hundreds of small layers stay a readable stack, not one block.
const GROUP_MAX_TINIES: u64 = 4;
/// Share of the larger total from which a segment gets a label.
const LABELLED: f64 = 0.04;
/// Share of the larger total from which a changed (not `same`) layer gets a label.
const LABELLED_CHANGE: f64 = 0.015;
/// Most labels per column.
const MAX_LABELS: usize = 7;
/// Share of all the bytes that changed (divided by [`MAX_BARS`]) under which a
/// change joins "small changes"; beyond that only the biggest [`MAX_BARS`] stay.
const SMALL_CHANGE: f64 = 0.05;
/// When every running total of the waterfall lies within this share of the
/// largest, its axis starts near them instead of at 0 (drawn with a break).
const ZOOM_BELOW: f64 = 0.25;
/// Most individual waterfall bars.
const MAX_BARS: usize = 10;

/// When a tiny layer joins the segment below it: one rule for every column
/// of a pair and of a path.
#[derive(Debug, Clone, Copy)]
pub(super) struct Grouping {
    tiny: u64,
    /// A group of tiny layers closes at this size.
    group_max: u64,
}

impl Grouping {
    /// The rule for a chart whose largest total is `max_bytes`.
    pub(super) fn new(max_bytes: u64) -> Grouping {
        let tiny = (max_bytes as f64 * TINY) as u64;
        Grouping {
            tiny,
            group_max: tiny.saturating_mul(GROUP_MAX_TINIES),
        }
    }

    /// Whether a layer of `bytes` joins a segment of `kind` holding `below`
    /// bytes: both are tiny; a group stays small itself, closing once it
    /// could be drawn and labelled on its own.
    pub(super) fn joins(&self, bytes: u64, kind: SegmentKind, below: u64) -> bool {
        bytes <= self.tiny
            && match kind {
                SegmentKind::Group => below < self.group_max,
                SegmentKind::Layer => below <= self.tiny,
                SegmentKind::Base => false,
            }
    }
}

/// Whether a band joins the one before it with the same ends: bands out of
/// the base block, or between two groups, are drawn as one.
pub(super) fn bands_merge(left: Option<SegmentKind>, right: Option<SegmentKind>) -> bool {
    left == Some(SegmentKind::Base)
        || (left == Some(SegmentKind::Group) && right == Some(SegmentKind::Group))
}

/// Builds the chart data of a comparison of `before` → `after`.
pub fn chart_data(c: &Comparison, before: &History, after: &History) -> ChartData {
    let max_bytes = c.before.total.bytes.max(c.after.total.bytes).max(1);
    let grouping = Grouping::new(max_bytes);

    let mut segments = Vec::new();
    for column in [Column::Before, Column::After] {
        let history = match column {
            Column::Before => before,
            Column::After => after,
        };
        let mut segs = column_segments(c, column, grouping);
        add_layer_facts(&mut segs, history);
        segments.extend(segs);
    }
    label_biggest(&mut segments, max_bytes);
    let bands = bands(c, &segments);
    let waterfall = waterfall(c);
    let waterfall_axis = waterfall_axis(&waterfall);
    let name = |l: &str, d: &str| {
        if l.trim().is_empty() {
            d.to_string()
        } else {
            l.trim().to_string()
        }
    };
    let delta = c.delta.describe_approx(c.before.total.bytes);
    ChartData {
        title: "Sum of layer sizes".to_string(),
        before_label: name(&c.before.label, "before"),
        after_label: name(&c.after.label, "after"),
        before_total: c.before.total.approx(),
        after_total: c.after.total.approx(),
        summary: format!(
            "Sum of layer sizes: before {}, after {}, change {}",
            c.before.total.approx(),
            c.after.total.approx(),
            delta
        ),
        delta,
        max_bytes,
        segments,
        bands,
        waterfall,
        waterfall_axis,
    }
}

/// The byte range the waterfall's axis spans: from 0, or — when all running
/// totals are close together — from just below the smallest (a broken axis).
pub(crate) fn waterfall_axis(bars: &[Bar]) -> (u64, u64) {
    let values = bars.iter().flat_map(|b| {
        let ends = [b.from, b.to];
        let totals = matches!(b.kind, BarKind::Start | BarKind::End);
        ends.into_iter().filter(move |&v| !(totals && v == 0))
    });
    let (lo, hi) = values.fold((u64::MAX, 0u64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if hi == 0 || lo > hi {
        return (0, hi.max(1));
    }
    let spread = hi - lo;
    if (spread as f64) < ZOOM_BELOW * hi as f64 {
        let pad = (spread / 6).max(1);
        (lo.saturating_sub(pad), hi.saturating_add(pad))
    } else {
        (0, hi)
    }
}

/// The layer of row `r` in `column`: (layer index, bytes).
fn layer_of(c: &Comparison, r: usize, column: Column) -> Option<(usize, u64)> {
    let row = c.rows.get(r)?;
    let l = match column {
        Column::Before => row.before.as_ref()?,
        Column::After => row.after.as_ref()?,
    };
    Some((l.index, l.bytes()))
}

/// One column's segments, bottom up: the shared base image as one block,
/// then a segment per layer, runs of tiny layers grouped.
fn column_segments(c: &Comparison, column: Column, grouping: Grouping) -> Vec<Segment> {
    let by_layer = column_layers(c, column);
    let base_n = c.base.layers;
    let (base_rows, rest): (Vec<_>, Vec<_>) = by_layer
        .iter()
        .partition(|(i, r, _)| *i < base_n && c.rows.get(*r).is_some_and(|row| row.in_base));
    let mut stack = Stack {
        column,
        grouping,
        out: Vec::new(),
        start: 0,
        weights: [0; 6],
    };
    if !base_rows.is_empty() {
        let base = base_segment(c, column, &base_rows);
        stack.start = base.bytes;
        stack.out.push(base);
    }
    for &(i, r, b) in rest {
        stack.push(i, r, b, c.rows.get(r).map(|row| row.status));
    }
    let mut out = stack.out;
    for s in out.iter_mut() {
        if s.kind != SegmentKind::Base {
            s.title = segment_title(c, s);
        }
    }
    out
}

/// The rows of `column`'s layers in layer order: (layer index, row, bytes).
fn column_layers(c: &Comparison, column: Column) -> Vec<(usize, usize, u64)> {
    let mut by_layer: Vec<(usize, usize, u64)> = (0..c.rows.len())
        .filter_map(|r| layer_of(c, r, column).map(|(i, b)| (i, r, b)))
        .collect();
    // layer and row indexes fit 32 bits (parse::limits caps a history far below)
    sort_by_rank(&mut by_layer, |&(i, r, b)| {
        Rank::new()
            .then(i as u64, 32)
            .then(r as u64, 32)
            .then(b, 64)
            .get()
    });
    by_layer
}

/// The shared base image's block, from its (layer, row, bytes).
fn base_segment(c: &Comparison, column: Column, rows: &[&(usize, usize, u64)]) -> Segment {
    Segment {
        dominant: Status::Same,
        column,
        kind: SegmentKind::Base,
        rows: rows.iter().map(|x| x.1).collect(),
        layers: rows.iter().map(|x| x.0).collect(),
        status: Some(Status::Same),
        start: 0,
        bytes: rows.iter().fold(0u64, |a, x| a.saturating_add(x.2)),
        label: None,
        title: format!(
            "unchanged at the bottom: {} layers, {}",
            rows.len(),
            c.base.total.approx()
        ),
    }
}

/// A column being stacked bottom up.
struct Stack {
    column: Column,
    grouping: Grouping,
    out: Vec<Segment>,
    /// Bytes stacked so far.
    start: u64,
    /// Bytes per status in the last segment (to find a group's dominant status).
    weights: [u64; 6],
}

impl Stack {
    /// Stacks layer `i` (row `r`, `b` bytes): onto the last segment when both
    /// are tiny, else as a segment of its own.
    fn push(&mut self, i: usize, r: usize, b: u64, status: Option<Status>) {
        if !self.join_last(i, r, b, status) {
            self.weights = [0u64; 6];
            if let Some(st) = status {
                bump(&mut self.weights, st, b);
            }
            self.out.push(Segment {
                dominant: status.unwrap_or(Status::Same),
                column: self.column,
                kind: SegmentKind::Layer,
                rows: vec![r],
                layers: vec![i],
                status,
                start: self.start,
                bytes: b,
                label: None,
                title: String::new(),
            });
        }
        self.start = self.start.saturating_add(b);
    }

    /// Adds the layer to the last segment if [`Grouping::joins`] says so;
    /// says whether it did.
    fn join_last(&mut self, i: usize, r: usize, b: u64, status: Option<Status>) -> bool {
        let grouping = self.grouping;
        let Some(last) = self
            .out
            .last_mut()
            .filter(|last| grouping.joins(b, last.kind, last.bytes))
        else {
            return false;
        };
        last.kind = SegmentKind::Group;
        last.rows.push(r);
        last.layers.push(i);
        if last.status != status {
            last.status = None;
        }
        if let Some(st) = status {
            bump(&mut self.weights, st, b);
            last.dominant = heaviest(&self.weights);
        }
        last.bytes = last.bytes.saturating_add(b);
        true
    }
}

fn bump(w: &mut [u64; 6], s: Status, bytes: u64) {
    if let Some(k) = Status::ALL.iter().position(|x| *x == s) {
        if let Some(slot) = w.get_mut(k) {
            // count every layer at least a little, so a group of 0 B layers has a colour
            *slot = slot.saturating_add(bytes.max(1));
        }
    }
}

fn heaviest(w: &[u64; 6]) -> Status {
    let mut best = (0u64, Status::Same);
    for (k, &v) in w.iter().enumerate() {
        if v > best.0 {
            best = (v, Status::ALL.get(k).copied().unwrap_or(Status::Same));
        }
    }
    best.1
}

fn instruction_of(c: &Comparison, r: usize, column: Column) -> String {
    c.rows
        .get(r)
        .and_then(|row| match column {
            Column::Before => row.before.as_ref(),
            Column::After => row.after.as_ref(),
        })
        .map(|l| l.instruction.clone())
        .unwrap_or_default()
}

/// Appends a single layer's number (`· layer 5`, [`LayerNumber`]) and
/// when it was made (`· created 3 days ago`) to its title, from the history
/// (whose layers are newest first; segment indexes are oldest first).
fn add_layer_facts(segments: &mut [Segment], history: &History) {
    let n = history.layers.len();
    for s in segments.iter_mut().filter(|s| s.kind == SegmentKind::Layer) {
        let printed = s.layers.first().and_then(|&i| n.checked_sub(i + 1));
        if let Some(p) = printed {
            s.title
                .push_str(&format!(" · {}", LayerNumber::of_printed(p)));
        }
        let created = printed
            .and_then(|k| history.layers.get(k))
            .and_then(|l| l.created.as_deref())
            .map(str::trim)
            .filter(|t| !t.is_empty());
        if let Some(t) = created {
            s.title.push_str(&format!(" · created {t}"));
        }
    }
}

fn segment_title(c: &Comparison, s: &Segment) -> String {
    match s.kind {
        SegmentKind::Group => format!(
            "{} small layers, {} ({})",
            s.rows.len(),
            human_bytes(s.bytes),
            s.status_str()
        ),
        _ => {
            let r = s.rows.first().copied().unwrap_or(0);
            let mut t = format!(
                "{} · {} · {}",
                instruction_of(c, r, s.column),
                human_bytes(s.bytes),
                s.status_str()
            );
            if let Some(row) = c.rows.get(r) {
                if row.before.is_some() && row.after.is_some() && row.delta.bytes != 0 {
                    t.push_str(&format!(" ({})", row.delta.short()));
                }
            }
            t
        }
    }
}

fn label_biggest(segments: &mut [Segment], max_bytes: u64) {
    let min = ((max_bytes as f64 * LABELLED) as u64).max(1);
    let min_change = ((max_bytes as f64 * LABELLED_CHANGE) as u64).max(1);
    let changed =
        |s: &Segment| s.kind == SegmentKind::Layer && s.status.is_some_and(|st| st != Status::Same);
    for column in [Column::Before, Column::After] {
        let mut idx: Vec<usize> = (0..segments.len())
            .filter(|&k| {
                segments.get(k).is_some_and(|s| {
                    s.column == column && (s.bytes >= min || (changed(s) && s.bytes >= min_change))
                })
            })
            .collect();
        // the biggest first, but a changed layer before an unchanged one of similar size
        sort_by_rank(&mut idx, |&k| {
            let weight = segments.get(k).map_or(0, |s| {
                if changed(s) {
                    s.bytes.saturating_mul(2)
                } else {
                    s.bytes
                }
            });
            Rank::new().then_desc(weight, 64).get()
        });
        for k in idx.into_iter().take(MAX_LABELS) {
            if let Some(s) = segments.get_mut(k) {
                let what = match s.kind {
                    SegmentKind::Base => format!("base image ({} layers)", s.layers.len()),
                    SegmentKind::Group => format!("{} small layers", s.layers.len()),
                    SegmentKind::Layer => cut_end(s.title.split(" · ").next().unwrap_or(""), 30),
                };
                s.label = Some(format!("{what}\n{}", human_bytes(s.bytes)));
            }
        }
    }
}

/// Where each row sits in each column: its segment and byte span.
type RowPlaces = [Vec<Option<(usize, (u64, u64))>>; 2];

fn row_places(c: &Comparison, segments: &[Segment]) -> RowPlaces {
    let mut at: RowPlaces = [vec![None; c.rows.len()], vec![None; c.rows.len()]];
    for (k, s) in segments.iter().enumerate() {
        let mut y = s.start;
        let table = match s.column {
            Column::Before => &mut at[0],
            Column::After => &mut at[1],
        };
        for &r in &s.rows {
            let b = layer_of(c, r, s.column).map_or(0, |x| x.1);
            if let Some(slot) = table.get_mut(r) {
                *slot = Some((k, (y, y.saturating_add(b))));
            }
            y = y.saturating_add(b);
        }
    }
    at
}

/// A band per row in both columns; rows of a grouped block share one.
fn bands(c: &Comparison, segments: &[Segment]) -> Vec<Band> {
    let [at_before, at_after] = row_places(c, segments);
    let kind = |k: usize| segments.get(k).map(|s| s.kind);
    let mut out: Vec<Band> = Vec::new();
    for (r, row) in c.rows.iter().enumerate() {
        let (Some(Some((bs, bspan))), Some(Some((as_, aspan)))) =
            (at_before.get(r), at_after.get(r))
        else {
            continue;
        };
        if let Some(last) = out.last_mut() {
            let same_ends = last.before_segment == *bs && last.after_segment == *as_;
            if same_ends && bands_merge(kind(*bs), kind(*as_)) && last.status == row.status {
                last.before_span.1 = last.before_span.1.max(bspan.1);
                last.after_span.1 = last.after_span.1.max(aspan.1);
                last.rows.push(r);
                continue;
            }
        }
        out.push(Band {
            before_segment: *bs,
            after_segment: *as_,
            before_span: *bspan,
            after_span: *aspan,
            status: row.status,
            rows: vec![r],
        });
    }
    out
}

/// Before total → one bar per change (removed, shrunk, grown, added; the
/// biggest first within each) → the small ones as one bar → after total.
fn waterfall(c: &Comparison) -> Vec<Bar> {
    let (changes, others) = changes(c);
    let mut bars = vec![total_bar(BarKind::Start, "before", c.before.total)];
    let mut running = c.before.total.bytes;
    for (kind, r, d) in changes {
        let row = c.rows.get(r);
        let label = row
            .and_then(|row| row.after.as_ref().or(row.before.as_ref()))
            .map(|l| l.instruction.clone())
            .unwrap_or_default();
        let to = step(running, d);
        bars.push(Bar {
            kind,
            label,
            value: row.map_or(String::new(), |row| row.delta.short()),
            from: running,
            to,
            status: row.map(|row| row.status),
            rows: vec![r],
        });
        running = to;
    }
    if !others.is_empty() {
        bars.push(others_bar(c, &others, running));
    }
    bars.push(total_bar(BarKind::End, "after", c.after.total));
    bars
}

/// A change of a waterfall: its kind, row and bytes.
type Change = (BarKind, usize, i64);

/// The changes that get a bar each, in drawing order, and the small ones
/// (row, bytes) that share one.
fn changes(c: &Comparison) -> (Vec<Change>, Vec<(usize, i64)>) {
    // "small" is relative to how much moved in total, so that a comparison whose
    // changes are all small next to the image still shows them one by one
    let movement = c
        .rows
        .iter()
        .filter(|r| !r.in_base && !r.delta.within_rounding())
        .fold(0u64, |a, r| a.saturating_add(r.delta.bytes.unsigned_abs()));
    let small = (movement as f64 * SMALL_CHANGE / MAX_BARS as f64) as u64;
    let mut changes: Vec<Change> = Vec::new();
    let mut others: Vec<(usize, i64)> = Vec::new();
    for (r, row) in c.rows.iter().enumerate() {
        let d = row.delta.bytes;
        if row.in_base || d == 0 {
            continue;
        }
        if row.delta.within_rounding() || d.unsigned_abs() < small.max(1) {
            others.push((r, d));
            continue;
        }
        let kind = match row.status {
            Status::Removed => BarKind::Removed,
            Status::Added => BarKind::Added,
            _ if d < 0 => BarKind::Shrunk,
            _ => BarKind::Grown,
        };
        changes.push((kind, r, d));
    }
    let order = |k: BarKind| match k {
        BarKind::Removed => 0,
        BarKind::Shrunk => 1,
        BarKind::Grown => 2,
        BarKind::Added => 3,
        _ => 4,
    };
    sort_by_rank(&mut changes, |&(k, _, d)| {
        Rank::new()
            .then(order(k), 3)
            .then_desc(d.unsigned_abs(), 64)
            .get()
    });
    if changes.len() > MAX_BARS {
        changes = keep_biggest(changes, &mut others);
    }
    (changes, others)
}

/// The [`MAX_BARS`] biggest `changes`, in their order; the rest join `others`.
fn keep_biggest(changes: Vec<Change>, others: &mut Vec<(usize, i64)>) -> Vec<Change> {
    let by_size: Vec<u128> = changes
        .iter()
        .map(|x| Rank::new().then_desc(x.2.unsigned_abs(), 64).get())
        .collect();
    let keep: Vec<usize> = order_of(&by_size).into_iter().take(MAX_BARS).collect();
    let mut kept = Vec::new();
    for (k, ch) in changes.into_iter().enumerate() {
        if keep.contains(&k) {
            kept.push(ch);
        } else {
            others.push((ch.1, ch.2));
        }
    }
    kept
}

/// The running total after a change of `d` bytes.
fn step(running: u64, d: i64) -> u64 {
    if d < 0 {
        running.saturating_sub(d.unsigned_abs())
    } else {
        running.saturating_add(d.unsigned_abs())
    }
}

/// A total's bar: a full bar from 0.
fn total_bar(kind: BarKind, label: &str, total: Total) -> Bar {
    Bar {
        kind,
        label: label.to_string(),
        value: total.approx(),
        from: 0,
        to: total.bytes,
        status: None,
        rows: Vec::new(),
    }
}

/// The small changes `others` (row, bytes) as one bar from `running`: their
/// net change, `≈ 0` when it is within their rounding.
fn others_bar(c: &Comparison, others: &[(usize, i64)], running: u64) -> Bar {
    let net: i64 = others.iter().fold(0i64, |a, x| a.saturating_add(x.1));
    let tol = others
        .iter()
        .filter_map(|x| c.rows.get(x.0))
        .fold(0u64, |a, row| a.saturating_add(row.delta.tolerance));
    let value = if net.unsigned_abs() <= tol {
        "≈ 0".to_string()
    } else {
        let sign = if net < 0 { "−" } else { "+" };
        format!("{sign}{}", human_bytes(net.unsigned_abs()))
    };
    Bar {
        kind: BarKind::Others,
        label: if others.len() == 1 {
            "1 small change".to_string()
        } else {
            format!("{} small changes", others.len())
        },
        value,
        from: running,
        to: step(running, net),
        status: None,
        rows: others.iter().map(|x| x.0).collect(),
    }
}
