//! The one chart: what a drawing of 2 to 8 columns shows, whatever it was
//! computed from. `draw` and `overlay` read only this.
//!
//! A pair's [`ChartData`] and a path's [`PathChartData`] each become a
//! [`Chart`] (`From`); how they differ is said by the data, not by a second
//! drawing:
//! - [`Arrangement`]: a pair's two columns leave room for side labels and
//!   their titles slide outwards; a path's columns share their room evenly
//!   and name themselves in the overlay (`ld-col`).
//! - Each segment, band and waterfall bar carries its [`Paint`] (a status,
//!   the base grey, or the step a layer first appears in), its stripes, and
//!   the overlay's `data-*` hooks, in the order they are written.

use super::data::{Bar, BarKind, ChartData, Column, Segment, SegmentKind};
use super::layout::{present_statuses, Key};
use super::path_data::{PathBand, PathChartData, PathSegment};
use crate::compare::Status;

/// How the columns stand, and so which texts the drawing prints itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrangement {
    /// Two columns with room on their outer sides for the segments' labels;
    /// each column's title is centred over it, or slid outwards to fit.
    Sides,
    /// Columns spread evenly over their room, a pitch each; no side labels
    /// (segment texts are in the overlay), titles fitted to the pitch.
    Steps,
}

/// A colour of the palette, named by what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// Totals and mixed groups.
    Muted,
    /// The shared base image.
    Base,
    Status(Status),
    /// The layers that first appear in this step.
    Origin(usize),
}

/// A data attribute of the overlay: name and value, written in order.
pub type Hook = (&'static str, String);

/// The title of one column: the step's name and total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartColumn {
    pub label: String,
    /// `≈ 417 MB`.
    pub total: String,
    pub total_bytes: u64,
}

/// One block of a column.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSegment {
    /// The column, from 0 (left).
    pub column: usize,
    pub kind: SegmentKind,
    /// Bytes below this segment in its column, and its size.
    pub start: u64,
    pub bytes: u64,
    /// Layer indexes in the column's history, oldest first.
    pub layers: Vec<usize>,
    pub status: Option<Status>,
    pub paint: Paint,
    /// Diagonal stripes over it: `\` (true) or `/` (false).
    pub hatch: Option<bool>,
    /// Its status symbol (or the base image's words) is printed inside it.
    pub marked: bool,
    /// The side label (two lines), for the biggest segments of a pair.
    pub label: Option<String>,
    /// Tooltip and screen-reader text.
    pub title: String,
    /// The overlay's attributes before `data-status` and `data-kind`.
    pub hooks: Vec<Hook>,
}

impl ChartSegment {
    /// `data-status` value: the status word, or `mixed`.
    pub fn status_str(&self) -> &'static str {
        status_word(self.status)
    }

    /// `data-kind` value.
    pub fn kind_str(&self) -> &'static str {
        match self.kind {
            SegmentKind::Layer => "layer",
            SegmentKind::Group => "group",
            SegmentKind::Base => "base",
        }
    }

    /// Weight of its side label when not all fit: the biggest segments first,
    /// a changed layer before an unchanged one of similar size.
    pub fn label_weight(&self) -> u64 {
        if self.kind == SegmentKind::Layer && self.status.is_some_and(|st| st != Status::Same) {
            self.bytes.saturating_mul(2)
        } else {
            self.bytes
        }
    }
}

/// A ribbon from a segment in column `left` to one in column `left + 1`.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartBand {
    pub left: usize,
    /// Byte range (bottom, top) in each column.
    pub left_span: (u64, u64),
    pub right_span: (u64, u64),
    pub paint: Paint,
    pub alpha: f64,
    /// A band too thin to fill is drawn as a line.
    pub thin_line: bool,
}

/// How a waterfall bar is painted and hooked.
#[derive(Debug, Clone, PartialEq)]
pub struct BarLook {
    pub paint: Paint,
    /// Printed before the bar's label.
    pub symbol: &'static str,
    /// The overlay's attributes between `data-kind` and `data-status`.
    pub hooks: Vec<Hook>,
}

/// Everything a drawing shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub arrangement: Arrangement,
    /// `Sum of layer sizes`.
    pub title: String,
    /// First → last: `≈ −101 MB (−24 %)`.
    pub delta: String,
    /// Short description for `aria-label`.
    pub summary: String,
    /// The largest total (the scale's top), at least 1.
    pub max_bytes: u64,
    pub columns: Vec<ChartColumn>,
    /// Every column's segments, column by column, each bottom up.
    pub segments: Vec<ChartSegment>,
    pub bands: Vec<ChartBand>,
    pub waterfall: Vec<Bar>,
    /// One per waterfall bar.
    pub bar_looks: Vec<BarLook>,
    /// The waterfall axis range in bytes (a start above 0: a broken axis).
    pub waterfall_axis: (u64, u64),
    /// The legend's keys, in order.
    pub legend: Vec<Key>,
}

