//! Where each part of the chart goes for a given width and height, and how
//! wide a text is estimated to be (there is no font engine in the page's
//! bundle, so every fitting decision uses one conservative estimate).
//!
//! Two arrangements:
//! - **wide** (≥ [`NARROW_BELOW`] units): the columns on the left ~62 %,
//!   the waterfall on their right, the legend on one line at the bottom.
//! - **narrow** (phones, small panels): the columns centred across the whole
//!   width so a pair's side labels get the room, the waterfall *below* them
//!   at full width, and the legend wrapped onto as many lines as it needs.
//!   The height is split between columns and waterfall from the number of
//!   bars.
//!
//! The layout places a pair's two columns (`before_x`, `after_x`, with the
//! side labels' room); a path's columns share the same room evenly
//! (`draw::Places`).
//!
//! Texts are fitted with [`fit`], which shortens (with `…`) until the
//! estimate fits the room, so no text overlaps another or leaves the viewBox.

use super::data::{ChartData, Column};
use super::model::Chart;
use crate::compare::Status;
use crate::text::{cut_end, is_wide};

/// The narrowest drawing: a phone held upright (360 CSS px) less a margin.
pub const MIN_WIDTH: u32 = 320;
/// The widest drawing the page asks for: wider, its text would look small.
pub const MAX_WIDTH: u32 = 1100;
/// Below this width the waterfall goes under the columns.
pub const NARROW_BELOW: i32 = 760;
/// The height of a wide drawing, and of a narrow one (taller: the waterfall
/// stands below the columns, which keep room for their labels).
pub const WIDE_HEIGHT: u32 = 540;
pub const NARROW_HEIGHT: u32 = 660;
/// Margin kept free at the left and right edges.
pub const EDGE: i32 = 8;
/// Vertical distance between the centres of two stacked side labels (two lines each).
pub const LABEL_PITCH: i32 = 28;
/// Font sizes (viewBox units).
pub const LABEL_SIZE: f64 = 11.0;
pub const LABEL_DETAIL_SIZE: f64 = 10.5;
pub const BAR_TEXT_SIZE: f64 = 10.5;
pub const LEGEND_SIZE: f64 = 11.0;
pub const NOTE_SIZE: f64 = 10.0;
/// Vertical distance between two legend lines.
const LEGEND_PITCH: i32 = 18;
/// The note printed with the legend.
pub const SIZES_NOTE: &str = "sizes as printed (3 significant digits)";

/// Estimated width of `s` drawn at `size`: 0.6 em a character, 1 em for a
/// wide one (CJK, full-width, emoji: [`is_wide`], the table the terminal
/// printers use too). Generous for `system-ui`, so fitted texts keep
/// a little air in real browsers.
pub fn text_width(s: &str, size: f64) -> f64 {
    s.chars()
        .map(|c| if is_wide(c) { 1.0 } else { 0.6 })
        .sum::<f64>()
        * size
}

/// `s`, shortened with `…` until it fits `room` at `size` (empty when not even
/// two characters fit).
pub fn fit(s: &str, size: f64, room: f64) -> String {
    if text_width(s, size) <= room {
        return s.to_string();
    }
    // no character is narrower than 0.6 em: start from the most that could fit
    // (a --no-trunc instruction can be thousands of characters long)
    let most = (room / (0.6 * size)).max(0.0) as usize + 2;
    let mut n = s.chars().count().min(most);
    while n > 2 {
        n -= 1;
        let t = cut_end(s, n);
        if text_width(&t, size) <= room {
            return t;
        }
    }
    String::new()
}

/// One entry of the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Status(Status),
    /// The grey shared base image.
    Base,
    /// A path's layers by the step they first appear in (0-based).
    Origin(usize),
}

/// The legend words of [`Key::Origin`], one per step of a path.
const ORIGIN_WORDS: [&str; 8] = [
    "from step 1",
    "new in step 2",
    "new in step 3",
    "new in step 4",
    "new in step 5",
    "new in step 6",
    "new in step 7",
    "new in step 8",
];

impl Key {
    pub fn word(self) -> &'static str {
        match self {
            Key::Status(s) => s.as_str(),
            Key::Base => "unchanged layers",
            Key::Origin(k) => ORIGIN_WORDS
                .get(k)
                .copied()
                .unwrap_or("new in a later step"),
        }
    }
}

/// The legend, laid out in lines (last line at the bottom of the drawing).
#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    /// Each line: (x of the swatch, key).
    pub lines: Vec<Vec<(i32, Key)>>,
    /// The line that carries the note (right-aligned).
    pub note_line: usize,
    /// The note, shortened if even a line of its own is too narrow.
    pub note: String,
}

