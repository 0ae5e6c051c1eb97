//! Draws [`ChartData`] as one SVG document (a `String`), with plotters' SVG
//! backend for the picture and a thin layer of our own elements for the UI.
//!
//! Why two layers: plotters writes plain `<rect>`/`<text>`/`<polygon>`
//! elements and has no way to attach attributes to them. So plotters draws
//! everything visible (columns, bands, labels, waterfall, legend), and then
//! an invisible overlay is appended: one `<rect class="ld-seg">` per segment
//! and one `<rect class="ld-bar">` per waterfall bar, at the same place, with
//! `data-side`, `data-row` (first row), `data-rows` (all rows, space
//! separated), `data-layers`, `data-status` and a `<title>` (tooltip and
//! screen-reader text). The UI hooks events and hover styles on the overlay
//! (`.ld-seg:hover { stroke: … }`) and never has to parse plotters' output.
//!
//! The root element has a `viewBox` and no fixed width/height, so it scales
//! crisply to the panel width. Text is plain `<text>` in `system-ui,
//! sans-serif` (no font files: plotters' `ttf` feature is off).
//!
//! Positions come from `layout` (side by side when wide, the waterfall below
//! the columns when narrow); every text is fitted to its room with the
//! layout's width estimate, and side labels that cannot all be stacked
//! legibly keep the biggest ones, so no text overlaps another at any width
//! (`tests/chart_layout.rs` checks every corpus pair from 320 to 1100 wide).

use super::data::{Bar, BarKind, ChartData, Column, Segment, SegmentKind};
use super::layout::{
    fit, height_for, text_width, Key, Layout, BAR_TEXT_SIZE, EDGE, LABEL_DETAIL_SIZE, LABEL_PITCH,
    LABEL_SIZE, LEGEND_SIZE, MAX_WIDTH, MIN_WIDTH, NOTE_SIZE, WIDE_HEIGHT,
};
use super::palette::{hex, Palette, Rgb};
use crate::core::compare::numbers::human_bytes;
use crate::core::compare::Status;
use crate::core::order::{self, sort_by_rank, Rank};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

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

pub(super) const FONT: &str = "system-ui, sans-serif";

/// A solid or translucent colour for plotters.
#[allow(non_snake_case)]
fn Paint(c: Rgb, alpha: f64) -> RGBAColor {
    RGBAColor(c.0, c.1, c.2, alpha)
}

/// Thin wrapper: plotters' backend calls with errors ignored (a String target cannot fail).
pub(super) struct Canvas<'a> {
    b: SVGBackend<'a>,
}

impl Canvas<'_> {
    /// A canvas drawing into `buf`, `w` × `h` units.
    pub(super) fn new(buf: &mut String, w: i32, h: i32) -> Canvas<'_> {
        Canvas {
            b: SVGBackend::with_string(buf, (w as u32, h as u32)),
        }
    }
    /// Writes the drawing out (plotters' `present`).
    pub(super) fn finish(mut self) {
        let _ = self.b.present();
    }
    pub(super) fn rect(&mut self, x0: i32, y0: i32, x1: i32, y1: i32, c: Rgb, alpha: f64) {
        let _ = self.b.draw_rect((x0, y0), (x1, y1), &Paint(c, alpha), true);
    }
    pub(super) fn line(&mut self, from: (i32, i32), to: (i32, i32), c: Rgb, alpha: f64) {
        let _ = self.b.draw_line(from, to, &Paint(c, alpha));
    }
    pub(super) fn polygon(&mut self, pts: Vec<(i32, i32)>, c: Rgb, alpha: f64) {
        let _ = self.b.fill_polygon(pts, &Paint(c, alpha));
    }
    #[allow(clippy::too_many_arguments)]
    pub(super) fn text(
        &mut self,
        s: &str,
        x: i32,
        y: i32,
        size: f64,
        c: Rgb,
        h: HPos,
        v: VPos,
        bold: bool,
    ) {
        if s.is_empty() {
            return;
        }
        let style = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        // plotters' SVG backend writes font-size = size / 1.24
        let font = FontDesc::new(FontFamily::Name(FONT), size * 1.24, style);
        let colour = RGBColor(c.0, c.1, c.2);
        let ts = TextStyle::from(font).color(&colour).pos(Pos::new(h, v));
        let _ = self.b.draw_text(s, &ts, (x, y));
    }
}

