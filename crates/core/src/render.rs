//! Prints a [`History`] back as docker (or podman) would, so that a shared
//! link can restore the panes as text and the parser can be tested on its own
//! output (`tests/parse_props.rs`). A shared link's history comes from a
//! stranger: [`render_within`] measures what would be printed (without a
//! copy per line or a call per column) and prints only what fits.
//!
//! Format rules (docs/formats.md §1.2–1.7, §3):
//! - docker tables go through Go's `tabwriter` with minwidth 10, padding 3
//!   (podman: minwidth 12, padding 2); the last cell of a line is not padded,
//!   every other cell is padded to its column's width (so an empty COMMENT
//!   leaves trailing spaces after SIZE);
//! - docker cuts CREATED BY to 44 display columns + `…` unless `--no-trunc`;
//!   podman cuts to 42 bytes + `...`; a layer already cut when it was read is
//!   printed with the mark so that it reads back as cut;
//! - ids: 12 characters after any `sha256:` (full with `--no-trunc`), or
//!   `<missing>`;
//! - sizes: [`size_text`], which is docker's `%.3g` notation whenever that
//!   reads back as the same [`Size`], else the precision it was printed with;
//!   `--human=false` prints plain bytes;
//! - `--format json`: one object per line, keys sorted, all values strings,
//!   `<`/`>`/`&` escaped as `\u003c`/`\u003e`/`\u0026` (Go's `json.Marshal`);
//!   ids and CREATED BY as the history holds them (so a history read from
//!   `--no-trunc` output prints as `--format json --no-trunc` did);
//! - a history read without a CREATED column is printed without one.

use crate::model::{History, Layer, Size};
use crate::parse::parse_size;
use crate::text::{decimal, prefix_within, short_id, width};

/// Which command's output to imitate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderStyle {
    /// `docker history IMAGE` (docker ≥ 20.10).
    Docker,
    /// `docker history --no-trunc IMAGE`.
    DockerNoTrunc,
    /// `docker history --human=false IMAGE`: `CREATED AT`, plain bytes.
    DockerHumanFalse,
    /// `docker history --format json IMAGE`: one JSON object per line.
    JsonLines,
    /// `podman history IMAGE` (podman ≥ 4.6).
    Podman,
}

/// Prints `history` the way `style`'s command prints it (with a final newline).
pub fn render(history: &History, style: RenderStyle) -> String {
    match printout(history, style) {
        Printout::Table {
            cells,
            minwidth,
            padding,
        } => tabwriter(&cells, minwidth, padding),
        Printout::JsonLines => {
            let mut out = String::new();
            json_lines(history, &mut out);
            out
        }
    }
}

/// [`render`], or `None` when the printed text would be longer than
/// `max_len` bytes, decided before it is printed. A shared link may carry a
/// history whose table is huge once laid out (one long cell pads every row
/// to its width; a cell full of tabs makes a column of each), so the table
/// is first measured: a floor from the cells alone (no allocation: a cell
/// before a tab takes at least `minwidth`), then the exact length from the
/// column widths and the row count. Either measure over `max_len` refuses.
pub fn render_within(history: &History, style: RenderStyle, max_len: usize) -> Option<String> {
    match printout(history, style) {
        Printout::Table {
            cells,
            minwidth,
            padding,
        } => {
            if table_floor(&cells, minwidth, padding) > max_len {
                return None;
            }
            let mut len = Count(0);
            write_table(&cells, minwidth, padding, &mut len);
            if len.0 > max_len {
                return None;
            }
            let mut out = String::with_capacity(len.0);
            write_table(&cells, minwidth, padding, &mut out);
            Some(out)
        }
        Printout::JsonLines => {
            let mut len = Count(0);
            json_lines(history, &mut len);
            if len.0 > max_len {
                return None;
            }
            let mut out = String::with_capacity(len.0);
            json_lines(history, &mut out);
            Some(out)
        }
    }
}

