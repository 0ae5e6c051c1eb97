//! Reads one table row against a column model, locating cells by their own
//! shape rather than by fixed offsets.
//!
//! Why not offsets: tabwriter pads cells, but real pastes are misaligned —
//! CJK locales make every `…` row one column short (docs/formats.md §1.2), podman
//! turns a tab inside a command into an extra cell that pushes SIZE and COMMENT
//! right (§3), authors hand-edit columns. So:
//! - the id and CREATED cells are read at the start by their shape;
//! - a free-text cell (CREATED BY, COMMENT) runs up to the next cell that has a
//!   shape (usually SIZE), found among the size-looking tokens that follow a
//!   run of ≥ 2 spaces; the header's column start, when known, picks the
//!   nearest one (and allows a 1-space gap right at the column, as in
//!   hand-aligned 2013 tables);
//! - text after the last column is kept (as an annotation) for the caller.

use super::created::{created_prefix, is_timestamp};
use super::header::{ColumnAt, HeaderColumn};
use super::id::{id_prefix, IdCell};
use super::size::size_prefix;
use crate::model::Size;

/// Whether SIZE cells may be plain integers (`--human=false`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlainSizes {
    /// `--human=false` (header `CREATED AT` or timestamps): plain bytes expected.
    Expected,
    /// Human sizes expected: a bare integer is not a size.
    No,
    /// Can't tell: prefer sizes with a unit, accept a bare integer otherwise.
    Unknown,
}

/// The cells read from one row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowCells {
    /// The id cell, if the model has one.
    pub id: Option<IdCell>,
    /// The CREATED cell as printed.
    pub created: Option<String>,
    /// The CREATED BY cell as printed (trimmed; truncation mark still on).
    pub created_by: Option<String>,
    /// The size, with the text it was read from and its character column.
    pub size: Option<(Size, String, usize)>,
    /// The COMMENT cell.
    pub comment: Option<String>,
    /// Text after the last column (an author's annotation).
    pub extra: String,
    /// A whitespace run inside CREATED BY that was a podman tab-split cell.
    pub tab_split: bool,
    /// Whether any anchored cell (id, created, size) was read.
    pub anchored: bool,
    /// Character column where the CREATED cell starts (a dialect fingerprint:
    /// 15 for docker ≥ 20.10, 20 for older docker).
    pub created_col: Option<usize>,
    /// The SIZE cell was only found through single-space gaps.
    pub single_spaced: bool,
    /// The header has a CREATED column but this row has no such cell.
    pub created_missing: bool,
    /// The id cell was blank (read as `<missing>`).
    pub id_blank: bool,
    /// The id cell was `…` or `...`: an author abridged it (read as `<missing>`).
    pub id_elided: bool,
}

/// The outcome of reading a line as a row.
#[derive(Debug, Clone, PartialEq)]
pub enum RowRead {
    /// Every column was found.
    Full(RowCells),
    /// The row starts like a row (id, created) but its SIZE was not found: the
    /// CREATED BY cell may continue on the next lines.
    Partial(RowCells),
    /// Not a row of this table.
    No,
}

/// Whether a size token carries a unit (`12MB`), unlike plain bytes (`12`, `0.17`).
fn has_unit(token: &str) -> bool {
    token.ends_with(|c: char| c.is_ascii_alphabetic())
}

fn skip_ws(line: &str, pos: usize) -> usize {
    let rest = line.get(pos..).unwrap_or("");
    pos + (rest.len() - rest.trim_start().len())
}

fn char_col(line: &str, byte: usize) -> usize {
    line.get(..byte).map_or(0, |s| s.chars().count())
}

/// Whitespace run length (in characters, a tab counting 2) just before `byte`.
fn gap_before(line: &str, byte: usize) -> usize {
    line.get(..byte)
        .unwrap_or("")
        .chars()
        .rev()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 2 } else { 1 })
        .sum()
}

/// Whitespace run length after `byte`; `usize::MAX` when only whitespace follows.
fn gap_after(line: &str, byte: usize) -> usize {
    let mut gap = 0;
    for c in line.get(byte..).unwrap_or("").chars() {
        if !c.is_whitespace() {
            return gap;
        }
        gap += if c == '\t' { 2 } else { 1 };
    }
    usize::MAX
}

/// A place where an anchored cell could start.
#[derive(Debug, Clone)]
struct Candidate {
    start: usize,
    col: usize,
    gap_after: usize,
    with_unit: bool,
}