/// Draws the chart. The result is a complete `<svg>` document.
pub fn render_svg(data: &ChartData, options: &ChartOptions) -> String {
    let p = Palette::for_theme(options.dark);
    let l = Layout::new(options.width, options.height, data);
    let mut buf = String::new();
    {
        let mut c = Canvas {
            b: SVGBackend::with_string(&mut buf, (l.w as u32, l.h as u32)),
        };
        c.rect(0, 0, l.w, l.h, p.background, 1.0);
        draw_header(&mut c, data, &l, &p);
        draw_bands(&mut c, data, &l, &p);
        draw_columns(&mut c, data, &l, &p);
        draw_labels(&mut c, data, &l, &p);
        draw_waterfall(&mut c, data, &l, &p);
        draw_legend(&mut c, &l, &p);
        let _ = c.b.present();
    }
    finish(buf, data, &l)
}

fn draw_header(c: &mut Canvas, d: &ChartData, l: &Layout, p: &Palette) {
    let title = fit(&d.title, 15.0, f64::from(l.w - 28));
    c.text(&title, 14, 22, 15.0, p.text, HPos::Left, VPos::Center, true);
    // the change, centred over the gap between the columns, kept inside their room
    let delta = fit(&d.delta, 16.0, f64::from(l.cols_right - EDGE - 2));
    let half = (text_width(&delta, 16.0) / 2.0).ceil() as i32;
    let x = l.mid().min(l.cols_right - half).max(EDGE + half);
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
    for (col, name, total) in [
        (Column::Before, &d.before_label, &d.before_total),
        (Column::After, &d.after_label, &d.after_total),
    ] {
        let (x, name) = l.title_place(col, name, 11.0);
        c.text(
            &name,
            x,
            66,
            11.0,
            p.muted,
            HPos::Center,
            VPos::Center,
            false,
        );
        let (x, total) = l.title_place(col, total, 13.0);
        c.text(
            &total,
            x,
            81,
            13.0,
            p.text,
            HPos::Center,
            VPos::Center,
            true,
        );
    }
    // baseline
    c.line(
        (l.before_x - 6, l.bottom),
        (l.after_x + l.col_w + 6, l.bottom),
        p.grid,
        1.0,
    );
}

fn draw_bands(c: &mut Canvas, d: &ChartData, l: &Layout, p: &Palette) {
    let x0 = l.before_x + l.col_w;
    let x1 = l.after_x;
    for band in &d.bands {
        let (bt, bb) = (l.y(band.before_span.1), l.y(band.before_span.0));
        let (at, ab) = (l.y(band.after_span.1), l.y(band.after_span.0));
        let colour = p.status(Some(band.status));
        let alpha = if band.status == Status::Same {
            0.22
        } else {
            0.32
        };
        if bb - bt < 1 && ab - at < 1 {
            if band.status == Status::Moved {
                c.line((x0, bt), (x1, at), colour, 0.9);
            }
            continue;
        }
        c.polygon(ribbon((x0, bt, bb), (x1, at, ab)), colour, alpha);
    }
}

/// A smooth ribbon (smoothstep) from the span `top..bottom` at `x` on the
/// left to the span at `x` on the right: `(x, top, bottom)` each.
pub(super) fn ribbon(left: (i32, i32, i32), right: (i32, i32, i32)) -> Vec<(i32, i32)> {
    let ((x0, bt, bb), (x1, at, ab)) = (left, right);
    let steps = 24;
    let mut pts = Vec::with_capacity(2 * steps + 2);
    for k in 0..=steps {
        let t = k as f64 / steps as f64;
        let s = t * t * (3.0 - 2.0 * t);
        let x = x0 + ((x1 - x0) as f64 * t).round() as i32;
        let y = bt as f64 + (at - bt) as f64 * s;
        pts.push((x, y.round() as i32));
    }
    for k in (0..=steps).rev() {
        let t = k as f64 / steps as f64;
        let s = t * t * (3.0 - 2.0 * t);
        let x = x0 + ((x1 - x0) as f64 * t).round() as i32;
        let y = bb as f64 + (ab - bb) as f64 * s;
        pts.push((x, y.round() as i32));
    }
    pts
}