/// Where printed text goes: a `String`, or a [`Count`] of its bytes.
trait Out {
    /// Appends `s`.
    fn text(&mut self, s: &str);
    /// Appends one character.
    fn char(&mut self, c: char);
    /// Appends `n` spaces.
    fn spaces(&mut self, n: usize);
}

impl Out for String {
    fn text(&mut self, s: &str) {
        self.push_str(s);
    }
    fn char(&mut self, c: char) {
        self.push(c);
    }
    fn spaces(&mut self, n: usize) {
        self.extend(std::iter::repeat_n(' ', n));
    }
}

/// Counts the bytes that would be printed, without printing them; saturates
/// (wasm32's `usize` is 32 bits).
struct Count(usize);

impl Out for Count {
    fn text(&mut self, s: &str) {
        self.0 = self.0.saturating_add(s.len());
    }
    fn char(&mut self, c: char) {
        self.0 = self.0.saturating_add(c.len_utf8());
    }
    fn spaces(&mut self, n: usize) {
        self.0 = self.0.saturating_add(n);
    }
}

/// What a style prints, before it is laid out.
enum Printout {
    /// A table: its cells (ending at `\t`, lines at `\n`) and the
    /// [`tabwriter`] settings that pad them.
    Table {
        cells: String,
        minwidth: usize,
        padding: usize,
    },
    /// `--format json`: printed by [`json_lines`].
    JsonLines,
}

fn printout(history: &History, style: RenderStyle) -> Printout {
    // A history read without a CREATED column (`--format 'table {{.ID}}\t
    // {{.CreatedBy}}\t{{.Size}}'`) is printed without one, as that format did.
    let with_created = history.layers.iter().any(|l| l.created.is_some());
    let row = |text: &mut String, cells: [&str; 5]| {
        let [id, created, by, size, comment] = cells;
        let cells: Vec<&str> = if with_created {
            vec![id, created, by, size, comment]
        } else {
            vec![id, by, size, comment]
        };
        text.push_str(&cells.join("\t"));
        text.push('\n');
    };
    match style {
        RenderStyle::JsonLines => Printout::JsonLines,
        RenderStyle::Podman => {
            let mut text = String::new();
            row(
                &mut text,
                ["ID", "CREATED", "CREATED BY", "SIZE", "COMMENT"],
            );
            for l in &history.layers {
                let id = l.id.as_deref().map_or("<missing>".to_string(), short_id);
                let by = podman_cut(&l.created_by, l.truncated);
                let size = l.size.map(size_text).unwrap_or_default();
                row(&mut text, [&id, created_text(l), &by, &size, &l.comment]);
            }
            Printout::Table {
                cells: text,
                minwidth: 12,
                padding: 2,
            }
        }
        RenderStyle::Docker | RenderStyle::DockerNoTrunc | RenderStyle::DockerHumanFalse => {
            let no_trunc = style == RenderStyle::DockerNoTrunc;
            let human = style != RenderStyle::DockerHumanFalse;
            let mut text = String::new();
            let created_header = if human { "CREATED" } else { "CREATED AT" };
            row(
                &mut text,
                ["IMAGE", created_header, "CREATED BY", "SIZE", "COMMENT"],
            );
            for l in &history.layers {
                let id = match &l.id {
                    None => "<missing>".to_string(),
                    Some(i) if no_trunc => i.clone(),
                    Some(i) => short_id(i),
                };
                let by = docker_created_by(l, no_trunc);
                let size = match l.size {
                    None => String::new(),
                    Some(s) if human => size_text(s),
                    Some(s) => s.bytes.to_string(),
                };
                row(&mut text, [&id, created_text(l), &by, &size, &l.comment]);
            }
            Printout::Table {
                cells: text,
                minwidth: 10,
                padding: 3,
            }
        }
    }
}

fn created_text(l: &Layer) -> &str {
    l.created.as_deref().unwrap_or("N/A")
}