/// A status as the overlay's `data-status` says it: its word, or `mixed`
/// for a group of several.
pub fn status_word(status: Option<Status>) -> &'static str {
    status.map_or("mixed", Status::as_str)
}

fn is_total(bar: &Bar) -> bool {
    matches!(bar.kind, BarKind::Start | BarKind::End)
}

fn join<T: ToString>(v: impl IntoIterator<Item = T>) -> String {
    v.into_iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A pair: two columns (before, after) coloured by status, side labels.
impl From<&ChartData> for Chart {
    fn from(d: &ChartData) -> Chart {
        let bytes = |k: BarKind| d.waterfall.iter().find(|b| b.kind == k).map_or(0, |b| b.to);
        let columns = vec![
            ChartColumn {
                label: d.before_label.clone(),
                total: d.before_total.clone(),
                total_bytes: bytes(BarKind::Start),
            },
            ChartColumn {
                label: d.after_label.clone(),
                total: d.after_total.clone(),
                total_bytes: bytes(BarKind::End),
            },
        ];
        let mut legend: Vec<Key> = present_statuses(d).into_iter().map(Key::Status).collect();
        legend.push(Key::Base);
        Chart {
            arrangement: Arrangement::Sides,
            title: d.title.clone(),
            delta: d.delta.clone(),
            summary: d.summary.clone(),
            max_bytes: d.max_bytes,
            columns,
            segments: d.segments.iter().map(pair_segment).collect(),
            bands: d.bands.iter().map(pair_band).collect(),
            waterfall: d.waterfall.clone(),
            bar_looks: d.waterfall.iter().map(pair_bar).collect(),
            waterfall_axis: d.waterfall_axis,
            legend,
        }
    }
}

/// A segment's or band's paint: the base image's grey, whatever the view
/// colours its own layers by (`own`).
fn paint_of(kind: SegmentKind, own: Paint) -> Paint {
    if kind == SegmentKind::Base {
        Paint::Base
    } else {
        own
    }
}

fn pair_segment(s: &Segment) -> ChartSegment {
    let base = s.kind == SegmentKind::Base;
    let striped = matches!(s.status, Some(Status::Removed) | Some(Status::Added));
    ChartSegment {
        column: match s.column {
            Column::Before => 0,
            Column::After => 1,
        },
        kind: s.kind,
        start: s.start,
        bytes: s.bytes,
        layers: s.layers.clone(),
        status: s.status,
        paint: paint_of(s.kind, Paint::Status(s.dominant)),
        hatch: (striped && !base).then_some(s.status == Some(Status::Added)),
        marked: true,
        label: s.label.clone(),
        title: s.title.clone(),
        hooks: vec![
            ("data-side", s.column.as_str().to_string()),
            ("data-row", s.rows.first().copied().unwrap_or(0).to_string()),
            ("data-rows", join(&s.rows)),
            ("data-layers", join(&s.layers)),
        ],
    }
}

fn pair_band(b: &super::data::Band) -> ChartBand {
    ChartBand {
        left: 0,
        left_span: b.before_span,
        right_span: b.after_span,
        paint: Paint::Status(b.status),
        alpha: if b.status == Status::Same { 0.22 } else { 0.32 },
        thin_line: b.status == Status::Moved,
    }
}

/// A pair's bars: totals muted, changes in their status colour and symbol.
fn pair_bar(bar: &Bar) -> BarLook {
    let (paint, symbol) = if is_total(bar) {
        (Paint::Muted, "")
    } else {
        (
            bar.status.map_or(Paint::Muted, Paint::Status),
            bar.status.map_or("±", Status::symbol),
        )
    };
    BarLook {
        paint,
        symbol,
        hooks: vec![("data-rows", join(&bar.rows))],
    }
}

/// A path: one column per step, coloured by the step a layer first appears in.
impl From<&PathChartData> for Chart {
    fn from(d: &PathChartData) -> Chart {
        let columns = d.columns.clone();
        let last = columns.len().saturating_sub(1);
        Chart {
            arrangement: Arrangement::Steps,
            title: d.title.clone(),
            delta: d.delta.clone(),
            summary: d.summary.clone(),
            max_bytes: d.max_bytes,
            segments: d.segments.iter().map(path_segment).collect(),
            bands: d.bands.iter().map(|b| path_band(d, b)).collect(),
            waterfall: d.waterfall.clone(),
            bar_looks: (0..d.waterfall.len())
                .zip(&d.waterfall)
                .map(|(k, bar)| path_bar(k, bar, last))
                .collect(),
            waterfall_axis: d.waterfall_axis,
            legend: path_legend(d),
            columns,
        }
    }
}

fn path_segment(s: &PathSegment) -> ChartSegment {
    let base = s.kind == SegmentKind::Base;
    ChartSegment {
        column: s.step,
        kind: s.kind,
        start: s.start,
        bytes: s.bytes,
        layers: s.layers.clone(),
        status: s.status,
        paint: paint_of(s.kind, Paint::Origin(s.origin)),
        // not colour alone: new layers hatched `\`, layers gone next `/`
        hatch: (!base && (s.new_here || s.gone_next)).then_some(s.new_here),
        marked: false,
        label: None,
        title: s.title.clone(),
        hooks: vec![
            ("data-step", s.step.to_string()),
            (
                "data-rows",
                join(s.rows.iter().map(|r| format!("{}:{}", r.pair, r.row))),
            ),
            ("data-layers", join(&s.layers)),
            ("data-origin", s.origin.to_string()),
        ],
    }
}

fn path_band(d: &PathChartData, b: &PathBand) -> ChartBand {
    let left_kind = d.segments.get(b.left_segment).map(|s| s.kind);
    ChartBand {
        left: b.pair,
        left_span: b.left_span,
        right_span: b.right_span,
        paint: paint_of(
            left_kind.unwrap_or(SegmentKind::Layer),
            Paint::Origin(b.origin),
        ),
        alpha: if b.status == Status::Same { 0.22 } else { 0.4 },
        thin_line: false,
    }
}

/// Totals muted, each change in the colour of the step it reaches.
fn path_bar(k: usize, bar: &Bar, last: usize) -> BarLook {
    let (paint, symbol) = if is_total(bar) {
        (Paint::Muted, "")
    } else {
        let symbol = match bar.kind {
            BarKind::Shrunk => "−",
            BarKind::Grown => "+",
            _ => "≈",
        };
        (Paint::Origin(k.min(last)), symbol)
    };
    let pair = k.saturating_sub(1);
    BarLook {
        paint,
        symbol,
        hooks: vec![
            ("data-step", k.min(last).to_string()),
            (
                "data-rows",
                join(bar.rows.iter().map(|r| format!("{pair}:{r}"))),
            ),
        ],
    }
}

/// A path's legend: one key per origin drawn, then the base block if drawn.
fn path_legend(d: &PathChartData) -> Vec<Key> {
    let drawn = |k: &usize| {
        d.segments
            .iter()
            .any(|s| s.kind != SegmentKind::Base && s.origin == *k)
    };
    let mut keys: Vec<Key> = (0..d.columns.len())
        .filter(drawn)
        .map(Key::Origin)
        .collect();
    if d.segments.iter().any(|s| s.kind == SegmentKind::Base) {
        keys.push(Key::Base);
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{chart_data, path_chart_data};
    use crate::compare::compare;
    use crate::compare::path::compare_path;
    use crate::parse::parse;

    const STEPS: [&str; 3] = [
        "IMAGE          CREATED       CREATED BY                                      SIZE      COMMENT
<missing>      2 days ago    RUN npm install                                 57.7MB
<missing>      3 weeks ago   /bin/sh -c #(nop) ADD file:abc in /             7.8MB
",
        "IMAGE          CREATED       CREATED BY                                      SIZE      COMMENT
<missing>      1 day ago     RUN npm ci --omit=dev                           21.3MB
<missing>      3 weeks ago   /bin/sh -c #(nop) ADD file:abc in /             7.8MB
",
        "IMAGE          CREATED       CREATED BY                                      SIZE      COMMENT
<missing>      1 hour ago    RUN npm ci --omit=dev                           20.1MB
<missing>      3 weeks ago   /bin/sh -c #(nop) ADD file:abc in /             7.8MB
",
    ];

    fn histories() -> Vec<crate::model::History> {
        STEPS
            .iter()
            .filter_map(|t| parse(t).histories.into_iter().next())
            .collect()
    }

    #[test]
    fn a_pair_is_two_columns_with_side_labels() {
        let h = histories();
        let chart = Chart::from(&chart_data(&compare(&h[0], &h[1]), &h[0], &h[1]));
        assert_eq!(chart.arrangement, Arrangement::Sides);
        assert_eq!(chart.columns.len(), 2);
        assert!(chart.segments.iter().all(|s| s.column < 2 && s.marked));
        assert!(chart.segments.iter().any(|s| s.label.is_some()));
        // the waterfall's totals are the columns' totals
        let first = chart.waterfall.first().map(|b| b.to);
        assert_eq!(first, Some(chart.columns[0].total_bytes));
        assert_eq!(chart.bar_looks.len(), chart.waterfall.len());
    }

    #[test]
    fn a_path_is_a_column_per_step_hooked_by_pair_and_row() {
        let h = histories();
        let refs: Vec<_> = h.iter().collect();
        let p = compare_path(&refs).expect("three steps compare");
        let chart = Chart::from(&path_chart_data(&p, &refs));
        assert_eq!(chart.arrangement, Arrangement::Steps);
        assert_eq!(chart.columns.len(), 3);
        assert!(chart
            .segments
            .iter()
            .all(|s| s.label.is_none() && !s.marked));
        // a change bar names the rows of its neighbour comparison as pair:row
        let to_second = chart.bar_looks.get(1).expect("a change bar");
        let rows = to_second.hooks.iter().find(|h| h.0 == "data-rows");
        assert!(rows.is_some_and(|(_, v)| v.starts_with("0:")), "{rows:?}");
    }
}
