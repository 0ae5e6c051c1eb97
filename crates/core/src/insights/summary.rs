//! The order findings are shown in and the sentences that sum them up, as
//! core data so every view (page, CLI, exports) says the same.
//!
//! Order: own findings, then inherited ones; within each, exact bytes
//! first, then estimates, upper bounds and advice of unknown size, largest
//! first; zero-byte advice (build speed, hygiene) last; ties oldest layer
//! first. The summary is one paragraph of our own words and numbers only
//! (no pasted text), so it can go into Markdown as it is: the base image and
//! what the author's layers add, then what the findings are worth. Totals
//! add exact bytes only, and say so.

use super::build::slim_bytes;
use super::pair::{Verdict, VerdictKind};
use super::{Confidence, Finding, Gain, HistoryInsights, Insights, Rule, StakeKind};
use crate::compare::numbers::human_bytes;
use crate::order::{sort_by_rank, Rank};

/// Sorts findings into display order (see the module doc).
pub fn order(findings: &mut Vec<Finding>) {
    // Own before inherited, size before advice, exact before estimates,
    // most bytes first (unknown last), the oldest layer first, rule order.
    sort_by_rank(findings, |f| {
        Rank::new()
            .then(u64::from(f.inherited), 1)
            .then(u64::from(f.gain() != Gain::Size), 1)
            .then(f.bytes.kind as u64, 2)
            .then_desc(f.bytes.value.map_or(0, |v| v.saturating_add(1)), 64)
            .then_desc(f.layer as u64, 32)
            .then(f.rule as u64, 8)
            .get()
    });
}

/// The bytes at stake in words: `33 MB`, `≈ 40 MB`, `up to 115 MB`,
/// `bytes unknown`, or `0 B (build speed)` for zero-byte advice.
pub fn stake_text(f: &Finding) -> String {
    let value = human_bytes(f.bytes.value.unwrap_or_default());
    match (f.gain(), f.bytes.kind) {
        (Gain::Size, StakeKind::Exact) => value,
        (Gain::Size, StakeKind::Estimate) => format!("≈ {value}"),
        (Gain::Size, StakeKind::Upper) => format!("up to {value}"),
        (Gain::Size, StakeKind::Unknown) => "bytes unknown".to_string(),
        (gain, _) => format!("0 B ({})", gain.as_str()),
    }
}

fn approx(bytes: u64, exact: bool) -> String {
    if exact {
        human_bytes(bytes)
    } else {
        format!("≈ {}", human_bytes(bytes))
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// One paragraph about one history: its base, its own layers, what the
/// findings are worth.
pub fn summary(h: &HistoryInsights) -> String {
    let base = approx(h.base_bytes, h.exact_sizes);
    let mut out = match h.runtime {
        Some(lang) => {
            let slim = slim_bytes(lang).map_or_else(
                || "a `-slim` or `-alpine` variant is much smaller".to_string(),
                |b| format!("the slim variant is ≈ {}", human_bytes(b)),
            );
            format!("{base} of this image is a full {lang} base; {slim}.")
        }
        None if h.boundary.base_layers > 0 => format!(
            "The base image is {base} ({}, told by {}).",
            count(h.boundary.base_layers, "layer", "layers"),
            h.boundary.signal.describe()
        ),
        None => "Where the base image ends cannot be told from this text, so every layer counts as your own.".to_string(),
    };
    out.push_str(&if h.boundary.base_layers >= h.layers {
        " Every layer comes from the base image.".to_string()
    } else {
        format!(
            " Your own layers add {}.",
            approx(h.own_bytes, h.exact_sizes)
        )
    });
    out.push_str(&findings_sentence(h));
    out
}

fn findings_sentence(h: &HistoryInsights) -> String {
    if h.findings.is_empty() {
        return " No size problem is visible in the history text.".to_string();
    }
    let own: Vec<&Finding> = h.own().collect();
    let inherited = h.inherited().count();
    let mut parts = Vec::new();
    if !own.is_empty() {
        parts.push(count(
            own.len(),
            "finding in your layers",
            "findings in your layers",
        ));
    }
    if inherited > 0 {
        parts.push(count(
            inherited,
            "finding in the base image",
            "findings in the base image",
        ));
    }
    let sized: Vec<&&Finding> = own.iter().filter(|f| f.gain() == Gain::Size).collect();
    let exact: u64 = sized
        .iter()
        .filter(|f| f.bytes.kind == StakeKind::Exact)
        .filter_map(|f| f.bytes.value)
        .sum();
    let yours = if own.is_empty() {
        "."
    } else if exact > 0 {
        "; fixing yours saves {} for sure (exact bytes only: estimates and advice come on top)."
    } else if sized.is_empty() {
        "; yours do not change the size."
    } else {
        "; yours are estimates or of unknown size, so no total is given."
    };
    let mut out = format!(
        " {}{}",
        parts.join(" and "),
        yours.replace("{}", &human_bytes(exact))
    );
    let cut = h
        .findings
        .iter()
        .filter(|f| f.confidence == Confidence::Possible)
        .count();
    if cut > 0 {
        out.push_str(&format!(
            " {} on cut commands: rerun `docker history --no-trunc` to be sure.",
            count(cut, "depends", "depend")
        ));
    }
    out
}

/// For a pair: what the change fixed, what is still there and what cannot
/// be judged, with the measured Δ of the fixed findings' layers.
pub fn pair_summary(ins: &Insights) -> Option<String> {
    let verdicts = ins.verdicts.as_ref()?;
    if verdicts.is_empty() {
        return Some("The before image shows no finding to compare.".to_string());
    }
    let of = |kind: VerdictKind| -> Vec<&Verdict> {
        verdicts.iter().filter(|v| v.verdict == kind).collect()
    };
    let (fixed, still, unseen) = (
        of(VerdictKind::Fixed),
        of(VerdictKind::StillThere),
        of(VerdictKind::NotVisible),
    );
    let mut out = String::new();
    if !fixed.is_empty() {
        let mut layers: Vec<(usize, i64)> = fixed
            .iter()
            .map(|v| (v.before_layer, v.delta_bytes.unwrap_or_default()))
            .collect();
        layers.dedup_by_key(|l| l.0);
        let delta: i64 = layers.iter().map(|l| l.1).sum();
        out.push_str(&format!(
            "The change fixed {} ({}); their layers changed by {}.",
            count(fixed.len(), "finding", "findings"),
            titles(&fixed),
            signed(delta)
        ));
    } else {
        out.push_str("The change fixed none of the findings.");
    }
    if !still.is_empty() {
        out.push_str(&format!(" Still there: {}.", titles(&still)));
    }
    if !unseen.is_empty() {
        out.push_str(&format!(
            " Not visible: {}, because the after commands are cut; rerun `docker history --no-trunc` on the after image to be sure.",
            titles(&unseen)
        ));
    }
    Some(out)
}

/// The distinct titles of `verdicts`' rules, in rule order.
fn titles(verdicts: &[&Verdict]) -> String {
    let mut rules: Vec<Rule> = verdicts.iter().map(|v| v.rule).collect();
    sort_by_rank(&mut rules, |&r| r as u128);
    rules.dedup();
    rules
        .iter()
        .map(|r| r.title())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `+2.46 MB`, `−57.7 MB`, `0 B`.
pub fn signed(bytes: i64) -> String {
    let sign = match bytes.signum() {
        1 => "+",
        -1 => "−",
        _ => "",
    };
    format!("{sign}{}", human_bytes(bytes.unsigned_abs()))
}