/// Token starts (after whitespace) from `from` on. Scans bytes: a UTF-8
/// continuation byte never starts a token, and a multi-byte character is
/// decoded only to ask whether it is a (Unicode) space.
fn token_starts(line: &str, from: usize) -> impl Iterator<Item = usize> + '_ {
    let bytes = line.as_bytes();
    let mut prev_ws = true;
    (from..bytes.len()).filter_map(move |i| {
        let b = *bytes.get(i)?;
        let ws = match b {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => true,
            0x80..=0xbf => return None,
            0x00..=0x7f => false,
            _ => line
                .get(i..)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_whitespace),
        };
        let start = prev_ws && !ws;
        prev_ws = ws;
        start.then_some(i)
    })
}

/// Finds where the anchored `column` starts after the free cell at `from`;
/// the flag tells that it was only found through single-space gaps.
fn find_anchor(
    line: &str,
    from: usize,
    column: HeaderColumn,
    hint: Option<usize>,
    plain: PlainSizes,
) -> Option<(Candidate, bool)> {
    if column.is_free() {
        return None;
    }
    let (mut strong, weak) = anchor_candidates(line, from, column, hint);
    if strong.is_empty() {
        // Whitespace collapsed to single spaces (a paste from rendered HTML):
        // the last size-shaped token is the SIZE cell.
        let fallback = weak.into_iter().rev().find(|c| match plain {
            PlainSizes::Expected => true,
            PlainSizes::No | PlainSizes::Unknown => c.with_unit,
        });
        return fallback.map(|c| (c, true));
    }
    let any_unit = strong.iter().any(|c| c.with_unit);
    strong.retain(|c| match plain {
        PlainSizes::Expected => true,
        PlainSizes::No => c.with_unit,
        PlainSizes::Unknown => c.with_unit || !any_unit,
    });
    let chosen = match hint {
        Some(h) => strong
            .into_iter()
            .min_by_key(|c| (c.col.abs_diff(h), c.gap_after < 2, usize::MAX - c.start)),
        None => {
            let spaced = strong.iter().rposition(|c| c.gap_after >= 2);
            match spaced {
                Some(i) => strong.into_iter().nth(i),
                None => strong.pop(),
            }
        }
    };
    chosen.map(|c| (c, false))
}

/// Every token after `from` shaped like a cell of the anchored `column`:
/// the strong ones (after a gap of ≥ 2, at `from`, or at the header's
/// column) and the weak ones (after a single space).
fn anchor_candidates(
    line: &str,
    from: usize,
    column: HeaderColumn,
    hint: Option<usize>,
) -> (Vec<Candidate>, Vec<Candidate>) {
    let mut strong: Vec<Candidate> = Vec::new();
    let mut weak: Vec<Candidate> = Vec::new();
    // Character column kept up to date as the scan moves right (linear time).
    let (mut col_byte, mut col) = (from, char_col(line, from));
    for start in token_starts(line, from) {
        let rest = line.get(start..).unwrap_or("");
        let Some((n, with_unit)) = anchored_cell(rest, column) else {
            continue;
        };
        col += line.get(col_byte..start).map_or(0, |s| s.chars().count());
        col_byte = start;
        let near_hint = hint.is_some_and(|h| col.abs_diff(h) <= 1);
        let cand = Candidate {
            start,
            col,
            gap_after: gap_after(line, start + n),
            with_unit,
        };
        if start == from || gap_before(line, start) >= 2 || near_hint {
            strong.push(cand);
        } else {
            weak.push(cand);
        }
    }
    (strong, weak)
}

/// The length of the `column` cell `rest` starts with, and whether it is
/// sure of its kind (a size with a unit; any id or CREATED).
fn anchored_cell(rest: &str, column: HeaderColumn) -> Option<(usize, bool)> {
    match column {
        // Every size starts with a digit: most words are refused here.
        HeaderColumn::Size if !rest.starts_with(|c: char| c.is_ascii_digit()) => None,
        HeaderColumn::Size => {
            let (_, n) = size_prefix(rest).ok()?;
            // Plain bytes are whole numbers (`0.17` is a version, not a size).
            let token = rest.get(..n).unwrap_or("");
            let unit = has_unit(token);
            (unit || !token.contains(['.', 'e', 'E'])).then_some((n, unit))
        }
        HeaderColumn::Created | HeaderColumn::CreatedAt => created_prefix(rest).map(|n| (n, true)),
        HeaderColumn::Id => id_prefix(rest).map(|(_, n)| (n, true)),
        HeaderColumn::CreatedBy | HeaderColumn::Comment => None,
    }
}

