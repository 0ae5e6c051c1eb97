//! Reads the rows of one table (after its header, or from its first row when
//! there is no header) into a [`History`], joining rows whose CREATED BY held
//! a newline and noting every line it skipped.
//!
//! A table ends at a blank line, a fence, a heading, a command line, a new
//! header, or a line that is not a row and is not followed by one.

use super::dialect::{self, Evidence};
use super::header::{Column, ColumnAt, ColumnModel, Header};
use super::row::{read_row, PlainSizes, Row, RowRead};
use super::segment::{
    heading_text, history_command, is_fence, is_html_tags, is_prompt, is_rule, is_template_tag,
    marker_text, Line,
};
use super::{note, shorten, LineState};
use crate::core::model::{Diagnostic, Dialect, Format, History, Layer, Severity};

/// How the lines of one table are indented or prefixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Every line is in a markdown quote (`> `).
    pub quoted: bool,
    /// A character before every line (`#` in a commented paste).
    pub prefix: Option<char>,
    /// Leading spaces of the header (or first row) after the prefix.
    pub indent: usize,
    /// Characters of a fixed-width prefix on every line (a CI log's
    /// timestamps), dropped first; 0 for none.
    pub skip: usize,
}

impl Layout {
    /// The line without its prefix and indentation.
    pub fn body<'a>(&self, text: &'a str) -> &'a str {
        let mut t = text;
        if self.skip > 0 {
            // Only when this line has the prefix too: a space right before the cut.
            let cut = t.char_indices().nth(self.skip).map(|(i, _)| i);
            let boundary = cut
                .and_then(|i| t.get(..i))
                .is_some_and(|p| p.ends_with(' '));
            if let (Some(i), true) = (cut, boundary) {
                t = t.get(i..).unwrap_or(t);
            }
        }
        if self.quoted {
            let trimmed = t.trim_start();
            if let Some(r) = trimmed.strip_prefix('>') {
                t = r;
            }
        }
        if let Some(p) = self.prefix {
            let trimmed = t.trim_start();
            if let Some(r) = trimmed.strip_prefix(p) {
                t = r;
            }
        }
        let lead = t.len() - t.trim_start_matches(' ').len();
        t.get(lead.min(self.indent)..).unwrap_or(t)
    }
}

/// The ways to read a line that may start a table: as it is (indented),
/// without a `#` prefix, inside a `> ` quote, or both.
pub fn layouts(text: &str) -> Vec<(Layout, &str)> {
    let mut bases = vec![(false, text)];
    if let Some(r) = text.trim_start().strip_prefix('>') {
        bases.push((true, r));
    }
    let mut out = Vec::new();
    for (quoted, base) in bases {
        let indent = base.len() - base.trim_start_matches(' ').len();
        let body = base.get(indent..).unwrap_or("");
        out.push((
            Layout {
                quoted,
                prefix: None,
                indent,
                skip: 0,
            },
            body,
        ));
        if let Some(rest) = body.strip_prefix('#') {
            let inner = rest.len() - rest.trim_start_matches(' ').len();
            out.push((
                Layout {
                    quoted,
                    prefix: Some('#'),
                    indent: inner,
                    skip: 0,
                },
                rest.get(inner..).unwrap_or(""),
            ));
        }
    }
    out
}

/// A header after some other text on its line (`2024-05-01T10:00:00.12Z IMAGE …`
/// in a CI log): the layout that drops that prefix from every line.
fn prefixed_header(text: &str) -> Option<(Header, Layout)> {
    for word in [" IMAGE ", " ID ", " SNAPSHOT "] {
        let Some(at) = text.find(word) else { continue };
        let prefix = text.get(..=at)?;
        if prefix.trim().is_empty() {
            continue;
        }
        let body = text.get(at + 1..)?;
        if let Some(header @ Header::History(_)) = super::header::read_header(body) {
            let layout = Layout {
                quoted: false,
                prefix: None,
                indent: 0,
                skip: prefix.chars().count(),
            };
            return Some((header, layout));
        }
    }
    None
}

/// Whether a line ends any table it follows.
pub fn is_boundary(text: &str) -> bool {
    let t = text.trim();
    t.is_empty()
        || is_fence(t)
        || is_html_tags(t)
        || is_template_tag(t)
        || history_command(t).is_some()
        || marker_text(t).is_some()
        || is_prompt(t)
        || heading_text(t).is_some()
        || super::header::read_header(t).is_some()
}

