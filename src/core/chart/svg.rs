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

use super::data::{BarKind, ChartData, Column, Segment, SegmentKind};
use super::palette::{hex, Palette, Rgb};
use crate::core::compare::numbers::human_bytes;
use crate::core::compare::{short, Status};
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
            width: 960,
            height: 540,
            dark: false,
        }
    }
}

const FONT: &str = "system-ui, sans-serif";

/// A solid or translucent colour for plotters.
#[allow(non_snake_case)]
fn Paint(c: Rgb, alpha: f64) -> RGBAColor {
    RGBAColor(c.0, c.1, c.2, alpha)
}

/// Thin wrapper: plotters' backend calls with errors ignored (a String target cannot fail).
struct Canvas<'a> {
    b: SVGBackend<'a>,
}

impl Canvas<'_> {
    fn rect(&mut self, x0: i32, y0: i32, x1: i32, y1: i32, c: Rgb, alpha: f64) {
        let _ = self.b.draw_rect((x0, y0), (x1, y1), &Paint(c, alpha), true);
    }
    fn line(&mut self, from: (i32, i32), to: (i32, i32), c: Rgb, alpha: f64) {
        let _ = self.b.draw_line(from, to, &Paint(c, alpha));
    }
    fn polygon(&mut self, pts: Vec<(i32, i32)>, c: Rgb, alpha: f64) {
        let _ = self.b.fill_polygon(pts, &Paint(c, alpha));
    }
    #[allow(clippy::too_many_arguments)]
    fn text(&mut self, s: &str, x: i32, y: i32, size: f64, c: Rgb, h: HPos, v: VPos, bold: bool) {
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

/// Where things go, computed once from the options.
struct Layout {
    w: i32,
    h: i32,
    before_x: i32,
    after_x: i32,
    col_w: i32,
    top: i32,
    bottom: i32,
    scale: f64,
    wf_x0: i32,
    wf_x1: i32,
}

impl Layout {
    fn new(o: &ChartOptions, max_bytes: u64) -> Layout {
        let w = o.width.clamp(480, 4000) as i32;
        let h = o.height.clamp(300, 4000) as i32;
        let cols_w = (w as f64 * 0.62) as i32;
        let col_w = ((w as f64 * 0.07) as i32).clamp(40, 90);
        let gap = (cols_w as f64 * 0.16) as i32;
        let label_w = (cols_w - 2 * col_w - gap) / 2;
        let top = 92;
        let bottom = h - 40;
        Layout {
            w,
            h,
            before_x: label_w,
            after_x: label_w + col_w + gap,
            col_w,
            top,
            bottom,
            scale: f64::from(bottom - top) / max_bytes.max(1) as f64,
            wf_x0: cols_w + 16,
            wf_x1: w - 14,
        }
    }
    fn y(&self, bytes: u64) -> i32 {
        self.bottom - (bytes as f64 * self.scale).round() as i32
    }
    fn col_x(&self, c: Column) -> i32 {
        match c {
            Column::Before => self.before_x,
            Column::After => self.after_x,
        }
    }
    fn seg_box(&self, s: &Segment) -> (i32, i32, i32, i32) {
        let x = self.col_x(s.column);
        let y1 = self.y(s.start);
        let y0 = self.y(s.start.saturating_add(s.bytes));
        (x, y0, x + self.col_w, y1)
    }
}

/// Draws the chart. The result is a complete `<svg>` document.
pub fn render_svg(data: &ChartData, options: &ChartOptions) -> String {
    let p = Palette::for_theme(options.dark);
    let l = Layout::new(options, data.max_bytes);
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
        draw_legend(&mut c, data, &l, &p);
        let _ = c.b.present();
    }
    finish(buf, data, &l)
}

