//! Walks the classified lines once, top to bottom, and hands each place a
//! history can start to its reader: JSON (`json`), a table after its header or
//! from its first row (`table`), a custom `--format` (`custom`). What a reader
//! consumed is marked in [`LineState`], so the notes that follow know which
//! lines were read, skipped or doubted.

use std::cell::OnceCell;

use super::classify::{Classified, LineKind, MARKS};
use super::custom;
use super::header::{ColumnModel, Header};
use super::json::{self, JsonHistory};
use super::layout::{find_header, find_headerless};
use super::notes::{self, note};
use super::segment::{split_lines, Line};
use super::table::{read_table, TableStart};
use super::LineState;
use crate::model::{Diagnostic, History, Severity};

/// A history found, with the index of its first line (for its label).
pub struct FoundHistory {
    /// The history, not yet labelled.
    pub history: History,
    /// Index of its first line (header, first row, first JSON line).
    pub start: usize,
}

/// What one walk over the paste found.
pub struct Scan<'l, 'a> {
    lines: &'l Classified<'a>,
    /// What became of each line.
    pub state: Vec<LineState>,
    /// Notes so far.
    pub diags: Vec<Diagnostic>,
    /// Histories in paste order.
    pub found: Vec<FoundHistory>,
    json: &'l JsonViews<'l>,
    /// No JSON history starts before this line (a large non-history JSON
    /// document is tried once, not once per line).
    json_skip_until: usize,
}

/// The texts JSON is read from, built on first need: the normalised lines
/// joined (slot 0), and the same without a `>` (1) or `#` (2) mark on every
/// line. Owned outside the [`Scan`] so that their split lines can borrow them.
#[derive(Default)]
pub struct JsonTexts {
    texts: [OnceCell<String>; 3],
}

/// The split lines of each [`JsonTexts`] text, built on first need.
pub struct JsonViews<'t> {
    texts: &'t JsonTexts,
    splits: [OnceCell<Vec<Line<'t>>>; 3],
    /// Whether any line is several joined by `segment` (hard wraps).
    joined: OnceCell<bool>,
}

impl<'t> JsonViews<'t> {
    /// Nothing is built yet.
    pub fn new(texts: &'t JsonTexts) -> Self {
        JsonViews {
            texts,
            splits: Default::default(),
            joined: OnceCell::new(),
        }
    }

    /// The text of `slot` and its lines.
    fn view(&self, slot: usize, lines: &[Line<'_>]) -> Option<(&'t str, &[Line<'t>])> {
        let texts: &'t JsonTexts = self.texts;
        let text: &'t str = texts.texts.get(slot)?.get_or_init(|| {
            let mark = slot.checked_sub(1).and_then(|m| MARKS.get(m)).copied();
            let parts: Vec<&str> = lines
                .iter()
                .map(|l| match mark {
                    None => l.text.as_ref(),
                    Some(mark) => l
                        .text
                        .trim_start()
                        .strip_prefix(mark)
                        .map_or(l.text.as_ref(), |r| r.strip_prefix(' ').unwrap_or(r)),
                })
                .collect();
            parts.join("\n")
        });
        let split = self.splits.get(slot)?.get_or_init(|| split_lines(text));
        Some((text, split))
    }
}

impl<'l, 'a> Scan<'l, 'a> {
    /// Walks every line.
    pub fn run(lines: &'l Classified<'a>, json: &'l JsonViews<'l>) -> Self {
        let mut scan = Scan {
            lines,
            state: vec![LineState::Free; lines.lines.len()],
            diags: Vec::new(),
            found: Vec::new(),
            json,
            json_skip_until: 0,
        };
        let mut i = 0;
        while i < lines.lines.len() {
            i = scan.step(i).max(i + 1);
        }
        scan
    }

    /// Reads what starts at line `i`; returns the next line to look at.
    fn step(&mut self, i: usize) -> usize {
        match self.lines.kind(i) {
            LineKind::Blank | LineKind::Fence | LineKind::Markup => i + 1,
            LineKind::JsonStart if i >= self.json_skip_until => match self.json_at(i) {
                Some(next) => next,
                None => self.custom_at(i),
            },
            LineKind::Header | LineKind::OtherTable => self.header_at(i),
            LineKind::Row => self.headerless_at(i),
            _ => self.custom_at(i),
        }
    }

    fn line(&self, i: usize) -> Option<&'l Line<'a>> {
        self.lines.get(i)
    }

    fn mark(&mut self, from: usize, to: usize, state: LineState) {
        for s in self.state.iter_mut().take(to).skip(from) {
            *s = state;
        }
    }

