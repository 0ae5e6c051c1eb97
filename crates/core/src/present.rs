//! Presenting a comparison in class: the order in which a teacher walks
//! through it, one slide at a time. First the totals, then every change in
//! order of bytes (biggest first, whichever way it went), then the summary.
//! The page shows a slide large, highlights its row in the chart and the
//! table, and keeps the slide's number in the link; the keys move by one.
//!
//! A change is a row whose status is not `same`, or whose size moved beyond
//! rounding. Rows of the shared base that stayed the same are never slides:
//! they are what did not change. Each change slide has one line of our words
//! around the step's short instruction (kept apart, as [`Slide::Change`]'s
//! `step`, so an export can quote it).

use crate::compare::{Comparison, Row, Status};
use crate::order::{sort_by_rank, Rank};

/// One slide of a presentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slide {
    /// Both totals and the difference.
    Totals,
    /// One changed row (its index in `Comparison::rows`), with its words.
    Change {
        row: usize,
        /// The step's short instruction, as the table shows it.
        step: String,
        /// Our words: `removed: −57.7 MB`, `resized: 120 MB → 40.1 MB (−79.9 MB)`.
        what: String,
    },
    /// Where the difference came from, in one sentence.
    Summary,
}

/// The slides of `c`, in the order they are shown.
pub fn slides(c: &Comparison) -> Vec<Slide> {
    let mut changed: Vec<(usize, &Row)> = c
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| is_change(r))
        .collect();
    sort_by_rank(&mut changed, |(k, r)| {
        Rank::new()
            .then_desc(r.delta.bytes.unsigned_abs(), 64)
            .then(*k as u64, 32)
            .get()
    });
    let mut out = vec![Slide::Totals];
    out.extend(changed.into_iter().map(|(row, r)| Slide::Change {
        row,
        step: step_of(r),
        what: what_of(r),
    }));
    out.push(Slide::Summary);
    out
}

/// The summary slide's sentence: how many changes, the difference in all,
/// and the biggest change alone, e.g. `5 changes, −101 MB (−24 %) in all;
/// the biggest alone is −93.9 MB.`
pub fn summary(c: &Comparison) -> String {
    let biggest = c
        .rows
        .iter()
        .filter(|r| is_change(r))
        .max_by_key(|r| r.delta.bytes.unsigned_abs());
    let n = c.rows.iter().filter(|r| is_change(r)).count();
    let total = c.delta.describe_approx(c.before.total.bytes);
    match (n, biggest) {
        (0, _) | (_, None) => "Nothing changed between the two images.".to_string(),
        (1, _) => format!("One change, {total} in all."),
        (n, Some(b)) => format!(
            "{n} changes, {total} in all; the biggest alone is {}.",
            b.delta.describe_approx(c.before.total.bytes)
        ),
    }
}

fn is_change(r: &Row) -> bool {
    r.status != Status::Same || !r.delta.within_rounding()
}

fn step_of(r: &Row) -> String {
    r.after
        .as_ref()
        .or(r.before.as_ref())
        .map(|l| l.instruction.clone())
        .unwrap_or_default()
}

fn what_of(r: &Row) -> String {
    let size = |l: &Option<crate::compare::LayerRef>| {
        crate::compare::numbers::human_bytes(l.as_ref().map_or(0, |l| l.bytes()))
    };
    let delta = r.delta.short();
    let sizes = format!("{} → {} ({delta})", size(&r.before), size(&r.after));
    match (r.status, delta.is_empty()) {
        (Status::Removed, true) => "removed, 0 B".to_string(),
        (Status::Removed, false) => format!("removed: {delta}"),
        (Status::Added, true) => "added, 0 B".to_string(),
        (Status::Added, false) => format!("added: {delta}"),
        (Status::Changed, true) => "changed, same size".to_string(),
        (Status::Changed, false) => format!("changed: {sizes}"),
        (Status::Moved, true) => "moved, same size".to_string(),
        (Status::Moved, false) => format!("moved: {sizes}"),
        (Status::Same | Status::Resized, _) => format!("resized: {sizes}"),
    }
}
