//! The report writer: a comparison of 2 to 8 steps as plain [`text`],
//! [`markdown()`] and [`json()`], for the CLI and the page's exports; and the
//! JSON documents of `layerdiff parse` and `layerdiff insights`
//! ([`documents`]).
//!
//! One writer for every number of steps. A [`Report`] says what is written:
//! the [`Steps`] (two, a pair; or a path of 3 to 8, each neighbour written
//! as a pair is), the compared pair's insights, and a link back to the page.
//! Two steps are written as the pair they are (their outputs are older than
//! paths, and frozen by `tests/outputs_frozen.rs`); the pieces that differ
//! are in `pair.rs` (a pair's summary, table and JSON, also each neighbour
//! of a path) and `path.rs` (the steps' lines, the path table, its JSON).
//! What every report shares is here: the insights and the link after the
//! tables, the insights in the JSON, a name for an unlabelled step.
//!
//! Pasted text (labels, instructions, image names) enters Markdown only
//! through [`markdown::code`]; every other character is ours.
//!
//! This floor sits above `compare` and `insights` (it writes what they
//! found) and below the page's model and `extras` (which ask for it).

pub mod documents;
pub mod pair;
pub mod path;

use crate::compare::path::PathComparison;
use crate::compare::Comparison;
use crate::insights::{self, Insights};
use crate::markdown;
use documents::insights_json;
use serde_json::Value;

/// The steps a report is about.
#[derive(Debug, Clone, Copy)]
pub enum Steps<'a> {
    /// Two steps: the before image and the after image.
    Pair(&'a Comparison),
    /// 3 to 8 steps in order.
    Path(&'a PathComparison),
}

/// The insights of the two steps the page compares.
#[derive(Debug, Clone, Copy)]
pub struct PairInsights<'a> {
    /// The compared steps (from 0): the older image, then the newer.
    pub before_step: usize,
    pub after_step: usize,
    pub insights: &'a Insights,
}

impl<'a> PairInsights<'a> {
    /// The insights of a pair's own two steps (0 → 1).
    pub fn of_pair(insights: &'a Insights) -> PairInsights<'a> {
        PairInsights {
            before_step: 0,
            after_step: 1,
            insights,
        }
    }
}

impl<'a> Steps<'a> {
    /// The steps of a path as a report writes them: a path of two steps is
    /// the pair it is (its one neighbour, compared as `compare` does), and
    /// written as one.
    pub fn of_path(p: &'a PathComparison) -> Steps<'a> {
        match p.neighbours.as_slice() {
            [pair] => Steps::Pair(pair),
            _ => Steps::Path(p),
        }
    }
}

/// What a report holds: the steps, then (when given) the compared pair's
/// insights and a link back to the page's comparison.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    pub steps: Steps<'a>,
    pub insights: Option<PairInsights<'a>>,
    pub link: Option<&'a str>,
}

impl<'a> Report<'a> {
    /// The report of a pair, without insights or link.
    pub fn pair(c: &'a Comparison) -> Report<'a> {
        Report {
            steps: Steps::Pair(c),
            insights: None,
            link: None,
        }
    }

    /// The report of a path as a path (two steps too), without insights or
    /// link; [`Steps::of_path`] writes a path of two as its pair.
    pub fn path(p: &'a PathComparison) -> Report<'a> {
        Report {
            steps: Steps::Path(p),
            insights: None,
            link: None,
        }
    }
}

/// A step's name: its label, trimmed, or `fallback` when it has none.
fn name(label: &str, fallback: &str) -> String {
    if label.trim().is_empty() {
        fallback.to_string()
    } else {
        label.trim().to_string()
    }
}

/// Plain text: the summary, then the aligned table (a path: a line per
/// step, then each neighbour's). Insights and link are not part of it.
pub fn text(r: &Report) -> String {
    match r.steps {
        Steps::Pair(c) => pair::text(c),
        Steps::Path(p) => path::text(p),
    }
}

/// Markdown: the steps' tables, then the compared pair's insights (a path
/// says which steps they read), then the link back.
pub fn markdown(r: &Report) -> String {
    let tables = match r.steps {
        Steps::Pair(c) => pair::markdown(c),
        Steps::Path(p) => path::markdown(p),
    };
    let mut out = tables.trim_end().to_string();
    if let Some(pair) = r.insights {
        out.push_str("\n\n");
        if let Steps::Path(p) = r.steps {
            out.push_str(&path::insights_said(p, pair));
            out.push_str("\n\n");
        }
        out.push_str(insights::report::markdown(pair.insights).trim_end());
    }
    if let Some(link) = r.link {
        let words = match r.steps {
            Steps::Pair(_) => "Open this comparison in layerdiff",
            Steps::Path(_) => "Open this path in layerdiff",
        };
        out.push_str("\n\n");
        out.push_str(&markdown::link(words, link));
    }
    out.push('\n');
    out
}

/// The JSON document (pretty-printed): the steps' value ([`json_value`]),
/// with the compared pair's insights under `"insights"` when given (the
/// shape of `layerdiff insights --format json`). The link is not part of it.
pub fn json(r: &Report) -> String {
    let mut value = json_value(r.steps);
    if let (Some(pair), Some(map)) = (r.insights, value.as_object_mut()) {
        map.insert("insights".to_string(), insights_json(pair.insights));
    }
    serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".to_string())
}

/// The steps as a JSON value (shapes in `pair.rs` and `path.rs`).
pub fn json_value(steps: Steps) -> Value {
    match steps {
        Steps::Pair(c) => pair::json_value(c),
        Steps::Path(p) => path::json_value(p),
    }
}
