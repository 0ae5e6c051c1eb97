//! Draws a path's chart ([`PathChartData`]) as one SVG document, and
//! [`path_svg`], the one call for a path of any length: two steps are the
//! pair chart ([`super::render_svg`], unchanged), three to eight the columns
//! drawn here.
//!
//! The arrangement follows the pair chart's `layout`: wide, the columns take
//! the left ~62 % and the waterfall stands to their right; narrow (phones),
//! the columns span the width and the waterfall sits below. The columns share
//! their room evenly (a pitch each); every column text (the step's name, its
//! total) is fitted to its pitch, and a name that would be cut to nothing is
//! replaced by the step's number, a total that does not fit whole is left out
//! (a number is never cut): the waterfall below or beside lists every step
//! with its name and total. There are no side labels: segment texts are in
//! the overlay's `<title>`.
//!
//! Overlay (for hover, focus and screen readers, as the pair chart's):
//! - `<rect class="ld-col">` over each column's name and total, with
//!   `data-step`, `data-bytes` (the step's total) and a `<title>` holding
//!   the whole name (the drawn one may be cut to the step's number).
//! - `<rect class="ld-seg ld-{status}">` per segment, with `data-step` (the
//!   column, from 0), `data-rows` (the neighbour rows holding its layers,
//!   each `pair:row`: row `row` of the comparison of step `pair` with step
//!   `pair + 1`, space separated; so a middle column's layer names its row to
//!   the left and to the right), `data-layers` (oldest first in that step),
//!   `data-origin` (the step its colour comes from), `data-status` (towards
//!   the previous step; towards the next in the first column), `data-kind`,
//!   `tabindex` and a `<title>`.
//! - `<rect class="ld-bar">` per waterfall bar with `data-kind`,
//!   `data-step` (the step whose total or change it shows), `data-rows` (for
//!   a change, the `pair:row`s of the neighbour rows that changed size; empty
//!   for the totals) and `data-status="mixed"`.
//!
//! Two steps draw the pair chart, whose overlay is the pair's (`data-side`,
//! `data-rows` of plain row numbers in `neighbours[0]`): a page tells them
//! apart by the root's class, `ld-chart ld-path` for three steps and more.

use super::data::{BarKind, ChartData, SegmentKind};
use super::layout::{clamp_width, fit, text_width, Key, Layout, Legend, EDGE};
use super::path_data::{path_chart_data, PathChartData, PathSegment};
use super::svg::{
    close_overlay, draw_legend, draw_waterfall_styled, esc, hatch, join, open_overlay, ribbon,
    wf_x, BarStyle, Canvas, FONT,
};
use super::{chart_data, render_svg, ChartOptions};
use crate::core::compare::numbers::human_bytes;
use crate::core::compare::path::PathComparison;
use crate::core::compare::Status;
use crate::core::model::History;
use plotters::style::text_anchor::{HPos, VPos};

use super::palette::{hex, Palette};

/// The chart of a path as an SVG document: the pair chart for two steps,
/// one column per step for three to eight. `histories` are the path's steps.
pub fn path_svg(p: &PathComparison, histories: &[&History], options: &ChartOptions) -> String {
    match (p.neighbours.as_slice(), histories) {
        ([pair], [before, after]) => render_svg(&chart_data(pair, before, after), options),
        _ => render_path_svg(&path_chart_data(p, histories), options),
    }
}

/// The colour of the layers that first appear in step `step` of a path, as
/// `#rrggbb` (for a legend or table outside the chart that matches it).
pub fn origin_colour(step: usize, dark: bool) -> String {
    hex(Palette::for_theme(dark).origin(step))
}

/// Where the columns go: the room they share and each one's left edge.
struct Columns {
    /// Left end and width of each column's share of the room.
    lo: i32,
    hi: i32,
    pitch: i32,
    col_w: i32,
}

impl Columns {
    fn new(l: &Layout, n: usize) -> Columns {
        let n = n.max(1) as i32;
        let lo = EDGE + 6;
        let hi = if l.narrow {
            l.w - EDGE - 6
        } else {
            l.cols_right
        };
        let pitch = ((hi - lo) / n).max(1);
        let col_w = ((f64::from(pitch) * 0.42) as i32).clamp(12, 56);
        Columns {
            lo,
            hi,
            pitch,
            col_w,
        }
    }

    /// The left edge of column `k`.
    fn x(&self, k: usize) -> i32 {
        self.lo + self.pitch * k as i32 + (self.pitch - self.col_w) / 2
    }

    /// The centre of column `k`.
    fn centre(&self, k: usize) -> i32 {
        self.x(k) + self.col_w / 2
    }
}

/// The frame the pair chart's layout and waterfall are computed from.
fn frame(d: &PathChartData) -> ChartData {
    ChartData {
        title: d.title.clone(),
        before_label: String::new(),
        after_label: String::new(),
        before_total: String::new(),
        after_total: String::new(),
        delta: d.delta.clone(),
        max_bytes: d.max_bytes,
        segments: Vec::new(),
        bands: Vec::new(),
        waterfall: d.waterfall.clone(),
        waterfall_axis: d.waterfall_axis,
        summary: d.summary.clone(),
    }
}

