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
use super::{BigLayer, Confidence, Finding, Gain, HistoryInsights, Insights, Rule, StakeKind};
use crate::compare::numbers::human_bytes;
use crate::model::LayerNumber;
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

/// The bytes at stake in words: `33 MB`, `≈ 40 MB`, `up to 115 MB, the
/// whole layer`,
/// `bytes unknown`, or `0 B (build speed)` for zero-byte advice.
pub fn stake_text(f: &Finding) -> String {
    let value = human_bytes(f.bytes.value.unwrap_or_default());
    match (f.gain(), f.bytes.kind) {
        (Gain::Size, StakeKind::Exact) => value,
        (Gain::Size, StakeKind::Estimate) => format!("≈ {value}"),
        (Gain::Size, StakeKind::Upper) => format!("up to {value}, {}", upper_of(f)),
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
    out.push_str(&biggest_sentence(h));
    out.push_str(&findings_sentence(h));
    out
}

/// One biggest layer's size in words (`≈ 105 MB`, or exact bytes when the
/// history's sizes were printed exactly).
pub fn big_layer_size(h: &HistoryInsights, b: &BigLayer) -> String {
    approx(b.bytes, h.exact_sizes)
}

/// `Layer 3 holds ≈ 105 MB of them (94 %).`, or `The biggest: layer 3
/// (≈ 105 MB, 60 %) and layer 5 (…).`: the author's biggest layers by
/// number and bytes (their commands are pasted text, so each view lists
/// them beside this paragraph).
fn biggest_sentence(h: &HistoryInsights) -> String {
    let share = |b: &BigLayer| b.bytes.saturating_mul(100) / h.own_bytes.max(1);
    let size = |b: &BigLayer| big_layer_size(h, b);
    match h.biggest.as_slice() {
        [] => String::new(),
        [one] => format!(
            " Layer {} holds {} of them ({} %).",
            LayerNumber::of_printed(one.layer).get(),
            size(one),
            share(one)
        ),
        several => {
            let named: Vec<String> = several
                .iter()
                .map(|b| {
                    let number = LayerNumber::of_printed(b.layer);
                    format!("{number} ({}, {} %)", size(b), share(b))
                })
                .collect();
            format!(" The biggest: {}.", and_list(&named))
        }
    }
}

fn findings_sentence(h: &HistoryInsights) -> String {
    if h.findings.is_empty() {
        return " None of the known size smells shows in the history text.".to_string();
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
        ".".to_string()
    } else if exact > 0 {
        format!("; fixing yours saves {} for sure (exact bytes only: estimates and advice come on top).", human_bytes(exact))
    } else if sized.is_empty() {
        "; yours do not change the size.".to_string()
    } else {
        match sized.as_slice() {
            [one] => format!(
                "; its size is {}, so no total is given.",
                stake_kind(one.bytes.kind)
            ),
            _ => format!("; of yours, {}, so no total is given.", stake_kinds(&sized)),
        }
    };
    let mut out = format!(" {}{yours}", parts.join(" and "));
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

/// How sure the sizes of `sized` findings are, in words: `1 is an upper
/// bound`, `2 are estimates and 3 are of unknown size`.
fn stake_kinds(sized: &[&&Finding]) -> String {
    let of = |kind: StakeKind| sized.iter().filter(|f| f.bytes.kind == kind).count();
    let parts: Vec<String> = [
        (of(StakeKind::Estimate), "is an estimate", "are estimates"),
        (
            of(StakeKind::Upper),
            "is an upper bound",
            "are upper bounds",
        ),
        (
            of(StakeKind::Unknown),
            "is of unknown size",
            "are of unknown size",
        ),
    ]
    .into_iter()
    .filter(|(n, ..)| *n > 0)
    .map(|(n, one, many)| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    })
    .collect();
    and_list(&parts)
}

/// What an upper bound counts, so that it is not read as the smell's own
/// size: the whole layer (with everything else its step does), the
/// finding's layers, or every own layer up to a build.
fn upper_of(f: &Finding) -> String {
    match (f.rule, f.layers.len()) {
        (Rule::BuildInFinalImage, _) => "all your layers so far".to_string(),
        (_, 1) => "the whole layer".to_string(),
        (_, n) => format!("all its {n} layers"),
    }
}

/// `an estimate`, `an upper bound`, `unknown`.
fn stake_kind(kind: StakeKind) -> &'static str {
    match kind {
        StakeKind::Exact => "exact",
        StakeKind::Estimate => "an estimate",
        StakeKind::Upper => "an upper bound",
        StakeKind::Unknown => "unknown",
    }
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(parts: &[String]) -> String {
    match parts {
        [first @ .., last] if !first.is_empty() => format!("{} and {last}", first.join(", ")),
        _ => parts.concat(),
    }
}

/// For a pair: what the change fixed, what is still there and what cannot
/// be judged (the after commands are cut), each counted; never a negative
/// the history cannot show.
pub fn pair_summary(ins: &Insights) -> Option<String> {
    let verdicts = ins.verdicts.as_ref()?;
    let n = verdicts.len();
    if n == 0 {
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
    let mut out = Vec::new();
    if !fixed.is_empty() {
        out.push(fixed_sentence(&fixed, n));
    }
    if !still.is_empty() {
        out.push(if still.len() == n {
            let all = match n {
                1 => "The one finding is".to_string(),
                2 => "Both findings are".to_string(),
                n => format!("All {n} findings are"),
            };
            format!("{all} still there: {}.", titles(&still))
        } else {
            let verb = if still.len() == 1 { "is" } else { "are" };
            format!(
                "{} of the {n} {verb} still there: {}.",
                still.len(),
                titles(&still)
            )
        });
    }
    if !unseen.is_empty() {
        let head = if unseen.len() == n {
            match n {
                1 => "The one finding can be neither confirmed nor ruled out".to_string(),
                2 => "Neither finding can be confirmed or ruled out".to_string(),
                n => format!("None of the {n} findings can be confirmed or ruled out"),
            }
        } else {
            format!("{} of the {n} cannot be judged", unseen.len())
        };
        out.push(format!(
            "{head}: the after commands are cut ({}); rerun `docker history --no-trunc` on the after image to be sure.",
            titles(&unseen)
        ));
    }
    Some(out.join(" "))
}

/// `The change fixed 3 of the 5 findings: a, b (2 layers); the layers they
/// were in shrank by 167 MB.`
fn fixed_sentence(fixed: &[&Verdict], n: usize) -> String {
    let mut layers: Vec<(usize, i64)> = fixed
        .iter()
        .map(|v| (v.before_layer, v.delta_bytes.unwrap_or_default()))
        .collect();
    sort_by_rank(&mut layers, |l| l.0 as u128);
    layers.dedup_by_key(|l| l.0);
    let delta: i64 = layers.iter().map(|l| l.1).sum();
    let how_many = match (fixed.len(), n) {
        (1, 1) => "the one finding".to_string(),
        (2, 2) => "both findings".to_string(),
        (k, n) if k == n => format!("all {n} findings"),
        (k, n) => format!("{k} of the {n} findings"),
    };
    let layers_word = if layers.len() == 1 {
        "the layer it was in"
    } else {
        "the layers they were in"
    };
    let change = human_bytes(delta.unsigned_abs());
    let bytes = match delta.signum() {
        -1 => format!("; {layers_word} shrank by {change}"),
        1 => format!("; {layers_word} grew by {change} in all"),
        _ => String::new(),
    };
    format!("The change fixed {how_many}: {}{bytes}.", titles(fixed))
}

/// The distinct titles of `verdicts`' rules, in rule order, each with how
/// many layers it was found on when more than one.
fn titles(verdicts: &[&Verdict]) -> String {
    let mut rules: Vec<Rule> = verdicts.iter().map(|v| v.rule).collect();
    sort_by_rank(&mut rules, |&r| r as u128);
    let mut out: Vec<String> = Vec::new();
    let mut k = 0;
    while let Some(&rule) = rules.get(k) {
        let times = rules[k..].iter().take_while(|&&r| r == rule).count();
        out.push(if times > 1 {
            format!("{} ({times} layers)", rule.title())
        } else {
            rule.title().to_string()
        });
        k += times;
    }
    out.join(", ")
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