    /// A table under a header (or a skipped `docker images` table).
    fn header_at(&mut self, i: usize) -> usize {
        let Some((header, layout)) = self.line(i).and_then(|l| find_header(&l.text)) else {
            return i + 1;
        };
        let model = match header {
            Header::History(model) => model,
            Header::Other(name) => return self.skip_other_table(i, name),
        };
        self.mark(i, i + 1, LineState::Structure);
        let start = TableStart {
            model,
            layout,
            first_row: i + 1,
            headerless: false,
        };
        let (history, next) = read_table(self.lines, start, &mut self.state, &mut self.diags);
        if history.layers.is_empty() {
            if let Some(line) = self.line(i) {
                let message = "a history header with no rows under it".to_string();
                self.diags.push(note(Severity::Warning, line, message));
            }
        } else {
            self.found.push(FoundHistory { history, start: i });
        }
        next
    }

    /// A table without a header, from its first row.
    fn headerless_at(&mut self, i: usize) -> usize {
        let Some(layout) = self.line(i).and_then(|l| find_headerless(&l.text)) else {
            return i + 1;
        };
        let start = TableStart {
            model: ColumnModel::headerless(),
            layout,
            first_row: i,
            headerless: true,
        };
        let (history, next) = read_table(self.lines, start, &mut self.state, &mut self.diags);
        if !history.layers.is_empty() {
            self.found.push(FoundHistory { history, start: i });
        }
        next
    }

    /// A custom `--format` with its own separator.
    fn custom_at(&mut self, i: usize) -> usize {
        match custom::read_custom(&self.lines.lines, i) {
            Some((history, next)) => {
                self.mark(i, next, LineState::Layer);
                self.found.push(FoundHistory { history, start: i });
                next
            }
            None => i + 1,
        }
    }

    /// Skips a `docker images` / `docker ps` table: its header and the rows
    /// under it, with one note.
    fn skip_other_table(&mut self, start: usize, name: &str) -> usize {
        let mut j = start + 1;
        while let Some(line) = self.line(j) {
            let few_words = line.text.split_whitespace().nth(2).is_none();
            if few_words || self.lines.kind(j).ends_other_table() {
                break;
            }
            j += 1;
        }
        self.mark(start, j, LineState::Structure);
        self.diags
            .extend(notes::other_table(&self.lines.lines, start, j, name));
        j
    }

    /// JSON starting at line `i`: the next line when a history (or another
    /// JSON document, skipped with a note) was read there.
    fn json_at(&mut self, i: usize) -> Option<usize> {
        let t = self.line(i)?.text.trim();
        let mark = if t.starts_with(['{', '[']) {
            None
        } else {
            MARKS.iter().position(|&m| {
                t.strip_prefix(m)
                    .is_some_and(|r| r.trim_start().starts_with(['{', '[']))
            })
        };
        let slot = mark.map_or(0, |m| m + 1);
        let (text, split) = self.json.view(slot, &self.lines.lines)?;
        match json::read_json(text, split, i) {
            Ok(found) => Some(self.json_found(found, i)),
            Err(miss) => {
                self.json_skip_until = miss.next;
                if !miss.other_json {
                    return None;
                }
                self.mark(i, miss.next, LineState::Structure);
                let line = self.line(i)?;
                let last = self
                    .line(miss.next.saturating_sub(1))
                    .map_or(line.no, |l| l.no);
                self.diags.push(note(
                    Severity::Note,
                    line,
                    format!(
                        "lines {}–{last}: JSON without `CreatedBy` (`docker images` or `inspect` output?), not a history (skipped)",
                        line.no
                    ),
                ));
                Some(miss.next)
            }
        }
    }

    /// Keeps a JSON history, its line numbers mapped back to the paste's own.
    fn json_found(&mut self, mut found: JsonHistory, i: usize) -> usize {
        let lines = &self.lines.lines;
        // JSON was read from re-split lines, numbered 1, 2, …: back to the
        // paste's own numbers (a hard-wrapped line spans several).
        let joined = *self
            .json
            .joined
            .get_or_init(|| lines.iter().any(|l| l.last != l.no));
        if joined {
            let first = |n: usize| lines.get(n.wrapping_sub(1)).map_or(n, |l| l.no);
            let last = |n: usize| lines.get(n.wrapping_sub(1)).map_or(n, |l| l.last);
            for layer in &mut found.history.layers {
                layer.lines = (first(layer.lines.0), last(layer.lines.1));
            }
            let (a, b) = found.history.lines;
            found.history.lines = (first(a), last(b));
        }
        self.mark(i, found.next, LineState::Layer);
        self.found.push(FoundHistory {
            history: found.history,
            start: i,
        });
        found.next
    }
}