/// The legend: one key per origin present, then the base block if drawn.
fn legend(d: &PathChartData, w: i32) -> Legend {
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
    Legend::of_keys(&keys, w)
}

/// Draws a path's chart (any number of columns). The result is a complete `<svg>` document.
pub fn render_path_svg(d: &PathChartData, options: &ChartOptions) -> String {
    let p = Palette::for_theme(options.dark);
    let fr = frame(d);
    let legend = legend(d, clamp_width(options.width));
    let l = Layout::with_legend(options.width, options.height, &fr, legend);
    let cols = Columns::new(&l, d.columns.len());
    let mut buf = String::new();
    {
        let mut c = Canvas::new(&mut buf, l.w, l.h);
        c.rect(0, 0, l.w, l.h, p.background, 1.0);
        draw_header(&mut c, d, &l, &cols, &p);
        draw_bands(&mut c, d, &l, &cols, &p);
        draw_columns(&mut c, d, &l, &cols, &p);
        let style = |k: usize, bar: &super::data::Bar| bar_style(&p, k, bar, d.columns.len());
        draw_waterfall_styled(&mut c, &fr, &l, &p, &style);
        draw_legend(&mut c, &l, &p);
        c.finish();
    }
    finish(buf, d, &l, &cols)
}

/// Totals muted, each change in the colour of the step it reaches.
fn bar_style(p: &Palette, k: usize, bar: &super::data::Bar, steps: usize) -> BarStyle {
    match bar.kind {
        BarKind::Start | BarKind::End => BarStyle {
            colour: p.muted,
            symbol: "",
        },
        _ => BarStyle {
            colour: p.origin(k.min(steps.saturating_sub(1))),
            symbol: match bar.kind {
                BarKind::Shrunk => "−",
                BarKind::Grown => "+",
                _ => "≈",
            },
        },
    }
}

fn draw_header(c: &mut Canvas, d: &PathChartData, l: &Layout, cols: &Columns, p: &Palette) {
    let title = fit(&d.title, 15.0, f64::from(l.w - 28));
    c.text(&title, 14, 22, 15.0, p.text, HPos::Left, VPos::Center, true);
    let room = f64::from(cols.hi - cols.lo - 2);
    let delta = fit(&d.delta, 16.0, room);
    let half = (text_width(&delta, 16.0) / 2.0).ceil() as i32;
    let x = ((cols.lo + cols.hi) / 2)
        .min(cols.hi - half)
        .max(cols.lo + half);
    c.text(
        &delta,
        x,
        46,
        16.0,
        p.text,
        HPos::Center,
        VPos::Center,
        true,
    );
    let room = f64::from(cols.pitch - 6);
    // names cut to a stub are no names: then every column shows its number
    // (the waterfall's labels carry the numbers too)
    let stub = |label: &str| {
        let t = fit(label, 11.0, room);
        t != label && t.chars().count() < 5
    };
    let numbered = d.columns.iter().any(|c| stub(&c.label));
    for (k, column) in d.columns.iter().enumerate() {
        let cx = cols.centre(k);
        let name = if numbered {
            fit(&(k + 1).to_string(), 11.0, room)
        } else {
            fit(&column.label, 11.0, room)
        };
        c.text(
            &name,
            cx,
            66,
            11.0,
            p.muted,
            HPos::Center,
            VPos::Center,
            false,
        );
        let total = [column.total.clone(), human_bytes(column.total_bytes)]
            .into_iter()
            .find(|t| text_width(t, 12.0) <= room)
            .unwrap_or_default();
        c.text(
            &total,
            cx,
            81,
            12.0,
            p.text,
            HPos::Center,
            VPos::Center,
            true,
        );
    }
    let (x0, x1) = (
        cols.x(0) - 6,
        cols.x(d.columns.len().saturating_sub(1)) + cols.col_w + 6,
    );
    c.line((x0, l.bottom), (x1, l.bottom), p.grid, 1.0);
}

fn draw_bands(c: &mut Canvas, d: &PathChartData, l: &Layout, cols: &Columns, p: &Palette) {
    for band in &d.bands {
        let x0 = cols.x(band.pair) + cols.col_w;
        let x1 = cols.x(band.pair + 1);
        let (lt, lb) = (l.y(band.left_span.1), l.y(band.left_span.0));
        let (rt, rb) = (l.y(band.right_span.1), l.y(band.right_span.0));
        let base = d
            .segments
            .get(band.left_segment)
            .is_some_and(|s| s.kind == SegmentKind::Base);
        let colour = if base { p.base } else { p.origin(band.origin) };
        let alpha = if band.status == Status::Same {
            0.22
        } else {
            0.4
        };
        if lb - lt < 1 && rb - rt < 1 {
            continue;
        }
        c.polygon(ribbon((x0, lt, lb), (x1, rt, rb)), colour, alpha);
    }
}