/// docker's CREATED BY: tabs become spaces; `formatter.Ellipsis(s, 45)`.
fn docker_created_by(l: &Layer, no_trunc: bool) -> String {
    let s = l.created_by.replace('\t', " ");
    if l.truncated {
        // Already cut when it was read (maybe by another tool, maybe at 45
        // without a mark): keep every character and add docker's mark.
        return format!("{s}…");
    }
    if no_trunc || width(&s) <= 45 {
        s
    } else {
        format!("{}…", prefix_within(&s, 44))
    }
}

/// podman's CREATED BY: `s[:42] + "..."` when longer than 45 bytes (cut on a
/// character boundary here).
fn podman_cut(s: &str, truncated: bool) -> String {
    let cut = |s: &str| {
        let mut end = 42.min(s.len());
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}...", s.get(..end).unwrap_or(""))
    };
    if truncated {
        if s.len() > 42 {
            cut(s)
        } else {
            format!("{s}...")
        }
    } else if s.len() > 45 {
        cut(s)
    } else {
        s.to_string()
    }
}

/// Go's `text/tabwriter` (no flags, space padding): cells end at `\t`, lines
/// at `\n`; a column block is a run of lines that have a cell in that
/// column; its width is max(minwidth, widest cell + padding).
pub fn tabwriter(text: &str, minwidth: usize, padding: usize) -> String {
    let mut out = String::with_capacity(text.len().saturating_mul(2));
    write_table(text, minwidth, padding, &mut out);
    out
}

/// The lines of a table and, for each, its cells and whether each ends at a
/// tab (the last cell of a line does not, and is not padded).
fn table_lines(text: &str) -> impl Iterator<Item = impl Iterator<Item = (&str, bool)>> {
    text.strip_suffix('\n')
        .unwrap_or(text)
        .split('\n')
        .map(|line| {
            let mut cells = line.split('\t').peekable();
            std::iter::from_fn(move || {
                let cell = cells.next()?;
                Some((cell, cells.peek().is_some()))
            })
        })
}

/// A floor under the length of what [`write_table`] prints, found without
/// allocating: a cell that ends at a tab is padded to at least `minwidth`
/// and to at least `padding` more than its width, and a character is never
/// wider than its bytes.
fn table_floor(text: &str, minwidth: usize, padding: usize) -> usize {
    table_lines(text).fold(0usize, |n, cells| {
        cells.fold(n.saturating_add(1), |n, (cell, tab)| {
            let least = if tab {
                cell.len().saturating_add(padding).max(minwidth)
            } else {
                cell.len()
            };
            n.saturating_add(least)
        })
    })
}

/// [`tabwriter`] into `out`, in two passes over `text` and without a copy
/// of its lines: a column block (Go's, found recursively there) is a maximal
/// run of consecutive lines that have a cell ending at a tab in that column,
/// so the first pass finds every block's width, in the order the blocks
/// start, keeping only the blocks still open; the second prints, taking the
/// widths in the same order. Memory: one width per block.
fn write_table(text: &str, minwidth: usize, padding: usize, out: &mut impl Out) {
    let mut blocks: Vec<usize> = Vec::new();
    // For each column, the block open in it (an index into `blocks`).
    let mut open: Vec<usize> = Vec::new();
    for cells in table_lines(text) {
        let mut column = 0;
        for (cell, tab) in cells {
            if !tab {
                break;
            }
            let w = width(cell).saturating_add(padding);
            match open.get(column).and_then(|&b| blocks.get_mut(b)) {
                Some(block) => *block = (*block).max(w),
                None => {
                    open.push(blocks.len());
                    blocks.push(w.max(minwidth));
                }
            }
            column += 1;
        }
        open.truncate(column);
    }
    let mut next = blocks.iter().copied();
    let mut widths: Vec<usize> = Vec::new();
    for cells in table_lines(text) {
        let mut column = 0;
        for (cell, tab) in cells {
            out.text(cell);
            if !tab {
                break;
            }
            if column == widths.len() {
                widths.push(next.next().unwrap_or(minwidth));
            }
            let w = widths.get(column).copied().unwrap_or(minwidth);
            out.spaces(w.saturating_sub(width(cell)));
            column += 1;
        }
        widths.truncate(column);
        out.char('\n');
    }
}