/// A table being read.
pub struct TableStart {
    /// Its columns.
    pub model: ColumnModel,
    /// Its indentation / prefix.
    pub layout: Layout,
    /// Index of the first row line.
    pub first_row: usize,
    /// Whether it had a header.
    pub headerless: bool,
}

/// A row read, with its lines, before the table-wide decisions.
struct RawLayer {
    row: Row,
    created_by: String,
    lines: (usize, usize),
}

/// Reads the table; returns the history (without label) and the index of the
/// first line after it. Marks the lines it used in `state`.
pub fn read_table(
    lines: &[Line<'_>],
    start: TableStart,
    state: &mut [LineState],
    diags: &mut Vec<Diagnostic>,
) -> (History, usize) {
    let TableStart {
        mut model,
        layout,
        first_row,
        headerless,
    } = start;
    let plain = if model.has(Column::CreatedAt) {
        PlainSizes::Expected
    } else if model.has(Column::Created) {
        PlainSizes::No
    } else {
        PlainSizes::Unknown
    };
    let tail_of = |model: &ColumnModel| -> Vec<ColumnAt> {
        model
            .columns
            .iter()
            .skip_while(|c| c.column != Column::CreatedBy)
            .copied()
            .collect()
    };
    let mut tail = tail_of(&model);
    // Whether a terminal cut the header at its width (`… CREATED BY` /
    // `SIZE  COMMENT`): only then is a full-width row taken as cut too
    // (see `segment::unwrap_hard_wraps`); otherwise a line after the table
    // is never glued to its last row.
    let mut wrapped = !headerless && cut_between_rows(lines, first_row, &model, layout, plain);
    let mut raws: Vec<RawLayer> = Vec::new();
    let mut j = first_row;
    while let Some(line) = lines.get(j) {
        let body = layout.body(&line.text);
        if body.trim().is_empty() {
            if !headerless && continues_after_blank(lines, j, &model, layout, plain) {
                j += 1;
                continue;
            }
            break;
        }
        match read_row(body, &model.columns, plain) {
            RowRead::Full(mut row) => {
                set(state, j, LineState::Layer);
                let mut last = line.last;
                // A terminal cut this row at its width after the SIZE: the
                // next line, not a row of its own, is the rest of the COMMENT.
                if let Some(next) = lines.get(j + 1).filter(|n| {
                    wrapped && line.full_width && is_cut_piece(layout.body(&n.text), &model, plain)
                }) {
                    let rest = layout.body(&next.text).trim();
                    let comment = row.comment.take().unwrap_or_default();
                    row.comment = Some(format!("{comment}{rest}"));
                    set(state, j + 1, LineState::Layer);
                    last = next.last;
                    j += 1;
                }
                let created_by = row.created_by.clone().unwrap_or_default();
                raws.push(RawLayer {
                    row,
                    created_by,
                    lines: (line.no, last),
                });
                j += 1;
            }
            RowRead::Partial(row) => {
                // A full-width row without its SIZE, whose next line completes
                // it when glued on (`… install ping     11.66 ` / `MB`): a
                // terminal cut it at its width.
                let glued = lines.get(j + 1).filter(|_| line.full_width).and_then(|n| {
                    let piece = layout.body(&n.text);
                    if !is_cut_piece(piece, &model, plain) {
                        return None;
                    }
                    let whole = format!("{body}{}", piece.trim_end());
                    match read_row(&whole, &model.columns, plain) {
                        RowRead::Full(r) if r.size.is_some() => Some((r, n.last)),
                        _ => None,
                    }
                });
                if let Some((mut row, mut last)) = glued {
                    // … and the piece may have been cut after the SIZE too.
                    let mut k = j + 1;
                    while let Some(next) = lines.get(k + 1).filter(|n| {
                        lines.get(k).is_some_and(|l| l.full_width)
                            && k < j + 4
                            && is_cut_piece(layout.body(&n.text), &model, plain)
                    }) {
                        let rest = layout.body(&next.text).trim();
                        let comment = row.comment.take().unwrap_or_default();
                        row.comment = Some(format!("{comment}{rest}"));
                        last = next.last;
                        k += 1;
                        set(state, k, LineState::Layer);
                    }
                    diags.push(note(
                        Severity::Warning,
                        line,
                        format!(
                            "this row goes on over lines {}–{last}: a terminal cut it at its width; read as one layer",
                            line.no
                        ),
                    ));
                    set(state, j, LineState::Layer);
                    set(state, j + 1, LineState::Layer);
                    let created_by = row.created_by.clone().unwrap_or_default();
                    raws.push(RawLayer {
                        row,
                        created_by,
                        lines: (line.no, last),
                    });
                    j = k + 1;
                    continue;
                }
                let (raw, next) = continue_row(
                    lines, j, row, &model, &tail, layout, plain, wrapped, state, diags,
                );
                raws.push(raw);
                j = next;
            }
            RowRead::No => {
                if raws.is_empty() && !headerless {
                    if let Some(more) = super::header::wrapped_header_columns(body) {
                        // The header went on over this line (a narrow terminal).
                        for column in more {
                            if !model.has(column) {
                                model.columns.push(ColumnAt {
                                    column,
                                    start: None,
                                });
                            }
                        }
                        tail = tail_of(&model);
                        wrapped = true;
                        set(state, j, LineState::Structure);
                        j += 1;
                        continue;
                    }
                }
                if is_rule(body) && raws.is_empty() {
                    // The `|---|---|` line under a markdown table header.
                    set(state, j, LineState::Structure);
                    j += 1;
                    continue;
                }
                if is_boundary(body) || is_fence(&line.text) {
                    break;
                }
                let next_is_row = lines.get(j + 1).is_some_and(|n| {
                    let b = layout.body(&n.text);
                    !b.trim().is_empty()
                        && !matches!(read_row(b, &model.columns, plain), RowRead::No)
                });
                if next_is_row {
                    diags.push(note(
                        Severity::Note,
                        line,
                        format!(
                            "`{}` inside the table is not a history row: expected `{}` (skipped as an annotation)",
                            shorten(line.text.trim()),
                            model.describe()
                        ),
                    ));
                    set(state, j, LineState::Noted);
                    j += 1;
                    continue;
                }
                break;
            }
        }
    }
    let history = finish(raws, &model, headerless, diags, lines);
    (history, j)
}

/// Whether a terminal cut this table's rows at its width, though its header
/// fit (`… 0B        buildkit.do` / `ckerfile.v0`): two full-width rows or
/// more each followed by a piece that is followed by a row again. (One such
/// line between rows is more likely an author's note.) Looks at most 64
/// lines ahead, so that reading stays linear.
fn cut_between_rows(
    lines: &[Line<'_>],
    first_row: usize,
    model: &ColumnModel,
    layout: Layout,
    plain: PlainSizes,
) -> bool {
    let window = lines.get(first_row..).unwrap_or(&[]);
    let window = window.get(..64).unwrap_or(window);
    if !window.iter().any(|l| l.full_width) {
        return false;
    }
    let is_row = |l: &Line<'_>| {
        let body = layout.body(&l.text);
        !body.trim().is_empty() && !matches!(read_row(body, &model.columns, plain), RowRead::No)
    };
    let cuts = window
        .windows(3)
        .filter(|w| match w {
            [row, piece, next] => {
                row.full_width
                    && is_row(row)
                    && is_cut_piece(layout.body(&piece.text), model, plain)
                    && is_row(next)
            }
            _ => false,
        })
        .count();
    cuts >= 2
}

/// Whether a line after a full-width line is the rest of it, cut by a
/// terminal: not blank, not a row (nor a row start), not a header, fence or
/// command line.
fn is_cut_piece(body: &str, model: &ColumnModel, plain: PlainSizes) -> bool {
    let t = body.trim();
    !t.is_empty()
        && !super::segment::starts_row(body)
        && matches!(read_row(body, &model.columns, plain), RowRead::No)
        && !is_boundary(body)
        && !is_fence(t)
        && history_command(t).is_none()
        && super::header::read_header(t).is_none()
}

/// A single blank line inside a table: the table goes on when the next line
/// is a complete row whose CREATED and SIZE cells sit exactly under this
/// header (a second table would have its own header or command line).
fn continues_after_blank(
    lines: &[Line<'_>],
    blank: usize,
    model: &ColumnModel,
    layout: Layout,
    plain: PlainSizes,
) -> bool {
    let Some(next) = lines.get(blank + 1) else {
        return false;
    };
    let body = layout.body(&next.text);
    let RowRead::Full(row) = read_row(body, &model.columns, plain) else {
        return false;
    };
    let created_ok = match (
        model
            .start_of(Column::Created)
            .or(model.start_of(Column::CreatedAt)),
        row.created_col,
    ) {
        (Some(h), Some(c)) => h == c,
        (None, None) => true,
        _ => false,
    };
    let size_ok = match (model.start_of(Column::Size), row.size.as_ref()) {
        (Some(h), Some((_, _, c))) => h.abs_diff(*c) <= 1,
        _ => false,
    };
    created_ok && size_ok
}

fn set(state: &mut [LineState], i: usize, s: LineState) {
    if let Some(slot) = state.get_mut(i) {
        *slot = s;
    }
}

/// A row whose SIZE was not found: its CREATED BY may go on over the next
/// lines (a newline inside the command). Joins them when a later line supplies
/// the remaining cells.
#[allow(clippy::too_many_arguments)]
fn continue_row(
    lines: &[Line<'_>],
    j: usize,
    row: Row,
    model: &ColumnModel,
    tail: &[ColumnAt],
    layout: Layout,
    plain: PlainSizes,
    wrapped: bool,
    state: &mut [LineState],
    diags: &mut Vec<Diagnostic>,
) -> (RawLayer, usize) {
    let first = lines.get(j);
    let first_no = first.map_or(0, |l| l.no);
    let mut texts: Vec<String> = vec![row.created_by.clone().unwrap_or_default()];
    // Pieces of a line a terminal cut at its width join without a newline.
    let mut cut = wrapped && first.is_some_and(|l| l.full_width);
    let mut any_cut = false;
    let mut joined_text = |texts: &mut Vec<String>, piece: String, cut: bool| {
        any_cut |= cut;
        match texts.last_mut() {
            Some(prev) if cut => prev.push_str(&piece),
            _ => texts.push(piece),
        }
    };
    // A heredoc (`RUN <<EOF …`) can hold many lines, `#` comments included.
    for k in j + 1..(j + 12).min(lines.len()) {
        let Some(line) = lines.get(k) else { break };
        let body = layout.body(&line.text);
        if body.trim().is_empty() || is_fence(&line.text) || is_html_tags(&line.text) {
            break;
        }
        // A row ends this one; after a full-width line only a line that
        // starts like a row does (a piece may begin with hex, `d7e8f9… in /`).
        let row_like = !matches!(read_row(body, &model.columns, plain), RowRead::No);
        let piece = cut && !super::segment::starts_row(body);
        if row_like && !piece {
            break;
        }
        if !tail.is_empty() {
            if let RowRead::Full(end) = read_row(body, tail, plain) {
                if end.size.is_some() {
                    let tail_text = end.created_by.clone().unwrap_or_default();
                    if !tail_text.is_empty() {
                        joined_text(&mut texts, tail_text, cut);
                    }
                    let mut comment = end.comment;
                    let mut end_line = line;
                    // The terminal cut the last piece after the SIZE too.
                    if let Some(next) = lines.get(k + 1).filter(|n| {
                        wrapped
                            && line.full_width
                            && is_cut_piece(layout.body(&n.text), model, plain)
                    }) {
                        let rest = layout.body(&next.text).trim();
                        comment = Some(format!("{}{rest}", comment.unwrap_or_default()));
                        end_line = next;
                        any_cut = true;
                    }
                    let last_k = k + usize::from(end_line.no != line.no);
                    for s in j..=last_k {
                        set(state, s, LineState::Layer);
                    }
                    let why = if any_cut {
                        "a terminal cut it at its width"
                    } else {
                        "its CREATED BY held a newline"
                    };
                    diags.push(note(
                        Severity::Warning,
                        first.unwrap_or(line),
                        format!(
                            "this row goes on over lines {first_no}–{}: {why}; read as one layer",
                            end_line.last
                        ),
                    ));
                    let joined = Row {
                        size: end.size,
                        comment,
                        extra: end.extra,
                        ..row
                    };
                    return (
                        RawLayer {
                            row: joined,
                            created_by: texts.join("\n"),
                            lines: (first_no, end_line.last),
                        },
                        last_k + 1,
                    );
                }
            }
        }
        let t = body.trim();
        if history_command(t).is_some()
            || super::header::read_header(t).is_some()
            || is_template_tag(t)
        {
            break;
        }
        joined_text(&mut texts, t.to_string(), cut);
        cut = wrapped && line.full_width;
    }
    set(state, j, LineState::Layer);
    if let Some(line) = first {
        diags.push(note(
            Severity::Warning,
            line,
            format!(
                "no SIZE cell found in this row: expected `{}`; read without a size",
                model.describe()
            ),
        ));
    }
    let created_by = row.created_by.clone().unwrap_or_default();
    (
        RawLayer {
            row,
            created_by,
            lines: (first_no, first_no),
        },
        j + 1,
    )
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

fn finish(
    raws: Vec<RawLayer>,
    model: &ColumnModel,
    headerless: bool,
    diags: &mut Vec<Diagnostic>,
    lines: &[Line<'_>],
) -> History {
    // Widths of the columns that tabwriter's minwidth decides (IMAGE unless
    // `--no-trunc`, CREATED, SIZE): 20 before docker 20.10, 10 after.
    let widths: Vec<usize> = model
        .columns
        .windows(2)
        .filter_map(|w| {
            let (a, b) = (w.first()?, w.get(1)?);
            let width = b.start?.saturating_sub(a.start?);
            let decides = match a.column {
                Column::Id => width < 30,
                Column::Created | Column::CreatedAt | Column::Size => true,
                Column::CreatedBy | Column::Comment => false,
            };
            decides.then_some(width)
        })
        .collect();
    let evidence = Evidence {
        id_header: (!headerless).then_some(model.id_header),
        column_widths: widths,
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
    let dialect = dialect::detect(&evidence);
    // docker ≤ 1.12 cut CREATED BY at 45 characters without a mark.
    let any_mark = raws
        .iter()
        .any(|r| r.created_by.ends_with('…') || r.created_by.ends_with("..."));
    let longest = raws
        .iter()
        .map(|r| r.created_by.chars().count())
        .max()
        .unwrap_or(0);
    let hard_cut = dialect == Dialect::DockerOld && !any_mark && longest == 45;
    let blank_ids: Vec<usize> = raws
        .iter()
        .filter(|r| r.row.id_blank)
        .map(|r| r.lines.0)
        .collect();
    if let Some(line) = blank_ids
        .first()
        .and_then(|&no| lines.get(no.saturating_sub(1)))
    {
        diags.push(note(
            Severity::Note,
            line,
            format!(
                "{} row(s) from here on have a blank id cell (a web page drops `<missing>` as an unknown tag): read as `<missing>`",
                blank_ids.len()
            ),
        ));
    }
    let size_hint = model.start_of(Column::Size);
    let line_of = |no: usize| lines.get(no.saturating_sub(1));
    let layers: Vec<Layer> = raws
        .into_iter()
        .map(|raw| {
            let (created_by, mut truncated) = strip_mark(&raw.created_by);
            if hard_cut && created_by.chars().count() >= 44 {
                truncated = true;
            }
            // A stray backtick closing a code span is not a comment.
            let mut comment = raw
                .row
                .comment
                .as_deref()
                .unwrap_or_default()
                .trim_end_matches('`')
                .trim()
                .to_string();
            if !raw.row.extra.is_empty() {
                if let Some(line) = line_of(raw.lines.1) {
                    diags.push(note(
                        Severity::Note,
                        line,
                        format!(
                            "`{}` after the last column read as a comment",
                            shorten(&raw.row.extra)
                        ),
                    ));
                }
                if comment.is_empty() {
                    comment = raw.row.extra.clone();
                } else {
                    comment = format!("{comment}  {}", raw.row.extra);
                }
            }
            if let (Some(hint), Some((_, text, col))) = (size_hint, raw.row.size.as_ref()) {
                if let Some(line) = line_of(raw.lines.1) {
                    if raw.row.created_missing {
                        diags.push(note(
                            Severity::Warning,
                            line,
                            format!(
                                "this row has no CREATED cell although the header has one: expected `{}`; read without it",
                                model.describe()
                            ),
                        ));
                    }
                    if raw.row.single_spaced {
                        diags.push(note(
                            Severity::Warning,
                            line,
                            format!(
                                "cells are separated by single spaces here (collapsed whitespace?): read `{text}` as the size"
                            ),
                        ));
                    } else if raw.row.tab_split {
                        diags.push(note(
                            Severity::Warning,
                            line,
                            format!(
                                "a tab inside CREATED BY split this row (podman): read the size `{text}` from further right"
                            ),
                        ));
                    } else if col.abs_diff(hint) > 2
                        && raw.lines.0 == raw.lines.1
                        && !line.raw.contains(['\t', '|'])
                    {
                        diags.push(note(
                            Severity::Warning,
                            line,
                            format!(
                                "cells are not under their headers here (SIZE `{text}` at column {}, header at {}): read by shape",
                                col + 1,
                                hint + 1
                            ),
                        ));
                    }
                }
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
        })
        .collect();
    let lines_span = (
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
        lines: lines_span,
    }
}

/// Reads a header-looking line in any layout.
pub fn find_header(text: &str) -> Option<(Header, Layout)> {
    layouts(text)
        .into_iter()
        .find_map(|(layout, body)| super::header::read_header(body).map(|h| (h, layout)))
        .or_else(|| prefixed_header(text))
}

/// Whether the line starts a headerless table: a complete row by shape.
pub fn find_headerless(text: &str) -> Option<Layout> {
    let model = ColumnModel::headerless();
    let whole = |row: &Row| row.size.is_some() && row.id.is_some() && row.created.is_some();
    layouts(text)
        .into_iter()
        .find_map(
            |(layout, body)| match read_row(body, &model.columns, PlainSizes::No) {
                RowRead::Full(row) if whole(&row) => Some(layout),
                _ => None,
            },
        )
        .or_else(|| {
            // A first row whose `<missing>` a web page dropped: keep its
            // leading spaces, they are the blank id cell.
            match read_row(text, &model.columns, PlainSizes::No) {
                RowRead::Full(row) if whole(&row) && row.id_blank => Some(Layout {
                    quoted: false,
                    prefix: None,
                    indent: 0,
                    skip: 0,
                }),
                _ => None,
            }
        })
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

    #[test]
    fn layouts_strip_indent_and_hash_prefix() {
        let l = layouts("    IMAGE   CREATED");
        assert_eq!(l.first().map(|x| x.1), Some("IMAGE   CREATED"));
        let h = layouts("# IMAGE          CREATED");
        assert_eq!(
            h.get(1).map(|x| (x.0.prefix, x.1)),
            Some((Some('#'), "IMAGE          CREATED"))
        );
        let layout = h.get(1).map(|x| x.0).unwrap_or(Layout {
            quoted: false,
            prefix: None,
            indent: 0,
            skip: 0,
        });
        assert_eq!(
            layout.body("#6e558799f7ba   4 seconds ago"),
            "6e558799f7ba   4 seconds ago"
        );
    }

    #[test]
    fn ci_log_prefix() {
        let (header, layout) = find_header("2024-05-01T10:00:00.1234567Z IMAGE          CREATED        CREATED BY   SIZE      COMMENT").expect("a header");
        assert!(matches!(header, Header::History(_)));
        assert_eq!(layout.skip, 29);
        assert_eq!(
            layout.body("2024-05-01T10:00:00.1234567Z <missing>      2 weeks ago"),
            "<missing>      2 weeks ago"
        );
        // Prose mentioning a header word is not a header.
        assert!(find_header("The IMAGE column shows CREATED BY").is_none());
    }

    #[test]
    fn heredoc_command_over_several_lines() {
        let text = "IMAGE          CREATED        CREATED BY                                      SIZE      COMMENT\n<missing>      2 weeks ago    RUN /bin/sh -c <<EOF\n# update first\napt-get update\napt-ge…   12MB      buildkit.dockerfile.v0\n";
        let p = super::super::parse(text);
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

    #[test]
    fn headerless_rows_are_found_by_shape() {
        assert!(find_headerless("<missing>      56 minutes ago   RUN /bin/sh -c chown webservice . # buildkit    0B        buildkit.dockerfile.v0").is_some());
        assert!(find_headerless("1271ebba476c   37 seconds ago   CMD [\"serve\" \"-s\" \"-l\" \"5000\" \"build\"]          0B        buildkit.dockerfile.v0").is_some());
        assert!(find_headerless(
            "hello-world                 latest    feb5d9fea6a5   11 months ago   13.3kB"
        )
        .is_none());
        assert!(find_headerless("3.97MB Alpine Linux Layer").is_none());
        assert!(find_headerless("f6e427c148a7: 4 weeks ago").is_none());
    }
}