fn draw_columns(c: &mut Canvas, d: &ChartData, l: &Layout, p: &Palette) {
    for s in &d.segments {
        let (x0, y0, x1, y1) = l.seg_box(s);
        if y1 - y0 < 1 {
            continue;
        }
        let colour = if s.kind == SegmentKind::Base {
            p.base
        } else {
            p.status(Some(s.dominant))
        };
        c.rect(x0, y0, x1, y1, colour, 1.0);
        if matches!(s.status, Some(Status::Removed) | Some(Status::Added))
            && s.kind != SegmentKind::Base
        {
            hatch(
                c,
                (x0, y0, x1, y1),
                p.background,
                s.status == Some(Status::Added),
            );
        }
        // separator between stacked segments
        c.line((x0, y0), (x1, y0), p.background, 1.0);
        let h = y1 - y0;
        let cx = (x0 + x1) / 2;
        let cy = (y0 + y1) / 2;
        let fits = |t: &str| text_width(t, 10.0) <= f64::from(x1 - x0 - 4);
        if s.kind == SegmentKind::Base {
            let layers = format!("{} layers", s.layers.len());
            if h >= 30 && fits("base image") && fits(&layers) {
                c.text(
                    "base image",
                    cx,
                    cy - 7,
                    10.0,
                    p.text,
                    HPos::Center,
                    VPos::Center,
                    false,
                );
                c.text(
                    &layers,
                    cx,
                    cy + 7,
                    10.0,
                    p.text,
                    HPos::Center,
                    VPos::Center,
                    false,
                );
            } else if h >= 14 && fits("base") {
                c.text(
                    "base",
                    cx,
                    cy,
                    10.0,
                    p.text,
                    HPos::Center,
                    VPos::Center,
                    false,
                );
            }
        } else if h >= 15 {
            let sym = s.status.map_or("…", Status::symbol);
            c.text(
                sym,
                cx,
                cy,
                13.0,
                p.on_colour,
                HPos::Center,
                VPos::Center,
                true,
            );
        }
    }
}

/// Diagonal stripes inside a box: `/` for removed, `\` for added.
pub(super) fn hatch(
    c: &mut Canvas,
    (x0, y0, x1, y1): (i32, i32, i32, i32),
    colour: Rgb,
    backslash: bool,
) {
    let (w, h) = (x1 - x0, y1 - y0);
    if w <= 0 || h <= 0 {
        return;
    }
    let step = 7;
    let mut k = -h;
    while k < w {
        // line x = x0 + k + t, y = y1 - t (or y0 + t), t in [0, h], clipped to [x0, x1]
        let t0 = (-k).max(0);
        let t1 = h.min(w - k);
        if t1 > t0 {
            let (ya, yb) = if backslash {
                (y0 + t0, y0 + t1)
            } else {
                (y1 - t0, y1 - t1)
            };
            c.line((x0 + k + t0, ya), (x0 + k + t1, yb), colour, 0.45);
        }
        k += step;
    }
}

/// Weight of a side label when not all fit: the biggest segments first, a
/// changed layer before an unchanged one of similar size (as `data` chose them).
fn label_weight(s: &Segment) -> u64 {
    if s.kind == SegmentKind::Layer && s.status.is_some_and(|st| st != Status::Same) {
        s.bytes.saturating_mul(2)
    } else {
        s.bytes
    }
}