/// Go's `json.Marshal` string escaping (HTML-safe).
fn json_string(s: &str, out: &mut impl Out) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    out.char('"');
    for c in s.chars() {
        match c {
            '"' => out.text("\\\""),
            '\\' => out.text("\\\\"),
            '\n' => out.text("\\n"),
            '\r' => out.text("\\r"),
            '\t' => out.text("\\t"),
            '<' => out.text("\\u003c"),
            '>' => out.text("\\u003e"),
            '&' => out.text("\\u0026"),
            '\u{2028}' => out.text("\\u2028"),
            '\u{2029}' => out.text("\\u2029"),
            c if u32::from(c) < 0x20 => {
                let digit = |d: u32| DIGITS.get(d as usize).map_or('0', |&b| char::from(b));
                out.text("\\u00");
                out.char(digit(u32::from(c) >> 4));
                out.char(digit(u32::from(c) & 15));
            }
            c => out.char(c),
        }
    }
    out.char('"');
}

fn json_lines(history: &History, out: &mut impl Out) {
    for l in &history.layers {
        let created = l.created.clone().unwrap_or_default();
        let timestamp = !created.is_empty() && !created.contains(' ') && created.contains('T');
        let (at, since) = if timestamp {
            (created, String::new())
        } else {
            (String::new(), created)
        };
        let fields = [
            ("Comment", l.comment.clone()),
            ("CreatedAt", at),
            ("CreatedBy", docker_created_by(l, true)),
            ("CreatedSince", since),
            (
                "ID",
                l.id.clone().unwrap_or_else(|| "<missing>".to_string()),
            ),
            ("Size", l.size.map(size_text).unwrap_or_default()),
        ];
        out.char('{');
        for (i, (k, v)) in fields.iter().enumerate() {
            if i > 0 {
                out.char(',');
            }
            out.char('"');
            out.text(k);
            out.text("\":");
            json_string(v, out);
        }
        out.text("}\n");
    }
}

/// Go's `%.*g` for a non-negative finite value.
fn go_g(v: f64, precision: usize) -> String {
    if v == 0.0 || !v.is_finite() {
        return "0".to_string();
    }
    let p = precision.max(1);
    let (digits, exp) = decimal::significant(v, p);
    if exp < -4 || exp >= i32::try_from(p).unwrap_or(i32::MAX) {
        let (first, rest) = digits.split_at(1);
        let mant = if rest.is_empty() {
            first.to_string()
        } else {
            format!("{first}.{rest}")
        };
        let mant = trim_zeros(&mant);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mant}e{sign}{:02}", exp.unsigned_abs())
    } else {
        let decimals = usize::try_from(i32::try_from(p).unwrap_or(0) - 1 - exp).unwrap_or(0);
        trim_zeros(&decimal::fixed(v, decimals)).to_string()
    }
}

fn trim_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// docker's `units.HumanSizeWithPrecision(bytes, 3)`: `0B`, `8.19kB`, `1e+03MB`.
pub fn docker_human_size(bytes: u64) -> String {
    const UNITS: [&str; 9] = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
    #[allow(clippy::cast_precision_loss)]
    let mut v = bytes as f64;
    let mut i = 0;
    while v >= 1000.0 && i < UNITS.len() - 1 {
        v /= 1000.0;
        i += 1;
    }
    format!("{}{}", go_g(v, 3), UNITS.get(i).unwrap_or(&"B"))
}

