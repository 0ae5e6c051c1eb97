//! Turns the rows one table reader collected into [`Layer`]s: the table-wide
//! decisions (which tool printed it, whether its commands were cut without a
//! mark), the truncation mark on each CREATED BY, and the notes about rows
//! whose cells were not where the header said.

use super::dialect::{self, Evidence};
use super::header::{ColumnModel, HeaderColumn};
use super::notes::{note, shorten};
use super::row::RowCells;
use super::segment::Line;
use crate::model::{Diagnostic, Dialect, Format, History, Layer, Severity};

/// A row read, with its lines, before the table-wide decisions.
pub struct RawLayer {
    /// The cells.
    pub row: RowCells,
    /// The CREATED BY text, lines of a multi-line command joined by `\n`.
    pub created_by: String,
    /// First and last 1-based line numbers in the paste.
    pub lines: (usize, usize),
}

/// What one table's rows share, for turning each into a layer.
struct TableFacts<'m, 'l, 'a> {
    model: &'m ColumnModel,
    lines: &'l [Line<'a>],
    /// docker ≤ 1.12 cut CREATED BY at 45 characters without a mark.
    hard_cut: bool,
}

/// Whether a CREATED BY cell ends in a truncation mark; returns the text
/// without it. `…` is always a mark (docker ≥ 17.11, nerdctl); `...` only at
/// the cut width (42 + 3 = 45: docker 1.13–17.10, podman), since a command may
/// really end in `...` (`go test ./...`).
pub fn strip_mark(cell: &str) -> (String, bool) {
    // `…` as printed, or mangled by a Windows console (CP437 / Windows-1252).
    for mark in ["…", "ΓÇª", "â€¦"] {
        if let Some(s) = cell.strip_suffix(mark) {
            return (s.to_string(), true);
        }
    }
    if let Some(s) = cell.strip_suffix("...") {
        let chars = cell.chars().count();
        // podman cuts at 42 bytes (backing off to a character boundary here).
        if (43..=45).contains(&cell.len()) || (43..=46).contains(&chars) {
            return (s.to_string(), true);
        }
    }
    (cell.to_string(), false)
}

