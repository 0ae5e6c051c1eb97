//! The comparison chart: two stacked columns (before | after) joined by bands,
//! and a waterfall from the before total to the after total.
//!
//! Pure parts, no browser types:
//! - `data`: [`chart_data`] turns a [`crate::core::compare::Comparison`] into
//!   [`ChartData`] (segments, bands, labels, waterfall bars) — unit-tested numbers.
//! - `svg`: [`render_svg`] draws it with plotters' SVG backend into a `String`,
//!   plus an invisible overlay carrying `data-*` hooks for the UI.
//! - `layout`: where each part goes for a width and height — side by side
//!   when wide, the waterfall below the columns when narrow (phones) — and
//!   the text-width estimate every label is fitted with; the sizes the page
//!   draws at ([`ChartOptions::fitting`]: [`MIN_WIDTH`] to [`MAX_WIDTH`],
//!   [`height_for`] a width).
//! - `palette`: Okabe–Ito status colours, light and dark (and a path's
//!   colours by the step a layer first appears in).
//! - `path_data` / `path_svg`: the chart of a path of 3 to 8 steps (one
//!   column per step, bands between neighbours, a layer's colour kept across
//!   columns, the waterfall through every step); [`path_svg()`] is the one call
//!   for a path of any length (two steps draw the pair chart above).
//! - `badges`: where the page's insight badges go over a drawing, spread
//!   so that none covers another or a label.

pub mod badges;
pub mod data;
mod layout;
pub mod palette;
pub mod path_data;
pub mod path_svg;
pub mod svg;

pub use data::{chart_data, Band, Bar, BarKind, ChartData, Column, Segment, SegmentKind};
pub use layout::{height_for, MAX_WIDTH, MIN_WIDTH};
pub use path_data::{path_chart_data, PairRow, PathBand, PathChartData, PathColumn, PathSegment};
pub use path_svg::{origin_colour, path_svg, render_path_svg};
pub use svg::{render_svg, status_colour, ChartOptions, DEFAULT_WIDTH};