/// `bytes / 10^k` with `decimals` digits, exactly (no float rounding).
fn decimal_text(bytes: u64, k: u32, decimals: u32) -> Option<String> {
    let unit = 10u128.checked_pow(k)?;
    let scale = 10u128.checked_pow(decimals)?;
    let scaled = u128::from(bytes).checked_mul(scale)?;
    if scaled % unit != 0 {
        return None;
    }
    let v = scaled / unit;
    if decimals == 0 {
        return Some(v.to_string());
    }
    let int = v / scale;
    let frac = v % scale;
    Some(format!("{int}.{frac:0width$}", width = decimals as usize))
}

/// Prints a [`Size`] so that reading it back gives the same `bytes`,
/// `tolerance` and `exact`: plain bytes for exact sizes, docker's notation
/// when it reads back the same, else the printed precision (`1.819kB`,
/// `1.1MiB`, `1e+03MB`).
pub fn size_text(size: Size) -> String {
    if size.exact {
        return size.bytes.to_string();
    }
    let same = |text: &str| parse_size(text).ok() == Some(size);
    let docker = docker_human_size(size.bytes);
    if same(&docker) {
        return docker;
    }
    const DECIMAL: [(&str, u32); 6] = [
        ("B", 0),
        ("kB", 3),
        ("MB", 6),
        ("GB", 9),
        ("TB", 12),
        ("PB", 15),
    ];
    // %g's exponent quirk: exactly 1000 of a unit.
    for (unit, k) in DECIMAL {
        if decimal_text(size.bytes, k + 3, 0).as_deref() == Some("1") {
            let text = format!("1e+03{unit}");
            if same(&text) {
                return text;
            }
        }
    }
    // The largest unit whose value is at least 1, with as few decimals as
    // read back the same: `1.819 kB` → `1.819kB`, not `1819B`.
    for (unit, k) in DECIMAL.iter().rev() {
        if *k > 0 && size.bytes < 10u64.saturating_pow(*k) {
            continue;
        }
        for decimals in 0..=6u32 {
            if let Some(num) = decimal_text(size.bytes, *k, decimals) {
                let text = format!("{num}{unit}");
                if same(&text) {
                    return text;
                }
            }
        }
    }
    for (unit, shift) in [
        ("TiB", 40u32),
        ("GiB", 30),
        ("MiB", 20),
        ("KiB", 10),
        ("B", 0),
    ] {
        #[allow(clippy::cast_precision_loss)]
        let v = size.bytes as f64 / 2f64.powi(i32::try_from(shift).unwrap_or(0));
        if v < 1.0 && shift > 0 {
            continue;
        }
        for decimals in 0..=3usize {
            let text = format!("{}{unit}", decimal::fixed(v, decimals));
            if same(&text) {
                return text;
            }
        }
    }
    docker
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dialect, Format};

    fn size(text: &str) -> Size {
        parse_size(text).unwrap_or_default()
    }

    #[test]
    fn docker_notation() {
        assert_eq!(docker_human_size(0), "0B");
        assert_eq!(docker_human_size(745), "745B");
        assert_eq!(docker_human_size(1_200), "1.2kB");
        assert_eq!(docker_human_size(8_192), "8.19kB");
        assert_eq!(docker_human_size(57_700_000), "57.7MB");
        assert_eq!(docker_human_size(999_700_000), "1e+03MB");
        assert_eq!(docker_human_size(1_330_000_000), "1.33GB");
    }

    #[test]
    fn size_text_round_trips() {
        for printed in [
            "0B", "7B", "1.2kB", "8.19kB", "57.7MB", "117MB", "1e+03MB", "1.819 kB", "50.47 MB",
            "0.0 B", "1.1 MiB", "70810049", "2.2GB",
        ] {
            let s = size(printed);
            let text = size_text(s);
            assert_eq!(parse_size(&text), Ok(s), "{printed:?} → {text:?}");
        }
        assert_eq!(size_text(size("1.819 kB")), "1.819kB");
        assert_eq!(size_text(size("1e+03MB")), "1e+03MB");
        assert_eq!(size_text(size("57.7MB")), "57.7MB");
    }

    fn history() -> History {
        let layer =
            |id: Option<&str>, created: &str, by: &str, truncated: bool, s: &str, comment: &str| {
                Layer {
                    id: id.map(str::to_string),
                    created: Some(created.to_string()),
                    created_by: by.to_string(),
                    truncated,
                    size: Some(size(s)),
                    comment: comment.to_string(),
                    lines: (0, 0),
                }
            };
        History {
            label: String::new(),
            format: Format::Table,
            dialect: Dialect::Docker,
            layers: vec![
                layer(
                    Some("sha256:b1750ffe7b95aaaa"),
                    "33 seconds ago",
                    "CMD [\"node\"]",
                    false,
                    "0B",
                    "buildkit.dockerfile.v0",
                ),
                layer(
                    None,
                    "3 days ago",
                    "/bin/sh -c #(nop) ADD file:7f95be7c8278786d5ffffffffffffffff in / ",
                    false,
                    "117MB",
                    "",
                ),
            ],
            lines: (0, 0),
            dropped_layers: 0,
        }
    }

    #[test]
    fn docker_table_layout() {
        let text = render(&history(), RenderStyle::Docker);
        let expected = "IMAGE          CREATED          CREATED BY                                      SIZE      COMMENT\n\
b1750ffe7b95   33 seconds ago   CMD [\"node\"]                                    0B        buildkit.dockerfile.v0\n\
<missing>      3 days ago       /bin/sh -c #(nop) ADD file:7f95be7c8278786d5…   117MB     \n";
        assert_eq!(text, expected);
    }

    #[test]
    fn golden_files_from_docker_cli() {
        // cli/command/image/testdata/history-command-success.simple.golden
        let h = History {
            layers: vec![Layer {
                id: Some("123456789012".into()),
                created: Some("Less than a second ago".into()),
                created_by: String::new(),
                size: Some(size("0B")),
                comment: "none".into(),
                ..Layer::default()
            }],
            ..History::default()
        };
        assert_eq!(
            render(&h, RenderStyle::Docker),
            "IMAGE          CREATED                  CREATED BY   SIZE      COMMENT\n123456789012   Less than a second ago                0B        none\n"
        );
        let h = History {
            layers: vec![Layer {
                id: Some("abcdef".into()),
                created: Some("2017-01-01T12:00:03Z".into()),
                created_by: "rose".into(),
                size: Some(Size {
                    bytes: 0,
                    tolerance: 0,
                    exact: true,
                }),
                comment: "new history item!".into(),
                ..Layer::default()
            }],
            ..History::default()
        };
        assert_eq!(
            render(&h, RenderStyle::DockerHumanFalse),
            "IMAGE     CREATED AT             CREATED BY   SIZE      COMMENT\nabcdef    2017-01-01T12:00:03Z   rose         0         new history item!\n"
        );
    }

    #[test]
    fn podman_and_json() {
        let text = render(&history(), RenderStyle::Podman);
        assert!(
            text.starts_with("ID            CREATED         CREATED BY"),
            "{text}"
        );
        // 42 bytes + `...`, SIZE column at 2-space padding.
        assert!(
            text.contains("<missing>     3 days ago      /bin/sh -c #(nop) ADD file:7f95be7c8278786...  117MB"),
            "{text}"
        );
        let json = render(&history(), RenderStyle::JsonLines);
        let second = json.lines().nth(1).unwrap_or("");
        assert!(
            second.contains("\"ID\":\"\\u003cmissing\\u003e\""),
            "{second}"
        );
        assert!(
            second.starts_with("{\"Comment\":\"\",\"CreatedAt\":\"\",\"CreatedBy\":"),
            "{second}"
        );
    }

    /// The floor [`render_within`] checks first (0 for JSON lines).
    fn table_floor_of(h: &History, style: RenderStyle) -> usize {
        match printout(h, style) {
            Printout::Table {
                cells,
                minwidth,
                padding,
            } => table_floor(&cells, minwidth, padding),
            Printout::JsonLines => 0,
        }
    }

    #[test]
    fn tabwriter_lays_out_ragged_lines_as_go_does() {
        // Blocks end where a line has fewer cells; a line without a tab is
        // not padded; an empty line ends every block.
        assert_eq!(
            tabwriter("a\tbb\tc\nddd\te\n\tf\tg\th\ni\n\tj\n", 10, 3),
            "a         bb        c\nddd       e\n          f         g         h\ni\n          j\n"
        );
        assert_eq!(
            tabwriter("x\ty\n\n\tz\tw\n", 10, 3),
            "x         y\n\n          z         w\n"
        );
        assert_eq!(
            tabwriter(
                "IMAGE\tCREATED\tBY\tSIZE\tCOMMENT\n<missing>\t1\tRUN\t0B\ta\tb\t\tc\nd\n<missing>\t2\tRUN\t0B\t\n",
                10,
                3
            ),
            "IMAGE       CREATED   BY        SIZE      COMMENT\n<missing>   1         RUN       0B        a         b                   c\nd\n<missing>   2         RUN       0B        \n"
        );
        assert_eq!(tabwriter("", 10, 3), "\n");
    }

    #[test]
    fn a_cell_of_many_tabs_or_lines_is_laid_out_without_recursion() {
        // One column per tab: Go's recursion (and ours, before) went one
        // call deeper per column and overflowed the stack.
        let tabs = format!("a\t{}b\n", "\t".repeat(200_000));
        let printed = tabwriter(&tabs, 10, 3);
        assert_eq!(printed.len(), 10 * 200_001 + 2);
        assert!(table_floor(&tabs, 10, 3) <= printed.len());
        let lines = "\n".repeat(200_000);
        assert_eq!(tabwriter(&lines, 10, 3), lines);
    }

    const ALL: [RenderStyle; 5] = [
        RenderStyle::Docker,
        RenderStyle::DockerNoTrunc,
        RenderStyle::DockerHumanFalse,
        RenderStyle::JsonLines,
        RenderStyle::Podman,
    ];

    #[test]
    fn render_within_refuses_one_byte_short() {
        let mut odd = history();
        // Cells that break tabwriter's rows and columns, wide and escaped characters.
        if let Some(l) = odd.layers.get_mut(1) {
            l.comment = "a\tb\t\tc\nd\u{1}<&>\u{2028}".into();
            l.created = Some("三日前\t".into());
            l.id = Some("x\ny".into());
        }
        let mut long = history();
        if let Some(l) = long.layers.get_mut(0) {
            l.created = Some("a".repeat(5_000));
        }
        let no_created = History {
            layers: vec![Layer::default(); 3],
            ..History::default()
        };
        for h in [history(), odd, long, no_created, History::default()] {
            for style in ALL {
                let printed = render(&h, style);
                let len = printed.len();
                assert!(table_floor_of(&h, style) <= len, "{style:?} {h:?}");
                assert_eq!(
                    render_within(&h, style, len).as_ref(),
                    Some(&printed),
                    "{style:?} {h:?}"
                );
                if let Some(short) = len.checked_sub(1) {
                    assert_eq!(render_within(&h, style, short), None, "{style:?} {h:?}");
                }
            }
        }
    }

    #[test]
    fn truncated_layers_keep_their_mark() {
        let mut h = history();
        if let Some(l) = h.layers.get_mut(0) {
            l.created_by = "RUN /bin/sh -c npm run build # bui".into();
            l.truncated = true;
        }
        let text = render(&h, RenderStyle::DockerNoTrunc);
        assert!(
            text.contains("RUN /bin/sh -c npm run build # bui…"),
            "{text}"
        );
        let text = render(&h, RenderStyle::Podman);
        assert!(
            text.contains("RUN /bin/sh -c npm run build # bui..."),
            "{text}"
        );
    }
}
