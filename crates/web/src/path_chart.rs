//! How the chart and the aligned table point at each other: which table row
//! an element of the chart stands for, and which chart elements a table row
//! lights up. The table always shows one comparison (the compared pair);
//! the chart is the pair's or the whole path's.
//!
//! - **Pair chart** (two steps): the overlay's `data-rows` are the rows of
//!   the table itself.
//! - **Path, compared steps are neighbours** `k → k + 1`: the table is the
//!   path's `neighbours[k]` (the same `compare` of the same histories), so
//!   a chart element names its row as `k:row` in `data-rows` (segments of
//!   columns `k` and `k + 1`, and the waterfall bar of step `k + 1`).
//! - **Path, any other two steps** (step 1 with step 4, or backwards): no
//!   neighbour comparison holds their rows, so segments are matched by
//!   layer: a segment of the compared columns (`data-step`) names its layers
//!   (`data-layers`, oldest first, as a row's `LayerRef.index`).

use crate::marks::mark;
use wasm_bindgen::JsCast;

use crate::path::PathView;
use layerdiff_core::compare::{Comparison, LayerRef};

/// How table rows are named in the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartRows {
    /// The pair chart: plain row numbers.
    Pair,
    /// The path, comparing step `k` with step `k + 1`: `k:row`.
    Neighbours(usize),
    /// The path, comparing any other two steps: by their columns' layers.
    Layers { old: usize, new: usize },
}

impl ChartRows {
    /// The naming for the chart shown: the path's when there is one.
    pub fn of(path: Option<&PathView>) -> ChartRows {
        match path.map(|v| v.compared) {
            None => ChartRows::Pair,
            Some((old, new)) if new == old + 1 => ChartRows::Neighbours(old),
            Some((old, new)) => ChartRows::Layers { old, new },
        }
    }

    /// The table row an event's target stands for: the nearest element with
    /// `data-rows` (or a badge's `data-row`) in the chart, the table or the
    /// insights panel.
    pub fn row_of_target(
        self,
        target: Option<web_sys::EventTarget>,
        c: &Comparison,
    ) -> Option<usize> {
        let el = target?.dyn_into::<web_sys::Element>().ok()?;
        let owner = el.closest("[data-rows],[data-row]").ok()??;
        let in_chart = owner.closest(".ld-chart").ok().flatten().is_some();
        let rows = owner
            .get_attribute("data-rows")
            .or_else(|| owner.get_attribute("data-row"))?;
        match self {
            ChartRows::Neighbours(k) if in_chart => rows.split_whitespace().find_map(|token| {
                let (pair, row) = token.split_once(':')?;
                (pair.parse::<usize>().ok()? == k).then(|| row.parse().ok())?
            }),
            ChartRows::Layers { old, new } if in_chart => {
                let step: usize = owner.get_attribute("data-step")?.parse().ok()?;
                let layers = owner.get_attribute("data-layers")?;
                let layers: Vec<usize> = layers
                    .split_whitespace()
                    .filter_map(|l| l.parse().ok())
                    .collect();
                let holds =
                    |l: &Option<LayerRef>| l.as_ref().is_some_and(|l| layers.contains(&l.index));
                c.rows.iter().position(|r| {
                    (step == old && holds(&r.before)) || (step == new && holds(&r.after))
                })
            }
            // the table's and the panel's own rows, and the pair chart's
            _ => rows.split_whitespace().next()?.parse().ok(),
        }
    }

    /// A CSS selector of the chart elements standing for table row `row`.
    pub fn chart_selector(self, row: usize, c: &Comparison) -> String {
        match self {
            ChartRows::Pair => format!("[data-rows~=\"{row}\"]"),
            ChartRows::Neighbours(k) => format!("[data-rows~=\"{k}:{row}\"]"),
            ChartRows::Layers { old, new } => {
                let Some(r) = c.rows.get(row) else {
                    return String::new();
                };
                let at = |step: usize, l: &Option<LayerRef>| {
                    l.as_ref().map(|l| {
                        format!(
                            ".ld-seg[data-step=\"{step}\"][data-layers~=\"{}\"]",
                            l.index
                        )
                    })
                };
                [at(old, &r.before), at(new, &r.after)]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        }
    }
}

/// Marks every element under `root` that `selector` selects (nothing for an
/// empty one), unmarking the others.
pub fn set_highlight(root: &web_sys::Element, selector: Option<&str>) {
    mark(root, "hl", selector.filter(|s| !s.is_empty()));
}