/// Splits a free cell followed by another free cell at the whitespace run
/// nearest to the second one's header start.
fn split_free(line: &str, from: usize, hint: Option<usize>) -> usize {
    let Some(h) = hint else {
        return line.len();
    };
    token_starts(line, from)
        .filter(|&s| s != from && gap_before(line, s) >= 2)
        .min_by_key(|&s| char_col(line, s).abs_diff(h))
        .unwrap_or(line.len())
}

/// Replaces whitespace runs inside a CREATED BY cell that end exactly where a
/// later header column starts: podman printed a tab there (docs/formats.md §3).
fn undo_tab_split(cell: &str, cell_col: usize, later_starts: &[usize]) -> Option<String> {
    let mut out = String::with_capacity(cell.len());
    let mut changed = false;
    let mut run = String::new();
    for (i, c) in cell.chars().enumerate() {
        if c == ' ' {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            if run.len() >= 2 && later_starts.contains(&(cell_col + i)) {
                out.push('\t');
                changed = true;
            } else {
                out.push_str(&run);
            }
            run.clear();
        }
        out.push(c);
    }
    out.push_str(&run);
    changed.then_some(out)
}

/// An id an author abridged to `…` or `...` (the row is still a layer), then
/// a gap.
fn elided_id(rest: &str) -> Option<(IdCell, usize)> {
    let n = ["...", "…"].iter().find(|m| rest.starts_with(**m))?.len();
    rest.get(n..)?
        .starts_with("  ")
        .then_some((IdCell::Missing, n))
}

/// Reads `line` (indentation and prefixes already removed) as a row with the
/// given columns.
pub fn read_row(line: &str, columns: &[ColumnAt], plain: PlainSizes) -> RowRead {
    let mut reader = RowReader {
        line,
        columns,
        plain,
        row: RowCells::default(),
        pos: 0,
    };
    for (k, at) in columns.iter().enumerate() {
        reader.pos = skip_ws(line, reader.pos);
        let read = match at.column {
            HeaderColumn::Id => reader.id(k),
            HeaderColumn::Created | HeaderColumn::CreatedAt => reader.created(),
            HeaderColumn::Size => reader.size(),
            HeaderColumn::CreatedBy | HeaderColumn::Comment => reader.free(k, at.column),
        };
        if let Some(done) = read {
            return done;
        }
    }
    let mut row = reader.row;
    row.extra = line.get(reader.pos..).unwrap_or("").trim().to_string();
    RowRead::Full(row)
}

/// One row being read, cell after cell. Each cell's reader returns `None`
/// to go on to the next cell, or what the whole line reads as.
struct RowReader<'a> {
    line: &'a str,
    columns: &'a [ColumnAt],
    /// What SIZE cells may look like (a timestamp in CREATED says plain bytes).
    plain: PlainSizes,
    row: RowCells,
    /// Byte offset of the next cell.
    pos: usize,
}