/// The history of one table's rows (without its label).
pub fn finish(
    raws: Vec<RawLayer>,
    model: &ColumnModel,
    headerless: bool,
    diags: &mut Vec<Diagnostic>,
    lines: &[Line<'_>],
) -> History {
    let dialect = detect_dialect(&raws, model, headerless);
    let any_mark = raws
        .iter()
        .any(|r| r.created_by.ends_with('…') || r.created_by.ends_with("..."));
    let longest = raws
        .iter()
        .map(|r| r.created_by.chars().count())
        .max()
        .unwrap_or(0);
    let facts = TableFacts {
        model,
        lines,
        hard_cut: dialect == Dialect::DockerOld && !any_mark && longest == 45,
    };
    note_blank_ids(&raws, lines, diags);
    let layers: Vec<Layer> = raws
        .into_iter()
        .map(|raw| to_layer(raw, &facts, diags))
        .collect();
    let span = (
        layers.first().map_or(0, |l| l.lines.0),
        layers.last().map_or(0, |l| l.lines.1),
    );
    History {
        label: String::new(),
        format: if headerless {
            Format::Headerless
        } else {
            Format::Table
        },
        dialect,
        layers,
        lines: span,
        dropped_layers: 0,
    }
}

/// The printing tool, from the header and the rows (see `dialect`).
fn detect_dialect(raws: &[RawLayer], model: &ColumnModel, headerless: bool) -> Dialect {
    let evidence = Evidence {
        id_header: (!headerless).then_some(model.id_header),
        column_widths: decided_widths(model),
        created_col: raws.first().and_then(|r| r.row.created_col),
        sizes: raws
            .iter()
            .filter_map(|r| r.row.size.as_ref().map(|s| s.1.as_str()))
            .collect(),
        created_bys: raws.iter().map(|r| r.created_by.as_str()).collect(),
        comments: raws
            .iter()
            .filter_map(|r| r.row.comment.as_deref())
            .collect(),
    };
    dialect::detect(&evidence)
}

/// Widths of the columns that tabwriter's minwidth decides (IMAGE unless
/// `--no-trunc`, CREATED, SIZE): 20 before docker 20.10, 10 after.
fn decided_widths(model: &ColumnModel) -> Vec<usize> {
    model
        .columns
        .windows(2)
        .filter_map(|w| {
            let (a, b) = (w.first()?, w.get(1)?);
            let width = b.start?.saturating_sub(a.start?);
            let decides = match a.column {
                HeaderColumn::Id => width < 30,
                HeaderColumn::Created | HeaderColumn::CreatedAt | HeaderColumn::Size => true,
                HeaderColumn::CreatedBy | HeaderColumn::Comment => false,
            };
            decides.then_some(width)
        })
        .collect()
}

/// A question about a row's cells.
type RowTest = fn(&RowCells) -> bool;

/// One note for the rows whose id cell a web page left blank, and one for
/// those an author abridged to `…`.
fn note_blank_ids(raws: &[RawLayer], lines: &[Line<'_>], diags: &mut Vec<Diagnostic>) {
    let notes: [(RowTest, &str); 2] = [
        (
            |row| row.id_blank,
            "have a blank id cell (a web page drops `<missing>` as an unknown tag): read as `<missing>`",
        ),
        (
            |row| row.id_elided,
            "have `…` for an id (abridged by the author): read as layers without an id",
        ),
    ];
    for (which, what) in notes {
        let rows: Vec<usize> = raws
            .iter()
            .filter(|r| which(&r.row))
            .map(|r| r.lines.0)
            .collect();
        if let Some(line) = rows.first().and_then(|&no| lines.get(no.saturating_sub(1))) {
            let message = format!("{} row(s) from here on {what}", rows.len());
            diags.push(note(Severity::Note, line, message));
        }
    }
}

fn to_layer(raw: RawLayer, facts: &TableFacts<'_, '_, '_>, diags: &mut Vec<Diagnostic>) -> Layer {
    let (created_by, mut truncated) = strip_mark(&raw.created_by);
    if facts.hard_cut && created_by.chars().count() >= 44 {
        truncated = true;
    }
    let last_line = facts.lines.get(raw.lines.1.saturating_sub(1));
    let comment = comment_of(&raw.row, last_line, diags);
    if let Some(line) = last_line {
        note_cell_placement(&raw, facts.model, line, diags);
    }
    Layer {
        id: raw.row.id.and_then(|c| c.into_option()),
        created: raw.row.created,
        created_by,
        truncated,
        size: raw.row.size.map(|s| s.0),
        comment,
        lines: raw.lines,
    }
}

/// The COMMENT cell, with text after the last column appended (and noted).
fn comment_of(row: &RowCells, line: Option<&Line<'_>>, diags: &mut Vec<Diagnostic>) -> String {
    // A stray backtick closing a code span is not a comment.
    let comment = row
        .comment
        .as_deref()
        .unwrap_or_default()
        .trim_end_matches('`')
        .trim();
    if row.extra.is_empty() {
        return comment.to_string();
    }
    if let Some(line) = line {
        diags.push(note(
            Severity::Note,
            line,
            format!(
                "`{}` after the last column read as a comment",
                shorten(&row.extra)
            ),
        ));
    }
    if comment.is_empty() {
        row.extra.clone()
    } else {
        format!("{comment}  {}", row.extra)
    }
}

/// Warnings for a row whose cells were not where its header put them.
fn note_cell_placement(
    raw: &RawLayer,
    model: &ColumnModel,
    line: &Line<'_>,
    diags: &mut Vec<Diagnostic>,
) {
    let (Some(hint), Some((_, text, col))) =
        (model.start_of(HeaderColumn::Size), raw.row.size.as_ref())
    else {
        return;
    };
    let row = &raw.row;
    if row.created_missing {
        diags.push(note(
            Severity::Warning,
            line,
            format!(
                "this row has no CREATED cell although the header has one: expected `{}`; read without it",
                model.describe()
            ),
        ));
    }
    let message = if row.single_spaced {
        format!("cells are separated by single spaces here (collapsed whitespace?): read `{text}` as the size")
    } else if row.tab_split {
        format!("a tab inside CREATED BY split this row (podman): read the size `{text}` from further right")
    } else if col.abs_diff(hint) > 2
        && raw.lines.0 == raw.lines.1
        && !line.raw.contains(['\t', '|'])
    {
        format!(
            "cells are not under their headers here (SIZE `{text}` at column {}, header at {}): read by shape",
            col + 1,
            hint + 1
        )
    } else {
        return;
    };
    diags.push(note(Severity::Warning, line, message));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks() {
        assert_eq!(
            strip_mark("/bin/sh -c #(nop) WORKDIR /dir/backend-examp…"),
            ("/bin/sh -c #(nop) WORKDIR /dir/backend-examp".into(), true)
        );
        assert_eq!(
            strip_mark("/bin/sh -c #(nop)  CMD [\"/usr/bin/java\" \"-..."),
            ("/bin/sh -c #(nop)  CMD [\"/usr/bin/java\" \"-".into(), true)
        );
        assert_eq!(
            strip_mark("RUN go test ./..."),
            ("RUN go test ./...".into(), false)
        );
        assert_eq!(
            strip_mark("/bin/sh -c npm install"),
            ("/bin/sh -c npm install".into(), false)
        );
        // `…` mangled by a Windows console.
        assert_eq!(
            strip_mark("/bin/sh -c #(nop) ADD file:abcΓÇª"),
            ("/bin/sh -c #(nop) ADD file:abc".into(), true)
        );
    }
}
