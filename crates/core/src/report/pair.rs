//! A pair's pieces of the report ([`super`]): its summary lines and aligned
//! table as plain [`text`], its Markdown table ([`markdown()`]) and its JSON
//! value ([`json_value`]). A comparison of two steps is written with these
//! alone; a path writes each neighbour with them, so a path's exports are
//! the pair's extended, not a second format. [`json()`], [`markdown_full`],
//! [`markdown_with_link`] and [`json_with_insights`] are the one writer
//! ([`super::markdown()`], [`super::json()`]) called for a pair.
//!
//! JSON shape (fields may be added, never changed):
//! `{"before":{"label","total_bytes"},"after":{…},"base":{"layers","bytes"},
//! "delta_bytes","rows":[{"status","before":{"index","layer","created_by","size_bytes"}|null,
//! "after":…|null,"delta_bytes"}]}`, rows oldest first, `index` oldest first from 0
//! (for code), `layer` the number people read (`model::LayerNumber`: from 1
//! at the top of that side's history, as every other writer says it).

use super::{name, PairInsights, Report};
use crate::compare::table::table_rows;
use crate::compare::{Comparison, LayerRef, Side};
use crate::insights::Insights;
use crate::markdown::{self, Place};
use crate::model::LayerNumber;
use crate::text::human_bytes;
use serde_json::{json, Value};

/// The comparison as the CLI's JSON document (pretty-printed).
pub fn json(c: &Comparison) -> String {
    super::json(&Report::pair(c))
}

/// The comparison as a JSON value (see the module doc for the shape).
pub fn json_value(c: &Comparison) -> Value {
    let side = |s: &Side| {
        json!({
            "label": s.label,
            "total_bytes": s.total.bytes,
            "total_low_bytes": s.total.low,
            "total_high_bytes": s.total.high,
            "exact": s.total.exact,
            "layers": s.layers,
            "your_layers_bytes": s.yours.bytes,
        })
    };
    let layer = |l: &Option<LayerRef>, n: usize| match l {
        Some(l) => json!({
            "index": l.index,
            "layer": LayerNumber::of_oldest_first(l.index, n).map(LayerNumber::get),
            "created_by": l.created_by,
            "size_bytes": l.bytes(),
            "instruction": l.instruction,
            "truncated": l.truncated,
        }),
        None => Value::Null,
    };
    let rows: Vec<Value> = c
        .rows
        .iter()
        .map(|r| {
            json!({
                "status": r.status.as_str(),
                "before": layer(&r.before, c.before.layers),
                "after": layer(&r.after, c.after.layers),
                "delta_bytes": r.delta.bytes,
                "delta_tolerance_bytes": r.delta.tolerance,
                "within_rounding": r.delta.within_rounding(),
                "in_base": r.in_base,
            })
        })
        .collect();
    json!({
        "before": side(&c.before),
        "after": side(&c.after),
        "base": {
            "layers": c.base.layers,
            "bytes": c.base.total.bytes,
            "changed": c.base.changed,
            "reason": c.base.reason,
            "before_image": c.base.before_image,
            "after_image": c.base.after_image,
        },
        "delta_bytes": c.delta.bytes,
        "delta_tolerance_bytes": c.delta.tolerance,
        "delta_within_rounding": c.delta.within_rounding(),
        "rows": rows,
    })
}

/// The plain-text summary lines.
fn summary_lines(c: &Comparison) -> Vec<String> {
    let mut out = vec![
        format!(
            "Before ({}): {} layers, {}",
            name(&c.before.label, "before"),
            c.before.layers,
            c.before.total.describe()
        ),
        format!(
            "After ({}): {} layers, {}",
            name(&c.after.label, "after"),
            c.after.layers,
            c.after.total.describe()
        ),
        format!(
            "Change: {} (sum of layer sizes)",
            c.delta.describe_approx(c.before.total.bytes)
        ),
    ];
    if c.base.layers > 0 {
        out.push(format!(
            "Shared base image: {} layers, {}",
            c.base.layers,
            c.base.total.approx()
        ));
    }
    if let Some(reason) = &c.base.reason {
        out.push(format!("Base: {reason}"));
    }
    out
}