fn draw_labels(c: &mut Canvas, d: &ChartData, l: &Layout, p: &Palette) {
    // label centres stay between these (two lines of text around each centre)
    let (first_at, last_at) = (l.top + 10, l.bottom - 6);
    let capacity = usize::try_from((last_at - first_at) / LABEL_PITCH + 1).unwrap_or(0);
    for col in [Column::Before, Column::After] {
        let mut items: Vec<(i32, &Segment)> = d
            .column(col)
            .filter(|s| s.label.is_some())
            .map(|s| {
                let (_, y0, _, y1) = l.seg_box(s);
                ((y0 + y1) / 2, s)
            })
            .collect();
        if items.len() > capacity {
            sort_by_rank(&mut items, |x| {
                Rank::new().then_desc(label_weight(x.1), 64).get()
            });
            items.truncate(capacity);
        }
        sort_by_rank(&mut items, |x| u128::from(order::signed(i64::from(x.0))));
        // push labels apart top to bottom, then back up from the bottom limit
        let mut at: Vec<i32> = Vec::with_capacity(items.len());
        let mut next_free = first_at;
        for (y, _) in &items {
            let a = (*y).max(next_free);
            next_free = a + LABEL_PITCH;
            at.push(a);
        }
        let mut limit = last_at;
        for a in at.iter_mut().rev() {
            *a = (*a).min(limit);
            limit = *a - LABEL_PITCH;
        }
        let edge = match col {
            Column::Before => l.before_x - 4,
            Column::After => l.after_x + l.col_w + 4,
        };
        let tx = l.label_x(col);
        let room = l.label_room(col);
        let right = col == Column::Before;
        let h = if right { HPos::Right } else { HPos::Left };
        for ((y, s), at) in items.into_iter().zip(at) {
            let label = s.label.as_deref().unwrap_or("");
            let mut lines = label.lines();
            let first = lines.next().unwrap_or("");
            // "base image (5 layers)" reads better as "base image" than cut
            let first = if s.kind == SegmentKind::Base && text_width(first, LABEL_SIZE) > room {
                fit("base image", LABEL_SIZE, room)
            } else {
                fit(first, LABEL_SIZE, room)
            };
            let size = lines.next().unwrap_or("");
            c.line(
                (edge, y),
                (tx + if right { 2 } else { -2 }, at),
                p.muted,
                0.8,
            );
            c.text(
                &first,
                tx,
                at - 7,
                LABEL_SIZE,
                p.text,
                h,
                VPos::Center,
                false,
            );
            let marker = s.status.map_or("", Status::symbol);
            let second = if s.kind == SegmentKind::Base || marker.is_empty() {
                size.to_string()
            } else {
                let long = format!("{size}  {marker} {}", s.status_str());
                if text_width(&long, LABEL_DETAIL_SIZE) <= room {
                    long
                } else {
                    format!("{size}  {marker}")
                }
            };
            let second = fit(&second, LABEL_DETAIL_SIZE, room);
            c.text(
                &second,
                tx,
                at + 7,
                LABEL_DETAIL_SIZE,
                p.muted,
                h,
                VPos::Center,
                false,
            );
        }
    }
}

/// x of a byte value on the waterfall axis (values below the axis start at its left end).
pub(super) fn wf_x(d: &ChartData, bx0: i32, kx: f64, bytes: u64) -> i32 {
    bx0 + (bytes.saturating_sub(d.waterfall_axis.0) as f64 * kx).round() as i32
}

/// How one waterfall bar is painted: its colour and the symbol before its label.
pub(super) struct BarStyle {
    pub colour: Rgb,
    pub symbol: &'static str,
}

/// A pair's bars: totals muted, changes in their status colour and symbol.
fn status_bar_style(p: &Palette, bar: &Bar) -> BarStyle {
    match bar.kind {
        BarKind::Start | BarKind::End => BarStyle {
            colour: p.muted,
            symbol: "",
        },
        _ => BarStyle {
            colour: p.status(bar.status),
            symbol: bar.status.map_or("±", Status::symbol),
        },
    }
}

fn draw_waterfall(c: &mut Canvas, d: &ChartData, l: &Layout, p: &Palette) {
    draw_waterfall_styled(c, d, l, p, &|_, bar| status_bar_style(p, bar));
}

