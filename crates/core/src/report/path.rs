//! A path's pieces of the report ([`super`]), 3 to 8 steps: plain [`text()`]
//! (a line per step, the base spans, then each neighbour's text), its
//! Markdown ([`markdown()`]: the path table, then each neighbour's table) and
//! its JSON value ([`json_value`]). Each neighbour is written by
//! [`super::pair`] exactly as a pair is. [`json()`] and [`markdown_full`]
//! are the one writer ([`super::json()`], [`super::markdown()`]) called for a
//! path; the page's Markdown adds the compared pair's insights, said which
//! steps they read, and a link back.
//!
//! Markdown: `**Sum of layer sizes:** ≈ 417 MB → ≈ 350 MB → ≈ 316 MB: ≈ −101
//! MB (−24 %)`, the base spans, the path table `| Step | Image | Layers |
//! Total | Δ to previous | Δ to first |`, then one `### Step k → k+1`
//! section per neighbour holding [`super::pair::markdown`]. Labels are
//! pasted text and enter only through [`markdown::code`].
//!
//! JSON shape (fields may be added, never changed):
//! `{"steps":[{"step","label","layers","total_bytes","total_low_bytes",
//! "total_high_bytes","exact","to_previous":DELTA|null,"to_first":DELTA|null,
//! "tracks":[track id per layer, oldest first]}],
//! "tracks":[{"first_step","last_step"}],
//! "base_spans":[{"first_step","last_step","layers","bytes"}],
//! "neighbours":[{"before_step","after_step", …the pair's JSON…}]}`
//! where DELTA is `{"delta_bytes","delta_tolerance_bytes","within_rounding"}`
//! and steps count from 0.

use super::{pair, Report};
use crate::compare::numbers::Delta;
use crate::compare::path::PathComparison;
use crate::markdown::{self, Place};
use serde_json::{json, Value};

pub use super::PairInsights;

/// A step's name: its label, or `step N` (counted from 1).
fn name(label: &str, k: usize) -> String {
    super::name(label, &format!("step {}", k + 1))
}

/// The path as the CLI's JSON document (pretty-printed).
pub fn json(p: &PathComparison) -> String {
    super::json(&Report::path(p))
}

/// The path as a JSON value (see the module doc for the shape).
pub fn json_value(p: &PathComparison) -> Value {
    let delta = |d: &Option<Delta>| match d {
        Some(d) => json!({
            "delta_bytes": d.bytes,
            "delta_tolerance_bytes": d.tolerance,
            "within_rounding": d.within_rounding(),
        }),
        None => Value::Null,
    };
    let steps: Vec<Value> = p
        .steps
        .iter()
        .enumerate()
        .map(|(k, s)| {
            json!({
                "step": k,
                "label": s.label,
                "layers": s.layers,
                "total_bytes": s.total.bytes,
                "total_low_bytes": s.total.low,
                "total_high_bytes": s.total.high,
                "exact": s.total.exact,
                "to_previous": delta(&s.to_previous),
                "to_first": delta(&s.to_first),
                "tracks": s.tracks.iter().map(|t| t.0).collect::<Vec<_>>(),
            })
        })
        .collect();
    let neighbours: Vec<Value> = p
        .neighbours
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let mut v = pair::json_value(c);
            if let Some(map) = v.as_object_mut() {
                map.insert("before_step".to_string(), json!(k));
                map.insert("after_step".to_string(), json!(k + 1));
            }
            v
        })
        .collect();
    json!({
        "steps": steps,
        "tracks": p.tracks.iter().map(|t| json!({"first_step": t.first_step, "last_step": t.last_step})).collect::<Vec<_>>(),
        "base_spans": p.base_spans.iter().map(|s| json!({
            "first_step": s.first_step,
            "last_step": s.last_step,
            "layers": s.layers,
            "bytes": s.total.bytes,
        })).collect::<Vec<_>>(),
        "neighbours": neighbours,
    })
}