impl Legend {
    /// Lays out `keys` in order from the left edge, starting a new line when
    /// one would overflow `w`.
    pub fn of_keys(keys: &[Key], w: i32) -> Legend {
        let right = w - 14;
        let keys = keys.iter().copied();
        let mut lines: Vec<Vec<(i32, Key)>> = vec![Vec::new()];
        let mut x = 14;
        for key in keys {
            let item_w = 16 + text_width(key.word(), LEGEND_SIZE).ceil() as i32;
            let starts_line = lines.last().is_none_or(|l| l.is_empty());
            if !starts_line && x + item_w > right {
                lines.push(Vec::new());
                x = 14;
            }
            if let Some(line) = lines.last_mut() {
                line.push((x, key));
            }
            x += item_w + 16;
        }
        let note_w = text_width(SIZES_NOTE, NOTE_SIZE).ceil() as i32;
        let (note_line, note) = if x - 4 + note_w <= right {
            (lines.len() - 1, SIZES_NOTE.to_string())
        } else {
            lines.push(Vec::new());
            (
                lines.len() - 1,
                fit(SIZES_NOTE, NOTE_SIZE, f64::from(right - 14)),
            )
        };
        Legend {
            lines,
            note_line,
            note,
        }
    }

    /// The y of line `k` (centre) in a drawing `h` high.
    pub fn y(&self, k: usize, h: i32) -> i32 {
        let below = self.lines.len().saturating_sub(k + 1) as i32;
        h - 16 - LEGEND_PITCH * below
    }

    /// The y above which the legend leaves the drawing free.
    pub fn top(&self, h: i32) -> i32 {
        self.y(0, h) - 14
    }
}

/// The statuses that appear in the chart, in [`Status::ALL`] order.
pub fn present_statuses(d: &ChartData) -> Vec<Status> {
    Status::ALL
        .iter()
        .copied()
        .filter(|s| {
            d.segments.iter().any(|x| x.status == Some(*s))
                || d.bands.iter().any(|b| b.status == *s)
        })
        .collect()
}

/// The height the page gives a drawing `width` units wide.
pub fn height_for(width: u32) -> u32 {
    if i64::from(width) < i64::from(NARROW_BELOW) {
        NARROW_HEIGHT
    } else {
        WIDE_HEIGHT
    }
}

/// The drawing's width in units: never narrower than [`MIN_WIDTH`].
pub fn clamp_width(width: u32) -> i32 {
    width.clamp(MIN_WIDTH, 4000) as i32
}

/// The top of the columns (below the header).
const TOP: i32 = 92;

/// What a layout is computed from: the drawing's size, its legend, how many
/// waterfall bars it has and its largest total.
struct Frame {
    w: i32,
    h: i32,
    legend: Legend,
    bars: i32,
    max_bytes: u64,
}

impl Frame {
    /// Column units per byte for columns with their baseline at `bottom`.
    fn scale(&self, bottom: i32) -> f64 {
        f64::from((bottom - TOP).max(1)) / self.max_bytes as f64
    }
}

/// Where things go, computed once from the size and the data.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub w: i32,
    pub h: i32,
    /// The waterfall sits below the columns.
    pub narrow: bool,
    pub before_x: i32,
    pub after_x: i32,
    pub col_w: i32,
    /// Top and bottom (baseline) of the columns.
    pub top: i32,
    pub bottom: i32,
    /// Column units per byte.
    pub scale: f64,
    /// The right end of the room for the columns and their labels.
    pub cols_right: i32,
    /// Left and right end of the waterfall.
    pub wf_x0: i32,
    pub wf_x1: i32,
    /// y of the waterfall's heading line, and of its axis note.
    pub wf_head_y: i32,
    pub wf_note_y: i32,
    /// Top of the first waterfall row and the row height.
    pub wf_top: i32,
    pub wf_row_h: i32,
    pub legend: Legend,
}

impl Layout {
    /// The arrangement of `d` in a drawing `width` × `height`.
    pub fn new(width: u32, height: u32, d: &Chart) -> Layout {
        let w = clamp_width(width);
        let h = height.clamp(300, 4000) as i32;
        let frame = Frame {
            w,
            h,
            legend: Legend::of_keys(&d.legend, w),
            bars: d.waterfall.len().max(1) as i32,
            max_bytes: d.max_bytes.max(1),
        };
        if w < NARROW_BELOW {
            Layout::narrow(frame)
        } else {
            Layout::wide(frame)
        }
    }