/// A segment's box: (x0, y0, x1, y1).
fn seg_box(s: &PathSegment, l: &Layout, cols: &Columns) -> (i32, i32, i32, i32) {
    let x = cols.x(s.step);
    let y1 = l.y(s.start);
    let y0 = l.y(s.start.saturating_add(s.bytes));
    (x, y0, x + cols.col_w, y1)
}

fn draw_columns(c: &mut Canvas, d: &PathChartData, l: &Layout, cols: &Columns, p: &Palette) {
    for s in &d.segments {
        let (x0, y0, x1, y1) = seg_box(s, l, cols);
        if y1 - y0 < 1 {
            continue;
        }
        let colour = if s.kind == SegmentKind::Base {
            p.base
        } else {
            p.origin(s.origin)
        };
        c.rect(x0, y0, x1, y1, colour, 1.0);
        // not colour alone: new layers hatched `\`, layers gone next `/`
        if s.kind != SegmentKind::Base && (s.new_here || s.gone_next) {
            hatch(c, (x0, y0, x1, y1), p.background, s.new_here);
        }
        c.line((x0, y0), (x1, y0), p.background, 1.0);
    }
}

/// Makes the root scale to its container and appends the interactive overlay.
fn finish(mut svg: String, d: &PathChartData, l: &Layout, cols: &Columns) -> String {
    let old = format!(
        r#"<svg width="{}" height="{}" viewBox="0 0 {} {}""#,
        l.w, l.h, l.w, l.h
    );
    let new = format!(
        r#"<svg class="ld-chart ld-path" viewBox="0 0 {} {}" preserveAspectRatio="xMidYMid meet" role="img" aria-label="{}" font-family="{}""#,
        l.w,
        l.h,
        esc(&d.summary),
        FONT
    );
    svg = svg.replacen(&old, &new, 1);
    let mut overlay = open_overlay(l);
    for (k, column) in d.columns.iter().enumerate() {
        overlay.push_str(&format!(
            "<rect class=\"ld-col\" data-step=\"{k}\" data-bytes=\"{bytes}\" x=\"{x}\" y=\"56\" width=\"{w}\" height=\"32\" pointer-events=\"all\"><title>{title}</title></rect>\n",
            bytes = column.total_bytes,
            x = cols.centre(k) - cols.pitch / 2,
            w = cols.pitch,
            title = esc(&format!("step {}: {}, {}", k + 1, column.label, column.total)),
        ));
    }
    for s in &d.segments {
        let (x0, y0, x1, y1) = seg_box(s, l, cols);
        let rows: Vec<String> = s
            .rows
            .iter()
            .map(|r| format!("{}:{}", r.pair, r.row))
            .collect();
        overlay.push_str(&format!(
            "<rect class=\"ld-seg ld-{status}\" data-step=\"{step}\" data-rows=\"{rows}\" data-layers=\"{layers}\" data-origin=\"{origin}\" data-status=\"{status}\" data-kind=\"{kind}\" x=\"{x0}\" y=\"{y0}\" width=\"{w}\" height=\"{h}\" pointer-events=\"all\" tabindex=\"0\"><title>{title}</title></rect>\n",
            status = s.status_str(),
            step = s.step,
            rows = rows.join(" "),
            layers = join(&s.layers),
            origin = s.origin,
            kind = match s.kind {
                SegmentKind::Layer => "layer",
                SegmentKind::Group => "group",
                SegmentKind::Base => "base",
            },
            w = x1 - x0,
            h = (y1 - y0).max(0),
            title = esc(&s.title),
        ));
    }
    let fr = frame(d);
    let (bx0, _, kx, label_w) = l.bar_geometry(&fr);
    let last = d.columns.len().saturating_sub(1);
    for (k, bar) in d.waterfall.iter().enumerate() {
        let x0 = bx0 - label_w;
        let x1 = wf_x(&fr, bx0, kx, bar.from.max(bar.to));
        let y0 = l.wf_top + k as i32 * l.wf_row_h;
        overlay.push_str(&format!(
            "<rect class=\"ld-bar\" data-kind=\"{kind}\" data-step=\"{step}\" data-rows=\"{rows}\" data-status=\"mixed\" x=\"{x0}\" y=\"{y0}\" width=\"{w}\" height=\"{h}\" pointer-events=\"all\" tabindex=\"0\"><title>{title}</title></rect>\n",
            kind = bar.kind.as_str(),
            step = k.min(last),
            rows = bar
                .rows
                .iter()
                .map(|r| format!("{}:{r}", k.saturating_sub(1)))
                .collect::<Vec<_>>()
                .join(" "),
            w = (x1 - x0).max(1),
            h = l.wf_row_h,
            title = esc(&format!("{}: {}", bar.label, bar.value)),
        ));
    }
    close_overlay(svg, overlay)
}