/// The base spans in words: `Steps 1–3 share a base image: 2 layers, ≈ 5.54 MB`.
fn base_lines(p: &PathComparison) -> Vec<String> {
    p.base_spans
        .iter()
        .map(|s| {
            format!(
                "Steps {}–{} share a base image: {} layer{}, {}",
                s.first_step + 1,
                s.last_step + 1,
                s.layers,
                if s.layers == 1 { "" } else { "s" },
                s.total.approx()
            )
        })
        .collect()
}

/// Plain text: one line per step, the base spans, then each neighbour's text.
pub fn text(p: &PathComparison) -> String {
    let mut out = format!("Path of {} steps: {}\n", p.steps.len(), p.headline());
    for (k, s) in p.steps.iter().enumerate() {
        let f = p.figures(k);
        out.push_str(&format!(
            "Step {} ({}): {} layers, {}",
            k + 1,
            name(&s.label, k),
            s.layers,
            s.total.describe()
        ));
        if k > 0 {
            out.push_str(&format!(
                "; to previous {}; to first {}",
                f.to_previous, f.to_first
            ));
        }
        out.push('\n');
    }
    for line in base_lines(p) {
        out.push_str(&line);
        out.push('\n');
    }
    for (k, c) in p.neighbours.iter().enumerate() {
        out.push_str(&format!("\n== Step {} → {} ==\n", k + 1, k + 2));
        out.push_str(&pair::text(c));
    }
    out
}

/// Markdown: the headline, the path table, then each neighbour's table.
pub fn markdown(p: &PathComparison) -> String {
    let cell = |s: &str| markdown::code(s, Place::TableCell);
    let mut out = format!("**Sum of layer sizes:** {}\n\n", p.headline());
    for line in base_lines(p) {
        out.push_str(&format!("{line}  \n"));
    }
    out.push_str("\n| Step | Image | Layers | Total | Δ to previous | Δ to first |\n|--:|---|--:|--:|--:|--:|\n");
    for (k, s) in p.steps.iter().enumerate() {
        let f = p.figures(k);
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            k + 1,
            cell(&name(&s.label, k)),
            s.layers,
            f.total,
            f.to_previous,
            f.to_first
        ));
    }
    let quote = |s: &str| markdown::code(s, Place::Prose);
    for (k, c) in p.neighbours.iter().enumerate() {
        let label = |j: usize| {
            p.steps
                .get(j)
                .map_or_else(String::new, |s| name(&s.label, j))
        };
        out.push_str(&format!(
            "\n### Step {} → {}: {} → {}\n\n",
            k + 1,
            k + 2,
            quote(&label(k)),
            quote(&label(k + 1))
        ));
        out.push_str(pair::markdown(c).trim_end());
        out.push('\n');
    }
    out
}

/// The page's Markdown export of a path: [`markdown()`], then the compared
/// pair's insights (said which steps they read), then a link back (the
/// page's own share link).
pub fn markdown_full(p: &PathComparison, pair: Option<PairInsights>, link: Option<&str>) -> String {
    super::markdown(&Report {
        insights: pair,
        link,
        ..Report::path(p)
    })
}

