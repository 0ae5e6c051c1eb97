//! Draws a [`Chart`] of any number of columns with plotters' SVG backend:
//! the picture only; [`overlay`](super::overlay) adds the page's hooks.
//!
//! Plotters writes plain `<rect>`/`<text>`/`<polygon>` elements and has no
//! way to attach attributes to them, so everything visible is drawn here
//! (header, bands, columns, side labels, waterfall, legend) and the overlay
//! is appended afterwards at the same places. Text is plain `<text>` in
//! `system-ui, sans-serif` (no font files: plotters' `ttf` feature is off).
//!
//! Positions come from `layout` (side by side when wide, the waterfall below
//! the columns when narrow) and [`Places`] (where each column stands); every
//! text is fitted to its room with the layout's width estimate, and side
//! labels that cannot all be stacked legibly keep the biggest ones, so no
//! text overlaps another at any width (`tests/chart_layout.rs` checks every
//! corpus pair and path from 320 to 1100 wide).

use super::data::{Bar, BarKind, Column, SegmentKind};
use super::layout::{
    fit, text_width, Key, Layout, BAR_TEXT_SIZE, EDGE, LABEL_DETAIL_SIZE, LABEL_PITCH, LABEL_SIZE,
    LEGEND_SIZE, NOTE_SIZE,
};
use super::model::{Arrangement, Chart, ChartSegment, Paint};
use super::palette::{Palette, Rgb};
use crate::compare::numbers::human_bytes;
use crate::compare::Status;
use crate::order::{self, sort_by_rank, Rank};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub(super) const FONT: &str = "system-ui, sans-serif";

/// Draws `d` into a `w` × `h` SVG document (plotters' root, before the overlay).
pub(super) fn picture(d: &Chart, l: &Layout, at: &Places, p: &Palette) -> String {
    let mut buf = String::new();
    {
        let mut c = Canvas::new(&mut buf, l.w, l.h);
        c.rect(0, 0, l.w, l.h, p.background, 1.0);
        draw_header(&mut c, d, l, at, p);
        draw_bands(&mut c, d, l, at, p);
        draw_columns(&mut c, d, l, at, p);
        if d.arrangement == Arrangement::Sides {
            draw_labels(&mut c, d, l, p);
        }
        draw_waterfall(&mut c, d, l, p);
        draw_legend(&mut c, l, p);
        c.finish();
    }
    buf
}

/// Where the columns stand: each one's left edge, and the room they share.
pub(super) struct Places {
    xs: Vec<i32>,
    pub col_w: i32,
    /// Left and right end of the columns' room.
    lo: i32,
    hi: i32,
    /// Where the change is centred (the middle of the room, or of a pair's gap).
    mid: i32,
    /// Each column's share of the room (a path's).
    pub pitch: i32,
}

impl Places {
    pub(super) fn new(l: &Layout, d: &Chart) -> Places {
        match d.arrangement {
            Arrangement::Sides => Places {
                xs: vec![l.before_x, l.after_x],
                col_w: l.col_w,
                lo: EDGE,
                hi: l.cols_right,
                mid: l.mid(),
                pitch: l.after_x - l.before_x,
            },
            Arrangement::Steps => Places::spread(l, d.columns.len()),
        }
    }

    /// `n` columns sharing their room evenly, each centred in its pitch.
    fn spread(l: &Layout, n: usize) -> Places {
        let n = n.max(1);
        let lo = EDGE + 6;
        let hi = if l.narrow {
            l.w - EDGE - 6
        } else {
            l.cols_right
        };
        let pitch = ((hi - lo) / n as i32).max(1);
        let col_w = ((f64::from(pitch) * 0.42) as i32).clamp(12, 56);
        let xs = (0..n)
            .map(|k| lo + pitch * k as i32 + (pitch - col_w) / 2)
            .collect();
        Places {
            xs,
            col_w,
            lo,
            hi,
            mid: (lo + hi) / 2,
            pitch,
        }
    }

    /// The left edge of column `k`.
    pub(super) fn x(&self, k: usize) -> i32 {
        self.xs
            .get(k)
            .or(self.xs.last())
            .copied()
            .unwrap_or(self.lo)
    }

    /// The centre of column `k`.
    pub(super) fn centre(&self, k: usize) -> i32 {
        self.x(k) + self.col_w / 2
    }

