//! [`Insights`] as plain [`text`] (the CLI) and [`markdown`] (the CLI and
//! the comparison's Markdown export, readable on GitHub). Pasted text
//! (labels, commands) enters the Markdown only through
//! [`markdown::code`](crate::markdown::code); every other word is
//! ours and holds no `<`.

use super::summary::signed;
use super::{big_layer_size, pair_summary, stake_text, summary};
use super::{BigLayer, Finding, HistoryInsights, Insights};
use crate::markdown::{self, Place};
use crate::model::LayerNumber;

/// What to call history `k` of `count` (`before`, `after`, `history 3`).
fn side(k: usize, count: usize, pair: bool) -> String {
    match (pair, k) {
        (true, 0) => "Before".to_string(),
        (true, 1) => "After".to_string(),
        _ if count == 1 => "History".to_string(),
        _ => format!("History {}", k + 1),
    }
}

/// The history's label, quoted, after a colon (nothing when it has none).
fn heading(h: &HistoryInsights, quote: &dyn Fn(&str) -> String) -> String {
    match h.label.trim() {
        "" => String::new(),
        label => format!(": {}", quote(label)),
    }
}

/// One finding's first line: title, bytes, confidence, layer and command.
fn line(f: &Finding, quote: &dyn Fn(&str) -> String) -> String {
    format!(
        "{} · {} · {} · {}: {}",
        f.rule.title(),
        stake_text(f),
        f.confidence.as_str(),
        LayerNumber::of_printed(f.layer),
        quote(&f.command)
    )
}

/// One of the biggest layers: `layer 7 · ≈ 115 MB: RUN apt-get …`.
fn big_line(h: &HistoryInsights, b: &BigLayer, quote: &dyn Fn(&str) -> String) -> String {
    format!(
        "{} · {}: {}",
        LayerNumber::of_printed(b.layer),
        big_layer_size(h, b),
        quote(&b.command)
    )
}

/// Plain text for the terminal.
pub fn text(ins: &Insights) -> String {
    let plain = |s: &str| s.to_string();
    let pair = ins.verdicts.is_some();
    let mut out = String::new();
    for (k, h) in ins.histories.iter().enumerate() {
        let name = side(k, ins.histories.len(), pair);
        out.push_str(&format!(
            "== {name}{} ==\n{}\n",
            heading(h, &plain),
            summary(h)
        ));
        if !h.biggest.is_empty() {
            out.push_str("\nYour biggest layers:\n");
            for b in &h.biggest {
                out.push_str(&format!("  {}\n", big_line(h, b, &plain)));
            }
        }
        for (title, group) in groups(h) {
            out.push_str(&format!("\n{title}:\n"));
            for f in group {
                out.push_str(&format!(
                    "  [{}] {}\n      {} Fix: {}\n      Source: {}.\n",
                    f.rule.id(),
                    line(f, &plain),
                    f.message(),
                    f.rule.fix(),
                    f.rule.source()
                ));
            }
        }
        out.push('\n');
    }
    if let (Some(verdicts), Some(words)) = (&ins.verdicts, pair_summary(ins)) {
        out.push_str(&format!("== Before → after ==\n{words}\n"));
        for v in verdicts {
            let delta = v
                .delta_bytes
                .map(|d| format!(" (Δ {})", signed(d)))
                .unwrap_or_default();
            out.push_str(&format!(
                "  {} (before {}): {}{delta}\n",
                v.rule.id(),
                LayerNumber::of_printed(v.before_layer),
                v.verdict.as_str()
            ));
        }
    }
    out
}

/// The findings of `h` in display order, grouped: own, then inherited.
fn groups(h: &HistoryInsights) -> Vec<(&'static str, Vec<&Finding>)> {
    let own: Vec<&Finding> = h.own().collect();
    let inherited: Vec<&Finding> = h.inherited().collect();
    [
        ("Your layers", own),
        ("Inherited from the base image", inherited),
    ]
    .into_iter()
    .filter(|(_, g)| !g.is_empty())
    .collect()
}

/// Markdown for a submission or a PR comment: per history a summary
/// paragraph and the findings as a list (own, then inherited), then for a
/// pair what the change fixed, as a table.
pub fn markdown(ins: &Insights) -> String {
    let quote = |s: &str| markdown::code(s, Place::Prose);
    let pair = ins.verdicts.is_some();
    let mut out = String::from("### Insights\n");
    for (k, h) in ins.histories.iter().enumerate() {
        let name = side(k, ins.histories.len(), pair);
        out.push_str(&format!(
            "\n#### {name}{}\n\n{}\n",
            heading(h, &quote),
            summary(h)
        ));
        if !h.biggest.is_empty() {
            out.push_str("\n**Your biggest layers**\n\n");
            for b in &h.biggest {
                out.push_str(&format!("- {}\n", big_line(h, b, &quote)));
            }
        }
        for (title, group) in groups(h) {
            out.push_str(&format!("\n**{title}**\n\n"));
            for f in group {
                out.push_str(&format!(
                    "- **{}**  \n  {} **Fix:** {} *Source: {}.*\n",
                    line(f, &quote),
                    f.message(),
                    f.rule.fix(),
                    f.rule.source()
                ));
            }
        }
    }
    if let (Some(verdicts), Some(words)) = (&ins.verdicts, pair_summary(ins)) {
        out.push_str(&format!("\n#### Before → after\n\n{words}\n"));
        if !verdicts.is_empty() {
            out.push_str("\n| Finding | Before layer | Verdict | Δ |\n|---|--:|---|--:|\n");
        }
        for v in verdicts {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                v.rule.title(),
                LayerNumber::of_printed(v.before_layer).get(),
                v.verdict.as_str(),
                v.delta_bytes.map(signed).unwrap_or_default()
            ));
        }
    }
    out
}