    /// The columns centred over the full width; waterfall rows below them.
    fn narrow(f: Frame) -> Layout {
        let (w, n) = (f.w, f.bars);
        let col_w = ((f64::from(w) * 0.08) as i32).clamp(34, 56);
        let gap = ((f64::from(w) * 0.16) as i32).clamp(56, 110);
        let before_x = (w - 2 * col_w - gap) / 2;
        let legend_top = f.legend.top(f.h);
        // heading 26 below the baseline, rows 12 below the heading, 6 free above the legend
        let fixed = 26 + 12 + 6;
        let avail = legend_top - fixed - TOP;
        let row_h = ((f64::from(avail) * 0.42) as i32 / n)
            .clamp(14, 22)
            .min(((avail - 120) / n).max(8));
        let bottom = legend_top - 6 - n * row_h - 12 - 26;
        Layout {
            w,
            h: f.h,
            narrow: true,
            before_x,
            after_x: before_x + col_w + gap,
            col_w,
            top: TOP,
            bottom,
            scale: f.scale(bottom),
            cols_right: w - EDGE,
            wf_x0: 14,
            wf_x1: w - 14,
            wf_head_y: bottom + 26,
            wf_note_y: bottom + 26,
            wf_top: bottom + 38,
            wf_row_h: row_h,
            legend: f.legend,
        }
    }

    /// The columns on the left ~62 %, the waterfall on their right.
    fn wide(f: Frame) -> Layout {
        let w = f.w;
        let cols_w = (f64::from(w) * 0.62) as i32;
        let col_w = ((f64::from(w) * 0.07) as i32).clamp(40, 90);
        let gap = (f64::from(cols_w) * 0.16) as i32;
        let label_w = (cols_w - 2 * col_w - gap) / 2;
        let bottom = f.legend.top(f.h) - 16;
        let wf_x0 = cols_w + 16;
        Layout {
            w,
            h: f.h,
            narrow: false,
            before_x: label_w,
            after_x: label_w + col_w + gap,
            col_w,
            top: TOP,
            bottom,
            scale: f.scale(bottom),
            cols_right: wf_x0 - 12,
            wf_x0,
            wf_x1: w - 14,
            wf_head_y: 66,
            wf_note_y: 81,
            wf_top: TOP,
            wf_row_h: ((bottom - TOP) / f.bars).clamp(8, 34),
            legend: f.legend,
        }
    }

    pub fn y(&self, bytes: u64) -> i32 {
        self.bottom - (bytes as f64 * self.scale).round() as i32
    }

    pub fn col_x(&self, c: Column) -> i32 {
        match c {
            Column::Before => self.before_x,
            Column::After => self.after_x,
        }
    }

    /// The middle of the gap between the two columns.
    pub fn mid(&self) -> i32 {
        (self.before_x + self.after_x + self.col_w) / 2
    }

    /// x where a column's side labels start (before: their right end; after: their left end).
    pub fn label_x(&self, c: Column) -> i32 {
        match c {
            Column::Before => self.before_x - 12,
            Column::After => self.after_x + self.col_w + 12,
        }
    }

    /// Room for a column's side labels, in units.
    pub fn label_room(&self, c: Column) -> f64 {
        f64::from(match c {
            Column::Before => self.label_x(c) - EDGE,
            Column::After => self.cols_right - self.label_x(c),
        })
    }

    /// The centre and text of a column's title: centred over the column when
    /// it fits, otherwise slid outwards (away from the other column) and, if
    /// still too long, shortened.
    pub fn title_place(&self, c: Column, text: &str, size: f64) -> (i32, String) {
        let mid = self.mid();
        let cx = self.col_x(c) + self.col_w / 2;
        let (lo, hi) = match c {
            Column::Before => (EDGE, mid - 6),
            Column::After => (mid + 6, self.cols_right),
        };
        // 2 units less, so that rounding the half width up cannot overflow
        let t = fit(text, size, f64::from(hi - lo - 2));
        let half = (text_width(&t, size) / 2.0).ceil() as i32;
        let x = cx.min(hi - half).max(lo + half);
        (x, t)
    }