    /// A segment's box: (x0, y0, x1, y1).
    pub(super) fn seg_box(&self, l: &Layout, s: &ChartSegment) -> (i32, i32, i32, i32) {
        let x = self.x(s.column);
        let y1 = l.y(s.start);
        let y0 = l.y(s.start.saturating_add(s.bytes));
        (x, y0, x + self.col_w, y1)
    }
}

/// A solid or translucent colour for plotters.
fn rgba(c: Rgb, alpha: f64) -> RGBAColor {
    RGBAColor(c.0, c.1, c.2, alpha)
}

fn colour(p: &Palette, paint: Paint) -> Rgb {
    match paint {
        Paint::Muted => p.muted,
        Paint::Base => p.base,
        Paint::Status(s) => p.status(Some(s)),
        Paint::Origin(k) => p.origin(k),
    }
}

/// Thin wrapper: plotters' backend calls with errors ignored (a String target cannot fail).
struct Canvas<'a> {
    b: SVGBackend<'a>,
}

impl Canvas<'_> {
    /// A canvas drawing into `buf`, `w` × `h` units.
    fn new(buf: &mut String, w: i32, h: i32) -> Canvas<'_> {
        Canvas {
            b: SVGBackend::with_string(buf, (w as u32, h as u32)),
        }
    }
    /// Writes the drawing out (plotters' `present`).
    fn finish(mut self) {
        let _ = self.b.present();
    }
    fn rect(&mut self, x0: i32, y0: i32, x1: i32, y1: i32, c: Rgb, alpha: f64) {
        let _ = self.b.draw_rect((x0, y0), (x1, y1), &rgba(c, alpha), true);
    }
    fn line(&mut self, from: (i32, i32), to: (i32, i32), c: Rgb, alpha: f64) {
        let _ = self.b.draw_line(from, to, &rgba(c, alpha));
    }
    fn polygon(&mut self, pts: Vec<(i32, i32)>, c: Rgb, alpha: f64) {
        let _ = self.b.fill_polygon(pts, &rgba(c, alpha));
    }
    /// `s` at (`x`, `y`), anchored `h` and vertically centred.
    #[allow(clippy::too_many_arguments)]
    fn text(&mut self, s: &str, x: i32, y: i32, size: f64, c: Rgb, h: HPos, bold: bool) {
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
        let ts = TextStyle::from(font)
            .color(&colour)
            .pos(Pos::new(h, VPos::Center));
        let _ = self.b.draw_text(s, &ts, (x, y));
    }
}

fn draw_header(c: &mut Canvas, d: &Chart, l: &Layout, at: &Places, p: &Palette) {
    let title = fit(&d.title, 15.0, f64::from(l.w - 28));
    c.text(&title, 14, 22, 15.0, p.text, HPos::Left, true);
    // the change, centred over the columns, kept inside their room
    let delta = fit(&d.delta, 16.0, f64::from(at.hi - at.lo - 2));
    let half = (text_width(&delta, 16.0) / 2.0).ceil() as i32;
    let x = at.mid.min(at.hi - half).max(at.lo + half);
    c.text(&delta, x, 46, 16.0, p.text, HPos::Center, true);
    let total_size = match d.arrangement {
        Arrangement::Sides => 13.0,
        Arrangement::Steps => 12.0,
    };
    for ((name_x, name), (total_x, total)) in column_titles(d, l, at) {
        c.text(&name, name_x, 66, 11.0, p.muted, HPos::Center, false);
        c.text(&total, total_x, 81, total_size, p.text, HPos::Center, true);
    }
    // baseline
    let last = d.columns.len().saturating_sub(1);
    let (x0, x1) = (at.x(0) - 6, at.x(last) + at.col_w + 6);
    c.line((x0, l.bottom), (x1, l.bottom), p.grid, 1.0);
}

/// Each column's name and total, with where they are centred.
type Title = ((i32, String), (i32, String));

fn column_titles(d: &Chart, l: &Layout, at: &Places) -> Vec<Title> {
    match d.arrangement {
        Arrangement::Sides => d
            .columns
            .iter()
            .zip([Column::Before, Column::After])
            .map(|(column, side)| {
                (
                    l.title_place(side, &column.label, 11.0),
                    l.title_place(side, &column.total, 13.0),
                )
            })
            .collect(),
        Arrangement::Steps => step_titles(d, at),
    }
}