impl<'a> RowReader<'a> {
    /// The line from the next cell on.
    fn rest(&self) -> &'a str {
        self.line.get(self.pos..).unwrap_or("")
    }

    /// The id cell, the `k`th column.
    fn id(&mut self, k: usize) -> Option<RowRead> {
        let (line, rest) = (self.line, self.rest());
        if let Some((cell, n)) = id_prefix(rest).or_else(|| elided_id(rest)) {
            self.row.id_elided = rest.starts_with(['.', '…']);
            self.row.id = Some(cell);
            self.row.anchored = true;
            self.pos += n;
            return None;
        }
        let next = self.columns.get(1).map(|c| c.column);
        // An empty id cell before a CREATED cell: a web page dropped
        // `<missing>` as an unknown HTML tag, leaving its spaces.
        if k == 0
            && line.starts_with(' ')
            && matches!(next, Some(HeaderColumn::Created | HeaderColumn::CreatedAt))
            && created_prefix(rest).is_some()
        {
            self.row.id = Some(IdCell::Missing);
            self.row.id_blank = true;
            return None;
        }
        // … or before CREATED BY (`table {{.ID}}\t{{.CreatedBy}}\t{{.Size}}`):
        // only a whole row with a size counts.
        if k == 0 && line.starts_with("  ") && next == Some(HeaderColumn::CreatedBy) {
            let rest_columns = self.columns.get(1..).unwrap_or(&[]);
            return Some(match read_row(line, rest_columns, self.plain) {
                RowRead::Full(mut r) if r.size.is_some() => {
                    r.id = Some(IdCell::Missing);
                    r.id_blank = true;
                    RowRead::Full(r)
                }
                _ => RowRead::No,
            });
        }
        Some(RowRead::No)
    }

    /// The CREATED (or CREATED AT) cell.
    fn created(&mut self) -> Option<RowRead> {
        let rest = self.rest();
        let Some(n) = created_prefix(rest) else {
            let has_id = self.row.id.is_some();
            return Some(without_created(self.line, self.columns, self.plain, has_id));
        };
        let cell = rest.get(..n).unwrap_or("");
        if is_timestamp(cell) {
            self.plain = PlainSizes::Expected;
        }
        self.row.created = Some(cell.to_string());
        self.row.created_col = Some(char_col(self.line, self.pos));
        self.row.anchored = true;
        self.pos += n;
        None
    }

    /// The SIZE cell.
    fn size(&mut self) -> Option<RowRead> {
        let rest = self.rest();
        match size_prefix(rest) {
            Ok((size, n))
                if has_unit(rest.get(..n).unwrap_or("")) || self.plain != PlainSizes::No =>
            {
                let text = rest.get(..n).unwrap_or("").to_string();
                self.row.size = Some((size, text, char_col(self.line, self.pos)));
                self.row.anchored = true;
                self.pos += n;
                None
            }
            _ if self.row.anchored && rest.trim().is_empty() => {
                Some(RowRead::Partial(std::mem::take(&mut self.row)))
            }
            _ => Some(RowRead::No),
        }
    }

    /// A free-text cell (CREATED BY or COMMENT), the `k`th column: it runs up
    /// to where the next column's cell starts.
    fn free(&mut self, k: usize, column: HeaderColumn) -> Option<RowRead> {
        let next = self.columns.get(k + 1);
        let end = match next {
            None => self.line.len(),
            Some(n) if n.column.is_free() => split_free(self.line, self.pos, n.start),
            Some(n) => match find_anchor(self.line, self.pos, n.column, n.start, self.plain) {
                Some((c, weak)) => {
                    self.row.single_spaced |= weak;
                    c.start
                }
                None if self.row.anchored => {
                    let rest = self.rest().trim_end();
                    set_free(&mut self.row, column, rest);
                    return Some(RowRead::Partial(std::mem::take(&mut self.row)));
                }
                None => return Some(RowRead::No),
            },
        };
        let cell = self.line.get(self.pos..end).unwrap_or("").trim_end();
        let fixed = match column {
            HeaderColumn::CreatedBy => self.tab_split_fixed(cell, k, end),
            _ => None,
        };
        self.row.tab_split |= fixed.is_some();
        set_free(&mut self.row, column, fixed.as_deref().unwrap_or(cell));
        self.pos = end;
        None
    }

    /// The CREATED BY `cell` (the `k`th column, ending at byte `end`) with
    /// its podman tab-split cells undone, when it runs past the next column.
    fn tab_split_fixed(&self, cell: &str, k: usize, end: usize) -> Option<String> {
        let next_start = self.columns.get(k + 1).and_then(|n| n.start);
        let past_column = next_start.is_some_and(|s| char_col(self.line, end) > s + 1);
        if !past_column {
            return None;
        }
        let later: Vec<usize> = self
            .columns
            .iter()
            .skip(k + 1)
            .filter_map(|c| c.start)
            .collect();
        undo_tab_split(cell, char_col(self.line, self.pos), &later)
    }
}

/// A row with an id but no CREATED cell where the header has one (a column
/// deleted by hand): read the rest without it, if that gives a whole row.
fn without_created(line: &str, columns: &[ColumnAt], plain: PlainSizes, has_id: bool) -> RowRead {
    if !has_id {
        return RowRead::No;
    }
    let fewer: Vec<ColumnAt> = columns
        .iter()
        .filter(|c| !matches!(c.column, HeaderColumn::Created | HeaderColumn::CreatedAt))
        .copied()
        .collect();
    match read_row(line, &fewer, plain) {
        RowRead::Full(mut row) if row.size.is_some() => {
            row.created_missing = true;
            RowRead::Full(row)
        }
        _ => RowRead::No,
    }
}

