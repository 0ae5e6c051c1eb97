//! Reads the rows of one table (after its header, or from its first row when
//! there is no header) into a [`History`], joining rows whose CREATED BY held
//! a newline or that a terminal cut at its width, and noting every line it
//! skipped.
//!
//! A [`TableReader`] reads line after line, with one method per outcome of
//! reading a line as a row: a whole row ([`TableReader::on_row`]), a row
//! without its SIZE that may go on below ([`TableReader::on_partial`]), or no
//! row ([`TableReader::on_other`]: the header going on, a rule, an author's
//! `...`, an annotation between rows — or the end). Whether a line ends the
//! table is its [`LineKind`](super::classify::LineKind)'s to say.
//!
//! A table ends at a blank line (unless the next row sits exactly under the
//! same header), a fence, a heading, a command line, a new header, JSON, or a
//! line that is not a row and is not followed by one.

use super::classify::{Classified, LineKind};
use super::header::{ColumnAt, ColumnModel, HeaderColumn};
use super::layers::{finish, RawLayer};
use super::layout::TableLayout;
use super::notes::{note, shorten};
use super::row::{read_row, PlainSizes, RowCells, RowRead};
use super::segment::{starts_row, Line};
use super::LineState;
use crate::model::{Diagnostic, History, Severity};

/// A table being read.
pub struct TableStart {
    /// Its columns.
    pub model: ColumnModel,
    /// Its indentation / prefix.
    pub layout: TableLayout,
    /// Index of the first row line.
    pub first_row: usize,
    /// Whether it had a header.
    pub headerless: bool,
}

/// Reads the table; returns the history (without label) and the index of the
/// first line after it. Marks the lines it used in `state`.
pub fn read_table(
    lines: &Classified<'_>,
    start: TableStart,
    state: &mut [LineState],
    diags: &mut Vec<Diagnostic>,
) -> (History, usize) {
    let mut reader = TableReader::new(lines, start, state, diags);
    let mut j = reader.first_row;
    while let Some(next) = reader.step(j) {
        j = next;
    }
    let history = finish(
        reader.raws,
        &reader.model,
        reader.headerless,
        reader.diags,
        &lines.lines,
    );
    (history, j)
}

/// The CREATED BY of a row that goes on over several lines.
struct Continued {
    /// The text of each line (pieces of a cut line joined).
    texts: Vec<String>,
    /// Whether the next piece continues a line a terminal cut.
    cut: bool,
    /// Whether any piece did.
    any_cut: bool,
}

impl Continued {
    fn push(&mut self, piece: String) {
        self.any_cut |= self.cut;
        match self.texts.last_mut() {
            Some(prev) if self.cut => prev.push_str(&piece),
            _ => self.texts.push(piece),
        }
    }
}

/// The state of one table being read.
pub struct TableReader<'r, 'a> {
    lines: &'r Classified<'a>,
    model: ColumnModel,
    /// The columns from CREATED BY on: what a continuation line may hold.
    tail: Vec<ColumnAt>,
    layout: TableLayout,
    plain: PlainSizes,
    headerless: bool,
    first_row: usize,
    /// Whether a terminal cut this table at its width (its header went on
    /// over a line, or rows are followed by pieces): only then is a
    /// full-width row taken as cut (see `segment::unwrap_hard_wraps`);
    /// otherwise a line after the table is never glued to its last row.
    wrapped: bool,
    raws: Vec<RawLayer>,
    state: &'r mut [LineState],
    diags: &'r mut Vec<Diagnostic>,
}

impl<'r, 'a> TableReader<'r, 'a> {
    fn new(
        lines: &'r Classified<'a>,
        start: TableStart,
        state: &'r mut [LineState],
        diags: &'r mut Vec<Diagnostic>,
    ) -> Self {
        let plain = if start.model.has(HeaderColumn::CreatedAt) {
            PlainSizes::Expected
        } else if start.model.has(HeaderColumn::Created) {
            PlainSizes::No
        } else {
            PlainSizes::Unknown
        };
        let mut reader = TableReader {
            lines,
            tail: Vec::new(),
            model: start.model,
            layout: start.layout,
            plain,
            headerless: start.headerless,
            first_row: start.first_row,
            wrapped: false,
            raws: Vec::new(),
            state,
            diags,
        };
        reader.tail = reader.tail_columns();
        reader.wrapped = !reader.headerless && reader.cut_between_rows();
        reader
    }