/// A path's column titles, fitted to the pitch: names cut to a stub are no
/// names, so then every column shows its number (the waterfall's labels
/// carry the numbers too); a total is never cut (left out when too long).
fn step_titles(d: &Chart, at: &Places) -> Vec<Title> {
    let room = f64::from(at.pitch - 6);
    let stub = |label: &str| {
        let t = fit(label, 11.0, room);
        t != label && t.chars().count() < 5
    };
    let numbered = d.columns.iter().any(|c| stub(&c.label));
    let mut out = Vec::new();
    for (k, column) in d.columns.iter().enumerate() {
        let cx = at.centre(k);
        let name = if numbered {
            fit(&(k + 1).to_string(), 11.0, room)
        } else {
            fit(&column.label, 11.0, room)
        };
        let total = [column.total.clone(), human_bytes(column.total_bytes)]
            .into_iter()
            .find(|t| text_width(t, 12.0) <= room)
            .unwrap_or_default();
        out.push(((cx, name), (cx, total)));
    }
    out
}

fn draw_bands(c: &mut Canvas, d: &Chart, l: &Layout, at: &Places, p: &Palette) {
    for band in &d.bands {
        let x0 = at.x(band.left) + at.col_w;
        let x1 = at.x(band.left + 1);
        let (lt, lb) = (l.y(band.left_span.1), l.y(band.left_span.0));
        let (rt, rb) = (l.y(band.right_span.1), l.y(band.right_span.0));
        let colour = colour(p, band.paint);
        if lb - lt < 1 && rb - rt < 1 {
            if band.thin_line {
                c.line((x0, lt), (x1, rt), colour, 0.9);
            }
            continue;
        }
        c.polygon(ribbon((x0, lt, lb), (x1, rt, rb)), colour, band.alpha);
    }
}

/// A smooth ribbon (smoothstep) from the span `top..bottom` at `x` on the
/// left to the span at `x` on the right: `(x, top, bottom)` each.
fn ribbon(left: (i32, i32, i32), right: (i32, i32, i32)) -> Vec<(i32, i32)> {
    let ((x0, bt, bb), (x1, at, ab)) = (left, right);
    let steps = 24;
    let edge = |k: usize, from: i32, to: i32| {
        let t = k as f64 / steps as f64;
        let s = t * t * (3.0 - 2.0 * t);
        let x = x0 + ((x1 - x0) as f64 * t).round() as i32;
        let y = from as f64 + (to - from) as f64 * s;
        (x, y.round() as i32)
    };
    let top = (0..=steps).map(|k| edge(k, bt, at));
    let bottom = (0..=steps).rev().map(|k| edge(k, bb, ab));
    top.chain(bottom).collect()
}

fn draw_columns(c: &mut Canvas, d: &Chart, l: &Layout, at: &Places, p: &Palette) {
    for s in &d.segments {
        let (x0, y0, x1, y1) = at.seg_box(l, s);
        if y1 - y0 < 1 {
            continue;
        }
        c.rect(x0, y0, x1, y1, colour(p, s.paint), 1.0);
        if let Some(backslash) = s.hatch {
            hatch(c, (x0, y0, x1, y1), p.background, backslash);
        }
        // separator between stacked segments
        c.line((x0, y0), (x1, y0), p.background, 1.0);
        if s.marked {
            draw_mark(c, s, (x0, y0, x1, y1), p);
        }
    }
}