/// The waterfall, each bar painted as `style(bar index, bar)` says.
pub(super) fn draw_waterfall_styled(
    c: &mut Canvas,
    d: &ChartData,
    l: &Layout,
    p: &Palette,
    style: &dyn Fn(usize, &Bar) -> BarStyle,
) {
    let (bx0, _bx1, kx, label_w) = l.bar_geometry(d);
    let (top, row_h) = (l.wf_top, l.wf_row_h);
    let heading = "Where the bytes went";
    c.text(
        heading,
        l.wf_x0,
        l.wf_head_y,
        12.0,
        p.text,
        HPos::Left,
        VPos::Center,
        true,
    );
    let zoomed = d.waterfall_axis.0 > 0;
    if zoomed {
        // right of the heading on its line (narrow), or under it as a subtitle
        let beside = l.wf_note_y == l.wf_head_y;
        let room = if beside {
            f64::from(l.wf_x1 - l.wf_x0 - 16) - text_width(heading, 12.0)
        } else {
            f64::from(l.wf_x1 - l.wf_x0)
        };
        let (x, anchor) = if beside {
            (l.wf_x1, HPos::Right)
        } else {
            (l.wf_x0, HPos::Left)
        };
        let note = fit(
            &format!("axis starts at {}", human_bytes(d.waterfall_axis.0)),
            NOTE_SIZE,
            room,
        );
        c.text(
            &note,
            x,
            l.wf_note_y,
            NOTE_SIZE,
            p.muted,
            anchor,
            VPos::Center,
            false,
        );
    }
    let x = |b: u64| wf_x(d, bx0, kx, b);
    let bar_h = ((row_h as f64) * 0.64) as i32;
    let label_room = f64::from(label_w - 6);
    let mut prev_end: Option<(i32, i32)> = None;
    for (k, bar) in d.waterfall.iter().enumerate() {
        let y0 = top + k as i32 * row_h + (row_h - bar_h) / 2;
        let y1 = y0 + bar_h;
        let (a, b) = (x(bar.from.min(bar.to)), x(bar.from.max(bar.to)));
        let total = matches!(bar.kind, BarKind::Start | BarKind::End);
        let BarStyle {
            colour,
            symbol: sym,
        } = style(k, bar);
        c.rect(
            a,
            y0,
            b.max(a + 1),
            y1,
            colour,
            if total { 0.55 } else { 1.0 },
        );
        if total && zoomed {
            // a break: the bar starts at 0, far left of the axis
            for dx in [6, 10] {
                c.line((a + dx, y1 + 2), (a + dx + 4, y0 - 2), p.background, 1.0);
            }
        }
        if let Some((px, py)) = prev_end {
            c.line((px, py), (px, y0), p.muted, 0.7);
        }
        prev_end = Some((x(bar.to), y1));
        let label = if sym.is_empty() {
            fit(&bar.label, BAR_TEXT_SIZE, label_room)
        } else {
            let prefix = format!("{sym} ");
            let rest = label_room - text_width(&prefix, BAR_TEXT_SIZE);
            format!("{prefix}{}", fit(&bar.label, BAR_TEXT_SIZE, rest))
        };
        let cy = (y0 + y1) / 2;
        c.text(
            &label,
            bx0 - 6,
            cy,
            BAR_TEXT_SIZE,
            p.text,
            HPos::Right,
            VPos::Center,
            total,
        );
        c.text(
            &bar.value,
            b + 4,
            cy,
            BAR_TEXT_SIZE,
            p.text,
            HPos::Left,
            VPos::Center,
            total,
        );
    }
}

pub(super) fn draw_legend(c: &mut Canvas, l: &Layout, p: &Palette) {
    let legend = &l.legend;
    for (k, line) in legend.lines.iter().enumerate() {
        let y = legend.y(k, l.h);
        for &(x, key) in line {
            let colour = match key {
                Key::Status(s) => p.status(Some(s)),
                Key::Base => p.base,
                Key::Origin(step) => p.origin(step),
            };
            c.rect(x, y - 6, x + 12, y + 6, colour, 1.0);
            if let Key::Status(s) = key {
                c.text(
                    s.symbol(),
                    x + 6,
                    y,
                    10.0,
                    p.on_colour,
                    HPos::Center,
                    VPos::Center,
                    true,
                );
            }
            c.text(
                key.word(),
                x + 16,
                y,
                LEGEND_SIZE,
                p.text,
                HPos::Left,
                VPos::Center,
                false,
            );
        }
    }
    c.text(
        &legend.note,
        l.w - 14,
        legend.y(legend.note_line, l.h),
        NOTE_SIZE,
        p.muted,
        HPos::Right,
        VPos::Center,
        false,
    );
}