    fn tail_columns(&self) -> Vec<ColumnAt> {
        self.model
            .columns
            .iter()
            .skip_while(|c| c.column != HeaderColumn::CreatedBy)
            .copied()
            .collect()
    }

    fn line(&self, j: usize) -> Option<&'r Line<'a>> {
        self.lines.get(j)
    }

    /// Line `j` through the table's layout ("" past the end).
    fn body(&self, j: usize) -> &'r str {
        let lines: &'r Classified<'a> = self.lines;
        lines
            .get(j)
            .map_or("", |l| self.layout.body(l.text.as_ref()))
    }

    fn kind(&self, j: usize) -> LineKind {
        self.lines.kind_in(j, self.layout)
    }

    fn read(&self, body: &str) -> RowRead {
        read_row(body, &self.model.columns, self.plain)
    }

    /// Whether line `j` reads as a row (whole or partial).
    fn is_row(&self, j: usize) -> bool {
        let body = self.body(j);
        !body.trim().is_empty() && !matches!(self.read(body), RowRead::No)
    }

    fn set(&mut self, j: usize, s: LineState) {
        if let Some(slot) = self.state.get_mut(j) {
            *slot = s;
        }
    }

    fn push(&mut self, row: RowCells, lines: (usize, usize)) {
        let created_by = row.created_by.clone().unwrap_or_default();
        self.raws.push(RawLayer {
            row,
            created_by,
            lines,
        });
    }

    /// Reads line `j`; the next line to read, or `None` when the table ended
    /// before `j`.
    fn step(&mut self, j: usize) -> Option<usize> {
        let line = self.line(j)?;
        let body = self.body(j);
        if body.trim().is_empty() {
            let goes_on = !self.headerless && self.continues_after_blank(j);
            return goes_on.then_some(j + 1);
        }
        match self.read(body) {
            RowRead::Full(row) => Some(self.on_row(j, line, row)),
            RowRead::Partial(row) => Some(self.on_partial(j, line, row)),
            RowRead::No => self.on_other(j, line, body),
        }
    }

    /// A whole row. A terminal may have cut it at its width after the SIZE:
    /// then the next line, not a row of its own, is the rest of the COMMENT.
    fn on_row(&mut self, j: usize, line: &Line<'_>, mut row: RowCells) -> usize {
        self.set(j, LineState::Layer);
        let mut last = line.last;
        let mut next = j + 1;
        if self.wrapped && line.full_width && self.is_cut_piece(j + 1) {
            last = self.append_to_comment(&mut row, j + 1);
            next = j + 2;
        }
        self.push(row, (line.no, last));
        next
    }

    /// Appends line `k` (a piece a terminal cut off) to the row's COMMENT;
    /// returns its last line number.
    fn append_to_comment(&mut self, row: &mut RowCells, k: usize) -> usize {
        let rest = self.body(k).trim();
        let comment = row.comment.take().unwrap_or_default();
        row.comment = Some(format!("{comment}{rest}"));
        self.set(k, LineState::Layer);
        self.line(k).map_or(0, |l| l.last)
    }

    /// A row without its SIZE: cut by a terminal at its width (the next
    /// line completes it when glued on), or a CREATED BY that goes on over
    /// the next lines.
    fn on_partial(&mut self, j: usize, line: &Line<'_>, row: RowCells) -> usize {
        if line.full_width {
            if let Some(next) = self.glue_cut_row(j, line) {
                return next;
            }
        }
        self.continue_row(j, row)
    }

    /// `… install ping     11.66 ` / `MB`: the row glued to the next line
    /// reads whole. The piece may itself be cut after the SIZE.
    fn glue_cut_row(&mut self, j: usize, line: &Line<'_>) -> Option<usize> {
        if !self.is_cut_piece(j + 1) {
            return None;
        }
        let whole = format!("{}{}", self.body(j), self.body(j + 1).trim_end());
        let mut row = match self.read(&whole) {
            RowRead::Full(r) if r.size.is_some() => r,
            _ => return None,
        };
        let mut last = self.line(j + 1).map_or(line.no, |l| l.last);
        let mut k = j + 1;
        while k < j + 4 && self.line(k).is_some_and(|l| l.full_width) && self.is_cut_piece(k + 1) {
            k += 1;
            last = self.append_to_comment(&mut row, k);
        }
        self.diags.push(note(
            Severity::Warning,
            line,
            format!(
                "this row goes on over lines {}–{last}: a terminal cut it at its width; read as one layer",
                line.no
            ),
        ));
        self.set(j, LineState::Layer);
        self.set(j + 1, LineState::Layer);
        self.push(row, (line.no, last));
        Some(k + 1)
    }

    /// A line that is not a row: the header going on (a narrow terminal),
    /// a markdown rule, an author's `...`, an annotation between rows, or
    /// the end of the table (`None`).
    fn on_other(&mut self, j: usize, line: &Line<'_>, body: &str) -> Option<usize> {
        if self.raws.is_empty() && !self.headerless {
            if let Some(more) = super::header::wrapped_header_columns(body) {
                for column in more {
                    if !self.model.has(column) {
                        self.model.columns.push(ColumnAt {
                            column,
                            start: None,
                        });
                    }
                }
                self.tail = self.tail_columns();
                self.wrapped = true;
                self.set(j, LineState::Structure);
                return Some(j + 1);
            }
        }
        let kind = self.kind(j);
        if kind == LineKind::Rule && self.raws.is_empty() {
            // The `|---|---|` line under a markdown table header.
            self.set(j, LineState::Structure);
            return Some(j + 1);
        }
        if kind.ends_table() {
            return None;
        }
        if !self.is_row(j + 1) {
            return None;
        }
        let message = if kind == LineKind::Elision {
            "marks rows left out by the author (skipped: the history shown is partial)".to_string()
        } else {
            format!(
                "inside the table is not a history row: expected `{}` (skipped as an annotation)",
                self.model.describe()
            )
        };
        let text = format!("`{}` {message}", shorten(line.text.trim()));
        self.diags.push(note(Severity::Note, line, text));
        self.set(j, LineState::Noted);
        Some(j + 1)
    }

    /// Whether a terminal cut this table's rows at its width, though its
    /// header fit (`… 0B        buildkit.do` / `ckerfile.v0`): two
    /// full-width rows or more each followed by a piece that is followed by
    /// a row again. (One such line between rows is more likely an author's
    /// note.) Looks at most 64 lines ahead and not past the table's end, so
    /// that reading stays linear.
    fn cut_between_rows(&self) -> bool {
        let limit = (self.first_row + 64).min(self.lines.lines.len());
        let full_width = |k: usize| self.line(k).is_some_and(|l| l.full_width);
        if !(self.first_row..limit).any(full_width) {
            return false;
        }
        let mut cuts = 0;
        let mut k = self.first_row;
        while k < limit {
            let body = self.body(k);
            if body.trim().is_empty() {
                break;
            }
            if full_width(k) && self.is_cut_piece(k + 1) && self.is_row(k) {
                cuts += usize::from(self.is_row(k + 2));
                k += 2;
                continue;
            }
            // Neither a row nor a piece: the table ended (a row start is
            // taken on its first cell, to keep this cheap).
            if k >= self.first_row + 2 && !starts_row(body) && !self.is_row(k) {
                break;
            }
            k += 1;
        }
        cuts >= 2
    }

    /// Whether line `k`, after a full-width line, is the rest of it cut by a
    /// terminal: not blank, not a row (nor a row start), not a line that
    /// frames a table.
    fn is_cut_piece(&self, k: usize) -> bool {
        let body = self.body(k);
        self.line(k).is_some()
            && !body.trim().is_empty()
            && !starts_row(body)
            && matches!(self.read(body), RowRead::No)
            && !self.kind(k).ends_table()
    }

    /// A row whose SIZE was not found: its CREATED BY may go on over the
    /// next lines (a newline or a heredoc inside the command, or a terminal's
    /// cut). Joins them when a later line supplies the remaining cells;
    /// otherwise the row is kept without a size.
    fn continue_row(&mut self, j: usize, row: RowCells) -> usize {
        let first = self.line(j);
        let first_no = first.map_or(0, |l| l.no);
        let mut text = Continued {
            texts: vec![row.created_by.clone().unwrap_or_default()],
            // Pieces of a line a terminal cut at its width join without a newline.
            cut: self.wrapped && first.is_some_and(|l| l.full_width),
            any_cut: false,
        };
        // A heredoc (`RUN <<EOF …`) can hold many lines, `#` comments included.
        for k in j + 1..(j + 12).min(self.lines.lines.len()) {
            let Some(line) = self.line(k) else { break };
            let body = self.body(k);
            if self.kind(k).ends_continuation() {
                break;
            }
            // A row ends this one; after a full-width line only a line that
            // starts like a row does (a piece may begin with hex, `d7e8f9… in /`).
            let piece = text.cut && !starts_row(body);
            if self.is_row(k) && !piece {
                break;
            }
            if let Some(end) = self.row_end(body) {
                return self.join_continued(j, k, row, end, text);
            }
            text.push(body.trim().to_string());
            text.cut = self.wrapped && line.full_width;
        }
        self.set(j, LineState::Layer);
        if let Some(line) = first {
            let message = format!(
                "no SIZE cell found in this row: expected `{}`; read without a size",
                self.model.describe()
            );
            self.diags.push(note(Severity::Warning, line, message));
        }
        self.push(row, (first_no, first_no));
        j + 1
    }

    /// The end of a continued row on this line: the rest of CREATED BY, then
    /// SIZE and the columns after it.
    fn row_end(&self, body: &str) -> Option<RowCells> {
        if self.tail.is_empty() {
            return None;
        }
        match read_row(body, &self.tail, self.plain) {
            RowRead::Full(end) if end.size.is_some() => Some(end),
            _ => None,
        }
    }

    /// Keeps a row that went on from line `j` to its end on line `k`.
    fn join_continued(
        &mut self,
        j: usize,
        k: usize,
        row: RowCells,
        end: RowCells,
        mut text: Continued,
    ) -> usize {
        let tail_text = end.created_by.clone().unwrap_or_default();
        if !tail_text.is_empty() {
            text.push(tail_text);
        }
        let mut joined = RowCells {
            size: end.size,
            comment: end.comment,
            extra: end.extra,
            ..row
        };
        let end_full_width = self.line(k).is_some_and(|l| l.full_width);
        // The terminal cut the last piece after the SIZE too.
        let mut last_k = k;
        if self.wrapped && end_full_width && self.is_cut_piece(k + 1) {
            self.append_to_comment(&mut joined, k + 1);
            text.any_cut = true;
            last_k = k + 1;
        }
        for s in j..=last_k {
            self.set(s, LineState::Layer);
        }
        let first_no = self.line(j).map_or(0, |l| l.no);
        let last_no = self.line(last_k).map_or(first_no, |l| l.last);
        let why = if text.any_cut {
            "a terminal cut it at its width"
        } else {
            "its CREATED BY held a newline"
        };
        if let Some(line) = self.line(j) {
            let message = format!(
                "this row goes on over lines {first_no}–{last_no}: {why}; read as one layer"
            );
            self.diags.push(note(Severity::Warning, line, message));
        }
        self.raws.push(RawLayer {
            row: joined,
            created_by: text.texts.join("\n"),
            lines: (first_no, last_no),
        });
        last_k + 1
    }

    /// A single blank line inside a table: the table goes on when the next
    /// line is a complete row whose CREATED and SIZE cells sit exactly under
    /// this header (a second table would have its own header or command line).
    fn continues_after_blank(&self, blank: usize) -> bool {
        if self.line(blank + 1).is_none() {
            return false;
        }
        let RowRead::Full(row) = self.read(self.body(blank + 1)) else {
            return false;
        };
        let created_header = self
            .model
            .start_of(HeaderColumn::Created)
            .or(self.model.start_of(HeaderColumn::CreatedAt));
        let created_ok = match (created_header, row.created_col) {
            (Some(h), Some(c)) => h == c,
            (None, None) => true,
            _ => false,
        };
        let size_ok = match (self.model.start_of(HeaderColumn::Size), row.size.as_ref()) {
            (Some(h), Some((_, _, c))) => h.abs_diff(*c) <= 1,
            _ => false,
        };
        created_ok && size_ok
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;

    #[test]
    fn heredoc_command_over_several_lines() {
        let text = "IMAGE          CREATED        CREATED BY                                      SIZE      COMMENT\n<missing>      2 weeks ago    RUN /bin/sh -c <<EOF\n# update first\napt-get update\napt-ge…   12MB      buildkit.dockerfile.v0\n";
        let p = parse(text);
        let layers = &p.histories[0].layers;
        assert_eq!(layers.len(), 1);
        assert_eq!(
            layers[0].created_by,
            "RUN /bin/sh -c <<EOF\n# update first\napt-get update\napt-ge"
        );
        assert!(layers[0].truncated);
        assert_eq!(layers[0].lines, (2, 5));
        assert_eq!(layers[0].size.map(|s| s.bytes), Some(12_000_000));
    }
}
