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
//!   the text-width estimate every label is fitted with.
//! - `palette`: Okabe–Ito status colours, light and dark.

pub mod data;
mod layout;
pub mod palette;
pub mod svg;

pub use data::{chart_data, Band, Bar, BarKind, ChartData, Column, Segment, SegmentKind};
pub use svg::{render_svg, status_colour, ChartOptions};