/// The sentence that says which steps the insights read: "The insights
/// compare step 3 (`v3`) (before) with step 2 (`v2`) (after)."
pub(super) fn insights_said(p: &PathComparison, pair: PairInsights) -> String {
    let quote = |s: &str| markdown::code(s, Place::Prose);
    let step = |k: usize| {
        let label = p.steps.get(k).map_or(String::new(), |s| name(&s.label, k));
        format!("step {} ({})", k + 1, quote(&label))
    };
    format!(
        "The insights compare {} (before) with {} (after).",
        step(pair.before_step),
        step(pair.after_step)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::path::compare_path;
    use crate::test_support::labelled as h;

    #[test]
    fn markdown_has_the_path_table_then_each_neighbour() {
        let root = ("/bin/sh -c #(nop) ADD file:aaaa in / ", 80);
        let a = h("app|v1", &[root, ("/bin/sh -c npm install", 300)]);
        let b = h("", &[root, ("/bin/sh -c npm ci", 200)]);
        let c = h("app:v3", &[root, ("/bin/sh -c npm ci --omit=dev", 20)]);
        let p = compare_path(&[&a, &b, &c]).expect("a path");
        let md = markdown(&p);
        assert!(
            md.starts_with("**Sum of layer sizes:** 380 B → 280 B → 100 B: −280 B (−74 %)\n"),
            "{md}"
        );
        assert!(
            md.contains("Steps 1–3 share a base image: 1 layer, 80 B  \n"),
            "{md}"
        );
        // the label is pasted text: a code span, its pipe escaped
        assert!(
            md.contains("| 1 | `app\\|v1` | 2 | 380 B | — | — |\n"),
            "{md}"
        );
        assert!(
            md.contains("| 2 | `step 2` | 2 | 280 B | −100 B (−26 %) | −100 B (−26 %) |\n"),
            "{md}"
        );
        assert!(
            md.contains("| 3 | `app:v3` | 2 | 100 B | −180 B (−64 %) | −280 B (−74 %) |\n"),
            "{md}"
        );
        let first = md
            .find("### Step 1 → 2: `app|v1` → `step 2`\n")
            .expect("a first neighbour");
        let second = md.find("### Step 2 → 3").expect("a second neighbour");
        assert!(first < second);
        assert_eq!(
            md.matches("| Status | Before | Size | Δ | After | Size |")
                .count(),
            2
        );
    }

    #[test]
    fn the_page_export_adds_the_compared_pair_insights_and_a_link() {
        let root = ("/bin/sh -c #(nop) ADD file:aaaa in / ", 80);
        let a = h("v1", &[root, ("/bin/sh -c apt-get install -y curl", 300)]);
        let b = h("v`2", &[root, ("/bin/sh -c npm ci", 200)]);
        let c = h("v3", &[root, ("/bin/sh -c npm ci --omit=dev", 20)]);
        let p = compare_path(&[&a, &b, &c]).expect("a path");
        let found = crate::insights::of_pair(&c, &b, &p.neighbours[1]);
        let pair = PairInsights {
            before_step: 2,
            after_step: 1,
            insights: &found,
        };
        let md = markdown_full(&p, Some(pair), Some("https://x.example/#2abc"));
        assert!(md.starts_with(markdown(&p).trim_end()), "{md}");
        let said = md
            .find("The insights compare step 3 (`v3`) (before) with step 2 (``v`2``) (after).")
            .expect("the pair named");
        let insights = md.find("### Insights\n").expect("the insights");
        let link = md
            .find("[Open this path in layerdiff](https://x.example/#2abc)")
            .expect("the link");
        assert!(said < insights && insights < link, "{md}");
        let bare = markdown_full(&p, None, None);
        assert_eq!(bare, format!("{}\n", markdown(&p).trim_end()));
    }

    #[test]
    fn json_extends_the_pair_shape_to_steps() {
        let a = h("a", &[("/bin/sh -c make", 50)]);
        let b = h("b", &[("/bin/sh -c make", 40)]);
        let c = h("c", &[("/bin/sh -c make", 40), ("/bin/sh -c strip", 1)]);
        let p = compare_path(&[&a, &b, &c]).expect("a path");
        let v = json_value(&p);
        assert_eq!(v["steps"][0]["to_previous"], Value::Null);
        assert_eq!(v["steps"][2]["to_first"]["delta_bytes"], -9);
        assert_eq!(v["steps"][2]["tracks"], json!([0, 1]));
        assert_eq!(v["tracks"][1], json!({"first_step": 2, "last_step": 2}));
        assert_eq!(v["neighbours"][1]["before_step"], 1);
        assert_eq!(v["neighbours"][1]["rows"][0]["status"], "same");
        assert_eq!(v["neighbours"][0]["rows"][0]["status"], "resized");
    }
}