fn draw_header(c: &mut Canvas, d: &ChartData, l: &Layout, p: &Palette) {
    let mid = (l.before_x + l.after_x + l.col_w) / 2;
    c.text(
        &d.title,
        14,
        22,
        15.0,
        p.text,
        HPos::Left,
        VPos::Center,
        true,
    );
    c.text(
        &d.delta,
        mid,
        46,
        16.0,
        p.text,
        HPos::Center,
        VPos::Center,
        true,
    );
    // Each title gets the room between the two column centres (about 6.4
    // units per character at this size), so long labels never overlap.
    let title_chars = ((f64::from(l.after_x - l.before_x) / 6.4) as usize).clamp(8, 40);
    for (col, name, total) in [
        (Column::Before, &d.before_label, &d.before_total),
        (Column::After, &d.after_label, &d.after_total),
    ] {
        let x = l.col_x(col) + l.col_w / 2;
        c.text(
            &short(name, title_chars),
            x,
            66,
            11.0,
            p.muted,
            HPos::Center,
            VPos::Center,
            false,
        );
        c.text(total, x, 81, 13.0, p.text, HPos::Center, VPos::Center, true);
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
        // a smooth ribbon: smoothstep between the columns
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
        c.polygon(pts, colour, alpha);
    }
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
        if s.kind == SegmentKind::Base {
            if h >= 30 {
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
                    &format!("{} layers", s.layers.len()),
                    cx,
                    cy + 7,
                    10.0,
                    p.text,
                    HPos::Center,
                    VPos::Center,
                    false,
                );
            } else if h >= 14 {
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
fn hatch(c: &mut Canvas, (x0, y0, x1, y1): (i32, i32, i32, i32), colour: Rgb, backslash: bool) {
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

fn draw_labels(c: &mut Canvas, d: &ChartData, l: &Layout, p: &Palette) {
    for col in [Column::Before, Column::After] {
        let mut items: Vec<(i32, &Segment)> = d
            .column(col)
            .filter(|s| s.label.is_some())
            .map(|s| {
                let (_, y0, _, y1) = l.seg_box(s);
                ((y0 + y1) / 2, s)
            })
            .collect();
        items.sort_by_key(|x| x.0);
        // push labels apart (28 units per two-line label), top to bottom
        let mut placed: Vec<(i32, i32, &Segment)> = Vec::new();
        let mut next_free = l.top - 4;
        for (y, s) in items {
            let at = y.max(next_free + 14);
            next_free = at + 14;
            placed.push((y, at, s));
        }
        // if pushed past the bottom, shift everything up
        if let Some(&(_, last, _)) = placed.last() {
            let over = last + 14 - (l.bottom + 8);
            if over > 0 {
                for x in placed.iter_mut() {
                    x.1 -= over;
                }
            }
        }
        let edge = match col {
            Column::Before => l.before_x - 4,
            Column::After => l.after_x + l.col_w + 4,
        };
        let tx = match col {
            Column::Before => l.before_x - 12,
            Column::After => l.after_x + l.col_w + 12,
        };
        let right = col == Column::Before;
        let h = if right { HPos::Right } else { HPos::Left };
        let chars = ((l.before_x - 22) as f64 / 6.5).max(8.0) as usize;
        for (y, at, s) in placed {
            let label = s.label.as_deref().unwrap_or("");
            let mut lines = label.lines();
            let first = short(lines.next().unwrap_or(""), chars);
            let first = first.as_str();
            let second = lines.next().unwrap_or("");
            c.line(
                (edge, y),
                (tx + if right { 2 } else { -2 }, at),
                p.muted,
                0.8,
            );
            c.text(first, tx, at - 7, 11.0, p.text, h, VPos::Center, false);
            let marker = s.status.map_or("", Status::symbol);
            let second = if s.kind == SegmentKind::Base || marker.is_empty() {
                second.to_string()
            } else {
                format!("{second}  {marker} {}", s.status_str())
            };
            c.text(&second, tx, at + 7, 10.5, p.muted, h, VPos::Center, false);
        }
    }
}

fn bar_geometry(d: &ChartData, l: &Layout) -> (i32, i32, i32, i32, f64, i32) {
    let n = d.waterfall.len().max(1) as i32;
    let top = l.top;
    let row_h = ((l.bottom - top) / n).clamp(8, 34);
    let label_w = ((l.wf_x1 - l.wf_x0) as f64 * 0.48) as i32;
    let bx0 = l.wf_x0 + label_w;
    let bx1 = l.wf_x1 - 58;
    let span = d.waterfall_axis.1.saturating_sub(d.waterfall_axis.0).max(1);
    let kx = f64::from((bx1 - bx0).max(10)) / span as f64;
    (top, row_h, bx0, bx1, kx, label_w)
}

/// x of a byte value on the waterfall axis (values below the axis start at its left end).
fn wf_x(d: &ChartData, bx0: i32, kx: f64, bytes: u64) -> i32 {
    bx0 + (bytes.saturating_sub(d.waterfall_axis.0) as f64 * kx).round() as i32
}

fn draw_waterfall(c: &mut Canvas, d: &ChartData, l: &Layout, p: &Palette) {
    let (top, row_h, bx0, _bx1, kx, label_w) = bar_geometry(d, l);
    c.text(
        "Where the bytes went",
        l.wf_x0,
        66,
        12.0,
        p.text,
        HPos::Left,
        VPos::Center,
        true,
    );
    let zoomed = d.waterfall_axis.0 > 0;
    if zoomed {
        let note = format!("axis starts at {}", human_bytes(d.waterfall_axis.0));
        c.text(
            &note,
            l.wf_x1,
            66,
            10.0,
            p.muted,
            HPos::Right,
            VPos::Center,
            false,
        );
    }
    let x = |b: u64| wf_x(d, bx0, kx, b);
    let bar_h = ((row_h as f64) * 0.64) as i32;
    let chars = (label_w * 10 / 62 - 1).max(8) as usize;
    let mut prev_end: Option<(i32, i32)> = None;
    for (k, bar) in d.waterfall.iter().enumerate() {
        let y0 = top + k as i32 * row_h + (row_h - bar_h) / 2;
        let y1 = y0 + bar_h;
        let (a, b) = (x(bar.from.min(bar.to)), x(bar.from.max(bar.to)));
        let total = matches!(bar.kind, BarKind::Start | BarKind::End);
        let colour = if total { p.muted } else { p.status(bar.status) };
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
        let sym = match bar.kind {
            BarKind::Start | BarKind::End => "",
            _ => bar.status.map_or("±", Status::symbol),
        };
        let label = if sym.is_empty() {
            bar.label.clone()
        } else {
            format!("{sym} {}", short(&bar.label, chars.saturating_sub(2)))
        };
        let cy = (y0 + y1) / 2;
        c.text(
            &label,
            bx0 - 6,
            cy,
            10.5,
            p.text,
            HPos::Right,
            VPos::Center,
            total,
        );
        c.text(
            &bar.value,
            b + 4,
            cy,
            10.5,
            p.text,
            HPos::Left,
            VPos::Center,
            total,
        );
    }
}

fn draw_legend(c: &mut Canvas, d: &ChartData, l: &Layout, p: &Palette) {
    let present: Vec<Status> = Status::ALL
        .iter()
        .copied()
        .filter(|s| {
            d.segments.iter().any(|x| x.status == Some(*s))
                || d.bands.iter().any(|b| b.status == *s)
        })
        .collect();
    let y = l.h - 16;
    let mut x = 14;
    for s in present {
        c.rect(x, y - 6, x + 12, y + 6, p.status(Some(s)), 1.0);
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
        let word = s.as_str();
        c.text(
            word,
            x + 16,
            y,
            11.0,
            p.text,
            HPos::Left,
            VPos::Center,
            false,
        );
        x += 16 + (word.len() as i32) * 7 + 16;
    }
    c.rect(x, y - 6, x + 12, y + 6, p.base, 1.0);
    c.text(
        "shared base image",
        x + 16,
        y,
        11.0,
        p.text,
        HPos::Left,
        VPos::Center,
        false,
    );
    c.text(
        "sizes as printed (3 significant digits)",
        l.w - 14,
        y,
        10.0,
        p.muted,
        HPos::Right,
        VPos::Center,
        false,
    );
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn join(v: &[usize]) -> String {
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

    let mut overlay =
        String::from("<g class=\"ld-overlay\" fill=\"transparent\" stroke=\"none\">\n");
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
    let (top, row_h, bx0, _, kx, label_w) = bar_geometry(d, l);
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
