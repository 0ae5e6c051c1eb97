//! The chart's entry points: [`ChartOptions`] (size and theme), and the
//! calls that turn a pair's or a path's data into one SVG document (a
//! `String`) through the one [`Chart`] model: [`render`] draws any chart;
//! [`render_svg`] and [`render_path_svg`] are that call for a pair's and a
//! path's data; [`path_svg`] is the one call for a path of any length (two
//! steps are the pair: the same drawing as [`render_svg`]).

use super::data::{chart_data, ChartData};
use super::draw::{picture, Places};
use super::layout::{height_for, Layout, MAX_WIDTH, MIN_WIDTH, WIDE_HEIGHT};
use super::model::Chart;
use super::overlay::finish;
use super::palette::{hex, Palette};
use super::path_data::{path_chart_data, PathChartData};
use crate::compare::path::PathComparison;
use crate::compare::Status;
use crate::model::History;

/// Size and theme of the drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartOptions {
    /// viewBox width (user units ≈ CSS px at 100 %).
    pub width: u32,
    /// viewBox height.
    pub height: u32,
    /// Dark theme.
    pub dark: bool,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            width: DEFAULT_WIDTH,
            height: WIDE_HEIGHT,
            dark: false,
        }
    }
}

/// The width drawn before the page has measured its room (and the exports').
pub const DEFAULT_WIDTH: u32 = 960;

impl ChartOptions {
    /// The drawing for a container `px` CSS pixels wide: as wide, within
    /// [`MIN_WIDTH`]..=[`MAX_WIDTH`] (a phone gets the narrow layout rather
    /// than a shrunken wide one; a wide screen no tiny text), and as high as
    /// that layout needs ([`height_for`]).
    pub fn fitting(px: u32, dark: bool) -> ChartOptions {
        let width = px.clamp(MIN_WIDTH, MAX_WIDTH);
        ChartOptions {
            width,
            height: height_for(width),
            dark,
        }
    }
}

/// Draws a chart of any number of columns. The result is a complete `<svg>` document.
pub fn render(d: &Chart, options: &ChartOptions) -> String {
    let p = Palette::for_theme(options.dark);
    let l = Layout::new(options.width, options.height, d);
    let at = Places::new(&l, d);
    finish(picture(d, &l, &at, &p), d, &l, &at)
}

/// Draws a pair's chart ([`render`] of its two columns).
pub fn render_svg(data: &ChartData, options: &ChartOptions) -> String {
    render(&Chart::from(data), options)
}

/// Draws a path's chart ([`render`] of one column per step).
pub fn render_path_svg(d: &PathChartData, options: &ChartOptions) -> String {
    render(&Chart::from(d), options)
}

/// The chart of a path as an SVG document: the pair's two columns for two
/// steps, one column per step for three to eight. `histories` are the
/// path's steps.
pub fn path_svg(p: &PathComparison, histories: &[&History], options: &ChartOptions) -> String {
    let chart = match (p.neighbours.as_slice(), histories) {
        ([pair], [before, after]) => Chart::from(&chart_data(pair, before, after)),
        _ => Chart::from(&path_chart_data(p, histories)),
    };
    render(&chart, options)
}

/// The colour of a status as `#rrggbb`, for a UI legend that matches the chart.
pub fn status_colour(s: Status, dark: bool) -> String {
    hex(Palette::for_theme(dark).status(Some(s)))
}

/// The colour of the layers that first appear in step `step` of a path, as
/// `#rrggbb` (for a legend or table outside the chart that matches it).
pub fn origin_colour(step: usize, dark: bool) -> String {
    hex(Palette::for_theme(dark).origin(step))
}