/// The text inside a segment: the base image's words, or its status symbol.
fn draw_mark(
    c: &mut Canvas,
    s: &ChartSegment,
    (x0, y0, x1, y1): (i32, i32, i32, i32),
    p: &Palette,
) {
    let h = y1 - y0;
    let cx = (x0 + x1) / 2;
    let cy = (y0 + y1) / 2;
    let fits = |t: &str| text_width(t, 10.0) <= f64::from(x1 - x0 - 4);
    if s.kind == SegmentKind::Base {
        let layers = format!("{} layers", s.layers.len());
        if h >= 30 && fits("base image") && fits(&layers) {
            c.text("base image", cx, cy - 7, 10.0, p.text, HPos::Center, false);
            c.text(&layers, cx, cy + 7, 10.0, p.text, HPos::Center, false);
        } else if h >= 14 && fits("base") {
            c.text("base", cx, cy, 10.0, p.text, HPos::Center, false);
        }
    } else if h >= 15 {
        let sym = s.status.map_or("…", Status::symbol);
        c.text(sym, cx, cy, 13.0, p.on_colour, HPos::Center, true);
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

/// The side labels of a pair's two columns: before on the left (right
/// aligned), after on the right.
fn draw_labels(c: &mut Canvas, d: &Chart, l: &Layout, p: &Palette) {
    for (k, side) in [(0, Column::Before), (1, Column::After)] {
        let placed = place_labels(d, l, k);
        let edge = match side {
            Column::Before => l.before_x - 4,
            Column::After => l.after_x + l.col_w + 4,
        };
        for (y, s, at) in placed {
            c.line((edge, y), (label_end(l, side), at), p.muted, 0.8);
            draw_label(c, s, l, side, at, p);
        }
    }
}

/// Where the labelled segments of column `k` get their labels: (the
/// segment's middle, the segment, the label's centre), top to bottom. When
/// not all can be stacked legibly, the biggest stay.
fn place_labels<'a>(d: &'a Chart, l: &Layout, k: usize) -> Vec<(i32, &'a ChartSegment, i32)> {
    // label centres stay between these (two lines of text around each centre)
    let (first_at, last_at) = (l.top + 10, l.bottom - 6);
    let capacity = usize::try_from((last_at - first_at) / LABEL_PITCH + 1).unwrap_or(0);
    let mut items: Vec<(i32, &ChartSegment)> = d
        .segments
        .iter()
        .filter(|s| s.column == k && s.label.is_some())
        .map(|s| {
            let (y1, y0) = (l.y(s.start), l.y(s.start.saturating_add(s.bytes)));
            ((y0 + y1) / 2, s)
        })
        .collect();
    if items.len() > capacity {
        sort_by_rank(&mut items, |x| {
            Rank::new().then_desc(x.1.label_weight(), 64).get()
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
    items
        .into_iter()
        .zip(at)
        .map(|((y, s), at)| (y, s, at))
        .collect()
}

/// Where a label's leader line ends, next to its text.
fn label_end(l: &Layout, side: Column) -> i32 {
    let tx = l.label_x(side);
    tx + if side == Column::Before { 2 } else { -2 }
}

/// One side label: the segment's name, then its size and status.
fn draw_label(c: &mut Canvas, s: &ChartSegment, l: &Layout, side: Column, at: i32, p: &Palette) {
    let tx = l.label_x(side);
    let room = l.label_room(side);
    let h = if side == Column::Before {
        HPos::Right
    } else {
        HPos::Left
    };
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
    c.text(&first, tx, at - 7, LABEL_SIZE, p.text, h, false);
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
    c.text(&second, tx, at + 7, LABEL_DETAIL_SIZE, p.muted, h, false);
}

/// Where the waterfall's bars go across.
pub(super) struct BarAxis {
    /// The x of the axis start (labels end left of it).
    pub x0: i32,
    /// Units per byte.
    kx: f64,
    /// The byte value at `x0`.
    from: u64,
    /// The room left of `x0` for the bars' labels.
    pub label_w: i32,
}

impl BarAxis {
    pub(super) fn new(l: &Layout, d: &Chart) -> BarAxis {
        let (x0, _, kx, label_w) = l.bar_geometry(d);
        BarAxis {
            x0,
            kx,
            from: d.waterfall_axis.0,
            label_w,
        }
    }

    /// x of a byte value (values below the axis start at its left end).
    pub(super) fn x(&self, bytes: u64) -> i32 {
        self.x0 + (bytes.saturating_sub(self.from) as f64 * self.kx).round() as i32
    }
}

const WATERFALL_HEADING: &str = "Where the bytes went";

/// The waterfall: its heading, the axis note when zoomed, then one bar a row.
fn draw_waterfall(c: &mut Canvas, d: &Chart, l: &Layout, p: &Palette) {
    c.text(
        WATERFALL_HEADING,
        l.wf_x0,
        l.wf_head_y,
        12.0,
        p.text,
        HPos::Left,
        true,
    );
    let zoomed = d.waterfall_axis.0 > 0;
    if zoomed {
        draw_axis_note(c, d, l, p);
    }
    let axis = BarAxis::new(l, d);
    let mut prev_end: Option<(i32, i32)> = None;
    for (k, bar) in d.waterfall.iter().enumerate() {
        prev_end = Some(draw_bar(c, d, l, p, &axis, (k, bar), prev_end));
    }
}

/// Says where a zoomed axis starts: right of the heading on its line
/// (narrow), or under it as a subtitle.
fn draw_axis_note(c: &mut Canvas, d: &Chart, l: &Layout, p: &Palette) {
    let beside = l.wf_note_y == l.wf_head_y;
    let room = if beside {
        f64::from(l.wf_x1 - l.wf_x0 - 16) - text_width(WATERFALL_HEADING, 12.0)
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
    c.text(&note, x, l.wf_note_y, NOTE_SIZE, p.muted, anchor, false);
}

/// Bar `k` with its label and value, joined to the previous bar's end;
/// returns where this bar ends (for the next one's joint).
fn draw_bar(
    c: &mut Canvas,
    d: &Chart,
    l: &Layout,
    p: &Palette,
    axis: &BarAxis,
    (k, bar): (usize, &Bar),
    prev_end: Option<(i32, i32)>,
) -> (i32, i32) {
    let row_h = l.wf_row_h;
    let x = |b: u64| axis.x(b);
    let bar_h = ((row_h as f64) * 0.64) as i32;
    let y0 = l.wf_top + k as i32 * row_h + (row_h - bar_h) / 2;
    let y1 = y0 + bar_h;
    let (a, b) = (x(bar.from.min(bar.to)), x(bar.from.max(bar.to)));
    let total = matches!(bar.kind, BarKind::Start | BarKind::End);
    let look = d.bar_looks.get(k);
    let paint = look.map_or(Paint::Muted, |look| look.paint);
    let alpha = if total { 0.55 } else { 1.0 };
    c.rect(a, y0, b.max(a + 1), y1, colour(p, paint), alpha);
    if total && d.waterfall_axis.0 > 0 {
        // a break: the bar starts at 0, far left of the axis
        for dx in [6, 10] {
            c.line((a + dx, y1 + 2), (a + dx + 4, y0 - 2), p.background, 1.0);
        }
    }
    if let Some((px, py)) = prev_end {
        c.line((px, py), (px, y0), p.muted, 0.7);
    }
    let symbol = look.map_or("", |look| look.symbol);
    let label = bar_label(bar, symbol, f64::from(axis.label_w - 6));
    let cy = (y0 + y1) / 2;
    c.text(
        &label,
        axis.x0 - 6,
        cy,
        BAR_TEXT_SIZE,
        p.text,
        HPos::Right,
        total,
    );
    c.text(
        &bar.value,
        b + 4,
        cy,
        BAR_TEXT_SIZE,
        p.text,
        HPos::Left,
        total,
    );
    (x(bar.to), y1)
}

/// A bar's label fitted to `room`, after its symbol (kept whole).
fn bar_label(bar: &Bar, symbol: &str, room: f64) -> String {
    if symbol.is_empty() {
        fit(&bar.label, BAR_TEXT_SIZE, room)
    } else {
        let prefix = format!("{symbol} ");
        let rest = room - text_width(&prefix, BAR_TEXT_SIZE);
        format!("{prefix}{}", fit(&bar.label, BAR_TEXT_SIZE, rest))
    }
}

fn draw_legend(c: &mut Canvas, l: &Layout, p: &Palette) {
    let legend = &l.legend;
    for (k, line) in legend.lines.iter().enumerate() {
        let y = legend.y(k, l.h);
        for &(x, key) in line {
            let paint = match key {
                Key::Status(s) => Paint::Status(s),
                Key::Base => Paint::Base,
                Key::Origin(step) => Paint::Origin(step),
            };
            c.rect(x, y - 6, x + 12, y + 6, colour(p, paint), 1.0);
            if let Key::Status(s) = key {
                c.text(s.symbol(), x + 6, y, 10.0, p.on_colour, HPos::Center, true);
            }
            c.text(
                key.word(),
                x + 16,
                y,
                LEGEND_SIZE,
                p.text,
                HPos::Left,
                false,
            );
        }
    }
    let y = legend.y(legend.note_line, l.h);
    c.text(
        &legend.note,
        l.w - 14,
        y,
        NOTE_SIZE,
        p.muted,
        HPos::Right,
        false,
    );
}
