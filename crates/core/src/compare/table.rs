//! The aligned table as display strings, for the UI's table (and its screen
//! reader text) and for the CLI report: before layer | size | Δ | after layer |
//! size | status, one [`TableRow`] per comparison row, oldest first.
//!
//! Rows keep their index into `Comparison::rows` and know whether they belong
//! to the shared base block, so the UI can collapse the base into one line and
//! re-order the table with [`super::Comparison::row_order`].

use super::numbers::human_bytes;
use super::{Comparison, LayerRef, Row, Status};
use crate::text::cut_end;

/// One line of the aligned table, ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// Index into `Comparison::rows`.
    pub row: usize,
    pub status: Status,
    /// `same`, `resized`, … (also the CSS class / `data-status`).
    pub status_word: &'static str,
    /// `=`, `↕`, `✎`, `⇅`, `−`, `+`: a cue that does not rely on colour.
    pub symbol: &'static str,
    /// The before step as printed (without builder noise), or empty.
    pub before: String,
    /// `57.7 MB`, `?` when the row had no size, empty when no before layer.
    pub before_size: String,
    /// `−57.7 MB`, `+84 MB`, `≈ 0`, or empty when nothing changed.
    pub delta: String,
    pub after: String,
    pub after_size: String,
    /// True for rows of the shared base image block.
    pub in_base: bool,
    /// The signed change in bytes (for sorting and for colouring the Δ cell).
    pub delta_bytes: i64,
    /// A sentence for a tooltip / screen reader: `removed: RUN npm install (57.7 MB)`.
    pub description: String,
}

fn size_text(l: &Option<LayerRef>) -> String {
    match l {
        Some(l) => l.size.map_or("?".to_string(), |s| human_bytes(s.bytes)),
        None => String::new(),
    }
}

fn describe(r: &Row, before: &str, after: &str, bs: &str, as_: &str) -> String {
    let word = r.status.as_str();
    match (r.before.is_some(), r.after.is_some()) {
        (true, false) => format!("{word}: {before} ({bs})"),
        (false, true) => format!("{word}: {after} ({as_})"),
        _ if before == after && bs == as_ => format!("{word}: {before} ({bs})"),
        _ => {
            let delta = r.delta.short();
            let delta = if delta.is_empty() {
                String::new()
            } else {
                format!(", {delta}")
            };
            format!("{word}: {before} ({bs}) → {after} ({as_}{delta})")
        }
    }
}

/// Every row of the comparison as display strings, oldest first. `max_chars`
/// shortens the instructions (with `…`); 0 keeps them whole.
pub fn table_rows(c: &Comparison, max_chars: usize) -> Vec<TableRow> {
    (0..c.rows.len())
        .filter_map(|k| table_row(c, k, max_chars))
        .collect()
}

/// Row `k` of the comparison as display strings (`None` past the end). The
/// page builds only the rows it shows: a 5,000-row table's words all at once
/// were a long task of their own.
pub fn table_row(c: &Comparison, k: usize, max_chars: usize) -> Option<TableRow> {
    let r = c.rows.get(k)?;
    let text = |l: &Option<LayerRef>| {
        l.as_ref().map_or(String::new(), |l| {
            if max_chars == 0 {
                l.instruction.clone()
            } else {
                cut_end(&l.instruction, max_chars)
            }
        })
    };
    let (before, after) = (text(&r.before), text(&r.after));
    let (bs, as_) = (size_text(&r.before), size_text(&r.after));
    Some(TableRow {
        row: k,
        status: r.status,
        status_word: r.status.as_str(),
        symbol: r.status.symbol(),
        description: describe(r, &before, &after, &bs, &as_),
        before,
        before_size: bs,
        delta: r.delta.short(),
        after,
        after_size: as_,
        in_base: r.in_base,
        delta_bytes: r.delta.bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::test_support::history;

    #[test]
    fn rows_read_as_sentences() {
        let before = history(&[
            ("/bin/sh -c #(nop) ADD file:abc in /", 100),
            ("/bin/sh -c npm install", 5000),
        ]);
        let after = history(&[
            ("/bin/sh -c #(nop) ADD file:abc in /", 100),
            ("/bin/sh -c npm ci", 4000),
        ]);
        let rows = table_rows(&compare(&before, &after), 0);
        assert_eq!(rows.len(), 2);
        assert!(rows[0].in_base && rows[0].status == Status::Same);
        assert_eq!(rows[0].description, "same: ADD file:abc in / (100 B)");
        assert_eq!(rows[1].status_word, "changed");
        assert_eq!(
            rows[1].description,
            "changed: RUN npm install (5 kB) → RUN npm ci (4 kB, −1 kB)"
        );
        assert_eq!(
            (rows[1].delta.as_str(), rows[1].delta_bytes),
            ("−1 kB", -1000)
        );
    }
}