fn set_free(row: &mut RowCells, column: HeaderColumn, text: &str) {
    match column {
        HeaderColumn::CreatedBy => row.created_by = Some(text.to_string()),
        _ => row.comment = Some(text.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::header::{read_header, ColumnModel, Header};
    use super::*;

    fn model(header: &str) -> ColumnModel {
        match read_header(header) {
            Some(Header::History(m)) => m,
            other => panic!("not a history header: {other:?}"),
        }
    }

    fn full(read: RowRead) -> RowCells {
        match read {
            RowRead::Full(r) => r,
            other => panic!("expected a full row, got {other:?}"),
        }
    }

    const DOCKER: &str = "IMAGE          CREATED          CREATED BY                                      SIZE      COMMENT";

    #[test]
    fn plain_docker_row() {
        let m = model(DOCKER);
        let r = full(read_row(
            "<missing>      11 days ago      # debian.sh --arch 'amd64' out/ 'bookworm' '…   133MB     debuerreotype 0.17",
            &m.columns,
            PlainSizes::No,
        ));
        assert_eq!(r.id, Some(IdCell::Missing));
        assert_eq!(r.created.as_deref(), Some("11 days ago"));
        assert_eq!(
            r.created_by.as_deref(),
            Some("# debian.sh --arch 'amd64' out/ 'bookworm' '…")
        );
        assert_eq!(r.size.as_ref().map(|s| s.0.bytes), Some(133_000_000));
        assert_eq!(r.comment.as_deref(), Some("debuerreotype 0.17"));
    }

    #[test]
    fn row_one_column_short_still_reads() {
        // CJK-width `…`: the size starts one column left of the header.
        let m = model("IMAGE          CREATED         CREATED BY                                       SIZE      COMMENT");
        let r = full(read_row(
            "<missing>      20 months ago   /bin/sh -c #(nop)  LABEL org.label-schema.sc…   0B        ",
            &m.columns,
            PlainSizes::No,
        ));
        assert_eq!(r.size.map(|s| s.0.bytes), Some(0));
        assert_eq!(r.comment.as_deref(), Some(""));
    }

    #[test]
    fn numbers_inside_the_command_are_not_sizes() {
        let m = model(DOCKER);
        let r = full(read_row(
            "abad9ce24fcb   2 minutes ago    /bin/sh -c #(nop)  EXPOSE 8000                  0B",
            &m.columns,
            PlainSizes::No,
        ));
        assert_eq!(
            r.created_by.as_deref(),
            Some("/bin/sh -c #(nop)  EXPOSE 8000")
        );
        let hf = model("IMAGE               CREATED AT                  CREATED BY                                      SIZE                COMMENT");
        let r = full(read_row(
            "abad9ce24fcb        2020-01-03T00:25:04+03:00   /bin/sh -c #(nop)  EXPOSE 8000                  0                   ",
            &hf.columns,
            PlainSizes::Expected,
        ));
        assert_eq!(
            r.created_by.as_deref(),
            Some("/bin/sh -c #(nop)  EXPOSE 8000")
        );
        assert_eq!(r.size.map(|s| (s.0.bytes, s.0.exact)), Some((0, true)));
    }

    #[test]
    fn empty_created_by_and_spaced_units() {
        let m = model("IMAGE               CREATED             CREATED BY                                      SIZE                COMMENT");
        let r = full(read_row(
            "511136ea3c5a        9 months ago                                                        0 B                 Imported from -",
            &m.columns,
            PlainSizes::No,
        ));
        assert_eq!(r.created_by.as_deref(), Some(""));
        assert_eq!(r.size.map(|s| s.1), Some("0 B".to_string()));
        assert_eq!(r.comment.as_deref(), Some("Imported from -"));
    }

    #[test]
    fn one_space_gap_at_the_header_column() {
        let m = model("IMAGE          CREATED         CREATED BY                          SIZE");
        let r = full(read_row(
            "f492632bbd55   2 days ago      /bin/sh -c #(nop) ENTRYPOINT [ping] 0 B",
            &m.columns,
            PlainSizes::No,
        ));
        assert_eq!(
            r.created_by.as_deref(),
            Some("/bin/sh -c #(nop) ENTRYPOINT [ping]")
        );
    }

    #[test]
    fn podman_tab_split_row() {
        let m = model("ID            CREATED        CREATED BY                                     SIZE                     COMMENT");
        let r = full(read_row(
            "<missing>     15 months ago  /bin/sh -c set -eux;                           apk add --no-cache -...  304 MB      ",
            &m.columns,
            PlainSizes::No,
        ));
        assert!(r.tab_split);
        assert_eq!(
            r.created_by.as_deref(),
            Some("/bin/sh -c set -eux;\tapk add --no-cache -...")
        );
        assert_eq!(r.size.map(|s| s.0.bytes), Some(304_000_000));
    }

    #[test]
    fn annotation_after_the_last_column() {
        let m = model(
            "ID            CREATED         CREATED BY                                     SIZE",
        );
        let r = full(read_row(
            "<missing>     29 minutes ago  COPY dir:eb34e538... (app files)               824kB    ← our app",
            &m.columns,
            PlainSizes::No,
        ));
        assert_eq!(
            r.created_by.as_deref(),
            Some("COPY dir:eb34e538... (app files)")
        );
        assert_eq!(r.extra, "← our app");
    }

    #[test]
    fn command_split_over_lines_is_partial() {
        let m = model(DOCKER);
        match read_row(
            "<missing>      14 minutes ago   MAINTAINER JaeHua",
            &m.columns,
            PlainSizes::No,
        ) {
            RowRead::Partial(r) => assert_eq!(r.created_by.as_deref(), Some("MAINTAINER JaeHua")),
            other => panic!("expected partial, got {other:?}"),
        }
        let tail: Vec<ColumnAt> = m.columns.iter().skip(2).copied().collect();
        let r = full(read_row(
            "              0B        buildkit.dockerfile.v0",
            &tail,
            PlainSizes::No,
        ));
        assert_eq!(r.created_by.as_deref(), Some(""));
        assert_eq!(r.comment.as_deref(), Some("buildkit.dockerfile.v0"));
    }

    #[test]
    fn headerless_default_model() {
        let m = ColumnModel::headerless();
        let r = full(read_row(
            "<missing>      35 minutes ago      RUN /bin/sh -c npm install &&     npm run bu…   352MB     buildkit.dockerfile.v0",
            &m.columns,
            PlainSizes::Unknown,
        ));
        assert_eq!(
            r.created_by.as_deref(),
            Some("RUN /bin/sh -c npm install &&     npm run bu…")
        );
        assert_eq!(r.size.map(|s| s.0.bytes), Some(352_000_000));
    }

    #[test]
    fn collapsed_whitespace() {
        let m = model("IMAGE CREATED CREATED BY SIZE COMMENT");
        let r = full(read_row(
            "<missing> 2 weeks ago /bin/sh -c #(nop)  EXPOSE 80 0B buildkit.dockerfile.v0",
            &m.columns,
            PlainSizes::No,
        ));
        assert!(r.single_spaced);
        assert_eq!(
            r.created_by.as_deref(),
            Some("/bin/sh -c #(nop)  EXPOSE 80")
        );
        assert_eq!(r.comment.as_deref(), Some("buildkit.dockerfile.v0"));
    }

    #[test]
    fn row_without_its_created_cell() {
        let m = model(DOCKER);
        let r = full(read_row(
            "<missing>      RUN /bin/sh -c npm ci # buildkit                40.1MB    buildkit.dockerfile.v0",
            &m.columns,
            PlainSizes::No,
        ));
        assert!(r.created_missing);
        assert_eq!(r.created, None);
        assert_eq!(r.size.map(|s| s.0.bytes), Some(40_100_000));
        assert_eq!(
            read_row(
                "sha256:7d192bffa3d932aaf1e0a8b833365bf1ae7df1f6b800bf4072c5c7993d1f6d91",
                &m.columns,
                PlainSizes::No
            ),
            RowRead::No
        );
    }

    #[test]
    fn blank_id_cell_is_missing() {
        let m = model(DOCKER);
        let r = full(read_row(
            "               2 weeks ago      RUN /bin/sh -c npm ci # buildkit                40.1MB    buildkit.dockerfile.v0",
            &m.columns,
            PlainSizes::No,
        ));
        assert!(r.id_blank);
        assert_eq!(r.id, Some(IdCell::Missing));
        // A continuation line (no CREATED cell) is still not a row.
        assert_eq!(
            read_row(
                "              0B        buildkit.dockerfile.v0",
                &m.columns,
                PlainSizes::No
            ),
            RowRead::No
        );
    }

    #[test]
    fn not_rows() {
        let m = model(DOCKER);
        assert_eq!(
            read_row("3.97MB Alpine Linux Layer", &m.columns, PlainSizes::No),
            RowRead::No
        );
        assert_eq!(
            read_row(
                "hello-world   latest    feb5d9fea6a5   11 months ago   13.3kB",
                &m.columns,
                PlainSizes::No
            ),
            RowRead::No
        );
    }
}
