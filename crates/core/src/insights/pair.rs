//! For a before/after pair: a [`Verdict`] on every finding of "before".
//!
//! The comparison says which after layer is the same step as the finding's
//! layer. Then:
//! - **still there**: the after image has the same rule, `definite` or
//!   `likely`, on that layer (or, when the layer is gone, on a new or edited
//!   one: the step was merged elsewhere);
//! - **not visible**: the same rule only as `possible`, or a cut after RUN
//!   (with bytes) could hold the smell unseen, for rules that read commands;
//! - **fixed** otherwise, with the measured Δ of the matched layers (for a
//!   removed layer, minus its size).
//!
//! A merged RUN that got longer and is now cut is therefore `not visible`,
//! never `fixed`.

use super::steps::steps;
use super::{Confidence, Finding, HistoryInsights, Rule};
use crate::compare::{Comparison, Row, Status};
use crate::instruction::Keyword;
use crate::model::History;

/// What became of a before finding in the after image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerdictKind {
    Fixed,
    StillThere,
    NotVisible,
}

impl VerdictKind {
    /// `fixed`, `still there`, `not visible`.
    pub fn as_str(self) -> &'static str {
        match self {
            VerdictKind::Fixed => "fixed",
            VerdictKind::StillThere => "still there",
            VerdictKind::NotVisible => "not visible",
        }
    }
}

/// The verdict on one finding of "before".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub rule: Rule,
    /// The finding's layer in the before history (printed position).
    pub before_layer: usize,
    pub verdict: VerdictKind,
    /// after − before of the matched layers (for a fixed removed layer,
    /// minus its size); None when there is nothing measured to show, or
    /// when the verdict is `not visible` (the Δ would read as its size).
    pub delta_bytes: Option<i64>,
}

/// The rows of `c` by printed position of each side's layers.
struct Rows<'c> {
    before: Vec<Option<&'c Row>>,
    after: Vec<Option<&'c Row>>,
}

impl<'c> Rows<'c> {
    fn new(c: &'c Comparison) -> Rows<'c> {
        let (nb, na) = (c.before.layers, c.after.layers);
        let mut rows = Rows {
            before: vec![None; nb],
            after: vec![None; na],
        };
        for r in &c.rows {
            let printed = |n: usize, i: usize| n.checked_sub(i + 1);
            if let Some(slot) = r
                .before
                .as_ref()
                .and_then(|l| printed(nb, l.index))
                .and_then(|p| rows.before.get_mut(p))
            {
                *slot = Some(r);
            }
            if let Some(slot) = r
                .after
                .as_ref()
                .and_then(|l| printed(na, l.index))
                .and_then(|p| rows.after.get_mut(p))
            {
                *slot = Some(r);
            }
        }
        rows
    }
}

/// The verdicts on `before`'s findings.
pub fn verdicts(
    before: &HistoryInsights,
    after: &HistoryInsights,
    after_history: &History,
    c: &Comparison,
) -> Vec<Verdict> {
    let rows = Rows::new(c);
    let na = c.after.layers;
    let after_steps = steps(after_history, after.boundary.base_layers);
    // own after RUNs that are cut and have bytes, so could hide a smell: (printed index, row status)
    let hiding: Vec<(usize, Option<Status>)> = after_steps
        .iter()
        .filter(|s| s.own && s.keyword == Keyword::Run && s.cut && !s.empty())
        .map(|s| {
            (
                s.index,
                rows.after.get(s.index).copied().flatten().map(|r| r.status),
            )
        })
        .collect();
    before
        .findings
        .iter()
        .map(|f| {
            let row = rows.before.get(f.layer).copied().flatten();
            let matched = row
                .and_then(|r| r.after.as_ref())
                .and_then(|l| na.checked_sub(l.index + 1));
            let verdict = judge(f, matched, after, &rows, &hiding);
            // a layer's Δ says nothing about a smell that cannot be seen
            let delta = row.map(|r| r.delta.bytes).filter(|_| match verdict {
                VerdictKind::Fixed => true,
                VerdictKind::StillThere => matched.is_some(),
                VerdictKind::NotVisible => false,
            });
            Verdict {
                rule: f.rule,
                before_layer: f.layer,
                verdict,
                delta_bytes: delta,
            }
        })
        .collect()
}

fn judge(
    f: &Finding,
    matched: Option<usize>,
    after: &HistoryInsights,
    rows: &Rows<'_>,
    hiding: &[(usize, Option<Status>)],
) -> VerdictKind {
    let new_text = |s: Option<Status>| matches!(s, Some(Status::Added | Status::Changed));
    let same_rule = after
        .findings
        .iter()
        .filter(|g| g.rule == f.rule)
        .filter(|g| match matched {
            Some(m) => g.layers.contains(&m),
            None => new_text(rows.after.get(g.layer).copied().flatten().map(|r| r.status)),
        });
    let mut seen_possible = false;
    for g in same_rule {
        if g.confidence != Confidence::Possible {
            return VerdictKind::StillThere;
        }
        seen_possible = true;
    }
    let could_hide = f.rule.reads_commands()
        && hiding.iter().any(|&(index, status)| match matched {
            Some(m) => index == m,
            None => new_text(status) || status == Some(Status::Resized),
        });
    if seen_possible || could_hide {
        VerdictKind::NotVisible
    } else {
        VerdictKind::Fixed
    }
}
