//! The chart: stacked columns joined by bands, and a waterfall of the totals,
//! for 2 to 8 columns. One model, one drawing; a pair is two columns.
//!
//! From data to drawing, no browser types:
//! - `data` ([`chart_data`]: a [`crate::compare::Comparison`] →
//!   [`ChartData`]) and `path_data` ([`path_chart_data`]: a path of 3 to 8
//!   steps → [`PathChartData`]) compute the numbers: segments (tiny layers
//!   grouped, the shared base image one block), bands between neighbouring
//!   columns, the biggest segments' labels, waterfall bars that add up;
//!   unit-tested numbers.
//! - `model`: the one [`Chart`] both become (`From`). What a pair shows
//!   differently from a path is data: the [`Arrangement`] (a pair's two
//!   columns leave room for side labels; a path's share their room by step),
//!   each part's [`Paint`] (a status, the base grey, or the step a layer
//!   first appears in), its stripes, and the overlay's `data-*` hooks.
//! - `draw`: the one drawing of a [`Chart`] with plotters' SVG backend
//!   (header, bands, columns, side labels, waterfall, legend); `overlay`:
//!   the root made to scale and an invisible overlay carrying the `data-*`
//!   hooks for the page.
//! - `svg`: the entry points: [`render`] (any [`Chart`]), [`render_svg`] (a
//!   pair's data), [`render_path_svg`] (a path's data), [`path_svg()`] (a
//!   path of any length: two steps are the pair), [`ChartOptions`].
//! - `layout`: where each part goes for a width and height — side by side
//!   when wide, the waterfall below the columns when narrow (phones) — and
//!   the text-width estimate every label is fitted with; the sizes the page
//!   draws at ([`ChartOptions::fitting`]: [`MIN_WIDTH`] to [`MAX_WIDTH`],
//!   [`height_for`] a width).
//! - `palette`: Okabe–Ito status colours, light and dark (and a path's
//!   colours by the step a layer first appears in).
//! - `badges`: where the page's insight badges go over a drawing, spread
//!   so that none covers another or a label.

pub mod badges;
pub mod data;
mod draw;
mod layout;
pub mod model;
mod overlay;
pub mod palette;
pub mod path_data;
pub mod svg;

pub use data::{chart_data, Band, Bar, BarKind, ChartData, Column, Segment, SegmentKind};
pub use layout::{height_for, MAX_WIDTH, MIN_WIDTH};
pub use model::{Arrangement, Chart, ChartColumn, ChartSegment, Paint};
pub use path_data::{path_chart_data, PairRow, PathBand, PathChartData, PathColumn, PathSegment};
pub use svg::{
    origin_colour, path_svg, render, render_path_svg, render_svg, status_colour, ChartOptions,
    DEFAULT_WIDTH,
};