    /// Waterfall geometry: (left end of the bars, right end, units per byte, label room).
    pub fn bar_geometry(&self, d: &Chart) -> (i32, i32, f64, i32) {
        let width = self.wf_x1 - self.wf_x0;
        let label_w = (f64::from(width) * if self.narrow { 0.45 } else { 0.48 }) as i32;
        let bx0 = self.wf_x0 + label_w;
        let value_w = d
            .waterfall
            .iter()
            .map(|b| text_width(&b.value, BAR_TEXT_SIZE).ceil() as i32)
            .max()
            .unwrap_or(0);
        let bx1 = self.wf_x1 - (value_w + 6).clamp(40, 100);
        let span = d.waterfall_axis.1.saturating_sub(d.waterfall_axis.0).max(1);
        let kx = f64::from((bx1 - bx0).max(10)) / span as f64;
        (bx0, bx1, kx, label_w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_shortens_only_what_is_too_long() {
        assert_eq!(fit("RUN npm install", 10.0, 200.0), "RUN npm install");
        let t = fit("RUN apt-get install -y curl", 10.0, 60.0);
        assert!(t.ends_with('…') && text_width(&t, 10.0) <= 60.0, "{t}");
        assert_eq!(fit("abcdef", 10.0, 5.0), "");
        // a --no-trunc instruction is cut to the room directly
        let long = "RUN ".to_string() + &"x".repeat(100_000);
        let t = fit(&long, 10.0, 120.0);
        assert_eq!(t.chars().count(), 20, "{t}");
        // a CJK label counts as wide
        assert!(text_width("镜像", 10.0) > text_width("ab", 10.0));
    }

    /// A chart with `bars` waterfall bars and nothing else.
    fn data(bars: usize) -> Chart {
        Chart::from(&pair(bars))
    }

    fn pair(bars: usize) -> ChartData {
        use super::super::data::{Bar, BarKind};
        let bar = Bar {
            kind: BarKind::Removed,
            label: "RUN npm install".to_string(),
            value: "−57.7 MB".to_string(),
            from: 100,
            to: 50,
            status: Some(Status::Removed),
            rows: vec![0],
        };
        ChartData {
            title: "Sum of layer sizes".to_string(),
            before_label: "before".to_string(),
            after_label: "after".to_string(),
            before_total: "≈ 100 B".to_string(),
            after_total: "≈ 50 B".to_string(),
            delta: "≈ −50 B".to_string(),
            max_bytes: 100,
            segments: Vec::new(),
            bands: Vec::new(),
            waterfall: vec![bar; bars],
            waterfall_axis: (0, 100),
            summary: String::new(),
        }
    }

    #[test]
    fn narrow_puts_the_waterfall_below_the_columns_and_wide_beside_them() {
        for bars in [3, 7, 13] {
            let d = data(bars);
            for w in [360, 520, 640] {
                let l = Layout::new(w, 620, &d);
                assert!(l.narrow, "{w}");
                assert!(l.wf_head_y > l.bottom + 12, "{w}, {bars} bars: {l:?}");
                let rows_end = l.wf_top + l.wf_row_h * bars as i32;
                assert!(rows_end < l.legend.top(l.h), "{w}, {bars} bars: {l:?}");
                assert!(l.bottom - l.top >= 200, "columns too short: {l:?}");
                // the pair of columns is centred, with the same room for labels on each side
                let left = l.label_room(Column::Before);
                let right = l.label_room(Column::After);
                assert!((left - right).abs() <= 2.0, "{left} vs {right}");
            }
            for w in [760, 960, 1100] {
                let l = Layout::new(w, 540, &d);
                assert!(!l.narrow, "{w}");
                assert!(l.wf_x0 > l.after_x + l.col_w, "{w}: {l:?}");
                assert_eq!(l.wf_top, l.top);
            }
        }
    }

    #[test]
    fn a_long_title_slides_outwards_and_stays_inside() {
        let l = Layout::new(520, 620, &data(3));
        let long = "registry.example.com/team/a-very-long-image-name:with-a-tag";
        let (x, t) = l.title_place(Column::Before, long, 11.0);
        let half = text_width(&t, 11.0) / 2.0;
        assert!(f64::from(x) - half >= f64::from(EDGE), "{x} {t}");
        assert!(f64::from(x) + half <= f64::from(l.mid() - 6), "{x} {t}");
        let (x2, t2) = l.title_place(Column::After, long, 11.0);
        assert!(f64::from(x2) - text_width(&t2, 11.0) / 2.0 >= f64::from(l.mid() + 6));
        // a short one stays centred over its column
        let (x3, _) = l.title_place(Column::After, "after", 11.0);
        assert_eq!(x3, l.after_x + l.col_w / 2);
    }

    #[test]
    fn legend_wraps_on_a_phone_and_not_on_a_desktop() {
        let all = Status::ALL;
        let keys = |present: &[Status]| -> Vec<Key> {
            present
                .iter()
                .map(|s| Key::Status(*s))
                .chain([Key::Base])
                .collect()
        };
        let narrow = Legend::of_keys(&keys(&all), 520);
        assert!(narrow.lines.len() >= 2, "{narrow:?}");
        for line in &narrow.lines {
            if let Some(&(x, key)) = line.last() {
                let end = x + 16 + text_width(key.word(), LEGEND_SIZE) as i32;
                assert!(end <= 520 - 14, "{key:?} ends at {end}");
            }
        }
        let wide = Legend::of_keys(&keys(&[Status::Same, Status::Removed]), 960);
        assert_eq!(wide.lines.len(), 1, "{wide:?}");
        assert_eq!(wide.note, SIZES_NOTE);
    }
}