pub(super) fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub(super) fn join(v: &[usize]) -> String {
    v.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Makes the root scale to its container and appends the interactive overlay.
fn finish(mut svg: String, d: &ChartData, l: &Layout) -> String {
    let old = format!(
        r#"<svg width="{}" height="{}" viewBox="0 0 {} {}""#,
        l.w, l.h, l.w, l.h
    );
    let new = format!(
        r#"<svg class="ld-chart" viewBox="0 0 {} {}" preserveAspectRatio="xMidYMid meet" role="img" aria-label="{}" font-family="{}""#,
        l.w,
        l.h,
        esc(&d.summary),
        FONT
    );
    svg = svg.replacen(&old, &new, 1);

    let mut overlay = open_overlay(l);
    for s in &d.segments {
        let (x0, y0, x1, y1) = l.seg_box(s);
        overlay.push_str(&format!(
            "<rect class=\"ld-seg ld-{status}\" data-side=\"{side}\" data-row=\"{row}\" data-rows=\"{rows}\" data-layers=\"{layers}\" data-status=\"{status}\" data-kind=\"{kind}\" x=\"{x0}\" y=\"{y0}\" width=\"{w}\" height=\"{h}\" pointer-events=\"all\" tabindex=\"0\"><title>{title}</title></rect>\n",
            status = s.status_str(),
            side = s.column.as_str(),
            row = s.rows.first().copied().unwrap_or(0),
            rows = join(&s.rows),
            layers = join(&s.layers),
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
    let (bx0, _, kx, label_w) = l.bar_geometry(d);
    let (top, row_h) = (l.wf_top, l.wf_row_h);
    for (k, bar) in d.waterfall.iter().enumerate() {
        let x0 = bx0 - label_w;
        let x1 = wf_x(d, bx0, kx, bar.from.max(bar.to));
        let y0 = top + k as i32 * row_h;
        overlay.push_str(&format!(
            "<rect class=\"ld-bar\" data-kind=\"{kind}\" data-rows=\"{rows}\" data-status=\"{status}\" x=\"{x0}\" y=\"{y0}\" width=\"{w}\" height=\"{row_h}\" pointer-events=\"all\" tabindex=\"0\"><title>{title}</title></rect>\n",
            kind = bar.kind.as_str(),
            rows = join(&bar.rows),
            status = bar.status.map_or("mixed", Status::as_str),
            w = (x1 - x0).max(1),
            title = esc(&format!("{}: {}", bar.label, bar.value)),
        ));
    }
    close_overlay(svg, overlay)
}

/// Opens the interactive overlay group; it carries the columns' top and
/// baseline, between which the page's badges go (`badges`).
pub(super) fn open_overlay(l: &Layout) -> String {
    format!(
        "<g class=\"ld-overlay\" fill=\"transparent\" stroke=\"none\" data-top=\"{}\" data-bottom=\"{}\">\n",
        l.top, l.bottom
    )
}

/// Closes the overlay group `overlay` and puts it last inside `svg` (before
/// `</svg>`, or closing the document when plotters left it open).
pub(super) fn close_overlay(mut svg: String, mut overlay: String) -> String {
    overlay.push_str("</g>\n");
    match svg.rfind("</svg>") {
        Some(at) => svg.insert_str(at, &overlay),
        None => {
            svg.push_str(&overlay);
            svg.push_str("</svg>\n");
        }
    }
    svg
}

/// The colour of a status as `#rrggbb`, for a UI legend that matches the chart.
pub fn status_colour(s: Status, dark: bool) -> String {
    hex(Palette::for_theme(dark).status(Some(s)))
}