/// Plain text: the summary, then one line per row (the base block collapsed).
pub fn text(c: &Comparison) -> String {
    let mut out = summary_lines(c).join("\n");
    out.push_str("\n\n");
    let mut table: Vec<[String; 6]> = vec![[
        "STATUS".into(),
        "BEFORE".into(),
        "SIZE".into(),
        "Δ".into(),
        "AFTER".into(),
        "SIZE".into(),
    ]];
    if c.base.layers > 0 {
        table.push([
            "= base".into(),
            format!("({} layers)", c.base.layers),
            human_bytes(c.base.total.bytes),
            String::new(),
            format!("({} layers)", c.base.layers),
            human_bytes(c.base.total.bytes),
        ]);
    }
    for r in table_rows(c, 44).into_iter().filter(|r| !r.in_base) {
        table.push([
            format!("{} {}", r.symbol, r.status_word),
            r.before,
            r.before_size,
            r.delta,
            r.after,
            r.after_size,
        ]);
    }
    let mut widths = [0usize; 6];
    for row in &table {
        for (w, cell) in widths.iter_mut().zip(row.iter()) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for row in &table {
        let mut line = String::new();
        for (k, (w, cell)) in widths.iter().zip(row.iter()).enumerate() {
            let pad = w.saturating_sub(cell.chars().count());
            let right = k == 2 || k == 3 || k == 5;
            if right {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            }
            line.push_str("  ");
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Markdown: a totals line with ≈, then the aligned table (status icon +
/// word). Pasted text (instructions, image names) enters only as code spans
/// written by [`markdown::code`]; every other character here is ours.
pub fn markdown(c: &Comparison) -> String {
    let quote = |s: &str| markdown::code(s, Place::Prose);
    let cell = |s: &str| markdown::code(s, Place::TableCell);
    let mut out = format!("**Sum of layer sizes:** {}\n\n", c.headline());
    if c.base.layers > 0 {
        out.push_str(&format!(
            "Shared base image: {} layers, {}  \n",
            c.base.layers,
            c.base.total.approx()
        ));
    }
    if let Some(reason) = &c.base.reason {
        out.push_str(&format!("Base: {}  \n", reason.describe(&quote)));
    }
    out.push_str("\n| Status | Before | Size | Δ | After | Size |\n|---|---|--:|--:|---|--:|\n");
    if c.base.layers > 0 {
        out.push_str(&format!(
            "| = same | *base image ({} layers)* | {} | | *base image ({} layers)* | {} |\n",
            c.base.layers,
            human_bytes(c.base.total.bytes),
            c.base.layers,
            human_bytes(c.base.total.bytes)
        ));
    }
    for r in table_rows(c, 60).into_iter().filter(|r| !r.in_base) {
        out.push_str(&format!(
            "| {} {} | {} | {} | {} | {} | {} |\n",
            r.symbol,
            r.status_word,
            cell(&r.before),
            r.before_size,
            r.delta,
            cell(&r.after),
            r.after_size,
        ));
    }
    out.push_str("\nSizes as printed by `docker history` (3 significant digits); ≈ marks sums of rounded sizes.\n");
    out
}

/// The page's Markdown export: [`markdown()`], then a link back to the
/// comparison (`link` is the page's own share link).
pub fn markdown_with_link(c: &Comparison, link: &str) -> String {
    markdown_full(c, None, Some(link))
}

/// The whole Markdown export: [`markdown()`], then the pair's insights (each
/// history's summary and findings, what the change fixed), then a link back
/// to the comparison (the page's own share link).
pub fn markdown_full(c: &Comparison, insights: Option<&Insights>, link: Option<&str>) -> String {
    super::markdown(&Report {
        insights: insights.map(PairInsights::of_pair),
        link,
        ..Report::pair(c)
    })
}

/// [`json()`] with the pair's insights under `"insights"` (the shape of
/// `layerdiff insights --format json`, see [`super::documents::insights_json`]).
pub fn json_with_insights(c: &Comparison, insights: &Insights) -> String {
    super::json(&Report {
        insights: Some(PairInsights::of_pair(insights)),
        ..Report::pair(c)
    })
}
